"""Evidence selection: candidates (dedup, neighbour pairs, abbreviations, markers), question
analysis (answer types, names, parts), the choice of spans and answerability (fake embeddings,
the shipped selector weights)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from rag.errors import ConfigError
from rag.evidence import EvidenceSelector
from rag.evidence.answer_clause import answering_clause
from rag.evidence.candidates import Candidate, build, evidence_spans
from rag.evidence.entities import has_type
from rag.evidence.features import ANSWER_FEATURES
from rag.evidence.model import Logistic, SelectorModel
from rag.evidence.question import analyze, answer_type
from rag.retrieval.news_query import outlet_as_topic
from rag.settings import EvidenceSettings, Settings
from rag.types import Evidence, Passage
from tests.fakes import HashingEmbeddings

ARTICLE = (
    "Russian and American diplomats met in Riyadh on Monday to discuss a partial ceasefire. "
    "Sergey Lavrov said the talks were useful. "
    "The airline Aeroflot wants sanctions lifted before flights resume. "
    "Kaja Kallas said Russia demands something that has never been theirs. "
    "Ukraine enters 2026 with 42.3% of its military budget reliant on international partners."
)


def passage(text: str, chunk: str = "a::0", start: int = 0, score: float = 0.5, article: str = "a") -> Passage:
    return Passage(chunk, article, text, "Talks", start, start + len(text), score)


@pytest.fixture
def selector() -> EvidenceSelector:
    return EvidenceSelector(HashingEmbeddings(), EvidenceSettings())


# -- candidates -------------------------------------------------------------------------------


def test_a_sentence_repeated_by_overlapping_chunks_is_one_candidate_and_one_item(selector: EvidenceSelector) -> None:
    first, second = ARTICLE[:200], ARTICLE[128:]
    assert "Aeroflot" in first and "Aeroflot" in second
    sentences, _ = build([passage(first, "a::0"), passage(second, "a::1", start=128)])
    texts = [c.text for c in sentences]
    assert len(texts) == len(set(texts))
    assert sum("Aeroflot" in t for t in texts) == 1
    found = selector.select("What does Aeroflot want before flights resume?", [passage(first), passage(second, "a::1")])
    assert len({e.text for e in found.items}) == len(found.items)
    assert sum("Aeroflot" in e.text for e in found.items) == 1


def test_neighbour_pairs_join_adjacent_sentences_with_exact_offsets() -> None:
    p = passage(ARTICLE)
    sentences, pairs = build([p])
    assert len(sentences) == 5 and len(pairs) == 4
    for pair in pairs:
        a, b = (sentences[m] for m in pair.members)
        assert pair.start == a.start and pair.end == b.end
        assert p.text[pair.start : pair.end] == pair.text
    assert build([p], pairs=False)[1] == []


def test_a_blanked_sentence_breaks_adjacency() -> None:
    blanked = "Lavrov spoke in Riyadh about the talks. " + " " * 40 + " Kallas answered him in Brussels."
    sentences, pairs = build([passage(blanked)])
    assert len(sentences) == 2
    assert pairs == []
    _, pairs = build([passage("Talks in Riyadh\nLavrov spoke in Riyadh about the talks. Kallas answered him.")])
    assert [p.text for p in pairs] == ["Lavrov spoke in Riyadh about the talks. Kallas answered him."]  # no headline


def test_page_furniture_is_scored_but_never_quoted(selector: EvidenceSelector) -> None:
    # As in corpus/003 and RealTimeQA evidence: an outlet's disclaimer, a picture credit and a
    # newsletter plug sit among the reporting, and share the question's words.
    text = (
        "Rising global oil prices only further fuel Moscow's aggression. "
        "The views expressed in opinion pieces do not necessarily reflect the position of The Moscow Times. "
        "(Image credit: Mikhail Klimentyev/AFP) "
        "For more on Moscow's aggression, sign up to our Moscow Digest newsletter."
    )
    sentences, pairs = build([passage(text)])
    assert sentences[0].text.startswith("Rising") and not sentences[0].furniture
    assert len(sentences) > 2 and all(c.furniture for c in sentences[1:])
    assert all(p.furniture for p in pairs)
    question = "What views does The Moscow Times opinion piece express on Moscow's aggression?"
    found = selector.select(question, [passage(text)])
    assert found.items
    assert all(not any(w in e.text for w in ("views expressed", "credit", "sign up")) for e in found.items)


def test_a_correction_s_account_of_what_it_corrects_is_never_quoted(selector: EvidenceSelector) -> None:
    """blind explore18 q04: "how many people were swapped in the first exchange" was answered with "An
    earlier version of this article said the first exchange would involve 93 people" (79 crossed)."""
    text = (
        "The committee said the first exchange would involve 79 people. "
        "Correction: An earlier version of this article said the first exchange would involve 93 people."
    )
    sentences, _pairs = build([passage(text)])
    assert [c.furniture for c in sentences] == [False, True]
    found = selector.select("How many people were in the first exchange?", [passage(text)])
    assert all("93" not in e.text for e in found.items)


def test_a_bracketed_picture_credit_is_cut_off_the_sentence_it_runs_into() -> None:
    # RealTimeQA evidence: the credit has no full stop, so the sentence splitter joins it to a neighbour.
    text = (
        "Its latest Spiced flavor is the first permanent addition in three years. (Image credit: The Coca-Cola "
        "Company) Red Lobster is closing at least 48 restaurants."
    )
    p = passage(text)
    sentences, _ = build([p])
    assert [c.text for c in sentences] == [
        "Its latest Spiced flavor is the first permanent addition in three years.",
        "Red Lobster is closing at least 48 restaurants.",
    ]
    assert all(p.text[c.start : c.end] == c.text and not c.furniture for c in sentences)


def test_abbreviations_and_wrapped_lines_do_not_cut_a_sentence() -> None:
    text = (
        "Lavrov said the U.S. agreed to the proposal in Riyadh. The talks ended.\n"
        "He said the war\nwould go on. The United\nStates agreed.\nTitle Line\nNext one."
    )
    pieces = [text[s:e] for s, e in evidence_spans(text)]
    assert pieces[0] == "Lavrov said the U.S. agreed to the proposal in Riyadh."
    assert "He said the war\nwould go on." in pieces
    assert "The United\nStates agreed." in pieces  # wrapped after a full stop on the same line
    assert "Title Line" in pieces  # a title-case line is a unit of its own


def test_citation_markers_written_in_the_article_are_stripped_but_offsets_stay() -> None:
    text = "Kallas said Russia stalls [3]. Lavrov disagreed [1, 2]."
    sentences, _ = build([passage(text)])
    assert [c.text for c in sentences] == ["Kallas said Russia stalls.", "Lavrov disagreed."]
    assert text[sentences[0].start : sentences[0].end] == "Kallas said Russia stalls [3]."


# -- the question -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Who is the CEO of the Russian Direct Investment Fund?", "person"),
        ("Which official spoke for the Kremlin?", "person"),
        ("When did Trump and Putin speak by phone?", "date"),
        ("In what year was Crimea annexed?", "date"),
        ("Where were the diplomats scheduled to meet?", "place"),
        ("In which city did the talks take place?", "place"),
        ("How many rounds of talks were held?", "number"),
        ("What share of the budget relies on partners?", "number"),
        ("Which newspaper interviewed Zelensky?", "name"),
        ("Why is Russia in no hurry?", "reason"),
        ("What did Lavrov say about recognition?", "other"),
        # "when" in the middle of a clause asks for no date
        ("What does the Kremlin keep showing when it comes to giving up territory?", "other"),
        ("What did Lavrov say when asked about sanctions?", "other"),
        ("Since when has Russia held Crimea?", "date"),
        ("On which day did the Geneva round break off?", "date"),
    ],
)
def test_answer_type(question: str, kind: str) -> None:
    assert answer_type(question) == kind


def test_typed_answers_are_found_only_when_the_question_lacks_them() -> None:
    q = analyze("When did Lavrov speak in Riyadh?")
    assert has_type("Lavrov spoke in Riyadh on 27 February.", "date", q)
    assert not has_type("Lavrov spoke in Riyadh at length.", "date", q)
    q = analyze("How many drones did Russia launch?")
    assert has_type("Russia launched over 1,000 drones.", "number", q)
    assert not has_type("Russia launched drones.", "number", q)
    # The figures of a day count nothing (blind explore26 q23: "is due to open … by July 1"); a year's tell an age.
    assert not has_type("A joint inspection centre is due to open in Tervik by July 1.", "number", q)
    assert has_type("The dam was completed in 1959.", "number", q)
    assert has_type("On 3 March, 40 people died.", "number", q)
    q = analyze("Who runs the Russian Direct Investment Fund?")
    assert has_type("Kirill Dmitriev is CEO of the Russian Direct Investment Fund.", "person", q)
    assert not has_type("The Russian Direct Investment Fund is large.", "person", q)
    q = analyze("Where did the diplomats meet?")
    assert has_type("The diplomats met in Saudi Arabia on Monday.", "place", q)
    # an ordinal answers "how many years into" and "on which day"
    q = analyze("How many years into the war is the world now?")
    assert has_type("In the fifth year of the war, talks resumed.", "number", q)
    q = analyze("On which day did the Geneva round break off?")
    assert has_type("The Geneva round broke off on the second day.", "date", q)
    assert not has_type("The Geneva round broke off.", "date", q)


def test_a_number_the_question_states_must_not_be_another_in_the_answer() -> None:
    from rag.evidence.entities import gives_numbers
    from rag.evidence.question import stated_numbers

    assert stated_numbers("What did the four completed rounds show?") == [("4", "comp")]
    assert stated_numbers("Which cities did the 1,000 drones hit in 2022?") == [("1000", "dron"), ("2022", "")]
    assert stated_numbers("Which two officials spoke on 19 March?") == []  # a count of the answer; a date
    rounds = "The three completed rounds of talks demonstrate a consistent pattern: process without progress."
    assert not gives_numbers("What pattern did the four completed rounds show?", rounds)
    assert gives_numbers("What pattern did the three completed rounds show?", rounds)
    # A figure the answer leaves out is no mismatch (quiz questions restate the week's news).
    assert gives_numbers("Which tech company announced 10,000 job cuts?", "Microsoft is cutting staff.")
    # A quiz rounds the figure it restates: "-80 degrees" is the article's "-80.9 degrees", "-79 degrees" is not.
    cold = "The coldest city in the world is Yakutsk, where temperatures have plunged to -80.9 degrees Fahrenheit."
    assert gives_numbers("Temperatures plunged to -80 degrees this week. Which city is the coldest?", cold)
    assert not gives_numbers("Temperatures plunged to -79 degrees this week. Which city is the coldest?", cold)
    assert not gives_numbers("Temperatures plunged to -80.5 degrees this week. Which city is the coldest?", cold)
    model = shipped_with()
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, 10.0)
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), model)
    assert selector.select("What pattern did the three completed rounds show?", [passage(rounds)]).answerable
    assert not selector.select("What pattern did the four completed rounds show?", [passage(rounds)]).answerable


def test_a_thing_the_question_numbers_by_an_ordinal_is_not_answered_under_other_numbers() -> None:
    from rag.evidence.entities import another_ordinal

    rounds = "The three completed rounds of talks demonstrate a consistent pattern: process without progress."
    assert another_ordinal("Where will the fourth round of negotiations be held?", rounds)
    assert not another_ordinal("What did the third round of talks show?", rounds)  # among the three
    assert another_ordinal("Where was the third round held?", "The second round took place in Geneva.")
    assert not another_ordinal("Where was the 3rd round held?", "The third round took place in Abu Dhabi.")
    assert not another_ordinal("Where was the third round held?", "Talks took place in Abu Dhabi.")  # unnumbered
    # "first" numbers in the question too, but "for the first time" numbers nothing (blind explore22b q01).
    second = "A second convoy has still not left. The convoy had been scheduled to leave on Saturday."
    assert another_ordinal("When was the first convoy scheduled to depart?", second)
    assert not another_ordinal("When did the first convoy leave?", "The first convoy left on 12 March.")
    assert not another_ordinal("Did he win for the first time?", "He won for the second time in Oslo.")
    fronts = "Moscow perceives the negotiations for Ukraine as operating on two separate fronts."
    assert not another_ordinal("What is the second front of the negotiations?", fronts)
    # "first" numbers in the evidence, and the asked noun may follow a modifier (explore16 q07, q10).
    first = "The agreement was reached after a first round of talks in Seravo from March 2 to 5."
    assert another_ordinal("When did the second round of talks end?", first)
    kelm = "The first exchange of prisoners is expected to take place on Thursday at the Kelm Bridge."
    assert another_ordinal("Where did the second prisoner exchange take place?", kelm)
    assert not another_ordinal(
        "Where did the second prisoner exchange take place?", "The second exchange was at Tavik."
    )
    assert not another_ordinal(
        "What did the second round show?", "For the first time, the second round showed progress."
    )
    # The asked ordinal with its noun left out still speaks of it (bundled "how was the second round …").
    geneva = "The first round set a framework. The second, in Geneva, was described as 'difficult'."
    assert not another_ordinal("How was the second round of talks described?", geneva)
    model = shipped_with()
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, 10.0)
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), model)
    assert not selector.select("Where will the fourth round of talks be held?", [passage(rounds)]).answerable


def test_a_question_naming_an_outlet_is_answered_from_that_outlet_only() -> None:

    front = "Ukrainian military sources report advances in the Kursk region near Toretsk."
    opinion = "The three completed rounds of talks demonstrate a pattern: process without progress."
    pravdy = dataclasses.replace(passage(front, "p::0", article="p"), outlet="Chas Pravdy")
    times = dataclasses.replace(passage(opinion, "t::0", article="t"), outlet="The Moscow Times")
    model = shipped_with()
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, 10.0)
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), model)
    asked = "What did the Moscow Times piece say about Ukrainian advances in the Kursk region?"
    found = selector.select(asked, [pravdy, times])
    assert all(e.passage.outlet == "The Moscow Times" for e in found.items)
    assert not found.answerable or "Kursk" not in found.items[0].text
    by_pravdy = selector.select(asked.replace("the Moscow Times", "Chas Pravdy"), [pravdy, times])
    assert by_pravdy.answerable and by_pravdy.items[0].passage.outlet == "Chas Pravdy"
    # An outlet's report asked about is the topic, not the source (blind explore18 q12): the ministry's
    # denial, in another paper, answers; the Herald's own report is not the only text read.
    report = "Sources told the Herald that Velmora had agreed to pull its troops back 10 kilometres."
    denial = "The defence ministry denied a report in the Orkhal Herald that Velmora would pull its troops back 10 km."
    herald = dataclasses.replace(passage(report, "h::0", article="h"), outlet="The Orkhal Herald")
    courier = dataclasses.replace(passage(denial, "c::0", article="c"), outlet="The Sarnecz Courier")
    about = "What did the defence ministry say about the Orkhal Herald report that Velmora would pull its troops back?"
    assert outlet_as_topic(about, "The Orkhal Herald") and not outlet_as_topic(asked, "The Moscow Times")
    assert not outlet_as_topic("According to the Moscow Times piece, who spoke?", "The Moscow Times")
    told = selector.select(about, [herald, courier])
    assert told.answerable and told.items[0].passage.outlet == "The Sarnecz Courier"


def test_who_did_it_is_not_answered_by_a_passive_that_names_no_one() -> None:
    from rag.evidence.entities import agentless

    round_ = "The second round, in Geneva, was described as 'difficult' and ended abruptly."
    assert agentless("Who described the Geneva round as 'difficult'?", round_)
    assert not agentless("Who described the Geneva round?", "The round was described by Kyiv as difficult.")
    assert not agentless("Who described the round?", "Kyiv described the round as difficult.")
    assert not agentless("What was the Geneva round described as?", round_)
    model = shipped_with()
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, 10.0)
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), model)
    assert not selector.select("Who described the Geneva round as 'difficult'?", [passage(round_)]).answerable
    assert selector.select("How was the Geneva round described?", [passage(round_)]).answerable


def test_a_date_the_question_names_must_be_the_answers() -> None:
    from rag.evidence.entities import gives_dates
    from rag.evidence.question import asked_dates

    assert asked_dates("What did Trump and Putin discuss in their phone call on 19 March?") == ["19", "march"]
    assert asked_dates("Where did Putin and Trump meet on August 15, 2025?") == ["august", "15", "2025"]
    assert asked_dates("Who won 3 of the 5 seats in May?") == []
    # As a chat box gets it: "nov 4" (blind explore22c q03 was answered with the figure of 26 October), but
    # "march" and "may" in lower case are verbs as often.
    assert asked_dates("how much gas crossed varenia on nov 4?") == ["nov", "4"]
    assert asked_dates("Will they march 5 miles?") == asked_dates("what may 2 sides do?") == []
    october = "The operator said 38.4 million cubic metres of gas crossed the country on Monday."
    assert not gives_dates("how much gas crossed on nov 4?", october, "2026-10-27")
    call = "On May 19, Trump and Putin held a telephone conversation about a ceasefire."
    assert not gives_dates("What did Trump and Putin discuss in their phone call on 19 March?", call)
    assert gives_dates("What did Trump and Putin discuss in their phone call on May 19?", call)
    assert gives_dates("What did Trump and Putin discuss in their phone call?", call)
    meeting = "Presidents Vladimir Putin and Donald Trump met in Anchorage, Alaska on August 15, 2025."
    assert gives_dates("Where did Putin and Trump meet on August 15, 2025?", meeting)
    # A day given in the text's own words ("on Wednesday" in an article of Thursday 21 May is 20 May), and
    # the state "as of" the day a report is published (blind explore19 q06).
    said = "Korvesh said on Wednesday it was suspending its participation."
    assert gives_dates("What did Korvesh say on 20 May?", said, "2026-05-21")
    assert not gives_dates("What did Korvesh say on 19 May?", said, "2026-05-21")
    cleared = "The JCC said 23 ships had cleared inspection since 11 May."
    assert gives_dates("How many ships had cleared as of 21 May?", cleared, "2026-05-21")
    assert not gives_dates("How many ships had cleared as of 26 May?", cleared, "2026-05-21")
    assert not gives_dates("How many ships cleared on 21 May?", cleared, "2026-05-21")  # that day's, not by then
    # An answer model that always answers: only the rule can abstain.
    model = shipped_with()
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, 10.0)
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), model)
    assert selector.select("What did Trump and Putin discuss in their call on May 19?", [passage(call)]).answerable
    assert not selector.select(
        "What did Trump and Putin discuss in their call on 19 March?", [passage(call)]
    ).answerable


