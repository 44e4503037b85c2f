"""`rag serve` takes its interface and port from the settings (RAG_UI__HOST, RAG_UI__PORT),
as `make run` does, unless --host/--port are given."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.ui.conftest import free_port

PROJECT = Path(__file__).resolve().parents[2]


def _serve(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.Popen:
    environment = {
        **os.environ,
        "RAG_STORE__PATH": str(tmp_path / "index"),
        "RAG_UI__UPLOAD_DIR": str(tmp_path / "uploads"),
        "RAG_LLM__PROVIDER": "fake",
        **env,
    }
    command = [sys.executable, "-c", "from rag.cli import main; main()", "serve", *args]
    return subprocess.Popen(command, cwd=tmp_path, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _wait_until_up(url: str, process: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"rag serve exited: {process.stdout.read().decode() if process.stdout else ''}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"nothing answered at {url}")


@pytest.mark.slow
def test_rag_serve_binds_the_host_and_port_from_the_settings(tmp_path: Path):
    port = free_port()
    process = _serve(tmp_path, {"RAG_UI__HOST": "127.0.0.2", "RAG_UI__PORT": str(port)})
    try:
        _wait_until_up(f"http://127.0.0.2:{port}/", process)
        with pytest.raises(httpx.ConnectError):  # bound to 127.0.0.2 alone
            httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.mark.slow
def test_command_line_options_win_over_the_settings(tmp_path: Path):
    port = free_port()
    process = _serve(
        tmp_path, {"RAG_UI__HOST": "127.0.0.2", "RAG_UI__PORT": "1"}, "--host", "127.0.0.3", "--port", str(port)
    )
    try:
        _wait_until_up(f"http://127.0.0.3:{port}/", process)
    finally:
        process.terminate()
        process.wait(timeout=30)
