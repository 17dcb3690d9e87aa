"""Contract tests of the Store, run on SQLite and (marker ``postgres``) on PostgreSQL."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap
from datetime import date, datetime, timezone

import pytest
import sqlalchemy as sa
from helpers.paths import TESTS
from helpers.store import db_url, reading, story  # noqa: F401  (db_url is a fixture)

import storyline.store.sql as store_sql
from storyline.core.errors import StoreError
from storyline.core.ids import content_hash
from storyline.core.records import (
    SCHEMA_VERSION,
    TABLES,
    Conflict,
    Coverage,
    Mention,
    Story,
)
from storyline.store import Store, open_store


@pytest.fixture
def store(db_url: str):  # noqa: F811
    with open_store(db_url) as s:
        yield s


def test_open_reports_dialect_and_version(store: Store, db_url: str) -> None:  # noqa: F811
    assert store.dialect == ("sqlite" if "://" not in db_url else "postgresql")
    assert store.schema_version() == SCHEMA_VERSION
    assert store.counts() == {name: 0 for name in TABLES}
    assert store.story() == Story()
    assert store.readings() == []


def test_put_and_read_back(store: Store) -> None:
    r = reading(1)
    assert store.put_reading(r) is True
    assert store.has_article("art-1") and not store.has_article("art-2")
    assert store.article_hashes() == {"art-1": r.article.content_hash}
    assert store.readings() == [r]
    assert store.articles() == [r.article]
    assert store.counts() == {
        "articles": 1, "article_entities": 2, "mentions": 3, "ages": 1, "timexes": 1, "claims": 2, "sentences": 2,
        "entities": 0, "facts": 0, "events": 0, "conflicts": 0, "echoes": 0, "timeline": 0, "fact_claims": 0, "echo_links": 0, "coverage": 0,
        "stories": 1, "story_articles": 1, "reviews": 0,  # the article joined the story "main", made for it
    }


def test_reputting_the_same_reading_changes_nothing(store: Store) -> None:
    store.put_reading(reading(1))
    store.put_reading(reading(2))
    before = store.counts()
    assert store.put_reading(reading(1)) is False
    assert store.counts() == before
    assert store.readings() == [reading(1), reading(2)]


def test_changed_article_replaces_all_its_rows(store: Store) -> None:
    store.put_reading(reading(1))
    store.put_reading(reading(2))
    old = reading(1)
    new = dataclasses.replace(
        old,
        article=dataclasses.replace(old.article, text=old.article.text + " More.", content_hash=content_hash(old.article.text + " More.")),
        mentions=old.mentions[:1],
        ages=(),
        claims=old.claims[1:],
    )
    assert store.put_reading(new) is True
    by_id = {r.article.id: r for r in store.readings()}
    assert by_id["art-1"] == new
    assert by_id["art-2"] == reading(2)
    counts = store.counts()
    assert (counts["mentions"], counts["ages"], counts["claims"]) == (1 + 3, 0 + 1, 1 + 2)


def test_readings_and_articles_ordered_by_date_then_id_undated_last(store: Store) -> None:
    store.put_reading(reading(3, published=None))
    store.put_reading(reading(2, published="2024-03-01"))
    store.put_reading(reading(1, published="2024-03-01"))
    store.put_reading(reading(4, published="2023-11-30T08:00:00"))
    expected = ["art-4", "art-1", "art-2", "art-3"]
    assert [r.article.id for r in store.readings()] == expected
    assert [a.id for a in store.articles()] == expected


def test_readings_held_already_are_lent_back_and_only_new_or_changed_ones_are_read(store: Store) -> None:
    for n in (1, 2, 3):
        store.put_reading(reading(n, published=f"2024-03-0{n}"))
    held = {r.article.id: r for r in store.readings()}
    stale = dataclasses.replace(held["art-2"], article=dataclasses.replace(held["art-2"].article, content_hash="old"))
    known = {"art-1": held["art-1"], "art-2": stale, "art-9": reading(9)}  # art-9: not (any more) in the story
    got = store.readings(known=known)
    assert got == list(held.values())  # the order and the values of a plain read
    assert got[0] is held["art-1"]  # unchanged: lent back, not read again
    assert got[1] is not stale and got[1] == held["art-2"]  # its hash changed: read again
    store.put_reading(reading(4, published="2024-03-04"))
    assert store.readings(known=held) == store.readings()


def test_a_reading_handed_out_while_stale_is_never_lent_back(store: Store) -> None:
    for n in (1, 2):
        store.put_reading(reading(n, published=f"2024-03-0{n}"))
    with store._tx(write=True) as conn:
        store_sql._set_stale(conn, frozenset({"art-1"}))  # as a migration lists readings to redo
    held = {r.article.id: r for r in store.readings()}
    again = store.readings(known=held)
    assert again[0] is not held["art-1"] and again[1] is held["art-2"]  # listed stale: read again
    redone = dataclasses.replace(held["art-1"], claims=held["art-1"].claims[1:])  # re-read: same text, new rows
    assert store.put_reading(redone) is True
    now = store.readings(known=held)
    assert now[0] == redone and now[0] is not held["art-1"]  # no longer listed, but handed out while it was
    assert store.readings(known={r.article.id: r for r in now})[0] is now[0]  # read since: lent again


def test_no_store_of_the_process_lends_a_reading_handed_out_while_stale(db_url: str) -> None:  # noqa: F811
    with open_store(db_url) as first:
        for n in (1, 2):
            first.put_reading(reading(n, published=f"2024-03-0{n}"))
        with first._tx(write=True) as conn:
            store_sql._set_stale(conn, frozenset({"art-1"}))
        held = {r.article.id: r for r in first.readings()}
        first.put_reading(dataclasses.replace(held["art-1"], claims=held["art-1"].claims[1:]))  # read again
    with open_store(db_url) as second:  # a later job's store, as a worker process opens one per job
        got = second.readings(known=held)
        assert got[0] is not held["art-1"] and len(got[0].claims) == len(held["art-1"].claims) - 1
        assert got[1] is held["art-2"]


def test_publication_dates_are_stored_as_iso_text_and_read_back_as_dates(store: Store) -> None:
    store.put_reading(reading(1, published="2024-01-17"))
    store.put_reading(reading(2, published="2023-11-30T08:00:00+00:00"))
    with store._tx() as conn:
        stored = dict(conn.execute(sa.text("SELECT id, published FROM articles")).all())
    assert stored == {"art-1": "2024-01-17", "art-2": "2023-11-30T08:00:00+00:00"}
    by_id = {a.id: a.published for a in store.articles()}
    assert by_id == {"art-1": date(2024, 1, 17), "art-2": datetime(2023, 11, 30, 8, tzinfo=timezone.utc)}


def test_a_reading_violating_a_constraint_is_stored_not_at_all(store: Store) -> None:
    store.put_reading(reading(1))
    bad = reading(2)
    orphan = Mention("m-orphan", "art-2", "no-such-entity", 0, 4, "Arti", "name")
    bad = dataclasses.replace(bad, mentions=bad.mentions + (orphan,))
    with pytest.raises(StoreError) as info:
        store.put_reading(bad)
    assert "art-2" in str(info.value) and "Fix:" in str(info.value)
    assert store.readings() == [reading(1)]
    assert store.counts()["article_entities"] == 2  # none of the 2nd article's entities
    assert store.put_reading(reading(3)) is True  # the store is still usable
    assert [r.article.id for r in store.readings()] == ["art-1", "art-3"]


def test_failure_mid_transaction_keeps_previous_version(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.put_reading(reading(1))
    store.put_reading(reading(2))
    real = store_sql.insert_records

    def failing(conn, table, records):
        if table == "claims":
            raise RuntimeError("simulated failure while storing claims")
        return real(conn, table, records)

    monkeypatch.setattr(store_sql, "insert_records", failing)
    changed = dataclasses.replace(reading(2), article=dataclasses.replace(reading(2).article, content_hash="changed"))
    with pytest.raises(RuntimeError):
        store.put_reading(changed)  # old rows already deleted inside the transaction when it fails
    with pytest.raises(RuntimeError):
        store.put_reading(reading(3))
    monkeypatch.setattr(store_sql, "insert_records", real)
    assert store.readings() == [reading(1), reading(2)]


CRASHER = textwrap.dedent(
    """
    import os, sys
    sys.path.insert(0, sys.argv[2])
    import storyline.store.sql as sql
    from storyline.store import open_store
    from helpers.store import reading
    store = open_store(sys.argv[1])
    store.put_reading(reading(1))
    real = sql.insert_records
    def crash(conn, table, records):
        if table == "claims":
            os._exit(3)  # the process dies with the 2nd article's transaction open
        return real(conn, table, records)
    sql.insert_records = crash
    store.put_reading(reading(2))
    """
)


@pytest.mark.slow  # starts Python processes: seconds each
def test_process_crash_loses_only_the_article_in_flight(db_url: str) -> None:  # noqa: F811
    tests_dir = str(TESTS)
    proc = subprocess.run([sys.executable, "-c", CRASHER, db_url, tests_dir], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3, proc.stderr
    with open_store(db_url) as s:
        assert s.readings() == [reading(1)]
        assert s.counts()["claims"] == 2
        assert s.put_reading(reading(3)) is True


def test_replace_story_round_trip_and_replacement(store: Store) -> None:
    store.put_reading(reading(1))
    first = story("a", n_facts=3)
    store.replace_story(first)
    assert store.story() == first
    second = story("b", n_facts=1)
    store.replace_story(second)
    assert store.story() == second
    assert store.counts()["facts"] == 1
    store.replace_story(Story())
    assert store.story() == Story()
    assert store.counts()["articles"] == 1  # the story never touches the readings


def test_failed_story_replacement_keeps_the_old_story(store: Store) -> None:
    old = story("a")
    store.replace_story(old)
    new = story("b")
    bad = dataclasses.replace(new, conflicts=(Conflict("x-bad", "no-such-fact", (), "date", "r"),))
    with pytest.raises(StoreError):
        store.replace_story(bad)
    assert store.story() == old


def test_story_survives_replacing_the_articles_it_cites(store: Store) -> None:
    store.put_reading(reading(1))
    store.replace_story(story())
    changed = dataclasses.replace(reading(1), claims=(), article=dataclasses.replace(reading(1).article, content_hash="v2"))
    assert store.put_reading(changed) is True
    assert store.story() == story()  # stale until the next reconcile, but not blocked


def test_a_story_is_written_only_when_it_covers_exactly_the_stored_articles(store: Store) -> None:
    """Compare-and-swap under the write lock: a story reconciled before another writer stored an
    article is refused (False, nothing written); one covering the stored articles is written."""
    store.put_reading(reading(1))
    one = Coverage.of({"art-1": reading(1).article.content_hash})
    assert store.coverage() == one
    current = dataclasses.replace(story("a"), coverage=one)
    assert store.replace_story(current) is True and store.story() == current
    store.put_reading(reading(2))  # another writer, meanwhile
    late = dataclasses.replace(story("b"), coverage=one)
    assert store.replace_story(late) is False
    assert store.story() == current  # untouched
    both = Coverage.of({r.article.id: r.article.content_hash for r in (reading(1), reading(2))})
    assert store.coverage() == both and both.articles == 2
    assert store.replace_story(dataclasses.replace(late, coverage=both)) is True
    assert store.story().coverage == both
    assert store.replace_story(Story()) is True  # a story that does not say what it covers: written as given
    assert store.story() == Story()


def test_coverage_is_the_set_of_ids_and_hashes_not_the_order_or_the_count() -> None:
    a = Coverage.of({"x": "1", "y": "2"})
    assert a == Coverage.of({"y": "2", "x": "1"})
    assert a != Coverage.of({"x": "1", "y": "3"}) and a != Coverage.of({"x": "2", "y": "1"})
    assert a.articles == 2 and Coverage.of({}).articles == 0
    assert Coverage.of({"a\"b": "1"}) != Coverage.of({"a": "\"b1"})  # no way to forge one by quoting


def test_data_persists_across_reopen(db_url: str) -> None:  # noqa: F811
    with open_store(db_url) as s:
        s.put_reading(reading(1))
        s.replace_story(story())
    with open_store(db_url) as s:
        assert s.readings() == [reading(1)]
        assert s.story() == story()
        assert s.schema_version() == SCHEMA_VERSION


def test_unicode_and_large_text_survive(store: Store) -> None:
    text = "Zoë Brontë – “quoted” 😀 naïve 北京 " * 5000
    r = reading(7, text=text)
    store.put_reading(r)
    assert store.readings()[0].article.text == text

