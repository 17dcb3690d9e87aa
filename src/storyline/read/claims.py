"""``storyline_claims``: every attributed content, every factual narration clause and every event
mention as a claim.

A claim is one predicate with its subject, object, time and place, read from the parse:

- attributed content yields one claim per top-level predicate of the content span, coordinated
  predicates split ("moved out and filed for divorce" -> two claims sharing the subject);
- narration sentences (outside every attribution) yield claims for their main finite predicate,
  its coordinated predicates and temporal clauses ('When Portman stepped out at ...'); relative
  and reason clauses stay inside their sentence's claim;
- the complement of a discovery or belief verb is a claim too ('discovered that he had cheated');
  verbless lines (headlines, photo credits such as 'Getty Images') yield none;
- the reporting verb of an attribution ('the source says') is never a claim of its own;
- every other event mention of an attributed content or a narration piece heads a claim of its
  own: inside a clause claim it is a *nested* claim (claims overlap; a nested claim lies inside a
  clause claim of the same source); in a subordinate clause the clause claims leave out ('she was
  hit by a car *because* the driver ran a red light', police said) or in a verbless line such as a
  headline it is a clause claim of its own. Such a mention is a verb in a relative, participial,
  infinitive or subordinate clause ('the man who killed his wife', 'was arrested after crashing
  his car'), an aspectual verb ('decided to resign', not eventive), and an event noun ('the arrest of X', 'his resignation', 'a
  5.8-magnitude earthquake'): a noun one of whose first WordNet senses is an event, act or
  process (``core.words.is_event_noun``) and whose most frequent sense is no thing, place, group
  or time; a noun whose most frequent sense is a state or is derived from a verb ('the problem',
  'his statement', 'on suspicion of': :func:`names_happening`); a noun with an event sense past
  its first senses where only a happening fits ('died after a *fall*', 'in the seventh *round*',
  'the office Christmas *party*', 'held a *party*': :func:`event_in_context`); a capitalised word the tagger took
  for a name though no entity holds it, read as the verb or event noun WordNet knows ('Lohan
  Checks Into Rehab', 'Quake Kills Five'; a plural only when it is no word of a name, 'the
  Carolina *Hurricanes*', 'Elections Canada'); the head of a name the entity reader typed EVENT, or
  typed a work or other when WordNet's most frequent sense of the name is a happening entered
  under that very name ('Watergate' read as a work) and names one happening, not a kind a title
  borrows ('the film *Gravity*', 'the *Avalanche*'), the whole name being the predicate ('a
  Watergate figure', 'the Academy Awards', 'Hurricane Katrina');
  an adjective complement of a verb other than a
  copula ('was found dead', 'pleaded guilty'); and a past participle the tagger took for an
  adjective before a noun, keyed on its verb ('the *escaped* inmate', 'the *slain* teen';
  :func:`_participle_state`); and a noun, an adjective or a Title Case headline word that names a
  happening or a state the same article tells with a claim of its own, though WordNet's first
  senses make it none ('vandals cut the cable' ... 'the *cut*', 'found the boss dead' ... '2 *Dead*
  in shooting'; keyed on what the article told: :func:`_told_again`; only a noun WordNet gives the
  verb's happening as a sense, not 'the *train*' after 'train staff', 'the *host*', 'houses'), or an
  acronym the article spells out in words one of which heads such a claim and is no name's word
  ('driving under the influence' ... 'the *DUI* charge', 'injured reserve' ... 'placed on *IR*';
  not 'Affordable Care Act' ... 'ACA': :class:`_Spelled`); such a word takes no words from the
  claim it sits in ('the DUI charge' stays the charge's text). A nested claim carries the source of the span it sits in and is at most as certain as
  the claim that governs it; a denial or epistemic verb governing it applies to it ('denied an
  affair': negative, 'suspected an affair': probable; the cues of ``hedges.json``). A hedging
  participle ('her rumored boyfriend') is a cue, not an event. Domain packs do not type nested claims: a mention in passing ('long
  before the split') is no report of the event a domain reconciles. Nothing in a reporting clause
  is a claim ('a person briefed on the talks, who spoke on condition of anonymity, said').

What the predicate means comes from WordNet, never from a domain word list:

- ``predicate``: the normalised lemma (phrasal: 'move out'); after an aspectual verb its
  complement ('began to suspect' -> suspect), after a copula its complement ('was humiliated',
  'is true'), after a light verb an event noun object ('had an affair' -> affair);
- ``predicate_start``/``predicate_end``: the predicate's own words (the verb and its adjacent
  particle, the noun, the adjective); ``predicate_pos``: verb, noun or adj;
- ``event_key``: :func:`storyline.core.words.event_key` (a verb and its nominalisation share it);
  ``frame``: the WordNet lexicographer file of the sense (verb.contact, noun.event, ...);
- ``eventive`` is False for predicates that never head a fact alone: copulas with an adjective or
  a non-event noun ('is true', 'she's a realist') and "be" without one ('there is'), the light
  verbs have/make/do without an event noun (with a particle WordNet lists they are verbs of their
  own: 'made off with the cash'), the support verbs whose subject is the event itself
  (happen, occur, and their synonyms: 'take place'), and propositional attitudes: verbs whose two
  most frequent WordNet senses are both verb.cognition ('I think', 'knew that ...'; with a
  nominal object, 'identified the victim', or the object of its own preposition, 'checked into
  rehab', it is an event). States are facts ('lives in Rome'
  against 'lives in Paris'): eventive. ``become``/``get`` + complement is a change, eventive. A predicate a domain pack types is eventive: the pack's classes are the kinds
  of fact its domain reconciles ('has never been unfaithful' denies the affair).

Arguments: subject (``nsubj``/agent; for nouns the possessor 'his resignation', a 'by'-phrase, or
a person/organisation compound), object (direct object or prepositional object; for nouns the
'of'-phrase 'the arrest of X'), time (a timex governed by the predicate), place (``place_key``/
``place_text``: a place after in/at/near/... that is a GPE/LOC entity, an organisation after
at/in, a capitalised name, or a noun WordNet files as a location or building; for nouns also a
place compound, 'the Chicago shooting'). A noun that is the subject of its clause, or the object
of a light or support verb, takes that clause's time and place when it has none of its own ('The
earthquake struck Sumatra on Tuesday').

Domain packs (``storyline/data/packs``, enabled through the component config ``packs``) may
normalise predicates further and type them by class (``predicate_class``): split/separate ->
separate, class separation. With no pack, or no form of the pack matching, the class is None.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.language import Language
from spacy.symbols import ADJ, AUX, CCONJ, NOUN, PROPN, VERB
from spacy.tokens import Doc, Span, Token

from storyline.core import words
from storyline.core.packs import load_pack, pack_forms
from storyline.read.certainty.assess import (
    Assessments,
    assess,
    ParseRows,
    Surroundings,
    attribution_adjust,
    children_where,
    embedding_certainty,
    governor_adjust,
    implicative,
    is_hedge_word,
    negated_belief,
    parse_rows,
    surroundings,
    take_handoff,
    weakest,
)
from storyline.read.claims_pack import pack_cues
from storyline.read.doc import (
    COPULAS,
    AttributionAnn,
    ClaimAnn,
    DocIndex,
    char_span,
    ensure_extensions,
)
from storyline.read.numbers import ordinal
from storyline.read.quantities import find_quantities
from storyline.read.quantity_context import in_context
from storyline.read.timex.lexicon import MONTHS, WEEKDAYS
from storyline.read.wording import content_lemmas_in, token_content_lemmas

__all__ = ["ClaimsComponent", "Predicate", "claims_component", "event_in_context", "find_claims", "make_claims_component",
           "normalise_predicate", "read_predicate"]

_ASPECTUAL = frozenset(
    {"start", "begin", "continue", "go", "decide", "try", "attempt", "plan", "agree", "stop", "keep", "choose",
     "appear", "seem", "want", "need", "hope", "manage", "tend", "get"}
)
_LIGHT = frozenset({"have", "make", "take", "get", "give", "do"})
# Light and support verbs whose object is the happening itself ("held a party", "had a fall").
_LIGHT_HOSTS = _LIGHT | {"hold"}
# Verbs that record an attribute of an event ("the papers list the date of separation as ...",
# "the filing cites the cause of the split"): the event noun after "of" carries the class.
_RECORDING = frozenset({"list", "give", "state", "cite", "record", "show", "put", "set", "name", "note"})
_ATTRIBUTE_NOUNS = frozenset({"date", "day", "month", "year", "time", "reason", "cause", "ground", "grounds", "place", "location"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLAUSE_DEPS = frozenset({"advcl"})
# The children that may end a clause's span (_clause_span), and those a place hangs on (_place).
_CUT_DEPS = frozenset({"conj", "cc", "preconj", "parataxis"}) | _CLAUSE_DEPS
_DOBJ, _POBJ = frozenset({"dobj"}), frozenset({"pobj"})
_QUEUED_DEPS = frozenset({"conj", "advcl", "parataxis", "ccomp"})  # the clauses _predicates_in follows down
_PLACE_DEPS = frozenset({"prep", "compound"})
_TEMPORAL_MARKS = frozenset({"when", "after", "before", "until", "once", "since"})
# Verbs whose clause complement is a claim of its own (relative clauses, reasons and reported
# frames are not: they stay inside their sentence's claim, as the attribution gold annotates).
_EMBEDDING = frozenset({"discover", "learn", "realize", "realise", "find", "know", "notice", "suspect", "fear", "believe", "think", "reveal", "confirm"})
_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_OBJECT_ORDER = ("dobj", "attr", "oprd", "acomp", "dative")  # the object a clause's predicate takes, first found first
_OBJECT_DEPS = frozenset({*_OBJECT_ORDER, "prep", "agent"})
_CREDIT_WORDS = frozenset({"getty", "images", "shutterstock", "courtesy", "photo", "photos", "credit", "mega", "backgrid", "splash", "ap", "reuters", "afp"})
_DROP = frozenset({"a", "an", "the", "her", "his", "their", "its", "my", "your", "our"})


# --- what a predicate means (grammar here; word meaning from WordNet, storyline.core.words) ---
# Copulas that name a change of state ('became president', 'got hurt'): the claim is eventive.
_CHANGE_COPULAS = frozenset({"become", "get"})
# "be" alone ('there is'), light verbs that are no event without an event noun object ('has two
# children', 'made it'), and support verbs whose subject is the event itself ('the attack happened
# on Monday'): closed-class grammar, not domain words.
_NOT_EVENTIVE = frozenset({"be", "have", "make", "do"})
_SUPPORT = frozenset({"happen", "occur"})
_COGNITION = "verb.cognition"
# Semi-lexical nouns: an event sense in WordNet ('the first time', 'in a way'), rarely an event.
_SEMI_LEXICAL = frozenset({"time", "way", "thing", "lot", "kind", "sort", "type", "part", "number", "bit", "point"})
# A noun whose most frequent sense is one of these is a thing, a person, a group or a time that
# may also name an event ('bomb', 'office', 'church', 'date'): not an event mention.
_NOT_EVENT_FIRST = words.THING_LEXNAMES | {
    "noun.location", "noun.substance", "noun.body", "noun.animal", "noun.plant", "noun.food", "noun.time",
}  # fmt: skip
# A noun that is no event noun heads a claim for its state or its verb unless its most frequent
# sense is one of these, or a measure, an amount or a relation: 'a 6.1-magnitude quake', 'the
# city budget', 'its share' (an event noun such as 'audit' passes before this is asked).
_NOT_HAPPENING_FIRST = _NOT_EVENT_FIRST | {"noun.attribute", "noun.possession", "noun.quantity", "noun.shape", "noun.relation"}
# Prepositions that can introduce where something happened; "on" only before a place entity.
_LOCATIVE = frozenset({"in", "at", "near", "outside", "inside", "off", "across", "throughout", "around", "within", "on"})
_ORG_AS_PLACE = frozenset({"in", "at", "near", "outside", "inside"})  # 'at Cedars-Sinai', 'outside the Capitol'
_PLACE_TYPES = frozenset({"GPE", "LOC"})
_PLACE_SENSES = frozenset({"noun.location", "noun.object"})  # 'in the city', 'off the coast'
_PLACE_ROOTS = frozenset({"location.n.01", "structure.n.01", "facility.n.01"})  # 'at the hotel', 'at the airport'
_VERB_POS = frozenset({"VERB", "AUX"})
_VERB_SYMBOLS = frozenset({VERB, AUX})  # the same, as the parse rows hold them
_NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_CONTRACTIONS = {"’s": "be", "'s": "be", "’re": "be", "'re": "be", "’m": "be", "'m": "be", "’ve": "have", "'ve": "have", "’ll": "will", "'ll": "will", "’d": "would", "'d": "would"}
Forms = Mapping[str, tuple[str, str]]  # pack form -> (normalised predicate, class)


def _lemma(t: Token) -> str:
    low = t.lower_
    if low in _CONTRACTIONS and t.pos_ in ("AUX", "VERB"):  # the lemmatizer misses curly contractions
        return _CONTRACTIONS[low]
    return (t.lemma_ or t.text).lower()


@dataclass(frozen=True)
class Predicate:
    """What a clause head (or an event noun) predicates: see the module docstring."""

    clause: Token  # the clause head it was read from
    head: Token  # the clause head after aspectual descent: its children are the arguments
    word: Token  # the word that names the event (the head, its copula complement or light-verb noun)
    start: int  # token span of the predicate's own words
    end: int
    name: str
    klass: str | None
    pos: str | None  # "verb", "noun", "adj"
    event_key: str | None
    frame: str | None
    eventive: bool
    took: tuple[int, ...] = ()  # a noun a pack form took in ('file for divorce'): no claim of its own


@lru_cache(maxsize=16384)
def is_event_noun(lemma: str) -> bool:
    """Whether a common noun names an event: one of its first WordNet senses is an event, act or
    process (:func:`storyline.core.words.is_event_noun`) and its most frequent sense is not a
    thing, person, group, place or time (see ``_NOT_EVENT_FIRST``)."""
    if lemma in _SEMI_LEXICAL or len(lemma) < 3 or not lemma.replace("-", "").isalpha():
        return False
    ids = words.synsets(lemma, "n")
    return bool(ids) and words.lexname(ids[0]) not in _NOT_EVENT_FIRST and words.is_event_noun(lemma)


@lru_cache(maxsize=16384)
def names_happening(lemma: str) -> bool:
    """Whether a common noun met on its own (no clause claim uses it) names a happening or a
    state of affairs a story tells of: an event noun (:func:`is_event_noun`), or a noun whose most
    frequent sense is a state ('the problem', 'security concerns', 'his illness') or is derived
    from a verb ('his statement', 'a new record', 'on suspicion of'), unless that sense is a
    thing, person, group, place, time, measure or amount."""
    if is_event_noun(lemma):
        return True
    if lemma in _SEMI_LEXICAL or len(lemma) < 3 or not lemma.replace("-", "").isalpha():
        return False
    first = words.noun_class(lemma)
    if first is None or first in _NOT_HAPPENING_FIRST:
        return False
    return first == "noun.state" or words.nominalises(lemma)


# Prepositions whose object is a happening a time is told from ('after a fall', 'during the
# winter meetings'); closed-class grammar.
_EVENT_PREPS = frozenset({"after", "before", "during", "following", "since", "until", "amid", "amidst", "throughout"})
# How far down a noun's WordNet senses an event sense may sit when the context says the noun is a
# happening ('party' is a group first and an event fourth; 'round' an act fourth).
CONTEXT_SENSES = 5
# WordNet classes of nouns an ordinal ranks as positions, not happenings ("first place", "first row").
_RANKED_CLASSES = frozenset({"noun.location", "noun.group"})


def _ordinal(t: Token) -> bool:
    return ordinal(t.lower_) is not None


def _time_word(t: Token) -> bool:
    """A word whose most frequent WordNet sense is a time ('Christmas', 'winter', 'birthday')."""
    return t.is_alpha and words.noun_class(t.lower_) == "noun.time"


def event_in_context(t: Token) -> bool:
    """Whether a common noun that is no event noun on its first senses (:func:`names_happening`)
    names a happening here: one of its first ``CONTEXT_SENSES`` WordNet senses is an event, act
    or process (never when its most frequent sense is a person), and its place in the sentence
    is one only a happening takes: the object of a preposition a time is told from ('died after
    a *fall*'; not a noun that is first a place, 'until the *end*'), counted by an ordinal ('in
    the seventh *round*', 'her second *stint*'; not a noun that is first a place or a group,
    'third *place*', 'first *division*') or dated by a time word before it ('the office Christmas
    *party*', 'the winter *meetings*'), the subject of a support verb ('the *meeting* took
    place') or the object of a light verb ('held a *party*'; not a bare singular one, 'held
    *office*')."""
    lemma = _lemma(t)
    if lemma in _SEMI_LEXICAL or not lemma.isalpha():
        return False
    first_class = words.noun_class(lemma)
    if first_class is None or first_class == "noun.person":
        return False
    if not words.is_event_noun(lemma, CONTEXT_SENSES):
        return False
    gov = t.head
    # A noun that is first a place or a part of one ("until the *end* of the year", "in the first
    # *place*") sits after a time preposition or an ordinal as a point or a position; an ordinal
    # also ranks groups ("first *division*", "first *class*"), at the cost of "the second meeting".
    if t.dep_ == "pobj" and gov.dep_ == "prep" and gov.lower_ in _EVENT_PREPS and first_class != "noun.location":
        return True
    if any(c.dep_ == "compound" and _time_word(c) for c in t.children) or (
            first_class not in _RANKED_CLASSES and any(c.dep_ == "amod" and _ordinal(c) for c in t.children)):
        return True
    if gov.i == t.i or gov.pos_ not in _VERB_POS:
        return False
    verb = _lemma(gov)
    part = _multiword(verb, gov, list(gov.children))
    if part is not None and part.i == t.i:
        return False  # 'took place': the noun is part of the verb
    if t.dep_ in ("nsubj", "nsubjpass"):
        first = words.synsets(_phrasal(verb, part), "v")[:1]
        return bool(first) and first[0] in _support_senses()
    # A singular object with no determiner is a state held, not a happening ("held office",
    # "holds power"); "held a party", "held talks" are.
    if verb == "hold" and t.tag_ == "NN" and not any(c.dep_ in {"det", "poss", "nummod"} for c in t.children):
        return False
    return t.dep_ == "dobj" and verb in _LIGHT_HOSTS


def _wordnet_happening_name(name: str) -> bool:
    """Whether WordNet's most frequent sense of a name is a happening entered under that very name
    ('Watergate', 'World Cup'): not a plural ('the Avenues', a gang; 'Games'), nor a brand that
    borrows a word WordNet files under another headword ('Twitter', a chirrup)."""
    ids = words.synsets(name, "n")
    return bool(ids) and words.lexname(ids[0]) in words.EVENT_LEXNAMES and words.lemmas(ids[0])[0] == name.replace(" ", "_")


def _one_happening(name: str) -> bool:
    """Whether a name WordNet knows as a happening names one happening, not a kind a title borrows
    ('Gravity', 'Heat', 'Avalanche' are films and teams): a name of several words ('World Cup'), or
    a word whose first sense has no kinds under it and which is no verb ('Watergate'; not 'storm',
    'heat', 'avalanche', whose first senses are kinds or which are verbs too)."""
    if " " in name:
        return True
    return not words.has_hyponyms(words.synsets(name, "n")[0]) and not words.synsets(name, "v")


def _of_a_kind(t: Token, lo: int, hi: int) -> bool:
    """Whether a name is introduced by the kind of thing it names ('the *film* Gravity', 'the *ship*
    Titanic'): a common noun before it that is no happening."""
    return any(c.dep_ in ("compound", "nmod", "appos") and c.pos_ == "NOUN" and not (lo <= c.i < hi)
               and not names_happening(_lemma(c)) for c in t.children)


# Entity types a name of a happening may be read as: an event, or what the entity reader gives a
# name it cannot place (a work, other) when WordNet knows the name as a happening (_named_event).
_MAYBE_HAPPENING_TYPES = frozenset({"EVENT", "WORK", "OTHER"})


def _named_event(t: Token, index: "_Index") -> Predicate | None:
    """The predicate of a happening known by its name ('the Watergate scandal' as 'Watergate', 'the
    Academy Awards', 'Hurricane Katrina'): the head word of a name the entity reader typed EVENT,
    or typed a work or nothing in particular when WordNet's most frequent sense of the whole name
    is a happening (the reader types 'Watergate' a work as often as an event; not a person's or an
    organisation's name, 'Rush', whose word is first a happening elsewhere). The whole name is the
    predicate ('academy awards'), so two named events of one kind stay apart; WordNet gives the
    key when it knows the name ('watergate')."""
    key = index.entity.get(t.i)
    kind = None if key is None else index.etype.get(key)
    if kind not in _MAYBE_HAPPENING_TYPES or t.i not in index.names:
        return None
    doc = t.doc
    lo, hi = t.i, t.i + 1
    while lo > 0 and index.entity.get(lo - 1) == key and lo - 1 in index.names:
        lo -= 1
    while hi < len(doc) and index.entity.get(hi) == key and hi in index.names:
        hi += 1
    if lo <= t.head.i < hi and t.head.i != t.i:
        return None  # not the name's head: 'Academy' in 'Academy Awards'
    words_of = [doc[k] for k in range(lo, hi) if doc[k].is_alpha]
    if not words_of or words_of[0].lower_ == "the":
        words_of = words_of[1:]
    if not words_of:
        return None
    name = " ".join(w.lower_ for w in words_of)
    if kind != "EVENT" and not (_wordnet_happening_name(name) and _one_happening(name) and not _of_a_kind(t, lo, hi)):
        return None
    event_key, frame = _meaning(name, "n")
    return Predicate(t, t, t, words_of[0].i, hi, name, None, "noun", event_key, frame, True)


def _title_word(t: Token, index: "_Index") -> Predicate | None:
    """The predicate of a capitalised word the tagger took for a name though no entity holds it:
    headlines in Title Case ('Lohan Checks Into Rehab', 'Quake Kills Five', 'Shooting at Mall').
    Read as the noun when the word is itself an event noun's base form, else as a verb WordNet
    knows, else as the noun of a plural that is no verb ('Aftershocks Jolt Island'); None when it
    is none of these."""
    if t.i in index.entity or not t.text[:1].isupper() or not t.text.isalpha():
        return None
    low = t.lower_
    noun, verb = words.lemmatize(low, "n"), words.lemmatize(low, "v")
    if noun == low and names_happening(noun):
        name, pos = noun, "n"
    elif verb is not None and verb not in _NOT_EVENTIVE and _dominant(verb) != _COGNITION:
        name, pos = verb, "v"
    elif verb is None and noun is not None and names_happening(noun) and not _word_of_a_name(t, index):
        name, pos = noun, "n"
    else:
        return None
    key, frame = _meaning(name, pos)
    return Predicate(t, t, t, t.i, t.i + 1, name.replace("_", " "), None, "noun" if pos == "n" else "verb", key, frame, True)


def _word_of_a_name(t: Token, index: "_Index") -> bool:
    """Whether a capitalised word no entity mention holds is a word of a name all the same: the
    tagger gives it a name's type, it is compounded with a name the tagger typed ('the *Carolina*
    Hurricanes'), or a name the article gives an entity has it ('Hurricanes Edge Lightning' over
    'The Hurricanes have won'; 'Elections' where 'Elections Canada' is read once): a team or an
    agency, no happening."""
    if t.ent_type_ and t.ent_type_ != "EVENT":
        return True
    if any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ not in ("", "EVENT") for c in t.children):
        return True
    return t.text in index.name_words


