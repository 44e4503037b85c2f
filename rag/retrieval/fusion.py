"""Pure ranking arithmetic for hybrid retrieval: score normalization, fusion, MMR, duplicates.

Small numpy functions rather than a library: LangChain's `EnsembleRetriever` does only
weighted reciprocal-rank fusion over documents and cannot keep per-arm scores, which the
weighted fusion, the date/outlet boosts and the cosine relevance threshold all need.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Literal

import numpy as np

Normalization = Literal["minmax", "zscore", "max"]


def normalize(scores: Mapping[str, float], method: Normalization = "minmax") -> dict[str, float]:
    """Scores of one arm mapped to a comparable scale (over the candidates that arm returned)."""
    if not scores:
        return {}
    values = np.array(list(scores.values()), dtype=np.float64)
    if method == "max":
        top = values.max()
        scaled = values / top if top > 0 else np.zeros_like(values)
    elif method == "zscore":
        std = values.std()
        scaled = (values - values.mean()) / std if std > 0 else np.zeros_like(values)
    else:
        low, high = values.min(), values.max()
        scaled = (values - low) / (high - low) if high > low else np.ones_like(values)
    return dict(zip(scores, scaled.tolist(), strict=True))


def weighted_fusion(
    arms: Sequence[Mapping[str, float]], weights: Sequence[float], method: Normalization = "minmax"
) -> dict[str, float]:
    """Sum of each arm's normalized score times its weight; an item an arm did not return gets
    that arm's lowest normalized value (it ranked below everything the arm returned)."""
    fused: dict[str, float] = {}
    normalized = [normalize(a, method) for a in arms]
    floors = [min(n.values()) if n else 0.0 for n in normalized]
    items = {i for n in normalized for i in n}
    for item in items:
        fused[item] = sum(w * n.get(item, floor) for n, w, floor in zip(normalized, weights, floors, strict=True))
    return fused


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[str]], k: int = 60, weights: Sequence[float] | None = None
) -> dict[str, float]:
    """Cormack et al.'s RRF: sum of weight / (k + rank) over the rankings (rank from 1)."""
    weights = weights or [1.0] * len(rankings)
    fused: dict[str, float] = {}
    for ranking, w in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            fused[item] = fused.get(item, 0.0) + w / (k + rank)
    return fused


def collapse_duplicates(
    order: Sequence[str],
    vectors: Mapping[str, Sequence[float]],
    threshold: float,
    distinct: Callable[[str, str], bool] | None = None,
) -> list[str]:
    """`order` without items whose vector is within `threshold` cosine of a better-ranked kept
    item (the same wire story in two outlets, a re-posted article). Vectors are unit length.
    `distinct(kept, item)`, when given, can keep a near twin all the same (an updated figure)."""
    if not order:
        return []
    # One matrix product for all pairs (~100 candidates); stacking per item cost ~10 ms a query.
    matrix = np.stack([np.asarray(vectors[item], dtype=np.float32) for item in order])
    similarity = matrix @ matrix.T
    kept: list[int] = []
    for i in range(len(order)):
        twins = [j for j in kept if float(similarity[i, j]) >= threshold]
        if twins and not (distinct and all(distinct(order[j], order[i]) for j in twins)):
            continue
        kept.append(i)
    return [order[i] for i in kept]


_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


def figures(text: str) -> frozenset[str]:
    """The numbers a text gives ("50", "1,000", "2025"): two near-identical passages that differ in
    them are an update ("rose to 15", "65 billion"), not a copy (explore10 H3)."""
    return frozenset(m.group(0).replace(",", "") for m in _FIGURE.finditer(text))


def mmr(
    candidates: Sequence[str],
    vectors: Mapping[str, Sequence[float]],
    relevance: Mapping[str, float],
    k: int,
    lambda_: float = 0.7,
) -> list[str]:
    """Maximal marginal relevance: pick, one at a time, the candidate with the best
    lambda * relevance - (1 - lambda) * (max similarity to those already picked).

    `relevance` is the fused score, rescaled to [0, 1] here so it weighs like a cosine."""
    if not candidates:
        return []
    rel = normalize({c: relevance[c] for c in candidates}, "minmax")
    matrix = np.stack([np.asarray(vectors[c], dtype=np.float32) for c in candidates])
    similarity = matrix @ matrix.T
    chosen: list[int] = []
    remaining = list(range(len(candidates)))
    while remaining and len(chosen) < k:
        best, best_value = remaining[0], -np.inf
        for i in remaining:
            redundancy = float(similarity[i, chosen].max()) if chosen else 0.0
            value = lambda_ * rel[candidates[i]] - (1 - lambda_) * redundancy
            if value > best_value:
                best, best_value = i, value
        chosen.append(best)
        remaining.remove(best)
    return [candidates[i] for i in chosen]
