"""Role nouns (WordNet kinds of people), surnames shared in a family, and conjoined subjects.
Sentences are invented for these tests."""

from __future__ import annotations

import pytest
from helpers.docs import by_name, model_nlp
from helpers.docs import mention_texts as _mentions

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    return model_nlp()


def test_an_apposition_makes_the_role_and_later_role_nouns_that_person(nlp):
    doc = nlp("Police arrested a man on Monday. The suspect, Jon Reeve, 34, was held overnight. "
              "The suspect told reporters he was innocent.")
    reeve = by_name(doc, "Jon Reeve")
    assert _mentions(reeve, "nominal") == ["The suspect", "The suspect"]
    assert "suspect" in reeve.attributes["roles"] and [a.value for a in reeve.ages] == [34]


def test_a_predicate_nominal_gives_the_role(nlp):
    doc = nlp("Mark Tull was identified as the gunman. The gunman fired six shots, police said.")
    assert "The gunman" in _mentions(by_name(doc, "Mark Tull"), "nominal")


def test_an_unnamed_role_holder_is_a_person_of_its_own(nlp):
    doc = nlp("Rita Lam and Omar Tal were at the bank on Friday. The gunman fled in a van, police said.")
    gunman = by_name(doc, "the gunman")
    assert gunman.type == "PERSON" and gunman.attributes.get("unnamed") and _mentions(gunman) == ["The gunman"]
    assert "The gunman" not in _mentions(by_name(doc, "Rita Lam")) + _mentions(by_name(doc, "Omar Tal"))


def test_a_surname_alone_goes_to_the_family_member_the_article_is_about(nlp):
    doc = nlp("Bettina Kross won the race on Sunday. Bettina Kross had trained for a year. "
              "Her father, Hal Kross, watched from the stands. Kross said she was tired.")
    assert _mentions(by_name(doc, "Bettina Kross"), "name").count("Kross") == 1


def test_conjoined_subjects_make_a_group_and_the_age_goes_to_the_second(nlp):
    doc = nlp("Gale Ibsen and Rob Ibsen, 51, divorced in 2019.")
    assert [a.value for a in by_name(doc, "Rob Ibsen").ages] == [51]
    assert not by_name(doc, "Gale Ibsen").ages
    group = next(e for e in doc._.sl_entities if e.type == "GROUP")
    members = {e.key for e in doc._.sl_entities if e.name in {"Gale Ibsen", "Rob Ibsen"}}
    assert set(group.attributes["members"]) == members
    assert _mentions(group, "name") == ["Gale Ibsen and Rob Ibsen"]
    # the pair comes before its members, so the claim's subject is the pair
    assert [e.type for e in doc._.sl_entities][:1] == ["GROUP"]
