"""Answer or abstain on labelled questions over the bundled corpus, through the product (issue 14).

    PYTHONPATH=. python benchmarks/answerability_fresh.py [evals/answerability/fresh.yaml]

Indexes `corpus/` in a temporary folder with the default settings, runs each question through the
retriever and the evidence selector as `Assistant.ask` does, and reports answer_answerable,
abstain_unanswerable, and how many answered answerable questions show the labelled answer in the
first two evidence spans. Every question answered wrongly is printed with the span shown first.
No LLM is needed: with the bundled model the answer is the evidence.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

import yaml

from rag import Assistant, Settings
from rag.runtime import go_offline
from rag.settings import PROJECT_ROOT


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "questions", type=Path, nargs="?", default=PROJECT_ROOT / "evals" / "answerability" / "fresh.yaml"
    )
    args = parser.parse_args()
    go_offline()
    questions = yaml.safe_load(args.questions.read_text(encoding="utf-8"))["questions"]
    with tempfile.TemporaryDirectory() as tmp:
        assistant = Assistant(Settings(store={"path": Path(tmp) / "index"}))  # type: ignore[arg-type]
        assistant.ingest(PROJECT_ROOT / "corpus")
        k = assistant.settings.retrieval.k
        answerable, shown, unanswerable = [], [], []
        for q in questions:
            evidence = assistant.selector.select(q["question"], assistant.retriever.search(q["question"], k))
            if q.get("answer"):
                held = _norm(q["answer"]) in _norm(" ".join(e.text for e in evidence.items[:2]))
                answerable.append(evidence.answerable)
                shown.append(evidence.answerable and held)
            else:
                unanswerable.append(not evidence.answerable)
            if evidence.answerable and not (q.get("answer") and held):
                first = evidence.items[0].text if evidence.items else ""
                print(f"{q['id']} answered without the answer: {q['question']}\n    shows: {first[:160]}")
    print(
        f"{args.questions.name}: answer_answerable {sum(answerable) / len(answerable):.3f} ({len(answerable)}), "
        f"abstain_unanswerable {sum(unanswerable) / len(unanswerable):.3f} ({len(unanswerable)}), "
        f"answered with the answer shown {sum(shown)}/{len(answerable)}"
    )


if __name__ == "__main__":
    main()
