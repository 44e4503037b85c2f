"""Ask the questions in a YAML file with the configured assistant and report what came back.

    python benchmarks/ask_questions.py [benchmarks/questions.yaml] [--json out.json]

Prints, per question: whether retrieval's top passage and the answer's citations come from
the expected article, whether it abstained, time to first token and total time; then the
totals, and cold-start costs (ingest, model loading) measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from rag import Assistant, Settings, Token
from rag.answer.cite import parse_answer

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", nargs="?", type=Path, default=HERE / "questions.yaml")
    parser.add_argument("--corpus", type=Path, default=HERE.parent / "corpus")
    parser.add_argument("--json", type=Path, help="Write every answer here.")
    args = parser.parse_args()
    cases = yaml.safe_load(args.questions.read_text(encoding="utf-8"))

    with tempfile.TemporaryDirectory() as tmp:
        assistant = Assistant(Settings(store={"path": Path(tmp) / "index"}))
        t = time.perf_counter()
        report = assistant.ingest(args.corpus)  # includes loading the embedding model
        ingest_cold = time.perf_counter() - t
        t = time.perf_counter()
        again = assistant.ingest(args.corpus)
        ingest_again = time.perf_counter() - t
        t = time.perf_counter()
        assistant.llm.load() if hasattr(assistant.llm, "load") else None
        llm_load = time.perf_counter() - t
        print(
            f"ingest: {len(report.ingested)} articles, {report.chunks_written} chunks, {ingest_cold:.1f}s cold "
            f"(embedding model load included); re-ingest {len(again.unchanged)} unchanged in {ingest_again:.2f}s"
        )
        print(f"local LLM load: {llm_load:.1f}s ({assistant.model_name})\n")

        rows = []
        for case in cases:
            answer, first = None, None
            started = time.perf_counter()
            for event in assistant.stream(case["question"]):
                if isinstance(event, Token):
                    first = first or time.perf_counter() - started
                else:
                    answer = event
            total = time.perf_counter() - started
            assert answer is not None
            expected = case["article"]
            top = answer.passages[0].article_id if answer.passages else None
            cited = sorted({c.passage.article_id for c in answer.citations})
            rows.append(
                {
                    "question": case["question"],
                    "expected": expected,
                    "top_passage": top,
                    "cited": cited,
                    "abstained": answer.abstained,
                    "first_token_s": first,
                    "total_s": total,
                    "text": answer.text,
                    "raw": answer.raw_output,
                    "verdicts": [s.verdict for s in answer.sentences],
                    # The model's own sentences, before the guard: re-parse its raw output.
                    "raw_sentences": len(parse_answer(answer.raw_output, answer.passages).sentences),
                    "faithfulness": answer.faithfulness,
                    "fallback": answer.fallback,
                    "unsupported": answer.unsupported,
                    "guard_s": answer.timings.get("guard_s"),
                }
            )
            ok = answer.abstained if expected is None else expected in cited
            print(
                f"{'✓' if ok else '✗'} {case['question']}\n    -> {answer.text[:200]}\n"
                f"    top={top} cited={cited} abstained={answer.abstained} "
                f"first_token={first or 0:.1f}s total={total:.1f}s"
            )

    answerable = [r for r in rows if r["expected"]]
    unanswerable = [r for r in rows if not r["expected"]]
    generated = [r for r in rows if r["first_token_s"] is not None]
    print("\nsummary")
    print(
        f"  retrieval top-1 from the expected article: "
        f"{sum(r['top_passage'] == r['expected'] for r in answerable)}/{len(answerable)}"
    )
    print(
        "  answers citing the expected article: "
        f"{sum(r['expected'] in r['cited'] for r in answerable)}/{len(answerable)}"
        f" (citing only it: {sum(r['cited'] == [r['expected']] for r in answerable)})"
    )
    print(f"  abstained on answerable questions: {sum(r['abstained'] for r in answerable)}/{len(answerable)}")
    print(f"  abstained on unanswerable questions: {sum(r['abstained'] for r in unanswerable)}/{len(unanswerable)}")
    if generated:
        print(
            f"  time to first token: median {statistics.median(r['first_token_s'] for r in generated):.1f}s, "
            f"max {max(r['first_token_s'] for r in generated):.1f}s"
        )
        print(
            f"  total per answer: median {statistics.median(r['total_s'] for r in generated):.1f}s, "
            f"max {max(r['total_s'] for r in generated):.1f}s"
        )
    checked = [r for r in rows if r["faithfulness"] is not None]
    if checked:
        raw_total = sum(r["raw_sentences"] for r in checked)
        before = sum(r["faithfulness"] * r["raw_sentences"] for r in checked)
        shown = [v for r in checked for v in r["verdicts"]]
        after = sum(v in ("supported", "repaired", "quote") for v in shown)
        guard_times = sorted(r["guard_s"] for r in checked if r["guard_s"] is not None)
        print(f"  answer guard on {len(checked)} generated answers ({raw_total} model sentences):")
        print(
            f"    sentences supported by the passage they cite, before the guard: {before:.0f}/{raw_total}"
            f" = {before / max(raw_total, 1):.0%}"
        )
        print(
            f"    displayed sentences supported by their cited passage, after the guard: {after}/{len(shown)}"
            f" = {after / max(len(shown), 1):.0%} (repaired citations: {shown.count('repaired')},"
            f" removed sentences: {sum(len(r['unsupported']) for r in checked)})"
        )
        print(
            f"    fell back to quotations: {sum(r['fallback'] == 'quotes' for r in checked)}/{len(checked)}, "
            f"to abstaining: {sum(r['fallback'] == 'abstain' for r in checked)}/{len(checked)}"
        )
        if guard_times:
            print(
                f"    latency added by the guard: median {statistics.median(guard_times) * 1000:.0f} ms, "
                f"max {guard_times[-1] * 1000:.0f} ms"
            )
    abst = [r["total_s"] for r in rows if r["first_token_s"] is None]
    if abst:
        print(f"  abstentions without an LLM call: {len(abst)}, median {statistics.median(abst) * 1000:.0f} ms")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
