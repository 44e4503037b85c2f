"""Rules drawn from the session-49 stories (explore49-49d, development data since their reading): a harbour master "of
Zelmora" holds the post over Zelmora's harbour; a typo with one letter dropped or doubled is read as the one English
word it stands for; a seat ("based in …") or a size ("two nautical miles wide") answers where something is based or how
wide it is; "fired" is "dismissed" and a "sea lane" a "channel"; power "around the clock" is hours of power a day; homes
cut off are no count of homes connected; a figure in words revised ("five …, not three as … first said") gives way to
the revision; one month's counts are no running total; "last Monday" in a Tuesday report is the Monday before that."""

from __future__ import annotations

from datetime import date

from rag.evidence.casing import restore_case
from rag.evidence.definition import asked_post, names_holder
from rag.evidence.entities import counts_only_some
from rag.evidence.question import analyze, content_stems, matches
from rag.evidence.removal import asks_removal_why
from rag.evidence.selector import _figure_of_asked, gives_seat_or_size, revises_figure
from rag.news.recency import tells_return
from rag.news.sameness import _state
from rag.news.values import values_in
from tests.test_explore44_rules import _dated, _days, _span
from tests.test_explore45_rules import _never_answers
from tests.test_explore48_rules import _noted


def test_a_harbour_master_of_a_place_holds_the_post_over_its_harbour() -> None:
    """Explore49 q06 abstained on "who's in charge of zelmora harbour now" beside "confirmed Sorina Pelcu as harbour
    master of Zelmora"."""
    post = asked_post("who's in charge of zelmora harbour now")
    assert post is not None
    assert names_holder(
        post, "Lutrevia's ports ministry confirmed Sorina Pelcu as harbour master of Zelmora on Tuesday."
    )
    # The post with no one named to it, or another post over the place, names no holder.
    assert not names_holder(post, "The ministry said the harbour master of Zelmora was absent.")
    assert not names_holder(post, "The ministry confirmed Pelcu Sorina as head of Zelmora police.")


def test_a_letter_dropped_or_doubled_is_read_as_the_word_meant() -> None:
    """Explore49 q13 abstained on "are the convoys runing again"; explore49c q27 asked of "housholds"."""
    texts = ["The convoys resumed after the centre lifted its suspension.", "Some 27,900 households had power."]
    assert restore_case("are the convoys runing again", texts) == "are the convoys running again"
    assert restore_case("How many housholds had power?", texts) == "How many households had power?"
    # Two English words one slip away: left as typed ("stopped" or "stooped").
    assert restore_case("When were the convoys stoped?", texts) == "When were the convoys stoped?"


def test_a_seat_or_a_size_in_its_own_words_answers_where_based_or_how_wide() -> None:
    """Explore49 q28 and q24 abstained beside "The centre, based in the Castrellan port of Selvara" and "a channel two
    nautical miles wide"."""
    lane = "The ships must follow a channel two nautical miles wide and 46 nautical miles long, swept since March."
    assert gives_seat_or_size("How wide is the cleared sea lane the ships have to follow?", lane)
    assert gives_seat_or_size("How long is the power line?", "Power reaches it over the 58-km line from Kirsk.")
    assert not gives_seat_or_size("How long did the talks last?", "The talks lasted three hours.")
    seat = "The centre, based in the Castrellan port of Selvara, has two naval officers from each side."
    assert gives_seat_or_size("where is the joint coordination centre based", seat)
    assert not gives_seat_or_size("where is the joint coordination centre based", "The centre met on Monday.")
    answer = _never_answers().select("where is the joint coordination centre based", [_dated(seat, "a", "2026-04-21")])
    assert answer.answerable and answer.items[0].text == seat


def test_fired_is_dismissed_and_a_sea_lane_a_channel() -> None:
    """Explore49 q11 and 49c q11 asked why someone was "fired" (dismissed); explore49 q24 of a "sea lane"."""
    assert matches(content_stems("fired")[0], set(content_stems("was dismissed")))
    assert matches(content_stems("lane")[0], set(content_stems("a swept channel")))
    assert not matches(content_stems("lane")[0], set(content_stems("a humanitarian corridor")))


