"""Aggregate variant runs, compare each with the baseline (the first), and apply the suite's gate."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from rag.evals import metrics as m
from rag.evals.runner import VariantRun
from rag.evals.suite import Thresholds


def aggregate(run: VariantRun) -> dict[str, dict[str, float]]:
    """Per metric: mean over the cases where it applies, and that case count."""
    out: dict[str, dict[str, float]] = {}
    names = list(dict.fromkeys(n for r in run.results for n in r.metrics))
    for name in names:
        values = [v for r in run.results if (v := r.metrics.get(name)) is not None]
        if values:
            out[name] = {"mean": sum(values) / len(values), "n": len(values)}
    # The share of cases that could not be run, like every other row a mean over cases (a gate can
    # hold it at 0: `max: {errors: 0}`).
    errors = sum(r.error is not None for r in run.results)
    out["errors"] = {"mean": errors / len(run.results) if run.results else 0.0, "n": len(run.results)}
    return out


@dataclass
class Delta:
    metric: str
    baseline: float
    variant: float
    delta: float  # mean of paired per-case differences (variant - baseline)
    ci_low: float
    ci_high: float
    n: int


@dataclass
class Comparison:
    variant: str
    deltas: list[Delta]
    pass_to_fail: list[str]
    fail_to_pass: list[str]


def compare(baseline: VariantRun, other: VariantRun, samples: int = 2000, seed: int = 0) -> Comparison:
    base = {r.case_id: r for r in baseline.results}
    mine = {r.case_id: r for r in other.results}
    names = list(dict.fromkeys(n for r in [*baseline.results, *other.results] for n in r.metrics))
    deltas = []
    for name in names:
        pairs = [
            (b, v)
            for cid, r in mine.items()
            if cid in base and (v := r.metrics.get(name)) is not None and (b := base[cid].metrics.get(name)) is not None
        ]
        if not pairs:
            continue
        diffs = [v - b for b, v in pairs]
        low, high = m.bootstrap_ci(diffs, samples=samples, seed=seed)
        deltas.append(
            Delta(
                metric=name,
                baseline=sum(b for b, _ in pairs) / len(pairs),
                variant=sum(v for _, v in pairs) / len(pairs),
                delta=sum(diffs) / len(diffs),
                ci_low=low,
                ci_high=high,
                n=len(pairs),
            )
        )
    down, up = m.flips({c: r.passed for c, r in base.items()}, {c: r.passed for c, r in mine.items()})
    return Comparison(other.variant.name, deltas, down, up)


@dataclass
class Check:
    variant: str
    metric: str
    rule: str  # "min", "max", "max_regression"
    limit: float
    value: float
    ok: bool

    @property
    def message(self) -> str:
        if self.rule == "max_regression":
            return f"{self.metric} changed by {self.value:+.3f} vs the baseline (allowed worsening {self.limit:.3f})"
        word = "at least" if self.rule == "min" else "at most"
        if math.isnan(self.value):
            return f"{self.metric} not measured (no case produced it); limit {word} {self.limit:.3f}"
        return f"{self.metric} = {self.value:.3f}, must be {word} {self.limit:.3f}"


@dataclass
class GateResult:
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]


def gate(
    thresholds: Thresholds,
    aggregates: dict[str, dict[str, dict[str, float]]],
    comparisons: list[Comparison],
) -> GateResult:
    """Every variant against the absolute limits; every non-baseline variant against the baseline.

    A metric no case produced (a --limit run without unanswerable cases, say) is reported as
    not measured and does not fail the gate; every answer abstaining still fails it through
    `answer_answerable`."""
    result = GateResult()
    for variant, agg in aggregates.items():
        for rule, limits in (("min", thresholds.min), ("max", thresholds.max)):
            for metric, limit in limits.items():
                value = agg.get(metric, {}).get("mean", math.nan)
                ok = math.isnan(value) or (value >= limit if rule == "min" else value <= limit)
                result.checks.append(Check(variant, metric, rule, limit, value, ok))
    for comp in comparisons:
        by_name = {d.metric: d for d in comp.deltas}
        for metric, allowed in thresholds.max_regression.items():
            d = by_name.get(metric)
            if d is None:
                continue
            info = m.METRICS.get(metric)
            worse = -d.delta if (info is None or info.higher_is_better) else d.delta
            result.checks.append(Check(comp.variant, metric, "max_regression", allowed, d.delta, worse <= allowed))
    return result


def summary(runs: list[VariantRun], samples: int = 2000, seed: int = 0) -> dict[str, Any]:
    aggregates = {r.variant.name: aggregate(r) for r in runs}
    comparisons = [compare(runs[0], r, samples, seed) for r in runs[1:]]
    return {"aggregates": aggregates, "comparisons": comparisons}
