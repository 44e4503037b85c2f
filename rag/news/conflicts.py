"""Where the evidence disagrees: two statements giving different values for the same thing.

`detect_conflicts(items)` compares every pair of statements (evidence sentences, or the
sentences of whole passages) and reports those that say different things about one subject:

- a number ("160,000 actors" / "60,000 actors"), with its unit; a bare number agrees within 1%
  ("$787 million" / "$787.5m"), a hedged one as news copy means it ("more than 5,000" / "5,300");
- a date or year for the same event ("the 2022 annexation of Crimea" / "annexed in 2014");
- who holds a post ("Liz Truss became prime minister" / "Rishi Sunak took over as Prime Minister");
- a claim and its negation ("is seeking sanctions relief" / "is not seeking sanctions relief");
- a sentence that itself reports a contradiction ("this statement conflicts with earlier
  remarks by Dmitriev"), paired with the statement before it.

"The same thing" is judged lexically: the words around the two values must overlap, and so
must the words right next to them. No model is involved, so the result does not depend on the
LLM and is the same on every run. It is a cue for the reader, not a verdict: on the last
held-out set (evals/news/README.md) it missed all four disagreements that needed a paraphrase
to see ("sued 45 banks" / "lawsuits against 80 banks").

A difference between two articles published more than `change_after_days` apart is a change
over time ("on 2023-08-10 dozens had died; by 2023-12-22 more than 100"), not a conflict.
Statements from one article, or from articles of about the same date, conflict.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any, Literal, Protocol, runtime_checkable

from rag.answer.support import negation_conflict
from rag.news.dates import as_date
from rag.news.text import sentences, unwrap
from rag.news.values import REMARKS_BY, REPORTED, Value, prefixes, speaker, values_in
from rag.types import Passage

Kind = Literal["conflict", "change"]
About = Literal["number", "date", "name", "negation", "reported"]


@runtime_checkable
class EvidenceLike(Protocol):
    """A sentence of a passage (issue 14's `Evidence` has these fields)."""

    @property
    def text(self) -> str: ...

    @property
    def passage(self) -> Passage: ...


@dataclass(frozen=True)
class Side:
    """One side of a disagreement: which input item, the sentence, the value it gives."""

    item: int  # index into the items given to detect_conflicts
    text: str
    value: str
    outlet: str | None
    published: str | None
    title: str
    speaker: str | None = None

    @property
    def source(self) -> str:
        """The outlet, else the article's title (shortened)."""
        if self.outlet:
            return self.outlet
        return self.title if len(self.title) <= 60 else self.title[:57].rsplit(" ", 1)[0] + "…"


@dataclass(frozen=True)
class Conflict:
    """Two statements that differ on one thing; for a change the older side comes first."""

    kind: Kind
    about: About
    topic: str  # words both statements share around the value
    sides: tuple[Side, Side]

    @property
    def items(self) -> tuple[int, int]:
        return self.sides[0].item, self.sides[1].item

    def note(self, numbers: Sequence[int] | None = None) -> str:
        """One line for the reader; `numbers` are citation numbers for the two sides."""
        refs = [f" [{n}]" for n in numbers] if numbers else ["", ""]
        a, b = self.sides

        def who(s: Side) -> str:
            return s.speaker or s.source

        if self.kind == "change":
            return f"On {a.published} {who(a)}: “{a.value}”{refs[0]}; by {b.published}, {who(b)}: “{b.value}”{refs[1]}."
        when = [f" ({s.published})" if s.published else "" for s in self.sides]
        on = f" on {self.topic}" if self.topic else ""
        return (
            f"The sources disagree{on}: {who(a)}{when[0]} says “{a.value}”{refs[0]}; "
            f"{who(b)}{when[1]} says “{b.value}”{refs[1]}."
        )

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "about": self.about, "topic": self.topic, "sides": [asdict(s) for s in self.sides]}


@dataclass(frozen=True)
class _Statement:
    item: int
    text: str
    passage: Passage
    offset: int  # where the sentence starts in its passage's text, -1 if not found


