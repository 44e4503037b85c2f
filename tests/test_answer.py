from __future__ import annotations

from pathlib import Path

import pytest

from rag import Answer, Assistant, Settings, Token
from rag.errors import LLMError, QuestionError
from tests.conftest import make_assistant

EUROMAIDAN = "001_fe26a455a43feec8"
OBLASTS = "Which oblasts not under Russian control did Putin demand?"


@pytest.fixture
def ready(assistant: Assistant, corpus: Path) -> Assistant:
    assistant.ingest(corpus)
    return assistant


def build(settings: Settings, client, corpus: Path, responses: list[str]) -> Assistant:
    a = make_assistant(settings, client, responses)
    a.ingest(corpus)
    return a


def test_answer_cites_the_passage_it_was_given(ready: Assistant):
    answer = ready.ask(OBLASTS)
    assert answer.text == "Putin demanded Mykolaiv and Kharkiv oblasts [1]."
    first = answer.passages[0]
    assert answer.citations[0].passage == first
    assert answer.prompt_version == "answer.v1" and answer.model == "ScriptedChatModel"
    assert not answer.abstained
    assert set(answer.timings) >= {"retrieve_s", "generate_s", "total_s", "first_token_s"}
    # What the model saw: numbered passages with title, outlet and date, then the question.
    prompt = ready.llm.history[-1][-1].content
    about = ", ".join(x for x in (first.outlet, first.published) if x)
    assert prompt.startswith(f"Passages:\n[1] {first.title}" + (f" ({about})" if about else ""))
    assert first.text.strip() in prompt
    assert "\n\n[2] " in prompt
    assert prompt.endswith(f"Question: {OBLASTS}")
    assert any(p.article_id == EUROMAIDAN for p in answer.passages)


def test_citation_char_offsets_point_into_the_article(ready: Assistant):
    passage = ready.ask(OBLASTS).citations[0].passage
    assert ready.article(passage.article_id).text[passage.start : passage.end] == passage.text


def test_invented_citation_numbers_are_dropped(settings, ephemeral_client, corpus):
    a = build(settings, ephemeral_client, corpus, ["Putin demanded Mykolaiv [9]. And Kharkiv [1]."])
    answer = a.ask(OBLASTS)
    assert answer.text == "Putin demanded Mykolaiv. And Kharkiv [1]."
    assert len(answer.citations) == 1


def test_off_topic_question_abstains_without_calling_the_llm(ready: Assistant):
    answer = ready.ask("What is the boiling point of tungsten in kelvin?")
    assert answer.abstained
    assert answer.text == "The indexed articles don't say."
    assert answer.passages, "the closest passages are still offered"
    assert ready.llm.history == []


def test_model_abstention_is_recognised(settings, ephemeral_client, corpus):
    a = build(settings, ephemeral_client, corpus, ["The indexed articles don't say."])
    answer = a.ask("What did Lavrov say about Aeroflot sanctions?")
    assert answer.abstained and answer.citations == []


def test_stream_yields_tokens_then_the_answer(ready: Assistant):
    events = list(ready.stream(OBLASTS))
    tokens = [e for e in events if isinstance(e, Token)]
    assert len(tokens) > 3
    assert isinstance(events[-1], Answer)
    assert "".join(t.text for t in tokens) == events[-1].raw_output


def test_follow_up_is_condensed_before_retrieval(settings, ephemeral_client, corpus):
    a = build(
        settings,
        ephemeral_client,
        corpus,
        [
            "What did Sergey Lavrov say about Aeroflot sanctions?",
            "Lavrov tied flights to Aeroflot sanctions [1].",
        ],
    )
    history = [
        {"role": "user", "content": "Who is Sergey Lavrov?"},
        {"role": "assistant", "content": "Russia's foreign minister [1]."},
    ]
    answer = a.ask("And what did he say about Aeroflot?", history)
    assert answer.standalone_question == "What did Sergey Lavrov say about Aeroflot sanctions?"
    condense_prompt = a.llm.history[0][-1].content
    assert "User: Who is Sergey Lavrov?" in condense_prompt and "And what did he say about Aeroflot?" in condense_prompt
    assert answer.citations[0].passage.article_id == EUROMAIDAN


def test_rambling_condensation_falls_back_to_the_previous_question(settings, ephemeral_client, corpus):
    a = build(settings, ephemeral_client, corpus, ["", "Answer [1]."])
    history = [
        {"role": "user", "content": "Which oblasts did Putin demand?"},
        {"role": "assistant", "content": "x"},
    ]
    answer = a.ask("why those?", history)
    assert answer.standalone_question == "Which oblasts did Putin demand? why those?"


def test_context_respects_the_token_budget(settings, ephemeral_client, corpus):
    settings.answer.context_tokens = 50
    a = build(settings, ephemeral_client, corpus, ["x [1]."])
    answer = a.ask(OBLASTS)
    assert len(answer.passages) == 1
    assert "[2]" not in a.llm.history[-1][-1].content


def test_unreachable_llm_gives_one_clear_error(settings, ephemeral_client, corpus):
    a = build(settings, ephemeral_client, corpus, ["x"])
    a.llm.fail_with = "Connection refused"
    with pytest.raises(LLMError, match=r"did not answer.*Connection refused.*RAG_LLM__PROVIDER"):
        a.ask(OBLASTS)


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ("", "type a question"),
        ("   \x00\x07 ", "type a question"),
        ("\u200b\t\r\n", "type a question"),
        ("x" * 5000, "limit"),
        ("Why? " * 20_000, "the limit is 2,000"),
    ],
)
def test_bad_questions_get_a_message(ready: Assistant, question: str, message: str):
    with pytest.raises(QuestionError, match=message):
        ready.ask(question)


@pytest.mark.parametrize(
    "question",
    [
        "Яких областей вимагав Путін?",  # Ukrainian
        "普京要求了哪些州？",  # Chinese: no word the keyword index knows
        "ما هي المناطق التي طالب بها بوتين؟",  # Arabic, right to left
        "Putin \U0001f1fa\U0001f1e6 oblasts?",  # emoji flag
    ],
)
def test_questions_in_other_languages_get_an_answer_or_an_abstention(ready: Assistant, question: str):
    answer = ready.ask(question)
    assert answer.question == question
    assert answer.text.strip()  # an answer or the abstain phrase, never an empty reply
    assert answer.abstained or answer.citations


def test_control_characters_are_removed_from_questions(ready: Assistant):
    answer = ready.ask("Which oblasts\x00 did\x1b Putin demand?")
    assert answer.question == "Which oblasts did Putin demand?"


def test_chain_is_a_runnable(ready: Assistant):
    answer = ready.chain.as_runnable().invoke({"question": OBLASTS})
    assert isinstance(answer, Answer) and answer.citations
