"""Throughput of the whole ``analyze`` against raw spaCy, measured in the same run.

    python bench/throughput.py [--words 200000] [--model NAME] [--batch-size 32]

Builds ~N words of input by repeating the bundled demo corpus (each copy made unique so the
content-hash ids differ), then times, on the same texts and the same base pipeline:

1. raw ``nlp.pipe`` of the base spaCy model (the baseline);
2. every pipeline component separately (so the storyline_* components' share is visible);
3. the full ``storyline.api.analyze`` into a fresh SQLite store (ingest, read, store, reconcile).

Prints words/s for each and the ratio full / raw (target >= 0.8: storyline adds at most 25%).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import spacy

from storyline import api
from storyline.options import AnalysisOptions
from storyline.read.pipeline import DEFAULT_MODELS, load_pipeline
from storyline.read.reader import make_doc


def corpus(words: int) -> list[dict]:
    base = api.ingest([api.demo_corpus()]).articles
    if not base:
        sys.exit("the demo corpus is empty: nothing to benchmark")
    out, total, copy = [], 0, 0
    while total < words:
        for a in base:
            text = a.text + f"\n\n(Copy {copy}.)"
            out.append({"id": f"{a.id}-{copy}", "outlet": a.outlet, "published": a.published, "title": a.title, "text": text})
            total += len(text.split())
            if total >= words:
                break
        copy += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--model", default="")
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    items = corpus(args.words)
    words = sum(len(i["text"].split()) for i in items)
    texts = [i["text"] for i in items]
    print(f"{len(items)} articles, {words:,} words (demo corpus repeated)")

    nlp = load_pipeline(args.model or None)
    base_name = args.model or next(m for m in DEFAULT_MODELS if spacy.util.is_package(m))
    raw_nlp = spacy.load(base_name)

    # Warm both pipelines so model loading and first-call costs are not measured.
    list(raw_nlp.pipe(texts[:4]))
    list(nlp.pipe(texts[:4]))

    t0 = time.perf_counter()
    for _ in raw_nlp.pipe(texts, batch_size=args.batch_size):
        pass
    raw_s = time.perf_counter() - t0

    # Per component: run the Docs through one component at a time.
    from storyline.records import Article

    articles = [Article(i["id"], i["text"], i["outlet"], i["published"], None, None, "bench", "jsonl", "") for i in items]
    docs = [make_doc(nlp, a) for a in articles]
    per: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        t = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=args.batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        per[name] = time.perf_counter() - t

    with tempfile.TemporaryDirectory() as tmp:
        manifest = Path(tmp) / "bench.jsonl"
        manifest.write_text("\n".join(json.dumps(i) for i in items) + "\n", "utf-8")
        with api.open_store(Path(tmp) / "bench.db") as store:
            t0 = time.perf_counter()
            summary = api.analyze([manifest], store, AnalysisOptions(batch_size=args.batch_size), nlp=nlp)
            full_s = time.perf_counter() - t0

    spacy_part = sum(v for k, v in per.items() if not k.startswith("storyline_"))
    ours = sum(v for k, v in per.items() if k.startswith("storyline_"))
    print(f"\n{'stage':<24}{'seconds':>10}{'words/s':>12}")
    print(f"{'raw spaCy nlp.pipe':<24}{raw_s:>10.2f}{words / raw_s:>12,.0f}")
    for name, sec in per.items():
        print(f"  {name:<22}{sec:>10.2f}{words / sec if sec else float('inf'):>12,.0f}")
    print(f"{'storyline components':<24}{ours:>10.2f}   = {ours / spacy_part:.1%} on top of spaCy's own components")
    print(f"{'full analyze':<24}{full_s:>10.2f}{words / full_s:>12,.0f}")
    print(f"\nratio full / raw spaCy: {raw_s / full_s:.2f}  (target >= 0.80)")
    print(f"({summary.articles_new} articles stored, {summary.claims} claims, {sum(summary.facts_by_status.values())} facts)")


if __name__ == "__main__":
    main()
