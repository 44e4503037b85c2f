"""Answer the hand-read questions with the shipped defaults and write every answer for reading.

    python scripts/handread.py [evals/handread/questions.yaml] [--out evals/handread/answers.jsonl]
    python scripts/handread.py --summary   # counts from answers.jsonl and the hand labels (labels.jsonl)

Defaults throughout (answer.mode=compose, the bundled SmolLM2, the answer guard on); only the store goes
to a temporary folder. One JSON line per question: the displayed text, each displayed sentence with its
verdict and the exact text it cites (the evidence span, else the passage), abstained, fallback, the raw
model output and the seconds the question took. Labels are added by hand afterwards (labels.jsonl).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from rag import Answer, Assistant, Settings
from rag.ingest.chunk import token_counter

ROOT = Path(__file__).resolve().parent.parent


def cited_texts(answer: Answer, numbers: tuple[int, ...]) -> list[dict[str, Any]]:
    """What each `[n]` of a sentence points at: the evidence span when there is one, else the passage."""
    by_number = {c.number: c for c in answer.citations}
    out = []
    for n in numbers:
        c = by_number.get(n)
        if c is None:
            out.append({"number": n, "missing": True})
            continue
        span = c.evidence.text if c.evidence is not None else None
        out.append(
            {
                "number": n,
                "article_id": c.passage.article_id,
                "kind": "evidence" if span is not None else "passage",
                "text": span if span is not None else c.passage.text,
            }
        )
    return out


def record(case: dict[str, Any], answer: Answer, seconds: float) -> dict[str, Any]:
    return {
        "id": case["id"],
        "question": case["question"],
        "expected": case.get("expected"),
        "text": answer.text,
        "sentences": [
            {
                "text": s.text,
                "verdict": s.verdict,
                "quoted": s.quoted,
                "inferred": s.inferred,
                "score": s.score,
                "relevance": s.relevance,
                "cited": cited_texts(answer, s.citations),
            }
            for s in answer.sentences
        ],
        "abstained": answer.abstained,
        "fallback": answer.fallback,
        "unsupported": answer.unsupported,
        "raw_output": answer.raw_output,
        "mode": answer.mode,
        # why it abstained or what it quoted: the evidence selection's verdict and best spans
        "evidence": None
        if answer.evidence is None
        else {
            "answerable": answer.evidence.answerable,
            "missing": answer.evidence.missing,
            "best_score": round(float(answer.evidence.best_score), 3),
            "items": [{"text": e.text, "score": round(float(e.score), 3)} for e in answer.evidence.items[:3]],
        },
        "seconds": round(seconds, 2),
    }


def summarize(answers_path: Path, labels_path: Path) -> None:
    """Print the counts the hand labels give: false displayed sentences, facts held, abstentions, length."""
    answers = {r["id"]: r for r in map(json.loads, answers_path.read_text(encoding="utf-8").splitlines())}
    labels = list(map(json.loads, labels_path.read_text(encoding="utf-8").splitlines()))
    shown = [s for lab in labels for s in lab.get("sentences", [])]
    false = [
        (lab["id"], s["verdict"]) for lab in labels for s in lab.get("sentences", []) if s["true_to_cited"] != "yes"
    ]
    answerable = [lab for lab in labels if lab["answerable"]]
    unanswerable = [lab for lab in labels if not lab["answerable"]]
    by_verdict: dict[str, list[int]] = {}
    for s in shown:
        by_verdict.setdefault(s["verdict"], [0, 0])[0] += 1
        by_verdict[s["verdict"]][1] += s["true_to_cited"] != "yes"
    print(f"displayed sentences: {len(shown)} in {sum(not lab['abstained'] for lab in labels)} answers")
    print(f"not true to their cited span: {len(false)} {false}")
    print("by verdict (shown, not true): " + ", ".join(f"{v} {n}/{bad}" for v, (n, bad) in sorted(by_verdict.items())))
    held = [lab["id"] for lab in answerable if lab.get("fact")]
    print(f"answerable questions: {len(answerable)}; answer holds the expected fact: {len(held)} {held}")
    clean = [
        i
        for i in held
        if all(s["true_to_cited"] == "yes" for s in next(x for x in labels if x["id"] == i)["sentences"])
    ]
    print(f"  ... and every displayed sentence true to its citation: {len(clean)}")
    wrong_refusals = [lab["id"] for lab in answerable if lab["abstained"]]
    print(f"  wrongly refused: {len(wrong_refusals)} {wrong_refusals}")
    answered_wrong = [lab["id"] for lab in answerable if not lab["abstained"] and not lab.get("fact")]
    print(f"  answered without the fact: {len(answered_wrong)} {answered_wrong}")
    correct = [lab["id"] for lab in unanswerable if lab["abstained"]]
    print(
        f"unanswerable: {len(unanswerable)}; correct abstentions {len(correct)} {correct}; answered anyway "
        f"{[lab['id'] for lab in unanswerable if not lab['abstained']]}"
    )
    false_msgs = [lab["id"] for lab in labels if lab["abstained"] and lab.get("message_true") == "no"]
    print(f"abstention messages that are false about the corpus: {len(false_msgs)} {false_msgs}")
    count = token_counter(Settings().chunking.encoding)
    texts = [answers[lab["id"]] for lab in labels if not lab["abstained"]]
    n_sent = [len(a["sentences"]) for a in texts]
    n_tok = [count(" ".join(s["text"] for s in a["sentences"])) for a in texts]
    n_words = [len(" ".join(s["text"] for s in a["sentences"]).split()) for a in texts]
    print(
        f"non-abstained answers: mean {sum(n_sent) / len(texts):.2f} sentences, {sum(n_tok) / len(texts):.1f} "
        f"tokens ({sum(n_words) / len(texts):.1f} words), max {max(n_tok)} tokens"
    )
    secs = [a["seconds"] for a in answers.values()]
    print(f"seconds per question: mean {sum(secs) / len(secs):.1f}, max {max(secs):.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("questions", nargs="?", type=Path, default=ROOT / "evals/handread/questions.yaml")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--out", type=Path, default=ROOT / "evals/handread/answers.jsonl")
    parser.add_argument("--summary", action="store_true", help="Count the hand labels instead of asking.")
    parser.add_argument("--labels", type=Path, default=ROOT / "evals/handread/labels.jsonl")
    args = parser.parse_args()
    if args.summary:
        try:
            summarize(args.out, args.labels)
        except (OSError, ValueError, KeyError) as e:
            sys.exit(f"error: cannot summarize {args.out} with {args.labels}: {e}")
        return
    try:
        cases = yaml.safe_load(args.questions.read_text(encoding="utf-8"))["questions"]
    except (OSError, yaml.YAMLError, KeyError, TypeError) as e:
        sys.exit(f"error: cannot read questions from {args.questions}: {e}")

    with tempfile.TemporaryDirectory() as tmp:
        assistant = Assistant(Settings(store={"path": Path(tmp) / "index"}))
        report = assistant.ingest(args.corpus)
        print(f"ingested {len(report.ingested)} articles, {report.chunks_written} chunks", flush=True)
        with args.out.open("w", encoding="utf-8") as f:
            for case in cases:
                started = time.perf_counter()
                answer = assistant.ask(case["question"])
                row = record(case, answer, time.perf_counter() - started)
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
                f.flush()
                print(
                    f"{case['id']} {row['seconds']:.1f}s abstained={answer.abstained} {answer.text[:150]!r}", flush=True
                )


if __name__ == "__main__":
    main()
