"""Synthetic claim/evidence pairs for fitting and testing the support checker.

    python scripts/make_perturbations.py /work/shared/datasets --out /tmp/perturbations.jsonl

Every claim is made from a real sentence of a BBC article or a RealTimeQA evidence passage;
its evidence is that sentence inside a window of 1-5 neighbouring sentences (random width).
Unsupported claims change one thing a small model gets wrong:
- `name_swap`: a name replaced by another name from the same article;
- `number`: a number, year, month, weekday or ordinal changed;
- `negation`: a "not" added after the first auxiliary, or an existing one removed;
- `role_swap`: two names in the sentence trade places (who did what to whom);
- `modifier`: a word replaced by its opposite (rose/fell, more/less, won/lost);
- `merged`: the start of the sentence joined to the end of a neighbouring one;
- `foreign`: a sentence from another article of the same source (invented/irrelevant);
- `added`: the sentence with a clause from another article appended (partly supported).
Supported claims are true rewrites a script can make safely:
- `copy`: the sentence itself; `reorder`: a leading phrase moved to the end;
- `reported`: "X, he said." as "He said X." / "X said Y" as "According to X, Y";
- `drop_clause`: a ", which/who ...," clause or a bracket removed; `first_clause`: the part
  before "; " or ", and " or ", but ".
Rows carry `split`: `train` or `heldout`, drawn from a hash of the source article's id, so
no article gives pairs to both sides. Deterministic for a given --seed.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag.ingest.chunk import sentence_spans  # noqa: E402

_NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)(?:\s+(?:[A-Z][a-z]+|[A-Z]\.))*(?![\w])")
_NOT_NAMES = {
    "The", "A", "An", "But", "And", "In", "On", "At", "He", "She", "It", "They", "We", "I", "This", "That",
    "His", "Her", "Their", "Its", "If", "When", "While", "After", "Before", "As", "For", "Mr", "Mrs", "Ms",
    "There", "However", "Some", "Many", "What", "Who", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December", "Last", "Next", "One", "Two", "So", "Our",
    "Now", "Also", "Although", "Since", "Despite", "Under", "With", "From", "By", "To", "Of", "Yet",
}  # fmt: skip
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]  # fmt: skip
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
_NUMWORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "twenty"]
_OPPOSITES = [
    ("rose", "fell"), ("risen", "fallen"), ("rise", "fall"), ("increased", "decreased"), ("increase", "decrease"),
    ("more", "fewer"), ("higher", "lower"), ("highest", "lowest"), ("largest", "smallest"), ("biggest", "smallest"),
    ("won", "lost"), ("win", "lose"), ("gained", "lost"), ("best", "worst"), ("better", "worse"),
    ("strong", "weak"), ("stronger", "weaker"), ("early", "late"), ("earlier", "later"), ("before", "after"),
    ("accepted", "rejected"), ("agreed", "refused"), ("supported", "opposed"), ("support", "oppose"),
    ("up", "down"), ("boost", "cut"), ("boosted", "cut"), ("success", "failure"), ("successful", "unsuccessful"),
    ("open", "closed"), ("opened", "closed"), ("allowed", "banned"), ("public", "private"), ("first", "last"),
    ("new", "old"), ("young", "old"), ("long", "short"), ("good", "bad"), ("major", "minor"), ("full", "partial"),
    ("likely", "unlikely"), ("always", "never"), ("domestic", "foreign"), ("profit", "loss"), ("profits", "losses"),
    ("buy", "sell"), ("bought", "sold"), ("expand", "shrink"), ("cheaper", "dearer"), ("positive", "negative"),
]  # fmt: skip
_PLURAL_SOURCES = {"Experts", "Officials", "Analysts", "Police", "Researchers", "Critics", "Sources", "Witnesses",
                   "Doctors", "Scientists", "Economists", "Investigators", "Authorities", "Prosecutors"}  # fmt: skip
_OPPOSITE = {a: b for a, b in _OPPOSITES} | {b: a for a, b in _OPPOSITES}
_AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could|should|must|may|did|does|do)\b")
_NEGATED = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could|should|did|does|do)(?: not|n't)\b")
_SAID_END = re.compile(
    r"^[\"“]?(?P<quote>.+?),?[\"”]? (?P<who>(?:he|she|they|[A-Z][\w. '-]+?)) (?:said|says|added|told [^.]+)\.$"
)
_WHO_SAID = re.compile(
    r"^(?P<who>(?:Mr|Mrs|Ms|Dr)?\.? ?[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}) said (?:that )?(?P<rest>.+)$"
)
_LEAD = re.compile(
    r"^(?P<lead>(?:In|On|At|During|After|Before|By|Last|Earlier|Since|Following|Over)\b[^,]{2,40}), (?P<rest>.+)$"
)
_RELATIVE = re.compile(r", (?:which|who|whose|where)\b[^,]{3,80}, ")
_BRACKET = re.compile(r" \([^()]{1,60}\)")
_FIRST_CLAUSE = re.compile(r"^(?P<first>.{25,}?)(?:; |, and |, but )(?P<rest>.{15,})$")


def _bucket(article: str) -> str:
    return "heldout" if int(hashlib.sha1(article.encode()).hexdigest(), 16) % 5 == 0 else "train"


def read_articles(datasets: Path) -> Iterator[tuple[str, str, str]]:
    """(source, article id, text) for every BBC article and distinct RealTimeQA evidence passage."""
    bbc = datasets / "bbc_news" / "bbc_news.jsonl"
    if not bbc.is_file():
        raise SystemExit(f"error: {bbc} not found; pass the datasets folder (the one with bbc_news/ and realtimeqa/)")
    for line in bbc.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        yield "bbc", f"bbc:{row['id']}", row["body"]
    seen: set[str] = set()
    for path in sorted((datasets / "realtimeqa").rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            qid, evidence = row.get("question_id"), row.get("evidence")
            if not evidence or qid in seen:
                continue
            seen.add(qid)
            text = html.unescape(re.sub(r"<[^>]+>", " ", evidence))
            yield "rtqa", f"rtqa:{qid}", " ".join(text.split())


def sentences_of(text: str) -> list[str]:
    out = []
    for s, e in sentence_spans(text):
        sentence = " ".join(text[s:e].split())
        if 6 <= len(sentence.split()) <= 45 and sentence[-1] in '.!?"”':
            out.append(sentence)
    return out


def names_in(sentence: str) -> list[str]:
    found = []
    for m in _NAME.finditer(sentence):
        words = m.group(0).split()
        while words and words[0] in _NOT_NAMES:
            words = words[1:]
        if words and len(" ".join(words)) > 2:
            found.append(" ".join(words))
    return found


# -- unsupported ---------------------------------------------------------------------------


def name_swap(s: str, article_names: list[str], rng: random.Random) -> str | None:
    mine = names_in(s)
    if not mine:
        return None
    target = rng.choice(mine)
    others = [n for n in article_names if n not in s and n.split()[-1] not in target and target not in n]
    if not others:
        return None
    return s.replace(target, rng.choice(others), 1)


def number_change(s: str, rng: random.Random) -> str | None:
    options = []
    for m in re.finditer(r"\b\d+(?:\.\d+)?\b", s):
        value = m.group(0)
        if re.fullmatch(r"(19|20)\d\d", value):
            new = str(int(value) + rng.choice([-3, -2, -1, 1, 2, 3]))
        elif "." in value:
            whole, frac = value.split(".")
            new = f"{int(whole) + rng.choice([1, 2, 3])}.{frac}"
        else:
            n = int(value)
            new = str(rng.choice([n + rng.randint(1, 9), n * 2 if n else 7, max(n - rng.randint(1, 9), 0) or n + 11]))
        if new != value:
            options.append((m.start(), m.end(), new))
    for pool in (_MONTHS, _DAYS):
        for word in pool:
            for m in re.finditer(rf"\b{word}\b", s):
                if word == "May" and not re.search(r"\d|\b(in|on|of|by|since|until)\s+May\b", s):
                    continue
                options.append((m.start(), m.end(), rng.choice([w for w in pool if w != word])))
    for pool in (_ORDINALS, _NUMWORDS):
        for word in pool:
            for m in re.finditer(rf"\b{word}\b", s, re.IGNORECASE):
                new = rng.choice([w for w in pool if w != word.lower()])
                options.append((m.start(), m.end(), new.capitalize() if m.group(0)[0].isupper() else new))
    if not options:
        return None
    start, end, new = rng.choice(options)
    return s[:start] + new + s[end:]


def negate(s: str) -> str | None:
    m = _NEGATED.search(s)
    if m:  # remove an existing negation
        return s[: m.start()] + m.group(1) + s[m.end() :]
    m = _AUX.search(s)
    if not m or m.start() < 3:
        return None
    return s[: m.end()] + " not" + s[m.end() :]


def role_swap(s: str) -> str | None:
    mine = list(dict.fromkeys(names_in(s)))
    if len(mine) < 2:
        return None
    a, b = mine[0], mine[1]
    if a in b or b in a:
        return None
    i, j = s.find(a), s.find(b, s.find(a) + len(a))
    if i < 0 or j < 0:
        return None
    swapped = s[:i] + b + s[i + len(a) : j] + a + s[j + len(b) :]
    return swapped if swapped != s else None


def modifier_change(s: str, rng: random.Random) -> str | None:
    words = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\b[a-z]+\b", s) if m.group(0) in _OPPOSITE]
    if not words:
        return None
    start, end, word = rng.choice(words)
    return s[:start] + _OPPOSITE[word] + s[end:]


def merged(s: str, neighbour: str) -> str | None:
    """Start of one sentence, end of another: each half is true, the sentence is not."""
    a, b = s.rstrip('.!?"”').split(), neighbour.split()
    if len(a) < 8 or len(b) < 8:
        return None
    cut_a, cut_b = len(a) // 2, len(b) // 2
    claim = " ".join(a[:cut_a] + b[cut_b:])
    return claim if claim not in s and claim not in neighbour else None


def added(s: str, foreign: list[str], rng: random.Random) -> str:
    """The sentence with another article's sentence joined on: the first half is supported."""
    other = rng.choice(foreign)
    return f"{s.rstrip('.')}, and {other[0].lower()}{other[1:]}"


