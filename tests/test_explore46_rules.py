"""Rules drawn from the session-46 stories (explore46-46d, development data since their reading): "flights scheduled on
Monday" after "flew" and "must register … by Thursday" are dated as told; a count that leaves something out, a floor
another figure meets, two places and a spokesman for the denier are no disagreement; a head "confirmed as director"
answers who is in charge now; a count of things in use answers "how many are actually working"; a day named
as "the new deadline" answers the final deadline."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from rag.answer.chain import AnswerChain
from rag.evidence.definition import asked_post, names_holder
from rag.evidence.ending import stop_asked, tells_end
from rag.evidence.selector import asks_latest_deadline, names_deadline_day
from rag.evidence.sides import asks_each_side
from rag.evidence.working import counted_in_use, tells_in_use
from rag.news.compatible import floor_met
from rag.news.conflicts import detect_conflicts
from rag.news.dates import resolve_dates
from rag.types import Evidence, Passage
from tests.test_explore44_rules import _dated, _span
from tests.test_explore45_rules import _never_answers


def _days(text: str, published: str) -> list[date | None]:
    return [r.day for r in resolve_dates(text, published)]


def test_a_timetables_day_after_a_past_verb_and_a_deadline_someone_must_meet() -> None:
    """Explore46d q05 showed the 16 flights of Monday and Tuesday as the week after; explore46c q25 showed "must
    register … by Thursday" as the Thursday before."""
    flown = "The airline flew all 16 flights scheduled on Monday and Tuesday, and carried 931 passengers."
    assert _days(flown, "2026-05-20") == [date(2026, 5, 18), date(2026, 5, 19)]
    # A plan told as one still stands ahead.
    assert _days("The vote is scheduled on Monday, officials said.", "2026-05-20") == [date(2026, 5, 25)]
    must = "Parents whose children have not been visited by a health worker must register them by Thursday."
    assert _days(must, "2026-04-14") == [date(2026, 4, 16)]
    assert _days("Parents must have registered them by Thursday.", "2026-04-14") == [date(2026, 4, 9)]


def test_what_a_count_leaves_out_a_floor_met_two_places_and_a_spokesman_are_no_disagreement() -> None:
    """Explore46 q08, q13, q23 and explore46d q05 noted each pair as sources that disagree."""
    count = "That brings the flights flown since April 23 to 92, not counting the nine days of the suspension."
    suspended = "Flights were suspended for nine days."
    assert not detect_conflicts([_span(count, "a", "2026-05-20"), _span(suspended, "b", "2026-05-20", "analysis")])
    # A floor of a place another figure's whole meets: "at least 40 … at Pessel" against the 2,140 held in all.
    floor = "Morvast was holding at least 40 Orlevian prisoners in a former sugar factory at Pessel."
    total = "The ombudsman's office says 2,140 Orlevians are still held as prisoners of war in Morvast."
    assert floor_met(floor, "at least 40 Orlevian prisoners", total, "2,140 Orlevians are still held")
    assert not floor_met(floor, "at least 40 Orlevian prisoners", total, "30 Orlevians are still held")
    # … not a floor of the whole, nor one of a place the other names too.
    dead = "The tragedy has left at least 25,000 people dead, with Sri Lanka worst hit."
    assert not floor_met(dead, "at least 25,000 people dead", "Around 140,000 people were killed.", "140,000 people")
    at_pessel = "2,140 Orlevians are held at Pessel."
    assert not floor_met(floor, "at least 40 Orlevian prisoners", at_pessel, "2,140 Orlevians are held")
    going = "Its visits to camps holding Morvasti prisoners in Orlevia are continuing, the Council said."
    stopped = (
        "The Ondrell Council of Churches suspended its visits to all prisoner-of-war camps in Morvast on Thursday, "
        "after "
        "Morvasti officers stopped its inspectors at a checkpoint outside Helvik as they drove towards Pessel."
    )
    assert not detect_conflicts([_span(going, "a", "2026-09-17"), _span(stopped, "b", "2026-09-17")])
    assert detect_conflicts(
        [_span(going, "a", "2026-09-17"), _span(stopped.replace("in Morvast", "in Orlevia"), "b", "2026-09-17")]
    )


