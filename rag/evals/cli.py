"""`rag eval`: run a suite with one or more variants, compare them, write reports, gate."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from rag.errors import ConfigError

out = Console(highlight=False)


def build_variants(prompts: list[str], variants: list[str], prompts_dir: Path) -> list[Any]:
    """One variant per --prompt (named by its version), then one per --variant 'NAME:k=v,k=v'
    on top of the first prompt. No option at all: the configured settings alone."""
    from rag.answer.prompts import load_prompt
    from rag.evals.runner import Variant
    from rag.settings.overrides import merge, parse_assignments

    out_variants: list[Variant] = []
    for p in prompts:
        template = load_prompt(p, prompts_dir)
        name = template.version
        if any(v.name == name for v in out_variants):
            name = f"{name}#{len(out_variants) + 1}"
        out_variants.append(Variant(name, {"answer": {"answer_prompt": p}}))
    base = out_variants[0].overrides if out_variants else {}
    if not out_variants and not variants:
        out_variants.append(Variant("configured"))
    for i, spec in enumerate(variants, 1):
        head, sep, rest = spec.partition(":")
        name, body = (head.strip(), rest) if sep and "=" not in head else (f"variant{i}", spec)
        overrides = parse_assignments([a for a in body.split(",") if a.strip()])
        if any(v.name == name for v in out_variants):
            raise ConfigError(f"Two variants are named '{name}'; give each --variant its own name.")
        out_variants.append(Variant(name, merge(base, overrides)))
    return out_variants


def eval_command(
    ctx: typer.Context,
    suite: Annotated[Path, typer.Argument(help="Suite file (YAML), e.g. evals/suites/seed.yaml.")],
    prompt: Annotated[
        list[str] | None, typer.Option("--prompt", help="Answer prompt file or name; repeat to compare.")
    ] = None,
    variant: Annotated[
        list[str] | None,
        typer.Option("--variant", help="Another variant: 'NAME:key=value,key=value' (e.g. 'k6:retrieval.k=6')."),
    ] = None,
    set_: Annotated[
        list[str] | None, typer.Option("--set", help="Setting for every variant, e.g. llm.model=smollm2.")
    ] = None,
    limit: Annotated[
        int | None, typer.Option(min=0, help="Run only this many cases (a seeded sample for datasets); 0: all.")
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Seed for dataset sampling and bootstrap.")] = None,
    data: Annotated[Path | None, typer.Option(help="Dataset folder for a dataset suite (e.g. RealTimeQA).")] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Call the model even when a response is cached.")
    ] = False,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Report folder (default eval-reports/SUITE).")] = None,
    judge: Annotated[bool, typer.Option("--judge", help="Add LLM-judge metrics (needs a capable LLM).")] = False,
    judge_set: Annotated[
        list[str] | None, typer.Option("--judge-set", help="Setting for the judge's LLM, e.g. llm.provider=openai.")
    ] = None,
    progress: Annotated[bool, typer.Option(help="Show a progress bar.")] = True,
) -> None:
    """Run an eval suite; compare variants; exit 1 when the suite's gate fails."""
    # A caller (a test) may hand in model factories as the click context object:
    # {"llm_factory": Settings -> BaseChatModel, "embeddings_factory": Settings -> Embeddings}.
    factories = {k: v for k, v in (ctx.obj or {}).items() if k in ("llm_factory", "embeddings_factory")}
    from rag.evals import report
    from rag.evals.compare import gate as apply_gate
    from rag.evals.compare import summary
    from rag.evals.runner import SuiteRunner
    from rag.evals.suite import load_suite, realtimeqa
    from rag.runtime import go_offline
    from rag.settings import Settings
    from rag.settings.overrides import merge, parse_assignments, settings_from

    base = parse_assignments(set_ or [])
    settings = settings_from(base)
    go_offline(settings.offline)
    seed_value = settings.evals.seed if seed is None else seed
    loaded = load_suite(suite, data=data, limit=limit, seed=seed_value)
    variants = build_variants(prompt or [], variant or [], settings.answer.prompts_dir)
    for v in variants:  # a bad variant fails now, not after the others have run
        try:
            Settings(**merge(base, v.overrides))
        except ConfigError as e:
            raise ConfigError(f"Variant '{v.name}': {e}") from e
    # The report folder too: a file or an unwritable path there lost a whole run's report (explore10 H5).
    folder = out_dir or settings.evals.out_dir / loaded.name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ConfigError(f"Cannot write the report to {folder} ({e.strerror or e}); choose another --out.") from e
    if not os.access(folder, os.W_OK):
        raise ConfigError(f"Cannot write the report to {folder} (not writable); choose another --out.")

    with tempfile.TemporaryDirectory(prefix="rag-eval-data-") as tmp:
        if loaded.dataset is not None:
            cases = realtimeqa(loaded.dataset, Path(tmp))
            corpus = [Path(tmp) / "passages.jsonl"]
        else:
            cases, corpus = loaded.cases, [loaded.corpus]  # type: ignore[list-item]
        out.print(f"[bold]{loaded.name}[/]: {len(cases)} cases, {len(variants)} variant(s)")
        judge_obj = _judge(merge(base, parse_assignments(judge_set or []))) if judge else None
        runner = SuiteRunner(
            loaded,
            cases,
            corpus,
            base=base,
            cache_dir=None if no_cache else settings.evals.cache_dir,
            judge=judge_obj,
            progress=progress,
            **factories,
        )
        try:
            runs = [runner.run(v) for v in variants]
        finally:
            runner.close()

    s = summary(runs, settings.evals.bootstrap_samples, seed_value)
    gate = apply_gate(loaded.thresholds, s["aggregates"], s["comparisons"])
    report.print_report(out, runs, s["aggregates"], s["comparisons"], gate, loaded.k)
    data_out = report.to_json(loaded.name, runs, s["aggregates"], s["comparisons"], gate, loaded.k)
    report.write_json(folder / "report.json", data_out)
    report.write_junit(folder / "junit.xml", loaded.name, runs, gate)
    report.write_html(folder / "report.html", data_out, s["aggregates"])
    out.print(f"reports: {folder}/report.json, junit.xml, report.html")
    if not gate.ok:
        raise typer.Exit(1)


def _judge(values: dict[str, Any]) -> Any:
    from rag.answer.llm import make_chat_model
    from rag.answer.prompts import load_prompt
    from rag.evals.judge import LLMJudge
    from rag.settings import Settings

    s = Settings(**values)
    return LLMJudge(
        make_chat_model(s.llm),
        load_prompt("judge_claims.v1", s.answer.prompts_dir),
        load_prompt("judge_verify.v1", s.answer.prompts_dir),
    )
