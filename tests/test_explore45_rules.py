"""Rules drawn from the session-45 stories (explore45-45d, development data since their reading): a company's head is
named by "took over as director of the water company", by "the utility" once the article has named it, or as its
acting director; a removal's reason may be its own clause ("over the cutting of chlorine doses", "a day after the
regulator admitted …") or a fault the remover names ("… even though the army had warned"); a question on when
something was due and when it happened is answered by the report telling how late it came and the first plan; a named
speaker's "nobody has …" answers who insisted no one did it; a sentence goes on after "9.05 a.m." in lower case."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from rag.answer.chain import AnswerChain
from rag.answer.support import negation_conflict
from rag.evidence import EvidenceSelector
from rag.evidence.candidates import build
from rag.evidence.definition import asked_post, names_holder
from rag.evidence.entities import lists_others
from rag.evidence.features import ANSWER_FEATURES
from rag.evidence.lateness import due_and_done
from rag.evidence.model import Logistic
from rag.evidence.question import analyze
from rag.evidence.removal import removal_reason, tells_removal
from rag.evidence.selector import _as_evidence, _revising, revises_figure
from rag.evidence.speaker import asks_who_said, denial_asked, quotes_speaker
from rag.news.conflicts import detect_conflicts
from rag.news.plans import asks_plan_and_act
from rag.news.text import sentences
from rag.settings import EvidenceSettings
from rag.types import Passage
from tests.fakes import HashingEmbeddings
from tests.test_evidence import shipped_with
from tests.test_explore44_rules import _dated, _span


def _answer_model_saying(intercept: float) -> EvidenceSelector:
    """A selector whose answer model gives every question the same answer, yes (a positive `intercept`) or no."""
    n = len(ANSWER_FEATURES)
    model = shipped_with(answer=Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, intercept))
    return EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), model)


def _never_answers() -> EvidenceSelector:
    """A selector whose answer model says no to everything: what answers, a rule decided."""
    return _answer_model_saying(-10.0)


def test_a_companys_head_is_named_as_taking_over_by_its_kind_or_as_acting() -> None:
    """Explore45 q06, 45b q06 and 45d q06 abstained on "who's in charge of the … now"."""
    water = asked_post("who's running the water company now")
    assert water is not None
    assert names_holder(water, "Gustav Emmerin took over as director of the water company on Tuesday.")
    heating = asked_post("who's in charge of the heating company now")
    assert heating is not None
    before = "Dravetz Heat Networks, the city's heating utility, restarted its boilers."
    took = "Mykola Ferentz took office as director of the utility on Tuesday."
    named = "Mayor Oksana Veliar named Mykola Ferentz, 58, as the utility's new director on Friday."
    assert names_holder(heating, took, before) and names_holder(heating, named, before)
    # "heating" names "Heat Networks" by its stem.
    assert names_holder(heating, "Mykola Ferentz took office as director of Dravetz Heat Networks on Tuesday.")
    # "The utility" is the asked body only where the article has named it: not in a story on the ministry.
    assert not names_holder(heating, took, "The energy ministry said gas would flow again.")
    regulator = asked_post("who's in charge of the telecoms regulator now")
    assert regulator is not None and regulator.body == "telecoms regulator"
    acting = "Maruska Velka is the acting director of the telecoms regulator, the ministry said on Friday."
    assert names_holder(regulator, acting)
    station = asked_post("who's in charge of orzhany station now")
    assert station is not None
    assert names_holder(station, "Ondrej Zimny took office as Orzhany station master on Monday.")
    assert not names_holder(station, "Ondrej Zimny arrived at Orzhany station on Monday.")


def _reasons(question: str, text: str) -> list[str]:
    found, _pairs = build([Passage("a::0", "a", text, "Story", 0, len(text), 0.5)])
    return [c.text for c in removal_reason(question, found)]


def test_a_removals_reason_in_its_own_clause_or_a_fault_the_remover_names() -> None:
    """Explore45 q11, 45b q12 and 45d q11 abstained or led with another span."""
    over = "He replaces Bertil Raskin, the director, who was dismissed on May 8 over the cutting of chlorine doses."
    assert _reasons("Why was the waterworks director sacked?", over) == [over]
    cutting = (
        "The mayor dismissed the director, Bertil Raskin, on 8 May for cutting the chlorine without telling anyone."
    )
    assert _reasons("Why was the waterworks director sacked?", cutting) == [cutting]
    admitted = (
        "The minister on Thursday dismissed Pashko Veselik, director of the regulator, a day after the regulator "
        "admitted that a figure it had given counted masts that were not working."
    )
    assert _reasons("Why was the head of the telecoms regulator fired?", admitted) == [admitted]
    whose = "The minister dismissed Pashko Veselik, the head of the regulator, whose office had told Brisava a lie."
    assert _reasons("Why was the head of the telecoms regulator fired?", whose) == [whose]
    story = (
        "Salko took charge of the utility on Tuesday after Mayor Oksana Veliar dismissed its director, Bohdan "
        "Yaroshen. Veliar said the utility had kept the night shift working in the boiler hall even though the army "
        "had warned that the district would be shelled."
    )
    found = _reasons("Why was the director of Dravetz Heat Networks fired?", story)
    assert len(found) == 2 and found[1].startswith("Veliar said the utility had kept")
    # A removal told with no reason, nor a fault after it, gives none.
    bare = "Mayor Oksana Veliar dismissed its director, Bohdan Yaroshen. Veliar said the boilers were working."
    assert _reasons("Why was the director of Dravetz Heat Networks fired?", bare) == []


_DELAY = [
    (
        "The pumps at the rebuilt Sedge Hill works started at 8.15 a.m. yesterday, sending water to Drovny, two days "
        "later than first planned.",
        "2026-04-23",
        None,
    ),
    ("Water from the rebuilt Sedge Hill works did not reach Drovny on Monday, after a row.", "2026-04-21", None),
    ("A row over chlorine made the first Sedge Hill water to Drovny a week late.", "2026-05-20", "analysis"),
]


def _late(question: str, passages: list[Passage], cosine: float = 0.5) -> list[str]:
    """`due_and_done` over the sentences of `passages`, each at `cosine` to the question."""
    sentences, _pairs = build(passages)
    return [c.text for c in due_and_done(question, sentences, [cosine] * len(sentences))]


def test_when_due_and_when_done_is_the_report_telling_how_late_it_came_and_the_plan() -> None:
    """Explore45 q10 and 45d q10 abstained; the analysis's "a week late" was wrong by five days."""
    question = "When was water from Sedge Hill supposed to reach Drovny, and when did it actually get there?"
    assert asks_plan_and_act(question)
    assert not asks_plan_and_act("When did water from Sedge Hill reach Drovny?")
    passages = [_dated(text, f"a{i}", day, genre) for i, (text, day, genre) in enumerate(_DELAY)]
    found = _late(question, passages)
    assert found[0].startswith("The pumps at the rebuilt Sedge Hill works started")
    assert found[1].startswith("Water from the rebuilt Sedge Hill works did not reach")
    # Only a column tells how late: no answer from it.
    assert _late(question, passages[2:]) == []
    # An act done leads one still to come.
    coming = _dated(
        "Water will reach Drovny from Sedge Hill on Monday, six days later than planned.", "x", "2026-04-20"
    )
    assert _late(question, [coming, *passages[:1]])[0].startswith("The pumps")
    # A sentence far from the question in meaning tells another thing's delay (explore41c q10's generator, 0.19).
    generator = _dated("The diesel generator reached the works yesterday, two days late.", "g", "2026-04-23")
    assert _late(question, [generator], cosine=0.19) == []
    assert _late(question, [generator], cosine=0.3) == [generator.text]
    # An act told as done before one told in the present, and none for an act asked to come (explore19b q15).
    opens = _dated("Water reaches Drovny from Sedge Hill on Friday, two days later than planned.", "o", "2026-04-20")
    assert _late(question, [opens, *passages[:1]])[0].startswith("The pumps")
    assert _late("When was water supposed to reach Drovny, and when does it start?", passages) == []
    # The plan as first announced, a weekday with its date (explore35c q10, explore37b q10), not a new date.
    announced = _dated(
        "Water reaches Drovny from Sedge Hill on Monday, April 20, the ministry said.", "s", "2026-04-14"
    )
    moved = _dated("Water will now reach Drovny on Wednesday, April 22, the ministry said.", "m", "2026-04-21")
    assert _late(question, [passages[0], moved, announced]) == [passages[0].text, announced.text]
    answer = _never_answers().select(question, passages)
    assert answer.answerable and answer.items[0].text.startswith("The pumps")


