"""Score the pipeline on the project's own gold: the demo corpus and the two attribution golds.

    python eval/demo.py [--gold-dir tests/gold] [--only demo attribution heldout] [--json]

demo = tests/gold/demo_gold.json (its corpus is src/storyline/demo, scored in full);
attribution = tests/gold/attribution_gold.json (the components were tuned on it);
heldout = tests/gold/attribution_heldout.json (written blind: the honest attribution numbers). Runs the real
pipeline (storyline.api.read + reconcile, no store) and prints every score; the quality gate
(tests/test_quality_gate.py) asserts the pinned floors of tests/gold/floors.json on the same numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storyline.evaluation import GOLD_FILES, score_suite  # noqa: E402


def _print(title: str, scores: dict, indent: int = 0) -> None:
    pad = " " * indent
    print(f"{pad}{title}")
    for key, value in scores.items():
        if isinstance(value, dict) and value and all(not isinstance(v, dict) for v in value.values()) and len(value) > 6:
            print(f"{pad}  {key}: " + ", ".join(f"{k}={v}" for k, v in value.items()))
        elif isinstance(value, dict):
            _print(f"{key}:", value, indent + 2)
        elif isinstance(value, list):
            print(f"{pad}  {key}: {len(value)} item(s)" + ("" if not value else ": " + "; ".join(map(str, value[:6]))))
        else:
            print(f"{pad}  {key}: {value}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold-dir", default=str(ROOT / "tests" / "gold"), help="folder holding the gold files")
    parser.add_argument("--only", nargs="*", choices=sorted(GOLD_FILES), help="score only these golds")
    parser.add_argument("--model", default=None, help="spaCy pipeline name (default: storyline's choice)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    out = score_suite(args.gold_dir, model=args.model, only=tuple(args.only) if args.only else None)
    out["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(out, indent=1))
    else:
        for name, scores in out.items():
            if name != "seconds":
                _print(f"{name} gold ({Path(args.gold_dir) / GOLD_FILES[name]})", scores)
        print(f"({out['seconds']} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
