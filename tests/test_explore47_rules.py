"""Rules drawn from the session-47 stories (explore47-47d, development data since their reading): counts of what was
declared, pulled back, checked, taken or is still to come are different measures, as are a share and its total; a
column behind a report of its day is no other source; a count "has declared" asks for the latest; "by what date did
they finally have to" asks the last deadline, which a column may date; "since the first convoy" tells nothing of the
first convoy; a column's guess answers no yes-or-no question; "refugees who actually got to" counts arrivals."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import numpy as np

from rag.answer.chain import AnswerChain
from rag.evidence import EvidenceSelector
from rag.evidence.candidates import build
from rag.evidence.definition import asked_post, deputy_for_head, names_holder
from rag.evidence.entities import another_ordinal
from rag.evidence.question import analyze
from rag.evidence.selector import asks_latest_deadline
from rag.evidence.sides import asks_each_side
from rag.evidence.speaker import denial_asked
from rag.news.conflicts import column_behind, detect_conflicts
from rag.news.course import course_asked, figures
from rag.news.recency import asks_count_so_far
from rag.types import Passage
from tests.test_explore44_rules import _dated, _span
from tests.test_explore45_rules import _answer_model_saying, _never_answers


def _noted(a: str, b: str, genre_b: str | None = None, day_b: str = "2026-05-19") -> bool:
    return bool(detect_conflicts([_span(a, "a", "2026-04-23"), _span(b, "b", day_b, genre_b)]))


def test_declared_pulled_back_checked_taken_and_still_to_come_are_different_counts() -> None:
    """Explore47 q30, explore47c q02, q03, q31 and explore47d q28 noted each pair as a change or a disagreement."""
    withdrawn = "Vessany's defence ministry said it had withdrawn 268 artillery pieces."
    assert not _noted(withdrawn, "Vessany declared 310 artillery pieces, the ministry said.")
    assert _noted(withdrawn, "Vessany's defence ministry said it had withdrawn 318 artillery pieces.")
    handed = "Trelsia has so far handed over 2,316 objects and 146 boxes, the panel said."
    assert not _noted(handed, "Restorers have examined 1,960 objects and 140 boxes.")
    assert not _noted(handed, "Trelsia will return more than 3,400 objects and 180 boxes of archives.")
    assert not _noted(handed, "Trelsia has so far taken 2,900 objects and 170 boxes from the museum, the panel said.")
    assert _noted(handed, "Trelsia has so far handed over 2,400 objects and 146 boxes, the panel said.")
    loaded = "Twelve barges loaded with grain left Kellmoor on Monday."
    assert not _noted(loaded, "'We could fill sixteen barges twice a day if we could load them,' said Morvain.")


def test_a_share_is_no_count_of_its_total() -> None:
    """Explore47c q19 set "twelve of the icons" against "twelve of the 40 icons" as sources that disagree."""
    said = "'This morning we found that the paint on twelve of the icons is less than five years old,' Marchetz said."
    found = "Restorers found that the paint on twelve of the 40 icons in the consignment was less than five years old."
    assert not _noted(said, found, day_b="2026-04-23")
    assert _noted(found, "Restorers found that the paint on nine of the 40 icons was less than five years old.")


def test_a_total_takes_the_state_its_own_clause_gives() -> None:
    """Explore47 q16: "318 of the 326 artillery pieces it now declares" counts 326 declared, not withdrawn."""
    report = "Vessany says it has withdrawn 318 of the 326 artillery pieces it now declares, the ministry said."
    assert _noted(report, "Vessany declared 310 artillery pieces, the ministry said.")


def test_a_column_behind_a_report_of_its_day_is_no_other_source() -> None:
    """Explore47 q02 and q16 noted an analysis's "Vessany declared 310 artillery pieces" against the 326 "it now
    declares" of a report that day."""
    column = _span(
        "Vessany declared 310 artillery pieces, far more than anyone expected.", "c", "2026-05-19", "analysis"
    )
    report = _span("Vessany now declares 326 artillery pieces, its defence ministry said.", "r", "2026-05-19")
    found = detect_conflicts([report, column])
    assert found and all(column_behind(*c.sides) for c in found)
    # A report after the column is behind nothing of the column's day.
    older = _span("Vessany now declares 326 artillery pieces, its defence ministry said.", "r", "2026-05-01")
    assert not any(column_behind(*c.sides) for c in detect_conflicts([older, column]))


