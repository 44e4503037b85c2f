"""Retrieval: from a question to scored passages, behind LangChain's `BaseRetriever`.

`PassageRetriever` is the interface the answer chain uses (`search` returns `Passage`s with
their relevance); `DenseRetriever` is the vector-similarity implementation. A hybrid
retriever subclasses `PassageRetriever` and drops in without touching the chain.
"""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import dataclass
from datetime import date
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from rag.store.chroma import ArticleStore, published_key
from rag.types import Passage


@dataclass(frozen=True)
class Filters:
    """Restrict retrieval to some outlets and/or a publication date range (inclusive)."""

    outlets: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None

    def to_where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        low, high = self.date_keys
        if self.outlets:
            clauses.append({"outlet": {"$in": list(self.outlets)}})
        if low is not None:
            clauses.append({"published_key": {"$gte": low}})
        if high is not None:
            clauses.append({"published_key": {"$lte": high}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    @property
    def active(self) -> bool:
        return bool(self.outlets or self.date_from or self.date_to)

    @property
    def date_keys(self) -> tuple[int | None, int | None]:
        """The date range as the stored `published_key` integers (YYYYMMDD), None where open."""
        return (
            published_key(self.date_from.isoformat()) if self.date_from else None,
            published_key(self.date_to.isoformat()) if self.date_to else None,
        )

    def admits(self, passage: Passage) -> bool:
        """The same test as `to_where` in Chroma, on a passage in hand (an undated one fails a date range)."""
        if self.outlets and passage.outlet not in self.outlets:
            return False
        low, high = self.date_keys
        if low is None and high is None:
            return True
        key = published_key(passage.published)
        if key is None:
            return False
        return (low is None or key >= low) and (high is None or key <= high)


class PassageRetriever(BaseRetriever):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    k: int = 4
    filters: Filters = Filters()

    @abstractmethod
    def search(self, query: str, k: int | None = None, filters: Filters | None = None) -> list[Passage]:
        """The `k` most relevant passages, best first, each with a score in [-1, 1]."""

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [
            Document(page_content=p.text, id=p.chunk_id, metadata=p.to_dict())
            for p in self.search(query, self.k, self.filters)
        ]


class DenseRetriever(PassageRetriever):
    store: ArticleStore
    embeddings: Embeddings

    def search(self, query: str, k: int | None = None, filters: Filters | None = None) -> list[Passage]:
        vector = self.embeddings.embed_query(query)
        where = (filters or self.filters).to_where()
        return self.store.query(vector, k or self.k, where)
