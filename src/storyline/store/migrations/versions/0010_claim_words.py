"""Claim words and sentences (SCHEMA_VERSION 10): ``claims.lemmas`` and table ``sentences``.

``claims.lemmas`` holds a claim's content words (lower-case lemmas, a JSON list); ``sentences``
the reader's sentences of each article (offsets and their lower-case word forms). The reconcile
stage compares these and never tokenises text itself. Rows stored before have an empty list and
no sentences, so their articles are listed in ``meta`` (``stale_readings``, joining any 0007
or 0008 listed and not yet read again) and the next ``analyze`` given them reads them again, though their
text is unchanged; until then they reconcile without words: no alignment or echo by wording.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SCHEMA_VERSION = 10
_META = sa.table("meta", sa.column("key", sa.Text), sa.column("value", sa.Text))
_STALE = "stale_readings"  # storyline.store.sql.STALE_KEY, as of this revision


def upgrade() -> None:
    op.add_column("claims", sa.Column("lemmas", sa.JSON, nullable=False, server_default=sa.text("'[]'")))
    op.create_table(
        "sentences",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("article", sa.Text, sa.ForeignKey("articles.id", ondelete="CASCADE", name="fk_sentences_article"),
                  nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("words", sa.JSON, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
    )
    op.create_index("ix_sentences_article", "sentences", ["article"])
    # The stored readings have no words: list their articles to be read again by the next analyze
    # given them (storyline.store.sql.STALE_KEY), with those 0007 and 0008 listed that are still waiting.
    conn = op.get_bind()
    ids = {r[0] for r in conn.execute(sa.text("SELECT id FROM articles"))}
    listed = conn.execute(sa.select(_META.c.value).where(_META.c.key == _STALE)).scalar()
    ids |= set(json.loads(listed)) if listed else set()
    op.execute(_META.delete().where(_META.c.key == _STALE))
    if ids:
        op.execute(_META.insert().values(key=_STALE, value=json.dumps(sorted(ids))))
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))


def downgrade() -> None:
    op.drop_index("ix_sentences_article", "sentences")
    op.drop_table("sentences")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("lemmas")
    # The articles listed stay listed: read again, they lose nothing revision 0009 records.
    op.execute(_META.update().where(_META.c.key == "schema_version").values(value="9"))
