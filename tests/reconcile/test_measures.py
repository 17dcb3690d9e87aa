"""What a number in a claim measures (thing, role, scope, anchor) and the values its wording allows.

Sentences are our own, from several domains (storms, earthquakes, shootings, fraud, evacuations);
the numbers and the words around them are read by the read stage's own functions
(tests/helpers/builders.py); how it reads them is tested in tests/read/test_quantity_context.py."""

import math
from dataclasses import replace

import pytest
from helpers.builders import quantities_in

from storyline.core.records import Quantity
from storyline.reconcile.measures import (
    ABOUT,
    NEAR,
    comparable,
    in_units_of,
    measures_of,
    value_range,
)


def measures(sentence: str):
    return measures_of((0, len(sentence)), quantities_in(sentence, 0, len(sentence)))


def one(sentence: str, text: str | None = None):
    ms = measures(sentence)
    return next(m for m in ms if text is None or m.quantity.text == text)


def q(value, modifier=None, text=None, near=False):
    return Quantity(value, "people", modifier, 0, 1, text or str(value), None, False, near=near)


@pytest.mark.parametrize("quantity, continuous, expected", [
    (q(12, "at_least"), False, (12, math.inf)),  # "at least 12": 12 and above
    (q(12, "more_than"), False, (12, math.inf)),
    (q(80, "at_most", "as many as 80"), False, (-math.inf, 80)),  # "up to", "as many as": and below
    (q(50, "at_most", "almost 50", near=True), False, (50 * (1 - NEAR), 50)),  # "almost 50" is not 40
    (q(200, "about"), False, (200 * (1 - ABOUT), 200 * (1 + ABOUT))),
    (q(80), False, (80, 80)),  # an exact count
    (q(600), False, (550, 650)),  # a round one: ± half its rounding step ...
    (q(200000), False, (180000, 220000)),  # ... at most 10%
    (q(35), True, (33.25, 36.75)),  # a length or a duration: ± 5%
])
def test_value_ranges(quantity, continuous, expected):
    lo, hi = value_range(quantity, continuous)
    assert lo == pytest.approx(expected[0]) and hi == pytest.approx(expected[1])


def test_measures_are_built_from_the_readers_fields_alone():
    counted = Quantity(5.9, None, None, 10, 13, "5.9", None, False, role="have", role_pos="v",
                       counted="magnitude", self_described=True, scope="all")
    m, = measures_of((0, 40), (counted,))
    assert (m.thing, m.role, m.role_pos, m.self_described, m.scope) == ("magnitude", "have", "v", True, "all")
    length = Quantity(35, "mile", None, 10, 18, "35 miles", None, False, anchor="tarsin", direction="south")
    m, = measures_of((0, 40), (length,))
    assert (m.thing, m.anchor, m.direction) == ("length", "tarsin", "south")
    area = Quantity(35, "mile", None, 10, 25, "35 square miles", None, False, area=True, anchor="tarsin")
    m, = measures_of((0, 40), (area,))
    assert (m.thing, m.anchor) == ("area", None)
    assert measures_of((20, 40), (counted,)) == []  # outside the claim's sentence
    almost = Quantity(50, "people", "at_most", 0, 16, "almost 50 people", None, False, near=True)
    assert measures_of((0, 40), (almost,))[0].describe() == "almost 50"
    assert measures_of((0, 40), (replace(almost, near=False),))[0].describe() == "at most 50"


def test_a_unit_of_measure_is_counted_as_its_dimension():
    killed, injured = measures("The storm tore through the valley, killing 10 people and injuring 80.")
    assert (killed.role, killed.thing) == ("kill", "people")
    assert (injured.role, injured.thing) == ("injure", None)  # a bare number: the verb says what it counts
    assert one("Five villages had been badly hit.").thing == "village"


def test_measure_nouns_describe_themselves():
    m = one("The agency said the quake had a magnitude of 5.9.")
    assert m.thing == "magnitude" and m.self_described
    m = one("A 6.1-magnitude quake struck Tarsin.")
    assert m.thing == "magnitude" and m.role == "quake"
    assert one("The island, with a population of 120,000, was spared.").thing == "population"
    assert one("Tarsin, home to 120,000 people, was spared.").role == "home"


def test_lengths_carry_what_they_are_measured_from():
    m = one("The epicentre lay 35 miles south of Tarsin.")
    assert (m.thing, m.anchor, m.direction) == ("length", "tarsin", "south")
    m = one("Port Ilse lies 1,150 kilometers (700 miles) southeast of the capital Varo.", "1,150 kilometers")
    assert (m.anchor, m.direction) == ("varo", "southeast")


@pytest.mark.parametrize("a, b, expected", [
    ("The flood killed 12 people.", "Officials said 9 people were killed.", True),
    ("The flood killed 12 people.", "The flood injured 9 people.", False),  # killed / injured
    ("Rescuers said 80 were injured.", "As many as 50 people were wounded.", True),  # injure ~ wound
    ("The blast injured five people.", "Two villagers were injured.", False),  # villagers may be some of them
    ("Officers fired 11 rounds.", "Officers fired seven bullets.", True),  # a round is a bullet
    ("The man was shot seven times.", "Officers fired 11 rounds.", False),  # hits are not rounds fired
    ("1,200 people were evacuated in one district.", "More than 5,000 people were evacuated nationwide.", False),
    ("The epicentre lay 35 miles south of Tarsin.", "The epicentre lay 60 kilometers south of Tarsin.", True),
    ("The epicentre lay 35 miles south of Tarsin.", "The epicentre lay 60 kilometers west of Mora.", False),
    ("A 6.1-magnitude quake struck Tarsin.", "The agency said the quake had a magnitude of 5.9.", True),
    ("Thieves stole $4.5 million.", "The gang stole $3 million.", True),
])
def test_comparable(a, b, expected):
    assert any(comparable(x, y) for x in measures(a) for y in measures(b)) is expected


def test_a_small_value_in_another_unit_keeps_two_significant_digits():
    two = one("the tremor lasted 2 seconds")
    minute = one("the tremor lasted 1 minute")
    assert in_units_of(two, minute) == "2 seconds \u2248 0.033 minutes"  # not "≈ 0 minutes"
    assert in_units_of(one("the tremor lasted 30 seconds"), minute) == "30 seconds \u2248 0.5 minutes"
