"""The units table: dimensions, sizes and the decisions it records."""

import pytest

from storyline.core.units import UNIT, unit


@pytest.mark.parametrize("word, dimension", [
    ("kilometer", "length"), ("km", "length"), ("miles", "length"), ("Minutes", "duration"),
    ("hours", "duration"), ("tonne", "mass"), ("hectares", "area"), ("persons", "people"),
    ("rounds", "ammunition"), ("bullets", "ammunition"), ("shots", "ammunition"), ("percent", "percent"),
])
def test_unit_words_and_their_plurals(word, dimension):
    row = unit(word)
    assert row is not None and row.dimension == dimension


def test_sizes_convert_within_a_dimension():
    assert unit("mile").factor / unit("kilometer").factor == pytest.approx(1.609344)
    assert unit("hour").factor == 60 * unit("minute").factor


@pytest.mark.parametrize("word", ["month", "year", "pound", "villager", "time", None, ""])
def test_units_without_a_fixed_size_or_dimension_are_not_listed(word):
    # a month or a year has no fixed length; "pound" is a weight or a currency; "shot seven
    # times" counts hits, not rounds; person nouns other than people count a part of them
    assert unit(word) is None


def test_every_row_is_complete():
    for row in UNIT.values():
        assert row.name and row.dimension and row.factor > 0
        assert row.continuous == (row.dimension in ("length", "duration", "mass", "area"))
