"""Suite files: labelled cases plus the thresholds that gate a change.

A suite is a YAML file with a `corpus` (folder of articles, relative to the file) and `cases`,
or a `dataset` (a public benchmark read by path, e.g. RealTimeQA) that the harness turns into
cases and a temporary corpus. Each case is validated with pydantic; errors name the file and
the case.
"""

from __future__ import annotations

import html
import json
import random
import re
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from rag.errors import ConfigError
from rag.types import Turn

CaseType = Literal["single-article", "multi-article", "unanswerable", "follow-up", "adversarial"]


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    type: CaseType
    question: str | None = None
    conversation: list[Turn] | None = Field(None, description="Earlier turns then the question (a user turn).")
    reference: str | None = Field(None, description="A correct answer, for token F1.")

    @field_validator("reference", mode="before")
    @classmethod
    def _text(cls, value: object) -> object:
        return str(value) if isinstance(value, int | float) else value  # "reference: 41" (explore13 L5)

    facts: list[list[str]] = Field(
        default_factory=list, description="Required facts: each group is satisfied by any one of its strings."
    )
    forbidden: list[str] = Field(
        default_factory=list, description="Strings the answer must not contain (injected instructions, false premises)."
    )
    gold_articles: list[str] = Field(default_factory=list)
    gold_passages: list[str] = Field(default_factory=list, description="Snippets a relevant passage contains.")
    expect: Literal["answer", "abstain", "either"] | None = Field(
        None,
        description="What a good reply does. Default: abstain for unanswerable cases, either for adversarial "
        "ones (a correction or an abstention, as long as no forbidden string appears), else answer.",
    )
    note: str | None = None

    @field_validator("facts", mode="before")
    @classmethod
    def _groups(cls, value: object) -> object:
        # A bare value is a group of one: `facts: [Geneva, [Riyadh, Saudi Arabia], 217]` (a number as
        # its text: explore12 L4).
        if isinstance(value, list):
            return [[str(v)] if isinstance(v, str | int | float) else v for v in value]
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        if (self.question is None) == (self.conversation is None):
            raise ValueError("give either 'question' or 'conversation', not both or neither")
        if self.question is not None and not self.question.strip():
            raise ValueError("the question is empty")
        if self.conversation is not None:
            if self.conversation[-1]["role"] != "user":
                raise ValueError("a conversation must end with the user's question")
            if any(not t["content"].strip() for t in self.conversation):
                raise ValueError("every turn of a conversation needs some content")
            if self.type != "follow-up":
                raise ValueError("only follow-up cases have a conversation")
        if self.type == "follow-up" and (self.conversation is None or len(self.conversation) < 3):
            raise ValueError("a follow-up case needs a conversation of at least three turns")
        if any(not group or any(not s.strip() for s in group) for group in self.facts):
            raise ValueError("every fact group needs at least one non-empty string")
        if self.expected == "abstain" and (self.facts or self.gold_articles):
            raise ValueError("a case that expects an abstention has no facts or gold articles")
        if self.expected == "answer" and not self.gold_articles and not self.gold_passages:
            raise ValueError("an answerable case needs gold_articles or gold_passages")
        if self.type == "adversarial" and self.expected != "abstain" and not self.forbidden and not self.facts:
            raise ValueError("an adversarial case needs forbidden strings or facts to judge the reply by")
        if self.type == "multi-article" and len(self.gold_articles) < 2:
            raise ValueError("a multi-article case needs at least two gold_articles")
        return self

    @property
    def expected(self) -> Literal["answer", "abstain", "either"]:
        if self.expect is not None:
            return self.expect
        return {"unanswerable": "abstain", "adversarial": "either"}.get(self.type, "answer")  # type: ignore[return-value]

    @property
    def final_question(self) -> str:
        return self.question if self.question is not None else self.conversation[-1]["content"]  # type: ignore[index]

    @property
    def history(self) -> list[Turn]:
        return list((self.conversation or [])[:-1])


class Thresholds(BaseModel):
    model_config = ConfigDict(extra="forbid")
    min: dict[str, float] = Field(default_factory=dict, description="Mean a metric must reach.")
    max: dict[str, float] = Field(default_factory=dict, description="Mean a metric must not exceed.")
    max_regression: dict[str, float] = Field(
        default_factory=dict, description="Allowed worsening of a metric's mean against the baseline variant."
    )

    @field_validator("min", "max", "max_regression")
    @classmethod
    def _known_metrics(cls, limits: dict[str, float]) -> dict[str, float]:
        # A misspelt metric would be "not measured" and pass the gate (explore10 M5).
        from rag.evals.metrics import METRICS

        unknown = [name for name in limits if name not in METRICS]
        if unknown:
            raise ValueError(f"{', '.join(unknown)}: no such metric (known: {', '.join(sorted(METRICS))})")
        return limits


