"""The OpenAI-compatible endpoint (rag/api) with fakes: shapes, streaming, history, key, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from rag import Answer, Assistant, Settings
from rag.api import article_url, create_app, parse_rag_url
from rag.api.shape import citation_url, renumber, truncate
from rag.ingest.chunk import get_encoding
from rag.types import Citation, Passage
from tests.conftest import make_assistant

OBLASTS = "Which oblasts not under Russian control did Putin demand?"
ASK = {"model": "rag", "messages": [{"role": "user", "content": OBLASTS}]}
# Cites the model's passage [2] before [1] and invents [9]: the content must read [1], [2], no [9].
REPLY = "Putin demanded Mykolaiv and Kharkiv oblasts [2]. Russia rejects a ceasefire [1][9]."


@pytest.fixture
def ready(settings: Settings, ephemeral_client, corpus: Path) -> Assistant:
    a = make_assistant(settings, ephemeral_client, [REPLY])
    a.ingest(corpus)
    return a


def client(assistant: Assistant, **api: Any) -> TestClient:
    if api:
        assistant.settings.api = assistant.settings.api.model_copy(update=api)
    return TestClient(create_app(assistant))


def sse(text: str) -> list[Any]:
    """The data of each server-sent event, parsed ("[DONE]" kept as is); comments skipped."""
    out: list[Any] = []
    for block in text.split("\n\n"):
        for line in block.splitlines():
            if line.startswith("data: "):
                data = line[6:]
                out.append(data if data == "[DONE]" else json.loads(data))
    return out


def passage(n: int, url: str | None = None) -> Passage:
    return Passage(
        f"a{n}::0", f"a{n}", f"Text {n}.", f"Title {n}", 10 * n, 10 * n + 7, 0.9, "Outlet", "2025-05-20", url
    )


# -- pure functions ---------------------------------------------------------------------------


def test_markers_are_renumbered_in_order_of_first_use_and_unknown_ones_dropped():
    cites = [Citation(1, passage(1)), Citation(2, passage(2))]
    text, ordered, mapping = renumber("B says so [2]. A agrees [1][7]. B again [2].", cites)
    assert text == "B says so [1]. A agrees [2]. B again [1]."
    assert [c.passage.article_id for c in ordered] == ["a2", "a1"] and mapping == {2: 1, 1: 2}


def test_urls_are_the_articles_own_or_stable_rag_urls():
    assert article_url(passage(1, "https://example.org/x")) == "https://example.org/x"
    odd = Passage("x/y z::0", "x/y z#1", "t", "T", 5, 42, 0.5)
    url = article_url(odd)
    assert url == "rag://article/x%2Fy%20z%231#5-42"
    assert parse_rag_url(url) == ("x/y z#1", 5, 42)
    assert parse_rag_url("https://example.org/x") is None
    assert parse_rag_url("rag://article/abc") == ("abc", None, None)


def test_truncation_keeps_whole_sentences_and_never_half_a_marker():
    enc = get_encoding("cl100k_base")
    text = "First claim here [1]. Second claim that is longer [2]."
    assert truncate(text, ["First claim here [1].", "Second claim that is longer [2]."], 8, enc) == (
        "First claim here [1].",
        True,
    )
    assert truncate(text, [], 100, enc) == (text, False)
    cut, was_cut = truncate("One two three [12", [], 4, enc)
    assert was_cut and "[" not in cut
    # Not even the first sentence fits: cut between words, marked, and still cited.
    long = "Putin has demanded that Ukraine cede Mykolaiv and Kharkiv oblasts, regions not held [1]."
    cut, was_cut = truncate(long, [long], 12, enc)
    assert was_cut and cut.endswith("… [1]") and len(enc.encode(cut)) <= 12
    assert long.startswith(cut.removesuffix("… [1]").rstrip())  # whole words of the sentence
    # No room for a word beside the marker: no citation on an empty quote (explore11 L2).
    quoted = "“Putin has demanded that Ukraine cede Mykolaiv and Kharkiv oblasts.” [1]"
    cut, was_cut = truncate(quoted, [quoted], 5, enc)
    assert was_cut and "[1]" not in cut and any(c.isalpha() for c in cut) and len(enc.encode(cut)) <= 5


# -- non-streaming ----------------------------------------------------------------------------


def test_completion_carries_the_answers_citations_in_every_shape(ready: Assistant):
    expected = ready.ask(OBLASTS)
    body = client(ready).post("/v1/chat/completions", json=ASK).json()
    message = body["choices"][0]["message"]
    assert body["object"] == "chat.completion" and body["model"] == "rag"
    assert (
        message["content"]
        == expected.text
        == "Putin demanded Mykolaiv and Kharkiv oblasts [1]. Russia rejects a ceasefire [2]."
    )
    assert body["citations"] == [citation_url(c) for c in expected.citations]
    assert all(u.startswith("rag://article/") for u in body["citations"])  # the corpus has no URLs
    # One url_citation per marker, indexing the marker itself.
    for a in message["annotations"]:
        span = message["content"][a["url_citation"]["start_index"] : a["url_citation"]["end_index"]]
        assert a["type"] == "url_citation"
        assert a["url_citation"]["url"] == body["citations"][int(span.strip("[]")) - 1]
    assert len(message["annotations"]) == 2
    results = body["search_results"]
    assert [r["title"] for r in results] == [c.passage.title for c in expected.citations]
    assert {"title", "url", "date", "snippet", "source"} <= set(results[0])
    # Our own field: passages with offsets into their article, sentences with verdicts and spans.
    numbered = {n: p for p in body["rag"]["passages"] for n in p["numbers"]}
    for c in expected.citations:
        p = numbered[c.number]
        assert ready.article(p["article_id"]).text[p["start"] : p["end"]] == p["text"] == c.passage.text
    for s in body["rag"]["sentences"]:
        assert message["content"][s["start_index"] : s["end_index"]] == s["text"]
        assert s["verdict"] == "unchecked"  # the guard is off in unit tests
    assert body["usage"]["completion_tokens"] > 0


def test_max_tokens_cuts_at_a_sentence_and_keeps_only_the_citations_left(ready: Assistant):
    body = client(ready).post("/v1/chat/completions", json={**ASK, "max_tokens": 18}).json()
    assert body["choices"][0]["message"]["content"] == "Putin demanded Mykolaiv and Kharkiv oblasts [1]."
    assert body["choices"][0]["finish_reason"] == "length"
    assert len(body["citations"]) == 1 and len(body["search_results"]) == 1


def test_disagreement_notes_count_towards_max_tokens(ready: Assistant):
    """explore10 M3: notes appended after the cut gave 212 tokens for max_tokens=60, finish_reason "stop"."""
    import dataclasses
    from types import SimpleNamespace

    from rag.api.shape import shape

    text = "The sources disagree on the oblasts: one says two [1]; another says three [2]."
    note = SimpleNamespace(note=text, to_dict=lambda: {"note": text})
    answer = dataclasses.replace(ready.ask(OBLASTS), conflicts=[note])
    encoding = get_encoding("cl100k_base")
    whole = shape(answer, max_tokens=None, encoding=encoding, snippet_chars=200)
    assert whole.content.endswith(f"⚠️ {note.note}") and whole.finish_reason == "stop"
    size = len(encoding.encode(whole.content))
    assert shape(answer, max_tokens=size, encoding=encoding, snippet_chars=200).content == whole.content
    short = shape(answer, max_tokens=size - 1, encoding=encoding, snippet_chars=200)
    assert "⚠️" not in short.content and short.finish_reason == "length"
    assert len(encoding.encode(short.content)) <= size - 1


def test_an_abstention_is_a_normal_answer_without_citations(ready: Assistant):
    body = client(ready).post(
        "/v1/chat/completions", json={**ASK, "messages": [{"role": "user", "content": "Boiling point of tungsten?"}]}
    )
    assert body.status_code == 200
    data = body.json()
    assert data["choices"][0]["message"]["content"] == "The indexed articles don't say."
    assert data["citations"] == [] and data["choices"][0]["message"]["annotations"] == []
    assert data["rag"]["abstained"] is True


def test_the_follow_up_is_condensed_with_the_history(ready: Assistant):
    messages = [
        {"role": "system", "content": "You are helpful."},
        {"role": "user", "content": "What did Lavrov say about the oblasts?"},
        {"role": "assistant", "content": "Ukraine must cede them [1]."},
        {"role": "user", "content": [{"type": "text", "text": "And what did he demand?"}]},
    ]
    r = client(ready).post("/v1/chat/completions", json={**ASK, "messages": messages})
    assert r.status_code == 200
    condense = ready.llm.history[0][-1].content
    assert "What did Lavrov say about the oblasts?" in condense and "And what did he demand?" in condense
    assert "You are helpful." not in condense  # a client's system prompt is not a turn


def test_filters_arrive_through_extra_body(ready: Assistant):
    outlet = next(a.outlet for a in ready.sources() if a.outlet)
    body = client(ready).post("/v1/chat/completions", json={**ASK, "outlets": [outlet], "k": 2}).json()
    assert body["rag"]["passages"] and all(p["outlet"] == outlet for p in body["rag"]["passages"])
    assert len(body["rag"]["passages"]) <= 2


# -- streaming --------------------------------------------------------------------------------


def test_stream_sends_the_checked_answer_in_deltas_and_citations_last(ready: Assistant):
    expected = client(ready).post("/v1/chat/completions", json=ASK).json()
    r = client(ready).post("/v1/chat/completions", json={**ASK, "stream": True})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
    events = sse(r.text)
    assert events[-1] == "[DONE]"
    chunks = events[:-1]
    assert chunks[0]["choices"][0]["delta"]["role"] == "assistant"
    content = "".join(c["choices"][0]["delta"].get("content") or "" for c in chunks)
    assert content == expected["choices"][0]["message"]["content"]
    assert "[9]" not in content  # the model's raw tokens are never forwarded
    last = chunks[-1]
    assert last["choices"][0]["finish_reason"] == "stop"
    assert last["citations"] == expected["citations"]
    assert last["choices"][0]["delta"]["annotations"] == expected["choices"][0]["message"]["annotations"]
    assert last["search_results"] == expected["search_results"]
    assert all("citations" not in c for c in chunks[:-1])
    assert len({c["id"] for c in chunks}) == 1


# -- key and errors ---------------------------------------------------------------------------


def error(r: Any, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    e = r.json()["error"]
    assert set(e) == {"message", "type", "param", "code"}
    assert e["message"] and "\n" not in e["message"] and "Traceback" not in e["message"]
    return e


def test_the_key_is_enforced_when_set(ready: Assistant):
    c = client(ready, key="s3cret")
    assert error(c.post("/v1/chat/completions", json=ASK), 401)["type"] == "authentication_error"
    assert "RAG_API__KEY" in error(c.get("/v1/models", headers={"Authorization": "Bearer nope"}), 401)["message"]
    ok = {"Authorization": "Bearer s3cret"}
    assert c.get("/v1/models", headers=ok).json()["data"][0]["id"] == "rag"
    assert c.post("/v1/chat/completions", json=ASK, headers=ok).status_code == 200


@pytest.mark.parametrize(
    ("body", "param", "hint"),
    [
        ({"model": "gpt-4o", "messages": ASK["messages"]}, "model", "use model 'rag'"),
        ({"model": "rag"}, "messages", "messages"),
        ({"model": "rag", "messages": []}, "messages", "messages"),
        ({**ASK, "messages": [*ASK["messages"], {"role": "assistant", "content": "x"}]}, "messages", "last message"),
        ({**ASK, "k": 0}, "k", "1 to 50"),
        ({**ASK, "since": "last week"}, "since", "YYYY-MM-DD"),
        ({**ASK, "since": "2025-06-01", "until": "2025-05-01"}, "since", "swap"),
        ({**ASK, "mode": "poetry"}, "mode", "use auto, evidence, compose or generate"),
        ({**ASK, "messages": [{"role": "user", "content": [{"type": "image_url"}]}]}, "messages", "text"),
        ({**ASK, "messages": [{"role": "user", "content": "  \u200b "}]}, "messages", "type a question"),
        # Asked for what cannot be given: refused, not silently ignored (explore10 L1).
        ({**ASK, "response_format": {"type": "json_object"}}, "response_format", "'json_object' is not supported"),
        ({**ASK, "tool_choice": "required"}, "tool_choice", "calls no tools"),
        ({**ASK, "logprobs": True}, "logprobs", "not sampled"),
    ],
)
def test_bad_requests_get_400_with_the_fix(ready: Assistant, body: dict[str, Any], param: str, hint: str):
    e = error(client(ready).post("/v1/chat/completions", json=body), 400)
    assert e["type"] == "invalid_request_error" and e["param"] == param
    assert hint.lower() in e["message"].lower()


def test_harmless_openai_fields_are_still_accepted(ready: Assistant):
    extra = {"response_format": {"type": "text"}, "tool_choice": "auto", "logprobs": False, "stop": ["\n\n\n"]}
    assert client(ready).post("/v1/chat/completions", json={**ASK, **extra}).status_code == 200


def test_not_json_is_400(ready: Assistant):
    e = error(client(ready).post("/v1/chat/completions", content=b"{nope"), 400)
    assert "JSON" in e["message"]


def test_too_large_is_413(ready: Assistant):
    c = client(ready, max_request_kb=1)
    big = {**ASK, "messages": [{"role": "user", "content": "x " * 2000}]}
    assert "RAG_API__MAX_REQUEST_KB" in error(c.post("/v1/chat/completions", json=big), 413)["message"]
    long_question = {**ASK, "messages": [{"role": "user", "content": "why " * 600}]}
    e = error(client(ready, max_request_kb=256).post("/v1/chat/completions", json=long_question), 413)
    assert "RAG_ANSWER__MAX_QUESTION_CHARS" in e["message"]


def test_an_empty_index_is_503_streaming_or_not(settings: Settings, ephemeral_client):
    empty = make_assistant(settings, ephemeral_client, [REPLY])
    c = client(empty)
    for stream in (False, True):
        e = error(c.post("/v1/chat/completions", json={**ASK, "stream": stream}), 503)
        assert "rag ingest" in e["message"]


def test_a_model_that_fails_is_503_and_says_so(ready: Assistant):
    ready.llm.fail_with = "connection refused"  # type: ignore[attr-defined]
    for stream in (False, True):
        e = error(client(ready).post("/v1/chat/completions", json={**ASK, "stream": stream}), 503)
        assert e["type"] == "server_error"


def test_models_lists_the_configured_id(ready: Assistant):
    c = client(ready, model="news")
    assert [m["id"] for m in c.get("/v1/models").json()["data"]] == ["news"]
    assert c.get("/v1/models/news").status_code == 200
    assert error(c.get("/v1/models/gpt-4o"), 404)["param"] == "model"


def test_stream_answer_equals_the_answer_objects(ready: Assistant):
    """The content the stream delivers is the final Answer's, not the tokens before the guard."""
    events = list(ready.stream(OBLASTS))
    final = events[-1]
    assert isinstance(final, Answer)
    r = client(ready).post("/v1/chat/completions", json={**ASK, "stream": True})
    content = "".join(c["choices"][0]["delta"].get("content") or "" for c in sse(r.text)[:-1])
    assert content == final.text


