"""The phrases dates are written in, and the tense of the clause around one: the patterns
rag/news/dates.py resolves, kept apart from the calendar arithmetic."""

from __future__ import annotations

import calendar
import re

from rag.news.plans import FUTURE, MOVED
from rag.numbers import cardinals

WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
# A month's name or abbreviation ("Sept.") and a weekday's name, as patterns; longest names first.
MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
# A time told as the one before's: "Until then Dr Nela Vostrik … remains in charge", after "Halbeck takes office on
# Friday" (rag/evidence/selector.py quotes the two together; rag/answer/compose.py counts them as one).
THEN = r"(?:until|since|by)\s+then\b"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "day_month",
        re.compile(
            rf"\b(?:(?P<d1>{_DAYNUM})\s+(?:of\s+)?(?P<m1>{MONTH})|(?P<m2>{MONTH})\s+(?P<d2>{_DAYNUM})\b)"
            rf"(?:,?\s+(?P<y>{_YEAR}))?(?!\s*(?:{_DAYNUM}|\d))",
            re.IGNORECASE,
        ),
    ),
    (
        "weekday",
        re.compile(
            # "on Thursday next week", "on Friday last week": the week is told after the day (explore38b, 38c).
            rf"\b(?:(?P<which>last|next|this|past|coming)\s+)?(?P<wd>{WEEKDAY})(?:['’]s)?\b"
            r"(?:\s+(?P<week>next|last|this)\s+week\b)?",
            re.IGNORECASE,
        ),
    ),
    (
        "near",
        re.compile(
            # Not "a week ago tonight": the night a week before, which "ago" resolves (explore41d q04 dated the
            # shelling "a week ago tonight" by the column's own day).
            r"(?<!ago\s)\b(?P<near>today|tonight|yesterday|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))\b",
            re.I,
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
            r"\b(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>days?|weeks?)\s+ago\b"
            r"(?:\s+(?P<that_day>today|tonight|this\s+(?:morning|afternoon|evening))\b)?",
            re.IGNORECASE,
        ),
    ),
]
NUMBER_WORDS = {"a": 1} | cardinals(1, 10)
# Named days that are not "the latest Tuesday": holidays and fixed events.
NAMED_DAY = re.compile(
    r"\b(?:black|good|cyber|ash|super|easter|palm|bloody|giving|maundy|holy|super\s+bowl|fat)\s+$", re.IGNORECASE
)
# A participle after is/are/be is present or future ("before the winner is announced on 5 September").
_PAST = re.compile(
    r"(?<!\bis\s)(?<!\bare\s)(?<!\bbe\s)"
    r"\b(?:was|were|had|did|said|announced|reported|told|declared|made|won|lost|died|took|held|\w+ed|"
    # Irregular pasts: "gave different accounts on Tuesday of how much … Velmora will receive" (a Wednesday report)
    # was the Tuesday ahead by its "will" (explore25d).
    r"gave|came|went|saw|met|left|began|became|brought|fought|found|got|kept|led|ran|sent|spoke|stood|struck|fell|"
    r"flew|broke|chose|drove|knew|paid|rose|sold|shot|sat|thought|threw|wrote|felt|heard|meant|built|spent|caught|"
    r"bought|sought|fled|withdrew|drew|sank|tore|shook|hung|stuck|swore|forgave|overtook|undertook)\b",
    re.I,
)
GENERIC_PRESENT = re.compile(r"\b(?:rarely|often|usually|always|generally|commonly|nowadays|even)\b", re.IGNORECASE)
RECURRING_BEFORE = re.compile(r"\b(?:first|second|third|fourth|fifth|every|each)\s+$|\bon\s+(?:a|the)\s+$", re.I)
RECURRING_AFTER = re.compile(
    r"\s+(?:of\s+(?:each|every|the|" + MONTH + r")|the\s+\d|(?:\d{1,2})(?:st|nd|rd|th)?\b)", re.I
)
# "on Tuesday, 2 June", "Friday, March 6": the weekday stands beside the date written out, which is resolved on its own
# ("on Tuesday [19 May 2026], 2 June" was read from a 18 May report; blind explore25b q16).
WRITTEN_AFTER = re.compile(rf",?\s*(?:{_DAYNUM}\s+{MONTH}|{MONTH}\s+{_DAYNUM})(?![\w:])", re.I)
# "had summoned Kovalen to a hearing on Thursday" (a Monday report): the weekday is the hearing's, which the summons
# in the past does not place before or after the report (it was the Thursday ahead; blind explore25 q26).
SUMMONED_TO = re.compile(
    r"\b(?:summon|invit|call|ask)\w*\s+(?:\w+\s+){0,3}?to\s+(?:(?:a|an|the|its|their)\s+)?(?:\w+\s+)?"
    r"(?:hearing|meeting|summit|session|talks|vote|debate|briefing|trial|conference|ceremony)\s+(?:on\s+)?$",
    re.I,
)
# A full stop, its closing quote and the space after; the stop of "6 p.m." or "9 a.m." ends a sentence only before a
# capital ("until 6 p.m. on Friday" is one clause, explore29c).
_STOP = r"(?<!\b[ap]\.m)[.!?][\"”’']?\s+|(?<=\b[ap]\.m)\.\s+(?=[A-Z\"“])"
# A sentence's or a line's end closes a clause too: read on a whole article, "… the change would not affect the
# schedule.\n\nOn Saturday the foreign ministry dismissed a report" had dated that Saturday by the noun "schedule" of
# the sentence before (explore20b: the Saturday ahead).
_CLAUSE = re.compile(r"[,;:—–()]|\s-\s|" + _STOP + r"|\n")
# A day named for what it is to be is one to come, though the naming is told in the past: "President Mira Solvei
# declared Thursday a national day of mourning", said on a Tuesday (blind explore24 q07 dated it two days before).
DESIGNATED_BEFORE = re.compile(
    r"\b(?:declared|declares|named|names|designated|designates|proclaimed|proclaims)\s+$", re.I
)
DESIGNATED_AFTER = re.compile(r"\s+(?:as\s+)?(?:an?|the)\s", re.IGNORECASE)


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause around the phrase at `start:end` begins and ends."""
    left = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE.finditer(text, end)), len(text))
    return left, right


def clause(text: str, start: int, end: int) -> str:
    """The clause around a phrase: tense is read there, not in the whole sentence."""
    left, right = _clause_bounds(text, start, end)
    return text[left:right]


def _tense(text: str, start: int, end: int) -> str | None:
    """ "future", "past" or None: the tense marker nearest the phrase, within its clause.

    The nearest one wins because a clause can hold both: "Fox will pay $787m after the two
    sides agreed a settlement Tuesday" dates the agreement, not the payment."""
    left, right = _clause_bounds(text, start, end)
    markers = _markers(text, start, end, left, right)
    opening = sentence_start(text, start)
    if not markers:
        if _OPENS.fullmatch(text[opening:start]):
            # A day opening its sentence, with no tense in its clause, takes the tense of the clause after it: "From
            # Wednesday, the JCC will run six inspection teams" (a Tuesday report; explore19) had read as the
            # Wednesday before.
            markers = _markers(text, start, end, opening, sentence_end(text, end))
        elif _WEEKDAY_ALONE.fullmatch(text[start:end]) and (
            _OPENS.fullmatch(text[left:start]) or (_PLACED.fullmatch(text[left:start]) and _said_before(text, left))
        ):
            # A weekday opening a clause of its own after an aside takes the tense of the words before the aside: "He
            # is expected to meet Oskar Venn, the Minister for Humanitarian Affairs, on Wednesday" (a Tuesday report;
            # explore25c) had read as the Wednesday before. Not a date written out, whose year an "announced" after
            # it would move ("…, from April 2 to April 16, was announced").
            markers = _markers(text, start, end, opening, start)
    # A headline runs into its article's first sentence with no full stop between them.
    opening = max(opening, text.rfind("\n", 0, start) + 1)
    deadline = _DEADLINE.search(text, max(opening, start - 40), start)
    # Opening its sentence, "By Sunday, DINADEC put the toll at 61 dead" tells where things stood, no deadline (an
    # opinion of Monday 10 June; explore15b showed it as the Sunday ahead).
    opens = deadline is not None and not text[opening : deadline.start()].strip(" \"“‘'")
    if deadline and not opens and _deadline_ahead(text, start, end, opening, markers):
        return "future"
    return min(markers)[1] if markers else None


