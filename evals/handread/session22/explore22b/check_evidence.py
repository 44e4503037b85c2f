"""Check that every evidence sentence in questions.tsv appears verbatim in its article.

Whitespace is normalised on both sides before comparing.  Article text is:
  - .txt / .md: the whole file;
  - .html: the text of the <p> elements, tags stripped, entities unescaped;
  - .json: the decoded ``body`` of the object whose title is given in parentheses,
    written in the evidence column as ``file.json (Title)``.

Items that start with ``NEARBY:`` are notes and are skipped.
Usage: python check_evidence.py [questions.tsv]
"""

import csv
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
JSON_REF = re.compile(r"^(?P<file>\S+\.json)\s+\((?P<title>.+)\)$")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class ParagraphText(HTMLParser):
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


def article_text(ref: str, cache: dict) -> str:
    if ref in cache:
        return cache[ref]
    match = JSON_REF.match(ref)
    if match:
        path = CORPUS / match["file"]
        objects = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(objects, dict):
            objects = [objects]
        bodies = [o["body"] for o in objects if o.get("title") == match["title"]]
        if not bodies:
            raise KeyError(f"no object titled {match['title']!r} in {path.name}")
        text = bodies[0]
    else:
        path = CORPUS / ref
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            parser = ParagraphText()
            parser.feed(raw)
            parser.close()
            text = "\n".join(parser.parts)
        elif path.suffix in (".txt", ".md"):
            text = raw
        else:
            raise ValueError(f"unsupported file type: {path.name}")
    cache[ref] = norm(text)
    return cache[ref]


def main() -> int:
    tsv = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "questions.tsv"
    with tsv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    cache: dict = {}
    checked = 0
    missing = []
    for row in rows:
        for item in row["evidence"].split(" || "):
            item = item.strip()
            if not item or item.startswith("NEARBY:"):
                continue
            if " :: " not in item:
                missing.append((row["id"], item, "no ' :: ' separator"))
                continue
            ref, sentence = item.split(" :: ", 1)
            checked += 1
            try:
                text = article_text(ref.strip(), cache)
            except (OSError, KeyError, ValueError) as err:
                missing.append((row["id"], item, str(err)))
                continue
            if norm(sentence) not in text:
                missing.append((row["id"], item, "not found"))
    for qid, item, why in missing:
        print(f"{qid}: {why}: {item}")
    print(f"{len(rows)} questions, {checked} evidence sentences checked, {len(missing)} not found")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
