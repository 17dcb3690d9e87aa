"""Rules for reporting periods, as business news writes them: "the 1988 second quarter", "the
year-earlier period", "the latest quarter", "the fiscal year".

A company report is about one period (usually a quarter) and compares it with the same period a
year before; TimeML annotates those comparisons with the period's value ("a year ago" in a
third-quarter report is the third quarter of the year before). ``Context.quarter`` is the last
quarter the text stated; these rules read it. MEANTIME does not annotate bare period nouns, so
``year_ago`` and ``the_period`` only tag under the TimeML convention.
"""

from __future__ import annotations

import re
from datetime import timedelta

from storyline.read.timex.calendar import Point, parse_value, shift
from storyline.read.timex.context import Context, Found, date_value, day_num, month_num
from storyline.read.timex.lexicon import MONTHS, ORDINALS
from storyline.read.timex.play import period_of_play

__all__ = ["HANDLERS", "quarter_before", "reporting_quarter"]

_ENDED = re.compile(r"\s+(?:ended|ending|through|to)\b", re.I)
_ENDED_DATE = re.compile(
    r"[^\S\n]+(?:ended|ending)[^\S\n]+(?P<mon>"
    + "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True))
    + r")[^\S\n]+(?P<d>[0-3]?\d)(?!\d)",
    re.I,
)
_RECENT_MONTHS = 15  # a quarter stated further back than this is no longer the report's subject


def reporting_quarter(ctx: Context) -> Point | None:
    """The quarter the text is reporting on: the last one it stated that was over by publication
    (the tagger keeps only those: results are reported for a quarter that has ended, and a "fourth
    quarter" told in the past in November is a fiscal one) and recent."""
    q = ctx.quarter
    if q is None or ctx.dct is None:
        return q
    months = (ctx.dct.year - q.day.year) * 12 + ctx.dct.month - q.day.month
    return q if months <= _RECENT_MONTHS else None


def _last_completed_quarter(ctx: Context) -> Point | None:
    return Point(shift(ctx.dct, "M", -3), "Q") if ctx.dct else None


def quarter_before(ctx: Context, q: Point | None = None, years: int = 1) -> str:
    """The value of quarter ``q`` (default: the one reported on, else the last completed) ``years``
    before: a quarterly report compares with the same quarter of an earlier year."""
    q = q or reporting_quarter(ctx) or _last_completed_quarter(ctx)
    return Point(shift(q.day, "Y", -years), "Q").value()


def _weekend(ctx: Context, s: int, e: int) -> str:
    """The weekend a news report means by "the weekend": the coming one when it speaks of the
    future, else the last one begun by publication."""
    dct = ctx.dct
    if ctx.tense.tense(s, e) == "future":
        saturday = dct + timedelta(days=(5 - dct.weekday()) % 7)
    else:
        saturday = dct - timedelta(days=(dct.weekday() - 5) % 7)
    year, week, _ = saturday.isocalendar()
    return f"{year:04d}-W{week:02d}-WE"


def rule_year_period(m, ctx, s, e):
    year = m["y"]
    if not ctx.timeml:
        return Found(m.start("y"), m.end("y"), "DATE", year)  # MEANTIME tags the year alone
    unit = m["unit"].lower()
    if m["ord"]:
        n = ORDINALS[m["ord"].lower()]
        if unit == "half":
            return Found(s, e, "DATE", f"{year}-H{n}") if n <= 2 else None
        return Found(s, e, "DATE", f"{year}-Q{n}") if unit == "quarter" else None
    q = reporting_quarter(ctx)
    if unit in ("quarter", "period") and q is not None:
        return Found(s, e, "DATE", f"{year}-Q{(q.day.month - 1) // 3 + 1}")
    return Found(s, e, "DATE", year)


def rule_year_ago(m, ctx, s, e):
    if not ctx.timeml:
        return None
    start = s if m["noun"] else m.start("core")  # "the year-earlier $4.5 million": the adjective alone
    q = reporting_quarter(ctx)
    noun = (m["noun"] or "").lower()
    if q is not None and noun in ("", "period", "quarter"):  # "year-earlier results" in a quarterly report
        return Found(start, e, "DATE", quarter_before(ctx, q), anchor="REF")
    if ctx.dct is None:
        return Found(start, e, "DATE", "XXXX")
    return Found(start, e, "DATE", f"{ctx.dct.year - 1}", anchor="DCT")


def rule_the_period(m, ctx, s, e):
    if not ctx.timeml or ctx.dct is None:
        return None
    unit = m["unit"].lower()
    latest = bool(m["which"])
    if unit == "weekend":
        return Found(s, e, "DATE", _weekend(ctx, s, e), anchor="DCT")
    if unit in ("quarter", "period") and not m["fy"] and period_of_play(ctx, s, e):
        return None  # "threw a touchdown late in the quarter": no calendar quarter
    ended = _ENDED_DATE.match(ctx.text, e)
    if unit == "quarter" and ended and reporting_quarter(ctx) is None:
        # "the quarter ended July 31": the three months up to that date, named by the calendar
        # quarter most of them fall in
        value, _ = date_value(ctx, month_num(ended["mon"]), day_num(ended["d"]), None, s, e)
        last = parse_value(value or "")
        if last is not None:
            return Found(s, e, "DATE", Point(last.day - timedelta(days=45), "Q").value(), anchor="DCT")
    if unit == "year" and _ENDED.match(ctx.text, e):
        return Found(s, e, "DURATION", "P1Y")  # "the year ended March 31": a fiscal year's length
    if unit == "year":
        return Found(s, e, "DATE", str(ctx.dct.year - 1 if latest else ctx.dct.year), anchor="DCT")
    q = reporting_quarter(ctx)
    if q is None and (latest or unit == "quarter"):
        q = _last_completed_quarter(ctx)
    if q is None:
        return None  # "the period" with no quarter in view names nothing
    return Found(s, e, "DATE", q.value("Q"), anchor="DCT")


HANDLERS = {name[len("rule_"):]: fn for name, fn in list(globals().items()) if name.startswith("rule_")}
