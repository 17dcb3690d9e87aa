"""People named in an article: full names, the short forms they license, and every occurrence.

A full name introduced once ("Benjamin Millepied") makes its surname, its given name and the given
name's short forms ("Ben") names of the same person wherever they occur, whatever the tagger
said. Matching is on the text (case-sensitive), so a surname tagged as a verb or as NORP is found
like any other.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from spacy.attrs import ENT_TYPE, POS
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.symbols import PROPN
from spacy.tokens import Doc

from storyline.core import words
from storyline.core.blends import blends
from storyline.read.doc import DocIndex
from storyline.read.entities.epithets import role_noun
from storyline.read.entities.headlines import (
    caps_line_tokens,
    common_word,
    inflected_verb,
    institution_word,
    natural_place_word,
    title_case_tokens,
    trim_name,
)
from storyline.read.entities.lexicon import HONORIFICS, NAME_SUFFIXES, Lexicon, respelt
from storyline.read.entities.places import PLACE, destination_names, name_context
from storyline.read.entities.spans import is_cap, tagger_entities, trim_possessive

__all__ = ["Person", "body_tokens", "collect_people", "match_people", "person_established"]

_NOT_NAMES = frozenset({"Us", "We", "I", "He", "She", "They", "It", "God", "Instagram", "Twitter", "TikTok", "Mom", "Dad"})
_DETS = frozenset({"the", "a", "an", "The", "A", "An"})
# Spans the tagger typed as a place/organisation/product that may be a person after all.
_OTHER_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "NORP", "EVENT"})
# Role nouns that are as often things as people ("next model Falcon", "star Wars"): no cue.
_WEAK_ROLE_CUES = frozenset({"model", "star", "host", "icon", "legend", "veteran", "winner", "nominee", "creator", "heir",
                             "personality", "beauty", "blonde", "brunette", "hunk", "giant", "player", "designer"})
_AGE_END = frozenset({",", ".", ";", ")", "and", "or"})
_GENDERED_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "himself", "herself"})
_CLAUSE_PRONOUNS = _GENDERED_PRONOUNS | {"it", "its", "they", "their", "them", "itself"}
_SUBJECT_PRONOUNS = frozenset({"he", "she", "himself", "herself"})
_PLACE_OR_ORG = frozenset({"ORG", "GPE", "LOC", "FAC"})


@dataclass
class Person:
    """A person candidate before output: the name tokens it was introduced with."""

    words: tuple[str, ...]  # the fullest name, e.g. ("Benjamin", "Millepied")
    gender: str | None = None
    relation: str | None = None  # kin noun that introduced them ("son")
    forms: set[tuple[str, ...]] = field(default_factory=set)  # token-text sequences naming them
    spellings: set[str] = field(default_factory=set)  # the given name written another way ("Bettie")
    # (given name, sentence start) of each time it was introduced: two spellings met in one
    # sentence ("Toni and Tony Morrison") are two people, not one name written two ways.
    met: set[tuple[str, int]] = field(default_factory=set)

    @property
    def given(self) -> str:
        return self.words[0]

    @property
    def surname(self) -> str | None:
        words = [w for w in self.words if w not in NAME_SUFFIXES]
        return words[-1] if len(words) > 1 else None


def _given_names(lex: Lexicon, word: str) -> frozenset[str]:
    return lex.nick_groups.get(word, frozenset({word}))


def _same_person(a: Person, b: Person, lex: Lexicon) -> bool:
    if a.surname != b.surname:
        return False
    if a.given == b.given or b.given in _given_names(lex, a.given):
        return True
    genders = {lex.gender_of_name.get(a.given), lex.gender_of_name.get(b.given)} - {None}
    return len(genders) < 2 and not lex.two_names(a.given, b.given) and respelt(a.given, b.given)


def _respelt_beside(p: Person, given: str, sentence: int, lex: Lexicon) -> bool:
    """Whether ``given`` would join ``p`` only as a respelling (:func:`~storyline.read.entities.lexicon.respelt`) while another of
    ``p``'s spellings was introduced in the same sentence: then they are two people."""
    if given == p.given or given in _given_names(lex, p.given):
        return False
    return any(g != given and at == sentence for g, at in p.met)


def _name_tokens(doc: Doc, texts: list[str], s: int, e: int) -> tuple[int, int]:
    s, e = trim_possessive(doc, s, e)
    while s < e and (texts[s] in _DETS or texts[s] in HONORIFICS):
        s += 1
    return s, e


def _kin_intros(idx: DocIndex, lex: Lexicon, claimed: list[int]) -> list[tuple[int, int, str | None, str]]:
    """Names introduced by a kin noun: "son Aleph, 12, and daughter Amalia", "kids Aleph and Amalia"."""
    out = []
    texts, lowers, punct, num = idx.texts, idx.lowers, idx.punct, idx.num
    n = len(texts)
    for i, kin in enumerate(lowers):
        if kin not in lex.kin or is_cap(texts[i]):
            continue
        j = i + 1
        if j < n and texts[j] == ",":
            j += 1
        while j < n:
            k = j
            while k < n and is_cap(texts[k]) and not punct[k] and k - j < 3 and claimed[k] < 0:
                k += 1
            if k == j or texts[j] in _NOT_NAMES or lowers[j] in lex.kin:
                break
            out.append((j, k, lex.kin[kin], kin))
            # Continue over ", 12, and Y" / " and Y" / ", Y" for plural kin nouns.
            m = k
            if m + 1 < n and texts[m] == "," and num[m + 1]:
                m += 2
            if m < n and texts[m] == ",":
                m += 1
            if m < n and lowers[m] in {"and", "&"}:
                m += 1
            if m == k or kin not in {"kids", "children", "sons", "daughters", "twins"}:
                break
            j = m
    return out


