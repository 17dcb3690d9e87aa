"""The vocabulary tables: they agree with the records' Literal types, every row is complete, and
every kind and status is styled, labelled and judged wherever a stage needs it."""

from __future__ import annotations

import re
from dataclasses import fields
from importlib import resources
from typing import get_args

import pytest

from storyline.core import records as R
from storyline.core.vocab import CONFLICT_KIND, GRADE, SOURCE_KIND, STATUS, source_kind
from storyline.present.report import render_report, vocab_css
from storyline.reconcile.conflicts import Found
from storyline.reconcile.facts import Draft, finish

TABLES = {"SOURCE_KIND": SOURCE_KIND, "STATUS": STATUS, "CONFLICT_KIND": CONFLICT_KIND, "GRADE": GRADE}
ROWS = [(name, row) for name, table in TABLES.items() for row in table.values()]


@pytest.mark.parametrize(
    "table, literal",
    [(SOURCE_KIND, R.SourceKind), (STATUS, R.FactStatus), (CONFLICT_KIND, R.ConflictKind), (GRADE, R.EvidenceGrade)],
    ids=["source kinds", "fact statuses", "conflict kinds", "grades"],
)
def test_tables_and_literals_name_the_same_things(table, literal):
    names = get_args(literal)
    assert len(set(names)) == len(names)
    assert set(table) == set(names), f"only in the table: {set(table) - set(names)}; only in the Literal: {set(names) - set(table)}"


def test_source_kinds_keep_the_records_order():
    assert tuple(SOURCE_KIND) == R.SOURCE_KINDS  # the dossier lists kinds in this order
    assert set(STATUS) == set(R.FACT_STATUSES)


@pytest.mark.parametrize("table, row", ROWS, ids=[f"{t}:{r.name}" for t, r in ROWS])
def test_every_column_is_filled(table, row):
    for f in fields(row):
        value = getattr(row, f.name)
        assert value is not None, f"{table}[{row.name!r}].{f.name} is None"
        if isinstance(value, str) and f.name != "stand_in":
            assert value.strip(), f"{table}[{row.name!r}].{f.name} is empty"
    if hasattr(row, "colour"):
        assert re.fullmatch(r"#[0-9a-f]{6}", row.colour), f"{table}[{row.name!r}].colour is not #rrggbb"


def test_source_kind_columns_point_at_real_things():
    for k in SOURCE_KIND.values():
        assert k.grade in GRADE, k
        assert k.origin in ("person", "document", "rumor", "outlet"), k
        assert bool(k.stand_in) == k.own_voice, f"{k.name}: a stand-in is shown exactly for the outlet's own word"
        assert k.css == f"k-{k.name}"  # the template writes class="kind k-{{ kind }}"
    assert source_kind("no such kind") is SOURCE_KIND["unattributed"]


def test_status_and_conflict_columns_point_at_real_things():
    for s in STATUS.values():
        assert s.css == f"s-{s.name}"  # the template writes s-{{ status }}
        assert s.key or not s.disputed
    for c in CONFLICT_KIND.values():
        assert c.status in STATUS and STATUS[c.status].disputed, c
    # facts.finish takes the first status in table order that a conflict gives: the disputed lead.
    order = list(STATUS)
    assert all(order.index(c.status) < order.index(s) for c in CONFLICT_KIND.values() for s in STATUS if not STATUS[s].disputed)


def test_record_docs_name_every_value():
    docs = {(cls.__name__, f.name): f.metadata["doc"] for cls in (R.Fact, R.Conflict) for f in fields(cls)}
    for name in STATUS:
        assert name in docs[("Fact", "status")]
    for name in GRADE:
        assert name in docs[("Fact", "grade")]
    for name in CONFLICT_KIND:
        assert name in docs[("Conflict", "kind")]


def test_every_kind_and_status_has_its_css_rule():
    css = vocab_css()
    for row in [*SOURCE_KIND.values(), *STATUS.values()]:
        assert f"--{row.css}: {row.colour};" in css
        assert re.search(rf"^\.{row.css} \{{ --[ks]: var\(--{row.css}\); \}}$", css, re.M), row.name
    sheet = resources.files("storyline.present").joinpath("templates", "report.css").read_text(encoding="utf-8")
    # report.css keeps no per-kind rules of its own (they would drift) and uses only defined colours.
    assert not re.search(r"\.[ks]-\w+\s*\{", sheet)
    for var in re.findall(r"var\(--([ks]-\w+)", sheet):
        assert f"--{var}:" in css, f"report.css uses --{var}, which no vocabulary row defines"


def test_the_dossier_shows_every_kind_and_status_with_its_label_and_colour():
    html = render_report([], R.Story(), footer="test")
    style = html[html.index("<style>") : html.index("</style>")]
    assert vocab_css() in style
    for k in SOURCE_KIND.values():
        assert f'<span class="kind {k.css}">{k.label}</span>' in html
    for s in STATUS.values():
        assert f'<span class="swatch {s.css}"></span>{s.label}' in html


@pytest.mark.parametrize("kind", list(CONFLICT_KIND))
def test_a_conflict_gives_its_fact_the_status_the_table_says(kind):
    draft = Draft(statement="s", pclass="marriage", claims=["c1", "c2"], articles=["a"], outlets=["o"],
                  independent=2, grade="on_record", when=None, conflicts=[Found(kind, ("c1", "c2"), "why")])
    facts, conflicts, _ = finish([draft])
    assert facts[0].status == CONFLICT_KIND[kind].status
    assert conflicts[0].kind == kind


def test_a_conflict_kind_outside_the_table_fails_at_reconcile():
    draft = Draft(statement="s", pclass="marriage", claims=["c1", "c2"], articles=["a"], outlets=["o"],
                  independent=2, grade="on_record", when=None, conflicts=[Found("colour", ("c1", "c2"), "why")])
    with pytest.raises(KeyError, match="colour"):
        finish([draft])
