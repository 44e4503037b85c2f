"""Read article files (txt, md, html, json/jsonl, pdf) into `Article`s with metadata.

Metadata comes, first match wins, from a `sources.json` sidecar in the file's folder, the
file's own metadata (markdown front matter, HTML meta tags, PDF info, JSON fields), then the
first line of text as the title. A file that cannot be read raises `IngestError` with the
reason; a JSON record that cannot be read is reported on its own, the other records still
come through. Size limits (`ReadLimits`) are checked before a file is read, so a stray
100 MB dump costs a `stat`, not the memory to hold it. In a folder, files of other types
(images, spreadsheets) are passed over; a file named explicitly must be an article type.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from rag.errors import IngestError
from rag.ingest.formats import READERS, decode
from rag.ingest.genre import genre_of
from rag.types import Article

SUPPORTED = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".pdf"}
SIDECAR = "sources.json"
MAX_TITLE_CHARS = 300


@dataclass(frozen=True)
class ReadLimits:
    max_file_bytes: int = 50 * 1024 * 1024  # whole file; for .jsonl, each line
    max_article_chars: int = 1_000_000

    @classmethod
    def from_mb(cls, max_file_mb: float, max_article_chars: int) -> ReadLimits:
        return cls(int(max_file_mb * 1024 * 1024), max_article_chars)


@dataclass(frozen=True)
class RecordError:
    """One JSON record that could not be read; the file's other records are unaffected."""

    source: str
    reason: str


# The file Chroma keeps at the root of an embedded index folder.
INDEX_MARKER = "chroma.sqlite3"


def discover(paths: list[Path], _seen: frozenset[Path] = frozenset()) -> Iterator[Path | tuple[Path, str]]:
    """Files to ingest under `paths`, sorted; a path that cannot be used comes as (path, reason). A link
    to a folder is followed once (it had been skipped without a word: explore12 L2); one back into a
    folder being read is a loop, passed over."""
    for path in paths:
        if path.is_symlink() and not path.exists():  # exists() is False for a loop too
            yield path, _broken_link(path)
        elif not path.exists():
            yield path, "no such file or folder"
        elif path.is_dir():
            # rglob does not follow links to folders, so a link loop cannot recurse forever.
            children = sorted(path.rglob("*"))
            # An index kept inside the articles' folder holds JSON files of its own (explore10 L9).
            indexes = [marker.parent for marker in children if marker.name == INDEX_MARKER]
            for child in children:
                if any(p.startswith(".") for p in child.relative_to(path).parts):
                    continue
                if any(child.is_relative_to(index) for index in indexes):
                    continue
                if child.name == SIDECAR:
                    problem = sidecar_problem(child.parent)
                    if problem:
                        yield child, problem
                    continue
                if child.is_symlink() and child.is_dir():
                    target = child.resolve()
                    seen = _seen | {path.resolve()}
                    # A link to a folder it lies in, or to one being read, would read it all again: passed
                    # over, as rglob does (not a failed file: every article was read; explore13 L4).
                    loop = child.parent.resolve().is_relative_to(target) or any(s.is_relative_to(target) for s in seen)
                    if not loop and not any(target.is_relative_to(s) for s in seen):  # else read as itself
                        yield from discover([child], seen | {target})
                    continue
                if child.suffix.lower() not in SUPPORTED:
                    continue
                if child.is_symlink() and not child.exists():
                    yield child, _broken_link(child)
                elif child.is_file():
                    yield child
        elif path.suffix.lower() not in SUPPORTED:
            yield path, f"unsupported file type '{path.suffix or '(none)'}'; use one of {sorted(SUPPORTED)}"
        else:
            problem = sidecar_problem(path.parent)
            if problem:
                yield path.parent / SIDECAR, problem
            yield path


def _broken_link(path: Path) -> str:
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a loop this way
        return "symbolic link loop: the link points back to itself"
    except OSError as e:
        if e.errno == errno.ELOOP:
            return "symbolic link loop: the link points back to itself"
    return f"broken symbolic link (points to {os.readlink(path)}, which does not exist)"


def article_id_for(path: Path, root: Path) -> str:
    """A stable id from the file's path under the folder given to ingest, without extension."""
    try:
        rel = path.resolve().relative_to(root.resolve())
    except ValueError:
        try:  # a file reached through a link to a folder: named by where the link puts it
            rel = path.absolute().relative_to(root.absolute())
        except ValueError:
            rel = Path(path.name)
    return rel.with_suffix("").as_posix()


