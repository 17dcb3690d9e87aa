"""eval/ecbplus.py's split of the events score (``grouping_gap``) on hand-built assignments: how
the grouping does on the mentions mapped onto a claim's predicate, against the lemma baseline,
and what a perfect grouping of those mentions would score."""

from __future__ import annotations

import sys

import pytest

from helpers.paths import EVAL_DIR

sys.path.insert(0, str(EVAL_DIR))

from ecbplus import grouping_gap  # noqa: E402

# Four mentions of one gold event (a..d) and one of another (e). a, b, c lie on claims'
# predicates; d lies inside a claim but off its predicate, e on no claim.
GOLD = {"a": "E1", "b": "E1", "c": "E1", "d": "E1", "e": "E2"}
ON_PREDICATE = {"a", "b", "c"}


def test_grouping_on_predicates_only_and_perfect_grouping():
    events = {"a": 1, "b": 1, "c": 2, "d": 3, "e": ("single", "e")}
    lemma = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "z"}
    gap = grouping_gap(GOLD, events, lemma, ON_PREDICATE)
    assert gap["lemma on predicate"] == pytest.approx(1.0)  # a, b, c share a lemma: all right there
    assert gap["events on predicate"] < 1.0  # c is split from a and b
    # Grouped perfectly, a, b and c are one event; d and e stand alone (d's link is lost).
    assert gap["events on predicate"] < gap["predicate mentions grouped perfectly"] < 1.0


def test_perfect_grouping_does_not_depend_on_the_system():
    # Off-predicate and unmapped mentions stand alone whatever event the system gave their claim:
    # the figure is what grouping facts alone could reach with this coverage.
    one = grouping_gap(GOLD, {"a": 1, "b": 2, "c": 3, "d": 1, "e": 4}, GOLD, ON_PREDICATE)
    other = grouping_gap(GOLD, {"a": 1, "b": 1, "c": 1, "d": 9, "e": 1}, GOLD, ON_PREDICATE)
    assert one["predicate mentions grouped perfectly"] == other["predicate mentions grouped perfectly"]
    assert other["events on predicate"] == pytest.approx(1.0)
    assert one["events on predicate"] < 0.9
    whole = grouping_gap(GOLD, GOLD, GOLD, set(GOLD))
    assert whole["predicate mentions grouped perfectly"] == pytest.approx(1.0)
