"""Rules drawn from the session-33 stories (explore33-33d, development data since their reading): counts at two stages
of a process, a running count grown by a later report, a quotation's "today" said the day before its article, a
denial dated by when it came, "not yet" and a top-up beside the cap it tops up to."""

from __future__ import annotations

from rag.answer.support import negated_words
from rag.evidence import EvidenceSelector
from rag.evidence.entities import states_amount
from rag.evidence.question import amount_asked, analyze, answer_type
from rag.evidence.selector import _agent_asked, _power_asked, revises_figure
from rag.news import compatible
from rag.news.conflicts import detect_conflicts
from rag.news.dates import as_date, resolve_dates, with_days
from rag.settings import EvidenceSettings
from rag.types import Passage
from tests.fakes import HashingEmbeddings

REGISTERED = "The fund has registered 18,450 claims since the register opened on March 2 and has paid 2,130 of them."


def _dated(
    text: str, article: str, published: str, genre: str | None = None, at: int = 0, score: float = 0.5
) -> Passage:
    return Passage(f"{article}::{at}", article, text, "Homes fund", 0, len(text), score, "Wire", published, None, genre)


def _selector() -> EvidenceSelector:
    return EvidenceSelector(HashingEmbeddings(), EvidenceSettings())


def test_counts_at_two_stages_of_a_process_are_two_quantities() -> None:
    """Explore33d q02 and q05 showed "has registered 18,450 claims" (8 May) then "has paid more than 4,000 claims"
    (27 May) as one count changed; explore33c q19 "52 of 64 masts destroyed" against "repaired 27 masts"."""
    paid = "The fund has paid more than 4,000 claims since the register opened on March 2."
    assert compatible.other_stages(REGISTERED, "fund has registered 18,450 claims", paid, "has paid more than 4,000")
    # The nearest stage word is the figure's: 2,130 of the same sentence is paid, like the later figure.
    assert not compatible.other_stages(REGISTERED, "has paid 2,130 of them", paid, "has paid more than 4,000")
    assert compatible.other_stages(
        "Halvtel says 52 of 64 masts were destroyed.", "52 of 64 masts", "Crews have repaired 27 masts.", "27 masts"
    )
    # A figure with no stage word near it is left to the other tests.
    assert not compatible.other_stages("The district had 64 masts.", "64 masts", paid, "more than 4,000")
    items = [_dated(REGISTERED, "a", "2026-05-08"), _dated(paid, "b", "2026-05-27")]
    assert not detect_conflicts(items)
    # One stage told twice still changes.
    first = _dated("The fund has paid 2,130 claims since the register opened.", "b", "2026-05-08")
    later = _dated("The fund has paid 4,870 claims since the register opened.", "c", "2026-05-29")
    assert [c.kind for c in detect_conflicts([first, later])] == ["change"]


def test_a_running_count_grown_by_a_later_report_is_a_change() -> None:
    """Explore33b q02: "has now recovered 112 bodies" (8 April) and "has recovered 126 bodies" (10 April) were shown as
    sources that disagree; explore33d q02: a column's "nearly 28,000 claims filed since March" (10 June) against
    "registered 18,450 claims since …" (8 May) the same: a column's higher running count is no disagreement, and no
    newer figure to tell."""
    items = [
        _dated("The mission has now recovered 112 bodies from the two trenches at Gallen Wood.", "a", "2026-04-08"),
        _dated(
            "The team exhuming the grave at Gallen Wood has recovered 126 bodies, the mission said.", "b", "2026-04-10"
        ),
    ]
    assert [c.kind for c in detect_conflicts(items)] == ["change"]
    column = _dated(
        "Of the nearly 28,000 claims filed since March, the fund has paid 4,870, fewer than one in five.",
        "c",
        "2026-06-10",
        "analysis",
    )
    assert not detect_conflicts([_dated(REGISTERED, "a", "2026-05-08"), column])
    # … nor one counting more than the report's count: "Tazhir has reported three dead" against a column's "at least
    # seven men died", which counts both sides (explore18).
    three = _dated("Tazhir has reported three dead.", "d", "2026-04-15")
    seven = _dated("At the dam at least seven men died and 47 Velmorans were detained.", "e", "2026-05-07", "analysis")
    assert not detect_conflicts([three, seven])
    # A perfect tense elsewhere in the sentence counts nothing: "620,000 households … were still without power, …
    # where repeated drone strikes have knocked out transformers" then "390,000 households were without power on
    # Wednesday, the lowest figure since December" a month on is a change (explore21b).
    grid = [
        _dated(
            "Ardelec said on Tuesday that about 620,000 households across the country were still without power, most "
            "of them in the east, where repeated drone strikes have knocked out transformers.",
            "a",
            "2026-03-03",
        ),
        _dated(
            "In Ardessa, Ardelec said 390,000 households were without power on Wednesday, the lowest figure since "
            "December.",
            "b",
            "2026-04-02",
        ),
    ]
    assert [c.kind for c in detect_conflicts(grid)] == ["change"]
    # A lower count two days on is still two accounts.
    lower = _dated(
        "The team exhuming the grave at Gallen Wood has recovered 97 bodies, the mission said.", "b", "2026-04-10"
    )
    assert [c.kind for c in detect_conflicts([items[0], lower])] == ["conflict"]


