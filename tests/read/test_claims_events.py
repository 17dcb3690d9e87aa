"""storyline_claims for any story, on hand-built parsed Docs: nominal and nested claims, predicate
spans, WordNet meaning, place, and the eventive flag (no domain pack)."""

from __future__ import annotations

import pytest
from helpers.docs import parsed_doc

from storyline.read.claims import find_claims
from storyline.read.doc import EntityAnn, MentionAnn, TimexAnn

# "Police arrested Smith in Chicago after the shooting ."
ARREST = (
    "Police/NOUN/NNS/nsubj/1 arrested/VERB/VBD/ROOT/- Smith/PROPN/NNP/dobj/1 in/ADP/IN/prep/1 Chicago/PROPN/NNP/pobj/3 "
    "after/ADP/IN/prep/1 the/DET/DT/det/7 shooting/NOUN/NN/pobj/5 ./PUNCT/./punct/1"
)
ARREST_LEMMAS = ["police", "arrest", "smith", "in", "chicago", "after", "the", "shooting", "."]


def _doc(spec, lemmas, entities=(), timexes=()):
    return parsed_doc(spec, lemmas=lemmas, entities=list(entities), timexes=list(timexes))


def _ent(key, name, kind, text, form=None):
    form = form or name
    start = text.index(form)
    return EntityAnn(key, name, kind, [MentionAnn(start, start + len(form), form, "name" if form[0].isupper() else "pronoun")])


def _pred(doc, c):
    return doc.text[c.predicate_start : c.predicate_end]


def test_a_verb_and_an_event_noun_each_head_a_claim_with_span_meaning_and_place():
    text = "Police arrested Smith in Chicago after the shooting."
    doc = _doc(ARREST, ARREST_LEMMAS, [_ent(1, "Smith", "PERSON", text), _ent(2, "Chicago", "GPE", text)])
    assert doc.text == text
    arrest, shooting = find_claims(doc)
    assert (arrest.text, arrest.predicate, _pred(doc, arrest), arrest.predicate_pos) == (
        "Police arrested Smith in Chicago after the shooting", "arrest", "arrested", "verb")
    assert (arrest.event_key, arrest.frame, arrest.eventive) == ("collar.v.01", "verb.contact", True)
    assert (arrest.object_key, arrest.place_key, arrest.predicate_class) == (1, 2, None)
    # The shooting nests inside the arrest's clause: a claim of its own, keyed by its verb.
    assert (shooting.text, shooting.predicate, _pred(doc, shooting), shooting.predicate_pos) == (
        "the shooting", "shooting", "shooting", "noun")
    assert (shooting.event_key, shooting.frame, shooting.eventive) == ("shoot.v.01", "noun.act", True)


def test_a_place_as_written_when_no_entity_names_it():
    spec = ARREST.replace("Chicago/PROPN/NNP/pobj/3", "Aurora/PROPN/NNP/pobj/3")
    (arrest, _) = find_claims(_doc(spec, ARREST_LEMMAS[:4] + ["aurora"] + ARREST_LEMMAS[5:]))
    assert (arrest.place_key, arrest.place_text) == (None, "Aurora")
    # A location noun after a locative preposition is a place too; a person noun is not.
    hotel = ARREST.replace("Chicago/PROPN/NNP/pobj/3", "hotel/NOUN/NN/pobj/3")
    (arrest, _) = find_claims(_doc(hotel, ARREST_LEMMAS[:4] + ["hotel"] + ARREST_LEMMAS[5:]))
    assert arrest.place_text == "hotel"
    teacher = ARREST.replace("Chicago/PROPN/NNP/pobj/3", "teacher/NOUN/NN/pobj/3")
    (arrest, _) = find_claims(_doc(teacher, ARREST_LEMMAS[:4] + ["teacher"] + ARREST_LEMMAS[5:]))
    assert (arrest.place_key, arrest.place_text) == (None, None)


# "His resignation was announced on Monday ."
RESIGNATION = (
    "His/PRON/PRP$/poss/1 resignation/NOUN/NN/nsubjpass/3 was/AUX/VBD/auxpass/3 announced/VERB/VBN/ROOT/- "
    "on/ADP/IN/prep/3 Monday/PROPN/NNP/pobj/4 ./PUNCT/./punct/3"
)


def test_a_possessor_is_the_subject_of_an_event_noun_and_its_clause_dates_it():
    text = "His resignation was announced on Monday."
    doc = _doc(RESIGNATION, ["his", "resignation", "be", "announce", "on", "monday", "."],
               [EntityAnn(4, "Ann Ode", "PERSON", [MentionAnn(0, 3, "His", "pronoun")])],
               [TimexAnn(text.index("Monday"), text.index("Monday") + 6, "Monday", "DATE", "2024-03-04")])
    claims = find_claims(doc)
    resignation = next(c for c in claims if c.predicate == "resignation")
    assert (resignation.text, resignation.subject_key, resignation.predicate_pos, resignation.eventive) == (
        "His resignation", 4, "noun", True)
    assert resignation.timex_index == 0  # the subject of 'was announced on Monday'
    assert resignation.event_key == "vacate.v.01"  # the key of the verb 'resign'


# "The arrest of Smith followed a long investigation ."
OF_PHRASE = (
    "The/DET/DT/det/1 arrest/NOUN/NN/nsubj/4 of/ADP/IN/prep/1 Smith/PROPN/NNP/pobj/2 followed/VERB/VBD/ROOT/- "
    "a/DET/DT/det/7 long/ADJ/JJ/amod/7 investigation/NOUN/NN/dobj/4 ./PUNCT/./punct/4"
)


def test_the_of_phrase_is_the_object_of_an_event_noun():
    text = "The arrest of Smith followed a long investigation."
    doc = _doc(OF_PHRASE, ["the", "arrest", "of", "smith", "follow", "a", "long", "investigation", "."],
               [_ent(1, "Smith", "PERSON", text)])
    by_pred = {c.predicate: c for c in find_claims(doc)}
    assert set(by_pred) == {"arrest", "follow", "investigation"}
    assert (by_pred["arrest"].text, by_pred["arrest"].object_key, by_pred["arrest"].subject_key) == ("The arrest of Smith", 1, None)
    assert by_pred["investigation"].text == "a long investigation"
    assert by_pred["follow"].subject_key == 1  # the clause's subject phrase holds Smith, as before


def test_a_noun_naming_a_thing_or_a_time_heads_no_claim():
    # "The office opened the door at the time ." : office (a place), door (a thing), time (semi-lexical)
    doc = _doc("The/DET/DT/det/1 office/NOUN/NN/nsubj/2 opened/VERB/VBD/ROOT/- the/DET/DT/det/4 door/NOUN/NN/dobj/2 "
               "at/ADP/IN/prep/2 the/DET/DT/det/7 time/NOUN/NN/pobj/5 ./PUNCT/./punct/2",
               ["the", "office", "open", "the", "door", "at", "the", "time", "."])
    assert [c.predicate for c in find_claims(doc)] == ["open"]


