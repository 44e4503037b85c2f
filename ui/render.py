"""HTML for the chat UI. Every piece of article or model text goes through `html.escape`:
an article containing `<script>` or `<img onerror=...>` is shown as text and runs nothing."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from rag.answer.cite import strip_markers
from rag.ingest.chunk import sentence_spans
from rag.news.timeline import TimelineEvent, no_events
from rag.types import Answer, Article, Citation, EvidenceSet, Passage

_WORD = re.compile(r"[a-z0-9]{3,}")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def best_sentence(passage_text: str, claims: list[str]) -> tuple[int, int] | None:
    """The span of the passage sentence sharing the most words with the claims citing it."""
    wanted = set().union(*(_words(strip_markers(c)) for c in claims)) if claims else set()
    best, best_overlap = None, 0
    for start, end in sentence_spans(passage_text):
        overlap = len(wanted & _words(passage_text[start:end]))
        if overlap > best_overlap:
            best, best_overlap = (start, end), overlap
    return best


def highlight(text: str, span: tuple[int, int] | None, mark_id: str | None = None) -> str:
    """Escaped text with `span` wrapped in <mark>."""
    if span is None:
        return escape(text)
    start, end = span
    attr = f' id="{mark_id}"' if mark_id else ""
    return f"{escape(text[:start])}<mark{attr}>{escape(text[start:end])}</mark>{escape(text[end:])}"


def byline(p: Passage) -> str:
    about = escape(p.about(" · "))
    return f"<strong>{escape(p.title)}</strong>" + (f" <span class='byline'>— {about}</span>" if about else "")


def _claims_citing(answer: Answer, number: int) -> list[str]:
    return [s.text for s in answer.sentences if number in s.citations]


def citation_card(answer: Answer, citation: Citation) -> str:
    p = citation.passage
    span = citation.span or best_sentence(p.text, _claims_citing(answer, citation.number))
    inferred = any(citation.number in s.citations and s.inferred for s in answer.sentences)
    tip = "The answer guard cited this passage: the model cited another one, or none"
    note = f" <span class='inferred' title='{tip}'>re-cited</span>" if inferred else ""
    return (
        f"<div class='citation' id='citation-{citation.number}'>"
        f"<div class='cite-head'><span class='cite-num'>[{citation.number}]</span> {byline(p)}{note}</div>"
        f"<blockquote>{highlight(p.text, span)}</blockquote>"
        f"<div class='cite-foot'>relevance {p.score:.2f} · {escape(p.article_id)} · chars {p.start}–{p.end}</div>"
        "</div>"
    )


def sources_panel(answer: Answer | None) -> str:
    if answer is None:
        return "<div class='sources-empty'>Cited passages appear here.</div>"
    if answer.abstained or not answer.citations:
        heading = (
            "The answer cites no passage. Passages the model was given:"
            if not answer.abstained
            else "Passages read:"
            if answer.read_not_answered
            else "Nothing in the indexed articles answers this. Closest passages found:"
        )
        cards = "".join(
            f"<div class='citation'><div class='cite-head'>{byline(p)}</div>"
            f"<blockquote>{escape(p.text)}</blockquote>"
            f"<div class='cite-foot'>relevance {p.score:.2f}</div></div>"
            for p in answer.passages[:3]
        )
        return f"<div class='sources-note'>{heading}</div>{cards}"
    return "".join(citation_card(answer, c) for c in answer.citations)


def article_view(article: Article, passage: Passage, span: tuple[int, int] | None = None) -> str:
    """The whole article, escaped, with the cited sentence(s) highlighted in place: `span` within
    the passage when the citation names one, else the whole passage."""
    head = byline(passage)
    if article.url and article.url.startswith(("http://", "https://")):  # not "javascript:" (explore11 H1)
        head += f" · <a href='{escape(article.url, quote=True)}' target='_blank' rel='noopener noreferrer'>original</a>"
    start, end = (passage.start + span[0], passage.start + span[1]) if span else (passage.start, passage.end)
    body = highlight(article.text, (start, end), mark_id="cited-passage")
    return f"<div class='article-head'>{head}</div><div class='article-body'>{body}</div>"


# Markdown's own characters: the chat bubble renders Markdown, so an article's "[the IAEA said](https://…)"
# became a link and "![x](http://host/pixel.png)" made every reader's browser call that host (explore11 H1).
# A citation marker "[1]" stays as it is: alone it makes no link.
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()!|~$])")
_LINE_START = re.compile(r"^(\s*)(#|>|[-+](?=\s))", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)([.)])(?=\s)", re.MULTILINE)
_MARKER = re.compile(r"(\[\d+\])")


def literal(text: str) -> str:
    """`text` as it stands in the chat bubble: HTML-escaped, and Markdown's characters escaped too, so a
    quote shows the article's characters, not a link, an image or emphasis made of them."""
    parts = _MARKER.split(escape(text, quote=False))  # quotes need no escape outside attributes
    body = "".join(part if _MARKER.fullmatch(part) else _MARKDOWN.sub(r"\\\1", part) for part in parts)
    return _NUMBERED.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", body))


