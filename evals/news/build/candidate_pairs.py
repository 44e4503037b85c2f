"""Candidate sentence pairs for the heldout2 disagreement cases (evals/news/README.md).

    python evals/news/build/candidate_pairs.py rtqa ../shared/datasets/realtimeqa > rtqa_pairs.txt
    python evals/news/build/candidate_pairs.py bbc ../shared/datasets/bbc_news > bbc_pairs.txt

Pairs of passages (RealTimeQA evidence) or sentences (BBC articles) that share rare capitalised
words and both state numbers, the numbers not all the same, near-duplicate sentences dropped.
No detector is involved: the lists were read by hand and the cases chosen and labelled by reading
(targeted keyword searches over the same data added a few more).
"""

from __future__ import annotations

import collections
import difflib
import html
import itertools
import json
import re
import sys
from pathlib import Path

_COMMON = set(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "Of",
        "To",
        "For",
        "From",
        "By",
        "With",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "We",
        "I",
        "You",
        "His",
        "Her",
        "Their",
        "According",
        "However",
        "Also",
        "As",
        "After",
        "Before",
        "While",
        "But",
        "And",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Former",
        "President",
        "Prime",
        "Minister",
        "Chief",
        "New",
        "US",
        "UK",
        "BBC",
        "CNN",
        "Image",
        "Getty",
        "Reuters",
        "AP",
        "Find",
        "Week",
        "Last",
        "Since",
        "If",
        "When",
        "There",
    ]
)
_MONTHS = set(
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]
)
_DAYS = set(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])


def _names(text: str) -> set[str]:
    return {w for w in re.findall(r"\b[A-Z][a-zA-Z'-]{2,}", text)} - _COMMON - _MONTHS - _DAYS


def _numbers(text: str) -> set[str]:
    return {n.replace(",", "") for n in re.findall(r"\d[\d,.]*\d|\d", text)}


def realtimeqa(folder: Path) -> list[tuple[str, str]]:
    rows: dict[str, tuple[str, str]] = {}
    for path in sorted(folder.glob("*/*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if r.get("evidence") and r["question_id"] not in rows:
                text = html.unescape(re.sub(r"<[^>]+>", "", r["evidence"])).strip()
                rows[r["question_id"]] = (f"rtqa:{r['question_id']} {r['question_date']} {r['question_source']}", text)
    return list(rows.values())


def bbc(folder: Path) -> list[tuple[str, str]]:
    out = []
    for line in (folder / "bbc_news.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        for sentence in re.split(r"(?<=[.!?])\s+", r["body"]):
            if re.search(r"\d", sentence) and len(sentence) < 400:
                out.append((f"bbc:{r['id']}", sentence.strip()))
    return out


def pairs(items: list[tuple[str, str]], max_df: int = 30) -> list[tuple[int, int, int]]:
    names = [_names(text) for _, text in items]
    df = collections.Counter(n for ns in names for n in ns)
    index = collections.defaultdict(list)
    for i, ns in enumerate(names):
        for n in ns:
            if df[n] <= max_df:
                index[n].append(i)
    seen = set()
    out = []
    for members in index.values():
        for i, j in itertools.combinations(members, 2):
            (a, ta), (b, tb) = items[i], items[j]
            if (i, j) in seen or a.split()[0] == b.split()[0]:
                continue
            seen.add((i, j))
            shared = {n for n in names[i] & names[j] if df[n] <= max_df}
            na, nb = _numbers(ta), _numbers(tb)
            if len(shared) < 2 or not na or not nb or na == nb:
                continue
            if difflib.SequenceMatcher(None, ta, tb).ratio() > 0.7:
                continue
            out.append((len(shared), i, j))
    return sorted(out, reverse=True)


def main() -> None:
    kind, folder = sys.argv[1], Path(sys.argv[2])
    items = realtimeqa(folder) if kind == "rtqa" else bbc(folder)
    for n, i, j in pairs(items):
        print(n, items[i][0], "|", items[j][0])
        print("   A:", items[i][1][:400])
        print("   B:", items[j][1][:400])


if __name__ == "__main__":
    main()
