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


def count_asked(question: str) -> CountAsked | None:
    """The count of people `question` asks for, or None when it asks for none."""
    asked = measures(question)
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
