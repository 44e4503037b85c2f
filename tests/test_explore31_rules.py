"""Rules drawn from the session-31 stories (explore31-31d, development data since their reading): a negated
subject's verb, the holder of a post named by its initials or "now", a summary line's present tense, lengths of time
counted from different events, a cause said outright, and an appointment quoted with when it takes effect."""

from __future__ import annotations

import itertools
from datetime import date

from rag.answer.support import negated_words, negation_conflict
from rag.evidence import EvidenceSelector
from rag.evidence.candidates import Candidate
from rag.evidence.definition import asked_post, names_holder
from rag.evidence.entities import asks_stand_in, stands_in, states_reason
from rag.evidence.features import ANSWER_FEATURES
from rag.evidence.model import Logistic, SelectorModel
from rag.evidence.question import content_stems, matches
from rag.evidence.selector import _agent_asked, _taking_over
from rag.news import compatible
from rag.news.dates import resolve_dates
from rag.settings import EvidenceSettings
from rag.types import Evidence
from tests.fakes import HashingEmbeddings
from tests.test_evidence import passage


def test_a_negated_subject_negates_its_verb_too() -> None:
    """Blind explore31 q13 led with a column's "Not one relative has yet been allowed …", the report that families
    were allowed two days before beside it and unflagged."""
    column = (
        "Not one relative has yet been allowed into a Brescovian detention centre, although Dunmarch promised visits "
        "to Kessrin back in April."
    )
    report = "On Saturday the first families were allowed to visit relatives held at the Kessrin detention centre."
    assert "allow" in negated_words(column)
    assert negation_conflict(report, column)
    assert "allow" not in negated_words("No one said the families were allowed in.")  # no negated subject's verb
    # … nor a verb of a relative clause in the subject (explore25b: "none of the states that had confirmed their
    # attendance had withdrawn" was set against "the number of confirmed states has risen to 63").
    assert "confirm" not in negated_words("None of the states that had confirmed their attendance had withdrawn.")
    # "none of" says nothing against its noun, the verb it denies is read: "none of the monitors was hurt".
    assert negated_words("None of the states that had confirmed their attendance had withdrawn.") == set()
    assert negated_words("None of the monitors was hurt.") == {"hurt"}
    assert negated_words("No date had yet been set for the round table.") == {"date", "set"}
    assert not negation_conflict(report, "The first families were allowed to visit on Saturday.")


def test_who_is_in_charge_asks_for_a_post_holder_typos_and_all() -> None:
    """Blind explore31d q06: "whos in charge of the migraton agency now?" was read as no post question."""
    post = asked_post("whos in charge of the migraton agency now?")
    assert post is not None and post.body == "migraton agency"
    assert asked_post("Who is in charge of the migration agency now?") is not None
    named = "The government yesterday named Oskar Venngren, 51, as director-general of the migration agency."
    assert names_holder(post, named)


def test_a_body_asked_in_words_is_named_by_its_initials() -> None:
    """Blind explore31b q06: "who runs castrelia's cyber agency now" beside "the new director of the NCSA", a chunk
    after the one spelling out "National Cyber Security Agency (NCSA)"."""
    post = asked_post("who runs castrelia's cyber agency now")
    assert post is not None
    named = "Castrelia's government on Wednesday named Nils Ormerod, 51, as the new director of the NCSA."
    assert names_holder(post, named)
    took = "Nils Ormerod, who took office as director of the NCSA on Monday, said the agency would publish more."
    assert names_holder(post, took)
    # Initials holding not the body's words in order are another body's.
    assert not names_holder(post, "Castrelia's government named Nils Ormerod as the new director of the CMC.")


def test_a_summary_line_tells_what_happened_in_the_present() -> None:
    """Blind explore31 q16: "In brief: Tarrow Bridge handover goes ahead on Tuesday; …" in a Wednesday report was the
    Tuesday before, shown as the Tuesday ahead."""
    brief = "In brief: Tarrow Bridge handover goes ahead on Tuesday; 37 Orvanians and 22 Brescovians cross."
    (day,) = resolve_dates(brief, "2026-04-29")
    assert day.date_from == date(2026, 4, 28)
    # Outside a summary line the present of a timetable is still one to come.
    (ahead,) = resolve_dates("The handover goes ahead on Tuesday, the committee said.", "2026-04-29")
    assert ahead.date_from == date(2026, 5, 5)


