"""What a number in a claim measures, and when two numbers cannot both be right.

The reader annotates each number of a claim (:class:`storyline.core.records.Quantity`: value,
unit, modifier); this module works out, from the words around it in its sentence, *what happened*
to what it counts (the ``role``: "injuring 80", "50 were injured", "a magnitude of 5.9", "home to
120,000 people") and *where* it was counted when the wording narrows it (the ``scope``: "in
Lagos", "nationwide"), and turns the modifier into the range of values the wording allows.

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

Nothing here reads a number from the text: the numbers, units and modifiers are the reader's;
the text is only looked at around them to find the role and scope words.
"""

from __future__ import annotations

import math
import re
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
_NEAR_WORDS = re.compile(r"^\s*(?:almost|nearly|close\s+to|just\s+(?:under|shy\s+of|below)|approaching)\b", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*|[^\sA-Za-z\d]")
# Words that sit between a number and its verb without changing what it counts (closed classes).
_AUX = frozenset("be is are was were been being am have has had having get gets got gotten also reportedly "
                 "allegedly all only still then now already initially officially later since".split())
_BETWEEN = frozenset("other more another additional further some the a an least most than as many much about "
                     "around nearly almost approximately roughly over under just some estimated".split())
_FUNCTION = frozenset("in on at of to for by with from into onto upon about over under after before since during "
                      "and or but nor so yet if than then there here this that these those it its".split())
_STOP = frozenset(",;:()[]—–-\"“”'‘’.!?")
_CLAUSE_END = frozenset({"and", "but", "while", "which", "who", "that", "when", "after", "before", "because"})
_LIGHT_VERBS = frozenset("be have do get make take give put say tell include reach".split())
_NOT_ROLE_CLASSES = frozenset({"verb.communication", "verb.cognition"})
_RELATED = frozenset({"same", "synonym", "derivation"})
_ALL = re.compile(r"^\W*(?:[a-z]+\s+){0,3}?(?:nationwide|countrywide|worldwide|statewide|in\s+(?:all|total)|across\s+the\s+(?:country|nation|state|region))\b", re.I)
_SCOPE = re.compile(r"^\W*(?:[a-z]+\s+){0,3}?(?:in|across|throughout)\s+(?:the\s+)?((?:city|town|province|state|district|county|region|village)\s+of\s+)?"
                    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}|(?:one|a|each|that|this)\s+[a-z]+)")
_ANCHOR = re.compile(r"^\W*(?:\([^)]*\)\W*)?(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|away)\w*\s+)?"
                     r"(?:of|from)\s+(?:the\s+(?:[a-z]+\s+){0,2}(?:of\s+)?)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")
_DIMENSIONS = frozenset({r.dimension for r in UNIT.values()} | {"area"})
_DIRECTION = re.compile(r"^\W*(?:\([^)]*\)\W*)?(north|south|east|west)(?:-?(east|west))?", re.I)


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
            return f"almost {n}" if _NEAR_WORDS.match(q.text) else f"at most {n}"
        if q.modifier == "about":
            return f"about {n}"
        return n


def in_units_of(x: Measure, y: Measure) -> str | None:
    """``x``'s number in ``y``'s unit when they differ ("about 940 miles ≈ 1,513 kilometers"), else None."""
    ux, uy = unit(x.quantity.unit), unit(y.quantity.unit)
    if ux is None or uy is None or ux == uy or ux.dimension != uy.dimension or x.thing == "area":
        return None
    value = x.quantity.value * ux.factor / uy.factor
    return f"{_fmt(x.quantity.value)} {_plural(ux.name, x.quantity.value)} \u2248 {_fmt(round(value))} {_plural(uy.name, value)}"


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
        return (v * (1 - NEAR) - slack if _NEAR_WORDS.match(q.text) else -math.inf), v + slack
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


@lru_cache(maxsize=16384)
def _verb(word: str, after_aux: bool) -> str | None:
    """The verb a word is, as the base form, when it plainly is one: an inflected form ('injuring',
    'killed', 'struck'), or any verb right after an auxiliary ('had been hit'); None for light and
    reporting verbs, which say nothing about what a number counts."""
    w = word.lower()
    base = words.lemmatize(w, "v")
    if base is None:
        return None
    inflected = w != base or w.endswith(("ing", "ed"))
    if not (inflected or after_aux) or (w.endswith("s") and not w.endswith("ss") and not after_aux and w[:-1] == base):
        return None
    if base in _LIGHT_VERBS or words.verb_class(base) in _NOT_ROLE_CLASSES:
        return None
    return base