def test_light_copular_support_and_cognition_predicates_are_not_eventive():
    def one(spec, lemmas):
        claims = find_claims(_doc(spec, lemmas))
        main = max(claims, key=lambda c: c.end - c.start)
        return main, claims

    # "It is true ." : the predicate is the adjective, and no event
    c, _ = one("It/PRON/PRP/nsubj/1 is/AUX/VBZ/ROOT/- true/ADJ/JJ/acomp/1 ./PUNCT/./punct/1", ["it", "be", "true", "."])
    assert (c.predicate, c.predicate_pos, c.eventive, c.text[c.predicate_start : c.predicate_end]) == ("true", "adj", False, "true")
    # "I think she knows ." : propositional attitudes (verb.cognition) head no fact alone
    _, claims = one("I/PRON/PRP/nsubj/1 think/VERB/VBP/ROOT/- she/PRON/PRP/nsubj/3 knows/VERB/VBZ/ccomp/1 ./PUNCT/./punct/1",
                    ["i", "think", "she", "know", "."])
    assert [(c.predicate, c.frame, c.eventive) for c in claims] == [("think", "verb.cognition", False), ("know", "verb.cognition", False)]
    # "They had a dog ." : a light verb without an event noun
    c, _ = one("They/PRON/PRP/nsubj/1 had/VERB/VBD/ROOT/- a/DET/DT/det/3 dog/NOUN/NN/dobj/1 ./PUNCT/./punct/1",
               ["they", "have", "a", "dog", "."])
    assert (c.predicate, c.eventive) == ("have", False)
    # "She lives in Rome ." : a state is a fact ('lives in Paris' would contradict it)
    c, _ = one("She/PRON/PRP/nsubj/1 lives/VERB/VBZ/ROOT/- in/ADP/IN/prep/1 Rome/PROPN/NNP/pobj/2 ./PUNCT/./punct/1",
               ["she", "live", "in", "rome", "."])
    assert (c.predicate, c.frame, c.eventive, c.place_text) == ("live", "verb.stative", True, "Rome")
    # "There is a crowd ." : "be" alone predicates nothing
    c, _ = one("There/PRON/EX/expl/1 is/VERB/VBZ/ROOT/- a/DET/DT/det/3 crowd/NOUN/NN/attr/1 ./PUNCT/./punct/1",
               ["there", "be", "a", "crowd", "."])
    assert c.eventive is False
    # "Police identified the victim ." : a cognition verb with a nominal object is an event
    c, _ = one("Police/NOUN/NNS/nsubj/1 identified/VERB/VBD/ROOT/- the/DET/DT/det/3 victim/NOUN/NN/dobj/1 ./PUNCT/./punct/1",
               ["police", "identify", "the", "victim", "."])
    assert (c.predicate, c.frame, c.eventive) == ("identify", "verb.cognition", True)


def test_a_light_verb_with_an_event_noun_predicates_the_noun():
    # "Lee had an affair ." without a pack: the affair is the event, 'had' only carries it
    doc = _doc("Lee/PROPN/NNP/nsubj/1 had/VERB/VBD/ROOT/- an/DET/DT/det/3 affair/NOUN/NN/dobj/1 ./PUNCT/./punct/1",
               ["lee", "have", "an", "affair", "."], [EntityAnn(1, "Lee", "PERSON", [MentionAnn(0, 3, "Lee", "name")])])
    (c,) = find_claims(doc)
    assert (c.text, c.predicate, _pred(doc, c), c.predicate_pos, c.eventive, c.subject_key) == (
        "Lee had an affair", "affair", "affair", "noun", True, 1)


# "The attack happened in Paris ." / "No arrests were made ."
HAPPENED = "The/DET/DT/det/1 attack/NOUN/NN/nsubj/2 happened/VERB/VBD/ROOT/- in/ADP/IN/prep/2 Paris/PROPN/NNP/pobj/3 ./PUNCT/./punct/2"
NO_ARRESTS = "No/DET/DT/det/1 arrests/NOUN/NNS/nsubjpass/3 were/AUX/VBD/auxpass/3 made/VERB/VBN/ROOT/- ./PUNCT/./punct/3"


def test_the_event_noun_of_a_support_verb_takes_its_place_and_negation():
    text = "The attack happened in Paris."
    claims = find_claims(_doc(HAPPENED, ["the", "attack", "happen", "in", "paris", "."], [_ent(3, "Paris", "GPE", text)]))
    assert [(c.text, c.predicate, c.eventive, c.place_key) for c in claims] == [
        ("The attack", "attack", True, 3), ("The attack happened in Paris", "happen", False, 3)]
    claims = find_claims(_doc(NO_ARRESTS, ["no", "arrest", "be", "make", "."]))
    assert [(c.predicate, c.eventive, c.polarity) for c in claims] == [("arrest", True, "negative"), ("make", False, "negative")]


def test_phrasal_and_multiword_verbs_keep_their_words():
    # "They moved out ." / "The ceremony took place ."
    doc = _doc("They/PRON/PRP/nsubj/1 moved/VERB/VBD/ROOT/- out/ADP/RP/prt/1 ./PUNCT/./punct/1", ["they", "move", "out", "."])
    (c,) = find_claims(doc)
    assert (c.predicate, _pred(doc, c)) == ("move out", "moved out")
    doc = _doc("The/DET/DT/det/1 ceremony/NOUN/NN/nsubj/2 took/VERB/VBD/ROOT/- place/NOUN/NN/dobj/2 ./PUNCT/./punct/2",
               ["the", "ceremony", "take", "place", "."])
    took = next(c for c in find_claims(doc) if c.predicate_pos == "verb")
    assert (took.predicate, _pred(doc, took), took.event_key, took.eventive) == ("take place", "took place", "happen.v.01", False)


# "The man who killed his wife fled ."
RELATIVE = (
    "The/DET/DT/det/1 man/NOUN/NN/nsubj/6 who/PRON/WP/nsubj/3 killed/VERB/VBD/relcl/1 his/PRON/PRP$/poss/5 "
    "wife/NOUN/NN/dobj/3 fled/VERB/VBD/ROOT/- ./PUNCT/./punct/6"
)


def test_a_verb_in_a_relative_clause_is_a_nested_claim_and_the_main_claim_keeps_its_span():
    claims = find_claims(_doc(RELATIVE, ["the", "man", "who", "kill", "his", "wife", "flee", "."]))
    assert [(c.text, c.predicate) for c in claims] == [("The man who killed his wife fled", "flee"), ("who killed his wife", "kill")]


def test_an_aspectual_verb_is_a_mention_of_no_event_of_its_own():
    # "She decided to resign ."
    doc = _doc("She/PRON/PRP/nsubj/1 decided/VERB/VBD/ROOT/- to/PART/TO/aux/3 resign/VERB/VB/xcomp/1 ./PUNCT/./punct/1",
               ["she", "decide", "to", "resign", "."])
    claims = find_claims(doc)
    assert sorted((c.predicate, _pred(doc, c), c.eventive) for c in claims) == [("decide", "decided", False), ("resign", "resign", True)]
    assert len({(c.start, c.end, c.predicate) for c in claims}) == len(claims)


def test_a_denial_or_epistemic_verb_governs_the_event_it_takes_as_object():
    # "Lee denied the affair ." / "Fans suspected an affair ."
    denied = find_claims(_doc("Lee/PROPN/NNP/nsubj/1 denied/VERB/VBD/ROOT/- the/DET/DT/det/3 affair/NOUN/NN/dobj/1 ./PUNCT/./punct/1",
                              ["lee", "deny", "the", "affair", "."]))
    assert [(c.predicate, c.polarity) for c in denied] == [("deny", "positive"), ("affair", "negative")]
    suspected = find_claims(_doc("Fans/NOUN/NNS/nsubj/1 suspected/VERB/VBD/ROOT/- an/DET/DT/det/3 affair/NOUN/NN/dobj/1 ./PUNCT/./punct/1",
                                 ["fan", "suspect", "an", "affair", "."]))
    affair = next(c for c in suspected if c.predicate == "affair")
    assert (affair.certainty, affair.polarity, affair.hedges) == ("probable", "positive", ["suspect"])


