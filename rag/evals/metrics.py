"""Metric functions, pure and model-free: retrieval ranks, ALCE citation scores, facts, token F1,
bootstrap confidence intervals. Support decisions come in as a callable so the same code runs
with the offline support checker, an LLM judge or a test's hand-written table."""

from __future__ import annotations

import re
import string
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

# supports(claim, passage indexes) -> do those passages, read together, support the claim?
SupportFn = Callable[[str, tuple[int, ...]], bool]


@dataclass(frozen=True)
class MetricInfo:
    name: str
    higher_is_better: bool
    description: str
    unit: bool = True  # a share in [0, 1] (charted together); False for counts and seconds


METRICS: dict[str, MetricInfo] = {
    m.name: m
    for m in [
        MetricInfo("pass", True, "case passed: abstained when it should, else answered with every required fact"),
        MetricInfo("hit@1", True, "a gold article/passage is the top retrieved passage"),
        MetricInfo("hit@k", True, "a gold article/passage is in the top k"),
        MetricInfo("recall@k", True, "share of gold articles/passages in the top k"),
        MetricInfo("mrr", True, "reciprocal rank of the first gold passage (top 10)"),
        MetricInfo("faithfulness", True, "share of displayed sentences supported by their cited passages"),
        MetricInfo("citation_recall", True, "ALCE: share of sentences whose citations jointly support them"),
        MetricInfo("citation_precision", True, "ALCE: share of citations that are needed"),
        MetricInfo("raw_faithfulness", True, "faithfulness of the model's own output, before the guard"),
        MetricInfo("raw_citation_recall", True, "citation recall before the guard"),
        MetricInfo("raw_citation_precision", True, "citation precision before the guard"),
        MetricInfo("facts", True, "share of required facts present in the answer"),
        MetricInfo("token_f1", True, "token F1 against the reference answer"),
        MetricInfo(
            "answer_accuracy", True, "answered, with every required fact (RealTimeQA: the correct choice's text)"
        ),
        MetricInfo(
            "closest_sentence_accuracy",
            True,
            "baseline: the one sentence of the top passages closest to the question holds every required fact",
        ),
        MetricInfo(
            "answer_relevance", True, "share of displayed sentences that answer the question (selector's model)"
        ),
        MetricInfo("quoted_share", False, "share of displayed sentences quoted verbatim from the articles"),
        MetricInfo("abstain_unanswerable", True, "abstained on a case that expects an abstention"),
        MetricInfo("answer_answerable", True, "answered a case that has an answer"),
        MetricInfo("injection_followed", False, "the displayed answer contains a forbidden string (injection)"),
        MetricInfo("raw_injection_followed", False, "the model's raw output contains a forbidden string"),
        MetricInfo("judge_faithfulness", True, "LLM judge: share of answer claims the passages support"),
        MetricInfo("judge_correctness", True, "LLM judge: F1 of answer claims vs reference claims"),
        MetricInfo("answer_tokens", False, "answer length in tokens", unit=False),
        MetricInfo("latency_s", False, "seconds per answer (cached model time replayed)", unit=False),
        MetricInfo("errors", False, "share of cases that could not be run (each also fails `pass`)"),
    ]
}


# -- retrieval ---------------------------------------------------------------------------


def relevance(ranked: Sequence[set[str]], gold: Sequence[str]) -> list[set[str]]:
    """For each ranked passage, which gold items it matches (ids it is tagged with)."""
    wanted = set(gold)
    return [tags & wanted for tags in ranked]


def hit_at_k(matches: Sequence[set[str]], k: int) -> float:
    return float(any(matches[:k]))


def recall_at_k(matches: Sequence[set[str]], gold: Sequence[str], k: int) -> float:
    if not gold:
        return 0.0
    found = set().union(*matches[:k]) if matches[:k] else set()
    return len(found & set(gold)) / len(set(gold))


def mrr(matches: Sequence[set[str]], cutoff: int = 10) -> float:
    for rank, m in enumerate(matches[:cutoff], 1):
        if m:
            return 1.0 / rank
    return 0.0


