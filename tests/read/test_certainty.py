"""storyline_certainty on hand-built parsed Docs."""

from __future__ import annotations

from helpers.docs import make_doc, parsed_doc

from storyline.read.certainty.assess import (
    assess,
    assess_attribution,
    source_adjust,
    weakest,
)
from storyline.read.certainty.component import certainty_component
from storyline.read.doc import AttributionAnn, TimexAnn

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


def test_not_until_a_time_is_no_negation():
    # ECB+ 30_1ecb: "it would not arrive until Monday" says it arrives Monday: it was read as a
    # denial of "arrive Monday" and the fact came out contested.
    doc = parsed_doc("It/PRON/PRP/nsubj/3 would/AUX/MD/aux/3 not/PART/RB/neg/3 arrive/VERB/VB/ROOT/- "
                     "until/ADP/IN/prep/3 Monday/PROPN/NNP/pobj/4 ./PUNCT/./punct/3")
    assert assess(doc)[1] == "negative"  # until a word storyline_timex did not read as a time
    at = doc.text.index("Monday")
    doc._.sl_timexes = [TimexAnn(at, at + 6, "Monday", "DATE", "2024-12-02")]
    assert assess(doc)[1] == "positive"
    # A verb whose 'until' is how long it lasts, negated until a time, is negated (review: 'did not
    # survive until Monday'); 'was not contained until Sunday' says it was contained then.
    for verb, polarity in (("contain", "positive"), ("survive", "negative")):
        doc = parsed_doc(f"It/PRON/PRP/nsubj/3 did/AUX/VBD/aux/3 not/PART/RB/neg/3 {verb}/VERB/VB/ROOT/- "
                         "until/ADP/IN/prep/3 Sunday/PROPN/NNP/pobj/4 ./PUNCT/./punct/3")
        at = doc.text.index("Sunday")
        doc._.sl_timexes = [TimexAnn(at, at + 6, "Sunday", "DATE", "2024-12-01")]
        assert assess(doc)[1] == polarity, verb
    # Until a happening is a condition; not on a day is a negation.
    doc = parsed_doc("They/PRON/PRP/nsubj/3 will/AUX/MD/aux/3 not/PART/RB/neg/3 drop/VERB/VB/ROOT/- "
                     "the/DET/DT/det/5 suit/NOUN/NN/dobj/3 until/SCONJ/IN/mark/9 the/DET/DT/det/8 city/NOUN/NN/nsubj/9 "
                     "pays/VERB/VBZ/advcl/3 ./PUNCT/./punct/3")
    assert assess(doc)[1] == "negative"
    doc = parsed_doc("It/PRON/PRP/nsubj/3 did/AUX/VBD/aux/3 not/PART/RB/neg/3 arrive/VERB/VB/ROOT/- "
                     "on/ADP/IN/prep/3 Monday/PROPN/NNP/pobj/4 ./PUNCT/./punct/3")
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


# "She could not be happier ." / "She has never seemed calmer ."
HAPPIER = "She/PRON/PRP/nsubj/3 could/AUX/MD/aux/3 not/PART/RB/neg/3 be/AUX/VB/ROOT/- happier/ADJ/JJR/acomp/3 ./PUNCT/./punct/3"
CALMER = "She/PRON/PRP/nsubj/3 has/AUX/VBZ/aux/3 never/ADV/RB/neg/3 seemed/VERB/VBN/ROOT/- calmer/ADJ/JJR/oprd/3 ./PUNCT/./punct/3"
# "Ann is n't sad , she 's tired ."
FIRST_CLAUSE = (
    "Ann/PROPN/NNP/nsubj/1 is/AUX/VBZ/ccomp/7 n't/PART/RB/neg/1 sad/ADJ/JJ/acomp/1 ,/PUNCT/,/punct/7 "
    "she/PRON/PRP/nsubj/7 's/AUX/VBZ/ROOT/- tired/ADJ/JJ/acomp/7 ./PUNCT/./punct/7"
)
FALSE = "The/DET/DT/det/1 rumors/NOUN/NNS/nsubj/2 are/AUX/VBP/ROOT/- false/ADJ/JJ/acomp/2 ./PUNCT/./punct/2"
# "He was seen with his rumored girlfriend ." / "Her rumored affair ended ."
RUMORED_POBJ = (
    "He/PRON/PRP/nsubjpass/2 was/AUX/VBD/auxpass/2 seen/VERB/VBN/ROOT/- with/ADP/IN/prep/2 his/PRON/PRP$/poss/6 "
    "rumored/ADJ/JJ/amod/6 girlfriend/NOUN/NN/pobj/3 ./PUNCT/./punct/2"
)
RUMORED_SUBJ = "Her/PRON/PRP$/poss/2 rumored/ADJ/JJ/amod/2 affair/NOUN/NN/nsubj/3 ended/VERB/VBD/ROOT/- ./PUNCT/./punct/3"
NOWHERE = "He/PRON/PRP/nsubj/1 was/AUX/VBD/ROOT/- nowhere/ADV/RB/advmod/1 to/PART/TO/aux/4 be/AUX/VB/xcomp/1 ./PUNCT/./punct/1"


