"""Rules drawn from the session-41 stories (explore41-41d, development data since their reading): a typed word with two
letters swapped is read as meant; an end asked "until when" is the latest; a figure revised "not 26 minutes as it first
reported"; time since an event and a spell's length, work put off and work done, a period's total and a day's count are
no figures to set against each other, whether the rules or the pair model compare them; "a week ago tonight" is one
day; a deadline moved again is the newer report, and every newer report found is read; a count's course reads "2,900
of the 3,900 people evacuated"; a condition another sets is no condition of the one asked."""

from __future__ import annotations

from datetime import date

from rag.answer.chain import _figures, _unread_newer
from rag.evidence.casing import restore_case
from rag.evidence.rules import set_by_another
from rag.evidence.selector import _ASKS_DEADLINE, revises_figure, tells_update
from rag.evidence.types import Evidence
from rag.news.conflicts import detect_conflicts
from rag.news.course import course, course_asked
from rag.news.dates import resolve_dates
from rag.news.recency import wants_latest
from rag.types import Passage


def _dated(text: str, article: str, published: str, genre: str | None = None, score: float = 0.5) -> Passage:
    return Passage(f"{article}::0", article, text, "Story", 0, len(text), score, "Wire", published, None, genre)


def _span(text: str, article: str, published: str, genre: str | None = None) -> Evidence:
    return Evidence(text, _dated(text, article, published, genre), 0, len(text), 0.5)


def test_two_letters_swapped_are_read_as_the_word_meant() -> None:
    """Explore41d q13 ("is selbygate station open agian") and 41b q13 were not read as asking whether something is open
    "again", and quoted a column's "remains closed" and a first opening."""
    passages = ["The Selbygate ambulance station reopened yesterday."]
    assert restore_case("is selbygate station open agian", passages) == "is Selbygate station open again"
    assert restore_case("Is the market open agian?", passages) == "Is the market open again?"
    # A word English knows is left as typed, and a swap to no English word (or to two) changes nothing.
    assert restore_case("Is the form ready?", passages) == "Is the form ready?"
    assert restore_case("Did Krenvlad reopen?", passages) == "Did Krenvlad reopen?"


def test_an_end_asked_until_when_is_the_latest() -> None:
    """Explore41 q21 ("Until when were people in Krenvald told to stay indoors?") gave the first end of an order
    extended twice."""
    assert wants_latest("Until when were people in Krenvald told to stay indoors?")
    assert wants_latest("What was the final cut-off for traders to sign up?")
    assert not wants_latest("When were people in Krenvald told to stay indoors?")
    # … and asks for a deadline, which a newer report may have moved (41d q21, "Until what date …?").
    assert _ASKS_DEADLINE.search("Until what date will the old wartime mobile number keep working?")
    assert _ASKS_DEADLINE.search("What was the final cut-off for traders to sign up?")
    assert not _ASKS_DEADLINE.search("When did the old wartime mobile number stop working?")


def test_a_deadline_moved_again_updates_the_one_chosen() -> None:
    """Explore41 q21: the second extension, in none of the question's words, is the newer report of the first."""
    first = _span(
        "Governor Ilse Carwenn on Wednesday extended the order keeping Krenvald's residents indoors until 8 p.m. on "
        "Friday, two hours before it was due to end.",
        "a",
        "2026-09-17",
    )
    second = _span(
        "Governor Ilse Carwenn yesterday extended the shelter-in-place order for the rest of Krenvald for a second "
        "time, until 8 p.m. on Monday.",
        "b",
        "2026-09-19",
    )
    question = "Until when were people in Krenvald told to stay indoors?"
    assert tells_update(question, second, [first])
    # Another order's end is no update of this one.
    other = _span("The ministry extended the fishing ban in Halmer Bay until the end of June.", "c", "2026-09-19")
    assert not tells_update(question, other, [first])


