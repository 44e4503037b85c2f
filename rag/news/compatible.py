"""Pairs that look like a disagreement but say compatible things (explore10 H2, M2).

Each test reads the two sentences a conflict would set against each other and says why they can
both be true; `detect_conflicts` drops such a pair (or, for an update, reports a change):

- two different counts: "killed 12 people" / "another 40 people were injured" (deaths and injuries,
  the evacuated and those in shelters, or a number that is an addition: "another", "more", "additional");
- a negation about another thing: "is ready for talks" / "is not ready for a ceasefire"; or the
  same denial twice: "Ukraine's refusal to cede any land" / "Ukraine flatly refuses to cede any land";
- the date of a statement against the date of an event: "…, the governor said on 2 March" / "the
  strike was carried out on 28 February";
- a rate against a total: "costs users $1 for an hour's worth" / "the experiment cost $12";
- a denial by the one who made the claim: "Mandelson said …" / "That charge was denied by Mr Mandelson";
- and an update: "the death toll rose to 15" after "killed 12" is a change over time, not a conflict.
"""

from __future__ import annotations

import calendar
import re
from typing import Protocol

from rag.news.words import same_name

# What a count of people counts. Two counts of different things both hold: 12 killed and 40 injured,
# 1,500 evacuated and 4,000 in shelters (explore13 M4).
_MEASURES = {
    # "the bodies of 340 Karvenian soldiers" count the dead (blind explore20 q12).
    "deaths": re.compile(
        r"\b(?:kill(?:ed|ing|s)?|dead|deaths?|died|dies|death toll|fatalit(?:y|ies)|lives|bod(?:y|ies))\b", re.I
    ),
    # "wounding 26 people" (explore28c q16 lost its answer to "how many ppl injured drusk shelling").
    "injuries": re.compile(r"\b(?:injur(?:ed|ies|y|ing)|wound(?:ed|ing)|hurt|hospitali[sz]ed)\b", re.I),
    "evacuated": re.compile(r"\b(?:evacuat\w*|fled|displaced)\b", re.I),
    "sheltered": re.compile(r"\b(?:shelters?|sheltering|sheltered)\b", re.I),
    "rescued": re.compile(r"\b(?:rescued?|rescuing)\b", re.I),
    "missing": re.compile(r"\b(?:missing|unaccounted)\b", re.I),
    "arrested": re.compile(r"\b(?:arrest(?:ed|s)?|detained)\b", re.I),
    # "The first group of 29 children crossed" does not answer how many are back with their families (blind
    # explore23b q29; 22 of them were).
    "reunited": re.compile(
        r"\b(?:reunit(?:ed|ing|es)?|back\s+with\s+(?:their\s+|his\s+|her\s+)?(?:famil(?:y|ies)|relatives|parents))\b",
        re.I,
    ),
    # "12 journalists have been killed" does not answer how many were expelled (blind explore22d q19).
    "expelled": re.compile(r"\b(?:expel(?:led|ling|s)?|expulsions?|deport(?:ed|ing|s|ations?)?)\b", re.I),
}
# "another 40", "three more bodies", "a top-up of up to 20,000 dorn" (set against the 60,000-dorn cap it tops up to,
# explore33d q26); not "more than 60,000", which is the count itself.
_ADDITION = re.compile(
    r"\b(?:another|additional|further|extra)\s+\d|\b\d[\d,.]*\s+(?:\w+\s+)?more\b(?!\s+than)|"
    r"\b(?:top-?ups?|supplements?)\s+of\s+(?:up\s+to\s+)?\d",
    re.I,
)
_UPDATE = re.compile(
    r"\b(?:rose|risen|rises|climbed|increased|grew|jumped|soared|surged|fell|fallen|dropped|declined|slid|slumped|"
    r"plunged|tumbled|dipped|revised|updated)\s+(?:\w+\s+)?to\b",
    re.I,
)
_SPEECH_DATE = re.compile(
    r"\b(?:said|says|told|announced|stated|reported|wrote|added|confirmed)\b[^.;]{0,40}?\b(?:on|in)\s+"
    r"(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
)
_NEGATED = re.compile(
    r"\b(?:is|are|was|were|be|been)\s+not\s+(\w+)\s+(?:for|to|with|about|on|of)\s+((?:\w+\s*){1,4})", re.I
)
_STOP = {"a", "an", "the", "any", "its", "their", "his", "her", "this", "that", "these", "those"}