def test_a_quotations_today_counts_from_the_day_it_was_said() -> None:
    """Explore33 q19: "“Today 1,100 people crossed …,” Andrej Pohl … told reporters … on Monday evening", in a Tuesday
    report, was read as Tuesday and set against "1,340 people crossed on Monday" as sources that disagree."""
    text = (
        '"Today 1,100 people crossed in both directions," Andrej Pohl, spokesman for the State Border Service, told '
        "reporters at the checkpoint on Monday evening."
    )
    today, monday = resolve_dates(text, as_date("2026-05-12"))
    assert today.day == monday.day == as_date("2026-05-11")
    assert with_days(text, "2026-05-12").startswith('"Today [11 May 2026] 1,100')
    # Without a day of saying, the quotation's "today" is the article's and is not bracketed.
    bare = '"Today 1,100 people crossed," Andrej Pohl said.'
    assert resolve_dates(bare, as_date("2026-05-12"))[0].day == as_date("2026-05-12")
    assert with_days(bare, "2026-05-12") == bare
    # Only the attribution of the quotation's own sentences dates it: another sentence's day tells another saying.
    passage = (
        '"My door is open today, tomorrow and every day," he told reporters. Transport Minister Ilse Marovic said on '
        "Sunday that the port would stay shut."
    )
    assert resolve_dates(passage, as_date("2026-03-02"))[0].day == as_date("2026-03-02")


def test_a_denial_dated_by_when_it_came_denies_no_figure() -> None:
    """Explore33d q23 set "The fund has registered 18,450 claims …" against "Tomas Haverland, the fund's
    administrator, rejected the claim within hours." (an MP's claim told just before it) as sources that disagree."""
    denial = "Tomas Haverland, the fund's administrator, rejected the claim within hours."
    items = [_dated(REGISTERED, "a", "2026-05-08", at=0), _dated(denial, "a", "2026-05-08", at=5)]
    assert not detect_conflicts(items)


def test_not_yet_negates_the_verb_after_it() -> None:
    """Explore33c q30: "the commission has not yet approved it" (10 March) and "because the truce commission had not
    approved the repair window" (14 March) say the same, not a change."""
    assert negated_words("the commission has not yet approved it") == {"approv"}
    # A restrictive relative clause picks out whom it is said of, and negates nothing said of all (explore27b).
    assert not negated_words("Families who have not yet given reference samples are asked to contact the offices.")
    assert negated_words("The families, who have not given samples, were told to wait.") == {"given"}
    items = [
        _dated(
            "The company notified the commission last Wednesday of the repair window its crews need to finish work on "
            "the ridge, but the commission has not yet approved it.",
            "a",
            "2026-03-10",
        ),
        _dated(
            "Halvtel called off the switch-on of the relay mast yesterday because the truce commission had not "
            "approved the repair window its crews needed to finish the work.",
            "b",
            "2026-03-14",
        ),
    ]
    assert not detect_conflicts(items)


def test_a_top_up_is_no_figure_of_the_cap() -> None:
    """Explore33d q26: "a top-up of up to 20,000 dorn" (18 May) was shown as the cap changed to 60,000 dorn."""
    top_up = (
        "Owners who have already been paid under the old cap of 40,000 dorn will receive a top-up of up to 20,000 "
        "dorn, to be paid from July 1, Finance Minister Adrian Solberg said."
    )
    assert compatible.counts_differ(top_up, "The cabinet raised the cap to 60,000 dorn in May.")


