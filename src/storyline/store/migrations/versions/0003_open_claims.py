"""Open-domain claims (SCHEMA_VERSION 3): the predicate's span, part of speech, WordNet key and class,
whether it is eventive, and the claim's place (``claims.predicate_start`` ... ``claims.place``).

Rows stored before this revision get nulls (and ``eventive`` true): re-analyse to fill them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

SCHEMA_VERSION = 3
_META = sa.table("meta", sa.column("key", sa.Text), sa.column("value", sa.Text))
_COLUMNS = (
    ("predicate_start", sa.Integer),
    ("predicate_end", sa.Integer),
    ("predicate_pos", sa.Text),
    ("event_key", sa.Text),
    ("frame", sa.Text),
    ("place", sa.Text),
)


def upgrade() -> None:
    for name, kind in _COLUMNS:
        op.add_column("claims", sa.Column(name, kind, nullable=True))
    op.add_column("claims", sa.Column("eventive", sa.Boolean, nullable=False, server_default=sa.true()))
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("eventive")
        for name, _ in reversed(_COLUMNS):
            batch.drop_column(name)
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value="2"))
