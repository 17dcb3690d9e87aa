"""Stories (SCHEMA_VERSION 11): many stories in one database, their articles, and reviews.

- ``stories`` (id, unique name, created, archived, description) and ``story_articles`` (which
  articles each story holds; many to many: an article is read once and may belong to several).
- Every table of a story's account (entities, facts, events, conflicts, echoes, timeline,
  coverage, fact_claims, echo_links) gains a ``story`` column (-> stories.id) and the primary key
  (story, id); its references to facts and echoes become (story, fact) -> facts (story, id).
- ``reviews``: reviewers' verdicts on facts, anchored on the claims the fact rested on.

A database holding articles or a story is upgraded in place: its one story becomes the story
named ``main``, holding every stored article, and every row of the story tables is kept with
``story`` set to it (its coverage too, so a current story stays current). Changing a primary key
needs new tables on both backends: the rows are read into memory (a story's account is small next
to its readings, which are not touched), the old tables dropped children first (so no ON DELETE
CASCADE fires) and the new ones created and filled. Column types and order are taken from the
tables as they are (revision 0010), so nothing of a column changes but its keys.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

SCHEMA_VERSION = 11
_META = sa.table("meta", sa.column("key", sa.Text), sa.column("value", sa.Text))
MAIN = "main"  # the name of the story an upgraded database's story becomes

# Parents first. As of this revision (storyline.store.tables.SCOPED_TABLES, SCOPED_KEYS, SOFT_KEYS).
_SCOPED = ("entities", "facts", "events", "echoes", "coverage", "conflicts", "timeline", "fact_claims", "echo_links")
_PARENT = {("conflicts", "fact"): "facts", ("timeline", "fact"): "facts", ("fact_claims", "fact"): "facts",
           ("echo_links", "echo"): "echoes"}
_SOFT = {
    ("fact_claims", "claim"): "claims.id", ("fact_claims", "age"): "ages.id", ("fact_claims", "mention"): "mentions.id",
    ("fact_claims", "article"): "articles.id", ("echo_links", "claim"): "claims.id", ("echo_links", "original"): "claims.id",
    ("echo_links", "article"): "articles.id", ("echo_links", "original_article"): "articles.id",
}
_SCOPED_INDEXES = {("echoes", "claim"), ("facts", "event")}


def _story_id(name: str, created: str) -> str:
    """storyline.store.sql's id of a new story (make_id("s", name, created)), frozen here."""
    return "s-" + hashlib.sha256(f"{name}\x1f{created}".encode()).hexdigest()[:16]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _columns(old: sa.Table) -> list[sa.Column]:
    return [sa.Column(c.name, c.type, nullable=c.nullable) for c in old.columns if c.name != "story"]


def _rebuild(conn: sa.Connection, scoped: bool, story: str | None) -> None:
    """Copy every story table into a new one with (``scoped``) or without the ``story`` key.

    Going down, only the rows of ``story`` are kept (None: the database has no story, no rows)."""
    old = {name: sa.Table(name, sa.MetaData(), autoload_with=conn) for name in _SCOPED}
    rows: dict[str, list[dict[str, Any]]] = {}
    for name, t in old.items():
        query = sa.select(t)
        if not scoped:
            query = query.where(t.c.story == story)
        rows[name] = [{k: v for k, v in r.items() if k != "story"} for r in conn.execute(query).mappings()]
    for name in reversed(_SCOPED):
        op.drop_table(name)
    md = sa.MetaData()
    sa.Table("stories", md, sa.Column("id", sa.Text, primary_key=True))
    for name in ("claims", "ages", "mentions", "articles"):
        sa.Table(name, md, sa.Column("id", sa.Text, primary_key=True))
    for name in _SCOPED:
        items: list[Any] = []
        if scoped:
            items.append(sa.Column("story", sa.Text, sa.ForeignKey("stories.id", ondelete="CASCADE", name=f"fk_{name}_story"),
                                   primary_key=True, nullable=False))
        for col in _columns(old[name]):
            key = (name, col.name)
            if col.name == "id":
                col.primary_key = True
            elif key in _SOFT:
                col.append_foreign_key(sa.ForeignKey(_SOFT[key], ondelete="SET NULL", name=f"fk_{name}_{col.name}"))
            elif key in _PARENT and not scoped:
                col.append_foreign_key(sa.ForeignKey(f"{_PARENT[key]}.id", ondelete="CASCADE", name=f"fk_{name}_{col.name}"))
            items.append(col)
            if key in _PARENT and scoped:
                items.append(sa.ForeignKeyConstraint(["story", col.name], [f"{_PARENT[key]}.story", f"{_PARENT[key]}.id"],
                                                     ondelete="CASCADE", name=f"fk_{name}_{col.name}"))
            if key in _PARENT or key in _SCOPED_INDEXES:
                items.append(sa.Index(f"ix_{name}_{col.name}", *(("story",) if scoped else ()), col.name))
            elif key in _SOFT:
                items.append(sa.Index(f"ix_{name}_{col.name}", col.name))
        table = sa.Table(name, md, *items)
        table.create(conn)
        if rows[name]:
            conn.execute(table.insert(), [{**r, "story": story} if scoped else r for r in rows[name]])


