"""The OpenAI-compatible API served for real on 127.0.0.1, called with the `openai` SDK and LangChain's
`ChatOpenAI`: the packaged embedding model, the answer guard on, and either a fake model (echo: the
first sentence of passage [1]) or the bundled SmolLM2. The server runs in a thread of this process
so the test can compare what it delivers with the `Answer` the same `Assistant` gives directly."""

from __future__ import annotations

import shutil
import socket
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import openai
import pytest
from langchain_openai import ChatOpenAI

from rag import Answer, Assistant, Settings
from rag.api import create_app, run
from rag.api.shape import citation_url, renumber
from tests.conftest import CORPUS
from tests.fakes import EchoChatModel

pytestmark = pytest.mark.integration

KEY = "integration-key"
OBLASTS = "Which oblasts not under Russian control did Putin demand?"
MEETING = "Where were Russian and American diplomats scheduled to meet?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(serve: Any) -> str:
    """Run `serve(port, on_ready)` in a daemon thread; the base URL once it accepts connections."""
    port, ready = free_port(), threading.Event()
    threading.Thread(target=serve, args=(port, ready.set), daemon=True).start()
    assert ready.wait(120), "the server did not start"
    return f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module", params=["fake", "local"])
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Assistant, str]:
    root = tmp_path_factory.mktemp(f"api-{request.param}")
    shutil.copytree(CORPUS, root / "corpus")
    settings = Settings(store={"path": root / "index"}, api={"key": KEY})
    assistant = Assistant(settings, llm=EchoChatModel() if request.param == "fake" else None)
    assert assistant.ingest(root / "corpus").ok
    base = start(lambda port, ready: run(create_app(assistant), "127.0.0.1", port, ready))
    return assistant, base


@pytest.fixture(scope="module")
def expected(served: tuple[Assistant, str]) -> dict[str, Answer]:
    """Each question asked directly, once, before the server is called."""
    assistant, _ = served
    return {q: assistant.ask(q) for q in (OBLASTS, MEETING)}


def sdk(base: str, key: str = KEY) -> openai.OpenAI:
    return openai.OpenAI(base_url=f"{base}/v1", api_key=key, max_retries=0, timeout=300)


def as_served(answer: Answer) -> tuple[str, list[str]]:
    """The content and citation URLs the endpoint must deliver for `answer`: its text with the
    markers renumbered in order of use, and any disagreement notes after it."""
    text, citations, _ = renumber(answer.text, answer.citations)
    if answer.conflicts:
        text, citations, _ = renumber(
            answer.text + "\n\n" + "\n".join(f"⚠️ {c.note}" for c in answer.conflicts), answer.citations
        )
    return text, [citation_url(c) for c in citations]


def test_openai_sdk_gets_the_answers_text_and_citations(served, expected):
    assistant, base = served
    assert any(a.citations for a in expected.values()), "nothing cited: the comparison below would be empty"
    for question in (OBLASTS, MEETING):
        answer = expected[question]
        r = sdk(base).chat.completions.create(model="rag", messages=[{"role": "user", "content": question}])
        content, urls = as_served(answer)
        assert r.choices[0].message.content == content
        extra = r.model_extra or {}
        assert extra["citations"] == urls
        assert sorted(urls) == sorted(citation_url(c) for c in answer.citations)
        assert [s["url"] for s in extra["search_results"]] == urls
        annotations = r.choices[0].message.annotations or []
        assert [a.url_citation.url for a in annotations] == [urls[int(n) - 1] for n in _markers(content)]
        if not answer.abstained:
            assert urls, answer.to_dict()
        for p in extra["rag"]["passages"]:
            article = assistant.article(p["article_id"])
            assert article is not None and article.text[p["start"] : p["end"]] == p["text"]


def _markers(content: str) -> list[str]:
    import re

    return re.findall(r"\[(\d+)\]", content)


