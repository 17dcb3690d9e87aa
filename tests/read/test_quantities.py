"""Quantities (read/quantities.py) on hand-built Docs, at mentions, on claims, and with the real model."""

from __future__ import annotations

import pytest
from helpers.docs import NLP, build, make_doc, parsed_doc

from storyline.read.claims import claims_component
from storyline.read.doc import EntityAnn, MentionAnn, TimexAnn
from storyline.read.entities.ages import annotate_mention_quantities
from storyline.read.quantities import find_quantities
from storyline.read.timex.lexicon import NUMBER_WORDS, ORDINALS


def _found(doc, skip=()):
    return [(q.value, q.unit, q.modifier, q.text, q.measure) for q in find_quantities(doc, 0, len(doc), skip)]


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("At|ADV|RB|advmod|+1 least|ADJ|JJS|advmod|+1 12|NUM|CD|nummod|+1 people|NOUN|NNS|nsubj|+1|people "
         "died|VERB|VBD|ROOT|0|die",
         [(12, "people", "at_least", "At least 12 people", None)]),
        ("More|ADJ|JJR|amod|+2 than|ADP|IN|quantmod|+1 200|NUM|CD|nsubjpass|+2 were|AUX|VBD|auxpass|+1|be "
         "hurt|VERB|VBN|ROOT|0",
         [(200, None, "more_than", "More than 200", None)]),
        ("about|ADV|RB|advmod|+1 1,500|NUM|CD|nummod|+1 homes|NOUN|NNS|nsubjpass|+2|home were|AUX|VBD|auxpass|+1|be "
         "lost|VERB|VBN|ROOT|0|lose",
         [(1500, "home", "about", "about 1,500 homes", None)]),
        ("a|DET|DT|det|+4 5.8|NUM|CD|nummod|+2 -|PUNCT|HYPH|punct|+1 magnitude|NOUN|NN|compound|+1 "
         "earthquake|NOUN|NN|nsubj|+1 hit|VERB|VBD|ROOT|0",
         [(5.8, "magnitude", None, "5.8-magnitude", None)]),
        # "5.6 -magnitude" (as a corpus rebuilt from tokens writes it): the tokeniser keeps the hyphen on the noun
        ("a|DET|DT|det|+3 5.6|NUM|CD|nummod|+1 -magnitude|NOUN|NN|compound|+1 "
         "earthquake|NOUN|NN|nsubj|+1 hit|VERB|VBD|ROOT|0",
         [(5.6, "magnitude", None, "5.6 -magnitude", None)]),
        # one token joining a measure noun to its value; a name with a number is no measure
        ("a|DET|DT|det|+2 magnitude-5.2|ADJ|JJ|compound|+1 quake|NOUN|NN|nsubj|+1 struck|VERB|VBD|ROOT|0",
         [(5.2, "magnitude", None, "magnitude-5.2", None)]),
        ("at|ADP|IN|advmod|+1 least|ADJ|JJS|advmod|+1 magnitude-5.9|NOUN|NN|dobj|+1 shook|VERB|VBD|ROOT|0",
         [(5.9, "magnitude", "at_least", "at least magnitude-5.9", None)]),
        ("COVID-19|PROPN|NNP|nsubj|+1 spread|VERB|VBD|ROOT|0", []),
        ("She|PRON|PRP|nsubj|+1 called|VERB|VBD|ROOT|0|call 11|NUM|CD|nummod|+1 times|NOUN|NNS|npadvmod|-2|time",
         [(11, "time", None, "11 times", None)]),
        ("Nearly|ADV|RB|advmod|+2 two|NUM|CD|compound|+1 hundred|NUM|CD|nummod|+1 fans|NOUN|NNS|nsubj|+1|fan "
         "came|VERB|VBD|ROOT|0|come",
         [(200, "fan", "at_most", "Nearly two hundred fans", None)]),
        ("twenty|NUM|CD|compound|+2 -|PUNCT|HYPH|punct|+1 two|NUM|CD|nummod|+1 officers|NOUN|NNS|nsubj|+1|officer "
         "came|VERB|VBD|ROOT|0|come",
         [(22, "officer", None, "twenty-two officers", None)]),
        # An increment, not a total (ECB+ 4ecb: "married three times" / "married two more times"; 8ecbplus:
        # "another 20,000 people marched" / "approximately 50,000 people marched")
        ("She|PRON|PRP|nsubj|+1 married|VERB|VBD|ROOT|0|marry two|NUM|CD|nummod|+2 more|ADJ|JJR|amod|+1 "
         "times|NOUN|NNS|npadvmod|-3|time",
         [(2, "time", "additional", "two more times", None)]),
        ("another|DET|DT|det|+2 20,000|NUM|CD|nummod|+1 people|NOUN|NNS|nsubj|+1|people marched|VERB|VBD|ROOT|0|march",
         [(20000, "people", "additional", "another 20,000 people", None)]),
        ("an|DET|DT|det|+3 additional|ADJ|JJ|amod|+2 five|NUM|CD|nummod|+1 victims|NOUN|NNS|nsubj|+1|victim "
         "died|VERB|VBD|ROOT|0|die",
         [(5, "victim", "additional", "an additional five victims", None)]),
        # An increment with a bound is still one; "or more" is no increment (review).
        ("about|ADV|RB|advmod|+1 3,000|NUM|CD|nummod|+2 more|ADJ|JJR|amod|+1 troops|NOUN|NNS|dobj|+0|troop",
         [(3000, "troop", "additional", "about 3,000 more troops", None)]),
        ("20|NUM|CD|nummod|+3 or|CCONJ|CC|cc|+1 more|ADJ|JJR|conj|-2 people|NOUN|NNS|nsubjpass|+2|people "
         "were|AUX|VBD|auxpass|+1|be killed|VERB|VBN|ROOT|0|kill",
         [(20, "people", None, "20 or more people", None)]),
    ],
)
def test_value_unit_and_modifier_from_the_parse(spec, expected):
    assert _found(build(spec)) == expected


