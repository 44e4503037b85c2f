"""Who a news sentence attributes its claim to ("Lavrov claimed", "according to ISW"), and
sentences that themselves report a contradiction ("this statement conflicts with earlier
remarks by Dmitriev"): the sides of a disagreement are shown with their speakers."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

REPORTED = re.compile(
    r"\b(?:conflicts?\s+with|contradict(?:s|ed|ing|ory)?|at\s+odds\s+with|disputed|denied|denies|refuted)\b",
    re.IGNORECASE,
)
_SPEAKER_VERB = (
    r"(?:said|says|told|claimed|claims|stated|argued|insisted|reiterated|announced|warned|declared|added|"
    r"asserts?|asserted|notes|noted|wrote|writes|puts\s+it|repeated|emphasi[sz]ed|stressed|explained|"
    r"acknowledged|admitted|urged|maintained|maintains|denied|denies|"
    # a denial names its speaker too: "director Benedikt Sorrell rejected reports that …" (explore17b q22)
    r"(?:rejected|rejects|dismissed|dismisses)\s+(?:the\s+)?(?:reports?|claims?|suggestions?|allegations?|accusations?))"
)
_NAME = r"[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}"
# "Richard Mawrey, QC told …": a post-nominal after the name is not the speaker (hand-read round 15 q11).
_POST_NOMINAL = r"(?:,\s*(?:QC|KC|MP|MEP|MSP|AM|Jr\.?|Sr\.?|OBE|MBE|CBE))"
# The day told between a speaker and the verb: "Korvask's defence ministry on Monday denied …" (explore29 q09 read no
# speaker, and set the ministry's denial against its own repeated one as two sources).
# "… said on Monday", "… late on Thursday night denied", "… last night denied" (blind explore30d q09 set the
# ministry's denial, told "last night", against its own later repeat, for want of its voice).
_WHEN = (
    r"(?:\s+(?:(?:late|early)\s+)?(?:on\s+)?(?:(?:"
    + "|".join(calendar.day_name)
    + r"|yesterday)(?:\s+(?:morning|afternoon|evening|night))?|today|tonight|last\s+night|"
    r"this\s+(?:morning|afternoon|evening)))?"
)
# A passive verb names no speaker: "Fields were declared safe too early" (blind explore24c q21 showed "Fields" as the
# voice of the growers' union chair's words).
_SPEAKER = re.compile(
    rf"(?P<name>{_NAME})(?:{_POST_NOMINAL}|,[^,]{{1,80}},)?{_WHEN}\s+(?:(?!(?:was|were|is|are|been|being|be)\b)\w+\s+)?"
    rf"{_SPEAKER_VERB}\b"
)
# A quotation's speaker named after its verb: "'… than we were offered,' said Tomas Reiner" (explore15 q23).
_SAID_BY = re.compile(
    # After the closing mark only: in "The woman, Robin Mantooth, said Mars promised her …", Mars is no speaker.
    rf"(?:[”\"’],?|,[”\"’])\s*(?:said|says|added|insisted|warned|argued|claimed|stated|explained|noted|wrote|replied)"
    rf"\s+(?P<name>{_NAME})"
)
# Words a time opens with after "said" ("said Monday", "said on Tuesday"): no speaker's first name.
_TIME_WORDS = frozenset(calendar.day_name) | frozenset(m for m in calendar.month_name if m)
_TIME_WORDS |= {"Today", "Yesterday", "Tonight", "Last", "Next", "On", "In", "At"}
_ACCORDING = re.compile(rf"\baccording\s+to\s+(?:the\s+)?(?P<name>{_NAME})")
_ACCORDING_ANY = re.compile(rf"\b[Aa]ccording\s+to\s+(?:the\s+)?(?P<name>{_NAME})")  # also opening a sentence
# A speaker named beside their role: "Tolvany's foreign ministry spokeswoman, Alina Drevkova, told reporters …"
# (the plain pattern wants the name right before the verb; blind explore21b q04 read no speaker).
_APPOSITIVE = re.compile(rf",\s+(?P<name>{_NAME}),\s+(?:\w+\s+)?{_SPEAKER_VERB}\b")
# A body named by whose it is: "Ardessa's defence ministry said …" (explore21b q24 read no speaker).
# Not in a concession: "…, whatever Drevan's defence ministry says: …" is the writer's (blind explore24 q04).
# An auxiliary or an adverb before the verb is no part of the body's name: "Korvask's defence ministry has denied …"
# had shown "Korvask's defence ministry has" as a voice in a note (explore29 q08).
_BEFORE_VERB = r"(?:has|have|had|also|again|repeatedly|later|then)"
_NOT_NAME_WORD = rf"(?!(?:on|late|early|last|this|is|was|{_BEFORE_VERB})\b)"
_WHOSE_BODY = re.compile(
    rf"(?<!whatever\s)\b(?P<name>[A-Z][\w-]+['’]s(?:\s+{_NOT_NAME_WORD}[a-z]+){{1,3}})"
    rf"{_WHEN}(?:\s+{_BEFORE_VERB})*\s+{_SPEAKER_VERB}\b"
)
_BODIES = r"(?i:administration|ministry|government|council|command|office|authorities|headquarters|embassy|mission)"
_BODY_IN = re.compile(
    rf"\b(?P<name>(?:[A-Z][\w’'-]+\s+){{0,3}}(?:[a-z]+\s+){{0,2}}{_BODIES}\s+(?:in|at)\s+{_NAME})"
    rf"{_WHEN}(?:\s+{_BEFORE_VERB})*\s+{_SPEAKER_VERB}\b"
)
# A place after "in" or "at" is where the speaker is, not who: "The Marheskan military administration in Orvalt denied
# the claim" (explore40 q09 showed "Orvalt" as the voice); the body with its place speaks (`_BODY_IN`).
_IN_A_PLACE = re.compile(r"\b(?:in|at)\s+(?:[A-Z][\w’'-]*\s+)*$")
REMARKS_BY = re.compile(rf"\b(?:remarks|statements?|comments?|claims?)\s+(?:made\s+)?by\s+(?P<name>{_NAME})")
_NOT_SPEAKERS = {
    "The",
    "This",
    "That",
    "It",
    "He",
    "She",
    "They",
    "We",
    # A possessive is no speaker: "His family says …" (blind explore22d q05 showed "His" as a voice).
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "According",
    "But",
    "And",
    "However",
    "QC",
    "KC",
    # A clause's opening word: "When Nordmar Terminals announced its plan" (explore15 q19).
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "As",
    "If",
    "Once",
    "Although",
}


def _attributed(text: str, according: re.Pattern[str]) -> Iterator[str]:
    """The names a sentence attributes words to (`_named`), in the order of the patterns that find them; none that
    opens with a time ("said Monday"), nor a place a speaker is in (`_IN_A_PLACE`)."""
    for pattern in (REMARKS_BY, _BODY_IN, _SPEAKER, according, _SAID_BY, _APPOSITIVE, _WHOSE_BODY):
        for m in pattern.finditer(text):
            if pattern is _SPEAKER and _IN_A_PLACE.search(text[max(0, m.start() - 60) : m.start()]):
                continue
            name = _named(m.group("name"))
            if name and name.split()[0] not in _TIME_WORDS:
                yield name


def speakers(text: str) -> list[str]:
    """Everyone a sentence attributes words to: "remarks made by Dmitriev", "Lavrov claimed",
    "according to ISW" (a sentence reporting one speaker's words about another's names both)."""
    return list(dict.fromkeys(_attributed(text, _ACCORDING_ANY)))


def speaker(text: str) -> str | None:
    """Who a sentence attributes its claim to: "Lavrov claimed", "according to ISW"."""
    return next(_attributed(text, _ACCORDING), None)


_OPENING = ("“", '"')
# What follows a quotation's closing mark when it names its speaker: "…,” he said. / "…," said Lavrov.
_AFTER_QUOTE = re.compile(
    rf"^[”\"]\s*,?\s*(?:(?P<pronoun>he|she|they)\s+{_SPEAKER_VERB}|(?P<name>{_NAME})\s+{_SPEAKER_VERB}"
    rf"|{_SPEAKER_VERB}\s+(?P<after>{_NAME}))\b"
)


def quoted_speaker(sentence: str, after: str, before: str) -> str | None:
    """Who speaks a sentence that opens a quotation closed in a later sentence ("“The United States
    believes that Putin wants to end the war. Here, we have completely different views,” he said."):
    the name after the closing mark, or for "he said" the speaker of the sentence `before` it ("" when
    that sentence names none). None when the sentence is no such opening, or names no one there."""
    text = sentence.strip()
    if not text.startswith(_OPENING) or ("”" in text if text.startswith("“") else text.count('"') > 1):
        return None
    close = re.search(r"[”\"]", after)
    m = _AFTER_QUOTE.match(after[close.start() :]) if close else None
    if m is None:
        return None
    if m.group("pronoun"):
        return speaker(before) or ""  # quoted, by someone named before this passage begins
    return _named(m.group("name") or m.group("after"))


def continued_speaker(sentence: str, before: str) -> str | None:
    """Who speaks a sentence that is a quotation whole and names no one, when the sentence before is a quotation its
    speaker is named after: news goes on quoting one speaker in a paragraph of its own ("“They travelled better than
    most of us would,” said Dr Nils Ardanne …" and then "“Tarek slept all the way to the border …”"; blind explore37
    q27 showed the second bare for who said it). None otherwise."""
    text, prior = sentence.strip(), before.strip()
    whole = text[:1] in _OPENING and text[-1:] in '”"' and not re.search(r"[”\"]", text[1:-1])
    if not whole or prior[:1] not in _OPENING:
        return None
    m = _SAID_BY.search(prior) or _SPEAKER.search(prior)
    return _named(m.group("name")) if m else None


def _named(name: str) -> str | None:
    """A speaker's name as a pattern matched it, less the words naming no one ("The", "His"); None if none is left."""
    return " ".join(w for w in name.split() if w not in _NOT_SPEAKERS) or None
