"""Rules drawn from the session-38 stories (explore38-38d, development data since their reading): the course of a count
("How has the number of vouchers handed out changed?") answered by each report's figure after its day, like counted
with like; a weekday told with its week ("on Thursday next week", "on Friday last week")."""

from __future__ import annotations

from datetime import date

from rag.news.conflicts import detect_conflicts
from rag.news.course import course, course_asked, figures
from rag.news.dates import resolve_dates
from rag.news.sameness import value_conflict
from rag.news.values import values_in
from rag.types import Evidence, Passage


def _dated(text: str, article: str, published: str, genre: str | None = None) -> Passage:
    return Passage(f"{article}::0", article, text, "Story", 0, len(text), 0.5, "Wire", published, None, genre)


def _evidence(text: str, article: str, published: str, genre: str | None = None) -> Evidence:
    return Evidence(text=text, passage=_dated(text, article, published, genre), start=0, end=len(text), score=0.5)


def _conflict(a: str, b: str, day_a: date, day_b: date) -> tuple[str, str] | None:
    found = value_conflict(a, b, values_in(a, day_a), values_in(b, day_b), across_time=True)
    return (found[1].shown, found[2].shown) if found else None


def _days(text: str, published: str) -> list[tuple[str, date | None]]:
    return [(r.text, r.day) for r in resolve_dates(text, published)]


def test_a_weekday_told_with_its_week() -> None:
    """Explore38b q27 bracketed "on Thursday next week" (said on a Tuesday, printed on Wednesday 25 March) as the
    Thursday of the same week; explore38c q32 bracketed "On Friday last week" (printed on Friday 3 July) as that day."""
    said = "The union said on Tuesday that its members would drive their tractors into Varkov on Thursday next week."
    assert _days(said, "2026-03-25")[-1] == ("Thursday next week", date(2026, 4, 2))
    decided = "On Friday last week it decided to keep the round to children under five."
    assert _days(decided, "2026-07-03") == [("Friday last week", date(2026, 6, 26))]
    assert _days("The board meets on Monday this week.", "2026-07-03") == [("Monday this week", date(2026, 6, 29))]
    # Without its week, the weekday reads as before.
    assert _days("The board met on Friday.", "2026-07-03") == [("Friday", date(2026, 7, 3))]


def test_the_count_a_course_question_asks_for() -> None:
    asked = course_asked("How has the number of vouchers handed out changed since early March?")
    assert asked is not None and asked.noun == "vouchers" and "issue" in asked.qualifiers
    flown = course_asked("How has the number of water-bombing flights actually flown across the line grown?")
    assert flown is not None and flown.noun == "flights" and "flown" in flown.qualifiers
    assert course_asked("How many vouchers have been handed out?") is None
    assert course_asked("How has Velmora's count of its citizens held in Tazhir changed?") is None
    assert course_asked("How has the ministry's stance changed?") is None


def test_a_figure_counts_the_asked_thing_and_nothing_else() -> None:
    """Explore38b q05 quoted "The 870 vouchers issued on them were cancelled …" alone, as if the count had fallen."""
    asked = course_asked("How has the number of vouchers handed out changed since early March?")
    assert asked is not None
    cancelled = _dated("The 870 vouchers issued on them were cancelled.", "a8", "2026-04-07")
    applied = _dated("The ministry had received 11,300 applications for vouchers.", "a2", "2026-03-11")
    dated = _dated("The agency replaced them on June 4 with chip vouchers.", "a3", "2026-06-05")
    corrected = _dated(
        "*Correction: An earlier version of this article said 85 vouchers had been issued.", "a4", "2026-03-12"
    )
    for passage in (cancelled, applied, dated, corrected):
        assert figures(asked, passage) == []
    issued = _dated(
        "By Tuesday evening the ministry had received 11,300 applications for vouchers and issued 3,900 vouchers, it "
        "said.",
        "a2",
        "2026-03-11",
    )
    (found,) = figures(asked, issued)
    assert (found.value, found.day) == (3900.0, date(2026, 3, 10))  # the day told after "By"


