"""From a final `Answer` to the citation shapes clients already read. Pure functions, no model.

- the content: the answer text with `[n]` markers renumbered in order of first use (markers that
  point at no citation are dropped), cut at a sentence end when the client set max_tokens;
- OpenAI `message.annotations`: one `url_citation` per marker, its start/end indexing the marker
  in the content (Python string indices);
- Perplexity-style `citations` (one URL per `[n]`) and `search_results` (title, url, date,
  snippet, source), in the same order;
- `rag`: our own field, every passage the answer was built from with its char offsets in its
  article and its citation number, and every sentence with its support verdict and its span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import quote, unquote, urlsplit

from rag.types import Answer, Citation, Passage

_MARKER = re.compile(r"\[(\d+)\]")
_PARTIAL_MARKER = re.compile(r"\s*\[\d*$")


class Encoding(Protocol):
    def encode(self, text: str) -> list[int]: ...
    def decode(self, tokens: list[int]) -> str: ...


def article_url(p: Passage, span: tuple[int, int] | None = None) -> str:
    """The article's own URL, or a stable rag:// URL naming the article and the cited span (the
    evidence sentence when known, else the passage), in the article's char offsets."""
    start, end = (p.start + span[0], p.start + span[1]) if span else (p.start, p.end)
    return p.url or f"rag://article/{quote(p.article_id, safe='')}#{start}-{end}"


def citation_url(c: Citation) -> str:
    return article_url(c.passage, c.span)


def parse_rag_url(url: str) -> tuple[str, int | None, int | None] | None:
    """(article id, start, end) of a rag://article/<id>#<start>-<end> URL; None for any other URL."""
    parts = urlsplit(url.strip())
    if parts.scheme != "rag" or parts.netloc != "article" or not parts.path.strip("/"):
        return None
    span = re.fullmatch(r"(\d+)-(\d+)", parts.fragment)
    start, end = (int(span.group(1)), int(span.group(2))) if span else (None, None)
    return unquote(parts.path.strip("/")), start, end


def renumber(text: str, citations: list[Citation]) -> tuple[str, list[Citation], dict[int, int]]:
    """Markers renumbered [1], [2]... in order of first use; returns (text, citations, old->new)."""
    by_number = {c.number: c for c in citations}
    mapping: dict[int, int] = {}

    def replace(m: re.Match[str]) -> str:
        old = int(m.group(1))
        if old not in by_number:
            return ""
        mapping.setdefault(old, len(mapping) + 1)
        return f"[{mapping[old]}]"

    out = _MARKER.sub(replace, text)
    out = re.sub(r"[ \t]+([.,;:!?])", r"\1", out)  # "oblasts ." left by a dropped marker
    out = re.sub(r"[ \t]{2,}", " ", out).strip()
    ordered = [
        Citation(number=new, passage=by_number[old].passage, evidence=by_number[old].evidence)
        for old, new in mapping.items()
    ]
    return out, ordered, mapping


def sentence_ends(text: str, sentences: list[str]) -> list[int]:
    """Where each sentence found in `text`, in order, ends."""
    ends, cursor = [], 0
    for s in sentences:
        at = text.find(s, cursor)
        if at >= 0:
            cursor = at + len(s)
            ends.append(cursor)
    return ends


def truncate(text: str, sentences: list[str], max_tokens: int, encoding: Encoding) -> tuple[str, bool]:
    """At most `max_tokens` tokens, cut after the last whole sentence that fits (or mid-text if
    none does, never inside a marker); the flag says whether anything was cut."""
    if len(encoding.encode(text)) <= max_tokens:
        return text, False
    ends = sentence_ends(text, sentences)
    fitting = [end for end in ends if len(encoding.encode(text[:end])) <= max_tokens]
    if fitting:
        return text[: fitting[-1]].rstrip(), True
    # Not even the first sentence fits: its head, cut between words and marked as cut, still with the
    # first sentence's citation when there is room ("… Mykolaiv and Khark" had lost its [1]).
    first = text[: ends[0]] if ends else text
    markers = " ".join(m.group(0) for m in _MARKER.finditer(first))
    tail = f"… {markers}" if markers else "…"
    room = max_tokens - len(encoding.encode(tail))
    if room <= 0:
        room, tail = max_tokens, ""
    head = _head(first, room, encoding)
    if tail and not re.search(r"\w", head):
        # No word left beside the marker ("“… [1]" for max_tokens=5): a citation on an empty quote cites
        # nothing (explore11 L2). The words that fit, without it.
        head, tail = _head(first, max_tokens, encoding), "…"
    return f"{head.rstrip(' ,;:')}{tail}".strip(), True


def _head(first: str, room: int, encoding: Encoding) -> str:
    """The first `room` tokens of a sentence without its markers, cut between words."""
    head = _PARTIAL_MARKER.sub("", encoding.decode(encoding.encode(_MARKER.sub("", first))[:room]))
    return head.rsplit(" ", 1)[0] if " " in head.strip() else head


