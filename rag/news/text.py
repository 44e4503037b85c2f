"""Sentences of article text whose lines were wrapped (PDF and e-mail copy)."""

from __future__ import annotations

import re

from rag.ingest.chunk import sentence_spans

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


# Titles and abbreviations after which a full stop does not end the sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Dr|Mr|Mrs|Ms|St|Prof|Rev|Jr|Sr|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec|"
    r"vs|approx|est)|\b[A-Z]\.[A-Z])\.$"
)

# A time of day, after which a sentence goes on in lower case: "opened at 9.05 a.m. yesterday and by the end of the day
# 318 people had given blood" (explore43 q10 set its half against "did not open on Saturday" as a disagreement).
_CLOCK = re.compile(r"\b[ap]\.m\.$")


def sentences(text: str) -> list[tuple[int, int]]:
    """`sentence_spans` of the unwrapped text, rejoined where a full stop was an abbreviation
    ("Hawaii Gov. Josh Green told CNN")."""
    out: list[tuple[int, int]] = []
    for s, e in sentence_spans(unwrap(text)):
        previous = text[out[-1][0] : out[-1][1]] if out else ""
        cut = _ABBREVIATION.search(previous) or (_CLOCK.search(previous) and text[s : s + 1].islower())
        if out and cut and text[out[-1][1] : s].strip() == "":
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
