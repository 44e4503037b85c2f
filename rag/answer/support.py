"""Does a passage support a claim? A score in [0, 1] and a verdict, offline and fast.

`AlignmentChecker` aligns the claim with the passages' own sentences (and pairs of adjacent
sentences) using the embedding model, then weighs lexical evidence where meaning hinges on
it: numbers, dates and names in the claim that the passage lacks, a negation the evidence
does not share, content words the passage never uses. A logistic model combines these
features; its weights were fitted on `evals/support_pairs.jsonl` (`python
benchmarks/support_checker.py --fit` prints them and the cross-validated accuracy).

Any other checker with the same `check` method (an NLI cross-encoder, an LLM judge) can
replace it (`answer.support_checker`; the token-alignment checker in rag/answer/alignment.py is
the precise one on real SmolLM2 sentences). `quoted` tells a claim the passage contains word for
word; the token checker supports such a claim without scoring it.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
from langchain_core.embeddings import Embeddings

from rag.ingest.chunk import sentence_spans
from rag.numbers import CARDINALS, ordinals

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_CONTENT = re.compile(r"[a-z0-9]+")
# "Refuse" as a noun, rubbish, before what carries or takes it: "Refuse lorries returned to Halvorne's eastern
# districts" denies nothing (explore42c q18 noted it against "The lorries are back in the east this week").
_REFUSE_AS_RUBBISH = (
    r"lorr(?:y|ies)",
    r"trucks?",
    r"collect\w*",
    r"bins?",
    r"sacks?",
    r"bags?",
    r"workers?",
    r"tips?",
    r"dumps?",
    r"disposal",
    r"vehicles?",
    r"crews?",
    r"services?",
    r"sites?",
    r"heaps?",
    r"piles?",
)
_NEGATION = re.compile(
    rf"\b(?:not|no|never|none|nor|neither|nothing|without|cannot|refuses?(?!\s+(?:{'|'.join(_REFUSE_AS_RUBBISH)})\b)|"
    r"refused|fails?|failed|lacks?|yet\s+to)\b|n['’]t\b"
    # "stopped treating sewage" says it is not treated, as "has not treated any sewage" does (blind explore48d q24 noted
    # the two as a change); not "the train stopped at Lunnet".
    r"|\b(?:stopped|ceased)(?=\s+[a-z]+ing\b)",
    re.IGNORECASE,
)
# A participle negated by its prefix: "runs untreated into the bay" negates "treated".
_UN_DONE = re.compile(r"\bun(?P<verb>[a-z]{3,}ed)\b", re.IGNORECASE)
# Capitalised words that are not names.
_COMMON = {
    "the", "a", "an", "and", "but", "or", "in", "on", "at", "of", "to", "for", "from", "by", "with",
    "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his",
    "her", "their", "yes", "no", "according", "however", "also", "as", "after", "before", "while",
    "answer", "passage", "passages", "article", "articles", "there", "is", "are", "was", "were",
    "despite", "meanwhile", "furthermore", "additionally", "instead", "if", "when", "although",
}  # fmt: skip
_STOP = _COMMON | {
    "has", "have", "had", "be", "been", "being", "do", "does", "did", "will", "would", "can", "could",
    "should", "may", "might", "must", "said", "says", "say", "than", "then", "which", "who", "whom",
    "what", "about", "into", "over", "more", "most", "other", "such", "not", "any", "all", "some",
    "only", "very", "so", "up", "out", "one", "two", "our", "your", "them", "him", "us",
}  # fmt: skip

FEATURES = (
    "sim_sentence",
    "sim_window",
    "coverage",
    "bigrams",
    "novel_words",
    "missing_numbers",
    "missing_names",
    "negation",
)
# A number's cardinal and ordinal count as one value here ("three" and "third"), with the other words for a few.
_NUMBER_WORDS = {w: str(n) for w, n in (CARDINALS | ordinals(1, 10)).items()}
_NUMBER_WORDS |= {"none": "0", "once": "1", "twice": "2", "both": "2", "dozen": "12"}
_CLAUSE_BREAK = re.compile(r"\s*[,;:—–]\s+|\s+-\s+")
# Fitted by `benchmarks/support_checker.py --fit` on evals/support_pairs.jsonl (all 216 pairs,
# logistic regression, C=1 chosen by 5-fold cross-validation).
WEIGHTS = {
    "bias": -5.665,
    "sim_sentence": 2.475,
    "sim_window": 1.926,
    "coverage": 1.281,
    "bigrams": 0.922,
    "novel_words": 0.592,  # positive: in the labelled set, paraphrases use new words and swaps don't
    "missing_numbers": -2.342,
    "missing_names": -1.138,
    "negation": -1.639,
}


def stem(word: str) -> str:
    if word.endswith("ss"):  # "dismiss", "progress": not plurals
        return word
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> set[str]:
    return {stem(w) for w in _CONTENT.findall(text.lower()) if len(w) > 2 and w not in _STOP}


def numbers(text: str) -> set[str]:
    """Digits and number words, as digit strings: "three rounds" and "3 rounds" agree."""
    found = {n.replace(",", "") for n in _NUMBER.findall(text)}
    found |= {_NUMBER_WORDS[w] for w in _CONTENT.findall(text.lower()) if w in _NUMBER_WORDS}
    return found


def bigram_overlap(claim: str, passage: str) -> float:
    """Share of the claim's consecutive word pairs that the passage also has: near 1 for a
    copied clause, lower for a paraphrase, however similar the meaning."""

    def pairs(text: str) -> set[tuple[str, str]]:
        words = _CONTENT.findall(text.lower())
        return set(itertools.pairwise(words))

    mine = pairs(claim)
    return len(mine & pairs(passage)) / len(mine) if mine else 1.0


def names(text: str) -> set[str]:
    """Capitalised words (people, places, months, organisations), lower-cased, possessives cut."""
    found = set()
    for word in _WORD.findall(text):
        if word[0].isupper() and word.lower() not in _COMMON:
            found.add(re.sub(r"[’']s$", "", word.lower()))
    return found


def _tokens(text: str) -> set[str]:
    """Lower-case word and number tokens, possessives cut, thousands separators removed."""
    return {re.sub(r"[’']s$", "", t) for t in re.findall(r"[a-z0-9’']+", text.lower().replace(",", ""))}


# A condition contrary to fact denies what it supposes: "It would be more convincing if the Commission had
# published the legal opinion" says it has not (blind explore22 q22 set it against "has still not published").
# Only beside "would", "could" or "might": "reporters asked if the ministry had received it" supposes nothing.
_CONTRARY_TO_FACT = re.compile(r"\bif\s+(?:[^,.;:!?]{0,60}?\s)?had(?!\s+(?:not|never)\b)(?=\s)", re.IGNORECASE)
_CONDITIONAL = re.compile(r"\b(?:would|could|might)\b", re.IGNORECASE)


def contrary_to_fact(text: str) -> list[re.Match[str]]:
    """The "if … had" of each supposition contrary to fact in `text`."""
    return list(_CONTRARY_TO_FACT.finditer(text)) if _CONDITIONAL.search(text) else []


# A negated subject denies its verb as well: "Not one relative has yet been allowed into a detention centre" says
# no one was allowed, against "the first families were allowed to visit" (blind explore31 q13 led with the column's
# words, the report beside them unflagged). Not a verb of a relative clause in the subject: "none of the states that had
# confirmed their attendance had withdrawn" (explore25b).
_NO_SUBJECT_DONE = re.compile(
    r"\b(?:no|not\s+(?:one|a\s+single)|none\s+of)\s+(?:(?!(?:that|which|who)\b)[a-z]+\s+){1,3}?(?:has|have|had|was|were)\s+"
    r"(?:yet\s+|so\s+far\s+|ever\s+|already\s+)?(?:been\s+)?(?!(?:not|never|no|any|a|an|the)\b)(?P<verb>[a-z]{3,})\b",
    re.IGNORECASE,
)


# The opening of a restrictive relative clause ("families who have", "those whose school has", no comma before it)
# right before a negation; not "that", which opens a report as often ("said that is not true"). "… will go on
# learning online" for "those whose school has not been cleared" denies no "Seventeen schools … have been cleared"
# (explore34 q24).
_PICKS_OUT = re.compile(
    r"(?<![,;])\s(?:who|whose\s+\w+(?:\s+\w+)?)\s+(?:has|have|had|is|are|was|were|do|does|did)\s+$", re.IGNORECASE
)


def negated_words(text: str) -> set[str]:
    """The word each negation applies to: the first content word after it ("not seeking"), or after the
    "had" of a supposition contrary to fact ("if they had signed"), and the verb of a negated subject ("no
    relative has been allowed")."""
    out: set[str] = {stem(m["verb"].lower()) for m in [*_NO_SUBJECT_DONE.finditer(text), *_UN_DONE.finditer(text)]}
    for m in [*_NEGATION.finditer(text), *contrary_to_fact(text)]:
        # "none of the states that had confirmed … had withdrawn" denies no state: its noun names whom it is said of
        # (explore25b set it against "the number of confirmed states has risen to 63").
        if m.group(0).lower() == "none" and re.match(r"\s+of\b", text[m.end() :]):
            continue
        # … nor does a restrictive relative clause, which picks out whom it is said of: "Families who have not yet given
        # reference samples are asked to contact …" says nothing against "1,870 families have given reference samples"
        # (explore27b).
        if _PICKS_OUT.search(text[: m.start()]):
            continue
        # "a success despite the government, not because of it" negates a reason, not a word the other side uses;
        # "has not yet approved it" negates "approved" (explore33c q30 read it as negating "yet", against "had not
        # approved").
        following = [
            w for w in _CONTENT.findall(text[m.end() :].lower())[:4] if w not in _STOP and w not in ("because", "yet")
        ]
        if following:
            out.add(stem(following[0]))
    return out


# Opposites a small model swaps in: either side in the claim with the other in the evidence.
_ANTONYMS = [
    ("continu", "paus"), ("continu", "halt"), ("continu", "stop"), ("agre", "refus"), ("agre", "reject"),
    ("accept", "reject"), ("increas", "decreas"), ("rise", "fall"), ("ris", "fell"), ("support", "oppos"),
    ("win", "lose"), ("won", "lost"), ("allow", "ban"), ("fail", "succeed"), ("before", "after"),
    ("sequential", "simultaneous"), ("strengthen", "weaken"), ("expand", "reduc"), ("open", "clos"),
]  # fmt: skip
_PREFIXES = ("un", "in", "dis", "im", "non")


def _opposed(a: set[str], b: set[str]) -> bool:
    """A word in `a` whose opposite (antonym, or the same word with/without un-, in-, dis-) is in `b`."""
    for x, y in _ANTONYMS:
        # … unless `b` says `x` as well, "re-" before it or not: "reopened …, after the commission lifted the closure"
        # against "… which the commission opened to them" (explore39b q13 noted a change).
        said = any(w.startswith((x, f"re{x}")) for w in b)
        if any(w.startswith(x) for w in a) and any(w.startswith(y) for w in b) and not said:
            return True
    return any(w.startswith(p) and w[len(p) :] in b and w not in b for w in a for p in _PREFIXES)


def _besides_negated(words: set[str], negated: set[str]) -> set[str]:
    """`words` without the un- words whose stem the other side negates: "untreated" is no opposite of "has not
    treated", both negate it."""
    return {w for w in words if not (w.startswith("un") and stem(w[2:]) in negated)}


def negation_conflict(claim: str, evidence: str) -> bool:
    """The claim negates what the evidence asserts, or asserts what the evidence negates.

    Only negations next to words both sides share count: "regions not controlled by Russian
    forces" does not conflict with "Putin demanded Kharkiv", but "Russia is seeking sanctions
    relief" conflicts with "Russia is not seeking sanctions relief"."""
    claim_words, evidence_words = content_words(claim), content_words(evidence)
    claim_negated, evidence_negated = negated_words(claim), negated_words(evidence)
    added = claim_negated & evidence_words - evidence_negated
    removed = evidence_negated & claim_words - claim_negated
    only_claim = _besides_negated(claim_words - evidence_words, evidence_negated)
    only_evidence = _besides_negated(evidence_words - claim_words, claim_negated)
    return bool(added or removed) or _opposed(only_claim, only_evidence) or _opposed(only_evidence, only_claim)


# A quote this short could be a fragment cut from around a negation ("want a ceasefire").
MIN_QUOTE_WORDS = 6
# Every quotation mark as one (a displayed quote turns the source's inner “…” into ‘…’), every dash as one.
_PLAIN = str.maketrans({'"': "'", "“": "'", "”": "'", "‘": "'", "’": "'", "—": "-", "–": "-"})


def _plain(text: str) -> str:
    return " ".join(text.translate(_PLAIN).lower().split())


# An aside the passage sets off by commas, brackets or dashes, within one sentence. One that opens
# with a condition or a contrast is not an aside: "Russia will agree, if sanctions are lifted, to a ceasefire".
_ASIDE = re.compile(
    r",\s+(?!(?:if|unless|provided|except|only|but|not|although|though|whereas|while)\b)[^,;:().!?]{1,120}?,\s+"
    r"|\s+\([^().!?]{1,120}\)|\s+-\s+[^-.!?]{1,120}?\s+-\s+"
)


def _unquoted(text: str) -> str:
    return " ".join(_plain(text).replace("'", "").split())


def quoted(claim: str, passage: str) -> bool:
    """The claim (final punctuation and quotation marks aside) appears word for word in the passage,
    or in the passage with one aside left out, and is at least `MIN_QUOTE_WORDS` long: what the
    passage says, whatever a learned score makes of it. The learned score is fitted to be strict (it
    refuses most reworded sentences), so the copies a model makes without the quotation marks
    ('described as difficult') or without an apposition ('Crimea will stay with Russia') are
    recognised here."""
    words = _unquoted(claim).strip(" .")
    if len(words.split()) < MIN_QUOTE_WORDS:
        return False
    text = _unquoted(passage)
    return words in text or any(
        words in " ".join(f"{text[: m.start()]} {text[m.end() :]}".split()) for m in _ASIDE.finditer(text)
    )


@dataclass(frozen=True)
class Verdict:
    score: float  # probability-like support score in [0, 1]
    supported: bool
    passage: int | None  # index of the best-supporting passage
    evidence: str  # the best-aligned passage sentence(s)
    features: dict[str, float] = field(default_factory=dict)


class SupportChecker(Protocol):
    threshold: float

    def check(self, claim: str, passages: Sequence[str]) -> Verdict: ...

    def check_many(self, claims: Sequence[str], passages: Sequence[str]) -> list[list[Verdict]]:
        """`result[i][j]`: claim i against passage j alone."""
        ...


@dataclass
class _Units:
    """Sentences and adjacent-sentence windows of the passages, embedded once."""

    texts: list[str]
    owner: list[int]  # passage index of each unit
    is_window: list[bool]
    vectors: np.ndarray


class AlignmentChecker:
    """Owns the support score of a claim against passages: aligned units, lexical features and the
    fitted logistic weights. Calls only the embedding model."""

    def __init__(self, embeddings: Embeddings, threshold: float = 0.5, weights: dict[str, float] | None = None):
        self.embeddings = embeddings
        self.threshold = threshold
        self.weights = weights or WEIGHTS

    def _units(self, passages: Sequence[str], claims: Sequence[str]) -> _Units:
        """Sentences, clauses and adjacent-sentence windows worth aligning with the claims.

        Embedding is the cost here (~150 short texts/s on two CPU cores), so a unit sharing
        fewer than two content words with every claim is skipped: it cannot be the best
        alignment of a claim that the passage supports."""
        wanted = [content_words(c) for c in claims]
        texts, owner, is_window = [], [], []

        def keep(text: str) -> bool:
            words = content_words(text)
            return any(len(words & w) >= min(2, len(w)) for w in wanted)

        for i, passage in enumerate(passages):
            sentences = [passage[s:e] for s, e in sentence_spans(passage)] or [passage]
            for j, sentence in enumerate(sentences):
                # A claim often copies one clause of a long sentence: the clauses, and each
                # clause with its neighbour, are aligned too.
                clauses = [c for c in _CLAUSE_BREAK.split(sentence) if len(c.split()) >= 3]
                pieces = [sentence]
                if len(clauses) > 1:
                    pieces += clauses + [f"{a} {b}" for a, b in itertools.pairwise(clauses)]
                for piece in filter(keep, pieces):
                    texts.append(piece)
                    owner.append(i)
                    is_window.append(False)
                if j + 1 < len(sentences) and keep(window := f"{sentence} {sentences[j + 1]}"):
                    texts.append(window)
                    owner.append(i)
                    is_window.append(True)
        vectors = np.asarray(self.embeddings.embed_documents(texts)) if texts else np.zeros((0, 1))
        return _Units(texts, owner, is_window, vectors)

    def features(self, claim: str, claim_vector: np.ndarray, units: _Units, passage: str, index: int) -> dict:
        mine = [u for u in range(len(units.texts)) if units.owner[u] == index]
        sims = units.vectors[mine] @ claim_vector if mine else np.zeros(0)
        sentence_sims = [s for s, u in zip(sims, mine, strict=True) if not units.is_window[u]] or [0.0]
        window_sims = [s for s, u in zip(sims, mine, strict=True) if units.is_window[u]] or sentence_sims
        best = units.texts[mine[int(np.argmax(sims))]] if mine else passage  # nothing aligned: sims are 0
        words = content_words(claim)
        present = content_words(passage)
        tokens = _tokens(passage)
        passage_numbers = numbers(passage)
        return {
            "sim_sentence": float(max(sentence_sims)),
            "sim_window": float(max(window_sims)),
            "coverage": len(words & present) / len(words) if words else 1.0,
            "bigrams": bigram_overlap(claim, passage),
            "novel_words": float(len(words - present)),
            "missing_numbers": float(len(numbers(claim) - passage_numbers)),
            "missing_names": float(sum(1 for n in names(claim) if n not in tokens)),
            "negation": float(negation_conflict(claim, best)),
            "_evidence": best,  # type: ignore[dict-item]
        }

    def score(self, features: dict[str, float]) -> float:
        z = self.weights["bias"] + sum(self.weights[name] * features[name] for name in FEATURES)
        return 1.0 / (1.0 + math.exp(-z))

    def check_many(self, claims: Sequence[str], passages: Sequence[str]) -> list[list[Verdict]]:
        units = self._units(passages, claims)
        claim_vectors: Any = np.asarray(self.embeddings.embed_documents(list(claims))) if claims else []
        results = []
        for claim, vector in zip(claims, claim_vectors, strict=True):
            row = []
            for j, passage in enumerate(passages):
                f = self.features(claim, vector, units, passage, j)
                evidence = str(f.pop("_evidence"))
                s = self.score(f)
                row.append(Verdict(round(s, 4), s >= self.threshold, j, evidence, f))
            results.append(row)
        return results

    def check(self, claim: str, passages: Sequence[str]) -> Verdict:
        """The best support any one of `passages` gives the claim."""
        row = self.check_many([claim], passages)[0]
        if not row:
            return Verdict(0.0, False, None, "")
        return max(row, key=lambda v: v.score)
