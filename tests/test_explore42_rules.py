"""Rules drawn from the session-42 stories (explore42-42d, development data since their reading): "refuse lorries" and
the rubbish "taller than the children" deny nothing; a word a sentence both states and negates is negated of another
thing; a batch, a count from another start, a day's count and a planned or uncollected amount are no figures to set
against a total; a day both sides tell dates one thing; "until what date" asks for the latest end and a next sentence
that moves it is the newer end; an amount done is not answered by one planned, allowed or left; "how much fish" asks
for a weight; a hope and a term running "until" look ahead; a count's course reads "fined 86 of them", "Of the 14
pumps …, six are running", and one start."""

from __future__ import annotations

from datetime import date

from rag.answer.support import negated_words
from rag.evidence.entities import gives_asked_measure
from rag.evidence.question import analyze, answer_type, typed_count
from rag.evidence.selector import _figures_not_done, _next_to
from rag.evidence.types import Evidence
from rag.news.conflicts import detect_conflicts
from rag.news.course import course, course_asked
from rag.news.dates import resolve_dates
from rag.news.pair_model import denies
from rag.news.recency import wants_latest
from rag.news.sameness import counted_apart
from rag.news.values import values_in
from rag.types import Passage


def _dated(text: str, article: str, published: str, genre: str | None = None) -> Passage:
    return Passage(f"{article}::0", article, text, "Story", 0, len(text), 0.5, "Wire", published, None, genre)


def _span(text: str, article: str, published: str) -> Evidence:
    return Evidence(text, _dated(text, article, published), 0, len(text), 0.5)


def _notes(a: tuple[str, str], b: tuple[str, str]) -> list[str]:
    return [c.about for c in detect_conflicts([_span(a[0], "a", a[1]), _span(b[0], "b", b[1])])]


def test_refuse_lorries_and_literal_rubbish_deny_nothing() -> None:
    """Explore42c q18 noted "Refuse lorries returned …" against "The lorries are back in the east this week"; q21 read
    a column's "the rubbish is taller than the children" as a denial."""
    assert negated_words("Refuse lorries returned to Halvorne's eastern districts yesterday.") == set()
    assert negated_words("The drivers refuse to work at night.") == {"work"}
    assert not denies("But two weeks is a long time in a street where the rubbish is taller than the children.")
    assert not denies("The company has collected 1,930 tonnes of rubbish since September 7.")
    assert denies("The ministry dismissed the report as rubbish.")
    assert (
        _notes(
            (
                "Refuse lorries returned to Halvorne's eastern districts yesterday, two weeks after the shelling.",
                "2026-10-06",
            ),
            ("The lorries are back in the eastern districts this week, and that is the good news.", "2026-10-07"),
        )
        == []
    )


REPORTED = (
    "Somerlund told the Pithead Journal on Thursday that he had reported the fault in the second generator to Ezerna "
    "Coal's head office in January and asked for a replacement."
)
STILL_SAYS = (
    "But Somerlund says he reported the broken generator to head office in January, and the Inspectorate's "
    "investigation has not reported."
)
NOT_RUN = (
    "Kolvarin's first night tram did not run on Monday, after Kolvarin City Transport called off the service late on "
    "Sunday, saying the military command had withdrawn its approval for trams to run with their lights on after dark."
)
HELD_UP = (
    "The service was held up on Monday by a dispute between the company and the city's military command over whether "
    "trams could run with their lights on."
)
NO_MINES = (
    "Lethmark's defence ministry said on Monday that the mine had been laid in 2024 and had most likely been moved by "
    "currents, and repeated that Lethmark had laid no mines since the ceasefire."
)


def test_a_word_stated_and_negated_is_negated_of_another_thing() -> None:
    """Explore42b q30 and 42d q09 showed sources that disagree on two consistent statements."""
    assert _notes((REPORTED, "2026-03-19"), (STILL_SAYS, "2026-04-15")) == []
    assert _notes((NOT_RUN, "2026-09-15"), (HELD_UP, "2026-09-18")) == []
    # A denial whose own statement of the word is about another thing still denies (explore30d q09's true note).
    laid = "Suvaria says the mine was laid after the ceasefire; Lethmark says it was laid in 2024."
    assert _notes((NO_MINES, "2026-04-06"), (laid, "2026-04-10")) == ["negation"]


