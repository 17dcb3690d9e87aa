"""The Store: records in, records out, over SQLite or PostgreSQL through SQLAlchemy Core.

Units of work match the pipeline: one article's reading is stored in one transaction
(:meth:`Store.put_reading`), the reconciled story in another (:meth:`Store.replace_story`). A
crash therefore loses at most the article in flight, and a half-stored article never exists. The
story records the articles it covers (:class:`~storyline.core.records.Coverage`), so a crash
between the two leaves a story that is known to be out of date, never one that looks current
(``api.analyze`` stores on a writer thread one parser batch behind, so a crash there also loses
the parsed readings still queued: they are read again on the next run, ids being content hashes).
Rows go in with executemany, one statement per table, so storing costs little next to parsing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from storyline.core.dates import iso
from storyline.core.errors import StoreError
from storyline.core.records import (
    TABLES,
    Article,
    ArticleReading,
    Coverage,
    EchoLink,
    FactClaim,
    Story,
)
from storyline.store import faults
from storyline.store.connect import WRITE, create_engine, migrate, must_exist, parse_url
from storyline.store.convert import from_row, to_row
from storyline.store.links import rebuild_links
from storyline.store.tables import (
    ARTICLE_TABLES,
    LINK_TABLES,
    SCHEMA_KEY,
    STORY_TABLES,
    meta,
    tables,
)

if TYPE_CHECKING:
    from storyline.store.desk import Desk

__all__ = ["Store", "open_store"]

# ArticleReading / Story attribute holding each table's records.
_READING_FIELDS = {"article_entities": "entities", "mentions": "mentions", "ages": "ages", "timexes": "timexes", "claims": "claims",
                   "sentences": "sentences"}
_STORY_FIELDS = {
    "entities": "entities", "facts": "facts", "events": "events", "conflicts": "conflicts", "echoes": "echoes",
    "timeline": "timeline", "coverage": "coverage",
}  # fmt: skip
_STORY_LOCK = 0x5354_4F53  # PostgreSQL advisory lock id serialising story replacements


def open_store(url_or_path: str | Path = "storyline.db", *, create: bool = True) -> Store:
    """Open (creating and migrating when needed) the database at a path or URL.

    Accepts ``story.db``, ``sqlite:///story.db``, ``:memory:`` or
    ``postgresql+psycopg://user:password@host/db``. Raises :class:`StoreError` with a fix when
    the URL is bad, the server unreachable, the file not a database, or the schema newer than
    this code. With ``create=False`` (the reading commands) the database must already be a
    storyline database: a missing file, an empty one, or a database without storyline's tables
    is a StoreError naming it, and nothing is created.
    """
    url = parse_url(url_or_path, create=create)
    display = url.render_as_string(hide_password=True)
    if not create:
        must_exist(url, display)
    engine = create_engine(url)
    try:
        migrate(engine, display, create=create)
    except StoreError:
        engine.dispose()
        raise
    except sa.exc.SQLAlchemyError as err:
        engine.dispose()
        raise _store_error(err, display, opening=True) from err
    return Store(engine, display)


def _store_error(err: Exception, display: str, *, opening: bool = False, article: str | None = None) -> StoreError:
    detail = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
    if opening and isinstance(err, sa.exc.OperationalError) and display.startswith("postgresql"):
        fix = "check that the PostgreSQL server is running and reachable, and the user, password and database name in the URL"
    elif opening:
        fix = "check that the path is a storyline database (or a new file) and is writable, or pick another --db"
    elif article is not None and isinstance(err, (sa.exc.IntegrityError, sa.exc.DataError)):
        fix = "the reading of this article is inconsistent (a bug: report it with the input); the articles stored before it are kept"
    elif article is not None:
        fix = "check the database is reachable and writable (disk space, locks), then run again; the articles stored so far are kept"
    else:
        fix = "check the database is reachable and writable, then run the command again"
    what = f"cannot store article {article!r}" if article else ("cannot open the database" if opening else "database error")
    return StoreError(f"{what}: {detail}", input=display, fix=fix)


class Store:
    """Typed access to one storyline database. Use :func:`open_store` to get one."""

    def __init__(self, engine: sa.Engine, display: str):
        self._engine = engine
        self.url: str = display
        """The database URL, password masked."""
        self.dialect: str = engine.dialect.name

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    @property
    def desk(self) -> Desk:
        """The workspace's own tables (accounts, tokens, sessions, jobs) on the same database."""
        from storyline.store.desk import Desk

        return Desk(self._tx)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release all connections."""
        self._engine.dispose()

    @contextmanager
    def _tx(self, write: bool = False, article: str | None = None, snapshot: bool = False) -> Iterator[sa.Connection]:
        """A connection in a transaction. ``write`` takes SQLite's write lock at BEGIN;
        ``snapshot`` makes every statement see the same database on PostgreSQL (REPEATABLE READ;
        a SQLite read transaction is a snapshot already)."""
        try:
            with self._engine.connect() as conn:
                if write:
                    conn.execution_options(**{WRITE: True})
                if snapshot and self.dialect == "postgresql":
                    conn.execution_options(isolation_level="REPEATABLE READ")
                with conn.begin():
                    yield conn
                    if write:
                        faults.before_commit()
                if write:
                    faults.after_commit()
        except sa.exc.SQLAlchemyError as err:
            raise _store_error(err, self.url, article=article) from err

    # -- articles -------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""
        t = tables["articles"]
        with self._tx() as conn:
            return conn.execute(sa.select(t.c.id).where(t.c.id == article_id)).first() is not None

    def article_hashes(self) -> dict[str, str]:
        """Article id -> content hash, for every stored article."""
        t = tables["articles"]
        with self._tx() as conn:
            return {r.id: r.content_hash for r in conn.execute(sa.select(t.c.id, t.c.content_hash))}

    def put_reading(self, reading: ArticleReading) -> bool:
        """Store one article's reading in one transaction, replacing that article's rows.

        Returns False (and writes nothing) when the same id with the same content hash is
        already stored, True otherwise.
        """
        art = reading.article
        t = tables["articles"]
        with self._tx(write=True, article=art.id) as conn:
            stored = conn.execute(sa.select(t.c.content_hash).where(t.c.id == art.id)).scalar()
            stale = _stale(conn)
            if stored == art.content_hash and art.id not in stale:
                return False
            if stored is not None:
                _delete_article(conn, art.id)
            conn.execute(t.insert(), [to_row("articles", art)])
            for name in ARTICLE_TABLES[1:]:
                records = getattr(reading, _READING_FIELDS[name])
                if records:
                    conn.execute(tables[name].insert(), [to_row(name, r, i) for i, r in enumerate(records)])
            if art.id in stale:
                _set_stale(conn, stale - {art.id})
        return True

    def stale_articles(self) -> frozenset[str]:
        """Ids of the stored articles read by an older storyline whose readings lack what the
        reader now records (see migrations 0007 and 0008): ``analyze`` reads them again when given them,
        though their text is unchanged."""
        with self._tx() as conn:
            return _stale(conn)

    def articles(self) -> list[Article]:
        """All stored articles, ordered by (published, id); undated articles last."""
        t = tables["articles"]
        with self._tx() as conn:
            rows = conn.execute(sa.select(t)).mappings().all()
        return sorted((from_row("articles", r) for r in rows), key=_by_date)

    def readings(self) -> list[ArticleReading]:
        """Every stored reading, ordered by (published, id); undated articles last.

        Read in one snapshot: an article stored meanwhile by another writer is either wholly in
        the list or not at all."""
        with self._tx(snapshot=True) as conn:
            arts = [from_row("articles", r) for r in conn.execute(sa.select(tables["articles"])).mappings()]
            parts: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
            for name in ARTICLE_TABLES[1:]:
                t = tables[name]
                # .all(): one fetchall instead of a fetchone per row; every row is kept anyway.
                for row in conn.execute(sa.select(t).order_by(t.c.article, t.c.seq)).mappings().all():
                    parts[row["article"]][_READING_FIELDS[name]].append(from_row(name, row))
        out = []
        for art in sorted(arts, key=_by_date):
            mine = parts.get(art.id, {})
            out.append(ArticleReading(art, **{f: tuple(mine.get(f, ())) for f in _READING_FIELDS.values()}))
        return out

    # -- story ----------------------------------------------------------------------------

    def replace_story(self, story: Story) -> bool:
        """Replace the reconciled story (entities, facts, events, conflicts, echoes, timeline, coverage) in
        one transaction; returns whether it was written.

        A story that knows its coverage is written only if it covers exactly the articles stored
        when the transaction holds the write lock (SQLite's, taken at BEGIN IMMEDIATE; on
        PostgreSQL an advisory lock that serialises story replacements). When another writer
        stored or changed articles after this story's readings were read, nothing is written and
        False is returned: that writer reconciles after storing, or the caller reads again. So a
        slow reconcile never overwrites a newer story, and no lock is held while reconciling.
        """
        with self._tx(write=True) as conn:
            if story.coverage is not None:
                if conn.dialect.name == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _STORY_LOCK})
                if _coverage(conn) != story.coverage:
                    return False
            for name in reversed(STORY_TABLES + LINK_TABLES):
                conn.execute(tables[name].delete())
            for name in STORY_TABLES:
                records = getattr(story, _STORY_FIELDS[name])
                if records is not None and not isinstance(records, tuple):
                    records = (records,)
                if records:
                    conn.execute(tables[name].insert(), [to_row(name, r, i) for i, r in enumerate(records)])
            rebuild_links(conn)
        return True

    def story(self) -> Story:
        """The stored story (empty when nothing was reconciled yet)."""
        parts: dict[str, Any] = {}
        with self._tx(snapshot=True) as conn:
            for name in STORY_TABLES:
                t = tables[name]
                rows = conn.execute(sa.select(t).order_by(t.c.seq)).mappings()
                parts[_STORY_FIELDS[name]] = tuple(from_row(name, r) for r in rows)
        parts["coverage"] = parts["coverage"][0] if parts["coverage"] else None
        return Story(**parts)

    def links(self) -> tuple[list[FactClaim], list[EchoLink]]:
        """The link tables' rows: what each fact rests on (with its side), and each echo's claims."""
        out: dict[str, list[Any]] = {}
        with self._tx() as conn:
            for name in LINK_TABLES:
                t = tables[name]
                out[name] = [from_row(name, r) for r in conn.execute(sa.select(t).order_by(t.c.seq)).mappings()]
        return out["fact_claims"], out["echo_links"]

    def coverage(self) -> Coverage:
        """The coverage of the articles stored now (compare with ``story().coverage``)."""
        with self._tx() as conn:
            return _coverage(conn)

    # -- housekeeping ---------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Rows per table, for every table in ``storyline.core.records.TABLES``."""
        with self._tx() as conn:
            return {
                name: conn.execute(sa.select(sa.func.count()).select_from(tables[name])).scalar_one()
                for name in TABLES
            }

    def schema_version(self) -> int:
        """The layout version stored in the ``meta`` table."""
        with self._tx() as conn:
            value = conn.execute(sa.select(meta.c.value).where(meta.c.key == SCHEMA_KEY)).scalar_one()
        return int(value)


