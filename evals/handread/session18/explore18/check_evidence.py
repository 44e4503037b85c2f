"""Check that every evidence sentence in questions.tsv appears verbatim in its article.

txt/md: the file text; html: the text of the <p> elements; json: the decoded body
of the object whose title is given in parentheses."""

import html
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
CORPUS = HERE / "corpus"


def norm(s):
    return re.sub(r"\s+", " ", s).strip()


def text_of(name):
    m = re.match(r"^(\S+\.json) \((.*)\)$", name)
    if m:
        arts = json.loads((CORPUS / m.group(1)).read_text())
        bodies = [a["body"] for a in arts if a["title"] == m.group(2)]
        if not bodies:
            raise KeyError(f"no article titled {m.group(2)!r} in {m.group(1)}")
        return norm(bodies[0])
    raw = (CORPUS / name).read_text()
    if name.endswith(".html"):
        ps = re.findall(r"<p\b[^>]*>(.*?)</p>", raw, re.S)
        return norm(" ".join(html.unescape(re.sub(r"<[^>]+>", "", p)) for p in ps))
    return norm(raw)


def main():
    rows = (HERE / "questions.tsv").read_text().rstrip("\n").split("\n")
    header, rows = rows[0].split("\t"), [r.split("\t") for r in rows[1:]]
    assert header == ["id", "question", "expected", "kind", "evidence"], header
    bad = n = 0
    for r in rows:
        assert len(r) == 5, r[0]
        for item in r[4].split(" || "):
            if item.startswith("NEARBY:"):
                continue
            name, sent = item.split(" :: ", 1)
            n += 1
            if norm(sent) not in text_of(name):
                bad += 1
                print(f"{r[0]}: NOT FOUND in {name}: {sent}")
    print(f"{len(rows)} questions, {n} evidence sentences, {bad} not found")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
