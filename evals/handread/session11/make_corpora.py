"""Rebuild the corpora of the eleventh session's hand-reads from the shared datasets (never copied
into the repository: BBC articles are for research use, RealTimeQA for evaluation).

    python evals/handread/session11/make_corpora.py ../shared/datasets OUT_DIR

- OUT_DIR/corpus_bbc/ (round 10): 36 BBC News articles, 12 each of politics, business and tech with
  250-600 words, seeded sample, one .txt each, first line the title, no outlet or date.
- OUT_DIR/corpus_rt/rt_ukraine_2022_2023.jsonl (round 11): the 30 distinct RealTimeQA evidence passages
  of 25 words or more that mention Ukraine, Russia, Putin or Zelensky, dated before 2023-09-08 (the
  earlier, training half of the question dates), with title (first nine words), outlet (the quiz's
  source), date (the question date) and url (the first link in the evidence).
- OUT_DIR/corpus_r12/ (round 12): 24 other BBC articles (8 each of entertainment, sport and business,
  none of round 10's) and 30 of the earlier-half passages on US politics (Biden, Trump, Congress,
  inflation, the Federal Reserve, the Supreme Court; not Ukraine or Russia), seeded samples.
- OUT_DIR/corpus_r13/ (round 13): 24 more BBC articles (tech, politics, entertainment; none of rounds 10
  and 12) and 30 earlier-half passages on weather, climate, space and sport (not Ukraine, Russia, Biden
  or Trump), seeded samples.
"""

from __future__ import annotations

import html
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CUTOFF = "2023-09-08"  # the first question date of the held-out half (benchmarks/retrieval_quality.py)


def bbc_articles(datasets: Path, out: Path, per_category: dict[str, int], seed: int, skip: set[str]) -> None:
    random.seed(seed)
    rows = [json.loads(line) for line in (datasets / "bbc_news" / "bbc_news.jsonl").open(encoding="utf-8")]
    out.mkdir(parents=True, exist_ok=True)
    for category, n in per_category.items():
        pool = [
            a for a in rows if a["category"] == category and 250 < len(a["body"].split()) < 600 and a["id"] not in skip
        ]
        for a in random.sample(pool, n):
            (out / f"{a['id'].replace('/', '_')}.txt").write_text(f"{a['title']}\n\n{a['body']}", encoding="utf-8")


def passages(datasets: Path, years: str, about: str, not_about: str | None = None) -> list[dict[str, Any]]:
    """Distinct evidence passages of 25 words or more matching `about`, dated before `CUTOFF`."""
    seen: set[str] = set()
    records = []
    for path in sorted((datasets / "realtimeqa").glob(f"{years}/*.jsonl")):
        for line in path.open(encoding="utf-8"):
            r = json.loads(line)
            evidence = r.get("evidence") or ""
            if not re.search(about, evidence) or (not_about and re.search(not_about, evidence)):
                continue
            link = re.search(r'href="([^"]+)"', evidence)
            text = html.unescape(re.sub(r"<[^>]+>", "", evidence)).strip()
            if len(text.split()) < 25 or text in seen:
                continue
            seen.add(text)
            published = r["question_date"].replace("/", "-")
            if published >= CUTOFF:
                continue
            records.append(
                {
                    "title": " ".join(text.split()[:9]).rstrip(",.;:") + " …",
                    "body": text,
                    "outlet": r["question_source"],
                    "date": published,
                    "url": link.group(1) if link else r["question_url"],
                }
            )
    return records


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in records)


def mixed(datasets: Path, out: Path, categories: tuple[str, ...], seed: int, taken: set[str], topic: Topic) -> None:
    """8 BBC articles of each category (none of `taken`) and 30 earlier-half passages on `topic`: a
    seeded sample, shuffled by the same random stream as when the corpus was made."""
    bbc_articles(datasets, out, dict.fromkeys(categories, 8), seed, taken)
    found = passages(datasets, "202[23]", topic.about, topic.not_about)
    random.shuffle(found)
    write_jsonl(out / topic.file, sorted(found[:30], key=lambda r: r["date"]))


@dataclass(frozen=True)
class Topic:
    file: str
    about: str
    not_about: str


def main() -> None:
    datasets, out = Path(sys.argv[1]), Path(sys.argv[2])
    bbc_articles(datasets, out / "corpus_bbc", {"politics": 12, "business": 12, "tech": 12}, 11, set())
    ukraine = passages(datasets, "202[234]", r"Ukrain|Russia|Putin|Zelensky")
    write_jsonl(out / "corpus_rt" / "rt_ukraine_2022_2023.jsonl", ukraine)
    taken = {f.stem.replace("_", "/", 1) for f in (out / "corpus_bbc").iterdir()}
    politics = Topic(
        "rt_us_politics_2022_2023.jsonl",
        r"Biden|Trump|Congress|inflation|Federal Reserve|Supreme Court",
        r"Ukrain|Russia|Putin|Zelensky",
    )
    mixed(datasets, out / "corpus_r12", ("entertainment", "sport", "business"), 12, taken, politics)
    taken |= {f.stem.replace("_", "/", 1) for f in (out / "corpus_r12").iterdir() if f.suffix == ".txt"}
    world = Topic(
        "rt_world_2022_2023.jsonl",
        r"climate|storm|hurricane|wildfire|NASA|World Cup|Olympic|earthquake|flood|heat",
        r"Ukrain|Russia|Putin|Zelensky|Biden|Trump",
    )
    mixed(datasets, out / "corpus_r13", ("tech", "politics", "entertainment"), 13, taken, world)


if __name__ == "__main__":
    main()