def test_a_named_speakers_nobody_answers_who_insisted_no_one_did_it() -> None:
    """Explore45 q09 abstained beside "“Nobody has asked to go into Sedge Hill,” spokesman Oren Thask said"."""
    text = "“Nobody has asked to go into Sedge Hill,” spokesman Oren Thask said in Kostrel."
    question = "Who insisted that no one had asked to get inside the treatment works at Sedge Hill?"
    answer = _never_answers().select(question, [_dated(text, "a", "2026-04-21")])
    assert answer.answerable and answer.items[0].text == text
    # A column's line is no report of it.
    assert not _never_answers().select(question, [_dated(text, "a", "2026-04-21", "opinion")]).answerable


def test_a_sentence_goes_on_after_a_time_of_day() -> None:
    """Explore43 q10 noted "did not open on Saturday" and "opened at 9.05 a.m." as sources that disagree: the sentence
    had been cut after "a.m.", and its "yesterday …, three days later than first planned" lost."""
    done = (
        "The doors of the Kaldren Sports Hall opened at 9.05 a.m. yesterday and 318 people gave blood, three days "
        "later than first planned."
    )
    missed = "The first session of the blood drive at the Kaldren Sports Hall did not open on Saturday, after a blast."
    assert len(sentences(done)) == 1 and len(sentences("It opened at 9 a.m. The hall was full.")) == 2
    found = detect_conflicts([_span(done, "a", "2026-04-15"), _span(missed, "b", "2026-04-12")])
    assert not any(c.kind == "conflict" for c in found)


