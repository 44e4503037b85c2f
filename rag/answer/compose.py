"""From selected evidence to what is displayed.

The evidence is the answer's backbone: `quoted_answer` turns it into an extractive answer (each
evidence span quoted verbatim and cited), which is what a person sees first and what remains
when no generated sentence passes the guard; `evidence_block` is the numbered list the LLM
composes a fluent answer from, each line with its outlet and date.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from datetime import date

from rag.answer.cite import ParsedAnswer, strip_markers
from rag.evidence.candidates import evidence_spans
from rag.evidence.entities import gives_sides_topic
from rag.evidence.question import content_stems, matches, question_sides
from rag.evidence.speaker import voices
from rag.news.date_patterns import THEN, sentence_end
from rag.news.dates import as_date, in_quotation, resolve_dates, with_days
from rag.news.plans import asks_plan_and_act
from rag.news.recency import asks_return, tells_return, wants_latest
from rag.news.speakers import continued_speaker, quoted_speaker
from rag.retrieval.filters import Filters
from rag.store.injection import instruction_spans
from rag.types import AnswerSentence, Citation, Evidence

# "which two…", "both…", "each…", "X and Y": questions whose answer has several parts.
_MULTI_PART = re.compile(r"\b(?:which|what) (?:two|three|four)\b|\bboth\b|\beach\b|\brespectively\b", re.IGNORECASE)
# "What did Trump say about Crimea, and what did the proposal include?": two questions in one; "How do
# Lavrov's and Dmitriev's statements differ?": two sides, each of which may need its quote.
_TWO_QUESTIONS = re.compile(
    r"\band (?:what|which|who|whom|when|where|how|why)\b|\bdiffer\b|\bcompare\b|\bversus\b|\bvs\b",
    re.IGNORECASE,
)


def multi_part(question: str) -> bool:
    return bool(_MULTI_PART.search(question) or _TWO_QUESTIONS.search(question))


def quote_limit(question: str, max_quotes: int) -> int:
    """Quotes an extractive answer shows: `max_quotes` for one fact, one more for a question in
    several parts, so that a longer answer can't buy accuracy on a simple question."""
    return max_quotes + 1 if multi_part(question) else max_quotes


def quotes_for(question: str, items: Sequence[Evidence], max_quotes: int, min_share: float) -> list[Evidence]:
    """The evidence an extractive answer quotes: the best span, then others within `min_share` of
    its score (any score for a question in several parts, where each part needs its span)."""
    if not items:
        return []
    sides = question_sides(question)
    if sides:
        return _each_side(question, sides, items)
    if asks_plan_and_act(question):
        return _another_day(question, items)
    if _TWO_QUESTIONS.search(question) and not _MULTI_PART.search(question):
        return _covering(question, items, quote_limit(question, max_quotes))
    if multi_part(question):
        return list(items[: quote_limit(question, max_quotes)])
    # One fact: at most `max_quotes` sentences in all, so a best span of two sentences stands alone; the figures
    # other sources give for the same count are quoted beside the first whatever they scored.
    chosen, used = [items[0]], _sentence_count(items[0].quote)
    # Asked for the latest, a column's figure beside a report's is read as newer, and a column restates late: "Some 24
    # ships have now sailed" (a 14 July analysis) beside the ministry's 34 of 9 July (blind explore26 q08).
    stale = wants_latest(question) and not items[0].passage.commentary
    # Asked whether it works again, a lead telling the return makes older accounts of the stop history: "The fishing
    # ban, in force since April 27, covers the whole of Vardell Bay" (7 May) beside "Fishing resumed in the outer part
    # of Vardell Bay on Monday" (28 May) read as still in force (explore36 q02). An older one telling the return too
    # stays ("The collection point at Orrow Ford reopened on Tuesday").
    returned = asks_return(question) and tells_return(items[0].text)
    lead_day = as_date(items[0].passage.published)
    for e in items[1:]:
        n = _sentence_count(e.quote)
        if stale and e.passage.commentary and not e.disputes:
            continue
        if returned and not e.disputes and _older(e, lead_day) and not tells_return(e.text):
            continue
        if e.disputes or (e.score >= items[0].score * min_share and used + n <= max_quotes):
            chosen.append(e)
            used += n
    return chosen


def _older(e: Evidence, day: date | None) -> bool:
    published = as_date(e.passage.published)
    return day is not None and published is not None and published < day


