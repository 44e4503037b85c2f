"""Aligning a claim's tokens with a source unit (sentence, clause or window): exact word, shared
stem, or close word-piece vectors; and the alignment features read from it (rag/answer/alignment.py)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from langchain_core.embeddings import Embeddings

from rag.answer.claim_tokens import _CLAUSE_BREAK, KIND_WEIGHT, Token, tokenize
from rag.ingest.chunk import sentence_spans


class WordVectors(Protocol):
    def similarity(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        """Cosine similarity matrix between two lists of lower-case words."""
        ...


class WordPieceVectors:
    """Static word vectors from the embedding model's input layer (mean of a word's pieces):
    no transformer pass, so aligning a word costs a lookup. Close for synonyms and
    inflections ("demanded"/"insisted" ≈ 0.5), far for different names or numbers."""

    def __init__(self, pieces: Callable[[str], list[int]], weights: np.ndarray) -> None:
        self.pieces = pieces
        self.table = weights / np.linalg.norm(weights, axis=1, keepdims=True)

    @classmethod
    def of_model(cls, model: Any) -> WordPieceVectors:
        """From a loaded sentence-transformers model (the torch backend)."""
        first = model[0]
        tokenizer = first.tokenizer
        weights = first.auto_model.embeddings.word_embeddings.weight.detach().cpu().numpy()
        return cls(lambda word: tokenizer(word, add_special_tokens=False)["input_ids"], weights)

    @classmethod
    def of_folder(cls, folder: Path) -> WordPieceVectors | None:
        """From the model folder's own files (tokenizer.json, model.safetensors), without loading torch:
        the same pieces and the same table as `of_model`. None when the folder lacks them."""
        tokenizer_file, weights_file = folder / "tokenizer.json", folder / "model.safetensors"
        if not (tokenizer_file.is_file() and weights_file.is_file()):
            return None
        from safetensors import safe_open
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(tokenizer_file))
        tokenizer.no_padding()
        tokenizer.no_truncation()
        with safe_open(str(weights_file), framework="numpy") as f:
            name = next((k for k in f.keys() if k.endswith("embeddings.word_embeddings.weight")), None)  # noqa: SIM118
            if name is None:
                return None
            weights = f.get_tensor(name).astype(np.float32)
        return cls(lambda word: tokenizer.encode(word, add_special_tokens=False).ids, weights)

    @lru_cache(maxsize=50_000)  # noqa: B019  (one instance per process)
    def vector(self, word: str) -> np.ndarray:
        ids = self.pieces(word) or [0]
        v = self.table[ids].mean(axis=0)
        return np.asarray(v / (np.linalg.norm(v) or 1.0))

    def similarity(self, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
        if not a or not b:
            return np.zeros((len(a), len(b)))
        return np.stack([self.vector(w) for w in a]) @ np.stack([self.vector(w) for w in b]).T


def word_vectors_for(embeddings: Embeddings) -> WordVectors | None:
    """Word-piece vectors of a sentence-transformers model; None for any other embeddings. Read from
    the model folder when the ONNX backend serves the embeddings, so the torch model never loads."""
    folder = getattr(embeddings, "word_vector_folder", None)
    if callable(folder):
        path = folder()
        vectors = WordPieceVectors.of_folder(path) if path is not None else None
        if vectors is not None:
            return vectors
    model = getattr(embeddings, "model", None)
    try:
        return WordPieceVectors.of_model(model) if model is not None else None
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