def test_words_that_name_the_source_are_not_key_terms() -> None:
    q = analyze("Who does the opinion piece say is leading the White House into a trap?")
    assert not {"opinion", "piec", "piece"} & set(q.terms)
    assert {"trap", "lead"} <= set(q.terms)


def test_names_terms_and_parts() -> None:
    q = analyze("What did Sergey Lavrov and Kaja Kallas each say about the U.S. talks?")
    assert "Sergey Lavrov" in q.names and "Kaja Kallas" in q.names
    assert q.parts == ("Sergey Lavrov", "Kaja Kallas")
    assert "What" not in " ".join(q.names)
    assert analyze("Which two NATO countries could Russia attack?").count == 2
    assert analyze("What did Lavrov say?").parts == ()


# -- selection and answerability ----------------------------------------------------------------


def test_multi_part_question_gets_evidence_for_each_part() -> None:
    settings = EvidenceSettings(max_items=1)
    selector = EvidenceSelector(HashingEmbeddings(), settings)
    passages = [
        passage(ARTICLE, "a::0"),
        passage("Kaja Kallas, the EU's top diplomat, said Russia stalls in every round.", "b::0", article="b"),
    ]
    found = selector.select("What did Sergey Lavrov and Kaja Kallas each say?", passages)
    joined = " ".join(e.text for e in found.items)
    assert "Lavrov" in joined and "Kallas" in joined
    assert len(found.items) >= 2


def test_question_names_found_in_no_evidence_are_missing_and_unanswerable(selector: EvidenceSelector) -> None:
    found = selector.select("What did Emmanuel Macron say about the ceasefire at the Paris summit?", [passage(ARTICLE)])
    assert not found.answerable
    assert "Emmanuel Macron" in found.missing and "Paris" in found.missing
    assert "summit" not in found.missing  # only names are reported: other words are often about the article


def test_an_answerable_question_gets_its_sentence_first(selector: EvidenceSelector) -> None:
    found = selector.select(
        "What share of its military budget does Ukraine rely on international partners for?", [passage(ARTICLE)]
    )
    assert found.answerable and found.missing == []
    assert "42.3%" in found.items[0].text
    assert found.best_score == found.items[0].score
    assert [e.score for e in found.items] == sorted((e.score for e in found.items), reverse=True)
    e = found.items[0]
    assert e.passage.text[e.start : e.end] == e.text


def test_past_max_candidates_only_the_sentences_sharing_most_question_terms_are_embedded() -> None:
    embeddings = HashingEmbeddings()
    selector = EvidenceSelector(embeddings, EvidenceSettings(max_candidates=2))
    found = selector.select("What does the airline Aeroflot want lifted?", [passage(ARTICLE)])
    assert len(selector._vectors) == 2 and embeddings.calls == 1  # one batch, two sentences
    assert "Aeroflot" in found.items[0].text


def test_no_passages_means_no_evidence(selector: EvidenceSelector) -> None:
    found = selector.select("What did Lavrov say?", [])
    assert found.items == [] and not found.answerable and found.missing == ["Lavrov"]


def test_a_pair_is_chosen_only_when_it_beats_its_sentences_by_the_margin() -> None:
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(pair_margin=0.1, max_items=1))
    p = passage(ARTICLE)
    sentences, pairs = build([p])
    candidates: list[Candidate] = sentences + pairs[:1]
    info = analyze("What did Lavrov say?")
    weak_pair = np.array([0.6, 0.3, 0.1, 0.1, 0.1, 0.65])
    assert not selector._choose(info, candidates, weak_pair)[0][0].is_pair
    strong_pair = np.array([0.6, 0.3, 0.1, 0.1, 0.1, 0.75])
    chosen = selector._choose(info, candidates, strong_pair)
    assert chosen[0][0].is_pair and len(chosen) == 1


def shipped_with(**answerability: object) -> SelectorModel:
    """The shipped span weights with an answerability part that always says yes, plus `answerability`."""
    model = SelectorModel.load(EvidenceSettings().weights)
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, 10.0)
    for key, value in answerability.items():
        setattr(model, key, value)
    return model


def test_a_when_question_without_a_date_in_its_evidence_is_unanswerable_when_required() -> None:
    passages = [passage(ARTICLE)]
    question = "When did Sergey Lavrov say the talks were useful?"
    lenient = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), shipped_with(require_type=False))
    strict = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), shipped_with(require_type=True))
    assert lenient.select(question, passages).answerable
    assert not strict.select(question, passages).answerable
    assert strict.select("When did the diplomats meet in Riyadh?", passages).answerable  # "Monday"


def test_a_missing_name_makes_the_question_unanswerable_whatever_the_scores() -> None:
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), shipped_with(max_missing_names=0.0))
    found = selector.select("Why did Olaf Scholz back the partial ceasefire in Riyadh?", [passage(ARTICLE)])
    assert not found.answerable and found.missing[0] == "Olaf Scholz"
    assert found.items  # the evidence is still there for the caller to show or log
    # The name is in no passage at all: abstained on unless that check is off too.
    lenient = EvidenceSelector(
        HashingEmbeddings(), EvidenceSettings(absent_name_check=False), shipped_with(max_missing_names=1.0)
    )
    assert lenient.select("Why did Olaf Scholz back the partial ceasefire in Riyadh?", [passage(ARTICLE)]).answerable
    strict = EvidenceSelector(
        HashingEmbeddings(), EvidenceSettings(max_missing_names=0.0, absent_name_check=False), lenient.model
    )
    assert not strict.select("Why did Olaf Scholz back the partial ceasefire in Riyadh?", [passage(ARTICLE)]).answerable
    # The threshold alone: a sure span ("diplomats met in Riyadh on Monday" holds every key word) would overrule it.
    threshold = EvidenceSettings(answerable_threshold=1.0, sure_span=1.0)
    assert (
        not EvidenceSelector(HashingEmbeddings(), threshold, shipped_with())
        .select("When did the diplomats meet?", [passage(ARTICLE)])
        .answerable
    )
    # "Where …?" answered by a span the place rules pass overrules a threshold the answer model nearly meets
    # (explore32c q28), and only then.
    place = EvidenceSelector(HashingEmbeddings(), threshold, shipped_with())
    assert place.select("Where did the diplomats meet?", [passage(ARTICLE)]).answerable
    far = EvidenceSelector(HashingEmbeddings(), threshold, shipped_with())
    far.model.answer = Logistic(
        list(ANSWER_FEATURES),
        [0.0] * len(ANSWER_FEATURES),
        [1.0] * len(ANSWER_FEATURES),
        [0.0] * len(ANSWER_FEATURES),
        0.0,
    )
    assert not far.select("Where did the diplomats meet?", [passage(ARTICLE)]).answerable


def test_a_name_in_no_passage_read_makes_the_question_unanswerable() -> None:
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), shipped_with(max_missing_names=1.0))
    question = "Where did diplomats meet to discuss the partial ceasefire in Istanbul?"
    found = selector.select(question, [passage(ARTICLE)])
    assert found.items and not found.answerable and "Istanbul" in found.missing
    # Named elsewhere in a passage read, not in the spans: the fitted model decides, as before.
    named = passage(ARTICLE + " Istanbul hosted earlier talks.")
    assert selector.select(question, [named]).answerable
    # Acronyms stem badly ("PMQs"): never judged absent.
    assert selector.select(
        "Where did diplomats meet to discuss the partial ceasefire, PMQs said?", [passage(ARTICLE)]
    ).answerable


def test_the_speaker_named_in_the_sentence_before_a_quotation_is_not_missing() -> None:
    text = 'Radchenko spoke at length in Riyadh. "Restrictions on weapons would make a deal difficult."'
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(pairs=False), shipped_with())
    found = selector.select("According to Radchenko, what restrictions would make a deal difficult?", [passage(text)])
    assert "Restrictions on weapons" in found.items[0].text
    assert "Radchenko" not in found.missing


def test_a_sentence_giving_two_values_of_the_asked_kind_is_not_cut_to_one() -> None:
    """explore16 q17: "Ostrel says it holds fewer than 900 Varnians; Varnia puts the figure at around 1,400"
    was quoted as "Ostrel says it holds fewer than 900 Varnians", one side of the dispute."""
    q = analyze("How many Varnian prisoners is Ostrel holding?")
    both = "Ostrel says it holds fewer than 900 Varnians; Varnia puts the figure at around 1,400."
    assert answering_clause(both, q) is None
    one = "The talks were tense and long; the delegation said 40 ships were waiting at Halvik."
    assert answering_clause(one, analyze("How many ships are waiting at Halvik?")) == (
        "the delegation said 40 ships were waiting at Halvik."
    )


def test_the_answering_clause_is_trimmed_only_when_it_stands_alone() -> None:
    q = analyze("Where did the diplomats meet?")
    clause = answering_clause("The diplomats met in Riyadh on Monday; the talks, officials said, were long.", q)
    assert clause == "The diplomats met in Riyadh on Monday"
    assert answering_clause("The diplomats met in Riyadh on Monday.", q) is None
    # No cut when the clause would lose the answer type, nor for a question of no type.
    assert answering_clause("The talks were long; the diplomats met in Riyadh on Monday.", q) == (
        "the diplomats met in Riyadh on Monday."
    )
    said = "Lavrov said the talks were useful; the next round is set for Monday in Riyadh."
    assert answering_clause(said, analyze("What did Lavrov say about the talks?")) is None


# -- weights and settings -----------------------------------------------------------------------


def test_weights_fitted_on_other_features_are_refused(tmp_path: Path) -> None:
    data = json.loads(EvidenceSettings().weights.read_text())
    data["span"]["features"] = data["span"]["features"][:-1]
    bad = tmp_path / "w.json"
    bad.write_text(json.dumps(data))
    with pytest.raises(ConfigError, match="train_selector"):
        EvidenceSelector(HashingEmbeddings(), EvidenceSettings(weights=bad))
    bad.write_text("{not json")
    with pytest.raises(ConfigError, match="train_selector"):
        SelectorModel.load(bad)


def test_evidence_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAG_EVIDENCE__MAX_ITEMS", "5")
    monkeypatch.setenv("RAG_EVIDENCE__PAIRS", "false")
    s = Settings()
    assert s.evidence.max_items == 5 and s.evidence.pairs is False


def test_the_tail_of_a_sentence_the_chunk_cut_is_never_quoted(selector: EvidenceSelector) -> None:
    whole = (
        "Instead, the Kremlin undermined trust in the U.S. as a security guarantor, protected its frozen assets "
        "and prevented Western participation in the Sky Shield initiative."
    )
    tail = whole[whole.index("as a security") :]
    later = passage(tail + " Temporary easing of sanctions could generate $2 billion for Moscow.", "a::1", start=500)
    sentences, pairs = build([later, passage(whole)])
    assert sentences[0].text == tail and sentences[0].cut
    assert not any(c.cut for c in sentences[1:]) and all(p.cut for p in pairs if p.members[0] == 0)
    assert not build([passage(tail)])[0][0].cut  # the article's own first chunk opens where the article does
    found = selector.select("What did the Kremlin protect from transfer?", [later, passage(whole)])
    assert found.items and all(not e.text.startswith("as a security") for e in found.items)
    # Nor the head of one the chunk cut after an abbreviation's full stop (blind explore24 q28 quoted "Tarnovel
    # Regional Hospital No."); a sentence ending a chunk, or ending "No. 3.", is whole.
    head = passage("The council gave a higher toll.\n\nTarnovel Regional Hospital No.", "b::0")
    assert [c.cut for c in build([head])[0]] == [False, True]
    whole_end = passage("She died at Tarnovel Regional Hospital No. 3. The council said so.", "c::0")
    assert not any(c.cut for c in build([whole_end])[0])


def test_a_best_sentence_that_points_back_is_quoted_with_the_sentence_before(selector: EvidenceSelector) -> None:
    text = (
        "Lavrov said flights between Russia and the United States depend on lifting sanctions on Aeroflot. "
        "Lavrov claimed the United States had agreed to this proposal during talks in Riyadh on 27 February."
    )
    found = selector.select("What did Lavrov claim the United States agreed to in Riyadh?", [passage(text)])
    assert found.items[0].text == text  # "this proposal" alone would not say what was agreed
    plain = "Lavrov claimed the United States had agreed to lift sanctions during talks in Riyadh."
    found = selector.select("What did Lavrov claim about Riyadh?", [passage("Flights resumed in May. " + plain)])
    assert found.items[0].text == plain
    day = (
        "Key conclusions from the analysis of May 19 highlight diplomatic events. "
        "Specifically, on that day, Trump and Putin held a telephone conversation about a ceasefire."
    )
    found = selector.select("When did Trump and Putin hold a telephone conversation about a ceasefire?", [passage(day)])
    assert found.items[0].text == day  # "on that day" alone gives no date
    # Asked who, "… she said" is quoted with the sentence naming her (blind explore19b q21).
    said = (
        "Margit Oyelaran-Brask, the envoy who brokered the truce, said the ceasefire would be counted from Monday. "
        "'The clock started when the first engineer crossed,' she said."
    )
    found = selector.select("Who said the clock started when the first engineer crossed?", [passage(said)])
    assert found.items[0].text == said
    found = selector.select("What started when the first engineer crossed?", [passage(said)])
    assert found.items[0].text == said.split(". ")[1]  # not asked who: the quotation alone


def test_a_headline_or_link_line_is_never_quoted_nor_stuck_onto_a_sentence(selector: EvidenceSelector) -> None:
    text = (
        "ISW: Russia resists territorial compromises in future peace talks\n\n"
        "Dmitriev told Fox News on 3 April that Russia is not seeking sanctions relief.\n\n"
        "ISW: Russia keeps denying Ukraine government legitimacy\n\n"
        "Related article: Here's Why Cuba Remains Russia's Foothold\n\n"
        "Lavrov stated that Zelenskyy would have to accept territorial concessions."
    )
    sentences, pairs = build([passage(text)])
    headings = [c.text for c in sentences if c.heading]
    assert headings == [
        "ISW: Russia resists territorial compromises in future peace talks",
        "ISW: Russia keeps denying Ukraine government legitimacy",
        "Related article: Here's Why Cuba Remains Russia's Foothold",
    ]
    assert all(not p.quotable for p in pairs if "keeps denying" in p.text)
    found = selector.select("What does Russia keep denying, according to ISW?", [passage(text)])
    assert all("\n" not in e.text and not e.text.startswith(("ISW:", "Related")) for e in found.items)


def test_a_rank_the_question_gives_a_post_must_be_in_the_answer() -> None:
    from rag.evidence.definition import asked_rank, gives_rank

    assert asked_rank("Who is Russia's deputy foreign minister?") == "deputy"
    assert asked_rank("Who is Russia's foreign minister?") is None
    assert asked_rank("What did the former U.S. ambassador say?") == "former"
    minister = "Russian Foreign Minister Sergey Lavrov said the talks were useful."
    assert not gives_rank("Who is Russia's deputy foreign minister?", minister)
    assert gives_rank("Who is Russia's deputy foreign minister?", "Deputy Foreign Minister Sergei Ryabkov spoke.")
    model = shipped_with()
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, 10.0)
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), model)
    assert not selector.select("Who is Russia's deputy foreign minister?", [passage(minister)]).answerable
    assert selector.select("Who is Russia's foreign minister?", [passage(minister)]).answerable


def test_a_who_question_is_not_answered_by_a_sentence_that_names_no_one() -> None:
    from rag.evidence.entities import names_someone

    q = analyze("Which Russian general commands the troops pushing on Chasiv Yar?")
    assert q.answer_type == "person"
    assert analyze("In what area has Moscow succeeded, which the author sees as a core reason?").answer_type != "person"
    places = "Russian occupiers are completing their push in the Chasiv Yar, Toretsk, and Novopavlivka areas."
    assert not names_someone(places, q)
    who = analyze("Who criticized Zelenskyy for rejecting the idea of ceding land?")
    assert names_someone("Trump criticized Zelenskyy for rejecting the idea of ceding land.", who)
    assert names_someone("Files on the killing of John F. Kennedy were released.", who)
    assert names_someone("Russian Foreign Minister Sergey Lavrov said the talks were useful.", who)
    # A dateline is where a report was filed (blind explore21b q01: "Who acted as the go-between …?"), also after
    # the title a span's sentence before may be.
    go_between = analyze("Who acted as the go-between for the energy truce between Ardessa and Tolvany?")
    lede = "PORT ANSELM, March 3 (Meridian) - Ardessa and Tolvany have agreed to stop attacking energy sites."
    assert not names_someone(lede, go_between)
    assert not names_someone(f"Ardessa and Tolvany agree a halt {lede}", go_between)
    assert names_someone("PORT ANSELM - Isaure Manteval brokered the deal.", go_between)
    # … and a role in lower case before a name names someone (explore20 q01's answer).
    mediator = "MIRSHOLT (Wire) - They agreed to a deal, the foreign minister of mediator Elvaren said on Tuesday."
    assert names_someone(mediator, go_between)
    assert not names_someone("MIRSHOLT (Wire) - They agreed to a deal, the minister said Tuesday.", go_between)
    model = shipped_with()
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, 10.0)
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), model)
    assert not selector.select(q.text, [passage(places)]).answerable
    named = "Russian General Oren Dale commands the troops pushing on Chasiv Yar."
    assert selector.select(q.text, [passage(named)]).answerable


def test_a_rank_describing_a_named_holder_is_not_asked_about() -> None:
    from rag.evidence.definition import asked_rank

    assert asked_rank("How many pages were seized at former President Donald Trump's home?") is None


def test_the_latest_on_a_topic_is_answered_by_a_span_holding_the_whole_topic() -> None:
    from rag.evidence.question import latest_topic

    assert latest_topic("What is the latest on the fighting at the front?") == "the fighting at the front"
    assert latest_topic("What's the latest about Donbas?") == "Donbas"
    assert latest_topic("What did Lavrov say latest?") is None
    front = "On the frontlines, the situation remains tense: fighting goes on at the front near Toretsk."
    model = shipped_with()
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, -10.0)  # never answers
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), model)
    assert selector.select("What is the latest on the fighting at the front?", [passage(front)]).answerable
    assert not selector.select("What is the latest on the Kerch bridge?", [passage(front)]).answerable
    riyadh = "Russian and American diplomats are scheduled to convene in Saudi Arabia on Monday."
    assert selector.select("What is the latest on the talks in Saudi Arabia?", [passage(riyadh)]).answerable
    assert not selector.select("What is the latest on Saudi Arabia's oil output?", [passage(riyadh)]).answerable


