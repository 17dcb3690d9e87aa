"""The MEANTIME entity scorer's metrics on toy chains (eval/meantime_entities.py)."""

from __future__ import annotations

import sys

import pytest
from helpers.paths import EVAL_DIR

sys.path.insert(0, str(EVAL_DIR))

from meantime_entities import align, b_cubed, muc  # noqa: E402


def test_muc_textbook_example() -> None:
    # Vilain et al.: key {A B C D}, response {A B} {C D}: recall 2/3, precision 1.
    r, p = muc([{"A", "B", "C", "D"}], [{"A", "B"}, {"C", "D"}])
    assert r == pytest.approx(2 / 3) and p == pytest.approx(1.0)


def test_b_cubed_counts_singletons_and_twinless_mentions() -> None:
    key = [{1, 2, 3}, {4}]
    response = [{1, 2}, {3, 4}, {"x"}]
    r, p = b_cubed(key, response)
    # recall: (4/3 + 1/3 + 1) / 4; precision: (2 + 1/2 + 1/2 + 0) / 5
    assert r == pytest.approx((4 / 3 + 1 / 3 + 1) / 4)
    assert p == pytest.approx(3 / 5)


def test_identical_partitions_score_one() -> None:
    chains = [{1, 2}, {3}, {4, 5, 6}]
    assert muc(chains, chains) == (1.0, 1.0)
    assert b_cubed(chains, chains) == (1.0, 1.0)


def test_relaxed_alignment_is_one_to_one_and_prefers_exact() -> None:
    gold = [(0, 10), (4, 8), (20, 25)]
    system = [(4, 8), (0, 5), (30, 31)]
    assert align(gold, system) == {0: 1, 1: 0}
    assert align(gold, system, strict=True) == {0: 1}
