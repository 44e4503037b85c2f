"""False positives of the injection finder (rag/store/injection.py) on real news, and its catches.

    python benchmarks/injection_spans.py ../shared/datasets

Runs `instruction_spans` over every BBC News article and every distinct RealTime QA evidence
passage (ordinary reporting: every span found there is a false positive, printed), and over
the hostile articles in evals/corpora/injection (each should have a span).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from retrieval_quality import load as load_realtimeqa

from rag.store.injection import instruction_spans

ROOT = Path(__file__).resolve().parent.parent


def report(name: str, texts: list[str]) -> int:
    flagged = 0
    for text in texts:
        spans = instruction_spans(text)
        flagged += bool(spans)
        for start, end in spans:
            print(f"  {name}: {text[start:end][:160]!r}")
    print(f"{name}: {flagged} of {len(texts)} texts with a span")
    return flagged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("datasets", type=Path, help="the folder holding bbc_news/ and realtimeqa/")
    args = parser.parse_args()
    with (args.datasets / "bbc_news" / "bbc_news.jsonl").open(encoding="utf-8") as f:
        bbc = [f"{r['title']}\n\n{r['body']}" for r in map(json.loads, f)]
    passages, _ = load_realtimeqa(args.datasets / "realtimeqa")
    hostile = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "evals" / "corpora" / "injection").iterdir())]
    report("BBC News articles (false positives)", bbc)
    report("RealTime QA passages (false positives)", passages)
    report("hostile articles (catches)", hostile)


if __name__ == "__main__":
    main()