def test_a_client_that_hangs_up_mid_stream_frees_its_slot(settings: Settings, ephemeral_client, corpus: Path):
    """With one answer at a time, a stream abandoned after its first chunk must not block the next."""
    import socket
    import threading
    import time

    import httpx

    from rag.api import run
    from tests.fakes import HashingEmbeddings, ScriptedChatModel

    class Slow(ScriptedChatModel):
        def _stream(self, messages, stop=None, run_manager=None, **kwargs):
            for chunk in super()._stream(messages, stop, run_manager, **kwargs):
                time.sleep(0.3)
                yield chunk

    settings.api.concurrency = 1
    a = Assistant(settings, llm=Slow(responses=[REPLY]), embeddings=HashingEmbeddings(), client=ephemeral_client)
    a.ingest(corpus)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ready = threading.Event()
    threading.Thread(target=run, args=(create_app(a), "127.0.0.1", port, ready.set), daemon=True).start()
    assert ready.wait(30)
    url = f"http://127.0.0.1:{port}/v1/chat/completions"
    with httpx.stream("POST", url, json={**ASK, "stream": True}, timeout=30) as r:
        assert next(r.iter_lines()).startswith("data: ")  # the stream has begun; hang up
    again = httpx.post(url, json=ASK, timeout=60)
    assert again.status_code == 200
    assert again.json()["choices"][0]["message"]["content"].startswith("Putin demanded")


