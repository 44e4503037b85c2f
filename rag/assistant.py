"""`Assistant`: the one object the Python API, the CLI and the UI all use.

Everything heavy (embedding model, LLM, Chroma client) is built on first use, so listing
sources does not load a model and answering does not open anything twice. Tests and users
can pass their own LangChain chat model, embeddings or Chroma client.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from chromadb.api import ClientAPI
from filelock import FileLock, Timeout
from langchain_core.embeddings import Embeddings
from langchain_core.language_models import BaseChatModel

from rag.answer.alignment import make_checker
from rag.answer.chain import AnswerChain, resolve_mode
from rag.answer.guard import AnswerGuard
from rag.answer.llm import describe, make_chat_model
from rag.answer.prompts import load_prompt
from rag.answer.question import clean_question
from rag.answer.relevance import RelevanceChecker
from rag.errors import ConfigError, IngestError, QuestionError
from rag.evidence.selector import EvidenceSelector
from rag.ingest.chunk import Chunker
from rag.ingest.embed import SentenceTransformerEmbeddings
from rag.ingest.pipeline import Ingestor, ProgressFn
from rag.ingest.readers import ReadLimits
from rag.news.timeline import TimelineEvent, build_timeline
from rag.retrieval.adapter import open_adapter
from rag.retrieval.filters import MAX_K, MAX_TIMELINE_K, Filters
from rag.retrieval.hybrid import HybridRetriever, keyword_folder
from rag.retrieval.rerank import CrossEncoderReranker
from rag.runtime import go_offline
from rag.settings import Settings
from rag.store.chroma import ArticleStore
from rag.store.keyword import KeywordIndex
from rag.types import Answer, Article, ArticleInfo, EvidenceSet, History, IngestReport, Token


class Assistant:
    """The facade every surface uses (Python API, CLI, UI, evals). Owns the settings and builds each
    component once, lazily, from its settings section: embeddings, store, retriever, LLM, chain.
    Holds no pipeline logic itself."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        llm: BaseChatModel | None = None,
        embeddings: Embeddings | None = None,
        client: ClientAPI | None = None,
    ) -> None:
        if settings is not None and not isinstance(settings, Settings):
            raise ConfigError(
                f"settings must be a rag.Settings, not {type(settings).__name__}: Settings(**{{...}}) builds one."
            )
        if llm is not None and not isinstance(llm, BaseChatModel):
            raise ConfigError(
                f"llm must be a LangChain chat model, not {type(llm).__name__}; to pick a model by name, set "
                "it in the settings (Settings(llm={'provider': ..., 'model': ...}))."
            )
        self.settings = settings or Settings()
        go_offline(self.settings.offline)
        self._llm = llm
        self._embeddings = embeddings
        self._client = client

    # -- components, built lazily -------------------------------------------------------

    @cached_property
    def embeddings(self) -> Embeddings:
        return self._embeddings or SentenceTransformerEmbeddings(self.settings.embedding)

    @property
    def embedding_model_name(self) -> str:
        return str(getattr(self.embeddings, "name", None) or type(self.embeddings).__name__)

    @cached_property
    def store(self) -> ArticleStore:
        return ArticleStore(self.settings.store, self.embedding_model_name, client=self._client)

    @cached_property
    def llm(self) -> BaseChatModel:
        return self._llm or make_chat_model(self.settings.llm)

    @property
    def model_name(self) -> str:
        return describe(self.settings.llm) if self._llm is None else type(self._llm).__name__

    @cached_property
    def retriever(self) -> HybridRetriever:
        """Hybrid by default; `retrieval.mode` dense or bm25 uses one arm (still cosine-scored)."""
        r = self.settings.retrieval
        return HybridRetriever(
            store=self.store,
            embeddings=self.embeddings,
            keyword=KeywordIndex(keyword_folder(self.settings.store, r), r.bm25_stemmer or None, r.bm25_k1, r.bm25_b),
            config=r,
            reranker=CrossEncoderReranker(r.reranker, self.settings.embedding.device) if r.reranker else None,
            adapter=open_adapter(r.query_adapter, self.embedding_model_name),
        )

    def _sync_keyword_index(self) -> None:
        if self.settings.retrieval.mode != "dense":
            self.retriever.sync_keyword_index()

    @cached_property
    def chain(self) -> AnswerChain:
        s = self.settings
        return AnswerChain(
            retriever=self.retriever,
            selector=self.selector,
            llm=self.llm,
            answer_prompt=load_prompt(s.answer.answer_prompt, s.answer.prompts_dir),
            condense_prompt=load_prompt(s.answer.condense_prompt, s.answer.prompts_dir),
            settings=s.answer.model_copy(update={"mode": resolve_mode(s.answer, s.llm, self._llm is not None)}),
            retrieval=s.retrieval,
            encoding=s.chunking.encoding,
            model_name=self.model_name,
            guard=self._guard(),
        )

    @cached_property
    def selector(self) -> EvidenceSelector:
        return EvidenceSelector(self.embeddings, self.settings.evidence)

    def _guard(self) -> AnswerGuard | None:
        a = self.settings.answer
        if not a.guard:
            return None
        checker = make_checker(a.support_checker, self.embeddings, a.support_threshold)
        return AnswerGuard(checker, self.embeddings, a, RelevanceChecker(self.embeddings, a.relevance_threshold))

    def _chunker(self) -> Chunker:
        fits = getattr(self.embeddings, "fits", None)
        c = self.settings.chunking
        return Chunker(c.max_tokens, c.overlap_tokens, c.encoding, fits=fits)

    # -- corpus -------------------------------------------------------------------------

    def ingest(self, *paths: str | Path, on_progress: ProgressFn | None = None, prune: bool = False) -> IngestReport:
        """Add or update the articles under `paths`; unchanged files are skipped. Records gone from a JSON
        file are removed; articles whose file is gone from a folder are reported, or removed with `prune`."""
        s = self.settings
        limits = ReadLimits.from_mb(s.ingest.max_file_mb, s.ingest.max_article_chars)
        ingestor = Ingestor(self.store, self.embeddings, self._chunker(), s.ingest_batch_size, limits)
        if self.settings.store.host or self._client is not None:
            report = ingestor.ingest(list(paths), on_progress, prune)
            self._sync_keyword_index()
            return report
        # Two writers on one embedded index (CLI and UI upload) would interleave deletes and
        # writes; one waits briefly, then fails with a clear message instead.
        path = self.settings.store.path
        path.mkdir(parents=True, exist_ok=True)
        try:
            with FileLock(str(path / ".ingest.lock"), timeout=s.ingest.lock_timeout_s):
                report = ingestor.ingest(list(paths), on_progress, prune)
                self._sync_keyword_index()
                return report
        except Timeout as e:
            raise IngestError(f"Another ingestion is writing to {path}; try again when it has finished.") from e

    def sources(self) -> list[ArticleInfo]:
        return self.store.list_articles()

    def article(self, article_id: str) -> Article | None:
        return self.store.article(article_id)

    def remove(self, article_id: str) -> bool:
        """Delete an article and its chunks; False when no such article was indexed."""
        removed = self.store.remove_article(article_id)
        self._sync_keyword_index()
        return removed

    def stats(self) -> dict[str, Any]:
        articles = self.sources()
        return {
            "store": self.store.location,
            "collection": self.settings.store.collection,
            "articles": len(articles),
            "chunks": self.store.chunk_count(),
            "embedding_model": self.embedding_model_name,
            "llm": self.model_name,
            "answer_prompt": self.settings.answer.answer_prompt,
            "outlets": sorted({a.outlet for a in articles if a.outlet}),
        }

    # -- questions ------------------------------------------------------------------------

    def _filters(
        self, outlets: Sequence[str] | str | None, date_from: date | str | None, date_to: date | str | None
    ) -> Filters:
        """The filters, checked: a reversed date range, or an outlet no article is from, is an error
        that says what to do, not a silent "the articles don't say" (explore9 M2). Outlets match
        whatever their case; one outlet may be given as a string, a date as "YYYY-MM-DD"."""
        date_from, date_to = _as_date(date_from, "date_from"), _as_date(date_to, "date_to")
        if date_from and date_to and date_from > date_to:
            raise QuestionError(f"The start date ({date_from}) is after the end date ({date_to}); swap them.")
        wanted = [outlets] if isinstance(outlets, str) else list(outlets or ())
        if not all(isinstance(o, str) and o.strip() for o in wanted):
            raise QuestionError(f"outlets must be outlet names, such as ['Reuters']; got {outlets!r}.")
        if wanted:
            known = {a.outlet for a in self.store.list_articles() if a.outlet}
            by_case = {o.casefold(): o for o in known}
            unknown = [o for o in wanted if o.strip().casefold() not in by_case]
            if unknown:
                raise QuestionError(
                    f"No indexed article is from {', '.join(repr(o) for o in unknown)}. Outlets: "
                    + (", ".join(sorted(known)) if known else "none (no indexed article names its outlet)")
                    + "."
                )
            wanted = [by_case[o.strip().casefold()] for o in wanted]
        return Filters(outlets=tuple(wanted), date_from=date_from, date_to=date_to)

    @staticmethod
    def _check_request(history: History, k: int | None, most: int) -> None:
        """A history or k the CLI and the HTTP API would refuse is refused here too, with the shape
        expected, not an AttributeError from deep inside (explore9 M3)."""
        if k is not None and (isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= most):
            raise QuestionError(f"k (passages to retrieve) must be a whole number from 1 to {most}, not {k!r}.")
        if isinstance(history, str | bytes) or not all(
            isinstance(t, dict) and isinstance(t.get("role"), str) and isinstance(t.get("content", ""), str | None)
            for t in history
        ):
            raise QuestionError(
                'history must be a list of turns such as {"role": "user", "content": "…"}, oldest first.'
            )

    def stream(
        self,
        question: str,
        history: History = (),
        *,
        k: int | None = None,
        outlets: Sequence[str] | None = None,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        mode: str | None = None,
    ) -> Iterator[EvidenceSet | Token | Answer]:
        """The selected `EvidenceSet` first (before any LLM call), then `Token`s as the model writes
        them (unchecked: show the final `Answer`, not these), then the final cited `Answer`."""
        self._check_request(history, k, MAX_K)
        self.store.check()
        yield from self.chain.stream(question, history, k, self._filters(outlets, date_from, date_to), mode)

    def ask(
        self,
        question: str,
        history: History = (),
        *,
        k: int | None = None,
        outlets: Sequence[str] | None = None,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
        mode: str | None = None,
    ) -> Answer:
        """The cited answer; `mode` overrides `answer.mode` (evidence, compose, generate) for this call."""
        self._check_request(history, k, MAX_K)
        self.store.check()
        return self.chain.ask(question, history, k, self._filters(outlets, date_from, date_to), mode)

    def timeline(
        self,
        query: str,
        *,
        k: int = 20,
        outlets: Sequence[str] | None = None,
        date_from: date | str | None = None,
        date_to: date | str | None = None,
    ) -> list[TimelineEvent]:
        """Dated events about `query` in the indexed articles, earliest first; no LLM is used.

        Retrieves `k` passages (more than an answer needs: a timeline spans many articles),
        keeps those above the relevance threshold and near the best one (`retrieval.timeline_share`),
        and lists their dated sentences."""
        if not isinstance(query, str) or not query.strip():
            raise QuestionError("Please type a topic for the timeline.")
        query = clean_question(query, self.settings.answer.max_question_chars, "topic")
        self._check_request((), k, MAX_TIMELINE_K)
        self.store.check()
        passages = self.retriever.search(query, k, self._filters(outlets, date_from, date_to))
        config = self.settings.retrieval
        floor = max(config.min_relevance, config.timeline_share * max((p.score for p in passages), default=0.0))
        return build_timeline([p for p in passages if p.score >= floor])


def _as_date(value: date | str | None, name: str) -> date | None:
    """A filter date: a `date` (a datetime's day), or an ISO "YYYY-MM-DD" string as the CLI and the HTTP
    API take; anything else is a `QuestionError` (explore10 M9)."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise QuestionError(f"{name} must be a date or 'YYYY-MM-DD', not {value!r}.")