def test_power_around_the_clock_is_hours_of_power_a_day() -> None:
    """Explore49c q16 ("hours of power a day in haldeck now?") led with an old eight-hour timetable beside "Connected
    homes have had power around the clock since Monday"."""
    stems = set(content_stems("Connected homes have had power around the clock since Monday."))
    assert all(matches(t, stems) for t in content_stems("hours of power a day"))


def test_homes_cut_off_are_no_count_of_homes_connected() -> None:
    """Explore49c q03 and q27 noted "had reconnected 12,418 households" and "the fire had cut power to 8,300
    households" as a change."""
    cut = "Vedmar said on October 2 that the fire had cut power to 8,300 households."
    assert [_state(v, cut) for v in values_in(cut, None) if v.kind == "number"] == ["cut off"]
    connected = "Vedmar said it had reconnected 12,418 households by 8 p.m."
    assert not _noted(connected, cut, "2026-09-17", "2026-10-14")
    assert _noted(connected, "Vedmar said it had reconnected 27,900 households.", "2026-09-17", "2026-10-14")


def test_a_figure_in_words_revised_gives_way_to_the_revision() -> None:
    """Explore49d q04 led with "Three prisoners … were injured" beside "five prisoners had been injured …, not three
    as Surmenia first said"."""
    first = "Three prisoners sleeping in the neighbouring barrack were injured, none of them seriously."
    revised = (
        "The Brisvane Committee said on May 12 that five prisoners had been injured in the shelling of Drussel on "
        "May 7, not three as Surmenia first said, after its delegates saw them in the camp infirmary."
    )
    assert revises_figure(first, revised)
    assert not revises_figure("Three guards were on duty.", revised)


def test_one_months_counts_are_no_running_total() -> None:
    """Explore49d q02 ("families visited so far?") led with May's "310 were approved and 158 have now visited"; 211
    had, April's too."""
    may = "Of the 4,126 families that asked to visit in May, 310 were approved and 158 have now visited."
    assert counts_only_some("families visited so far?", may)
    assert not counts_only_some("How many families visited in May?", may)
    assert not counts_only_some("families visited so far?", "A total of 211 families have visited since April.")


def test_last_monday_in_a_tuesday_report_is_the_monday_before_that() -> None:
    """Four README dates of sessions 15-49 read "last Monday" of the day before as that day (explore38d: a 26 May
    report's "suspended its testing missions … last Monday" is 18 May)."""
    said = "The office suspended its testing missions in Ostrevia last Monday."
    assert _days(said, "2026-05-26") == [date(2026, 5, 18)]
    assert _days(said, "2026-05-28") == [date(2026, 5, 25)]
    assert _days(said, "2026-05-25") == [date(2026, 5, 18)]


def test_a_rank_with_a_bracketed_word_names_the_holder() -> None:
    """Explore27b q07 abstained once "repatriaton" was read as "repatriation": "appointed Lieutenant-General (retired)
    Bastien Orlo as chairman of the State Commission for the Return of the Fallen" named no one."""
    post = asked_post("who is running Kelmora's repatriation Commission now?")
    assert post is not None
    appointed = (
        "The government on Tuesday appointed Lieutenant-General (retired) Bastien Orlo as chairman of the State "
        "Commission for the Return of the Fallen."
    )
    assert names_holder(post, appointed)
    assert not names_holder(
        post, "The government on Tuesday praised the State Commission for the Return of the Fallen."
    )


