"""Does a sentence answer the question asked? A true sentence about something else is no answer.

A generated sentence is judged against the evidence it was composed from: the selector already
found that evidence answers the question, so a sentence that keeps what the evidence says about
the question scores near its evidence's similarity to the question, and one that kept only a side
remark scores well below it. Score: cosine(question, sentence) / cosine(question, evidence),
capped at 1, with the same embedding model as retrieval.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings


class RelevanceChecker:
    """Owns the answers-the-question score of generated sentences. Calls only the embeddings."""

    def __init__(self, embeddings: Embeddings, threshold: float) -> None:
        self.embeddings = embeddings
        self.threshold = threshold

    def scores(self, question: str, sentences: Sequence[str], evidence: Sequence[str]) -> list[float]:
        """For each sentence, its similarity to the question relative to its evidence's (0..1)."""
        if not sentences:
            return []
        vectors = np.asarray(self.embeddings.embed_documents([question, *sentences, *evidence]))
        q = vectors[0]
        own = vectors[1 : 1 + len(sentences)] @ q
        ref = vectors[1 + len(sentences) :] @ q
        out = []
        for i, score in enumerate(own):
            base = float(ref[i]) if i < len(ref) else float(max(ref, default=score))
            out.append(round(min(1.0, max(0.0, float(score)) / max(base, 1e-6)), 4))
        return out


def selector_relevance(selector: Any, question: str, sentences: Sequence[str]) -> list[float]:
    """Each sentence's probability of answering the question by the evidence selector's own model
    (the eval metric `answer_relevance`): the sentences are scored as if they were candidates."""
    from rag.evidence.question import analyze
    from rag.types import Passage

    if not sentences:
        return []
    passages = [
        Passage(chunk_id=f"answer#{i}", article_id="answer", text=s, title="", start=0, end=len(s), score=1.0)
        for i, s in enumerate(sentences)
    ]
    candidates, probabilities = selector.score(analyze(question), passages)
    best = [0.0] * len(sentences)
    for candidate, p in zip(candidates, probabilities, strict=True):
        i = int(candidate.passage.chunk_id.split("#")[1])
        best[i] = max(best[i], float(p))
    return best
