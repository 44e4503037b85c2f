"""Relative dates in an article sentence, resolved against the article's publication date.

"The Supreme Court declined on Wednesday to lift the block" in an article published on
Thursday 29 August 2024 means 28 August. We find such phrases with a small rule set rather
than a general date parser, because the hard part is not the calendar arithmetic but knowing
when *not* to answer: "if an election were held tomorrow", "humans rarely catch it today",
"made $143 million this weekend" in a Thursday article. When a phrase is ambiguous, or the
article has no publication date, nothing is returned for it.

Conventions (also in evals/news/README.md, the labelled set follows them):
- a bare weekday ("on Monday", "Tuesday's strike", "late Thursday") is the latest such day on
  or before publication, or the next one after it when its clause is about the future ("will
  play on Saturday", "scheduled a vote on Saturday"); the same weekday in the future is ambiguous;
- "last Monday" is the latest Monday before publication; "this Sunday" the Sunday of the
  publication week (Monday to Sunday); "next Wednesday" the first Wednesday after publication,
  ambiguous when that falls in the publication week;
- weeks run Monday to Sunday; "earlier this week/month/year" runs from its start to the day
  before publication, "later this ..." from the day after publication to its end;
- "the past week/month/year" is the rolling period ending on the publication date;
- "11 April" without a year is in the publication year, moved a year back or forward when
  the tense says it lies on the other side of the publication date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:" + "|".join(_WEEKDAYS) + r")"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "day_month",
        re.compile(
            rf"\b(?:(?P<d1>{_DAYNUM})\s+(?:of\s+)?(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\s+(?P<d2>{_DAYNUM})\b)"
            rf"(?:,?\s+(?P<y>{_YEAR}))?(?!\s*(?:{_DAYNUM}|\d))",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<which>last|next|this|past|coming)\s+)?(?P<wd>{_WEEKDAY})(?:['’]s)?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "near",
        re.compile(
            r"\b(?P<near>today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b", re.I
        ),
    ),
    (
        "period",
        re.compile(
            r"\b(?:(?P<pos>earlier|later)\s+this|(?P<which>this\s+past|this|last|next|past|coming))\s+"
            r"(?P<unit>week(?:end)?|month|year)(?:['’]s)?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "year",
        re.compile(rf"\b(?:in|since|during|by|from)\s+(?:early\s+|late\s+|mid-)?(?P<y>{_YEAR})\b(?!\s*[-–]\d)", re.I),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?|weeks?)\s+ago\b",
            re.IGNORECASE,
        ),
    ),
]
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_NUMBER_WORDS |= {"eight": 8, "nine": 9, "ten": 10}
# Named days that are not "the latest Tuesday": holidays and fixed events.
_NAMED_DAY = re.compile(
    r"\b(?:black|good|cyber|ash|super|easter|palm|bloody|giving|maundy|holy|super\s+bowl|fat)\s+$", re.IGNORECASE
)
_FUTURE = re.compile(
    r"\b(?:(?:will|shall|to)\s+(?:be|have)\s+\w+|will|shall|scheduled|schedules?|set\s+to|due\s+to|expected\s+to|plans?\s+to|planning\s+to|going\s+to|"
    r"is\s+to|are\s+to|upcoming|to\s+be\s+held|to\s+take\s+place|to\s+convene|to\s+meet|to\s+vote|forecast|debuts?)\b"
    r"|['’]ll\b",
    re.IGNORECASE,
)
# A participle after is/are/be is present or future ("before the winner is announced on 5 September").
_PAST = re.compile(
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)"
    r"\b(?:was|were|had|did|said|announced|reported|told|declared|made|won|lost|died|took|held|\w+ed)\b",
    re.I,
)
_HYPOTHETICAL = re.compile(r"\b(?:if|were\s+held|would|could|might)\b", re.IGNORECASE)
_GENERIC_PRESENT = re.compile(r"\b(?:rarely|often|usually|always|generally|commonly|nowadays|even)\b", re.IGNORECASE)
_RECURRING_BEFORE = re.compile(r"\b(?:first|second|third|fourth|fifth|every|each)\s+$|\bon\s+(?:a|the)\s+$", re.I)
_RECURRING_AFTER = re.compile(
    r"\s+(?:of\s+(?:each|every|the|" + _MONTH + r")|the\s+\d|(?:\d{1,2})(?:st|nd|rd|th)?\b)", re.I
)
_CLAUSE = re.compile(r"[,;:—–()]|\s-\s")


@dataclass(frozen=True)
class ResolvedDate:
    """A date phrase at `start:end` of a sentence and the days it denotes (inclusive)."""

    text: str
    start: int
    end: int
    date_from: date
    date_to: date
    kind: str  # day, week, weekend, month, year, period

    @property
    def day(self) -> date | None:
        """The single day meant, or None for a week, month or longer period."""
        return self.date_from if self.date_from == self.date_to else None

    def label(self) -> str:
        if self.day:
            return self.day.isoformat()
        return f"{self.date_from.isoformat()} to {self.date_to.isoformat()}"


def as_date(value: date | str | None) -> date | None:
    """An ISO date string (time part ignored) or a date; None for missing or unreadable."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def date_phrases(text: str) -> list[tuple[int, int]]:
    """Spans of every calendar-date phrase ("11 April", "March 3, 2024"), resolvable or not."""
    return [m.span() for m in _PATTERNS[0][1].finditer(text)]


