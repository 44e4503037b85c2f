"""Whose thing a question asks about, and whose thing the evidence gives.

"Who is Ukraine's foreign minister?" is not answered by "Russian Foreign Minister Sergey Lavrov …
annexed regions from Ukraine", though that sentence holds "foreign minister" and "Ukraine"; nor
"How large is Russia's military budget?" by "Ukraine … enters 2026 with 42.3% of its military
budget". When a question asks for an owner's thing ("<Name>'s <thing>") and every mention of that
thing in the evidence is another name's, the evidence answers another question. A mention with no
owner written beside it decides nothing: "the foreign minister" may well be the one asked about.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rag.evidence.question import _NAME, STOPWORDS, matches, mentions, stem_all, words

# "<Name>'s" and up to three lower-case words after it: "Ukraine's foreign minister".
_POSSESSIVE = re.compile(rf"(?P<owner>{_NAME.pattern})['’]s\s+(?P<thing>[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}})")
_OWNER = re.compile(rf"({_NAME.pattern})['’]s\b")
_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*[A-Za-z]|[A-Za-z]|[,;:()—–]")
_PRONOUNS = frozenset(["its", "their"])
# "his", "her": a person named anywhere before, often in another sentence ("Blair … Chirac reacted to his
# warning"), so such a mention tells no owner and decides nothing.
_PERSONAL = frozenset(["his", "her"])
# A modal or "do" just before "<Name>'s": the possessive phrase is the subject of the verb after it.
_SUBJECT_AFTER = re.compile(r"\b(?:can|could|will|would|shall|should|may|might|must|do|does|did)\s+$", re.IGNORECASE)
_WINDOW = 4  # words of a noun phrase before its head ("Russian Foreign Minister")


@dataclass(frozen=True)
class Owned:
    """A question's "<owner>'s <thing>": the owner's stems and the thing's words, its head last."""

    owner: tuple[str, ...]
    thing: tuple[str, ...]


def owned_things(question: str) -> list[Owned]:
    """Each "<Name>'s <thing>" of the question, the thing cut at its first function word."""
    out = []
    for m in _POSSESSIVE.finditer(question):
        thing: list[str] = []
        for i, w in enumerate(m.group("thing").split()):
            if i == 0 and w.lower() == "own":
                continue  # "Halvern's own boats" are Halvern's boats (explore17 q26), though "own" is a stopword
            if w.lower() in STOPWORDS:
                break
            thing.append(w.lower())
        # "Why was the vote on Halvard's offer postponed?": a participle closing the question, or its first part ("When
        # was the UN grain deal for Velmaria's ports signed, and where?"; blind explore26 q01), is its verb.
        ends = re.match(r"\s*(?:[?.!]?\s*$|,|and\b)", question[m.end() :]) is not None
        if len(thing) > 1 and thing[-1].endswith("ed") and ends and m.group("thing").split()[-1].lower() == thing[-1]:
            thing.pop()
        # "How much can Halvern's own boats catch …?": after "can" or "does" the owner's thing is the
        # subject, and its last word the verb (explore17 q26 took "catch" for the thing).
        owner_words = m.group("owner").split()
        # "Does Russia's …": the question's capitalised first word is read into the name.
        opening = len(owner_words) > 1 and _SUBJECT_AFTER.search(owner_words[0] + " ") is not None
        owner_words = owner_words[1:] if opening else owner_words
        if len(thing) > 1 and (opening or _SUBJECT_AFTER.search(question[: m.start()])):
            thing.pop()
        owner = tuple(stem_all(words(" ".join(owner_words))))
        if thing and owner:
            out.append(Owned(owner, tuple(thing)))
    return out


