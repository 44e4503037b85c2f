"""Cite the passage behind answer sentences the model left uncited, when one clearly says it.

Small local models rarely write `[n]` markers even when shown how. Instead of showing such
sentences bare, each uncited sentence is aligned with the passages' own sentences (the
embedding model, cosine similarity) and cited only if the best match is close AND contains
every number and name the sentence mentions: a sentence that names a place no passage
mentions stays uncited, however similar it sounds. Citations found this way are marked
`inferred` so the UI and evals can tell them from the model's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from langchain_core.embeddings import Embeddings

from rag.chunk import sentence_spans
from rag.cite import ParsedAnswer, strip_markers
from rag.types import AnswerSentence, Citation, Passage

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# Capitalised words that are not names.
_COMMON = {
    "the", "a", "an", "and", "but", "or", "in", "on", "at", "of", "to", "for", "from", "by", "with",
    "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his",
    "her", "their", "yes", "no", "according", "however", "also", "as", "after", "before", "while",
    "answer", "passage", "passages", "article", "articles", "there", "is", "are", "was", "were",
}  # fmt: skip


def key_terms(claim: str) -> set[str]:
    """Numbers and capitalised words (names, places, months) that a supporting passage must contain."""
    terms = {n.replace(",", "") for n in _NUMBER.findall(claim)}
    for word in _WORD.findall(claim):
        if word[0].isupper() and word.lower() not in _COMMON:
            terms.add(word.lower().rstrip("’'s") or word.lower())
    return terms


_NEGATION = re.compile(r"\b(?:not|no|never|none|nor|neither|without|n't)\b|n't\b", re.IGNORECASE)


def negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def _contains_all(terms: set[str], text: str) -> bool:
    haystack = text.lower().replace(",", "")
    return all(term in haystack for term in terms)


@dataclass
class Attributor:
    embeddings: Embeddings
    min_similarity: float = 0.55

    def _claim(self, sentence: str, question: str) -> str:
        # A terse answer ("42.3%.") means little alone; read it with its question.
        return sentence if len(sentence.split()) >= 8 else f"{question} {sentence}"

    def best_passage(self, sentence: str, question: str, passages: list[Passage]) -> int | None:
        """Index of the passage that supports `sentence`, or None when none clearly does."""
        claim = strip_markers(sentence)
        terms = key_terms(claim)
        candidates = [(i, p.text[s:e]) for i, p in enumerate(passages) for s, e in sentence_spans(p.text)]
        # "X did not happen" is not supported by "X happened", however close the two are in
        # embedding space. The reverse is not checked: an affirmative claim is often backed
        # by a sentence with a negation elsewhere in it ("regions not controlled by ...").
        claim_negated = negated(claim)
        candidates = [
            (i, text)
            for i, text in candidates
            if _contains_all(terms, passages[i].text) and (negated(text) or not claim_negated)
        ]
        if not candidates or not claim:
            return None
        vectors = np.asarray(
            self.embeddings.embed_documents([self._claim(claim, question)] + [t for _, t in candidates])
        )
        scores = vectors[1:] @ vectors[0]
        best = int(np.argmax(scores))
        return candidates[best][0] if scores[best] >= self.min_similarity else None

    def __call__(self, parsed: ParsedAnswer, question: str, passages: list[Passage]) -> ParsedAnswer:
        if parsed.abstained or not passages or all(s.citations for s in parsed.sentences):
            return parsed
        citations = list(parsed.citations)
        number_of = {c.passage.chunk_id: c.number for c in citations}
        sentences: list[AnswerSentence] = []
        for sentence in parsed.sentences:
            found = None if sentence.citations else self.best_passage(sentence.text, question, passages)
            if found is None:
                sentences.append(sentence)
                continue
            passage = passages[found]
            if passage.chunk_id not in number_of:
                number_of[passage.chunk_id] = len(citations) + 1
                citations.append(Citation(number=len(citations) + 1, passage=passage))
            n = number_of[passage.chunk_id]
            text = re.sub(r"([.!?]?)$", f" [{n}]\\1", sentence.text.rstrip(), count=1)
            sentences.append(AnswerSentence(text=text, citations=(n,), inferred=True))
        return ParsedAnswer(
            text=" ".join(s.text for s in sentences),
            citations=citations,
            sentences=sentences,
            abstained=False,
        )
