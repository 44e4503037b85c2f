"""Why someone was removed from a post: the sentence telling the removal and the remover's stated reason.

"Why was the director of the power station fired?" is answered across sentences that share few of its words:
"Terzan, 41, took charge of the station on Tuesday after energy minister Tiberiu Ostrowin dismissed its director,
Jarmil Brezak." and, two sentences on, "Ostrowin said the station's control room had not raised the alarm in the
villages until 40 minutes after the gate jammed." No one sentence scores as sure, so the why questions of this shape
abstained in every blind set of sessions 38-44 that asked one (explore44b q11, explore44c q11, explore44d q11, …).
Here the removal is found by its verb and the question's topic words, and the reason is the removal's own clause
("… after finding that the field had been certified without the resampling") or a sentence soon after it in which
the remover, named in the removal, says what went wrong. The removed's reply, when it follows, is quoted beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rag.evidence.candidates import Candidate
from rag.news.words import topic_words

# "Why was X fired?", "why did the minister take X off the job?": a removal asked why.
_ASKS = re.compile(
    r"^\W*why\b.*\b(?:fired|sacked|dismissed|removed|suspended|ousted|pushed\s+out|relieved|sent\s+home|"
    r"taken\s+off|take\s+\S+(?:\s+\S+)?\s+off|"
    # … asked in the present after "did": "Why did the health minister get rid of Dr Vollmer?" (blind explore49b q11
    # abstained); not a gun's "fire on".
    r"(?:get|got)\s+rid\s+of|fire(?!\s+(?:on|at|upon|from|into|towards?)\b)|sack|dismiss|remove|oust)\b",
    re.IGNORECASE,
)
# A removal told: "dismissed its director, Jarmil Brezak", "suspended Oren Valdemark".
_REMOVED = re.compile(
    r"\b(?:dismiss(?:ed|es)?|sack(?:ed|s)?|fired|suspend(?:ed|s)?|removed|relieved|ousted)\b", re.IGNORECASE
)
# The question's own words of asking and removal, which no removal sentence needs to share.
_REMOVAL_WORDS = topic_words("why fired sacked dismissed removed suspended ousted pushed relieved taken job rid get")
# A reason given in the removal's own clause: "… suspended Oren Valdemark …, after finding that the Kestrum field had
# been certified without the quality-control resampling that the rules require".
_OWN_REASON = re.compile(
    r"\b(?:after\s+(?:finding|learning|it\s+emerged|an?\s+inquiry|a\s+report|"
    # "… a day after the regulator admitted that a figure it had given … counted masts that were not working" (blind
    # explore45b q12 abstained)
    r"(?:the\s+)?[\w'’]+(?:\s+[\w'’]+)?\s+(?:reported|found|revealed|showed|admitted|conceded))|"
    # "… on 8 May for cutting the chlorine without telling the health inspectorate", "… over the cutting of chlorine
    # doses" (blind explore45 q11 abstained)
    r"for\s+(?:failing|not|having|letting|(?!(?:during|nothing|something|everything)\b)\w+ing)|"
    r"because|over\s+(?:his|her|their|the|its)\s+(?:handling|failure|role|\w+ing\s+of)|"
    # the remover's words: "… dismissed Konstantin Grevik, the director of the river authority, saying the authority
    # had certified the channel clear on 13 April without finding the Tamsa" (blind explore47d q11 abstained)
    r"(?:saying|citing|accusing\s+\w+\s+of)\b(?=[^.;]*\b(?:had|has|was|were|did|failed|not|without)\b)|"
    # a fault told of the removed's own body: "… Pashko Veselik, the head of the regulator, whose office had told
    # Brisava that 52 masts were restored when only 31 were working" (blind explore45b q12)
    r"whose\s+[\w'’]+\s+had\s+(?:told|said|given|let|allowed|failed|kept|hidden|ignored))\b",
    re.IGNORECASE,
)
# A fault told: "had not raised the alarm … until 40 minutes after", "should have held the train in the Zarva
# cutting", "had let about 140 relatives wait in the open car park … instead of in the shelter".
_FAULT = re.compile(
    r"\b(?:had\s+not|hadn['’]t|did\s+not|didn['’]t|failed|should\s+have|instead\s+of|without|too\s+late|ignored|"
    r"had\s+let|had\s+allowed|let\s+\w+|because|"
    # "the utility had kept the night shift working in the boiler hall even though the city's military administration
    # had warned …" (blind explore45d q11)
    r"even\s+though|despite)\b",
    re.IGNORECASE,
)
_SAID = r"\s+(?:said|says|told|accused|blamed)\b"
_PRONOUN_SAYS = re.compile(r"^\W*(?:He|She)" + _SAID)
_NAME = re.compile(r"\b[A-Z][a-z'’-]+\b")
_LOOK_AHEAD = 4  # sentences after the removal that may give its reason
_REMOVER_REACH = 50  # characters before the removal's verb that name the remover


def asks_removal_why(question: str) -> bool:
    """Whether the question asks why someone was removed from a post."""
    return _ASKS.search(question) is not None


# "Fired" of a gun, not of a post: "the shells had been fired deliberately", "fired up its boilers".
_SHOT = re.compile(
    r"\bfired\s+(?:at|on|upon|from|into|up|towards?|across|over)\b"
    r"|\b(?:shells?|guns?|rockets?|missiles?|shots?|rounds?|mortars?|drones?)\b[^.;]{0,40}\bfired\b",
    re.IGNORECASE,
)


def tells_removal(text: str) -> bool:
    """Whether `text` tells someone's removal from a post ("… dismissed its director, Bohdan Yaroshen"), not a gun
    fired."""
    return _removal_in(text) is not None


def _removal_in(text: str) -> re.Match[str] | None:
    """The first removal verb of `text`, a gun's "fired" blanked out (offsets kept)."""
    return _REMOVED.search(_SHOT.sub(lambda m: " " * len(m.group()), text))


