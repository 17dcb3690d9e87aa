"""storyline_coref rules on hand-built Docs: epithets, pronouns, groups."""

from __future__ import annotations

import pytest
from helpers.docs import build, by_name, model_doc
from helpers.docs import mention_texts as mentions

from storyline.read.entities.component import entities_component
from storyline.read.entities.coref import coref_component

MARA = ("Mara Quinn", "PERSON")
JULIEN = ("Julien Dufresne", "PERSON")


def run(doc):
    return coref_component(entities_component(doc))


def test_apposition_role_decides_the_epithet_over_salience() -> None:
    doc = run(build(
        "Julien Dufresne , a choreographer , met Mara Quinn . || "
        "Mara|PROPN|NNP|nsubj|+2 Quinn|PROPN|NNP|nsubj|+1 smiled|VERB|VBD|ROOT|0 . || "
        "Quinn|PROPN|NNP|nsubj|+1 praised|VERB|VBD|ROOT|0 the|DET|DT|det|+1 choreographer|NOUN|NN|dobj|-2 .",
        ents=[JULIEN, MARA, ("Mara Quinn", "PERSON", 1)],
    ))
    julien = by_name(doc, "Julien Dufresne")
    assert mentions(julien, "nominal") == ["a choreographer", "the choreographer"]
    assert julien.attributes["roles"] == ["choreographer"]
    assert mentions(by_name(doc, "Mara Quinn"), "nominal") == []


def test_married_the_choreographer_is_not_the_subject() -> None:
    # No apposition: salience alone would pick Quinn; the co-argument rule excludes her.
    doc = run(build(
        "Julien|PROPN|NNP|compound|+1 Dufresne|PROPN|NNP|nsubj|+1 danced|VERB|VBD|ROOT|0 . || "
        "It|PRON|PRP|nsubj|+1 charmed|VERB|VBD|ROOT|0 Quinn|PROPN|NNP|dobj|-1 ,|PUNCT|,|punct|-1 "
        "who|PRON|WP|nsubj|+1 married|VERB|VBD|relcl|-3|marry the|DET|DT|det|+1 choreographer|NOUN|NN|dobj|-2 .|PUNCT|.|punct|-6 || "
        "The|DET|DT|det|+1 pair|NOUN|NN|nsubj|+1 moved|VERB|VBD|ROOT|0 . || "
        "Their|PRON|PRP$|poss|+1 home|NOUN|NN|nsubj|+1 sold|VERB|VBD|ROOT|0 .",
        ents=[JULIEN, ("Quinn", "PERSON")],
    ))
    julien, quinn = by_name(doc, "Julien Dufresne"), by_name(doc, "Quinn")
    assert mentions(julien, "nominal") == ["the choreographer"]
    groups = [e for e in doc._.sl_entities if e.type == "GROUP"]
    assert len(groups) == 1
    assert sorted(groups[0].attributes["members"]) == sorted([julien.key, quinn.key])
    assert mentions(groups[0], "nominal") == ["The pair"]
    assert mentions(groups[0], "pronoun") == ["Their"]
    assert groups[0].gender == "plural"


def test_work_epithet_is_gender_checked_and_records_the_work() -> None:
    doc = run(build(
        "Mara Quinn left Julien Dufresne . || The June October actress|NOUN|NN|nsubj|+1 wept|VERB|VBD|ROOT|0 .",
        ents=[MARA, JULIEN, ("June October", "DATE")],
    ))
    mara = by_name(doc, "Mara Quinn")
    assert mentions(mara, "nominal") == ["The June October actress"]
    assert mara.attributes["works"] == ["June October"]
    assert "The June October actress" in mara.aliases
    assert by_name(doc, "June October").type == "WORK"
    assert mentions(by_name(doc, "Julien Dufresne"), "nominal") == []