# "Police arrested Smith because he shot a guard ."
BECAUSE = (
    "Police/NOUN/NNS/nsubj/1 arrested/VERB/VBD/ROOT/- Smith/PROPN/NNP/dobj/1 because/SCONJ/IN/mark/5 "
    "he/PRON/PRP/nsubj/5 shot/VERB/VBD/advcl/1 a/DET/DT/det/7 guard/NOUN/NN/dobj/5 ./PUNCT/./punct/1"
)


def test_a_verb_in_a_subordinate_clause_the_clause_claim_leaves_out_heads_a_claim():
    # The reason clause is cut out of the main claim ('Police arrested Smith'); its verb is an
    # event mention all the same (issue 9: every verbal event mention can head a claim).
    doc = _doc(BECAUSE, ["police", "arrest", "smith", "because", "he", "shoot", "a", "guard", "."])
    claims = {c.predicate: c for c in find_claims(doc)}
    assert claims["arrest"].text == "Police arrested Smith"
    shot = claims["shoot"]
    assert (shot.text, _pred(doc, shot), shot.predicate_pos, shot.eventive) == ("because he shot a guard", "shot", "verb", True)
    assert shot.source_kind == "unattributed"


def test_a_cognition_verb_with_the_object_of_its_own_preposition_is_an_event():
    # WordNet's only sense of 'check into' is 'examine' (verb.cognition): with a place it enters,
    # it is the event the story reports, not an attitude.
    spec = "Lohan/PROPN/NNP/nsubj/1 checked/VERB/VBD/ROOT/- into/ADP/IN/prep/1 rehab/NOUN/NN/pobj/2 ./PUNCT/./punct/1"
    [claim] = find_claims(_doc(spec, ["lohan", "check", "into", "rehab", "."]))
    assert (claim.predicate, claim.eventive) == ("check into", True)
    knew = "She/PRON/PRP/nsubj/1 knew/VERB/VBD/ROOT/- it/PRON/PRP/dobj/1 ./PUNCT/./punct/1"
    [claim] = find_claims(_doc(knew, ["she", "know", "it", "."]))
    assert (claim.predicate, claim.eventive) == ("know", False)


def test_a_light_verb_with_a_particle_wordnet_lists_is_an_event():
    spec = ("Thieves/NOUN/NNS/nsubj/1 made/VERB/VBD/ROOT/- off/ADP/RP/prt/1 with/ADP/IN/prep/1 "
            "cash/NOUN/NN/pobj/3 ./PUNCT/./punct/1")
    claims = find_claims(_doc(spec, ["thief", "make", "off", "with", "cash", "."]))
    made = next(c for c in claims if c.predicate == "make off")
    assert made.eventive


def test_a_light_verb_in_a_subordinate_clause_heads_no_claim():
    spec = BECAUSE.replace("shot/VERB/VBD/advcl/1", "had/VERB/VBD/advcl/1")
    doc = _doc(spec, ["police", "arrest", "smith", "because", "he", "have", "a", "guard", "."])
    assert [c.predicate for c in find_claims(doc)] == ["arrest"]


def test_a_state_or_a_nominalisation_heads_a_claim_of_its_own():
    # "Police arrested Smith on suspicion of arson ." : 'suspicion' (derived from 'suspect') is a
    # mention of its own; 'Smith' (a name) and 'police' (a group) are not.
    spec = ("Police/NOUN/NNS/nsubj/1 arrested/VERB/VBD/ROOT/- Smith/PROPN/NNP/dobj/1 on/ADP/IN/prep/1 "
            "suspicion/NOUN/NN/pobj/3 of/ADP/IN/prep/4 arson/NOUN/NN/pobj/5 ./PUNCT/./punct/1")
    text = "Police arrested Smith on suspicion of arson."
    doc = _doc(spec, ["police", "arrest", "smith", "on", "suspicion", "of", "arson", "."], [_ent(1, "Smith", "PERSON", text)])
    preds = {_pred(doc, c): c for c in find_claims(doc)}
    assert set(preds) == {"arrested", "suspicion", "arson"}
    assert (preds["suspicion"].predicate_pos, preds["suspicion"].eventive) == ("noun", True)


def test_a_title_case_headline_word_the_tagger_took_for_a_name_heads_a_claim():
    # "Lohan Checks Into Rehab" : the tagger reads every word as a proper noun.
    spec = "Lohan/PROPN/NNP/compound/1 Checks/PROPN/NNP/ROOT/- Into/ADP/IN/prep/1 Rehab/PROPN/NNP/pobj/2"
    text = "Lohan Checks Into Rehab"
    doc = _doc(spec, ["lohan", "checks", "into", "rehab"], [_ent(1, "Lohan", "PERSON", text)])
    preds = {_pred(doc, c): c for c in find_claims(doc)}
    assert "Lohan" not in preds  # a word of a name is no event
    checks = preds["Checks"]
    assert (checks.predicate, checks.predicate_pos, checks.eventive) == ("check", "verb", True)


def test_a_title_case_plural_with_no_verb_reading_heads_a_claim_as_its_noun():
    # "Aftershocks Jolt Island" : 'Aftershocks' is no verb and no base form; its noun names a
    # happening, so it heads a claim as 'aftershock' (as 'Aftershock' would).
    spec = "Aftershocks/PROPN/NNPS/nsubj/1 Jolt/PROPN/NNP/ROOT/- Island/PROPN/NNP/dobj/1"
    doc = _doc(spec, ["aftershocks", "jolt", "island"])
    preds = {_pred(doc, c): c for c in find_claims(doc)}
    shocks = preds["Aftershocks"]
    assert (shocks.predicate, shocks.predicate_pos, shocks.eventive) == ("aftershock", "noun", True)


def test_an_adjective_complement_of_a_verb_states_a_state_of_its_own():
    # "The boss was found dead ." : 'dead' is a claim, as 'is dead' would be.
    spec = ("The/DET/DT/det/1 boss/NOUN/NN/nsubjpass/3 was/AUX/VBD/auxpass/3 found/VERB/VBN/ROOT/- "
            "dead/ADJ/JJ/oprd/3 ./PUNCT/./punct/3")
    doc = _doc(spec, ["the", "boss", "be", "find", "dead", "."])
    preds = {_pred(doc, c): c for c in find_claims(doc)}
    assert set(preds) == {"found", "dead"}
    assert (preds["dead"].predicate, preds["dead"].predicate_pos, preds["dead"].eventive) == ("dead", "adj", True)
    # After a copula the adjective is the clause's own predicate: no second claim.
    cop = "The/DET/DT/det/1 boss/NOUN/NN/nsubj/2 is/AUX/VBZ/ROOT/- dead/ADJ/JJ/acomp/2 ./PUNCT/./punct/2"
    (only,) = find_claims(_doc(cop, ["the", "boss", "be", "dead", "."]))
    assert only.predicate == "dead"


