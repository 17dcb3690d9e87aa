"""Quantities: numbers as written, with their modifier, the noun they count, and what they measure.

"at least 12 people" (12, people, at_least), "more than 200" (200, None, more_than), "about 1,500
homes" (1500, home, about), "a 5.8-magnitude earthquake" (5.8, magnitude), "11 times" (11, time),
"40%" (40, percent), "$5 million" (5000000, dollar). The unit is the lemma of the noun the number
modifies in the parse; on a Doc without a parse, the next word. Numbers inside dates and times
(``skip``) and inside entity mentions are not quantities.

Two readings the reconcile stage relies on set :attr:`~storyline.read.doc.QuantityAnn.measure`:

- ``"age"``: an age stated of someone, "is 42", "was 42", "turned 40", "aged 40", "42 years old"
  (predicative only: "the 26-year-old singer" says the singer's age, not the subject's);
- ``"marriage"``: "11 years of marriage", "married for 11 years", "an 11-year marriage", and an
  ordinal anniversary, "their 10th wedding anniversary" (``ordinal``; ``measure`` is set when the
  phrase says wedding or marriage). With a date, these imply the wedding date.

Counts of children are quantities whose unit is child, kid, son or daughter. ``near`` marks a
tight upper bound ("almost 50", "nearly 50"), ``area`` a square unit ("3 square miles"). What the
rest of a claim's sentence says about its numbers is read by :mod:`storyline.read.quantity_context`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from storyline.core import words
from storyline.core.units import CURRENCY_SIGNS
from storyline.read.doc import DocIndex, QuantityAnn
from storyline.read.numbers import CARDINALS, SCALES, cardinal, ordinal
from storyline.read.timex.lexicon import APPROX_MODS

__all__ = ["find_quantities", "quantity_at", "MODIFIERS"]

# Words before a number -> modifier: the timex approximators, in the quantity vocabulary.
_FROM_TIMEX = {"MORE_THAN": "more_than", "LESS_THAN": "at_most", "EQUAL_OR_MORE": "at_least",
               "EQUAL_OR_LESS": "at_most", "APPROX": "about", None: "exactly"}  # fmt: skip
MODIFIERS: dict[tuple[str, ...], str] = {
    **{tuple(k.split()): _FROM_TIMEX[v] for k, v in APPROX_MODS.items()},
    ("fewer", "than"): "at_most", ("no", "fewer", "than"): "at_least", ("an", "estimated"): "about",
    ("as", "many", "as"): "at_most", ("in", "excess", "of"): "more_than",
}  # fmt: skip
_MAX_MOD = max(len(k) for k in MODIFIERS)
# Words that make a number an increment on what was counted before: before it, and between it and its noun.
_INCREMENT_BEFORE = frozenset({("another",), ("an", "additional"), ("a", "further"), ("an", "extra")})
_INCREMENT_AFTER = frozenset({"more", "additional", "further", "extra"})
_AGE_VERBS = frozenset({"is", "was", "turned", "turns", "aged"})
_MARRIAGE = frozenset({"wedding", "marriage"})
_ORDINAL_NOUNS = frozenset({"anniversary", "birthday"})
_UNIT_DEPS = frozenset({"nummod", "compound", "amod", "quantmod", "npadvmod", "nmod"})
# "almost 50" is an upper bound like "at most 50", but a tight one: reconcile reads it as just below.
_NEAR = re.compile(r"^\s*(?:almost|nearly|close\s+to|just\s+(?:under|shy\s+of|below)|approaching)\b", re.I)
_SQUARE = re.compile(r"\bsquare\b|\bsq\b", re.I)


def find_quantities(doc: Doc, lo: int, hi: int, skip: Iterable[int] = ()) -> list[QuantityAnn]:
    """The quantities among tokens ``lo:hi`` of ``doc``, in text order (tokens in ``skip`` never
    start or join one)."""
    skip = skip if isinstance(skip, set) else set(skip)  # read only: a caller's set is not copied per call
    starts = _number_starts(DocIndex.build(doc))
    out: list[QuantityAnn] = []
    i = lo
    for k in starts[bisect_left(starts, lo) : bisect_left(starts, hi)]:
        if k < i or k in skip:
            continue  # inside the quantity just read, or not to be read
        found = quantity_at(doc, k, hi, skip, lo)
        if found is not None:
            q, i = found
            out.append(q)
    return out


def _number_starts(idx: DocIndex) -> list[int]:
    """The tokens that may start a quantity, ascending: like a number ("12", "1,500", "twelve",
    "10th"), "a" ("a dozen"), or a measure joined to its value ("magnitude-5.2"). Found once per Doc: a
    component reads the quantities of many overlapping spans."""
    if idx.number_starts is None:
        num, lowers = idx.num, idx.lowers
        idx.number_starts = [i for i, low in enumerate(lowers) if num[i] or low in ("a", "an") or _NOUN_NUMBER.match(low)]
    return idx.number_starts


def _number(idx: DocIndex, doc: Doc, i: int, hi: int, skip: set[int]) -> tuple[float, int, bool] | None:
    """(value, end token, is an ordinal) of the number starting at token ``i``."""
    low = idx.lowers[i]
    value = cardinal(low)
    if value is not None and low in CARDINALS and doc.has_annotation("POS") and doc[i].pos_ not in ("NUM", ""):
        return None  # "no one", "the one who"
    j = i + 1
    if value is None and low in ("a", "an") and j < hi and idx.lowers[j] in SCALES and j not in skip:
        value, j = float(SCALES[idx.lowers[j]]), j + 1  # "a dozen", "a hundred"
    if value is None:
        rank = ordinal(low)
        return (float(rank), j, True) if rank is not None else None
    if (value in range(20, 100, 10) and j + 1 < hi and idx.texts[j] == "-" and not idx.space_after[i]
            and CARDINALS.get(idx.lowers[j + 1], 10) < 10 and j + 1 not in skip):
        value, j = value + CARDINALS[idx.lowers[j + 1]], j + 2  # "twenty-two"
    while j < hi and idx.lowers[j] in SCALES and j not in skip:
        value, j = value * SCALES[idx.lowers[j]], j + 1  # "two hundred", "1.5 million"
    return value, j, False


def _unit(idx: DocIndex, doc: Doc, first: int, end: int, hi: int, skip: set[int]) -> int | None:
    """The token of the noun the number ``first:end`` counts, if it follows within three tokens."""
    if end < hi and idx.texts[end] == "%":
        return end
    if doc.has_annotation("DEP"):
        t = doc[end - 1]
        head = t.head
        while head.i < end and head.i >= first and head.i != head.head.i:  # "two hundred": up to "hundred"
            head = head.head
        if t.dep_ in _UNIT_DEPS or head.i != t.head.i:
            if end <= head.i < min(hi, end + 4) and head.pos_ in ("NOUN", "PROPN") and head.i not in skip:
                return head.i
        return None
    k = end
    while k < hi and idx.texts[k] == "-":
        k += 1
    if k < hi and k not in skip and idx.texts[k].isalpha() and idx.lowers[k] not in STOP_WORDS:
        return k
    return None


def quantity_at(doc: Doc, i: int, hi: int, skip: Iterable[int] = (), lo: int = 0) -> tuple[QuantityAnn, int] | None:
    """The quantity whose number starts at token ``i``, and the token after it; None when no number
    starts there. The quantity's words stay within tokens ``lo:hi``."""
    skip = skip if isinstance(skip, set) else set(skip)
    idx = DocIndex.build(doc)
    lowers, texts = idx.lowers, idx.texts
    num = _number(idx, doc, i, hi, skip)
    if num is None:
        named = _noun_number(lowers[i])
        if named is None:
            return None
        return _modified(idx, named[0], named[1], i, i + 1, lo, skip, None, False), i + 1
    value, end, is_ordinal = num
    first, last = i, end  # token span of the whole quantity
    measure: str | None = None
    unit_tok = _unit(idx, doc, i, end, hi, skip)
    unit = None
    if unit_tok is not None:
        # "5.6 -magnitude" (a hyphen the tokeniser kept on the noun) counts magnitude
        unit = "percent" if texts[unit_tok] == "%" else (doc[unit_tok].lemma_ or texts[unit_tok]).lower().lstrip("-") or None
        last = unit_tok + 1
    if is_ordinal:
        # An ordinal is a quantity only as the rank of an anniversary or a birthday.
        k = end
        said = k < hi and lowers[k] in _MARRIAGE
        k += said
        if not (k < hi and lowers[k] in _ORDINAL_NOUNS):
            return None
        unit, last = lowers[k], k + 1
        measure = "marriage" if said and unit == "anniversary" else None
    elif i > lo and texts[i - 1] in CURRENCY_SIGNS and i - 1 not in skip:
        unit, first, last = CURRENCY_SIGNS[texts[i - 1]], i - 1, end
    else:
        digits = texts[i].isdigit() and len(texts[i]) <= 3 and end == i + 1
        hyphen = end < len(texts) and texts[end] == "-" and not idx.space_after[end - 1]
        if digits and i > lo and lowers[i - 1] in _AGE_VERBS and idx.space_after[i - 1] and not hyphen:
            measure = "age"  # "she is 42", "turned 40"
        if (digits and unit_tok == end and lowers[end] in ("year", "years") and idx.space_after[i]
                and end + 1 < hi and lowers[end + 1] == "old" and idx.space_after[end]):
            measure, last = "age", end + 2  # "42 years old"
        if (unit_tok is not None and lowers[unit_tok] == "year" and unit_tok + 2 < len(texts) and texts[unit_tok + 1] == "-"
                and lowers[unit_tok + 2] == "old" and unit_tok + 2 < hi):
            last = unit_tok + 3  # "a 26-year-old": the age of the noun it modifies, not a stated age
        if unit_tok == end and lowers[end] == "years":
            if end + 2 < hi and lowers[end + 1] == "of" and lowers[end + 2] == "marriage":
                measure, last = "marriage", end + 3  # "11 years of marriage"
            elif i - 2 >= lo and lowers[i - 2] == "married" and lowers[i - 1] == "for":
                measure, first = "marriage", i - 2  # "married for 11 years"
        elif unit_tok is not None and lowers[unit_tok] == "year" and unit_tok <= end + 1:
            if unit_tok + 1 < hi and lowers[unit_tok + 1] == "marriage" or (
                    unit_tok + 2 < hi and texts[unit_tok + 1] == "-" and lowers[unit_tok + 2] == "marriage"):
                measure = "marriage"  # "an 11-year marriage"
                last = unit_tok + (2 if lowers[unit_tok + 1] == "marriage" else 3)
    return _modified(idx, value, unit, first, last, lo, skip, measure, is_ordinal), max(end, last)


