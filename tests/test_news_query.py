from __future__ import annotations

from datetime import date

import pytest

from rag.retrieval.news_query import parse_query

REF = date(2025, 5, 21)  # a Wednesday


@pytest.mark.parametrize(
    ("question", "window", "explicit"),
    [
        ("What did Putin say on 12 March 2025?", (date(2025, 3, 12), date(2025, 3, 12)), True),
        ("What happened on March 12, 2025 in Riyadh?", (date(2025, 3, 12), date(2025, 3, 12)), True),
        ("What happened on March 12 in Riyadh?", (date(2025, 3, 12), date(2025, 3, 12)), False),
        ("Who met in April?", (date(2025, 4, 1), date(2025, 4, 30)), False),
        ("Who met in December?", (date(2024, 12, 1), date(2024, 12, 31)), False),  # latest December
        ("Who met in April 2024?", (date(2024, 4, 1), date(2024, 4, 30)), True),
        # The part of a month named (blind explore27c q03: "in early April" boosted a report of 27 April).
        ("How many flew in early April?", (date(2025, 4, 1), date(2025, 4, 12)), False),
        ("Who met in mid-April?", (date(2025, 4, 8), date(2025, 4, 23)), False),
        ("Who met in late February 2024?", (date(2024, 2, 18), date(2024, 2, 29)), True),
        # blind explore27 q07: "How many artillery pieces had Tavrenia pulled back by mid-March?"
        ("How many had pulled back by mid-March?", (date(2025, 3, 8), date(2025, 3, 23)), False),
        ("What changed in 2023?", (date(2023, 1, 1), date(2023, 12, 31)), True),
        ("What did Lavrov say this week?", (date(2025, 5, 17), date(2025, 5, 21)), False),
        ("What did Lavrov say last week?", (date(2025, 5, 12), date(2025, 5, 18)), False),
        ("Any news last month?", (date(2025, 4, 1), date(2025, 4, 30)), False),
        ("What happened yesterday?", (date(2025, 5, 20), date(2025, 5, 20)), False),
        ("Strikes in the past 3 days?", (date(2025, 5, 18), date(2025, 5, 21)), False),
    ],
)
def test_dates_resolve_against_the_reference(question: str, window: tuple[date, date], explicit: bool):
    hints = parse_query(question, reference=REF)
    assert (hints.date_from, hints.date_to) == window
    assert hints.explicit_date is explicit


@pytest.mark.parametrize(
    "question",
    [
        "May the talks resume soon?",  # "may" the verb
        "How many of the 300 prisoners were exchanged?",
        "Did the march on the capital go ahead?",
        "What did the 2nd army do?",
        "Which oblasts did Putin demand?",
    ],
)
def test_no_false_dates(question: str):
    hints = parse_query(question, reference=REF)
    assert hints.date_from is None and hints.date_to is None and hints.text == question


def test_relative_phrase_is_dropped_from_the_search_text_but_dates_stay():
    assert parse_query("Which state rejected the measure this week?", reference=REF).text == (
        "Which state rejected the measure?"
    )
    assert "12 March 2025" in parse_query("What happened on 12 March 2025?", reference=REF).text


def test_outlets_are_matched_as_whole_names():
    outlets = ["Reuters", "The Moscow Times", "AP", "Kyiv Independent"]
    hints = parse_query("What did the kyiv independent and Reuters report?", REF, outlets)
    assert hints.outlets == ("Kyiv Independent", "Reuters")
    assert parse_query("What did AP say about the APAC region?", REF, outlets).outlets == ("AP",)
    assert parse_query("What happened in the APAC region, ap?", REF, outlets).outlets == ()  # partial / wrong case


def test_reference_date_defaults_to_today():
    hints = parse_query("What happened today?")
    assert hints.date_from == hints.date_to == date.today()
