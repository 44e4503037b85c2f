"""The same code against a real Chroma server (`chroma run`) on 127.0.0.1."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from rag import Assistant, Settings
from rag.errors import StoreUnavailableError
from rag.retrieval.filters import Filters
from tests.fakes import HashingEmbeddings

pytestmark = pytest.mark.server

EUROMAIDAN = "001_fe26a455a43feec8"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def chroma_executable() -> str:
    found = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
    assert Path(found).exists(), "the chroma CLI ships with chromadb"
    return found


class Server:
    def __init__(self, path: Path, port: int) -> None:
        self.path, self.port = path, port
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                chroma_executable(),
                "run",
                "--path",
                str(self.path),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/api/v2/heartbeat", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.25)
        raise RuntimeError("chroma server did not start within 60 s")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=30)
            self.proc = None


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    s = Server(tmp_path / "chroma-data", free_port())
    s.start()
    yield s
    s.stop()


def test_ingest_query_restart_query(server: Server, corpus: Path, tmp_path: Path):
    # The BM25 index of a server store lives on the app host; keep the test's out of ~/.cache.
    settings = Settings(
        store={"host": "127.0.0.1", "port": server.port, "collection": "news"},
        retrieval={"keyword_dir": tmp_path / "keyword"},
    )
    assistant = Assistant(settings, embeddings=HashingEmbeddings())
    report = assistant.ingest(corpus)
    assert report.ok and len(report.ingested) == 5
    question = "Putin demanded Ukraine cede Mykolaiv and Kharkiv oblasts"
    before = assistant.retriever.search(question, k=3)
    assert before[0].article_id == EUROMAIDAN
    chunks = assistant.store.chunk_count()
    # Filtered searches restrict the server's query to ids from the keyword index.
    for outlets in [("The Moscow Times",), ("Chas Pravdy", "The Moscow Times")]:
        found = assistant.retriever.search(question, k=10, filters=Filters(outlets=outlets))
        assert found and {p.outlet for p in found} == set(outlets)

    server.stop()
    with pytest.raises(StoreUnavailableError, match=r"127\.0\.0\.1"):
        assistant.retriever.search(question, k=3)
    server.start()

    # A new client (as after an app restart) and the old one both see the same index.
    fresh = Assistant(settings, embeddings=HashingEmbeddings())
    assert fresh.store.chunk_count() == chunks
    assert [p.chunk_id for p in fresh.retriever.search(question, k=3)] == [p.chunk_id for p in before]
    assert [p.chunk_id for p in assistant.retriever.search(question, k=3)] == [p.chunk_id for p in before]
    assert len(fresh.ingest(corpus).unchanged) == 5


def test_unreachable_server_is_a_clear_error():
    settings = Settings(store={"host": "127.0.0.1", "port": free_port()})
    with pytest.raises(StoreUnavailableError, match="chroma run"):
        Assistant(settings, embeddings=HashingEmbeddings()).sources()


def test_the_chat_survives_the_server_going_away_and_coming_back(server: Server, corpus: Path, tmp_path: Path):
    """One app for the whole session: an outage is a message in the chat, then answers resume."""
    from tests.fakes import ScriptedChatModel
    from ui.app import ChatApp

    settings = Settings(
        store={"host": "127.0.0.1", "port": server.port, "collection": "chat"},
        retrieval={"keyword_dir": tmp_path / "keyword"},
        answer={"guard": False},
    )
    llm = ScriptedChatModel(responses=["Putin demanded Mykolaiv and Kharkiv oblasts [1]."])
    app = ChatApp(Assistant(settings, llm=llm, embeddings=HashingEmbeddings()))
    assert app.assistant.ingest(corpus).ok
    question = "Putin demanded Ukraine cede Mykolaiv and Kharkiv oblasts"

    def ask(turns: list) -> tuple[list, list]:
        chat, turns, *_ = list(app.respond(question, turns, None, "", "", 4))[-1]
        return chat, turns

    chat, turns = ask([])
    assert turns[-1].answer.citations[0].passage.article_id == EUROMAIDAN

    server.stop()
    chat, turns = ask(turns)
    assert turns[-1].answer is None
    assert "127.0.0.1" in turns[-1].error and "Traceback" not in chat[-1]["content"]
    assert chat[-1]["content"].startswith("⚠️")
    assert "Chroma server" in app.status() or "127.0.0.1" in app.status()

    server.start()
    chat, turns = ask(turns)
    assert turns[-1].answer.citations[0].passage.article_id == EUROMAIDAN
    assert [t.question for t in turns] == [question] * 3  # the history kept the failed turn