def _clause(text: str, start: int, end: int) -> str:
    """The clause around a phrase: tense is read there, not in the whole sentence."""
    left = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE.finditer(text, end)), len(text))
    return text[left:right]


def _tense(text: str, start: int, end: int) -> str | None:
    """ "future", "past" or None: the tense marker nearest the phrase, within its clause.

    The nearest one wins because a clause can hold both: "Fox will pay $787m after the two
    sides agreed a settlement Tuesday" dates the agreement, not the payment."""
    left = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE.finditer(text, end)), len(text))
    markers = [(start - m.end(), "future") for m in _FUTURE.finditer(text, left, start)]
    markers += [(start - m.end(), "past") for m in _PAST.finditer(text, left, start)]
    markers += [(m.start() - end + 1000, "future") for m in _FUTURE.finditer(text, end, right)]
    markers += [(m.start() - end + 1000, "past") for m in _PAST.finditer(text, end, right)]
    return min(markers)[1] if markers else None


def _is_future(text: str, start: int, end: int) -> bool:
    return _tense(text, start, end) == "future"


def _is_past(text: str, start: int, end: int) -> bool:
    return _tense(text, start, end) == "past"


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _weekday(m: re.Match[str], text: str, pub: date) -> tuple[date, date] | None:
    if _NAMED_DAY.search(text[max(0, m.start() - 12) : m.start()]):
        return None
    # "the fourth Thursday of November", "Thursday the 26th", "every Monday": a rule, not a day.
    if _RECURRING_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) or _RECURRING_AFTER.match(text[m.end() :]):
        return None
    target = _WEEKDAYS[m.group("wd").lower()]
    which = (m.group("which") or "").lower()
    before = (pub.weekday() - target) % 7  # days back to the latest such day, 0 = publication day
    after = (target - pub.weekday()) % 7 or 7
    if which in ("last", "past"):
        day = pub - timedelta(days=before or 7)
    elif which == "this":
        day = _monday(pub) + timedelta(days=target)
    elif which in ("next", "coming"):
        day = pub + timedelta(days=after)
        if which == "next" and _monday(day) == _monday(pub):
            return None  # "next Friday" on a Monday: this Friday or the one after?
    elif _is_future(text, m.start(), m.end()):
        if after == 7:
            return None
        day = pub + timedelta(days=after)
    else:
        day = pub - timedelta(days=before)
    return day, day


def _day_month(m: re.Match[str], text: str, pub: date | None) -> tuple[date, date] | None:
    month = _MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
    day_text = re.sub(r"\D", "", m.group("d1") or m.group("d2"))
    if m.group("y"):
        year = int(m.group("y"))
    elif pub is None:
        return None
    else:
        year = pub.year
    try:
        day = date(year, month, int(day_text))
    except ValueError:
        return None
    if pub is not None and not m.group("y"):
        if day > pub + timedelta(days=1) and _is_past(text, m.start(), m.end()) and not _is_future(text, *m.span()):
            day = day.replace(year=year - 1) if not (month == 2 and day.day == 29) else day
        elif day < pub - timedelta(days=180) and _is_future(text, m.start(), m.end()):
            day = day.replace(year=year + 1) if not (month == 2 and day.day == 29) else day
    return day, day


