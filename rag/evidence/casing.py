"""Sloppy questions read as meant: "who is radchenko" asks about Radchenko.

The selector finds names by their capitals, so a question typed all in lower case names no one and
is abstained on ("wat did kaja kalas say abt russia"). For such a question only, each word is given
the case the retrieved passages write it in, a misspelt name or word is replaced by the passages' one
it is closest to ("sanctons" -> "sanctions"), and chat shorthand is spelled out. A question with any
capital is left as typed: its writer chose its names, and correcting "Kallis" to "Kallas" would answer
about someone else; only a name of eight letters or more that no passage uses, one letter off one
they do ("Saakashvilli"), is read as theirs. A shorter one, of six letters or more, is only offered in an
abstention ("Did you mean Brannock?"), never read as theirs.
"""

from __future__ import annotations

import difflib
import re
import string
from collections.abc import Iterable

from rag.evidence.question import STOPWORDS

_WORD = re.compile(r"[a-z][a-z'’-]*")
_SHORTHAND = {
    "wat": "what",
    "wut": "what",
    "wot": "what",
    "whats": "what's",
    "abt": "about",
    "bout": "about",
    "whos": "who's",
    "wheres": "where's",
    "hows": "how's",
    "govt": "government",
    "u": "you",
    "ur": "your",
}
# How close a misspelt word must be to a passage's name to be read as it (difflib's ratio): "kalas"
# and "Kallas" are 0.91, "rubio" and "Rubin" 0.8.
_CLOSE = 0.85


def is_sloppy(question: str) -> bool:
    """A question typed without a single capital letter."""
    return any(c.isalpha() for c in question) and not any(c.isupper() for c in question)


def restore_case(question: str, texts: Iterable[str]) -> str:
    """`question` with its words cased as `texts` write them, its misspelt names corrected and its
    shorthand spelled out, when it is `is_sloppy`; otherwise `question` unchanged."""
    texts = list(texts)
    if not is_sloppy(question):
        return _words_respelt(_long_names_respelt(question, texts), texts)
    capitalized, lowercase = _vocabulary(texts)

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        owner = re.match(r"(.+)(['’]s)$", word)
        if owner:  # "lanka's": the name's case, the possessive kept
            return respell(owner.group(1)) + owner.group(2)
        return respell(word)

    def respell(word: str) -> str:
        if word in _SHORTHAND:
            return _SHORTHAND[word]
        if word in STOPWORDS or len(word) < 3:
            return word
        if word in capitalized and word not in lowercase:
            return capitalized[word]
        if len(word) >= 5 and word not in lowercase and word not in capitalized:
            close = difflib.get_close_matches(word, list(capitalized), n=1, cutoff=_CLOSE)
            # … not a plain word capitalised in a headline, its possessive mark aside ("Pensioners' …" for
            # "pensoiners", which the passages write in lower case too; explore33 q13)
            if close and close[0][0] == word[0] and close[0].rstrip("'’") not in lowercase:
                return capitalized[close[0]]
            return _ordinary(word, lowercase)
        return word

    return _name_tails_respelt(_WORD.sub(fix, question), texts)


def _name_tails_respelt(question: str, texts: list[str]) -> str:
    """`question` with a short word typed one letter off after a name's first word spelt as the passages' two-word name
    goes on: "is ardel pas open yet" is asked of "the Ardel Pass crossing" (explore50c q13 abstained, "pas" a key term
    no passage holds). Only where the passages write that name and never the word typed."""
    joined = " ".join(texts)

    def fix(m: re.Match[str]) -> str:
        first, typed = m.group(1), m.group(2)
        if re.search(rf"\b{re.escape(typed)}\b", joined, re.IGNORECASE):
            return m.group(0)
        tails = set(re.findall(rf"\b{re.escape(first)}\s+([A-Z][a-z]+)\b", joined))
        close = [t for t in tails if _one_edit(typed, t.lower())]
        return f"{first} {close[0]}" if len(close) == 1 else m.group(0)

    return re.sub(r"\b([A-Z][a-z]+)\s+([a-z]{2,})\b", fix, question)


def _ordinary(word: str, lowercase: set[str]) -> str:
    """A misspelt ordinary word ("aeroflot sanctons", "what happend") in the passages' spelling, but not
    another form of the same word ("claim" / "claims"), which is no typo."""
    close = difflib.get_close_matches(word, sorted(lowercase), n=1, cutoff=_CLOSE)
    if close and close[0][0] == word[0] and not (close[0].startswith(word) or word.startswith(close[0])):
        return close[0]
    return _untransposed(word) or word


def _untransposed(word: str) -> str | None:
    """The one English word that `word`, no English word itself, is with one slip undone: two neighbouring letters
    swapped back, else a doubled letter typed once, else a dropped letter put back. "is selbygate station open agian"
    asked whether it is open "again" (explore41d q13 read it as no question of a return and quoted a column's "not
    only that it is closed"); "are the convoys runing again" is "running" (blind explore49 q13 abstained), "housholds"
    is "households" (explore49c q27). difflib rates such a slip below `_CLOSE`, and the word is seldom among the
    passages' words. Each kind of slip is tried alone, in that order, and only a single English word is taken:
    "runing" with a letter put back is "running" or "ruining"."""
    import simplemma

    if simplemma.is_known(word, lang="en"):
        return None
    letters = string.ascii_lowercase
    slips = (
        {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)},
        {word[: i + 1] + word[i] + word[i + 1 :] for i in range(len(word)) if word[i] in letters},
        {word[:i] + c + word[i:] for i in range(1, len(word) + 1) for c in letters},
    )
    for undone in slips:
        known = sorted(w for w in undone - {word} if simplemma.is_known(w, lang="en"))
        if len(known) == 1:
            return known[0]
        if known:
            return None
    return None


