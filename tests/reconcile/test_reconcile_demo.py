"""The demo corpus through the whole pipeline, scored against its gold story (pinned floors).

Measured when written (the 10 demo articles read by the current pipeline): conflicts found 4/4
with correct reasons (1 spurious), 0 of 4 traps flagged, echoes found 8/8 (counted once 0.5), fact
status accuracy 0.71, independent-source accuracy 0.67. The floors leave room for the reading
components to move without hiding a regression of the reconcile stage.
"""

import pytest
from helpers.paths import GOLD_DIR

GOLD = GOLD_DIR / "demo_gold.json"


@pytest.fixture(scope="module")
def scores(demo_gold_run):
    from storyline.evaluation.story import score_story

    return score_story(*demo_gold_run)


pytestmark = [pytest.mark.model, pytest.mark.slow,
              pytest.mark.skipif(not GOLD.exists(), reason="demo gold absent")]


def test_planted_conflicts_are_found_with_reasons(scores):
    assert scores["conflicts_found"] >= 0.75, scores["per_conflict"]


def test_no_trap_is_flagged(scores):
    assert scores["traps_flagged"] == 0


def test_echoes_are_found(scores):
    assert scores["echoes_found"] >= 0.875


def test_fact_statuses(scores):
    assert scores["fact_status_accuracy"] >= 0.57
