"""eval/ecbplus.py's estimate of what each class of event error costs (``error_classes``), on
hand-built assignments: the CoNLL F1 the events system would score with one class of its errors
undone and everything else as it is (the expected partitions are written out; the metric is
storyline.evaluation.coref_metrics, tested on its own)."""

from __future__ import annotations

import sys

import pytest

from helpers.paths import EVAL_DIR

sys.path.insert(0, str(EVAL_DIR))

from ecbplus import error_classes  # noqa: E402

from storyline.evaluation.coref_metrics import clusters_from, score  # noqa: E402

# Gold: E1 = a, b, c (a cross-document chain), E2 = d (a cross-document chain of one scored
# mention), s1 and s2 two mentions the corpus links across no document (one per article).
# System: event 1 holds a, b, d, s1, s2; event 2 holds c. All lie on claims' predicates but s2.
GOLD = {"a": "E1", "b": "E1", "c": "E1", "d": "E2", "s1": "x#1", "s2": "y#1"}
EVENTS = {"a": 1, "b": 1, "c": 2, "d": 1, "s1": 1, "s2": 1}
KIND = {"a": "on predicate", "b": "on predicate", "c": "on predicate", "d": "on predicate", "s1": "on predicate",
        "s2": "in a claim"}
ACROSS = {"a", "b", "c", "d"}


def _conll(*groups: tuple[str, ...]) -> float:
    response = {m: i for i, g in enumerate(groups) for m in g}
    return score(clusters_from(GOLD), clusters_from(response))["CoNLL"][2]


def test_as_is():
    assert error_classes(GOLD, EVENTS, KIND, ACROSS)["as is"] == pytest.approx(
        _conll(("a", "b", "d", "s1", "s2"), ("c",)))


def test_wrong_merges_undone_by_whether_the_corpus_links_the_mention_across_documents():
    found = error_classes(GOLD, EVENTS, KIND, ACROSS)
    # a, b and d leave the event's other gold clusters; s1 and s2 stay together, as the system put them.
    assert found["wrong merges undone, cross-document gold"] == pytest.approx(
        _conll(("a", "b"), ("d",), ("s1", "s2"), ("c",)))
    # s1 and s2, linked across no document by the corpus, each leave event 1; a, b, d stay.
    assert found["wrong merges undone, in-document gold"] == pytest.approx(
        _conll(("a", "b", "d"), ("s1",), ("s2",), ("c",)))


def test_split_events_joined_keep_their_wrong_members():
    # Event 2's predicate mentions are mostly of E1, as event 1's are (a, b against d and s1): the two
    # events are one; s2, off every predicate, stays where it is (event 1, which is the joined one).
    found = error_classes(GOLD, EVENTS, KIND, ACROSS)
    assert found["split events joined"] == pytest.approx(_conll(("a", "b", "c", "d", "s1", "s2")))


def test_an_event_with_no_predicate_mention_is_left_as_it_is():
    events = {**EVENTS, "s2": 3}
    found = error_classes(GOLD, events, KIND, ACROSS)
    assert found["split events joined"] == pytest.approx(_conll(("a", "b", "c", "d", "s1"), ("s2",)))


def test_no_errors_no_gain():
    found = error_classes(GOLD, GOLD, KIND, ACROSS)
    assert list(found.values()) == pytest.approx([1.0] * len(found))