def _label_votes(doc: Doc) -> dict[tuple[str, bool], int]:
    """How often each one-word entity text is tagged PERSON (True) or another name type (False)."""
    votes: dict[tuple[str, bool], int] = {}
    for ent in tagger_entities(doc):
        if ent.end - ent.start == 1 and ent.label_ in {"PERSON", "ORG", "PRODUCT", "GPE", "LOC", "FAC", "WORK_OF_ART", "EVENT"}:
            k = (ent.text, ent.label_ == "PERSON")
            votes[k] = votes.get(k, 0) + 1
    return votes


def collect_people(
    doc: Doc, idx: DocIndex, lex: Lexicon, claimed: list[int], blocked: set[int],
    not_people: dict[tuple[int, int], str] | None = None, works: set[tuple[str, ...]] = frozenset(),
) -> list[Person]:
    """Person candidates from NER PERSON spans, given-name + capitalised runs, and kin intros.

    Spans found to name no person go to ``not_people`` with the type they name instead: "ORG" for
    a place or a body ("Betty Ford Center"; no person's name is matched inside it), "OTHER" for
    a name the tagger called a person that is a word of English ("Mac", "Beatles"; the entities
    component types it as the tagger does elsewhere), "GPE"/"OTHER" for a name whose phrase says
    it is a place or a thing (:func:`~storyline.read.entities.places.name_context`: "the village of
    Gavarzin", "Body Dope, a brand of ..."); such a name is a person only where another of its
    occurrences says so. A title ``works`` found ("the film Black Swan") introduces no one, though it
    may be a form of someone's name ("Bettie Page", a book, in an article on Bettie Mae Page).
    """
    people: list[Person] = []
    not_people = {} if not_people is None else not_people
    named_places: set[tuple[str, ...]] = set()  # "Betty Ford Center": its leading words name it too

    def trimmed(s: int, e: int, tagged: bool = False) -> tuple[int, int] | None:
        span = trim_name(idx, lex, s, e)
        if span is None and e - s >= 2 and institution_word(texts[e - 1]):
            not_people[(s, e)] = "ORG"
            named_places.update(tuple(texts[s:k]) for k in range(s + 1, e))
        elif span is None and tagged:
            not_people[(s, e)] = "OTHER"
        return span

    def add(words: tuple[str, ...], at: int, gender: str | None = None, relation: str | None = None) -> None:
        if not words or any(w in _NOT_NAMES for w in words) or words in works:
            return
        sentence = doc[at].sent.start
        cand = Person(words, gender, relation, met={(words[0], sentence)})
        for p in people:
            if p.words == words or (len(words) > 1 and len(p.words) > 1 and _same_person(p, cand, lex)
                                    and not _respelt_beside(p, words[0], sentence, lex)):
                p.met.add((words[0], sentence))
                if words[0] != p.words[0]:
                    p.spellings.add(p.words[0] if len(words) > len(p.words) else words[0])
                if len(words) > len(p.words):
                    p.words = words
                p.gender = p.gender or gender
                p.relation = p.relation or relation
                return
        people.append(cand)

    def usable(s: int, e: int) -> bool:
        return e > s and all(claimed[k] < 0 and k not in blocked for k in range(s, e))

    def no_person(s: int, e: int) -> bool:
        """The phrase around [s, e) says it names a place or a thing: recorded, never a person here."""
        kind = name_context(doc, s, e, lex.roles)
        if kind is None and " ".join(texts[s:e]) in destinations:
            kind = PLACE
        if kind is not None:
            not_people[(s, e)] = kind
        return kind is not None

    texts, punct = idx.texts, idx.punct
    votes = _label_votes(doc)
    places = _place_names(doc)
    destinations = destination_names(doc, lex.gender_of_name)
    # Names read from a Title Case line wait until the rest of the article confirms them.
    headline = title_case_tokens(idx)
    pending: list[tuple[int, int]] = []
    # Names the tagger reads in a line in capitals ("CLINTON SIGNS BILL" as one name) are first
    # read against the names the body writes.
    shouted: list[tuple[int, int]] = []
    caps = caps_line_tokens(idx)
    for ent in tagger_entities(doc):
        if ent.label_ != "PERSON":
            continue
        s, e = _name_tokens(doc, texts, ent.start, ent.end)
        if not usable(s, e) or not all(is_cap(texts[k]) or texts[k] in {"-", "."} for k in range(s, e)):
            continue
        if e - s == 1 and idx.common_word_at_start(s):
            continue
        if e - s == 1 and votes.get((texts[s], False), 0) > votes.get((texts[s], True), 0):
            continue  # "Mac", "Tiger": tagged a product or place more often than a person
        if _natural_place(idx, lex, s, e, places):
            not_people[(s, e)] = "LOC"
            continue
        if s in headline:
            pending.append((s, e))
            continue
        if s in caps:
            shouted.append((s, e))
            continue
        if no_person(s, e):
            continue
        span = trimmed(s, e, tagged=True)
        if span is not None:
            add(tuple(texts[span[0] : span[1]]), span[0])
    # A known given name followed by capitalised words the tagger left out ("Camille Étienne").
    n = len(texts)
    given = [k for k, t in enumerate(texts) if t in lex.gender_of_name or t in lex.nick_groups]
    after = 0  # a run read ends here: a given name inside it starts none
    for i in given:
        if i < after:
            continue
        j = i + 1
        while j < n and j - i < 4 and is_cap(texts[j]) and len(texts[j]) > 1 and not punct[j] and claimed[j] < 0:
            j += 1
        if j - i >= 2 and usable(i, j) and not idx.common_word_at_start(i) and not no_person(i, j):
            if i in headline:
                pending.append((i, j))
            else:
                span = trimmed(i, j)
                if span is not None and span[1] - span[0] >= 2:
                    add(tuple(texts[span[0] : span[1]]), span[0])
            after = j
    for s, e, gender, kin in _kin_intros(idx, lex, claimed):
        if usable(s, e) and s not in headline:
            add(tuple(texts[s:e]), s, gender, kin)
    for s, e in person_established(doc, idx, lex, claimed, blocked):
        if no_person(s, e):
            continue
        if s in headline:
            pending.append((s, e))
        # A lone surname or given name of someone already known is matched as their form.
        elif e - s > 1 or not any(texts[s] in p.words for p in people):
            add(tuple(texts[s:e]), s)
    for s, e in shouted:
        span = None if no_person(s, e) else trimmed(s, e, tagged=True)
        if span is not None and not _confirm(people, tuple(texts[span[0] : span[1]]), lex):
            add(tuple(texts[span[0] : span[1]]), span[0])
    for s, e in pending:
        if _confirm(people, tuple(texts[s:e]), lex):
            continue
        # A headline name the body never writes out ("Lindsay Lohan Checks Into Rehab" above "the
        # 26-year-old actress"): two words once the line's other words are cut off, neither a word
        # of English nor written in lower case in the article ("Obama Reverses" is no name).
        span = trim_name(idx, lex, s, e)
        if span is not None and span[1] - span[0] == 2 and not any(
                common_word(texts[k]) or idx.lowers[k] in idx.lower_words for k in range(*span)) \
                and not no_person(*span):
            add(tuple(texts[span[0] : span[1]]), span[0])
    _fuller_names(doc, idx, lex, people, claimed, blocked)
    # "at Betty Ford" in an article about the Betty Ford Center: the place, by its short name.
    people[:] = [p for p in people if p.words not in named_places or p.relation]
    for p in people:
        p.forms = _forms(p, lex)
        if p.gender is None:
            p.gender = lex.gender_of_name.get(p.given)
    return people


