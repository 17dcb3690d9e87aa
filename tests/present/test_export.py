"""Exports follow the contract and the shipped, generated JSON Schema."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import jsonschema
import pytest
from helpers.paths import REPO

from storyline.core.records import (
    Age,
    Article,
    ArticleEntity,
    ArticleReading,
    Claim,
    Conflict,
    Echo,
    Fact,
    Mention,
    Source,
    Story,
    StoryEntity,
    TimelineEntry,
    Timex,
)  # fmt: skip
from storyline.present.export import (
    CSV_COLUMNS,
    export,
    export_csv,
    export_json,
    export_jsonl,
)
from storyline.present.schema import export_schema, tables_markdown

ROOT = REPO
TEXT = "Mara Quinn, 41, split from Julien Dufresne in March, a source says."


def _story() -> tuple[list[ArticleReading], Story]:
    art = Article("a1", TEXT, "Glitter", date(2024, 4, 2), "Split", "https://g.invalid/1", "a1.txt", "txt", "h")
    mara = ArticleEntity("e1", "a1", "Mara Quinn", "PERSON", (), "female", {})
    jul = ArticleEntity("e2", "a1", "Julien Dufresne", "PERSON", (), "male", {})
    ments = (Mention("m1", "a1", "e1", 0, 10, "Mara Quinn", "name"), Mention("m2", "a1", "e2", 27, 42, "Julien Dufresne", "name"))
    tx = Timex("t1", "a1", 43, 51, "in March", "DATE", "2024-03", None, "DCT")
    src = Source("anonymous", "a source", 53, 61, None, "says", "indirect", "Glitter", "anonymous:1")
    claim = Claim("c1", "a1", 0, 51, TEXT[:51], "e1", "separate", "separation", "e2", "t1", "positive", "certain", (), src, 0, len(TEXT))
    reading = ArticleReading(art, (mara, jul), ments, (Age("g1", "a1", "e1", 41, 12, 14, "2024-04-02"),), (tx,), (claim,))
    story = Story(
        entities=(StoryEntity("s1", "Mara Quinn", "PERSON", ("Quinn",), ("e1",), ()), StoryEntity("s2", "Julien Dufresne", "PERSON", (), ("e2",), ())),
        facts=(Fact("f1", "Mara Quinn split from Julien Dufresne", "separation", ("c1",), ("a1",), ("Glitter",), 1, "single_source", "anonymous", "2024-03"),),
        conflicts=(Conflict("k1", "f1", ("c1", "c1"), "date", "same claim twice (test)"),),
        echoes=(Echo("x1", "c1", None, "according to reports"),),
        timeline=(TimelineEntry("l1", "2024-03", "2024-03-01", "2024-03-31", "f1", "Split", "single_source"),),
    )
    return [reading], story


def test_json_export_validates_against_the_shipped_schema():
    readings, story = _story()
    data = export_json(readings, story)
    schema = json.loads((ROOT / "docs" / "export.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    assert data["schema"] == "storyline/1"


def test_claims_reference_story_entities_and_timexes():
    data = export_json(*_story())
    (claim,) = data["claims"]
    assert (claim["subject"], claim["object"], claim["when"]) == ("s1", "s2", "t1")
    assert claim["source"] == {"kind": "anonymous", "text": "a source", "start": 53, "end": 61, "entity": None,
                               "cue": "says", "quote": "indirect", "via": "Glitter", "key": "anonymous:1"}  # fmt: skip
    mara = next(e for e in data["entities"] if e["id"] == "s1")
    assert mara["mentions"] == [{"id": "m1", "article": "a1", "start": 0, "end": 10, "text": "Mara Quinn", "kind": "name", "quantities": []}]
    assert mara["ages"][0]["value"] == 41
    assert data["facts"][0]["conflicts"] == [{"claims": ["c1", "c1"], "reason": "same claim twice (test)", "kind": "date"}]
    art = data["articles"][0]
    assert art["text"][claim["start"] : claim["end"]] == claim["text"]
    assert art["published"] == "2024-04-02"  # a date is exported as ISO 8601 text


def test_contract_minimum_fields_are_present():
    """The fields ../shared/docs/export-contract.md promises, checked literally."""
    data = export_json(*_story())
    need = {
        "articles": {"id", "outlet", "url", "title", "published", "text"},
        "entities": {"id", "name", "type", "aliases", "mentions"},
        "timexes": {"id", "article", "start", "end", "text", "type", "value", "mod"},
        "claims": {"id", "article", "start", "end", "text", "subject", "predicate", "object", "when", "polarity",
                   "certainty", "hedges", "source"},
        "facts": {"id", "statement", "claims", "articles", "outlets", "independent_sources", "status", "conflicts"},
        "timeline": {"when", "fact", "label"},
    }  # fmt: skip
    for key, fields in need.items():
        for obj in data[key]:
            assert fields <= set(obj), (key, fields - set(obj))
    assert {"kind", "text", "start", "end", "entity", "cue", "quote", "via"} <= set(data["claims"][0]["source"])


def test_schema_rejects_a_broken_export():
    data = export_json(*_story())
    data["claims"][0]["certainty"] = "sure-ish"
    schema = json.loads((ROOT / "docs" / "export.schema.json").read_text("utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_jsonl_and_csv():
    readings, story = _story()
    lines = [json.loads(line) for line in export_jsonl(readings, story).splitlines()]
    assert lines[0] == {"record": "header", "schema": "storyline/1"}
    assert {line["record"] for line in lines} >= {"article", "entity", "timex", "claim", "fact", "timeline"}
    rows = list(csv.DictReader(io.StringIO(export_csv(readings, story))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert (rows[0]["subject"], rows[0]["object"], rows[0]["when"], rows[0]["fact_status"]) == (
        "Mara Quinn", "Julien Dufresne", "2024-03", "single_source")  # fmt: skip
    assert rows[0]["published"] == "2024-04-02"


def test_unknown_format_is_a_clear_error():
    from storyline.core.errors import ConfigError

    with pytest.raises(ConfigError, match="use one of"):
        export(*_story(), fmt="xml")


def test_generated_docs_are_up_to_date():
    """docs/export.schema.json and docs/schema.md are generated from the records: regenerate
    them with `make docs` when this fails."""
    assert json.loads((ROOT / "docs" / "export.schema.json").read_text("utf-8")) == export_schema()
    assert (ROOT / "docs" / "schema.md").read_text("utf-8") == tables_markdown()
