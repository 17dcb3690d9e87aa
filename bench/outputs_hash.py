"""Hashes of everything ``analyze`` produces, to show a speed change left the outputs identical.

    python bench/outputs_hash.py [--topics 1,2,3] [--workers 1,2] [--out FILE]

Runs the full ``analyze`` into a fresh SQLite store for each input — the fictional demo (read
with its packs), the real demo, and the ECB+ topics named (all their articles in one story;
from ../shared/eval-data/ecbplus_dev) — once per reading-process count in ``--workers``
(``AnalysisOptions(workers=N)`` forces N processes however small the input), then prints one
line per input, process count and output: the JSON export, and every table of the store (rows
sorted; columns written by the clock left out; a story's id, drawn at random when the story is
made, replaced by its name). Save the output before a change, run it again
after, and ``diff`` the two files: any difference names the input, the process count and the
table that changed. Each input's hashes must also be equal across process counts.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "eval"))

from storyline import api
from storyline.core.options import AnalysisOptions

# Columns the store fills from the clock (when a row was written), not from the input.
CLOCK = ("created", "updated", "stored_at", "read_at", "at", "time", "started", "ended", "modified", "saved_at", "created_at",
         "updated_at", "added")
# Drawn at random when a story is made: replaced by the story's name (and ids made from it left out).
STORY_MADE = {("stories", "id"), ("story_articles", "id")}


def ecb_manifest(topics: list[int], folder: Path) -> Path:
    from ecbplus_corpus import load_corpus

    path = folder / "ecb.jsonl"
    rows = [{"id": d.name, "outlet": None, "published": None, "title": None, "text": d.text} for d in load_corpus(None, topics)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    return path


def table_hashes(db: Path) -> dict[str, str]:
    out = {}
    con = sqlite3.connect(db)
    try:
        tables = [r[0] for r in con.execute("select name from sqlite_master where type='table' order by name")]
        story_names = dict(con.execute("select id, name from stories"))
        for table in tables:
            cols = [r[1] for r in con.execute(f"pragma table_info('{table}')")
                    if r[1].lower() not in CLOCK and (table, r[1]) not in STORY_MADE]
            rows = []
            for r in con.execute(f"select {', '.join(f'[{c}]' for c in cols)} from [{table}]"):
                text = repr(r)
                for sid, name in story_names.items():
                    text = text.replace(sid, f"<story {name}>")
                rows.append(text)
            rows.sort()
            out[f"table {table} ({len(rows)} rows)"] = hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]
    finally:
        con.close()
    return out


def run(inputs: list[Path], packs: tuple[str, ...], workers: int, folder: Path) -> dict[str, str]:
    db = folder / f"w{workers}.db"
    with api.open_store(db) as store:
        api.analyze(inputs, store, AnalysisOptions(workers=workers, packs=packs))
        export = api.export(store, "json")
    export.pop("generated", None)
    out = {"export": hashlib.sha256(json.dumps(export, sort_keys=True, default=str).encode()).hexdigest()[:16]}
    out.update(table_hashes(db))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--topics", default="1,2,3", help="ECB+ topics, comma-separated ('' for none)")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--out", type=Path, help="also write the lines to this file")
    args = ap.parse_args()
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        inputs = {
            "demo-fiction": ([api.demo_corpus("fiction")], api.demo_story("fiction").packs),
            "demo-real": ([api.demo_corpus("real")], api.demo_story("real").packs),
        }
        topics = [int(t) for t in args.topics.split(",") if t]
        if topics:
            inputs[f"ecb-{'-'.join(map(str, topics))}"] = ([ecb_manifest(topics, tmp_path)], ())
        for name, (paths, packs) in inputs.items():
            for workers in (int(w) for w in args.workers.split(",")):
                folder = tmp_path / f"{name}-{workers}"
                folder.mkdir()
                for what, digest in run(paths, packs, workers, folder).items():
                    line = f"{name}\tworkers={workers}\t{what}\t{digest}"
                    print(line, flush=True)
                    lines.append(line)
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", "utf-8")


if __name__ == "__main__":
    main()
