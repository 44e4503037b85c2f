"""The data that flows through the pipeline: articles, chunks, passages, answers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from typing_extensions import TypedDict  # pydantic validates only this one before Python 3.12


class Turn(TypedDict):
    """One message of a conversation, in the shape chat APIs use."""

    role: Literal["user", "assistant"]
    content: str


History = Sequence[Turn]  # oldest first; the question being asked is not part of it


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
    genre: str | None = None  # "opinion" or "analysis" where the outlet marks it so (rag/ingest/genre.py)


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
    """A retrieved chunk with its article metadata and relevance (cosine similarity).

    `text` is as the store hands it out: text addressed to a model is already blanked
    (rag/store/injection.py), so nothing downstream can read it."""

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
    genre: str | None = None  # "opinion" or "analysis"; None for news

    @property
    def commentary(self) -> bool:
        """An opinion or analysis piece: its date is when it was written, not when what it restates was
        reported, so it never stands for the latest report (rag/news/recency.py)."""
        return self.genre is not None

    def about(self, sep: str = ", ") -> str:
        """The passage's source line: outlet, publication date and genre, whichever are known."""
        return sep.join(x for x in (self.outlet, self.published, self.genre) if x)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Evidence:
    """A span of a retrieved passage (one sentence, or two adjacent) selected as answering the
    question. `text` is `passage.text[start:end]` with citation markers written inside the
    article removed; `answer` is the answering clause when it stands alone as a quote."""

    text: str
    passage: Passage
    start: int  # char offsets within passage.text
    end: int
    score: float  # the selector's probability that the span answers the question
    answer: str | None = None
    # Another source's figure for the count the first span gives, told right after it ("Lazar Menkov … put the
    # number at 168" after "Vasquell said 212 civilians had been killed"), or the other account of the reason it
    # gives (a denial beside a claim), or the cause told in the sentence after the event it tells ("The General Staff
    # cited overnight shelling near the town."): quoted beside it, whatever it scored.
    disputes: bool = False

    @property
    def quote(self) -> str:
        """What an extractive answer quotes: the answering clause, else the whole span."""
        return self.answer or self.text

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "answer": self.answer,
            "start": self.start,
            "end": self.end,
            "score": float(self.score),
            "chunk_id": self.passage.chunk_id,
            "article_id": self.passage.article_id,
        }


@dataclass(frozen=True)
class EvidenceSet:
    """What evidence selection found for a question: the spans that answer it, best first (each
    sentence once, every part of a multi-part question covered), and whether it is answerable.
    `missing` lists the question's key names or terms that no evidence mentions."""

    question: str
    items: list[Evidence]
    answerable: bool
    missing: list[str] = field(default_factory=list)
    best_score: float = 0.0
    # Asked when something happened, the spans tell only its plan ("will visit Tollerby next Tuesday"): the answer says
    # so rather than give the plan's day as the event's.
    plan_only: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "items": [e.to_dict() for e in self.items],
            "answerable": bool(self.answerable),  # plain JSON types, whatever computed them
            "missing": list(self.missing),
            "best_score": float(self.best_score),
            "plan_only": self.plan_only,
        }


@dataclass(frozen=True)
class Citation:
    """`[number]` in an answer's text points at `passage`, and within it at the `evidence` span
    when the answer was built from selected evidence."""

    number: int
    passage: Passage
    evidence: Evidence | None = None

    @property
    def span(self) -> tuple[int, int] | None:
        """Char offsets of the cited sentence(s) within the passage text, when known."""
        return (self.evidence.start, self.evidence.end) if self.evidence else None

    def to_dict(self) -> dict[str, Any]:
        out = {"number": self.number, **self.passage.to_dict()}
        if self.evidence is not None:
            out["quote"] = self.evidence.text
            out["quote_start"], out["quote_end"] = self.evidence.start, self.evidence.end
        return out


@dataclass(frozen=True)
class AnswerSentence:
    text: str
    citations: tuple[int, ...]
    inferred: bool = False  # citation attached after generation, not written by the model
    # "supported" by its own citations, "repaired" (cited to other evidence that supports it),
    # "unsupported" (shown only in mark mode), "quote" (an evidence sentence quoted verbatim),
    # or "unchecked" when the guard is off.
    verdict: str = "unchecked"
    score: float | None = None
    relevance: float | None = None  # how well the sentence answers the question (generated ones)

    @property
    def quoted(self) -> bool:
        """Quoted verbatim from an article, as opposed to generated by the model."""
        return self.verdict == "quote"


@dataclass
class Answer:
    """What a question gets back: the displayed text with `[n]` markers, the citations they point at,
    each displayed sentence with its verdict, the passages retrieved, and how it was made."""

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
    evidence: EvidenceSet | None = None  # what evidence selection found (None in "generate" mode)
    conflicts: list[Any] = field(default_factory=list)  # rag.answer.news.Disagreement: sources that differ
    as_of: str | None = None  # "as of 20 May 2025": the newest cited article's date
    mode: str = "compose"  # how it was made: "evidence", "compose" or "generate" (answer.mode)

    @property
    def read_not_answered(self) -> bool:
        """An abstention whose evidence answers the topic: "No disagreement … was found in the passages
        read". Its passages are the ones read, not the closest of a search that found nothing."""
        return self.abstained and self.evidence is not None and self.evidence.answerable

    @property
    def passages_heading(self) -> str:
        """What the passages listed under an abstention are: none answers the question, or the ones read."""
        return (
            "Passages read" if self.read_not_answered else "Closest passages found (none of them answers the question)"
        )

    @property
    def quoted_share(self) -> float:
        """Share of the displayed sentences quoted verbatim from the articles (0 when abstaining)."""
        return sum(s.quoted for s in self.sentences) / len(self.sentences) if self.sentences else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "mode": self.mode,
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
                    "relevance": s.relevance,
                    "inferred": s.inferred,
                    "quoted": s.quoted,
                }
                for s in self.sentences
            ],
            "unsupported": self.unsupported,
            "faithfulness": self.faithfulness,
            "fallback": self.fallback,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "conflicts": [c.to_dict() for c in self.conflicts],
            "as_of": self.as_of,
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
    genre: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file or record, reason)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (article id, same text as)
    removed: list[str] = field(default_factory=list)  # gone from their JSON file (or their file gone, with prune)
    gone: list[str] = field(default_factory=list)  # still indexed, but their file is no longer in its folder
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
            "removed": self.removed,
            "gone": self.gone,
            "chunks_written": self.chunks_written,
            "chunks_reused": self.chunks_reused,
            "seconds": round(self.seconds, 3),
        }
