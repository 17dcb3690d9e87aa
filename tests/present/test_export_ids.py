"""Every id in every export (json, jsonl) is in the id space the contract gives it.

``../shared/docs/export-contract.md``: facts[].claims and conflicts' claims are claim ids, the
timeline's facts are fact ids, articles are article ids, a claim's subject / source.entity are
entity ids and its ``when`` a timex id. Checked on a hand-made story whose facts cite ages and
mentions (``g-``/``m-`` records), on the demo, and on a real-news story (an ECB+ sub-topic).
"""

from __future__ import annotations

import json
import sys

import pytest
from helpers.builders import ArticleBuilder
from helpers.contract import from_jsonl, id_violations
from helpers.paths import EVAL_DIR

from storyline import api
from storyline.core.ids import make_id
from storyline.core.records import Conflict, Fact, Story
from storyline.present.export import export_json, export_jsonl
from storyline.reconcile import reconcile


def _exports(readings, story) -> dict[str, dict]:
    return {"json": json.loads(json.dumps(export_json(readings, story))), "jsonl": from_jsonl(export_jsonl(readings, story))}


def _age_story():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-12")
    varga = a.person("Celeste Varga", aliases=("Varga",), gender="female")
    g41 = a.age(varga, 41, "Celeste Varga, 41, was seen in Lisbon.")
    theo = a.person("Theo Lindqvist", aliases=("the choreographer",), gender="male")
    a.say("The choreographer, 47, has been spotted.")
    m47 = a.mention(theo, "The choreographer")
    b = ArticleBuilder("b1", "Glitter", "2024-02-06")
    varga_b = b.person("Celeste Varga", gender="female")
    g42 = b.age(varga_b, 42, "Celeste Varga, 42, posted a photo.")
    readings = [a.build(), b.build()]
    story = reconcile(readings)
    # A fact and conflict citing the Age and Mention records, as reconcile.attributes writes them.
    fid = make_id("f", "age", "test")
    fact = Fact(fid, "Celeste Varga is 41", "age", (g41, g42, m47), ("a1", "b1"), ("Daily Lumen", "Glitter"), 2,
                "contradicted", "unattributed", None)
    conflict = Conflict(make_id("x", fid), fid, (g41, g42), "age", "41 on 2024-01-12 but 42 on 2024-02-06")
    story = Story(story.entities, (fact,), (conflict,), (), ())
    return readings, story, (g41, g42, m47)


def test_an_age_read_before_sentences_were_kept_is_its_own_sentence():
    from dataclasses import replace

    readings, story, (g41, _, _) = _age_story()
    readings = [replace(r, sentences=()) for r in readings]
    [c] = [c for c in _exports(readings, story)["json"]["claims"] if c["id"] == g41]
    assert (c["sentence_start"], c["sentence_end"]) == (c["start"], c["end"])


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_age_and_mention_evidence_are_exported_as_claims(fmt):
    readings, story, cited = _age_story()
    data = _exports(readings, story)[fmt]
    assert id_violations(data) == []
    claims = {c["id"]: c for c in data["claims"]}
    g41, g42, m47 = cited
    assert claims[g41]["kind"] == "age" and claims[g41]["object"] == "41" and claims[g41]["text"] == "Varga, 41"
    assert claims[g41]["predicate"] == "age" and claims[g41]["source"]["kind"] == "unattributed"
    assert claims[g41]["subject"] in {e["id"] for e in data["entities"]}
    assert claims[m47]["kind"] == "age" and claims[m47]["text"] == "The choreographer, 47"
    assert claims[m47]["object"] == "47"
    text = {a["id"]: a["text"] for a in data["articles"]}
    for c in data["claims"]:
        assert text[c["article"]][c["start"]:c["end"]] == c["text"]
    # the read claims stay "claim"s; the facts' claims and the conflict pair are all claims now
    assert {c["kind"] for c in data["claims"]} <= {"claim", "age", "count"}
    # An age statement's sentence is the reader's (ArticleReading.sentences), found by no text search.
    sentence = "Celeste Varga, 41, was seen in Lisbon."
    assert text["a1"][claims[g41]["sentence_start"]:claims[g41]["sentence_end"]] == sentence
    assert text["a1"][claims[m47]["sentence_start"]:claims[m47]["sentence_end"]] == "The choreographer, 47, has been spotted."
    fact = next(f for f in data["facts"] if f["statement"] == "Celeste Varga is 41")
    assert fact["claims"] == list(cited) and fact["conflicts"][0]["claims"] == [g41, g42]
    assert all(claims[c]["fact"] == fact["id"] for c in cited)


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_demo_export_ids_honour_the_contract(demo_analyzed, fmt):
    db, _ = demo_analyzed
    with api.open_store(db) as store:
        data = api.export(store, fmt)
    data = data if fmt == "json" else from_jsonl(data)
    assert id_violations(data) == []
    # the demo's age facts are exported with their evidence as claims
    assert any(c["kind"] == "age" for c in data["claims"])


# --- a real-news story: ECB+ sub-topic 18ecbplus (an office-party shooting), 11 articles ------------

sys.path.insert(0, str(EVAL_DIR))
from ecbplus_corpus import default_root  # noqa: E402


@pytest.mark.model
@pytest.mark.eval
@pytest.mark.skipif(not (default_root() / "ECB+").is_dir(), reason=f"ECB+ not found at {default_root()}")
def test_real_news_export_ids_honour_the_contract(tmp_path):
    from ecbplus_corpus import load_corpus, subtopics

    docs = subtopics(load_corpus(topics=[18]))["18ecbplus"]
    # ECB+ gives no publication dates; one fixed date lets ages become facts (the dates themselves
    # are not what this test checks), which is where g-/m- evidence ids come from.
    manifest = tmp_path / "ecb.jsonl"
    manifest.write_text("".join(json.dumps({"id": d.name, "text": d.text, "url": d.url, "published": "2010-01-01"}) + "\n"
                                for d in docs), "utf-8")
    with api.open_store(tmp_path / "ecb.db") as store:
        summary = api.analyze([manifest], store)
        assert summary.articles_total == len(docs) and not summary.rejected
        for fmt in ("json", "jsonl"):
            data = api.export(store, fmt)
            data = data if fmt == "json" else from_jsonl(data)
            assert id_violations(data) == [], fmt
            assert sum(c["kind"] != "claim" for c in data["claims"]) > 0  # the case that used to break
