"""Ingestion: files -> articles -> chunks -> embeddings -> store, in bounded batches.

Chunks of several small articles are embedded together (one `encode` call per batch keeps
the model busy); an article larger than a batch is streamed through in slices. At most one
batch of chunks and its articles are held in memory, whatever the corpus size.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from langchain_core.embeddings import Embeddings

from rag.chunk import Chunker
from rag.errors import IngestError
from rag.readers import ReadLimits, RecordError, discover, read_file
from rag.store import ArticleStore
from rag.types import Article, Chunk, IngestReport

ProgressFn = Callable[[int, int, str], None]


def content_hash(article: Article) -> str:
    """Changes when the text or any metadata changes, so either triggers a re-ingest."""
    payload = json.dumps({k: v for k, v in asdict(article).items() if k != "source"}, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def text_hash(article: Article) -> str:
    """The article text alone, whitespace-normalised: the same story saved under two names."""
    return hashlib.sha256(" ".join(article.text.split()).encode("utf-8")).hexdigest()


def embedding_dimension(embeddings: Embeddings) -> int:
    dimension = getattr(embeddings, "dimension", None) or getattr(embeddings, "size", None)
    return int(dimension) if dimension else len(embeddings.embed_query("dimension probe"))


@dataclass
class _Pending:
    article: Article
    digests: tuple[str, str]  # content hash, text hash
    chunks: list[Chunk]


class Ingestor:
    def __init__(
        self,
        store: ArticleStore,
        embeddings: Embeddings,
        chunker: Chunker,
        batch_size: int = 256,
        limits: ReadLimits | None = None,
    ):
        self.store = store
        self.embeddings = embeddings
        self.chunker = chunker
        self.batch_size = batch_size
        self.limits = limits or ReadLimits()
        self._dimension: int | None = None

    @property
    def dimension(self) -> int:
        if self._dimension is None:
            self._dimension = embedding_dimension(self.embeddings)
        return self._dimension

    def _slices(self, chunks: Sequence[Chunk]) -> Iterator[tuple[Sequence[Chunk], list[list[float]]]]:
        for i in range(0, len(chunks), self.batch_size):
            batch = chunks[i : i + self.batch_size]
            yield batch, self.embeddings.embed_documents([c.text for c in batch])

    def _flush(self, pending: list[_Pending], report: IngestReport) -> None:
        """Embed every pending chunk in one call, then write article by article."""
        if not pending:
            return
        texts = [c.text for p in pending for c in p.chunks]
        vectors = self.embeddings.embed_documents(texts) if texts else []
        offset = 0
        for p in pending:
            mine = vectors[offset : offset + len(p.chunks)]
            offset += len(p.chunks)
            report.chunks_written += self.store.replace_article(
                p.article, p.digests, [(p.chunks, mine)], self.dimension
            )
            report.ingested.append(p.article.id)
        pending.clear()

    def _add(self, article: Article, pending: list[_Pending], report: IngestReport) -> None:
        digests = (content_hash(article), text_hash(article))
        known = self.store.article_info(article.id)
        if known is not None and known.content_hash == digests[0]:
            report.unchanged.append(article.id)
            return
        # A twin may still be waiting in this batch, not yet in the store.
        waiting = [p.article.id for p in pending if p.digests[1] == digests[1]]
        twins = [i for i in [*waiting, *self.store.article_ids_with_text(digests[1])] if i != article.id]
        if twins:
            report.duplicates.append((article.id, twins[0]))
            return
        chunks = self.chunker.split(article)
        if len(chunks) > self.batch_size:  # a long article streams through on its own
            report.chunks_written += self.store.replace_article(article, digests, self._slices(chunks), self.dimension)
            report.ingested.append(article.id)
            return
        pending.append(_Pending(article, digests, chunks))
        if sum(len(p.chunks) for p in pending) >= self.batch_size:
            self._flush(pending, report)

    def ingest(self, paths: Sequence[str | Path], on_progress: ProgressFn | None = None) -> IngestReport:
        started = time.perf_counter()
        report = IngestReport()
        self.store.check(allow_missing=True)  # a model mismatch fails before any work
        self.store.repair()  # chunks an interrupted ingest left without their article
        roots = [Path(p) for p in paths]
        found = [(item, root) for root in roots for item in discover([root])]
        pending: list[_Pending] = []
        for done, (item, root) in enumerate(found):
            if isinstance(item, tuple):
                report.failed.append((str(item[0]), item[1]))
                continue
            if on_progress:
                on_progress(done, len(found), item.name)
            base = root if root.is_dir() else root.parent
            try:
                for article in read_file(item, base, self.limits):
                    if isinstance(article, RecordError):
                        report.failed.append((article.source, article.reason))
                    else:
                        self._add(article, pending, report)
            except IngestError as e:
                report.failed.append((str(item), str(e)))
        self._flush(pending, report)
        if on_progress:
            on_progress(len(found), len(found), "")
        report.seconds = time.perf_counter() - started
        return report