def test_spans_are_scored_without_the_words_naming_the_source() -> None:
    from rag.evidence.question import source_stripped

    assert source_stripped("What does the ISW analysis say prolonging the talks allows the Kremlin to do?") == (
        "What does it say prolonging the talks allows the Kremlin to do?"
    )
    assert source_stripped("According to the Tallinn article, what does Russia demand?") == "what does Russia demand?"
    assert source_stripped("What does Russia want, according to ISW?") == "What does Russia want?"
    assert source_stripped("Who wrote the opinion piece?") == "Who wrote the opinion piece?"
    lead = "The ISW analysis says the Kremlin uses the talks as a tool."
    answer = "Prolonging them allows the Kremlin to keep advancing in other areas."
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(pairs=False), shipped_with())
    found = selector.select(
        "What does the ISW analysis say prolonging the talks allows the Kremlin to do?", [passage(f"{lead} {answer}")]
    )
    assert found.items[0].text == answer


def test_an_earlier_one_of_the_thing_asked_and_a_count_of_other_things_do_not_answer_how_many_days() -> None:
    from dataclasses import replace

    from rag.evidence.entities import an_earlier_one

    earlier = "The last national port strike in Valdoria, in 2019, lasted four days and ended with a 4 percent deal."
    assert an_earlier_one("How many days did the strike last?", earlier, "2026-03-20")
    # Asked about the earlier one, or dated by the question, or a story of that year: it may answer.
    assert not an_earlier_one("How long did the previous strike last?", earlier, "2026-03-20")
    assert not an_earlier_one("How many days did the 2019 strike last?", earlier, "2026-03-20")
    assert not an_earlier_one("How many days did the strike last?", earlier, "2019-06-01")
    assert not an_earlier_one("How many days did the strike last?", earlier, None)
    # An earlier one of something else is no mismatch.
    assert not an_earlier_one("How many ships are waiting?", earlier, "2026-03-20")
    model = shipped_with()
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, 10.0)
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), model)
    dated = replace(passage(earlier), published="2026-03-20")
    assert not selector.select("How many days did the strike last?", [dated]).answerable
    assert selector.select("How many days did the 2019 strike last?", [dated]).answerable
    # "How many days" asks for a span of time: a count of workers on the first day is none.
    workers = "The union said 12,000 workers had joined the strike on its first day, about 5,000 of them at Halvik."
    assert not selector.select("How many days did the strike last?", [passage(workers)]).answerable
    assert selector.select("How many workers joined the strike?", [passage(workers)]).answerable
    ended = "The deal ends a 19-day stoppage that left dozens of ships stranded."
    assert selector.select("How many days did the strike last?", [passage(ended)]).answerable
    # An ordinal of the unit says how long so far (bundled: "In the fifth year of Russia's full-scale war …").
    fifth = "In the fifth year of Russia's full-scale war in Ukraine, the world should look different."
    assert selector.select("How many years into Russia's full-scale war is the world now?", [passage(fifth)]).answerable


def test_each_side_of_do_x_and_y_agree_gets_its_own_account_among_the_evidence() -> None:
    """explore16b q13: Halvard's own figure was not among the spans read, since the union's sentence
    ("… would go under Halvard") and a quote opening "Halvard's own numbers" (said by the union's
    leader) named Halvard; a side counts as covered only by a span in its own voice."""
    from rag.evidence.speaker import voices

    assert analyze("Do the union and Halvard agree on how many jobs would go?").sides == ("union", "Halvard")
    assert analyze("Do the sources agree on the toll?").sides == ()
    union = "The Aviation Workers' Union says 2,000 jobs would go under Halvard."
    mendez = "“Halvard's own numbers tell the story,” said Karl Mendez, the union's general secretary."
    halvard = "Halvard says no more than 800, spread over three years."
    assert voices("union", union) and not voices("Halvard", union)
    assert not voices("Halvard", mendez) and voices("Halvard", halvard)
    # A side's speaker in lower case, or one of its people (explore15: the union's economist).
    costs = "The chamber of commerce says 40 million euros a day; the union's own economist says half that."
    assert voices("union", costs) and voices("chamber of commerce", costs)
    assert not voices("union", "The chamber of commerce says the union's strike costs 40 million euros a day.")
    # Halvard's sentence is about the jobs by the sentence before it, as in the article.
    text = f"{mendez} The weather was hot and the queues were long at the airport. {union} {halvard}"
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(max_items=2), shipped_with())
    found = selector.select("Do the union and Halvard agree on how many jobs would go?", [passage(text)])
    assert any(e.text == halvard for e in found.items)


def test_why_is_not_answered_by_the_event_alone_and_a_closing_participle_is_no_owned_thing() -> None:
    """explore16b q16: "Why was the shareholder vote on Halvard's offer postponed?" abstained because the
    owner check read "offer postponed" as Halvard's thing (the board's "postponed" was another owner's);
    once that was mended, it quoted the postponement itself, which gives no reason."""
    from rag.evidence.entities import gives_reason
    from rag.evidence.owner import owned_things

    assert [o.thing for o in owned_things("Why was the vote on Halvard's offer postponed?")] == [("offer",)]
    assert [o.thing for o in owned_things("How is Harris's newly rebranded campaign doing?")] == [
        ("newly", "rebranded", "campaign")
    ]
    event = (
        "On Monday, Corvane's board postponed the shareholder vote on Halvard's offer, set for April 7, to April 28."
    )
    reason = "The board said it needed more time to evaluate the rival proposal from Skylis Partners."
    assert not gives_reason(event) and gives_reason(reason)
    assert gives_reason("Various cities canceled their fireworks to decrease the risk of fires amid a drought.")
    model = shipped_with()
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, 10.0)
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), model)
    asked = "Why was the shareholder vote on Halvard's offer postponed?"
    assert not selector.select(asked, [passage(event)]).answerable
    # … nor by the sentence before it giving the reason for something else.
    before = "Analysts expect the airline's shares to fall after a weak quarter."
    found = selector.select(asked, [passage(f"{before} {event}")])
    assert found.items[0].text == event and not found.answerable
    because = "The board postponed the vote on Halvard's offer because it needed more time to weigh the rival bid."
    assert selector.select(asked, [passage(because)]).answerable
    assert gives_reason("Trump criticized Zelenskyy for publicly rejecting the idea of ceding land.")
    assert gives_reason("Diplomats met in Riyadh on Monday to discuss a partial ceasefire.")
    # A participle clause or "given that" gives one too (bundled: Putin skips the summit, "ducking the
    # possibility of arrest"; recognition is uncertain "given that dozens of countries have decried" it).
    assert gives_reason("Putin will not attend the summit, ducking the possibility of arrest on an indictment.")
    assert gives_reason("Recognition remains uncertain given that dozens of countries have decried it.")


def test_when_and_how_many_are_not_answered_by_a_span_without_a_time_or_a_number() -> None:
    from rag.evidence.entities import agentless, names_someone, places_in_time

    when = analyze("When did Russia annex the three oblasts?")
    assert not places_in_time("Lavrov's comments reflect Russia's stance that Ukraine must cede territories.", when)
    assert places_in_time("Even before his presidency began, he claimed he would end the war.", when)
    assert places_in_time("Russia annexed them in September 2022.", when)
    assert not places_in_time("Now, Trump has offered conflicting signals and no deal has been brokered.", when)
    from rag.evidence.entities import gives_duration

    assert not gives_duration("Temporary easing of sanctions on Russian oil could generate roughly $2 billion.")
    assert gives_duration("Russia wants to sustain its campaign against the West indefinitely.")
    assert gives_duration("Peace is nowhere in sight over one year later.")
    # A point in time is no span of it: "on that day" does not say how long the call lasted.
    assert not gives_duration("Specifically, on that day, Trump and Putin held a telephone conversation.")
    assert gives_duration("The call lasted more than two hours.")
    assert gives_duration("After a 90-minute call, the leaders spoke again for weeks.")
    model = shipped_with()
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, 10.0)
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), model)
    stance = "Russia insists that Ukraine must cede the oblasts Russia claims to have annexed."
    assert not selector.select("When did Russia annex the oblasts?", [passage(stance)]).answerable
    assert not selector.select("What share of the oblasts does Russia occupy?", [passage(stance)]).answerable
    # "Which official presented …?" meets "reportedly presented to Kyiv": no one named.
    assert agentless("Which official presented the plan to Kyiv?", "A plan was reportedly presented to Kyiv.")
    # The question's own country under another spelling is no official.
    us = analyze("Which U.S. official tied guarantees to a withdrawal?")
    assert not names_someone("The United States has reportedly tied guarantees to a withdrawal.", us)


def test_a_participle_after_a_noun_is_a_passive_and_a_disclaimer_names_no_one_asked_about() -> None:
    from rag.evidence.entities import agentless

    proposal = "Outlines of a peace proposal reportedly presented to Kyiv last month allegedly included a deal."
    assert agentless("Which official presented Kyiv with the outline of a peace proposal?", proposal)
    assert not agentless("Who presented the plan?", "Marlow presented the plan to Congress.")
    assert not agentless("Who presented the plan?", "He presented it to Congress.")
    model = shipped_with()
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, 10.0)
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(pairs=False), model)
    text = (
        "The views expressed in opinion pieces do not necessarily reflect the position of The Daily Times. "
        "The alliance has reportedly tied future security guarantees to a withdrawal from the region."
    )
    asked = "Which official tied future security guarantees to a withdrawal from the region?"
    assert not selector.select(asked, [passage(text)]).answerable


def _always_answers() -> EvidenceSelector:
    """A selector whose answer model says yes to everything, so only the rules decide."""
    model = shipped_with()
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, 10.0)
    return EvidenceSelector(HashingEmbeddings(), EvidenceSettings(pairs=False), model)


def test_which_us_official_asks_for_a_person_and_a_country_is_no_answer() -> None:
    assert answer_type("Which U.S. official tied security guarantees to a withdrawal?") == "person"
    assert answer_type("What do official sources call the recognition of its leadership?") != "person"
    text = "The United States has reportedly tied future security guarantees to a withdrawal from the region."
    selector = _always_answers()
    assert not selector.select(
        "Which U.S. official tied security guarantees to a withdrawal?", [passage(text)]
    ).answerable
    named = "U.S. envoy Dana Marlow tied future security guarantees to a withdrawal from the region."
    assert selector.select("Which U.S. official tied security guarantees to a withdrawal?", [passage(named)]).answerable


def test_words_of_unnamed_sources_name_no_one_whoever_the_sentence_before_names() -> None:
    text = (
        "President Dana Marlow and Premier Oren Dale held a call on the ceasefire. "
        "Official sources note that for real progress, Russia must recognize the legitimacy of its neighbour."
    )
    asked = "Which official said Russia must recognise the legitimacy of its neighbour for real progress?"
    assert not _always_answers().select(asked, [passage(text)]).answerable
    # A quotation still takes its speaker from the sentence before.
    quoted = (
        "President Dana Marlow spoke after the call on the ceasefire. "
        '"For real progress, Russia must recognize the legitimacy of its neighbour," he said.'
    )
    assert _always_answers().select(asked, [passage(quoted)]).answerable


def test_a_year_the_question_states_must_not_be_another_in_the_answer() -> None:
    from rag.evidence.entities import gives_numbers

    text = "It mirrors the weak response to Russia's aggression in 2014, which led to the brink of war."
    assert not gives_numbers("What did the weak response to Russia's aggression in 2008 lead to?", text)
    assert gives_numbers("What did the weak response to Russia's aggression in 2014 lead to?", text)
    assert gives_numbers("What did the weak response in 2008 lead to?", "The weak response led to war.")
    # A year naming an edition, or one the answer only measures from, is no mismatch.
    cup = "Colorado defeated Tampa Bay in Game 6 to win the team's first Stanley Cup since 2001."
    assert gives_numbers("Which team won the 2022 NHL Stanley Cup Finals?", cup)
    assert gives_numbers("Which team won the Stanley Cup in 2022?", cup)
    assert gives_numbers("Did Russia's aggression begin in 2014 or in 2022?", text)


def test_a_deed_the_other_way_round_is_no_answer() -> None:
    from rag.evidence.entities import swaps_roles

    text = "Trump criticized Zelenskyy for publicly rejecting the idea of ceding land."
    assert swaps_roles("Why did Zelenskyy criticize Trump for rejecting the idea of ceding land?", text)
    assert not swaps_roles("Why did Trump criticize Zelenskyy for rejecting the idea of ceding land?", text)
    assert not swaps_roles("Why did Zelenskyy criticize Trump?", "Zelenskyy was criticized by Trump.")
    assert not swaps_roles("Why did Zelenskyy criticize Trump?", "Kyiv said Zelenskyy criticized Trump.")
    selector = _always_answers()
    assert not selector.select("Why did Zelenskyy criticize Trump for rejecting the idea?", [passage(text)]).answerable
    assert selector.select("Why did Trump criticize Zelenskyy for rejecting the idea?", [passage(text)]).answerable


def test_which_organisation_is_not_answered_by_countries() -> None:
    from rag.evidence.entities import asks_body, names_body

    q = analyze("Which organisation would monitor a ceasefire?")
    assert asks_body(q.text) and not asks_body("Which official would monitor a ceasefire?")
    countries = "According to analysts, a ceasefire would require Russia and Ukraine to agree on monitoring."
    assert not names_body(countries, q)
    assert names_body("The OSCE would monitor a ceasefire along the line.", q)
    assert names_body("The Atlantic Council would monitor a ceasefire.", q)
    assert not _always_answers().select(q.text, [passage(countries)]).answerable


def test_a_question_typed_in_lower_case_reads_names_as_the_passages_write_them() -> None:
    from rag.evidence.casing import restore_case

    texts = ["The EU's top diplomat Kaja Kallas spoke of Russia, and historian Sergey Radchenko of the talks."]
    assert restore_case("who is radchenko", texts) == "who is Radchenko"
    assert restore_case("wat did kaja kalas say abt russia", texts) == "what did Kaja Kallas say about Russia"
    # A question with a capital is left as typed: "Kallis" may be someone else.
    assert restore_case("What did Kallis say about the talks?", texts) == "What did Kallis say about the talks?"
    # A word the passages also write in lower case is an ordinary word.
    assert restore_case("what did the talks show", ["The Talks began. Both sides left the talks."]) == (
        "what did the talks show"
    )
    # A misspelt ordinary word is read as the passages spell it (hand-read round 9 Q22), not one that
    # starts otherwise ("unlikely" is no "likely").
    lavrov = ["Lavrov wants the US to lift sanctions on Aeroflot, which is likely to take months."]
    assert restore_case("aeroflot sanctons", lavrov) == "Aeroflot sanctions"
    assert restore_case("is it unlikely", lavrov) == "is it unlikely"
    holder = "Historian and professor Sergey Radchenko claims that the terms are still in the air."
    found = _always_answers().select("what did radchenko claim abt the terms", [passage(holder)])
    assert found.question == "what did Radchenko claim about the terms"
    assert analyze(found.question).names == ("Radchenko",)


def test_a_pair_opening_with_this_proposal_gives_way_to_the_sentence_naming_the_proposal() -> None:
    from rag.evidence.selector import EvidenceSelector as Selector

    text = (
        "Lavrov said flights should depend on lifting sanctions on Aeroflot. "
        "Lavrov claimed the US had agreed to this proposal in Riyadh. "
        "Analysts say this conflicts with remarks by Dmitriev on sanctions relief."
    )
    p = passage(text)
    sentences = ["Lavrov said", "Lavrov claimed", "Analysts say"]
    bounds = [
        (text.index(a), text.index(b) if b else len(text))
        for a, b in zip(sentences, [*sentences[1:], None], strict=True)
    ]

    def cand(*members: int) -> Candidate:
        start, end = bounds[members[0]][0], bounds[members[-1]][1]
        return Candidate(text[start:end].strip(), p, 0, start, end, members)

    candidates = [cand(0), cand(1), cand(2), cand(0, 1), cand(1, 2)]
    joined = Selector._with_antecedent(analyze("What did Lavrov say about sanctions?"), (cand(1, 2), 0.9), candidates)
    assert joined[0].members == (0, 1)
    # Its second sentence holds what is asked ("Dmitriev"): the pair stays.
    kept = Selector._with_antecedent(analyze("Whose remarks conflict with Lavrov's?"), (cand(1, 2), 0.9), candidates)
    assert kept[0].members == (1, 2)


def test_what_someone_told_an_outlet_quotes_nothing_that_leaves_the_outlet_out() -> None:
    interview = passage("In an interview with Le Monde, Zelensky said there is no evidence Moscow wants peace.", "a::0")
    other = passage("Trump criticized Zelenskyy for publicly rejecting the idea of ceding land.", "b::0", article="b")
    found = _always_answers().select("What did Zelensky tell Le Monde?", [interview, other])
    assert [e.passage.chunk_id for e in found.items] == ["a::0"]
    assert not _always_answers().select("What did Zelensky tell Le Monde?", [other]).items


def test_a_month_or_year_asked_for_must_be_named() -> None:
    from rag.evidence.entities import gives_asked_unit

    assert not gives_asked_unit("In which month was the outline presented to Kyiv?", "presented to Kyiv last month")
    assert gives_asked_unit("In which month was the outline presented to Kyiv?", "presented to Kyiv in April")
    assert not gives_asked_unit("What year did the talks start?", "The talks started last spring.")
    assert gives_asked_unit("When was it presented?", "presented to Kyiv last month")  # no unit asked


def test_a_name_joined_to_the_same_word_must_be_the_same_name() -> None:
    from rag.evidence.entities import another_compound

    text = "The three completed rounds of U.S.-mediated negotiations show a pattern."
    assert another_compound("What did the first round of EU-mediated negotiations establish?", text)
    assert not another_compound("What did the US-mediated negotiations show?", text)
    assert not another_compound("What did the negotiations show?", text)
    assert not another_compound("What did the EU-mediated talks show?", "The talks showed a pattern.")


def test_unnamed_experts_and_outlets_are_no_answer_to_which_ones() -> None:
    for asked in (
        "Which analysts believe that Putin may be prolonging the war?",
        "Which expert stressed that Moscow should make concessions?",
        "Which Russian outlets stressed the breadth of the agenda?",
        "Which of Trump's officials discussed ice hockey?",
    ):
        assert answer_type(asked) == "person", asked
    text = "Analysts believe that Putin may be prolonging the war and making gains on the battlefield."
    assert (
        not _always_answers()
        .select("Which analysts believe that Putin may be prolonging the war?", [passage(text)])
        .answerable
    )
    from rag.evidence.entities import asks_body

    assert asks_body("Which U.S. government agency believes Putin wants peace?")
    assert not asks_body("What kind of alliance has Trump entered into?")  # a description, not a body


