"""Checking and repairing the store: the manifest against the stored chunks.

A crash between an article's chunks and its manifest record can leave orphan chunks (see
rag/store/chroma.py for the write order); `repair` removes them before every ingest, and
`verify` checks everything, for tests and `rag stats --check`.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rag.errors import IndexNotBuiltError
from rag.store.records import IndexCheck, to_article_info
from rag.types import ArticleInfo

if TYPE_CHECKING:
    from rag.store.chroma import ArticleStore


def manifest(store: ArticleStore) -> dict[str, ArticleInfo]:
    return {
        i: to_article_info(i, m)
        for page in store.pages(store.article_collection(), ["metadatas"])
        for i, m in zip(page["ids"], page["metadatas"], strict=True)
    }


def verify(store: ArticleStore, sample: int = 10) -> IndexCheck:
    """Compare the manifest with the stored chunks, and check that a sample of chunks can be
    found by vector search (the HNSW index agrees with the records)."""
    check = IndexCheck()
    articles = manifest(store)
    check.articles = len(articles)
    check.fingerprint = {i: (a.content_hash, a.chunk_count) for i, a in articles.items()}
    try:
        chunks = store.chunk_collection()
    except IndexNotBuiltError:
        check.miscounted = sorted(i for i, a in articles.items() if a.chunk_count)
        return check
    per_article: Counter[str] = Counter()
    positions: Counter[tuple[str, int]] = Counter()
    ids: list[str] = []
    for page in store.pages(chunks, ["metadatas"]):
        for chunk_id, meta in zip(page["ids"], page["metadatas"], strict=True):
            article_id = str(meta.get("article_id"))
            ids.append(chunk_id)
            if article_id not in articles:
                check.orphan_chunks.append(chunk_id)
            per_article[article_id] += 1
            positions[(article_id, int(meta.get("position", -1)))] += 1
    check.chunks = len(ids)
    check.miscounted = sorted(i for i, a in articles.items() if per_article[i] != a.chunk_count)
    check.duplicate_chunks = sorted(f"{a}::{p}" for (a, p), n in positions.items() if n > 1)
    step = max(1, len(ids) // sample) if sample else 0
    for chunk_id in ids[::step][:sample] if step else []:
        vector = store.call(chunks.get, ids=[chunk_id], include=["embeddings"])["embeddings"][0]
        got = store.call(chunks.query, query_embeddings=[list(vector)], n_results=min(5, len(ids)), include=[])
        if chunk_id not in got["ids"][0]:
            check.unsearchable.append(chunk_id)
    return check


def repair(store: ArticleStore) -> int:
    """Delete orphan chunks (left by a crash between an article's chunks and its manifest
    record); returns how many. A count comparison first, so a whole index costs two calls."""
    try:
        chunks = store.chunk_collection()
    except IndexNotBuiltError:
        return 0
    articles = manifest(store)
    if store.call(chunks.count) == sum(a.chunk_count for a in articles.values()):
        return 0
    orphans = [
        cid
        for page in store.pages(chunks, ["metadatas"])
        for cid, meta in zip(page["ids"], page["metadatas"], strict=True)
        if str(meta.get("article_id")) not in articles
    ]
    for i in range(0, len(orphans), 5000):
        store.call(chunks.delete, ids=orphans[i : i + 5000])
    return len(orphans)
