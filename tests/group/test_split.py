"""Cutting a story in two (storyline.group.split) on hand-built nearest-neighbour graphs, and the
cut at work in grouping: two events of one kind that share their names."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.piles import QUAKE_2005, QUAKE_2008, article, partition

from storyline import api
from storyline.core.options import GroupingOptions
from storyline.group import split
from storyline.group.split import sparsest_cut

# members 0-3 link among themselves, 4-7 among themselves, and 3 also to 4
TWO_GROUPS = np.array([[1, 2, 3], [0, 2, 3], [0, 1, 3], [0, 1, 4], [5, 6, 7], [4, 6, 7], [4, 5, 7], [4, 5, 6]])


@pytest.mark.parametrize("dense", [400, 0], ids=["dense solver", "power iteration"])
def test_two_groups_linked_once_are_cut_between_them(monkeypatch, dense):
    monkeypatch.setattr(split, "_DENSE", dense)
    conductance, first = sparsest_cut(TWO_GROUPS, min_part=3)
    assert first is not None and first.tolist() == [True] * 4 + [False] * 4
    assert conductance == pytest.approx(1 / 13)  # one link of the 13 link ends on each side


@pytest.mark.parametrize("dense", [400, 0], ids=["dense solver", "power iteration"])
def test_two_unlinked_groups_cut_at_conductance_zero(monkeypatch, dense):
    monkeypatch.setattr(split, "_DENSE", dense)
    neighbours = np.array([[1, 2], [0, 2], [0, 1], [4, 5], [3, 5], [3, 4]])
    conductance, first = sparsest_cut(neighbours, min_part=3)
    assert conductance == 0.0 and first is not None and first.tolist() == [True] * 3 + [False] * 3


def test_a_graph_without_two_groups_is_cut_only_at_a_high_conductance():
    # a ring where each member links to the next three: every cut in two crosses many links
    n = 12
    neighbours = np.array([[(i + d) % n for d in (1, 2, 3)] for i in range(n)])
    conductance, _ = sparsest_cut(neighbours, min_part=3)
    assert conductance > 0.25


def test_a_cut_that_leaves_only_a_few_members_is_not_made():
    # members 0-5 link closely; 6 and 7 hang off member 0 by one link: the weakest point cuts off two
    group = [[(i + d) % 6 for d in (1, 2, 3)] for i in range(6)]
    neighbours = np.array(group + [[7, 7, 0], [6, 6, 6]])
    _, pair = sparsest_cut(neighbours, min_part=2)
    assert pair is not None and pair.tolist() == [True] * 6 + [False] * 2
    assert sparsest_cut(neighbours, min_part=3)[1] is None
    assert sparsest_cut(np.array([[1], [0], [1], [2]]), min_part=3) == (float("inf"), None)  # too small to cut


def test_the_side_returned_holds_the_first_member():
    neighbours = np.array([[5, 6, 7], [2, 3, 4], [1, 3, 4], [1, 2, 4], [1, 2, 3], [0, 6, 7], [0, 5, 7], [0, 5, 6]])
    _, first = sparsest_cut(neighbours, min_part=3)
    assert first is not None and first.tolist() == [True, False, False, False, False, True, True, True]


def test_two_events_of_one_kind_sharing_their_names_are_two_stories():
    first, second = [article(t) for t in QUAKE_2005], [article(t) for t in QUAKE_2008]
    # article by article, the second quake joins the first (at any threshold that keeps each whole)
    merged = api.group_stories(first + second, GroupingOptions(split_conductance=0))
    assert len(merged) == 1
    groups = api.group_stories(first + second)
    assert partition(groups) == sorted([sorted(a.id for a in first), sorted(a.id for a in second)])


def test_new_articles_of_a_second_event_leave_an_existing_story():
    first, second = [article(t) for t in QUAKE_2005], [article(t) for t in QUAKE_2008]
    joined = api.group_stories(second, GroupingOptions(split_conductance=0), existing={"Qeshm 2005": first})
    assert [len(g.articles) for g in joined] == [8]
    groups = api.group_stories(second, existing={"Qeshm 2005": first})
    assert [(g.name, g.existing, sorted(g.articles)) for g in groups] == [
        ("Qeshm 2005", True, sorted(a.id for a in first)), (groups[1].name, False, sorted(a.id for a in second))]


def test_an_article_of_an_existing_story_is_never_split_off():
    first, second = [article(t) for t in QUAKE_2005], [article(t) for t in QUAKE_2008]
    # the story already holds one article of the second quake: cutting would move it, so the story stays whole
    groups = api.group_stories(second[1:], existing={"Qeshm quakes": first + second[:1]})
    assert [(g.name, len(g.articles)) for g in groups] == [("Qeshm quakes", 8)]


def test_a_large_story_is_cut_by_power_iteration_too():
    # 900 members (above the dense solver's limit): two groups of 450, each member linked to three
    # random members of its own group, and five links across
    rng = np.random.default_rng(7)
    half = 450
    neighbours = np.array([rng.choice([j for j in range(half) if j != i], 3, replace=False) for i in range(half)]
                          + [half + rng.choice([j for j in range(half) if j != i], 3, replace=False) for i in range(half)])
    for i in range(5):
        neighbours[i, 0] = half + i
    assert len(neighbours) > split._DENSE
    conductance, first = sparsest_cut(neighbours, min_part=3)
    assert first is not None and first.tolist() == [True] * half + [False] * half
    assert conductance < 0.01
