"""Model responses cached on disk, so rerunning a suite is quick and gives identical answers.

The key hashes the model's identity and decoding settings, the prompt version and prompt-file
hash of the variant, and the exact messages sent (which contain the rendered prompt, passages
and question): any change to any of them is a cache miss. One JSON file per response, written
atomically, so an interrupted run never leaves a half-written entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import PrivateAttr


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


class CachedChatModel(BaseChatModel):
    """Wraps a chat model; replays a stored response for the same key instead of calling it."""

    inner: BaseChatModel
    model_id: str  # provider, model and decoding settings
    namespace: str = ""  # prompt version + prompt-file hash of the variant
    cache_dir: Path | None = None  # None: caching off (--no-cache)
    _hits: int = PrivateAttr(default=0)
    _misses: int = PrivateAttr(default=0)
    _replayed_s: float = PrivateAttr(default=0.0)

    @property
    def _llm_type(self) -> str:
        return "cached"

    def key(self, messages: list[BaseMessage]) -> str:
        payload = {
            "model": self.model_id,
            "namespace": self.namespace,
            "messages": [[m.type, str(m.content)] for m in messages],
        }
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        assert self.cache_dir is not None
        return self.cache_dir / key[:2] / f"{key}.json"

    def _lookup(self, key: str) -> dict[str, Any] | None:
        if self.cache_dir is None:
            return None
        try:
            return json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _store(self, key: str, text: str, seconds: float) -> None:
        if self.cache_dir is None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
            record = {"model": self.model_id, "namespace": self.namespace, "text": text, "seconds": seconds}
            tmp.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            tmp.replace(path)
        except OSError:
            pass  # a read-only cache only costs the next run its time

    def take_replayed_seconds(self) -> float:
        """Generation time of the responses replayed since the last call (for latency figures)."""
        seconds, self._replayed_s = self._replayed_s, 0.0
        return seconds

    @property
    def stats(self) -> dict[str, int]:
        return {"hits": self._hits, "misses": self._misses}

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        key = self.key(messages)
        hit = self._lookup(key)
        if hit is not None:
            self._hits += 1
            self._replayed_s += float(hit.get("seconds", 0.0))
            yield ChatGenerationChunk(message=AIMessageChunk(content=str(hit["text"])))
            return
        self._misses += 1
        started = time.perf_counter()
        pieces: list[str] = []
        for chunk in self.inner.stream(messages, stop=stop, **kwargs):
            piece = str(chunk.content)
            pieces.append(piece)
            yield ChatGenerationChunk(message=AIMessageChunk(content=piece))
        self._store(key, "".join(pieces), round(time.perf_counter() - started, 4))

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = "".join(str(c.message.content) for c in self._stream(messages, stop, run_manager, **kwargs))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])
