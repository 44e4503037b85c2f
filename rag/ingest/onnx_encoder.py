"""The embedding model run by ONNX Runtime instead of torch (`embedding.backend = onnx | onnx-int8`).

sentence-transformers' own ONNX backend needs optimum-onnx, which pins transformers < 4.58 (we run
5.x), so the export is done here with torch's exporter and ONNX Runtime's own transformer optimizer
and dynamic quantizer. The export happens once, offline, from the local model's weights, into a cache
folder keyed by those weights; later starts only load the file. Apart from that export nothing here
imports torch: the model folder's own files describe the pipeline and the Rust `tokenizers` library
tokenizes, so a process that only embeds holds about 0.2 GB instead of 1.3 GB.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from filelock import FileLock

from rag.errors import ConfigError

if TYPE_CHECKING:
    from tokenizers import Tokenizer

OnnxVariant = Literal["onnx", "onnx-int8"]
# Bump when the export recipe changes, so stale cached graphs are not reused.
EXPORT_VERSION = "1"
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


@dataclass(frozen=True)
class Pipeline:
    """What the ONNX graph must reproduce of a sentence-transformers model."""

    model_dir: Path
    max_length: int
    dimension: int


_MEAN_ONLY = {"pooling_mode_mean_tokens": True, "pooling_mode_cls_token": False, "pooling_mode_max_tokens": False}


def read_pipeline(model_dir: Path) -> Pipeline:
    """A Transformer, mean pooling and optional normalization, read from the sentence-transformers
    folder's own files (modules.json, the pooling config, sentence_bert_config.json); anything else
    stays on torch."""
    unsupported = ConfigError(
        "embedding.backend onnx supports a local sentence-transformers folder made of a Transformer, mean "
        f"pooling and normalization; '{model_dir}' is not one. Set RAG_EMBEDDING__BACKEND=torch."
    )
    try:
        modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        pooling = json.loads((model_dir / modules[1]["path"] / "config.json").read_text(encoding="utf-8"))
        limits = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, IndexError) as e:
        raise unsupported from e
    ok = (
        kinds[:2] == ["Transformer", "Pooling"]
        and kinds[2:] in ([], ["Normalize"])
        and all(pooling.get(key, False) == value for key, value in _MEAN_ONLY.items())
        and pooling.get("include_prompt", True)
        and (model_dir / "tokenizer.json").is_file()
    )
    if not ok:
        raise unsupported
    return Pipeline(model_dir, int(limits.get("max_seq_length") or 512), int(pooling["word_embedding_dimension"]))


def weights_digest(model_dir: Path) -> str:
    """Identifies the weights cheaply: config, sizes, and the first and last MiB of each weight file."""
    h = hashlib.sha256(EXPORT_VERSION.encode())
    for name in ("config.json", "model.safetensors", "pytorch_model.bin"):
        path = model_dir / name
        if not path.is_file():
            continue
        size = path.stat().st_size
        h.update(f"{name}:{size}".encode())
        with path.open("rb") as f:
            h.update(f.read(1 << 20))
            f.seek(max(size - (1 << 20), 0))
            h.update(f.read(1 << 20))
    return h.hexdigest()[:16]


def export(pipeline: Pipeline, target: Path, variant: OnnxVariant) -> None:
    """Write the fused fp32 graph (and the int8 one for onnx-int8) into `target`'s folder."""
    import torch
    from onnxruntime.transformers.optimizer import optimize_model
    from transformers import AutoConfig, AutoModel, AutoTokenizer

    folder = target.parent
    folder.mkdir(parents=True, exist_ok=True)
    fp32 = folder / "model.onnx"
    if not fp32.exists():
        # Eager attention traces to the plain MatMul/Softmax pattern ONNX Runtime fuses into its
        # Attention kernel; the SDPA path does not fuse.
        hf = AutoModel.from_pretrained(pipeline.model_dir, attn_implementation="eager").eval()
        config = AutoConfig.from_pretrained(pipeline.model_dir)
        tokens = AutoTokenizer.from_pretrained(pipeline.model_dir)(
            ["a first sentence", "and a second, longer sentence"], padding=True, return_tensors="pt"
        )

        class Hidden(torch.nn.Module):
            def __init__(self, inner: Any) -> None:
                super().__init__()
                self.inner = inner

            def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
                return self.inner(
                    input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
                ).last_hidden_state

        raw = folder / f"raw.{os.getpid()}.onnx"
        dynamic = {name: {0: "batch", 1: "tokens"} for name in (*_INPUTS, "last_hidden_state")}
        with torch.no_grad():
            torch.onnx.export(
                Hidden(hf),
                tuple(tokens[name] for name in _INPUTS),
                str(raw),
                dynamo=False,
                input_names=list(_INPUTS),
                output_names=["last_hidden_state"],
                dynamic_axes=dynamic,
                opset_version=17,
            )
        fused = optimize_model(
            str(raw),
            model_type="bert",
            num_heads=int(config.num_attention_heads),
            hidden_size=int(config.hidden_size),
        )
        staging = folder / f"model.{os.getpid()}.onnx"
        fused.save_model_to_file(str(staging))
        os.replace(staging, fp32)
        raw.unlink(missing_ok=True)
    if variant == "onnx-int8" and not target.exists():
        import onnx
        from onnxruntime.quantization import QuantType, quantize_dynamic

        staging = folder / f"model.int8.{os.getpid()}.onnx"
        # Fused ops carry no inferred output types; they are all float.
        quantize_dynamic(
            fp32,
            staging,
            weight_type=QuantType.QInt8,
            per_channel=True,
            extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
        )
        os.replace(staging, target)