def _confirm(people: list[Person], words: tuple[str, ...], lex: Lexicon) -> bool:
    """A name read from a headline, kept as far as the article confirms it.

    Its longest prefix that is a name of someone found elsewhere stays theirs ("Lindsay Lohan
    Checks" -> Lindsay Lohan); a prefix ending in the surname of someone the body names by that
    word alone makes their name fuller ("Lohan" in the body, "Lindsay Lohan Checks Out" above),
    unless an inflected verb stands before the surname: "Obama Reverses Bush" puts the headline's
    deed between two people, and "Flips Bush" is no fuller name of Bush, while a first word of
    English is often a given name the table lacks ("Mitt Romney", "Magic Johnson").
    """
    shouted = all(w.isupper() for w in words)  # a line in capitals: its words against the forms' capitals
    for j in range(len(words), 0, -1):
        prefix = words[:j]
        for p in people:
            forms = _forms(p, lex)
            if prefix in forms or (shouted and prefix in {tuple(w.upper() for w in f) for f in forms}):
                return True
        if j >= 2 and not shouted and not any(inflected_verb(lex, w) for w in prefix[:-1]):
            single = [p for p in people if p.words == (prefix[-1],)]
            if len(single) == 1:
                single[0].words = prefix
                return True
    return False


def _fuller_names(doc: Doc, idx: DocIndex, lex: Lexicon, people: list[Person], claimed: list[int], blocked: set[int]) -> None:
    """A name the tagger typed as something else that ends with a known person's name and
    introduces it ("Bettie Page, the pin-up ..." tagged ORG, then "Ms Page" tagged PERSON; "Bettie
    Mae Page" where "Mae Page" was read from the given name "Mae"), or starts with the one given
    name they were known by ("Bettie"), is that person's full name.

    Only when the longer name comes first in the article (a full name introduces; "Dina Page"
    first met after "Ms Page" may be a relative), is the only longer name ending so, and its other
    words are no word of English nor written in lower case in the article."""
    texts = idx.texts
    first: dict[tuple[str, ...], int] = {}  # each person's name: the first token it is written at
    starting: dict[str, list[tuple[str, ...]]] = defaultdict(list)  # names by first word: one look per token
    for p in people:
        if p.words:
            starting[p.words[0]].append(p.words)
        elif texts:
            first[()] = 0
    for k, word in enumerate(texts):
        for name in starting.get(word, ()):
            if name not in first and tuple(texts[k : k + len(name)]) == name:
                first[name] = k
    longer: dict[int, set[tuple[str, ...]]] = defaultdict(set)
    places = _place_names(doc)
    for ent in tagger_entities(doc):
        if ent.label_ not in _OTHER_LABELS:
            continue
        s, e = trim_possessive(doc, ent.start, ent.end)
        s += texts[s] in _DETS and e - s > 1
        if not _name_shaped(idx, lex, s, e, places) or any(claimed[k] >= 0 or k in blocked for k in range(s, e)):
            continue
        span = trim_name(idx, lex, s, e)  # "American Hasim Rahman": a kind of person before the name
        if span is None:
            continue
        s, e = span
        words = tuple(texts[s:e])
        for who, p in enumerate(people):
            n = len(p.words)
            if len(words) <= n or first.get(p.words, -1) < s:
                continue
            # Its surname ends the longer name, or a given name alone ("Bettie") starts it.
            if words[-n:] == p.words:
                rest = words[:-n]
            elif n == 1 and words[0] == p.words[0]:
                rest = words[1:]
            else:
                continue
            if any(common_word(w) or w.lower() in idx.lower_words or w in HONORIFICS for w in rest):
                continue
            longer[who].add(words)
    taken = {p.words for p in people}
    for who, names in longer.items():
        if len(names) == 1 and next(iter(names)) not in taken:
            people[who].words = next(iter(names))


