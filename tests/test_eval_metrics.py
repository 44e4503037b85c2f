"""Eval metric functions against hand-computed expectations."""

from __future__ import annotations

import math

import pytest

from rag.evals import metrics as m
from rag.evals.compare import Comparison, Delta, gate
from rag.evals.suite import Thresholds
from rag.settings.overrides import merge, parse_assignments


def test_retrieval_ranks():
    ranked = [{"a"}, {"b"}, {"c"}, {"a", "d"}]
    matches = m.relevance(ranked, ["c", "d"])
    assert m.hit_at_k(matches, 1) == 0.0
    assert m.hit_at_k(matches, 2) == 0.0
    assert m.hit_at_k(matches, 3) == 1.0
    assert m.recall_at_k(matches, ["c", "d"], 3) == 0.5
    assert m.recall_at_k(matches, ["c", "d"], 4) == 1.0
    assert m.mrr(matches) == pytest.approx(1 / 3)
    assert m.mrr(matches, cutoff=2) == 0.0
    assert m.mrr(m.relevance(ranked, ["zzz"])) == 0.0


def table(supported: set[tuple[str, tuple[int, ...]]]) -> m.SupportFn:
    """A support oracle: exactly the (claim, passages) pairs listed support."""
    return lambda claim, cited: (claim, tuple(sorted(cited))) in supported


def test_alce_recall_and_precision_by_hand():
    supports = table({("s1", (0, 1)), ("s1", (0,)), ("s3", (0, 1)), ("s3", (1, 2)), ("s3", (0, 1, 2))})
    sentences = [
        ("s1", (0, 1)),  # joint yes; 0 alone yes -> relevant; 1 alone no and {0} still supports -> irrelevant
        ("s2", (2,)),  # not supported: its one citation is not precise
        ("s3", (0, 1, 2)),  # joint yes; no single passage supports; dropping 0 ({1,2}) still supports -> 0 irrelevant,
        # dropping 1 ({0,2}) does not -> 1 relevant, dropping 2 ({0,1}) still supports -> 2 irrelevant
        ("s4", ()),  # no citation: recall 0, adds no citations
    ]
    recall, precision = m.alce_citations(sentences, supports)
    assert recall == pytest.approx(2 / 4)
    assert precision == pytest.approx(2 / 6)  # s1:0 and s3:1 are the needed citations of 6


def test_alce_jointly_needed_citations_are_all_precise():
    supports = table({("claim", (0, 1))})
    assert m.alce_citations([("claim", (0, 1))], supports) == (1.0, 1.0)
    assert m.alce_citations([("claim", (0,))], supports) == (0.0, 0.0)
    with pytest.raises(ValueError):
        m.alce_citations([], supports)


def test_faithfulness_counts_uncited_sentences_as_unsupported():
    supports = table({("a", (0,)), ("b", (0, 1))})
    assert m.faithfulness([("a", (0,)), ("b", (0, 1)), ("c", (1,)), ("a", ())], supports) == 0.5


def test_token_f1_and_normalisation():
    assert m.token_f1("Mykolaiv and Kharkiv oblasts", "Mykolaiv and Kharkiv") == pytest.approx(6 / 7)
    assert m.token_f1("The Geneva.", "geneva") == 1.0  # case, punctuation and articles ignored
    assert m.token_f1("Riyadh", "Geneva") == 0.0
    assert m.token_f1("", "") == 1.0


def test_facts_and_forbidden_strings():
    text = "Ukraine relies on partners for 42.3% of its military budget [1]. Putin demanded Kharkiv."
    assert m.facts_present(text, [["42.3"], ["Mykolaiv", "Kharkiv"], ["Donetsk"]]) == pytest.approx(2 / 3)
    assert not m.contains("Kharkivska oblast", "Kharkiv")  # whole words only
    assert m.contains("“Cuba’s power grid collapsed”", "Cuba") and m.contains("Russia's forces", "Russia")
    assert m.contains("the Smiths' house", "Smiths") and not m.contains("Cubans fled", "Cuba")
    assert m.said_forbidden("The farm powers homes [7].", ["[7]"])
    assert m.said_forbidden("ACCESS  granted, here is", ["access granted"])
    assert not m.said_forbidden("The farm powers homes [1].", ["[7]", "90,000"])


def test_bootstrap_ci_is_deterministic_and_brackets_the_mean():
    deltas = [0.0, 1.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0, -1.0, 0.5]
    first = m.bootstrap_ci(deltas, samples=1000, seed=7)
    assert first == m.bootstrap_ci(deltas, samples=1000, seed=7)
    assert first != m.bootstrap_ci(deltas, samples=1000, seed=8)
    mean = sum(deltas) / len(deltas)
    assert first[0] < mean < first[1]
    assert m.bootstrap_ci([0.25] * 5) == (0.25, 0.25)
    assert all(math.isnan(x) for x in m.bootstrap_ci([]))


def test_flips():
    down, up = m.flips({"a": True, "b": False, "c": True, "d": False}, {"a": False, "b": True, "c": True, "e": True})
    assert down == ["a"] and up == ["b"]


def _comparison(metric: str, delta: float) -> Comparison:
    return Comparison("v2", [Delta(metric, 0.8, 0.8 + delta, delta, delta - 0.1, delta + 0.1, 10)], [], [])


def test_gate_thresholds_and_regressions():
    thresholds = Thresholds(
        min={"faithfulness": 0.7, "judge_faithfulness": 0.5},
        max={"injection_followed": 0.0},
        max_regression={"faithfulness": 0.05, "latency_s": 1.0},
    )
    aggregates = {
        "v1": {"faithfulness": {"mean": 0.8, "n": 10}, "injection_followed": {"mean": 0.0, "n": 5}},
        "v2": {"faithfulness": {"mean": 0.65, "n": 10}, "injection_followed": {"mean": 0.2, "n": 5}},
    }
    result = gate(thresholds, aggregates, [_comparison("faithfulness", -0.15), _comparison("latency_s", 2.0)])
    failed = {(c.variant, c.metric, c.rule) for c in result.failures}
    assert failed == {
        ("v2", "faithfulness", "min"),
        ("v2", "injection_followed", "max"),
        ("v2", "faithfulness", "max_regression"),
        ("v2", "latency_s", "max_regression"),  # lower is better: +2 s is a regression
    }
    # judge_faithfulness was never measured: reported, not failed
    skipped = [c for c in result.checks if c.metric == "judge_faithfulness"]
    assert skipped and all(c.ok and "not measured" in c.message for c in skipped)
    ok = gate(thresholds, {"v1": aggregates["v1"]}, [_comparison("faithfulness", +0.2), _comparison("latency_s", -1)])
    assert ok.ok


def test_setting_assignments():
    values = parse_assignments(["llm.model=smollm2", "retrieval.k=6", "answer.guard=false", "llm.base_url="])
    assert values == {"llm": {"model": "smollm2", "base_url": ""}, "retrieval": {"k": 6}, "answer": {"guard": False}}
    assert merge({"llm": {"model": "a", "provider": "local"}}, {"llm": {"model": "b"}}) == {
        "llm": {"model": "b", "provider": "local"}
    }
    from rag.errors import ConfigError

    with pytest.raises(ConfigError, match="KEY=VALUE"):
        parse_assignments(["llm.model"])
