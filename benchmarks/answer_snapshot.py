"""Ask every labelled question the project holds and keep what each answer displayed, to see what a change moved.

    PYTHONPATH=. python benchmarks/answer_snapshot.py --out /tmp/after.json
    PYTHONPATH=. python benchmarks/answer_snapshot.py --diff /tmp/before.json /tmp/after.json
    PYTHONPATH=. python benchmarks/answer_snapshot.py --corpus ../corpus_x --questions my.tsv --out x.json

By default the questions are every question file over the bundled corpus: the answerability sets
(`evals/answerability/*.yaml`) and the hand-read rounds (`evals/handread/**/questions.{yaml,tsv}`, except
rounds over corpora of their own, which a `make_corpora.py` beside them builds or a `corpus/` folder beside
the questions holds: give those with --corpus),
asked with the default settings over a fresh index of `corpus/` (or `--index`, an index already built).
Each answer's displayed text, abstention, disagreement notes and "as of" are written to `--out`;
`--diff` lists the questions whose displayed answer differs between two such files, with both texts,
and counts answers and abstentions on each side. Run it before and after a change, in two worktrees,
and read every changed answer.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from rag import Assistant, Settings
from rag.runtime import go_offline
from rag.settings import PROJECT_ROOT
from rag.types import Turn


def question_files() -> list[Path]:
    """Every question file over the bundled corpus, in a stable order."""
    evals = PROJECT_ROOT / "evals"
    files = sorted((evals / "answerability").glob("*.yaml"))
    files += sorted((evals / "handread").rglob("questions.yaml")) + sorted((evals / "handread").rglob("questions.tsv"))
    # Rounds asked over corpora of their own (built by a make_corpora.py beside them, or kept in a corpus/
    # folder beside the questions) are not about corpus/.
    own = [f for f in files if (f.parent / "corpus").is_dir()]
    return [f for f in files if f not in own and not any((d / "make_corpora.py").exists() for d in f.parents)]


def read_questions(path: Path) -> list[str]:
    """The question texts of one YAML (`questions: [{question: ...}]`) or TSV file: a `question` column, or
    with no header (the early rounds) the third column."""
    if path.suffix != ".tsv":
        return [q["question"] for q in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]]
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    column = rows[0].index("question") if rows and "question" in rows[0] else 2
    # Ids are numbers ("7") or numbered ("q07"); timeline queries ("T1") are not questions.
    return [row[column] for row in rows if len(row) > column and re.fullmatch(r"q?\d+", row[0]) and row[column]]


def turns(question: str) -> list[str]:
    """A hand-read follow-up ("[follow-up] T1: ... || T2: ...") as its turns; any other question as itself."""
    if not question.startswith("[follow-up]"):
        return [question]
    return [re.sub(r"^\s*T\d+:\s*", "", part) for part in question.removeprefix("[follow-up]").split("||")]


def shown(assistant: Assistant, question: str) -> dict[str, Any]:
    """What one question displays (its last turn, asked with the earlier turns as the chat's history): the
    text, whether it abstained, the notes and the "as of"."""
    history: list[Turn] = []
    for turn in turns(question):
        answer = assistant.ask(turn.strip(), history)
        history += [{"role": "user", "content": turn.strip()}, {"role": "assistant", "content": answer.text}]
    return {
        "text": answer.text,
        "abstained": answer.abstained,
        "notes": [d.note for d in answer.conflicts],
        "as_of": answer.as_of,
    }


def snapshot(args: argparse.Namespace) -> None:
    go_offline()
    files = args.questions or question_files()
    questions = list(dict.fromkeys(q for path in files for q in read_questions(path)))
    with tempfile.TemporaryDirectory() as tmp:
        index = args.index or Path(tmp) / "index"
        assistant = Assistant(Settings(store={"path": index}))  # type: ignore[arg-type]
        if not args.index:
            assistant.ingest(args.corpus)
        answers = {q: shown(assistant, q) for q in questions}
    args.out.write_text(json.dumps(answers, indent=1, ensure_ascii=False), encoding="utf-8")
    abstained = sum(a["abstained"] for a in answers.values())
    print(
        f"{len(answers)} questions from {len(files)} files: {len(answers) - abstained} answered, {abstained} abstained"
    )


def shown_text(answer: dict[str, Any]) -> str:
    """The answer as a reader sees it: the text, then each disagreement note on its own line."""
    return "\n  ".join([answer["text"], *answer["notes"]])


def diff(before_path: Path, after_path: Path) -> None:
    before = json.loads(before_path.read_text(encoding="utf-8"))
    after = json.loads(after_path.read_text(encoding="utf-8"))
    changed = [q for q in before if q in after and shown_text(before[q]) != shown_text(after[q])]
    for q in changed:
        print(f"## {q}\n- before: {shown_text(before[q])}\n- after:  {shown_text(after[q])}\n")
    for name, answers in (("before", before), ("after", after)):
        abstained = sum(a["abstained"] for a in answers.values())
        notes = sum(bool(a["notes"]) for a in answers.values())
        print(f"{name}: {len(answers) - abstained} answered, {abstained} abstained, {notes} with a disagreement note")
    print(f"{len(changed)} of {len(before)} answers differ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, help="where to write the snapshot (JSON)")
    parser.add_argument("--corpus", type=Path, default=PROJECT_ROOT / "corpus", help="the articles to index")
    parser.add_argument("--index", type=Path, help="an index already built over --corpus (skips the ingest)")
    parser.add_argument("--questions", type=Path, nargs="+", help="question files (default: every set over corpus/)")
    parser.add_argument("--diff", type=Path, nargs=2, metavar=("BEFORE", "AFTER"), help="compare two snapshots")
    args = parser.parse_args()
    if args.diff:
        diff(*args.diff)
    elif args.out:
        snapshot(args)
    else:
        sys.exit("give --out to take a snapshot, or --diff BEFORE AFTER")


if __name__ == "__main__":
    main()
