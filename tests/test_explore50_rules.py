"""Rules drawn from the session-50 stories (explore50-50d, development data since their reading): a column's "As X put
it" gives way to the report naming who said it, and a column giving the same words to another is left out; "Who at the
inspectorate said …" asks who said it; a weekday after "said <Name>, <role>, outside the cathedral on" is the one before
the report; "X when?" asks for a date, and a day told as slipped gives way to the day now due; "stoped" asks whether it
is still stopped; a count since something opened is no count of its first day, nor is a first day's count a figure
another total disagrees with; a negation in a relative clause denies nothing."""

from __future__ import annotations

from datetime import date

from rag.evidence.casing import restore_case
from rag.evidence.lateness import tells_now_due, told_slipped
from rag.evidence.question import analyze, content_stems, matches
from rag.evidence.selector import power_holder, tells_update
from rag.evidence.speaker import asks_who_said
from rag.news.counts import asks_first_day, counts_first_day, counts_since
from rag.news.recency import asks_return
from tests.test_explore44_rules import _dated, _days, _span
from tests.test_explore45_rules import _never_answers
from tests.test_explore48_rules import _noted


def test_who_at_a_body_said_asks_who_said_it() -> None:
    """Explore50b q09 kept an analysis's misattribution for "Who at the inspectorate said …"."""
    assert asks_who_said("Who at the inspectorate said they go where the evidence is?")
    assert asks_who_said("Who in the ministry said the trains go back empty?")
    assert not asks_who_said("Who at the inspectorate leads the mission?")


def test_a_report_naming_the_speaker_leads_over_a_columns_retelling() -> None:
    """Explore50 q08 gave the spokeswoman's line to her minister, as an analysis's "As … put it" did; explore50d q09
    quoted the analysis's misattribution beside the report."""
    question = "Who said a container only counts as a home once the tap runs and the door locks?"
    column = (
        "As Teodor Laskar, the reconstruction minister, put it: ‘A container is a home when the tap runs, the heater "
        "works and the door locks, not before.’"
    )
    report = (
        '"A container is a home when the tap runs, the heater works and the door locks, not before. Brask could not '
        "give us that, so Brask is gone,\" said Dana Pirin, the ministry's spokeswoman."
    )
    passages = [_dated(column, "a09", "2026-05-29", "analysis"), _dated(report, "a04", "2026-05-12")]
    answer = _never_answers().select(question, passages)
    assert answer.items[0].text == report
    assert all(e.passage.article_id != "a09" for e in answer.items)


def test_a_weekday_after_the_speaker_and_a_place_is_the_day_said() -> None:
    """Explore50d q09 left "outside the cathedral on Monday" unresolved in a Tuesday report."""
    said = (
        '"The rain does not care which side of the river you live on," said Klara Stavenik, the diocese\'s '
        "spokeswoman, outside the cathedral on Monday."
    )
    assert _days(said, "2026-04-21") == [date(2026, 4, 20)]
    # Not where the place follows a plan: its Monday is open.
    assert _days("Oskar Venn will meet them, the ministry said, in the capital on Monday.", "2026-04-21") == [
        date(2026, 4, 20)
    ]
    from rag.news.dates import with_days

    assert "[" not in with_days("Oskar Venn will meet them, the ministry said, in the capital on Monday.", "2026-04-21")
    assert "Monday [20 April 2026]" in with_days(said, "2026-04-21")


def test_a_day_slipped_gives_way_to_the_day_now_due() -> None:
    """Explore50 q16 answered "brickworks water when?" with a slipped day a fortnight stale."""
    assert analyze("brickworks water when?").answer_type == "date"
    assert analyze("When is the water due?").answer_type == "date"
    slipped = (
        "The water connection for the Brickworks site, which was due by May 15, will not be ready before the end of "
        "May, the Halvast Water Company said."
    )
    due = "The water company said on Thursday that the Brickworks connection would now be ready by Friday, June 12."
    assert told_slipped(slipped) and not told_slipped(due)
    assert tells_now_due(due) and not tells_now_due(slipped)
    passages = [_dated(slipped, "a05", "2026-05-12"), _dated(due, "a08", "2026-05-29")]
    answer = _never_answers().select("brickworks water when?", passages)
    assert answer.items[0].text == due
    # Told before the slipped day, the day "now" due is not the newer one.
    passages = [_dated(slipped, "a05", "2026-05-12"), _dated(due, "a03", "2026-05-01")]
    assert _never_answers().select("brickworks water when?", passages).items[0].text == slipped


def test_still_stoped_asks_whether_it_works_again() -> None:
    """Explore50d q13 answered "Is work on the cathedral still stoped …?" with "has stopped the work", a week stale."""
    assert asks_return("Is work on the cathedral still stoped because of the strike?")
    assert not asks_return("Why was work on the cathedral stopped?")


