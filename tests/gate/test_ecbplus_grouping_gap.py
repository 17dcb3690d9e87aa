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
    # On a, b, c only (key {abc}, response {ab} {c}): MUC R 1/2 P 1, F 2/3; B3 R (2/3 + 2/3 + 1/3) / 3
    # = 5/9 P 1, F 5/7; CEAF-e: {abc} ~ {ab} 2*2/5 = 4/5 over 1 and 2 entities, F 2 * 4/5 / 3 = 8/15.
    assert gap["events on predicate"] == pytest.approx((2 / 3 + 5 / 7 + 8 / 15) / 3)
    # On all five (key {abcd} {e}, response {abc} {d} {e}: d's link is lost): MUC R 2/3 P 1, F 4/5;
    # B3 R (3 * 3/4 + 1/4 + 1) / 5 = 7/10 P 1, F 14/17; CEAF-e {abcd} ~ {abc} 6/7, {e} ~ {e} 1,
    # over 2 and 3 entities, F 2 * 13/7 / 5 = 26/35.
    assert gap["predicate mentions grouped perfectly"] == pytest.approx((4 / 5 + 14 / 17 + 26 / 35) / 3)


def test_perfect_grouping_does_not_depend_on_the_system():
    # Off-predicate and unmapped mentions stand alone whatever event the system gave their claim:
    # the figure is what grouping facts alone could reach with this coverage.
    one = grouping_gap(GOLD, {"a": 1, "b": 2, "c": 3, "d": 1, "e": 4}, GOLD, ON_PREDICATE)
    other = grouping_gap(GOLD, {"a": 1, "b": 1, "c": 1, "d": 9, "e": 1}, GOLD, ON_PREDICATE)
    assert one["predicate mentions grouped perfectly"] == other["predicate mentions grouped perfectly"]
    assert other["events on predicate"] == pytest.approx(1.0)
    # a, b, c each alone: MUC F 0; B3 R 1/3 P 1, F 1/2; CEAF-e {abc} ~ {a} 2/4 over 1 and 3 entities, F 1/4
    assert one["events on predicate"] == pytest.approx((0 + 1 / 2 + 1 / 4) / 3)
    whole = grouping_gap(GOLD, GOLD, GOLD, set(GOLD))
    assert whole["predicate mentions grouped perfectly"] == pytest.approx(1.0)
