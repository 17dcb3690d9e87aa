"""Finding the things coreference resolves: epithets, pronouns, appositions and coordinated pairs.

Everything here is lexical plus a light use of the parse (subjects, conjunctions), so that a
misparse such as "The Star Wars actress suspects" (with "suspects" as a noun) still yields the
epithet "The Star Wars actress".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import SENT_START, TAG
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

from storyline.core import words
from storyline.read.doc import FINITE_TAGS, NOMINAL_COPULAS, DocIndex
from storyline.read.entities.headlines import common_word, inflected_verb
from storyline.read.entities.lexicon import Lexicon
from storyline.read.entities.spans import POSSESSIVE_S, is_cap
from storyline.read.numbers import cardinal

__all__ = ["Anaphor", "PRONOUNS", "covered_next", "casualty_count", "find_anaphors", "plural_role", "predicate_roles", "find_roles", "find_pairs", "grammatical_weight", "role_noun", "shouted_noun", "source_nouns"]

# pronoun -> (gender/number, reflexive?)
PRONOUNS: dict[str, tuple[str, bool]] = {
    "she": ("female", False), "her": ("female", False), "hers": ("female", False), "herself": ("female", True),
    "he": ("male", False), "him": ("male", False), "his": ("male", False), "himself": ("male", True),
    "they": ("plural", False), "them": ("plural", False), "their": ("plural", False), "theirs": ("plural", False),
    "themselves": ("plural", True),
}
# Words that may sit between "the" and the role noun of an epithet.
_MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "VERB", "ADV"})
_INNER = frozenset({"-", "–", "year", "old", "of", "&", "and"})
_PLURAL_GROUP = {"spouses", "exes", "newlyweds", "lovebirds", "parents", "partners"}
_NP_OPEN = frozenset({"the", "a", "an", "his", "her", "their"})
_AGE_EPITHET = re.compile(r"^(\d{1,3})-year-old$")
_THE = frozenset({"the"})
_DOUBLE_QUOTES = frozenset({'"', "“", "”", "``", "''"})
_ARGUMENT = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj"})
_A = frozenset({"a", "an"})
_DETERMINERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "my", "our", "your"})
# Where "a suspect" describes someone already named rather than introducing someone: "X is a
# suspect", "X, a suspect,", "named as a suspect", "felt like a stranger", "came home a different man".
_DESCRIBING = frozenset({"attr", "appos", "acomp", "oprd", "npadvmod"})
# Tags a small tagger gives a capitalised noun opening a headline ("Gunman kills 1": JJ).
_MISREAD_TAGS = frozenset({"NNP", "JJ"})
# Prepositions that may close a role apposition: "X, the head of the agency,", "X, a reporter at".
_APPOSITION_PP = frozenset({"of", "at", "for", "in", "with"})


@dataclass
class Anaphor:
    """A mention to resolve: an epithet (kind nominal) or a pronoun."""

    start_tok: int
    end_tok: int
    head: int  # token index of the head noun / the pronoun
    kind: str  # "nominal" | "pronoun"
    role: str | None = None  # role noun ("actress") or group noun ("pair")
    want: str | None = None  # "female" | "male" | "plural" | None
    group: bool = False
    reflexive: bool = False
    age: int | None = None  # "the 42-year-old"
    wordnet: bool = False  # a role known from WordNet only ("the suspect"), not from roles.json
    indefinite: bool = False  # "a man", "a 29-year-old woman": introduces an unnamed holder of the role
    possessed: bool = False  # "her publicist", "Lohan's attorney": whose it is says who it is


@lru_cache(maxsize=1)
def source_nouns() -> frozenset[str]:
    """Nouns of unnamed sources ("the insider", "the friend"): the attribution lexicon's, never roles."""
    from storyline.read.attribution.lexicon import (
        cue_lexicon,  # the attribution stage owns them
    )

    lex = cue_lexicon()
    return lex.anonymous_nouns | lex.plural_anonymous


def _speaking_source(tok) -> bool:
    """A source noun that speaks here ("an employee said", "sources told", "witnesses say"): the
    attribution stage's anonymous source, not a role. Elsewhere ("fired an employee") it is a
    kind of person like any other."""
    if tok.lower_ not in source_nouns():
        return False
    from storyline.read.attribution.lexicon import (
        cue_lexicon,  # the attribution stage owns the verbs
    )

    head = tok.head
    while tok.dep_ == "conj" and head.i != tok.i:  # "friends and neighbours said"
        tok, head = head, head.head
    verbs = cue_lexicon().verb_forms

    def speech(verb) -> bool:  # a cue verb of the attribution stage, or a WordNet verb of communication
        if verb.lower_ in verbs:
            return True
        return verb.pos_ in {"VERB", "AUX"} and words.verb_class(verb.lemma_.lower()) == "verb.communication"

    if tok.dep_ in {"nsubj", "nsubjpass", "dobj", "dative"} and speech(head):
        return True  # "sources said", "she has told friends"
    if any(c.dep_ == "relcl" and speech(c) for c in tok.children):
        return True  # "the two insiders who spoke to Daily Lumen"
    return tok.dep_ == "pobj" and head.lower_ in {"to", "with"} and (
        head.i > 0 and head.doc[head.i - 1].lower_ == "according" or speech(head.head))


def _wordlike(low: str) -> bool:
    """Letters, and hyphens inside ("co-worker", "ex-employee")."""
    return low.replace("-", "").isalpha() and not low.startswith("-") and not low.endswith("-")


def role_noun(lex: Lexicon, tok) -> tuple[str, str | None, bool] | None:
    """``(role, gender, from_wordnet)`` when ``tok`` is a noun for a kind of person, else None.

    roles.json's roles first (with their gender); otherwise a singular common noun whose most
    frequent WordNet sense is a kind of person ("suspect", "gunman", "teen", "inmate"), its gender
    from WordNet when it has one ("woman"). Nouns of unnamed sources ("insider", "friend") are
    the attribution stage's, never roles.
    """
    low = tok.lower_
    if low in lex.roles:
        return low, lex.roles[low], False
    if not (tok.tag_ == "NN" and tok.pos_ == "NOUN" or shouted_noun(tok)) or not _wordlike(low) or _speaking_source(tok):
        return None
    if _person_word(low) or (_person_word(low, _PERSON_SENSES) and _said_of_a_person(tok)):
        return low, words.person_gender(low), True
    return None


