"""Number words and ordinals: the one table the read stage uses (timex patterns and quantities).

Values only; each user picks the entries it matches (the timex patterns take cardinals from one
to twenty and the tens, ordinals up to twelfth). :func:`cardinal` and :func:`ordinal` read one
token's text.
"""

from __future__ import annotations

import re

__all__ = ["CARDINALS", "SCALES", "ORDINAL_WORDS", "cardinal", "ordinal"]

CARDINALS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
CARDINALS.update({w: 10 * i for i, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)})
SCALES: dict[str, int] = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
ORDINAL_WORDS: dict[str, int] = {
    w: i
    for i, w in enumerate(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
    if i
}

_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
_ORDINAL_DIGITS = re.compile(r"(\d+)(?:st|nd|rd|th)")


def cardinal(text: str) -> float | None:
    """The value of one number token: '12', '1,500', '5.8', 'twelve'; None otherwise."""
    low = text.lower()
    if low in CARDINALS:
        return float(CARDINALS[low])
    if _DIGITS.fullmatch(low):
        return float(low.replace(",", ""))
    return None


def ordinal(text: str) -> int | None:
    """The value of one ordinal token: '10th', 'tenth'; None otherwise."""
    low = text.lower()
    if low in ORDINAL_WORDS:
        return ORDINAL_WORDS[low]
    m = _ORDINAL_DIGITS.fullmatch(low)
    return int(m.group(1)) if m else None
