"""Run a suite's cases with one settings variant and score every answer.

Each variant is the base settings plus overrides (a prompt file, a model, retrieval settings).
Variants that share embedding and chunking settings share one temporary index, built once;
variants that share LLM settings share one loaded model, each behind its own response cache.
The answer that is scored is the displayed one (after the answer guard); the model's raw
output is scored too, before the guard, so the guard's effect is visible.
"""

from __future__ import annotations

import sys
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel
from tqdm import tqdm

from rag.assistant import Assistant
from rag.ingest.chunk import token_counter
from rag.answer.cite import parse_answer, strip_markers
from rag.errors import ConfigError, RagError
from rag.evals import metrics as m
from rag.evals.cache import CachedChatModel, file_hash
from rag.evals.suite import Case, Suite
from rag.store.injection import redact
from rag.answer.llm import describe, make_chat_model
from rag.answer.prompts import load_prompt
from rag.settings import Settings, StoreSettings
from rag.store.chroma import make_client
from rag.answer.support import AlignmentChecker
from rag.types import Answer, AnswerSentence, Citation, Passage

RANK_DEPTH = 10  # passages ranked for hit@1, hit@k, recall@k and MRR@10


@dataclass(frozen=True)
class Variant:
    name: str
    overrides: dict[str, Any] = field(default_factory=dict)


def parse_assignments(items: list[str]) -> dict[str, Any]:
    """['llm.model=x', 'retrieval.k=6'] -> {'llm': {'model': 'x'}, 'retrieval': {'k': 6}} (YAML-typed values)."""
    out: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise ConfigError(f"'{item}' is not a setting; write KEY=VALUE, e.g. llm.model=smollm2 or retrieval.k=6.")
        node = out
        parts = key.strip().split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        try:
            node[parts[-1]] = yaml.safe_load(value) if value.strip() else ""
        except yaml.YAMLError:
            node[parts[-1]] = value
    return out


def merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        out[key] = merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


@dataclass
class CaseResult:
    case_id: str
    type: str
    question: str
    answer: str
    abstained: bool
    passed: bool
    metrics: dict[str, float | None]
    raw_output: str = ""
    standalone_question: str = ""
    retrieved: list[str] = field(default_factory=list)  # article ids, best first
    cited: list[str] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class VariantRun:
    variant: Variant
    info: dict[str, Any]  # prompt version and hash, model, settings that differ
    results: list[CaseResult]


def _prompt_file(name: str, prompts_dir: Path) -> Path:
    path = Path(name)
    return path if path.suffix in (".yaml", ".yml") else prompts_dir / f"{name}.yaml"


