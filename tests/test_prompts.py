from __future__ import annotations

from pathlib import Path

import pytest

from rag.answer.prompts import load_prompt
from rag.errors import ConfigError
from rag.settings import Settings

PROMPTS = Settings().answer.prompts_dir


def test_shipped_prompts_load_and_render():
    answer = load_prompt("answer.v1", PROMPTS)
    assert answer.version == "answer.v1"
    assert answer.abstain
    messages = answer.render(passages="[1] Title\nText", question="Who?")
    assert messages[0].type == "system" and answer.abstain in messages[0].content
    assert messages[-1].type == "human"
    assert "[1] Title\nText" in messages[-1].content and "Who?" in messages[-1].content
    # The worked examples sit between the system message and the real question.
    assert [m.type for m in messages[1:-1]] == ["human", "ai"] * len(answer.examples)
    condense = load_prompt("condense.v1", PROMPTS)
    assert "User: hi" in condense.render(history="User: hi", question="and then?")[-1].content


def test_missing_values_are_reported():
    with pytest.raises(ConfigError, match="question"):
        load_prompt("answer.v1", PROMPTS).render(passages="x")


def test_undeclared_variable_is_rejected_at_load(tmp_path: Path):
    (tmp_path / "bad.yaml").write_text("system: hi\nuser: '{{ question }} {{ passages }}'\nvariables: [question]\n")
    with pytest.raises(ConfigError, match="declares variables"):
        load_prompt("bad", tmp_path)


def test_abstain_used_but_not_defined_is_rejected(tmp_path: Path):
    (tmp_path / "bad.yaml").write_text("system: '{{ abstain }}'\nuser: '{{ question }}'\nvariables: [question]\n")
    with pytest.raises(ConfigError, match="abstain"):
        load_prompt("bad", tmp_path)


def test_unknown_prompt_lists_the_available_ones():
    with pytest.raises(ConfigError, match=r"answer\.v1"):
        load_prompt("answer.v99", PROMPTS)
