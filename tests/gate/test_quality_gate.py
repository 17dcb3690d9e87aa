"""The quality gate: the real pipeline on the project's own gold must stay above pinned floors.

Floors live in tests/gold/floors.json with their history. A floor may only go down in a new
history entry that says why (``lowered_because``), so quality cannot be traded away silently.
The history rule is checked without the model; the gate itself is marked ``model``.
"""

from __future__ import annotations

import json
from functools import lru_cache

import pytest
from helpers.paths import GOLD_DIR

GOLD = GOLD_DIR
FLOORS = GOLD / "floors.json"


def silent_lowerings(history: list[dict]) -> list[str]:
    """Metrics whose floor drops below an earlier entry's without a ``lowered_because`` reason."""
    problems = []
    best: dict[str, float] = {}
    for i, entry in enumerate(history):
        reasons = entry.get("lowered_because") or {}
        for metric, floor in entry["floors"].items():
            if metric in best and floor < best[metric] and not str(reasons.get(metric, "")).strip():
                problems.append(f"history[{i}] ({entry.get('date')}): {metric} lowered {best[metric]} -> {floor} without lowered_because")
            best[metric] = max(best.get(metric, floor), floor)
    return problems


def current_floors() -> dict[str, float]:
    with FLOORS.open(encoding="utf-8") as f:
        return json.load(f)["history"][-1]["floors"]


def lookup(scores: dict, dotted: str) -> float:
    """``scores["a"]["b"]["c"]`` for ``"a.b.c"``; KeyError names the missing metric."""
    node = scores
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            raise KeyError(f"floors.json names {dotted!r}, which the scorers do not produce")
        node = node[part]
    return float(node)


# --- the history rule (fast) ------------------------------------------------------------------

def test_floors_file_is_well_formed_and_never_silently_lowered():
    with FLOORS.open(encoding="utf-8") as f:
        data = json.load(f)
    assert data["history"], "floors.json needs at least one history entry"
    for entry in data["history"]:
        assert entry.get("date") and entry.get("note") and isinstance(entry.get("floors"), dict)
        assert all(0.0 <= v <= 1.0 for v in entry["floors"].values())
    assert silent_lowerings(data["history"]) == []


def test_lowering_a_floor_needs_a_reason():
    history = [
        {"date": "1", "floors": {"x": 0.5, "y": 0.2}},
        {"date": "2", "floors": {"x": 0.6, "y": 0.2}},
        {"date": "3", "floors": {"x": 0.55, "y": 0.1}, "lowered_because": {"y": "gold corrected: 3 wrong items"}},
    ]
    assert silent_lowerings(history) == ["history[2] (3): x lowered 0.6 -> 0.55 without lowered_because"]
    history[2]["lowered_because"]["x"] = "tokenizer change, see issue 9"
    assert silent_lowerings(history) == []


def test_lowering_below_any_earlier_entry_counts_not_only_the_previous_one():
    history = [{"date": "1", "floors": {"x": 0.7}}, {"date": "2", "floors": {"x": 0.4}, "lowered_because": {"x": "r"}},
               {"date": "3", "floors": {"x": 0.5}}]
    assert silent_lowerings(history) == ["history[2] (3): x lowered 0.7 -> 0.5 without lowered_because"]


# --- the gate (real pipeline) -----------------------------------------------------------------

@lru_cache(maxsize=1)
def _scores() -> dict:
    from storyline.evaluation import score_suite

    return score_suite(GOLD)


@pytest.mark.model
def test_pipeline_stays_above_the_pinned_floors():
    scores = _scores()
    assert scores["demo"]["readings"]["articles"]["matched"] == scores["demo"]["readings"]["articles"]["gold"], \
        "every demo gold article must be read (ids or URLs no longer match the corpus)"
    assert scores["demo"]["story"]["unresolved_refs"] == []
    below = []
    for metric, floor in current_floors().items():
        if metric.split(".")[0] not in scores:
            below.append(f"{metric}: its gold file is missing")
            continue
        value = lookup(scores, metric)
        if value < floor:
            below.append(f"{metric}: {value:.4f} < floor {floor}")
    assert not below, "quality fell below the pinned floors (python eval/demo.py prints all scores):\n" + "\n".join(below)
