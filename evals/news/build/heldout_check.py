"""Checks a new held-out split of evals/news/suite.yaml without ever running or importing the detector.

    PYTHONPATH=. python evals/news/build/heldout_check.py heldout7 BBC_DATASET REALTIMEQA_DATASET

The detector's modules (rag.news.conflicts, pair_model, sameness, stance) are replaced by stubs that raise
when called, so that loading articles the way benchmarks/news_eval.py does (`load_articles`, `sentence_with`)
cannot run them. For every case of the split it checks that:
- each article loads, and is none of: an article of another split, of the recency or timeline cases or of
  evals/corpora/news/; a copy of one (BBC: same title or same opening; RealTimeQA: same evidence opening);
  a BBC article sampled as a synthetic source by scripts/make_pair_synthetic.py (seed 16, 300 articles)
  at the commits where the pair models were fitted (the sample is re-drawn from the suite of that commit);
- each `find` occurs exactly once in its article and picks a sentence, which equals no sentence of
  another split's items, and the two items are not one sentence;
and prints both sentences of each case, to be read against its label and note.
"""

from __future__ import annotations

import html
import json
import random
import re
import subprocess
import sys
import types
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[3]
DETECTOR = ("rag.news.conflicts", "rag.news.pair_model", "rag.news.sameness", "rag.news.stance")
# The files whose history marks a pair-model fit (the synthetic sample depends on the suite at that time).
FITS = ("rag/news/pair_model.v1.json", "rag/news/pair_model.v2.json", "scripts/make_pair_synthetic.py")


class _Stub(types.ModuleType):
    """A detector module that is never loaded: any function taken from it raises when called."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)

        def refuse(*args: Any, **kwargs: Any) -> Any:
            raise RuntimeError(f"{self.__name__} is stubbed: the detector must not run on a held-out split")

        return refuse


for _name in DETECTOR:
    sys.modules[_name] = _Stub(_name)
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
import news_eval  # noqa: E402  (after the stubs, on purpose)

from rag.news.text import unwrap  # noqa: E402


def _suite_at(ref: str) -> dict[str, Any] | None:
    out = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{ref}:evals/news/suite.yaml"], capture_output=True, text=True
    )
    return yaml.safe_load(out.stdout) if out.returncode == 0 else None


def _opening(text: str) -> str:
    return re.sub(r"\s+", " ", text)[:120].lower()


def _synthetic_sources(records: list[dict[str, Any]]) -> set[str]:
    """The BBC articles make_pair_synthetic.py sampled for each committed pair-model fit."""
    log = subprocess.run(
        ["git", "-C", str(ROOT), "log", "--format=%h", "--", *FITS], capture_output=True, text=True
    ).stdout.split()
    out: set[str] = set()
    for ref in log + [f"{c}^" for c in log]:
        suite = _suite_at(ref)
        if suite is None:
            continue
        used = {
            it["article"].removeprefix("bbc:")
            for case in suite["disagreements"]
            for it in case["items"]
            if it["article"].startswith("bbc:")
        }
        titles = {r["title"] for r in records if r["id"] in used}
        pool = [r for r in records if r["id"] not in used and r["title"] not in titles]
        out |= {"bbc:" + r["id"] for r in random.Random(16).sample(pool, min(300, len(pool)))}
    return out


def _excluded(suite: dict[str, Any], split: str, bbc: Path, rtqa: Path) -> set[str]:
    used = {it["article"] for c in suite["disagreements"] if c["split"] != split for it in c["items"]}
    used |= {a for c in suite.get("recency", []) for a in c["relevant"]}
    used |= {a for c in suite.get("timelines", []) for a in c["articles"]}
    corpus = ROOT / "evals/corpora/news/articles.jsonl"
    bodies = [json.loads(line) for line in corpus.read_text().splitlines()]
    used |= {r["id"] for r in bodies}
    used = {"rtqa:" + u.removeprefix("rtqa-") if u.startswith("rtqa-") else u for u in used}
    path = bbc / "bbc_news.jsonl" if bbc.is_dir() else bbc
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    titles = {r["title"] for r in records if "bbc:" + r["id"] in used}
    openings = {_opening(r["body"]) for r in records if "bbc:" + r["id"] in used}
    out = set(used)
    out |= {"bbc:" + r["id"] for r in records if r["title"] in titles or _opening(r["body"]) in openings}
    evidence: dict[str, str] = {}
    for p in sorted(rtqa.glob("*/*.jsonl")):
        for line in p.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            key = "rtqa:" + r["question_id"]
            if r.get("evidence") and key not in evidence:
                evidence[key] = html.unescape(re.sub(r"<[^>]+>", "", r["evidence"])).strip()
    rtqa_openings = {_opening(evidence[k]) for k in used if k in evidence} | {_opening(r["body"]) for r in bodies}
    out |= {k for k, t in evidence.items() if _opening(t) in rtqa_openings}
    return out | _synthetic_sources(records)


def main() -> None:
    split, bbc, rtqa = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    suite = yaml.safe_load((ROOT / "evals/news/suite.yaml").read_text())
    articles = news_eval.load_articles(bbc, rtqa)
    excluded = _excluded(suite, split, bbc, rtqa)
    mine = [c for c in suite["disagreements"] if c["split"] == split]
    old = {
        news_eval.sentence_with(articles[it["article"]], it["find"]).strip()
        for c in suite["disagreements"]
        if c["split"] != split
        for it in c["items"]
        if it["article"] in articles
    }
    problems: list[str] = []
    kinds: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    for case in mine:
        kinds[case["gold"][0][2] if case["gold"] else "none"] += 1
        sources[case["items"][0]["article"].split(":")[0]] += 1
        print(f"== {case['id']} gold={case['gold']}")
        picked = []
        for it in case["items"]:
            a = it["article"]
            if a not in articles:
                problems.append(f"{case['id']}: {a} does not load")
                continue
            if a in excluded:
                problems.append(f"{case['id']}: {a} is used elsewhere, a copy, or a synthetic source")
            if unwrap(articles[a].text).count(it["find"]) != 1:
                problems.append(f"{case['id']}: '{it['find']}' is not in {a} exactly once")
            sentence = news_eval.sentence_with(articles[a], it["find"]).strip()
            if sentence in old:
                problems.append(f"{case['id']}: a sentence of another split")
            picked.append((a, sentence))
            print(f"  [{a} {articles[a].published or ''}] {sentence}")
        if len(picked) == 2 and picked[0] == picked[1]:
            problems.append(f"{case['id']}: both items are one sentence")
    print(f"{split}: {len(mine)} cases, {dict(kinds)}, {dict(sources)}")
    print("\n".join(problems) or "no problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
