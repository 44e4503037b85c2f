"""Rules drawn from the session-36 stories (explore36-36d, development data since their reading): a plural told in the
present with a weekday; the day an order question gives each event; a figure told in the past perfect beside the one
standing; older accounts of a stop beside a report of the return; a stand-in named after the words of standing in; a
chair by any of its names; a body naming its chairman; "who decides" past an adverb and a "how many"; and counts in
words."""

from __future__ import annotations

from datetime import date

from rag.answer.compose import quotes_for
from rag.evidence import EvidenceSelector
from rag.evidence.definition import asked_post, names_holder
from rag.evidence.entities import succeeds
from rag.evidence.question import analyze, content_stems, matches
from rag.evidence.selector import _agent_asked
from rag.news.dates import resolve_dates
from rag.news.order import event_day
from rag.news.values import values_in
from rag.settings import EvidenceSettings
from rag.types import Evidence, Passage
from tests.fakes import HashingEmbeddings


def _dated(text: str, article: str, published: str, at: int = 0, score: float = 0.5) -> Passage:
    return Passage(f"{article}::{at}", article, text, "Story", 0, len(text), score, "Wire", published, None, None)


def _selector() -> EvidenceSelector:
    return EvidenceSelector(HashingEmbeddings(), EvidenceSettings())


def _days(text: str, published: str) -> list[str]:
    return [str(r.date_from) for r in resolve_dates(text, published)]


def test_a_plural_told_in_the_present_with_a_weekday_is_ahead() -> None:
    """Explore36 q18 dated "the 14 closed beaches reopen on Saturday" (a Thursday 7 May report) the Saturday before."""
    said = "The Vardell regional council said the 14 closed beaches reopen on Saturday, after crews removed oiled sand."
    assert _days(said, "2026-05-07") == ["2026-05-09"]
    since = "Eleven of the 14 beaches closed since April 29 reopen on Friday, the Vardell regional council said."
    assert _days(since, "2026-05-19") == ["2026-04-29", "2026-05-22"]
    # The past stays past, whatever the subject's number.
    assert _days("Schools reopened on Monday.", "2026-05-07") == ["2026-05-04"]
    assert _days("Skerrin Island Ferries resumed the crossing on Saturday.", "2026-05-19") == ["2026-05-16"]
    # … and what was seen happen is past: explore25b.
    seen = "Residents said they had seen several dark cars with diplomatic plates arrive on Saturday afternoon."
    assert _days(seen, "2026-05-05") == ["2026-05-02"]


def test_an_order_event_is_dated_only_by_a_sentence_that_tells_it() -> None:
    """Explore36 q18 and 36c q18 answered "Did A before or after B?" with days that were not the events'."""
    # A summary line's present is a headline's: "reopen on Friday", of a Tuesday, is the Friday ahead.
    brief = "In brief: Skerrin ferry running again; eleven beaches reopen on Friday."
    assert event_day("the beaches reopened", brief, "2026-05-19") is None
    # The day of another sentence, before the one telling the event, is that sentence's.
    returned = (
        "The families who had spent a week in the gymnasium of the Kelmoor school returned to their homes on Sunday. "
        "Greyholt replaced the control units on all 310 heat pumps installed at Kelmoor so far."
    )
    assert event_day("the Kelmoor heat pumps broke down", returned, "2026-11-05") is None
    # The event told only in a relative clause is not dated by the day outside it.
    aside = "Fenwick, who was appointed to lead the programme when it was set up in July, did not comment yesterday."
    assert event_day("the new programme chief appointed", aside, "2026-10-16") is None
    # A sentence giving the day of the event the sentence before told still dates it (explore21).
    named = (
        "The operator of the Zerav nuclear power plant has named Radomir Kesh as the plant's new director. "
        "Nordvel Atomic Operations announced the appointment on Saturday."
    )
    assert event_day("the new director being named", named, "2026-03-23") == date(2026, 3, 21)
    told = "On Friday, 11 of the 14 beaches closed by the spill reopened, the council said."
    assert event_day("the beaches reopened", told, "2026-05-26") == date(2026, 5, 22)


def test_a_figure_in_the_past_perfect_gives_way_to_the_one_standing() -> None:
    """Explore36b q02, "whats the final turnout now", quoted the commission's overtaken 52.4 per cent alone, though the
    sentence before it gives the court's certified 52.2."""
    text = (
        "The court annulled the results at nine polling stations in Hallick. "
        "The certified result puts turnout at 52.2 per cent and the Yes vote at 59.5 per cent, the court said. "
        "The commission's final figures, announced on July 2, had put turnout at 52.4 per cent and the Yes vote at "
        "59.6 per cent."
    )
    found = _selector().select("whats the final turnout now", [_dated(text, "a", "2026-07-08", score=0.6)])
    assert found.items and "52.2" in found.items[0].text
    # Not any past perfect: a reported count stands as told.
    told = "He said 172 Morvanian soldiers had been taken prisoner since the operation began on Aug. 3."
    other = "Kestrania said on Monday that 112 of its soldiers were killed."
    found = _selector().select("total prisoners taken so far?", [_dated(f"{other} {told}", "b", "2026-08-11")])
    assert not found.items or "112" not in found.items[0].text


def _span(text: str, article: str, published: str, score: float) -> Evidence:
    return Evidence(text, _dated(text, article, published), 0, len(text), score)


