"""Deterministic stand-ins for the embedding model and the chat model."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterator
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field

_STOP = set(
    [
        "the",
        "and",
        "for",
        "with",
        "that",
        "this",
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "did",
        "does",
        "was",
        "were",
        "are",
        "has",
        "have",
        "had",
        "not",
        "but",
        "its",
        "his",
        "her",
        "their",
        "they",
        "them",
        "from",
        "into",
        "about",
        "than",
        "then",
        "there",
        "been",
        "being",
        "will",
        "would",
        "could",
        "should",
        "can",
        "may",
        "might",
        "also",
        "such",
        "any",
        "all",
        "some",
        "most",
        "more",
        "other",
    ]
)


class HashingEmbeddings(Embeddings):
    """Bag of lower-cased words hashed into `size` buckets, normalized: texts that share
    words are similar, so retrieval and relevance thresholds behave like the real thing."""

    def __init__(self, size: int = 256, name: str = "hashing-bow") -> None:
        self.size = size
        self.name = name
        self.dimension = size
        self.calls = 0

    def _vector(self, text: str) -> list[float]:
        vec = [0.0] * self.size
        for word in re.findall(r"[a-z0-9]+", text.lower()):
            if len(word) > 2 and word not in _STOP:
                vec[int(hashlib.md5(word.encode()).hexdigest(), 16) % self.size] += 1.0
        if not any(vec):  # no Latin words (Chinese, Arabic): a zero vector would match nothing
            vec[int(hashlib.md5(text.encode()).hexdigest(), 16) % self.size] = 1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.calls += 1
        return [self._vector(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text)


class ScriptedChatModel(BaseChatModel):
    """Replies with canned responses in order (the last repeats); streams word by word;
    records every prompt in `history` so tests can assert on what the model was shown."""

    responses: list[str]
    history: list[list[BaseMessage]] = Field(default_factory=list)
    fail_with: str | None = None

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def _next(self, messages: list[BaseMessage]) -> str:
        self.history.append(messages)
        if self.fail_with:
            raise ConnectionError(self.fail_with)
        return self.responses[min(len(self.history), len(self.responses)) - 1]

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=self._next(messages)))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        for piece in re.split(r"(?<= )", self._next(messages)):
            yield ChatGenerationChunk(message=AIMessageChunk(content=piece))


class EchoChatModel(ScriptedChatModel):
    """Answers with the first sentence of passage [1], cited, so the real answer guard passes it;
    asked to condense, it prepends the conversation's last user question to the follow-up, so a
    test can see that the history was used."""

    responses: list[str] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "echo"

    def _next(self, messages: list[BaseMessage]) -> str:
        self.history.append(messages)
        text = str(messages[-1].content)
        follow_up = re.search(r"Follow-up question: (.+)", text)
        if follow_up:
            users = re.findall(r"^User: (.+)$", text, re.M)
            return f"{users[-1] if users else ''} {follow_up.group(1).strip()}".strip()
        first = re.search(r"^\[1\][^\n]*\n(.+?)(?:\n\[2\]|\n\nQuestion:|\Z)", text, re.S | re.M)
        if not first:
            return "The indexed articles don't say."
        sentence = re.split(r"(?<=[.!?])\s+", first.group(1).strip(), maxsplit=1)[0]
        return f"{sentence.rstrip('.')} [1]."
