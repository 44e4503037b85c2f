"""Claim-to-evidence token alignment: which words of a claim the evidence accounts for.

`TokenAlignmentChecker` owns the decision "does this passage support this claim?" for the
answer guard and the eval metrics (the `SupportChecker` protocol in rag/answer/support.py), and
"does this sentence answer the question?" (`answers`). For each claim it
1. splits each passage into sentences, clauses and two-sentence windows (units);
2. aligns the claim's tokens with each unit: exact word, shared stem, or (for ordinary
   words only) close word-piece embeddings of MiniLM's input layer;
3. keeps the units that align best and embeds only those (the embedding model is the cost);
4. turns the alignment with the best unit into features: the unmatched claim tokens weighted
   by kind (names, numbers, dates, ordinals, negation, verbs of role), a name that changed
   places (who did what to whom), how far apart the aligned words lie in the evidence (two
   true sentences spliced into a false one), a bounded count of words the passage never uses;
5. combines them with a small logistic model whose weights live in rag/answer/support_model.json,
   written by `scripts/fit_support_model.py` (the data and how it was split are described there).
A claim is supported when the model's probability reaches `threshold`.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from langchain_core.embeddings import Embeddings

from rag.answer.support import SupportChecker, Verdict, negation_conflict
from rag.ingest.chunk import sentence_spans

MODEL_FILE = Path(__file__).with_name("support_model.json")

_TOKEN = re.compile(r"\$?\d+(?:[.,]\d+)*(?:%|bn|m|st|nd|rd|th)?|[A-Za-z][A-Za-z'’-]*")
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
_ORDINALS = {
    w: str(i + 1)
    for i, w in enumerate(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
         "twelfth"]
    )
}  # fmt: skip
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
} | {"dozen": "12", "twenty": "20", "thirty": "30", "hundred": "100", "thousand": "1000", "million": "1000000"}
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
FEATURES_VERSION = 5
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


class WordVectors(Protocol):
    def similarity(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        """Cosine similarity matrix between two lists of lower-case words."""
        ...


class WordPieceVectors:
    """Static word vectors from the embedding model's input layer (mean of a word's pieces):
    no transformer pass, so aligning a word costs a lookup. Close for synonyms and
    inflections ("demanded"/"insisted" ≈ 0.5), far for different names or numbers."""

    def __init__(self, model: Any) -> None:
        first = model[0]
        self.tokenizer = first.tokenizer
        weights = first.auto_model.embeddings.word_embeddings.weight.detach().cpu().numpy()
        self.table = weights / np.linalg.norm(weights, axis=1, keepdims=True)

    @lru_cache(maxsize=50_000)  # noqa: B019  (one instance per process)
    def vector(self, word: str) -> np.ndarray:
        ids = self.tokenizer(word, add_special_tokens=False)["input_ids"] or [0]
        v = self.table[ids].mean(axis=0)
        return np.asarray(v / (np.linalg.norm(v) or 1.0))

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        if not a or not b:
            return np.zeros((len(a), len(b)))
        return np.stack([self.vector(w) for w in a]) @ np.stack([self.vector(w) for w in b]).T


def word_vectors_for(embeddings: Embeddings) -> WordVectors | None:
    """Word-piece vectors of a sentence-transformers model; None for any other embeddings."""
    model = getattr(embeddings, "model", None)
    try:
        return WordPieceVectors(model) if model is not None else None
    except (AttributeError, TypeError, IndexError):
        return None


@dataclass(frozen=True)
class Alignment:
    hard: list[float]  # per claim token: 1 exact/stem/value match, else 0
    soft: list[float]  # per claim token: best match score including word-piece similarity
    position: list[int]  # per claim token: index of its counterpart in the unit, -1 if none


def align(claim: list[Token], unit: list[Token], vectors: WordVectors | None, soft_floor: float = 0.55) -> Alignment:
    """Each scored claim token's best counterpart in the unit."""
    scored = [t for t in claim if t.kind != "stop"]
    hard, soft, position = [], [], []
    words = [t for t in scored if t.kind in ("word", "role")]
    unit_words = [(j, u) for j, u in enumerate(unit) if u.kind in ("word", "role")]
    sims = vectors.similarity([t.lower for t in words], [u.lower for _, u in unit_words]) if vectors else None
    row_of = {id(t): r for r, t in enumerate(words)}
    for t in scored:
        best, best_j = 0.0, -1
        for j, u in enumerate(unit):
            if u.kind == "stop":
                continue
            if t.kind in ("number", "date", "ordinal") or u.kind in ("number", "ordinal"):
                same = t.value == u.value
            else:
                same = t.lower == u.lower or t.stem == u.stem
            if same:
                best, best_j = 1.0, j
                break
        hard.append(best)
        if best < 1.0 and sims is not None and id(t) in row_of and unit_words:
            r = row_of[id(t)]
            k = int(np.argmax(sims[r]))
            if sims[r, k] >= soft_floor:
                best, best_j = float(sims[r, k]), unit_words[k][0]
        soft.append(best)
        position.append(best_j)
    return Alignment(hard, soft, position)