def _near(m: re.Match[str], text: str, pub: date) -> tuple[date, date] | None:
    word = " ".join(m.group("near").lower().split())
    sentence_rest = text
    if word == "tomorrow":
        if _HYPOTHETICAL.search(sentence_rest):
            return None
        day = pub + timedelta(days=1)
    elif word in ("yesterday", "last night"):
        day = pub - timedelta(days=1)
    else:
        if word == "today" and _GENERIC_PRESENT.search(_clause(text, m.start(), m.end())):
            return None  # "rarely infects humans today": nowadays, not a day
        day = pub
    return day, day


def _period(m: re.Match[str], text: str, pub: date) -> tuple[tuple[date, date], str] | None:
    unit = m.group("unit").lower()
    pos = (m.group("pos") or "").lower()
    which = " ".join((m.group("which") or "this").lower().split())
    prefix = text[max(0, m.start() - 5) : m.start()].lower()
    rolling = which in ("past", "last") and prefix.endswith("the ")  # "in the past month"
    if unit == "week":
        if rolling:
            return (pub - timedelta(days=7), pub), "period"
        start = _monday(pub) + timedelta(days={"this": 0, "last": -7, "next": 7, "coming": 7, "past": -7}.get(which, 0))
        span = (start, start + timedelta(days=6))
        kind = "week"
    elif unit == "weekend":
        if which in ("last", "past", "this past"):
            sat = _monday(pub) - timedelta(days=2)
        elif which in ("next", "coming"):
            sat = _monday(pub) + timedelta(days=12)
        else:
            sat = _monday(pub) + timedelta(days=5)
            if sat > pub and _is_past(text, m.start(), m.end()):
                return None  # "made $143m this weekend" on a Thursday: which weekend?
        span, kind = (sat, sat + timedelta(days=1)), "weekend"
    elif unit == "month":
        if rolling:
            return (pub - relativedelta(months=1), pub), "period"
        first = pub.replace(day=1) + relativedelta(
            months={"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
        )
        span, kind = (first, _month_end(first.year, first.month)), "month"
    else:
        if rolling:
            return (pub - relativedelta(years=1), pub), "period"
        year = pub.year + {"last": -1, "past": -1, "next": 1, "coming": 1}.get(which, 0)
        span, kind = (date(year, 1, 1), date(year, 12, 31)), "year"
    if pos == "earlier":
        if pub <= span[0]:
            return None
        return (span[0], pub - timedelta(days=1)), "period"
    if pos == "later":
        if pub >= span[1]:
            return None
        return (pub + timedelta(days=1), span[1]), "period"
    return span, kind


def _ago(m: re.Match[str], pub: date) -> tuple[tuple[date, date], str]:
    n_text = m.group("n").lower()
    n = int(n_text) if n_text.isdigit() else _NUMBER_WORDS[n_text]
    if m.group("unit").lower().startswith("week"):
        start = _monday(pub - timedelta(days=7 * n))
        return (start, start + timedelta(days=6)), "week"
    day = pub - timedelta(days=n)
    return (day, day), "day"


def resolve_dates(text: str, published: date | str | None) -> list[ResolvedDate]:
    """The date phrases of `text` that resolve unambiguously, in order of position.

    Phrases with their own year ("12 March 2025", "in 2014") resolve without a publication
    date; all others need `published` and are skipped without it."""
    pub = as_date(published)
    found: list[ResolvedDate] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            resolved: tuple[tuple[date, date], str] | None = None
            if kind == "day_month":
                span = _day_month(m, text, pub)
                resolved = (span, "day") if span else None
            elif kind == "year":
                year = int(m.group("y"))
                resolved = (date(year, 1, 1), date(year, 12, 31)), "year"
            elif pub is None:
                resolved = None
            elif kind == "weekday":
                span = _weekday(m, text, pub)
                resolved = (span, "day") if span else None
            elif kind == "near":
                span = _near(m, text, pub)
                resolved = (span, "day") if span else None
            elif kind == "period":
                resolved = _period(m, text, pub)
            else:
                resolved = _ago(m, pub)
            taken.append(m.span())  # an ambiguous phrase still claims its words
            if resolved is not None:
                (lo, hi), what = resolved
                found.append(ResolvedDate(m.group(0), m.start(), m.end(), lo, hi, what))
    return sorted(found, key=lambda r: r.start)
