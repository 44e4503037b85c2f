"""Load test of the served chat UI: simulated users chatting at once, each in its own session.

    python benchmarks/load_test.py                                   # 20 users, 120 s, echo model
    python benchmarks/load_test.py --model local --users 3           # the bundled SmolLM2, 120 s

The app runs in its own process, exactly as `rag serve` builds it (`ui.app.launch`, queue and
concurrency limits included) over a copy of the bundled corpus, with the real embedding model
and the answer guard on. `--model echo` is a deterministic stand-in that answers with the first
sentence of passage [1] (and returns a follow-up unchanged when asked to condense it), streaming
word by word, so the figures are the server's own; `--model local` is the bundled LLM.

Each user speaks the browser's protocol (POST /gradio_api/queue/join with its own session hash,
then the server-sent events of /gradio_api/queue/data) and asks questions from a pool until the
time is up. Before the load, every pool question is asked once alone in a fresh session to record
its expected answer. Under load, an answer counts as misdelivered unless (a) the chat the session
gets back holds exactly that session's own questions, in order, and (b) its last answer equals the
expected answer for the question the session asked. With the echo model a user keeps one session
for all its questions (so history and the condense step are exercised); with the local model,
whose condensing depends on the history, every question opens a new chat so that its expected
answer is known.

`--endpoint api` loads the OpenAI-compatible endpoint instead (rag/api, served as `rag api` runs
it): each client streams POST /v1/chat/completions over SSE, keeping its own conversation in the
messages it sends (so follow-ups go through the condense step). The echo model returns a follow-up
unchanged when condensing, so every answer must equal the one its question gets alone: the same
content and the same citation URLs, all chunks of one response with one id, and the answer's own
question echoed back in the `rag` field; anything else is misdelivered. "First update" is then the
first content delta (the endpoint sends the checked answer, never raw tokens).

    python benchmarks/load_test.py --endpoint api                    # 20 clients, 120 s, echo model

Prints throughput, latency to the first streamed update and to the finished answer (p50/p95),
errors and misdeliveries, and the server's peak memory; `--json` writes them to a file.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from html import unescape
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

QUESTIONS_FILE = ROOT / "benchmarks" / "questions.yaml"  # the same questions as ask_questions.py


def questions() -> list[str]:
    import yaml

    return [q["question"] for q in yaml.safe_load(QUESTIONS_FILE.read_text(encoding="utf-8"))]


# -- the server (runs in a child process) --------------------------------------------------------


def echo_model(delay: float) -> Any:
    from langchain_core.language_models import BaseChatModel
    from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
    from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

    class EchoModel(BaseChatModel):
        """The first sentence of passage [1], cited; a condense request gets the follow-up back."""

        delay: float = 0.02

        @property
        def _llm_type(self) -> str:
            return "echo"

        def reply(self, messages: list[BaseMessage]) -> str:
            text = str(messages[-1].content)
            follow_up = re.search(r"Follow-up question: (.+)", text)
            if follow_up:
                return follow_up.group(1).strip()
            first = re.search(r"^\[1\][^\n]*\n(.+?)(?:\n\[2\]|\n\nQuestion:|\Z)", text, re.S | re.M)
            if not first:
                return "The indexed articles don't say."
            sentence = re.split(r"(?<=[.!?])\s+", first.group(1).strip(), maxsplit=1)[0]
            return f"{sentence.rstrip('.')} [1]."

        def _generate(self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kw: Any):
            return ChatResult(generations=[ChatGeneration(message=AIMessage(content=self.reply(messages)))])

        def _stream(
            self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kw: Any
        ) -> Iterator[ChatGenerationChunk]:
            for piece in re.split(r"(?<= )", self.reply(messages)):
                time.sleep(self.delay)  # a model writing about 50 words a second
                yield ChatGenerationChunk(message=AIMessageChunk(content=piece))

    return EchoModel(delay=delay)


def serve(root: Path, port: int, model: str, delay: float, endpoint: str = "ui") -> None:
    from rag import Assistant, Settings
    from rag.runtime import go_offline

    go_offline()
    settings = Settings(store={"path": root / "index"}, ui={"upload_dir": root / "uploads"})
    assistant = Assistant(settings, llm=echo_model(delay) if model == "echo" else None)
    report = assistant.ingest(root / "corpus")
    if not report.ok:
        raise SystemExit(f"ingest failed: {report.failed}")
    if endpoint == "api":
        from rag.api import create_app, run

        run(create_app(assistant), "127.0.0.1", port, on_ready=lambda: print("READY", flush=True))
        return
    from ui.app import launch

    launch(assistant, host="127.0.0.1", port=port, prevent_thread_lock=True, quiet=True)
    print("READY", flush=True)
    while True:  # the parent ends this process
        time.sleep(3600)


# -- the load (the parent process) ---------------------------------------------------------------


@dataclass
class Result:
    model: str
    users: int
    duration_s: float
    endpoint: str = "ui"
    questions: int = 0  # answers delivered
    errors: int = 0
    misdelivered: int = 0
    latency_p50_s: float = 0.0
    latency_p95_s: float = 0.0
    first_update_p50_s: float = 0.0
    first_update_p95_s: float = 0.0
    throughput_per_min: float = 0.0
    server_peak_mb: float = 0.0
    per_user_min: int = 0
    problems: list[str] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def text_of(content: Any) -> str:
    """A chatbot message's text, whatever shape Gradio gives it (str, dict or list of parts)."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or content.get("value") or "")
    if isinstance(content, list):
        return "".join(text_of(c) for c in content)
    return ""


