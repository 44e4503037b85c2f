"""The app served on 127.0.0.1 over the scripted chat model and hashing embeddings."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator

import chromadb
import pytest

from rag import Assistant, Settings
from tests.conftest import CORPUS
from tests.fakes import HashingEmbeddings, ScriptedChatModel
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
    demo = build(assistant)
    port = free_port()
    demo.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    demo.close()
