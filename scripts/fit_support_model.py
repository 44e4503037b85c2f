"""Fit the support checker's logistic model and write rag/answer/support_model.json.

    python scripts/make_perturbations.py /work/shared/datasets --out /tmp/perturbations.jsonl
    python scripts/fit_support_model.py --perturbations /tmp/perturbations.jsonl

Training data (held-out data never enters it):
- the `train` split of the synthetic pairs (split by source article in make_perturbations.py);
- evals/support/model_claims.jsonl, the labelled SmolLM2 sentences (all of them: the
  benchmark's question-split figures refit without the held-out questions);
- evals/support_pairs.jsonl, the 216 hand-written pairs (the benchmark's 5-fold figure refits
  without the held-out fold).
Rows whose claim quotes its evidence word for word are left out of the fit and of the threshold:
the checker supports a quote by rule before the model is asked (rag.answer.support.quoted), so
the model only ever scores the others. Kept in, the many long quotes taught it that length means
support.
Real model sentences and hand-written pairs weigh more than synthetic ones (`--real-weight`,
`--pair-weight`): they are the errors the product meets. Each weight's sign is fixed in advance
(SIGNS): what the evidence lacks may only lower the score. The threshold is the lowest score at
and above which "supported" keeps the target precision on the real sentences' out-of-fold scores
(grouped by question), so it is not tuned on what it is scored on.
Feature values are cached under --cache (keyed by claim and evidence), so refits are fast.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.answer.alignment import MODEL_FILE, SupportModel, TokenAlignmentChecker  # noqa: E402
from rag.answer.claim_tokens import FEATURES, FEATURES_VERSION  # noqa: E402
from rag.answer.support import quoted  # noqa: E402

VERSION = "support-model.v2"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def model_claim_rows(path: Path) -> list[dict]:
    """Labelled SmolLM2 sentences as (claim, evidence, label, kind, group) rows."""
    rows = []
    for r in read_jsonl(path):
        if r.get("claim") and r.get("label") in ("supported", "unsupported"):
            rows.append(r | {"group": r["qid"]})
    return rows


def pair_rows(path: Path) -> list[dict]:
    return [r | {"evidence": r["passage"], "group": r["id"]} for r in read_jsonl(path)]


def scored_by_model(rows: Sequence[dict]) -> list[dict]:
    """The rows the model decides: a claim quoting its evidence is supported by rule instead."""
    return [r for r in rows if not quoted(r["claim"], r["evidence"])]


def _key(claim: str, evidence: str) -> str:
    return hashlib.sha1(f"{claim}\x00{evidence}".encode()).hexdigest()


class FeatureCache:
    """Feature vectors by (claim, evidence), kept in one JSON file between runs."""

    def __init__(self, path: Path, checker: TokenAlignmentChecker) -> None:
        self.path = path
        self.checker = checker
        data = json.loads(path.read_text()) if path.exists() else {}
        # Values computed with another feature list are stale.
        stamp = [FEATURES_VERSION, *FEATURES]
        self.data: dict[str, list[float]] = data if data.get("_features") == stamp else {}
        self.data["_features"] = stamp  # type: ignore[assignment]
        # Sentence vectors are kept too, so a change to the features does not re-run the model.
        self.vectors_path = path.with_suffix(".vectors.npz")
        checker.max_cached = 10**7
        if self.vectors_path.exists():
            stored = np.load(self.vectors_path, allow_pickle=False)
            checker._vectors.update(zip(stored["texts"].tolist(), stored["vectors"], strict=True))

    def matrix(self, rows: Sequence[dict], progress: bool = False) -> np.ndarray:
        todo = [r for r in rows if _key(r["claim"], r["evidence"]) not in self.data]
        for start in range(0, len(todo), 256):
            batch = todo[start : start + 256]
            found = self.checker.features_many([(r["claim"], r["evidence"]) for r in batch])
            for r, (f, _) in zip(batch, found, strict=True):
                self.data[_key(r["claim"], r["evidence"])] = [f[name] for name in FEATURES]
            if progress:
                print(f"  features {start + len(batch)}/{len(todo)} new", file=sys.stderr, flush=True)
                self.save()
        out = [self.data[_key(r["claim"], r["evidence"])] for r in rows]
        self.save()
        return np.array(out, dtype=float).reshape(-1, len(FEATURES))

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(json.dumps(self.data))
        vectors = self.checker._vectors
        if vectors:
            texts = list(vectors)
            np.savez(self.vectors_path, texts=np.array(texts), vectors=np.stack([vectors[t] for t in texts]))


def placeholder_model() -> SupportModel:
    zeros = dict.fromkeys(FEATURES, 0.0)
    return SupportModel("unfitted", 0.0, zeros, 0.5, zeros, dict.fromkeys(FEATURES, 1.0))


# The sign each weight may take: a feature that counts what the evidence lacks may only lower
# the score, one that measures agreement may only raise it. Without this, artefacts of the
# training data leak in (paraphrases in the synthetic set use new words, so an unconstrained
# fit rewarded novel words, which let invented sentences pass).
SIGNS = {
    "sim": 1, "hard_miss": -1, "soft_miss": -1, "names_missing": -1, "names_elsewhere": -1, "numbers_missing": -1,
    "numbers_elsewhere": -1, "roles_missing": -1, "negation": -1, "role_flip": -1, "novel_words": -1, "span": -1,
    "breaks": -1, "bigrams": 1, "sentence_cover": 1, "length": 0, "unmatched": -1, "near_copy": 1,
}  # fmt: skip


def fit(
    x: np.ndarray, y: np.ndarray, weight: np.ndarray, c: float = 1.0, threshold: float = 0.5, signs: dict | None = None
) -> SupportModel:
    """Standardised logistic regression, classes balanced, L2 penalty 1/c, weights sign-constrained (SIGNS)."""
    from scipy.optimize import minimize

    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = (x - mean) / scale
    pos, neg = weight[y].sum(), weight[~y].sum()
    w = weight * np.where(y, (pos + neg) / (2 * pos), (pos + neg) / (2 * neg))
    w = w / w.mean()
    t = y.astype(float)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        logits = z @ theta[1:] + theta[0]
        p = 1.0 / (1.0 + np.exp(-np.clip(logits, -40, 40)))
        # sklearn's objective: c * sum of weighted log-losses + half the squared weights.
        nll = -c * (w * (t * np.log(p + 1e-12) + (1 - t) * np.log(1 - p + 1e-12))).sum()
        grad_logit = c * w * (p - t)
        grad = np.concatenate([[grad_logit.sum()], z.T @ grad_logit + theta[1:]])
        return float(nll + 0.5 * (theta[1:] ** 2).sum()), grad

    signs = SIGNS if signs is None else signs
    bounds = [(None, None)] + [
        (0.0, None) if signs.get(f, 0) > 0 else (None, 0.0) if signs.get(f, 0) < 0 else (None, None) for f in FEATURES
    ]
    theta = minimize(loss, np.zeros(len(FEATURES) + 1), jac=True, method="L-BFGS-B", bounds=bounds).x
    return SupportModel(
        VERSION,
        round(float(theta[0]), 4),
        {f: round(float(v), 4) for f, v in zip(FEATURES, theta[1:], strict=True)},
        threshold,
        {f: round(float(v), 4) for f, v in zip(FEATURES, mean, strict=True)},
        {f: round(float(v), 4) for f, v in zip(FEATURES, scale, strict=True)},
    )


def scores(model: SupportModel, x: np.ndarray) -> np.ndarray:
    return np.array([model.probability(dict(zip(FEATURES, row, strict=True))) for row in x])


def threshold_for(score: np.ndarray, truth: np.ndarray, precision: float = 0.95, min_kept: int = 10) -> float:
    """The lowest threshold at and above which "supported" keeps the target precision: every
    higher cut-off reaches it too (once at least `min_kept` sentences pass), so one lucky point in
    a noisy curve is not chosen."""
    best = 0.99
    for t in sorted({round(float(s), 4) for s in score}, reverse=True):
        chosen = score >= t
        if chosen.sum() >= min_kept and truth[chosen].mean() < precision:
            break
        best = t
    return best


def save(model: SupportModel, path: Path = MODEL_FILE, note: str = "") -> None:
    data = {
        "version": model.version,
        "note": note,
        "features": list(FEATURES),
        "bias": model.bias,
        "weights": model.weights,
        "threshold": model.threshold,
        "mean": model.mean,
        "scale": model.scale,
    }
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def main() -> None:
    from rag.ingest.embed import SentenceTransformerEmbeddings
    from rag.runtime import go_offline

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--perturbations", type=Path, required=True)
    parser.add_argument("--claims", type=Path, default=ROOT / "evals" / "support" / "model_claims.jsonl")
    parser.add_argument("--pairs", type=Path, default=ROOT / "evals" / "support_pairs.jsonl")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/support_features.json"))
    parser.add_argument("--real-weight", type=float, default=3.0, help="weight of a labelled SmolLM2 sentence")
    parser.add_argument("--pair-weight", type=float, default=3.0, help="weight of a hand-written pair")
    parser.add_argument("--precision", type=float, default=0.95)
    parser.add_argument("--c", type=float, default=1.0)
    args = parser.parse_args()
    if not args.perturbations.is_file():
        raise SystemExit(f"error: {args.perturbations} not found; make it with scripts/make_perturbations.py")
    go_offline()
    checker = TokenAlignmentChecker(SentenceTransformerEmbeddings(), model=placeholder_model())
    cache = FeatureCache(args.cache, checker)
    synthetic = scored_by_model([r for r in read_jsonl(args.perturbations) if r["split"] == "train"])
    real = scored_by_model(model_claim_rows(args.claims)) if args.claims.exists() else []
    pairs = scored_by_model(pair_rows(args.pairs))
    sets = [(synthetic, 1.0), (real, args.real_weight), (pairs, args.pair_weight)]
    x = np.vstack([cache.matrix(rows, progress=True) for rows, _ in sets])
    y = np.array([r["label"] == "supported" for rows, _ in sets for r in rows])
    w = np.concatenate([np.full(len(rows), wt) for rows, wt in sets])
    model = fit(x, y, w, args.c)
    threshold = 0.5
    if real:
        # Out-of-fold scores of the real sentences (grouped by question) choose the threshold.
        from sklearn.model_selection import GroupKFold

        xr, yr = cache.matrix(real), np.array([r["label"] == "supported" for r in real])
        groups = [r["group"] for r in real]
        oof = np.zeros(len(real))
        n_syn = len(synthetic)
        for train, test in GroupKFold(5).split(xr, yr, groups):
            xs = np.vstack([x[:n_syn], xr[train], x[n_syn + len(real) :]])
            ys = np.concatenate([y[:n_syn], yr[train], y[n_syn + len(real) :]])
            ws = np.concatenate([w[:n_syn], np.full(len(train), args.real_weight), w[n_syn + len(real) :]])
            oof[test] = scores(fit(xs, ys, ws, args.c), xr[test])
        threshold = threshold_for(oof, yr, args.precision)
    model = SupportModel(model.version, model.bias, model.weights, threshold, model.mean, model.scale)
    note = (
        f"fitted by scripts/fit_support_model.py on {len(synthetic)} synthetic train pairs, {len(real)} labelled "
        f"SmolLM2 sentences (weight {args.real_weight}), {len(pairs)} hand-written pairs (weight {args.pair_weight}), "
        "verbatim quotes of the evidence left out; "
        f"sign-constrained logistic regression, C={args.c}; threshold: "
        f"lowest with out-of-fold supported precision >= {args.precision} on the SmolLM2 sentences"
    )
    save(model, note=note)
    print(json.dumps(model.weights, indent=1), f"\nbias {model.bias} threshold {threshold}\n-> {MODEL_FILE}")


if __name__ == "__main__":
    main()
