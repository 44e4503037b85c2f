"""What a client may send to /v1/chat/completions, checked before any work is done.

OpenAI's own fields that mean nothing here (temperature, top_p, user, stream_options...) are
accepted and ignored, so stock clients work unchanged; so is `stop`, since an answer made of quoted,
cited sentences is not cut inside a quote. Fields asking for what cannot be given are refused with a
400: a JSON `response_format`, `tool_choice` that requires a tool, `logprobs` (explore10 L1). Our
extensions arrive through the SDK's `extra_body`: `k`, `outlets`, `since`, `until` and `mode`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from rag.api.errors import ApiError
from rag.retrieval.filters import MAX_K
from rag.types import Turn


class ContentPart(BaseModel):
    model_config = ConfigDict(extra="allow")

    type: str
    text: str | None = None


class Message(BaseModel):
    model_config = ConfigDict(extra="allow")

    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[ContentPart] | None = None

    def text(self) -> str:
        if self.content is None or isinstance(self.content, str):
            return self.content or ""
        if any(part.type != "text" for part in self.content):
            raise ApiError(400, "Only text content is supported; send the message as text parts only.", "messages")
        # Parts are blocks of text (Open WebUI splits a message into them): "Which oblasts" and "did
        # Putin demand?" are two words apart, not "oblastsdid" (explore9 M4).
        return " ".join(part.text for part in self.content if part.text)


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="allow")

    model: str
    messages: list[Message] = Field(min_length=1)
    stream: bool = False
    max_tokens: int | None = Field(None, gt=0)
    max_completion_tokens: int | None = Field(None, gt=0)
    n: int = Field(1, ge=1, le=1)
    response_format: dict[str, Any] | None = None
    tool_choice: str | dict[str, Any] | None = None
    logprobs: bool | None = None
    # Extensions (extra_body)
    k: int | None = Field(None, ge=1, le=MAX_K)
    outlets: list[str] | None = None
    since: date | None = None
    until: date | None = None
    mode: str | None = None

    @field_validator("response_format")
    @classmethod
    def _text_only(cls, value: dict[str, Any] | None) -> dict[str, Any] | None:
        if value is not None and value.get("type", "text") != "text":
            raise ValueError(f"response_format {value.get('type')!r} is not supported")
        return value

    @field_validator("tool_choice")
    @classmethod
    def _no_tool_required(cls, value: str | dict[str, Any] | None) -> str | dict[str, Any] | None:
        if value not in (None, "none", "auto"):
            raise ValueError("no tool can be called")
        return value

    @field_validator("logprobs")
    @classmethod
    def _no_logprobs(cls, value: bool | None) -> bool | None:
        if value:
            raise ValueError("logprobs are not available")
        return value

    @field_validator("outlets", mode="before")
    @classmethod
    def _one_outlet(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


@dataclass(frozen=True)
class Question:
    """The request turned into an `Assistant` call: the last user message and the turns before it."""

    text: str
    history: list[Turn]
    model: str
    stream: bool
    max_tokens: int | None
    k: int | None
    outlets: list[str] | None
    since: date | None
    until: date | None
    mode: str | None


_FIX = {
    "model": "name a model from GET /v1/models",
    "messages": 'send messages as [{"role": "user", "content": "your question"}]',
    "k": "k is the number of passages, 1 to 50",
    "since": "dates are YYYY-MM-DD",
    "until": "dates are YYYY-MM-DD",
    "outlets": 'outlets is a list of outlet names, e.g. ["Reuters"]',
    "n": "only n=1 is supported",
    "max_tokens": "max_tokens must be a positive integer",
    "max_completion_tokens": "max_completion_tokens must be a positive integer",
    "stream": "stream is true or false",
    "response_format": "answers are text with citations; leave response_format out or use {'type': 'text'}",
    "tool_choice": "this endpoint answers from the articles and calls no tools; leave tool_choice out",
    "logprobs": "answers are quoted from the articles, not sampled; leave logprobs out",
}


def _validation_message(e: ValidationError) -> tuple[str, str]:
    first = e.errors()[0]
    loc = [str(x) for x in first["loc"]]
    field = loc[0] if loc else "body"
    where = ".".join(loc) or "body"
    fix = _FIX.get(field, "see the README section 'OpenAI-compatible API'")
    return f"Invalid '{where}': {first['msg']}; {fix}.", field


def parse_request(body: Any) -> Question:
    """A `Question`, or an `ApiError` (400) whose message says how to fix the request."""
    if not isinstance(body, dict):
        raise ApiError(400, "The request body must be a JSON object with 'model' and 'messages'.")
    try:
        req = ChatRequest.model_validate(body)
    except ValidationError as e:
        message, field = _validation_message(e)
        raise ApiError(400, message, field) from None
    turns = [m for m in req.messages if m.role in ("user", "assistant")]
    if not turns or turns[-1].role != "user":
        raise ApiError(400, "The last message must be the user's question (role 'user').", "messages")
    if req.since and req.until and req.since > req.until:
        raise ApiError(400, f"'since' ({req.since}) is after 'until' ({req.until}); swap them.", "since")
    history: list[Turn] = [Turn(role="user" if m.role == "user" else "assistant", content=m.text()) for m in turns[:-1]]
    return Question(
        text=turns[-1].text(),
        history=history,
        model=req.model,
        stream=req.stream,
        max_tokens=req.max_completion_tokens or req.max_tokens,
        k=req.k,
        outlets=req.outlets,
        since=req.since,
        until=req.until,
        mode=req.mode,
    )
