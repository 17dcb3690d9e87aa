"""Units of measure: which unit words measure the same thing, and how to convert between them.

One row per unit word as the reader writes it (``Quantity.unit``, a noun's lemma): the dimension
it measures and its size in that dimension's base unit. Reconcile compares two numbers only when
their units share a dimension (or are the same word, or WordNet synonyms), after converting both
to the base unit; so "about 940 miles" and "1,500 kilometers" can be compared, and "two hours" and
"30 seconds" can. Adding a unit is adding a row.

Decisions worth knowing:

* ``people``, ``person`` and ``persons`` are one thing; other person nouns (villagers, children,
  residents) count a part of the people an event touched, so they are compared only with the same
  noun ("two villagers" is not checked against "five people": the villagers may be some of them).
* ``bullet``, ``round``, ``shot``, ``slug`` and ``cartridge`` count the same thing: one round is one
  bullet is one shot fired. "Shot seven times" (unit ``time``) counts hits on a person and is not
  compared with rounds fired; whether two numbers count the same act is the job of the verb they
  attach to (``reconcile.measures``).
* A ``month`` or ``year`` has no fixed length and "pound" is a weight or a currency: not listed, so
  they compare only with the same word.
* A continuous measure (a length, a duration, a weight, an area) is never exact as reported: each
  stated value stands for ± :data:`CONTINUOUS_SLACK` of itself.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CONTINUOUS_SLACK", "CURRENCY_SIGNS", "UNIT", "UnitRow", "unit"]

#: A reported length, duration, weight or area stands for this fraction either side of itself:
#: "35 miles" (56.3 km) and "60km" agree; "1,150 km" and "1,500 km" do not.
CONTINUOUS_SLACK = 0.05

#: A sign written before an amount, and the unit the amount is in ("$5 million": dollar). Money is
#: told apart from other counts by these (quantities) and by them alone near a number (timex).
CURRENCY_SIGNS: dict[str, str] = {"$": "dollar", "£": "pound", "€": "euro", "¥": "yen"}


@dataclass(frozen=True)
class UnitRow:
    """A unit word."""

    name: str  # the lemma as the reader writes it
    dimension: str  # what it measures: length, duration, mass, area, people, ammunition, percent
    factor: float  # its size in the dimension's base unit (metre, second, kilogram, square metre, one)
    continuous: bool  # a physical measure, always rounded when reported


def _rows(dimension: str, factor: float, continuous: bool, *names: str) -> list[UnitRow]:
    return [UnitRow(n, dimension, factor, continuous) for n in names]


UNIT: dict[str, UnitRow] = {
    r.name: r
    for r in (
        _rows("length", 1000.0, True, "kilometer", "kilometre", "km", "kms")
        + _rows("length", 1609.344, True, "mile", "mi")
        + _rows("length", 1.0, True, "meter", "metre", "m")
        + _rows("length", 0.3048, True, "foot", "feet", "ft")
        + _rows("length", 0.9144, True, "yard", "yd")
        + _rows("length", 1852.0, True, "nautical mile")
        + _rows("duration", 1.0, True, "second", "sec", "secs")
        + _rows("duration", 60.0, True, "minute", "min", "mins")
        + _rows("duration", 3600.0, True, "hour", "hr", "hrs")
        + _rows("duration", 86400.0, True, "day")
        + _rows("duration", 604800.0, True, "week")
        + _rows("mass", 1.0, True, "kilogram", "kilogramme", "kg", "kilo")
        + _rows("mass", 0.001, True, "gram", "gramme", "g")
        + _rows("mass", 1000.0, True, "tonne", "metric ton")
        + _rows("area", 1e6, True, "square kilometer", "square kilometre", "sq km", "km2")
        + _rows("area", 2589988.11, True, "square mile", "sq mi")
        + _rows("area", 10000.0, True, "hectare", "ha")
        + _rows("area", 4046.856, True, "acre")
        + _rows("people", 1.0, False, "people", "person", "persons")
        + _rows("ammunition", 1.0, False, "bullet", "round", "shot", "slug", "cartridge")
        + _rows("percent", 1.0, False, "percent", "per cent", "%", "pct")
    )
}


def unit(name: str | None) -> UnitRow | None:
    """The row of a unit word (its lemma, any case; a plural falls back to its singular)."""
    if not name:
        return None
    key = " ".join(name.lower().split())
    return UNIT.get(key) or (UNIT.get(key[:-1]) if key.endswith("s") else None)
