"""Candidate evidence spans: each sentence of the retrieved passages, once, and each adjacent pair.

Overlapping chunks repeat sentences; a sentence is a candidate once, from the best-ranked
passage that holds it, so the same quotation is never shown twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag.ingest.chunk import sentence_spans
from rag.types import Passage

# Citation markers the article itself carries ("[3]", "[1, 4]", "[citation needed]"); ours look the same.
_MARKER = re.compile(r"\s*\[(?:\d+(?:\s*[,–-]\s*\d+)*|citation needed)\]")
_LETTER = re.compile(r"[A-Za-z]")
_BLANKED = 8  # more whitespace than this between two sentences: something was blanked there
# Page furniture, not reporting: a picture's credit ("Photo: mid.ru", "(Image credit: AP)"), a
# newsletter or podcast plug ("sign up to our Tall Tales newsletter"), an outlet's disclaimer ("The
# views expressed in opinion pieces do not necessarily reflect ..."), site navigation. A caption
# itself is not furniture: "Putin and Trump in Anchorage, Alaska on August 15, 2025" reports. A
# correction's account of what it corrects reports nothing either: "An earlier version of this article
# said the first exchange would involve 93 people" answered "how many people were swapped" (blind
# explore18 q04; 79 crossed).
_FURNITURE = re.compile(
    r"\b(?:Photo(?:graph)?s?|Images?|Pictures?)(?:\s+(?:credit|by))?\s*:"
    r"|\bcredit:\s"
    r"|\b(?:sign up|subscribe)\s+(?:to|for)\b.*\b(?:newsletter|podcast)"
    r"|\b(?:listen to|find out more)\b.*\bpodcast\b"
    r"|\bviews expressed\b.*\bnot necessarily reflect"
    r"|^skip to (?:main )?content\b"
    r"|\ball rights reserved\b"
    r"|\b(?:an?|the)\s+(?:earlier|previous|original)\s+version\s+of\s+this\s+(?:article|story|report|piece)\b",
    re.IGNORECASE,
)


def is_furniture(text: str) -> bool:
    """Whether a sentence is page furniture (a credit, a plug, a disclaimer) or a correction's account of
    what an earlier version of the article wrongly said."""
    return bool(_FURNITURE.search(text))


# A picture credit in brackets has no full stop, so it runs into the sentence beside it: "… in three
# years. (Image credit: The Coca-Cola Company)" is cut off that sentence, not quoted with it.
_CREDIT = re.compile(r"\(\s*(?:Image|Photo(?:graph)?|Picture)s?\s+credit:[^)]*\)\s*", re.IGNORECASE)
# A pair starts with a full sentence: a headline, byline or "Related article" line joins nothing.
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")


# sentence_spans cuts after every full stop; an abbreviation's stop rarely ends a sentence.
_TITLE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Jr|Sr|Prof|No|vs|etc|Inc|Corp|Ltd|Co|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$"
)
_INITIALS = re.compile(r"(?:\b[A-Z]\.)+$")
_FUNCTION_WORDS = frozenset(
    ["the", "a", "an", "of", "and", "or", "to", "in", "for", "on", "with", "by", "at", "from", "as", "that"]
)
_STARTERS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "It",
        "He",
        "She",
        "They",
        "This",
        "That",
        "These",
        "Those",
        "But",
        "And",
        "On",
        "At",
        "We",
        "I",
        "As",
        "If",
    ]
)


def evidence_spans(text: str, quotations: bool = True) -> list[tuple[int, int]]:
    """`sentence_spans`, with a cut after an abbreviation ("U.S.", "Mr.") or a hard line wrap undone,
    and (`quotations`) one inside a quotation."""
    spans: list[tuple[int, int]] = []
    for start, end in sentence_spans(text):
        if spans:
            previous, gap, following = text[spans[-1][0] : spans[-1][1]], text[spans[-1][1] : start], text[start:end]
            mid_line = spans[-1][0] > 0 and text[spans[-1][0] - 1] != "\n"
            if _joined(previous, gap, following, mid_line) or (quotations and _in_quotation(previous, gap, following)):
                spans[-1] = (spans[-1][0], end)
                continue
        spans.append((start, end))
    return spans


def _joined(previous: str, gap: str, following: str, mid_line: bool) -> bool:
    first_word = following.split()[0] if following.split() else ""
    if gap.count("\n") == 1 and gap.strip() == "":
        # A hard-wrapped line (PDF and e-mail copies): the line before stops mid-sentence.
        last_word = previous.split()[-1] if previous.split() else ""
        if re.search(r"[.!?…\"”’)\]]$", previous):
            return False
        # A piece that began after a full stop on its line and runs to the line's end is wrapped
        # prose; a title or byline starts its own line.
        if mid_line or last_word.strip("“\"'‘").lower() in _FUNCTION_WORDS:
            return True
        return following[:1].islower() or (
            not previous.endswith(":") and (last_word.islower() or last_word.endswith(","))
        )
    if gap.strip() or "\n" in gap:
        return False
    return bool(
        following[:1].islower()
        or _TITLE.search(previous)
        or (_INITIALS.search(previous) and first_word not in _STARTERS)
    )


def _in_quotation(previous: str, gap: str, following: str) -> bool:
    """A quotation of two sentences is one span with its attribution: '"The typical amount is $5,000.
    So this is unbelievable," said Michael Scherkenbach' (hand-read round 14 q24 began mid-quote)."""
    # A sentence that opens with a quotation mark starts a quotation (a new paragraph of one), however
    # many marks it holds.
    opens_anew = following.lstrip()[:1] in ('"', "“")
    return (
        not gap.strip() and "\n" not in gap and not opens_anew and _opens_quote(previous) and _closes_quote(following)
    )


