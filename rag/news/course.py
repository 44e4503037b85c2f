"""The course of a count: "How has the number of vouchers handed out changed since early March?".

No one sentence answers it. Each report gives the count as it stood on its day ("By Tuesday evening the ministry had
… issued 3,900 vouchers", "12,450 vouchers had been issued", "Kelmaria has issued 19,880 seed and fertiliser
vouchers"), so the answer is those figures, each quoted after the day it stood on, in the order of those days. A
figure counts the thing asked only when a number is followed, within three words, by the asked noun, with no other
plural noun between ("11,300 applications for vouchers" counts applications) and nothing in its clause making it
another measure: cancelled, scheduled, applied for or still to come ("The 870 vouchers issued on them were
cancelled"; blind explore38b q05 showed that sentence alone, as if the count had fallen). Where the question says
which count it asks ("patients airlifted", "flights actually flown"), a figure's clause must say it too, in its words
or a word of their family (`_ALIKE`: "handed out" is "issued"), so the flights cleared are not set beside the flights
flown. Columns restate old figures, so their figures count only when no report gives one. Fewer than two values make
no course: the question is then answered as any other.

A measure has a course too: "How has the centre's waiting list changed since the beginning of April?" is answered by
the figures told after the measure's noun ("The list stood at 1,140 at the start of April", "now stands at 1,380",
"stands at 1,520"), each at the day it stood on; only nouns that name a quantity (`_MEASURES`) are taken.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from rag.news.date_patterns import MONTH, MONTHS
from rag.news.dates import as_date, resolve_dates
from rag.news.sameness import SINCE_MONTH
from rag.news.text import sentences
from rag.news.words import topic_words
from rag.numbers import TEENS, TENS, cardinals
from rag.types import Passage

# "How has the number of vouchers handed out changed …?", "How did the number of children vaccinated change from the
# first round to the second?", "How has the monitors' count of heavy weapons changed?". Not one counter's count of
# its own people ("How has Velmora's count of its citizens held in Tazhir changed?"): the other side counts the other
# way ("62 Tazhiri citizens were being held in Velmora", explore18 q21).
_COURSE = re.compile(
    r"^\s*how\s+(?:has|have|had|did|does|do)\s+the\s+(?:[\w'’-]+\s+)?(?:number|count|total|tally)\s+of\s+"
    r"(?P<thing>[^?]+?)\s+(?:chang\w*|grow\w*|grown|gone\s+(?:up|down)|go\s+(?:up|down)|ris(?:e|en)|f(?:all|allen)|"
    r"evolv\w*|develop\w*|mov(?:e|ed)|shift\w*)\b",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(
    r"(?:in|on|at|to|for|from|of|by|across|over|into|since|during|through|under|with|between|before|after|as|so)$",
    re.IGNORECASE,
)
# Words news copy swaps for one count: vouchers "handed out" are "issued", athletes "approved" are "cleared", children
# "vaccinated" are "reached", patients "airlifted" are "flown out". Cut as `words.prefix` cuts.
_ALIKE = [
    frozenset({"hand", "issue", "given", "gave", "distr", "grant"}),
    frozenset({"appro", "clear", "grant", "admit"}),
    frozenset({"vacci", "immun", "reach"}),
    frozenset({"reach", "arriv"}),
    frozenset({"airli", "flown", "flew"}),  # not "evacuated": "214 patients … evacuated …: 118 by air and 96 by bus"
    frozenset({"signe", "regis", "enrol"}),
    frozenset({"fix", "fixed", "repai", "resto"}),
    frozenset({"worki", "opera", "runni", "air"}),
    frozenset({"paid", "pay", "recei"}),
    frozenset({"compl", "made", "done"}),
    frozenset({"ident", "named"}),
]
# "How did the brokers' quote change after the blast?", "How has the centre's waiting list changed since April?": the
# course of a measure, told by its noun and a figure after it ("the quote rose to 2.5%", "the waiting list stood at
# 1,380"). Only nouns that name a quantity: "How has the ministry's stance changed?" asks for none.
_MEASURE_COURSE = re.compile(
    r"^\s*how\s+(?:has|have|had|did)\s+(?:the\s+)?(?P<thing>[^?]+?)\s+(?:chang\w*|grow\w*|grown|"
    r"gone\s+(?:up|down)|go\s+(?:up|down)|ris(?:e|en)|f(?:all|allen)|mov(?:e|ed))\b",
    re.IGNORECASE,
)
_MEASURES = re.compile(
    r"price|cost|quote|premium|rate|output|payment|turnout|estimate|list|caseload|share|toll|limit|cap|fare|fee|value|"
    r"budget|backlog"
)
# The figure a measure's noun is given as: "rose to 2.5%", "stood at 1,380", "was 41%"; "from" gives the old one.
_MEASURE_FIGURE = re.compile(
    r"\b(?P<prep>to|at|of|was|is|reached|from)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+)?"
    r"(?:[$€£]\s*)?(?P<number>\d[\d,]*(?:\.\d+)?)",
    re.IGNORECASE,
)
_MEASURE_REACH = 80  # characters after the measure's noun in which its figure is told
_IRREGULAR_PLURALS = frozenset({"children", "people", "men", "women", "police", "staff", "cattle", "livestock"})
_NOT_NOUNS = frozenset({"this", "was", "has", "his", "its", "thus", "plus", "less", "across", "unless", "whereas"})
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\w.,])\d+(?:\.\d+)?(?![\w.,]*\d)")
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
# A clause that makes a count another measure than the one done: what was cancelled, planned, applied for or is
# still to come. The question's own words are not held against it.
_OTHER_MEASURE = re.compile(
    r"\b(?:cancel\w*|reject\w*|refus\w*|withdr\w*|revok\w*|schedul\w*|plann\w*|target\w*|expect\w*|promis\w*|"
    r"pledg\w*|aim\w*|appl(?:y|ied|ies|ications?|icants?)|regist\w*|eligible|ordered|due|still|remain\w*|waiting|"
    r"will|would|could|should|per\s*cent|percent|before\s+the\s+war|pre-war|capacity|liv(?:e|es|ed|ing)|"
    r"(?:is|are|was|were)\s+to|allow\w*|ask\w*|request\w*|list\w*|declar\w*|not|never|without|alone|twice|"
    # Those who left are no count of those back: "About 3,900 people have left their homes in Dornau" (explore41 q05).
    r"left|fled)\b|n['’]t\b|%",
    re.IGNORECASE,
)
_CLAUSE_EDGE = re.compile(r",(?!\d)|[;:()—–]|\s-\s|\b(?:which|while|but|and)\b", re.IGNORECASE)
# The day a count stood on, told before its date: "By Tuesday evening …", "by March 24", "as of Sunday".
_STOOD_BY = re.compile(r"\b(?:by|as\s+of|as\s+at|up\s+to|through|until)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
# "reduced the ministry's earlier count of 12,450 vouchers … to 11,580": a figure given as the one replaced.
_FORMER = re.compile(
    r"\b(?:earlier|previous|former|original|initial|old|first)\s+(?:count|figure|estimate|tally|total)\s+of\s+$",
    re.IGNORECASE,
)
# "*Correction: An earlier version of this article said 85 press cards had been granted by Monday.": the figure
# printed in error (explore35c q05).
_CORRECTED = re.compile(r"\W*correction\b|\W*an\s+earlier\s+version\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.IGNORECASE)
# The whole a part is counted of: "about 2,900 of the 3,900 people evacuated on September 14 had gone home", "39 of the
# city's 64 boiler houses". The part counts them (explore41 q05 found no figure of the evacuees gone home); the whole,
# and its day, do not.
_A_WHOLE = r"of\s+(?:the|its|their|all)\s+(?:[\w-]+['’]s?\s+)?(?:(?:about|around|roughly|some|nearly|almost)\s+)?"
# … nor does a day of the whole: "About 3,450 of the 3,900 people evacuated on September 14 have returned home".
_STARTED = re.compile(
    r"\b(?:since|from|between|after|before|opened|began|started|launched)\b[^,;]*$"
    rf"|\b{_A_WHOLE}\d[\d,]*\s[^,;]*$",
    re.IGNORECASE,
)
_MOST_SHOWN = 4  # figures an answer quotes: the first, the last and two between


@dataclass(frozen=True)
class CourseAsked:
    """The noun of the count a question asks the course of ("vouchers"), the words that say which of them it counts
    ("handed", "out"; `qualifiers`, cut as `words.prefix` cuts), and the words of the question."""

    noun: str
    question: str
    qualifiers: frozenset[str] = frozenset()
    measure: bool = False  # the noun names a quantity ("quote", "waiting list"), not the things counted

    @property
    def stem(self) -> str:
        """The noun's first five letters, which its other forms share ("vouch" of "vouchers", "voucher")."""
        return self.noun[:5]


