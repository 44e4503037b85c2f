"""Check that every evidence sentence in questions.tsv appears verbatim in its article.

Usage: python check_evidence.py  (run from anywhere; paths are relative to this file)

Evidence items are joined by " || " and look like "file :: sentence".
For the JSON article the file is written "name.json (Title)".
For unanswerable questions the first item is "NEARBY: <note>" and is skipped.
Text is compared after collapsing all whitespace to single spaces:
  .txt / .md  -> the whole file text
  .html       -> the text of the <p> elements, tags stripped, entities unescaped
  .json       -> the decoded "body" of the object whose "title" is given
"""

import csv
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
QUESTIONS = HERE / "questions.tsv"
KINDS = {
    "who",
    "when",
    "where",
    "how-many",
    "latest",
    "conflict",
    "change",
    "speaker",
    "why",
    "fact",
    "order",
    "yes-no",
    "list",
    "unanswerable",
}
JSON_REF = re.compile(r"^(?P<name>.+?\.json) \((?P<title>.+)\)$")


def norm(text: str) -> str:
    return " ".join(text.split())


class ParagraphText(HTMLParser):
    """Collects the text inside <p> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "p":
            self.depth += 1
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self.depth > 0:
            self.depth -= 1
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if self.depth > 0:
            self.parts.append(data)


def article_text(ref: str, cache: dict[str, str]) -> str:
    if ref in cache:
        return cache[ref]
    match = JSON_REF.match(ref)
    if match:
        objects = json.loads((CORPUS / match["name"]).read_text(encoding="utf-8"))
        bodies = [o["body"] for o in objects if o.get("title") == match["title"]]
        if not bodies:
            raise KeyError(f"no object titled {match['title']!r} in {match['name']}")
        text = bodies[0]
    else:
        path = CORPUS / ref
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            parser = ParagraphText()
            parser.feed(raw)
            text = "".join(parser.parts)
        elif path.suffix in {".txt", ".md"}:
            text = raw
        else:
            raise KeyError(f"unsupported file type: {ref}")
    cache[ref] = norm(text)
    return cache[ref]


def main() -> int:
    with QUESTIONS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, rows = rows[0], rows[1:]
    problems: list[str] = []
    if header != ["id", "question", "expected", "kind", "evidence"]:
        problems.append(f"bad header: {header}")
    cache: dict[str, str] = {}
    checked = found = 0
    for row in rows:
        if len(row) != 5:
            problems.append(f"row has {len(row)} fields: {row[:1]}")
            continue
        qid, _question, _expected, kind, evidence = row
        if kind not in KINDS:
            problems.append(f"{qid}: unknown kind {kind!r}")
        items = evidence.split(" || ")
        if kind == "unanswerable":
            if not items[0].startswith("NEARBY:"):
                problems.append(f"{qid}: unanswerable evidence must start with NEARBY:")
            items = items[1:]
        for item in items:
            ref, sep, sentence = item.partition(" :: ")
            if not sep:
                problems.append(f"{qid}: malformed evidence item {item[:60]!r}")
                continue
            checked += 1
            try:
                text = article_text(ref.strip(), cache)
            except (OSError, KeyError) as err:
                problems.append(f"{qid}: cannot read {ref!r}: {err}")
                continue
            if norm(sentence) in text:
                found += 1
            else:
                problems.append(f"{qid}: NOT FOUND in {ref}: {sentence[:80]!r}")
    ids = [row[0] for row in rows]
    wanted = [f"q{n:02d}" for n in range(1, len(rows) + 1)]
    if ids != wanted:
        problems.append(f"ids are not q01..q{len(rows):02d} in order")
    for problem in problems:
        print(problem)
    not_found = checked - found
    print(f"{len(rows)} questions, {checked} evidence sentences, {found} found, {not_found} not found")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
