"""Rules drawn from the session-34 stories (explore34-34d, development data since their reading): the deadline of what
was asked lies ahead, a restrictive "whose … has not" negates nothing, two fleets told in both sentences are no change,
a power's holder named by post, a count of the very thing asked "now", a sloppy "back on?", heads of schools and funds,
and an older "still not running" beside a reported return."""

from __future__ import annotations

from rag.answer.support import negated_words
from rag.evidence import EvidenceSelector
from rag.evidence.definition import asked_post, names_holder
from rag.evidence.entities import agentless, dates_the_event, has_type, tells_succession
from rag.evidence.question import analyze
from rag.evidence.speaker import others_words
from rag.news.conflicts import detect_conflicts
from rag.news.counts import count_asked, gives_asked_count
from rag.news.dates import resolve_dates
from rag.news.recency import asks_return, wants_latest
from rag.settings import EvidenceSettings
from rag.types import Passage
from tests.fakes import HashingEmbeddings


def _dated(
    text: str, article: str, published: str, genre: str | None = None, at: int = 0, score: float = 0.5
) -> Passage:
    return Passage(f"{article}::{at}", article, text, "Schools", 0, len(text), score, "Wire", published, None, genre)


def _selector() -> EvidenceSelector:
    return EvidenceSelector(HashingEmbeddings(), EvidenceSettings())


def _days(text: str, published: str) -> list[str]:
    return [str(r.date_from) for r in resolve_dates(text, published)]


def test_the_deadline_of_what_was_asked_lies_ahead() -> None:
    """Explore34b q28 showed "The panel has asked Karsova to hand over by Friday [8 May] the flight records" in a
    Thursday 14 May report; explore16's "committed to concluding a full ceasefire agreement by March 15" (6 March) was
    read as 15 March of the year before."""
    asked = "The panel has asked Karsova to hand over by Friday the flight records of its drone units."
    assert _days(asked, "2026-05-14") == ["2026-05-15"]
    committed = "Both delegations had committed to concluding a full ceasefire agreement by March 15."
    assert _days(committed, "2026-03-06") == ["2026-03-15"]
    # A "to" of no act asked keeps the day gone by: a request that went unanswered, a service restored.
    unanswered = "The ministry did not respond to several requests for comment by Tuesday evening."
    assert _days(unanswered, "2026-03-25") == ["2026-03-24"]
    restored = "Power had been restored to about two-thirds of the affected customers by Wednesday morning."
    assert _days(restored, "2026-03-26") == ["2026-03-25"]


def test_whose_thing_has_not_picks_out_and_negates_nothing() -> None:
    """Explore34 q24: "Seventeen schools … have been cleared" and "those whose school has not been cleared will go on
    learning online" were shown as sources that disagree."""
    picks = "The schools have 11,400 pupils, and those whose school has not been cleared will go on learning online."
    assert not negated_words(picks)
    assert negated_words("School No. 3 has not been cleared.") == {"clear", "3"}
    cleared = "Seventeen schools in four towns near the line of contact have been cleared to teach pupils in person."
    assert not detect_conflicts([_dated(cleared, "a", "2026-08-24"), _dated(picks, "b", "2026-08-24")])


def test_two_figures_each_sentence_gives_are_no_change() -> None:
    """Explore34d q28: "Ellandor has sent four amphibious water bombers to join the six aircraft of the air wing …"
    (23 July) and "Each of the four Ellandorian aircraft carries about 6,000 litres; the six Marvenian aircraft …" (28
    July) were told as six aircraft become four."""
    sent = "Ellandor has sent four amphibious water bombers to join the six aircraft of the air wing of Marvenia."
    each = (
        "Each of the four Ellandorian aircraft carries about 6,000 litres; the six Marvenian aircraft carry half that."
    )
    assert not detect_conflicts([_dated(sent, "a", "2026-07-23"), _dated(each, "b", "2026-07-28")])
    # A figure one sentence alone gives is still revised.
    more = "Ellandor has sent six amphibious water bombers to fight the fire, its interior ministry said."
    fewer = "Ellandor has sent four amphibious water bombers to fight the fire, its interior ministry said."
    assert detect_conflicts([_dated(fewer, "a", "2026-07-23"), _dated(more, "b", "2026-07-28")])


def test_who_decides_is_answered_by_the_post_holding_the_power() -> None:
    """Explore34 q22: "Who gets to decide the date of the special exam - the testing centre?" abstained beside "the
    testing centre proposes the examination calendar, but only the education minister can set or change an exam
    date": a power's holder named by post, not by name."""
    law = _dated(
        "Under the education law, the testing centre proposes the examination calendar, but only the education "
        "minister can set or change an exam date, by ministerial order.",
        "a",
        "2026-09-08",
    )
    found = _selector().select("Who gets to decide the date of the special exam - the testing centre?", [law])
    assert found.answerable and "only the education minister" in found.items[0].text
    # Asked who did something other than hold a power, a post with no name is no answer.
    assert not _selector().select("Who announced the date of the special exam?", [law]).answerable