_OPENS = re.compile(r"\s*[\"“‘']?\s*(?:(?:late|early)\s+)?(?:on|by|from|since|until|as\s+of)?\s*", re.IGNORECASE)
# … or after a place: "…,” said Klara Stavenik, the diocese's spokeswoman, outside the cathedral on Monday" (blind
# explore50d q09 left the Monday unresolved).
_PLACED = re.compile(
    r"\s*(?:outside|at|in|inside|near|before)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}?\s+on\s+", re.IGNORECASE
)
_SAID_NAMED = re.compile(r"\b(?:said|told\s+\w+)\s+[A-Z][\w’'-]+\s+[A-Z][\w’'-]+,[^,]{3,80},\s*$")


def _said_before(text: str, left: int) -> bool:
    """Whether a place clause starting at `left` follows "said <Name>, <role>," and nothing else."""
    return _SAID_NAMED.search(text, sentence_start(text, left), left) is not None


_WEEKDAY_ALONE = re.compile(WEEKDAY + r"(?:['’]s)?", re.IGNORECASE)
# "until Friday", "by 6 p.m. on Sunday": a deadline.
_DEADLINE = re.compile(
    r"\b(?:until|till|by)\s+(?:(?:\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?|noon|midnight)\s+(?:on\s+)?)?$", re.IGNORECASE
)
_DEADLINE_TO = re.compile(r"\s+to\s+(?!be\b)[a-z]+", re.IGNORECASE)
_DEADLINE_SET = re.compile(r"\b(?:deadline|extend(?:s|ed)?)\b", re.IGNORECASE)
# "The panel has asked Karsova to hand over by Friday the flight records": the deadline of what was asked, ordered or
# promised is ahead of the asking, whatever tense tells the asking (a Thursday report; explore34b showed the Friday
# before; "committed to concluding a full ceasefire agreement by March 15", explore16, the year before). Not "did
# not respond to requests for comment by Tuesday evening", "restored to two-thirds of customers by Wednesday".
_INFINITIVE_DEADLINE = re.compile(
    r"\b(?:ask|order|urg|told|tell|give|gave|given|requir|request|call(?:ed|s)?\s+on|commit|agree|promis|pledg|"
    r"instruct|direct|invit|vow)[a-z]*\b[^.;!?]{0,40}?\bto\s+(?!(?:be|the|a|an|its|his|her|their|this|that)\b)"
    r"[a-z]+\b[^.;!?]{0,50}?\b(?:until|till|by)\s+$"
)


