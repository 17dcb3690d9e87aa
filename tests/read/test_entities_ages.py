"""Ages next to names and next to resolved epithets (pure text, no model)."""

from __future__ import annotations

import re

from storyline.read.doc import AgeAnn, EntityAnn, MentionAnn
from storyline.read.entities.ages import add_nominal_ages, find_ages


def _entity(key: int, name: str, text: str, nominal: list[str], names: list[str] = ()) -> EntityAnn:
    mentions = []
    for form, kind in [(f, "nominal") for f in nominal] + [(f, "name") for f in names]:
        for m in re.finditer(re.escape(form), text):
            mentions.append(MentionAnn(m.start(), m.end(), form, kind))
    return EntityAnn(key, name, "PERSON", mentions)


def test_age_after_a_name():
    text = "Mona Reyes, 38, left."
    assert [(v, text[s:e]) for _, v, s, e in find_ages(text, [(0, 10, 1)])] == [(38, "38")]


def test_age_after_a_resolved_epithet_and_inside_one():
    text = "The painter, 51, sold the loft. The 33-year-old sculptor bought it."
    painter = _entity(1, "Ivo Brandt", text, ["The painter"])
    sculptor = _entity(2, "Lea Moss", text, ["The 33-year-old sculptor"])
    add_nominal_ages([painter, sculptor], text)
    assert [(a.value, text[a.start : a.end]) for a in painter.ages] == [(51, "51")]
    assert [a.value for a in sculptor.ages] == [33]


def test_epithet_age_is_not_added_twice():
    text = "The painter, 51, sold the loft."
    painter = _entity(1, "Ivo Brandt", text, ["The painter"])
    painter.ages.append(AgeAnn(51, 13, 15))
    add_nominal_ages([painter], text)
    add_nominal_ages([painter], text)
    assert len(painter.ages) == 1


def test_disagreeing_epithet_ages_are_dropped():
    # one of the two epithets was resolved to the wrong person
    text = "The painter, 51, sold the loft. The drummer, 24, bought it."
    painter = _entity(1, "Ivo Brandt", text, ["The painter", "The drummer"])
    add_nominal_ages([painter], text)
    assert painter.ages == []
    text = "Ivo Brandt, 51, sold it. The drummer, 24, bought it."
    named = _entity(1, "Ivo Brandt", text, ["The drummer"], ["Ivo Brandt"])
    named.ages.append(AgeAnn(51, 12, 14))
    add_nominal_ages([named], text)
    assert [a.value for a in named.ages] == [51]


def test_only_people_and_only_nominal_mentions():
    text = "The studio, 12, closed. She, 40, left."
    studio = EntityAnn(1, "Atlas", "ORG", [MentionAnn(0, 10, "The studio", "nominal")])
    she = EntityAnn(2, "Mona", "PERSON", [MentionAnn(24, 27, "She", "pronoun")])
    add_nominal_ages([studio, she], text)
    assert studio.ages == [] and she.ages == []