class Chat:
    """One browser tab: its own session hash, the chat endpoint's fn index and trigger."""

    def __init__(self, client: Any, base: str, fn_index: int, trigger: int) -> None:
        self.client, self.base, self.fn_index, self.trigger = client, base, fn_index, trigger
        self.new_session()

    def new_session(self) -> None:
        self.session = uuid.uuid4().hex[:11]
        self.asked: list[str] = []

    async def ask(self, question: str, timeout: float) -> tuple[list[dict[str, Any]], float | None]:
        """Send one question; return the final chatbot messages and the time to the first update."""
        started = time.perf_counter()
        body = {
            "data": [question, None, [], "", "", 4],
            "event_data": None,
            "fn_index": self.fn_index,
            "trigger_id": self.trigger,
            "session_hash": self.session,
        }
        joined = await self.client.post(f"{self.base}gradio_api/queue/join", json=body, timeout=timeout)
        joined.raise_for_status()
        event_id = joined.json()["event_id"]
        self.asked.append(question)
        first: float | None = None
        url = f"{self.base}gradio_api/queue/data"
        async with self.client.stream("GET", url, params={"session_hash": self.session}, timeout=timeout) as r:
            async for line in r.aiter_lines():
                if not line.startswith("data:"):
                    continue
                msg = json.loads(line[5:])
                if msg.get("event_id") not in (None, event_id):
                    raise RuntimeError(f"session {self.session} received event {msg.get('event_id')}")
                kind = msg.get("msg")
                if kind == "process_generating" and first is None:
                    first = time.perf_counter() - started
                elif kind == "process_completed":
                    if not msg.get("success"):
                        raise RuntimeError(f"the app failed: {str(msg.get('output'))[:200]}")
                    return msg["output"]["data"][0], first
                elif kind == "unexpected_error":
                    raise RuntimeError(f"unexpected error: {msg.get('message')}")
        raise RuntimeError("the event stream ended without a result")


def chat_endpoint(config: dict[str, Any]) -> tuple[int, int]:
    """(fn_index, trigger id) of the chat handler: the dependency fired by the Ask button."""
    ask = next(c["id"] for c in config["components"] if c.get("props", {}).get("elem_id") == "ask")
    for i, dep in enumerate(config["dependencies"]):
        if any(t[0] == ask and t[1] == "click" for t in dep["targets"]):
            return int(dep.get("id", i)), ask
    raise RuntimeError("no chat handler bound to the Ask button")


def check(chat: Chat, messages: list[dict[str, Any]], expected: str | None) -> str | None:
    """Why this delivery is wrong (another session's history or answer), or None."""
    questions = [unescape(text_of(m["content"])) for m in messages if m.get("role") == "user"]
    if questions != chat.asked:
        return f"session {chat.session}: chat holds {questions[-2:]}, asked {chat.asked[-2:]}"
    answer = text_of(messages[-1]["content"]) if messages and messages[-1].get("role") == "assistant" else ""
    if expected is not None and answer != expected:
        return f"session {chat.session}: answer to {chat.asked[-1]!r} differs from its answer alone"
    return None


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


