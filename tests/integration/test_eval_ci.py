"""The CI eval suite with the real models: packaged all-MiniLM-L6-v2 and the bundled SmolLM2-135M.

Eight cases (two abstain without an LLM call), about a minute on two cores; the suite's own
thresholds gate it, exactly as `rag eval evals/suites/ci.yaml` would."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.evals.compare import gate, summary
from rag.evals.runner import SuiteRunner, Variant
from rag.evals.suite import load_suite
from tests.conftest import PROJECT

pytestmark = pytest.mark.integration


def test_ci_suite_meets_its_thresholds_with_the_real_models(tmp_path: Path):
    suite = load_suite(PROJECT / "evals/suites/ci.yaml")
    runner = SuiteRunner(suite, suite.cases, [suite.corpus], cache_dir=tmp_path / "cache", progress=False)  # type: ignore[list-item]
    try:
        run = runner.run(Variant("shipped", {}))  # the shipped defaults: evidence first, compose.v1
    finally:
        runner.close()
    assert all(r.error is None for r in run.results), [r.error for r in run.results]
    s = summary([run])
    result = gate(suite.thresholds, s["aggregates"], s["comparisons"])
    assert result.ok, [c.message for c in result.failures]
    assert run.info["cache"]["misses"] > 0  # the real model answered (nothing replayed)
    answered = [r for r in run.results if not r.abstained]
    assert all(r.metrics.get("answer_relevance") is not None for r in answered)
