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

import dataclasses
import json
import weakref
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
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
    Review,
    Story,
    StoryInfo,
)
from storyline.store import faults
from storyline.store import stories as _stories
from storyline.store.bulk import insert_records
from storyline.store.connect import WRITE, create_engine, migrate, must_exist, parse_url
from storyline.store.convert import from_row, to_row
from storyline.store.links import link_records
from storyline.store.sync import sync_story
from storyline.store.tables import (
    ARTICLE_TABLES,
    SCHEMA_KEY,
    STORY_TABLES,
    meta,
    tables,
)

if TYPE_CHECKING:
    from storyline.store.desk import Desk

__all__ = ["ALL", "MAIN", "Store", "StorySummary", "open_store"]

ALL = _stories.ALL
MAIN = _stories.MAIN
StorySummary = _stories.StorySummary

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
        self.rows_written: dict[str, int] = {}
        """Rows the last :meth:`replace_story` of this store wrote (inserted, updated or deleted), by table."""

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    @property
    def desk(self) -> Desk:
        """The workspace's own tables (accounts, tokens, sessions, jobs) on the same database."""
        from functools import partial

        from storyline.store.desk import Desk

        return Desk(partial(self._tx, fault=False))  # the crash hooks count story writes only

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release all connections."""
        self._engine.dispose()

    @contextmanager
    def _tx(self, write: bool = False, article: str | None = None, snapshot: bool = False,
            fault: bool = True) -> Iterator[sa.Connection]:
        """A connection in a transaction. ``write`` takes SQLite's write lock at BEGIN;
        ``snapshot`` makes every statement see the same database on PostgreSQL (REPEATABLE READ;
        a SQLite read transaction is a snapshot already). ``fault``: a write counted by the
        crash hook (storyline.store.faults counts put_reading and replace_story only)."""
        try:
            with self._engine.connect() as conn:
                if write:
                    conn.execution_options(**{WRITE: True})
                if snapshot and self.dialect == "postgresql":
                    conn.execution_options(isolation_level="REPEATABLE READ")
                with conn.begin():
                    yield conn
                    if write and fault:
                        faults.before_commit()
                if write and fault:
                    faults.after_commit()
        except sa.exc.SQLAlchemyError as err:
            raise _store_error(err, self.url, article=article) from err

    # -- stories --------------------------------------------------------------------------
    # A story is named by its name or its id. ``story=None`` means the database's one story (see
    # storyline.store.stories): a write to a database holding none creates MAIN, and a database
    # holding several refuses with a StoreError naming them.

    def stories(self, *, archived: bool | None = None) -> list[StorySummary]:
        """Every story with its counts (articles, facts, conflicts, reviews), by name; ``archived``
        True or False lists only the archived or only the active ones."""
        with self._tx() as conn:
            return _stories.summaries(conn, archived)

    def get_story(self, story: str | None = None) -> StoryInfo:
        """The story ``story`` names (None: the one story); a StoreError naming the stories when
        there is no such story, or several and none was named."""
        with self._tx() as conn:
            info = _stories.resolve(conn, story, self.url, create_missing=False)
        if info is None:
            raise StoreError("the database holds no story yet", input=self.url,
                             fix="store articles first (`storyline analyze INPUTS --db DB`) or create one (`storyline stories --db DB --create NAME`)")
        return info

    def find_story(self, story: str) -> StoryInfo | None:
        """The story named ``story`` (or with that id), else None."""
        with self._tx() as conn:
            return _stories.find(conn, story)

    def create_story(self, name: str, *, description: str = "") -> StoryInfo:
        """A new, empty story; a StoreError when the name is taken or not a valid name."""
        with self._tx(write=True, fault=False) as conn:
            return _stories.create(conn, name, description)

    def ensure_story(self, name: str) -> StoryInfo:
        """The story named ``name`` (or with that id), created when missing (two writers creating
        it at once get one story)."""
        with self._tx(write=True, fault=False) as conn:
            return _stories.find(conn, name) or _stories.create(conn, name, exists_ok=True)

    def rename_story(self, story: str, name: str) -> StoryInfo:
        """Rename a story (its id, articles, account and reviews stay); the new name must be free."""
        with self._tx(write=True, fault=False) as conn:
            info = _stories.resolve(conn, story, self.url, create_missing=False)
            assert info is not None
            name = _stories.valid_name(name)
            other = _stories.find(conn, name)
            if other is not None and other.id != info.id:
                raise StoreError(f"a story named {name!r} exists already", input=self.url, fix="pick another name")
            t = tables["stories"]
            conn.execute(t.update().where(t.c.id == info.id).values(name=name))
            return dataclasses.replace(info, name=name)

    def archive_story(self, story: str, archived: bool = True) -> StoryInfo:
        """Archive (or with ``archived=False`` unarchive) a story: an archived story keeps
        everything and can be read, exported and reviewed, but no article is added to it."""
        with self._tx(write=True, fault=False) as conn:
            info = _stories.resolve(conn, story, self.url, create_missing=False)
            assert info is not None
            t = tables["stories"]
            conn.execute(t.update().where(t.c.id == info.id).values(archived=archived))
            return dataclasses.replace(info, archived=archived)

    def add_articles(self, story: str | None, article_ids: Iterable[str]) -> int:
        """Add stored articles to a story (created when named and missing); returns how many
        joined it anew. Its stored account is out of date until it is reconciled again."""
        with self._tx(write=True, fault=False) as conn:
            info = _stories.resolve(conn, story, self.url, create_missing=True)
            assert info is not None
            _stories.refuse_archived(info, self.url)
            return _stories.join(conn, info.id, article_ids)

    def remove_articles(self, story: str | None, article_ids: Iterable[str]) -> int:
        """Take articles out of a story (they stay stored, and in any other story); returns how many left it."""
        with self._tx(write=True, fault=False) as conn:
            info = _stories.resolve(conn, story, self.url, create_missing=False)
            return 0 if info is None else _stories.leave(conn, info.id, article_ids)

    def article_stories(self) -> dict[str, list[str]]:
        """Stored article id -> the names of the stories holding it, sorted (an article in no
        story maps to []): which articles a clustering has yet to place, or where one is."""
        a, m, s = tables["articles"], tables["story_articles"], tables["stories"]
        with self._tx() as conn:
            out: dict[str, list[str]] = {r[0]: [] for r in conn.execute(sa.select(a.c.id))}
            for article, name in conn.execute(sa.select(m.c.article, s.c.name).join(s, s.c.id == m.c.story)):
                out.setdefault(article, []).append(name)
        return {k: sorted(v) for k, v in out.items()}

    def _scope(self, conn: sa.Connection, story: str | None) -> str | None:
        """For the reading calls: None for ALL, the story's id, or "" when the database holds none."""
        if story == ALL:
            return None
        info = _stories.resolve(conn, story, self.url, create_missing=False)
        return info.id if info is not None else ""

    # -- articles -------------------------------------------------------------------------
    # Articles and their readings are stored once, whatever story holds them (ids are content
    # hashes): ``story`` picks whose articles a call returns, ALL picks every stored one.

    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored (in any story)."""
        t = tables["articles"]
        with self._tx() as conn:
            return conn.execute(sa.select(t.c.id).where(t.c.id == article_id)).first() is not None

    def article_hashes(self, story: str | None = None) -> dict[str, str]:
        """Article id -> content hash, for every article of the story (ALL: every stored article)."""
        t = tables["articles"]
        with self._tx() as conn:
            query = _of_story(sa.select(t.c.id, t.c.content_hash), t.c.id, self._scope(conn, story))
            return {r.id: r.content_hash for r in conn.execute(query)}

    def put_reading(self, reading: ArticleReading, story: str | None = None) -> bool:
        """Store one article's reading in one transaction, replacing that article's rows, and
        make it a member of the story (created when named and missing; ALL: of none).

        Returns False (and writes no reading) when the same id with the same content hash is
        already stored, True otherwise; the membership is written either way. An article
        re-read keeps the stories it belonged to.
        """
        art = reading.article
        t = tables["articles"]
        with self._tx(write=True, article=art.id) as conn:
            info = None if story == ALL else _stories.resolve(conn, story, self.url, create_missing=True)
            if info is not None:
                _stories.refuse_archived(info, self.url)
            stored = conn.execute(sa.select(t.c.content_hash).where(t.c.id == art.id)).scalar()
            stale = _stale(conn)
            written = not (stored == art.content_hash and art.id not in stale)
            if written:
                held = []
                if stored is not None:
                    held = _stories.member_of(conn, art.id)
                    _delete_article(conn, art.id)
                insert_records(conn, "articles", [art])
                for name in ARTICLE_TABLES[1:]:
                    insert_records(conn, name, getattr(reading, _READING_FIELDS[name]))
                for other in held:
                    _stories.join(conn, other, [art.id])
                if art.id in stale:
                    _set_stale(conn, stale - {art.id})
            if info is not None:
                _stories.join(conn, info.id, [art.id], inserted=written and stored is None)
        return written

    def stale_articles(self) -> frozenset[str]:
        """Ids of the stored articles read by an older storyline whose readings lack what the
        reader now records (see migrations 0007 and 0008): ``analyze`` reads them again when given them,
        though their text is unchanged."""
        with self._tx() as conn:
            return _stale(conn)

    def articles(self, story: str | None = None) -> list[Article]:
        """The story's articles (ALL: every stored one), ordered by (published, id); undated last."""
        t = tables["articles"]
        with self._tx() as conn:
            rows = conn.execute(_of_story(sa.select(t), t.c.id, self._scope(conn, story))).mappings().all()
        return sorted((from_row("articles", r) for r in rows), key=_by_date)

    def readings(self, story: str | None = None, *, known: Mapping[str, ArticleReading] | None = None) -> list[ArticleReading]:
        """The readings of the story's articles (ALL: every stored one), ordered by (published,
        id); undated articles last.

        ``known``: readings the caller holds already, by article id; one whose content hash is
        the stored article's is returned as it is instead of being read again (a reading is
        stored whole, once per content hash), so only new and changed articles are read. Not lent:
        an article listed stale (to be read again after a migration), or a reading object any
        store of this process handed out while its article was (its rows may since have been
        rewritten under the same hash).

        Read in one snapshot: an article stored meanwhile by another writer is either wholly in
        the list or not at all."""
        known = known or {}
        with self._tx(snapshot=True) as conn:
            scope = self._scope(conn, story)
            a = tables["articles"]
            hashes = {r.id: r.content_hash for r in conn.execute(_of_story(sa.select(a.c.id, a.c.content_hash), a.c.id, scope))}
            stale = _stale(conn)
            kept = {i: known[i] for i, h in hashes.items()
                    if i in known and known[i].article.content_hash == h and i not in stale and not _HANDED_STALE.holds(known[i])}  # fmt: skip
            todo = [i for i in hashes if i not in kept]
            arts: list[Article] = []
            parts: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
            # All the story's rows when most are to be read (one query per table); else by id.
            batches = [None] if len(todo) > len(hashes) // 2 else [todo[i : i + 500] for i in range(0, len(todo), 500)]
            for ids in batches:
                pick = (lambda q, col: _of_story(q, col, scope)) if ids is None else (lambda q, col, ids=ids: q.where(col.in_(ids)))
                arts += [from_row("articles", r) for r in conn.execute(pick(sa.select(a), a.c.id)).mappings()]
                for name in ARTICLE_TABLES[1:]:
                    t = tables[name]
                    # .all(): one fetchall instead of a fetchone per row; every row is kept anyway.
                    query = pick(sa.select(t), t.c.article).order_by(t.c.article, t.c.seq)
                    for row in conn.execute(query).mappings().all():
                        parts[row["article"]][_READING_FIELDS[name]].append(from_row(name, row))
        out = list(kept.values())
        for art in arts:
            if art.id not in kept:
                mine = parts.get(art.id, {})
                out.append(ArticleReading(art, **{f: tuple(mine.get(f, ())) for f in _READING_FIELDS.values()}))
                if art.id in stale:
                    _HANDED_STALE.add(out[-1])
        out.sort(key=lambda r: _by_date(r.article))
        return out

    # -- story ----------------------------------------------------------------------------

    def replace_story(self, reconciled: Story, story: str | None = None) -> bool:
        """Replace a story's reconciled account (entities, facts, events, conflicts, echoes,
        timeline, coverage) in one transaction; returns whether it was written. ``story`` is
        created when named and missing (None in a database holding none: MAIN).

        An account that knows its coverage is written only if it covers exactly the story's
        articles stored when the transaction holds the write lock (SQLite's, taken at BEGIN
        IMMEDIATE; on PostgreSQL an advisory lock per story). When another writer stored or
        changed the story's articles after this account's readings were read, nothing is written
        and False is returned: that writer reconciles after storing, or the caller reads again.
        So a slow reconcile never overwrites a newer account, and no lock is held while reconciling.

        Only the rows that differ from the stored account are written (:mod:`storyline.store.sync`):
        adding an article to a story rewrites the facts it changed, not the story.
        """
        with self._tx(write=True) as conn:
            info = _stories.resolve(conn, story, self.url, create_missing=True)
            assert info is not None
            if conn.dialect.name == "postgresql":
                # One writer of a story's account at a time: the coverage check, and the rows
                # compared with the stored ones (storyline.store.sync), hold until commit.
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k, hashtext(:s))"), {"k": _STORY_LOCK, "s": info.id})
            if reconciled.coverage is not None and _coverage(conn, info.id) != reconciled.coverage:
                return False
            records: dict[str, Sequence[Any]] = {}
            for name in STORY_TABLES:
                held = getattr(reconciled, _STORY_FIELDS[name])
                records[name] = held if isinstance(held, tuple) else () if held is None else (held,)
            records |= link_records(conn, reconciled.facts, reconciled.conflicts, reconciled.echoes, story=info.id)
            self.rows_written = sync_story(conn, info.id, records)
        return True

    def story(self, story: str | None = None) -> Story:
        """A story's stored account (empty when it was not reconciled yet, or the database holds no story)."""
        parts: dict[str, Any] = {}
        with self._tx(snapshot=True) as conn:
            scope = self._scope(conn, story)
            for name in STORY_TABLES:
                parts[_STORY_FIELDS[name]] = tuple(_scoped_rows(conn, name, scope))
        parts["coverage"] = parts["coverage"][0] if parts["coverage"] else None
        return Story(**parts)

    def links(self, story: str | None = None) -> tuple[list[FactClaim], list[EchoLink]]:
        """A story's link tables' rows: what each fact rests on (with its side), and each echo's claims."""
        with self._tx() as conn:
            scope = self._scope(conn, story)
            return _scoped_rows(conn, "fact_claims", scope), _scoped_rows(conn, "echo_links", scope)

    def coverage(self, story: str | None = None) -> Coverage:
        """The coverage of the story's articles stored now (compare with ``story(story).coverage``)."""
        with self._tx() as conn:
            return _coverage(conn, self._scope(conn, story) or "")

    # -- reviews --------------------------------------------------------------------------

    def put_review(self, review: Review) -> None:
        """Store one review decision (``review.story`` is the story's id). Decisions are never
        replaced: the history is kept and the latest wins (storyline.core.reviews)."""
        with self._tx(write=True, fault=False) as conn:
            conn.execute(tables["reviews"].insert().values(**to_row("reviews", review)))

    def reviews(self, story: str | None = None) -> list[Review]:
        """Every review decision on a story's facts, oldest first."""
        t = tables["reviews"]
        with self._tx() as conn:
            scope = self._scope(conn, story)
            rows = conn.execute(sa.select(t).where(t.c.story == scope).order_by(t.c.at, t.c.id)).mappings()
            return [from_row("reviews", r) for r in rows]

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