def _person_word(low: str, senses: int = 1) -> bool:
    """A word-like noun in its own base form one of whose first ``senses`` WordNet senses is a
    kind of person ("suspect"; "figure" in its fifth)."""
    return _wordlike(low) and words.lemmatize(low, "n") == low and words.is_person_noun(low, senses)


def _person_sense_only(lex: Lexicon, low: str) -> bool:
    """What the word alone must be for :func:`role_noun` to read it as a kind of person by the
    phrase around it only (a person sense among its first senses, not its first, and no role of
    roles.json): tested before a Token is made for every common noun of the article."""
    return low not in lex.roles and not words.is_person_noun(low) and _person_word(low, _PERSON_SENSES)


def shouted_noun(tok) -> bool:
    """A singular noun of a line in capitals ("A MAN was arrested"), which the tagger reads as a name."""
    return tok.tag_ == "NNP" and len(tok.text) > 1 and tok.text.isupper() and tok.text.isalpha() \
        and words.lemmatize(tok.lower_, "n") == tok.lower_


_PERSON_SENSES = 3  # senses looked at when the phrase itself says the noun is a person
_RELATIVE = "relative.n.01"  # WordNet's root of kin ("ma", "sister")


def _kin_sense(low: str) -> bool:
    """Whether one of the noun's first senses is a relative ("mum": second, "ma")."""
    return any(_RELATIVE in words.hypernyms(sid, None) for sid in words.synsets(low, "n")[:_PERSON_SENSES])
_WHO = frozenset({"who", "whom", "whose"})  # relative pronouns of people only
_PERSONAL_POSSESSIVES = frozenset({"his", "her", "my"})  # of one person ("their", "its" may be a thing's)


def _said_of_a_person(tok, possessive: bool = True) -> bool:
    """A modifier only people take: an age ("a 36-year-old climber"), a nationality ("an
    Australian climber", "British climber"), a "who" clause ("a climber who watched") or a person's
    possessive ("his mum"), so a noun whose first sense is no person ("climber": a plant) is read
    in its person sense. The possessive says so of that phrase only (``possessive``): a person
    owns things too ("his drone", "her publisher")."""
    for c in tok.children:
        if c.dep_ == "relcl" and any(g.lower_ in _WHO for g in c.children):
            return True
        if possessive and c.dep_ == "poss" and c.lower_ in _PERSONAL_POSSESSIVES:
            return True  # "his mum": whose kin or role it is says the noun is a person ("mum": first a flower)
        if c.dep_ not in {"amod", "compound", "npadvmod"}:
            continue
        # (a nationality the tagger may read as a language: "one English climber")
        if c.ent_type_ == "NORP" or (c.ent_type_ == "LANGUAGE" and c.dep_ == "amod") \
                or (c.lower_ == "old" and any(g.lower_ in {"year", "years"} for g in c.subtree)) \
                or _AGE_EPITHET.match(c.lower_):
            return True
    return False


_PLURAL_OWN_SENSES = 2  # senses of a singular looked at for a plural WordNet lists on its own


def plural_role(lex: Lexicon, tok) -> str | None:
    """The singular of a plural noun for a kind of person ("pirates" -> "pirate", "women" ->
    "woman"), by the same test as :func:`role_noun`; None otherwise."""
    low = tok.lower_
    if tok.tag_ != "NNS" or tok.pos_ != "NOUN" or not _wordlike(low) or _speaking_source(tok) or low in _PLURAL_GROUP:
        return None
    if low in lex.kin:  # "the kids": whose they are decides who they are (kin intros, ages)
        return None
    lemma = words.lemmatize(low, "n")
    if lemma == low and not low.endswith("s") and tok.lemma_.lower() not in {"", low}:
        # "men": WordNet lists the irregular plural itself ("work force"); the tagger knows "man".
        # ("spirits" is a word of its own, not a plural of a kind of person.)
        lemma = tok.lemma_.lower()
    if lemma == low and low.endswith("s") and (single := tok.lemma_.lower()) not in {"", low} \
            and words.noun_class(low) == "noun.group" and words.is_person_noun(single, _PLURAL_OWN_SENSES):
        # "authorities": WordNet lists the plural as a word of its own, a body (the government),
        # and the singular's person sense (people who exercise control) is what the plural
        # gathers. Not "spirits" (liquor) or "arms" (weapons), plurals of their own of things.
        return single
    if not lemma or lemma == low:
        return None
    return lemma if lemma in lex.roles or words.is_person_noun(lemma) else None


def _colon_subject(t) -> bool:
    """Whether ``t`` is the subject opening the clause a colon brings in ("Millom double murder:
    Man charged with killing mother and sister"): a headline's second start."""
    return t.i > 0 and t.doc[t.i - 1].text == ":" and t.dep_ in {"nsubj", "nsubjpass"}