def test_a_course_is_each_value_at_its_first_day_in_order() -> None:
    asked = course_asked("How has the number of vouchers handed out changed since early March?")
    assert asked is not None
    passages = [
        _dated(
            "Kelmaria has issued 19,880 seed and fertiliser vouchers, the ministry said on Tuesday.", "a8", "2026-04-07"
        ),
        _dated("By Wednesday the ministry had issued 8,100 vouchers.", "a3", "2026-03-20"),
        _dated("Barely 8,100 vouchers have been issued, the analysis says.", "a9", "2026-04-08", genre="analysis"),
        _dated("By Tuesday evening the ministry had issued 3,900 vouchers, it said.", "a2", "2026-03-11"),
    ]
    shown = [(f.value, f.day) for f in course(asked, passages)]
    assert shown == [(3900.0, date(2026, 3, 10)), (8100.0, date(2026, 3, 18)), (19880.0, date(2026, 4, 7))]
    # One value is no course.
    assert course(asked, passages[1:3]) == []


def test_a_course_counts_like_with_like() -> None:
    """Explore35 q05 ("patients airlifted") would have shown a hospital's list and a count of patients treated abroad;
    explore34d q03 ("flights actually flown") the flights cleared."""
    asked = course_asked(
        "How has the number of patients airlifted out of Dalvany changed since the helicopters started?"
    )
    assert asked is not None
    passages = [
        _dated("The hospital's first list contains 148 patients, officials said.", "a1", "2026-06-02"),
        _dated("Helicopters flew 41 patients out of Dalvany on Monday and Tuesday.", "a2", "2026-06-10"),
        _dated("Sallenair Rescue has flown 74 patients out of Dalvany since the flights began.", "a3", "2026-06-16"),
        _dated("A hospital in Aldsted is now treating 27 patients from Dalvany.", "a4", "2026-07-03"),
    ]
    assert [f.value for f in course(asked, passages)] == [41.0, 74.0]
    flown = course_asked("How has the number of flights actually flown across the line grown?")
    assert flown is not None
    cleared = [
        _dated("By Wednesday evening the commission had cleared 48 flights over the line.", "b1", "2026-07-23"),
        _dated("Before the suspension the commission had cleared 112 flights over the line.", "b2", "2026-07-25"),
    ]
    assert course(flown, cleared) == []  # "actually flown": no figure told so, no course


VOUCHER_ARTICLES = [
    {
        "title": "Voucher applications pile up",
        "outlet": "Varkov Gazette",
        "published": "2026-03-11",
        "body": "By Tuesday evening the ministry had received 11,300 applications for vouchers and issued 3,900 "
        "vouchers, it said. Farmers queued at the depots.",
    },
    {
        "title": "Vouchers cancelled after audit",
        "outlet": "Tovrin Press Agency",
        "published": "2026-04-07",
        "body": "Kelmaria has issued 19,880 seed and fertiliser vouchers to farmers, the agriculture ministry said on "
        "Tuesday. The 870 vouchers issued on duplicate applications were cancelled.",
    },
    {
        "title": "First weekly voucher figures",
        "outlet": "Field & Market Weekly",
        "published": "2026-03-20",
        "body": "By Wednesday the ministry had received 19,200 applications for vouchers and issued 8,100 vouchers, "
        "according to its first weekly figures.",
    },
]


def test_the_course_of_a_count_is_each_reports_figure_after_its_day(settings, ephemeral_client, tmp_path) -> None:
    """Explore38b q05: the answer, in the default (compose) mode, was the cancellation alone."""
    import json

    from tests.conftest import make_assistant

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "articles.json").write_text(json.dumps(VOUCHER_ARTICLES), encoding="utf-8")
    settings.retrieval.min_relevance = 0.0  # hashing embeddings: the passages found are read whatever they score
    assistant = make_assistant(settings, ephemeral_client, ["The ministry cancelled 870 vouchers [1]."])
    assert assistant.ingest(folder).ok
    answer = assistant.ask("How has the number of vouchers handed out changed since early March?")
    assert answer.text.startswith("As of 7 April 2026: On 10 March 2026: “By Tuesday evening the ministry had received")
    assert answer.text.index("3,900") < answer.text.index("8,100") < answer.text.index("19,880")
    assert "On 18 March 2026:" in answer.text and "On 7 April 2026:" in answer.text
    assert "cancelled" not in answer.text and all(s.quoted for s in answer.sentences)
    assert all(c.kind != "change" for c in answer.conflicts)  # the course tells the change itself


