"""All configuration in one typed object.

Values come, highest priority first, from keyword arguments, `RAG_*` environment
variables (nested with `__`, e.g. `RAG_LLM__PROVIDER=ollama`), a TOML config file
(`rag.toml` in the working directory, or the path in `RAG_CONFIG_FILE`), then the
defaults below. Every default works with no network.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from rag.errors import ConfigError
from rag.settings.sections import (
    DEFAULT_EMBEDDING_MODEL,
    PACKAGED_MODEL_NAMES,
    PROJECT_ROOT,
    AnswerSettings,
    ApiSettings,
    ChunkSettings,
    EmbeddingSettings,
    EvalSettings,
    EvidenceSettings,
    IngestSettings,
    LLMSettings,
    RetrievalSettings,
    StoreSettings,
    UISettings,
)

__all__ = [
    "DEFAULT_EMBEDDING_MODEL",
    "PACKAGED_MODEL_NAMES",
    "PROJECT_ROOT",
    "AnswerSettings",
    "ApiSettings",
    "ChunkSettings",
    "EmbeddingSettings",
    "EvalSettings",
    "EvidenceSettings",
    "IngestSettings",
    "LLMSettings",
    "RetrievalSettings",
    "Settings",
    "StoreSettings",
    "UISettings",
]


DEFAULT_CONFIG_FILE = "rag.toml"


def config_file() -> str:
    """The TOML file settings are read from: `RAG_CONFIG_FILE`, else rag.toml in the working directory."""
    return os.environ.get("RAG_CONFIG_FILE", DEFAULT_CONFIG_FILE)


class Settings(BaseSettings):
    """Every setting, one section per stage; components receive their section itself."""

    model_config = SettingsConfigDict(
        env_prefix="RAG_",
        env_nested_delimiter="__",
        extra="forbid",
        toml_file=DEFAULT_CONFIG_FILE,
    )

    chunking: ChunkSettings = Field(default_factory=ChunkSettings)  # type: ignore[arg-type]
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)  # type: ignore[arg-type]
    store: StoreSettings = Field(default_factory=StoreSettings)  # type: ignore[arg-type]
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)  # type: ignore[arg-type]
    llm: LLMSettings = Field(default_factory=LLMSettings)  # type: ignore[arg-type]
    answer: AnswerSettings = Field(default_factory=AnswerSettings)  # type: ignore[arg-type]
    evidence: EvidenceSettings = Field(default_factory=EvidenceSettings)  # type: ignore[arg-type]
    ui: UISettings = Field(default_factory=UISettings)  # type: ignore[arg-type]
    api: ApiSettings = Field(default_factory=ApiSettings)  # type: ignore[arg-type]
    ingest: IngestSettings = Field(default_factory=IngestSettings)  # type: ignore[arg-type]
    evals: EvalSettings = Field(default_factory=EvalSettings)  # type: ignore[arg-type]
    offline: bool = Field(
        True, description="Load models from local files only (HF_HUB_OFFLINE=1); never reach the hub."
    )
    ingest_batch_size: int = Field(256, gt=0, description="Chunks embedded and written per batch.")

    def __init__(self, **values: Any) -> None:
        """As pydantic's, with every problem in one line that names the setting and where it came from
        (a `ConfigError`, which the CLI prints without a traceback)."""
        named = os.environ.get("RAG_CONFIG_FILE")
        if named and not Path(named).is_file():
            raise ConfigError(f"RAG_CONFIG_FILE names {named}, which is not a file.")
        _check_environment()
        try:
            super().__init__(**values)
        except ValidationError as e:
            raise ConfigError(" ".join(_problem(error, values) for error in e.errors())) from e
        except tomllib.TOMLDecodeError as e:
            raise ConfigError(f"{config_file()} is not valid TOML: {e}.") from e

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # The one place that reads the environment besides pydantic itself.
        toml = TomlConfigSettingsSource(settings_cls, toml_file=config_file())
        return (init_settings, env_settings, toml)


def _check_environment() -> None:
    """A `RAG_*` variable that names no section is an error, not ignored: pydantic-settings drops it,
    and `RAG_API_KEY` (for `RAG_API__KEY`) had left the API open without a word (explore12 M4). A
    misspelt key inside a section is pydantic's to report."""
    fields = set(Settings.model_fields)
    sections = {
        n
        for n, f in Settings.model_fields.items()
        if isinstance(f.annotation, type) and issubclass(f.annotation, BaseModel)
    }
    for name in sorted(os.environ):
        # pydantic-settings reads the names in any case: "rag_api__key" sets api.key (explore13 L1).
        if not name.upper().startswith("RAG_") or name.upper() == "RAG_CONFIG_FILE":
            continue
        key = name[4:].lower()
        if key.split("__")[0] in fields:
            continue
        head, _, rest = key.partition("_")
        if head in sections and rest:
            hint = f"RAG_{head.upper()}__{rest.upper()}"
        else:
            close = difflib.get_close_matches(key.split("__")[0], sorted(fields), n=1)
            hint = (f"RAG_{close[0].upper()}" + ("__…" if close[0] in sections else "")) if close else ""
        raise ConfigError(
            f"{name} names no setting"
            + (f"; did you mean {hint}?" if hint else ".")
            + " Settings are RAG_<SECTION>__<KEY>, e.g. RAG_STORE__PATH."
        )


def _problem(error: Any, values: dict[str, Any]) -> str:
    """ "Setting store.port ('abc', from RAG_STORE__PORT): Input should be a valid integer …"."""
    path = ".".join(str(part) for part in error["loc"])
    env = "RAG_" + "__".join(str(part) for part in error["loc"]).upper()
    nested = sorted(k for k in os.environ if k.startswith(env + "__"))
    if error["loc"] and error["loc"][0] in values:
        where = "given to Settings"
    elif env in os.environ or nested:
        where = f"from {env if env in os.environ else ', '.join(nested)}"
    else:
        where = f"from {config_file()}"
    if error["type"] == "extra_forbidden":
        return f"There is no setting {path} ({where})."
    value = error.get("input")
    shown = "" if isinstance(value, dict) else f"{value!r}, "
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"Setting {path} ({shown}{where}): {message}."
