"""The named `/ask` endpoint, called the way the README shows, with gradio_client."""

from __future__ import annotations

from gradio_client import Client


def test_ask_endpoint_returns_answer_and_citations_as_json(server: str):
    client = Client(server, verbose=False)
    result = client.predict("Which oblasts not under Russian control did Putin demand?", 3, api_name="/ask")
    assert result["text"] == "The answer is in the passage [1]. It is cited [2]."
    assert [c["number"] for c in result["citations"]] == [1, 2]
    first = result["citations"][0]
    assert first["title"] and first["text"] and first["end"] > first["start"]
    assert (first["quote"] and first["quote"] in first["text"]) or first["quote_end"] > first["quote_start"]
    assert len(result["passages"]) <= 3
    assert result["prompt_version"] == "compose.v1" and result["evidence"]["items"]


def test_ask_endpoint_reports_bad_questions(server: str):
    client = Client(server, verbose=False)
    assert client.predict("", 4, api_name="/ask") == {"error": "Please type a question."}


def test_launch_binds_locally_and_enforces_the_login(settings, ephemeral_client, corpus, tmp_path):
    import httpx
    import pytest

    from tests.conftest import make_assistant
    from tests.ui.conftest import free_port
    from ui.app import launch

    settings.ui.username, settings.ui.password = "editor", "s3cret-pass"
    settings.ui.upload_dir = tmp_path / "uploads"
    assistant = make_assistant(settings, ephemeral_client, ["Answer [1]."])
    assistant.ingest(corpus)
    demo = launch(assistant, port=free_port(), prevent_thread_lock=True, quiet=True)
    url = demo.local_url
    try:
        assert url.startswith("http://127.0.0.1:") and demo.share_url is None
        assert httpx.get(f"{url}config", timeout=10).status_code == 401
        with pytest.raises(ValueError, match=r"(?i)login|auth|credentials"):
            Client(url, verbose=False)
        client = Client(url, auth=("editor", "s3cret-pass"), verbose=False)
        question = "Which oblasts not under Russian control did Putin demand?"
        assert client.predict(question, 2, api_name="/ask")["text"] == "Answer [1]."
    finally:
        demo.close()
