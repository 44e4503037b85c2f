"""Optional LLM judge, as ragas does it: decompose a text into claims, then verify each claim.

Off by default (`rag eval --judge` turns it on); it is only worth its cost with a capable model,
configured with `--judge-set llm.provider=openai --judge-set llm.model=...`. Every metric it
adds also has an offline counterpart (faithfulness, facts, token F1).
"""

from __future__ import annotations

import re

from langchain_core.language_models import BaseChatModel
from langchain_core.output_parsers import StrOutputParser

from rag.answer.cite import strip_markers
from rag.answer.prompts import PromptTemplate
from rag.evals.suite import Case
from rag.types import Answer

_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s*")


class LLMJudge:
    """Optional LLM-judge metrics (ragas-style claim extraction then verification) with a capable model."""

    def __init__(
        self, llm: BaseChatModel, claims_prompt: PromptTemplate, verify_prompt: PromptTemplate, max_claims: int = 8
    ) -> None:
        self.generate = llm | StrOutputParser()
        self.claims_prompt = claims_prompt
        self.verify_prompt = verify_prompt
        self.max_claims = max_claims

    def claims(self, text: str) -> list[str]:
        reply = self.generate.invoke(self.claims_prompt.render(text=text))
        lines = [_BULLET.sub("", line).strip() for line in reply.splitlines()]
        return list(dict.fromkeys(line for line in lines if len(line.split()) >= 3))[: self.max_claims]

    def supported(self, claim: str, context: str) -> bool:
        reply = self.generate.invoke(self.verify_prompt.render(context=context, claim=claim))
        return reply.strip().lower().lstrip("\"'*").startswith("yes")

    def score(self, case: Case, answer: Answer) -> dict[str, float | None]:
        text = strip_markers(answer.text)
        claims = self.claims(text)
        if not claims:
            return {}
        context = "\n\n".join(p.text for p in answer.passages)
        values: dict[str, float | None] = {
            "judge_faithfulness": sum(self.supported(c, context) for c in claims) / len(claims)
        }
        if case.reference:
            # ragas' answer correctness: answer claims the reference supports (precision) and
            # reference claims the answer supports (recall), combined as F1.
            precision = sum(self.supported(c, case.reference) for c in claims) / len(claims)
            reference_claims = self.claims(case.reference) or [case.reference]
            recall = sum(self.supported(c, text) for c in reference_claims) / len(reference_claims)
            values["judge_correctness"] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return values
