"""The dossier's SVG timeline: bar geometry, the broken axis, escaping (its date parsing and
formatting are storyline.core.dates', tested in tests/core/test_dates.py)."""

from __future__ import annotations

import re
from datetime import date
from xml.etree import ElementTree as ET

from storyline.core.dates import bound
from storyline.present.svg_timeline import TimelineRow, render_timeline_svg

NS = "{http://www.w3.org/2000/svg}"


def _row(label: str, start: str, end: str | None = None, status: str = "corroborated") -> TimelineRow:
    return TimelineRow(label, bound(start), bound(end or start, end=True), start, status, f"#fact-{label}")


def _shapes(svg: str) -> dict[str, ET.Element]:
    """Each row's bar or dot, keyed by its label (the tree parses, so the SVG is well-formed)."""
    root = ET.fromstring(svg)
    out = {}
    for a in root.iter(f"{NS}a"):
        g = a.find(f"{NS}g")
        label = g.find(f"{NS}text").text
        out[label] = g.find(f"{NS}rect") if g.find(f"{NS}rect") is not None else g.find(f"{NS}circle")
    return out


def test_month_is_a_bar_about_thirty_times_a_day_and_a_day_is_a_dot():
    svg = render_timeline_svg([_row("month", "2023-08"), _row("day", "2023-08-10"), _row("later", "2023-11-02")])
    shapes = _shapes(svg)
    assert shapes["day"].tag == f"{NS}circle"
    month = shapes["month"]
    assert month.tag == f"{NS}rect"
    # The day's dot sits inside the month's bar.
    x0, w = float(month.get("x")), float(month.get("width"))
    assert x0 < float(shapes["day"].get("cx")) < x0 + w
    # Ninety-odd days separate 1 Aug and 2 Nov: the bar for 31 days is about a third of that.
    gap = float(shapes["later"].get("cx")) - x0
    assert 0.28 < w / gap < 0.4


def test_rows_are_ordered_by_date_and_undated_rows_are_left_out():
    rows = [
        _row("b", "2023-09-01"),
        _row("a", "2023-06"),
        TimelineRow("nodate", None, None, "PAST_REF", "contested", "#x"),
    ]
    svg = render_timeline_svg(rows)
    labels = [t.text for t in ET.fromstring(svg).iter(f"{NS}text") if t.get("text-anchor") == "end"]
    assert labels == ["a", "b"]
    assert render_timeline_svg([rows[2]]) == ""
    assert render_timeline_svg([]) == ""


def test_axis_labels_months_and_years():
    svg = render_timeline_svg([_row("x", "2023-06"), _row("y", "2024-01-09")])
    ticks = [t.text for t in ET.fromstring(svg).iter(f"{NS}text") if t.get("text-anchor") == "middle"]
    assert "Jan 2024" in ticks
    assert any(re.fullmatch(r"[A-Z][a-z]{2}( 2023)?", t) for t in ticks)


def test_long_gap_breaks_the_axis_so_recent_events_keep_their_width():
    rows = [_row("wedding", "2012"), _row("split", "2023-08"), _row("seen", "2023-08-10"), _row("rumor", "2023-06")]
    svg = render_timeline_svg(rows)
    shapes = _shapes(svg)
    # Without a break the 2023 months would fit in ~1/12 of the plot; with it they get far more room.
    span_2023 = float(shapes["split"].get("x")) + float(shapes["split"].get("width")) - float(shapes["rumor"].get("x"))
    assert span_2023 > 120
    assert float(shapes["wedding"].get("x")) + float(shapes["wedding"].get("width")) < float(shapes["rumor"].get("x"))
    ticks = [t.text for t in ET.fromstring(svg).iter(f"{NS}text") if t.get("text-anchor") == "middle"]
    assert any("2012" in t for t in ticks) and any("2023" in t for t in ticks)
    assert not any(t in ("2017", "2018", "2019") for t in ticks)


def test_colours_follow_status_and_text_is_escaped():
    hostile = '<script>alert(1)</script>"'
    svg = render_timeline_svg([
        TimelineRow(hostile, date(2023, 1, 1), date(2023, 1, 31), hostile, "contradicted", '#a"onmouseover="x'),
        _row("ok", "2023-02", status="single_source"),
    ])  # fmt: skip
    assert "<script" not in svg and "&lt;script&gt;" in svg
    root = ET.fromstring(svg)
    assert not [e for e in root.iter() if any(k.startswith("on") for k in e.attrib)]
    fills = {s.get("fill") for s in _shapes(svg).values()}
    assert fills == {"#b42318", "#55657a"}