def test_a_happening_known_by_its_name_heads_a_claim():
    # "LaRue , a Watergate figure , died ." : 'Watergate', a name typed EVENT, is the happening
    # itself (named events: 'the Academy Awards', 'Hurricane Katrina'); a name of another type
    # heads none ('LaRue').
    spec = ("LaRue/PROPN/NNP/nsubj/6 ,/PUNCT/,/punct/0 a/DET/DT/det/4 Watergate/PROPN/NNP/compound/4 "
            "figure/NOUN/NN/appos/0 ,/PUNCT/,/punct/0 died/VERB/VBD/ROOT/- ./PUNCT/./punct/6")
    text = "LaRue, a Watergate figure, died."
    doc = _doc(spec, ["larue", ",", "a", "watergate", "figure", ",", "die", "."],
               [_ent(1, "LaRue", "PERSON", text), _ent(2, "Watergate", "EVENT", text)])
    preds = {_pred(doc, c): c for c in find_claims(doc)}
    assert "LaRue" not in preds
    watergate = preds["Watergate"]
    assert (watergate.predicate, watergate.predicate_pos, watergate.eventive) == ("watergate", "noun", True)
    assert watergate.event_key is not None


def test_a_name_wordnet_knows_as_a_happening_heads_a_claim_whatever_its_entity_type():
    # The entity reader types 'Watergate' a work or a person as often as an event; WordNet's most
    # frequent sense of the name is a happening (noun.event), so it heads a claim all the same.
    # Not a person's name whose word is first a happening elsewhere ('Rush'), nor a title whose
    # word is first no happening ('Love'), nor a brand or plural WordNet files under another
    # headword ('Twitter' is a chirrup, 'the Avenues' a gang).
    spec = ("LaRue/PROPN/NNP/nsubj/6 ,/PUNCT/,/punct/0 a/DET/DT/det/4 Watergate/PROPN/NNP/compound/4 "
            "figure/NOUN/NN/appos/0 ,/PUNCT/,/punct/0 died/VERB/VBD/ROOT/- ./PUNCT/./punct/6")
    text = "LaRue, a Watergate figure, died."
    lemmas = ["larue", ",", "a", "watergate", "figure", ",", "die", "."]
    for kind in ("WORK", "OTHER"):
        doc = _doc(spec, lemmas, [_ent(1, "LaRue", "PERSON", text), _ent(2, "Watergate", kind, text)])
        preds = {_pred(doc, c): c for c in find_claims(doc)}
        assert (preds["Watergate"].predicate, preds["Watergate"].predicate_pos) == ("watergate", "noun"), kind
    for name, kind in (("Rush", "PERSON"), ("Love", "WORK"), ("Rush", "ORG"), ("Twitter", "OTHER"), ("Avenues", "OTHER"),
                       # a common word capitalised as a title: 'Gravity', 'Avalanche' (no name of one happening)
                       ("Gravity", "WORK"), ("Avalanche", "OTHER"), ("Heat", "OTHER")):
        other = text.replace("Watergate", name)
        doc = _doc(spec.replace("Watergate", name), [w if w != "watergate" else name.lower() for w in lemmas],
                   [_ent(1, "LaRue", "PERSON", other), _ent(2, name, kind, other)])
        assert name not in {_pred(doc, c) for c in find_claims(doc)}, (name, kind)


def test_a_name_of_an_event_is_one_predicate_and_two_named_events_differ():
    # "the Academy Awards" : one predicate over the name's words, keyed by the name.
    spec = ("DeGeneres/PROPN/NNP/nsubj/1 hosts/VERB/VBZ/ROOT/- the/DET/DT/det/4 Academy/PROPN/NNP/compound/4 "
            "Awards/PROPN/NNPS/dobj/1 ./PUNCT/./punct/1")
    text = "DeGeneres hosts the Academy Awards."
    doc = _doc(spec, ["degeneres", "host", "the", "academy", "awards", "."],
               [_ent(1, "DeGeneres", "PERSON", text), _ent(2, "Academy Awards", "EVENT", text)])
    preds = {_pred(doc, c): c for c in find_claims(doc)}
    awards = preds["Academy Awards"]
    assert (awards.predicate, awards.predicate_pos) == ("academy awards", "noun")
    assert awards.event_key != preds["hosts"].event_key


def test_a_noun_with_a_later_event_sense_is_a_happening_where_only_a_happening_fits():
    # "She died after a fall ." : 'fall' is a season first and an act second; after 'after' it happened
    doc = _doc("She/PRON/PRP/nsubj/1 died/VERB/VBD/ROOT/- after/ADP/IN/prep/1 a/DET/DT/det/4 fall/NOUN/NN/pobj/2 ./PUNCT/./punct/1",
               ["she", "die", "after", "a", "fall", "."])
    fall = next(c for c in find_claims(doc) if c.predicate == "fall")
    assert (fall.text, _pred(doc, fall), fall.predicate_pos, fall.eventive) == ("a fall", "fall", "noun", True)
    # "He won in the seventh round ." : counted by an ordinal
    doc = _doc("He/PRON/PRP/nsubj/1 won/VERB/VBD/ROOT/- in/ADP/IN/prep/1 the/DET/DT/det/5 seventh/ADJ/JJ/amod/5 "
               "round/NOUN/NN/pobj/2 ./PUNCT/./punct/1", ["he", "win", "in", "the", "seventh", "round", "."])
    assert [c.predicate for c in find_claims(doc)] == ["win", "round"]
    # "They held a party ." : the object of a light verb; "The party happened ." : the subject of a support verb
    doc = _doc("They/PRON/PRP/nsubj/1 held/VERB/VBD/ROOT/- a/DET/DT/det/3 party/NOUN/NN/dobj/1 ./PUNCT/./punct/1",
               ["they", "hold", "a", "party", "."])
    assert [c.predicate for c in find_claims(doc)] == ["hold", "party"]
    doc = _doc("The/DET/DT/det/1 party/NOUN/NN/nsubj/2 happened/VERB/VBD/ROOT/- ./PUNCT/./punct/2", ["the", "party", "happen", "."])
    assert [c.predicate for c in find_claims(doc)] == ["party", "happen"]
    # "He shot his boss at the Christmas party ." : dated by a time word before it
    doc = _doc("He/PRON/PRP/nsubj/1 shot/VERB/VBD/ROOT/- his/PRON/PRP$/poss/3 boss/NOUN/NN/dobj/1 at/ADP/IN/prep/1 "
               "the/DET/DT/det/7 Christmas/PROPN/NNP/compound/7 party/NOUN/NN/pobj/4 ./PUNCT/./punct/1",
               ["he", "shoot", "his", "boss", "at", "the", "christmas", "party", "."])
    assert [c.predicate for c in find_claims(doc)] == ["shoot", "party"]


