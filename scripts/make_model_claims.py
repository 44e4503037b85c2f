"""Collect sentences the bundled SmolLM2 writes about the bundled corpus, for labelling by hand.

    nice -n 15 python scripts/make_model_claims.py --out evals/support/model_claims.raw.jsonl

For each question in evals/support/questions.yaml the model answers twice:
- `answer`: the shipped answer prompt over the retrieved passages (Assistant, answer.guard off);
- `compose`: the 2-5 passage sentences closest to the question (MiniLM cosine) as numbered
  evidence, with evals/support/compose.v1.yaml asking for a one-or-two-sentence cited answer.
Each output sentence becomes one record paired with the text it cites (the passage, or the
evidence sentence); a sentence citing nothing is paired with the passage or evidence sentence
closest to it. Records are appended as they are made, so labelling can start while it runs;
a rerun skips (question, prompt) pairs already in the output file.

    python scripts/make_model_claims.py --join evals/support/labels.tsv

joins the raw records with the labels written by reading them (id, label, kind, note; tab
separated) into evals/support/model_claims.jsonl, the file the benchmark and the fit read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rag import Assistant, Settings  # noqa: E402
from rag.answer.cite import is_abstention, split_sentences, strip_markers  # noqa: E402
from rag.answer.prompts import load_prompt  # noqa: E402
from rag.ingest.chunk import sentence_spans  # noqa: E402


def closest(embeddings, text: str, candidates: list[str]) -> int:
    vectors = np.asarray(embeddings.embed_documents([text, *candidates]))
    return int(np.argmax(vectors[1:] @ vectors[0]))


KINDS = {"none", "changed_detail", "wrong_role", "invented", "irrelevant", "contradiction", "partial"}


def join(raw: Path, labels: Path, out: Path) -> None:
    """Labelled records: each raw sentence with its hand label; unlabelled ones are left out."""
    by_id = {}
    for n, line in enumerate(labels.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) < 3 or parts[1] not in ("supported", "unsupported") or parts[2] not in KINDS:
            raise SystemExit(f"error: {labels}:{n}: expected 'id<TAB>supported|unsupported<TAB>kind<TAB>note'")
        if (parts[1] == "supported") != (parts[2] == "none"):
            raise SystemExit(f"error: {labels}:{n}: kind 'none' goes with 'supported' only")
        by_id[parts[0]] = (parts[1], parts[2], parts[3] if len(parts) > 3 else "")
    rows = []
    for line in raw.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r.get("claim") and r["id"] in by_id:
            label, kind, note = by_id[r["id"]]
            rows.append(
                {k: v for k, v in r.items() if k != "raw_output"} | {"label": label, "kind": kind, "note": note}
            )
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} labelled sentences -> {out} ({sum(r['label'] == 'supported' for r in rows)} supported)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--join", type=Path, metavar="LABELS", help="join labels into model_claims.jsonl and stop")
    parser.add_argument("--questions", type=Path, default=ROOT / "evals" / "support" / "questions.yaml")
    parser.add_argument("--out", type=Path, default=ROOT / "evals" / "support" / "model_claims.raw.jsonl")
    parser.add_argument("--index", type=Path, default=Path(tempfile.gettempdir()) / "model_claims_index")
    parser.add_argument("--max-evidence", type=int, default=5)
    args = parser.parse_args()
    if args.join:
        join(args.out, args.join, args.out.with_name("model_claims.jsonl"))
        return

    questions = yaml.safe_load(args.questions.read_text(encoding="utf-8"))
    done = set()
    if args.out.exists():
        for line in args.out.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            done.add((r["qid"], r["prompt"]))
    # `generate` with answer.v1: the model writes from whole passages. (The default mode, auto, quotes the
    # evidence with no model call for SmolLM2; the thirteenth session's first run got quotes that way.)
    answer = {"guard": False, "mode": "generate", "answer_prompt": "answer.v1"}
    settings = Settings(store={"path": args.index}, answer=answer)  # type: ignore[arg-type]
    assistant = Assistant(settings)
    assistant.ingest(ROOT / "corpus")
    emb = assistant.embeddings
    compose = load_prompt(str(ROOT / "evals" / "support" / "compose.v1.yaml"), ROOT / "prompts")

    with args.out.open("a", encoding="utf-8") as out:

        def emit(q: dict, prompt: str, raw: str, sentences: list[tuple[str, list[str], list[str]]]) -> None:
            """sentences: (claim, cited texts, cited article ids)."""
            for n, (claim, texts, articles) in enumerate(sentences):
                record = {
                    "id": f"{q['id']}-{prompt}-{n}",
                    "qid": q["id"],
                    "question": q["question"],
                    "prompt": prompt,
                    "claim": claim,
                    "evidence": texts[0] if len(texts) == 1 else " ".join(texts),
                    "paired_by": "citation" if texts and articles and articles[0] != "closest" else "closest",
                    "article": articles[-1] if articles else None,
                    "raw_output": raw,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            if not sentences:  # an abstention: recorded so the rerun skips it
                out.write(
                    json.dumps(
                        {
                            "id": f"{q['id']}-{prompt}-x",
                            "qid": q["id"],
                            "prompt": prompt,
                            "question": q["question"],
                            "claim": None,
                            "raw_output": raw,
                        }
                    )
                    + "\n"
                )
            out.flush()

        for q in questions:
            if (q["id"], "answer") not in done:
                started = time.perf_counter()
                answer = assistant.ask(q["question"])
                by_number = {c.number: c.passage for c in answer.citations}
                rows = []
                if not answer.abstained:
                    for s in answer.sentences:
                        claim = strip_markers(s.text).strip()
                        if len(claim.split()) < 3:
                            continue
                        cited = [by_number[n] for n in s.citations if n in by_number]
                        if cited:
                            rows.append((claim, [p.text for p in cited], [p.article_id for p in cited]))
                        elif answer.passages:
                            p = answer.passages[closest(emb, claim, [p.text for p in answer.passages])]
                            rows.append((claim, [p.text], ["closest", p.article_id]))
                emit(q, "answer", answer.raw_output, rows)
                print(f"{q['id']} answer {time.perf_counter() - started:.1f}s {len(rows)}", flush=True)

            if (q["id"], "compose") not in done:
                started = time.perf_counter()
                passages = assistant.retriever.search(q["question"], settings.retrieval.k)
                cands = [(p.text[s:e].strip(), p.article_id) for p in passages for s, e in sentence_spans(p.text)]
                cands = [(t, a) for t, a in dict.fromkeys(cands) if len(t.split()) >= 5]
                rows = []
                raw = ""
                if cands:
                    vectors = np.asarray(emb.embed_documents([q["question"], *(t for t, _ in cands)]))
                    order = np.argsort(-(vectors[1:] @ vectors[0]))
                    # 2 to max_evidence sentences: as many as are near the question.
                    scores = (vectors[1:] @ vectors[0])[order]
                    k = max(2, min(args.max_evidence, int((scores >= scores[0] - 0.15).sum())))
                    chosen = [cands[i] for i in order[:k]]
                    block = "\n".join(f"[{i + 1}] {t}" for i, (t, _) in enumerate(chosen))
                    raw = assistant.llm.invoke(compose.render(evidence=block, question=q["question"])).content
                    text = re.sub(r"^\s*(?:Answer:)\s*", "", str(raw).strip())
                    if not is_abstention(text, compose.abstain):
                        for s in split_sentences(text):
                            claim = strip_markers(s.text).strip()
                            if len(claim.split()) < 3:
                                continue
                            cited = [chosen[n - 1] for n in s.citations if 1 <= n <= len(chosen)]
                            if cited:
                                rows.append((claim, [t for t, _ in cited], [a for _, a in cited]))
                            else:
                                t, a = chosen[closest(emb, claim, [t for t, _ in chosen])]
                                rows.append((claim, [t], ["closest", a]))
                emit(q, "compose", str(raw), rows)
                print(f"{q['id']} compose {time.perf_counter() - started:.1f}s {len(rows)}", flush=True)


if __name__ == "__main__":
    main()
