"""Rules drawn from the session-48 stories (explore48-48d, development data since their reading): "several hundred" is
some hundreds; what a laboratory identified is no count of those listed as captured; a figure told again with more is
no change; a column behind a report of its day is no side of any note; "untreated" and "stopped treating" agree with
"has not treated"; a sentence opening on a total ("Of the city's 26 …") gives a total; "in the end" asks the latest;
asked who said something, the one who said it, not the one denying it, and the report naming the speaker a column
retold; rules asked as first laid down are the earliest report's; "Who gets the final say on …" reads the words after
the asking."""

from __future__ import annotations

from datetime import date

from rag.answer.cite import ParsedAnswer
from rag.answer.news import _columns_behind, disagreements
from rag.answer.support import negation_conflict
from rag.evidence.question import analyze
from rag.evidence.rules import rules, rules_asked
from rag.evidence.selector import _figures_before_named
from rag.evidence.speaker import asks_who_said
from rag.news.conflicts import detect_conflicts
from rag.news.dates import resolve_dates
from rag.news.recency import wants_latest
from rag.news.sameness import _state
from rag.news.values import values_in
from tests.test_explore44_rules import _dated, _span
from tests.test_explore45_rules import _never_answers


def _noted(a: str, b: str, day_a: str = "2026-09-22", day_b: str = "2026-10-14") -> bool:
    return bool(detect_conflicts([_span(a, "a", day_a), _span(b, "b", day_b)]))


def test_several_hundred_is_some_hundreds() -> None:
    """Explore48 q23 read "several hundred soldiers" as one hundred."""
    several = values_in("It found that several hundred soldiers listed as captured had never appeared.", None)
    assert [v.span for v in several if v.kind == "number"] == [(200.0, 980.0)]
    assert [v.span for v in values_in("a hundred soldiers", None)] == [(100.0, 100.0)]


def test_identified_is_no_count_of_those_listed_as_captured() -> None:
    """Explore48 q23 noted "identified 155 soldiers" against "several hundred soldiers … captured" as a change."""
    identified = "The laboratory has identified 155 soldiers from the remains, the commissioner said."
    assert [_state(v, identified) for v in values_in(identified, None)] == ["checked"]
    assert not _noted("The army said several hundred soldiers had been captured, the commissioner said.", identified)
    assert _noted("The laboratory said it had identified 71 soldiers from the remains.", identified)


def test_a_figure_told_again_with_more_is_no_change() -> None:
    """Explore48 q24 and q25 showed the first handover's 212 and a later sentence giving the 212 again beside a total
    as a change."""
    first = (
        "Oskaria handed over the remains of 212 Astravian soldiers and 14 civilians at the Marden crossing point "
        "yesterday, the first exchange of the dead since the war began, six days later than first planned."
    )
    retold = (
        "The first handover, on September 16, brought back the remains of 212 soldiers; with the 175 handed over at "
        "the Marden crossing point on October 8, Astravia has now received the remains of 387 soldiers since the "
        "ceasefire."
    )
    assert not _noted(first, retold, "2026-09-17")


def test_a_column_behind_a_report_of_its_day_is_no_side_of_any_note() -> None:
    """Explore48 q31 still set an analysis's "only two of the six new DNA sequencers … are running", behind the same
    day's report, against an earlier report as sources that disagree."""
    earlier = _span(
        "Four of the six new DNA sequencers the laboratory ordered in July have now been delivered, and three of them "
        "are running, he said.",
        "p",
        "2026-09-22",
    )
    report = _span(
        "Five of the six DNA sequencers the laboratory ordered in July have been delivered and four are running.",
        "w",
        "2026-10-14",
    )
    column = _span(
        "Fewer than 12,000 relatives have given DNA samples, and only two of the six new DNA sequencers the "
        "laboratory ordered in July are running.",
        "c",
        "2026-10-14",
        "analysis",
    )
    found = detect_conflicts([earlier, report, column])
    against_earlier = [c for c in found if {s.text for s in c.sides} == {earlier.text, column.text}]
    assert against_earlier  # what `disagreements` now leaves out
    assert _columns_behind(found) == {column.text}
    assert _columns_behind(detect_conflicts([earlier, column])) == set()
    unasked = ParsedAnswer("x", [], [], False)
    shown = disagreements(unasked, [earlier, report, column])[1]
    assert shown and all(3 not in note.numbers for note in shown)  # the column is cited by no note