def _resulting_state(t: Token) -> Predicate | None:
    """The state an adjective complement of a verb other than a copula states of its subject or
    object ('was found dead', 'found guilty', 'pleaded guilty'): a claim of its own, as 'is dead'
    is. A participle ('left injured') keys on its verb."""
    if t.dep_ not in ("oprd", "acomp") or t.head.pos_ != "VERB" or _lemma(t.head) in COPULAS:
        return None
    verb = words.lemmatize(t.lower_, "v") if t.tag_ in ("VBN", "VBD") or t.lower_.endswith("ed") else None
    key, frame = _meaning(verb, "v") if verb else (None, None)
    return Predicate(t, t, t, t.i, t.i + 1, _lemma(t), None, "adj", key, frame, True)


# WordNet verb classes whose verbs' participles describe a noun without telling a happening of it
# ('the known facts', 'a related case', 'a worried mother', 'the proposed plan', 'the missing file').
_NOT_HAPPENING_VERBS = frozenset({"verb.cognition", "verb.stative", "verb.emotion", "verb.perception",
                                  "verb.communication"})
_DEGREE_TAGS = frozenset({"RBR", "RBS"})  # 'more', 'most', 'less', 'least'


def _participle_state(t: Token) -> Predicate | None:
    """The happening a past participle the tagger took for an adjective tells of the noun it
    modifies ('the *escaped* inmate', 'the *slain* teen', '*hacked* sites'): keyed on its verb, as
    'the inmate escaped' is. Not a present participle ('the *following* day', 'a *leading*
    scorer'), a word that is also a noun of a thing or a place ('the *left* knee'; a noun of
    people is the participle used as a noun: 'the slain'), nor a verb whose most frequent sense is
    an attitude, a state or a saying ('a *related* case', 'the *proposed* plan'). Nor before a noun
    of a happening: the participle then says what kind of happening it is ('an *armed* robbery').
    (A comparative never gets here: 'bigger' is no verb's form, 'lower' is the verb itself.)
    'A *married* couple', 'a *retired* teacher' still read as happenings: WordNet lists them as
    adjectives, but 'escaped' and 'slain' too, so that list cannot tell them apart."""
    if t.dep_ != "amod" or t.lower_.endswith("ing") or is_hedge_word(t.lower_):
        return None
    if words.noun_class(t.lower_) not in (None, "noun.person", "noun.group"):
        return None  # a noun of a thing or place too: 'the *left* knee', 'a *limited* edition'; not 'the slain'
    verb = words.lemmatize(t.lower_, "v")
    if verb is None or verb == t.lower_ or not _participle_tells_happening(t, verb):
        return None
    key, frame = _meaning(verb, "v")
    return Predicate(t, t, t, t.i, t.i + 1, verb, None, "adj", key, frame, True)