def test_a_noun_whose_senses_hold_no_event_or_whose_place_says_none_heads_no_claim():
    # "She left the party ." : 'party' as the object of a full verb may be the group
    doc = _doc("She/PRON/PRP/nsubj/1 left/VERB/VBD/ROOT/- the/DET/DT/det/3 party/NOUN/NN/dobj/1 ./PUNCT/./punct/1",
               ["she", "leave", "the", "party", "."])
    assert [c.predicate for c in find_claims(doc)] == ["leave"]
    # "He left after the season ." : no sense of 'season' is a happening; "the second lookout" is a
    # person first, though an act among its first senses
    doc = _doc("He/PRON/PRP/nsubj/1 left/VERB/VBD/ROOT/- after/ADP/IN/prep/1 the/DET/DT/det/4 season/NOUN/NN/pobj/2 ./PUNCT/./punct/1",
               ["he", "leave", "after", "the", "season", "."])
    assert [c.predicate for c in find_claims(doc)] == ["leave"]
    doc = _doc("The/DET/DT/det/2 second/ADJ/JJ/amod/2 lookout/NOUN/NN/nsubj/3 left/VERB/VBD/ROOT/- ./PUNCT/./punct/3",
               ["the", "second", "lookout", "leave", "."])
    assert [c.predicate for c in find_claims(doc)] == ["leave"]
    # "The ceremony took place ." : 'place' is part of the verb, not a happening of its own
    doc = _doc("The/DET/DT/det/1 ceremony/NOUN/NN/nsubj/2 took/VERB/VBD/ROOT/- place/NOUN/NN/dobj/2 ./PUNCT/./punct/2",
               ["the", "ceremony", "take", "place", "."])
    assert sorted(c.predicate for c in find_claims(doc)) == ["ceremony", "take place"]


def test_an_ordinal_ranks_places_and_groups_and_a_time_preposition_takes_no_place_noun():
    # "He finished in third place ." : a position, not a happening
    doc = _doc("He/PRON/PRP/nsubj/1 finished/VERB/VBD/ROOT/- in/ADP/IN/prep/1 third/ADJ/JJ/amod/4 place/NOUN/NN/pobj/2 ./PUNCT/./punct/1",
               ["he", "finish", "in", "third", "place", "."])
    assert [c.predicate for c in find_claims(doc)] == ["finish"]
    # "He played in the first division ." : a rank of groups
    doc = _doc("He/PRON/PRP/nsubj/1 played/VERB/VBD/ROOT/- in/ADP/IN/prep/1 the/DET/DT/det/5 first/ADJ/JJ/amod/5 "
               "division/NOUN/NN/pobj/2 ./PUNCT/./punct/1", ["he", "play", "in", "the", "first", "division", "."])
    assert [c.predicate for c in find_claims(doc)] == ["play"]
    # "He stayed until the end ." : a point in time
    doc = _doc("He/PRON/PRP/nsubj/1 stayed/VERB/VBD/ROOT/- until/ADP/IN/prep/1 the/DET/DT/det/4 end/NOUN/NN/pobj/2 ./PUNCT/./punct/1",
               ["he", "stay", "until", "the", "end", "."])
    assert [c.predicate for c in find_claims(doc)] == ["stay"]
    # "He held office ." : a state held, where "held a party" is a happening
    doc = _doc("He/PRON/PRP/nsubj/1 held/VERB/VBD/ROOT/- office/NOUN/NN/dobj/1 ./PUNCT/./punct/1",
               ["he", "hold", "office", "."])
    assert [c.predicate for c in find_claims(doc)] == ["hold"]


def test_a_participle_before_a_noun_heads_a_claim_keyed_on_its_verb():
    # "Police hunted the escaped inmate ." : the tagger takes 'escaped' for an adjective; it is
    # the verb's participle, a happening told of the noun ('the slain teen', 'hacked sites').
    spec = ("Police/NOUN/NNS/nsubj/1 hunted/VERB/VBD/ROOT/- the/DET/DT/det/4 escaped/ADJ/JJ/amod/4 "
            "inmate/NOUN/NN/dobj/1 ./PUNCT/./punct/1")
    doc = _doc(spec, ["police", "hunt", "the", "escaped", "inmate", "."])
    preds = {_pred(doc, c): c for c in find_claims(doc)}
    assert set(preds) == {"hunted", "escaped"}
    escaped = preds["escaped"]
    assert (escaped.predicate, escaped.predicate_pos, escaped.eventive) == ("escape", "adj", True)
    assert escaped.event_key is not None and escaped.frame.startswith("verb.")
    # A participle that is also a noun of people stays a participle: 'the slain teen'.
    slain = spec.replace("escaped/ADJ/JJ", "slain/ADJ/JJ")
    doc = _doc(slain, ["police", "hunt", "the", "slain", "inmate", "."])
    assert {c.predicate for c in find_claims(doc)} == {"hunt", "slay"}
    # The claim is the participle with the noun it tells of: 'escaped inmate', not 'escaped'.
    assert (escaped.text, escaped.object_text) == ("escaped inmate", "inmate")
    # ... whichever tag the tagger gave the participle.
    doc = _doc(spec.replace("escaped/ADJ/JJ", "escaped/VERB/VBN"), ["police", "hunt", "the", "escape", "inmate", "."])
    escaped = next(c for c in find_claims(doc) if _pred(doc, c) == "escaped")
    assert (escaped.predicate, escaped.text, escaped.object_text) == ("escape", "escaped inmate", "inmate")


def test_a_participle_before_a_noun_of_a_happening_says_what_kind_it_is_and_heads_no_claim():
    tag = "ADJ/JJ"
    # "Police hunted the armed robbery suspects" is no arming: 'armed robbery' is a kind of robbery;
    # "charged over the attempted murder": no attempt of its own.
    for word, lemma, noun in [("armed", "arm", "robbery"), ("attempted", "attempt", "murder")]:
        spec = (f"Police/NOUN/NNS/nsubj/1 investigated/VERB/VBD/ROOT/- an/DET/DT/det/4 {word}/{tag}/amod/4 "
                f"{noun}/NOUN/NN/dobj/1 ./PUNCT/./punct/1")
        doc = _doc(spec, ["police", "investigate", "an", lemma, noun, "."])
        assert {c.predicate for c in find_claims(doc)} == {"investigate", noun}, word
    # The same participle before a noun of a person or thing tells a happening of it.
    doc = _doc(spec.replace("attempted", "armed").replace("murder/NOUN", "man/NOUN"),
               ["police", "investigate", "an", "arm", "man", "."])
    assert {c.predicate for c in find_claims(doc)} == {"investigate", "arm"}


def test_a_participle_of_an_attitude_or_saying_before_a_noun_heads_no_claim():
    tag = "ADJ/JJ"
    # 'the proposed plan', 'a related case': no proposing or relating happened in the sentence.
    for word, lemma in [("proposed", "propose"), ("related", "relate")]:
        spec = (f"Police/NOUN/NNS/nsubj/1 hunted/VERB/VBD/ROOT/- the/DET/DT/det/4 {word}/{tag}/amod/4 "
                "inmate/NOUN/NN/dobj/1 ./PUNCT/./punct/1")
        doc = _doc(spec, ["police", "hunt", "the", lemma, "inmate", "."])
        assert {_pred(doc, c) for c in find_claims(doc)} == {"hunted"}, word


def test_a_tagged_past_participle_before_a_happening_heads_a_claim_unless_its_verb_is_aspectual():
    # Tagged a verb, the participle is read as a verb, as before participles tagged adjectives
    # headed claims: 'the postponed election' tells a postponement. An aspectual verb's participle
    # says only the phase of the noun's happening: 'the attempted murder' is no attempt of its own.
    for word, lemma, noun, expected in [("postponed", "postpone", "election", {"investigate", "postpone", "election"}),
                                        ("attempted", "attempt", "murder", {"investigate", "murder"})]:
        spec = (f"Police/NOUN/NNS/nsubj/1 investigated/VERB/VBD/ROOT/- the/DET/DT/det/4 {word}/VERB/VBN/amod/4 "
                f"{noun}/NOUN/NN/dobj/1 ./PUNCT/./punct/1")
        doc = _doc(spec, ["police", "investigate", "the", lemma, noun, "."])
        assert {c.predicate for c in find_claims(doc)} == expected, word