def _speaker_colon(doc: Doc, i: int) -> bool:
    """Whether a colon after token ``i`` brings in what it says ("Lawyer: Lindsay Lohan checks
    into rehab"): a clause, with a finite verb or a subject, before the line ends. A title's colon brings in a
    phrase ("Guide: where to watch fireworks", "Trailer: first look at the film")."""
    if i + 1 >= len(doc) or doc[i + 1].text != ":":
        return False
    for k in range(i + 2, len(doc)):
        t = doc[k]
        if "\n" in t.text or (t.is_sent_start and k > i + 2):
            return False
        if t.tag_ in _FINITE or t.dep_ in {"nsubj", "nsubjpass"}:
            return True  # a subject: "checks" may be tagged a plural noun, "man shot" a participle
        if "\n" in t.whitespace_:
            return False
    return False


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _headline_role(doc: Doc, i: int, lex: Lexicon, covered: list[int],
                   read_as_person: set[str] = frozenset(), opening: bool = False) -> tuple[str, str | None] | None:
    """``(role, gender)`` for a capitalised kind of person in a headline ("Teen", "Lawyer",
    "Driver Charged"), unless a name follows it (a title: "Actress Esther Williams"). After a
    nationality, or ``opening`` the headline's clause ("Climber dead after fall"), a noun that is
    a person only in a later sense is one where the article reads it so (``read_as_person``:
    "British Climber Killed" over "a 32-year-old British climber"), not where it may be a machine
    ("Russian Bomber Crashes") or a plant ("Climber spreads over old walls")."""
    t = doc[i]
    low = t.lower_
    if t.tag_ not in {"NN", *_MISREAD_TAGS} or not t.text[:1].isupper() or not _wordlike(low) or _speaking_source(t):
        return None
    prev = doc[i - 1] if i > 0 else None
    if prev is not None and prev.tag_ == "NNP" and prev.text[:1].isupper() and (
            prev.text in lex.gender_of_name or words.names_someone(prev.lower_) or not (
                words.synsets(prev.lower_, "n") or prev.lower_ in STOP_WORDS or inflected_verb(lex, prev.text))):
        # "Lindsay Lohan Checks Out": after a name word, a surname (WordNet's "lohan" is a saint);
        # a function word or a headline's verb ("Vigil For Teen", "Fired Accountant Goes") is no name.
        return None
    # A name after it makes it a title ("Actress Esther Williams"); a word of English tagged a
    # name in a Title Case line ("Woman Shoots Co-workers") is the headline's verb, no name.
    if i + 1 < len(doc) and (covered[i + 1] >= 0 or (doc[i + 1].tag_ in {"NNP", "NNPS"} and not (
            common_word(doc[i + 1].text) and not lex.gender_of_name.get(doc[i + 1].text)))):
        return None
    # After a singular kind of person a headline's verb is inflected ("Woman Shoots", "Driver
    # Charged"); a word of English in its base form is a noun it describes ("Killer Quake").
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if (nxt is not None and nxt.tag_ in {"NNP", "NNPS"} and t.dep_ == "compound" and t.head.i == nxt.i
            and not inflected_verb(lex, nxt.text)):
        return None
    # A nationality before a capitalised noun describes it ("British Climber Killed In Fall"), and
    # after one, a noun is read in its person sense ("Climber": first a plant).
    if t.ent_type_ == "NORP" and nxt is not None and nxt.text[:1].isupper() and _wordlike(nxt.lower_):
        return None
    after_nationality = prev is not None and prev.ent_type_ == "NORP"
    if low in lex.roles:
        return low, lex.roles[low]
    if words.lemmatize(low, "n") == low and (words.is_person_noun(low) or (
            (after_nationality or opening) and low in read_as_person)):
        return low, words.person_gender(low)
    return None


_COUNTED = frozenset({"people", "persons"})


def _counted_people(tok) -> str | None:
    """"three people", "10 persons": the kind "3 people" (one group per count, so "three people"
    in two articles of a story are one group, and "50 people" another), else None."""
    if tok.lower_ not in _COUNTED or tok.pos_ != "NOUN":
        return None
    nums = [c for c in tok.children if c.dep_ == "nummod" and c.like_num]
    return _people_counted(cardinal(nums[0].text) if len(nums) == 1 else None)


def _people_counted(value: float | None) -> str | None:
    """The kind a count of people is known by: "3 people"; "person" for one (one person of no
    known kind); None for no count of whole people."""
    if value is None or value < 1 or value != int(value):
        return None
    return "person" if value == 1 else f"{value:g} people"


_COUNT_TAGS = frozenset({"CD", "LS"})  # a headline's "2 Dead" may be tagged a list item
# Closed-class phrases between a bare number and the word telling what befell those it counts:
# "wounding (an)other 70", "killing at least 50", "80 people were also hurt". Whole phrases
# only: "up" alone is no "up to" ("Shares shot up 12").
_BEFORE_COUNT = tuple(tuple(p.split()) for p in (
    "as many as", "up to", "more than", "at least", "at most", "other", "another", "additional", "further",
    "about", "around", "nearly", "almost", "some", "over"))
# A definite determiner makes a number standing alone a plural anaphor ("Smith and Jones ... The
# two were injured", "all three were killed"): the plural-anaphor rules' business, no new group.
# With the casualty word right after it the number names its group ("30 of the 80 wounded").
_DEFINITE_BEFORE_COUNT = frozenset({"the", "these", "those", "all", "both"})
_AFTER_COUNT = frozenset("were are was is be been being have has had also reportedly more others".split())
# Entity types of numbers that count no one: "the 2005 murder", "about 11am", "nine quarters".
_NOT_COUNTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_BESIDE_NO_COUNT = frozenset({"$", "#", "€", "£", "%", "-", "–"})  # money, shares, scores ("12-3"), ranges


def _number(tok) -> bool:
    return tok.like_num and tok.tag_ in _COUNT_TAGS


def _before_fillers(doc: Doc, i: int) -> int:
    """The index of the word before the number at ``i`` and the closed-class phrases right before
    it ("killing at least 50": "killing"); -1 at the start. A particle alone is no filler ("shot
    up 12", "knocked over 3"); in a whole phrase it is, whatever the parser made of it ("injured
    up to 70", "up" a particle)."""
    k = i
    while True:
        for phrase in _BEFORE_COUNT:
            j = k - len(phrase)
            if j >= 0 and all(doc[j + n].lower_ == w for n, w in enumerate(phrase)) and (len(phrase) > 1 or doc[j].dep_ != "prt"):
                k = j
                break
        else:
            return k - 1


