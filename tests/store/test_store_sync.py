"""Saving a story writes only the rows that changed (storyline.store.sync), and stores exactly
what deleting and inserting every row stores: compared column by column, ``seq`` included, with
the same account saved afresh as another story of the same database."""

from __future__ import annotations

import dataclasses
import itertools
import json

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from helpers.store import db_url, reading, records, story  # noqa: F401  (db_url is a fixture)

from storyline.core.ids import make_id
from storyline.core.records import Conflict, Echo, Event, Fact, Story, StoryEntity, TimelineEntry
from storyline.store import open_store
from storyline.store.tables import SCOPED_TABLES, tables

_fresh = itertools.count()


def _rows(store, name: str) -> dict[str, list]:
    """Every scoped table's rows of the story ``name``, without the story column, by id."""
    with store._engine.connect() as conn:
        sid = conn.execute(sa.select(tables["stories"].c.id).where(tables["stories"].c.name == name)).scalar_one()
        out = {}
        for t in SCOPED_TABLES:
            cols = [c for c in tables[t].c if c.name != "story"]
            out[t] = [tuple(r) for r in conn.execute(sa.select(*cols).where(tables[t].c.story == sid).order_by(tables[t].c.id))]
        return out


def _afresh(store, account: Story) -> dict[str, list]:
    name = f"afresh-{next(_fresh)}"
    assert store.replace_story(account, name)
    assert sum(store.rows_written.values()) == sum(len(v) for v in _rows(store, name).values())  # all inserted
    return _rows(store, name)


def test_adding_a_fact_writes_its_rows_and_the_moved_positions_only(db_url: str) -> None:  # noqa: F811
    with open_store(db_url) as store:
        store.put_reading(reading(1))
        store.put_reading(reading(2))
        before = story("s", n_facts=6)
        assert store.replace_story(before, "main")
        assert store.replace_story(before, "main")
        assert sum(store.rows_written.values()) == 0  # the same account: nothing written
        extra = dataclasses.replace(before.facts[0], id=make_id("f", "new"), statement="A new fact")
        changed = dataclasses.replace(before.facts[3], statement="Quinn and Vale separated (reworded)")
        after = dataclasses.replace(before, facts=(extra, *before.facts[:3], changed, *before.facts[5:]))
        assert store.replace_story(after, "main")
        written = store.rows_written
        assert store.story("main") == after
        assert _rows(store, "main") == _afresh(store, after)
    # facts: one inserted, one updated, one deleted, the rest moved by one; links alike (two claims a fact)
    assert written["facts"] == 6 and written["fact_claims"] == 12 and written["entities"] == 0


_IDS = [make_id("f", "pool", i) for i in range(5)]


@st.composite
def _accounts(draw: st.DrawFn) -> Story:
    """A story whose facts come from a small pool of ids (so saves overwrite, move and drop them),
    citing stored claims and others, with conflicts and timeline entries of its facts."""
    cited = [c.id for n in (1, 2) for c in reading(n).claims] + ["c-not-stored", "g-x", "m-y"]
    ids = draw(st.lists(st.sampled_from(_IDS), unique=True, max_size=5))
    facts = tuple(dataclasses.replace(
        draw(records(Fact)), id=i, claims=tuple(draw(st.lists(st.sampled_from(cited), max_size=3, unique=True))),
        statement=draw(st.sampled_from(["a", "b"])), statement_claim=draw(st.sampled_from([None, cited[0]])),
        supporting=(), disputing=(), superseded=(), event=None) for i in ids)
    for_facts = st.sampled_from(ids)
    conflicts = tuple(dataclasses.replace(draw(records(Conflict)), id=f"x{k}", fact=draw(for_facts), claims=(cited[0], cited[1]))
                      for k in range(draw(st.integers(0, 2)))) if ids else ()
    timeline = tuple(dataclasses.replace(draw(records(TimelineEntry)), id=f"l{k}", fact=draw(for_facts))
                     for k in range(draw(st.integers(0, 2)))) if ids else ()
    echoes = tuple(dataclasses.replace(draw(records(Echo)), id=f"o{k}", claim=draw(st.sampled_from(cited)),
                                       original=draw(st.sampled_from([None, *cited]))) for k in range(draw(st.integers(0, 2))))
    entities = tuple(dataclasses.replace(draw(records(StoryEntity)), id=f"E{k}") for k in draw(st.lists(st.integers(0, 3), unique=True)))
    events = tuple(dataclasses.replace(draw(records(Event)), id=f"v{k}") for k in draw(st.lists(st.integers(0, 2), unique=True)))
    return Story(entities=entities, facts=facts, conflicts=conflicts, echoes=echoes, timeline=timeline, events=events)


_SLOW = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]


@settings(max_examples=8, deadline=None, suppress_health_check=_SLOW)
@given(st.lists(_accounts(), min_size=2, max_size=4))
def test_saves_in_a_row_store_what_one_save_stores(db_url: str, accounts: list[Story]) -> None:  # noqa: F811
    _grow(db_url, accounts)


# 200 examples take 35 s on one core: the heavy tier (CI) runs them; the default run has the 8 above.
@pytest.mark.fuzz
@pytest.mark.heavy
@settings(max_examples=200, deadline=None, suppress_health_check=_SLOW)
@given(st.lists(_accounts(), min_size=2, max_size=6))
def test_saves_in_a_row_store_what_one_save_stores_fuzz(db_url: str, accounts: list[Story]) -> None:  # noqa: F811
    _grow(db_url, accounts)


