"""Link tables (fact_claims, echo_links): derived when a story is stored, enforced by foreign keys
that never block re-reading an article, filled by migration 0004 for older stories."""

from __future__ import annotations

import dataclasses

import sqlalchemy as sa
from helpers.store import db_url, insert_old, reading, story  # noqa: F401  (db_url is a fixture)

from storyline.core.ids import make_id
from storyline.core.records import SCHEMA_VERSION, Fact, Story
from storyline.store import open_store

# Columns that came with 0007, 0008 and 0010 (0010 also adds the table sentences).
_SINCE_7 = {("claims", "cues"), ("claims", "context_when"), ("ages", "when"), ("ages", "past"),
            ("ages", "sentence_start"), ("ages", "sentence_end"), ("claims", "lemmas")} | {
    ("claims", c) for c in ("title_start", "title_end", "title_cut", "title_subject_start", "title_subject_end",
                            "title_subject", "title_possessive", "title_clitic", "headline_end")}


def _stored(url):
    store = open_store(url)
    store.put_reading(reading(1))
    store.put_reading(reading(2))
    store.replace_story(story())
    return store


def test_each_fact_links_its_claims_with_their_side_and_article(db_url: str) -> None:  # noqa: F811
    r1, r2 = reading(1), reading(2)
    with _stored(db_url) as store:
        fact_claims, echo_links = store.links()
        s = store.story()
    by_fact: dict[str, list] = {}
    for link in fact_claims:
        by_fact.setdefault(link.fact, []).append(link)
    assert set(by_fact) == {f.id for f in s.facts}
    first = {link.ref: link for link in by_fact[s.facts[0].id]}
    a, b = r1.claims[0].id, r2.claims[1].id
    assert set(first) == {a, b}
    assert (first[a].claim, first[a].article, first[a].kind) == (a, r1.article.id, "claim")
    assert (first[b].claim, first[b].article) == (b, r2.article.id)
    # the conflict pair puts its two claims on opposite sides; the statement's claim supports
    assert {first[a].role, first[b].role} == {"support", "dispute"}
    (echo,) = echo_links
    assert (echo.echo, echo.claim, echo.original) == (s.echoes[0].id, r2.claims[0].id, r1.claims[0].id)
    assert (echo.article, echo.original_article) == (r2.article.id, r1.article.id)


def test_ages_and_mentions_a_fact_cites_are_linked_as_such(db_url: str) -> None:  # noqa: F811
    r1 = reading(1)
    age, mention = r1.ages[0].id, r1.mentions[0].id
    fact = Fact(make_id("f", "age"), "Mara Quinn is 42", "age", (age, mention, "g-not-stored"), (r1.article.id,),
                ("Outlet 0",), 1, "single_source", "unattributed", None)
    with open_store(db_url) as store:
        store.put_reading(r1)
        store.replace_story(Story(facts=(fact,)))
        links = {link.ref: link for link in store.links()[0]}
    assert (links[age].kind, links[age].age, links[age].claim, links[age].article) == ("age", age, None, r1.article.id)
    assert links[mention].mention == mention and links[mention].kind in ("age", "count")
    assert (links["g-not-stored"].kind, links["g-not-stored"].age, links["g-not-stored"].article) == ("age", None, None)


def test_rereading_an_article_is_not_blocked_and_nulls_its_links(db_url: str) -> None:  # noqa: F811
    with _stored(db_url) as store:
        before = store.story()
        changed = dataclasses.replace(reading(1), claims=(), article=dataclasses.replace(reading(1).article, content_hash="v2"))
        assert store.put_reading(changed) is True
        assert store.story() == before  # the story is stale until the next reconcile, not blocked
        links = store.links()[0]
        gone = {c.id for c in reading(1).claims}
        assert all(link.claim is None for link in links if link.ref in gone)
        assert any(link.claim is not None for link in links if link.ref not in gone)
        store.replace_story(before)  # the next story write links again what is stored


def test_foreign_keys_are_declared_for_sql_tools(db_url: str) -> None:  # noqa: F811
    with _stored(db_url) as store:
        engine = store._engine
        inspector = sa.inspect(engine)
        # a fact and an echo are the story's (story, id): the reference to them is by both columns
        fks = {(tuple(fk["constrained_columns"]), fk["referred_table"]) for fk in inspector.get_foreign_keys("fact_claims")}
        assert fks == {(("story", "fact"), "facts"), (("story",), "stories"), (("claim",), "claims"), (("age",), "ages"),
                       (("mention",), "mentions"), (("article",), "articles")}
        fks = {(tuple(fk["constrained_columns"]), fk["referred_table"]) for fk in inspector.get_foreign_keys("echo_links")}
        assert fks == {(("story", "echo"), "echoes"), (("story",), "stories"), (("claim",), "claims"), (("original",), "claims"),
                       (("article",), "articles"), (("original_article",), "articles")}


def test_a_version_4_database_gets_its_links_on_upgrade(db_url: str) -> None:  # noqa: F811
    from alembic import command

    from storyline.store.connect import _alembic_config, create_engine, parse_url
    from storyline.store.convert import to_row

    engine = create_engine(parse_url(db_url))
    cfg = _alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
    s = story()
    with engine.begin() as conn:
        for r in (reading(1), reading(2)):
            parts = {"articles": (r.article,), "article_entities": r.entities, "mentions": r.mentions, "ages": r.ages,
                     "timexes": r.timexes, "claims": r.claims}
            for name in parts:
                rows = [to_row(name, rec, None if name == "articles" else i) for i, rec in enumerate(parts[name])]
                insert_old(conn, name, [{k: v for k, v in row.items() if (name, k) not in _SINCE_7}
                                                     for row in rows])
        # The story tables as revision 0004 had them: no events (0009) nor coverage (0006).
        for name, records in (("entities", s.entities), ("facts", s.facts), ("conflicts", s.conflicts),
                              ("echoes", s.echoes), ("timeline", s.timeline)):
            insert_old(conn, name, [{k: v for k, v in to_row(name, rec, i).items() if (name, k) != ("facts", "event")}
                                                 for i, rec in enumerate(records)])
    engine.dispose()
    with open_store(db_url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        fact_claims, echo_links = store.links()
    assert len(fact_claims) == sum(len(f.claims) for f in s.facts) and len(echo_links) == 1


def test_a_fact_stored_without_sides_is_sided_alike_by_the_link_table_and_the_dossier() -> None:
    # Stories stored before schema 4 have no recorded sides: both readers fall back on one rule.
    from helpers.store import reading, story

    from storyline.core.links import fact_sides
    from storyline.present.report_views import Index, sides

    readings = [reading(1), reading(2)]
    s = story()
    fact = s.facts[0]
    assert fact.statement_claim is None
    ix = Index(readings, s)
    expected = fact_sides(fact.statement, fact.claims, [c.claims for c in s.conflicts if c.fact == fact.id],
                          {c: ix.claims[c].text for c in fact.claims}, {c: ix.claims[c].polarity for c in fact.claims})
    supporting, disputing, superseded, neither = sides(fact, ix)
    assert {c: "support" for c in supporting} | {c: "dispute" for c in disputing} == expected
    assert supporting and disputing and not superseded and not neither
