"""How articles and chunks are laid out in Chroma: metadata in, records out.

Chroma holds flat metadata dicts; these functions are the one translation between them and the
pipeline's records (`Passage`, `ArticleInfo`), plus the named records the store writes and checks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from rag.store.injection import clean_mark, redact_stored
from rag.types import Article, ArticleInfo, Chunk, Passage


@dataclass(frozen=True)
class Digests:
    """An article's fingerprints: `content` changes with any edit (text or metadata), `text` only
    with the whitespace-normalised text (the same story saved under two names)."""

    content: str
    text: str


@dataclass(frozen=True)
class ArticleWrite:
    """One article to (re)write: its chunks and their vectors, in the same order."""

    article: Article
    digests: Digests
    chunks: Sequence[Chunk]
    vectors: Sequence[Sequence[float]]


@dataclass
class IndexCheck:
    """The result of `verify`: empty problem lists mean the index is whole."""

    articles: int = 0
    chunks: int = 0
    orphan_chunks: list[str] = field(default_factory=list)  # chunk ids whose article is not in the manifest
    miscounted: list[str] = field(default_factory=list)  # manifest articles whose stored chunks differ from the count
    duplicate_chunks: list[str] = field(default_factory=list)  # an article position stored twice
    unsearchable: list[str] = field(default_factory=list)  # sampled chunks the vector index does not return
    # article id -> (content hash, chunk count): equal fingerprints mean equal indexes
    fingerprint: dict[str, tuple[str, int]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (self.orphan_chunks or self.miscounted or self.duplicate_chunks or self.unsearchable)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("fingerprint")
        return {"ok": self.ok, **out}


def published_key(published: str | None) -> int | None:
    """YYYY-MM-DD as the integer YYYYMMDD, so Chroma's $gte/$lte can filter date ranges."""
    if not published or len(published) < 10:
        return None
    try:
        return int(published[:10].replace("-", ""))
    except ValueError:
        return None


def clean(meta: dict[str, Any]) -> dict[str, Any]:
    """Chroma metadata cannot hold None."""
    return {k: v for k, v in meta.items() if v is not None}


def article_meta(article: Article) -> dict[str, Any]:
    """The article's metadata every one of its chunks carries (for filters and citations)."""
    return clean(
        {
            "article_id": article.id,
            "title": article.title,
            "outlet": article.outlet,
            "published": article.published,
            "published_key": published_key(article.published),
            "url": article.url,
            "genre": article.genre,
        }
    )


def chunk_meta(article: Article, chunk: Chunk) -> dict[str, Any]:
    position = {"position": chunk.position, "start": chunk.start, "end": chunk.end}
    return {**article_meta(article), **position, **clean_mark(chunk.text)}


def manifest_meta(article: Article, digests: Digests, chunk_count: int) -> dict[str, Any]:
    return clean(
        {
            **article_meta(article),
            "source": article.source,
            "content_hash": digests.content,
            "text_hash": digests.text,
            "chunk_count": chunk_count,
        }
    )


def to_passage(cid: str, doc: str, meta: dict[str, Any], score: float) -> Passage:
    """The one place a stored chunk becomes a `Passage`: text addressed to a model is blanked
    here (same length, offsets intact), so the LLM, the guard, the quotes and the eval metrics
    can only ever read the redacted text. A chunk ingest found clean under today's patterns is
    not searched again."""
    return Passage(
        chunk_id=cid,
        article_id=str(meta["article_id"]),
        text=redact_stored(doc, meta),
        title=str(meta.get("title", "")),
        start=int(meta.get("start", 0)),
        end=int(meta.get("end", 0)),
        score=round(score, 4),
        outlet=meta.get("outlet"),
        published=meta.get("published"),
        url=meta.get("url"),
        genre=meta.get("genre"),
    )


def to_article_info(article_id: str, meta: dict[str, Any]) -> ArticleInfo:
    return ArticleInfo(
        id=article_id,
        title=str(meta.get("title", article_id)),
        source=str(meta.get("source", "")),
        content_hash=str(meta.get("content_hash", "")),
        chunk_count=int(meta.get("chunk_count", 0)),
        outlet=meta.get("outlet"),
        published=meta.get("published"),
        url=meta.get("url"),
        genre=meta.get("genre"),
    )


def to_article(article_id: str, doc: str, meta: dict[str, Any]) -> Article:
    return Article(
        id=article_id,
        text=doc,
        title=str(meta.get("title", article_id)),
        source=str(meta.get("source", "")),
        outlet=meta.get("outlet"),
        published=meta.get("published"),
        url=meta.get("url"),
        genre=meta.get("genre"),
    )