def test_lengths_of_time_from_different_events_are_no_change() -> None:
    """Blind explore31b q02, q31: "four days after a cyberattack" (a dismissal) and "11 days later than the central
    bank first promised" (a reopening) were told as a change from four days to 11."""
    dismissed = "The government dismissed the director yesterday, four days after a cyberattack crippled payments."
    reopened = "HalPay reopened on Monday, 11 days later than the central bank first promised."
    assert compatible.spans_from_other_events(dismissed, "four days", reopened, "11 days")
    revised = "HalPay reopened on Monday, 12 days later than the central bank first promised."
    assert not compatible.spans_from_other_events(reopened, "11 days", revised, "12 days")
    assert not compatible.spans_from_other_events("It lasted four days.", "four days", reopened, "11 days")


def test_a_resignation_over_something_or_saying_why_states_a_reason() -> None:
    """Blind explore31d q17, explore31c q17: "who resigned on May 6 over an inflated count of returns" and "resigned
    as Speaker …, saying he would not let the Speaker's chair become 'a party to a court case'" give the cause."""
    assert states_reason("Tomas Ellegaard, who resigned on May 6 over an inflated count of returns.")
    assert states_reason(
        "Viktor Hallsten resigned as Speaker yesterday, five days after the votes, saying he would not let the chair "
        "become a party to a court case."
    )
    assert not states_reason("Tomas Ellegaard resigned on Wednesday as director-general of the agency.")


def test_step_down_is_found_as_resigned() -> None:
    """Blind explore31c q17: "Why did Viktor Hallsten step down as Speaker?" had "step" for a key term no sentence
    held beside "Viktor Hallsten resigned as Speaker"."""
    resigned = set(content_stems("Viktor Hallsten resigned as Speaker of the National Assembly yesterday."))
    assert all(matches(t, resigned) for t in content_stems("Why did Viktor Hallsten step down?") if t != "why")
    assert matches(content_stems("resign")[0], set(content_stems("Aurel Tamsin stepped down on Friday.")))


def test_an_appointment_is_quoted_with_when_it_takes_effect() -> None:
    """Explore30b q07: "who is in charge of teldrail right now" showed the government naming a new chief executive,
    not that he takes over on July 1 and who runs the company until then."""
    text = (
        "Teldria's government on Monday named Conrad Ashby-Melk as the new chief executive of Teldrail. "
        "Ashby-Melk, 51, will take over on July 1, the minister said. "
        "Until then Lidia Varenholt will remain acting chief executive. "
        "Passenger numbers rose in the first week."
    )
    p = passage(text)
    bounds = [0, text.index("Ashby-Melk, 51"), text.index("Until then"), text.index("Passenger"), len(text)]
    candidates = [
        Candidate(text[a:b].strip(), p, 0, a, a + len(text[a:b].strip()), (i,))
        for i, (a, b) in enumerate(itertools.pairwise(bounds))
    ]
    first = candidates[0]
    named = Evidence(first.text, p, first.start, first.end, 0.4)
    quoted = _taking_over(named, candidates)
    assert quoted.text.endswith("Until then Lidia Varenholt will remain acting chief executive.")
    assert quoted.start == 0 and quoted.score == 0.4
    # Nothing after it telling when it takes effect: the appointment alone.
    alone = Evidence(candidates[2].text, p, candidates[2].start, candidates[2].end, 0.4)
    assert _taking_over(alone, candidates) == alone


def _never_answering() -> EvidenceSelector:
    """A selector with the shipped span weights whose answer model never says yes: what answers, a rule decides."""
    model = SelectorModel.load(EvidenceSettings().weights)
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, -10.0)
    return EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), model)


def test_a_change_question_is_answered_by_the_span_telling_the_change_with_its_figures() -> None:
    """Blind explore31 q05 (and 14 more of the 20 "How has … changed" questions of sessions 17-31) abstained beside
    "The number of open tracing requests has risen to 6,010, from 5,430 at the start of the month"."""
    risen = (
        "Demand on the registry has grown since the hotline opened. The number of open tracing requests has risen to "
        "6,010, from 5,430 at the start of the month, the committee said."
    )
    other = "Halvesen said families who had filed tracing requests would be contacted in person, never by letter."
    passages = [passage(other, "a::0", article="a"), passage(risen, "b::0", article="b")]
    selector = _never_answering()
    found = selector.select("How has the registry's caseload of tracing requests changed?", passages)
    assert found.answerable and "risen to 6,010, from 5,430" in found.items[0].text
    # No span telling a change with its figures: the answer model decides, and here it says no.
    assert not selector.select("How has the registry's caseload of tracing requests changed?", passages[:1]).answerable
    # Not a question for a change.
    assert not selector.select("How many tracing requests does the registry hold?", passages[:1]).answerable


