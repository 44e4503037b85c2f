"""The Chroma store: one collection of chunk vectors, one manifest of articles.

The manifest collection holds one record per article (its full text as the document, its
metadata and content hash) so that listing sources, skipping unchanged files and opening an
article in context work the same against an embedded store and a Chroma server. Its vectors
are a one-element placeholder: it is never searched by similarity.

Writes go chunks first, manifest last: a crash in between leaves the article absent from the
manifest, so the next ingest of that file replaces whatever chunks were written. Deletes go
manifest first. So a manifest record always means all of its chunks are stored, and the only
damage a crash can leave is orphan chunks, which `repair` (run before every ingest) removes.
`verify` checks all of it, for tests and `rag stats --check`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import chromadb
import numpy as np
from chromadb.api import ClientAPI
from chromadb.api.models.Collection import Collection
from filelock import FileLock, Timeout

from rag.errors import EmbeddingMismatchError, IndexNotBuiltError, StoreUnavailableError
from rag.settings import StoreSettings
from rag.types import Article, ArticleInfo, Chunk, Passage

_PLACEHOLDER_VECTOR = [0.0]
_PAGE = 5000  # records fetched per call when scanning a whole collection
_OPEN_LOCK_TIMEOUT_S = 60.0  # opening takes well under a second; a minute means a stuck process


@dataclass
class IndexCheck:
    """The result of `ArticleStore.verify`: empty problem lists mean the index is whole."""

    articles: int = 0
    chunks: int = 0
    orphan_chunks: list[str] = field(default_factory=list)  # chunk ids whose article is not in the manifest
    miscounted: list[str] = field(default_factory=list)  # manifest articles whose stored chunks differ from the count
    duplicate_chunks: list[str] = field(default_factory=list)  # an article position stored twice
    unsearchable: list[str] = field(default_factory=list)  # sampled chunks the vector index does not return
    # article id -> (content hash, chunk count): equal fingerprints mean equal indexes
    fingerprint: dict[str, tuple[str, int]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (self.orphan_chunks or self.miscounted or self.duplicate_chunks or self.unsearchable)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("fingerprint")
        return {"ok": self.ok, **out}


def make_client(settings: StoreSettings) -> ClientAPI:
    """`HttpClient` when a server host is configured, else a `PersistentClient` folder."""
    try:
        if settings.host:
            return chromadb.HttpClient(host=settings.host, port=settings.port, ssl=settings.ssl)
        settings.path.mkdir(parents=True, exist_ok=True)
        # Two processes opening a new folder at once (CLI ingest beside the UI) both run Chroma's
        # schema migrations and one fails with "table collections already exists"; take turns.
        with FileLock(str(settings.path / ".open.lock"), timeout=_OPEN_LOCK_TIMEOUT_S):
            return chromadb.PersistentClient(path=str(settings.path))
    except Timeout as e:
        raise StoreUnavailableError(
            f"Cannot open the Chroma store at {settings.path}: another process has been opening it for "
            f"{_OPEN_LOCK_TIMEOUT_S:.0f} s. Stop it, or delete {settings.path / '.open.lock'} if none is running."
        ) from e
    except Exception as e:
        where = f"{settings.host}:{settings.port}" if settings.host else str(settings.path)
        raise StoreUnavailableError(
            f"Cannot open the Chroma store at {where}: {e}. "
            + (
                "Start the server (`chroma run --path DIR --host 127.0.0.1 --port PORT`) "
                "or unset RAG_STORE__HOST to use the embedded store."
                if settings.host
                else "Check that the folder is writable (RAG_STORE__PATH)."
            )
        ) from e


def published_key(published: str | None) -> int | None:
    """YYYY-MM-DD as the integer YYYYMMDD, so Chroma's $gte/$lte can filter date ranges."""
    if not published or len(published) < 10:
        return None
    try:
        return int(published[:10].replace("-", ""))
    except ValueError:
        return None


def _clean(meta: dict[str, Any]) -> dict[str, Any]:
    """Chroma metadata cannot hold None."""
    return {k: v for k, v in meta.items() if v is not None}


