"""The values a news sentence states, for comparing two statements: numbers with their units,
hedges ("more than 5,000") and rounding ("$27bn"), dates and years, and who holds a post; with
what each value is about, so that two values can be judged to be about one thing
(rag/news/sameness.py):

- `near`: the content words of the value's clause, up to six either side ("has sued 45 banks");
- `scope`: the names a preposition ties to it ("12.1% in Germany", "at this year's Oscars");
- `names`: the other names in that reach ("Sideways has taken $46.8m");
- `group`: amounts that restate one another share a group ("$2bn (1.53bn euros; £1.05bn)",
  "4.464 million people, or 10.8% of the workforce").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from rag.answer.support import content_words
from rag.news.clauses import PERIOD, about, masked
from rag.news.date_patterns import WEEKDAY
from rag.news.dates import date_phrases, resolve_dates
from rag.news.words import names_in, prefix
from rag.numbers import CARDINALS, ROUND, TEENS, TENS, cardinals, ordinals

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9, "b": 1e9}
_NUMBER = re.compile(
    r"(?P<cur>[$£€])?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<scale>(?:thousand|million|billion|trillion|bn|m|b)\b)?"
    r"(?P<pct>\s?%|\s?per\s?cent|\s?percent)?(?![\w.]*\d)",
    re.IGNORECASE,
)
_WORD_NUMBERS = cardinals(2, 12) | TEENS | TENS | {w: ROUND[w] for w in ("dozen", "hundred")}
_ORDINALS = ordinals(2, 12)
# An ordinal after "a" or a possessive counts what follows up to now: "a third indictment" (the
# third so far), "her ninth national title"; "the third most-watched" and "a third of" do not.
_ORDINAL_COUNT = re.compile(
    r"\b(?:an?|his|her|its|their|[A-Z][\w-]*[’']s?)\s+(?:[a-z]+\s+)?(?P<ord>" + "|".join(_ORDINALS) + r")\s+"
    r"(?!of\b|most\b|largest\b|biggest\b|highest\b|place\b|time\b|round\b|half\b|quarter\b)(?=[a-z])"
)
_WORD_NUMBER = re.compile(r"\b(?:" + "|".join(_WORD_NUMBERS) + r")\b", re.IGNORECASE)
# "Twenty-two skimmer vessels" is 22, not 20 and 2 (explore36 q04 showed it as disagreeing with "22 skimmer vessels").
_COMPOUND = re.compile(
    r"\b(?P<tens>" + "|".join(TENS) + r")[-\s](?P<unit>" + "|".join(cardinals(1, 9)) + r")\b", re.IGNORECASE
)
# Counts given in words: "dozens of people" is anywhere from 24 to 99.
_VAGUE = {"dozens": (24.0, 98.0), "scores": (40.0, 196.0), "hundreds": (200.0, 980.0), "thousands": (2e3, 9800.0)}
_VAGUE_NUMBER = re.compile(r"\b(?:" + "|".join(_VAGUE) + r")\b", re.IGNORECASE)
# "several hundred", "a few dozen": a word-number after these is vague.
_SOME_OF = re.compile(r"\b(?:several|a\s+few|a\s+couple\s+of)\s+$", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# A decade: "a 1980s toy", "the 1990s" (not "the '70s": no century to tell).
_DECADE = re.compile(r"\b(?:19|20)\d0s\b")
# A unit written onto the number: "38.7C", "10km", "9.58secs".
_GLUED_UNIT = re.compile(r"(°?[CF]|mm|cm|km|kg|mph|ft|lbs?|GB|MB|TB|Mbps|secs?)\b")
# Ages: "Mr Mubanga, 29, from London", "the 80-year-old president".
_AGE_APPOSED = re.compile(r"[A-Z][\w’'-]+,\s$")
_AGE_AFTER = re.compile(r"-year-old\b")
# "Carter turned 100", "a man aged 76", "Now 99, Jimmy Carter is ...", "At 42, she ...".
_TURNED = r"(?:turned|turns|turning)"
_AGE_BEFORE = re.compile(rf"\b(?:{_TURNED}|aged)\s+$|(?:^|[.!?]\s+)(?:[Nn]ow|At|at)\s+$")
_CURRENCY_WORDS = {"euro": "€", "euros": "€", "dolla": "$", "pound": "£", "sterl": "£"}
_NAME_EARLY = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}"
# Who holds a post: "Liz Truss became the United Kingdom's new prime minister".
_ROLE = re.compile(
    rf"(?P<name>{_NAME_EARLY})\s+(?:\w+\s+)?(?:became|becomes|took\s+over\s+as|was\s+(?:named|elected|appointed|sworn\s+in\s+as)|"
    r"has\s+been\s+(?:named|elected|appointed)|succeeded\s+\w+(?:\s+\w+)?\s+as|replaced\s+\w+(?:\s+\w+)?\s+as)\s+"
    r"(?:the\s+)?(?:[\w’'.-]+\s+){0,3}?(?P<role>prime\s+minister|president|chancellor|chief\s+executive|ceo|speaker|"
    r"leader|governor|mayor|king|queen|pope|chair(?:man|woman)?|head\s+coach|manager)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Value:
    kind: str  # number, date, name
    shown: str  # as written
    span: tuple[float, float]  # a number or a date (as day ordinals): a closed interval
    key: str  # a name, lower-cased
    unit: frozenset[str]
    near: frozenset[str]  # content words of its clause within reach (`prefix`es)
    at: tuple[int, int] = (0, 0)  # where it is written in the sentence
    group: int = -1  # values restating one amount share a group
    scope: frozenset[str] = frozenset()  # names a preposition ties to it
    names: frozenset[str] = frozenset()  # other names within reach
    named: frozenset[str] = frozenset()  # the words of `near` that are names
    times: frozenset[str] = frozenset()  # the times named next to it ("in November", "in 2022")
    another: bool = False  # "another machine clocked up 36.01 teraflops": not the one named elsewhere
    record: bool = False  # called a record: "record fines of $3.5m"
    counted: frozenset[str] = frozenset()  # names in what a number counts: "30 Airbus planes"
    distance: Mapping[str, int] = field(default_factory=dict, compare=False, hash=False)  # chars to each near word

    @property
    def low(self) -> float:
        return self.span[0]

    @property
    def high(self) -> float:
        return self.span[1]


# Not "new", "more", "extra" or "remaining": those count another batch ("70,000 new doses of vaccine" are no count of
# "60,000 doses of vaccine" delivered; explore38c q21 noted the two as a change).
_SETS_WHICH = frozenset({"form", "laid", "off"})


def _unit(text: str, start: int, end: int, currency: str | None, pct: bool) -> frozenset[str]:
    """What a number counts: its currency ("$2bn", "1.55bn euros") or "%"; else the noun after
    it ("actors", "a gallon"), and "death" when a death word is next to it ("killed 150,000",
    "5,300 deaths")."""
    if pct:
        return frozenset({"%"})
    words = [w for w in re.findall(r"[A-Za-z]+", text[end : end + 40]) if content_words(w.lower())]
    following = [prefix(_singular(w.lower())) for w in words]
    currency = currency or next((_CURRENCY_WORDS[w] for w in following[:1] if w in _CURRENCY_WORDS), None)
    if currency:
        return frozenset({currency})
    # The noun counted, with the names before it: "actors", "Hollywood actors", "Peloton bikes"
    # ("10,000 people worldwide" and "1,000 jobs worldwide" count different things).
    head = next((n for n, w in enumerate(words[:4]) if not w[0].isupper()), 0)
    units = set(following[: head + 1])
    # … and the noun after a word that only sets which of them: "610 laid-off workers" and "1,010 former workers" both
    # count workers (blind explore43c q02 paired the 610 with "1,890 of the 2,900 it laid off" instead).
    noun = head
    while noun < min(len(following) - 1, head + 2) and following[noun] in _SETS_WHICH:
        noun += 1
    if following:
        units.add(following[noun])
    # A count of people counts those who do what they are said to do: "123 million people
    # watched" are viewers, "2 million people visited" visitors.
    if following[head : head + 1] == ["peopl"] and len(words) > head + 1:
        verb = re.match(r"\s*[A-Za-z]+\s+([a-z]+ed)\b", text[end : end + 40])
        if verb:
            units.add(prefix(verb.group(1)))
    # "killed 150,000", not "were killed and five million left homeless".
    lead = re.split(r"[,;:(]|\b(?:and|or|but|while)\b", text[max(0, start - 30) : start].lower())[-1]
    preceding = [prefix(w) for w in re.findall(r"[a-z]+", lead)][-2:]
    if "death" in following[:4] or "death" in preceding:
        units.add("death")
    return frozenset(units)


def _singular(word: str) -> str:
    """A plural noun of five letters as its singular, which `prefix` leaves: "44 parts per million" and "below 1 part
    per million" count one thing (explore41 q16 read no newer reading in the second); "weeks" and "week" too."""
    if len(word) == 5 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _unit_names(text: str, end: int) -> frozenset[str]:
    """The names before the noun a number counts: "60,000 Hollywood actors", "30 Airbus A320 planes"."""
    names = []
    for w in re.findall(r"[A-Za-z][\w’'-]*", text[end : end + 40])[:4]:
        if not w[0].isupper():
            break
        if len(w) > 1 and content_words(w.lower()):
            names.append(w.lower())
    return frozenset(names)