def _participle_tells_happening(t: Token, verb: str) -> bool:
    """Whether a participle the tagger took for an adjective tells a happening of the noun it
    modifies (:func:`_participle_state`; one tagged a verb is read as a verb, and left out only when
    aspectual before a happening, 'the *attempted* murder', so 'the *postponed* election' keeps
    its claim: the guards here would drop it): not before a noun of a
    happening ('an *armed* robbery', 'the *attempted* murder': it says what kind of happening), not
    with a degree word ('the most prepared person': a quality), and not of a verb whose most
    frequent sense is an attitude, a state or a saying ('a *related* case', 'the *proposed* plan')."""
    # cheapest first: a set, the children, then WordNet
    if verb in _NOT_EVENTIVE:
        return False
    if any(c.dep_ == "advmod" and c.tag_ in _DEGREE_TAGS for c in t.children):
        return False
    if words.is_event_noun(_lemma(t.head), senses=1):  # first sense: 'a damaged building' is a thing
        return False
    first = words.synsets(verb, "v")[:1]
    return bool(first) and words.lexname(first[0]) not in _NOT_HAPPENING_VERBS


@lru_cache(maxsize=4096)
def _is_place_noun(lemma: str) -> bool:
    """A noun WordNet files as a location or natural object, or a building or facility."""
    for sid in words.synsets(lemma, "n")[:2]:
        if words.lexname(sid) in _PLACE_SENSES or _PLACE_ROOTS.intersection(words.hypernyms(sid, None)):
            return True
    return False


@lru_cache(maxsize=16384)
def _meaning(lemma: str, pos: str) -> tuple[str | None, str | None]:
    """(event key, lexicographer file) of a verb or noun lemma ("move out" tried as one verb)."""
    ids = words.synsets(lemma, pos)
    if not ids and pos == "v" and " " in lemma:
        lemma = lemma.split()[0]
        ids = words.synsets(lemma, pos)
    if not ids:
        return None, None
    sense = ids[0]
    if pos == "n":  # the sense that makes it an event noun, when one does
        sense = next((i for i in ids[: words.SENSES] if words.lexname(i) in words.EVENT_LEXNAMES
                      or words.EVENT_ROOTS.intersection(words.hypernyms(i, None))), sense)
    return words.event_key(lemma, pos), words.lexname(sense)


@lru_cache(maxsize=1)
def _support_senses() -> frozenset[str]:
    """The most frequent senses of the support verbs ('happen', 'occur'), whatever their wording
    ('take place', 'go on' share them)."""
    return frozenset(ids[0] for v in _SUPPORT for ids in [words.synsets(v, "v")] if ids)


def _multiword(lemma: str, head: Token, kids: list[Token]) -> Token | None:
    """The particle, preposition or bare noun object that WordNet lists with the verb as one
    lemma ('move out', 'check into', 'take place', 'give birth'), if any; not a preposition that
    may introduce a place."""
    for c in kids:
        bare = c.dep_ == "dobj" and c.pos_ == "NOUN" and not any(g.dep_ in ("det", "poss", "amod", "compound", "nummod") for g in c.children)
        if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ not in _LOCATIVE) or bare:  # 'live in Rome' names a place
            word = c.lower_ if c.dep_ == "prep" else _lemma(c)
            if words.lemmatize(f"{lemma} {word}", "v") == f"{lemma}_{word}":
                return c
    return None


