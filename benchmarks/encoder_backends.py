"""The embedding backends side by side, one run: vectors against torch, retrieval, speed.

    PYTHONPATH=. python benchmarks/encoder_backends.py ../shared/datasets/realtimeqa [--backends torch onnx onnx-int8]

For each `embedding.backend` (torch first, the reference), through the product's own
`SentenceTransformerEmbeddings`:
  - cosine to torch's vector, over every distinct RealTimeQA question and evidence passage;
  - dense retrieval (exact search over whole evidence passages, as in retrieval_quality.py but
    without chunking or Chroma, so only the encoder differs) on the held-out later half of the
    question dates (the cut of scripts/train_selector.py): Hits@1, Hits@10, MRR@10; "old" Hits@1
    and Hits@10 are this backend's questions against torch's passage vectors (an index built before
    a switch of backend, not re-ingested);
  - "alone min": the lowest cosine between a passage embedded alone (as a question is) and the same
    passage embedded in a batch of 64 (1.0 when a vector does not depend on its batch-mates);
  - query embedding latency (`embed_query`, one question at a time, p50 and p90);
  - passage throughput (`embed_documents`, batches of 64 of the first 512 passages).
Speed is measured interleaved (each batch and each question goes to every backend in turn), so a
shared machine's drifting load hits all backends alike.
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

QUALITY = ("Hits@1", "Hits@10", "MRR@10", "old Hits@1", "old Hits@10", "cos min", "cos p1", "cos mean", "alone min")


def ranks(queries: np.ndarray, passages: np.ndarray, gold: list[int]) -> list[int | None]:
    order = np.argsort(-(queries @ passages.T), axis=1)[:, :10]
    return [int(np.where(row == g)[0][0]) + 1 if g in row else None for row, g in zip(order, gold, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", type=Path, help="the realtimeqa folder")
    parser.add_argument("--backends", nargs="+", default=["torch", "onnx", "onnx-int8"])
    parser.add_argument("--latency-queries", type=int, default=200)
    parser.add_argument("--speed-passages", type=int, default=512, help="passages timed per backend (interleaved)")
    parser.add_argument("--threads", type=int, default=0, help="torch and ONNX Runtime threads (0: their defaults)")
    parser.add_argument("--skip-quality", action="store_true", help="speed only (the quality rows read 0)")
    parser.add_argument("--onnx-cache", type=Path, default=None, help="default: the setting's (~/.cache/rag/onnx)")
    args = parser.parse_args()
    go_offline()

    passages, rows = load(args.dataset)
    _, held, cutoff = held_out_split(rows)
    questions = sorted({r["question"] for r in rows})
    print(f"{len(passages)} passages, {len(questions)} questions; held out: {len(held)} questions dated >= {cutoff}")

    backends = ["torch", *[b for b in args.backends if b != "torch"]]
    extra: dict = {"onnx_cache": args.onnx_cache} if args.onnx_cache else {}
    if args.threads:
        import torch

        torch.set_num_threads(args.threads)
        extra["onnx_threads"] = args.threads
    encoders, results = {}, {}
    for backend in backends:
        encoders[backend] = SentenceTransformerEmbeddings(EmbeddingSettings(backend=backend, **extra))
        started = time.perf_counter()
        encoders[backend].embed_query("warm up")
        results[backend] = {"load+export s": time.perf_counter() - started}

    # Speed, interleaved: on a shared machine the load drifts; each round times every backend in turn.
    sample = passages[: args.speed_passages]
    spent = dict.fromkeys(backends, 0.0)
    for start in range(0, len(sample), 64):
        for backend in backends:
            started = time.perf_counter()
            encoders[backend].embed_documents(sample[start : start + 64])
            spent[backend] += time.perf_counter() - started
    timings: dict[str, list[float]] = {b: [] for b in backends}
    for n, text in enumerate(questions[: args.latency_queries]):
        for backend in backends[n % len(backends) :] + backends[: n % len(backends)]:
            started = time.perf_counter()
            encoders[backend].embed_query(text)
            timings[backend].append(1000 * (time.perf_counter() - started))
    for backend in backends:
        results[backend]["query p50 ms"] = statistics.median(timings[backend])
        results[backend]["query p90 ms"] = statistics.quantiles(timings[backend], n=10)[-1]
        results[backend]["passages/s"] = len(sample) / spent[backend]
    print("  speed: done", flush=True)
    if args.skip_quality:
        for backend in backends:
            results[backend].update(dict.fromkeys(QUALITY, 0.0))

    reference = None
    for backend in backends if not args.skip_quality else []:
        p = np.asarray(encoders[backend].embed_documents(passages), dtype=np.float32)
        q = np.asarray(encoders[backend].embed_documents(questions), dtype=np.float32)
        qi = {text: i for i, text in enumerate(questions)}
        held_q, gold = q[[qi[r["question"]] for r in held]], [r["gold"] for r in held]
        m = metrics(ranks(held_q, p, gold))
        row = results[backend]
        row.update({k: m[k] for k in ("Hits@1", "Hits@10", "MRR@10")})
        if reference is None:
            reference = (p, q)
        # This backend's questions against an index the reference built: switching backends
        # without re-ingesting.
        old = metrics(ranks(held_q, reference[0], gold))
        row.update({"old Hits@1": old["Hits@1"], "old Hits@10": old["Hits@10"]})
        cos = np.concatenate([(p * reference[0]).sum(1), (q * reference[1]).sum(1)])
        row.update({"cos min": float(cos.min()), "cos p1": float(np.percentile(cos, 1)), "cos mean": float(cos.mean())})
        # A text embedded alone (as a question is) against the same text in a 64-passage batch.
        alone = np.asarray([encoders[backend].embed_query(text) for text in passages[:200]], dtype=np.float32)
        row["alone min"] = float((alone * p[:200]).sum(1).min())
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