def _each_side(question: str, sides: Sequence[str], items: Sequence[Evidence]) -> list[Evidence]:
    """The best span, then the best of each side's own account it lacks: "Do the union and Halvard
    agree on the job cuts?" quotes what the union says and what Halvard says (explore16b q13). Only
    spans that hold what the topic asks for ("where the trawler was": a place or a distance) count;
    the best span leads only if it does (explore17 q05 led with "a further appeal would not stop the
    trawler")."""
    on_topic = [e for e in items if gives_sides_topic(question, e.text)]
    chosen = [items[0]] if items[0] in on_topic else []
    for side in sides:
        if not any(voices(side, e.text) for e in chosen):
            own = next((e for e in on_topic if e not in chosen and voices(side, e.text)), None)
            if own is not None:
                chosen.append(own)
    return chosen or [items[0]]


# "When were the first air ambulance flights supposed to leave …": the thing planned, whose last word names it.
_PLANNED_THING = re.compile(
    r"\bwhen\s+(?:was|were|did|is|are)\s+(?P<thing>[^?]+?)\s+(?:(?:originally|first|initially)\s+)?"
    r"(?:supposed|due|planned|scheduled|meant|intended|set|expected)\b",
    re.IGNORECASE,
)
_PRONOUN = re.compile(r"(?:it|they|he|she|this|that|these|those)$", re.IGNORECASE)
# … or, named by a pronoun, by the clause before it: "The extension talks got delayed - when were they first meant to
# happen, …?" (explore29b).
_TOLD_BEFORE = re.compile(r"^\W*(?P<thing>[\w'’ -]+?)\s+(?:got|was|were|has|have|had|is|are)\b[^?]*?\s[-–—:]\s")


def _planned_thing(question: str) -> str | None:
    """The stem of the word naming what a plan-and-act question asks about ("flight" of "When were the first air
    ambulance flights supposed to leave Dalvany, and when did they actually take off?"); None when a pronoun or nothing
    names it."""
    m = _PLANNED_THING.search(question)
    if m is None:
        return None
    word = re.sub(r"[^\w-]", "", m.group("thing").split()[-1])
    if _PRONOUN.match(word):
        before = _TOLD_BEFORE.match(question)
        word = before.group("thing").split()[-1] if before else ""
    stems = content_stems(word) if word else []
    return stems[0] if stems else None


def _days(e: Evidence) -> set[date]:
    return {r.day for r in resolve_dates(e.text, e.passage.published) if r.day is not None}


def _another_day(question: str, items: Sequence[Evidence]) -> list[Evidence]:
    """The best span, then the best one giving a day it does not and naming the thing planned: asked when something was
    supposed to happen and when it did, "The first escorted press tour leaves Korvasz for Dressel on Wednesday, March
    25" was the whole answer, though "Twenty-seven foreign journalists reached the front-line town of Dressel on
    Wednesday [1 April] on the first escorted tour" was chosen beside it (explore35c q10), its words no others of the
    question. Not "The moratorium … took effect on 7 March" for when the extension talks were to happen (explore29b)."""
    first, thing = _days(items[0]), _planned_thing(question)
    other = next(
        (e for e in items[1:] if _days(e) - first and (thing is None or matches(thing, set(content_stems(e.text))))),
        None,
    )
    return [items[0], other] if other is not None else [items[0]]


def _covering(question: str, items: Sequence[Evidence], limit: int) -> list[Evidence]:
    """The best span, then each next one that holds a key word of the question the chosen ones lack:
    the second question's answer, not a second quote for the first."""
    # Words that name the source ("the ISW analysis") are not asked about.
    about = {s for e in items for s in content_stems(f"{e.passage.title} {e.passage.outlet or ''}")}
    asked = set(content_stems(question)) - about
    chosen, held = [items[0]], set(content_stems(items[0].quote))
    for e in items[1:]:
        own = set(content_stems(e.quote))
        if len(chosen) < limit and any(matches(t, own) and not matches(t, held) for t in asked):
            chosen.append(e)
            held |= own
    return chosen


# A sentence quoted for the time of the one after it ("Tolvik will take office on June 1. Until then Pavel Kuznar …
# will remain in charge", rag/evidence/selector.py): the two tell one fact.
_TIME_FROM_BEFORE = re.compile(rf"[.!?][\"”’']?\s+{THEN}", re.IGNORECASE)