_HEDGES = [
    (re.compile(r"\b(?:more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of)\s+$", re.I), 1.0, 1.25),
    (
        re.compile(r"\b(?:nearly|almost|close\s+to|just\s+under|up\s+to|less\s+than|fewer\s+than|under)\s+$", re.I),
        0.8,
        1.0,
    ),
    (re.compile(r"\b(?:about|around|roughly|some|approximately|an\s+estimated|estimated)\s+$", re.I), 0.95, 1.05),
]


_HEDGES_AFTER = [
    (re.compile(r"\s*(?:\+|or\s+(?:more|higher|above|over))\b", re.I), 1.0, 1.25),
    (re.compile(r"\s*or\s+(?:less|lower|fewer|below|under)\b", re.I), 0.8, 1.0),
]


def _hedged(
    text: str, start: int, x: float, rounding: float = 0.0, end: int | None = None, step: float | None = None
) -> tuple[float, float]:
    """A number with its hedge read as news copy means it: "more than 5,000" and "$4 or higher"
    are a little over (up to a quarter more), "about 140,000" within 5%, a bare one anything that
    rounds to it ("$27bn" agrees with $27.5bn; 9.87 seconds is not 9.85). A bound is also rounded
    to its last written digit (`step`): "more than 2.5 million" is under 2.6 million, as a
    writer with 2.7 million would say "more than 2.7 million"; "more than 5,000" is under 6,000."""
    before = text[max(0, start - 24) : start]
    after = text[end:] if end is not None else ""
    for n, (pattern, low, high) in enumerate(_HEDGES):
        if pattern.search(before):
            lo, hi = (x * low, x * high) if x >= 0 else (x * high, x * low)
            if step and x > 0 and n == 0:  # "more than": at most one step over
                hi = min(hi, x + step)
            elif step and x > 0 and n == 1:  # "nearly": at most one step under
                lo = max(lo, x - step)
            return lo - rounding, hi + rounding
    for pattern, low, high in _HEDGES_AFTER:
        if pattern.match(after):
            lo, hi = (x * low, x * high) if x >= 0 else (x * high, x * low)
            return lo - rounding, hi + rounding
    return x - rounding, x + rounding


