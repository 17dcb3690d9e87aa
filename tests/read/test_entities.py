"""storyline_entities rules on hand-built Docs (tags, parse and NER given, so no model drift)."""

from __future__ import annotations

import pytest
from helpers.docs import build, by_name, model_doc, model_nlp
from helpers.docs import mention_texts as texts

from storyline.read.entities.component import annotate_entities, entities_component


def run(doc):
    doc._.sl_entities = annotate_entities(doc)
    return doc


def test_full_name_licenses_surname_even_when_tagged_as_a_verb() -> None:
    doc = run(build(
        "Mara Quinn is hurt after Julien Dufresne ’s affair . || "
        "Dufresne|VERB|VBN would often stay away , a source says . || "
        "Quinn|PROPN|NNP and Dufresne|PROPN|NNP split .",
        ents=[("Mara Quinn", "PERSON"), ("Julien Dufresne ’s", "PERSON"), ("Quinn", "NORP", 1)],
    ))
    julien = by_name(doc, "Julien Dufresne")
    assert texts(julien) == ["Julien Dufresne", "Dufresne", "Dufresne"]
    assert julien.type == "PERSON"
    mara = by_name(doc, "Mara Quinn")
    assert texts(mara) == ["Mara Quinn", "Quinn"]
    assert not any(e.type in {"NORP", "OTHER"} for e in doc._.sl_entities)


def test_possessive_stays_outside_the_mention() -> None:
    doc = run(build("Julien Dufresne ’s charm worked . || Later Dufresne ’s team spoke .",
                    ents=[("Julien Dufresne ’s", "PERSON")]))
    ent = by_name(doc, "Julien Dufresne")
    for m in ent.mentions:
        assert not m.text.endswith("s") or m.text.endswith("Dufresne")
        assert doc.text[m.start:m.end] == m.text
    assert texts(ent) == ["Julien Dufresne", "Dufresne"]


def test_nicknames_and_given_name_join_the_full_name() -> None:
    doc = run(build("Elizabeth Hart met Nathaniel Price . || Liz and Nate laughed . || Later Nathaniel left .",
                    ents=[("Elizabeth Hart", "PERSON"), ("Nathaniel Price", "PERSON")]))
    assert texts(by_name(doc, "Elizabeth Hart")) == ["Elizabeth Hart", "Liz"]
    assert texts(by_name(doc, "Nathaniel Price")) == ["Nathaniel Price", "Nate", "Nathaniel"]
    assert by_name(doc, "Elizabeth Hart").gender == "female"
    assert len([e for e in doc._.sl_entities if e.type == "PERSON"]) == 2


def test_us_is_the_outlet_only_in_outlet_contexts() -> None:
    doc = run(build(
        "A source tells Us|PRON|PRP that Quinn is fine . || Us confirmed the split . || "
        "Her friends told us|PRON|PRP nothing . || Us Weekly insiders agree .",
        ents=[("Us", "GPE", 0), ("Us", "GPE", 1), ("Us Weekly", "ORG")],
    ))
    outlet = by_name(doc, "Us Weekly")
    assert outlet.type == "OUTLET"
    assert texts(outlet) == ["Us", "Us", "Us Weekly"]
    assert not any(e.type == "GPE" for e in doc._.sl_entities)


def test_sentence_initial_us_without_context_is_not_an_outlet() -> None:
    doc = run(build("Us|PRON|PRP against them , she said .", ents=[("Us", "GPE")]))
    assert doc._.sl_entities == []


def test_publishing_outlet_from_metadata() -> None:
    doc = run(build("The Daily Lumen has learned that Quinn moved . || A source told the Lumen everything .",
                    ents=[("Daily Lumen", "ORG")], outlet="The Daily Lumen"))
    outlet = by_name(doc, "The Daily Lumen")
    assert outlet.type == "OUTLET" and outlet.attributes.get("publisher") is True
    assert texts(outlet) == ["The Daily Lumen", "the Lumen"]


