"""What each side said: a question asking it, and a claim with the denial that answers it.

"What did each side say caused the blasts that held up the start of the vaccination campaign?" is answered by a
report's run of sentences: the claim ("Emil Harrack, the department's spokesman, said on Monday that the shells had
been fired from Brunsvalan positions east of Oldbeck"), the denial ("Brunsvala's administration in Oldbeck denied the
claim within hours") and the denier's own account after it ("'Not one of our guns fired on Grelby on Sunday night,' its
spokesman, Yevan Dolgaro, said. He said the explosions had been caused by …"). The denial names nothing of the
question, so it scores low, and 16 of the 42 dev questions of this shape abstained (blind explore46 and explore46c q01
among them); others gave the claim alone. Here a report's denial read, with the claim told before it and the two
sentences after it, answers; of several such disputes, the one whose sentences answer the question best. Chunks
overlap, so the claim and the account are read in whichever chunk of the article holds them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rag.evidence.candidates import Candidate
from rag.news.text import sentences
from rag.types import Passage

# "… according to each side?", "What did the two sides say about …?" (blind explore47 q01 gave the claim alone).
_ASKS = re.compile(r"\b(?:each|both|the\s+two)\s+sides?\b", re.IGNORECASE)
# "denied the claim within hours", "rejected the accusation on Tuesday", "denied it within hours" (blind explore47,
# explore47b and explore47d q01 gave the claim alone or abstained).
_DENIES = re.compile(
    r"\b(?:denied|denies|rejected|dismissed)\s+(?:(?:the|this|that|those|these)\s+(?:claims?|accusations?|charges?|"
    r"allegations?|reports?)\b|it\b)",
    re.IGNORECASE,
)
# A claim told: "said on Monday that the shells had been fired from …", "accused Drogmar of …", "blamed …".
_CLAIMS = re.compile(r"\b(?:said|says|told)\b[^.;]*?\bthat\b|\b(?:claimed|accused|blamed|alleged)\b", re.IGNORECASE)
_BEFORE = 3  # sentences before the denial in which its claim may be told
_AFTER = 2  # sentences after it that give the denier's account


def asks_each_side(question: str) -> bool:
    """Whether the question asks what each side said ("… according to each side?", "What did each side say …?")."""
    return _ASKS.search(question) is not None


def tells_denial(text: str) -> bool:
    """Whether a sentence tells a claim denied ("denied it within hours", "rejected the accusation")."""
    return _DENIES.search(text) is not None


def tells_claim(text: str) -> bool:
    """Whether a sentence tells a claim ("said on Monday that …", "accused …")."""
    return _CLAIMS.search(text) is not None


@dataclass(frozen=True)
class ToldSides:
    """A report's claim and its denial, the denier's account after it: spans of the text of one article's passages (two
    overlapping chunks when the one telling the claim ends at the denial)."""

    claim_passage: Passage
    claim: tuple[int, int]
    denial_passage: Passage
    denial: tuple[int, int]  # the denial and the sentences after it that give the denier's account


def claim_and_denial(candidates: Sequence[Candidate], scores: Sequence[float]) -> ToldSides | None:
    """Of the report denials read whose claim is told in one of the three sentences before them, the one whose claim
    or run holds the best-scored sentence (`_best_in`; the best-scored denial on a tie): the claim, and the denial with
    the two sentences after it (fewer where another denial comes first); None when none is."""
    denials = sorted(
        ((c, s) for c, s in zip(candidates, scores, strict=True) if c.report_sentence and _DENIES.search(c.text)),
        key=lambda cs: -cs[1],
    )
    read = {c.passage.chunk_id: c.passage for c in candidates}
    found = []
    for denial, _ in denials:
        # Chunks overlap, and a sentence read in two is a candidate once: the claim is read in the chunk holding the
        # denial that starts furthest before it, the account in the one that goes on furthest after it, so neither is
        # cut off at a chunk's edge (blind explore47d q01 quoted "Kolvatia's River Office denied it within hours."
        # alone; explore42 q01's denial opened a chunk).
        at = denial.passage.start + denial.start
        holding = [p for p in read.values() if p.article_id == denial.passage.article_id and p.start <= at < p.end]
        before, told = min(holding, key=lambda p: p.start), max(holding, key=lambda p: p.end)
        claim = _claim_before(before, at - before.start)
        if claim is not None:
            found.append(ToldSides(before, claim, told, _denial_run(told, at - told.start)))
    # The run answering best, by its best-scored sentence: a denial names nothing of the question, and the best-scored
    # one had been another dispute's ("the mine had been pushed into the zone on purpose", for what delayed the opening
    # of the fishing season; its account said "the delay was Wyckhaven's fault", explore42 q01).
    return max(found, key=lambda told: _best_in(told, candidates, scores), default=None)


def _best_in(told: ToldSides, candidates: Sequence[Candidate], scores: Sequence[float]) -> float:
    """The best score of a sentence read within the claim or the denier's run, by its place in the article."""
    spans = [
        (told.claim_passage.start + told.claim[0], told.claim_passage.start + told.claim[1]),
        (told.denial_passage.start + told.denial[0], told.denial_passage.start + told.denial[1]),
    ]
    article = told.claim_passage.article_id
    return max(
        (
            s
            for c, s in zip(candidates, scores, strict=True)
            if not c.is_pair
            and c.passage.article_id == article
            and any(a <= c.passage.start + c.start < b for a, b in spans)
        ),
        default=0.0,
    )


def _at(passage: Passage, start: int) -> tuple[list[tuple[int, int]], int] | None:
    """The sentences of a passage's text and the index of the one starting at or holding `start`."""
    spans = sentences(passage.text)
    at = next((i for i, (s, e) in enumerate(spans) if s <= start < e), None)
    return None if at is None else (spans, at)


def _claim_before(passage: Passage, start: int) -> tuple[int, int] | None:
    """The claim told in one of the three sentences before the denial at `start` of the passage's text."""
    found = _at(passage, start)
    if found is None:
        return None
    spans, at = found
    text = passage.text
    return next(((s, e) for s, e in spans[max(0, at - _BEFORE) : at][::-1] if _CLAIMS.search(text[s:e])), None)


def _denial_run(passage: Passage, start: int) -> tuple[int, int]:
    """The denial at `start` of the passage's text with the two sentences after it that give the denier's account
    (fewer where another denial comes)."""
    found = _at(passage, start)
    if found is None:
        return start, start
    spans, at = found
    text = passage.text
    end = spans[at][1]
    for s, e in spans[at + 1 : at + 1 + _AFTER]:
        if _DENIES.search(text[s:e]):
            break
        end = e
    return spans[at][0], end


def cut_short(text: str, end: int) -> bool:
    """Whether a passage's text ends within a sentence of `end`: an account told after a denial there is cut off."""
    return len(sentences(text[end:])) < _AFTER