def test_oscar_winner_is_an_epithet_not_a_person() -> None:
    doc = run(build("Mara|PROPN|NNP|compound|+1 Quinn|PROPN|NNP|nsubj|+1 sang|VERB|VBD|ROOT|0 . || "
                    "The|DET|DT|det|+2 Oscar|PROPN|NNP|compound|+1 winner|NOUN|NN|nsubj|+1 bowed|VERB|VBD|ROOT|0 .",
                    ents=[MARA, ("Oscar", "PERSON")]))
    assert [e.name for e in doc._.sl_entities] == ["Mara Quinn"]
    assert mentions(by_name(doc, "Mara Quinn"), "nominal") == ["The Oscar winner"]


def test_pronouns_follow_gender_and_never_cross_it() -> None:
    doc = run(build(
        "Mara|PROPN|NNP|compound|+1 Quinn|PROPN|NNP|nsubj|+1 left|VERB|VBD|ROOT|0 Julien|PROPN|NNP|compound|+1 Dufresne|PROPN|NNP|dobj|-2 . || "
        "She|PRON|PRP|nsubj|+1 blamed|VERB|VBD|ROOT|0 him|PRON|PRP|dobj|-1 .",
        ents=[MARA, JULIEN],
    ))
    assert mentions(by_name(doc, "Mara Quinn"), "pronoun") == ["She"]
    assert mentions(by_name(doc, "Julien Dufresne"), "pronoun") == ["him"]


def test_pronoun_left_unresolved_when_two_candidates_compete() -> None:
    doc = run(build(
        "Mara|PROPN|NNP|compound|+1 Quinn|PROPN|NNP|nsubj|+4 and|CCONJ|CC|cc|-1 Elizabeth|PROPN|NNP|compound|+1 "
        "Hart|PROPN|NNP|conj|-3 met|VERB|VBD|ROOT|0 . || "
        "She|PRON|PRP|nsubj|+1 cried|VERB|VBD|ROOT|0 .",
        ents=[MARA, ("Elizabeth Hart", "PERSON")],
    ))
    assert all(m.kind != "pronoun" for e in doc._.sl_entities for m in e.mentions)


def test_pronoun_sets_the_gender_of_the_only_person_in_sight() -> None:
    doc = run(build("Lou|PROPN|NNP|compound|+1 Marchal|PROPN|NNP|nsubj|+1 spoke|VERB|VBD|ROOT|0 . || "
                    "She|PRON|PRP|nsubj|+1 left|VERB|VBD|ROOT|0 . || He|PRON|PRP|nsubj|+1 stayed|VERB|VBD|ROOT|0 .",
                    ents=[("Lou Marchal", "PERSON")]))
    lou = by_name(doc, "Lou Marchal")
    assert mentions(lou, "pronoun") == ["She"] and lou.gender == "female"


def test_pronoun_not_guessed_between_people_of_unknown_gender() -> None:
    doc = run(build("Lou|PROPN|NNP|compound|+1 Marchal|PROPN|NNP|nsubj|+1 met|VERB|VBD|ROOT|0 Sasha|PROPN|NNP|compound|+1 "
                    "Reyes|PROPN|NNP|dobj|-2 . || She|PRON|PRP|nsubj|+1 left|VERB|VBD|ROOT|0 .",
                    ents=[("Lou Marchal", "PERSON"), ("Sasha Reyes", "PERSON")]))
    assert all(m.kind == "name" for e in doc._.sl_entities for m in e.mentions)


def test_they_without_a_pair_stays_unresolved() -> None:
    doc = run(build("Mara|PROPN|NNP|nsubj|+1 Quinn|PROPN|NNP|nsubj|+1 spoke|VERB|VBD|ROOT|0 . || "
                    "They|PRON|PRP|nsubj|+1 left|VERB|VBD|ROOT|0 .", ents=[MARA]))
    assert [e.type for e in doc._.sl_entities] == ["PERSON"]
    assert mentions(by_name(doc, "Mara Quinn"), "pronoun") == []