def test_a_count_up_to_now_and_the_last_deadline_are_asked_without_saying_so() -> None:
    """Explore47 q16 led with an analysis's stale count; explore47 q21 gave the first of two extensions."""
    assert asks_count_so_far("how many guns has vessany declared")
    assert asks_count_so_far("How many observation posts have the monitors opened?")
    assert not asks_count_so_far("How many artillery pieces had Vessany moved back by April 23?")
    assert not asks_count_so_far("How many member states does the Concord have?")
    assert not asks_count_so_far("How many days of diesel did the plant have when the line was first cut?")
    question = "By what date did the armies finally have to get their heavy weapons back?"
    assert asks_latest_deadline(question)
    assert not asks_latest_deadline("By what date did the armies get their heavy weapons back?")


def test_a_columns_own_dated_telling_answers_the_last_deadline() -> None:
    """Explore47 q21: only a column told the second extension, dating it; a report of before told the first."""
    first = (
        "The armies finally have to pull back their heavy weapons by May 1, after the deadline for the heavy weapons "
        "was moved."
    )
    second = (
        "On April 30 the commission moved the armies' deadline to pull back heavy weapons a second time, to May 15."
    )
    question = "By what date did the armies finally have to pull back their heavy weapons?"
    passages = [_dated(first, "a", "2026-04-28"), _dated(second, "b", "2026-05-10", "opinion")]
    answer = _never_answers().select(question, passages)
    assert answer.answerable and answer.items[0].text == second


def test_since_the_first_convoy_tells_nothing_of_the_first_convoy() -> None:
    """Explore47d q03 answered the first convoy's freight with an analysis's total since it."""
    question = "How much freight was on board the first convoy of barges?"
    since = "Barges have carried some 150,600 tonnes down the river since the first convoy, most of it wheat."
    assert another_ordinal(question, since)
    assert not another_ordinal(question, "The first convoy carried 14,300 tonnes; 150,600 since the first convoy.")
    assert not another_ordinal(question, "The first convoy carried 14,300 tonnes of cargo.")
    # A day asked of the first, or a count over a period it bounds, is told "since the first …".
    mast = "About 21,800 subscribers have reconnected since the first mast came back on March 6."
    assert not another_ordinal("What day did the first repaired mast come back on air?", mast)
    cylinders = "Cylinder deliveries have picked up since the first convoy was held at the inspection point."
    between = "How did the number of cylinders in use change between the first convoy and the end of September?"
    assert not another_ordinal(between, cylinders)


def test_a_columns_guess_answers_no_yes_or_no_question() -> None:
    """Explore47c q08 quoted an analysis's "almost certainly swapped" as the answer to whether icons were swapped."""
    guess = "The icons were almost certainly swapped in Droskovo, whatever the commission will say of the icons."
    question = "Did Trelsia swap the museum's icons in Droskovo?"
    answer = _never_answers().select(question, [_dated(guess, "c", "2026-06-10", "analysis")])
    assert not any(e.text == guess for e in answer.items)
    # A report's words are no guess of a writer's.
    report = _dated(guess, "r", "2026-06-10")
    assert any(e.text == guess for e in _never_answers().select(question, [report]).items)


def test_refugees_who_got_somewhere_are_counted_by_arrivals() -> None:
    """Explore47b q05 took the refugees in the camps and the children among the arrivals as one count."""
    asked = course_asked("How has the number of refugees who actually got to Yarnholt grown since the returns started?")
    assert asked is not None and {"reach", "arriv"} <= asked.qualifiers
    # Vehicles that "got across" crossed: "got" says nothing of arriving.
    across = course_asked("How has the number of vehicles that actually got across changed since the bridge opened?")
    assert across is not None and "arriv" not in across.qualifiers
    camps = _dated("Some 90,000 refugees live in three camps, the agency said.", "a1", "2026-09-01")
    assert figures(asked, camps) == []
    arrived = _dated("A total of 13,650 refugees have arrived at reception centres in Yarnholt.", "a9", "2026-10-07")
    (found,) = figures(asked, arrived)
    assert found.value == 13650.0