def _kind_before_name(idx: DocIndex, lex: Lexicon, s: int, e: int) -> bool:
    """A kind of person opening a three-word span the tagger typed something else ("American Hasim
    Rahman", "stopping American Hasim Rahman"): the rest is that person's name when none of its
    words is a word of English or written in lower case in the article. Whether that name is a
    person is for :func:`person_established` to say."""
    texts = idx.texts
    return e - s == 3 and texts[s] not in lex.gender_of_name and words.is_person_noun(idx.lowers[s]) and not any(
        common_word(w) or w.lower() in idx.lower_words for w in texts[s + 1 : e])


def _place_names(doc: Doc) -> frozenset[str]:
    """Texts the tagger types a place somewhere in the article."""
    return frozenset(ent.text for ent in tagger_entities(doc) if ent.label_ in {"GPE", "LOC", "FAC"})


def _natural_place(idx: DocIndex, lex: Lexicon, s: int, e: int, places: frozenset[str]) -> bool:
    """A name with a noun of a natural place before its last word that the tagger types a place
    somewhere in the article ("at Aoraki Mount Cook" under "Climber dead after Aoraki Mount Cook
    fall", tagged PERSON there): the place, not a person."""
    texts = idx.texts
    # The set first: WordNet is asked only for a name typed a place (none, where ``places`` is empty)
    return (" ".join(texts[s:e]) in places or idx.text[idx.tok_starts[s] : idx.tok_starts[e - 1] + len(texts[e - 1])] in places) \
        and any(natural_place_word(lex, texts[k]) for k in range(s, e - 1))


def _name_shaped(idx: DocIndex, lex: Lexicon, s: int, e: int, places: frozenset[str]) -> bool:
    """1-3 capitalised alphabetic words, no acronym, no noun of a place or body ("Theater"), no
    natural place's name (:func:`_natural_place`)."""
    if not 0 < e - s <= 3 or idx.common_word_at_start(s) or _natural_place(idx, lex, s, e, places):
        return False
    for k in range(s, e):
        t = idx.texts[k]
        if not is_cap(t) or t.isupper() or institution_word(t) or t in _NOT_NAMES or t in HONORIFICS:
            return False
        if not t.replace("-", "").replace("’", "").replace("'", "").isalpha():
            return False
    return True