def test_coordinated_pair_then_their_makes_a_group() -> None:
    doc = run(build(
        "Quinn|PROPN|NNP|nsubj|+3 and|CCONJ|CC|cc|-1 Dufresne|PROPN|NNP|conj|-2 separated|VERB|VBD|ROOT|0 . || "
        "Their|PRON|PRP$|poss|+1 split|NOUN|NN|nsubj|+1 shocked|VERB|VBD|ROOT|0 fans|NOUN|NNS|dobj|-1 .",
        ents=[("Quinn", "PERSON"), ("Dufresne", "PERSON")],
    ))
    group = [e for e in doc._.sl_entities if e.type == "GROUP"][0]
    assert [m.text for m in group.mentions] == ["Quinn and Dufresne", "Their"]


def test_age_epithet_goes_to_the_person_of_that_age() -> None:
    doc = run(build(
        "Mara Quinn , 41 , met Julien Dufresne , 47 , in Rome . || "
        "The|DET|DT|det|+5 47|NUM|CD|npadvmod|+2 -|PUNCT|HYPH|punct|+1 year|NOUN|NN|npadvmod|+2 -|PUNCT|HYPH|punct|+1 "
        "old|ADJ|JJ|nsubj|+1 smiled|VERB|VBD|ROOT|0 .",
        ents=[MARA, JULIEN],
    ))
    assert mentions(by_name(doc, "Julien Dufresne"), "nominal") == ["The 47-year-old"]


def test_reflexive_fixes_gender_of_an_ungendered_epithet() -> None:
    doc = run(build(
        "Mara|PROPN|NNP|nsubj|+4 Quinn|PROPN|NNP|nsubj|+3 and|CCONJ|CC|cc|-1 Julien Dufresne danced|VERB|VBD|ROOT|0 . || "
        "The|DET|DT|det|+1 star|NOUN|NN|nsubj|+1 photographed|VERB|VBD|ROOT|0 herself|PRON|PRP|dobj|-1 .",
        ents=[MARA, JULIEN],
    ))
    assert mentions(by_name(doc, "Mara Quinn"), "nominal") == ["The star"]
    assert mentions(by_name(doc, "Mara Quinn"), "pronoun") == ["herself"]


def test_spans_and_keys_after_coref() -> None:
    doc = run(build("Mara|PROPN|NNP|nsubj|+2 Quinn|PROPN|NNP|nsubj|+1 sang|VERB|VBD|ROOT|0 . || "
                    "She|PRON|PRP|nsubj|+1 left|VERB|VBD|ROOT|0 .", ents=[MARA]))
    assert [(s.text, s.label_) for s in doc.spans["sl_mentions"]] == [("Mara Quinn", "PERSON"), ("She", "PERSON")]
    keys = [e.key for e in doc._.sl_entities]
    assert len(set(keys)) == len(keys)


@pytest.mark.model
def test_real_pipeline_epithets_and_pronouns() -> None:
    text = (
        "Mara Quinn is moving on after Julien Dufresne’s affair, a source tells Us. "
        "Quinn, who married the choreographer in 2013, “was crushed,” the source says. "
        "The pair went on to welcome son Tobias, 9. Their marriage ended in May. "
        "The June October actress is now focused on her work."
    )
    doc = model_doc(text, "Us Weekly")
    mara, julien = by_name(doc, "Mara Quinn"), by_name(doc, "Julien Dufresne")
    assert "the choreographer" in mentions(julien, "nominal")
    assert "The June October actress" in mentions(mara, "nominal")
    assert "her" in mentions(mara, "pronoun")
    group = [e for e in doc._.sl_entities if e.type == "GROUP"]
    assert len(group) == 1 and sorted(group[0].attributes["members"]) == sorted([mara.key, julien.key])


def test_the_company_goes_to_the_salient_organisation_and_the_magazine_to_an_outlet() -> None:
    doc = run(build(
        "Lumen|PROPN|NNP|compound|+1 Motors|PROPN|NNP|nsubj|+1 said|VERB|VBD|ROOT|0 Mara|PROPN|NNP|compound|+1 Quinn|PROPN|NNP|dobj|-2 "
        "told|VERB|VBD|conj|-3 People|PROPN|NNP|dobj|-1 . || "
        "The|DET|DT|det|+1 company|NOUN|NN|nsubj|+1 declined|VERB|VBD|ROOT|0 , but the|DET|DT|det|+1 magazine|NOUN|NN|nsubj|+1 confirmed|VERB|VBD|conj|-6 .",
        ents=[("Lumen Motors", "ORG"), MARA, ("People", "ORG")],
    ))
    assert mentions(by_name(doc, "Lumen Motors"), "nominal") == ["The company"]
    assert mentions(by_name(doc, "People"), "nominal") == ["the magazine"]
    assert mentions(by_name(doc, "Mara Quinn"), "nominal") == []


