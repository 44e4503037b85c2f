"""Ask every hand-read set that has articles of its own, each over its own corpus, and keep what each answer displayed.

    PYTHONPATH=. python benchmarks/handread_snapshot.py --sessions 15-49 --bundled --index-dir /tmp/idx --out base.json
    PYTHONPATH=. python benchmarks/handread_snapshot.py --sessions 15-49 --shard 1/2 ...   # half the sets, for 2 cores
    PYTHONPATH=. python benchmarks/answer_snapshot.py --diff base.json after.json          # what a change moved

`answer_snapshot.py` asks the sets over the bundled corpus; the hand-read rounds since session 15 each come with a
`corpus/` folder and a `questions.tsv` beside it (`evals/handread/sessionN/NAME/`). This asks those questions, with the
default settings, over an index of each set's own corpus, built once into `--index-dir` (kept between runs: a
snapshot before a change and one after then read the same indexes). `--bundled` adds the questions over corpus/ that
`answer_snapshot.py` asks. Each answer is written under the key `sN/NAME/qNN` (the bundled ones under `bundled/` and
their text) with its displayed text, abstention, disagreement notes and "as of", so `answer_snapshot.py --diff` lists
the answers two snapshots differ on. A question that fails is kept as a failure, not skipped: a crash is a finding.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.answer_snapshot import question_files, read_questions, shown  # noqa: E402
from rag import Assistant, Settings  # noqa: E402
from rag.runtime import go_offline  # noqa: E402

HANDREAD = ROOT / "evals" / "handread"


def sets(first: int, last: int) -> list[tuple[str, Path]]:
    """(key, folder) of every hand-read set of sessions `first` to `last` with a corpus and questions of its own."""
    found = []
    for session in range(first, last + 1):
        for folder in sorted((HANDREAD / f"session{session}").glob("*/")):
            if (folder / "questions.tsv").exists() and (folder / "corpus").is_dir():
                found.append((f"s{session}/{folder.name}", folder))
    return found


def numbered_questions(folder: Path) -> list[tuple[str, str]]:
    """(id, question) of a set's questions.tsv. Its fields hold quotation marks of their own, so none is a quote."""
    with (folder / "questions.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [(row["id"], row["question"]) for row in rows if row.get("id") and row.get("question")]


def ask_all(assistant: Assistant, key: str, questions: list[tuple[str, str]]) -> dict[str, dict[str, Any]]:
    answers = {}
    for qid, question in questions:
        try:
            answers[f"{key}/{qid}"] = {**shown(assistant, question), "question": question}
        except Exception as error:  # a crash is recorded as the answer, and the run goes on
            failed = f"FAILED {type(error).__name__}: {error}"
            answers[f"{key}/{qid}"] = {"text": failed, "abstained": False, "notes": [], "as_of": None}
            answers[f"{key}/{qid}"]["question"] = question
    return answers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", default="15-49", help="first-last session (default 15-49)")
    parser.add_argument("--bundled", action="store_true", help="also the questions over the bundled corpus/")
    parser.add_argument("--index-dir", type=Path, required=True, help="where each set's index is built and kept")
    parser.add_argument("--shard", default="1/1", help="K/N: the K-th of N interleaved parts of the sets")
    parser.add_argument("--out", type=Path, required=True, help="where to write the snapshot (JSON)")
    args = parser.parse_args()
    first, last = (int(n) for n in args.sessions.split("-"))
    part, parts = (int(n) for n in args.shard.split("/"))
    go_offline()
    jobs: list[tuple[str, Path | None]] = [*sets(first, last)]
    if args.bundled:
        jobs.append(("bundled", None))
    answers: dict[str, dict[str, Any]] = {}
    for key, folder in jobs[part - 1 :: parts]:
        started = time.perf_counter()
        index = args.index_dir / key.replace("/", "_")
        fresh = not index.exists()
        assistant = Assistant(Settings(store={"path": index}))  # type: ignore[arg-type]
        if fresh:
            assistant.ingest(folder / "corpus" if folder else ROOT / "corpus")
        if folder is None:
            texts = dict.fromkeys(q for path in question_files() for q in read_questions(path))
            questions = [(text, text) for text in texts]
        else:
            questions = numbered_questions(folder)
        answers.update(ask_all(assistant, key, questions))
        print(f"{key}: {len(questions)} questions in {time.perf_counter() - started:.1f} s", flush=True)
    args.out.write_text(json.dumps(answers, indent=1, ensure_ascii=False), encoding="utf-8")
    abstained = sum(a["abstained"] for a in answers.values())
    print(f"{len(answers)} answers: {len(answers) - abstained} answered, {abstained} abstained")


if __name__ == "__main__":
    main()
