"""What the parse says a capitalised name names when the tagger calls it a person but it is not one.

A small tagger types unfamiliar names PERSON ("the village of Gavarzin", "the Hormuzgan province",
"LuAnn Johnson, 66, of Burnsville", "Body Dope, a brand of skin-care products"). The phrase around
the name says what it is, and WordNet says what the phrase's noun is, so no list of places or
words is needed:

- a name that a noun of a place modifies or completes: apposition with no comma, or compound ("the
  villages Kavouhi and Zinabieh", "the Hormuzgan province", "the Ridgeview area"), or the object of "of"
  or "between" after such a noun ("the port city of Bandar Abbas", "an area between Ras Al
  Khaimah, Al Ain and Dubai") is a place, as is a name that a copula equates with such a noun
  ("the villages were Tonban, Gavarzin and Khaledin"); coordinated names share their first one's
  phrase;
- the object of "of" right after a person's name or age ("Johnson, 66, of Burnsville", "LaSalle
  of Bloomington") is where they are from: a place;
- a possessive name before a capitalised noun of a place or a body ("a Sam's Club store") names
  that business;
- a name a person goes into or stays at ("checked into Morningside", "settling in at Morningside
  Recovery") that no verb of saying, thinking, feeling or perceiving has as subject in the article
  (:func:`destination_names`) is a place or a facility;
- a name in apposition with a common noun that has no person sense at all ("Body Dope, a brand of
  ...", "TallGrass, a supplier" does not count: a supplier may be a person) is a thing.

A noun of a place is one whose first two WordNet senses include one in ``noun.location`` ("city",
"village", "province", "area", "county") and none in ``noun.artifact`` ("home", "residence"), so
neither a body of people ("the family of John Smith") nor a person's house counts.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from storyline.core import words
from storyline.read.doc import DocIndex
from storyline.read.entities.headlines import institution_word

__all__ = ["PLACE", "THING", "destination_names", "name_context", "place_noun"]

PLACE = "GPE"
THING = "OTHER"  # typed as the tagger types the same words elsewhere, else ORG (entities component)
_SENSES = 2
_OBJECT_OF = frozenset({"of", "between"})
_NOUN_TAGS = frozenset({"NN", "NNS"})
# Prepositions of where a mover goes or a stayer is; "into" says so after any verb ("checked into X"),
# the rest only after a verb of motion or of staying ("settling in at X"). Not "to": people go to
# people ("reporters ran to Lindsay", a name no table knows as a given name).
_INTO = "into"
_WHERE = frozenset({"at", "in", "into"})
_MOVE_OR_STAY = frozenset({"verb.motion", "verb.stative"})
_VERB_SENSES = 3
# What a person does and a place cannot: say, think, feel, perceive ("Heller said", "she hated it").
_PERSON_VERBS = frozenset({"verb.communication", "verb.cognition", "verb.emotion", "verb.perception"})


def place_noun(word: str) -> bool:
    """A common noun whose frequent senses include a place ("village", "city", "area") and no
    building: "the Lohan home" and "the Spears residence" are where a person lives, named by them."""
    files = words.lexnames(word.lower(), "n", _SENSES)
    return "noun.location" in files and "noun.artifact" not in files


def _goes_or_stays(prep) -> bool:
    verb = prep.head
    if prep.dep_ != "prep" or verb.i == prep.i or verb.pos_ not in {"VERB", "AUX"}:
        return False
    return prep.lower_ == _INTO or bool(words.lexnames(verb.lemma_.lower(), "v", _VERB_SENSES) & _MOVE_OR_STAY)


def destination_names(doc: Doc, given_names) -> frozenset[str]:
    """Names a person goes into or stays at and that nothing a person does has as subject in
    the article ("Lohan checked into Morningside", "settling in at
    Morningside Recovery"): a place or a facility, whatever the tagger says. Both the name and its
    leading words ("Morningside" of "Morningside Recovery") count. Not a name with a given name in
    it ("checked into Lindsay's room"), nor one that says or thinks ("ran into Heller ... Heller said").
    """
    idx = DocIndex.build(doc)
    found: set[str] = set()
    # From the few prepositions of where, not from every token (this runs on every article).
    for tok in (c for k, low in enumerate(idx.lowers) if low in _WHERE for c in doc[k].children):
        if tok.dep_ != "pobj" or tok.pos_ != "PROPN" or not _goes_or_stays(tok.head):
            continue
        parts = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        lo = min([tok.i, *(c.i for c in parts)])
        name = [t.text for t in doc[lo : tok.i + 1]]
        if not all(w[:1].isupper() for w in name) or any(w in given_names for w in name):
            continue
        found.update(" ".join(name[:k]) for k in range(1, len(name) + 1))
    if not found:
        return frozenset()
    # Subjects of a person's doing: the name's own last word or the head of a compound name.
    heads = found | {n.split()[-1] for n in found}
    for tok in (doc[k] for k, text in enumerate(idx.texts) if text in heads):
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_ != "be" \
                and words.lexnames(tok.head.lemma_.lower(), "v", _VERB_SENSES) & _PERSON_VERBS:
            found -= {n for n in found if tok.text in n.split()}
    return frozenset(found)


def _common_noun(tok) -> bool:
    return tok.pos_ == "NOUN" and tok.tag_ in _NOUN_TAGS and tok.text.isalpha()


def _person_word(tok) -> bool:
    """A person's name or the age written after it ("Johnson", "Johnson, 66,")."""
    if tok.ent_type_ == "PERSON":
        return True
    return tok.like_num and tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON"


def _no_person_sense(word: str) -> bool:
    ids = words.synsets(word, "n")
    return bool(ids) and not any(words.lexname(sid) == "noun.person" for sid in ids)


def name_context(doc: Doc, start: int, end: int, roles: frozenset[str] | dict = frozenset()) -> str | None:
    """``PLACE`` or ``THING`` when the phrase around the name [start, end) says it is no person, else None.

    ``roles`` are nouns for people the lexicon knows (never read as things in apposition).
    """
    root = doc[start:end].root
    head = root
    steps = 0
    while head.dep_ == "conj" and head.head.i != head.i and steps < 8:  # "Tonban, Gavarzin and Khaledi"
        head = head.head
        steps += 1
    gov = head.head
    # Only without a comma between: "the head of the free-trade zone, Ali Rezapour" is a person
    # in apposition (a parser may hang the name on "zone").
    if head.dep_ in {"appos", "compound", "nmod"} and gov.i != head.i and _common_noun(gov) and place_noun(gov.lemma_) \
            and not any(doc[k].is_punct for k in range(min(gov.i, head.i) + 1, max(gov.i, head.i))):
        return PLACE
    if head.dep_ == "pobj" and gov.lower_ in _OBJECT_OF and gov.head.i != gov.i:
        noun = gov.head
        if _common_noun(noun) and place_noun(noun.lemma_):
            return PLACE
        if gov.lower_ == "of" and (noun.i < start or noun.i >= end) and _person_word(noun):
            return PLACE
    if gov.lemma_ == "be" and head.dep_ in {"attr", "nsubj"}:
        # "the hardest-hit villages were Tonban, Gavarzin, Khaledin and Gourian"; "Goursin is a village"
        other = {"attr": "nsubj", "nsubj": "attr"}[head.dep_]
        if any(c.dep_ == other and _common_noun(c) and place_noun(c.lemma_) for c in gov.children):
            return PLACE
    if _conjoined_with_place(doc, head, start, end):
        return PLACE
    if _measure_unit(doc, start, end) or _date_shaped(doc, start, end) or _glued_word(doc, start, end) or _acronym_inside(doc, start, end):
        return THING
    after = doc[end + 1] if end + 1 < len(doc) else None
    if end < len(doc) and doc[end].tag_ == "POS" and after is not None and after.text[:1].isupper() \
            and institution_word(after.text):
        return THING  # "a Sam's Club store": the possessive names a business ("Club"), not a person
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i and _common_noun(child):
            low = child.lemma_.lower()
            if low not in roles and _no_person_sense(low):
                return THING
    return None


_PLACE_ENTS = frozenset({"GPE", "LOC"})


def _conjoined_with_place(doc: Doc, head, start: int, end: int) -> bool:
    """A name in a coordination with a name the tagger calls a place ("Tonban and Goursin were
    destroyed", "Gabardin, Tonban, Karvan and Khaldin") is one more place; not where a conjunct
    is a person or has an age ("with Felix, 8, and Ines, 5", Felix tagged a place)."""
    conjuncts = [c for c in (head, *head.conjuncts) if not start <= c.i < end]
    # Not in "Budapest with Felix, 8, and Ines, 5", where the parse joins people to a place.
    aged = any(a.dep_ == "appos" and a.like_num for c in (head, *head.conjuncts) for a in c.children)
    return not aged and any(c.ent_type_ in _PLACE_ENTS for c in conjuncts) and not any(_person_word(c) for c in conjuncts)


def _measure_unit(doc: Doc, start: int, end: int) -> bool:
    """"82 degrees Fahrenheit": a capitalised word after a number and a unit names the scale."""
    if start < 2:
        return False
    unit, num = doc[start - 1], doc[start - 2]
    ids = words.synsets(unit.lower_, "n") if unit.pos_ == "NOUN" and num.like_num else ()
    return any(words.lexname(sid) == "noun.quantity" for sid in ids)


def _date_shaped(doc: Doc, start: int, end: int) -> bool:
    """"Novemer 27, 2005": one word, a day and a year after it is a date (a month misspelt)."""
    k = end
    return end - start == 1 and k + 2 < len(doc) and doc[k].like_num and doc[k].text.isdigit() and 1 <= int(doc[k].text) <= 31 \
        and doc[k + 1].text == "," and doc[k + 2].text.isdigit() and len(doc[k + 2].text) == 4


def _glued_word(doc: Doc, start: int, end: int) -> bool:
    """"Police said Johnsonwas in the crosswalk": a name glued to the next word by a typo (the
    article writes the name alone elsewhere, the rest is a function word)."""
    if end - start != 1:
        return False
    text = doc[start].text
    for cut in range(len(text) - 2, 1, -1):
        rest = text[cut:]
        if not rest.islower():
            break
        # The name alone elsewhere in the article, as a word of its own.
        if rest in STOP_WORDS and len(rest) > 1 and re.search(rf"\b{re.escape(text[:cut])}\b", doc.text):
            return True
    return False


def _acronym_inside(doc: Doc, start: int, end: int) -> bool:
    """"AME Info": a word of three or more capitals beside one that is not all capitals names a
    body or a brand, not a person (body text writes people's names in mixed case)."""
    texts = [doc[k].text for k in range(start, end)]
    return len(texts) > 1 and any(len(t) >= 3 and t.isalpha() and t.isupper() for t in texts) \
        and any(not t.isupper() for t in texts)
