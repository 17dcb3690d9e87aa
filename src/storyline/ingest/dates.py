"""Publication dates: parse what inputs give into ISO 8601, or say clearly why not."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

__all__ = ["parse_published", "published_date", "DateProblem"]


class DateProblem(ValueError):
    """A publication date that does not parse (the article is still read, undated)."""


_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%d.%m.%Y", "%B %d %Y")


def parse_published(value: object) -> str | None:
    """ISO date (or datetime when a time is given) from a string/date; None for empty values.

    Raises :class:`DateProblem` for a non-empty value that is not a recognisable date, so the
    caller can warn with the input's name instead of silently dropping it.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    iso = text.replace("Z", "+00:00")
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
            return date.fromisoformat(iso).isoformat()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ].+", iso):
            return datetime.fromisoformat(iso).isoformat()
    except ValueError as exc:
        raise DateProblem(f"'{text}' is not a valid date ({exc})") from None
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            pass
    try:  # RFC 2822, as in RSS feeds: "Wed, 17 Jan 2024 08:00:00 GMT"
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    raise DateProblem(f"'{text}' is not a date storyline understands (use ISO 8601, e.g. 2024-01-17)")


def published_date(published: str | None) -> date | None:
    """The calendar date of an ISO published value (what relative dates are anchored on)."""
    if not published:
        return None
    return date.fromisoformat(published[:10])
