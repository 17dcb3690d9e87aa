"""Many stories in one database (schema 11): the stories, their articles, their accounts, their
reviews, and the upgrade of a schema-10 database. Run on SQLite and (marker ``postgres``) on PostgreSQL."""

from __future__ import annotations

import dataclasses
import gzip
import json
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from helpers.store import db_url, insert_old, reading, story  # noqa: F401  (db_url is a fixture)

from storyline.core.errors import StoreError
from storyline.core.records import SCHEMA_VERSION, Coverage, Review, Story
from storyline.store import ALL, MAIN, Store, open_store
from storyline.store.connect import create_engine, parse_url

FIXTURES = Path(__file__).with_name("fixtures")


@pytest.fixture
def store(db_url: str):  # noqa: F811
    with open_store(db_url) as s:
        yield s


def _dump(store: Store, name: str | None = None) -> dict:
    """What ``tests/store/fixtures/make_v10.py`` dumped with the schema-10 code, read with this code."""
    links = store.links(name)
    return json.loads(json.dumps({
        "readings": [dataclasses.asdict(r) for r in store.readings(name)],
        "story": dataclasses.asdict(store.story(name)),
        "fact_claims": [dataclasses.asdict(x) for x in links[0]],
        "echo_links": [dataclasses.asdict(x) for x in links[1]],
    }, default=str))


def _expected() -> dict:
    with gzip.open(FIXTURES / "v10.json.gz", "rt", encoding="utf-8") as f:
        return json.load(f)


def _check_upgraded(s: Store, expected: dict) -> None:
    assert s.schema_version() == SCHEMA_VERSION == 12
    [main] = s.stories()
    assert (main.name, main.articles, main.facts, main.archived) == (MAIN, len(expected["readings"]), len(expected["story"]["facts"]), False)
    assert _dump(s) == expected == _dump(s, MAIN) == _dump(s, main.id)
    assert s.story().coverage == s.coverage()  # the story stays current: nothing to reconcile again


def test_a_v10_database_written_by_the_schema_10_code_is_upgraded_in_place_and_reads_back_equal(tmp_path: Path) -> None:
    db = tmp_path / "v10.db"
    with gzip.open(FIXTURES / "v10.db.gz") as src, db.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    expected = _expected()
    assert expected["story"]["facts"] and expected["story"]["echoes"] and expected["fact_claims"]
    with open_store(db) as s:
        _check_upgraded(s, expected)


def test_a_v10_database_is_upgraded_on_each_backend(db_url: str) -> None:  # noqa: F811
    """The same records put at revision 0010 on this backend (the fixture is SQLite) come back equal."""
    from alembic import command

    from storyline.store.connect import _alembic_config
    from storyline.store.tables import layout

    expected = _expected()
    engine = create_engine(parse_url(db_url))
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0010")
    src = sqlite_rows(FIXTURES / "v10.db.gz")
    with engine.begin() as conn:
        for name, rows in src.items():
            insert_old(conn, name, rows)  # the layout of revision 0010: no story column
    engine.dispose()
    assert {c.name for c in layout("facts")} <= set(src["facts"][0])
    with open_store(db_url) as s:
        _check_upgraded(s, expected)


def sqlite_rows(gz: Path) -> dict[str, list[dict]]:
    """Every row of the record tables of a gzipped SQLite database, with JSON decoded, parents first."""
    import tempfile

    from storyline.store.tables import ARTICLE_TABLES, LINK_TABLES, STORY_TABLES

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.db"
        with gzip.open(gz) as src, path.open("wb") as dst:
            shutil.copyfileobj(src, dst)
        engine = sa.create_engine(f"sqlite:///{path}")
        out = {}
        with engine.connect() as conn:
            for name in ARTICLE_TABLES + STORY_TABLES + LINK_TABLES:
                t = sa.Table(name, sa.MetaData(), autoload_with=conn)
                out[name] = [dict(r) for r in conn.execute(sa.select(t)).mappings()]
        engine.dispose()
    return out


