"""storyline_claims on hand-built parsed Docs."""

from __future__ import annotations

from helpers.docs import parsed_doc
from spacy.tokens import Doc

from storyline.read.claims import claims_component, find_claims
from storyline.read.doc import AttributionAnn, EntityAnn, MentionAnn, TimexAnn

CELEB = ("celebrity",)  # the domain pack the celebrity examples below are typed with

# "Quinn married Lee in 2012 ."
MARRIED = "Quinn/PROPN/NNP/nsubj/1 married/VERB/VBD/ROOT/- Lee/PROPN/NNP/dobj/1 in/ADP/IN/prep/1 2012/NUM/CD/pobj/3 ./PUNCT/./punct/1"
# "She moved out and filed for divorce ."
COORD = (
    "She/PRON/PRP/nsubj/1 moved/VERB/VBD/ROOT/- out/ADP/RP/prt/1 and/CCONJ/CC/cc/1 filed/VERB/VBD/conj/1 "
    "for/ADP/IN/prep/4 divorce/NOUN/NN/pobj/5 ./PUNCT/./punct/1"
)
# "Lee had an affair ."
AFFAIR = "Lee/PROPN/NNP/nsubj/1 had/VERB/VBD/ROOT/- an/DET/DT/det/3 affair/NOUN/NN/dobj/1 ./PUNCT/./punct/1"
# "They split ." / "They wed ."
SPLIT = "They/PRON/PRP/nsubj/1 split/VERB/VBD/ROOT/- ./PUNCT/./punct/1"
WED = "They/PRON/PRP/nsubj/1 wed/VERB/VBD/ROOT/- ./PUNCT/./punct/1"
# "Getty Images" credit line, then "She was humiliated ."
CREDIT = "Getty/PROPN/NNP/compound/1 Images/PROPN/NNPS/ROOT/-"
FEELING = "She/PRON/PRP/nsubjpass/2 was/AUX/VBD/auxpass/2 humiliated/VERB/VBN/ROOT/- ./PUNCT/./punct/2"
# "The source says she has never cheated ."
SAYS = (
    "The/DET/DT/det/1 source/NOUN/NN/nsubj/2 says/VERB/VBZ/ROOT/- she/PRON/PRP/nsubj/6 has/AUX/VBZ/aux/6 "
    "never/ADV/RB/neg/6 cheated/VERB/VBN/ccomp/2 ./PUNCT/./punct/2"
)


def test_subject_predicate_object_and_timex():
    text = "Quinn married Lee in 2012."
    ents = [EntityAnn(1, "Quinn", "PERSON", [MentionAnn(0, 5, "Quinn", "name")]),
            EntityAnn(2, "Lee", "PERSON", [MentionAnn(14, 17, "Lee", "name")])]
    doc = parsed_doc(MARRIED, entities=ents, timexes=[TimexAnn(21, 25, "2012", "DATE", "2012")])
    assert doc.text == text
    (c,) = find_claims(doc, packs=CELEB)
    assert (c.predicate, c.predicate_class, c.subject_key, c.object_key, c.timex_index) == ("marry", "marriage", 1, 2, 0)
    assert (c.source_kind, c.attribution_index, c.text) == ("unattributed", None, "Quinn married Lee in 2012")


def test_coordinated_predicates_are_split_and_share_the_subject():
    ents = [EntityAnn(5, "Quinn", "PERSON", [MentionAnn(0, 3, "She", "pronoun")])]
    claims = find_claims(parsed_doc(COORD, entities=ents), packs=CELEB)
    assert [(c.text, c.predicate, c.predicate_class, c.subject_key) for c in claims] == [
        ("She moved out", "move out", "residence", 5),
        ("filed for divorce", "divorce", "separation", 5),
    ]


def test_predicate_normalisation():
    assert find_claims(parsed_doc(AFFAIR), packs=CELEB)[0].predicate == "cheat"
    assert find_claims(parsed_doc(SPLIT), packs=CELEB)[0].predicate == "separate"
    assert find_claims(parsed_doc(WED, lemmas=["they", "wed", "."]), packs=CELEB)[0].predicate == "marry"
    assert find_claims(parsed_doc(FEELING, lemmas=["she", "be", "humiliate", "."]), packs=CELEB)[0].predicate_class == "feeling"


