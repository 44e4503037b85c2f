"""Questions asking whether the sources disagree (rag/news/disputes.py) and their answers: both sides
quoted and cited with the note, or a plain statement that no disagreement was found (fakes)."""

from __future__ import annotations

import pytest

from rag import Assistant
from rag.news.disputes import disputed_topic


@pytest.mark.parametrize(
    ("question", "query", "about"),
    [
        ("Do the sources disagree about sanctions relief?", "sanctions relief", "sanctions relief"),
        ("Where do the outlets differ on the prisoner exchange?", "the prisoner exchange", "the prisoner exchange"),
        ("Are there conflicting reports on the Geneva talks?", "the Geneva talks", "the Geneva talks"),
        (
            "Is there any disagreement about the annexation of Crimea",
            "the annexation of Crimea",
            "the annexation of Crimea",
        ),
        (
            "Did Lavrov and Dmitriev contradict each other on sanctions relief?",
            "Lavrov Dmitriev sanctions relief",
            "sanctions relief",
        ),
    ],
)
def test_a_question_about_disagreement_names_its_topic(question: str, query: str, about: str) -> None:
    dispute = disputed_topic(question)
    assert dispute is not None and (dispute.query, dispute.about) == (query, about)


@pytest.mark.parametrize(
    "question",
    [
        "What did Lavrov say about sanctions relief?",
        "Do the sources say Russia wants peace?",
        "Is there a ceasefire?",
        # Two parties' positions, which may both be reported truly: an ordinary question.
        "Do Russia and Ukraine disagree on territory?",
    ],
)
def test_other_questions_are_not_disputes(question: str) -> None:
    assert disputed_topic(question) is None


def test_the_answer_to_a_dispute_question_is_both_sides_with_the_note(disagreeing_news: Assistant) -> None:
    answer = disagreeing_news.ask(
        "Do the sources disagree about how many prisoners were exchanged at the border after the talks in Riyadh?"
    )
    assert not answer.abstained, answer.to_dict()
    assert "40 prisoners" in answer.text and "175 prisoners" in answer.text
    assert answer.conflicts
    assert all(f"[{n}]" in answer.conflicts[0].note for n in answer.conflicts[0].numbers)
    assert {c.passage.outlet for c in answer.citations} == {"Example Wire", "Example Daily"}


def test_no_disagreement_found_is_said_as_such(disagreeing_news: Assistant) -> None:
    answer = disagreeing_news.ask(
        "Do the sources disagree about the monitoring mission observers along the front line?"
    )
    assert answer.abstained
    assert answer.text == (
        "No disagreement about the monitoring mission observers along the front line was found in the passages read."
    )
    # Not "none of them answers the question": they were read, and hold no disagreement (explore12).
    assert answer.evidence is not None and answer.evidence.answerable
    assert answer.passages_heading == "Passages read"
    assert disagreeing_news.ask("Who won the 1966 World Cup?").passages_heading.startswith("Closest passages found")
