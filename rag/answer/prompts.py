"""Load versioned prompt files from `prompts/` and render them with strict variables."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
import yaml
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from rag.errors import ConfigError

_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False)


@dataclass(frozen=True)
class PromptTemplate:
    """A system + user prompt pair, with the variables it needs declared up front."""

    version: str
    system: str
    user: str
    variables: tuple[str, ...]
    abstain: str | None = None
    examples: tuple[tuple[str, str], ...] = ()  # (user, assistant) turns shown first

    def render(self, **values: Any) -> list[BaseMessage]:
        missing = set(self.variables) - values.keys()
        if missing:
            raise ConfigError(f"Prompt {self.version} needs values for: {', '.join(sorted(missing))}")
        values = {"abstain": self.abstain, **values}

        def fill(template: str) -> str:
            return _ENV.from_string(template).render(**values).strip()

        messages: list[BaseMessage] = [SystemMessage(fill(self.system))]
        for user, assistant in self.examples:
            messages += [HumanMessage(fill(user)), AIMessage(fill(assistant))]
        messages.append(HumanMessage(fill(self.user)))
        return messages


def _used_variables(template: str) -> set[str]:
    return jinja2.meta.find_undeclared_variables(_ENV.parse(template))


def load_prompt(name: str, prompts_dir: Path) -> PromptTemplate:
    """Load `prompts_dir/name.yaml` (or a direct path) and check its variables against its text.

    A prompt that uses a variable it does not declare, or declares one it never uses, is
    rejected at load time rather than failing (or silently ignoring context) mid-answer.
    """
    path = Path(name)
    if path.suffix not in (".yaml", ".yml"):
        path = prompts_dir / f"{name}.yaml"
    if not path.is_file():
        available = sorted(p.stem for p in prompts_dir.glob("*.yaml"))
        raise ConfigError(f"Prompt file {path} not found. Available prompts: {', '.join(available)}")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        system, user = str(data["system"]), str(data["user"])
        declared = tuple(data.get("variables", ()))
        examples = tuple((str(e["user"]), str(e["assistant"])) for e in data.get("examples") or ())
    except (yaml.YAMLError, KeyError, TypeError) as e:
        raise ConfigError(f"Prompt file {path} is malformed (needs 'system' and 'user'): {e}") from e
    texts = (system, user, *(t for pair in examples for t in pair))
    all_used = set().union(*(_used_variables(t) for t in texts))
    used = all_used - {"abstain"}
    if used != set(declared):
        raise ConfigError(
            f"Prompt file {path} declares variables {sorted(declared)} but its text uses "
            f"{sorted(used)}; make them match."
        )
    if "abstain" in all_used and not data.get("abstain"):
        raise ConfigError(f"Prompt file {path} uses {{{{ abstain }}}} but defines no 'abstain' phrase.")
    return PromptTemplate(
        version=str(data.get("version", path.stem)),
        system=system,
        user=user,
        variables=declared,
        abstain=data.get("abstain"),
        examples=examples,
    )