_GENERIC = frozenset(
    {
        "set", "new", "year", "month", "week", "day", "time", "first", "last", "recor", "since", "later",
        "early", "late", "said", "says", "told", "made", "took", "take", "get", "got", "well", "just",
        "like", "also", "many", "much", "peopl",
    }
)  # fmt: skip


def _written_in(value: str, text: str) -> bool:
    """The value's digits appear in the other text as they are ("2028" beside "2024 and 2028")."""
    digits = re.sub(r"[^\d.]", "", value)
    return bool(digits) and re.search(rf"(?<![\d.]){re.escape(digits)}(?![\d.])", text.replace(",", "")) is not None


def _grain(v: Value) -> str:
    days = v.high - v.low
    return "day" if days <= 7 else "year" if days >= 364 else "month"


def _same(a: Value, b: Value) -> bool:
    """Do two values of one kind agree (or overlap)?"""
    if a.kind == "name":
        return a.key == b.key or a.key in b.key or b.key in a.key
    return a.low <= b.high and b.low <= a.high


def _value_conflict(a: _Statement, b: _Statement, va: list[Value], vb: list[Value]) -> tuple[str, Value, Value] | None:
    """A value in each statement about the same thing, which the other statement does not give."""
    for kind in ("number", "date", "name"):
        mine = [v for v in va if v.kind == kind]
        theirs = [v for v in vb if v.kind == kind]
        for x in mine:
            if any(_same(x, y) for y in theirs) or (kind != "name" and _written_in(x.shown, b.text)):
                continue
            for y in theirs:
                if any(_same(y, z) for z in mine) or (kind != "name" and _written_in(y.shown, a.text)):
                    continue
                if kind == "number" and not (x.unit & y.unit):
                    continue
                if kind == "date" and _grain(x) != _grain(y):
                    continue  # "on Thursday" and "since 1966" do not date the same thing
                if kind == "name" and (x.unit != y.unit or x.key in b.text.lower()):
                    continue
                # The same thing: words around both values overlap, and so do the words right
                # next to them ("annexation" by both years), the unit and common words aside
                # ("$3.88 a gallon" nationally and "$4 a gallon" in eleven states share only the unit).
                # Names need two such words: "war in Ukraine" and "war in Iran" share only "war".
                shared_near = (x.near & y.near) - _GENERIC - (x.unit & y.unit if kind == "number" else frozenset())
                shared = (x.context & y.context) - _GENERIC
                if len(shared) >= 2 and len(shared_near) >= (2 if kind == "name" else 1):
                    return kind, x, y
    return None


def _statements(items: Sequence[EvidenceLike | Passage]) -> list[_Statement]:
    out: list[_Statement] = []
    for i, item in enumerate(items):
        if isinstance(item, Passage):
            text = unwrap(item.text)
            out += [_Statement(i, text[s:e], item, s) for s, e in sentences(item.text)]
        else:
            out.append(_Statement(i, item.text, item.passage, unwrap(item.passage.text).find(unwrap(item.text))))
    return out


def _sentence_before(s: _Statement) -> str | None:
    if s.offset <= 0:
        return None
    text = unwrap(s.passage.text)
    before = [text[a:b] for a, b in sentences(s.passage.text[: s.offset])]
    return before[-1] if before else None


def _side(s: _Statement, value: str, who: str | None = None) -> Side:
    p = s.passage
    return Side(s.item, s.text, value, p.outlet, p.published, p.title, who or speaker(s.text))


def _kind(a: _Statement, b: _Statement, change_after_days: int) -> Kind:
    da, db = as_date(a.passage.published), as_date(b.passage.published)
    if a.passage.article_id == b.passage.article_id or da is None or db is None:
        return "conflict"
    return "change" if abs((da - db).days) > change_after_days else "conflict"


def _topic(a: str, b: str, near: frozenset[str] | None = None) -> str:
    """A few words of `a` that `b` shares (those around the values when given)."""
    wanted = near if near else prefixes(b)
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]+", a) if w.lower()[:5] in wanted and len(w) > 3]
    return " ".join(list(dict.fromkeys(words))[:3])


