"""The selector's learned parts, stored as one small JSON file: a logistic regression that
scores spans (`FEATURES`) and one that says whether the evidence answers the question
(`ANSWER_FEATURES`), with the abstention thresholds calibrated beside them.

`scripts/train_selector.py` writes the file (weights, thresholds, and how they were made in
`meta`); the product only reads it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from rag.errors import ConfigError
from rag.evidence.features import ANSWER_FEATURES, FEATURES


@dataclass
class Logistic:
    """Standardize, weigh, squash."""

    features: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float

    def predict(self, x: np.ndarray) -> np.ndarray:
        if x.shape[0] == 0:
            return np.zeros(0)
        z = (x - np.array(self.mean)) / np.array(self.scale)
        return 1.0 / (1.0 + np.exp(-(z @ np.array(self.coef) + self.intercept)))  # type: ignore[no-any-return]


@dataclass
class SelectorModel:
    version: str
    span: Logistic  # probability that a span answers the question
    answer: Logistic  # probability that the chosen evidence answers it
    min_answer: float = 0.5  # answerability probability under which the question is unanswerable
    max_missing_names: float = 0.0  # share of the question's names allowed to be in no evidence
    require_type: bool = False  # a when / how-many question needs a date / number in its evidence
    meta: dict[str, Any] = field(default_factory=dict)  # training data, split, held-out figures

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(asdict(self), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> SelectorModel:
        refit = "refit them with: python scripts/train_selector.py DATASETS_DIR"
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            data["span"], data["answer"] = Logistic(**data["span"]), Logistic(**data["answer"])
            model = cls(**data)
        except (OSError, ValueError, TypeError, KeyError) as e:
            raise ConfigError(f"Could not read the evidence selector weights {path}: {e}; {refit}") from e
        if model.span.features != list(FEATURES) or model.answer.features != list(ANSWER_FEATURES):
            raise ConfigError(f"The evidence selector weights {path} were fitted on other features; {refit}")
        return model
