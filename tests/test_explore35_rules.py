"""Rules drawn from the session-35 stories (explore35-35d, development data since their reading): a stand-in named in
an article that names the one who left only sentences before; what runs "since" a weekday, a plan the sentence changed
before it and a plan said on a weekday; "Did A before or after B?"; counts of another instance than the one asked; a
report of the return against a column saying suspended; the day planned and the day it happened; "why" answered by a
cause said outright; and "who decides" read from a passage a search for the question's words ranks low."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import numpy as np

from rag.answer.cite import ParsedAnswer
from rag.answer.compose import quotes_for
from rag.answer.news import disagreements
from rag.evidence import EvidenceSelector
from rag.evidence.candidates import build
from rag.evidence.entities import gives_cause_outright, states_reason
from rag.evidence.question import analyze
from rag.evidence.selector import _report_against
from rag.news.dates import resolve_dates
from rag.news.order import event_day, order_asked, tells_event
from rag.news.plans import asks_plan_and_act
from rag.settings import EvidenceSettings
from rag.types import Evidence, Passage
from tests.fakes import HashingEmbeddings


def _dated(
    text: str, article: str, published: str, genre: str | None = None, at: int = 0, score: float = 0.5
) -> Passage:
    return Passage(f"{article}::{at}", article, text, "Hospital", 0, len(text), score, "Wire", published, None, genre)


def _selector() -> EvidenceSelector:
    return EvidenceSelector(HashingEmbeddings(), EvidenceSettings())


def _days(text: str, published: str) -> list[str]:
    return [str(r.date_from) for r in resolve_dates(text, published)]


def test_a_stand_in_is_found_though_the_one_who_left_is_named_sentences_before() -> None:
    """Explore35 q14: "Who stood in as head of the hospital after Ravetz fell ill?" was answered with his successor's
    appointment; the deputy's sentence names neither Ravetz nor his falling ill."""
    named = _dated(
        "Health authorities on Monday named Dr Pavel Sternak, head of surgery at Ardelin Regional Hospital, as the new "
        "director of Dalvany Central Hospital, whose director was evacuated last week after a heart attack.",
        "a",
        "2026-06-16",
        score=0.9,
    )
    deputy = _dated(
        "Dr Emil Ravetz, 61, was flown out on Thursday after a heart attack. His condition is stable, the department "
        "said. His deputy, Dr Lena Hoskova, 39, an anaesthetist, has run the hospital on an acting basis since "
        "Thursday and will do so until Sternak arrives.",
        "b",
        "2026-06-16",
        score=0.4,
    )
    found = _selector().select("Who stood in as head of the hospital after Ravetz fell ill?", [named, deputy])
    assert found.answerable and "Hoskova" in found.items[0].text
    # The article must still name whom the question names: a deputy of someone else answers nothing.
    other = _dated(deputy.text.replace("Dr Emil Ravetz", "Dr Emil Korvan"), "b", "2026-06-16", score=0.4)
    found = _selector().select("Who stood in as head of the hospital after Ravetz fell ill?", [named, other])
    assert not found.items or "Hoskova" not in found.items[0].text


def test_what_runs_since_a_weekday_began_on_the_one_gone_by() -> None:
    """Explore35 q14's quote showed "since Thursday [18 June 2026]" in a Tuesday 16 June report: the clause's "will do
    so until" made the weekday read as one ahead."""
    acting = "She has run the hospital on an acting basis since Thursday and will do so until Sternak arrives."
    assert _days(acting, "2026-06-16") == ["2026-06-11"]
    assert _days("The convoy will leave on Thursday.", "2026-06-16") == ["2026-06-18"]


def test_a_plan_the_sentence_changed_before_it_is_the_day_gone_by() -> None:
    """Explore35 q16 showed "the truce, which was due to expire on Tuesday [7 July 2026]" in a Friday 3 July report
    that tells it was extended on Monday: the Tuesday gone by, 30 June."""
    extended = "The commission agreed on Monday to extend the truce, which was due to expire on Tuesday, by 14 days."
    assert _days(extended, "2026-07-03") == ["2026-06-29", "2026-06-30"]
    # A plan no sentence changes keeps its day ahead.
    assert _days("The truce, which is due to expire on Tuesday, may be extended.", "2026-07-03") == ["2026-07-07"]


def test_a_plan_said_on_a_weekday_lies_ahead_of_that_day() -> None:
    """Explore31c's quote, newly shown for when the third round was supposed to open, read "had been due to open near
    Aubrenne on Monday" in a Wednesday 22 April report of what the ministry said on Saturday 18 April as 27 April: the
    Monday after the saying, 20 April."""
    said = (
        "The foreign ministry said on Saturday that the third round of talks, which had been due to open near Aubrenne "
        "on Monday, had been postponed to Thursday, April 30."
    )
    assert _days(said, "2026-04-22") == ["2026-04-18", "2026-04-20", "2026-04-30"]
    assert _days("The third round opens near Aubrenne on Monday, the ministry said.", "2026-04-22") == ["2026-04-27"]


