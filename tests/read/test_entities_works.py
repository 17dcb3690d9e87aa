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


def test_a_capitalised_gerund_of_a_headline_takes_no_title() -> None:
    # After ECB+ 22_10ecbplus and 18_8ecbplus (CC BY 3.0): in a Title Case line every word is
    # capitalised, so "Shooting Suspect" is a noun phrase, not "shooting <Title>".
    doc = build("Trial Begins for Kraft Shooting Suspect . || Fired Accountant Goes on Shooting Spree .")
    assert "WORK" not in _types(doc).values()


def test_title_in_apposition_to_a_work_noun_is_a_work() -> None:
    doc = build("They met on the set of Glass Harbor , the musical drama he staged .", ents=[("Glass Harbor", "PERSON")])
    assert _types(doc)["Glass Harbor"] == "WORK"


def test_person_in_apposition_to_a_work_noun_modifier_stays_a_person() -> None:
    doc = build("She spoke with Mona Reyes , the show ’s host .", ents=[("Mona Reyes", "PERSON")])
    assert _types(doc)["Mona Reyes"] == "PERSON"
    doc = build("She worked with Mona Reyes , the musical drama coach|NOUN .", ents=[("Mona Reyes", "PERSON")])
    assert _types(doc)["Mona Reyes"] == "PERSON"


def test_a_subtitle_after_a_colon_is_the_titles_so_the_subjects_name_stays_hers() -> None:
    # Review (fourth round), as in ECB+ 4ecb (CC BY 3.0): "the book 'Bettie Page: The Life of a
    # Pin-Up Legend'" made the title "Bettie Page", which then took the woman's own name above it
    # (tagged ORG) as the book's. Invented name here.
    spec = ('Pin - up model Bettie Okafor died . || She was 85 . || '
            'In the book " Bettie Okafor : The Life of a Pin - Up Legend , " Okafor recalled her youth .')
    title = ("Bettie Okafor : The Life of a Pin - Up Legend", "WORK_OF_ART")
    doc = build(spec, ents=[("Bettie Okafor", "ORG", 0), title])
    doc._.sl_entities = annotate_entities(doc)
    works = [e for e in doc._.sl_entities if e.type == "WORK"]
    assert [[m.text for m in e.mentions] for e in works] == [["Bettie Okafor: The Life of a Pin-Up Legend"]]
    doc = build(spec, ents=[("Bettie Okafor", "ORG", 0), title, ("Okafor", "PERSON", 2)])
    doc._.sl_entities = annotate_entities(doc)
    assert {e.name: [m.text for m in e.mentions] for e in doc._.sl_entities} == {
        "Bettie Okafor": ["Bettie Okafor", "Okafor"],
        "Bettie Okafor: The Life of a Pin-Up Legend": ["Bettie Okafor: The Life of a Pin-Up Legend"],
    }
