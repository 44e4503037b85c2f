"""Rules drawn from the session-39 stories (explore39-39d, development data since their reading): "What are the rules
of X?" answered by the sentences of the report laying them down; "the final deadline" is the last one set."""

from __future__ import annotations

import json

from rag.evidence.rules import rules, rules_asked
from rag.news.recency import wants_latest
from rag.types import Passage


def _passage(text: str, article: str, published: str, genre: str | None = None, title: str = "Story") -> Passage:
    return Passage(f"{article}::0", article, text, title, 0, len(text), 0.5, "Wire", published, None, genre)


ANNOUNCED = (
    "School-leavers from the occupied district will be allowed to cross the front line this month to sit the exam. "
    "Up to 500 students may cross each day, the ministry said. "
    "They cross on foot in groups of 45, one busload at a time, and must carry a birth certificate. "
    "The ministry expects about 2,000 students."
)
ANALYSIS = (
    "Then there are the rules. The bridge opens under Annex F of the ceasefire, and the number of students who may "
    "cross each day is set by the education ministry, which has kept it at 500."
)


def test_what_a_rules_question_asks_for() -> None:
    asked = rules_asked("What rules did students have to follow to use the crossing?")
    assert asked is not None and set(asked.topic) == {"student", "use", "cross"}
    assert rules_asked("What are the rules of the repair truce?") is not None
    assert rules_asked("What conditions did Korvath set before letting the planes cross?") is not None
    assert rules_asked("what are you not allowed to put in a parcel for the grevnan-held areas") is not None
    # One rule is a fact, asked as any other; so is a question that asks for no rules.
    assert rules_asked("What rule in the constitution stops Ostrenna from holding a vote?") is None
    assert rules_asked("How many students crossed the bridge?") is None


def test_the_rules_are_the_reports_sentences_laying_them_down() -> None:
    """Explore39b q25 quoted the analysis piece's "Then there are the rules. …", whose claim was false."""
    asked = rules_asked("What rules did students have to follow to use the crossing?")
    assert asked is not None
    found = rules(asked, [_passage(ANALYSIS, "a9", "2026-07-10", "analysis"), _passage(ANNOUNCED, "a1", "2026-06-01")])
    assert [r.text for r in found] == [
        "School-leavers from the occupied district will be allowed to cross the front line this month to sit the exam.",
        "Up to 500 students may cross each day, the ministry said.",
        "They cross on foot in groups of 45, one busload at a time, and must carry a birth certificate.",
    ]
    # An analysis piece alone lays nothing down; nor does one sentence that names no rules.
    assert rules(asked, [_passage(ANALYSIS, "a9", "2026-07-10", "analysis")]) == []
    assert rules(asked, [_passage("Up to 500 students may cross each day.", "a2", "2026-06-02")]) == []


def test_what_might_happen_lays_nothing_down() -> None:
    asked = rules_asked("What are the rules of the repair truce?")
    assert asked is not None
    told = (
        "The repair truce took effect on Monday and runs until May 20. Repairs may be delayed by rain, the company "
        "said. The bridge is the only crossing of the river. Crews will work only in daylight. The ceasefire took "
        "effect on March 1."
    )
    assert [r.text for r in rules(asked, [_passage(told, "a1", "2026-05-08")])] == [
        "The repair truce took effect on Monday and runs until May 20.",
        "Crews will work only in daylight.",
    ]


def test_one_sentence_naming_the_conditions_is_the_answer() -> None:
    """Explore34d q24: "Korvath agreed on four conditions: …" outweighs a later report's two sentences."""
    asked = rules_asked("What conditions did Korvath set before letting the planes cross?")
    assert asked is not None
    agreed = "Korvath agreed on four conditions: flights in daylight only, and transponders on at all times."
    later = (
        "Under its annex neither side may fly any aircraft near the line without clearance. Ground crews have worked "
        "only at its edges."
    )
    title = "Water bombers cross the line as Korvath agrees"
    found = rules(
        asked, [_passage(later, "a5", "2026-07-28", title=title), _passage(agreed, "a2", "2026-07-23", title=title)]
    )
    assert [r.text for r in found] == [agreed]


RULES_ARTICLES = [
    {
        "title": "Students from occupied district to cross the bridge for exams",
        "outlet": "Carrack Wire",
        "published": "2026-06-01",
        "body": ANNOUNCED,
    },
    {
        "title": "Analysis: An exam across the line",
        "outlet": "Halsmere Review",
        "published": "2026-07-10",
        "section": "Analysis",
        "body": ANALYSIS,
    },
]


