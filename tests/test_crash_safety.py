"""Crash safety: ingestion killed with SIGKILL at random points, and two ingestions at once.

Each ingestion runs in its own process (`tests/crash_ingest.py`) on an embedded Chroma folder,
the way `rag ingest` and the UI do. After every kill the index must open, a rerun must finish,
and the result must equal a clean ingest of the same files (made here, in memory, by the same
code): same articles and content hashes, same chunk ids, no duplicates, no orphans.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import chromadb
import pytest
from filelock import FileLock

from rag import Assistant, Settings
from rag.store.consistency import verify
from tests.conftest import PROJECT
from tests.consistency import assert_consistent
from tests.crash_ingest import summary
from tests.fakes import HashingEmbeddings

WORDS = [
    "ceasefire",
    "talks",
    "delegation",
    "Kyiv",
    "Moscow",
    "Istanbul",
    "prisoners",
    "exchange",
    "grain",
    "corridor",
    "sanctions",
    "oblast",
    "envoy",
    "summit",
    "drone",
    "shelling",
    "frontline",
    "negotiators",
    "memorandum",
    "monitoring",
]
KILLS = 10
SEED = 20250607


def write_corpus(folder: Path, rng: random.Random, articles: int = 24) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(articles):
        n = rng.choice([3, 8, 15, 45])  # 45 sentences: more chunks than one batch, streamed
        sentences = [
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 18))).capitalize() + f" {i}-{j}." for j in range(n)
        ]
        (folder / f"a{i:03d}.txt").write_text(f"Article {i}\n\n" + " ".join(sentences), encoding="utf-8")


def clean_ingest(corpus: Path, client: chromadb.api.ClientAPI) -> dict[str, Any]:
    """The reference: the same settings and code, into a fresh in-memory collection (its
    keyword index in a folder beside the corpus)."""
    settings = Settings(
        store={"path": corpus.parent / "ref-index", "collection": f"ref{uuid.uuid4().hex[:10]}"},
        chunking={"max_tokens": 40, "overlap_tokens": 8},
        ingest_batch_size=8,
    )
    assistant = Assistant(settings, embeddings=HashingEmbeddings(), client=client)
    assert assistant.ingest(corpus).ok
    return json.loads(json.dumps(summary(assistant)))  # as the subprocess reports it


def start(
    index: Path, corpus: Path, lock_timeout: float = 5.0, go: Path | None = None, hold: Path | None = None
) -> subprocess.Popen[str]:
    """`rag ingest` in a process of its own (with hashing embeddings)."""
    args = [str(index), str(corpus), "--lock-timeout", str(lock_timeout)]
    args += [*(["--go", str(go)] if go else []), *(["--hold", str(hold)] if hold else [])]
    return subprocess.Popen(
        [sys.executable, "-m", "tests.crash_ingest", *args],
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(proc: subprocess.Popen[str], prefix: str) -> str:
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(prefix):
            return line
    raise AssertionError(f"no '{prefix}' line; stderr: {proc.stderr.read()[-2000:] if proc.stderr else ''}")


def parse(out: str) -> dict[str, Any]:
    pairs = (line.split(" ", 1) for line in out.splitlines() if line.startswith(("opened ", "done ", "error ")))
    return {key: json.loads(value) for key, value in pairs}


def finish(proc: subprocess.Popen[str]) -> tuple[dict[str, Any], dict[str, Any]]:
    """(check when opened, result when done) of a run left to complete."""
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-3000:]
    lines = parse(out)
    return lines.get("opened", {}), lines["done"]  # "opened" may have been read by wait_for


class Forker:
    """Ingestion processes forked from one that has done the imports (tests/crash_ingest.py --serve)."""

    def __init__(self, workdir: Path) -> None:
        self.workdir, self.runs = workdir, 0
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.crash_ingest", "--serve"],
            cwd=PROJECT,
            env={**os.environ, "PYTHONPATH": str(PROJECT)},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def _ask(self, line: str) -> int:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        return int(self.proc.stdout.readline())

    def run(self, index: Path, corpus: Path, kill_after: float | None = None) -> tuple[int, str]:
        """(exit code, output) of one ingestion, SIGKILLed `kill_after` seconds after it opened the index."""
        self.runs += 1
        out = self.workdir / f"run{self.runs}.out"
        pid = self._ask(json.dumps({"index": str(index), "corpus": str(corpus), "out": str(out)}))
        if kill_after is not None:
            deadline = time.monotonic() + 120
            while not (out.exists() and "opened" in out.read_text()) and time.monotonic() < deadline:
                time.sleep(0.01)
            time.sleep(kill_after)
            os.kill(pid, signal.SIGKILL)
        code = self._ask(f"wait {pid}")
        return code, out.read_text()

    def close(self) -> None:
        if self.proc.stdin:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def same_as_clean(done: dict[str, Any], reference: dict[str, Any]) -> None:
    assert done["ok"], done
    assert done["fingerprint"] == reference["fingerprint"]  # same articles, hashes, chunk counts
    assert done["chunks"] == reference["chunks"] == done["distinct_chunk_ids"]
    assert done["chunk_ids_sha"] == reference["chunk_ids_sha"]
    # The keyword index on disk holds exactly the vector store's chunks, once each.
    assert done["keyword_chunks"] == done["chunks"] and done["keyword_ids_sha"] == done["chunk_ids_sha"]


@pytest.mark.slow
def test_ingestion_killed_at_random_points_leaves_a_consistent_index(tmp_path: Path, ephemeral_client):
    rng = random.Random(SEED)
    corpus, index = tmp_path / "corpus", tmp_path / "index"
    write_corpus(corpus, rng)
    forker = Forker(tmp_path)

    def rerun() -> tuple[dict[str, Any], dict[str, Any]]:
        code, out = forker.run(index, corpus)
        assert code == 0, out[-2000:]
        lines = parse(out)
        return lines.get("opened", {}), lines["done"]  # "opened" may have been read by wait_for

    try:
        # A full run first, to know how long one takes (the window the kills are drawn from).
        _, done = rerun()
        same_as_clean(done, clean_ingest(corpus, ephemeral_client))
        full_s = done["report"]["seconds"]
        kills: list[dict[str, Any]] = []
        attempts = 0
        while len(kills) < KILLS:
            attempts += 1
            assert attempts <= 3 * KILLS, f"only {len(kills)} kills landed mid-run"
            if len(kills) % 3 == 0:  # from an empty index
                shutil.rmtree(index)
                window = full_s
            else:  # over an existing index with a third of the articles changed
                for path in rng.sample(sorted(corpus.iterdir()), 8):
                    path.write_text(path.read_text(encoding="utf-8") + f" Update {attempts}.", encoding="utf-8")
                window = full_s / 3
            reference = clean_ingest(corpus, ephemeral_client)
            delay = rng.uniform(0.0, window)
            code, out = forker.run(index, corpus, kill_after=delay)
            landed = code == -signal.SIGKILL and "done " not in out
            # The rerun opens the index as the kill left it, completes, and equals a clean ingest.
            opened, done = rerun()
            same_as_clean(done, reference)
            if landed:
                kills.append(
                    {
                        "after_s": round(delay, 2),
                        "files_reached": out.count("progress "),
                        "orphans_left": len(opened["orphan_chunks"]),
                        "rerun_ingested": len(done["report"]["ingested"]),
                    }
                )
    finally:
        forker.close()
    print(f"\n{len(kills)} kills in {attempts} attempts (full run {full_s:.1f}s):", json.dumps(kills))
    assert len(kills) == KILLS
    # The kills really interrupted work: reruns had articles left to write.
    assert sum(k["rerun_ingested"] > 0 for k in kills) >= KILLS - 1


def test_repair_removes_chunks_whose_article_is_not_in_the_manifest(settings, ephemeral_client, corpus):
    from tests.conftest import make_assistant

    assistant = make_assistant(settings, ephemeral_client, ["unused"])
    assert assistant.ingest(corpus).ok
    before = assert_consistent(assistant.store)
    # What a kill between an article's chunks and its manifest record leaves behind.
    victim = sorted(before.fingerprint)[0]
    assistant.store.article_collection().delete(ids=[victim])
    check = verify(assistant.store)
    assert not check.ok and len(check.orphan_chunks) == before.fingerprint[victim][1]
    report = assistant.ingest(corpus)  # repairs first, then writes the article again
    assert report.ingested == [victim]
    after = assert_consistent(assistant.store)
    assert after.fingerprint == before.fingerprint and after.chunks == before.chunks


def test_keyword_ids_are_compared_with_the_vector_store(assistant, corpus):
    assistant.ingest(corpus)
    ids = assistant.store.all_chunk_ids()
    assert_consistent(assistant.store, keyword_ids=ids)
    with pytest.raises(AssertionError, match="keyword index"):
        assert_consistent(assistant.store, keyword_ids=ids[1:])


@pytest.mark.slow
def test_two_ingestions_at_once_wait_or_fail_clearly(tmp_path: Path, ephemeral_client):
    corpus, index, go, release = (tmp_path / name for name in ("corpus", "index", "go", "release"))
    write_corpus(corpus, random.Random(SEED))
    reference = clean_ingest(corpus, ephemeral_client)

    # A second ingestion that cannot wait long fails with a clear message; the first completes.
    # The first holds the lock after its first file until the second has given up: left to run,
    # it could finish inside the second's 0.5 s wait on a loaded machine (it did once in CI).
    second = start(index, corpus, lock_timeout=0.5, go=go)
    wait_for(second, "opened")
    first = start(index, corpus, hold=release)
    wait_for(first, "progress 1 ")  # it holds the lock, mid-write
    go.touch()
    out, err = second.communicate(timeout=120)
    release.touch()
    assert second.returncode == 2, out + err
    assert parse(out)["error"].startswith("Another ingestion is writing to") and "Traceback" not in err
    _, done = finish(first)
    assert len(done["report"]["ingested"]) == len(reference["fingerprint"])
    same_as_clean(done, reference)

    # Two that may wait, released at the same moment: one writes everything, the other then
    # finds it all written; the index equals one clean ingest.
    shutil.rmtree(index)
    go.unlink()
    both = [start(index, corpus, lock_timeout=300, go=go) for _ in range(2)]
    for proc in both:
        wait_for(proc, "opened")
    go.touch()
    results = [finish(proc)[1] for proc in both]
    for done in results:
        same_as_clean(done, reference)
    writes = sorted(len(d["report"]["ingested"]) for d in results)
    assert writes == [0, len(reference["fingerprint"])]


def test_ui_upload_during_another_ingestion_gets_a_clear_message(tmp_path: Path):
    from ui.app import ChatApp

    settings = Settings(
        store={"path": tmp_path / "index"}, ui={"upload_dir": tmp_path / "uploads"}, ingest={"lock_timeout_s": 0.2}
    )
    app = ChatApp(Assistant(settings, embeddings=HashingEmbeddings()))
    article = tmp_path / "grain.txt"
    article.write_text("Grain ships sailed from Odesa on Monday, the port authority said.", encoding="utf-8")
    (tmp_path / "index").mkdir()
    with FileLock(str(tmp_path / "index" / ".ingest.lock")):  # as `rag ingest` holds it
        note = app.upload([str(article)], progress=lambda *a, **k: None)[4]
    assert "Another ingestion is writing to" in note
    note = app.upload([str(article)], progress=lambda *a, **k: None)[4]
    assert "**1 added**" in note
    assert_consistent(app.assistant.store)


def test_processes_opening_a_new_index_at_once_all_succeed(tmp_path: Path):
    # Chroma runs its schema migrations when a folder is first opened; two processes doing it at
    # once used to fail one of them ("table collections already exists"), e.g. `rag ingest`
    # started beside `rag serve` on a fresh machine. Without the open lock most rounds failed.
    workers, rounds = 4, 4
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.open_race", str(tmp_path), str(rounds)],
            cwd=PROJECT,
            env={**os.environ, "PYTHONPATH": str(PROJECT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(workers)
    ]

    def line(proc: subprocess.Popen[str]) -> str:
        assert proc.stdout is not None
        got = proc.stdout.readline().strip()
        assert got, proc.stderr.read()[-2000:] if proc.stderr else ""
        return got

    assert [line(p) for p in procs] == ["ready"] * workers
    outcomes = []
    for r in range(rounds):
        (tmp_path / f"go-{r}").touch()  # all of them open index-r now
        outcomes += [line(p) for p in procs]
    for p in procs:
        p.communicate(timeout=60)
        assert p.returncode == 0
    assert outcomes == [f"ok {r}" for r in range(rounds) for _ in range(workers)], outcomes


def test_an_open_assistant_reads_what_another_process_ingested(tmp_path: Path, corpus: Path):
    """`rag ingest` beside a running `rag serve`: the server's handle on the folder goes stale, and
    Chroma failed every question that reached the new chunks with 'Error finding id'."""
    import subprocess
    import sys

    index = tmp_path / "index"
    settings = Settings(store={"path": str(index)}, chunking={"max_tokens": 40, "overlap_tokens": 8})
    first = tmp_path / "first"
    first.mkdir()
    (first / "a.txt").write_text((corpus / "002_1834c83e1b62964c.txt").read_text())
    open_one = Assistant(settings, embeddings=HashingEmbeddings())
    open_one.ingest(first)
    later = tmp_path / "later"
    later.mkdir()
    (later / "good.txt").write_text("Istanbul talks\n\nThe negotiators met in Istanbul on 16 May 2025 for talks.\n")
    done = subprocess.run(
        [sys.executable, "-m", "tests.crash_ingest", str(index), str(later)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    found = open_one.retriever.search("negotiators met in Istanbul", 5)
    assert any(p.article_id == "good" for p in found)