def _local_cue(doc: Doc, idx: DocIndex, lex: Lexicon, s: int, e: int, person_words: set[str]) -> bool:
    """Whether the words around the name [s, e) say it names a person.

    An honorific ("Ms. Varga"), a role or kin noun before it ("choreographer Lindqvist", "son
    Felix", "their daughter, Ines"), an age or role apposition after it ("Varga, 42,", "X, an
    actress,"), or a gendered pronoun later in the clause it is the
    subject of, with no other capitalised name in between ("Lindqvist said he ..."), or a
    coordination with a name tagged PERSON ("Varga and Lindqvist").
    """
    texts, lowers, num = idx.texts, idx.lowers, idx.num
    n = len(texts)
    before = lowers[s - 1] if s > 0 else ""
    # "the tabloid Glitter", "her new single, Undertow,": the noun before says what it is.
    near = {before, lowers[s - 2] if s > 1 and texts[s - 1] == "," else ""}
    if near & (lex.org_nouns | lex.work_nouns):
        return False
    role_before = (before in lex.roles and before not in _WEAK_ROLE_CUES) or before in lex.kin
    if s > 0 and (texts[s - 1] in HONORIFICS or (role_before and not is_cap(texts[s - 1]))):
        return True
    if s > 1 and texts[s - 1] == "," and lowers[s - 2] in lex.kin and not is_cap(texts[s - 2]):
        return True
    if e + 1 < n and texts[e] == ",":
        nxt = texts[e + 1]
        if num[e + 1] and nxt.isdigit() and 0 < int(nxt) < 120 and (e + 2 >= n or lowers[e + 2] in _AGE_END):
            return True
    if (e + 1 < n and lowers[e] == "and" and texts[e + 1] in person_words) or (
        s > 1 and lowers[s - 1] == "and" and texts[s - 2] in person_words
    ):
        return True
    if e + 1 < n and texts[e] == ",":
        if lowers[e + 1] in {"a", "an", "the"}:
            for k in range(e + 2, min(n, e + 8)):
                # "X, the 1950s pinup model who ...": a noun for a kind of person closes the apposition.
                if (lowers[k] in lex.roles or role_noun(lex, doc[k])) and (
                    k + 1 >= n or texts[k + 1] in {",", ".", ";", "—"} or lowers[k + 1] in {"who", "whose"}
                ):
                    return True
                if idx.punct[k]:
                    break
    return _pronoun_agrees(doc, idx, s, e)


def _pronoun_agrees(doc: Doc, idx: DocIndex, s: int, e: int) -> bool:
    """The name is a subject and the next pronoun of its sentence is he/she (or -self).

    The scan stops at a complement clause ("X reported that he ..."), where the pronoun may be
    anyone, and at another capitalised word that is not part of a place or organisation name.
    """
    if doc[e - 1].dep_ not in {"nsubj", "nsubjpass"}:
        return False
    # The clause after the name, or the start of the next sentence ("X filed. Days later, she").
    sid = idx.sent_of[s]
    end = idx.sent_bounds[sid][1]
    if sid + 1 < len(idx.sent_bounds):
        end = min(idx.sent_bounds[sid + 1][1], idx.sent_bounds[sid + 1][0] + 5)
    for k in range(e, min(end, e + 25)):
        low = idx.lowers[k]
        if low in _CLAUSE_PRONOUNS:
            return low in _SUBJECT_PRONOUNS
        if low in {"that", "whether", "if", "“", '"'}:
            return False
        if is_cap(idx.texts[k]) and not idx.initial[k] and doc[k].ent_type_ not in _PLACE_OR_ORG:
            return False
    return False


def person_established(doc: Doc, idx: DocIndex, lex: Lexicon, claimed: list[int], blocked: set[int]) -> list[tuple[int, int]]:
    """Token spans the tagger typed ORG/GPE/... that the article establishes as a person's name.

    A name counts as a person's when one of its occurrences (the full name or its last word) has
    a person cue (see :func:`_local_cue`), or, for a two- or three-word name, when it or its last
    word is tagged PERSON more often than not elsewhere in the article. Every candidate span
    sharing a promoted name's last word is returned. (A known given name followed by a surname
    is already a person through :func:`collect_people`.)
    """
    texts = idx.texts
    votes: dict[tuple[str, bool], int] = {}
    person_spans: list[tuple[str, ...]] = []
    cands: list[tuple[int, int]] = []
    kinds: set[tuple[int, int]] = set()  # names after a kind of person ("American Hasim Rahman")
    places = _place_names(doc)
    for ent in tagger_entities(doc):
        s, e = trim_possessive(doc, ent.start, ent.end)
        if e <= s:
            continue
        words = tuple(texts[s:e])
        is_person = ent.label_ == "PERSON"
        for key in {" ".join(words), words[-1]}:
            votes[(key, is_person)] = votes.get((key, is_person), 0) + 1
        if is_person:
            person_spans.append(words)
            continue
        if ent.label_ not in _OTHER_LABELS or not _name_shaped(idx, lex, s, e, places):
            continue
        if any(claimed[k] >= 0 or k in blocked for k in range(s, e)):
            continue
        if _kind_before_name(idx, lex, s, e):
            # "American Hasim Rahman" is a person on sight only after a known given name; "Korean
            # Hyundai Mobis" is one only if the article makes "Mobis" a person elsewhere.
            if texts[s + 1] in lex.gender_of_name or texts[s + 1] in lex.nick_groups:
                kinds.add((s + 1, e))
            s += 1
        cands.append((s, e))
    # "Ford Falcon", "Airbus A330": a name whose first word is itself an organisation.
    cands = [(s, e) for s, e in cands if e - s == 1 or votes.get((texts[s], False), 0) <= votes.get((texts[s], True), 0)]
    untyped = _untagged_subjects(doc, idx, lex, claimed, blocked, places)  # nothing to outvote
    cands.extend(untyped)
    # Names the tagger calls PERSON more often than anything else ("Northrop Grumman" tagged
    # PERSON once and ORG three times is no evidence), and the words of such full names.
    person_words = {k for (k, p), c in votes.items() if p and c >= votes.get((k, False), 0)}
    # Coordination partners: words of a full name that starts with a known given name.
    partners = {
        w for words in person_spans
        if len(words) > 1 and " ".join(words) in person_words and (words[0] in lex.gender_of_name or words[0] in lex.nick_groups)
        for w in words
    }
    if not cands:
        return []
    established: set[str] = set()
    for s, e in cands:
        last = texts[e - 1]
        if last in established:
            continue
        multi = e - s > 1
        if (multi and (last in person_words or " ".join(texts[s:e]) in person_words)) or (s, e) in kinds \
                or _local_cue(doc, idx, lex, s, e, partners) or (_owner_shaped(idx, s, e, untyped) and _owns_object(doc, idx, s, e)):
            established.add(last)
    # The full name where the article has one: "Varga" alone is then one of its forms.
    full = {texts[e - 1] for s, e in cands if e - s > 1}
    return [(s, e) for s, e in cands if texts[e - 1] in established and (e - s > 1 or texts[s] not in full)]