def _sentence_count(text: str) -> int:
    # A quotation's sentences count too: the limit is on how much an answer quotes. A sentence quoted for the time
    # of the one after it does not: it dropped "… Until then Pavel Kuznar … will remain in charge" for a stale
    # director's one sentence (explore29d, "Who is in charge of the reconstruction agency right now?").
    told = len(evidence_spans(text, quotations=False)) - (1 if _TIME_FROM_BEFORE.search(text) else 0)
    return max(1, told)


def evidence_block(items: Sequence[Evidence]) -> str:
    """The numbered evidence the LLM composes from: "[1] (Outlet, 2025-04-02) sentence"."""
    lines = []
    for number, e in enumerate(items, 1):
        about = e.passage.about()
        text = " ".join(e.text.split())
        lines.append(f"[{number}] ({about}) {text}" if about else f"[{number}] {text}")
    return "\n".join(lines)


def _quoted(text: str) -> str:
    """Verbatim text in double quotes; quotation marks inside it become single ones, as in print."""
    body = _unpaired_dropped(" ".join(strip_markers(text).split()))
    body = body.replace("“", "‘").replace("”", "’")
    if body.count('"') % 2 == 0:
        body = re.sub(r'"([^"]*)"', r"‘\1’", body)
    return f"“{body}”"


def _unpaired_dropped(text: str) -> str:
    """A span cut from inside a quotation (“The United States believes … war.) loses the mark its
    sentence split left unpaired, which would otherwise show as a stray ‘ in the answer."""
    # Only at either end, so that the rest is still word for word the passage's.
    if (text.startswith("“") and "”" not in text) or (text.startswith('"') and text.count('"') % 2):
        text = text[1:]
    if text.endswith("”") and "“" not in text:
        text = text[:-1]
    return text


def quoted_answer(items: Sequence[Evidence], days: bool = True) -> ParsedAnswer:
    """The evidence itself as the answer: each span quoted verbatim with its own citation, after the
    name of its speaker when it opens a quotation that names the speaker only around it. Then the
    citation covers the sentences that name the speaker, so a reader sees where the name comes from.
    A relative day in a quotation ("on Monday") is followed by the day it means, in brackets, unless
    `days` is false (an answer that puts each quotation after its day). A quotation from an opinion or
    analysis piece says so before it."""
    sentences, citations = [], []
    for number, e in enumerate(items, 1):
        attributed = _attributed(e)
        citations.append(Citation(number=number, passage=e.passage, evidence=attributed[1] if attributed else e))
        quote = _dated_quote(e) if days else e.quote
        shown = f"{_quoted(quote)} [{number}]"
        text = f"{attributed[0]}: {shown}" if attributed else f"{_column(e)}{shown}"
        sentences.append(AnswerSentence(text=text, citations=(number,), verdict="quote", score=e.score))
    text = " ".join(s.text for s in sentences)
    return ParsedAnswer(text=text, citations=citations, sentences=sentences, abstained=False)


def quoted_by_day(dated: Sequence[tuple[date, Evidence]]) -> ParsedAnswer:
    """Each span quoted after the day it tells, in the order given: "On 27 April 2026: “Yesterday, engineers inspected
    the spillway gates …” [1]". The day opens the sentence, so a relative day in the quotation is not dated again."""
    quotes = quoted_answer([e for _, e in dated], days=False)
    return _with_sentences(
        quotes,
        [
            dataclasses.replace(s, text=f"On {d.day} {d:%B %Y}: {s.text}")
            for (d, _), s in zip(dated, quotes.sentences, strict=True)
        ],
    )


def _with_sentences(quotes: ParsedAnswer, sentences: list[AnswerSentence]) -> ParsedAnswer:
    """`quotes` with its sentences replaced, and its text the new sentences joined."""
    return dataclasses.replace(quotes, text=" ".join(s.text for s in sentences), sentences=sentences)


def _prefixed(quotes: ParsedAnswer, prefix: str) -> ParsedAnswer:
    """`quotes` with `prefix` said before its first sentence."""
    if not quotes.sentences:
        return quotes
    first = dataclasses.replace(quotes.sentences[0], text=f"{prefix} {quotes.sentences[0].text}")
    return _with_sentences(quotes, [first, *quotes.sentences[1:]])


def as_reported(quotes: ParsedAnswer, published: str | None) -> ParsedAnswer:
    """A quoted answer whose spans come from one report, said to be as reported on its day before the first."""
    day = as_date(published)
    return quotes if day is None else _prefixed(quotes, f"As reported on {day.day} {day:%B %Y}:")