class _Objects:
    """Objects remembered by identity while they live (a WeakSet would hash and compare whole
    readings, which are equal by value)."""

    def __init__(self) -> None:
        self._refs: dict[int, weakref.ref] = {}

    def add(self, obj: object) -> None:
        key = id(obj)
        self._refs[key] = weakref.ref(obj, lambda _ref, key=key: self._refs.pop(key, None))

    def holds(self, obj: object) -> bool:
        ref = self._refs.get(id(obj))
        return ref is not None and ref() is obj


# Readings handed out while their article was listed stale (by any store of this process): their
# rows may be rewritten under the same content hash once it is read again, so they are never lent.
_HANDED_STALE = _Objects()

STALE_KEY = "stale_readings"
"""``meta`` key: a JSON list of the article ids to read again (absent when there are none)."""


def _stale(conn: sa.Connection) -> frozenset[str]:
    value = conn.execute(sa.select(meta.c.value).where(meta.c.key == STALE_KEY)).scalar()
    return frozenset(json.loads(value)) if value else frozenset()


def _set_stale(conn: sa.Connection, ids: frozenset[str]) -> None:
    conn.execute(meta.delete().where(meta.c.key == STALE_KEY))
    if ids:
        conn.execute(meta.insert().values(key=STALE_KEY, value=json.dumps(sorted(ids))))


