"""Rules drawn from the session-51 stories (explore51-51d, development data since their reading): what "is due by" a
weekday is ahead; "out of action" is "out of service"; asked whether something awaited is done yet (or in time), a
newer report telling it done answers, in other words than the question's ("delivered" for "handed in"); someone told
acting is overtaken by a report confirming them."""

from __future__ import annotations

from datetime import date

from rag.evidence.question import asked_part_of_month, content_stems, normalize_aliases
from rag.evidence.selector import asks_done_yet, confirms_acting, tells_awaited_done, tells_update
from rag.news.conflicts import detect_conflicts
from tests.test_explore44_rules import _dated, _days, _span
from tests.test_explore45_rules import _never_answers


def test_what_is_due_by_a_weekday_is_ahead() -> None:
    """Explore51b q19 showed "is due by Friday" in a Wednesday report as the Friday before, by its "have pulled"."""
    due = (
        "Its report on whether both armies have pulled their heavy weapons back from the contact line is due by "
        "Friday, after the council extended the original deadline of April 17."
    )
    assert _days(due, "2026-04-29") == [date(2026, 5, 1), date(2026, 4, 17)]
    # What was due is a day gone by.
    assert _days("The report on whether both armies have pulled back was due on Friday.", "2026-04-29") == [
        date(2026, 4, 24)
    ]


def test_out_of_action_is_out_of_service() -> None:
    """Explore51c q30 ("out of action") never read "Five of the 20 generators are now out of service"."""
    assert set(content_stems(normalize_aliases("generators out of action"))) == set(
        content_stems("generators out of service")
    )
    assert "out of service" not in normalize_aliases("action in the courts")


def test_asked_whether_done_yet_a_report_telling_it_done_in_other_words_answers() -> None:
    """Explore51b q13 ("handed in yet") answered "was due today", a month stale; explore51 q13 ("signed in time")
    answered "has until Friday to sign"."""
    handed = "has the weapons withdrawl report been handed in yet"
    assert asks_done_yet(handed) and asks_done_yet("did the hospital get all its grant orders signed in time")
    assert not asks_done_yet("when is the report due")
    delivered = "The report was delivered on the final deadline of May 15, after the council extended it twice."
    assert tells_awaited_done(handed, delivered)
    assert not tells_awaited_done(handed, "The report was not delivered on time.")
    assert not tells_awaited_done("when was the report handed in", delivered)  # no "yet": asks a date
    assert not tells_awaited_done("has the convoy arrived yet", "The report was signed on Monday.")  # another act
    due = _span("The mission's report on the withdrawal of heavy weapons was due today.", "a02", "2026-04-17")
    done = _span(delivered, "a08", "2026-05-18")
    assert tells_update(handed, done, [due])
    # Told before the wait, it is no news of it.
    assert not tells_update(handed, _span(delivered, "a01", "2026-04-10"), [due])
    # "The report" is the awaited one only when the question names it.
    assert not tells_update(
        "has the convoy been handed over yet",
        _span("The report was delivered on Friday.", "a08", "2026-05-18"),
        [_span("The convoy was due today.", "a02", "2026-04-17")],
    )
    signed = "did the hospital get all its grant orders signed in time"
    until = _span("The hospital has until Friday to sign its remaining orders under the grant.", "a05", "2026-05-12")
    last = _span("The hospital signed its last orders under the grant on Wednesday.", "a08", "2026-05-28")
    assert tells_update(signed, last, [until])


def test_a_report_confirming_someone_overtakes_their_acting() -> None:
    """Explore51d q05 ("who runs the forestry service now") kept an analysis's "has run the service on an acting
    basis since" after a report that she had been confirmed."""
    acting = _span("Her deputy, Mira Santell, has run the service on an acting basis since.", "a09", "2026-05-29", "an")
    confirmed = _span(
        "Veskaria confirmed Mira Santell as director-general of its State Forestry Service on Tuesday.",
        "a08",
        "2026-05-28",
    )
    assert confirms_acting(confirmed, acting)
    # Another person confirmed does not.
    other = _span("Veskaria confirmed Ola Brenn as director-general on Tuesday.", "a08", "2026-05-28")
    assert not confirms_acting(other, acting)
    # A report's acting is overtaken only by a newer report.
    report = _span("Mira Santell has run the service on an acting basis since May 6.", "a07", "2026-05-20")
    assert confirms_acting(confirmed, report)
    assert not confirms_acting(_span(confirmed.text, "a04", "2026-05-10"), report)
    # Confirmed only as acting is no confirmation.
    still = _span("Veskaria confirmed Mira Santell as acting director-general.", "a08", "2026-05-28")
    assert not confirms_acting(still, acting)
    appointed_acting = _span(
        "Veskaria appointed Mira Santell, the deputy director-general, to run the service on an acting basis.",
        "a08",
        "2026-05-28",
    )
    assert not confirms_acting(appointed_acting, acting)
    # A newer report naming her in the post's work confirms nothing.
    visited = _span("Mira Santell visited the burned villages on Tuesday.", "a08", "2026-05-28")
    assert not confirms_acting(visited, acting)
    assert tells_update("who runs the forestry service now", confirmed, [acting])


def _noted(a: str, day_a: str, b: str, day_b: str) -> list[tuple[str, str]]:
    return [(c.kind, c.about) for c in detect_conflicts([_span(a, "a", day_a), _span(b, "b", day_b)])]


def test_a_first_day_told_after_its_count_is_another_measure() -> None:
    """Explore51 q03 noted "Three babies were born on the unit's first day" against "Some 30 babies have now been
    born"."""
    first = "Three babies were born on the unit's first day, the hospital said."
    assert not _noted(first, "2026-05-12", "Some 30 babies have now been born at the unit.", "2026-05-29")
    # Two counts of the same day are still one measure.
    assert _noted("Three babies were born on Monday.", "2026-05-12", "Five babies were born on Monday.", "2026-05-13")


def test_a_week_told_by_its_last_day_is_a_period() -> None:
    """Explore51 q24 noted a first day's three babies becoming "In the week to Sunday, 19 babies were born"."""
    week = "In the week to Sunday, 19 babies were born at the unit, the hospital said."
    assert not _noted("On Tuesday three babies were born at the unit.", "2026-05-12", week, "2026-05-21")
    assert _noted(
        "On Tuesday three babies were born at the unit.",
        "2026-05-12",
        "On Friday five babies were born at the unit.",
        "2026-05-21",
    )


def test_a_weeks_count_is_no_running_total() -> None:
    """Explore51b q23 noted "It has recorded 5,890 violations since the ceasefire began" becoming the week's 742."""
    running = "It has recorded 5,890 violations since the ceasefire began."
    week = "In the week to Sunday the mission recorded 742 violations, its lowest weekly total since the truce began."
    assert not _noted(running, "2026-05-01", week, "2026-05-18")
    assert _noted(running, "2026-05-01", "It has recorded 8,598 violations since the ceasefire began.", "2026-05-18")
    # Two weeks' counts are one measure.
    later = "In the week to Sunday the mission recorded 910 violations, its highest weekly total since the truce began."
    assert _noted(week, "2026-05-18", later, "2026-05-25")


def test_a_part_of_a_month_asked_leads_with_a_span_told_then() -> None:
    """Explore51c q14 ("In early May, how many more days could the generators keep going …?") answered with a figure
    of 24 April."""
    assert asked_part_of_month("In early May, how many more days could they run?") == (5, 1, 10)
    assert asked_part_of_month("How many were there in late April?") == (4, 21, 31)
    # Not a time the question tells of something else by.
    assert asked_part_of_month("Are the handovers still halted since the row in mid-March?") is None
    assert asked_part_of_month("The regulator said in late April that 52 masts were back. Was that right?") is None
    assert asked_part_of_month("How may we run?") is None
    question = "In early May, how many more days could the generators keep going on the fuel at the plant?"
    april = "With the new fuel the plant's generators can now run for 17 days, the operator said."
    hours = "In May the two generators stopped, and the plant ran on four generators for nine hours."
    may = "Valnuclear said the diesel on site would keep the generators running for 11 days."
    passages = [
        _dated(april, "a03", "2026-04-24"),
        _dated(hours, "a04", "2026-05-05"),
        _dated(may, "a05", "2026-05-05"),
    ]
    chosen = _never_answers().select(question, passages)
    assert chosen.items[0].text == may
    # Asked of another part of the month, the April span keeps its place.
    late = _never_answers().select(question.replace("In early May", "In late April"), passages)
    assert late.items[0].text == april
    # A span of late May is of no early May.
    late_may = [_dated(april, "a08", "2026-05-25"), _dated(may, "a05", "2026-05-05")]
    assert _never_answers().select(question, late_may).items[0].text == may
    # A sentence's own day counts over its report's: told in a 5 May report, 27 April is no early May.
    masts = "In early May, how many masts were restored?"
    now = _dated("The regulator now counts 31 masts on air.", "a06", "2026-05-05")
    then = _dated("On Monday, April 27, the regulator said 52 masts had been restored.", "a06", "2026-05-05")
    assert _never_answers().select(masts, [now, then]).items[0].text == now.text


def test_those_working_are_no_count_of_those_delivered() -> None:
    """Explore51 q16 ("incubators working now?") noted "Kallwen had delivered four incubators by Monday" becoming "Nine
    of the 12 incubators are working"."""
    delivered = "Kallwen had delivered four incubators by Monday, and three of them were working, the hospital said."
    working = "Nine of the 12 incubators are working, unchanged from a week earlier."
    assert not _noted(delivered, "2026-04-21", working, "2026-05-28")
    # Two counts delivered are one measure.
    more = "Kallwen Neonatal has delivered 10 of the 12 incubators, the hospital said."
    assert _noted(delivered, "2026-04-21", more, "2026-05-12") == [("change", "number")]
    # "workers" tells no one working: 1,310 families signed up, later 1,760 registered, is one count that grew.
    signed = "The deadline was extended after 1,310 families had signed up and aid workers said more had not heard."
    assert _noted(signed, "2026-04-25", "A total of 1,760 families registered by the final deadline.", "2026-05-29")