def test_credit_lines_and_verbless_fragments_are_not_claims():
    assert find_claims(parsed_doc(CREDIT)) == []


def test_attributed_content_carries_source_certainty_and_polarity():
    doc = parsed_doc(SAYS)
    start = doc.text.index("she")
    doc._.sl_attributions = [
        AttributionAnn(start, len(doc.text) - 1, "anonymous", "indirect", cue="says", source_start=0, source_end=10,
                       source_text="The source", source_key="anonymous:1")
    ]
    claims = find_claims(doc, packs=CELEB)
    assert len(claims) == 1  # the reporting verb 'says' is not a claim of its own
    (c,) = claims
    assert (c.predicate, c.attribution_index, c.source_kind, c.polarity) == ("cheat", 0, "anonymous", "negative")
    assert (c.sentence_start, c.sentence_end) == (0, len(doc.text))


def test_component_sets_span_group():
    doc = claims_component(parsed_doc(SPLIT), CELEB)
    assert [s.label_ for s in doc.spans["sl_claims"]] == ["separation"]
    bare = claims_component(parsed_doc(SPLIT))
    assert [s.label_ for s in bare.spans["sl_claims"]] == ["claim"]  # no pack: no class
    assert doc._.sl_claims[0].certainty == "certain"


def test_unparsed_doc_yields_no_claims():
    from helpers.docs import make_doc

    assert find_claims(make_doc("They split.")) == []


def test_name_with_age_parsed_as_modified_by_the_verb():
    # 'Ann, 40, took the three kids' parsed with 'took' as a modifier (acl) of 'Ann'
    doc = parsed_doc(
        "Ann/PROPN/NNP/ROOT/- ,/PUNCT/,/punct/0 40/NUM/CD/appos/0 ,/PUNCT/,/punct/0 took/VERB/VBD/acl/0 "
        "the/DET/DT/det/7 three/NUM/CD/nummod/7 kids/NOUN/NNS/dobj/4 ./PUNCT/./punct/0",
        entities=[EntityAnn(1, "Ann", "PERSON", [MentionAnn(0, 3, "Ann", "name")])],
        lemmas=["ann", ",", "40", ",", "take", "the", "three", "kid", "."],
    )
    doc._.sl_attributions = [AttributionAnn(0, len(doc.text) - 1, "anonymous", "indirect", cue="says")]
    (c,) = find_claims(doc)
    assert (c.predicate, c.subject_key, c.text) == ("take", 1, "took the three kids")


def test_component_leaves_the_entities_alone():
    # 'The painter , 51 , left .': ages at epithets are storyline_coref's (tests/read/test_entities_ages.py)
    doc = parsed_doc(
        "The/DET/DT/det/1 painter/NOUN/NN/nsubj/5 ,/PUNCT/,/punct/1 51/NUM/CD/appos/1 ,/PUNCT/,/punct/1 "
        "left/VERB/VBD/ROOT/- ./PUNCT/./punct/5",
        entities=[EntityAnn(1, "Ivo Brandt", "PERSON", [MentionAnn(0, 11, "The painter", "nominal")])],
    )
    claims_component(doc)
    assert doc._.sl_entities[0].ages == []
    assert [(q.value, q.text) for c in doc._.sl_claims for q in c.quantities] == [(51, "51")]


def test_dangling_noun_is_no_predicate_beside_a_verb():
    # content 'the actress has kept the house', with 'actress' attached outside the content
    doc = parsed_doc(
        "Kids/NOUN/NNS/nsubj/5 and/CCONJ/CC/cc/0 the/DET/DT/det/3 actress/NOUN/NN/conj/0 has/AUX/VBZ/aux/5 "
        "kept/VERB/VBN/ROOT/- the/DET/DT/det/7 house/NOUN/NN/dobj/5 ./PUNCT/./punct/5",
        lemmas=["kid", "and", "the", "actress", "have", "keep", "the", "house", "."],
    )
    start = doc.text.index("the actress")
    doc._.sl_attributions = [AttributionAnn(start, len(doc.text) - 1, "rumor", "none", cue="reportedly")]
    assert [c.predicate for c in find_claims(doc) if c.attribution_index == 0] == ["keep"]


