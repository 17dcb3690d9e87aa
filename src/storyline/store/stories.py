"""The stories of one database (schema 11): names, membership, and which story a call means.

Every function takes an open connection inside the caller's transaction, so a story created or
joined while storing an article commits with it. :class:`storyline.store.Store` is the public
face; this module holds the rules:

- a story is named by its name or its id (a name first);
- no story given means the database's one story; a database holding none gets ``main`` when a
  write needs a story (reads find nothing); a database holding several refuses, naming them and the
  fix (``--story NAME``);
- ``ALL`` (``"*"``, a name no story may take) means every stored article, whatever its story, for
  the calls about articles.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

import sqlalchemy as sa

from storyline.core.errors import StoreError
from storyline.core.ids import make_id
from storyline.core.records import StoryInfo
from storyline.store.convert import from_row, to_row
from storyline.store.tables import tables

__all__ = ["ALL", "MAIN", "StorySummary", "now"]

ALL = "*"
"""Passed as ``story`` to the article calls: every stored article, whatever its story."""
MAIN = "main"
"""The story a database gets when something is stored without naming one (and the name migration
0011 gives the story of a database upgraded from schema 10)."""
_MAX_NAME = 200


@dataclass(frozen=True)
class StorySummary:
    """A story with its counts, as ``Store.stories()`` lists them (``storyline stories``)."""

    id: str
    name: str
    created: str
    archived: bool
    description: str
    articles: int
    """Articles it holds."""
    facts: int
    """Facts of its stored account (0 until it is reconciled)."""
    conflicts: int
    reviews: int
    """Review decisions taken on its facts (every one, the history included)."""


def now() -> str:
    """The time stored on stories, memberships and reviews: ISO 8601, UTC, microseconds."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def valid_name(name: str) -> str:
    """``name`` stripped, or a StoreError saying what a story name may be."""
    clean = name.strip() if isinstance(name, str) else ""
    if not clean or clean == ALL or len(clean) > _MAX_NAME or any(unicodedata.category(ch)[0] == "C" for ch in clean):
        raise StoreError(f"{name!r} cannot name a story", input="--story",
                         fix=f"give a name of 1 to {_MAX_NAME} printable characters, other than {ALL!r}")
    return clean


def find(conn: sa.Connection, story: str) -> StoryInfo | None:
    """The story named ``story``, else the one whose id it is, else None."""
    t = tables["stories"]
    for column in (t.c.name, t.c.id):
        row = conn.execute(sa.select(t).where(column == story)).mappings().first()
        if row is not None:
            return from_row("stories", row)
    return None


def every(conn: sa.Connection) -> list[StoryInfo]:
    t = tables["stories"]
    return [from_row("stories", r) for r in conn.execute(sa.select(t).order_by(t.c.name)).mappings()]


def create(conn: sa.Connection, name: str, description: str = "", *, exists_ok: bool = False) -> StoryInfo:
    """A new story; with ``exists_ok`` the story of that name when there is one already (also
    when another writer creates it at the same moment: on PostgreSQL, where writers do not queue
    as on SQLite, the insert waits for that writer and then finds its story)."""
    name = valid_name(name)
    found = find(conn, name)
    if found is None:
        created = now()
        info = StoryInfo(make_id("s", name, created), name, created, False, description)
        _insert_new(conn, "stories", [to_row("stories", info)], "name")
        found = find(conn, name)
        if found is not None and found.id == info.id:
            return info
    if exists_ok and found is not None:
        return found
    raise StoreError(f"a story named {name!r} exists already", input=name, fix="pick another name, or use that story")


