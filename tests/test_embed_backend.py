"""`embedding.backend`: which encoder computes vectors, and the ONNX encoder's batching and pooling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pydantic import ValidationError

from rag.ingest import onnx_encoder
from rag.ingest.embed import SentenceTransformerEmbeddings
from rag.ingest.onnx_encoder import OnnxEncoder, weights_digest
from rag.settings import EmbeddingSettings, Settings


class WordTokenizer:
    """Each word is a token id (its length, so texts differ); [CLS]=101 and [SEP]=102 around them."""

    pad_token_id = 0

    def __call__(self, texts: list[str], truncation: bool, max_length: int, add_special_tokens: bool) -> dict:
        ids = [[101, *[len(w) + 1000 for w in t.split()], 102] for t in texts]
        return {"input_ids": [[*i[: max_length - 1], 102] if len(i) > max_length else i for i in ids]}


class EchoSession:
    """A graph whose hidden state for each token is [id, 1, 0...]: pooling can be checked by hand.
    Records the shapes it was run on."""

    def __init__(self) -> None:
        self.shapes: list[tuple[int, int]] = []

    def run(self, outputs: Any, feed: dict[str, np.ndarray]) -> list[np.ndarray]:
        ids = feed["input_ids"]
        self.shapes.append(ids.shape)
        hidden = np.zeros((*ids.shape, 4), dtype=np.float32)
        hidden[..., 0] = ids
        hidden[..., 1] = 1.0
        return [hidden]


def expected(text: str) -> np.ndarray:
    ids = [101, *[len(w) + 1000 for w in text.split()], 102]
    v = np.array([np.mean(ids), 1.0, 0.0, 0.0])
    return v / np.linalg.norm(v)


def test_backend_setting_accepts_the_three_backends_and_reads_the_environment(monkeypatch: pytest.MonkeyPatch):
    assert EmbeddingSettings().backend == "onnx"  # the fastest validated backend is the default
    assert EmbeddingSettings(backend="onnx-int8").backend == "onnx-int8"
    with pytest.raises(ValidationError):
        EmbeddingSettings(backend="tensorrt")
    monkeypatch.setenv("RAG_EMBEDDING__BACKEND", "torch")
    assert Settings().embedding.backend == "torch"


def test_onnx_encoder_pools_without_padding_and_keeps_input_order():
    session = EchoSession()
    encoder = OnnxEncoder(WordTokenizer(), session, max_length=256)
    texts = ["one", "a much longer text with many words in it", "two words", "three short words"]
    vectors = encoder.encode(texts, batch_size=2)
    assert vectors.shape == (4, 4)
    for text, vector in zip(texts, vectors, strict=True):
        # padding (id 0, hidden [0, 1, ...]) would pull the mean's first component down
        assert np.allclose(vector, expected(text), atol=1e-6)
    # longest first, two per batch: each batch is padded to its own longest text only
    assert session.shapes == [(2, 11), (2, 4)]


def test_onnx_encoder_truncates_to_the_model_limit():
    session = EchoSession()
    encoder = OnnxEncoder(WordTokenizer(), session, max_length=5)
    encoder.encode(["w " * 50], batch_size=8)
    assert session.shapes == [(1, 5)]


class FakeModel:
    """Stands in for the loaded SentenceTransformer; fails if the torch path is used."""

    tokenizer = WordTokenizer()

    def encode(self, *args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the torch path ran although an onnx backend was configured")


@pytest.mark.parametrize("backend", ["onnx", "onnx-int8"])
def test_onnx_backends_route_encoding_through_onnx_runtime(
    backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    made: list[tuple[Any, str, Path]] = []
    session = EchoSession()

    def for_model(model: Any, variant: str, cache_dir: Path, threads: int) -> OnnxEncoder:
        made.append((model, variant, cache_dir))
        return OnnxEncoder(model.tokenizer, session, max_length=256)

    monkeypatch.setattr(OnnxEncoder, "for_model", staticmethod(for_model))
    embeddings = SentenceTransformerEmbeddings(EmbeddingSettings(backend=backend, onnx_cache=tmp_path))
    embeddings.__dict__["model"] = FakeModel()
    vectors = embeddings.embed_documents(["a ceasefire", "talks"])
    query = embeddings.embed_query("a ceasefire")
    assert np.allclose(vectors[0], expected("a ceasefire")) and np.allclose(query, vectors[0])
    assert [(variant, cache) for _, variant, cache in made] == [(backend, tmp_path)]  # built once


def test_torch_backend_builds_no_onnx_encoder(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(OnnxEncoder, "for_model", staticmethod(lambda *a: pytest.fail("onnx encoder built")))
    assert SentenceTransformerEmbeddings(EmbeddingSettings(backend="torch")).onnx is None


def test_weights_digest_follows_the_weights(tmp_path: Path):
    (tmp_path / "config.json").write_text("{}")
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"\x01" * 3000)
    first = weights_digest(tmp_path)
    assert weights_digest(tmp_path) == first
    weights.write_bytes(b"\x01" * 2999 + b"\x02")
    assert weights_digest(tmp_path) != first


def test_a_failed_export_is_a_config_error_naming_the_fix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    def broken(*args: Any) -> None:
        raise RuntimeError("exporter exploded")

    monkeypatch.setattr(onnx_encoder, "describe_pipeline", lambda model: onnx_encoder.Pipeline(tmp_path, 256))
    monkeypatch.setattr(onnx_encoder, "export", broken)
    with pytest.raises(onnx_encoder.ConfigError, match="RAG_EMBEDDING__BACKEND=torch"):
        OnnxEncoder.for_model(FakeModel(), "onnx", tmp_path / "cache")  # type: ignore[arg-type]
