"""Retrieval quality on RealTime QA: BM25, dense, plain RRF and the shipped retriever, one run.

    python benchmarks/retrieval_quality.py ../shared/datasets/realtimeqa
    python benchmarks/retrieval_quality.py ../shared/datasets/realtimeqa --tune   # grid on one half
    python benchmarks/retrieval_quality.py ../shared/datasets/realtimeqa --query-adapter ADAPTER.npy

Follows the dataset README: questions deduplicated by question_id, every distinct evidence
passage (HTML stripped) indexed as one document, no dates given to passages. The corpus goes
through the product's own path: `Assistant.ingest` (reader, chunker, embeddings, Chroma, the
BM25 index sync), and every row is a `HybridRetriever` over that same store, differing only in
configuration; a hit is the question's own passage among the first k distinct documents.

Rows: BM25 as in the README's reference (bm25s, English stop words, no stemming); dense alone;
plain reciprocal-rank fusion (k=60) of those two; and the shipped default configuration. With
`--tune`, the fusion weight and normalization are chosen on the questions of the earlier half
of the weeks and all rows are reported on the later half too, to show the choice generalizes.
Every run also reports all rows on the held-out later half of the question dates as
scripts/train_selector.py and scripts/train_query_adapter.py cut them (what they never train on);
`--query-adapter` adds dense and shipped rows with that query-side adapter; `--reranker` adds the shipped
row with that cross-encoder re-ranking its first `retrieval.rerank_candidates` (e.g. one written by
scripts/train_reranker.py --out); each row's ms/question shows what re-ranking costs.
The embedding backend follows the settings (e.g. RAG_EMBEDDING__BACKEND=onnx-int8).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import lxml.html
from langchain_core.embeddings import Embeddings

from rag import Assistant, Settings
from rag.retrieval.adapter import QueryAdapter, switched_off
from rag.retrieval.hybrid import HybridRetriever, fuse
from rag.retrieval.rerank import CrossEncoderReranker, Reranker
from rag.runtime import go_offline
from rag.settings import RetrievalSettings
from rag.store.keyword import KeywordIndex


def strip_html(fragment: str) -> str:
    return " ".join(lxml.html.fromstring(f"<div>{fragment}</div>").text_content().split())


def load(dataset: Path) -> tuple[list[str], list[dict]]:
    """Distinct evidence passages, and the questions that have one (with the passage index)."""
    questions: dict[str, dict] = {}
    for path in sorted(dataset.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                questions.setdefault(record["question_id"], record)
    with_evidence = [q for q in questions.values() if q.get("evidence")]
    passages = sorted({strip_html(q["evidence"]) for q in with_evidence})
    index = {p: i for i, p in enumerate(passages)}
    rows = [
        {
            "question": q["question_sentence"],
            "gold": index[strip_html(q["evidence"])],
            "date": q["question_date"],
            "id": q["question_id"],
            "correct": [q["choices"][int(i)] for i in q["answer"]],
        }
        for q in sorted(with_evidence, key=lambda q: q["question_id"])
    ]
    return passages, rows


class CachedEmbeddings(Embeddings):
    """The real model, with query vectors cached: every row embeds the same questions."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self.cache: dict[str, list[float]] = {}
        for name in ("name", "dimension", "fits"):
            setattr(self, name, getattr(inner, name))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        if text not in self.cache:
            self.cache[text] = self.inner.embed_query(text)
        return self.cache[text]


