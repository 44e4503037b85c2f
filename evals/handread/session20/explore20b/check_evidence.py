#!/usr/bin/env python3
"""Check that every evidence sentence in questions.tsv appears verbatim in its article.

Matching is done after whitespace normalisation.
  .txt / .md : the whole file text
  .html      : text of the <p> elements, tags stripped, entities unescaped
  .json      : decoded "body" of the object whose title is given in parentheses,
               written in the evidence as  file.json (Title)
Evidence items are joined by " || "; each item is "file :: sentence".
For unanswerable questions the field starts with "NEARBY: <note>" and the
sentences follow in the same format (the note itself is not checked).
Python standard library only.
"""

import html
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


_cache = {}


def article_text(ref):
    if ref in _cache:
        return _cache[ref]
    m = re.match(r"^(\S+\.json)\s*\((.*)\)$", ref)
    if m:
        fname, title = m.group(1), m.group(2).strip()
        with open(os.path.join(CORPUS, fname), encoding="utf-8") as fh:
            data = json.load(fh)
        if isinstance(data, dict):
            data = [data]
        bodies = [o.get("body", "") for o in data if norm(o.get("title", "")) == norm(title)]
        if not bodies:
            raise KeyError(f"no object titled {title!r} in {fname}")
        text = bodies[0]
    else:
        path = os.path.join(CORPUS, ref)
        with open(path, encoding="utf-8") as fh:
            raw = fh.read()
        if ref.endswith(".html"):
            paras = re.findall(r"<p\b[^>]*>(.*?)</p>", raw, flags=re.S | re.I)
            text = "\n".join(html.unescape(re.sub(r"<[^>]+>", " ", p)) for p in paras)
        else:
            text = raw
    _cache[ref] = norm(text)
    return _cache[ref]


def main():
    tsv = os.path.join(HERE, "questions.tsv")
    with open(tsv, encoding="utf-8") as fh:
        lines = fh.read().rstrip("\n").split("\n")
    header = lines[0].split("\t")
    assert header == ["id", "question", "expected", "kind", "evidence"], header
    checked = missing = 0
    ids = []
    for n, line in enumerate(lines[1:], start=2):
        cols = line.split("\t")
        if len(cols) != 5:
            print(f"line {n}: expected 5 columns, got {len(cols)}")
            missing += 1
            continue
        qid, _q, _exp, kind, ev = cols
        ids.append(qid)
        if kind == "unanswerable" and not ev.startswith("NEARBY:"):
            print(f"{qid}: unanswerable evidence should start with NEARBY:")
        items = [i.strip() for i in ev.split(" || ")]
        if items and items[0].startswith("NEARBY:"):
            # the note runs up to the first "file :: sentence" item
            first = items[0][len("NEARBY:") :]
            m = re.search(r"(\S+\.(?:txt|md|html|json)(?: \([^)]*\))?) :: ", first)
            items[0] = first[m.start() :] if m else ""
            if not items[0]:
                items = items[1:]
        for item in items:
            if " :: " not in item:
                print(f"{qid}: malformed evidence item: {item[:80]!r}")
                missing += 1
                continue
            ref, sent = item.split(" :: ", 1)
            checked += 1
            try:
                text = article_text(ref.strip())
            except (OSError, KeyError) as e:
                print(f"{qid}: cannot read {ref}: {e}")
                missing += 1
                continue
            if norm(sent) not in text:
                print(f"{qid}: NOT FOUND in {ref}: {sent}")
                missing += 1
    print(f"{len(ids)} questions, {checked} evidence sentences checked, {missing} not found")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