def test_a_participle_after_its_noun_takes_the_noun_as_object_not_its_own_words():
    # "Police questioned the man arrested yesterday": the man was arrested; the object is 'man',
    # though the claim's words ('arrested yesterday') do not hold it.
    spec = ("Police/NOUN/NNS/nsubj/1 questioned/VERB/VBD/ROOT/- the/DET/DT/det/3 man/NOUN/NN/dobj/1 "
            "arrested/VERB/VBN/acl/3 yesterday/NOUN/NN/npadvmod/4 ./PUNCT/./punct/1")
    doc = _doc(spec, ["police", "question", "the", "man", "arrest", "yesterday", "."])
    arrested = next(c for c in find_claims(doc) if c.predicate == "arrest")
    assert arrested.object_text == "man"


def test_an_adjective_that_is_no_participle_of_an_event_verb_heads_no_claim():
    # 'dead', 'unknown' are no verb's participles; 'known' is a verb of knowing (an attitude, no
    # happening); 'following' and 'leading' (present participles) rank or place the noun.
    # 'left' is a noun of a place too ('the left knee'); a comparative is no verb's form ('bigger')
    # or the verb itself ('lower'), whatever its tag.
    for word, lemma, tag in [("dead", "dead", "JJ"), ("unknown", "unknown", "JJ"), ("known", "know", "JJ"),
                             ("following", "follow", "JJ"), ("leading", "lead", "JJ"), ("left", "left", "JJ"),
                             ("bigger", "big", "JJR"), ("lower", "low", "JJR")]:
        spec = (f"Police/NOUN/NNS/nsubj/1 hunted/VERB/VBD/ROOT/- the/DET/DT/det/4 {word}/ADJ/{tag}/amod/4 "
                "inmate/NOUN/NN/dobj/1 ./PUNCT/./punct/1")
        doc = _doc(spec, ["police", "hunt", "the", lemma, "inmate", "."])
        assert {_pred(doc, c) for c in find_claims(doc)} == {"hunted"}, word
    # A degree word makes the participle a quality: 'the most prepared person'.
    spec = ("Police/NOUN/NNS/nsubj/1 hunted/VERB/VBD/ROOT/- the/DET/DT/det/5 most/ADV/RBS/advmod/4 "
            "escaped/ADJ/JJ/amod/5 inmate/NOUN/NN/dobj/1 ./PUNCT/./punct/1")
    doc = _doc(spec, ["police", "hunt", "the", "most", "escaped", "inmate", "."])
    assert {_pred(doc, c) for c in find_claims(doc)} == {"hunted"}


# "Vandals cut the wire . The cut darkened homes ."
CUT = ("Vandals/NOUN/NNS/nsubj/1 cut/VERB/VBD/ROOT/- the/DET/DT/det/3 wire/NOUN/NN/dobj/1 ./PUNCT/./punct/1 "
       "The/DET/DT/det/6 cut/NOUN/NN/nsubj/7 darkened/VERB/VBD/ROOT/- homes/NOUN/NNS/dobj/7 ./PUNCT/./punct/7")
CUT_LEMMAS = ["vandal", "cut", "the", "wire", ".", "the", "cut", "darken", "home", "."]


def test_a_noun_the_article_tells_as_a_verb_heads_a_claim_keyed_on_that_verb():
    # 'cut' is first a share (noun.possession) in WordNet: alone it heads no claim. The article
    # tells the happening with the verb, so 'the cut' names it: a claim with the verb's key.
    doc = _doc(CUT, CUT_LEMMAS)
    assert len(list(doc.sents)) == 2
    claims = find_claims(doc)
    nouns = [c for c in claims if c.predicate_pos == "noun"]
    assert [(_pred(doc, c), c.predicate, c.eventive) for c in nouns] == [("cut", "cut", True)]
    verb = next(c for c in claims if c.predicate_pos == "verb" and c.predicate == "cut")
    assert nouns[0].event_key == verb.event_key is not None
    # Without the verb in the article the noun stays a thing.
    alone = CUT.split(" ./PUNCT/./punct/1 ")[1].replace("/6", "/1").replace("/7", "/2").replace("/5", "/0")
    doc = _doc(alone, CUT_LEMMAS[5:])
    assert {_pred(doc, c) for c in find_claims(doc)} == {"darkened"}


def test_a_noun_of_a_person_the_article_tells_as_a_verb_heads_no_claim():
    # 'will host the show . The host thanked fans .': the host is who does it, not the happening.
    spec = ("She/PRON/PRP/nsubj/2 will/AUX/MD/aux/2 host/VERB/VB/ROOT/- the/DET/DT/det/4 show/NOUN/NN/dobj/2 ./PUNCT/./punct/2 "
            "The/DET/DT/det/7 host/NOUN/NN/nsubj/8 thanked/VERB/VBD/ROOT/- fans/NOUN/NNS/dobj/8 ./PUNCT/./punct/8")
    doc = _doc(spec, ["she", "will", "host", "the", "show", ".", "the", "host", "thank", "fan", "."])
    assert {(_pred(doc, c), c.predicate_pos) for c in find_claims(doc) if _pred(doc, c) == "host"} == {("host", "verb")}


def test_an_adjective_the_article_states_elsewhere_heads_a_claim_of_that_state():
    # Headline 'Boss dead after fall' then 'Police found the boss dead .': 'dead' after its noun
    # in the headline states what the article states with 'found dead'.
    spec = ("Boss/NOUN/NN/ROOT/- dead/ADJ/JJ/amod/0 after/ADP/IN/prep/0 fall/NOUN/NN/pobj/2 ./PUNCT/./punct/0 "
            "Police/NOUN/NNS/nsubj/6 found/VERB/VBD/ROOT/- the/DET/DT/det/8 boss/NOUN/NN/dobj/6 dead/ADJ/JJ/oprd/6 "
            "./PUNCT/./punct/6")
    doc = _doc(spec, ["boss", "dead", "after", "fall", ".", "police", "find", "the", "boss", "dead", "."])
    dead = [c for c in find_claims(doc) if c.predicate == "dead"]
    assert [(c.predicate_start, c.predicate_pos, c.eventive) for c in dead] == [
        (doc.text.index("dead"), "adj", True), (doc.text.rindex("dead"), "adj", True)]
    # Alone, the headline's adjective is no claim (a quality: 'the dead boss').
    head = spec.split(" Police/")[0]
    doc = _doc(head, ["boss", "dead", "after", "fall", "."])
    assert [c.predicate for c in find_claims(doc)] == ["fall"]


