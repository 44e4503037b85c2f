from __future__ import annotations

import re
from pathlib import Path

import pytest

from rag import Answer, Assistant, Settings, Token
from rag.errors import ConfigError, LLMError, QuestionError
from rag.types import EvidenceSet
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


def generating(settings: Settings) -> Settings:
    """The earlier free generation over whole passages ("generate" mode, answer.v1)."""
    settings.answer.mode = "generate"
    settings.answer.answer_prompt = "answer.v1"
    return settings


def test_evidence_comes_first_then_the_composed_answer_cites_it(ready: Assistant):
    events = list(ready.stream(OBLASTS))
    evidence = events[0]
    assert isinstance(evidence, EvidenceSet) and evidence.answerable
    assert "Mykolaiv and Kharkiv" in evidence.items[0].text
    assert isinstance(events[-1], Answer) and all(isinstance(e, Token) for e in events[1:-1])
    answer = events[-1]
    assert answer.text == "Putin demanded Mykolaiv and Kharkiv oblasts [1]."
    assert answer.citations[0].evidence == evidence.items[0]
    assert answer.citations[0].passage == evidence.items[0].passage
    assert answer.prompt_version == "compose.v1" and answer.model == "ScriptedChatModel" and answer.mode == "compose"
    assert answer.evidence == evidence and not answer.abstained
    assert set(answer.timings) >= {"retrieve_s", "evidence_s", "first_event_s", "generate_s", "total_s"}
    # What the model saw: the numbered evidence with outlet and date, then the question; no passages.
    prompt = ready.llm.history[-1][-1].content
    first = evidence.items[0]
    assert prompt.startswith(f"Evidence:\n[1] ({first.passage.about()}) {' '.join(first.text.split())}")
    assert first.passage.text.strip() not in prompt
    assert prompt.rstrip().endswith("each ending with its evidence number.")


def test_evidence_spans_point_into_their_passage_and_article(ready: Assistant):
    answer = ready.ask(OBLASTS)
    citation = answer.citations[0]
    start, end = citation.span
    assert citation.passage.text[start:end].strip().startswith(citation.evidence.text.strip()[:40])
    passage = citation.passage
    assert ready.article(passage.article_id).text[passage.start : passage.end] == passage.text


def test_evidence_mode_quotes_the_evidence_without_calling_the_llm(settings, ephemeral_client, corpus):
    settings.answer.mode = "evidence"
    a = build(settings, ephemeral_client, corpus, ["never used"])
    answer = a.ask(OBLASTS)
    assert a.llm.history == []
    assert answer.sentences and all(s.quoted for s in answer.sentences) and answer.quoted_share == 1.0
    assert "Mykolaiv and Kharkiv" in answer.text and answer.text.startswith("“")
    assert len(answer.sentences) <= settings.answer.max_quotes  # one fact: at most two sentences

    def plain(text: str) -> str:
        return re.sub(r"[“”‘’\"]", "", " ".join(text.split()))

    for s, c in zip(answer.sentences, answer.citations, strict=True):
        assert s.citations == (c.number,) and c.evidence is not None
        assert plain(c.evidence.quote).rstrip(".") in plain(s.text)  # verbatim


def test_the_same_sentence_from_overlapping_chunks_is_quoted_once(settings, ephemeral_client, corpus):
    settings.answer.mode = "evidence"
    settings.retrieval.k = 8
    answer = build(settings, ephemeral_client, corpus, ["x"]).ask(OBLASTS)
    quotes = [" ".join(c.evidence.text.split()) for c in answer.citations]
    assert len(quotes) == len(set(quotes))


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


def test_model_abstention_over_found_evidence_gives_the_evidence(settings, ephemeral_client, corpus):
    a = build(settings, ephemeral_client, corpus, ["The indexed articles don't say."])
    answer = a.ask(OBLASTS)
    assert not answer.abstained and answer.fallback == "quotes"
    assert all(s.quoted for s in answer.sentences) and "Mykolaiv" in answer.text


