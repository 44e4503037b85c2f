"""Who a news sentence attributes its claim to ("Lavrov claimed", "according to ISW"), and
sentences that themselves report a contradiction ("this statement conflicts with earlier
remarks by Dmitriev"): the sides of a disagreement are shown with their speakers."""

from __future__ import annotations

import re

REPORTED = re.compile(
    r"\b(?:conflicts?\s+with|contradict(?:s|ed|ing|ory)?|at\s+odds\s+with|disputed|denied|denies|refuted)\b",
    re.IGNORECASE,
)
_SPEAKER_VERB = (
    r"(?:said|says|told|claimed|claims|stated|argued|insisted|reiterated|announced|warned|declared|added|"
    r"asserts?|asserted|notes|noted|wrote|writes|puts\s+it|repeated|emphasi[sz]ed|stressed|explained|"
    r"acknowledged|admitted|urged|maintained|maintains)"
)
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}"
_SPEAKER = re.compile(rf"(?P<name>{_NAME})(?:,[^,]{{1,80}},)?\s+(?:\w+\s+)?{_SPEAKER_VERB}\b")
_ACCORDING = re.compile(rf"\baccording\s+to\s+(?:the\s+)?(?P<name>{_NAME})")
_ACCORDING_ANY = re.compile(rf"\b[Aa]ccording\s+to\s+(?:the\s+)?(?P<name>{_NAME})")  # also opening a sentence
REMARKS_BY = re.compile(rf"\b(?:remarks|statements?|comments?|claims?)\s+(?:made\s+)?by\s+(?P<name>{_NAME})")
_NOT_SPEAKERS = {"The", "This", "That", "It", "He", "She", "They", "We", "According", "But", "And", "However"}


def speakers(text: str) -> list[str]:
    """Everyone a sentence attributes words to: "remarks made by Dmitriev", "Lavrov claimed",
    "according to ISW" (a sentence reporting one speaker's words about another's names both)."""
    found: list[str] = []
    for pattern in (REMARKS_BY, _SPEAKER, _ACCORDING_ANY):
        for m in pattern.finditer(text):
            name = " ".join(w for w in m.group("name").split() if w not in _NOT_SPEAKERS)
            if name and name not in found:
                found.append(name)
    return found


def speaker(text: str) -> str | None:
    """Who a sentence attributes its claim to: "Lavrov claimed", "according to ISW"."""
    for pattern in (REMARKS_BY, _SPEAKER, _ACCORDING):
        for m in pattern.finditer(text):
            name = m.group("name")
            words = [w for w in name.split() if w not in _NOT_SPEAKERS]
            if words:
                return " ".join(words)
    return None
