"""TIMEX3 values as date intervals, and the interval arithmetic conflicts are judged with.

A value names a span of days, not a point: ``2023-08`` is every day of August 2023, ``2012`` the
whole year. Two statements of one event's date can both be true exactly when their intervals
overlap, so every date comparison in the reconcile stage goes through :class:`Interval`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "Interval",
    "interval",
    "granularity",
    "parse_date",
    "shift_years",
    "birth_interval",
    "years_before",
]

# Values that name a point or span we can place; anything else (PAST_REF, XXXX-03, P11Y) is None.
_DATE_RE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})|Q(?P<q>[1-4])|H(?P<h>[12])"
    r"|(?P<s>SP|SU|FA|AU|WI)))?(?:T.*)?$"
)
_DECADE_RE = re.compile(r"^(?P<dec>\d{3})X?$")
_CENTURY_RE = re.compile(r"^(?P<cen>\d{2})(?:XX)?$")
# Seasons as month ranges (northern hemisphere; winter spans the year end).
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
# Mods that make a value open-ended: such a value bounds nothing we can compare safely.
_OPEN_MODS = {"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN"}


@dataclass(frozen=True, order=True)
class Interval:
    """A closed interval of days ``[start, end]``."""

    start: date
    end: date

    def overlaps(self, other: "Interval") -> bool:
        """True when at least one day lies in both intervals."""
        return self.start <= other.end and other.start <= self.end

    def intersect(self, other: "Interval") -> "Interval | None":
        """The common days, or None when the intervals are disjoint."""
        lo, hi = max(self.start, other.start), min(self.end, other.end)
        return Interval(lo, hi) if lo <= hi else None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def describe(self) -> str:
        """A human form: '2012', 'August 2012', '2012-08-04' or 'between A and B'."""
        s, e = self.start, self.end
        if s == e:
            return s.isoformat()
        if s.day == 1 and e == _month_end(e.year, e.month):
            if s.month == 1 and e.month == 12:
                return str(s.year) if s.year == e.year else f"{s.year}–{e.year}"
            if (s.year, s.month) == (e.year, e.month):
                return f"{calendar.month_name[s.month]} {s.year}"
        return f"between {s.isoformat()} and {e.isoformat()}"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def parse_date(text: str | None) -> date | None:
    """The date of an ISO date or datetime string (``published``, ``as_of``), or None."""
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def interval(value: str | None, mod: str | None = None) -> Interval | None:
    """The days a TIMEX3 DATE value covers, or None when it cannot be placed.

    ``2012`` → the year, ``2023-08`` → the month, ``2023-W05`` → the ISO week, ``2023-SU`` → June to
    August, ``201`` / ``201X`` → the decade. Open-ended mods (BEFORE, AFTER, ...) give None, since
    such a value cannot contradict anything safely; START/MID/END keep the whole span (a superset).
    """
    if not value or (mod and mod.upper() in _OPEN_MODS):
        return None
    value = value.strip()
    try:
        m = _DATE_RE.match(value)
        if m:
            y = int(m["y"])
            if m["d"]:
                d = date(y, int(m["m"]), int(m["d"]))
                return Interval(d, d)
            if m["m"]:
                mo = int(m["m"])
                return Interval(date(y, mo, 1), _month_end(y, mo))
            if m["w"]:
                monday = date.fromisocalendar(y, int(m["w"]), 1)
                return Interval(monday, monday + timedelta(days=6))
            if m["q"]:
                q = int(m["q"])
                return Interval(date(y, 3 * q - 2, 1), _month_end(y, 3 * q))
            if m["h"]:
                h = int(m["h"])
                return Interval(date(y, 6 * h - 5, 1), _month_end(y, 6 * h))
            if m["s"]:
                first, last = _SEASONS[m["s"]]
                end_year, end_month = (y + 1, last - 12) if last > 12 else (y, last)
                return Interval(date(y, first, 1), _month_end(end_year, end_month))
            return Interval(date(y, 1, 1), date(y, 12, 31))
        m = _DECADE_RE.match(value)
        if m:
            y = int(m["dec"]) * 10
            return Interval(date(y, 1, 1), date(y + 9, 12, 31))
        m = _CENTURY_RE.match(value)
        if m and len(value) in (2, 4):
            y = int(m["cen"]) * 100
            return Interval(date(max(y, 1), 1, 1), date(y + 99, 12, 31))
    except ValueError:  # 2023-02-30, week 54: not a real day
        return None
    return None


def granularity(value: str | None) -> str | None:
    """day, week, month, season, quarter, half, year, decade, century, or None."""
    if not value:
        return None
    m = _DATE_RE.match(value.strip())
    if m:
        for key, name in (("d", "day"), ("w", "week"), ("m", "month"), ("s", "season"), ("q", "quarter"), ("h", "half")):
            if m[key]:
                return name
        return "year"
    if _DECADE_RE.match(value.strip()):
        return "decade"
    if _CENTURY_RE.match(value.strip()):
        return "century"
    return None


def shift_years(d: date, years: int) -> date:
    """``d`` moved by whole years; 29 February becomes 28 February in common years."""
    y = d.year + years
    return d.replace(year=y, day=min(d.day, calendar.monthrange(y, d.month)[1]))


def birth_interval(age: int, as_of: date) -> Interval:
    """Birth dates consistent with being ``age`` years old on ``as_of``.

    Someone is ``age`` on ``as_of`` when born in (as_of − (age+1) years, as_of − age years]:
    the left end is open (born that day, they would already be age+1).
    """
    latest = shift_years(as_of, -age)
    earliest = shift_years(as_of, -(age + 1)) + timedelta(days=1)
    return Interval(earliest, latest)


def years_before(span: Interval, years: int, *, completed: bool = False) -> Interval:
    """The interval ``years`` before ``span``.

    With ``completed`` the years are a lower bound on elapsed time ("after 11 years of marriage":
    at least 11 and fewer than 12 full years), so the result widens by one year to the left, like
    an age; without it the shift is exact ("10th anniversary on 2022-08-04" → 2012-08-04).
    """
    start = shift_years(span.start, -(years + 1)) + timedelta(days=1) if completed else shift_years(span.start, -years)
    return Interval(start, shift_years(span.end, -years))
