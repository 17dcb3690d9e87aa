"""Opening a database: URL parsing, engine set-up per dialect, and migrations on open.

SQLite gets WAL (readers never block the writer), foreign keys on, ``synchronous=NORMAL`` (a
committed article survives a process crash; a power cut may lose the last few commits, which
the next ``analyze`` simply reads again, since ids are content hashes: the fsync per article
that FULL costs is not worth it) and real transactions: pysqlite's
own transaction handling neither wraps DDL nor lets us choose ``BEGIN IMMEDIATE``, so it is
switched off and ``BEGIN`` is emitted by the ``begin`` event (the SQLAlchemy-documented recipe).
"""

from __future__ import annotations

import functools
import sqlite3
import time
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import URL, make_url

from storyline.core.errors import StoreError
from storyline.core.records import SCHEMA_VERSION
from storyline.store.tables import SCHEMA_KEY, meta, metadata

__all__ = ["WRITE", "create_engine", "mask_url", "migrate", "must_exist", "parse_url", "sqlite_path"]

MIGRATIONS = Path(__file__).with_name("migrations")
# Execution option marking a connection that will write: on SQLite it takes the write lock at
# BEGIN, so two writers queue on busy_timeout instead of one failing on lock upgrade.
WRITE = "storyline_write"
_PG_LOCK = 0x5354_4F52  # advisory lock id serialising concurrent migrations on PostgreSQL

_FIX_URL = (
    "give a SQLite path (story.db), sqlite:///path/to/story.db, "
    "or postgresql+psycopg://user:password@host:5432/dbname"
)


def parse_url(url_or_path: str | Path, *, create: bool = True) -> URL:
    """A SQLAlchemy URL for a path or URL; ``postgres://`` and ``postgresql://`` use psycopg 3."""
    text = str(url_or_path)
    if isinstance(url_or_path, Path) or "://" not in text:
        if text in ("", ":memory:"):
            return make_url("sqlite://")
        path = Path(text).expanduser()
        if path.is_dir():
            raise StoreError("this is a directory, not a database file", input=text, fix=f"pass a file path such as {path / 'storyline.db'}")
        if not path.parent.exists():
            if not create:
                raise _missing(path)
            raise StoreError("the folder for the database does not exist", input=text, fix=f"create {path.parent} first or pick another --db path")
        return URL.create("sqlite", database=str(path.resolve()))
    try:
        url = make_url(text)
    except sa.exc.ArgumentError as err:
        raise StoreError(f"not a database URL ({err})", input=mask_url(text), fix=_FIX_URL) from None
    # Parsed from the string: asking SQLAlchemy would try to load the dialect, which fails
    # for the common `postgres://` spelling.
    backend, _, driver = url.drivername.partition("+")
    if backend in ("postgres", "postgresql"):
        if driver not in ("", "psycopg", "psycopg2"):
            raise StoreError(f"PostgreSQL driver {driver!r} is not supported", input=mask_url(text), fix=_FIX_URL)
        # psycopg 3 is the one driver storyline depends on; psycopg2 URLs are redirected to it.
        return url.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return url
    raise StoreError(f"database {backend!r} is not supported (SQLite and PostgreSQL are)", input=mask_url(text), fix=_FIX_URL)


