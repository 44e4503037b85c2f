"""The keyword (BM25) index over the same chunks as the Chroma collection.

bm25s scores; we keep beside it, per row, the chunk id, article id, outlet and date key (so
metadata filters become a weight mask on the BM25 arm too) and each chunk's token ids (so an
update re-tokenizes only the articles that changed, then re-indexes from ids, which is fast).

Chroma stays the source of truth. `sync` compares the article manifest (id -> content hash)
and the chunk count with what the index was built from and applies the difference, or rebuilds
from Chroma when the index is missing, unreadable or inconsistent: a crash or a write by a
process that did not update the index heals on the next open.

On disk a folder holds generations (`gen-<id>/`) and a `CURRENT` file naming the live one. A
save writes a new generation completely, then replaces `CURRENT` atomically (`os.replace`),
then deletes older generations: a crash at any point leaves either the old or the new index.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import bm25s
import numpy as np
from bm25s.stopwords import STOPWORDS_EN
from filelock import FileLock

from rag.errors import IndexNotBuiltError
from rag.store.chroma import ArticleStore

_WORD = re.compile(r"\w+", re.UNICODE)
_FORMAT = 1  # bump when the on-disk layout changes: old folders are then rebuilt


@lru_cache(maxsize=2)
def _stemmer(language: str) -> Any:
    import Stemmer  # PyStemmer: Snowball stemmers in C

    return Stemmer.Stemmer(language)


class Analyzer:
    """Lower-cased words, English stop words removed, Snowball-stemmed (`stemmer=None`: unstemmed)."""

    def __init__(self, stemmer: str | None = "english") -> None:
        self.stemmer = stemmer
        self.stopwords = frozenset(STOPWORDS_EN)

    def __call__(self, text: str) -> list[str]:
        words = [w for w in _WORD.findall(text.lower()) if w not in self.stopwords]
        return list(_stemmer(self.stemmer).stemWords(words)) if self.stemmer else words


@dataclass
class _Rows:
    """One entry per indexed chunk, aligned with the BM25 matrix's documents."""

    chunk_ids: list[str]
    article_ids: list[str]
    outlets: list[str]
    dates: list[int]  # published as YYYYMMDD, 0 when unknown
    tokens: list[list[int]]


def _empty_rows() -> _Rows:
    return _Rows([], [], [], [], [])


