"""The cast's rule 1a kept between reconciles (``cast.FullNames``): extended by the people of added
articles, it must leave what a scan of the whole story leaves, or refuse (and the caller scans)."""

from __future__ import annotations

import random

import pytest

from storyline.core.records import ArticleEntity
from storyline.reconcile.cast import FullNames, _Linker

# Names that meet in every way rule 1a knows: one full name, forms of one first name ("Ben" /
# "Benjamin", "Bob" / "Robert"), two first words of one surname, a middle initial, one-word names,
# and unnamed people; aliases give a person two full names.
_NAMES = ["Ben Miller", "Benjamin Miller", "Bob Stone", "Robert Stone", "Robert W. Stone", "Ann Lee",
          "Anna Lee", "Mary Kay Lee", "Madonna", "Miller", "Tom Ford", "Thomas Ford", "Ada Park"]


def _people(rng: random.Random, n: int) -> list[ArticleEntity]:
    out = []
    for i in range(n):
        art = f"a{rng.randrange(12):02d}"
        if rng.random() < 0.1:
            out.append(ArticleEntity(f"p{i:03d}", art, "the gunman", "PERSON", (), rng.choice([None, "male"]),
                                     {"unnamed": True, "roles": ["gunman"]}))
            continue
        name = rng.choice(_NAMES)
        aliases = tuple(rng.sample(_NAMES, rng.choice([0, 0, 0, 1, 2])))
        if rng.random() < 0.1:  # a name no one else has, beside a known one
            aliases += (f"Zed Q{i}",)
        out.append(ArticleEntity(f"p{i:03d}", art, name, "PERSON", aliases,
                                 rng.choice([None, None, "male", "female"]), {}))
    return out


def _state(first: FullNames, link: _Linker) -> dict:
    """Everything rule 1a leaves that the later rules or the next extend read, by ids."""
    ids = sorted(link.ents)
    roots = {i: link.uf.find(i) for i in ids}
    return {
        "exact": [(t, e.id) for t, e in first.exact.items()],
        "by_rest": {r: [(f, e.id) for f, e in d.items()] for r, d in first.by_rest.items() if d},
        "articles_of": {t: a for t, a in first.articles_of.items() if a},
        "singles": [(e.id, t) for e, t in first.singles],
        "unnamed": [e.id for e in first.unnamed],
        "lines": {a: l for a, l in first.lines.items() if l},
        "together": first.together,
        "roots": roots,
        "named": {r: link.has_name(r) for r in set(roots.values())},
        "genders": {r: link.genders(r) for r in set(roots.values())},
        "evidence": {a: l for a, l in link.evidence.items() if l},
        "kept": (first.parent == link.uf.parent, first.named == link._named, first.genders == link._genders),
        # each entity's component after rule 1a, in id order (what the story entities are made of)
        "parts": {r: [e.id for e in ms] for r, ms in first.parts.items()},
        "lone": [e.id for e in first.lone],
    }


def _scan(people: list[ArticleEntity]) -> tuple[FullNames, _Linker]:
    link = _Linker(people)
    return FullNames.scan(sorted(people, key=lambda e: (e.article, e.id)), link, keep=True), link


def _one_way_forms(first: str) -> frozenset[str]:
    """Forms of a first name that are not a symmetric relation ("robert" has "bob", "bob" not
    "robert"): the name table's are, but the extend must not rely on it."""
    return frozenset({first, "bob", "ben"} if first in {"robert", "benjamin"} else {first})


@pytest.mark.parametrize("one_way", [False, True])
@pytest.mark.parametrize("seed", range(30))
def test_rule_1a_extended_by_added_people_leaves_what_a_scan_of_the_whole_story_leaves(seed, one_way, monkeypatch):
    if one_way:
        monkeypatch.setattr("storyline.reconcile.cast.given_name_forms", _one_way_forms)
    rng = random.Random(seed)
    people = _people(rng, rng.choice([20, 60, 150]))
    extended = refused = 0
    for _ in range(6):
        rng.shuffle(people)
        k = rng.choice([1, 1, 2, 5])
        old, added = people[k:], people[:k]
        first, _ = _scan(old)
        link = _Linker(people)
        if first.extend(added, link):
            extended += 1
            whole, whole_link = _scan(people)
            assert _state(first, link) == _state(whole, whole_link)
            # and extended again, it still agrees (the kept state is a scan's)
            more = [ArticleEntity("z1", "a05", rng.choice(_NAMES), "PERSON", (), None, {})]
            link2 = _Linker(people + more)
            if first.extend(more, link2):
                assert _state(first, link2) == _state(*_scan(people + more))
        else:
            refused += 1
            assert link.uf.parent == {i: i for i in link.ents} and not link.evidence  # left as made
    assert extended + refused == 6


