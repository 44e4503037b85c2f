"""Rules drawn from the session-37 stories (explore37-37d, development data since their reading): a number promised is
no count made; an extension moves a term's end; the deadline of a participle told ahead; asked whether it is still
stopped, the newer report of the return leads and answers; a topic typed before a yes/no question; a plan's day is not
dated by the sentence before it; a quotation's "this morning" dated where the quotation closes; a figure as it stood
before an event is an earlier state; a quotation's speaker named in the paragraph before; a count typed with "so far";
each side of "according to X and to Y"."""

from __future__ import annotations

from datetime import date

from rag.answer.compose import _dated_quote
from rag.evidence import EvidenceSelector
from rag.evidence.entities import counts_asked_thing, counts_only_some
from rag.evidence.question import analyze, answer_type, is_yes_no, sides_topic
from rag.evidence.selector import _dates_done
from rag.news.conflicts import detect_conflicts
from rag.news.dates import resolve_dates
from rag.news.recency import asks_return
from rag.news.sameness import value_conflict
from rag.news.speakers import continued_speaker
from rag.news.values import values_in
from rag.settings import EvidenceSettings
from rag.types import Evidence, Passage
from tests.fakes import HashingEmbeddings


def _dated(text: str, article: str, published: str, score: float = 0.5, genre: str | None = None) -> Passage:
    return Passage(f"{article}::0", article, text, "Story", 0, len(text), score, "Wire", published, None, genre)


def _selector() -> EvidenceSelector:
    return EvidenceSelector(HashingEmbeddings(), EvidenceSettings())


def _conflict(a: str, b: str, day_a: date, day_b: date, across_time: bool) -> tuple[str, str] | None:
    found = value_conflict(a, b, values_in(a, day_a), values_in(b, day_b), across_time=across_time)
    return (found[1].shown, found[2].shown) if found else None


def test_a_number_promised_is_no_count_made() -> None:
    """Explore37b q05 noted the analysis's "forty cash machines the Oskeln Regional Bank promised" as disagreeing with
    "29 of the 38 cash machines it has installed"."""
    day = date(2026, 5, 26)
    installed = "The ORB said on Monday that 29 of the 38 cash machines it has installed in the province were working."
    promised = "Of the forty cash machines the Oskeln Regional Bank promised for the middle of May, most are working."
    assert _conflict(installed, promised, day, day, across_time=False) is None
    pledged = "The bank pledged 40 cash machines in the province by May."
    assert _conflict(installed, pledged, day, day, across_time=False) is None
    # A count against a count still differs.
    working = "The bank said on Monday that 29 cash machines in the province were working."
    counted = "The governor's office said on Monday that only 11 cash machines in the province were working."
    assert _conflict(working, counted, day, day, across_time=False) == ("29", "11")


def test_an_extension_moves_the_end_of_a_term() -> None:
    """Explore37 q22, "when does the orlenza truce run out", answered the first end date (4 October) with no word of
    the extension to Sunday, October 18: the two dates were never read as one term's."""
    first = "The local truce, mediated by Belvenne, took effect on August 30 and runs until October 4."
    extended = (
        "The Joint Truce Commission said on Friday that Ilvaria and Drummark had agreed to extend the truce around "
        "Orlenza by two weeks, until Sunday, October 18."
    )
    assert _conflict(first, extended, date(2026, 9, 17), date(2026, 10, 5), across_time=True) == (
        "October 4",
        "October 18",
    )
    # Two past days of other events are no term's end.
    met = "The truce commission met on August 30 in Orlenza and again on October 4."
    assert _conflict(met, extended, date(2026, 9, 17), date(2026, 10, 5), across_time=True) is None


def test_the_deadline_of_a_participle_told_ahead_is_ahead() -> None:
    """Explore37d showed "parcels handed in by Wednesday will travel on the first convoy" (a Tuesday 5 May report) as
    "by Wednesday [29 April 2026]"."""
    published = "2026-05-05"
    ahead = "Parcels handed in by Wednesday will travel on the first convoy, the company said."
    assert [str(r.date_from) for r in resolve_dates(ahead, published)] == ["2026-05-06"]
    for done in ("Parcels handed in by Wednesday went on the first convoy.", "Parcels were handed in by Wednesday."):
        assert [str(r.date_from) for r in resolve_dates(done, published)] == ["2026-04-29"]


