"""From a model's raw output and the numbered passages it was given, to clean cited text.

A pure function, tested without any model: it keeps citations of passages that exist,
drops numbers the model invented, renumbers the rest in order of first use (so the answer
reads [1], [2]... and `citations[i]` is marker i+1), and splits the text into sentences with
the citations each one carries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rag.types import AnswerSentence, Citation, Evidence, Passage

# [1]  [1, 2]  [1][2]  [1-3]  [Passage 2]  [source 3]  [^1]
_MARKER = re.compile(
    r"\[\s*(?:\^|passages?\s*|sources?\s*|doc(?:ument)?s?\s*)?"
    r"(\d{1,3}(?:\s*(?:,|;|-|–|and)\s*\d{1,3})*)\s*\]",
    re.IGNORECASE,
)
_MARKER_RUN = re.compile(r"(?:\s*\[\d+\])+")
# A citation written after the sentence's full stop belongs to that sentence.
_CITE_AFTER_STOP = re.compile(r"([.!?])((?:\s*\[\d+\])+)")  # not after a closing quote: "… air." [1]
_LEADING_MARKERS = re.compile(r"^((?:\[\d+\]\s*)+)")
_SENTENCE_BREAK = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=\S)|\s*\n\s*\n\s*")
# Preambles small models put before the answer: "Answer:", "The answer is:".
_ANSWER_PREFIX = re.compile(
    r"^\s*(?:(?:the\s+)?(?:final\s+)?answer(?:\s+to\s+(?:this|the)\s+question)?(?:\s+is)?\s*:\s*)",
    re.IGNORECASE,
)


# A small model may carry on writing the prompt's own template after its answer.
_TEMPLATE_ECHO = re.compile(r"(?:^|\s)(?:Question|Passages|Standalone question)\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedAnswer:
    """Cleaned answer text, its citations (numbered in order of first use) and its sentences."""

    text: str
    citations: list[Citation]
    sentences: list[AnswerSentence]
    abstained: bool


def _numbers(group: str) -> list[int]:
    """'1, 2' -> [1, 2]; '1-3' -> [1, 2, 3] (short ranges only)."""
    out: list[int] = []
    for part in re.split(r"\s*(?:,|;|and)\s*", group):
        bounds = re.split(r"\s*[-–]\s*", part)
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit():
            lo, hi = int(bounds[0]), int(bounds[1])
            out.extend(range(lo, hi + 1) if 0 < hi - lo < 10 else (lo, hi))
        elif part.strip().isdigit():
            out.append(int(part))
    return out


def _normalise(text: str) -> str:
    return re.sub(r"[^a-z0-9 ]", "", text.lower()).strip()


def is_abstention(text: str, abstain_phrase: str | None) -> bool:
    if not abstain_phrase:
        return False
    phrase = _normalise(abstain_phrase)
    return bool(phrase) and phrase in _normalise(text)


def split_sentences(text: str) -> list[AnswerSentence]:
    """Sentences of a cleaned answer with the citation numbers each one carries.
    A sentence repeated word for word (small models loop) is kept once."""
    text = _CITE_AFTER_STOP.sub(lambda m: m.group(2) + m.group(1), text)
    pieces: list[str] = []
    for piece in _SENTENCE_BREAK.split(text):
        piece = _ANSWER_PREFIX.sub("", " ".join(piece.split()))
        lead = _LEADING_MARKERS.match(piece)
        if lead and pieces:  # '… the air." [1] Next' : the [1] closes the previous sentence
            pieces[-1] += " " + lead.group(1).strip()
            piece = piece[lead.end() :]
        pieces.append(piece)
    sentences = []
    seen: set[str] = set()
    for piece in pieces:
        key = _normalise(strip_markers(piece))
        # Small models loop: drop a sentence said before, or a truncated restart of one.
        if not piece or not key or any(earlier.startswith(key) for earlier in seen):
            continue
        seen.add(key)
        numbers = tuple(dict.fromkeys(int(n) for n in re.findall(r"\[(\d+)\]", piece)))
        sentences.append(AnswerSentence(text=piece, citations=numbers))
    return sentences


def parse_answer(
    output: str,
    passages: Sequence[Passage],
    abstain_phrase: str | None = None,
    evidence: Sequence[Evidence] | None = None,
) -> ParsedAnswer:
    """Clean text and citations from raw model output. `passages[i]` is what number i+1 given to
    the model stands for; with `evidence` (same length), each citation also points at its span."""
    renumber: dict[int, int] = {}  # passage number given to the model -> number in the answer

    def replace(match: re.Match[str]) -> str:
        kept = []
        for n in _numbers(match.group(1)):
            if 1 <= n <= len(passages):  # a number never given is an invented citation
                renumber.setdefault(n, len(renumber) + 1)
                kept.append(renumber[n])
        return "".join(f"[{n}]" for n in dict.fromkeys(kept))

    text = _ANSWER_PREFIX.sub("", output.strip())
    echo = _TEMPLATE_ECHO.search(text)
    if echo and echo.start() > 0:
        text = text[: echo.start()]
    text = re.sub(r"\s*\[[^\]]*$", "", text)  # a marker cut off by the token limit: "… Russia [1] [2] ["
    text = _MARKER.sub(replace, text)
    text = _CITE_AFTER_STOP.sub(lambda m: m.group(2) + m.group(1), text)
    text = re.sub(r"[ \t]+([.,;:!?])", r"\1", text)  # "oblasts ." left by a dropped marker
    text = re.sub(r"[ \t]{2,}", " ", text).strip()

    if not renumber and is_abstention(text, abstain_phrase):
        return ParsedAnswer(text=abstain_phrase or text, citations=[], sentences=[], abstained=True)

    citations = [
        Citation(number=new, passage=passages[old - 1], evidence=evidence[old - 1] if evidence else None)
        for old, new in renumber.items()
    ]
    sentences = split_sentences(text)
    text = " ".join(s.text for s in sentences)
    return ParsedAnswer(text=text, citations=citations, sentences=sentences, abstained=False)


def strip_markers(text: str) -> str:
    """The text without any [n] markers (for checking a claim or showing a plain answer)."""
    return re.sub(r"\s+([.,;:!?])", r"\1", _MARKER_RUN.sub("", text)).strip()
