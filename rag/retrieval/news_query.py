"""News-aware reading of a question: the dates and outlets it names.

"What did Reuters report last week?" names a time window and an outlet. We find such phrases
with narrow patterns (a month name or a relative-time keyword must be present, so "may" the
verb or a bare number never reads as a date), parse the day-month-year ones with dateparser,
and resolve relative ones against a reference date (today unless given, so tests can fix it).

What comes out are *hints*: a date window and outlets the retriever boosts. Only an explicit
absolute date ("on 12 March 2025", "in April 2024") becomes a filter, and the retriever drops
even that when it would leave no passage, so a wrong parse can never empty the results.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache

from rag.news.date_patterns import MONTH, MONTHS

_YEAR = r"(?:19|20)\d{2}"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"

# Explicit calendar dates: "12 March 2025", "March 12, 2025", "March 12" (year optional).
_DAY_MONTH = re.compile(
    rf"\b(?:on\s+)?(?:{_DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{_YEAR})?|{MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?)\b",
    re.IGNORECASE,
)
# "in April", "in April 2025", "during March", "by mid-March", "April 2025" (a bare month name needs a preposition).
_MONTH_ONLY = re.compile(
    rf"\b(?:(?:in|during|since|from|by)\s+(?:(?P<part>early|late|mid-?)\s*)?(?P<m1>{MONTH})(?:\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<m2>{MONTH})\s+(?P<y2>{_YEAR}))\b",
    re.IGNORECASE,
)
_YEAR_ONLY = re.compile(rf"\b(?:in|during)\s+(?P<y>{_YEAR})\b", re.IGNORECASE)
_RELATIVE = re.compile(
    r"\b(?:(?P<which>this|last|past|previous)\s+(?P<unit>week|month|year|weekend)"
    r"|(?P<day>today|yesterday)"
    r"|(?:in\s+)?(?:the\s+)?(?:past|last)\s+(?P<n>\d{1,3})\s+(?P<units>days|weeks|months)"
    r"|(?P<ago>\d{1,3})\s+(?P<agounit>days?|weeks?)\s+ago)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class QueryHints:
    """What a question says about when and where; `text` is the question for retrieval."""

    text: str
    date_from: date | None = None
    date_to: date | None = None
    explicit_date: bool = False  # an absolute date the question insists on: filter, not just boost
    outlets: tuple[str, ...] = ()
    phrases: tuple[str, ...] = field(default=())  # the matched phrases, for display and tests


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


# The days of a month "early", "mid" and "late" name, overlapping: "In early April, how many aircraft did the
# different sources say Vardair still had flying?" was led by a count of 27 April, boosted as much as the 7 April
# report of the three counts asked (blind explore27c q03).
_PARTS = {"early": (1, 12), "mid": (8, 23), "late": (18, 31)}


def _month_part(year: int, month: int, part: str | None) -> tuple[date, date]:
    first, last = _month_range(year, month)
    if not part:
        return first, last
    start, end = _PARTS[part.lower().rstrip("-")]
    return date(year, month, start), date(year, month, min(end, last.day))


def _latest_year_for(month: int, reference: date) -> int:
    """A month named without a year means its latest occurrence up to the reference date."""
    return reference.year if month <= reference.month else reference.year - 1


@lru_cache(maxsize=1024)
def _parse_day(phrase: str, reference: date) -> date | None:
    import dateparser  # imported lazily: it takes a second to load its language data

    parsed = dateparser.parse(
        phrase,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(reference.year, reference.month, reference.day),
            "PREFER_DATES_FROM": "past",
            "REQUIRE_PARTS": ["day", "month"],
        },
    )
    return parsed.date() if parsed else None


def _relative(m: re.Match[str], reference: date) -> tuple[date, date]:
    if m.group("day"):
        day = reference if m.group("day").lower() == "today" else reference - timedelta(days=1)
        return day, day
    if m.group("n"):
        n, unit = int(m.group("n")), m.group("units").lower()
        days = {"days": n, "weeks": 7 * n, "months": 31 * n}[unit]
        return reference - timedelta(days=days), reference
    if m.group("ago"):
        n, unit = int(m.group("ago")), m.group("agounit").lower().rstrip("s")
        day = reference - timedelta(days=n * (7 if unit == "week" else 1))
        return day - timedelta(days=3 if unit == "week" else 1), day + timedelta(days=3 if unit == "week" else 1)
    which, unit = m.group("which").lower(), m.group("unit").lower()
    back = which != "this"
    if unit in ("week", "weekend"):
        start = reference - timedelta(days=reference.weekday())
        if back:
            start -= timedelta(days=7)
        # "this week" in news copy also covers the days just before Monday.
        return start - timedelta(days=2 if not back else 0), min(start + timedelta(days=6), reference)
    if unit == "month":
        year, month = reference.year, reference.month
        if back:
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        first, last = _month_range(year, month)
        return first, min(last, reference)
    year = reference.year - (1 if back else 0)
    return date(year, 1, 1), min(date(year, 12, 31), reference)


# "What does the Moscow Times opinion piece say …?", "according to the analysis": what a column says is asked.
_COMMENTARY = re.compile(
    r"\b(?:opinion|op-?eds?|columns?|columnists?|editorials?|commentary|analysis|analyst)\b", re.IGNORECASE
)


def asks_commentary(question: str) -> bool:
    """Whether the question asks what an opinion or analysis piece says."""
    return _COMMENTARY.search(question) is not None


def outlet_mentions(question: str, outlets: Iterable[str]) -> tuple[str, ...]:
    """Known outlet names that appear in the question as whole words (case-insensitive)."""
    found = []
    for outlet in outlets:
        name = outlet.strip()
        # Short or all-caps names ("AP", "BBC") only in their own case: "ap" or "Bbc" is noise.
        flags = 0 if len(name) < 4 or name.isupper() else re.IGNORECASE
        if len(name) >= 2 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", question, flags):
            found.append(outlet)
    return tuple(sorted(found))


def outlet_as_topic(question: str, outlet: str) -> bool:
    """Whether the question asks about what the outlet reported rather than reads it as a source: "What did
    Velmora's defence ministry say about the Orkhal Herald report that …?" is answered by the ministry's
    denial in another paper, not by the Herald's own sentences (blind explore18 q12)."""
    name = re.escape(re.sub(r"^the\s+", "", outlet.strip(), flags=re.IGNORECASE))
    return (
        re.search(
            rf"\b(?:about|on|regarding|over|(?<!according\s)to)\s+(?:the\s+|an?\s+)?{name}(?:['’]s)?\s+"
            r"(?:\w+\s+)?(?:report|story|article|claim|account|piece|allegation)s?\b",
            question,
            re.IGNORECASE,
        )
        is not None
    )


