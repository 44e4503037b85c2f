"""What a value in a sentence is about: the words of its clause around it, and the names
there, split into its scope ("12.1% in Germany"), objects and agents ("annexed by Russia"),
and the other names ("Sideways has taken $46.8m") (rag/news/values.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.news.words import names_in, normalise, ordered_words

# Where a clause ends: punctuation, a dash, or a contrasting conjunction.
_BREAK = re.compile(r"[,;:()\[\]“”\"]|\s[—–-]\s|\b(?:while|whereas|but|although)\b")
# A preposition that makes the name after it the value's scope: "in Germany", "at the Oscars".
_SCOPE_BEFORE = re.compile(r"\b(?:in|at|for|across|throughout)\s+(?:the\s+)?(?:[a-z][\w’'-]*\s+){0,2}$")
# A preposition that makes the name after it an object or agent, not what the value is about.
_OTHER_BEFORE = re.compile(
    r"\b(?:of|by|to|from|with|against|over|on|into|onto|than|about|between|among|via|including)\s+"
    r"(?:the\s+)?(?:[a-z][\w’'-]*\s+){0,2}$"
)
_REACH = 6  # content words either side of a value that say what it is about


@dataclass(frozen=True)
class About:
    """What the value at one span of a sentence is about."""

    near: dict[str, int]  # content words of its clause within reach (`prefix`es), with their distance in chars
    named: frozenset[str]  # the words of `near` only names give
    scope: frozenset[str]  # names a preposition ties to the value
    names: frozenset[str]  # other names within reach that are not an object or agent
    times: frozenset[str] = frozenset()  # the times named within reach ("november", "2022", "last year")
    another: bool = False  # "another Blue Gene/L machine clocked up 36.01 teraflops": not the one named elsewhere
    record: bool = False  # called a record ("record fines of $3.5m"): the largest of many


def masked(text: str, spans: list[tuple[int, int]], groups: list[tuple[int, int]]) -> str:
    """`text` with the clause breaks that do not end a clause blanked: those inside a value
    ("October 3, 1789"), a restatement in brackets ("$75m (£40m)"), and the commas around a
    restatement in apposition ("4.464 million people, or 10.8% of the workforce, is ...")."""
    chars = list(text)
    for s, e in [*spans, *groups]:
        for i in range(s, e):
            if chars[i] in ",;:()":
                chars[i] = " "
    # A title in quotes is a name, not a quotation: "“Ted Lasso” led the comedy category".
    for m in re.finditer(r"[“‘\"](?=[A-Z])([^“”‘’\"]{1,40})[”’\"]", text):
        if len(m.group(1).split()) <= 5:
            chars[m.start()] = chars[m.end() - 1] = " "
    # A participle after a comma goes on with the clause before it: "“Ted Lasso” led the comedy
    # category, earning 20 nominations", "launched an assault, killing over 1,200 people".
    for m in re.finditer(r",(?=\s+(?!according\b)[a-z]+ing\s)", text):
        chars[m.start()] = " "
    # So does a clause around an aside in dashes: "And eggs — last year's poster child — were down 9%".
    for m in re.finditer(r"\s[—–-]\s[^—–.;]{1,80}?\s[—–-]\s", text):
        chars[m.start() + 1] = chars[m.end() - 2] = " "
    for m in re.finditer(r",\s+or\s+(?=[$£€]?\d)", text):
        chars[m.start()] = " "
        close = text.find(",", m.end(), m.end() + 60)
        if close > 0:
            chars[close] = " "
    return "".join(chars)


def _clause(masked: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _BREAK.finditer(masked, 0, start)), default=0)
    right = next((m.start() for m in _BREAK.finditer(masked, end) if m.start() >= end), len(masked))
    return left, right


def about(
    text: str,
    masked: str,
    start: int,
    end: int,
    bounds: tuple[int, int] | None = None,
    time_bounds: tuple[int, int] | None = None,
) -> About:
    """What the value at `start:end` of `text` is about. `masked` is `text` with the breaks
    that do not end a clause blanked (`masked`); names are looked for between `bounds` only,
    the values either side ("12.1% in Germany and 10.4% in Spain": Spain is not 12.1%'s), and
    times between `time_bounds` (the amounts either side: a date next to an amount is the
    time it is given for, "took 20bn yen to become the biggest film in 2004")."""
    left, right = _clause(masked, start, end)
    plain = normalise(text)
    tokens = [(left + m.start(), left + m.end(), ordered_words(m.group(0))) for m in _TOKEN.finditer(plain[left:right])]
    tokens = [t for t in tokens if t[2]]
    before = [t for t in tokens if t[1] <= start][-_REACH:]
    after = [t for t in tokens if t[0] >= end][:_REACH]
    near: dict[str, int] = {}
    lower: set[str] = set()  # words written in lower case somewhere in reach: not only a name's
    for s, e, words in before + after:
        for w in words:
            near[w] = min(near.get(w, len(text)), start - e if e <= start else s - end)
            if text[s].islower():
                lower.add(w)
    named = frozenset(near) - lower
    lo = before[0][0] if len(before) == _REACH else left
    hi = after[-1][1] if len(after) == _REACH else right
    scope: set[str] = set()
    names: set[str] = set()
    role, last = "", -1  # what the previous name was, so "Kennedy Space Center" is one
    time_lo, time_hi = (max(left, time_bounds[0]), min(right, time_bounds[1])) if time_bounds else (lo, hi)
    if bounds:
        lo, hi = max(lo, bounds[0]), min(hi, bounds[1])
    for at, name in names_in(text):
        if not lo <= at < hi or start <= at < end:
            continue
        if at < start and re.search(r"\bthat\b", text[at:start]):
            continue  # "told the delegates at MacWorld that iPod had 65%": the report's, not the value's
        if last < 0 or not re.fullmatch(r"[\w’'-]*(?:\s+|\s+and\s+|,\s+)", text[last:at]):
            lead = text[max(0, at - 40) : at]
            role = "scope" if _SCOPE_BEFORE.search(lead) else "other" if _OTHER_BEFORE.search(lead) else "name"
        last = at
        if role == "scope":
            scope.add(name)
        elif role == "name":
            names.add(name)
    # A place put first and set off by a comma scopes the clause: "and in California, the price is $5.80".
    fronted = _FRONTED.search(masked[: max(0, left - 1)])
    if fronted and left > 0 and masked[left - 1] == ",":
        scope |= {name for at, name in names_in(text) if fronted.start() <= at < left}
    # "so far" and "a total of" are one time: up to now (`normalise`).
    times = frozenset(" ".join(m.group(0).lower().split()) for m in _TIME.finditer(plain, time_lo, time_hi))
    another = re.search(r"\b[Aa]nother\s+[A-Z]", text[left:start]) is not None
    record = re.search(r"\brecord\b", text[time_lo:time_hi], re.I) is not None
    return About(near, named, frozenset(scope), frozenset(names), times, another, record)


# A period counted from a start or back from now: "in its first two days", "over the past 12 months".
PERIOD = (
    r"(?i:(?:first|last|past|next|opening|previous)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"twelve|few|several)\s+(?:hours|days|weeks|weekends|months|years|seasons))"
)
# Times a value is given for: "rose 7,000 in November", "raised in 2022", "in the first quarter",
# "in its opening weekend", "so far", "in its first two days".
_TIME = re.compile(
    PERIOD + "|"
    r"\b(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)(?:uary|ruary|ch|il|e|y|ust|tember|ober|ember)?|May|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:19|20)\d{2}|(?i:yesterday|today|tomorrow|q[1-4]|"
    r"(?:first|second|third|fourth|last|this|next|previous|past)\s+(?:quarter|half|year|month|week|weekend)|"
    r"opening\s+(?:weekend|day|week|night)|total|(?:the|this)\s+(?:day|year|week|month|quarter|spring|summer|autumn|winter)))\b"
)
_TOKEN = re.compile(r"[A-Za-z][\w’'-]*")
_FRONTED = re.compile(
    r"(?:^|[,;:]|\b(?:and|but)\b)\s*(?i:in|at|across|throughout)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s*$"
)