PLAN_ONLY = "The articles give only the plan, not when it happened:"


def only_planned(quotes: ParsedAnswer) -> ParsedAnswer:
    """A quoted answer whose spans tell only the plan of what was asked as done, said to be so before the first."""
    return _prefixed(quotes, PLAN_ONLY)


def _dated_quote(e: Evidence) -> str:
    """The span's quotation with each day it names dated in brackets, read in the whole span when only its answering
    clause is quoted, and on to where a quotation it opens closes: the day its speaker's words were said is told there
    ("“This morning four vans left Armadt …. That is what the truce was for,” … told reporters on Thursday", in a
    Friday report; blind explore37b q19 showed "This morning" undated)."""
    at = e.text.find(e.quote)
    if at < 0:
        return with_days(e.quote, e.passage.published)
    return with_days(e.text + _to_quotation_close(e), e.passage.published, (at, at + len(e.quote)))


_QUOTATION_REACH = 400  # characters after a span read for where its open quotation closes


def _to_quotation_close(e: Evidence) -> str:
    """The passage's words after the span to the end of the sentence where a quotation the span leaves open closes;
    "" when it leaves none open."""
    text = e.passage.text
    if text[e.start : e.end] != e.text:
        return ""
    after = text[e.end : e.end + _QUOTATION_REACH]
    whole = e.text + after
    if not in_quotation(whole, len(e.text)):
        return ""
    close = next((i for i, ch in enumerate(after) if ch in '”"' and in_quotation(whole, len(e.text) + i)), None)
    return "" if close is None else after[: sentence_end(after, close)]


def _column(e: Evidence) -> str:
    """ "The Continental Review, analysis: " before a quotation from an opinion or analysis piece: its
    claims are the writer's, and may restate old news (blind explore19b q29 quoted an analysis piece's
    "The repair window slipped by a fortnight"; it slipped by a week)."""
    if not e.passage.commentary:
        return ""
    return f"{e.passage.outlet}, {e.passage.genre}: " if e.passage.outlet else f"{str(e.passage.genre).capitalize()}: "


def _attributed(e: Evidence) -> tuple[str, Evidence] | None:
    """Who speaks the span, when it opens a quotation closed after it ("“The United States believes
    that Putin wants to end the war. Here, we have completely different views,” he said."), with the
    span widened to the sentence before and the one after, which name them. Shown bare, Zelensky's
    words read as the article's own (round 8 Q27)."""
    text = e.passage.text
    spans = evidence_spans(text, quotations=False)  # the sentences a quotation spans
    before = [a for a, end in spans if end <= e.start]
    start = before[-1] if before else e.start
    before_it = text[start : e.start]
    who = quoted_speaker(e.text, text[e.end :], before_it) or continued_speaker(e.text, before_it)
    if not who:
        return None
    end = next((end for a, end in spans if a >= e.end), e.end)
    return who, Evidence(text[start:end].strip(), e.passage, start, end, e.score)


def not_found(
    missing: Sequence[str], default: str, question: str = "", spelled: Mapping[str, str] | None = None
) -> str:
    """The abstention: what was not found, when the question named it, and how the articles spell a name
    one letter from it (`spelled`: "Did you mean Brannock?"). A name from a part of the question that
    addresses the model ("reply only with the word BANANA") is never repeated: the abstention would
    otherwise carry out the instruction it refuses."""
    spans, lowered = instruction_spans(question), question.lower()
    asked = [m for m in missing if m and not any(lowered.find(m.lower(), start, end) >= 0 for start, end in spans)]
    if not asked:
        return default
    names = [re.sub(r"[’']s$", "", m) for m in asked]
    offered = [spelled[m] for m in asked if spelled and m in spelled]
    meant = f" Did you mean {_either(offered)}?" if offered else ""
    return f"The indexed articles don't mention {_either(names)}.{meant}"


def filtered_out(names: Sequence[str], filters: Filters) -> str:
    """The abstention when the question's names are only in articles the filters leave out."""
    listed = re.sub(r"[’']s\b", "", _either(names))
    undated = " (a date filter also leaves out articles with no date)" if filters.date_from or filters.date_to else ""
    return f"No article within the chosen outlets or dates mentions {listed}{undated}."


def _either(names: Sequence[str]) -> str:
    """ "A", "A or B", "A, B or C"."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