# "The petition lists the date of separation as May 3 ."
RECORDS = (
    "The/DET/DT/det/1 petition/NOUN/NN/nsubj/2 lists/VERB/VBZ/ROOT/- the/DET/DT/det/4 date/NOUN/NN/dobj/2 "
    "of/ADP/IN/prep/4 separation/NOUN/NN/pobj/5 as/ADP/IN/prep/2 May/PROPN/NNP/pobj/7 3/NUM/CD/nummod/8 ./PUNCT/./punct/2"
)
RECORDS_LEMMAS = ["the", "petition", "list", "the", "date", "of", "separation", "as", "may", "3", "."]


def _verbal(claims):
    return [(c.predicate, c.predicate_class) for c in claims if c.predicate_pos == "verb"]


def _nominal(claims):
    return [(c.predicate, c.predicate_class) for c in claims if c.predicate_pos == "noun"]


def test_recording_verb_takes_the_class_of_the_event_it_dates():
    # The separation is the recorded event: it heads no claim of its own beside the verb's.
    claims = find_claims(parsed_doc(RECORDS, lemmas=RECORDS_LEMMAS), packs=CELEB)
    assert _verbal(claims) == [("separate", "separation")] and ("separate", "separation") not in _nominal(claims)
    # Not for a verb that records nothing, nor for a report noun ("an account of the separation"):
    # there the separation is a nested claim of its own, a mention in passing the pack does not type.
    hides = find_claims(parsed_doc(RECORDS.replace("lists/VERB/VBZ", "hides/VERB/VBZ"), lemmas=[*RECORDS_LEMMAS[:2], "hide", *RECORDS_LEMMAS[3:]]),
                        packs=CELEB)
    assert _verbal(hides) == [("hide", None)] and ("separation", None) in _nominal(hides)
    account = RECORDS.replace("date/NOUN/NN", "account/NOUN/NN")
    claims = find_claims(parsed_doc(account, lemmas=[*RECORDS_LEMMAS[:4], "account", *RECORDS_LEMMAS[5:]]), packs=CELEB)
    assert _verbal(claims) == [("list", None)] and ("separation", None) in _nominal(claims)


# "The pair , who met in 2009 , were separating ."
RELCL = (
    "The/DET/DT/det/1 pair/NOUN/NN/nsubj/9 ,/PUNCT/,/punct/1 who/PRON/WP/nsubj/4 met/VERB/VBD/relcl/1 "
    "in/ADP/IN/prep/4 2009/NUM/CD/pobj/5 ,/PUNCT/,/punct/1 were/AUX/VBD/aux/9 separating/VERB/VBG/ROOT/- ./PUNCT/./punct/9"
)


def test_a_time_inside_a_relative_clause_does_not_date_the_main_claim():
    text = "The pair, who met in 2009, were separating."
    doc = parsed_doc(RELCL, timexes=[TimexAnn(text.index("2009"), text.index("2009") + 4, "2009", "DATE", "2009")],
                     lemmas=["the", "pair", ",", "who", "meet", "in", "2009", ",", "be", "separate", "."])
    assert doc.text == text
    main = next(c for c in find_claims(doc, packs=CELEB) if c.predicate == "separate")
    assert main.timex_index is None


def test_ancestry_read_from_the_head_array_is_spacys():
    from storyline.read.claims import _descends, _Index

    for spec in (MARRIED, COORD, SAYS):
        doc = parsed_doc(spec)
        head = _Index(doc).head
        for top in doc:
            for t in doc:
                assert _descends(head, t.i, top.i) == top.is_ancestor(t), (spec, top.i, t.i)


def test_claims_read_with_the_certainty_components_rows_are_the_same():
    from storyline.read.certainty.assess import assess_attributions, take_handoff

    def said() -> Doc:
        doc = parsed_doc(SAYS)
        doc._.sl_attributions = [
            AttributionAnn(doc.text.index("she"), len(doc.text) - 1, "anonymous", "indirect", cue="says", source_start=0,
                           source_end=10, source_text="The source", source_key="anonymous:1")
        ]
        return doc

    alone = find_claims(said(), packs=CELEB)
    doc = said()
    assess_attributions(doc)
    assessed, rows = take_handoff(doc)
    assert rows is not None and len(rows.head) == len(doc) and assessed
    assert find_claims(doc, assessed, CELEB, rows) == alone
    assert take_handoff(doc) == ({}, None)  # handed over once
