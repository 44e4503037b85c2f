"""What each side said: a question asking it, and a claim with the denial that answers it.

"What did each side say caused the blasts that held up the start of the vaccination campaign?" is answered by a
report's run of sentences: the claim ("Emil Harrack, the department's spokesman, said on Monday that the shells had
been fired from Brunsvalan positions east of Oldbeck"), the denial ("Brunsvala's administration in Oldbeck denied the
claim within hours") and the denier's own account after it ("'Not one of our guns fired on Grelby on Sunday night,' its
spokesman, Yevan Dolgaro, said. He said the explosions had been caused by …"). The denial names nothing of the
question, so it scores low, and 16 of the 42 dev questions of this shape abstained (blind explore46 and explore46c q01
among them). Here, when nothing else answers, the best-scored report denial read, with the claim told before it and the
two sentences after it, answers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rag.evidence.candidates import Candidate
from rag.news.text import sentences
from rag.types import Passage

_ASKS = re.compile(r"\b(?:each|both)\s+sides?\b", re.IGNORECASE)
# "denied the claim within hours", "rejected the accusation on Tuesday".
_DENIES = re.compile(
    r"\b(?:denied|rejected|dismissed)\s+(?:the|this|that|those|these)\s+(?:claims?|accusations?|charges?|allegations?)\b",
    re.IGNORECASE,
)
# A claim told: "said on Monday that the shells had been fired from …", "accused Drogmar of …", "blamed …".
_CLAIMS = re.compile(r"\b(?:said|says|told)\b[^.;]*?\bthat\b|\b(?:claimed|accused|blamed|alleged)\b", re.IGNORECASE)
_BEFORE = 3  # sentences before the denial in which its claim may be told
_AFTER = 2  # sentences after it that give the denier's account


def asks_each_side(question: str) -> bool:
    """Whether the question asks what each side said ("… according to each side?", "What did each side say …?")."""
    return _ASKS.search(question) is not None


def tells_claim(text: str) -> bool:
    """Whether a sentence tells a claim ("said on Monday that …", "accused …")."""
    return _CLAIMS.search(text) is not None


@dataclass(frozen=True)
class ToldSides:
    """A report's claim and its denial, the denier's account after it: two spans of one passage's text."""

    passage: Passage
    claim: tuple[int, int]
    denial: tuple[int, int]  # the denial and the sentences after it that give the denier's account


def claim_and_denial(candidates: Sequence[Candidate], scores: Sequence[float]) -> ToldSides | None:
    """Of the best-scored report denial read whose claim is told in one of the three sentences before it: the claim,
    and the denial with the two sentences after it (fewer where another denial comes first); None when none is."""
    denials = sorted(
        ((c, s) for c, s in zip(candidates, scores, strict=True) if c.report_sentence and _DENIES.search(c.text)),
        key=lambda cs: -cs[1],
    )
    for denial, _ in denials:
        text = denial.passage.text
        spans = sentences(text)
        at = next((i for i, (s, e) in enumerate(spans) if s <= denial.start < e), None)
        if at is None:
            continue
        before = spans[max(0, at - _BEFORE) : at][::-1]
        claim = next(((s, e) for s, e in before if _CLAIMS.search(text[s:e])), None)
        if claim is None:
            continue
        end = spans[at][1]
        for s, e in spans[at + 1 : at + 1 + _AFTER]:
            if _DENIES.search(text[s:e]):
                break
            end = e
        return ToldSides(denial.passage, claim, (spans[at][0], end))
    return None
