"""Check that every evidence sentence in questions.tsv appears verbatim in its article.

Usage: python3 check_evidence.py

Evidence items are joined by " || "; each is "file :: sentence". For the JSON
file the file part is "file.json (Title)". Items starting with "NEARBY:" are
notes and are skipped. Matching is done after whitespace normalisation:
txt/md use the whole file text, html the text of the <p> elements (tags
stripped, entities unescaped), json the decoded body of the object whose
title is given in parentheses.
"""

import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
QUESTIONS = HERE / "questions.tsv"


def norm(text: str) -> str:
    return " ".join(text.split())


def html_text(raw: str) -> str:
    paras = re.findall(r"<p\b[^>]*>(.*?)</p>", raw, flags=re.S | re.I)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", p)) for p in paras)


def article_text(ref: str) -> str | None:
    match = re.fullmatch(r"(\S+\.json)\s*\((.+)\)", ref)
    if match:
        path = CORPUS / match.group(1)
        if not path.exists():
            return None
        for obj in json.loads(path.read_text(encoding="utf-8")):
            if obj.get("title") == match.group(2):
                return obj.get("body", "")
        return None
    path = CORPUS / ref
    if not path.exists():
        return None
    raw = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        return html_text(raw)
    return raw


def main() -> int:
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    expected_header = ["id", "question", "expected", "kind", "evidence"]
    if header != expected_header:
        print(f"bad header: {header}")
        return 1
    checked = 0
    missing = 0
    cache: dict[str, str | None] = {}
    for line in lines[1:]:
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 5:
            print(f"bad row ({len(fields)} fields): {line[:60]}")
            missing += 1
            continue
        qid, evidence = fields[0], fields[4]
        for item in evidence.split(" || "):
            item = item.strip()
            if item.startswith("NEARBY:"):
                continue
            if " :: " not in item:
                print(f"{qid}: malformed item: {item[:60]}")
                missing += 1
                continue
            ref, sentence = item.split(" :: ", 1)
            ref = ref.strip()
            if ref not in cache:
                text = article_text(ref)
                cache[ref] = norm(text) if text is not None else None
            checked += 1
            text = cache[ref]
            if text is None:
                print(f"{qid}: article not found: {ref}")
                missing += 1
            elif norm(sentence) not in text:
                print(f"{qid}: NOT FOUND in {ref}: {sentence[:80]}")
                missing += 1
    rows = len([ln for ln in lines[1:] if ln.strip()])
    print(f"{rows} questions, {checked} evidence sentences, {missing} not found")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