def test_a_report_found_by_searching_for_the_removal_answers_only_when_a_removal_leads() -> None:
    """Explore45d q11 read the chunk of the shelling report after the one telling the removal and led with a figure."""
    question = "Why was the director of Dravetz Heat Networks fired?"
    read = [_dated("Heat has returned to 463 of the 548 blocks, Dravetz Heat Networks said.", "u", "2026-11-04")]
    before = _never_answers().select(question, read)
    removal = (
        "Salko took charge of the utility on Tuesday after Mayor Oksana Veliar dismissed its director, Bohdan "
        "Yaroshen. "
        "Veliar said the utility had kept the night shift working even though the army had warned."
    )
    assert not tells_removal("Osmund said the shells had been fired deliberately.")
    assert not tells_removal("The plant fired up its boilers on Monday.")
    assert tells_removal("The mayor fired the director, Bohdan Yaroshen.")
    searched: list[str] = []

    def chain(found: list[Passage], selector: EvidenceSelector | None = None) -> SimpleNamespace:
        def reports_of(texts: list[str], query: str, relevant: list[Passage], filters: object) -> list[Passage]:
            searched.extend(texts)
            return found

        return SimpleNamespace(selector=selector or _never_answers(), _reports_of=reports_of)

    widened, chosen = AnswerChain._with_reports_telling(
        chain([_dated(removal, "s", "2026-10-28")]), question, "dismissed said", tells_removal, before, read, None
    )
    assert searched == [f"{question} dismissed said"]
    assert len(widened) == 2 and chosen.answerable and chosen.items[0].text.startswith("Salko took charge")
    # A report found that tells no removal leaves what was read as it was, however sure the answer model is of it.
    sure = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), shipped_with())
    other = _dated("The director of Dravetz Heat Networks was praised because the heat came back.", "s", "2026-10-28")
    assert sure.select(question, [*read, other]).answerable
    widened, chosen = AnswerChain._with_reports_telling(
        chain([other], sure), question, "dismissed said", tells_removal, before, read, None
    )
    assert widened == read and chosen is before


def test_a_limit_with_may_and_a_reopening_are_no_changes() -> None:
    """With the sentences after "a.m." whole, explore44b q03 noted "no more than 60 workers may be on the dam" against
    the 46 who went onto it as a change, and explore39b q13 "reopened …, after the commission lifted the closure"
    against "… which the commission opened to them"."""
    limit = "Crews will work in daylight only, and no more than 60 workers may be on the dam at any one time."
    count = "The first repair crew walked onto the dam at 7.10 a.m. yesterday, 46 workers in white helmets."
    assert not detect_conflicts([_span(limit, "a", "2026-04-14"), _span(count, "b", "2026-04-24")])
    reopened = (
        "The Tellan Bridge reopened to students at 8 a.m. on Monday, after the Joint Crossings Commission lifted the "
        "closure it had imposed on Friday, the day shells fell about 700 metres from the bridge's approach road."
    )
    opened = (
        "The students crossed the Tellan Bridge over the river Maro, which the Joint Crossings Commission opened to "
        "them under the Lindmoor ceasefire."
    )
    assert not detect_conflicts([_span(reopened, "a", "2026-07-02"), _span(opened, "b", "2026-07-10")])
    # A closure against an opening still is one.
    assert negation_conflict("The Joint Crossings Commission closed the Tellan Bridge to students.", opened)