def _words_respelt(question: str, texts: list[str]) -> str:
    """A question with capitals, its misspelt ordinary words in the passages' spelling: "How many crew were
    on the trawlr?" and "When did the lab confrim …?" found nothing to hold "trawlr" (explore17 q03,
    explore17b q05). Words of five letters or more that the passages never write and that are no English
    word, in lower case only: a capitalised word may be a name its writer chose."""
    import simplemma

    lower_word = re.compile(r"(?<![\w’'-])[a-z][a-z-]*(?![\w’'-])")
    # A word English knows is no typo, whatever the passages write: "heading" is not "hearing". Most questions
    # have no other word, and then the passages' vocabulary is not read at all (this runs on every question).
    unknown = {
        w
        for w in lower_word.findall(question)
        if len(w) >= 5 and w not in STOPWORDS and not simplemma.is_known(w, lang="en")
    }
    if not unknown:
        return question
    capitalized, lowercase = _vocabulary(texts)

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        if word not in unknown or word in lowercase or word in capitalized:
            return word
        return _ordinary(word, lowercase)

    return lower_word.sub(fix, question)


_POSSESSIVE = re.compile(r"['’]s$")


def _vocabulary(texts: Iterable[str]) -> tuple[dict[str, str], set[str]]:
    """(lower-cased word -> its capitalized form, for words written with a capital inside a sentence;
    words written in lower case)."""
    capitalized: dict[str, str] = {}
    lowercase: set[str] = set()
    for text in texts:
        # "McLennan", "OutKast": a capital inside a name too.
        for m in re.finditer(r"(?<=[^\s.!?\"“‘(]\s)([A-Z][a-z'’-]+(?:[A-Z][a-z'’-]+)?)|\b([a-z][a-z'’-]+)", text):
            # A possessive is the word's ("Parliament’s" is "Parliament"), or a long name read from it
            # gets the "’s" twice ("the Russian Parliament’s's committee").
            word = _POSSESSIVE.sub("", m.group(1) or m.group(2))
            if m.group(1):
                capitalized.setdefault(word.lower(), word)
            else:
                lowercase.add(word)
        # A name of two words opening a sentence ("British Airways has blamed …", "Sri Lanka faces …").
        for m in re.finditer(r"(?:^|(?<=[.!?\n]))[\s\"“‘]*([A-Z][a-z'’-]+)(?=\s+[A-Z][a-z])", text):
            capitalized.setdefault(m.group(1).lower(), m.group(1))
    return capitalized, lowercase


# A long name one letter off the passages' ("Saakashvilli" / "Saakashvili", round 15 q14) is a typo; a
# short one may be someone else ("Kallis" / "Kallas"), and is left as typed.
_LONG_NAME = re.compile(r"\b[A-Z][a-z-]{7,}")
_TYPO = 0.9


def _long_names_respelt(question: str, texts: Iterable[str]) -> str:
    names = _LONG_NAME.findall(question)
    if not names:
        return question
    capitalized, lowercase = _vocabulary(texts)

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if low in capitalized or low in lowercase:
            return word
        close = difflib.get_close_matches(low, list(capitalized), n=1, cutoff=_TYPO)
        return capitalized[close[0]] if close and close[0][0] == low[0] else word

    return _LONG_NAME.sub(fix, question)


# A name of six letters or more one edit from the passages' ("Brannok" / "Brannock", blind explore22d q26) is
# offered, not read: shorter words are one edit from too many others.
_MIN_OFFERED = 6


def offered_spellings(names: Iterable[str], texts: Iterable[str]) -> dict[str, str]:
    """Each of `names` with a word `texts` never write but write one edit otherwise, always with a capital, with
    that spelling: "The indexed articles don't mention Brannok." of articles on Elias Brannock, or "Outcast" of
    the BBC's "OutKast". Offered, not used: a name one letter from another may be another person's."""
    capitalized, lowercase = _vocabulary(texts)
    offered = {}
    for name in names:
        words = [_one_edit_off(w, capitalized, lowercase) or w for w in name.split()]
        if words != name.split():
            offered[name] = " ".join(words)
    return offered


def _one_edit_off(word: str, capitalized: dict[str, str], lowercase: set[str]) -> str | None:
    low = _POSSESSIVE.sub("", word).lower()
    if len(low) < _MIN_OFFERED or low in capitalized or low in lowercase:
        return None
    close = difflib.get_close_matches(low, list(capitalized), n=5, cutoff=0.8)
    return next((capitalized[c] for c in close if c not in lowercase and _one_edit(low, c)), None)


def _one_edit(a: str, b: str) -> bool:
    """Whether `b` is `a` with one letter added, dropped or changed, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        return len(diff) == 1 or swapped
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
