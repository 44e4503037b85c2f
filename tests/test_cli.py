"""The `rag` command, in-process, with the real embedding model and a scripted LLM reply."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rag.cli import app
from rag.errors import ConfigError

EUROMAIDAN = "001_fe26a455a43feec8"
ANSWER = "Russian President Vladimir Putin has demanded that Ukraine cede Mykolaiv and Kharkiv oblasts [1]."


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RAG_STORE__PATH", str(tmp_path / "index"))
    monkeypatch.setenv("RAG_LLM__PROVIDER", "fake")
    monkeypatch.setenv("RAG_LLM__FAKE_RESPONSES", json.dumps([ANSWER]))
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_ingest_ask_sources_remove_stats(env: Path, corpus: Path):
    code, out = run("ingest", str(corpus), "--json")
    assert code == 0, out
    assert len(json.loads(out)["ingested"]) == 5
    code, out = run("ingest", str(corpus))
    assert code == 0 and "0 ingested, 5 unchanged" in out

    code, out = run("ask", "Which oblasts not under Russian control did Putin demand?", "--json", "-k", "3")
    assert code == 0, out
    answer = json.loads(out)
    assert answer["text"] == ANSWER  # checked by the answer guard and kept
    assert answer["sentences"][0]["verdict"] == "supported" and answer["faithfulness"] == 1.0
    assert answer["citations"][0]["article_id"] == EUROMAIDAN
    assert answer["citations"][0]["outlet"] == "Euromaidan Press"
    assert len(answer["passages"]) <= 3

    code, out = run("ask", "Which oblasts did Putin demand?")
    assert code == 0 and "[1] ISW: Russia resists territorial compromises" in out
    # The evidence streamed first is labelled as being checked, not as the answer: an abstention may follow.
    assert "Checking the closest evidence:" in out and "Evidence found" not in out
    code, out = run("ask", "Who is China's foreign minister?")
    assert code == 0 and "don't" in out and "Checking the closest evidence:" not in out  # no answer-like preview

    code, out = run("sources", "--json")
    assert {a["id"] for a in json.loads(out)} >= {EUROMAIDAN}
    code, out = run("remove", EUROMAIDAN)
    assert code == 0 and "Removed" in out
    code, out = run("remove", EUROMAIDAN)
    assert code == 2 and "No article" in out  # an error, as README says (explore9 L2)
    code, out = run("stats", "--json")
    assert json.loads(out)["articles"] == 4


def test_ingest_exit_status_is_non_zero_only_on_failure(env: Path, corpus: Path):
    (corpus / "bad.json").write_text("{oops")
    code, out = run("ingest", str(corpus))
    assert code == 1
    assert "5 ingested" in out and "bad.json" in out and "malformed JSON" in out


def test_square_brackets_in_an_article_are_printed_as_written(env: Path, tmp_path: Path):
    folder = tmp_path / "mk"
    folder.mkdir()
    (folder / "mk.txt").write_text(
        "Grain deal [bold]signed[/bold] in Reykjavik [/red]\n\n"
        "The envoys met in Reykjavik [/red] on 5 April 2025 to sign a grain deal. "
        "The deal covers wheat [link] exports.\n"
    )
    assert run("ingest", str(folder))[0] == 0
    for args in (
        ("ask", "Where did the envoys meet to sign a grain deal?"),
        ("ask", "What do the wheat [link] exports cover?"),
        ("sources",),
        ("timeline", "grain deal"),
    ):
        code, out = run(*args)
        assert code == 0, out
        assert "[/red]" in out, out  # neither a markup error nor eaten as a tag
    assert "wheat [link] exports" in run("ask", "What do the wheat exports cover?")[1]


def test_errors_are_one_clear_line(env: Path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "rag.cli", "ask", "Anything?"], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 2
    assert "rag ingest" in result.stderr and "Traceback" not in result.stderr


def test_api_command_binds_what_the_settings_say_and_warns_when_open(env: Path, monkeypatch: pytest.MonkeyPatch):
    served: list[tuple[str, int]] = []

    def fake_run(app, host: str, port: int, on_ready=None) -> None:
        served.append((host, port))
        assert {r.path for r in app.routes} >= {"/v1/chat/completions", "/v1/models"}
        on_ready()

    monkeypatch.setattr("rag.api.run", fake_run)
    monkeypatch.setenv("RAG_API__PORT", "9123")
    code, out = run("api")
    assert code == 0, out
    assert served == [("127.0.0.1", 9123)]
    assert "http://127.0.0.1:9123/v1" in out and "no key" in out and "warning" not in out
    code, out = run("api", "--host", "0.0.0.0", "--port", "9000")
    assert served[-1] == ("0.0.0.0", 9000) and "set RAG_API__KEY" in out
    monkeypatch.setenv("RAG_API__KEY", "k")
    code, out = run("api", "--host", "0.0.0.0")
    assert "warning" not in out and "bearer key" in out


def test_a_port_out_of_range_is_refused(monkeypatch):
    """explore12 L1: `--port 99999` printed that port and listened on 34463 (99999 - 65536)."""
    result = CliRunner().invoke(app, ["api", "--port", "99999"])
    assert result.exit_code != 0 and "65535" in result.output
    monkeypatch.setenv("RAG_API__PORT", "0")
    from rag.settings import Settings

    with pytest.raises(ConfigError, match=r"api.port"):
        Settings()


def test_ask_takes_settings_for_one_run(env: Path, corpus: Path):
    assert run("ingest", str(corpus))[0] == 0
    question = "Which oblasts not under Russian control did Putin demand?"
    code, out = run("ask", question, "--json", "--set", "answer.mode=evidence")
    assert code == 0, out
    answer = json.loads(out)
    assert answer["text"] != ANSWER and all(s["quoted"] for s in answer["sentences"])  # no model call
    # A bad setting is a ConfigError, which `rag` prints as one line and exits 2 (test_errors_are_one_clear_line).
    bad = CliRunner().invoke(app, ["ask", question, "--set", "answer.mode=sometimes"])
    assert isinstance(bad.exception, ConfigError) and "Invalid --set value" in str(bad.exception)
    bad = CliRunner().invoke(app, ["ask", question, "--set", "answer.mode"])
    assert isinstance(bad.exception, ConfigError) and "KEY=VALUE" in str(bad.exception)


def test_an_opinion_piece_says_so_in_the_sources_list(env: Path, tmp_path: Path):
    folder = tmp_path / "col"
    folder.mkdir()
    (folder / "col.md").write_text(
        "---\ntitle: One voice\noutlet: The Observer\nsection: Opinion\n---\nThe toll was cut to nine.\n"
    )
    (folder / "news.md").write_text("---\ntitle: Toll cut\noutlet: Coastline Wire\n---\nThe toll was cut to nine.\n")
    assert run("ingest", str(folder))[0] == 0
    code, out = run("sources")
    assert code == 0 and "The Observer, opinion" in out and "Coastline Wire, " not in out