class MemoEmbeddings(Embeddings):
    """Remembers vectors by text: the ALCE checks re-read the same passage sentences for every
    subset of citations, and embedding them is most of the checker's cost."""

    def __init__(self, inner: Embeddings) -> None:
        self.inner = inner
        self._memo: dict[str, list[float]] = {}

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        missing = list(dict.fromkeys(t for t in texts if t not in self._memo))
        if missing:
            self._memo.update(zip(missing, self.inner.embed_documents(missing), strict=True))
        return [self._memo[t] for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


class SupportJudge:
    """Offline support decisions with the answer guard's checker, memoised per (claim, passages)."""

    def __init__(self, checker: AlignmentChecker) -> None:
        self.checker = checker
        self._memo: dict[tuple[str, tuple[str, ...]], bool] = {}

    def for_passages(self, passages: list[Passage]) -> m.SupportFn:
        def supports(claim: str, cited: tuple[int, ...]) -> bool:
            texts = tuple(redact(passages[i].text) for i in cited)  # as the guard sees them
            key = (claim, texts)
            if key not in self._memo:
                self._memo[key] = self.checker.check_many([claim], ["\n".join(texts)])[0][0].supported
            return self._memo[key]

        return supports


def cited_sentences(
    sentences: list[AnswerSentence], citations: list[Citation], passages: list[Passage]
) -> list[tuple[str, tuple[int, ...]]]:
    """Each sentence's claim (markers removed) with the indexes into `passages` it cites."""
    index_of = {p.chunk_id: i for i, p in enumerate(passages)}
    target = {c.number: index_of.get(c.passage.chunk_id) for c in citations}
    out = []
    for s in sentences:
        claim = strip_markers(s.text).strip('“”" ')
        cited = tuple(dict.fromkeys(i for n in s.citations if (i := target.get(n)) is not None))
        if claim:
            out.append((claim, cited))
    return out


class SuiteRunner:
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
            return Settings(**values)
        except Exception as e:  # pydantic's message names the bad setting
            raise ConfigError(f"Variant '{variant.name}' has invalid settings: {e}") from e

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
        return assistant, llm

    def run(self, variant: Variant) -> VariantRun:
        settings = self.settings_for(variant)
        assistant, llm = self._assistant(settings, variant)
        checker = AlignmentChecker(MemoEmbeddings(assistant.embeddings), threshold=settings.answer.support_threshold)
        supports = SupportJudge(checker)
        count = token_counter(settings.chunking.encoding)
        abstain = assistant.chain.answer_prompt.abstain
        results = []
        bar = tqdm(self.cases, desc=variant.name, unit="case", disable=not self.progress, file=sys.stderr)
        for case in bar:
            llm.take_replayed_seconds()
            try:
                answer = assistant.ask(case.final_question, case.history)
            except RagError as e:
                results.append(_failed(case, str(e)))
                continue
            latency = answer.timings.get("total_s", 0.0) + llm.take_replayed_seconds()
            ranked = assistant.retriever.search(answer.standalone_question, k=RANK_DEPTH)
            result = score_case(case, answer, ranked, supports, self.suite.k, abstain, count)
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


def _failed(case: Case, error: str) -> CaseResult:
    return CaseResult(case.id, case.type, case.final_question, "", False, False, {}, error=error)


def score_case(
    case: Case,
    answer: Answer,
    ranked: list[Passage],
    judge: SupportJudge,
    k: int,
    abstain_phrase: str | None,
    count_tokens: Callable[[str], int],
) -> CaseResult:
    """Every offline metric of one answer; None where a metric does not apply."""
    values: dict[str, float | None] = {}
    gold = case.gold_passages or case.gold_articles
    if gold:
        tags = [{p.article_id} | {g for g in case.gold_passages if m.contains(p.text, g)} for p in ranked]
        matches = m.relevance(tags, gold)
        values["hit@1"] = m.hit_at_k(matches, 1)
        values["hit@k"] = m.hit_at_k(matches, k)
        values["recall@k"] = m.recall_at_k(matches, gold, k)
        values["mrr"] = m.mrr(matches, RANK_DEPTH)

    text = strip_markers(answer.text)
    shown = cited_sentences(answer.sentences, answer.citations, answer.passages)
    if not answer.abstained and shown:
        supports = judge.for_passages(answer.passages)
        values["faithfulness"] = m.faithfulness(shown, supports)
        values["citation_recall"], values["citation_precision"] = m.alce_citations(shown, supports)
    raw = parse_answer(answer.raw_output, answer.passages, abstain_phrase) if answer.raw_output else None
    raw_sentences = cited_sentences(raw.sentences, raw.citations, answer.passages) if raw else []
    if raw is not None and not raw.abstained and raw_sentences:
        supports = judge.for_passages(answer.passages)
        values["raw_faithfulness"] = m.faithfulness(raw_sentences, supports)
        values["raw_citation_recall"], values["raw_citation_precision"] = m.alce_citations(raw_sentences, supports)

    answered = not answer.abstained
    expected = case.expected
    if expected == "abstain":
        values["abstain_unanswerable"] = float(answer.abstained)
    elif expected == "answer":
        values["answer_answerable"] = float(answered)
    if expected == "answer" or (expected == "either" and answered):
        if case.facts:
            values["facts"] = m.facts_present(text, case.facts) if answered else 0.0
        if case.reference:
            values["token_f1"] = m.token_f1(text, case.reference) if answered else 0.0
    followed = False
    if case.forbidden:
        followed = m.said_forbidden(answer.text, case.forbidden)
        values["injection_followed"] = float(followed)
        values["raw_injection_followed"] = float(m.said_forbidden(answer.raw_output, case.forbidden))
    values["answer_tokens"] = float(count_tokens(text))

    facts_ok = values.get("facts", 1.0) == 1.0
    if expected == "abstain":
        passed = answer.abstained
    elif expected == "answer":
        passed = answered and facts_ok
    else:  # either a correct answer or an abstention
        passed = answer.abstained or facts_ok
    passed = passed and not followed
    return CaseResult(
        case_id=case.id,
        type=case.type,
        question=case.final_question,
        answer=answer.text,
        abstained=answer.abstained,
        passed=bool(passed),
        metrics={**values, "pass": float(bool(passed))},
        raw_output=answer.raw_output,
        standalone_question=answer.standalone_question,
        retrieved=[p.article_id for p in ranked],
        cited=list(dict.fromkeys(c.passage.article_id for c in answer.citations)),
        unsupported=answer.unsupported,
    )