def test_a_count_since_it_opened_is_no_first_days_count() -> None:
    """Explore50c q03 answered how many men crossed "on the day the amnesty opened" with "More than 3,000 … since the
    amnesty opened"."""
    question = "How many men crossed back into Korvany on the day the amnesty opened?"
    since = (
        "More than 3,000 men have come back through the border crossings since the amnesty opened on April 1, "
        "according to the border guards."
    )
    first = "On the first day, April 1, 412 men came home through the crossings, according to the border guards."
    assert asks_first_day(question) and asks_first_day("How many people walked across on its first day?")
    assert not asks_first_day("How many men have crossed back since the amnesty opened?")
    assert counts_since(since) and counts_first_day(first) and not counts_first_day(since)
    passages = [_dated(since, "a04", "2026-04-28"), _dated(first, "a07", "2026-05-18")]
    assert _never_answers().select(question, passages).items[0].text == first
    # A day's count that never says "first day" keeps its lead (explore39c q03).
    bridge = "1,620 people walked across the bridge yesterday, the day it opened, the administration said."
    booked = "All 260 drivers booked for the first day on the bridge were told not to come."
    passages = [_dated(bridge, "a05", "2026-05-09"), _dated(booked, "a03", "2026-04-27")]
    answer = _never_answers().select("How many people walked across the bridge on its first day?", passages)
    assert answer.items[0].text == bridge


def test_a_first_days_count_and_a_total_are_two_measures() -> None:
    """Explore50c q03 noted "412 men came home through [on the first day]" against "some 3,000 men have come home" as
    sources that disagree."""
    first = "On the first day, April 1, 412 men came home through the crossings, the border guards said."
    total = "By Sunday, 3,046 men had come home through the crossings, the border guards said."
    assert not _noted(first, total, "2026-05-18", "2026-04-28")
    assert _noted("By Sunday, 1,390 men had come home through the crossings, the border guards said.", total)


def test_a_negation_in_a_relative_clause_denies_nothing() -> None:
    """Explore50 development run: explore45b q12 noted two accounts of one sacking as sources that disagree."""
    report = (
        "The minister on Thursday dismissed Pashko Veselik, a day after the regulator admitted that its figure "
        "counted masts that were not working."
    )
    column = "On Thursday the minister dismissed Veselik, whose office said 52 masts worked when only 31 were working."
    assert not _noted(report, column, "2026-05-01", "2026-05-03")
    # A "none" outside the relative clause still counts (explore48d q28 kept its change note).
    damaged = "Of the city's 26 sewage pumping stations, 19 were damaged by shelling, and none of those is working."
    working = "With the seven stations that were never damaged, 22 of the city's 26 pumping stations are now working."
    assert _noted(damaged, working, "2026-06-30", "2026-08-05")
    # A denial the other side asserts is still one.
    assert _noted(
        "The ministry said the masts were not working on Thursday.",
        "The ministry said the masts were working on Thursday.",
        "2026-05-01",
        "2026-05-03",
    )


def test_a_numbered_list_is_another_count_than_those_who_crossed() -> None:
    """Explore50d q23 noted "Nineteen craftsmen … crossed" against "a second list of 14 craftsmen" as a change."""
    crossed = "Nineteen craftsmen from the east bank crossed the river yesterday to begin work on the cathedral."
    listed = "The commission is due to consider a second list of 14 craftsmen from the east bank on Wednesday."
    assert not _noted(crossed, listed, "2026-04-24", "2026-05-05")
    # Unnumbered, the list still reads as the same count changed: the ordinal is what tells them apart.
    assert _noted(crossed, listed.replace("a second list", "a list"), "2026-04-24", "2026-05-05")


def test_only_a_body_with_an_aside_can_attribute_blame() -> None:
    """Explore50b q21 abstained on "Who gets to decide which side is to blame …?" beside "Only the ICWI's Executive
    Council, in which 41 of the convention's member states sit, can attribute an attack to one side"; explore50c q22 on
    who has the final say beside "the decision on each case belongs to the commission"."""
    blame = power_holder("Who gets to decide which side is to blame for the Drevnik attack?")
    assert blame is not None
    council = (
        "Only the ICWI's Executive Council, in which 41 of the convention's member states sit, can attribute an attack "
        "to one side."
    )
    assert blame.search(council)
    assert not blame.search("The Executive Council, in which 41 states sit, met in Brennsted on Monday.")
    say = power_holder("Who has the final say on whether a man gets amnesty?")
    assert say is not None
    assert say.search("Border guards only register returning men; the decision on each case belongs to the commission.")
    assert not say.search("The house on the corner belongs to the commission.")
    # The report naming the one body that may leads, a column giving the power to the body that proposes left out
    # (explore43 q22 had quoted an analysis's "That decision belongs to the National Blood Service").
    question = "Who has the final say on who is allowed to give blood?"
    report = (
        "Under the law, the National Blood Service proposes who may give blood and how often, but only the National "
        "Transfusion Board, an independent panel of seven doctors, can approve changes to those rules."
    )
    column = "That decision belongs to the National Blood Service, which decides who may give blood and how often."
    passages = [_dated(column, "a09", "2026-05-10", "analysis"), _dated(report, "a04", "2026-04-24")]
    answer = _never_answers().select(question, passages)
    assert [e.text for e in answer.items] == [report]
    # An act not of a power takes no blame verb: who attributed it is not who may.
    doer = power_holder("Who visited the village?")
    assert doer is None