def test_asked_now_a_count_of_the_very_thing_leads_another_count() -> None:
    """Explore34 q24: "How many schools in the four towns are allowed to hold lessons in person now?" led with "an
    average of 9,100 pupils a day attended lessons in person" (0.48) over "Twenty-four of the 38 schools … are now
    cleared to teach in person" (0.23)."""
    pupils = _dated(
        "Across the four towns, an average of 9,100 pupils a day attended lessons in person last week, the education "
        "ministry said on Tuesday.",
        "a",
        "2026-09-16",
        score=0.9,
    )
    schools = _dated(
        "Twenty-four of the 38 schools in Holtsk, Dubrenko and Marevik are now cleared to teach in person, the "
        "ministry "
        "said.",
        "b",
        "2026-09-16",
        score=0.3,
    )
    question = "How many schools in the four towns are allowed to hold lessons in person now?"
    assert "38 schools" in _selector().select(question, [pupils, schools]).items[0].text


def test_a_verbless_back_on_asks_for_the_state_now() -> None:
    """Explore34b q06: "blue-7 patrols - back on?" quoted the suspension "reviewed before it expires tomorrow" of 7 May;
    patrols had resumed on 1 June."""
    for question in ("blue-7 patrols - back on?", "kell channel open again?", "Is the bridge open again?"):
        assert wants_latest(question) and asks_return(question), question
    for question in ("Did the talks start again?", "When did the patrols get back on the road?"):
        assert not asks_return(question), question


def test_the_head_of_a_school_or_a_fund_is_a_post() -> None:
    """Explore34 q06 "who runs holtsk school no 3 now" abstained beside "Viktor Sandul, 51, took up his post as
    headteacher of Holtsk School No. 3 on Monday"; explore34c q06 "who runs the state pension fund now" (its case
    restored from the passages as "State pension Fund") beside "said Lidia Osterling, the Fund's director"; explore34b
    q08 beside "… appointed Oskar Lindtrave, a former director of …, to chair the independent panel …"."""
    school = asked_post("who runs holtsk school no 3 now")
    assert school is not None and school.body == "holtsk school no 3"
    assert names_holder(school, "Viktor Sandul, 51, took up his post as headteacher of Holtsk School No. 3 on Monday.")
    fund = asked_post("who runs the State pension Fund now")
    assert fund is not None
    assert names_holder(fund, '"It is not a statistic," said Lidia Osterling, the Fund\'s director.')
    panel = asked_post("who is chairing the kelvany investigation panel now")
    appointed = (
        "The Permanent Committee on Monday appointed Oskar Lindtrave, a former director of Ystria's forensic "
        "institute, to chair the independent panel investigating the drone strike near Kelvany."
    )
    assert panel is not None and names_holder(panel, appointed)
    spokesman = asked_post("Who is the spokesman of the Kelvany Panel?")
    assert spokesman is not None and not names_holder(spokesman, appointed)
    found = _selector().select(
        "who runs holtsk school no 3 now",
        [
            _dated(
                "Holtsk School No. 3 reopened in its basement with 598 of its 760 pupils.", "a", "2026-09-14", score=0.9
            ),
            _dated(
                "Viktor Sandul, 51, took up his post as headteacher of Holtsk School No. 3 on Monday.",
                "b",
                "2026-09-25",
            ),
        ],
    )
    assert found.answerable and "Viktor Sandul" in found.items[0].text


def test_a_reported_return_leaves_out_an_older_still_stopped() -> None:
    """Explore34 q13: "is the soltavy school bus runing again?" quoted "resumed on Monday [21 September]" and, under the
    same "As of 25 September", the 16 September "… suspended since September 2, is still not running"."""
    resumed = _dated(
        "The school bus from the Ormina villages to Soltavy resumed on Monday after sappers finished checking it.",
        "a",
        "2026-09-25",
        score=0.8,
    )
    stopped = _dated(
        "The school bus from the Ormina villages to Soltavy, suspended since September 2, is still not running.",
        "b",
        "2026-09-16",
        score=0.7,
    )
    found = _selector().select("is the soltavy school bus running again?", [resumed, stopped])
    assert found.answerable and "resumed" in found.items[0].text
    assert all("still not running" not in e.text for e in found.items)


