"""A claim and its negation: "Russia is not seeking sanctions relief" against "Russia's
persistent demands, including the lifting of sanctions".

One statement negates a verb ("is not seeking", "did not agree to"), the other asserts the same
verb or one of its family (seek / demand / push for / call for; agree / accept / approve), for
one subject (the nearest name before each verb, when both give one) and about one object (the
words after the two verbs share a topic word). The same verb negated and asserted about other
objects ("is not seeking a genuine exit from war" / "continues to push for Ukraine's
capitulation") is no conflict.
"""

from __future__ import annotations

import re

from rag.news.words import names_in, same_name, topic_words

_FAMILIES = {
    "seek": r"seek(?:s|ing)?|sought|demand(?:s|ed|ing)?|want(?:s|ed|ing)?|insist(?:s|ed|ing)?\s+on|"
    r"request(?:s|ed|ing)?|pursu(?:e|es|ed|ing)|(?:push|call|ask|press)(?:es|s|ed|ing)?\s+for",
    "agree": r"agree(?:s|d|ing)?|accept(?:s|ed|ing)?|approv(?:e|es|ed|ing)|endors(?:e|es|ed|ing)",
}
_VERB = re.compile("|".join(rf"(?P<{k}>\b(?:{v})\b)" for k, v in _FAMILIES.items()), re.IGNORECASE)
_NEGATION = re.compile(
    r"(?:\bnot|\bnever|n['’]t|\bno\s+longer)\s+(?:(?:be|been|being|yet|currently|actually|really|even|to)\s+)*$",
    re.IGNORECASE,
)
_OBJECT_WORDS = 6  # words after a verb that say what it is about


def _uses(text: str) -> list[tuple[str, bool, frozenset[str], str | None, str]]:
    """(family, negated, object words, subject, phrase) for each family verb in `text`."""
    out = []
    for m in _VERB.finditer(text):
        family = m.lastgroup or ""
        negated = _NEGATION.search(text[max(0, m.start() - 40) : m.start()]) is not None
        # The object runs to the end of the clause ("demands, including the lifting of sanctions":
        # a break before any word of it does not end it).
        lead = re.match(r"[\s,]*", text[m.end() :])
        offset = lead.end() if lead else 0
        after = text[m.end() : m.end() + offset] + re.split(r"[,;:.!?]", text[m.end() + offset :], maxsplit=1)[0]
        words = list(re.finditer(r"\S+", after))[:_OBJECT_WORDS]
        obj = frozenset(topic_words(" ".join(w.group(0) for w in words)))
        before = [n for at, n in names_in(text) if m.start() - 60 <= at < m.start()]
        start = max(0, text.rfind(" ", 0, max(0, m.start() - 30)) + 1)
        phrase = text[start : m.end() + (words[-1].end() if words else 0)].strip(" ,;")
        out.append((family, negated, obj, before[-1] if before else None, phrase))
    return out


def stance_conflict(a: str, b: str) -> tuple[str, str] | None:
    """(the phrase in `a`, the phrase in `b`) when one negates what the other asserts."""
    ua, ub = _uses(a), _uses(b)
    for fa, na, oa, sa, pa in ua:
        for fb, nb, ob, sb, pb in ub:
            if fa != fb or na == nb or not (oa & ob):
                continue
            if sa and sb and not same_name(sa, sb):
                continue
            return pa, pb
    return None