def test_before_or_after_asks_for_two_events_in_order() -> None:
    """Explore35 q18, 35b q18, 35c q18 (and 16 more such questions of sessions 31-35) were answered with one event's
    span: "Did A before or after B?" asks each event's day, as "Which came first, A or B?" does."""
    asked = order_asked("Did the governor fire Korrel before or after the paper coupons were suspended?")
    assert asked is not None and asked.events == ("the governor fire Korrel", "the paper coupons were suspended")
    asked = order_asked("Was Ravetz flown out of Dalvany before or after the buses stopped running?")
    assert asked is not None and asked.events == ("Ravetz flown out of Dalvany", "the buses stopped running")
    # Each event is then dated by its own span, as an order question's are.
    suspended = "The agency suspended the paper coupons on Saturday because of a flood of forgeries."
    assert tells_event("the paper coupons were suspended", suspended)
    assert event_day("the paper coupons were suspended", suspended, "2026-05-26") == date(2026, 5, 23)
    assert order_asked("Did the governor fire Korrel after the coupons were suspended?") is None


def test_a_count_of_another_instance_than_the_one_asked_makes_no_note() -> None:
    """Explore35 q03: "How many people were on the buses in the first convoy out of Dalvany?" noted a change from the
    first convoy's "49 patients and 33 relatives" to "carrying 47 patients and 28 carers", a later convoy's."""
    first = _dated(
        "The AMC also corrected its count for the first bus convoy, which reached Ardelin on Saturday. It carried 49 "
        "patients and 33 relatives caring for them, the AMC said.",
        "a",
        "2026-06-10",
    )
    resumed = _dated(
        "Bus convoys out of Dalvany resumed on Monday, ten days after they were suspended, carrying 47 patients and "
        "28 carers to Ardelin.",
        "b",
        "2026-06-24",
    )
    at = first.text.index("It carried")
    one = Evidence(first.text[at:], first, at, len(first.text), 0.9)
    two = Evidence(resumed.text, resumed, 0, len(resumed.text), 0.5)
    unasked = ParsedAnswer("x", [], [], False)
    assert disagreements(unasked, [one, two])[1]  # asked of no instance, the counts are set side by side
    assert not disagreements(unasked, [one, two], "How many people were in the first convoy out of Dalvany?")[1]
    # Both telling of the first convoy, a revised count is still noted.
    mayor = _dated("The mayor said 52 patients were on the first convoy to Ardelin.", "c", "2026-06-07")
    three = Evidence(mayor.text, mayor, 0, len(mayor.text), 0.5)
    assert disagreements(unasked, [three, one], "How many patients were in the first convoy out of Dalvany?")[1]
    # "In its first few days" picks out a time, not one of the things counted.
    assert disagreements(unasked, [one, two], "How many patients were carried in the first few days?")[1]


def test_asked_if_it_runs_again_a_report_of_the_return_answers_a_column_saying_suspended() -> None:
    """Explore35c q13: "are the escorted press tours runing again" was answered with a 22 April analysis, "The
    escorted tours have been suspended since the trip to Skerrow was called off on 7 April", though a 16 April report
    read with it (not chosen) tells the tours resumed."""
    column = _dated(
        "The escorted tours have been suspended since the trip to Skerrow was called off on 7 April, and no new date "
        "has been announced.",
        "a",
        "2026-04-22",
        genre="analysis",
    )
    report = _dated(
        "Twenty-nine foreign journalists visited the river port of Skerrow on Wednesday as Ravelland resumed escorted "
        "tours of its front-line zone, which the army had suspended for eight days.",
        "b",
        "2026-04-16",
    )
    sentences, _ = build([column, report])
    first = Evidence(column.text, column, 0, len(column.text), 0.3)
    scores = np.array([0.3, 0.1])
    against = _report_against(first, sentences, scores, analyze("are the escorted press tours runing again"))
    assert [e.text for e in against] == [report.text]
    # Asked something else of the tours, the column's span stands.
    assert not _report_against(first, sentences, scores, analyze("How long have the escorted tours been suspended?"))


