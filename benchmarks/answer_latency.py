"""Answer latency with the bundled models: time to the first event (the selected evidence) and to
the full answer, cold and warm, for each answer mode.

    python benchmarks/answer_latency.py [--corpus corpus] [--modes evidence compose] [--questions 12]

Cold: a fresh `Assistant` (embedding model, LLM and index opened on first use) answering its
first question, so it includes every lazy load. Warm: the same assistant answering the
questions of benchmarks/questions.yaml in turn (different questions, so no cache of a previous
identical question helps), p50 and p95 reported. Everything goes through `Assistant.stream`, the
path the CLI, the UI and the API use. The corpus is ingested into a temporary index beforehand,
outside the timings.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from rag import Answer, Assistant, Settings
from rag.types import EvidenceSet

HERE = Path(__file__).resolve().parent


def timed(assistant: Assistant, question: str) -> tuple[float, float, Answer]:
    """(seconds to the first event, seconds to the answer, the answer)."""
    started = time.perf_counter()
    first: float | None = None
    answer: Answer | None = None
    for event in assistant.stream(question):
        if first is None and isinstance(event, (EvidenceSet, Answer)):
            first = time.perf_counter() - started
        if isinstance(event, Answer):
            answer = event
    total = time.perf_counter() - started
    assert answer is not None
    return first if first is not None else total, total, answer


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=HERE.parent / "corpus")
    parser.add_argument("--modes", nargs="+", default=["evidence", "compose"])
    parser.add_argument("--questions", type=int, default=12, help="Warm questions per mode.")
    args = parser.parse_args()
    pool = [q["question"] for q in yaml.safe_load((HERE / "questions.yaml").read_text(encoding="utf-8"))]
    questions = (pool * (args.questions // len(pool) + 1))[: args.questions]

    with tempfile.TemporaryDirectory() as tmp:
        base = {"store": {"path": Path(tmp) / "index"}}
        Assistant(Settings(**base)).ingest(args.corpus)  # not timed
        for mode in args.modes:
            settings = Settings(**base, answer={"mode": mode})
            assistant = Assistant(settings)
            first, total, _ = timed(assistant, questions[0])
            print(f"[{mode}] model: {assistant.model_name}; cold first event {first:.2f} s, answer {total:.2f} s")
            runs = [timed(assistant, q) for q in questions]
            firsts, totals = [r[0] for r in runs], [r[1] for r in runs]
            print(
                f"[{mode}] warm ({len(runs)} questions): first event p50 {statistics.median(firsts):.3f} s, "
                f"p95 {percentile(firsts, 0.95):.3f} s; answer p50 {statistics.median(totals):.2f} s, "
                f"p95 {percentile(totals, 0.95):.2f} s"
            )
            parts = {k: statistics.median(r[2].timings.get(k, 0.0) for r in runs) for k in runs[-1][2].timings}
            print(f"[{mode}] warm p50 breakdown: " + ", ".join(f"{k} {v:.3f} s" for k, v in parts.items()))


if __name__ == "__main__":
    main()
