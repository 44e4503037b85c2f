"""The ONNX Runtime backends against torch, with the real model (exported into a temporary cache)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from rag.ingest.embed import SentenceTransformerEmbeddings
from rag.settings import EmbeddingSettings

pytestmark = pytest.mark.integration

TEXTS = [
    "Ukraine and Russia agreed to a 30-day ceasefire on energy infrastructure.",
    "Who hosted the talks?",
    "Negotiators met in Istanbul and Riyadh; prisoner exchanges continued through the spring. " * 6,
    "Grain.",
]


@pytest.fixture(scope="module")
def torch_embeddings() -> SentenceTransformerEmbeddings:
    return SentenceTransformerEmbeddings(EmbeddingSettings(backend="torch"))


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("onnx")


def test_onnx_fp32_gives_torch_vectors(torch_embeddings, cache: Path):
    onnx = SentenceTransformerEmbeddings(EmbeddingSettings(backend="onnx", onnx_cache=cache))
    ours = np.array(onnx.embed_documents(TEXTS))
    ref = np.array(torch_embeddings.embed_documents(TEXTS))
    assert ours.shape == ref.shape
    assert (ours * ref).sum(axis=1).min() >= 0.9999
    assert np.allclose(onnx.embed_query(TEXTS[1]), ref[1], atol=1e-4)
    assert (cache / next(p.name for p in cache.iterdir()) / "model.onnx").is_file()


def test_onnx_int8_stays_close_to_torch_and_keeps_neighbours(torch_embeddings, cache: Path):
    int8 = SentenceTransformerEmbeddings(EmbeddingSettings(backend="onnx-int8", onnx_cache=cache))
    ours = np.array(int8.embed_documents(TEXTS))
    ref = np.array(torch_embeddings.embed_documents(TEXTS))
    assert (ours * ref).sum(axis=1).min() >= 0.97
    # the nearest text to each text (other than itself) is the same under both
    assert [int(i) for i in np.argmax(ours @ ours.T - 2 * np.eye(4), axis=1)] == [
        int(i) for i in np.argmax(ref @ ref.T - 2 * np.eye(4), axis=1)
    ]


def test_onnx_int8_gives_a_text_the_same_vector_alone_and_in_a_batch(cache: Path):
    # Dynamic int8 quantization scales activations per tensor: batched with longer texts (and their
    # padding), a text's vector would move (cosine ~0.975); a question is always embedded alone.
    int8 = SentenceTransformerEmbeddings(EmbeddingSettings(backend="onnx-int8", onnx_cache=cache))
    batched = np.array(int8.embed_documents(TEXTS))
    alone = np.array([int8.embed_query(text) for text in TEXTS])
    assert np.allclose(batched, alone, atol=1e-6)