def _phrasal(lemma: str, part: Token | None) -> str:
    """A verb's name with the particle or preposition WordNet lists with it ('move out', 'check into')."""
    if part is None:
        return lemma
    return f"{lemma} {part.lower_ if part.dep_ == 'prep' else _lemma(part)}"


def _descend(head: Token) -> Token:
    """"began to suspect", "went on to welcome", "decided to leave": the complement carries the event."""
    seen = 0
    while _lemma(head) in _ASPECTUAL and seen < 4:
        comp = next(
            (c for c in head.children if c.pos_ in ("VERB", "AUX") and (c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(g.tag_ == "TO" for g in c.children)))),
            None,
        )
        if comp is None:
            break
        head, seen = comp, seen + 1
    return head


def _pack_hit(head: Token, lemma: str, kids: list[Token], lex: Forms) -> tuple[str, str, int | None] | None:
    """The pack's (predicate, class) for the longest form of ``head`` it knows, and the token of
    the noun the form took in ('file for divorce': divorce), if any."""
    if not lex:
        return None
    forms: list[tuple[str, int | None]] = []
    for c in kids:
        if c.dep_ == "prt":
            forms.append((f"{lemma} {_lemma(c)}", None))
    # A copula's complement takes its own prepositions ('is involved with' as 'involve with').
    comps = [c for c in kids if c.dep_ in ("acomp", "attr")] if lemma in COPULAS else []
    for owner, base in [(kids, lemma), *((list(c.children), _lemma(c)) for c in comps)]:
        for c in owner:
            if c.dep_ == "prep":
                forms.append((f"{base} {c.lower_}", None))
                for g in c.children:
                    if g.dep_ == "pobj":
                        forms.append((f"{base} {c.lower_} {_lemma(g)}", g.i))
    for c in kids:
        if c.dep_ in ("dobj", "attr", "acomp", "oprd"):
            forms.append((f"{lemma} {_lemma(c)}", c.i))
            if lemma in _LIGHT or lemma in COPULAS:
                forms.append((_lemma(c), c.i))
                forms.append((c.lower_, c.i))
            if lemma in _RECORDING and _lemma(c) in _ATTRIBUTE_NOUNS:
                forms.extend((_lemma(g), g.i) for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                             for g in p.children if g.dep_ == "pobj")
    if head.tag_ == "VBN":
        forms.append((head.lower_, None))
    forms.append((lemma, None))
    for f, took in sorted(forms, key=lambda f: -len(f[0].split())):
        hit = lex.get(" ".join(w for w in f.split() if w not in _DROP))
        if hit:
            return hit[0], hit[1], took
    return None


def _pos_of(t: Token) -> str | None:
    if t.pos_ in _VERB_POS:
        return "verb"
    if t.pos_ in _NOUN_POS:
        return "noun"
    return "adj" if t.pos_ == "ADJ" else None


@lru_cache(maxsize=16384)
def _dominant(lemma: str) -> str | None:
    """The lexicographer file of a verb's two most frequent senses when they share it (or of its
    only sense): 'know' and 'believe' are verb.cognition, 'identify' is not (its second sense is
    verb.communication)."""
    ids = words.synsets(lemma, "v")[:2] or words.synsets(lemma.split()[0], "v")[:2]
    files = {words.lexname(i) for i in ids}
    return files.pop() if len(files) == 1 else None


def _verb_eventive(head: Token, lemma: str, name: str, prt: Token | None = None) -> bool:
    """``prt``: the particle or preposition WordNet lists with the verb ('make off', 'check into')."""
    first = words.synsets(name, "v")[:1]
    if name in _NOT_EVENTIVE or (first and first[0] in _support_senses()):
        return False  # 'made it' is no event, 'made off with the cash' is
    if _dominant(name) == _COGNITION:
        # 'identified the victim', 'checked into rehab' are events; 'knew that ...' an attitude
        objects = [*head.children, *(prt.children if prt is not None and prt.dep_ == "prep" else ())]
        return any(c.dep_ in ("dobj", "pobj") and c.pos_ in ("NOUN", "PROPN") for c in objects)
    return True


def read_predicate(clause_head: Token, lex: Forms | None = None) -> Predicate:
    """The :class:`Predicate` of a clause head or event noun; ``lex``: the enabled packs' forms."""
    head = _descend(clause_head)
    lemma = _lemma(head)
    kids = list(head.children)
    word, pos = head, _pos_of(head)
    prt = next((c for c in kids if c.dep_ == "prt"), None)
    if pos == "verb":
        prt = _multiword(lemma, head, kids) or prt
    name = _phrasal(lemma, prt)
    start, end = head.i, head.i + 1
    eventive: bool | None = None  # None: from the verb's WordNet class, below
    if pos == "verb":
        comp = next((c for c in kids if c.dep_ in ("acomp", "attr")), None) if lemma in COPULAS else None
        obj = next((c for c in kids if c.dep_ == "dobj" and c.pos_ == "NOUN"), None) if lemma in _LIGHT else None
        if comp is not None:  # 'is true', 'she's a realist', 'became president', 'got hurt'
            word, pos, name = comp, _pos_of(comp) or "adj", _lemma(comp)
            if lemma in _CHANGE_COPULAS:
                eventive = True
            elif pos != "verb":
                eventive = pos == "noun" and is_event_noun(name)
        elif obj is not None and is_event_noun(_lemma(obj)):  # 'had an affair', 'made a decision'
            word, pos, name, eventive = obj, "noun", _lemma(obj), True
        if word.i != head.i:
            start, end = word.i, word.i + 1
        elif prt is not None and prt.i == head.i + 1:
            end = prt.i + 1  # 'moved out', 'took place'
    if pos == "verb":
        key, frame = _meaning(name, "v")
        if eventive is None:
            own = word.i == head.i
            eventive = _verb_eventive(word, _lemma(word), name if own else _lemma(word), prt if own else None)
    elif pos == "noun":
        key, frame = _meaning(name, "n")
        if eventive is None:
            eventive = is_event_noun(name)
    elif pos == "adj" and (word.tag_ in ("VBN", "VBD") or word.lower_.endswith("ed")):
        verb = words.lemmatize(word.lower_, "v")  # a participle: 'devastated', 'injured'
        key, frame = _meaning(verb, "v") if verb else (None, None)
    else:
        key, frame = None, None
    hit = _pack_hit(head, lemma, kids, lex or {})
    klass, took = None, ()
    if hit is not None:  # a kind of fact of the pack's domain: it heads a fact ('has never been unfaithful')
        name, klass, eventive = hit[0], hit[1], True
        took = (hit[2],) if hit[2] is not None else ()
    return Predicate(clause_head, head, word, start, end, name, klass, pos, key, frame, bool(eventive), took)


def normalise_predicate(head: Token, packs: Iterable[str] = ()) -> tuple[str, str | None]:
    """(normalised predicate, class) for a clause head, trying the packs' phrase forms before the lemma."""
    p = read_predicate(head, pack_forms(tuple(packs)))
    return p.name, p.klass


def _finite(t: Token) -> bool:
    if t.tag_ in _FINITE_TAGS:
        return True
    return t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in t.children)


def _clause_span(p: Token, lo: int, hi: int, cut: set[int], claimed: set[int], index: _Index) -> tuple[int, int]:
    """Token span of the clause headed by ``p`` within ``lo:hi``, without its coordinated or
    separately claimed clauses, and not crossing tokens in ``cut`` (other attributions)."""
    left, right = max(p.left_edge.i, lo), min(p.right_edge.i + 1, hi)
    head, doc = index.head, p.doc
    for k in claimed:
        if left <= k < right and k != p.i and _descends(head, k, p.i):
            d = doc[k]
            if k > p.i:
                right = min(right, max(d.left_edge.i, p.i + 1))
            else:
                left = max(left, min(d.right_edge.i + 1, p.i))
    for c in children_where(p, index.rows, _CUT_DEPS):
        if c.dep_ in ("conj", "cc", "preconj") or (c.dep_ in _CLAUSE_DEPS and _finite(c)) or c.dep_ == "parataxis":
            if c.i > p.i:
                right = min(right, max(c.left_edge.i, p.i + 1))
            elif c.dep_ != "cc":
                left = max(left, min(c.right_edge.i + 1, p.i))
    for k in range(p.i - 1, left - 1, -1):
        if k in cut:
            left = k + 1
            break
    for k in range(p.i + 1, right):
        if k in cut:
            right = k
            break
    punct, space, pos = index.tokens.punct, index.tokens.space, index.pos
    while left < right and (punct[left] or space[left] or pos[left] == CCONJ):
        left += 1
    while right > left and (punct[right - 1] or space[right - 1] or pos[right - 1] == CCONJ):
        right -= 1
    return left, right


def _descends(head: list[int], k: int, top: int) -> bool:
    """Whether token ``top`` is an ancestor of token ``k`` (``Token.is_ancestor``, read from the
    head array: no Token per step)."""
    for _ in range(len(head)):
        if head[k] == k:
            return False
        k = head[k]
        if k == top:
            return True
    return False


def _subject(p: Token, rows: ParseRows | None = None) -> Token | None:
    hops = 0
    while p is not None and hops < 6:
        subj = next(iter(children_where(p, rows, _SUBJ_DEPS)), None)
        if subj is not None:
            if p.dep_ == "relcl" and subj.tag_ in ("WP", "WDT") and p.head.i != p.i:
                return p.head  # 'Portman who married the choreographer'
            return subj
        if p.dep_ == "acl" and getattr(_acl_verb(p.head), "i", None) == p.i:
            return p.head  # 'Lee, 42, moved out': see _acl_verb
        if p.dep_ in ("conj", "xcomp", "advcl", "relcl") and p.head.i != p.i:
            if p.dep_ == "relcl":
                return p.head
            p, hops = p.head, hops + 1
            continue
        return None
    return None


