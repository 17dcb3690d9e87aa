"""SQLAlchemy tables derived from the records in :mod:`storyline.core.records`.

The records are the single source of truth: every table in ``TABLES`` gets one column per
field, with the type read from the field's annotation:

- ``str`` -> TEXT, ``int`` -> INTEGER, ``float`` -> FLOAT, ``bool`` -> BOOLEAN; ``date`` -> TEXT
  (ISO 8601, converted by :mod:`storyline.store.convert`); ``X | None``
  makes the column nullable, anything else is NOT NULL; ``Literal[...]`` is stored as TEXT.
- ``tuple[...]`` and ``dict`` -> JSON (a list / an object); a tuple of records
  (``Claim.quantities: tuple[Quantity, ...]``) is a list of objects.
- a nested record (``Claim.source: Source``) is flattened into ``<field>_<subfield>`` columns.

``id`` is the primary key; the tables of a story's account (``SCOPED_TABLES``) have a column
``story`` of the store's own and the key (story, id). Every table but ``articles`` and the
workspace's (stories, story_articles, reviews) has one column of the store's own, ``seq``: the
position of the row inside its ``ArticleReading``/``Story`` tuple, so reading back gives the
records in the order they were written. The Alembic migrations (``migrations/versions``) are written out by
hand; ``tests/test_store_schema.py`` compares them with :data:`metadata` so they cannot drift.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import sqlalchemy as sa

from storyline.core.records import TABLES

__all__ = [
    "ARTICLE_TABLES",
    "LINK_TABLES",
    "SCOPED_TABLES",
    "WORKSPACE_TABLES",
    "STORY_TABLES",
    "RecordColumn",
    "SCHEMA_KEY",
    "layout",
    "meta",
    "metadata",
    "tables",
]

# Which tables make up one ArticleReading / one Story, in insertion order (parents first).
ARTICLE_TABLES: tuple[str, ...] = ("articles", "article_entities", "mentions", "ages", "timexes", "claims", "sentences")
STORY_TABLES: tuple[str, ...] = ("entities", "facts", "events", "conflicts", "echoes", "timeline", "coverage")
# Link tables (storyline.store.links): derived from the story and the readings whenever the story
# is stored, so SQL tools follow facts to claims to articles by foreign key. Not part of Story.
LINK_TABLES: tuple[str, ...] = ("fact_claims", "echo_links")
# The workspace (schema 11): the stories, their articles, and the reviewers' verdicts on facts.
# Kept across re-analysis: replace_story never touches them.
WORKSPACE_TABLES: tuple[str, ...] = ("stories", "story_articles", "reviews")
# Tables holding one story's reconciled account: each has a ``story`` column (-> stories.id) and
# the primary key (story, id), since record ids are content hashes that two stories share when
# they hold the same articles.
SCOPED_TABLES: tuple[str, ...] = STORY_TABLES + LINK_TABLES

# Enforced references: (table, column) -> "table.column". Only links that always hold inside
# the unit stored in one transaction are enforced. Story tables do not reference article
# tables: replacing an article's reading must not be blocked by a stale story, which the next
# reconcile replaces anyway. Claim.subject/when/source.entity stay unenforced references
# (indexed where they are looked up) so a reading with an unresolved link is still stored;
# Fact.event too (added by migration 0009: SQLite cannot add an enforced reference in place).
FOREIGN_KEYS: dict[tuple[str, str], str] = {
    **{(t, "article"): "articles.id" for t in ARTICLE_TABLES if t != "articles"},
    ("mentions", "entity"): "article_entities.id",
    ("ages", "entity"): "article_entities.id",
    ("story_articles", "story"): "stories.id",
    ("story_articles", "article"): "articles.id",
    ("reviews", "story"): "stories.id",
}
# References between the tables of one story: (story, column) -> (story, id) of the parent, so
# a fact of one story is never taken for the same fact of another.
SCOPED_KEYS: dict[tuple[str, str], str] = {
    ("conflicts", "fact"): "facts",
    ("timeline", "fact"): "facts",
    ("fact_claims", "fact"): "facts",
    ("echo_links", "echo"): "echoes",
}
# The link tables' references to article tables: enforced, but ON DELETE SET NULL, so re-reading
# an article is never blocked by the story (whose next reconcile rewrites the links).
SOFT_KEYS: dict[tuple[str, str], str] = {
    ("fact_claims", "claim"): "claims.id",
    ("fact_claims", "age"): "ages.id",
    ("fact_claims", "mention"): "mentions.id",
    ("fact_claims", "article"): "articles.id",
    ("echo_links", "claim"): "claims.id",
    ("echo_links", "original"): "claims.id",
    ("echo_links", "article"): "articles.id",
    ("echo_links", "original_article"): "articles.id",
}
INDEXED: frozenset[tuple[str, str]] = (frozenset(FOREIGN_KEYS) | frozenset(SOFT_KEYS)
                                       | {("claims", "subject"), ("echoes", "claim"), ("facts", "event")})
# Tables whose rows carry no ``seq``: articles are listed by (published, id), the workspace's rows by
# their own names and times.
UNORDERED: frozenset[str] = frozenset({"articles", *WORKSPACE_TABLES})


@dataclass(frozen=True)
class RecordColumn:
    """One stored column and where its value lives in the record."""

    name: str
    path: tuple[str, ...]  # ("source", "kind") for a flattened nested field
    kind: Literal["scalar", "json"]
    py: type  # str, int, float, bool, date, tuple or dict
    nullable: bool
    doc: str
    item: type | None = None  # the record type of a tuple's items (stored as JSON objects), else None


_SCALARS: dict[type, type[sa.types.TypeEngine]] = {str: sa.Text, int: sa.Integer, float: sa.Float, bool: sa.Boolean, date: sa.Text}


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(annotation without None, whether None was allowed)."""
    args = typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        if len(rest) != 1:
            raise TypeError(f"unsupported union {annotation!r}")
        return rest[0], True
    return annotation, False


