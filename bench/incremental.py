"""Incremental reconcile: adding k articles to a 1,000-article story, against a full reconcile.

The story is bench/reconcile_scale.py's synthetic one (a cast of 40, 300 events with Zipf-like
popularity, 10–30 claims an article, mixed sources, relays, wrong dates, denials, ages). For each
k (default 1 and 10): a full reconcile of the story with its k new articles (the baseline, in
this run), and an incremental one: a :class:`storyline.reconcile.ReconcileCache` that reconciled
the story without them (not timed), then reconciles it with them (timed). Both go through
:func:`storyline.api.reconcile`, the function the CLI, the store and the web app call: it pauses
the collector, whose passes cost a quarter of a full reconcile made without it (through
``storyline.reconcile.reconcile``, as this benchmark timed until 2026-12-08, the full reconcile
paid them and the incremental one mostly did not, which flattered the ratio: 0.099 there
against 0.131 here on the same code). The story an
incremental reconcile gives is checked equal to the full one every time (``equal``: must be yes).

Each measurement runs ``--repeat`` times (default 3; the machine is shared, so the median is
printed), after one untimed full reconcile that warms the process (lexicons, name caches).
Printed per k: full and incremental seconds (wall clock and this process's CPU time), the ratio
incremental / full (issue 14's target for k = 1: at most 0.10), the units the cache reused (claim
views, alignment blocks, alignment's lexical similarities ("sims") and fact drafts; claims of the facts made again whose scan for sources
was resumed past them or kept their decision, "scanned"; the answers of functions of one claim those
facts' judgements took over from their last, "viewed"; the cast's per-article pieces, articles whose settled
entity types were kept, and story entities whose description was kept; what each article tells the
conflicts across facts, and the ages each states), and whether the stories are equal. A benchmark, not a test: it prints, it does not assert.

With ``--store``, also the path an operator meets (``api.reconcile_story`` after ``put_reading``
of the k articles, on SQLite): the story is stored and reconciled once, the database copied, and
then one copy is brought up to date by this process (which reconciled it: incremental) and the
other as a process that did not would (full); each is timed once, with the rows the save wrote
(only those that changed: storyline.store.sync), and, timed apart, reading the readings back and
saving the same story again (which writes nothing).

    python bench/incremental.py                 # 1,000 articles, k = 1 and 10
    python bench/incremental.py --articles 200 --ks 1 5 20
    python bench/incremental.py --ks 1 --store  # and through the store
    python bench/incremental.py --newest        # the added articles dated last (as a feed's newest are)
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reconcile_scale  # noqa: E402  (the synthetic story generator beside this file)

from storyline.api import reconcile  # noqa: E402
from storyline.core.options import ReconcileOptions  # noqa: E402
from storyline.reconcile import ReconcileCache  # noqa: E402


def _timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def measure(readings: list, n: int, k: int, repeat: int, options: ReconcileOptions) -> dict:
    """Medians over ``repeat`` runs of a full and an incremental reconcile of ``readings[:n + k]``."""
    full_wall, full_cpu, inc_wall, inc_cpu, equal = [], [], [], [], True
    stats = None
    for _ in range(repeat):
        full, wall, cpu = _timed(lambda: reconcile(readings[: n + k], options))
        full_wall.append(wall)
        full_cpu.append(cpu)
        cache = ReconcileCache()
        reconcile(readings[:n], options, cache=cache)  # the story as it was: not timed
        story, wall, cpu = _timed(lambda: reconcile(readings[: n + k], options, cache=cache))
        inc_wall.append(wall)
        inc_cpu.append(cpu)
        equal = equal and story == full
        stats = dict(cache.stats)
    return {"full_wall": statistics.median(full_wall), "full_cpu": statistics.median(full_cpu),
            "inc_wall": statistics.median(inc_wall), "inc_cpu": statistics.median(inc_cpu),
            "equal": equal, "stats": stats}


def through_store(readings: list, n: int, k: int) -> None:
    """``api.reconcile_story`` after storing k articles: incremental (this process reconciled the
    story last) and full (a copy of the database, whose cache this process does not hold)."""
    from storyline import api

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "story.db"
        with api.open_store(db) as store:
            for r in readings[:n]:
                store.put_reading(r, "bench")
            api.reconcile_story(store, "bench")
        shutil.copy(db, Path(tmp) / "copy.db")
        rows = []
        for label, path in (("incremental", db), ("full", Path(tmp) / "copy.db")):
            with api.open_store(path) as store:
                for r in readings[n : n + k]:
                    store.put_reading(r, "bench")
                _, load, _ = _timed(lambda: store.readings("bench"))
                _, wall, cpu = _timed(lambda: api.reconcile_story(store, "bench"))
                written = sum(store.rows_written.values())
                _, save, _ = _timed(lambda: store.replace_story(store.story("bench"), "bench"))
                rows.append((label, wall, cpu, load, save, written, store.story("bench")))
        stored = sum(len(v) for f in dataclasses.fields(rows[0][6]) if isinstance(v := getattr(rows[0][6], f.name), tuple))
        print(f"through the store, k = {k}: " + "; ".join(
            f"{label} {wall:.2f} s ({cpu:.2f} CPU s; rows written {written}; timed apart: reading the readings back "
            f"{load:.2f} s, saving the unchanged story again {save:.2f} s)" for label, wall, cpu, load, save, written, _ in rows)
            + f"; the story's own rows (links apart) {stored}"
            + f"; ratio {rows[0][1] / rows[1][1]:.3f}; stories equal: {'yes' if rows[0][6] == rows[1][6] else 'NO'}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=1_000, help="articles in the story before the new ones (default 1000)")
    ap.add_argument("--ks", type=int, nargs="+", default=[1, 10], help="articles added (default 1 10)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is printed (default 3)")
    ap.add_argument("--store", action="store_true", help="also time api.reconcile_story through a SQLite store (once per k)")
    ap.add_argument("--newest", action="store_true",
                    help="date the added articles after every article of the story (a feed's usual case; by "
                         "default they fall inside the story's dates)")
    args = ap.parse_args(argv)
    options = ReconcileOptions()
    readings = reconcile_scale.corpus(args.articles + max(args.ks))
    if args.newest:
        last, one_day = max(r.article.published for r in readings[: args.articles] if r.article.published), timedelta(days=1)
        readings[args.articles:] = [dataclasses.replace(r, article=dataclasses.replace(r.article, published=last + one_day))
                                    for r in readings[args.articles:]]
    claims = sum(len(r.claims) for r in readings[: args.articles])
    print(f"story: {args.articles} articles, {claims} claims (bench/reconcile_scale.py's synthetic story)")
    reconcile(readings[: args.articles], options)  # warm the process: not timed
    print(f"{'k':>4} {'full s':>8} {'incr s':>8} {'ratio':>6} {'full cpu':>9} {'incr cpu':>9} {'cpu ratio':>9} "
          f"{'equal':>6}  reused (hit/all)")
    for k in args.ks:
        m = measure(readings, args.articles, k, args.repeat, options)
        s = m["stats"]
        reused = ", ".join(f"{u} {s.get(u + '_hit', 0)}/{s.get(u + '_hit', 0) + s.get(u + '_miss', 0)}"
                           for u in ("views", "blocks", "sims", "drafts", "scanned", "viewed", "articles", "settled", "names", "described",
                                     "told", "ages"))
        print(f"{k:>4} {m['full_wall']:>8.2f} {m['inc_wall']:>8.2f} {m['inc_wall'] / m['full_wall']:>6.3f} "
              f"{m['full_cpu']:>9.2f} {m['inc_cpu']:>9.2f} {m['inc_cpu'] / m['full_cpu']:>9.3f} "
              f"{'yes' if m['equal'] else 'NO':>6}  {reused}", flush=True)
    if args.store:
        for k in args.ks:
            through_store(readings, args.articles, k)
    return 0


if __name__ == "__main__":
    sys.exit(main())
