"""The answer guard: a generated sentence is displayed only if what it cites supports it.

For each sentence of a parsed answer:
- citations whose source supports the sentence are kept, the others dropped (precision);
- a sentence its citations do not support, but another source does, is cited to that source
  instead (repaired; an uncited sentence is handled the same way). Composing from evidence,
  repair needs the stricter `repair_threshold`: a loose match must not lend a citation;
- a sentence nothing supports is removed and listed as unsupported, or kept and marked,
  as the settings say;
- composing from evidence, a supported sentence must also answer the question (relevance).
What happens when no sentence survives is the chain's choice (the evidence quoted, or in
"generate" mode the passage sentences closest to the question, `quotes`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from langchain_core.embeddings import Embeddings

from rag.answer.cite import ParsedAnswer, strip_markers
from rag.answer.relevance import RelevanceChecker
from rag.answer.support import SupportChecker, Verdict
from rag.ingest.chunk import sentence_spans
from rag.settings import AnswerSettings
from rag.types import AnswerSentence, Citation, Evidence, Passage

QUOTE_INTRO = "The model's answer could not be checked against the articles. What they say:"


@dataclass(frozen=True)
class GuardResult:
    """The answer as it may be displayed, what was taken out, and the model's own faithfulness."""

    parsed: ParsedAnswer
    unsupported: list[str]  # sentences removed (or, in mark mode, kept and marked)
    faithfulness: float | None  # share of the model's sentences their own citations support
    fallback: Literal["quotes", "abstain"] | None = None

    @property
    def empty(self) -> bool:
        """No sentence of the model's survived (nothing but marked ones)."""
        return not any(s.verdict != "unsupported" for s in self.parsed.sentences)