def removal_reason(question: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """The removal sentence with its reason, then the removed's reply when told; [] when no removal sentence on the
    question's topic gives or is followed by a reason."""
    asked = topic_words(question) - _REMOVAL_WORDS
    singles = [c for c in candidates if len(c.members) == 1 and c.quotable]
    # A report's removals before a column's ("Corwin Lannoy has dismissed Davin Ferreby … for letting the boats go out
    # anyway", an opinion, had led explore42 q11), then those sharing most of the question's topic: "dismissed the
    # commissioner for separated children" has no reason after it in its article; "… after Minister … Lior Santelle
    # dismissed the commissioner" has.
    removals = sorted(
        ((c, m) for c in singles if (m := _removal_in(c.text)) and asked & topic_words(c.text)),
        key=lambda found: (found[0].passage.commentary, -len(asked & topic_words(found[0].text))),
    )
    for c, removal in removals:
        if _OWN_REASON.search(c.text, removal.end()):
            return [c]
        after = sorted((d for d in singles if d.passage is c.passage and d.start >= c.end), key=lambda d: d.start)
        told = _reason_after(c.text, removal, after[:_LOOK_AHEAD])
        if told:
            return [c, *told]
    return []


def _reason_after(removal_text: str, removal: re.Match[str], after: list[Candidate]) -> list[Candidate]:
    """The remover's reason among the sentences `after` the removal, then the removed's reply; [] without a reason."""
    # The remover is named just before the verb: not the successor earlier in "Terzan, 41, took charge of the station
    # on Tuesday after energy minister Tiberiu Ostrowin dismissed its director".
    remover = set(_NAME.findall(removal_text[max(0, removal.start() - _REMOVER_REACH) : removal.start()]))
    removed = set(_NAME.findall(removal_text[removal.end() :]))
    # Right after the removal, "She said the weighbridge … had been out of order" is the remover's (the form of
    # explore39c's report).
    reason = next(
        (
            d
            for i, d in enumerate(after)
            if (_says(d.text, remover) or (i == 0 and _PRONOUN_SAYS.match(d.text))) and _FAULT.search(d.text)
        ),
        None,
    )
    if reason is None:
        return []
    reply = next((d for d in after if d.start > reason.start and _says(d.text, removed)), None)
    return [reason] + ([reply] if reply is not None else [])


def _says(text: str, names: set[str]) -> bool:
    """Whether the sentence opens with one of `names` saying something ("Ostrowin said the station's control room
    …", "Energy minister Ostrowin said …")."""
    opening = re.match(r"^\W*((?:[A-Z][\w'’-]*\s+){0,4}?)([A-Z][\w'’-]+)" + _SAID, text)
    return opening is not None and opening.group(2) in names
