"""Questions that ask whether the sources disagree, and what about.

"Do the sources disagree about sanctions relief?" is not answered by a sentence that says so:
it is answered by two sentences that disagree. `disputed_topic` finds such a question and what it
is about, so that the answer can be built from the evidence on that topic and the conflict
detector (rag/news/conflicts.py). Parties a question names ("Did Lavrov and Dmitriev contradict
each other on sanctions relief?") are searched with the topic; only a contradiction is asked of
them: "Do Russia and Ukraine disagree on territory?" asks about two positions, which may well both
be reported truly, and is an ordinary question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SOURCES = r"(?:the\s+)?(?:sources?|articles?|outlets?|reports?|accounts?|papers?|newspapers?|media|stories)"
_DIFFER = (
    r"(?:disagree|differ|conflict|contradict(?:\s+(?:each\s+other|one\s+another))?|agree|"
    r"give\s+(?:different|conflicting|contradictory)\s+\w+|say\s+(?:different|conflicting|contradictory)\s+things)"
)
_CONTRADICT = (
    r"(?:contradict(?:\s+(?:each\s+other|one\s+another|themselves))?|"
    r"give\s+(?:conflicting|contradictory)\s+\w+|make\s+(?:conflicting|contradictory)\s+\w+)"
)
_ABOUT = r"(?:on|about|over|regarding|as\s+to|in\s+(?:their\s+)?(?:accounts?|reports?)\s+of)"
_NOUN = (
    r"(?:disagreements?|conflicts?|conflicting\s+(?:reports|accounts|claims|statements|figures)|"
    r"contradictions?|contradictory\s+(?:reports|accounts|claims|statements)|discrepanc(?:y|ies))"
)
_JOIN = re.compile(r"\s+and\s+|,\s*")
_PATTERNS = [
    # "Do the sources disagree about X?", "Where do the outlets differ on X?"
    re.compile(
        rf"^(?:(?:do|does|did)|(?:where|how|in\s+what\s+ways?)\s+do)\s+(?P<who>{_SOURCES})\s+{_DIFFER}\s+{_ABOUT}\s+"
        r"(?P<topic>.+)$",
        re.IGNORECASE,
    ),
    # "Did Lavrov and Dmitriev contradict each other on X?"
    re.compile(rf"^(?:do|does|did)\s+(?P<who>.+?)\s+{_CONTRADICT}\s+{_ABOUT}\s+(?P<topic>.+)$", re.I),
    # "Is there any disagreement about X?", "Are there conflicting reports on X?"
    re.compile(
        rf"^(?:is|are)\s+there\s+(?:any\s+)?{_NOUN}\s+(?:(?:between|among|in)\s+(?P<who>.+?)\s+)?{_ABOUT}\s+(?P<topic>.+)$",
        re.IGNORECASE,
    ),
]


@dataclass(frozen=True)
class Dispute:
    """A question asking whether the sources disagree: what to search for, and the topic as asked."""

    query: str  # the topic with any parties the question names: what retrieval and selection read
    about: str  # the topic as the question words it ("sanctions relief"), for the reply


def disputed_topic(question: str) -> Dispute | None:
    """The dispute a question asks about; None for any other question."""
    text = " ".join(question.split()).rstrip(" ?.!")
    for pattern in _PATTERNS:
        m = pattern.match(text)
        if m is None:
            continue
        about = m.group("topic").strip()
        if not re.search(r"[A-Za-z]{3}", about):
            return None
        who = (m.group("who") or "").strip()
        parties = "" if not who or re.fullmatch(_SOURCES, who, re.IGNORECASE) else _JOIN.sub(" ", who) + " "
        return Dispute(parties + about, about)
    return None