def _columns(cls: type, prefix: tuple[str, ...] = ()) -> list[RecordColumn]:
    hints = typing.get_type_hints(cls)
    cols: list[RecordColumn] = []
    for f in dataclasses.fields(cls):
        ann, nullable = _unwrap(hints[f.name])
        path = prefix + (f.name,)
        origin = typing.get_origin(ann) or ann
        doc = f.metadata.get("doc", "")
        if dataclasses.is_dataclass(ann):
            if nullable:
                # A whole-None nested record could not be told from one with all-None fields.
                raise TypeError(f"{cls.__name__}.{f.name}: optional nested records are not supported")
            cols.extend(_columns(ann, path))
        elif origin is Literal:
            cols.append(RecordColumn("_".join(path), path, "scalar", str, nullable, doc))
        elif origin in (tuple, dict):
            args = typing.get_args(ann)
            item = args[0] if origin is tuple and args and dataclasses.is_dataclass(args[0]) else None
            cols.append(RecordColumn("_".join(path), path, "json", origin, nullable, doc, item))
        elif origin in _SCALARS:
            cols.append(RecordColumn("_".join(path), path, "scalar", origin, nullable, doc))
        else:
            raise TypeError(f"{cls.__name__}.{f.name}: no column type for {ann!r}")
    return cols


def layout(table: str) -> tuple[RecordColumn, ...]:
    """The record columns of ``table`` (without ``seq``), in field order."""
    return _LAYOUTS[table]


def _sa_type(col: RecordColumn) -> sa.types.TypeEngine:
    return sa.JSON() if col.kind == "json" else _SCALARS[col.py]()


def _table(name: str, cols: tuple[RecordColumn, ...], md: sa.MetaData) -> sa.Table:
    items: list[Any] = []
    scoped = name in SCOPED_TABLES
    if scoped:
        items.append(sa.Column("story", sa.Text, sa.ForeignKey("stories.id", ondelete="CASCADE", name=f"fk_{name}_story"),
                               primary_key=True, nullable=False))
    for c in cols:
        args: list[Any] = []
        fk = FOREIGN_KEYS.get((name, c.name))
        if fk:
            args.append(sa.ForeignKey(fk, ondelete="CASCADE", name=f"fk_{name}_{c.name}"))
        elif (name, c.name) in SOFT_KEYS:
            args.append(sa.ForeignKey(SOFT_KEYS[(name, c.name)], ondelete="SET NULL", name=f"fk_{name}_{c.name}"))
        items.append(
            sa.Column(c.name, _sa_type(c), *args, primary_key=c.name == "id", nullable=c.nullable)
        )
        if parent := SCOPED_KEYS.get((name, c.name)):
            items.append(sa.ForeignKeyConstraint(["story", c.name], [f"{parent}.story", f"{parent}.id"],
                                                 ondelete="CASCADE", name=f"fk_{name}_{c.name}"))
            items.append(sa.Index(f"ix_{name}_{c.name}", "story", c.name))
        elif (name, c.name) in INDEXED:
            items.append(sa.Index(f"ix_{name}_{c.name}", *(("story",) if scoped and (name, c.name) not in SOFT_KEYS else ()), c.name))
    if name not in UNORDERED:
        items.append(sa.Column("seq", sa.Integer, nullable=False))
    if name == "stories":
        items.append(sa.UniqueConstraint("name", name="uq_stories_name"))
    return sa.Table(name, md, *items)


