"""The `rag` command: ingest, ask, timeline, sources, remove, stats, serve, api, eval."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from textwrap import shorten
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from rag.errors import RagError
from rag.evals.cli import eval_command
from rag.retrieval.filters import MAX_K, MAX_TIMELINE_K, parse_day
from rag.types import Answer, EvidenceSet, IngestReport

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__, pretty_exceptions_enable=False)
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

JsonFlag = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON.")]


SetOption = Annotated[
    list[str] | None,
    typer.Option("--set", help="A setting for this run, KEY=VALUE (repeatable), e.g. answer.mode=compose."),
]


def _assistant(assignments: list[str] | None = None) -> Any:
    from rag.assistant import Assistant

    if not assignments:
        return Assistant()
    from rag.settings.overrides import parse_assignments, settings_from

    return Assistant(settings_from(parse_assignments(assignments)))


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[bold red]error:[/] {escape(message)}", soft_wrap=True)
    raise typer.Exit(code)


def print_report(report: IngestReport) -> None:
    out.print(
        f"[bold]{len(report.ingested)} ingested[/], {len(report.unchanged)} unchanged, "
        f"{len(report.duplicates)} duplicate, [{'red' if report.failed else 'green'}]"
        f"{len(report.failed)} failed[/] — {report.chunks_written} chunks written in {report.seconds:.1f}s"
    )
    for article_id, twin in report.duplicates:
        out.print(f"  [yellow]duplicate[/] {escape(article_id)}: same text as {escape(twin)}, skipped")
    for source, reason in report.failed:
        out.print(f"  [red]failed[/] {escape(str(source))}: {escape(reason)}", soft_wrap=True)
    if report.removed:
        removed = escape(", ".join(report.removed))
        out.print(f"  removed {len(report.removed)} whose record, file or old text is gone: {removed}")
    if report.gone:
        out.print(
            f"  [yellow]{len(report.gone)} indexed articles' files are gone[/]: {escape(', '.join(report.gone))} "
            "(`rag ingest --prune` removes them)",
            soft_wrap=True,
        )


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of articles.")],
    prune: Annotated[
        bool, typer.Option("--prune", help="Remove indexed articles whose files are gone from these folders.")
    ] = False,
    json_out: JsonFlag = False,
) -> None:
    """Add or update articles (txt, md, html, json, jsonl, pdf). Unchanged files are skipped."""
    from tqdm import tqdm

    assistant = _assistant()
    with tqdm(total=0, unit="file", disable=json_out or None, file=sys.stderr) as bar:

        def progress(done: int, total: int, name: str) -> None:
            bar.total = total
            bar.n = done
            bar.set_postfix_str(name[:40], refresh=True)

        report = assistant.ingest(*paths, on_progress=progress, prune=prune)
    if json_out:
        print(json.dumps(report.to_dict(), indent=2))
    else:
        print_report(report)
    if report.failed:
        raise typer.Exit(1)


def print_answer(answer: Answer) -> None:
    out.print()
    out.print(answer.text, soft_wrap=True, markup=False)
    if answer.abstained and answer.passages:
        out.print(f"\n[dim]{answer.passages_heading}:[/]")
        for p in sorted(answer.passages, key=lambda p: -p.score)[:3]:  # by the score shown
            text = " ".join(p.text.split())
            out.print(f"  [dim]{p.score:.2f} {escape(p.title)} — {escape(text[:120])}…[/]", soft_wrap=True)
    for c in answer.citations:
        p = c.passage
        about = p.about()
        out.print(
            f"\n[bold]\\[{c.number}][/] {escape(p.title)}" + (f" ({escape(about)})" if about else ""), soft_wrap=True
        )
        start, end = c.span or (0, len(p.text))
        out.print(
            f"    [dim]{escape(p.article_id)} chars {p.start + start}-{p.start + end}, relevance {p.score:.2f}[/]"
        )
        cited = " ".join(p.text[start:end].split())
        out.print(f"    “{cited[:300]}{'…' if len(cited) > 300 else ''}”", soft_wrap=True, markup=False)
    for note in answer.conflicts:
        out.print(f"\n[yellow]⚠[/] {escape(note.note)}", soft_wrap=True)  # the note says what differs
    if answer.unsupported:  # never the sentences themselves: they are what the guard kept from view
        out.print(
            f"\n[yellow]{len(answer.unsupported)} generated sentence(s) not supported by the sources, not shown.[/]"
        )
    total = answer.timings.get("total_s", 0.0)
    checked = "" if answer.faithfulness is None else f" · faithfulness {answer.faithfulness:.2f}"
    out.print(f"\n[dim]{answer.model} · {answer.prompt_version}{checked} · {total:.1f}s[/]")


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="The question, in quotes.")],
    json_out: JsonFlag = False,
    k: Annotated[int | None, typer.Option("-k", help="Passages to retrieve.", min=1, max=MAX_K)] = None,
    outlet: Annotated[list[str] | None, typer.Option(help="Only these outlets (repeatable).")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
    set_: SetOption = None,
) -> None:
    """Answer a question from the indexed articles, with numbered citations."""
    assistant = _assistant(set_)
    options = {
        "k": k,
        "outlets": outlet,
        "date_from": parse_day(since, "--since"),
        "date_to": parse_day(until, "--until"),
    }
    if json_out:
        print(json.dumps(assistant.ask(question, **options).to_dict(), indent=2, ensure_ascii=False))
        return
    for event in assistant.stream(question, **options):
        # The candidate evidence shows at once (stderr, so stdout is the answer alone), labelled as
        # being checked: the guard may still remove what the model writes. Evidence already judged
        # not to answer is not shown, lest it read as an answer right before "The indexed articles
        # don't say". The model's tokens are unchecked text and are not shown, only what passed.
        if isinstance(event, EvidenceSet) and event.items and event.answerable:
            err.print("[dim]Checking the closest evidence:[/]", soft_wrap=True)
            for n, e in enumerate(event.items, 1):
                quote, source = escape(" ".join(e.quote.split())), escape(e.passage.about() or e.passage.title)
                err.print(f"[dim]  \\[{n}] “{quote}” — {source}[/]", soft_wrap=True)
        elif isinstance(event, Answer):
            print_answer(event)


def _source_line(p: Any) -> str:
    """Outlet (else the title, shortened) and date of a timeline source."""
    return ", ".join(x for x in (p.outlet or shorten(p.title, 60, placeholder="…"), p.published) if x)


def print_timeline(events: list[Any], filtered: bool = False) -> None:
    from rag.news.timeline import no_events

    if not events:
        out.print(no_events(filtered))
        return
    for event in events:
        refs = "; ".join(_source_line(src.passage) for src in event.sources)
        out.print(f"[bold]{escape(event.when)}[/]  “{escape(event.text)}”", soft_wrap=True)
        out.print(f"    [dim]{escape(refs)}[/]", soft_wrap=True)


@app.command()
def timeline(
    query: Annotated[str, typer.Argument(help="What the timeline is about, in quotes.")],
    json_out: JsonFlag = False,
    k: Annotated[
        int, typer.Option("-k", help="Passages to search for dated sentences.", min=1, max=MAX_TIMELINE_K)
    ] = 20,
    outlet: Annotated[list[str] | None, typer.Option(help="Only these outlets (repeatable).")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before YYYY-MM-DD.")] = None,
) -> None:
    """Dated events about a topic across the articles, earliest first (no LLM)."""
    events = _assistant().timeline(
        query, k=k, outlets=outlet, date_from=parse_day(since, "--since"), date_to=parse_day(until, "--until")
    )
    if json_out:
        print(json.dumps([e.to_dict() for e in events], indent=2, ensure_ascii=False))
        return
    print_timeline(events, filtered=bool(outlet or since or until))


@app.command()
def sources(json_out: JsonFlag = False) -> None:
    """List the indexed articles."""
    articles = _assistant().sources()
    if json_out:
        print(json.dumps([a.to_dict() for a in articles], indent=2, ensure_ascii=False))
        return
    table = Table("title", "outlet", "date", "chunks", "id")
    table.columns[4].no_wrap = True  # ids are typed back into `rag remove`
    for a in articles:
        # An opinion or analysis piece says so beside its outlet, as its citations do.
        outlet = ", ".join(x for x in (a.outlet, a.genre) if x)
        table.add_row(escape(a.title), escape(outlet), a.published or "", str(a.chunk_count), escape(a.id))
    out.print(table)
    out.print(f"{len(articles)} articles")


@app.command()
def remove(article_id: Annotated[str, typer.Argument(help="An id from `rag sources`.")]) -> None:
    """Delete an article and its chunks from the index."""
    if not _assistant().remove(article_id):
        _fail(f"No article with id '{article_id}'. See `rag sources` for the ids.")
    out.print(f"Removed {escape(article_id)}.")


@app.command()
def stats(json_out: JsonFlag = False) -> None:
    """Counts and configuration of the index."""
    figures = _assistant().stats()
    if json_out:
        print(json.dumps(figures, indent=2))
        return
    for key, value in figures.items():
        out.print(f"[bold]{key}[/]: {escape(', '.join(value) if isinstance(value, list) else str(value))}")


@app.command()
def serve(
    corpus: Annotated[Path | None, typer.Option(help="Ingest this folder first (skipped when unchanged).")] = None,
    host: Annotated[
        str | None, typer.Option(help="Interface to bind (default: ui.host, RAG_UI__HOST; 127.0.0.1 keeps it local).")
    ] = None,
    port: Annotated[int | None, typer.Option(min=1, max=65535, help="Port (default: ui.port, RAG_UI__PORT).")] = None,
) -> None:
    """Start the chat UI, with the OpenAI-compatible API under /v1 on the same port."""
    try:
        from ui.app import serve as serve_ui
    except ImportError as e:
        _fail(f"The UI needs gradio and the ui/ folder of a checkout: {e}. pip install 'rag[ui]'")
    assistant = _assistant()
    if corpus is not None:
        print_report(assistant.ingest(corpus))
    ui = assistant.settings.ui
    host, port = host or ui.host, port or ui.port  # the settings (RAG_UI__HOST/PORT) unless given
    _warn_open(assistant, host)

    def ready() -> None:
        out.print(f"Chat UI on http://{host}:{port}/ · OpenAI-compatible API on http://{host}:{port}/v1")

    serve_ui(assistant, host=host, port=port, on_ready=ready)


def _warn_open(assistant: Any, host: str) -> None:
    if host not in ("127.0.0.1", "localhost", "::1") and not assistant.settings.api.key:
        err.print(f"[yellow]warning:[/] the /v1 API on {host} needs no key; set RAG_API__KEY to require one.")


@app.command("api")
def api_command(
    corpus: Annotated[Path | None, typer.Option(help="Ingest this folder first (skipped when unchanged).")] = None,
    host: Annotated[str | None, typer.Option(help="Interface to bind (default: api.host, 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(min=1, max=65535, help="Port (default: api.port, 8900).")] = None,
) -> None:
    """Serve only the OpenAI-compatible chat API: POST /v1/chat/completions, GET /v1/models."""
    from rag.api import create_app, run

    assistant = _assistant()
    settings = assistant.settings.api
    host, port = host or settings.host, port or settings.port
    if corpus is not None:
        print_report(assistant.ingest(corpus))
    _warn_open(assistant, host)
    assistant.embeddings.embed_query("warm up")  # load the models now, not on the first request
    load = getattr(assistant.llm, "load", None)
    if callable(load):
        load()

    def ready() -> None:
        key = "a bearer key (RAG_API__KEY)" if settings.key else "no key"
        out.print(f"OpenAI-compatible API on http://{host}:{port}/v1, model '{settings.model}', {key}")

    run(create_app(assistant), host, port, on_ready=ready)


app.command("eval")(eval_command)


def main() -> None:
    try:
        app()
    except RagError as e:  # a message that says how to fix it, never a stack trace
        err.print(f"[bold red]error:[/] {escape(str(e))}", soft_wrap=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