def _to_embed(tokens: list[Token], best: list[tuple[_Unit, Alignment]]) -> list[tuple[_Unit, Alignment]]:
    """The sentence-level candidate, and the window only when it leaves less of the claim unmatched."""
    if not best:
        return []
    floor = _weighted_miss(tokens, best[0][1].soft)
    return [best[0], *(x for x in best[1:] if _weighted_miss(tokens, x[1].soft) < floor)]


@lru_cache(maxsize=256)
def _present(passage: str) -> frozenset[str]:
    """Every value and stem in a passage (a passage is checked against several claims)."""
    tokens = tokenize(passage)
    return frozenset({t.value for t in tokens} | {t.stem for t in tokens})


def _weighted_miss(claim: list[Token], scores: list[float]) -> float:
    scored = [t for t in claim if t.kind != "stop"]
    total = sum(KIND_WEIGHT[t.kind] for t in scored)
    if not total:
        return 0.0
    return sum(KIND_WEIGHT[t.kind] * (1 - s) for t, s in zip(scored, scores, strict=True)) / total


def _role_flip(claim: list[Token], unit: list[Token], a: Alignment) -> float:
    """1 when two names keep their words but trade places around a role word (who did what
    to whom); a passive voice ("by") in either text does not count as a flip."""
    scored = [t for t in claim if t.kind != "stop"]
    names = [(i, a.position[i]) for i, t in enumerate(scored) if t.kind == "name" and a.hard[i] == 1.0]
    if len(names) < 2 or any(u.lower == "by" for u in unit) or any(t.lower == "by" for t in claim):
        return 0.0
    for (i1, p1), (i2, p2) in itertools.combinations(names, 2):
        if scored[i1].stem != scored[i2].stem and p1 > p2 and abs(p1 - p2) > 1:
            return 1.0
    return 0.0


def _span(a: Alignment, n_claim: int) -> tuple[float, float]:
    """(spread of aligned positions / claim length, share of jumps > 4 between consecutive words)."""
    pos = [p for p in a.position if p >= 0]
    if len(pos) < 2:
        return 0.0, 0.0
    spread = (max(pos) - min(pos) + 1) / max(n_claim, 1)
    jumps = sum(1 for x, y in itertools.pairwise(pos) if abs(y - x) > 4)
    return min(spread / 3.0, 1.0), jumps / (len(pos) - 1)


def _bigrams(claim: list[Token], unit: list[Token]) -> float:
    def pairs(tokens: list[Token]) -> set[tuple[str, str]]:
        return set(itertools.pairwise(t.stem for t in tokens))

    mine = pairs(claim)
    return len(mine & pairs(unit)) / len(mine) if mine else 1.0


@dataclass
class _Unit:
    text: str
    tokens: list[Token]
    window: bool


def units_of(passage: str) -> list[_Unit]:
    """Sentences, their clauses (with a neighbour clause) and two-sentence windows."""
    sentences = [passage[s:e].strip() for s, e in sentence_spans(passage)] or [passage]
    out: list[_Unit] = []
    for j, sentence in enumerate(sentences):
        pieces = [sentence]
        clauses = [c for c in _CLAUSE_BREAK.split(sentence) if len(c.split()) >= 3]
        if len(clauses) > 1:
            pieces += clauses + [f"{a} {b}" for a, b in itertools.pairwise(clauses)]
        out += [_Unit(p, tokenize(p), False) for p in pieces]
        if j + 1 < len(sentences):
            window = f"{sentence} {sentences[j + 1]}"
            out.append(_Unit(window, tokenize(window), True))
    return out


@dataclass(frozen=True)
class SupportModel:
    """Logistic weights over FEATURES, the threshold chosen when they were fitted, and a
    version recorded in reports."""

    version: str
    bias: float
    weights: dict[str, float]
    threshold: float
    mean: dict[str, float]
    scale: dict[str, float]

    @classmethod
    def load(cls, path: Path = MODEL_FILE) -> SupportModel:
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(data["version"], data["bias"], data["weights"], data["threshold"], data["mean"], data["scale"])

    def probability(self, features: dict[str, float]) -> float:
        z = self.bias + sum(
            w * (features[name] - self.mean[name]) / self.scale[name] for name, w in self.weights.items()
        )
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))


