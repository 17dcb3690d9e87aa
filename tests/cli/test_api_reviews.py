"""Reviews through the API: stored with who and when, shown in the export and the dossier, and
kept on their fact when re-analysis changes its id (storyline.core.reviews)."""

from __future__ import annotations

import dataclasses

import pytest
from helpers.store import db_url, reading, story  # noqa: F401  (db_url is a fixture)

from storyline import api
from storyline.core.errors import ConfigError
from storyline.core.ids import make_id
from storyline.present.report import embedded_data


@pytest.fixture
def store(db_url: str):  # noqa: F811
    with api.open_store(db_url) as s:
        for r in (reading(1), reading(2)):
            s.put_reading(r, "quake")
        s.replace_story(dataclasses.replace(story("q"), coverage=s.coverage("quake")), "quake")
        yield s


def _fact(data: dict, fid: str) -> dict:
    return next(f for f in data["facts"] if f["id"] == fid)


def test_a_review_is_stored_with_who_and_when_and_exported(store) -> None:
    f = store.story("quake").facts[0]
    first = api.review(store, "quake", f.id, "needs_work", "check the date", "ana")
    second = api.review(store, "quake", f.id, "verified", "", "ben")
    assert (first.reviewer, first.verdict, first.anchor) == ("ana", "needs_work", f.claims) and first.at <= second.at
    assert api.reviews(store, "quake") == [first, second]
    data = api.export(store, "json", story="quake")
    shown = _fact(data, f.id)["review"]
    assert (shown["verdict"], shown["reviewer"], shown["moved"]) == ("verified", "ben", False)
    assert [h["verdict"] for h in shown["history"]] == ["needs_work", "verified"]
    assert _fact(data, store.story("quake").facts[1].id)["review"] is None and data["orphaned_reviews"] == []
    assert any('"record": "fact"' in line and '"verified"' in line for line in api.export(store, "jsonl", story="quake").splitlines())
    html = api.render_report(store, story="quake")
    assert 'id="reviews"' in html and "check the date" not in html.split('id="reviews"')[1].split("</section>")[0]
    shown = [row["rv"] for row in embedded_data(html)["facts"] if "rv" in row]
    assert [(r["v"], r["by"], r["h"]) for r in shown] == [("verified", "ben", 2)]


def test_a_review_follows_its_claims_to_the_facts_new_id_and_is_orphaned_when_they_are_gone(store) -> None:
    old = store.story("quake").facts[0]
    decision = api.review(store, "quake", old.id, "false", "denied on the record", "ana")
    # re-analysis gave the same claims a new fact id (an article joined it, say)
    renamed = dataclasses.replace(old, id=make_id("f", "new"))
    store.replace_story(dataclasses.replace(story("q"), facts=(renamed,), conflicts=(), timeline=(), coverage=store.coverage("quake")), "quake")
    attached = api.attach_reviews(store, "quake")
    assert attached.by_fact[renamed.id].latest == decision and attached.by_fact[renamed.id].moved
    assert _fact(api.export(store, "json", story="quake"), renamed.id)["review"]["fact"] == old.id
    with pytest.raises(ConfigError, match=f"now on fact {renamed.id}"):
        api.review(store, "quake", old.id, "verified", "", "ben")
    # then a story where no fact holds its claims: kept, reported as orphaned
    store.replace_story(dataclasses.replace(story("q"), facts=(), conflicts=(), timeline=(), coverage=store.coverage("quake")), "quake")
    data = api.export(store, "json", story="quake")
    assert [(o["verdict"], o["statement"], o["fact"]) for o in data["orphaned_reviews"]] == [("false", old.statement, old.id)]
    assert "denied on the record" in api.render_report(store, story="quake")


def test_a_bad_review_is_refused_and_nothing_is_stored(store) -> None:
    f = store.story("quake").facts[0]
    with pytest.raises(ConfigError, match="is not a verdict.*verified, false, needs_work"):
        api.review(store, "quake", f.id, "true", "", "ana")
    with pytest.raises(ConfigError, match="holds no fact 'f-nope'"):
        api.review(store, "quake", "f-nope", "verified", "", "ana")
    assert api.reviews(store, "quake") == []


@pytest.mark.model
def test_reviews_survive_adding_the_other_demo_articles_and_re_analysis(tmp_path) -> None:
    """Analyze 3 demo articles, review facts, add the other demo articles, analyze again: each
    review is on the fact that now holds most of the claims it was given on."""
    corpus = sorted(p for p in api.demo_corpus().iterdir() if p.suffix in (".txt", ".html"))
    with api.open_store(tmp_path / "s.db") as store:
        api.analyze(corpus[:3], store, story="demo")
        before = store.story("demo").facts
        # every fact of more than one claim (those most likely to gain or lose claims), and one reviewed twice
        chosen = [f for f in before if len(f.claims) > 1]
        assert chosen
        for f in chosen:
            api.review(store, "demo", f.id, "verified", f"checked {f.id}", "ana")
        api.review(store, "demo", chosen[0].id, "needs_work", "second look", "ben")
        api.analyze(corpus, store, story="demo")
        after = store.story("demo").facts
        attached = api.attach_reviews(store, "demo")
        second_look = next(r.id for r in api.reviews(store, "demo") if r.reviewer == "ben")
    assert attached.orphaned == ()  # every article is still in the story
    holders = {f.id: set(f.claims) for f in after}
    placed = {r.id: fr.fact for fr in attached.by_fact.values() for r in fr.history}
    assert len(placed) == len(chosen) + 1
    for fr in attached.by_fact.values():
        for r in fr.history:
            best = max(len(set(r.anchor) & claims) for claims in holders.values())
            assert len(set(r.anchor) & holders[fr.fact]) == best > 0
    assert attached.by_fact[placed[second_look]].latest.verdict == "needs_work"
    # the new articles changed facts that were reviewed: their reviews moved to the new ids
    assert any(fr.moved for fr in attached.by_fact.values())
    assert {f.id for f in before} != {f.id for f in after}