def test_model_abstention_is_recognised_in_generate_mode(settings, ephemeral_client, corpus):
    a = build(generating(settings), ephemeral_client, corpus, ["The indexed articles don't say."])
    answer = a.ask("What did Lavrov say about Aeroflot sanctions?")
    assert answer.abstained and answer.citations == []


def test_generate_mode_shows_the_model_whole_numbered_passages(settings, ephemeral_client, corpus):
    a = build(generating(settings), ephemeral_client, corpus, ["Putin demanded Mykolaiv and Kharkiv oblasts [1]."])
    events = list(a.stream(OBLASTS))
    assert not any(isinstance(e, EvidenceSet) for e in events)
    answer = events[-1]
    assert answer.text == "Putin demanded Mykolaiv and Kharkiv oblasts [1]." and answer.mode == "generate"
    first = answer.passages[0]
    assert answer.citations[0].passage == first and answer.prompt_version == "answer.v1"
    prompt = a.llm.history[-1][-1].content
    about = ", ".join(x for x in (first.outlet, first.published) if x)
    assert prompt.startswith(f"Passages:\n[1] {first.title}" + (f" ({about})" if about else ""))
    assert first.text.strip() in prompt and "\n\n[2] " in prompt
    assert prompt.endswith(f"Question: {OBLASTS}")
    assert any(p.article_id == EUROMAIDAN for p in answer.passages)


def test_a_prompt_without_the_modes_variable_is_refused(settings, ephemeral_client, corpus):
    settings.answer.answer_prompt = "answer.v1"  # a passages prompt, in the default compose mode
    with pytest.raises(ConfigError, match=r"compose\.v1"):
        _ = build(settings, ephemeral_client, corpus, ["x"]).chain


def test_stream_yields_evidence_then_tokens_then_the_answer(ready: Assistant):
    events = list(ready.stream(OBLASTS))
    tokens = [e for e in events if isinstance(e, Token)]
    assert isinstance(events[0], EvidenceSet) and len(tokens) > 3
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


def test_a_question_that_names_its_subject_is_not_rewritten(settings, ephemeral_client, corpus):
    a = build(settings, ephemeral_client, corpus, ["Kallas said Russia demands what was never theirs [1]."])
    history = [
        {"role": "user", "content": "What is the capital of Australia?"},
        {"role": "assistant", "content": "The indexed articles don't say."},
    ]
    answer = a.ask("What did Kaja Kallas say about Russia's negotiating style?", history)
    assert answer.standalone_question == "What did Kaja Kallas say about Russia's negotiating style?"
    assert not any("Follow-up question" in str(m[-1].content) for m in a.llm.history)  # no rewrite asked for


@pytest.mark.parametrize(
    "rewrite",
    [
        "The answer to this question is:",  # an answer, not a question
        "The answer is 1.",
        "What is the capital of Australia?",  # drops what the follow-up asked
        "User: Why did he demand those oblasts?",  # the follow-up given back, labelled
        "Why did the person demand those regions?",  # takes nothing from the conversation
    ],
)
def test_a_rewrite_that_is_not_the_follow_up_falls_back(settings, ephemeral_client, corpus, rewrite: str):
    a = build(settings, ephemeral_client, corpus, [rewrite, "x [1]."])
    history = [
        {"role": "user", "content": "Which oblasts did Putin demand?"},
        {"role": "assistant", "content": "Mykolaiv and Kharkiv [1]."},
    ]
    answer = a.ask("Why did he demand those oblasts?", history)
    # "he" is the one name of the question before (round 16 q29, q30: the two glued read as one
    # question asking both, and were abstained on).
    assert answer.standalone_question == "Why did Putin demand those oblasts?"


