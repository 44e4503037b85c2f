"""Rules drawn from the session-44 stories (explore44-44d, development data since their reading): an expectation held
now is of a day to come; a reply told only as coming "within hours" of a claim is dated by the claim; one named source
giving a figure on two days has moved on, not disagreed with itself, nor do two figures each dated to its own day; a
column's count in words ("has delivered six") is a running count a later report can be ahead of; "why was X fired?" is
answered by the removal and the remover's reason told after it; an office or a power station has a head to ask for,
and a station master heads a station."""

from __future__ import annotations

from datetime import date

from rag.evidence import EvidenceSelector
from rag.evidence.candidates import build
from rag.evidence.definition import asked_post
from rag.evidence.removal import asks_removal_why, removal_reason
from rag.evidence.types import Evidence
from rag.news.conflicts import column_behind, detect_conflicts
from rag.news.dates import resolve_dates
from rag.settings import EvidenceSettings
from rag.types import Passage
from tests.fakes import HashingEmbeddings
from tests.test_evidence import shipped_with


def _dated(text: str, article: str, published: str, genre: str | None = None) -> Passage:
    return Passage(f"{article}::0", article, text, "Story", 0, len(text), 0.5, "Wire", published, None, genre)


def _span(text: str, article: str, published: str, genre: str | None = None) -> Evidence:
    return Evidence(text, _dated(text, article, published, genre), 0, len(text), 0.5)


def _days(text: str, published: str) -> list[date | None]:
    return [r.day for r in resolve_dates(text, published)]


def test_an_expectation_held_now_is_of_a_day_to_come() -> None:
    """Explore44 q10 showed the convoy "now expected … on Monday" in a Friday report as the Monday before."""
    expected = "The agriculture ministry said it now expected the convoy at Marnholt on Monday."
    assert _days(expected, "2026-04-10") == [date(2026, 4, 13)]
    assert _days("Officials expect the convoy on Monday.", "2026-04-10") == [date(2026, 4, 13)]
    # A plan of before, which may have failed, keeps its day gone by.
    assert _days("The ministry had expected the convoy on Thursday.", "2026-04-10") == [date(2026, 4, 9)]
    assert _days("The convoy was expected on Thursday but did not arrive.", "2026-04-10") == [date(2026, 4, 9)]


def test_a_reply_within_hours_is_dated_by_the_claim_it_answers() -> None:
    """Explore44c q08's note dated Kordesh's denial to the report's Tuesday, four days after the claim it answered."""
    claim = 'Santelle said on Friday that the drone was Kordeshi and had been "sent to frighten the families".'
    denial = "Kordesh's Office for Civil Affairs denied it within hours."
    text = f"{claim} {denial}"
    passage = _dated(text, "a", "2026-05-12")
    items = [Evidence(claim, passage, 0, len(claim), 0.5), Evidence(denial, passage, len(claim) + 1, len(text), 0.5)]
    sides = [side for conflict in detect_conflicts(items) for side in conflict.sides if side.text == denial]
    assert sides and all(side.told == "2026-05-08" for side in sides)


def test_one_source_on_two_days_moves_on_and_does_not_disagree_with_itself() -> None:
    """Explore44b q31 noted the State Emergency Service's seven sirens working (26 May) and nine (27 May) as sources
    that disagree."""
    before = (
        "Eleven of the 12 flood sirens ordered from Halmira have now been delivered, and seven are installed and "
        "working, the State Emergency Service said."
    )
    after = (
        "All 12 flood sirens ordered from Halmira have now been delivered and nine are installed and working, the "
        "State Emergency Service said."
    )
    found = detect_conflicts([_span(before, "a", "2026-05-26"), _span(after, "b", "2026-05-27")])
    assert found and {c.kind for c in found} == {"change"}


def test_a_columns_count_in_words_can_be_behind_a_report() -> None:
    """Explore44c q31 noted an analysis's "has delivered six" against the embassy's "has now delivered eight" of the
    day before as sources that disagree."""
    report = "Haverlund has now delivered eight of the ten minibuses it ordered for the programme, the embassy said."
    column = "Haverlund has delivered six of the ten minibuses it ordered and only four are on the road."
    found = detect_conflicts([_span(report, "a", "2026-05-23"), _span(column, "b", "2026-05-23", "analysis")])
    assert found and all(column_behind(*c.sides) for c in found)
    # A report's count is no column's to fall behind.
    found = detect_conflicts([_span(report, "a", "2026-05-23"), _span(column, "b", "2026-05-23")])
    assert not any(column_behind(*c.sides) for c in found)


def test_two_figures_each_dated_to_its_own_day_are_a_change() -> None:
    """Explore44b q06 noted "three turbines yesterday" (26 May) and "four turbines early on Wednesday" (27 May) as
    sources that disagree on the day."""
    earlier = (
        "The Brannow hydroelectric dam was producing 162 megawatts from three turbines yesterday, its highest output "
        "since it was shelled in March, Veltrenergo said."
    )
    later = (
        "The Brannow hydroelectric dam was producing 214 megawatts from four turbines early on Wednesday, state power "
        "company Veltrenergo said, after its second transformer was reconnected on Tuesday."
    )
    found = detect_conflicts([_span(earlier, "b", "2026-05-26"), _span(later, "a", "2026-05-27")])
    assert found and {c.kind for c in found} == {"change"}


