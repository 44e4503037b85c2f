"""The answer guard: every displayed sentence must be supported by the passage it cites.

For each sentence of a parsed answer:
- citations whose passage supports the sentence are kept, the others dropped (precision);
- a sentence its citations do not support, but another retrieved passage does, is cited to
  that passage instead (repaired; an uncited sentence is handled the same way);
- a sentence nothing supports is removed and listed as unsupported, or kept and marked,
  as the settings say.
If no sentence survives, the answer becomes quotations of the passage sentences closest to
the question, labelled as such, or an abstention when none is close.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from langchain_core.embeddings import Embeddings

from rag.ingest.chunk import sentence_spans
from rag.answer.cite import ParsedAnswer, strip_markers
from rag.store.injection import redact
from rag.answer.support import SupportChecker, Verdict
from rag.types import AnswerSentence, Citation, Passage

QUOTE_INTRO = "The model's answer could not be checked against the articles. What they say:"


@dataclass(frozen=True)
class GuardResult:
    parsed: ParsedAnswer
    unsupported: list[str]  # sentences removed (or, in mark mode, kept and marked)
    faithfulness: float | None  # share of the model's sentences their own citations support
    fallback: Literal["quotes", "abstain"] | None = None


class AnswerGuard:
    def __init__(
        self,
        checker: SupportChecker,
        embeddings: Embeddings,
        mode: Literal["remove", "mark"] = "remove",
        min_quote_relevance: float = 0.35,
        max_quotes: int = 2,
    ) -> None:
        self.checker = checker
        self.embeddings = embeddings
        self.mode = mode
        self.min_quote_relevance = min_quote_relevance
        self.max_quotes = max_quotes

    def _decide(self, cited: list[int], row: list[Verdict]) -> tuple[str, list[int], float]:
        """(verdict, passage indexes to cite, score) for one sentence."""
        backing = [j for j in cited if row[j].supported]
        if backing:
            return "supported", backing, max(row[j].score for j in backing)
        best = max(range(len(row)), key=lambda j: row[j].score) if row else None
        if best is not None and row[best].supported:
            return "repaired", [best], row[best].score
        score = max((row[j].score for j in cited), default=row[best].score if best is not None else 0.0)
        return "unsupported", [], score

    def quotes(self, question: str, passages: list[Passage]) -> list[tuple[str, int]]:
        """The passage sentences closest to the question: (sentence, passage index)."""
        # Markers written inside an article ("… 18,000 homes [7]") are stripped: shown in an
        # answer they would read as the assistant's own citations (a prompt-injection vector).
        texts = [redact(p.text) for p in passages]  # an injected instruction is never quoted
        candidates = [(strip_markers(t[s:e]), i) for i, t in enumerate(texts) for s, e in sentence_spans(t)]
        candidates = [(t, i) for t, i in candidates if len(t.split()) >= 5]
        if not candidates:
            return []
        vectors = np.asarray(self.embeddings.embed_documents([question] + [t for t, _ in candidates]))
        scores = vectors[1:] @ vectors[0]
        order = [k for k in np.argsort(-scores) if scores[k] >= self.min_quote_relevance]
        return [candidates[k] for k in order[: self.max_quotes]]

    def __call__(self, parsed: ParsedAnswer, question: str, passages: list[Passage]) -> GuardResult:
        if parsed.abstained or not parsed.sentences or not passages:
            return GuardResult(parsed, [], None)
        index_of = {p.chunk_id: i for i, p in enumerate(passages)}
        passage_of = {c.number: index_of[c.passage.chunk_id] for c in parsed.citations}
        claims = [strip_markers(s.text) for s in parsed.sentences]
        # Text addressed to a model is not evidence: a claim copied from it is unsupported.
        matrix = self.checker.check_many(claims, [redact(p.text) for p in passages])

        numbers: dict[int, int] = {}  # passage index -> citation number in the new answer
        kept: list[AnswerSentence] = []
        unsupported: list[str] = []
        faithful = 0
        for sentence, claim, row in zip(parsed.sentences, claims, matrix, strict=True):
            cited = [passage_of[n] for n in sentence.citations if n in passage_of]
            verdict, cite, score = self._decide(cited, row)
            faithful += verdict == "supported"
            if verdict == "unsupported":
                unsupported.append(claim)
                if self.mode == "remove":
                    continue
            marks = [numbers.setdefault(j, len(numbers) + 1) for j in cite]
            text = claim if not marks else _with_markers(claim, marks)
            kept.append(
                AnswerSentence(
                    text=text,
                    citations=tuple(marks),
                    inferred=verdict == "repaired",
                    verdict=verdict,
                    score=round(score, 4),
                )
            )
        faithfulness = faithful / len(parsed.sentences)
        citations = [Citation(number=n, passage=passages[j]) for j, n in numbers.items()]
        if any(s.verdict != "unsupported" for s in kept):
            text = " ".join(s.text for s in kept)
            return GuardResult(ParsedAnswer(text, citations, kept, False), unsupported, faithfulness)
        return self._fallback(question, passages, unsupported, faithfulness)

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


def _with_markers(claim: str, numbers: list[int]) -> str:
    markers = "".join(f"[{n}]" for n in numbers)
    stripped = claim.rstrip()
    if stripped and stripped[-1] in ".!?":
        return f"{stripped[:-1]} {markers}{stripped[-1]}"
    return f"{stripped} {markers}"