# -- citations (ALCE) ------------------------------------------------------------------------


def alce_citations(sentences: Sequence[tuple[str, tuple[int, ...]]], supports: SupportFn) -> tuple[float, float]:
    """(citation recall, citation precision) of one answer, as ALCE (Gao et al., 2023) defines them.

    Recall: a sentence counts when it has citations and they jointly support it.
    Precision: a citation counts when its sentence is jointly supported and the citation is not
    irrelevant; a citation is irrelevant when it alone does not support the sentence and the
    other citations still do without it. Answers without sentences are not scored (callers
    skip them); a sentence without citations scores 0 recall and adds no citations."""
    if not sentences:
        raise ValueError("no sentences to score")
    supported = 0
    correct = 0
    total = 0
    for claim, cited in sentences:
        cited = tuple(dict.fromkeys(cited))
        total += len(cited)
        joint = bool(cited) and supports(claim, cited)
        supported += joint
        if not joint:
            continue
        if len(cited) == 1:
            correct += 1
            continue
        for c in cited:
            if supports(claim, (c,)):
                correct += 1
            elif not supports(claim, tuple(x for x in cited if x != c)):
                correct += 1  # the others do not cover the sentence without it: it is needed
    recall = supported / len(sentences)
    precision = correct / total if total else 0.0
    return recall, precision


def faithfulness(sentences: Sequence[tuple[str, tuple[int, ...]]], supports: SupportFn) -> float:
    """Share of sentences supported by their cited passages (an uncited sentence is unsupported)."""
    if not sentences:
        raise ValueError("no sentences to score")
    return sum(bool(c) and supports(s, tuple(dict.fromkeys(c))) for s, c in sentences) / len(sentences)


# -- correctness ---------------------------------------------------------------------------

_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = str.maketrans("", "", string.punctuation + "“”‘’–—")


def normalise(text: str) -> str:
    """SQuAD-style: lower case, no punctuation, no articles, single spaces."""
    return " ".join(_ARTICLES.sub(" ", text.lower().translate(_PUNCT)).split())


def token_f1(prediction: str, reference: str) -> float:
    pred, ref = normalise(prediction).split(), normalise(reference).split()
    if not pred or not ref:
        return float(pred == ref)
    common = sum((Counter(pred) & Counter(ref)).values())
    if common == 0:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)


# A possessive ending: "Cuba's power grid collapsed" names Cuba (RealTimeQA 20241025_28 counted it wrong).
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b", re.IGNORECASE)


def contains(text: str, needle: str) -> bool:
    """`needle` appears in `text` as whole words, ignoring case, punctuation, articles and possessive endings."""
    n = normalise(needle)
    return bool(n) and any(f" {n} " in f" {normalise(t)} " for t in (text, _POSSESSIVE.sub("", text)))


def facts_present(text: str, groups: Sequence[Sequence[str]]) -> float:
    """Share of fact groups with at least one acceptable string in the text."""
    if not groups:
        raise ValueError("no facts to check")
    return sum(any(contains(text, s) for s in group) for group in groups) / len(groups)


def said_forbidden(text: str, forbidden: Sequence[str]) -> bool:
    """A forbidden string, matched case-insensitively as written (markers like `[7]` included)."""
    low = " ".join(text.lower().split())
    return any(" ".join(f.lower().split()) in low for f in forbidden)


# -- comparison ----------------------------------------------------------------------------


def bootstrap_ci(
    deltas: Sequence[float], samples: int = 2000, seed: int = 0, level: float = 0.95
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of paired per-case deltas; deterministic for a seed."""
    values = np.asarray(deltas, dtype=float)
    if values.size == 0:
        return (float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    means = values[rng.integers(0, values.size, size=(samples, values.size))].mean(axis=1)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)


def flips(baseline: dict[str, bool], variant: dict[str, bool]) -> tuple[list[str], list[str]]:
    """(pass→fail, fail→pass) case ids among the cases both runs have."""
    both = [c for c in baseline if c in variant]
    return (
        [c for c in both if baseline[c] and not variant[c]],
        [c for c in both if not baseline[c] and variant[c]],
    )
