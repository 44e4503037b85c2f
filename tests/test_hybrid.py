"""Hybrid retrieval: the keyword index follows ingest/remove, fusion, filters on both arms,
news hints, duplicates, MMR and the re-ranker path (fake embeddings, ephemeral Chroma)."""

from __future__ import annotations

import dataclasses
import json
import os
import threading
from datetime import date
from pathlib import Path
from unittest.mock import patch

import chromadb
import numpy as np
import pytest

from rag import Assistant, Settings
from rag.news.text import sentences
from rag.retrieval.filters import Filters
from rag.settings import RetrievalSettings
from rag.types import Evidence, EvidenceSet
from tests.conftest import make_assistant

ARTICLES = [
    {
        "id": "grain",
        "title": "Grain corridor reopens",
        "body": "Cargo ships carrying wheat left Odesa as the grain corridor reopened under a new deal.",
        "outlet": "Reuters",
        "published": "2025-03-12",
    },
    {
        "id": "talks",
        "title": "Ceasefire talks in Riyadh",
        "body": "Diplomats met in Riyadh for ceasefire talks; delegations discussed prisoner exchanges.",
        "outlet": "Kyiv Independent",
        "published": "2025-04-03",
    },
    {
        "id": "energy",
        "title": "Energy strikes",
        "body": "Drone strikes hit power plants overnight, and engineers restored electricity by morning.",
        "outlet": "Reuters",
        "published": "2025-04-20",
    },
    {
        "id": "quokka",
        "title": "Zoo news",
        "body": "A quokka named Xylophus escaped the zoo enclosure and was found near the aquarium.",
        "outlet": "Local Herald",
        "published": "2025-05-01",
    },
]


def write_articles(folder: Path, articles: list[dict] = ARTICLES, name: str = "news.jsonl") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\n".join(json.dumps(a) for a in articles), encoding="utf-8")
    return path


@pytest.fixture
def news(tmp_path: Path) -> Path:
    return write_articles(tmp_path / "news")


def hybrid_assistant(settings: Settings, client: chromadb.api.ClientAPI, **retrieval: object) -> Assistant:
    merged = settings.model_copy(update={"retrieval": settings.retrieval.model_copy(update=retrieval)})
    assistant = make_assistant(merged, client, ["ok [1]."])
    assistant.retriever.reference_date = date(2025, 4, 24)
    return assistant


def article_ids(passages) -> list[str]:
    return [p.article_id.split("#")[-1] for p in passages]


def test_keyword_index_follows_ingest_change_and_remove(settings, ephemeral_client, news: Path, tmp_path: Path):
    a = hybrid_assistant(settings, ephemeral_client, mode="bm25")
    a.ingest(news)
    keyword = a.retriever.keyword
    assert len(keyword) == a.store.chunk_count() > 0
    assert article_ids(a.retriever.search("Xylophus", k=2)) == ["quokka"]
    # Re-ingest with the quokka article changed: the old word is gone, the new one found.
    changed = [dict(x) for x in ARTICLES]
    changed[3]["body"] = "A capybara named Zenobius wandered out of the zoo and into the aquarium."
    write_articles(news.parent, changed)
    a.ingest(news)
    assert a.retriever.search("Xylophus", k=2) == []
    assert article_ids(a.retriever.search("Zenobius capybara", k=2)) == ["quokka"]
    # Remove: BM25 no longer returns it.
    quokka_id = next(i.id for i in a.sources() if i.id.endswith("quokka"))
    assert a.remove(quokka_id)
    assert a.retriever.search("Zenobius capybara", k=2) == []
    assert len(keyword) == a.store.chunk_count()


def test_keyword_index_persists_and_heals(settings, ephemeral_client, news: Path):
    a = hybrid_assistant(settings, ephemeral_client, mode="bm25")
    a.ingest(news)
    folder = a.retriever.keyword.folder
    generation = (folder / "CURRENT").read_text()
    assert (folder / generation / "rows.json").is_file()
    assert [p.name for p in folder.iterdir() if p.name.startswith("gen-")] == [generation]

    # A second assistant on the same store loads the saved index without rebuilding.
    b = hybrid_assistant(settings, ephemeral_client, mode="bm25")
    assert article_ids(b.retriever.search("Xylophus", k=1)) == ["quokka"]
    assert (folder / "CURRENT").read_text() == generation

    # A deleted (or half-written) index is rebuilt from Chroma on the next search.
    for p in folder.iterdir():
        if p.name.startswith("gen-"):
            (p / "rows.json").write_text("{truncated")
    c = hybrid_assistant(settings, ephemeral_client, mode="bm25")
    assert article_ids(c.retriever.search("Xylophus", k=1)) == ["quokka"]
    assert (folder / "CURRENT").read_text() != generation


