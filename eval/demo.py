"""Score the pipeline on the project's own gold: the demo corpus and the attribution gold.

    python eval/demo.py [DEMO_GOLD] [--attribution ATTRIBUTION_GOLD] [--json]

DEMO_GOLD defaults to tests/gold/demo_gold.json (its corpus is src/storyline/demo); the attribution
gold (tests/gold/attribution_gold.json, inline texts) is scored too when present. Runs the real
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

from storyline.evaluation import load_gold, run_corpus, score_readings, score_story  # noqa: E402


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
    parser.add_argument("gold", nargs="?", default=str(ROOT / "tests" / "gold" / "demo_gold.json"))
    parser.add_argument("--attribution", default=str(ROOT / "tests" / "gold" / "attribution_gold.json"))
    parser.add_argument("--model", default=None, help="spaCy pipeline name (default: storyline's choice)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    args = parser.parse_args(argv)

    out: dict = {}
    started = time.perf_counter()
    demo = load_gold(args.gold)
    readings, story = run_corpus(demo, model=args.model)
    out["demo"] = {"readings": score_readings(demo, readings), "story": score_story(demo, readings, story)}
    if Path(args.attribution).exists():
        attribution = load_gold(args.attribution)
        att_readings, _ = run_corpus(attribution, model=args.model)
        scores = score_readings(attribution, att_readings)
        # That gold lists entities only to name sources: its entity scores would mean nothing.
        out["attribution_gold"] = {"readings": {k: scores[k] for k in ("articles", "attributions")}}
    out["seconds"] = round(time.perf_counter() - started, 1)
    if args.json:
        print(json.dumps(out, indent=1))
    else:
        _print(f"demo corpus ({args.gold})", out["demo"])
        if "attribution_gold" in out:
            _print(f"attribution gold ({args.attribution})", out["attribution_gold"])
        print(f"({out['seconds']} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
