"""Word lists behind the timex patterns: calendar names, number words, units, modifiers.

Kept as Python tables (not a data file) because the patterns are compiled from them at import
time and each entry carries a normalisation value used by :mod:`.normalize`.
"""

from __future__ import annotations

from storyline.read.numbers import CARDINALS, ORDINAL_WORDS

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "NUMBER_WORDS",
    "ORDINALS",
    "UNITS",
    "SEASONS",
    "DAY_PARTS",
    "DAY_WORDS",
    "PREFIX_MODS",
    "APPROX_MODS",
    "OPEN_END_MODS",
    "SET_ADVERBS",
    "REF_WORDS",
    "alternation",
]

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(
    "january february march april may june july august september october november december".split(), 1
):
    MONTHS[_name] = _i
    MONTHS[_name[:3] + "."] = _i
MONTHS.update({"sept.": 9, "sep.": 9})
del MONTHS["may."]

WEEKDAYS: dict[str, int] = {
    name: i for i, name in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())
}

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, **{w: v for w, v in CARDINALS.items() if v}, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2, "half a": 0.5, "half an": 0.5,
}  # fmt: skip
# Quantities that leave the number unknown: TIMEX3 writes X ("PXY" = some years).
VAGUE_QUANTITIES = frozenset(
    {"several", "few", "a few", "many", "some", "numerous", "multiple", "countless", "the past few",
     "a number of"}
)

# spelled days of the month ("March eighth", "June twenty-first", as broadcast transcripts write them)
DAY_WORDS: dict[str, int] = {w: v for w, v in ORDINAL_WORDS.items() if v <= 20}
DAY_WORDS.update({f"twenty-{w}": 20 + v for w, v in ORDINAL_WORDS.items() if v <= 9})
DAY_WORDS.update({"thirtieth": 30, "thirty-first": 31})

ORDINALS: dict[str, int] = {
    **{w: v for w, v in ORDINAL_WORDS.items() if v <= 12}, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": -1, "last": -1,
}  # fmt: skip

# unit word (singular) -> (TIMEX3 duration letter, is a time unit needing the "T" prefix)
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "weekend": ("WE", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
}
UNIT_PLURALS = {"centuries": "century"}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}

# Modifiers written before a date ("the end of", "early"): TIMEX3 mod. Included in the span,
# as MEANTIME and TimeBank do ("the end of last year", "early June", "mid-2011").
PREFIX_MODS: dict[str, str] = {
    "the end of": "END", "the close of": "END", "the latter part of": "END", "late": "END",
    "the beginning of": "START", "the start of": "START", "the dawn of": "START", "early": "START",
    "the middle of": "MID", "the mid": "MID", "mid": "MID", "the height of": "MID",
}

# Approximators before a quantity ("over a year ago", "nearly five months"); part of the span.
APPROX_MODS: dict[str, str | None] = {
    "over": "MORE_THAN", "more than": "MORE_THAN", "upwards of": "MORE_THAN",
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "just under": "LESS_THAN", "just over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS", "about": "APPROX", "around": "APPROX", "roughly": "APPROX",
    "approximately": "APPROX", "some": "APPROX", "exactly": None, "precisely": None,
}

# Open ends written after a date or duration ("1994 or later", "the next year or so"); part of the
# span under the TimeML convention.
OPEN_END_MODS: dict[str, str] = {
    "or later": "ON_OR_AFTER", "or after": "ON_OR_AFTER", "and beyond": "ON_OR_AFTER",
    "or earlier": "ON_OR_BEFORE", "or before": "ON_OR_BEFORE", "or so": "APPROX",
}

# Frequency adverbs/adjectives -> SET value.
SET_ADVERBS: dict[str, str] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "monthly": "P1M",
    "quarterly": "P3M", "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y", "hourly": "PT1H",
    "semiannual": "P6M", "biannual": "P6M",
}

# Words and phrases denoting the present, past or future without a calendar value.
REF_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF",
    "presently": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "the present": "PRESENT_REF", "the time being": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "most recently": "PAST_REF",
    "lately": "PAST_REF", "the past": "PAST_REF", "those days": "PAST_REF",
    "soon": "FUTURE_REF", "very soon": "FUTURE_REF", "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the long term": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "someday": "FUTURE_REF",
}
# Not "the long run": "in the long run" is an idiom, "eventually", as "at the end of the day" is.


def alternation(words, *, escape: bool = True) -> str:
    """A regex alternation, longest first so the leftmost-first engine prefers longer phrases."""
    import re

    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join((re.escape(w) if escape else w).replace(r"\ ", r"\s+").replace(" ", r"\s+") for w in items)
