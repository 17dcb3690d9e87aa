"""What every timex rule works with: the match context, the result type, shared helpers.

``Found.anchor`` is "DCT" when the value was computed from the publication date, "REF" when from
the last calendar date in the text (the tagger turns it into ``t<i>``), None when the text states
the value fully (or it cannot be resolved). Without a publication date, values relative to it
keep X placeholders ("XXXX-03") and anchor None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.read.numbers import SCALES
from storyline.read.timex.anchoring import TenseOracle
from storyline.read.timex.calendar import Point, year_for_month
from storyline.read.timex.lexicon import (
    MONTHS,
    NUMBER_WORDS,
    UNIT_PLURALS,
    UNITS,
    VAGUE_QUANTITIES,
)

__all__ = [
    "Context", "Found", "WS", "prev_word", "next_word", "number", "unit_of", "duration_value",
    "dct_point", "month_num", "date_value", "day_num", "GRAN_ORDER", "timeml_units", "whole_units",
]


@dataclass
class Found:
    start: int
    end: int
    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None  # "DCT" | "REF" | None


@dataclass
class Context:
    text: str
    dct: date | None
    tense: TenseOracle
    ref: Point | None = None  # last calendar date stated in the text (anaphora anchor)
    timeml: bool = False  # follow TimeML where it differs from MEANTIME (option timex_convention)
    quarter: Point | None = None  # last quarter stated in the text (a report's period)
    part_year: bool = False  # the report last spoke of "the nine months" / "the six months", not a quarter
    date_end: int = -1  # where the last date or time found ends ("Jan. 26" before "annually")
    game_report: bool | None = None  # the article tells of a game (play.py), found when first asked


WS = re.compile(r"\s+")
_PREV_WORD = re.compile(r"([\w’'.]+)[\s,]*$")
_NEXT_WORD = re.compile(r"^\s*([\w’']+)")
# granularities from finest to coarsest
GRAN_ORDER = ["D", "W", "M", "Q", "Y", "DE", "CE"]


def prev_word(ctx: Context, start: int) -> str:
    """The word just before ``start`` (lowercased; "" at the start of the text)."""
    m = _PREV_WORD.search(ctx.text, max(0, start - 30), start)
    return m.group(1).lower() if m else ""


def next_word(ctx: Context, end: int) -> str:
    """The word just after ``end`` (as written; "" when punctuation follows)."""
    m = _NEXT_WORD.match(ctx.text[end : end + 30])
    return m.group(1) if m else ""


def content_word_follows(text: str, end: int) -> bool:
    """Whether a content word (no function word, no punctuation) comes right after ``end``: what
    ends there then modifies a noun ("the late-1990s boom", "by 4 in the morning session")."""
    m = _NEXT_WORD.match(text[end : end + 30])
    return m is not None and m.group(1).lower() not in STOP_WORDS


def number(word: str | None) -> float | None:
    """A quantity word or numeral as a number; None for vague ones ("several")."""
    if word is None:
        return 1.0
    w = WS.sub(" ", word.lower())
    if w in VAGUE_QUANTITIES:
        return None
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    whole, _, rest = w.partition(" and ")
    if rest and whole.rpartition(" ")[2] in SCALES:  # "two hundred and fifty"
        n, m = number(whole), number(rest)
        return n + m if n is not None and m is not None else None
    head, _, scale = w.rpartition(" ")
    if scale in SCALES and head:  # "two hundred", "forty-five thousand"
        n = number(head)
        return n * SCALES[scale] if n is not None else None
    if "-" in w or " " in w:
        tens, _, ones = w.replace(" ", "-").partition("-")
        if tens in NUMBER_WORDS and ones in NUMBER_WORDS:
            return float(NUMBER_WORDS[tens] + NUMBER_WORDS[ones])
    try:
        return float(w.replace(",", ""))  # "1,500"
    except ValueError:
        return None


def unit_of(word: str) -> tuple[str, bool]:
    """(TIMEX3 unit letter, is a clock unit) of "years", "hour", "centuries", ..."""
    w = word.lower()
    w = UNIT_PLURALS.get(w, w[:-1] if w.endswith("s") and w[:-1] in UNITS else w)
    return UNITS.get(w, ("D", False))


def duration_value(n: float | None, word: str) -> str:
    """TIMEX3 duration value: P11Y, PT12H, P2.5Y, P10Y for a decade, PXW for "weeks"."""
    letter, is_time = unit_of(word)
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{letter}"
    if letter == "DE":
        n, letter = n * 10, "Y"
    elif letter == "CE":
        n, letter = n * 100, "Y"
    if n == 0.5 and letter == "H":
        return "PT30M"
    if n == 0.5 and letter == "Y":
        return "P6M"
    num = str(int(n)) if n == int(n) else f"{n:g}"
    return f"{prefix}{num}{letter}"


def dct_point(ctx: Context, gran: str = "D") -> Point | None:
    """The publication date as a Point, or None."""
    return Point(ctx.dct, gran) if ctx.dct else None


def month_num(word: str) -> int:
    """1-12 for "March", "Sept.", ..."""
    return MONTHS[word.lower()]


def date_value(ctx: Context, month: int, day: int | None, year: str | None, start: int, end: int):
    """(value, anchor) of a month/day with an optional year, completing the year from the DCT."""
    if year:
        y, anchor = int(year), None
    elif ctx.dct:
        y, anchor = year_for_month(ctx.dct, month, day, ctx.tense.tense(start, end)), "DCT"
    else:
        return (f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")), None
    if day:
        try:
            return date(y, month, day).isoformat(), anchor
        except ValueError:
            return None, None
    return f"{y:04d}-{month:02d}", anchor


def day_num(text: str) -> int:
    """The day number in "3rd", "14"."""
    return int(re.match(r"\d+", text).group())


# the next smaller unit a fraction is written in: (prefix, letter) -> (letter, how many)
_NEXT_UNIT = {("P", "Y"): ("M", 12), ("PT", "H"): ("M", 60), ("PT", "M"): ("S", 60)}
_FRACTION = re.compile(r"(PT?)(\d+)\.(\d+)([A-Z])")


_TIMEML_LETTERS = re.compile(r"PX(DE|CE)")
_TIMEML_LETTER = {"DE": "E", "CE": "C"}


def timeml_units(value: str) -> str:
    """A vague count of decades or centuries in TimeML's one-letter units: PXDE -> PXE, PXCE ->
    PXC, as TimeBank writes them (P1E, PXC, P2L); counted ones are already in years (P20Y)."""
    return _TIMEML_LETTERS.sub(lambda m: "PX" + _TIMEML_LETTER[m[1]], value)


def whole_units(value: str) -> str:
    """A fractional duration in whole units, as TimeML writes it: P2.5Y -> P2Y6M, PT1.5M -> PT1M30S
    (MEANTIME keeps P2.5Y)."""
    m = _FRACTION.fullmatch(value)
    if m is None or (m[1], m[4]) not in _NEXT_UNIT:
        return value
    letter, per = _NEXT_UNIT[(m[1], m[4])]
    part = float("0." + m[3]) * per
    if not part.is_integer():
        return value
    head = f"{m[2]}{m[4]}" if m[2] != "0" else ""
    return f"{m[1]}{head}{int(part)}{letter}"
