"""The values a news sentence states, for comparing two statements: numbers with their units and
hedges ("more than 5,000"), dates and years, and who holds a post; with the words around each
value, so that two values can be judged to be about the same thing (rag/news/conflicts.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rag.answer.support import content_words
from rag.news.dates import date_phrases, resolve_dates

_SCALE = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12}
_NUMBER = re.compile(
    r"(?P<cur>[$£€])?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<scale>thousand|million|billion|trillion|bn|m|b)?"
    r"(?P<pct>\s?%|\s?per\s?cent|\s?percent)?(?![\w.]*\d)",
    re.IGNORECASE,
)
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_WORD_NUMBERS |= {"eleven": 11, "twelve": 12, "dozen": 12, "twenty": 20, "fifty": 50, "hundred": 100}
_WORD_NUMBER = re.compile(r"\b(?:" + "|".join(_WORD_NUMBERS) + r")\b", re.IGNORECASE)
# Counts given in words: "dozens of people" is anywhere from 24 to 99.
_VAGUE = {"dozens": (24.0, 98.0), "scores": (40.0, 196.0), "hundreds": (200.0, 980.0), "thousands": (2e3, 9800.0)}
_VAGUE_NUMBER = re.compile(r"\b(?:" + "|".join(_VAGUE) + r")\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_NAME_EARLY = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}"
# Who holds a post: "Liz Truss became the United Kingdom's new prime minister".
_ROLE = re.compile(
    rf"(?P<name>{_NAME_EARLY})\s+(?:\w+\s+)?(?:became|becomes|took\s+over\s+as|was\s+(?:named|elected|appointed|sworn\s+in\s+as)|"
    r"has\s+been\s+(?:named|elected|appointed)|succeeded\s+\w+(?:\s+\w+)?\s+as|replaced\s+\w+(?:\s+\w+)?\s+as)\s+"
    r"(?:the\s+)?(?:[\w’'.-]+\s+){0,3}?(?P<role>prime\s+minister|president|chancellor|chief\s+executive|ceo|speaker|"
    r"leader|governor|mayor|king|queen|pope|chair(?:man|woman)?|head\s+coach|manager)\b",
    re.IGNORECASE,
)
REPORTED = re.compile(
    r"\b(?:conflicts?\s+with|contradict(?:s|ed|ing|ory)?|at\s+odds\s+with|disputed|denied|denies|refuted)\b",
    re.IGNORECASE,
)
_SPEAKER_VERB = (
    r"(?:said|says|told|claimed|claims|stated|argued|insisted|reiterated|announced|warned|declared|added|"
    r"asserts?|asserted|notes|noted|wrote|writes|puts\s+it)"
)
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}"
_SPEAKER = re.compile(rf"(?P<name>{_NAME})(?:,[^,]{{1,80}},)?\s+(?:\w+\s+)?{_SPEAKER_VERB}\b")
_ACCORDING = re.compile(rf"\baccording\s+to\s+(?:the\s+)?(?P<name>{_NAME})")
REMARKS_BY = re.compile(rf"\b(?:remarks|statements?|comments?|claims?)\s+(?:made\s+)?by\s+(?P<name>{_NAME})")
_NOT_SPEAKERS = {"The", "This", "That", "It", "He", "She", "They", "We", "According", "But", "And", "However"}


# Words news copy uses interchangeably for one count: "25,000 dead" and "140,000 killed".
_SYNONYMS = {w: "death" for w in ("dead", "died", "deat", "kill", "fata", "peri")}
_SYNONYMS |= {w: "injur" for w in ("inju", "woun", "hurt")}


def _prefix(word: str) -> str:
    return _SYNONYMS.get(word[:4], word[:5])


def prefixes(text: str) -> set[str]:
    """Content words cut to five letters, so "annexed" and "annexation" meet."""
    return {_prefix(w) for w in content_words(text)}


def speaker(text: str) -> str | None:
    """Who a sentence attributes its claim to: "Lavrov claimed", "according to ISW"."""
    for pattern in (REMARKS_BY, _SPEAKER, _ACCORDING):
        for m in pattern.finditer(text):
            name = m.group("name")
            words = [w for w in name.split() if w not in _NOT_SPEAKERS]
            if words:
                return " ".join(words)
    return None


@dataclass(frozen=True)
class Value:
    kind: str  # number, date, name
    shown: str  # as written
    span: tuple[float, float]  # a number or a date (as day ordinals): a closed interval
    key: str  # a name, lower-cased
    unit: frozenset[str]
    context: frozenset[str]  # content words (5-letter prefixes) within a clause's reach
    near: frozenset[str]  # the three content words either side

    @property
    def low(self) -> float:
        return self.span[0]

    @property
    def high(self) -> float:
        return self.span[1]


def _context(text: str, start: int, end: int, width: int = 80) -> frozenset[str]:
    left = text[max(0, start - width) : start]
    if start > width:
        left = left.split(" ", 1)[-1]  # not half a word
    right = text[end : end + width]
    if end + width < len(text):
        right = right.rsplit(" ", 1)[0]
    return frozenset(prefixes(left + " " + right))


def _near(text: str, start: int, end: int, words: int = 3) -> frozenset[str]:
    left = [_prefix(w) for w in content_words_ordered(text[:start])][-words:]
    right = [_prefix(w) for w in content_words_ordered(text[end:])][:words]
    return frozenset(left + right)


def content_words_ordered(text: str) -> list[str]:
    """`content_words` in text order, repeats kept."""
    return [stem for w in re.findall(r"[a-z0-9]+", text.lower()) for stem in content_words(w)]


def _exact(x: float) -> tuple[float, float]:
    """A number as written, give or take rounding (1%): "$787 million" and "$787.5m" agree."""
    return (x * 0.99, x * 1.01) if x >= 0 else (x * 1.01, x * 0.99)


def _unit(text: str, start: int, end: int, currency: str | None, pct: bool) -> frozenset[str]:
    """What a number counts: the words after it ("actors", "a gallon"), its currency, and
    "death" when a death word is next to it ("killed 150,000", "5,300 deaths")."""
    if pct:
        return frozenset({"%"})
    following = [_prefix(w) for w in re.findall(r"[a-z]+", text[end : end + 40].lower()) if len(w) > 2]
    units = set(following[:2]) - {"and", "the", "more", "than", "over", "about", "some", "at", "least", "of"}
    preceding = [_prefix(w) for w in re.findall(r"[a-z]+", text[max(0, start - 30) : start].lower())][-2:]
    if "death" in following[:4] or "death" in preceding:
        units.add("death")
    if currency:
        units.add(currency)
    return frozenset(units)


_HEDGES = [
    (re.compile(r"\b(?:more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of)\s+$", re.I), 1.0, 1.25),
    (re.compile(r"\b(?:nearly|almost|just\s+under|up\s+to|less\s+than|fewer\s+than|under)\s+$", re.I), 0.8, 1.0),
    (re.compile(r"\b(?:about|around|roughly|some|approximately|an\s+estimated|estimated)\s+$", re.I), 0.95, 1.05),
]


def _hedged(text: str, start: int, x: float) -> tuple[float, float]:
    """A number with the hedge before it read as news copy means it: "more than 5,000" is a
    little over 5,000 (up to a quarter more), "about 140,000" within 5%, a bare one within 1%."""
    before = text[max(0, start - 24) : start]
    for pattern, low, high in _HEDGES:
        if pattern.search(before):
            return (x * low, x * high) if x >= 0 else (x * high, x * low)
    return _exact(x)


def _days(low: date, high: date) -> tuple[float, float]:
    return float(low.toordinal()), float(high.toordinal())


def values_in(text: str, published: date | None) -> list[Value]:
    found: list[Value] = []

    def add(
        kind: str, shown: str, span: tuple[float, float], unit: frozenset[str], at: tuple[int, int], key: str = ""
    ) -> None:
        found.append(Value(kind, shown, span, key, unit, _context(text, *at), _near(text, *at)))

    dates = resolve_dates(text, published)
    # Numbers inside a date ("11 April" in an undated article) are not quantities either.
    taken = [(d.start, d.end) for d in dates] + date_phrases(text)
    for d in dates:
        add("date", d.text, _days(d.date_from, d.date_to), frozenset(), (d.start, d.end))
    for m in _YEAR.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        taken.append(m.span())
        # "the 2028 Summer Olympics" names something; "since 1966" is a reference point.
        if re.match(r"\s+[A-Z]|\s+(?:and|or)\s+\d{4}\s+[A-Z]", text[m.end() : m.end() + 16]):
            continue
        if re.search(r"\b(?:since|until|till|before|after)\s+$", text[max(0, m.start() - 8) : m.start()], re.I):
            continue
        year = int(m.group(0))
        add("date", m.group(0), _days(date(year, 1, 1), date(year, 12, 31)), frozenset(), m.span())
    for m in _NUMBER.finditer(text):
        end = m.start() + len(m.group(0).rstrip())
        # "737 Max", "5G", "3-1": part of a name or a score, not a quantity.
        if any(s <= m.start() < e for s, e in taken) or re.match(r"[A-Za-z-]", text[end : end + 1]):
            continue
        amount = float(m.group("num").replace(",", "")) * _SCALE.get((m.group("scale") or "").lower(), 1.0)
        unit = _unit(text, m.start(), m.end(), m.group("cur"), bool(m.group("pct")))
        add("number", m.group(0).strip(), _hedged(text, m.start(), amount), unit, m.span())
    for m in _WORD_NUMBER.finditer(text):
        add(
            "number",
            m.group(0),
            _hedged(text, m.start(), float(_WORD_NUMBERS[m.group(0).lower()])),
            _unit(text, m.start(), m.end(), None, False),
            m.span(),
        )
    for m in _VAGUE_NUMBER.finditer(text):
        add("number", m.group(0), _VAGUE[m.group(0).lower()], _unit(text, m.start(), m.end(), None, False), m.span())
    for m in _ROLE.finditer(text):
        role = " ".join(m.group("role").lower().split())
        name = m.group("name")
        # The role's words are the words next to the value: two holders of one post meet on them.
        shown = " ".join(m.group(0).split())  # "Liz Truss became the United Kingdom's new prime minister"
        found.append(Value("name", shown, (0.0, 0.0), name.lower(), frozenset({f"role {role}"}), *_role_words(role)))
    return found


# Words too common to show that two values are about the same thing.


def _role_words(role: str) -> tuple[frozenset[str], frozenset[str]]:
    words = frozenset(w[:5] for w in role.split()) | {"role"}
    return words, words