@lru_cache(maxsize=16384)
def _noun(word: str) -> str | None:
    w = word.lower()
    if len(w) < 3 or not w.isalpha() or w in _FUNCTION or w in _BETWEEN or w in _AUX:
        return None  # "in" (inch), "a" (vitamin A): WordNet nouns that are function words here
    return words.lemmatize(w, "n")


@lru_cache(maxsize=16384)
def _attribute_noun(noun: str) -> bool:
    ids = words.synsets(noun, "n")
    return bool(ids) and words.lexname(ids[0]) == "noun.attribute"


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text)


def _left_role(before: list[str]) -> tuple[str | None, str | None, str | None]:
    """(role, pos, measure noun) from the words before a number: 'injuring 80', 'a magnitude of 5.9'."""
    i = len(before) - 1
    while i >= 0 and before[i].lower() in _BETWEEN:
        i -= 1
    if i < 0 or before[i] in _STOP:
        return None, None, None
    w = before[i]
    if w.lower() in ("of", "at", "to") and i >= 1 and before[i - 1] not in _STOP:
        noun = _noun(before[i - 1])  # "population of 120,000", "puts the magnitude at 6.1", "home to 120,000 people"
        return (noun, "n", noun) if noun else (None, None, None)
    verb = _verb(w, False)
    return (verb, "v", None) if verb else (None, None, None)


def _right_role(after: list[str]) -> tuple[str | None, str | None]:
    """(role, pos) from the words after a number: '50 were injured', '80 people were also wounded'."""
    aux = False
    for w in after[:5]:
        low = w.lower()
        if w in _STOP or low in _CLAUSE_END:
            return None, None
        if low in _AUX:
            aux = True
            continue
        if low.endswith("ly"):
            continue
        verb = _verb(w, aux)
        if verb:
            return verb, "v"
        if low == "of":  # "two hours of negotiations": the noun names what lasted
            nxt = next((x for x in after[after.index(w) + 1 : after.index(w) + 3] if x.lower() not in _BETWEEN), None)
            noun = _noun(nxt) if nxt and nxt not in _STOP else None
            return (noun, "n") if noun else (None, None)
        return None, None
    return None, None


def _head_noun(after: list[str]) -> str | None:
    """The noun an attributive number modifies: 'the 6.1-magnitude quake' -> 'quake'."""
    if after and after[0] not in _STOP:
        noun = _noun(after[0])
        if noun and _verb(after[0], False) is None:
            return noun
    return None


def _scope(rest: str) -> str | None:
    if _ALL.match(rest):
        return "all"
    m = _SCOPE.match(rest)
    return " ".join(m.group(2).lower().split()) if m else None


def measures_of(text: str, sentence: tuple[int, int], quantities: tuple[Quantity, ...]) -> list[Measure]:
    """The comparable numbers of a claim: counts and measures, not ages, ordinals or lengths of marriage.

    ``text`` is the article's text and ``sentence`` the claim's sentence span (its role and scope
    words are looked for there, never past it)."""
    out = []
    s0, s1 = sentence
    for q in quantities:
        if q.ordinal or q.measure in ("age", "marriage") or not s0 <= q.start <= q.end <= s1:
            continue
        row = unit(q.unit)
        before, after = _tokens(text[s0 : q.start])[-6:], _tokens(text[q.end : s1])[:8]
        role, pos, noun = _left_role(before)
        if role is None or pos == "n":
            r_role, r_pos = _right_role(after)
            if r_role is not None and (role is None or r_pos == "v"):
                role, pos = r_role, r_pos
        thing, factor, continuous = None, 1.0, False
        if row is not None:
            thing, factor, continuous = row.dimension, row.factor, row.continuous
            if row.dimension == "length" and re.search(r"\bsquare\b|\bsq\b", q.text, re.I):
                thing, factor = "area", row.factor**2
        elif q.unit:
            thing = _noun(q.unit) or q.unit.lower()
        elif noun:
            thing = noun
        self_described = bool(noun and thing == noun) or (thing is not None and row is None and _attribute_noun(thing))
        if self_described and role == thing:
            role, pos = _head_noun(after), "n"
        elif role is None and thing is not None and row is None:
            head = _head_noun(after)  # "the 5.9-magnitude quake": the quake has the magnitude
            role, pos = (head, "n") if head else (None, None)
        anchor = direction = None
        rest = text[q.end : s1]
        if thing == "length":
            m = _ANCHOR.match(rest)
            anchor = " ".join(m.group(1).lower().split()) if m else None
            d = _DIRECTION.match(rest)
            direction = "".join(x for x in d.groups() if x).lower() if d else None
        lo, hi = value_range(q, continuous)
        out.append(Measure(q, thing, role, pos, self_described, _scope(rest), anchor, direction, lo * factor, hi * factor))
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