def test_openai_sdk_streaming_delivers_the_same_answer_with_citations_last(served, expected):
    _, base = served
    content, urls = as_served(expected[OBLASTS])
    stream = sdk(base).chat.completions.create(
        model="rag", messages=[{"role": "user", "content": OBLASTS}], stream=True
    )
    chunks = list(stream)
    assert "".join(c.choices[0].delta.content or "" for c in chunks) == content
    assert len(chunks) > 2  # deltas, not one block
    last = chunks[-1]
    assert last.choices[0].finish_reason == "stop"
    assert (last.model_extra or {})["citations"] == urls
    assert all("citations" not in (c.model_extra or {}) for c in chunks[:-1])


def test_langchain_chat_openai_invoke_and_stream(served, expected):
    _, base = served
    content, _ = as_served(expected[MEETING])
    llm = ChatOpenAI(base_url=f"{base}/v1", api_key=KEY, model="rag", max_retries=0, timeout=300)
    assert llm.invoke(MEETING).content == content
    assert "".join(str(c.content) for c in llm.stream(MEETING)) == content


def test_a_follow_up_uses_the_history(served, expected):
    assistant, base = served
    first = expected[OBLASTS]
    follow_up = "Why does he claim them?"
    messages = [
        {"role": "user", "content": OBLASTS},
        {"role": "assistant", "content": as_served(first)[0]},
        {"role": "user", "content": follow_up},
    ]
    r = sdk(base).chat.completions.create(model="rag", messages=messages)
    rewritten = (r.model_extra or {})["rag"]["standalone_question"]
    alone = sdk(base).chat.completions.create(model="rag", messages=[{"role": "user", "content": follow_up}])
    assert (alone.model_extra or {})["rag"]["standalone_question"] == follow_up
    assert rewritten != follow_up  # condensed with the conversation
    if isinstance(assistant.llm, EchoChatModel):
        assert rewritten == f"{OBLASTS} {follow_up}"


def test_the_key_is_enforced(served):
    _, base = served
    with pytest.raises(openai.AuthenticationError) as e:
        sdk(base, key="wrong").chat.completions.create(model="rag", messages=[{"role": "user", "content": OBLASTS}])
    assert e.value.status_code == 401
    assert httpx.get(f"{base}/v1/models").status_code == 401
    assert [m.id for m in sdk(base).models.list()] == ["rag"]


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"model": "gpt-4o"}, 400),
        ({"extra_body": {"k": 0}}, 400),
        ({"extra_body": {"since": "yesterday"}}, 400),
        ({"messages": [{"role": "user", "content": "why " * 1000}]}, 413),
    ],
)
def test_bad_requests_get_the_right_error(served, kwargs: dict[str, Any], status: int):
    _, base = served
    call = {"model": "rag", "messages": [{"role": "user", "content": OBLASTS}], **kwargs}
    with pytest.raises(openai.APIStatusError) as e:
        sdk(base).chat.completions.create(**call)
    assert e.value.status_code == status
    body = e.value.body
    assert isinstance(body, dict) and body["message"] and "\n" not in body["message"]


@pytest.fixture(scope="module")
def ui_and_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Assistant, str]]:
    from ui.app import serve

    root = tmp_path_factory.mktemp("serve")
    shutil.copytree(CORPUS, root / "corpus")
    settings = Settings(store={"path": root / "index"}, ui={"upload_dir": root / "uploads"})
    assistant = Assistant(settings, llm=EchoChatModel())
    assert assistant.ingest(root / "corpus").ok
    yield assistant, start(lambda port, ready: serve(assistant, "127.0.0.1", port, on_ready=ready))


def test_rag_serve_mounts_the_ui_and_the_api_on_one_port(ui_and_api):
    assistant, base = ui_and_api
    page = httpx.get(f"{base}/", timeout=30)
    assert page.status_code == 200 and "gradio" in page.text.lower()
    assert httpx.get(f"{base}/config", timeout=30).status_code == 200
    r = sdk(base, key="unused").chat.completions.create(model="rag", messages=[{"role": "user", "content": OBLASTS}])
    direct = assistant.ask(OBLASTS)
    assert r.choices[0].message.content == as_served(direct)[0]
    # The mounted UI still answers through Gradio's queue (its named /ask endpoint).
    from gradio_client import Client

    result = Client(f"{base}/", verbose=False).predict(OBLASTS, 4, api_name="/ask")
    assert result["text"] == direct.text