def test_rambling_condensation_falls_back_to_the_previous_question(settings, ephemeral_client, corpus):
    a = build(settings, ephemeral_client, corpus, ["", "Answer [1]."])
    history = [
        {"role": "user", "content": "Which oblasts did Putin demand?"},
        {"role": "assistant", "content": "x"},
    ]
    answer = a.ask("why those?", history)
    assert answer.standalone_question == "Which oblasts did Putin demand? why those?"


def test_a_labelled_rewrite_is_read_without_its_label(settings, ephemeral_client, corpus):
    a = build(
        settings,
        ephemeral_client,
        corpus,
        ['The user asked: "When did Vyacheslav Nikonov say the agenda was formed?"', "x [1]."],
    )
    history = [
        {"role": "user", "content": "What did Vyacheslav Nikonov say about the agenda?"},
        {"role": "assistant", "content": "That Trump and Putin formed it [1]."},
    ]
    answer = a.ask("When did he say it?", history)
    assert answer.standalone_question == "When did Vyacheslav Nikonov say the agenda was formed?"


def test_context_respects_the_token_budget(settings, ephemeral_client, corpus):
    generating(settings).answer.context_tokens = 50
    a = build(settings, ephemeral_client, corpus, ["x [1]."])
    answer = a.ask(OBLASTS)
    assert len(answer.passages) == 1
    assert "[2]" not in a.llm.history[-1][-1].content


def test_unreachable_llm_gives_one_clear_error(settings, ephemeral_client, corpus):
    a = build(settings, ephemeral_client, corpus, ["x"])
    a.llm.fail_with = "Connection refused"
    with pytest.raises(
        LLMError, match=r"did not answer.*Connection refused.*RAG_LLM__PROVIDER.*RAG_ANSWER__MODE=evidence"
    ):
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


def test_auto_mode_quotes_with_the_bundled_model_and_composes_with_any_other():
    from rag.answer.chain import resolve_mode
    from rag.settings import AnswerSettings, LLMSettings

    auto = AnswerSettings()
    assert auto.mode == "auto"
    assert resolve_mode(auto, LLMSettings(), own_model=False) == "evidence"  # the bundled SmolLM2
    assert resolve_mode(auto, LLMSettings(), own_model=True) == "compose"  # a chat model handed in
    assert resolve_mode(auto, LLMSettings(provider="ollama", model="llama3.2"), own_model=False) == "compose"
    assert resolve_mode(AnswerSettings(mode="compose"), LLMSettings(), own_model=False) == "compose"


def test_a_name_only_in_articles_the_filters_leave_out_is_not_said_to_be_absent(ready: Assistant):
    import datetime as dt

    asked = "What did Kaja Kallas say about Russia's negotiating style?"
    by_outlet = ready.ask(asked, outlets=["Chas Pravdy"])
    assert (
        by_outlet.abstained and by_outlet.text == "No article within the chosen outlets or dates mentions Kaja Kallas."
    )
    # The Moscow Times article has no date: a date filter leaves it out, and the answer says why.
    by_date = ready.ask(asked, date_from=dt.date(2025, 1, 1))
    assert by_date.abstained and "don't mention" not in by_date.text and "no date" in by_date.text
    # Filters that leave no article at all say so, not "the articles don't say" (explore10 M4).
    future = ready.ask(OBLASTS, date_from=dt.date(2030, 1, 1))
    assert future.abstained and future.text == "No indexed article is within the chosen outlets or dates."


