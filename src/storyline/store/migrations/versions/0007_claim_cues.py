"""Claim cues (SCHEMA_VERSION 7): ``claims.cues``, the wording cues the read stage found in a claim.

A JSON list of names (``storyline.read.cues.CLAIM_CUES``); with it ``claims.context_when`` (the timex
the claim's context gives) and ``ages.when`` / ``ages.past`` (the past moment an age held on). Rows
stored before have an empty list, nulls and false, so their articles are listed in ``meta``
(``stale_readings``) and the next ``analyze`` given them reads them again, though their text is
unchanged; until then they reconcile as if none of it were written.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import json

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
    # The stored readings have none of this: list their articles to be read again by the next
    # analyze given them (storyline.store.sql.STALE_KEY).
    ids = sorted(r[0] for r in op.get_bind().execute(sa.text("SELECT id FROM articles")))
    if ids:
        op.execute(_META.insert().values(key="stale_readings", value=json.dumps(ids)))
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("cues")
        batch.drop_column("context_when")
    with op.batch_alter_table("ages") as batch:
        batch.drop_column("when")
        batch.drop_column("past")
    op.execute(_META.delete().where(_META.c.key == "stale_readings"))
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value="6"))
