"""How many of a thing are in use now: a question asking it, and the report sentences that count it.

"How many of the solar fridges are actually up and running?" is answered by "Of the 150 the fund ordered, 130 have now
been delivered and 118 are installed and working, 14 of them in health posts across the line", a report of the newest
day. The sentence names the fridges only in the sentence before it and says "working" where the question says "up and
running", so the answer model scored every span under its threshold; "How many of the landing lights that were
ordered are actually working now?" abstained beside "All 420 have now arrived and 372 are working" (blind explore46c
and explore46d q31). Here the newest report sentence giving a count in use, with the thing counted named in it or just
before it, answers; a column's count is left out, since columns restate counts as they once stood.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from rag.evidence.candidates import Candidate
from rag.numbers import cardinals

_IN_USE = (
    r"(?:up\s+and\s+running|working|running|in\s+use|operating|operational|in\s+service|(?:back\s+)?on\s+air|"
    r"out\s+working)"
)
_ASKS = re.compile(
    r"^\s*how\s+many\s+(?:of\s+(?:the|its|their|those|these)\s+)?(?P<what>[\w\s'’-]+?)\s+"
    r"(?:(?:that|which)\s+[\w\s'’-]+?\s+)?(?:are|is)\s+(?:(?:actually|now|currently|still|really)\s+)*"
    rf"{_IN_USE}\b",
    re.IGNORECASE,
)
_COUNT = rf"(?:\d[\d,]*|{'|'.join(cardinals(2, 12))})"
# Not a figure of a name: "its Tesk-2 batteries are running short of missiles".
_TELLS = re.compile(
    rf"(?<![\w-]){_COUNT}\s+(?:of\s+them\s+)?(?:[\w-]+\s+){{0,2}}?(?:are|is)\s+(?:now\s+|still\s+|already\s+)?"
    rf"(?:installed\s+and\s+)?{_IN_USE}\b",
    re.IGNORECASE,
)
# How far before a sentence the thing it counts may be named: the sentence or two before it.
_BEFORE = 300


def counted_in_use(question: str) -> str | None:
    """The stem of what a "how many … are working now?" question counts ("fridge" of "the solar fridges"), or None."""
    m = _ASKS.match(question)
    if m is None:
        return None
    return _singular(m.group("what").split()[-1].lower())


def _singular(word: str) -> str:
    """A plural's stem, which names the singular too: "fridge" of "fridges", "box" of "boxes"."""
    if word.endswith("ies"):
        return word[:-3]
    if word.endswith(("ses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def tells_in_use(text: str) -> bool:
    """Whether a sentence gives a count of things in use ("118 are installed and working")."""
    return _TELLS.search(text) is not None


def newest_in_use(stem: str, candidates: Sequence[Candidate], told_on: Callable[[Candidate], date]) -> Candidate | None:
    """The quotable report sentence, told on the latest day, that gives a count in use of what `stem` names, named in
    the sentence or just before it."""
    named = re.compile(rf"\b{re.escape(stem)}", re.IGNORECASE)
    counting = [
        c
        for c in candidates
        if c.report_sentence
        and tells_in_use(c.text)
        and named.search(c.passage.text[max(0, c.start - _BEFORE) : c.end])
    ]
    return max(counting, key=told_on, default=None)