def test_a_deed_in_progress_the_other_way_round_is_no_answer() -> None:
    from rag.evidence.entities import swaps_roles

    text = "Trump also appears to be putting more pressure on Kyiv to reach a peace deal."
    assert swaps_roles("Why has Kyiv been putting more pressure on Trump to reach a peace deal?", text)
    assert not swaps_roles("Why has Trump been putting more pressure on Kyiv?", text)


def test_a_yes_no_question_is_not_answered_about_someone_else() -> None:
    from rag.evidence.question import yes_no_subject

    assert yes_no_subject("Is the US still giving military aid to Ukraine?") == "US"
    assert yes_no_subject("Were sanctions on Russia eased?") is None  # its subject is no name
    text = "The international community continues to support Ukraine by providing significant military aid."
    selector = _always_answers()
    assert not selector.select("Is the US still giving military aid to Ukraine?", [passage(text)]).answerable
    assert selector.select("Is the international community still giving military aid?", [passage(text)]).answerable


def test_a_named_edition_a_publication_month_and_a_yes_no_question() -> None:
    """Hand-read rounds 10 and 11: Halo 2's sales answered "how many copies has Halo 3 sold"; an article
    of 2022-07-14 did not answer "… by mid-July 2022?"; "Has Kyiv changed its view on who sent the
    packages?" was typed a "who" question; "What is the name of the whistleblower …?" was not."""
    from rag.evidence.entities import gives_dates, gives_numbers
    from rag.evidence.question import answer_type

    halo = "The game Halo 2 has sold 6.23 million copies since its release."
    assert not gives_numbers("how many copies has Halo 3 sold", halo)
    assert gives_numbers("how many copies has Halo 2 sold", halo)
    assert gives_numbers("What happened on May 19?", "On May 20 the talks ended.")  # dates are gives_dates'

    aid = "The Biden administration has approved about $6 billion in military aid for Ukraine."
    question = "How much military aid had the Biden administration approved by mid-July 2022?"
    assert gives_dates(question, aid, "2022-07-14") and not gives_dates(question, aid, "2022-08-01")
    assert not gives_dates("What was agreed on 19 March 2025?", aid, "2025-03-19")  # a day is the text's to give

    assert answer_type("Has Kyiv changed its view on who sent the packages?") == "other"
    assert answer_type("What is the name of the whistleblower who was given a passport?") == "person"
    assert answer_type("What is the name of the ship?") != "person"


def test_the_latest_on_a_person_is_held_by_a_span_naming_the_surname() -> None:
    """Hand-read round 11 Q21: "What's the latest on Brittney Griner?" was abstained on; the passages
    call her "Griner" only."""
    from rag.evidence.selector import _holds_topic

    assert _holds_topic("Brittney Griner", "Griner is currently due to serve a nine-year sentence in Russia.")
    assert not _holds_topic("Brittney Griner", "Brittney Spears released a new album this week.")
    assert not _holds_topic("the talks in Saudi Arabia", "Diplomats will meet in Saudi on Monday.")


def test_a_compound_of_two_names_is_named_by_its_names() -> None:
    """explore16 q05, q25: "Varnia-Ostrel talks" was said to be named nowhere ("The indexed articles don't
    mention Varnia-Ostrel"), though every article names Varnia and Ostrel."""
    from rag.evidence.features import names_found

    assert names_found(["Varnia-Ostrel"], "Talks between Varnia and Ostrel began in Seravo.")
    assert not names_found(["Varnia-Ostrel"], "Talks began in Seravo.")
    assert not names_found(["Rolls-Royce"], "The royce of the town.")  # not two capitalised names in the text
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), shipped_with())
    found = selector.select("When did the Varnia-Ostrel talks begin?", [passage("Varnia and Ostrel met on 2 March.")])
    assert found.missing == []
    # A hyphenated surname, written as one word in the text (blind explore24b q28: "The indexed articles don't
    # mention Venkova-Marr", though an article names "Aurelia Venkova-Marr").
    appointed = "Foreign ministers appointed Aurelia Venkova-Marr as the new Special Envoy for Sanctions."
    assert names_found(["Venkova-Marr"], appointed) == {"Venkova-Marr"}
    assert selector.select("Has Venkova-Marr started as envoy?", [passage(appointed)]).missing == []


def test_near_miss_names_years_audiences_and_posts_are_not_answered() -> None:
    """Hand-read round 13 (asked of the eleventh session's code): the Beatles' suits answered "How much
    did the Rolling Stones suits sell for?" (another passage's "flattening stone … homes" counted as
    naming the band); the 2005 Sundance winner answered "… at the 2004 Sundance festival?"; what Sarah
    Mukasa told the BBC answered what she "told the Ugandan parliament"; "Who heads the Ugandan Media
    Council?" was answered by a sentence naming no one in that post."""
    from rag.evidence.entities import another_year_edition
    from rag.evidence.features import names_found
    from rag.evidence.speaker import names_recipient

    assert not names_found(["Rolling Stones"], "The quake flattened stone and mud-brick homes.")
    assert names_found(["Rolling Stones"], "The Stones played on.")  # a second mention by one word
    assert names_found(["Rupert Murdoch"], "Mr Murdoch said so.")
    assert names_found(["Justice Department"], "The department said so.")  # a body's mention need not be capitalised

    sundance = "The film won at the 2005 Sundance Film Festival in Utah."
    assert another_year_edition("Which drama won at the 2004 Sundance festival?", sundance)
    assert not another_year_edition("Which drama won at the 2005 Sundance festival?", sundance)
    assert not another_year_edition("Which drama won at the 2004 Sundance festival?", "It won at Sundance.")

    mukasa = "\"I'm outraged,\" the organiser, Sarah Mukasa, told the BBC's Focus on Africa programme."
    assert not names_recipient("What did Sarah Mukasa tell the Ugandan parliament about the play?", mukasa)
    assert names_recipient("What did Sarah Mukasa tell the BBC about the play?", mukasa)
    assert names_recipient("What did Lavrov tell reporters?", "Lavrov told journalists in Moscow.")
    assert not names_recipient("What did Lavrov tell reporters?", "Lavrov told parliament.")

    selector = _always_answers()
    council = "Some parliamentarians and church leaders are siding with the Media Council, New Vision reports."
    assert not selector.select("Who heads the Ugandan Media Council?", [passage(council)]).answerable
    sundance_passage = passage(f"{sundance} In the main drama category, Forty Shades of Blue won the grand jury prize.")
    assert not selector.select("Which drama won at the 2004 Sundance festival?", [sundance_passage]).answerable
    assert selector.select("Which drama won at the 2005 Sundance festival?", [sundance_passage]).answerable


def test_round_14_a_name_is_no_figure_and_lists_or_pronouns_of_others_answer_nothing() -> None:
    """Hand-read round 14: "how many caps did gareth llewelyn win" was answered by "… at the end of the
    Six Nations" (a name, no figure); "What was the score …" was not typed a number; the bondholders of
    six other countries answered "… live in France?"; "He won a Grammy …",
    about Marc Anthony, answered "How many Grammy nominations does Bono have?"."""
    from rag.evidence.entities import lists_others

    assert answer_type("what was the score when moya beat roddick in the davis cup") == "number"
    # A score is "2-1", not any number (round 16 q06 quoted "three fans were arrested").
    selector_ = _always_answers()
    fans = "Hearts could face action after three fans were arrested for throwing coins on the pitch."
    assert not selector_.select("what was the score when Hearts played Rangers", [passage(fans)]).answerable
    won = "Rangers beat Hearts 2-1 at Tynecastle after three fans were arrested."
    assert selector_.select("what was the score when Hearts played Rangers", [passage(won)]).answerable
    info = analyze("how many caps did gareth llewelyn win for wales")
    assert not has_type("Gareth Llewellyn will retire at the end of the Six Nations.", "number", info)
    assert has_type("He retires after six seasons.", "number", info)

    selector = _always_answers()

    shares = "Of Argentina's bondholders, 38.4% reside in Argentina, 15.6% in Italy and 10.3% in Switzerland."
    assert lists_others(analyze("What share of Argentina's bondholders live in France?"), shares)
    assert not lists_others(analyze("What share of Argentina's bondholders live in Italy?"), shares)
    assert not selector.select("What share of Argentina's bondholders live in France?", [passage(shares)]).answerable

    anthony = "Anthony became Lopez's third husband in June 2004. He won a Grammy in 1998 and is up for two more."
    assert not selector.select("How many Grammy nominations does Bono have?", [passage(anthony)]).answerable
    assert selector.select("How many Grammy nominations does Marc Anthony have?", [passage(anthony)]).answerable
    # "It" after a sentence whose subject is a body (blind explore24c q30).
    agency = [
        passage("The agency runs a free hotline for farmers. It also keeps 22 mine-detection dogs."),
        passage("Fieldmark, which compiles its own figures, puts the toll at 27.", "b::0", article="b"),
    ]
    assert not selector.select("How many mine-detection dogs does Fieldmark have?", agency).answerable
    assert selector.select("How many mine-detection dogs does the agency have?", agency).answerable


def test_an_aside_between_dashes_and_a_quotation_of_two_sentences_are_not_cut() -> None:
    """Hand-read round 14: q03 lost "to Leonid Nevzlin" behind "Group Menatep - which controls Yukos -";
    q24 began mid-quote at "So this large amount is unbelievable," said Michael Scherkenbach."""
    yukos = "Mr Khodorkovsky handed his stake in Group Menatep - which controls Yukos - to Leonid Nevzlin, it said."
    clause = answering_clause(yukos, analyze("Who did Khodorkovsky hand his stake to?"))
    assert clause is None or "Leonid Nevzlin" in clause
    quote = 'Drivers got $100,000. "The usual amount is $5,000. So this is unbelievable," said Michael Scherkenbach.'
    assert [quote[a:b] for a, b in evidence_spans(quote)] == [
        "Drivers got $100,000.",
        '"The usual amount is $5,000. So this is unbelievable," said Michael Scherkenbach.',
    ]
    # A quotation of several paragraphs opens each anew: its sentences stay apart (round 15 q23, q28).
    opik = 'Mr Opik said: "Hunting is not defined in the Act. "Now Defra have invented a category.'
    assert len(evidence_spans(opik)) == 2


def test_the_latest_on_a_topic_leads_with_the_newest_report_on_it() -> None:
    """Hand-read round 14 q26, q27: "What is the latest on Twitter?" showed the report of 20 October first
    under "As of 3 November 2022"; a newer span off the topic must not lead either."""

    old = dataclasses.replace(
        passage("The latest on Twitter: Twitter locked Ye's account.", "o::0", article="o"), published="2022-10-20"
    )
    new = dataclasses.replace(
        passage("Twitter is considering charging $8 a month for verification.", "n::0", article="n"),
        published="2022-11-03",
    )
    other = dataclasses.replace(
        passage("Google unveiled Bard earlier this week.", "g::0", article="g"), published="2023-02-09"
    )
    evidence = _always_answers().select("What is the latest on Twitter?", [old, new, other])
    dates = [e.passage.published for e in evidence.items]
    assert evidence.answerable and dates[0] == "2022-11-03"
    assert all(e.passage.article_id != "g" for e in evidence.items[:1])


def test_so_far_leads_with_the_newest_figure_that_answers() -> None:
    """explore12 H3: "How many people have died in the Valencia floods so far?" quoted 30 October's "killed
    12" under "As of 4 November", the date of a note's side; 4 November's "risen to 217" was left out."""

    old = dataclasses.replace(
        passage("People have died in the Valencia floods: 12, officials said.", "o::0", article="o"),
        published="2024-10-30",
    )
    new = dataclasses.replace(
        passage("People have died in the Valencia floods: 217, officials said.", "n::0", article="n"),
        published="2024-11-04",
    )
    evidence = _always_answers().select("How many people have died in the Valencia floods so far?", [old, new])
    assert [e.passage.published for e in evidence.items][:1] == ["2024-11-04"]
    plain = _always_answers().select("How many people have died in the Valencia floods?", [old, new])
    assert plain.items[0].passage.published == "2024-10-30"  # no "so far": the best match leads


def test_a_long_name_one_letter_off_is_read_as_the_passages_but_a_short_one_is_not() -> None:
    """Round 15 q14: "Saakashvilli's tax amnesty" was abstained on ("don't mention Saakashvilli"). A short
    name may be someone else's ("Kallis" is not "Kallas") and stays as typed."""
    from rag.evidence.casing import restore_case

    texts = ["The new president, Mikhail Saakashvili, said so. Estonia's Kaja Kallas agreed."]
    assert restore_case("How much do people pay under Saakashvilli's amnesty?", texts) == (
        "How much do people pay under Saakashvili's amnesty?"
    )
    assert restore_case("What did Kallis say?", texts) == "What did Kallis say?"
    assert restore_case("What did Sakamoto say?", texts) == "What did Sakamoto say?"


def test_a_semicolon_in_brackets_does_not_end_the_answering_clause() -> None:
    """Round 15 q15: "1bn CFA francs ($2m" lost its "a month" at the semicolon inside the brackets."""
    text = "Cameroon says corruption in its finance ministry has cost it 1bn CFA francs ($2m; £1m) a month."
    clause = answering_clause(text, analyze("How much is the Cameroon payroll fraud costing?"))
    assert clause is None or "a month" in clause


def test_a_sure_span_holding_every_key_term_answers_a_short_question() -> None:
    """explore12 M6: "Who visited Paiporta?" was abstained on beside "King Felipe visited Paiporta on
    Sunday, …": the answer model weighs the passage's overall match, low for a short question."""
    from rag.evidence.model import Logistic

    model = shipped_with()
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, -10.0)  # never answers
    text = "King Felipe visited Paiporta on Sunday, where angry residents threw mud at the royal party."
    sure = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(pairs=False, sure_span=0.0), model)
    off = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(pairs=False, sure_span=1.0), model)
    assert sure.select("Who visited Paiporta?", [passage(text)]).answerable
    assert not off.select("Who visited Paiporta?", [passage(text)]).answerable
    assert not sure.select("Who visited Valencia?", [passage(text)]).answerable  # a key term is missing
    # It overrules the answer model, not the rules: another owner's minister is still no answer.
    lavrov = "Russian Foreign Minister Sergey Lavrov said recognition of the regions taken from Ukraine is imperative."
    question = "What did Ukraine's foreign minister say about recognition of the regions?"
    assert not sure.select(question, [passage(lavrov)]).answerable
    # A number asked for must be in its own words, not in the sentence before (fresh8 p31).
    attacks = "Strikes hit 12 regions overnight. The scale of Russian attacks is intensifying to over 1,000 drones."
    split = "How many of the more than 1,000 drones in Russian attacks hit the regions?"
    assert not sure.select(split, [passage(attacks)]).answerable
    own = "Of the more than 1,000 drones in Russian attacks overnight, 40 hit the regions."
    assert sure.select(split, [passage(own)]).answerable
    # The verb framing a where question need not be held (bundled corpus: "during talks in Riyadh on 27 February").
    riyadh = "Lavrov claimed the United States had agreed to this during talks in Riyadh on 27 February."
    assert sure.select("Where were the talks on 27 February held?", [passage(riyadh)]).answerable
    assert not sure.select("Where were the talks on 27 February postponed?", [passage(riyadh)]).answerable


def test_a_report_contradicting_the_leading_column_leads_it(selector: EvidenceSelector) -> None:
    """Blind explore26c q30: "Morvany, for its part, has yet to launch the counter-offensive …" (a 5 September
    analysis) was the whole answer to "Has Morvany started its counter-offensive yet?"; a 2 September report read with
    it says its forces "had launched the counter-offensive at dawn that day"."""
    column = "Morvany, for its part, has yet to launch the counter-offensive that its defence minister promised."
    report = "Morvany's defence ministry said its forces had launched the counter-offensive at dawn that day."
    other = "Morvany's defence ministry said its forces had launched a drone attack on the bridge at dawn that day."
    read = [
        dataclasses.replace(passage(column, "c::0", article="c"), published="2026-09-05", genre="analysis"),
        dataclasses.replace(passage(report, "r::0", article="r"), published="2026-09-02"),
    ]
    found = selector.select("Has Morvany launched the counter-offensive that its defence minister promised?", read)
    assert found.answerable and found.items[0].text == report
    assert any(e.disputes and e.text == column for e in found.items)
    # Nor one that negates as the column does: the two agree (explore26d q10).
    none = "The court still has no chief prosecutor since Anselm Qorvath stepped aside, and a deputy runs the office."
    without = (
        "The office has been without a permanent chief since Anselm Qorvath, the Belmoran judge chosen as the first "
        "chief prosecutor, withdrew last week over his former law firm's work for Talvora's state gas company."
    )
    chiefs = [
        dataclasses.replace(passage(none, "c::0", article="c"), published="2026-04-03", genre="opinion"),
        dataclasses.replace(passage(without, "r::0", article="r"), published="2026-03-25"),
    ]
    assert selector.select("Why did Anselm Qorvath step down as chief prosecutor?", chiefs).items[0].text == none
    # A report that does not contradict the column neither leads nor is quoted.
    read[1] = dataclasses.replace(passage(other, "r::0", article="r"), published="2026-09-02")
    found = selector.select("Has Morvany launched the counter-offensive that its defence minister promised?", read)
    assert found.items[0].text == column and all(e.text != other for e in found.items)


def test_a_chosen_span_telling_of_the_day_asked_leads(selector: EvidenceSelector) -> None:
    """Blind explore26 q07: "How many ships had made it through the corridor by 2 July?" abstained: the best span was
    the ministry's count of 9 July, which the rules reject, beside "By Thursday evening [2 July], … 24 ships had sailed
    through the corridor"."""
    later = "The ministry put the number of ships that have made it through the corridor at 34 on 9 July."
    asked = "On 2 July the ports authority said 24 ships had sailed through the corridor."
    read = [
        dataclasses.replace(passage(later, "l::0", article="l"), published="2026-07-10"),
        dataclasses.replace(passage(asked, "a::0", article="a"), published="2026-07-03"),
    ]
    question = "How many ships had made it through the corridor by 2 July?"
    scored = selector.select(question.replace(" by 2 July", ""), read)
    assert scored.items[0].text == later  # the best span, asked of no day
    found = selector.select(question, read)
    assert found.items[0].text == asked
    # … of the one asked about: another's deputy at that session does not lead (explore20b).
    karvesh = "A Karvesh deputy minister stood in for the head of the Karvesh delegation at a session, Karvesh said."
    ulvendra = "At the 16 April session, Ulvendra's delegation was led by Deputy Foreign Minister Petar Ilvanov."
    read = [passage(karvesh, "k::0", article="k"), passage(ulvendra, "u::0", article="u")]
    asked_of = "Which Karvesh deputy minister stood in for the head of the Karvesh delegation at the 16 April session?"
    assert selector.select(asked_of, read).items[0].text == karvesh