def test_bad_filters_history_or_k_get_a_message_that_says_what_to_do(ready: Assistant):
    import datetime as dt

    from rag.errors import QuestionError

    outlet = next(a.outlet for a in ready.sources() if a.outlet)
    with pytest.raises(QuestionError, match=r"No indexed article is from 'Nope'\. Outlets: "):
        ready.ask(OBLASTS, outlets=["Nope"])
    with pytest.raises(QuestionError, match="swap them"):
        ready.ask(OBLASTS, date_from=dt.date(2025, 6, 1), date_to=dt.date(2025, 1, 1))
    with pytest.raises(QuestionError, match="history must be a list of turns"):
        ready.ask("And him?", history="hello")  # type: ignore[arg-type]
    with pytest.raises(QuestionError, match="history must be a list of turns"):
        ready.ask("And him?", history=[("What did Lavrov say?", "He said x")])  # type: ignore[list-item]
    for k in (0, 1000):
        with pytest.raises(QuestionError, match="from 1 to 50"):
            ready.ask(OBLASTS, k=k)
    with pytest.raises(QuestionError, match="topic for the timeline"):
        ready.timeline("  ")
    # An outlet in another case, or given alone as a string, is the outlet.
    lowered = ready.ask(OBLASTS, outlets=outlet.lower())  # type: ignore[arg-type]
    assert all(p.outlet == outlet for p in lowered.passages)
    # Dates as the CLI and the HTTP API take them; anything else is a message (explore10 M9).
    as_text = ready.ask(OBLASTS, date_from="2025-01-01", date_to="2025-12-31")
    assert as_text.passages and as_text.passages == ready.ask(OBLASTS, date_from=dt.date(2025, 1, 1)).passages
    for bad in (2025, "May 2025"):
        with pytest.raises(QuestionError, match="date_from must be a date or 'YYYY-MM-DD'"):
            ready.ask(OBLASTS, date_from=bad)  # type: ignore[arg-type]
    with pytest.raises(QuestionError, match="date_to must be"):
        ready.timeline("ceasefire", date_to="soon")
    with pytest.raises(QuestionError, match="outlets must be outlet names"):
        ready.ask(OBLASTS, outlets=[None])  # type: ignore[list-item]


def test_the_assistant_refuses_settings_or_a_model_of_the_wrong_kind():
    from rag.errors import ConfigError

    with pytest.raises(ConfigError, match=r"settings must be a rag.Settings, not dict"):
        Assistant(settings={"retrieval": {"k": 2}})  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="llm must be a LangChain chat model, not str"):
        Assistant(llm="smollm2")  # type: ignore[arg-type]


def test_the_fallback_joins_the_latest_question_that_stood_on_its_own(settings, ephemeral_client, corpus):
    """explore11 H3: a third turn was joined to the second as typed ("When? What will they discuss
    there?"), and the subject of the first was lost."""
    a = build(settings, ephemeral_client, corpus, ["", "Answer [1]."])
    history = [
        {"role": "user", "content": "Where were Russian and American diplomats scheduled to meet?"},
        {"role": "assistant", "content": "In Saudi Arabia [1]."},
        {"role": "user", "content": "When?"},
        {"role": "assistant", "content": "On Monday [1]."},
    ]
    answer = a.ask("What will they discuss there?", history)
    assert answer.standalone_question == (
        "Where were Russian and American diplomats scheduled to meet? What will they discuss there?"
    )


def test_a_short_question_naming_its_subject_stands_alone_and_anchors_the_next(settings, ephemeral_client, corpus):
    """explore12 H4: "Who visited Paiporta?" (three words) was glued to the chat's first question, and
    "When?" after it answered the first question again."""
    from rag.answer.question import needs_context

    assert not needs_context("Who visited Paiporta?") and not needs_context("Who is Lavrov?")
    assert needs_context("When?") and needs_context("How many?") and needs_context("What about Zelensky?")
    a = build(settings, ephemeral_client, corpus, ["", "x [1]."])
    history = [
        {"role": "user", "content": "Which oblasts did Putin demand?"},
        {"role": "assistant", "content": "Mykolaiv and Kharkiv [1]."},
        {"role": "user", "content": "Who is Lavrov?"},
        {"role": "assistant", "content": "Russia's foreign minister [1]."},
    ]
    answer = a.ask("When?", history)
    assert answer.standalone_question == "Who is Lavrov? When?"


