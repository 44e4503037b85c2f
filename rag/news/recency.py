"""Questions about the latest or current state, and passages re-ranked so newer ones come first.

"What is the latest on the Maui fires?" wants the newest relevant article first, not the one
that best matches the words. `wants_latest` spots such questions by their words ("latest",
"now", "currently", "as of", "so far", "still", "anymore", "update"); `rank_recent` then
re-orders the retrieved passages: among those relevant enough (within `margin` of the best
relevance), newer publication dates come first; the rest keep their order behind them.
Undated passages keep their places: an article without a date may be the newest. `newest_first`
orders an answer's evidence the same way, so the newest report leads under its "as of".

`as_of(passages)` is the phrase an answer ends with: "as of 22 December 2023", the date of
the newest passage cited.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from typing import TypeVar

from rag.news.date_patterns import MONTH
from rag.news.dates import as_date
from rag.types import Passage

T = TypeVar("T")

# Phrases of the present whose words are no key terms: "Who is Karvenia's chief negotiator at the moment?"
# is answered by a report that never says "moment" (blind explore20 q28), "… repatriated so far?" by one
# that never says "far".
RECENCY_PHRASES = r"so\s+far|to\s+date|up\s+to\s+date|at\s+(?:the\s+)?(?:moment|present)|these\s+days|still"
_LATEST = re.compile(
    r"\b(?:latest|newest|most\s+recent(?:ly)?|recent\s+(?:news|developments?|updates?)|current(?:ly)?|now|nowadays|"
    # "as of 21 May" asks for the state on a named day, not the latest (blind explore19 q06).
    r"as\s+of(?!\s+(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b))|"
    rf"{RECENCY_PHRASES}|any\s*more|yet|update[sd]?|this\s+week|today|ongoing|presently|"
    # "What was the final deadline …?": a deadline extended twice ends at its last extension (explore39b q21 gave
    # the first, 12 June; the second moved it to 17 June).
    r"(?:final|last|latest|new)\s+(?:deadline|cut-?off)|"
    # … as does "By what date did the armies finally have to …?" (blind explore47 q21).
    r"by\s+(?:what|which)\s+(?:date|day)\b[^?]*?\bfinally|"
    # … and "How long did the swimming ban last in the end?": the ban as it ended, after its extensions (blind
    # explore48d q21 gave the first extension).
    r"how\s+long\b[^?]*\bin\s+the\s+end)\b",
    re.IGNORECASE,
)


# "How many ships are waiting off Halvik?": a count in the present tense is the current one, and news
# counts change (explore15 q06 led with the first day's 14 ships, not the last report's 36).
# Counts only: "How much money is in the union's strike fund?" is no count that news updates, and read
# newest first it led with an analysis piece's unrelated figure (explore15 q31).
_CURRENT_COUNT = re.compile(r"^\s*how\s+many\b[^?]*?\b(?:are|is)\b(?!\s+(?:said|thought|believed|expected)\b)", re.I)
# "How many guns has Vessany declared?": a count up to now, in the perfect. Not "How many tanks does the depot have?".
_COUNT_SO_FAR = re.compile(
    r"^\s*how\s+many\b(?![^?]*\b(?:do|does|did|had)\b)[^?]*?\b(?:has|have)\s+(?:[\w'’-]+\s+){0,3}?[a-z]+(?:ed|en|wn)\b",
    re.I,
)


# "When will shareholders vote on the offer?": a plan is as its latest report has it, and news plans
# move (explore16b q08 led with the vote "on April 7" of 13 March; it had been put off to April 28).
# "When does the truce run out?" asks the same (blind explore18 q11 answered the first end date, 8 May;
# the truce had been extended to 29 May). "whens the dolvany pipline going to be finished?" is "when is" typed
# fast (blind explore26b q12 led with the 20 June target of 18 May; on 8 June it was "not before mid-July").
# "Until when were people in Krenvald told to stay indoors?" asks for an end, which extensions move, in any tense
# (explore41 q21 gave the first end, 8 p.m. on 16 September; the order was extended twice, to 21 September). So does
# "Until what date was the fishing zone closed after the mine blast?" (explore42 q21 gave the first end, 13 May).
# An end asked for: "until when", "until what date" (rag/evidence/selector.py reads it as a deadline asked).
UNTIL_WHEN = r"(?:un)?till?\s+(?:when|what\s+(?:date|day|time))\b"
_PLANNED = re.compile(
    r"^\s*(?:when(?:\s+(?:will|is|are|does|do)|['’]?s)\b|(?:on\s+)?what\s+(?:date|day)\s+(?:will|is|are|does|do)\b|"
    rf"{UNTIL_WHEN})"
    r"(?![^?]*\b(?:said|thought|believed|first|originally|initially)\b)",
    re.IGNORECASE,
)


# "How has Ordovan's lead changed since election night?": a change runs to the newest report, which
# leads (blind explore18b q27 answered with the second of four figures, 312, under no date).
_CHANGED = re.compile(r"^\s*how\s+(?:has|have)\b[^?]*\bchanged\b", re.IGNORECASE)


# "is the internet on hallen working again": whether something cut off works again is its current state, which the
# newest report of its return tells (blind explore23d q22 quoted the 4 April switch to a satellite backup; traffic
# on the cable had been restored on 3 May, in a report that never says "internet" or "working").
_BACK = r"back\s+(?:on|online|up|in\s+(?:service|operation)|to\s+normal)"
# Typed with no verb, it asks the same: "blue-7 patrols - back on?" (explore34b q06 led with a report of the suspension
# to be reviewed "before it expires tomorrow"; patrols had resumed three weeks later); not "Did the talks start again?".
# "is the parcel service accross the contact line still suspended" asks the same (blind explore37d q13 led with a
# column's "remains suspended" of 31 May; deliveries had resumed on 2 June).
# "stoped", typed for "stopped", asks it too (blind explore50d q13 answered "still halted" a week stale).
_STILL_STOPPED = (
    r"still\s+(?:suspended|closed|halted|shut|stopp?ed|paused|cut\s+off|off|down|offline|out\s+of\s+service)"
)
_AGAIN = re.compile(
    rf"^\s*(?:(?:is|are|has|have)\b[^?]*\b(?:again|{_BACK}|{_STILL_STOPPED})\b|"
    rf"(?!(?:did|was|were|when|why|how|who|what|where|which)\b)[^?]*\b(?:again|{_BACK})\s*\?*\s*$)",
    re.IGNORECASE,
)
# Not a return still under way: "the second transformer … is being reconnected this week" (explore44b q13). A return
# allowed is one made: "The Joint Energy Commission allowed deliveries across the line to resume on Sunday" (explore45d
# q13).
_RETURNED = re.compile(
    rf"(?<!being\s)\b(?:restored|resumed|reopened|reconnected|repaired|{_BACK})\b"
    # "All 14 masts in the front-line town of Brisava are working again" (explore45b q13)
    r"|\b(?:is|are|was|were|has\s+been|have\s+been)\s+[a-z]+ing\s+again\b"
    r"|\ballowed\b[^.;]{0,60}?\bto\s+(?:resume|reopen|restart)\b",
    re.IGNORECASE,
)
# A return a stop waits for is none: "suspended gas deliveries … until the pipe has been repaired" (explore45d q13).
_AWAITED = re.compile(r"\b(?:until|unless|once|before)\b[^.;,]*", re.IGNORECASE)


# "In early April, how many aircraft did the different sources say Vardair still had flying?" asks for the state in a
# month named, not the latest (blind explore27c q03 led with a count of 27 April).
_IN_A_MONTH = re.compile(
    rf"\b(?:in|during|by|on|as\s+of)\s+(?:(?:early|late|mid-?)\s*)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
    rf"{MONTH}\b",
    re.IGNORECASE,
)


def wants_latest(question: str) -> bool:
    """Does the question ask for the current state or the latest news?"""
    # "Are the handovers still halted since the row in mid-March?" asks for now (blind explore27b q24).
    if _IN_A_MONTH.search(question) and not re.search(r"\bsince\b", question, re.IGNORECASE):
        return False
    return bool(
        _LATEST.search(question)
        or _CURRENT_COUNT.search(question)
        or _PLANNED.search(question)
        or _CHANGED.search(question)
        or _AGAIN.search(question)
    )


def asks_count_so_far(question: str) -> bool:
    """Does the question ask for a count up to now in the perfect ("How many guns has Vessany declared?")?"""
    return _COUNT_SO_FAR.search(question) is not None


def asks_return(question: str) -> bool:
    """Does the question ask whether something cut off or stopped works again ("Is the bridge open again?")?"""
    return bool(_AGAIN.search(question))


def tells_return(sentence: str) -> bool:
    """Does the sentence tell that something works again ("traffic … had been restored on Sunday")?"""
    return bool(_RETURNED.search(_AWAITED.sub(" ", sentence)))


def rank_recent(passages: Sequence[Passage], margin: float = 0.15) -> list[Passage]:
    """Relevant passages (score within `margin` of the best) newest first, then the others.

    Ties on date keep the retrieval order, so the best match of the newest day leads. Undated
    passages keep their places: an article without a date may be the newest."""
    if not passages:
        return []
    best = max(p.score for p in passages)
    relevant = [p for p in passages if p.score >= best - margin]
    rest = [p for p in passages if p.score < best - margin]
    return newest_first(relevant, lambda p: p.published) + rest


def newest_first(
    items: Sequence[T], published: Callable[[T], str | None], after: Callable[[T], bool] = lambda _: False
) -> list[T]:
    """`items` with the dated ones newest first, in the places dated ones hold; ties keep their order.
    An undated article is not an old one: it keeps its place. Items `after` picks (an opinion piece's
    sentence that gives no date of its own) follow all the others, in their order."""
    last = [x for x in items if after(x)]
    return _by_date([x for x in items if not after(x)], published) + last


def _by_date(items: Sequence[T], published: Callable[[T], str | None]) -> list[T]:
    day = [as_date(published(x)) for x in items]
    dated = sorted(((d, x) for x, d in zip(items, day, strict=True) if d), key=lambda dx: dx[0], reverse=True)
    ordered = iter(x for _, x in dated)
    return [next(ordered) if d else x for x, d in zip(items, day, strict=True)]


def newest(passages: Sequence[Passage]) -> date | None:
    dates = [d for d in (as_date(p.published) for p in passages) if d is not None]
    return max(dates) if dates else None


def as_of(passages: Sequence[Passage]) -> str | None:
    """The phrase "as of 22 December 2023" for the newest dated passage; None when none is dated."""
    day = newest(passages)
    return f"as of {day.day} {day:%B %Y}" if day else None
