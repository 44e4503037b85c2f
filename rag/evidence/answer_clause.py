"""Trim an evidence sentence to the clause that answers, when that clause stands on its own."""

from __future__ import annotations

import re

from rag.evidence.entities import has_type
from rag.evidence.question import QuestionInfo, content_stems, matches

# Where a sentence may be cut: a semicolon, colon or dash starts a clause that can stand alone;
# a comma before a conjunction or relative pronoun ends the clause before it.
_HARD = re.compile(r"\s*(?:;|:|\s[—–]\s|\s-\s)\s*")
# Not ", and": it joins the items of a list more often than two clauses. Not ", but only" either, which takes back what
# the clause before it gave: "the pension fund proposes … the amount of cash each convoy carries, but only the Joint
# Civil Commission can license a convoy" was cut to the fund's proposal (blind explore46b q22).
_SOFT = re.compile(r",\s+(?=(?:but(?!\s+only\b)|while|although|whereas|which|who|after|before)\b)")
_DEPENDENT = re.compile(r"^(?:but|while|although|whereas|which|who|and|as|after|before|because|that)\b", re.I)


# An aside between two dashes is part of its clause: "his stake in Group Menatep - which controls
# Yukos - to Leonid Nevzlin" (hand-read round 14 q03 lost the name behind the second dash).
# … and so is what brackets hold: "1bn CFA francs ($2m; £1m) a month" (round 15 q15 lost "a month").
_BRACKETS = re.compile(r"\([^()]*\)")
_ASIDE = re.compile(r"\s[—–-]\s[^—–;:.]{1,100}?\s[—–-]\s")


def _clauses(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    masked = _BRACKETS.sub(lambda m: "x" * len(m.group(0)), _ASIDE.sub(lambda m: "x" * len(m.group(0)), text))
    for m in _HARD.finditer(masked):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        cut = _SOFT.search(text, s, e)
        # Only the part before a soft cut stands alone; what follows depends on it.
        out.append((s, cut.start() if cut else e))
    return [(s, e) for s, e in out if e > s]


def answering_clause(text: str, question: QuestionInfo) -> str | None:
    """The shortest self-contained clause of `text` holding the answer, or None when it is the whole sentence.

    Only for a question that asks for a name, date, place or number: what answers "what did X
    say" or "why" may lie in any clause, and a cut there could drop it."""
    if question.answer_type in ("other", "reason"):
        return None
    clauses = [text[s:e].strip(" ,") for s, e in _clauses(text)]
    clauses = [c for c in clauses if len(c.split()) >= 4 and not _DEPENDENT.match(c)]
    if not clauses:
        return None

    def value(clause: str) -> tuple[float, float, int]:
        stems = set(content_stems(clause))
        coverage = sum(matches(t, stems) for t in question.terms) / max(len(question.terms), 1)
        return (float(has_type(clause, question.answer_type, question)), coverage, -len(clause))

    best = max(clauses, key=value)
    full = value(text)
    # Trim only when nothing the question needs is lost: the answer type, and no key term.
    if best == text.strip() or not value(best)[0] or value(best)[:2] < full[:2]:
        return None
    # Nor when another clause gives a value of the asked kind too: "Ostrel says it holds fewer than 900
    # Varnians; Varnia puts the figure at around 1,400" is cut to the dispute's one side (explore16 q17).
    if sum(bool(value(c)[0]) for c in clauses) > 1:
        return None
    return best
