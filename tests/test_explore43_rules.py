"""Rules drawn from the session-43 stories (explore43-43d, development data since their reading): one article's two
days of one week are no disagreement whatever figures they give; a count in words is a figure a later report must give
to still give it; a figure of before the war, a day's count against a week's, and a plan missed against the thing done
late are no change or dispute; those rehired and those still without a job, those who applied and those taken on, are
two states; "laid-off" and "former" only say which workers are counted; "On Monday we find out" looks ahead and "the
next Monday" of a story is no day after publication; "Blast Furnace No. 2" is no answer about No. 1."""

from __future__ import annotations

from datetime import date

from rag.evidence.entities import _another_edition
from rag.evidence.types import Evidence
from rag.news.conflicts import detect_conflicts
from rag.news.dates import resolve_dates
from rag.news.values import values_in
from rag.types import Passage


def _dated(text: str, article: str, published: str) -> Passage:
    return Passage(f"{article}::0", article, text, "Story", 0, len(text), 0.5, "Wire", published, None, None)


def _span(text: str, article: str, published: str) -> Evidence:
    return Evidence(text, _dated(text, article, published), 0, len(text), 0.5)


def _notes(a: tuple[str, str], b: tuple[str, str], *, one_article: bool = False) -> list[tuple[str, str]]:
    found = detect_conflicts([_span(a[0], "a", a[1]), _span(b[0], "a" if one_article else "b", b[1])])
    return [(c.kind, c.about) for c in found]


def test_one_articles_two_days_of_a_week_are_no_disagreement_whatever_figures_they_give() -> None:
    """Explore43 q03 noted "By Monday evening 9,800 people had registered" against "made 340 trips by Wednesday
    evening", both one article's, as sources that disagree: the 9,800 had hidden that the value is dated by a day."""
    registered = "By Monday evening 9,800 people had registered as donors and 1,460 had actually given blood."
    trips = (
        "The Kaldren Donors' Circle began driving elderly donors to the sports hall on Tuesday and said it had made "
        "340 trips by Wednesday evening."
    )
    assert _notes((registered, "2026-04-23"), (trips, "2026-04-23"), one_article=True) == []


def test_a_count_in_words_is_a_figure_the_later_report_must_give() -> None:
    """Explore43c q31 noted two buses delivered (17 March) and five (26 March) as sources that disagree: the later
    report shares only "the 14 armoured buses", and "two" had not counted as a figure."""
    first = "The first two of the 14 armoured buses Kessmore ordered from Istrelle were delivered on Monday."
    later = "Five of the 14 armoured buses ordered from Istrelle have been delivered, and three are carrying shifts."
    assert _notes((first, "2026-03-17"), (later, "2026-03-26")) == [("change", "number")]


def test_a_figure_of_before_the_war_is_no_earlier_state() -> None:
    """Explore43c q27 noted "about 4,000 tonnes of pig iron" (a day before the war) becoming 1,150 tonnes."""
    before = "Before it was shut down, No. 2 made about 4,000 tonnes of pig iron a day before the war."
    now = "Blast Furnace No. 2 produced 1,150 tonnes of pig iron on Wednesday, its best day since the first cast."
    assert _notes((before, "2026-03-11"), (now, "2026-04-16")) == []
    assert _notes((before.replace(" before the war", " in March"), "2026-03-11"), (now, "2026-04-16")) != []


def test_a_days_count_and_a_weeks_are_no_change() -> None:
    """Explore43b q22 noted the first week's 1,310 lorries becoming one Tuesday's 388; explore43 q31 one day's 61 units
    ("brought back … by the evening", no running total) becoming two days' 220."""
    week = (
        "In its first week, from September 10 to September 16, the crossing was allowed 1,750 lorries and 1,310 "
        "crossed."
    )
    day = "On Tuesday 388 lorries crossed, the most in a single day, bringing the total for the seven days to 2,460."
    assert _notes((week, "2026-09-17"), (day, "2026-10-14")) == []
    one = (
        "Three buses went out yesterday, after the monitors had cleared their routes, and brought back 61 units by "
        "the evening."
    )
    two = (
        "The drive collected 220 units on Monday and Tuesday, when four buses were out in the villages for the first "
        "time."
    )
    assert _notes((one, "2026-05-08"), (two, "2026-05-13")) == []


