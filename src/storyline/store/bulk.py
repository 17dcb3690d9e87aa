"""Inserting many rows of one table with the driver's ``executemany``.

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
from typing import Any

import sqlalchemy as sa

__all__ = ["insert_rows"]

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
    params = [tuple(row[k] if p is None else p(row[k]) for k, p in zip(keys, processors)) for row in rows]
    conn.exec_driver_sql(sql, params)


@lru_cache(maxsize=256)
def _statement(table: sa.Table, keys: tuple[str, ...], dialect: sa.Dialect) -> tuple[str, tuple[_Processor, ...]]:
    quote = dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({', '.join(quote(k) for k in keys)}) "
           f"VALUES ({', '.join('?' for _ in keys)})")
    return sql, tuple(table.c[k].type.dialect_impl(dialect).bind_processor(dialect) for k in keys)
