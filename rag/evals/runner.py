"""Run a suite's cases with one settings variant and score every answer.

Each variant is the base settings plus overrides (a prompt file, a model, retrieval settings).
Variants that share embedding and chunking settings share one temporary index, built once;
variants that share LLM settings share one loaded model, each behind its own response cache.
The answer that is scored is the displayed one (after the answer guard); the model's raw
output is scored too, before the guard, so the guard's effect is visible.
"""

from __future__ import annotations

import difflib
import sys
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel
from tqdm import tqdm

from rag.answer.alignment import make_checker, word_vectors_for
from rag.answer.chain import resolve_mode
from rag.answer.llm import describe, make_chat_model
from rag.answer.prompts import load_prompt
from rag.answer.relevance import selector_relevance
from rag.assistant import Assistant
from rag.errors import ConfigError, RagError
from rag.evals.cache import CachedChatModel, file_hash
from rag.evals.scoring import RANK_DEPTH, CaseResult, MemoEmbeddings, SupportJudge, closest_sentence, failed, score_case
from rag.evals.suite import Case, Suite
from rag.ingest.chunk import token_counter
from rag.settings import Settings, StoreSettings
from rag.settings.overrides import merge
from rag.store.client import make_client


@dataclass(frozen=True)
class Variant:
    name: str
    overrides: dict[str, Any] = field(default_factory=dict)


@dataclass
class VariantRun:
    variant: Variant
    info: dict[str, Any]  # prompt version and hash, model, settings that differ
    results: list[CaseResult]