def test_a_figure_asked_by_its_noun_is_answered_by_a_span_giving_that_amount() -> None:
    """Explore33 q02 "daily limit at kovrin ford now?" quoted "A record 2,930 people crossed …, the first day of a
    higher daily limit", not "The Mixed Ceasefire Commission raised the limit to 3,000 crossings a day from 2,500";
    explore33d q16 "payout cap - what is it now?" quoted the day top-ups under the old cap begin."""
    assert amount_asked("daily limit at kovrin ford now?") == "limit"
    assert amount_asked("payout cap - what is it now?") == "cap"
    assert amount_asked("What is the daily limit at Kovrin Ford?") == "limit"
    assert answer_type("payout cap - what is it now?") == "number"
    assert amount_asked("What limits did the deal set?") is None  # asks which, not how much
    assert amount_asked("Who set the limit?") is None and answer_type("Who set the limit?") == "person"
    assert states_amount("limit", "The Commission raised the limit to 3,000 crossings a day from 2,500.")
    assert states_amount("cap", "The cap on payments was raised this month from 40,000 to 60,000 dorn.")
    assert not states_amount("cap", "Top-up payments for owners paid under the old cap of 40,000 dorn begin on July 1.")
    assert not states_amount(
        "limit", "A record 2,930 people crossed on Thursday, the first day of a higher daily limit."
    )
    record = (
        "A record 2,930 people crossed at the Kovrin Ford crossing point on Thursday, the first day of a higher daily "
        "limit, the State Border Service said."
    )
    raised = "The Mixed Ceasefire Commission raised the Kovrin Ford limit to 3,000 crossings a day from 2,500."
    passages = [_dated(record, "a", "2026-06-12", score=0.8), _dated(raised, "b", "2026-06-11", score=0.2)]
    found = _selector().select("daily limit at kovrin ford now?", passages)
    assert "3,000 crossings a day" in found.items[0].text
    # Only the word right before the noun may be missing: "velmar gas price now?" is not answered by another buyer's
    # price (explore22c).
    exchange = _dated(
        "On the Velmar Gas Exchange, the front-month contract closed at 421 euros per thousand cubic metres on Monday.",
        "c",
        "2026-11-24",
        score=0.5,
    )
    letter = _dated(
        "The letter says Belvania will buy gas from 1 January at a price of $318 per thousand cubic metres.",
        "d",
        "2026-11-24",
        score=0.3,
    )
    assert "Velmar Gas Exchange" in _selector().select("velmar gas price now?", [exchange, letter]).items[0].text


def test_who_has_the_final_say_is_answered_by_the_one_it_rests_with() -> None:
    """Explore33c q12: "Who has the final say on Lintra's licence?" quoted the regulator's proposed conditions, not
    "the NCA proposes the terms of a licence, but the decision to grant it rests with the minister …", which scored
    under them and was not chosen."""
    rests = (
        "Under the Communications Act, the NCA proposes the terms of a licence for Lintra, but the decision to grant "
        "it rests with the minister for digital affairs, Teodora Halsk, who has 30 days to rule."
    )
    doing = _agent_asked("Who has the final say on Lintra's licence?")
    assert doing is not None and doing.search(rests)
    # Not for an act that is no power: who announced something is not whom a decision rests with.
    announcing = _agent_asked("Who announced the licence?")
    assert announcing is not None and not announcing.search(rests)
    proposal = (
        "The recommendation comes with two conditions: Lintra must share any mast it repairs with Halvtel, and the "
        "licence fee is waived for the first six months."
    )
    # A sentence read but not chosen is sought only for a power asked: "collection points run by the IMT" does not
    # answer "who runs the monitoring mission now" (explore32b).
    assert _power_asked("Who has the final say on Lintra's licence?") and _power_asked("Who sets the cap?")
    assert not _power_asked("who runs the monitoring mission now")
    passages = [_dated(proposal + " " + rests, "a", "2026-03-20")]
    found = _selector().select("Who has the final say on Lintra's licence?", passages)
    assert "rests with the minister" in found.items[0].text


def test_a_figure_given_against_the_one_first_announced_revises_it() -> None:
    """Explore33 q03 answered "How many people made it through Kovrin Ford on its very first day?" with an analysis
    repeating 1,100, beside "It said 1,340 people crossed on Monday, not about 1,100 as it announced that evening"."""
    column = "On the first day 1,100 people crossed, many of them after a night on the verge."
    report = "It said 1,340 people crossed on Monday, not about 1,100 as it announced that evening."
    assert revises_figure(column, report)
    assert not revises_figure(column, "It said 1,340 people crossed on Monday, not 1,100 on Tuesday.")