def _phrase(text: str, value: str, words: int = 4) -> str:
    """The value with a few words either side, within its clause: "the 2022 annexation of Crimea"."""
    at = text.find(value)
    if at < 0:
        return value
    left = _CLAUSE_SPLIT.split(text[:at])[-1].split()[-words:]
    while left and left[0].lower() in _JOINERS:
        left = left[1:]
    right = _CLAUSE_SPLIT.split(text[at + len(value) :])[0].split()[:words]
    while right and right[-1].lower() in _JOINERS:
        right = right[:-1]
    return " ".join([*left, value, *right]).strip(' .,;:"“”')


_JOINERS = {"and", "which", "that", "who", "but", "or", "with", "while", "as", "in", "an", "a", "the", "of", "to"}


_CLAUSE_SPLIT = re.compile(r"[,;:()“”\"]|\s[—–-]\s")


def _reported(statements: list[_Statement]) -> list[Conflict]:
    """A sentence saying a statement conflicts with another, paired with the sentence before it."""
    out = []
    for s in statements:
        m = REPORTED.search(s.text)
        if m is None or not re.search(r"\b(?:this|that|these|the)\s+(?:statement|claim|remark|report)", s.text, re.I):
            continue
        before_text = _sentence_before(s)
        if before_text is None:
            continue
        # The earlier statement is often an evidence item of its own; cite that one.
        before = next(
            (t for t in statements if t.passage.article_id == s.passage.article_id and t.text == before_text), None
        )
        before = before or _Statement(s.item, before_text, s.passage, -1)
        quoted = re.search(r"\bthat\s+(?P<claim>[^.]+)", s.text[m.end() :])
        claim = quoted.group("claim").strip() if quoted else s.text
        out.append(
            Conflict(
                "conflict", "reported", "", (_side(before, before.text), _side(s, claim, _reported_speaker(s.text)))
            )
        )
    return out


def _reported_speaker(text: str) -> str | None:
    m = REMARKS_BY.search(text)
    return m.group("name") if m else speaker(text)


def detect_conflicts(items: Sequence[EvidenceLike | Passage], *, change_after_days: int = 3) -> list[Conflict]:
    """Disagreements between the statements of `items` (evidence sentences or whole passages).

    Each pair of statements is reported at most once, with the first reason found in this
    order: a reported contradiction, a negation, a number, a date, a name."""
    statements = _statements(items)
    found = _reported(statements)
    seen = {(c.sides[0].text, c.sides[1].text) for c in found}
    values = [values_in(s.text, as_date(s.passage.published)) for s in statements]
    words = [prefixes(s.text) for s in statements]
    for (i, a), (j, b) in itertools.combinations(enumerate(statements), 2):
        if a.text == b.text or (a.text, b.text) in seen or (b.text, a.text) in seen:
            continue
        wa, wb = words[i], words[j]
        shared = wa & wb
        if not shared:
            continue
        conflict: Conflict | None = None
        if len(shared) >= 4 and len(shared) >= 0.5 * min(len(wa), len(wb)) and negation_conflict(a.text, b.text):
            conflict = Conflict(
                _kind(a, b, change_after_days), "negation", _topic(a.text, b.text), (_side(a, a.text), _side(b, b.text))
            )
        elif len(shared) >= 2 and (hit := _value_conflict(a, b, values[i], values[j])):
            what, x, y = hit
            topic = _topic(a.text, b.text, x.context & y.context)
            sides = (_side(a, _phrase(a.text, x.shown)), _side(b, _phrase(b.text, y.shown)))
            conflict = Conflict(_kind(a, b, change_after_days), what, topic, sides)  # type: ignore[arg-type]
        if conflict is None:
            continue
        seen.add((a.text, b.text))
        if conflict.kind == "change" and (as_date(conflict.sides[0].published) or date.min) > (
            as_date(conflict.sides[1].published) or date.min
        ):
            conflict = Conflict(conflict.kind, conflict.about, conflict.topic, conflict.sides[::-1])
        found.append(conflict)
    return found