def test_untreated_and_stopped_treating_agree_with_has_not_treated() -> None:
    """Explore48d q24 noted "runs untreated" and "stopped treating sewage" against "has not treated any sewage"."""
    not_treated = "The Gullhaven sewage works has not treated any sewage since it was shelled in January."
    assert not negation_conflict(
        "Most of the sewage runs untreated into the bay through the works' outfall.", not_treated
    )
    assert not negation_conflict("The Gullhaven works stopped treating sewage in January.", not_treated)
    assert negation_conflict("The Gullhaven works treated sewage in January.", not_treated)
    assert not negation_conflict("The train stopped at Lunnet.", "The train did not reach Lunnet.")


def test_a_sentence_opening_on_a_total_gives_a_total() -> None:
    """Explore48d q28 noted "Of the city's 26 sewage pumping stations" against "Seventeen of the 19 … repaired"."""
    total = "Of the city's 26 sewage pumping stations, 19 were damaged by shelling over the winter."
    repaired = "Seventeen of the 19 sewage pumping stations damaged by shelling have been repaired, the company said."
    assert not _noted(total, repaired, "2026-06-30", "2026-08-05")
    assert _noted(
        "Twelve of the 19 sewage pumping stations damaged by shelling have been repaired, the company said.",
        repaired,
        "2026-06-30",
        "2026-08-05",
    )


def test_in_the_end_asks_the_latest() -> None:
    """Explore48d q21 gave the swimming ban's first extension."""
    assert wants_latest("How long did the swiming ban on the beaches last in the end?")
    # … not a count "in the end", which the report closing the count gives (explore34 q16, explore39b q03).
    assert not wants_latest("How many students signed up for the exam in the end?")
    assert not wants_latest("How long did the swimming ban last?")


def test_asked_who_said_it_the_one_who_did_not_the_one_denying_it() -> None:
    """Explore48b q09 answered "Who first said …" with the denial."""
    question = "Who first said the TV interference was coming from an army transmitter in Kurnovo?"
    assert asks_who_said(question)
    denial = "'No army transmitter in Kurnovo is causing the TV interference,' spokesman Yevsey Sulimir said."
    claim = (
        "Information ministry spokesman Florian Deschke said on Tuesday that the TV interference was deliberate "
        "jamming from a Dorstavan army transmitter in Kurnovo, across the river."
    )
    passages = [_dated(denial, "d", "2026-10-08"), _dated(claim, "c", "2026-10-06")]
    answer = _never_answers().select(question, passages)
    assert answer.items and answer.items[0].text == claim


def test_a_column_retelling_who_said_it_gives_way_to_the_report_naming_the_speaker() -> None:
    """Explore48c q09 gave an analysis's "Rutger Kelso, the social policy minister, insisted …"; the report quotes the
    ministry's spokeswoman."""
    question = "Who insisted the trains come back with nobody on board?"
    column = (
        "When Dostrel claimed that the returning trains were carrying soldiers to the front, Rutger Kelso, the social "
        "policy minister, insisted that the trains go back empty and that the monitors ride on every one."
    )
    report = (
        'Ministry spokeswoman Liane Morvik denied it on Thursday. "The trains go back empty, and the Pradellan '
        'monitors ride on every one of them," she said.'
    )
    passages = [_dated(column, "c", "2026-10-14", "analysis"), _dated(report, "r", "2026-09-25")]
    answer = _never_answers().select(question, passages)
    assert answer.items and answer.items[0].text == report
    alone = _never_answers().select(question, passages[:1])
    assert alone.items and alone.items[0].text == column


