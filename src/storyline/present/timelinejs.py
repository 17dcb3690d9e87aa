"""TimelineJS3 JSON (the format newsroom timelines load) from a reconciled story.

One event per timeline entry. A date is given only as precisely as it is known: a year-only
fact has ``start_date: {"year"}`` and an ``end_date`` at the year's end, so TimelineJS draws the
uncertainty as a span rather than a false point; day-precise facts have no ``end_date``. Events are
grouped by status under the names the dossier uses (``storyline.core.vocab.STATUS`` labels:
"Corroborated", "Single source", ...). The headline is the fact's statement claim
(``Fact.statement_claim``) up to where the read stage recorded it ends as a headline
(``Claim.headline_end``, :mod:`storyline.read.display`: its quotes closed, "the drama “Wren”",
not "the drama “Wren"); this module reads no language, it cuts the text there. The text lists the
claims, each with its outlet linked to the article (when its URL is http or https) and the
publication date, and any conflict reasons. All text is HTML-escaped.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from html import escape
from typing import Sequence

from storyline.core.dates import granularity, interval, iso, parse_day
from storyline.core.links import conflicts_by_fact
from storyline.core.records import ArticleReading, Story
from storyline.core.vocab import STATUS
from storyline.present.export import claim_records
from storyline.present.report_views import safe_url, written_from

__all__ = ["to_timelinejs", "headline"]

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


def headline(text: str, c: dict) -> str:
    """The exported claim ``c`` as a headline: from its start to the end the read stage recorded
    (``Claim.headline_end``: a quotation it opens or leads into is taken in, closed); the claim as
    written when it was read before schema 8 or is an age or count statement."""
    return text[c["start"] : c.get("headline_end") or c["end"]]


def to_timelinejs(story: Story, readings: Sequence[ArticleReading]) -> dict:
    """A TimelineJS3 document: ``{"title": slide, "events": [slide, ...]}``."""
    claims = {c["id"]: c for c in claim_records(readings, story)}
    articles = {r.article.id: r.article for r in readings}
    facts = {f.id: f for f in story.facts}
    reasons = {f: [x.reason for x in xs] for f, xs in conflicts_by_fact(story.facts, story.conflicts).items()}
    events = []
    for entry in story.timeline:
        fact = facts.get(entry.fact)
        start, end = parse_day(entry.start), parse_day(entry.end)
        if fact is None or start is None:
            continue
        precision = _precision(entry.when)
        span = interval(entry.when)
        status = STATUS.get(fact.status)
        lines = [f"<p><b>{escape(status.label if status else fact.status)}</b>: {fact.independent_sources} independent "
                 f"source(s); best evidence: {escape(fact.grade.replace('_', ' '))}.</p>"]
        items = []
        title = fact.statement
        for cid in fact.claims:
            c = claims.get(cid)
            a = articles.get(c["article"]) if c else None
            if c is None or a is None:
                continue
            if cid == fact.statement_claim and written_from(fact.statement, c["text"]):
                title = headline(a.text, c)
            if len(items) < _MAX_CLAIMS:
                outlet = escape(a.outlet or a.id)
                url = safe_url(a.url)
                where = f'<a href="{escape(url)}" target="_blank" rel="noopener">{outlet}</a>' if url else outlet
                published = iso(a.published)
                items.append(f"<li>\u201c{escape(headline(a.text, c))}\u201d ({where}" + (f", {escape(published[:10])}" if published else "") + ")</li>")
        if items:
            lines.append("<ul>" + "".join(items) + "</ul>")
        for reason in reasons.get(fact.id, []):
            lines.append(f"<p class=\"conflict\">{escape(reason)}</p>")
        event = {
            "unique_id": fact.id,
            "start_date": _date(start, precision),
            "display_date": span.describe() if span else entry.when,
            "text": {"headline": escape(title), "text": "".join(lines)},
            "group": status.label if status else fact.status,
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