def normalise_date(value: Any) -> str | None:
    """Any common date form of a day to YYYY-MM-DD; None when absent, impossible, not a whole day or
    ambiguous. A year or a month alone ("2023", "June 2024") is no publication day: dateutil filled in
    today's month and day, and the timeline resolved "on Saturday" against that invented day
    (explore11 H5). "04/05/2025" may be 4 May or 5 April, so it is dropped; "13/05/2025" is not
    ambiguous. A Unix timestamp (seconds) is read as one."""
    if value in (None, "") or isinstance(value, bool):
        return None
    if isinstance(value, int | float) or re.fullmatch(r"\d{9,10}(?:\.\d+)?", str(value).strip()):
        return _from_timestamp(float(value))
    from dateutil import parser

    text = str(value).strip()
    try:
        # Two different defaults: a field the text does not give comes out differently.
        first = parser.parse(text, default=datetime(2000, 1, 1))
        second = parser.parse(text, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None
    if first.date() != second.date() or not 1900 <= first.year <= 2100:
        return None
    if _AMBIGUOUS.fullmatch(text) and parser.parse(text, dayfirst=True).date() != first.date():
        return None
    return first.date().isoformat()


# Day and month both written as numbers of 12 or less: "04/05/2025".
_AMBIGUOUS = re.compile(r"(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|1[0-2])[/.-]\d{2,4}")


def _from_timestamp(seconds: float) -> str | None:
    try:
        day = datetime.fromtimestamp(seconds, tz=UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
    return day.isoformat() if 1990 <= day.year <= 2100 else None


def _title(value: Any, text: str, fallback: str) -> str:
    title = str(value).strip() if value else ""
    if not title:
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        title = first.lstrip("# ").strip() or fallback
    title = re.sub(r"\s+", " ", title)
    return title if len(title) <= MAX_TITLE_CHARS else title[: MAX_TITLE_CHARS - 1] + "…"


@lru_cache(maxsize=256)
def _sidecar(folder: Path, mtime: float) -> dict[str, dict[str, Any]]:
    path = folder / SIDECAR
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise IngestError(f"unreadable metadata sidecar ({e}); the folder's files are read without it") from e
    if isinstance(data, dict):
        entries = [{"file": k, **v} for k, v in data.items() if isinstance(v, dict)]
    elif isinstance(data, list):
        entries = data
    else:
        raise IngestError("metadata sidecar is neither a list nor an object; the folder's files are read without it")
    return {str(e["file"]): e for e in entries if isinstance(e, dict) and "file" in e}


def sidecar_problem(folder: Path) -> str | None:
    """Why the folder's metadata sidecar cannot be used (None when it can, or there is none). Reported
    once for the sidecar: it only adds metadata, so its folder's files are still ingested (explore9 M6:
    a broken one failed every file beside it)."""
    side = folder / SIDECAR
    if not side.is_file():
        return None
    try:
        _sidecar(folder, side.stat().st_mtime)
    except IngestError as e:
        return str(e)
    return None


def sidecar_metadata(path: Path) -> dict[str, Any]:
    side = path.parent / SIDECAR
    if not side.is_file():
        return {}
    try:
        return _sidecar(path.parent, side.stat().st_mtime).get(path.name, {})
    except IngestError:
        return {}  # reported once by `discover`


def _require_text(text: str, max_chars: int) -> str:
    text = text.replace("\r\n", "\n").replace("\x00", "")
    if not text.strip():
        raise IngestError("no text (the file is empty or whitespace only)")
    if len(text) > max_chars:
        raise IngestError(
            f"text too long for one article ({len(text):,} characters; the limit is {max_chars:,}, "
            "RAG_INGEST__MAX_ARTICLE_CHARS); split it into articles"
        )
    return text


def _make(
    article_id: str, path: Path, text: str, meta: dict[str, Any], side: dict[str, Any], limits: ReadLimits
) -> Article:
    text = _require_text(text, limits.max_article_chars)
    merged = {**{k: v for k, v in meta.items() if v}, **{k: v for k, v in side.items() if v}}
    title = _title(merged.get("title"), text, path.stem)
    return Article(
        id=article_id,
        text=text,
        title=title,
        # Absolute: a later ingest from another folder must find the file (explore12 H1).
        source=os.path.abspath(path),
        outlet=(str(merged["outlet"]).strip() or None) if merged.get("outlet") else None,
        published=normalise_date(merged.get("published")),
        url=str(merged["url"]) if merged.get("url") else None,
        genre=genre_of(merged.get("genre") or merged.get("section"), title, merged.get("url"), text),
    )


# -- JSON: many articles per file -------------------------------------------------------------

# schema.org NewsArticle (JSON-LD) names them articleBody, datePublished, publisher (explore12 L3).
_BODY_KEYS = ("body", "text", "content", "article", "maintext", "articleBody")
_OUTLET_KEYS = ("outlet", "source", "publisher", "site", "source_domain")
_SECTION_KEYS = ("genre", "section", "category", "categories", "articleSection")
_DATE_KEYS = ("published", "date", "published_at", "publishedAt", "date_publish", "pubDate", "datePublished")


def _joined(value: Any, separator: str) -> Any:
    """A list of strings (a body given as paragraphs, a title in parts) as one string; else `value`."""
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return separator.join(v.strip() for v in value if v.strip())
    return value


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if isinstance(value, dict):  # e.g. NewsAPI's {"source": {"name": ...}}
            value = value.get("name")
        if value not in (None, ""):
            return value
    return None


def _outlet(value: Any) -> Any:
    """Several outlets (a list) are credited to the first: `['Buenos Aires Times', 'MercoPress']` had been
    stored as that text, which no outlet filter matched (explore12 M8)."""
    if isinstance(value, list):
        value = next((v.get("name") if isinstance(v, dict) else v for v in value if v), None)
    return value


def _record_key(record: dict[str, Any], index: int) -> str:
    for key in ("id", "article_id", "url"):
        if record.get(key) not in (None, ""):
            value = str(record[key])
            return value if key != "url" else hashlib.sha1(value.encode()).hexdigest()[:12]
    title = str(record.get("title") or "")
    return hashlib.sha1(title.encode()).hexdigest()[:12] if title else f"{index:05d}"


def _bounded_lines(path: Path, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(number, line) of a file, None for a line longer than `max_bytes`: such a line is
    skipped piece by piece, never held whole."""
    with path.open("rb") as f:
        number = 0
        while line := f.readline(max_bytes + 1):
            number += 1
            if len(line) > max_bytes:
                while line and not line.endswith(b"\n"):
                    line = f.readline(1024 * 1024)
                yield number, None
            else:
                yield number, line


def _json_records(path: Path, limits: ReadLimits) -> Iterator[tuple[int, Any] | RecordError]:
    """Records of a .json (array, {"articles": [...]}, or one object) or a .jsonl file, lazily."""
    if path.suffix.lower() == ".jsonl":
        for number, line in _bounded_lines(path, limits.max_file_bytes):
            if line is None:
                limit = f"{limits.max_file_bytes / 1024 / 1024:g} MB"
                yield RecordError(f"{path}:{number}", f"line longer than {limit} (RAG_INGEST__MAX_FILE_MB)")
            elif line.strip():
                try:
                    yield number, json.loads(decode(line, path.name))
                except (ValueError, IngestError) as e:
                    yield RecordError(f"{path}:{number}", f"malformed JSON line ({e})")
        return
    try:
        data = json.loads(decode(path.read_bytes(), path.name))
    except ValueError as e:
        raise IngestError(f"malformed JSON ({e})") from e
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if data == [] or data == {}:
        raise IngestError("no records: the JSON holds an empty list")
    yield from enumerate(data if isinstance(data, list) else [data], 1)


def _read_json(path: Path, root: Path, limits: ReadLimits) -> Iterator[Article | RecordError]:
    base = article_id_for(path, root)
    # Key -> (record number, body digest) of the records already read: feeds repeat titles ("Daily
    # update") and urls, and one key must not name two articles (Chroma refuses the batch).
    seen: dict[str, tuple[int, str]] = {}
    for item in _json_records(path, limits):
        if isinstance(item, RecordError):
            yield item
            continue
        index, record = item
        where = f"{path} record {index}"
        if not isinstance(record, dict):
            yield RecordError(where, "not a JSON object")
            continue
        body = _joined(_first(record, _BODY_KEYS), "\n\n")
        if not isinstance(body, str) or not body.strip():
            yield RecordError(where, f"no article text (expected one of: {', '.join(_BODY_KEYS)})")
            continue
        meta = {
            "title": _joined(record.get("title") or record.get("headline"), " "),
            "outlet": _outlet(_first(record, _OUTLET_KEYS)),
            "published": _first(record, _DATE_KEYS),
            "url": record.get("url") or record.get("link"),
            "section": _first(record, _SECTION_KEYS),
        }
        key, digest = _record_key(record, index), hashlib.sha1(body.encode()).hexdigest()[:8]
        if key in seen and seen[key][1] != digest:
            key = f"{key}~{digest}"
        if key in seen:
            yield RecordError(where, f"the same article as record {seen[key][0]} (left out)")
            continue
        seen[key] = (index, digest)
        try:
            yield _make(f"{base}#{key}", path, body, meta, {}, limits)
        except IngestError as e:
            yield RecordError(where, str(e))


def read_file(path: Path, root: Path, limits: ReadLimits | None = None) -> Iterator[Article | RecordError]:
    """The articles in one file. Raises `IngestError` when the whole file is unusable."""
    limits = limits or ReadLimits()
    if path.is_symlink() and not path.exists():
        raise IngestError(_broken_link(path))
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes and suffix != ".jsonl":  # refused before a byte is read
            raise IngestError(
                f"the file is {size / 1024 / 1024:,.1f} MB; the limit is "
                f"{limits.max_file_bytes / 1024 / 1024:g} MB (RAG_INGEST__MAX_FILE_MB)"
            )
        if suffix in (".json", ".jsonl"):
            yield from _read_json(path, root, limits)
            return
        text, meta = READERS[suffix](path)
    except PermissionError as e:
        raise IngestError("permission denied: the file is not readable") from e
    except OSError as e:
        raise IngestError(f"cannot read the file ({e.strerror or e})") from e
    yield _make(article_id_for(path, root), path, text, meta, sidecar_metadata(path), limits)
