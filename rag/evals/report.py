"""Eval outputs: a terminal table, JSON, JUnit XML (for CI), and a self-contained HTML report.

The HTML chart is inline SVG written here: a few bars per metric need no charting library,
and a report that loads nothing from a CDN opens offline and can be archived as one file.
"""

from __future__ import annotations

import html
import json
import math
import xml.etree.ElementTree as ET
from dataclasses import asdict
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from rag.evals import metrics as m
from rag.evals.compare import Comparison, GateResult
from rag.evals.runner import VariantRun

PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1"]


def _ordered(aggregates: dict[str, dict[str, dict[str, float]]]) -> list[str]:
    present = {n for agg in aggregates.values() for n in agg}
    known = [n for n in m.METRICS if n in present]
    return known + sorted(present - set(known))


def _fmt(value: float | None, digits: int = 3) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:.{digits}f}"


def label(metric: str, k: int) -> str:
    return metric.replace("@k", f"@{k}")


def print_report(
    console: Console,
    runs: list[VariantRun],
    aggregates: dict[str, dict[str, dict[str, float]]],
    comparisons: list[Comparison],
    gate: GateResult,
    k: int,
) -> None:
    table = Table(title="metrics (mean over the cases where each applies; n = cases)")
    table.add_column("metric")
    table.add_column("n", justify="right")
    for run in runs:
        table.add_column(run.variant.name, justify="right")
    for comp in comparisons:
        table.add_column(f"Δ {comp.variant} [95% CI]", justify="right")
    for name in _ordered(aggregates):
        n = max(int(agg.get(name, {}).get("n", 0)) for agg in aggregates.values())
        row = [label(name, k), str(n)]
        row += [_fmt(aggregates[r.variant.name].get(name, {}).get("mean")) for r in runs]
        for comp in comparisons:
            d = next((d for d in comp.deltas if d.metric == name), None)
            row.append(f"{d.delta:+.3f} [{d.ci_low:+.3f}, {d.ci_high:+.3f}]" if d else "–")
        table.add_row(*row)
    console.print(table)
    for comp in comparisons:
        console.print(
            f"[bold]{comp.variant}[/] vs {runs[0].variant.name}: "
            f"[red]pass→fail {len(comp.pass_to_fail)}[/] {', '.join(comp.pass_to_fail)}  "
            f"[green]fail→pass {len(comp.fail_to_pass)}[/] {', '.join(comp.fail_to_pass)}",
            soft_wrap=True,
        )
    for run in runs:
        errors = [r for r in run.results if r.error]
        for r in errors[:5]:
            console.print(f"[red]error[/] {run.variant.name} {r.case_id}: {r.error}", soft_wrap=True)
    if gate.ok:
        console.print(f"[green]gate passed[/] ({len(gate.checks)} checks)")
    for check in gate.failures:
        console.print(f"[red]gate failed[/] {check.variant}: {check.message}", soft_wrap=True)


def to_json(
    suite: str,
    runs: list[VariantRun],
    aggregates: dict[str, Any],
    comparisons: list[Comparison],
    gate: GateResult,
    k: int,
) -> dict[str, Any]:
    return {
        "suite": suite,
        "k": k,
        "variants": [
            {
                "name": r.variant.name,
                "info": r.info,
                "aggregate": aggregates[r.variant.name],
                "cases": [c.to_dict() for c in r.results],
            }
            for r in runs
        ],
        "comparisons": [asdict(c) for c in comparisons],
        "gate": {"ok": gate.ok, "checks": [{**asdict(c), "message": c.message} for c in gate.checks]},
    }


def write_json(path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str), encoding="utf-8")


def write_junit(path: Path, suite: str, runs: list[VariantRun], gate: GateResult) -> None:
    """One testsuite per variant (a testcase per eval case) plus one for the gate's checks."""
    root = ET.Element("testsuites", name=f"rag eval {suite}")
    for run in runs:
        failures = sum(not r.passed for r in run.results)
        ts = ET.SubElement(
            root, "testsuite", name=f"{suite}[{run.variant.name}]", tests=str(len(run.results)), failures=str(failures)
        )
        for r in run.results:
            tc = ET.SubElement(ts, "testcase", classname=f"{suite}.{run.variant.name}", name=r.case_id)
            shown = {k: round(v, 3) for k, v in r.metrics.items() if v is not None}
            if r.error:
                ET.SubElement(tc, "error", message=r.error[:200]).text = r.error
            elif not r.passed:
                ET.SubElement(tc, "failure", message=f"{r.type}: {r.answer[:160]}").text = json.dumps(shown)
            ET.SubElement(tc, "system-out").text = f"Q: {r.question}\nA: {r.answer}\n{json.dumps(shown)}"
    gs = ET.SubElement(
        root, "testsuite", name=f"{suite}[gate]", tests=str(len(gate.checks)), failures=str(len(gate.failures))
    )
    for check in gate.checks:
        tc = ET.SubElement(
            gs, "testcase", classname=f"{suite}.gate", name=f"{check.variant}:{check.metric}:{check.rule}"
        )
        if not check.ok:
            ET.SubElement(tc, "failure", message=check.message)
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)


