"""scripts/train_selector.py's answerability options: the rate95 threshold rule and the `rare` negatives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np

from rag.evidence.features import ANSWER_FEATURES
from rag.evidence.model import Logistic, SelectorModel
from tests.modules import load_module

ROOT = Path(__file__).resolve().parent.parent


def _score_model() -> SelectorModel:
    """An answer model whose probability rises with best_score alone."""
    n = len(ANSWER_FEATURES)
    coef = [0.0] * n
    coef[0] = 10.0
    mean = [0.0] * n
    mean[0] = 0.5
    blank = Logistic([], [], [], [], 0.0)
    return SelectorModel("t", blank, Logistic(list(ANSWER_FEATURES), mean, [1.0] * n, coef, 0.0))


def _rows(scores: list[float]) -> np.ndarray:
    x = np.zeros((len(scores), len(ANSWER_FEATURES)))
    x[:, 0] = scores
    x[:, ANSWER_FEATURES.index("type_found")] = 1.0
    return x


def test_rate95_answers_most_realtimeqa_questions_the_floor_allows():
    train = load_module("train_selector", ROOT / "scripts" / "train_selector.py")
    model = _score_model()
    rt = _rows([0.3, 0.45, 0.55, 0.7, 0.9])
    # Project: one unanswerable question scores 0.6, the others 0.2; two answerable ones 0.8.
    project = (_rows([0.2] * 19 + [0.6, 0.8, 0.8]), np.array([False] * 20 + [True, True]))
    t, m, typed = train.calibrate_rate(model, rt, project, floor=0.95)
    answered = train.decide(model, rt, t, m, typed)
    p = train.decide(model, project[0], t, m, typed)
    # 19 of 20 abstained meets 0.95, so the 0.6 one may be answered: the threshold goes down to the
    # 0.3 question; a stricter floor must stop above the 0.6 unanswerable question.
    assert np.mean(~p[~project[1]]) >= 0.95 and answered.all()
    t, m, typed = train.calibrate_rate(model, rt, project, floor=1.0)
    p = train.decide(model, project[0], t, m, typed)
    assert not p[~project[1]].any() and train.decide(model, rt, t, m, typed).tolist() == [False] * 3 + [True] * 2


def test_rare_negatives_leave_out_the_own_the_answering_and_the_name_sharing_passages():
    data = load_module("selector_data", ROOT / "scripts" / "selector_data.py")
    texts = [
        "Acme Corp bought Widgets Ltd on Monday for a record sum.",  # its own passage
        "Analysts said the buyer of Widgets Ltd was a surprise.",  # shares the name
        "Globex announced a merger with Initech this week.",  # holds the answer text
        "Markets rose as technology shares led the gains.",
        "The central bank left interest rates unchanged.",
    ]

    question = "Which company bought Widgets Ltd?"

    class Vectors:
        """The part of CachedEmbeddings rare_negatives reads: vectors by text key."""

        def __init__(self) -> None:
            # Similarity to the question falls with the passage's position in `texts`.
            self.vectors = {t: np.eye(6)[i] * (1.0 - 0.1 * i) + 0.01 for i, t in enumerate(texts)}
            self.vectors[question] = np.full(6, 1.0)

        @staticmethod
        def _key(text: str) -> str:
            return text

    item = data.Item("q1", question, "Globex", date(2023, 1, 1), gold="rtqa#0")
    (negative,) = data.rare_negatives([item], texts, Vectors(), k=2)
    assert negative.answer is None and negative.id == "q1~rare"
    assert [p.text for p in negative.passages] == texts[3:5]
