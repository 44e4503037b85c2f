from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import chromadb
import pytest

from rag import Assistant, Settings
from rag.errors import EmbeddingMismatchError, IndexNotBuiltError
from rag.retrieval.filters import Filters
from tests.conftest import make_assistant
from tests.fakes import HashingEmbeddings

EUROMAIDAN = "001_fe26a455a43feec8"


def test_ingest_is_idempotent(assistant: Assistant, corpus: Path):
    first = assistant.ingest(corpus)
    assert len(first.ingested) == 5 and first.ok and not first.unchanged
    chunks = assistant.store.chunk_count()
    assert chunks == first.chunks_written > 5
    second = assistant.ingest(corpus)
    assert second.ingested == [] and len(second.unchanged) == 5
    assert assistant.store.chunk_count() == chunks
    assert sum(a.chunk_count for a in assistant.sources()) == chunks


def test_editing_one_article_replaces_only_its_chunks(assistant: Assistant, corpus: Path):
    assistant.ingest(corpus)
    before = {a.id: assistant.store.chunk_ids(a.id) for a in assistant.sources()}
    path = corpus / f"{EUROMAIDAN}.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n\nLavrov also spoke about grain exports.", encoding="utf-8")
    report = assistant.ingest(corpus)
    assert report.ingested == [EUROMAIDAN] and len(report.unchanged) == 4
    after = {a.id: assistant.store.chunk_ids(a.id) for a in assistant.sources()}
    for article_id, ids in before.items():
        if article_id != EUROMAIDAN:
            assert after[article_id] == ids
    text = assistant.article(EUROMAIDAN).text
    assert "grain exports" in text
    found = assistant.retriever.search("Lavrov also spoke about grain exports", k=10)
    assert any(p.article_id == EUROMAIDAN and "grain exports" in p.text for p in found)


def test_changing_metadata_only_reingests(assistant: Assistant, corpus: Path):
    assistant.ingest(corpus)
    sidecar = corpus / "sources.json"
    sidecar.write_text(
        sidecar.read_text().replace(
            '"outlet": null, "published": null}', '"outlet": "Reuters", "published": "2025-03-16"}', 1
        )
    )
    report = assistant.ingest(corpus)
    assert report.ingested == ["002_1834c83e1b62964c"]
    info = {a.id: a for a in assistant.sources()}["002_1834c83e1b62964c"]
    assert (info.outlet, info.published) == ("Reuters", "2025-03-16")


def test_remove_deletes_the_article_and_its_chunks(assistant: Assistant, corpus: Path):
    assistant.ingest(corpus)
    total = assistant.store.chunk_count()
    mine = len(assistant.store.chunk_ids(EUROMAIDAN))
    assert assistant.remove(EUROMAIDAN)
    assert assistant.store.chunk_count() == total - mine
    assert EUROMAIDAN not in {a.id for a in assistant.sources()}
    assert all(p.article_id != EUROMAIDAN for p in assistant.retriever.search("Mykolaiv Kharkiv oblasts", k=10))
    assert not assistant.remove(EUROMAIDAN)


def test_a_broken_file_is_named_and_the_rest_ingested(assistant: Assistant, corpus: Path):
    (corpus / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a pdf")
    (corpus / "empty.txt").write_bytes(b"")
    report = assistant.ingest(corpus, corpus / "missing.md")
    assert len(report.ingested) == 5
    failed = dict(report.failed)
    assert set(failed) == {str(corpus / "broken.pdf"), str(corpus / "empty.txt"), str(corpus / "missing.md")}
    assert "PDF" in failed[str(corpus / "broken.pdf")]
    assert not report.ok


def test_the_same_text_under_two_names_is_indexed_once(assistant: Assistant, corpus: Path, tmp_path: Path):
    assistant.ingest(corpus)
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "same.txt").write_bytes((corpus / f"{EUROMAIDAN}.txt").read_bytes())
    (copy / "sources.json").write_bytes((corpus / "sources.json").read_bytes().replace(EUROMAIDAN.encode(), b"same"))
    report = assistant.ingest(copy)
    assert report.duplicates == [("same", EUROMAIDAN)]
    assert len(assistant.sources()) == 5


