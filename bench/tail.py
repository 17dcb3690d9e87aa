"""CPU of ``analyze``'s serial tail: what runs after the last article is stored, on one core.

    python bench/tail.py --db /tmp/tail.db [--words 150000] [--repeat 3]

On a first run of ``analyze`` the reading ends and the story is reconciled from the readings in
memory, saved for the first time (``store.replace_story``) and counted: the other core is idle
all along, so every CPU second here is a wall second of ``bench/throughput.py``'s 2-process run.

``--db`` holds the readings of the throughput corpus (``bench/throughput.py``'s ``corpus``: the demo
repeated to ``--words``); when the file does not exist it is made first, by one ``analyze`` (about
half a minute of reading at 150k words). Each repeat copies it, drops its stored account, and replays
the tail as ``analyze`` runs it (``api._current`` with the readings in memory, then the summary's
counts), with the reconcile tables loaded beforehand as ``analyze`` loads them while reading. Prints
the CPU seconds of each repeat and their median, and the stored rows of the last one.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import throughput  # noqa: E402

from storyline import api  # noqa: E402
from storyline.core.heap import long_lived  # noqa: E402
from storyline.core.options import AnalysisOptions  # noqa: E402
from storyline.reconcile import preload  # noqa: E402
from storyline.store.tables import SCOPED_TABLES, tables  # noqa: E402


def make_db(path: Path, words: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        manifest = Path(tmp) / "bench.jsonl"
        manifest.write_text("\n".join(json.dumps(i) for i in throughput.corpus(words)) + "\n", "utf-8")
        with api.open_store(path) as store:
            api.analyze([manifest], store, AnalysisOptions(batch_size=32, workers=0))


def tail_cpu(source: Path, work: Path) -> tuple[float, dict[str, int]]:
    """CPU seconds of one replayed tail on a copy of ``source``, and the rows it saved."""
    shutil.copy(source, work)
    with api.open_store(work) as store:
        with store._tx(write=True) as conn:  # the account goes: the save is a first save again
            for name in reversed(SCOPED_TABLES):
                conn.execute(tables[name].delete())
        readings = store.readings()
        api.forget_reconciles()
        preload()
        with long_lived():  # as analyze holds its readings
            summary = api.AnalysisSummary()
            begun = time.process_time()
            readings, account = api._current(store, None, readings=readings, attempts=4)
            api._note_stale(store, summary)
            api._count(summary, readings, account)
            spent = time.process_time() - begun
        return spent, dict(store.rows_written)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True, help="the stored readings (made when missing)")
    parser.add_argument("--words", type=int, default=150_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.db.exists():
        make_db(args.db, args.words)
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            spent, rows = tail_cpu(args.db, Path(tmp) / "tail.db")
            runs.append(spent)
            print(f"tail: {spent:.2f} CPU-s", flush=True)
    print(f"median {statistics.median(runs):.2f} CPU-s over {len(runs)}; rows saved {rows}")


if __name__ == "__main__":
    main()
