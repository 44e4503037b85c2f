"""UI handlers with the scripted chat model: no browser, no real models."""

from __future__ import annotations

from html import escape
from pathlib import Path

import pytest

from rag import Answer, Assistant
from rag.types import Article, Passage
from tests.conftest import make_assistant
from ui.app import ChatApp, Exchange, chat_messages, safe_upload_name
from ui.render import article_view, literal, sources_panel

OBLASTS = "Which oblasts not under Russian control did Putin demand?"
XSS = (
    "Hostile page\n\nCeasefire negotiators met in Riyadh. <script>alert('pwned')</script> "
    "The Kremlin demanded Odesa. <img src=x onerror=alert(1)>"
)


@pytest.fixture
def app(settings, ephemeral_client, corpus: Path, tmp_path: Path) -> ChatApp:
    settings.ui.upload_dir = tmp_path / "uploads"
    assistant: Assistant = make_assistant(settings, ephemeral_client, ["Putin demanded Mykolaiv and Kharkiv [1]."])
    assistant.ingest(corpus)
    return ChatApp(assistant)


def ask(app: ChatApp, question: str, turns=None, **kw):
    options = {"outlets": None, "date_from": "", "date_to": "", "k": 4, **kw}
    return list(
        app.respond(question, turns or [], options["outlets"], options["date_from"], options["date_to"], options["k"])
    )


def test_evidence_shows_first_then_the_checked_answer(app: ChatApp):
    updates = ask(app, OBLASTS)
    assert len(updates) == 2, "the evidence, then the answer; the model's unchecked tokens are never shown"
    preview, _, evidence_panel, _, _ = updates[0]
    assert (
        "Mykolaiv and Kharkiv" in preview[-1]["content"]
        and "Evidence found; checking the answer" in preview[-1]["content"]
    )
    assert "id='evidence-1'" in evidence_panel and "<mark>" in evidence_panel
    chat, turns, sources, picker, box = updates[-1]
    assert chat[-1] == {"role": "assistant", "content": "Putin demanded Mykolaiv and Kharkiv [1]."}
    assert isinstance(turns[-1].answer, Answer)
    assert "id='citation-1'" in sources and "<mark>" in sources
    assert picker["choices"][0].startswith("[1] ") and box == ""
    article = app.open_citation(picker["value"], turns)
    assert '<mark id="cited-passage">' in article


def test_sessions_keep_separate_histories(app: ChatApp):
    alice = ask(app, OBLASTS)[-1][1]
    bob = ask(app, "What did Lavrov say about Aeroflot?")[-1][1]
    assert [t.question for t in alice] == [OBLASTS]
    assert [t.question for t in bob] == ["What did Lavrov say about Aeroflot?"]
    alice2 = ask(app, "And why those?", alice)[-1][1]
    assert [t.question for t in alice2] == [OBLASTS, "And why those?"]
    # The follow-up was condensed with Alice's history, not Bob's.
    condense_prompts = [m[-1].content for m in app.assistant.llm.history if "Follow-up question" in m[-1].content]
    assert len(condense_prompts) == 1
    assert OBLASTS in condense_prompts[0] and "Aeroflot" not in condense_prompts[0]


@pytest.mark.parametrize(
    ("question", "extra", "message"),
    [
        ("", {}, "Please type a question."),
        ("Who?", {"date_from": "yesterday"}, "not a date"),
    ],
)
def test_errors_show_as_a_message_in_the_chat(app: ChatApp, question, extra, message):
    chat, turns, *_ = ask(app, question, **extra)[-1]
    assert chat[-1]["role"] == "assistant" and chat[-1]["content"].startswith("⚠️")
    assert message in chat[-1]["content"]
    assert turns[-1].answer is None


def test_llm_failure_is_a_message_not_a_traceback(app: ChatApp):
    app.assistant.llm.fail_with = "Connection refused"
    chat = ask(app, OBLASTS)[-1][0]
    assert "did not answer" in chat[-1]["content"] and "Traceback" not in chat[-1]["content"]


def test_abstention_offers_the_closest_passages(app: ChatApp):
    chat, _turns, sources, *_ = ask(app, "What is the boiling point of tungsten in kelvin?")[-1]
    assert chat[-1]["content"].startswith("The indexed articles don't say.")
    assert "Closest passages found" in sources and sources.count("class='citation'") >= 1