def test_titles_from_work_contexts_are_works_never_dates_or_people() -> None:
    doc = run(build(
        "The June October actress|NOUN|NN wept . || They met on the set of 2011 ’s Red Lantern . || "
        "The Marguerite star|NOUN|NN smiled . || Red Lantern was a hit .",
        ents=[("June October", "DATE"), ("Red Lantern", "LOC", 0), ("Marguerite", "PERSON"), ("Red Lantern", "LOC", 1)],
    ))
    works = {e.name: e for e in doc._.sl_entities if e.type == "WORK"}
    assert set(works) == {"June October", "Red Lantern", "Marguerite"}
    assert len(works["Red Lantern"].mentions) == 2
    assert not any(e.type in {"PERSON", "LOC", "GPE"} for e in doc._.sl_entities)


def test_curly_and_straight_year_possessive_titles() -> None:
    for apostrophe in ("’s", "'s"):
        doc = run(build(f"She starred in the remake after 2010 {apostrophe} Red Lantern .", ents=[("2010", "DATE")]))
        assert [e.name for e in doc._.sl_entities if e.type == "WORK"] == ["Red Lantern"]


def test_star_of_and_film_contexts() -> None:
    doc = run(build("She is the star of Harbor Lights . || He directed the film Paper Moons .",
                    ents=[("Harbor Lights", "GPE"), ("Paper Moons", "PERSON")]))
    assert sorted((e.name, e.type) for e in doc._.sl_entities) == [("Harbor Lights", "WORK"), ("Paper Moons", "WORK")]


def test_sentence_initial_word_used_in_lower_case_elsewhere_is_not_a_name() -> None:
    doc = run(build("Sources say Quinn left . || Two sources agree .", ents=[("Sources", "ORG"), ("Quinn", "PERSON")]))
    assert [e.name for e in doc._.sl_entities] == ["Quinn"]


def test_nationality_before_role_noun_is_not_a_work() -> None:
    doc = run(build("The French|ADJ|JJ actress|NOUN|NN smiled .", ents=[("French", "NORP")]))
    assert [e for e in doc._.sl_entities if e.type == "WORK"] == []


def test_award_before_winner_is_not_a_person() -> None:
    doc = run(build("Mara Quinn smiled . || The Oscar winner|NOUN|NN left .", ents=[("Mara Quinn", "PERSON"), ("Oscar", "PERSON")]))
    assert [e.name for e in doc._.sl_entities] == ["Mara Quinn"]


def test_ages_are_attributes_not_dates_and_children_are_people() -> None:
    doc = run(build(
        "Mara Quinn , 41 , and Julien Dufresne , 47 , split . || "
        "The pair welcomed son Tobias , 9 , and daughter Elodie , 5 . || "
        "Dufresne dated 24 - year - old climate activist Lou Marchal .",
        ents=[("Mara Quinn", "PERSON"), ("41", "DATE"), ("Julien Dufresne", "PERSON"), ("47", "DATE"),
              ("Tobias", "ORG"), ("9", "DATE"), ("Elodie", "GPE"), ("24 - year - old", "DATE"), ("Lou Marchal", "PERSON")],
    ))
    assert [a.value for a in by_name(doc, "Mara Quinn").ages] == [41]
    assert [a.value for a in by_name(doc, "Julien Dufresne").ages] == [47]
    tobias, elodie = by_name(doc, "Tobias"), by_name(doc, "Elodie")
    assert (tobias.type, tobias.gender, tobias.attributes["relation"], [a.value for a in tobias.ages]) == ("PERSON", "male", "son", [9])
    assert (elodie.type, elodie.gender, [a.value for a in elodie.ages]) == ("PERSON", "female", [5])
    lou = by_name(doc, "Lou Marchal")
    assert [a.value for a in lou.ages] == [24]
    assert doc.text[lou.ages[0].start:lou.ages[0].end] == "24-year-old"
    assert {e.type for e in doc._.sl_entities} == {"PERSON"}


def test_kids_list_introduces_each_child() -> None:
    doc = run(build("She took her kids Tobias and Elodie to the park .", ents=[]))
    assert sorted(e.name for e in doc._.sl_entities) == ["Elodie", "Tobias"]


