"""Story coverage (SCHEMA_VERSION 6): table ``coverage``, the articles the stored story was reconciled from.

One row, replaced with the story in the same transaction: the SHA-256 of the sorted (article id,
content hash) pairs and their count. A story whose coverage differs from the stored articles (an
``analyze`` stopped between storing its articles and saving the story, two runs at once) is out of
date, and ``analyze``, ``export`` and ``report`` reconcile it again. A database upgraded from an
earlier revision has no row, so its story is reconciled once, by the next command that reads it.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

SCHEMA_VERSION = 6
_META = sa.table("meta", sa.column("key", sa.Text), sa.column("value", sa.Text))


def upgrade() -> None:
    op.create_table(
        "coverage",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
    )
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))


def downgrade() -> None:
    op.drop_table("coverage")
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value="5"))
