"""A query-side linear adapter: question vectors mapped by a learned matrix before the dense search.

Passages are untouched (no re-index): only the vector that searches Chroma changes. The cosine
each passage keeps as its `score` is still the plain model's, since the abstain threshold and the
evidence selector are calibrated on it. Trained by scripts/train_query_adapter.py.

`retrieval.query_adapter` is "packaged" by default: the adapter shipped beside this module
(query_adapter.v1.npy, trained on RealTimeQA questions of the earlier weeks), used only with the
packaged embedding model it was trained for; "none" turns it off; anything else is a .npy path.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from rag.errors import ConfigError
from rag.settings import PACKAGED_MODEL_NAMES

PACKAGED = "packaged"
PACKAGED_FILE = Path(__file__).with_name("query_adapter.v1.npy")
_OFF = ("", "none", "off")


class QueryAdapter:
    """Owns one d x d matrix (saved as .npy): `apply` maps a normalized question vector to a
    normalized search vector. The identity matrix changes nothing."""

    def __init__(self, matrix: np.ndarray, name: str = "adapter") -> None:
        if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1] or not np.isfinite(matrix).all():
            raise ConfigError(f"Query adapter '{name}' must be a square matrix of finite numbers, got {matrix.shape}.")
        self.matrix = matrix.astype(np.float32)
        self.name = name

    @classmethod
    def load(cls, path: Path) -> QueryAdapter:
        try:
            matrix = np.load(path, allow_pickle=False)
        except (OSError, ValueError) as e:
            raise ConfigError(
                f"Could not read the query adapter {path}: {e}. Fix RAG_RETRIEVAL__QUERY_ADAPTER or unset it."
            ) from e
        return cls(np.asarray(matrix), Path(path).name)

    @property
    def dimension(self) -> int:
        return int(self.matrix.shape[0])

    def apply(self, vector: np.ndarray) -> np.ndarray:
        if vector.shape[-1] != self.dimension:
            raise ConfigError(
                f"Query adapter '{self.name}' is for {self.dimension}-dimensional vectors; the embedding model "
                f"gives {vector.shape[-1]}. Unset RAG_RETRIEVAL__QUERY_ADAPTER or train one for this model."
            )
        mapped = vector @ self.matrix
        norm = np.linalg.norm(mapped, axis=-1, keepdims=True)
        return (mapped / np.maximum(norm, 1e-12)).astype(np.float32)


def switched_off(setting: str | Path | None) -> bool:
    """`retrieval.query_adapter` names no adapter ("none", "off", empty)."""
    return setting is None or str(setting).strip().lower() in _OFF


def open_adapter(setting: str | Path | None, embedding_model: str) -> QueryAdapter | None:
    """The adapter `retrieval.query_adapter` names for this embedding model, or None."""
    if setting is None or switched_off(setting):  # (None spelled out for the type checker)
        return None
    if str(setting) == PACKAGED:
        # Trained on the packaged model's vectors: for another model it would be noise (or the wrong size).
        return QueryAdapter.load(PACKAGED_FILE) if embedding_model in PACKAGED_MODEL_NAMES else None
    return QueryAdapter.load(Path(setting))
