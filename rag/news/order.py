"""Questions on the order of events, and the day each event's evidence gives it.

"Which came first, the joint inspection of the spillway gates or the first exchange of detainees?" and
"In what order did these happen: the mayor's resignation, the IERA team's arrival, …?" ask for dates
compared, which no single sentence gives: each event's evidence is selected on its own (the chain asks
"When did <event> happen?"), dated by the day its own words give ("on Monday", resolved from the
article's date), and the spans are shown in that order, each after its day. An event its evidence does
not date leaves the question to the ordinary answer: an order read from publication dates alone would
put a report of an old event after a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rag.answer.support import content_words
from rag.news.date_patterns import SENTENCE_END, in_summary_line, sentence_end, sentence_start
from rag.news.dates import ResolvedDate, as_date, resolve_dates
from rag.news.plans import SCHEDULED

_FIRST = re.compile(
    r"^\s*(?:which|what)\s+(?:came|happened|occurred|took\s+place|was)\s+first\s*[,:]?\s*(?P<events>.+?)\s*\??\s*$",
    re.IGNORECASE,
)
_IN_ORDER = re.compile(
    r"^\s*in\s+what\s+order\s+did\s+(?:these|the\s+following|they)\s+(?:events\s+)?"
    r"(?:happen|take\s+place|occur)\s*[,:]?\s*(?P<events>.+?)\s*\??\s*$",
    re.IGNORECASE,
)
# "Was Ravetz flown out of Dalvany before or after the buses stopped running?": two events, each asked when.
_BEFORE_OR_AFTER = re.compile(
    r"^\s*(?:did|was|were|had|has|have)\s+(?P<first>.+?)\s+before\s+or\s+after\s+(?:the\s+day\s+)?(?P<second>.+?)\s*\??\s*$",
    re.IGNORECASE,
)
_PLAN_REACH = 60  # characters before a date in which a word of a plan makes it the plan's date
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class OrderAsked:
    """The events a question asks to put in order, as it words them."""

    events: tuple[str, ...]


def order_asked(question: str) -> OrderAsked | None:
    """The events of "Which came first, A or B?", "In what order did these happen: A, B, C?" or "Did A before or
    after B?"; None for any other question, or one naming fewer than two events."""
    m = _BEFORE_OR_AFTER.match(question)
    if m is not None:
        return OrderAsked((m.group("first"), m.group("second")))
    m = _FIRST.match(question) or _IN_ORDER.match(question)
    if m is None:
        return None
    events = tuple(e.strip(" ,;:") for e in _SEPARATOR.split(m.group("events")) if e.strip(" ,;:"))
    return OrderAsked(events) if len(events) >= 2 else None


def _words(event: str) -> list[str]:
    """The event's content words, by their first five letters: "inspection" meets "inspected"."""
    return [w[:5] for w in content_words(event) if len(w) > 3]


# The word naming what happened: "halting" of "the court halting the recount", "arrival" of "the IERA team's
# arrival"; else the head noun, the last word before a preposition ("exchange" of "the first exchange of
# detainees").
_ACTIONS = (
    re.compile(r"\b[a-z][a-z-]*(?:ing|tion|sion|ment)s?\b"),
    re.compile(r"\b[a-z][a-z-]*(?:al|ure)s?\b"),  # "arrival", "closures"; after "ruling" of "the appeal ruling"
)
_HEAD_END = re.compile(r"\s+(?:of|at|in|on|between|with|to|for|against|by|from|near|over)\s", re.IGNORECASE)


def head_word(phrase: str) -> str:
    """The head of a noun phrase: its last word before a preposition ("clash" of "clash at the dam")."""
    return _HEAD_END.split(phrase, maxsplit=1)[0].split()[-1]


# A participle closing the phrase names what happened to what it names: "halted" of "voucher issuing halted" (of "Was
# voucher issuing halted before or after Brezan resigned?"), not "issuing" (blind explore38b q18 took "The 870
# vouchers issued on them were cancelled, which reduced the … count of 12,450 vouchers issued by March 24" for it).
_DONE_TO = re.compile(r"\b[a-z]{3,}ed$")


def _key(event: str) -> str | None:
    done_to = _DONE_TO.search(event.strip())
    m = done_to or next((m for pattern in _ACTIONS if (m := pattern.search(event))), None)
    word = m.group(0) if m else head_word(event)
    stems = content_words(word)
    return next(iter(stems))[:4] if stems else None  # "rule" of "ruling" meets "ruled"


# Words news copy swaps for a stop: "issuing was suspended" tells "issuing halted".
_STOP_WORDS = ("halt", "susp", "stop", "paus", "froz")


def _held(word: str, text: str) -> bool:
    family = _STOP_WORDS if word in _STOP_WORDS else (word,)
    return any(re.search(rf"\b{re.escape(w)}", text, re.IGNORECASE) is not None for w in family)


