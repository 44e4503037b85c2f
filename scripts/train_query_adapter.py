"""Train the query-side adapter (a 384 x 384 matrix applied to question vectors; passages untouched).

    PYTHONPATH=. python scripts/train_query_adapter.py /work/shared/datasets [--bbc]
        [--out rag/retrieval/query_adapter.v1.npy]

Data (only from the datasets folder): RealTimeQA questions with evidence, deduplicated by
question_id, passages HTML-stripped as in benchmarks/retrieval_quality.py. Split by question date
with the cut of scripts/train_selector.py: distinct dates sorted, cutoff = days[len(days) // 2];
questions dated before it train, the rest are held out and only reported. Within the training
half, the last fifth of its dates is a validation split that picks the regularization and the
number of steps; the adapter is then refitted on the whole training half. With `--bbc`, BBC
title -> body pairs join the training pairs (bodies cut to their first 1,500 characters; the
model reads 256 word pieces anyway).

Loss: softmax cross-entropy of each question over the training passages (in-corpus negatives),
temperature 0.05, full-batch Adam (lr 1e-4), plus lambda * ||W - I||^2 so the matrix stays near the
identity it starts from.
Held-out figures here are exact search over whole passages (no chunking): a quick check; the
figures to quote come from benchmarks/retrieval_quality.py --query-adapter.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from retrieval_quality import held_out_split, load, metrics
from selector_data import CachedEmbeddings

from rag.ingest.embed import SentenceTransformerEmbeddings
from rag.runtime import go_offline

VERSION = "query_adapter.v1"
TEMPERATURE = 0.05
LEARNING_RATE = 1e-4  # Adam; at 1e-3 ten steps already move W as far as the validation split tolerates


def ranks(queries: np.ndarray, passages: np.ndarray, gold: list[int]) -> list[int | None]:
    order = np.argsort(-(queries @ passages.T), axis=1)[:, :10]
    return [int(np.where(row == g)[0][0]) + 1 if g in row else None for row, g in zip(order, gold, strict=True)]


def apply(w: np.ndarray, q: np.ndarray) -> np.ndarray:
    m = q @ w
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def fit(
    q: np.ndarray, gold: np.ndarray, p: np.ndarray, lam: float, steps: int, check: object = None
) -> tuple[np.ndarray, list[tuple[int, float]]]:
    """Full-batch Adam from the identity; `check(w)` (if given) is called every 10 steps and logged."""
    torch.manual_seed(0)
    d = q.shape[1]
    w = torch.nn.Parameter(torch.eye(d))
    qt, pt, gt = torch.from_numpy(q), torch.from_numpy(p), torch.from_numpy(gold)
    optimizer = torch.optim.Adam([w], lr=LEARNING_RATE)
    log: list[tuple[int, float]] = []
    for step in range(1, steps + 1):
        mapped = torch.nn.functional.normalize(qt @ w, dim=1)
        loss = torch.nn.functional.cross_entropy(mapped @ pt.T / TEMPERATURE, gt)
        loss = loss + lam * ((w - torch.eye(d)) ** 2).sum()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if check is not None and step % 10 == 0:
            log.append((step, check(w.detach().numpy())))  # type: ignore[operator]
    return w.detach().numpy().astype(np.float32), log


def bbc_pairs(folder: Path) -> tuple[list[str], list[str]]:
    titles, bodies = [], []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                if r.get("title") and r.get("body"):
                    titles.append(str(r["title"]).strip())
                    bodies.append(" ".join(str(r["body"]).split())[:1500])
    return titles, bodies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("datasets", type=Path, help="folder holding realtimeqa/ (and bbc_news/ for --bbc)")
    parser.add_argument("--bbc", action="store_true", help="add BBC title -> body pairs to training")
    parser.add_argument("--out", type=Path, default=None, help="write the matrix here (.npy) and its note beside")
    parser.add_argument(
        "--cache", type=Path, default=Path.home() / ".cache" / "rag" / "train_query_adapter" / "vectors.npz"
    )
    args = parser.parse_args()
    go_offline()
    realtimeqa = args.datasets / "realtimeqa"
    if not realtimeqa.is_dir():
        raise SystemExit(f"{realtimeqa}: not a folder (give the datasets folder that holds realtimeqa/)")

    passages, rows = load(realtimeqa)
    train, held, cutoff = held_out_split(rows)
    train_days = sorted({r["date"] for r in train})
    val_cut = train_days[int(len(train_days) * 0.8)]
    fit_rows, val_rows = [r for r in train if r["date"] < val_cut], [r for r in train if r["date"] >= val_cut]
    print(
        f"RealTimeQA: {len(rows)} questions; train < {cutoff}: {len(train)} ({len(fit_rows)} fit, "
        f"{len(val_rows)} validation from {val_cut}); held out: {len(held)}"
    )

    embeddings = CachedEmbeddings(SentenceTransformerEmbeddings(), args.cache)
    titles, bodies = bbc_pairs(args.datasets / "bbc_news") if args.bbc else ([], [])
    embeddings.warm(passages + [r["question"] for r in rows] + titles + bodies)
    vec = lambda texts: np.array(embeddings.embed_documents(texts), dtype=np.float32)  # noqa: E731
    p_all = vec(passages)

    def training_set(subset: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Questions (+ BBC titles), gold indices, and the candidate passages: only those of `subset`
        (+ BBC bodies), so no held-out passage is seen in training."""
        own = sorted({r["gold"] for r in subset})
        index = {g: i for i, g in enumerate(own)}
        q = vec([r["question"] for r in subset] + titles)
        gold = [index[r["gold"]] for r in subset] + [len(own) + i for i in range(len(titles))]
        p = np.concatenate([p_all[own], vec(bodies)]) if bodies else p_all[own]
        return q, np.array(gold, dtype=np.int64), p

    def score(w: np.ndarray, subset: list[dict], corpus: list[int] | None = None) -> dict[str, float]:
        """Ranks over the whole corpus, or over `corpus` (passage indices) only."""
        q = apply(w, vec([r["question"] for r in subset]))
        if corpus is None:
            return metrics(ranks(q, p_all, [r["gold"] for r in subset]))
        at = {g: i for i, g in enumerate(corpus)}
        return metrics(ranks(q, p_all[corpus], [at[r["gold"]] for r in subset]))

    identity = np.eye(p_all.shape[1], dtype=np.float32)
    q, gold, p = training_set(fit_rows)
    # Validation ranks over the training half's passages only: nothing held out steers the choice.
    train_corpus = sorted({r["gold"] for r in train})
    best = (score(identity, val_rows, train_corpus)["MRR@10"], 0.0, 0)
    print(f"validation MRR@10 with the identity: {best[0]:.3f}")
    for lam in (0.0, 0.01, 0.1):
        _, log = fit(q, gold, p, lam, 400, check=lambda w: score(w, val_rows, train_corpus)["MRR@10"])
        step, mrr = max(log, key=lambda s: s[1])
        print(f"  lambda {lam}: best validation MRR@10 {mrr:.3f} at step {step}")
        if mrr > best[0]:
            best = (mrr, lam, step)
    _, lam, steps = best
    print(f"chosen: lambda {lam}, {steps} steps")

    w = fit(*training_set(train), lam, steps)[0] if steps else identity
    table = {"identity (plain MiniLM)": score(identity, held), "adapter": score(w, held)}
    print(f"\nheld out ({len(held)} questions dated >= {cutoff}), dense, exact search over whole passages:")
    for name, m in table.items():
        print(f"  {name:<26}" + "  ".join(f"{k} {v:.3f}" for k, v in m.items()))

    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        np.save(args.out, w)
        note = {
            "version": VERSION,
            "trained_on": f"RealTimeQA questions dated < {cutoff} ({len(train)})"
            + (f" + {len(titles)} BBC title->body pairs" if titles else ""),
            "held_out": f"RealTimeQA questions dated >= {cutoff} ({len(held)})",
            "lambda": lam,
            "steps": steps,
            "temperature": TEMPERATURE,
            "held_out_dense_whole_passages": table,
        }
        args.out.with_suffix(".json").write_text(json.dumps(note, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.out} and {args.out.with_suffix('.json').name}")


if __name__ == "__main__":
    main()
