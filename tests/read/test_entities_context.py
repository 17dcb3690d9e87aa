"""Names the tagger typed ORG/GPE that the article establishes as people, and the DocIndex cache."""

from __future__ import annotations

from helpers.docs import build, by_name

from storyline.read.doc import DocIndex
from storyline.read.entities.component import entities_component
from storyline.read.entities.coref import coref_component


def run(doc):
    return entities_component(doc)


def types(doc) -> dict[str, str]:
    return {e.name: e.type for e in doc._.sl_entities}


def names(ent) -> list[str]:
    return [m.text for m in ent.mentions if m.kind == "name"]


def test_age_apposition_of_the_surname_makes_the_org_full_name_a_person() -> None:
    # "Orla" is in no given-name list: only the age says these ORG spans name a person.
    doc = run(build(
        "Orla Brennick opened the show . || Brennick , 51 , smiled .",
        ents=[("Orla Brennick", "ORG"), ("Brennick", "ORG", 1)],
    ))
    orla = by_name(doc, "Orla Brennick")
    assert orla.type == "PERSON"
    assert names(orla) == ["Orla Brennick", "Brennick"]
    assert [a.value for a in orla.ages] == [51]
    assert "Brennick" not in types(doc)  # no second, ORG entity for the surname


def test_person_tag_elsewhere_in_the_article_wins_over_org() -> None:
    doc = run(build(
        "Orla Brennick opened the show . || Critics praised Brennick .",
        ents=[("Orla Brennick", "ORG"), ("Brennick", "PERSON", 1)],
    ))
    assert by_name(doc, "Orla Brennick").type == "PERSON"


def test_no_person_evidence_leaves_the_org_alone() -> None:
    doc = run(build(
        "Halvard Brennick opened a plant . || Brennick|PROPN|NNP|nsubj|+1 said|VERB|VBD|ROOT|0 it|PRON|PRP|nsubj|+1 grew|VERB|VBD|ccomp|-2 .",
        ents=[("Halvard Brennick", "ORG"), ("Brennick", "ORG", 1)],
    ))
    assert types(doc)["Halvard Brennick"] == "ORG"


def test_subject_picked_up_by_he_is_a_person_but_not_after_that() -> None:
    doc = run(build(
        "Brennick|PROPN|NNP|nsubj|+1 rehearsed|VERB|VBD|ROOT|0 at|ADP|IN|prep|-1 the|DET|DT|det|+2 "
        "Corvo|PROPN|NNP|compound|+1 Hall|PROPN|NNP|pobj|-3 ,|PUNCT|,|punct|-5 where|ADV|WRB|advmod|+2 "
        "he|PRON|PRP|nsubj|+1 works|VERB|VBZ|advcl|-8 .",
        ents=[("Brennick", "ORG"), ("Corvo Hall", "FAC")],
    ))
    assert types(doc)["Brennick"] == "PERSON"
    # "the tabloid Pellet reported that he ...": the noun says outlet, and "he" is someone else.
    doc = run(build(
        "the tabloid Pellet|PROPN|NNP|nsubj|+1 reported|VERB|VBD|ROOT|0 that|SCONJ|IN|mark|+2 "
        "he|PRON|PRP|nsubj|+1 left|VERB|VBD|ccomp|-3 .",
        ents=[("Pellet", "ORG")],
    ))
    assert types(doc).get("Pellet") != "PERSON"


def test_children_named_with_ages_after_a_person_are_people() -> None:
    doc = run(build(
        "Orla Brennick took Tomasz , 9 , and Wiebke , 6 , to Oslo .",
        ents=[("Orla Brennick", "PERSON"), ("Tomasz", "GPE"), ("Wiebke", "ORG"), ("Oslo", "GPE")],
    ))
    got = types(doc)
    assert got["Tomasz"] == "PERSON" and got["Wiebke"] == "PERSON" and got["Oslo"] == "GPE"
    assert [a.value for a in by_name(doc, "Wiebke").ages] == [6]


def test_kin_noun_with_comma_introduces_a_child_typed_gpe() -> None:
    doc = run(build(
        "Orla Brennick and their daughter , Wiebke , moved . || Wiebke loves Oslo .",
        ents=[("Orla Brennick", "PERSON"), ("Wiebke", "GPE"), ("Wiebke", "GPE", 1), ("Oslo", "GPE")],
    ))
    wiebke = by_name(doc, "Wiebke")
    assert wiebke.type == "PERSON" and len(names(wiebke)) == 2
    assert types(doc)["Oslo"] == "GPE"


