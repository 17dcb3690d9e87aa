"""Shared fixtures, builders and hypothesis strategies for the store tests (no tests here).

Backends: SQLite always; PostgreSQL when STORYLINE_TEST_PG_URL is set (``eval "$(bash
.ci/postgres.sh)"`` starts one). Each PostgreSQL test gets its own schema (via the
``search_path`` connection option), so tests never see each other's tables.
"""

from __future__ import annotations

import dataclasses
import os
import types
import typing
import uuid
from collections.abc import Iterator
from datetime import date, timezone
from typing import Any, Literal

import pytest
import sqlalchemy as sa
from hypothesis import strategies as st
from sqlalchemy.engine import make_url

from storyline.core.dates import parse_published
from storyline.core.ids import content_hash, make_id
from storyline.core.records import (
    Age,
    Article,
    ArticleEntity,
    ArticleReading,
    Claim,
    Conflict,
    Echo,
    Fact,
    Mention,
    Sentence,
    Source,
    Story,
    StoryEntity,
    TimelineEntry,
    Timex,
)

PG_ENV = "STORYLINE_TEST_PG_URL"
PG_SKIP = f'{PG_ENV} is not set: start a server with eval "$(bash .ci/postgres.sh)" to run the PostgreSQL tier'

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[str]:
    """A URL to an empty database on each backend."""
    if request.param == "sqlite":
        yield str(tmp_path / "story.db")
        return
    yield from pg_schema_url()


