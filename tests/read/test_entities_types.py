"""Works and awards are never people: the demo's "Glass Heart" and "Oscar" (read stage, real model)."""

from __future__ import annotations

import pytest
from helpers.docs import model_nlp

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():
    return model_nlp()


def _types(nlp, text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for e in nlp(text)._.sl_entities:
        for m in e.mentions:
            out.setdefault(m.text, set()).add(e.type)
    return out


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # gl-2024-02-06
        ("Lindqvist, 44, publicly denied an affair with the 26-year-old singer, whose music video for Glass Heart "
         "he choreographed last summer.", "Glass Heart", "WORK"),
        # dl-2024-05-13
        ("For more than a decade, the choreographer was a fixture at her side on red carpets, and she credited him "
         "in her Oscar speech.", "Oscar", "OTHER"),
        # sw-2024-03-14
        ("Varga, who won an Oscar for 2019’s The Salt Orchard, is expected to file for divorce.", "Oscar", "OTHER"),
        ("Ms. Varga won the Academy Award for best actress for “The Salt Orchard.”", "Academy Award", "OTHER"),
    ],
)
def test_works_and_awards_are_not_people(nlp, text, name, expected):
    types = _types(nlp, text)
    assert name in types, types
    assert types[name] == {expected}


def test_a_person_named_like_an_award_stays_a_person(nlp):
    types = _types(nlp, "Tony Reyes said the deal was done. Tony later declined to comment.")
    assert types.get("Tony Reyes") == {"PERSON"}
    assert "OTHER" not in types.get("Tony", {"PERSON"})


def test_an_award_before_a_noun_of_awards_is_the_award(nlp):
    # ECB+ 1_12ecb: "the most bland and unfunny Oscar night in recent memory"
    types = _types(nlp, "Hugh Jackman will be hosting what will undoubtedly be the most bland and unfunny Oscar night in recent memory.")
    assert types.get("Oscar") == {"OTHER"}
