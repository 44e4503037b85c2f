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

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings

from rag.answer.align import (
    Alignment,
    WordVectors,
    _bigrams,
    _present,
    _role_flip,
    _span,
    _to_embed,
    _Unit,
    _weighted_miss,
    align,
    units_of,
    word_vectors_for,
)
from rag.answer.claim_tokens import FEATURES, Token, tokenize
from rag.answer.support import SupportChecker, Verdict, negation_conflict, quoted

MODEL_FILE = Path(__file__).with_name("support_model.json")


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
        # A verbatim quote (what the evidence-first modes display) is supported unscored: the learned
        # score of a two-sentence quote can fall under the threshold although it is the passage's text.
        copies = {(c, p) for c in claims for p in passages if quoted(c, p)}
        scored = [(c, p) for c in claims for p in passages if (c, p) not in copies]
        found = dict(zip(scored, self.features_many(scored), strict=True))
        out = []
        for c in claims:
            row = []
            for j, passage in enumerate(passages):
                if (c, passage) in copies:
                    row.append(Verdict(1.0, True, j, c))
                    continue
                f, evidence = found[(c, passage)]
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