def test_both_ways_are_met():
    """The property above is not vacuous: extends are made, and refused for each reason."""
    rng = random.Random(7)
    people = _people(rng, 60)
    results = []
    for _ in range(60):
        rng.shuffle(people)
        first, _ = _scan(people[1:])
        results.append(first.extend(people[:1], _Linker(people)))
    assert any(results) and not all(results)


def test_an_added_person_before_a_names_first_holder_is_refused():
    a = ArticleEntity("p1", "a2", "Ben Miller", "PERSON", (), None, {})
    b = ArticleEntity("p2", "a3", "Ben Miller", "PERSON", (), None, {})
    early = ArticleEntity("p3", "a1", "Ben Miller", "PERSON", (), None, {})
    later = ArticleEntity("p4", "a4", "Ben Miller", "PERSON", (), None, {})
    first, _ = _scan([a, b])
    assert not first.extend([early], _Linker([a, b, early]))
    first, _ = _scan([a, b])
    link = _Linker([a, b, later])
    assert first.extend([later], link)
    assert link.evidence["p1"] == ["'Ben Miller' (a2) and 'Ben Miller' (a3): same full name",
                                   "'Ben Miller' (a2) and 'Ben Miller' (a4): same full name"]


def test_an_added_person_with_two_names_whose_holders_are_one_already_is_extended():
    tom = ArticleEntity("p1", "a1", "Tom Ford", "PERSON", (), None, {})
    ada = ArticleEntity("p2", "a2", "Ada Park", "PERSON", (), None, {})
    both = ArticleEntity("p3", "a3", "Tom Ford", "PERSON", ("Ada Park",), None, {})
    again = ArticleEntity("p4", "a4", "Ada Park", "PERSON", ("Tom Ford",), None, {})
    first, _ = _scan([tom, ada, both])
    link = _Linker([tom, ada, both, again])
    assert first.extend([again], link)
    assert _state(first, link) == _state(*_scan([tom, ada, both, again]))
    # before the one who holds both, the two holders are two people yet: scan afresh
    early = ArticleEntity("p0", "a2", "Tom Ford", "PERSON", ("Ada Park",), None, {})
    first, _ = _scan([tom, ada, both])
    assert not first.extend([early], _Linker([tom, ada, both, early]))


@pytest.mark.parametrize("seed", range(12))
def test_the_components_a_kept_pass_gives_after_later_merges_are_the_linkers(seed):
    """The story entities are made from rule 1a's components joined as the later rules joined
    them (:meth:`FullNames.components`), not by finding the root of every entity: the same members,
    in id order, as :meth:`_Linker.components` gives."""
    rng = random.Random(seed)
    people = _people(rng, rng.choice([20, 60, 150]))
    rng.shuffle(people)
    first, _ = _scan(people[2:])
    link = _Linker(people)
    if not first.extend(people[:2], link):  # refused: the whole story scanned
        first, link = _scan(people)
    for _ in range(1 + rng.randrange(6)):  # as made, then after the later rules' merges, of anyone
        want = {r: [e.id for e in ms] for r, ms in link.components().items()}
        assert {r: [e.id for e in ms] for r, ms in first.components(link).items()} == want
        a, b = rng.sample(people, 2)
        link.merge(a, b, "later")


def test_the_weight_of_each_full_named_person_is_counted_from_the_kept_components():
    """How many entities each full-named person has after rules 1a-1e, counted per rule-1a
    component (:func:`cast._weights`) as over every person."""
    from collections import Counter

    from storyline.reconcile.cast import _weights

    rng = random.Random(3)
    people = _people(rng, 150)
    first, link = _scan(people)
    holders = list(first.exact.values())
    for a, b in zip(holders, holders[3::4]):  # rules 1b-1e join full-named people
        link.merge(a, b, "variant")
    every = Counter(link.uf.roots(e.id for e in people))
    weight = _weights(first, link)
    assert {r: weight[r] for r in every if r in weight} == {r: every[r] for r in weight}
    assert set(weight) == {link.uf.find(e.id) for e in holders}
