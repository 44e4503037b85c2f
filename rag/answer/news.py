"""What makes an answer news-aware, added to it without the LLM: the date it holds as of, and
the places where the evidence disagrees or changed over time (rag/news/).

A disagreement is shown with both sides cited: evidence on a side that the answer does not cite
yet gets a citation of its own, so every note points at the sentences it quotes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rag.answer.cite import ParsedAnswer
from rag.evidence.selector import sentence_before
from rag.news.conflicts import Conflict, column_behind, detect_conflicts
from rag.news.recency import as_of, wants_latest
from rag.types import Citation, Evidence


@dataclass(frozen=True)
class Disagreement:
    """One conflict (or change over time) between evidence spans, as shown under an answer."""

    kind: str  # "conflict" or "change"
    about: str  # number, date, name, negation, reported
    note: str  # the line a reader sees, with the citation numbers of both sides
    numbers: tuple[int, int]
    detail: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "about": self.about, "note": self.note, "numbers": list(self.numbers), **self.detail}


# "the first convoy" of "How many people were on the buses in the first convoy out of Dalvany?".
_ORDINAL_ASKED = re.compile(
    r"\b(?:first|second|third|fourth|fifth|last)\s+(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z]{4,})", re.IGNORECASE
)
# "in its first few days", "on the first day of term": a time, not one of the things counted.
_TIME_UNIT = re.compile(r"(?:day|week|month|year|hour|minute|time|night|morning)s?$", re.IGNORECASE)


def _instance_asked(question: str) -> re.Pattern[str] | None:
    """For a question picking out one thing by its order ("the first convoy"), the words naming that thing with its
    ordinal; None for any other question. "in its first few days" picks out no thing."""
    m = _ORDINAL_ASKED.search(question)
    if m is None or _TIME_UNIT.match(m.group("noun")):
        return None
    ordinal, noun = m.group(0).split()[0].lower(), m.group("noun").lower()
    stem = noun[: max(4, len(noun) - 2)]
    return re.compile(rf"\b(?:(?P<ordinal>{ordinal})\s+(?:[\w-]+\s+){{0,2}}?)?{stem}", re.IGNORECASE)


def _of_other_instance(asked: re.Pattern[str], e: Evidence) -> bool:
    """Whether a span counts another one of the things the question picks out by its order: "It carried 49 patients
    and 33 relatives" (told of the first bus convoy) against "Bus convoys … resumed on Monday, …, carrying 47 patients
    and 28 carers" was shown as the first convoy's count changing (explore35 q03). A span tells of another when it, or
    the sentence before it, names the thing (`asked`) and never with the ordinal."""
    named = list(asked.finditer(f"{sentence_before(e.passage, e.start)} {e.text}"))
    return bool(named) and not any(m.group("ordinal") for m in named)


def _columns_behind(conflicts: Sequence[Conflict]) -> set[str]:
    """The column sentences whose count is behind a report of the column's day or later (`column_behind`): such a
    column restates a count as it once stood, so it is no side of any note on a number. "only two of the six new DNA
    sequencers … are running" (an analysis of 14 October, behind the same day's "four are running") was still shown
    against an earlier report's "Four of the six new DNA sequencers … delivered" as sources that disagree (blind
    explore48 q31)."""
    return {
        side.text
        for c in conflicts
        if c.kind == "conflict" and c.about == "number" and column_behind(*c.sides)
        for side in c.sides
        if side.genre
    }


def disagreements(
    parsed: ParsedAnswer, items: Sequence[Evidence], question: str = ""
) -> tuple[list[Citation], list[Disagreement]]:
    """The answer's citations, extended so both sides of each disagreement are cited, and the notes. A note on a
    number that the question asks of one instance ("the first convoy") needs both sides to tell of it."""
    asked = _instance_asked(question)
    detected = detect_conflicts(list(items))
    behind = _columns_behind(detected)
    found = [
        c
        for c in detected
        if (asked is None or c.about != "number" or not any(_of_other_instance(asked, items[i]) for i in c.items))
        and not (c.about == "number" and any(side.text in behind for side in c.sides))
    ]
    citations = list(parsed.citations)
    number_of = {id(c.evidence): c.number for c in citations if c.evidence is not None}
    notes: list[Disagreement] = []
    told: set[frozenset[str]] = set()
    for conflict in found:
        # The same two sentences read in two spans (a sentence alone and in a pair with the one before it) make one
        # note: explore38's "Until what date was the ferry route suspended?" showed the same change twice.
        sentences = frozenset(side.text for side in conflict.sides)
        if sentences in told:
            continue
        told.add(sentences)
        if conflict.items[0] == conflict.items[1]:
            # Both sides in one evidence span: the detector paired a sentence with one it only
            # reports on (rag ask "What did Dmitriev tell Fox News?" quoted an unrelated Lavrov
            # sentence as a side); a note must point at two different cited sentences.
            continue
        numbers = []
        for index in conflict.items:
            e = items[index]
            if id(e) not in number_of:
                number_of[id(e)] = len(citations) + 1
                citations.append(Citation(number=number_of[id(e)], passage=e.passage, evidence=e))
            numbers.append(number_of[id(e)])
        pair = (numbers[0], numbers[1])
        if any(set(pair) == set(n.numbers) for n in notes):
            continue  # two sentences of one cited span against the same other: one note says it
        notes.append(Disagreement(conflict.kind, conflict.about, conflict.note(pair), pair, conflict.to_dict()))
    return citations, notes


def conflicting_sides(items: Sequence[Evidence]) -> list[Evidence]:
    """The evidence spans that answer "do the sources disagree?": either side of each disagreement
    among `items` that the rules and the pair model both find, or a span that itself reports a
    contradiction ("this statement conflicts with earlier remarks by Dmitriev"). Stricter than the
    notes under an ordinary answer, since here the disagreement is the answer: on the labelled pairs
    (evals/news, all development data) precision 0.77 at recall 0.34, against 0.80 / 0.66."""
    sides: list[Evidence] = []
    for conflict in detect_conflicts(list(items)):
        if conflict.about != "reported" and not conflict.by_rules:
            continue
        for index in conflict.items:
            if all(items[index] is not e for e in sides):
                sides.append(items[index])
    return sides


def dated(question: str, text: str, citations: Sequence[Citation]) -> tuple[str, str | None]:
    """(text, as_of): for a question about the latest or current state, the answer opens with the
    date of the newest cited article ("As of 20 May 2025: ..."); `as_of` is set whenever one is dated."""
    phrase = as_of([c.passage for c in citations])
    if phrase and wants_latest(question):
        # An undated article may be newer than the date given: say that the date is only the dated ones'.
        undated = len({c.passage.article_id for c in citations if not c.passage.published})
        caveat = f" ({undated} cited article{'s' if undated > 1 else ''} undated)" if undated else ""
        return f"{phrase[0].upper()}{phrase[1:]}{caveat}: {text}", phrase
    return text, phrase
