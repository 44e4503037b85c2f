"""What the shipped retriever's RealTimeQA held-out misses are, by reading (issue 18).

    python benchmarks/retrieval_misses.py ../shared/datasets/realtimeqa
    python benchmarks/retrieval_misses.py ../shared/datasets/realtimeqa --sample-out /tmp/misses.jsonl

Hits@1 in benchmarks/retrieval_quality.py counts a hit only when the first passage is the
question's own evidence passage. Many quiz weeks quote several articles about one event, so a
"miss" can be another passage that answers the question just as well. This script runs the shipped
retriever over the same corpus and held-out questions, draws a fixed sample (seed 18, 120) of the
held-out misses, and scores it against labels written by reading the question, its correct choice
and the first passage (`evals/retrieval/rt_misses_labels.jsonl`, README there):
`answers` / `same_event_no_answer` / `other_event_same_answer` / `wrong`.
It prints Hits@1 as the benchmark counts it and, beside it, Hits@1 counting a first passage that
answers the question (the sample's share of `answers`, with a 95% Wilson interval, scaled to all
misses). Labels are matched by question id; a changed retriever changes its misses, and the
coverage line says how many sampled misses have a label. `--sample-out` writes the sample with its
texts (outside the repository: the dataset's texts are not copied into it) for labelling.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from retrieval_quality import held_out_split, load

from rag import Assistant, Settings
from rag.runtime import go_offline

LABELS = Path(__file__).resolve().parent.parent / "evals" / "retrieval" / "rt_misses_labels.jsonl"
SEED, SAMPLE = 18, 120


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    centre, half = (k + z * z / 2) / (n + z * z), z * math.sqrt(k * (n - k) / n + z * z / 4) / (n + z * z)
    return centre - half, centre + half


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset", type=Path, help="the realtimeqa folder")
    parser.add_argument("--sample-out", type=Path, help="write the sampled misses with their texts here")
    args = parser.parse_args()
    go_offline()
    passages, rows = load(args.dataset)
    held = held_out_split(rows)[1]
    misses = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        (corpus / "passages.jsonl").write_text(
            "\n".join(json.dumps({"id": f"p{i}", "body": p}) for i, p in enumerate(passages)), encoding="utf-8"
        )
        assistant = Assistant(Settings(store={"path": Path(tmp) / "index"}, answer={"guard": False}))
        assistant.ingest(corpus)
        for row in held:
            top = int(assistant.retriever.search(row["question"], k=20)[0].article_id.rsplit("#p", 1)[1])
            if top != row["gold"]:
                misses.append(
                    {
                        "question_id": row["id"],
                        "question": row["question"],
                        "correct": row["correct"],
                        "gold_passage": passages[row["gold"]],
                        "top_passage": passages[top],
                    }
                )
    random.seed(SEED)
    sample = random.sample(misses, min(SAMPLE, len(misses)))
    if args.sample_out:
        args.sample_out.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in sample), encoding="utf-8")
    labels = {r["question_id"]: r["label"] for r in map(json.loads, LABELS.read_text(encoding="utf-8").splitlines())}
    counts = Counter(labels[m["question_id"]] for m in sample if m["question_id"] in labels)
    n, hits = len(held), len(held) - len(misses)
    labelled = sum(counts.values())
    print(f"held out {n} questions; Hits@1 as the benchmark counts it {hits / n:.3f} ({len(misses)} misses)")
    kinds = ", ".join(f"{k} {v}" for k, v in counts.most_common())
    print(f"sample of misses {len(sample)}, labelled {labelled}: {kinds}")
    if labelled:
        low, high = wilson(counts["answers"], labelled)
        share = counts["answers"] / labelled

        def scaled(s: float) -> float:
            return (hits + s * len(misses)) / n

        print(
            f"Hits@1 counting a first passage that answers the question: {scaled(share):.3f} "
            f"(95% interval {scaled(low):.3f}-{scaled(high):.3f})"
        )


if __name__ == "__main__":
    main()
