"""Hybrid retrieval: BM25 and dense candidates fused, news hints applied, duplicates collapsed,
optionally re-ranked by a cross-encoder and diversified by MMR.

Every passage returned keeps its cosine similarity to the question as `score` (the answer
chain's abstain threshold is a cosine), whichever arm found it: chunks only BM25 found are
fetched with their vectors and scored against the question vector. The fused score only
decides the order.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Collection, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings
from pydantic import PrivateAttr

from rag.evidence.candidates import evidence_spans
from rag.evidence.entities import gives_dates
from rag.evidence.features import covered, names_found
from rag.evidence.question import asked_days, content_stems, matches
from rag.evidence.speaker import quotes
from rag.retrieval import fusion
from rag.retrieval.adapter import QueryAdapter
from rag.retrieval.base import NAMING, Named, PassageRetriever
from rag.retrieval.filters import Filters
from rag.retrieval.news_query import QueryHints, asks_commentary, parse_query
from rag.retrieval.rerank import Reranker
from rag.settings import RetrievalSettings, StoreSettings
from rag.store.chroma import ArticleStore, Neighbour
from rag.store.keyword import KeywordIndex
from rag.types import Passage


# The keyword arm runs beside the question's embedding: ONNX Runtime, bm25s's numpy and Chroma's
# Rust core all release the GIL, so on two cores the BM25 search and the fetch of its candidates
# cost no wall time next to the encoder. One pool for the process; its threads only ever run
# `_keyword_candidates`, which reads and never writes.
def _keyword_pool() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=4, thread_name_prefix="rag-keyword")


_KEYWORD_ARM = _keyword_pool()


def _replace_keyword_pool() -> None:
    # A forked child inherits the pool's bookkeeping but not its threads: work sent to it would wait forever.
    global _KEYWORD_ARM
    _KEYWORD_ARM = _keyword_pool()


os.register_at_fork(after_in_child=_replace_keyword_pool)


@dataclasses.dataclass(frozen=True)
class KeywordHits:
    """The BM25 arm's candidates: score per chunk id, and those chunks' vectors read from the store."""

    scores: dict[str, float]
    vectors: dict[str, np.ndarray]


def keyword_folder(store: StoreSettings, retrieval: RetrievalSettings) -> Path:
    """Where the BM25 index lives: beside the embedded store, or in a per-server local cache
    (a Chroma server has no place for our files; each app host keeps and syncs its own)."""
    if retrieval.keyword_dir:
        return retrieval.keyword_dir
    if store.host:
        safe = "".join(ch if ch.isalnum() or ch in "-." else "_" for ch in f"{store.host}_{store.port}")
        return Path.home() / ".cache" / "rag" / "keyword" / f"{safe}_{store.collection}"
    return store.path / "keyword" / store.collection


def _holds(terms: list[str], stems: set[str], spare: int) -> bool:
    """`stems` hold every one of `terms` but at most `spare`."""
    return covered(terms, stems) if not spare else sum(matches(t, stems) for t in terms) >= len(terms) - spare


def sentence_holding(terms: list[str], passage: Passage, spare: int = 0) -> bool:
    """Whether one sentence of `passage` holds every one of `terms` (a query's `content_stems`, read once
    per query, not once per passage) but `spare`."""
    return any(_holds(terms, set(content_stems(passage.text[a:b])), spare) for a, b in evidence_spans(passage.text))


def fuse(dense: Mapping[str, float], keyword: Mapping[str, float], config: RetrievalSettings) -> dict[str, float]:
    """One score per candidate from the two arms' scores (each best first)."""
    if config.mode == "dense" or not keyword:
        return dict(dense)
    if config.mode == "bm25" or not dense:
        return dict(keyword)
    if config.fusion == "rrf":
        rankings = [sorted(arm, key=lambda c, arm=arm: -arm[c]) for arm in (dense, keyword)]  # type: ignore[misc]
        return fusion.reciprocal_rank_fusion(rankings, config.rrf_k)
    w = config.dense_weight
    return fusion.weighted_fusion([dense, keyword], [w, 1.0 - w], config.normalization)