def test_a_spokesman_for_the_denier_is_no_other_side() -> None:
    """Explore46 q08 set Morvast's denial against its own spokesman's words as sources that disagree."""
    denied = (
        "Morvast on Thursday denied holding Orlevian prisoners of war at a former sugar factory at Pessel, a day after "
        "Orlevia's acting ombudsman said that at least 40 of them were being hidden there."
    )
    spokesman = (
        '"There is a sugar factory at Pessel, and it makes sugar," Ruvan Zolny, spokesman for Morvast\'s Office for '
        "Prisoners' Affairs, said in Ludmor."
    )
    report = _dated(f"{denied} {spokesman}", "a", "2026-09-17")
    spans = [
        Evidence(denied, report, 0, len(denied), 0.5),
        Evidence(spokesman, report, len(denied) + 1, len(report.text), 0.5),
    ]
    assert not detect_conflicts(spans)
    other = spokesman.replace("Morvast's Office", "Orlevia's Office")
    spans[1] = Evidence(
        other, _dated(f"{denied} {other}", "a", "2026-09-17"), len(denied) + 1, len(denied) + 1 + len(other), 0.5
    )
    spans[0] = Evidence(denied, spans[1].passage, 0, len(denied), 0.5)
    assert detect_conflicts(spans)


def test_a_head_confirmed_in_the_post_answers_who_is_in_charge_now() -> None:
    """Explore46d q06 abstained; explore46b q06 answered with a column's "still run on an acting basis"."""
    airport = asked_post("who's in charge of penvarr airport now")
    assert airport is not None
    confirmed = "Keturah Ingevold was confirmed as director of Penvarr Airport on Tuesday, the ministry said."
    assert names_holder(airport, confirmed)
    assert not names_holder(airport, "Keturah Ingevold was confirmed as director of the Lemmora water company.")
    dismissed = "Gwendal Tremaine, who heads Penvarr Airport, said the runway was safe."
    passages = [_dated(dismissed, "a", "2026-04-14"), _dated(confirmed, "b", "2026-05-20")]
    answer = _never_answers().select("who's in charge of penvarr airport now", passages)
    assert answer.answerable and answer.items[0].text == confirmed


def test_a_count_in_use_answers_how_many_are_actually_working() -> None:
    """Explore46c and explore46d q31 abstained beside "… and 118 are installed and working"."""
    question = "How many of the solar fridges are actually up and running?"
    assert counted_in_use(question) == "fridge"
    assert counted_in_use("How many of the landing lights that were ordered are actually working now?") == "light"
    assert counted_in_use("How many fridges were delivered?") is None
    assert tells_in_use("130 have now been delivered and 118 are installed and working")
    assert not tells_in_use("130 have now been delivered")
    named = "The fund delivered a third shipment of solar-powered fridges on Tuesday."
    newest = "Of the 150 the fund ordered, 130 have now been delivered and 118 are installed and working."
    older = "Of the 150 solar fridges the fund ordered, 90 have arrived and 60 are working."
    column = "Of the 150 solar fridges, 90 arrived and only 60 are working."
    passages = [
        _dated(older, "a", "2026-05-07"),
        _dated(f"{named} {newest}", "b", "2026-05-20"),
        _dated(column, "c", "2026-05-21", "analysis"),
    ]
    answer = _never_answers().select(question, passages)
    assert answer.answerable and answer.items[0].text == newest
    # Nothing in use counted of what is asked: no answer from the rule.
    lights = [_dated("Of the 420 lights, 340 have been delivered.", "a", "2026-05-07")]
    assert not _never_answers().select("How many of the landing lights are actually working now?", lights).answerable


def test_a_day_named_as_the_new_deadline_answers_the_final_deadline() -> None:
    """Explore46 q21 abstained beside "handed in their lists … on Monday, the new deadline"."""
    question = "What was the final deadline for handing in names for the second swap?"
    assert asks_latest_deadline(question) and not asks_latest_deadline("When were the names handed in?")
    handed = (
        "Orlevia and Morvast handed in their lists for a second exchange of prisoners of war on Monday, the new "
        "deadline, "
        "after the Joint Prisoner Commission extended it for a second time on September 30."
    )
    assert names_deadline_day(handed) and not names_deadline_day("They missed the new deadline.")
    answer = _never_answers().select(question, [_dated(handed, "a", "2026-10-07")])
    assert answer.answerable and answer.items[0].text == handed


def test_until_when_a_stop_lasted_is_the_report_telling_it_ended() -> None:
    """Explore38, explore39c, explore42, explore42c and blind explore46c gave the first extension of a suspension
    extended twice."""
    question = "Until what date was the ferry route suspended after the mine blast?"
    assert stop_asked(question) == "suspen"
    assert stop_asked("Until what date was the bridge closed after the lorry accident?") == "clos"
    assert stop_asked("Until when does the truce around Harnsk run?") is None
    extended = "On Tuesday it extended the suspension of the ferry route until Friday, after divers found a mine."
    ended = (
        "The Joint Lake Commission's suspension of the route, which it had extended twice, ended on Sunday after navy "
        "divers finished sweeping the corridor."
    )
    assert tells_end(ended) and not tells_end(extended)
    passages = [_dated(extended, "a", "2026-05-27"), _dated(ended, "b", "2026-06-09")]
    answer = _never_answers().select(question, passages)
    assert answer.answerable and answer.items[0].text == ended
    # A column telling it ended is no report of it.
    column = [_dated(extended, "a", "2026-05-27"), _dated(ended, "b", "2026-06-09", "opinion")]
    assert _never_answers().select(question, column).items[0].text != ended