@dataclass(frozen=True)
class Figure:
    """One figure of the asked count: the sentence giving it, the day it stood on and its value."""

    passage: Passage
    start: int
    end: int
    value: float
    day: date
    clause: tuple[int, int]  # where the figure's clause is in passage.text, to the end of its counted thing

    @property
    def text(self) -> str:
        return self.passage.text[self.start : self.end]


def course_asked(question: str) -> CourseAsked | None:
    """The count whose course `question` asks for, or None when it asks for none."""
    m = _COURSE.match(question)
    if m is None:
        return _measure_asked(question)
    words = _WORD.findall(m.group("thing"))
    at = next((i for i, w in enumerate(words) if _plural(w)), None)
    if at is None:
        return None
    return CourseAsked(words[at].lower(), question, _qualifiers(words, at))


def _measure_asked(question: str) -> CourseAsked | None:
    """The measure whose course `question` asks for ("quote" of "How did the brokers' quote change after the blast?"),
    or None: its noun is the last word before a preposition, and must name a quantity."""
    m = _MEASURE_COURSE.match(question)
    if m is None:
        return None
    words = [re.sub(r"['’]s?$", "", w).lower() for w in _WORD.findall(m.group("thing"))]
    head = next((i for i, w in enumerate(words) if _PREPOSITION.match(w)), len(words))
    noun = words[head - 1] if head else ""
    return CourseAsked(noun, question, measure=True) if _MEASURES.fullmatch(noun) else None