def measures(text: str) -> set[str]:
    """What the counts of people in `text` count: "deaths", "injuries", "missing", …"""
    return {name for name, pattern in _MEASURES.items() if pattern.search(text)}


def without_measures(text: str) -> str:
    """`text` with the words of every measure it names blanked: "What's the latest death toll?" keeps
    only "What's the latest ?", whose other words a count of deaths must still hold."""
    for pattern in _MEASURES.values():
        text = pattern.sub(" ", text)
    return text


def counts_differ(a: str, b: str) -> bool:
    """Counts of different things (deaths against injuries, the evacuated against those in shelters:
    no measure in common), or a count against an addition: two numbers that both hold."""
    ma, mb = measures(a), measures(b)
    if ma and mb and not ma & mb:
        return True
    return bool(_ADDITION.search(a)) != bool(_ADDITION.search(b))


def is_update(text: str, value: str) -> bool:
    """The statement says its own figure moved ("the death toll rose to 15"): a change over time. The
    verb must govern the value compared, not another figure of the sentence ("the UK's rate rose to
    4.7% …, compared with 12.1% in Germany")."""
    number = re.search(r"\d[\d,.]*", value)
    if number is None:
        return False
    return bool(re.search(_UPDATE.pattern + r"\s+(?:\w+\s+){0,2}?" + re.escape(number.group(0)), text, re.I))


def statement_date_only(a: str, b: str, values: tuple[str, str] = ("", "")) -> bool:
    """One side's date is when someone spoke ("… said on 2 March"), the other's when something happened;
    or both dates compared are when someone spoke: "officials said on Wednesday" and "officials said on
    Saturday" are two reports, not a disagreement (explore12 M1)."""
    if all(_SPEECH_DATE.search(v) for v in values):
        return True
    return bool(_SPEECH_DATE.search(a)) != bool(_SPEECH_DATE.search(b))


# A date told as a bound: "would stay closed at least until Saturday", "by Friday" (rag/news/conflicts.py reads a
# bound against the day something was done).
# The end of a span, not its start: "from 20 April" and "the planned 4 May start" are one plan moved.
_BOUND = re.compile(r"\b(?:until|till|through|by|before)\s+(?:\w+\s+){0,2}?$", re.IGNORECASE)


def bounded(text: str, value: str) -> bool:
    """Whether a day of `value` (a side's compared words, found in `text`) follows a word of bound: "was extended
    late on Saturday until 30 April" is a bound as "it will run until 29 March" is."""
    at = text.find(value)
    return at >= 0 and any(_BOUND.search(text[: at + day.start()]) for day in _A_DAY.finditer(value))


# A day as a side's value gives it: a weekday, "17 May", "May 17", "tomorrow".
_A_DAY = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}|today|tomorrow|"
    r"yesterday)\b"
)


# A speaker's own act owned or denied: "Suvaria has acknowledged laying a small defensive field", "Lethmark's defence
# ministry denied laying any mines".
_OWN_ACT = re.compile(r"\b(?:acknowledg\w*|admit\w*|den(?:y|ies|ied)|confirm\w*)\s+(?:having\s+)?\w+ing\b", re.I)


def own_acts(first: _Side, second: _Side) -> bool:
    """Each side owns or denies an act of its own speaker, and neither names the other: "Suvaria has acknowledged
    laying a small defensive field … in the war" and "Lethmark's defence ministry … denied laying any mines since the
    ceasefire" tell of two sides' mines, not one claim and its denial (blind explore30d q23). "Tosca says the
    Skarnholm rammed the trawler; Halvern says no collision took place" tells of one act."""
    if not all(_OWN_ACT.search(side.text) for side in (first, second)):
        return False
    names = [set(re.findall(r"\b[A-Z][a-z]{3,}", side.speaker or "")) for side in (first, second)]
    return (
        bool(names[0] and names[1])
        and not names[0] & names[1]
        and not any(n in second.text for n in names[0])
        and not any(n in first.text for n in names[1])
    )


