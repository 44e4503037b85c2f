"""Ingestion: files -> articles -> chunks -> embeddings -> store, in bounded batches.

Chunks of several small articles are embedded together (one `encode` call per batch keeps
the model busy); an article larger than a batch is streamed through in slices. At most one
batch of chunks and its articles are held in memory, whatever the corpus size.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from langchain_core.embeddings import Embeddings

from rag.errors import IngestError
from rag.ingest.chunk import Chunker
from rag.ingest.readers import ReadLimits, RecordError, discover, read_file
from rag.store.chroma import ArticleStore
from rag.store.consistency import repair
from rag.store.records import ArticleWrite, Digests
from rag.types import Article, Chunk, IngestReport

ProgressFn = Callable[[int, int, str], None]


_LATER = frozenset({"genre"})


def content_hash(article: Article) -> str:
    """Changes when the text or any metadata changes, so either triggers a re-ingest. A field added since
    the first release (`genre`) counts only when set: an index built before it is not re-ingested whole."""
    fields = {k: v for k, v in asdict(article).items() if k != "source" and (v is not None or k not in _LATER)}
    payload = json.dumps(fields, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def text_hash(article: Article) -> str:
    """The article text alone, whitespace-normalised: the same story saved under two names."""
    return hashlib.sha256(" ".join(article.text.split()).encode("utf-8")).hexdigest()


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b


def embedding_dimension(embeddings: Embeddings) -> int:
    dimension = getattr(embeddings, "dimension", None) or getattr(embeddings, "size", None)
    return int(dimension) if dimension else len(embeddings.embed_query("dimension probe"))


@dataclass
class _Pending:
    article: Article
    digests: Digests
    chunks: list[Chunk]
    known: dict[str, list[float]]  # chunk text -> vector, from the article's indexed version


class Ingestor:
    """Owns turning files into stored chunks: reading, de-duplicating, chunking, embedding in batches
    (reusing vectors of unchanged text) and writing through the `ArticleStore`."""

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
        # Text hash -> id of each article taken in this run: a twin whose first copy is still
        # waiting in a batch is not in the store yet.
        self._taken: dict[str, str] = {}
        # Article id -> the file that took it in this run (its article may still wait in a batch).
        self._claimed: dict[str, str] = {}

    @property
    def dimension(self) -> int:
        if self._dimension is None:
            self._dimension = embedding_dimension(self.embeddings)
        return self._dimension

    def _vectors(self, texts: list[str], known: dict[str, list[float]], report: IngestReport) -> list[list[float]]:
        """Vectors for `texts`: each distinct text not already `known` goes to the model once."""
        todo = list(dict.fromkeys(t for t in texts if t not in known))
        fresh = dict(zip(todo, self.embeddings.embed_documents(todo) if todo else [], strict=True))
        report.chunks_reused += len(texts) - len(todo)
        return [fresh[t] if t in fresh else known[t] for t in texts]

    def _slices(
        self, chunks: Sequence[Chunk], known: dict[str, list[float]], report: IngestReport
    ) -> Iterator[tuple[Sequence[Chunk], list[list[float]]]]:
        for i in range(0, len(chunks), self.batch_size):
            batch = chunks[i : i + self.batch_size]
            yield batch, self._vectors([c.text for c in batch], known, report)

    def _flush(self, pending: list[_Pending], report: IngestReport) -> None:
        """Embed every pending chunk in one call, then write the batch with a few store calls."""
        if not pending:
            return
        known = {t: v for p in pending for t, v in p.known.items()}
        vectors = self._vectors([c.text for p in pending for c in p.chunks], known, report)
        writes: list[ArticleWrite] = []
        offset = 0
        for p in pending:
            writes.append(ArticleWrite(p.article, p.digests, p.chunks, vectors[offset : offset + len(p.chunks)]))
            offset += len(p.chunks)
        self.store.replace_articles(writes, self.dimension)
        for p in pending:
            report.chunks_written += len(p.chunks)
            report.ingested.append(p.article.id)
        pending.clear()

    def _own_id(self, article: Article) -> Article:
        """The article under an id no other file holds. Ids come from the path without extension, so
        "good.txt" and "good.md" in one folder, or a "good.txt" in each of two folders ingested apart,
        would share one: the second replaced the first, or the batch failed (explore9 H1). Another file
        keeps the id; this one gets a suffix from its own path, the same on every run. A file that
        moved (its old path is gone) keeps its id, so moving a folder updates its articles."""
        holder = self._claimed.get(article.id)
        if holder is None:
            known = self.store.article_info(article.id)
            holder = known.source if known is not None and Path(known.source).exists() else None
        if holder is not None and not _same_file(holder, article.source):
            digest = hashlib.sha256(str(Path(article.source).resolve()).encode("utf-8")).hexdigest()[:8]
            article = dataclasses.replace(article, id=f"{article.id}~{digest}")
        self._claimed.setdefault(article.id, article.source)
        return article

    def _tidy(self, feeds: dict[Path, set[str]], folders: list[Path], report: IngestReport, prune: bool) -> None:
        """What the files no longer hold. A record gone from a JSON file read now is removed, as an
        edited file's old text is (explore10 M1). An article whose file is gone from a folder ingested
        now is reported in `report.gone`, or removed with `prune`: the file may be away for a moment."""
        if not feeds and not folders:
            return
        # An article this run has just read is there, however its recorded path reads from here
        # (an index written before sources were absolute: explore12 H1).
        seen = set(report.ingested) | set(report.unchanged)
        for info in self.store.list_articles():
            if info.id in seen:
                continue
            try:
                source = Path(info.source).resolve()
            except (OSError, ValueError):
                continue
            held = feeds.get(source)
            stale = held is not None and info.id not in held
            gone = held is None and not source.exists() and any(source.is_relative_to(f) for f in folders)
            if stale or (gone and prune):
                self.store.remove_article(info.id)
                report.removed.append(info.id)
            elif gone:
                report.gone.append(info.id)

    def _file_gone(self, article_id: str) -> bool:
        """Whether the indexed article's file no longer exists (not a record of this run's files)."""
        info = self.store.article_info(article_id)
        return info is not None and article_id not in self._taken.values() and not Path(info.source).exists()

    def _add(self, article: Article, pending: list[_Pending], report: IngestReport) -> str:
        """Queue the article for writing unless unchanged or a duplicate; returns the id it is kept under."""
        article = self._own_id(article)
        digests = Digests(content_hash(article), text_hash(article))
        known = self.store.article_info(article.id)
        if known is not None and known.content_hash == digests.content:
            if known.source != article.source and not Path(known.source).exists():
                # A moved folder: its articles' files are here now. Left at the old path, the article
                # looked orphaned and the next file of its name took its id (explore13 H2).
                self.store.move_article(article.id, article.source)
            report.unchanged.append(article.id)
            return article.id
        twins = [i for i in self.store.article_ids_with_text(digests.text) if i != article.id]
        if not twins and self._taken.get(digests.text, article.id) != article.id:
            twins = [self._taken[digests.text]]
        if twins and all(self._file_gone(t) for t in twins):
            # A renamed file: its text is the article whose file is gone. Keep it under the new name, at
            # once, rather than skip it as a duplicate that `--prune` then removes (explore11 H6).
            for twin in twins:
                self.store.remove_article(twin)
                report.removed.append(twin)
            twins = []
        if twins:
            if known is not None:
                # The file now holds another article's text: its own old text is stale (explore11 M3).
                self.store.remove_article(article.id)
                report.removed.append(article.id)
            report.duplicates.append((article.id, twins[0]))
            return article.id
        self._taken[digests.text] = article.id
        chunks = self.chunker.split(article)
        # An edited (or re-titled) article keeps the vectors of the chunks whose text is unchanged.
        vectors = self.store.chunk_vectors(article.id) if known is not None else {}
        if len(chunks) > self.batch_size:  # a long article streams through on its own
            slices = self._slices(chunks, vectors, report)
            report.chunks_written += self.store.replace_article(article, digests, slices, self.dimension)
            report.ingested.append(article.id)
            return article.id
        pending.append(_Pending(article, digests, chunks, vectors))
        if sum(len(p.chunks) for p in pending) >= self.batch_size:
            self._flush(pending, report)
        return article.id

    def ingest(
        self, paths: Sequence[str | Path], on_progress: ProgressFn | None = None, prune: bool = False
    ) -> IngestReport:
        started = time.perf_counter()
        report = IngestReport()
        self._taken, self._claimed = {}, {}
        self.store.check(allow_missing=True)  # a model mismatch fails before any work
        repair(self.store)  # chunks an interrupted ingest left without their article
        roots = [Path(p) for p in paths]
        found = _once([(item, root) for root in roots for item in discover([root])])
        pending: list[_Pending] = []
        feeds: dict[Path, set[str]] = {}  # a JSON file read whole -> the article ids it holds now
        for done, (item, root) in enumerate(found):
            if isinstance(item, tuple):
                report.failed.append((str(item[0]), item[1]))
                continue
            if on_progress:
                on_progress(done, len(found), item.name)
            base = root if root.is_dir() else root.parent
            ids: set[str] | None = set()
            try:
                for article in read_file(item, base, self.limits):
                    if isinstance(article, RecordError):
                        report.failed.append((article.source, article.reason))
                        ids = None  # a record that could not be read may be one still indexed: keep them all
                    else:
                        added = self._add(article, pending, report)
                        if ids is not None:
                            ids.add(added)
            except IngestError as e:
                report.failed.append((str(item), str(e)))
                ids = None
            if ids is not None and item.suffix.lower() in (".json", ".jsonl"):
                feeds[item.resolve()] = ids
        self._flush(pending, report)
        self._tidy(feeds, [r.resolve() for r in roots if r.is_dir()], report, prune)
        if on_progress:
            on_progress(len(found), len(found), "")
        report.seconds = time.perf_counter() - started
        return report


def _once(found: list[tuple[Path | tuple[Path, str], Path]]) -> list[tuple[Path | tuple[Path, str], Path]]:
    """Each file read once, however often it was reached: a path named twice ("rag ingest a a"),
    or a link to a file of the same folder, had sent one article to the store twice in one batch,
    which failed the whole run (explore12 H2)."""
    seen: set[Path] = set()
    out = []
    for item, root in found:
        if isinstance(item, Path):
            key = item.resolve()
            if key in seen:
                continue
            seen.add(key)
        out.append((item, root))
    return out