def test_an_acronym_the_article_spells_out_names_the_happening_its_words_tell():
    # "He was arrested for driving under the influence . The DUI charge stands ."
    spec = ("He/PRON/PRP/nsubjpass/2 was/AUX/VBD/auxpass/2 arrested/VERB/VBN/ROOT/- for/ADP/IN/prep/2 "
            "driving/VERB/VBG/pcomp/3 under/ADP/IN/prep/4 the/DET/DT/det/7 influence/NOUN/NN/pobj/5 ./PUNCT/./punct/2 "
            "The/DET/DT/det/12 DUI/PROPN/NNP/compound/12 charge/NOUN/NN/nsubj/13 stands/VERB/VBZ/ROOT/- ./PUNCT/./punct/13")
    lemmas = ["he", "be", "arrest", "for", "drive", "under", "the", "influence", ".", "the", "dui", "charge", "stand", "."]
    text = "He was arrested for driving under the influence. The DUI charge stands."
    doc = _doc(spec, lemmas, [_ent(1, "DUI", "ORG", text)])
    claims = find_claims(doc)
    dui = next(c for c in claims if _pred(doc, c) == "DUI")
    driving = next(c for c in claims if _pred(doc, c) == "driving")
    assert (dui.predicate, dui.event_key, dui.eventive) == (driving.predicate, driving.event_key, True)
    # Not spelled out in the article: no claim ('the FBI', 'the NFL').
    alone = "The/DET/DT/det/2 DUI/PROPN/NNP/compound/2 charge/NOUN/NN/nsubj/3 stands/VERB/VBZ/ROOT/- ./PUNCT/./punct/3"
    doc = _doc(alone, lemmas[9:], [_ent(1, "DUI", "ORG", "The DUI charge stands.")])
    assert "DUI" not in {_pred(doc, c) for c in find_claims(doc)}


def test_a_noun_of_a_thing_the_article_tells_as_a_verb_heads_no_claim():
    # 'The hall houses refugees . Houses collapsed .': 'house' is first a building.
    spec = ("The/DET/DT/det/1 hall/NOUN/NN/nsubj/2 houses/VERB/VBZ/ROOT/- refugees/NOUN/NNS/dobj/2 ./PUNCT/./punct/2 "
            "Houses/NOUN/NNS/nsubj/6 collapsed/VERB/VBD/ROOT/- ./PUNCT/./punct/6")
    doc = _doc(spec, ["the", "hall", "house", "refugee", ".", "house", "collapse", "."])
    assert {(_pred(doc, c), c.predicate_pos) for c in find_claims(doc)} == {("houses", "verb"), ("collapsed", "verb")}


def test_an_acronym_spelled_from_a_function_word_heads_no_claim():
    # 'A shooting shook Troy . AS reported it .' : 'a shooting' spells no 'AS'.
    spec = ("A/DET/DT/det/1 shooting/NOUN/NN/nsubj/2 shook/VERB/VBD/ROOT/- Troy/PROPN/NNP/dobj/2 ./PUNCT/./punct/2 "
            "AS/PROPN/NNP/nsubj/6 reported/VERB/VBD/ROOT/- it/PRON/PRP/dobj/6 ./PUNCT/./punct/6")
    doc = _doc(spec, ["a", "shooting", "shake", "troy", ".", "as", "report", "it", "."])
    preds = {_pred(doc, c) for c in find_claims(doc)}
    assert "shooting" in preds and "AS" not in preds


def test_a_noun_whose_happening_sense_is_not_of_the_verb_the_article_tells_heads_no_claim():
    # 'He rounded the corner . The round ended .': 'round' is first a thing; its happening senses
    # (a round of a fight) are no rounding of a corner: WordNet ties none of them to the verb.
    spec = ("He/PRON/PRP/nsubj/1 rounded/VERB/VBD/ROOT/- the/DET/DT/det/3 corner/NOUN/NN/dobj/1 ./PUNCT/./punct/1 "
            "The/DET/DT/det/6 round/NOUN/NN/nsubj/7 ended/VERB/VBD/ROOT/- ./PUNCT/./punct/7")
    doc = _doc(spec, ["he", "round", "the", "corner", ".", "the", "round", "end", "."])
    assert ("round", "noun") not in {(_pred(doc, c), c.predicate_pos) for c in find_claims(doc)}


# "<subject> <verb> <object> . The <noun> <verb2> ." : the noun is the verb's word in another sense.
OTHER_SENSE = [
    # 'The company will train staff . The train derailed .'
    ("The/DET/DT/det/1 company/NOUN/NN/nsubj/3 will/AUX/MD/aux/3 train/VERB/VB/ROOT/- staff/NOUN/NN/dobj/3 ./PUNCT/./punct/3 "
     "The/DET/DT/det/7 train/NOUN/NN/nsubj/8 derailed/VERB/VBD/ROOT/- ./PUNCT/./punct/8",
     ["the", "company", "will", "train", "staff", ".", "the", "train", "derail", "."], "train"),
    # 'They watch the news . His watch was stolen .'
    ("They/PRON/PRP/nsubj/1 watch/VERB/VBP/ROOT/- the/DET/DT/det/3 news/NOUN/NN/dobj/1 ./PUNCT/./punct/1 "
     "His/PRON/PRP$/poss/6 watch/NOUN/NN/nsubjpass/8 was/AUX/VBD/auxpass/8 stolen/VERB/VBN/ROOT/- ./PUNCT/./punct/8",
     ["they", "watch", "the", "news", ".", "his", "watch", "be", "steal", "."], "watch"),
    # 'They will state their case . The state sued .'
    ("They/PRON/PRP/nsubj/2 will/AUX/MD/aux/2 state/VERB/VB/ROOT/- their/PRON/PRP$/poss/4 case/NOUN/NN/dobj/2 ./PUNCT/./punct/2 "
     "The/DET/DT/det/7 state/NOUN/NN/nsubj/8 sued/VERB/VBD/ROOT/- ./PUNCT/./punct/8",
     ["they", "will", "state", "their", "case", ".", "the", "state", "sue", "."], "state"),
    # 'The pilot landed . The land was flooded .'
    ("The/DET/DT/det/1 pilot/NOUN/NN/nsubj/2 landed/VERB/VBD/ROOT/- ./PUNCT/./punct/2 "
     "The/DET/DT/det/5 land/NOUN/NN/nsubjpass/7 was/AUX/VBD/auxpass/7 flooded/VERB/VBN/ROOT/- ./PUNCT/./punct/7",
     ["the", "pilot", "land", ".", "the", "land", "be", "flood", "."], "land"),
]


@pytest.mark.parametrize(("spec", "lemmas", "word"), OTHER_SENSE, ids=[w for *_, w in OTHER_SENSE])
def test_a_noun_in_another_sense_than_the_verb_the_article_tells_heads_no_claim(spec, lemmas, word):
    doc = _doc(spec, lemmas)
    assert [c.predicate_pos for c in find_claims(doc) if c.predicate == word] == ["verb"]


def test_a_noun_with_an_indefinite_article_is_no_happening_the_article_told_as_a_verb():
    # 'The council will cut the budget . He got a paper cut .': 'a cut' is a new one, not the
    # cutting told ('the cut' of the first test is).
    spec = ("The/DET/DT/det/1 council/NOUN/NN/nsubj/3 will/AUX/MD/aux/3 cut/VERB/VB/ROOT/- the/DET/DT/det/5 "
            "budget/NOUN/NN/dobj/3 ./PUNCT/./punct/3 He/PRON/PRP/nsubj/8 got/VERB/VBD/ROOT/- a/DET/DT/det/11 "
            "paper/NOUN/NN/compound/11 cut/NOUN/NN/dobj/8 ./PUNCT/./punct/8")
    doc = _doc(spec, ["the", "council", "will", "cut", "the", "budget", ".", "he", "get", "a", "paper", "cut", "."])
    assert [c.predicate_pos for c in find_claims(doc) if c.predicate == "cut"] == ["verb"]