def test_a_rules_question_is_answered_by_the_report_in_every_mode(settings, ephemeral_client, tmp_path) -> None:
    from tests.conftest import make_assistant

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "articles.json").write_text(json.dumps(RULES_ARTICLES), encoding="utf-8")
    settings.retrieval.min_relevance = 0.0  # hashing embeddings: the passages found are read whatever they score
    assistant = make_assistant(settings, ephemeral_client, ["Students must obey the ministry [1]."])
    assert assistant.ingest(folder).ok
    answer = assistant.ask("What rules did students have to follow to use the crossing?")
    assert answer.text.startswith("As reported on 1 June 2026: “School-leavers from the occupied district will be")
    assert "must carry a birth certificate" in answer.text and "obey" not in answer.text
    assert "Then there are the rules" not in answer.text and all(s.quoted for s in answer.sentences)


def test_the_final_deadline_is_the_latest() -> None:
    """Explore39b q21 gave the first extension (to 12 June) as the final deadline; the second moved it to 17 June."""
    assert wants_latest("What was the final deadline for students to register?")
    assert wants_latest("whats the new deadline")
    assert not wants_latest("What was the first deadline for students to register?")


def test_a_running_total_and_two_days_count_are_no_change() -> None:
    """Explore39c q02 noted 2,050 vehicles since the opening and 850 on two named days as a change; and 980 crossings
    booked beside them, a figure of what was planned."""
    from datetime import date

    from rag.news.sameness import value_conflict
    from rag.news.values import values_in

    since = (
        "Since the bridge opened on Friday last week, 14,300 people have crossed on foot and 2,050 vehicles have "
        "driven over it, according to the regional administration's count up to Wednesday evening."
    )
    two_days = "On Monday and Tuesday 8,300 people crossed on foot and 850 vehicles drove over the bridge."
    booked = "The administration said 980 vehicle crossings booked for the two days were made."
    later = "Since the bridge opened, 46,900 people have crossed on foot and 6,330 vehicles have driven over it."

    def change(a: str, b: str) -> bool:
        return (
            value_conflict(a, b, values_in(a, date(2026, 5, 14)), values_in(b, date(2026, 6, 3)), "", "", True)
            is not None
        )

    assert not change(since, two_days)
    assert not change(since, booked)
    assert change(since, later)  # two running totals are the count's change


def test_a_columns_running_count_behind_a_report_is_no_disagreement() -> None:
    """Explore39b q16 noted an analysis piece's "some 1,897 have sat the exam so far" against the results report of
    its day, "2,318 sat the exam", as sources that disagree."""
    from rag.answer.compose import quoted_answer
    from rag.answer.news import disagreements
    from rag.types import Evidence

    report = "Of the 2,480 students who registered, 2,318 sat the exam over six days, the centre said."
    column = "This year, of the 2,480 who registered, some 1,897 have sat the exam so far."

    def notes(column_day: str, genre: str | None) -> list[str]:
        items = [
            Evidence(text=report, passage=_passage(report, "a8", "2026-07-10"), start=0, end=len(report), score=0.5),
            Evidence(
                text=column, passage=_passage(column, "a9", column_day, genre), start=0, end=len(column), score=0.5
            ),
        ]
        return [n.note for n in disagreements(quoted_answer(items), items, "how many sat the exam?")[1]]

    assert notes("2026-07-10", "analysis") == []
    # Two reports of one day are two sources that disagree, as before.
    assert notes("2026-07-10", None) != []


def test_how_far_and_how_long_are_two_measures() -> None:
    """Explore39c q28 noted "about 300 metres upstream of the ruins" and "is 210 metres of steel" as a disagreement."""
    from datetime import date

    from rag.news.sameness import value_conflict
    from rag.news.values import values_in

    site = "The commission approved a site between Brenhollow and Kastvel, about 300 metres upstream of the old bridge."
    size = "The pontoon bridge between Brenhollow and Kastvel is 210 metres of steel floating on brown water."
    moved = (
        "The commission moved the site between Brenhollow and Kastvel to about 500 metres upstream of the old bridge."
    )

    def conflict(a: str, b: str) -> bool:
        day = date(2026, 5, 1)
        return value_conflict(a, b, values_in(a, day), values_in(b, day)) is not None

    assert not conflict(site, size)
    assert conflict(site, moved)  # two distances of one site still disagree


def test_named_to_a_post_and_taking_it_up_are_two_events() -> None:
    """Explore39d q21 noted "named … as new regional registrar on Friday" and "took office … on Tuesday" as sources
    that disagree on when he was appointed."""
    from rag.news.conflicts import detect_conflicts
    from rag.types import Evidence

    def evidence(text: str, article: str, published: str) -> Evidence:
        return Evidence(text=text, passage=_passage(text, article, published), start=0, end=len(text), score=0.5)

    named = evidence(
        "The ministry named Yaroslav Lambreth, 61, as Rydel's new regional registrar on Friday, the day the Cabinet "
        "extended the fee waiver for a second time.",
        "a7",
        "2026-05-26",
    )
    took = evidence("Yaroslav Lambreth took office as regional registrar for Rydel on Tuesday.", "a8", "2026-05-27")
    assert [c for c in detect_conflicts([took, named]) if c.about == "date"] == []


