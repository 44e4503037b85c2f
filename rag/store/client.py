"""Opening Chroma, embedded or server, and calling it with errors a person can act on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import chromadb
from chromadb.api import ClientAPI
from filelock import FileLock, Timeout

from rag.errors import StoreUnavailableError
from rag.settings import StoreSettings

_OPEN_LOCK_TIMEOUT_S = 60.0  # opening takes well under a second; a minute means a stuck process
# httpx's connection errors, matched by name so that httpx stays an indirect dependency.
_CONNECTION_ERRORS = {"ConnectError", "ReadError", "RemoteProtocolError", "ConnectTimeout"}


def make_client(settings: StoreSettings) -> ClientAPI:
    """`HttpClient` when a server host is configured, else a `PersistentClient` folder."""
    try:
        if settings.host:
            return chromadb.HttpClient(host=settings.host, port=settings.port, ssl=settings.ssl)
        settings.path.mkdir(parents=True, exist_ok=True)
        # Two processes opening a new folder at once (CLI ingest beside the UI) both run Chroma's
        # schema migrations and one fails with "table collections already exists"; take turns.
        with FileLock(str(settings.path / ".open.lock"), timeout=_OPEN_LOCK_TIMEOUT_S):
            return chromadb.PersistentClient(path=str(settings.path))
    except Timeout as e:
        raise StoreUnavailableError(
            f"Cannot open the Chroma store at {settings.path}: another process has been opening it for "
            f"{_OPEN_LOCK_TIMEOUT_S:.0f} s. Stop it, or delete {settings.path / '.open.lock'} if none is running."
        ) from e
    except Exception as e:
        raise StoreUnavailableError(
            f"Cannot open the Chroma store at {location(settings)}: {e}. "
            + (
                "Start the server (`chroma run --path DIR --host 127.0.0.1 --port PORT`) "
                "or unset RAG_STORE__HOST to use the embedded store."
                if settings.host
                else "Check that the folder is writable (RAG_STORE__PATH)."
            )
        ) from e


def location(settings: StoreSettings) -> str:
    """Where the store is, for messages: the server address or the folder."""
    return f"chroma server {settings.host}:{settings.port}" if settings.host else str(settings.path)


def call(place: str, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
    """Run a Chroma call, turning a dropped server connection into a clear error."""
    try:
        return fn(*args, **kwargs)
    except (ConnectionError, OSError) as e:
        raise StoreUnavailableError(f"Lost the connection to the {place}: {e}") from e
    except Exception as e:
        if type(e).__name__ in _CONNECTION_ERRORS:
            raise StoreUnavailableError(f"Lost the connection to the {place}: {e}") from e
        raise


def pages(call: Callable[..., Any], collection: Any, include: list[str], size: int) -> Iterator[dict[str, Any]]:
    """Every record of a collection, `size` at a time (the one pager: scans, checks, syncs)."""
    offset = 0
    while True:
        got = call(collection.get, include=include, limit=size, offset=offset)
        if got["ids"]:
            yield got
        if len(got["ids"]) < size:
            return
        offset += len(got["ids"])


def upsert_batched(call: Callable[..., Any], collection: Any, limit: int, ids: list[str], **columns: list[Any]) -> None:
    """One upsert per `limit` records (the one batched writer: chunks and manifest alike)."""
    for i in range(0, len(ids), limit):
        part = {name: values[i : i + limit] for name, values in columns.items()}
        call(collection.upsert, ids=ids[i : i + limit], **part)
