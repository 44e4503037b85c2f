from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import chromadb
import pytest

from rag import Assistant, Settings
from tests.fakes import HashingEmbeddings, ScriptedChatModel
from tests.news_articles import DISAGREEING

PROJECT = Path(__file__).resolve().parent.parent
CORPUS = PROJECT / "corpus"


# Fixtures that load a real model: a test using one is an integration test, whatever file it is in.
REAL_MODEL_FIXTURES = {"real_embeddings"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if REAL_MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.integration)


@pytest.fixture(scope="session")
def ephemeral_client() -> chromadb.api.ClientAPI:
    return chromadb.EphemeralClient()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    # A fresh collection per test: the ephemeral client is shared by the session. The answer
    # guard is off here so chain tests see the scripted model's text; tests/test_guard.py and
    # the integration tests run it.
    # The answerability threshold is calibrated on MiniLM's similarities; the hashing embeddings'
    # are lower, so unit tests take any evidence as answering unless a named entity is missing.
    return Settings(
        store={"path": tmp_path / "index", "collection": f"t{uuid.uuid4().hex[:12]}"},
        answer={"guard": False},
        evidence={"answerable_threshold": 0.0},
    )


@pytest.fixture(scope="session")
def real_embeddings():
    from rag.ingest.embed import SentenceTransformerEmbeddings
    from rag.runtime import go_offline

    go_offline()
    return SentenceTransformerEmbeddings()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the bundled corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(CORPUS, target)
    return target


def make_assistant(settings: Settings, client: chromadb.api.ClientAPI, responses: list[str]) -> Assistant:
    return Assistant(
        settings,
        llm=ScriptedChatModel(responses=responses, history=[]),
        embeddings=HashingEmbeddings(),
        client=client,
    )


@pytest.fixture
def assistant(settings: Settings, ephemeral_client: chromadb.api.ClientAPI) -> Assistant:
    return make_assistant(settings, ephemeral_client, ["Putin demanded Mykolaiv and Kharkiv oblasts [1]."])


@pytest.fixture
def disagreeing_news(settings: Settings, ephemeral_client, tmp_path: Path) -> Assistant:
    """An assistant in evidence mode over tests/news_articles.py's three dated articles (two outlets
    give different prisoner counts for one exchange)."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "articles.jsonl").write_text("\n".join(json.dumps(a) for a in DISAGREEING), encoding="utf-8")
    settings.answer.mode = "evidence"
    a = make_assistant(settings, ephemeral_client, ["unused"])
    assert a.ingest(folder).ok
    return a