def pg_schema_url() -> Iterator[str]:
    """A URL whose connections work in a fresh schema of the test server; dropped afterwards."""
    base = os.environ.get(PG_ENV)
    if not base:
        if os.environ.get("STORYLINE_REQUIRE_PG"):  # CI starts a server: a missing URL is a failure there
            pytest.fail(f"STORYLINE_REQUIRE_PG is set but {PG_ENV} is not: the postgres tier must run")
        pytest.skip(PG_SKIP)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(make_url(base).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')
        admin.dispose()


def insert_old(conn: sa.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` into ``table`` as an older revision laid it out: only the columns the rows
    name (the current table may have more, such as schema 11's ``story`` key)."""
    from storyline.store.tables import tables

    if rows:
        conn.execute(sa.table(table, *(sa.column(c, tables[table].c[c].type) for c in rows[0])).insert(), rows)


# -- hand-built records ------------------------------------------------------------------


def reading(n: int, published: str | None = "2024-01-17", text: str | None = None) -> ArticleReading:
    """A small but complete reading: two entities, mentions, an age, a timex, two claims (with their
    content words), two sentences."""
    text = text or f"Article {n}: Mara Quinn, 42, split from Theo Vale last month, a source says. Vale denied it."
    aid = f"art-{n}"
    art = Article(aid, text, f"Outlet {n % 2}", parse_published(published), f"Title {n}", f"https://example.org/{n}", f"in/{n}.txt", "txt", content_hash(text))
    quinn = ArticleEntity(make_id("e", aid, "quinn"), aid, "Mara Quinn", "PERSON", ("Quinn", "the singer"), "female", {"roles": ["singer"]})
    vale = ArticleEntity(make_id("e", aid, "vale"), aid, "Theo Vale", "PERSON", ("Vale",), None, {})
    mentions = (
        Mention(make_id("m", aid, 1), aid, quinn.id, 12, 22, "Mara Quinn", "name"),
        Mention(make_id("m", aid, 2), aid, vale.id, 43, 52, "Theo Vale", "name"),
        Mention(make_id("m", aid, 3), aid, vale.id, 72, 76, "Vale", "name"),
    )
    age = Age(make_id("g", aid, 1), aid, quinn.id, 42, 24, 26, published)
    timex = Timex(make_id("t", aid, 1), aid, 53, 63, "last month", "DATE", "2023-12", None, "DCT")
    anon = Source("anonymous", "a source", 65, 73, None, "says", "indirect", None, "anonymous:1")
    named = Source("named_person", "Vale", 72, 76, vale.id, "denied", "none", None, None)
    claims = (
        Claim(make_id("c", aid, 1), aid, 12, 63, text[12:63], quinn.id, "separate", "separation", vale.id, timex.id, "positive", "probable", ("reportedly",), anon, 0, 80,
              lemmas=("mara", "quinn", "42", "split", "theo", "vale", "month")),
        Claim(make_id("c", aid, 2), aid, 72, 86, text[72:86], vale.id, "separate", "separation", None, None, "negative", "certain", (), named, 72, 87,
              lemmas=("vale", "deny")),
    )
    sentences = (
        Sentence(make_id("s", aid, 0, 74), aid, 0, 74, ("article", str(n), "mara", "quinn", "42", "split", "from", "theo", "vale",
                                                        "last", "month", "a", "source", "says")),
        Sentence(make_id("s", aid, 75, 90), aid, 75, 90, ("vale", "denied", "it")),
    )
    return ArticleReading(art, (quinn, vale), mentions, (age,), (timex,), claims, sentences)


def story(tag: str = "s", n_facts: int = 2) -> Story:
    """A story over readings 1 and 2, with ``n_facts`` facts, one conflict, echo and timeline entry."""
    r1, r2 = reading(1), reading(2)
    ent = StoryEntity(make_id("E", tag, "quinn"), "Mara Quinn", "PERSON", ("Quinn",), (r1.entities[0].id, r2.entities[0].id), ("same full name",))
    facts = tuple(
        Fact(make_id("f", tag, i), f"Quinn and Vale separated ({tag} {i})", "separation", (r1.claims[0].id, r2.claims[1].id),
             (r1.article.id, r2.article.id), ("Outlet 0", "Outlet 1"), 2, "contested", "anonymous", "2023-12")
        for i in range(n_facts)
    )
    conflict = Conflict(make_id("x", tag), facts[0].id, (r1.claims[0].id, r2.claims[1].id), "polarity", "one says they split, the other denies it")
    echo = Echo(make_id("o", tag), r2.claims[0].id, r1.claims[0].id, "identical quoted words")
    entry = TimelineEntry(make_id("l", tag), "2023-12", "2023-12-01", "2023-12-31", facts[0].id, "Split reported", "contested")
    return Story((ent,), facts, (conflict,), (echo,), (entry,))


# -- hypothesis strategies, derived from the records' annotations ------------------------

# PostgreSQL text cannot hold NUL; surrogates cannot be encoded. Everything else must survive.
TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20)
INT = st.integers(-(2**31), 2**31 - 1)
JSON = st.recursive(
    st.none() | st.booleans() | INT | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=8,
)


def _for(annotation: Any) -> st.SearchStrategy[Any]:
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return st.one_of(*(_for(a) for a in args))
    if annotation is type(None):
        return st.none()
    if origin is Literal:
        return st.sampled_from(args)
    if origin is tuple:
        return st.lists(_for(args[0]), max_size=4).map(tuple)
    if annotation is dict or origin is dict:
        return st.dictionaries(TEXT, JSON, max_size=4)
    if dataclasses.is_dataclass(annotation):
        return records(annotation)
    # A date field holds a date, or a datetime (naive or with a UTC offset) when a time is known.
    dates = st.dates() | st.datetimes() | st.datetimes(timezones=st.just(timezone.utc))
    return {str: TEXT, int: INT, float: st.floats(allow_nan=False, allow_infinity=False), bool: st.booleans(), date: dates}[annotation]


def records(cls: type) -> st.SearchStrategy[Any]:
    """Any instance of a record class, built field by field from its type hints."""
    hints = typing.get_type_hints(cls)
    return st.builds(cls, **{f.name: _for(hints[f.name]) for f in dataclasses.fields(cls)})


@st.composite
def readings(draw: st.DrawFn) -> ArticleReading:
    """A consistent reading: children point at its article and entities; ids unique per article."""
    art = draw(records(Article))
    aid = art.id

    def own(cls: type, n: int, **fixed: Any) -> tuple[Any, ...]:
        items = draw(st.lists(records(cls), max_size=n))
        return tuple(dataclasses.replace(r, id=f"{aid}/{cls.__name__}/{i}", **fixed) for i, r in enumerate(items))

    entities = own(ArticleEntity, 3, article=aid)
    linked = st.sampled_from([e.id for e in entities] or [None])
    mentions = tuple(dataclasses.replace(m, entity=draw(linked)) for m in own(Mention, 4, article=aid)) if entities else ()
    ages = tuple(dataclasses.replace(a, entity=draw(linked)) for a in own(Age, 2, article=aid)) if entities else ()
    r = ArticleReading(art, entities, mentions, ages, own(Timex, 3, article=aid), own(Claim, 3, article=aid),
                       own(Sentence, 3, article=aid))
    # A different reading must never look "already stored" to put_reading.
    return dataclasses.replace(r, article=dataclasses.replace(art, content_hash=content_hash(repr(r))))
