"""Claim cues (SCHEMA_VERSION 7): ``claims.cues``, the wording cues the read stage found in a claim.

A JSON list of names (``storyline.read.cues.CLAIM_CUES``). Rows stored before have an empty list:
their claims reconcile as if no cue were written, until the articles are read again.

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
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("cues")
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value="6"))