def _rounding(m: re.Match[str], scale: float) -> float:
    """Half the last written digit ("27bn": 0.5bn, "9.87": 0.005), at most 5% of the number."""
    num = m.group("num").replace(",", "")
    decimals = len(num.split(".")[1]) if "." in num else 0
    # At most 5%: "$2bn" is not "$2.4bn".
    return min(0.49 * 10.0**-decimals * scale, 0.05 * float(num) * scale)


def _step(m: re.Match[str], scale: float) -> float:
    """One unit of the last written digit that is not a trailing zero: "2.5 million" 100,000,
    "5,000" 1,000, "40" 10."""
    num = m.group("num").replace(",", "")
    if "." in num:
        return 10.0 ** -len(num.split(".")[1]) * scale
    return 10.0 ** (len(num) - len(num.rstrip("0"))) * scale


def _days(low: date, high: date) -> tuple[float, float]:
    return float(low.toordinal()), float(high.toordinal())


def _numbers(
    text: str, taken: list[tuple[int, int]]
) -> list[tuple[str, tuple[float, float], frozenset[str], tuple[int, int]]]:
    """(shown, span, unit, at) of each quantity written in digits or words, in text order."""
    out = []
    # "Boeing 737", "Game 5", "Firefox 1.0": a number right after a name is part of it.
    name_ends = {at + len(w) for at, w in names_in(text)}
    for m in _NUMBER.finditer(text):
        end = m.start() + len(m.group(0).rstrip())
        if any(s <= m.start() < e for s, e in taken):
            continue
        glued = _GLUED_UNIT.match(text, end)  # "38.7C", "10km"
        age = _AGE_AFTER.match(text, end)  # "80-year-old"
        # "5G", "A320", "3-1": part of a name or a score, not a quantity.
        if not (glued or age) and re.match(r"[A-Za-z-]", text[end : end + 1]):
            continue
        if not m.group("cur") and re.search(r"[A-Za-z]$", text[: m.start()]):
            continue
        if m.group("scale") in ("B", "M") and not m.group("cur"):
            continue  # "Launchpad 39B": a name, not 39 billion
        plain = not (m.group("cur") or m.group("scale") or m.group("pct"))
        if plain and m.start() - 1 in name_ends and text[m.start() - 1] == " ":
            continue
        if m.start() > 0 and text[m.start() - 1] == "-" and re.search(r"\d-$", text[: m.start()]):
            continue
        scale = _SCALE.get((m.group("scale") or "").lower(), 1.0)
        amount = float(m.group("num").replace(",", "")) * scale
        unit = _unit(text, m.start(), end, m.group("cur"), bool(m.group("pct")))
        if glued:
            unit = frozenset({glued.group(1).lower().rstrip("s")})
        apposed = re.fullmatch(r"\d{1,3}", m.group(0).strip()) and text.startswith(",", end)
        turned = (
            plain
            and re.fullmatch(r"\d{1,3}", m.group("num"))
            and _AGE_BEFORE.search(text[max(0, m.start() - 12) : m.start()])
        )
        if age or turned or (apposed and _AGE_APPOSED.search(text[: m.start()])):
            unit = frozenset({"age"})
        span = _hedged(text, m.start(), amount, _rounding(m, scale), end, _step(m, scale))
        shown = text[m.start() : glued.end()] if glued else m.group(0).strip()
        out.append((shown, span, unit, (m.start(), end)))
    compounds = [m for m in _COMPOUND.finditer(text) if not any(s <= m.start() < e for s, e in taken)]
    for m in compounds:
        amount = float(TENS[m.group("tens").lower()] + CARDINALS[m.group("unit").lower()])
        unit = _unit(text, m.start(), m.end(), None, False)
        out.append((m.group(0), _hedged(text, m.start(), amount, 0.0, m.end()), unit, m.span()))
    words_taken = [*taken, *(c.span() for c in compounds)]  # a compound's words are not read again one by one
    for m in _WORD_NUMBER.finditer(text):
        if any(s <= m.start() < e for s, e in words_taken):
            continue
        scaled = re.match(r"\s+(thousand|million|billion|trillion)\b", text[m.end() :], re.I)
        if _SOME_OF.search(text[: m.start()]) and m.group(0).lower() in ("dozen", "hundred"):
            # "several hundred soldiers" is some hundreds, not one hundred (blind explore48 q23 set "155 soldiers"
            # identified against it as a count that changed).
            vague = _VAGUE[f"{m.group(0).lower()}s" if m.group(0).lower() == "hundred" else "dozens"]
            out.append((m.group(0), vague, _unit(text, m.start(), m.end(), None, False), m.span()))
            continue
        amount = float(_WORD_NUMBERS[m.group(0).lower()]) * (_SCALE[scaled.group(1).lower()] if scaled else 1.0)
        end = m.end() + (scaled.end() if scaled else 0)
        unit = _unit(text, m.start(), end, None, False)
        out.append((text[m.start() : end], _hedged(text, m.start(), amount, 0.0, end), unit, (m.start(), end)))
    for m in _ORDINAL_COUNT.finditer(text):
        start, end = m.span("ord")
        n = float(_ORDINALS[m.group("ord")])
        out.append((m.group("ord"), (n, n), _unit(text, start, end, None, False), (start, end)))
    for m in _VAGUE_NUMBER.finditer(text):
        out.append((m.group(0), _VAGUE[m.group(0).lower()], _unit(text, m.start(), m.end(), None, False), m.span()))
    return sorted(out, key=lambda n: n[3])