def test_role_for_unnamed_people_needs_the_article_to_establish_it() -> None:
    doc = run(build(
        "Mara|PROPN|NNP|compound|+1 Quinn|PROPN|NNP|nsubj|+1 sued|VERB|VBD|ROOT|0 . || "
        "The|DET|DT|det|+1 judge|NOUN|NN|nsubj|+1 ruled|VERB|VBD|ROOT|0 . || "
        "Lou Marchal , a spokesman , spoke . || The|DET|DT|det|+1 spokesman|NOUN|NN|nsubj|+1 smiled|VERB|VBD|ROOT|0 .",
        ents=[MARA, ("Lou Marchal", "PERSON")],
    ))
    assert mentions(by_name(doc, "Mara Quinn"), "nominal") == []
    assert mentions(by_name(doc, "Lou Marchal"), "nominal") == ["a spokesman", "The spokesman"]


YSOLDE = ("Ysolde Marr", "PERSON")
BRAM = ("Bram Okafor", "PERSON")


def test_stated_role_of_another_family_beats_salience() -> None:
    # Ysolde, the stated singer, is the salient subject; "the choreographer" is still Bram,
    # whom a verb ("he choreographed") gives that role.
    doc = run(build(
        "Bram|PROPN|NNP|compound|+1 Okafor|PROPN|NNP|nsubj|+1 met|VERB|VBD|ROOT|0 pop singer Ysolde Marr . || "
        "He|PRON|PRP|nsubj|+1 choreographed|VERB|VBD|ROOT|0|choreograph her|PRON|PRP$|poss|+1 video|NOUN|NN|dobj|-2 . || "
        "Marr|PROPN|NNP|nsubj|+1 toured|VERB|VBD|ROOT|0 . || Marr|PROPN|NNP|nsubj|+1 sang|VERB|VBD|ROOT|0 . || "
        "The|DET|DT|det|+1 choreographer|NOUN|NN|nsubj|+1 stayed|VERB|VBD|ROOT|0 .",
        ents=[BRAM, YSOLDE],
    ))
    bram, ysolde = by_name(doc, "Bram Okafor"), by_name(doc, "Ysolde Marr")
    assert mentions(bram, "nominal") == ["The choreographer"]
    assert "choreographer" not in ysolde.attributes.get("roles", [])


def test_role_read_from_an_earlier_epithet_steers_a_later_one() -> None:
    # No role is stated: "The actress" goes to Ysolde (female, salient); then "the singer"
    # must not be her again while Liv, the other woman in sight, is available.
    doc = run(build(
        "Liv|PROPN|NNP|compound|+1 Andersby|PROPN|NNP|dobj|+3 ,|PUNCT|,|punct|-1 Ysolde|PROPN|NNP|compound|+1 "
        "Marr|PROPN|NNP|nsubj|+1 hugged|VERB|VBD|ROOT|0 . || "
        "The|DET|DT|det|+1 actress|NOUN|NN|nsubj|+1 wept|VERB|VBD|ROOT|0 . || "
        "Marr|PROPN|NNP|nsubj|+1 left|VERB|VBD|ROOT|0 . || "
        "The|DET|DT|det|+1 singer|NOUN|NN|nsubj|+1 stayed|VERB|VBD|ROOT|0 .",
        ents=[("Liv Andersby", "PERSON"), YSOLDE],
    ))
    assert mentions(by_name(doc, "Ysolde Marr"), "nominal") == ["The actress"]
    assert mentions(by_name(doc, "Liv Andersby"), "nominal") == ["The singer"]