def test_coordination_with_a_named_person() -> None:
    # The partner is a full name with a known given name; a partner merely tagged PERSON once
    # ("Best Buy and Radio Shack" with Best Buy mis-tagged) is no evidence.
    doc = run(build(
        "Brennick and Okafor met in 2010 . || Anna Okafor smiled .",
        ents=[("Brennick", "ORG"), ("Okafor", "PERSON"), ("Anna Okafor", "PERSON")],
    ))
    assert types(doc)["Brennick"] == "PERSON"
    doc = run(build(
        "Brennick and Pellow opened stores . || Pellow grew .",
        ents=[("Brennick", "ORG"), ("Pellow", "PERSON"), ("Pellow", "PERSON", 1)],
    ))
    assert types(doc)["Brennick"] == "ORG"


def test_docindex_is_cached_per_doc_and_rebuilt_when_the_doc_changes() -> None:
    doc = build("Orla Brennick smiled . || She left .")
    first = DocIndex.build(doc)
    assert DocIndex.build(doc) is first  # same Doc: the cached index
    assert first.texts[:2] == ["Orla", "Brennick"] and first.sent_of[-1] == 1
    other = build("Orla Brennick smiled . || She left .")
    assert DocIndex.build(other) is not first  # another Doc, even with the same text
    with doc.retokenize() as retok:
        retok.merge(doc[0:2])
    merged = DocIndex.build(doc)
    assert merged is not first and merged.texts[0] == "Orla Brennick"
    assert DocIndex.build(doc) is merged
    # Same tokens, sentence annotation gone: the sentences must be recomputed.
    from spacy.tokens import Doc as _Doc

    plain = _Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    plain.user_data.update(doc.user_data)  # a stale index carried over
    fresh = DocIndex.build(plain)
    assert fresh is not merged and fresh.sent_bounds == [(0, len(plain))]


def test_coref_ages_at_epithets_are_recorded() -> None:
    doc = coref_component(entities_component(build(
        "Bram Okafor , a choreographer , arrived . || "
        "The|DET|DT|det|+1 choreographer|NOUN|NN|nsubj|+5 ,|PUNCT|,|punct|-1 47|NUM|CD|appos|-2 ,|PUNCT|,|punct|-3 "
        "quickly|ADV|RB|advmod|+1 left|VERB|VBD|ROOT|0 .",
        ents=[("Bram Okafor", "PERSON")],
    )))
    assert [a.value for a in by_name(doc, "Bram Okafor").ages] == [47]


def test_product_names_of_an_organisation_stay_things() -> None:
    # "Ford" alone is an ORG here, so "Ford Sierra" is not a person; "model" before a name is
    # as often a product model as a fashion model, so it is no person cue.
    doc = run(build(
        "Ford|PROPN|NNP|nsubj|+1 builds|VERB|VBZ|ROOT|0 cars . || Ford|PROPN|NNP|poss|+3 ’s next model Sierra sold . || "
        "The|DET|DT|det|+2 Ford|PROPN|NNP|compound|+1 Sierra|PROPN|NNP|nsubj|+1 sold|VERB|VBD|ROOT|0 , says|VERB|VBZ|conj|-2 Brennick , 51 .",
        ents=[("Ford", "ORG"), ("Ford", "ORG", 1), ("Sierra", "PRODUCT"), ("Ford Sierra", "PRODUCT"), ("Brennick", "ORG")],
    ))
    got = types(doc)
    assert got["Brennick"] == "PERSON"
    assert "PERSON" not in {got.get("Sierra"), got.get("Ford Sierra"), got.get("Ford")}


def test_docindex_text_is_the_docs_text_whatever_the_spacing() -> None:
    import spacy

    from storyline.read.entities.headlines import caps_line_tokens

    for text in ("A  b\n\nc ", "  Lead space.\tTab  \n", "LOHAN ENTERS CLINIC\nShe left.  ", ""):
        doc = spacy.blank("en")(text)
        idx = DocIndex.build(doc)
        assert idx.text == doc.text == text
        assert idx.texts == [t.text for t in doc]
        assert idx.tok_starts == [t.idx for t in doc]
        assert caps_line_tokens(idx) is caps_line_tokens(idx)  # found once per index
    assert caps_line_tokens(idx) == frozenset()
    doc = spacy.blank("en")("LOHAN ENTERS CLINIC\nShe left.")
    assert caps_line_tokens(DocIndex.build(doc)) == frozenset({0, 1, 2})


def test_docindex_expand_is_spacys_expanding_char_span() -> None:
    # The components read a mention's tokens from the index instead of making a Span: every
    # character span of these texts, whitespace and out-of-range ends included, must give the
    # tokens (or the None) of doc.char_span(..., alignment_mode="expand").
    import spacy

    for text in ("A  b\n\nc ", "  Lead space.\tTab  \n", "“Don’t,” she said. Mr. O'Neil left", "x"):
        doc = spacy.blank("en")(text)
        idx = DocIndex.build(doc)
        for start in range(-2, len(text) + 2):
            for end in range(start + 1, len(text) + 3):
                span = doc.char_span(start, end, alignment_mode="expand")
                assert idx.expand(start, end) == (None if span is None else (span.start, span.end)), (text, start, end)