def test_sentence_initial_capitalised_stopword_is_not_a_person() -> None:
    doc = run(build("Will|AUX|MD she return ? || Mara Quinn will .", ents=[("Will", "PERSON"), ("Mara Quinn", "PERSON")]))
    assert [e.name for e in doc._.sl_entities] == ["Mara Quinn"]


def test_org_acronym_and_place_aliases_cluster() -> None:
    doc = run(build("General Motors said the U.S. market fell . || GM expects the US to recover .",
                    ents=[("General Motors", "ORG"), ("U.S.", "GPE"), ("GM", "ORG"), ("US", "GPE")]))
    gm = by_name(doc, "General Motors")
    assert texts(gm) == ["General Motors", "GM"]
    us = [e for e in doc._.sl_entities if e.type == "GPE"]
    assert len(us) == 1 and len(us[0].mentions) == 2


def test_output_contract_keys_sorted_mentions_and_span_group() -> None:
    doc = entities_component(build("Mara Quinn told People she is fine . || Quinn smiled .",
                                   ents=[("Mara Quinn", "PERSON"), ("People", "ORG")]))
    ents = doc._.sl_entities
    assert [e.key for e in ents] == list(range(len(ents)))
    for e in ents:
        assert [(m.start, m.end) for m in e.mentions] == sorted((m.start, m.end) for m in e.mentions)
        assert all(m.kind == "name" for m in e.mentions)
    assert by_name(doc, "People").type == "OUTLET"
    labels = [(s.text, s.label_) for s in doc.spans["sl_mentions"]]
    assert labels == [("Mara Quinn", "PERSON"), ("People", "OUTLET"), ("Quinn", "PERSON")]
    assert by_name(doc, "Mara Quinn").aliases == ["Quinn"]


def test_component_never_raises_on_odd_text() -> None:
    for spec in ["", "’s", ", , ,", "“ ” “", "the the the", "Us", "41 , 42 ,"]:
        doc = entities_component(build(spec) if spec else build("."))
        assert isinstance(doc._.sl_entities, list)


@pytest.mark.model
def test_real_pipeline_on_a_project_article() -> None:
    text = (
        "Mara Quinn is “still shaken” after Julien Dufresne’s affair, but Us Weekly insiders say she is moving on. "
        "A source tells Us that Dufresne, 47, “would vanish for days.” Quinn, 41, “began to suspect something.” "
        "The June October actress met Dufresne on the set of 2011’s Red Lantern. "
        "The pair welcomed son Tobias, 9, and daughter Elodie, 5."
    )
    doc = model_doc(text, "Us Weekly")
    mara, julien = by_name(doc, "Mara Quinn"), by_name(doc, "Julien Dufresne")
    assert len([m for m in julien.mentions if m.kind == "name"]) == 3
    assert [a.value for a in mara.ages] == [41] and [a.value for a in julien.ages] == [47]
    assert by_name(doc, "Us Weekly").type == "OUTLET" and len(by_name(doc, "Us Weekly").mentions) == 2
    assert by_name(doc, "June October").type == "WORK" and by_name(doc, "Red Lantern").type == "WORK"
    assert by_name(doc, "Tobias").type == "PERSON" and by_name(doc, "Elodie").type == "PERSON"
    assert "The June October actress" in [m.text for m in mara.mentions]


@pytest.mark.model
def test_real_pipeline_never_raises_on_odd_text() -> None:
    nlp = model_nlp()
    odd = ["", "   \n\n  ", "“", "’s ’s ’s", "Us Us Us. Us!", "The the THE", "— 42, 41, —", "A" * 500,
           "She said. He said. They said.", "\u200b\u00a0Mara\u00a0Quinn, 41,\u00a0smiled.", "(((Quinn)))"]
    for text in odd:
        doc = nlp(text)
        assert isinstance(doc._.sl_entities, list)
        for ent in doc._.sl_entities:
            for m in ent.mentions:
                assert text[m.start:m.end] == m.text