def test_a_new_database_holds_no_story_until_something_is_stored(store: Store) -> None:
    assert store.stories() == []
    assert store.story() == Story() and store.readings() == [] and store.coverage() == Coverage.of({})
    with pytest.raises(StoreError, match="no story yet"):
        store.get_story()
    store.put_reading(reading(1))  # stored without naming a story: it joins "main", made for it
    [main] = store.stories()
    assert (main.name, main.articles) == (MAIN, 1)


def test_stories_are_created_renamed_archived_and_unarchived(store: Store) -> None:
    quake = store.create_story("Quake", description="the 2005 Qeshm earthquake")
    assert quake.id.startswith("s-") and not quake.archived
    with pytest.raises(StoreError, match="exists already"):
        store.create_story("Quake")
    for bad in ("", "  ", "*", "a\nb", "x" * 201):
        with pytest.raises(StoreError, match="cannot name a story"):
            store.create_story(bad)
    assert store.ensure_story("Quake") == quake
    store.create_story("Floods")
    renamed = store.rename_story("Quake", "Qeshm quake")
    assert renamed.id == quake.id and store.get_story("Qeshm quake").id == quake.id
    assert store.get_story(quake.id).name == "Qeshm quake"  # a story is named by its id too
    with pytest.raises(StoreError, match="exists already"):
        store.rename_story("Floods", "Qeshm quake")
    with pytest.raises(StoreError, match="no story named 'Quake'.*Floods, Qeshm quake"):
        store.get_story("Quake")
    store.put_reading(reading(1), "Floods")
    store.archive_story("Floods")
    assert [s.name for s in store.stories(archived=True)] == ["Floods"]
    assert [s.name for s in store.stories(archived=False)] == ["Qeshm quake"]
    with pytest.raises(StoreError, match="archived.*--unarchive Floods"):
        store.put_reading(reading(2), "Floods")
    with pytest.raises(StoreError, match="archived"):
        store.add_articles("Floods", ["art-1"])
    assert store.readings("Floods") == [reading(1)]  # archived: still read, exported, reviewed
    store.archive_story("Floods", archived=False)
    assert store.add_articles("Floods", ["art-1"]) == 0  # already a member
    with pytest.raises(StoreError, match="not stored: art-9"):
        store.add_articles("Floods", ["art-9"])


def test_several_stories_need_a_name_and_the_error_says_which_and_how(store: Store) -> None:
    store.put_reading(reading(1), "quake")
    assert store.readings() == [reading(1)]  # one story: no name needed
    store.put_reading(reading(2), "floods")
    for call in (store.readings, store.story, store.coverage, store.links, store.articles, store.article_hashes, store.reviews):
        with pytest.raises(StoreError, match=r"holds 2 stories \(floods, quake\).*--story NAME"):
            call()
    with pytest.raises(StoreError, match="--story NAME"):
        store.put_reading(reading(3))
    with pytest.raises(StoreError, match="--story NAME"):
        store.replace_story(Story())
    assert store.article_hashes(ALL).keys() == {"art-1", "art-2"}  # every stored article, whatever its story
    assert [a.id for a in store.articles(ALL)] == ["art-1", "art-2"]


def test_an_article_belongs_to_several_stories_and_each_story_keeps_its_own_account(store: Store) -> None:
    r1, r2, r3 = reading(1), reading(2), reading(3)
    for r in (r1, r2):
        store.put_reading(r, "quake")
    assert store.put_reading(r1, "aid") is False  # stored already: not read again, but joins "aid"
    store.put_reading(r3, "aid")
    assert [r.article.id for r in store.readings("quake")] == ["art-1", "art-2"]
    assert [r.article.id for r in store.readings("aid")] == ["art-1", "art-3"]
    assert store.coverage("quake") == Coverage.of({r.article.id: r.article.content_hash for r in (r1, r2)})
    # the same content-hashed facts in two stories: keyed by (story, id), each story keeps its own
    quake = dataclasses.replace(story("q"), coverage=store.coverage("quake"))
    aid = dataclasses.replace(story("q", n_facts=1), coverage=store.coverage("aid"))
    assert store.replace_story(quake, "quake") and store.replace_story(aid, "aid")
    assert store.story("quake") == quake and store.story("aid") == aid
    assert len(store.links("quake")[0]) == 4 and len(store.links("aid")[0]) == 2
    counts = {s.name: (s.articles, s.facts, s.conflicts) for s in store.stories()}
    assert counts == {"aid": (2, 1, 1), "quake": (2, 2, 1)}
    # replacing one story's account leaves the other's alone
    assert store.replace_story(Story(), "aid") and store.story("quake") == quake


