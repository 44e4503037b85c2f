"""Rules drawn from the session-32 stories (explore32-32d, development data since their reading): a figure the report
names as the old one, years labelling a cohort, the one body holding a power, a first day's count, the newest deadline,
a deadline ahead whatever verb tells it, dates after the other article was written, rates beside totals, and the day a
plan was announced."""

from __future__ import annotations

import math

from rag.evidence import EvidenceSelector
from rag.evidence.entities import (
    counts_asked_thing,
    counts_only_some,
    dates_what_happened,
    instance_unnamed,
    states_figure,
)
from rag.evidence.features import ANSWER_FEATURES
from rag.evidence.model import Logistic, SelectorModel
from rag.evidence.question import analyze
from rag.evidence.selector import _DISTANCE_FROM, _HOW_LONG_IS, _RUNS_ASKED, _agent_asked, revises_figure
from rag.news import compatible
from rag.news.conflicts import detect_conflicts
from rag.news.dates import as_date, resolve_dates
from rag.settings import EvidenceSettings
from rag.types import Passage
from tests.fakes import HashingEmbeddings
from tests.test_explore31_rules import _never_answering

# A minister's date before the extension (explore32b a04).
MAY_15 = "Halvora's interior minister has said the deadline for the handover is May 15."


def _dated(text: str, article: str, published: str, genre: str | None = None, score: float = 0.5) -> Passage:
    return Passage(f"{article}::0", article, text, "Handover", 0, len(text), score, "Wire", published, None, genre)


def test_a_report_naming_the_old_figure_revises_it() -> None:
    """Explore32d q03 answered "How many 2022-class conscripts are being let go under the act?" with the draft bill's
    14,000, beside "The General Staff now puts the 2022 class at 12,600 men …, down from the ministry's first estimate
    of about 14,000"."""
    draft = "Under the draft, about 14,000 conscripts of the 2022 call-up would be discharged first."
    now = (
        "The General Staff now puts the 2022 class at 12,600 men still in service, down from the ministry's first "
        "estimate of about 14,000."
    )
    fewer = (
        "The General Staff said that 12,600 conscripts are still in service, fewer than the 14,000 the ministry had "
        "estimated."
    )
    assert revises_figure(draft, now)
    assert revises_figure(draft, fewer)
    assert not revises_figure("About 9,000 conscripts of the 2023 class would follow.", now)  # another figure
    assert not revises_figure(draft, "Prices rose to 3.1 percent, down from 4.2 percent in April.")
    # The old rule stands: "revised … to 1,086 from the 1,140".
    assert revises_figure("Teldrail counted 1,140 passengers.", "Teldrail revised the count to 1,086 from the 1,140.")


def test_a_year_labelling_what_the_question_labels_by_a_year_is_no_figure() -> None:
    """Explore32d q03 led with "The council wants the 2023 class, due to start going home on July 1, to be released …"
    for "How many 2022-class conscripts …?": "2023" counted no one."""
    info = analyze("How many 2022-class conscripts are being let go under the act?")
    assert not states_figure(
        "The council wants the 2023 class, due to start going home on July 1, to be released.", info
    )
    assert states_figure("The General Staff now puts the 2022 class at 12,600 men still in service.", info)
    # A year the question does not use as a label still counts, as before.
    assert states_figure("The 2023 budget pays 400 men.", analyze("How many men are paid?"))


def test_who_decides_is_answered_by_the_one_body_holding_the_power() -> None:
    """Explore32b q10: "who gets to decide if the handover deadline is pushed back?" gave the minister who had said
    the date was May 15, not "only the commission can change the handover deadline"."""
    doing = _agent_asked("who gets to decide if the handover deadline is pushed back?")
    assert doing is not None
    assert doing.search("Under Annex C of the accord, only the commission can change the handover deadline.")
    assert not doing.search(
        "Halvora's interior minister, Lukas Berrand, has said the deadline for the handover is May 15."
    )
    passages = [
        _dated(MAY_15, "a", "2026-04-30", score=0.9),
        _dated(
            "Under Annex C of the accord, only the commission can change the handover deadline; the International "
            "Monitoring Team (IMT) may recommend a change but cannot make one.",
            "b",
            "2026-05-14",
            score=0.4,
        ),
    ]
    found = EvidenceSelector(HashingEmbeddings(), EvidenceSettings()).select(
        "Who decides if the handover deadline is pushed back?", passages
    )
    assert "only the commission can change" in found.items[0].text


