"""Claim display (SCHEMA_VERSION 8): what a title or headline made from a claim shows, read once.

``claims.title_*`` (the whole clause around the claim, whether it was cut, the leading pronoun or
insertion point its subject's name takes, that entity, possessive, the contraction spelled out) and
``claims.headline_end`` (storyline.read.display), and ``ages.sentence_start`` / ``sentence_end``.
Rows stored before have nulls: the dossier and the TimelineJS export then show the claim as written
(the age alone), and their articles are listed in ``meta`` (``stale_readings``, with any already
listed) so the next ``analyze`` given them reads them again, though their text is unchanged.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

SCHEMA_VERSION = 8
_META = sa.table("meta", sa.column("key", sa.Text), sa.column("value", sa.Text))
_STALE = "stale_readings"
_CLAIM_COLUMNS = ("title_start", "title_end", "title_subject_start", "title_subject_end", "headline_end")


def upgrade() -> None:
    for name in _CLAIM_COLUMNS:
        op.add_column("claims", sa.Column(name, sa.Integer, nullable=True))
    op.add_column("claims", sa.Column("title_cut", sa.Boolean, nullable=False, server_default=sa.false()))
    op.add_column("claims", sa.Column("title_subject", sa.Text, nullable=True))
    op.add_column("claims", sa.Column("title_possessive", sa.Boolean, nullable=False, server_default=sa.false()))
    op.add_column("claims", sa.Column("title_clitic", sa.Text, nullable=True))
    op.add_column("ages", sa.Column("sentence_start", sa.Integer, nullable=True))
    op.add_column("ages", sa.Column("sentence_end", sa.Integer, nullable=True))
    # The stored readings have none of this: list their articles to be read again by the next
    # analyze given them (storyline.store.sql.STALE_KEY), adding to a list an earlier migration left.
    bind = op.get_bind()
    ids = {r[0] for r in bind.execute(sa.text("SELECT id FROM articles"))}
    listed = bind.execute(sa.select(_META.c.value).where(_META.c.key == _STALE)).scalar()
    ids |= set(json.loads(listed)) if listed else set()
    op.execute(_META.delete().where(_META.c.key == _STALE))
    if ids:
        op.execute(_META.insert().values(key=_STALE, value=json.dumps(sorted(ids))))
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))


def downgrade() -> None:
    with op.batch_alter_table("claims") as batch:
        for name in (*_CLAIM_COLUMNS, "title_cut", "title_subject", "title_possessive", "title_clitic"):
            batch.drop_column(name)
    with op.batch_alter_table("ages") as batch:
        batch.drop_column("sentence_start")
        batch.drop_column("sentence_end")
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value="7"))