def test_a_newer_report_scored_near_the_best_leads_a_latest_answer() -> None:
    """explore13 H1: "What is the latest death toll …?" led with 5 March's "death toll … risen to 27"
    (span 0.71) over 9 March's "people killed … has reached 41" (0.23), which names no "death toll"."""

    from rag.evidence.selector import _answering_as_well, _newest_leading
    from rag.evidence.types import Evidence

    question = "What is the latest death toll in the Valdoria floods?"
    old = dataclasses.replace(passage("The death toll has risen to 27.", "o::0", article="o"), published="2026-03-05")
    new = dataclasses.replace(passage("People killed: 41.", "n::0", article="n"), published="2026-03-09")
    weak = dataclasses.replace(passage("Rain fell.", "w::0", article="w"), published="2026-03-10")
    items = [
        Evidence(old.text, old, 0, 31, 0.71),
        Evidence(new.text, new, 0, 18, 0.23),
        Evidence("Rain fell.", weak, 0, 10, 0.1),
    ]
    near = _answering_as_well(question, analyze(question), items, None)
    assert [e.score for e in near] == [0.71, 0.23]  # 0.1 is too far from the best
    assert [e.passage.published for e in _newest_leading(items, near)] == ["2026-03-09", "2026-03-05", "2026-03-10"]


def test_what_x_said_about_y_is_not_a_pair_whose_sentence_on_y_is_another_speakers() -> None:
    """explore13 M5: "What did Marisela Quintanilla say about a reconstruction fund?" quoted a span of two
    sentences, hers on shelters and the prime minister's on the fund."""
    selector = _always_answers()
    text = (
        "Governor Marisela Quintanilla said 4,000 people remained in shelters. "
        "Prime Minister Anton Berezhnoy said he would announce a reconstruction fund next week."
    )
    from rag.evidence.selector import _rejected
    from rag.evidence.types import Evidence

    pair = Evidence(text, passage(text), 0, len(text), 0.8)
    question = "What did Marisela Quintanilla say about a reconstruction fund?"
    assert _rejected(question, analyze(question), pair, "Marisela Quintanilla")
    theirs = "What did Anton Berezhnoy say about a reconstruction fund?"
    assert not _rejected(theirs, analyze(theirs), pair, "Anton Berezhnoy")
    assert not selector.select(question, [passage(text)]).answerable


def test_an_irregular_past_tense_covers_the_verb_asked_about() -> None:
    """explore13 M6: "How much did the economy grow?" against "the economy grew by 1.2%": the stemmer
    leaves grew and grow apart; their base form joins them. A lemma of another first letter ("us" ->
    "we") is the lemmatizer's guess at a lost case and is not taken."""
    from rag.evidence.question import content_stems

    assert set(analyze("How much did the economy grow?").terms) <= set(content_stems("The economy grew by 1.2%."))
    assert "hold" in content_stems("Talks were held in Geneva.")
    assert "we" not in content_stems("us officials")


def test_a_weak_best_span_answers_only_by_a_rule() -> None:
    """explore15 q01: "When did the port strike begin?" was answered by a span scored 0.29 on the strike's
    end, the answer model going by the passages' overall match."""
    from rag.evidence.features import FEATURES
    from rag.evidence.model import Logistic

    model = shipped_with()
    n, m = len(ANSWER_FEATURES), len(FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, 10.0)  # always answers
    model.span = Logistic(list(FEATURES), [0.0] * m, [1.0] * m, [0.0] * m, -2.0)  # every span 0.12
    text = "Dockworkers will return to work on Saturday, ending a 19-day port strike."
    question = "When did the port strike begin?"
    assert (
        not EvidenceSelector(HashingEmbeddings(), EvidenceSettings(), model)
        .select(question, [passage(text)])
        .answerable
    )
    off = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(min_span=0.0), model)
    assert off.select(question, [passage(text)]).answerable


def test_the_newest_report_holding_every_key_term_leads_a_question_on_the_latest() -> None:
    """explore15b q05: "By Sunday, DINADEC put the toll at 61 dead, with 12 people still missing" (10 June)
    scored under three older reports and was not among the spans chosen; "still missing" quoted 29."""

    from rag.evidence.features import FEATURES
    from rag.evidence.model import Logistic

    model = shipped_with()
    n, m = len(ANSWER_FEATURES), len(FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, 10.0)  # always answers
    model.span = Logistic(list(FEATURES), [0.0] * m, [1.0] * m, [0.0] * m, 1.0)  # every span 0.73
    older = [
        ("2024-05-18", "Officials said 61 people were still missing in the valley."),
        ("2024-05-22", "Officials said 44 people were still missing in the valley."),
        ("2024-05-29", "Officials said 29 people were still missing in the valley."),
    ]
    passages = [dataclasses.replace(passage(text, f"{day}::0", article=day), published=day) for day, text in older]
    newest = "The valley mourns. By Sunday, officials put the toll at 61 dead, with 12 people still missing."
    passages.append(dataclasses.replace(passage(newest, "2024-06-10::0", article="new"), published="2024-06-10"))
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(pairs=False, max_items=3), model)
    found = selector.select("How many people are still missing?", passages)
    assert found.answerable and "12 people still missing" in found.items[0].text
    # Not asked for the latest: the order of the chosen spans stands.
    assert "12 people" not in selector.select("How many people went missing?", passages).items[0].text
    # The newest report may leave a key term to its title (explore17 q25: "quota" only in the title).
    agenda = "The main item on the agenda is the quota on the bank, currently 9,500 tonnes a year."
    deal = "Trawlers will be allowed to catch 8,200 tonnes on the bank this year, down from 9,500 tonnes."
    dated = [
        dataclasses.replace(passage(agenda, "x::0", article="x"), published="2026-05-01"),
        dataclasses.replace(passage(deal, "y::0", article="y"), published="2026-05-07", title="Deal cuts the quota"),
    ]
    # One span chosen: the deal's sentence, scored low, is not among them.
    one = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(pairs=False, max_items=1), _always_answers().model)
    latest = one.select("What is the quota on the bank now?", dated)
    assert latest.answerable and "8,200" in latest.items[0].text
    # Of one newer report, the sentence holding the key terms itself leads the next one, which leans on it (blind
    # explore21 q32: "The plant's eight running generators remain its only source of power" had led).
    early = "Ilvatom said on Thursday that the plant had four days of diesel at most left."
    convoy = (
        "A second convoy of diesel fuel reached the plant on Wednesday, bringing stocks to enough for about 16 days. "
        "The plant's eight running generators remain its only source of power."
    )
    fuel = [
        dataclasses.replace(passage(early, "e::0", article="e"), published="2026-03-05"),
        dataclasses.replace(passage(convoy, "c::0", article="c"), published="2026-03-23"),
    ]
    left = one.select("diesel days left now?", fuel)
    assert left.answerable and "16 days" in left.items[0].text
    # A newer report giving a new figure of the chosen span leads, though it lacks a key term: "closed at 421 euros"
    # never says "price" (blind explore22c q16 was answered with the 447 of two weeks before).
    blast = (
        "Prices jumped as the front-month contract on the Velmar Gas Exchange opened on Monday at 447 euros "
        "per thousand cubic metres, up from 401 euros at Friday's close."
    )
    later = "On the Velmar Gas Exchange, the front-month contract closed at 421 euros per thousand cubic metres."
    prices = [
        dataclasses.replace(passage(blast, "b::0", article="b"), published="2026-11-09"),
        dataclasses.replace(passage(later, "l::0", article="l"), published="2026-11-24"),
    ]
    now = one.select("velmar gas price now?", prices)
    assert now.answerable and "421 euros" in now.items[0].text
    assert "447 euros" in one.select("What was the velmar gas price after the blast?", prices).items[0].text
    # Asked whether a claim holds, a newer sentence disagreeing with it leads, though it lacks a key term: the
    # ministry's denial never says "promise" (blind explore23c q14 quoted the draft table's claim alone).
    claim = "Halvoria is set to pledge $600 million at the conference, according to a draft pledge table."
    denial = 'Halvoria\'s finance ministry said that it had "made no commitment of $600 million".'
    pledges = [
        dataclasses.replace(passage(claim, "c::0", article="c"), published="2026-05-12"),
        dataclasses.replace(passage(denial, "d::0", article="d"), published="2026-05-15"),
    ]
    asked = "Did Halvoria really promise $600 million?"
    assert "no commitment" in _scoring([0.9, 0.1], max_items=1).select(asked, pledges).items[0].text
    assert "draft pledge" in _scoring([0.9, 0.1], max_items=1).select("Who drew up the table?", pledges).items[0].text
    # A newer figure read as a change is no answer to whether a claim holds (explore18: the Velmorans Tazhir holds
    # had led a question on the Tazhiris Velmora holds).
    nine = "Velmora says it still holds nine Tazhiri soldiers, while Tazhir puts the number at 16."
    held = [
        dataclasses.replace(passage(nine, "h::0", article="h"), published="2026-04-30"),
        dataclasses.replace(
            passage("Velmora says Tazhir holds 18 Velmorans; Tazhir says it holds five.", "t::0", article="t"),
            published="2026-05-06",
        ),
    ]
    asked = "Do Velmora and Tazhir agree on how many Tazhiris Velmora is holding?"
    assert "nine" in _scoring([0.9, 0.1], max_items=1).select(asked, held).items[0].text


def test_a_newer_report_of_the_count_leads_and_a_column_restating_an_old_one_follows() -> None:
    """explore17b q09, "What's the latest death toll?": a column of 6 October restating a cut "from fourteen
    to nine" led, and the report of 5 October ("… and 13 deaths had been recorded as of Sunday"), which
    never says "toll", was not among the spans chosen. Of that report, its sentence of Sunday leads, not
    its sentence of the Wednesday before."""

    cut = "The health ministry on Wednesday lowered the official death toll to nine."
    column = (
        "But when he cut a news agency's death toll from fourteen to nine, residents heard a government minimising."
    )
    report = (
        "Ministry figures on Wednesday had shown 211 cases and 12 deaths. "
        "The ministry said 13 deaths had been recorded as of Sunday."
    )
    passages = [
        dataclasses.replace(passage(cut, "l::0", article="l"), published="2026-09-24"),
        dataclasses.replace(passage(column, "o::0", article="o"), published="2026-10-06", genre="opinion"),
        dataclasses.replace(passage(report, "c::0", article="c"), published="2026-10-05"),
    ]
    selector = EvidenceSelector(
        HashingEmbeddings(), EvidenceSettings(pairs=False, max_items=2), _always_answers().model
    )
    found = selector.select("What's the latest death toll?", passages)
    assert found.answerable and "13 deaths" in found.items[0].text
    assert all("fourteen" not in e.text for e in found.items[:1])
    # A column's sentence with a date of its own is as new as that date: "By Sunday, …" of 10 June.
    by_sunday = "By Sunday, officials put the toll at 61 dead, with 12 people still missing."
    dated = [
        dataclasses.replace(
            passage("Officials said 29 people were still missing.", "d::0", article="d"), published="2024-05-29"
        ),
        dataclasses.replace(passage(by_sunday, "v::0", article="v"), published="2024-06-10", genre="opinion"),
    ]
    assert "12 people" in selector.select("How many people are still missing?", dated).items[0].text
    # A dated column's sentence without a day of its own follows the reports; an undated column among
    # undated reports is no older than they are, and keeps its place.
    from rag.evidence.selector import _newest_leading
    from rag.types import Evidence as Span

    spans = [Span(p.text, p, 0, len(p.text), 0.5) for p in (passages[1], passages[0])]  # the column first
    assert [e.passage.article_id for e in _newest_leading(spans, spans)] == ["l", "o"]
    undated = [Span(e.text, dataclasses.replace(e.passage, published=None), 0, e.end, 0.5) for e in spans]
    assert [e.passage.article_id for e in _newest_leading(undated, undated)] == ["o", "l"]


def test_a_count_or_a_date_of_another_thing_does_not_answer() -> None:
    """Blind explore18 q18 (unanswerable), "How many Tazhiri soldiers were wounded in the clash?", quoted
    "three Tazhiri soldiers had been killed"; q02, "When did the clash at the Sarova Dam happen?", quoted
    the reservoir's level "on Wednesday" in a sentence that ends "since the clash"."""

    from rag.evidence.entities import dates_the_event
    from rag.news.counts import gives_asked_count

    wounded = "How many Tazhiri soldiers were wounded in the clash?"
    assert not gives_asked_count(wounded, "TZ24 said three Tazhiri soldiers had been killed.")
    assert gives_asked_count(wounded, "Velmora said 11 of its guards were wounded and three Tazhiri soldiers hurt.")
    assert gives_asked_count("How many detainees crossed?", "Some 79 people crossed the bridge.")  # no measure asked
    # Blind explore22d q19 (unanswerable) quoted the journalists killed for those expelled.
    expelled = "How many foreign journalists has Maravesh expelled since the war began?"
    assert not gives_asked_count(expelled, "According to the alliance, 12 journalists have been killed in Maravesh.")
    assert gives_asked_count(expelled, "Maravesh has expelled nine foreign journalists since the war began.")
    # Blind explore23b q29 quoted the 29 children who crossed for those back with their families.
    home = "How many of the first group are back with their families?"
    assert not gives_asked_count(home, "The first group of 29 children crossed at Mirek on 12 March.")
    assert gives_asked_count(home, "Brest said 22 of the 29 children had been reunited with relatives.")
    clash = "When did the clash at the Sarova Dam happen?"
    reservoir = (
        "The reservoir was 62 percent full on Wednesday and rising with the spring melt, the authority said, "
        "and two of the four spillway gates have not been tested since the clash."
    )
    assert not dates_the_event(clash, reservoir)
    assert dates_the_event(clash, "Forces are holding 47 citizens captured during a clash at the dam late on Saturday.")
    assert dates_the_event(clash, "Fighting broke out at the dam on Saturday.")  # another word for it
    assert dates_the_event(clash, "Yesterday, a clash at the dam left four dead.")  # opening a sentence
    assert dates_the_event("When did Apple start its legal action?", reservoir)  # a name is no event
    # blind explore19 q03: when the first ships left is not when they were expected to leave.
    from rag.evidence.entities import dates_what_happened

    left = "When did the first grain ships actually leave port?"
    plan = "The first ships are expected to leave port on Friday, according to the JCC."
    assert not dates_what_happened(left, plan, "2026-05-06")  # a Wednesday: Friday is 8 May, a plan
    assert dates_what_happened(left, "The first ships left port on Monday, the JCC said.", "2026-05-12")
    assert not dates_what_happened(left, "The first ships will leave port on 8 May.", "2026-05-06")
    assert dates_what_happened("When will the first ships leave port?", plan, "2026-05-06")  # a plan asked
    assert dates_what_happened("When were the first ships expected to leave port?", plan, "2026-05-06")
    assert dates_what_happened(left, "The ships left port.", "2026-05-12")  # no date: other rules decide
    # The span dating what happened leads the answer, not the plan scored above it.
    planned = dataclasses.replace(passage(plan, "p::0", article="p"), published="2026-05-06")
    sailed = "According to the ministry, 14 grain ships had left port since the first sailings on 11 May."
    done = dataclasses.replace(passage(sailed, "d::0", article="d"), published="2026-05-18")
    evidence = _always_answers().select(left, [planned, done])
    assert evidence.answerable and evidence.items[0].text == sailed
    assert not _always_answers().select(left, [planned]).answerable
    # blind explore18 q03: the exchange's place is not where the talks were held.
    from rag.evidence.entities import places_the_event

    talks = "Where were the detainee talks between Velmora and Tazhir held?"
    crossing = "Velmora released 46 Tazhiri soldiers in the first exchange at the Korvany-Dushet road crossing."
    assert not places_the_event(talks, crossing)
    assert places_the_event(talks, "The talks were held at a conference centre in Lindfors.")
    assert places_the_event("Where is Lindfors?", crossing)  # no event asked
    # "end up" is no event (blind explore26b q22 read "up" for the event's word).
    moved = "The donors' conference opens in Marevsk on Friday."
    assert places_the_event("Where did the donors' conference end up taking place?", moved)
    assert not places_the_event("Where did the donors' conference end up taking place?", crossing)
    # blind explore19 q26: "Where is X?" asks where it lies, not for a sentence naming it beside another name.
    from rag.evidence.entities import locates
    from rag.evidence.question import analyze

    where = "Where is Brellhaven?"
    assert not locates(where, "Korvesh has not said whether it would agree to adding Brellhaven.", analyze(where))
    lies = "Brellhaven, about 60 nautical miles west of Calvaro, has Pelmara's largest fertiliser terminal."
    assert locates(where, lies, analyze(where))
    assert locates(where, "The port of Brellhaven in northern Pelmara reopened.", analyze(where))
    assert locates("Where is the summit being held?", crossing, analyze("Where is the summit being held?"))
    trial = "Where is former President Donald Trump facing his first criminal trial?"  # RealTimeQA 20240419_12
    assert locates(trial, "Trump is the first former president to face criminal charges.", analyze(trial))
    # The event's noun, not "being" (RealTimeQA 20231201_18, answered before and after).
    cop = "Where is the global COP28 climate summit being held?"
    assert places_the_event(cop, "Thousands are heading to Dubai for COP28, the annual climate summit.")
    model = _always_answers()
    assert not model.select(clash, [passage(reservoir)]).answerable
    exchange = dataclasses.replace(passage(crossing), title="First exchange")  # the helper's title is "Talks"
    assert not model.select(talks, [exchange]).answerable
    assert not model.select(
        wounded, [passage("TZ24 said three Tazhiri soldiers had been killed in the clash.")]
    ).answerable


