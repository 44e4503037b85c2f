"""The token-alignment support checker's features, with fake embeddings and word vectors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from rag.answer.align import align
from rag.answer.alignment import MODEL_FILE, SupportModel, TokenAlignmentChecker
from rag.answer.claim_tokens import FEATURES, tokenize
from rag.answer.support import quoted
from tests.fakes import HashingEmbeddings
from tests.modules import load_module

ROOT = Path(__file__).resolve().parent.parent
EVIDENCE = (
    "Russian Foreign Minister Sergey Lavrov reiterated on 11 April that the resumption of commercial air services "
    "between Russia and the United States should depend on the US lifting sanctions on Aeroflot. "
    "Kirill Dmitriev told Fox News on 3 April that Russia is not seeking sanctions relief."
)


class FakeWordVectors:
    """Words in the same synonym group are similar (0.8), others unrelated (0)."""

    groups = ({"demanded", "insisted"}, {"talks", "negotiations"})

    def similarity(self, a, b):
        return np.array([[0.8 if any(x in g and y in g for g in self.groups) else 0.0 for y in b] for x in a])


def uniform_model(threshold: float = 0.5) -> SupportModel:
    """A model that penalises missing content: probability falls as hard_miss rises."""
    weights = dict.fromkeys(FEATURES, 0.0) | {"hard_miss": -10.0, "names_missing": -5.0, "negation": -5.0}
    return SupportModel("test", 3.0, weights, threshold, dict.fromkeys(FEATURES, 0.0), dict.fromkeys(FEATURES, 1.0))


@pytest.fixture
def checker() -> TokenAlignmentChecker:
    return TokenAlignmentChecker(HashingEmbeddings(), model=uniform_model(), word_vectors=FakeWordVectors())


def kinds(text: str) -> dict[str, str]:
    return {t.text: t.kind for t in tokenize(text)}


def test_tokens_get_the_kind_that_decides_their_weight():
    k = kinds("Lavrov said on 11 April 2025 that the second round did not happen, and Putin accused Kyiv.")
    assert k["Lavrov"] == "name" and k["Putin"] == "name" and k["Kyiv"] == "name"
    assert k["11"] == "number" and k["April"] == "date" and k["2025"] == "date"
    assert k["second"] == "ordinal" and k["not"] == "negation" and k["accused"] == "role"
    assert k["the"] == "stop"
    # A capitalised ordinary word opening a sentence is not a name.
    assert kinds("Experts say the talks failed.")["Experts"] != "name"


def test_numbers_compare_by_value_across_digits_and_words():
    claim = tokenize("three rounds")
    a = align(claim, tokenize("3 rounds of talks"), None)
    assert a.hard == [1.0, 1.0]
    assert align(tokenize("four rounds"), tokenize("3 rounds"), None).hard[0] == 0.0


def test_soft_alignment_uses_word_vectors_only_for_ordinary_words():
    a = align(tokenize("Putin insisted"), tokenize("Putin demanded"), FakeWordVectors())
    assert a.hard == [1.0, 0.0]
    assert a.soft[1] == pytest.approx(0.8)
    # Names never match by similarity, however close their vectors.
    b = align(tokenize("Zelensky demanded"), tokenize("Putin demanded"), FakeWordVectors())
    assert b.soft[0] == 0.0


def test_changed_name_and_number_are_counted(checker):
    f, _ = checker.features_for("Kirill Dmitriev told Fox News on 3 April that Russia is not seeking relief.", EVIDENCE)
    assert f["names_missing"] == 0 and f["numbers_missing"] == 0
    swapped, _ = checker.features_for(
        "Sergey Lavrov told Fox News on 3 April that Russia is not seeking relief.", EVIDENCE
    )
    assert swapped["names_missing"] > 0
    assert swapped["names_elsewhere"] > 0  # Lavrov is in the passage, in another sentence
    date, _ = checker.features_for(
        "Kirill Dmitriev told Fox News on 5 April that Russia is not seeking relief.", EVIDENCE
    )
    assert date["numbers_missing"] > 0 and date["hard_miss"] > f["hard_miss"]


def test_negation_dropped_is_a_conflict(checker):
    f, _ = checker.features_for("Kirill Dmitriev told Fox News that Russia is seeking sanctions relief.", EVIDENCE)
    assert f["negation"] == 1.0


def test_role_flip_when_two_names_trade_places(checker):
    evidence = "Putin accused Zelensky of dragging out the talks."
    same, _ = checker.features_for("Putin accused Zelensky of dragging out the talks.", evidence)
    flipped, _ = checker.features_for("Zelensky accused Putin of dragging out the talks.", evidence)
    assert same["role_flip"] == 0.0 and flipped["role_flip"] == 1.0


def test_novel_words_is_bounded(checker):
    long_invention = "Parliament approved seventeen enormous purple submarines yesterday beside glittering harbours"
    f, _ = checker.features_for(long_invention, EVIDENCE)
    assert 0.0 <= f["novel_words"] <= 1.0
    assert f["novel_words"] == 1.0  # six or more novel words all count the same
    assert all(0.0 <= f[name] <= 1.0 for name in FEATURES if name != "sim")


def test_merged_halves_spread_over_the_evidence(checker):
    evidence = (
        "The minister opened the new bridge in the north of the city on Monday morning. "
        "Protesters blocked the main road to the airport for several hours on Friday."
    )
    true, _ = checker.features_for("The minister opened the new bridge in the north of the city.", evidence)
    merged, _ = checker.features_for("The minister opened the main road to the airport for several hours.", evidence)
    assert merged["span"] > true["span"]


def test_checker_keeps_the_support_checker_protocol(checker):
    passages = ["The summit took place in Geneva on 3 May.", EVIDENCE]
    matrix = checker.check_many(["The summit took place in Geneva.", "Lavrov reiterated it on 11 April."], passages)
    assert len(matrix) == 2 and all(len(row) == 2 for row in matrix)
    assert matrix[0][0].supported and not matrix[0][1].supported
    best = checker.check("The summit took place in Geneva.", passages)
    assert best.passage == 0 and best.supported and best.score >= checker.threshold
    assert "Geneva" in best.evidence
    assert not checker.check("The summit took place in Oslo.", passages).supported
    assert checker.check("anything", []).passage is None


def test_a_verbatim_quote_is_supported_whatever_the_score():
    # A model that rejects everything: only the verbatim rule can make a claim supported.
    never = SupportModel("never", -50.0, dict.fromkeys(FEATURES, 0.0), 0.5, dict.fromkeys(FEATURES, 0.0),
                         dict.fromkeys(FEATURES, 1.0))  # fmt: skip
    c = TokenAlignmentChecker(HashingEmbeddings(), model=never, word_vectors=FakeWordVectors())
    two_sentences = (
        "“the US lifting sanctions on Aeroflot. Kirill Dmitriev told Fox News on 3 April that Russia is not seeking "
        "sanctions relief.”"
    )
    row = c.check_many([two_sentences, "Kirill Dmitriev told Fox News on 4 April", "is not seeking"], [EVIDENCE])
    assert row[0][0].supported and row[0][0].score == 1.0
    assert not row[1][0].supported  # one detail changed: no longer the passage's words
    assert not row[2][0].supported  # too short to be a quote: it could be cut from around a negation


def test_threshold_comes_from_the_model_unless_given():
    c = TokenAlignmentChecker(HashingEmbeddings(), model=uniform_model(0.8), word_vectors=FakeWordVectors())
    assert c.threshold == 0.8
    assert TokenAlignmentChecker(HashingEmbeddings(), threshold=0.3, model=uniform_model(0.8)).threshold == 0.3


def test_shipped_model_file_matches_the_features():
    data = json.loads(MODEL_FILE.read_text())
    assert data["features"] == list(FEATURES)
    model = SupportModel.load()
    assert set(model.weights) == set(FEATURES) and 0.0 < model.threshold < 1.0
    assert 0.0 <= model.probability(dict.fromkeys(FEATURES, 0.5)) <= 1.0


def test_answers_prefers_the_sentence_about_the_question(checker):
    question = "When did Lavrov speak about air services?"
    on_topic = "Lavrov spoke about air services on 11 April."
    off_topic = "The summit took place in Geneva."
    assert checker.relevance(question, on_topic) > checker.relevance(question, off_topic)
    assert checker.answers(question, on_topic) and not checker.answers(question, off_topic)
    # A "when" question is not answered by a sentence without a date or number.
    assert checker.relevance(question, "Lavrov spoke about air services.") < checker.relevance(question, on_topic)


# -- the benchmark's and the data scripts' split logic ------------------------------------


def test_group_folds_keep_each_group_in_one_fold():
    bench = load_module("support_checker_bench", ROOT / "benchmarks" / "support_checker.py")
    groups = [f"q{i % 7}" for i in range(40)]
    folds = bench.group_folds(groups, 5)
    assert sorted(np.concatenate(folds).tolist()) == list(range(40))
    for fold in folds:
        inside = {groups[i] for i in fold}
        outside = {groups[i] for f in folds if f is not fold for i in f}
        assert not inside & outside


def test_summary_counts_supported_precision_and_recall():
    bench = load_module("support_checker_bench", ROOT / "benchmarks" / "support_checker.py")
    rows = [{"label": x} for x in ("supported", "supported", "unsupported", "unsupported")]
    s = bench.summary([True, False, True, False], rows)
    assert s["supported_precision"] == 0.5 and s["supported_recall"] == 0.5 and s["balanced_accuracy"] == 0.5


def test_perturbations_split_by_article_and_change_one_thing():
    p = load_module("make_perturbations", ROOT / "scripts" / "make_perturbations.py")
    import random

    rng = random.Random(0)
    text = (
        "Tony Blair met Gordon Brown in London on Monday to discuss the budget. "
        "The chancellor said growth rose by 3% in 2004, which was more than expected. "
        "In March, the Treasury published its forecast, Mr Brown said."
    )
    rows = p.pairs_for("bbc", "bbc:test/1", text, ["Oil prices fell sharply in Asian trading on Tuesday."], rng)
    assert rows and {r["split"] for r in rows} == {p._bucket("bbc:test/1")}
    swaps = [r for r in rows if r["kind"] == "role_swap"]
    assert any(r["claim"].startswith("Gordon Brown met Tony Blair in London") for r in swaps)
    assert all(r["label"] == "unsupported" for r in swaps)
    originals = set(p.sentences_of(text))
    numbers = [r["claim"] for r in rows if r["kind"] == "number"]
    assert numbers and not originals & set(numbers)
    assert all(r["claim"] in originals for r in rows if r["kind"] == "copy")
    assert p.negate("The chancellor said growth was strong.") == "The chancellor said growth was not strong."
    assert p.negate("The plan was not approved.") == "The plan was approved."
    assert (
        p.reorder("In March, the Treasury published its forecast.") == "The Treasury published its forecast in March."
    )
    assert (
        p.drop_clause("The bank, which is based in Leeds, cut its interest rates.")
        == "The bank cut its interest rates."
    )
    # The split is a pure function of the article id.
    assert p._bucket("bbc:x") == p._bucket("bbc:x")
    assert {p._bucket(f"bbc:{i}") for i in range(50)} == {"train", "heldout"}


def test_claim_labels_are_validated_when_joined(tmp_path):
    m = load_module("make_model_claims", ROOT / "scripts" / "make_model_claims.py")
    raw = tmp_path / "model_claims.raw.jsonl"
    raw.write_text(json.dumps({"id": "q1-answer-0", "qid": "q1", "claim": "A claim.", "raw_output": "x"}) + "\n")
    labels = tmp_path / "labels.tsv"
    labels.write_text("q1-answer-0\tunsupported\tinvented\tnot in the passage\n")
    out = tmp_path / "model_claims.jsonl"
    m.join(raw, labels, out)
    row = json.loads(out.read_text())
    assert row["label"] == "unsupported" and row["kind"] == "invented" and "raw_output" not in row
    labels.write_text("q1-answer-0\tsupported\tinvented\n")
    with pytest.raises(SystemExit, match="kind 'none'"):
        m.join(raw, labels, out)


@pytest.mark.parametrize(
    ("claim", "is_quote"),
    [
        ("The second, in Geneva, was described as difficult.", True),  # quotation marks left out
        ("Trump indicated that Crimea will stay with Russia.", True),  # the apposition left out
        ("Trump indicated that Crimea will stay with Ukraine.", False),
        ("Russia will agree to a ceasefire with Ukraine now.", False),  # a condition is not an aside
        ("stay with Russia.", False),  # too short to stand alone
    ],
)
def test_quoted_allows_dropped_quotation_marks_and_one_aside(claim: str, is_quote: bool):
    passage = (
        'The second, in Geneva, was described as "difficult". Trump indicated that Crimea, the Ukrainian peninsula '
        'illegally annexed by Russia in 2014, "will stay with Russia." Russia will agree, if sanctions are lifted, '
        "to a ceasefire with Ukraine now."
    )
    assert quoted(claim, passage) is is_quote


def test_an_iso_date_tokenizes_as_the_day_month_and_year_a_passage_writes():
    iso = [(t.value, t.kind) for t in tokenize("Chas Pravdy, 2025-05-20") if t.kind != "name"]
    written = [(t.value, t.kind) for t in tokenize("Chas Pravdy - 20 May 2025") if t.kind != "name"]
    assert iso == written == [("20", "number"), ("may", "date"), ("2025", "date")]
    assert [t.value for t in tokenize("on 2025-13-40")] == ["on", "2025", "13", "40"]  # no month 13: plain numbers


def test_an_aside_never_runs_across_two_sentences():
    passage = "The talks in Riyadh ended, Peskov said. Moscow sent, a day later, a new envoy to the talks."
    assert quoted("Moscow sent a new envoy to the talks.", passage)
    assert not quoted("The talks in Riyadh ended a day later, a new envoy to the talks.", passage)