class TokenAlignmentChecker:
    """Supports (`check`, `check_many`) and relevance (`answers`) from token alignment plus a
    few sentence-embedding similarities; see the module docstring."""

    def __init__(
        self,
        embeddings: Embeddings,
        threshold: float | None = None,
        model: SupportModel | None = None,
        word_vectors: WordVectors | None = None,
        relevance_threshold: float = 0.35,
    ) -> None:
        self.embeddings = embeddings
        self.model = model or SupportModel.load()
        self.threshold = self.model.threshold if threshold is None else threshold
        self.word_vectors = word_vectors if word_vectors is not None else word_vectors_for(embeddings)
        self.relevance_threshold = relevance_threshold
        self._vectors: dict[str, np.ndarray] = {}
        self.max_cached = 20_000

    def _embed(self, texts: list[str]) -> dict[str, np.ndarray]:
        missing = [t for t in dict.fromkeys(texts) if t not in self._vectors]
        if missing:
            if len(self._vectors) + len(missing) > self.max_cached:  # bounded memory in a long-running app
                self._vectors.clear()
            self._vectors.update(zip(missing, np.asarray(self.embeddings.embed_documents(missing)), strict=True))
        return {t: self._vectors[t] for t in texts}

    def _candidates(self, claim: list[Token], units: list[_Unit]) -> list[tuple[_Unit, Alignment]]:
        """The sentence or clause and the two-sentence window whose alignments leave the least
        of the claim unmatched (sentence-level first). Units sharing the fewest words with the
        claim are dropped before the (slower) alignment."""
        wanted = {t.value for t in claim if t.kind != "stop"}
        shared = [len(wanted & {t.value for t in u.tokens}) for u in units]
        if len(units) > 12:
            keep = sorted(range(len(units)), key=lambda i: -shared[i])[:12]
            units = [units[i] for i in sorted(keep)]
        aligned = [(u, align(claim, u.tokens, self.word_vectors)) for u in units]
        aligned.sort(key=lambda x: (_weighted_miss(claim, x[1].soft), len(x[0].tokens)))
        sentence = [x for x in aligned if not x[0].window][:1]
        window = [x for x in aligned if x[0].window][:1]
        return sentence + window

    def _prepare(self, claim: str, units: list[_Unit]) -> tuple[list[Token], list[tuple[_Unit, Alignment]]]:
        tokens = tokenize(claim)
        if not units or not any(t.kind != "stop" for t in tokens):
            return tokens, []
        return tokens, self._candidates(tokens, units)

    def _finish(
        self, claim: str, passage: str, tokens: list[Token], best: list[tuple[_Unit, Alignment]]
    ) -> tuple[dict[str, float], str]:
        scored = [t for t in tokens if t.kind != "stop"]
        if not best:
            return dict.fromkeys(FEATURES, 0.0) | {"hard_miss": 1.0, "soft_miss": 1.0}, ""
        # The model is the cost: the best sentence-level unit is embedded, and the two-sentence
        # window only when it accounts for more of the claim (a claim drawn from two sentences).
        _, sa = best[0]
        units = _to_embed(tokens, best)
        vectors = self._embed([claim, *(u.text for u, _ in units)])
        sims = [float(vectors[u.text] @ vectors[claim]) for u, _ in units]
        k = max(range(len(units)), key=lambda i: sims[i] - _weighted_miss(tokens, units[i][1].soft))
        sim = sims[k]
        unit, a = units[k]
        # Names and numbers must sit in one sentence: a window lets a name from the next
        # sentence stand in for the one the claim changed.
        sentence_cover = 1 - _weighted_miss(tokens, sa.hard)
        present = _present(passage)
        missing = [t for t, h in zip(scored, sa.hard, strict=True) if h < 1.0]
        names = [t for t in missing if t.kind == "name"]
        nums = [t for t in missing if t.kind in ("number", "date", "ordinal")]
        roles = [t for t, s in zip(scored, a.soft, strict=True) if t.kind == "role" and s < 0.7]
        novel = {t.stem for t in scored if t.kind in ("word", "role", "name") and t.stem not in present}
        spread, breaks = _span(a, len(scored))
        flip = _role_flip(tokens, unit.tokens, a)
        negated = negation_conflict(claim, unit.text)
        return {
            "sim": sim,
            "hard_miss": _weighted_miss(tokens, a.hard),
            "soft_miss": _weighted_miss(tokens, a.soft),
            "names_missing": min(len(names), 3) / 3,
            "names_elsewhere": min(sum(t.stem in present for t in names), 3) / 3,
            "numbers_missing": min(len(nums), 3) / 3,
            "numbers_elsewhere": min(sum(t.value in present for t in nums), 3) / 3,
            "roles_missing": min(len(roles), 3) / 3,
            "negation": float(negated),
            "role_flip": flip,
            "novel_words": min(len(novel), 6) / 6,
            "span": spread,
            "breaks": breaks,
            "bigrams": _bigrams(tokens, unit.tokens),
            "sentence_cover": sentence_cover,
            "length": min(len(scored) / 40, 1.0),
            "unmatched": min(sum(1 for s in a.soft if s < 0.7), 6) / 6,
            # A copy with two names traded or a negation flipped is not a copy.
            "near_copy": float(sentence_cover >= 0.95 and not flip and not negated),
        }, unit.text

    def features_many(self, pairs: Sequence[tuple[str, str]]) -> list[tuple[dict[str, float], str]]:
        """Features and best-aligned unit for each (claim, passage); the candidate units of all
        pairs are embedded in one batch (one model call instead of one per pair)."""
        units: dict[str, list[_Unit]] = {}
        prepared = []
        for claim, passage in pairs:
            if passage not in units:
                units[passage] = units_of(passage)
            prepared.append(self._prepare(claim, units[passage]))
        texts = [
            t
            for (claim, _), (tokens, best) in zip(pairs, prepared, strict=True)
            for t in (claim, *(u.text for u, _ in _to_embed(tokens, best)))
        ]
        self._embed(texts)
        return [self._finish(c, p, tokens, best) for (c, p), (tokens, best) in zip(pairs, prepared, strict=True)]

    def features_for(self, claim: str, passage: str) -> tuple[dict[str, float], str]:
        """Feature values and the best-aligned unit's text for one claim and one passage."""
        return self.features_many([(claim, passage)])[0]

    def check_many(self, claims: Sequence[str], passages: Sequence[str]) -> list[list[Verdict]]:
        found = iter(self.features_many([(c, p) for c in claims for p in passages]))
        out = []
        for _ in claims:
            row = []
            for j in range(len(passages)):
                f, evidence = next(found)
                p = self.model.probability(f)
                row.append(Verdict(round(p, 4), p >= self.threshold, j, evidence, f))
            out.append(row)
        return out

    def check(self, claim: str, passages: Sequence[str]) -> Verdict:
        """The best support any one of `passages` gives the claim."""
        row = self.check_many([claim], passages)[0]
        return max(row, key=lambda v: v.score) if row else Verdict(0.0, False, None, "")

    def relevance(self, question: str, sentence: str) -> float:
        """How well `sentence` answers `question`, in [0, 1]: embedding cosine, raised when the
        sentence carries what the question asks for (a name for who, a number for how many,
        a date for when) and lowered when it shares none of the question's content words."""
        vectors = self._embed([question, sentence])
        score = float(vectors[question] @ vectors[sentence])
        q, s = tokenize(question), tokenize(sentence)
        q_words = {t.stem for t in q if t.kind in ("word", "role", "name")}
        s_words = {t.stem for t in s if t.kind in ("word", "role", "name")}
        overlap = len(q_words & s_words) / len(q_words) if q_words else 0.0
        wants = _wanted_kind(question)
        has = wants is None or any(t.kind in wants for t in s)
        score = 0.7 * score + 0.3 * overlap
        return max(0.0, min(1.0, score if has else score * 0.6))

    def answers(self, question: str, sentence: str) -> bool:
        """Does `sentence` answer `question`? `relevance` at or above `relevance_threshold`."""
        return self.relevance(question, sentence) >= self.relevance_threshold


def _wanted_kind(question: str) -> set[str] | None:
    q = question.lower()
    if re.match(r"\s*(how many|how much|what share|what percentage)", q):
        return {"number"}
    if re.match(r"\s*(when|in which year|what year|on what date)", q):
        return {"date", "number"}
    if re.match(r"\s*who\b", q):
        return {"name"}
    return None


def make_checker(
    kind: str, embeddings: Embeddings, threshold: float | None = None, word_vectors: WordVectors | None = None
) -> SupportChecker:
    """The support checker `answer.support_checker` names: 'tokens' (this module) or 'alignment'
    (rag/answer/support.py, threshold 0.5 unless given)."""
    if kind == "tokens":
        return TokenAlignmentChecker(embeddings, threshold=threshold, word_vectors=word_vectors)
    from rag.answer.support import AlignmentChecker

    return AlignmentChecker(embeddings, threshold=0.5 if threshold is None else threshold)
