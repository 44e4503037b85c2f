"""Data for fitting and measuring the evidence selector (used by scripts/train_selector.py).

RealTimeQA: distinct questions with evidence; the corpus is every distinct evidence passage;
a question's passages are its dense top-k with its own evidence forced in (a miss replaces
the k-th). Labels: a sentence of the gold passage containing the correct choice's text.
Project questions (evals/answerability/questions.yaml) are retrieved from the bundled corpus
with the product's own retriever. Hand-read sets (evals/handread/sessionN/NAME) are retrieved
from their own corpus the same way; their labels are the sentences the set's author copied
from the articles as the evidence of each answer.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import yaml
from langchain_core.embeddings import Embeddings

from rag.evals.suite import strip_html
from rag.evidence.candidates import build
from rag.evidence.features import name_found
from rag.evidence.question import analyze, content_stems
from rag.types import Passage


def norm(text: str) -> str:
    text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.sub(r"[\"'.,!?()]", " ", text).split())


@dataclass
class Item:
    """One labelled question with the passages the selector sees."""

    id: str
    question: str
    answer: str | None  # text a correct evidence span contains; None for an unanswerable question
    day: date
    passages: list[Passage] = field(default_factory=list)
    gold: str | None = None  # chunk_id of the passage the answer must come from
    source: str = "realtimeqa"
    # The sentences a reader labelled as answering it (the hand-read sets): a span holding one of
    # them is a positive, whatever `answer` says.
    evidence: list[str] = field(default_factory=list)

    def held_in(self, text: str) -> bool:
        """Whether `text` holds the answer: one of the labelled sentences, else the answer's text."""
        if self.evidence:
            return any(same_sentence(text, e) for e in self.evidence)
        return norm(str(self.answer)) in norm(text)


def same_sentence(span: str, sentence: str) -> bool:
    """A span is a labelled sentence when either holds the other, or they share 60% of the longer one's
    words: the index splits sentences a little differently from the reader who copied them."""
    a, b = norm(span), norm(sentence)
    if not a or not b:
        return False
    if b in a or (len(a) >= 40 and a in b):
        return True
    x, y = set(a.split()), set(b.split())
    return len(x & y) / max(len(x), len(y)) >= 0.6


def load_realtimeqa(folder: Path) -> list[Item]:
    seen: dict[str, dict] = {}
    for file in sorted(folder.rglob("*.jsonl")):
        for line in file.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and record.get("question_id"):
                seen.setdefault(str(record["question_id"]), record)
    items = []
    for qid, r in sorted(seen.items()):
        evidence = strip_html(str(r.get("evidence") or ""))
        answer, choices = r.get("answer") or [], r.get("choices") or []
        if len(evidence.split()) < 5 or not answer or not str(answer[0]).isdigit() or int(answer[0]) >= len(choices):
            continue
        choice = str(choices[int(answer[0])]).strip().strip("\"“”'‘’")
        y, m, d = (int(x) for x in re.split(r"[/-]", str(r["question_date"]))[:3])
        item = Item(qid, str(r["question_sentence"]).strip(), choice, date(y, m, d))
        item.gold = evidence  # replaced by the passage id in attach_passages
        items.append(item)
    return items


