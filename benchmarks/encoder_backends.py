"""The embedding backends side by side, one run: vectors against torch, retrieval, speed.

    PYTHONPATH=. python benchmarks/encoder_backends.py ../shared/datasets/realtimeqa [--backends torch onnx onnx-int8]

For each `embedding.backend` (torch first, the reference), through the product's own
`SentenceTransformerEmbeddings`:
  - cosine to torch's vector, over every distinct RealTimeQA question and evidence passage;
  - dense retrieval (exact search over whole evidence passages, as in retrieval_quality.py but
    without chunking or Chroma, so only the encoder differs) on the held-out later half of the
    question dates (the cut of scripts/train_selector.py): Hits@1, Hits@10, MRR@10;
  - query embedding latency (`embed_query`, one question at a time, p50 and p90);
  - passage throughput (`embed_documents` on all passages, the batch size of the settings).
First use of an onnx backend exports the graph (timed separately, once per cache folder).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from retrieval_quality import held_out_split, load, metrics

from rag.ingest.embed import SentenceTransformerEmbeddings
from rag.runtime import go_offline
from rag.settings import EmbeddingSettings


def ranks(queries: np.ndarray, passages: np.ndarray, gold: list[int]) -> list[int | None]:
    order = np.argsort(-(queries @ passages.T), axis=1)[:, :10]
    return [int(np.where(row == g)[0][0]) + 1 if g in row else None for row, g in zip(order, gold, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", type=Path, help="the realtimeqa folder")
    parser.add_argument("--backends", nargs="+", default=["torch", "onnx", "onnx-int8"])
    parser.add_argument("--latency-queries", type=int, default=200)
    parser.add_argument("--onnx-cache", type=Path, default=None, help="default: the setting's (~/.cache/rag/onnx)")
    args = parser.parse_args()
    go_offline()

    passages, rows = load(args.dataset)
    _, held, cutoff = held_out_split(rows)
    questions = sorted({r["question"] for r in rows})
    print(f"{len(passages)} passages, {len(questions)} questions; held out: {len(held)} questions dated >= {cutoff}")

    results, reference = {}, None
    for backend in ["torch", *[b for b in args.backends if b != "torch"]]:
        extra = {"onnx_cache": args.onnx_cache} if args.onnx_cache else {}
        embeddings = SentenceTransformerEmbeddings(EmbeddingSettings(backend=backend, **extra))
        started = time.perf_counter()
        embeddings.embed_query("warm up")
        load_s = time.perf_counter() - started
        started = time.perf_counter()
        p = np.asarray(embeddings.embed_documents(passages), dtype=np.float32)
        passages_s = len(passages) / (time.perf_counter() - started)
        q = np.asarray(embeddings.embed_documents(questions), dtype=np.float32)
        timings = []
        for text in questions[: args.latency_queries]:
            started = time.perf_counter()
            embeddings.embed_query(text)
            timings.append(1000 * (time.perf_counter() - started))
        qi = {text: i for i, text in enumerate(questions)}
        m = metrics(ranks(q[[qi[r["question"]] for r in held]], p, [r["gold"] for r in held]))
        row = {
            "load+export s": load_s,
            "query p50 ms": statistics.median(timings),
            "query p90 ms": statistics.quantiles(timings, n=10)[-1],
            "passages/s": passages_s,
            **{k: m[k] for k in ("Hits@1", "Hits@10", "MRR@10")},
        }
        if reference is None:
            reference = (p, q)
        cos = np.concatenate([(p * reference[0]).sum(1), (q * reference[1]).sum(1)])
        row.update({"cos min": float(cos.min()), "cos p1": float(np.percentile(cos, 1)), "cos mean": float(cos.mean())})
        results[backend] = row
        print(f"  {backend}: done", flush=True)

    columns = list(next(iter(results.values())))
    print(f"\n{'backend':<11}" + "".join(f"{c:>14}" for c in columns))
    for backend, row in results.items():
        print(f"{backend:<11}" + "".join(f"{row[c]:>14.3f}" for c in columns))
    base = results["torch"]
    for backend, row in results.items():
        if backend == "torch":
            continue
        checks = [f"cos min {row['cos min']:.4f} (fp32 needs >= 0.99)"]
        checks.append(f"Hits@10 {row['Hits@10'] - base['Hits@10']:+.3f} vs torch (int8 needs within 0.010)")
        speed = base["query p50 ms"] / row["query p50 ms"], row["passages/s"] / base["passages/s"]
        print(f"{backend}: " + "; ".join(checks) + f"; query {speed[0]:.2f}x, passages {speed[1]:.2f}x torch")


if __name__ == "__main__":
    main()
