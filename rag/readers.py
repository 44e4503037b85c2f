"""Read article files (txt, md, html, json/jsonl, pdf) into `Article`s with metadata.

Metadata comes, first match wins, from a `sources.json` sidecar in the file's folder, the
file's own metadata (markdown front matter, HTML meta tags, PDF info, JSON fields), then the
first line of text as the title. A file that cannot be read raises `IngestError` with the
reason; a JSON record that cannot be read is reported on its own, the other records still
come through.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from rag.errors import IngestError
from rag.types import Article

SUPPORTED = {".txt", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".pdf"}
SIDECAR = "sources.json"
MAX_TITLE_CHARS = 300


@dataclass(frozen=True)
class RecordError:
    """One JSON record that could not be read; the file's other records are unaffected."""

    source: str
    reason: str


def discover(paths: list[Path]) -> Iterator[Path | tuple[Path, str]]:
    """Files to ingest under `paths`, sorted; a path that cannot be used comes as (path, reason)."""
    for path in paths:
        if not path.exists():
            yield path, "no such file or folder"
        elif path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.name == SIDECAR or any(p.startswith(".") for p in child.relative_to(path).parts):
                    continue
                if child.suffix.lower() in SUPPORTED and child.is_file():
                    yield child
        elif path.suffix.lower() not in SUPPORTED:
            yield path, f"unsupported file type '{path.suffix or '(none)'}'; use one of {sorted(SUPPORTED)}"
        else:
            yield path


def article_id_for(path: Path, root: Path) -> str:
    """A stable id from the file's path under the folder given to ingest, without extension."""
    try:
        rel = path.resolve().relative_to(root.resolve())
    except ValueError:
        rel = Path(path.name)
    return rel.with_suffix("").as_posix()


