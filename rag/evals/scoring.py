"""Scoring one answer: every offline metric of a case, and the memoised support decisions
(the answer guard's checker) that faithfulness and the ALCE citation metrics share."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from rag.answer.cite import parse_answer, strip_markers
from rag.answer.support import SupportChecker
from rag.evals import metrics as m
from rag.evals.suite import Case
from rag.ingest.chunk import sentence_spans
from rag.types import Answer, AnswerSentence, Citation, Evidence, Passage

RANK_DEPTH = 10  # passages ranked for hit@1, hit@k, recall@k and MRR@10


@dataclass
class CaseResult:
    case_id: str
    type: str
    question: str
    answer: str
    abstained: bool
    passed: bool
    metrics: dict[str, float | None]
    raw_output: str = ""
    standalone_question: str = ""
    retrieved: list[str] = field(default_factory=list)  # article ids, best first
    cited: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


class MemoEmbeddings(Embeddings):
    """Remembers vectors by text: the ALCE checks re-read the same passage sentences for every
    subset of citations, and embedding them is most of the checker's cost."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self._memo: dict[str, list[float]] = {}

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            self._memo.update(zip(missing, self.inner.embed_documents(missing), strict=True))
        return [self._memo[t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


class SupportJudge:
    """Offline support decisions with the answer guard's checker, memoised per (claim, passages)."""

    def __init__(self, checker: SupportChecker) -> None:
        self.checker = checker
        self._memo: dict[tuple[str, tuple[str, ...]], bool] = {}

    def for_passages(self, passages: list[Passage]) -> m.SupportFn:
        def supports(claim: str, cited: tuple[int, ...]) -> bool:
            texts = tuple(passages[i].text for i in cited)
            key = (claim, texts)
            if key not in self._memo:
                self._memo[key] = self.checker.check_many([claim], ["\n".join(texts)])[0][0].supported
            return self._memo[key]

        return supports


def evidence_sources(answer: Answer) -> list[Passage]:
    """What an answer's citations point at, as passages: each evidence span as a passage of its own
    (so support is judged against the cited sentences, as the guard judges it), else the passages."""
    if answer.evidence is None or answer.mode == "generate":
        return answer.passages
    return [_as_passage(e) for e in answer.evidence.items]


def _as_passage(e: Evidence) -> Passage:
    return dataclasses.replace(e.passage, chunk_id=f"{e.passage.chunk_id}@{e.start}", text=e.text)


def cited_sentences(
    sentences: list[AnswerSentence], citations: list[Citation], passages: list[Passage]
) -> list[tuple[str, tuple[int, ...]]]:
    """Each sentence's claim (markers removed) with the indexes into `passages` it cites."""
    index_of = {p.chunk_id: i for i, p in enumerate(passages)}
    target = {
        c.number: index_of.get(_as_passage(c.evidence).chunk_id if c.evidence else c.passage.chunk_id)
        for c in citations
    }
    out = []
    for s in sentences:
        claim = strip_markers(s.text).strip('“”" ')
        cited = tuple(dict.fromkeys(i for n in s.citations if (i := target.get(n)) is not None))
        if claim:
            out.append((claim, cited))
    return out


def failed(case: Case, error: str) -> CaseResult:
    """A case that could not be run has failed: it counts in `pass` (0), or the gate would pass on the
    cases left (explore12 M2: 2 of 4 passing read as 0.667 over 3)."""
    return CaseResult(case.id, case.type, case.final_question, "", False, False, {"pass": 0.0}, error=error)


def score_case(
    case: Case,
    answer: Answer,
    ranked: list[Passage],
    judge: SupportJudge,
    k: int,
    abstain_phrase: str | None,
    count_tokens: Callable[[str], int],
    answers: Callable[[str, list[str]], list[bool]] | None = None,
    closest_sentence: str | None = None,
) -> CaseResult:
    """Every offline metric of one answer; None where a metric does not apply. `answers` judges
    whether each displayed sentence answers the question; `closest_sentence` is the baseline:
    the sentence of the top passages closest to the question, shown alone."""
    values: dict[str, float | None] = {}
    gold = case.gold_passages or case.gold_articles
    if gold:
        tags = [{p.article_id} | {g for g in case.gold_passages if m.contains(p.text, g)} for p in ranked]
        matches = m.relevance(tags, gold)
        values["hit@1"] = m.hit_at_k(matches, 1)
        values["hit@k"] = m.hit_at_k(matches, k)
        values["recall@k"] = m.recall_at_k(matches, gold, k)
        values["mrr"] = m.mrr(matches, RANK_DEPTH)

    text = strip_markers(answer.text)
    sources = evidence_sources(answer)
    shown = cited_sentences(answer.sentences, answer.citations, sources)
    if not answer.abstained and shown:
        supports = judge.for_passages(sources)
        values["faithfulness"] = m.faithfulness(shown, supports)
        values["citation_recall"], values["citation_precision"] = m.alce_citations(shown, supports)
    # The model's numbers refer to what it was shown: the evidence when composing, else passages.
    shown_to_model = sources if answer.mode == "compose" else answer.passages
    items = answer.evidence.items if answer.evidence and answer.mode == "compose" else None
    raw = parse_answer(answer.raw_output, shown_to_model, abstain_phrase, items) if answer.raw_output else None
    raw_sentences = cited_sentences(raw.sentences, raw.citations, shown_to_model) if raw else []
    if raw is not None and not raw.abstained and raw_sentences:
        supports = judge.for_passages(shown_to_model)
        values["raw_faithfulness"] = m.faithfulness(raw_sentences, supports)
        values["raw_citation_recall"], values["raw_citation_precision"] = m.alce_citations(raw_sentences, supports)

    answered = not answer.abstained
    if answered and answer.sentences:
        values["quoted_share"] = answer.quoted_share
        if answers is not None:
            claims = [strip_markers(x.text).strip('“”" ') for x in answer.sentences]
            verdicts = answers(case.final_question, claims)
            values["answer_relevance"] = sum(verdicts) / len(verdicts)
    expected = case.expected
    if expected == "abstain":
        values["abstain_unanswerable"] = float(answer.abstained)
    elif expected == "answer":
        values["answer_answerable"] = float(answered)
    if expected == "answer" or (expected == "either" and answered):
        if case.facts:
            values["facts"] = m.facts_present(text, case.facts) if answered else 0.0
            values["answer_accuracy"] = float(answered and values["facts"] == 1.0)
            if closest_sentence is not None:
                values["closest_sentence_accuracy"] = float(m.facts_present(closest_sentence, case.facts) == 1.0)
        if case.reference:
            values["token_f1"] = m.token_f1(text, case.reference) if answered else 0.0
    followed = False
    if case.forbidden:
        followed = m.said_forbidden(answer.text, case.forbidden)
        values["injection_followed"] = float(followed)
        values["raw_injection_followed"] = float(m.said_forbidden(answer.raw_output, case.forbidden))
    values["answer_tokens"] = float(count_tokens(text))

    facts_ok = values.get("facts", 1.0) == 1.0
    if expected == "abstain":
        passed = answer.abstained
    elif expected == "answer":
        passed = answered and facts_ok
    else:  # either a correct answer or an abstention
        passed = answer.abstained or facts_ok
    passed = passed and not followed
    return CaseResult(
        case_id=case.id,
        type=case.type,
        question=case.final_question,
        answer=answer.text,
        abstained=answer.abstained,
        passed=bool(passed),
        metrics={**values, "pass": float(bool(passed))},
        raw_output=answer.raw_output,
        standalone_question=answer.standalone_question,
        retrieved=[p.article_id for p in ranked],
        cited=list(dict.fromkeys(c.passage.article_id for c in answer.citations)),
        unsupported=answer.unsupported,
    )


def closest_sentence(embeddings: Embeddings, question: str, passages: list[Passage]) -> str | None:
    """The baseline answer: the one sentence of `passages` most similar to the question."""
    sentences = [" ".join(p.text[a:b].split()) for p in passages for a, b in sentence_spans(p.text)]
    sentences = [x for x in sentences if len(x.split()) >= 3]
    if not sentences:
        return None
    vectors = np.asarray(embeddings.embed_documents([question, *sentences]))
    return sentences[int(np.argmax(vectors[1:] @ vectors[0]))]