def test_a_first_days_count_is_not_the_count_up_to_a_later_point() -> None:
    """Explore32 q27: "How many LuroAir tickets had been sold for May flights by the time sales were halted?" was
    answered "It said it had sold more than 1,100 tickets in the first day" (3,400 when sales stopped)."""
    first_day = "It said it had sold more than 1,100 tickets in the first day, with sales opening on May 5."
    asked = "How many LuroAir tickets had been sold by the time sales were halted?"
    assert counts_only_some(asked, first_day)
    assert not counts_only_some("How many LuroAir tickets were sold on the first day?", first_day)
    assert not counts_only_some(asked, "LuroAir offered the holders of about 3,400 tickets a refund.")


def test_the_newest_report_gives_the_deadline_asked_now() -> None:
    """Explore32b q15: "handover deadline - what is it now?" showed who may change it and a minister's May 15, not the
    extension to May 29 the same report led with."""
    passages = [
        _dated(MAY_15, "a", "2026-04-30", score=0.9),
        _dated(
            "Fighters have until May 29 to hand in their weapons, after the commission extended the handover deadline "
            "on Wednesday. The IMT had recommended that the handover deadline be extended to June 5.",
            "b",
            "2026-05-14",
            score=0.4,
        ),
    ]
    found = EvidenceSelector(HashingEmbeddings(), EvidenceSettings()).select(
        "handover deadline - what is it now?", passages
    )
    assert found.answerable and "until May 29" in found.items[0].text
    # Not asked now: the best-scored span keeps its place.
    plain = EvidenceSelector(HashingEmbeddings(), EvidenceSettings()).select(
        "What was the handover deadline?", passages
    )
    assert "until May 29" not in plain.items[0].text


def test_a_deadline_stated_is_ahead_whatever_verb_tells_it() -> None:
    """Explore32b q31: "Berrand has said the deadline for the handover is May 15" (30 April) was read as 15 May a year
    before, and set against another source's "The deadline is May 15." as a disagreement."""
    (said,) = resolve_dates("Berrand has said the deadline for the handover is May 15.", as_date("2026-04-30"))
    assert said.date_from.isoformat() == "2026-05-15"
    # A past event told in the past still moves a year back.
    (past,) = resolve_dates("The talks were held on May 15.", as_date("2026-04-30"))
    assert past.date_from.isoformat() == "2025-05-15"
    items = [
        _dated(
            "Halvora's interior minister, Lukas Berrand, has said the deadline for the handover is May 15.",
            "a",
            "2026-04-30",
        ),
        _dated('"The deadline is May 15," the minister told reporters.', "b", "2026-04-27"),
    ]
    assert not [c for c in detect_conflicts(items) if c.kind == "conflict"]


def test_what_happened_after_the_other_article_was_written_is_no_disagreement() -> None:
    """Explore32b q12 set "reopened on Tuesday" (7 May, of 5 May) against a column of 4 May, "remains closed after the
    shooting on April 24", as sources that disagree."""
    items = [
        _dated(
            "The collection point at Orrow Ford reopened on Tuesday, with a police cordon around it.", "a", "2026-05-07"
        ),
        _dated(
            "The collection point at Orrow Ford remains closed after the shooting on April 24.",
            "b",
            "2026-05-04",
            "opinion",
        ),
    ]
    assert not [c for c in detect_conflicts(items) if c.kind == "conflict"]


def test_a_rate_with_its_counted_noun_is_no_total() -> None:
    """Explore32b q04 told "issued 880 certificates" and "issuing more than 60 certificates a day" as a change."""
    assert compatible.rate_and_total(
        "The office was issuing more than 60 certificates a day.",
        "60",
        "The office has issued 880 certificates.",
        "880",
    )
    assert not compatible.rate_and_total(
        "The office has issued 1,520 certificates.", "1,520", "The office has issued 880 certificates.", "880"
    )


def test_the_day_a_plan_was_announced_does_not_date_what_happened() -> None:
    """Explore32 q11: "When did Amberline's first flight land at Marrowgate?" was answered with "Amberline's first
    flight to Marrowgate leaves Corramund on Friday, … the airline said on Tuesday", a plan never reported done."""
    plan = "Amberline's first flight to Marrowgate leaves Corramund on Friday, the airline said on Tuesday."
    assert not dates_what_happened("When did Amberline's first flight land at Marrowgate?", plan, "2026-06-03")
    assert not dates_what_happened("On what date did Amberline's first flight land?", plan, "2026-06-03")
    landed = "A LuroAir flight landed at Marrowgate on Monday, the authority said on Tuesday."
    assert dates_what_happened("When did the first LuroAir flight land at Marrowgate?", landed, "2026-06-03")
    # Asked when it was said, the saying's day answers.
    assert dates_what_happened("When did Amberline say its first flight would leave?", plan, "2026-06-03")