def _insert_new(conn: sa.Connection, table: str, rows: list[dict], key: str) -> None:
    """Insert the rows whose ``key`` is not taken yet (INSERT ... ON CONFLICT DO NOTHING; the
    caller reads back what is there: an executemany's rowcount is not reliable)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    conn.execute(insert(tables[table]).on_conflict_do_nothing(index_elements=[key]), rows)


def resolve(conn: sa.Connection, story: str | None, display: str, *, create_missing: bool) -> StoryInfo | None:
    """The story a call means (see the module doc). ``create_missing`` (a write): a named story
    that does not exist is created, and so is ``main`` in a database holding none."""
    if story is not None:
        if story == ALL:
            raise StoreError("'*' (every article) names no single story", input=display,
                             fix="name one story (--story NAME); list them with `storyline stories --db DB`")
        found = find(conn, story)
        if found is None and create_missing:
            return create(conn, story, exists_ok=True)
        if found is None:
            raise StoreError(f"no story named {story!r}", input=display, fix=_list_fix(conn, display))
        return found
    stories = every(conn)
    if len(stories) == 1:
        return stories[0]
    if not stories:
        return create(conn, MAIN, exists_ok=True) if create_missing else None
    names = ", ".join(s.name for s in stories)
    raise StoreError(f"the database holds {len(stories)} stories ({names}): say which one", input=display,
                     fix=f"pass --story NAME (one of: {names}), or story=NAME in the API")


def _list_fix(conn: sa.Connection, display: str) -> str:
    names = [s.name for s in every(conn)]
    known = f"the stories are: {', '.join(names)}" if names else "the database holds no story yet"
    return f"check the name ({known}); `storyline stories --db DB` lists them, `storyline stories --db DB --create NAME` makes one"


def refuse_archived(info: StoryInfo, display: str) -> None:
    if info.archived:
        raise StoreError(f"story {info.name!r} is archived: no article is added to it", input=display,
                         fix=f"unarchive it first (`storyline stories --db DB --unarchive {info.name}`), or pick another story")


def members(story: str) -> sa.Select:
    """The ids of the articles of the story with id ``story``, as a subquery."""
    t = tables["story_articles"]
    return sa.select(t.c.article).where(t.c.story == story)


def member_of(conn: sa.Connection, article: str) -> list[str]:
    """Ids of the stories holding ``article``."""
    t = tables["story_articles"]
    return [r[0] for r in conn.execute(sa.select(t.c.story).where(t.c.article == article))]


def join(conn: sa.Connection, story: str, articles: Iterable[str], *, inserted: bool = False) -> int:
    """Add the stored articles to the story with id ``story``; returns how many joined anew.
    ``inserted``: the articles were inserted by this transaction, so they are stored and in no
    story yet: nothing to look up (two queries per article stored)."""
    t = tables["story_articles"]
    wanted = list(dict.fromkeys(articles))
    if not wanted:
        return 0
    if inserted:
        at = now()
        _insert_new(conn, "story_articles", [{"id": make_id("sa", story, x), "story": story, "article": x, "added": at} for x in wanted], "id")
        return len(wanted)
    a = tables["articles"]
    stored: set[str] = set()
    have: set[str] = set()
    for chunk in _chunks(wanted):
        stored |= {r[0] for r in conn.execute(sa.select(a.c.id).where(a.c.id.in_(chunk)))}
        have |= {r[0] for r in conn.execute(sa.select(t.c.article).where(t.c.story == story, t.c.article.in_(chunk)))}
    if missing := [x for x in wanted if x not in stored]:
        raise StoreError(f"{len(missing)} article(s) are not stored: {', '.join(missing[:5])}",
                         fix="store an article (storyline analyze) before adding it to a story")
    at = now()
    new = [x for x in wanted if x not in have]
    if new:  # another writer may add the same article at the same moment (PostgreSQL): one row
        _insert_new(conn, "story_articles", [{"id": make_id("sa", story, x), "story": story, "article": x, "added": at} for x in new], "id")
    return len(new)


def leave(conn: sa.Connection, story: str, articles: Iterable[str]) -> int:
    t = tables["story_articles"]
    gone = 0
    for chunk in _chunks(list(dict.fromkeys(articles))):
        gone += conn.execute(t.delete().where(t.c.story == story, t.c.article.in_(chunk))).rowcount or 0
    return gone


def summaries(conn: sa.Connection, archived: bool | None) -> list[StorySummary]:
    """Every story (or only the archived / the active ones) with its counts, by name."""
    counts: dict[str, dict[str, int]] = {}
    for what, table in (("articles", "story_articles"), ("facts", "facts"), ("conflicts", "conflicts"), ("reviews", "reviews")):
        t = tables[table]
        counts[what] = dict(conn.execute(sa.select(t.c.story, sa.func.count()).group_by(t.c.story)).all())
    out = []
    for s in every(conn):
        if archived is None or s.archived == archived:
            out.append(StorySummary(s.id, s.name, s.created, s.archived, s.description,
                                    *(counts[w].get(s.id, 0) for w in ("articles", "facts", "conflicts", "reviews"))))
    return out


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    # SQLite caps bound parameters per statement (32766 in recent versions, 999 in old ones).
    for i in range(0, len(items), size):
        yield items[i:i + size]
