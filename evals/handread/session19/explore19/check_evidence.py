#!/usr/bin/env python3
"""Check that every evidence sentence in questions.tsv appears verbatim in its article.

Whitespace is normalised (runs of whitespace -> one space) on both sides.
  .txt / .md : the whole file text
  .html      : text of the <p> elements, tags stripped, entities unescaped
  .json      : decoded "body" of the object whose title is given in parentheses,
               e.g. "file.json (Some title) :: sentence"
Evidence items are joined by " || "; an item starting with "NEARBY:" is a note
and is skipped. Python standard library only.
"""

import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def html_text(raw):
    paras = re.findall(r"<p\b[^>]*>(.*?)</p>", raw, flags=re.S | re.I)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", p)) for p in paras)


_cache = {}


def article_text(ref):
    if ref in _cache:
        return _cache[ref]
    m = re.match(r"^(\S+\.json)\s*\((.*)\)$", ref)
    if m:
        name, title = m.group(1), m.group(2)
        items = json.loads((CORPUS / name).read_text(encoding="utf-8"))
        bodies = [o["body"] for o in items if o.get("title") == title]
        if not bodies:
            raise KeyError(f"no object titled {title!r} in {name}")
        text = bodies[0]
    else:
        raw = (CORPUS / ref).read_text(encoding="utf-8")
        text = html_text(raw) if ref.endswith(".html") else raw
    _cache[ref] = norm(text)
    return _cache[ref]


def main():
    rows = (HERE / "questions.tsv").read_text(encoding="utf-8").splitlines()
    header = rows[0].split("\t")
    assert header == ["id", "question", "expected", "kind", "evidence"], header
    checked = missing = 0
    for line in rows[1:]:
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            print(f"BAD ROW ({len(cols)} columns): {line[:60]}")
            missing += 1
            continue
        qid, evidence = cols[0], cols[4]
        for item in evidence.split(" || "):
            item = item.strip()
            if item.startswith("NEARBY:"):
                continue
            if " :: " not in item:
                print(f"{qid}: malformed item: {item[:80]}")
                missing += 1
                continue
            ref, sentence = item.split(" :: ", 1)
            checked += 1
            try:
                text = article_text(ref.strip())
            except (OSError, KeyError, ValueError) as e:
                print(f"{qid}: cannot read {ref!r}: {e}")
                missing += 1
                continue
            if norm(sentence) not in text:
                print(f"{qid}: NOT FOUND in {ref}: {sentence}")
                missing += 1
    print(f"{checked} evidence sentences checked, {missing} not found")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