def test_ages_stated_of_someone_are_measured_as_ages():
    doc = build("Quinn|PROPN|NNP|nsubj|+1 is|AUX|VBZ|ROOT|0|be 42|NUM|CD|attr|-1 .|PUNCT|.|punct|-2")
    assert _found(doc) == [(42, None, None, "42", "age")]
    doc = build("She|PRON|PRP|nsubj|+1 is|AUX|VBZ|ROOT|0|be 42|NUM|CD|nummod|+1 years|NOUN|NNS|npadvmod|+1|year "
                "old|ADJ|JJ|acomp|-3")
    assert _found(doc) == [(42, "year", None, "42 years old", "age")]
    # attributive: the singer's age, not the subject's
    doc = build("the|DET|DT|det|+6 26|NUM|CD|nummod|+2 -|PUNCT|HYPH|punct|+1 year|NOUN|NN|npadvmod|+2 "
                "-|PUNCT|HYPH|punct|+1 old|ADJ|JJ|amod|+1 singer|NOUN|NN|ROOT|0")
    assert _found(doc) == [(26, "year", None, "26-year-old", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They marked their 10th wedding anniversary .", (10, "anniversary", "10th wedding anniversary", "marriage", True)),
        ("They marked their tenth anniversary .", (10, "anniversary", "tenth anniversary", None, True)),
        ("They split after 11 years of marriage .", (11, "years", "11 years of marriage", "marriage", False)),
        ("She was married for 9 years .", (9, "years", "married for 9 years", "marriage", False)),
        ("It was a 10-year marriage .", (10, "year", "10-year marriage", "marriage", False)),
    ],
)
def test_marriage_lengths_and_anniversaries(text, expected):
    # no parse: the unit is the next word as written
    [q] = find_quantities(make_doc(text), 0, len(make_doc(text)))
    assert (q.value, q.unit, q.text, q.measure, q.ordinal) == expected


def test_ordinals_count_only_as_anniversaries_and_birthdays():
    assert _found(make_doc("The first source said it was the second time .")) == []


def test_dates_and_names_are_skipped_and_pronoun_one_is_no_number():
    doc = build("They|PRON|PRP|nsubj|+1 met|VERB|VBD|ROOT|0|meet in|ADP|IN|prep|-1 2009|NUM|CD|pobj|-1 "
                "and|CCONJ|CC|cc|-3 no|DET|DT|det|+1 one|PRON|NN|nsubj|+1 knew|VERB|VBD|conj|-5|know")
    assert _found(doc, skip={3}) == []
    assert _found(doc) == [(2009, None, None, "2009", None)]


def test_currency_and_percent():
    doc = make_doc("Prices rose 40 % to $ 5 million .")
    assert [(q.value, q.unit, q.text) for q in find_quantities(doc, 0, len(doc))] == [
        (40, "percent", "40 %"), (5_000_000, "dollar", "$ 5 million")]