def _groups(text: str, spans: list[tuple[int, int]]) -> tuple[list[int], list[tuple[int, int]]]:
    """Which amounts restate the one before them: the group of each, and the bracketed
    restatements ("$2bn (1.53bn euros; £1.05bn)", "4.464 million people, or 10.8%")."""
    group = list(range(len(spans)))
    brackets = []
    for i, (_, end) in enumerate(spans):
        opened = re.match(r"\s*(?:[a-z]+\s*)?\(([^()]*\d[^()]*)\)", text[end:])
        apposed = re.match(r"(?:\s+[a-z-]+){0,2},\s+or\s+", text[end:])
        if opened:
            brackets.append((end, end + opened.end()))
            close = end + opened.end()
            members = [j for j, (s, _) in enumerate(spans) if end < s < close]
        elif apposed:
            members = [j for j, (s, _) in enumerate(spans) if s == end + apposed.end() or s == end + apposed.end() + 1]
        else:
            continue
        for j in members:
            group[j] = group[i]
    return group, brackets


def _with_person(v: Value, text: str) -> Value:
    """An age is the age of a person, whose name is what the value is about: the name before it
    in apposition ("Mr Mubanga, 29, from London") or before "turned" ("Carter turned 100"), or the
    name it is put before ("Now 99, Jimmy Carter is")."""
    before = re.search(rf"((?:[A-Z][\w’'-]+\s+){{0,2}}[A-Z][\w’'-]+)(?:,\s|\s+{_TURNED}\s+)$", text[: v.at[0]])
    after = re.match(r",\s+((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)", text[v.at[1] :])
    person = before or after
    if person is None:
        return v
    words = [w.lower() for w in person.group(1).split() if w.lower() not in ("mr", "mrs", "ms", "dr")]
    keys = {prefix(w) for w in words}
    return replace(
        v,
        near=v.near | keys,
        named=v.named | keys,
        names=v.names | set(words),
        distance={**v.distance, **dict.fromkeys(keys, 2)},
    )


