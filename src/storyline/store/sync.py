"""Writing a story's account as the rows that changed since it was last stored.

:meth:`storyline.store.Store.replace_story` used to delete every row of a story and insert it
again (a 1,000-article story: some 40,000 rows, most of them the same as before when one
article was added). :func:`sync_story` compares the rows the new account makes with the rows
stored, by id, and writes only the difference: rows that are new are inserted, rows no longer
in the account deleted, rows whose columns changed updated in place (only ``seq`` when only
their position moved). What is stored afterwards is exactly what deleting and inserting every
row would have stored: a row is left alone only when every column equals the new row's,
scalars as they read back and JSON as the text the database holds (the text the new value would
be written as: what a rewrite would leave there).

A table holding none of the story's rows yet (a story saved for the first time) has nothing to
compare: its records are inserted straight (:func:`storyline.store.bulk.insert_records`, the
same rows without building a dict per row).

Order keeps the references between a story's tables whole at every statement (SQLite checks
them one statement at a time): inserts and updates parents first, deletes children first,
after every insert and update (a row kept never references a row deleted).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

import sqlalchemy as sa

from storyline.store.bulk import insert_records, insert_rows, update_rows
from storyline.store.convert import json_columns, to_row, values_maker
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
        plan.gone = [r[0] for r in conn.execute(sa.select(t.c.id).where(t.c.story == story)).all()]
        return plan
    # Each row as stored next to each record as it would be stored, in layout order (id first):
    # scalars as they read back (a number or text equal is stored alike), JSON as its stored text,
    # so 1 and true, 1 and 1.0 differ and are written again, as a full rewrite would write them.
    query = sa.select(t.c.seq, *(sa.cast(t.c[c.name], sa.Text) if c.kind == "json" else t.c[c.name] for c in layout(name)))
    stored = {r[1]: r for r in conn.execute(query.where(t.c.story == story)).all()}  # one fetchall
    if not stored:
        plan.fresh = records
        return plan
    values = _stored_values(name)
    wanted: set[str] = set()
    for i, record in enumerate(records):
        row = values(record, i)  # (seq, id, ...)
        wanted.add(row[1])
        old = stored.get(row[1])
        if old is None:
            plan.new.append(to_row(name, record, i))
        elif old[2:] != row[2:]:
            plan.changed.append(to_row(name, record, i))
        elif old[0] != i:
            plan.moved.append({"id": row[1], "seq": i})
    plan.gone = [i for i in stored if i not in wanted]
    return plan


@lru_cache(maxsize=None)
def _stored_values(name: str) -> Callable[[Any, int], tuple[Any, ...]]:
    """The values of ``to_row(name, record, position)`` with each JSON value as the text the
    database holds for it: what SQLAlchemy's JSON type writes on SQLite, and psycopg's ``Json`` on
    PostgreSQL (``json.dumps``, ``None`` as ``null``; a ``json`` column keeps the text as given)."""
    return values_maker(name, json_columns(name), seq=True)
