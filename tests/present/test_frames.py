"""frames(store): the stored story as pandas DataFrames (optional extra storyline[frames])."""

from __future__ import annotations

import sys

import pytest

from storyline import api
from storyline.core.errors import ConfigError
from storyline.present.frames import FRAMES, frames


def test_missing_pandas_names_the_extra(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with api.open_store(tmp_path / "s.db") as store, pytest.raises(ConfigError) as info:
        frames(store)
    assert "pip install storyline[frames]" in str(info.value)


def test_an_empty_store_gives_empty_frames_with_columns(tmp_path):
    pytest.importorskip("pandas")
    with api.open_store(tmp_path / "s.db") as store:
        got = frames(store)
    assert tuple(got) == FRAMES
    assert all(f.empty for f in got.values())
    assert {"fact", "ref", "role", "claim", "article"} <= set(got["fact_claims"].columns)


@pytest.mark.model
def test_demo_frames_join_facts_to_claims_to_articles(demo_analyzed):
    pytest.importorskip("pandas")
    db, _ = demo_analyzed
    with api.open_store(db) as store:
        got = frames(store)
        counts = store.counts()
    assert tuple(got) == FRAMES
    assert len(got["articles"]) == counts["articles"] and len(got["facts"]) == counts["facts"]
    assert len(got["fact_claims"]) == counts["fact_claims"] and len(got["echoes"]) == counts["echoes"]
    fc, claims, articles = got["fact_claims"], got["claims"], got["articles"]
    assert set(fc["ref"]) <= set(claims["id"])  # ages and counts a fact cites are claims too
    joined = (fc.merge(claims, left_on="ref", right_on="id", suffixes=("", "_claim"))
                .merge(articles, left_on="article_claim", right_on="id", suffixes=("", "_article")))
    assert len(joined) == len(fc)
    assert set(joined["outlet"]) <= set(articles["outlet"])
    # a contradicted fact has claims on both sides
    contradicted = set(got["facts"].loc[got["facts"]["status"] == "contradicted", "id"])
    assert contradicted and set(fc.loc[fc["fact"].isin(contradicted), "role"]) == {"support", "dispute"}
    assert set(got["mentions"]["entity"]) <= set(got["entities"]["id"])