class EvidenceFirst(Assistant):
    """An `Assistant` whose stream starts with an event this endpoint does not know (as the
    evidence-first answers will) and sends a first answer that a later one replaces."""

    def stream(self, question, history=(), **options):  # type: ignore[override]
        yield {"evidence": ["an event type the endpoint has never seen"]}
        events = list(super().stream(question, history, **options))
        final = events[-1]
        yield Answer(**{**final.__dict__, "text": "A draft answer [1].", "citations": final.citations[:1]})
        yield from events


def test_unknown_events_are_skipped_and_the_last_answer_is_the_content(
    settings: Settings, ephemeral_client, corpus: Path
):
    from tests.fakes import HashingEmbeddings, ScriptedChatModel

    a = EvidenceFirst(
        settings, llm=ScriptedChatModel(responses=[REPLY]), embeddings=HashingEmbeddings(), client=ephemeral_client
    )
    a.ingest(corpus)
    events = sse(client(a).post("/v1/chat/completions", json={**ASK, "stream": True}).text)
    content = "".join(c["choices"][0]["delta"].get("content") or "" for c in events[:-1])
    assert content == "Putin demanded Mykolaiv and Kharkiv oblasts [1]. Russia rejects a ceasefire [2]."
    assert events[-1] == "[DONE]"