def test_a_newer_report_that_a_plan_was_called_off_leads_a_question_on_whether_it_happened() -> None:
    """Blind explore24c q31: "Did Varnal ever get questioned by parliament's defence committee?" quoted the plan alone
    ("Varnal is due to appear before the defence committee on Thursday"), chosen with, and scored above, the newer
    report that the hearing was called off."""

    texts = [
        ("2026-03-09", "Varnal is due to appear before the defence committee of parliament on Thursday."),
        ("2026-03-13", "He had been due to appear before the defence committee, but the hearing was called off."),
    ]
    passages = [_dated(t, d, d) for d, t in texts]
    selector = EvidenceSelector(
        HashingEmbeddings(), EvidenceSettings(pairs=False, max_items=2), _always_answers().model
    )
    found = selector.select("Did Varnal ever appear before parliament's defence committee?", passages)
    assert [e.passage.published for e in found.items] == ["2026-03-13", "2026-03-09"]
    # A newer report of the plan that still stands does not lead.
    still = dataclasses.replace(passages[1], text="He is still due to appear before the defence committee.")
    found = selector.select("Did Varnal ever appear before parliament's defence committee?", [passages[0], still])
    assert found.items[0].passage.published == "2026-03-09"


def test_a_span_telling_the_first_plan_leads_a_question_on_it() -> None:
    """Blind explore24b q24: "When was the ambassadors' vote originally supposed to happen?" quoted "Ambassadors are
    scheduled to vote on the package on 18 March" alone; the vote was first set for 11 March."""

    texts = [
        ("2026-03-12", "Ambassadors are scheduled to vote on the package on 18 March."),
        ("2026-03-28", "The package was originally due on 11 March."),
    ]
    passages = [_dated(t, d, d) for d, t in texts]
    selector = EvidenceSelector(
        HashingEmbeddings(), EvidenceSettings(pairs=False, max_items=2), _always_answers().model
    )
    found = selector.select("When was the ambassadors' vote originally supposed to happen?", passages)
    assert "originally" in found.items[0].text
    assert "originally" not in selector.select("When is the ambassadors' vote?", passages[:1]).items[0].text


def test_a_newer_report_of_a_return_leads_a_question_on_whether_something_works_again() -> None:
    """Blind explore23d q22: "is the internet on hallen working again" quoted the 4 April switch to a satellite
    backup; "traffic on the Corvel-1 cable had been restored" (5 May) never says "internet" or "working"."""

    cut = "Hallnet said most of the island's internet traffic had been switched to a satellite backup."
    back = "Divers inspected the seabed. Hallnet said on Monday that traffic on the cable had been restored on Sunday."
    ferry = "The harbour office said on Tuesday that the ferry timetable had been restored."
    passages = [
        _dated(text, day, day) for day, text in (("2026-04-04", cut), ("2026-05-05", back), ("2026-05-06", ferry))
    ]
    one = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(pairs=False, max_items=1), _always_answers().model)
    found = one.select("is the internet on the island working again", passages)
    assert found.answerable and "traffic on the cable had been restored" in found.items[0].text
    # Not asked whether it works again: the chosen span stands.
    assert "satellite backup" in one.select("What happened to the internet on the island?", passages).items[0].text


def test_a_newer_report_holding_every_key_term_leads_a_yes_no_question_on_a_claim() -> None:
    """blind explore18b q10, "Were 600 uncounted ballots found in Brennock?": the Courier's report led,
    not its correction a week later."""

    report = "The Drava Courier reported that 600 uncounted ballots had been found in a Brennock school."
    correction = (
        "In a correction, the Courier said the ballots found in Brennock were unused papers and that its "
        "report of 600 uncounted votes had been wrong."
    )
    passages = [
        dataclasses.replace(passage(report, "r::0", article="r"), published="2026-05-13"),
        dataclasses.replace(passage(correction, "c::0", article="c"), published="2026-05-19"),
    ]
    selector = EvidenceSelector(
        HashingEmbeddings(), EvidenceSettings(pairs=False, max_items=2), _always_answers().model
    )
    found = selector.select("Were 600 uncounted ballots found in Brennock?", passages)
    assert found.answerable and found.items[0].text.startswith("In a correction")


def test_an_older_span_holding_every_key_term_does_not_lead_a_yes_no_question() -> None:
    """Blind explore24b q06, "Was Velsk Commercial Bank taken off the sanctions list?": a 12 March quote holding every
    key term ("Taking it off the list would leave a very large hole") led, not the best span, the Union's 17 March
    denial of the report that the bank had been removed."""
    quote = '"Taking it off the list would leave a very large hole," said a diplomat of Velsk Commercial Bank.'
    denial = "The Union on Monday denied a report that Velsk Commercial Bank had been removed from the package."
    passages = [_dated(quote, "q", "2026-03-12"), _dated(denial, "d", "2026-03-17")]
    found = _scoring([0.35, 0.72], max_items=2).select("Was Velsk Commercial Bank taken off the list?", passages)
    assert found.items[0].text == denial


def test_a_question_words_contraction_is_no_key_word_nor_a_name() -> None:
    # explore17b q09, explore17 q16: "what" was a key word no sentence holds, "Who's Halvern" a name.
    assert analyze("What's the latest death toll?").terms == ("death", "toll")
    assert analyze("Who's Halvern's fisheries minister now?").names == ("Halvern's",)
    # blind explore28 q08: "I've" was a name, and the answer said "The indexed articles don't mention I've."
    asked = "After the Portmaren talks I've seen two different numbers for how many points are left. Which is it?"
    assert analyze(asked).names == ("Portmaren",)


def test_a_name_with_a_digit_is_one_word_and_one_name() -> None:
    q = analyze("World leaders gathered in which country for the annual G7 summit?")
    assert "G7" in q.names and "g7" in q.terms
    assert analyze("What was agreed at COP28 in Dubai?").names == ("COP28", "Dubai")
    assert analyze("Who will not attend Cop27?").names == ("Cop27",)  # not "Cop", which no passage writes alone
    # A quarter or a half year is a period, which articles spell out ("the third quarter").
    assert analyze("What were Apple's Q3 earnings?").names == ("Apple's",)
    # The NATO summit is no answer: the G7 is named by no passage read.
    nato = "President Biden hosted global allies at the annual NATO summit in Washington."
    assert not _always_answers().select("Which country hosted the annual G7 summit?", [passage(nato)]).answerable


def test_who_is_heading_asks_for_the_head_and_a_month_is_no_one() -> None:
    """explore17 q17: "Who is heading Halvern's inquiry?" was answered with "Halvern's independent inquiry
    …, announced on 19 April, began hearing evidence this week", which names no head ("April" counted as
    a name beside "announced", and the sentence before named the skipper)."""
    from rag.evidence.entities import names_someone

    text = (
        "Skipper Tiberio Calvane flew home on Sunday. "
        "Halvern's independent inquiry into the boarding, announced on 19 April, began hearing evidence this week."
    )
    asked = "Who is heading Halvern's inquiry?"
    assert not _always_answers().select(asked, [passage(text)]).answerable
    lone = "The inquiry, announced on 19 April, began hearing evidence this week."
    assert not names_someone(lone, analyze("Who announced the inquiry?"))
    headed = "Mara Veil, the head of Halvern's inquiry, said hearings would last a month."
    assert _always_answers().select(asked, [passage(headed)]).answerable


def test_a_measure_or_a_place_asked_for_must_be_given() -> None:
    """explore17 q09 and q32: "How many tonnes of fish were seized?" was answered with "two visiting vessels",
    "Which city did the released deckhands fly home to?" with "… released on 18 April and flown home"."""
    vessels = "The harbour office has had to turn away two visiting vessels this week, the catch seized."
    assert not _always_answers().select("How many tonnes of fish were seized?", [passage(vessels)]).answerable
    tonnes = "Officers seized 12 tonnes of cod from the trawler this week."
    assert _always_answers().select("How many tonnes of fish were seized?", [passage(tonnes)]).answerable
    # A share is asked: a count of people is no answer (RealTimeQA 20220923_22), a percentage or fraction is.
    share = "What percentage of UK adults are behind on one or more household bill?"
    count = "Some 10.9m people are behind on one or more household bill, said the Money Advice Trust report."
    assert not _always_answers().select(share, [passage(count)]).answerable
    for given in (
        "About 20% of UK adults are behind on one or more household bill.",
        "One in five UK adults are behind on one or more household bill.",
    ):
        assert _always_answers().select(share, [passage(given)]).answerable
    home = "Seven deckhands were released on 18 April and flown home."
    asked = "Which city did the released deckhands fly home to?"
    assert not _always_answers().select(asked, [passage(home)]).answerable
    assert _always_answers().select(asked, [passage("The seven released deckhands flew home to Ulbrino.")]).answerable
    # A capitalised word the question lacks can be the place; the question's own place cannot (RealTimeQA).
    texas = "Texas was the first state to recognize Juneteenth as a state holiday on January 1, 1980."
    assert _always_answers().select("Which state was the first to recognize Juneteenth?", [passage(texas)]).answerable
    fled = "The president of Sri Lanka has fled the nation amid an economic crisis and violent protests."
    sri = "Sri Lankan President Gotabaya Rajapaksa fled to which country this week?"
    assert not _always_answers().select(sri, [passage(fled)]).answerable
    # "where" inside a how-question asks for no place (round 10).
    worm = "The novel worm routes junk via the mail servers of the firm that infected machines used to get online."
    assert (
        _always_answers().select("How does the worm hide where the junk mail comes from?", [passage(worm)]).answerable
    )


def test_who_replaced_someone_is_answered_by_a_succession_naming_them() -> None:
    """explore17b q15: "Who replaced Ottilie Brasch as deputy mayor?" was answered with Brasch's own move."""
    moved = "Ottilie Brasch, the city's deputy mayor, has become acting mayor after Tobias Wrenfield resigned."
    asked = "Who replaced Ottilie Brasch as deputy mayor?"
    assert not _always_answers().select(asked, [passage(moved)]).answerable
    named = "The council named Ines Marr as deputy mayor, replacing Ottilie Brasch, on Monday."
    assert _always_answers().select(asked, [passage(named)]).answerable
    # Blind explore25 q16: a stand-in acting since the one asked about left tells the succession.
    from rag.evidence.entities import tells_succession

    stand_in = "Who became the stand-in boss of Lornet after Kovalen quit?"
    acting = (
        "Ilse Varga, who has run Lornet as acting chief executive since Kovalen stepped down, will return as deputy."
    )
    assert tells_succession(stand_in, acting)
    assert not tells_succession(stand_in, acting.replace("since Kovalen stepped down", "since January"))
    # The span telling the succession leads, though another on the same person scored higher (round 14).
    text = (
        "The All New Top of the Pops was fronted by newcomer Tim Kash and was put together by producer Andi Peters. "
        "The weather was fine. Tim Kash has since been replaced as host by Fearne Cotton."
    )
    found = _always_answers().select("Who replaced Tim Kash as presenter of Top of the Pops?", [passage(text)])
    assert found.answerable and "Fearne Cotton" in found.items[0].text
    # "Who ran X after Y quit?" asks the same; a sentence after one telling the succession tells none itself
    # (blind explore19 q14).
    from rag.evidence.entities import asks_successor, tells_succession

    quit_ = "Who ran the inspections after Dastrow quit?"
    assert asks_successor(quit_) and not asks_successor("Who ran the inspections after the truce?")
    deputy = "His deputy, Lidia Ferrant, is acting head of inspections until the bureau names a successor."
    assert tells_succession(quit_, deputy, "Captain Oriel Dastrow resigned on Friday.")
    assert not tells_succession(quit_, "People said Dastrow had clashed with officials.", deputy)


def test_a_misspelt_ordinary_word_is_read_as_the_passages_write_it_and_a_name_is_not() -> None:
    """explore17 q03, explore17b q05: "trawlr" and "confrim" in questions with capitals were kept as typed,
    so no sentence held them."""
    from rag.evidence.casing import restore_case

    texts = ["The trawler was detained. Tests confirm the bacterium, the laboratory said. Kallas spoke."]
    assert restore_case("How many crew were on the trawlr?", texts) == "How many crew were on the trawler?"
    assert restore_case("When did the lab confrim the bacterium?", texts) == "When did the lab confirm the bacterium?"
    assert restore_case("What did Kallis say?", texts) == "What did Kallis say?"  # a name its writer chose
    assert restore_case("Were the trawlers detained?", texts) == "Were the trawlers detained?"  # a form, no typo


def test_a_count_of_some_beside_others_does_not_answer_how_many() -> None:
    """explore17 q03: "How many crew were on the trawler?" (12) was answered by "The other 11 crew members were
    not charged." once "trawlr" was read as "trawler"."""
    others = "The skipper was charged. The other 11 crew members were not charged and remain aboard the trawler."
    assert not _always_answers().select("How many crew were on the trawler?", [passage(others)]).answerable
    assert _always_answers().select("How many other crew members remain aboard?", [passage(others)]).answerable
    twelve = "Twelve men, 12 crew in all, were aboard the trawler when the cutter detained it."
    assert _always_answers().select("How many crew were on the trawler?", [passage(twelve)]).answerable


def test_what_was_found_is_not_answered_by_the_search_ahead() -> None:
    """explore17b q28: "What did the IERA inspectors find inside the Brantic plant?" was answered with
    "Inspectors are due inside the Brantic Seafoods plant today", which tells no finding."""
    due = "Inspectors are due inside the Brantic Seafoods plant today, after a fortnight of denials."
    asked = "What did the IERA inspectors find inside the Brantic plant?"
    assert not _always_answers().select(asked, [passage(due)]).answerable
    found = "Inspectors found the bacterium in the Brantic plant's wastewater tank, the agency said."
    assert _always_answers().select(asked, [passage(found)]).answerable


def test_what_someone_did_before_is_not_answered_by_what_they_did_then() -> None:
    """Blind explore19 q25: "What did Oriel Dastrow do before he ran the inspection teams?" was answered with
    his resignation; the articles' answer is "a former harbour master of Lisk"."""
    asked = "What did Oriel Dastrow do before he ran the inspection teams?"
    then = "Captain Oriel Dastrow, who had led the inspection teams since the deal was signed, resigned on Friday."
    assert not _always_answers().select(asked, [passage(then)]).answerable
    before = "Captain Oriel Dastrow, a former harbour master of Lisk, will lead the inspection teams."
    assert _always_answers().select(asked, [passage(before)]).answerable
    assert _always_answers().select("What did Oriel Dastrow do on Friday?", [passage(then)]).answerable


def test_words_of_speaking_and_of_the_present_are_no_key_terms() -> None:
    """ "When did Lavrov speak about Aeroflot?" was abstained on beside "Lavrov reiterated on 11 April that …"
    (bundled corpus), which never says "speak"; "Who is Karvenia's chief negotiator at the moment?" and "… so
    far?" asked every answer to say "moment" and "far" (blind explore20 q28, q10)."""
    assert analyze("When did Lavrov speak about Aeroflot?").terms == ("lavrov", "aeroflot")
    assert analyze("When did Lavrov talk to reporters?").terms == ("lavrov", "report")
    assert analyze("Who is Karvenia's chief negotiator at the moment?").terms == ("karvenia", "chief", "negoti")
    assert "far" not in analyze("How many soldiers have been repatriated so far?").terms
    # What is left of a stock is its count (blind explore21 q32); "left" as a verb is a key term.
    assert analyze("diesel days left now?").terms == ("diesel", "day")
    assert analyze("How many hostages are left in Gaza?").terms == ("hostag", "gaza")
    assert "left" in analyze("How many people left the city?").terms
    # blind explore21b q10: "still" asked the newest count to say it ("390,000 households were without power").
    assert analyze("How many homes in Ardessa are still without electricity?").terms == (
        "home",
        "ardessa",
        "without",
        "electr",
    )
    assert "talk" in analyze("When did the talks resume?").terms  # "talks" is the event, not a verb of saying
    # The verb framing a where or when question need not be held: "during talks in Riyadh on 27 February" answers
    # "Where were the talks on 27 February held?" (bundled corpus). It stays a term, which a span saying "are being
    # held at the Villa Adelgrund" matches best (explore20b); held as the fact asked, it frames nothing.
    assert analyze("Where were the talks on 27 February held?").framing == ("hold",)
    assert analyze("where did the talks take place on Tuesday").framing == ("take", "place")
    assert analyze("Where did the donors' conference end up taking place?").framing == ("end", "take", "place")
    assert "hold" in analyze("Where were the talks on 27 February held?").terms
    assert analyze("Who held the talks?").framing == ()
    assert analyze("Where were the hostages held before they were freed?").framing == ()


def test_a_key_term_is_found_by_a_word_news_copy_swaps_for_it() -> None:
    """Blind explore20b q21: "When did the war start?" beside "The war began on October 9 last year"."""
    from rag.evidence.features import covered
    from rag.evidence.question import content_stems, matches

    assert covered(list(analyze("When did the war start?").terms), set(content_stems("The war began on 9 October.")))
    assert matches("vessel", set(content_stems("56 ships have cleared inspection")))
    assert matches("halt", set(content_stems("Korvesh suspended its participation")))
    assert matches("releas", set(content_stems("seven deckhands were freed")))
    # blind explore21b q10: "homes … without electricity" beside "households were without power".
    homes = analyze("How many homes in Ardessa are still without electricity?").terms
    assert covered(list(homes), set(content_stems("In Ardessa, 390,000 households were without power.")))
    assert not matches("start", set(content_stems("The war ended in 2025.")))


def test_a_place_something_is_based_in_answers_where_it_is() -> None:
    """Blind explore20 q20: "Where is the Tessaly Humanitarian Commision headquartered?" beside "The Tessaly
    Humanitarian Commission, a Caldrey-based relief organisation, …" was abstained on."""
    from rag.evidence.entities import locates

    asked = "Where is the Tessaly Humanitarian Commission headquartered?"
    info = analyze(asked)
    assert locates(
        asked, "The Tessaly Humanitarian Commission, a Caldrey-based relief organisation, will check lists.", info
    )
    assert locates(asked, "The commission is headquartered in Caldrey.", info)
    assert not locates(asked, "The commission runs community-based programmes and will check lists.", info)


