"""The MEANTIME entity scorer's mention alignment (eval/meantime_entities.py); the coreference
metrics it scores with are tested in test_coref_metrics.py."""

from __future__ import annotations

import sys

from helpers.paths import EVAL_DIR

sys.path.insert(0, str(EVAL_DIR))

from meantime_entities import align  # noqa: E402


def test_relaxed_alignment_is_one_to_one_and_prefers_exact() -> None:
    gold = [(0, 10), (4, 8), (20, 25)]
    system = [(4, 8), (0, 5), (30, 31)]
    assert align(gold, system) == {0: 1, 1: 0}
    assert align(gold, system, strict=True) == {0: 1}