def test_rules_asked_as_first_laid_down_are_the_earliest_reports() -> None:
    """Explore48c q25 gave the conditions a later report told for those set when the plan was approved."""
    first = rules_asked("What conditions were set for the evacuation trains when the plan was approved?")
    assert first is not None and first.original
    later = rules_asked("What conditions were set for the evacuation trains?")
    assert later is not None and not later.original
    approved = _dated(
        "The evacuation trains may carry up to 60 residents. Evacuation trains must run in daylight only.",
        "a",
        "2026-09-08",
    )
    changed = _dated(
        "Under new conditions, the evacuation trains now run only once a day. Evacuation trains may carry residents "
        "only at first light. Evacuation trains must stop at Lunnet.",
        "b",
        "2026-10-06",
    )
    assert {r.passage.article_id for r in rules(first, [changed, approved])} == {"a"}
    assert {r.passage.article_id for r in rules(later, [changed, approved])} == {"b"}


def test_the_final_say_is_read_in_the_words_after_the_asking() -> None:
    """Explore48c q22 passed over "… but only the committee can approve them": it holds one of the question's five key
    terms, two of them ("get", "final") the asking's."""
    question = "Who gets the final say on how many residents each train can carry?"
    say = (
        "Under the protocol of the pause, the Red Shield proposes the evacuation plans, including the route and the "
        "number of people on each train, but only the committee can approve them."
    )
    answer = _never_answers().select(question, [_dated(say, "a", "2026-09-24")])
    assert answer.answerable and answer.items[0].text == say


def test_a_report_naming_the_stand_in_leads_a_column_restating_it() -> None:
    """Explore48b q14 answered with an analysis's "still only acting director general", the day after the report of
    her confirmation."""
    question = "Who ran GRTV in the meantime after its director general was fired?"
    column = "In the meantime GRTV is run by Malwina Kavell, still only acting since its director general was fired."
    report = (
        "Malwina Kavell has run GRTV on an acting basis since its director general, Eustace Grinhaus, was fired on "
        "September 22."
    )
    answer = _never_answers().select(
        question, [_dated(column, "c", "2026-10-21", "analysis"), _dated(report, "r", "2026-10-20")]
    )
    assert answer.items and answer.items[0].text == report
    alone = _never_answers().select(question, [_dated(column, "c", "2026-10-21", "analysis")])
    assert alone.items and alone.items[0].text == column


def test_a_deadline_moved_from_a_weekday_had_not_yet_run_out() -> None:
    """Explore48 q17 dated "extended the deadline … from Wednesday to Friday, October 9" (a Tuesday report) to the
    Wednesday before."""
    moved = "The office said on Tuesday that it had extended the deadline from Wednesday to Friday, October 9."
    assert [r.day for r in resolve_dates(moved, "2026-09-29")] == [
        date(2026, 9, 29),
        date(2026, 9, 30),
        date(2026, 10, 9),
    ]
    # A period something is put off for is no deadline moved.
    put_off = "Hospitals have postponed all non-urgent operations from Wednesday until at least Monday."
    assert next(r.day for r in resolve_dates(put_off, "2026-05-01")) == date(2026, 4, 29)


def test_a_plan_in_the_past_perfect_told_undone_in_the_simple_past_is_of_a_day_gone() -> None:
    """Explore48d q01 dated "had been due to begin on Monday, but was called off" (a Friday report) to the Monday
    ahead, after the sentence before had said repairs "will now begin on Monday"."""
    text = (
        "Leskarn Water said repairs will now begin on Monday. The work had been due to begin on Monday, but was "
        "called off after sappers found the mine."
    )
    assert [r.day for r in resolve_dates(text, "2026-07-10")] == [date(2026, 7, 13), date(2026, 7, 6)]


def test_the_first_and_the_second_of_several_are_two_things() -> None:
    """Explore48b q31 noted the second generator's delivery on Tuesday against the first's on Friday as sources that
    disagree."""
    first = "The first of the three backup generators was delivered to Hesker Hill on Friday, GRTV said."
    second = "The second of the three backup generators was delivered to Hesker Hill on Tuesday, GRTV said."
    assert not _noted(first, second, "2026-10-21", "2026-10-21")
    assert _noted(first, first.replace("Friday", "Tuesday"), "2026-10-21", "2026-10-21")


