"""The query-side adapter: it steers only the dense search, and bad adapters fail with the fix."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from rag.errors import ConfigError
from rag.retrieval.adapter import PACKAGED, QueryAdapter, open_adapter
from rag.settings import DEFAULT_EMBEDDING_MODEL, RetrievalSettings
from tests.conftest import make_assistant
from tests.test_hybrid import article_ids, write_articles


def bucket(word: str, size: int = 256) -> int:
    """The HashingEmbeddings bucket of a word."""
    return int(hashlib.md5(word.encode()).hexdigest(), 16) % size


def swap(a: int, b: int, size: int = 256) -> np.ndarray:
    matrix = np.eye(size, dtype=np.float32)
    matrix[[a, b]] = matrix[[b, a]]
    return matrix


def test_identity_changes_nothing_and_output_is_normalized():
    rng = np.random.default_rng(0)
    v = rng.normal(size=(3, 8)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    assert np.allclose(QueryAdapter(np.eye(8)).apply(v), v, atol=1e-6)
    mapped = QueryAdapter(rng.normal(size=(8, 8))).apply(v)
    assert np.allclose(np.linalg.norm(mapped, axis=1), 1.0, atol=1e-5)
    assert not np.allclose(mapped, v, atol=1e-2)


def test_adapter_steers_the_dense_search_but_scores_stay_plain_cosines(settings, ephemeral_client, tmp_path: Path):
    news = write_articles(tmp_path / "news")
    a, b = bucket("xylophus"), bucket("wheat")
    assert a != b
    np.save(tmp_path / "adapter.npy", swap(a, b))
    plain = make_assistant(
        settings.model_copy(update={"retrieval": settings.retrieval.model_copy(update={"mode": "dense"})}),
        ephemeral_client,
        ["ok [1]."],
    )
    plain.ingest(news)
    adapted_settings = plain.settings.model_copy(
        update={"retrieval": plain.settings.retrieval.model_copy(update={"query_adapter": tmp_path / "adapter.npy"})}
    )
    adapted = make_assistant(adapted_settings, ephemeral_client, ["ok [1]."])
    assert adapted.retriever.adapter is not None
    assert article_ids(plain.retriever.search("Xylophus", k=1)) == ["quokka"]
    # The adapter maps the question's word onto "wheat": the grain article now comes first...
    found = adapted.retriever.search("Xylophus", k=4)
    assert article_ids(found)[0] == "grain"
    # ...but its score is still the plain question's cosine (it shares no word with the question).
    assert found[0].score == pytest.approx(0.0, abs=1e-6)
    assert max(p.score for p in found) > 0.1  # the quokka passage keeps its real cosine


def test_bad_adapters_fail_with_the_fix(tmp_path: Path):
    with pytest.raises(ConfigError, match="square"):
        QueryAdapter(np.ones((4, 3)))
    (tmp_path / "broken.npy").write_bytes(b"not a numpy file")
    with pytest.raises(ConfigError, match="RAG_RETRIEVAL__QUERY_ADAPTER"):
        QueryAdapter.load(tmp_path / "broken.npy")
    with pytest.raises(ConfigError, match="RAG_RETRIEVAL__QUERY_ADAPTER"):
        QueryAdapter.load(tmp_path / "missing.npy")
    with pytest.raises(ConfigError, match="384-dimensional"):
        QueryAdapter(np.eye(384)).apply(np.ones(256, dtype=np.float32))


def test_the_packaged_adapter_is_the_default_for_the_packaged_model_only(tmp_path: Path):
    assert RetrievalSettings().query_adapter == PACKAGED
    shipped = open_adapter(PACKAGED, DEFAULT_EMBEDDING_MODEL)
    assert shipped is not None and shipped.dimension == 384
    assert open_adapter(PACKAGED, "sentence-transformers/all-MiniLM-L6-v2") is not None  # the same model
    assert open_adapter(PACKAGED, "BAAI/bge-small-en-v1.5") is None  # trained on MiniLM's vectors only
    for off in (None, "", "none", "None", "off"):
        assert open_adapter(off, DEFAULT_EMBEDDING_MODEL) is None
    np.save(tmp_path / "mine.npy", np.eye(8))
    assert open_adapter(str(tmp_path / "mine.npy"), "any-model").dimension == 8  # a path, for any model


def test_an_assistant_on_other_embeddings_leaves_the_packaged_adapter_out(settings, ephemeral_client):
    # The fake embeddings (256 dimensions) are not the model the packaged adapter was trained on.
    assert settings.retrieval.query_adapter == PACKAGED
    assert make_assistant(settings, ephemeral_client, ["ok [1]."]).retriever.adapter is None
