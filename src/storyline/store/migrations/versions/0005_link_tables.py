"""Link tables (SCHEMA_VERSION 5): ``fact_claims`` (what each fact rests on, with its side) and
``echo_links`` (each echo's two claims), with foreign keys so SQL tools such as ``datasette
story.db`` follow facts -> claims -> articles without a plugin.

Links into the article tables are ON DELETE SET NULL (re-reading an article is never blocked;
the next reconcile writes the links again); links into the story tables cascade. The rows are
derived from the stored story, so the upgrade fills them for a story stored before it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SCHEMA_VERSION = 5
_META = sa.table("meta", sa.column("key", sa.Text), sa.column("value", sa.Text))


def _ref(table: str, name: str, target: str, *, soft: bool) -> sa.Column:
    fk = sa.ForeignKey(target, ondelete="SET NULL" if soft else "CASCADE", name=f"fk_{table}_{name}")
    return sa.Column(name, sa.Text, fk, nullable=soft)


def upgrade() -> None:
    op.create_table(
        "fact_claims",
        sa.Column("id", sa.Text, primary_key=True),
        _ref("fact_claims", "fact", "facts.id", soft=False),
        sa.Column("ref", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        _ref("fact_claims", "claim", "claims.id", soft=True),
        _ref("fact_claims", "age", "ages.id", soft=True),
        _ref("fact_claims", "mention", "mentions.id", soft=True),
        _ref("fact_claims", "article", "articles.id", soft=True),
        sa.Column("seq", sa.Integer, nullable=False),
    )
    op.create_table(
        "echo_links",
        sa.Column("id", sa.Text, primary_key=True),
        _ref("echo_links", "echo", "echoes.id", soft=False),
        _ref("echo_links", "claim", "claims.id", soft=True),
        _ref("echo_links", "original", "claims.id", soft=True),
        _ref("echo_links", "article", "articles.id", soft=True),
        _ref("echo_links", "original_article", "articles.id", soft=True),
        sa.Column("seq", sa.Integer, nullable=False),
    )
    for table, columns in (("fact_claims", ("fact", "claim", "age", "mention", "article")),
                           ("echo_links", ("echo", "claim", "original", "article", "original_article"))):
        for c in columns:
            op.create_index(f"ix_{table}_{c}", table, [c])
    from storyline.store.links import (
        rebuild_links,  # the one derivation, also run on every story write
    )

    rebuild_links(op.get_bind(), None)  # the layout before schema 11: no story column
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))


def downgrade() -> None:
    op.drop_table("echo_links")
    op.drop_table("fact_claims")
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value="4"))
