"""Process-wide switches that must be set before Hugging Face libraries are imported."""

from __future__ import annotations

import logging
import os
import warnings


def go_offline(offline: bool = True) -> None:
    """Make Hugging Face libraries use local files only, never the hub.

    huggingface_hub reads these variables when first imported, so this runs when an
    `Assistant` is created, before any model is loaded. An explicit value set by the user
    (e.g. HF_HUB_OFFLINE=0 to fetch a model once) is respected.
    """
    if offline:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")  # chromadb's posthog telemetry


def quiet_model_loading() -> None:
    """Hide per-tensor progress bars and deprecation chatter from model loading."""
    try:
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
    except ImportError:
        pass
    warnings.filterwarnings("ignore", category=FutureWarning, module=r"(transformers|sentence_transformers).*")
    logging.getLogger("chromadb.telemetry").setLevel(logging.CRITICAL)
