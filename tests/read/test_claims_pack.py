"""A pack's word lists, read as cues on claims: what a denial denies, and the claims its wording
moves to another class. Without a pack, no cue."""

from __future__ import annotations

from helpers.docs import parsed_doc

from storyline.read.claims import find_claims
from storyline.read.claims_pack import pack_cues

CELEB = ("celebrity",)
# "Vance denied having an affair ."
DENIED = ("Vance/PROPN/NNP/nsubj/1 denied/VERB/VBD/ROOT/- having/AUX/VBG/xcomp/1 an/DET/DT/det/4 "
          "affair/NOUN/NN/dobj/2 ./PUNCT/./punct/1")
# "They are living apart ."
APART = "They/PRON/PRP/nsubj/2 are/AUX/VBP/aux/2 living/VERB/VBG/ROOT/- apart/ADV/RB/advmod/2 ./PUNCT/./punct/2"


def test_a_denial_names_the_class_it_denies_with_the_pack_and_none_without():
    denial = next(c for c in find_claims(parsed_doc(DENIED), packs=CELEB) if c.predicate == "deny")
    assert denial.predicate_class == "denial" and denial.cues[0] == "about:affair"
    assert all(not c.cues and c.predicate_class is None for c in find_claims(parsed_doc(DENIED)))


def test_living_apart_is_read_as_the_separation():
    (c,) = find_claims(parsed_doc(APART, lemmas=["they", "be", "live", "apart", "."]), packs=CELEB)
    assert c.predicate_class == "residence" and "class:separation" in c.cues
    assert pack_cues("They are living in Paris", "residence", CELEB) == []


def test_only_an_untyped_claim_is_rescued_by_its_words():
    assert pack_cues("Vance is romantically involved with Reyes", None, CELEB) == ["about:affair", "class:affair"]
    assert pack_cues("She was hurt by the affair", "feeling", CELEB) == ["about:affair"]
    # the first class the words name is what a denial denies
    assert pack_cues("denied the split was over an affair", "denial", CELEB)[:2] == ["about:affair", "about:separation"]
    assert pack_cues("Vance is romantically involved with Reyes", None, ()) == []


def test_a_reported_denial_of_what_a_pack_class_names_is_a_denial_with_that_pack():
    assert "reported_denial" in pack_cues("who denied cheating in January", None, ["celebrity"])
    assert "reported_denial" in pack_cues("she denied the split", "separation", ["celebrity"])
    assert "reported_denial" not in pack_cues("who denied cheating in January", None, [])
    assert "reported_denial" not in pack_cues("he cheated in January", None, ["celebrity"])
