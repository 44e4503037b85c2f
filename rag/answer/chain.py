"""The answer chain: a question -> retrieved passages -> selected evidence -> a checked answer.

Evidence first: after retrieval, the sentences that answer the question are selected
(rag/evidence/) and streamed as the first event. Then, by `answer.mode`:
- "evidence": the evidence quoted and cited is the answer; no LLM call;
- "compose": the LLM phrases an answer from the numbered evidence; a sentence is shown only if
  the guard finds it supported by the evidence it cites and answering the question; when none
  survives, the evidence quoted is the answer;
- "generate": the LLM answers from whole passages (the earlier design, kept for comparison).
With no passage on topic, or no evidence that answers, it abstains and says what was missing.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from datetime import date
from typing import Any, Protocol

from langchain_core.language_models import BaseChatModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.runnables import Runnable, RunnableLambda

from rag.answer.cite import ParsedAnswer, parse_answer
from rag.answer.compose import (
    as_reported,
    evidence_block,
    filtered_out,
    not_found,
    only_planned,
    quote_limit,
    quoted_answer,
    quoted_by_day,
    quotes_for,
)
from rag.answer.guard import AnswerGuard, GuardResult
from rag.answer.news import conflicting_sides
from rag.answer.prompts import PromptTemplate
from rag.answer.question import (
    clean_question,
    is_rewrite_of,
    needs_context,
    pronouns,
    strip_label,
    with_subject,
)
from rag.answer.result import AnswerBuilder, capped
from rag.answer.support import negated_words
from rag.errors import ConfigError, LLMError, QuestionError, RagError
from rag.evidence.casing import offered_spellings, restore_case
from rag.evidence.definition import Post, asked_post, names_holder
from rag.evidence.ending import stop_asked, tells_end
from rag.evidence.entities import off_calendar
from rag.evidence.features import names_found
from rag.evidence.lateness import tells_lateness, tells_now_due, told_slipped
from rag.evidence.question import answer_type, content_stems, is_yes_no, question_names
from rag.evidence.removal import asks_removal_why, tells_removal
from rag.evidence.rules import RulesAsked, rules, rules_asked
from rag.evidence.selector import (
    ASKING_POWER,
    asks_done_yet,
    asks_latest_deadline,
    confirms_acting,
    names_deadline_day,
    power_holder,
    revises_figure,
    tells_awaited_done,
    tells_update,
)
from rag.evidence.sides import asks_each_side, cut_short, tells_claim, tells_denial
from rag.evidence.speaker import asked_speaker, asks_who_said, quoted_words, quotes_speaker, said_about
from rag.evidence.working import counted_in_use, tells_in_use
from rag.ingest.chunk import token_counter
from rag.news.conflicts import detect_conflicts
from rag.news.counts import asks_first_day, count_asked, counts_first_day, counts_since, gives_count
from rag.news.course import CourseAsked, course, course_asked
from rag.news.dates import as_date
from rag.news.disputes import Dispute, disputed_topic
from rag.news.order import OrderAsked, event_day, order_asked, tells_event
from rag.news.pair_model import denies, denies_named_report
from rag.news.plans import asks_plan_and_act
from rag.news.recency import asks_return, newest, newest_first, rank_recent, tells_return, wants_latest
from rag.news.text import sentences
from rag.retrieval.base import PassageRetriever
from rag.retrieval.filters import Filters
from rag.retrieval.hybrid import sentence_holding
from rag.settings import AnswerSettings, LLMSettings, RetrievalSettings
from rag.types import Answer, Evidence, EvidenceSet, History, Passage, Token


def format_passage(number: int, passage: Passage) -> str:
    about = passage.about()
    header = f"[{number}] {passage.title}" + (f" ({about})" if about else "")
    body = re.sub(r"\n\s*\n(?:\s*\n)+", "\n\n", passage.text).strip()
    return f"{header}\n{body}"


def resolve_mode(answer: AnswerSettings, llm: LLMSettings, own_model: bool) -> str:
    """`answer.mode` with "auto" decided: quote the evidence with the bundled SmolLM2-135M (its
    sentences pass the support checker while false too often to be shown), compose with any other
    model (`own_model`: a chat model handed to the Assistant)."""
    if answer.mode != "auto":
        return answer.mode
    bundled = llm.provider == "local" and llm.model == "smollm2" and not own_model
    return "evidence" if bundled else "compose"


def unmentioned(missing: Sequence[str], mentioned: frozenset[str] | None) -> list[str]:
    """The missing names no indexed passage mentions, judged by the names' stems: the question may be
    read again as the passages write it ("Zelensky" asked, "Zelenskyy" missing after), and a name the
    index mentions under either spelling is not reported absent. None: the index cannot tell."""
    if mentioned is None:
        return list(missing)
    return [n for n in missing if not names_found([n], " ".join(mentioned))]


# A figure a revision would name: "47", "1,100", "1.8"; not a year.
_NUMBER = re.compile(r"(?<![\d,.])(?!(?:19|20)\d\d\b)(?:\d{1,3}(?:,\d{3})+|\d{2,})(?:\.\d+)?(?!\d|[,.]\d)")


def _figures(text: str, digits: int = 2) -> list[str]:
    """The figures of `text` of at least `digits` digits, a month's day ("May 11", "11 May") aside, in order, each
    with the word after it when that is a lower-case word ("26 minutes", "1,340 people"): searched with, a bare "26"
    finds every passage with a 26 in it, and "not 26 minutes as it first reported" was not among the first found
    for "ambulances took an average of 26 minutes" (explore41d q24)."""
    return [
        m.group(0) + (unit.group(0) if (unit := _UNIT_AFTER.match(text, m.end())) else "")
        for m in off_calendar(_NUMBER.finditer(text), text)
        if len(re.sub(r"\D", "", m.group(0))) >= digits
    ]


_UNIT_AFTER = re.compile(r" [a-z]{3,}\b")


_FIGURES_SEARCHED = 2  # a span's first figures are what it gives; a search each costs a retrieval


class EvidenceSelector(Protocol):
    """Chooses the sentences of the passages that answer the question (rag/evidence/)."""

    def select(self, question: str, passages: list[Passage], max_items: int | None = None) -> EvidenceSet: ...


Event = EvidenceSet | Token | Answer  # what `AnswerChain.stream` yields, in that order
_NEWER = 2  # passages newer than those read that a question on the latest adds
_REMOVAL_SEARCH = "dismissed said"  # searched with a removal asked why: the removal and its remover's words
_SAID_SEARCH = "said"  # searched with a question on who said something
_DENIAL_SEARCH = "said that denied the claim within hours"  # searched with a question on what each side said
_IN_USE_SEARCH = "have now been delivered and are working running in use"  # searched with how many are in use now
_END_SEARCH = "which it had extended twice ended on reopened"  # searched with a question on until when a stop lasted
_DEADLINE_SEARCH = "the new deadline extended for a second time"  # searched with a question on a deadline now
_RETURN_SEARCH = "resumed again after it ended reopened back"  # searched with a question on whether it works again
_FIRST_DAY_SEARCH = "on the first day"  # searched with a question on a count the day something opened
_DONE_SEARCH = "was delivered on handed over"  # searched with a question on whether something awaited is done yet
_DUE_SEARCH = "would now be ready by"  # searched with a question on when something comes whose day slipped
_QUOTING = re.compile(r"['‘\"“][^'’\"”?]+['’\"”]")  # words a question quotes, however few
_LATENESS_SEARCH = "later than planned did not as planned"  # searched with a question on when due and when done
# Searched with "who decides": the words of a sentence saying whom a power rests with, which the question's own words
# ("Who gets the final say on which patients are allowed to leave?") rank low.
_POWER_WORDS = "only can decide approve decision rests belongs"
# Passages of that search read, per passage read for the question: "the decision on each case belongs to the
# commission", a line of a report on the first decisions, ranked 28th for "Who has the final say on whether a man gets
# amnesty?" (explore50c q22 abstained at four per passage, 16).
_POWER_READ = 8
_NEW_HOLDER = "named appointed new head director chief took office"  # words of a report naming a post's holder
_CHASED = 2  # chosen spans a question on the latest searches newer reports of


def _led_by(evidence: EvidenceSet, test: Callable[[Evidence], bool]) -> bool:
    """Whether the evidence answers and its lead passes `test`."""
    return evidence.answerable and bool(evidence.items) and test(evidence.items[0])


class AnswerChain:
    """Owns one question's path to an answer: clean and condense it, retrieve, select evidence,
    compose (or quote), check and build the `Answer`. Calls the retriever, the selector, the LLM
    and the guard it is given; knows nothing of storage or the UI."""

    def __init__(
        self,
        retriever: PassageRetriever,
        selector: EvidenceSelector,
        llm: BaseChatModel,
        answer_prompt: PromptTemplate,
        condense_prompt: PromptTemplate,
        settings: AnswerSettings,
        retrieval: RetrievalSettings,
        encoding: str,
        model_name: str,
        guard: AnswerGuard | None = None,
    ) -> None:
        self.retriever = retriever
        self.selector = selector
        self.llm = llm
        self.answer_prompt = answer_prompt
        self.condense_prompt = condense_prompt
        self.settings = settings
        self.retrieval = retrieval
        self.model_name = model_name
        self.guard = guard
        self.count_tokens = token_counter(encoding)
        self._generate: Runnable = llm | StrOutputParser()
        problem = self.mode_problem(settings.mode)
        if problem:
            raise ConfigError(problem + " (RAG_ANSWER__ANSWER_PROMPT, RAG_ANSWER__MODE).")

    def mode_problem(self, mode: str) -> str | None:
        """Why this chain's prompt cannot serve `mode`, or None."""
        if mode == "auto":
            mode = self.settings.mode
        if mode not in ("evidence", "compose", "generate"):
            return f"Unknown answer mode '{mode}'; use auto, evidence, compose or generate"
        wanted = "passages" if mode == "generate" else "evidence"
        if mode != "evidence" and wanted not in self.answer_prompt.variables:
            return (
                f"Prompt {self.answer_prompt.version} has no '{wanted}' variable, which answer mode '{mode}' "
                "fills. Use compose.v1 for 'compose' or answer.v2 for 'generate'"
            )
        return None

    # -- steps -------------------------------------------------------------------------

    def _llm_error(self, e: Exception) -> LLMError:
        return LLMError(
            f"The language model ({self.model_name}) did not answer: {type(e).__name__}: {str(e).rstrip('.')}. "
            "Check that its server is running and reachable, or switch provider with RAG_LLM__PROVIDER, "
            "or answer from the evidence alone with RAG_ANSWER__MODE=evidence."
        )

    def condense(self, question: str, history: History) -> str:
        """A follow-up rewritten as a standalone question; the question itself when it has no
        history or needs none (it names what it asks about)."""
        turns = [t for t in history if t.get("role") in ("user", "assistant") and t.get("content")]
        if not turns or not needs_context(question):
            return question
        recent = turns[-2 * self.settings.history_turns :]
        transcript = "\n".join(f"{t['role'].capitalize()}: {t['content']}" for t in recent)
        messages = self.condense_prompt.render(history=transcript, question=question)
        try:
            rewritten = self._generate.invoke(messages).strip().splitlines()
        except RagError:
            raise
        except Exception as e:
            raise self._llm_error(e) from e
        standalone = strip_label(rewritten[0]) if rewritten else ""
        # A small model can ramble, answer instead of rewriting, or drop what was asked: then
        # retrieve with the latest question that stood on its own prepended, which keeps the names a
        # follow-up's pronouns refer to. Not the last one as typed: in a longer chat that is itself a
        # follow-up ("When?", "What about Zelensky?"), and the subject was lost from the third turn on
        # (explore11 H3).
        if not is_rewrite_of(standalone, question, transcript):
            anchor = _anchor([t["content"] for t in turns if t["role"] == "user"])
            subjects = _by_pronoun(question, _subjects(anchor), turns)
            standalone = with_subject(question, subjects) or f"{anchor} {question}".strip()
        return standalone

    def select_context(self, passages: list[Passage]) -> tuple[list[Passage], str]:
        """Passages in rank order while they fit the token budget (at least one)."""
        chosen: list[Passage] = []
        blocks: list[str] = []
        used = 0
        for passage in passages:
            block = format_passage(len(chosen) + 1, passage)
            cost = self.count_tokens(block)
            if chosen and used + cost > self.settings.context_tokens:
                break
            chosen.append(passage)
            blocks.append(block)
            used += cost
        return chosen, "\n\n".join(blocks)

    def _llm_tokens(self, messages: list[Any], timings: dict[str, float], started: float) -> Iterator[Token]:
        """Stream the model's output, timing the first token; any failure becomes an `LLMError`."""
        t = time.perf_counter()
        try:
            for piece in self._generate.stream(messages):
                timings.setdefault("first_token_s", time.perf_counter() - started)
                yield Token(piece)
        except RagError:
            raise
        except Exception as e:
            raise self._llm_error(e) from e
        timings["generate_s"] = time.perf_counter() - t

    def _write(self, messages: list[Any], run: AnswerBuilder) -> Iterator[Token]:
        """The model's tokens, passed on as they come, kept whole in `run.raw`."""
        pieces: list[str] = []
        for token in self._llm_tokens(messages, run.timings, run.started):
            pieces.append(token.text)
            yield token
        run.raw = "".join(pieces)

    # -- the whole chain -----------------------------------------------------------------

    def stream(
        self,
        question: str,
        history: History = (),
        k: int | None = None,
        filters: Filters | None = None,
        mode: str | None = None,
    ) -> Iterator[Event]:
        """Yields the selected `EvidenceSet` first (not in "generate" mode), then `Token`s as the
        model writes (in "compose" and "generate" mode), then the final `Answer`. `mode`
        overrides `answer.mode` for this question."""
        mode = self.settings.mode if mode in (None, "auto") else mode
        problem = self.mode_problem(mode)
        if problem:
            raise QuestionError(problem + ".")
        run = AnswerBuilder(self, clean_question(question, self.settings.max_question_chars), mode)
        run.standalone = self.condense(run.question, history)
        run.lap("condense_s")
        dispute = disputed_topic(run.standalone) if mode != "generate" else None
        query = dispute.query if dispute else run.standalone
        k = k or self.retrieval.k
        # A disagreement needs both sides among the passages read: read as many as the spans compared.
        found = self.retriever.search(query, max(k, self.settings.dispute_items) if dispute else k, filters)
        # A question typed all in lower case with typos ("aeroflot sanctons") is read as the passages
        # write it and searched again: the passages' scores, which decide whether it is answered, are
        # then those of the question meant (hand-read round 9 Q22).
        fixed = restore_case(query, (p.text for p in found)) if dispute is None else query
        if fixed != query:
            query = run.standalone = fixed
            found = self.retriever.search(query, k, filters)
        run.lap("retrieve_s")
        # A short question matches no passage well as a whole: "Who is the mediator?" scored 0.21 against
        # the one saying "the two governments agreed to accept Corin Albasque … as mediator" (explore17 q12).
        # A passage found with a sentence holding all its key words is read too, however it scored.
        short = mode != "generate" and not question_names(query)
        terms = content_stems(query) if short else []
        # Of four key words or more, one may be worded otherwise: "How many observation posts have the monitors
        # opened?" beside "the mission had opened 15 observation posts along the line" (0.23; blind explore27 q15).
        spare = 1 if len(terms) >= 4 else 0
        relevant = [
            p for p in found if p.score >= self.retrieval.min_relevance or (short and sentence_holding(terms, p, spare))
        ]
        # "Who said '…'?": the passages quoting those words are read, however they scored.
        quoted = quoted_words(query) if mode != "generate" else None
        if quoted:
            read = {p.chunk_id for p in relevant}
            relevant = relevant + [p for p in self.retriever.quoting(quoted, query, filters) if p.chunk_id not in read]
        if not relevant and mode != "generate":
            # "Who is Scott Bessent?" matches no passage as a whole: the passages naming what it
            # names (or, naming no one, holding all its key words) are read instead, and evidence
            # selection decides whether they answer it.
            names = question_names(query)
            if names:
                relevant = list(self.retriever.naming(query, names, filters).passages)
            else:
                relevant = self.retriever.holding(query, filters)
        if not relevant:  # nothing on topic: abstain without spending an LLM call
            # No passage at all within the filters is not "the articles don't say" (explore10 M4).
            empty = filters is not None and filters.active and not found
            yield run.abstain(found, "No indexed article is within the chosen outlets or dates." if empty else None)
            return
        if wants_latest(run.standalone):  # "latest", "now", "so far": newer relevant articles first
            relevant = rank_recent(relevant + self._newer_holding(query, relevant, filters))
        if mode == "generate":
            yield from self._generate_freely(run, relevant)
            return
        relevant = relevant + self._power_holders(query, relevant, filters)
        if dispute is not None:
            yield from self._dispute(run, relevant, dispute)
            return
        order = order_asked(run.standalone)
        if order is not None:
            ordered = yield from self._order(run, order, k, filters)
            if ordered:
                return
        asked = course_asked(run.standalone)
        if asked is not None:
            followed = yield from self._course(run, asked, relevant, k, filters)
            if followed:
                return
        ruled = rules_asked(run.standalone)
        if ruled is not None:
            told = yield from self._rules(run, ruled, relevant, k, filters)
            if told:
                return
        evidence = self.selector.select(run.standalone, relevant)
        if evidence.answerable and evidence.items and wants_latest(run.standalone):
            relevant, evidence = self._with_later_reports(run.standalone, query, evidence, relevant, filters)
        if evidence.answerable and evidence.items and evidence.items[0].passage.commentary:
            relevant, evidence = self._with_reports_on_column(run.standalone, query, evidence, relevant, filters)
        elif evidence.answerable and evidence.items and answer_type(run.standalone) == "number":
            relevant, evidence = self._with_revision(run.standalone, query, evidence, relevant, filters)
        elif evidence.answerable and evidence.items and is_yes_no(run.standalone):
            relevant, evidence = self._with_denial_elsewhere(query, evidence, relevant, filters)
        relevant, evidence = self._with_reports_for_shape(run.standalone, evidence, relevant, filters)
        absent: Sequence[str] = evidence.missing
        left_out: list[str] = []
        look_for = (
            (evidence.missing or self._speaker_elsewhere(run.standalone) or self._holder_elsewhere(run.standalone))
            if not evidence.answerable
            else []
        )
        if look_for:
            # The question names what its evidence lacks, or a speaker whose words read were on other
            # things: look for passages that name them.
            named = self.retriever.naming(run.standalone, look_for, filters, {p.chunk_id for p in relevant})
            if named.passages:
                relevant = relevant + named.passages
                evidence = self.selector.select(run.standalone, relevant)
            # "don't mention X" only for what no indexed passage mentions.
            absent = unmentioned(evidence.missing, named.mentioned)
            # Named somewhere in the index, but in no passage the filters let through.
            read = names_found(evidence.missing, " ".join(f"{p.text} {p.title} {p.outlet or ''}" for p in relevant))
            left_out = [n for n in evidence.missing if n not in absent and n not in read]
        run.evidence = evidence
        run.lap("evidence_s")
        run.timings["first_event_s"] = time.perf_counter() - run.started
        yield evidence
        if not evidence.answerable or not evidence.items:
            spelled = offered_spellings(absent, (p.text for p in relevant))
            message = not_found(absent, self._abstain_phrase, run.standalone, spelled)
            if filters is not None and filters.active and left_out and not absent:
                message = filtered_out(left_out, filters)
            yield run.abstain(relevant, message)
            return
        quotes = quoted_answer(
            quotes_for(run.standalone, evidence.items, self.settings.max_quotes, self.settings.quote_share)
        )
        if evidence.plan_only:
            # Extractive in every mode: a model given "will visit Tollerby next Tuesday" dates the visit by it.
            yield run.finish(only_planned(quotes), relevant)
            return
        if mode == "evidence":
            yield run.finish(quotes, relevant)
            return
        yield from self._compose(run, relevant, quotes)

    @staticmethod
    def _speaker_elsewhere(question: str) -> list[str]:
        """The speaker of "What did Tomas Reiner say about the tentative deal?", whose words in the
        passages read were on other things: other passages naming him may hold them ("This is not
        everything we asked for …", said Tomas Reiner, closing a report on the deal; explore15 q23)."""
        speaker = asked_speaker(question)
        return [speaker] if speaker and said_about(question) else []

    @staticmethod
    def _holder_elsewhere(question: str) -> list[str]:
        """The body of "Who chairs the Competition Authority?", when no passage read names its holder: the
        holder is often named once, in a report on something else ("… said Ines Falk, chair of the
        Competition Authority", in an article on the bid; explore16b q04)."""
        post = asked_post(question)
        return [post.body] if post else []

    def _newer_holding(self, query: str, read: list[Passage], filters: Filters | None) -> list[Passage]:
        """For a question on the latest: the two newest passages, newer than any of `read`, with a sentence
        holding all its key words but one. The newest report is often one sentence of an article about
        much else ("put the total cost of the strike at 520 million euros", closing a report on the
        deal), a chunk no search for the question ranks (explore15 q12)."""
        # Sixteen BM25 passages, not eight: the newest report is often not among the best matches ("kestovia
        # loan size now?" read the 15 May summit report, which approved 150 billion ducats, only from the
        # tenth on, and led with a 15 April estimate; blind explore22 q01).
        found = self.retriever.holding(query, filters, spare=1, limit=8 * _NEWER)
        # "whos in charge of the migraton agency now?": the newest passage naming a holder of the post, which a search
        # for the question's words ranks under those on the resigning director (explore31d q06: "The government
        # yesterday named Oskar Venngren … as director-general of the migration agency" was not read). One of the
        # newest day read counts too: "named Nils Ormerod … as the new director of the NCSA" came out the day the
        # acting director was quoted (explore31b q06).
        post = asked_post(query)
        holders: list[Passage] = []
        naming: list[Passage] = []
        if post is not None:
            holders = [
                p for p in self.retriever.search(f"{post.body} {_NEW_HOLDER}", 4 * _NEWER, filters) if _names(post, p)
            ]
            # Newer than the reports read that name a holder, not than every report read: "Sabine Quillet, who took up
            # her post as director of the Winter Homes programme on Monday" (3 November) went unread beside reports of
            # 5 and 11 November on the homes, and the acting director of 21 October answered (explore36c q06).
            naming = [p for p in read if _names(post, p)]
        counted = count_asked(query)
        if counted is not None:
            # "What's the latest death toll?": "… and 13 deaths had been recorded as of Sunday" never says
            # "toll", so no sentence holds the key words; a passage found with a sentence giving the count
            # is read too (explore17b q09).
            found += [
                p
                for p in self.retriever.search(query, 4 * _NEWER, filters)
                if any(gives_count(counted, p.text[s:e]) for s, e in sentences(p.text))
            ]
        return _unread_newer(found, read) + _unread_newer(holders, naming, same_day=True)[:1]

    def _power_holders(self, query: str, relevant: list[Passage], filters: Filters | None) -> list[Passage]:
        """For "who decides" (`power_holder`), the best passage of a search with words of a power, none read, with a
        sentence naming the one the power rests with: "only the Truce Coordination Commission in Port Averne can
        approve a list" ranked under four passages on the lists for "Who gets the final say on which patients are
        allowed to leave Dalvany?" (explore35 q22)."""
        doing = power_holder(query)
        if doing is None:
            return []
        read = {p.chunk_id for p in relevant}
        asked = set(content_stems(query)) - ASKING_POWER
        # The best ranked whose sentence shares a word of the question, if any does: not "Only the minister can move
        # it" (a deadline) for who has the final say on whether a man gets amnesty (explore50c q22).
        first: Passage | None = None
        for p in self.retriever.search(f"{query} {_POWER_WORDS}", _POWER_READ * len(relevant), filters):
            if p.chunk_id in read:
                continue
            holding = [p.text[s:e] for s, e in sentences(p.text) if doing.search(p.text[s:e])]
            if any(asked & set(content_stems(text)) for text in holding):
                return [p]
            if holding and first is None:
                first = p
        return [first] if first is not None else []

    def _with_later_reports(
        self, question: str, query: str, evidence: EvidenceSet, relevant: list[Passage], filters: Filters | None
    ) -> tuple[list[Passage], EvidenceSet]:
        """For a question on the latest: the passages read and the evidence chosen from them with the newer reports
        a search with the chosen spans finds, when one of those leads telling something new of a chosen span (a
        change, a denial, a return: `tells_update`); else `relevant` and `evidence` as they were."""
        later = self._later_reports(query, evidence.items, relevant, filters)
        if not later:
            return relevant, evidence
        read = rank_recent(relevant + later)
        chased = self.selector.select(question, read)
        lead = chased.items[0] if chased.items else None
        # Not a newer report that leads for the words of its title: "The extended halt will now run until midnight
        # on April 16, Marivelle's foreign minister … announced" (under "Ardessa and Tolvany agree … extension of
        # energy moratorium") led "Who is running Ardessa's energy ministry at the moment?" (blind explore21b q17).
        if (
            lead is None
            or lead.passage.chunk_id not in {p.chunk_id for p in later}
            or not tells_update(question, lead, evidence.items)
        ):
            return relevant, evidence
        # Answerable as first found: the passages read were judged to answer, and a newer report of what they say
        # takes nothing from that (the spans' scores, relative to all read, fall when more is read).
        return read, dataclasses.replace(chased, answerable=True)

    def _with_reports_on_column(
        self, question: str, query: str, evidence: EvidenceSet, relevant: list[Passage], filters: Filters | None
    ) -> tuple[list[Passage], EvidenceSet]:
        """The passages read and the evidence chosen from them with the reports a search with the leading column span
        finds, when one of those contradicts it and leads (`_report_against`); else `relevant` and `evidence` as they
        were. A column restates loosely and late, and a search for the question need not find the report it misstates:
        "Has Morvany started its counterattack yet?" read two passages of a 5 September analysis ("has yet to launch
        the counter-offensive") and none of the 2 September report of its launch (blind explore26c q30)."""
        lead = evidence.items[0]
        # The figures the lead gives are searched with as well: a report revising one names it, and the lead's other
        # words can drown it ("Kovrin Ford was the first crossing point … On the first day 1,100 people crossed" never
        # found "It said 1,340 people crossed on Monday, not about 1,100 as it announced"; explore33 q03).
        found = self._reports_of(
            [lead.text, *_figures(lead.text, digits=3)[:_FIGURES_SEARCHED]], query, relevant, filters
        )
        if not found:
            return relevant, evidence
        widened = relevant + found
        chosen = self.selector.select(question, widened)
        added = {p.chunk_id for p in found}
        # Asked who said it, a report now leading tells who did where the column retold it: "Ministry spokeswoman Liane
        # Morvik denied it on Thursday. “The trains go back empty …”" before an analysis's "Rutger Kelso, the social
        # policy minister, insisted that the trains go back empty" (blind explore48c q09).
        if (
            chosen.items
            and chosen.items[0].passage.chunk_id in added
            and (
                any(e.disputes and e.text == lead.text for e in chosen.items)
                or asks_who_said(question)
                # … and asked who holds a post now, a report confirming one the column calls acting (blind explore51d
                # q05: "Her deputy, Mira Santell, has run the service on an acting basis since").
                or (wants_latest(question) and confirms_acting(chosen.items[0], lead))
            )
        ):
            return widened, dataclasses.replace(chosen, answerable=True)
        return relevant, evidence

    def _with_reports_for_shape(
        self, question: str, evidence: EvidenceSet, relevant: list[Passage], filters: Filters | None
    ) -> tuple[list[Passage], EvidenceSet]:
        """The passages read and the evidence, widened by a search for the reports that answer a question of a known
        shape, whose answer is often a line of a report on something else that the question's words rank low: why
        someone was removed, who said it, when due and when done, what each side said, how many are in use, until when
        a stop lasted, a deadline now."""
        if asks_removal_why(question) and not _led_by(evidence, lambda lead: tells_removal(lead.text)):
            relevant, evidence = self._with_reports_telling(
                question, _REMOVAL_SEARCH, tells_removal, evidence, relevant, filters
            )
        elif asks_removal_why(question) and _led_by(evidence, lambda lead: lead.passage.commentary):
            # … and a column's telling gives way to a report's: "He was removed as chief inspector for saying out loud,
            # on the radio, what every nurse in Dolvana could smell" (an opinion; blind explore50b q11).
            relevant, evidence = self._with_reports_telling(
                question, _REMOVAL_SEARCH, tells_removal, evidence, relevant, filters, by_report=True
            )
        elif not evidence.answerable and asks_who_said(question) and not _QUOTING.search(question):
            # "Who said having a tap that only works for a couple of weeks is worse than having none?": the quotation,
            # in other words than the question's, is often a line of a report on something else (explore45 q30). Words
            # the question quotes are searched for as a quotation, or are too few to be one.
            relevant, evidence = self._with_reports_telling(
                question, _SAID_SEARCH, quotes_speaker, evidence, relevant, filters
            )
        elif asks_plan_and_act(question):
            # … and the first plan is told in another report than the delay: searched for even when one leads.
            relevant, evidence = self._with_reports_telling(
                question, _LATENESS_SEARCH, tells_lateness, evidence, relevant, filters
            )
        if not evidence.answerable and asks_each_side(question):
            # "What did each side blame for the prisoner swap … not going ahead?": the claim and its denial are told in
            # a report on the day, which the question's words rank low (blind explore46 q01 abstained).
            relevant, evidence = self._with_reports_telling(
                question, _DENIAL_SEARCH, tells_claim, evidence, relevant, filters
            )
        if asks_each_side(question):
            relevant, evidence = self._with_account(question, evidence, relevant)
        if counted_in_use(question):
            # "How many of the mobile boilers are actually working now?": the newest count is often a line of a report
            # on something else (explore45d q31 answered with a count two reports old). Taken only when it changes the
            # lead: the older counts a search brings beside the newest are noise (explore45b q03).
            widened, counted = self._with_reports_telling(
                question, _IN_USE_SEARCH, tells_in_use, evidence, relevant, filters
            )
            if not (evidence.items and counted.items and counted.items[0].text == evidence.items[0].text):
                relevant, evidence = widened, counted
        if stop_asked(question) and not _led_by(evidence, lambda lead: tells_end(lead.text)):
            # "Until what date was the bridge closed after the lorry accident?": the report telling the closure ended
            # is one on the reopening, which the question's words rank low (explore39c, blind explore46c q21).
            relevant, evidence = self._with_reports_telling(
                question, _END_SEARCH, tells_end, evidence, relevant, filters
            )
        if asks_return(question) and not _led_by(
            evidence, lambda lead: tells_return(lead.text) and not lead.passage.commentary
        ):
            # "Is work on the cathedral still stoped because of the strike?": the return is often told in a later report
            # on something else, which the question's words rank low (blind explore50d q13 answered "has stopped the
            # work", a week stale).
            relevant, evidence = self._with_reports_telling(
                question, _RETURN_SEARCH, tells_return, evidence, relevant, filters, newer=True
            )
        if asks_done_yet(question) and not _led_by(evidence, lambda lead: tells_awaited_done(question, lead.text)):
            # "has the weapons withdrawl report been handed in yet": the delivery is often told in a later report on
            # what the report found, which the question's words rank low (blind explore51b q13 answered "was due
            # today", a month stale).
            relevant, evidence = self._with_reports_telling(
                question,
                _DONE_SEARCH,
                lambda text: tells_awaited_done(question, text),
                evidence,
                relevant,
                filters,
                newer=True,
            )
        if asks_first_day(question) and _led_by(evidence, lambda lead: counts_since(lead.text)):
            # "How many men crossed back into Korvany on the day the amnesty opened?": the first day's count is often
            # told beside a later total in a report the question's words rank low (blind explore50c q03 gave the count
            # since).
            relevant, evidence = self._with_reports_telling(
                question, _FIRST_DAY_SEARCH, counts_first_day, evidence, relevant, filters
            )
        if answer_type(question) == "date" and _led_by(evidence, lambda lead: told_slipped(lead.text)):
            # "brickworks water when?": the day it is now due is often told in a later report on something else, which
            # the question's words rank low (blind explore50 q16 gave the slipped day, a fortnight stale).
            relevant, evidence = self._with_reports_telling(
                question, _DUE_SEARCH, tells_now_due, evidence, relevant, filters
            )
        if asks_latest_deadline(question) and not _led_by(evidence, lambda lead: not lead.passage.commentary):
            # "What was the final deadline for handing in names for the second swap?": the report naming the day as
            # the new deadline is often one on what was done that day, which the question's words rank low (blind
            # explore46 q21 abstained beside a column's "has extended its deadline twice").
            relevant, evidence = self._with_reports_telling(
                question, _DEADLINE_SEARCH, names_deadline_day, evidence, relevant, filters
            )
        return relevant, evidence

    def _with_reports_telling(
        self,
        question: str,
        words: str,
        telling: Callable[[str], bool],
        evidence: EvidenceSet,
        relevant: list[Passage],
        filters: Filters | None,
        by_report: bool = False,
        newer: bool = False,
    ) -> tuple[list[Passage], EvidenceSet]:
        """The passages read and the evidence chosen from them with the reports a search with the question and `words`
        finds, when a span `telling` what is asked leads those (with `by_report`, a report's; with `newer`, one told
        after the lead it replaces); else `relevant` and `evidence` as they were. What
        answers is often told in a report on something else that no search for the question ranks: "Why was the
        director of Dravetz Heat Networks fired?" read the chunk of the report on the shelling after the one telling
        "… after Mayor Oksana Veliar dismissed its director, Bohdan Yaroshen. Veliar said the utility had kept the night
        shift working …" (blind explore45d q11)."""
        found = self._reports_of([f"{question} {words}"], question, relevant, filters)
        if not found:
            return relevant, evidence
        widened = relevant + found
        chosen = self.selector.select(question, widened)
        lead = chosen.items[0] if chosen.items else None
        if not (chosen.answerable and lead is not None and telling(lead.text)):
            return relevant, evidence
        if by_report and lead.passage.commentary:
            return relevant, evidence
        # "are bin lorries colecting in the eastern districts again": not "The Sutter Lane workshop has repaired 14 of
        # the old lorries" (17 September) over "… after its lorries returned to the besieged city's eastern districts"
        # (7 October; explore42c q13).
        if newer and evidence.items and (lead.passage.published or "") <= (evidence.items[0].passage.published or ""):
            return relevant, evidence
        return widened, chosen

    def _with_account(
        self, question: str, evidence: EvidenceSet, relevant: list[Passage]
    ) -> tuple[list[Passage], EvidenceSet]:
        """The passages read and the evidence chosen from them with the chunk that goes on after a chosen denial cut
        off at its chunk's end, so the denier's account is told: "Kolvatia's River Office denied it within hours."
        closed the chunk read, and the spokesman's words came in the next (blind explore47d q01). Else as they were."""
        cut = next((e for e in evidence.items if tells_denial(e.text) and cut_short(e.passage.text, e.end)), None)
        if cut is None:
            return relevant, evidence
        read = {p.chunk_id for p in relevant}
        going_on = [p for p in self.retriever.going_on(cut.passage, question) if p.chunk_id not in read]
        if not going_on:
            return relevant, evidence
        widened = relevant + going_on
        chosen = self.selector.select(question, widened)
        return (widened, chosen) if chosen.answerable else (relevant, evidence)

    def _reports_of(
        self, searched: list[str], query: str, relevant: list[Passage], filters: Filters | None
    ) -> list[Passage]:
        """The reports (no columns) a search with each of `searched` finds that `relevant` lacks, each once."""
        read = {p.chunk_id for p in relevant}
        found = {
            p.chunk_id: p
            for text in dict.fromkeys(searched)
            for p in self.retriever.reporting(text, query, filters, limit=4 * _NEWER)
            if not p.commentary and p.chunk_id not in read
        }
        return list(found.values())

    def _with_revision(
        self, question: str, query: str, evidence: EvidenceSet, relevant: list[Passage], filters: Filters | None
    ) -> tuple[list[Passage], EvidenceSet]:
        """Asked for a figure, the passages read and the evidence chosen from them with the reports a search with the
        leading span's figures finds, when one of those revises that figure and leads it (the selector puts a report
        naming the figure as the old one first); else `relevant` and `evidence` as they were. A revision is often a
        paragraph of a report on something else: "How many phone masts in Tormeny were wrecked in the fighting?" read
        Halvtel's first estimate, 47 of 64, and never "a survey … found that 52 of the district's 64 masts had been
        destroyed or damaged, not 47 as first estimated" (explore33c q03)."""
        lead = evidence.items[0]
        # A small figure in words ("Three members of the crew were injured") is searched for with the lead's words.
        found = self._reports_of(_figures(lead.text)[:_FIGURES_SEARCHED] or [lead.text], query, relevant, filters)
        if not found:
            return relevant, evidence
        widened = relevant + found
        chosen = self.selector.select(question, widened)
        added = {p.chunk_id for p in found}
        new = chosen.items[0] if chosen.items else None
        if new is not None and new.passage.chunk_id in added and revises_figure(lead.text, new.text):
            return widened, dataclasses.replace(chosen, answerable=True)
        return relevant, evidence

    def _with_denial_elsewhere(
        self, query: str, evidence: EvidenceSet, relevant: list[Passage], filters: Filters | None
    ) -> tuple[list[Passage], EvidenceSet]:
        """Asked yes or no, the passages read and the evidence with the sentence of another report denying the leading
        span quoted beside it, when a search with that span finds one; else `relevant` and `evidence` as they were.
        A denial rarely repeats the question's words: "did two of the diesel genrators really fail?" was answered by
        the Northgate Post's "two of the eight diesel generators … broke down on Saturday" alone, and never read
        "Valdrenia's energy ministry on Thursday denied a report in the Northgate Post that two of the plant's diesel
        generators had broken down" (blind explore27d q14)."""
        lead = evidence.items[0]
        # A lead that itself denies or negates ("Tosca says the Skarnholm rammed the trawler; Halvern says no collision
        # took place") tells the other side already (explore17 q08).
        if denies(lead.text) or negated_words(lead.text) or any(e.disputes for e in evidence.items):
            return relevant, evidence
        read = {p.chunk_id for p in relevant}
        for p in self.retriever.reporting(lead.text, query, filters, limit=4 * _NEWER):
            if p.commentary or p.chunk_id in read or p.article_id == lead.passage.article_id:
                continue
            for start, end in sentences(p.text):
                denial = Evidence(p.text[start:end], p, start, end, 0.0, disputes=True)
                if denies(denial.text) and _denies_lead(lead, denial):
                    items = [dataclasses.replace(lead, disputes=True), denial, *evidence.items[1:]]
                    return [*relevant, p], dataclasses.replace(evidence, items=items)
        return relevant, evidence

    def _later_reports(
        self, query: str, items: Sequence[Evidence], read: list[Passage], filters: Filters | None
    ) -> list[Passage]:
        """For a question on the latest: the newest passages, newer than any of `read`, that a search with one of
        the first chosen spans finds. A newer report of a figure is worded like the older report, not like the
        question: "VGTO said 33.8 million cubic metres crossed the country on Monday" (23 November) never says
        "Varenia" or "moving", and "What's the volume of gas moving through Varenia at the moment?" was answered
        with the 4 November report's 37.1 million (blind explore22c q02)."""
        # Every newer report found, not the two newest chunks: "Until when were people in Krenvald told to stay
        # indoors?" read two chunks of a 24 September report, not the 19 September report of the second extension
        # (explore41 q21).
        found = [
            p
            for e in items[:_CHASED]
            for p in self.retriever.reporting(e.text, query, filters, limit=4 * _NEWER)
            if not p.commentary
        ]
        return _unread_newer(found, read, most=None)

    def _dispute(self, run: AnswerBuilder, relevant: list[Passage], dispute: Dispute) -> Iterator[Event]:
        """ "Do the sources disagree about X?": the evidence on X, compared span with span; the answer
        is both sides of each disagreement found, quoted and cited, with the note that says who says
        what. Extractive in every mode: the sides and the note come from the conflict check, not the LLM."""
        evidence = self.selector.select(dispute.query, relevant, max_items=self.settings.dispute_items)
        sides = conflicting_sides(evidence.items)
        run.timings["first_event_s"] = time.perf_counter() - run.started
        if not sides:
            run.evidence = evidence
            run.lap("evidence_s")
            yield evidence
            yield run.abstain(relevant, f"No disagreement about {dispute.about} was found in the passages read.")
            return
        run.evidence = EvidenceSet(run.standalone, sides, True, [], evidence.best_score)
        run.lap("evidence_s")
        yield run.evidence
        yield run.finish(quoted_answer(sides), relevant)

    def _order(
        self, run: AnswerBuilder, order: OrderAsked, k: int, filters: Filters | None
    ) -> Generator[Event, None, bool]:
        """ "Which came first, A or B?": each event's evidence, selected as for "When did A happen?" and
        dated by its own words, quoted in the order of those days, each after its day (rag/news/order.py).
        Extractive in every mode, as a dispute is. False, with nothing yielded, when an event's evidence
        gives it no day, or two events share one span: the question is then answered as any other."""
        dated: list[tuple[date, Evidence]] = []
        read: list[Passage] = []
        for event in order.events:
            found = [p for p in self.retriever.search(event, k, filters) if p.score >= self.retrieval.min_relevance]
            evidence = self.selector.select(f"When did {event} happen?", found)
            day = next(
                (
                    (d, e)
                    for e in evidence.items
                    if tells_event(event, e.text) and (d := event_day(event, e.text, e.passage.published))
                ),
                None,
            )
            # A span that tells the event and dates it answers "when" for the order, though the answer model,
            # fitted on plain questions, scores "When did the new director being named happen?" low (blind
            # explore21 q22).
            if day is None or any(_same_span(day[1], e) for _, e in dated):
                return False
            dated.append(day)
            read += [p for p in found if all(p.chunk_id != r.chunk_id for r in read)]
        dated.sort(key=lambda de: de[0])
        yield _evidence_shown(run, [e for _, e in dated])
        yield run.finish(quoted_by_day(dated), read)
        return True

    def _course(
        self, run: AnswerBuilder, asked: CourseAsked, relevant: list[Passage], k: int, filters: Filters | None
    ) -> Generator[Event, None, bool]:
        """ "How has the number of vouchers handed out changed?": the count's figures, each quoted after the day it
        stood on, in the order of those days (rag/news/course.py), read in the passages found for the question and
        for the count. Extractive in every mode, as an order is. False, with nothing yielded, when fewer than two
        values of the count are found: the question is then answered as any other."""
        read = {p.chunk_id for p in relevant}
        # Each report gives the count once, often in a passage on much else: read widely.
        found = [p for p in self.retriever.search(asked.question, 6 * k, filters) if p.chunk_id not in read]
        series = course(asked, relevant + found)
        if not series:
            return False
        dated = [(f.day, _span_evidence(f.passage, f.start, f.end)) for f in series]
        yield _evidence_shown(run, [e for _, e in dated])
        answer = run.finish(quoted_by_day(dated), relevant + found)
        # The course tells each change itself: a note of one would repeat two of its figures, or pair the applications
        # told beside them ("received 11,300 applications for vouchers and issued 3,900 vouchers"; explore38b q05).
        # Nor do two of its days' figures disagree: "180 monitors had been deployed" (6 April) and "342 monitors
        # deployed" (12 May) were noted as two sources' (explore23 q04). A note on one day's figures stays.
        days = {n: day for n, (day, _) in enumerate(dated, 1)}
        answer.conflicts = [
            c for c in answer.conflicts if c.kind != "change" and days.get(c.numbers[0]) == days.get(c.numbers[1])
        ]
        yield answer
        return True

    def _rules(
        self, run: AnswerBuilder, asked: RulesAsked, relevant: list[Passage], k: int, filters: Filters | None
    ) -> Generator[Event, None, bool]:
        """ "What are the rules for reporters holding a press card?": the sentences of one report laying them down, in
        its order, quoted after the day it was published (rag/evidence/rules.py), read in the passages found for the
        question. Extractive in every mode: each rule is the report's own words. False, with nothing yielded, when no
        report tells two: the question is then answered as any other."""
        read = {p.chunk_id for p in relevant}
        # The report laying the rules down often matches the question less well than a piece naming "the rules": it is
        # searched for by its words too.
        found = list(
            {
                p.chunk_id: p
                for query in (asked.question, asked.search)
                for p in self.retriever.search(query, 6 * k, filters)
                if p.chunk_id not in read
            }.values()
        )  # each chunk once: the two searches overlap, and the answer lists what it read
        told = rules(asked, relevant + found)
        if not told:
            return False
        items = [_span_evidence(r.passage, r.start, r.end) for r in told]
        yield _evidence_shown(run, items)
        yield run.finish(as_reported(quoted_answer(items), told[0].passage.published), relevant + found)
        return True

    @property
    def _abstain_phrase(self) -> str:
        return self.answer_prompt.abstain or "The indexed articles don't say."

    def _compose(self, run: AnswerBuilder, relevant: list[Passage], quotes: ParsedAnswer) -> Iterator[Event]:
        items = run.evidence.items if run.evidence else []
        messages = self.answer_prompt.render(evidence=evidence_block(items), question=run.standalone)
        yield from self._write(messages, run)
        parsed = parse_answer(run.raw, [e.passage for e in items], self._abstain_phrase, evidence=items)
        if parsed.abstained:  # the selector found evidence; the model did not see it: quote it
            yield run.finish(quotes, relevant, fallback="quotes")
            return
        if self.guard is None:
            yield run.finish(parsed, relevant)
            return
        t = time.perf_counter()
        checked = self.guard.check_composed(parsed, run.standalone, items)
        run.timings["guard_s"] = time.perf_counter() - t
        if checked.empty:
            checked = GuardResult(quotes, checked.unsupported, checked.faithfulness, "quotes")
        else:
            checked = capped(checked, quote_limit(run.standalone, self.settings.max_sentences))
        yield run.finish(checked.parsed, relevant, checked)

    def _generate_freely(self, run: AnswerBuilder, relevant: list[Passage]) -> Iterator[Event]:
        passages, context = self.select_context(relevant)
        messages = self.answer_prompt.render(passages=context, question=run.standalone)
        yield from self._write(messages, run)
        parsed = parse_answer(run.raw, passages, self._abstain_phrase)
        checked = None
        if self.guard is not None:
            t = time.perf_counter()
            checked = self.guard(parsed, run.standalone, passages)
            run.timings["guard_s"] = time.perf_counter() - t
        yield run.finish(checked.parsed if checked else parsed, passages, checked)

    def ask(
        self,
        question: str,
        history: History = (),
        k: int | None = None,
        filters: Filters | None = None,
        mode: str | None = None,
    ) -> Answer:
        for event in self.stream(question, history, k, filters, mode):
            if isinstance(event, Answer):
                return event
        raise LLMError("The answer chain ended without an answer.")  # unreachable by design

    def as_runnable(self) -> Runnable:
        """The chain as a LangChain Runnable: {"question", "history"?} -> Answer."""
        return RunnableLambda(lambda x: self.ask(x["question"], x.get("history", ())))