def test_asked_whether_it_runs_again_a_report_telling_the_return_leads() -> None:
    """Explore35c q13 ("are the escorted press tours running again") quoted "… join the escorted tours run by the
    General Staff's press office" over the report of the tours resumed, which the span model scored 0.03."""
    question = "are the escorted press tours running again"
    run_by = (
        "The cards allow foreign journalists to join the escorted tours run by the General Staff's press office, the "
        "ministry said."
    )
    resumed = (
        "Twenty-nine foreign journalists visited the river port of Skerrow on Wednesday as Ravelland resumed escorted "
        "tours of its front-line zone, which the army had suspended for eight days."
    )
    passages = [_dated(run_by, "a", "2026-04-22"), _dated(resumed, "b", "2026-04-16")]
    answer = _never_answers().select(question, passages)
    assert answer.items and answer.items[0].text == resumed
    # Of something else resumed, no.
    other = "Ravelland resumed grain exports through the port of Skerrow on Wednesday, the ministry said."
    answer = _never_answers().select(question, [passages[0], _dated(other, "c", "2026-04-16")])
    assert not answer.items or answer.items[0].text != other


def test_a_day_a_present_tense_copula_sets_is_ahead() -> None:
    """Explore49 q18 dated "Inspection day is Monday, sailing day is Tuesday" (a Friday report) to the Monday before;
    explore38b's "The application deadline for vouchers is Monday" (a Friday report) is the Monday after."""
    assert _days('"Inspection day is Monday, sailing day is Tuesday," he said.', "2026-04-10") == [
        date(2026, 4, 13),
        date(2026, 4, 14),
    ]
    assert _days("The deadline is Friday.", "2026-04-10") == [date(2026, 4, 10)]
    assert _days("The deadline was Monday.", "2026-04-10") == [date(2026, 4, 6)]


def test_why_someone_got_rid_of_someone_asks_why_they_were_removed() -> None:
    """Explore49b q11 abstained on "Why did the health minister get rid of Dr Vollmer?"."""
    assert asks_removal_why("Why did the health minister get rid of Dr Vollmer?")
    assert asks_removal_why("Why did the minister fire the harbour master?")
    assert not asks_removal_why("Why did the patrol boat fire on the bulk carrier?")
    assert not asks_removal_why("Why did the convoy get stuck at the checkpoint?")


def test_asked_whether_it_runs_again_a_report_telling_the_return_answers() -> None:
    """Explore49d q13 ("Are famly visits happening again after the shelling?") abstained beside "Calvardian families
    have resumed their visits to prisoners of war at the Zandrel camp" (span 0.36)."""
    question = "Are family visits happening again after the shelling?"
    resumed = (
        "Calvardian families have resumed their visits to prisoners of war at the Zandrel camp, a week after a shell "
        "hit the visiting hall at the Drussel camp."
    )
    answer = _never_answers().select(question, [_dated(resumed, "a", "2026-05-14")])
    assert answer.answerable and answer.items[0].text == resumed
    # … unless a later report tells them stopped again.
    stopped = "Family visits have been suspended since Monday, the commission said."
    answer = _never_answers().select(question, [_dated(resumed, "a", "2026-05-14"), _dated(stopped, "b", "2026-05-20")])
    assert not answer.answerable


def test_asked_how_much_a_span_giving_the_figure_leads_one_giving_none() -> None:
    """Explore49b q24 ("how much clean water does one dialysis session use") abstained: the first span, "a great deal
    of very clean water for each one", gives no figure; "about 120 litres of purified water" came second."""
    question = "how much clean water does one dialysis session use"
    vague = "A patient on dialysis needs three sessions a week and a great deal of very clean water for each one."
    litres = "Each dialysis session needs about 120 litres of purified water, the unit's head nurse said."
    passages = [_dated(vague, "a", "2026-05-20", "analysis"), _dated(litres, "b", "2026-04-24")]
    answer = _never_answers().select(question, passages)
    assert answer.answerable and answer.items[0].text == litres
    # A figure of something else does not answer.
    beds = "The dialysis unit has 12 beds in the hospital basement, the unit's head nurse said."
    answer = _never_answers().select(question, [passages[0], _dated(beds, "b", "2026-04-24")])
    assert not answer.answerable
    # Nor a figure told of something else: an age beside another name, aircraft for passengers.
    assert _figure_of_asked(analyze(question), litres)
    old = analyze("How old is Sulev Ostrovik?")
    assert not _figure_of_asked(old, "Merle Kalju, 46, a former prison doctor, has run the office since he resigned.")
    haverland = analyze("How old is Tomas Haverland?")
    assert not _figure_of_asked(haverland, "She ran the fund for two weeks after Tomas Haverland resigned on May 26.")
    passengers = analyze("How many passengers did Vardair carry last year?")
    assert not _figure_of_asked(passengers, "Vardair had 146 aircraft in active service, the deputy minister said.")