def _object(p: Token, rows: ParseRows | None = None) -> Token | None:
    kids = children_where(p, rows, _OBJECT_DEPS)
    for dep in _OBJECT_ORDER:
        obj = next((c for c in kids if c.dep_ == dep and c.tag_ not in ("IN", "WDT")), None)
        if obj is not None:
            return obj
    for c in kids:
        if c.dep_ in ("prep", "agent"):
            pobj = next(iter(children_where(c, rows, _POBJ)), None)
            if pobj is not None:
                return pobj
    return None


class _Index:
    """Token -> entity key, timex index and sentence bounds, built once per Doc."""

    def __init__(self, doc: Doc, assessed: Assessments | None = None, rows: ParseRows | None = None):
        self.assessed = assessed or {}  # token span -> assess() already made by storyline_certainty
        self.around: dict[tuple[int, int, int], Surroundings] = {}  # (attribution, content span) -> its surroundings
        tokens = DocIndex.build(doc)  # the same sentences as doc.sents, without a Span each
        self.tokens = tokens
        self.sents: list[tuple[int, int]] = tokens.sent_bounds
        self.sent_of: list[int] = tokens.sent_of
        self.rows = rows if rows is not None else parse_rows(doc)  # heads and sentence starts of the whole Doc (offset 0), read once
        self.pos: list[int] = self.rows.pos  # coarse tags, as symbols
        self.content_lemmas = token_content_lemmas(doc)  # claims overlap: each token read once, not per claim
        self.head = self.rows.head
        self.entity: dict[int, int] = {}
        self.etype: dict[int, str] = {}  # entity key -> type
        names: set[int] = set()
        self.name_words: set[str] = set()  # the words of the names of the article's entities but events
        for ent in doc._.sl_entities or []:
            self.etype[ent.key] = ent.type
            if ent.type != "EVENT":
                self.name_words.update(w for m in ent.mentions if m.kind == "name" for w in m.text.split())
            for m in ent.mentions:
                span = tokens.expand(m.start, m.end)
                if span is not None:
                    for k in range(*span):
                        self.entity.setdefault(k, ent.key)
                    if m.kind == "name":
                        names.update(range(*span))
        self.timex: dict[int, int] = {}
        for n, t in enumerate(doc._.sl_timexes or []):
            span = tokens.expand(t.start, t.end)
            if span is not None:
                for k in range(*span):
                    self.timex.setdefault(k, n)
        self.timex_tokens = sorted(self.timex)  # for the timexes inside a claim without a pass over its tokens
        # Numbers in dates and times, and in names ("Apollo 11"), are no quantities.
        timexes = doc._.sl_timexes or []
        self.no_quantity = names | {k for k, n in self.timex.items() if timexes[n].type != "DURATION"}
        self.names = names

    def entity_of(self, t: Token | None) -> int | None:
        if t is None:
            return None
        if t.i in self.entity:
            return self.entity[t.i]
        for k in range(t.left_edge.i, t.right_edge.i + 1):
            if k in self.entity:
                return self.entity[k]
        return None

    def timex_of(self, p: Token, left: int, right: int) -> int | None:
        at = self.timex_tokens
        inside = at[bisect_left(at, left) : bisect_left(at, right)]
        best = None
        direct: list[int] = []
        own: list[int] = []
        # The walk up from each date reads the parse rows: a Token per step costs more than the rule.
        head, dep, pos, top = self.head, self.rows.dep, self.pos, p.i
        for k in inside:
            h, hops, embedded, clause = k, 0, False, False
            while h != top and head[h] != h and hops < 12:
                # A clause modifying a noun ("the pair, who met in 2009, were separating") dates
                # its own event, not the claim's.
                embedded = embedded or dep[h] in ("relcl", "acl")
                # A verb between the date and the predicate heads a clause of its own ("After
                # telling People in October that ..., Reid checked in on Friday"): its date is
                # that verb's unless the predicate's own clause gives none.
                clause = clause or (h != k and pos[h] in _VERB_SYMBOLS)
                h, hops = head[h], hops + 1
            if h == top and not embedded and self.timex[k] not in direct:
                direct.append(self.timex[k])
                if not clause:
                    own.append(self.timex[k])
            if not embedded:
                best = best if best is not None else self.timex[k]
        direct = own or direct
        if direct:
            # "On February 4, 2009, X was arrested early Sunday": the weekday, told from that date,
            # dates the event; the date is the report's.
            anchors = {f"t{i}" for i in direct}
            timexes = p.doc._.sl_timexes
            return next((i for i in direct if timexes[i].anchor in anchors), direct[0])
        if best is not None:
            return best
        # A timex outside the clause that still governs it ('In August 2023, ... separated').
        a, b = self.sents[self.sent_of[p.i]]
        for k in at[bisect_left(at, a) : bisect_left(at, b)]:
            if self.head[k] == p.i:
                return self.timex[k]
        return None