def _deadline_ahead(text: str, start: int, end: int, opening: int, markers: list[tuple[int, str]]) -> bool:
    """Whether the deadline before the day at `start:end` lies ahead: a deadline given or moved ("extended the
    deadline …, until 6 p.m. on Friday", explore29c), one with its own infinitive ("It gave her until Thursday to
    leave", explore22b: the giving is past, the leaving ahead), or one told in no past tense ("which means by
    Sunday", a Wednesday analysis; explore20b). "By Tuesday evening, 3,100 people had been evacuated" is past."""
    if _DEADLINE_TO.match(text, end) or _DEADLINE_SET.search(text, opening, start):
        return True
    if _INFINITIVE_DEADLINE.search(text, opening, start):
        return True
    if _handed_in_by(text, opening, start, end):
        return True
    return all(tense == "future" for _, tense in markers) and not _PAST.search(text, opening, start)


# The deadline of a participle that names what the sentence goes on to tell of ahead: "parcels handed in by Wednesday
# will travel on the first convoy" (a Tuesday report; blind explore37d dated it the Wednesday before). Not one told
# done: "parcels were handed in by Wednesday", "Parcels handed in by Wednesday went on the first convoy".
_PARTICIPLE_BY = re.compile(
    r"(?:\b(?P<aux>was|were|is|are|be|been|being|had|has|have)\s+)?\b[a-z]+ed(?:\s+(?:in|up|out|off|over|back))?\s+"
    r"(?:by|until|till)\s+$",
    re.IGNORECASE,
)
_THEN_AHEAD = re.compile(r"\s*(?:(?:morning|afternoon|evening|night)\s+)?(?:will|shall|must|are\s+to|is\s+to)\b", re.I)


def _handed_in_by(text: str, opening: int, start: int, end: int) -> bool:
    """Whether the day is the deadline of a participle whose sentence goes on in the future."""
    m = _PARTICIPLE_BY.search(text, opening, start)
    return m is not None and not m.group("aux") and _THEN_AHEAD.match(text, end) is not None


# A day opening a clause told in the present by those who will be there: "On Monday we find out if it can beat again"
# (an 11 March quote, a Wednesday; blind explore43c dated it the Monday before).
_WE_FIND_OUT = re.compile(
    r"\s*,?\s*(?:we|they|you)\s+(?:find\s+out|learn|know|decide|vote|see|hear|start|begin|open|meet|go\s+back)\b",
    re.IGNORECASE,
)