def test_a_follow_up_pronoun_takes_the_one_name_of_the_question_before():
    from rag.answer.question import with_subject

    assert with_subject("What did he say about the results?", ["Rod Eddington"]) == (
        "What did Rod Eddington say about the results?"
    )
    assert (
        with_subject("When does his team play England?", ["John Kirwan"])
        == "When does John Kirwan's team play England?"
    )
    assert (
        with_subject("What did Lavrov tell her about it?", ["Kaja Kallas"])
        == "What did Lavrov tell Kaja Kallas about it?"
    )
    assert with_subject("What did he say?", ["Lavrov", "Rubio"]) is None  # whom? keep both questions
    assert with_subject("When?", ["Lavrov"]) is None


def test_when_after_a_resolved_follow_up_asks_about_it_and_a_place_is_no_he(settings, ephemeral_client, corpus):
    """explore13 M3: "When?" after "What did he say about rates?" (about Tobias Hallendorf) was joined to
    the chat's first question; M1: after "Who visited Kallio?", "he" had become the town."""
    from rag.answer.chain import _anchor, _subjects

    asked = ["Who is Tobias Hallendorf?", "What did he say about rates?"]
    assert _anchor(asked) == "What did Tobias Hallendorf say about rates?"
    assert _anchor(["Where did the diplomats meet?", "When?"]) == "Where did the diplomats meet?"
    assert _subjects("Who visited Kallio?") == [] and _subjects("Who is Tobias Hallendorf?") == ["Tobias Hallendorf"]
    a = build(settings, ephemeral_client, corpus, ["", "x [1]."])
    history = [
        {"role": "user", "content": "Who is Tobias Hallendorf?"},
        {"role": "assistant", "content": "The central bank governor [1]."},
        {"role": "user", "content": "What did he say about rates?"},
        {"role": "assistant", "content": "That they could fall [1]."},
    ]
    assert a.ask("When?", history).standalone_question == "What did Tobias Hallendorf say about rates? When?"


def test_he_is_not_the_woman_asked_about_last(settings, ephemeral_client, corpus):
    """explore13 M1 (a): after questions on Anton Berezhnoy and then Marisela Quintanilla (answered "She
    asked for federal aid"), "What did he say about a reconstruction fund?" became a question on her."""
    a = build(settings, ephemeral_client, corpus, ["", "x [1]."])
    history = [
        {"role": "user", "content": "What did Anton Berezhnoy promise?"},
        {"role": "assistant", "content": "He promised to rebuild the bridge [1]."},
        {"role": "user", "content": "What did Marisela Quintanilla ask for?"},
        {"role": "assistant", "content": "She asked for federal aid [1]."},
    ]
    assert (
        a.ask("What did he say about a reconstruction fund?", history).standalone_question
        == "What did Anton Berezhnoy say about a reconstruction fund?"
    )
    # "she" stays hers; an answer that uses no pronoun decides nothing.
    assert (
        a.ask("What did she say about shelters?", history).standalone_question
        == "What did Marisela Quintanilla say about shelters?"
    )
    quiet = [*history[:3], {"role": "assistant", "content": "Federal aid [1]."}]
    assert (
        a.ask("What did he say about a reconstruction fund?", quiet).standalone_question
        == "What did Marisela Quintanilla say about a reconstruction fund?"
    )


def test_a_name_read_again_in_the_passages_spelling_is_not_reported_absent() -> None:
    """The question is read again as the passages write it ("Zelensky" asked, "Zelenskyy" missing after
    the second look); the index mentions him under the first spelling, so no "don't mention Zelenskyy"."""
    from rag.answer.chain import unmentioned

    mentioned = frozenset({"Zelensky", "Washington Post"})
    assert unmentioned(["Zelenskyy", "Washington Post", "Kaja Kallas"], mentioned) == ["Kaja Kallas"]
    assert unmentioned(["Kallas"], frozenset({"Kaja Kallas"})) == []
    assert unmentioned(["Kallas"], None) == ["Kallas"]
