"""Alembic environment for the storyline store.

The store migrates programmatically (:func:`storyline.store.connect.migrate`) and hands over
its open connection in ``config.attributes["connection"]``, inside the transaction it already
began: a migration applies completely or not at all. From the alembic command line (see
``alembic.ini``) the database comes from ``-x db=PATH_OR_URL``; ``--sql`` renders the SQL for
review instead of running it.
"""

from __future__ import annotations

from logging.config import fileConfig

import sqlalchemy as sa
from alembic import context

from storyline.store.connect import create_engine, parse_url
from storyline.store.tables import metadata

config = context.config


def _target() -> str:
    return context.get_x_argument(as_dictionary=True).get("db") or config.get_main_option("sqlalchemy.url")


def _run(connection: sa.Connection) -> None:
    # SQLite cannot ALTER most things: batch mode recreates tables when a migration needs it.
    context.configure(
        connection=connection,
        target_metadata=metadata,
        compare_type=True,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


if config.config_file_name:  # the command line: show alembic's progress
    fileConfig(config.config_file_name, disable_existing_loggers=False)

if context.is_offline_mode():
    context.configure(url=parse_url(_target()), target_metadata=metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif (conn := config.attributes.get("connection")) is not None:
    _run(conn)
else:
    engine = create_engine(parse_url(_target()))
    with engine.connect() as conn, conn.begin():
        _run(conn)
    engine.dispose()
