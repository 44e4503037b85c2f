"""A small error family; every message says how to fix the problem."""

from __future__ import annotations


class RagError(Exception):
    """Base of every error the assistant reports to a person."""


class ConfigError(RagError):
    """A setting is wrong or an optional dependency is missing."""


class IndexNotBuiltError(RagError):
    def __init__(self, where: str) -> None:
        super().__init__(
            f"The index at {where} holds no articles yet. Run `rag ingest corpus/` "
            "(or upload articles in the UI) first."
        )


class EmbeddingMismatchError(RagError):
    def __init__(self, collection: str, stored: str, stored_dim: int, wanted: str, wanted_dim: int):
        super().__init__(
            f"Collection '{collection}' was built with embedding model '{stored}' "
            f"(dimension {stored_dim}), but the configured model is '{wanted}' "
            f"(dimension {wanted_dim}). Either set RAG_EMBEDDING__MODEL={stored}, "
            f"or use another collection (RAG_STORE__COLLECTION=...) or index folder "
            f"(RAG_STORE__PATH=...) and re-ingest with the new model."
        )


class StoreUnavailableError(RagError):
    """The Chroma server cannot be reached."""


class LLMError(RagError):
    """The language model could not be loaded or did not answer."""


class IngestError(RagError):
    """One file or record could not be ingested; the message is the reason."""


class QuestionError(RagError):
    """The question itself cannot be answered as given (empty, too long...)."""


def missing_dependency(package: str, extra: str, purpose: str) -> ConfigError:
    return ConfigError(
        f"{purpose} needs the '{package}' package. Install it with: pip install 'rag[{extra}]'"
        f" (or: pip install {package})"
    )
