"""Work titles from production verbs and appositions (hand-built Docs)."""

from __future__ import annotations

from helpers.docs import build

from storyline.read.entities.component import annotate_entities


def _types(doc) -> dict[str, str]:
    doc._.sl_entities = annotate_entities(doc)
    return {e.name: e.type for e in doc._.sl_entities}


def test_title_after_a_production_gerund_is_a_work() -> None:
    doc = build("They fell in love while making Glass Harbor . || Glass Harbor flopped .", ents=[("Glass Harbor", "PERSON", 0)])
    assert _types(doc)["Glass Harbor"] == "WORK"


def test_title_in_apposition_to_a_work_noun_is_a_work() -> None:
    doc = build("They met on the set of Glass Harbor , the musical drama he staged .", ents=[("Glass Harbor", "PERSON")])
    assert _types(doc)["Glass Harbor"] == "WORK"


def test_person_in_apposition_to_a_work_noun_modifier_stays_a_person() -> None:
    doc = build("She spoke with Mona Reyes , the show ’s host .", ents=[("Mona Reyes", "PERSON")])
    assert _types(doc)["Mona Reyes"] == "PERSON"
    doc = build("She worked with Mona Reyes , the musical drama coach|NOUN .", ents=[("Mona Reyes", "PERSON")])
    assert _types(doc)["Mona Reyes"] == "PERSON"
