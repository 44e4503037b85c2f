"""Check that every evidence sentence in questions.tsv appears verbatim in its article.

Whitespace is normalised before comparing. Text per format:
  .txt / .md : the whole file text
  .html      : the text of the <p> elements, tags stripped, entities unescaped
  .json      : the decoded body of the object whose title is given in parentheses

Usage: python3 check_evidence.py  (run from anywhere; paths are relative to this file)
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


def norm(text: str) -> str:
    return " ".join(text.split())


class ParagraphText(HTMLParser):
    """Collect the text inside every <p> element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.current: list[str] = []
        self.paragraphs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1
            if not self.depth:
                self.paragraphs.append("".join(self.current))
                self.current = []

    def handle_data(self, data):
        if self.depth:
            self.current.append(data)


def html_text(path: Path) -> str:
    parser = ParagraphText()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return norm(" ".join(parser.paragraphs))


def json_text(path: Path, title: str) -> str | None:
    data = json.loads(path.read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else [data]
    for item in items:
        if norm(item.get("title", "")) == norm(title):
            return norm(item.get("body", ""))
    return None


def article_text(ref: str) -> str | None:
    match = re.fullmatch(r"(\S+\.json)\s*\((.*)\)", ref.strip())
    if match:
        path = CORPUS / match.group(1)
        return json_text(path, match.group(2)) if path.exists() else None
    path = CORPUS / ref.strip()
    if not path.exists():
        return None
    if path.suffix == ".html":
        return html_text(path)
    return norm(path.read_text(encoding="utf-8"))


def main() -> int:
    found = missing = 0
    with QUESTIONS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    header, body = rows[0], rows[1:]
    col = {name: i for i, name in enumerate(header)}
    for row in body:
        qid = row[col["id"]]
        for item in row[col["evidence"]].split(" || "):
            item = item.strip()
            if not item or item.startswith("NEARBY:"):
                continue
            if " :: " not in item:
                print(f"{qid}: malformed evidence item: {item[:80]}")
                missing += 1
                continue
            ref, sentence = item.split(" :: ", 1)
            text = article_text(ref)
            if text is None:
                print(f"{qid}: article not found: {ref}")
                missing += 1
            elif norm(sentence) in text:
                found += 1
            else:
                print(f"{qid}: NOT FOUND in {ref}: {sentence[:100]}")
                missing += 1
    print(f"{len(body)} questions, {found} evidence sentences found, {missing} not found")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
