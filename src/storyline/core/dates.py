"""Dates, for every stage: publication dates, TIMEX3 values as intervals, date arithmetic, birth
windows and the short forms the dossier prints.

Nothing else in storyline parses a date string: ingest reads publication dates with
:func:`parse_published`; the reader, reconcile and present take the day of a date or of an ISO
string with :func:`parse_day`; every TIMEX3 value is placed with :func:`interval` (and
:func:`granularity`); the store turns dates into ISO text and back with :func:`iso` and
:func:`parse_iso`.

A publication date is a ``date``; when the input gave a time it is a ``datetime`` (a ``date``
subclass), so the stored and exported text (``isoformat()``) stays what the input said. Compare or
sort publication dates by :func:`iso`, never directly: a ``date`` and a ``datetime`` do not compare.

A TIMEX3 value names a span of days, not a point: ``2023-08`` is every day of August 2023, ``2012``
the whole year. Two statements of one event's date can both be true exactly when their intervals
overlap, so every date comparison in the reconcile stage goes through :class:`Interval`.

Arithmetic never raises at the ends of the calendar (years 1 and 9999): it clamps to
``date.min``/``date.max`` or returns None, as each function says.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import lru_cache

__all__ = [
    "DateProblem",
    "clock_duration",
    "parse_published",
    "parse_iso",
    "parse_day",
    "iso",
    "Interval",
    "interval",
    "granularity",
    "bound",
    "add_days",
    "add_months",
    "shift_years",
    "birth_interval",
    "birth_window",
    "years_before",
    "Moment",
    "moment",
    "NEWS_DAYS",
    "news_window",
    "CLOCK_SLACK_MINUTES",
    "MONTH_ABBR",
    "month_label",
    "format_day",
    "format_date",
    "format_span",
    "TIMEX_CONVENTIONS",
    "DEFAULT_TIMEX_CONVENTION",
]

# -- TIMEX3 annotation conventions ----------------------------------------------------------------

#: How time expressions are delimited and typed where annotated corpora differ (the option
#: ``timex_convention``; the differences are listed in :mod:`storyline.read.timex`): "meantime"
#: follows MEANTIME (NewsReader), whose whole-phrase dates ("two weeks earlier" = the date two
#: weeks before the anchor) put more on a timeline; "timeml" follows TimeBank/TempEval-3.
TIMEX_CONVENTIONS = ("meantime", "timeml")
DEFAULT_TIMEX_CONVENTION = "meantime"


# -- publication dates ------------------------------------------------------------------------


class DateProblem(ValueError):
    """A publication date that does not parse (the article is still read, undated)."""


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d.%m.%Y", "%B %d %Y")


def parse_published(value: object) -> date | None:
    """A publication date from a string or date: a ``date``, or a ``datetime`` when a time is given;
    None for empty values.

    Accepts ISO 8601 dates and datetimes (``Z`` for UTC), "January 17, 2024", "17 Jan 2024",
    "2024/01/17", "17.01.2024" and RFC 2822 as in feeds ("Wed, 17 Jan 2024 08:00:00 GMT").
    Raises :class:`DateProblem` for a non-empty value that is not a recognisable date, so the
    caller can warn with the input's name instead of silently dropping it.
    """
    if value is None:
        return None
    if isinstance(value, date):  # a datetime too
        return value
    text = str(value).strip()
    if not text:
        return None
    iso_text = text.replace("Z", "+00:00")
    try:
        if _ISO_DAY.fullmatch(iso_text):
            return date.fromisoformat(iso_text)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ].+", iso_text):
            return datetime.fromisoformat(iso_text)
    except ValueError as exc:
        raise DateProblem(f"'{text}' is not a valid date ({exc})") from None
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    try:  # RFC 2822, as in RSS feeds: "Wed, 17 Jan 2024 08:00:00 GMT"
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        pass
    raise DateProblem(f"'{text}' is not a date storyline understands (use ISO 8601, e.g. 2024-01-17)")


def parse_iso(text: str | None) -> date | None:
    """The date (or datetime) an ISO string written by :func:`iso` stands for; None when empty or
    not a date (the store's way back from its text column)."""
    try:
        return parse_published(text)
    except DateProblem:
        return None


def parse_day(value: date | str | None) -> date | None:
    """The calendar day of a date, a datetime or an ISO date/datetime string ("YYYY-MM-DD" and
    whatever follows); None when absent or not a date."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not value or not _ISO_DAY.match(value):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def iso(value: date | None) -> str | None:
    """``value.isoformat()`` (a datetime keeps its time), None for None: the stored and exported
    form of a publication date, and the key to sort publication dates by."""
    return None if value is None else value.isoformat()


# -- TIMEX3 values as intervals ---------------------------------------------------------------

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


def interval(value: str | None, mod: str | None = None) -> Interval | None:
    """The days a TIMEX3 DATE value covers, or None when it cannot be placed.

    ``2012`` → the year, ``2023-08`` → the month, ``2023-08-04`` (or ``2023-08-04T20:00``) → the
    day, ``2023-W05`` → the ISO week, ``2023-Q3`` → the quarter, ``2023-H1`` → the half year,
    ``2023-SU`` → June to August (``WI`` runs into the next year), ``201`` / ``201X`` → the decade,
    ``20`` / ``20XX`` → the century. Values with placeholders or references (``XXXX-12-25``,
    ``PRESENT_REF``), durations and days that do not exist give None, as do spans past the year
    9999. Open-ended mods (BEFORE, AFTER, ...) give None, since such a value cannot contradict
    anything safely; START/MID/END keep the whole span (a superset).
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
    except (ValueError, OverflowError):  # 2023-02-30, week 54, year 0 or 10000: not a real day
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


def bound(value: str | None, *, end: bool = False) -> date | None:
    """The first day (the last with ``end``) of an ISO date or datetime or of a TIMEX3 value:
    '2023-08' as an end is 31 August. None when it cannot be placed."""
    day = parse_day(value)
    if day is not None:
        return day
    span = interval(value)
    return None if span is None else span.end if end else span.start


# -- arithmetic -------------------------------------------------------------------------------


def add_days(d: date, days: int) -> date:
    """``d`` moved by ``days``, clamped to ``date.min``/``date.max``."""
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, its day clamped to the month's length (31 January + 1 month =
    28/29 February); clamped to ``date.min``/``date.max`` past the ends of the calendar."""
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    if year < 1:
        return date.min
    if year > 9999:
        return date.max
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def shift_years(d: date, years: int) -> date | None:
    """``d`` moved by whole years; 29 February becomes 28 February in common years. None when
    the year falls outside 1..9999."""
    y = d.year + years
    if not 1 <= y <= 9999:
        return None
    return d.replace(year=y, day=min(d.day, calendar.monthrange(y, d.month)[1]))


def birth_interval(age: int, as_of: date) -> Interval | None:
    """Birth dates consistent with being ``age`` years old on ``as_of``; None when they would fall
    before the year 1.

    Someone is ``age`` on ``as_of`` when born in (as_of − (age+1) years, as_of − age years]:
    the left end is open (born that day, they would already be age+1). Reconcile's age facts and
    the dossier's birth windows both come from here.
    """
    latest = shift_years(as_of, -age)
    earliest = shift_years(as_of, -(age + 1))
    if latest is None or earliest is None:
        return None
    return Interval(add_days(earliest, 1), latest)


def birth_window(age: int, at: Interval) -> Interval | None:
    """Birth dates consistent with being ``age`` at some day of ``at`` (an age dated to an event:
    "17 when he died in 2009" is 17 on some day of 2009); None before the year 1."""
    first, last = birth_interval(age, at.start), birth_interval(age, at.end)
    if first is None or last is None:
        return None
    return Interval(first.start, last.end)


def years_before(span: Interval, years: int, *, completed: bool = False) -> Interval | None:
    """The interval ``years`` before ``span``; None when it would fall outside the calendar.

    With ``completed`` the years are a lower bound on elapsed time ("after 11 years of marriage":
    at least 11 and fewer than 12 full years), so the result widens by one year to the left, like
    an age; without it the shift is exact ("10th anniversary on 2022-08-04" → 2012-08-04).
    """
    start = shift_years(span.start, -(years + 1) if completed else -years)
    end = shift_years(span.end, -years)
    if start is None or end is None:
        return None
    return Interval(add_days(start, 1) if completed else start, end)


# -- when, to the minute: clock times, weekdays and dates without a year -----------------------

#: A clock time as reported ("at 1:30 a.m.", "around 4 p.m.") stands for this many minutes either
#: side: reporters round to the quarter or half hour, so two clock times conflict only when they
#: are at least twice this apart (1:00 and 1:30 do; 6:00 and "just after 6" do not).
CLOCK_SLACK_MINUTES = 15
#: A night ("Thursday night", TIMEX3 ``TNI``) runs into the small hours of the next day, until this
#: hour: "late Thursday night" and "early Friday, around 1:30 a.m." can be the same moment.
NIGHT_ENDS_HOUR = 6
#: News is about the days just before it is published: what an article states with no date of its
#: own is taken to hold within this many days up to its publication (:func:`news_window`).
NEWS_DAYS = 7
_MOMENT_RE = re.compile(
    r"^(?P<y>\d{4}|XXXX)(?:-(?:W(?P<w>\d{2}|XX)(?:-(?P<wd>[1-7]))?|(?P<m>\d{2}|XX)(?:-(?P<d>\d{2}|XX))?))?"
    r"(?:T(?:(?P<hh>\d{2}):(?P<mm>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<zone>Z|[+-]\d{2}:?\d{2})?|(?P<part>MO|MI|AF|EV|NI|DT)))?$"
)
_DAY_MINUTES = 24 * 60


@dataclass(frozen=True)
class Moment:
    """When a once-only event happened, as precisely as one TIMEX3 value says: its days (when the
    value places them), else what it does say without a year or week (a month and day, a weekday),
    and a clock time.

    Two statements of the time of one event conflict only when they are provably disjoint
    (:meth:`clashes`): on the days both place, else on the month/day or weekday both give, then
    on the clock. A part of the day ("Friday night") is loose about the clock but a night runs
    into the next morning (:data:`NIGHT_ENDS_HOUR`); a clock time is ± :data:`CLOCK_SLACK_MINUTES`.
    """

    days: Interval | None  # the days, when the value places them on the calendar
    month: int | None  # month of the year, when given (with or without a year)
    day: int | None  # day of the month, when given
    weekday: int | None  # 0 = Monday, when given or implied by a single placed day
    clock: int | None  # minutes after midnight of an explicit clock time
    zone: str | None  # "Z" or an offset, when the clock time names one
    night: bool  # a night: runs into the next morning

    def _clock_clash(self, other: "Moment") -> bool:
        if self.clock is None or other.clock is None or self.zone != other.zone:
            return False  # a clock time in GMT and one in local time are not comparable here
        gap = abs(self.clock - other.clock)
        return min(gap, _DAY_MINUTES - gap) >= 2 * CLOCK_SLACK_MINUTES

    def _night_before(self, other: "Moment") -> bool:
        """``other``, on the next day, may fall in this day's night: this is a night and ``other``
        names no hour or a small hour; or this names no hour at all (taggers drop "late ... night")
        and ``other`` is a small hour."""
        small = other.clock is not None and other.clock < NIGHT_ENDS_HOUR * 60 + CLOCK_SLACK_MINUTES
        if self.clock is not None and other.clock is not None:  # 23:50 and, the next day, 00:10
            return self.clock > other.clock and not self._clock_clash(other)
        if self.night:
            return other.clock is None or small
        return self.clock is None and small

    def clashes(self, other: "Moment") -> bool:
        """True when no single moment fits both (each read as loosely as its wording allows)."""
        a, b = self, other
        if a.days is not None and b.days is not None:
            if a.days.overlaps(b.days):
                return a.days.days == 1 and a.days == b.days and a._clock_clash(b)
            first, second = (a, b) if a.days.end < b.days.start else (b, a)
            return not (add_days(first.days.end, 1) == second.days.start and first._night_before(second))
        placed, loose = (a, b) if a.days is not None else (b, a)
        if placed.days is not None and loose.days is None and placed.month is None and loose.month is not None:
            # Days with no month named (a news window) against a month with no year ("in February"):
            # apart when none of those days falls in that month.
            months = _months_of(placed.days)
            if months is not None and loose.month not in months:
                return True
        if a.month is not None and b.month is not None:
            if a.month != b.month:
                return not (a.night or b.night)  # a night on a month's last day reaches the next month
            if a.day is not None and b.day is not None and a.day != b.day:
                first, second = (a, b) if a.day < b.day else (b, a)
                return not (second.day - first.day == 1 and first._night_before(second))
        elif a.weekday is not None and b.weekday is not None and a.weekday != b.weekday:
            first, second = (a, b) if (b.weekday - a.weekday) % 7 == 1 else (b, a)
            return not ((second.weekday - first.weekday) % 7 == 1 and first._night_before(second))
        return a._clock_clash(b)

    def describe(self) -> str:
        """'2008-12-09', 'a Tuesday', 'December', '01:30', 'a Tuesday at 01:30', ..."""
        parts = []
        if self.days is not None:
            parts.append(self.days.describe())
        elif self.month is not None:
            parts.append(f"{self.day} {calendar.month_name[self.month]}" if self.day else calendar.month_name[self.month])
        elif self.weekday is not None:
            parts.append(f"a {calendar.day_name[self.weekday]}")
        if self.night:
            parts.append("(night)")
        if self.clock is not None:
            parts.append(f"at {self.clock // 60:02d}:{self.clock % 60:02d}" + (f" {self.zone}" if self.zone else ""))
        return " ".join(parts)


def _months_of(days: Interval) -> frozenset[int] | None:
    """The months of the year ``days`` touches, or None when they run for a year or more."""
    if (days.end - days.start).days >= 365:
        return None
    months, d = set(), days.start
    while d <= days.end:
        months.add(d.month)
        d = add_months(date(d.year, d.month, 1), 1)
    return frozenset(months)


@lru_cache(maxsize=16384)
def moment(value: str | None, mod: str | None = None) -> Moment | None:
    """The :class:`Moment` a TIMEX3 DATE/TIME value names, or None when it names nothing usable
    (PAST_REF, durations, open-ended mods, an unresolved 'XXXX-XX-XX' with no clock time).

    ``2008-12-09`` and ``2008-12-09T01:30`` place a day; ``XXXX-12`` (December, year unknown),
    ``XXXX-WXX-2`` (a Tuesday), ``XXXX-XX-XXT01:30`` (1:30, day unknown) and ``XXXX-WXX-4TNI``
    (Thursday night) say less but can still clash with another value.
    """
    if not value or (mod and mod.upper() in _OPEN_MODS):
        return None
    m = _MOMENT_RE.match(value.strip())
    if m is None:
        days = interval(value, mod)  # decades, seasons, quarters, ...
        return Moment(days, None, None, None, None, None, False) if days else None
    days = interval(value, mod) if m["y"] != "XXXX" else None
    month = int(m["m"]) if m["m"] and m["m"] != "XX" else None
    day = int(m["d"]) if m["d"] and m["d"] != "XX" and month else None
    weekday = int(m["wd"]) - 1 if m["wd"] else None
    if days is not None and days.days == 1:
        weekday = days.start.weekday()
    clock = int(m["hh"]) * 60 + int(m["mm"]) if m["hh"] and int(m["hh"]) < 24 and int(m["mm"]) < 60 else None
    if days is None and month is None and weekday is None and clock is None:
        return None
    return Moment(days, month, day, weekday, clock, m["zone"], m["part"] == "NI")


# -- formatting (the dossier and its timeline) ------------------------------------------------

MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(d: date, *, with_year: bool = True) -> str:
    """'Aug 2023' (locale-independent, so the output does not depend on the machine)."""
    return f"{MONTH_ABBR[d.month - 1]} {d.year}" if with_year else MONTH_ABBR[d.month - 1]


def format_day(d: date) -> str:
    """'17 Jan 2024'."""
    return f"{d.day} {MONTH_ABBR[d.month - 1]} {d.year}"


def format_date(value: date | str | None) -> str:
    """'17 Jan 2024' for a date, datetime or ISO string; the raw string when it does not parse;
    '' when absent."""
    d = parse_day(value)
    return format_day(d) if d else str(value or "")


def format_span(start: date | None, end: date | None, raw: str) -> str:
    """A date range as a reader says it: '10 Aug 2023', 'Aug 2023', '2014', or 'a – b';
    ``raw`` (the TIMEX3 value) when there is no start."""
    if start is None:
        return raw
    if end is None or end == start:
        return format_day(start)
    if start.day == 1 and (start.year, start.month) == (end.year, end.month) and end == _month_end(end.year, end.month):
        return month_label(start)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return str(start.year)
    return f"{format_day(start)} – {format_day(end)}"


def news_window(published: date) -> Moment:
    """The days an undated statement of an article published on ``published`` is taken to be about:
    the :data:`NEWS_DAYS` up to that day (news reports what just happened; a paragraph on an earlier
    event dates it, "in February, a quake killed 612")."""
    return Moment(Interval(add_days(published, -NEWS_DAYS), published), None, None, None, None, None, False)


_CLOCK_DURATION = re.compile(r"^PT(?P<n>\d+(?:\.\d+)?)(?P<u>[HMS])$")
_CLOCK_UNITS = {"H": "hour", "M": "minute", "S": "second"}
# TIMEX3 mods of a duration as the quantity modifiers of storyline.core.records.Quantity. Not
# LESS_THAN: taggers give it to "less than a minute" (at most) and to "nearly" / "almost" / "just
# under a minute" (just below it) alike, and the mod cannot tell which.
_DURATION_MODS = {None: None, "APPROX": "about", "MORE_THAN": "more_than", "EQUAL_OR_MORE": "at_least",
                  "EQUAL_OR_LESS": "at_most"}


def clock_duration(value: str | None, mod: str | None = None) -> tuple[float, str, str | None] | None:
    """(number, unit, quantity modifier) of a TIMEX3 duration told in hours, minutes or seconds:
    'PT1M' with mod APPROX ("about a minute") -> (1.0, 'minute', 'about'). None for any other value
    ('P2Y', 'PTXM'), a mod that is no bound ('START', 'MID') or LESS_THAN, which "nearly a minute"
    (just below one) and "less than a minute" (at most one) both get."""
    m = _CLOCK_DURATION.match(value or "")
    if m is None or mod not in _DURATION_MODS:
        return None
    return float(m["n"]), _CLOCK_UNITS[m["u"]], _DURATION_MODS[mod]