def test_a_name_the_tagger_called_an_organisation_is_the_person_it_introduces() -> None:
    # ECB+ 4_2ecb (CC BY 3.0): "Bettie Page, the raven-haired pin-up ..." tagged ORG, then "Ms
    # Page" tagged PERSON: the person was "Page" alone, the given name lost. Invented names here.
    # The tagger also called "Bettie" alone an organisation, as it did there: no sure person then.
    doc = run(build(
        "Bettie Okafor , the pin - up , has died . || Ms Okafor ’s agent said so . || "
        "Ms Okafor was 85 . || Fans of Bettie Okafor mourned . || Bettie sold well .",
        ents=[("Bettie Okafor", "ORG", 0), ("Ms Okafor ’s", "PERSON"), ("Ms Okafor", "PERSON", 1),
              ("Bettie Okafor", "ORG", 1), ("Bettie", "ORG", 2)],
    ))
    okafor = by_name(doc, "Bettie Okafor")
    assert okafor.type == "PERSON"
    assert texts(okafor)[:4] == ["Bettie Okafor", "Ms Okafor", "Ms Okafor", "Bettie Okafor"]
    # ... and a middle name that is a known given name ("Bettie Mae Page") keeps the name before it.
    doc = run(build(
        "Bettie Okafor , the pin - up , has died . || Born in Nashville , Bettie Mae Okafor was one of six .",
        ents=[("Bettie Okafor", "ORG"), ("Bettie Mae Okafor", "ORG")],
    ))
    assert [e.name for e in doc._.sl_entities if e.type == "PERSON"] == ["Bettie Mae Okafor"]


def test_a_name_first_met_later_does_not_make_a_known_surname_fuller() -> None:
    # "Okafor" introduced alone, "Bettie Okafor" (tagged ORG) only later: maybe a relative.
    doc = run(build(
        "Ms Okafor said she was fine . || Later Bettie Okafor spoke . || Bettie sold well .",
        ents=[("Ms Okafor", "PERSON"), ("Bettie Okafor", "ORG"), ("Bettie", "ORG", 1)],
    ))
    assert [e.name for e in doc._.sl_entities if e.type == "PERSON"] == ["Okafor"]


def test_a_given_name_spelt_two_ways_in_one_article_is_one_person() -> None:
    # ECB+ 4_3ecb (CC BY 3.0): "Bettie Page" and, further down, "Betty Mae Page": one woman.
    doc = run(build(
        "Bettie Okafor died . || Born in Nashville , Betty Mae Okafor was one of six . || Later Bettie spoke .",
        ents=[("Bettie Okafor", "PERSON"), ("Betty Mae Okafor", "PERSON"), ("Bettie", "PERSON", 1)],
    ))
    okafor = by_name(doc, "Betty Mae Okafor")
    assert texts(okafor) == ["Bettie Okafor", "Betty Mae Okafor", "Bettie"]
    assert len([e for e in doc._.sl_entities if e.type == "PERSON"]) == 1
    for text, first, second, people in (
            # A name and another's diminutive are two people ("Jack" and his daughter "Jackie").
            ("Jack Okafor died . || His daughter Jackie Okafor spoke .", "Jack Okafor", "Jackie Okafor", 2),
            # Two spellings named in one sentence are two people (review: "Toni Morrison and Tony
            # Morrison attended the gala" was one person).
            ("Toni Okafor and Tony Okafor attended the gala .", "Toni Okafor", "Tony Okafor", 2),
            # Two spellings that are each a given name of its own in the table (Bobbie of Barbara,
            # Bobby of Robert) are two people, whatever the sentences (review: "Bobbie Brown" and,
            # further down, "Bobby Brown" were one person).
            ("Bobbie Okafor sang . || Later , Bobby Okafor danced .", "Bobbie Okafor", "Bobby Okafor", 2),
            # ... but one name's two spellings are one person ("Rickie" and "Ricky", whose families
            # the table does not give two genders).
            ("Rickie Okafor sang . || Later , Ricky Okafor danced .", "Rickie Okafor", "Ricky Okafor", 1)):
        doc = run(build(text, ents=[(first, "PERSON"), (second, "PERSON")]))
        assert len([e for e in doc._.sl_entities if e.type == "PERSON"]) == people, text


