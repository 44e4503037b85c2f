"""Ingest a folder into an embedded index in its own process, for the crash and lock tests.

    python -m tests.crash_ingest INDEX CORPUS [--lock-timeout S] [--go FILE] [--hold FILE]

Prints `opened <json>` (the index check before ingesting: the state a kill left), `progress N`
as files go by, then `done <json>` (the report and the check after). With `--go FILE` it waits
for FILE to exist before ingesting, so a test can line two processes up; with `--hold FILE` it
stops after its first file (holding the ingestion lock) until FILE exists. Hashing embeddings keep
it fast; everything else (Chroma folder, file lock, batching) is the shipped code path.

    python -m tests.crash_ingest --serve

imports once, then for each JSON line {"index", "corpus", "out"} on stdin forks a fresh child
that does the above with its output in "out", and prints the child's pid; "wait PID" prints its
exit status. Forking after the imports saves ~4 s of start-up per run for the kill test.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path

from rag import Assistant, Settings
from rag.errors import RagError
from rag.retrieval.hybrid import keyword_folder
from rag.store.consistency import verify
from rag.store.keyword import KeywordIndex
from tests.fakes import HashingEmbeddings


def _sha(ids: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(ids)).encode()).hexdigest()


def summary(assistant: Assistant) -> dict[str, object]:
    check = verify(assistant.store)
    ids = assistant.store.all_chunk_ids()
    # The BM25 index as a fresh process would read it from disk, not this process's copy.
    keyword = KeywordIndex(keyword_folder(assistant.settings.store, assistant.settings.retrieval))
    keyword.load()
    return {
        **check.to_dict(),
        "fingerprint": check.fingerprint,
        "chunk_ids_sha": _sha(ids),
        "distinct_chunk_ids": len(set(ids)),
        "keyword_ids_sha": _sha(keyword.rows.chunk_ids),
        "keyword_chunks": len(keyword),
    }


def _wait_for(path: str | None) -> None:
    while path and not Path(path).exists():
        time.sleep(0.02)


def ingest(index: str, corpus: str, lock_timeout: float = 5.0, go: str | None = None, hold: str | None = None) -> int:
    settings = Settings(
        store={"path": index},
        chunking={"max_tokens": 40, "overlap_tokens": 8},
        ingest={"lock_timeout_s": lock_timeout},
        ingest_batch_size=8,  # many small writes, so a kill lands between them
    )
    assistant = Assistant(settings, embeddings=HashingEmbeddings())
    print("opened", json.dumps(summary(assistant)), flush=True)
    _wait_for(go)

    def progress(done: int, total: int, name: str) -> None:
        print("progress", done, total, flush=True)
        if done == 1:  # progress is reported under the lock: a test can hold it here as long as it needs
            _wait_for(hold)

    try:
        report = assistant.ingest(corpus, on_progress=progress)
    except RagError as e:
        print("error", json.dumps(str(e)), flush=True)
        return 2
    print("done", json.dumps({"report": report.to_dict(), **summary(assistant)}), flush=True)
    return 0


def serve() -> int:
    for line in sys.stdin:
        if line.startswith("wait "):
            _, status = os.waitpid(int(line.split()[1]), 0)
            print(os.waitstatus_to_exitcode(status), flush=True)
            continue
        job = json.loads(line)
        pid = os.fork()
        if pid == 0:  # the child: its own Chroma client, output to the job's file
            with open(job["out"], "w", buffering=1) as out:
                os.dup2(out.fileno(), 1)
                sys.stdout = out
                code = ingest(job["index"], job["corpus"])
            os._exit(code)
        print(pid, flush=True)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("index", nargs="?")
    parser.add_argument("corpus", nargs="?")
    parser.add_argument("--lock-timeout", type=float, default=5.0)
    parser.add_argument("--go", help="wait for this file to exist before ingesting")
    parser.add_argument("--hold", help="after the first file, wait for this file to exist")
    parser.add_argument("--serve", action="store_true")
    args = parser.parse_args()
    if args.serve:
        return serve()
    return ingest(args.index, args.corpus, args.lock_timeout, args.go, args.hold)


if __name__ == "__main__":
    sys.exit(main())
