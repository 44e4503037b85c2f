"""Accuracy and speed of the support checker on the labelled pairs in evals/support_pairs.jsonl.

    python benchmarks/support_checker.py            # the shipped weights
    python benchmarks/support_checker.py --fit      # also refit the weights; report 5-fold CV

Reports accuracy, balanced accuracy, precision and recall on the unsupported class, accuracy
per kind of pair, and milliseconds per claim; beside it, in the same run, the baseline of
embedding similarity alone (best passage sentence, threshold tuned on the same data, so the
baseline is flattered, not the checker).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from rag.answer.support import FEATURES, WEIGHTS, AlignmentChecker
from rag.ingest.embed import SentenceTransformerEmbeddings
from rag.runtime import go_offline

ROOT = Path(__file__).resolve().parent.parent


def report(name: str, predicted: list[bool], rows: list[dict]) -> None:
    truth = [r["label"] == "supported" for r in rows]
    tp = sum(p and t for p, t in zip(predicted, truth, strict=True))
    tn = sum(not p and not t for p, t in zip(predicted, truth, strict=True))
    pos, neg = sum(truth), len(truth) - sum(truth)
    flagged = sum(not p for p in predicted)
    precision_u = tn / flagged if flagged else 0.0
    recall_u = tn / neg
    balanced = (tp / pos + tn / neg) / 2
    print(
        f"{name}: accuracy {(tp + tn) / len(rows):.3f}, balanced {balanced:.3f}, "
        f"unsupported precision {precision_u:.3f} recall {recall_u:.3f}"
    )
    by_kind: dict[str, list[bool]] = defaultdict(list)
    for p, t, r in zip(predicted, truth, rows, strict=True):
        by_kind[r["kind"]].append(p == t)
    print("   " + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(by_kind.items())))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pairs", type=Path, default=ROOT / "evals" / "support_pairs.jsonl")
    parser.add_argument("--fit", action="store_true", help="refit weights (logistic regression), 5-fold CV")
    args = parser.parse_args()
    go_offline()
    rows = [json.loads(line) for line in args.pairs.read_text(encoding="utf-8").splitlines() if line.strip()]
    checker = AlignmentChecker(SentenceTransformerEmbeddings())
    checker.embeddings.embed_query("warm up")

    started = time.perf_counter()
    verdicts = [checker.check(r["claim"], [r["passage"]]) for r in rows]
    per_claim_ms = (time.perf_counter() - started) / len(rows) * 1000
    print(
        f"{len(rows)} pairs, {sum(r['label'] == 'supported' for r in rows)} supported; "
        f"{per_claim_ms:.1f} ms per claim (one passage)\n"
    )

    sims = np.array([v.features["sim_sentence"] for v in verdicts])
    truth = np.array([r["label"] == "supported" for r in rows])
    best = max(np.unique(sims), key=lambda t: ((sims >= t) == truth).mean())
    report(f"baseline: embedding similarity >= {best:.2f}", list(sims >= best), rows)
    report("shipped checker", [v.supported for v in verdicts], rows)

    if args.fit:
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold, cross_val_predict

        x = np.array([[v.features[f] for f in FEATURES] for v in verdicts])
        folds = StratifiedKFold(5, shuffle=True, random_state=0)

        def balanced(pred: np.ndarray) -> float:
            return float((pred[truth].mean() + (~pred[~truth]).mean()) / 2)

        scores = {}
        for c in (0.3, 1.0, 3.0, 10.0, 30.0, 100.0):
            m = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
            scores[c] = balanced(cross_val_predict(m, x, truth, cv=folds).astype(bool))
        best_c = max(scores, key=lambda c: scores[c])
        print(
            "5-fold CV balanced accuracy by regularisation C: "
            + ", ".join(f"{c:g}: {b:.3f}" for c, b in scores.items())
        )
        model = LogisticRegression(C=best_c, max_iter=5000, class_weight="balanced")
        cv = cross_val_predict(model, x, truth, cv=folds)
        report(f"refit (C={best_c:g}), 5-fold cross-validated", list(cv.astype(bool)), rows)
        model.fit(x, truth)
        weights = {"bias": round(float(model.intercept_[0]), 3)}
        weights |= {f: round(float(w), 3) for f, w in zip(FEATURES, model.coef_[0], strict=True)}
        print(f"\nweights fitted on all pairs (paste into rag/answer/support.py WEIGHTS):\n{weights}")
        print(f"currently shipped: {WEIGHTS}")


if __name__ == "__main__":
    main()
