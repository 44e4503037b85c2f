"""Check that every evidence sentence in questions.tsv appears verbatim in its article.

Whitespace is normalised on both sides before comparing.
- .txt / .md: the whole file text.
- .html: the text of the <p> elements, tags stripped and entities unescaped.
- .json: the body of the object whose title is given as ``file.json (Title)``.

Usage: python3 check_evidence.py [questions.tsv]
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


def norm(text):
    return " ".join(text.split())


class ParagraphText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.depth = 0
        self.parts = []
        self.current = []

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

    def handle_entityref(self, name):
        if self.depth:
            self.current.append(html.unescape(f"&{name};"))

    def handle_charref(self, name):
        if self.depth:
            self.current.append(html.unescape(f"&#{name};"))


def html_text(raw):
    parser = ParagraphText()
    parser.feed(raw)
    parser.close()
    return "\n".join(parser.parts)


def article_text(spec, cache):
    if spec in cache:
        return cache[spec]
    match = re.fullmatch(r"(.+?\.json)\s*\((.+)\)", spec)
    if match:
        name, title = match.group(1).strip(), match.group(2).strip()
        items = json.loads((CORPUS / name).read_text(encoding="utf-8"))
        if isinstance(items, dict):
            items = [items]
        bodies = [it.get("body", "") for it in items if it.get("title") == title]
        if not bodies:
            raise KeyError(f"no object titled {title!r} in {name}")
        text = bodies[0]
    else:
        path = CORPUS / spec
        raw = path.read_text(encoding="utf-8")
        text = html_text(raw) if path.suffix in (".html", ".htm") else raw
    cache[spec] = norm(text)
    return cache[spec]


def evidence_items(field):
    """Yield (file spec, sentence) pairs; a leading ``NEARBY: <note>`` item is skipped."""
    for item in field.split(" || "):
        item = item.strip()
        if not item or item.startswith("NEARBY:"):
            continue
        if "::" not in item:
            yield None, item
            continue
        spec, sentence = item.split("::", 1)
        yield spec.strip(), sentence.strip()


def main():
    tsv = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "questions.tsv"
    cache = {}
    checked = 0
    missing = 0
    with tsv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        for spec, sentence in evidence_items(row["evidence"]):
            if spec is None:
                if row["kind"] != "unanswerable":
                    print(f"{row['id']}: item without 'file ::' part: {sentence[:60]}")
                    missing += 1
                continue
            checked += 1
            try:
                text = article_text(spec, cache)
            except (OSError, KeyError, ValueError) as exc:
                print(f"{row['id']}: cannot read {spec}: {exc}")
                missing += 1
                continue
            if norm(sentence) not in text:
                print(f"{row['id']}: NOT FOUND in {spec}: {sentence}")
                missing += 1
    print(f"{len(rows)} questions, {checked} evidence sentences checked, {missing} not found")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
