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

from rag.evidence.question import _NAME, STOPWORDS, matches, stem_all, words

# "<Name>'s" and up to three lower-case words after it: "Ukraine's foreign minister".
_POSSESSIVE = re.compile(rf"(?P<owner>{_NAME.pattern})['’]s\s+(?P<thing>[a-z][\w-]*(?:\s+[a-z][\w-]*){{0,2}})")
_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*[A-Za-z]|[A-Za-z]|[,;:()—–]")
_PRONOUNS = frozenset(["its", "their"])
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
        for w in m.group("thing").split():
            if w.lower() in STOPWORDS:
                break
            thing.append(w.lower())
        owner = tuple(stem_all(words(m.group("owner"))))
        if thing and owner:
            out.append(Owned(owner, tuple(thing)))
    return out


def _owners(tokens: list[str], at: int, thing: set[str]) -> list[str]:
    """The names written as the owner of the mention at `tokens[at]`: the capitalised words just
    before it in its noun phrase ("Russian Foreign Minister"), words of the thing itself skipped, or
    the sentence's first name for "its" / "their". Any other word ends the noun phrase."""
    found: list[str] = []
    for token in reversed(tokens[max(0, at - _WINDOW) : at]):
        bare = re.sub(r"['’]s$", "", token)
        if bare.lower() in thing:
            continue
        if token.lower() in _PRONOUNS:
            first = next((t for t in tokens if t[0].isupper() and t.lower() not in STOPWORDS), None)
            return [first] if first else []
        if not (token[0].isupper() and token.lower() not in STOPWORDS):
            break
        found.append(bare)
    return found


def mismatch(question: str, texts: Sequence[str]) -> bool:
    """Whether the evidence `texts` mention a thing the question asks of an owner only as another
    name's: some mention with another owner written beside it, none with the question's or none."""
    for owned in owned_things(question):
        head = stem_all([owned.thing[-1]])[0]
        thing = set(owned.thing)
        other = False
        for text in texts:
            tokens = _TOKEN.findall(text)
            for at, token in enumerate(tokens):
                if stem_all([token.lower()])[0] != head:
                    continue
                owners = _owners(tokens, at, thing)
                stems = set(stem_all([w for o in owners for w in words(o)]))
                if not owners or any(matches(o, stems) for o in owned.owner):
                    return False  # the question's owner's thing, or a thing of no stated owner
                other = True
        if other:
            return True
    return False