def test_negated_comparative_is_an_intensifier():
    assert assess(parsed_doc(HAPPIER)) == ("certain", "positive", [])
    assert assess(parsed_doc(CALMER)) == ("certain", "positive", [])


def test_negated_first_clause_parsed_under_the_second_counts():
    assert assess(parsed_doc(FIRST_CLAUSE))[1] == "negative"


def test_false_after_a_copula_denies_the_subject():
    assert assess(parsed_doc(FALSE))[1] == "negative"


def test_nowhere_negates():
    assert assess(parsed_doc(NOWHERE))[1] == "negative"


def test_hedging_adjective_counts_on_core_arguments_only():
    assert assess(parsed_doc(RUMORED_POBJ))[0] == "certain"
    assert assess(parsed_doc(RUMORED_SUBJ))[0] == "possible"


def test_insisting_is_not_distancing_and_said_to_is_probable():
    att = AttributionAnn(0, 0, "anonymous", "indirect", cue="insists")
    assert source_adjust(att, "certain", "positive", [])[0] == "certain"
    doc = make_doc("Lee is said to be upset.")
    assert assess(doc)[0] == "probable"


def test_negated_cue_leaves_the_content_unknown():
    # "The Courier has not confirmed that they split ."
    doc = parsed_doc(
        "The/DET/DT/det/1 Courier/PROPN/NNP/nsubj/4 has/AUX/VBZ/aux/4 not/PART/RB/neg/4 confirmed/VERB/VBN/ROOT/- "
        "that/SCONJ/IN/mark/7 they/PRON/PRP/nsubj/7 split/VERB/VBD/ccomp/4 ./PUNCT/./punct/4"
    )
    start = doc.text.index("they")
    att = AttributionAnn(start, len(doc.text) - 1, "outlet", "indirect", cue="confirmed")
    assert assess_attribution(doc, att)[:2] == ("unknown", "positive")
    doc = parsed_doc(SAYS_SPLIT)
    att = AttributionAnn(doc.text.index("they"), len(doc.text) - 1, "anonymous", "indirect", cue="says")
    assert assess_attribution(doc, att)[0] == "certain"


SAYS_SPLIT = "Lee/PROPN/NNP/nsubj/1 says/VERB/VBZ/ROOT/- they/PRON/PRP/nsubj/3 split/VERB/VBD/ccomp/1 ./PUNCT/./punct/1"


def test_lead_in_of_a_partial_quote_applies_to_the_quoted_words():
    # 'Lee said she would not discuss “the rumors .”'
    doc = parsed_doc(
        "Lee/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/- she/PRON/PRP/nsubj/5 would/AUX/MD/aux/5 not/PART/RB/neg/5 "
        "discuss/VERB/VB/ccomp/1 “/PUNCT/``/punct/8 the/DET/DT/det/8 rumors/NOUN/NNS/dobj/5 ./PUNCT/./punct/1 ”/PUNCT/''/punct/1"
    )
    start = doc.text.index("the")
    att = AttributionAnn(start, doc.text.index("rumors") + 6, "named_person", "direct", cue="said")
    assert assess_attribution(doc, att)[1] == "negative"
    att.quote = "indirect"  # only partial direct quotes look at their lead-in
    assert assess_attribution(doc, att)[1] == "positive"


