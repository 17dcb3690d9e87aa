"""Finding candidate matches fast: try the scanner only just before trigger words.

Every rule's match contains a trigger: a digit run or one of a few calendar words (month and
weekday names, units, "now", "recently", ...), and starts at most a known number of characters
before its first trigger ("several more consecutive trading days" starts 35 characters before
"days"). So instead of letting the combined regex try all rules at every character, the text is
split once into letter/digit runs (C speed), the triggers are picked out with a set lookup, and
``SCANNER.match`` is tried only at word starts within that margin before a trigger. Within that
margin only words that can begin a rule (``_STARTERS``) are tried. The result is the same list
of matches as ``SCANNER.finditer`` (tested), several times faster on news text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import accumulate

from storyline.read.timex.lexicon import (
    DAY_PARTS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    REF_WORDS,
    SEASONS,
    SET_ADVERBS,
    VAGUE_QUANTITIES,
    WEEKDAYS,
)
from storyline.read.timex.patterns import SCANNER

__all__ = ["candidates", "full_scan"]

_TOKEN = re.compile(r"([^\W\d_]+|\d+)")

# trigger word -> how far before it (in characters) a match may start
_MARGIN: dict[str, int] = {}
for _w in list(MONTHS) + list(WEEKDAYS):
    _MARGIN[_w.rstrip(".")] = 22  # "this coming Thursday", "the following September"
for _w in (
    "second minute hour day night week weekend month quarter year decade century half "
    "seconds minutes hours days nights weeks weekends months quarters years decades centuries"
).split():
    _MARGIN[_w] = 45  # "several more consecutive trading days", "the very end of the year"
for _w in list(DAY_PARTS) + list(SEASONS) + ["mornings", "afternoons", "evenings"]:
    _MARGIN[_w] = 16  # "this past summer", "every other morning"
for _w in (
    "tonight today yesterday tomorrow now currently presently nowadays present recently lately "
    "past soon future term someday time christmas halloween valentine thanksgiving election"
).split():
    _MARGIN[_w] = 20  # "the day before yesterday", "the time being", "most recently"
for _w in ("midnight", "noon", "midday"):
    _MARGIN[_w] = 0
_MARGIN["thousand"] = 13  # "the year two thousand"
for _w in ("nineteen", "eighteen"):
    _MARGIN[_w] = 0  # "nineteen ninety-four"
for _w in ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"):
    _MARGIN[_w] = 5  # "the nineties"
for _w in ("period", "recent", "current", "end", "date", "moment"):
    _MARGIN[_w] = 30  # "the comparable year-ago period", "the most recent quarter", "some future date", "this crucial moment"
for _w in SET_ADVERBS:
    _MARGIN[_w] = 2
_DIGIT_MARGIN = 10  # "fiscal Q3", "the 4th of", "mid-2011"

# Words a match can begin with (besides triggers and digit runs): the first word of every rule's
# optional prefixes. Only these positions are handed to the scanner.
_STARTERS = frozenset(
    "the a an this last next every each once twice early late mid earlier later coming past "
    "recent fiscal q h new right more most very these those over that then oh zero".split()
    + [w.split()[0] for w in NUMBER_WORDS]
    + [w.split()[0] for w in VAGUE_QUANTITIES]
    + [w.split()[0] for w in REF_WORDS]
    + list(ORDINALS)
    + ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
)


def full_scan(text: str) -> Iterator[re.Match]:
    """Every candidate match, the slow reference way (one regex pass over the whole text)."""
    return SCANNER.finditer(text)


def candidates(text: str) -> Iterator[re.Match]:
    """The same matches as :func:`full_scan`, trying the scanner only near trigger words."""
    low = text.lower()
    if len(low) != len(text):  # lowercasing changed offsets (rare scripts): take the slow path
        yield from full_scan(text)
        return
    parts = _TOKEN.split(low)
    # parts alternate separator, token, separator, ...; offsets[i] = end of parts[i]
    offsets = list(accumulate(map(len, parts)))
    margin = _MARGIN
    token_starts = offsets[0::2]  # start of token k = end of the separator before it
    tokens = parts[1::2]
    triggers = [k for k, w in enumerate(tokens) if w in margin or w < ":"]  # digit runs sort before ":"
    match_at = SCANNER.match
    starters = _STARTERS
    pos = 0  # nothing may start before this (end of the last match)
    k_next = 0  # first token not yet tried
    for k in triggers:
        start = token_starts[k]
        reach = start - (_DIGIT_MARGIN if tokens[k] < ":" else margin[tokens[k]])
        j = max(k_next, _first_token_at(token_starts, reach, k))
        while j <= k:
            p = token_starts[j]
            word = tokens[j]
            if p < pos or not (j == k or word in starters or word in margin or word < ":"):
                j += 1
                continue
            m = None
            if p and text[p - 1] in "'’":  # '82, '90s start on the apostrophe
                m = match_at(text, p - 1) if p - 1 >= pos else None
            if m is None:
                m = match_at(text, p)
            if m is not None and m.end() > m.start():
                yield m
                pos = m.end()
            j += 1
        k_next = k + 1


def _first_token_at(starts: list[int], offset: int, hi: int) -> int:
    """Index of the first token starting at or after ``offset`` (binary search below ``hi``)."""
    lo = 0
    while lo < hi:
        mid = (lo + hi) // 2
        if starts[mid] < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo
