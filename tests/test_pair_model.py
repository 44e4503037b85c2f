"""The learned pair model (rag/news/pair_model.py) and how the detector uses it; made-up sentences."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from rag.news.conflicts import detect_conflicts, pair_signals
from rag.news.pair_model import FEATURES, PairModel, default_model, differs, pair_features
from rag.news.values import values_in
from rag.types import Passage


@dataclass(frozen=True)
class Evidence:
    text: str
    passage: Passage


def evidence(text: str, article: str, published: str | None = None) -> Evidence:
    return Evidence(
        text, Passage(f"{article}#0", article, text, f"Title {article}", 0, len(text), 0.9, "Wire", published)
    )


def features(a: str, b: str) -> dict[str, float]:
    return dict(zip(FEATURES, pair_features(a, b, values_in(a, None), values_in(b, None)), strict=True))


def constant(z: float) -> PairModel:
    """A model whose score is sigmoid(z) whatever the pair."""
    n = len(FEATURES)
    return PairModel("test", FEATURES, (0.0,) * n, (1.0,) * n, (0.0,) * n, z, 0.5)


CLAIM = "The newspaper alleged that the minister had accepted gifts from the Orvane Corporation."
DENIAL = "The minister denied accepting any gifts from Orvane."


def test_a_denial_on_one_side_is_a_signal_and_two_denials_are_not():
    f = features(CLAIM, DENIAL)
    assert f["denial_one_side"] == 1.0
    assert f["claim_other_side"] == 1.0  # "alleged"
    assert f["denial_takes"] > 0  # the denial speaks of gifts, the minister
    both = features(DENIAL, "The minister denied that he would resign.")
    assert both["denial_one_side"] == 0.0 and both["both_deny"] == 1.0


def test_dismissing_a_figure_as_small_is_no_denial_but_dismissing_it_as_false_is():
    # Two adjacent sentences of one article: the first plays the second's figure down, it does not deny it.
    played_down = "Treasury Secretary Marle Bessing dismissed this as insignificant, but oil prices keep rising."
    figure = "Temporary easing of sanctions on oil could generate roughly $2 billion for Moscow, analysts said."
    assert features(played_down, figure)["denial_one_side"] == 0.0
    a, b = evidence(figure, "a"), evidence(played_down, "a")
    assert detect_conflicts([a, b]) == []
    denied = 'The Treasury dismissed the estimate as "complete rubbish".'
    assert features(denied, figure)["denial_one_side"] == 1.0


def test_rejecting_the_idea_of_doing_something_is_no_denial_but_rejecting_the_idea_that_is():
    # Hand-read round 6 Q25: two adjacent sentences of one article shown as a disagreement.
    rejected = "Marlow criticized Venn for publicly rejecting the idea of ceding land and doubted Arden would join."
    proposal = "A peace proposal reportedly presented to Arden allegedly let Dorn keep other occupied territories."
    assert features(rejected, proposal)["denial_one_side"] == 0.0
    assert detect_conflicts([evidence(rejected, "a"), evidence(proposal, "a")]) == []
    denied = "Venn rejected the idea that Arden had agreed to cede land."
    assert features(denied, proposal)["denial_one_side"] == 1.0


def test_a_denial_about_someone_else_than_the_claim_is_no_note():
    from rag.news.pair_model import denies_another_subject

    denial = (
        "In an interview, President Marta Venn said there is no evidence that Dorn is genuinely willing to end the war."
    )
    boast = "Even before Arlo Brandt's term began, he claimed boldly he would end the war within 24 hours."
    assert denies_another_subject(denial, boast)
    assert detect_conflicts([evidence(denial, "a"), evidence(boast, "a")]) == []
    same = "Dorn claimed it is willing to end the war."
    assert not denies_another_subject(denial, same)
    assert not denies_another_subject("Officials denied the allegations.", boast)  # no subject named


def test_two_values_of_one_unit_that_differ_and_that_agree():
    f = features("Turnout in the local election was 61%.", "Turnout in the local election was 65%.")
    assert f["number_differs"] > 0.5 and f["number_agrees"] == 0.0
    assert 0 < f["number_gap"] < 0.1  # log10(65/61)
    same = features("Turnout in the local election was 61%.", "Some 61% of voters turned out in the local election.")
    assert same["number_differs"] == 0.0 and same["number_agrees"] == 1.0


def test_pairs_that_differ_in_no_way_are_never_reported_whatever_the_model():
    a = evidence("Profits at Brelford Foods rose to £40m last year.", "a")
    b = evidence("Brelford Foods said its profits rose to £40m last year.", "b")
    assert not differs(pair_signals([a, b])[0].features)
    assert detect_conflicts([a, b], model=constant(30.0)) == []


def test_the_model_decides_what_the_rules_found():
    a = evidence("Turnout in the Dunmore by-election was 61%.", "a")
    b = evidence("Turnout in the Dunmore by-election was 65%.", "b")
    assert [c.about for c in detect_conflicts([a, b], use_model=False)] == ["number"]
    assert detect_conflicts([a, b], model=constant(-30.0)) == []  # a model that says no drops it
    assert [c.items for c in detect_conflicts([a, b], model=constant(30.0))] == [(0, 1)]
    assert [c.by_rules for c in detect_conflicts([a, b], model=constant(30.0))] == [True]  # the rules found it


def test_a_note_names_a_topic_only_from_two_shared_words():
    one = detect_conflicts(
        [evidence("Russia’s revenue rose by 40% in March.", "a"), evidence("Russia’s exports fell by 15% then.", "b")],
        model=constant(30.0),
    )
    assert one and all(c.topic == "" and c.note().startswith("The sources disagree: ") for c in one)
    two = detect_conflicts(
        [
            evidence("Turnout in the Dunmore by-election was 61%.", "a"),
            evidence("Turnout in the Dunmore by-election was 65%.", "b"),
        ],
        use_model=False,
    )
    assert (
        two and two[0].topic.count(" ") >= 1 and two[0].note().startswith(f"The sources disagree on {two[0].topic}: ")
    )


def test_a_reported_contradiction_is_kept_whatever_the_model():
    text = (
        "Officials said the Harlow plant would stay open. "
        "According to the union, this statement conflicts with earlier remarks by the owner, who said it would close."
    )
    p = Passage("a#0", "a", text, "Harlow", 0, len(text), 0.9, "Wire", None)
    found = detect_conflicts([p], model=constant(-30.0))
    assert [c.about for c in found] == ["reported"]


def test_the_committed_model_reads_a_claim_and_its_denial_the_rules_miss():
    a, b = evidence(CLAIM, "a"), evidence(DENIAL, "b")
    assert detect_conflicts([a, b], use_model=False) == []
    found = detect_conflicts([a, b])
    assert [(c.items, c.about, c.kind, c.by_rules) for c in found] == [((0, 1), "negation", "conflict", False)]


def test_the_committed_model_does_not_pair_a_claim_with_a_denial_of_something_else():
    a = evidence("Mr Tarrant hid £2m from the tax authorities, prosecutors say.", "a")
    b = evidence("Mr Tarrant denied reports that he would resign as chairman of the club.", "b")
    assert detect_conflicts([a, b]) == []


def test_the_model_file_round_trips_and_refuses_other_features(tmp_path: Path):
    model = default_model()
    assert model is not None and model.features == FEATURES
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model.to_dict()))
    assert PairModel.load(path) == model
    x = pair_signals([evidence(CLAIM, "a"), evidence(DENIAL, "b")])[0].features
    assert PairModel.load(path).score(x) == pytest.approx(model.score(x))
    path.write_text(json.dumps(replace(model, features=(*FEATURES, "extra")).to_dict()))
    with pytest.raises(ValueError, match="refit"):
        PairModel.load(path)


# v2 signals: is the denied proposition the claim's own, or another one both can hold?
CONTRACT = "The Harlow Group has pulled out of a contract to build a bridge in Vessen, officials said."


def test_a_denial_of_another_proposition_leaves_its_own_words_unmatched():
    other = features(CONTRACT, "But the firm denied reports it was leaving Vessen altogether.")
    same = features(CLAIM, "The minister denied that he had accepted gifts from the Orvane Corporation.")
    assert other["denial_one_side"] == same["denial_one_side"] == 1.0
    assert other["denied_unmatched"] > 0.5  # "leaving", "altogether": not what the claim says
    assert same["denied_unmatched"] < 0.3  # gifts, Orvane, accepted: the claim's own words
    assert other["denial_generic"] == same["denial_generic"] == 0.0


def test_a_denial_naming_no_proposition_is_generic():
    f = features(CLAIM, "The minister has strongly denied the allegations.")
    assert f["denial_generic"] == 1.0 and f["denied_unmatched"] == 0.0
    assert features(CLAIM, "The weather was fine.")["denial_generic"] == 0.0  # no denial at all


def test_declining_to_confirm_is_noncommittal_on_one_side_only():
    plan = "The Torvik company will close its plant in Easthaven next year."
    f = features(plan, "The Torvik company declined to comment on reports that it would close the plant.")
    assert f["noncommittal"] == 1.0
    assert features(plan, "The Torvik company confirmed it would close the plant.")["noncommittal"] == 0.0


def test_a_contrary_claim_without_a_denial_word_is_weighed():
    f = features(
        "Officials in Marlow say the drone was spying on the base.", "Kestra, however, insists it was a weather drone."
    )
    assert f["contrast"] == 1.0 and f["denial_one_side"] == 0.0
    assert differs(
        pair_features_of("Officials say the drone was spying.", "Kestra, however, insists it was a weather drone.")
    )
    assert features("Officials say the drone was spying.", "Kestra says it was a weather drone.")["contrast"] == 0.0


def pair_features_of(a: str, b: str) -> list[float]:
    return pair_features(a, b, values_in(a, None), values_in(b, None))


def test_a_number_that_agrees_with_none_on_the_other_side_is_seen_value_by_value():
    a = "The market was worth $20 million (£10.5 million) in 2004, and $1.8 billion (£9.4 million) by 2009."
    b = "The market was worth $20 million (£10.5 million) in 2004, and $1.8 billion (£94 million) by 2009."
    assert features(a, b)["number_unmatched"] > 0
    assert features(a, a.replace("The market", "That market"))["number_unmatched"] == 0.0


def test_a_quarrel_named_disputes_is_no_denial():
    claim = "Officials said the third round of talks in Geneva produced an agreement on prisoners."
    quarrel = "The third round continued discussions without resolving core disputes over Geneva."
    assert features(claim, quarrel)["denial_one_side"] == 0.0
    assert features(claim, "The ministry disputed the claims made about Geneva.")["denial_one_side"] == 1.0


def test_a_however_answers_what_comes_before_it_in_one_article():
    first = "However, if the Varden administration steps away from the talks, it remains unclear what happens."
    second = "Greene notes that Kestra may not be sure whether the Varden administration will cut aid."
    text = f"{first} {second}"
    passage = Passage("x#0", "x", text, "Title x", 0, len(text), 0.9, "Wire")
    a, b = Evidence(first, passage), Evidence(second, passage)
    assert dict(zip(FEATURES, pair_signals([a, b])[0].features, strict=True))["contrast"] == 0.0
    # Two articles: nothing says which comes first, so the "However" still counts.
    assert features(first, second)["contrast"] == 1.0


def test_the_model_alone_reports_a_value_or_a_denied_claim_not_a_contrast_word():
    officials = evidence("Officials in Marlow say the drone was spying on the base.", "a")
    kestra = evidence("Kestra, however, insists it was a weather drone.", "b")
    # The model alone, on a contrast word only: no grounds to show a reader.
    assert detect_conflicts([officials, kestra], model=constant(30.0)) == []
    claim, denial = evidence(CLAIM, "a"), evidence(DENIAL, "b")
    found = detect_conflicts([claim, denial], model=constant(30.0))
    assert [(c.items, c.by_rules) for c in found] == [((0, 1), False)]


def test_a_span_of_two_sentences_can_report_a_contradiction_between_them():
    from rag.answer.news import conflicting_sides

    first = "Lavrov claimed the United States had agreed to the proposal during talks in Riyadh."
    second = "According to ISW, this statement conflicts with earlier remarks made by Kirill Dmitriev."
    text = f"Talks went on.\n\n{first}\n{second}"
    span = Evidence(f"{first} {second}", Passage("a#0", "a", text, "Title a", 0, len(text), 0.9, "Wire"))
    found = detect_conflicts([span])
    assert [(c.about, c.items) for c in found] == [("reported", (0, 0))]
    assert conflicting_sides([span]) == [span]  # "Do the sources disagree …?" quotes it