class FailsMidStream(Assistant):
    def stream(self, question, history=(), **options):  # type: ignore[override]
        from rag.errors import StoreUnavailableError
        from rag.types import Token

        yield Token("Putin")
        raise StoreUnavailableError("The Chroma server at 127.0.0.1:8000 stopped; start it again and retry.")


def test_an_error_after_the_stream_began_is_an_error_event(settings: Settings, ephemeral_client, corpus: Path):
    from tests.fakes import HashingEmbeddings

    a = FailsMidStream(settings, embeddings=HashingEmbeddings(), client=ephemeral_client)
    r = client(a).post("/v1/chat/completions", json={**ASK, "stream": True})
    assert r.status_code == 200  # the headers had gone out
    events = sse(r.text)
    assert events[0]["choices"][0]["delta"]["role"] == "assistant"
    assert events[-1]["error"]["type"] == "server_error"
    assert "start it again" in events[-1]["error"]["message"]
    assert "[DONE]" not in events and not any(e.get("choices", [{}])[0].get("delta", {}).get("content") for e in events)


def test_the_answer_mode_can_be_chosen_per_request(ready: Assistant):
    body = client(ready).post("/v1/chat/completions", json={**ASK, "mode": "evidence"}).json()
    content = body["choices"][0]["message"]["content"]
    assert content.startswith("“") and "Mykolaiv" in content and body["rag"]["mode"] == "evidence"
    assert all(s["quoted"] for s in body["rag"]["sentences"])
    # The citation's URL names the quoted sentence's span in its article.
    c = body["rag"]["citations"][0]
    assert ready.article(c["article_id"]).text[c["start"] : c["end"]].startswith(c["quote"][:40])
    assert body["citations"][0].endswith(f"#{c['start']}-{c['end']}")


