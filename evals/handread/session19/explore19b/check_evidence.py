#!/usr/bin/env python3
"""Check that every evidence sentence in questions.tsv appears verbatim in its article.

Evidence items are `file :: sentence`, joined by ` || `. A leading `NEARBY: <note>` item
(unanswerable questions) is skipped. For the JSON file the item is written
`file.json (Title) :: sentence`. Whitespace is normalised before comparing.

  txt, md : the whole file text
  html    : the text of the <p> elements, tags stripped, entities unescaped
  json    : the decoded `body` of the object whose `title` is given in parentheses

Python standard library only. Usage: python3 check_evidence.py
"""

import csv
import html
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
TSV = os.path.join(HERE, "questions.tsv")


def norm(text):
    return re.sub(r"\s+", " ", text).strip()


def html_paragraph_text(raw):
    paras = re.findall(r"<p\b[^>]*>(.*?)</p>", raw, flags=re.S | re.I)
    out = []
    for p in paras:
        p = re.sub(r"<[^>]+>", "", p)
        out.append(html.unescape(p))
    return "\n".join(out)


_cache = {}


def article_text(ref):
    """ref is `name.ext` or `name.json (Title)`."""
    if ref in _cache:
        return _cache[ref]
    m = re.match(r"^(.+?\.json)\s*\((.*)\)$", ref)
    if m:
        name, title = m.group(1), m.group(2)
        with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
            data = json.load(f)
        if isinstance(data, dict):
            data = [data]
        bodies = [o.get("body", "") for o in data if o.get("title") == title]
        if not bodies:
            raise KeyError(f"no object titled {title!r} in {name}")
        text = bodies[0]
    else:
        path = os.path.join(CORPUS, ref)
        with open(path, encoding="utf-8") as f:
            raw = f.read()
        if ref.endswith((".html", ".htm")):
            text = html_paragraph_text(raw)
        elif ref.endswith(".json"):
            raise KeyError(f"json evidence must name the title: {ref} (Title)")
        else:
            text = raw
    _cache[ref] = norm(text)
    return _cache[ref]


def main():
    checked = found = 0
    problems = []
    with open(TSV, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, rows = rows[0], rows[1:]
    if header != ["id", "question", "expected", "kind", "evidence"]:
        problems.append(f"bad header: {header!r}")
    for row in rows:
        if len(row) != 5:
            problems.append(f"{row[0] if row else '?'}: {len(row)} columns")
            continue
        qid, evidence = row[0], row[4]
        for item in evidence.split(" || "):
            item = item.strip()
            if not item or item.startswith("NEARBY:"):
                continue
            if " :: " not in item:
                problems.append(f"{qid}: malformed item {item[:60]!r}")
                continue
            ref, sentence = item.split(" :: ", 1)
            checked += 1
            try:
                text = article_text(ref.strip())
            except (OSError, KeyError, ValueError) as e:
                problems.append(f"{qid}: cannot read {ref} ({e})")
                continue
            if norm(sentence) in text:
                found += 1
            else:
                problems.append(f"{qid}: NOT FOUND in {ref}: {sentence}")
    for p in problems:
        print(p)
    not_found = checked - found
    print(f"questions: {len(rows)}, evidence sentences checked: {checked}, found: {found}, not found: {not_found}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
