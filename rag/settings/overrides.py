"""Settings given on the command line: `--set KEY=VALUE` items (`rag ask`, `rag eval` and its variants)."""

from __future__ import annotations

from typing import Any

import yaml

from rag.errors import ConfigError
from rag.settings import Settings


def parse_assignments(items: list[str]) -> dict[str, Any]:
    """['llm.model=x', 'retrieval.k=6'] -> {'llm': {'model': 'x'}, 'retrieval': {'k': 6}} (YAML-typed values)."""
    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"'{item}' is not a setting; write KEY=VALUE, e.g. llm.model=smollm2 or retrieval.k=6.")
        node = out
        parts = key.strip().split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        try:
            node[parts[-1]] = yaml.safe_load(value) if value.strip() else ""
        except yaml.YAMLError:
            node[parts[-1]] = value
    return out


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        out[key] = merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def settings_from(assignments: dict[str, Any]) -> Settings:
    """Settings with parsed `--set` values over the environment and the defaults; a bad one is a
    `ConfigError` that says which."""
    try:
        return Settings(**assignments)
    except Exception as e:
        raise ConfigError(f"Invalid --set value: {e}") from e