@dataclass(frozen=True)
class Shaped:
    """Everything a completion carries besides its envelope."""

    content: str
    finish_reason: str
    citations: list[Citation]
    annotations: list[dict[str, Any]]
    urls: list[str]
    search_results: list[dict[str, Any]]
    rag: dict[str, Any]


def _snippet(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rsplit(" ", 1)[0] + "…"


def _renumbered(sentence: str, mapping: dict[int, int]) -> str:
    out = _MARKER.sub(lambda m: f"[{mapping[int(m.group(1))]}]" if int(m.group(1)) in mapping else "", sentence)
    return re.sub(r"[ \t]{2,}", " ", re.sub(r"[ \t]+([.,;:!?])", r"\1", out)).strip()


def shape(answer: Answer, *, max_tokens: int | None, encoding: Encoding, snippet_chars: int) -> Shaped:
    text = answer.text
    cut = False
    if max_tokens is not None:
        text, cut = truncate(text, [s.text for s in answer.sentences], max_tokens, encoding)
    if answer.conflicts and not cut:  # the disagreement notes are part of what a client displays
        notes = "\n\n" + "\n".join(f"⚠️ {c.note}" for c in answer.conflicts)
        # They count towards max_tokens too: what does not fit is left out and reported as a cut
        # (finish_reason "length"), never sent beyond the limit (explore10 M3).
        if max_tokens is not None and len(encoding.encode(text + notes)) > max_tokens:
            cut = True
        else:
            text += notes
    citations: list[Citation] = []
    mapping: dict[int, int] = {}
    if not answer.abstained:  # an abstention is a normal answer with no citations
        text, citations, mapping = renumber(text, answer.citations)
    else:
        text = _MARKER.sub("", text).strip()
    by_number = {c.number: c for c in citations}
    urls = [citation_url(c) for c in citations]
    annotations = []
    for m in _MARKER.finditer(text):
        c = by_number[int(m.group(1))]
        annotations.append(
            {
                "type": "url_citation",
                "url_citation": {
                    "start_index": m.start(),
                    "end_index": m.end(),
                    "url": urls[c.number - 1],
                    "title": c.passage.title,
                },
            }
        )
    search_results = [
        {
            "title": c.passage.title,
            "url": urls[c.number - 1],
            "date": c.passage.published,
            "snippet": _snippet(c.evidence.text if c.evidence else c.passage.text, snippet_chars),
            "source": c.passage.outlet,
            "genre": c.passage.genre,
        }
        for c in citations
    ]
    return Shaped(
        content=text,
        finish_reason="length" if cut else "stop",
        citations=citations,
        annotations=annotations,
        urls=urls,
        search_results=search_results,
        rag=_rag_field(answer, text, citations, mapping),
    )


def _rag_field(answer: Answer, text: str, citations: list[Citation], mapping: dict[int, int]) -> dict[str, Any]:
    numbers_of: dict[str, list[int]] = {}
    for c in citations:
        numbers_of.setdefault(c.passage.chunk_id, []).append(c.number)
    passages = [
        {
            "number": next(iter(numbers_of.get(p.chunk_id, [])), None),
            "numbers": numbers_of.get(p.chunk_id, []),
            **p.to_dict(),
            "url": article_url(p),
        }
        for p in [*answer.passages, *(c.passage for c in citations if c.passage not in answer.passages)]
    ]
    cited = [
        {
            "number": c.number,
            "chunk_id": c.passage.chunk_id,
            "article_id": c.passage.article_id,
            "url": citation_url(c),
            "quote": c.evidence.text if c.evidence else None,
            # the cited sentence(s) in the article's char offsets
            "start": c.passage.start + (c.span[0] if c.span else 0),
            "end": c.passage.start + (c.span[1] if c.span else len(c.passage.text)),
        }
        for c in citations
    ]
    sentences, cursor = [], 0
    for s in answer.sentences:
        shown = _renumbered(s.text, mapping)
        at = text.find(shown, cursor) if shown else -1
        if at >= 0:
            cursor = at + len(shown)
        sentences.append(
            {
                "text": shown,
                "citations": [mapping[n] for n in s.citations if n in mapping],
                "verdict": s.verdict,
                "score": s.score,
                "inferred": s.inferred,
                "quoted": s.quoted,
                "start_index": at if at >= 0 else None,
                "end_index": at + len(shown) if at >= 0 else None,
            }
        )
    return {
        "abstained": answer.abstained,
        "question": answer.question,
        "standalone_question": answer.standalone_question,
        "mode": answer.mode,
        "as_of": answer.as_of,
        "conflicts": [c.to_dict() for c in answer.conflicts],
        "citations": cited,
        "passages": passages,
        "sentences": sentences,
        "evidence": answer.evidence.to_dict() if answer.evidence else None,
        "unsupported": list(answer.unsupported),
        "faithfulness": answer.faithfulness,
        "fallback": answer.fallback,
        "prompt_version": answer.prompt_version,
        "model": answer.model,
    }