_DENIED = re.compile(r"\b(?:not|never|refus\w*\s+to|reject\w*|den(?:y|ies|ied))\s+(?:any\s+|to\s+)?(\w{3,})", re.I)


def deny_alike(a: str, b: str) -> bool:
    """Both sides deny the same thing ("Ukraine's refusal to cede any land" / "Ukraine flatly refuses
    to cede any land"): no claim is set against its negation (hand-read round 9, Q6)."""
    denied = [{m.group(1).lower() for m in _DENIED.finditer(t)} for t in (a, b)]
    return bool(denied[0] & denied[1])


def negates_another_thing(a: str, b: str) -> bool:
    """ "not ready for a ceasefire" against "ready for talks": the denied state is about another thing."""
    for negative, positive in ((a, b), (b, a)):
        m = _NEGATED.search(negative)
        if not m:
            continue
        state = m.group(1).lower()
        if state.endswith("ed"):  # "not linked to Baikal" / "linked to Gazprom": a relation reads both ways
            continue
        found = re.search(rf"\b{re.escape(state)}\s+(?:for|to|with|about|on|of)\s+((?:\w+\s*){{1,4}})", positive, re.I)
        if found is None:
            continue
        theirs = {w.lower() for w in m.group(2).split()} - _STOP
        ours = {w.lower() for w in found.group(1).split()} - _STOP
        if theirs and ours and not theirs & ours:
            return True
    return False


# What follows a price or an amount that makes it a rate: "$1 (53p) for an hour's worth", "$50 a barrel",
# "40 million euros a day" (explore15 q12: a daily cost against the total was shown as a change).
_RATE = re.compile(
    r"^[\w.,]*\s*(?:(?:thousand|million|billion|trillion)\s+)?(?:(?:euros?|dollars?|pounds?|francs?|yuan|yen|"
    r"rubles?|roubles?|hryvnias?)\s+)?(?:\([^)]*\)\s*)?(?:(?!an?\b|per\b|each\b|every\b|for\b)[a-z-]{3,}\s+(?:of\s+[a-z-]{3,}\s+)?)?"
    r"(?:for\s+)?(?:an?|per|each|every)\s+"
    r"(?:hour|day|night|week|month|year|person|"
    r"head|share|unit|user|barrel|gallon|litre|liter|ton|tonne|kilo\w*|pound|minute|second|mile|seat|ticket)\b",
    re.I,
)


def _is_rate(text: str, value: str) -> bool:
    number = re.search(r"\d[\d,.]*\w*", value)
    at = text.find(number.group(0)) if number else -1
    return at >= 0 and bool(_RATE.match(text[at:]))


def rate_and_total(a: str, a_value: str, b: str, b_value: str) -> bool:
    """One amount is a rate ("costs users $1 (53p) for an hour's worth", "issuing more than 60 certificates a day"),
    the other is not ("the experiment cost $12", "issued 880 certificates"): two quantities, both true (hand-read round
    10 Q7, explore32b q04)."""
    return _is_rate(a, a_value) != _is_rate(b, b_value)


# A figure of a first period: "more than 1,100 tickets in the first day", "in its first week".
FIRST_PERIOD = re.compile(
    r"[^,;.]{0,40}?\b(?:in|on|during|over|within)\s+(?:the|its|their)\s+(?:first|opening)\s+(?:\d+\s+)?"
    r"(?:day|days|week|weeks|hours?|months?|weekend)\b",
    re.IGNORECASE,
)


def _figure_at(text: str, value: str) -> re.Match[str] | None:
    """Where `text` gives the figure of `value`, a year labelling it aside ("2022 class at 12,600 men")."""
    numbers = [m.group(0) for m in re.finditer(r"\d[\d,.]*\d|\d", value)]
    number = next((n for n in numbers if not re.fullmatch(r"(?:19|20)\d\d", n)), numbers[0] if numbers else None)
    return re.search(rf"(?<![\d,.]){re.escape(number)}(?![\d,])", text) if number else None