_REMOVAL_STORY = (
    "Terzan, 41, took charge of the station on Tuesday after energy minister Tiberiu Ostrowin dismissed its director, "
    "Jarmil Brezak. The water reached the first houses in Lower Varla within the hour. Ostrowin said the station's "
    "control room had not raised the alarm in the villages until 40 minutes after the gate jammed. Brezak said the "
    "control room had reported the jammed gate to the State Emergency Service within five minutes, as the rules "
    "require."
)


def test_why_someone_was_fired_is_the_removal_and_the_removers_reason_after_it() -> None:
    """Explore44b q11 (and the q11 of 44c, 44d) abstained: no one sentence holds the removal and its reason."""
    question = "Why was the director of the power station fired?"
    assert asks_removal_why(question)
    sentences, _pairs = build([Passage("a::0", "a", _REMOVAL_STORY, "Dam", 0, len(_REMOVAL_STORY), 0.5)])
    found = [c.text for c in removal_reason(question, sentences)]
    assert found[0].startswith("Terzan, 41, took charge")
    assert found[1].startswith("Ostrowin said the station's control room had not raised the alarm")
    assert found[2].startswith("Brezak said")
    # The successor named before the remover gives no reason: only the remover, named by the verb, does.
    swapped = _REMOVAL_STORY.replace("Ostrowin said the station's", "Terzan said the station's")
    sentences, _pairs = build([Passage("a::0", "a", swapped, "Dam", 0, len(swapped), 0.5)])
    assert removal_reason(question, sentences) == []
    assert not asks_removal_why("Why did the shells hit the spillway?")


def test_the_selector_answers_why_someone_was_fired_with_the_removal_and_its_reason() -> None:
    """The rule answers whatever the answer model and the why rules made of the best span (fake embeddings)."""
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), shipped_with())
    story = Passage("a::0", "a", _REMOVAL_STORY, "Dam", 0, len(_REMOVAL_STORY), 0.5)
    found = selector.select("Why was the director of the power station fired?", [story])
    assert found.answerable
    texts = [e.text for e in found.items]
    assert texts[0].startswith("Terzan, 41, took charge")
    assert texts[1].startswith("Ostrowin said") and found.items[1].disputes
    assert texts[2].startswith("Brezak said") and found.items[2].disputes


def test_a_pronoun_saying_right_after_the_removal_is_the_remover() -> None:
    """The form of explore39c's report: "She said the weighbridge … had been out of order"."""
    text = (
        "Defence minister Rufina Calvert relieved Lieutenant-Colonel Eldric Falstead of his command on Friday. "
        "She said the weighbridge at the west approach had not been working since Tuesday. "
        "The bridge reopened on Monday."
    )
    question = "Why did the defence minister take Falstead off the job?"
    assert asks_removal_why(question)
    sentences, _pairs = build([Passage("a::0", "a", text, "Bridge", 0, len(text), 0.5)])
    found = [c.text for c in removal_reason(question, sentences)]
    assert len(found) == 2 and found[1].startswith("She said the weighbridge")
    # Only right after the removal: a pronoun further on may be anyone's.
    later = text.replace(" She said", " The bridge was shut. She said")
    sentences, _pairs = build([Passage("a::0", "a", later, "Bridge", 0, len(later), 0.5)])
    assert removal_reason(question, sentences) == []


def test_a_removal_giving_its_own_reason_answers_alone() -> None:
    text = (
        "On Thursday the authority's director general, Ines Marrabel, suspended Oren Valdemark, the head of the Hervay "
        "office, after finding that the Kestrum field had been certified without the resampling the rules require."
    )
    sentences, _pairs = build([Passage("a::0", "a", text, "Mines", 0, len(text), 0.5)])
    found = removal_reason("Why was the head of the Hervay mine office taken off the job?", sentences)
    assert [c.text for c in found] == [text]


def test_an_office_and_a_power_station_have_a_head_to_ask_for() -> None:
    """Explore44 and explore44b q06 abstained: "office" and "station" were no bodies whose head is asked."""
    for question, body in (
        ("who's in charge of the hervay mine office now", "hervay mine office"),
        ("who's running the brannow power station now", "brannow power station"),
    ):
        post = asked_post(question)
        assert post is not None and post.body == body
    # A station master heads a station (explore44d q06 abstained once "station" was a body).
    text = "The Orzhany station master, Ondrej Zimny, said trains would run twice a day. The line is 40 km long."
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), shipped_with())
    found = selector.select(
        "who's in charge of orzhany station now", [Passage("a::0", "a", text, "Rail", 0, len(text), 0.5)]
    )
    assert found.answerable and found.items[0].text.startswith("The Orzhany station master, Ondrej Zimny")