def _apart(a: str, x: str, b: str, y: str) -> bool:
    va = next(v for v in values_in(a, None) if v.shown == x)
    vb = next(v for v in values_in(b, None) if v.shown == y)
    return counted_apart(va, vb, a, b)


def test_batches_other_starts_and_undone_amounts_are_counted_apart() -> None:
    """Explore42b q02 (13 brought out against "the last nine"), 42d q23 (fines since January against since September)
    and 42c q02 (collected against uncollected and planned) showed changes between two measures."""
    rescued = "Rescuers brought 13 miners out alive from the flooded colliery yesterday."
    assert _apart(rescued, "13", "Rescuers lifted the last nine miners from the refuge chamber on Tuesday.", "nine")
    assert not _apart(rescued, "13", "Rescuers brought 31 miners out alive so far.", "31")
    assert _apart(
        "Police have issued more than 6,000 curfew fines since January.",
        "6,000",
        "Police have issued 1,406 curfew fines since the curfew was first shortened in September.",
        "1,406",
    )
    collected = "Before the shelling the company had collected 1,930 tonnes of rubbish since September 7."
    assert _apart(collected, "1,930", "About 8,200 tonnes of rubbish still lie uncollected across the city.", "8,200")
    assert _apart(collected, "1,930", "The company had planned to collect 6,300 tonnes by now.", "6,300")
    assert not _apart(
        collected, "1,930", "The company has collected 4,840 tonnes of rubbish since September 7.", "4,840"
    )
    # "The remaining 3,800 hectares" is the part a figure was cut to, still comparable (explore24c q03's true note).
    assert not _apart(
        "The programme had cleared 5,100 hectares of farmland.",
        "5,100",
        "The remaining 3,800 hectares had been physically cleared by teams, machines or dogs.",
        "3,800",
    )


def test_two_days_counts_dated_by_a_time_of_day_are_two_events() -> None:
    """Explore42 q21 noted the boats fishing on the morning of the blast becoming the boats out on the day fishing
    resumed."""
    assert (
        _notes(
            ("The other 148 boats fishing in the zone that morning returned to harbour safely.", "2026-05-13"),
            ("By evening 118 boats had put to sea and landed 9.6 tonnes of fish.", "2026-05-22"),
        )
        == []
    )


def test_a_day_both_sides_tell_dates_one_thing() -> None:
    """Explore42d q09: "called off the service late on Sunday" beside "did not run on Monday" is no disagreement with
    "The service was held up on Monday"."""
    notes = [
        c
        for c in detect_conflicts(
            [
                _span(
                    "The first night tram did not go on Monday, after the company called off the service late on "
                    "Sunday.",
                    "a",
                    "2026-09-15",
                ),
                _span("The service was held up on Monday by a dispute with the army.", "b", "2026-09-16"),
            ]
        )
        if c.about == "date"
    ]
    assert notes == []


def test_until_what_date_asks_for_the_latest_end_and_a_next_sentence_moves_it() -> None:
    """Explore42 q21 ("Until what date was the fishing zone closed after the mine blast?") gave the first end."""
    assert wants_latest("Until what date was the fishing zone closed after the mine blast?")
    assert not wants_latest("What date was the fishing zone closed?")
    text = (
        "The Joint Bay Committee closed Zone A on Monday evening until Wednesday. On Tuesday it extended the closure "
        "until Friday, after divers found a second mine."
    )
    passage = _dated(text, "a", "2026-05-13")
    cut = text.index(" On Tuesday")
    first = Evidence(text[:cut], passage, 0, cut, 0.5)
    moving = Evidence(text[cut + 1 :], passage, cut + 1, len(text), 0.5)
    assert _next_to(moving, first)
    assert not _next_to(first, moving)


