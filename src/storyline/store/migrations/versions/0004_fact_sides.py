"""Fact sides and updates (SCHEMA_VERSION 4): the claim a fact's statement is written from, the claims
that support and dispute it, the claims a later report superseded, and notes on those updates
(``facts.statement_claim`` ... ``facts.notes``).

Facts stored before this revision get a null statement claim and empty lists (re-analyse to fill
them; the dossier then falls back to siding claims by their conflicts and polarity).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SCHEMA_VERSION = 4
_META = sa.table("meta", sa.column("key", sa.Text), sa.column("value", sa.Text))
_LISTS = ("supporting", "disputing", "superseded", "notes")


def upgrade() -> None:
    op.add_column("facts", sa.Column("statement_claim", sa.Text, nullable=True))
    for name in _LISTS:
        op.add_column("facts", sa.Column(name, sa.JSON, nullable=False, server_default=sa.text("'[]'")))
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))


def downgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        for name in reversed(_LISTS):
            batch.drop_column(name)
        batch.drop_column("statement_claim")
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value="3"))
