"""Until when a stop lasted: a question asking it in the past, and the report sentence telling the stop ended.

"Until what date was the ferry route suspended after the mine blast?" asks where a suspension extended twice finally
ended. The best-scored span was the first extension's ("On Tuesday it extended the suspension until Friday"), and five
dev questions of this shape gave it (explore38, explore39c, explore42, explore42c, and blind explore46c q21). The
answer is the later report's "The Joint Lake Commission's suspension of the route, which it had extended twice, ended on
Sunday …": the newest report sentence telling the stop the question names (its noun or verb by the stem: "suspended",
"suspension") ended on a day, holding one more of the question's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from rag.evidence.candidates import Candidate
from rag.evidence.question import content_stems
from rag.news.recency import UNTIL_WHEN

_ASKS = re.compile(
    rf"^\s*{UNTIL_WHEN}\s+(?:was|were)\s+(?:[\w'’-]+\s+){{1,6}}?(?P<stop>suspended|closed|shut|halted|banned|"
    r"stopped|grounded|blocked|paused|barred)\b",
    re.IGNORECASE,
)
_STEMS = {"suspended": "suspen", "closed": "clos", "shut": "shut", "halted": "halt", "banned": "ban",
          "stopped": "stop", "grounded": "ground", "blocked": "block", "paused": "paus", "barred": "bar"}  # fmt: skip
_ENDED = re.compile(r"\b(?:ended|was\s+lifted|were\s+lifted|expired|came\s+to\s+an\s+end)\s+(?:on|at|late|early)\b")


def stop_asked(question: str) -> str | None:
    """The stem of the stop a past "until when was X suspended?" question asks the end of, or None."""
    m = _ASKS.match(question)
    return _STEMS[m.group("stop").lower()] if m else None


def tells_end(text: str) -> bool:
    """Whether a sentence tells a stop ended on a day ("… which it had extended twice, ended on Sunday")."""
    return _ENDED.search(text) is not None and any(re.search(rf"\b{stem}", text, re.I) for stem in _STEMS.values())


def final_end(
    question: str, stop: str, candidates: Sequence[Candidate], told_on: Callable[[Candidate], date]
) -> Candidate | None:
    """The quotable report sentence, told on the latest day, telling the stop `stop` ended on a day, with one more of
    the question's words."""
    named = re.compile(rf"\b{stop}", re.IGNORECASE)
    others = {s for s in content_stems(question) if not s.startswith(stop[:4])}
    ending = [
        c
        for c in candidates
        if c.report_sentence and _ENDED.search(c.text) and named.search(c.text) and others & set(content_stems(c.text))
    ]
    return max(ending, key=told_on, default=None)
