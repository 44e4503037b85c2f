"""The data that flows through the pipeline: articles, chunks, passages, answers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Article:
    """One news article: full text plus what we know about where it came from."""

    id: str
    text: str
    title: str
    source: str
    outlet: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None


@dataclass(frozen=True)
class Chunk:
    """A token-bounded span of an article; `start`/`end` are char offsets into `Article.text`."""

    id: str
    article_id: str
    position: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk with its article metadata and relevance (cosine similarity)."""

    chunk_id: str
    article_id: str
    text: str
    title: str
    start: int
    end: int
    score: float
    outlet: str | None = None
    published: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Citation:
    """`[number]` in an answer's text points at `passage`."""

    number: int
    passage: Passage

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, **self.passage.to_dict()}


@dataclass(frozen=True)
class AnswerSentence:
    text: str
    citations: tuple[int, ...]
    inferred: bool = False  # citation attached after generation, not written by the model
    # "supported" by its own citations, "repaired" (cited to another passage that supports it),
    # "unsupported" (shown only in mark mode), "quote" (a passage sentence quoted verbatim),
    # or "unchecked" when the guard is off.
    verdict: str = "unchecked"
    score: float | None = None


@dataclass
class Answer:
    text: str
    citations: list[Citation]
    passages: list[Passage]
    prompt_version: str
    model: str
    question: str
    standalone_question: str
    abstained: bool = False
    sentences: list[AnswerSentence] = field(default_factory=list)
    raw_output: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    unsupported: list[str] = field(default_factory=list)  # sentences the guard removed or marked
    faithfulness: float | None = None  # share of the model's sentences its own citations support
    fallback: str | None = None  # "quotes" or "abstain" when no model sentence survived

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "standalone_question": self.standalone_question,
            "text": self.text,
            "abstained": self.abstained,
            "citations": [c.to_dict() for c in self.citations],
            "sentences": [
                {
                    "text": s.text,
                    "citations": list(s.citations),
                    "verdict": s.verdict,
                    "score": s.score,
                    "inferred": s.inferred,
                }
                for s in self.sentences
            ],
            "unsupported": self.unsupported,
            "faithfulness": self.faithfulness,
            "fallback": self.fallback,
            "passages": [p.to_dict() for p in self.passages],
            "prompt_version": self.prompt_version,
            "model": self.model,
            "raw_output": self.raw_output,
            "timings": self.timings,
        }


@dataclass(frozen=True)
class Token:
    """One streamed piece of the model's output, before citations are cleaned."""

    text: str


@dataclass(frozen=True)
class ArticleInfo:
    """What the index knows about one ingested article."""

    id: str
    title: str
    source: str
    content_hash: str
    chunk_count: int
    outlet: str | None = None
    published: str | None = None
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file or record, reason)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (article id, same text as)
    chunks_written: int = 0
    chunks_reused: int = 0  # written with the vector of an identical, already embedded text
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    def to_dict(self) -> dict[str, Any]:
        return {
            "ingested": self.ingested,
            "unchanged": self.unchanged,
            "failed": [{"source": s, "reason": r} for s, r in self.failed],
            "duplicates": [{"article_id": a, "same_as": b} for a, b in self.duplicates],
            "chunks_written": self.chunks_written,
            "chunks_reused": self.chunks_reused,
            "seconds": round(self.seconds, 3),
        }
