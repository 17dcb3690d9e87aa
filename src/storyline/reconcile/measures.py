"""What a number in a claim measures, and when two numbers cannot both be right.

The reader annotates each number of a claim (:class:`storyline.core.records.Quantity`: value,
unit, modifier, and from the words around it in its sentence (:mod:`storyline.read.quantity_context`)
*what happened* to what it counts, the ``role``: "injuring 80", "50 were injured", "a magnitude of
5.9", "home to 120,000 people"; *where* it was counted when the wording narrows it, the ``scope``:
"in Lagos", "nationwide"); this module turns those into what the number counts and the range of
values the wording allows, and decides which numbers can be compared.

Two numbers of one fact are compared (:func:`comparable`) only when they count the same thing
(same unit word, units of one dimension in :mod:`storyline.core.units`, WordNet synonyms, or a
bare number against "people") for the same role (verbs or measure nouns that are the same word,
WordNet synonyms or derivations: "injure"/"wound", "kill"/"killing"), and their scopes do not
differ; a length is compared only when both are measured from the same named place ("south of
Tehran"). They then conflict when their ranges are disjoint.

Ranges (:func:`value_range`), documented here because every conflict reason depends on them:

* ``at least N`` and ``more than N``: N and above ("at least 3" agrees with 40);
* ``at most N``, ``up to N``, ``as many as N``: N and below; but ``almost N`` / ``nearly N`` /
  ``close to N`` / ``just under N``: within :data:`NEAR` below N ("almost 50" is not 40);
* ``about N``: ± :data:`ABOUT` (10%): "about 200,000" is 180,000 to 220,000;
* an exact count is exact, but a round one (two or more trailing zeros: 600, 1,500, 120,000)
  stands for ± half its rounding step, at most 10% ("600 killed" agrees with 612);
* a length, duration, weight or area is never exact: ± ``units.CONTINUOUS_SLACK`` (5%).

Nothing here reads the text: the numbers and the words around them are the reader's annotations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from storyline.core import words
from storyline.core.records import Quantity
from storyline.core.units import CONTINUOUS_SLACK, UNIT, unit

__all__ = ["ABOUT", "NEAR", "Measure", "comparable", "in_units_of", "measures_of", "opposed", "value_range"]

#: "about N" stands for N ± this fraction.
ABOUT = 0.10
#: "almost N" stands for the values this fraction below N, up to N.
NEAR = 0.10
_RELATED = frozenset({"same", "synonym", "derivation"})
_DIMENSIONS = frozenset({r.dimension for r in UNIT.values()} | {"area"})


@dataclass(frozen=True)
class Measure:
    """One number of a claim with what it counts, what happened to it and the values it allows."""

    quantity: Quantity
    thing: str | None  # a unit dimension ('length', 'people'), else the counted noun ('village'); None for a bare number
    role: str | None  # WordNet base form of the verb or measure noun it attaches to ('injure', 'magnitude')
    role_pos: str | None  # 'v' or 'n'
    self_described: bool  # the thing names the measure itself ('a magnitude of 5.9'): no role needed
    scope: str | None  # where it was counted, when the wording narrows it ('lagos'; 'all' for nationwide)
    anchor: str | None  # for a length: the named place it is measured from ('tehran')
    direction: str | None  # for a length: the compass direction given ('south', 'southwest')
    low: float  # the values the wording allows, in the dimension's base unit
    high: float

    def describe(self) -> str:
        """The value as its wording bounds it: '12 or more', 'about 200,000', '9'."""
        q = self.quantity
        n = _fmt(q.value)
        if q.modifier in ("at_least", "more_than"):
            return f"{n} or more" if q.modifier == "at_least" else f"more than {n}"
        if q.modifier == "at_most":
            return f"almost {n}" if q.near else f"at most {n}"
        if q.modifier == "about":
            return f"about {n}"
        return n


def in_units_of(x: Measure, y: Measure) -> str | None:
    """``x``'s number in ``y``'s unit when they differ ("about 940 miles ≈ 1,513 kilometers"), else None."""
    ux, uy = unit(x.quantity.unit), unit(y.quantity.unit)
    if ux is None or uy is None or ux == uy or ux.dimension != uy.dimension or x.thing == "area":
        return None
    value = x.quantity.value * ux.factor / uy.factor
    # two significant digits below 10: "30 seconds ≈ 0.5 minutes", "2 seconds ≈ 0.033 minutes", not 0
    value = round(value) if abs(value) >= 10 else float(f"{value:.2g}")
    return f"{_fmt(x.quantity.value)} {_plural(ux.name, x.quantity.value)} \u2248 {_fmt(value)} {_plural(uy.name, value)}"


def _plural(name: str, value: float) -> str:
    return name if value == 1 or name.endswith("s") or len(name) <= 2 else name + "s"


def _fmt(value: float) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:g}"


def value_range(q: Quantity, continuous: bool = False) -> tuple[float, float]:
    """The values (in the quantity's own unit) its wording allows; see the module docstring."""
    v = float(q.value)
    slack = v * CONTINUOUS_SLACK if continuous else _round_slack(v)
    if q.modifier in ("at_least", "more_than"):
        return v - slack, math.inf
    if q.modifier == "at_most":
        return (v * (1 - NEAR) - slack if q.near else -math.inf), v + slack
    if q.modifier == "about":
        slack = max(slack, v * ABOUT)
    return v - slack, v + slack


def _round_slack(v: float) -> float:
    if v != int(v) or v < 100:
        return 0.0
    n, zeros = int(v), 0
    while n % 10 == 0:
        n //= 10
        zeros += 1
    return min(10**zeros / 2, v * ABOUT) if zeros >= 2 else 0.0


def measures_of(sentence: tuple[int, int], quantities: tuple[Quantity, ...]) -> list[Measure]:
    """The comparable numbers of a claim: counts and measures, not ages, ordinals or lengths of marriage.

    ``sentence`` is the claim's sentence span: a number outside it has no context from the reader."""
    out = []
    s0, s1 = sentence
    for q in quantities:
        if q.ordinal or q.measure in ("age", "marriage") or q.modifier == "additional" or not s0 <= q.start <= q.end <= s1:
            continue  # (an increment, 'another 20,000 people', is no count of them all)
        row = unit(q.unit)
        thing, factor, continuous = q.counted, 1.0, False
        if row is not None:
            thing, factor, continuous = row.dimension, row.factor, row.continuous
            if row.dimension == "length" and q.area:
                thing, factor = "area", row.factor**2
        anchor, direction = (q.anchor, q.direction) if thing == "length" else (None, None)
        lo, hi = value_range(q, continuous)
        out.append(Measure(q, thing, q.role, q.role_pos, q.self_described, q.scope, anchor, direction,
                           lo * factor, hi * factor))
    return out


@lru_cache(maxsize=65536)
def _same_word(a: str, b: str, pos: str) -> bool:
    return a == b or words.related(a, pos, b, pos) in _RELATED


def _same_thing(a: Measure, b: Measure) -> bool:
    if a.thing is None or b.thing is None:
        return (a.thing or b.thing or "people") == "people"  # a bare number counts people or nothing said
    if a.thing in _DIMENSIONS or b.thing in _DIMENSIONS:
        return a.thing == b.thing
    return _same_word(a.thing, b.thing, "n")


def _same_role(a: Measure, b: Measure) -> bool:
    if a.role is None or b.role is None:
        return False
    if a.role_pos == b.role_pos:
        return _same_word(a.role, b.role, a.role_pos or "n")
    return words.related(a.role, a.role_pos or "n", b.role, b.role_pos or "n") in _RELATED


def opposed(a: Measure, b: Measure) -> bool:
    """Two lengths from one place in directions no point fits: north against south; east against
    west when neither says north or south ("southeast" and "southwest" of a city may both be loose
    for a place due south)."""
    if a.anchor is None or a.anchor != b.anchor or not a.direction or not b.direction:
        return False
    da, db = a.direction, b.direction
    if {da[:5], db[:5]} == {"north", "south"}:
        return True
    return da in ("east", "west") and db in ("east", "west") and da != db


def comparable(a: Measure, b: Measure) -> bool:
    """Whether two numbers state the same measure of the same thing (see the module docstring)."""
    if not _same_thing(a, b):
        return False
    if a.scope and b.scope and a.scope != b.scope:
        return False  # "1,200 in one district" and "5,000 nationwide" count different things
    if a.thing == "length":
        return a.anchor is not None and a.anchor == b.anchor and not opposed(a, b)
    if a.self_described and b.self_described:
        return a.role is None or b.role is None or _same_role(a, b)
    return _same_role(a, b)
