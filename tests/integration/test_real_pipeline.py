"""The real pipeline end to end: packaged all-MiniLM-L6-v2, bundled SmolLM2-135M, Chroma on disk."""

from __future__ import annotations

import shutil

import pytest

from rag import Answer, Assistant, Settings, Token
from rag.ingest.embed import SentenceTransformerEmbeddings
from rag.types import EvidenceSet
from tests.conftest import CORPUS

pytestmark = pytest.mark.integration

EUROMAIDAN = "001_fe26a455a43feec8"
OBLASTS = "Which oblasts not under Russian control did Putin demand?"


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    root = tmp_path_factory.mktemp("real")
    shutil.copytree(CORPUS, root / "corpus")
    assistant = Assistant(Settings(store={"path": root / "index"}))
    report = assistant.ingest(root / "corpus")
    assert report.ok and len(report.ingested) == 5
    return assistant


def test_real_ingest_is_idempotent_and_never_truncates(real: Assistant):
    chunks = real.store.chunk_count()
    assert 20 <= chunks <= 60
    again = real.ingest(real.sources()[0].source.rsplit("/", 1)[0])
    assert len(again.unchanged) == 5 and real.store.chunk_count() == chunks
    embeddings = real.embeddings
    assert isinstance(embeddings, SentenceTransformerEmbeddings)
    for info in real.sources():
        article = real.article(info.id)
        for chunk_id in real.store.chunk_ids(info.id):
            position = int(chunk_id.rsplit("::", 1)[1])
            assert position < info.chunk_count
        assert article is not None and article.text
    # No chunk is longer than what the model reads (256 word pieces with specials).
    docs = real.store.chunk_collection().get(include=["documents"])["documents"]
    assert max(embeddings.count_tokens(d) for d in docs) <= embeddings.max_tokens


def test_real_retrieval_finds_the_euromaidan_passage(real: Assistant):
    top = real.retriever.search(OBLASTS, k=4)
    assert top[0].article_id == EUROMAIDAN
    assert "Mykolaiv and Kharkiv" in top[0].text
    assert top[0].score > 0.4


def test_the_default_with_the_bundled_model_quotes_the_evidence(real: Assistant):
    answer = real.ask(OBLASTS)  # answer.mode "auto": evidence with SmolLM2-135M, no LLM call
    assert answer.mode == "evidence" and answer.raw_output == "" and answer.sentences
    assert all(s.quoted for s in answer.sentences) and "Mykolaiv" in answer.text and "Kharkiv" in answer.text
    assert answer.citations[0].passage.article_id == EUROMAIDAN


def test_real_llm_answer_cites_the_euromaidan_article(real: Assistant):
    answer = real.ask(OBLASTS, mode="compose")
    assert not answer.abstained, answer.raw_output
    assert answer.raw_output.strip() and "Mykolaiv" in answer.text and "Kharkiv" in answer.text
    assert answer.model == "local:smollm2"
    assert any(c.passage.article_id == EUROMAIDAN for c in answer.citations), answer.to_dict()
    for c in answer.citations:
        assert real.article(c.passage.article_id).text[c.passage.start : c.passage.end] == c.passage.text


def test_real_stream_yields_evidence_then_tokens_then_the_answer(real: Assistant):
    events = list(
        real.stream("Where are Russian and American diplomats scheduled to convene on Monday?", mode="compose")
    )
    assert isinstance(events[0], EvidenceSet) and "Saudi Arabia" in events[0].items[0].text
    tokens = [e for e in events if isinstance(e, Token)]
    assert tokens and isinstance(events[-1], Answer)
    answer = events[-1]
    assert "Saudi Arabia" in answer.text  # the displayed answer holds the fact, quoted or composed
    assert all(s.verdict in ("quote", "supported", "repaired") for s in answer.sentences)
    assert "".join(t.text for t in tokens) == events[-1].raw_output
    assert events[-1].timings["first_token_s"] <= events[-1].timings["total_s"]


def test_real_off_topic_question_abstains(real: Assistant):
    answer = real.ask("What is the recipe for a classic French croissant?")
    assert answer.abstained and answer.citations == []