def test_what_a_thing_can_hold_is_no_limit_set_on_it() -> None:
    """Explore38 q16 noted the first cap ("may carry up to 180 passengers") changing to the new ferry's capacity
    ("The ship can carry 320 passengers")."""
    cap = "The ferry may carry up to 180 passengers on each sailing, the ministry said."
    capacity = "The ship can carry 320 passengers, but the cap of 240 passengers per sailing still applies."
    assert _conflict(cap, capacity, date(2026, 5, 5), date(2026, 6, 9)) == ("180", "240")
    alone = "The ship can carry 320 passengers."
    assert _conflict(cap, alone, date(2026, 5, 5), date(2026, 6, 9)) is None


def test_ships_ordered_are_no_count_of_ships_delivered() -> None:
    """Explore38 q26 noted "four new ferries" ordered changing to "Two new ferries … delivered"."""
    ordered = "Dunvaria ordered four new ferries from the Brekkeby shipyard in January."
    delivered = "Two new ferries from the Brekkeby shipyard have been delivered but are not yet licensed."
    assert _conflict(ordered, delivered, date(2026, 5, 5), date(2026, 5, 27)) is None
    later = "Three new ferries from the Brekkeby shipyard have now been delivered."
    assert _conflict(delivered, later, date(2026, 5, 27), date(2026, 6, 10)) == ("Two", "Three")


def test_a_column_restating_a_higher_running_count_is_no_disagreement() -> None:
    """Explore38b q04 showed a report's "issued 8,100 vouchers" (20 March) and a column's "Barely 12,450 vouchers have
    been issued" (7 April) as sources that disagree: the count grew."""
    report = _evidence("By Wednesday the ministry had issued 8,100 vouchers to farmers.", "a3", "2026-03-20")
    column = _evidence(
        "Barely 12,450 vouchers have been issued to farmers, and issuing was suspended.", "a9", "2026-04-07", "analysis"
    )
    assert detect_conflicts([report, column]) == []
    lower = _evidence(
        "Barely 6,450 vouchers have been issued to farmers, and issuing was suspended.", "a9", "2026-04-07", "analysis"
    )
    assert [c.kind for c in detect_conflicts([report, lower])] == ["conflict"]


VISIT_ARTICLES = [
    {
        "title": "Polio round postponed",
        "outlet": "Rendale Herald",
        "published": "2026-07-03",
        "body": "The agency's director-general, Dr Ferdinand Rocheteau, will visit Tollerby next Tuesday to meet the "
        "vaccination teams, it said.",
    },
    {
        "title": "Doses arrive",
        "outlet": "Rendale Herald",
        "published": "2026-07-04",
        "body": "The ICHA said new doses for the Tollerby cold store had arrived last week.",
    },
    {
        "title": "Second round ends",
        "outlet": "Stanmere Wire",
        "published": "2026-07-15",
        "body": "The second round of polio vaccination reached 46,900 children, the health ministry said on Tuesday.",
    },
]


def test_a_plan_is_no_answer_to_when_it_happened(settings, ephemeral_client, tmp_path) -> None:
    """Explore38c q20 and explore37c q20 gave a visit's plan ("will visit Tollerby next Tuesday") as when it happened;
    no article reports the visit."""
    import json

    from tests.conftest import make_assistant

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "articles.json").write_text(json.dumps(VISIT_ARTICLES), encoding="utf-8")
    settings.retrieval.min_relevance = 0.0
    settings.evidence.answerable_threshold = 0.0  # the answer model always answers: the rule decides
    assistant = make_assistant(settings, ephemeral_client, ["He visited Tollerby on 7 July [1]."])
    assert assistant.ingest(folder).ok
    answer = assistant.ask("When did the ICHA's director-general visit Tollerby?")
    assert answer.text.startswith("The articles give only the plan, not when it happened: “The agency's director")
    assert "arrived last week" not in answer.text and "visited" not in answer.text
    assert answer.evidence is not None and answer.evidence.plan_only
    # Told done, it is answered as before.
    done = dict(
        VISIT_ARTICLES[2],
        body="The agency's director-general, Dr Ferdinand Rocheteau, visited Tollerby on "
        "Tuesday to meet the vaccination teams.",
        title="Director visits",
    )
    (folder / "done.json").write_text(json.dumps([done]), encoding="utf-8")
    assert assistant.ingest(folder).ok
    assert not assistant.ask("When did the ICHA's director-general visit Tollerby?").text.startswith(
        "The articles give"
    )