def first_period_and_other(a: str, a_value: str, b: str, b_value: str) -> bool:
    """One figure counts a first period only ("sold more than 1,100 tickets in the first day"), the other does not
    ("the holders of about 3,400 tickets"): two quantities (explore32 told them as a change)."""

    def first_only(text: str, value: str) -> bool:
        at = _figure_at(text, value)
        return at is not None and FIRST_PERIOD.match(text, at.end()) is not None

    return first_only(a, a_value) != first_only(b, b_value)


# A figure for each of several ("Each side released 106 prisoners", "106 prisoners each", "apiece").
_EACH_BEFORE = re.compile(
    r"\beach\s+(?:side|party|country|state|team|of\s+(?:the\s+)?\w+)\s+(?:[\w'’-]+\s+){0,3}$", re.I
)
_EACH_AFTER = re.compile(r"^[\d,.]*\s+(?:[a-z-]+\s+){0,2}?(?:each|apiece)\b", re.IGNORECASE)


def each_and_total(a: str, a_value: str, b: str, b_value: str) -> bool:
    """One figure is each side's ("Each side released 106 prisoners"), the other is not ("a single exchange of 340
    prisoners in January"): two quantities (explore28 told them as one count changed)."""

    def each(text: str, value: str) -> bool:
        at = _figure_at(text, value)
        return at is not None and bool(
            _EACH_BEFORE.search(text[max(0, at.start() - 60) : at.start()]) or _EACH_AFTER.match(text[at.start() :])
        )

    return each(a, a_value) != each(b, b_value)


# A day's figure called the record or the best of many days: "A record 2,930 people crossed …", "on its best day so far,
# …, 2,140 people crossed", "the most on any day since". Not a level called the highest ("the highest it has been
# since 2008"), which is the level itself (news suite boe-rate).
_RECORD = re.compile(
    r"\ba\s+record\s+\d|\b(?:record|best|busiest|worst|quietest)\s+(?:single\s+)?(?:day|week|month|night|weekend)\b"
    r"|\b(?:most|fewest)\s+(?:on|in)\s+(?:any|a\s+single)\s+(?:day|week|month)\b",
    re.IGNORECASE,
)
_RECORD_BEFORE, _RECORD_AFTER = 60, 40  # characters either side of the figure


def record_and_other(a: str, a_value: str, b: str, b_value: str) -> bool:
    """One figure is a record, the best of many days or rounds, the other is not: "It said 1,340 people crossed on
    Monday" is no disagreement with "on its best day so far, the first day of the electronic queue, 2,140 people
    crossed", nor changed by "A record 2,930 people crossed … on Thursday" (explore33 q03 and q19 showed both)."""

    def record(text: str, value: str) -> bool:
        at = _figure_at(text, value)
        return at is not None and bool(
            _RECORD.search(text, max(0, at.start() - _RECORD_BEFORE), at.end() + _RECORD_AFTER)
        )

    return record(a, a_value) != record(b, b_value)


# The stage a count stands at in a process: claims registered, paid or rejected; masts destroyed or repaired. Two
# stages are two quantities, however close the words: "has registered 18,450 claims" then "has paid more than 4,000
# claims" is no change, "nearly 28,000 claims filed" against "paid more than 4,000" no disagreement (explore33d showed
# both), nor "52 of 64 masts destroyed" against "repaired 27 masts" (explore33c q19).
_STAGES = {
    "asked": r"regist\w*|filed|lodged|submitted|applied|applications?|received|requested",
    "granted": r"paid|approved|granted|issued|awarded|settled|compensated",
    "refused": r"rejected|refused|turned\s+(?:down|away|back)|declined",
    "examined": r"examined|sampled?|audited|checked|reviewed|inspected",
    "broken": r"destroyed|damaged|knocked\s+out|wrecked",
    "mended": r"repaired|rebuilt|restored|fixed|reconnected|back\s+(?:on\s+air|online|in\s+service)",
    "halted": r"suspended|cut\s+off|frozen|stopped",
    "identified": r"identified|verified|confirmed\s+as",
}
_STAGE = re.compile(r"\b(?:" + "|".join(f"(?P<{name}>{words})" for name, words in _STAGES.items()) + r")\b", re.I)
_STAGE_REACH = 60  # characters either side of the figure, within its sentence


