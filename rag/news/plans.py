"""The words of a plan, a forecast or a supposition, kept in one place: a date or a count next to one
of them is what was expected, not what happened. Each test of rag/news and rag/evidence takes the
part of this vocabulary it needs; the patterns below say why each takes no more."""

from __future__ import annotations

import re

# A plan given another date: "postponed", "pushed back".
MOVED = r"postponed|delayed|put\s+off|pushed\s+back|brought\s+forward|rescheduled"
# Participles that make a plan with "to": "is expected to", "set to", and a plan kept: "was 'on track' to open by
# Wednesday", said on a Sunday, is the Wednesday ahead (blind explore26 q09 dated it the Wednesday before).
PLAN_PARTICIPLES = r"expected|scheduled|set|going|due|on\s+track[\"”’']?"
# A supposition: "would", "could", "might".
MODALS = r"would|could|might"

# Any word of a plan or a schedule, whose date can move ("will get another attempt at launching on
# Saturday"): the widest list, for telling a plan's date from an event's (rag/news/sameness.py, order.py,
# conflicts.py).
SCHEDULED = re.compile(
    rf"\b(?:will|would|shall|to\s+be|scheduled|set\s+(?:to|for)|planned|plans?\s+to|expected|due|"
    rf"{MOVED}|postpone|moved|window|attempt|next|upcoming)\b",
    re.IGNORECASE,
)

# The markers of a future clause, for the tense of a date phrase (rag/news/date_patterns.py). A plan's
# new date is future in any tense: "the deadline had been moved to 22 March" (explore16 q14).
FUTURE = re.compile(
    r"\b(?:(?:will|shall|to)\s+(?:be|have)\s+\w+|will|shall|scheduled|schedules?|"
    rf"(?:{PLAN_PARTICIPLES}|plans?|planning)\s+to|"
    r"is\s+to|are\s+to|upcoming|to\s+be\s+held|to\s+take\s+place|to\s+convene|to\s+meet|to\s+vote|forecast|debuts?|"
    rf"(?:moved|{MOVED}|extended)\s+(?:to|until|till)|"
    r"set\s+for)\b"
    r"|['’]ll\b",
    re.IGNORECASE,
)

# A text that tells an event only ahead: "Inspectors are due inside the plant today" tells no finding
# (rag/evidence/entities.py). Past "due" counts, the participles only in the present: "was expected to"
# is also written after the event, of what then happened or did not.
ONLY_PLANNED = re.compile(
    rf"\b(?:(?:is|are|was|were)\s+due|will|(?:is|are)\s+(?:{PLAN_PARTICIPLES})\s+to|plans?\s+to)\b",
    re.IGNORECASE,
)

# A count that is expected, not made, told right after the number: "dozens of ships were expected"
# (rag/news/sameness.py). Only the verb phrase right after the number and up to three words, so "to be"
# or "next" further on, which SCHEDULED would take, do not make a count a forecast.
FORECAST_AFTER = re.compile(
    r"^\W*(?:[\w,’'-]+\s+){0,3}?(?:(?:were|are|is|was)\s+(?:expected|due|forecast|projected|set\s+to)|will|would)\b",
    re.IGNORECASE,
)

# A supposed day is no date to show: "the talks would resume on Monday" (rag/news/dates.py).
MODAL = re.compile(rf"\b(?:{MODALS})\b", re.IGNORECASE)
# A supposition or a condition, for dates that may not be told as happening (rag/news/dates.py).
HYPOTHETICAL = re.compile(rf"\b(?:if|were\s+held|{MODALS})\b", re.IGNORECASE)

# Telling the plan that came first, before a change: "Ambassadors were originally due to approve the package on 11
# March" (rag/news/sameness.py, rag/evidence/selector.py).
FIRST_PLANNED = r"originally|initially"
# A plan that did not happen: "but the hearing was called off after his dismissal was announced"
# (rag/evidence/selector.py).
CALLED_OFF = re.compile(
    r"\b(?:called\s+off|cancel(?:l)?ed|scrapped|abandoned|did\s+not\s+(?:take\s+place|happen|go\s+ahead)|"
    r"never\s+(?:took\s+place|happened|went\s+ahead))\b",
    re.IGNORECASE,
)

# "When was the first escorted press tour supposed to go to Dressel, and when did it actually go?", "what was the
# original date and when did it actually happen?": the day planned and the day it happened, both asked.
_PLAN_AND_ACT = re.compile(
    r"\b(?:supposed|due|planned|scheduled|meant|intended|originally|original\s+date)\b[^?]*?"
    r"\band\s+when\s+(?:did|was|were|had|does)\b",
    re.IGNORECASE,
)


def asks_plan_and_act(question: str) -> bool:
    """Whether the question asks both when something was planned and when it happened."""
    return _PLAN_AND_ACT.search(question) is not None
