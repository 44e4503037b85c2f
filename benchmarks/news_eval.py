"""News suite (issue 16): date resolution, disagreement, recency and timeline figures.

    PYTHONPATH=. .venv/bin/python benchmarks/news_eval.py
        [--split report|dev|test|final|heldout2|heldout3|heldout4|heldout5|heldout6|heldout7|heldout8|heldout9|all]
        [--bbc DATASET] [--realtimeqa DATASET] [--no-recency] [--rules-only] [--json]

- date_resolution_accuracy: evals/news/relative_dates.jsonl (hand-labelled); a phrase is right
  when the resolver gives exactly the labelled day or period, or nothing where the label is
  "not resolvable"; split tune/report as labelled.
- conflict_recall / conflict_precision: evals/news/suite.yaml `disagreements`; a detected pair
  counts when its items are a labelled pair and its kind (conflict/change) matches.
- recency_at_1: the top passage after `rank_recent` comes from a newest relevant article
  (real retrieval: all-MiniLM-L6-v2 + BM25 over corpus/ and evals/corpora/news/, k=8); the
  baseline is the retriever's own order.
- timeline_order: Kendall tau between the timeline's order and the hand-made one, over the
  hand events found (tau-b, ties allowed); timeline_coverage: share of hand events found.
No LLM is used anywhere.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.ingest.readers import read_file  # noqa: E402
from rag.news.conflicts import detect_conflicts  # noqa: E402
from rag.news.dates import resolve_dates  # noqa: E402
from rag.news.recency import rank_recent, wants_latest  # noqa: E402
from rag.news.text import sentences, unwrap  # noqa: E402
from rag.news.timeline import build_timeline  # noqa: E402
from rag.types import Article, Passage  # noqa: E402

SUITE = ROOT / "evals/news/suite.yaml"
DATES = ROOT / "evals/news/relative_dates.jsonl"


@dataclass(frozen=True)
class Item:
    """An evidence sentence: the shape of issue 14's Evidence that detect_conflicts reads."""

    text: str
    passage: Passage