def _check_gold(cases: list[Case], ids: set[str]) -> None:
    """A gold article id that names no indexed article is an error: it scored 0 on retrieval without a
    word (explore12 M3; "a3.md" for the article "a3")."""
    unknown = [(c.id, g) for c in cases for g in c.gold_articles if g not in ids]
    if not unknown:
        return
    problems = []
    for case, gold in unknown:
        close = difflib.get_close_matches(Path(gold).stem if Path(gold).suffix else gold, sorted(ids), n=1)
        problems.append(f"case '{case}': no article '{gold}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
    raise ConfigError("; ".join(problems) + ". Article ids are the files' names without extension (rag sources).")


def _prompt_file(name: str, prompts_dir: Path) -> Path:
    path = Path(name)
    return path if path.suffix in (".yaml", ".yml") else prompts_dir / f"{name}.yaml"


# answer_relevance: a displayed sentence answers the question when the evidence selector's span
# model, scoring it as a candidate, gives it at least this probability.
RELEVANT = 0.5


class SuiteRunner:
    """Owns one eval run: a temporary index per embedding/chunking setup, one cached model per LLM
    setup, and the scoring of every case for each variant. Models come from `llm_factory` and
    `embeddings_factory` (the injection points tests use)."""

    def __init__(
        self,
        suite: Suite,
        cases: list[Case],
        corpus: list[Path],
        base: dict[str, Any] | None = None,
        cache_dir: Path | None = None,
        judge: Any = None,
        llm_factory: Callable[[Settings], BaseChatModel] | None = None,
        embeddings_factory: Callable[[Settings], Embeddings] | None = None,
        progress: bool = True,
    ) -> None:
        self.suite = suite
        self.cases = cases
        self.corpus = corpus
        self.base = base or {}
        self.cache_dir = cache_dir
        self.judge = judge
        self.llm_factory = llm_factory or (lambda s: make_chat_model(s.llm))
        self.embeddings_factory = embeddings_factory or _real_embeddings
        self.progress = progress
        self._tmp = tempfile.TemporaryDirectory(prefix="rag-eval-")
        # A folder store in a temporary directory: Chroma's in-memory client is a per-process
        # singleton that refuses a second configuration, which tests and the UI may hold.
        self.client = make_client(StoreSettings(path=Path(self._tmp.name) / "index"))
        self._indexes: dict[str, str] = {}
        self._embeddings: dict[str, Embeddings] = {}
        self._llms: dict[str, BaseChatModel] = {}

    def settings_for(self, variant: Variant) -> Settings:
        values = merge(self.base, variant.overrides)
        values = merge(values, {"store": {"path": str(Path(self._tmp.name) / "index")}})
        try:
            settings = Settings(**values)
        except Exception as e:  # pydantic's message names the bad setting
            raise ConfigError(f"Variant '{variant.name}' has invalid settings: {e}") from e
        # "auto" is decided by the configured model, as in the product (the runner always hands
        # the Assistant a cached wrapper, which must not count as a model of the user's own).
        mode = resolve_mode(settings.answer, settings.llm, own_model=False)
        return settings.model_copy(update={"answer": settings.answer.model_copy(update={"mode": mode})})

    def _assistant(self, settings: Settings, variant: Variant) -> tuple[Assistant, CachedChatModel]:
        emb_key = settings.embedding.model_dump_json()
        if emb_key not in self._embeddings:
            self._embeddings[emb_key] = self.embeddings_factory(settings)
        embeddings = self._embeddings[emb_key]
        llm_key = settings.llm.model_dump_json()
        if llm_key not in self._llms:
            self._llms[llm_key] = self.llm_factory(settings)
        a = settings.answer
        answer_file = _prompt_file(a.answer_prompt, a.prompts_dir)
        condense_file = _prompt_file(a.condense_prompt, a.prompts_dir)
        answer_prompt = load_prompt(a.answer_prompt, a.prompts_dir)  # fails early on a bad prompt file
        namespace = (
            f"{answer_prompt.version}:{file_hash(answer_file)}|"
            f"{load_prompt(a.condense_prompt, a.prompts_dir).version}:{file_hash(condense_file)}"
        )
        model_id = f"{describe(settings.llm)}|t={settings.llm.temperature}|n={settings.llm.max_new_tokens}"
        llm = CachedChatModel(
            inner=self._llms[llm_key], model_id=model_id, namespace=namespace, cache_dir=self.cache_dir
        )
        index_key = emb_key + settings.chunking.model_dump_json()
        fresh = index_key not in self._indexes
        collection = self._indexes.setdefault(index_key, f"eval{uuid.uuid4().hex[:12]}")
        settings = settings.model_copy(update={"store": settings.store.model_copy(update={"collection": collection})})
        assistant = Assistant(settings, llm=llm, embeddings=embeddings, client=self.client)
        if fresh:
            report = assistant.ingest(*self.corpus)
            if not report.ingested:
                raise ConfigError(f"Nothing could be ingested from {', '.join(map(str, self.corpus))}.")
            _check_gold(self.cases, {a.id for a in assistant.sources()})
        return assistant, llm

    def run(self, variant: Variant) -> VariantRun:
        settings = self.settings_for(variant)
        assistant, llm = self._assistant(settings, variant)
        checker = make_checker(
            settings.answer.support_checker,
            MemoEmbeddings(assistant.embeddings),
            settings.answer.support_threshold,
            word_vectors=word_vectors_for(assistant.embeddings),  # the memo wrapper hides the model
        )
        supports = SupportJudge(checker)
        count = token_counter(settings.chunking.encoding)
        abstain = assistant.chain.answer_prompt.abstain
        threshold = RELEVANT  # a span probability the selector counts as an answer

        def relevance(question: str, sentences: list[str]) -> list[float]:
            return selector_relevance(assistant.selector, question, sentences)

        results = []
        bar = tqdm(self.cases, desc=variant.name, unit="case", disable=not self.progress, file=sys.stderr)
        for case in bar:
            llm.take_replayed_seconds()
            try:
                answer = assistant.ask(case.final_question, case.history)
            except RagError as e:
                results.append(failed(case, str(e)))
                continue
            latency = answer.timings.get("total_s", 0.0) + llm.take_replayed_seconds()
            ranked = assistant.retriever.search(answer.standalone_question, k=RANK_DEPTH)
            result = score_case(
                case,
                answer,
                ranked,
                supports,
                self.suite.k,
                abstain,
                count,
                answers=lambda q, sentences: [p >= threshold for p in relevance(q, sentences)],
                closest_sentence=closest_sentence(
                    assistant.embeddings, answer.standalone_question, ranked[: self.suite.k]
                ),
            )
            result.metrics["latency_s"] = round(latency, 3)
            if self.judge is not None and not answer.abstained:
                result.metrics.update(self.judge.score(case, answer))
            results.append(result)
        a = settings.answer
        info = {
            "answer_prompt": assistant.chain.answer_prompt.version,
            "answer_prompt_file": str(_prompt_file(a.answer_prompt, a.prompts_dir)),
            "answer_prompt_hash": file_hash(_prompt_file(a.answer_prompt, a.prompts_dir)),
            "model": describe(settings.llm),
            "embedding": settings.embedding.model,
            "overrides": variant.overrides,
            "cache": llm.stats,
            "guard": settings.answer.guard,
        }
        return VariantRun(variant, info, results)

    def close(self) -> None:
        self._tmp.cleanup()


def _real_embeddings(settings: Settings) -> Embeddings:
    from rag.ingest.embed import SentenceTransformerEmbeddings

    return SentenceTransformerEmbeddings(settings.embedding)