def test_article_text_is_escaped_everywhere(app: ChatApp, tmp_path: Path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(XSS, encoding="utf-8")
    app.assistant.ingest(hostile)
    answer = app.assistant.ask("Ceasefire negotiators met in Riyadh Kremlin demanded Odesa", k=1)
    assert answer.passages[0].article_id == "hostile"
    html = sources_panel(answer) + article_view(app.assistant.article("hostile"), answer.passages[0])
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;" in html
    # Model output is escaped too.
    answer.text = "<img src=x onerror=alert(1)> [1]"
    assert "<img" not in chat_messages([Exchange("<b>q</b>", answer)])[1]["content"]
    assert chat_messages([Exchange("<b>q</b>", answer)])[0]["content"] == "&lt;b&gt;q&lt;/b&gt;"


def test_upload_names_cannot_escape_the_upload_folder():
    assert safe_upload_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_upload_name("..\\..\\win.ini.md") == "win.ini.md"
    assert safe_upload_name("a b/../c?.html") == "c_.html"
    assert safe_upload_name("....") == "upload"
    assert safe_upload_name("статья.txt") == "статья.txt" != safe_upload_name("новости.txt")


def test_uploads_with_one_name_keep_their_own_articles(app: ChatApp, tmp_path: Path):
    """explore11 H2: a second "report.txt" replaced the first article; two in one batch failed it whole."""
    first, second, third = (tmp_path / d for d in "abc")
    for folder, body in (
        (first, "Odesa port\n\nDrones struck the port of Odesa on 10 April 2025."),
        (second, "Kharkiv metro\n\nThe Kharkiv metro reopened on 12 April 2025 after repairs."),
        (third, "Lviv rail\n\nA new rail link from Lviv opened on 14 April 2025 to crowds."),
    ):
        folder.mkdir()
        (folder / "report.txt").write_text(body)
    quiet = {"progress": lambda *a, **k: None}
    assert "**1 added**" in app.upload([str(first / "report.txt")], **quiet)[4]
    note = app.upload([str(second / "report.txt"), str(third / "report.txt")], **quiet)[4]
    assert "**2 added**" in note
    assert {"Odesa port", "Kharkiv metro", "Lviv rail"} <= {a.title for a in app.assistant.sources()}
    assert "unchanged" in app.upload([str(first / "report.txt")], **quiet)[4]  # the same file again


def test_upload_ingests_good_files_and_names_rejected_ones(app: ChatApp, tmp_path: Path):
    src = tmp_path / "src"
    src.mkdir()
    good = src / "grain.md"
    good.write_text("---\ntitle: Grain corridor reopens\n---\nUkrainian grain ships sailed from Odesa on Tuesday.")
    bad = src / "broken.json"
    bad.write_text("{nope")
    exe = src / "tool.exe"
    exe.write_bytes(b"MZ")
    big = src / "big.txt"
    big.write_bytes(b"x" * (app.ui.max_upload_mb * 1024 * 1024 + 1))
    rows, _ids, _outlets, _timeline_outlets, note, _status = app.upload(
        [str(good), str(bad), str(exe), str(big)], progress=lambda *a, **k: None
    )
    assert "**1 added**" in note
    assert "broken.json" in note and "malformed JSON" in note
    assert "tool.exe: unsupported type" in note and "big.txt: larger than" in note
    assert any(r[0] == "Grain corridor reopens" for r in rows)
    assert sorted(p.name for p in app.ui.upload_dir.iterdir()) == ["broken.json", "grain.md"]
    found = app.assistant.retriever.search("grain ships sailed from Odesa", k=1)
    assert found[0].article_id == "grain"


def test_remove_from_the_corpus_tab(app: ChatApp):
    rows, ids, outlets, timeline_outlets, note, _ = app.remove("001_fe26a455a43feec8")
    assert "Removed" in note and "001_fe26a455a43feec8" not in ids["choices"]
    assert len(rows) == 4
    assert outlets == timeline_outlets and "Euromaidan Press" not in outlets["choices"]


def test_the_timeline_tab_has_its_own_outlet_and_date_filters(app: ChatApp):
    """explore10 L6: the Timeline tab could not be narrowed to an outlet or a period."""
    topic = "Putin and Trump in Anchorage, Alaska; Trump and Putin held a telephone conversation on May 19"
    every = app.timeline(topic)
    assert "Chas Pravdy" in every and "The Moscow Times" in every
    only = app.timeline(topic, ["Chas Pravdy"])
    assert "Chas Pravdy" in only and "The Moscow Times" not in only
    assert "within the chosen outlets or dates" in app.timeline(topic, None, "2030-01-01")
    assert "YYYY-MM-DD" in app.timeline(topic, None, "next week")


def test_api_returns_json_with_citations(app: ChatApp):
    result = app.api_ask(OBLASTS, 3)
    assert result["text"].endswith("[1].") and result["citations"][0]["title"]
    assert app.api_ask("   ")["error"] == "Please type a question."


def test_guard_verdicts_are_visible(app: ChatApp):
    from rag.types import AnswerSentence

    answer = app.assistant.ask(OBLASTS)
    answer.sentences = [
        AnswerSentence("Putin demanded Kharkiv [1].", (1,), verdict="supported", score=0.9),
        AnswerSentence("Putin demanded <b>Odesa</b>.", (), verdict="unsupported", score=0.1),
    ]
    answer.unsupported = ["Putin demanded <b>Odesa</b>.", "Lviv was also demanded."]
    shown = chat_messages([Exchange("q", answer)])[1]["content"]
    # Mark mode (chosen by the user) shows the marked sentence flagged; a removed one is never shown.
    assert "⚠️ ~~Putin demanded &lt;b&gt;Odesa&lt;/b&gt;.~~ *(not supported by the sources)*" in shown
    assert "Lviv" not in shown and "1 generated sentence not supported by the sources, so not shown" in shown
    assert shown.count("Odesa") == 1  # a marked sentence is not listed twice


def test_rag_links_from_the_api_open_the_article_with_the_span_marked(app: ChatApp):
    from rag.api import article_url

    passage = app.assistant.ask(OBLASTS).citations[0].passage
    html = app.open_link(article_url(passage))
    assert '<mark id="cited-passage">' in html
    marked = html.split('<mark id="cited-passage">', 1)[1].split("</mark>", 1)[0]
    assert marked == escape(passage.text)
    assert "No article" in app.open_link("rag://article/nope#0-5")
    assert "Paste a rag://" in app.open_link("https://example.org/")
    bad_span = app.open_link(f"rag://article/{passage.article_id}#5-999999999")
    assert '<mark id="cited-passage"></mark>' in bad_span and escape(passage.text[:40]) in bad_span


def test_an_unforeseen_failure_is_a_message_in_every_tab(app: ChatApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    def broken(*args, **kwargs):
        raise KeyError("chunk gone")

    monkeypatch.setattr(app.assistant, "timeline", broken)
    monkeypatch.setattr(app.assistant, "ingest", broken)
    monkeypatch.setattr(app.assistant, "ask", broken)
    assert "Something went wrong: KeyError" in app.timeline("ceasefire")
    upload = tmp_path / "a.txt"
    upload.write_text("Title\n\nThe envoys met in Oslo.\n")
    assert "Something went wrong: KeyError" in app.upload([str(upload)])[4]
    assert "KeyError" in app.api_ask("Who met?")["error"]


def test_article_markdown_and_links_reach_the_chat_bubble_as_text():
    """explore11 H1: an article's "[the IAEA said](https://evil.example/phish)" became a link in a cited
    quote, "![x](http://host/pixel.png)" an image every reader's browser fetched, "**two lines**" bold."""

    quote = "Power was lost, [the IAEA said](https://evil.example/phish). ![x](http://h/p.png) **two lines** [1]"
    shown = literal(quote)
    assert "](" not in shown.replace("\\](", "") and "**" not in shown.replace("\\*", "")
    assert "\\!\\[x\\]\\(http://h/p.png\\)" in shown and shown.endswith(" [1]")  # the marker stays a marker
    assert literal("Putin's <b>plan</b>") == "Putin's &lt;b&gt;plan&lt;/b&gt;"
    article = Article("x", "Text.", "T", "x.md", None, None, "javascript:alert(1)")
    assert "javascript:" not in article_view(article, Passage("x#0", "x", "Text.", "T", 0, 5, 1.0))
