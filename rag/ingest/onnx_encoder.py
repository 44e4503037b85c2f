"""The embedding model run by ONNX Runtime instead of torch (`embedding.backend = onnx | onnx-int8`).

sentence-transformers' own ONNX backend needs optimum-onnx, which pins transformers < 4.58 (we run
5.x), so the export is done here with torch's exporter and ONNX Runtime's own transformer optimizer
and dynamic quantizer. The export happens once, offline, from the local model's weights, into a cache
folder keyed by those weights; later starts only load the file.
"""

from __future__ import annotations

import hashlib
import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from filelock import FileLock

from rag.errors import ConfigError

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

OnnxVariant = Literal["onnx", "onnx-int8"]
# Bump when the export recipe changes, so stale cached graphs are not reused.
EXPORT_VERSION = "1"
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


@dataclass(frozen=True)
class Pipeline:
    """What the ONNX graph must reproduce of a sentence-transformers model."""

    model_dir: Path
    max_length: int


def describe_pipeline(model: SentenceTransformer) -> Pipeline:
    """A Transformer, mean pooling and optional normalization; anything else stays on torch."""
    from sentence_transformers.models import Normalize, Pooling, Transformer

    modules = list(model)
    ok = (
        len(modules) in (2, 3)
        and isinstance(modules[0], Transformer)
        and isinstance(modules[1], Pooling)
        and modules[1].pooling_mode in ("mean", ("mean",))
        and modules[1].include_prompt
        and (len(modules) == 2 or isinstance(modules[2], Normalize))
    )
    if not ok:
        raise ConfigError(
            "embedding.backend onnx supports models made of a Transformer, mean pooling and normalization; "
            "this model is not. Set RAG_EMBEDDING__BACKEND=torch."
        )
    path = getattr(modules[0].auto_model, "name_or_path", "") or ""
    if not Path(path).is_dir():
        raise ConfigError(f"embedding.backend onnx needs the model as a local folder; '{path}' is not one.")
    return Pipeline(Path(path), int(model.max_seq_length or 512))


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


class OnnxEncoder:
    """Owns an ONNX Runtime session for one model: tokenizes, batches texts of similar length together,
    and mean-pools and normalizes as sentence-transformers does. `for_model` exports the graph on
    first use (into `cache_dir`) and opens it."""

    def __init__(self, tokenizer: Any, session: Any, max_length: int) -> None:
        self.tokenizer = tokenizer
        self.session = session
        self.max_length = max_length
        self.pad_id = int(getattr(tokenizer, "pad_token_id", 0) or 0)

    @classmethod
    def for_model(
        cls, model: SentenceTransformer, variant: OnnxVariant, cache_dir: Path, threads: int = 0
    ) -> OnnxEncoder:
        pipeline = describe_pipeline(model)
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
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = threads
        session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        return cls(model.tokenizer, session, pipeline.max_length)

    def encode(self, texts: list[str], batch_size: int) -> np.ndarray:
        ids: list[list[int]] = self.tokenizer(
            texts, truncation=True, max_length=self.max_length, add_special_tokens=True
        )["input_ids"]
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
            hidden = self.session.run(
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
