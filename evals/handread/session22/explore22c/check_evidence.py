"""Check that every evidence sentence in questions.tsv appears verbatim in its article.

Text is compared after whitespace is normalised. txt/md: the whole file text;
html: the text of the <p> elements, tags stripped and entities unescaped;
json: the decoded body of the object whose title is given in parentheses.
Usage: python check_evidence.py [questions.tsv]
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
    """Collect the text inside <p> elements."""

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


def article_text(name: str) -> str:
    match = re.fullmatch(r"(.+?\.json)\s*\((.+)\)", name.strip())
    if match:
        items = json.loads((CORPUS / match.group(1)).read_text(encoding="utf-8"))
        bodies = [item["body"] for item in items if item["title"] == match.group(2)]
        if not bodies:
            raise KeyError(f"no object titled {match.group(2)!r}")
        return norm(bodies[0])
    path = CORPUS / name.strip()
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        parser = ParagraphText()
        parser.feed(text)
        return norm(html.unescape(" ".join(parser.paragraphs)))
    return norm(text)


def evidence_items(evidence: str) -> list[tuple[str, str]]:
    if evidence.startswith("NEARBY:"):
        # the note runs up to the first "file :: sentence" item
        first = re.search(r"\S+\.(?:txt|md|html|json)(?: \([^)]*\))? :: ", evidence)
        evidence = evidence[first.start() :] if first else ""
    items = []
    for part in evidence.split(" || "):
        if part.strip():
            name, _, sentence = part.partition(" :: ")
            items.append((name, sentence))
    return items


def main() -> int:
    tsv = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "questions.tsv"
    with tsv.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    cache: dict[str, str] = {}
    checked = missing = 0
    for row in rows:
        items = evidence_items(row["evidence"])
        if not items:
            print(f"{row['id']}: no evidence items")
            missing += 1
        for name, sentence in items:
            checked += 1
            try:
                if name not in cache:
                    cache[name] = article_text(name)
                found = norm(sentence) in cache[name]
            except (OSError, KeyError, ValueError) as err:
                print(f"{row['id']}: cannot read {name}: {err}")
                found = False
            if not found:
                missing += 1
                print(f"{row['id']}: NOT FOUND in {name}: {sentence}")
    print(f"{len(rows)} questions, {checked} evidence sentences, {missing} not found")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