async def run_users(base: str, args: argparse.Namespace, result: Result) -> None:
    import httpx

    limits = httpx.Limits(max_connections=2 * args.users + 4)
    async with httpx.AsyncClient(limits=limits) as client:
        config = (await client.get(f"{base}config")).json()
        fn_index, trigger = chat_endpoint(config)

        # Expected answers: each pool question alone, in a fresh session (this also warms the models).
        pool = questions()[: args.pool]
        expected: dict[str, str] = {}
        for q in pool:
            chat = Chat(client, base, fn_index, trigger)
            messages, _ = await chat.ask(q, args.timeout)
            expected[q] = text_of(messages[-1]["content"])
            if messages[-1].get("role") != "assistant" or not expected[q].strip():
                raise RuntimeError(f"no answer text for {q!r}: the chat format may have changed")
        print(f"expected answers recorded for {len(pool)} questions; {args.users} users for {args.duration:.0f} s")

        latencies: list[float] = []
        firsts: list[float] = []
        per_user = [0] * args.users
        deadline = time.monotonic() + args.duration

        async def user(i: int) -> None:
            chat = Chat(client, base, fn_index, trigger)
            turn = 0
            while time.monotonic() < deadline and per_user[i] < args.max_questions:
                if args.model == "local" or turn == args.turns:
                    chat.new_session()  # a new chat (see the module docstring)
                    turn = 0
                question = pool[(i + per_user[i]) % len(pool)]
                started = time.perf_counter()
                try:
                    messages, first = await chat.ask(question, args.timeout)
                except Exception as e:  # counted, reported, and the user goes on
                    result.errors += 1
                    result.problems.append(f"user {i}: {type(e).__name__}: {e}"[:300])
                    chat.new_session()
                    turn = 0
                    continue
                latencies.append(time.perf_counter() - started)
                if first is not None:
                    firsts.append(first)
                problem = check(chat, messages, expected[question])
                if problem:
                    result.misdelivered += 1
                    result.problems.append(problem)
                per_user[i] += 1
                turn += 1

        started = time.monotonic()
        await asyncio.gather(*(user(i) for i in range(args.users)))
        elapsed = time.monotonic() - started

    result.questions = len(latencies)
    result.duration_s = round(elapsed, 1)
    result.throughput_per_min = round(60 * len(latencies) / elapsed, 1)
    result.latency_p50_s, result.latency_p95_s = round(pct(latencies, 0.5), 2), round(pct(latencies, 0.95), 2)
    result.first_update_p50_s, result.first_update_p95_s = round(pct(firsts, 0.5), 2), round(pct(firsts, 0.95), 2)
    result.per_user_min = min(per_user)


@dataclass(frozen=True)
class Delivery:
    """What one streamed chat completion delivered."""

    content: str
    citations: tuple[str, ...]
    question: str | None
    ids: frozenset[str]
    first_delta_s: float | None


async def api_ask(client: Any, base: str, messages: list[dict[str, str]], timeout: float) -> Delivery:
    """One streamed POST /v1/chat/completions, read to `[DONE]`."""
    started = time.perf_counter()
    body = {"model": "rag", "messages": messages, "stream": True}
    content, citations, question, ids, first = "", (), None, set(), None
    async with client.stream("POST", f"{base}v1/chat/completions", json=body, timeout=timeout) as r:
        if r.status_code != 200:
            raise RuntimeError(f"HTTP {r.status_code}: {(await r.aread())[:200]!r}")
        async for line in r.aiter_lines():
            if not line.startswith("data: "):
                continue
            if line == "data: [DONE]":
                return Delivery(content, tuple(citations), question, frozenset(ids), first)
            chunk = json.loads(line[6:])
            if "error" in chunk:
                raise RuntimeError(f"error event: {chunk['error'].get('message')}")
            ids.add(chunk["id"])
            piece = chunk["choices"][0]["delta"].get("content")
            if piece:
                first = first if first is not None else time.perf_counter() - started
                content += piece
            if "citations" in chunk:
                citations, question = chunk["citations"], chunk["rag"]["question"]
    raise RuntimeError("the stream ended without [DONE]")


def check_api(asked: str, got: Delivery, expected: Delivery) -> str | None:
    """Why this delivery is wrong (another request's chunks or answer), or None."""
    if len(got.ids) != 1:
        return f"one response carried {len(got.ids)} completion ids"
    if got.question != asked:
        return f"asked {asked!r}, the answer is to {got.question!r}"
    if (got.content, got.citations) != (expected.content, expected.citations):
        return f"answer to {asked!r} differs from its answer alone"
    return None


