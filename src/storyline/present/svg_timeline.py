"""Server-side SVG timeline for the dossier: one row per timeline entry, a bar over its date range.

The chart is plain SVG text so the dossier opens offline with no script. Every string that came
from the input is escaped here, because the result is inserted into the page as markup.
A month-only value ("2023-08") arrives as a start/end pair covering the month and is drawn as a
month-wide bar; an exact day is drawn as a dot, so the reader sees how precise each date is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from storyline.core.dates import add_days, add_months, month_label
from storyline.core.vocab import STATUS

__all__ = [
    "STATUS_COLOURS",
    "TimelineRow",
    "render_timeline_svg",
]

STATUS_COLOURS: dict[str, str] = {s.name: s.colour for s in STATUS.values()}
_FALLBACK_COLOUR = "#8a94a3"

# Geometry in SVG user units; the SVG scales to the page width through its viewBox.
_WIDTH = 1000
_LABEL_W = 340
_PLOT_X0 = _LABEL_W + 16
_PLOT_X1 = _WIDTH - 24
_AXIS_H = 34
_ROW_H = 26
_BAR_H = 12
_LABEL_CHARS = 46  # ~7px a character at 12px: fits the label column
_BREAK = 18  # width of the gap drawn where the axis is broken


@dataclass(frozen=True)
class TimelineRow:
    """One entry to draw: its label, its date bounds (None when unknown) and where it links."""

    label: str
    start: date | None
    end: date | None
    when: str
    status: str
    href: str


def _ticks(lo: date, hi: date, max_ticks: int = 12) -> tuple[list[date], int]:
    """Month-aligned ticks covering [lo, hi], at most about ``max_ticks``, and the step in months."""
    span_months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60, 120) if span_months / s <= max_ticks), 240)
    first = date(lo.year, lo.month, 1)
    if step >= 12:
        first = date(max(lo.year - lo.year % (step // 12), 1), 1, 1)
    elif step > 1:
        first = date(lo.year, lo.month - (lo.month - 1) % step, 1)
    ticks = []
    t = first
    while t <= hi:
        if t >= lo:
            ticks.append(t)
        t = add_months(t, step)
        if t.day != 1:  # clamped: past the end of the calendar
            break
    return ticks, step


@dataclass(frozen=True)
class _Segment:
    """One continuous stretch of the axis: the dates it covers and where it sits on the page."""

    d0: date
    d1: date
    x0: float
    x1: float

    def x(self, d: date) -> float:
        return self.x0 + (d - self.d0).days / max((self.d1 - self.d0).days, 1) * (self.x1 - self.x0)


def _segments(spans: Sequence[tuple[date, date]]) -> list[_Segment]:
    """Split the axis where the dates leave a long empty gap (a wedding a decade before a split),
    so the recent, dense part of a story is not squeezed into a sliver."""
    spans = sorted(spans)
    total = max((max(e for _, e in spans) - spans[0][0]).days, 1)
    gap = timedelta(days=max(365, total // 5))
    clusters: list[list[date]] = []
    counts: list[int] = []
    for start, end in spans:
        if clusters and start - clusters[-1][1] <= gap:
            clusters[-1][1] = max(clusters[-1][1], end)
            counts[-1] += 1
        else:
            clusters.append([start, end])
            counts.append(1)
    bounds = []
    for lo, hi in clusters:
        span = (hi - lo).days
        if span < 60:  # a lone date still gets a readable stretch of axis around it
            lo, hi = add_days(lo, -((60 - span) // 2)), add_days(hi, (60 - span + 1) // 2)
        pad = max((hi - lo).days // 25, 7)
        bounds.append((add_days(lo, -pad), add_days(hi, pad)))
    # Widths grow slowly with duration and with the number of entries: a busy few months
    # matter more to a reader than one long-ago year, but a long stretch must still look long.
    weights = [max((d1 - d0).days, 1) ** 0.3 * n**0.5 for (d0, d1), n in zip(bounds, counts, strict=True)]
    usable = _PLOT_X1 - _PLOT_X0 - _BREAK * (len(bounds) - 1)
    out, x = [], float(_PLOT_X0)
    for (d0, d1), w in zip(bounds, weights, strict=True):
        width = usable * w / sum(weights)
        out.append(_Segment(d0, d1, x, x + width))
        x += width + _BREAK
    return out


def _truncate(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_timeline_svg(rows: Sequence[TimelineRow], *, title: str = "Timeline of the facts") -> str:
    """The chart as an SVG string (already escaped; safe to insert as markup).

    Rows without a start date are left out here (the report lists them separately); with no
    dated rows the result is an empty string.
    """
    dated = [r for r in rows if r.start is not None]
    if not dated:
        return ""
    dated.sort(key=lambda r: (r.start, r.end or r.start, r.label))
    segments = _segments([(r.start, r.end or r.start) for r in dated])  # type: ignore[misc]

    def x(d: date) -> float:
        seg = next((s for s in segments if d <= s.d1), segments[-1])
        return seg.x(d)

    height = _AXIS_H + len(dated) * _ROW_H + 10
    out = [
        f'<svg class="timeline-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_WIDTH} {height}" '
        f'aria-label="{escape(title)}" font-family="inherit">',
        f"<title>{escape(title)}</title>",
    ]
    for i in range(len(dated)):
        if i % 2 == 0:
            y = _AXIS_H + i * _ROW_H
            out.append(f'<rect x="0" y="{y}" width="{_WIDTH}" height="{_ROW_H}" fill="#f5f6f8"/>')
    plot_w = _PLOT_X1 - _PLOT_X0
    labels: list[tuple[int, float, str, str]] = []  # (priority, x, text, extra attributes)
    for seg in segments:
        ticks, step = _ticks(seg.d0, seg.d1, max(2, round(12 * (seg.x1 - seg.x0) / plot_w)))
        for n, t in enumerate(ticks):
            tx = seg.x(t)
            label = str(t.year) if step >= 12 else month_label(t, with_year=(n == 0 or t.month == 1))
            strong = t.month == 1
            out.append(
                f'<line x1="{tx:.1f}" y1="{_AXIS_H - 6}" x2="{tx:.1f}" y2="{height - 6}" '
                f'stroke="{"#b8bfc9" if strong else "#dde1e6"}" stroke-width="1"/>'
            )
            # A segment's first label says where that stretch starts: it wins any collision.
            labels.append(
                (
                    2 if n == 0 else int(any(ch.isdigit() for ch in label)),
                    tx,
                    label,
                    ' font-weight="600"' if strong else "",
                )
            )
        out.append(
            f'<line x1="{seg.x0:.1f}" y1="{_AXIS_H - 0.5}" x2="{seg.x1:.1f}" y2="{_AXIS_H - 0.5}" stroke="#8a94a3"/>'
        )
    kept: list[tuple[float, float]] = []
    for _, tx, label, weight in sorted(labels, key=lambda lab: (-lab[0], lab[1])):
        half = len(label) * 3.4 + 4  # about half the label's width at 11px, plus a margin
        if any(tx - half < right and tx + half > left for left, right in kept):
            continue
        kept.append((tx - half, tx + half))
        out.append(
            f'<text x="{tx:.1f}" y="{_AXIS_H - 12}" font-size="11" text-anchor="middle" '
            f'fill="#4a5564"{weight}>{escape(label)}</text>'
        )
    for left, right in zip(segments, segments[1:], strict=False):
        # The break: a white band through the rows and a double slash on the axis.
        gx = (left.x1 + right.x0) / 2
        out.append(
            f'<rect x="{left.x1 + 3:.1f}" y="{_AXIS_H - 10}" width="{_BREAK - 6}" height="{height - _AXIS_H + 4}" fill="#fff"/>'
        )
        for dx in (-3, 3):
            out.append(
                f'<line x1="{gx + dx - 3:.1f}" y1="{_AXIS_H + 5}" x2="{gx + dx + 3:.1f}" y2="{_AXIS_H - 6}" '
                'stroke="#8a94a3" stroke-width="1.5"/>'
            )
    for i, r in enumerate(dated):
        y = _AXIS_H + i * _ROW_H
        cy = y + _ROW_H / 2
        colour = STATUS_COLOURS.get(r.status, _FALLBACK_COLOUR)
        start, end = r.start, r.end or r.start
        assert start is not None  # filtered above; keeps type checkers quiet
        tip = f"{r.label} · {r.when} · {r.status.replace('_', ' ')}"
        out.append(f'<a href="{escape(r.href)}"><g class="tl-row">')
        out.append(f"<title>{escape(tip)}</title>")
        out.append(
            f'<text x="{_LABEL_W}" y="{cy + 4:.1f}" font-size="12" text-anchor="end" '
            f'fill="#1f2933">{escape(_truncate(r.label, _LABEL_CHARS))}</text>'
        )
        if end == start:
            out.append(f'<circle cx="{x(start):.1f}" cy="{cy:.1f}" r="5.5" fill="{colour}"/>')
        else:
            x0, x1 = x(start), x(add_days(end, 1))
            w = max(x1 - x0, 6.0)
            out.append(
                f'<rect x="{x0:.1f}" y="{cy - _BAR_H / 2:.1f}" width="{w:.1f}" height="{_BAR_H}" '
                f'rx="3" fill="{colour}" fill-opacity="0.85"/>'
            )
        out.append("</g></a>")
    out.append("</svg>")
    return "".join(out)