def test_who_said_no_one_did_it_is_the_one_saying_so() -> None:
    """Explore38 q09 quoted the ministry's claim that officers would collect the passports, for who insisted that
    nobody had demanded them."""
    from rag.evidence import EvidenceSelector
    from rag.evidence.speaker import SAYS_NONE, denial_asked
    from rag.settings import EvidenceSettings
    from tests.fakes import HashingEmbeddings

    assert denial_asked("Who insisted that nobody had demanded passengers hand over their passports?")
    assert denial_asked("Who said nobody had ever been detained at Brannoc?")
    assert not denial_asked("Who said the convoy report was false?")
    assert SAYS_NONE.search("“No one has asked for anyone's passport,” spokesman Dorin Asvald said in Kessvik.")
    assert SAYS_NONE.search("“Not one gate at Morrab has been opened since March,” he said.")
    assert not SAYS_NONE.search("“No Dunvarian citizen will hand over a passport to cross a lake,” she said.")
    claim = (
        "Ministry spokeswoman Mirja Haskell said on Monday that Peltraskan border officers had demanded that "
        "passengers hand over their passports at the gangway."
    )
    denial = "“No one has asked for anyone's passport,” spokesman Dorin Asvald said in Kessvik."
    text = f"{claim} Peltrask denied the claim within hours. {denial}"
    passage = Passage("a02::0", "a02", text, "Ferry held", 0, len(text), 0.6, "Courier", "2026-05-12", None, None)
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(answerable_threshold=0.0))
    question = "Who insisted that nobody had demanded passengers hand over their passports?"
    evidence = selector.select(question, [passage])
    assert evidence.items[0].text.startswith("“No one has asked")


def test_a_participle_closing_an_event_names_what_happened() -> None:
    """Explore38b q18 ("Was voucher issuing halted before or after Brezan resigned?") dated the halt by "The 870
    vouchers issued on them were cancelled, which reduced the … count of 12,450 vouchers issued by March 24"."""
    from rag.news.order import tells_event

    cancelled = (
        "The 870 vouchers issued on them were cancelled, which reduced the count of vouchers issued by March 24."
    )
    assert not tells_event("voucher issuing halted", cancelled)
    assert tells_event("voucher issuing halted", "On Friday the acting minister suspended the issuing of vouchers.")
    assert tells_event("the court halting the recount", "The court halted the recount on Monday.")


def test_an_articles_own_words_do_not_deny_each_other() -> None:
    """Explore38d q21 noted the anthem played "instead of a national anthem" and the athletes competing "with no flag
    and no national name", two sentences of one report, as sources that disagree."""
    anthem = (
        "If a neutral athlete wins a title, the IAC's own anthem, a short brass fanfare written for the "
        "confederation's centenary, is played instead of a national anthem."
    )
    grey = (
        "The neutral Ostrevians compete in grey, with no flag and no national name, and their medals are not counted "
        "in the medal table."
    )
    items = [
        Evidence(
            text,
            Passage(f"a07::{n}", "a07", text, "Neutrals", 0, len(text), 0.5, "Radio", "2026-05-31"),
            0,
            len(text),
            0.5,
        )
        for n, text in enumerate((anthem, grey))
    ]
    assert detect_conflicts(items) == []


def test_a_note_quotes_a_number_whole() -> None:
    """Explore32b q16's note quoted "214 small arms and 23 heavy weapons" from "had received 2,214 small arms and 23
    heavy weapons": the comma of the number was read as a clause's."""
    from rag.news.conflicts import _phrase

    text = "By Wednesday the IMT had received 2,214 small arms and 23 heavy weapons."
    assert _phrase(text, "23", at=text.index("23 heavy")) == "2,214 small arms and 23 heavy weapons"
    assert _phrase("Since May 4, 2026, it has issued 980 cards.", "980") == "it has issued 980 cards"