def _measure_figure(asked: CourseAsked, text: str, own: set[str]) -> re.Match[str] | None:
    """The figure `text` gives its measure as, told after the measure's noun in its reach; not one given as "from"."""
    # The noun itself, not a verb of its stem: "which the bank estimated separately at $22 billion" gives no estimate
    # of the damage asked (explore29d q14).
    for noun in re.finditer(rf"\b{re.escape(asked.noun)}s?\b", text, re.IGNORECASE):
        reach = text[noun.end() : noun.end() + _MEASURE_REACH]
        found = next((f for f in _MEASURE_FIGURE.finditer(reach) if f.group("prep").lower() != "from"), None)
        # … nor one told as another measure between them: "the waiting list … is expected to reach 2,000".
        between = {w.group(0).lower() for w in _OTHER_MEASURE.finditer(reach[: found.start()])} if found else set()
        if found is not None and all(_asked_words(w, own) for w in between):
            return found
    return None


# Verbs of arriving too plain to be topic words, as the word news copy uses for them: "refugees who actually got to
# Yarnholt" asks those who arrived, and without it every count of refugees had been taken, those in the camps and the
# children among them (blind explore47b q05).
_GOT_TO = {"got": "reached", "get": "reached", "gotten": "reached", "made": "reached", "came": "arrived"}


def _qualifiers(words: list[str], at: int) -> frozenset[str]:
    """The words saying which count of the noun `words[at]` is asked: those after it up to a preposition ("handed out"
    of "vouchers handed out to drivers", "flown" of "flights actually flown across the line"), else a participle
    before it ("working" of "working cash machines"); each as `words.prefix` cuts it, with its `_ALIKE` family."""
    after = []
    for i, w in enumerate(words[at + 1 :], at + 1):
        if _PREPOSITION.match(w):
            break
        if w.lower() not in ("actually", "who", "that", "which", "have", "has", "had", "been", "were", "was"):
            # "got to Yarnholt" is reaching a place; "got across" is crossing, which "got" does not say
            arrived = w.lower() in _GOT_TO and i + 1 < len(words) and words[i + 1].lower() in ("to", "into")
            after.append(_GOT_TO[w.lower()] if arrived else w)
    before = [w for w in words[:at] if re.search(r"(?:ed|ing)$", w) and not w[0].isupper()][-1:]
    said = topic_words(" ".join(after or before))
    return frozenset(said | {kin for w in said for family in _ALIKE if _in_family(w, family) for kin in family})


def _in_family(word: str, family: frozenset[str]) -> bool:
    return any(word.startswith(kin) or (len(word) >= 4 and kin.startswith(word)) for kin in family)


