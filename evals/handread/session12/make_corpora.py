"""Rebuild the corpora of the twelfth session's blind hand-reads (rounds 14, 15 and 16) from the shared datasets
(never copied into the repository: BBC articles are for research use, RealTimeQA for evaluation).

    python evals/handread/session12/make_corpora.py ../shared/datasets OUT_DIR

OUT_DIR/corpus_r14/ (round 14) holds
- 24 BBC News articles, 6 each of business, tech, sport and entertainment, 250-600 words, seeded sample
  (seed 14), none of them in any of session 11's corpora (rebuilt with session 11's script in a
  temporary folder to find their ids), one .txt each, first line the title;
- rt_mixed_2022_2023.jsonl: 30 distinct RealTimeQA evidence passages dated before 2023-09-08 (the earlier
  half; the later half stays held out) on technology companies, health and COVID, business and markets,
  elections outside the US and crime, not on session 11's topics (Ukraine/Russia, US politics, weather,
  climate, space, sport) and none of session 11's passages; seeded sample, sorted by date, records as in
  session 11 (title, body, outlet, date, url).

OUT_DIR/corpus_r15/ (round 15) holds
- 24 more BBC News articles, 6 each of politics, business, tech and entertainment, 250-600 words, seeded
  sample (seed 15), none of them in session 11's corpora or in corpus_r14;
- rt_culture_society_2022_2023.jsonl: 30 distinct earlier-half RealTimeQA evidence passages (before
  2023-09-08) on film, music and celebrities, science discoveries, schools and universities, migrants and
  refugees, UK and European politics and the royals, food and groceries; none that touch session 11's
  topics or round 14's (technology companies, COVID and health scares, markets, elections, crime) and
  none of their passages; seeded sample, sorted by date, records as in corpus_r14.

OUT_DIR/corpus_r16/ (round 16) holds
- 16 more BBC News articles, 4 each of politics, business, tech and sport, 250-600 words, seeded sample
  (seed 16), none of them in session 11's corpora, corpus_r14 or corpus_r15;
- news/: 12 earlier-half RealTimeQA evidence passages (before 2023-09-08) on three stories that recur
  over several weeks, so that the answer to "latest / now / so far" questions changes with the date:
  US egg prices (Aug 2022 - Apr 2023), the UK prime minister (Johnson resigns, Truss takes office,
  Truss stands down; Jul - Oct 2022) and Twitter under Musk (logo, lay-offs, rebrand to X; Apr - Jul
  2023). Picked by date and a phrase of the passage (RECURRING), none of them in any earlier corpus;
  each is written as a Markdown file with YAML front matter (title: the first nine words, outlet, date,
  url), named date_slug.md.

corpus_r14 is built first and exactly as before (its random stream is untouched by rounds 15 and 16),
then corpus_r15, then corpus_r16.
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
import sys
import tempfile
from pathlib import Path

_spec = importlib.util.spec_from_file_location("s11", Path(__file__).parents[1] / "session11" / "make_corpora.py")
s11 = sys.modules["s11"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(s11)  # type: ignore[union-attr]

ABOUT = (
    r"\b(Apple|Google|Microsoft|Amazon|Meta|Twitter|Tesla|Musk|TikTok|Netflix|Disney|OpenAI|ChatGPT|COVID|"
    r"Covid|coronavirus|vaccine|virus|outbreak|stock|shares|bankrupt|layoffs|CEO|election|prime minister|"
    r"police|arrested|charged|convicted|sentenced|murder|shooting)"
)
NOT_ABOUT = (
    r"Ukrain|Russia|Putin|Zelensky|Biden|Trump|Congress|Senate|House|midterm|Republican|Democrat|governor|"
    r"inflation|Federal Reserve|Supreme Court|climate|storm|[Hh]urricane|wildfire|NASA|space|World Cup|"
    r"Olympic|earthquake|flood|\bheat|NFL|NBA|MLB|Super Bowl|tennis|golf|soccer|football|baseball"
)
ABOUT_R15 = (
    r"\b(film|movie|actor|actress|singer|rapper|album|song|Oscars?|Grammys?|Emmys?|Taylor Swift|Beyonc|celebrit|"
    r"concert|box office|scientists|researchers|fossil|species|discovered|archaeolog|dinosaur|school|students|"
    r"teachers|universit|college|migrants?|refugees?|asylum|immigra|Sunak|Truss|Boris Johnson|Parliament|Macron|"
    r"Brexit|King Charles|Queen Elizabeth|royal|food|eggs|grocer|restaurant)"
)
# round 14's own topics, kept out of round 15 together with session 11's (NOT_ABOUT)
ROUND14 = (
    r"Apple|Google|Microsoft|Amazon|Meta\b|Twitter|Tesla|Musk|TikTok|Netflix|Disney|OpenAI|ChatGPT|COVID|Covid|"
    r"coronavirus|vaccine|virus|outbreak|stock|shares|bankrupt|layoffs|CEO|election|police|arrested|charged|"
    r"convicted|sentenced|murder|shooting"
)


def session11_taken(datasets: Path) -> tuple[set[str], set[str]]:
    """BBC ids and RealTimeQA passage texts of every session 11 corpus, rebuilt by its own script."""
    with tempfile.TemporaryDirectory() as tmp:
        argv, sys.argv = sys.argv, ["make_corpora.py", str(datasets), tmp]
        try:
            s11.main()
        finally:
            sys.argv = argv
        ids, texts = set(), set()
        for f in Path(tmp).rglob("*"):
            if f.suffix == ".txt":
                ids.add(f.stem.replace("_", "/", 1))
            elif f.suffix == ".jsonl":
                texts |= {json.loads(line)["body"] for line in f.open(encoding="utf-8")}
    return ids, texts


def round15(datasets: Path, out: Path, ids: set[str], texts: set[str]) -> None:
    """corpus_r15: BBC articles and passages none of which is in `ids` / `texts` (session 11 and round 14)."""
    kinds = ("politics", "business", "tech", "entertainment")
    s11.bbc_articles(datasets, out, dict.fromkeys(kinds, 6), 15, ids)
    found = [
        r for r in s11.passages(datasets, "202[23]", ABOUT_R15, NOT_ABOUT + "|" + ROUND14) if r["body"] not in texts
    ]
    random.shuffle(found)
    s11.write_jsonl(out / "rt_culture_society_2022_2023.jsonl", sorted(found[:30], key=lambda r: r["date"]))


# round 16's recurring stories: (question date, a phrase of the passage), earliest first per story
RECURRING = (
    ("2022-08-12", "The cost of eggs jumped 38%"),
    ("2022-09-15", "Egg prices have increased by nearly 40%"),
    ("2023-01-12", "US egg supplies are currently constrained"),
    ("2023-02-16", "Egg prices have skyrocketed 70%"),
    ("2023-04-13", "Eggs had the most dramatic decrease"),
    ("2022-07-08", "Boris Johnson announced his resignation"),
    ("2022-09-23", "Liz Truss said a free trade deal"),
    ("2022-10-21", "The outgoing Tory leader"),
    ("2023-04-07", "temporarily replaced with an image of a Shiba Inu"),
    ("2023-04-13", "laid off more than 6,000 people at Twitter"),
    ("2023-07-27", "Twitter is now X"),
    ("2023-07-28", "from the well-known blue bird to a black X"),
)


def front_matter_value(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def round16(datasets: Path, out: Path, ids: set[str], texts: set[str]) -> None:
    """corpus_r16: BBC articles none of which is in `ids`, and news/ of Markdown files with front matter
    for the RECURRING passages (none of which may be in `texts`)."""
    kinds = ("politics", "business", "tech", "sport")
    s11.bbc_articles(datasets, out, dict.fromkeys(kinds, 4), 16, ids)
    records = s11.passages(datasets, "202[23]", r".")
    news = out / "news"
    news.mkdir(parents=True, exist_ok=True)
    for date, phrase in RECURRING:
        (r,) = [r for r in records if r["date"] == date and phrase in r["body"]]
        if r["body"] in texts:
            raise SystemExit(f"passage already in an earlier corpus: {phrase}")
        slug = re.sub(r"[^a-z0-9]+", "-", " ".join(r["body"].lower().split()[:6])).strip("-")
        meta = "\n".join(f"{k}: {front_matter_value(r[k])}" for k in ("title", "outlet", "date", "url"))
        (news / f"{date}_{slug}.md").write_text(f"---\n{meta}\n---\n\n{r['body']}\n", encoding="utf-8")


def main() -> None:
    datasets, root = Path(sys.argv[1]), Path(sys.argv[2])
    out = root / "corpus_r14"
    ids, texts = session11_taken(datasets)
    kinds = ("business", "tech", "sport", "entertainment")
    s11.bbc_articles(datasets, out, dict.fromkeys(kinds, 6), 14, ids)
    found = [r for r in s11.passages(datasets, "202[23]", ABOUT, NOT_ABOUT) if r["body"] not in texts]
    random.shuffle(found)
    s11.write_jsonl(out / "rt_mixed_2022_2023.jsonl", sorted(found[:30], key=lambda r: r["date"]))
    ids |= {f.stem.replace("_", "/", 1) for f in out.iterdir() if f.suffix == ".txt"}
    texts |= {r["body"] for r in found[:30]}
    round15(datasets, root / "corpus_r15", ids, texts)
    r15 = root / "corpus_r15"
    ids |= {f.stem.replace("_", "/", 1) for f in r15.iterdir() if f.suffix == ".txt"}
    texts |= {json.loads(line)["body"] for f in r15.glob("*.jsonl") for line in f.open(encoding="utf-8")}
    round16(datasets, root / "corpus_r16", ids, texts)


if __name__ == "__main__":
    main()