def test_a_given_name_alone_takes_the_full_name_the_tagger_called_an_organisation() -> None:
    # ECB+ 4_11ecb (CC BY 3.0): "Bettie Page" tagged ORG throughout, "Bettie" alone a person.
    doc = run(build(
        "Bettie Okafor , the pin - up queen , died . || Bettie|PROPN|NNP|nsubj|+1 said|VERB|VBD|ROOT|0 she was tired . || "
        "Bettie sold well .",
        ents=[("Bettie Okafor", "ORG"), ("Bettie", "PERSON", 1), ("Bettie", "ORG", 2)],
    ))
    okafor = by_name(doc, "Bettie Okafor")
    assert texts(okafor)[:2] == ["Bettie Okafor", "Bettie"]


def test_a_kind_of_person_before_a_name_the_tagger_called_an_organisation_is_cut() -> None:
    # ECB+ 7_9ecb (CC BY 3.0): "a lopsided victory over the American Hasim Rahman" tagged ORG.
    doc = run(build(
        "Klitschko beat the American Hasim Okafor on Saturday . || Okafor , 35 , said he was tired .",
        ents=[("Klitschko", "PERSON"), ("the American Hasim Okafor", "ORG"), ("Okafor", "PERSON", 1)],
    ))
    assert texts(by_name(doc, "Hasim Okafor")) == ["Hasim Okafor", "Okafor"]


def test_a_name_after_a_kind_of_person_is_a_person_once_with_a_known_given_name() -> None:
    # ECB+ 7_2ecb (CC BY 3.0): "after stopping American Hasim Rahman after 44 seconds", tagged ORG,
    # the only time the article names him.
    doc = run(build("Klitschko won after stopping American Dana Okafor after 44 seconds .",
                    ents=[("Klitschko", "PERSON"), ("American Dana Okafor", "ORG")]))
    assert texts(by_name(doc, "Dana Okafor")) == ["Dana Okafor"]
    assert by_name(doc, "Dana Okafor").type == "PERSON"


def test_a_body_after_a_nationality_is_no_person() -> None:
    # Review (third round): "Korean Hyundai Mobis" tagged ORG made a person "Hyundai Mobis". The
    # span alone says nothing: its first word must be a known given name, or its last word a
    # person elsewhere in the article.
    for spec, ent in [("Rivals such as Korean Hyundai Mobis cut prices .", "Korean Hyundai Mobis"),
                      ("Fans of Italian Ferrari Maranello cheered .", "Italian Ferrari Maranello"),
                      ("Klitschko won after stopping American Hasim Okafor after 44 seconds .", "American Hasim Okafor")]:
        doc = run(build(spec, ents=[(ent, "ORG")]))
        assert not [e.name for e in doc._.sl_entities if e.type == "PERSON"], spec
    doc = run(build("Fans cheered Italian Vair Maranello . || Maranello , 35 , said he was proud .",
                    ents=[("Italian Vair Maranello", "ORG"), ("Maranello", "ORG", 1)]))
    assert by_name(doc, "Vair Maranello").type == "PERSON"


def test_a_title_the_tagger_calls_a_person_elsewhere_stays_a_work() -> None:
    # Titles spread to their other occurrences after people are matched: a title introduces no one.
    doc = run(build(
        "Dana Okafor starred in the film Black Swan . || Black Swan earned millions .",
        ents=[("Dana Okafor", "PERSON"), ("Black Swan", "PERSON", 1)],
    ))
    swan = by_name(doc, "Black Swan")
    assert swan.type == "WORK" and texts(swan) == ["Black Swan", "Black Swan"]
    assert [e.name for e in doc._.sl_entities if e.type == "PERSON"] == ["Dana Okafor"]