def test_snaps_are_photographs() -> None:
    """Explore49d q09 asked of "the families' holiday snaps"; the report quotes "anyone's holiday photographs"."""
    assert matches(content_stems("snaps")[0], set(content_stems("Nobody wants anyone's holiday photographs")))


def test_a_denial_printed_before_the_claim_denies_another() -> None:
    """Explore49c q08 quoted "Malvorn's Northern Group of Forces denied the claim within hours" (16 September, of a
    sniper) beside Malvorn's own claim of 28 September that the substation sent power to the army."""
    from rag.answer.chain import _denies_lead

    claim = _span(
        "The ministry said on Monday that the rebuilt substation was sending power to army positions.",
        "c",
        "2026-09-29",
    )
    before = _span(
        "The ministry denied that the rebuilt substation was sending power to army positions.", "d", "2026-09-16"
    )
    after = _span(
        "The ministry denied that the rebuilt substation was sending power to army positions.", "d", "2026-09-30"
    )
    assert not _denies_lead(claim, before)
    assert _denies_lead(claim, after)


def test_what_tells_a_return_and_what_waits_for_one() -> None:
    """Explore45d q13 led with "suspended gas deliveries … until the pipe has been repaired" as a return; explore44b
    q13 with a transformer "being reconnected this week"; "are working again" and "allowed … to resume" tell one."""
    assert not tells_return("The commission suspended gas deliveries on Monday until the pipe has been repaired.")
    assert not tells_return("The second transformer is being reconnected this week.")
    assert tells_return("All 14 masts in the front-line town of Brisava are working again, she said.")
    assert tells_return("The commission allowed deliveries across the line to resume on Sunday evening.")
    assert tells_return("Repair work resumed on May 11, when the commission lifted the halt.")


def test_asked_whether_it_runs_again_a_report_telling_the_return_leads_a_column() -> None:
    """Explore45d q13 led with an analysis's "The gas is flowing again this week" over the report of it."""
    question = "is the gas flowing again after the shelling"
    column = "The gas is flowing again this week after the shelling, and that is the good news."
    report = "Gas is flowing again at 700,000 cubic metres a day after the shelling, the ministry said."
    passages = [_dated(column, "a", "2026-11-04", "analysis"), _dated(report, "b", "2026-11-03")]
    answer = _never_answers().select(question, passages)
    assert answer.items and answer.items[0].text == report


def test_asked_a_total_one_trips_revised_count_does_not_lead() -> None:
    """Explore37 q11 ("How many of the zoo's animals have died in transit altogether?") led with "Four animals died in
    transit, not three as first reported", one convoy's revised count, over "the seventh animal to die on the road"."""
    question = "How many of the zoo's animals have died in transit altogether?"
    first = "Three animals died in transit, two parrots and a lemur, said the vet who travelled with the convoy."
    revised = "Four animals died in transit, not three as first reported, the charity said of the first convoy."
    seventh = "One bird died in transit, the seventh animal to die on the road since the evacuation began, it said."
    passages = [
        _dated(first, "a", "2026-09-11"),
        _dated(revised, "b", "2026-09-13"),
        _dated(seventh, "c", "2026-09-20"),
    ]
    answer = _never_answers().select(question, passages)
    assert answer.items and answer.items[0].text != revised
    answer = _never_answers().select("How many animals died in transit on the first convoy?", passages)
    assert answer.items and answer.items[0].text == revised
