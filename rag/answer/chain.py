"""The answer chain: condense a follow-up, retrieve, number the passages within a token
budget, generate with the versioned prompt, and parse citations into an `Answer`."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from langchain_core.language_models import BaseChatModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.runnables import Runnable, RunnableLambda

from rag.ingest.chunk import token_counter
from rag.answer.cite import parse_answer
from rag.errors import LLMError, QuestionError, RagError
from rag.answer.guard import AnswerGuard
from rag.store.injection import redact
from rag.answer.prompts import PromptTemplate
from rag.retrieval.base import Filters, PassageRetriever
from rag.types import Answer, Passage, Token

History = Sequence[dict[str, str]]  # [{"role": "user"|"assistant", "content": ...}], oldest first
# C0/C1 controls plus invisible format characters (zero-width spaces, bidi overrides, BOM): a
# question made only of them is empty, and inside a question they only confuse retrieval.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


@dataclass(frozen=True)
class ChainConfig:
    k: int = 4
    min_relevance: float = 0.25
    context_tokens: int = 1200
    max_question_chars: int = 2000
    history_turns: int = 3
    encoding: str = "cl100k_base"


def clean_question(question: str, max_chars: int) -> str:
    if not isinstance(question, str):
        raise QuestionError("The question must be text.")
    question = " ".join(_CONTROL.sub(" ", question).split())
    if not question:
        raise QuestionError("Please type a question.")
    if len(question) > max_chars:
        raise QuestionError(
            f"The question is {len(question):,} characters long; the limit is {max_chars:,}. "
            "Ask something shorter (RAG_ANSWER__MAX_QUESTION_CHARS raises the limit)."
        )
    return question


def format_passage(number: int, passage: Passage) -> str:
    about = ", ".join(x for x in (passage.outlet, passage.published) if x)
    header = f"[{number}] {passage.title}" + (f" ({about})" if about else "")
    # Text addressed to a model (rag/injection.py) is blanked: the model never reads it.
    body = re.sub(r"\n\s*\n(?:\s*\n)+", "\n\n", redact(passage.text)).strip()
    return f"{header}\n{body}"


class AnswerChain:
    def __init__(
        self,
        retriever: PassageRetriever,
        llm: BaseChatModel,
        answer_prompt: PromptTemplate,
        condense_prompt: PromptTemplate,
        config: ChainConfig,
        model_name: str,
        guard: AnswerGuard | None = None,
    ) -> None:
        self.retriever = retriever
        self.llm = llm
        self.answer_prompt = answer_prompt
        self.condense_prompt = condense_prompt
        self.config = config
        self.model_name = model_name
        self.guard = guard
        self.count_tokens = token_counter(config.encoding)
        self._generate: Runnable = llm | StrOutputParser()

    # -- steps -------------------------------------------------------------------------

    def _llm_error(self, e: Exception) -> LLMError:
        return LLMError(
            f"The language model ({self.model_name}) did not answer: {type(e).__name__}: {e}. "
            "Check that its server is running and reachable, or switch provider with RAG_LLM__PROVIDER."
        )

    def condense(self, question: str, history: History) -> str:
        """A follow-up rewritten as a standalone question; the question itself without history."""
        turns = [t for t in history if t.get("role") in ("user", "assistant") and t.get("content")]
        if not turns:
            return question
        recent = turns[-2 * self.config.history_turns :]
        transcript = "\n".join(f"{t['role'].capitalize()}: {t['content']}" for t in recent)
        messages = self.condense_prompt.render(history=transcript, question=question)
        try:
            rewritten = self._generate.invoke(messages).strip().splitlines()
        except RagError:
            raise
        except Exception as e:
            raise self._llm_error(e) from e
        standalone = rewritten[0].strip().strip('"') if rewritten else ""
        # A small model can ramble or return nothing: then retrieve with the previous user
        # question prepended, which keeps the names a follow-up's pronouns refer to.
        if not standalone or len(standalone) > 4 * len(question) + 200:
            last_user = next((t["content"] for t in reversed(turns) if t["role"] == "user"), "")
            standalone = f"{last_user} {question}".strip()
        return standalone

    def select_context(self, passages: list[Passage]) -> tuple[list[Passage], str]:
        """Passages in rank order while they fit the token budget (at least one)."""
        chosen: list[Passage] = []
        blocks: list[str] = []
        used = 0
        for passage in passages:
            block = format_passage(len(chosen) + 1, passage)
            cost = self.count_tokens(block)
            if chosen and used + cost > self.config.context_tokens:
                break
            chosen.append(passage)
            blocks.append(block)
            used += cost
        return chosen, "\n\n".join(blocks)

    # -- the whole chain -----------------------------------------------------------------

    def stream(
        self,
        question: str,
        history: History = (),
        k: int | None = None,
        filters: Filters | None = None,
    ) -> Iterator[Token | Answer]:
        """Yields `Token`s as the model writes, then the final `Answer`."""
        timings: dict[str, float] = {}
        started = time.perf_counter()
        question = clean_question(question, self.config.max_question_chars)
        standalone = self.condense(question, history)
        timings["condense_s"] = time.perf_counter() - started

        t = time.perf_counter()
        found = self.retriever.search(standalone, k or self.config.k, filters)
        timings["retrieve_s"] = time.perf_counter() - t
        relevant = [p for p in found if p.score >= self.config.min_relevance]

        def finish(answer: Answer) -> Answer:
            timings["total_s"] = time.perf_counter() - started
            answer.timings = {name: round(v, 4) for name, v in timings.items()}
            return answer

        abstain = self.answer_prompt.abstain or "The indexed articles don't say."
        if not relevant:  # nothing on topic: abstain without spending an LLM call
            yield finish(
                Answer(
                    text=abstain,
                    citations=[],
                    passages=found,
                    prompt_version=self.answer_prompt.version,
                    model=self.model_name,
                    question=question,
                    standalone_question=standalone,
                    abstained=True,
                )
            )
            return

        passages, context = self.select_context(relevant)
        messages = self.answer_prompt.render(passages=context, question=standalone)
        t = time.perf_counter()
        pieces: list[str] = []
        try:
            for piece in self._generate.stream(messages):
                if not pieces:
                    timings["first_token_s"] = time.perf_counter() - started
                pieces.append(piece)
                yield Token(piece)
        except RagError:
            raise
        except Exception as e:
            raise self._llm_error(e) from e
        timings["generate_s"] = time.perf_counter() - t
        raw = "".join(pieces)
        parsed = parse_answer(raw, passages, abstain)
        checked = None
        if self.guard is not None:
            t = time.perf_counter()
            checked = self.guard(parsed, standalone, passages)
            parsed = checked.parsed
            timings["guard_s"] = time.perf_counter() - t
        yield finish(
            Answer(
                text=abstain if parsed.abstained else parsed.text,
                citations=parsed.citations,
                passages=passages,
                prompt_version=self.answer_prompt.version,
                model=self.model_name,
                question=question,
                standalone_question=standalone,
                abstained=parsed.abstained,
                sentences=parsed.sentences,
                raw_output=raw,
                unsupported=checked.unsupported if checked else [],
                faithfulness=checked.faithfulness if checked else None,
                fallback=checked.fallback if checked else None,
            )
        )

    def ask(self, question: str, history: History = (), k: int | None = None, filters: Filters | None = None) -> Answer:
        for event in self.stream(question, history, k, filters):
            if isinstance(event, Answer):
                return event
        raise LLMError("The answer chain ended without an answer.")  # unreachable by design

    def as_runnable(self) -> Runnable:
        """The chain as a LangChain Runnable: {"question", "history"?} -> Answer."""
        return RunnableLambda(lambda x: self.ask(x["question"], x.get("history", ())))
