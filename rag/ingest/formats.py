"""One reader per single-article file format: bytes on disk -> (text, metadata found in the file).

Each raises `IngestError` with a reason a person can act on; rag/ingest/readers.py adds the
sidecar metadata, limits and ids, and reads JSON, which holds many articles per file.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from rag.errors import IngestError


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or BOM-marked UTF-16; binary is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise IngestError(f"invalid UTF-16 text ({e.reason} at byte {e.start})") from e
    nul = data.find(b"\x00")
    if nul >= 0:  # anywhere, not only near the start: text never holds NUL bytes
        raise IngestError(f"binary data (NUL bytes from byte {nul}), not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise IngestError(f"not valid UTF-8 text ({e.reason} at byte {e.start}); save it as UTF-8") from e


# <meta charset="windows-1251"> or <meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">
_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def decode_html(data: bytes, name: str) -> str:
    """A web page's bytes to text: by the charset its markup declares when it is not UTF-8, as a browser
    reads it. Saved pages of many news sites are windows-1251 or iso-8859-1 (explore11 M5)."""
    declared = _DECLARED_CHARSET.search(data[:4096])
    charset = declared.group(1).decode("ascii").lower().replace("_", "-") if declared else "utf-8"
    if charset not in ("utf-8", "utf8"):
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # an unknown or wrong declaration: read it as the other text files are
    return decode(data, name)


# A header line of a plain article: "Date: 2026-03-02", "Outlet: The Karvel Herald", "URL: https://…".
# A byline or an update time among them belongs to the block, though neither is kept: "By: Tamsin Orlov"
# between "Source:" and "Published:" cut the block there, so the article lost its date (explore17b). A
# section is kept: "Section: Opinion" marks a column (rag/ingest/genre.py).
_HEADER_LINE = re.compile(
    r"(?P<key>date|published|outlet|source|publisher|url|link|by|author|byline|updated|section)\s*:\s*"
    r"(?P<value>\S.*?)\s*",
    re.IGNORECASE,
)
_HEADER_KEYS = {"date": "published", "published": "published", "outlet": "outlet", "source": "outlet"}
_HEADER_KEYS |= {"publisher": "outlet", "url": "url", "link": "url", "section": "section"}


def _header_fields(text: str) -> tuple[str, dict[str, Any]]:
    """The metadata of a header block a plain article opens with, and the text without it: lines such
    as "Date: 2026-03-02" and "Outlet: …" right after the headline (or at the top). A txt or md file
    written that way had no date, so no recency, "as of" or timeline (explore15). Only a block within
    the first lines counts: "Source: …" deep in a body is a sentence, not metadata."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), 0)
    for first in (start, start + 1):
        i = first
        while i < len(lines) and not lines[i].strip():
            i += 1
        meta: dict[str, Any] = {}
        end = i
        while end < len(lines) and (m := _HEADER_LINE.fullmatch(lines[end].strip())):
            if field := _HEADER_KEYS.get(m.group("key").lower()):
                meta.setdefault(field, m.group("value"))
            end += 1
        if meta and i - start <= 2:
            return "\n".join(lines[:i] + lines[end:]), meta
    return text, {}


def _read_text(path: Path) -> tuple[str, dict[str, Any]]:
    return _header_fields(decode(path.read_bytes(), path.name))


class _TextDatesLoader(yaml.SafeLoader):
    """YAML without its timestamp type: an impossible date such as 2025-13-45 stays a string
    (dropped later by `normalise_date`) instead of failing the whole article."""


_TextDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _TextDatesHandler(YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> Any:
        return yaml.load(fm, Loader=_TextDatesLoader)  # a SafeLoader subclass


def _read_markdown(path: Path) -> tuple[str, dict[str, Any]]:
    import frontmatter

    raw = decode(path.read_bytes(), path.name)
    try:
        post = frontmatter.loads(raw, handler=_TextDatesHandler())
    except Exception as e:  # malformed YAML header: report, don't guess
        # One line, with the usual cause: a headline holding a colon (explore13 L3).
        detail = " ".join(str(e).split())
        raise IngestError(
            f'malformed front matter ({detail}); put a value that holds a colon in quotes: title: "A: B"'
        ) from e
    m = post.metadata
    content, header = _header_fields(post.content)
    meta = {
        "title": m.get("title"),
        "outlet": m.get("outlet") or m.get("source") or m.get("publisher") or header.get("outlet"),
        "published": m.get("published") or m.get("date") or header.get("published"),
        "url": m.get("url") or m.get("link") or header.get("url"),
        "section": m.get("section") or m.get("category") or m.get("categories") or header.get("section"),
    }
    return content, meta


def _read_html(path: Path) -> tuple[str, dict[str, Any]]:
    import trafilatura

    raw = decode_html(path.read_bytes(), path.name)
    text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_recall=True)
    if not text or not text.strip():
        raise IngestError("no article text found in the HTML (only markup, scripts or navigation)")
    # trafilatura writes each block (heading, paragraph) on a line of its own: a blank line between
    # them, or the headline runs into the first sentence and is quoted with it (explore12 M7).
    text = re.sub(r"\n+", "\n\n", text.strip())
    # Publication dates from the markup only (meta tags, <time>, the URL): an extensive search takes
    # the first date in the text, and a report on a past event got that event's date (explore9 M8).
    info = trafilatura.extract_metadata(raw, extensive=False)
    meta: dict[str, Any] = {}
    if info is not None:
        meta = {"title": info.title, "outlet": info.sitename, "published": info.date, "url": info.url}
        meta["section"] = info.categories  # <meta property="article:section">
    return text, meta


def _headings_apart(page: str) -> str:
    """A page's text with a blank line after each heading. PDF text keeps only single line breaks, so
    "Grain corridor reopens" ran into the sentence below it and was quoted with it (explore10 M8). A
    heading: a line well shorter than the page's longest, with no closing punctuation and not ending in
    a joining word, followed by a line that starts a sentence. A hard-wrapped line ending before a name
    ("… Chornomorsk and / Pivdennyi …") ends in a joining word or is as long as the others."""
    lines = page.split("\n")
    widest = max((len(line.strip()) for line in lines), default=0)
    out: list[str] = []
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        out.append(line)
        words = line.split()
        if (
            words
            and after[:1].isupper()
            and len(line.strip()) < 0.6 * widest
            and not re.search(r"[.!?:;,…\-–—]$", line.strip())
            and words[-1].lower() not in _JOINING
        ):
            out.append("")
    return "\n".join(out)


# Words a wrapped line can end on before the next one carries on the sentence.
_JOINING = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "that",
        "which",
        "who",
        "than",
        "nor",
        "per",
        "via",
        "into",
        "onto",
    ]
)


def _read_pdf(path: Path) -> tuple[str, dict[str, Any]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # pypdf logs what it then raises ("EOF marker not found"): the failure is reported once, by us.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError("the PDF is encrypted with a password")
        pages = [page.extract_text() or "" for page in reader.pages]
        info: dict[str, Any] = dict(reader.metadata or {})
    except IngestError:
        raise
    except (PdfReadError, Exception) as e:  # pypdf raises many kinds on corrupt files
        raise IngestError(f"unreadable PDF ({type(e).__name__}: {e})") from e
    text = "\n\n".join(_headings_apart(p.strip()) for p in pages if p.strip())
    if not text:
        raise IngestError("the PDF has no extractable text (scanned images need OCR first)")
    created = str(info.get("/CreationDate") or "")[2:10]  # D:YYYYMMDD...
    return text, {"title": info.get("/Title"), "published": created or None}


READERS = {
    ".txt": _read_text,
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".html": _read_html,
    ".htm": _read_html,
    ".pdf": _read_pdf,
}
