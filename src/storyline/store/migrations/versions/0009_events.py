"""Events (SCHEMA_VERSION 9): table ``events`` and ``facts.event``, the happenings facts tell of.

An event groups the facts about one happening (storyline.reconcile.events); each fact names its
event (an age or a count of children names none). A story stored before has no events, so the
``coverage`` row is removed: the story counts as out of date, and the next ``analyze``, ``export``
or ``report`` reconciles it again, which fills both.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

SCHEMA_VERSION = 9
_META = sa.table("meta", sa.column("key", sa.Text), sa.column("value", sa.Text))


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("facts", sa.JSON, nullable=False),
        sa.Column("when", sa.Text, nullable=True),
        sa.Column("seq", sa.Integer, nullable=False),
    )
    # An indexed, unenforced reference (as Claim.subject): SQLite cannot add an enforced one to a
    # table in place, and copying ``facts`` would cascade to the rows that reference it.
    op.add_column("facts", sa.Column("event", sa.Text, nullable=True))
    op.create_index("ix_facts_event", "facts", ["event"])
    op.execute(sa.text("DELETE FROM coverage"))
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))


def downgrade() -> None:
    op.drop_index("ix_facts_event", "facts")
    op.drop_column("facts", "event")
    op.drop_table("events")
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value="8"))