def parse_query(question: str, reference: date | None = None, outlets: Iterable[str] = ()) -> QueryHints:
    """Date window and outlets named in `question`, relative dates resolved against `reference`."""
    reference = reference or date.today()
    window: tuple[date, date] | None = None
    explicit = False
    phrases: list[str] = []
    text = question

    if m := _DAY_MONTH.search(question):
        day = _parse_day(m.group(0).removeprefix("on ").strip(), reference)
        if day is not None:
            window, explicit = (day, day), bool(re.search(_YEAR, m.group(0)))
            phrases.append(m.group(0).strip())
    if window is None and (m := _MONTH_ONLY.search(question)):
        month = MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
        year_text = m.group("y1") or m.group("y2")
        year = int(year_text) if year_text else _latest_year_for(month, reference)
        window, explicit = _month_part(year, month, m.group("part")), bool(year_text)
        phrases.append(m.group(0).strip())
    if window is None and (m := _YEAR_ONLY.search(question)):
        year = int(m.group("y"))
        window, explicit = (date(year, 1, 1), date(year, 12, 31)), True
        phrases.append(m.group(0).strip())
    if window is None and (m := _RELATIVE.search(question)):
        window = _relative(m, reference)
        phrases.append(m.group(0).strip())
        # "this week" says nothing about the topic; left in, it pulls toward any text that
        # mentions weeks. Absolute dates stay: articles often state them.
        text = re.sub(r"\s+([?.!,;:])", r"\1", " ".join((question[: m.start()] + question[m.end() :]).split()))

    return QueryHints(
        text=text or question,
        date_from=window[0] if window else None,
        date_to=window[1] if window else None,
        explicit_date=explicit,
        outlets=outlet_mentions(question, outlets),
        phrases=tuple(phrases),
    )