# -- supported -----------------------------------------------------------------------------


def reorder(s: str) -> str | None:
    m = _LEAD.match(s)
    if not m:
        return None
    rest = m.group("rest").rstrip(".")
    return f"{rest[0].upper()}{rest[1:]} {m.group('lead')[0].lower()}{m.group('lead')[1:]}."


def reported(s: str) -> str | None:
    m = _SAID_END.match(s)
    if m and len(m.group("quote").split()) >= 5:
        who = m.group("who")
        if who.split()[0] in _PLURAL_SOURCES:
            who = who.lower()
        quote = m.group("quote").strip('"“” ').rstrip(",")
        return f"{who[0].upper()}{who[1:]} said {quote[0].lower() if quote[:2] != 'I ' else quote[0]}{quote[1:]}."
    m = _WHO_SAID.match(s)
    if m and len(m.group("rest").split()) >= 5:
        who = m.group("who")
        if who.split()[0] in _PLURAL_SOURCES:
            who = who[0].lower() + who[1:]
        return f"According to {who}, {m.group('rest')}"
    return None


def drop_clause(s: str) -> str | None:
    for pattern in (_RELATIVE, _BRACKET):
        m = pattern.search(s)
        if m:
            out = s[: m.start()] + (" " if pattern is _RELATIVE else "") + s[m.end() :]
            return out if len(out.split()) >= 5 else None
    return None