def _predicates_in(doc: Doc, rows: ParseRows, lo: int, hi: int, skip: set[int], narration: bool) -> list[Token]:
    """Top-level predicates of ``lo:hi`` and their conjuncts (and adverbial clauses in narration).

    ``rows``: :func:`parse_rows` of ``doc``."""
    head = rows.head
    heads = [doc[k] for k in range(lo, hi) if head[k] == k or not lo <= head[k] < hi]
    out: list[Token] = []
    queue = [t for t in heads if not narration or t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT"]
    if not narration:
        # 'Lee, 42, moved out' mis-parsed as a name modified by 'moved': the verb is the predicate
        queue = [_acl_verb(t) or t for t in queue]
        # A noun left dangling by a bad parse ('the actress' read as a conjunct of an earlier
        # subject) is no predicate when the content has a verb of its own.
        if any(t.pos_ in ("VERB", "AUX") for t in queue):
            queue = [t for t in queue if t.pos_ in ("VERB", "AUX") or t.pos_ not in ("NOUN", "PROPN", "PRON")]
    if not narration:
        queue = [t for t in queue if not (t.is_punct or t.is_space)]
    seen: set[int] = set()
    while queue:
        t = queue.pop(0)
        if t.i in seen:
            continue
        seen.add(t.i)
        if t.i not in skip and (not narration or _finite(t) or t.dep_ == "conj"):
            if t.pos_ in ("VERB", "AUX") or not narration:
                out.append(t)
        for c in children_where(t, rows, _QUEUED_DEPS):
            if not lo <= c.i < hi:
                continue
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
                queue.append(c)
            elif c.dep_ == "advcl" and _finite(c) and narration and _temporal(c):
                queue.append(c)  # 'When Portman stepped out at the Governors Awards on January 9'
            elif c.dep_ in ("advcl", "parataxis", "ccomp") and _finite(c) and (c.i in skip or t.i in skip):
                queue.append(c)  # the clause under a reporting cue that is not itself content
            elif c.dep_ == "ccomp" and _finite(c) and _lemma(t) in _EMBEDDING:
                queue.append(c)  # 'discovered that he had cheated': both are claims
    return sorted(out, key=lambda t: t.i)


def _acl_verb(t: Token) -> Token | None:
    """The finite-looking verb hanging off a name as ``acl`` ('Lee, 42, moved out'), if any."""
    if t.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return next((c for c in t.children if c.dep_ == "acl" and c.pos_ == "VERB" and c.tag_ in ("VBD", "VBN")
                 and c.i > t.i and t.doc[c.i - 1].text == ","), None)


def _temporal(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in clause.children)


def _credit_line(tokens: DocIndex, lo: int, hi: int) -> bool:
    words = [tokens.lowers[k] for k in range(lo, hi) if tokens.texts[k].isalpha()]
    return 0 < len(words) <= 6 and any(w in _CREDIT_WORDS for w in words)


# The words a time stamp line may have beside its times: prepositions and articles ('Posted *at* 3:21 PM').
_STAMP_GLUE = frozenset({"ADP", "DET", "CCONJ"})


def _stamp_line(doc: Doc, index: "_Index", lo: int, hi: int) -> bool:
    """A web page's time stamps ('Last Updated: Monday, 28 November 2005', 'Posted at 3:21 PM ET',
    'Posted: Nov 27, 2005 8:20 AM ET Last Updated: Nov 27, 2005 8:10 PM ET'): a line of time
    expressions and at most three other words for each, one of them a participle or past tense, and
    no subject. Page furniture, not a claim: two outlets' stamps made a fact "corroborated" by both."""
    timed = index.timex
    times = {timed[k] for k in range(lo, hi) if k in timed}
    if not times:
        return False
    texts = index.tokens.texts
    words = [k for k in range(lo, hi) if k not in timed and texts[k].isalpha() and doc[k].pos_ not in _STAMP_GLUE]
    # ('Last' of 'Last updated' is often parsed as its subject: a name in a capitalised line)
    if not 0 < len(words) <= 3 * len(times) or any(doc[k].dep_ in _SUBJ_DEPS and doc[k].lower_ != "last" for k in range(lo, hi)):
        return False
    verbs = [k for k in words if doc[k].tag_ in ("VBN", "VBD")]
    # Beside the verb only what a stamp writes: 'last', 'first', an adverb ('Originally'), a month
    # or day the tagger left out of the time ('Posted: Nov 27, 2005'), a zone or 'AM' ('ET', 'GMT').
    # A noun makes it a headline ('Suspect charged on Monday').
    return bool(verbs) and all(k in verbs or doc[k].pos_ == "ADV" or _stamp_word(texts[k]) for k in words)


def _stamp_word(text: str) -> bool:
    low = text.lower()
    return low in ("last", "first") or low in WEEKDAYS or low in MONTHS or f"{low}." in MONTHS or (text.isupper() and len(text) <= 4)


@dataclass
class _Region:
    """A span claims are read from: an attribution's content, or a narration piece."""

    lo: int
    hi: int
    cut: set[int]  # tokens of other attributions (and reporting clauses) inside lo:hi
    att: AttributionAnn | None
    ai: int | None


def find_claims(doc: Doc, assessed: Assessments | None = None, packs: Iterable[str] = (), rows: ParseRows | None = None) -> list[ClaimAnn]:
    """Claims for ``doc`` from its parse, ``sl_attributions``, ``sl_entities`` and ``sl_timexes``.

    ``assessed``: :func:`~storyline.read.certainty.assess.assess` results already known for token spans
    of this Doc as it is now (see :func:`~storyline.read.certainty.assess.take_assessments`).
    ``packs``: names of the domain packs that normalise and type predicates (none: class None).
    ``rows``: :func:`~storyline.read.certainty.assess.parse_rows` of this Doc as it is now, when known."""
    if not doc.has_annotation("DEP") or len(doc) == 0:
        return []
    packs = tuple(packs)
    lex = pack_forms(packs)
    atts: list[AttributionAnn] = doc._.sl_attributions or []
    index = _Index(doc, assessed, rows)
    texts, head = index.tokens.texts, index.head
    owner = [-1] * len(doc)  # token -> attribution whose content holds it
    reporting: set[int] = set()  # tokens of reporting clauses (cue and source)
    spans: list[tuple[int, int] | None] = []
    expand = index.tokens.expand
    for ai, att in enumerate(atts):
        span = expand(att.content_start, att.content_end)
        spans.append(span)
        if att.source_start is not None:
            src = expand(att.source_start, att.source_end)
            if src is not None and not (span is not None and span[0] <= src[0] < span[1]):
                reporting.update(range(*src))
    # Nested contents (a quote inside a quote) own their tokens: assign the longest first.
    for ai in sorted(range(len(atts)), key=lambda a: -(spans[a][1] - spans[a][0]) if spans[a] else 0):
        if spans[ai] is not None:
            for k in range(*spans[ai]):
                owner[k] = ai
    for att, sp in zip(atts, spans):
        if att.cue and att.quote != "none" and sp is not None:
            cue = index.tokens.token_at(att.cue_start) if att.cue_start is not None else None
            if cue is not None and owner[cue] < 0:
                reporting.add(cue)
                continue
            # the cue token nearest to the content, outside it: not a second 'said' of the next
            # sentence's relative clause ('..., police said. The suspect, who police said shot ...')
            near = [k for k in range(max(0, sp[0] - 12), min(len(doc), sp[1] + 12))
                    if owner[k] < 0 and texts[k] == att.cue.split()[0]]
            if near:
                reporting.add(min(near, key=lambda k: min(abs(k - sp[0]), abs(k - sp[1]))))

    made: list[tuple[ClaimAnn, Predicate, _Region]] = []
    regions: list[_Region] = []
    for ai, (att, sp) in enumerate(zip(atts, spans)):
        if sp is None:
            continue
        lo, hi = sp
        region = _Region(lo, hi, {k for k in range(lo, hi) if owner[k] != ai}, att, ai)
        regions.append(region)
        preds = [p for p in _predicates_in(doc, index.rows, lo, hi, region.cut | reporting, narration=False) if owner[p.i] == ai]
        if not preds:
            root = next((doc[k] for k in range(lo, hi) if not lo <= head[k] < hi), doc[lo])
            preds = [root]
        claimed = {p.i for p in preds}
        for p in preds:
            made.append(_claim(doc, p, region, claimed, index, lex))
    punct, space = index.tokens.punct, index.tokens.space
    for s_lo, s_hi in index.sents:
        for lo, hi in _pieces(texts, s_lo, s_hi):
            if _credit_line(index.tokens, lo, hi) or all(owner[k] >= 0 or punct[k] or space[k] for k in range(lo, hi)) \
                    or _stamp_line(doc, index, lo, hi):
                continue
            region = _Region(lo, hi, {k for k in range(lo, hi) if owner[k] >= 0} | reporting, None, None)
            regions.append(region)
            preds = [p for p in _predicates_in(doc, index.rows, lo, hi, region.cut, narration=True) if owner[p.i] < 0 and p.i not in reporting]
            claimed = {p.i for p in preds}
            for p in preds:
                made.append(_claim(doc, p, region, claimed, index, lex))
    made.extend(_nested_claims(doc, made, regions, owner, reporting, index, lex))
    claims, seen = [], set()
    for c, _, _ in made:
        if (c.start, c.end, c.predicate, c.attribution_index) not in seen:  # one claim per id (read/extract.py)
            seen.add((c.start, c.end, c.predicate, c.attribution_index))
            claims.append(c)
    claims.sort(key=lambda c: (c.start, c.end))
    if packs:
        for c in claims:
            c.cues = pack_cues(c.text, c.predicate_class, packs)
    return claims


def _pieces(texts: list[str], lo: int, hi: int) -> list[tuple[int, int]]:
    """Split a sentence at newlines (the parser sometimes runs sentences across paragraphs)."""
    out, start = [], lo
    for k in range(lo, hi):
        if "\n" in texts[k]:
            if k > start:
                out.append((start, k))
            start = k + 1
    if start < hi:
        out.append((start, hi))
    return out


def _words_of(pred: Predicate) -> set[int]:
    """Tokens a predicate uses up: its clause head, the aspectual chain down to its head, its word."""
    return {pred.clause.i, pred.word.i, *pred.took, *(t.i for t in _chain(pred))}


def _reporting_clauses(doc: Doc, reporting: set[int], owner: list[int]) -> set[int]:
    """The reporting clauses around the attributions, outside every content: the cue verb's and
    the source's subtrees ('a person briefed on the talks who spoke on condition of anonymity
    said', 'a statement released by the club on Thursday'). They say how the story was reported,
    not what happened: no event mention in them is a claim."""
    out = set(reporting)
    for k in reporting:
        t = doc[k]
        if t.head.i in reporting and t.head.i != t.i:
            continue  # inside a source phrase: its top is taken
        out.update(j for j in range(t.left_edge.i, t.right_edge.i + 1) if owner[j] < 0)
    return out


def _chain(pred: Predicate) -> list[Token]:
    """The verbs from the clause head down to the predicate's head (aspectual descent)."""
    out, t = [pred.head], pred.head
    while t.i != pred.clause.i and t.head.i != t.i and len(out) < 6:
        t = t.head
        out.append(t)
    return out


def _aspectual(t: Token) -> Predicate:
    """The predicate of an aspectual verb read as a mention of its own: no event."""
    lemma = _lemma(t)
    key, frame = _meaning(lemma, "v")
    return Predicate(t, t, t, t.i, t.i + 1, lemma, None, "verb", key, frame, False)


_NESTED_POS = frozenset({VERB, NOUN, PROPN, ADJ})  # the parts of speech a nested claim's word may have


def _nested_claims(
    doc: Doc, made: list[tuple[ClaimAnn, Predicate, _Region]], regions: list[_Region], owner: list[int], reporting: set[int],
    index: _Index, lex: Forms,
) -> list[tuple[ClaimAnn, Predicate, _Region]]:
    """Claims of the event mentions inside the regions that head no claim yet (module docstring)."""
    background = _reporting_clauses(doc, reporting, owner)
    # A clause told as narration beside a reporting clause is none: its words head a clause claim
    # of their own though the cue's subtree holds them ('A fire that ripped through the store is
    # treated as "suspicious", police said', only the quote attributed; a headline's 'Riot over
    # teen's death: ... did not have a gun, says witness').
    for c, _, region in made:
        if region.ai is None:
            background.difference_update(k for k in range(*index.tokens.tokens_for(c.start, c.end)) if k not in reporting)
    texts, pos = index.tokens.texts, index.pos
    used: set[int] = set()
    governing: dict[int, tuple[ClaimAnn, Predicate]] = {}
    of_region: dict[int, list[tuple[ClaimAnn, Predicate]]] = {}  # id(region) -> its claims, in order: one pass, not one per region
    for c, pred, r in made:
        used |= _words_of(pred)
        for k in _words_of(pred):
            governing[k] = (c, pred)
        of_region.setdefault(id(r), []).append((c, pred))
    found: list[tuple[_Region, list[tuple[Token, Predicate | None]], list[Token]]] = []
    for region in regions:
        mine = -1 if region.ai is None else region.ai
        cands: list[tuple[Token, Predicate | None]] = []
        rest: list[Token] = []  # nouns and adjectives no rule made a claim of (see _told_again)
        # Anywhere in the region: inside its clause claims, and in the subordinate clauses they
        # leave out ('..., police said, because the car hit her'; a headline with no clause claim).
        # Out of the clause claims only an event heads a claim: a light or cognitive verb there
        # ('when they had', 'as I think') would be a fact of its own about nothing.
        spans = [index.tokens.tokens_for(c.start, c.end) for c, _ in of_region.get(id(region), ())]
        for k in range(region.lo, region.hi):
            if pos[k] not in _NESTED_POS:  # most tokens: tested first (the tests below have no side effects)
                continue
            if k in used or k in region.cut or k in background or owner[k] != mine or k in index.timex:
                continue
            if not texts[k].replace("-", "").isalpha():
                continue  # a word ("n’t" tagged a verb is none); read from arrays: a Token per word costs more
            t = doc[k]
            if t.pos_ == "VERB" and t.dep_ not in ("aux", "auxpass") and not is_hedge_word(t.lower_):  # 'her rumored boyfriend'
                if t.dep_ == "amod" and _lemma(t) in _ASPECTUAL and words.is_event_noun(_lemma(t.head), senses=1):
                    # 'the *attempted* murder', 'a *planned* attack': the phase of the noun's happening, which
                    # heads its own claim. Only aspectual verbs: a tagged verb's participle before a happening
                    # is often one of its own ('the *postponed* election', 'the *cancelled* flight').
                    continue
                pred = read_predicate(t)
                if pred.eventive or not spans or any(a <= k < b for a, b in spans):
                    cands.append((t, pred))
            elif t.pos_ == "NOUN" and k not in index.names and (names_happening(_lemma(t)) or event_in_context(t)):
                pred = read_predicate(t)
                cands.append((t, pred if pred.eventive else replace(pred, eventive=True)))
            elif t.pos_ == "PROPN" and (pred := _title_word(t, index) or _named_event(t, index)) is not None:
                cands.append((t, pred))
            elif t.pos_ == "ADJ" and (pred := _resulting_state(t) or _participle_state(t)) is not None:
                cands.append((t, pred))
            elif (t.pos_ == "NOUN" and k not in index.names) or t.pos_ == "ADJ" or (
                    t.pos_ == "PROPN" and (k not in index.entity or _acronym(t.text) is not None)):
                rest.append(t)
        found.append((region, cands, rest))
    preds = [p for _, p, _ in made] + [p for _, cands, _ in found for _, p in cands if p is not None]
    told = _told(preds)
    spelled = _Spelled(doc, index.tokens.lowers, {p.word.i: p for p in preds if p.eventive}, index.names)
    out: list[tuple[ClaimAnn, Predicate, _Region]] = []
    for region, cands, rest in found:
        named = [(t, pred) for t in rest if (pred := _told_again(t, told) or spelled.predicate(t, index)) is not None]
        cands = cands + named
        # An aspectual verb's complement, or a light verb's noun, belongs to that verb's claim.
        taken = {k for t, pred in cands if pred is not None for k in _words_of(pred) if k != t.i}
        heads = [(t, pred) for t, pred in cands if t.i not in taken]
        # The aspectual verbs above a predicate ('decided to leave', 'began to suspect') are
        # mentions too, of no event of their own.
        mine_made = of_region.get(id(region), [])
        above = {t.i: t for pred in [*(pred for _, pred in mine_made), *(p for _, p in heads if p is not None)]
                 for t in _chain(pred)[1:]}
        heads.extend((t, _aspectual(t)) for t in above.values())
        claimed = {t.i for t, _ in heads} | {pred.clause.i for _, pred in mine_made}
        # A word that heads a claim only by what the article tells elsewhere ('the *DUI* charge')
        # takes no words from the other claims' texts.
        words_only = {t.i for t, _ in named}
        others = claimed - words_only
        for t, pred in heads:
            c, pred, _ = one = _claim(doc, t, region, claimed if t.i in words_only else others, index, {}, pred)
            _govern(c, pred, governing, index)
            out.append(one)
            for k in _words_of(pred):
                governing.setdefault(k, (c, pred))
    return out


def _told(preds: list[Predicate]) -> dict[tuple[str, str], Predicate]:
    """The happenings and resulting states an article tells with a verb or an adjective claim, by
    (word, part of speech): what a noun or an adjective of the same word names elsewhere in it."""
    out: dict[tuple[str, str], Predicate] = {}
    for p in preds:
        if p.eventive and p.klass is None and p.pos is not None and " " not in p.name:
            out.setdefault((p.name, p.pos), p)
    return out


# A noun whose most frequent sense is one of these is a thing or a doer, whatever the article does
# with its verb ('the building *houses* ...' does not make every 'house' a happening), unless its
# very next sense is the verb's happening ('her *release*': a record first, then a freeing); a time
# may be a happening's name too ('fall').
_THING_FIRST = _NOT_EVENT_FIRST - {"noun.time"}
_NEXT_SENSE = 1
# Determiners that bring in something new ('a paper *cut*'): no happening the article told already.
_NEW_REFERENT = frozenset({"a", "an", "another"})


def _told_again(t: Token, told: dict[tuple[str, str], Predicate]) -> Predicate | None:
    """The predicate of a noun or an adjective that names a happening or a state the same article
    tells with a verb or an adjective claim, though WordNet's first senses make it no happening:
    'the *cut*' where 'vandals cut the cable' is told ('cut' is first a share), '2 *dead* in
    shooting' where 'found the boss dead' is. The noun is keyed on the verb, so both are one event.
    Only a noun one of whose senses is the verb's happening (:func:`storyline.core.words.happening_of`:
    'the *train*' is no training, 'the *land*' no landing, 'the *host*' is who hosts), and, when its
    most frequent sense is a thing (``_THING_FIRST``), its next ('his *watch*' is no watching); and
    not after 'a' ('a paper *cut*' is a new one)."""
    lemma = _lemma(t)
    if lemma in _SEMI_LEXICAL:
        return None
    if t.pos_ == "PROPN":  # a Title Case headline word no entity holds ('2 *Dead* in Shooting')
        lemma = t.lower_
    kinds = ("adj",) if t.pos_ == "ADJ" else ("noun", "verb", "adj")
    told_as = next((p for kind in kinds if (p := told.get((lemma, kind))) is not None), None)
    if told_as is None:
        return None
    if told_as.pos == "verb" and ((rank := words.happening_of(lemma, told_as.name)) is None or (
            rank > _NEXT_SENSE and words.noun_class(lemma) in _THING_FIRST)):
        return None
    if told_as.pos != "adj" and any(c.dep_ == "det" and c.lower_ in _NEW_REFERENT for c in t.children):
        return None
    if told_as.pos == "verb" and any(c.dep_ == "compound" and c.pos_ == "NOUN" and _lemma(c) not in _acted_on(told_as)
                                     for c in t.children):
        return None  # 'the *paper* cut' names a kind of its own; 'the *budget* cut' after 'cut the budget' is told
    return _named_as(t, told_as)


def _acted_on(told: Predicate) -> set[str]:
    """Lemmas of the nouns a told verb takes as subject or object, directly or after a preposition."""
    args = [c for c in told.head.children if c.dep_ in _ARGUMENT_DEPS]
    args += [g for c in told.head.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
    return {_lemma(a) for a in args}


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "attr", "oprd"})