class KeywordIndex:
    """Owns the BM25 index of every chunk (bm25s) with each chunk's outlet and date for filtering; keeps
    itself in step with the `ArticleStore` (the source of truth) and saves atomic generations on disk."""

    def __init__(self, folder: Path, stemmer: str | None = "english", k1: float = 1.2, b: float = 0.75) -> None:
        self.folder = Path(folder)
        self.analyze = Analyzer(stemmer)
        self.k1, self.b = k1, b
        self.rows = _empty_rows()
        self.articles: dict[str, str] = {}  # article id -> content hash it was indexed at
        self.vocab: dict[str, int] = {}
        self.bm25: bm25s.BM25 | None = None
        self.generation: str | None = None
        self._masks: dict[tuple[Any, ...], np.ndarray] = {}
        self._outlets = np.array([], dtype=object)
        self._dates = np.array([], dtype=np.int64)

    def __len__(self) -> int:
        return len(self.rows.chunk_ids)

    # -- building ------------------------------------------------------------------------

    def _token_ids(self, text: str) -> list[int]:
        ids = []
        for token in self.analyze(text):
            if token not in self.vocab:
                self.vocab[token] = len(self.vocab)
            ids.append(self.vocab[token])
        return ids

    def _add(self, chunk_id: str, text: str, meta: dict[str, Any]) -> None:
        self.rows.chunk_ids.append(chunk_id)
        self.rows.article_ids.append(str(meta.get("article_id", "")))
        self.rows.outlets.append(str(meta.get("outlet") or ""))
        self.rows.dates.append(int(meta.get("published_key") or 0))
        self.rows.tokens.append(self._token_ids(text))

    def _keep(self, drop_articles: set[str]) -> None:
        keep = [i for i, a in enumerate(self.rows.article_ids) if a not in drop_articles]
        r = self.rows
        self.rows = _Rows(
            [r.chunk_ids[i] for i in keep],
            [r.article_ids[i] for i in keep],
            [r.outlets[i] for i in keep],
            [r.dates[i] for i in keep],
            [r.tokens[i] for i in keep],
        )

    def _reindex(self) -> None:
        self._outlets = np.array(self.rows.outlets, dtype=object)
        self._dates = np.array(self.rows.dates, dtype=np.int64)
        self._masks.clear()
        if not self.rows.chunk_ids:
            self.bm25 = None
            return
        # bm25s needs at least one token per document and a non-empty vocabulary.
        vocab = dict(self.vocab)
        empty = vocab.setdefault("", len(vocab))
        docs = [t or [empty] for t in self.rows.tokens]
        bm25 = bm25s.BM25(k1=self.k1, b=self.b)
        bm25.index((docs, vocab), show_progress=False)
        self.bm25 = bm25

    def build(self, records: Iterable[tuple[str, str, dict[str, Any]]], articles: dict[str, str]) -> None:
        """Index (chunk id, text, metadata) records from scratch."""
        self.rows, self.vocab = _empty_rows(), {}
        for chunk_id, text, meta in records:
            self._add(chunk_id, text, meta)
        self.articles = dict(articles)
        self._reindex()

    # -- keeping in sync with Chroma -------------------------------------------------------

    def sync(self, store: ArticleStore) -> bool:
        """Bring the index in line with the store; True when anything changed (and was saved)."""
        with FileLock(str(self._lock_path())):
            if self.generation != self._current_generation():
                self.load()
            manifest = {a.id: a.content_hash for a in store.list_articles()}
            total = store.chunk_count()
            if manifest == self.articles and total == len(self):
                return False
            changed = [a for a, h in manifest.items() if self.articles.get(a) != h]
            gone = set(self.articles) - set(manifest)
            if changed or gone:
                self._keep(gone | set(changed))
                for chunk_id, text, meta in store.iter_chunks(changed):
                    self._add(chunk_id, text, meta)
                self.articles = manifest
            if len(self) != total:
                # Chunks the manifest does not explain (a write cut short): index what Chroma
                # has, so both arms see the same chunks.
                self.build(store.iter_chunks(None), manifest)
            else:
                self._reindex()
            self.save()
            return True

    # -- persistence -------------------------------------------------------------------------

    def _lock_path(self) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        return self.folder / ".lock"

    def _current_generation(self) -> str | None:
        try:
            return (self.folder / "CURRENT").read_text().strip() or None
        except OSError:
            return None

    def is_stale(self) -> bool:
        """Another process saved a newer generation since this one was loaded."""
        return self._current_generation() != self.generation

    def save(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        generation = f"gen-{uuid.uuid4().hex[:12]}"
        target = self.folder / generation
        target.mkdir()
        lengths = np.array([len(t) for t in self.rows.tokens], dtype=np.int64)
        flat = np.fromiter((i for t in self.rows.tokens for i in t), dtype=np.int64, count=int(lengths.sum()))
        np.savez(target / "tokens.npz", flat=flat, lengths=lengths)
        meta = {
            "format": _FORMAT,
            "stemmer": self.analyze.stemmer,
            "k1": self.k1,
            "b": self.b,
            "chunk_ids": self.rows.chunk_ids,
            "article_ids": self.rows.article_ids,
            "outlets": self.rows.outlets,
            "dates": self.rows.dates,
            "articles": self.articles,
            "vocab": self.vocab,
        }
        (target / "rows.json").write_text(json.dumps(meta), encoding="utf-8")
        pointer = self.folder / f"CURRENT.{generation}"
        pointer.write_text(generation)
        os.replace(pointer, self.folder / "CURRENT")
        self.generation = generation
        for old in self.folder.iterdir():
            if old.is_dir() and old.name.startswith("gen-") and old.name != generation:
                shutil.rmtree(old, ignore_errors=True)

    def load(self) -> bool:
        """Read the live generation; False (and an empty index) when there is none or it is unusable."""
        generation = self._current_generation()
        self.rows, self.vocab, self.articles, self.generation = _empty_rows(), {}, {}, None
        if generation is None:
            self._reindex()
            return False
        try:
            meta = json.loads((self.folder / generation / "rows.json").read_text(encoding="utf-8"))
            with np.load(self.folder / generation / "tokens.npz") as arrays:
                flat, lengths = arrays["flat"], arrays["lengths"]
            if meta.get("format") != _FORMAT or meta.get("stemmer") != self.analyze.stemmer:
                raise ValueError("index built with other settings")
            if (meta.get("k1"), meta.get("b")) != (self.k1, self.b):
                raise ValueError("index built with other BM25 parameters")
            bounds = np.concatenate([[0], np.cumsum(lengths)])
            tokens = [flat[bounds[i] : bounds[i + 1]].tolist() for i in range(len(lengths))]
            self.rows = _Rows(meta["chunk_ids"], meta["article_ids"], meta["outlets"], meta["dates"], tokens)
            if len({len(self.rows.chunk_ids), len(self.rows.article_ids), len(tokens)}) != 1:
                raise ValueError("rows and tokens disagree")
            self.vocab, self.articles = meta["vocab"], meta["articles"]
        except (OSError, ValueError, KeyError, TypeError):
            self.rows, self.vocab, self.articles = _empty_rows(), {}, {}
            self._reindex()
            return False  # the next sync rebuilds it from Chroma
        self.generation = generation
        self._reindex()
        return True

    # -- searching -----------------------------------------------------------------------

    def mask(self, outlets: Sequence[str] = (), date_from: int | None = None, date_to: int | None = None) -> np.ndarray:
        """1.0 for rows that pass the filters, 0.0 for the rest (bm25s multiplies scores by it)."""
        key = (tuple(outlets), date_from, date_to)
        if key not in self._masks:
            keep = np.ones(len(self), dtype=bool)
            if outlets:
                keep &= np.isin(self._outlets, list(outlets))
            if date_from:
                keep &= self._dates >= date_from
            if date_to:
                keep &= (self._dates <= date_to) & (self._dates > 0)
            if len(self._masks) > 32:
                self._masks.clear()
            self._masks[key] = keep.astype(np.float32)
        return self._masks[key]

    def matching_ids(self, mask: np.ndarray) -> list[str] | None:
        """The chunk ids `mask` keeps; None when it keeps every row (nothing to restrict)."""
        keep = np.flatnonzero(mask)
        if keep.size == len(mask):
            return None
        ids = self.rows.chunk_ids
        return [ids[i] for i in keep]

    def scores(self, query: str, mask: np.ndarray | None = None) -> np.ndarray:
        """BM25 score of every row for `query` (zero where masked out)."""
        if self.bm25 is None:
            raise IndexNotBuiltError(str(self.folder))
        ids = [self.vocab[t] for t in self.analyze(query) if t in self.vocab]
        if not ids:
            return np.zeros(len(self), dtype=np.float32)
        scores = self.bm25.get_scores_from_ids(ids)
        return scores * mask if mask is not None else scores

    def search(self, query: str, k: int, mask: np.ndarray | None = None) -> list[tuple[str, float]]:
        """The `k` best (chunk id, BM25 score) pairs with a positive score, best first."""
        if self.bm25 is None or k <= 0:
            return []
        scores = self.scores(query, mask)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self.rows.chunk_ids[i], float(scores[i])) for i in top if scores[i] > 0]
