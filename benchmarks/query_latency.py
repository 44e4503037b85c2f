"""Retrieval latency (p50/p95) at 10k and 100k chunks: embedded Chroma and a Chroma server,
dense and hybrid, with the raw Chroma nearest-neighbour query as the floor, in one run.

    python benchmarks/query_latency.py ../shared/datasets/bbc_news            # 10k and 100k
    python benchmarks/query_latency.py ../shared/datasets/bbc_news --sizes 10000 --no-server

Synthetic scale: chunk texts are runs of 3 consecutive BBC News sentences (the corpus repeats,
numbered, to reach the size), and chunk vectors are random unit vectors (384 dimensions, as
all-MiniLM-L6-v2), so 100k chunks load in a minute instead of an hour of embedding. Query
vectors are random too, so the figures are retrieval only; the real model's `embed_query`
time is measured separately and printed to add on. Queries are other BBC sentences.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import httpx
import numpy as np
from langchain_core.embeddings import Embeddings

from rag.retrieval.filters import Filters
from rag.retrieval.hybrid import HybridRetriever
from rag.settings import RetrievalSettings, StoreSettings
from rag.store.chroma import ArticleStore
from rag.store.injection import clean_mark
from rag.store.keyword import KeywordIndex

DIM = 384
CHUNKS_PER_ARTICLE = 10


class RandomEmbeddings(Embeddings):
    """Random unit vectors (seeded by the text): retrieval cost without the model's cost."""

    name = "random-unit-384"
    dimension = DIM

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self.embed_query(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        v = np.random.default_rng(abs(hash(text)) % 2**32).standard_normal(DIM).astype(np.float32)
        return (v / np.linalg.norm(v)).tolist()


def sentences(bbc: Path) -> list[str]:
    out: list[str] = []
    for line in (bbc / "bbc_news.jsonl").read_text(encoding="utf-8").splitlines():
        body = json.loads(line)["body"]
        out.extend(s.strip() for s in re.split(r"(?<=[.!?])\s+", body) if len(s.split()) >= 5)
    return out


def chunk_texts(pool: list[str], n: int) -> Iterator[str]:
    for i in range(n):
        start = (3 * i) % (len(pool) - 3)
        yield f"{' '.join(pool[start : start + 3])} ({i // (len(pool) // 3)})"


def fill(store: ArticleStore, pool: list[str], n: int, batch: int = 5000) -> float:
    """Write n chunks (and their articles' manifest entries) straight into the collections."""
    started = time.perf_counter()
    chunks = store.chunk_collection(DIM)
    articles = store.article_collection()
    rng = np.random.default_rng(0)
    outlets = ["BBC", "Reuters", "AP", "The Guardian"]
    texts = chunk_texts(pool, n)
    for lo in range(0, n, batch):
        hi = min(n, lo + batch)
        ids, docs, metas = [], [], []
        for i in range(lo, hi):
            a = i // CHUNKS_PER_ARTICLE
            day = f"2025-{1 + a % 12:02d}-{1 + a % 28:02d}"
            ids.append(f"a{a}::{i % CHUNKS_PER_ARTICLE:05d}")
            docs.append(next(texts))
            metas.append(
                {
                    "article_id": f"a{a}",
                    "title": f"Article {a}",
                    "outlet": outlets[a % 4],
                    "published": day,
                    "published_key": int(day.replace("-", "")),
                    "position": i % CHUNKS_PER_ARTICLE,
                    "start": 0,
                    "end": len(docs[-1]),
                    **clean_mark(docs[-1]),  # as ingest writes it (rag.store.records.chunk_meta)
                }
            )
        vectors = rng.standard_normal((hi - lo, DIM)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        chunks.add(ids=ids, embeddings=vectors, documents=docs, metadatas=metas)
        first, last = lo // CHUNKS_PER_ARTICLE, (hi - 1) // CHUNKS_PER_ARTICLE
        a_ids = [f"a{a}" for a in range(first, last + 1)]
        articles.upsert(
            ids=a_ids,
            embeddings=[[0.0]] * len(a_ids),
            documents=["(synthetic)"] * len(a_ids),
            metadatas=[
                {"title": f"Article {a}", "content_hash": "x", "chunk_count": CHUNKS_PER_ARTICLE} for a in a_ids
            ],
        )
    return time.perf_counter() - started


def percentiles(fn: Callable[[str], object], queries: list[str]) -> tuple[float, float]:
    fn(queries[0])  # warm-up (HNSW pages, caches)
    times = []
    for q in queries:
        t = time.perf_counter()
        fn(q)
        times.append(1000 * (time.perf_counter() - t))
    return float(np.percentile(times, 50)), float(np.percentile(times, 95))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(path: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = free_port()
    chroma = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
    proc = subprocess.Popen(
        [chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).status_code == 200:
                return proc, port
        except httpx.HTTPError:
            time.sleep(0.25)
    proc.terminate()
    raise RuntimeError("chroma server did not start within 60 s")


def measure(
    label: str,
    settings: StoreSettings,
    n: int,
    pool: list[str],
    queries: list[str],
    tmp: Path,
    model: Embeddings | None = None,
) -> None:
    store = ArticleStore(settings, RandomEmbeddings.name)
    load_s = fill(store, pool, n)
    embeddings = RandomEmbeddings()
    keyword = KeywordIndex(tmp / f"kw-{label}-{n}")
    retriever = HybridRetriever(store=store, embeddings=embeddings, keyword=keyword, config=RetrievalSettings())
    t = time.perf_counter()
    retriever.sync_keyword_index()
    build_s = time.perf_counter() - t
    t = time.perf_counter()
    KeywordIndex(keyword.folder).load()
    load_kw_s = time.perf_counter() - t
    dense = HybridRetriever(store=store, embeddings=embeddings, keyword=keyword, config=RetrievalSettings(mode="dense"))
    vectors = {q: embeddings.embed_query(q) for q in queries}
    collection = store.chunk_collection()
    outlet, march = Filters(outlets=("Reuters",)), Filters(date_from=date(2025, 3, 1), date_to=date(2025, 3, 31))
    rows = {
        "raw Chroma query (k=4, floor)": lambda q: collection.query(query_embeddings=[vectors[q]], n_results=4),
        "dense retriever (k=4)": lambda q: dense.search(q, k=4),
        "hybrid retriever (k=4, default)": lambda q: retriever.search(q, k=4),
    }
    if model is not None:
        # Question text to passages: the real encoder embeds the question (the chunks' vectors stay
        # random, which costs the search the same).
        real = HybridRetriever(store=store, embeddings=model, keyword=keyword, config=RetrievalSettings())
        rows["hybrid, question text (real embed_query)"] = lambda q: real.search(q, k=4)
    rows |= {
        # Filters (1/4 of the chunks by outlet, 1/12 by month): Chroma's own metadata filter
        # (what the dense-only mode sends) against the hybrid retriever's id restriction.
        "raw Chroma query, outlet where-filter": lambda q: collection.query(
            query_embeddings=[vectors[q]], n_results=4, where=outlet.to_where()
        ),
        "dense retriever, outlet filter": lambda q: dense.search(q, k=4, filters=outlet),
        "hybrid retriever, outlet filter": lambda q: retriever.search(q, k=4, filters=outlet),
        "dense retriever, one-month filter": lambda q: dense.search(q, k=4, filters=march),
        "hybrid retriever, one-month filter": lambda q: retriever.search(q, k=4, filters=march),
    }
    print(
        f"\n{label}, {n:,} chunks (synthetic; loaded in {load_s:.0f} s; BM25 index built from Chroma in "
        f"{build_s:.1f} s, loaded from disk in {load_kw_s:.2f} s)"
    )
    for name, fn in rows.items():
        p50, p95 = percentiles(fn, queries)
        print(f"  {name:<40} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("bbc", type=Path, help="the bbc_news folder")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--no-server", action="store_true", help="embedded store only")
    args = parser.parse_args()

    pool = sentences(args.bbc)
    rng = np.random.default_rng(1)
    queries = [pool[i] for i in rng.choice(len(pool), args.queries, replace=False)]
    model: Embeddings | None = None
    try:
        from rag.ingest.embed import SentenceTransformerEmbeddings
        from rag.runtime import go_offline

        go_offline()
        model = SentenceTransformerEmbeddings()
        model.embed_query("warm up")
        p50, p95 = percentiles(model.embed_query, queries[:30])
        print(f"real all-MiniLM-L6-v2 embed_query (add to the dense/hybrid rows): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    except Exception as e:  # the model is optional for the scale figures
        model = None
        print(f"(real query embedding not measured: {e})")

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for n in args.sizes:
            embedded = StoreSettings(path=tmp / f"embedded-{n}", collection=f"c{n}")
            measure("embedded", embedded, n, pool, queries, tmp, model)
            if not args.no_server:
                proc, port = start_server(tmp / f"server-{n}")
                try:
                    settings = StoreSettings(host="127.0.0.1", port=port, collection=f"c{n}")
                    measure("chroma server", settings, n, pool, queries, tmp, model)
                finally:
                    proc.terminate()
                    proc.wait(timeout=30)


if __name__ == "__main__":
    main()