def test_text_parts_are_read_as_separate_words(ready: Assistant):
    parts = [{"type": "text", "text": "Which oblasts"}, {"type": "text", "text": "did Putin demand?"}]
    body = client(ready).post("/v1/chat/completions", json={**ASK, "messages": [{"role": "user", "content": parts}]})
    assert body.status_code == 200
    assert body.json()["rag"]["standalone_question"] == "Which oblasts did Putin demand?"


def test_v1_beside_a_login_protected_ui_needs_a_key(ready: Assistant):
    from rag.api import create_app

    locked = TestClient(create_app(ready, beside_login=True))
    r = locked.post("/v1/chat/completions", json=ASK)
    assert r.status_code == 401 and "RAG_API__KEY" in r.json()["error"]["message"]
    assert locked.get("/v1/models").status_code == 401
    assert client(ready).get("/v1/models").status_code == 200  # `rag api` alone, no login: open as before


def test_other_v1_requests_get_openai_shaped_errors(ready: Assistant):
    api = client(ready)
    wrong_method = api.get("/v1/chat/completions")
    assert wrong_method.status_code == 405 and "use POST" in wrong_method.json()["error"]["message"]
    for path in ("/v1/completions", "/v1/nothing"):
        r = api.post(path, json=ASK)
        assert (
            r.status_code == 404 and r.json()["error"]["code"] == "not_found" and "POST /v1/chat/completions" in r.text
        )
    assert api.get("/v1/models").status_code == 200  # the real routes still answer
