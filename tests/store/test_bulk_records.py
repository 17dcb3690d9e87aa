"""storyline.store.bulk.insert_records writes exactly the rows SQLAlchemy's own insert writes of
``to_row``'s dicts, the hostile text included (NUL, lone surrogates, characters beyond the BMP)."""

from __future__ import annotations

import dataclasses

import sqlalchemy as sa
from helpers.store import reading, readings
from hypothesis import HealthCheck, given, settings

from storyline.core.records import Quantity
from storyline.store.bulk import insert_records
from storyline.store.convert import to_row
from storyline.store.sql import _READING_FIELDS
from storyline.store.tables import ARTICLE_TABLES, UNORDERED, metadata, tables


def _hostile(n: int):
    """reading(n) with every kind of text the store must clean or keep: NUL and lone surrogates
    (replaced), an emoji (a surrogate pair in JSON text), non-ASCII, a literal backslash-u."""
    good = reading(n)
    art = dataclasses.replace(good.article, title="Ti\ud800tle \U0001f600", outlet="Out\x00let", text=good.article.text + " \\ud800 “é”")
    quinn = dataclasses.replace(good.entities[0], aliases=("Qu\x00inn", "the \udfffsinger", "😀", "\\u0000"),
                                attributes={"roles": ["sin\x00ger"], "k\x00": "v\ud800", "n": [1, 2.5, None, True]})
    vale = dataclasses.replace(good.entities[1], aliases=("Välé",), attributes={"quote": "“x”", "\\ud8": "\\u0000"})
    q = Quantity(1, 3, "two\x00", 2.0, None, "count", None, "people")
    mention = dataclasses.replace(good.mentions[0], quantities=(q, dataclasses.replace(q, text="🙂 two")))
    claims = (dataclasses.replace(good.claims[0], hedges=("reportedly\ud800",), cues=("😀",)), *good.claims[1:])
    return dataclasses.replace(good, article=art, entities=(quinn, vale), mentions=(mention, *good.mentions[1:]), claims=claims)


def _stored(reading_, ours: bool) -> dict[str, list[tuple]]:
    engine = sa.create_engine("sqlite://")
    metadata.create_all(engine)
    with engine.begin() as conn:
        for name in ARTICLE_TABLES:
            records = getattr(reading_, _READING_FIELDS[name]) if name != "articles" else (reading_.article,)
            if ours:
                insert_records(conn, name, records)
            elif records:
                conn.execute(tables[name].insert(), [to_row(name, r, None if name in UNORDERED else i) for i, r in enumerate(records)])
        # Values with their types: 1 and 1.0, or a JSON 'null' text and NULL, must not pass as equal.
        return {name: [tuple((type(v), v) for v in row) for row in conn.exec_driver_sql(f"SELECT * FROM {name} ORDER BY id")]
                for name in ARTICLE_TABLES}


def test_hostile_text_is_stored_as_sqlalchemy_stores_to_rows_dicts():
    r = _hostile(3)
    ours, theirs = _stored(r, True), _stored(r, False)
    assert ours == theirs
    assert all(theirs[name] for name in ARTICLE_TABLES)
    # the hostile values reached the database cleaned (not merely equal on both sides)
    stored = [v for name in ("articles", "article_entities", "mentions") for row in theirs[name] for t, v in row if t is str]
    assert not any("\x00" in v or "\ud800" in v for v in stored)
    assert sum("\ufffd" in v or "\\ufffd" in v for v in stored) >= 4


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(readings())
def test_any_reading_is_stored_as_sqlalchemy_stores_to_rows_dicts(r):
    assert _stored(r, True) == _stored(r, False)
