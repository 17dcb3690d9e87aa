"""Every conflict storyline reports in the ECB+ sub-topics nobody labelled, for reading by hand.

``eval/ecbplus_conflicts.py`` measures conflicts on the six sub-topics whose contradictions were
listed by hand. The other 60 sub-topics of topics 1-35 have no such list, so no precision can be
computed there; this script prints what a fact-checker would have to read: each reported conflict
with its reason, and the counts by kind. A rule change that removes false conflicts shows here as
fewer lines of the kinds it touches (read the lines it removed and the ones left: a count alone
proves nothing). Each sub-topic is one story, read and reconciled as ``eval/ecbplus.py`` does.

    PYTHONPATH=src python eval/ecbplus_conflict_sweep.py [--root ../shared/eval-data/ecbplus_dev]
        [--readings FILE] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ecbplus import run_storyline  # noqa: E402
from ecbplus_corpus import default_root, load_corpus  # noqa: E402

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=None, help=f"ECB+ root (default {default_root()})")
    ap.add_argument("--inventory", type=Path, default=HERE / "ecbplus_conflicts.json",
                    help="the hand-labelled sub-topics, left out here")
    ap.add_argument("--readings", type=Path, default=None,
                    help="pickle of the readings, as eval/ecbplus.py --readings (reused when it holds them)")
    ap.add_argument("--json", type=Path, default=None, help="write the counts and conflicts to this JSON file")
    args = ap.parse_args(argv)

    labelled = set(json.loads(args.inventory.read_text(encoding="utf-8"))["subtopics"])
    docs = [d for d in load_corpus(args.root) if d.subtopic not in labelled]
    runs = run_storyline(docs, saved=args.readings)
    rows = []
    for sub in sorted(runs, key=lambda s: (int(re.match(r"\d+", s)[0]), s)):
        for c in runs[sub].story.conflicts:
            rows.append({"subtopic": sub, "kind": c.kind, "reason": c.reason})
    kinds = Counter(r["kind"] for r in rows)
    print(f"ECB+ sub-topics not labelled by hand: {len(runs)} ({len(docs)} documents); "
          f"storyline reports {len(rows)} conflicts: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    for r in rows:
        print(f"  [{r['subtopic']}] {r['kind']}: {r['reason']}")
    if args.json:
        args.json.write_text(json.dumps({"subtopics": len(runs), "by_kind": dict(kinds), "conflicts": rows}, indent=1),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
