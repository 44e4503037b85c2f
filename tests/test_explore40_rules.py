"""Rules drawn from the session-40 stories (explore40-40d, development data since their reading) and from the bundled
corpus: who sets the rules a question asks for; a holiday's Monday is no date; a limit, a change's starting value, a
time counted from an event and a first week's count are no figures to set against a total; a body in a place speaks,
not the place; a firm hired "from" is no place."""

from __future__ import annotations

from datetime import date

from rag.evidence.entities import names_someone
from rag.evidence.question import analyze, content_stems, matches
from rag.evidence.rules import rules, rules_asked
from rag.news.dates import resolve_dates
from rag.news.sameness import value_conflict
from rag.news.speakers import speaker
from rag.news.values import values_in
from rag.types import Passage


def _passage(text: str, article: str, published: str, title: str = "Story") -> Passage:
    return Passage(f"{article}::0", article, text, title, 0, len(text), 0.5, "Wire", published, None, None)


def _conflict(a: str, b: str, day_a: date, day_b: date) -> tuple[str, str] | None:
    found = value_conflict(a, b, values_in(a, day_a), values_in(b, day_b), across_time=True)
    return (found[1].shown, found[2].shown) if found else None


def test_conditions_set_for_the_setter_are_not_its_conditions() -> None:
    """The bundled corpus: "What conditions did Russia set for a ceasefire?" quoted "Russia must agree that …" and
    "Russia must recognize …", conditions others set for Russia."""
    asked = rules_asked("What conditions did Russia set for a ceasefire?")
    assert asked is not None and asked.setter == ("russia",)
    on_russia = (
        "Under the plan, Russia must agree to a ceasefire before talks begin. "
        "Moscow must also return the children it took."
    )
    by_russia = (
        "Under its terms, Ukraine must withdraw from the four regions before any ceasefire. "
        "Western troops may not be deployed in Ukraine."
    )
    assert rules(asked, [_passage(on_russia, "a1", "2025-05-01")]) == []
    assert [r.text for r in rules(asked, [_passage(by_russia, "a2", "2025-05-02")])] == [
        "Under its terms, Ukraine must withdraw from the four regions before any ceasefire.",
        "Western troops may not be deployed in Ukraine.",
    ]
    # No one named as setting them: a rule binding anyone is a rule.
    plain = rules_asked("What are the terms of the ceasefire?")
    assert plain is not None and plain.setter == ()
    assert len(rules(plain, [_passage(on_russia, "a1", "2025-05-01", title="Ceasefire plan")])) == 2


def test_what_analysts_argue_or_think_may_happen_lays_nothing_down() -> None:
    """The bundled corpus: "Analysts believe that Putin may be prolonging the war …" and "The official report
    emphasizes that 'Russia must agree …'" answered questions on the terms of a ceasefire."""
    asked = rules_asked("What are the terms of the ceasefire proposal?")
    assert asked is not None
    argued = (
        "Analysts believe that Putin may be prolonging the war before any ceasefire. "
        "The report emphasizes that the Kremlin must agree to a ceasefire proposal first. "
        "Ukraine may not be sure the ceasefire proposal will hold. "
        "Both sides hold demands on the ceasefire that may prove hard to reconcile."
    )
    assert rules(asked, [_passage(argued, "a1", "2025-05-20")]) == []


def test_a_holidays_weekday_is_no_date() -> None:
    """Explore40c q10 dated "set for Brightday Monday" (an invented Easter) to the Monday before the report."""
    assert resolve_dates("The pilgrimage had been set for Brightday Monday, but it was called off.", "2026-05-06") == []
    assert resolve_dates("It was planned for the Orthodox Easter Monday holiday.", "2026-05-06") == []
    # A place before the day, and a headline in title case, leave the day as it was.
    days = [(r.text, r.day) for r in resolve_dates("Protests erupted in Tbilisi Monday evening.", "2026-05-06")]
    assert days == [("Monday", date(2026, 5, 4))]
    assert [r.day for r in resolve_dates("The talks resumed on Monday after Easter.", "2026-05-06")] == [
        date(2026, 5, 4)
    ]