def _untagged_subjects(doc: Doc, idx: DocIndex, lex: Lexicon, claimed: list[int], blocked: set[int],
                       places: frozenset[str]) -> list[tuple[int, int]]:
    """Runs of two or three capitalised proper nouns the tagger gave no type, the subject of their
    clause ("Wladimir Klitschko won his 16th straight fight"): candidates like a span typed ORG,
    a person only where a cue says so (:func:`person_established`). A run holding a word of
    English is a thing's or a body's name more often than anyone's ("Apple Pay failed when she
    tried", "Hurricane Sandy destroyed his restaurant"): none of it is a candidate."""
    out = []
    n, k = len(doc), 0
    # A proper noun with no entity type, per token, read from arrays: a Token per word costs more.
    untyped = [p == PROPN and not e for p, e in zip(*doc.to_array([POS, ENT_TYPE]).T.tolist())] if n else []
    while k < n:
        j = k
        while j < n and untyped[j] and j - k < 4:
            j += 1
        if j == k:
            k += 1
            continue
        if 2 <= j - k <= 3 and doc[j - 1].dep_ in {"nsubj", "nsubjpass"} and _name_shaped(idx, lex, k, j, places) \
                and all(claimed[x] < 0 and x not in blocked and not _english(lex, idx.texts[x]) for x in range(k, j)):
            out.append((k, j))
        k = j
    return out


def _english(lex: Lexicon, word: str) -> bool:
    """A word with a WordNet sense that is no named person ("Villa": a country house, though
    also Pancho Villa), unless it is a known given name."""
    low = word.lower()
    if word in lex.gender_of_name or word in lex.nick_groups:
        return False
    return any(not words.is_named_person(sid) for pos in ("n", "v") for sid in words.synsets(low, pos))


def _owner_shaped(idx: DocIndex, s: int, e: int, untyped: list[tuple[int, int]]) -> bool:
    """Names the his/her-object cue may make a person: an untyped run of no English word, or a
    lone surname the tagger typed otherwise that is no word of English ("Klitschko retained his
    title", tagged ORG). A typed name of two words is a body's far more often ("Goldman Sachs cut
    his bonus")."""
    return (s, e) in untyped or (e - s == 1 and not common_word(idx.texts[s]))


def _owns_object(doc: Doc, idx: DocIndex, s: int, e: int) -> bool:
    """The name [s, e) (see :func:`_owner_shaped`) is its clause's subject and the verb's object
    is its own, by a gendered possessive: "Klitschko won his 16th straight fight", "Okafor
    defended her title". The possessive is nearly always someone else's ("Aston Villa terminated
    his contract"), so it counts only when no one else could own it: no other person or singular
    kind of person before it in its clause ("46 knockouts" own nothing), nor as a subject in its
    sentence or the one before ("..., a Texas man said"); a person the deed is done to ("against
    Tony Thompson") owns nothing of the subject's deed."""
    subj = doc[e - 1]
    if subj.dep_ not in {"nsubj", "nsubjpass"} or subj.head.i == subj.i:
        return False
    verb = subj.head
    poss = [g.i for c in verb.children if c.dep_ == "dobj"
            for g in c.children if g.dep_ == "poss" and g.lower_ in {"his", "her"}]
    if not poss:
        return False
    sid = idx.sent_of[s]
    lo, hi = idx.sent_bounds[max(sid - 1, 0)][0], idx.sent_bounds[sid][1]
    name = set(idx.texts[s:e])
    return not any((doc[k].ent_type_ == "PERSON" or (doc[k].tag_ == "NN" and words.is_person_noun(doc[k].lower_)))
                   and (verb.left_edge.i <= k < poss[0] or doc[k].dep_ in {"nsubj", "nsubjpass"})
                   for k in range(lo, hi) if not s <= k < e and idx.texts[k] not in name)


