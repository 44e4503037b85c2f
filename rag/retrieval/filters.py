"""`Filters`: restrict retrieval to some outlets and a publication date range.

One definition serves the three places a filter applies: Chroma's `where`, the BM25 index's row
mask (through `date_keys`), and the re-check of a passage in hand (`admits`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from rag.errors import QuestionError
from rag.store.records import published_key
from rag.types import Passage

# The most passages one request may ask for: an answer, a timeline (which spans many articles).
MAX_K = 50
MAX_TIMELINE_K = 100


@dataclass(frozen=True)
class Filters:
    """Outlets to keep (empty: all) and an inclusive publication date range (None: open)."""

    outlets: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None

    def to_where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        low, high = self.date_keys
        if self.outlets:
            clauses.append({"outlet": {"$in": list(self.outlets)}})
        if low is not None:
            clauses.append({"published_key": {"$gte": low}})
        if high is not None:
            clauses.append({"published_key": {"$lte": high}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    @property
    def active(self) -> bool:
        return bool(self.outlets or self.date_from or self.date_to)

    @property
    def date_keys(self) -> tuple[int | None, int | None]:
        """The date range as the stored `published_key` integers (YYYYMMDD), None where open."""
        return (
            published_key(self.date_from.isoformat()) if self.date_from else None,
            published_key(self.date_to.isoformat()) if self.date_to else None,
        )

    def admits(self, passage: Passage) -> bool:
        """The same test as `to_where` in Chroma, on a passage in hand (an undated one fails a date range)."""
        if self.outlets and passage.outlet not in self.outlets:
            return False
        low, high = self.date_keys
        if low is None and high is None:
            return True
        key = published_key(passage.published)
        if key is None:
            return False
        return (low is None or key >= low) and (high is None or key <= high)


def parse_day(value: str | None, label: str = "") -> date | None:
    """A YYYY-MM-DD filter bound typed by a person (CLI option, UI box); blank means open."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError as e:
        what = f"The {label} date" if label else "The date"
        raise QuestionError(f"{what} '{value}' is not a date; use YYYY-MM-DD.") from e
