"""The Gradio chat UI: a thin layer over `rag.Assistant`.

It holds no retrieval or prompting logic: it turns clicks into `Assistant` calls, answers
into escaped HTML (`ui.render`), and `RagError`s into a message in the chat. Each browser
session keeps its own turns in `gr.State`, so two people never see each other's history.
"""

from __future__ import annotations

import filecmp
import logging
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

import gradio as gr

from rag.api.shape import parse_rag_url
from rag.assistant import Assistant
from rag.errors import RagError
from rag.ingest.readers import SUPPORTED
from rag.retrieval.filters import parse_day
from rag.types import Answer, EvidenceSet, History, Passage, Turn
from ui import render

_log = logging.getLogger("rag.ui")


@dataclass
class Exchange:
    """One question asked in the chat and what came back: an answer or an error message."""

    question: str
    answer: Answer | None = None
    error: str | None = None


EXAMPLES = [
    "Which oblasts not under Russian control did Putin demand?",
    "Where were Russian and American diplomats scheduled to meet?",
    "What did Kaja Kallas say about Russia's negotiating style?",
]


def safe_upload_name(name: str) -> str:
    """A file name that cannot leave the upload folder: no directories, no odd characters."""
    base = Path(name.replace("\\", "/")).name
    # Letters of any script stay ("статья.txt"): mapping them all to "_" gave distinct uploads one name.
    base = re.sub(r"[^\w.-]+", "_", base).lstrip(".") or "upload"
    stem, suffix = Path(base).stem[:80], Path(base).suffix.lower()
    return f"{stem or 'upload'}{suffix}"


def _free_target(src: Path, target: Path, taken: list[Path]) -> Path:
    """Where an upload goes: its own name, or "name_2.txt", "name_3.txt", … when another file (an earlier
    upload, or one of this batch) already holds that name with other content. An upload with the same
    content as the file there goes to it (unchanged). A second "report.txt" replaced the first article,
    and two in one batch failed it whole (explore11 H2)."""
    candidate, n = target, 1
    while candidate.exists() and (candidate in taken or not filecmp.cmp(src, candidate, shallow=False)):
        n += 1
        candidate = target.with_name(f"{target.stem}_{n}{target.suffix}")
    return candidate


def history_of(turns: list[Exchange]) -> History:
    """Plain-text history for condensing follow-ups (never the escaped HTML)."""
    out: list[Turn] = []
    for t in turns:
        if t.answer is not None:
            out += [{"role": "user", "content": t.question}, {"role": "assistant", "content": t.answer.text}]
    return out


def chat_messages(turns: list[Exchange], pending: tuple[str, str] | None = None) -> list[dict[str, str]]:
    """Chatbot messages for finished turns, plus (question, escaped HTML so far) of one in progress."""
    messages: list[dict[str, str]] = []
    for t in turns:
        messages.append({"role": "user", "content": render.literal(t.question)})
        if t.answer is not None:
            messages.append({"role": "assistant", "content": render.chat_text(t.answer)})
        elif t.error:
            messages.append({"role": "assistant", "content": f"⚠️ {escape(t.error)}"})
    if pending is not None:  # (question, escaped HTML of what is known so far)
        messages.append({"role": "user", "content": render.literal(pending[0])})
        messages.append({"role": "assistant", "content": pending[1]})
    return messages


def citation_choices(answer: Answer | None) -> list[str]:
    if answer is None:
        return []
    return [f"[{c.number}] {c.passage.title}" for c in answer.citations]