def bar_chart(aggregates: dict[str, dict[str, dict[str, float]]], k: int) -> str:
    """Grouped bars: one group per [0, 1] metric, one bar per variant."""
    names = [n for n in _ordered(aggregates) if n in m.METRICS and m.METRICS[n].unit]
    variants = list(aggregates)
    group_w, bar_w, height, top, left = 16 + 14 * len(variants), 14, 220, 20, 40
    width = left + group_w * len(names) + 20
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height + 120}" role="img" '
        'aria-label="metrics per variant" font-family="sans-serif" font-size="11">'
    ]
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        y = top + height * (1 - tick)
        parts.append(f'<line x1="{left}" x2="{width - 10}" y1="{y}" y2="{y}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 4}" y="{y + 4}" text-anchor="end">{tick:.2f}</text>')
    for g, name in enumerate(names):
        x0 = left + g * group_w + 8
        for v, variant in enumerate(variants):
            value = aggregates[variant].get(name, {}).get("mean")
            if value is None:
                continue
            h = height * max(0.0, min(1.0, value))
            color = PALETTE[v % len(PALETTE)]
            tip = html.escape(f"{variant} {label(name, k)}: {value:.3f}")
            parts.append(
                f'<rect x="{x0 + v * bar_w}" y="{top + height - h:.1f}" width="{bar_w - 2}" height="{h:.1f}" '
                f'fill="{color}"><title>{tip}</title></rect>'
            )
        cx = x0 + len(variants) * bar_w / 2
        parts.append(
            f'<text x="{cx}" y="{top + height + 12}" transform="rotate(40 {cx} {top + height + 12})">'
            f"{html.escape(label(name, k))}</text>"
        )
    for v, variant in enumerate(variants):
        parts.append(f'<rect x="{left + 150 * v}" y="2" width="10" height="10" fill="{PALETTE[v % len(PALETTE)]}"/>')
        parts.append(f'<text x="{left + 150 * v + 14}" y="11">{html.escape(variant)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def write_html(path: Path, data: dict[str, Any], aggregates: dict[str, Any]) -> None:
    e = html.escape
    k = data["k"]
    variants = data["variants"]
    rows = []
    for name in _ordered(aggregates):
        cells = "".join(f"<td>{_fmt(v['aggregate'].get(name, {}).get('mean'))}</td>" for v in variants)
        desc = m.METRICS[name].description if name in m.METRICS else ""
        rows.append(f"<tr><th title='{e(desc)}'>{e(label(name, k))}</th>{cells}</tr>")
    head = "".join(f"<th>{e(v['name'])}<br><small>{e(str(v['info'].get('model', '')))}</small></th>" for v in variants)
    comps = []
    for c in data["comparisons"]:
        deltas = "".join(
            f"<tr><td>{e(label(d['metric'], k))}</td><td>{d['baseline']:.3f}</td><td>{d['variant']:.3f}</td>"
            f"<td>{d['delta']:+.3f}</td><td>[{d['ci_low']:+.3f}, {d['ci_high']:+.3f}]</td><td>{d['n']}</td></tr>"
            for d in c["deltas"]
        )
        comps.append(
            f"<h3>{e(c['variant'])} vs {e(variants[0]['name'])}</h3>"
            f"<p>pass→fail ({len(c['pass_to_fail'])}): {e(', '.join(c['pass_to_fail']) or 'none')}<br>"
            f"fail→pass ({len(c['fail_to_pass'])}): {e(', '.join(c['fail_to_pass']) or 'none')}</p>"
            "<table><tr><th>metric</th><th>baseline</th><th>variant</th><th>mean Δ</th><th>95% bootstrap CI</th>"
            f"<th>n</th></tr>{deltas}</table>"
        )
    gate = data["gate"]
    gate_rows = "".join(
        f"<tr class='{'ok' if c['ok'] else 'bad'}'><td>{e(c['variant'])}</td><td>{e(c['message'])}</td>"
        f"<td>{'ok' if c['ok'] else 'FAIL'}</td></tr>"
        for c in gate["checks"]
    )
    case_sections = []
    for v in variants:
        trs = "".join(
            f"<tr class='{'ok' if c['passed'] else 'bad'}'><td>{e(c['case_id'])}</td><td>{e(c['type'])}</td>"
            f"<td>{e(c['question'])}</td><td>{e(c['answer'])}</td>"
            f"<td><small>{e(', '.join(f'{label(n, k)}={x:.2f}' for n, x in c['metrics'].items() if x is not None))}"
            f"</small></td></tr>"
            for c in v["cases"]
        )
        case_sections.append(
            f"<details><summary>{e(v['name'])}: cases</summary><table><tr><th>id</th><th>type</th>"
            f"<th>question</th><th>answer</th><th>metrics</th></tr>{trs}</table></details>"
        )
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>rag eval: {e(data["suite"])}</title>
<style>
body {{ font-family: sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
td, th {{ border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }}
tr.bad td {{ background: #fde8e8; }} tr.ok td {{ background: #eef8ee; }}
</style></head><body>
<h1>rag eval: {e(data["suite"])}</h1>
<p>Gate: <strong>{"passed" if gate["ok"] else "FAILED"}</strong>. k = {k}. Displayed (guarded) answers are scored;
raw_* metrics score the model's output before the guard.</p>
{bar_chart(aggregates, k)}
<h2>Metrics</h2><table><tr><th>metric</th>{head}</tr>{"".join(rows)}</table>
<h2>Comparisons</h2>{"".join(comps) or "<p>One variant: nothing to compare.</p>"}
<h2>Gate</h2><table>{gate_rows}</table>
<h2>Cases</h2>{"".join(case_sections)}
</body></html>
"""
    path.write_text(page, encoding="utf-8")
