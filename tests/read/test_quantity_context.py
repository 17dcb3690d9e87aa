"""What the words around a claim's number say about it (read/quantity_context.py): its role, the
noun it counts, where it was counted, and what a length is measured from.

Sentences are our own, from several domains (storms, earthquakes, shootings, evacuations); the
numbers are found by the quantity finder on Docs without a parse, as the reconcile builders do."""

from __future__ import annotations

import pytest
from helpers.docs import NLP, parsed_doc

from storyline.read.claims import claims_component
from storyline.read.quantities import find_quantities
from storyline.read.quantity_context import in_context


def quantities(sentence: str):
    doc = NLP(sentence)
    return in_context(doc.text, (0, len(doc.text)), find_quantities(doc, 0, len(doc)))


def one(sentence: str, text: str | None = None):
    return next(q for q in quantities(sentence) if text is None or q.text == text)


def test_roles_from_the_verb_before_or_after_the_number():
    killed, injured = quantities("The storm tore through the valley, killing 10 people and injuring 80.")
    assert (killed.role, killed.role_pos, killed.counted) == ("kill", "v", None)  # people: a unit of measure
    assert (injured.role, injured.unit, injured.counted) == ("injure", None, None)  # a bare number
    assert one("Officials said 50 were injured.").role == "injure"
    assert one("As many as 80 people were also wounded.").role == "wound"
    assert one("Five villages had been badly hit.").role == "hit"
    assert one("The standoff lasted two hours.").role == "last"


def test_measure_nouns_describe_themselves():
    q = one("The agency said the quake had a magnitude of 5.9.")
    assert q.counted == "magnitude" and q.self_described
    q = one("A 6.1-magnitude quake struck Tarsin.")
    assert (q.counted, q.role, q.role_pos, q.self_described) == ("magnitude", "quake", "n", True)
    assert one("The island, with a population of 120,000, was spared.").counted == "population"
    assert one("Tarsin, home to 120,000 people, was spared.").role == "home"
    villages = one("Five villages had been badly hit.")
    assert (villages.counted, villages.self_described) == ("village", False)


def test_reporting_and_light_verbs_are_no_role():
    assert one("He said 30 of them stayed.", "30").role is None
    assert one("The island has 200 residents.").role is None


def test_lengths_carry_what_they_are_measured_from():
    q = one("The epicentre lay 35 miles south of Tarsin.")
    assert (q.anchor, q.direction) == ("tarsin", "south")
    q = one("Port Ilse lies 1,150 kilometers (700 miles) southeast of the capital Varo.", "1,150 kilometers")
    assert (q.anchor, q.direction) == ("varo", "southeast")
    q = one("The fire burned 35 square miles south of Tarsin.")
    assert q.area and (q.anchor, q.direction) == (None, None)  # an area is measured from nowhere
    assert one("Ten people died 35 miles south of Tarsin.", "Ten people").anchor is None  # not a length


@pytest.mark.parametrize("sentence, scope", [
    ("More than 5,000 people were evacuated nationwide.", "all"),
    ("1,200 people were evacuated in one district.", "one district"),
    ("Twelve people died in Lagos on Monday.", "lagos"),
    ("Twelve people died on Monday.", None),
])
def test_scopes(sentence, scope):
    assert quantities(sentence)[0].scope == scope


@pytest.mark.parametrize("sentence, near", [
    ("Almost 50 people were injured.", True),
    ("Nearly 50 people were injured.", True),
    ("As many as 50 people were injured.", False),
])
def test_near_is_read_from_the_quantity_wording(sentence, near):
    assert quantities(sentence)[0].near is near


def test_only_the_claims_sentence_is_read():
    text = "Twelve people died. They were in Lagos."
    first = in_context(text, (0, 19), find_quantities(NLP(text), 0, 4))[0]
    assert first.scope is None  # "in Lagos" is past the sentence


def test_ages_and_numbers_outside_the_sentence_keep_no_context():
    doc = NLP("She is 42 and 10 people died.")
    age, count = find_quantities(doc, 0, len(doc))
    assert age.measure == "age"
    assert in_context(doc.text, (0, len(doc.text)), [age])[0] == age
    assert in_context(doc.text, (0, 5), [count])[0] == count


def test_claims_component_gives_claim_quantities_their_context():
    # 'The storm killed 12 people .'
    doc = parsed_doc("The/DET/DT/det/1 storm/NOUN/NN/nsubj/2 killed/VERB/VBD/ROOT/- 12/NUM/CD/nummod/4 "
                     "people/NOUN/NNS/dobj/2 ./PUNCT/./punct/2")
    claims_component(doc)
    assert [(q.value, q.role, q.role_pos) for c in doc._.sl_claims for q in c.quantities] == [(12, "kill", "v")]