_LAYOUTS: dict[str, tuple[RecordColumn, ...]] = {name: tuple(_columns(cls)) for name, cls in TABLES.items()}
for _name, _cols in _LAYOUTS.items():
    if not _cols or _cols[0].name != "id":
        raise TypeError(f"record for table {_name!r} must start with an `id` field")

metadata = sa.MetaData()
"""All storyline tables; the target of the Alembic migrations."""

meta = sa.Table(
    "meta",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
"""Key/value facts about the database itself; ``schema_version`` is the layout version."""
SCHEMA_KEY = "schema_version"

tables: dict[str, sa.Table] = {name: _table(name, cols, metadata) for name, cols in _LAYOUTS.items()}
"""Table name -> Table, in ``storyline.core.records.TABLES`` order."""

if set(ARTICLE_TABLES) | set(STORY_TABLES) | set(LINK_TABLES) | set(WORKSPACE_TABLES) != set(tables):
    raise TypeError("storyline.core.records.TABLES and the store's ARTICLE_TABLES/STORY_TABLES/LINK_TABLES/WORKSPACE_TABLES disagree")

# -- The workspace's own tables (``storyline serve``) ------------------------------------------
# Not records of the story: who may use the workspace and what it is doing. Declared by hand on
# the same metadata, so migration 0012 and the drift test cover them like the record tables.
# Times are ISO 8601 UTC text, as every date in the store. Secrets are never stored: a password
# as its argon2 hash, a session or API token as the SHA-256 of the random value handed out.
DESK_TABLES: tuple[str, ...] = ("accounts", "api_tokens", "sessions", "jobs", "feeds")

accounts = sa.Table(
    "accounts", metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("password", sa.Text, nullable=False),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("created", sa.Text, nullable=False),
    sa.Column("disabled", sa.Boolean, nullable=False),
)  # fmt: skip
"""Who may sign in: a name, the argon2 hash of the password, a role (reader, editor, admin)."""

api_tokens = sa.Table(
    "api_tokens", metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("account", sa.Text, sa.ForeignKey("accounts.name", ondelete="CASCADE", name="fk_api_tokens_account"),
              nullable=False),
    sa.Column("digest", sa.Text, nullable=False, unique=True),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("created", sa.Text, nullable=False),
    sa.Column("last_used", sa.Text, nullable=True),
    sa.Index("ix_api_tokens_account", "account"),
)  # fmt: skip
"""Tokens for scripts (``Authorization: Bearer``): the SHA-256 of the token, its account and label."""

sessions = sa.Table(
    "sessions", metadata,
    sa.Column("digest", sa.Text, primary_key=True),
    sa.Column("account", sa.Text, sa.ForeignKey("accounts.name", ondelete="CASCADE", name="fk_sessions_account"),
              nullable=False),
    sa.Column("csrf", sa.Text, nullable=False),
    sa.Column("created", sa.Text, nullable=False),
    sa.Column("expires", sa.Text, nullable=False),
    sa.Index("ix_sessions_account", "account"),
)  # fmt: skip
"""Signed-in browsers: the SHA-256 of the session cookie, its account, the form token (CSRF)."""

jobs = sa.Table(
    "jobs", metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("story", sa.Text, nullable=False),
    sa.Column("account", sa.Text, nullable=True),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("state", sa.Text, nullable=False),
    sa.Column("created", sa.Text, nullable=False),
    sa.Column("finished", sa.Text, nullable=True),
    sa.Column("done", sa.Integer, nullable=False),
    sa.Column("total", sa.Integer, nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("summary", sa.JSON, nullable=True),
    sa.Index("ix_jobs_story", "story"),
)  # fmt: skip
"""Analysis runs started from the workspace: state (queued, running, done, failed, cancelled),
progress, and the run summary (schema storyline-run/1) when it ended."""

feeds = sa.Table(
    "feeds", metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("story", sa.Text, nullable=False),
    sa.Column("url", sa.Text, nullable=False),
    sa.Column("minutes", sa.Integer, nullable=False),
    sa.Column("account", sa.Text, nullable=True),
    sa.Column("created", sa.Text, nullable=False),
    sa.Column("checked", sa.Text, nullable=True),
    sa.Column("job", sa.Text, nullable=True),
    sa.Index("ix_feeds_story", "story"),
)  # fmt: skip
"""Feeds watched for a story: fetched every ``minutes`` as a job of the account that added them
(``checked``: when the last job was made, ``job``: its id)."""