def tells_event(event: str, text: str) -> bool:
    """Whether `text` names what happened and holds the event's other words, all but one of three or more:
    "engineers from both countries inspected the spillway gates together" tells "the joint inspection of
    the spillway gates"; "the court lifted its injunction" does not tell "the court halting the recount"
    (blind explore18b q16), however many words they share."""
    words, key = _words(event), _key(event)
    held = sum(_held(w, text) for w in words)
    return bool(words) and (key is None or _held(key, text)) and held >= len(words) - (1 if len(words) >= 3 else 0)


def told_dates(text: str, published: date | str | None) -> list[ResolvedDate]:
    """The date phrases of `text` that tell when something happened: not a day after the article's own,
    nor a date after a word of a plan ("are expected to leave port on Friday")."""
    return [r for r in resolve_dates(text, published) if is_told(r, text, published)]


def is_told(r: ResolvedDate, text: str, published: date | str | None) -> bool:
    """Whether the date phrase `r` of `text` tells when something happened (see `told_dates`)."""
    pub = as_date(published)
    return (pub is None or r.date_from <= pub) and SCHEDULED.search(_lead_in(text, r.start)) is None


def _lead_in(text: str, start: int) -> str:
    """The words before `start` in its own sentence, at most `_PLAN_REACH` characters: a plan in the
    sentence before ("… was due to open next Monday.") is not this date's."""
    window = text[max(0, start - _PLAN_REACH) : start]
    return SENTENCE_END.split(window)[-1]


# ", who signed the moratorium for Ardessa on March 2,": a clause between commas about its own subject.
_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b[^,;]*,")


def _aside(start: int, relative: list[tuple[int, int]], places: list[int]) -> bool:
    """Whether the date phrase at `start` is in a relative clause (of the `relative` spans) holding no word of the
    event: the day of "Halvec, who signed the moratorium for Ardessa on March 2, resigned days before a
    no-confidence vote" is the signing's, not the resignation's (blind explore21b q22)."""
    return any(a < start < b and not any(a < p < b for p in places) for a, b in relative)


def _in_relative(at: int, relative: list[tuple[int, int]]) -> bool:
    return any(a < at < b for a, b in relative)


def _tells_there(
    r: ResolvedDate, text: str, words: list[str], places: list[int], relative: list[tuple[int, int]]
) -> bool:
    """Whether the sentence holding the date phrase `r` tells the event: it holds half the event's words, or
    more, and not all of them in a relative clause the date is outside of; or it follows a sentence that holds
    them. "The families … returned to their homes on Sunday. Greyholt … replaced the control units on all 310
    heat pumps installed at Kelmoor" dates the return, not the heat pumps' breakdown; "Fenwick, who was
    appointed to lead the programme when it was set up in July, did not comment yesterday" dates no
    appointment (explore36c q18 gave both days as the events')."""
    opening, ending = sentence_start(text, r.start), sentence_end(text, r.start)
    held = [p for p in places if opening <= p < ending]
    if not _holds_half(text, held, words):
        # … unless the event was told in the sentence before, and this one gives its day: "… has named Radomir Kesh …
        # as the plant's new director, … . Nordvel Atomic Operations announced the appointment on Saturday"
        # (explore21).
        return _holds_half(text, [p for p in places if p < opening], words)
    return _in_relative(r.start, relative) or not all(_in_relative(p, relative) for p in held)


def _holds_half(text: str, held: list[int], words: list[str]) -> bool:
    return 2 * len({text[p : p + 5].lower() for p in held}) >= len(set(words))


def event_day(event: str, text: str, published: str | None) -> date | None:
    """The day `text` gives the event: of the days its date phrases resolve to (relative ones from the
    article's publication date), the one nearest a word of the event, in a sentence that tells it; None when
    it gives no day. A day after the article's, or after a word of a plan ("is set for next Thursday", "had
    been scheduled for 23 April"), is when the event was to happen, and plans move (blind explore18 q25: the
    exchange set for 23 April took place on 29 April). Nor is a summary line's day the event's: its present
    is a headline's, for what happened or what is to ("In brief: … eleven beaches reopen on Friday", of a
    Tuesday, is the Friday ahead; explore36 q18 read it as the Friday before)."""
    words = _words(event)
    places = [m.start() for w in words for m in re.finditer(rf"\b{re.escape(w)}", text, re.IGNORECASE)]
    relative = [m.span() for m in _RELATIVE.finditer(text)]  # the relative clauses, found once for every date
    days = [
        r
        for r in told_dates(text, published)
        if r.day is not None
        and not _aside(r.start, relative, places)
        and not in_summary_line(text, r.start)
        and _tells_there(r, text, words, places, relative)
    ]
    if not days:
        return None
    if not places:
        return days[0].day
    nearest = min(days, key=lambda r: min(abs(r.start - p) for p in places))
    return nearest.day