def test_a_head_confirmed_in_the_post_answers_who_runs_it_now() -> None:
    """Explore47b, explore47c and explore47d q06 abstained or gave the acting head beside the confirmation."""
    commission = asked_post("who's in charge of drumalia's returns commission now")
    assert commission is not None
    assert names_holder(commission, "Edda Marvell was confirmed as Drumalia's returns commissioner by the cabinet.")
    museum = asked_post("who's running the velimsk museum now")
    assert museum is not None
    confirmed = "The ministry confirmed Miroslava Sarnitz as the museum's director on Monday."
    assert names_holder(museum, confirmed)
    authority = asked_post("who's in charge of the vessara river authority now")
    assert authority is not None
    assert names_holder(
        authority, "The ministry confirmed Ilse Lessard, 46, as director of the Vessara River Authority."
    )
    # The kind of body, where the article before names it.
    kind = "Ilse Lessard, confirmed as the authority's director on Monday, denied the claim."
    assert names_holder(authority, kind, "The Vessara River Authority reopened the lock.")
    # Another body's head is no answer.
    assert not names_holder(museum, "The ministry confirmed Ilse Lessard as the authority's director on Monday.")


def test_a_body_asked_by_the_initials_bracketed_after_its_name() -> None:
    """The bundled "Who heads RDIF?" abstained beside "Kirill Dmitriev, CEO of the Russian Direct Investment Fund
    (RDIF)"."""
    post = asked_post("Who heads RDIF?")
    assert post is not None
    ceo = "Remarks made by Kirill Dmitriev, CEO of the Russian Direct Investment Fund (RDIF), who told Fox News."
    assert names_holder(post, ceo)
    assert not names_holder(post, "Remarks made by Kirill Dmitriev, CEO of the Russian Direct Investment Fund (RDF).")
    answer = _never_answers().select("Who heads RDIF?", [_dated(ceo, "a", "2025-04-05")])
    assert answer.answerable and answer.items[0].text == ceo


def test_a_quotation_said_in_other_words_names_who_said_it() -> None:
    """Explore47 q09 abstained beside the quotation it asked about, which held two of its four key terms."""
    question = "Who said the trucks were only hauling bridge parts?"
    quote = (
        '"The trucks carried steel sections for the Duvessa bridge at Pirrin. Not one launcher, not one gun," said '
        "Colonel Ignatz Halvan, spokesman for Vessany's defence ministry."
    )
    answer = _never_answers().select(question, [_dated(quote, "a", "2026-04-30")])
    assert answer.answerable and answer.items[0].text == quote


def test_a_removal_with_the_removers_words_gives_its_reason() -> None:
    """Explore47d q11 abstained beside "… dismissed Konstantin Grevik, …, saying the authority had certified the channel
    clear … without finding the Tamsa"."""
    question = "Why was the head of the river authority sacked?"
    dismissed = (
        "On Wednesday infrastructure minister Severin Vorland dismissed Konstantin Grevik, the director of the river "
        "authority, saying the authority had certified the channel clear on 13 April without finding the Tamsa."
    )
    answer = _never_answers().select(question, [_dated(dismissed, "a", "2026-04-23")])
    assert answer.answerable and answer.items[0].text == dismissed
    # Words said of something else, no fault in them, are no reason.
    thanked = dismissed.replace(", saying the authority had certified the channel clear on 13 April", ", saying")
    thanked = thanked.replace(" without finding the Tamsa", " thanks to the crews")
    assert not _never_answers().select(question, [_dated(thanked, "a", "2026-04-23")]).answerable


def test_each_side_is_told_by_the_claim_the_denial_and_the_deniers_account() -> None:
    """Explore47 q01 gave the claim alone ("the two sides" was not read as each side's); explore47b q01 abstained
    beside "… denied it within hours"; explore47d q01 gave the denial without the account the next chunk told."""
    question = "What did the two sides say about howitzers being hidden in Ardeny forest?"
    assert asks_each_side(question)
    claim = "Colonel Ignatz Halvan said on Thursday that Brenvalia had hidden 20 howitzers in Ardeny forest."
    denial = "Brenvalia's defence ministry denied it within hours."
    account = "'There are no guns in Ardeny forest,' said its spokeswoman, Major Vendela Sorvag."
    text = f"{claim} {denial} {account}"
    # Two overlapping chunks of one article: the first ends at the denial, the second goes on.
    first = Passage("a::0", "a", text[: text.index(account)].strip(), "Story", 0, text.index(account) - 1, 0.5)
    start = text.index(denial)
    second = Passage("a::1", "a", text[start:], "Story", start, len(text), 0.4)
    answer = _never_answers().select(
        question, [dataclasses.replace(p, published="2026-04-17") for p in (first, second)]
    )
    assert answer.answerable and [e.text for e in answer.items[:2]] == [claim, f"{denial} {account}"]