def _chunk_meta(article: Article) -> dict[str, Any]:
    """The article's metadata every one of its chunks carries (for filters and citations)."""
    return _clean(
        {
            "article_id": article.id,
            "title": article.title,
            "outlet": article.outlet,
            "published": article.published,
            "published_key": published_key(article.published),
            "url": article.url,
        }
    )


# One article to write: the article, its (content, text) hashes, its chunks and their vectors.
ArticleWrite = tuple[Article, tuple[str, str], Sequence[Chunk], Sequence[Sequence[float]]]


class ArticleStore:
    def __init__(
        self,
        settings: StoreSettings,
        embedding_model: str,
        client: ClientAPI | None = None,
    ) -> None:
        self.settings = settings
        self.embedding_model = embedding_model
        self.client = client or make_client(settings)
        self._chunks: Collection | None = None
        self._articles: Collection | None = None
        self._batch_limit: int | None = None

    @property
    def where(self) -> str:
        s = self.settings
        return f"chroma server {s.host}:{s.port}" if s.host else str(s.path)

    def _call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        """Run a Chroma call, turning a dropped server connection into a clear error."""
        try:
            return fn(*args, **kwargs)
        except (ConnectionError, OSError) as e:
            raise StoreUnavailableError(f"Lost the connection to the {self.where}: {e}") from e
        except Exception as e:
            if type(e).__name__ in {"ConnectError", "ReadError", "RemoteProtocolError", "ConnectTimeout"}:
                raise StoreUnavailableError(f"Lost the connection to the {self.where}: {e}") from e
            raise

    # -- collections -------------------------------------------------------------------

    def _chunk_collection(self, dimension: int | None = None) -> Collection:
        """The chunk collection, created (when `dimension` is given) or only opened."""
        if self._chunks is not None:
            return self._chunks
        name = self.settings.collection
        existing = {c.name if hasattr(c, "name") else str(c) for c in self._call(self.client.list_collections)}
        if name not in existing:
            if dimension is None:
                raise IndexNotBuiltError(self.where)
            self._chunks = self._call(
                self.client.create_collection,
                name,
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={"embedding_model": self.embedding_model, "embedding_dim": dimension},
            )
        else:
            collection = self._call(self.client.get_collection, name, embedding_function=None)
            meta = collection.metadata or {}
            stored = meta.get("embedding_model")
            if stored != self.embedding_model or (dimension and meta.get("embedding_dim") != dimension):
                raise EmbeddingMismatchError(
                    name, str(stored), int(meta.get("embedding_dim", 0)), self.embedding_model, dimension or 0
                )
            self._chunks = collection
        return self._chunks

    def _article_collection(self) -> Collection:
        if self._articles is None:
            self._articles = self._call(
                self.client.get_or_create_collection,
                f"{self.settings.collection}__articles",
                embedding_function=None,
            )
        return self._articles

    def check(self, allow_missing: bool = False) -> None:
        """Open the chunk collection, failing early on a model mismatch (or a missing index)."""
        try:
            self._chunk_collection()
        except IndexNotBuiltError:
            if not allow_missing:
                raise

    # -- articles ----------------------------------------------------------------------

    def article_info(self, article_id: str) -> ArticleInfo | None:
        got = self._call(self._article_collection().get, ids=[article_id], include=["metadatas"])
        if not got["ids"]:
            return None
        return _info(got["ids"][0], got["metadatas"][0])

    def article_ids_with_text(self, text_hash: str) -> list[str]:
        got = self._call(self._article_collection().get, where={"text_hash": text_hash}, include=[])
        return list(got["ids"])

    def list_articles(self) -> list[ArticleInfo]:
        got = self._call(self._article_collection().get, include=["metadatas"])
        infos = [_info(i, m) for i, m in zip(got["ids"], got["metadatas"], strict=True)]
        return sorted(infos, key=lambda a: a.id)

    def article(self, article_id: str) -> Article | None:
        got = self._call(self._article_collection().get, ids=[article_id], include=["metadatas", "documents"])
        if not got["ids"]:
            return None
        meta = got["metadatas"][0]
        return Article(
            id=article_id,
            text=got["documents"][0],
            title=str(meta.get("title", article_id)),
            source=str(meta.get("source", "")),
            outlet=meta.get("outlet"),
            published=meta.get("published"),
            url=meta.get("url"),
        )

    def replace_article(
        self,
        article: Article,
        digests: tuple[str, str],
        batches: Iterable[tuple[Sequence[Chunk], Sequence[Sequence[float]]]],
        dimension: int,
    ) -> int:
        """Swap an article's chunks for new ones (given in embedded batches); returns the count."""
        chunks = self._chunk_collection(dimension)
        self._call(self._article_collection().delete, ids=[article.id])
        self._call(chunks.delete, where={"article_id": article.id})
        written = 0
        for batch, vectors in batches:
            self._upsert_chunks(chunks, [(article, c, v) for c, v in zip(batch, vectors, strict=True)])
            written += len(batch)
        self._upsert_manifest([(article, digests, written)])
        return written

    def replace_articles(self, items: Sequence[ArticleWrite], dimension: int) -> None:
        """`replace_article` for many small articles at once: a fixed number of store calls
        per batch instead of four per article (each Chroma write is a transaction, and on an
        embedded store per-call overhead cost more than the embedding model)."""
        if not items:
            return
        chunks = self._chunk_collection(dimension)
        ids = [article.id for article, _, _, _ in items]
        self._call(self._article_collection().delete, ids=ids)
        self._call(chunks.delete, where={"article_id": {"$in": ids}})
        self._upsert_chunks(
            chunks, [(article, c, v) for article, _, cs, vs in items for c, v in zip(cs, vs, strict=True)]
        )
        self._upsert_manifest([(article, digests, len(cs)) for article, digests, cs, _ in items])

    def chunk_vectors(self, article_id: str) -> dict[str, list[float]]:
        """An indexed article's chunk texts and their vectors, so an edit re-embeds only new text."""
        try:
            collection = self._chunk_collection()
        except IndexNotBuiltError:
            return {}
        got = self._call(collection.get, where={"article_id": article_id}, include=["documents", "embeddings"])
        return {doc: [float(x) for x in vec] for doc, vec in zip(got["documents"], got["embeddings"], strict=True)}

    def _upsert_chunks(self, collection: Collection, rows: list[tuple[Article, Chunk, Sequence[float]]]) -> None:
        limit = self._max_batch()
        for i in range(0, len(rows), limit):
            part = rows[i : i + limit]
            self._call(
                collection.upsert,
                ids=[c.id for _, c, _ in part],
                embeddings=[list(v) for _, _, v in part],
                documents=[c.text for _, c, _ in part],
                metadatas=[
                    {**_chunk_meta(a), "position": c.position, "start": c.start, "end": c.end} for a, c, _ in part
                ],
            )

    def _upsert_manifest(self, rows: list[tuple[Article, tuple[str, str], int]]) -> None:
        limit = self._max_batch()
        for i in range(0, len(rows), limit):
            part = rows[i : i + limit]
            self._call(
                self._article_collection().upsert,
                ids=[a.id for a, _, _ in part],
                embeddings=[_PLACEHOLDER_VECTOR] * len(part),
                documents=[a.text for a, _, _ in part],
                metadatas=[
                    _clean(
                        {
                            **_chunk_meta(a),
                            "source": a.source,
                            "content_hash": digests[0],
                            "text_hash": digests[1],
                            "chunk_count": count,
                        }
                    )
                    for a, digests, count in part
                ],
            )

    def _max_batch(self) -> int:
        """Records Chroma accepts in one call (a server may allow fewer than the embedded store)."""
        if self._batch_limit is None:
            try:
                self._batch_limit = max(1, int(self.client.get_max_batch_size()))
            except Exception:  # older clients or fakes without the method
                self._batch_limit = 1000
        return self._batch_limit

    def remove_article(self, article_id: str) -> bool:
        known = self.article_info(article_id) is not None
        self._call(self._article_collection().delete, ids=[article_id])
        try:
            chunks = self._chunk_collection()
        except IndexNotBuiltError:
            return known
        self._call(chunks.delete, where={"article_id": article_id})
        return known

    # -- consistency ---------------------------------------------------------------------

    def _scan(self, collection: Collection) -> Iterator[tuple[str, dict[str, Any]]]:
        """(id, metadata) of every record, a page at a time so memory stays bounded."""
        offset = 0
        while True:
            got = self._call(collection.get, include=["metadatas"], limit=_PAGE, offset=offset)
            yield from zip(got["ids"], got["metadatas"], strict=True)
            if len(got["ids"]) < _PAGE:
                return
            offset += _PAGE

    def verify(self, sample: int = 10) -> IndexCheck:
        """Compare the manifest with the stored chunks, and check that a sample of chunks can be
        found by vector search (the HNSW index agrees with the records)."""
        check = IndexCheck()
        manifest = {i: _info(i, m) for i, m in self._scan(self._article_collection())}
        check.articles = len(manifest)
        check.fingerprint = {i: (a.content_hash, a.chunk_count) for i, a in manifest.items()}
        try:
            chunks = self._chunk_collection()
        except IndexNotBuiltError:
            check.miscounted = sorted(i for i, a in manifest.items() if a.chunk_count)
            return check
        per_article: Counter[str] = Counter()
        positions: Counter[tuple[str, int]] = Counter()
        ids: list[str] = []
        for chunk_id, meta in self._scan(chunks):
            article_id = str(meta.get("article_id"))
            ids.append(chunk_id)
            if article_id not in manifest:
                check.orphan_chunks.append(chunk_id)
            per_article[article_id] += 1
            positions[(article_id, int(meta.get("position", -1)))] += 1
        check.chunks = len(ids)
        check.miscounted = sorted(i for i, a in manifest.items() if per_article[i] != a.chunk_count)
        check.duplicate_chunks = sorted(f"{a}::{p}" for (a, p), n in positions.items() if n > 1)
        step = max(1, len(ids) // sample) if sample else 0
        for chunk_id in ids[::step][:sample] if step else []:
            vector = self._call(chunks.get, ids=[chunk_id], include=["embeddings"])["embeddings"][0]
            got = self._call(chunks.query, query_embeddings=[list(vector)], n_results=min(5, len(ids)), include=[])
            if chunk_id not in got["ids"][0]:
                check.unsearchable.append(chunk_id)
        return check

    def repair(self) -> int:
        """Delete orphan chunks (left by a crash between an article's chunks and its manifest
        record); returns how many. A count comparison first, so a whole index costs two calls."""
        try:
            chunks = self._chunk_collection()
        except IndexNotBuiltError:
            return 0
        manifest = {i: _info(i, m) for i, m in self._scan(self._article_collection())}
        if self._call(chunks.count) == sum(a.chunk_count for a in manifest.values()):
            return 0
        orphans = [cid for cid, meta in self._scan(chunks) if str(meta.get("article_id")) not in manifest]
        for i in range(0, len(orphans), _PAGE):
            self._call(chunks.delete, ids=orphans[i : i + _PAGE])
        return len(orphans)

    # -- chunks ------------------------------------------------------------------------

    def chunk_count(self) -> int:
        try:
            return int(self._call(self._chunk_collection().count))
        except IndexNotBuiltError:
            return 0

    def all_chunk_ids(self) -> list[str]:
        try:
            return sorted(cid for cid, _ in self._scan(self._chunk_collection()))
        except IndexNotBuiltError:
            return []

    def chunk_ids(self, article_id: str) -> list[str]:
        got = self._call(self._chunk_collection().get, where={"article_id": article_id}, include=[])
        return sorted(got["ids"])

    def query(self, vector: Sequence[float], k: int, where: dict[str, Any] | None = None) -> list[Passage]:
        return [p for p, _ in self.query_with_vectors(vector, k, where, with_vectors=False)]

    def query_with_vectors(
        self,
        vector: Sequence[float],
        k: int,
        where: dict[str, Any] | None = None,
        with_vectors: bool = True,
        ids: Sequence[str] | None = None,
    ) -> list[tuple[Passage, np.ndarray | None]]:
        """The `k` nearest chunks (among `ids` when given), each with its cosine similarity as the
        score (and its vector)."""
        if ids is not None and not ids:
            return []  # restricted to nothing: skip the query, and the count an empty result triggers
        collection = self._chunk_collection()
        include = ["documents", "metadatas", "distances", *(["embeddings"] if with_vectors else [])]
        got = self._call(
            collection.query,
            query_embeddings=[list(vector)],
            n_results=k,
            where=where or None,
            ids=list(ids) if ids is not None else None,
            include=include,
        )
        # Counted only when nothing came back (a count costs ~10 ms at 100k chunks): an empty
        # index is an error, a filter that matches nothing is not.
        if not got["ids"][0] and self._call(collection.count) == 0:
            raise IndexNotBuiltError(self.where)
        vectors = got.get("embeddings")
        return [
            (
                _passage(cid, doc, meta, 1.0 - float(dist)),  # cosine distance -> similarity
                np.asarray(vectors[0][i], dtype=np.float32) if with_vectors and vectors is not None else None,
            )
            for i, (cid, doc, meta, dist) in enumerate(
                zip(got["ids"][0], got["documents"][0], got["metadatas"][0], got["distances"][0], strict=True)
            )
        ]

    def chunks_by_id(self, ids: Sequence[str]) -> dict[str, tuple[Passage, np.ndarray]]:
        """Chunks by id with their vectors (score 0: the caller scores them against its query)."""
        if not ids:
            return {}
        got = self._call(self._chunk_collection().get, ids=list(ids), include=["documents", "metadatas", "embeddings"])
        return {
            cid: (_passage(cid, doc, meta, 0.0), np.asarray(vec, dtype=np.float32))
            for cid, doc, meta, vec in zip(
                got["ids"], got["documents"], got["metadatas"], got["embeddings"], strict=True
            )
        }

    def iter_chunks(
        self, article_ids: Sequence[str] | None = None, batch: int = 1000
    ) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """(chunk id, text, metadata) of every chunk, or of the given articles' chunks, in pages."""
        try:
            collection = self._chunk_collection()
        except IndexNotBuiltError:
            return
        if article_ids is None:
            offset = 0
            while True:
                got = self._call(collection.get, include=["documents", "metadatas"], limit=batch, offset=offset)
                if not got["ids"]:
                    return
                yield from zip(got["ids"], got["documents"], got["metadatas"], strict=True)
                offset += len(got["ids"])
        ids = list(article_ids)
        for i in range(0, len(ids), 200):
            got = self._call(
                collection.get, where={"article_id": {"$in": ids[i : i + 200]}}, include=["documents", "metadatas"]
            )
            yield from zip(got["ids"], got["documents"], got["metadatas"], strict=True)


def _passage(cid: str, doc: str, meta: dict[str, Any], score: float) -> Passage:
    return Passage(
        chunk_id=cid,
        article_id=str(meta["article_id"]),
        text=doc,
        title=str(meta.get("title", "")),
        start=int(meta.get("start", 0)),
        end=int(meta.get("end", 0)),
        score=round(score, 4),
        outlet=meta.get("outlet"),
        published=meta.get("published"),
        url=meta.get("url"),
    )


def _info(article_id: str, meta: dict[str, Any]) -> ArticleInfo:
    return ArticleInfo(
        id=article_id,
        title=str(meta.get("title", article_id)),
        source=str(meta.get("source", "")),
        content_hash=str(meta.get("content_hash", "")),
        chunk_count=int(meta.get("chunk_count", 0)),
        outlet=meta.get("outlet"),
        published=meta.get("published"),
        url=meta.get("url"),
    )