def test_asked_who_runs_it_now_a_report_naming_the_new_head_leads_a_column_on_the_acting_one() -> None:
    """Explore33d q06: "who runs the homes fund now" led with a 10 June analysis, "Until a permanent administrator is
    found, Ines Vallgren runs the fund on an acting basis", over the same day's wire, "… its first weekly figures under
    its new administrator, Matthias Oderwald"."""
    column = _dated(
        "Until a permanent administrator is found, Ines Vallgren runs the homes fund on an acting basis.",
        "a",
        "2026-06-10",
        "analysis",
        score=0.8,
    )
    wire = _dated(
        "The homes fund had paid 6,340 claims by Tuesday, it said in its first weekly figures under its new "
        "administrator, Matthias Oderwald.",
        "b",
        "2026-06-10",
        score=0.4,
    )
    found = _selector().select("who runs the homes fund now", [column, wire])
    assert "Matthias Oderwald" in found.items[0].text
    # Not asked "now", the column keeps its place; and an older report does not lead it.
    assert "Vallgren" in _selector().select("who ran the homes fund in June", [column, wire]).items[0].text
    older = _dated(wire.text, "b", "2026-05-20", score=0.4)
    assert "Vallgren" in _selector().select("who runs the homes fund now", [column, older]).items[0].text


def test_the_figures_a_leading_span_is_searched_by() -> None:
    """A report revising a figure names it, and a column's other words drown it in a search with the whole span
    (explore33 q03): the figures searched with are the span's own, not its years nor a month's days."""
    from rag.answer.chain import _figures

    lead = "Kovrin Ford reopened on May 11, 2026. On 12 May 1,100 people crossed, 340 of them pensioners, in 47 cars."
    # Each with the word after it, which the revising report repeats (explore41d q24).
    assert _figures(lead) == ["1,100 people", "340", "47 cars"]
    assert _figures(lead, digits=3) == ["1,100 people", "340"]
    assert _figures("The fund paid out 1.8 billion dorn to 47.") == ["47"]


def test_a_record_days_figure_and_another_days_are_two_quantities() -> None:
    """Explore33 q03 set "It said 1,340 people crossed on Monday" against "on its best day so far, the first day of the
    electronic queue, 2,140 people crossed" as sources that disagree, and q19 told "A record 2,930 people crossed" a
    month later as the count changed."""
    monday = "It said 1,340 people crossed on Monday, not about 1,100 as it announced that evening."
    best = "On its best day so far, the first day of the electronic queue, 2,140 people crossed."
    record = "A record 2,930 people crossed at the Kovrin Ford crossing point on Thursday, the border service said."
    assert compatible.record_and_other(monday, "1,340 people crossed", best, "2,140 people crossed")
    assert compatible.record_and_other(monday, "1,340 people crossed", record, "record 2,930 people crossed")
    assert not compatible.record_and_other(best, "2,140 people crossed", record, "2,930 people crossed")
    assert not detect_conflicts([_dated(monday, "a", "2026-05-15"), _dated(record, "b", "2026-06-12")])
    # A level called the highest is the level itself: the rate rose (news suite boe-rate).
    raised = "The central bank has raised its interest rate from 1.25% to 1.75%."
    highest = "The Bank has increased its base rate by 0.5 points to 2.25%, the highest it has been since 2008."
    assert not compatible.record_and_other(
        raised, "rate from 1.25% to 1.75%", highest, "base rate by 0.5 points to 2.25%"
    )


def test_a_stand_in_named_by_surname_after_a_resignation_answers_who_led_after_it() -> None:
    """Explore33c q11: "Who led Halvtel's repair effort in Tormeny in the weeks after Pellerin quit?" led with an
    analysis naming no stand-in, not "… Jonas Pellerin, the director of its Tormeny restoration programme, had
    resigned. Jorvet will lead the programme on an acting basis": Pellerin's leaving went unread behind its apposition,
    and "Jorvet", opening a second sentence, was read as no name."""
    from rag.evidence.entities import departed, names_someone

    report = (
        "Hours after the switch-on was called off, Halvtel announced that Jonas Pellerin, the director of its Tormeny "
        "restoration programme, had resigned. Jorvet will lead the programme on an acting basis, the company said."
    )
    question = "Who led Halvtel's repair effort in Tormeny in the weeks after Pellerin quit?"
    assert departed(report) == "Jonas Pellerin"
    assert names_someone(report, analyze(question))
    # A sentence opening with the question's own name names no one else.
    assert not names_someone("The talks stalled. Pellerin resigned on Friday.", analyze(question))
    column = _dated(
        "Lintra Mobile has yet to switch on a single mast. And Halvtel's programme is still being run on an acting "
        "basis, nearly a month after Jonas Pellerin resigned over a radio interview.",
        "b",
        "2026-04-08",
        "analysis",
        score=0.6,
    )
    found = _selector().select(question, [column, _dated(report, "a", "2026-03-14", score=0.5)])
    assert "Jorvet will lead" in found.items[0].text