def test_a_name_only_inside_anothers_reported_words_is_not_the_speaker() -> None:
    """The bundled corpus answered "What did Zelensky say about territorial concessions?" with "Lavrov stated that
    Ukrainian President Volodymyr Zelenskyy would have to accept territorial concessions …"."""
    lavrov = (
        "Lavrov stated that Ukrainian President Volodymyr Zelenskyy would have to accept territorial concessions for a "
        "peace agreement to be possible."
    )
    assert others_words("Zelensky", lavrov)
    assert not others_words("Zelensky", "Zelensky said that Putin would have to accept territorial concessions.")
    # Named before what is reported, he may be the one quoted.
    assert not others_words("Zelensky", "Lavrov said Zelensky told him that concessions were possible.")


def test_a_number_a_name_carries_is_no_figure() -> None:
    """Explore34b q19 answered "How many patrol routes does the monitoring mission run?" with "Chief monitor Ilse
    Vandrecht has proposed resuming patrols on Route Blue-7 …", its only figure the route's name."""
    info = analyze("How many patrol routes does the monitoring mission run?")
    assert not has_type(
        "Vandrecht has proposed resuming patrols on Route Blue-7 with armoured vehicles.", "number", info
    )
    assert has_type("The mission patrols 14 routes along the line of contact.", "number", info)


def test_an_appointment_told_with_its_day_of_taking_over_is_quoted_once() -> None:
    """Explore34b q08 quoted the appointment twice, once with the sentence telling when he takes over and once
    without it."""
    text = (
        "The Permanent Committee on Monday appointed Oskar Lindtrave, a former director of Ystria's forensic "
        "institute, "
        "to chair the independent panel investigating the drone strike near Kelvany. Lindtrave, 61, takes up the post "
        "next Monday."
    )
    found = _selector().select("who is chairing the kelvany investigation panel now", [_dated(text, "a", "2026-05-19")])
    assert found.answerable and "takes up the post next Monday" in found.items[0].text
    assert sum("appointed Oskar Lindtrave" in e.text for e in found.items) == 1


def test_a_count_of_people_is_read_in_the_main_clause_and_wounding_injures() -> None:
    """Explore28c q16 "how many ppl injured drusk shelling" lost "… wounding 26 people …", and explore28d q03 "How many
    children were living in Vessmir when the evacuation order was announced?" lost "The … count of children in Vessmir
    … was 1,430", read as a count of the evacuated."""
    assert gives_asked_count("how many ppl injured drusk shelling", "The shells struck Drusk, wounding 26 people.")
    question = "How many children were living in Vessmir when the evacuation order was announced?"
    assert count_asked(question) is None
    assert count_asked("How many people were evacuated when the dam burst?") is not None
    assert not gives_asked_count("How many people were killed when the dam burst?", "It forced 900 people to flee.")


def test_an_event_is_dated_at_the_end_of_its_own_noun_phrase() -> None:
    """Explore22c q11 "When did the explosion at the Hlybova compressor station happen?" abstained beside "An explosion
    at the Hlybova compressor station in western Varenia early on Sunday cut the flow of gas …"."""
    question = "When did the explosion at the Hlybova compressor station happen?"
    assert dates_the_event(
        question, "An explosion at the Hlybova compressor station in western Varenia early on Sunday cut the flow."
    )
    # A date after a verb dates what the verb tells, not the event.
    assert not dates_the_event(
        question,
        "An explosion at the Hlybova compressor station cut the flow of gas to the two countries, which said on Sunday",
    )


def test_a_perfect_is_no_passive_and_speaking_for_a_body_since_one_left_succeeds_him() -> None:
    """Explore22b q03 "Who fired on the Brusk crossroads?" lost "… said Zavrenian mortar crews had fired on the
    crossroads …", read as "fired on" with no agent; explore22c q06 "Who was the voice of Oskeria's energy ministry
    after Halbrek quit?" lost "Eliska Varnova, who has spoken for the ministry since minister Tomas Halbrek resigned
    …"."""
    assert not agentless("Who fired on the Brusk crossroads?", "He said mortar crews had fired on the crossroads.")
    assert agentless("Who fired on the Brusk crossroads?", "The crossroads were fired on from the east on Sunday.")
    varnova = (
        "Oskeria's state secretary for energy, Eliska Varnova, who has spoken for the ministry since minister Tomas "
        "Halbrek resigned on 1 November, said the change of venue made sense."
    )
    assert tells_succession("Who was the voice of Oskeria's energy ministry after Halbrek quit?", varnova)
    assert not tells_succession(
        "Who was the voice of Oskeria's energy ministry after Halbrek quit?",
        "Eliska Varnova, who has spoken for the ministry since 2021, said Tomas Halbrek had resigned.",
    )
