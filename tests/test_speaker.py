"""Whose words a question asks for, and spans in other speakers' words never quoted for it
(rag.evidence.speaker; the selector with fake embeddings and the shipped span weights)."""

from __future__ import annotations

from rag.evidence import EvidenceSelector
from rag.evidence.speaker import asked_speaker, others_words
from rag.settings import EvidenceSettings
from tests.fakes import HashingEmbeddings
from tests.test_evidence import passage, shipped_with

PETROV = "In essence, Petrov asserts that Putin already got a part of what he wanted from the talks."
ZELENSKY = "Zelensky said Putin does not want to end the war and is dragging out the talks."


def test_the_speaker_a_question_asks_about() -> None:
    assert asked_speaker("What did Zelensky say about Putin?") == "Zelensky"
    assert asked_speaker("How did Kaja Kallas describe Russia's negotiating style?") == "Kaja Kallas"
    assert asked_speaker("According to ISW, what does Russia demand?") == "ISW"
    assert asked_speaker("What does Russia want from the talks?") is None
    assert asked_speaker("what did " + "a" * 500 + " say?") is None  # no capitals: no name, and no backtracking


def test_another_speakers_words_unless_they_name_the_one_asked_about() -> None:
    assert others_words("Zelensky", PETROV)
    assert not others_words("Zelenskyy", ZELENSKY)  # spellings of one name
    assert not others_words("Zelensky", "Putin wants to end the war, he said.".replace(" he said", ""))  # no speaker
    # The name pattern stops at four words ("Russian Foreign Minister Sergey"); the span still names Lavrov.
    assert not others_words(
        "Lavrov", "Russian Foreign Minister Sergey Lavrov reiterated on 11 April that talks matter."
    )
    assert not others_words("ISW", "According to ISW, this statement conflicts with remarks made by Kirill Dmitriev.")


def test_the_selector_never_quotes_another_speaker_for_what_someone_said() -> None:
    passages = [passage(PETROV + " " + ZELENSKY)]
    question = "What did Zelensky say about Putin and the talks?"
    checking = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), shipped_with())
    trusting = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(speaker_check=False), shipped_with())
    assert any("Petrov" in e.text for e in trusting.select(question, passages).items)
    found = checking.select(question, passages)
    assert found.items and not any("Petrov" in e.text for e in found.items)
    assert any("Zelensky said" in e.text for e in found.items)
