"""Building the `Answer` record: one question's timings and intermediate results, and the
answer, abstention or quoted fallback made from them."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from rag.answer.cite import ParsedAnswer
from rag.answer.guard import GuardResult
from rag.answer.news import Disagreement, dated, disagreements
from rag.types import Answer, Citation, EvidenceSet, Passage

if TYPE_CHECKING:
    from rag.answer.chain import AnswerChain


def capped(checked: GuardResult, limit: int) -> GuardResult:
    """At most `limit` displayed sentences: a longer answer must not buy accuracy."""
    sentences = checked.parsed.sentences[:limit]
    if len(sentences) == len(checked.parsed.sentences):
        return checked
    used = {n for s in sentences for n in s.citations}
    citations = [c for c in checked.parsed.citations if c.number in used]
    parsed = ParsedAnswer(" ".join(s.text for s in sentences), citations, sentences, False)
    return GuardResult(parsed, checked.unsupported, checked.faithfulness, checked.fallback)


class AnswerBuilder:
    """One question's timings and intermediate results, and the `Answer` built from them."""

    def __init__(self, chain: AnswerChain, question: str, mode: str) -> None:
        self.chain = chain
        self.mode = mode
        self.question = question
        self.standalone = question
        self.started = self._last = time.perf_counter()
        self.timings: dict[str, float] = {}
        self.evidence: EvidenceSet | None = None
        self.raw = ""

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.timings[name] = now - self._last
        self._last = now

    def _answer(self, passages: list[Passage], **fields: Any) -> Answer:
        self.timings["total_s"] = time.perf_counter() - self.started
        c = self.chain
        return Answer(
            passages=passages,
            prompt_version=c.answer_prompt.version,
            model=c.model_name if self.mode != "evidence" else "evidence",
            question=self.question,
            standalone_question=self.standalone,
            raw_output=self.raw,
            timings={name: round(v, 4) for name, v in self.timings.items()},
            evidence=self.evidence,
            mode=self.mode,
            **fields,
        )

    def abstain(self, passages: list[Passage], text: str | None = None) -> Answer:
        return self._answer(passages, text=text or self.chain._abstain_phrase, citations=[], abstained=True)

    def finish(
        self,
        parsed: ParsedAnswer,
        passages: list[Passage],
        checked: GuardResult | None = None,
        fallback: str | None = None,
    ) -> Answer:
        if parsed.abstained:
            fallback = fallback or (checked.fallback if checked else None)
            answer = self.abstain(passages)
            answer.fallback, answer.unsupported = fallback, checked.unsupported if checked else []
            answer.faithfulness = checked.faithfulness if checked else None
            return answer
        citations: list[Citation] = parsed.citations
        notes: list[Disagreement] = []
        if self.evidence is not None:  # both sides of a disagreement in the evidence are cited
            citations, notes = disagreements(parsed, self.evidence.items, self.standalone)
        # "As of" dates what the answer quotes; a note's newer side says "by <date>" itself (explore12 H3).
        text, as_of = dated(self.standalone, parsed.text, parsed.citations)
        return self._answer(
            passages,
            text=text,
            citations=citations,
            sentences=parsed.sentences,
            conflicts=notes,
            as_of=as_of,
            unsupported=checked.unsupported if checked else [],
            faithfulness=checked.faithfulness if checked else None,
            fallback=fallback or (checked.fallback if checked else None),
        )