def _subjects(question: str) -> list[str]:
    """The names a follow-up's "he" or "she" may stand for: those of the question before, but not the
    place or thing a "Who did …?" question names ("Who visited Kallio?": "he" is whoever did; explore13)."""
    if re.match(r"\s*who\b(?!\s+(?:is|was|are|were)\b)", question, re.IGNORECASE):
        return []
    return question_names(question)


def _same_span(a: Evidence, b: Evidence) -> bool:
    return a.passage.chunk_id == b.passage.chunk_id and a.start == b.start


def _answers(turns: History) -> list[tuple[str, str]]:
    """(question, the answer that followed it) for each user turn, in order."""
    pairs = []
    for i, t in enumerate(turns):
        if t["role"] == "user":
            after = turns[i + 1] if i + 1 < len(turns) and turns[i + 1]["role"] == "assistant" else None
            pairs.append((t["content"], after["content"] if after else ""))
    return pairs


def _by_pronoun(question: str, subjects: list[str], turns: History) -> list[str]:
    """The one person a follow-up's "he" stands for: `subjects`, unless the answers that named that
    person call them "she" (or the other way round) and never "he"; then the latest person asked about
    whose answer does not. "What did he say about a reconstruction fund?" after a question on Marisela
    Quintanilla, answered "She asked for federal aid", is about the man asked of before her (explore13
    M1). An answer with no pronoun decides nothing."""
    wanted = pronouns(question)
    if len(subjects) != 1 or len(wanted) != 1:
        return subjects

    def called_otherwise(said: set[str]) -> bool:
        return bool(said) and wanted.isdisjoint(said)

    answers = _answers(turns)
    if not called_otherwise({g for asked, answered in answers if subjects[0] in asked for g in pronouns(answered)}):
        return subjects
    for asked, answered in reversed(answers):
        names = _subjects(asked)
        if len(names) == 1 and not called_otherwise(pronouns(answered)):
            return names
    return subjects