def test_how_wide_asks_for_a_number() -> None:
    """Explore38 q24, "How wide is the cleared lane the ferry has to stay inside?", abstained beside "The ferry must
    stay inside a corridor 400 metres wide" (0.73): the question was read as asking for no number."""
    from rag.evidence.question import answer_type

    assert answer_type("How wide is the cleared lane the ferry has to stay inside?") == "number"
    assert answer_type("How big was the no-fire zone around the broken line?") == "number"
    assert answer_type("How deep is the reservoir now?") == "number"
    assert answer_type("Why did it get cheaper to take a car on the ferry?") != "number"


def test_who_decides_how_big_asks_for_who() -> None:
    """The "how wide/big" numbers ask for no number under "who": explore33d q14."""
    from rag.evidence.question import answer_type
    from rag.evidence.speaker import denial_asked

    assert answer_type("Who gets the final say on how big the maximum payout is?") == "person"
    assert answer_type("Who has the final say on how heavy a lorry can be?") == "person"
    # "nothing but" denies nothing (explore35 q30).
    assert not denial_asked("Who said the besieged hospital had been kept going on nothing but nerve and fuel?")
    assert denial_asked("Who insisted that nothing for the centre had ever turned up at the Grenn border post?")


def test_the_course_of_a_measure() -> None:
    """Explore37c q05 ("How has the centre's waiting list changed since the beginning of April?") showed only the last
    two figures; explore32d q04 (the demobilisation payment) abstained."""
    waiting = course_asked("How has the centre's waiting list changed since the beginning of April?")
    assert waiting is not None and waiting.measure and waiting.noun == "list"
    assert course_asked("How has the ministry's stance changed?") is None  # no quantity
    passages = [
        _dated("The centre's waiting list now stands at 1,380 after the registers were merged.", "a5", "2026-04-29"),
        _dated("The list stood at 1,140 at the start of April.", "a5b", "2026-04-29"),
        _dated("Its waiting list stands at 1,520, up from 1,380 at the end of April.", "a8", "2026-05-13"),
    ]
    shown = [(f.value, f.day) for f in course(waiting, passages)]
    assert shown == [(1140.0, date(2026, 4, 1)), (1380.0, date(2026, 4, 29)), (1520.0, date(2026, 5, 13))]
    payment = course_asked("How has the demobilisation payment changed since the government first proposed it?")
    assert payment is not None and payment.measure
    raised = _dated("Deputies raised the demobilisation payment from 3,000 kren to 4,000 kren.", "a8", "2026-05-20")
    assert [f.value for f in figures(payment, raised)] == [4000.0]  # the figure it was raised to, not from
    estimated = _dated("The bank estimated the lost trade separately at $22 billion.", "a6", "2026-04-28")
    damage = course_asked("How has the estimate of war destruction changed?")
    assert damage is not None and figures(damage, estimated) == []  # a verb of the noun's stem gives no estimate


def test_a_courses_figures_of_two_days_are_no_sources_that_disagree(settings, ephemeral_client, tmp_path) -> None:
    """Explore23 q04 noted "180 monitors had been deployed" (6 April) against "342 monitors deployed" (12 May) as two
    sources that disagree, under a course that tells the rise itself."""
    import json

    from tests.conftest import make_assistant

    articles = [
        {
            "title": "Mission deploys",
            "outlet": "Inner Sea Wire",
            "published": "2026-04-06",
            "body": "The Concord of Inner Sea States, which runs the unarmed mission, said 180 monitors had been "
            "deployed.",
        },
        {
            "title": "Mission grows",
            "outlet": "Brannholt Courier",
            "published": "2026-05-12",
            "body": "The mission currently has 342 monitors deployed, its spokesman Joran Pekkel said.",
        },
    ]
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "articles.json").write_text(json.dumps(articles), encoding="utf-8")
    settings.retrieval.min_relevance = 0.0
    assistant = make_assistant(settings, ephemeral_client, ["unused"])
    assert assistant.ingest(folder).ok
    answer = assistant.ask("How has the number of monitors changed since the deployment began?")
    assert "On 6 April 2026:" in answer.text and "On 12 May 2026:" in answer.text
    assert answer.conflicts == []