def _stage(text: str, value: str) -> str | None:
    """The stage of the word of `_STAGES` nearest the figure of `value` in `text`, None if none is near."""
    at = _figure_at(text, value)
    if at is None:
        return None
    lo, hi = max(0, at.start() - _STAGE_REACH), at.end() + _STAGE_REACH
    found = [
        (max(m.start() - at.end(), at.start() - m.end(), 0), m.lastgroup)
        for m in _STAGE.finditer(text, lo, hi)
        if m.lastgroup
    ]
    return min(found)[1] if found else None


def other_stages(a: str, a_value: str, b: str, b_value: str) -> bool:
    """The two figures count one thing at two stages of a process (registered and paid, destroyed and repaired)."""
    stages = (_stage(a, a_value), _stage(b, b_value))
    return None not in stages and stages[0] != stages[1]


# A year within a few words of a figure, labelling what it counts: "the 2023 class, about 19,000 men".
_NEAR_YEAR = 30  # characters either side


def other_year_labels(a: str, a_value: str, b: str, b_value: str) -> bool:
    """Each figure labelled by the year nearest it, and the years differ: "followed by the 2023 class, about 19,000
    men" and "puts the 2022 class at 12,600 men" count two call-up years, not one figure changed (explore32d q03)."""

    def year(text: str, value: str) -> str | None:
        at = _figure_at(text, value)
        if at is None:
            return None
        years = [
            (min(abs(m.start() - at.start()), abs(at.end() - m.end())), m.group(0))
            for m in re.finditer(r"\b(?:19|20)\d\d\b", text)
            if m.start() != at.start() and at.start() - _NEAR_YEAR <= m.start() <= at.end() + _NEAR_YEAR
        ]
        return min(years)[1] if years else None

    first, second = year(a, a_value), year(b, b_value)
    return first is not None and second is not None and first != second


# A length of time counted from an event: "four days after a cyberattack", "11 days later than the central bank first
# promised". The words after it name the event.
_SPAN_FROM = re.compile(
    r"(?P<span>[\w,.-]+\s+(?:days?|weeks?|months?|hours?|years?))\s+(?:after|before|later\s+than|earlier\s+than|since)"
    r"\s+(?P<event>(?:\S+\s+){1,5})",
    re.IGNORECASE,
)
_EVENT_STOP = _STOP | {"of", "to", "in", "on", "by", "for", "and", "it", "he", "she", "they", "first", "was", "had"}


def _span_event(text: str, value: str) -> set[str] | None:
    """The words naming the event that the length of time `value` in `text` is counted from, None when it is counted
    from none."""
    for m in _SPAN_FROM.finditer(text):
        if value.strip().lower() in m["span"].lower() or m["span"].lower() in value.strip().lower():
            return {w for w in re.findall(r"[a-z]+", m["event"].lower()) if w not in _EVENT_STOP}
    return None


def spans_from_other_events(a: str, a_value: str, b: str, b_value: str) -> bool:
    """Two lengths of time counted from different events: "four days after a cyberattack crippled Castrelia's payment
    systems" (when a director was dismissed) and "11 days later than the central bank first promised" (when a system
    reopened) measure two things (explore31b q02, q31 were told of a change from four days to 11)."""
    first, second = _span_event(a, a_value), _span_event(b, b_value)
    return first is not None and second is not None and not first & second


