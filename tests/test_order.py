"""Questions on the order of events (rag/news/order.py) and their answers: each event's evidence quoted
after the day its own words give, earliest first, or the ordinary answer when an event is not dated."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from rag.news.order import event_day, order_asked, tells_event
from tests.conftest import make_assistant


@pytest.mark.parametrize(
    ("question", "events"),
    [
        (
            "Which came first, the joint inspection of the spillway gates or the first exchange of detainees?",
            ("the joint inspection of the spillway gates", "the first exchange of detainees"),
        ),
        (
            "Which came first: Sollberg stepping aside or the court halting the recount?",
            ("Sollberg stepping aside", "the court halting the recount"),
        ),
        (
            "In what order did these happen: the mayor's resignation, the IERA team's arrival, the lab confirmation?",
            ("the mayor's resignation", "the IERA team's arrival", "the lab confirmation"),
        ),
        ("What came first?", None),
        ("Which country hosted the talks first?", None),
    ],
)
def test_the_events_a_question_asks_to_order(question: str, events: tuple[str, ...] | None) -> None:
    asked = order_asked(question)
    assert (asked.events if asked else None) == events


def test_an_event_is_told_by_what_happened_and_dated_by_its_own_words_not_a_plan() -> None:
    inspected = "On Monday, engineers from both countries inspected the spillway gates together for the first time."
    assert tells_event("the joint inspection of the spillway gates", inspected)
    # blind explore18b q16: the court lifting its injunction shares words with, but is not, its halting.
    lifted = "The recount will begin after the Regional Administrative Court lifted its injunction on Friday."
    assert not tells_event("the court halting the recount", lifted)
    assert event_day("the joint inspection", inspected, "2026-04-30") == date(2026, 4, 27)
    # A plan's day is not the event's (blind explore18 q25: set for 23 April, held on 29 April).
    planned = "The first exchange of detainees is set for next Thursday at the dam itself."
    assert event_day("the first exchange", planned, "2026-04-18") is None
    assert event_day("the first exchange", "The exchange had been scheduled for 23 April.", "2026-04-30") is None
    # Of two days, the one beside the event's words.
    both = "Sollberg stepped aside on Sunday; the court halted the recount on Monday."
    assert event_day("the court halting the recount", both, "2026-05-13") == date(2026, 5, 11)
    # A day in a clause about something else is not the event's (blind explore21b q22 dated the resignation 2 March).
    aside = "Halvec, who signed the moratorium for Ardessa on March 2, resigned days before a no-confidence vote."
    assert event_day("Halvec's resignation", aside, "2026-03-20") is None
    told = "Sorrane, who took over on 18 March after Halvec resigned, spoke on Friday."
    assert event_day("Halvec's resignation", told, "2026-03-20") == date(2026, 3, 18)


ARTICLES = [
    {
        "title": "Exchange of detainees postponed",
        "outlet": "Courier",
        "published": "2026-04-22",
        "body": "The first exchange of detainees, set for tomorrow, is postponed until next Wednesday. "
        "Engineers will inspect the spillway gates on Monday.",
    },
    {
        "title": "Seventy-nine detainees go home",
        "outlet": "LPB",
        "published": "2026-04-30",
        "body": "Seventy-nine people went home on Wednesday in the first exchange of detainees between the two "
        "countries.",
    },
    {
        "title": "Spillway gates inspected",
        "outlet": "Wire",
        "published": "2026-04-28",
        "body": "Yesterday, engineers inspected the spillway gates together for the first time.",
    },
]


def test_which_came_first_is_answered_with_each_event_dated_earliest_first(
    settings, ephemeral_client, tmp_path: Path
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "articles.json").write_text(json.dumps(ARTICLES), encoding="utf-8")
    settings.answer.mode = "evidence"
    assistant = make_assistant(settings, ephemeral_client, ["unused"])
    assert assistant.ingest(folder).ok
    answer = assistant.ask("Which came first, the first exchange of detainees or the inspection of the spillway gates?")
    assert answer.text.startswith("On 27 April 2026: “Yesterday, engineers inspected the spillway gates")
    assert "On 29 April 2026: “Seventy-nine people went home on Wednesday" in answer.text
    assert answer.text.index("27 April") < answer.text.index("29 April")
    assert "set for tomorrow" not in answer.text  # the plan, not the event


def test_events_told_and_dated_are_ordered_though_the_answer_model_would_abstain(
    settings, ephemeral_client, tmp_path: Path
) -> None:
    """Blind explore21 q22: "Which happened first: the new director being named, or power being restored to the
    plant?" abstained, each "When did … happen?" scored under the answer model's threshold, though a span told
    and dated each event."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "articles.json").write_text(json.dumps(ARTICLES), encoding="utf-8")
    settings.answer.mode = "evidence"
    settings.evidence.answerable_threshold = 1.0  # the answer model never answers
    settings.evidence.sure_span = 1.0
    assistant = make_assistant(settings, ephemeral_client, ["unused"])
    assert assistant.ingest(folder).ok
    assert assistant.ask("When did engineers inspect the spillway gates?").abstained
    answer = assistant.ask("Which came first, the first exchange of detainees or the inspection of the spillway gates?")
    assert answer.text.startswith("On 27 April 2026: “Yesterday, engineers inspected the spillway gates")
    assert answer.text.index("27 April") < answer.text.index("29 April")
