"""`PassageRetriever`: the interface the answer chain uses, behind LangChain's `BaseRetriever`.

`search` returns `Passage`s with their relevance; `HybridRetriever` (hybrid.py) is the
implementation. Through `BaseRetriever` it is also a LangChain Runnable returning `Document`s.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from rag.retrieval.filters import Filters
from rag.types import Passage


@dataclass(frozen=True)
class Named:
    """What a second look for names found: passages that name them, and which of the names some
    indexed passage mentions (None: this retriever cannot tell)."""

    passages: list[Passage] = field(default_factory=list)
    mentioned: frozenset[str] | None = None


NAMING = 2  # passages a second look (for missing names, or for key words) adds


class PassageRetriever(BaseRetriever):
    """A question -> the most relevant passages, best first. Owns nothing but the search contract."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    filters: Filters = Filters()

    @abstractmethod
    def search(self, query: str, k: int | None = None, filters: Filters | None = None) -> list[Passage]:
        """The `k` (None: the configured number) most relevant passages, best first, each with a
        score in [-1, 1]."""

    def naming(
        self, query: str, names: Sequence[str], filters: Filters | None = None, exclude: Collection[str] = ()
    ) -> Named:
        """Passages (not in `exclude`, by chunk id) that name `names`, for a question whose evidence
        lacks them. This base retriever has no index to look names up in."""
        return Named()

    def holding(self, query: str, filters: Filters | None = None, spare: int = 0, limit: int = NAMING) -> list[Passage]:
        """Passages with a sentence holding every key word of `query` but `spare`, for a question that
        names no one and that no passage matches as a whole. This base retriever has no index to look
        words up in."""
        return []

    def quoting(self, quoted: str, query: str, filters: Filters | None = None, limit: int = NAMING) -> list[Passage]:
        """Passages holding the words `quoted` (a question's quotation), scored by their relevance to `query`.
        This base retriever has no index to look words up in."""
        return []

    def reporting(self, text: str, query: str, filters: Filters | None = None, limit: int = NAMING) -> list[Passage]:
        """Passages that tell what `text` tells, found by searching with `text` itself and scored by their
        relevance to `query`. This base retriever scores them by their relevance to `text`."""
        return self.search(text, limit, filters)

    def going_on(self, passage: Passage, query: str) -> list[Passage]:
        """The chunks of `passage`'s article that go on after it (chunks overlap), scored by their relevance to
        `query`. This base retriever has no store to read them from."""
        return []

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return [
            Document(page_content=p.text, id=p.chunk_id, metadata=p.to_dict())
            for p in self.search(query, None, self.filters)
        ]