def casualty_count(doc: Doc, i: int) -> str | None:
    """The people a bare number counts, when the word before it or after it tells that they were
    killed, died or were hurt (:func:`storyline.core.words.is_casualty_word`): "kills 10", "killing
    one", "injuring 80", "2 Dead, 1 Wounded", "at least 50 were injured". "3 people" as
    :func:`_counted_people` names it ("one" is "person", one person of no known kind); None for a
    number that counts a noun after it ("killed 3 cows", "died 3 days later"), a date or time ("the
    2005 murder", "died about 11am"), a part of a group or whose someone is ("executed two of them",
    "mother of 12"), a score ("12-3", "shot 68": a verb that also scores points), a run of numbers
    ("killed 2 million"), people already told of ("the two were injured", "all three"), or nothing
    said to be hurt ("hired 20", "rose to 10", "died at 91", "lost two in a row")."""
    t = doc[i]
    value = cardinal(t.text)
    if _people_counted(value) is None or t.ent_type_ in _NOT_COUNTS or (
            t.dep_ == "nummod" and t.head.i > i and t.head.tag_.startswith("NN") and not words.is_casualty_word(t.head.text)):
        return None  # "10 persons": :func:`_counted_people`'s; "2 Dead" (a misread noun) stays
    # (a sign written onto the number: "12-3", not a headline's "NEWS - 3 DEAD")
    if i > 0 and (doc[i - 1].lower_ == "of" or doc[i - 1].text in _BESIDE_NO_COUNT and not doc[i - 1].whitespace_) \
            or i + 1 < len(doc) and doc[i + 1].text in _BESIDE_NO_COUNT and not t.whitespace_:
        return None
    if i > 0 and _number(doc[i - 1]) or i + 1 < len(doc) and _number(doc[i + 1]):
        return None  # one number of a run ("2 million"), not a count by itself
    k = _before_fillers(doc, i)
    before = doc[k] if k >= 0 else None
    definite = before is not None and before.lower_ in _DEFINITE_BEFORE_COUNT
    told = False
    k = i + 1
    while k < len(doc) and doc[k].lower_ in _AFTER_COUNT:
        k += 1
    if k < len(doc):
        nxt = doc[k]
        noun = nxt.tag_.startswith("NN")
        # A participle or adjective ("3 killed", "50 injured"), or a capitalised headline word
        # tagged a noun ("2 Dead", "80 Hurt", "3 DEAD"); no plural noun ("2 wounds", "three
        # quarters": a lower-case word so tagged is one) and no event noun the number dates
        # ("the 2005 murder"). A word tagged a verb is read as one ("3 lost" is no "the lost").
        plural = nxt.tag_ == "NNS" and (nxt.text.islower() or words.lemmatize(nxt.lower_, "n") != nxt.lower_)
        if (nxt.tag_[:2] in {"VB", "JJ"} or noun and not plural
                and not words.is_event_noun(words.lemmatize(nxt.lower_, "n") or nxt.lower_)) \
                and words.is_casualty_word(nxt.text, "v" if nxt.tag_.startswith("VB") else None):
            told = True
            if definite and k > i + 1:
                return None  # "The two were injured": people told of before
        elif noun or nxt.lower_ == "of":
            return None  # "killed 3 cows": the number counts the noun after it; "two of them", a part
    if not told and before is not None and not definite:
        # An inflected verb form ("kills", "killing", "wounded"), whatever tag a headline's
        # capitals got it ("Quake in Iran Kills 10"), read as the verb; not one that also scores
        # points ("Woods shot 68", "Bryant shot 12 for 20").
        base = words.lemmatize(before.lower_, "v") if before.pos_ in {"VERB", "NOUN", "PROPN"} else None
        told = base is not None and base != before.lower_ and words.is_casualty_word(base, "v") and not words.scores_points(base)
    return _people_counted(value) if told else None


def people_group(tok) -> str | None:
    """The noun of a body of people spoken of as people ("police", "people", "troops"; see
    :func:`storyline.core.words.is_people_group`), as its base form; None otherwise."""
    if tok.pos_ != "NOUN" or tok.tag_ not in {"NN", "NNS"} or not tok.lower_.isalpha():
        return None
    low = words.lemmatize(tok.lower_, "n") or tok.lower_
    return low if words.is_people_group(low) else None


def covered_next(doc: Doc, i: int, covered: list[int]) -> bool:
    """Whether the noun at ``i`` modifies a following noun or name ("pirate attacks", "fans' Twitter")."""
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return nxt is not None and (nxt.tag_ in {"NN", "NNS", "NNP", "NNPS", "POS"} or covered[i + 1] >= 0)


def _bare(doc: Doc, i: int, covered: list[int]) -> bool:
    """A singular kind of person with no determiner at all, as an argument: headline style
    ("British climber dies", "hit and run leaves woman dead"). Not a title before a name
    ("climber Jeremy Colenso"), which the name's roles take. "one man" is bare too ("One man is
    dead")."""
    t = doc[i]
    if any(c.dep_ in {"det", "poss"} or (c.dep_ == "nummod" and c.lower_ not in _ONE) for c in t.children) \
            or not (t.dep_ in _ARGUMENT or _headline_subject(t)):
        return False
    # A place or a body before it says where the person is from ("Mich. accountant charged",
    # "Chargers receiver arrested"); a person's name before it would be the person.
    return not (i + 1 < len(doc) and covered[i + 1] >= 0) and not (i > 0 and covered[i - 1] >= 0
                                                                   and doc[i - 1].ent_type_ in {"", "PERSON"})


def _headline_subject(t) -> bool:
    """A noun heading a verbless headline, its deed a participle ("accountant charged with
    murder", "man held"): the subject of that deed."""
    return t.dep_ == "ROOT" and any(c.dep_ == "acl" and c.tag_ == "VBN" and c.i == t.i + 1 for c in t.children)


_ONE = frozenset({"one", "1"})  # "killing one man": one person of a kind, as bare as "killing a man"


def _one_of(doc: Doc, i: int, lex: Lexicon) -> str | None:
    """The kind of person "one of the <people>" is one of, as the subject or object of a clause
    ("One of the suspects fled", "police shot one of the robbers"); None otherwise."""
    t = doc[i]
    if t.dep_ not in _ARGUMENT - {"conj"}:
        return None
    for prep in t.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for noun in prep.children:
                if noun.dep_ == "pobj" and (kind := plural_role(lex, noun)) is not None:
                    return kind
    return None


def _possessed(tok) -> bool:
    """"the couple's three children", "her sons": people named by whose they are, not a kind."""
    return any(c.dep_ == "poss" for c in tok.children)


def _plural_start(doc: Doc, i: int, covered: list[int]) -> int:
    """The first token of the plural phrase headed by ``i``: the noun, the adjectives before it and
    "the" ("Somali pirates", "the pirates"). A number stays out: "two children" is a count the
    claims read."""
    j = i
    while j > 0 and i - j < 3 and covered[j - 1] < 0 and doc[j - 1].pos_ == "ADJ" and not doc[j - 1].like_num:
        j -= 1
    return j - 1 if j > 0 and doc[j - 1].lower_ == "the" and covered[j - 1] < 0 else j


