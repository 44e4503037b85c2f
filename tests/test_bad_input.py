"""A fuzz corpus of 30 kinds of bad or awkward files (tests/badfiles.py), ingested in one go:
every good file is ingested, every bad one is named with a reason, nothing crashes, and
memory stays bounded (peak RSS measured in a subprocess)."""

from __future__ import annotations

import json
import os
import pathlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from rag.types import IngestReport
from tests.badfiles import Kind, make_fuzz_corpus
from tests.conftest import PROJECT, make_assistant
from tests.consistency import assert_consistent


@pytest.fixture(scope="module")
def fuzz(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Kind]]:
    folder = tmp_path_factory.mktemp("fuzz") / "corpus"
    return folder, make_fuzz_corpus(folder)


def simulate_unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root in CI, and root reads a chmod 000 file anyway. Make reads of such a
    file fail the way they do for any other user (the reader's handling is what is tested)."""
    if os.geteuid() != 0:
        return  # the real permission check applies
    real = pathlib.Path.read_bytes

    def read_bytes(self: pathlib.Path) -> bytes:
        if self.stat().st_mode & 0o777 == 0:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)


def outcome(kind: Kind, folder: Path, report: IngestReport) -> tuple[str, str]:
    """What happened to one kind: ("good"|"bad"|"duplicate"|"missing", reason)."""
    stem = Path(kind.file.split(" record ")[0].split(":")[0]).with_suffix("").as_posix()
    full = str(folder / kind.file)
    for source, reason in report.failed:
        if source == full:
            return "bad", reason
    if any(a == stem for a, _ in report.duplicates):
        return "duplicate", ""
    if any(i == stem or i.startswith(stem + "#") for i in report.ingested) and " record " not in kind.file:
        return "good", ""
    return "missing", ""


def test_every_good_file_is_ingested_and_every_bad_one_named(fuzz, settings, ephemeral_client, monkeypatch):
    folder, kinds = fuzz
    simulate_unreadable(monkeypatch)
    assistant = make_assistant(settings, ephemeral_client, ["unused"])
    # An unsupported type inside a folder is passed over; named explicitly, it is reported.
    report = assistant.ingest(folder, folder / "notes.docx")

    results = {k.name: outcome(k, folder, report) for k in kinds}
    assert len(kinds) >= 20
    for kind in kinds:
        got, reason = results[kind.name]
        assert got == kind.outcome, f"{kind.name}: expected {kind.outcome}, got {got} {reason}"
        if kind.outcome == "bad":
            assert re.search(kind.reason, reason), f"{kind.name}: reason {reason!r}"
            assert "Traceback" not in reason
    # Nothing unexpected: each failure is one of the planned bad kinds.
    planned = {str(folder / k.file) for k in kinds if k.outcome == "bad"}
    assert {s for s, _ in report.failed} == planned
    # Awkward but good files keep sane metadata.
    infos = {a.id: a for a in assistant.sources()}
    assert len(infos["long_title"].title) <= 300
    assert infos["bad_date"].published is None and infos["far_date"].published is None
    assert infos["bad_date"].title == "Odd date"
    assert "Стамбулі" in (assistant.article("ukrainian").text or "")
    assert_consistent(assistant.store)


MEMORY_SCRIPT = """
import json, resource, sys
import chromadb
from rag import Assistant, Settings
from tests.fakes import HashingEmbeddings
settings = Settings(store={"path": sys.argv[2]})
assistant = Assistant(settings, embeddings=HashingEmbeddings(), client=chromadb.PersistentClient(path=sys.argv[2]))
assistant.ingest(sys.argv[1] + "/good.txt")  # imports and the store warmed up
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
report = assistant.ingest(sys.argv[1])
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"before_mb": before / 1024, "after_mb": after / 1024, "failed": len(report.failed)}))
"""


def test_memory_stays_bounded_on_the_fuzz_corpus(fuzz, tmp_path):
    """Without the size limits this corpus peaked at ~850 MB (the 100 MB file read whole, a
    10 MB line chunked); with them, ingesting it adds little over the warmed-up process."""
    folder, _ = fuzz
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_SCRIPT, str(folder), str(tmp_path / "index")],
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["failed"] >= 15
    assert figures["after_mb"] - figures["before_mb"] < 200, figures
