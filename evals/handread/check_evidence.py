"""Check that every evidence sentence of a hand-labelled set's questions.tsv appears verbatim in its article.

Usage: python3 evals/handread/check_evidence.py SET_DIR [SET_DIR ...]   (each holding questions.tsv and corpus/)

It also checks the table's shape: the header, ids q01..qNN in order, each kind one of KINDS, and an
unanswerable question's evidence opening with "NEARBY: <note>".

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

HEADER = ["id", "question", "expected", "kind", "evidence"]
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


def article_text(corpus: Path, ref: str) -> str | None:
    match = re.fullmatch(r"(\S+?\.json)\s*\((.+)\)", ref.strip())
    if match:
        path = corpus / match.group(1)
        return json_text(path, match.group(2)) if path.exists() else None
    path = corpus / ref.strip()
    if not path.exists():
        return None
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return html_text(raw)
    return norm(raw)


def check(folder: Path) -> tuple[int, int, int, int]:
    """(questions, evidence sentences checked, not found, faults of the table's shape) for the set in `folder`,
    each miss and fault printed."""
    checked = missing = 0
    with (folder / "questions.tsv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        rows = list(reader)
    problems = [] if reader.fieldnames == HEADER else [f"header is {reader.fieldnames}, not {HEADER}"]
    if [row["id"] for row in rows] != [f"q{n:02d}" for n in range(1, len(rows) + 1)]:
        problems.append(f"ids are not q01..q{len(rows):02d} in order")
    problems += [f"{row['id']}: unknown kind {row['kind']!r}" for row in rows if row["kind"] not in KINDS]
    problems += [
        f"{row['id']}: unanswerable evidence must start with NEARBY:"
        for row in rows
        if row["kind"] == "unanswerable" and not row["evidence"].startswith("NEARBY:")
    ]
    for problem in problems:
        print(f"{folder.name} {problem}")
    for row in rows:
        for item in row["evidence"].split(" || "):
            item = item.strip()
            if item.startswith("NEARBY:") and " :: " not in item:
                continue
            if " :: " not in item:
                print(f"{folder.name} {row['id']}: malformed evidence item: {item[:80]}")
                missing += 1
                continue
            ref, sentence = item.split(" :: ", 1)
            text = article_text(folder / "corpus", ref)
            checked += 1
            if text is None:
                print(f"{folder.name} {row['id']}: article not found: {ref}")
                missing += 1
            elif norm(sentence) not in text:
                print(f"{folder.name} {row['id']}: not found in {ref}: {sentence[:90]}")
                missing += 1
    return len(rows), checked, missing, len(problems)


def main() -> int:
    failed = False
    for arg in sys.argv[1:]:
        questions, checked, missing, faults = check(Path(arg))
        print(
            f"{arg}: {questions} questions, {checked} evidence sentences checked, {missing} not found, {faults} faults"
        )
        failed = failed or missing > 0 or faults > 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
