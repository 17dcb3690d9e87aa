"""The workspace's own tables (SCHEMA_VERSION 12): ``accounts``, ``api_tokens``, ``sessions``, ``jobs``, ``feeds``.

What ``storyline serve`` keeps besides the story: accounts with hashed passwords and roles,
API tokens and browser sessions (stored as SHA-256 digests, never the secret), and the analysis
jobs started from the workspace, and the feeds it watches. Nothing in the story tables changes; no article is read again.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

SCHEMA_VERSION = 12
_META = sa.table("meta", sa.column("key", sa.Text), sa.column("value", sa.Text))


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("password", sa.Text, nullable=False),
        sa.Column("role", sa.Text, nullable=False),
        sa.Column("created", sa.Text, nullable=False),
        sa.Column("disabled", sa.Boolean, nullable=False),
    )
    for table in ("api_tokens", "sessions"):
        key = "id" if table == "api_tokens" else "digest"
        extra = (
            [sa.Column("digest", sa.Text, nullable=False, unique=True), sa.Column("label", sa.Text, nullable=False),
             sa.Column("created", sa.Text, nullable=False), sa.Column("last_used", sa.Text, nullable=True)]
            if table == "api_tokens" else
            [sa.Column("csrf", sa.Text, nullable=False), sa.Column("created", sa.Text, nullable=False),
             sa.Column("expires", sa.Text, nullable=False)]
        )  # fmt: skip
        op.create_table(
            table,
            sa.Column(key, sa.Text, primary_key=True),
            sa.Column("account", sa.Text, sa.ForeignKey("accounts.name", ondelete="CASCADE", name=f"fk_{table}_account"),
                      nullable=False),
            *extra,
        )
        op.create_index(f"ix_{table}_account", table, ["account"])
    op.create_table(
        "jobs",
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
    )
    op.create_index("ix_jobs_story", "jobs", ["story"])
    op.create_table(
        "feeds",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("story", sa.Text, nullable=False),
        sa.Column("url", sa.Text, nullable=False),
        sa.Column("minutes", sa.Integer, nullable=False),
        sa.Column("account", sa.Text, nullable=True),
        sa.Column("created", sa.Text, nullable=False),
        sa.Column("checked", sa.Text, nullable=True),
        sa.Column("job", sa.Text, nullable=True),
    )
    op.create_index("ix_feeds_story", "feeds", ["story"])
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))


def downgrade() -> None:
    op.drop_index("ix_feeds_story", "feeds")
    op.drop_table("feeds")
    op.drop_index("ix_jobs_story", "jobs")
    op.drop_table("jobs")
    for table in ("sessions", "api_tokens"):
        op.drop_index(f"ix_{table}_account", table)
        op.drop_table(table)
    op.drop_table("accounts")
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value="11"))
