"""Relative dates the hand-read sets' READMEs resolve, checked against the resolver (issue 16).

    PYTHONPATH=. python benchmarks/handread_dates.py [--sessions 15-28] [--show]

Each set's README (evals/handread/sessionN/NAME/README.md) lists its articles in a table whose notes
resolve the relative dates quoted from them: `"on Monday" (16 Mar)`, `"tomorrow" = 26 Mar`. The set's
author wrote those by hand from a private calendar, before any answer was read. For each such pair the
phrase is resolved with `rag.news.dates.resolve_dates` against the article's publication date; it is right
when the resolved day (or period) holds the README's day. A phrase the article repeats is checked at the
occurrence that reads as the README's day if one does, each occurrence answering one README day of its line.
A phrase the article does not contain verbatim is counted apart. The READMEs' own mistakes are not
corrected: the figure is a floor. `--show` prints each miss with its context.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.errors import IngestError  # noqa: E402
from rag.ingest.readers import read_file  # noqa: E402
from rag.news.date_patterns import MONTHS  # noqa: E402
from rag.news.dates import ResolvedDate, resolve_dates  # noqa: E402

# A quoted phrase and the day the README gives it: "on Monday" (16 Mar), “tomorrow” (26 March).
_ABBREVIATIONS = "|".join(name for name in MONTHS if len(name) == 3)
_PAIR = re.compile(
    r"[\"“]([^\"”]{3,40})[\"”]\s*(?:\(|=\s*)(\d{1,2}) (" + _ABBREVIATIONS + r")[a-z]*\b(?!-)", re.IGNORECASE
)


@dataclass
class Check:
    """One README-resolved phrase and what the resolver made of it."""

    set: str
    file: str
    published: str
    phrase: str
    want: date
    got: date | None
    context: str

    @property
    def right(self) -> bool:
        return self.got == self.want


def _sessions(spec: str) -> range:
    low, _, high = spec.partition("-")
    return range(int(low), int(high or low) + 1)


def checks(folder: Path) -> list[Check]:
    """The checks of one set: every dated quote in its README's article table."""
    out = []
    for line in (folder / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if not line.startswith("|") or len(cells) < 5:
            continue
        path = folder / "corpus" / cells[1].strip("` ")
        if not path.is_file():
            continue
        try:
            article = next(a for a in read_file(path, path.parent) if hasattr(a, "text"))
        except (IngestError, StopIteration):
            continue
        text, published = article.text, article.published  # type: ignore[union-attr]
        if not published:
            continue
        resolved = resolve_dates(text, published)
        used: dict[int, date] = {}
        for m in _PAIR.finditer(line):
            phrase = m.group(1)
            want = date(int(published[:4]), MONTHS[m.group(3).lower()], int(m.group(2)))
            days = _occurrences(text, phrase, resolved)
            if not days:
                out.append(Check(folder.name, path.name, published, phrase, want, None, ""))
                continue
            at, got = _pick(days, want, used)
            context = " ".join(text[max(0, at - 100) : at + len(phrase) + 60].split())
            out.append(Check(folder.name, path.name, published, phrase, want, got, context))
    return out


def _occurrences(text: str, phrase: str, resolved: list[ResolvedDate]) -> list[tuple[int, ResolvedDate | None]]:
    """Each place the phrase occurs in the article, with the resolver's reading there (None: left unresolved)."""
    lowered, key = text.lower(), phrase.lower()
    out = []
    at = lowered.find(key)
    while at >= 0:
        found = [r for r in resolved if r.start <= at + len(phrase) and r.end >= at]
        out.append((at, found[0] if found else None))
        at = lowered.find(key, at + 1)
    return out


def _pick(days: list[tuple[int, ResolvedDate | None]], want: date, used: dict[int, date]) -> tuple[int, date | None]:
    """The occurrence a README day is checked at, and the resolver's day there. A phrase the article repeats ("on
    Monday" for the first fields handed back and for the convoy now expected) is checked at the unused occurrence
    that reads as the README's day, else at one already checked for that same day (a README that gives one phrase
    and day twice), else at the first unused one; each occurrence answers one README day."""
    free = [(at, r) for at, r in days if used.get(at, want) == want]
    at, r = next(((at, r) for at, r in free if r is not None and r.date_from <= want <= r.date_to), (free or days)[0])
    used[at] = want
    if r is None:
        return at, None
    return at, want if r.date_from <= want <= r.date_to else r.date_from


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", default="15-28", help="a session or a range, e.g. 15-28 or 29")
    parser.add_argument("--show", action="store_true", help="print every miss with its context")
    args = parser.parse_args()
    results: list[Check] = []
    for n in _sessions(args.sessions):
        for readme in sorted((ROOT / "evals" / "handread" / f"session{n}").glob("*/README.md")):
            results.extend(checks(readme.parent))
    found = [c for c in results if c.context]
    right = sum(c.right for c in found)
    if args.show:
        for c in found:
            if not c.right:
                print(f"{c.set} {c.file} ({c.published}) {c.phrase!r}: README {c.want}, resolver {c.got} | {c.context}")
    print(
        f"sessions {args.sessions}: {right}/{len(found)} README-resolved relative dates right "
        f"({right / max(len(found), 1):.3f}); {len(results) - len(found)} phrases not found verbatim"
    )


if __name__ == "__main__":
    main()