def test_a_surname_the_tagger_calls_a_body_before_a_noun_it_modifies_is_the_body() -> None:
    # Review (fourth round): "Gerald Ford's library opened. Ford shares fell 3%." made the
    # company's shares Gerald Ford's. A lone surname typed ORG that modifies a common noun after
    # it is the body's word; typed a person there, or heading its own phrase, it is read as before.
    spec = "Dana Okafor spoke . || Okafor|PROPN|NNP|compound|+1 shares|NOUN|NNS|nsubj|+1 fell|VERB|VBD|ROOT|0 ."
    doc = run(build(spec, ents=[("Dana Okafor", "PERSON"), ("Okafor", "ORG", 1)]))
    assert texts(by_name(doc, "Dana Okafor")) == ["Dana Okafor"]
    assert any(e.type == "ORG" and e.name == "Okafor" for e in doc._.sl_entities)
    doc = run(build(spec, ents=[("Dana Okafor", "PERSON"), ("Okafor", "PERSON", 1)]))
    assert texts(by_name(doc, "Dana Okafor")) == ["Dana Okafor", "Okafor"]


@pytest.mark.parametrize("noun", ["lawyers", "administration", "years"])
def test_a_surname_the_tagger_calls_a_body_before_a_noun_a_person_has_stays_the_person(noun: str) -> None:
    # Review (fifth round): "Police arrested Kyle Brandt. Brandt lawyers said ...", "the Ford
    # administration", "the Ford years" made the surname an organisation of its own. Only a noun
    # naming what a company holds and a person does not (shares, profits, a plant, merchandise:
    # WordNet's assets, commodities, industrial sites, businesses) makes the surname the body's.
    spec = f"Dana Okafor spoke . || Okafor|PROPN|NNP|compound|+1 {noun}|NOUN|NNS|nsubj|+1 said|VERB|VBD|ROOT|0 ."
    doc = run(build(spec, ents=[("Dana Okafor", "PERSON"), ("Okafor", "ORG", 1)]))
    assert texts(by_name(doc, "Dana Okafor")) == ["Dana Okafor", "Okafor"]
    assert not any(e.type == "ORG" for e in doc._.sl_entities)


def test_a_surname_starting_a_body_name_is_the_body_but_not_in_a_misread_span() -> None:
    # Review (third round): "Ford Motor" made Gerald Ford's. A span the tagger misread as ORG is no
    # body: across punctuation ("People, Reid", ECB+ 1_5ecb), with a lower-case word, or ending
    # with the surname ("Paris Kyriakides", ECB+ 19_9ecb).
    doc = run(build("Dana Okafor spoke . || Okafor Motor cut jobs . || Okafor shares fell .",
                    ents=[("Dana Okafor", "PERSON"), ("Okafor Motor", "ORG"), ("Okafor", "ORG", 2)]))
    assert texts(by_name(doc, "Dana Okafor")) == ["Dana Okafor", "Okafor"]
    doc = run(build("Dana Okafor spoke . || With People , Okafor said she was fine . || Vair Okafor came .",
                    ents=[("Dana Okafor", "PERSON"), ("People , Okafor", "ORG"), ("Vair Okafor", "ORG")]))
    assert texts(by_name(doc, "Dana Okafor")) == ["Dana Okafor", "Okafor", "Okafor"]


def test_an_untagged_subject_owning_its_object_by_his_or_her_is_a_person() -> None:
    # ECB+ 7_5ecbplus (CC BY 3.0): "Wladimir Klitschko won his 16th straight fight today", the
    # name left untyped by the tagger, the article's main person found nowhere.
    spec = ("Later|ADV|RB|advmod|3 Wladi|PROPN|NNP|compound|1 Okafor|PROPN|NNP|nsubj|1 won|VERB|VBD|ROOT "
            "{poss}|PRON|PRP$|poss|2 16th|ADJ|JJ|amod|1 fight|NOUN|NN|dobj|-3 .|PUNCT|.|punct|-4")
    doc = run(build(spec.format(poss="his")))
    okafor = by_name(doc, "Wladi Okafor")
    assert okafor.type == "PERSON"
    assert texts(okafor)[0] == "Wladi Okafor"
    # "its" is no person's: the run stays no one.
    doc = run(build(spec.format(poss="its")))
    assert not [e.name for e in doc._.sl_entities if e.type == "PERSON"]
