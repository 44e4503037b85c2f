"""Check that every evidence sentence in questions.tsv appears verbatim in its article.

Usage: python3 check_evidence.py [questions.tsv]

Text used for each format, after whitespace is collapsed:
- .txt / .md: the whole file text;
- .html: the text of the <p> elements, tags stripped and entities unescaped;
- .json: the decoded body of the object whose title is given in parentheses,
  e.g. ``file.json (Some title) :: sentence``.
"""

import csv
import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class ParagraphText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []
        self.paragraphs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.depth += 1
            if self.depth == 1:
                self.parts = []

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1
            if self.depth == 0:
                self.paragraphs.append("".join(self.parts))

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def html_text(raw: str) -> str:
    parser = ParagraphText()
    parser.feed(raw)
    parser.close()
    return norm(html.unescape(" ".join(parser.paragraphs)))


def json_text(path: Path, title: str) -> str | None:
    data = json.loads(path.read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else [data]
    for item in items:
        if norm(item.get("title", "")) == norm(title):
            return norm(item.get("body", ""))
    return None


def article_text(ref: str) -> str | None:
    match = re.fullmatch(r"(\S+?\.json)\s*\((.+)\)", ref.strip())
    if match:
        path = CORPUS / match.group(1)
        return json_text(path, match.group(2)) if path.exists() else None
    path = CORPUS / ref.strip()
    if not path.exists():
        return None
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return html_text(raw)
    return norm(raw)


def main() -> int:
    tsv = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "questions.tsv"
    checked = missing = 0
    with tsv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        for item in row["evidence"].split(" || "):
            item = item.strip()
            if item.startswith("NEARBY:") and " :: " not in item:
                continue
            if " :: " not in item:
                print(f"{row['id']}: malformed evidence item: {item[:80]}")
                missing += 1
                continue
            ref, sentence = item.split(" :: ", 1)
            text = article_text(ref)
            checked += 1
            if text is None:
                print(f"{row['id']}: article not found: {ref}")
                missing += 1
            elif norm(sentence) not in text:
                print(f"{row['id']}: not found in {ref}: {sentence[:90]}")
                missing += 1
    print(f"{len(rows)} questions, {checked} evidence sentences checked, {missing} not found")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
