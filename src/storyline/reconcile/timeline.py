"""Facts placed in time: one entry per dated fact, as wide as its date is vague."""

from __future__ import annotations

from typing import Sequence

from storyline.core.dates import interval
from storyline.core.ids import make_id
from storyline.core.records import Fact, TimelineEntry

__all__ = ["build_timeline", "label"]

_LABEL_CHARS = 90


def label(statement: str) -> str:
    """A short label: the statement, cut at a word boundary."""
    text = " ".join(statement.split())
    if len(text) <= _LABEL_CHARS:
        return text
    cut = text[: _LABEL_CHARS - 1].rsplit(" ", 1)[0]
    return cut + "…"


def build_timeline(facts: Sequence[Fact]) -> list[TimelineEntry]:
    """Entries for facts whose ``when`` can be placed; ordered by start, end, then label.

    A month-only value spans the whole month (``start`` = the 1st, ``end`` = the last day), so a
    reader sees the uncertainty as the bar's width.
    """
    entries = []
    for f in facts:
        span = interval(f.when) if f.when else None
        if span is None:
            continue
        entries.append(TimelineEntry(
            id=make_id("l", f.id, f.when),
            when=f.when,
            start=span.start.isoformat(),
            end=span.end.isoformat(),
            fact=f.id,
            label=label(f.statement),
            status=f.status,
        ))
    entries.sort(key=lambda e: (e.start or "", e.end or "", e.label, e.id))
    return entries