class CachedEmbeddings(Embeddings):
    """The real model behind a disk cache of vectors keyed by text hash (refits reuse them)."""

    def __init__(self, inner: Embeddings, path: Path) -> None:
        self.inner, self.path = inner, path
        self.vectors: dict[str, np.ndarray] = {}
        if path.exists():
            data = np.load(path)
            self.vectors = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.sha1(text.encode()).hexdigest()

    def warm(self, texts: list[str], batch: int = 512) -> None:
        todo = list(dict.fromkeys(t for t in texts if self._key(t) not in self.vectors))
        for i in range(0, len(todo), batch):
            part = todo[i : i + batch]
            for t, v in zip(part, self.inner.embed_documents(part), strict=True):
                self.vectors[self._key(t)] = np.asarray(v, dtype=np.float32)
            if len(todo) > batch:
                print(f"  embedded {min(i + batch, len(todo))}/{len(todo)}", file=sys.stderr)
        if todo:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            keys = list(self.vectors)
            np.savez(self.path, keys=np.array(keys), vectors=np.stack([self.vectors[k] for k in keys]))

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.warm(list(texts))
        return [self.vectors[self._key(t)].tolist() for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self.embed_documents([text])[0]


def attach_passages(items: list[Item], embeddings: CachedEmbeddings, k: int) -> list[Item]:
    """Dense top-k passages for each question (gold forced in), and an unanswerable twin: the
    same question over the top-k passages of questions at least 8 weeks away, none holding its answer."""
    texts = list(dict.fromkeys(str(i.gold) for i in items))
    doc_day: dict[str, date] = {}
    for i in items:
        doc_day.setdefault(str(i.gold), i.day)
    embeddings.warm(texts + [i.question for i in items])
    docs = np.stack([embeddings.vectors[embeddings._key(t)] for t in texts])
    days = np.array([doc_day[t].toordinal() for t in texts])
    passages = [
        Passage(f"rtqa#{n}", f"rtqa#{n}", t, " ".join(t.split()[:8]), 0, len(t), 0.0) for n, t in enumerate(texts)
    ]
    index = {t: n for n, t in enumerate(texts)}
    twins = []
    for item in items:
        q = embeddings.vectors[embeddings._key(item.question)]
        sims = docs @ q
        gold = index[str(item.gold)]
        top = [int(j) for j in np.argsort(-sims)[:k]]
        if gold not in top:
            top[-1] = gold
        item.passages = [_scored(passages[j], sims[j]) for j in top]
        item.gold = passages[gold].chunk_id
        far = np.abs(days - item.day.toordinal()) > 56
        order = [int(j) for j in np.argsort(-np.where(far, sims, -9)) if far[j]]
        away = [j for j in order if norm(str(item.answer)) not in norm(texts[j])][:k]
        twin = Item(item.id + "~away", item.question, None, item.day, [_scored(passages[j], sims[j]) for j in away])
        twins.append(twin)
    return twins


def rare_negatives(items: list[Item], texts: list[str], embeddings: CachedEmbeddings, k: int) -> list[Item]:
    """An unanswerable counterpart of each question without the recurring-topic ambiguity of the
    twins: the question over the top-k passages of `texts` (the corpus, in attach_passages' order)
    once its own passage, any holding its answer, and any sharing one of its names (or, for a
    question without names, its rarest term) are removed."""
    docs = np.stack([embeddings.vectors[embeddings._key(t)] for t in texts])
    stems = [set(content_stems(t)) for t in texts]
    df: dict[str, int] = {}
    for s in stems:
        for t in s:
            df[t] = df.get(t, 0) + 1
    passages = [
        Passage(f"rtqa#{n}", f"rtqa#{n}", t, " ".join(t.split()[:8]), 0, len(t), 0.0) for n, t in enumerate(texts)
    ]
    out = []
    for item in items:
        info = analyze(item.question)
        keys = [content_stems(n) for n in info.names if content_stems(n)]
        if not keys and info.terms:
            keys = [[min(info.terms, key=lambda t: df.get(t, 0))]]
        q = embeddings.vectors[embeddings._key(item.question)]
        sims = docs @ q
        answer = norm(str(item.answer))
        chosen = []
        for j in np.argsort(-sims):
            j = int(j)
            if passages[j].chunk_id == item.gold or answer in norm(texts[j]):
                continue
            if any(name_found(key, stems[j]) for key in keys):
                continue
            chosen.append(_scored(passages[j], sims[j]))
            if len(chosen) == k:
                break
        out.append(Item(item.id + "~rare", item.question, None, item.day, chosen))
    return out


def _scored(p: Passage, score: float) -> Passage:
    return Passage(p.chunk_id, p.article_id, p.text, p.title, p.start, p.end, float(score))


def sentences_of(items: list[Item]) -> list[str]:
    out: list[str] = []
    for item in items:
        singles, _ = build(item.passages, pairs=False)
        out.extend(c.text for c in singles)
    return out


def handread_sets(folder: Path) -> list[tuple[int, Path]]:
    """The hand-read sets (evals/handread/sessionN/NAME with corpus/ and questions.tsv), with N."""
    out = []
    for questions in sorted(folder.glob("session*/*/questions.tsv")):
        number = re.fullmatch(r"session(\d+)", questions.parent.parent.name)
        if number and (questions.parent / "corpus").is_dir():
            out.append((int(number.group(1)), questions.parent))
    return out


def _retrieved(corpus: Path, questions: list[str], embeddings: Embeddings, k: int) -> list[list[Passage]]:
    """Each question's passages, with the product's retriever over `corpus` indexed in a temporary folder."""
    from rag.assistant import Assistant
    from rag.settings import Settings

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(store={"path": Path(tmp) / "index"}, retrieval={"k": k})  # type: ignore[arg-type]
        assistant = Assistant(settings, embeddings=embeddings)
        assistant.ingest(corpus)
        found = [assistant.retriever.search(q, k=k) for q in questions]
        assistant.store.close() if hasattr(assistant.store, "close") else None
    return found


def load_handread(folder: Path, embeddings: Embeddings, k: int) -> list[Item]:
    """One hand-read set's answerable questions over its own corpus, with the product's retriever.
    Labels are the evidence sentences the set's author copied from the articles."""
    with (folder / "questions.tsv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    items = []
    for row in rows:
        evidence = [part.split("::", 1)[1].strip() for part in row["evidence"].split(" || ") if "::" in part]
        if row["kind"] == "unanswerable" or not evidence:
            continue
        item = Item(f"{folder.name}/{row['id']}", row["question"], None, date(2026, 1, 1), source=folder.name)
        item.evidence = evidence
        items.append(item)
    found = _retrieved(folder / "corpus", [i.question for i in items], embeddings, k)
    for item, passages in zip(items, found, strict=True):
        item.passages = passages
    return items


def load_project(path: Path, corpus: Path, embeddings: Embeddings, k: int) -> list[Item]:
    """The hand-labelled questions over the bundled corpus, each with its retrieved passages."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = [
        Item(q["id"], q["question"], q.get("answer"), date(2025, 1, 1), source=f"project-{q['split']}")
        for q in data["questions"]
    ]
    for item, passages in zip(items, _retrieved(corpus, [i.question for i in items], embeddings, k), strict=True):
        item.passages = passages
    return items