def test_one_number_table_for_timexes_and_quantities():
    assert NUMBER_WORDS["twenty"] == 20 and NUMBER_WORDS["ninety"] == 90 and "zero" not in NUMBER_WORDS
    assert ORDINALS["twelfth"] == 12 and "thirteenth" not in ORDINALS and ORDINALS["last"] == -1


def test_mention_quantities_ages_in_apposition_and_possessive_counts():
    text = "The painter, 51, sold it. The couple’s three children and their two kids left."
    doc = NLP(text)  # tokens only: number words are no NOUNs there
    painter = EntityAnn(1, "Ivo Brandt", "PERSON", [MentionAnn(0, 11, "The painter", "nominal")])
    couple = EntityAnn(2, "Brandt and Moss", "GROUP", [MentionAnn(text.index("The couple"), text.index("’s"), "The couple", "nominal"),
                                                        MentionAnn(text.index("their"), text.index("their") + 5, "their", "pronoun")])
    annotate_mention_quantities(doc, [painter, couple])
    assert [(q.value, q.text, q.measure) for q in painter.mentions[0].quantities] == [(51, "51", "age")]
    assert [(q.value, q.text) for m in couple.mentions for q in m.quantities] == [(3, "three children"), (2, "two kids")]
    # a person's age is not written at a pronoun, and an age only at people
    assert painter.ages == []


def test_claims_carry_their_quantities_but_not_their_dates():
    # 'Quinn has two children since 2019 .'
    doc = parsed_doc(
        "Quinn/PROPN/NNP/nsubj/1 has/VERB/VBZ/ROOT/- two/NUM/CD/nummod/3 children/NOUN/NNS/dobj/1 "
        "since/ADP/IN/prep/1 2019/NUM/CD/pobj/4 ./PUNCT/./punct/1",
        lemmas=["quinn", "have", "two", "child", "since", "2019", "."],
        timexes=[TimexAnn(29, 33, "2019", "DATE", "2019")],
    )
    claims_component(doc)
    [claim] = doc._.sl_claims
    assert [(q.value, q.unit, q.text, q.start, q.end) for q in claim.quantities] == [(2, "child", "two children", 10, 22)]


@pytest.mark.model
def test_quantities_with_the_model():
    from storyline.read.pipeline import load_pipeline

    nlp = load_pipeline()
    text = ("A 5.8-magnitude earthquake struck Lumen City on Monday. At least 12 people died, officials said. "
            "More than 200 were injured and about 1,500 homes were damaged. "
            "Mara Quinn, 42, said she had called the mayor 11 times. "
            "Quinn and Theo Vance separated in 2023 after 11 years of marriage. "
            "The couple’s three children live in Lisbon.")
    doc = nlp(text)
    found = {(q.value, q.unit, q.modifier, q.text) for c in doc._.sl_claims for q in c.quantities}
    assert {(12, "people", "at_least", "At least 12 people"), (5.8, "magnitude", None, "5.8-magnitude"),
            (200, None, "more_than", "More than 200"), (1500, "home", "about", "about 1,500 homes"),
            (11, "time", None, "11 times")} <= found
    marriage = [q for c in doc._.sl_claims for q in c.quantities if q.measure == "marriage"]
    assert [(q.value, q.text) for q in marriage] == [(11, "11 years of marriage")]
    assert not any(q.value in (2023, 42) for c in doc._.sl_claims for q in c.quantities if q.measure != "age")
    at_mentions = {(q.value, q.text, q.measure) for e in doc._.sl_entities for m in e.mentions for q in m.quantities}
    assert (42, "42", "age") in at_mentions
    assert any(q.text == "three children" for e in doc._.sl_entities for m in e.mentions for q in m.quantities) or any(
        q.text == "three children" for c in doc._.sl_claims for q in c.quantities)


def test_quantities_of_every_span_are_those_read_token_by_token() -> None:
    # find_quantities jumps between the tokens that may start a number (found once per Doc);
    # the result must be that of trying quantity_at at every token of the span in turn.
    from storyline.read.quantities import quantity_at

    doc = make_doc("A dozen people and 1,500 homes , a magnitude-5.2 quake , twenty-two of 300 million , the 10th day .")
    for skip in (set(), {1, 5}):
        for lo in range(len(doc)):
            for hi in range(lo + 1, len(doc) + 1):
                expected, i = [], lo
                while i < hi:
                    found = None if i in skip else quantity_at(doc, i, hi, skip, lo)
                    if found is None:
                        i += 1
                        continue
                    q, i = found
                    expected.append(q)
                assert find_quantities(doc, lo, hi, skip) == expected, (lo, hi, skip)