def grammatical_weight(tok) -> float:
    """Salience weight of a mention from its dependency role (subjects weigh most)."""
    steps = 0
    while tok.dep_ == "conj" and tok.head.i != tok.i and steps < 4:  # "X and Y left": both subjects
        tok = tok.head
        steps += 1
    dep = tok.dep_
    if dep in {"nsubj", "nsubjpass"}:
        return 3.0
    if dep in {"dobj", "poss", "attr", "appos"}:
        return 2.0
    return 1.0


def _epithet_start(doc: Doc, i: int, lex: Lexicon, covered: list[int], opener: frozenset[str] = _THE) -> int | None:
    """Index of "the" (or another ``opener``) opening the description headed by token ``i``, or None."""
    j = i - 1
    steps = 0
    while j >= 0 and steps < 7:
        t = doc[j]
        if t.lower_ in opener:
            return j
        if t.lower_ in _DETERMINERS or t.tag_ in FINITE_TAGS:
            return None  # "the Academy Picked Ellen DeGeneres As Oscar Host": a clause, not a description
        if not (t.pos_ in _MODIFIER_POS or is_cap(t.text) or t.text in _INNER or t.like_num or covered[j] >= 0
                or t.text in _DOUBLE_QUOTES):
            return None
        j -= 1
        # A hyphen joins one word ("a 35-year-old New Bedford man"), double quotation marks set
        # off a title ('The "American Pie" actress'; a single one may be a plural's apostrophe,
        # "the pirates' intention"): neither takes a step.
        steps += t.tag_ != "HYPH" and t.text not in _DOUBLE_QUOTES
    return None


_NOUN_TAGS = frozenset({"NN", "NNS", "NNP"})  # the tags role_noun, plural_role and people_group take
_CUE_WORDS = _ONE | _COUNTED | frozenset(PRONOUNS) | frozenset(_PLURAL_GROUP)  # words find_anaphors reads whatever their tag


def find_anaphors(doc: Doc, lex: Lexicon, covered: list[int], headline: frozenset[int] | set[int] = frozenset()) -> list[Anaphor]:
    """Definite epithets ("the Oscar winner", "the married duo") and third-person pronouns.

    ``covered[k]`` is the entity key owning token k through a name mention, or -1. ``headline``
    holds the tokens of Title Case lines, where a capitalised kind of person ("Teen Arrested",
    "Lawyer: ...") is a bare role noun, not a name.
    """
    out: list[Anaphor] = []
    n = len(doc)
    # Nouns whose person sense the article establishes anywhere ("a New Zealand climber who fell"):
    # read so before that phrase too ("The climber fell in fading light", two sentences earlier).
    # Only a cue no thing takes counts so far off: "his drone" is as much a thing's phrase, "his
    # mum" only a relative's.
    roles: dict[int, tuple[str, str | None, bool] | None] = {}  # role_noun per token: asked up to three times each

    def role_of(t):
        if t.i not in roles:
            roles[t.i] = role_noun(lex, t)
        return roles[t.i]

    # Tags, lower forms and sentence starts from arrays: most tokens can be passed over on them,
    # and a Token's string attributes cost more than the tests below.
    lowers = DocIndex.build(doc).lowers
    tag_col, start_col = doc.to_array([TAG, SENT_START]).T.tolist() if n else ([], [])
    strings = doc.vocab.strings
    tags = [strings[h] for h in tag_col]
    read_as_person = {t.lower_ for t in (doc[k] for k in range(n) if covered[k] < 0 and tags[k] == "NN"
                                         and _person_sense_only(lex, lowers[k]))
                      if role_of(t) is not None and _said_of_a_person(t, possessive=_kin_sense(t.lower_))}
    for i in range(n):
        if covered[i] >= 0:
            continue
        low = lowers[i]
        # A token none of the rules below can take (no sentence or headline start, no noun tag,
        # no cue word): passed over without a Token.
        if not (tags[i] in _NOUN_TAGS or tags[i] in _COUNT_TAGS or start_col[i] == 1 or i == 0 or i in headline or low in _CUE_WORDS
                or low in lex.roles or low in lex.org_nouns or low in lex.group_nouns or low.endswith("old")):
            continue
        t = doc[i]
        # A capitalised kind of person in a Title Case line, or tagged a name where it opens a
        # sentence ("Gunman kills 1 at office", "Climber dead after fall") or the clause a
        # headline's colon brings in ("Millom double murder: Man charged ..."), or opening one as
        # the speaker a colon brings in ("Lawyer: Lindsay Lohan checks into rehab").
        opening = (t.is_sent_start or _colon_subject(t)) and t.tag_ in _MISREAD_TAGS
        if (i in headline or opening or (t.is_sent_start and _speaker_colon(doc, i))) \
                and (role := _headline_role(doc, i, lex, covered, read_as_person, opening)) is not None:
            out.append(Anaphor(i, i + 1, i, "nominal", role[0], role[1], wordnet=True, indefinite=True))
            continue
        if low in _ONE and (kind := _one_of(doc, i, lex)) is not None:
            # "One of the Mafia bosses arrested has hanged himself": one person of that kind.
            out.append(Anaphor(i, i + 1, i, "nominal", kind, None, wordnet=True, indefinite=True))
            continue
        if (tags[i] in _COUNT_TAGS or tags[i] == "NNP" and t.like_num) and (counted := casualty_count(doc, i)) is not None:
            # "Gunman kills 1, wounds 2", "3 dead": that many people, unnamed, known by their count.
            plural = counted != "person"
            out.append(Anaphor(i, i + 1, i, "nominal", counted, "plural" if plural else None, wordnet=True, indefinite=True))
            continue
        if low in PRONOUNS:
            gender, refl = PRONOUNS[low]
            out.append(Anaphor(i, i + 1, i, "pronoun", None, gender, gender == "plural", refl))
            continue
        if low in _COUNTED and (counted := _counted_people(t)) is not None and not covered_next(doc, i, covered) \
                and not _possessed(t):
            # "killed three people", "10 people died": an unnamed group known by its count.
            out.append(Anaphor(_plural_start(doc, i, covered), i + 1, i, "nominal", counted, "plural", wordnet=True, indefinite=True))
            continue
        role = role_of(t)
        if role is not None and _owner_of_a_kind(t, role_of) is not None:
            continue  # "a sheriff's deputy": the phrase introduces the deputy (below), no sheriff
        if role is None and low in read_as_person and t.tag_ == "NN" and not _speaking_source(t):
            role = (low, words.person_gender(low), True)  # "a 36-year-old climber ... the climber"
        is_role = role is not None
        kind = plural_role(lex, t) if role is None else None
        if kind is None and role is None:
            kind = people_group(t)
        if kind is not None and not covered_next(doc, i, covered) and not _describing(doc, i, i) and not _possessed(t):
            # "pirates seized the tanker ... the pirates": an unnamed group of one kind of person.
            start = _plural_start(doc, i, covered)
            out.append(Anaphor(start, i + 1, i, "nominal", kind, "plural", wordnet=True, indefinite=True))
            continue
        is_org = low in lex.org_nouns and not is_role
        is_group = low in lex.group_nouns or low in _PLURAL_GROUP
        age = _AGE_EPITHET.match(low) if low.endswith("old") else None
        if low == "old" and i >= 4 and doc[i - 2].lower_ == "year" and doc[i - 4].like_num:
            age = re.match(r"\d+", doc[i - 4].text)
        if not (is_role or is_group or age or is_org):
            continue
        nxt = doc[i + 1] if i + 1 < n else None
        # The role noun must head its phrase: "the actress suspects" passes (a misparsed verb),
        # "the star player" does not.
        if nxt is not None and nxt.tag_ in {"NN", "NNP"} and role_of(nxt) is None and not age:
            continue
        if is_group and t.tag_ in {"NN"} and low in {"couple"} and nxt is not None and nxt.lower_ == "of":
            continue  # "a couple of weeks"
        start = _epithet_start(doc, i, lex, covered)
        if start is None:
            if is_role and _shares_possessor(doc, i, lex) and not _names_next(doc, i, covered):
                # "his mother, sister and pet dog": whose the first is, the one joined to it is too.
                out.append(Anaphor(i, i + 1, i, "nominal", role[0], role[1], wordnet=role[2], possessed=True))
                continue
            if is_role and (pos := _possessed_start(doc, i, covered, role[2])) is not None:
                # "her publicist", "Lindsay Lohan's attorney": the role noun and its modifiers
                # (the possessor is a mention of its own). "her sister, Petra" and "her publicist
                # Jack Ketsoyan" name the holder: the name's roles take those.
                named = _names_next(doc, i, covered)
                if not named and not _describing(doc, pos, i):
                    out.append(Anaphor(pos, i + 1, i, "nominal", role[0], role[1], wordnet=role[2], possessed=True))
                continue
            # "a man showed up at the party ... The man": an unnamed person of a kind is
            # introduced by the indefinite phrase, unless it describes someone named.
            start = _epithet_start(doc, i, lex, covered, _A) if is_role else None
            if start is None and is_role:
                start = _kind_owned_start(doc, i, covered, role_of)
            # A bare roles.json role counts when its first WordNet sense is a person too and no
            # proper noun comes before it, whose relation or title it often is ("killing mother and
            # sister"; not "Lohan lawyer charged", nor "star", first a celestial body).
            if start is None and is_role and (role[2] or (words.is_person_noun(low) and not (i > 0 and doc[i - 1].tag_ in {"NNP", "NNPS"}))) \
                    and _bare(doc, i, covered):
                start = _plural_start(doc, i, covered)  # "British climber dies", "killing mother and sister"
            if start is not None and not _describing(doc, start, i):
                out.append(Anaphor(start, i + 1, i, "nominal", role[0], role[1], wordnet=True, indefinite=True))
            continue
        if age:
            out.append(Anaphor(start, i + 1, i, "nominal", None, None, False, False, int(age.group(1) if age.lastindex else age.group(0))))
        elif is_group:
            out.append(Anaphor(start, i + 1, i, "nominal", low, "plural", True))
        elif is_org:
            out.append(Anaphor(start, i + 1, i, "nominal", low, "org"))
        else:
            out.append(Anaphor(start, i + 1, i, "nominal", role[0], role[1], wordnet=role[2]))
    return out


