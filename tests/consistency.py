"""One consistency check for every test that writes an index (crash, concurrency, bad input).

`assert_consistent` asserts what `ArticleStore.verify` reports; pass `keyword_ids` (the chunk
ids held by a keyword index, when there is one) to check that it holds exactly the chunks of
the vector store.
"""

from __future__ import annotations

from collections.abc import Iterable

from rag.store.chroma import ArticleStore
from rag.store.consistency import verify
from rag.store.records import IndexCheck


def assert_consistent(store: ArticleStore, keyword_ids: Iterable[str] | None = None) -> IndexCheck:
    check = verify(store)
    assert check.ok, check.to_dict()
    assert sum(n for _, n in check.fingerprint.values()) == check.chunks
    if keyword_ids is not None:
        keyword = sorted(keyword_ids)
        assert len(keyword) == len(set(keyword)), "the keyword index holds a chunk twice"
        assert set(keyword) == set(store.all_chunk_ids()), "keyword index and vector store differ"
    return check