def _plural(word: str) -> bool:
    w = word.lower()
    return w in _IRREGULAR_PLURALS or (len(w) >= 4 and w.endswith("s") and not w.endswith("ss") and w not in _NOT_NOUNS)


def _counts_noun(asked: CourseAsked, text: str, at: int) -> bool:
    """Whether the number ending at `at` counts the asked noun: the noun within three words after it, no other
    plural noun nor "of" between; or the part of a whole that counts it ("2,900 of the 3,900 people evacuated"); or,
    asked of people by what was done to them ("evacuees"), "people"."""
    whole = _OF_A_WHOLE.match(text, at)
    if whole:
        return _counts_noun(asked, text, whole.end())
    # "Of the roughly 3,900 people evacuated …, about 1,400 of them had gone home by Tuesday evening".
    if re.match(r"\s+of\s+them\b", text[at:]):
        return any(_counts_noun(asked, text, m.end()) for m in _NUMBER.finditer(text, 0, at) if m.end() < at)
    for word in _WORD.findall(text[at:])[:4] if text[at : at + 1].isspace() else []:
        w = word.lower()
        if w.startswith(asked.stem):
            return True
        # Which of them, the question's own words say (`_like_asked`): "About 1,400 people have gone home".
        if w in _IRREGULAR_PLURALS and asked.noun.endswith("ees"):
            return True
        if w in ("of", "per", "a", "an", "the") or _plural(w):
            return False
    return False


_OF_A_WHOLE = re.compile(rf"\s+{_A_WHOLE}\d{{1,3}}(?:,\d{{3}})*(?=\s)")
_A_WHOLE_BEFORE = re.compile(rf"\b{_A_WHOLE}$", re.IGNORECASE)


# "… cleared nine more Ostrevian athletes …, bringing the number approved to 47": the count named by "number".
_NUMBER_AT = re.compile(
    r"\b(?:number|total|count|tally)\s+(?:of\s+[\w-]+\s+)?(?:[\w-]+\s+){0,2}?(?:to|at|stands\s+at|reached)\s+$",
    re.IGNORECASE,
)


def _names_count(asked: CourseAsked, text: str, at: int) -> bool:
    """Whether the number starting at `at` is given as "the number … to" in a sentence that names the asked noun."""
    return (
        bool(_NUMBER_AT.search(text[max(0, at - 60) : at]))
        and re.search(rf"\b{asked.stem}", text, re.IGNORECASE) is not None
    )


def _as_verb(asked: CourseAsked) -> str:
    """The asked noun done as a verb, before its figure: "fined " of "fines"."""
    verb = asked.noun[:-1] if asked.noun.endswith("s") else asked.noun
    return rf"\b{re.escape(verb)}e?d\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?"


def _done_as_verb(asked: CourseAsked, text: str, at: int) -> bool:
    """Whether the number starting at `at` is told as the verb of the asked noun: "stopped 310 people … and fined 86 of
    them" counts 86 fines, done, so whatever the question calls the doing (explore42d q05 found none of the police's
    own counts of fines)."""
    return re.search(_as_verb(asked) + "$", text[:at], re.IGNORECASE) is not None


# Counts written in words: "nine have been delivered and six are running"; not "two" or "three", as often an aside as
# a count ("had set off with two younger miners on March 12", explore42b q27).
_WORD_VALUES = {**cardinals(4, 12), **TEENS, **TENS}
# Not part of a compound ("Thirty-three") nor of a larger number ("Two hundred claims").
_NUMBER_WORD = re.compile(
    rf"(?<!-)\b(?:{'|'.join(_WORD_VALUES)})\b(?!-)(?!\s+(?:hundred|thousand|million|billion|dozen)\b)", re.IGNORECASE
)


def _value(number: str) -> float:
    return float(_WORD_VALUES.get(number.lower()) or number.replace(",", ""))


def _part_of_whole_before(asked: CourseAsked, text: str, at: int, end: int) -> bool:
    """Whether the number at `at`, followed by no noun, is a part of a whole of the asked noun told before it in its
    sentence: "Of the 14 submersible pumps Ezerna Coal ordered from Belmarra, nine have been delivered and six are
    running" (explore42b q05 found no count of the pumps running)."""
    if not re.match(r"\s+(?:\w+\s+)?(?:have|has|had|are|is|were|was)\b", text[end:]):
        return False
    whole = rf"{_A_WHOLE}\d[\d,]*\s+(?:[\w-]+\s+){{0,2}}?{re.escape(asked.stem)}"
    return re.search(whole, text[:at], re.IGNORECASE) is not None and not _A_WHOLE_BEFORE.search(text[:at])


