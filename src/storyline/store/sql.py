"""The Store: records in, records out, over SQLite or PostgreSQL through SQLAlchemy Core.

Units of work match the pipeline: one article's reading is stored in one transaction
(:meth:`Store.put_reading`), the reconciled story in another (:meth:`Store.replace_story`). A
crash therefore loses at most the article in flight, and a half-stored article never exists
(``api.analyze`` stores on a writer thread one parser batch behind, so a crash there also loses
the parsed readings still queued: they are read again on the next run, ids being content hashes).
Rows go in with executemany, one statement per table, so storing costs little next to parsing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from storyline.core.dates import iso
from storyline.core.errors import StoreError
from storyline.core.records import (
    TABLES,
    Article,
    ArticleReading,
    EchoLink,
    FactClaim,
    Story,
)
from storyline.store.connect import WRITE, create_engine, migrate, parse_url
from storyline.store.convert import from_row, to_row
from storyline.store.links import rebuild_links
from storyline.store.tables import (
    ARTICLE_TABLES,
    LINK_TABLES,
    STORY_TABLES,
    meta,
    tables,
)

__all__ = ["Store", "open_store"]

# ArticleReading / Story attribute holding each table's records.
_READING_FIELDS = {"article_entities": "entities", "mentions": "mentions", "ages": "ages", "timexes": "timexes", "claims": "claims"}
_STORY_FIELDS = {"entities": "entities", "facts": "facts", "conflicts": "conflicts", "echoes": "echoes", "timeline": "timeline"}


def open_store(url_or_path: str | Path = "storyline.db") -> Store:
    """Open (creating and migrating when needed) the database at a path or URL.

    Accepts ``story.db``, ``sqlite:///story.db``, ``:memory:`` or
    ``postgresql+psycopg://user:password@host/db``. Raises :class:`StoreError` with a fix when
    the URL is bad, the server unreachable, the file not a database, or the schema newer than
    this code.
    """
    url = parse_url(url_or_path)
    display = url.render_as_string(hide_password=True)
    engine = create_engine(url)
    try:
        migrate(engine, display)
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

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release all connections."""
        self._engine.dispose()

    @contextmanager
    def _tx(self, write: bool = False, article: str | None = None) -> Iterator[sa.Connection]:
        try:
            with self._engine.connect() as conn:
                if write:
                    conn.execution_options(**{WRITE: True})
                with conn.begin():
                    yield conn
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
            if stored == art.content_hash:
                return False
            if stored is not None:
                _delete_article(conn, art.id)
            conn.execute(t.insert(), [to_row("articles", art)])
            for name in ARTICLE_TABLES[1:]:
                records = getattr(reading, _READING_FIELDS[name])
                if records:
                    conn.execute(tables[name].insert(), [to_row(name, r, i) for i, r in enumerate(records)])
        return True

    def articles(self) -> list[Article]:
        """All stored articles, ordered by (published, id); undated articles last."""
        t = tables["articles"]
        with self._tx() as conn:
            rows = conn.execute(sa.select(t)).mappings().all()
        return sorted((from_row("articles", r) for r in rows), key=_by_date)

    def readings(self) -> list[ArticleReading]:
        """Every stored reading, ordered by (published, id); undated articles last."""
        with self._tx() as conn:
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

    def replace_story(self, story: Story) -> None:
        """Replace the reconciled story (entities, facts, conflicts, echoes, timeline) in one
        transaction, and the link tables derived from it (:mod:`storyline.store.links`)."""
        with self._tx(write=True) as conn:
            for name in reversed(STORY_TABLES + LINK_TABLES):
                conn.execute(tables[name].delete())
            for name in STORY_TABLES:
                records = getattr(story, _STORY_FIELDS[name])
                if records:
                    conn.execute(tables[name].insert(), [to_row(name, r, i) for i, r in enumerate(records)])
            rebuild_links(conn)

    def story(self) -> Story:
        """The stored story (empty when nothing was reconciled yet)."""
        parts: dict[str, tuple[Any, ...]] = {}
        with self._tx() as conn:
            for name in STORY_TABLES:
                t = tables[name]
                rows = conn.execute(sa.select(t).order_by(t.c.seq)).mappings()
                parts[_STORY_FIELDS[name]] = tuple(from_row(name, r) for r in rows)
        return Story(**parts)

    def links(self) -> tuple[list[FactClaim], list[EchoLink]]:
        """The link tables' rows: what each fact rests on (with its side), and each echo's claims."""
        out: dict[str, list[Any]] = {}
        with self._tx() as conn:
            for name in LINK_TABLES:
                t = tables[name]
                out[name] = [from_row(name, r) for r in conn.execute(sa.select(t).order_by(t.c.seq)).mappings()]
        return out["fact_claims"], out["echo_links"]

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
            value = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).scalar_one()
        return int(value)


def _delete_article(conn: sa.Connection, article_id: str) -> None:
    # Children first, so the delete does not depend on ON DELETE CASCADE being honoured.
    for name in reversed(ARTICLE_TABLES):
        t = tables[name]
        conn.execute(t.delete().where((t.c.id if name == "articles" else t.c.article) == article_id))


def _by_date(article: Article) -> tuple[bool, str, str]:
    return (article.published is None, iso(article.published) or "", article.id)
