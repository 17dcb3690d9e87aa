"""The JSON export's event references: claims[].event_references and statement_events[]
(storyline.reconcile.references), valid against the shipped schema and the id contract."""

from __future__ import annotations

import json
import jsonschema
from helpers.builders import ArticleBuilder, on_predicate
from helpers.contract import from_jsonl, id_violations
from helpers.paths import REPO

from storyline.present.export import export_json, export_jsonl
from storyline.reconcile import reconcile


def _story():
    a = ArticleBuilder("a1", "AP", "2024-12-03")
    shot = a.claim("the gunman shot a guard at the bank", predicate="shoot")
    b = ArticleBuilder("b1", "Reuters", "2024-12-04")
    sheriff = b.person("Sheriff Ann Lee")
    arrest = b.claim("deputies arrested the man wanted for the shooting", predicate="arrest", kind="named_person",
                     source_text="Sheriff Ann Lee", source_entity=sheriff, before="Sheriff Ann Lee said ")
    readings = [on_predicate(a.build(), shot, "shot"), on_predicate(b.build(), arrest, "arrested", cue="said")]
    return readings, reconcile(readings), shot, arrest


def test_a_claim_exports_the_events_it_refers_to():
    readings, story, shot, arrest = _story()
    data = json.loads(json.dumps(export_json(readings, story)))
    jsonschema.validate(data, json.loads((REPO / "docs" / "export.schema.json").read_text("utf-8")))
    claims = {c["id"]: c for c in data["claims"]}
    shot_event = claims[shot]["fact"] and next(f["event"] for f in data["facts"] if f["id"] == claims[shot]["fact"])
    [statement] = data["statement_events"]
    refs = [(r["text"], r["event"], r["kind"]) for r in claims[arrest]["event_references"]]
    assert refs == [("said", statement["id"], "statement"), ("shooting", shot_event, "event")]
    assert statement["verb"] == "say" and statement["claims"] == [arrest] and statement["source"] is not None
    assert claims[shot]["event_references"] == []
    assert id_violations(data) == []
    assert id_violations(from_jsonl(export_jsonl(readings, story))) == []


def test_an_article_exports_the_events_its_words_outside_claims_name():
    a = ArticleBuilder("a1", "AP", "2024-12-03")
    shot = a.claim("the gunman shot a guard at the bank", predicate="shoot")
    b = ArticleBuilder("b1", "Reuters", "2024-12-04")
    b.say("Two hurt in bank shooting")  # a headline no claim was read from
    rained = b.claim("it rained all day", predicate="rain")
    readings = [on_predicate(a.build(), shot, "shot"), on_predicate(b.build(), rained, "rained")]
    story = reconcile(readings)
    data = json.loads(json.dumps(export_json(readings, story)))
    jsonschema.validate(data, json.loads((REPO / "docs" / "export.schema.json").read_text("utf-8")))
    articles = {x["id"]: x for x in data["articles"]}
    shot_event = next(f["event"] for f in data["facts"] if shot in f["claims"])
    assert [(r["text"], r["event"], r["kind"]) for r in articles["b1"]["event_references"]] == [("shooting", shot_event, "event")]
    assert articles["a1"]["event_references"] == []
    assert id_violations(data) == []
    assert id_violations(from_jsonl(export_jsonl(readings, story))) == []
