"""Check that every evidence sentence in questions.tsv appears verbatim in its article.

Whitespace is normalised before comparing. txt/md: the whole file text; html: the text of the <p>
elements with tags stripped and entities unescaped; json: the decoded body of the object whose title
is given in parentheses after the file name.
"""

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
QUESTIONS = HERE / "questions.tsv"


def norm(text):
    return re.sub(r"\s+", " ", text).strip()


class ParagraphText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)  # entities are unescaped by the parser
        self.depth = 0
        self.parts = []
        self.paragraphs = []

    def handle_starttag(self, tag, attrs):
        if tag == "p":
            self.depth += 1
            self.parts = []

    def handle_endtag(self, tag):
        if tag == "p" and self.depth:
            self.depth -= 1
            self.paragraphs.append("".join(self.parts))

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def article_text(name):
    title = None
    match = re.fullmatch(r"(.+?\.json) \((.+)\)", name)
    if match:
        name, title = match.group(1), match.group(2)
    path = CORPUS / name
    with open(path, encoding="utf-8") as handle:
        raw = handle.read()
    if path.suffix == ".html":
        parser = ParagraphText()
        parser.feed(raw)
        return norm(" ".join(parser.paragraphs))
    if path.suffix == ".json":
        for item in json.loads(raw):
            if item.get("title") == title:
                return norm(item["body"])
        raise KeyError(f"no object titled {title!r} in {name}")
    return norm(raw)


def main():
    cache = {}
    checked = 0
    missing = []
    with open(QUESTIONS, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=True))
        for item in row["evidence"].split(" || "):
            if item.startswith("NEARBY:"):
                continue
            name, _, sentence = item.partition(" :: ")
            if name not in cache:
                cache[name] = article_text(name)
            checked += 1
            if norm(sentence) not in cache[name]:
                missing.append((row["id"], name, sentence))
    for qid, name, sentence in missing:
        print(f"NOT FOUND {qid} {name}: {sentence}")
    print(f"{len(lines) - 1} questions, {checked} evidence sentences checked, {len(missing)} not found")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
