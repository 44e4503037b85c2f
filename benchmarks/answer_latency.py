"""Answer latency with the bundled local LLM: time to first token and total, cold and warm.

    python benchmarks/answer_latency.py [--corpus corpus] [--runs 5]

Cold: a fresh `Assistant` (embedding model, LLM and index opened on first use) answering its
first question, in one process, so it includes every lazy load. Warm: the same assistant
answering the same typical question again `--runs` times (median and max reported). Both go
through `Assistant.stream`, the path the CLI and the UI use. The corpus is ingested into a
temporary index beforehand, outside the timings.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from rag import Answer, Assistant, Settings, Token

HERE = Path(__file__).resolve().parent
QUESTION = "Which oblasts not under Russian control did Putin demand?"


def timed(assistant: Assistant, question: str) -> tuple[float, float, Answer]:
    started = time.perf_counter()
    first: float | None = None
    answer: Answer | None = None
    for event in assistant.stream(question):
        if isinstance(event, Token) and first is None:
            first = time.perf_counter() - started
        elif isinstance(event, Answer):
            answer = event
    total = time.perf_counter() - started
    assert answer is not None
    return first if first is not None else total, total, answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=HERE.parent / "corpus")
    parser.add_argument("--question", default=QUESTION)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(store={"path": Path(tmp) / "index"})
        Assistant(settings).ingest(args.corpus)  # not timed; this process now has the model files cached by the OS

        cold = Assistant(settings)
        ttft, total, _ = timed(cold, args.question)
        print(f"question: {args.question}")
        print(f"model: {cold.model_name}; retrieval: {settings.retrieval.mode}; guard: {settings.answer.guard}")
        print(
            "cold (first question of a new Assistant, lazy loads included): "
            f"first token {ttft:.2f} s, total {total:.2f} s"
        )
        warm = [timed(cold, args.question) for _ in range(args.runs)]
        firsts, totals = [w[0] for w in warm], [w[1] for w in warm]
        t = warm[-1][2].timings
        print(
            f"warm ({args.runs} runs): first token median {statistics.median(firsts):.2f} s (max {max(firsts):.2f}), "
            f"total median {statistics.median(totals):.2f} s (max {max(totals):.2f})"
        )
        print(
            "warm breakdown (last run): "
            + ", ".join(f"{k} {v:.3f} s" for k, v in t.items())
            + f"; answer: {warm[-1][2].text[:120]!r}"
        )


if __name__ == "__main__":
    main()