def test_a_first_days_figure_and_a_later_count_are_two_quantities() -> None:
    """Explore32 told "had sold more than 1,100 tickets in the first day" and "offered the holders of about 3,400
    tickets a refund" as one figure changed."""
    first_day = "It said it had sold more than 1,100 tickets in the first day."
    holders = "LuroAir offered the holders of about 3,400 tickets a refund."
    assert compatible.first_period_and_other(first_day, "1,100 tickets", holders, "3,400 tickets")
    assert not compatible.first_period_and_other(holders, "3,400 tickets", "It had 2,900 ticket holders.", "2,900")


def test_figures_labelled_by_different_years_count_different_things() -> None:
    """Explore32d q03 (after its figure rule) told the 2023 class's 19,000 and the 2022 class's 12,600 as a change."""
    draft = "Under the draft, 14,000 of the 2022 call-up would go first, followed by the 2023 class, about 19,000 men."
    now = "The General Staff now puts the 2022 class at 12,600 men still in service."
    assert compatible.other_year_labels(draft, "about 19,000 men", now, "2022 class at 12,600 men")
    assert not compatible.other_year_labels(draft, "14,000", now, "2022 class at 12,600 men")
    assert not compatible.other_year_labels("It holds 900 men.", "900", now, "12,600 men")  # no year beside one


def test_a_distance_in_words_and_a_bare_how_long_are_read() -> None:
    """Explore32c q21 read "lies about two kilometres from the line of contact" as no distance, and q22 "ormen main how
    long?" as asking for a span of time only."""
    assert _DISTANCE_FROM.search("The Dremmel station lies about two kilometres from the line of contact.")
    assert _DISTANCE_FROM.search("The buses reached Drenvik, 38 kilometres to the south-east.")
    assert not _DISTANCE_FROM.search("The two sides met from Monday.")
    assert _HOW_LONG_IS.search("ormen main how long?")
    assert not _HOW_LONG_IS.search("How long did the strike last?")


def test_the_second_time_round_asks_of_no_second_round() -> None:
    """Explore32c q30: "Who said people were angrier at the pipe than at the war the second time round?" was rejected
    because the article numbers no second round."""
    article = '"The first time we were angry at the war. This time we are angry at the pipe," said Tomasz Hren.'
    assert not instance_unnamed("Who said people were angrier at the pipe the second time round?", article)
    assert instance_unnamed("How many drones were used in the second attack?", "Drones hit the city on Monday.")


def test_a_span_giving_the_distance_asked_answers_how_far() -> None:
    """Explore32 q13: "How far is Marrowgate from the front line?" abstained beside "Marrowgate, about 40 kilometres
    from the line of contact, has been without civilian flights …" (span 0.74, answer model 0.61)."""
    text = "Marrowgate, about 40 kilometres from the line of contact, has been without civilian flights since the war."
    other = "The airport's runway was repaired by a contractor from Corramund."
    passages = [_dated(text, "a", "2026-05-05"), _dated(other, "b", "2026-05-06")]
    found = _never_answering().select("How far is Marrowgate from the front line?", passages)
    assert found.answerable and "40 kilometres" in found.items[0].text
    assert not _never_answering().select("How far is Marrowgate from the front line?", passages[1:]).answerable


def test_a_span_counting_the_thing_asked_leads_one_counting_something_else() -> None:
    """Explore30c: "how many manuscripts are in the joint inventory" led with "raising the number of items … to 4,331"
    (0.90) before "the number of manuscripts is unchanged at 388" (0.75)."""
    asked = "how many manuscripts are in the joint inventory"
    assert counts_asked_thing(
        asked, "The corrected inventory lists 2,203 drawings; the number of manuscripts is unchanged at 388."
    )
    assert not counts_asked_thing(asked, "The commission raised the number of items in the inventory to 4,331.")


def test_a_rescheduled_thing_asks_for_the_plan() -> None:
    """Explore27d q26: "When was the rescheduled repair window?" asks when it was to be, which a plan answers."""
    plan = "The ministry said on Tuesday that a new repair window would run from next Tuesday to Thursday."
    assert dates_what_happened("When was the rescheduled repair window?", plan, "2026-04-29")
    assert not dates_what_happened("When did the repair window open?", plan, "2026-04-29")


def test_each_sides_figure_and_a_total_are_two_quantities() -> None:
    """Explore28 told "a single exchange of 340 prisoners in January" and "Each side released 106 prisoners" (of a
    March exchange) as one count changed."""
    total = "An earlier arrangement produced a single exchange of 340 prisoners in January."
    assert compatible.each_and_total("Each side released 106 prisoners.", "106 prisoners", total, "340 prisoners")
    assert compatible.each_and_total("They freed 106 prisoners each.", "106", total, "340 prisoners")
    assert not compatible.each_and_total("They freed 300 prisoners.", "300", total, "340 prisoners")