def _grow(db_url: str, accounts: list[Story]) -> None:
    with open_store(db_url) as store:
        store.put_reading(reading(1), "main")
        store.put_reading(reading(2), "main")
        name = f"grown-{next(_fresh)}"
        for account in accounts:
            assert store.replace_story(account, name)
            assert store.story(name) == account
            assert _rows(store, name) == _afresh(store, account)


def test_a_json_value_is_the_same_only_as_the_same_text(db_url: str) -> None:  # noqa: F811
    """A JSON column is left alone only when the text it holds is the text the new value is
    written as: 1 and true, 1 and 1.0, an object's keys in another order are written again
    (as a full rewrite would), a tuple and the list it reads back as are not."""
    with open_store(db_url) as store:
        store.put_reading(reading(1))
        base = story("s", n_facts=3)
        written = []
        for notes in [(1,), (1,), [1], (True,), (1.0,), ({"a": 1, "b": 2},), ({"a": 1, "b": 2},), ({"b": 2, "a": 1},)]:
            account = dataclasses.replace(base, facts=(dataclasses.replace(base.facts[0], notes=notes), *base.facts[1:]))
            assert store.replace_story(account, "main")
            written.append(store.rows_written["facts"])
            with store._engine.connect() as conn:
                t = tables["facts"]
                text = conn.execute(sa.select(sa.cast(t.c.notes, sa.Text)).where(t.c.id == base.facts[0].id)).scalar_one()
            assert text == json.dumps(notes)  # the new value's text, whatever was stored before
    assert written == [3, 0, 0, 1, 1, 1, 0, 1]


# -- a story's first save: its rows inserted straight from the records -------------------------


def _typed(store, name: str) -> dict[str, list]:
    """The story's rows of every scoped table, each value with its type (1 and 1.0, a JSON 'null'
    text and NULL must not pass as equal), without the story column, by id."""
    with store._engine.connect() as conn:
        sid = conn.execute(sa.select(tables["stories"].c.id).where(tables["stories"].c.name == name)).scalar_one()
        out = {}
        for t in SCOPED_TABLES:
            cols = [c for c in tables[t].c if c.name != "story"]
            out[t] = [tuple((type(v), v) for v in r)
                      for r in conn.execute(sa.select(*cols).where(tables[t].c.story == sid).order_by(tables[t].c.id))]
        return out


def _saved_through_dicts(store, account: Story, name: str) -> None:
    """The rows a first save wrote before it inserted records straight: SQLAlchemy's own insert
    of to_row's dicts, the links looked up id by id."""
    from storyline.store import stories
    from storyline.store.convert import to_row
    from storyline.store.links import link_records
    from storyline.store.sql import _STORY_FIELDS

    with store._tx(write=True) as conn:
        sid = stories.create(conn, name).id
        held = {t: getattr(account, f) for t, f in _STORY_FIELDS.items()}
        records = {t: v if isinstance(v, tuple) else () if v is None else (v,) for t, v in held.items()}
        records |= link_records(conn, account.facts, account.conflicts, account.echoes)
        for t in SCOPED_TABLES:
            if records[t]:
                conn.execute(tables[t].insert(), [to_row(t, r, i) | {"story": sid} for i, r in enumerate(records[t])])


def _hostile_account() -> Story:
    base = story("h", n_facts=3)
    odd = dataclasses.replace(base.entities[0], name="Ma\x00ra \ud800Quinn 😀", aliases=("Qu\x00inn", "\\u0000", "Välé"),
                              evidence=())
    fact = dataclasses.replace(base.facts[1], statement="“Split” \\ud800 é", claims=(*base.facts[1].claims, "c-not-stored", "g-x", "m-y"))
    return dataclasses.replace(base, entities=(odd,), facts=(base.facts[0], fact, base.facts[2]))


def _first_saves_match(db_url: str, accounts: list[Story]) -> None:  # noqa: F811
    with open_store(db_url) as store:
        # reading 1 is the saved story's article; reading 2, cited too, belongs to no story
        store.put_reading(reading(1), "main")
        store.put_reading(reading(2), "*")
        for account in accounts:
            ours, theirs = f"ours-{next(_fresh)}", f"theirs-{next(_fresh)}"
            store.add_articles(store.ensure_story(ours).name, [reading(1).article.id])
            assert store.replace_story(account, ours)
            _saved_through_dicts(store, account, theirs)
            assert _typed(store, ours) == _typed(store, theirs)
            assert store.story(ours) == store.story(theirs)


def test_a_first_save_stores_what_sqlalchemy_stores_of_to_rows_dicts(db_url: str) -> None:  # noqa: F811
    account = _hostile_account()
    _first_saves_match(db_url, [account, story("s", n_facts=4)])
    with open_store(db_url) as store:
        store.put_reading(reading(1), "main")
        store.put_reading(reading(2), "*")
        assert store.replace_story(account, "main")
        links = {(link.fact, link.ref): link for link in store.links("main")[0]}
    # the claims of an article outside the story are linked as well as the story's own
    r2 = reading(2).claims[1].id
    assert links[(account.facts[0].id, r2)].claim == r2 and links[(account.facts[0].id, r2)].article == "art-2"
    assert links[(account.facts[1].id, "c-not-stored")].claim is None


@settings(max_examples=8, deadline=None, suppress_health_check=_SLOW)
@given(st.lists(_accounts(), min_size=1, max_size=3))
def test_any_first_save_stores_what_sqlalchemy_stores_of_to_rows_dicts(db_url: str, accounts: list[Story]) -> None:  # noqa: F811
    _first_saves_match(db_url, accounts)