def held_out_split(rows: list[dict]) -> tuple[list[dict], list[dict], str]:
    """The cut of scripts/train_selector.py: distinct question dates sorted, the middle one starts the
    held-out half. Returns (earlier rows, held-out rows, cutoff date)."""
    days = sorted({r["date"] for r in rows})
    cutoff = days[len(days) // 2]
    return [r for r in rows if r["date"] < cutoff], [r for r in rows if r["date"] >= cutoff], cutoff


def metrics(ranks: Sequence[int | None]) -> dict[str, float]:
    """Hits@1/5/10 and MRR@10 from the 1-based rank of each question's passage (None: not in top 10)."""
    n = len(ranks)
    return {
        "Hits@1": sum(r == 1 for r in ranks) / n,
        "Hits@5": sum(r is not None and r <= 5 for r in ranks) / n,
        "Hits@10": sum(r is not None and r <= 10 for r in ranks) / n,
        "MRR@10": sum(1 / r for r in ranks if r is not None and r <= 10) / n,
    }


def rank_of(gold: int, documents: Sequence[int]) -> int | None:
    seen: list[int] = []
    for d in documents:
        if d not in seen:
            seen.append(d)
        if len(seen) == 10:
            break
    return seen.index(gold) + 1 if gold in seen else None


def print_table(title: str, table: dict[str, dict[str, float]]) -> None:
    print(f"\n{title}")
    print(f"{'retriever':<58}" + "".join(f"{m:>9}" for m in ("Hits@1", "Hits@5", "Hits@10", "MRR@10")))
    for name, row in table.items():
        print(f"{name:<58}" + "".join(f"{row[m]:>9.3f}" for m in ("Hits@1", "Hits@5", "Hits@10", "MRR@10")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path, help="the realtimeqa folder")
    parser.add_argument("--tune", action="store_true", help="grid-search fusion on the earlier half, report both")
    parser.add_argument("--query-adapter", type=Path, default=None, help="add rows with this query-side adapter")
    parser.add_argument("--reranker", default=None, help="add a row with this cross-encoder re-ranking")
    parser.add_argument("--limit", type=int, default=0, help="only the first N questions (a quick look)")
    args = parser.parse_args()
    go_offline()

    passages, rows = load(args.dataset)
    if args.limit:
        rows = rows[: args.limit]
    print(f"{len(rows)} questions with evidence, {len(passages)} distinct passages")

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        (corpus / "passages.jsonl").write_text(
            "\n".join(json.dumps({"id": f"p{i}", "body": p}) for i, p in enumerate(passages)), encoding="utf-8"
        )
        settings = Settings(store={"path": Path(tmp) / "index"}, answer={"guard": False})
        assistant = Assistant(settings)
        embeddings = CachedEmbeddings(assistant.embeddings)
        assistant = Assistant(settings, embeddings=embeddings)
        started = time.perf_counter()
        report = assistant.ingest(corpus)
        print(
            f"ingested through Assistant.ingest: {len(report.ingested)} passages, {report.chunks_written} chunks, "
            f"{time.perf_counter() - started:.1f} s"
        )

        shipped = assistant.retriever
        plain_bm25 = KeywordIndex(Path(tmp) / "bm25-plain", stemmer=None)
        off = {"news_aware": False, "duplicate_threshold": 1.01}

        def variant(
            keyword: KeywordIndex,
            adapter: QueryAdapter | None = None,
            reranker: Reranker | None = None,
            **config: object,
        ) -> HybridRetriever:
            r = HybridRetriever(
                store=assistant.store,
                embeddings=embeddings,
                keyword=keyword,
                config=RetrievalSettings(**config),
                adapter=adapter,
                reranker=reranker,
            )
            r.sync_keyword_index()
            return r

        retrievers: dict[str, HybridRetriever] = {
            "BM25 (bm25s, stop words, no stemming)": variant(plain_bm25, mode="bm25", **off),
            "dense (all-MiniLM-L6-v2, Chroma cosine)": variant(shipped.keyword, mode="dense", **off),
            "plain RRF fusion (k=60) of the two": variant(plain_bm25, mode="hybrid", fusion="rrf", rrf_k=60, **off),
            f"shipped ({describe(shipped.config)})": shipped,
            # The default before the packaged query adapter was switched on (the adapter's baseline).
            "shipped, query adapter off": variant(shipped.keyword, None, **shipped.config.model_dump()),
        }
        if args.reranker:
            reranker = CrossEncoderReranker(args.reranker)
            retrievers[f"shipped + re-ranker {Path(args.reranker).name}"] = variant(
                shipped.keyword, shipped.adapter, reranker, **shipped.config.model_dump()
            )
        if args.query_adapter:
            adapter = QueryAdapter.load(args.query_adapter)
            retrievers[f"dense + adapter {adapter.name}"] = variant(shipped.keyword, adapter, mode="dense", **off)
            shipped_config = shipped.config.model_dump()
            retrievers[f"shipped + adapter {adapter.name}"] = variant(shipped.keyword, adapter, **shipped_config)
        doc = {f"corpus/passages#p{i}": i for i in range(len(passages))}
        doc.update({f"passages#p{i}": i for i in range(len(passages))})

        ranks: dict[str, list[int | None]] = {}
        for name, retriever in retrievers.items():
            started = time.perf_counter()
            ranks[name] = [
                rank_of(r["gold"], [doc[p.article_id] for p in retriever.search(r["question"], k=20)]) for r in rows
            ]
            print(f"  {name}: {1000 * (time.perf_counter() - started) / len(rows):.1f} ms/question")
        print_table("All questions", {name: metrics(r) for name, r in ranks.items()})
        cutoff = held_out_split(rows)[2]
        for label, later in ((f"earlier half (dates < {cutoff})", False), (f"held out (dates >= {cutoff})", True)):
            idx = [i for i, r in enumerate(rows) if (r["date"] >= cutoff) == later]
            table = {name: metrics([r[i] for i in idx]) for name, r in ranks.items()}
            print_table(f"{label}, {len(idx)} questions (the cut of scripts/train_selector.py)", table)

        if args.tune:
            tune(rows, ranks, retrievers, shipped, doc)


def describe(c: RetrievalSettings) -> str:
    if c.mode != "hybrid":
        return c.mode
    how = f"RRF k={c.rrf_k}" if c.fusion == "rrf" else f"{c.normalization}, dense {c.dense_weight:.2f}"
    adapter = "" if switched_off(c.query_adapter) else f", adapter {c.query_adapter}"
    return f"hybrid, {how}" + (", news-aware" if c.news_aware else "") + adapter


def tune(
    rows: list[dict],
    ranks: dict[str, list[int | None]],
    retrievers: dict[str, HybridRetriever],
    shipped: HybridRetriever,
    doc: dict[str, int],
) -> None:
    """Choose normalization and dense weight on the earlier weeks; report the later weeks."""
    cut = statistics.median_low(sorted(r["date"] for r in rows))
    tune_idx = [i for i, r in enumerate(rows) if r["date"] <= cut]
    test_idx = [i for i, r in enumerate(rows) if r["date"] > cut]
    print(f"\nTuning on {len(tune_idx)} questions up to {cut}; held out: {len(test_idx)} later questions")

    # Candidates once per question (what the shipped retriever's two arms return), fused offline.
    c = shipped.config
    candidates = []
    for r in rows:
        hints = shipped.hints(r["question"])
        vector = shipped.embeddings.embed_query(hints.text)
        dense = {f.chunk_id: f.score for f in shipped.store.nearest(vector, c.candidates)}
        keyword = dict(shipped.keyword.search(hints.text, c.candidates))
        candidates.append((dense, keyword))
    chunk_doc = lambda cid: doc[cid.split("::")[0]]  # noqa: E731

    def score(config: RetrievalSettings, idx: list[int]) -> dict[str, float]:
        found: list[int | None] = []
        for i in idx:
            fused = fuse(*candidates[i], config)
            order = sorted(fused, key=lambda cid: -fused[cid])
            found.append(rank_of(rows[i]["gold"], [chunk_doc(cid) for cid in order]))
        return metrics(found)

    grid: list[tuple[float, RetrievalSettings]] = []
    for normalization in ("zscore", "minmax", "max"):
        for weight in (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9):
            config = c.model_copy(update={"normalization": normalization, "dense_weight": weight, "fusion": "weighted"})
            m = score(config, tune_idx)
            grid.append((m["MRR@10"] + m["Hits@1"], config))
    for k in (10, 30, 60):
        config = c.model_copy(update={"fusion": "rrf", "rrf_k": k})
        m = score(config, tune_idx)
        grid.append((m["MRR@10"] + m["Hits@1"], config))
    best = max(grid, key=lambda g: g[0])[1]
    print(f"best on the tuning half: {describe(best)} (shipped default: {describe(c)})")
    for label, idx in (("tuning half", tune_idx), ("held-out half", test_idx)):
        table = {name: metrics([ranks[name][i] for i in idx]) for name in retrievers}
        table[f"tuned on the tuning half ({describe(best)}), fusion only"] = score(best, idx)
        print_table(f"{label} ({len(idx)} questions)", table)


if __name__ == "__main__":
    main()