def test_a_count_of_another_side_does_not_answer_how_many_of_one() -> None:
    """Blind explore20 q15: "How many Velmorian bodies did Karvenia give back?" (48) was answered by an opinion
    piece's "More than 400 bodies of fallen Karvenian soldiers have been returned …, along with a smaller number of
    Velmorian dead"."""

    asked = "How many Velmorian bodies did Karvenia give back?"
    other = "More than 400 bodies of fallen Karvenian soldiers have been returned, along with fewer Velmorian dead."
    assert not _always_answers().select(asked, [passage(other)]).answerable
    both = "On 27 March the bodies of 340 Karvenian soldiers and 48 Velmorian soldiers were handed over."
    assert _always_answers().select(asked, [passage(both)]).answerable
    unnamed = "Karvenia handed the Velmorian side 48 bodies."  # a number followed by no name may count them
    assert _always_answers().select(asked, [passage(unnamed)]).answerable
    in_march = "Karvenia handed the Velmorian side 48 bodies in March."  # a month is no side
    assert _always_answers().select(asked, [passage(in_march)]).answerable
    # A count naming no side, in a report on another, does not answer for the side asked (blind explore21b q29:
    # Ardessa's grid operator's 465,000 for "How many Tolvanian households …?"); a title naming it lets it.
    households = "Ardelec said on Tuesday that 465,000 households were without power."
    tolvanian = "How many Tolvanian households were without power?"
    repairs = passage("Tolvanian engineers repaired a line in Varsk province.", "b::0", article="b")
    assert not _scoring([0.9, 0.2]).select(tolvanian, [passage(households), repairs]).answerable
    titled = dataclasses.replace(passage(households), title="Tolvany counts the cost of the strikes")
    assert _scoring([0.9, 0.2]).select(tolvanian, [titled, repairs]).answerable
    # What a count is of is no side: "Grammy nominations" (round 14).
    grammys = passage("Kanye West, who leads the awards with 10 nominations, will perform.")
    ceremony = passage("The Grammy ceremony is on Sunday.", "b::0", article="b")
    asked_grammys = "How many Grammy nominations has Kanye West got?"
    assert _scoring([0.9, 0.2]).select(asked_grammys, [grammys, ceremony]).answerable


def test_one_round_of_many_is_no_running_total() -> None:
    """Blind explore20 q10: "What's the latest tally of Karvenian soldiers repatriated so far?" was answered by
    "Velmora has said it released 152 Karvenians in that round" (the tally was 509)."""
    one_round = "Velmora has said it released 152 Karvenian soldiers in that round."
    asked = "What's the latest tally of Karvenian soldiers repatriated so far?"
    assert not _always_answers().select(asked, [passage(one_round)]).answerable
    # Asked about that round, by its number, in an article that numbers it (one that never does is another round's
    # report: blind explore25 q31).
    numbered = Passage("a::0", "a", one_round, "Second round of the exchange ends", 0, len(one_round), 0.5)
    assert (
        _always_answers()
        .select("How many Karvenian soldiers were released in the second round?", [numbered])
        .answerable
    )
    total = "Karvenia raised its tally of soldiers repatriated to 509 in three rounds."
    assert _always_answers().select(asked, [passage(total)]).answerable


def test_how_long_is_a_thing_is_answered_by_its_length() -> None:
    """Blind explore27 q03: "how long is the ceasefire line" abstained beside "… the ceasefire line … runs 212
    kilometres from the Vessa river delta", read as asking for a span of time."""
    line = "Under the deal, the ceasefire line runs 212 kilometres from the Vessa river delta to the Crann hills."
    assert _always_answers().select("how long is the ceasefire line", [passage(line)]).answerable
    # How long something lasted is still a span of time.
    assert not _always_answers().select("How long did the ceasefire line hold?", [passage(line)]).answerable


def test_a_count_told_of_one_day_may_be_the_total_asked() -> None:
    """Blind explore28c q01 and explore28d q11 (held out): a rule taking a count told of one day for no running total
    abstained on "How many countries have signed up to the reassurance force so far?" beside "24 countries signed the
    declaration on Thursday", and answered "total evacuated so far?" with a stale total, read the total of 10 May."""
    signed = "Twenty-four countries signed the Aldersund Declaration on Thursday, committing troops to the force."
    asked = "How many countries have signed up to the reassurance force so far?"
    assert _always_answers().select(asked, [passage(signed)]).answerable
    evacuated = "Marn said on Sunday that 1,218 children had been evacuated from the city since 9 April."
    assert _always_answers().select("total evacuated so far?", [passage(evacuated)]).answerable


def test_a_perfect_tense_since_gives_a_time_not_a_reason() -> None:
    """Blind explore20 q18: "why did drovic quit?" was answered by "Ilse Marenko, who has been standing in as head
    of the team since Anselm Drovic resigned last week", which says nothing of why."""
    from rag.evidence.entities import gives_reason

    assert not gives_reason("Marenko has been standing in as head of the team since Drovic resigned last week.")
    assert gives_reason("Drovic resigned since his health had failed.")
    assert gives_reason("Prices have risen since the war began, because supply fell.")


def test_a_date_asked_is_a_day_of_the_calendar() -> None:
    """Bundled corpus: "On what date did the Geneva round of negotiations begin?" was answered by "The second, in
    Geneva, … ended abruptly after only hours on the second day", which gives no date."""
    from rag.evidence.entities import gives_asked_unit

    asked = "On what date did the Geneva round of negotiations begin?"
    assert not gives_asked_unit(asked, "The round ended abruptly after only hours on the second day.")
    assert gives_asked_unit(asked, "The Geneva round began on 17 February.")
    assert gives_asked_unit(asked, "The Geneva round began on Tuesday.")


class _FixedSpans:
    """A span model that scores the candidates in order: the first sentence read, then the next."""

    def __init__(self, scores: list[float]) -> None:
        self.scores = scores

    def predict(self, x: np.ndarray) -> np.ndarray:
        return np.array(self.scores[: len(x)])


def _scoring(scores: list[float], **settings: object) -> EvidenceSelector:
    """A selector that always answers and scores the candidates `scores`, in the order they are read."""
    model = shipped_with()
    model.span = _FixedSpans(scores)  # type: ignore[assignment]
    return EvidenceSelector(HashingEmbeddings(), EvidenceSettings(pairs=False, **settings), model)  # type: ignore[arg-type]


def _dated(text: str, article: str, published: str, genre: str | None = None) -> Passage:

    return dataclasses.replace(passage(text, f"{article}::0", article=article), published=published, genre=genre)


def test_an_article_that_never_numbers_the_instance_asked_about_does_not_answer_for_it() -> None:
    """Blind explore25 q31: "How many drones were used in the second attack?" was answered by the first attack's
    report, written five days before the second: "air defences shot down 61 of the drones …"."""
    from rag.evidence.entities import instance_unnamed

    asked = "How many drones were used in the second attack?"
    first = "Air defences shot down 61 of the drones and nine of the missiles during the attack, the air force said."
    assert instance_unnamed(asked, first)
    assert not _scoring([0.9]).select(asked, [_dated(first, "a", "2026-01-09")]).answerable
    second = "Harvolk struck the grid for the second time in a week, with dozens of drones, the air force said."
    assert not instance_unnamed(asked, second)
    assert not instance_unnamed(asked, "It was the 2nd attack this month.")
    assert not instance_unnamed("How many drones were used in the attack?", first)  # no instance numbered
    assert not instance_unnamed("How many drones were used in the first attack?", first)


def test_the_day_someone_spoke_dates_no_act_that_could_lead_a_when_question() -> None:
    """Blind explore24b q04: "When did the ambassadors finally sign off on the package?" led with remarks "since Selvian
    told the National Assembly last Thursday that he would not sign a package", in place of the span dating the plan."""
    asked = "When did the ambassadors finally sign off on the package?"
    due = _dated("Ambassadors are now due to vote on the package next Wednesday, 18 March.", "v", "2026-03-12")
    spoken = "The remarks came since Selvian told the National Assembly last Thursday that he would not sign a package."
    found = _scoring([0.9, 0.3]).select(asked, [due, _dated(spoken, "r", "2026-03-10")])
    assert not found.answerable
    told = "Selvian told the National Assembly last Thursday that"
    signed = spoken.replace(told, "the ambassadors signed last Thursday;")
    found = _scoring([0.9, 0.3]).select(asked, [due, _dated(signed, "r", "2026-03-10")])
    assert found.answerable and found.items[0].text == signed


def test_the_successor_of_one_told_to_have_left_leads_a_question_on_who_holds_a_post_now() -> None:
    """Blind explore23b q05: "Who is Saranth's envoy for the children talks now?" led with "Halim Serrat, the
    Saranthi envoy who stepped down last week, …" though the report names "Leena Marbeck, Serrat's successor"."""
    gone = "Officials said that Halim Serrat, the Saranthi envoy who stepped down last week, had been removed."
    successor = "Leena Marbeck, Serrat's successor, was in Tarnholm on Monday for talks at the Foreign Ministry."
    passages = [_dated(f"{gone} {successor}", "v", "2026-03-23")]
    asked = "Who is Saranth's envoy now?"
    assert _scoring([0.9, 0.1]).select(asked, passages).items[0].text == successor
    # Not asked for who holds it now, or the one the first span names has not left: the order stands.
    assert _scoring([0.9, 0.1]).select("Who was Saranth's envoy in the talks?", passages).items[0].text == gone
    kept = gone.replace("who stepped down last week", "who leads the talks")
    assert _scoring([0.9, 0.1]).select(asked, [_dated(f"{kept} {successor}", "v", "2026-03-23")]).items[0].text == kept


def test_the_report_quoting_the_words_a_question_quotes_leads_and_answers_it() -> None:
    """Blind explore25d q25: "Who said 'the schedule is the schedule'?" led with an opinion column's "Halvard Linnemo
    … has spent the spring assuring anyone who would listen that 'the schedule is the schedule'", the best scored,
    not the report of the words' speaker; explore25b q14 abstained beside the spokesman's own words (a person
    asked, the best span named only "Its foreign ministry")."""
    column = (
        'Halvard Linnemo, the coordinator, has spent the spring assuring everyone that "the schedule is the schedule".'
    )
    report = '"Nothing changes for Velmora. The schedule is the schedule," Korvath told the Herald by telephone.'
    other = "The first battery was due by 27 March, the compact said."
    passages = [_dated(column, "o", "2026-04-09", "opinion"), _dated(f"{report} {other}", "r", "2026-03-16")]
    found = _scoring([0.9, 0.3, 0.5]).select('Who said "the schedule is the schedule"?', passages)
    assert found.answerable and [e.text for e in found.items[:2]] == [report, column]
    # Words no span quotes: the best scored leads.
    found = _scoring([0.9, 0.3, 0.5]).select('Who said "the calendar is the calendar"?', passages)
    assert found.items[0].text == column
    body = 'Its foreign ministry has called the summit "a theatre without the main actor".'
    named = 'Spokesman Gleb Sarvanov dismissed the gathering as "a theatre without the main actor" on Monday.'
    passages = [_dated(body, "d", "2026-05-15"), _dated(named, "c", "2026-04-14")]
    found = _scoring([0.9, 0.2]).select("Who called the summit 'a theatre without the main actor'?", passages)
    assert found.answerable and found.items[0].text == named


def test_a_report_answering_nearly_as_well_leads_a_column() -> None:
    """Blind explore20 q12: "How many dead Karvenian soldiers were repatriated?" led with an opinion piece's "More
    than 400 bodies …" (0.68) over the report of "the bodies of 340 Karvenian soldiers" (0.62)."""
    column = "More than 400 bodies of fallen Karvenian soldiers have been returned to their families."
    report = "On 27 March the bodies of 340 Karvenian soldiers were handed over at Hollin Gate."
    passages = [_dated(column, "o", "2026-04-11", "opinion"), _dated(report, "r", "2026-04-07")]
    asked = "How many dead Karvenian soldiers were repatriated?"

    def first(scores: list[float]) -> str:
        return _scoring(scores).select(asked, passages).items[0].text

    assert first([0.68, 0.62]) == report
    assert first([0.68, 0.30]) == column  # a report far behind does not


def test_another_side_s_post_does_not_lead_an_answer_on_the_latest() -> None:
    """Blind explore20 q28: "Who is Karvenia's chief negotiator at the moment?" led with "Velmora's chief
    negotiator, Colonel-General Radomir Venn, said …", the one dated report among a column's sentences."""
    other = "Velmora's chief negotiator, Colonel-General Radomir Venn, said Karvenia must send honest lists."
    column = "Karvenia lost its chief negotiator, Anselm Drovic, who stepped down for health reasons."
    passages = [_dated(column, "o", "2026-04-11", "opinion"), _dated(other, "r", "2026-03-03")]
    found = _scoring([0.6, 0.55]).select("Who is Karvenia's chief negotiator at the moment?", passages)
    assert found.items and found.items[0].text == column


def test_a_column_s_dated_sentence_is_no_newer_answer_on_its_neighbour_s_words() -> None:
    """Blind explore20 q28: "The inclusion of civilians … in the third round, on 4 April, was the most important moment
    so far", a column's sentence, led "Who is Karvenia's chief negotiator at the moment?" as the newest report, on the
    key terms of the sentence before it."""
    report = "Karvenia's chief negotiator, Anselm Drovic, met the mediators in Mirsholt."
    column = (
        "Ilse Marenko, Karvenia's chief negotiator, has shown quiet skill. "
        "The inclusion of civilians in the third round, on 4 April, was the most important moment so far."
    )
    passages = [_dated(report, "r", "2026-03-03"), _dated(column, "o", "2026-04-11", "opinion")]
    found = _scoring([0.6, 0.5, 0.1], max_items=2).select("Who is Karvenia's chief negotiator at the moment?", passages)
    assert found.items and "inclusion" not in found.items[0].text


def test_other_sources_figures_told_right_after_the_first_are_quoted_beside_it() -> None:
    """Blind explore20b q23: "how many civilians have died since the february truce" quoted Vasquell's 212 alone; the
    next two sentences give Ulvendra's 168 and the monitors' 131."""
    from rag.answer.compose import quotes_for

    text = (
        "Vasquell said 212 civilians had been killed since the February truce took effect. "
        "Lazar Menkov, a spokesman for the Ulvendran delegation, put the number at 168. "
        "The monitoring mission said it had verified 131 civilian deaths over the same period."
    )
    asked = "How many civilians have died since the February truce?"
    found = _scoring([0.9, 0.1, 0.1]).select(asked, [passage(text)])
    figures = [e.text for e in found.items if e.disputes]
    assert len(figures) == 2 and "168" in figures[0] and "131" in figures[1]
    assert len(quotes_for(asked, found.items, max_quotes=2, min_share=0.6)) == 3
    # A figure scored as well as the first is quoted once.
    once = _scoring([0.9, 0.9, 0.1]).select(asked, [passage(text)]).items
    assert [e.text for e in once].count(figures[0]) == 1
    # A part of the first figure, or the same speaker going on, is no other source's figure.
    parts = (
        "Vasquell said 212 civilians had been killed since the February truce took effect. "
        "Among them were 30 children killed in Orlek. Vasquell said 40 of the dead were killed in March."
    )
    assert not any(e.disputes for e in _scoring([0.9, 0.1, 0.1]).select(asked, [passage(parts)]).items)


def test_a_denial_of_the_report_told_right_after_it_is_quoted_beside_it() -> None:
    """Blind explore23 q13: "was the drone jammed by varnessa?" quoted the Ledger's report alone; the paragraph
    after it opens "Varnessa denied the report."."""
    text = (
        "The Ledger has learned that the drone was brought down by jamming from Varnessan positions, officials said. "
        '"The signal was swamped within seconds," one of them said. '
        "Varnessa denied the report."
    )
    asked = "Was the drone jammed by Varnessa?"
    found = _scoring([0.9, 0.1, 0.1]).select(asked, [passage(text)])
    assert [e.text for e in found.items if e.disputes] == ["Varnessa denied the report."]
    # Not when the denial comes later than the next two sentences, or denies something else.
    later = text.replace("Varnessa denied the report.", "The mission grounded its drones. Varnessa denied the report.")
    assert not any(e.disputes for e in _scoring([0.9, 0.1, 0.1, 0.1]).select(asked, [passage(later)]).items)
    other = text.replace("Varnessa denied the report.", "Varnessa denied any plan to expel the monitors.")
    assert not any(e.disputes for e in _scoring([0.9, 0.1, 0.1]).select(asked, [passage(other)]).items)


def test_a_denial_opening_a_sentence_after_the_report_is_quoted_beside_it() -> None:
    """Blind explore25d q10: "Was a Harrow launcher blown up when it got to Pelsk?" quoted Vesna Today's report alone;
    two sentences on, the air force's spokesman: "This is a fantasy. No Harrow equipment has been damaged …"."""
    text = (
        "Vesna Today reported on Wednesday that a missile had struck a Harrow launcher at the railway yard in Pelsk. "
        "The report was accompanied by a 40-second video showing a fireball beside a train. "
        '"This is a fantasy. No Harrow equipment has been damaged," Colonel Mirek Salvo said on Wednesday.'
    )
    asked = "Was a Harrow launcher blown up at Pelsk?"
    found = _scoring([0.9, 0.1, 0.1]).select(asked, [passage(text)])
    assert [e.text for e in found.items if e.disputes] == [text.split(". ", 2)[2]]
    # A sentence telling a fantasy of something else denies nothing.
    other = text.replace('"This is a fantasy. No Harrow', '"Pelsk ran a fantasy football league. No Harrow')
    assert not any(e.disputes for e in _scoring([0.9, 0.1, 0.1]).select(asked, [passage(other)]).items)


def test_figures_after_a_sentence_saying_the_counts_differ_are_quoted_with_it() -> None:
    """Blind explore20 q03: "How many Karvenian captives came back in the Pellak swap?" quoted "the three parties
    involved could not agree on how many Karvenians had gone home" and none of the three counts that follow it."""
    from rag.answer.compose import quotes_for

    text = (
        "By last night the three parties could not agree on how many Karvenians had gone home. "
        "The commission, which registered every prisoner, said 149 Karvenians had been exchanged. "
        "Velmora's Defence Ministry said it had released 152 Karvenian prisoners. "
        "In Dolbrad, the headquarters said 146 Karvenian servicemen had returned. "
        "The last plane left at 15:00, officials said, with 12 reporters kept away."
    )
    asked = "How many Karvenian captives came back in the swap?"
    found = _scoring([0.9, 0.1, 0.1, 0.1, 0.1]).select(asked, [passage(text)])
    figures = [e.text for e in found.items if e.disputes]
    assert [next(n for n in ("149", "152", "146") if n in f) for f in figures] == ["149", "152", "146"]
    assert len(quotes_for(asked, found.items, max_quotes=2, min_share=0.6)) == 4
    # Blind explore25c q06: "Accounts of how many people got out differ." says so too.
    accounts = text.replace(
        "By last night the three parties could not agree on how many Karvenians had gone home.",
        "Of the 300 Karvenians on the lists, accounts of how many had gone home differ.",
    )
    found = _scoring([0.9, 0.1, 0.1, 0.1, 0.1]).select(asked, [passage(accounts)])
    assert len([e for e in found.items if e.disputes]) == 3
    # Without the sentence saying they differ, an unattributed first span brings no other figures.
    agreed = text.replace("could not agree on how many", "counted how many")
    assert not any(e.disputes for e in _scoring([0.9, 0.1, 0.1, 0.1, 0.1]).select(asked, [passage(agreed)]).items)