def _opens_quote(text: str) -> bool:
    """Whether `text` leaves a double quotation open."""
    return text.count("“") > text.count("”") or (text.count('"') % 2 == 1 and "“" not in text)


def _closes_quote(text: str) -> bool:
    return text.count("”") > text.count("“") or (text.count('"') % 2 == 1 and "”" not in text)


def strip_markers(text: str) -> str:
    """Without the article's own citation markers, and with line breaks inside a sentence as spaces."""
    return " ".join(_MARKER.sub("", text).split())


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


@dataclass
class Candidate:
    """One span of one passage; `members` are the sentence indices it joins (one or two)."""

    text: str
    passage: Passage
    rank: int  # the passage's rank in retrieval, 0 first
    start: int
    end: int
    members: tuple[int, ...]
    furniture: bool = False  # a picture credit, plug or disclaimer: scored like the rest, never quoted
    cut: bool = False  # the tail of a sentence the chunk boundary cut ("as a security guarantor, …"): never quoted
    heading: bool = False  # a line with no full stop: a headline or a related-article link, never quoted

    @property
    def quotable(self) -> bool:
        return not (self.furniture or self.cut or self.heading)

    @property
    def is_pair(self) -> bool:
        return len(self.members) > 1

    @property
    def report_sentence(self) -> bool:
        """One quotable sentence of a report (no opinion or analysis piece): what the rules for a question's shape
        read, since a column restates what may have changed since."""
        return self.quotable and not self.is_pair and not self.passage.commentary


def _without_credit(text: str, start: int, end: int) -> tuple[int, int]:
    """The span with a bracketed picture credit at its start or end cut off (one in the middle stays)."""
    for m in _CREDIT.finditer(text, start, end):
        if not text[start : m.start()].strip():
            start = m.end()
        elif not text[m.end() : end].strip():
            end = len(text[: m.start()].rstrip())
    return start, end


def _own_line(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` stands on a line of its own."""
    return (start == 0 or text[:start].rstrip(" \t").endswith("\n")) and (
        end >= len(text) or text[end:].lstrip(" \t").startswith("\n") or not text[end:].strip()
    )


def build(passages: list[Passage], pairs: bool = True) -> tuple[list[Candidate], list[Candidate]]:
    """(sentences, pairs): distinct sentences in passage order, then distinct neighbour pairs.

    `members` index the returned sentence list. A pair is quoted from the first passage where
    its two sentences stand side by side. A sentence blanked by the injection filter, or with
    hardly any letters, is no candidate and breaks adjacency."""
    sentences: list[Candidate] = []
    seen: dict[str, int] = {}
    joined: dict[tuple[int, int], Candidate] = {}
    for rank, passage in enumerate(passages):
        previous: tuple[int, int] | None = None  # (sentence index, start offset in this passage)
        last_end = 0
        for start, end in evidence_spans(passage.text):
            start, end = _without_credit(passage.text, start, end)
            text = strip_markers(passage.text[start:end])
            if len(_LETTER.findall(text)) < 8:
                previous = None
                continue
            if previous is not None and len(passage.text[last_end:start]) > _BLANKED:
                previous = None  # a sentence blanked by the injection filter stood between
            last_end = end
            key = _key(text)
            if key not in seen:
                seen[key] = len(sentences)
                furniture = is_furniture(text)
                # A chunk after the article's first may open mid-sentence; the whole sentence is in
                # the chunk before, and its tail alone loses the subject (and may read as a claim). A chunk
                # may end after an abbreviation's full stop, its head alone a fragment: "Tarnovel Regional
                # Hospital No." was quoted (blind explore24 q28); the whole sentence opens the next chunk.
                cut = (passage.start > 0 and not passage.text[:start].strip() and text[:1].islower()) or (
                    not passage.text[end:].strip() and _TITLE.search(text) is not None
                )
                heading = _own_line(passage.text, start, end) and not _ENDS_SENTENCE.search(text)
                sentences.append(Candidate(text, passage, rank, start, end, (seen[key],), furniture, cut, heading))
            index = seen[key]
            if (
                pairs
                and previous is not None
                and previous[0] != index
                and (previous[0], index) not in joined
                and _ENDS_SENTENCE.search(sentences[previous[0]].text)
            ):
                pair_text = strip_markers(passage.text[previous[1] : end])
                furniture = sentences[previous[0]].furniture or sentences[index].furniture
                joined[(previous[0], index)] = Candidate(
                    pair_text,
                    passage,
                    rank,
                    previous[1],
                    end,
                    (previous[0], index),
                    furniture,
                    sentences[previous[0]].cut,
                    sentences[index].heading,  # a sentence with a headline stuck on its end
                )
            previous = (index, start)
    return sentences, list(joined.values())