def test_surroundings_found_once_adjust_every_claim_as_found_each_time():
    # storyline_claims finds a content's surroundings once and passes them for each of its claims:
    # the adjustment must be the one attribution_adjust makes finding them itself.
    from storyline.read.certainty.assess import attribution_adjust, surroundings
    from storyline.read.doc import char_span

    negated = parsed_doc(
        "The/DET/DT/det/1 Courier/PROPN/NNP/nsubj/4 has/AUX/VBZ/aux/4 not/PART/RB/neg/4 confirmed/VERB/VBN/ROOT/- "
        "that/SCONJ/IN/mark/7 they/PRON/PRP/nsubj/7 split/VERB/VBD/ccomp/4 ./PUNCT/./punct/4"
    )
    lead_in = parsed_doc(
        "Lee/PROPN/NNP/nsubj/1 said/VERB/VBD/ROOT/- she/PRON/PRP/nsubj/5 would/AUX/MD/aux/5 not/PART/RB/neg/5 "
        "discuss/VERB/VB/ccomp/1 “/PUNCT/``/punct/8 the/DET/DT/det/8 rumors/NOUN/NNS/dobj/5 ./PUNCT/./punct/1 ”/PUNCT/''/punct/1"
    )
    cases = [
        (negated, AttributionAnn(negated.text.index("they"), len(negated.text) - 1, "outlet", "indirect", cue="confirmed"),
         (True, False)),
        (lead_in, AttributionAnn(lead_in.text.index("the"), lead_in.text.index("rumors") + 6, "named_person", "direct", cue="said"),
         (False, True)),
    ]
    for doc, att, (negated_cue, has_lead) in cases:
        span = char_span(doc, att.content_start, att.content_end)
        around = surroundings(doc, att, span)
        assert (around.negated, around.lead is not None) == (negated_cue, has_lead)
        for found in [("certain", "positive", []), ("probable", "negative", ["reportedly"])]:
            assert attribution_adjust(doc, att, span, *found, around=around) == attribution_adjust(doc, att, span, *found)


def test_assess_from_the_docs_rows_equals_assess_from_its_tokens() -> None:
    # Components pass parse_rows(doc) (child lists read from arrays); without rows assess walks
    # the Tokens. Both must agree on every span, children outside the span included.
    from storyline.read.certainty.assess import parse_rows

    specs = [NEVER, MIGHT, SEEMINGLY, RELATIVE, APPEARED, DIDNT, IF, HAPPIER, CALMER, FIRST_CLAUSE, FALSE, NOWHERE,
             RUMORED_POBJ, RUMORED_SUBJ,
             # two sentences: a content over both takes its first one's values
             NEVER + " The/DET/DT/det/6 rumors/NOUN/NNS/nsubj/7 are/AUX/VBP/ROOT/- false/ADJ/JJ/acomp/7 ./PUNCT/./punct/7",
             "No/DET/DT/det/1 agreement/NOUN/NN/nsubjpass/4 had/AUX/VBD/aux/4 been/AUX/VBN/auxpass/4 signed/VERB/VBN/ROOT/- ./PUNCT/./punct/4"]
    for spec in specs:
        doc = parsed_doc(spec)
        rows = parse_rows(doc)
        assert rows.kids is not None and rows.dep == [t.dep_ for t in doc]
        assert rows.kids == [[c.i for c in t.children] for t in doc]
        assert rows.breaks == [s.start for s in doc.sents][1:]
        for i in range(len(doc)):
            for j in range(i + 1, len(doc) + 1):
                assert assess(doc[i:j], rows) == assess(doc[i:j]), (spec, i, j)


def test_children_where_from_rows_matches_token_children() -> None:
    from storyline.read.certainty.assess import children_where, parse_rows

    doc = parsed_doc(RELATIVE)
    rows = parse_rows(doc)
    for deps in (frozenset({"nsubj"}), frozenset({"neg", "aux", "prt"}), frozenset({"relcl", "punct", "nsubj"})):
        for t in doc:
            want = [c for c in t.children if c.dep_ in deps]
            assert children_where(t, rows, deps) == want == children_where(t, None, deps)
    assert [c.i for c in children_where(doc[6], rows, frozenset({"nsubj", "punct"}))] == [0, 7]
