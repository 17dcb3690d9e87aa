"""Quantities and age wording (SCHEMA_VERSION 2): ``claims.quantities``, ``mentions.quantities``, ``ages.text``.

The read stage now writes what the reconcile stage used to re-read from the text: the numbers of
each claim, the age or count written right after a mention, and an age's wording. Rows stored
before this revision get empty lists and an empty wording (re-analyse to fill them).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SCHEMA_VERSION = 2
_META = sa.table("meta", sa.column("key", sa.Text), sa.column("value", sa.Text))


def upgrade() -> None:
    op.add_column("claims", sa.Column("quantities", sa.JSON, nullable=False, server_default=sa.text("'[]'")))
    op.add_column("mentions", sa.Column("quantities", sa.JSON, nullable=False, server_default=sa.text("'[]'")))
    op.add_column("ages", sa.Column("text", sa.Text, nullable=False, server_default=sa.text("''")))
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))


def downgrade() -> None:
    with op.batch_alter_table("ages") as batch:
        batch.drop_column("text")
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("quantities")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("quantities")
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value="1"))