def _named_as(t: Token, told: Predicate) -> Predicate:
    """The one-word predicate of ``t`` naming the happening or state ``told`` tells elsewhere in
    the article: its name and key, so both are one event."""
    pos = "adj" if told.pos == "adj" else "noun"
    return Predicate(t, t, t, t.i, t.i + 1, told.name, None, pos, told.event_key, told.frame, True)


def _acronym(text: str) -> str | None:
    """The letters of an acronym ('DUI', 'I.R.'): two to five capitals, dots between them allowed."""
    letters = text.replace(".", "")
    return letters.lower() if 2 <= len(letters) <= 5 and letters.isalpha() and letters.isupper() else None


class _Spelled:
    """Acronyms an article spells out ('driving under the influence' ... 'DUI', 'injured reserve' ...
    'IR'): an acronym names the happening its spelled-out words tell, when one of them heads a claim
    and is the phrase's head or a modifier of it ('*driving* under the influence', '*injured*
    reserve'; not 'Federal Bureau of *Investigation*': the bureau is no happening)."""

    def __init__(self, doc: Doc, lowers: list[str], by_word: dict[int, Predicate], names: set[int]):
        self.doc, self.lowers, self.by_word, self.names = doc, lowers, by_word, names
        self.seen: dict[str, Predicate | None] = {}

    def predicate(self, t: Token, index: _Index) -> Predicate | None:
        letters = _acronym(t.text)
        if letters is None or t.pos_ != "PROPN" or index.etype.get(index.entity.get(t.i, -1)) in ("PERSON", "GPE", "LOC"):
            return None
        if letters not in self.seen:
            self.seen[letters] = self._spelled(letters)
        told = self.seen[letters]
        return None if told is None else _named_as(t, told)

    def _spelled(self, letters: str) -> Predicate | None:
        doc = self.doc
        for i in range(len(doc)):
            if not self.lowers[i].startswith(letters[0]):
                continue  # read from the array: a Token per word costs more
            span = self._spelling(i, letters)
            if span is None:
                continue
            inside = range(*span)
            head = next((k for k in inside if not span[0] <= doc[k].head.i < span[1] or doc[k].head.i == k), None)
            if head is None:
                continue
            for k in inside:
                if k in self.by_word and (k == head or (doc[k].dep_ == "amod" and doc[k].head.i == head)) and not (
                        doc[k].pos_ == "PROPN" or k in self.names):  # a name's words ('Affordable Care Act')
                    return self.by_word[k]
        return None

    def _spelling(self, i: int, letters: str) -> tuple[int, int] | None:
        """The span from token ``i`` whose words' initials spell ``letters``, articles skipped."""
        doc, k = self.doc, i
        if doc[i].pos_ not in ("NOUN", "PROPN", "VERB", "ADJ"):
            return None  # 'a population' is no 'AP'
        for n, letter in enumerate(letters):
            while n and k < len(doc) and doc[k].pos_ == "DET":
                k += 1
            if k >= len(doc) or not doc[k].is_alpha or doc[k].lower_[0] != letter or _acronym(doc[k].text) or (
                    doc[k].tag_ in _FINITE_TAGS):  # a clause, not a name: 'issues an emergency ...'
                return None
            k += 1
        return i, k


def _govern(c: ClaimAnn, pred: Predicate, governing: dict[int, tuple[ClaimAnn, Predicate]], index: _Index) -> None:
    """A nested claim is at most as certain as the claim that governs it; a noun that is the
    subject of its clause, or the object of a light or support verb, takes that clause's time and
    place when it has none ('the earthquake struck Sumatra on Tuesday'), and the negation of a
    light or support verb ('no arrest was made', 'the wedding did not happen')."""
    t, hops = pred.clause, 0
    while t.head.i != t.i and hops < 12:
        t, hops = t.head, hops + 1
        if t.i in governing:
            break
    else:
        return
    gov, gpred = governing[t.i]
    c.certainty = weakest(c.certainty, gov.certainty)
    c.hedges = c.hedges + [h for h in gov.hedges if h not in c.hedges]
    if _argument_of(pred.clause, t):  # 'denied an affair', 'suspected an affair'
        c.certainty, c.polarity, c.hedges = governor_adjust(_lemma(t), c.certainty, c.polarity, c.hedges)
    if pred.pos != "noun" or pred.head.head.i != t.i:
        return
    support = not gpred.eventive and gpred.word.i == t.i
    if pred.head.dep_ in ("nsubj", "nsubjpass") or support:
        if c.timex_index is None:
            c.timex_index = gov.timex_index
        if c.place_key is None and c.place_text is None:
            c.place_key, c.place_text = gov.place_key, gov.place_text
    if support and gov.polarity == "negative":
        c.polarity = "negative"


