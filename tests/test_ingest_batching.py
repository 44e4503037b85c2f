"""Ingestion does the least work: few store writes per batch, no text embedded twice."""

from __future__ import annotations

import json
from pathlib import Path

import chromadb
import pytest

from rag import Assistant, Settings
from rag.store.chroma import ArticleStore
from tests.conftest import make_assistant
from tests.fakes import HashingEmbeddings

EUROMAIDAN = "001_fe26a455a43feec8"


class CountingEmbeddings(HashingEmbeddings):
    """Records every text sent to the model."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.texts.extend(texts)
        return super().embed_documents(texts)


@pytest.fixture
def counting(settings: Settings, ephemeral_client: chromadb.api.ClientAPI) -> Assistant:
    assistant = make_assistant(settings, ephemeral_client, ["x"])
    assistant._embeddings = CountingEmbeddings()
    return assistant


def _chunk_texts(assistant: Assistant, article_id: str) -> dict[str, list[float]]:
    return assistant.store.chunk_vectors(article_id)


def test_an_edit_re_embeds_only_the_chunks_whose_text_changed(counting: Assistant, corpus: Path):
    counting.ingest(corpus)
    before = _chunk_texts(counting, EUROMAIDAN)
    model: CountingEmbeddings = counting.embeddings  # type: ignore[assignment]
    model.texts.clear()
    path = corpus / f"{EUROMAIDAN}.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n\nLavrov also spoke about grain exports.", encoding="utf-8")

    report = counting.ingest(corpus)

    after = _chunk_texts(counting, EUROMAIDAN)
    new_texts = set(after) - set(before)
    assert report.ingested == [EUROMAIDAN] and len(after) > 2
    assert new_texts and any("grain exports" in t for t in new_texts)
    assert sorted(model.texts) == sorted(new_texts)  # the model saw the changed chunks only
    assert report.chunks_reused == len(after) - len(new_texts) > 0
    for text, vector in after.items():  # kept vectors are the ones the model gives for that text
        assert vector == pytest.approx(model._vector(text), abs=1e-6)


def test_a_metadata_only_change_embeds_nothing(counting: Assistant, corpus: Path):
    counting.ingest(corpus)
    model: CountingEmbeddings = counting.embeddings  # type: ignore[assignment]
    model.texts.clear()
    sidecar = corpus / "sources.json"
    sidecar.write_text(sidecar.read_text().replace('"outlet": null', '"outlet": "Reuters"', 1))

    report = counting.ingest(corpus)

    assert len(report.ingested) == 1 and report.chunks_written > 0
    assert model.texts == [] and report.chunks_reused == report.chunks_written


def _jsonl(path: Path, bodies: list[str]) -> Path:
    path.write_text("\n".join(json.dumps({"id": f"a{i}", "title": f"T{i}", "body": b}) for i, b in enumerate(bodies)))
    return path


def _body(i: int, sentences: int = 3) -> str:
    return " ".join(f"Article {i} reports fact number {j} about harbour cranes." for j in range(sentences))


def test_many_small_articles_take_a_few_store_writes_per_batch(
    counting: Assistant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    writes: list[str] = []
    real_call = ArticleStore.call

    def record(self: ArticleStore, fn, *args, **kwargs):  # type: ignore[no-untyped-def]
        if fn.__name__ in {"upsert", "delete", "add", "update"}:
            writes.append(fn.__name__)
        return real_call(self, fn, *args, **kwargs)

    monkeypatch.setattr(ArticleStore, "call", record)
    report = counting.ingest(_jsonl(tmp_path / "many.jsonl", [_body(i) for i in range(60)]))

    assert len(report.ingested) == 60 and counting.store.chunk_count() == report.chunks_written
    assert len(writes) <= 4  # one batch: delete and upsert for chunks and for the manifest
    assert len(counting.sources()) == 60


def test_a_shorter_version_leaves_no_stale_chunks(counting: Assistant, tmp_path: Path):
    counting.settings.chunking.max_tokens = 40
    counting.settings.chunking.overlap_tokens = 8
    long_body, short_body = _body(1, sentences=30), _body(1, sentences=2)
    counting.ingest(_jsonl(tmp_path / "a.jsonl", [long_body, _body(2)]))
    article_id = "a#a0"
    assert len(counting.store.chunk_ids(article_id)) > 3

    counting.ingest(_jsonl(tmp_path / "a.jsonl", [short_body, _body(2)]))

    assert len(counting.store.chunk_ids(article_id)) == 1
    assert {a.id: a.chunk_count for a in counting.sources()}[article_id] == 1
    assert counting.store.chunk_count() == sum(a.chunk_count for a in counting.sources())


def test_the_same_text_twice_in_one_batch_is_indexed_once(counting: Assistant, tmp_path: Path):
    report = counting.ingest(_jsonl(tmp_path / "dup.jsonl", [_body(1), _body(2), _body(1)]))
    assert report.duplicates == [("dup#a2", "dup#a0")]
    assert sorted(report.ingested) == ["dup#a0", "dup#a1"]


def test_writes_larger_than_one_chroma_call_are_split(counting: Assistant, tmp_path: Path):
    counting.store._batch_limit = 3  # as if the server accepted only three records per call
    report = counting.ingest(_jsonl(tmp_path / "many.jsonl", [_body(i) for i in range(10)]))
    assert len(report.ingested) == 10
    assert counting.store.chunk_count() == report.chunks_written >= 10