async def run_api_clients(base: str, args: argparse.Namespace, result: Result) -> None:
    import httpx

    limits = httpx.Limits(max_connections=2 * args.users + 4)
    async with httpx.AsyncClient(limits=limits) as client:
        pool = questions()[: args.pool]
        expected = {}
        for q in pool:  # each question alone first (this also warms the models)
            expected[q] = await api_ask(client, base, [{"role": "user", "content": q}], args.timeout)
            if not expected[q].content.strip():
                raise RuntimeError(f"no answer text for {q!r}")
        print(f"expected answers recorded for {len(pool)} questions; {args.users} clients for {args.duration:.0f} s")

        latencies: list[float] = []
        firsts: list[float] = []
        per_user = [0] * args.users
        deadline = time.monotonic() + args.duration

        async def user(i: int) -> None:
            history: list[dict[str, str]] = []
            while time.monotonic() < deadline and per_user[i] < args.max_questions:
                if args.model == "local" or len(history) >= 2 * args.turns:
                    history = []  # a new conversation (see the module docstring)
                question = pool[(i + per_user[i]) % len(pool)]
                started = time.perf_counter()
                try:
                    got = await api_ask(client, base, [*history, {"role": "user", "content": question}], args.timeout)
                except Exception as e:  # counted, reported, and the client goes on
                    result.errors += 1
                    result.problems.append(f"client {i}: {type(e).__name__}: {e}"[:300])
                    history = []
                    continue
                latencies.append(time.perf_counter() - started)
                if got.first_delta_s is not None:
                    firsts.append(got.first_delta_s)
                problem = check_api(question, got, expected[question])
                if problem:
                    result.misdelivered += 1
                    result.problems.append(f"client {i}: {problem}")
                history += [{"role": "user", "content": question}, {"role": "assistant", "content": got.content}]
                per_user[i] += 1

        started = time.monotonic()
        await asyncio.gather(*(user(i) for i in range(args.users)))
        elapsed = time.monotonic() - started

    result.questions = len(latencies)
    result.duration_s = round(elapsed, 1)
    result.throughput_per_min = round(60 * len(latencies) / elapsed, 1)
    result.latency_p50_s, result.latency_p95_s = round(pct(latencies, 0.5), 2), round(pct(latencies, 0.95), 2)
    result.first_update_p50_s, result.first_update_p95_s = round(pct(firsts, 0.5), 2), round(pct(firsts, 0.95), 2)
    result.per_user_min = min(per_user)


def peak_mb(pid: int) -> float:
    """The server's peak resident memory (VmHWM), read before it is stopped."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_load(args: argparse.Namespace) -> Result:
    result = Result(model=args.model, users=args.users, duration_s=args.duration, endpoint=args.endpoint)
    with tempfile.TemporaryDirectory(prefix="rag-load-") as tmp:
        root = Path(tmp)
        shutil.copytree(ROOT / "corpus", root / "corpus")
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT), "GRADIO_ANALYTICS_ENABLED": "False"}
        cmd = [sys.executable, __file__, "--serve", str(root), "--port", str(port), "--model", args.model]
        cmd += ["--delay", str(args.delay), "--endpoint", args.endpoint]
        server = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env, cwd=root)
        try:
            assert server.stdout is not None
            for line in server.stdout:
                if line.strip() == "READY":
                    break
            else:
                raise SystemExit(f"the server exited with {server.wait()} before it was ready")
            load = run_api_clients if args.endpoint == "api" else run_users
            asyncio.run(load(f"http://127.0.0.1:{port}/", args, result))
            result.server_peak_mb = round(peak_mb(server.pid), 1)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return result


def report(r: Result) -> None:
    target = "the OpenAI-compatible API (streaming)" if r.endpoint == "api" else "the served app"
    print(f"\nLoad: {r.users} users, {r.model} model, {r.duration_s} s against {target} on 127.0.0.1")
    print(f"  answers delivered     {r.questions} ({r.throughput_per_min}/min; fewest for one user: {r.per_user_min})")
    print(f"  finished answer       p50 {r.latency_p50_s:.2f} s   p95 {r.latency_p95_s:.2f} s")
    print(f"  first streamed update p50 {r.first_update_p50_s:.2f} s   p95 {r.first_update_p95_s:.2f} s")
    print(f"  errors                {r.errors}")
    print(f"  misdelivered          {r.misdelivered}")
    print(f"  server peak memory    {r.server_peak_mb:.0f} MB")
    for p in r.problems[:10]:
        print(f"  ! {p}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", choices=["echo", "local"], default="echo")
    parser.add_argument(
        "--endpoint", choices=["ui", "api"], default="ui", help="the Gradio chat, or /v1/chat/completions"
    )
    parser.add_argument("--users", type=int, default=20, help="concurrent simulated users")
    parser.add_argument("--duration", type=float, default=120.0, help="seconds of load")
    parser.add_argument("--max-questions", type=int, default=1000, help="bound on questions per user")
    parser.add_argument("--turns", type=int, default=3, help="questions per chat before a new one (echo)")
    parser.add_argument("--pool", type=int, default=22, help="distinct questions asked (from questions.yaml)")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds one answer may take")
    parser.add_argument("--delay", type=float, default=0.02, help="echo model: seconds per streamed word")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--serve", type=Path, help=argparse.SUPPRESS)  # child process: the app
    parser.add_argument("--port", type=int, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main() -> None:
    args = parse_args()
    if args.serve:
        serve(args.serve, args.port, args.model, args.delay, args.endpoint)
        return
    result = run_load(args)
    report(result)
    if args.json:
        args.json.write_text(json.dumps(asdict(result), indent=2), encoding="utf-8")
    if result.errors or result.misdelivered:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