def test_every_newer_report_found_is_read() -> None:
    """Explore41 q21 read the two newest chunks found, both of one 24 September report, and not the 19 September
    report of the second extension."""
    read = [Passage("r::0", "r", "Read.", "R", 0, 5, 0.5, "Wire", "2026-09-17")]
    found = [
        Passage("a::0", "a", "One.", "A", 0, 4, 0.40, "Wire", "2026-09-24"),
        Passage("a::1", "a", "Two.", "A", 4, 8, 0.52, "Wire", "2026-09-24"),
        Passage("b::0", "b", "Three.", "B", 0, 6, 0.44, "Wire", "2026-09-19"),
        Passage("c::0", "c", "Four.", "C", 0, 5, 0.44, "Wire", "2026-09-14"),
        read[0],
    ]
    assert [p.chunk_id for p in _unread_newer(found, read, most=None)] == ["a::0", "a::1", "b::0"]
    assert [p.chunk_id for p in _unread_newer(found, read)] == ["a::0", "a::1"]


def test_a_figure_is_searched_with_its_unit_and_revised_with_it() -> None:
    """Explore41d q24 answered with the first average, 26 minutes, beside the report of "an average of 28 minutes …,
    not 26 minutes as it first reported", which a search for a bare "26" had not found."""
    assert _figures("ambulances took an average of 26 minutes to reach patients, the 113 line said") == [
        "26 minutes",
        "113 line",
    ]
    first = "Across the region, ambulances took an average of 26 minutes to reach patients in the first ten days."
    revised = (
        "The service said on Monday that its ambulances had taken an average of 28 minutes to reach patients, not 26 "
        "minutes as it first reported, because calls taken by hand had been left out of the count."
    )
    assert revises_figure(first, revised)
    assert not revises_figure("Ambulances took 21 minutes on average.", revised)


def test_time_since_an_event_and_a_spells_length_are_two_measures() -> None:
    """Explore41c q11 noted "three weeks after the minister dismissed" her and "acting for two weeks after" her
    dismissal as sources that disagree: the unit "weeks" is written in the plural."""
    items = [
        _span(
            "The hospital is still run on an acting basis by its medical director, Dr Leopold Kostrany, three weeks "
            "after the minister dismissed Dr Vivienne Malvesh.",
            "a",
            "2026-10-21",
            "analysis",
        ),
        _span(
            "Dr Leopold Kostrany, who ran the hospital on an acting basis for two weeks after Dr Vivienne Malvesh was "
            "dismissed, is again medical director.",
            "b",
            "2026-10-21",
        ),
    ]
    assert detect_conflicts(items) == []


def test_work_put_off_is_no_count_of_work_done() -> None:
    """Explore41c q13 noted "postponed about 120 planned operations" and "carried out 41 planned operations" as sources
    that disagree."""
    items = [
        _span("Savard said surgeons had postponed about 120 planned operations to make room.", "a", "2026-10-14"),
        _span(
            "Its surgeons have carried out 41 planned operations since they restarted on October 13.", "b", "2026-10-21"
        ),
    ]
    assert detect_conflicts(items) == []


def test_a_columns_period_total_above_a_running_count_is_no_disagreement() -> None:
    """Explore41c q31 noted "Twenty-three patients have been moved to Thalgrave … since September 6" and a column's "the
    52 patients sent to Thalgrave … during those five weeks" as sources that disagree."""
    items = [
        _span(
            "Twenty-three patients have been moved to Thalgrave Regional Clinical Hospital since September 6.",
            "a",
            "2026-09-15",
        ),
        _span(
            "More than half of the 52 patients sent to Thalgrave Regional Clinical Hospital during those five weeks "
            "were on oxygen when they left.",
            "b",
            "2026-10-11",
            "opinion",
        ),
    ]
    assert not [c for c in detect_conflicts(items) if c.kind == "conflict"]


