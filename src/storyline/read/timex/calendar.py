"""Calendar arithmetic and TIMEX3 value formatting.

A calendar point is a :class:`Point`: a ``date`` plus the granularity it was stated at
("Y" year, "Q" quarter, "M" month, "W" ISO week, "D" day, "DE" decade, "CE" century). Shifting
a point keeps the day-of-month where it can ("a year later" after August 4, 2022 is August 4,
2023) and clamps it otherwise (January 31 + 1 month = February 28). Values are read and months
added by :mod:`storyline.core.dates`; this module only turns them into the tagger's Points.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from storyline.core.dates import add_months, granularity, interval

__all__ = ["Point", "parse_value", "shift", "year_for_month", "UNIT_GRAN"]

# unit letter of a duration -> granularity of a date shifted by that unit
#: A date said in the past may still lie this far after publication (a deadline just set).
PAST_GRACE_DAYS = 31

UNIT_GRAN = {"D": "D", "W": "W", "WE": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "DE", "CE": "CE"}


@dataclass(frozen=True)
class Point:
    day: date
    gran: str  # Y Q M W D DE CE

    def value(self, gran: str | None = None) -> str:
        """The TIMEX3 value at this point's granularity (or a coarser/finer one)."""
        g = gran or self.gran
        d = self.day
        if g == "D":
            return d.isoformat()
        if g == "W":
            iso = d.isocalendar()
            return f"{iso[0]:04d}-W{iso[1]:02d}"
        if g == "M":
            return f"{d.year:04d}-{d.month:02d}"
        if g == "Q":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if g == "DE":
            return f"{d.year // 10:03d}"
        if g == "CE":
            return f"{d.year // 100:02d}"
        return f"{d.year:04d}"

    def value_with_unknowns(self, gran: str) -> str:
        """The value at the finer granularity ``gran`` with X for what this point does not know
        ("that same day" in a month: ``1998-10-XX``; a month in a year: ``1987-XX``; a week:
        ``1987-WXX``), as TIMEX3 writes it; this point's own value when no year is known or ``gran``
        is not finer."""
        year = f"{self.day.year:04d}"
        if self.gran not in ("M", "Q", "Y"):
            return self.value()
        if gran == "D":
            return (self.value("M") if self.gran == "M" else year + "-XX") + "-XX"
        if gran == "W":
            return year + "-WXX"
        if gran == "M" and self.gran != "M":
            return year + "-XX"
        return self.value()

    def coarsen(self, gran: str) -> "Point":
        """The same point stated no finer than ``gran``."""
        order = ["D", "W", "M", "Q", "Y", "DE", "CE"]
        return self if order.index(self.gran) >= order.index(gran) else Point(self.day, gran)


# granularity of a value (storyline.core.dates) -> granularity of the Point it anchors
_POINT_GRAN = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}


def parse_value(value: str) -> Point | None:
    """A calendar value (``2009``, ``2009-06``, ``2009-06-03``, ``2009-W13``, ``2009-Q4``) as a Point
    at its first day; None for other values (seasons, decades, ``XXXX-03``, ``PAST_REF``)."""
    gran = _POINT_GRAN.get(granularity(value) or "")
    span = interval(value) if gran else None
    return Point(span.start, gran) if span and gran else None


def shift(d: date, unit: str, n: float) -> date:
    """``d`` moved by ``n`` units (D W WE M Q Y DE CE); fractional months/years are rounded to months."""
    try:
        if unit == "D":
            return d + timedelta(days=round(n))
        if unit in ("W", "WE"):
            return d + timedelta(days=round(7 * n))
        months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit)
        if months is None:
            return d
        return add_months(d, round(n * months))
    except (OverflowError, ValueError):
        return d


def year_for_month(dct: date, month: int, day: int | None, tense: str) -> int:
    """The year of a month (and day) written without one, from the publication date and tense.

    The year that puts the date nearest the publication by default ("in October" in a January
    article is last October; "payable Jan. 2" in November is next January); the previous year
    when the text speaks of the past and the date would fall clearly after publication (more than
    :data:`PAST_GRACE_DAYS`: "the offer was extended to Nov. 20" in a Nov. 2 article is this
    Nov. 20, a deadline just set); the next year when it speaks of the future and the date would
    fall before.
    """
    def at(year: int) -> date:
        return date(year, month, min(day or 15, 28 if month == 2 else 30))

    this = at(dct.year)
    if tense == "past":
        return dct.year - 1 if (this - dct).days > PAST_GRACE_DAYS else dct.year
    if tense == "future":
        return dct.year + 1 if (dct - this).days > PAST_GRACE_DAYS else dct.year
    return min((dct.year - 1, dct.year, dct.year + 1), key=lambda y: abs((at(y) - dct).days))
