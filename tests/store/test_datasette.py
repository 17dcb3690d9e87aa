"""`datasette story.db` browses facts -> claims -> articles with no plugin: the link tables'
foreign keys are all it needs (datasette's own test client, no server)."""

from __future__ import annotations

import asyncio
import shutil

import pytest

pytestmark = pytest.mark.model


def _get(ds, path: str) -> dict:
    response = asyncio.run(ds.client.get(path))
    assert response.status_code == 200, (path, response.status_code)
    return response.json()


def test_a_fact_row_links_to_its_claims_and_they_to_their_articles(demo_analyzed, tmp_path):
    datasette = pytest.importorskip("datasette.app")
    db, _ = demo_analyzed
    copy = tmp_path / "story.db"
    shutil.copy(db, copy)
    ds = datasette.Datasette([str(copy)])
    facts = _get(ds, "/story/facts.json?status=contradicted&_shape=objects")["rows"]
    assert facts
    fact, story = facts[0]["id"], facts[0]["story"]
    # a fact is the story's (story, id): its row page is addressed by both. The reference from
    # fact_claims is compound, which datasette does not follow: a filter on both columns finds them.
    assert _get(ds, f"/story/facts/{story},{fact}.json?_shape=objects")["rows"][0]["id"] == fact
    rows = _get(ds, f"/story/fact_claims.json?story={story}&fact={fact}&_shape=objects&_labels=on")["rows"]
    assert len(rows) >= 2
    # each row names the claim and its article as links, labelled
    assert {r["role"] for r in rows} == {"support", "dispute"}
    for r in rows:
        target = r["claim"] or r["age"] or r["mention"]
        assert target and target["value"] == r["ref"]
        assert r["article"]["label"]  # the article's title
        claim_or_age = "claims" if r["claim"] else ("ages" if r["age"] else "mentions")
        assert _get(ds, f"/story/{claim_or_age}/{r['ref']}.json?_shape=objects")["rows"][0]["article"] == r["article"]["value"]
    # and echoes link both their claims
    echo = _get(ds, "/story/echo_links.json?_shape=objects&_labels=on&original__notblank=1")["rows"]
    assert echo and echo[0]["claim"]["value"] and echo[0]["original"]["value"]