def test_a_stand_in_question_is_answered_by_the_span_naming_the_one_standing_in() -> None:
    """Blind explore31d q14: "Who stood in as head of the migration agency after its director quit?" abstained with
    "His deputy, Sigrun Hallvik, is acting director-general …" third among the spans chosen."""
    assert asks_stand_in("Who stood in as head of the migration agency after its director quit?")
    assert asks_stand_in("Who ran the delegation after Achterberg had to leave?")
    assert not asks_stand_in("Who heads the migration agency?")
    assert stands_in("Marisol Quennell will lead the delegation on an acting basis, the committee said.")
    resigned = "Tomas Ellegaard quit on Wednesday as head of the Vessmark Migration Agency."
    acting = "His deputy, Sigrun Hallvik, is acting director-general while the ministry looks for a successor."
    passages = [passage(f"{resigned} {acting}", "a::0", article="a")]
    found = _never_answering().select("Who stood in as head of the migration agency after its director quit?", passages)
    assert found.answerable and "Sigrun Hallvik" in found.items[0].text


def test_who_does_something_is_answered_by_the_span_naming_the_doer() -> None:
    """Blind explore31c q16: "who sets the new election date now?" led with "no date had yet been set for the all-party
    round table", before "The date must instead be set by a vote of the Assembly within 30 days of martial law
    ending"."""
    unset = (
        "The president's office said on Tuesday that no date had yet been set for the round table on a new election."
    )
    by_vote = "The date of the new election must instead be set by a vote of the Assembly, the court said."
    passages = [passage(unset, "a::0", article="a", score=0.9), passage(by_vote, "b::0", article="b", score=0.4)]
    found = EvidenceSelector(HashingEmbeddings(), EvidenceSettings()).select(
        "Who sets the new election date?", passages
    )
    assert "set by a vote of the Assembly" in found.items[0].text
    assert _agent_asked("who decides whether the deadline moves?").search("The deadline can only be decided by the JIC")
    assert _agent_asked("Who is the envoy?") is None


def test_a_yes_no_question_with_a_sure_span_answers_near_the_answer_threshold() -> None:
    """Explore24d q10: "Are full-time students still protected from being called up under the final law?" abstained
    beside "The final text keeps the deferment for full-time students" (span 0.74, answer model 0.63)."""
    kept = "The final text of the law keeps the deferment for full-time students and for carers."
    question = "Are full-time students still protected under the final law?"

    def selector(answer_intercept: float) -> EvidenceSelector:
        model = SelectorModel.load(EvidenceSettings().weights)
        span_n, answer_n = len(model.span.features), len(ANSWER_FEATURES)
        model.span = Logistic(list(model.span.features), [0.0] * span_n, [1.0] * span_n, [0.0] * span_n, 2.0)
        model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * answer_n, [1.0] * answer_n, [0.0] * answer_n, 0.0)
        model.answer.intercept = answer_intercept
        return EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), model)

    assert selector(0.0).select(question, [passage(kept)]).answerable  # answer model at 0.5, span at 0.88
    assert not selector(-1.0).select(question, [passage(kept)]).answerable  # answer model at 0.27
    # Not a yes/no question: the answer model's threshold holds.
    assert not selector(0.0).select("Which groups are still protected under the final law?", [passage(kept)]).answerable


def test_a_denial_naming_the_report_only_this_denies_it() -> None:
    """Explore25 q13: "Kovalen offered his resignation …, according to two people familiar with the matter" was quoted
    for "Did the government confirm …?" without the next sentence, "The energy ministry denied this."."""
    from rag.evidence.selector import _denies_a_report

    assert _denies_a_report("The energy ministry denied this.")
    assert _denies_a_report("Varnessa denied the report.")
    assert not _denies_a_report("The ministry denied this was a setback for the talks.")
