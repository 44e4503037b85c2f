"""Answerability variants (issue 14): which negatives, signals and threshold rule let the product answer
more RealTimeQA questions while still abstaining on the project's unanswerable ones.

    PYTHONPATH=. python benchmarks/answerability_variants.py ../shared/datasets [--out-dir /tmp/variants]

Every choice is made on training data only: RealTimeQA questions of the earlier half of the weeks
(with their dense top-4 passages, gold forced in, as in scripts/train_selector.py) and the project's
questions of split "train". Each variant is then reported once, beside the shipped weights:

- RealTimeQA held out, product path: the 320 questions of evals/suites/realtimeqa_heldout.yaml through
  the product's Assistant in evidence mode (the default `auto` mode with the bundled model), with
  retrieval over all evidence passages as in the suite. The span model is the same in every variant,
  so the displayed evidence is too; only the abstention decision differs. One run with abstention
  off records, per question, the answer-model signals and whether the displayed answer holds the
  correct choice's text (the suite's answer_accuracy); each variant's figure is then
  mean(answered and correct). `answered`: the variant's share of answered questions; `wrong`: the
  share answered without the correct choice.
- Project held out: split "heldout" of evals/answerability/questions.yaml, over the bundled corpus
  (the passages scripts/train_selector.py uses): abstain_unanswerable and answer_answerable.

Variants' negatives (the answer model's label 0 rows from RealTimeQA, beside the project's own):
- `twins`: as shipped, the question over the top-4 passages from 8+ weeks away that do not hold its
  answer (the same recurring quiz topic: often undecidable without dates).
- `none`: no RealTimeQA negatives; the project's unanswerable questions only.
- `twins/4`: the twins at a quarter of the weight.
- `rare`: the question over the corpus's top-4 passages once its own passage, any passage holding its
  answer, and any sharing one of its names (or, for a question without names, its rarest term) are
  removed: a question the corpus does not answer, without the recurring-topic ambiguity.
Signals: `base` (the shipped ANSWER_FEATURES) or `+shown` (also: share of the question's key terms in
the first displayed span, and whether that span holds the asked-for answer type).
Threshold rules (scripts/train_selector.py): `acc` (shipped: mean accuracy over the training groups),
`rate95` (fixed in advance: the highest RealTimeQA-train answer rate with project-train unanswerable
abstention >= 0.95; ties go to the higher project-train accuracy, then the higher threshold).
`--weights FILE...` reports weights files too (same span model as the shipped one).

Signals are computed with the product's default embedding backend (as served); train_selector.py fits
on torch vectors by default, so a weights file's own `meta` figures can differ slightly from these.
"""

from __future__ import annotations

import argparse
import copy
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from selector_data import (
    CachedEmbeddings,
    Item,
    attach_passages,
    load_project,
    load_realtimeqa,
    rare_negatives,
    sentences_of,
)
from train_selector import calibrate, calibrate_rate, decide, fit

import rag.evidence.selector as selector_module
from rag.evidence.entities import has_type
from rag.evidence.features import ANSWER_FEATURES
from rag.evidence.model import Logistic, SelectorModel
from rag.evidence.question import QuestionInfo, analyze, content_stems, matches
from rag.evidence.selector import EvidenceSelector
from rag.evidence.types import Evidence
from rag.ingest.embed import SentenceTransformerEmbeddings
from rag.settings import PROJECT_ROOT, EvidenceSettings
from rag.settings.sections import EmbeddingSettings
from rag.types import Passage

SHOWN = ("shown_coverage", "shown_type")


def shown_signals(info: QuestionInfo, items: list[Evidence]) -> np.ndarray:
    """What the first displayed span itself says: share of the question's key terms in it, and
    whether it holds an answer of the asked-for type (1 for a question of no particular type)."""
    if not items:
        return np.zeros(2)
    stems = set(content_stems(items[0].text))
    cov = sum(matches(t, stems) for t in info.terms) / max(len(info.terms), 1)
    typed = info.answer_type == "other" or has_type(items[0].text, info.answer_type, info)
    return np.array([cov, float(typed)])


@dataclass
class Rows:
    """Answer-model rows of one group: base signals, shown signals, answerable labels."""

    base: np.ndarray
    shown: np.ndarray
    y: np.ndarray

    def x(self, extended: bool) -> np.ndarray:
        return np.hstack([self.base, self.shown]) if extended else self.base


def rows_of(selector: EvidenceSelector, items: list[Item]) -> Rows:
    base, shown = [], []
    for item in items:
        evidence, signals = selector.evaluate(item.question, item.passages)
        base.append(signals)
        shown.append(shown_signals(analyze(item.question), evidence.items))
    return Rows(np.array(base), np.array(shown).reshape(-1, 2), np.array([i.answer is not None for i in items]))