def test_a_denial_cut_off_at_its_chunks_end_is_read_on_in_the_next_chunk() -> None:
    """Explore47d q01: the chunk read ended at "… denied it within hours."; the chain reads the chunk that goes on."""
    question = "What did each side say about how the dredger ended up in the channel?"
    claim = "Spokeswoman Odile Vaillo said on Monday that the wreck had been towed into the channel from the far bank."
    denial = "Kolvatia's River Office denied it within hours."
    account = "'The Tamsa has lain there since September,' spokesman Lev Sobant said. He said the survey had missed it."
    text = f"{claim} {denial} {account}"
    cut = text.index(account) - 1
    first = Passage("a::0", "a", text[:cut], "Story", 0, cut, 0.5, "Gazette", "2026-04-21")
    start = text.index(denial)
    going = Passage("a::1", "a", text[start:], "Story", start, len(text), 0.4, "Gazette", "2026-04-21")
    retriever = SimpleNamespace(going_on=lambda passage, query: [going] if passage.chunk_id == "a::0" else [])
    chain = SimpleNamespace(selector=_never_answers(), retriever=retriever)
    before = _never_answers().select(question, [first])
    assert before.answerable and before.items[1].text == denial
    widened, chosen = AnswerChain._with_account(chain, question, before, [first])
    assert [p.chunk_id for p in widened] == ["a::0", "a::1"] and chosen.items[1].text == f"{denial} {account}"
    # A denial its chunk goes on after is read as it is.
    whole = Passage("b::0", "b", text, "Story", 0, len(text), 0.5, "Gazette", "2026-04-21")
    told = _never_answers().select(question, [whole])
    assert AnswerChain._with_account(chain, question, told, [whole]) == ([whole], told)


def _always_answers() -> EvidenceSelector:
    """A selector whose answer model says yes to everything: what leads, the span model and the rules decided."""
    return _answer_model_saying(10.0)


def test_each_sides_account_is_told_though_the_claim_alone_answers() -> None:
    """Explore47 q01 gave the claim alone, which the answer model took for an answer."""
    question = "What did each side say about the howitzers hidden in Ardeny forest?"
    claim = "Colonel Ignatz Halvan said on Thursday that Brenvalia had hidden 20 howitzers in Ardeny forest."
    denial = "Brenvalia's defence ministry denied it within hours."
    account = "'There are no guns in the forest,' said its spokeswoman, Major Vendela Sorvag."
    answer = _always_answers().select(question, [_dated(f"{claim} {denial} {account}", "a", "2026-04-17")])
    assert answer.answerable and [e.text for e in answer.items[:2]] == [claim, f"{denial} {account}"]


def test_a_columns_count_gives_way_to_a_report_of_its_day_asked_so_far() -> None:
    """Explore47 q16 led with an analysis's "Vessany declared 310 artillery pieces" over a report's 326 that day."""
    question = "how many artillery pieces has vessany declared"
    column = "Vessany has declared 310 artillery pieces, far more than anyone expected."
    report = "Vessany says it has withdrawn 318 of the 326 artillery pieces it now declares, the ministry said."
    passages = [_dated(column, "c", "2026-05-19", "analysis"), _dated(report, "r", "2026-05-19")]
    answer = _always_answers().select(question, passages)
    assert answer.answerable and [e.text for e in answer.items] == [report, column]
    # Asked how many it had declared by a day gone by, the column's count stands.
    answer = _always_answers().select("how many artillery pieces did vessany declare in april", passages)
    assert answer.items[0].text == column


def test_bodies_handed_over_are_of_the_dead() -> None:
    """Explore20 q10 noted "Velmora says 510 of its soldiers have now come home" against "the bodies of 340 Karvenian
    soldiers and 48 Velmorian soldiers were handed over", once "handed" was read as freed."""
    home = "Velmora says 510 of its soldiers have now come home in three rounds."
    bodies = "On 27 March the bodies of 340 Karvenian soldiers and 48 Velmorian soldiers were handed over."
    assert not _noted(home, bodies)
    assert _noted(home, "Velmora says 520 of its soldiers have now come home in three rounds.")


def test_a_deputy_answers_who_ran_it_in_between() -> None:
    """Explore38c q14 abstained once "deputy commissioner" was read as a deputy's post, not the head's asked."""
    question = "Who ran the province's health department between Renshaw's sacking and the new commissioner's arrival?"
    ran = (
        "Dr Tobias Lennock, who ran the provincial health department for four weeks after the dismissal of Dr Ilka "
        "Renshaw, returns to his post as deputy commissioner."
    )
    assert not deputy_for_head(question, ran)
    assert deputy_for_head("Who heads the provincial health department?", ran)