def test_role_introduced_for_an_unnamed_person_is_not_given_to_a_named_one() -> None:
    doc = run(build(
        "Bram|PROPN|NNP|compound|+1 Okafor|PROPN|NNP|nsubj|+1 left|VERB|VBD|ROOT|0 . || "
        "A|DET|DT|det|+1 dancer|NOUN|NN|nsubj|+1 spoke|VERB|VBD|ROOT|0 . || "
        "The|DET|DT|det|+1 dancer|NOUN|NN|nsubj|+1 says|VERB|VBZ|ROOT|0 so|ADV|RB|advmod|-1 .",
        ents=[BRAM],
    ))
    assert mentions(by_name(doc, "Bram Okafor"), "nominal") == []


def test_predicate_nominal_is_a_mention_of_its_subject() -> None:
    # News coreference sets (ECB+) annotate "the better dancer" as a mention of Bram.
    doc = run(build(
        "Bram|PROPN|NNP|nsubj|+1 was|AUX|VBD|ROOT|0|be the|DET|DT|det|+2 better|ADJ|JJR|amod|+1 dancer|NOUN|NN|attr|-3 .",
        ents=[("Bram", "PERSON")],
    ))
    assert mentions(by_name(doc, "Bram"), "nominal") == ["the better dancer"]


def test_predicate_nominal_of_a_controlled_infinitive_and_an_as_phrase() -> None:
    doc = run(build(
        "Bram|PROPN|NNP|nsubj|+1 scored|VERB|VBD|ROOT|0 to|PART|TO|aux|+1 become|VERB|VB|advcl|-2|become "
        "the|DET|DT|det|+2 leading|VERB|VBG|amod|+1 dancer|NOUN|NN|attr|-3 . || "
        "Mara|PROPN|NNP|nsubj|+1 is|AUX|VBZ|ROOT|0|be to|PART|TO|aux|+1 return|VERB|VB|xcomp|-2 as|ADP|IN|prep|-1 "
        "choreographer|NOUN|NN|pobj|-1 .",
        ents=[("Bram", "PERSON"), ("Mara", "PERSON")],
    ))
    assert mentions(by_name(doc, "Bram"), "nominal") == ["the leading dancer"]
    assert mentions(by_name(doc, "Mara"), "nominal") == ["choreographer"]


def test_predicate_nominal_of_a_verb_that_is_no_copula_is_not_a_mention() -> None:
    doc = run(build(
        "Bram|PROPN|NNP|nsubj|+1 met|VERB|VBD|ROOT|0|meet the|DET|DT|det|+1 dancer|NOUN|NN|attr|-2 .",
        ents=[("Bram", "PERSON")],
    ))
    assert mentions(by_name(doc, "Bram"), "nominal") == []


def test_copular_role_is_not_an_unnamed_person() -> None:
    doc = run(build(
        "Bram|PROPN|NNP|compound|+1 Okafor|PROPN|NNP|nsubj|+1 is|AUX|VBZ|ROOT|0|be a|DET|DT|det|+1 dancer|NOUN|NN|attr|-2 . || "
        "The|DET|DT|det|+1 dancer|NOUN|NN|nsubj|+1 bowed|VERB|VBD|ROOT|0 .",
        ents=[BRAM],
    ))
    assert mentions(by_name(doc, "Bram Okafor"), "nominal") == ["a dancer", "The dancer"]


def test_subject_pronoun_of_a_reported_clause_is_the_speaker() -> None:
    # The speaker's gender is unknown and another man is in sight: the clause decides, not salience.
    doc = run(build(
        "Julien|PROPN|NNP|compound|+1 Dufresne|PROPN|NNP|nsubj|+1 arrived|VERB|VBD|ROOT|0 . || "
        "Lou|PROPN|NNP|compound|+1 Marchal|PROPN|NNP|nsubj|+1 said|VERB|VBD|ROOT|0 he|PRON|PRP|nsubj|+1 "
        "left|VERB|VBD|ccomp|-2 .",
        ents=[JULIEN, ("Lou Marchal", "PERSON")],
    ))
    lou = by_name(doc, "Lou Marchal")
    assert mentions(lou, "pronoun") == ["he"] and lou.gender == "male"
    assert mentions(by_name(doc, "Julien Dufresne"), "pronoun") == []