def _forms(p: Person, lex: Lexicon) -> set[tuple[str, ...]]:
    forms = {p.words}
    given, surname = p.given, p.surname
    forms.add((given,))
    bare = tuple(w for w in p.words if w not in NAME_SUFFIXES)
    if bare != p.words and len(bare) > 1:
        # "Arcade Joseph Comeaux Jr." is also "Arcade Joseph Comeaux" and "... Comeaux Jr".
        forms.add(bare)
        forms.add(tuple(w.rstrip(".") if w in NAME_SUFFIXES else w for w in p.words))
        forms.add(tuple(w + "." if w in NAME_SUFFIXES and not w.endswith(".") and w[-1].islower() else w for w in p.words))
    if surname:
        forms.add((surname,))
        forms.add((given, surname))
        # Short forms only with a surname to anchor them: "Ben" alone is Benjamin Millepied only
        # when the article introduced him.
        for nick in _given_names(lex, given) | p.spellings:
            forms.add((nick,))
            forms.add((nick, surname))
        forms.update(_blends(given, surname))
    return {f for f in forms if f and all(f)}


def _blends(given: str, surname: str) -> set[tuple[str, ...]]:
    """One-word nicknames blended from the starts of the given name and the surname
    (:mod:`storyline.core.blends`): the tabloids' way of naming a star ("LiLo")."""
    return {(f,) for f in blends(given, surname)}


def body_tokens(doc: Doc, idx: DocIndex, people: list[Person]) -> set[int]:
    """Tokens of the multi-word names the tagger typed ORG in the body ("Ford Motor", "Wells
    Fargo"), but the last, and of one-word ones modifying a noun for what a company holds ("Ford
    shares", :func:`~storyline.core.words.is_company_holding`), where a
    person's surname is the body's word (see :func:`match_people`).

    Only a span of capitalised words, none in capitals: not one across punctuation or a line break
    ("People, Reid"), on a headline line ("Lohan Checks") or with a lower-case word or initials
    ("Locke and Salazar", "CC Sabathia"), where the ORG is the tagger misreading; nor one holding two words of one person's name
    ("Early Years Bettie Mae Page"), which names that person."""
    headline = title_case_tokens(idx) | caps_line_tokens(idx)
    names = [set(p.words) for p in people]
    out: set[int] = set()
    for ent in tagger_entities(doc):
        s, e = trim_possessive(doc, ent.start, ent.end)
        if ent.label_ != "ORG" or e - s < 2 or any(idx.punct[k] or k in headline for k in range(s, e)):
            continue
        # Capitalised words only, no initials: not "Locke and Salazar", "CC Sabathia", "Thompson in".
        if not all(is_cap(t) and not t.isupper() for t in idx.texts[s:e]):
            continue
        if any(len(w & set(idx.texts[s:e])) > 1 for w in names):
            continue
        # A body named after someone starts with the name ("Ford Motor", "Duke University"); a
        # name ending with the surname is the person's, however typed ("Vito Genovese").
        out.update(range(s, e - 1))
    # One word typed ORG modifying a noun for what a company holds ("Ford shares fell", "the Ford
    # plant"): the body's too. What a person has keeps the surname the person's ("Brandt lawyers
    # said", "the Ford administration", "the Ford years"), however the tagger typed it.
    for ent in tagger_entities(doc):
        if ent.label_ != "ORG" or ent.end - ent.start != 1 or ent.start in headline:
            continue
        t = doc[ent.start]
        if t.dep_ == "compound" and t.head.pos_ == "NOUN" and t.head.i > t.i and words.is_company_holding(t.head.lemma_ or t.head.text):
            out.add(t.i)
    return out


def _strip_possessive(text: str) -> str:
    for suffix in ("’s", "'s"):
        if text.endswith(suffix) and len(text) > 2:
            return text[:-2]
    return text


def _names_alone(idx: DocIndex, caps: set[int]) -> set[str]:
    """Capitalised words the article writes outside capital lines as a name by itself: no
    capitalised word after, and none before but a sentence's first ("Later Bill said", not
    "Bill Nelson" or "Senator Bill")."""
    texts, n = idx.texts, len(idx.texts)
    return {
        t for k, t in enumerate(texts)
        if k not in caps and is_cap(t) and not t.isupper()
        and not (k + 1 < n and is_cap(texts[k + 1]))
        and not (k > 0 and is_cap(texts[k - 1]) and not idx.initial[k - 1])
    }


def _opens_line(idx: DocIndex, i: int) -> bool:
    """Whether token ``i`` is the first word of its line."""
    k = i - 1
    while k >= 0 and idx.space[k]:
        k -= 1
    return k < 0 or "\n" in idx.text[idx.tok_starts[k] + len(idx.texts[k]) : idx.tok_starts[i]]


def _given_of_full(people: list[Person], owners: list[int], word: str) -> bool:
    """Whether ``word`` is the given name of a full name the article writes for every one of
    ``owners`` (not a surname, not a short form the article never writes)."""
    return all(people[c].surname and people[c].given == word for c in owners)


