"""Time of `EvidenceSelector.select` for k retrieved passages, with the real embedding model.

    python benchmarks/evidence_latency.py [--corpus corpus] [--k 4] [--runs 3]

The corpus is ingested into a temporary index and every question of
evals/answerability/questions.yaml retrieved once, outside the timings. Models are loaded
first (warm). "new sentences": a fresh selector per call, so every candidate sentence is
embedded (a question over passages not seen before); "cached": the same selector again, the
sentence vectors of earlier calls reused (the question is still embedded); and, as the floor
in the same run, the model embedding those sentences and the question alone. p50/p95 in ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from rag import Assistant, Settings
from rag.evidence import EvidenceSelector

ROOT = Path(__file__).resolve().parent.parent


def percentiles(ms: list[float]) -> str:
    ms = sorted(ms)
    return f"p50 {statistics.median(ms):.0f} ms, p95 {ms[int(0.95 * (len(ms) - 1))]:.0f} ms, max {ms[-1]:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--questions", type=Path, default=ROOT / "evals" / "answerability" / "questions.yaml")
    parser.add_argument("--k", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    questions = [q["question"] for q in yaml.safe_load(args.questions.read_text())["questions"]]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(store={"path": Path(tmp) / "index"})  # type: ignore[arg-type]
        assistant = Assistant(settings)
        assistant.ingest(args.corpus)
        retrieved = [(q, assistant.retriever.search(q, k=args.k)) for q in questions]
        EvidenceSelector(assistant.embeddings, settings.evidence).select(*retrieved[0])  # load the model
        fresh, cached, embed_only, candidates = [], [], [], []
        shared = EvidenceSelector(assistant.embeddings, settings.evidence)
        for _ in range(args.runs):
            for question, passages in retrieved:
                selector = EvidenceSelector(assistant.embeddings, settings.evidence)
                started = time.perf_counter()
                selector.select(question, passages)
                fresh.append(1000 * (time.perf_counter() - started))
                candidates.append(len(selector._vectors))
                # The floor in the same run: embedding the same sentences and the question, nothing else.
                texts = list(selector._vectors)
                started = time.perf_counter()
                assistant.embeddings.embed_documents(texts)
                assistant.embeddings.embed_query(question)
                embed_only.append(1000 * (time.perf_counter() - started))
                shared.select(question, passages)
                started = time.perf_counter()
                shared.select(question, passages)
                cached.append(1000 * (time.perf_counter() - started))
    print(
        f"{len(questions)} questions x {args.runs} runs, k={args.k}, "
        f"mean {statistics.mean(candidates):.1f} sentences embedded per call"
    )
    print(f"select(), new sentences: {percentiles(fresh)}")
    print(f"select(), cached sentences: {percentiles(cached)}")
    print(f"embedding the same sentences and question only: {percentiles(embed_only)}")
    print(f"load average during the run: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