def test_a_limit_set_is_no_amount_carried() -> None:
    """Explore40 q16 noted "carrying 288 tonnes of flour" changing to "now carry up to 100 tonnes of flour"."""
    carried = "The 24 convoys so far have reached Gravenne carrying 288 tonnes of flour."
    limit = "Each convoy may now carry up to 100 tonnes of flour on up to 20 lorries."
    assert _conflict(carried, limit, date(2026, 5, 14), date(2026, 6, 3)) is None
    limited = "The committee still limits each convoy to 12 lorries and 60 tonnes of flour."
    convoy = "On Monday 20 lorries brought 80 tonnes of flour into Gravenne."
    assert _conflict(limited, convoy, date(2026, 5, 14), date(2026, 6, 2)) is None
    # Two limits are one limit's change.
    assert _conflict(limited, limit, date(2026, 5, 14), date(2026, 6, 3)) == ("12", "20")


def test_where_a_change_started_is_no_state_of_its_day() -> None:
    """Explore40 q28 and 40b q02 set the old value of a change told in one sentence against a later report."""
    widened = (
        "On Wednesday the commission widened the quarantine zone from 10 kilometres around Cresk to 20 kilometres."
    )
    still = "The quarantine zone still reaches 20 kilometres around Cresk."
    shrunk = "The quarantine zone now reaches 15 kilometres around Cresk."
    assert _conflict(widened, still, date(2026, 5, 14), date(2026, 5, 19)) is None
    assert _conflict(widened, shrunk, date(2026, 5, 14), date(2026, 6, 3)) == ("20", "15")
    # … nor is the value a rise started from, told after the one it reached (explore34d).
    rose = "The observatory said that about 7,900 hectares had now burnt, up from about 4,600 hectares last Wednesday."
    revised = "The observatory revised its estimate of the burnt area down to 7,450 hectares, from 7,900."
    assert _conflict(rose, revised, date(2026, 7, 28), date(2026, 8, 12)) == ("7,900", "7,450")


def test_a_time_counted_from_an_event_is_no_date_of_it() -> None:
    """Explore40b q13 noted "five days after the Joint Strip Commission widened the zone" becoming "six days after the
    Joint Strip Commission halted the campaign"."""
    started = "Vets began vaccinating on Monday, five days after the Joint Strip Commission widened the zone."
    resumed = "Vets resume vaccinating today, six days after the Joint Strip Commission halted the campaign."
    assert _conflict(started, resumed, date(2026, 5, 7), date(2026, 5, 19)) is None


def test_counts_of_named_days_and_of_a_first_week_are_no_running_total() -> None:
    """Explore40d q02 and q17 set "15,800 rides on Monday and Tuesday" and a first week's 58,400 rides against "some
    112,000 rides since they returned"."""
    running = "The trams have carried some 112,000 rides since they returned."
    two_days = "The trams carried 15,800 rides on Monday and Tuesday, the company said."
    first_week = "In the first week of service, from April 23 to April 29, the trams carried 58,400 rides."
    assert _conflict(two_days, running, date(2026, 5, 20), date(2026, 5, 20)) is None
    assert _conflict(first_week, running, date(2026, 4, 30), date(2026, 5, 20)) is None
    later = "The trams have carried some 236,000 rides since they returned."
    assert _conflict(running, later, date(2026, 5, 1), date(2026, 5, 20)) == ("112,000", "236,000")


def test_things_ordered_are_no_count_of_those_arrived() -> None:
    """Explore40 q26 noted "four container bakeries" ordered becoming "two container bakeries" arrived."""
    ordered = "Lodravia ordered four container bakeries from the Elvani firm Osterbrink in March."
    arrived = "The first two container bakeries from Osterbrink arrived at the edge of town on Wednesday."
    assert _conflict(ordered, arrived, date(2026, 4, 22), date(2026, 5, 14)) is None


def test_a_body_in_a_place_speaks_not_the_place() -> None:
    """Explore40 q09 showed "Orvalt" as the voice of "The Marheskan military administration in Orvalt denied …"."""
    assert speaker("The Marheskan military administration in Orvalt denied the claim within hours.") == (
        "Marheskan military administration in Orvalt"
    )
    assert speaker("Officials in Kyiv said the talks were over.") is None
    assert speaker("Food ministry spokesman Wilmar Yorke said on Tuesday that the officers demanded more.") == (
        "Wilmar Yorke"
    )