def product_rows(datasets: Path, selector: EvidenceSelector) -> tuple[Rows, np.ndarray, np.ndarray]:
    """The held-out suite's questions through the product's Assistant in evidence mode, abstention
    off: per question the answer rows, whether the selector was reached with evidence, and whether
    the displayed answer holds the correct choice's text."""
    from rag.assistant import Assistant
    from rag.evals import metrics as m
    from rag.evals.scoring import strip_markers
    from rag.evals.suite import load_suite, realtimeqa
    from rag.settings import Settings

    suite = load_suite(PROJECT_ROOT / "evals" / "suites" / "realtimeqa_heldout.yaml", data=datasets / "realtimeqa")
    assert suite.dataset is not None
    base, shown, reached, correct = [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        cases = realtimeqa(suite.dataset, Path(tmp))
        settings = Settings(
            store={"path": Path(tmp) / "index"},  # type: ignore[arg-type]
            retrieval={"k": suite.k},  # type: ignore[arg-type]
            answer={"mode": "evidence"},  # type: ignore[arg-type]
            evidence={"answerable_threshold": 0.0, "max_missing_names": 1.0},  # type: ignore[arg-type]
        )
        # The model itself, not the disk cache (which rewrites its file on every new text).
        model = getattr(selector.embeddings, "inner", selector.embeddings)
        assistant = Assistant(settings, embeddings=model)
        assistant.ingest(Path(tmp) / "passages.jsonl")
        open_selector = EvidenceSelector(model, settings.evidence, selector.model)
        open_selector._vectors = selector._vectors  # one cache of sentence vectors

        class Recorder:
            last: tuple | None = None

            def select(self, question: str, passages: list[Passage]):  # type: ignore[no-untyped-def]
                evidence, signals = open_selector.evaluate(question, passages)
                Recorder.last = (signals, shown_signals(analyze(question), evidence.items))
                return evidence

        assistant.chain.selector = Recorder()  # type: ignore[assignment]
        for n, case in enumerate(cases):
            Recorder.last = None
            answer = assistant.ask(case.final_question, case.history)
            signals, extra = Recorder.last or (np.zeros(len(ANSWER_FEATURES)), np.zeros(2))
            reached.append(Recorder.last is not None and not answer.abstained)
            base.append(signals)
            shown.append(extra)
            text = strip_markers(answer.text)
            correct.append(not answer.abstained and m.facts_present(text, case.facts) == 1.0)
            if n % 40 == 0:
                print(f"  product path {n}/{len(cases)}", file=sys.stderr)
    rows = Rows(np.array(base), np.array(shown), np.ones(len(cases), dtype=bool))
    return rows, np.array(reached), np.array(correct)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("datasets", type=Path, help="folder holding realtimeqa/")
    parser.add_argument("--out-dir", type=Path, default=Path(tempfile.gettempdir()) / "answerability_variants")
    backend = EmbeddingSettings().backend
    cache = Path.home() / ".cache" / "rag" / "train_selector" / f"vectors.{backend}.npz"
    parser.add_argument("--cache", type=Path, default=cache)
    parser.add_argument("--k", type=int, default=4)
    parser.add_argument("--weights", type=Path, nargs="*", default=[], help="weights files to report as well")
    args = parser.parse_args()
    selector_module._CACHE_SIZE = 10**7  # a benchmark: keep every sentence vector (the same values)

    embeddings = CachedEmbeddings(SentenceTransformerEmbeddings(), args.cache)
    items = load_realtimeqa(args.datasets / "realtimeqa")
    texts = list(dict.fromkeys(str(i.gold) for i in items))
    days = sorted({i.day for i in items})
    cutoff = days[len(days) // 2]
    twin_of = {t.id: t for t in attach_passages(items, embeddings, args.k)}
    project = load_project(
        PROJECT_ROOT / "evals" / "answerability" / "questions.yaml", PROJECT_ROOT / "corpus", embeddings, args.k
    )
    train = [i for i in items if i.day < cutoff]
    rare = rare_negatives(train, texts, embeddings, args.k)
    twins = [twin_of[i.id + "~away"] for i in train]
    p_train = [i for i in project if i.source == "project-train"]
    p_held = [i for i in project if i.source == "project-heldout"]
    embeddings.warm(sentences_of(train + twins + rare + project))

    shipped = SelectorModel.load(EvidenceSettings().weights)
    selector = EvidenceSelector(embeddings, EvidenceSettings(), shipped)
    print("signals: training groups", file=sys.stderr)
    g = {
        "pos": rows_of(selector, train),
        "twins": rows_of(selector, twins),
        "rare": rows_of(selector, rare),
        "p_train": rows_of(selector, p_train),
        "p_held": rows_of(selector, p_held),
    }
    print("signals: product path", file=sys.stderr)
    rt_held, reached, correct = product_rows(args.datasets, selector)

    args.out_dir.mkdir(parents=True, exist_ok=True)
    np.savez(
        args.out_dir / "signals.npz",
        **{
            f"{k}_{part}": getattr(r, part)
            for k, r in {**g, "rt_held": rt_held}.items()
            for part in ("base", "shown", "y")
        },
        rt_held_reached=reached,
        rt_held_correct=correct,
    )
    header = (
        f"{'variant':<28} {'t':>5} {'m':>4} {'typ':>3} | {'RT acc':>6} {'answd':>6} {'wrong':>6} | "
        f"{'P abst':>6} {'P answ':>6} | {'RTtr answ':>9} {'Ptr abst':>8} {'Ptr answ':>8}"
    )
    print(f"RealTimeQA cut {cutoff}; train {len(train)} questions; product-path held out {len(correct)} questions")
    print(f"product path, abstention off: answer holds the choice {correct.mean():.3f}")
    print(header)

    def report(name: str, answer: Logistic, t: float, m: float, typed: bool, extended: bool) -> None:
        model = wrap(answer)
        held = decide(model, rt_held.x(extended), t, m, typed) & reached
        p = decide(model, g["p_held"].x(extended), t, m, typed)
        py = g["p_held"].y
        rt_tr = decide(model, g["pos"].x(extended), t, m, typed)
        pt = decide(model, g["p_train"].x(extended), t, m, typed)
        print(
            f"{name:<28} {t:>5.2f} {m:>4.2f} {int(typed):>3} | {np.mean(held & correct):>6.3f} {held.mean():>6.3f} "
            f"{np.mean(held & ~correct):>6.3f} | {np.mean(~p[~py]):>6.3f} {np.mean(p[py]):>6.3f} | "
            f"{rt_tr.mean():>9.3f} {np.mean(~pt[~g['p_train'].y]):>8.3f} {np.mean(pt[g['p_train'].y]):>8.3f}"
        )

    def wrap(answer: Logistic) -> SelectorModel:
        return SelectorModel(shipped.version, shipped.span, answer)

    for path in args.weights:
        other = SelectorModel.load(path)
        # Refits on the same vectors agree to float noise; another span model would show other evidence.
        assert np.allclose(other.span.coef, shipped.span.coef, atol=1e-5), f"{path}: another span model"
        report(path.stem, other.answer, other.min_answer, other.max_missing_names, other.require_type, False)
    report("shipped", shipped.answer, shipped.min_answer, shipped.max_missing_names, shipped.require_type, False)
    rt_pos_base = (g["pos"].base, g["pos"].y)
    pr_base = (g["p_train"].base, g["p_train"].y)
    t, m, typed = calibrate_rate(shipped, rt_pos_base[0], pr_base)
    report("shipped model, rate95", shipped.answer, t, m, typed, False)

    for negatives in ("twins", "none", "twins/4", "rare"):
        for extended in (False, True):
            rt_groups = [g["pos"]] + ([g["twins"]] if negatives.startswith("twins") else [])
            rt_groups += [g["rare"]] if negatives == "rare" else []
            x_rt = np.concatenate([r.x(extended) for r in rt_groups])
            y_rt = np.concatenate([r.y for r in rt_groups])
            w_rt = np.concatenate(
                [np.full(len(r.y), 0.25 if (negatives == "twins/4" and r is g["twins"]) else 1.0) for r in rt_groups]
            )
            pr = g["p_train"]
            # As shipped: the project's questions together weigh half the RealTimeQA rows' weight.
            weight = np.concatenate([w_rt, np.full(len(pr.y), w_rt.sum() / 2 / len(pr.y))])
            names = ANSWER_FEATURES + (SHOWN if extended else ())
            model = fit(np.concatenate([x_rt, pr.x(extended)]), np.concatenate([y_rt, pr.y]), names, weight)
            label = f"{negatives} {'+shown' if extended else 'base'}"
            acc_choice = calibrate(wrap(model), [(x_rt, y_rt), (pr.x(extended), pr.y)])
            report(label + ", acc", model, *acc_choice, extended)
            rate_choice = calibrate_rate(wrap(model), g["pos"].x(extended), (pr.x(extended), pr.y))
            report(label + ", rate95", model, *rate_choice, extended)
            if not extended:
                for rule, (t, m, typed) in (("acc", acc_choice), ("rate95", rate_choice)):
                    out = copy.deepcopy(shipped)
                    out.answer, out.min_answer, out.max_missing_names, out.require_type = model, t, m, typed
                    out.meta = {"variant": f"{label}, {rule}"}
                    out.save(args.out_dir / f"{negatives.replace('/', '_')}_{rule}.json")
    print(f"weights of the base-signal variants: {args.out_dir}")


if __name__ == "__main__":
    main()