def test_a_figure_told_before_the_sentence_naming_what_is_asked_does_not_count_it() -> None:
    """Explore48 q32 answered "How many soldiers are buried at Hattery Wood?", which no article says, with a handover's
    figures told in the sentence before the one naming Hattery Wood."""
    info = analyze("How many soldiers are buried at Hattery Wood?")
    handover = "Oskaria is to hand over the remains of 175 Astravian soldiers and six civilians."
    visit = "Experts will visit Hattery Wood on Monday, October 5."
    assert _figures_before_named(info, f"{handover} {visit}")
    buried = "About 300 soldiers are buried at Hattery Wood, the experts said."
    assert not _figures_before_named(info, f"{handover} {buried}")
    assert not _figures_before_named(info, f"{visit} {buried}")
    assert not _figures_before_named(info, f"{visit} Some 300 soldiers are buried there.")


def test_registered_moved_and_one_trains_load_are_different_counts() -> None:
    """Explore48c q05 and q13 noted the trains' 431 residents moved, one train's 57 and the 1,574 registered as
    changes of one count."""
    registered = (
        "Of the 1,574 residents registered for evacuation, about 120 are still waiting to leave, the society said."
    )
    trip = (
        "The first train after the suspension left Pellisk at 6.40 a.m. yesterday with 57 residents, 22 of them on "
        "stretchers; 1,019 residents have now been moved since the evacuation began on September 17."
    )
    moved = "The trains moved 431 residents out of the front-line area, and 318 of them have arrived at host homes."
    assert not _noted(trip, registered, "2026-10-06", "2026-10-14")
    found = detect_conflicts([_span(moved, "a", "2026-09-24"), _span(trip, "b", "2026-10-06")])
    assert [c.sides[1].value for c in found] == ["1,019 residents have now been moved"]
    assert _noted("Some 1,400 residents had registered for evacuation, the society said.", registered)
    # "registered as evacuated" counts the evacuated.
    evacuated = "About 23,100 people were registered as evacuated."
    assert [_state(v, evacuated) for v in values_in(evacuated, None)] == ["evacuated"]


def test_a_figure_restated_is_no_change_only_beside_a_running_total() -> None:
    """Explore25d q12 lost the correction "72 …, not 64 as first announced" and explore43d q02 the count from 352 to 441
    of 468 shelters when a figure given alike on both sides was read as one account told again."""
    assert _noted(
        "Meanwhile, 64 Velmoran soldiers began a four-week course on the Harrow system last Monday at the Korsholt "
        "training range in Tavaria, according to Velmora's defence ministry.",
        "Separately, Tavaria's training command said on Wednesday that 72 Velmoran soldiers were taking part in the "
        "Harrow course at the Korsholt range, not 64 as first announced.",
        "2026-03-16",
        "2026-03-25",
    )
    assert _noted(
        "Inspectors had checked 352 of the city's 468 public shelters by Monday, the day the inspections were due.",
        "Inspectors in Varskel had checked 441 of its 468 public bomb shelters by Wednesday evening, 338 of which "
        "passed and 103 failed, the city's civil defence department said early on Thursday.",
        "2026-05-12",
        "2026-05-21",
    )


def test_an_ordinal_past_the_subject_numbers_nothing_counted() -> None:
    """Explore33b q02 lost the change from 112 to 126 bodies once "after emptying the second of the two trenches" was
    read as numbering another instance."""
    assert _noted(
        "The mission has now recovered 112 bodies from the two trenches at Gallen Wood.",
        "The team exhuming the grave at Gallen Wood has recovered 126 bodies, the mission said late on Thursday, after "
        "emptying the second of the two trenches found at the site.",
        "2026-04-08",
        "2026-04-10",
    )


def test_asked_who_said_it_first_the_earliest_report_saying_it() -> None:
    """Explore48b q09: with the denial leading, "Who first said …" takes the earliest report saying it, not a later
    one that scored better."""
    question = "Who first said the TV interference was coming from an army transmitter in Kurnovo?"
    denial = "'No army transmitter in Kurnovo is causing the TV interference,' spokesman Yevsey Sulimir said."
    early = "Spokesman Florian Deschke said on Tuesday that the TV interference was jamming from Kurnovo."
    late = "Minister Severina Trabosz said the TV jamming came from Kurnovo."
    passages = [_dated(denial, "d", "2026-10-08"), _dated(late, "t", "2026-10-18"), _dated(early, "c", "2026-10-06")]
    answer = _never_answers().select(question, passages)
    assert answer.items and answer.items[0].text == early
