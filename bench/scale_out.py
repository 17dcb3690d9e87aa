"""Scale-out of reading on Ray: words/s of ``analyze --engine ray`` with 1 and N actors.

    python bench/scale_out.py [--words 60000] [--address ADDR] [--actors 2] [--batch-size 8]

Builds ~N words by repeating the demo corpus (as bench/throughput.py does), then, in the same
run, times the whole ``analyze`` into a fresh SQLite store:

1. the local engine in one process (``workers=1``), the baseline;
2. the Ray engine with 1 actor, then with ``--actors`` actors, on the cluster at ``--address``
   (default: a Ray started on this machine for the bench; ``eval "$(bash .ci/ray.sh)"`` gives a
   two-node cluster on loopback, then pass ``--address $STORYLINE_TEST_RAY_ADDRESS``).

Prints words/s for each and the scaling efficiency: (words/s with N actors) / (N x words/s with
1 actor). Each Ray run includes its actors loading the model, as a real run does; the driver
stores and reconciles alone, which bounds the speed-up (Amdahl). On a 2-core machine, two actors
also compete with the driver for the cores.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from throughput import corpus

from storyline import api
from storyline.core.options import AnalysisOptions


def timed_run(items: list[dict], options: AnalysisOptions) -> tuple[float, api.AnalysisSummary]:
    with tempfile.TemporaryDirectory() as tmp:
        manifest = Path(tmp) / "bench.jsonl"
        manifest.write_text("\n".join(json.dumps(i) for i in items) + "\n", "utf-8")
        with api.open_store(Path(tmp) / "bench.db") as store:
            t0 = time.perf_counter()
            summary = api.analyze([manifest], store, options)
            return time.perf_counter() - t0, summary


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=60_000)
    ap.add_argument("--address", default="local", help="Ray cluster (HOST:PORT or auto); default: a Ray started for the bench")
    ap.add_argument("--actors", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=8)
    args = ap.parse_args()

    import ray

    items = corpus(args.words)
    words = sum(len(i["text"].split()) for i in items)
    print(f"{len(items)} articles, {words:,} words (demo corpus repeated)")
    # One Ray for all the runs, so its start-up is not charged to the first.
    ray.init(address=args.address, log_to_driver=False, include_dashboard=False)
    print(f"Ray cluster: {len([n for n in ray.nodes() if n['Alive']])} node(s), {ray.cluster_resources().get('CPU', 0):g} CPUs")
    timed_run(items[:4], AnalysisOptions(workers=1, batch_size=args.batch_size))  # warm this process's pipeline

    rows: list[tuple[str, float]] = []
    local_s, summary = timed_run(items, AnalysisOptions(workers=1, batch_size=args.batch_size))
    rows.append(("local engine, 1 process", local_s))
    per_actor: dict[int, float] = {}
    for actors in sorted({1, args.actors}):
        sec, _ = timed_run(items, AnalysisOptions(engine="ray", ray_address=args.address, workers=actors, batch_size=args.batch_size))
        per_actor[actors] = sec
        rows.append((f"ray engine, {actors} actor(s)", sec))
    ray.shutdown()

    print(f"\n{'run':<32}{'seconds':>9}{'words/s':>12}")
    for label, sec in rows:
        print(f"{label:<32}{sec:>9.2f}{words / sec:>12,.0f}")
    if args.actors > 1:
        one, many = words / per_actor[1], words / per_actor[args.actors]
        print(f"\nscaling efficiency with {args.actors} actors: {many / (args.actors * one):.2f}  "
              f"(speed-up {many / one:.2f}x over 1 actor)")
    print(f"({summary.articles_new} articles, {summary.claims} claims, {sum(summary.facts_by_status.values())} facts)")


if __name__ == "__main__":
    main()