def test_subject_pronoun_of_an_adverbial_clause_is_the_main_subject() -> None:
    doc = run(build(
        "Julien|PROPN|NNP|compound|+1 Dufresne|PROPN|NNP|nsubj|+1 spoke|VERB|VBD|ROOT|0 . || "
        "Lou|PROPN|NNP|compound|+1 Marchal|PROPN|NNP|nsubj|+1 died|VERB|VBD|ROOT|0 when|SCONJ|WRB|advmod|+2 "
        "he|PRON|PRP|nsubj|+1 fell|VERB|VBD|advcl|-3 .",
        ents=[JULIEN, ("Lou Marchal", "PERSON")],
    ))
    assert mentions(by_name(doc, "Lou Marchal"), "pronoun") == ["he"]


@pytest.mark.parametrize("name, expected", [(MARA, ["her"]), (JULIEN, [])])
def test_a_pronoun_in_a_fronted_clause_is_the_subject_named_after_it(name, expected) -> None:
    # After ECB+ 1_10ecbplus (CC BY 3.0): "Facing the prospect of arrest for violating her
    # probation, Lindsay Lohan has checked into ...": no one comes before the pronoun, the clause
    # it is in is put before the sentence's subject, and that subject is a woman (a man is not).
    given, family = name[0].split()
    doc = run(build(
        "Facing|VERB|VBG|advcl|+8 arrest|NOUN|NN|dobj|-1 for|ADP|IN|prep|-1 her|PRON|PRP$|poss|+1 "
        f"probation|NOUN|NN|pobj|-2 ,|PUNCT|,|punct|+3 {given}|PROPN|NNP|compound|+1 {family}|PROPN|NNP|nsubj|+1 "
        "checked|VERB|VBD|ROOT|0 in|ADP|RP|prt|-1 .",
        ents=[name],
    ))
    assert mentions(by_name(doc, name[0]), "pronoun") == expected


def test_reported_clause_never_crosses_a_known_gender() -> None:
    doc = run(build(
        "Mara|PROPN|NNP|compound|+1 Quinn|PROPN|NNP|nsubj|+1 said|VERB|VBD|ROOT|0 he|PRON|PRP|nsubj|+1 "
        "left|VERB|VBD|ccomp|-2 .",
        ents=[MARA],
    ))
    assert mentions(by_name(doc, "Mara Quinn"), "pronoun") == []


def test_possessive_pronoun_goes_to_its_clause_subject() -> None:
    doc = run(build(
        "Julien|PROPN|NNP|compound|+1 Dufresne|PROPN|NNP|nsubj|+1 spoke|VERB|VBD|ROOT|0 . || "
        "Lou|PROPN|NNP|compound|+1 Marchal|PROPN|NNP|nsubj|+1 announced|VERB|VBD|ROOT|0 his|PRON|PRP$|poss|+1 "
        "resignation|NOUN|NN|dobj|-2 .",
        ents=[JULIEN, ("Lou Marchal", "PERSON")],
    ))
    assert mentions(by_name(doc, "Lou Marchal"), "pronoun") == ["his"]


def test_object_pronoun_is_not_its_own_clause_subject() -> None:
    # The driver is the most salient person, but "struck her" cannot be the driver herself.
    doc = run(build(
        "Mara|PROPN|NNP|compound|+1 Quinn|PROPN|NNP|nsubj|+1 walked|VERB|VBD|ROOT|0 . || "
        "Elizabeth|PROPN|NNP|compound|+1 Hart|PROPN|NNP|nsubj|+1 struck|VERB|VBD|ROOT|0 her|PRON|PRP|dobj|-1 .",
        ents=[MARA, ("Elizabeth Hart", "PERSON")],
    ))
    assert mentions(by_name(doc, "Mara Quinn"), "pronoun") == ["her"]
    assert mentions(by_name(doc, "Elizabeth Hart"), "pronoun") == []