class HybridRetriever(PassageRetriever):
    """Owns one search: the question vector, both arms' candidates, fusion, boosts, duplicate
    collapsing, re-ranking and MMR; and keeps the BM25 index in step with the store. Reads its
    knobs from the `retrieval` settings section (`config`)."""

    store: ArticleStore
    embeddings: Embeddings
    keyword: KeywordIndex
    config: RetrievalSettings
    reranker: Reranker | None = None
    adapter: QueryAdapter | None = None  # maps the question vector for the dense search only
    reference_date: date | None = None  # for relative dates; None means today
    _opened: bool = PrivateAttr(default=False)
    _counted_at: float = PrivateAttr(default=float("-inf"))  # time.monotonic() of the last chunk count
    _outlets: tuple[str, ...] | None = PrivateAttr(default=None)

    # -- the keyword index -------------------------------------------------------------------

    def sync_keyword_index(self) -> bool:
        """Apply ingests and removals to the BM25 index (a no-op when it is current)."""
        if not self._opened:
            self.keyword.load()
            self._opened = True
        self._outlets = None
        self._counted_at = time.monotonic()  # sync counts the chunks
        return self.keyword.sync(self.store)

    def _ensure_keyword_index(self) -> None:
        # Another process saved a newer index: a file read, checked every query. A writer that
        # did not update the index (another app host on a Chroma server, a crash) shows only in
        # the chunk count, ~10 ms at 100k chunks, so that is checked at most once a
        # `keyword_recount_s`; meanwhile the dense arm already sees the new chunks and keyword
        # hits Chroma no longer has are dropped.
        if not self._opened or self.keyword.is_stale():
            self.sync_keyword_index()
            return
        now = time.monotonic()
        if now - self._counted_at < self.config.keyword_recount_s:
            return
        self._counted_at = now
        if len(self.keyword) != self.store.chunk_count():
            self.sync_keyword_index()

    def known_outlets(self) -> tuple[str, ...]:
        if self._outlets is None:
            if self.config.mode != "dense" and self._opened:
                self._outlets = tuple(sorted({o for o in self.keyword.rows.outlets if o}))
            else:
                self._outlets = tuple(sorted({a.outlet for a in self.store.list_articles() if a.outlet}))
        return self._outlets

    # -- searching ---------------------------------------------------------------------------

    def hints(self, query: str) -> QueryHints:
        if self.config.news_aware and self.config.mode != "dense":
            self._ensure_keyword_index()  # the outlets named in a question come from it
        return self._parse(query)

    def _parse(self, query: str) -> QueryHints:
        if not self.config.news_aware:
            return QueryHints(text=query)
        return parse_query(query, self.reference_date, self.known_outlets())

    def search(self, query: str, k: int | None = None, filters: Filters | None = None) -> list[Passage]:
        k = k or self.config.k
        filters = filters or self.filters
        if self.config.mode != "dense":
            # Once per search, not per step (hints, date narrowing and fallback share it).
            self._ensure_keyword_index()
        hints = self._parse(query)
        if hints.explicit_date and not (filters.date_from or filters.date_to):
            narrowed = dataclasses.replace(filters, date_from=hints.date_from, date_to=hints.date_to)
            found = self._search(query, hints, k, narrowed)
            if found:
                return found
            # The parse may be wrong, or nothing is dated that day: fall back to boosting.
        return self._search(query, hints, k, filters)

    def _search(self, query: str, hints: QueryHints, k: int, filters: Filters) -> list[Passage]:
        c = self.config
        n = max(c.candidates, k, c.rerank_candidates if self.reranker else 0)
        mask = self._mask(filters) if c.mode != "dense" else None
        arm: Future[KeywordHits] | None = None
        if c.mode != "dense":
            arm = _KEYWORD_ARM.submit(self._keyword_candidates, hints.text, n, mask)
        vector = np.asarray(self.embeddings.embed_query(hints.text), dtype=np.float32)
        # Candidates are ids and vectors until the order is known: only the passages shown (or
        # re-ranked, or boosted by their date or outlet) are read with their text and metadata.
        vectors: dict[str, Any] = {}
        dense: dict[str, float] = {}
        passages: dict[str, Passage] = {}  # read so far
        if c.mode != "bm25":
            search = self.adapter.apply(vector) if self.adapter is not None else vector
            for found in self._dense_candidates(search, n, filters, mask, passages):
                vectors[found.chunk_id], dense[found.chunk_id] = found.vector, found.score
        keyword: dict[str, float] = {}
        if arm is not None:
            hits = arm.result()
            for cid, v in hits.vectors.items():
                vectors.setdefault(cid, v)
            keyword = {cid: s for cid, s in hits.scores.items() if cid in vectors}  # index briefly behind Chroma
        if not vectors:
            return []
        scores = fuse(dense, keyword, c) if c.mode != "bm25" else keyword
        if hints.date_from or hints.outlets:
            self._read(passages, list(scores))
            self._boost(scores, passages, hints, query)
        order = sorted(scores, key=lambda cid: -scores[cid])
        if c.duplicate_threshold <= 1.0:

            def distinct(kept: str, item: str) -> bool:
                read = self._read(passages, [kept, item])
                return (
                    kept in read and item in read and fusion.figures(read[kept].text) != fusion.figures(read[item].text)
                )

            order = fusion.collapse_duplicates(order, vectors, c.duplicate_threshold, distinct)
        if self.reranker is not None:
            top = order[: c.rerank_candidates]
            head = [cid for cid in top if cid in self._read(passages, top)]
            rerank = self.reranker.score(query, [passages[cid].text for cid in head])
            by_rerank = dict(zip(head, rerank, strict=True))
            order = sorted(head, key=lambda cid: -by_rerank[cid]) + order[c.rerank_candidates :]
            scores = {cid: by_rerank.get(cid, min(rerank, default=0.0)) for cid in order}
        if c.mmr:
            order = fusion.mmr(order[:n], vectors, scores, k, c.mmr_lambda)
        shown = self._shown(order, passages, k, hints)
        return [
            dataclasses.replace(passages[cid], score=round(float(np.dot(vector, vectors[cid])), 4)) for cid in shown
        ]

    def _shown(self, order: list[str], passages: dict[str, Passage], k: int, hints: QueryHints) -> list[str]:
        """The first `k` of `order` still in the store (gone since: skipped), with at most `commentary_share` of
        them from opinion pieces while reports are left among the next candidates. A question asking what a column
        or a named outlet says ("according to the Moscow Times piece") reads them as ranked."""
        first = [cid for cid in order[:k] if cid in self._read(passages, order[:k])]
        limit = max(1, int(self.config.commentary_share * k))
        capped = [cid for cid in first if passages[cid].commentary and passages[cid].outlet not in hints.outlets]
        if len(capped) <= limit or asks_commentary(hints.text):
            return first
        # Only then are the next candidates read: most searches find no more columns than their share.
        head = [cid for cid in order[: 3 * k] if cid in self._read(passages, order[: 3 * k])]
        columns = [cid for cid in head if passages[cid].commentary and passages[cid].outlet not in hints.outlets]
        kept = [cid for cid in head if cid not in columns[limit:]][:k]
        rank = {cid: i for i, cid in enumerate(head)}
        return sorted(kept + columns[limit:][: k - len(kept)], key=rank.__getitem__)

    def naming(
        self, query: str, names: Sequence[str], filters: Filters | None = None, exclude: Collection[str] = ()
    ) -> Named:
        """The best BM25 passages for `names` that name at least one of them (all of them first, at
        most `NAMING` passages), scored like `search`'s, and which names any indexed passage
        mentions. The evidence of the first `k` passages can lack a name the index holds ("What did
        Zelensky tell Le Monde?" ranked its passage fifth): a second look, and no false "the
        articles don't mention ...". Dense-only retrieval has no keyword index: nothing is found."""
        if self.config.mode == "dense" or not names:
            return Named()
        self._ensure_keyword_index()
        mask = self._mask(filters or self.filters)
        # All names together first (passages naming several), then each name alone, so that a
        # name is looked up even when the others outweigh it.
        queries = [" ".join(names), *names] if len(names) > 1 else list(names)
        hits = list(dict.fromkeys(cid for q in queries for cid, _ in self.keyword.search(q, 4 * NAMING, mask)))
        passages = self._read({}, hits)
        # A passage names a name as the selector's missing names are judged: its text, title or outlet.
        named = {  # in BM25 order, which breaks ties below
            cid: names_found(names, f"{passages[cid].text} {passages[cid].title} {passages[cid].outlet or ''}")
            for cid in hits
            if cid in passages
        }
        mentioned = frozenset().union(*named.values()) if named else frozenset()
        if mask is not None:
            # Which names the index mentions is asked of all of it: an article the filters leave out
            # still mentions its names ("don't mention Kaja Kallas" was said of an undated article).
            mentioned = mentioned | self._mentioned(names, queries)
        naming = [cid for cid in named if named[cid] and cid not in exclude]
        if not naming:
            return Named([], mentioned)
        score = self._cosines(query, naming)
        # Most names first; among those naming as many, the one holding most of the question's other key
        # words, then the best match to the whole question: BM25 of "Marisela Quintanilla" alone put the
        # two articles naming her most often before the one saying what she asked for (explore13 M6).
        terms = content_stems(query)
        holds = {cid: sum(matches(t, set(content_stems(passages[cid].text))) for t in terms) for cid in score}
        chosen = sorted(score, key=lambda cid: (-len(named[cid]), -holds[cid], -score[cid]))[:NAMING]
        return Named([dataclasses.replace(passages[cid], score=score[cid]) for cid in chosen], mentioned)

    def holding(self, query: str, filters: Filters | None = None, spare: int = 0, limit: int = NAMING) -> list[Passage]:
        """The best BM25 passages (at most `limit`) with a sentence holding every key word of `query`
        (at least two) but `spare` of them (at least two held), scored like `search`'s. "Were any fans
        arrested?" matched no chunk as a whole (cosine 0.17 to a match report that also gives the score
        and the scorers), so nothing was read although one sentence says "Three fans were arrested after
        the match" (explore13 M6). The evidence selector then decides whether what was found answers."""
        terms = content_stems(query)
        if self.config.mode == "dense" or len(terms) < 2:
            return []
        # Two key words are both held: "Who is running Vardair now?" is held by "… appointed Konstantin Durnev …
        # as permanent chief executive of state carrier Vardair, ending ten days in which the airline was run by an
        # acting chief", the newest report, which no search for the question ranks among the passages read (blind
        # explore27c q13).
        spare = min(spare, len(terms) - 2)
        self._ensure_keyword_index()
        hits = [cid for cid, _ in self.keyword.search(query, 4 * limit, self._mask(filters or self.filters))]
        passages = self._read({}, hits)
        # In one sentence: "Were any players arrested?" is not held by "Three fans were arrested. ... his
        # players had been magnificent."
        holding = [cid for cid in hits if cid in passages and sentence_holding(terms, passages[cid], spare)][:limit]
        score = self._cosines(query, holding) if holding else {}
        return [dataclasses.replace(passages[cid], score=score[cid]) for cid in holding if cid in score]

    def quoting(self, quoted: str, query: str, filters: Filters | None = None, limit: int = NAMING) -> list[Passage]:
        """The best BM25 passages for `quoted` (at most `limit`) that hold its words in order, scored like `search`'s.
        "Who said 'I trust the people who are climbing the poles …'?" matched the passage quoting it at 0.18, under
        the relevance floor, as a question of a dozen words matches a long passage (blind explore25 q24)."""
        if self.config.mode == "dense":
            return []
        self._ensure_keyword_index()
        hits = [cid for cid, _ in self.keyword.search(quoted, 4 * limit, self._mask(filters or self.filters))]
        passages = self._read({}, hits)
        holding = [cid for cid in hits if cid in passages and quotes(quoted, passages[cid].text)][:limit]
        score = self._cosines(query, holding) if holding else {}
        return [dataclasses.replace(passages[cid], score=score[cid]) for cid in holding if cid in score]

    def reporting(self, text: str, query: str, filters: Filters | None = None, limit: int = NAMING) -> list[Passage]:
        """The `limit` passages a search for `text` ranks best, each scored by its cosine to `query`, as `search`
        would score it: a passage found by what another report says is no better a match for the question. Dates and
        outlets in `text` neither narrow nor boost the search: they are the older report's, not what is looked for."""
        if self.config.mode != "dense":
            self._ensure_keyword_index()
        found = self._search(text, QueryHints(text=text), limit, filters or self.filters)
        score = self._cosines(query, [p.chunk_id for p in found]) if found else {}
        return [dataclasses.replace(p, score=score[p.chunk_id]) for p in found if p.chunk_id in score]

    def going_on(self, passage: Passage, query: str) -> list[Passage]:
        """The chunks of `passage`'s article that start inside it and end after it, scored by their cosine to `query`
        (chunks overlap)."""
        after = [
            p
            for p in self.store.passages_by_id(self.store.chunk_ids(passage.article_id)).values()
            if passage.start < p.start < passage.end < p.end
        ]
        score = self._cosines(query, [p.chunk_id for p in after]) if after else {}
        return [dataclasses.replace(p, score=score[p.chunk_id]) for p in after if p.chunk_id in score]

    def _cosines(self, query: str, chunk_ids: list[str]) -> dict[str, float]:
        """The question's cosine to each of `chunk_ids` still in the store: the score `search` gives, for
        the passages a second look reads."""
        vector = np.asarray(self.embeddings.embed_query(query), dtype=np.float32)
        vectors = self.store.vectors_by_id(chunk_ids)
        return {cid: round(float(np.dot(vector, vectors[cid])), 4) for cid in chunk_ids if cid in vectors}

    def _mentioned(self, names: Sequence[str], queries: list[str]) -> frozenset[str]:
        """The names of `names` that some passage of the whole index names."""
        hits = list(dict.fromkeys(cid for q in queries for cid, _ in self.keyword.search(q, 4 * NAMING, None)))
        found = self._read({}, hits)
        return frozenset().union(*(names_found(names, f"{p.text} {p.title} {p.outlet or ''}") for p in found.values()))

    def _read(self, passages: dict[str, Passage], ids: list[str]) -> dict[str, Passage]:
        """`passages` with those of `ids` it lacks read from the store."""
        passages.update(self.store.passages_by_id([cid for cid in ids if cid not in passages]))
        return passages

    def _keyword_candidates(self, text: str, n: int, mask: np.ndarray | None) -> KeywordHits:
        """The n best BM25 chunks with their stored vectors. All n are read, not only those the dense
        arm misses: that is not known yet, and one read of n ids costs about as much."""
        scores = dict(self.keyword.search(text, n, mask))
        return KeywordHits(scores, self.store.vectors_by_id(list(scores)))

    def _mask(self, filters: Filters) -> np.ndarray | None:
        """The keyword index's rows that pass the filters; None when there are no filters."""
        if not filters.active:
            return None
        return self.keyword.mask(filters.outlets, *filters.date_keys)

    def _dense_candidates(
        self, vector: np.ndarray, n: int, filters: Filters, mask: np.ndarray | None, passages: dict[str, Passage]
    ) -> list[Neighbour]:
        """The n nearest chunks that pass the filters (those read to check them are kept in `passages`).

        Chroma's metadata filter costs 100-500 ms a query at 100k chunks; restricting the query to
        the ids the keyword index says pass costs 35-80 ms and gives the same neighbours. The
        filters are re-checked on what comes back (its metadata read for that), since the keyword
        index may be a moment behind Chroma (it then misses the newest chunks, never admits a
        wrong one).
        """
        if mask is None:
            return self.store.nearest(vector.tolist(), n, filters.to_where())
        found = self.store.nearest(vector.tolist(), n, ids=self.keyword.matching_ids(mask))
        self._read(passages, [f.chunk_id for f in found])
        return [f for f in found if f.chunk_id in passages and filters.admits(passages[f.chunk_id])]

    def _boost(self, scores: dict[str, float], passages: Mapping[str, Passage], hints: QueryHints, query: str) -> None:
        """Raise passages from the question's dates and outlets by a share of the score spread, and those telling
        of the calendar day the question names."""
        c = self.config
        if not scores or not (hints.date_from or hints.outlets):
            return
        spread = (max(scores.values()) - min(scores.values())) or 1.0
        low = hints.date_from.isoformat() if hints.date_from else None
        high = hints.date_to.isoformat() if hints.date_to else None
        # "Where were the talks on 27 February held?" asks of a day the articles tell of, whenever they were
        # published: "during talks in Riyadh on 27 February" came sixth, under four passages about other talks.
        named_day = bool(asked_days(query))
        for cid in scores:
            p = passages[cid]
            published_then = bool(low and high and p.published and low <= p.published[:10] <= high)
            if published_then or (named_day and gives_dates(query, p.text, p.published)):
                scores[cid] += c.date_boost * spread
            if hints.outlets and p.outlet in hints.outlets:
                scores[cid] += c.outlet_boost * spread