def test_files_with_one_name_keep_their_own_articles(assistant: Assistant, tmp_path: Path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    (one / "good.txt").write_text("Talks in Geneva\n\nThe delegations met in Geneva on 20 March 2025.\n")
    (one / "good.md").write_text("---\ntitle: Talks in Vienna\n---\nThe envoys met in Vienna on 21 March 2025.\n")
    (two / "good.txt").write_text("Talks in Riga\n\nThe negotiators met in Riga on 16 May 2025.\n")
    first = assistant.ingest(one)
    assert not first.failed and len(first.ingested) == 2  # not one DuplicateIDError for the whole batch
    assert len(assistant.ingest(two).ingested) == 1  # not a silent replacement of one/good.txt
    titles = {a.title for a in assistant.sources()}
    assert titles == {"Talks in Geneva", "Talks in Vienna", "Talks in Riga"}
    again = assistant.ingest(one, two)  # the same ids on every run
    assert len(again.unchanged) == 3 and not again.ingested
    # A moved folder adds no copies: its files keep their ids or are found to be the same text.
    (two / "good.txt").rename(one / "riga.txt")
    one.rename(tmp_path / "moved")
    assistant.ingest(tmp_path / "moved")
    assert sorted(a.title for a in assistant.sources()) == sorted(titles)


def test_progress_is_reported(assistant: Assistant, corpus: Path):
    seen: list[tuple[int, int]] = []
    assistant.ingest(corpus, on_progress=lambda done, total, name: seen.append((done, total)))
    assert seen[0] == (0, 5) and seen[-1] == (5, 5)


def test_batches_bound_the_embedding_calls(settings: Settings, ephemeral_client, corpus: Path):
    settings.ingest_batch_size = 8
    assistant = make_assistant(settings, ephemeral_client, ["x"])
    report = assistant.ingest(corpus)
    assert report.chunks_written > 16
    # Never more than one batch of chunks (plus one article's overflow) per embedding call.
    assert assistant.embeddings.calls >= report.chunks_written // 16


def test_opening_with_another_embedding_model_says_how_to_fix_it(settings: Settings, corpus: Path, tmp_path: Path):
    client = chromadb.PersistentClient(path=str(tmp_path / "db"))
    Assistant(settings, embeddings=HashingEmbeddings(name="model-a"), client=client).ingest(corpus)
    other = Assistant(settings, embeddings=HashingEmbeddings(name="model-b"), client=client)
    with pytest.raises(EmbeddingMismatchError, match="RAG_EMBEDDING__MODEL=model-a"):
        other.ask("Which oblasts?")
    with pytest.raises(EmbeddingMismatchError):
        other.ingest(corpus)


def test_asking_an_empty_index_says_to_ingest(assistant: Assistant):
    with pytest.raises(IndexNotBuiltError, match="rag ingest"):
        assistant.ask("Anything?")


def test_retrieval_scores_and_filters(assistant: Assistant, corpus: Path):
    assistant.ingest(corpus)
    found = assistant.retriever.search("Putin demanded Ukraine cede Mykolaiv and Kharkiv oblasts", k=4)
    assert found[0].article_id == EUROMAIDAN
    assert all(-1.0 <= p.score <= 1.0 for p in found)
    assert [p.score for p in found] == sorted((p.score for p in found), reverse=True)
    only = assistant.retriever.search("negotiations", k=10, filters=Filters(outlets=("The Moscow Times",)))
    assert only and {p.outlet for p in only} == {"The Moscow Times"}
    dated = assistant.retriever.search(
        "negotiations", k=10, filters=Filters(date_from=date(2025, 5, 1), date_to=date(2025, 5, 31))
    )
    assert dated and {p.published for p in dated} == {"2025-05-20"}
    assert assistant.retriever.search("negotiations", k=5, filters=Filters(date_to=date(2020, 1, 1))) == []


def test_retriever_is_a_langchain_retriever(assistant: Assistant, corpus: Path):
    assistant.ingest(corpus)
    docs = assistant.retriever.invoke("Mykolaiv Kharkiv oblasts")
    assert docs[0].metadata["article_id"] == EUROMAIDAN and docs[0].metadata["score"] > 0


def test_a_second_concurrent_ingestion_is_refused_clearly(settings: Settings, corpus: Path, tmp_path: Path):
    from filelock import FileLock

    from rag.errors import IngestError

    settings.store.path = tmp_path / "locked"
    assistant = Assistant(settings, embeddings=HashingEmbeddings())
    settings.store.path.mkdir()
    with (
        FileLock(str(settings.store.path / ".ingest.lock")),
        pytest.raises(IngestError, match="Another ingestion"),
    ):
        assistant.ingest(corpus)


def test_feed_records_that_share_a_title_keep_their_own_articles(assistant: Assistant, tmp_path: Path):
    """explore10 H1: two "Daily update" records got one id, and Chroma refused the whole batch."""
    feed = tmp_path / "feed"
    feed.mkdir()
    monday = {"title": "Daily update", "body": "On Monday the front near Pokrovsk was quiet, the army said."}
    tuesday = {"title": "Daily update", "body": "On Tuesday heavy fighting resumed near Pokrovsk, the army said."}
    (feed / "same.json").write_text(json.dumps([monday, tuesday, tuesday]), encoding="utf-8")
    (feed / "other.txt").write_text("Talks in Riga\n\nThe negotiators met in Riga on 16 May 2025.\n")
    report = assistant.ingest(feed)
    assert len(report.ingested) == 3
    assert [(where, reason) for where, reason in report.failed] == [
        (f"{feed / 'same.json'} record 3", "the same article as record 2 (left out)")
    ]
    bodies = {a.id: a.title for a in assistant.sources()}
    assert len([i for i in bodies if i.startswith("same#")]) == 2
    again = assistant.ingest(feed)
    assert len(again.unchanged) == 3 and not again.ingested


def test_records_gone_from_a_feed_are_removed_and_gone_files_reported(assistant: Assistant, tmp_path: Path):
    """explore10 M1: a record dropped from a JSON file, and a deleted file, stayed indexed and cited."""
    folder = tmp_path / "news"
    folder.mkdir()
    riyadh = {"title": "Talks in Riyadh end", "body": "Negotiators ended two days of talks in Riyadh.", "url": "u1"}
    denial = {"title": "Kremlin denies deal", "text": "The Kremlin said no Black Sea ceasefire had been agreed."}
    (folder / "feed.json").write_text(json.dumps([riyadh, denial]), encoding="utf-8")
    (folder / "toll.txt").write_text("Toll rises\n\nThe death toll rose to 15 people, the governor said.\n")
    assert len(assistant.ingest(folder).ingested) == 3
    (folder / "feed.json").write_text(json.dumps([riyadh]), encoding="utf-8")
    (folder / "toll.txt").unlink()
    report = assistant.ingest(folder)
    assert [a.title for a in assistant.sources()].count("Kremlin denies deal") == 0
    assert len(report.removed) == 1 and report.removed[0].startswith("feed#")
    assert report.gone == ["toll"] and "toll" in {a.id for a in assistant.sources()}
    pruned = assistant.ingest(folder, prune=True)
    assert pruned.removed == ["toll"] and not pruned.gone
    assert [a.title for a in assistant.sources()] == ["Talks in Riyadh end"]
    # A feed with a record that cannot be read keeps what it indexed: that record may be one of them.
    (folder / "feed.json").write_text(json.dumps([{"title": "no body"}]), encoding="utf-8")
    assert not assistant.ingest(folder).removed and len(assistant.sources()) == 1


def test_a_renamed_file_is_kept_under_its_new_name_and_a_file_turned_copy_loses_its_old_text(
    assistant: Assistant, tmp_path: Path
):
    """explore11 H6: a renamed file was skipped as a duplicate of its old id, which --prune then removed,
    leaving the article nowhere. M3: a file edited into a copy of another kept its old text indexed."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "german.txt").write_text("Waffenstillstand\n\nDie Waffenruhe hielt am Montag, sagte der Sprecher.\n")
    (folder / "odesa.txt").write_text("Odesa port\n\nRussian drones struck the port of Odesa on 10 April 2025.\n")
    (folder / "metro.txt").write_text("Kharkiv metro\n\nThe Kharkiv metro reopened on 12 April 2025 after repairs.\n")
    assert len(assistant.ingest(folder).ingested) == 3
    (folder / "german.txt").rename(folder / "deutsch.txt")
    renamed = assistant.ingest(folder, prune=True)
    assert renamed.ingested == ["deutsch"] and renamed.removed == ["german"] and not renamed.duplicates
    assert {a.id for a in assistant.sources()} == {"deutsch", "odesa", "metro"}
    (folder / "metro.txt").write_text((folder / "odesa.txt").read_text())
    copied = assistant.ingest(folder)
    assert copied.duplicates == [("metro", "odesa")] and copied.removed == ["metro"]
    assert "Kharkiv metro" not in [a.title for a in assistant.sources()]


def test_prune_from_inside_the_folder_keeps_every_article_and_a_file_reached_twice_is_read_once(
    assistant: Assistant, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """explore12 H1: `rag ingest --prune .` run inside the folder removed every article it had just
    counted unchanged (sources were recorded relative to the first ingest's working directory). H2: a
    link to a file of the same folder, or one path named twice, failed the whole run in Chroma."""
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("Talks\n\nThe talks in Riyadh ended on 12 March 2025.\n", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("Metro\n\nThe Kharkiv metro reopened on 12 April 2025.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert len(assistant.ingest("news").ingested) == 2
    monkeypatch.chdir(folder)
    pruned = assistant.ingest(".", prune=True)
    assert len(pruned.unchanged) == 2 and not pruned.removed and not pruned.gone
    assert {a.id for a in assistant.sources()} == {"a", "sub/b"}

    (folder / "link.txt").symlink_to(folder / "sub" / "b.txt")
    again = assistant.ingest(folder, folder / "a.txt", folder / "a.txt")
    assert again.ok and not again.failed
    assert {a.id for a in assistant.sources()} >= {"a", "sub/b"}


def test_a_link_to_a_folder_is_followed_and_a_loop_passed_over(assistant: Assistant, tmp_path: Path):
    """explore12 L2: a symlinked sub-folder was skipped without a word."""
    folder, elsewhere = tmp_path / "news", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    (folder / "own.txt").write_text("Own\n\nThe Czech senate approved the treaty on 6 January 2025.\n")
    (elsewhere / "ext.txt").write_text("Ext\n\nThe Polish senate approved the treaty on 7 January 2025.\n")
    (folder / "linked").symlink_to(elsewhere)
    (folder / "loop").symlink_to(folder)
    report = assistant.ingest(folder)
    assert sorted(report.ingested) == ["linked/ext", "own"]
    assert not report.failed  # the loop is passed over: every article was read (explore13 L4)


def test_a_moved_folder_keeps_its_articles_when_a_file_of_the_same_name_comes(assistant: Assistant, tmp_path: Path):
    """explore13 H2: after a folder was moved and re-ingested ("unchanged"), its article kept the old
    path, looked orphaned, and the next file of its name elsewhere silently took its id."""
    first, second = tmp_path / "d1", tmp_path / "d2"
    first.mkdir()
    second.mkdir()
    (first / "news.txt").write_text("Alpha story\n\nAlpha bank raised rates on Monday.\n")
    (second / "news.txt").write_text("Beta story\n\nBeta bank cut rates on Tuesday.\n")
    assistant.ingest(first)
    moved = first.rename(tmp_path / "moved")
    assert assistant.ingest(moved).unchanged == ["news"]
    assistant.ingest(second)
    assert sorted(a.title for a in assistant.sources()) == ["Alpha story", "Beta story"]
