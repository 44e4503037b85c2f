"""Load against the served app (benchmarks/load_test.py): many sessions at once, nothing crossed.

The full runs are the issue's figures: 20 users for two minutes with the echo model (the
server's own behaviour), and three users with the real bundled LLM.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_test() -> ModuleType:
    spec = importlib.util.spec_from_file_location("load_test", ROOT / "benchmarks" / "load_test.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["load_test"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_check_catches_another_sessions_history_or_answer():
    lt = load_test()
    chat = lt.Chat(client=None, base="", fn_index=0, trigger=0)
    chat.asked = ["Where did they meet?", "Who said it?"]
    own = [
        {"role": "user", "content": "Where did they meet?"},
        {"role": "assistant", "content": [{"type": "text", "text": "In Riyadh [1]."}]},
        {"role": "user", "content": "Who said it?"},
        {"role": "assistant", "content": [{"type": "text", "text": "Lavrov [1]."}]},
    ]
    assert lt.check(chat, own, "Lavrov [1].") is None
    # Another session's turn in this chat, or this question answered with another's answer.
    crossed = [*own[:2], {"role": "user", "content": "What did Kallas say?"}, own[3]]
    assert "chat holds" in lt.check(chat, crossed, "Lavrov [1].")
    assert "differs" in lt.check(chat, own, "In Riyadh [1].")
    # Escaped HTML in the chat is the same question.
    chat.asked = ["Is 2 < 3 & why?"]
    escaped = [{"role": "user", "content": "Is 2 &lt; 3 &amp; why?"}, {"role": "assistant", "content": "Yes [1]."}]
    assert lt.check(chat, escaped, "Yes [1].") is None


@pytest.mark.slow
@pytest.mark.integration  # the real embedding model serves the answers
def test_twenty_users_for_two_minutes_get_their_own_answers():
    lt = load_test()
    result = lt.run_load(lt.parse_args(["--users", "20", "--duration", "120"]))
    lt.report(result)
    assert result.errors == 0, result.problems
    assert result.misdelivered == 0, result.problems
    assert result.per_user_min >= 3  # every user was served throughout, not starved
    assert result.questions >= 100


@pytest.mark.slow
@pytest.mark.integration
def test_three_users_with_the_real_local_model():
    lt = load_test()
    result = lt.run_load(lt.parse_args(["--model", "local", "--users", "3", "--duration", "90", "--pool", "6"]))
    lt.report(result)
    assert result.errors == 0, result.problems
    assert result.misdelivered == 0, result.problems
    assert result.per_user_min >= 1


def test_the_api_check_catches_crossed_chunks_questions_and_answers():
    lt = load_test()
    alone = lt.Delivery("In Riyadh [1].", ("rag://article/a#0-9",), "Where?", frozenset({"c1"}), 0.1)
    assert lt.check_api("Where?", alone, alone) is None
    crossed_ids = lt.Delivery(alone.content, alone.citations, "Where?", frozenset({"c1", "c2"}), 0.1)
    assert "ids" in lt.check_api("Where?", crossed_ids, alone)
    assert "the answer is to" in lt.check_api("Who?", alone, alone)
    other_citation = lt.Delivery(alone.content, ("rag://article/b#0-9",), "Where?", frozenset({"c1"}), 0.1)
    assert "differs" in lt.check_api("Where?", other_citation, alone)


@pytest.mark.slow
def test_twenty_streaming_api_clients_for_two_minutes_get_their_own_answers():
    lt = load_test()
    result = lt.run_load(lt.parse_args(["--endpoint", "api", "--users", "20", "--duration", "120"]))
    lt.report(result)
    assert result.errors == 0, result.problems
    assert result.misdelivered == 0, result.problems
    assert result.per_user_min >= 3
