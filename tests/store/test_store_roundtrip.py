"""Hypothesis round-trips: records -> rows -> records, in memory and through each backend."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from helpers.store import db_url, readings, records  # noqa: F401  (db_url is a fixture)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.core.records import (
    TABLES,
    Conflict,
    Coverage,
    Echo,
    Event,
    Fact,
    Mention,
    Story,
    StoryEntity,
    TimelineEntry,
)
from storyline.store import open_store
from storyline.store.convert import from_row, to_row
from storyline.store.tables import SCOPED_TABLES, UNORDERED, tables

DB_SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.fuzz
@pytest.mark.parametrize("table", list(TABLES))
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_record_row_round_trip(table: str, data: st.DataObject) -> None:
    record = data.draw(records(TABLES[table]))
    row = to_row(table, record, seq=None if table in UNORDERED else 5)
    # ``story`` is the store's own column on the tables of a story's account (as ``seq``), not a field
    assert set(row) == {c.name for c in tables[table].columns} - ({"story"} if table in SCOPED_TABLES else set())
    stored = json.loads(json.dumps(row))  # what a database can hold: JSON-able values only
    assert from_row(table, stored) == record


def test_quantities_stored_before_their_context_fields_load_with_defaults() -> None:
    """Claims and mentions stored before a Quantity had near, area, role, ... (JSON without those
    keys) still load: the missing fields take their defaults, so no migration is needed."""
    row = to_row("mentions", Mention("m1", "a1", "e1", 0, 10, "the couple", "nominal"), seq=0)
    row["quantities"] = [{"value": 12.0, "unit": "people", "modifier": "at_least", "start": 0, "end": 18,
                          "text": "at least 12 people", "measure": None, "ordinal": False}]
    (q,) = from_row("mentions", json.loads(json.dumps(row))).quantities
    assert (q.value, q.unit, q.modifier, q.text) == (12.0, "people", "at_least", "at least 12 people")
    assert (q.near, q.area, q.role, q.role_pos, q.counted, q.self_described, q.scope, q.anchor, q.direction) == (
        False, False, None, None, None, False, None, None, None)


@st.composite
def stories(draw: st.DrawFn) -> Story:
    """A story whose conflicts and timeline point at its own facts (enforced references)."""

    def unique(cls: type, n: int, **fixed: Any) -> tuple[Any, ...]:
        items = draw(st.lists(records(cls), max_size=n))
        return tuple(dataclasses.replace(r, id=f"{cls.__name__}-{i}", **fixed) for i, r in enumerate(items))

    events = unique(Event, 2)
    event_ids = st.sampled_from([e.id for e in events] + [None])
    facts = tuple(dataclasses.replace(f, event=draw(event_ids)) for f in unique(Fact, 3))
    fact_ids = st.sampled_from([f.id for f in facts] or [None])
    conflicts = tuple(dataclasses.replace(c, fact=draw(fact_ids)) for c in unique(Conflict, 2)) if facts else ()
    timeline = tuple(dataclasses.replace(t, fact=draw(fact_ids)) for t in unique(TimelineEntry, 2)) if facts else ()
    # The store holds no articles here: a story covering none of them is current, and so written.
    coverage = draw(st.sampled_from([None, Coverage.of({})]))
    return Story(unique(StoryEntity, 3), facts, conflicts, unique(Echo, 2), timeline, coverage, events)


@pytest.mark.fuzz
def test_readings_round_trip_through_the_database(db_url: str) -> None:  # noqa: F811
    with open_store(db_url) as store:

        @DB_SETTINGS
        @given(reading=readings())
        def check(reading: Any) -> None:
            # Hypothesis may replay an example: then it is already stored, unchanged.
            seen = store.article_hashes().get(reading.article.id) == reading.article.content_hash
            assert store.put_reading(reading) is not seen
            stored = {r.article.id: r for r in store.readings()}
            assert stored[reading.article.id] == reading
            assert store.put_reading(reading) is False

        check()


@pytest.mark.fuzz
def test_stories_round_trip_through_the_database(db_url: str) -> None:  # noqa: F811
    with open_store(db_url) as store:

        @DB_SETTINGS
        @given(story=stories())
        def check(story: Story) -> None:
            store.replace_story(story)
            assert store.story() == story

        check()