def test_a_periods_total_and_a_days_count_are_two_measures() -> None:
    """Explore41c q02: "It took 52 patients from Zelmor between September 6 and October 9" was noted as a change to,
    and as a disagreement with, the count of patients on oxygen on a day, by the rules and by the pair model."""
    period = "It took 52 patients from Zelmor between September 6 and October 9, and 29 of them arrived on oxygen."
    for day in (
        "Zelmor General Hospital had 49 patients on oxygen on Tuesday.",
        "Zelmor General had 58 patients on oxygen yesterday.",
    ):
        assert detect_conflicts([_span(period, "a", "2026-10-14"), _span(day, "b", "2026-10-21")]) == []
    # One article's two sentences: the period's bounds date no event to set against "yesterday".
    text = f"Zelmor General had 58 patients on oxygen yesterday. {period}"
    passage = _dated(text, "c", "2026-10-14")
    split = text.index("It took")
    items = [Evidence(text[: split - 1], passage, 0, split - 1, 0.5), Evidence(period, passage, split, len(text), 0.5)]
    assert detect_conflicts(items) == []
    # "from the strip … until next Thursday" bounds no period: the ban's end moved (explore40b).
    ends = [
        _span("The ban on selling milk from the strip runs until next Thursday.", "d", "2026-04-24"),
        _span("The ban on selling milk from the strip, extended twice, runs until June 14.", "e", "2026-06-03"),
    ]
    assert [c.kind for c in detect_conflicts(ends)] == ["change"]


def test_a_week_ago_tonight_is_one_day() -> None:
    """Explore41d q04 dated the shelling "a week ago tonight" by the column's own day."""
    days = [
        (r.text, r.date_from, r.date_to) for r in resolve_dates("Three shells hit it a week ago tonight.", "2026-05-03")
    ]
    assert days == [("a week ago tonight", date(2026, 4, 26), date(2026, 4, 26))]
    (ago,) = resolve_dates("It opened two days ago this morning.", "2026-05-03")
    assert (ago.date_from, ago.date_to) == (date(2026, 5, 1), date(2026, 5, 1))
    # "a week ago" alone is still the week before.
    (week,) = resolve_dates("It opened a week ago.", "2026-05-03")
    assert (week.date_from, week.date_to) == (date(2026, 4, 20), date(2026, 4, 26))


def test_a_course_counts_the_part_of_a_whole() -> None:
    """Explore41 q05 ("How has the number of evacuees who have actually gone back home changed over time?") abstained:
    "2,900 of the 3,900 people evacuated" was read as no count of evacuees, and "About 3,900 people have left their
    homes" would have been one."""
    asked = course_asked("How has the number of evacuees who have actually gone back home changed over time?")
    assert asked is not None
    passages = [
        _dated("About 3,900 people have left their homes in Dornau and Lisset.", "a", "2026-09-17"),
        _dated(
            "Of the roughly 3,900 people evacuated on September 14, about 2,300 live in the streets reopened on "
            "Saturday, and about 1,400 of them had gone home by Tuesday evening, the governor's office said.",
            "b",
            "2026-09-30",
        ),
        _dated(
            "By Monday evening about 2,900 of the 3,900 people evacuated on September 14 had gone home.",
            "c",
            "2026-10-13",
        ),
        _dated("About 3,450 of the 3,900 people evacuated on September 14 have returned home.", "d", "2026-10-21"),
    ]
    shown = [(f.value, f.day) for f in course(asked, passages)]
    assert shown == [(1400.0, date(2026, 9, 29)), (2900.0, date(2026, 10, 12)), (3450.0, date(2026, 10, 21))]


def test_a_condition_another_sets_is_no_condition_of_the_one_asked() -> None:
    """The bundled corpus: "What conditions has Ukraine set for peace talks?" was answered with "Experts state that
    Moscow sets this condition to buy time", a condition Russia sets."""
    told = "Experts state that Moscow sets this condition to buy time and to obtain concessions from Kyiv."
    assert set_by_another("What conditions has Ukraine set for peace talks?", told)
    # Moscow is Russia; a question naming no one who sets them asks for anyone's.
    assert not set_by_another("What conditions has Russia set for peace talks?", told)
    assert not set_by_another("What are the conditions for peace talks?", told)