def test_an_amount_done_is_not_answered_by_one_planned_allowed_or_left() -> None:
    """Explore42 q02 ("total catch landed so far?") led with a column's weekly limit; 42c q02 ("rubbish collected so
    far?") with tonnes planned and uncollected."""
    assert typed_count("total catch landed so far?") == "catch"
    assert typed_count("rubbish collected so far?") == "rubbish"
    assert answer_type("rubbish collected so far?") == "number"
    question = "rubbish collected so far?"
    info = analyze(question)
    assert _figures_not_done(
        question,
        info,
        "About 8,200 tonnes of rubbish still lie uncollected across the city. The company had planned to collect "
        "6,300 tonnes by now.",
    )
    assert not _figures_not_done(question, info, "The company has collected 4,840 tonnes of rubbish since September 7.")
    catch = "total catch landed so far?"
    assert _figures_not_done(catch, analyze(catch), "The committee still limits the catch to 40 tonnes a week.")
    # Asked how many, the count of things answers, whatever is measured beside it (explore28b q04).
    tanks = "how many storage tanks does brennick point have in total"
    assert not _figures_not_done(
        tanks, analyze(tanks), "It has 40 storage tanks with a combined capacity of about 5.2 million barrels."
    )


def test_how_much_fish_asks_for_a_weight() -> None:
    """Explore42 q03 ("How much fish did the boats bring back on the first day of fishing?") quoted "Two days were lost
    to strong winds, and until Monday boats had to be back in harbour by 2 p.m."."""
    question = "How much fish did the boats bring back on the first day of fishing?"
    assert not gives_asked_measure(question, "Two days were lost to strong winds, and boats were back by 2 p.m.")
    assert gives_asked_measure(question, "By evening 96 boats had put to sea and landed 11.4 tonnes of fish.")
    assert gives_asked_measure("How much did the ferry cost?", "The ferry cost 4 million euros.")
    assert gives_asked_measure(
        "How much gas was flowing through Varenia on 26 October?",
        "VGTO said 38.4 million cubic metres of gas crossed the country on Monday.",
    )


def test_a_hope_and_a_term_running_until_look_ahead() -> None:
    """Explore42 a02, 42d a02 ("hoped the first tram could run on Thursday", a Tuesday report) and 42b a02 ("runs until
    6 a.m. on Wednesday", a Saturday report) were dated to the week before."""

    def day(text: str, published: date) -> date | None:
        return next(r.day for r in resolve_dates(text, published) if r.day is not None)

    tuesday = date(2026, 9, 15)
    assert day("The company said it hoped the first tram could run on Thursday.", tuesday) == date(2026, 9, 17)
    assert day("The company said the first tram ran on Thursday.", tuesday) == date(2026, 9, 10)
    saturday = date(2026, 3, 14)
    assert day("The truce, signed on Tuesday, runs until 6 a.m. on Wednesday.", saturday) == date(2026, 3, 10)
    assert [r.day for r in resolve_dates("The truce runs until 6 a.m. on Wednesday.", saturday)] == [date(2026, 3, 18)]


def test_a_count_course_reads_the_verb_a_part_and_one_start() -> None:
    """Explore42d q05 found no count of fines told as "fined 86 of them" and set a count since January first; 42b q05
    none of "Of the 14 submersible pumps …, nine have been delivered and six are running"."""
    fines = course_asked("How has the number of curfew fines handed out changed since the hours were first shortened?")
    assert fines is not None
    passages = [
        _dated("Police have issued more than 6,000 curfew fines since January.", "a1", "2026-09-09"),
        _dated(
            "Police said they had stopped 310 people for breaking the curfew and fined 86 of them.", "a2", "2026-09-15"
        ),
        _dated("Police have stopped 5,120 people and fined 1,318 of them since September 11.", "a3", "2026-10-13"),
    ]
    assert [f.value for f in course(fines, passages)] == [86.0, 1318.0]
    pumps = course_asked("How has the number of Belmarran pumps actually working at the mine changed?")
    assert pumps is not None
    passages = [
        _dated(
            "Of the 14 submersible pumps ordered from Belmarra, nine have been delivered and six are running.",
            "b1",
            "2026-03-24",
        ),
        _dated(
            "Thirteen of the 14 pumps ordered from Belmarra have now been delivered and 11 are running.",
            "b2",
            "2026-04-15",
        ),
    ]
    assert [f.value for f in course(pumps, passages)] == [6.0, 11.0]