class ChatApp:
    """The handlers behind the Gradio components: each turns a click into an `Assistant` call and the
    result into escaped HTML. Owns no retrieval or answer logic."""

    def __init__(self, assistant: Assistant) -> None:
        self.assistant = assistant
        self.ui = assistant.settings.ui

    # -- chat ---------------------------------------------------------------------------

    def respond(
        self,
        message: str,
        turns: list[Exchange],
        outlets: list[str] | None,
        date_from: str | None,
        date_to: str | None,
        k: float,
    ) -> Iterator[tuple[Any, ...]]:
        """Stream an answer: (chatbot, turns, sources html, citation picker, textbox)."""
        turns = list(turns or [])
        turn = Exchange(question=message or "")
        picker = gr.update(choices=[], value=None)
        try:
            since, until = parse_day(date_from, "from"), parse_day(date_to, "to")
            events = self.assistant.stream(
                message or "", history_of(turns), k=int(k), outlets=outlets or None, date_from=since, date_to=until
            )
            for event in events:
                # The evidence is shown as soon as it is selected; the model's tokens are not shown
                # at all (unchecked text), only the final answer the guard passed.
                if isinstance(event, EvidenceSet):
                    pending = (turn.question, render.evidence_preview(event))
                    yield chat_messages(turns, pending), turns, render.evidence_panel(event), picker, ""
                elif isinstance(event, Answer):
                    turn.answer = event
        except RagError as e:
            turn.error = str(e)
        except Exception as e:  # never a stack trace in the chat
            turn.error = unexpected(e)
        turns = [*turns, turn]
        answer = turn.answer
        choices = citation_choices(answer)
        yield (
            chat_messages(turns),
            turns,
            render.sources_panel(answer) if answer is not None else gr.update(),
            gr.update(choices=choices, value=choices[0] if choices else None),
            "",
        )

    def new_chat(self) -> tuple[list[Exchange], str, Any, str]:
        """A cleared chat: no turns, an empty Sources panel, no citation to open, no article shown."""
        return [], render.sources_panel(None), gr.update(choices=[], value=None), ""

    def open_citation(self, choice: str | None, turns: list[Exchange]) -> str:
        answer = next((t.answer for t in reversed(turns or []) if t.answer is not None), None)
        if not choice or answer is None:
            return "<div class='sources-empty'>Pick a citation to read it in its article.</div>"
        number = int(choice.split("]", 1)[0].lstrip("["))
        citation = next((c for c in answer.citations if c.number == number), None)
        if citation is None:
            return ""
        article = self.assistant.article(citation.passage.article_id)
        if article is None:
            return "<div class='sources-empty'>That article has been removed from the index.</div>"
        return render.article_view(article, citation.passage, citation.span)

    def open_link(self, url: str | None) -> str:
        """The article a rag://article/<id>#<start>-<end> URL (from the /v1 API) names, the span marked."""
        parsed = parse_rag_url(url or "")
        if parsed is None:
            return "<div class='sources-empty'>Paste a rag://article/… link from an API answer.</div>"
        article_id, start, end = parsed
        article = self.assistant.article(article_id)
        if article is None:
            return f"<div class='sources-empty'>No article {escape(article_id)} in the index.</div>"
        if start is None or end is None or not 0 <= start <= end <= len(article.text):
            start = end = 0  # the article without a highlight
        text = article.text[start:end]
        span = Passage("", article.id, text, article.title, start, end, 0.0, article.outlet, article.published)
        return render.article_view(article, span)

    def open_link_from_page(self, request: gr.Request) -> str:
        """`/?open=rag://article/...` opens that link when the page loads."""
        url = request.query_params.get("open") if request is not None else None
        return self.open_link(url) if url else ""

    # -- timeline -----------------------------------------------------------------------

    def timeline(
        self,
        query: str,
        outlets: list[str] | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> str:
        """The timeline of a topic, within the tab's own outlet and date filters (explore10 L6)."""
        try:
            since, until = parse_day(date_from, "from"), parse_day(date_to, "to")
            events = self.assistant.timeline(query or "", outlets=outlets or None, date_from=since, date_to=until)
            filtered = bool(outlets or since or until)
            return render.timeline_html(events, filtered=filtered)
        except RagError as e:
            return f"<div class='sources-note'>⚠️ {escape(str(e))}</div>"
        except Exception as e:  # a message, not Gradio's bare "Error" badge
            return f"<div class='sources-note'>⚠️ {escape(unexpected(e))}</div>"

    # -- corpus -------------------------------------------------------------------------

    def corpus_rows(self) -> list[list[Any]]:
        return [[a.title, a.outlet or "", a.published or "", a.chunk_count, a.id] for a in self.assistant.sources()]

    def corpus_updates(self, note: str) -> tuple[Any, ...]:
        rows = self.corpus_rows()
        ids = [r[4] for r in rows]
        outlets = sorted({r[1] for r in rows if r[1]})
        choices = gr.update(choices=outlets)  # the Ask tab's outlet filter and the Timeline tab's
        return rows, gr.update(choices=ids, value=None), choices, choices, note, self.status()

    def remove(self, article_id: str | None) -> tuple[Any, ...]:
        if not article_id:
            return self.corpus_updates("Pick an article to remove.")
        removed = self.assistant.remove(article_id)
        return self.corpus_updates(f"Removed {escape(article_id)}." if removed else f"No article {escape(article_id)}.")

    def upload(self, files: list[str] | None, progress: gr.Progress | None = None) -> tuple[Any, ...]:
        progress = progress or gr.Progress()
        if not files:
            return self.corpus_updates("Choose one or more files first.")
        folder = self.ui.upload_dir
        folder.mkdir(parents=True, exist_ok=True)
        rejected: list[str] = []
        accepted: list[Path] = []
        for name in files:
            src = Path(name)
            target = (folder / safe_upload_name(src.name)).resolve()
            if target.parent != folder.resolve():  # belt and braces: never outside the folder
                rejected.append(f"{escape(src.name)}: unsafe file name")
            elif target.suffix not in SUPPORTED:
                rejected.append(f"{escape(src.name)}: unsupported type; use {', '.join(sorted(SUPPORTED))}")
            elif src.stat().st_size > self.ui.max_upload_mb * 1024 * 1024:
                rejected.append(f"{escape(src.name)}: larger than {self.ui.max_upload_mb} MB")
            else:
                target = _free_target(src, target, accepted)  # never one of this batch's
                shutil.copyfile(src, target)
                accepted.append(target)
        try:
            report = (
                self.assistant.ingest(
                    *accepted,
                    on_progress=lambda done, total, name: progress((done, max(total, 1)), desc=name),
                )
                if accepted
                else None
            )
        except RagError as e:
            return self.corpus_updates(f"⚠️ {escape(str(e))}")
        except Exception as e:
            return self.corpus_updates(f"⚠️ {escape(unexpected(e))}")
        lines = []
        if report is not None:
            lines.append(
                f"**{len(report.ingested)} added**, {len(report.unchanged)} unchanged, "
                f"{len(report.duplicates)} duplicate, {len(report.failed)} failed."
            )
            lines += [f"- ✗ {escape(Path(s).name)}: {escape(r)}" for s, r in report.failed]
            lines += [f"- duplicate of {escape(b)}: {escape(a)}" for a, b in report.duplicates]
        lines += [f"- ✗ {r}" for r in rejected]
        return self.corpus_updates("\n".join(lines))

    # -- status and API -----------------------------------------------------------------

    def status(self) -> str:
        try:
            s = self.assistant.stats()
        except RagError as e:
            return f"⚠️ {escape(str(e))}"
        return (
            f"**Model** {escape(s['llm'])} · **Embeddings** {escape(s['embedding_model'])} · "
            f"**Index** {s['articles']} articles, {s['chunks']} passages · **Prompt** {escape(s['answer_prompt'])}"
        )

    def api_ask(self, question: str, k: int = 4) -> dict[str, Any]:
        """Answer text, citations and passages as JSON; errors as {"error": message}."""
        try:
            return self.assistant.ask(question, k=int(k)).to_dict()
        except RagError as e:
            return {"error": str(e)}
        except Exception as e:
            return {"error": unexpected(e)}


def unexpected(e: Exception) -> str:
    """What the UI shows for a failure no check foresaw; the traceback goes to the server log."""
    _log.error("The UI failed", exc_info=e)
    return f"Something went wrong: {type(e).__name__}: {e}. The server log has the details."


def build(assistant: Assistant) -> gr.Blocks:
    app = ChatApp(assistant)
    known_outlets = assistant.stats().get("outlets", []) if _safe(assistant) else []
    with gr.Blocks(title="News RAG — cited answers") as demo:
        gr.Markdown("## Ask the news\nAnswers come only from the indexed articles; each `[n]` points to its passage.")
        status = gr.Markdown(app.status, elem_id="status")
        turns = gr.State([])
        with gr.Tab("Chat"), gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(elem_id="chatbot", height=460, sanitize_html=True, buttons=["copy"])
                with gr.Row():
                    box = gr.Textbox(
                        placeholder="Ask about the ceasefire talks…",
                        show_label=False,
                        scale=5,
                        elem_id="question",
                    )
                    send = gr.Button("Ask", variant="primary", scale=1, elem_id="ask")
                gr.Examples(EXAMPLES, inputs=box)
                with gr.Accordion("Filters", open=False):
                    outlets, date_from, date_to = _filter_inputs(known_outlets)
                    k = gr.Slider(1, 10, value=assistant.settings.retrieval.k, step=1, label="Passages")
            with gr.Column(scale=2):
                gr.Markdown("### Sources")
                sources = gr.HTML(render.sources_panel(None), elem_id="sources")
                picker = gr.Dropdown(choices=[], label="Open a citation in its article", elem_id="picker")
                article = gr.HTML(elem_id="article")
                link = gr.Textbox(
                    label="Open a rag:// link", placeholder="rag://article/<id>#<start>-<end>", elem_id="rag-link"
                )
        with gr.Tab("Timeline"):
            with gr.Row():
                topic = gr.Textbox(
                    placeholder="A topic, e.g. ceasefire talks", show_label=False, scale=5, elem_id="timeline-query"
                )
                show = gr.Button("Show timeline", variant="primary", scale=1, elem_id="timeline-go")
            with gr.Accordion("Filters", open=False):
                timeline_outlets, timeline_from, timeline_to = _filter_inputs(known_outlets, "timeline-")
            events = gr.HTML(render.timeline_html(None), elem_id="timeline")
        with gr.Tab("Corpus"):
            table = gr.Dataframe(
                value=app.corpus_rows,
                headers=["title", "outlet", "date", "passages", "id"],
                interactive=False,
                elem_id="corpus",
            )
            with gr.Row():
                to_remove = gr.Dropdown(choices=[r[4] for r in app.corpus_rows()], label="Article", scale=3)
                remove = gr.Button("Remove from index", variant="stop", scale=1)
            files = gr.File(file_count="multiple", file_types=sorted(SUPPORTED), label="Add articles", elem_id="upload")
            add = gr.Button("Add to index", variant="primary", elem_id="add")
            note = gr.Markdown(elem_id="corpus-note")

        ask_inputs = [box, turns, outlets, date_from, date_to, k]
        ask_outputs = [chatbot, turns, sources, picker, box]
        # Scroll the article box (not the page) so the highlighted passage is in view.
        scroll = (
            "() => { const m = document.querySelector('#article mark'); const box = m && m.closest('.article-body');"
            " if (box) box.scrollTop = m.offsetTop - box.offsetTop - 24; }"
        )
        for trigger in (send.click, box.submit):
            trigger(app.respond, ask_inputs, ask_outputs, api_visibility="private", concurrency_limit=4).then(
                app.open_citation, [picker, turns], article, api_visibility="private"
            ).then(None, js=scroll)
        # The bubble's Clear button clears the conversation too: its turns came back with the next answer
        # and still fed the follow-up rewrite (explore11 M1).
        chatbot.clear(app.new_chat, None, [turns, sources, picker, article], api_visibility="private")
        picker.change(app.open_citation, [picker, turns], article, api_visibility="private").then(None, js=scroll)
        link.submit(app.open_link, link, article, api_visibility="private").then(None, js=scroll)
        demo.load(app.open_link_from_page, None, article, api_visibility="private").then(None, js=scroll)
        for trigger in (show.click, topic.submit):
            trigger(
                app.timeline,
                [topic, timeline_outlets, timeline_from, timeline_to],
                events,
                api_visibility="private",
                concurrency_limit=4,
            )
        corpus_outputs = [table, to_remove, outlets, timeline_outlets, note, status]
        remove.click(app.remove, to_remove, corpus_outputs, api_visibility="private")
        add.click(app.upload, files, corpus_outputs, api_visibility="private", concurrency_limit=1)
        gr.api(app.api_ask, api_name="ask")
    return demo


def serve(
    assistant: Assistant,
    host: str | None = None,
    port: int | None = None,
    on_ready: Callable[[], None] | None = None,
) -> None:
    """The chat UI and the OpenAI-compatible /v1 routes (rag.api) on one port, until interrupted.
    The UI is mounted on the API's FastAPI app with `gr.mount_gradio_app`; the /v1 routes keep
    their own bearer key (RAG_API__KEY), the UI its login; with a login and no key, /v1 refuses."""
    from rag.api import create_app, run

    ui = assistant.settings.ui
    host, port = host or ui.host, port or ui.port
    auth = (ui.username, ui.password) if ui.username and ui.password else None
    warm_up(assistant)
    demo = build(assistant).queue(default_concurrency_limit=4)
    app = gr.mount_gradio_app(
        create_app(assistant, beside_login=auth is not None),
        demo,
        path="/",
        server_name=host,
        server_port=port,
        auth=auth,
        max_file_size=f"{ui.max_upload_mb}mb",
        css=render.CSS,
        footer_links=["api"],
    )
    run(app, host, port, on_ready)


def _filter_inputs(outlets: list[str], elem_prefix: str | None = None) -> tuple[Any, Any, Any]:
    """The outlet picker and the date range the Ask and Timeline tabs both filter by."""

    def elem(name: str) -> str | None:
        return f"{elem_prefix}{name}" if elem_prefix else None

    picker = gr.Dropdown(choices=outlets, multiselect=True, label="Outlets", elem_id=elem("outlets"))
    with gr.Row():
        date_from = gr.Textbox(label="From (YYYY-MM-DD)", elem_id=elem("from"))
        date_to = gr.Textbox(label="To (YYYY-MM-DD)", elem_id=elem("to"))
    return picker, date_from, date_to


def _safe(assistant: Assistant) -> bool:
    try:
        assistant.stats()
        return True
    except RagError:
        return False


def warm_up(assistant: Assistant) -> None:
    """Load both models in the background so the first question does not pay for it."""

    def run() -> None:
        try:
            assistant.embeddings.embed_query("warm up")
            load = getattr(assistant.llm, "load", None)
            if callable(load):
                load()
        except Exception:  # a broken model shows its error on the first question instead
            pass

    threading.Thread(target=run, daemon=True).start()


def launch(assistant: Assistant, host: str | None = None, port: int | None = None, **kwargs: Any) -> gr.Blocks:
    """Serve the UI (blocking unless prevent_thread_lock=True); returns the Blocks."""
    ui = assistant.settings.ui
    auth = (ui.username, ui.password) if ui.username and ui.password else None
    warm_up(assistant)
    demo = build(assistant)
    demo.queue(default_concurrency_limit=4).launch(
        server_name=host or ui.host,
        server_port=port or ui.port,
        share=False,
        auth=auth,
        max_file_size=f"{ui.max_upload_mb}mb",
        css=render.CSS,
        footer_links=["api"],
        **kwargs,
    )
    return demo
