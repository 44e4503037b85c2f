#!/usr/bin/env python3
"""Check that every evidence sentence in questions.tsv appears verbatim in its article.

Evidence format: items joined by " || ", each "file :: exact sentence".
For the json file the file name is written "file.json (Title)".
Unanswerable rows start with a "NEARBY: <note>" item, which is skipped.
Text sources (whitespace normalised before comparing):
  .txt / .md  -> the whole file text
  .html       -> text of all <p> elements, tags stripped, entities unescaped
  .json       -> decoded "body" of the object whose "title" is given in parentheses
Usage: python3 check_evidence.py [--dump FILE]
"""

import csv
import html
import json
import os
import re
import sys
from html.parser import HTMLParser

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


class PText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts = []
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1
            if not self.depth:
                self.parts.append("".join(self.cur))
                self.cur = []

    def handle_data(self, data):
        if self.depth:
            self.cur.append(data)


def html_text(path):
    p = PText()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    return norm(html.unescape(" ".join(p.parts)))


def article_text(ref):
    m = re.match(r"^(.+?\.json)\s*\((.+)\)$", ref)
    if m:
        name, title = m.group(1).strip(), m.group(2).strip()
        with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
            data = json.load(f)
        for obj in data:
            if norm(obj.get("title", "")) == norm(title):
                return norm(obj["body"])
        raise KeyError(f"no object titled {title!r} in {name}")
    path = os.path.join(CORPUS, ref)
    if ref.endswith(".html"):
        return html_text(path)
    with open(path, encoding="utf-8") as f:
        return norm(f.read())


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--dump":
        print(article_text(sys.argv[2]))
        return 0
    with open(os.path.join(HERE, "questions.tsv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    found = missing = 0
    cache = {}
    for r in rows:
        for item in r["evidence"].split(" || "):
            item = item.strip()
            if item.startswith("NEARBY:"):
                continue
            if " :: " not in item:
                print("{}: malformed evidence item: {!r}".format(r["id"], item[:80]))
                missing += 1
                continue
            ref, sent = item.split(" :: ", 1)
            ref = ref.strip()
            try:
                if ref not in cache:
                    cache[ref] = article_text(ref)
                text = cache[ref]
            except (OSError, KeyError) as e:
                print("{}: cannot read {}: {}".format(r["id"], ref, e))
                missing += 1
                continue
            if norm(sent) in text:
                found += 1
            else:
                missing += 1
                print(f"{r['id']}: NOT FOUND in {ref}: {sent}")
    print(f"{len(rows)} questions, {found} evidence sentences found, {missing} not found")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