def _anchor(asked: list[str]) -> str:
    """The latest of the earlier questions that stands on its own, as typed or with its "he" or "she"
    replaced the same way ("What did he say about rates?" after "Who is Tobias Hallendorf?"), so that a
    "When?" after it asks about it, not about the chat's first question (explore13 M3)."""
    anchor = asked[0] if asked else ""
    for q in asked:
        if not needs_context(q):
            anchor = q
        elif resolved := with_subject(q, _subjects(anchor)):
            anchor = resolved
    return anchor


def _denies_lead(lead: Evidence, denial: Evidence) -> bool:
    """Whether `denial` denies what `lead` tells, in words of its own: the report it names by its source ("denied a
    report in the Northgate Post that …" of the Post's own sentence), or a disagreement the conflict check finds
    between the two. A denial sharing fewer than two key words with the lead ("The report is untrue.") denies what
    its own article told beside it, which may be anything."""
    if len(set(content_stems(lead.text)) & set(content_stems(denial.text))) < 2:
        return False
    # … nor one printed before the lead's report: "Malvorn's Northern Group of Forces denied the claim within hours" (16
    # September, of a sniper) beside its own claim of 28 September (blind explore49c q08 read Malvorn denying itself).
    if (denial.passage.published or "9") < (lead.passage.published or ""):
        return False
    if denies_named_report(denial.text, f"{lead.passage.outlet or ''} {lead.passage.title} {lead.text}"):
        return True
    return any(c.kind == "conflict" and c.about in ("negation", "reported") for c in detect_conflicts([lead, denial]))