def _shares_possessor(doc: Doc, i: int, lex: Lexicon) -> bool:
    """A kind of person joined to an earlier possessed one ("his mother and sister"), with no
    determiner or possessor of its own."""
    t = doc[i]
    return t.dep_ == "conj" and t.head.i < i and _possessed(t.head) and role_noun(lex, t.head) is not None \
        and not any(c.dep_ in {"det", "poss"} for c in t.children)


def _names_next(doc: Doc, i: int, covered: list[int]) -> bool:
    """A name right after the noun at ``i``, or after a comma: "her sister, Petra", "attorney Shawn Holley"."""
    k = i + 1
    if k < len(doc) and doc[k].text == ",":
        k += 1
    return k < len(doc) and covered[k] >= 0


def _owner_of_a_kind(t, role_of):
    """The kind of person ``t`` owns when ``t`` is an indefinite kind of person in the possessive
    ("a sheriff's deputy": "a" before the owner), else None: the phrase introduces the owned one,
    the holder of a post, and no owner of its own ("her lawyer's assistant" is another matter)."""
    if t.dep_ != "poss" or not any(c.dep_ == "case" and c.text in POSSESSIVE_S for c in t.children):
        return None
    if not any(c.dep_ == "det" and c.lower_ in _A for c in t.children):
        return None
    owned = t.head
    return owned if owned.i > t.i and owned.pos_ == "NOUN" and role_of(owned) is not None else None


def _kind_owned_start(doc: Doc, i: int, covered: list[int], role_of) -> int | None:
    """Where "a [modifiers] sheriff's deputy" starts, for the owned kind of person at ``i``
    (:func:`_owner_of_a_kind`), or None."""
    owner = next((c for c in doc[i].children if c.dep_ == "poss" and c.i < i), None)
    if owner is None or _owner_of_a_kind(owner, role_of) is None:
        return None
    start = owner.left_edge.i
    return start if all(covered[k] < 0 for k in range(start, i + 1)) else None


