"""scripts/train_selector.py's answerability options: the rate95 threshold rule and the `rare` negatives."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np

from rag.evidence.features import ANSWER_FEATURES
from rag.evidence.model import Logistic, SelectorModel
from tests.modules import load_module

ROOT = Path(__file__).resolve().parent.parent


def _score_model() -> SelectorModel:
    """An answer model whose probability rises with best_score alone."""
    n = len(ANSWER_FEATURES)
    coef = [0.0] * n
    coef[0] = 10.0
    mean = [0.0] * n
    mean[0] = 0.5
    blank = Logistic([], [], [], [], 0.0)
    return SelectorModel("t", blank, Logistic(list(ANSWER_FEATURES), mean, [1.0] * n, coef, 0.0))


def _rows(scores: list[float]) -> np.ndarray:
    x = np.zeros((len(scores), len(ANSWER_FEATURES)))
    x[:, 0] = scores
    x[:, ANSWER_FEATURES.index("type_found")] = 1.0
    return x


def test_rate95_answers_most_realtimeqa_questions_the_floor_allows():
    train = load_module("train_selector", ROOT / "scripts" / "train_selector.py")
    model = _score_model()
    rt = _rows([0.3, 0.45, 0.55, 0.7, 0.9])
    # Project: one unanswerable question scores 0.6, the others 0.2; two answerable ones 0.8.
    project = (_rows([0.2] * 19 + [0.6, 0.8, 0.8]), np.array([False] * 20 + [True, True]))
    t, m, typed = train.calibrate_rate(model, rt, project, floor=0.95)
    answered = train.decide(model, rt, t, m, typed)
    p = train.decide(model, project[0], t, m, typed)
    # 19 of 20 abstained meets 0.95, so the 0.6 one may be answered: the threshold goes down to the
    # 0.3 question; a stricter floor must stop above the 0.6 unanswerable question.
    assert np.mean(~p[~project[1]]) >= 0.95 and answered.all()
    t, m, typed = train.calibrate_rate(model, rt, project, floor=1.0)
    p = train.decide(model, project[0], t, m, typed)
    assert not p[~project[1]].any() and train.decide(model, rt, t, m, typed).tolist() == [False] * 3 + [True] * 2


def test_rare_negatives_leave_out_the_own_the_answering_and_the_name_sharing_passages():
    data = load_module("selector_data", ROOT / "scripts" / "selector_data.py")
    texts = [
        "Acme Corp bought Widgets Ltd on Monday for a record sum.",  # its own passage
        "Analysts said the buyer of Widgets Ltd was a surprise.",  # shares the name
        "Globex announced a merger with Initech this week.",  # holds the answer text
        "Markets rose as technology shares led the gains.",
        "The central bank left interest rates unchanged.",
    ]

    question = "Which company bought Widgets Ltd?"

    class Vectors:
        """The part of CachedEmbeddings rare_negatives reads: vectors by text key."""

        def __init__(self) -> None:
            # Similarity to the question falls with the passage's position in `texts`.
            self.vectors = {t: np.eye(6)[i] * (1.0 - 0.1 * i) + 0.01 for i, t in enumerate(texts)}
            self.vectors[question] = np.full(6, 1.0)

        @staticmethod
        def _key(text: str) -> str:
            return text

    item = data.Item("q1", question, "Globex", date(2023, 1, 1), gold="rtqa#0")
    (negative,) = data.rare_negatives([item], texts, Vectors(), k=2)
    assert negative.answer is None and negative.id == "q1~rare"
    assert [p.text for p in negative.passages] == texts[3:5]


def test_a_labelled_sentence_is_found_however_the_index_split_it():
    data = load_module("selector_data", ROOT / "scripts" / "selector_data.py")
    sentence = "Verrow stepped down for health reasons this week, the foreign ministry said on Monday."
    assert data.same_sentence(sentence, sentence.upper())
    # The index cut the reader's sentence in two, or joined it with the next one.
    assert data.same_sentence("Verrow stepped down for health reasons this week,", sentence)
    assert data.same_sentence(sentence + " Rell replaces him.", sentence)
    # Another sentence about the same man and words is not it.
    assert not data.same_sentence("Verrow said on Monday the talks would go on this week.", sentence)
    assert not data.same_sentence("Verrow.", sentence)


def test_a_hand_read_question_is_answered_by_its_labelled_sentences_not_by_its_answer_text():
    data = load_module("selector_data", ROOT / "scripts" / "selector_data.py")
    item = data.Item("s/q01", "why did verrow quit", None, date(2026, 1, 1))
    item.evidence = ["Verrow stepped down for health reasons this week."]
    assert item.held_in("LISK - Verrow stepped down for health reasons this week.")
    assert not item.held_in("Verrow did not say where it would take place.")
    plain = data.Item("q1", "Which company bought Widgets Ltd?", "Globex", date(2023, 1, 1))
    assert plain.held_in("Globex bought it.") and not plain.held_in("Acme bought it.")


def test_hand_read_sets_load_their_answerable_questions_with_passages_from_their_own_corpus(tmp_path: Path):
    from tests.fakes import HashingEmbeddings

    data = load_module("selector_data", ROOT / "scripts" / "selector_data.py")
    folder = tmp_path / "session31" / "explore31"
    (folder / "corpus").mkdir(parents=True)
    (folder / "corpus" / "a.txt").write_text(
        "Envoy quits\nSource: Test Wire\nDate: 2 March 2026\n\n"
        "Verrow stepped down for health reasons this week. Rell will replace him on 1 April.\n",
        encoding="utf-8",
    )
    (folder / "questions.tsv").write_text(
        "id\tquestion\texpected\tkind\tevidence\n"
        "q01\twhy did verrow quit\thealth\twhy\ta.txt :: Verrow stepped down for health reasons this week.\n"
        "q02\twho is the new envoy's deputy?\tnot said\tunanswerable\t"
        "NEARBY: a.txt :: Rell will replace him on 1 April.\n",
        encoding="utf-8",
    )
    (tmp_path / "session31" / "notes").mkdir()  # no questions: not a set
    assert data.handread_sets(tmp_path) == [(31, folder)]
    (item,) = data.load_handread(folder, HashingEmbeddings(), k=2)
    assert item.id == "explore31/q01" and item.answer is None
    assert item.evidence == ["Verrow stepped down for health reasons this week."]
    assert item.passages and any(item.held_in(p.text) for p in item.passages)
