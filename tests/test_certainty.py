"""storyline_certainty on hand-built parsed Docs."""

from __future__ import annotations

from storyline.read.annotations import AttributionAnn
from storyline.read.certainty import assess, assess_attribution, certainty_component, source_adjust, weakest
from test_attribution_docs import make_doc, parsed_doc

NEVER = "She/PRON/PRP/nsubj/3 has/AUX/VBZ/aux/3 never/ADV/RB/neg/3 cheated/VERB/VBN/ROOT/- ./PUNCT/./punct/3"
MIGHT = "He/PRON/PRP/nsubj/2 might/AUX/MD/aux/2 move/VERB/VB/ROOT/- out/ADP/RP/prt/2 ./PUNCT/./punct/2"
SEEMINGLY = (
    "She/PRON/PRP/nsubj/2 seemingly/ADV/RB/advmod/2 hinted/VERB/VBD/ROOT/- at/ADP/IN/prep/2 "
    "the/DET/DT/det/5 split/NOUN/NN/pobj/3 ./PUNCT/./punct/2"
)
# "Trips that did n't add up continued ." : the negation sits in a relative clause
RELATIVE = (
    "Trips/NOUN/NNS/nsubj/6 that/PRON/WDT/nsubj/4 did/AUX/VBD/aux/4 n't/PART/RB/neg/4 add/VERB/VB/relcl/0 "
    "up/ADP/RP/prt/4 continued/VERB/VBD/ROOT/- ./PUNCT/./punct/6"
)
APPEARED = (
    "She/PRON/PRP/nsubj/1 appeared/VERB/VBD/ROOT/- to/PART/TO/aux/3 be/AUX/VB/xcomp/1 happy/ADJ/JJ/acomp/3 ./PUNCT/./punct/1"
)
DIDNT = "She/PRON/PRP/nsubj/3 did/AUX/VBD/aux/3 n't/PART/RB/neg/3 mention/VERB/VB/ROOT/- him/PRON/PRP/dobj/3 ./PUNCT/./punct/3"
IF = "If/SCONJ/IN/mark/2 they/PRON/PRP/nsubj/2 split/VERB/VBP/ROOT/- ./PUNCT/./punct/2"


def test_negation_on_the_main_predicate():
    assert assess(parsed_doc(NEVER)) == ("certain", "negative", [])
    assert assess(parsed_doc(DIDNT))[1] == "negative"


def test_negation_inside_a_relative_clause_does_not_count():
    assert assess(parsed_doc(RELATIVE))[1] == "positive"


def test_modal_hedges():
    assert assess(parsed_doc(MIGHT)) == ("possible", "positive", ["might"])


def test_adverb_and_phrase_hedges():
    assert assess(parsed_doc(SEEMINGLY)) == ("probable", "positive", ["seemingly"])
    assert assess(parsed_doc(APPEARED)) == ("probable", "positive", ["appeared to"])


def test_conditionals_and_questions_are_unknown():
    assert assess(parsed_doc(IF))[0] == "unknown"
    doc = parsed_doc("Is/AUX/VBZ/ROOT/- she/PRON/PRP/nsubj/0 expecting/VERB/VBG/acomp/0 ?/PUNCT/./punct/0")
    assert assess(doc[0:3])[0] == "unknown"  # the mark just after the span counts


def test_negative_subjects_and_objects():
    doc = parsed_doc("No/DET/DT/det/1 one/NOUN/NN/nsubjpass/3 was/AUX/VBD/auxpass/3 injured/VERB/VBN/ROOT/- ./PUNCT/./punct/3")
    assert assess(doc)[1] == "negative"
    doc = parsed_doc("She/PRON/PRP/nsubj/1 had/VERB/VBD/ROOT/- nothing/PRON/NN/dobj/1 left/VERB/VBN/acl/2 ./PUNCT/./punct/1")
    assert assess(doc)[1] == "negative"


def test_without_a_parse_negation_is_read_from_the_first_clause():
    assert assess(make_doc("She has never cheated, they say."))[1] == "negative"
    assert assess(make_doc("Lee reportedly left."))[:2] == ("probable", "positive")


def test_distancing_cue_is_a_hedge_and_lowers_to_probable():
    att = AttributionAnn(0, 0, "anonymous", "direct", cue="claims")
    assert source_adjust(att, "certain", "positive", []) == ("probable", "positive", ["claims"])
    att = AttributionAnn(0, 0, "anonymous", "direct", cue="says")
    assert source_adjust(att, "certain", "positive", []) == ("certain", "positive", [])


def test_denial_flips_polarity_and_rumor_caps_certainty():
    denial = AttributionAnn(0, 0, "named_person", "indirect", cue="denied")
    assert source_adjust(denial, "certain", "positive", [])[1] == "negative"
    rumor = AttributionAnn(0, 0, "rumor", "indirect", cue="swirled", source_text="Rumors")
    assert source_adjust(rumor, "certain", "positive", []) == ("possible", "positive", ["rumors swirled"])


def test_component_fills_attributions():
    doc = parsed_doc(MIGHT)
    doc._.sl_attributions = [AttributionAnn(0, len(doc.text), "anonymous", "direct", cue="alleges")]
    certainty_component(doc)
    att = doc._.sl_attributions[0]
    assert (att.certainty, att.polarity, att.hedges) == ("possible", "positive", ["alleges", "might"])  # weakest wins
    assert assess_attribution(doc, att)[0] == "possible"


def test_weakest_order():
    assert weakest("certain", "possible") == "possible"
    assert weakest("unknown", "probable") == "unknown"