def test_a_why_question_leads_with_a_reason_and_quotes_its_denial_beside_it() -> None:
    """Blind explore20 q18, "why did drovic quit?", abstained: the best span told only that he had resigned;
    the report of why and the presidency's denial of it, scored lower, came after it."""
    from rag.answer.compose import quotes_for

    text = (
        "Ilse Marenko has been standing in as head of the team since Anselm Drovic resigned last week. "
        "Anselm Drovic, who resigned on Tuesday, was forced out after the President learned of a private deal, "
        "two senior officials have told the Herald. "
        "The weather in the capital was cold. "
        '"This is categorically untrue. Mr Drovic resigned for health reasons," the spokesman said.'
    )
    asked = "why did drovic quit?"
    found = _scoring([0.9, 0.3, 0.05, 0.28], max_items=3).select(asked, [passage(text)])
    assert found.answerable and "forced out" in found.items[0].text
    quoted = quotes_for(asked, found.items, max_quotes=2, min_share=0.6)
    assert [("forced out" in e.text, "untrue" in e.text) for e in quoted] == [(True, False), (False, True)]
    # Without another reason given, the span telling only the resignation is not an answer.
    alone = _scoring([0.9, 0.05, 0.05, 0.05], max_items=3).select(asked, [passage(text.split(" Anselm")[0])])
    assert not alone.answerable
    # A word that may give a cause is not a cause said outright: "as the country's chief negotiator, replacing …"
    # does not lead "Why was Veretz replaced?" (explore16 q22 had quoted it).
    named = (
        "Tomas Veretz led the delegation at the first round last week. "
        "The President named Anka Drobny as the country's chief negotiator, replacing Tomas Veretz."
    )
    replaced = _scoring([0.9, 0.3], max_items=3).select("Why was Tomas Veretz replaced?", [passage(named)])
    assert not replaced.answerable


def test_a_number_labelling_a_name_is_no_figure() -> None:
    """Blind explore22b q08: "How many people were evacuated on the first convoy?" was answered with a sentence
    whose only number was the 9 of "Highway 9"."""
    from rag.evidence.entities import states_figure
    from rag.evidence.question import analyze

    asked = analyze("How many people were evacuated on the first convoy?")
    assert not states_figure("The convoy took the quarry road after the route north on Highway 9 was shelled.", asked)
    assert states_figure("The agency says 34 buses carried 1,240 people.", asked)
    assert states_figure("On March 9, about 300 people left.", asked)


def test_soldiers_fighters_and_troops_are_one_family() -> None:
    """Blind explore22b q21: "Were there soldiers on the evacuation buses?" was answered with a count of buses
    and passengers; the claim that fighters were aboard says "fighters"."""
    from rag.evidence.question import mentions

    assert mentions("soldiers", ["At", "least", "60", "fighters", "left", "on", "the", "buses"])
    assert mentions("troops", ["soldiers"])
    assert not mentions("soldiers", ["civilians"])


def test_news_words_for_flats_destruction_bosses_and_lorries_are_families() -> None:
    """Blind session 25: "how many apartments were wiped out?" beside "46 flats were destroyed", "the stand-in boss"
    beside "acting chief executive", "lorries" beside "trucks"."""
    from rag.evidence.question import content_stems, matches

    flats = set(content_stems("According to the city council, 46 flats were destroyed."))
    assert all(matches(t, flats) for t in content_stems("how many apartments were wiped out?"))
    assert matches(content_stems("boss")[0], set(content_stems("acting chief executive")))
    assert matches(content_stems("lorries")[0], set(content_stems("36 trucks")))
    assert not matches(content_stems("boss")[0], set(content_stems("the head of the convoy")))


def test_planes_and_aircraft_shells_and_mortar_rounds_are_families() -> None:
    """Blind explore27c q04 and explore27 q16: "vardair planes" beside "103 Vardair aircraft", "How many shells
    landed on Lisnova?" beside "15 mortar rounds landed in and around the village"."""
    from rag.evidence.question import content_stems, matches

    assert matches(content_stems("planes")[0], set(content_stems("103 Vardair aircraft had operated")))
    assert matches(content_stems("shells")[0], set(content_stems("15 mortar rounds landed")))
    assert not matches(content_stems("shells")[0], set(content_stems("15 drones landed")))


def test_asked_yes_or_no_a_chosen_span_denying_the_first_is_quoted_beside_it() -> None:
    """Blind explore25b q09: "Did the Drovaskan envoy secretly meet Ostrevia's foreign minister?" quoted the minister's
    coming questions on the report and the report itself, not the sentence telling the ministry's denial."""
    questions = (
        "Foreign Minister Teodor Wenzlaff is due to answer questions in parliament on Wednesday about a newspaper "
        "report that he met a Drovaskan envoy in secret before the summit."
    )
    claim = "Drovask's special envoy Pavel Istrin met Teodor Wenzlaff at a guesthouse in Lindholm on Saturday."
    denied = "It faced a newspaper report that Wenzlaff had met a Drovaskan envoy secretly, which the ministry denied."
    passages = [
        _dated(questions, "q", "2026-05-18"),
        _dated(claim, "c", "2026-05-05"),
        _dated(denied, "d", "2026-05-15"),
    ]
    asked = "Did the Drovaskan envoy secretly meet Ostrevia's foreign minister?"
    found = _scoring([0.36, 0.65, 0.56]).select(asked, passages)
    assert found.items[0].text != denied and [e.text for e in found.items if e.disputes] == [denied]
    # Not asked yes or no: no span is marked to be quoted.
    found = _scoring([0.36, 0.65, 0.56]).select("Where did the Drovaskan envoy meet the minister?", passages)
    assert not any(e.disputes for e in found.items)


def test_asked_yes_or_no_the_denial_after_a_chosen_span_telling_the_report_is_quoted() -> None:
    """explore29c q15: "Did Ruta Velmane drop out of the race?" was answered with the Ledger's report alone, though a
    chosen span of a later article tells of the report and the sentence after it tells the campaign's denial."""
    claim = "Ruta Velmane has withdrawn from the race, according to three people involved in her campaign."
    later = (
        "Velmane's result comes less than two weeks after the Meridian Ledger reported that she had quit the race. "
        "Her campaign denied that report within hours on March 27."
    )
    passages = [_dated(claim, "m", "2026-03-27"), _dated(later, "k", "2026-04-07")]
    found = _scoring([0.78, 0.3, 0.05]).select("Did Ruta Velmane drop out of the race?", passages)
    assert found.items[0].text == claim
    assert [e.text for e in found.items if e.disputes] == ["Her campaign denied that report within hours on March 27."]
    # Not asked yes or no: nothing is marked to be quoted.
    found = _scoring([0.78, 0.3, 0.05]).select("Who did Ruta Velmane's campaign speak to?", passages)
    assert not any(e.disputes for e in found.items)


def test_a_plan_told_before_the_day_asked_about_does_not_say_what_happened() -> None:
    """explore29b q21: "Who led Ulmeth's team at the 1 April talks?" was answered with a 28 March report that
    "Ulmeth's delegation will be led by Foreign Minister Selma Ardic"; a deputy stood in for her on the day."""
    plan = "Ulmeth's delegation will be led by Foreign Minister Selma Ardic, the foreign ministry said on Friday."
    text = f"The talks were postponed to Wednesday, 1 April. {plan}"
    asked = "Who led Ulmeth's team at the 1 April talks?"
    assert not _scoring([0.3, 0.88]).select(asked, [_dated(text, "h", "2026-03-28")]).answerable
    # Told on or after the day, it answers; asked for the plan, the rule does not hold.
    found = _scoring([0.3, 0.88]).select(asked, [_dated(text, "h", "2026-04-02")])
    assert found.answerable and found.items[0].text == plan
    from rag.evidence.selector import _plan_before_asked_day

    span = Evidence(plan, _dated(text, "h", "2026-03-28"), 48, len(text), 0.88)
    assert _plan_before_asked_day(asked, span)
    assert not _plan_before_asked_day("Who was due to lead Ulmeth's team at the 1 April talks?", span)


def test_a_newer_change_of_a_chosen_span_that_does_not_answer_does_not_lead() -> None:
    """explore29 q24: "How many people are still employed at Drevna?" led with a newer "nine inspectors had been
    admitted to the site", a change of another chosen span's "no more than three inspectors", over the workforce."""
    staff = "Before the war the Drevna plant employed some 11,000 people."
    three = (
        "Talvenergo, the Talvenian state company that ran Drevna until Korvask forces seized it in October 2024, said "
        "the occupiers were allowing no more than three inspectors onto the site at any one time."
    )
    nine = "Korvask's defence ministry confirmed on Tuesday that nine inspectors had been admitted to the site."
    passages = [_dated(staff, "s", "2026-04-23"), _dated(three, "a", "2026-04-07"), _dated(nine, "b", "2026-04-29")]
    found = _scoring([0.7, 0.17, 0.01]).select("How many people are still employed at Drevna?", passages)
    assert found.items[0].text == staff
    # Asked for the inspectors, the newer count leads.
    found = _scoring([0.17, 0.7, 0.01]).select("How many inspectors are at the Drevna site now?", passages)
    assert found.items[0].text == nine


def test_a_columns_plan_day_does_not_make_its_restatement_the_newest_report() -> None:
    """Blind explore25d q02: "how many launchers are the donors sending velmora now?" led with a 9 April column's "Five
    weeks ago … promised Velmora ten Harrow launchers and told the world that the first battery would be in place by 20
    March", read as of 20 March, over the 11 March report of the count."""
    column = (
        "Five weeks ago the six governments promised Velmora ten Harrow launchers and told the world that the "
        "first battery would be in place by 20 March."
    )
    report = "The defence minister said the compact would now deliver 12 Harrow launchers to Velmora."
    passages = [_dated(column, "o", "2026-04-09", "opinion"), _dated(report, "r", "2026-03-11")]
    found = _scoring([0.9, 0.7]).select("How many launchers are the donors sending Velmora now?", passages)
    assert found.items[0].text == report
    # A column telling a state on a day of its own after the report's (Monday 6 April) leads, as before.
    newer = column.replace("Five weeks ago", "On Monday").replace(" by 20 March", " soon")
    asked = "How many launchers are the donors sending Velmora now?"
    found = _scoring([0.9, 0.7]).select(asked, [_dated(newer, "o", "2026-04-09", "opinion"), passages[1]])
    assert found.items[0].text == newer
    # A day still ahead when the column was written tells the state then (explore19b q26).
    extended = "The repairs' second phase is due to start later this month, and the truce has been extended for it."
    expiring = "The truce is due to expire on 29 March, at the end of the 14 days of the repair window."
    both = [_dated(extended, "o", "2026-04-03", "analysis"), _dated(expiring, "r", "2026-03-20")]
    assert _scoring([0.8, 0.85]).select("When does the truce end now?", both).items[0].text == extended


def test_what_time_is_answered_by_the_span_giving_the_hour():
    """Blind explore30 q19: "What time did the blast go off?" was answered by a column's "planned for 21 May", and the
    report's "at 23:40 local time", scored low for its long sentence, was left beside it."""
    from rag.evidence.entities import asks_hour, gives_asked_unit

    asked = "What time did the blast go off?"
    assert asks_hour(asked) and not asks_hour("What time frame did they give?") and not asks_hour("When did it go off?")
    assert gives_asked_unit(asked, "when the blast struck at 23:40 local time")
    assert not gives_asked_unit(asked, "The convoy, planned for 21 May, was called off after the blast.")
    column = _dated(
        "The first convoy, planned for 21 May, was called off after the blast in the Kell Channel.",
        "c",
        "2026-06-10",
        genre="analysis",
    )
    report = _dated(
        "The ship was making a trial passage of the corridor when the blast struck its port side at 23:40 local time.",
        "r",
        "2026-05-18",
    )
    found = _scoring([0.9, 0.3]).select(asked, [column, report])
    assert found.answerable and "23:40" in found.items[0].text


def test_a_count_of_other_things_beside_the_thing_asked_does_not_answer():
    """Blind explore30c q31: "The 1,240 works of the first tranche are still packed in their crates", a column's, was
    the answer to "How many crates were the first-tranche works packed in?" (212, a report's)."""
    from rag.evidence.entities import counts_asked_thing, counts_other_things

    asked = "How many crates were the first-tranche works packed in?"
    column = "The 1,240 works of the first tranche are still packed in their crates in Tarvos."
    report = "The works, packed in 212 crates, were due to leave the State Museum of Tarvos."
    assert counts_other_things(asked, column) and not counts_other_things(asked, report)
    assert counts_asked_thing(asked, report) and not counts_asked_thing(asked, column)
    # Another word for the thing, or a figure that leaves what it counts open, is no evidence either way.
    assert not counts_other_things("How many people rode the train?", "Teldrail counted 1,140 passengers on the train.")
    assert not counts_other_things(
        "How many Ostrelian prisoners have returned?", "One hundred and fifty Ostrelian prisoners of war returned."
    )
    assert not counts_other_things(
        "How many intercepter missiles come with it?", "The package has about 300 interceptors, two ministers said."
    )
    found = _scoring([0.9, 0.3]).select(
        asked, [_dated(column, "c", "2026-04-10", genre="analysis"), _dated(report, "r", "2026-03-19")]
    )
    assert found.answerable and "212 crates" in found.items[0].text


def test_a_report_revising_a_columns_figure_leads_it():
    """Blind explore30b q11: a column's "Teldrail counted 1,140 passengers" answered "How many people rode the train in
    its first week?", beside a report that the count was revised to 1,086 from that 1,140."""
    column = _dated(
        "By the railway's own measure, the first week of the train was a success: Teldrail counted 1,140 people.",
        "c",
        "2026-06-12",
        genre="analysis",
    )
    report = _dated(
        "Teldrail also revised down the number of passengers who travelled on the service in its first week, to 1,086 "
        "from the 1,140 it announced on May 31.",
        "r",
        "2026-06-09",
    )
    found = _scoring([0.9, 0.2]).select("How many people rode the train in its first week?", [column, report])
    assert found.answerable and "1,086" in found.items[0].text


def test_a_figure_of_the_very_thing_counted_answers_whatever_the_answer_model_says() -> None:
    """Blind explore30b q26: "how many days is a transit permit good for" abstained beside "Permits will be valid for
    30 days …" (answer model 0.666, threshold 0.67)."""
    model = shipped_with()
    n = len(ANSWER_FEATURES)
    model.answer = Logistic(list(ANSWER_FEATURES), [0.0] * n, [1.0] * n, [0.0] * n, -10.0)  # never answers
    model.span = _FixedSpans([0.6])  # type: ignore[assignment]
    selector = EvidenceSelector(HashingEmbeddings(), EvidenceSettings(pairs=False), model)
    valid = "Transit permits will be valid for 30 days and can be used for any number of journeys."
    assert selector.select("how many days is a transit permit good for", [passage(valid)]).answerable
    # Not a figure of another thing, nor without the question's name.
    model.span = _FixedSpans([0.6])  # type: ignore[assignment]
    assert not selector.select("how many journeys can a transit permit be used for", [passage(valid)]).answerable
    model.span = _FixedSpans([0.6])  # type: ignore[assignment]
    assert not selector.select("how many days is a Vorneshi visa good for", [passage(valid)]).answerable


def test_words_of_one_family_cover_each_other() -> None:
    """explore30c q14: "Who stood in as head of the museum after Verbek was sacked?" abstained beside "Marek Dunai …,
    who had run the museum on an acting basis since Verbek's dismissal"; explore23c: "fixing the bridge" beside
    "repairing … the bridge"."""
    from rag.evidence.question import content_stems, matches

    assert matches(content_stems("sacked")[0], set(content_stems("since Verbek's dismissal")))
    assert matches(content_stems("fixing")[0], set(content_stems("the cost of repairing the bridge")))
    assert matches(content_stems("rode")[0], set(content_stems("passengers who travelled on the service")))
    assert not matches(content_stems("sacked")[0], set(content_stems("the ministry appointed him")))


def test_how_far_is_answered_by_a_distance_from_a_place() -> None:
    """explore30 q21: "How far off the harbour wall was the ship when it was hit?" was answered by "The JCC said the
    hull had been holed … over an area of about three metres by two", beside the sentence before, which gave "about
    1.5 nautical miles south of the … breakwater"."""
    asked = "How far off the harbour wall was the ship when it was hit?"
    hole = "The JCC said the hull of the ship had been holed over an area of about three metres by two when it was hit."
    far = "The ship was hit about 1.5 nautical miles south of the harbour wall, the JCC said."
    assert not _scoring([0.9]).select(asked, [passage(hole)]).answerable
    assert _scoring([0.9]).select(asked, [passage(far)]).answerable


def test_how_far_is_answered_by_a_chosen_span_giving_the_distance() -> None:
    """explore22b: "how far is drenvik from kestrany" abstained beside "The buses reached Drenvik, 38 kilometres to the
    south-east", scored below the lead that gives no distance."""
    lead = "The first evacuation convoy from the besieged town of Kestrany reached Zavrenian-held territory."
    far = "The buses reached Drenvik, 38 kilometres to the south-east, shortly after 7 p.m."
    found = _scoring([0.9, 0.3]).select("how far is drenvik from kestrany", [passage(f"{lead} {far}")])
    assert found.answerable and "38 kilometres" in found.items[0].text


def test_a_sentence_whose_time_is_the_one_befores_is_quoted_after_it() -> None:
    """Explore40b q06 ("who's in charge … now") quoted "Until then Dr Nela Vostrik … remains in charge" alone, as if
    she still were; the sentence before says when her successor takes over."""
    text = (
        "Halbeck takes office on Friday. Until then Dr Nela Vostrik, who has led the vets on an acting basis, "
        "remains in charge."
    )
    found = _scoring([0.0, 0.9]).select("Who is in charge of the vets now?", [_dated(text, "a", "2026-05-19")])
    assert [(e.start, e.text) for e in found.items] == [(0, text)]


def test_a_sentence_quoted_for_the_time_of_the_next_counts_as_one() -> None:
    """Explore29d ("Who is in charge … right now?") dropped "Tolvik will take office on June 1. Until then Pavel
    Kuznar … will remain in charge" for a stale director's single sentence: the two counted as two quotes."""
    from rag.answer.compose import _sentence_count

    assert _sentence_count("Tolvik will take office on June 1. Until then Kuznar will remain in charge.") == 1
    assert _sentence_count("Tolvik will take office on June 1. Kuznar will remain deputy.") == 2