# An expectation held now is of a day to come, though "expected" reads as a past: "The agriculture ministry said it now
# expected the convoy at Marnholt on Monday" (a Friday report; blind explore44 dated it the Monday before). Not "had
# expected", nor "was expected on Thursday", which tell a plan that may since have failed.
_EXPECTED_NOW = re.compile(r"\b(?:now|still)\s+expect(?:s|ed)?\b|(?<!\bhad\s)\bexpects?\b(?!\s+to\b)", re.I)
# What someone must do by a day is still to be done: "Parents … must register them at a clinic by Thursday" (a Tuesday
# report; blind explore46c q25 showed the Thursday before, by the "visited" of its "whose" clause). Not "must have".
# So is what is due now: "Its report … on whether both armies have pulled their heavy weapons back … is due by Friday"
# (a Wednesday report; blind explore51b q19 read the "have pulled" and showed the Friday before).
_OBLIGED = re.compile(r"\b(?:must|has\s+to|have\s+to|needs?\s+to|(?:is|are)\s+(?:now\s+)?due)\b(?!\s+have\b)", re.I)


def _markers(text: str, start: int, end: int, left: int, right: int) -> list[tuple[int, str]]:
    """The tense markers between `left` and `right` with their distance from the phrase at `start:end`; one after
    the phrase counts as further than any before it."""
    markers = [(start - m.end(), "future") for m in _plans(text, left, start, end)]
    if not in_summary_line(text, start):
        markers += [(start - m.end(), "future") for m in _SCHEDULED_NOW.finditer(text, left, start)]
        if not _PERCEIVED.search(text, sentence_start(text, start), start):
            markers += [(start - m.end(), "future") for m in _PLURAL_NOW.finditer(text, left, start)]
    markers += [(start - m.end(), "past") for m in _PAST.finditer(text, left, start)]
    markers += [(start - m.end(), "future") for m in _EXPECTED_NOW.finditer(text, left, start)]
    markers += [(start - m.end(), "future") for m in _OBLIGED.finditer(text, left, start)]
    if _WE_FIND_OUT.match(text, end):
        markers.append((0, "future"))
    markers += [(m.start() - end + 1000, "future") for m in _plans(text, end, right, end)]
    markers += [(m.start() - end + 1000, "past") for m in _PAST.finditer(text, end, right)]
    return markers


# A timetable told in the present is one to come: "Margit Anselm, who leaves the country on Friday" (a Thursday
# report; explore25c), "the conference, which opens in Marevsk on Friday" (explore26b), "Campaigning officially begins
# on Monday" (explore29c), "When the talks resume on Tuesday" (explore27c) had each read as the day before.
_SCHEDULED_NOW = re.compile(
    r"\b(?:leaves|opens|reopens|begins|starts|resumes|expires|arrives|departs|convenes|reconvenes|meets|travels|"
    r"kicks\s+off|takes\s+effect|takes\s+office|comes\s+into\s+force|runs\s+out|goes\s+ahead)\b"
    r"|\b(?:when|once|before|until)\s+(?:the\s+)?\w+\s+(?:resume|begin|open|reopen|meet|start|reconvene|convene)\b"
    # … as is a term running to a day ("The Saltfell truce …, which Brelkavian and Tesvarian officers signed on
    # Tuesday, …, runs until 6 a.m. on Wednesday", a Saturday report: explore42b), and a hope ("The agency said it hoped
    # the boats could go out on Thursday", a Tuesday report: explore42, explore42d).
    r"|\b(?:runs|lasts|continues)\s+until\b"
    r"|\bhop(?:e|es|ed|ing)\s+(?:that\s+)?(?:to\b|(?:[\w’'-]+\s+){1,5}?(?:could|would|can|will|might)\b)",
    re.IGNORECASE,
)
# … and so is one told of a plural: "the council said the 14 closed beaches reopen on Saturday" (a Thursday report;
# explore36 dated it the Saturday before). The word before the verb ends in "s" or is a number ("the beaches closed
# since April 29 reopen on Friday"); "was open", "has begun" do not.
_PLURAL_NOW = re.compile(
    r"\b(?!(?:was|has|is|does|this|its|his|us|as|thus|always|perhaps|yes)\b)(?:[a-z]\w*s|\d{1,4})\s+"
    r"(?:reopen|open|begin|start|resume|leave|depart|arrive|convene|reconvene|meet|expire|kick\s+off|go\s+ahead)\b",
    re.IGNORECASE,
)
# … but not what the one telling saw or heard happen, a bare verb after it: "Residents said they had seen several dark
# cars with diplomatic plates arrive on Saturday afternoon" (explore25b).
_PERCEIVED = re.compile(r"\b(?:saw|seen|heard|watched|noticed)\b", re.IGNORECASE)


