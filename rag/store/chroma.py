"""The Chroma store: one collection of chunk vectors, one manifest of articles.

The manifest collection holds one record per article (its full text as the document, its
metadata and content hash) so that listing sources, skipping unchanged files and opening an
article in context work the same against an embedded store and a Chroma server. Its vectors
are a one-element placeholder: it is never searched by similarity.

Writes go chunks first, manifest last: a crash in between leaves the article absent from the
manifest, so the next ingest of that file replaces whatever chunks were written. Deletes go
manifest first. So a manifest record always means all of its chunks are stored, and the only
damage a crash can leave is orphan chunks, which `repair` (run before every ingest) removes.
`verify` checks all of it (both in rag/store/consistency.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.client import SharedSystemClient
from chromadb.api.models.Collection import Collection
from chromadb.errors import InternalError

from rag.errors import EmbeddingMismatchError, IndexNotBuiltError
from rag.settings import StoreSettings
from rag.store import client as chroma_client
from rag.store.client import location, make_client
from rag.store.records import (
    ArticleWrite,
    Digests,
    chunk_meta,
    manifest_meta,
    to_article,
    to_article_info,
    to_passage,
)
from rag.types import Article, ArticleInfo, Chunk, Passage

_PLACEHOLDER_VECTOR = [0.0]
PAGE = 5000  # records fetched per call when scanning a whole collection


@dataclass(frozen=True)
class Neighbour:
    """A chunk found by vector search: its id, cosine similarity to the query, and its vector."""

    chunk_id: str
    score: float
    vector: np.ndarray


class ArticleStore:
    """Owns the two Chroma collections (chunks with vectors, the article manifest) and every
    read and write of them. Calls nothing above the store; the keyword index and the retriever
    call it."""

    def __init__(self, settings: StoreSettings, embedding_model: str, client: ClientAPI | None = None) -> None:
        self.settings = settings
        self.embedding_model = embedding_model
        self.client = client or make_client(settings)
        self.location = location(settings)
        self._chunks: Collection | None = None
        self._articles: Collection | None = None
        self._batch_limit: int | None = None

    def call(self, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
        """Run a Chroma call; a dropped server connection becomes a clear error. An embedded folder
        that another process wrote to (`rag ingest` beside a running `rag serve`) leaves this
        process's handle stale: Chroma fails with "Error finding id" on the new chunks (explore9 H2).
        The folder is then opened afresh and a collection's call made once more."""
        try:
            return chroma_client.call(self.location, fn, *args, **kwargs)
        except InternalError:
            owner = getattr(fn, "__self__", None)
            if self.settings.host or owner is None or owner not in (self._chunks, self._articles):
                raise
            chunks = owner is self._chunks
            self._reopen()
            collection = self.chunk_collection() if chunks else self.article_collection()
            return chroma_client.call(self.location, getattr(collection, fn.__name__), *args, **kwargs)

    def _reopen(self) -> None:
        """A fresh handle on the embedded folder (Chroma shares one per folder in a process)."""
        SharedSystemClient.clear_system_cache()
        self.client = make_client(self.settings)
        self._chunks = self._articles = None

    # -- collections -------------------------------------------------------------------

    def chunk_collection(self, dimension: int | None = None) -> Collection:
        """The chunk collection, created (when `dimension` is given) or only opened."""
        if self._chunks is not None:
            return self._chunks
        name = self.settings.collection
        existing = {c.name if hasattr(c, "name") else str(c) for c in self.call(self.client.list_collections)}
        if name not in existing:
            if dimension is None:
                raise IndexNotBuiltError(self.location)
            self._chunks = self.call(
                self.client.create_collection,
                name,
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={"embedding_model": self.embedding_model, "embedding_dim": dimension},
            )
        else:
            collection = self.call(self.client.get_collection, name, embedding_function=None)
            meta = collection.metadata or {}
            stored = meta.get("embedding_model")
            if stored != self.embedding_model or (dimension and meta.get("embedding_dim") != dimension):
                raise EmbeddingMismatchError(
                    name, str(stored), int(meta.get("embedding_dim", 0)), self.embedding_model, dimension or 0
                )
            self._chunks = collection
        return self._chunks

    def article_collection(self) -> Collection:
        if self._articles is None:
            self._articles = self.call(
                self.client.get_or_create_collection,
                f"{self.settings.collection}__articles",
                embedding_function=None,
            )
        return self._articles

    def check(self, allow_missing: bool = False) -> None:
        """Open the chunk collection, failing early on a model mismatch (or a missing index)."""
        try:
            self.chunk_collection()
        except IndexNotBuiltError:
            if not allow_missing:
                raise

    # -- paging and batched writes -------------------------------------------------------

    def pages(self, collection: Collection, include: list[str], size: int = PAGE) -> Iterator[dict[str, Any]]:
        """Every record of a collection, a page at a time so memory stays bounded."""
        return chroma_client.pages(self.call, collection, include, size)

    def _max_batch(self) -> int:
        """Records Chroma accepts in one call (a server may allow fewer than the embedded store)."""
        if self._batch_limit is None:
            try:
                self._batch_limit = max(1, int(self.client.get_max_batch_size()))
            except Exception:  # older clients or fakes without the method
                self._batch_limit = 1000
        return self._batch_limit

    def _upsert(self, collection: Collection, ids: list[str], **columns: list[Any]) -> None:
        chroma_client.upsert_batched(self.call, collection, self._max_batch(), ids, **columns)

    # -- articles ----------------------------------------------------------------------

    def article_info(self, article_id: str) -> ArticleInfo | None:
        got = self.call(self.article_collection().get, ids=[article_id], include=["metadatas"])
        if not got["ids"]:
            return None
        return to_article_info(got["ids"][0], got["metadatas"][0])

    def move_article(self, article_id: str, source: str) -> None:
        """Record that an indexed article's file is now at `source` (its folder was moved or renamed)."""
        collection = self.article_collection()
        got = self.call(collection.get, ids=[article_id], include=["metadatas"])
        if got["ids"]:
            self.call(collection.update, ids=[article_id], metadatas=[{**got["metadatas"][0], "source": source}])

    def article_ids_with_text(self, text_hash: str) -> list[str]:
        got = self.call(self.article_collection().get, where={"text_hash": text_hash}, include=[])
        return list(got["ids"])

    def list_articles(self) -> list[ArticleInfo]:
        infos = [
            to_article_info(i, m)
            for page in self.pages(self.article_collection(), ["metadatas"])
            for i, m in zip(page["ids"], page["metadatas"], strict=True)
        ]
        return sorted(infos, key=lambda a: a.id)

    def article(self, article_id: str) -> Article | None:
        got = self.call(self.article_collection().get, ids=[article_id], include=["metadatas", "documents"])
        if not got["ids"]:
            return None
        return to_article(article_id, got["documents"][0], got["metadatas"][0])

    def replace_article(
        self,
        article: Article,
        digests: Digests,
        batches: Iterable[tuple[Sequence[Chunk], Sequence[Sequence[float]]]],
        dimension: int,
    ) -> int:
        """Swap an article's chunks for new ones (given in embedded batches); returns the count."""
        chunks = self.chunk_collection(dimension)
        self.call(self.article_collection().delete, ids=[article.id])
        self.call(chunks.delete, where={"article_id": article.id})
        written = 0
        for batch, vectors in batches:
            self._write_chunks(chunks, [ArticleWrite(article, digests, batch, vectors)])
            written += len(batch)
        self._write_manifest([ArticleWrite(article, digests, [], [])], [written])
        return written

    def replace_articles(self, items: Sequence[ArticleWrite], dimension: int) -> None:
        """`replace_article` for many small articles at once: a fixed number of store calls
        per batch instead of four per article (each Chroma write is a transaction, and on an
        embedded store per-call overhead cost more than the embedding model)."""
        if not items:
            return
        chunks = self.chunk_collection(dimension)
        ids = [w.article.id for w in items]
        self.call(self.article_collection().delete, ids=ids)
        self.call(chunks.delete, where={"article_id": {"$in": ids}})
        self._write_chunks(chunks, items)
        self._write_manifest(items, [len(w.chunks) for w in items])

    def _write_chunks(self, collection: Collection, items: Sequence[ArticleWrite]) -> None:
        rows = [(w.article, c, v) for w in items for c, v in zip(w.chunks, w.vectors, strict=True)]
        self._upsert(
            collection,
            [c.id for _, c, _ in rows],
            embeddings=[list(v) for _, _, v in rows],
            documents=[c.text for _, c, _ in rows],
            metadatas=[chunk_meta(a, c) for a, c, _ in rows],
        )

    def _write_manifest(self, items: Sequence[ArticleWrite], counts: Sequence[int]) -> None:
        self._upsert(
            self.article_collection(),
            [w.article.id for w in items],
            embeddings=[_PLACEHOLDER_VECTOR] * len(items),
            documents=[w.article.text for w in items],
            metadatas=[manifest_meta(w.article, w.digests, n) for w, n in zip(items, counts, strict=True)],
        )

    def remove_article(self, article_id: str) -> bool:
        known = self.article_info(article_id) is not None
        self.call(self.article_collection().delete, ids=[article_id])
        try:
            chunks = self.chunk_collection()
        except IndexNotBuiltError:
            return known
        self.call(chunks.delete, where={"article_id": article_id})
        return known

    # -- chunks ------------------------------------------------------------------------

    def chunk_count(self) -> int:
        try:
            return int(self.call(self.chunk_collection().count))
        except IndexNotBuiltError:
            return 0

    def all_chunk_ids(self) -> list[str]:
        try:
            return sorted(i for page in self.pages(self.chunk_collection(), []) for i in page["ids"])
        except IndexNotBuiltError:
            return []

    def chunk_ids(self, article_id: str) -> list[str]:
        got = self.call(self.chunk_collection().get, where={"article_id": article_id}, include=[])
        return sorted(got["ids"])

    def chunk_vectors(self, article_id: str) -> dict[str, list[float]]:
        """An indexed article's chunk texts and their vectors, so an edit re-embeds only new text."""
        try:
            collection = self.chunk_collection()
        except IndexNotBuiltError:
            return {}
        got = self.call(collection.get, where={"article_id": article_id}, include=["documents", "embeddings"])
        return {doc: [float(x) for x in vec] for doc, vec in zip(got["documents"], got["embeddings"], strict=True)}

    def nearest(
        self,
        vector: Sequence[float],
        k: int,
        where: dict[str, Any] | None = None,
        ids: Sequence[str] | None = None,
    ) -> list[Neighbour]:
        """The `k` nearest chunks (among `ids` when given), best first, each with its cosine
        similarity and its vector. No text or metadata: reading those for 50 candidates costs more
        than the search (`passages_by_id` reads them for the few that are shown)."""
        if ids is not None and not ids:
            return []  # restricted to nothing: skip the query, and the count an empty result triggers
        collection = self.chunk_collection()
        got = self.call(
            collection.query,
            query_embeddings=[list(vector)],
            n_results=k,
            where=where or None,
            ids=list(ids) if ids is not None else None,
            include=["distances", "embeddings"],
        )
        # Counted only when nothing came back (a count costs ~10 ms at 100k chunks): an empty
        # index is an error, a filter that matches nothing is not.
        if not got["ids"][0] and self.call(collection.count) == 0:
            raise IndexNotBuiltError(self.location)
        rows = zip(got["ids"][0], got["distances"][0], got["embeddings"][0], strict=True)
        # cosine distance -> similarity
        return [Neighbour(cid, 1.0 - float(dist), np.asarray(vec, dtype=np.float32)) for cid, dist, vec in rows]

    def vectors_by_id(self, ids: Sequence[str]) -> dict[str, np.ndarray]:
        """The stored vectors of these chunks (ids Chroma no longer has are absent)."""
        if not ids:
            return {}
        got = self.call(self.chunk_collection().get, ids=list(ids), include=["embeddings"])
        return {cid: np.asarray(vec, dtype=np.float32) for cid, vec in zip(got["ids"], got["embeddings"], strict=True)}

    def passages_by_id(self, ids: Sequence[str]) -> dict[str, Passage]:
        """These chunks as passages, text and article metadata (score 0: the caller scores them)."""
        if not ids:
            return {}
        got = self.call(self.chunk_collection().get, ids=list(ids), include=["documents", "metadatas"])
        rows = zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        return {cid: to_passage(cid, doc, meta, 0.0) for cid, doc, meta in rows}

    def iter_chunks(
        self, article_ids: Sequence[str] | None = None, batch: int = 1000
    ) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(chunk id, text, metadata) of every chunk, or of the given articles' chunks, in pages."""
        try:
            collection = self.chunk_collection()
        except IndexNotBuiltError:
            return
        if article_ids is None:
            for page in self.pages(collection, ["documents", "metadatas"], batch):
                yield from zip(page["ids"], page["documents"], page["metadatas"], strict=True)
            return
        ids = list(article_ids)
        for i in range(0, len(ids), 200):
            got = self.call(
                collection.get, where={"article_id": {"$in": ids[i : i + 200]}}, include=["documents", "metadatas"]
            )
            yield from zip(got["ids"], got["documents"], got["metadatas"], strict=True)
