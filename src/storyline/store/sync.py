"""Writing a story's account as the rows that changed since it was last stored.

:meth:`storyline.store.Store.replace_story` used to delete every row of a story and insert it
again (a 1,000-article story: some 40,000 rows, most of them the same as before when one
article was added). :func:`sync_story` compares the rows the new account makes with the rows
stored, by id, and writes only the difference: rows that are new are inserted, rows no longer
in the account deleted, rows whose columns changed updated in place (only ``seq`` when only
their position moved). What is stored afterwards is exactly what deleting and inserting every
row would have stored: a row is left alone only when every column, as read back, equals the
new row's.

A table holding none of the story's rows yet (a story saved for the first time) has nothing to
compare: its records are inserted straight (:func:`storyline.store.bulk.insert_records`, the
same rows without building a dict per row).

Order keeps the references between a story's tables whole at every statement (SQLite checks
them one statement at a time): inserts and updates parents first, deletes children first,
after every insert and update (a row kept never references a row deleted).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from storyline.store.bulk import insert_records, insert_rows, update_rows
from storyline.store.convert import to_row
from storyline.store.tables import SCOPED_TABLES, layout, tables

__all__ = ["sync_story"]


def sync_story(conn: sa.Connection, story: str, records: Mapping[str, Sequence[Any]]) -> dict[str, int]:
    """Make the story ``story``'s rows of each table in :data:`SCOPED_TABLES` the rows of the
    ``records`` given, each at its position as ``seq`` (the rows :func:`storyline.store.convert.to_row`
    makes; a table not given keeps no row). Returns how many rows were written (inserted,
    updated or deleted), by table."""
    plans = {name: _plan(conn, name, story, records.get(name, ())) for name in SCOPED_TABLES}
    for name in SCOPED_TABLES:
        insert_records(conn, name, plans[name].fresh, story=story)
        insert_rows(conn, tables[name], [{**r, "story": story} for r in plans[name].new])
    for name in SCOPED_TABLES:
        update_rows(conn, tables[name], story, plans[name].changed)
        update_rows(conn, tables[name], story, plans[name].moved)
    for name in reversed(SCOPED_TABLES):
        gone = plans[name].gone
        t = tables[name]
        for i in range(0, len(gone), 500):  # SQLite caps the parameters of one statement
            conn.execute(t.delete().where(t.c.story == story, t.c.id.in_(gone[i : i + 500])))
    return {name: p.written for name, p in plans.items()}


class _Plan:
    def __init__(self) -> None:
        self.fresh: Sequence[Any] = ()  # records, when the story holds no row of the table
        self.new: list[dict[str, Any]] = []
        self.changed: list[dict[str, Any]] = []  # every column
        self.moved: list[dict[str, Any]] = []  # id and seq only
        self.gone: list[str] = []

    @property
    def written(self) -> int:
        return len(self.fresh) + len(self.new) + len(self.changed) + len(self.moved) + len(self.gone)


def _plan(conn: sa.Connection, name: str, story: str, records: Sequence[Any]) -> _Plan:
    t = tables[name]
    plan = _Plan()
    if not records:
        plan.gone = [r[0] for r in conn.execute(sa.select(t.c.id).where(t.c.story == story))]
        return plan
    columns = [c.name for c in layout(name) if c.name != "id"]
    # Scalar columns compare as they read back (a number or text equal is stored alike); JSON
    # ones type by type (_same), in Python only when the row's scalars are equal.
    plain = [c for c in columns if not isinstance(t.c[c].type, sa.JSON)]
    nested = [c for c in columns if isinstance(t.c[c].type, sa.JSON)]
    query = sa.select(t.c.id, t.c.seq, *(t.c[c] for c in plain + nested)).where(t.c.story == story)
    stored = {r[0]: r for r in conn.execute(query)}
    if not stored:
        plan.fresh = records
        return plan
    rows = [to_row(name, r, i) for i, r in enumerate(records)]
    k = 2 + len(plain)
    wanted: set[str] = set()
    for row in rows:
        wanted.add(row["id"])
        old = stored.get(row["id"])
        if old is None:
            plan.new.append(row)
        elif old[2:k] != tuple(row[c] for c in plain) or not all(_same(old[k + i], row[c]) for i, c in enumerate(nested)):
            plan.changed.append(row)
        elif old[1] != row["seq"]:
            plan.moved.append({"id": row["id"], "seq": row["seq"]})
    plan.gone = [i for i in stored if i not in wanted]
    return plan


def _same(stored: Any, new: Any) -> bool:
    """Whether a column read back as ``stored`` holds ``new`` (JSON gives lists for tuples), of the
    same types too: 1 and True, 1 and 1.0 are written again, as a full rewrite would."""
    if type(new) is tuple:
        new = list(new)
    if type(stored) is not type(new):
        return False
    if type(new) is list:
        return len(stored) == len(new) and all(_same(a, b) for a, b in zip(stored, new))
    if type(new) is dict:
        return stored.keys() == new.keys() and all(_same(stored[k], v) for k, v in new.items())
    return bool(stored == new)