def test_the_coverage_check_is_per_story(store: Store) -> None:
    store.put_reading(reading(1), "quake")
    current = dataclasses.replace(story(), coverage=store.coverage("quake"))
    store.put_reading(reading(2), "floods")  # another story's article: the quake account is still current
    assert store.replace_story(current, "quake") is True
    store.add_articles("quake", ["art-2"])  # its own articles changed: a story reconciled before is refused
    assert store.replace_story(current, "quake") is False and store.story("quake") == current


def test_an_article_read_again_keeps_every_story_it_belonged_to(store: Store) -> None:
    r = reading(1)
    store.put_reading(r, "quake")
    store.add_articles("aid", [r.article.id])
    changed = dataclasses.replace(r, article=dataclasses.replace(r.article, content_hash="other"))
    assert store.put_reading(changed, "quake") is True
    assert store.articles("aid") == [changed.article] == store.articles("quake")
    assert store.article_stories() == {"art-1": ["aid", "quake"]}
    assert store.remove_articles("aid", [r.article.id]) == 1 and store.articles("aid") == []
    assert store.has_article(r.article.id)  # taken out of a story, an article stays stored
    store.remove_articles("quake", [r.article.id])
    assert store.article_stories() == {"art-1": []}


def test_reviews_are_kept_per_story_oldest_first_and_survive_a_new_account(store: Store) -> None:
    store.put_reading(reading(1), "quake")
    info = store.get_story("quake")
    first = Review("r-1", info.id, "f-1", ("c-1", "c-2"), "needs_work", "check the date", "ana", "2026-12-06T10:00:00.000000+00:00", "A")
    second = dataclasses.replace(first, id="r-2", verdict="verified", note="", at="2026-12-06T11:00:00.000000+00:00")
    store.put_review(second)
    store.put_review(first)
    store.replace_story(story(), "quake")
    assert store.reviews("quake") == [first, second]
    assert next(s for s in store.stories() if s.name == "quake").reviews == 2
    store.create_story("floods")
    assert store.reviews("floods") == []


def test_downgrading_a_one_story_database_gives_back_the_schema_10_rows_and_refuses_several(tmp_path: Path) -> None:
    from alembic import command

    from storyline.store.connect import _alembic_config

    gz = FIXTURES / "v10.db.gz"
    db = tmp_path / "v10.db"
    with gzip.open(gz) as src, db.open("wb") as dst:
        shutil.copyfileobj(src, dst)
    open_store(db).close()  # upgraded to 11
    engine = create_engine(parse_url(str(db)))
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010")
    engine.dispose()
    back = tmp_path / "back.db.gz"
    with db.open("rb") as src, gzip.open(back, "wb") as dst:
        shutil.copyfileobj(src, dst)
    def rows(gz: Path) -> dict[str, list[str]]:  # in any order: a copied table need not keep its rows' order
        return {t: sorted(json.dumps(r, sort_keys=True, default=str) for r in rs) for t, rs in sqlite_rows(gz).items()}

    assert rows(back) == rows(gz)
    with open_store(db) as s:  # and up again
        s.create_story("floods")
    engine = create_engine(parse_url(str(db)))
    with engine.begin() as conn, pytest.raises(RuntimeError, match="holds 2 stories"):
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010")
    engine.dispose()
