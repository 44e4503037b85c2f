"""Words for judging whether two news statements are about the same thing: content words cut to
a short prefix, with the few paraphrase families news copy swaps freely ("killed"/"dead",
"jobless"/"unemployment", "sued"/"lawsuits", "so far"/"total"), and the names a sentence gives
(rag/news/values.py, rag/news/sameness.py)."""

from __future__ import annotations

import re

from rag.answer.support import content_words

# Words one family: "25,000 dead" and "140,000 killed" count one thing. Exact words first, then
# prefixes (long enough not to catch unrelated words: "laws" would catch "lawsuit").
_FAMILY_WORDS = {"sue": "sue", "sued": "sue", "sues": "sue", "suing": "sue", "die": "death", "dies": "death"}
_FAMILY_WORDS |= {"nod": "nomin", "nods": "nomin"}
# Those who watch are the viewers, the audience: "113 million viewers" / "123 million people watched".
_FAMILY_WORDS |= {w: "viewer" for w in ("watch", "watched", "watches", "watching", "viewer", "viewers")}
_FAMILY_PREFIXES = [
    *[(p, "death") for p in ("dead", "died", "deat", "kill", "fatal", "perish")],
    *[(p, "injur") for p in ("injur", "wound", "hurt")],
    *[(p, "jobless") for p in ("unemploy", "jobless")],
    *[(p, "sue") for p in ("lawsuit", "litigat")],
    ("nominat", "nomin"),
    ("viewership", "viewer"),
    ("audience", "viewer"),
    ("total", "total"),
]
# Phrases that name a family: "has taken $75m so far" is a running total.
_PHRASES = [
    (re.compile(r"\b(?:so\s+far|to\s+date|in\s+all|altogether|cumulative(?:ly)?)\b", re.I), "total"),
    (re.compile(r"\bout\s+of\s+work\b", re.I), "jobless"),
]


def _cut(word: str) -> str:
    """The first five letters, a final "e" dropped: "raise" and "raised" (stem "rais") meet."""
    return word[:5].rstrip("e") or word[:5]


# Too common, or about the number rather than the thing counted, to show that two values are
# about one thing: scale and hedge words, units of measure, time words.
_GENERIC_WORDS = frozenset(
    {
        "set", "new", "year", "month", "week", "day", "time", "first", "last", "recor", "since", "later",
        "early", "late", "said", "says", "told", "made", "took", "take", "get", "got", "well", "just",
        "like", "also", "many", "much", "peopl", "thous", "milli", "billi", "trill", "hundr", "dozen",
        "aroun", "nearl", "almos", "least", "estim", "rough", "appro", "under", "upwar", "exces", "now",
        "still", "perce", "cent", "per", "gallo", "litre", "liter", "barre", "mile", "kilom", "metre",
        "meter", "feet", "foot", "inch", "tonne", "ton", "hour", "minut", "secon", "point", "degre",
        "acre", "numbe", "figur", "high", "highe", "low", "lower", "lowes", "large", "small", "big", "bigge",
        "great", "major", "top", "level", "curre", "anoth", "there", "their", "them", "euro", "euros", "dolla", "pound",
        "sterl",
    }
)  # fmt: skip
_MONTHS_DAYS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }
)  # fmt: skip
_NOT_NAMES = frozenset(
    {
        "the", "a", "an", "and", "but", "or", "in", "on", "at", "of", "to", "for", "from", "by", "with",
        "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her",
        "their", "according", "however", "also", "as", "after", "before", "while", "despite", "meanwhile",
        "if", "when", "although", "mr", "mrs", "ms", "dr", "former", "president", "prime", "minister",
        "chief", "new",
    }
)  # fmt: skip
# Capitalised only because they open the sentence.
_OPENERS = frozenset(
    {
        "around", "more", "about", "over", "nearly", "almost", "some", "only", "just", "up", "least",
        "roughly", "approximately", "estimated", "so", "all", "both", "each", "every", "many", "most",
        "several", "few", "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "dozens", "hundreds", "thousands", "there", "here", "what", "who", "how", "why",
        "where", "since", "until", "though", "yet", "still", "even", "then", "now", "today", "yesterday",
        "last", "next", "under", "between", "among", "during", "through", "into", "against", "without",
        "within", "once", "officials", "experts", "analysts", "police", "authorities",
    }
)  # fmt: skip