def test_a_body_asked_by_its_kind_is_named_by_that_kind() -> None:
    """Explore39d q06 answered "who's in charge of the rydel registry now" with the head of the Rydel police."""
    registry = asked_post("who's in charge of the rydel registry now")
    assert registry is not None
    police = "Chief Superintendent Celia Rudgard, head of the Rydel police, said the two men had been charged."
    assert not names_holder(registry, police, "The Rydel registry stopped issuing passports.")
    assert names_holder(registry, "Yaroslav Lambreth, head of the Rydel registry, said the files were checked.")
    # … however many words of its name come before the kind (explore29d q18).
    agency = asked_post("Who is in charge of the reconstruction agency right now?")
    assert agency is not None
    appointed = (
        "Prime Minister Lidia Harrovan appointed Agnesa Tolvik, the head of the State Audit Chamber, as the new "
        "director of the Drenavian Reconstruction and Recovery Agency (DRRA)."
    )
    assert names_holder(agency, appointed)
    # A body asked by its name keeps its words: "the Ugandan Media Council" is named by "Uganda's council".
    council = asked_post("who heads the Ugandan Media Council?")
    assert council is not None and names_holder(council, "Paul Ekochu, chairman of the Ugandan Media Council, said so.")


def test_a_report_naming_a_new_head_outranks_its_acting_one() -> None:
    """Explore36c q06 answered "who runs the winter homes programme now" with the acting director, whom the same report
    said the newly named director would replace: told on the report's day, the acting head counted as the newer."""
    question = "who runs the winter homes programme now"
    post = asked_post(question)
    assert post is not None
    acting = "Anneke Tarrant, the programme's acting director, said no more families would move in."
    named = "On Friday the ministry named Sabine Quillet, 51, as the new director of the Winter Homes programme."
    candidates, _pairs = build([_dated(f"{acting} {named}", "a", "2026-10-27")])
    scores = np.array([0.9 if c.text == acting else 0.3 for c in candidates])
    (newest,) = EvidenceSelector._holder_span(post, analyze(question), candidates, scores, newest=True)
    assert newest.text == named
    # Not asked for the newest, the best-scored holder stands.
    (best,) = EvidenceSelector._holder_span(post, analyze(question), candidates, scores)
    assert best.text == acting


def test_each_sides_claim_is_read_in_the_chunk_before_its_denial() -> None:
    """Explore42 q01: the denial opened a chunk, its claim closed the one before; another dispute's claim and denial,
    on a mine, had answered what delayed the fishing season."""
    question = "What did each side say delayed the opening of the fishing season?"
    claim = "Agency spokeswoman Kirsi Malmberg said on Monday that coast guard boats would board any fishing boat."
    denial = "Askeria's Maritime Office denied the claim within hours."
    account = "He said the delay of the opening was the agency's fault, because it had not sent the boats' list."
    text = f"{claim} {denial} {account}"
    # Two overlapping chunks, the denial in both; the one read first (the better match) opens with it.
    start, end = text.index(denial), text.index(denial) + len(denial)
    first = Passage("a::0", "a", text[:end], "Story", 0, end, 0.5, "Gazette", "2026-04-21")
    second = Passage("a::1", "a", text[start:], "Story", start, len(text), 0.5, "Gazette", "2026-04-21")
    mine = _dated(
        "Lannoy said on Monday that the mine had been pushed into the zone on purpose. Askeria denied it within hours.",
        "b",
        "2026-05-12",
    )
    answer = _never_answers().select(question, [mine, second, first])
    assert answer.answerable and [e.text for e in answer.items[:2]] == [claim, f"{denial} {account}"]
    # … each sentence once.
    assert sum(account in e.text for e in answer.items) == 1


def test_who_insisted_something_was_not_done_asks_a_denial() -> None:
    """Explore47b q09 abstained beside "… Ansel Oduya, denied it. “Not one ration has been cut at Elmstead …”"."""
    question = "Who insisted that camp residents' food had not been cut back to pressure them into going home?"
    assert denial_asked(question)
    assert not denial_asked("Who insisted that camp residents' food had been cut back?")
    denied = (
        "On Wednesday the agency's spokesman, Ansel Oduya, denied it. \"Not one ration has been cut at Elmstead or "
        'anywhere else. Nobody is being pushed onto a bus to go home," he said.'
    )
    answer = _never_answers().select(question, [_dated(denied, "a", "2026-09-17")])
    assert answer.answerable and "Ansel Oduya" in answer.items[0].text
