"""The OpenAI-compatible routes: POST /v1/chat/completions (streaming and not) and GET /v1/models.

`create_app(assistant, settings)` returns a FastAPI app holding only these routes; `rag api`
serves it alone with uvicorn, and `rag serve` mounts the Gradio UI on the same app. Answers
come from the public `Assistant` API only: `ask`, or `stream`, whose final `Answer` is the
content. Streamed model tokens are never forwarded, because the guard may still remove or
re-cite what the model wrote; while they arrive the stream sends SSE comments to keep the
connection alive, then the checked answer in deltas, and the citations in the last chunk.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import re
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import anyio
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, StreamingResponse

from rag.api.errors import ApiError, from_exception
from rag.api.schema import Question, parse_request
from rag.api.shape import Shaped, shape
from rag.assistant import Assistant
from rag.ingest.chunk import get_encoding
from rag.settings import Settings
from rag.types import Answer, EvidenceSet, Token

_END = object()
_CREATED = 1_735_689_600  # /v1/models wants a creation time; a fixed one keeps the listing stable


def _next(events: Iterator[Any]) -> Any:
    return next(events, _END)


def _first_of_the_answer(events: Iterator[Any]) -> Any:
    """The first event past the evidence: the model's first token (or the answer), so that a model
    that cannot be reached still gets its HTTP status (503) rather than an error mid-stream."""
    event = next(events, _END)
    while isinstance(event, EvidenceSet):
        event = next(events, _END)
    return event


class ChatService:
    """Turns one OpenAI request into one `Assistant` call and its answer into OpenAI's shapes.
    Owns the key check, the request limits and the bound on answers computed at once."""

    def __init__(self, assistant: Assistant, settings: Settings, beside_login: bool = False) -> None:
        self.beside_login = beside_login
        self.assistant = assistant
        self.settings = settings
        self.api = settings.api
        self.encoding = get_encoding(settings.chunking.encoding)
        self._slots: dict[int, anyio.Semaphore] = {}

    @property
    def slots(self) -> anyio.Semaphore:
        """The bound on answers at once, one per event loop (a test client may start several)."""
        loop = id(asyncio.get_running_loop())
        if loop not in self._slots:
            self._slots[loop] = anyio.Semaphore(self.api.concurrency)
        return self._slots[loop]

    # -- checks ---------------------------------------------------------------------------

    def check_key(self, request: Request) -> None:
        if not self.api.key:
            if self.beside_login:
                raise ApiError(
                    401,
                    "This server's chat UI asks for a login, so /v1 needs a key too: set RAG_API__KEY on the "
                    "server and send 'Authorization: Bearer <key>'.",
                )
            return
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not given.strip():
            raise ApiError(401, "Missing API key; send the header 'Authorization: Bearer <RAG_API__KEY>'.")
        if not hmac.compare_digest(given.strip().encode(), self.api.key.encode()):
            raise ApiError(401, "Wrong API key; use the value of RAG_API__KEY set on the server.")

    async def read_json(self, request: Request) -> Any:
        limit = self.api.max_request_kb * 1024
        too_big = ApiError(
            413,
            f"The request body is over {self.api.max_request_kb} KB; send a shorter history "
            "(or raise RAG_API__MAX_REQUEST_KB on the server).",
        )
        if int(request.headers.get("content-length") or 0) > limit:
            raise too_big
        body = b""
        async for part in request.stream():
            body += part
            if len(body) > limit:
                raise too_big
        try:
            return json.loads(body or b"null")
        except (ValueError, UnicodeDecodeError):
            raise ApiError(400, "The request body is not valid JSON; send a JSON object.") from None

    def question(self, body: Any) -> Question:
        q = parse_request(body)
        if q.model != self.api.model:
            raise ApiError(400, f"Unknown model '{q.model}'; use model '{self.api.model}'.", "model", "model_not_found")
        limit = self.settings.answer.max_question_chars
        length = len(" ".join(q.text.split()))
        if length > limit:
            raise ApiError(
                413,
                f"The question is {length:,} characters long; the limit is {limit:,}. Ask something shorter "
                "(RAG_ANSWER__MAX_QUESTION_CHARS raises the limit).",
                "messages",
            )
        return q

    def options(self, q: Question) -> dict[str, Any]:
        options: dict[str, Any] = {"k": q.k, "outlets": q.outlets, "date_from": q.since, "date_to": q.until}
        if q.mode is not None:
            problem = self.assistant.chain.mode_problem(q.mode)
            if problem:
                raise ApiError(400, problem + ".", "mode")
            options["mode"] = q.mode
        return options

    # -- answers --------------------------------------------------------------------------

    def envelope(self, q: Question, kind: str, cid: str, created: int) -> dict[str, Any]:
        return {"id": cid, "object": kind, "created": created, "model": q.model}

    def extras(self, q: Question, answer: Answer, shaped: Shaped) -> dict[str, Any]:
        prompt = sum(len(self.encoding.encode(t["content"])) for t in q.history) + len(self.encoding.encode(q.text))
        completion = len(self.encoding.encode(shaped.content))
        return {
            "system_fingerprint": answer.prompt_version,
            "usage": {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion},
            "citations": shaped.urls,
            "search_results": shaped.search_results,
            "rag": shaped.rag,
        }

    def shape(self, q: Question, answer: Answer) -> Shaped:
        return shape(answer, max_tokens=q.max_tokens, encoding=self.encoding, snippet_chars=self.api.snippet_chars)

    async def complete(self, q: Question) -> dict[str, Any]:
        options = self.options(q)
        async with self.slots:
            try:
                answer = await anyio.to_thread.run_sync(lambda: self.assistant.ask(q.text, q.history, **options))
            except Exception as e:
                raise from_exception(e) from e
        shaped = self.shape(q, answer)
        message = {"role": "assistant", "content": shaped.content, "refusal": None, "annotations": shaped.annotations}
        choice = {"index": 0, "message": message, "finish_reason": shaped.finish_reason, "logprobs": None}
        cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        return {
            **self.envelope(q, "chat.completion", cid, created),
            "choices": [choice],
            **self.extras(q, answer, shaped),
        }

    async def stream(self, q: Question) -> StreamingResponse:
        """Starts the answer before replying, so that an error found by then (no index, a bad
        question, the store down) still gets its HTTP status; later ones come as an error event."""
        options = self.options(q)
        await self.slots.acquire()
        events: Iterator[Any] | None = None
        try:
            events = self.assistant.stream(q.text, q.history, **options)
            first = await anyio.to_thread.run_sync(_first_of_the_answer, events)
        except Exception as e:
            self.slots.release()
            if events is not None:
                _close(events)
            raise from_exception(e) from e
        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(self._sse(q, events, first), media_type="text/event-stream", headers=headers)

    async def _sse(self, q: Question, events: Iterator[Any], event: Any) -> AsyncIterator[str]:
        cid, created = f"chatcmpl-{uuid.uuid4().hex}", int(time.time())
        head = self.envelope(q, "chat.completion.chunk", cid, created)

        def chunk(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> str:
            choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
            return f"data: {json.dumps({**head, 'choices': [choice], **extra}, ensure_ascii=False)}\n\n"

        try:
            yield chunk({"role": "assistant", "content": ""})
            answer: Answer | None = None
            last_ping = time.monotonic()
            while event is not _END:
                if isinstance(event, Answer):
                    answer = event  # the last one wins: a composed answer may replace the evidence
                elif isinstance(event, Token) and time.monotonic() - last_ping > 1.0:
                    last_ping = time.monotonic()
                    yield ": generating\n\n"
                event = await anyio.to_thread.run_sync(_next, events)
            if answer is None:
                raise ApiError(500, "The answer stream ended without an answer; see the server log, then retry.")
            shaped = self.shape(q, answer)
            for piece in _pieces(shaped.content):
                yield chunk({"content": piece})
            extras = self.extras(q, answer, shaped)
            yield chunk({"annotations": shaped.annotations}, shaped.finish_reason, **extras)
            yield "data: [DONE]\n\n"
        except Exception as e:
            yield f"data: {json.dumps(from_exception(e).body(), ensure_ascii=False)}\n\n"
        finally:
            self.slots.release()
            with anyio.CancelScope(shield=True):  # a client that hung up still frees the generator
                await anyio.to_thread.run_sync(_close, events)

    def models(self) -> dict[str, Any]:
        return {"object": "list", "data": [self.model_card()]}

    def model_card(self) -> dict[str, Any]:
        return {"id": self.api.model, "object": "model", "created": _CREATED, "owned_by": "rag"}


def _close(events: Iterator[Any]) -> None:
    close = getattr(events, "close", None)
    if callable(close):
        with contextlib.suppress(Exception):  # a generator failing as it closes has nothing left to say
            close()


def _pieces(content: str) -> list[str]:
    """Word-sized deltas that join back to exactly `content`."""
    pieces = re.findall(r"\s*\S+", content)
    return pieces if "".join(pieces) == content else [content]


def create_app(assistant: Assistant, settings: Settings | None = None, *, beside_login: bool = False) -> FastAPI:
    """A FastAPI app with the /v1 routes; mount other apps (the Gradio UI) on it as needed.
    `beside_login`: the app also serves a UI that asks for a login, so /v1 must not answer without
    a key either (explore9 M10: curl got answers a login-protected page refused)."""
    service = ChatService(assistant, settings or assistant.settings, beside_login=beside_login)
    app = FastAPI(title="rag: OpenAI-compatible chat", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.chat = service

    @app.exception_handler(ApiError)
    async def api_error(request: Request, e: ApiError) -> JSONResponse:
        return JSONResponse(e.body(), status_code=e.status)

    @app.post("/v1/chat/completions", response_model=None)
    async def chat_completions(request: Request) -> JSONResponse | StreamingResponse:
        service.check_key(request)
        q = service.question(await service.read_json(request))
        if q.stream:
            return await service.stream(q)
        return JSONResponse(await service.complete(q))

    @app.get("/v1/models")
    async def models(request: Request) -> dict[str, Any]:
        service.check_key(request)
        return service.models()

    @app.get("/v1/models/{model}")
    async def model(model: str, request: Request) -> dict[str, Any]:
        service.check_key(request)
        if model != service.api.model:
            raise ApiError(404, f"No model '{model}'; GET /v1/models lists '{service.api.model}'.", "model")
        return service.model_card()

    # Any other /v1 request gets OpenAI's error shape, not {"detail": …}, under `rag api` and under
    # `rag serve` alike (there the UI, mounted at "/", would answer it) (explore9 L3).
    @app.api_route("/v1/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"], include_in_schema=False)
    async def elsewhere(rest: str, request: Request) -> JSONResponse:
        path = f"/v1/{rest}"
        allowed = _ENDPOINTS.get(path) or ("GET" if path.startswith("/v1/models/") else None)
        if allowed:
            raise ApiError(405, f"{request.method} {path} is not supported; use {allowed}.")
        raise ApiError(404, f"No endpoint {request.method} {path}; this server has {', '.join(_LISTED)}.")

    return app


_ENDPOINTS = {"/v1/chat/completions": "POST", "/v1/models": "GET"}
_LISTED = [f"{method} {path}" for path, method in _ENDPOINTS.items()]


def run(app: FastAPI, host: str, port: int, on_ready: Callable[[], None] | None = None) -> None:
    """Serve `app` with uvicorn until interrupted; `on_ready` is called once it accepts connections."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    if on_ready is not None:

        def wait() -> None:
            while not server.started and not server.should_exit:
                time.sleep(0.05)
            if server.started:
                on_ready()

        threading.Thread(target=wait, daemon=True).start()
    server.run()
