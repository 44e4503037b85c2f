"""The token-alignment checker with the real embedding model and the shipped weights, on
sentences of the kind the issue reported passing the old checker, and inside the answer guard."""

from __future__ import annotations

import pytest

from rag.answer.alignment import TokenAlignmentChecker
from rag.answer.cite import parse_answer
from rag.answer.guard import AnswerGuard
from rag.types import Passage

ROUNDS = (
    "The three completed rounds of U.S.-mediated negotiations demonstrate a consistent pattern: process without "
    "progress. The first round established a trilateral framework but failed to bridge fundamental gaps on territory, "
    "ceasefire terms and security guarantees. The second, in Geneva, was described as “difficult” and ended abruptly "
    "after only hours on the second day, with Kyiv accusing Moscow of deliberately dragging out talks while "
    "maintaining maximalist demands."
)
CRIMEA = (
    'Trump indicated that Crimea, the Ukrainian peninsula illegally annexed by Russia in 2014, "will stay with '
    'Russia." Outlines of a peace proposal reportedly presented to Kyiv last month allegedly included allowing Russia '
    "to maintain control of other occupied Ukrainian territories."
)
AGENDA = (
    "This renewed dialogue isn't just focused on the war – Russian officials and state media, from the get-go, "
    "underscored the vastness of their agenda with Trump's officials. For example, they discussed the Middle East, "
    "preventing the proliferation of strategic weapons, and even ice hockey matches between the countries."
)
PASSAGES = [ROUNDS, CRIMEA, AGENDA]


@pytest.fixture(scope="module")
def checker(real_embeddings) -> TokenAlignmentChecker:
    return TokenAlignmentChecker(real_embeddings)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("The second, in Geneva, was described as difficult.", True),
        ("The first round established a trilateral framework.", True),
        ("Trump indicated that Crimea will stay with Russia.", True),
        # Passed the old checker (issue 15):
        ("The second round of U.S.-mediated negotiations took place in Moscow.", False),
        ("The Trump administration has been making a strong case for Ukraine's annexation of Crimea.", False),
        ("The talks focused on the Middle East, including the issue of oil and gas production.", False),
        # Ordinals changed, as SmolLM2 does:
        ("The fourth round of negotiations ended abruptly after only hours on the second day.", False),
        ("The third round was held in Geneva and was described as difficult.", False),
        # Invented, with no word the passages use:
        ("Parliament approved seventeen enormous purple submarines yesterday beside glittering harbours.", False),
    ],
)
def test_verdicts_on_changed_details(checker: TokenAlignmentChecker, claim: str, supported: bool):
    verdict = checker.check(claim, PASSAGES)
    assert verdict.supported is supported, (claim, verdict.score, verdict.evidence)


def test_a_reworded_copy_scores_above_every_changed_detail(checker: TokenAlignmentChecker):
    # The model is fitted to keep precision on real SmolLM2 sentences, so its threshold refuses most
    # reworded sentences, this true one included; its score must still rank it above the false ones.
    true = checker.check("Kyiv accused Moscow of deliberately dragging out talks.", PASSAGES).score
    false = [
        checker.check(claim, PASSAGES).score
        for claim in (
            "The second round of U.S.-mediated negotiations took place in Moscow.",
            "The fourth round of negotiations ended abruptly after only hours on the second day.",
            "The third round was held in Geneva and was described as difficult.",
        )
    ]
    assert true > max(false), (true, false)


def test_guard_drops_the_changed_sentence_and_keeps_the_true_one(checker, real_embeddings):
    passages = [
        Passage(chunk_id=f"c{i}", article_id="a", text=t, title="T", start=0, end=len(t), score=0.6)
        for i, t in enumerate(PASSAGES)
    ]
    output = (
        "The second, in Geneva, was described as difficult [1]. The fourth round was held in the Kremlin [1]. "
        "Trump indicated that Crimea will stay with Russia [2]."
    )
    result = AnswerGuard(checker, real_embeddings)(parse_answer(output, passages), "What happened?", passages)
    kept = [s.text for s in result.parsed.sentences]
    assert any("Geneva" in s for s in kept) and any("Crimea" in s for s in kept)
    assert result.unsupported == ["The fourth round was held in the Kremlin."]


def test_answers_tells_an_answer_from_a_true_but_off_topic_sentence(checker: TokenAlignmentChecker):
    question = "What did Kyiv accuse Moscow of during the talks in Geneva?"
    answer = "Kyiv accused Moscow of deliberately dragging out talks."
    off_topic = "Russian officials discussed ice hockey matches with Trump's officials."
    assert checker.relevance(question, answer) > checker.relevance(question, off_topic)
    assert checker.answers(question, answer) and not checker.answers(question, off_topic)


def test_word_vectors_read_from_the_model_folder_equal_the_loaded_models() -> None:
    # The ONNX backend reads the word-piece table from the folder, so a question never loads torch's
    # model; the checker must see the same vectors either way.
    from rag.answer.align import WordPieceVectors, word_vectors_for
    from rag.ingest.embed import SentenceTransformerEmbeddings
    from rag.runtime import go_offline
    from rag.settings.sections import EmbeddingSettings

    go_offline()
    onnx = SentenceTransformerEmbeddings(EmbeddingSettings(backend="onnx-int8"))
    from_folder = word_vectors_for(onnx)
    assert isinstance(from_folder, WordPieceVectors)
    assert "model" not in onnx.__dict__  # the torch model (a cached_property) was never loaded
    from_model = word_vectors_for(SentenceTransformerEmbeddings(EmbeddingSettings(backend="torch")))
    assert isinstance(from_model, WordPieceVectors)
    words = ["demanded", "insisted", "zelenskyy", "42.3%", "u.s.", "ceasefire", "kremlin's"]
    assert [from_folder.pieces(w) for w in words] == [from_model.pieces(w) for w in words]
    assert (from_folder.similarity(words, words) == from_model.similarity(words, words)).all()
