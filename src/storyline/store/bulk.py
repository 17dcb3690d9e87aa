"""Inserting (and updating) many rows of one table with the driver's ``executemany``.

``conn.execute(table.insert(), rows)`` spends most of its time in SQLAlchemy's per-row
parameter handling (for each row a dict rebuilt column by column), more than SQLite takes to
write the rows. :func:`insert_rows` compiles the statement once per table and column set,
converts each value with the very bind processor SQLAlchemy would apply to it (JSON text,
booleans), and hands the driver plain tuples: the rows written are the same (SQLite only; other
databases take SQLAlchemy's path).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from operator import itemgetter
from typing import Any

import sqlalchemy as sa

from storyline.store.convert import json_columns, to_row, values_maker
from storyline.store.tables import UNORDERED, layout, tables

__all__ = ["insert_records", "insert_rows", "update_rows"]

_Processor = Callable[[Any], Any] | None


def insert_rows(conn: sa.Connection, table: sa.Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table``, in one ``executemany``."""
    if not rows:
        return
    dialect = conn.dialect
    if dialect.name != "sqlite" or dialect.paramstyle != "qmark":
        # Only measured and tested on SQLite; PostgreSQL keeps SQLAlchemy's own path.
        conn.execute(table.insert(), rows)
        return
    keys = tuple(rows[0])
    sql, processors = _statement(table, keys, dialect)
    conn.exec_driver_sql(sql, _values(rows, keys, processors))


def insert_records(conn: sa.Connection, name: str, records: Sequence[Any], *, story: str | None = None) -> None:
    """Insert ``records`` into table ``name`` (one of ``storyline.core.records.TABLES``), each at its
    position as ``seq``: the rows ``insert_rows`` writes for ``to_row(name, record, position)``
    (with ``story``, the story's id, for a table of ``SCOPED_TABLES``), made without the dicts
    (:func:`storyline.store.convert.values_maker`; SQLite only)."""
    if not records:
        return
    dialect = conn.dialect
    if dialect.name != "sqlite" or dialect.paramstyle != "qmark":
        seq = name not in UNORDERED
        scope = {} if story is None else {"story": story}
        insert_rows(conn, tables[name], [to_row(name, r, i if seq else None) | scope for i, r in enumerate(records)])
        return
    sql, values, own = _record_statement(name, dialect, story is not None)
    if story is None:
        conn.exec_driver_sql(sql, [values(r, i) for i, r in enumerate(records)])
    else:
        story = own(story) if own is not None else story
        conn.exec_driver_sql(sql, [(story, *values(r, i)) for i, r in enumerate(records)])


@lru_cache(maxsize=64)
def _record_statement(name: str, dialect: sa.Dialect, scoped: bool) -> tuple[str, Callable[[Any, int], tuple[Any, ...]], _Processor]:
    """The insert, the values of a record at a position, and the ``story`` column's bind
    processor (``scoped``: the story's id comes first)."""
    seq = name not in UNORDERED
    keys = (("seq",) if seq else ()) + tuple(c.name for c in layout(name))
    sql, processors = _statement(tables[name], (("story",) if scoped else ()) + keys, dialect)
    finish = dict(zip(keys, processors[scoped:]))
    # SQLAlchemy's JSON type on SQLite writes json.dumps of the value: json_text writes the same, faster.
    finish |= json_columns(name)
    return sql, values_maker(name, finish, seq=seq), processors[0] if scoped else None


def update_rows(conn: sa.Connection, table: sa.Table, story: str, rows: Sequence[dict[str, Any]]) -> None:
    """Set the columns of ``rows`` (dicts with the same keys, ``id`` among them) on the rows of the
    story with id ``story`` (a table of ``SCOPED_TABLES``) with those ids, in one ``executemany``."""
    if not rows:
        return
    dialect = conn.dialect
    keys = tuple(k for k in rows[0] if k != "id")
    if dialect.name != "sqlite" or dialect.paramstyle != "qmark":
        where = sa.and_(table.c.story == sa.bindparam("_story"), table.c.id == sa.bindparam("_id"))
        stmt = table.update().where(where).values({k: sa.bindparam("_" + k) for k in keys})
        conn.execute(stmt, [{"_story": story, "_id": r["id"], **{"_" + k: r[k] for k in keys}} for r in rows])
        return
    sql, processors = _statement(table, keys, dialect, update=True)
    conn.exec_driver_sql(sql, [(*values, story, row["id"]) for values, row in zip(_values(rows, keys, processors), rows)])


def _values(rows: Sequence[dict[str, Any]], keys: tuple[str, ...], processors: tuple[_Processor, ...]) -> list[tuple[Any, ...]]:
    """Each row's values of ``keys``, through their processors: the values fetched in one call per
    row, the processors applied only where a column has one."""
    fetch = itemgetter(*keys) if len(keys) > 1 else (lambda row: (row[keys[0]],))
    steps = [(i, p) for i, p in enumerate(processors) if p is not None]
    if not steps:
        return [fetch(row) for row in rows]
    out = []
    for row in rows:
        values = list(fetch(row))
        for i, p in steps:
            values[i] = p(values[i])
        out.append(tuple(values))
    return out


@lru_cache(maxsize=256)
def _statement(table: sa.Table, keys: tuple[str, ...], dialect: sa.Dialect, update: bool = False) -> tuple[str, tuple[_Processor, ...]]:
    """The driver's SQL inserting ``keys`` (or, with ``update``, setting them on the row of a story
    and id), and the bind processor of each key's column."""
    quote = dialect.identifier_preparer.quote
    name = dialect.identifier_preparer.format_table(table)
    if update:
        sql = f"UPDATE {name} SET {', '.join(f'{quote(k)} = ?' for k in keys)} WHERE {quote('story')} = ? AND {quote('id')} = ?"
    else:
        sql = f"INSERT INTO {name} ({', '.join(quote(k) for k in keys)}) VALUES ({', '.join('?' for _ in keys)})"
    return sql, tuple(table.c[k].type.dialect_impl(dialect).bind_processor(dialect) for k in keys)