def _coverage(conn: sa.Connection, story: str) -> Coverage:
    t = tables["articles"]
    query = _of_story(sa.select(t.c.id, t.c.content_hash), t.c.id, story)
    return Coverage.of({r.id: r.content_hash for r in conn.execute(query)})


def _scoped_rows(conn: sa.Connection, name: str, story: str | None) -> list[Any]:
    """The records of one story's table ``name`` (one of SCOPED_TABLES), in the order they were written."""
    t = tables[name]
    return [from_row(name, r) for r in conn.execute(sa.select(t).where(t.c.story == story).order_by(t.c.seq)).mappings()]


def _of_story(query: sa.Select, article: sa.ColumnElement, story: str | None) -> sa.Select:
    """``query`` kept to the articles of the story with id ``story`` (None: every article)."""
    return query if story is None else query.where(article.in_(_stories.members(story)))


def _delete_article(conn: sa.Connection, article_id: str) -> None:
    # Children first, so the delete does not depend on ON DELETE CASCADE being honoured.
    for name in reversed(ARTICLE_TABLES):
        t = tables[name]
        conn.execute(t.delete().where((t.c.id if name == "articles" else t.c.article) == article_id))


def _by_date(article: Article) -> tuple[bool, str, str]:
    return (article.published is None, iso(article.published) or "", article.id)