def _thing_end(text: str, at: int) -> int:
    """Where the words after a number end: its counted thing ("3,900 vouchers"), up to four words."""
    words = list(_WORD.finditer(text, at))[:4]
    return words[-1].end() if words else at


def _clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause holding text[start:end] starts and ends: the edges before and after it."""
    before = [m.end() for m in _CLAUSE_EDGE.finditer(text, 0, start)]
    after = _CLAUSE_EDGE.search(text, end)
    return before[-1] if before else 0, after.start() if after else len(text)


def _clause(text: str, start: int, end: int) -> str:
    lo, hi = _clause_span(text, start, end)
    return text[lo:hi]


def _day(text: str, at: int, published: date) -> date:
    """The day the count at `at` stood on: a day told after "by" or "as of" in its sentence ("By Tuesday evening the
    ministry had … issued 3,900 vouchers"), else one told in its own clause and not as a start ("on Thursday cleared
    38 Ostrevian athletes", not "has carried 8,930 passengers since the service opened on May 14"), else the
    report's."""
    days = [(r.start, r.day) for r in resolve_dates(text, published) if r.day is not None and r.day <= published]
    told = [day for start, day in days if _STOOD_BY.search(text[max(0, start - 20) : start])]
    lo, hi = _clause_span(text, at, at)
    if not told:
        told = [
            day for start, day in days if lo <= start < hi and not _STARTED.search(text[max(0, start - 60) : start])
        ]
    if not told:
        told = _month_part(text[lo:hi], published)
    return min(told, key=lambda d: abs((published - d).days)) if told else published


# "The list stood at 1,140 at the start of April", in a report of 29 April, stood on 1 April (explore37c q05 put it
# after the report's own "now stands at 1,380", as if the list had shrunk).
_MONTH_PART = re.compile(
    rf"\b(?:at\s+the\s+(?P<edge>start|beginning|end)\s+of|in\s+(?P<part>early|mid|late)|(?P<mid>mid)-)\s*"
    rf"(?P<month>{MONTH})\b",
    re.IGNORECASE,
)
_PART_DAY = {"start": 1, "beginning": 1, "early": 5, "mid": 15, "late": 25}


def _month_part(clause: str, published: date) -> list[date]:
    """The day a part of a month told in `clause` stands for ("at the start of April" is 1 April), in the latest such
    month not after `published`."""
    days = []
    for m in _MONTH_PART.finditer(clause):
        month = MONTHS[m.group("month").lower().rstrip(".")]
        year = published.year if month <= published.month else published.year - 1
        part = (m.group("edge") or m.group("part") or m.group("mid") or "").lower()
        last = calendar.monthrange(year, month)[1]
        day = date(year, month, last if part == "end" else _PART_DAY.get(part, 1))
        if day <= published:
            days.append(day)
    return days


def figures(asked: CourseAsked, passage: Passage) -> list[Figure]:
    """The figures of the asked count that `passage` gives, one per sentence."""
    published = as_date(passage.published)
    if published is None:
        return []
    own = set(_WORD.findall(asked.question.lower()))
    found = []
    for s, e in sentences(passage.text):
        text = passage.text[s:e]
        # Nor a Markdown headline kept in the body: "# Thirteen miners brought out alive …" (explore42b q27).
        if _CORRECTED.match(text) or text.lstrip().startswith("#"):
            continue
        if asked.measure:
            figure = _measure_figure(asked, text, own)
            if figure is not None:
                value = float(figure.group("number").replace(",", ""))
                at = text.find(figure.group(0))
                found.append(Figure(passage, s, e, value, _day(text, at, published), (s, e)))
            continue
        told: list[tuple[bool, Figure]] = []
        for m in sorted([*_NUMBER.finditer(text), *_NUMBER_WORD.finditer(text)], key=lambda m: m.start()):
            if _MONTH_BEFORE.search(text[max(0, m.start() - 12) : m.start()]) or _is_year(m.group(0)):
                continue  # "replaced them on June 4 with chip cards" counts no cards (explore35b q04)
            if not (
                _counts_noun(asked, text, m.end())
                or _names_count(asked, text, m.start())
                or _done_as_verb(asked, text, m.start())
                or _part_of_whole_before(asked, text, m.start(), m.end())
            ):
                continue
            if _FORMER.search(text[max(0, m.start() - 40) : m.start()]) or _A_WHOLE_BEFORE.search(text[: m.start()]):
                continue
            others = {w.group(0).lower() for w in _OTHER_MEASURE.finditer(_clause(text, m.start(), m.end()))}
            if any(not _asked_words(o, own) for o in others):
                continue
            lo, hi = _clause_span(text, m.start(), _thing_end(text, m.end()))
            value = _value(m.group(0))
            counted = Figure(passage, s, e, value, _day(text, m.start(), published), (s + lo, s + hi))
            told.append((_in_words_asked(asked, _clause(text, m.start(), m.end())), counted))
        # One per sentence: the first told in the question's words for which count it asks, in its own clause, else the
        # first. "Of the 14 submersible pumps …, nine have been delivered and six are running" counts six working
        # (explore42b q05).
        if told:
            found.append(next((f for asked_words, f in told if asked_words), told[0][1]))
    return found


def _asked_words(phrase: str, question: set[str]) -> bool:
    """Whether the question says `phrase` itself: "living" of "families actually living in the modular homes"."""
    said = {w for w in _WORD.findall(phrase) if len(w) > 3}
    return bool(said) and said <= question


def _is_year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2100


def _like_asked(asked: CourseAsked, found: list[Figure]) -> list[Figure]:
    """The figures told in the question's words for which count it asks, or words of their family, in their own
    clause: of "patients airlifted out of Dalvany", not "The hospital's first list contains 148 patients" nor "is now
    treating 27 patients from Dalvany" (explore35 q05); of "flights actually flown", not "the commission had cleared
    48 flights" (explore34d q03). A question naming no such words ("How has the number of monitors changed?") takes
    every figure of the noun."""
    if not asked.qualifiers:
        return found
    return [f for f in found if _in_words_asked(asked, f.passage.text[f.clause[0] : f.clause[1]])]


def _in_words_asked(asked: CourseAsked, clause: str) -> bool:
    """Whether `clause` says which count it gives in the question's words or their family, or as the noun's verb."""
    return any(_in_family(w, asked.qualifiers) for w in topic_words(clause)) or bool(
        re.search(_as_verb(asked) + r"\d", clause, re.IGNORECASE)
    )


def _one_start(found: list[Figure]) -> list[Figure]:
    """The figures counted from the latest start any of them names, or from none; all when they name one start: "more
    than 6,000 curfew fines since January" is another count than "1,318 of them since the shorter hours first came in
    on September 11" (explore42d q05 set the year's count first, as if fines had fallen)."""
    starts = {
        id(f): MONTHS[m.group("month").lower().rstrip(".")]
        for f in found
        if (m := SINCE_MONTH.search(f.passage.text[f.clause[0] : f.clause[1]]))
    }
    if len(set(starts.values())) < 2:
        return found
    latest = max(starts.values())
    return [f for f in found if starts.get(id(f), latest) == latest]


def course(asked: CourseAsked, passages: list[Passage]) -> list[Figure]:
    """The asked count's course over `passages`: each value once, at the first day it stood on, in the order of those
    days; columns only when no report gives a figure. The first, the last and up to two between; empty when fewer than
    two values are found."""
    seen: set[tuple[str, str]] = set()  # chunks overlap: a sentence once
    found: list[Figure] = []
    for p in passages:
        for f in figures(asked, p):
            if (p.article_id, f.text.strip()) not in seen:
                seen.add((p.article_id, f.text.strip()))
                found.append(f)
    reports = [f for f in found if not f.passage.commentary]
    found = _one_start(_like_asked(asked, reports or found))
    first: dict[float, Figure] = {}
    for f in sorted(found, key=lambda f: (f.day, as_date(f.passage.published) or f.day)):
        first.setdefault(f.value, f)
    series = sorted(first.values(), key=lambda f: f.day)
    if len(series) < 2 or len({f.day for f in series}) < 2:
        return []
    if len(series) <= _MOST_SHOWN:
        return series
    middle = series[1:-1]
    step = len(middle) / (_MOST_SHOWN - 2)
    return [series[0], *(middle[int(i * step)] for i in range(_MOST_SHOWN - 2)), series[-1]]
