"""eval/ecbplus.py's estimate of what each class of people error costs (``person_error_classes``),
on hand-built assignments: the CoNLL F1 the cast would score with one class of its errors undone
and everything else as it is (the expected partitions are written out; the metric is
storyline.evaluation.coref_metrics, tested on its own)."""

from __future__ import annotations

import sys

import pytest

from helpers.paths import EVAL_DIR

sys.path.insert(0, str(EVAL_DIR))

from ecbplus import person_error_classes  # noqa: E402

from storyline.evaluation.coref_metrics import clusters_from, score  # noqa: E402

# Mentions are (article, id). Gold: P = Comeaux in articles A, B, C; G = the guards in A and B.
# System: story entity 1 holds Comeaux's mentions of A and B and the guards' mention of A (a wrong
# merge); entity 2 holds "the offender" of A (split in-document: A's Comeaux is in entity 1);
# entity 3 holds "the lifer" of C (split across documents: no Comeaux mention of C is in entity 1);
# the guards' mention of B is entity 4; "he" of B and "Guards" of A are on no storyline mention.
P1, P2, OFF, LIFER, HE = ("A", "p1"), ("B", "p2"), ("A", "off"), ("C", "lifer"), ("B", "he")
G1, G2, G3 = ("A", "g1"), ("B", "g2"), ("A", "g3")
GOLD = {P1: "P", P2: "P", OFF: "P", LIFER: "P", HE: "P", G1: "G", G2: "G", G3: "G"}
SYSTEM = {P1: 1, P2: 1, OFF: 2, LIFER: 3, HE: ("single", HE), G1: 1, G2: 4, G3: ("single", G3)}
MAPPED = {P1, P2, OFF, LIFER, G1, G2}
KIND = {HE: "pronoun", G3: "headline", **{m: "noun" for m in MAPPED}}


def _conll(*groups: tuple) -> float:
    response = {m: i for i, g in enumerate(groups) for m in g}
    return score(clusters_from(GOLD), clusters_from(response))["CoNLL"][2]


def test_as_is():
    assert person_error_classes(GOLD, SYSTEM, MAPPED, KIND)["as is"] == pytest.approx(
        _conll((P1, P2, G1), (OFF,), (LIFER,), (G2,), (HE,), (G3,)))


def test_uncovered_mentions_join_their_gold_clusters_home_all_or_by_form():
    found = person_error_classes(GOLD, SYSTEM, MAPPED, KIND)
    # P's home is entity 1 (two of its mentions); G's is a tie of entities 1 and 4, broken by the
    # smaller as text: entity 1.
    assert found["uncovered joined perfectly"] == pytest.approx(_conll((P1, P2, G1, HE, G3), (OFF,), (LIFER,), (G2,)))
    assert found["uncovered pronoun joined perfectly"] == pytest.approx(
        _conll((P1, P2, G1, HE), (OFF,), (LIFER,), (G2,), (G3,)))
    assert found["uncovered headline joined perfectly"] == pytest.approx(
        _conll((P1, P2, G1, G3), (OFF,), (LIFER,), (G2,), (HE,)))


def test_split_mentions_move_home_within_an_article_or_across_articles():
    found = person_error_classes(GOLD, SYSTEM, MAPPED, KIND)
    # "the offender" shares article A with a Comeaux mention at home; G2 is of an article (B) where
    # no guard mention is at home, so it moves only across documents, with "the lifer".
    assert found["split mentions moved, in-document"] == pytest.approx(
        _conll((P1, P2, G1, OFF), (LIFER,), (G2,), (HE,), (G3,)))
    assert found["split mentions moved, across documents"] == pytest.approx(
        _conll((P1, P2, G1, LIFER, G2), (OFF,), (HE,), (G3,)))


def test_wrong_merges_undone():
    # Entity 1 is mostly Comeaux's: the guards' mention leaves it.
    assert person_error_classes(GOLD, SYSTEM, MAPPED, KIND)["wrong merges undone"] == pytest.approx(
        _conll((P1, P2), (G1,), (OFF,), (LIFER,), (G2,), (HE,), (G3,)))


def test_no_errors_no_gain():
    found = person_error_classes(GOLD, GOLD, set(GOLD), {m: "noun" for m in GOLD})
    assert list(found.values()) == pytest.approx([1.0] * len(found))