# A summary line is written as a headline is, whose present tells what happened: "In brief: Tarrow Bridge handover
# goes ahead on Tuesday; 37 Orvanians and 22 Brescovians cross", of a Wednesday, is the Tuesday before (blind explore31
# q16 read it as the Tuesday ahead).
_SUMMARY_LINE = re.compile(r"[\s*_#>-]*(?:in\s+brief|at\s+a\s+glance|key\s+points|summary)\s*[*_]*\s*:", re.IGNORECASE)


def in_summary_line(text: str, at: int) -> bool:
    """Whether position `at` is on a summary line ("In brief: …"), whose tense is a headline's."""
    return _SUMMARY_LINE.match(text, text.rfind("\n", 0, at) + 1) is not None


# A plan told in the past perfect was overtaken: "The convoy of 45 buses had been scheduled to leave on
# Saturday", written on a Wednesday "four days after it was due", is the Saturday before (blind explore22b
# q01 dated it three days after publication). Not in reported speech, where it is only the tense moved
# back: "he said the vote had been moved to Saturday" is a Saturday ahead.
_PAST_PLAN = re.compile(r"\b(?:was|were)\s+$", re.IGNORECASE)
_PAST_PERFECT = re.compile(r"\bhad\s+(?:been\s+)?(?:\w+ed\s+)?$", re.IGNORECASE)
_REPORTED = re.compile(r"\b(?:said|says|told|announced|added|confirmed|stated)\b", re.IGNORECASE)


def overtaken_plan(text: str, start: int) -> bool:
    """Whether the plan word nearest before the weekday at `start`, within its clause, is in the past
    perfect ("had been scheduled to leave on Saturday") outside reported speech."""
    left, _ = _clause_bounds(text, start, start)
    word = _WORD.match(text, start)
    day_end = word.end() if word else start
    plans = _plans(text, left, start, day_end)
    # … unless the plan is told undone only now: "The opening session …, which had been planned for Monday, has been
    # postponed to Wednesday 1 April" (a Friday report, "a delay of nine days") is the Monday ahead (explore26d).
    if not plans or _UNDONE_NOW.match(text[day_end:]):
        return False
    before = text[left : plans[-1].start()]
    # A plan in the simple past told undone in the simple past is a story told after the day: "The works … were due to
    # leave the State Museum of Tarvos on Wednesday, but the convoy was held back" (a Thursday report) is the day
    # before (explore30c dated it the Wednesday ahead).
    if _PAST_PLAN.search(before[-12:]) and _UNDONE_IN_PAST.match(text[day_end:]):
        return True
    # So is one in the past perfect told undone in the simple past, no one reporting it in its sentence: "The work had
    # been due to begin on Monday, but was called off after sappers … found the mine that morning" (a Friday report,
    # after "repairs … will now begin on Monday") is the Monday before (blind explore48d q01 showed the Monday ahead).
    own = text[sentence_start(text, plans[-1].start()) : plans[-1].start()]
    if _PAST_PERFECT.search(before[-30:]) and _UNDONE_IN_PAST.match(text[day_end:]) and not _REPORTED.search(own):
        return True
    # … and so is one the sentence has changed before it: "The commission agreed on Monday to extend the truce, which
    # was due to expire on Tuesday, by 14 days" (a Friday report) is the Tuesday gone by (explore35 q16 showed the
    # Tuesday ahead).
    if _CHANGED_BEFORE.search(text[max(0, plans[-1].start() - 120) : plans[-1].start()]):
        return True
    # Reported speech is read in all the text before the plan: "Orsanne said the ambassadors' vote, which had
    # been scheduled for Wednesday, had been postponed to 25 March" (a Tuesday) is the Wednesday ahead (blind
    # explore24b q24 read it as the week before, a plan changed from 18 to 11 March). Over a whole article that leaves
    # most past-perfect plans ahead, which is right more often than not: "The talks, which had been due to begin … on
    # Monday, will now open on Monday 13 April". Read in the plan's own sentence, 6 of the hand-read stories' dates
    # were lost for 1 gained.
    return _PAST_PERFECT.search(before[-30:]) is not None and _REPORTED.search(text[: plans[-1].start()]) is None


