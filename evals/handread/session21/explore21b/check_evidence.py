"""Check that every evidence sentence in questions.tsv appears verbatim in its article.

Whitespace is normalised on both sides. Article text is taken as:
  .txt / .md  - the whole file
  .html       - the text of the <p> elements, tags stripped, entities unescaped
  .json       - the decoded body of the object whose title is given in parentheses
Items starting with "NEARBY:" are notes and are skipped.
"""

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
JSON_REF = re.compile(r"^(?P<file>\S+\.json) \((?P<title>.+)\)$")


class ParagraphText(HTMLParser):
    """Collect the text of <p> elements."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.depth += 1
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1
            self.parts.append(" ")

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def norm(text):
    return " ".join(text.split())


def read_text(path):
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def article_text(ref, cache):
    if ref in cache:
        return cache[ref]
    match = JSON_REF.match(ref)
    if match:
        with open(CORPUS / match["file"], encoding="utf-8") as fh:
            items = json.load(fh)
        bodies = [item["body"] for item in items if item.get("title") == match["title"]]
        if not bodies:
            raise KeyError(f"no object titled {match['title']!r} in {match['file']}")
        text = bodies[0]
    elif ref.endswith(".html"):
        parser = ParagraphText()
        parser.feed(read_text(CORPUS / ref))
        parser.close()
        text = "".join(parser.parts)
    elif ref.endswith((".txt", ".md")):
        text = read_text(CORPUS / ref)
    else:
        raise ValueError(f"unknown article type: {ref}")
    cache[ref] = norm(text)
    return cache[ref]


def main():
    cache = {}
    checked = 0
    missing = []
    with open(HERE / "questions.tsv", encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if line.strip()]
    header, rows = rows[0], rows[1:]
    if header != ["id", "question", "expected", "kind", "evidence"]:
        print(f"unexpected header: {header}")
        return 1
    for row in rows:
        if len(row) != 5:
            missing.append((row[0], "-", f"row has {len(row)} fields"))
            continue
        qid, evidence = row[0], row[4]
        for item in evidence.split(" || "):
            item = item.strip()
            if item.startswith("NEARBY:"):
                continue
            if " :: " not in item:
                missing.append((qid, "-", f"malformed item: {item[:60]}"))
                continue
            ref, sentence = item.split(" :: ", 1)
            checked += 1
            try:
                text = article_text(ref.strip(), cache)
            except (OSError, KeyError, ValueError) as exc:
                missing.append((qid, ref, f"cannot read article: {exc}"))
                continue
            if norm(sentence) not in text:
                missing.append((qid, ref, sentence))
    for qid, ref, what in missing:
        print(f"NOT FOUND {qid} [{ref}] {what}")
    print(f"{len(rows)} questions, {checked} evidence sentences checked, {len(missing)} not found")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
