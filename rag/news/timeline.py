"""A timeline of what the passages say happened, one line per event, ordered by event date.

Each sentence that carries a date ("on Monday", "last Sunday", "on 15 August 2025", "in 2014")
becomes an event dated by that phrase, resolved against its article's publication date. The
lead sentence of an article that names no date is dated by the article itself (`dated_by`
"published"): it reports something that happened by then. Sentences of fewer than six words
(bylines, captions) are not events.

The same event told by several outlets (same dates, enough shared words) is one line with all
its sources, so the reader sees one fact with its citations rather than three near-copies.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from rag.answer.support import content_words
from rag.news.conflicts import EvidenceLike
from rag.news.dates import ResolvedDate, as_date, resolve_dates
from rag.news.text import sentences
from rag.retrieval.fusion import figures
from rag.types import Passage

MIN_WORDS = 6


@dataclass(frozen=True)
class TimelineSource:
    """One report of an event: the passage and the sentence's char offsets in `passage.text`."""

    passage: Passage
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        p = self.passage
        return {
            "sentence": self.sentence,
            "article_id": p.article_id,
            "chunk_id": p.chunk_id,
            "title": p.title,
            "outlet": p.outlet,
            "published": p.published,
            "url": p.url,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class TimelineEvent:
    """An event: when (a day or a period), the sentence quoted, and every source telling it."""

    date_from: date
    date_to: date
    text: str
    sources: tuple[TimelineSource, ...]
    dated_by: str  # "text": a date phrase in the sentence; "published": the article's date
    date_text: str | None = None  # the phrase the date was read from

    @property
    def when(self) -> str:
        """The date as shown: 2025-05-19, 2025-05 (a month), 2014, or a range; "by ..." when the article dates it."""
        a, b = self.date_from, self.date_to
        if a == b:
            label = a.isoformat()
        elif (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
            label = str(a.year)
        elif a.day == 1 and (a.year, a.month) == (b.year, b.month) and b.day == calendar.monthrange(b.year, b.month)[1]:
            label = f"{a:%Y-%m}"
        else:
            label = f"{a.isoformat()} to {b.isoformat()}"
        return f"by {label}" if self.dated_by == "published" else label

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(s.passage.outlet or s.passage.title for s in self.sources))

    def to_dict(self) -> dict[str, Any]:
        return {
            "date_from": self.date_from.isoformat(),
            "date_to": self.date_to.isoformat(),
            "when": self.when,
            "text": self.text,
            "dated_by": self.dated_by,
            "date_text": self.date_text,
            "sources": [s.to_dict() for s in self.sources],
        }


def _prefixes(text: str) -> set[str]:
    return {w[:5] for w in content_words(text)}


def _same_event(a: TimelineEvent, b: TimelineEvent) -> bool:
    """Same dates and enough shared words, and no figure of one that the other lacks: "killed 9" and
    "killed 34" on 13 April are two reports that differ, each shown with its own outlet (explore11 H7)."""
    if (a.date_from, a.date_to) != (b.date_from, b.date_to):
        return False
    fa, fb = figures(a.text), figures(b.text)
    if fa - fb and fb - fa:  # each gives a figure the other lacks ("on Sunday" for "on 13 April" is none)
        return False
    wa, wb = _prefixes(a.text), _prefixes(b.text)
    shared = wa & wb
    return len(shared) >= 3 and len(shared) >= 0.3 * min(len(wa), len(wb))


# A date in an aside or a "since" clause dates something the sentence mentions, not what it says
# happened: in "Trump indicated that Crimea, the peninsula annexed by Russia in 2014, 'will stay with
# Russia'" the 2014 event is the annexation. Such a date's line quotes its clause, not the sentence.
# (A relative clause, "..., which this year fell on October 14", needs its antecedent: the sentence stays.)
_ASIDE_OPENER = re.compile(r"^\s*(?:the|a|an|one\s+(?:that|which|who)|once|formerly)\b", re.IGNORECASE)
_ASIDE_CUT = re.compile(r",|\s[—–-]\s|[()]")
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
# ", the network said in an announcement on Monday" reports the event itself: no aside.
_REPORTING = re.compile(
    r"\b(?:said|says|announced|announces|told|tells|reported|reports|added|confirmed|stated|wrote|writes)\b",
    re.IGNORECASE,
)


def _starts_a_span(sentence: str, d: ResolvedDate) -> bool:
    """ "The highest since 2008", "up 13.5% since this time last year": the start of a span, not an
    event of 2008 (round 16 T2 had dated February 2023's egg prices to 2022)."""
    before = sentence[: d.start]
    return d.text.lower().startswith("since") or re.search(r"\bsince\s+(?:this\s+time\s+)?$", before, re.I) is not None


def _aside(sentence: str, d: ResolvedDate) -> str | None:
    """The clause holding `d` when it is an aside set off by commas, dashes or brackets that opens
    like an appositive, or a clause where the date comes after "since"; else None."""
    before = _ASIDE_CUT.split(sentence[: d.start])
    opening = before[-1]
    rest = _ASIDE_CUT.split(sentence[d.start :], maxsplit=1)[0]
    clause = opening + rest
    aside = len(before) > 1 and _ASIDE_OPENER.match(opening) and not _REPORTING.search(clause)
    if not (_SINCE.search(opening) or aside):
        return None
    return clause.strip(" \"“”'‘’.;:")


def _pick(dates: list[ResolvedDate]) -> ResolvedDate:
    """The most specific date in the sentence: "on Monday" over "this year"."""
    return min(dates, key=lambda d: ((d.date_to - d.date_from).days, d.start))


def _sentences(item: Passage | EvidenceLike) -> tuple[Passage, list[tuple[int, int]]]:
    if isinstance(item, Passage):
        return item, sentences(item.text)
    passage, at = item.passage, item.passage.text.find(item.text)
    return passage, [(at, at + len(item.text))] if at >= 0 else []


def events_of(item: Passage | EvidenceLike) -> list[TimelineEvent]:
    """The dated sentences of one passage (or one evidence sentence) as events."""
    passage, spans = _sentences(item)
    published = as_date(passage.published)
    out = []
    lead_done = passage.start != 0  # only an article's first chunk has its lead
    for s, e in spans:
        sentence = " ".join(passage.text[s:e].split())
        dates = resolve_dates(sentence, published)
        if not _is_statement(sentence, dates, passage.title):
            continue
        source = TimelineSource(passage, sentence, s, e)
        dates = [d for d in dates if not _starts_a_span(sentence, d)]
        asides = {id(d): _aside(sentence, d) for d in dates}
        own = [d for d in dates if asides[id(d)] is None]
        if dates:
            d = _pick(own or dates)
            clause = asides[id(d)]
            text = f"…{clause}…" if clause else sentence
            out.append(TimelineEvent(d.date_from, d.date_to, text, (source,), "text", d.text))
        elif published is not None and not lead_done:
            out.append(TimelineEvent(published, published, sentence, (source,), "published"))
        lead_done = True
    return out


def _is_statement(sentence: str, dates: list[ResolvedDate], title: str) -> bool:
    """A sentence worth a line: not the title again, not a byline ("Chas Pravdy - 20 May 2025")."""
    if " ".join(title.split()).lower() == sentence.lower() or sentence.isupper():
        return False
    rest = sentence
    for d in dates:
        rest = rest.replace(d.text, " ")
    return len(re.findall(r"[A-Za-z]{2,}", rest)) >= MIN_WORDS


def no_events(filtered: bool) -> str:
    """What an empty timeline says, in the CLI and the UI alike: under outlet or date filters, that they
    left nothing (explore10 M4)."""
    where = "within the chosen outlets or dates" if filtered else "in the indexed articles"
    return f"No dated events about this {where}."


def build_timeline(items: Sequence[Passage | EvidenceLike]) -> list[TimelineEvent]:
    """Events from `items`, earliest first; one event told by several sources is one line."""
    events: list[TimelineEvent] = []
    seen: set[tuple[str, str]] = set()
    for item in items:
        for event in events_of(item):
            key = (event.sources[0].passage.article_id, event.text)
            if key in seen:  # overlapping chunks of one article repeat sentences
                continue
            seen.add(key)
            twin = next((i for i, other in enumerate(events) if _same_event(other, event)), None)
            if twin is None:
                events.append(event)
            else:
                old = events[twin]
                events[twin] = TimelineEvent(
                    old.date_from, old.date_to, old.text, old.sources + event.sources, old.dated_by, old.date_text
                )
    return sorted(events, key=_order)


def _order(event: TimelineEvent) -> tuple[date, date, bool]:
    """Known days first within a date; a period sorts by its start, after the days starting then.
    A period that holds its article's publication date ("banned this year", in an article of
    2022-08-26) sorts at that date: what it reports happened by then, not on 1 January (hand-read
    round 11, T2 and T3)."""
    published = as_date(event.sources[0].passage.published)
    start = event.date_from
    if published is not None and event.date_from < published <= event.date_to:
        start = published
    return (start, event.date_to, event.dated_by != "text")