def _possessed_start(doc: Doc, i: int, covered: list[int], wordnet: bool) -> int | None:
    """The first token after the possessor of the noun at ``i`` ("her [publicist]", "Lohan's [longtime
    attorney]"), or None when nothing possesses it. The possessor is "his"/"her"/"their" or a
    name with "'s" (for a role WordNet alone knows, only those: "the film's trailer" is no one);
    the words between it and the noun must be modifiers."""
    t = doc[i]
    poss = [c for c in t.children if c.dep_ == "poss" and c.i < i]
    if not poss:
        return None
    owner = poss[-1]
    pronoun = owner.tag_ == "PRP$"
    if wordnet and not (owner.lower_ in {"his", "her", "their"} or covered[owner.i] >= 0):
        return None
    k = max(x.i for x in owner.subtree) + 1
    if any(not (doc[j].pos_ in _MODIFIER_POS or doc[j].text in _INNER) for j in range(k, i)):
        return None
    if not all(covered[j] < 0 for j in range(k, i + 1)):
        return None
    # "his mother" is one phrase (the pronoun is also a mention of its own); "Lohan's [attorney]"
    # leaves the name to its owner.
    return owner.i if pronoun else k


def _describing(doc: Doc, start: int, head: int) -> bool:
    """Whether the indefinite phrase [start, head] describes rather than introduces someone."""
    t = doc[head]
    while t.dep_ == "conj" and t.head.i != t.i:  # "works as a climber and a guide"
        t = t.head
    if t.dep_ in _DESCRIBING or (t.dep_ == "pobj" and t.head.lower_ in {"as", "like"}):
        return True
    if t.dep_ in {"nsubj", "nsubjpass"} and t.head.i != t.i and t.head.i > head:
        return False  # "..., her publicist confirmed", "..., officials said": a clause's subject
    return start > 0 and doc[start - 1].text in {",", "(", "—", "–"}


def find_roles(doc: Doc, lex: Lexicon, covered: list[int]) -> list[tuple[int, str, int, int]]:
    """Roles the article gives a named entity: ``(entity key, role, np_start, np_end)``.

    "Julien Dufresne, a choreographer," / "Dufresne, the choreographer," / "the agency's
    spokeswoman, Jane Roe," (apposition either way round: the NP is a nominal mention),
    "choreographer Julien Dufresne" (premodifier), "Roe is the suspect" / "Roe was identified as
    the gunman" (predicate nominal, with "become"/"remain" and infinitives the subject controls: the
    predicate NP is a nominal mention of Roe, as news coreference sets annotate it). A premodifier
    is no mention of its own (np_start == np_end == -1: as one it cost the demo gold's mention
    precision more than it gained on ECB+). A role is a noun of
    :func:`role_noun`.
    """
    out = []
    n = len(doc)

    def role(k: int) -> str | None:
        return _free_role(doc, lex, covered, k)

    for i in range(n):
        key = covered[i]
        if key < 0:
            continue
        t = doc[i]  # only for the named tokens: a Token per word costs more
        first = i == 0 or covered[i - 1] != key
        # Premodifier: "climate activist Camille" / "choreographer Julien"; capitalised only where
        # the sentence opens ("Economist Dr. Ann Lee"), which says nothing of the word, and then
        # no kin noun, which capitalised before a name is a title ("Father Michael Pfleger",
        # "Sister Helen Prejean"), not the person's kin.
        if first and i > 0 and role(i - 1) and (not is_cap(doc[i - 1].text)
                                               or doc[i - 1].is_sent_start and role(i - 1) not in lex.kin):
            out.append((key, role(i - 1), -1, -1))
        # Reverse apposition: "the agency's spokeswoman, Jane Roe,".
        if first and i > 1 and doc[i - 1].text == "," and role(i - 2) and not is_cap(doc[i - 2].text):
            k = i - 3
            while k >= 0 and i - 2 - k < 6 and covered[k] < 0 and doc[k].lower_ not in _NP_OPEN and (
                doc[k].pos_ in _MODIFIER_POS or doc[k].text in POSSESSIVE_S or doc[k].text == "-"
            ):
                k -= 1
            if k >= 0 and doc[k].lower_ in {"the", "a", "an"}:
                out.append((key, role(i - 2), k, i - 1))
            elif k >= 0 and doc[k].lower_ in _NP_OPEN:
                # "her lawyer, Miriam Osei,": the role is Osei's, the possessive stays its owner's.
                out.append((key, role(i - 2), -1, -1))
        if i + 1 < n and covered[i + 1] == key:
            continue  # not the last token of the name
        # Apposition: ", a/an/the [modifiers] ROLE" closed by a comma, period or end.
        j = i + 1
        if j < n and doc[j].text in POSSESSIVE_S:
            continue
        # Also with no determiner ("Sanjeev Gaur, director of assurance,") and closed by a
        # prepositional phrase ("the head of the agency", "a reporter at the paper").
        bare = j + 1 < n and doc[j].text == "," and doc[j + 1].is_lower and doc[j + 1].pos_ in {"NOUN", "ADJ"}
        # Or by another name's possessive ("Rob Jones, Felt's grandson,"): the mention starts
        # after it, the possessor's name staying its own mention.
        owner = _possessor_end(doc, j + 1, covered, key) if j < n and doc[j].text == "," else None
        if j + 1 < n and doc[j].text == "," and (doc[j + 1].lower_ in {"a", "an", "the", "his", "her", "their"}
                                                 or bare or owner):
            k = owner if owner else j + 1 if bare else j + 2
            # The reach counts words: a hyphenated modifier ("a 38-year-old Troy resident") is one
            # word, its hyphens and the words they join on none. A verb form modifying the noun
            # ("the club's leading rusher") is part of the phrase; any other verb ends it.
            joined = 0
            while k < n and k - j - joined < 7 and doc[k].text not in {",", ".", ";", "—", "(", ")"} and not role(k):
                if doc[k].pos_ in {"VERB", "AUX", "PRON"} and doc[k].tag_ != "VBN" and not (
                        doc[k].dep_ == "amod" and doc[k].tag_ == "VBG"):
                    break
                joined += doc[k].text == "-" or doc[k - 1].text == "-"
                k += 1
            if k < n and role(k) and _closes_apposition(doc, k):
                out.append((key, role(k), owner or j + 1, k + 1))
            elif (later := _later_person_sense(doc, owner or j + 1, k, covered)) is not None:
                # "LaRue, a Watergate figure and ...", "Felt, the most famous anonymous source in
                # ...": said of a person's name, a noun is read in its person sense.
                out.append((key, doc[later].lower_, owner or j + 1, later + 1))
        # Predicate nominal: "Roe is the suspect", "Roe became the leading scorer", "Roe was
        # named as the gunman": the noun phrase (up to its role noun) is a mention of Roe.
        out.extend((key, *r) for r in predicate_roles(doc, lex, covered, t))
        # And of a "who" clause on the name: "Felt, who was the No. 2 official at the FBI".
        for who in _who_subjects(t):
            out.extend((key, *r) for r in predicate_roles(doc, lex, covered, who))
    return out