def test_person_of_unknown_gender_far_ahead_takes_the_pronoun() -> None:
    doc = run(build(
        "Lou|PROPN|NNP|compound|+1 Marchal|PROPN|NNP|nsubj|+1 met|VERB|VBD|ROOT|0 with|ADP|IN|prep|-1 "
        "Sasha|PROPN|NNP|compound|+1 Reyes|PROPN|NNP|pobj|-2 . || "
        "Marchal|PROPN|NNP|nsubj|+1 left|VERB|VBD|ROOT|0 . || He|PRON|PRP|nsubj|+1 cried|VERB|VBD|ROOT|0 .",
        ents=[("Lou Marchal", "PERSON"), ("Sasha Reyes", "PERSON")],
    ))
    lou = by_name(doc, "Lou Marchal")
    assert mentions(lou, "pronoun") == ["He"] and lou.gender == "male"


def _group_with(doc, text: str):
    return next(e for e in doc._.sl_entities if e.type == "GROUP" and any(m.text == text for m in e.mentions))


def test_their_after_a_group_object_goes_to_the_nearer_group_not_the_subject() -> None:
    doc = run(build(
        "Police|NOUN|NNS|nsubj|+1 arrested|VERB|VBD|ROOT|0|arrest four|NUM|CD|nummod|+1 men|NOUN|NNS|dobj|-2|man "
        "in|ADP|IN|prep|-3 their|PRON|PRP$|poss|+1 car|NOUN|NN|pobj|-2 .",
    ))
    assert [m.text for m in _group_with(doc, "Police").mentions] == ["Police"]
    assert [m.text for m in _group_with(doc, "men").mentions] == ["men", "their"]


def test_lead_rule_needs_a_competitor_and_yields_to_a_known_gender() -> None:
    # Lou, of unknown gender, is the only other person and two sentences back: not "close by".
    doc = run(build(
        "Lou|PROPN|NNP|compound|+1 Marchal|PROPN|NNP|nsubj|+1 spoke|VERB|VBD|ROOT|0 . || "
        "It|PRON|PRP|nsubj|+1 rained|VERB|VBD|ROOT|0 . || She|PRON|PRP|nsubj|+1 left|VERB|VBD|ROOT|0 .",
        ents=[("Lou Marchal", "PERSON")],
    ))
    assert mentions(by_name(doc, "Lou Marchal"), "pronoun") == []


def test_object_pronoun_of_a_preposition_can_be_its_clause_subject() -> None:
    doc = run(build(
        "Julien|PROPN|NNP|compound|+1 Dufresne|PROPN|NNP|nsubj|+1 took|VERB|VBD|ROOT|0|take the|DET|DT|det|+1 "
        "bag|NOUN|NN|dobj|-2 with|ADP|IN|prep|-3 him|PRON|PRP|pobj|-1 .",
        ents=[JULIEN],
    ))
    assert mentions(by_name(doc, "Julien Dufresne"), "pronoun") == ["him"]


def test_possessive_is_not_the_subject_when_the_object_is_a_matching_person() -> None:
    doc = run(build(
        "Tom|PROPN|NNP|compound|+1 Brown|PROPN|NNP|nsubjpass|+2 was|AUX|VBD|auxpass|+1 shot|VERB|VBN|ROOT|0|shoot . || "
        "The|DET|DT|det|+1 judge|NOUN|NN|nsubj|+1 sentenced|VERB|VBD|ROOT|0|sentence his|PRON|PRP$|poss|+1 "
        "killer|NOUN|NN|dobj|-2 to|ADP|IN|prep|-3 life|NOUN|NN|pobj|-1 .",
        ents=[("Tom Brown", "PERSON")],
    ))
    judge = by_name(doc, "the judge")
    assert "his" not in mentions(judge) and judge.gender is None