def test_two_spans_holding_the_same_two_sentences_make_one_note() -> None:
    """Explore38's ferry question showed one change twice: its sentence alone, and in a pair with the one before."""
    from rag.answer.compose import quoted_answer
    from rag.answer.news import disagreements
    from rag.types import Evidence

    ended = (
        "The Joint Lake Commission's suspension of the route, which it had extended twice, ended on Sunday after "
        "Aldevani navy divers finished sweeping the whole corridor again and found no more mines."
    )
    first = "The Joint Lake Commission suspended the ferry's licence on Monday evening until Wednesday."
    extended = (
        "On Tuesday it extended the suspension until Friday, after Aldevani navy divers found a second mine near the "
        "corridor the ferry uses."
    )
    report = _dated(f"{first} {extended}", "a", "2026-05-27")
    items = [
        Evidence(ended, _dated(ended, "b", "2026-06-09"), 0, len(ended), 0.5),
        Evidence(extended, report, len(first) + 1, len(report.text), 0.4),
        Evidence(report.text, report, 0, len(report.text), 0.3),
    ]
    notes = disagreements(quoted_answer(items), items, "Until what date was the ferry route suspended?")[1]
    assert len(notes) == 1


def test_a_teen_spelled_out_is_a_figure_of_its_own() -> None:
    """Explore45d q31 noted "Eighteen of the 40" and, a week later, "Twenty-six of the 40" as sources that disagree."""
    older = "Eighteen of the 40 mobile boilers Tarvania ordered from Selvenna have been delivered, and 11 are running."
    newer = (
        "Twenty-six of the 40 mobile boilers Tarvania ordered from Hovland Thermal in Selvenna have now been delivered "
        "and 19 are running, the utility said."
    )
    found = detect_conflicts([_span(newer, "a", "2026-11-04"), _span(older, "b", "2026-10-28")])
    assert [c.kind for c in found] == ["change"]


def test_a_count_required_and_what_some_cannot_do_are_no_changes() -> None:
    """Explore46 q26 noted the 220 prisoners Orlevia was required to bring as changed to 250 returned; explore46d q23
    set "residents who cannot book online" against seats booked."""
    required = "At the same meeting the commission required Orlevia to bring all 220 Morvasti prisoners to the bridge."
    returned = (
        "In the first exchange, on September 3 and September 9, 246 Orlevian prisoners came home alive and 250 "
        "Morvasti prisoners were returned."
    )
    assert not detect_conflicts([_span(required, "a", "2026-09-10"), _span(returned, "b", "2026-10-07")])
    counted = "At the same meeting the commission said Orlevia had brought all 220 Morvasti prisoners to the bridge."
    assert detect_conflicts([_span(counted, "a", "2026-09-10"), _span(returned, "b", "2026-10-07")])
    office = (
        "Palvenna Air opened a ticket office in Penvarr's covered market on April 23, the day the first flight landed, "
        "for residents who cannot book online."
    )
    booked = "Palvenna Air said 7,340 seats had been booked on Penvarr flights up to the end of June."
    assert not detect_conflicts([_span(office, "a", "2026-05-06"), _span(booked, "b", "2026-05-20")])


def test_the_one_a_power_rests_with_alone_leads_and_columns_are_left_out() -> None:
    """Explore46b q22 led with "Pension amounts are set by Vantreyan law", quoted an analysis saying the fund licenses
    the convoys, and cut the report's sentence before "but only the Joint Civil Commission can …"."""
    question = "Who has the final say on how much cash each convoy can carry?"
    sole = (
        "Under Annex C of the Wrensford ceasefire, Vantreya's pension fund proposes the payment schedule and the "
        "amount of cash each convoy carries, but only the Joint Civil Commission can license a convoy and approve the "
        "cash it carries."
    )
    law = "Pension amounts are set by Vantreyan law."
    column = "The payments are governed by the fund, which licenses the convoys and decides how much cash they carry."
    passages = [
        _dated(f"{sole} {law}", "a", "2026-05-08"),
        _dated(column, "b", "2026-05-20", "analysis"),
    ]
    answer = _never_answers().select(question, passages)
    assert answer.items[0].text == sole and answer.items[0].answer is None
    assert all(not e.passage.commentary for e in answer.items)