def _who_subjects(name):
    """The "who" subjecting each relative clause on a name's last token ("Felt, who was ...")."""
    return [w for c in name.children if c.dep_ == "relcl"
            for w in c.children if w.dep_ in {"nsubj", "nsubjpass"} and w.lower_ == "who"]


def _closes_apposition(doc: Doc, k: int) -> bool:
    """Whether the apposition's noun at ``k`` ends it: a comma, a period, "who", "and" or a
    preposition of :data:`_APPOSITION_PP` after it, or the text's end."""
    return k + 1 >= len(doc) or doc[k + 1].text in {",", ".", ";", "—", ")", "who", "and"} \
        or doc[k + 1].lower_ in _APPOSITION_PP


_APPOSITION_SENSES = 5  # senses of a noun in apposition to a name looked at for a person ("figure": the fifth)


def _later_person_sense(doc: Doc, start: int, end: int, covered: list[int]) -> int | None:
    """The first common noun in [start, end) that ends the apposition and is a person in one of
    its first :data:`_APPOSITION_SENSES` senses, with only modifiers before it; or None."""
    for k in range(start, min(end, len(doc))):
        t = doc[k]
        if covered[k] >= 0 or t.dep_ == "det" or (k == start and t.lower_ in _NP_OPEN):
            continue
        if t.tag_ == "NN" and t.pos_ == "NOUN" and _closes_apposition(doc, k):
            low = t.lower_
            return k if _person_word(low, _APPOSITION_SENSES) else None
        if t.pos_ not in _MODIFIER_POS and t.text not in _INNER:
            return None
    return None


def _free_role(doc: Doc, lex: Lexicon, covered: list[int], k: int) -> str | None:
    """The role of the noun at ``k`` when it is one and no name's token."""
    r = role_noun(lex, doc[k]) if 0 <= k < len(doc) and covered[k] < 0 else None
    return r[0] if r else None


def predicate_roles(doc: Doc, lex: Lexicon, covered: list[int], subject,
                    copular: bool = True) -> list[tuple[str, int, int]]:
    """``(role, np_start, np_end)`` of the predicate nominals said of ``subject``, a name's last
    token or a pronoun: "Roe is the suspect", "Roe became the leading scorer" (``copular``), "she
    is to return as host" (the noun phrase, up to its role noun, is a mention of the subject's person)."""
    if subject.dep_ not in {"nsubj", "nsubjpass"} or subject.head.i == subject.i:
        return []

    def role(k: int) -> str | None:
        return _free_role(doc, lex, covered, k)

    out = []
    for verb, c in _predicate_children(subject.head):
        if copular and c.dep_ == "attr" and verb.lemma_ in NOMINAL_COPULAS and (r := role(c.i)):
            out.append((r, *_predicate_np(c, covered)))
        elif c.dep_ == "prep" and c.lower_ == "as":
            out.extend((r, *_predicate_np(g, covered)) for g in c.children if g.dep_ == "pobj" and (r := role(g.i)))
    return out


def _possessor_end(doc: Doc, i: int, covered: list[int], key: int) -> int | None:
    """The token after "'s" when a name other than ``key``'s starts at ``i`` and ends in a possessive."""
    other = covered[i] if i < len(doc) else -1
    if other < 0 or other == key or (i > 0 and covered[i - 1] == other):
        return None
    k = i
    while k < len(doc) and covered[k] == other:
        k += 1
    return k + 1 if k + 1 < len(doc) and doc[k].text in POSSESSIVE_S else None


def _predicate_children(verb):
    """(verb, child) for a clause's verb and the subjectless infinitives it controls, whose
    predicate is about the same subject ("X is to return as host", "X scored 23 points to
    become the all-time scoring leader"). A verb with an object controls its complement through
    the object ("Obama asked Kerry to become the envoy"), and a negated one says who someone is not ("X is
    not the suspect", "X was not expected to become the chairman"): neither yields anything."""
    verbs = [verb]
    for v in verbs:
        if len(verbs) > 4:
            break
        if _negated(v):
            continue  # "was not expected to become the chairman": the denial covers what it controls
        has_object = any(c.dep_ in {"dobj", "dative"} for c in v.children)
        verbs.extend(c for c in v.children if c.pos_ in {"VERB", "AUX"} and (
            (c.dep_ == "xcomp" and not has_object)
            or (c.dep_ == "advcl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)))
            and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children))
    # Negation is tested again here, not only in the loop: the verbs queued after the cap were
    # never visited, and a negated one among them must still yield nothing.
    return [(v, c) for v in verbs if not _negated(v) for c in v.children]


def _negated(verb) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _predicate_np(noun, covered: list[int]) -> tuple[int, int]:
    """Token span of a predicate noun phrase up to its noun ("the all-time leading scorer"),
    without the name tokens it may hold ("Obama's choice": "choice")."""
    k = noun.i
    while k > noun.left_edge.i and covered[k - 1] < 0 and noun.doc[k - 1].text not in POSSESSIVE_S and noun.doc[k - 1].text != ",":
        k -= 1
    return k, noun.i + 1


def find_pairs(doc: Doc, covered: list[int], people: set[int]) -> list[tuple[int, int, int, int]]:
    """Coordinated people: ``(key_a, key_b, start_tok, end_tok)`` for "Portman and Millepied"."""
    out = []
    n = len(doc)
    for i in range(n):  # no Token per word: only a person's last token is looked at
        a = covered[i]
        if a not in people or (i + 1 < n and covered[i + 1] == a):
            continue
        if i + 2 < n and doc[i + 1].lower_ in {"and", "&"} and covered[i + 2] in people and covered[i + 2] != a:
            b = covered[i + 2]
            s = i
            while s > 0 and covered[s - 1] == a:
                s -= 1
            e = i + 3
            while e < n and covered[e] == b:
                e += 1
            out.append((a, b, s, e))
    return out