# A plan's date told with a participle and "for", as "scheduled for" and "set for" are (rag.news.plans.FUTURE): "A visit
# to the dam …, planned for Wednesday, has been postponed" (a Tuesday report) is the Wednesday ahead; "planned", an
# -ed word, had read as the past (explore26b q20 dated it the Wednesday before). Not when the plan is told undone in
# the simple past: "Their first vote, planned for Wednesday, was postponed at the start of the week" (a Thursday
# report) is the Wednesday before (explore24b).
_WORD = re.compile(r"\w+")
_PLANNED_FOR = re.compile(r"\b(?:planned|slated|rescheduled|pencill?ed\s+in)\s+for\b", re.IGNORECASE)
_UNDONE = rf"(?:{MOVED}|cancell?ed|called\s+off|scrapped|abandoned|held\s+back)\b"
_CHANGED_BEFORE = re.compile(
    r"\b(?:extend|postpon|delay|mov|cancel|scrap|suspend)\w*\s+(?:the\s+|its\s+|their\s+)?[\w-]+(?:\s+[\w-]+)?"
    r",\s+(?:which|that)\s+(?:was|were)\s+$",
    re.IGNORECASE,
)
_UNDONE_IN_PAST = re.compile(rf"^[^.;]{{0,40}}?\b(?:was|were)\s+(?:\w+ly\s+)?{_UNDONE}", re.IGNORECASE)
# The present perfect tells the plan undone only now, so its day may still lie ahead.
_UNDONE_NOW = re.compile(rf"^[^.;]{{0,40}}?\b(?:has|have)\s+(?:also\s+)?been\s+{_UNDONE}", re.IGNORECASE)


# A noun's "scheduled on" names what the timetable held for a day, no plan ahead: "The airline flew all 16 flights
# scheduled on Monday and Tuesday" (a Wednesday update) is the Monday before, by its "flew" (blind explore46d q05
# showed the Monday after).
_ON_THE_SCHEDULE = re.compile(r"(?<=[a-z]s\s)(?<!\bwas\s)(?<!\bis\s)(?<!\bhas\s)scheduled\s+on\b", re.IGNORECASE)


def _plans(text: str, start: int, end: int, day_end: int) -> list[re.Match[str]]:
    """The plan words between `start` and `end`, in their order, for the day named just before `day_end`."""
    planned = [] if _UNDONE_IN_PAST.match(text[day_end:]) else list(_PLANNED_FOR.finditer(text, start, end))
    plans = [m for m in FUTURE.finditer(text, start, end) if not _ON_THE_SCHEDULE.match(text, m.start())]
    found = [*plans, *planned, *reported_would(text, start, end, day_end)]
    return sorted(found, key=lambda m: m.start())


# "would" after a verb of saying in its sentence is the future told in the past, no supposition: "The commission
# spokesman said the proposal would be presented to finance ministers … on Friday" (a Tuesday report) is the Friday
# ahead (explore22 dated it the Friday before).
_WOULD = re.compile(r"\bwould\b", re.IGNORECASE)
SENTENCE_END = re.compile(_STOP)


def sentence_start(text: str, at: int) -> int:
    """Where the sentence holding position `at` begins."""
    return max((m.end() for m in SENTENCE_END.finditer(text, 0, at)), default=0)


def sentence_end(text: str, at: int) -> int:
    """Where the sentence holding position `at` ends (before its full stop)."""
    return next((m.start() for m in SENTENCE_END.finditer(text, at)), len(text))


def reported_would(text: str, start: int, end: int, near: int | None = None) -> list[re.Match[str]]:
    """The "would"s between `start` and `end` that a verb of saying before them in their sentence reports, and that
    share a sentence with the position `near` when it is given."""
    found = []
    for m in _WOULD.finditer(text, start, end):
        opening = sentence_start(text, m.start())
        if near is not None and SENTENCE_END.search(text[min(m.end(), near) : max(m.start(), near)]):
            continue
        if _REPORTED.search(text, opening, m.start()):
            found.append(m)
    return found


def is_future(text: str, start: int, end: int) -> bool:
    return _tense(text, start, end) == "future"


def is_past(text: str, start: int, end: int) -> bool:
    return _tense(text, start, end) == "past"
