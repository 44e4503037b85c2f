"""Optional cross-encoder re-ranking of the fused candidates.

None is bundled (offline by default); set `RAG_RETRIEVAL__RERANKER` to a local model folder,
or a Hugging Face id already in the cache, e.g. `cross-encoder/ms-marco-MiniLM-L6-v2`.
Anything with `score(query, texts) -> scores` can stand in (tests use a small fake).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property
from typing import Any, Protocol, runtime_checkable

from rag.errors import ConfigError
from rag.runtime import quiet_model_loading


@runtime_checkable
class Reranker(Protocol):
    def score(self, query: str, texts: Sequence[str]) -> list[float]:
        """Relevance of each text to the query; higher is better (any scale)."""
        ...


class CrossEncoderReranker:
    """Optional second-stage scorer: a local sentence-transformers cross-encoder over (question, passage)."""

    def __init__(self, model: str, device: str = "cpu") -> None:
        self.model_name = model
        self.device = device

    @cached_property
    def model(self) -> Any:
        quiet_model_loading()
        from sentence_transformers import CrossEncoder

        try:
            return CrossEncoder(self.model_name, device=self.device)
        except Exception as e:
            raise ConfigError(
                f"Could not load the re-ranker '{self.model_name}': {e}. Give a local model folder in "
                "RAG_RETRIEVAL__RERANKER, or unset it to retrieve without re-ranking."
            ) from e

    def score(self, query: str, texts: Sequence[str]) -> list[float]:
        if not texts:
            return []
        scores = self.model.predict([(query, t) for t in texts], show_progress_bar=False)
        return [float(s) for s in scores]
