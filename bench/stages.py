"""CPU seconds per word of each stage of ``analyze``, each stage run alone on the same texts.

    python bench/stages.py [--words 30000] [--no-heap] [--components] [--profile STAGE[,STAGE]]

Builds the input as bench/throughput.py does (the demo corpus repeated), then measures, in CPU
seconds of this process (steady on a shared machine, unlike wall seconds), one after another:
raw ``nlp.pipe`` of the base spaCy model (the baseline), ingest, read (the full pipeline and the
Doc -> records step, ``read_articles``), the pickling of the readings to and from a reading
process (storyline.read.parallel), ``put_reading`` of every reading into a fresh SQLite store,
the loading of the tables reconcile reads (once per process; ``analyze`` does it on a thread
while articles are read) and ``reconcile``. Each is printed as a share of raw spaCy and in microseconds per word.

``--components`` adds the CPU seconds of each pipeline component (all Docs through one component
at a time, as bench/throughput.py does in wall seconds), the base model's and the storyline_* ones.

The stages run inside ``storyline.core.heap.long_lived`` as ``analyze`` runs them; ``--no-heap``
runs them with the collector's default settings, to show what that saves. ``--profile`` prints
cProfile's top functions for the stages named (profiling slows them: the CPU column is then not
comparable).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pickle
import pstats
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

import spacy
from throughput import corpus, time_components

from storyline import api
from storyline.core.heap import long_lived
from storyline.read.pipeline import DEFAULT_MODELS, load_pipeline
from storyline.read.reader import read_articles
from storyline.reconcile import preload


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=30_000)
    ap.add_argument("--no-heap", action="store_true", help="the collector's default settings instead of analyze's")
    ap.add_argument("--components", action="store_true", help="also the CPU seconds of each pipeline component")
    ap.add_argument("--profile", default="", help="comma-separated stages to profile (e.g. read,put_reading)")
    args = ap.parse_args()
    items = corpus(args.words)
    words = sum(len(i["text"].split()) for i in items)
    texts = [i["text"] for i in items]
    nlp = load_pipeline(None)
    raw = spacy.load(next(m for m in DEFAULT_MODELS if spacy.util.is_package(m)))
    list(raw.pipe(texts[:8]))
    list(read_articles(nlp, api.ingest([api.demo_corpus()]).articles[:8]))
    profiled = set(filter(None, args.profile.split(",")))
    prof = cProfile.Profile()
    spent: dict[str, float] = {}

    def stage(name: str, fn):
        if name in profiled:
            prof.enable()
        c = time.process_time()
        out = fn()
        spent[name] = time.process_time() - c
        if name in profiled:
            prof.disable()
        return out

    with tempfile.TemporaryDirectory() as tmp, (nullcontext() if args.no_heap else long_lived()):
        manifest = Path(tmp) / "bench.jsonl"
        manifest.write_text("\n".join(json.dumps(i) for i in items) + "\n", "utf-8")
        stage("raw nlp.pipe", lambda: [None for _ in raw.pipe(texts, batch_size=32)])
        articles = stage("ingest", lambda: api.ingest([manifest])).articles
        readings = [r for _, r in stage("read", lambda: list(read_articles(nlp, articles, 32)))]
        blob = stage("pickle (to the parent)", lambda: pickle.dumps(readings, protocol=pickle.HIGHEST_PROTOCOL))
        stage("unpickle (in the parent)", lambda: pickle.loads(blob))
        with api.open_store(Path(tmp) / "bench.db") as store:
            stage("put_reading", lambda: [store.put_reading(r, None) for r in readings])
        # Once per process, and in ``analyze`` on a thread while articles are read: apart.
        stage("reconcile tables (load)", preload)
        stage("reconcile", lambda: api.reconcile(readings))
    raw_cpu = spent["raw nlp.pipe"]
    print(f"{len(items)} articles, {words:,} words (demo corpus repeated); "
          f"{'default collector' if args.no_heap else 'inside long_lived, as analyze'}; readings pickled: {len(blob) / 1e6:.1f} MB")
    print(f"{'stage':<26}{'CPU s':>8}{'of raw':>9}{'us/word':>9}")
    for name, sec in spent.items():
        print(f"{name:<26}{sec:8.2f}{sec / raw_cpu:9.1%}{1e6 * sec / words:9.1f}")
    total = sum(v for k, v in spent.items() if k != "raw nlp.pipe")
    print(f"{'all but raw':<26}{total:8.2f}{total / raw_cpu:9.1%}{1e6 * total / words:9.1f}")
    if args.components:
        with (nullcontext() if args.no_heap else long_lived()):
            per = time_components(nlp, items, 32, clock=time.process_time)
        print(f"\n{'component (one at a time)':<26}{'CPU s':>8}{'of raw':>9}{'us/word':>9}")
        for name, sec in per.items():
            print(f"{name:<26}{sec:8.2f}{sec / raw_cpu:9.1%}{1e6 * sec / words:9.1f}")
        ours = sum(v for k, v in per.items() if k.startswith("storyline_"))
        print(f"{'storyline_* together':<26}{ours:8.2f}{ours / raw_cpu:9.1%}{1e6 * ours / words:9.1f}")
    if profiled:
        pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(40)


if __name__ == "__main__":
    main()
