"""Synthetic sentence pairs for the pair model (scripts/fit_pair_model.py --synthetic).

    PYTHONPATH=. python scripts/make_pair_synthetic.py /work/shared/datasets/bbc_news --out /tmp/pairs.jsonl

Real BBC sentences, each paired with a sentence written from it by a template, labelled by
construction (seed 16, `--articles` articles sampled):
- disagree: a denial of the sentence ("X denied that ...", "X dismissed reports that ...",
  "X said claims that ... were untrue", "X rejected the allegations" where X is named in it), the
  sentence negated ("is" -> "is not"), one of its numbers changed;
- disagree (v2): a denial naming no proposition of its own ("X denied the allegations");
- not disagreeing: a denial of another sentence of the same article, two denials, a
  confirmation of the sentence, (v2) a denial of another proposition about the same subject (the
  sentence's opening words with another sentence's end), declining to confirm the sentence, the
  sentence restated (a clause cut, "Reports say ..."), another sentence of the same article as it is.
Every article of evals/news/suite.yaml (all splits, the held-out ones included) and any article
with the same title as one of them is left out, so no case the detector is scored on is a source.
The written sentence is given a copy of the article (another id, the same title, no date), so
`same_article` is 0 for every pair. Each row holds the pair's features, not its text.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.news.conflicts import pair_signals  # noqa: E402
from rag.news.text import sentences, unwrap  # noqa: E402
from rag.news.words import names_in  # noqa: E402
from rag.types import Passage  # noqa: E402

SUITE = ROOT / "evals/news/suite.yaml"
_AUX = re.compile(r"\b(is|was|are|were|has|have|had|will|would|can|could)\b")
_NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d,]*\d)")
_DENIERS = ["A spokesman", "The company", "Officials", "A spokeswoman", "The government", "His lawyer"]


@dataclass(frozen=True)
class _Item:
    text: str
    passage: Passage


def _passage(article_id: str, title: str, text: str) -> Passage:
    return Passage(article_id, article_id, text, title, 0, len(text), 1.0, "BBC News", None, None)


def _proposition(s: str) -> str:
    """The sentence as a clause after "that": its final stop dropped, a lower-case opening."""
    s = s.strip().rstrip(".!?\"”'")
    m = re.search(r"\b(?:said|says|claimed|claims|reported|told \w+) (?:that )?", s)
    if m and m.end() < len(s) - 20:
        s = s[m.end() :]
    first = s.split(" ", 1)[0]
    return (
        s
        if first[:1].isupper() and first not in ("The", "A", "An", "It", "This", "In", "But", "He", "She")
        else s[:1].lower() + s[1:]
    )


def _written_names(s: str) -> list[str]:
    """The names of `s` as written (names_in gives them lower-cased)."""
    out = []
    for _, name in names_in(s):
        m = re.search(re.escape(name), s, re.IGNORECASE)
        if m:
            out.append(m.group(0))
    return out


def _denier(rng: random.Random, names: list[str]) -> str:
    return rng.choice(names) if names and rng.random() < 0.5 else rng.choice(_DENIERS)


def _denial(rng: random.Random, s: str, names: list[str]) -> str:
    # A denial seldom repeats the whole claim: often only its first words.
    words = _proposition(s).split()
    p = " ".join(words[: rng.choice([6, 9, 12, len(words)])])
    who = _denier(rng, names)
    templates = [
        f"{who} denied that {p}.",
        f"{who} has dismissed reports that {p}.",
        f"{who} said claims that {p} were untrue.",
        f"{who} categorically denies that {p}.",
        f"{who} disputed that {p}.",
    ]
    if names:
        templates.append(f"{rng.choice(names)} has rejected the allegations, calling them baseless.")
    return rng.choice(templates)


def _generic_denial(rng: random.Random, names: list[str]) -> str:
    """A denial that names no proposition of its own, as real ones often do."""
    who = _denier(rng, names)
    return rng.choice(
        [
            f"{who} denied the allegations.",
            f"{who} has denied any wrongdoing.",
            f"{who} rejected the claims as baseless.",
            f"{who} dismissed the reports as untrue.",
            f"{who} strongly denies the accusations.",
        ]
    )


def _compatible_denial(rng: random.Random, s: str, t: str, names: list[str]) -> str:
    """A denial of another proposition about the same subject: the opening words of `s` with the
    end of `t` ("the firm denied reports it was withdrawing completely"), which both can hold."""
    head = _proposition(s).split()[: rng.choice([3, 4, 5])]
    tail = _proposition(t).split()
    tail = tail[-rng.choice([5, 7, 9]) :]
    who = _denier(rng, names)
    p = " ".join(head + tail)
    return rng.choice(
        [f"{who} denied reports that {p}.", f"{who} denied that {p}.", f"{who} insisted it was not true that {p}."]
    )


def _noncommittal(rng: random.Random, s: str, names: list[str]) -> str:
    who = _denier(rng, names)
    verb = rng.choice(["declined to comment on reports", "refused to confirm reports", "would not confirm"])
    return f"{who} {verb} that {_proposition(s)}."


def _restated(rng: random.Random, s: str) -> str:
    """The sentence said again: a clause after a comma cut, or attributed to a report."""
    parts = s.rstrip(".").split(", ")
    if len(parts) > 1 and rng.random() < 0.6:
        return ", ".join(parts[:-1]) + "."
    return rng.choice(["Reports say ", "It is understood that ", "According to officials, "]) + _proposition(s) + "."


def _negated(s: str) -> str | None:
    m = _AUX.search(s)
    if m is None or re.match(r"\s+(?:not|no|never)\b", s[m.end() :]):
        return None
    return s[: m.end()] + " not" + s[m.end() :]


def _changed_number(rng: random.Random, s: str) -> str | None:
    found = [m for m in _NUMBER.finditer(s) if not re.fullmatch(r"(?:19|20)\d{2}", m.group(1))]
    if not found:
        return None
    m = rng.choice(found)
    raw = m.group(1).replace(",", "")
    value = float(raw)
    if value < 20 and "." not in raw:
        new = str(int(value) + rng.choice([1, 2, 3, -1]) if value > 3 else int(value) + rng.choice([1, 2]))
    else:
        factor = rng.choice([1.3, 1.5, 2.0, 3.0, 0.6, 0.4])
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        new = f"{value * factor:,.{decimals}f}" if "," in m.group(1) else f"{value * factor:.{decimals}f}"
    return None if new == m.group(1) else s[: m.start(1)] + new + s[m.end(1) :]


def _excluded(suite: dict) -> tuple[set[str], set[str]]:
    ids = {it["article"] for case in suite["disagreements"] for it in case["items"]}
    return {i.removeprefix("bbc:") for i in ids if i.startswith("bbc:")}, ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bbc", type=Path, help="the BBC News dataset folder (or bbc_news.jsonl)")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    extra = random.Random(args.seed + 1)
    path = args.bbc / "bbc_news.jsonl" if args.bbc.is_dir() else args.bbc
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    used, _ = _excluded(yaml.safe_load(SUITE.read_text()))
    used_titles = {r["title"] for r in records if r["id"] in used}
    pool = [r for r in records if r["id"] not in used and r["title"] not in used_titles]
    rows = []
    for r in rng.sample(pool, min(args.articles, len(pool))):
        text = unwrap(r["body"])
        sents = [text[s:e].strip() for s, e in sentences(r["body"])]
        sents = [s for s in sents if 8 <= len(s.split()) <= 40 and s.endswith(".") and '"' not in s]
        if len(sents) < 3:
            continue
        original = _passage(f"bbc:{r['id']}", r["title"], r["body"])
        s, t = rng.sample(sents, 2)
        names, t_names = _written_names(s), _written_names(t)
        pairs: list[tuple[str, str, str, int]] = [
            ("denial", s, _denial(rng, s, names), 1),
            ("other-denial", s, _denial(rng, t, t_names), 0),
            ("two-denials", _denial(rng, s, names), _denial(rng, t, t_names), 0),
            ("confirmed", s, f"{_denier(rng, names)} confirmed that {_proposition(s)}.", 0),
            ("other-sentence", s, t, 0),
            ("restated", s, _restated(rng, s), 0),
        ]
        # Kinds added for pair_model.v2, from their own generator so the v1 kinds stay as they were.
        pairs += [
            ("generic-denial", s, _generic_denial(extra, names), 1),
            ("compatible-denial", s, _compatible_denial(extra, s, t, names), 0),
            ("noncommittal", s, _noncommittal(extra, s, names), 0),
        ]
        if negated := _negated(s):
            pairs.append(("negated", s, negated, 1))
        if changed := _changed_number(rng, s):
            pairs.append(("number", s, changed, 1))
        for what, a, b, label in pairs:
            written = _passage(f"bbc:{r['id']}#copy", r["title"], b)
            first = original if a in text else _passage(f"bbc:{r['id']}#copy0", r["title"], a)
            signals = pair_signals([_Item(a, first), _Item(b, written)])
            if not signals:
                continue
            rows.append(
                {
                    "case": f"syn:{r['id']}:{what}",
                    "what": what,
                    "x": list(signals[0].features),
                    "y": label,
                    "rule": signals[0].rule is not None,
                }
            )
    args.out.write_text("".join(json.dumps(row) + "\n" for row in rows))
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["what"]] = counts.get(row["what"], 0) + 1
    print(f"wrote {len(rows)} pairs to {args.out}: {counts}")


if __name__ == "__main__":
    main()