def test_asked_whether_it_works_again_older_accounts_of_the_stop_are_not_quoted() -> None:
    """Explore36 q02, "fishing in vardell bay allowed again?", quoted the ban of three weeks before ("covers the whole
    of Vardell Bay") beside the report that fishing had resumed, as if both held."""
    resumed = _span("Fishing resumed in the outer part of Vardell Bay on Monday.", "a", "2026-05-28", 0.8)
    ban = _span("The fishing ban, in force since April 27, covers the whole of Vardell Bay.", "b", "2026-05-07", 0.7)
    reopened = _span("Fishing in the outer bay reopened on Monday after tests.", "c", "2026-05-26", 0.7)
    question = "fishing in vardell bay allowed again?"
    assert [e.passage.article_id for e in quotes_for(question, [resumed, ban], 2, 0.5)] == ["a"]
    # An older report of the return itself stays.
    assert [e.passage.article_id for e in quotes_for(question, [resumed, reopened], 2, 0.5)] == ["a", "c"]
    # Asked no such thing, both are quoted.
    assert len(quotes_for("Where is fishing banned?", [resumed, ban], 2, 0.5)) == 2


def test_a_stand_in_named_after_the_words_of_standing_in_succeeds_the_one_gone() -> None:
    """Explore36d q14: "Marta Sedlay, who has run the club on an acting basis since Lesko's departure" tells who stood
    in for Lesko; the one standing in is not the one gone."""
    sedlay = "Marta Sedlay, who has run the club on an acting basis since Lesko's departure, will return to her post."
    assert succeeds("Viktor Lesko", sedlay)
    brasch = "Ottilie Brasch, Caldera's deputy mayor, has become acting mayor after Tobias Wrenfield resigned."
    assert not succeeds("Ottilie Brasch", brasch)


def test_a_chair_is_asked_by_any_of_its_names() -> None:
    """Explore36d q14 asked for the "chairman"; the article says "vice-chairwoman" and "acting chairwoman"."""
    assert matches("chairman", set(content_stems("the club's acting chairwoman")))
    assert matches("chairman", set(content_stems("The club's vice-chairwoman, Marta Sedlay")))
    assert not matches("chairman", set(content_stems("the club's captain")))


def test_a_body_naming_someone_as_its_head_names_the_holder() -> None:
    """Explore36d q06, "who runs drevnik foundry now": "Drevnik Foundry named Emil Drazen, a former club captain who now
    runs a freight company, as chairman on Thursday" names the club's chairman."""
    post = asked_post("who runs Drevnik Foundry now")
    assert post is not None
    named = (
        "Drevnik Foundry named Emil Drazen, a former club captain who now runs a freight company, as chairman on "
        "Thursday, nine days after Viktor Lesko resigned."
    )
    assert names_holder(post, named)
    assert not names_holder(post, named.replace("Drevnik Foundry", "The league"))


def test_asked_who_runs_it_now_the_body_naming_its_chairman_answers() -> None:
    """Explore36d q06, "who runs drevnik foundry now", withheld the answer beside "Drevnik Foundry named Emil Drazen …
    as chairman"; nor does the one who stood in, going back to a deputy's post, take over from him."""
    named = _dated(
        "Drevnik Foundry named Emil Drazen, a former club captain who now runs a freight company, as chairman on "
        "Thursday, nine days after Viktor Lesko resigned. Drazen, 47, takes office on Monday.",
        "a",
        "2026-04-24",
        score=0.6,
    )
    for other in (
        "Drevnik Foundry now runs two buses to Gorvalen Park for fans.",
        "Marta Sedlay, who has run the club on an acting basis since Lesko's departure, will return to her post as "
        "vice-chairwoman, Drevnik Foundry said.",
    ):
        found = _selector().select("who runs drevnik foundry now", [named, _dated(other, "b", "2026-04-24", score=0.6)])
        assert found.answerable and "Drazen" in found.items[0].text


def test_who_decides_is_read_past_an_adverb_and_a_how_many() -> None:
    """Explore36d q22, "Who actually gets to decide how many fans can go into Gorvalen Park - the league or the
    military?", was read as asking a number, its act as "actually", and "The administration is expected to decide by
    Tuesday" as naming the one who decides."""
    question = "Who actually gets to decide how many fans can go into Gorvalen Park - the league or the military?"
    assert analyze(question).answer_type == "person"
    assert analyze("How many fans can go into Gorvalen Park?").answer_type == "number"
    doing = _agent_asked(question)
    assert doing is not None
    assert not doing.search("The administration is expected to decide by Tuesday.")
    assert doing.search("The number of spectators is decided by the Regional Military Administration.")
    assert doing.search("Only the regional military administration can authorise the match.")
    # … and one that holds the last word: explore36b q18.
    last = _agent_asked("Who has the final say on whether the referendum result stands?")
    assert last is not None
    assert last.search("The Constitutional Court, which has until Sunday to rule, holds the last word on the result.")


def test_a_count_in_words_is_one_number() -> None:
    """Explore36 q04 noted "Twenty-two skimmer vessels" (a 28 May analysis) as disagreeing with "22 skimmer vessels",
    read as 20 and 2, and "Sixteen skimmer vessels remain" gave no count."""
    published = date(2026, 5, 28)
    assert [(v.shown, v.span) for v in values_in("Twenty-two skimmer vessels are at work.", published)] == [
        ("Twenty-two", (22.0, 22.0))
    ]
    assert [v.span for v in values_in("Sixteen skimmer vessels remain at work.", published)] == [(16.0, 16.0)]