class _Side(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def speaker(self) -> str | None: ...


_DENIED_BY = re.compile(
    r"\b(?:den(?:ied|ies)|rejected|dismissed|refuted)\b[^.;]{0,60}?\bby\s+(?:(?:Mr|Mrs|Ms|Dr|Sir|Lord)\.?\s+)?"
    r"(?:[A-Z][\w'-]+\s+)*(?P<name>[A-Z][\w'-]+)"
    r"|(?:(?:Mr|Mrs|Ms|Dr|Sir|Lord)\.?\s+)?(?:[A-Z][\w'-]+\s+)*(?P<subject>[A-Z][\w'-]+)\s+(?:has\s+|had\s+)?"
    r"(?:\w+ly\s+)?(?:den(?:ied|ies)|rejected|dismissed|refuted)\b"
)


def _denied_by_speaker(text: str, speaker: str | None) -> bool | None:
    """Whether the denial `text` tells ("That charge was denied by Mr Mandelson", "Mars denied …") is
    `speaker`'s own; None when `text` tells no denial or there is no speaker."""
    m = _DENIED_BY.search(text)
    if m is None or not speaker:
        return None
    name = (m.group("name") or m.group("subject")).lower()
    return any(same_name(name, w.lower()) for w in re.findall(r"[\w'-]+", speaker))


def tells_anothers_denial(side: _Side) -> bool:
    """Whether a side reports someone else's denial: "Mantooth says Mars denied any such agreement" is
    Mars's account told by Mantooth, not more of her own (BBC suite h7-mars-support-promise)."""
    return _denied_by_speaker(side.text, side.speaker) is False


def denies_own_words(a: _Side, b: _Side) -> bool:
    """One side denies a charge and the other side's speaker is the one denying it: "Peter Mandelson
    has said …" / "That charge was denied by Mr Mandelson" report one man's view, not two sources that
    disagree (hand-read round 10 Q5)."""
    return any(_denied_by_speaker(denier.text, other.speaker) for denier, other in ((a, b), (b, a)))


# A place a statement puts what it tells in: "visits to camps … in Orlevia", "visits to … camps in Morvast".
_IN_PLACE = re.compile(r"\b(?:in|at)\s+(?P<place>[A-Z][a-z]{2,})\b")


def other_places(a: str, b: str) -> bool:
    """Each side puts what it tells in a place the other never names: "Its visits to camps holding Morvasti prisoners
    in Orlevia are continuing" and "The Council suspended its visits to all prisoner-of-war camps in Morvast" are two
    sets of visits (blind explore46 q13 noted them as sources that disagree)."""
    first, second = _places(a), _places(b)
    return bool(first and second) and not _names_any(first, b) and not _names_any(second, a)


def _places(text: str) -> set[str]:
    """The capitalised words `text` puts something in or at ("in Orlevia", "at Pessel"), months and days aside."""
    return {m.group("place") for m in _IN_PLACE.finditer(text)} - _NOT_PLACES


def _names_any(places: set[str], text: str) -> bool:
    return any(re.search(rf"\b{re.escape(place)}\b", text) for place in places)


_NOT_PLACES = frozenset({*calendar.month_name[1:], *calendar.day_name, "The", "This", "Its"})

# A floor: "at least 40", "more than 40".
_FLOOR = re.compile(r"\b(?:at\s+least|more\s+than|over|upwards\s+of)\s+(?P<n>\d[\d,]*(?:\.\d+)?)\b", re.IGNORECASE)
_AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?")


def floor_met(a: str, a_value: str, b: str, b_value: str) -> bool:
    """One side's figure is a floor, of a place the other side never names, that the other's figure meets: "was
    holding at least 40 Orlevian prisoners in a former sugar factory at Pessel" counts a part of "2,140 Orlevians are
    still held" (blind explore46 q23 noted the two as sources that disagree). A floor of the whole ("at least 25,000
    people dead" against "around 140,000 people were killed") is a figure that moved."""
    for text, value, other_text, other in ((a, a_value, b, b_value), (b, b_value, a, a_value)):
        floor, given = _FLOOR.search(value), _AMOUNT.search(other)
        if floor is None or given is None or _FLOOR.search(other) is not None:
            continue
        places = _places(text)
        if not places or _names_any(places, other_text):
            continue
        if float(given.group(0).replace(",", "")) >= float(floor.group("n").replace(",", "")):
            return True
    return False