class AnswerGuard:
    """Owns the decision to show a generated sentence: keeps, re-cites, removes or marks each one
    by what its sources support (the `SupportChecker`) and whether it answers the question (the
    `RelevanceChecker`). Calls only those checkers and the embeddings."""

    def __init__(
        self,
        checker: SupportChecker,
        embeddings: Embeddings,
        settings: AnswerSettings | None = None,
        relevance: RelevanceChecker | None = None,
    ) -> None:
        self.checker = checker
        self.embeddings = embeddings
        self.settings = settings or AnswerSettings()
        self.relevance = relevance

    # -- composing from evidence ------------------------------------------------------------

    def check_composed(self, parsed: ParsedAnswer, question: str, items: Sequence[Evidence]) -> GuardResult:
        """Sentences composed from numbered evidence, checked against the evidence they cite."""
        if parsed.abstained or not parsed.sentences or not items:
            return GuardResult(parsed, [], None)
        index_of = {id(e): i for i, e in enumerate(items)}
        cited = {c.number: index_of[id(c.evidence)] for c in parsed.citations if id(c.evidence) in index_of}
        result = self._check(
            parsed,
            [e.text for e in items],
            cited,
            lambda j, n: Citation(number=n, passage=items[j].passage, evidence=items[j]),
            repair_threshold=self.settings.repair_threshold,
        )
        return self._only_answers(result, question, items)

    def _only_answers(self, result: GuardResult, question: str, items: Sequence[Evidence]) -> GuardResult:
        """Drop supported sentences that do not answer the question."""
        if self.relevance is None or result.empty:
            return result
        by_number = {c.number: c for c in result.parsed.citations}
        shown = [s for s in result.parsed.sentences if s.verdict != "unsupported"]
        refs = [
            by_number[s.citations[0]].evidence.text  # type: ignore[union-attr]
            if s.citations and by_number[s.citations[0]].evidence is not None
            else items[0].text
            for s in shown
        ]
        scores = self.relevance.scores(question, [strip_markers(s.text) for s in shown], refs)
        relevance = {id(s): score for s, score in zip(shown, scores, strict=True)}
        kept, dropped = [], list(result.unsupported)
        for s in result.parsed.sentences:
            score = relevance.get(id(s))
            if score is not None and score < self.relevance.threshold:
                dropped.append(strip_markers(s.text))
                continue
            kept.append(AnswerSentence(s.text, s.citations, s.inferred, s.verdict, s.score, score))
        return self._rebuild(kept, result.parsed.citations, dropped, result.faithfulness)

    # -- free generation over whole passages ("generate" mode) ------------------------------

    def __call__(self, parsed: ParsedAnswer, question: str, passages: list[Passage]) -> GuardResult:
        if parsed.abstained or not parsed.sentences or not passages:
            return GuardResult(parsed, [], None)
        index_of = {p.chunk_id: i for i, p in enumerate(passages)}
        cited = {c.number: index_of[c.passage.chunk_id] for c in parsed.citations}
        result = self._check(
            parsed, [p.text for p in passages], cited, lambda j, n: Citation(number=n, passage=passages[j])
        )
        if not result.empty:
            return result
        return self._fallback(question, passages, result.unsupported, result.faithfulness or 0.0)

    # -- the shared check ---------------------------------------------------------------------

    def _check(
        self,
        parsed: ParsedAnswer,
        sources: list[str],
        cited_source: dict[int, int],
        cite: Callable[[int, int], Citation],
        repair_threshold: float = 0.0,
    ) -> GuardResult:
        claims = [strip_markers(s.text) for s in parsed.sentences]
        matrix = self.checker.check_many(claims, sources)
        numbers: dict[int, int] = {}  # source index -> citation number in the new answer
        kept: list[AnswerSentence] = []
        unsupported: list[str] = []
        faithful = 0
        for sentence, claim, row in zip(parsed.sentences, claims, matrix, strict=True):
            cited = [cited_source[n] for n in sentence.citations if n in cited_source]
            verdict, targets, score = _decide(cited, row, repair_threshold)
            faithful += verdict == "supported"
            if verdict == "unsupported":
                unsupported.append(claim)
                if self.settings.unsupported == "remove":
                    continue
            marks = [numbers.setdefault(j, len(numbers) + 1) for j in targets]
            text = claim if not marks else with_markers(claim, marks)
            kept.append(AnswerSentence(text, tuple(marks), verdict == "repaired", verdict, round(score, 4)))
        citations = [cite(j, n) for j, n in numbers.items()]
        return self._rebuild(kept, citations, unsupported, faithful / len(parsed.sentences))

    @staticmethod
    def _rebuild(
        kept: list[AnswerSentence], citations: list[Citation], unsupported: list[str], faithfulness: float | None
    ) -> GuardResult:
        used = {n for s in kept for n in s.citations}
        citations = [c for c in citations if c.number in used]
        text = " ".join(s.text for s in kept)
        return GuardResult(ParsedAnswer(text, citations, kept, False), unsupported, faithfulness)

    # -- "generate" mode's fallback -------------------------------------------------------------

    def quotes(self, question: str, passages: list[Passage]) -> list[tuple[str, int]]:
        """The passage sentences closest to the question: (sentence, passage index)."""
        # Markers written inside an article ("… 18,000 homes [7]") are stripped: shown in an
        # answer they would read as the assistant's own citations (a prompt-injection vector).
        candidates = [
            (strip_markers(p.text[s:e]), i) for i, p in enumerate(passages) for s, e in sentence_spans(p.text)
        ]
        candidates = [(t, i) for t, i in candidates if len(t.split()) >= 5]
        if not candidates:
            return []
        vectors = np.asarray(self.embeddings.embed_documents([question] + [t for t, _ in candidates]))
        scores = vectors[1:] @ vectors[0]
        order = [k for k in np.argsort(-scores) if scores[k] >= self.settings.min_quote_relevance]
        return [candidates[k] for k in order[: self.settings.max_quotes]]

    def _fallback(
        self, question: str, passages: list[Passage], unsupported: list[str], faithfulness: float
    ) -> GuardResult:
        quotes = self.quotes(question, passages)
        if not quotes:
            return GuardResult(ParsedAnswer("", [], [], True), unsupported, faithfulness, "abstain")
        numbers: dict[int, int] = {}
        sentences = [
            AnswerSentence(
                text=f"“{text}” [{numbers.setdefault(i, len(numbers) + 1)}]",
                citations=(numbers[i],),
                verdict="quote",
                score=1.0,
            )
            for text, i in quotes
        ]
        citations = [Citation(number=n, passage=passages[j]) for j, n in numbers.items()]
        text = QUOTE_INTRO + " " + " ".join(s.text for s in sentences)
        return GuardResult(ParsedAnswer(text, citations, sentences, False), unsupported, faithfulness, "quotes")


def _decide(cited: list[int], row: list[Verdict], repair_threshold: float) -> tuple[str, list[int], float]:
    """(verdict, source indexes to cite, score) for one sentence."""
    backing = [j for j in cited if row[j].supported]
    if backing:
        return "supported", backing, max(row[j].score for j in backing)
    best = max(range(len(row)), key=lambda j: row[j].score) if row else None
    if best is not None and row[best].supported and repair_threshold < 1.0 and row[best].score >= repair_threshold:
        return "repaired", [best], row[best].score
    score = max((row[j].score for j in cited), default=row[best].score if best is not None else 0.0)
    return "unsupported", [], score


def with_markers(claim: str, numbers: list[int]) -> str:
    markers = "".join(f"[{n}]" for n in numbers)
    stripped = claim.rstrip()
    if stripped and stripped[-1] in ".!?":
        return f"{stripped[:-1]} {markers}{stripped[-1]}"
    return f"{stripped} {markers}"