def _noun_phrase(tokens: list[str], at: int) -> tuple[list[str], list[str]]:
    """(words, owners) of the noun phrase ending at the mention `tokens[at]`: the capitalised words
    and lower-case modifiers just before it ("Russian Foreign Minister", "its military budget"), and
    of those the names that own it, the sentence's first name standing for "its" / "their"."""
    phrase: list[str] = []
    owners: list[str] = []
    for token in reversed(tokens[max(0, at - _WINDOW) : at]):
        bare = re.sub(r"['’]s$", "", token)
        if token.lower() == "own":
            continue  # "his own boat" is his boat
        if token.lower() in _PRONOUNS:
            first = next((t for t in tokens if t[0].isupper() and t.lower() not in STOPWORDS), None)
            owners.extend([first] if first else [])
            break
        if not token[0].isalpha() or token.lower() in STOPWORDS:
            break  # a comma, a dash, "the", "of": the noun phrase starts after it
        phrase.append(bare)
        if token[0].isupper():
            owners.append(bare)
        elif not token.endswith(("'s", "’s")) and len(phrase) > 1:
            break  # two lower-case words back is the verb or the clause before
    return phrase, owners


def _titled(phrase: list[str], owner: tuple[str, ...]) -> bool:
    """Whether the noun phrase names its kind with a capitalised word that is not the owner: news
    writes a post as a title ("Foreign Minister"), while "carbon emissions" for "greenhouse gas
    emissions" or "the Harris campaign" for "Harris's newly rebranded campaign" tell no other kind."""
    return any(w[0].isupper() and not any(mentions(o, [w]) for o in owner) for w in phrase)


def _shortened(owned: Owned, texts: Sequence[str]) -> Owned:
    """`owned` with its thing cut after the last word the evidence uses: in "Russia's military
    budget relies on …" the thing is "military budget", the verb after it was taken in by the
    three-word reach of the question's pattern."""
    used = set(stem_all([w.lower() for text in texts for w in _TOKEN.findall(text)]))
    for end in range(len(owned.thing), 0, -1):
        if stem_all([owned.thing[end - 1]])[0] in used:
            return Owned(owned.owner, owned.thing[:end])
    return owned


def mismatch(question: str, texts: Sequence[str]) -> bool:
    """Whether the evidence `texts` mention a thing the question asks of an owner only as another
    thing or another name's: every mention of its head word either has other modifiers ("Foreign
    Minister" for "defence minister") or another owner written beside it, none the question's own
    and none with no owner stated."""
    # "How does Ukraine's position differ from Putin's?": Putin's position is asked about too.
    asked_owners = [tuple(stem_all(words(m))) for m in _OWNER.findall(question)]
    for owned in (_shortened(o, texts) for o in owned_things(question)):
        head = stem_all([owned.thing[-1]])[0]
        # The word next to the head tells which thing ("defence minister"); those before it
        # describe it ("famous blue bird logo" is the "globally recognized blue bird logo").
        modifiers = list(owned.thing[-2:-1])
        other = False
        for text in texts:
            tokens = _TOKEN.findall(text)
            for at, token in enumerate(tokens):
                if stem_all([token.lower()])[0] != head:
                    continue
                before = [t.lower() for t in tokens[max(0, at - 2) : at] if t.lower() != "own"]
                if before and before[-1] in _PERSONAL:
                    continue  # "a prisoner on his own boat" (explore17 q26) is neither Halvern's nor another's
                phrase, owners = _noun_phrase(tokens, at)
                if any(w.islower() and w.endswith(("'s", "’s")) for w in tokens[max(0, at - _WINDOW) : at]):
                    return False  # "the tech firm's value": an owner named in other words, who may be the one asked
                if modifiers and not all(mentions(m, phrase) for m in modifiers) and _titled(phrase, owned.owner):
                    other = True  # another thing of that kind: "Foreign Minister" for "defence minister"
                    continue
                named = [o for o in owners if not any(mentions(m, [o]) for m in owned.thing)]
                stems = set(stem_all([w for o in named for w in words(o)]))
                if not named or any(matches(o, stems) for owner in asked_owners for o in owner):
                    return False  # the question's owner's thing, or a thing of no stated owner
                other = True
        if other:
            return True
    return False