def normalise_date(value: Any) -> str | None:
    """Any common date form to YYYY-MM-DD; None when absent or impossible."""
    if value in (None, ""):
        return None
    from dateutil import parser

    try:
        parsed = parser.parse(str(value), fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if not 1900 <= parsed.year <= 2100:
        return None
    return parsed.date().isoformat()


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
        raise IngestError(f"{path}: unreadable metadata sidecar ({e})") from e
    entries = data if isinstance(data, list) else [{"file": k, **v} for k, v in data.items()]
    return {str(e["file"]): e for e in entries if isinstance(e, dict) and "file" in e}


def sidecar_metadata(path: Path) -> dict[str, Any]:
    side = path.parent / SIDECAR
    if not side.is_file():
        return {}
    return _sidecar(path.parent, side.stat().st_mtime).get(path.name, {})


def decode(data: bytes, name: str) -> str:
    """Bytes to text: UTF-8 (with or without BOM) or BOM-marked UTF-16; binary is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise IngestError(f"invalid UTF-16 text ({e.reason} at byte {e.start})") from e
    if b"\x00" in data[:8192]:
        raise IngestError("binary data (NUL bytes), not a text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise IngestError(f"not valid UTF-8 text ({e.reason} at byte {e.start}); save it as UTF-8") from e


def _require_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\x00", "")
    if not text.strip():
        raise IngestError("no text (the file is empty or whitespace only)")
    return text


def _make(article_id: str, path: Path, text: str, meta: dict[str, Any], side: dict[str, Any]) -> Article:
    text = _require_text(text)
    merged = {**{k: v for k, v in meta.items() if v}, **{k: v for k, v in side.items() if v}}
    return Article(
        id=article_id,
        text=text,
        title=_title(merged.get("title"), text, path.stem),
        source=str(path),
        outlet=(str(merged["outlet"]).strip() or None) if merged.get("outlet") else None,
        published=normalise_date(merged.get("published")),
        url=str(merged["url"]) if merged.get("url") else None,
    )


# -- one reader per format ------------------------------------------------------------------


def _read_text(path: Path) -> tuple[str, dict[str, Any]]:
    return decode(path.read_bytes(), path.name), {}


def _read_markdown(path: Path) -> tuple[str, dict[str, Any]]:
    import frontmatter

    raw = decode(path.read_bytes(), path.name)
    try:
        post = frontmatter.loads(raw)
    except Exception as e:  # malformed YAML header: report, don't guess
        raise IngestError(f"malformed front matter ({e})") from e
    m = post.metadata
    meta = {
        "title": m.get("title"),
        "outlet": m.get("outlet") or m.get("source") or m.get("publisher"),
        "published": m.get("published") or m.get("date"),
        "url": m.get("url") or m.get("link"),
    }
    return post.content, meta


def _read_html(path: Path) -> tuple[str, dict[str, Any]]:
    import trafilatura

    raw = decode(path.read_bytes(), path.name)
    text = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_recall=True)
    if not text or not text.strip():
        raise IngestError("no article text found in the HTML (only markup, scripts or navigation)")
    info = trafilatura.extract_metadata(raw)
    meta: dict[str, Any] = {}
    if info is not None:
        meta = {"title": info.title, "outlet": info.sitename, "published": info.date, "url": info.url}
    return text, meta


def _read_pdf(path: Path) -> tuple[str, dict[str, Any]]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

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
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise IngestError("the PDF has no extractable text (scanned images need OCR first)")
    created = str(info.get("/CreationDate") or "")[2:10]  # D:YYYYMMDD...
    return text, {"title": info.get("/Title"), "published": created or None}


_READERS = {
    ".txt": _read_text,
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".html": _read_html,
    ".htm": _read_html,
    ".pdf": _read_pdf,
}

# -- JSON: many articles per file -------------------------------------------------------------

_BODY_KEYS = ("body", "text", "content", "article", "maintext")
_OUTLET_KEYS = ("outlet", "source", "publisher", "site", "source_domain")
_DATE_KEYS = ("published", "date", "published_at", "publishedAt", "date_publish", "pubDate")


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = record.get(key)
        if isinstance(value, dict):  # e.g. NewsAPI's {"source": {"name": ...}}
            value = value.get("name")
        if value not in (None, ""):
            return value
    return None


def _record_key(record: dict[str, Any], index: int) -> str:
    for key in ("id", "article_id", "url"):
        if record.get(key) not in (None, ""):
            value = str(record[key])
            return value if key != "url" else hashlib.sha1(value.encode()).hexdigest()[:12]
    title = str(record.get("title") or "")
    return hashlib.sha1(title.encode()).hexdigest()[:12] if title else f"{index:05d}"


def _json_records(path: Path) -> Iterator[tuple[int, Any] | RecordError]:
    """Records of a .json (array, {"articles": [...]}, or one object) or a .jsonl file, lazily."""
    if path.suffix.lower() == ".jsonl":
        with path.open("rb") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
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
    yield from enumerate(data if isinstance(data, list) else [data], 1)


def _read_json(path: Path, root: Path) -> Iterator[Article | RecordError]:
    base = article_id_for(path, root)
    for item in _json_records(path):
        if isinstance(item, RecordError):
            yield item
            continue
        index, record = item
        where = f"{path} record {index}"
        if not isinstance(record, dict):
            yield RecordError(where, "not a JSON object")
            continue
        body = _first(record, _BODY_KEYS)
        if not isinstance(body, str) or not body.strip():
            yield RecordError(where, f"no article text (expected one of: {', '.join(_BODY_KEYS)})")
            continue
        meta = {
            "title": record.get("title") or record.get("headline"),
            "outlet": _first(record, _OUTLET_KEYS),
            "published": _first(record, _DATE_KEYS),
            "url": record.get("url") or record.get("link"),
        }
        try:
            yield _make(f"{base}#{_record_key(record, index)}", path, body, meta, {})
        except IngestError as e:
            yield RecordError(where, str(e))


def read_file(path: Path, root: Path) -> Iterator[Article | RecordError]:
    """The articles in one file. Raises `IngestError` when the whole file is unusable."""
    if path.is_symlink() and not path.exists():
        raise IngestError("broken symbolic link")
    suffix = path.suffix.lower()
    try:
        if suffix in (".json", ".jsonl"):
            yield from _read_json(path, root)
            return
        text, meta = _READERS[suffix](path)
    except PermissionError as e:
        raise IngestError("permission denied: the file is not readable") from e
    except OSError as e:
        raise IngestError(f"cannot read the file ({e.strerror or e})") from e
    yield _make(article_id_for(path, root), path, text, meta, sidecar_metadata(path))
