"""Peak memory and time of ``analyze`` on one very long article (read in chunks).

    python bench/long_article.py [--chars 5000000] [--chunk-chars N] [--model NAME] [--keep DIR]

Writes one article of ``--chars`` characters (the bundled demo corpus repeated, each copy made
unique, paragraphs kept) to a .txt file, then runs the whole ``storyline.api.analyze`` (ingest,
read, store into a fresh SQLite file, reconcile) on it in a child process, and reports the child's
peak resident memory (``ru_maxrss``) and wall time. A second child only loads the pipeline, so the
model's own share of the peak is visible. The target: a 5 MB article under 1 GB peak RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def write_article(path: Path, chars: int) -> int:
    from storyline import api

    base = [a.text.strip() for a in api.ingest([api.demo_corpus()]).articles]
    parts, size, n = [], 0, 0
    while size < chars:
        part = base[n % len(base)] + f"\n\n(Copy {n}.)\n\n"
        parts.append(part)
        size += len(part)
        n += 1
    text = "".join(parts)[:chars]
    path.write_text(f"---\nid: long\noutlet: Daily Lumen\npublished: 2024-01-12\n---\n{text}", "utf-8")
    return len(text)


def child(args: argparse.Namespace) -> None:
    """Runs in the measured process: prints one JSON line."""
    from storyline import api
    from storyline.core.options import AnalysisOptions
    from storyline.read.pipeline import load_pipeline

    nlp = load_pipeline(args.model or None)
    if args.child == "baseline":
        print(json.dumps({"loaded": True}))
        return
    if args.chunk_chars:
        import storyline.read.chunks

        storyline.read.chunks.CHUNK_CHARS = args.chunk_chars
    options = AnalysisOptions(max_article_chars=max(args.chars + 1, AnalysisOptions().max_article_chars), max_file_mb=1000.0)
    t0 = time.perf_counter()
    with api.open_store(args.db) as store:
        summary = api.analyze([args.child], store, options, nlp=nlp)
        counts = store.counts()
    print(json.dumps({"seconds": time.perf_counter() - t0, "rejected": [r.reason for r in summary.rejected],
                      "articles": summary.articles_total, "claims": counts["claims"], "mentions": counts["mentions"],
                      "facts": counts["facts"]}))  # fmt: skip


def measure(cmd: list[str]) -> tuple[dict, float, float]:
    """(the child's JSON line, its own peak RSS in MB (``wait4``), its wall seconds)."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(cmd, stdout=out)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - t0
        if proc.returncode:
            sys.exit(f"the measured child failed with status {proc.returncode}")
        out.seek(0)
        return json.loads(out.read().strip().splitlines()[-1]), usage.ru_maxrss / 1024, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=5_000_000)
    ap.add_argument("--chunk-chars", type=int, default=0, help="override storyline.read.chunks.CHUNK_CHARS")
    ap.add_argument("--model", default="")
    ap.add_argument("--keep", type=Path, help="write the article and database here instead of a temp dir")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args)
        return
    with tempfile.TemporaryDirectory() as tmp:
        where = args.keep or Path(tmp)
        where.mkdir(parents=True, exist_ok=True)
        article = where / "long.txt"
        chars = write_article(article, args.chars)
        common = [sys.executable, __file__, "--chars", str(chars), "--model", args.model, "--chunk-chars", str(args.chunk_chars)]
        _, base_mb, base_s = measure([*common, "--child", "baseline"])
        result, peak_mb, wall = measure([*common, "--child", str(article), "--db", str(where / "long.db")])
    print(
        f"article: {chars:,} characters ({article.stat().st_size / 1e6:.1f} MB file)"
        if args.keep
        else f"article: {chars:,} characters"
    )
    print(f"model loaded alone: peak RSS {base_mb:,.0f} MB ({base_s:.1f} s)")
    print(f"analyze (ingest, read in chunks, store, reconcile): peak RSS {peak_mb:,.0f} MB, "
          f"{result['seconds']:.1f} s in analyze, {wall:.1f} s wall with start-up")  # fmt: skip
    print(f"stored: {result['articles']} article, {result['claims']:,} claims, {result['mentions']:,} mentions, {result['facts']:,} facts; "
          f"rejected: {result['rejected'] or 'none'}")  # fmt: skip
    print("target: peak RSS under 1,024 MB:", "met" if peak_mb < 1024 else "NOT met")


if __name__ == "__main__":
    main()
