"""Counts of people that a question on the latest asks for, and the sentences that give one.

"What's the latest death toll?" is answered by "224 laboratory-confirmed cases and 13 deaths had been
recorded as of Sunday", which never says "toll": the newest report of a count is often one sentence
of a report on something else, and it scores far under an older sentence with the question's words
("lowered the official death toll … to nine"; explore17b q09). What a count counts is read with the
measures of `rag/news/compatible.py` (deaths, injuries, the missing, …), defined there once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.news.compatible import measures, without_measures
from rag.news.date_patterns import MONTH, WEEKDAY
from rag.numbers import CARDINALS

# "death toll", "number of dead", "how many … killed", "casualty figures": a count asked.
_COUNT_WORDS = re.compile(r"\b(?:how\s+many|toll|number|count|tally|figures?)\b", re.IGNORECASE)
# Words of the count itself or of its recency, no key terms a sentence giving it must hold: "How many
# people have died so far?" is answered by "13 deaths had been recorded as of Sunday".
_NOT_TERMS = re.compile(
    r"\b(?:people|persons|so\s+far|to\s+date|now|currently|latest|newest|most\s+recent|yet|still|official)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(rf"\b(?:\d[\d,.]*|{'|'.join(CARDINALS)})\b", re.IGNORECASE)


@dataclass(frozen=True)
class CountAsked:
    """What a question's count counts (`measures`), and the question without the words that say so
    (`rest`), whose key terms a sentence giving the count must still hold."""

    measures: frozenset[str]
    rest: str


# A clause telling when: "How many children were living in Vessmir when the evacuation order was announced?" counts
# no one evacuated (explore28d q03 lost its answer, "The … count of children in Vessmir … was 1,430").
_WHEN_CLAUSE = re.compile(r"\b(?:when|before|after|while|until)\b[^?]*", re.IGNORECASE)


def count_asked(question: str) -> CountAsked | None:
    """The count of people `question` asks for, or None when it asks for none."""
    asked = measures(_WHEN_CLAUSE.sub(" ", question))
    if not asked or not _COUNT_WORDS.search(question):
        return None
    return CountAsked(frozenset(asked), _NOT_TERMS.sub(" ", _COUNT_WORDS.sub(" ", without_measures(question))))


def gives_count(asked: CountAsked, text: str) -> bool:
    """Whether `text` gives a number of something the question counts ("13 deaths had been recorded")."""
    return bool(asked.measures & measures(text)) and _NUMBER.search(text) is not None


def gives_asked_count(question: str, text: str) -> bool:
    """Whether `text` counts what the question's count of people counts: "three Tazhiri soldiers had been
    killed" does not answer "How many Tazhiri soldiers were wounded?" (blind explore18 q18). True when the
    question asks for no such count."""
    asked = count_asked(question)
    return asked is None or gives_count(asked, text)


# A day told only by a time of it: "that morning", "By evening" (rag/news/conflicts.py dates such a count by its
# report).
TIME_OF_DAY = r"(?:that|this)\s+(?:morning|afternoon|evening|night)"
BY_TIME_OF_DAY = r"by\s+(?:the\s+)?(?:evening|nightfall|dusk|midday|noon)"


# What was done on one day, told with no running total beside it: "Kelmora took back the bodies of 206 of its
# soldiers … yesterday" and "The bodies of 157 Kelmoran soldiers crossed the Vesk Bridge yesterday" are two
# handovers' counts, not one figure revised (blind explore27b q01). "By Thursday, 24 ships had sailed", "bringing the
# total to 511" and a count revised ("on Thursday revised down its count of grain shipped … to 1.02 million tonnes")
# tell a total. Not a test of whether a count answers a question on the total: "24 countries signed the declaration
# on Thursday" is the total signed (blind explore28c q01, explore28d q11 lost their answers to such a rule).
_ONE_DAY = re.compile(
    rf"\b(?:yesterday|today|last\s+night|{TIME_OF_DAY}|{BY_TIME_OF_DAY}|"
    rf"on\s+(?:{WEEKDAY}|{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH}))\b",
    re.I,
)
_RUNNING = re.compile(
    rf"\bby\s+(?:\d|yesterday|today|now|then|the\s+end|mid|early|late|{WEEKDAY}|{MONTH})\b|"
    r"\b(?:so\s+far|to\s+date|in\s+all|altogether|overall|total\w*|tally|cumulative|"
    r"ha(?:ve|s|d)\s+(?:now\s+)?been\s+(?:recorded|counted|registered|confirmed|reported)|as\s+of|bringing|brings|"
    # "brought back 61 units by the evening" brings nothing to a total (explore43 q31: a day's 61 units "changed" to
    # two days' 220).
    r"brought(?!\s+back)|"
    r"in\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+\w+s|all\s+told|now|ris(?:en|es|ing)|rose|"
    r"climb\w*|reach\w*|increas\w*|revis\w*|updat\w*|count|"
    # a season's or a year's figures: "… gave him an 86.4% win rate in this year's 22 F1 races" (RealTimeQA 20231027_3)
    r"this\s+(?:year|season)|(?:year|season)['’]s)\b",
    re.I,
)


def counts_one_day(text: str) -> bool:
    """Whether `text` tells a count of what was done on one day, with no running total beside it."""
    return _ONE_DAY.search(text) is not None and _RUNNING.search(text) is None


# A count asked for the day something opened ("on the day the amnesty opened"), a span counting that day ("On the
# first day, April 1, 412 men came home"), and one counting since it ("More than 3,000 men have come back … since the
# amnesty opened on April 1", blind explore50c q03).
# "on the unit's first day" too (explore51 q03).
FIRST_DAY = r"\b(?:the|its|(?:the\s+)?[\w-]+['’]s)\s+(?:first|opening)\s+day\b"
_FIRST_DAY_ASKED = re.compile(
    rf"\bon\s+{FIRST_DAY}"
    r"|\bon\s+the\s+day\s+(?:the\s+|it\s+)?(?:[\w'’-]+\s+){0,2}?(?:opened|began|started|launched)\b",
    re.IGNORECASE,
)
_FIRST_DAY = re.compile(FIRST_DAY, re.IGNORECASE)
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)


def asks_first_day(question: str) -> bool:
    """Whether the question asks for what was done on the day something opened."""
    return _FIRST_DAY_ASKED.search(question) is not None


def counts_first_day(text: str) -> bool:
    """Whether `text` tells what was done on a first day."""
    return _FIRST_DAY.search(text) is not None


def counts_since(text: str) -> bool:
    """Whether `text` counts since some day."""
    return _SINCE.search(text) is not None
