"""Claim cues (SCHEMA_VERSION 7): ``claims.cues``, the wording cues the read stage found in a claim.

A JSON list of names (``storyline.read.cues.CLAIM_CUES``); with it ``claims.context_when`` (the timex
the claim's context gives) and ``ages.when`` / ``ages.past`` (the past moment an age held on). Rows
stored before have an empty list, nulls and false: they reconcile as if none of it were written,
until the articles are read again.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

SCHEMA_VERSION = 7
_META = sa.table("meta", sa.column("key", sa.Text), sa.column("value", sa.Text))


def upgrade() -> None:
    op.add_column("claims", sa.Column("cues", sa.JSON, nullable=False, server_default=sa.text("'[]'")))
    op.add_column("claims", sa.Column("context_when", sa.Text, nullable=True))
    op.add_column("ages", sa.Column("when", sa.Text, nullable=True))
    op.add_column("ages", sa.Column("past", sa.Boolean, nullable=False, server_default=sa.false()))
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("cues")
        batch.drop_column("context_when")
    with op.batch_alter_table("ages") as batch:
        batch.drop_column("when")
        batch.drop_column("past")
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value="6"))