def load_realtimeqa(folder: Path) -> dict[str, Article]:
    """RealTimeQA evidence passages read from the dataset (`folder`/YYYY/*.jsonl), keyed
    rtqa:<question_id>: the evidence with its HTML removed, published on the question date (the
    only date RealTimeQA gives), outlet the quiz's source."""
    out: dict[str, Article] = {}
    for path in sorted(folder.glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            key = f"rtqa:{r['question_id']}"
            if not r.get("evidence") or key in out:
                continue
            text = html.unescape(re.sub(r"<[^>]+>", "", r["evidence"])).strip()
            title = text if len(text) <= 70 else text[:70].rsplit(" ", 1)[0] + "…"
            source = str(r["question_source"])
            outlet = source if len(source) <= 4 else source.title()
            published = str(r["question_date"]).replace("/", "-")
            out[key] = Article(key, text, title, str(path), outlet, published, r.get("question_url"))
    return out


def load_articles(bbc: Path | None = None, realtimeqa: Path | None = None) -> dict[str, Article]:
    """Articles keyed by short id: the corpus file name, the record id (rtqa-...), bbc:<id>
    for the BBC News dataset read from `bbc`, rtqa:<question_id> for RealTimeQA evidence read
    from `realtimeqa` (datasets are read at run time, never copied into the repository)."""
    out: dict[str, Article] = load_realtimeqa(realtimeqa) if realtimeqa is not None else {}
    if bbc is not None:
        path = bbc / "bbc_news.jsonl" if bbc.is_dir() else bbc
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            out[f"bbc:{r['id']}"] = Article(f"bbc:{r['id']}", r["body"], r["title"], str(path), "BBC News")
    sources = [ROOT / "corpus", ROOT / "evals/corpora/news/articles.jsonl"]
    for source in sources:
        files = sorted(p for p in source.iterdir() if p.suffix == ".txt") if source.is_dir() else [source]
        for path in files:
            for a in read_file(path, source if source.is_dir() else source.parent):
                if isinstance(a, Article):
                    out[a.id.split("#")[-1]] = a
    return out


def as_passage(a: Article, score: float = 1.0) -> Passage:
    return Passage(a.id, a.id, a.text, a.title, 0, len(a.text), score, a.outlet, a.published, a.url)


def sentence_with(a: Article, snippet: str) -> str:
    text = unwrap(a.text)
    at = text.find(snippet)
    if at < 0:
        raise SystemExit(f"suite: '{snippet}' is not in {a.id}")
    for s, e in sentences(a.text):
        if s <= at < e:
            return text[s:e]
    raise SystemExit(f"suite: no sentence around '{snippet}' in {a.id}")


def dates_eval(split: str) -> dict[str, Any]:
    rows = [json.loads(line) for line in DATES.read_text().splitlines()]
    rows = [r for r in rows if split == "all" or r["split"] == ("tune" if split == "dev" else split)]
    right, wrong = 0, []
    for r in rows:
        got = [d for d in resolve_dates(r["text"], r["published"]) if d.start < r["end"] and r["start"] < d.end]
        pred = (got[0].date_from.isoformat(), got[0].date_to.isoformat()) if got else None
        gold = (r["gold_from"], r["gold_to"]) if r["gold_from"] else None
        if pred == gold:
            right += 1
        else:
            wrong.append({"id": r["id"], "phrase": r["phrase"], "gold": gold, "got": pred})
    return {"date_resolution_accuracy": right / len(rows) if rows else None, "n": len(rows), "errors": wrong}


def disagreement_eval(
    suite: dict[str, Any], articles: dict[str, Article], split: str, use_model: bool = True
) -> dict[str, Any]:
    tp = fp = fn = 0
    rows: list[dict[str, Any]] = []
    skipped: list[str] = []
    for case in suite["disagreements"]:
        if split != "all" and case["split"] != split:
            continue
        if any(it["article"] not in articles for it in case["items"]):
            skipped.append(case["id"])
            continue
        items = []
        for it in case["items"]:
            a = articles[it["article"]]
            items.append(Item(sentence_with(a, it["find"]), as_passage(a)))
        gold = {(frozenset((i, j)), kind) for i, j, kind in case["gold"]}
        found = detect_conflicts(items, use_model=use_model)
        # A contradiction citing one item for both sides is never shown (rag/answer/news.py drops
        # it: a note must point at two different sentences), so it counts neither way.
        shown = [c for c in found if c.items[0] != c.items[1]]
        predicted = {(frozenset(c.items), c.kind) for c in shown}
        hits = set()
        for pair, kind in predicted:
            match = (pair, kind) if (pair, kind) in gold else None
            if match is None:
                fp += 1
            else:
                hits.add(match)
        tp += len(hits)
        fn += len(gold - hits)
        rows.append({"id": case["id"], "gold": case["gold"], "found": [[*c.items, c.kind, c.about] for c in found]})
    return {
        "conflict_recall": tp / (tp + fn) if tp + fn else None,
        "conflict_precision": tp / (tp + fp) if tp + fp else None,
        "true_positive": tp,
        "false_positive": fp,
        "false_negative": fn,
        "skipped": skipped,
        "cases": rows,
    }


def kendall_tau(order: list[float], truth: list[float]) -> float:
    """Tau-b between two rankings of the same items (ties allowed)."""
    concordant = discordant = ties_a = ties_b = 0
    n = len(order)
    for i in range(n):
        for j in range(i + 1, n):
            a = (order[i] > order[j]) - (order[i] < order[j])
            b = (truth[i] > truth[j]) - (truth[i] < truth[j])
            if a == 0 and b == 0:
                continue
            if a == 0:
                ties_a += 1
            elif b == 0:
                ties_b += 1
            elif a == b:
                concordant += 1
            else:
                discordant += 1
    denominator = ((concordant + discordant + ties_a) * (concordant + discordant + ties_b)) ** 0.5
    return (concordant - discordant) / denominator if denominator else 1.0


def timeline_eval(suite: dict[str, Any], articles: dict[str, Article], split: str) -> dict[str, Any]:
    taus, coverage, rows = [], [], []
    for case in suite["timelines"]:
        if split != "all" and case["split"] != split:
            continue
        events = build_timeline([as_passage(articles[a]) for a in case["articles"]])
        positions, truth = [], []
        for rank, hand in enumerate(case["events"]):
            ids = hand["article"] if isinstance(hand["article"], list) else [hand["article"]]
            day = date.fromisoformat(str(hand["date"]))
            for n, ev in enumerate(events):
                mine = {s.passage.article_id.split("#")[-1] for s in ev.sources}
                if set(ids) & mine and ev.date_from <= day <= ev.date_to and hand.get("match", "") in ev.text:
                    positions.append(n)
                    truth.append(rank)
                    break
        tau = kendall_tau([float(p) for p in positions], [float(t) for t in truth]) if len(positions) > 1 else None
        if tau is not None:
            taus.append(tau)
        coverage.append(len(positions) / len(case["events"]))
        rows.append({"id": case["id"], "tau": tau, "found": len(positions), "events": len(case["events"])})
    return {
        "timeline_order": sum(taus) / len(taus) if taus else None,
        "timeline_coverage": sum(coverage) / len(coverage) if coverage else None,
        "cases": rows,
    }


def recency_eval(suite: dict[str, Any], articles: dict[str, Article], split: str) -> dict[str, Any]:
    from rag.assistant import Assistant
    from rag.settings import Settings

    cases = [c for c in suite["recency"] if split == "all" or c["split"] == split]
    if not cases:
        return {"recency_at_1": None, "baseline_recency_at_1": None, "detected_latest": None, "cases": []}
    with tempfile.TemporaryDirectory() as tmp:
        assistant = Assistant(Settings(store={"path": Path(tmp) / "index"}))
        assistant.ingest(ROOT / "corpus", ROOT / "evals/corpora/news/articles.jsonl")
        base = ranked = detected = 0
        rows = []
        for case in cases:
            passages = assistant.retriever.search(case["question"], 8)
            short = {p.article_id: p.article_id.split("#")[-1] for p in passages}
            relevant = {a: articles[a].published or "" for a in case["relevant"]}
            latest = max(relevant.values())
            newest = {a for a, d in relevant.items() if d == latest}
            after = rank_recent(passages)
            base += short[passages[0].article_id] in newest
            ranked += short[after[0].article_id] in newest
            detected += wants_latest(case["question"])
            rows.append(
                {
                    "id": case["id"],
                    "baseline_top": short[passages[0].article_id],
                    "recency_top": short[after[0].article_id],
                    "newest": sorted(newest),
                }
            )
    n = len(cases)
    return {
        "recency_at_1": ranked / n if n else None,
        "baseline_recency_at_1": base / n if n else None,
        "detected_latest": detected / n if n else None,
        "cases": rows,
    }


def _f(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    splits = ["report", "dev", "test", "final", *(f"heldout{n}" for n in range(2, 10)), "all"]
    parser.add_argument("--split", choices=splits, default="report")
    parser.add_argument("--bbc", type=Path, help="the BBC News dataset (folder or bbc_news.jsonl) for the bbc: cases")
    parser.add_argument("--realtimeqa", type=Path, help="the RealTimeQA dataset folder for the rtqa: cases")
    parser.add_argument("--no-recency", action="store_true", help="skip the retrieval part (loads the embedding model)")
    parser.add_argument(
        "--rules-only", action="store_true", help="disagreements by the rules alone, without the pair model"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    suite = yaml.safe_load(SUITE.read_text())
    articles = load_articles(args.bbc, args.realtimeqa)
    report: dict[str, Any] = {"split": args.split}
    report["dates"] = dates_eval(args.split)
    report["disagreements"] = disagreement_eval(suite, articles, args.split, not args.rules_only)
    report["timelines"] = timeline_eval(suite, articles, args.split)
    if not args.no_recency:
        report["recency"] = recency_eval(suite, articles, args.split)
    if args.json:
        print(json.dumps(report, indent=2, default=str))
        return
    d, c, t = report["dates"], report["disagreements"], report["timelines"]
    print(f"split: {args.split} (dates: {'tune' if args.split == 'dev' else args.split} half)")
    if c["skipped"]:
        print(f"skipped (pass --bbc PATH / --realtimeqa PATH): {', '.join(c['skipped'])}")
    print(f"date_resolution_accuracy {_f(d['date_resolution_accuracy'])}  (n={d['n']})")
    for e in d["errors"]:
        print(f"   wrong: {e}")
    print(
        f"conflict_recall {_f(c['conflict_recall'])}  conflict_precision {_f(c['conflict_precision'])}  "
        f"(tp {c['true_positive']}, fp {c['false_positive']}, fn {c['false_negative']})"
    )
    for row in c["cases"]:
        if sorted(map(str, row["gold"])) != sorted(str([a, b, k]) for a, b, k, _ in row["found"]):
            print(f"   {row['id']}: gold {row['gold']} found {row['found']}")
    print(f"timeline_order {_f(t['timeline_order'])}  timeline_coverage {_f(t['timeline_coverage'])}")
    for row in t["cases"]:
        print(f"   {row}")
    if "recency" in report:
        r = report["recency"]
        print(
            f"recency_at_1 {_f(r['recency_at_1'])}  baseline (retrieval order) {_f(r['baseline_recency_at_1'])}  "
            f"latest-question detection {_f(r['detected_latest'])}"
        )
        for row in r["cases"]:
            print(f"   {row}")


if __name__ == "__main__":
    main()
