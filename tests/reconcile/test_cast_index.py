"""The cast's index of the story's entities (``cast.CastIndex``) kept between reconciles: grown by
the pieces of added articles, it must be the index made of the whole story, or refuse."""

from __future__ import annotations

import copy
import dataclasses
import random

import pytest
from helpers.messy import random_corpus

from storyline.reconcile.cast import CastIndex, article_cast


def _pieces(readings: list) -> list:
    return [article_cast(r.entities, r.claims) for r in readings]


def _unnamed_doers(n: int) -> list:
    """Articles whose unnamed gunman shot someone, the couple's: people unnamed, with deeds, and a group."""
    from helpers.builders import ArticleBuilder

    out = []
    for i in range(n):
        b = ArticleBuilder(f"u{i}", "Wire", f"2024-03-0{i + 1}")
        who = b.person("the gunman", gender="male", attributes={"roles": ["gunman"], "unnamed": True})
        b.claim("The gunman shot a clerk", subject=who, predicate="shoot")
        b.claims[-1] = dataclasses.replace(b.claims[-1], event_key="shoot.v.01", frame="verb.contact", eventive=True)
        b.group("the couple", [b.person("Ann Lee"), b.person("Bob Lee")])
        out.append(b.build())
    return out


@pytest.mark.parametrize("seed", range(6))
def test_an_index_grown_by_added_articles_is_the_index_of_the_whole_story(seed):
    rng = random.Random(seed)
    readings = [r for s in range(3) for r in random_corpus(seed * 10 + s)] + _unnamed_doers(3)
    rng.shuffle(readings)
    k = rng.choice([1, 2, 5])
    old, added = readings[:-k], readings[-k:]
    index = CastIndex.of([e for r in old for e in r.entities], _pieces(old))
    assert index.grow(_pieces(added))
    whole = CastIndex.of([e for r in readings for e in r.entities], _pieces(readings))
    assert index == whole
    # the per-person facts and groups' members were there to grow
    assert any(whole.epithets.values()) and whole.unnamed and whole.deeds and whole.members


def test_an_added_entity_with_an_id_the_story_has_is_refused_and_the_index_left_as_it_was():
    readings = random_corpus(3)
    index = CastIndex.of([e for r in readings[1:] for e in r.entities], _pieces(readings[1:]))
    before = copy.deepcopy(index)
    taken = readings[1].entities[0].id
    clash = dataclasses.replace(readings[0], entities=(
        dataclasses.replace(readings[0].entities[0], id=taken), *readings[0].entities[1:]))
    assert not index.grow(_pieces([clash]))
    assert index == before