def match_people(
    idx: DocIndex, people: list[Person], claimed: list[int], blocked: set[int], bodies: set[int] = frozenset(),
) -> list[tuple[int, int, int]]:
    """Every occurrence of every person's forms: ``(start_char, end_char, person index)``, in order.

    ``bodies`` are tokens of multi-word names the tagger typed ORG (:func:`body_tokens`): a
    surname alone there is the body's word, not the person ("Gerald Ford" does not make "Ford
    Motor" his); a fuller form written there is still the person.

    Matching is on token texts, indexed by first token, so it is linear in the article length. A
    form shared by two people (two Bens, a shared surname) goes to the one the article names most
    often by a form they do not share (the family member it is about), then to the one mentioned
    most recently by such a form, else to the first introduced.
    """
    owners: dict[tuple[str, ...], list[int]] = {}
    for k, p in enumerate(people):
        for f in p.forms:
            owners.setdefault(f, []).append(k)
    # Blends are read as written only: in capitals "FBi" (Frank Bishop) is every "FBI", "THe"
    # (Thomas Henderson) every "THE".
    blends = {f for p in people if p.surname for f in _blends(p.given, p.surname)}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for f in sorted(owners, key=len, reverse=True):
        by_first.setdefault(f[0], []).append(f)
        # An ALL CAPS line ("WLADIMIR KLITSCHKO RETAINS BELTS") says nothing by its capitals: its
        # words are read against the names the article writes in mixed case.
        if f[0].upper() != f[0] and f not in blends:
            by_first.setdefault(f[0].upper(), []).append(f)
    texts, starts = idx.texts, idx.tok_starts
    n = len(texts)
    caps = caps_line_tokens(idx)
    # Words the article writes in capitals in mixed-case text: acronyms ("FBI", "NBA"), never a
    # name shouted in a headline.
    acronyms = {t for k, t in enumerate(texts) if k not in caps and len(t) > 1 and t.isalpha() and t.isupper()}
    alone = _names_alone(idx, caps)
    last_seen: dict[int, int] = {}
    # How often each person is named by a form no one else has ("Bettie Page" against "Jack Page").
    full: dict[int, int] = {}
    for i, text in enumerate(texts):
        for f in by_first.get(text, ()):
            if len(f) > 1 and len(owners[f]) == 1 and tuple(texts[i : i + len(f)]) == f:
                full[owners[f][0]] = full.get(owners[f][0], 0) + 1
                break
    out: list[tuple[int, int, int]] = []
    i = 0
    while i < n:
        text = texts[i]
        forms = by_first.get(text) or by_first.get(_strip_possessive(text))
        hit = None
        for f in forms or ():
            m = len(f)
            if i + m > n:
                continue
            words = texts[i : i + m]
            if text.isupper() and f[0] != text:
                # Only a line in capitals hides a name's case; one word alone must be no word the
                # article writes in lower case ("BILL" over "the bill"), no function word ("WILL",
                # "SHE") and no acronym of the article. A word of English is a name there only
                # when the body calls the person by it alone ("BENJAMIN" is Regina Benjamin over
                # "Benjamin said"; "SENATE PASSES BILL" no one's over a body writing only "Bill
                # Nelson"), or when it opens the line, a headline's subject, as the given name of
                # a full name in the body ("BILL PRAISES HILLARY" over "Bill Clinton").
                if i not in caps or not all(w.isupper() for w in words):
                    continue
                low = text.lower()
                if m == 1 and (low in idx.lower_words or low in STOP_WORDS or text in acronyms
                               or (f[0] not in alone and common_word(text)
                                   and not (_opens_line(idx, i) and _given_of_full(people, owners[f], f[0])))):
                    continue
                words = [w.upper() if w == w.upper() else w for w in words]
                f_words = [w.upper() for w in f]
                words[-1] = words[-1] if words[-1] == f_words[-1] else _strip_possessive(words[-1].replace("'S", "'s").replace("’S", "’s"))
                if words == f_words:
                    hit = f
                    break
                continue
            words[-1] = words[-1] if words[-1] == f[-1] else _strip_possessive(words[-1])
            if tuple(words) == f:
                hit = f
                break
        if hit is None:
            i += 1
            continue
        ts, te = i, i + len(hit)
        nxt = texts[te] if te < n else ""
        ok = not any(claimed[k] >= 0 or k in blocked for k in range(ts, te))
        # "Quinn-Smith", "Quinnville": the form must not be glued to a longer word.
        ok = ok and not (nxt in {"-"} and not idx.space_after[te - 1])
        if ok and te - ts == 1 and idx.common_word_at_start(ts):
            ok = False
        if ok and ts in bodies and all(people[c].surname == hit[0] or people[c].words == hit for c in owners[hit]):
            ok = False  # a surname alone; a given name ("Peyton" of Peyton Manning) is read as before
        if ok:
            cands = owners[hit]
            if len(cands) == 1:
                who = cands[0]
                last_seen[who] = ts
            else:
                # The one the article is about: the most often fully named, then the latest seen.
                best = max((full.get(c, 0), last_seen.get(c, -1), -c) for c in cands)
                who = -best[2]
            s = starts[ts]
            e = starts[te - 1] + len(hit[-1])
            # "Ms. Quinn": the honorific belongs to the name.
            if ts > 0 and texts[ts - 1] in HONORIFICS and claimed[ts - 1] < 0:
                s = starts[ts - 1]
            out.append((s, e, who))
        i = te
    return out
