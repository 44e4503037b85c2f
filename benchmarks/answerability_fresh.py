"""Answer or abstain on labelled questions over the bundled corpus, through the product (issue 14).

    PYTHONPATH=. python benchmarks/answerability_fresh.py [evals/answerability/fresh.yaml]
    PYTHONPATH=. python benchmarks/answerability_fresh.py evals/answerability/questions.yaml --split heldout

Indexes `corpus/` in a temporary folder with the default settings and asks each question with
`Assistant.ask` in "evidence" mode (what the default `auto` mode does with the bundled model: the
answer is the evidence, quoted; no LLM runs). Reports answer_answerable, abstain_unanswerable, and how
many answered answerable questions show the labelled answer. Every question answered without its
answer is printed with what was shown.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import yaml

from rag import Assistant, Settings
from rag.evals.metrics import contains
from rag.runtime import go_offline
from rag.settings import PROJECT_ROOT


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "questions", type=Path, nargs="?", default=PROJECT_ROOT / "evals" / "answerability" / "fresh.yaml"
    )
    parser.add_argument("--split", help="only the questions of this split (questions.yaml: train or heldout)")
    args = parser.parse_args()
    go_offline()
    questions = yaml.safe_load(args.questions.read_text(encoding="utf-8"))["questions"]
    if args.split:
        questions = [q for q in questions if q.get("split") == args.split]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(store={"path": Path(tmp) / "index"}, answer={"mode": "evidence"})  # type: ignore[arg-type]
        assistant = Assistant(settings)
        assistant.ingest(PROJECT_ROOT / "corpus")
        answerable, shown, unanswerable = [], [], []
        for q in questions:
            answer = assistant.ask(q["question"])
            held = bool(q.get("answer")) and contains(answer.text, q["answer"])  # the eval harness's test
            if q.get("answer"):
                answerable.append(not answer.abstained)
                shown.append(not answer.abstained and held)
            else:
                unanswerable.append(answer.abstained)
            if not answer.abstained and not held:
                print(f"{q['id']} answered without the answer: {q['question']}\n    shows: {answer.text[:160]}")
    print(
        f"{args.questions.name}: answer_answerable {sum(answerable) / len(answerable):.3f} ({len(answerable)}), "
        f"abstain_unanswerable {sum(unanswerable) / len(unanswerable):.3f} ({len(unanswerable)}), "
        f"answered with the answer shown {sum(shown)}/{len(answerable)}"
    )


if __name__ == "__main__":
    main()
