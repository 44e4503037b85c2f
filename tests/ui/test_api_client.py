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
    assert len(result["passages"]) <= 3
    assert result["prompt_version"] == "answer.v1"


def test_ask_endpoint_reports_bad_questions(server: str):
    client = Client(server, verbose=False)
    assert client.predict("", 4, api_name="/ask") == {"error": "Please type a question."}