def first_clause(s: str) -> str | None:
    m = _FIRST_CLAUSE.match(s)
    if not m or len(m.group("first").split()) < 5:
        return None
    return m.group("first").rstrip(",;") + "."


def pairs_for(source: str, article: str, text: str, foreign: list[str], rng: random.Random) -> list[dict]:
    sentences = sentences_of(text)
    if len(sentences) < 2:
        return []
    article_names = list(dict.fromkeys(n for s in sentences for n in names_in(s)))
    out = []
    for i, s in enumerate(sentences):
        width = rng.randint(0, 2)
        window = " ".join(sentences[max(0, i - width) : i + width + 1])
        j = i + 1 if i + 1 < len(sentences) else i - 1
        neighbour = sentences[j]
        made = {
            "name_swap": name_swap(s, article_names, rng),
            "number": number_change(s, rng),
            "negation": negate(s),
            "role_swap": role_swap(s),
            "modifier": modifier_change(s, rng),
            "merged": merged(s, neighbour),
            "foreign": rng.choice(foreign) if foreign and rng.random() < 0.3 else None,
            "added": added(s, foreign, rng) if foreign and rng.random() < 0.2 else None,
            "copy": s if rng.random() < 0.35 else None,
            "reorder": reorder(s),
            "reported": reported(s),
            "drop_clause": drop_clause(s),
            "first_clause": first_clause(s),
        }
        supported = {"copy", "reorder", "reported", "drop_clause", "first_clause"}
        for kind, claim in made.items():
            if not claim or (kind not in ("copy",) and claim == s):
                continue
            # A merged claim is checked against evidence that holds both of its halves.
            evidence = " ".join(sentences[max(0, min(i, j) - 1) : max(i, j) + 2]) if kind == "merged" else window
            out.append(
                {
                    "claim": claim,
                    "evidence": evidence,
                    "label": "supported" if kind in supported else "unsupported",
                    "kind": kind,
                    "source": source,
                    "article": article,
                    "split": _bucket(article),
                }
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", type=Path, help="folder with bbc_news/ and realtimeqa/")
    parser.add_argument("--out", type=Path, default=Path("/tmp/perturbations.jsonl"))
    parser.add_argument("--per-source", type=int, default=2800, help="pairs kept per source (bbc, rtqa)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    articles = list(read_articles(args.datasets))
    by_source: dict[str, list[tuple[str, str]]] = {}
    for source, article, text in articles:
        by_source.setdefault(source, []).append((article, text))
    rows: list[dict] = []
    for source, items in by_source.items():
        made: list[dict] = []
        # Foreign sentences come from the same split, so held-out text never enters train.
        pools = {
            split: [s for a, t in items if _bucket(a) == split for s in sentences_of(t)][:20000]
            for split in ("train", "heldout")
        }
        for article, text in items:
            pool = pools[_bucket(article)]
            foreign = [s for s in rng.sample(pool, min(40, len(pool))) if s not in text]
            made += pairs_for(source, article, text, foreign, rng)
        rng.shuffle(made)
        # Balance: as many supported as unsupported rows, then cap.
        sup = [r for r in made if r["label"] == "supported"]
        uns = [r for r in made if r["label"] == "unsupported"]
        n = min(len(sup), len(uns), args.per_source // 2)
        rows += sup[:n] + uns[:n]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    counts = Counter((r["source"], r["split"], r["kind"]) for r in rows)
    print(f"{len(rows)} pairs -> {args.out}")
    for key, n in sorted(counts.items()):
        print(" ", *key, n)


if __name__ == "__main__":
    main()