def sqlite_path(url: URL) -> Path | None:
    """The file of a SQLite URL; None for an in-memory database or another backend."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _missing(where: str | Path, why: str = "") -> StoreError:
    return StoreError(
        f"no storyline database at {where}{why}",
        fix=f"create it first with `storyline analyze INPUTS --db {where}`, or check the --db path or URL",
    )


def must_exist(url: URL, display: str) -> None:
    """Raise StoreError unless a SQLite file at ``url`` exists and holds storyline's tables.

    Read only (``mode=ro``): a missing file is not created and an empty one is not touched (the
    engine's WAL pragma would write to it). A PostgreSQL database is checked by
    :func:`migrate` with ``create=False`` inside its transaction.
    """
    path = sqlite_path(url)
    if path is None:
        if url.get_backend_name() == "sqlite":
            raise _missing(":memory:", " (an in-memory database starts empty)")
        return
    if not path.is_file():
        raise _missing(path)
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error as err:
        raise StoreError(f"not a storyline database ({err})", input=str(path), fix="check the --db path: it should name the database `storyline analyze` wrote") from None
    if "meta" not in names:
        raise _missing(path, " (the file is empty)" if not names else f" (the SQLite database there has no storyline tables: {', '.join(sorted(names)[:5])})")


def mask_url(text: str) -> str:
    """A database URL as it may be shown: any password hidden (what follows the last @ when it
    does not parse)."""
    try:
        return make_url(text).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - shown, never used
        return text.split("@")[-1] if "@" in text else text


def create_engine(url: URL) -> sa.Engine:
    """An engine for ``url`` with storyline's per-dialect settings."""
    if url.get_backend_name() == "sqlite":
        kw: dict[str, Any] = {}
        if not url.database:  # in-memory: every connection must see the same database
            kw = {"poolclass": sa.pool.StaticPool, "connect_args": {"check_same_thread": False}}
        engine = sa.create_engine(url, **kw)
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    connect_args = {} if "connect_timeout" in url.query else {"connect_timeout": 10}
    return sa.create_engine(url, connect_args=connect_args, pool_pre_ping=True)


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see module doc)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA busy_timeout = 30000")
    # Switching a new file to WAL needs a lock busy_timeout does not wait for: two writers opening
    # the same new database at once would fail with "database is locked". Retry briefly instead.
    for attempt in range(50):
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            break
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == 49:
                raise
            time.sleep(0.1)
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _sqlite_begin(conn: sa.Connection) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITE) else "BEGIN")


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@functools.cache
def _script() -> ScriptDirectory:
    """The migration scripts, read once per process (they do not change while it runs)."""
    return ScriptDirectory.from_config(_alembic_config())


def migrate(engine: sa.Engine, display: str, *, create: bool = True, replay: bool = False) -> int:
    """Bring the database to the newest schema this code knows; return its schema version.

    A database with no tables at all is created at the newest layout in one step and stamped
    with the newest migration (Alembic's recipe for a new database): replaying every migration,
    some of which copy tables on SQLite, costs several times more and ends in the same schema
    (``tests/store/test_store_schema.py`` checks both routes). ``replay=True`` takes the
    migrations route anyway, for that check.

    Raises :class:`StoreError` when the database was written by a newer storyline, or, with
    ``create=False``, when it has no storyline tables yet (nothing is created then).
    """
    script = _script()
    with engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK})
            inspector = sa.inspect(conn)
            if not create and not inspector.has_table("meta"):
                raise _missing(display, " (the database has no storyline tables)")
            if not replay and not inspector.get_table_names():
                # Made and stamped at the newest layout here: nothing is left to check or upgrade.
                metadata.create_all(conn)
                conn.execute(meta.insert().values(key=SCHEMA_KEY, value=str(SCHEMA_VERSION)))
                MigrationContext.configure(conn).stamp(script, "head")
                return SCHEMA_VERSION
            _refuse_newer(conn, script, display)
            heads = set(MigrationContext.configure(conn).get_current_heads())
            if heads != set(script.get_heads()):
                cfg = _alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
            return _stored_version(conn)


def _refuse_newer(conn: sa.Connection, script: ScriptDirectory, display: str) -> None:
    fix = "upgrade storyline (pip install -U storyline) or point --db at another database"
    stored = _stored_version(conn) if sa.inspect(conn).has_table("meta") else 0
    if stored > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {stored}, newer than this storyline's {SCHEMA_VERSION}",
            input=display,
            fix=fix,
        )
    for rev in MigrationContext.configure(conn).get_current_heads():
        try:
            known = script.get_revision(rev) is not None
        except Exception:
            known = False
        if not known:
            raise StoreError(f"the database is at migration {rev!r}, which this storyline does not know", input=display, fix=fix)


def _stored_version(conn: sa.Connection) -> int:
    value = conn.execute(sa.select(meta.c.value).where(meta.c.key == SCHEMA_KEY)).scalar()
    return int(value) if value is not None else 0
