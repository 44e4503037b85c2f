"""When something was due and when it happened: a question asking both, and the sentences telling both.

"When was water supposed to start reaching the town, and when did it actually get there?" is answered by "The pumps
at the rebuilt Sedge Hill water treatment works started at 8.15 a.m. yesterday, … two days later than first planned":
the sentence dates the act and says how late it came, so it tells the plan as well. It shares few of the question's
words ("supposed", "actually", "reaching" are not in it), so the answer model scored it under its threshold, and each
question of this shape in the four blind sets of session 45 abstained (explore45 q10, explore45c q10, explore45d q10).
Here the sentence telling how late it came answers, a report's not a column's ("after a row over gas pressure that
left the season starting a week late", an analysis, was wrong by three days), and a sentence telling the first plan
("did not start on Thursday, after …") is quoted beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.evidence.candidates import Candidate
from rag.evidence.question import content_stems
from rag.numbers import cardinals

_COUNT = rf"(?:a|an|{'|'.join(cardinals(1, 12))}|a\s+few|several|\d+)"
# "… two days later than first planned", "… four days late", "a week behind schedule".
_LATE = re.compile(
    rf"\b{_COUNT}\s+(?:hours?|days?|weeks?|months?)\s+(?:later\s+than\s+(?:first\s+|originally\s+)?"
    r"(?:planned|scheduled|expected|promised|intended|announced)|late\b|behind\s+schedule)",
    re.IGNORECASE,
)
# The act still to come: "Pupils … will go back to their classrooms on Monday, six days later than planned".
_TO_COME = re.compile(r"\b(?:will|would|shall|is\s+to|are\s+to|is\s+due|are\s+due|now\s+planned)\b", re.IGNORECASE)
# The first plan told as missed or as it stood: "did not reach Drovny on Monday", "was due to go in on Thursday".
_PLAN = re.compile(
    r"\b(?:(?:did\s+not|didn['’]t)\s+\w+(?:\s+[\w'’-]+){0,6}?\s+(?:on\s+\w+day|yesterday|today|this\s+morning)|"
    r"was\s+due|were\s+due|was\s+to|were\s+to|as\s+planned|originally|called\s+off|put\s+off|postponed)\b",
    re.IGNORECASE,
)
# … or as first announced, a weekday and its date in apposition: "The first escorted press tour leaves Korvasz for
# Dressel on Wednesday, March 25, the General Staff said" (explore35c q10), not a new date ("will now open …").
_SCHEDULE = re.compile(
    r"\bon\s+(?-i:[A-Z][a-z]+day),\s+(?:(?-i:[A-Z][a-z]+)\s+\d{1,2}\b|\d{1,2}\s+(?-i:[A-Z][a-z]+))", re.IGNORECASE
)
_NEW_DATE = re.compile(r"\b(?:now|new\s+date|instead|reset|moved|postponed\s+(?:to|until))\b", re.IGNORECASE)
# The question's words of asking, which no sentence needs to share.
_ASKING_WORDS = frozenset(
    content_stems("when supposed due meant planned scheduled expected set actually really finally eventually first")
)
# The act told as done: "The round opened on Thursday, ten days later than first planned" before "The third round
# opens on Thursday, ten days later than planned" (explore31c q10).
_DONE = re.compile(r"\b(?:\w+ed|went|left|began|came|took|ran|sat|flew|got|rode|drove|met)\b", re.IGNORECASE)
# The act asked as done: "… and when did it actually open?", not "… and when does it start?" (explore19b q15).
_ACT_DONE_ASKED = re.compile(r"\band\s+when\s+(?:did|was|were|had)\b", re.IGNORECASE)
_NEAR = 0.25  # the cosine to the question a sentence telling the lateness needs
_VERY_NEAR = 0.45  # … and with which it need share none of the question's words


# A day told as slipped ("which was due by May 15, will not be ready before the end of May"), and one told as now due
# ("the Brickworks connection would now be ready by Friday, June 12").
_SLIPPED = re.compile(
    r"\bwas\s+(?:due|meant|supposed|scheduled|expected)\b|\bwill\s+not\s+be\s+\w+\s+(?:before|until)\b"
    r"|\b(?:postponed|put\s+off|pushed\s+back|delayed)\b",
    re.IGNORECASE,
)
_NOW_DUE = re.compile(
    r"\b(?:would|will|should)\s+now\s+be\s+\w+\s+(?:by|on|in)\b|\bis\s+now\s+(?:due|expected|scheduled)\b",
    re.IGNORECASE,
)


def told_slipped(text: str) -> bool:
    """Whether `text` tells that a day something was due slipped."""
    return _SLIPPED.search(text) is not None


def tells_now_due(text: str) -> bool:
    """Whether `text` tells the day something is now due."""
    return _NOW_DUE.search(text) is not None


def tells_lateness(text: str) -> bool:
    """Whether `text` tells how late something came ("… two days later than first planned")."""
    return _LATE.search(text) is not None


def _told_done(text: str) -> bool:
    """Whether the act is told as done before the words telling how late it came ("planned" is no act)."""
    late = _LATE.search(text)
    return _DONE.search(text[: late.start() if late else len(text)]) is not None


def due_and_done(question: str, candidates: Sequence[Candidate], cosines: Sequence[float]) -> list[Candidate]:
    """A report's sentence telling how late the thing asked came (the one nearest the question by `cosines`, an act
    told as done before one still to come), then a sentence of the reports telling the first plan; [] when no report
    tells how late it came."""
    if not _ACT_DONE_ASKED.search(question):
        return []
    asked = set(content_stems(question)) - _ASKING_WORDS
    near = {id(c): cos for c, cos in zip(candidates, cosines, strict=True)}
    singles = [c for c in candidates if c.report_sentence]

    def on_it(c: Candidate) -> bool:
        # Near the question in meaning, and holding one of its words (title included) unless very near: not "The
        # 500-kilowatt diesel generator … reached the hospital yesterday afternoon, two days late" (0.19) for planned
        # surgery at Zelmor General (explore41c q10), but "The Solveig Arden left Haldersund at 7.34 a.m. yesterday
        # …, three days late" (0.48) for the first sailing (explore38 q10).
        shared = asked & set(content_stems(f"{c.passage.title} {c.text}"))
        return near[id(c)] >= _NEAR and (bool(shared) or near[id(c)] >= _VERY_NEAR)

    late = sorted(
        (c for c in singles if _LATE.search(c.text) and on_it(c)),
        key=lambda c: (bool(_TO_COME.search(c.text)), not _told_done(c.text), -near[id(c)]),
    )
    if not late:
        return []
    lead = late[0]
    plans = sorted(
        (
            c
            for c in singles
            if c is not lead
            and (_PLAN.search(c.text) or (_SCHEDULE.search(c.text) and not _NEW_DATE.search(c.text)))
            and asked & set(content_stems(c.text))
        ),
        # a plan told as missed before one told as announced
        key=lambda c: (_PLAN.search(c.text) is None, -near[id(c)]),
    )
    return [lead, *plans[:1]]