def test_asked_whether_it_is_still_stopped_the_report_of_the_return_leads() -> None:
    """Explore37d q13, "is the parcel service accross the contact line still suspended", led with a column's "remains
    suspended" of 31 May; a report of 3 June told deliveries resumed."""
    question = "is the parcel service accross the contact line still suspended"
    assert asks_return(question)
    assert not asks_return("Why was the parcel service suspended?")
    column = _dated(
        "The parcel service across the contact line remains suspended. Nobody in the capital will say for how long.",
        "col",
        "2026-05-31",
        score=0.7,
        genre="opinion",
    )
    stopped = _dated(
        "SaldPost suspended all parcel deliveries across the line of contact on Thursday after a drone hit its depot.",
        "stop",
        "2026-05-29",
        score=0.6,
    )
    resumed = _dated(
        "SaldPost resumed parcel deliveries across the line of contact on Tuesday, sending six vans to the crossing.",
        "back",
        "2026-06-03",
        score=0.4,
    )
    found = _selector().select(question, [column, stopped, resumed])
    assert found.items and found.items[0].passage.article_id == "back"
    # … and answers, though an analysis of a later day still has it suspended (explore37c q13 abstained).
    later = _dated(
        "The Kastov minibus remains suspended after the shelling of 11 April, which means the town is cut off.",
        "late",
        "2026-05-13",
        score=0.6,
        genre="analysis",
    )
    kastov = [
        _dated(
            "The Kastov minibus remains suspended, three weeks after a shell landed on the road.",
            "col",
            "2026-05-03",
            score=0.6,
            genre="opinion",
        ),
        _dated(
            "The minibus from Kastov to the centre resumed service on Monday, the centre said.",
            "back",
            "2026-05-06",
            score=0.2,
        ),
        later,
    ]
    found = _selector().select("is the kastov shutle bus still suspended", kastov)
    assert found.answerable and found.items[0].passage.article_id == "back"


def test_a_topic_typed_before_a_yes_no_question() -> None:
    """Explore37d q16, "postal strike - did it go ahead?", was read as no yes/no question, and a column's "will strike"
    of the day before answered it."""
    assert is_yes_no("postal strike - did it go ahead?")
    assert is_yes_no("Kovrin-Ford crossing: is it open?")
    assert not is_yes_no("What is it - is it up?")
    assert not is_yes_no("blue-7 patrols - back on?")


def test_a_plan_is_not_dated_by_the_sentence_before_it() -> None:
    """Explore37b q19, "On what day did the first convoy's vans leave Armadt?", gave "The first cash convoy leaves
    Armadt on Tuesday, April 21" (a 14 April report) as dating what happened: the minister's "That ends this month" in
    the sentence before read as a day told."""
    before = '"That ends this month," he said. '
    plan = "The first cash convoy leaves Armadt on Tuesday, April 21, under the escort of ceasefire monitors."
    passage = _dated(before + plan, "plan", "2026-04-14")
    span = Evidence(plan, passage, len(before), len(before) + len(plan), 0.5)
    assert not _dates_done("On what day did the first convoy's vans leave Armadt?", span)
    left = "The first cash convoy left Armadt on Thursday under the escort of ceasefire monitors."
    done = _dated(before + left, "done", "2026-04-24")
    assert _dates_done(
        "On what day did the first convoy's vans leave Armadt?", Evidence(left, done, len(before), 0, 0.5)
    )


def test_a_quotations_today_is_dated_where_the_quotation_closes() -> None:
    """Explore37b q19: "“This morning four vans left Armadt …. That is what the truce was for,” … told reporters on
    Thursday", in a Friday report, is Thursday's morning; the span quoted ends before the attribution."""
    span = '"This morning four vans left Armadt with 120 million sovins, and tonight they are in Sallowby.'
    text = f'{span} That is what the truce was for," Aurel Pennick told reporters on Thursday. The vans are back.'
    e = Evidence(span, _dated(text, "a", "2026-04-24"), 0, len(span), 0.5)
    assert _dated_quote(e).startswith('"This morning [23 April 2026] four vans')
    # The span alone, its quotation closing nowhere in the passage, is left undated.
    alone = Evidence(span, _dated(span, "b", "2026-04-24"), 0, len(span), 0.5)
    assert "[" not in _dated_quote(alone)


def test_a_figure_as_it_stood_before_an_event_is_an_earlier_state() -> None:
    """Explore37d q02 showed Grevpost's "29,800 parcels … before the suspension" (3 June) and SaldPost's 41,800 "since
    the service began" (10 June) as sources that disagree."""
    before = _dated(
        "Grevpost said 29,800 parcels had been delivered to recipients in the Grevnan-held part of Ardena before the "
        "suspension.",
        "a",
        "2026-06-03",
    )
    since = _dated(
        "SaldPost said on Tuesday that 41,800 parcels had been delivered to recipients in the Grevnan-held part of "
        "Ardena since the service began on May 12.",
        "b",
        "2026-06-10",
    )
    kinds = [c.kind for c in detect_conflicts([before, since]) if c.about == "number"]
    assert kinds == ["change"]


def test_a_quotation_goes_on_in_the_speakers_voice() -> None:
    """Explore37 q27, "who said tarek woke up in belvenne lookin offended", quoted the words with no speaker: they are a
    paragraph of their own after the one naming Dr Nils Ardanne."""
    before = '"They travelled better than most of us would," said Dr Nils Ardanne, who runs the zoo.'
    after = '"Tarek slept all the way to the border and woke up in Belvenne looking offended."'
    assert continued_speaker(after, before) == "Dr Nils Ardanne"
    assert continued_speaker(after, "The convoy left at dawn.") is None
    assert continued_speaker('"Tarek slept," he said.', before) is None