def chat_text(answer: Answer) -> str:
    """The answer as shown in the chat bubble: escaped, so model output cannot inject markup.
    Sentences the guard marked are flagged; removed ones are listed below the answer."""
    if answer.abstained:
        listed = "Passages read" if answer.read_not_answered else "Closest passages found"
        return literal(answer.text) + f"\n\n*{listed} are listed under Sources.*"
    if any(s.verdict == "unsupported" for s in answer.sentences):
        body = " ".join(
            f"⚠️ ~~{literal(s.text)}~~ *(not supported by the sources)*"
            if s.verdict == "unsupported"
            else literal(s.text)
            for s in answer.sentences
        )
    else:
        body = literal(answer.text)
    if answer.conflicts:  # both sides, cited, under the answer
        body += "\n\n" + conflicts_html([c.note for c in answer.conflicts], literal)
    # Removed sentences are never displayed, not even struck through: a false sentence next to
    # a citation is what this product must not show. Their number is, and the API lists them.
    removed = [s for s in answer.unsupported if s not in {x.text for x in answer.sentences}]
    if removed:
        n = len(removed)
        body += f"\n\n*{n} generated sentence{'s' if n > 1 else ''} not supported by the sources, so not shown.*"
    return body


def evidence_preview(evidence: EvidenceSet) -> str:
    """The chat bubble while the answer is composed: the evidence quoted, at once."""
    if not evidence.answerable or not evidence.items:
        return "<em>Checking the articles…</em>"
    quotes = " ".join(f"“{literal(' '.join(e.quote.split()))}” [{n}]" for n, e in enumerate(evidence.items, 1))
    return f"{quotes}<br><em>Evidence found; checking the answer…</em>"


def evidence_panel(evidence: EvidenceSet) -> str:
    """The sources column while the answer is composed: each evidence span in its passage."""
    if not evidence.items:
        return "<div class='sources-empty'>No sentence of the retrieved passages answers this.</div>"
    cards = []
    for n, e in enumerate(evidence.items, 1):
        p = e.passage
        cards.append(
            f"<div class='citation' id='evidence-{n}'>"
            f"<div class='cite-head'><span class='cite-num'>[{n}]</span> {byline(p)}</div>"
            f"<blockquote>{highlight(p.text, (e.start, e.end))}</blockquote>"
            f"<div class='cite-foot'>evidence score {e.score:.2f} · {escape(p.article_id)}</div></div>"
        )
    return "".join(cards)


def _source(p: Passage) -> str:
    """Outlet · date · title, the title linked to the original when it has a web address."""
    about = " · ".join(escape(x) for x in (p.outlet, p.published) if x)
    title = escape(p.title if len(p.title) <= 90 else p.title[:87] + "…")
    if p.url and p.url.startswith(("http://", "https://")):
        title = f"<a href='{escape(p.url, quote=True)}' target='_blank' rel='noopener noreferrer'>{title}</a>"
    return f"{about} · {title}" if about else title


def conflicts_html(notes: list[str], escaped: Callable[[str], str] = escape) -> str:
    """The disagreement notes under an answer (`Conflict.note(...)` lines), escaped (`literal` in the chat
    bubble, which renders Markdown)."""
    if not notes:
        return ""
    items = "".join(f"<li>{escaped(n)}</li>" for n in notes)
    return f"<div class='conflicts' role='note'><strong>⚠️ The sources differ</strong><ul>{items}</ul></div>"


def timeline_html(events: list[TimelineEvent] | None, filtered: bool = False) -> str:
    """One row per event: its date, the sentence quoted, and every source that tells it."""
    if events is None:
        return "<div class='sources-empty'>Dated events about your topic appear here, earliest first.</div>"
    if not events:
        return f"<div class='sources-empty'>{escape(no_events(filtered))}</div>"
    rows = []
    for event in events:
        sources = "; ".join(_source(src.passage) for src in event.sources)
        how = "dated by the article" if event.dated_by == "published" else f"“{escape(event.date_text or '')}”"
        rows.append(
            f"<li class='event'><span class='event-date' title='{escape(how, quote=True)}'>{escape(event.when)}</span>"
            f"<blockquote>{escape(event.text)}</blockquote><div class='cite-foot'>{sources}</div></li>"
        )
    return f"<ol class='timeline'>{''.join(rows)}</ol>"


CSS = """
.citation {border: 1px solid var(--border-color-primary); border-radius: 8px; padding: 8px 10px; margin-bottom: 8px;}
.cite-num {font-weight: 700; color: var(--color-accent);}
.byline {color: var(--body-text-color-subdued);}
.citation blockquote {margin: 6px 0; padding-left: 8px; border-left: 3px solid var(--border-color-accent);
  white-space: pre-wrap; font-size: 0.92em;}
.cite-foot {font-size: 0.8em; color: var(--body-text-color-subdued);}
.inferred {font-size: 0.75em; border: 1px solid var(--border-color-primary); border-radius: 4px; padding: 0 4px;}
.article-body {white-space: pre-wrap; max-height: 480px; overflow-y: auto; line-height: 1.5;}
mark {background: #ffe58a; color: #111; padding: 0 1px;}
.timeline {list-style: none; padding-left: 0;}
.timeline .event {border-left: 3px solid var(--border-color-accent); padding: 4px 10px; margin-bottom: 8px;}
.event-date {font-weight: 700;}
.conflicts {border: 1px solid #e0a800; border-radius: 8px; padding: 6px 10px; margin: 6px 0; background: #fff8e1;
  color: #111;}
.timeline blockquote {margin: 4px 0;}
"""
