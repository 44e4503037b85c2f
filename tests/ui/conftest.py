"""The app served on 127.0.0.1 over the scripted chat model and hashing embeddings."""

from __future__ import annotations

import json
import shutil
import socket
from collections.abc import Iterator

import chromadb
import gradio as gr
import pytest

from rag import Assistant, Settings
from tests.conftest import CORPUS
from tests.fakes import HashingEmbeddings, ScriptedChatModel
from tests.news_articles import DISAGREEING
from ui.app import build

HOSTILE = (
    "Hostile page\n\nTallinn negotiators discussed maritime corridors at length. "
    "<script>window.pwned = true; alert('pwned')</script> "
    '<img src=x onerror="window.pwned = true"> The maritime corridors stayed closed.'
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("browser")
    shutil.copytree(CORPUS, root / "corpus")
    (root / "corpus" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    # Guard off: the scripted reply is not a faithful sentence; guard display is tested in test_handlers.
    # Answerability is calibrated on MiniLM's similarities, not the hashing embeddings' (tests/conftest.py).
    settings = Settings(
        store={"path": root / "index"},
        ui={"upload_dir": root / "uploads"},
        answer={"guard": False},
        evidence={"answerable_threshold": 0.0},
    )
    assistant = Assistant(
        settings,
        llm=ScriptedChatModel(responses=["The answer is in the passage [1]. It is cited [2]."]),
        embeddings=HashingEmbeddings(),
        client=chromadb.PersistentClient(path=str(root / "index")),
    )
    assert assistant.ingest(root / "corpus").ok
    demo, url = _launch(assistant)
    yield url
    demo.close()


def _launch(assistant: Assistant) -> tuple[gr.Blocks, str]:
    demo = build(assistant)
    port = free_port()
    demo.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    return demo, f"http://127.0.0.1:{port}/"


@pytest.fixture(scope="module")
def news_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Three short dated articles, two of which disagree on a number. Evidence mode: the answer
    quotes the selected evidence, no chat model, so what is cited is deterministic."""
    root = tmp_path_factory.mktemp("news-browser")
    (root / "news").mkdir()
    lines = "\n".join(json.dumps(a) for a in DISAGREEING)
    (root / "news" / "articles.jsonl").write_text(lines, encoding="utf-8")
    settings = Settings(
        store={"path": root / "index"},
        ui={"upload_dir": root / "uploads"},
        answer={"mode": "evidence"},
        evidence={"answerable_threshold": 0.0},
    )
    assistant = Assistant(
        settings,
        llm=ScriptedChatModel(responses=["unused"]),
        embeddings=HashingEmbeddings(),
        client=chromadb.PersistentClient(path=str(root / "index")),
    )
    assert assistant.ingest(root / "news").ok
    demo, url = _launch(assistant)
    yield url
    demo.close()
