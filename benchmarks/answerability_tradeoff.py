"""What the answerability threshold trades: answered answerable questions against abstained unanswerable ones.

    PYTHONPATH=. python benchmarks/answerability_tradeoff.py ../shared/datasets [--thresholds 0.3 0.45 0.67]

Uses the shipped selector weights (rag/evidence/selector.v1.json) and the data of
scripts/train_selector.py: RealTimeQA questions with their dense top-4 passages (gold forced in) and
an unanswerable twin each (the same question over passages from 8+ weeks away that do not hold its
answer), split by question date as there; the project's labelled questions
(evals/answerability/questions.yaml) over the bundled corpus, split train/heldout as in the file.
For each threshold and group: the share of answerable questions answered, the share of unanswerable
ones abstained on, and the share of answerable ones answered with the correct choice's text in the
first two evidence spans (what the RealTimeQA suite's answer_accuracy counts). Also each group's
ROC AUC of the answer model. Thresholds are only reported here; the shipped one is calibrated on
the training groups by scripts/train_selector.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from selector_data import CachedEmbeddings, Item, attach_passages, load_project, load_realtimeqa, norm, sentences_of

from rag.evidence.selector import EvidenceSelector
from rag.ingest.embed import SentenceTransformerEmbeddings
from rag.settings import PROJECT_ROOT, EvidenceSettings


def group_rows(selector: EvidenceSelector, items: list[Item]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Answer-model probability, answerable label, and whether the first two spans hold the answer."""
    probs, labels, hits = [], [], []
    for item in items:
        evidence, signals = selector.evaluate(item.question, item.passages)
        probs.append(float(selector.model.answer.predict(signals[None, :])[0]))
        labels.append(item.answer is not None)
        answer = norm(str(item.answer))
        hits.append(item.answer is not None and any(answer in norm(e.text) for e in evidence.items[:2]))
    return np.array(probs), np.array(labels), np.array(hits)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("datasets", type=Path, help="folder holding realtimeqa/")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.2, 0.3, 0.4, 0.45, 0.5, 0.6, 0.67])
    parser.add_argument("--cache", type=Path, default=Path.home() / ".cache" / "rag" / "train_selector" / "vectors.npz")
    args = parser.parse_args()
    embeddings = CachedEmbeddings(SentenceTransformerEmbeddings(), args.cache)
    items = load_realtimeqa(args.datasets / "realtimeqa")
    days = sorted({i.day for i in items})
    cutoff = days[len(days) // 2]
    twin_of = {t.id: t for t in attach_passages(items, embeddings, 4)}
    project = load_project(
        PROJECT_ROOT / "evals" / "answerability" / "questions.yaml", PROJECT_ROOT / "corpus", embeddings, 4
    )
    groups = {
        "realtimeqa train": [i for i in items if i.day < cutoff],
        "realtimeqa held out": [i for i in items if i.day >= cutoff],
    }
    groups = {name: g + [twin_of[i.id + "~away"] for i in g] for name, g in groups.items()}
    groups["project train"] = [i for i in project if i.source == "project-train"]
    groups["project held out"] = [i for i in project if i.source == "project-heldout"]
    embeddings.warm(sentences_of([i for g in groups.values() for i in g]))
    selector = EvidenceSelector(embeddings, EvidenceSettings())
    print(f"shipped threshold {selector.min_answer}; RealTimeQA cut {cutoff}")
    print(f"{'group':<20} {'AUC':>6} {'t':>5} {'answered':>9} {'abstained':>10} {'answer shown':>13}")
    for name, group in groups.items():
        probs, labels, hits = group_rows(selector, group)
        auc = roc_auc_score(labels, probs)
        for t in args.thresholds:
            ok = probs >= t
            print(
                f"{name:<20} {auc:>6.3f} {t:>5.2f} {ok[labels].mean():>9.3f} {(~ok[~labels]).mean():>10.3f} "
                f"{np.mean(ok[labels] & hits[labels]):>13.3f}"
            )
        print(f"{name:<20} {'':>6} {'none':>5} {1.0:>9.3f} {0.0:>10.3f} {hits[labels].mean():>13.3f}")


if __name__ == "__main__":
    main()
