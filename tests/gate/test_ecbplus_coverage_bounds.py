"""eval/ecbplus.py's bounds on what coverage can buy (``coverage_bounds``), on hand-built
assignments: the mentions on a claim's predicate keep the events system's grouping and every
other mention stands alone, except one kind of them at a time, joined to an event by its head
lemma or by its gold cluster (the expected partitions are written out; the metric is
storyline.evaluation.coref_metrics, tested on its own)."""

from __future__ import annotations

import sys

import pytest

from helpers.paths import EVAL_DIR

sys.path.insert(0, str(EVAL_DIR))

from ecbplus import coverage_bounds  # noqa: E402

from storyline.evaluation.coref_metrics import clusters_from, score  # noqa: E402

# One gold event told four times: a, b on claims' predicates (one system event), c inside a claim
# off its predicate (the system put it in that claim's event, 1), d a reporting cue on no claim;
# e and f are two more reporting cues of another event. d, e, f share the lemma 'say'.
GOLD = {"a": "E1", "b": "E1", "c": "E1", "d": "E1", "e": "E2", "f": "E2"}
KIND = {"a": "on predicate", "b": "on predicate", "c": "in a claim", "d": "reporting cue", "e": "reporting cue",
        "f": "reporting cue"}
EVENTS = {"a": 1, "b": 1, "c": 1, "d": ("single", "d"), "e": ("single", "e"), "f": ("single", "f")}
LEMMA = {"a": "die", "b": "die", "c": "die", "d": "say", "e": "say", "f": "say"}


def _conll(*groups: str) -> float:
    response = {m: i for i, g in enumerate(groups) for m in g}
    return score(clusters_from(GOLD), clusters_from(response))["CoNLL"][2]


def test_off_predicate_mentions_alone_is_the_floor():
    # c's link to its claim's event is not kept: only what lies on a predicate is grouped.
    bounds = coverage_bounds(GOLD, EVENTS, LEMMA, KIND)
    assert bounds["off predicate alone"] == pytest.approx(_conll("ab", "c", "d", "e", "f"))


def test_a_kind_joined_by_lemma():
    bounds = coverage_bounds(GOLD, EVENTS, LEMMA, KIND)
    # c shares its lemma with predicate mentions: it joins their event; the cues have no such event
    # and group by their lemma among themselves, d wrongly with e and f.
    assert bounds["in a claim by lemma"] == pytest.approx(_conll("abc", "d", "e", "f"))
    assert bounds["reporting cue by lemma"] == pytest.approx(_conll("ab", "c", "def"))
    assert bounds["all off predicate by lemma"] == pytest.approx(_conll("abc", "def"))


def test_a_kind_joined_by_gold_cluster():
    bounds = coverage_bounds(GOLD, EVENTS, LEMMA, KIND)
    # d joins the event holding its gold cluster's predicate mentions; e and f, whose cluster has
    # none on a predicate, make one of their own.
    assert bounds["reporting cue perfectly"] == pytest.approx(_conll("abd", "c", "ef"))
    assert bounds["all off predicate perfectly"] == pytest.approx(_conll("abcd", "ef"))
    assert bounds["all off predicate perfectly"] == pytest.approx(1.0)


def test_predicate_mentions_split_over_events_join_the_biggest_part():
    events = {**EVENTS, "b": 2, "g": 2, "h": 2}
    gold = {**GOLD, "g": "E1", "h": "E1"}
    kind = {**KIND, "g": "on predicate", "h": "on predicate"}
    lemma = {**LEMMA, "g": "die", "h": "die"}
    bounds = coverage_bounds(gold, events, lemma, kind)
    response = {"a": 1, "b": 2, "g": 2, "h": 2, "c": 2, "d": 2, "e": 3, "f": 3}
    assert bounds["all off predicate perfectly"] == pytest.approx(
        score(clusters_from(gold), clusters_from(response))["CoNLL"][2])


def test_a_kind_joined_by_what_the_story_records():
    # c's word names the event of a, b in the story's claims; e and f are cues of one source in one
    # verb; d's source is another.
    stored = {"c": 1, "d": ("cue", "witness", "say"), "e": ("cue", "police", "say"), "f": ("cue", "police", "say")}
    bounds = coverage_bounds(GOLD, EVENTS, LEMMA, KIND, stored)
    assert bounds["in a claim by the story's records"] == pytest.approx(_conll("abc", "d", "e", "f"))
    assert bounds["reporting cue by the story's records"] == pytest.approx(_conll("ab", "c", "d", "ef"))
    assert bounds["all off predicate by the story's records"] == pytest.approx(_conll("abc", "d", "ef"))
    assert "in a claim by the story's records" not in coverage_bounds(GOLD, EVENTS, LEMMA, KIND)