def test_who_is_in_charge_of_a_checkpoint_asks_for_its_commander() -> None:
    """Explore33 q06: "who is in charge of the serevian checkpoint at kovrin ford now" read no post, so the newest
    report naming its commander ("named Colonel Teodora Vilk as the new commander of the Serevian checkpoint") was not
    sought and the answer named no one."""
    from rag.evidence.definition import asked_post, names_holder

    post = asked_post("who is in charge of the serevian checkpoint at kovrin ford now")
    assert post is not None and post.body == "serevian checkpoint at kovrin ford"
    assert names_holder(
        post, "The State Border Service named Colonel Teodora Vilk as the new commander of the Serevian checkpoint."
    )
    assert asked_post("who is in charge of the checkpoint?") is not None
    assert asked_post("Where is the checkpoint?") is None
    # A body's meeting place is no part of the post: "Who led the Russian delegation in Geneva?" (bundled) asks no
    # post this reads.
    assert asked_post("Who led the Russian delegation in Geneva?") is None


def test_who_said_words_a_quotation_gives_is_answered_by_the_span_quoting_them() -> None:
    """Explore33b q30: "Who branded the team leader an obstacle to justice?" abstained (0.54) beside "Valdic told
    parliament yesterday that the mission's team leader, Dr Aurek Feyre, had become 'an obstacle to justice'"."""
    from rag.evidence.speaker import echoes_quote

    said = (
        "Valdic told parliament yesterday that the mission's team leader, Dr Aurek Feyre, had become 'an obstacle to "
        "justice' by refusing to share evidence."
    )
    assert echoes_quote("Who branded the team leader an obstacle to justice?", said)
    assert not echoes_quote("Who is the team leader?", said)  # no quoted words asked
    assert not echoes_quote("Who said it was to justice?", said)  # "to justice": one content word
    from tests.test_explore31_rules import _never_answering

    selector = _never_answering()
    found = selector.select("Who branded the team leader an obstacle to justice?", [_dated(said, "a", "2026-03-19")])
    assert found.answerable and "Valdic" in found.items[0].text
    assert not selector.select("Who led the team at the grave?", [_dated(said, "a", "2026-03-19")]).answerable


def test_a_misspelt_word_a_headline_capitalises_is_respelt_as_a_plain_word() -> None:
    """Explore33 q13: "how many pensoiners has the pension fund identified so far" was respelt "Pensioners'" after a
    headline's possessive, read as a name no passage holds, and abstained beside "The Serevian Pension Fund has
    identified 14,600 pensioners …"."""
    from rag.evidence.casing import restore_case

    texts = ["Pensioners' queue grows at Kovrin", "The Pension Fund has identified 14,600 pensioners since May 11."]
    fixed = restore_case("how many pensoiners has the pension fund identified so far", texts)
    assert fixed.startswith("how many pensioners has")


def test_a_bare_denial_answers_the_account_told_nearest_before_it() -> None:
    """Explore33b q30 set "The IEM rejected the charge, saying its rules applied equally to both sides" against Dr
    Marrasch's "A count that never goes down is a count nobody has checked", told before Valdic's charge, which the
    denial answers."""
    from rag.types import Evidence

    marrasch = '"A count that never goes down is a count nobody has checked," said Dr Ilka Marrasch.'
    valdic = 'Valdic told parliament that the team leader had become "an obstacle to justice".'
    denial = "The IEM rejected the charge, saying its rules applied equally to both sides."
    passage = _dated(f"{marrasch} {valdic} {denial}", "a", "2026-03-19")

    def said(text: str) -> Evidence:
        start = passage.text.index(text)
        return Evidence(text, passage, start, start + len(text), 0.5)

    found = detect_conflicts([said(valdic), said(denial), said(marrasch)])
    pairs = [{side.text for side in c.sides} for c in found]
    assert {valdic, denial} in pairs and {marrasch, denial} not in pairs
    # The claimant's own words after the claim still tell it: the denial answers the claim (explore33d q08).
    claim = "Oskar Brenn said the fund had paid at least 900 claims without anyone visiting the property."
    more = "'People are being paid for houses nobody has looked at,' Brenn said."
    rejected = "Tomas Haverland, the fund's administrator, rejected the claim within hours."
    passage = _dated(f"{claim} {more} {rejected}", "b", "2026-05-08")
    found = detect_conflicts([said(claim), said(rejected), said(more)])
    assert any({side.text for side in c.sides} == {claim, rejected} for c in found)
