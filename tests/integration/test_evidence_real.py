"""The evidence selector with the real embedding model and the shipped weights, on held-out
questions of evals/answerability (never trained or calibrated on)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from rag import Assistant, Settings
from tests.conftest import CORPUS, PROJECT

pytestmark = pytest.mark.integration

HELDOUT = [
    q
    for q in yaml.safe_load((PROJECT / "evals" / "answerability" / "questions.yaml").read_text())["questions"]
    if q["split"] == "heldout"
]


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    root: Path = tmp_path_factory.mktemp("evidence")
    shutil.copytree(CORPUS, root / "corpus")
    assistant = Assistant(Settings(store={"path": root / "index"}))
    assert assistant.ingest(root / "corpus").ok
    return assistant


def test_heldout_answers_are_in_the_evidence_and_unanswerable_questions_abstain(real: Assistant) -> None:
    found_answer, answered, abstained = 0, 0, 0
    answerable = [q for q in HELDOUT if q.get("answer")]
    unanswerable = [q for q in HELDOUT if not q.get("answer")]
    for q in HELDOUT:
        evidence = real.selector.select(q["question"], real.retriever.search(q["question"], k=4))
        assert len({e.text for e in evidence.items}) == len(evidence.items)
        for e in evidence.items:
            assert _flat(e.passage.text[e.start : e.end]).startswith(e.text[:20])
        if q.get("answer"):
            found_answer += any(q["answer"] in e.text for e in evidence.items[:3])
            answered += evidence.answerable
        else:
            abstained += not evidence.answerable
            # Only names are reported missing (rag/evidence/selector.py), so `missing` may be empty.
    # Measured when the weights were fitted: 21/22 answers in the top 3, 19/22 answered, 20/21 abstained.
    assert found_answer >= 0.85 * len(answerable)
    assert answered >= 0.8 * len(answerable)
    assert abstained >= 0.85 * len(unanswerable)


def test_a_lower_case_question_with_a_typo_is_searched_as_the_passages_spell_it(real: Assistant) -> None:
    """Hand-read round 9 Q22: "aeroflot sanctons" was abstained on, although "Aeroflot sanctions" is
    answered: the passages' scores were those of the misspelt question."""
    answer = real.ask("aeroflot sanctons", mode="evidence")
    assert answer.standalone_question == "Aeroflot sanctions"
    assert not answer.abstained and "lifting sanctions on Russia’s state-owned airline, Aeroflot" in answer.text