def test_asked_the_day_planned_and_the_day_it_happened_both_are_quoted() -> None:
    """Explore35c q10: "When was the first escorted press tour supposed to go to Dressel, and when did it actually
    go?" quoted only the plan's day; the span dating the tour, chosen beside it, holds no other word of the
    question."""
    plan = _dated("The first escorted press tour leaves Korvasz for Dressel on Wednesday, March 25.", "a", "2026-03-18")
    went = _dated(
        "Twenty-seven foreign journalists reached the front-line town of Dressel on Wednesday on the first escorted "
        "tour, a week later than first planned.",
        "b",
        "2026-04-02",
    )
    spans = [Evidence(p.text, p, 0, len(p.text), s) for p, s in ((plan, 0.6), (went, 0.2))]
    question = "When was the first escorted press tour supposed to go to Dressel, and when did it actually go?"
    assert asks_plan_and_act(question)
    assert [e.passage.article_id for e in quotes_for(question, spans, 2, 0.5)] == ["a", "b"]
    # A second span of the same day adds nothing, and a question on the plan alone is one fact.
    same = Evidence(plan.text, dataclasses.replace(plan, article_id="c"), 0, len(plan.text), 0.2)
    assert [e.passage.article_id for e in quotes_for(question, [spans[0], same], 2, 0.5)] == ["a"]
    assert not asks_plan_and_act("When was the first escorted press tour supposed to go to Dressel?")
    # A day of something else is no answer to when the thing planned happened (explore29b).
    other = _dated("The moratorium, agreed in Lenzgard on 4 March, took effect on 7 March.", "d", "2026-03-20")
    question = "When were the extension talks supposed to happen, and when did they finally take place?"
    talks = _dated("The extension talks are due to open in Lenzgard on 26 March.", "e", "2026-03-20")
    spans = [Evidence(p.text, p, 0, len(p.text), s) for p, s in ((talks, 0.6), (other, 0.3))]
    assert [e.passage.article_id for e in quotes_for(question, spans, 2, 0.5)] == ["e"]
    question = "The extension talks got delayed - when were they first meant to happen, and when did they take place?"
    assert [e.passage.article_id for e in quotes_for(question, spans, 2, 0.5)] == ["e"]


def test_why_an_act_of_authority_is_answered_by_what_it_was_told_of() -> None:
    """Explore35 q11 and 35c q11 abstained: "suspended its bus convoys on Friday after the lead bus … was hit by
    gunfire", "ordered her to leave the country, saying she had entered a closed sector" say the cause outright; a
    plan's "was due to leave" says none (explore35c q17's first span read as giving one)."""
    assert states_reason(
        "The AMC suspended its bus convoys on Friday after the lead bus of a convoy was hit by gunfire near Verhol."
    )
    assert states_reason("Ravelland ordered her to leave the country, saying she had entered a closed sector.")
    assert not states_reason("The convoy was halted on Friday after talks in Geneva.")
    assert not states_reason("The tour was cancelled early on Wednesday, hours before the bus was due to leave.")
    assert states_reason("The tour was cancelled due to shelling near the town.")
    # Said outright, as a sentence after the event may say it; a purpose is not (explore26c, explore34c).
    assert gives_cause_outright("It gave two reasons: too few pensioners had completed the identity check.")
    assert gives_cause_outright("The General Staff cited overnight shelling near the town.")
    assert not gives_cause_outright("Kestrania would open a corridor so that civilians could leave.")


def test_why_the_cause_told_right_after_the_event_is_quoted_with_it() -> None:
    """Explore35c q17: "Why was the first trip to Dressel called off?" abstained beside "The tour … was cancelled early
    on Wednesday, hours before the bus was due to leave Korvasz. The General Staff cited overnight shelling near the
    town.", the cause a sentence of its own after the event."""
    text = (
        "The tour, which was to take 30 foreign journalists to Dressel, was called off early on Wednesday, hours "
        "before the bus was due to leave Korvasz. The General Staff cited overnight shelling near the town. Dressel is "
        "9 km from the line."
    )
    found = _selector().select("Why was the first trip to Dressel called off?", [_dated(text, "a", "2026-03-27")])
    assert found.answerable
    assert [e.text for e in found.items[:2]] == [
        text[: text.index(" The General")],
        "The General Staff cited overnight shelling near the town.",
    ]


def test_who_decides_reads_the_passage_saying_whom_the_power_rests_with(settings, ephemeral_client, tmp_path) -> None:
    """Explore35 q22: "Who gets the final say on which patients are allowed to leave Dalvany?" was answered with the
    first list's lead; "only the Truce Coordination Commission in Port Averne can approve a list" ranked under the
    passages on the lists, in words the question does not use."""
    from tests.conftest import make_assistant

    folder = tmp_path / "news"
    folder.mkdir()
    lists = [
        f"Dalvany hospital sent list number {n} of patients allowed to leave Dalvany, with {n * 40} patients who get "
        f"a place on the final list, the hospital said."
        for n in range(1, 7)
    ]
    rule = (
        "Dalvany hospital's triage board proposes the names of patients and doctors check the medical priorities, but "
        "only the Truce Coordination Commission in Port Averne can approve a list."
    )
    articles = [
        {"title": f"Dalvany list {i}", "outlet": "Wire", "published": f"2026-06-0{i + 1}", "text": text}
        for i, text in enumerate([*lists, rule])
    ]
    (folder / "articles.jsonl").write_text("\n".join(json.dumps(a) for a in articles), encoding="utf-8")
    settings.answer.mode = "evidence"
    assistant = make_assistant(settings, ephemeral_client, ["unused"])
    assert assistant.ingest(folder).ok
    question = "Who gets the final say on which patients are allowed to leave Dalvany?"
    assert all("Truce Coordination" not in p.text for p in assistant.retriever.search(question, 4))
    answer = assistant.ask(question)
    assert not answer.abstained and "only the Truce Coordination Commission" in answer.text