def _session(path: Path, threads: int) -> Any:
    """An ONNX Runtime session on `path` with `threads` intra-op threads (0: one per core)."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.intra_op_num_threads = threads
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


class OnnxEncoder:
    """Owns an ONNX Runtime session and the tokenizer for one model: tokenizes, batches texts of similar
    length together, and mean-pools and normalizes as sentence-transformers does. `open` exports the
    graph on first use (into `cache_dir`) and loads it."""

    def __init__(
        self,
        tokenizer: Tokenizer,
        session: Any,
        pipeline: Pipeline,
        one_at_a_time: bool = False,
        open_query_session: Callable[[], Any] | None = None,
    ) -> None:
        self.tokenizer = tokenizer
        self.session = session
        self._open_query_session = open_query_session
        self.max_length = pipeline.max_length
        self.dimension = pipeline.dimension
        # The int8 graph quantizes activations with one scale per tensor, computed at run time, so a
        # batch-mate (or its padding) would change a text's vector (cosine 0.975 to itself alone). Run
        # one text per call, the graph sees only that text: its vector is the same in a 64-passage
        # ingest batch and as a lone question. Here it is also faster than padded batches (no padding).
        self.one_at_a_time = one_at_a_time
        padding = getattr(tokenizer, "padding", None) or {}
        self.pad_id = int(padding.get("pad_id", 0) or 0)

    @classmethod
    def open(cls, model_dir: Path, variant: OnnxVariant, cache_dir: Path, threads: int = 0) -> OnnxEncoder:
        pipeline = read_pipeline(model_dir)
        folder = Path(cache_dir).expanduser() / f"{pipeline.model_dir.name}-{weights_digest(pipeline.model_dir)}"
        path = folder / ("model.int8.onnx" if variant == "onnx-int8" else "model.onnx")
        if not path.exists():
            try:
                folder.mkdir(parents=True, exist_ok=True)
                with FileLock(str(folder / ".export.lock")), warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # the exporter's tracer warnings are about its internals
                    export(pipeline, path, variant)
            except Exception as e:
                raise ConfigError(
                    f"Could not export the embedding model to ONNX in {folder}: {e}. Set RAG_EMBEDDING__BACKEND=torch."
                ) from e
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(pipeline.model_dir / "tokenizer.json"))
        tokenizer.no_truncation()  # counting needs full lengths; `encode` truncates as the model does
        tokenizer.no_padding()
        return cls(
            tokenizer,
            _session(path, threads),
            pipeline,
            one_at_a_time=variant == "onnx-int8",
            open_query_session=lambda: _session(path, 1),
        )

    @cached_property
    def query_session(self) -> Any:
        """The session questions run on: one thread, opened on the first question. A question is a
        few dozen word pieces, which a second thread barely speeds up (int8: 2.9 -> 1.9 ms), while
        the search it starts runs its BM25 arm and Chroma's reads beside it on the other cores
        (question to passages at 100k chunks, 2 cores: p50 19.5 ms with one thread, 25-34 ms with
        two; benchmarks/query_latency.py). A process that only ingests never opens it."""
        return self._open_query_session() if self._open_query_session is not None else self.session

    def encode_query(self, text: str) -> np.ndarray:
        """One question's vector, on `query_session`."""
        return self._encode_on(self.query_session, [text], 1)[0]

    def count_tokens(self, text: str) -> int:
        """Word pieces of `text`, without the special tokens."""
        return len(self.tokenizer.encode(text, add_special_tokens=False).ids)

    def _ids(self, texts: list[str]) -> list[list[int]]:
        """Token ids with the special tokens, cut to the model's limit keeping the closing [SEP] (what
        the transformers tokenizer's `truncation=True` does for a single text)."""
        ids = [e.ids for e in self.tokenizer.encode_batch(texts, add_special_tokens=True)]
        return [i if len(i) <= self.max_length else [*i[: self.max_length - 1], i[-1]] for i in ids]

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        return self._encode_on(self.session, texts, 1 if self.one_at_a_time else batch_size)

    def _encode_on(self, session: Any, texts: list[str], batch_size: int) -> np.ndarray:
        ids = self._ids(texts)
        out = np.zeros((len(texts), 0), dtype=np.float32)
        # Longest first, so each batch pads to about its own length (what sentence-transformers does too).
        order = sorted(range(len(texts)), key=lambda i: -len(ids[i]))
        for start in range(0, len(order), batch_size):
            chunk = order[start : start + batch_size]
            width = max(len(ids[i]) for i in chunk)
            input_ids = np.full((len(chunk), width), self.pad_id, dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.int64)
            for row, i in enumerate(chunk):
                input_ids[row, : len(ids[i])] = ids[i]
                mask[row, : len(ids[i])] = 1
            hidden = session.run(
                None, {"input_ids": input_ids, "attention_mask": mask, "token_type_ids": np.zeros_like(input_ids)}
            )[0]
            weights = mask[..., None].astype(np.float32)
            vectors = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            # Always normalized, as the torch path is (`normalize_embeddings=True`).
            vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
            if out.shape[1] == 0:
                out = np.zeros((len(texts), vectors.shape[1]), dtype=np.float32)
            out[chunk] = vectors
        return out