def test_a_count_typed_with_so_far_asks_how_many() -> None:
    """Explore37 q02, "animals evacuated from the zoo so far?", was read as asking no number, and "About 80 animals due
    to be evacuated are still at the zoo" answered it; 633 had been."""
    question = "animals evacuated from the zoo so far?"
    assert answer_type(question) == "number"
    assert answer_type("fighting in kastov so far?") == "other"
    assert answer_type("whats happened so far?") == "other"
    assert counts_only_some(question, "About 80 animals due to be evacuated are still at the zoo, he said.")
    told = "The convoy brought the number of animals evacuated from the front-line city's zoo to 633, the charity said."
    assert not counts_only_some(question, told)
    assert counts_asked_thing(question, told)


def test_according_to_two_sources_asks_each_ones_account() -> None:
    """Explore37b q01 and explore37 q01 asked a figure "according to the bank and to the governor's office"."""
    question = (
        "How many cash machines were actually paying out money in Oskeln on 4 May, according to the bank and to the "
        "governor's office?"
    )
    assert analyze(question).sides == ("bank", "governor's office")
    assert sides_topic(question) == "How many cash machines were actually paying out money in Oskeln on 4 May"
    assert analyze("What did the bank say, according to Reuters?").sides == ()


def test_a_forecast_count_is_no_count_made() -> None:
    """Explore37b q01 told "the bank would have 40 cash machines working across the province by the middle of May" (14
    April) and "31 cash machines had been installed across the province" (5 May) as a change."""
    said = _dated(
        "Dragan Holst, the ORB's chief executive, said the bank would have 40 cash machines working across the "
        "province by the middle of May.",
        "a",
        "2026-04-14",
    )
    counted = _dated(
        "The ORB said on Monday that 31 cash machines had been installed across the province, of which 17 were "
        "working.",
        "b",
        "2026-05-05",
    )
    assert not [c for c in detect_conflicts([said, counted]) if c.about == "number"]
    # A count against a count of weeks later is a change.
    later = _dated(
        "The ORB said on Monday that 38 cash machines had been installed across the province.", "c", "2026-05-26"
    )
    assert [c.kind for c in detect_conflicts([counted, later]) if c.about == "number"] == ["change"]


def test_those_who_left_are_no_count_of_those_still_aboard() -> None:
    """Explore23d, once "Fourteen" was read as a count, noted "Fourteen crew members … left Velmora on Saturday on a
    charter flight" (27 April) and "the eight crew members still aboard the tanker" (5 May) as a change."""
    left = _dated(
        "Fourteen crew members and the ship's cargo superintendent left Velmora on Saturday on a charter flight.",
        "a",
        "2026-04-27",
    )
    aboard = _dated(
        "The coast guard said the eight crew members still aboard the tanker were in good health.", "b", "2026-05-05"
    )
    assert not [c for c in detect_conflicts([left, aboard]) if c.about == "number"]
    # … but "left" made to be is no leaving: "left 25,000 people dead" counts the dead, and "five million left
    # homeless" tells nothing of the 140,000 killed (news suite).
    killed = _dated("The tidal wave killed 150,000 people.", "d", "2026-04-27")
    dead = _dated("The tidal wave left 25,000 people dead.", "e", "2026-04-27")
    assert [c.about for c in detect_conflicts([killed, dead])] == ["number"]
    homeless = _dated(
        "Around 140,000 people were killed and five million left homeless after the tidal wave.", "f", "2026-04-27"
    )
    assert [c.about for c in detect_conflicts([killed, homeless])] == ["number"]
    fewer = _dated("The coast guard said fourteen crew members were still aboard the tanker.", "c", "2026-04-27")
    assert [c.kind for c in detect_conflicts([fewer, aboard]) if c.about == "number"] == ["change"]


def test_asked_now_a_report_giving_another_figure_leads_a_column() -> None:
    """Explore36b q09, "How has the number of displaced voters cleared to vote away from home changed?", led with an 8
    July analysis's "Only 121,400 displaced voters were cleared", a figure of 1 June; the commission had approved
    171,900 by 24 June."""
    column = _dated(
        "Only 121,400 displaced voters were cleared to vote away from their home districts, out of many more who had "
        "fled.",
        "col",
        "2026-07-08",
        score=0.8,
        genre="analysis",
    )
    report = _dated(
        "In all, 171,900 displaced voters were approved to vote away from their home districts after the last "
        "applications closed on Wednesday, the commission said.",
        "rep",
        "2026-06-29",
        score=0.5,
    )
    question = "How has the number of displaced voters cleared to vote away from home changed?"
    found = _selector().select(question, [column, report])
    assert found.items and found.items[0].passage.article_id == "rep"
    assert any(e.passage.article_id == "col" for e in found.items[1:])