def test_a_plan_missed_and_the_thing_done_late_are_one_delay() -> None:
    """Explore43d q10 noted "did not open yesterday as planned" against "opened a week late" as sources that
    disagree."""
    missed = (
        "The Granary Square shelter, the largest in Varskel, did not open yesterday as planned after its ventilation "
        "system failed a test."
    )
    late = (
        "The Granary Square car park, the city's biggest shelter, opened a week late after failing a ventilation test."
    )
    assert _notes((missed, "2026-04-26"), (late, "2026-05-21")) == []


def test_rehired_without_a_job_and_applied_are_three_states() -> None:
    """Explore43c q02 noted 610 rehired becoming "1,890 of the 2,900 it laid off … still without a job", and 1,640 who
    had applied becoming 610 rehired; "laid-off" and "former" name no other thing counted."""
    rehired = "Kessmore has rehired 610 laid-off workers, who work alongside the 1,350 who stayed on the payroll."
    later = (
        "Kessmore Steel has rehired 1,010 former workers since March, and 1,890 of the 2,900 it laid off in 2024 are "
        "still without a job at the works, the company said early on Thursday."
    )
    assert all(values[0] != "1,890" for values in _sides((rehired, "2026-03-26"), (later, "2026-04-16")))
    applied = (
        "Of the 1,640 former workers who had applied to return by Friday, 260 have been rehired so far, the company "
        "said."
    )
    taken_on = "Some 610 former workers have been rehired, the company says."
    assert _notes((applied, "2026-03-17"), (taken_on, "2026-04-16")) == []
    units = {v.shown: v.unit for v in values_in(rehired + " " + later, None) if v.kind == "number"}
    assert units["610"] & units["1,010"] == {"work"}


def _sides(a: tuple[str, str], b: tuple[str, str]) -> list[tuple[str, ...]]:
    found = detect_conflicts([_span(a[0], "a", a[1]), _span(b[0], "b", b[1])])
    return [tuple(side.value.split()[-3:]) for c in found for side in c.sides]


def test_we_find_out_on_monday_looks_ahead_and_the_next_monday_of_a_story_is_no_date() -> None:
    """Explore43c q30 dated "On Monday we find out if it can beat again" (an 11 March quote) to 9 March; explore43d q02
    dated an analysis's "It closed 131 basements … the next Monday", told of April, to 25 May."""
    days = [r.day for r in resolve_dates("On Monday we find out if it can beat again,' he said.", date(2026, 3, 11))]
    assert days == [date(2026, 3, 16)]
    days = [r.day for r in resolve_dates("On Monday we went back to work.", date(2026, 3, 11))]
    assert days == [date(2026, 3, 9)]
    assert resolve_dates("It closed 131 basements of that type the next Monday.", date(2026, 5, 21)) == []
    hired = "He was ousted last Friday and was hired by Microsoft the following Monday."
    assert [r.day for r in resolve_dates(hired, date(2023, 11, 24))][-1] == date(2023, 11, 20)
    assert [r.day for r in resolve_dates("The talks resume next Monday.", date(2026, 5, 21))] == [date(2026, 5, 25)]


def test_another_numbered_furnace_is_no_answer() -> None:
    """Explore43c q26 answered "When will Blast Furnace No. 1 be rebuilt?" with No. 2's output."""
    asked = "When will Blast Furnace No. 1 be rebuilt?"
    assert _another_edition(asked, "Blast Furnace No. 2 produced 1,150 tonnes of pig iron on Wednesday.")
    assert not _another_edition(asked, "Blast Furnace No. 1 was destroyed by shelling in October 2024.")


def test_without_reaches_only_its_own_clause_and_new_doses_are_another_batch() -> None:
    """The development diff and the news suite bounded two of these rules: "without" reached another clause's verb
    and lost the tsunami's disagreeing tolls; "new" as a which-of-them word made "70,000 new doses" a change from
    "60,000 doses … delivered" (explore38c q21)."""
    dead = "The tragedy has left at least 25,000 people dead, with Sri Lanka, Thailand, India and Indonesia worst hit."
    killed = (
        "Around 140,000 people were killed and five million left homeless or without food and water after an "
        "earthquake below the Indian Ocean sent waves crashing into coastal communities in 11 countries."
    )
    assert [about for _, about in _notes((dead, "2005-01-05"), (killed, "2005-01-06"))] == ["number"]
    delivered = "By Monday ICHA delivered 60,000 doses of vaccine to the province's clinics."
    new = "ICHA said 70,000 new doses of vaccine would reach the province by the end of the month."
    units = {v.shown: v.unit for v in values_in(f"{delivered} {new}", None) if v.kind == "number"}
    assert not units["70,000"] & units["60,000"]
