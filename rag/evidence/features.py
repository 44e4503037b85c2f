"""The signals the selector combines, one row per candidate span.

The order of `FEATURES` is the order of the weights in the selector's JSON file; a file
fitted on another list is refused at load time.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from rag.evidence.candidates import Candidate
from rag.evidence.entities import has_new_info, has_type, is_body
from rag.evidence.question import QuestionInfo, content_stems, matches

FEATURES = (
    "cos",  # question-span cosine (MiniLM)
    "cos_gap",  # cos minus the best cos among the candidates
    "cos_rank",  # 1 / (1 + rank by cos)
    "bm25",  # BM25 of the question over the candidate sentences, over the best
    "bm25_rank",
    "coverage",  # share of the question's key terms in the span
    "name_coverage",  # share of the question's names in the span
    "type_match",  # the question asks for a type (who, when...) and the span holds one it lacks
    "type_miss",  # it asks for one and the span holds none
    "new_info",  # a name, number or date the question does not contain
    "novelty",  # share of the span's words not in the question
    "passage_rank",  # 1 / (1 + the passage's retrieval rank)
    "passage_score",  # the passage's retrieval score
    "length",  # log content words
    "pair",  # two sentences joined
)

# Whether the chosen evidence answers at all: absolute signals, where the span features are
# mostly relative to the best candidate of the same question.
ANSWER_FEATURES = (
    "best_score",  # the best span's probability
    "best_cos",  # the best sentence cosine
    "best_coverage",  # the most key terms one candidate covers
    "best_name_coverage",
    "names_missing",  # share of the question's names in no evidence (nor the sentence before it)
    "has_names",
    "type_found",  # 0 for a when / how-many question whose evidence holds no date / number
    "passage_score",  # the best passage's retrieval score
)


def _bm25(
    query: list[str], docs: list[list[str]], corpus: list[list[str]], k1: float = 1.2, b: float = 0.75
) -> np.ndarray:
    """BM25 of `query` for each of `docs`, with IDF and mean length taken from `corpus` (the sentences)."""
    n = len(corpus)
    avgdl = sum(len(d) for d in corpus) / max(n, 1) or 1.0
    df: dict[str, int] = {}
    for d in corpus:
        for t in set(d):
            df[t] = df.get(t, 0) + 1
    idf = {t: math.log(1 + (n - df.get(t, 0) + 0.5) / (df.get(t, 0) + 0.5)) for t in set(query)}
    scores = np.zeros(len(docs))
    for i, d in enumerate(docs):
        counts: dict[str, int] = {}
        for t in d:
            counts[t] = counts.get(t, 0) + 1
        for t in set(query):
            f = counts.get(t, 0)
            if f:
                scores[i] += idf[t] * f * (k1 + 1) / (f + k1 * (1 - b + b * len(d) / avgdl))
    return scores


def _ranks(values: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """1 / (1 + how many of `reference` score strictly higher): pairs are ranked among the
    sentences, as the selector was trained on sentences."""
    return np.array([1.0 / (1.0 + float(np.sum(reference > v))) for v in values])


# "Varnia-Ostrel talks": a compound of two names is named by its names ("talks between Varnia and Ostrel").
_NAME_JOIN = re.compile(r"(?<=[a-z])[-–](?=[A-Z])")


def _name_stems(name: str) -> list[str]:
    return content_stems(_NAME_JOIN.sub(" ", name))


def name_stems(question: QuestionInfo) -> list[list[str]]:
    return [_name_stems(name) for name in question.names]


def covered(terms: list[str], stems: set[str]) -> bool:
    """All of `terms` are in `stems`."""
    return bool(terms) and all(matches(t, stems) for t in terms)


def _with_parts(stems: set[str]) -> set[str]:
    """`stems` and the parts of its hyphenated ones: a name's stems are split at its hyphens ("Venkova-Marr" is
    "venkova", "marr"), a text's are not ("Aurelia Venkova-Marr" gives "venkova-marr"), and "Has Venkova-Marr
    actually started as envoy yet?" was told "The indexed articles don't mention Venkova-Marr" (blind explore24b
    q28)."""
    return stems | {part for s in stems if "-" in s for part in s.split("-") if part}


def name_found(name: list[str], stems: set[str]) -> bool:
    """A name's stems are in `stems`: a one-word name itself, a longer one at least half of its
    words (a second mention drops the first name: "Rupert Murdoch", then "Murdoch")."""
    stems = _with_parts(stems)
    found = sum(matches(t, stems) for t in name)
    return bool(name) and (found == len(name) or (len(name) > 1 and 2 * found >= len(name)))


_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")


def names_found(names: Sequence[str], text: str) -> set[str]:
    """The names of `names` that `text` names, by the test the selector's missing names use; a
    name found by part of its words only where those words are capitalised in `text` ("Murdoch"
    names "Rupert Murdoch", "flattening stone and mud-brick homes" does not name "Rolling Stones"),
    but a body's by any ("the department" names the "Justice Department")."""
    stems = _with_parts(set(content_stems(text)))
    capitalised = set(content_stems(" ".join(_CAPITALISED.findall(text))))
    found = set()
    for n in names:
        words = _name_stems(n)
        if covered(words, stems) or name_found(words, stems if is_body(n) else capitalised):
            found.add(n)
    return found


def featurize(
    question: QuestionInfo, candidates: list[Candidate], cosines: np.ndarray, sentence_tokens: list[list[str]]
) -> np.ndarray:
    """A (len(candidates), len(FEATURES)) matrix. The candidates are the single sentences first,
    `len(sentence_tokens)` of them (the BM25 corpus and the reference for the relative
    features), then any pairs; `cosines` are the candidates' cosines to the question."""
    tokens = [content_stems(c.text) for c in candidates]
    bm25 = _bm25(list(question.terms), tokens, sentence_tokens)
    n = len(sentence_tokens)
    best_bm25 = float(bm25[:n].max()) if n and bm25[:n].max() > 0 else 1.0
    names = name_stems(question)
    typed = question.answer_type != "other"
    q_terms = set(question.terms)
    rows = []
    for c, toks, cos, score in zip(candidates, tokens, cosines, bm25, strict=True):
        stems = set(toks)
        coverage = sum(matches(t, stems) for t in question.terms) / max(len(question.terms), 1)
        name_cov = sum(name_found(n, stems) for n in names) / len(names) if names else coverage
        kind = has_type(c.text, question.answer_type, question) if typed else False
        novel = sum(not matches(t, q_terms) for t in stems) / max(len(stems), 1)
        rows.append(
            [
                float(cos),
                0.0,
                0.0,
                float(score) / best_bm25,
                0.0,
                coverage,
                name_cov,
                float(typed and kind),
                float(typed and not kind),
                float(has_new_info(c.text, question)),
                novel,
                1.0 / (1.0 + c.rank),
                float(c.passage.score),
                math.log1p(len(toks)),
                float(c.is_pair),
            ]
        )
    x = np.array(rows, dtype=float).reshape(len(candidates), len(FEATURES))
    if n:
        x[:, 1] = x[:, 0] - x[:n, 0].max()
        x[:, 2] = _ranks(x[:, 0], x[:n, 0])
        x[:, 4] = _ranks(bm25, bm25[:n])
    return x