def test_reported_he_is_left_open_when_the_object_is_a_matching_person() -> None:
    doc = run(build(
        "Tom|PROPN|NNP|compound|+1 Brown|PROPN|NNP|nsubj|+1 told|VERB|VBD|ROOT|0|tell Peter|PROPN|NNP|compound|+1 "
        "Jones|PROPN|NNP|dative|-2 he|PRON|PRP|nsubj|+2 had|AUX|VBD|aux|+1 won|VERB|VBN|ccomp|-5|win .",
        ents=[("Tom Brown", "PERSON"), ("Peter Jones", "PERSON")],
    ))
    assert mentions(by_name(doc, "Tom Brown"), "pronoun") == []


def test_predicate_nominal_of_an_object_control_verb_is_not_the_subjects() -> None:
    doc = run(build(
        "Bram|PROPN|NNP|compound|+1 Okafor|PROPN|NNP|nsubj|+1 asked|VERB|VBD|ROOT|0|ask Mara|PROPN|NNP|compound|+1 "
        "Quinn|PROPN|NNP|dobj|-2 to|PART|TO|aux|+1 become|VERB|VB|xcomp|-4|become the|DET|DT|det|+2 new|ADJ|JJ|amod|+1 "
        "dancer|NOUN|NN|attr|-3 .",
        ents=[BRAM, MARA],
    ))
    assert mentions(by_name(doc, "Bram Okafor"), "nominal") == []


def test_negated_predicate_nominal_is_not_a_mention() -> None:
    doc = run(build(
        "Bram|PROPN|NNP|compound|+1 Okafor|PROPN|NNP|nsubj|+1 is|AUX|VBZ|ROOT|0|be not|PART|RB|neg|-1 "
        "the|DET|DT|det|+1 dancer|NOUN|NN|attr|-3 .",
        ents=[BRAM],
    ))
    assert mentions(by_name(doc, "Bram Okafor"), "nominal") == []


def test_negated_verb_controls_no_predicate_nominal() -> None:
    # "not" on the controlling verb denies the whole chain: "was not expected to become the dancer"
    doc = run(build(
        "Bram|PROPN|NNP|compound|+1 Okafor|PROPN|NNP|nsubjpass|+3 was|AUX|VBD|auxpass|+2 not|PART|RB|neg|+1 "
        "expected|VERB|VBN|ROOT|0|expect to|PART|TO|aux|+1 become|VERB|VB|xcomp|-2|become the|DET|DT|det|+2 "
        "new|ADJ|JJ|amod|+1 dancer|NOUN|NN|attr|-3 .",
        ents=[BRAM],
    ))
    assert mentions(by_name(doc, "Bram Okafor"), "nominal") == []


def test_purpose_infinitive_after_an_object_is_still_the_subjects() -> None:
    doc = run(build(
        "Bram|PROPN|NNP|compound|+1 Okafor|PROPN|NNP|nsubj|+1 scored|VERB|VBD|ROOT|0|score points|NOUN|NNS|dobj|-1|point "
        "to|PART|TO|aux|+1 become|VERB|VB|advcl|-3|become the|DET|DT|det|+1 dancer|NOUN|NN|attr|-2 .",
        ents=[BRAM],
    ))
    assert mentions(by_name(doc, "Bram Okafor"), "nominal") == ["the dancer"]


class _Every:
    """A set holding every tag: find_anaphors then looks at every token."""

    def __contains__(self, item) -> bool:
        return True


@pytest.mark.model
def test_tokens_find_anaphors_passes_over_are_none_its_rules_take(monkeypatch) -> None:
    from storyline.read.entities import epithets
    from storyline.read.entities.lexicon import lexicon

    text = ("Gunman Kills 1 At Office\n\nOne of the Mafia bosses arrested has hanged himself. Police said "
            "three people died and 10 people were hurt. A 36-year-old climber fell; the climber, 36 years old, "
            "was found by his mum. Police said the 36-year-old was charged. The couple of weeks before, the newlyweds and their lawyers met the company.")
    doc = model_doc(text)
    covered = [-1] * len(doc)
    headline = frozenset(range(5))
    fast = epithets.find_anaphors(doc, lexicon(), covered, headline)
    monkeypatch.setattr(epithets, "_NOUN_TAGS", _Every())
    assert fast == epithets.find_anaphors(doc, lexicon(), covered, headline)
    assert len(fast) > 5