def test_a_small_figure_in_words_is_revised_too() -> None:
    """Explore45 q04 gave the ministry's first "Three members of the crew were injured" beside no revision: "revising
    its first figure of three" named a figure in words, which only digits were read as."""
    first = (
        "Three members of the crew were injured, one of them seriously, the utilities ministry said on Monday evening."
    )
    revised = (
        "The ministry said on May 7 that four people had been hurt in the shelling on May 4, three crew members and an "
        "Asplandic monitor, revising its first figure of three."
    )
    assert revises_figure(first, revised)
    assert not revises_figure("Two members of the crew were injured.", revised)
    assert not revises_figure("Thirty-three people were injured.", revised)
    # … nor a figure in words counting something else (explore45 q01 led with the revision beside this).
    assert not revises_figure("The main is 17 kilometres of steel pipe, three of them through a wood.", revised)


def test_who_said_it_in_other_words_is_the_named_speaker_quoted() -> None:
    """Explore45 q30 abstained beside "“A tap that works for a fortnight and then stops is worse than no tap at all,”
    said Maren Tulloch"; explore35 q09 must not take the other side's quotation for the denial asked."""
    question = "Who said having a tap that only works for a couple of weeks is worse than having none?"
    assert asks_who_said(question) and not asks_who_said("Who runs the water company now?")
    assert not denial_asked(question) and denial_asked("Who insisted that none of the men was a soldier?")
    said = (
        "“A tap that works for a fortnight and then stops is worse than no tap at all, because people stopped saving "
        "water,” said Maren Tulloch, who chairs the Drovny Residents' Council."
    )
    assert quotes_speaker(said) and not quotes_speaker("Maren Tulloch chairs the Drovny Residents' Council.")
    answer = _never_answers().select(question, [_dated(said, "a", "2026-05-06")])
    assert answer.answerable and answer.items[0].text.startswith("“A tap that works")
    # Too few of the question's words: another quotation.
    other = "“A bucket is not a luxury,” said Maren Tulloch, who chairs the Drovny Residents' Council."
    assert not _never_answers().select(question, [_dated(other, "a", "2026-05-06")]).answerable
    # A denial asked is no claim quoted.
    claim = "Colonel Evgen Lask said several of the 17 men sent back “appear on our records of servicemen”."
    denial = "Who insisted that none of the 17 men sent back by the commission was a soldier?"
    assert not _never_answers().select(denial, [_dated(claim, "a", "2026-06-05")]).answerable


def test_a_figure_told_as_up_from_the_earlier_one_is_a_change() -> None:
    """Explore45c q15 noted "its shelter has 420 places" (8 September) and "The shelter now has 560 places, up from
    420" (29 September) as sources that disagree."""
    later = _span("The shelter now has 560 places, up from 420. The city has not said the cost.", "a", "2026-09-29")
    earlier = _span("Only School No. 12 stays closed: its shelter has 420 places.", "b", "2026-09-08")
    found = detect_conflicts([later, earlier])
    assert found and {c.kind for c in found} == {"change"}


def test_a_span_holding_a_revision_is_not_revised_by_its_own_sentence() -> None:
    """Explore42d q04 led with "… revising its first figure of eleven." cut from its span "…. Two people were killed.",
    quoted twice once figures in words were read."""
    question = "How many people were hurt in the shelling of Kolvarin?"
    revision = (
        "The city health department said on October 1 that 19 people had been injured in the shelling of Kolvarin, "
        "revising its first figure of eleven. Two people were killed."
    )
    sentences, pairs = build([_dated(revision, "a", "2026-10-13")])
    candidates = sentences + pairs
    info = analyze(question)
    span = _as_evidence(pairs[0], 0.6, info)
    assert _revising(question, info, [span], candidates, np.full(len(candidates), 0.5), None) == []


def test_a_month_is_no_other_place() -> None:
    """Explore45b q23 abstained: "… in the Belvarran-held part of the province, …, up from about 35 percent in April"
    read as giving the share for places other than Lomra."""
    info = analyze("what percentage of people in Lomra have phone signal now")
    text = (
        "Mobile signal now reaches 71 percent of the people in the Belvarran-held part of the province, the regulator "
        "said, up from about 35 percent in April."
    )
    assert not lists_others(info, text)
    assert lists_others(info, "Signal reaches 71 percent in Karsovia and 40 percent in Ostrevo.")


def test_how_long_something_runs_is_answered_by_its_end() -> None:
    """Explore40c q14 abstained beside "The truce, extended twice, now runs to 10 May"."""
    question = "How long does the holiday truce run now?"
    text = "The truce, extended twice, now runs to 10 May, and officials are talking about something longer."
    answer = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), shipped_with()).select(
        question, [_dated(text, "a", "2026-05-06")]
    )
    assert answer.answerable and answer.items[0].text == text
    # A length of time still answers; a sentence with neither does not.
    other = "The truce was agreed by the two governments at the start of the holiday."
    assert (
        not EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), shipped_with())
        .select(question, [_dated(other, "a", "2026-05-06")])
        .answerable
    )