def test_a_firm_hired_from_names_someone() -> None:
    """Explore40c q30 abstained beside "40 buses hired from Halvask Coachlines": "from" read the firm as a place."""
    info = analyze("Who provided the buses for the pilgrimage?")
    assert names_someone("Pilgrims travel in 40 buses hired from Halvask Coachlines, the administration said.", info)
    assert not names_someone("Pilgrims travel in 40 buses from Halvask Square to the monastery.", info)


def test_a_hedge_is_no_key_term_and_arrived_is_delivered() -> None:
    """Explore36d asked "Was it really a Garrovian drone …?" beside "a Garrovian reconnaissance drone had crossed …";
    40b q24 answered "vaccine doses arrived so far?" with a stale report for want of "delivered". "Actually" stays a
    term: "when did it actually run?" asks for what happened, not the plan."""
    assert content_stems("Was it really a Garrovian drone?") == ["garrovian", "drone"]
    assert "actual" in content_stems("when did it actually run")
    assert matches(content_stems("arrived")[0], set(content_stems("46,000 have been delivered")))


def test_a_note_dates_a_side_by_the_day_its_words_were_said() -> None:
    """Explore40 q04 dated "Three people were injured, the town council said on Friday" to its report's day, 20 May,
    after the 19 May revision to five: the note read as five becoming three."""
    from rag.news.conflicts import detect_conflicts
    from rag.types import Evidence

    first = "Three people were injured, the town council said on Friday."
    revised = (
        "The town council said on May 19 that five people had been injured in the shelling of the mill on May 14, "
        "three mill workers and two firefighters, revising its first figure of three."
    )

    def item(text: str, article: str, day: str) -> Evidence:
        passage = _passage(text, article, day, title="Flour mill shelled in Gravenne")
        return Evidence(text=text, passage=passage, start=0, end=len(text), score=0.5)

    notes = [c.note() for c in detect_conflicts([item(first, "a5", "2026-05-20"), item(revised, "a8", "2026-06-02")])]
    assert notes and notes[0].startswith("On 2026-05-15 ") and "; by 2026-05-19, " in notes[0]
    # A passive's day dates what it tells, not the telling (explore29: "where a drone strike was reported on April 12").
    from rag.news.conflicts import _told_on

    struck = "The IASC said its inspectors had not been allowed onto the roof, where a strike was reported on April 12."
    assert _told_on(struck, "2026-04-23") is None


def test_a_later_mention_of_an_amount_keeps_its_state() -> None:
    """Explore40 q26 noted four container bakeries ordered becoming "The two container bakeries …", the later mention
    of the two that arrived."""
    ordered = "Lodravia ordered four container bakeries from the Elvani firm Osterbrink."
    arrived = (
        "The food office said on Monday, the day the first two container bakeries arrived, that 21,700 residents had "
        "registered. The two container bakeries, built by Osterbrink, are not yet baking."
    )
    assert _conflict(ordered, arrived, date(2026, 4, 22), date(2026, 5, 14)) is None
    more = "Lodravia ordered six container bakeries from the Elvani firm Osterbrink."
    assert _conflict(ordered, more, date(2026, 4, 22), date(2026, 5, 14)) == ("four", "six")


def test_an_amount_for_each_is_no_amount_of_one() -> None:
    """Explore40 q28 noted each convoy's new size, 100 tonnes, becoming one convoy's 80 tonnes."""
    each = (
        "The committee approved a request to raise the size of each flour convoy from 12 lorries and 60 tonnes of "
        "flour to 20 lorries and 100 tonnes."
    )
    one = "Yesterday's convoy of 20 lorries brought 80 tonnes of flour into Gravenne."
    assert _conflict(each, one, date(2026, 5, 14), date(2026, 6, 2)) is None
    next_one = "The next convoy will bring 90 tonnes of flour on 20 lorries into Gravenne."
    assert _conflict(one, next_one, date(2026, 6, 2), date(2026, 6, 20)) == ("80", "90")
