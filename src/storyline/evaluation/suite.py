"""The whole gold suite in one call, shared by ``eval/demo.py`` and the quality gate."""

from __future__ import annotations

from pathlib import Path

from storyline.evaluation.gold import load_gold
from storyline.evaluation.readings import score_readings
from storyline.evaluation.run import run_corpus
from storyline.evaluation.story import score_story

__all__ = ["GOLD_FILES", "score_suite"]

# name -> gold file (in the gold directory). The demo gold is scored in full (read stage and
# story); the attribution golds list entities only to name sources, so only their attributions count.
GOLD_FILES = {
    "demo": "demo_gold.json",
    "attribution": "attribution_gold.json",
    "heldout": "attribution_heldout.json",
}


def score_suite(gold_dir: str | Path, *, model: str | None = None, only: tuple[str, ...] | None = None) -> dict:
    """Scores for every gold file present in ``gold_dir`` (or the ``only`` ones), keyed by name."""
    out: dict = {}
    for name, filename in GOLD_FILES.items():
        path = Path(gold_dir) / filename
        if (only and name not in only) or not path.exists():
            continue
        gold = load_gold(path)
        readings, story = run_corpus(gold, model=model)
        scores = score_readings(gold, readings)
        if name == "demo":
            out[name] = {"readings": scores, "story": score_story(gold, readings, story)}
        else:
            out[name] = {"readings": {k: scores[k] for k in ("articles", "attributions")}}
    return out