def test_who_gets_the_final_say_asks_who_decides_and_a_span_naming_them_answers() -> None:
    """Explore32d q14: "Who gets the final say on the date each call-up year is sent home?" abstained (0.41) beside
    "the General Staff proposes the date …, but the dates are fixed by the Vardhall's defence and security committee",
    and that sentence's first clause alone would have named the proposer."""
    doing = _agent_asked("Who gets the final say on the date each call-up year is sent home?")
    fixed = (
        "Within it, the General Staff proposes the date on which each call-up year's release begins, but the dates are "
        "fixed by the Vardhall's defence and security committee, which approved all three on Tuesday."
    )
    assert doing is not None and doing.search(fixed)
    # A power's verbs answer only for a power asked: "first set by the Energy Ministry" names no announcer (explore28b).
    announcing = _agent_asked("Who announced the partial restart?")
    assert announcing is not None
    assert not announcing.search("The restart came a week after the April 1 date first set by the Energy Ministry.")
    assert announcing.search("The restart was announced by Deputy Energy Minister Jonas Reddal.")
    passages = [_dated(fixed, "a", "2026-05-20"), _dated("The trains leave from Brodek station.", "b", "2026-05-21")]
    found = _never_answering().select("Who gets the final say on the date each call-up year is sent home?", passages)
    assert found.answerable
    shown = found.items[0].answer or found.items[0].text
    assert "fixed by the Vardhall's defence and security committee" in shown


def test_a_span_placing_the_event_answers_where() -> None:
    """Explore32c q28: "where exactly did the main burst" abstained (0.56) beside "The Ormen main … burst early on
    Wednesday near the village of Vennby" (0.71)."""
    burst = "The Ormen main, the pipeline that supplies Seldavin, burst early on Wednesday near the village of Vennby."
    other = "Water returned to homes in Seldavin on Monday, the waterworks said."
    passages = [_dated(burst, "a", "2026-03-19"), _dated(other, "b", "2026-03-24")]
    found = _answering_at(0.6).select("where exactly did the main burst", passages)
    assert found.answerable and "near the village of Vennby" in found.items[0].text
    assert not _answering_at(0.6).select("where exactly did the main burst", passages[1:]).answerable
    # Far under the threshold the answer model decides.
    assert not _answering_at(0.3).select("where exactly did the main burst", passages).answerable


def _answering_at(p: float) -> EvidenceSelector:
    """A selector with the shipped span weights whose answer model always gives `p`, under a threshold of 0.7."""
    model = SelectorModel.load(EvidenceSettings().weights)
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, math.log(p / (1 - p)))
    return EvidenceSelector(HashingEmbeddings(), EvidenceSettings(answerable_threshold=0.7), model)


def test_a_months_day_counts_nothing() -> None:
    """Explore27: "the March 19 shelling of Lisnova" was read as a count of shells."""
    assert not counts_asked_thing(
        "How many shells landed on Lisnova?", "The March 19 shelling of Lisnova killed three."
    )
    assert counts_asked_thing("How many shells landed on Lisnova?", "Officials said 15 shells landed in the village.")


def test_who_runs_something_needs_a_span_naming_someone_in_a_leading_role() -> None:
    """Explore28d "Who is in charge of Vessmir now?" led with the administration's count of children, not "The decree
    names Colonel Teodor Marn … as head of the new Vessmir City Military Administration"; explore25c "Who commands the
    Brigades checkpoint at Corvan Bridge?" (unanswerable) showed how the convoy would be searched there."""
    count = "The regional administration's count of children in Vessmir was 2,140 when the order was announced."
    head = "The decree names Colonel Teodor Marn, a former brigade commander, as head of the Vessmir administration."
    passages = [_dated(count, "a", "2026-05-10", score=0.9), _dated(head, "b", "2026-04-29", score=0.3)]
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings())
    found = selector.select("Who is in charge of Vessmir?", passages)
    assert "Teodor Marn" in found.items[0].text
    assert not selector.select("Who is in charge of Vessmir?", passages[:1]).answerable
    # Asked "now", a holder named only in an older report than the first span is not shown as the one in charge
    # (explore30d showed a commander replaced since); a report as new as it is.
    assert not selector.select("Who is in charge of Vessmir now?", passages).answerable
    newer = [passages[0], _dated(head, "b", "2026-05-11", score=0.3)]
    assert "Teodor Marn" in selector.select("Who is in charge of Vessmir now?", newer).items[0].text
    # Not a question on who runs something: the rule stays out.
    assert _RUNS_ASKED.match("who runs zerav now") and not _RUNS_ASKED.match("Who said the count was wrong?")
