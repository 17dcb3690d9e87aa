"""storyline.evaluation.coref_metrics on hand-computed clusterings (textbook cases and edge cases)."""

from __future__ import annotations

import math

import pytest

from storyline.evaluation.coref_metrics import (
    b_cubed,
    ceaf_e,
    clusters_from,
    f1,
    muc,
    score,
)

# Pradhan et al. (2014, "Scoring coreference partitions of predicted mentions", fig. 1): the
# response misses e and adds h, i. Published values: MUC R = P = 40 %, B³ R = 5/12, P = 1/2,
# CEAF-e R = 65 %, P = 43.33 %.
P14_KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
P14_RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]

# Bagga & Baldwin (1998): merging the two last key entities.
BB_KEY = [set("12345"), set("67"), set("89ABC")]
BB_RESPONSE = [set("12345"), set("6789ABC")]


def test_muc_vilain_textbook_example():
    # Vilain et al. (1995): key {A B C D}, response {A B} {C D}: one link missing of three.
    r, p = muc([{"A", "B", "C", "D"}], [{"A", "B"}, {"C", "D"}])
    assert r == pytest.approx(2 / 3) and p == pytest.approx(1.0)


def test_muc_pradhan_example_with_twinless_mentions():
    # recall: K1 cut in 2 parts (3-2), K2 in {d} {e} {f g} (4-3): 2/5; precision: R1 whole (1),
    # R2 cut in 2 (0), R3 in {f g} {h} {i} (1): 2/5.
    r, p = muc(P14_KEY, P14_RESPONSE)
    assert r == pytest.approx(0.4) and p == pytest.approx(0.4)


def test_b_cubed_pradhan_example():
    # recall: (2²/3 + 1²/3 + 1²/4 + 2²/4) / 7 = (35/12) / 7; precision: (2²/2 + 1/2 + 1/2 + 2²/4) / 8.
    r, p = b_cubed(P14_KEY, P14_RESPONSE)
    assert r == pytest.approx(5 / 12) and p == pytest.approx(0.5)


def test_ceaf_e_pradhan_example_picks_best_alignment():
    # φ4(K1,R1) = 4/5, φ4(K2,R3) = 4/8: total 1.3 beats K1-R1 + K2-R2 (0.8 + 1/3) and K1-R2 + K2-R3.
    r, p = ceaf_e(P14_KEY, P14_RESPONSE)
    assert r == pytest.approx(1.3 / 2) and p == pytest.approx(1.3 / 3)


def test_bagga_baldwin_example():
    assert muc(BB_KEY, BB_RESPONSE) == pytest.approx((1.0, 0.9))
    assert b_cubed(BB_KEY, BB_RESPONSE) == pytest.approx((1.0, 64 / 84))
    total = 1 + 2 * 5 / 12  # 12345 ↔ 12345, 89ABC ↔ 6789ABC; 67 stays unaligned
    assert ceaf_e(BB_KEY, BB_RESPONSE) == pytest.approx((total / 3, total / 2))


def test_all_singletons_both_sides():
    key = [{1}, {2}, {3}]
    s = score(key, [{3}, {1}, {2}])
    assert s["MUC"] == (0.0, 0.0, 0.0)  # no link on either side: MUC is 0, not undefined
    assert s["B3"] == pytest.approx((1.0, 1.0, 1.0))
    assert s["CEAF-e"] == pytest.approx((1.0, 1.0, 1.0))
    assert s["CoNLL"][2] == pytest.approx(2 / 3)


def test_singleton_response_against_one_chain():
    # key {1 2 3 4}, response all singletons: MUC R 0 (P 0/0 = 0); B³ R 1/4, P 1;
    # CEAF-e: the best singleton aligns with φ4 = 2/5.
    s = score([{1, 2, 3, 4}], [{1}, {2}, {3}, {4}])
    assert s["MUC"] == (0.0, 0.0, 0.0)
    assert s["B3"][:2] == pytest.approx((0.25, 1.0))
    assert s["CEAF-e"][:2] == pytest.approx((0.4, 0.1))


def test_one_cluster_response_against_singletons():
    s = score([{1}, {2}, {3}, {4}], [{1, 2, 3, 4}])
    assert s["MUC"] == (0.0, 0.0, 0.0)
    assert s["B3"][:2] == pytest.approx((1.0, 0.25))
    assert s["CEAF-e"][:2] == pytest.approx((0.1, 0.4))


def test_empty_clusterings_score_zero():
    for key, response in (([], []), ([{1, 2}], []), ([], [{1, 2}])):
        s = score(key, response)
        assert all(v[2] == 0.0 for v in s.values()), (key, response)
        assert all(not math.isnan(x) for name in ("MUC", "B3", "CEAF-e") for x in s[name])


def test_identical_clusterings_score_one():
    key = [{1, 2}, {3}, {4, 5, 6}]
    s = score(key, [set(c) for c in key])
    assert all(v[2] == pytest.approx(1.0) for v in s.values())


def test_clusters_from_groups_by_label_and_f1():
    got = clusters_from({"a": 1, "b": 1, "c": 2})
    assert sorted(map(sorted, got)) == [["a", "b"], ["c"]]
    assert f1(0.5, 1.0) == pytest.approx(2 / 3) and f1(0.0, 0.0) == 0.0


def test_b_cubed_counts_singletons_and_twinless_mentions():
    key = [{1, 2, 3}, {4}]
    response = [{1, 2}, {3, 4}, {"x"}]
    r, p = b_cubed(key, response)
    # recall: (4/3 + 1/3 + 1) / 4; precision: (2 + 1/2 + 1/2 + 0) / 5
    assert r == pytest.approx((4 / 3 + 1 / 3 + 1) / 4)
    assert p == pytest.approx(3 / 5)


def test_identical_partitions_score_exactly_one():
    chains = [{1, 2}, {3}, {4, 5, 6}]
    assert muc(chains, chains) == (1.0, 1.0)
    assert b_cubed(chains, chains) == (1.0, 1.0)


def test_adjusted_rand_index_by_hand():
    from storyline.evaluation.coref_metrics import adjusted_rand

    key = [{1, 2, 3}, {4, 5, 6}]
    assert adjusted_rand(key, [{4, 5, 6}, {1, 2, 3}]) == 1.0
    # one article moved: pairs agree on 2 of 3 in each cluster (hand count below)
    # contingency [[2,1],[0,3]]: index = 1 + 3 = 4; rows 3 + 3 = 6; cols 1 + 6 = 7; pairs 15
    expected_index = 6 * 7 / 15
    assert adjusted_rand(key, [{1, 2}, {3, 4, 5, 6}]) == pytest.approx((4 - expected_index) / (6.5 - expected_index))
    assert adjusted_rand(key, [{1, 2, 3, 4, 5, 6}]) == 0.0
