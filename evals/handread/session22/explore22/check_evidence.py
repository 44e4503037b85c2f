"""Check that every evidence sentence in questions.tsv occurs verbatim in its article.

Text per format (whitespace normalised before matching):
- .txt / .md: the whole file text;
- .html: the text of the <p> elements, tags stripped and entities unescaped;
- .json: the decoded body of the object whose title is given in parentheses.

Usage: python check_evidence.py  (run from anywhere; paths are relative to this file)
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
JSON_REF = re.compile(r"^(?P<file>\S+\.json)\s*\((?P<title>.+)\)$")


def norm(text: str) -> str:
    return " ".join(text.split())


class ParagraphText(HTMLParser):
    """Collect the text inside <p> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.depth += 1

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1
            if not self.depth:
                self.parts.append("".join(self.current))
                self.current = []

    def handle_data(self, data):
        if self.depth:
            self.current.append(data)


def html_text(path: Path) -> str:
    parser = ParagraphText()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return "\n".join(parser.parts)


def json_text(path: Path, title: str) -> str | None:
    for obj in json.loads(path.read_text(encoding="utf-8")):
        if norm(obj.get("title", "")) == norm(title):
            return obj.get("body", "")
    return None


def article_text(ref: str, cache: dict) -> str | None:
    ref = ref.strip()
    if ref in cache:
        return cache[ref]
    match = JSON_REF.match(ref)
    text = None
    if match:
        path = CORPUS / match["file"]
        if path.exists():
            text = json_text(path, match["title"])
    else:
        path = CORPUS / ref
        if path.exists():
            if path.suffix == ".html":
                text = html_text(path)
            elif path.suffix in {".txt", ".md"}:
                text = path.read_text(encoding="utf-8")
    cache[ref] = None if text is None else norm(text)
    return cache[ref]


def main() -> int:
    cache: dict = {}
    checked = missing = 0
    with QUESTIONS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        for item in row["evidence"].split(" || "):
            item = item.strip()
            if not item or item.startswith("NEARBY:"):
                continue
            if " :: " not in item:
                print(f"{row['id']}: malformed evidence item: {item!r}")
                missing += 1
                continue
            ref, sentence = item.split(" :: ", 1)
            text = article_text(ref, cache)
            checked += 1
            if text is None:
                print(f"{row['id']}: article not found: {ref!r}")
                missing += 1
            elif norm(sentence) not in text:
                print(f"{row['id']}: NOT FOUND in {ref}: {sentence!r}")
                missing += 1
    print(f"{len(rows)} questions, {checked} evidence sentences checked, {missing} not found")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