GENERIC = frozenset(_cut(w) for w in _GENERIC_WORDS)


def normalise(text: str) -> str:
    """Family phrases replaced in place by their family word, padded so every offset stays."""
    for pattern, word in _PHRASES:
        text = pattern.sub(lambda m, w=word: w.ljust(len(m.group(0))), text)  # type: ignore[misc]
    return text


def prefix(word: str) -> str:
    """A content word's family, else its first five letters: "annexed" and "annexation" meet."""
    if word in _FAMILY_WORDS:
        return _FAMILY_WORDS[word]
    if len(word) == 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:3]  # "eggs" and "egg" (the stemmer leaves four-letter plurals)
    for start, family in _FAMILY_PREFIXES:
        if word.startswith(start):
            return family
    return _cut(word)


def prefixes(text: str) -> set[str]:
    """The content words of `text` as `prefix`es (family phrases included)."""
    return {prefix(w) for w in content_words(normalise(text))}


def topic_words(text: str) -> set[str]:
    """`prefixes` without the generic ones and without numbers: what a sentence is about."""
    return {w for w in prefixes(text) if w not in GENERIC and not any(c.isdigit() for c in w)}


def ordered_words(text: str) -> list[str]:
    """The `prefix`es of `text` in order, generic words and numbers left out."""
    out = []
    for token in re.findall(r"[a-z0-9]+", normalise(text).lower()):
        for w in content_words(token):
            p = prefix(w)
            if p not in GENERIC and not any(c.isdigit() for c in p):
                out.append(p)
    return out


def names_in(text: str) -> list[tuple[int, str]]:
    """Capitalised words that name something (people, places, organisations, events), with
    their offsets; months and weekdays are not names, nor is a word capitalised only because it
    opens the sentence ("Gas prices rose"; see `_named_opener`)."""
    out = []
    for m in re.finditer(r"\b[A-Z][\w’'-]*", text):
        word = re.sub(r"[’']s$", "", m.group(0)).lower()
        if word in _NOT_NAMES or word in _MONTHS_DAYS:
            continue
        if re.search(r"(?:^|[.!?:]\s+|[“\"(]\s*)$", text[: m.start()]) and not _named_opener(
            m.group(0), text[m.end() :]
        ):
            continue
        out.append((m.start(), word))
    return out


# A singular verb right after the opener: "Sideways has taken", "Tesla is set to"; a plural
# one follows a common noun as often ("Insurers have", "Prices were").
_SINGULAR_VERB = re.compile(
    r"\s+(?:has|is|was|will|would|can|could|said|says|told|announced|reported|won|lost|took|made|became|"
    r"plans|wants|expects|added)\b"
)


def _named_opener(word: str, rest: str) -> bool:
    """Is the capitalised word opening a sentence a name? An acronym, a possessive, one followed
    by another capitalised word ("Boston Celtics"), or the subject of a singular verb."""
    lower = re.sub(r"[’']s$", "", word).lower()
    if lower in _OPENERS:
        return False
    if word.isupper() or word != lower.title() or re.match(r"\s+[A-Z]", rest):
        return True
    if re.search(r"(?:tion|sion|ment|ity|ness|ance|ence|ing|ism|ure)$", lower):
        return False  # "Unemployment has risen", "Inflation is"
    return _SINGULAR_VERB.match(rest) is not None


def same_name(a: str, b: str) -> bool:
    """One name, allowing for a suffix: "German"/"Germany", "Asia"/"Asian", "Oscar"/"Oscars"."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4:  # "US" is not "used"
        return False
    return a.startswith(b) or b.startswith(a) or (len(a) > 5 and len(b) > 5 and a[:6] == b[:6])


def mentions(name: str, text: str) -> bool:
    """Does `text` name `name` (in any word, capitalised or not)?"""
    return any(same_name(name, w) for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 1)