class Dataset(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: Literal["realtimeqa"]
    path: Path
    limit: int | None = Field(None, gt=0, description="Sample this many questions (fixed seed).")
    seed: int = 0
    with_choices: bool = Field(False, description="Show the four choices with the question.")
    split: Literal["all", "earlier", "later"] = Field(
        "all",
        description="By question date: 'later' keeps the later half of the distinct question dates (held out from "
        "every fitted model: scripts/train_selector.py trains on the earlier half), 'earlier' the rest.",
    )


class Suite(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    description: str = ""
    corpus: Path | None = None
    dataset: Dataset | None = None
    k: int = Field(4, gt=0, description="Cut-off for hit@k and recall@k (hit@1 and MRR@10 are always reported).")
    thresholds: Thresholds = Field(default_factory=Thresholds)
    cases: list[Case] = Field(default_factory=list)
    source: Path | None = None  # the file it was loaded from

    @model_validator(mode="after")
    def _has_data(self) -> Suite:
        if (self.corpus is None) == (self.dataset is None):
            raise ValueError("give either 'corpus' (with cases) or 'dataset'")
        if self.corpus is not None and not self.cases:
            raise ValueError("a suite with a corpus needs cases")
        return self


def _resolve(path: Path, base: Path) -> Path:
    """Relative to the suite file, else to the working directory."""
    if path.is_absolute():
        return path
    beside = (base / path).resolve()
    return beside if beside.exists() else path.resolve()


def _location(error: Any, cases: list) -> str:
    loc = error.get("loc", ())
    if len(loc) >= 2 and loc[0] == "cases" and isinstance(loc[1], int):
        index = loc[1]
        raw = cases[index] if index < len(cases) else {}
        name = raw.get("id") if isinstance(raw, dict) else None
        where = f"case '{name}'" if name else f"case #{index + 1}"
        rest = ".".join(str(p) for p in loc[2:] if not str(p).startswith("function-after"))
        return f"{where}{' field ' + rest if rest else ''}"
    return ".".join(str(p) for p in loc) or "suite"


def load_suite(path: Path, data: Path | None = None, limit: int | None = None, seed: int | None = None) -> Suite:
    """Load and validate a suite; `data`/`limit`/`seed` override a dataset suite's values."""
    if not path.is_file():
        raise ConfigError(f"Suite file {path} not found.")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        raise ConfigError(f"Suite file {path} is not valid YAML{where}: {getattr(e, 'problem', None) or e}") from e
    if not isinstance(raw, dict):
        raise ConfigError(f"Suite file {path} must be a mapping with 'name', 'corpus' or 'dataset', and 'cases'.")
    raw_cases = raw.get("cases") or []
    try:
        suite = Suite.model_validate({**raw, "source": path})
    except ValidationError as e:
        problems = "; ".join(f"{_location(err, raw_cases)}: {err['msg']}" for err in e.errors())
        raise ConfigError(f"Suite file {path} is invalid: {problems}") from None
    seen: set[str] = set()
    for case in suite.cases:
        if case.id in seen:
            raise ConfigError(f"Suite file {path} is invalid: case id '{case.id}' is used twice.")
        seen.add(case.id)
    base = path.resolve().parent
    if suite.corpus is not None:
        suite.corpus = _resolve(suite.corpus, base)
        if not suite.corpus.exists():
            raise ConfigError(f"Suite file {path}: corpus {suite.corpus} not found.")
    if suite.dataset is not None:
        ds = suite.dataset
        ds.path = data or _resolve(ds.path, base)
        ds.limit = ds.limit if limit is None else (limit or None)  # --limit 0: every question
        ds.seed = ds.seed if seed is None else seed
        if not ds.path.is_dir():
            raise ConfigError(f"Dataset folder {ds.path} not found; pass its location with --data PATH.")
    elif limit:
        suite.cases = suite.cases[:limit]
    return suite


# -- RealTimeQA -----------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")


def strip_html(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def realtimeqa(dataset: Dataset, target: Path) -> list[Case]:
    """RealTimeQA as cases plus a corpus written to `target/passages.jsonl`.

    As its README says: questions deduplicated by question_id; every distinct evidence passage
    (HTML stripped, no dates, so the retriever is not handed the answer's week) is one
    document; a question's gold passage is its own evidence; an answer is correct when it
    contains the correct choice's text. Only questions with evidence are kept."""
    questions: dict[str, dict] = {}
    for file in sorted(dataset.path.rglob("*.jsonl")):
        for line in file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                continue  # one bad line never stops the rest
            if isinstance(record, dict) and record.get("question_id"):
                questions.setdefault(str(record["question_id"]), record)
    passage_of: dict[str, str] = {}  # evidence text -> document id
    cases: list[Case] = []
    day_of: dict[str, str] = {}
    for qid, record in sorted(questions.items()):
        evidence = strip_html(str(record.get("evidence") or ""))
        choices = record.get("choices") or []
        answer = record.get("answer") or []
        if len(evidence.split()) < 5 or not answer or not str(answer[0]).isdigit():
            continue
        index = int(answer[0])
        if index >= len(choices) or not str(choices[index]).strip():
            continue
        doc = passage_of.setdefault(evidence, f"passages#{qid}")
        day_of[qid] = "-".join(f"{int(x):02d}" for x in re.findall(r"\d+", str(record.get("question_date") or ""))[:3])
        question = str(record["question_sentence"]).strip()
        if dataset.with_choices:
            question += " Choices: " + "; ".join(str(c) for c in choices)
        correct = str(choices[index]).strip()
        cases.append(
            Case(
                id=qid,
                type="single-article",
                question=question,
                reference=correct,
                facts=[[correct]],
                gold_articles=[doc],
            )
        )
    target.mkdir(parents=True, exist_ok=True)
    with (target / "passages.jsonl").open("w", encoding="utf-8") as f:
        for text, doc in passage_of.items():
            title = " ".join(text.split()[:10]) + "…"
            f.write(json.dumps({"id": doc.split("#", 1)[1], "title": title, "body": text}) + "\n")
    if dataset.split != "all":
        days = sorted(set(day_of.values()))
        cutoff = days[len(days) // 2]  # the same cut as scripts/train_selector.py
        later = dataset.split == "later"
        cases = [c for c in cases if (day_of[c.id] >= cutoff) == later]
    if dataset.limit and dataset.limit < len(cases):
        cases = sorted(random.Random(dataset.seed).sample(cases, dataset.limit), key=lambda c: c.id)
    return cases