# A weekday written before its date is one phrase with it: in "extend the truce … by two weeks, until Sunday, October
# 18" the date's clause is the one "Sunday" closes, not the comma's empty one (explore37 q22 found no word of the
# truce by it).
_WEEKDAY_BEFORE = re.compile(rf"{WEEKDAY},?\s+$", re.IGNORECASE)


def _named_day_start(text: str, start: int) -> int:
    """Where a date begins once the weekday written before it is counted in ("Sunday, October 18")."""
    m = _WEEKDAY_BEFORE.search(text, max(0, start - 12), start)
    return m.start() if m else start


def values_in(text: str, published: date | None) -> list[Value]:
    """The numbers, dates and post holders `text` states, each with what it is about."""
    dates = resolve_dates(text, published)
    # Numbers inside a date ("11 April" in an undated article) are not quantities either.
    taken = [(d.start, d.end) for d in dates] + date_phrases(text)
    # The number in a period ("its first two days") is part of a time, not a quantity.
    taken += [m.span() for m in re.finditer(PERIOD, text)]
    years = []
    for m in _YEAR.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        taken.append(m.span())
        # "the 2028 Summer Olympics" names something; "since 1966" is a reference point.
        if re.match(r"\s+[A-Z]|\s+(?:and|or)\s+\d{4}\s+[A-Z]", text[m.end() : m.end() + 16]):
            continue
        if re.search(r"\b(?:since|until|till|before|after)\s+$", text[max(0, m.start() - 8) : m.start()], re.I):
            continue
        years.append(m)
    decades = [m for m in _DECADE.finditer(text) if not any(s <= m.start() < e for s, e in taken)]
    taken += [m.span() for m in decades]
    numbers = _numbers(text, taken)
    group, brackets = _groups(text, [n[3] for n in numbers])
    blanked = masked(text, taken + [n[3] for n in numbers], brackets)
    # Every value's span and group: names are looked for between a value and its neighbours.
    spans = [((d.start, d.end), -2 - i) for i, d in enumerate(dates)] + [
        (m.span(), -100 - i) for i, m in enumerate(years)
    ]
    spans += [(m.span(), -1000 - i) for i, m in enumerate(decades)]
    spans += [(n[3], group[i]) for i, n in enumerate(numbers)]

    def value(
        kind: str, shown: str, span: tuple[float, float], unit: frozenset[str], at: tuple[int, int], g: int
    ) -> Value:
        lo = max((e for (s, e), h in spans if e <= at[0] and h != g), default=0)
        hi = min((s for (s, e), h in spans if s >= at[1] and h != g), default=len(text))
        # Times are looked for up to the amounts either side only: a date by the value is its time.
        amounts = [(s, e) for (s, e), h in spans if h >= 0 and h != g]
        t_lo = max((e for s, e in amounts if e <= at[0]), default=0)
        t_hi = min((s for s, e in amounts if s >= at[1]), default=len(text))
        a = about(text, blanked, *at, bounds=(lo, hi), time_bounds=(t_lo, t_hi))
        return Value(
            kind, shown, span, "", unit, frozenset(a.near), at, g, a.scope, a.names, a.named, a.times, a.another,
            a.record, distance=a.near,
        )  # fmt: skip

    found: list[Value] = []
    for d in dates:
        span = _days(d.date_from, d.date_to)
        found.append(value("date", d.text, span, frozenset(), (_named_day_start(text, d.start), d.end), -1))
    for m in years:
        year = int(m.group(0))
        span = _days(date(year, 1, 1), date(year, 12, 31))
        found.append(value("date", m.group(0), span, frozenset(), m.span(), -1))
    for m in decades:
        year = int(m.group(0)[:4])
        span = _days(date(year, 1, 1), date(year + 9, 12, 31))
        found.append(value("date", m.group(0), span, frozenset(), m.span(), -1))
    for i, (shown, span, unit, at) in enumerate(numbers):
        # A restatement is about what the amount it restates is about.
        v = replace(value("number", shown, span, unit, numbers[group[i]][3], group[i]), at=at)
        if not (unit & {"$", "£", "€", "%"}):
            v = replace(v, counted=_unit_names(text, at[1]))
        if unit == {"age"}:
            v = _with_person(v, text)
        found.append(v)
    for m in _ROLE.finditer(text):
        role = " ".join(m.group("role").lower().split())
        # The role's words are the words next to the value: two holders of one post meet on them.
        shown = " ".join(m.group(0).split())  # "Liz Truss became the United Kingdom's new prime minister"
        words = frozenset(w[:5] for w in role.split()) | {"role"}
        found.append(
            Value("name", shown, (0.0, 0.0), m.group("name").lower(), frozenset({f"role {role}"}), words, m.span())
        )
    return found