def test_a_start_told_from_a_weekday_is_ahead() -> None:
    """Explore39d q28 bracketed "From Monday a third van works in Belgrene" (a Friday report) as the Monday before;
    explore39c and explore38 read "approved … on Wednesday …, from Saturday" (a Thursday report) as the Saturday
    before."""
    from rag.news.dates import resolve_dates

    def days(text: str, published: str) -> list[str]:
        return [str(r.date_from) for r in resolve_dates(text, published)]

    van = "From Monday a third van works in Belgrene, from the yard of the old post office, the registry said."
    assert days(van, "2026-05-01") == ["2026-05-04"]
    assert days("Fares return from Monday, the company said.", "2026-05-01") == ["2026-05-04"]
    approved = "The commission on Wednesday approved a request to raise the weight limit to 20 tonnes, from Saturday."
    assert days(approved, "2026-05-14") == ["2026-05-13", "2026-05-16"]
    # From the act's day, not the report's: the Monday after the Friday, before the Tuesday report.
    lifted = "The ban on fishing in the outer bay was lifted on Friday, with effect from Monday."
    assert days(lifted, "2026-05-26") == ["2026-05-22", "2026-05-25"]
    # A tense of its own in the clause still decides, and a quotation is read as before.
    assert days("Fares were free from Monday until Friday.", "2026-05-01") == ["2026-04-27", "2026-05-01"]
    assert days("It has been closed from Monday.", "2026-05-01") == ["2026-04-27"]
    assert days('"From Monday our crews can work without looking at the sky," the mayor said.', "2026-09-30") == [
        "2026-09-28"
    ]


def test_a_yard_or_a_street_says_where() -> None:
    """Explore39d q28, "where is the registry van in belgrene", abstained beside "… from the yard of the old post office
    on Quarry Square"."""
    from rag.evidence.entities import locates
    from rag.evidence.question import analyze

    question = "where is the registry van in belgrene"
    info = analyze(question)
    assert locates(question, "A third van works in Belgrene, from the yard of the old post office.", info)
    assert locates(question, "A third van works in Belgrene, on Quarry Square.", info)
    assert not locates(question, "A third van works in Belgrene, the registry said.", info)


WHY_PASSAGE = (
    "Registration for the special session of the university entrance exam closed last night with 2,480 students "
    "from the occupied areas signed up, the National Testing Centre said.\n\n"
    "The deadline had been extended twice, first from June 5 to June 12 after mobile internet went down in the "
    "Varsel district, and then, on Friday, to Wednesday. The ministry said the second extension was needed because "
    "about 300 registration forms filled in on paper at the monitoring mission's office in Varsel had not yet reached "
    "the testing centre in Kalvenna.\n\n"
    "The Joint Crossings Commission on Tuesday turned down a request from the education ministry to raise the number "
    "of students who may cross the bridge each day from 500 to 800."
)


def test_a_sure_span_giving_a_cause_answers_why(real_embeddings, monkeypatch) -> None:
    """Explore39b q17 abstained beside the sentence giving the second extension's cause (span 0.69): the answer model
    weighs the passage's overall match, and a why question's words rarely all recur ("sign-up", "pushed back")."""
    import dataclasses

    import rag.evidence.selector as selector
    from rag.evidence.selector import EvidenceSelector
    from rag.settings import EvidenceSettings

    passage = _passage(WHY_PASSAGE, "a3", "2026-06-18", title="Registration closes with 2,480 students")
    passage = dataclasses.replace(passage, score=0.45)
    question = "Why was the sign-up deadline pushed back a second time?"
    found = EvidenceSelector(real_embeddings, EvidenceSettings()).select(question, [passage])
    assert found.answerable and "300 registration forms" in found.items[0].text
    monkeypatch.setattr(selector, "_WHY_TERMS", 1.01)  # the rule off: the answer model alone abstains
    assert not EvidenceSelector(real_embeddings, EvidenceSettings()).select(question, [passage]).answerable


def test_conditions_only_named_lay_nothing_down() -> None:
    """The bundled corpus's "What are the terms of the ceasefire proposal?" quoted "to create conditions for diplomatic
    resolution" and "to secure the conditions it deems necessary" as terms."""
    asked = rules_asked("What are the terms of the ceasefire proposal?")
    assert asked is not None
    told = (
        "Western countries have called on Russia to establish a ceasefire regime to create conditions for diplomatic "
        "resolution. The ceasefire proposal was the first test of the mediators' rules for talks. Russia must agree "
        "that a ceasefire should precede talks on a settlement, the report says."
    )
    assert [r.text for r in rules(asked, [_passage(told, "a1", "2026-05-20")])] == []  # one rule, naming none
    named = "Under its terms, the ceasefire proposal holds for 30 days. " + told
    assert len(rules(asked, [_passage(named, "a1", "2026-05-20")])) == 2
