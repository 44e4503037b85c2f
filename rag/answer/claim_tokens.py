"""Tokens of a claim or a source sentence for alignment: words, numbers, dates, ordinals, negations
and verbs of role, each with its kind and stem (rag/answer/alignment.py)."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from rag.ingest.chunk import sentence_spans
from rag.numbers import CARDINALS, ORDINALS, ROUND

_TOKEN = re.compile(r"\d{4}-\d\d-\d\d\b|\$?\d+(?:[.,]\d+)*(?:%|bn|m|st|nd|rd|th)?|[A-Za-z][A-Za-z'’-]*")
_CLAUSE_BREAK = re.compile(r"\s*[,;:—–]\s+|\s+-\s+")
_STOP = frozenset(
    [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "from", "by", "with", "as",
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will",
        "would", "can", "could", "should", "may", "might", "must", "shall", "this", "that", "these", "those", "it",
        "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "your", "them", "him", "us",
        "me", "my", "there", "here", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "than",
        "then", "so", "such", "also", "too", "very", "just", "only", "even", "into", "over", "about", "after",
        "before", "while", "during", "under", "between", "through", "against", "out", "up", "down", "off", "any",
        "all", "some", "each", "both", "more", "most", "other", "same", "own", "said", "says", "say", "according",
        "however", "meanwhile", "further", "furthermore", "additionally", "instead", "yet", "still", "already",
        "again", "one", "s",
    ]
)  # fmt: skip
_NEGATION = frozenset(["not", "no", "never", "none", "nor", "neither", "nothing", "without", "cannot", "n't", "nobody"])
_MONTHS = frozenset(
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]
)  # fmt: skip
_ORDINALS = {w: str(n) for w, n in ORDINALS.items()}
_NUMBER_WORDS = {w: str(n) for w, n in (CARDINALS | ROUND).items() if w != "fifty"}
# Verbs and nouns that decide who did what to whom: a claim that changes one of them changes
# the event, however similar the sentence looks.
_ROLE_STEMS = (
    "accus", "attack", "defeat", "beat", "host", "lead", "led", "mediat", "sign", "support", "oppos", "critici",
    "reprimand", "meet", "met", "invad", "annex", "sanction", "demand", "agre", "refus", "reject", "accept",
    "propos", "offer", "won", "win", "lost", "los", "sell", "sold", "buy", "bought", "hire", "fire", "sue", "kill",
    "arrest", "elect", "appoint", "resign", "ban", "allow", "block", "approv", "deni", "deny", "prais", "blam",
    "warn", "threat", "order", "ask", "told", "tell", "call", "pay", "paid", "receiv", "giv", "gave", "send", "sent",
    "captur", "seiz", "withdr", "cede", "ceding", "return", "releas", "launch", "end", "start", "begin", "began",
    "increas", "decreas", "rais", "ris", "rose", "fell", "fall", "cut", "grow", "grew", "drop", "gain", "declin",
)  # fmt: skip
KINDS = ("name", "number", "date", "ordinal", "negation", "role", "word")
KIND_WEIGHT = {"name": 3.0, "number": 3.0, "date": 3.0, "ordinal": 3.0, "negation": 3.0, "role": 2.0, "word": 1.0}

# Bumped whenever a feature's definition changes: cached feature values of another version are stale.
FEATURES_VERSION = 6
FEATURES = (
    "sim",  # cosine of claim and best unit (sentence embeddings)
    "hard_miss",  # weighted share of claim tokens with no exact/stem counterpart in the best unit
    "soft_miss",  # the same, word-piece similarity allowed for ordinary words
    "names_missing",  # names absent from the best unit (capped at 3)
    "names_elsewhere",  # of those, names the passage has elsewhere (a swap within the article)
    "numbers_missing",  # numbers, dates and ordinals absent from the best unit (capped at 3)
    "numbers_elsewhere",
    "roles_missing",  # role verbs with no counterpart (capped at 3)
    "negation",  # negation or antonym conflict with the best unit
    "role_flip",  # two names in the claim in the opposite order to the evidence
    "novel_words",  # content words the passage never uses, min(n, 6) / 6
    "span",  # spread of the aligned words in the unit relative to the claim's length
    "breaks",  # share of consecutive aligned claim words that jump in the evidence
    "bigrams",  # share of the claim's word pairs found in the best unit
    "sentence_cover",  # hard coverage by the best single sentence (not a window)
    "length",  # claim tokens / 40, capped at 1
    "unmatched",  # claim words without even a similar word in the best unit, min(n, 6) / 6
    "near_copy",  # 1 when the best sentence accounts for every claim token, in order and unnegated
)


def _stem(word: str) -> str:
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word.endswith("ss") or len(word) <= 4:
        return word
    for suffix in ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly", "e"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Token:
    text: str
    lower: str
    stem: str
    kind: str  # one of KINDS, or "stop"
    value: str  # normalised value for numbers, dates and ordinals; the stem otherwise


def tokenize(text: str) -> list[Token]:
    """Tokens with a kind; a capitalised word counts as a name unless it opens a sentence
    and is an ordinary word there ("The", "Experts")."""
    out = []
    starts = {s for s, _ in sentence_spans(text)} | {0}
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        if iso := _iso_date(raw):
            out.extend(iso)
            continue
        lower = raw.lower().replace("’", "'")
        stem = _stem(lower)
        if raw[0].isdigit() or raw[0] == "$":
            value = re.sub(r"[$,%]|(?<=\d)(?:st|nd|rd|th)$", "", lower)
            kind = "date" if re.fullmatch(r"(1[89]|20)\d\d", value) else "number"
        elif lower in _MONTHS:
            kind, value = "date", lower
        elif lower in _ORDINALS:
            kind, value = "ordinal", _ORDINALS[lower]
        elif lower in _NUMBER_WORDS and lower != "one":
            kind, value = "number", _NUMBER_WORDS[lower]
        elif lower in _NEGATION or lower.endswith("n't"):
            kind, value = "negation", "not"
        elif lower in _STOP:
            kind, value = "stop", stem
        elif raw[0].isupper() and not (m.start() in starts or _after_quote(text, m.start())):
            kind, value = "name", stem
        elif raw[0].isupper() and m.start() in starts and lower not in _ORDINARY_OPENERS and len(lower) > 3:
            kind, value = "name", stem  # "Putin said…": a name opening the sentence
        elif stem.startswith(_ROLE_STEMS):
            kind, value = "role", stem
        else:
            kind, value = "word", stem
        if len(lower) < 2 and kind in ("word", "role"):
            kind = "stop"
        out.append(Token(raw, lower, stem, kind, value))
    return out


def _iso_date(raw: str) -> list[Token]:
    """'2025-05-20' as the day, month and year a passage writes ('20 May 2025'): a model copying a
    dated header writes one form, the article the other. Empty when `raw` is not of that shape."""
    found = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", raw)
    if not found:
        return []
    if not 1 <= int(found[2]) <= 12:  # no date: its numbers
        return tokenize(raw.replace("-", " "))
    year, month, day = found[1], calendar.month_name[int(found[2])].lower(), str(int(found[3]))
    return [
        Token(day, day, day, "number", day),
        Token(month, month, month, "date", month),
        Token(year, year, year, "date", year),
    ]


def _after_quote(text: str, i: int) -> bool:
    return text[max(0, i - 2) : i].strip() in ('"', "“", "‘", "'", "(")


# Capitalised only because they open the sentence.
_ORDINARY_OPENERS = frozenset(
    [
        "experts", "analysts", "officials", "despite", "although", "because", "since", "while", "when", "after",
        "before", "during", "under", "in", "on", "at", "for", "from", "with", "this", "that", "these", "those",
        "there", "their", "many", "some", "several", "most", "both", "each", "other", "another", "such", "critics",
        "sources", "reports", "russian", "ukrainian", "american", "western", "european",
    ]
)  # fmt: skip