def _modified(idx: DocIndex, value: float, unit: str | None, first: int, last: int, lo: int, skip: set[int],
              measure: str | None, is_ordinal: bool) -> QuantityAnn:
    """The quantity of tokens ``first:last``, with the modifier written before it ("at least")."""
    lowers = idx.lowers
    modifier = None
    for n in range(min(_MAX_MOD, first - lo), 0, -1):
        cue = tuple(lowers[first - n : first])
        if cue in MODIFIERS and not any(k in skip for k in range(first - n, first)):
            modifier, first = MODIFIERS[cue], first - n
            break
    # An increment ('another 20,000 people', 'about 3,000 more troops'): no total, whatever bound
    # it has; not 'one another', '20 or more', 'extra-large'.
    before = next((n for n in (2, 1) if first - n >= lo and tuple(lowers[first - n : first]) in _INCREMENT_BEFORE
                   and not any(k in skip for k in range(first - n, first))
                   and not (first - n - 1 >= lo and lowers[first - n - 1] == "one")), 0)
    if before or any(lowers[k] in _INCREMENT_AFTER and lowers[k - 1] != "or" and (k + 1 >= len(lowers) or lowers[k + 1] != "-")
                     for k in range(first + 1, last)):
        modifier, first = "additional", first - before
    start, stop = idx.char_bounds(first, last)
    text = idx.text[start:stop]
    return QuantityAnn(value, unit, modifier, start, stop, text, measure, is_ordinal,
                       near=bool(_NEAR.match(text)), area=bool(_SQUARE.search(text)))


# "magnitude-5.2", one token: a measure noun joined to its value
_NOUN_NUMBER = re.compile(r"^([a-z]{3,})-(\d+(?:\.\d+)?)$")


def _noun_number(low: str) -> tuple[float, str] | None:
    """(value, noun) of a token such as "magnitude-5.2" whose noun names a measure (a WordNet
    attribute noun: magnitude, level, grade); "covid-19" or "boeing-737" name no measure."""
    m = _NOUN_NUMBER.match(low)
    if m is None:
        return None
    noun = words.lemmatize(m.group(1), "n")
    return (float(m.group(2)), noun) if noun and words.noun_class(noun) == "noun.attribute" else None
