"""Sentences of article text whose lines were wrapped (PDF and e-mail copy)."""

from __future__ import annotations

import re

_WRAPPED = 60  # a line at least this long that ends mid-sentence was wrapped, not a heading


def unwrap(text: str) -> str:
    """Line breaks inside wrapped prose become spaces; headings and paragraphs keep theirs.

    The length, so every char offset, is unchanged."""
    out = list(text)
    start = 0
    for m in re.finditer(r"\n", text):
        line = text[start : m.start()].rstrip()
        following = text[m.end() : m.end() + 1]
        if len(line) >= _WRAPPED and not re.search(r"[.!?…:\"”’)]$", line) and following not in ("", "\n"):
            out[m.start()] = " "
        start = m.end()
    return "".join(out)