def upgrade() -> None:
    conn = op.get_bind()
    op.create_table(
        "stories",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("created", sa.Text, nullable=False),
        sa.Column("archived", sa.Boolean, nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.UniqueConstraint("name", name="uq_stories_name"),
    )
    op.create_table(
        "story_articles",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("story", sa.Text, sa.ForeignKey("stories.id", ondelete="CASCADE", name="fk_story_articles_story"), nullable=False),
        sa.Column("article", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE", name="fk_story_articles_article"),
                  nullable=False),
        sa.Column("added", sa.Text, nullable=False),
    )
    op.create_index("ix_story_articles_story", "story_articles", ["story"])
    op.create_index("ix_story_articles_article", "story_articles", ["article"])
    op.create_table(
        "reviews",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("story", sa.Text, sa.ForeignKey("stories.id", ondelete="CASCADE", name="fk_reviews_story"), nullable=False),
        sa.Column("fact", sa.Text, nullable=False),
        sa.Column("anchor", sa.JSON, nullable=False),
        sa.Column("verdict", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("reviewer", sa.Text, nullable=False),
        sa.Column("at", sa.Text, nullable=False),
        sa.Column("statement", sa.Text, nullable=False),
    )
    op.create_index("ix_reviews_story", "reviews", ["story"])

    articles = [r[0] for r in conn.execute(sa.text("SELECT id FROM articles ORDER BY id"))]
    has_story = any(conn.execute(sa.text(f"SELECT 1 FROM {name} LIMIT 1")).first() for name in _SCOPED)
    story = None
    if articles or has_story:
        created = _now()
        story = _story_id(MAIN, created)
        conn.execute(sa.text("INSERT INTO stories (id, name, created, archived, description) VALUES (:i, :n, :c, :a, '')"),
                     {"i": story, "n": MAIN, "c": created, "a": False})
        if articles:
            member = "sa-"  # make_id("sa", story, article), as storyline.store.sql makes it
            conn.execute(
                sa.text("INSERT INTO story_articles (id, story, article, added) VALUES (:i, :s, :a, :t)"),
                [{"i": member + hashlib.sha256(f"{story}\x1f{a}".encode()).hexdigest()[:16], "s": story, "a": a, "t": created}
                 for a in articles],
            )
    _rebuild(conn, scoped=True, story=story)
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))


def downgrade() -> None:
    conn = op.get_bind()
    names = [r[0] for r in conn.execute(sa.text("SELECT name FROM stories ORDER BY name"))]
    if len(names) > 1:
        raise RuntimeError(f"cannot downgrade below schema 11: the database holds {len(names)} stories ({', '.join(names)}); "
                           "revision 0010 holds one. Copy each story to a database of its own first.")
    story = conn.execute(sa.text("SELECT id FROM stories")).scalar()
    _rebuild(conn, scoped=False, story=story)
    op.drop_table("reviews")
    op.drop_table("story_articles")
    op.drop_table("stories")
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value="10"))
