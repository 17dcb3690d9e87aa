"""TimelineJS3 JSON (the format newsroom timelines load) from a reconciled story.

One event per timeline entry. A date is given only as precisely as it is known: a year-only
fact has ``start_date: {"year"}`` and an ``end_date`` at the year's end, so TimelineJS draws the
uncertainty as a span rather than a false point; day-precise facts have no ``end_date``. Events are
grouped by status (corroborated, single_source, contested, contradicted); the text lists the
supporting claims with their outlets and any conflict reasons. All text is HTML-escaped.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from html import escape
from typing import Sequence

from storyline.core.dates import granularity, interval, parse_day
from storyline.core.records import ArticleReading, Story

__all__ = ["to_timelinejs"]

_MAX_CLAIMS = 6


def _date(d: date, precision: str) -> dict:
    out = {"year": d.year}
    if precision in ("month", "day"):
        out["month"] = d.month
    if precision == "day":
        out["day"] = d.day
    return out


def _precision(when: str) -> str:
    g = granularity(when)
    if g == "day":
        return "day"
    if g in ("month", "week"):
        return "month"
    return "year"


def to_timelinejs(story: Story, readings: Sequence[ArticleReading]) -> dict:
    """A TimelineJS3 document: ``{"title": slide, "events": [slide, ...]}``."""
    claims = {c.id: c for r in readings for c in r.claims}
    outlet_of = {r.article.id: (r.article.outlet or r.article.id) for r in readings}
    facts = {f.id: f for f in story.facts}
    reasons: dict[str, list[str]] = {}
    for c in story.conflicts:
        reasons.setdefault(c.fact, []).append(c.reason)
    events = []
    for entry in story.timeline:
        fact = facts.get(entry.fact)
        start, end = parse_day(entry.start), parse_day(entry.end)
        if fact is None or start is None:
            continue
        precision = _precision(entry.when)
        span = interval(entry.when)
        lines = [f"<p><b>{escape(fact.status.replace('_', ' '))}</b>: {fact.independent_sources} independent "
                 f"source(s); best evidence: {escape(fact.grade.replace('_', ' '))}.</p>"]
        items = []
        for cid in fact.claims[:_MAX_CLAIMS]:
            c = claims.get(cid)
            if c is not None:
                items.append(f"<li>\u201c{escape(c.text)}\u201d ({escape(outlet_of.get(c.article, c.article))})</li>")
        if items:
            lines.append("<ul>" + "".join(items) + "</ul>")
        for reason in reasons.get(fact.id, []):
            lines.append(f"<p class=\"conflict\">{escape(reason)}</p>")
        event = {
            "unique_id": fact.id,
            "start_date": _date(start, precision),
            "display_date": span.describe() if span else entry.when,
            "text": {"headline": escape(entry.label), "text": "".join(lines)},
            "group": entry.status,
        }
        if precision != "day" and end:
            event["end_date"] = _date(end, "day")
        events.append(event)
    outlets = Counter(r.article.outlet for r in readings if r.article.outlet)
    summary = (f"{len(readings)} article(s) from {len(outlets)} outlet(s); {len(story.facts)} fact(s), "
               f"{len(story.conflicts)} conflict(s).")
    return {
        "title": {"text": {"headline": "Storyline timeline", "text": f"<p>{escape(summary)}</p>"}},
        "events": events,
    }