def _span_evidence(passage: Passage, start: int, end: int) -> Evidence:
    """A span an extractive answer quotes, found by a rule rather than scored: it carries its passage's score."""
    return Evidence(text=passage.text[start:end], passage=passage, start=start, end=end, score=passage.score)


def _evidence_shown(run: AnswerBuilder, items: list[Evidence]) -> EvidenceSet:
    """The evidence an extractive answer quotes, answerable, set on `run` as what it shows first."""
    run.evidence = EvidenceSet(run.standalone, items, True, [], max(e.score for e in items))
    run.lap("evidence_s")
    run.timings["first_event_s"] = time.perf_counter() - run.started
    return run.evidence


def _names(post: Post, passage: Passage) -> bool:
    """Whether a sentence of the passage names a holder of the post."""
    return any(
        names_holder(post, passage.text[s:e], f"{passage.title} {passage.text[:s]}") for s, e in sentences(passage.text)
    )


def _unread_newer(
    found: list[Passage], read: list[Passage], same_day: bool = False, most: int | None = _NEWER
) -> list[Passage]:
    """The `most` newest of `found` (all, None), each chunk once, that are not among `read` and are newer than every
    report read (or, `same_day`, no older). A column read is no newer report: its date is when it was written
    (explore17b q09)."""
    newest_read = newest([p for p in read if not p.commentary]) or date.min
    seen = {p.chunk_id for p in read}
    unique = {p.chunk_id: p for p in found}.values()
    newer = [
        p
        for p in unique
        if p.chunk_id not in seen
        and ((day := as_date(p.published) or date.min) > newest_read or (same_day and day == newest_read))
    ]
    return newest_first(newer, lambda p: p.published)[:most]
