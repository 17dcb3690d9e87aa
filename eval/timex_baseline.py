"""A simple regex time tagger, the baseline storyline's timex tagger is scored against in the same run.

What a few lines of regular expressions (or ``dateparser``-style lookup) give: explicit dates
("March 3, 1998", "March 1998", "1998-03-03"), bare months and years, weekdays (the most recent
one on or before the document date), today/yesterday/tomorrow, "now", and "<number> <unit>"
durations. Values are resolved against the document creation time; nothing else is attempted.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["baseline_timexes"]

_MONTHS = "january february march april may june july august september october november december".split()
_MONTH = r"(?P<mon>" + "|".join(m.capitalize() for m in _MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_NUMBERS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())}
_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y"}
_PATTERN = re.compile(
    r"\b(?:"
    r"(?P<iso>\d{4}-\d\d-\d\d)"
    rf"|{_MONTH}(?:\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?)?(?:,?\s+(?P<year>(?:19|20)\d\d))?"
    r"|(?P<bare_year>(?:19|20)\d\d)"
    r"|(?P<wd>" + "|".join(w.capitalize() for w in _WEEKDAYS) + r")"
    r"|(?P<rel>[Tt]oday|[Yy]esterday|[Tt]omorrow)"
    r"|(?P<now>[Nn]ow)"
    r"|(?P<num>\d+|" + "|".join(_NUMBERS) + r")[\s-]+(?P<unit>day|week|month|year)s?"
    r")(?!\w)"
)


def _month(word: str) -> int:
    low = word.lower().rstrip(".")
    return next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(low[:3]))


def _one(m: re.Match, dct: date | None) -> tuple[str, str] | None:
    if m["iso"]:
        return "DATE", m["iso"]
    if m["mon"]:
        if m["mon"] == "May" and not (m["day"] or m["year"]):
            return None  # the modal verb
        year = m["year"] or (str(dct.year) if dct else "XXXX")
        value = f"{year}-{_month(m['mon']):02d}"
        return "DATE", value + (f"-{int(m['day']):02d}" if m["day"] else "")
    if m["bare_year"]:
        return "DATE", m["bare_year"]
    if m["wd"]:
        if dct is None:
            return "DATE", "XXXX-XX-XX"
        back = (dct.weekday() - _WEEKDAYS.index(m["wd"].lower())) % 7
        return "DATE", (dct - timedelta(days=back)).isoformat()
    if m["rel"]:
        if dct is None:
            return "DATE", "XXXX-XX-XX"
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["rel"].lower()]
        return "DATE", (dct + timedelta(days=shift)).isoformat()
    if m["now"]:
        return "DATE", "PRESENT_REF"
    n = _NUMBERS.get(m["num"].lower(), None) if not m["num"].isdigit() else int(m["num"])
    return "DURATION", f"P{n}{_UNITS[m['unit'].lower()]}"


def baseline_timexes(text: str, dct: date | None) -> list[tuple[int, int, str, str]]:
    """(start, end, type, value) of every expression the baseline finds."""
    out = []
    for m in _PATTERN.finditer(text):
        found = _one(m, dct)
        if found is not None:
            out.append((m.start(), m.end(), *found))
    return out