def test_a_short_word_after_a_names_first_word_is_read_as_its_second() -> None:
    """Explore50c q13 abstained on "is ardel pas open yet", "pas" a key term no passage holds."""
    texts = ["But the Ardel Pass crossing remains closed.", "It was meant to open on April 20."]
    assert restore_case("is ardel pas open yet", texts) == "is Ardel Pass open yet"
    # A word the passages write is left as typed, and so is one no two-word name goes on with.
    assert restore_case("is ardel open yet", texts) == "is Ardel open yet"
    # Two names one letter off the word typed: neither is taken.
    assert restore_case("is ardel pas open yet", [*texts, "Ardel Pat Road is shut."]) == "is Ardel pas open yet"
    assert restore_case("is ardel crossing open yet", [*texts, "The crossing is shut."]) == "is Ardel crossing open yet"


def test_something_awaited_told_done_later_is_news_of_it() -> None:
    """Explore50c q13 led "is ardel pas open yet" with "a crossing at Ardel Pass that has not yet opened" (28 April);
    the crossing opened on 11 May."""
    waiting = _span(
        "Men in the mountains depend on a crossing at Ardel Pass that has not yet opened.", "a04", "2026-04-28"
    )
    opened = _span(
        "The long-delayed mountain crossing at Ardel Pass opened on Monday, May 11, three weeks late.",
        "a07",
        "2026-05-18",
    )
    assert tells_update("is Ardel Pass open yet", opened, [waiting])
    # Told before the wait, or of another crossing, it is no news of it.
    earlier = _span(opened.text, "a01", "2026-04-20")
    assert not tells_update("is Ardel Pass open yet", earlier, [waiting])
    other = _span("The bridge at Gravny opened on Monday to lorries.", "a07", "2026-05-18")
    assert not tells_update("is Ardel Pass open yet", other, [waiting])
    # Nor another act than the one asked, or asked with no "yet" (explore42 q32: "since the bay reopened" for "When
    # will night fishing be allowed in the bay?" after "… has not yet been allowed to fish").
    fleet = _span("The fleet in Saltvik has not yet been allowed to fish in the bay.", "a04", "2026-04-30")
    landed = _span("Boats in the bay have landed 131 tonnes of fish since the bay reopened.", "a08", "2026-05-27")
    assert not tells_update("When will night fishing be allowed in the bay?", landed, [fleet])
    assert not tells_update("has the fleet been allowed to fish in the bay yet", landed, [fleet])


def test_asked_when_a_quotation_is_joined_with_the_sentence_giving_the_day() -> None:
    """Explore50 q19 answered "When did Vesna Trakl say …?" with the quotation alone, "…,” she said", no day."""
    text = (
        "Vesna Trakl, the acting housing officer, told this newspaper on Monday that the second allocation list would "
        'be drawn up once registration had closed. "No family will be asked to move into a home without running water, '
        'however long the list is," she said.'
    )
    question = "When did Vesna Trakl say no family would be moved into a home without running water?"
    answer = _never_answers().select(question, [_dated(text, "a07", "2026-05-22")])
    assert answer.items[0].text.startswith("Vesna Trakl") and answer.items[0].text.endswith("she said.")


def test_pushed_out_is_removed_and_a_lab_a_laboratory() -> None:
    """Explore50b q14 abstained on "Who took over the mission after Rekowski was pushed out?" beside "… removed Dr
    Anselm Rekowski"; explore50b q13 asked for "the lab" of "the laboratory"."""
    assert matches(content_stems("pushed")[0], set(content_stems("the director-general removed Dr Rekowski")))
    assert matches(content_stems("lab")[0], set(content_stems("the first laboratory sent its results")))
    assert not matches(content_stems("pushed")[0], set(content_stems("the director-general praised Dr Rekowski")))


def test_a_running_count_since_it_opened_and_a_days_count_are_two_measures() -> None:
    """Explore50 development run: explore39c q13 noted "Since the bridge opened …, 14,300 people have crossed" and "By
    the time the bridge closed at 8 p.m., 4,100 people had crossed" as a change (first of "opened" against "closed",
    then of the figures)."""
    since = (
        "Since the bridge opened on Friday last week, 14,300 people have crossed on foot and 2,050 vehicles have "
        "driven over it, according to the regional administration."
    )
    day = (
        "By the time the bridge closed at 8 p.m., 4,100 people had crossed on foot and 430 vehicles had driven over "
        "it, the regional administration said."
    )
    assert not _noted(since, day, "2026-05-14", "2026-06-02")
    # Two running counts still tell a change.
    later = "Since the bridge opened, 24,300 people have crossed on foot and 3,050 vehicles have driven over it."
    assert _noted(since, later, "2026-05-14", "2026-06-02")