def test_keyword_index_catches_writes_behind_its_back(settings, ephemeral_client, news: Path, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr("rag.retrieval.hybrid.time.monotonic", lambda: clock[0])
    a = hybrid_assistant(settings, ephemeral_client, mode="bm25")  # keyword_recount_s 1.0, the default
    a.ingest(news)
    assert article_ids(a.retriever.search("Xylophus", k=1)) == ["quokka"]
    indexed = len(a.retriever.keyword)

    # Another writer removes an article without touching the BM25 index. Within the recount
    # interval the stale keyword hit is dropped (Chroma no longer has it) and no count is made.
    a.store.remove_article(next(i.id for i in a.sources() if i.id.endswith("quokka")))
    clock[0] += 0.5
    assert a.retriever.search("Xylophus", k=1) == []
    assert len(a.retriever.keyword) == indexed
    # Once the interval has passed, the next search counts Chroma's chunks and catches up.
    clock[0] += 0.6
    assert a.retriever.search("Xylophus", k=1) == []
    assert len(a.retriever.keyword) == indexed - 1 == a.store.chunk_count()


def test_hybrid_keeps_cosine_scores_and_finds_keyword_only_matches(settings, ephemeral_client, news: Path):
    a = hybrid_assistant(settings, ephemeral_client)
    a.ingest(news)
    found = a.retriever.search("Where did the wheat cargo ships leave from?", k=3)
    assert article_ids(found)[0] == "grain"
    vector = a.embeddings.embed_query("Where did the wheat cargo ships leave from?")
    chunk = a.store.vectors_by_id([found[0].chunk_id])[found[0].chunk_id]
    assert found[0].score == pytest.approx(sum(x * y for x, y in zip(vector, chunk, strict=True)), abs=1e-3)
    # The answer chain's abstain threshold still works on these scores.
    off_topic = a.ask("Completely unrelated gardening tomatoes compost?")
    assert off_topic.abstained


def test_a_second_look_finds_passages_that_name_what_the_first_missed(settings, ephemeral_client, news: Path):
    a = hybrid_assistant(settings, ephemeral_client)
    a.ingest(news)
    first = a.retriever.search("Where did the wheat cargo ships leave from?", k=1)
    named = a.retriever.naming("What did Xylophus do?", ["Xylophus", "Odesa", "Kallas"], exclude={first[0].chunk_id})
    # "grain" names Odesa but was already shown; the quokka article names Xylophus; nothing names Kallas.
    assert article_ids(named.passages) == ["quokka"]
    assert named.mentioned == {"Xylophus", "Odesa"}
    vector = a.embeddings.embed_query("What did Xylophus do?")
    chunk = a.store.vectors_by_id([named.passages[0].chunk_id])[named.passages[0].chunk_id]
    assert named.passages[0].score == pytest.approx(sum(x * y for x, y in zip(vector, chunk, strict=True)), abs=1e-3)
    # Judged as the selector judges a missing name: a longer name by half its words ("Macron" for
    # "Emmanuel Macron"), so the abstention never says an article it would quote does not mention it.
    assert a.retriever.naming("q", ["Emperor Xylophus"]).mentioned == {"Emperor Xylophus"}
    only_reuters = a.retriever.naming("q", ["Xylophus"], Filters(outlets=("Reuters",)))
    # The filters decide which passages come back, not which names the index mentions: an article
    # they leave out still names Xylophus.
    assert only_reuters.passages == [] and only_reuters.mentioned == {"Xylophus"}
    dense = hybrid_assistant(settings, ephemeral_client, mode="dense")
    assert dense.retriever.naming("q", ["Xylophus"]).mentioned is None  # no keyword index to tell


def test_a_second_look_prefers_the_passage_matching_the_whole_question(settings, ephemeral_client, tmp_path: Path):
    """explore13 M6: BM25 of the name alone ranks the articles naming her most often first; among
    passages naming as many of the names, the one matching the whole question is read."""
    articles = [
        {
            "id": f"often{i}",
            "title": "Valdoria floods",
            "body": f"Governor Quintanilla toured shelters. Governor "
            f"Quintanilla thanked volunteers. Quintanilla said {i} roads were closed by rising rivers.",
        }
        for i in range(3)
    ] + [
        {
            "id": "asked",
            "title": "Valdoria floods",
            "body": "Governor Quintanilla asked for federal aid of "
            "40 million dollars, after bridges collapsed across the region overnight.",
        }
    ]
    a = hybrid_assistant(settings, ephemeral_client)
    a.ingest(write_articles(tmp_path / "floods", articles))
    named = a.retriever.naming("What federal aid did Quintanilla ask for?", ["Quintanilla"])
    assert article_ids(named.passages)[0] == "asked"
    assert len(named.passages) == 2


class NamesSelector:
    """Never answers; `missing` is the names of NAMES that no given passage holds. Records what it saw."""

    NAMES = ("Xylophus", "Kallas")

    def __init__(self) -> None:
        self.seen: list[list[str]] = []

    def select(self, question: str, passages: list) -> EvidenceSet:
        self.seen.append([p.article_id.split("#")[-1] for p in passages])
        missing = [n for n in self.NAMES if n in question and not any(n in p.text for p in passages)]
        return EvidenceSet(question, [], False, missing)


def test_an_abstention_says_a_name_is_not_mentioned_only_when_no_article_mentions_it(settings, ephemeral_client, news):
    a = hybrid_assistant(settings, ephemeral_client)
    a.ingest(news)
    a.chain.selector = selector = NamesSelector()
    # One passage is retrieved (the Riyadh talks); the question also names Xylophus, whom only the zoo
    # article names, and Kallas, whom none does.
    answer = a.ask("What did Xylophus and Kallas tell the delegations at the Riyadh ceasefire talks?", k=1)
    assert selector.seen == [["talks"], ["talks", "quokka"]]  # a second look added the passage naming Xylophus
    assert answer.abstained and answer.text == "The indexed articles don't mention Kallas."


def test_an_abstention_on_a_misspelled_name_offers_the_articles_spelling(settings, ephemeral_client, tmp_path):
    """Blind explore22d q26: "Where is Brannok being held?" was answered "The indexed articles don't mention
    Brannok." of articles on Elias Brannock. The spelling is offered, not used; a common word one letter
    from the name ("generate" for "General") and short names are not offered."""
    articles = [
        {
            "id": "held",
            "title": "Reporter held in Sarnaby",
            "body": "Where is the reporter being held? Elias Brannock is being held in a detention centre in "
            "Sarnaby. Officials generate reports daily.",
            "published": "2026-04-14",
        }
    ]
    a = hybrid_assistant(settings, ephemeral_client)
    a.ingest(write_articles(tmp_path / "held", articles))
    a.chain.selector = SpellingSelector()
    answer = a.ask("Where is Brannok being held?")
    assert answer.abstained and answer.text == "The indexed articles don't mention Brannok. Did you mean Brannock?"
    from rag.evidence.casing import offered_spellings

    read = [articles[0]["body"]]
    assert offered_spellings(["Brannok", "General Staff", "Elyas", "Elias Brannock"], read) == {"Brannok": "Brannock"}


class SpellingSelector:
    """Never answers; `missing` is the question's capitalised words that no given passage holds."""

    def select(self, question: str, passages: list) -> EvidenceSet:
        words = [w for w in question.rstrip("?").split() if w[:1].isupper() and w != "Where"]
        return EvidenceSet(question, [], False, [w for w in words if not any(w in p.text for p in passages)])


def test_with_no_passage_on_topic_the_passages_naming_the_questions_names_are_read(settings, ephemeral_client, news):
    a = hybrid_assistant(settings, ephemeral_client)
    a.ingest(news)
    a.chain.selector = selector = NamesSelector()
    # No passage is similar enough as a whole (as for "Who is Scott Bessent?" over corpus/).
    a.chain.retrieval = a.chain.retrieval.model_copy(update={"min_relevance": 0.99})
    answer = a.ask("Who is Xylophus?")
    assert selector.seen[0] == ["quokka"]  # the passage naming Xylophus, read although off the cosine gate
    assert answer.abstained  # this selector never answers; the real one decides
    selector.seen.clear()
    assert a.ask("Completely unrelated gardening tomatoes compost?").abstained
    assert selector.seen == []  # nothing named, no sentence holds its words: abstained before selection
    # Naming no one, a passage with a sentence holding every key word is read (explore13 M6: "Were any
    # fans arrested?"); words held only across two sentences are not enough.
    assert a.ask("Did the quokka escape?").abstained
    assert selector.seen == [["quokka"]]
    selector.seen.clear()
    assert a.ask("Did the quokka swim?").abstained and selector.seen == []
    assert a.ask("Did the grain corridor restore electricity?").abstained and selector.seen == []


def _found_only(settings, client, news, monkeypatch, scores: dict[str, float]) -> tuple[Assistant, NamesSelector]:
    """An assistant over `news` whose search finds only the articles of `scores`, so scored, under a relevance gate
    of 0.3, with a `NamesSelector` recording what it reads."""
    a = hybrid_assistant(settings, client)
    a.ingest(news)
    a.chain.selector = selector = NamesSelector()
    found = a.retriever.search(" ".join(ARTICLES[i]["body"] for i in range(len(ARTICLES))), k=len(ARTICLES))
    by_id = {p.article_id.split("#")[-1]: p for p in found}
    scored = [dataclasses.replace(by_id[name], score=score) for name, score in scores.items()]
    monkeypatch.setattr(type(a.retriever), "search", lambda self, *args, **kwargs: list(scored))
    a.chain.retrieval = a.chain.retrieval.model_copy(update={"min_relevance": 0.3})
    return a, selector


def test_a_found_passage_with_a_sentence_holding_a_short_questions_words_is_read_below_the_gate(
    settings, ephemeral_client, news, monkeypatch
):
    """explore17 q12: "Who is the mediator?" matched two passages as a whole (cosine 0.26) that never use
    the word; the one saying "… agreed to accept Corin Albasque … as mediator" scored 0.21 under the gate."""
    a, selector = _found_only(
        settings,
        ephemeral_client,
        news,
        monkeypatch,
        {"grain": 0.5, "quokka": 0.1},  # on topic as a whole without the word asked; under the gate, holding it
    )
    a.ask("Who found the enclosure?")
    assert selector.seen[-1] == ["grain", "quokka"]
    # Under the gate, a passage without such a sentence stays unread.
    a.ask("Who fed the seals?")
    assert selector.seen[-1] == ["grain"]
    # Of four key words, one may be worded otherwise (blind explore27 q15: "How many observation posts have the
    # monitors opened?" beside "the mission had opened 15 observation posts", 0.23 under the gate).
    a.ask("Where was the escaped zoo animal found?")
    assert selector.seen[-1] == ["grain", "quokka"]
    a.ask("Where was the escaped zoo animal fed?")  # two words of four worded otherwise
    assert selector.seen[-1] == ["grain"]


def test_a_passage_holding_the_words_a_question_quotes_is_read_below_the_gate(
    settings, ephemeral_client, news, monkeypatch
):
    """Blind explore25 q24: "Who said 'I trust the people who are climbing the poles, …'?" matched the passage
    quoting it at 0.18, under the gate, and was answered "The indexed articles don't say"."""
    a, selector = _found_only(settings, ephemeral_client, news, monkeypatch, {"grain": 0.5})
    a.ask("Who said 'escaped the zoo enclosure'?")
    assert selector.seen[-1] == ["grain", "quokka"]
    # Words it does not quote in that order, or too few to be a quotation, send it nowhere else.
    a.ask("Who said 'the zoo enclosure escaped'?")
    assert selector.seen[-1] == ["grain"]
    a.ask("Who said 'quokka'?")
    assert selector.seen[-1] == ["grain"]


@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_filters_apply_to_both_arms(settings, ephemeral_client, news: Path, mode: str):
    a = hybrid_assistant(settings, ephemeral_client, mode=mode, news_aware=False)
    a.ingest(news)
    only = a.retriever.search("ships ceasefire drone quokka", k=10, filters=Filters(outlets=("Reuters",)))
    assert set(article_ids(only)) <= {"grain", "energy"} and only
    april = a.retriever.search(
        "ships ceasefire drone quokka", k=10, filters=Filters(date_from=date(2025, 4, 1), date_to=date(2025, 4, 30))
    )
    assert set(article_ids(april)) <= {"talks", "energy"} and april
    assert a.retriever.search("quokka", k=5, filters=Filters(date_to=date(2020, 1, 1))) == []


def test_question_dates_and_outlets_boost(settings, ephemeral_client, news: Path):
    a = hybrid_assistant(settings, ephemeral_client, date_boost=1.0, outlet_boost=1.0)
    a.ingest(news)
    question = "What happened with ships, talks and strikes"
    plain = a.retriever.search(question, k=3)
    # "last week" against 2025-04-24 is 14-20 April: the energy article (20 April) rises to the top.
    assert article_ids(a.retriever.search(question + " last week?", k=3))[0] == "energy"
    assert article_ids(a.retriever.search(question + " according to the Kyiv Independent?", k=3))[0] == "talks"
    # An explicit date filters; one that matches nothing falls back to the unfiltered ranking.
    assert article_ids(a.retriever.search(question + " on 12 March 2025?", k=3)) == ["grain"]
    fallback = a.retriever.search(question + " on 1 January 2024?", k=3)
    assert article_ids(fallback) == article_ids(plain)


def test_a_passage_telling_of_the_day_asked_is_boosted(settings, ephemeral_client, tmp_path: Path):
    """ "Where were the talks on 27 February held?": the passage saying "talks in Riyadh on 27 February", whenever
    it was published, rises above talks on other days (the bundled corpus put it sixth)."""
    recalled = dict(
        ARTICLES[3], id="recalled", body="Lavrov said Washington agreed during a meeting in Riyadh on 27 February."
    )
    folder = tmp_path / "recalled"
    write_articles(folder, [*ARTICLES, recalled])
    a = hybrid_assistant(settings, ephemeral_client, date_boost=1.0)
    a.ingest(folder)
    question = "Where were the ceasefire talks held with delegations on 27 February?"
    assert article_ids(a.retriever.search(question, k=2))[0] == "recalled"
    a.retriever.config = RetrievalSettings(date_boost=0.0)
    assert article_ids(a.retriever.search(question, k=2))[0] == "talks"


def test_opinion_pieces_take_at_most_their_share_of_the_passages_shown(settings, ephemeral_client, tmp_path: Path):
    """Blind explore26d q12: the four passages read were one column's, and the report giving the rule it misstated
    was fifth."""
    columns = [
        dict(
            ARTICLES[0],
            id=f"column{n}",
            title=f"Opinion: the grain corridor, part {n}",
            body=f"Wheat cargo ships and the grain corridor out of Odesa, a column ({n}) on the wheat cargo deal.",
            outlet="Herald",
        )
        for n in range(3)
    ]
    folder = tmp_path / "columns"
    write_articles(folder, [*ARTICLES, *columns])
    question = "wheat cargo ships grain corridor Odesa deal"
    a = hybrid_assistant(settings, ephemeral_client, commentary_share=1.0, news_aware=False)
    a.ingest(folder)
    assert sum(i.startswith("column") for i in article_ids(a.retriever.search(question, k=3))) == 3
    a.retriever.config = RetrievalSettings(commentary_share=0.5, news_aware=False)
    shown = a.retriever.search(question, k=3)
    assert sum(p.commentary for p in shown) == 1 and "grain" in article_ids(shown)
    # Asked what a column or its outlet says, the columns are read as ranked.
    assert sum(p.commentary for p in a.retriever.search(question + ", according to the opinion pieces", k=3)) == 3
    a.retriever.config = RetrievalSettings(commentary_share=0.5)
    assert sum(p.commentary for p in a.retriever.search(question + ", according to the Herald", k=3)) == 3
    a.retriever.config = RetrievalSettings(commentary_share=0.5, news_aware=False)
    # With no report left among the candidates, columns fill the places.
    a.retriever.config = RetrievalSettings(commentary_share=0.2, news_aware=False)
    assert sum(p.commentary for p in a.retriever.search(question, k=6)) == 2


def test_near_duplicates_collapse(settings, ephemeral_client, tmp_path: Path):
    twin = dict(ARTICLES[0], id="grain-copy", outlet="AP", body=ARTICLES[0]["body"] + " Officials confirmed.")
    folder = tmp_path / "dups"
    write_articles(folder, [*ARTICLES, twin])
    a = hybrid_assistant(settings, ephemeral_client, duplicate_threshold=0.9)
    a.ingest(folder)
    found = article_ids(a.retriever.search("wheat cargo ships Odesa grain corridor", k=3))
    assert len({"grain", "grain-copy"} & set(found)) == 1
    a.retriever.config = RetrievalSettings(duplicate_threshold=1.01)
    assert {"grain", "grain-copy"} <= set(article_ids(a.retriever.search("wheat cargo ships Odesa", k=3)))


def test_mmr_prefers_a_different_passage_over_a_near_copy(settings, ephemeral_client, tmp_path: Path):
    twin = dict(ARTICLES[0], id="grain-copy", body=ARTICLES[0]["body"] + " Exports resumed.")
    folder = tmp_path / "mmr"
    write_articles(folder, [*ARTICLES, twin])
    a = hybrid_assistant(settings, ephemeral_client, duplicate_threshold=1.01, news_aware=False)
    a.ingest(folder)
    query = "wheat cargo ships Odesa grain corridor deal, and drone strikes"
    assert set(article_ids(a.retriever.search(query, k=2))) == {"grain", "grain-copy"}
    a.retriever.config = RetrievalSettings(duplicate_threshold=1.01, mmr=True, mmr_lambda=0.5, news_aware=False)
    diverse = article_ids(a.retriever.search(query, k=2))
    assert "energy" in diverse and len({"grain", "grain-copy"} & set(diverse)) == 1


class FakeReranker:
    """Scores a passage by whether it contains a chosen word: checks the re-ranker decides order."""

    def __init__(self, word: str) -> None:
        self.word = word
        self.calls: list[tuple[str, int]] = []

    def score(self, query: str, texts):
        self.calls.append((query, len(texts)))
        return [1.0 if self.word in t else 0.0 for t in texts]


def test_reranker_reorders_the_candidates(settings, ephemeral_client, news: Path):
    a = hybrid_assistant(settings, ephemeral_client, news_aware=False)
    a.ingest(news)
    query = "wheat ships Odesa electricity"
    assert article_ids(a.retriever.search(query, k=2))[0] == "grain"
    a.retriever.reranker = FakeReranker("electricity")
    reranked = a.retriever.search(query, k=2)
    assert article_ids(reranked)[0] == "energy"
    assert a.retriever.reranker.calls and a.retriever.reranker.calls[0][0] == query
    assert -1.0 <= reranked[0].score <= 1.0  # still the cosine, not the re-ranker's scale


def test_reranker_setting_builds_a_cross_encoder(settings, ephemeral_client):
    from rag.retrieval.rerank import CrossEncoderReranker

    a = hybrid_assistant(settings, ephemeral_client, reranker="/nonexistent/cross-encoder")
    assert isinstance(a.retriever.reranker, CrossEncoderReranker)
    assert a.retriever.reranker.model_name == "/nonexistent/cross-encoder"


FILTERS = [
    Filters(outlets=("Reuters",)),
    Filters(outlets=("Reuters", "Local Herald")),
    Filters(date_from=date(2025, 4, 1)),
    Filters(date_to=date(2025, 4, 3)),
    Filters(outlets=("Kyiv Independent",), date_from=date(2025, 4, 1), date_to=date(2025, 4, 30)),
    Filters(date_from=date(2003, 9, 1), date_to=date(2003, 9, 30)),  # matches nothing
    Filters(outlets=("No Such Outlet",)),
]


@pytest.mark.parametrize("filters", FILTERS, ids=range(len(FILTERS)))
def test_filtered_dense_arm_gives_chromas_filtered_neighbours(settings, ephemeral_client, tmp_path: Path, filters):
    # The dense arm restricts Chroma's query to the ids the keyword index says pass (Chroma's
    # metadata filter is 3-6x slower at 100k chunks); it must return what the filter would.
    undated = [{"id": "undated", "title": "Undated", "body": "Wheat ships and talks, date unknown."}]
    folder = tmp_path / "news"
    write_articles(folder)
    write_articles(folder, undated, name="undated.jsonl")
    a = hybrid_assistant(settings, ephemeral_client, news_aware=False)
    a.ingest(folder)
    r = a.retriever
    r.search("warm up", k=1)
    for question in ["wheat ships Odesa", "drone strikes power", "ceasefire talks", "quokka zoo"]:
        vector = np.asarray(a.embeddings.embed_query(question), dtype=np.float32)
        expected = [f.chunk_id for f in a.store.nearest(vector.tolist(), 10, filters.to_where())]
        got = [f.chunk_id for f in r._dense_candidates(vector, 10, filters, r._mask(filters), {})]
        assert got == expected
        assert a.store.nearest(vector.tolist(), 10, ids=[]) == []  # an empty restriction is not none


def test_filters_hold_for_chunks_the_keyword_index_has_not_seen(settings, ephemeral_client, tmp_path: Path):
    a = hybrid_assistant(settings, ephemeral_client, news_aware=False)
    a.ingest(write_articles(tmp_path / "news"))
    a.retriever.search("warm up", k=1)
    # A dense-only writer adds an article without touching the BM25 index (as another app host would).
    other = hybrid_assistant(settings, ephemeral_client, mode="dense")
    extra = [{"id": "late", "title": "Late", "body": "Cargo ships carrying wheat left Odesa again.", "outlet": "AP"}]
    other.ingest(write_articles(tmp_path / "late", extra))
    every_indexed_row_passes = Filters(outlets=("Reuters", "Kyiv Independent", "Local Herald"))
    found = a.retriever.search("cargo ships wheat Odesa", k=10, filters=every_indexed_row_passes)
    assert found and "late" not in article_ids(found)
    assert all(p.outlet in every_indexed_row_passes.outlets for p in found)


def test_collapse_duplicates_keeps_the_best_ranked_of_each_near_copy():
    from rag.retrieval.fusion import collapse_duplicates

    rng = np.random.default_rng(7)
    base = rng.standard_normal((6, 16)).astype(np.float32)
    noisy = base[[0, 2, 2, 5]] + 0.01 * rng.standard_normal((4, 16)).astype(np.float32)  # near copies
    vectors = np.concatenate([base, noisy])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    names = [f"b{i}" for i in range(6)] + ["c0", "c2", "c2bis", "c5"]
    by_name = dict(zip(names, vectors, strict=True))
    # A copy ranked above its original keeps its place; the original then goes.
    order = ["c2", "b0", "b1", "b2", "c0", "b3", "c2bis", "b4", "c5", "b5"]
    assert collapse_duplicates(order, by_name, 0.95) == ["c2", "b0", "b1", "b3", "b4", "c5"]
    assert collapse_duplicates(order, by_name, 1.01) == order
    assert collapse_duplicates([], by_name, 0.95) == []


def test_a_near_copy_with_other_figures_is_an_update_and_kept(settings, ephemeral_client, tmp_path: Path):
    """explore10 H3: "sent 50 billion" (February) and "sent 65 billion" (June) are near copies; only the
    first was kept, so the answer quoted the old figure and no change was noted."""
    from rag.retrieval.fusion import figures

    assert figures("sent 65 billion dollars on 1 June 2025") == {"65", "1", "2025"}
    assert figures("1,000 drones") == figures("1000 drones")
    folder = tmp_path / "aid"
    folder.mkdir()
    for name, amount, day in (("feb", 50, "1 February"), ("jun", 65, "1 June")):
        (folder / f"{name}.txt").write_text(
            f"Aid count\n\nThe United States has sent {amount} billion dollars in aid to Ukraine, the State "
            f"Department said on {day} 2025.\n"
        )
    # The same figures with a word more is still a copy.
    (folder / "copy.txt").write_text((folder / "feb.txt").read_text().replace("in aid", "in military aid"))
    a = hybrid_assistant(settings, ephemeral_client, news_aware=False)
    assert len(a.ingest(folder).ingested) == 3
    found = article_ids(a.retriever.search("How much aid has the US sent to Ukraine?", k=3))
    assert set(found) >= {"feb", "jun"} and "copy" not in found


def test_the_keyword_arm_runs_while_the_question_is_embedded(settings, ephemeral_client, news: Path):
    a = hybrid_assistant(settings, ephemeral_client)
    a.ingest(news)
    a.retriever.search("grain")  # opens the keyword index, so the next search only reads it
    searched = threading.Event()
    seen: list[bool] = []
    keyword, embeddings = a.retriever.keyword, a.retriever.embeddings
    real_search, real_embed = keyword.search, embeddings.embed_query

    def search(*args, **kwargs):
        searched.set()
        return real_search(*args, **kwargs)

    def embed_query(text: str) -> list[float]:
        # Run one after the other, the keyword search would start only after this returns.
        seen.append(searched.wait(timeout=10))
        return real_embed(text)

    with (
        patch.object(type(keyword), "search", lambda self, *a, **k: search(*a, **k)),
        patch.object(type(embeddings), "embed_query", lambda self, text: embed_query(text)),
    ):
        found = a.retriever.search("Xylophus escaped the zoo", k=2)
    assert seen == [True]
    assert article_ids(found)[0] == "quokka"  # both arms' candidates still fused


def test_a_forked_child_gets_a_working_keyword_pool():
    from rag.retrieval import hybrid

    assert hybrid._KEYWORD_ARM.submit(lambda: 1).result(timeout=5) == 1  # the parent's threads exist
    pid = os.fork()
    if pid == 0:  # the child: its pool must run work, not queue it for threads it does not have
        try:
            ok = hybrid._KEYWORD_ARM.submit(lambda: 2).result(timeout=5) == 2
        except Exception:
            ok = False
        os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


def recording_assistant(
    settings: Settings, client: chromadb.api.ClientAPI, tmp_path: Path, articles: list[dict]
) -> tuple[Assistant, NamesSelector]:
    """A hybrid assistant over `articles` whose selector records the passages it is given."""
    a = hybrid_assistant(settings, client)
    a.ingest(write_articles(tmp_path / "articles", articles))
    a.chain.selector = selector = NamesSelector()
    return a, selector


def test_a_question_on_the_latest_also_reads_newer_passages_holding_all_its_key_words_but_one(
    settings, ephemeral_client, tmp_path: Path
):
    """explore15 q12: the newest figure closes a report on something else, a chunk the search for the
    question does not rank; "the latest estimate" quoted the figure of ten days before."""
    articles = [
        {
            "id": "old",
            "title": "Strike costs in dispute",
            "body": "The economic cost of the strike is in dispute. The chamber raised its estimate of the total "
            "cost of the strike to more than 300 million euros.",
            "published": "2026-03-11",
        },
        {
            "id": "deal",
            "title": "Dockworkers reach a tentative deal",
            "body": "Dockworkers will return to work on Saturday after a tentative agreement on pay. Members will "
            "vote in a ballot next week. The chamber put the total cost of the strike at 520 million euros.",
            "published": "2026-03-20",
        },
        {
            "id": "before",
            "title": "Cost of the strike",
            "body": "The total cost of the strike reached 100 million euros, the chamber said.",
            "published": "2026-03-05",
        },
    ]
    a, selector = recording_assistant(settings, ephemeral_client, tmp_path, articles)
    a.ask("What is the latest estimate of the total cost of the strike?", k=1)
    assert "old" in selector.seen[0] and "deal" in selector.seen[0]
    assert "before" not in selector.seen[0]  # older than what was read: it cannot be the latest
    selector.seen.clear()
    a.ask("What was the estimate of the total cost of the strike?", k=1)  # not asking for the latest
    assert selector.seen[0] == ["old"]


def test_a_question_on_the_latest_with_two_key_words_reads_newer_passages_holding_both(
    settings, ephemeral_client, tmp_path: Path
):
    """Blind explore27c q13: "Who is running Vardair now?" has two key words, so none could be spared, and the
    newest report (a permanent chief appointed, "ending ten days in which the airline was run by an acting chief")
    was never read beside the report naming the acting chief."""
    articles = [
        {
            "id": "acting",
            "title": "Vardair chief dismissed",
            "body": "Hrell will run Vardair until a permanent chief executive is appointed. Whoever runs Vardair now "
            "runs a political project. Vardair flights resume.",
            "published": "2026-04-20",
        },
        {
            "id": "permanent",
            "title": "New chief named",
            "body": "The government on Tuesday appointed Durnev as permanent chief executive of Vardair, ending ten "
            "days in which the airline was run by an acting chief. Fleet figures fell in April.",
            "published": "2026-04-29",
        },
    ]
    a, selector = recording_assistant(settings, ephemeral_client, tmp_path, articles)
    a.ask("Who is running Vardair now?", k=1)
    assert "permanent" in selector.seen[0]


class ClaimSelector:
    """Answers with the first sentence of the passage of article `claim`, whatever else it is given."""

    def select(self, question: str, passages: list) -> EvidenceSet:
        claim = next(p for p in passages if p.article_id.endswith("claim"))
        end = claim.text.index(".") + 1
        return EvidenceSet(question, [Evidence(claim.text[:end], claim, 0, end, 0.9)], True, [])


def test_a_yes_no_question_on_a_report_quotes_another_articles_denial_of_it(settings, ephemeral_client, tmp_path):
    """Blind explore27d q14: "did two of the diesel genrators really fail?" was answered by the Northgate Post's report
    that two generators broke down, alone; the ministry's denial of that report, worded otherwise, was never read."""
    articles = [
        {
            "id": "claim",
            "title": "Plant repairs postponed",
            "body": "The Post has learned that two of the eight diesel generators at the plant broke down on Saturday. "
            "Repairs to the power line were postponed after shelling.",
            "outlet": "northgatepost.co",
            "published": "2026-04-20",
        },
        {
            "id": "denial",
            "title": "Watchdog chief leaves",
            "body": "The watchdog's team leader left the site on Thursday. The energy ministry on Thursday denied a "
            "report in the Northgate Post that two of the plant's diesel generators had broken down. The report is "
            "untrue, a deputy minister said.",
            "outlet": "Continental Desk",
            "published": "2026-04-24",
        },
        {
            "id": "other",
            "title": "Truce talks",
            "body": "Diplomats said a new repair window could be agreed within days.",
            "outlet": "Lindqvarn Courier",
            "published": "2026-04-09",
        },
    ]
    a = hybrid_assistant(settings, ephemeral_client)
    a.ingest(write_articles(tmp_path / "articles", articles))
    a.chain.selector = ClaimSelector()
    shown = a.ask("Did two diesel generators really fail at the plant?", k=1, mode="evidence").evidence.items
    assert [e.passage.article_id.split("#")[-1] for e in shown] == ["claim", "denial"]
    assert "denied a report in the Northgate Post" in shown[1].text and all(e.disputes for e in shown)
    # Not asked yes or no: the report answers as it stands.
    asked = a.ask("How many diesel generators broke down at the plant?", k=1, mode="evidence").evidence.items
    assert [e.passage.article_id.split("#")[-1] for e in asked] == ["claim"]


def test_a_question_on_the_latest_reads_the_newest_report_past_the_eighth_best_match(
    settings, ephemeral_client, tmp_path: Path
):
    """Blind explore22 q01: the report that approved the loan came tenth among the passages holding the key
    words, after eight older estimates of its size, and "kestovia loan size now?" led with an April figure."""
    articles = [
        {
            "id": f"estimate{i}",
            "title": f"Loan size estimate {i}",
            "body": f"The loan size for Kestovia could reach {140 + i} billion ducats. The Kestovia loan size is "
            "disputed, and the loan size may change.",
            "published": f"2026-04-{10 + i:02d}",
        }
        for i in range(10)
    ] + [
        {
            "id": "summit",
            "title": "Leaders approve",
            "body": "Leaders met late into the night. They approved a loan of 150 billion ducats for Kestovia.",
            "published": "2026-05-15",
        }
    ]
    a, selector = recording_assistant(settings, ephemeral_client, tmp_path, articles)
    a.ask("What is the Kestovia loan size now?", k=1)
    assert "summit" in selector.seen[0]


class FigureSelector:
    """Answers with the newest sentence giving a figure in cubic metres among the passages given. Records them."""

    def __init__(self) -> None:
        self.seen: list[list[str]] = []

    def select(self, question: str, passages: list) -> EvidenceSet:
        self.seen.append([p.article_id.split("#")[-1] for p in passages])
        figures = [
            Evidence(p.text[s:e], p, s, e, 0.5)
            for p in passages
            for s, e in sentences(p.text)
            if "cubic metres" in p.text[s:e]
        ]
        figures.sort(key=lambda e: e.passage.published or "", reverse=True)
        return EvidenceSet(question, figures, bool(figures), [])


GAS_FLOWS = [
    {
        "id": "old",
        "title": "Gas still crosses Varenia",
        "body": "Gas is still moving through Varenia. The transit operator VGTO said 37.1 million cubic metres of "
        "gas crossed Varenia on Wednesday.",
        "published": "2026-11-05",
    },
    {
        "id": "new",
        "title": "Extension almost agreed",
        "body": "Negotiators in Solmer said an extension was almost agreed. VGTO said 33.8 million cubic metres "
        "crossed the country on Monday.",
        "published": "2026-11-24",
    },
    {
        "id": "column",
        "title": "Opinion: the last winter of transit",
        "body": "VGTO said some 40 million cubic metres crossed the country every day.",
        "published": "2026-11-27",
    },
]


def test_a_question_on_the_latest_reads_a_newer_report_worded_like_the_chosen_span_not_like_the_question(
    settings, ephemeral_client, tmp_path: Path
):
    """Blind explore22c q02: "VGTO said 33.8 million cubic metres crossed the country on Monday" (23 November) never
    says "Varenia" or "moving"; no search for the question found it, and "What's the volume of gas moving through
    Varenia at the moment?" quoted the 4 November report's 37.1 million. A search with the chosen span finds it."""
    a = hybrid_assistant(settings, ephemeral_client)
    a.ingest(write_articles(tmp_path / "articles", GAS_FLOWS))
    a.chain.selector = selector = FigureSelector()
    answer = a.ask("What's the volume of gas moving through Varenia at the moment?", k=1)
    assert [sorted(seen) for seen in selector.seen] == [["old"], ["new", "old"]]  # a column is no newer report
    assert answer.evidence is not None and "33.8 million" in answer.evidence.items[0].text
    selector.seen.clear()
    a.ask("What was the volume of gas moving through Varenia?", k=1)  # not asking for the latest: no second look
    assert selector.seen == [["old"]]


class ColumnSelector:
    """Leads with the column's sentence; a report's sentence saying otherwise, when read, leads it, the column beside
    it as disputed (as `EvidenceSelector` does with `_report_against`). Records the passages given."""

    def __init__(self) -> None:
        self.seen: list[list[str]] = []

    def select(self, question: str, passages: list) -> EvidenceSet:
        self.seen.append(sorted(p.article_id.split("#")[-1] for p in passages))
        column = [Evidence(p.text, p, 0, len(p.text), 0.6) for p in passages if p.commentary]
        report = [Evidence(p.text, p, 0, len(p.text), 0.1) for p in passages if "had launched" in p.text]
        if column and report:
            return EvidenceSet(question, [report[0], dataclasses.replace(column[0], disputes=True)], True, [])
        return EvidenceSet(question, column, bool(column), [])


COUNTER_OFFENSIVE = [
    {
        "id": "launched",
        "title": "Kestrania pulls back",
        "body": "Morvany's defence ministry said its forces had launched the counter-offensive at dawn on Sunday.",
        "published": "2026-09-02",
    },
    {
        "id": "column",
        "title": "Analysis: the incursion's bill",
        "body": "Morvany has yet to start the counterattack promised for 22 August.",
        "published": "2026-09-05",
    },
]


def test_a_leading_column_sends_the_assistant_to_the_reports_on_what_it_says(
    settings, ephemeral_client, tmp_path: Path
):
    """Blind explore26c q30: "Has Morvany started its counterattack yet?" read a 5 September analysis ("has yet to
    launch the counter-offensive") and no report of its launch; a search with the column's sentence finds one."""
    a = hybrid_assistant(settings, ephemeral_client)
    a.ingest(write_articles(tmp_path / "articles", COUNTER_OFFENSIVE))
    a.chain.selector = selector = ColumnSelector()
    answer = a.ask("Has Morvany started the counterattack?", k=1)
    assert selector.seen == [["column"], ["column", "launched"]]
    assert answer.evidence is not None and "had launched" in answer.evidence.items[0].text


def test_a_speakers_words_on_another_topic_send_the_assistant_to_other_passages_naming_him(
    settings, ephemeral_client, tmp_path: Path
):
    """explore15 q23: the passages read gave Tomas Reiner's words on jobs, not on the deal; the
    passage quoting him on the deal was never read, since no name of the question was missing."""
    articles = [
        {
            "id": "jobs",
            "title": "Talks on the tentative deal collapse",
            "body": '"Not a single line about jobs," Tomas Reiner told reporters about the tentative deal talks.',
            "published": "2026-03-08",
        },
        {
            "id": "deal",
            "title": "Port strike suspended",
            "body": 'Workers return on Saturday. "It is a great deal more than we were offered," said Tomas Reiner.',
            "published": "2026-03-20",
        },
    ]
    a, selector = recording_assistant(settings, ephemeral_client, tmp_path, articles)
    a.ask("What did Tomas Reiner say about the tentative deal?", k=1)
    assert selector.seen == [["jobs"], ["jobs", "deal"]]
    selector.seen.clear()
    a.ask("Who is Tomas Reiner?", k=1)  # not what someone said about something: no second look
    assert len(selector.seen) == 1


def test_a_post_with_no_holder_among_the_passages_read_sends_the_assistant_to_passages_naming_its_body(
    settings, ephemeral_client, tmp_path: Path
):
    """explore16b q04: "Who chairs the Competition Authority?" read passages on the authority's review;
    its chair is named once, in a report on the bid ("… said Ines Falk, chair of the Competition
    Authority"), which no search for the question ranked."""
    articles = [
        {
            "id": "review",
            "title": "Competition Authority chairs review of the bid",
            "body": "The Competition Authority chairs a review of who chairs the airline board after the bid.",
            "published": "2026-03-16",
        },
        {
            "id": "bid",
            "title": "Government favours Halvard",
            "body": '"Passengers must not pay more," said Ines Falk, chair of the Competition Authority.',
            "published": "2026-03-18",
        },
    ]
    a, selector = recording_assistant(settings, ephemeral_client, tmp_path, articles)
    a.ask("Who chairs the Competition Authority?", k=1)
    assert selector.seen[0] == ["review"] and "bid" in selector.seen[-1]
    selector.seen.clear()
    a.ask("What does the Competition Authority review?", k=1)  # asks for no holder: no second look
    assert len(selector.seen) == 1


class RevisionSelector:
    """Leads with the first estimate's sentence; a report's sentence naming it as the old figure, when read, leads it,
    the estimate after it (as `EvidenceSelector` does with `_revising`). Records the passages given."""

    def __init__(self) -> None:
        self.seen: list[list[str]] = []

    def select(self, question: str, passages: list) -> EvidenceSet:
        self.seen.append(sorted(p.article_id.split("#")[-1] for p in passages))
        first = [Evidence(p.text, p, 0, len(p.text), 0.6) for p in passages if "estimates" in p.text]
        survey = [Evidence(p.text, p, 0, len(p.text), 0.1) for p in passages if "not 47" in p.text]
        return EvidenceSet(question, survey[:1] + first, bool(first), [])


MASTS = [
    {
        "id": "estimate",
        "title": "Repair window opens for Tormeny's phone masts",
        "body": "Halvtel estimates that 47 of the district's 64 masts were destroyed or damaged in the fighting.",
        "published": "2026-03-03",
    },
    {
        "id": "survey",
        "title": "Regulator backs a temporary licence",
        "body": "A survey found that 52 of the 64 towers had been wrecked, not 47 as first estimated.",
        "published": "2026-03-20",
    },
]


def test_a_figure_asked_for_sends_the_assistant_to_the_reports_naming_the_leading_figure(
    settings, ephemeral_client, tmp_path: Path
):
    """Explore33c q03: "How many phone masts in Tormeny were wrecked in the fighting?" read Halvtel's first estimate
    (47 of 64) and never the survey's "52 of the district's 64 masts …, not 47 as first estimated"; a search with the
    leading span's figures finds it."""
    a = hybrid_assistant(settings, ephemeral_client)
    a.ingest(write_articles(tmp_path / "articles", MASTS))
    a.chain.selector = selector = RevisionSelector()
    answer = a.ask("How many phone masts in Tormeny were destroyed in the fighting?", k=1)
    assert selector.seen == [["estimate"], ["estimate", "survey"]]
    assert answer.evidence is not None and "not 47" in answer.evidence.items[0].text
    selector.seen.clear()
    a.ask("Which masts in Tormeny were destroyed in the fighting?", k=1)  # asks for no figure: no second look
    assert selector.seen == [["estimate"]]
