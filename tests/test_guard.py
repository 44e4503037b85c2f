"""The support checker and the answer guard, with the real (packaged) embedding model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rag.answer.cite import parse_answer
from rag.answer.guard import QUOTE_INTRO, AnswerGuard
from rag.answer.support import AlignmentChecker
from rag.settings import AnswerSettings
from rag.types import Passage

ROOT = Path(__file__).resolve().parent.parent
ABSTAIN = "The indexed articles don't say."

OBLASTS = (
    "Lavrov’s comments reflect Russia’s stance that Ukraine must cede territories currently under Russian "
    "occupation, including Donetsk, Zaporizhzhia, and Kherson oblasts. Additionally, Russian President Vladimir "
    "Putin has demanded that Ukraine cede Mykolaiv and Kharkiv oblasts, regions not controlled by Russian forces, "
    "claiming them as “historically Russian lands.”"
)
DMITRIEV = (
    "According to ISW, this statement conflicts with earlier remarks made by Kirill Dmitriev, CEO of the Russian "
    "Direct Investment Fund (RDIF), who told Fox News on 3 April that Russia is not seeking sanctions relief."
)
BUDGET = "Ukraine, by contrast, enters 2026 with 42.3% of its military budget reliant on international partners."


def passage(i: int, text: str) -> Passage:
    return Passage(chunk_id=f"c{i}", article_id=f"a{i}", text=text, title=f"T{i}", start=0, end=len(text), score=0.6)


PASSAGES = [passage(1, OBLASTS), passage(2, DMITRIEV), passage(3, BUDGET)]
TRUE_AND_FALSE = (
    "Putin demanded that Ukraine cede Mykolaiv and Kharkiv oblasts [1]. Putin also demanded Odesa and Lviv oblasts [1]."
)


@pytest.fixture(scope="module")
def checker(real_embeddings) -> AlignmentChecker:
    return AlignmentChecker(real_embeddings)


@pytest.fixture(scope="module")
def guard(checker, real_embeddings) -> AnswerGuard:
    return AnswerGuard(checker, real_embeddings)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("Putin demanded that Ukraine cede Mykolaiv and Kharkiv oblasts.", True),
        ("Putin wants Ukraine to give up the Mykolaiv and Kharkiv regions, which Russia does not control.", True),
        ("Putin demanded that Ukraine cede Odesa and Kharkiv oblasts.", False),  # entity swap
        (
            "Putin has demanded that Ukraine cede Mykolaiv and Kharkiv oblasts, regions controlled by Russian forces.",
            False,
        ),
        ("Dmitriev told Fox News on 3 April that Russia is seeking sanctions relief.", False),  # negation removed
        ("Dmitriev told Fox News on 5 April that Russia is not seeking sanctions relief.", False),  # date change
        ("Ukraine enters 2026 with 52.3% of its military budget reliant on international partners.", False),
        ("Ukraine enters 2026 with 42.3% of its military budget reliant on international partners.", True),
        ("The European Union approved a new sanctions package against Moscow.", False),  # invented
    ],
)
def test_checker_verdicts(checker: AlignmentChecker, claim: str, supported: bool):
    verdict = checker.check(claim, [p.text for p in PASSAGES])
    assert verdict.supported is supported, (verdict.score, verdict.features)
    assert 0.0 <= verdict.score <= 1.0


def test_checker_keeps_its_accuracy_on_the_labelled_pairs(checker: AlignmentChecker):
    rows = [json.loads(x) for x in (ROOT / "evals" / "support_pairs.jsonl").read_text().splitlines() if x.strip()]
    assert len(rows) >= 150
    correct = {True: [], False: []}
    for r in rows:
        truth = r["label"] == "supported"
        correct[truth].append(checker.check(r["claim"], [r["passage"]]).supported == truth)
    balanced = (sum(correct[True]) / len(correct[True]) + sum(correct[False]) / len(correct[False])) / 2
    assert balanced >= 0.88, balanced  # measured 0.909 in-sample, 0.890 cross-validated


def test_supported_sentence_keeps_its_citation(guard: AnswerGuard):
    parsed = parse_answer("Putin demanded that Ukraine cede Mykolaiv and Kharkiv oblasts [1].", PASSAGES, ABSTAIN)
    result = guard(parsed, "Which oblasts did Putin demand?", PASSAGES)
    s = result.parsed.sentences[0]
    assert (s.verdict, s.citations, s.inferred) == ("supported", (1,), False)
    assert result.parsed.citations[0].passage.chunk_id == "c1"
    assert result.faithfulness == 1.0 and result.unsupported == [] and result.fallback is None


def test_wrong_or_missing_citation_is_repaired(guard: AnswerGuard):
    raw = (
        "Putin demanded that Ukraine cede Mykolaiv and Kharkiv oblasts [2]. "
        "Kirill Dmitriev told Fox News on 3 April that Russia is not seeking sanctions relief."
    )
    result = guard(parse_answer(raw, PASSAGES, ABSTAIN), "What did they say?", PASSAGES)
    first, second = result.parsed.sentences
    assert first.verdict == second.verdict == "repaired" and first.inferred
    cited = {c.number: c.passage.chunk_id for c in result.parsed.citations}
    assert cited[first.citations[0]] == "c1" and cited[second.citations[0]] == "c2"
    assert result.faithfulness == 0.0  # neither sentence was supported as the model cited it
    assert result.parsed.text.endswith("sanctions relief [2].")


def test_a_citation_that_supports_nothing_is_dropped(guard: AnswerGuard):
    raw = "Putin demanded that Ukraine cede Mykolaiv and Kharkiv oblasts [1][3]."
    result = guard(parse_answer(raw, PASSAGES, ABSTAIN), "Which oblasts?", PASSAGES)
    assert result.parsed.sentences[0].citations == (1,)
    assert [c.passage.chunk_id for c in result.parsed.citations] == ["c1"]


def test_unsupported_sentence_is_removed_and_listed(guard: AnswerGuard):
    raw = TRUE_AND_FALSE
    result = guard(parse_answer(raw, PASSAGES, ABSTAIN), "Which oblasts?", PASSAGES)
    assert [s.verdict for s in result.parsed.sentences] == ["supported"]
    assert result.unsupported == ["Putin also demanded Odesa and Lviv oblasts."]
    assert "Odesa" not in result.parsed.text
    assert result.faithfulness == 0.5


def test_mark_mode_keeps_the_sentence_without_a_citation(checker, real_embeddings):
    guard = AnswerGuard(checker, real_embeddings, AnswerSettings(unsupported="mark"))
    raw = TRUE_AND_FALSE
    result = guard(parse_answer(raw, PASSAGES, ABSTAIN), "Which oblasts?", PASSAGES)
    marked = result.parsed.sentences[1]
    assert (marked.verdict, marked.citations) == ("unsupported", ())
    assert "Odesa" in result.parsed.text and result.unsupported == ["Putin also demanded Odesa and Lviv oblasts."]


def test_nothing_supported_falls_back_to_labelled_quotes(guard: AnswerGuard):
    raw = "The oblasts were given to Poland in 1998 [1]."
    result = guard(parse_answer(raw, PASSAGES, ABSTAIN), "Which oblasts did Putin demand Ukraine cede?", PASSAGES)
    assert result.fallback == "quotes"
    assert result.parsed.text.startswith(QUOTE_INTRO)
    quote = result.parsed.sentences[0]
    assert quote.verdict == "quote" and "Mykolaiv and Kharkiv" in quote.text
    assert result.parsed.citations[quote.citations[0] - 1].passage.chunk_id == "c1"


def test_quotes_never_carry_citation_markers_written_inside_an_article(guard: AnswerGuard):
    hostile = [passage(1, "The solar farm near Kessling will produce enough electricity for about 18,000 homes [7].")]
    raw = "The farm powers 90,000 homes [1]."
    result = guard(parse_answer(raw, hostile, ABSTAIN), "How many homes will the Kessling solar farm supply?", hostile)
    assert result.fallback == "quotes"
    assert "18,000 homes" in result.parsed.text and "[7]" not in result.parsed.text


def test_nothing_supported_and_nothing_relevant_abstains(guard: AnswerGuard):
    raw = "Croissants need cold butter [1]."
    result = guard(parse_answer(raw, PASSAGES, ABSTAIN), "How do I bake croissants at home?", PASSAGES)
    assert result.fallback == "abstain" and result.parsed.abstained