def test_a_compound_naming_a_kind_is_no_happening_the_article_told_as_a_verb():
    # Review (fourth round): 'The council will cut the budget . The paper cut hurt .' made 'the
    # paper cut' the council's cutting. A noun before it names a kind of its own ('paper cut')
    # unless it is what the told verb acts on ('the budget cut' after 'cut the budget').
    head = ("The/DET/DT/det/1 council/NOUN/NN/nsubj/3 will/AUX/MD/aux/3 cut/VERB/VB/ROOT/- the/DET/DT/det/5 "
            "budget/NOUN/NN/dobj/3 ./PUNCT/./punct/3 ")
    lemmas = ["the", "council", "will", "cut", "the", "budget", "."]
    for word, pos in (("paper", ["verb"]), ("budget", ["verb", "noun"])):
        spec = head + (f"The/DET/DT/det/9 {word}/NOUN/NN/compound/9 cut/NOUN/NN/nsubj/10 hurt/VERB/VBD/ROOT/- "
                       "./PUNCT/./punct/10")
        doc = _doc(spec, [*lemmas, "the", word, "cut", "hurt", "."])
        assert [c.predicate_pos for c in find_claims(doc) if c.predicate == "cut"] == pos, word


def test_a_noun_first_of_a_thing_whose_next_sense_is_the_verbs_happening_heads_a_claim():
    # 'Jailers released Lohan . Her release angered fans .': 'release' is first a thing (a
    # record), next the act of releasing someone, which WordNet derives from the verb.
    spec = ("Jailers/NOUN/NNS/nsubj/1 released/VERB/VBD/ROOT/- Lohan/PROPN/NNP/dobj/1 ./PUNCT/./punct/1 "
            "Her/PRON/PRP$/poss/5 release/NOUN/NN/nsubj/6 angered/VERB/VBD/ROOT/- fans/NOUN/NNS/dobj/6 ./PUNCT/./punct/6")
    text = "Jailers released Lohan. Her release angered fans."
    doc = _doc(spec, ["jailer", "release", "lohan", ".", "her", "release", "anger", "fan", "."], [_ent(1, "Lohan", "PERSON", text)])
    claims = find_claims(doc)
    noun = next(c for c in claims if c.predicate == "release" and c.predicate_pos == "noun")
    verb = next(c for c in claims if c.predicate == "release" and c.predicate_pos == "verb")
    assert noun.event_key == verb.event_key and noun.eventive


def test_an_acronym_before_a_noun_leaves_the_nouns_claim_its_words():
    # 'The DUI charge stands .': 'charge' heads a claim of its own; the acronym's claim inside it
    # takes none of its words.
    spec = ("He/PRON/PRP/nsubjpass/2 was/AUX/VBD/auxpass/2 arrested/VERB/VBN/ROOT/- for/ADP/IN/prep/2 "
            "driving/VERB/VBG/pcomp/3 under/ADP/IN/prep/4 the/DET/DT/det/7 influence/NOUN/NN/pobj/5 ./PUNCT/./punct/2 "
            "The/DET/DT/det/11 DUI/PROPN/NNP/compound/11 charge/NOUN/NN/nsubj/12 stands/VERB/VBZ/ROOT/- ./PUNCT/./punct/12")
    lemmas = ["he", "be", "arrest", "for", "drive", "under", "the", "influence", ".", "the", "dui", "charge", "stand", "."]
    doc = _doc(spec, lemmas)
    claims = find_claims(doc)
    assert "DUI" in {_pred(doc, c) for c in claims}
    assert next(c for c in claims if _pred(doc, c) == "charge").text == "The DUI charge"


def test_an_acronym_of_a_name_spelled_out_heads_no_claim():
    # 'Congress passed the Affordable Care Act . The ACA stands .': the spelled-out words are a
    # name (a law), whatever claim a word of it heads; the acronym names the thing.
    spec = ("Congress/PROPN/NNP/nsubj/1 passed/VERB/VBD/ROOT/- the/DET/DT/det/5 Affordable/PROPN/NNP/compound/5 "
            "Care/PROPN/NNP/compound/5 Act/PROPN/NNP/dobj/1 ./PUNCT/./punct/1 "
            "The/DET/DT/det/8 ACA/PROPN/NNP/nsubj/9 stands/VERB/VBZ/ROOT/- ./PUNCT/./punct/9")
    lemmas = ["congress", "pass", "the", "affordable", "care", "act", ".", "the", "aca", "stand", "."]
    doc = _doc(spec, lemmas)
    assert "ACA" not in {_pred(doc, c) for c in find_claims(doc)}


def _reported(spec, lemmas, content, source, cue="said"):
    from storyline.read.doc import AttributionAnn

    doc = _doc(spec, lemmas)
    c0, s0, k0 = doc.text.index(content), doc.text.index(source), doc.text.rindex(cue)
    doc._.sl_attributions = [AttributionAnn(c0, c0 + len(content), "organization", "direct", cue=cue, cue_start=k0,
                                            cue_end=k0 + len(cue), source_start=s0, source_end=s0 + len(source),
                                            source_text=source)]
    return doc


def test_a_narrated_clause_beside_a_reporting_clause_keeps_its_event_mentions():
    # 'A fire that ripped through a store is treated as suspicious, police said.' with only
    # 'suspicious' quoted: the rest is narration (a clause claim of its own), though the cue's
    # subtree holds it, so its event mentions ('fire', 'ripped') head claims as any narration's do.
    spec = ("A/DET/DT/det/1 fire/NOUN/NN/nsubjpass/8 that/PRON/WDT/nsubj/3 ripped/VERB/VBD/relcl/1 "
            "through/ADP/IN/prep/3 a/DET/DT/det/6 store/NOUN/NN/pobj/4 is/AUX/VBZ/auxpass/8 "
            "treated/VERB/VBN/ccomp/13 as/ADP/IN/prep/8 suspicious/ADJ/JJ/pobj/9 ,/PUNCT/,/punct/13 "
            "police/NOUN/NNS/nsubj/13 said/VERB/VBD/ROOT/- ./PUNCT/./punct/13")
    lemmas = ["a", "fire", "that", "rip", "through", "a", "store", "be", "treat", "as", "suspicious", ",", "police",
              "say", "."]
    doc = _reported(spec, lemmas, "suspicious", "police")
    preds = {c.predicate for c in find_claims(doc)}
    assert {"treat", "fire", "rip"} <= preds
    assert not preds & {"say", "police"}


def test_nothing_in_a_reporting_clause_heads_a_claim():
    # 'The deal is done, a witness to the shooting said.': the source's 'shooting' is how the story
    # was reported, not what happened.
    spec = ("The/DET/DT/det/1 deal/NOUN/NN/nsubjpass/3 is/AUX/VBZ/auxpass/3 done/VERB/VBN/ccomp/10 ,/PUNCT/,/punct/10 "
            "a/DET/DT/det/6 witness/NOUN/NN/nsubj/10 to/ADP/IN/prep/6 the/DET/DT/det/9 shooting/NOUN/NN/pobj/7 "
            "said/VERB/VBD/ROOT/- ./PUNCT/./punct/10")
    lemmas = ["the", "deal", "be", "do", ",", "a", "witness", "to", "the", "shooting", "say", "."]
    doc = _reported(spec, lemmas, "The deal is done", "a witness to the shooting")
    preds = {c.predicate for c in find_claims(doc)}
    assert "do" in preds or "deal" in preds
    assert not preds & {"shooting", "say", "witness"}
