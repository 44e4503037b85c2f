"""Does the query adapter carry over to news it was not trained on? BBC title -> body, one run.

    PYTHONPATH=. python benchmarks/adapter_transfer.py ../shared/datasets/bbc_news [--adapter PATH.npy]

Every BBC article's title searches all 2,225 bodies (dense exact search, the configured encoder);
a hit is the title's own body. Rows: the plain question vector, and the same vector mapped by the
adapter (default: the packaged one, trained on RealTimeQA questions only).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from rag.ingest.embed import SentenceTransformerEmbeddings
from rag.retrieval.adapter import PACKAGED_FILE, QueryAdapter
from rag.runtime import go_offline


def metrics(queries: np.ndarray, bodies: np.ndarray) -> dict[str, float]:
    sims = queries @ bodies.T
    own = np.diag(sims)[:, None]
    rank = (sims > own).sum(axis=1) + 1
    return {
        "Hits@1": float((rank == 1).mean()),
        "Hits@10": float((rank <= 10).mean()),
        "MRR@10": float(np.where(rank <= 10, 1.0 / rank, 0.0).mean()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("bbc", type=Path, help="the bbc_news folder")
    parser.add_argument("--adapter", type=Path, default=PACKAGED_FILE)
    args = parser.parse_args()
    go_offline()
    rows = [json.loads(line) for line in (args.bbc / "bbc_news.jsonl").read_text(encoding="utf-8").splitlines()]
    encoder = SentenceTransformerEmbeddings()
    bodies = np.asarray(encoder.embed_documents([r["body"] for r in rows]), dtype=np.float32)
    titles = np.asarray(encoder.embed_documents([r["title"] for r in rows]), dtype=np.float32)
    adapter = QueryAdapter.load(args.adapter)
    print(f"BBC title -> body, {len(rows)} articles, dense exact search")
    for name, queries in (("plain", titles), (f"adapter {adapter.name}", adapter.apply(titles))):
        print(f"  {name:<32}" + "".join(f"  {k} {v:.3f}" for k, v in metrics(queries, bodies).items()))


if __name__ == "__main__":
    main()