def test_who_has_been_picked_to_run_a_body_asks_for_its_head() -> None:
    """Explore45b q15 abstained beside "has named Faustyn Lutmar, 58, as the new director of the Telecoms Regulatory
    Office"."""
    post = asked_post("Who has been picked to run the regulator permanently?")
    assert post is not None and post.body == "regulator"
    named = "The digital ministry has named Faustyn Lutmar, 58, as the new director of the Telecoms Regulatory Office."
    assert names_holder(post, named)
    assert asked_post("Who has been picked to play in goal?") is None


def test_each_sides_account_is_the_claim_and_its_denial_when_nothing_else_answers() -> None:
    """Explore46 and explore46c q01 abstained on "What did each side say …?" beside a report's claim and denial."""
    question = "What did each side say caused the blasts that held up the start of the vaccination campaign?"
    assert asks_each_side(question) and not asks_each_side("What caused the blasts?")
    claim = (
        "Emil Harrack, the department's spokesman, said on Monday that the shells had been fired from Brunsvalan "
        "positions east of Oldbeck."
    )
    quote = '"That is not an accident," he said.'
    denial = "Brunsvala's administration in Oldbeck denied the claim within hours."
    account = "Its spokesman said the explosions had been caused by old munitions stored in the hall."
    report = _dated(f"{claim} {quote} {denial} {account}", "a", "2026-04-21")
    answer = _never_answers().select(question, [report])
    assert answer.answerable and [e.text for e in answer.items[:2]] == [claim, f"{denial} {account}"]
    # A denial with no claim told before it answers nothing.
    alone = _dated(f"{quote} {denial} {account}", "a", "2026-04-21")
    assert not _never_answers().select(question, [alone]).answerable
    # … nor does a column's.
    column = _dated(report.text, "a", "2026-04-21", "opinion")
    assert not _never_answers().select(question, [column]).answerable


def test_a_denial_within_hours_is_dated_by_the_claim_a_quote_before_it() -> None:
    """Explore46c q01's note dated "denied the claim within hours" to the day after the claim it answered."""
    claim = (
        "Emil Harrack, the department's spokesman, said on Monday that the shells had been fired from Brunsvalan "
        "positions east of Oldbeck."
    )
    quote = '"That is not an accident," he said.'
    denial = "Brunsvala's administration in Oldbeck denied the claim within hours."
    report = _dated(f"{claim} {quote} {denial}", "a", "2026-04-21")
    at = len(claim) + len(quote) + 2
    found = detect_conflicts(
        [Evidence(claim, report, 0, len(claim), 0.5), Evidence(denial, report, at, at + len(denial), 0.5)]
    )
    assert found and {side.day for side in found[0].sides} == {"2026-04-20"}


def test_a_question_of_a_known_shape_searches_for_the_report_that_answers_it() -> None:
    """Explore39c and explore46c q21 never read the report telling the closure ended; explore46 q01 never read the
    report of the claim and its denial."""
    searched: list[str] = []

    def chain(found: list[Passage]) -> SimpleNamespace:
        def reports_of(texts: list[str], query: str, relevant: list[Passage], filters: object) -> list[Passage]:
            searched.extend(texts)
            return found

        retriever = SimpleNamespace(going_on=lambda passage, query: [])
        ns = SimpleNamespace(selector=_never_answers(), _reports_of=reports_of, retriever=retriever)
        ns._with_reports_telling = lambda *args: AnswerChain._with_reports_telling(ns, *args)
        ns._with_account = lambda *args: AnswerChain._with_account(ns, *args)
        return ns

    question = "Until what date was the bridge closed after the lorry accident?"
    extended = "On Saturday it extended the closure of the bridge until Wednesday, after divers found a dragged anchor."
    ended = "The commission's closure of the bridge, which it had extended twice, ended on Sunday night."
    read = [_dated(extended, "a", "2026-05-24")]
    before = _never_answers().select(question, read)
    widened, chosen = AnswerChain._with_reports_for_shape(
        chain([_dated(ended, "b", "2026-06-02")]), question, before, read, None
    )
    assert len(widened) == 2 and chosen.items[0].text == ended and searched[-1].startswith(question)
    sides = "What did each side blame for the prisoner swap not going ahead?"
    claim = "Colonel Radim Matejka said on Friday that Morvast had replaced 17 of the men on the agreed list."
    report = _dated(
        f"{claim} Morvast's Office for Prisoners' Affairs denied the claim within hours.", "c", "2026-09-05"
    )
    read = [_dated("The buses were parked at each end of the bridge.", "d", "2026-09-05")]
    before = _never_answers().select(sides, read)
    assert not before.answerable
    widened, chosen = AnswerChain._with_reports_for_shape(chain([report]), sides, before, read, None)
    assert chosen.answerable and chosen.items[0].text == claim