STALE_KEY = "stale_readings"
"""``meta`` key: a JSON list of the article ids to read again (absent when there are none)."""


def _stale(conn: sa.Connection) -> frozenset[str]:
    value = conn.execute(sa.select(meta.c.value).where(meta.c.key == STALE_KEY)).scalar()
    return frozenset(json.loads(value)) if value else frozenset()


def _set_stale(conn: sa.Connection, ids: frozenset[str]) -> None:
    conn.execute(meta.delete().where(meta.c.key == STALE_KEY))
    if ids:
        conn.execute(meta.insert().values(key=STALE_KEY, value=json.dumps(sorted(ids))))


def _coverage(conn: sa.Connection) -> Coverage:
    t = tables["articles"]
    return Coverage.of({r.id: r.content_hash for r in conn.execute(sa.select(t.c.id, t.c.content_hash))})


def _delete_article(conn: sa.Connection, article_id: str) -> None:
    # Children first, so the delete does not depend on ON DELETE CASCADE being honoured.
    for name in reversed(ARTICLE_TABLES):
        t = tables[name]
        conn.execute(t.delete().where((t.c.id if name == "articles" else t.c.article) == article_id))


def _by_date(article: Article) -> tuple[bool, str, str]:
    return (article.published is None, iso(article.published) or "", article.id)
