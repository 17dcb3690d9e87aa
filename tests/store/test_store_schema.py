"""Schema, migrations and opening errors of the store."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from helpers.store import db_url, insert_old, reading  # noqa: F401  (db_url is a fixture)

from storyline.core.errors import StoreError
from storyline.core.records import SCHEMA_VERSION, TABLES, Fact
from storyline.store import open_store
from storyline.store.connect import _script, create_engine, migrate, parse_url
from storyline.store.tables import DESK_TABLES, layout, metadata, tables


def _engine(url: str) -> sa.Engine:
    return create_engine(parse_url(url))


def _at_revision(url: str, revision: str) -> sa.Engine:
    """An engine on ``url`` with the database migrated up to ``revision`` only."""
    from alembic import command

    from storyline.store.connect import _alembic_config

    engine = _engine(url)
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return engine


def _schema(url: str) -> tuple[list, set[str], list, dict]:
    """What a store at ``url`` holds besides records: differences from :data:`metadata`, table
    names, Alembic's heads and the meta rows."""
    engine = _engine(url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        found = (
            compare_metadata(context, metadata),
            set(sa.inspect(conn).get_table_names()),
            sorted(context.get_current_heads()),
            dict(conn.execute(sa.text("SELECT key, value FROM meta")).all()),
        )
    engine.dispose()
    return found


def test_migrated_schema_equals_the_tables_derived_from_the_records(db_url: str) -> None:  # noqa: F811
    migrate(_engine(db_url), db_url, replay=True)
    diffs, names, heads, rows = _schema(db_url)
    assert diffs == []
    assert names == set(TABLES) | set(DESK_TABLES) | {"meta", "alembic_version"}
    assert heads == [_script().get_current_head()] and rows == {"schema_version": str(SCHEMA_VERSION)}


def test_a_new_database_created_in_one_step_equals_one_built_by_every_migration(tmp_path: Path) -> None:
    replayed, direct = f"sqlite:///{tmp_path / 'replayed.db'}", f"sqlite:///{tmp_path / 'direct.db'}"
    migrate(_engine(replayed), replayed, replay=True)
    open_store(direct).close()
    assert _schema(direct) == _schema(replayed)
    assert _schema(direct)[0] == []


def test_every_record_field_has_a_column() -> None:
    assert set(tables) == set(TABLES)
    claim_cols = [c.name for c in layout("claims")]
    assert "source_kind" in claim_cols and "source" not in claim_cols
    assert tables["claims"].c.hedges.type.__class__ is sa.JSON
    assert tables["articles"].c.outlet.nullable and not tables["articles"].c.text.nullable
    assert {i.name for i in tables["mentions"].indexes} == {"ix_mentions_article", "ix_mentions_entity"}


def test_reopening_does_not_migrate_again(db_url: str) -> None:  # noqa: F811
    with open_store(db_url) as s:
        s.put_reading(reading(1))
    with open_store(db_url) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.counts()["articles"] == 1


def test_newer_schema_version_is_refused_with_a_fix(db_url: str) -> None:  # noqa: F811
    open_store(db_url).close()
    engine = _engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE meta SET value = :v WHERE key = 'schema_version'"), {"v": str(SCHEMA_VERSION + 1)})
    engine.dispose()
    with pytest.raises(StoreError) as info:
        open_store(db_url)
    message = str(info.value)
    assert f"schema version {SCHEMA_VERSION + 1}" in message and "upgrade storyline" in message


def test_unknown_migration_revision_is_refused(db_url: str) -> None:  # noqa: F811
    open_store(db_url).close()
    engine = _engine(db_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    with pytest.raises(StoreError, match="9999_future.*Fix: upgrade storyline"):
        open_store(db_url)


def test_sqlite_uses_wal(tmp_path: Path) -> None:
    path = tmp_path / "w.db"
    open_store(path).close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("spec", ["story.db", "sqlite:///story.db"])
def test_path_and_sqlite_url_open_the_same_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spec: str) -> None:
    monkeypatch.chdir(tmp_path)
    with open_store(spec) as s:
        s.put_reading(reading(1))
        assert s.dialect == "sqlite"
    with open_store(tmp_path / "story.db") as s:
        assert s.has_article("art-1")


def test_in_memory_store_works() -> None:
    with open_store(":memory:") as s:
        s.put_reading(reading(1))
        assert s.readings() == [reading(1)]


def test_postgres_urls_use_psycopg_and_mask_the_password() -> None:
    for given in ("postgresql://u:s3cret@db.example/x", "postgres://u:s3cret@db.example/x", "postgresql+psycopg2://u:s3cret@db.example/x"):
        url = parse_url(given)
        assert url.drivername == "postgresql+psycopg"
        assert "s3cret" not in url.render_as_string(hide_password=True)


def test_unreachable_server_gives_store_error_without_password() -> None:
    # Port 9 (discard) on loopback: refused at once, no real server needed.
    with pytest.raises(StoreError) as info:
        open_store("postgresql+psycopg://user:s3cret@127.0.0.1:9/nothing?connect_timeout=3")
    message = str(info.value)
    assert "s3cret" not in message
    assert "cannot open the database" in message and "PostgreSQL server is running" in message


@pytest.mark.parametrize(
    "spec, expected",
    [
        ("mysql://u@h/db", "not supported"),
        ("postgresql+asyncpg://u@h/db", "not supported"),
        ("://nonsense", "not a database URL"),
    ],
)
def test_bad_urls_are_refused_with_a_fix(spec: str, expected: str) -> None:
    with pytest.raises(StoreError, match=expected) as info:
        open_store(spec)
    assert "Fix:" in str(info.value)


def test_bad_paths_are_refused_with_a_fix(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory"):
        open_store(tmp_path)
    with pytest.raises(StoreError, match="folder .* does not exist"):
        open_store(tmp_path / "missing" / "story.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 200)
    with pytest.raises(StoreError, match="cannot open the database") as info:
        open_store(junk)
    assert "junk.db" in str(info.value) and "Fix:" in str(info.value)


def test_a_foreign_database_is_refused_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE articles (x INTEGER)")
        raw.execute("INSERT INTO articles VALUES (1)")
    with pytest.raises(StoreError):
        open_store(path)
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT x FROM articles").fetchall() == [(1,)]
        # The failed migration was one transaction: not even its first tables remain.
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert names == {"articles"}


_DISPLAY = ("title_start", "title_end", "title_cut", "title_subject_start", "title_subject_end", "title_subject",
            "title_possessive", "title_clitic", "headline_end")


def _store_at(path: Path, revision: str, readings, without: set[tuple[str, str]]) -> sa.Engine:
    """A SQLite store at ``path`` migrated to ``revision`` and holding ``readings`` stored without
    the columns later revisions add (``without``: (table, column) pairs)."""
    from alembic import command

    from storyline.store.connect import _alembic_config
    from storyline.store.convert import to_row

    engine = _engine(str(path))
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    with engine.begin() as conn:
        for r in readings:
            parts = {"articles": (r.article,), "article_entities": r.entities, "mentions": r.mentions, "ages": r.ages,
                     "timexes": r.timexes, "claims": r.claims}
            for name in parts:
                insert_old(conn, name, [
                    {k: v for k, v in to_row(name, rec, None if name == "articles" else i).items() if (name, k) not in without}
                    for i, rec in enumerate(parts[name])])
    return engine


def test_0008_lists_the_stored_articles_with_those_already_listed(tmp_path: Path) -> None:
    """Readings stored before schema 8 have no display offsets: 0008 lists their articles to be read
    again, keeping the articles 0007 listed and no analyze has read since."""
    import json

    r = reading(1)
    skip = {("claims", c) for c in (*_DISPLAY, "lemmas")} | {("ages", "sentence_start"), ("ages", "sentence_end")}
    db = tmp_path / "seven.db"
    engine = _store_at(db, "0007", [r], skip)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO meta (key, value) VALUES ('stale_readings', :v)"), {"v": json.dumps(["gone-1"])})
    engine.dispose()
    with open_store(str(db)) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.stale_articles() == {"gone-1", r.article.id}
        (back,) = s.readings()
        assert all(c.title_start is None and c.headline_end is None for c in back.claims)
        assert all(g.sentence_start is None for g in back.ages)


def test_a_version_1_database_is_upgraded_in_place(db_url: str) -> None:  # noqa: F811
    """Revisions 0002 to 0010 add claims.quantities, mentions.quantities, ages.text, the open-domain
    claim columns (predicate span, event key, frame, eventive, place), the claim cues, the fact sides (statement
    claim, supporting, disputing, superseded, notes), the claims' display offsets, the facts' event, the
    claims' content words and the sentences to stored rows."""
    from storyline.store.convert import to_row

    engine = _at_revision(db_url, "0001")
    r = reading(1)
    added = {("claims", "quantities"), ("mentions", "quantities"), ("ages", "text"), ("ages", "when"), ("ages", "past")} | {
        ("claims", c) for c in ("predicate_start", "predicate_end", "predicate_pos", "event_key", "frame", "eventive", "place", "cues",
                                "context_when", "lemmas", *_DISPLAY)} | {("ages", "sentence_start"), ("ages", "sentence_end")}
    fields = {"articles": (r.article,), "article_entities": r.entities, "mentions": r.mentions, "ages": r.ages,
              "timexes": r.timexes, "claims": r.claims}
    fact = Fact("f-1", "Quinn and Vale separated", "separation", (r.claims[0].id,), (r.article.id,), ("Glitter",), 1,
                "single_source", "anonymous", None)
    added |= {("facts", c) for c in ("statement_claim", "supporting", "disputing", "superseded", "notes", "event")}
    with engine.begin() as conn:
        for name in fields:
            rows = [{k: v for k, v in to_row(name, rec, None if name == "articles" else i).items() if (name, k) not in added}
                    for i, rec in enumerate(fields[name])]
            insert_old(conn, name, rows)
        insert_old(conn, "facts", [{k: v for k, v in to_row("facts", fact, 0).items() if ("facts", k) not in added}])
    engine.dispose()
    with open_store(db_url) as s:
        assert s.schema_version() == SCHEMA_VERSION == 12
        # empty quantities, empty wording, no display offsets, no content words, no sentences
        assert s.readings() == [replace(r, claims=tuple(replace(c, lemmas=()) for c in r.claims), sentences=())]
        assert s.story().facts == (fact,)  # no sides recorded: null statement claim, empty lists; no event
        assert s.story().events == ()
        assert s.story().coverage is None  # 0006: no coverage yet, so the story counts as out of date
        assert s.stale_articles() == {r.article.id}  # 0007, 0008, 0010: read before the cues, display and words


def test_an_article_read_before_an_upgrade_is_read_again_by_the_next_analyze(tmp_path: Path) -> None:
    """Migration 0007 lists the stored articles; ``analyze`` given one reads it anew (same text),
    drops it from the list, and says how many are left."""
    import io
    import json

    from helpers.blank import blank_nlp

    from storyline import api

    db = tmp_path / "old.db"
    old = {1: reading(1), 2: reading(2)}
    new_columns = {("claims", "cues"), ("claims", "context_when"), ("ages", "when"), ("ages", "past"),
                   ("ages", "sentence_start"), ("ages", "sentence_end")} | {("claims", c) for c in _DISPLAY} | {("claims", "lemmas")}
    _store_at(db, "0006", old.values(), new_columns).dispose()
    a = old[1].article
    line = json.dumps({"id": a.id, "outlet": a.outlet, "published": a.published.isoformat(), "text": a.text})
    with open_store(str(db)) as store:
        assert store.stale_articles() == {"art-1", "art-2"}
        first = api.analyze(["-"], store, stdin=io.BytesIO(line.encode()), nlp=blank_nlp())
        assert (first.articles_new, first.articles_unchanged) == (1, 0)
        assert store.stale_articles() == {"art-2"}
        assert any("1 stored article(s) were read by an older storyline" in n.message for n in first.notices)
        again = api.analyze(["-"], store, stdin=io.BytesIO(line.encode()), nlp=blank_nlp())
        assert (again.articles_new, again.articles_unchanged) == (0, 1)


def test_migration_0010_lists_the_articles_read_without_words(tmp_path: Path) -> None:
    """An article stored at revision 0009 (read again since, so not listed) has no content words
    and no sentences: 0010 lists it to be read again, and until then it reads back without them."""
    from storyline.store.convert import to_row

    db = f"sqlite:///{tmp_path / 'seven.db'}"
    engine = _at_revision(db, "0009")
    r = reading(1)
    parts = {"articles": (r.article,), "article_entities": r.entities, "mentions": r.mentions, "ages": r.ages,
             "timexes": r.timexes, "claims": r.claims}
    with engine.begin() as conn:
        assert conn.execute(sa.text("SELECT value FROM meta WHERE key = 'stale_readings'")).scalar() is None
        for name, records in parts.items():
            insert_old(conn, name, [
                {k: v for k, v in to_row(name, rec, None if name == "articles" else i).items() if (name, k) != ("claims", "lemmas")}
                for i, rec in enumerate(records)])
    engine.dispose()
    with open_store(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.stale_articles() == {"art-1"}
        [old] = store.readings()
        assert old.sentences == () and all(c.lemmas == () for c in old.claims)
        store.put_reading(r)  # read again: now with its words
        assert store.stale_articles() == frozenset() and store.readings() == [r]
