"""What the words around a claim's number say about it: what happened to what it counts, where it
was counted, and what a length is measured from.

The quantity finder (:mod:`storyline.read.quantities`) reads the number, its unit and modifier;
this module reads the rest of the claim's sentence around it, never past it, and fills the
context fields of :class:`~storyline.read.doc.QuantityAnn` that reconcile compares numbers by
(:mod:`storyline.reconcile.measures`):

* ``role``/``role_pos``: the verb or noun the number attaches to, as its WordNet base form: the
  verb before it ("injuring 80"), the verb after it ("50 were injured", "80 people were also
  wounded"), the noun before "of/at/to" ("a population of 120,000", "home to 120,000 people") or
  after "of" ("two hours of negotiations"); reporting and light verbs ("said", "has") are none;
* ``counted``: the noun it counts when its unit is no unit of measure (:mod:`storyline.core.units`):
  the unit's noun ("five villages"), else the measure noun before it ("a magnitude of 5.9");
  ``self_described`` when that noun names the measure itself (a WordNet attribute noun or the
  measure noun before it), and the role is then what has it ("a 6.1-magnitude quake" -> quake);
* ``scope``: "all" for "nationwide", "in total", "across the country"; a place or phrase for "in
  Lagos", "in one district";
* for a length, ``anchor`` (the named place after "of/from": "35 miles south of Tehran") and
  ``direction`` ("south", "southwest").

Only the sentence's text is read (no parse), so a Doc from a blank pipeline gets the same fields.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from functools import lru_cache

from storyline.core import words
from storyline.core.units import unit
from storyline.read.doc import QuantityAnn

__all__ = ["in_context"]

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
_ALL = re.compile(r"^\W*(?:[a-z]+\s+){0,3}?(?:nationwide|countrywide|worldwide|statewide|in\s+(?:all|total)|across\s+the\s+(?:country|nation|state|region))\b", re.I)
_SCOPE = re.compile(r"^\W*(?:[a-z]+\s+){0,3}?(?:in|across|throughout)\s+(?:the\s+)?((?:city|town|province|state|district|county|region|village)\s+of\s+)?"
                    r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}|(?:one|a|each|that|this)\s+[a-z]+)")
_ANCHOR = re.compile(r"^\W*(?:\([^)]*\)\W*)?(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west|away)\w*\s+)?"
                     r"(?:of|from)\s+(?:the\s+(?:[a-z]+\s+){0,2}(?:of\s+)?)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")
_DIRECTION = re.compile(r"^\W*(?:\([^)]*\)\W*)?(north|south|east|west)(?:-?(east|west))?", re.I)


def in_context(text: str, sentence: tuple[int, int], quantities: Iterable[QuantityAnn]) -> list[QuantityAnn]:
    """``quantities`` of a claim whose sentence is ``text[sentence[0]:sentence[1]]``, each count
    and measure with its context fields set; ages, lengths of marriage, ranks and numbers outside
    the sentence are left as they are (reconcile does not compare them)."""
    s0, s1 = sentence
    out = []
    for q in quantities:
        if q.ordinal or q.measure in ("age", "marriage") or not s0 <= q.start <= q.end <= s1:
            out.append(q)
            continue
        out.append(dataclasses.replace(q, **_context(q, text[s0 : q.start], text[q.end : s1])))
    return out


def _context(q: QuantityAnn, left: str, rest: str) -> dict[str, object]:
    row = unit(q.unit)
    before, after = _WORD.findall(left)[-6:], _WORD.findall(rest)[:8]
    role, pos, noun = _left_role(before)
    if role is None or pos == "n":
        r_role, r_pos = _right_role(after)
        if r_role is not None and (role is None or r_pos == "v"):
            role, pos = r_role, r_pos
    counted = None
    if row is None:
        counted = (_noun(q.unit) or q.unit.lower()) if q.unit else noun
    # What the number is compared as: a unit's dimension (reconcile's units), else the counted noun.
    thing = ("area" if row.dimension == "length" and q.area else row.dimension) if row is not None else counted
    self_described = bool(noun and thing == noun) or (counted is not None and _attribute_noun(counted))
    if self_described and role == thing:
        role, pos = _head_noun(after), "n"
    elif role is None and counted is not None:
        head = _head_noun(after)  # "the 5.9-magnitude quake": the quake has the magnitude
        role, pos = (head, "n") if head else (None, None)
    anchor = direction = None
    if thing == "length":
        m = _ANCHOR.match(rest)
        anchor = " ".join(m.group(1).lower().split()) if m else None
        d = _DIRECTION.match(rest)
        direction = "".join(x for x in d.groups() if x).lower() if d else None
    return {"role": role, "role_pos": pos, "counted": counted, "self_described": self_described,
            "scope": _scope(rest), "anchor": anchor, "direction": direction}


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
    return words.noun_class(noun) == "noun.attribute"


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