def _argument_of(t: Token, gov: Token) -> bool:
    """Whether ``t`` is the object of ``gov``: its direct object or clause, or the object of one
    of its prepositions ('denied the affair', 'denied that ...', 'spoke of the split')."""
    if t.head.i == gov.i:
        return t.dep_ in ("dobj", "ccomp", "xcomp", "nsubjpass")
    return t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.i == gov.i


def _claim(
    doc: Doc, p: Token, region: _Region, claimed: set[int], index: _Index, lex: Forms, pred: Predicate | None = None
) -> tuple[ClaimAnn, Predicate, _Region]:
    lo, hi, cut, att, ai = region.lo, region.hi, region.cut, region.att, region.ai
    left, right = _clause_span(p, lo, hi, cut, claimed, index)
    if right <= left:
        left, right = p.i, p.i + 1
    pred = pred or read_predicate(p, lex)
    # 'the slain teen': the participle with its noun, whichever part of speech the tagger gave it.
    modified = p.dep_ == "amod" and p.i < p.head.i < hi
    if modified:
        right = max(right, p.head.i + 1)
    span = Span(doc, left, right)  # left < right: doc[left:right] without its slice normalising
    if pred.pos == "noun" and pred.word.i == p.i:
        subj, obj = _noun_arguments(p, index)
    else:
        subj, obj = _subject(p, index.rows), _object(p, index.rows)
        if subj is None and obj is None and p.dep_ in ("acl", "amod") and p.head.pos_ in ("NOUN", "PROPN", "PRON"):
            # 'the man arrested on Monday', 'the slain teen' (the noun undergoes it), 'gunmen firing on' (does it)
            subj, obj = (None, p.head) if p.tag_ == "VBN" or pred.pos == "adj" else (p.head, None)
    known = index.assessed.get((left, right))
    certainty, polarity, hedges = (known[0], known[1], list(known[2])) if known else assess(span, index.rows)
    embedding = embedding_certainty(p)
    if embedding is not None:  # 'suspects [Ben has been cheating]'
        certainty = weakest(certainty, embedding[0])
        hedges = [embedding[1], *hedges]
    if pred.pos == "noun" and pred.word.i == p.i and any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in p.children):
        polarity = "negative"  # 'no arrest'
    believed = negated_belief(p) if not left <= p.head.i < right else None  # (in the span: assess read it)
    if believed is not None:  # 'I don't think [he won]'
        certainty, polarity, hedges = governor_adjust(believed, certainty, polarity, hedges, negated=True)
    for t in _chain(pred):  # 'failed to [stop]', 'refused to try to [escape]'
        certainty, polarity, hedges = implicative(t, certainty, polarity, hedges)
    content, around = None, None
    if att is not None:
        content = Span(doc, lo, hi)
        around = index.around.get((ai, lo, hi))
        if around is None:  # the same for every claim of the content: found once
            around = index.around[(ai, lo, hi)] = surroundings(doc, att, content, index.rows)
    certainty, polarity, hedges = attribution_adjust(doc, att, content, certainty, polarity, hedges, index.rows, around)
    s_lo, s_hi = index.sents[index.sent_of[p.i]]
    if att is not None:
        s_lo, s_hi = min(s_lo, lo), max(s_hi, hi)
    # Texts are sliced from the Doc text (a Span's text would create a Token per word).
    tokens = index.tokens
    s_start, s_end = tokens.char_bounds(s_lo, s_hi)
    obj_text = None
    if obj is not None:
        o_lo, o_hi = max(obj.left_edge.i, left), min(obj.right_edge.i + 1, right)
        if modified and obj.i == p.head.i:
            o_lo = p.i + 1  # the noun without the participle: 'teen' in 'slain teen'
        if o_hi > o_lo and left <= obj.i < right:
            o_start, o_end = tokens.char_bounds(o_lo, o_hi)
            obj_text = tokens.text[o_start:o_end]
        else:
            obj_text = obj.text
    start, end = tokens.char_bounds(left, right)
    p_start, p_end = tokens.char_bounds(pred.start, pred.end)
    place_key, place_text = _place(pred, index)
    claim = ClaimAnn(
        start=start,
        end=end,
        text=tokens.text[start:end],
        predicate=pred.name,
        predicate_class=pred.klass,
        subject_key=index.entity_of(subj),
        object_key=index.entity_of(obj),
        object_text=obj_text,
        timex_index=index.timex_of(p, left, right),
        attribution_index=ai,
        source_kind=att.kind if att is not None else "unattributed",
        certainty=certainty,
        polarity=polarity,
        hedges=hedges,
        sentence_start=s_start,
        sentence_end=s_end,
        quantities=in_context(tokens.text, (s_start, s_end), find_quantities(doc, left, right, index.no_quantity)),
        predicate_start=p_start,
        predicate_end=p_end,
        predicate_pos=pred.pos,
        event_key=pred.event_key,
        frame=pred.frame,
        eventive=pred.eventive,
        place_key=place_key,
        place_text=place_text,
        lemmas=content_lemmas_in(index.content_lemmas, left, right),
    )
    return claim, pred, region


def _of_phrase(t: Token, prep: str) -> Token | None:
    """The object of ``t``'s child preposition ``prep`` ('the arrest *of X*', 'by police')."""
    for c in t.children:
        if (c.dep_ in ("prep", "agent")) and c.lower_ == prep:
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _noun_arguments(n: Token, index: _Index) -> tuple[Token | None, Token | None]:
    """(subject, object) of an event noun: possessor or 'by'-phrase, then the 'of'-phrase; a
    compound naming a person or organisation fills the subject when free ('the Lohan arrest')."""
    subj = next((c for c in n.children if c.dep_ == "poss"), None) or _of_phrase(n, "by")
    obj = _of_phrase(n, "of")
    if subj is None:
        for c in n.children:
            key = index.entity.get(c.i) if c.dep_ == "compound" else None
            if key is not None and index.etype.get(key) not in _PLACE_TYPES:
                subj = c
                break
    return subj, obj


def _place(pred: Predicate, index: _Index) -> tuple[int | None, str | None]:
    """(entity key, text) of where the predicate's event happened (module docstring)."""
    # 'arrested Smith in Chicago' hangs the place on the name
    rows = index.rows
    named = [c for c in children_where(pred.head, rows, _DOBJ) if c.pos_ in ("PROPN", "PRON")]
    for t in dict.fromkeys((pred.head, pred.word, *named)):
        for c in children_where(t, rows, _PLACE_DEPS):
            if c.dep_ == "prep" and c.lower_ in _LOCATIVE:
                g = next(iter(children_where(c, rows, _POBJ)), None)
                found = _place_of(g, c.lower_, index) if g is not None and g.i not in index.timex else None
                if found is not None:
                    return found
            if c.dep_ == "compound" and t.pos_ == "NOUN":  # 'the Chicago shooting'
                key = index.entity.get(c.i)
                if key is not None and index.etype.get(key) in _PLACE_TYPES:
                    return key, None
    return None, None


def _place_of(g: Token, prep: str, index: _Index) -> tuple[int | None, str | None] | None:
    """The place a prepositional object names: an entity in it (or in its 'of'-phrase: 'off the
    coast of Sumatra'), else a name, else a location or building noun as written."""
    chain, t = [g], g
    for _ in range(2):
        t = _of_phrase(t, "of")
        if t is None:
            break
        chain.append(t)
    for x in chain:
        for y in (x, *(c for c in x.children if c.dep_ == "compound")):
            key = index.entity.get(y.i)
            if key is None:
                continue
            kind = index.etype.get(key)
            if kind in _PLACE_TYPES or (kind == "ORG" and prep in _ORG_AS_PLACE):
                return key, None
    if prep == "on" or g.i in index.entity:
        return None
    tokens = index.tokens
    if g.pos_ == "PROPN" or (g.pos_ == "NOUN" and _is_place_noun(_lemma(g))):
        lo = min([g.i, *(c.i for c in g.children if c.dep_ in ("compound", "amod", "det", "poss", "nmod"))])
        a, b = tokens.char_bounds(lo, g.i + 1)
        return None, tokens.text[a:b]
    return None


class ClaimsComponent:
    """The ``storyline_claims`` pipeline component, with the domain packs it types predicates by."""

    def __init__(self, packs: Iterable[str] = ()):
        self.packs = tuple(packs)
        for name in self.packs:
            load_pack(name)  # an unknown or broken pack fails when the pipeline is built

    def __call__(self, doc: Doc) -> Doc:
        return claims_component(doc, self.packs)


@Language.factory(
    "storyline_claims",
    default_config={"packs": []},
    requires=["doc._.sl_attributions", "doc._.sl_entities", "doc._.sl_timexes", "token.tag", "token.lemma", "token.dep",
              "token.head", "doc.sents"],
    assigns=["doc._.sl_claims", "doc.spans"],
)
def make_claims_component(nlp: Language, name: str, packs: list[str]) -> ClaimsComponent:
    """``nlp.add_pipe("storyline_claims", config={"packs": ["celebrity"]})``."""
    return ClaimsComponent(packs)


def claims_component(doc: Doc, packs: Iterable[str] = ()) -> Doc:
    """Set ``doc._.sl_claims`` and the ``sl_claims`` span group (label = predicate class, else "claim")."""
    ensure_extensions()
    assessed, rows = take_handoff(doc)
    claims = find_claims(doc, assessed, packs, rows)
    doc._.sl_claims = claims
    group = []
    for c in claims:
        span = char_span(doc, c.start, c.end, c.predicate_class or "claim")
        if span is not None:
            group.append(span)
    doc.spans["sl_claims"] = group
    return doc
