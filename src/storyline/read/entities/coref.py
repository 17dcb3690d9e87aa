"""``storyline_coref``: epithets, pronouns and pairs resolved to the entities of ``storyline_entities``.

What the article itself establishes decides, in this order:

- roles given by apposition or premodifier ("Julien Dufresne, a choreographer,", "climate activist
  X") make "the choreographer" that person; the apposition NP is a nominal mention too;
- an epithet holding a work ("the Red Lantern actress") goes to the person already known for it;
  "the 42-year-old" to the person whose age is 42;
- a co-argument is never its own epithet: in "Quinn, who married the choreographer", the
  choreographer is not Quinn (and the two become a couple for later "the pair");
- roles that often denote unnamed people ("the judge", "the spokesman", ``established_only`` in
  roles.json) stop here;
- otherwise salience: recent mentions weigh more, subjects more than objects, and the candidate
  must agree in gender (role nouns, pronouns, given names) with the epithet;
- an epithet no one the article names can take, a holder introduced by "a"/"an" ("A Georgia
  judge") and a capitalised kind of person in a Title Case headline ("Teen Arrested") are an
  unnamed PERSON of that role, one per role, whom the cast may bind to a person other articles name.

Plural kinds of people ("pirates", "Four men") and police forces ("police": WordNet force.n.04 and
below) are one unnamed GROUP per kind in the article.

A possessed role noun ("her publicist", "his mother", "Lohan's attorney") is the one person the
article gives that role or relation ("publicist Jack Ketsoyan", "his mother, Alice McMeekin"),
never the possessor, else an unnamed holder; a spouse or partner noun ("his wife": WordNet's
domestic partners and lovers) is the other member of the possessor's couple once the whole
article is read, and nothing when the article names no couple. After a pronoun the phrase
includes it ("his mother"), which stays a mention of its own.

Pronouns are resolved only when the evidence is clear. First the syntax: a subject pronoun of a
reported or adverbial clause is the subject of the clause it hangs on ("White said he was
blindsided", "Raite died when he slipped"), a singular possessive is its own clause's subject
("Obama announces his nomination"), when that subject comes first, is a person and is not of the
other gender (an unknown gender is set); but not when the clause's object could as well be meant
("Tom Brown told Peter Jones he had won": unresolved), nor for an unnamed subject of unknown gender
while a named person of the pronoun's gender is in sight ("The judge sentenced his killer"). Else
salience, where a direct or indirect object pronoun is never its own clause's subject ("a driver
struck her"; "took the bag with him" may be): the best gender-matching candidate of the last three
sentences is well ahead of any other, and no person of unknown gender outranks it; or, when no one
of the pronoun's gender is in sight, a person of unknown gender is far ahead of everyone else
there, or is the only one there and close by (the pronoun then sets the gender). "the company", "the magazine" go to the most salient organisation
or outlet.
"who" opening a relative clause on a person's mention is that person.
"they/their" in reported speech is the group that speaks ("The officers said they found a gun");
else it goes to the nearest group (a pair or unnamed people of a kind: "captured 23 pirates as
they tried to board") or coordinated pair mentioned in this or the previous sentence, with no
plural noun in between. "the pair", "the couple", "the estranged spouses" make a GROUP entity whose
``attributes["members"]`` are the two person keys.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from storyline.core import words
from storyline.read.doc import (
    NOMINAL_COPULAS,
    DocIndex,
    EntityAnn,
    MentionAnn,
    ensure_extensions,
)
from storyline.read.entities.ages import add_nominal_ages, annotate_mention_quantities
from storyline.read.entities.component import write_mentions
from storyline.read.entities.epithets import (
    Anaphor,
    find_anaphors,
    find_pairs,
    find_roles,
    grammatical_weight,
    predicate_roles,
)
from storyline.read.entities.headlines import title_case_tokens
from storyline.read.entities.lexicon import Lexicon, lexicon

__all__ = ["resolve_coreference", "coref_component"]

_log = logging.getLogger(__name__)
_CHILD = frozenset({"son", "daughter", "sons", "daughters", "kids", "children", "child", "twins", "baby", "stepson",
                    "stepdaughter", "grandson", "granddaughter", "girl", "boy", "niece", "nephew"})
_COUPLE_VERBS = frozenset({"marry", "wed", "date", "divorce", "leave", "meet", "romance"})
_EPITHET_WINDOW = 8  # sentences an epithet may reach back
_PRONOUN_WINDOW = 2
_LEAD = 2.0  # how far ahead of everyone else a person of unknown gender must be for a pronoun
_EMBEDDED = frozenset({"ccomp", "advcl"})
_OPEN = -1  # _clause_antecedent: the syntax allows two people, so the pronoun stays unresolved
_REPORTED = frozenset({"ccomp"})  # clauses whose subject "they" looks up to the governing subject
_DECAY = 0.5
_RELATIVE = frozenset({"who", "whom", "whose"})


@dataclass
class _Event:
    tok: int
    sent: int
    key: int
    weight: float


class _State:
    """Entities being extended, the salience history, and the token -> entity map."""

    def __init__(self, doc: Doc, ents: list[EntityAnn]) -> None:
        self.doc = doc
        self.idx = DocIndex.build(doc)
        self.ents = {e.key: e for e in ents}
        self.order = list(ents)
        self.next_key = max((e.key for e in ents), default=-1) + 1
        self.covered = [-1] * len(doc)
        self.history: list[_Event] = []
        self.groups: dict[frozenset[int], int] = {}
        self.couples: list[tuple[int, int, int]] = []  # (sent, a, b): pairs the text links
        self.unnamed_roles: dict[str, int] = {}  # role -> entity of its unnamed holder
        for e in ents:
            if e.type == "GROUP" and len(e.attributes.get("members", [])) == 2:
                self.groups[frozenset(e.attributes["members"])] = e.key
            for m in e.mentions:
                ts, te = self.idx.tokens_for(m.start, m.end)
                for k in range(ts, te):
                    if self.covered[k] < 0:
                        self.covered[k] = e.key

    def person(self, key: int) -> bool:
        return key in self.ents and self.ents[key].type == "PERSON"

    def named(self, key: int) -> bool:
        """Not an unnamed role holder ("the suspect"): only its own role noun refers to it."""
        return not self.ents[key].attributes.get("unnamed")

    def adult(self, key: int) -> bool:
        return self.person(key) and self.ents[key].attributes.get("relation") not in _CHILD

    def add_mention(self, key: int, s: int, e: int, kind: str) -> None:
        ent = self.ents[key]
        starts, texts = self.idx.tok_starts, self.idx.texts
        start, end = starts[s], starts[e - 1] + len(texts[e - 1])
        if any(m.start == start and m.end == end for m in ent.mentions):
            return
        text = self.idx.text[start:end]
        ent.mentions.append(MentionAnn(start, end, text, kind))
        if kind == "nominal" and text != ent.name and text not in ent.aliases:
            ent.aliases.append(text)
        for k in range(s, e):
            if self.covered[k] < 0:
                self.covered[k] = key
        self.history.append(_Event(e - 1, self.idx.sent_of[e - 1], key, grammatical_weight(self.doc[e - 1])))

    def scores(self, tok: int, window: int, exclude: set[int]) -> dict[int, float]:
        """Salience of each entity at ``tok``: decayed sum of its recent mention weights."""
        sent = self.idx.sent_of[tok]
        out: dict[int, float] = {}
        for ev in reversed(self.history):
            if ev.tok >= tok:
                continue
            dist = sent - ev.sent
            if dist > window:
                break
            gain = ev.weight * (_DECAY**dist)
            ent = self.ents[ev.key]
            # "The pair went on to ..." keeps both members salient.
            for key in (ev.key, *(ent.attributes.get("members", ()) if ent.type == "GROUP" else ())):
                if key not in exclude:
                    out[key] = out.get(key, 0.0) + gain
        return out

    def unnamed(self, role: str, gender: str | None, plural: str | None = None) -> int:
        """The PERSON entity of an unnamed holder of ``role`` ("the suspect"), one per role; with
        ``plural`` (its name, "the pirates"), the GROUP of unnamed people of that kind, one per kind."""
        slot = ("+" if plural else "") + role
        key = self.unnamed_roles.get(slot)
        if key is None:
            attrs = {"roles": [role], "unnamed": True}
            if plural:
                attrs["members"] = []
            name = plural or f"the {role}"
            ent = EntityAnn(self.next_key, name, "GROUP" if plural else "PERSON", [], [], gender, [], attrs)
            self.next_key += 1
            self.ents[ent.key] = ent
            self.order.append(ent)
            self.unnamed_roles[slot] = key = ent.key
        return key

    def group(self, a: int, b: int) -> int:
        members = frozenset({a, b})
        if members not in self.groups:
            ea, eb = self.ents[a], self.ents[b]
            ent = EntityAnn(self.next_key, f"{ea.name} and {eb.name}", "GROUP", [], [], "plural", [],
                            {"members": sorted(members)})
            self.next_key += 1
            self.ents[ent.key] = ent
            self.order.append(ent)
            self.groups[members] = ent.key
        return self.groups[members]


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _subject(verb):
    """A verb's first subject token (active or passive), or None."""
    return next((c for c in verb.children if c.dep_ in _SUBJECTS), None)


def _subject_of_clause(doc: Doc, tok: int):
    """The subject token of the clause governing ``tok`` (through "who"/"that" relative clauses)."""
    t = doc[tok]
    steps = 0
    while t.pos_ not in {"VERB", "AUX"} and t.head.i != t.i and steps < 6:
        t = t.head
        steps += 1
    if t.pos_ not in {"VERB", "AUX"}:
        return None, None
    verb = t
    c = _subject(verb)
    if c is not None:
        if c.lower_ in {"who", "that", "which"} and verb.dep_ == "relcl":
            return verb.head, verb
        return c, verb
    if verb.dep_ in {"xcomp", "conj", "advcl"} and verb.head.i != verb.i:
        return _subject(verb.head), verb
    return None, verb


_REFLEXIVES = frozenset({"herself", "himself"})


def _reflexive_gender(doc: Doc, head: int) -> str | None:
    t = doc[head]
    if t.dep_ not in _SUBJECTS:
        return None
    # The subtree lies inside the sentence: walking it (a Token per node, at every level) is
    # only worth it when the sentence has a reflexive at all.
    idx = DocIndex.build(doc)
    start, end = idx.sent_bounds[idx.sent_of[head]]
    if _REFLEXIVES.isdisjoint(idx.lowers[start:end]):
        return None
    for d in t.head.subtree:
        if d.lower_ == "herself":
            return "female"
        if d.lower_ == "himself":
            return "male"
    return None


def _compatible(ent: EntityAnn, want: str | None) -> bool:
    return want is None or ent.gender is None or ent.gender == want


def _role_conflict(lex: Lexicon, role: str | None, roles: set[str] | list[str]) -> bool:
    """Whether ``roles`` are all occupations of another family than ``role`` ("singer" vs "choreographer")."""
    fam = lex.role_family.get(role or "")
    if fam is None:
        return False
    fams = {lex.role_family.get(r) for r in roles} - {None}
    return bool(fams) and fam not in fams


def _resolve_epithet(st: _State, a: Anaphor, roles: _Roles) -> int | None:
    doc = st.doc
    lex = lexicon()
    want = a.want or _reflexive_gender(doc, a.head)
    inside = {st.covered[k] for k in range(a.start_tok, a.end_tok) if st.covered[k] >= 0}
    works = [st.ents[k].name for k in inside if st.ents[k].type == "WORK"]
    people = [k for k in st.ents if st.person(k)]
    if a.age is not None:
        aged = [k for k in people if any(g.value == a.age for g in st.ents[k].ages)]
        return aged[0] if len(aged) == 1 else None
    for w in works:
        known = [k for k in people if w in st.ents[k].attributes.get("works", [])]
        if len(known) == 1:
            return known[0]
    owners = {k for k in roles.owner.get(a.role or "", ()) if _compatible(st.ents[k], want)}
    if len(owners) == 1:
        return next(iter(owners))
    if a.role in lex.established_only:
        return None  # "the judge" may be someone the article never names
    if not owners and a.role in roles.unnamed_before(a.start_tok):
        return None  # "a dancer at the theater ... the dancer says": the unnamed one
    exclude: set[int] = set()
    subj, verb = _subject_of_clause(doc, a.head)
    if subj is not None and subj.i != a.head and st.covered[subj.i] >= 0:
        exclude.add(st.covered[subj.i])
    # "Police spokesman Tim Fanning said the suspect fled": who says a clause is not the role
    # noun inside it (a speaker does not name themselves "the suspect"), for a role WordNet gave.
    speakers = {st.covered[c.i] for v in list(doc[a.head].ancestors)[:6] if v.pos_ in {"VERB", "AUX"} and v.i != a.head
                for c in v.children if c.dep_ == "nsubj" and c.i != a.head and st.covered[c.i] >= 0} if a.wordnet else set()
    scores = st.scores(a.start_tok, _EPITHET_WINDOW, exclude)
    cands = {k: s for k, s in scores.items()
             if st.adult(k) and st.named(k) and _compatible(st.ents[k], want) and k not in speakers}
    if owners:
        cands = {k: s for k, s in cands.items() if k in owners}  # two people were given this role: one of them
    # Someone the article made "the singer" is not "the choreographer". A role only read from
    # an earlier epithet counts while someone else is in sight; a stated one always does.
    cands = {k: s for k, s in cands.items() if not _role_conflict(lex, a.role, roles.stated.get(k, set()))}
    free = {k: s for k, s in cands.items() if not _role_conflict(lex, a.role, st.ents[k].attributes.get("roles", []))}
    cands = free or cands
    if a.wordnet and not owners and len(cands) != 1:
        return None  # "the suspect" by salience only when one person is in sight
    best, best_score = None, 0.0
    for k, s in cands.items():
        if want and st.ents[k].gender is None:
            s *= 0.5  # an explicit match beats an unknown gender
        if s > best_score:
            best, best_score = k, s
    if best is not None and verb is not None and verb.lemma_.lower() in _COUPLE_VERBS and exclude:
        other = next(iter(exclude))
        if st.adult(other):
            st.couples.append((st.idx.sent_of[a.head], other, best))
    return best


def _resolve_possessed(st: _State, a: Anaphor, roles: _Roles) -> int | None:
    """"her publicist", "his mother": the one person the article gives that role or relation
    ("publicist Jack Ketsoyan", "his mother, Alice McMeekin"), never the possessor; else None."""
    owner = _possessors(st, a)
    holders = {k for k in st.ents if st.person(k) and st.named(k) and k not in owner
               and (a.role in roles.stated.get(k, ()) or st.ents[k].attributes.get("relation") == a.role)
               and _compatible(st.ents[k], a.want)}
    return next(iter(holders)) if len(holders) == 1 else None


def _possessors(st: _State, a: Anaphor) -> set[int]:
    tok = st.doc[a.head]
    # "his mother and sister": the sister's possessor is the one of the noun she is joined to.
    nouns = (tok, tok.head) if tok.dep_ == "conj" and tok.head.i < tok.i else (tok,)
    return {st.covered[c.i] for n in nouns for c in n.children if c.dep_ == "poss" and st.covered[c.i] >= 0}


def _partner_of(st: _State, a: Anaphor) -> int | None:
    """"his wife", "her husband": the other member of the one couple of the possessor the whole
    article names (a pair it calls "the couple", or a pair joined by "married"), else None."""
    owner = _possessors(st, a)
    if len(owner) != 1:
        return None
    mine = next(iter(owner))
    partners = {k for pair in st.groups for k in pair if mine in pair and k != mine and st.named(k)}
    partners |= {c[1] if c[2] == mine else c[2] for c in st.couples if mine in c[1:]}
    found = [k for k in partners if st.person(k) and _compatible(st.ents[k], a.want)]
    return found[0] if len(found) == 1 else None


def _resolve_group(st: _State, a: Anaphor, pairs: list[tuple[int, int, int, int]]) -> int | None:
    sent = st.idx.sent_of[a.head]
    linked = [(st.idx.sent_of[p[2]], p[0], p[1]) for p in pairs if p[3] <= a.start_tok] + st.couples
    linked = [c for c in linked if sent - c[0] <= _EPITHET_WINDOW and st.adult(c[1]) and st.adult(c[2])]
    if linked:
        _, x, y = max(linked, key=lambda c: c[0])
        return st.group(x, y)
    existing = [k for k in st.scores(a.start_tok, _EPITHET_WINDOW, set()) if _pair(st, k)]
    if existing:
        return existing[0]
    scores = st.scores(a.start_tok, _EPITHET_WINDOW, set())
    top = sorted((k for k in scores if st.adult(k) and st.named(k)), key=lambda k: -scores[k])[:2]
    if len(top) == 2:
        return st.group(top[0], top[1])
    return None


def _resolve_org(st: _State, a: Anaphor) -> int | None:
    """"the company", "the magazine": the most salient organisation (outlets for outlet nouns)."""
    want = {"OUTLET"} if a.role in {"magazine", "newspaper", "outlet", "publication", "tabloid", "broadcaster", "network"} else {"ORG"}
    scores = st.scores(a.start_tok, _EPITHET_WINDOW, set())
    ranked = sorted(((s, k) for k, s in scores.items() if st.ents[k].type in want), reverse=True)
    return ranked[0][1] if ranked else None


def _resolve_pronoun(st: _State, a: Anaphor, pairs: list[tuple[int, int, int, int]]) -> int | None:
    doc = st.doc
    if a.want == "plural":
        key = _clause_antecedent(st, a)
        return key if key is not None else _resolve_they(st, a, pairs)
    if a.reflexive:
        subj, _ = _subject_of_clause(doc, a.head)
        if subj is not None and st.covered[subj.i] >= 0:
            k = st.covered[subj.i]
            if st.person(k) and st.ents[k].gender is None:
                st.ents[k].gender = a.want  # "Lo Presti hanged himself", "A Mafia boss ...": the clause says who
            return k if st.person(k) and st.ents[k].gender == a.want else None
    in_sight = _InSight(st, a.start_tok)
    if (key := _clause_antecedent(st, a, in_sight)) is not None:
        return None if key == _OPEN else key
    # A non-reflexive object is not its own clause's subject ("a driver struck her").
    own = _own_subject(st, a)
    scores = {k: v for k, v in in_sight().items() if k not in own}
    # Children named in passing ("son Aleph, 12") are rarely the topic a pronoun picks up.
    ranked = sorted(((s if st.adult(k) else s * 0.5, k) for k, s in scores.items() if st.person(k) and st.named(k)), reverse=True)
    if not ranked:
        # No one named in sight: "A Mafia boss in Palermo ... before he was arrested" is the
        # unnamed one's, by the same tests.
        ranked = sorted(((s, k) for k, s in scores.items() if st.person(k)), reverse=True)
    match = [(s, k) for s, k in ranked if st.ents[k].gender == a.want]
    if not match and (key := _cataphor(st, a)) is not None:
        return key
    if not match:
        if len(ranked) > 1 and st.ents[ranked[0][1]].gender is None and st.adult(ranked[0][1]) \
                and all(s * _LEAD <= ranked[0][0] for s, _ in ranked[1:]):
            # Far ahead of anyone else in sight ("Frederick C. LaRue was found dead in the hotel
            # where he was staying"): the pronoun settles an unknown gender.
            st.ents[ranked[0][1]].gender = a.want
            return ranked[0][1]
        # The only person in sight, of unknown gender, and close by: the pronoun settles the gender.
        if len(ranked) == 1 and st.ents[ranked[0][1]].gender is None and _last_sent(st, ranked[0][1], a.start_tok) >= st.idx.sent_of[a.head] - 1:
            st.ents[ranked[0][1]].gender = a.want
            return ranked[0][1]
        return None
    best_s, best = match[0]
    if any(s >= best_s and st.ents[k].gender is None for s, k in ranked):
        return None
    if len(match) > 1 and match[1][0] >= 0.5 * best_s:
        return None
    return best


# Dependencies of a clause or phrase that may be put before the subject of the clause it hangs on:
# "Facing arrest for violating her probation, Lohan checked in", "After telling reporters she was
# fine, Reid checked in" (a preposition whose object is the clause).
_FRONTED = frozenset({"advcl", "prep"})


def _cataphor(st: _State, a: Anaphor) -> int | None:
    """A pronoun with no one of its gender in sight, inside a clause put before the subject of the
    clause it hangs on, is that subject when it is a person named there, of the pronoun's gender or
    of none (which the pronoun then sets): the sentence names whom it meant right after it."""
    doc = st.doc
    if not a.reflexive and _object_of_subjectless_verb(doc[a.head]):
        return None  # "After meeting her, Reeve ...": Reeve meets her, someone else
    for clause in doc[a.head].ancestors:
        if clause.dep_ not in _FRONTED:
            continue
        verb = clause.head
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if verb.pos_ not in {"VERB", "AUX"} or subj is None:
            continue  # "arrest for her probation": a phrase inside the clause, not the clause
        if clause.right_edge.i >= subj.i:
            return None
        k = st.covered[subj.i]
        if k < 0 or not (st.person(k) and st.named(k)) or st.ents[k].gender not in {None, a.want}:
            return None
        if st.ents[k].gender is None:
            st.ents[k].gender = a.want
        return k
    return None


def _object_of_subjectless_verb(tok) -> bool:
    """Whether a pronoun is an object of a verb with no subject of its own ("meeting her", "angered
    by her"): the verb's subject is then the sentence's, which a plain pronoun in its object cannot
    be (that would be "herself")."""
    if tok.dep_ not in {"dobj", "dative", "pobj"}:
        return False
    verb = tok.head
    while tok.dep_ == "pobj" and verb.dep_ in {"prep", "agent"} and verb.head is not verb:
        tok, verb = verb, verb.head
    return verb.pos_ in {"VERB", "AUX"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


class _InSight:
    """The salience of everyone in a pronoun's window (:meth:`_State.scores`), computed once for
    the rules that ask it; a rule leaving someone out filters the result."""

    def __init__(self, st: _State, tok: int) -> None:
        self.st, self.tok, self.scores = st, tok, None

    def __call__(self) -> dict[int, float]:
        if self.scores is None:
            self.scores = self.st.scores(self.tok, _PRONOUN_WINDOW, set())
        return self.scores


def _clause_antecedent(st: _State, a: Anaphor, in_sight: _InSight | None = None) -> int | None:
    """The person a pronoun's syntax picks before any salience count: the subject of the clause
    that a subject pronoun's clause hangs on ("White said he was blindsided", "Raite died when he
    slipped"; for "they" only reported speech), or the subject of a singular possessive's own
    clause ("Obama announces his nomination"). The subject must come first, be a person (named or
    not: "The coroner said he believes ...") and not be of the other gender; an unknown gender is
    set by the pronoun. ``_OPEN`` when the clause's object is a person the pronoun fits as well;
    None (salience decides) for an unnamed subject of unknown gender while a named person of the
    pronoun's gender is in sight."""
    doc = st.doc
    t = doc[a.head]
    if t.dep_ in _SUBJECTS:
        verb = t.head
        # "they" looks up only from reported speech: in "captured 23 pirates as they tried to
        # board", the nearer group is meant.
        if verb.dep_ not in (_REPORTED if a.want == "plural" else _EMBEDDED) or verb.head.i == verb.i:
            return None
        gov = verb.head
    elif t.dep_ == "poss":
        if a.want == "plural":
            return None  # "Police arrested four men in their car": the nearer group, by _resolve_they
        gov = t.head
        while gov.dep_ in {"dobj", "pobj", "prep"} and gov.head.i != gov.i:
            gov = gov.head
    else:
        return None
    if gov.pos_ not in {"VERB", "AUX"}:
        return None
    subj = _subject(gov)
    if subj is None or subj.i >= a.start_tok or st.covered[subj.i] < 0:
        return None
    key = st.covered[subj.i]
    ent = st.ents[key]
    if a.want == "plural":
        return key if ent.type == "GROUP" else None  # "Authorities are saying they suspect arson"
    if not st.person(key) or ent.gender not in {None, a.want}:
        return None
    # An object the pronoun could as well be is no less likely ("Tom Brown told Peter Jones he
    # had won"): salience decides, or no one.
    pron_np = {x.i for x in t.head.subtree} if t.dep_ == "poss" else set()
    for c in gov.children:
        if c.dep_ in {"dobj", "dative"} and c.i not in pron_np:
            k = st.covered[c.i]
            if k >= 0 and k != key and st.person(k) and st.ents[k].gender in {None, a.want}:
                return _OPEN
    # An unnamed subject of unknown gender ("The judge sentenced his killer") does not take a
    # pronoun, nor its gender, while a named person of that gender is in sight.
    in_sight = in_sight or _InSight(st, a.start_tok)
    if ent.gender is None and not st.named(key) and any(
            k != key and st.person(k) and st.named(k) and st.ents[k].gender == a.want for k in in_sight()):
        return None
    ent.gender = a.want
    return key


def _own_subject(st: _State, a: Anaphor) -> set[int]:
    """The entity of the subject of the clause where a pronoun is an object, which it cannot be."""
    t = st.doc[a.head]
    # Not a prepositional object: "John Smith took the bag with him".
    if t.dep_ not in {"dobj", "dative"} or t.head.pos_ not in {"VERB", "AUX"}:
        return set()
    subj = _subject(t.head)
    return {st.covered[subj.i]} if subj is not None and st.covered[subj.i] >= 0 else set()


def _pair(st: _State, key: int) -> bool:
    """A GROUP of people the article names ("the couple"), not unnamed people of a kind ("the
    photographers"), which "the pair" never picks up by salience alone ("they" takes the nearest
    group of either kind)."""
    return st.ents[key].type == "GROUP" and not st.ents[key].attributes.get("unnamed")


def _last_sent(st: _State, key: int, before: int) -> int:
    for ev in reversed(st.history):
        if ev.key == key and ev.tok < before:
            return ev.sent
    return -1


def _resolve_they(st: _State, a: Anaphor, pairs: list[tuple[int, int, int, int]]) -> int | None:
    doc = st.doc
    sent = st.idx.sent_of[a.head]
    best_tok, best = -1, None
    for ev in reversed(st.history):
        if ev.tok >= a.start_tok:
            continue
        if sent - ev.sent > 1:
            break
        if st.ents[ev.key].type == "GROUP":
            # The nearest group: a pair the text names, or unnamed people of one kind ("captured
            # 23 pirates as they tried to board").
            best_tok, best = ev.tok, ev.key
            break
    for x, y, s, e in pairs:
        if e <= a.start_tok and sent - st.idx.sent_of[s] <= 1 and e - 1 > best_tok and st.adult(x) and st.adult(y):
            best_tok, best = e - 1, (x, y, s, e)
    if best is None:
        return None
    # A plural noun argument in between ("the insiders", "reports") could be "they" instead.
    for k in range(best_tok + 1, a.start_tok):
        t = doc[k]
        if t.tag_ in {"NNS", "NNPS"} and t.dep_ in {"nsubj", "nsubjpass", "dobj", "attr", "appos"} and st.covered[k] < 0:
            return None
        if t.lower_ in {"they", "them", "their", "we", "us"}:
            return None
    if isinstance(best, tuple):
        x, y, s, e = best
        g = st.group(x, y)
        st.add_mention(g, s, e, "name")
        return g
    return best


class _Roles:
    """Roles the article states: who holds each role, and roles introduced for unnamed people."""

    def __init__(self, idx: DocIndex, lex: Lexicon) -> None:
        self.owner: dict[str, set[int]] = {}
        self.stated: dict[int, set[str]] = {}
        # "a dancer at the theater" (not "X, a dancer,"): an unnamed person holding the role.
        self.unnamed: dict[str, int] = {}
        lowers, texts, doc = idx.lowers, idx.texts, idx.doc
        for i, low in enumerate(lowers):
            if low not in lex.roles or low in self.unnamed:
                continue
            for j in range(i - 1, max(i - 4, -1), -1):
                if lowers[j] in {"a", "an"}:
                    # Not "X, a dancer," nor "X is a dancer" / "worked as a dancer": those name X.
                    if j == 0 or (texts[j - 1] not in {",", "(", "—", "–"} and lowers[j - 1] != "as"
                                   and doc[j - 1].lemma_ not in NOMINAL_COPULAS):
                        self.unnamed[low] = i
                    break
                if idx.punct[j] or lowers[j] in {"the", "his", "her", "their"}:
                    break

    def add(self, key: int, role: str) -> None:
        self.owner.setdefault(role, set()).add(key)
        self.stated.setdefault(key, set()).add(role)

    def unnamed_before(self, tok: int) -> set[str]:
        return {r for r, i in self.unnamed.items() if i < tok}


def _conjoined_subjects(st: _State, pairs: list[tuple[int, int, int, int]]) -> set[int]:
    """GROUP entities for coordinated people who are the subject of a clause ("X and Y, 51,
    divorced in 2019": the pair divorced), with the coordination as their name mention."""
    out: set[int] = set()
    doc, n = st.doc, len(st.doc)
    for a, b, s, e in pairs:
        # By the parse, or by the surface when the parser misses it (a small model reads "X and
        # Y, 51, divorced" as a noun phrase): the pair opens its clause and a finite verb follows,
        # after an age apposition if any.
        parsed = any(doc[k].dep_ in _SUBJECTS and st.covered[k] == a for k in range(s, e))
        k = e
        if k + 2 < n and doc[k].text == "," and doc[k + 1].like_num and doc[k + 2].text == ",":
            k += 3
        opens = s == 0 or st.idx.sent_of[s - 1] != st.idx.sent_of[s] or doc[s - 1].lower_ in {",", "that", "when", "after"}
        surface = opens and k < n and doc[k].tag_ in {"VBD", "VBZ", "VBP", "VBN", "MD"}
        if (parsed or surface) and st.adult(a) and st.adult(b):
            g = st.group(a, b)
            st.add_mention(g, s, e, "name")
            out.add(g)
    st.history.clear()  # salience is replayed in text order later
    return out


def _verb_role(doc: Doc, tok: int, lex: Lexicon) -> str | None:
    """The role a subject's verb gives it: "he choreographed the film" -> choreographer."""
    t = doc[tok]
    if t.dep_ != "nsubj" or t.head.i == t.i:
        return None
    return lex.role_verbs.get(t.head.lemma_.lower())


def _relative_pronouns(st: _State) -> None:
    """"Jamal Williams, who was arrested Sunday": the relative pronoun is its antecedent's mention.

    The parse says which noun a relative clause modifies; when that noun is a person's (or a
    pair's) mention, "who"/"whom"/"whose" opening the clause refers to them.
    """
    lowers = st.idx.lowers  # the words first, from the index: a Token only for a relative pronoun
    for k, low in enumerate(lowers):
        if low not in _RELATIVE:
            continue
        t = st.doc[k]
        if st.covered[t.i] >= 0 or t.head.dep_ != "relcl" or t.head.i == t.i:
            continue
        noun = t.head.head
        if st.covered[noun.i] < 0 and noun.dep_ == "appos" and noun.head.i != noun.i:
            noun = noun.head  # "Fred LaRue, a Nixon administration official who served ...": LaRue
        key = st.covered[noun.i]
        if key >= 0 and st.ents[key].type in {"PERSON", "GROUP"}:
            st.add_mention(key, t.i, t.i + 1, "pronoun")


def resolve_coreference(doc: Doc) -> None:
    """Add nominal and pronoun mentions (and GROUP entities) to ``doc._.sl_entities`` in place."""
    lex = lexicon()
    st = _State(doc, list(doc._.sl_entities or []))
    stated = _Roles(st.idx, lex)
    for key, role, s, e in find_roles(doc, lex, st.covered):
        ent = st.ents[key]
        if ent.type != "PERSON":
            continue
        roles = ent.attributes.setdefault("roles", [])
        if role not in roles:
            roles.append(role)
        stated.add(key, role)
        if ent.gender is None and lex.roles.get(role):
            ent.gender = lex.roles[role]
        if s >= 0:
            st.add_mention(key, s, e, "nominal")
    st.history.clear()
    people = {k for k in st.ents if st.person(k)}
    pairs = find_pairs(doc, st.covered, people)
    subjects = _conjoined_subjects(st, pairs)
    anaphors = find_anaphors(doc, lex, st.covered, title_case_tokens(st.idx))
    # Name mentions and anaphors in text order, so salience only looks back.
    names = []
    for e in st.order:
        if e.type in {"PERSON", "GROUP", "ORG", "OUTLET"}:
            for m in e.mentions:
                _, te = st.idx.tokens_for(m.start, m.end)
                names.append((te - 1, e.key))
                if e.type == "PERSON":
                    role = _verb_role(doc, te - 1, lex)
                    if role:
                        stated.add(e.key, role)
    names.sort()
    ni = 0
    partners: list[Anaphor] = []
    for a in anaphors:
        while ni < len(names) and names[ni][0] < a.start_tok:
            tok, key = names[ni]
            st.history.append(_Event(tok, st.idx.sent_of[tok], key, grammatical_weight(doc[tok])))
            ni += 1
        if any(st.covered[k] >= 0 for k in range(a.start_tok, a.end_tok)) and a.kind == "pronoun":
            continue
        if a.kind == "nominal" and a.want != "org" and doc[a.head].dep_ == "attr":
            continue  # "she was the better dancer" describes, it does not refer
        if a.kind == "pronoun":
            key = _resolve_pronoun(st, a, pairs)
            if key is not None and st.person(key):
                role = _verb_role(doc, a.head, lex)
                if role:
                    stated.add(key, role)
                # "she is to return as host": the role is the pronoun's person's, as a name's is; a
                # copula's noun ("she was the better dancer") only describes, as below.
                for role, s, e in predicate_roles(doc, lex, st.covered, doc[a.head], copular=False):
                    stated.add(key, role)
                    st.add_mention(key, s, e, "nominal")
        elif a.group:
            key = _resolve_group(st, a, pairs)
        elif a.want == "org":
            key = _resolve_org(st, a)
        elif a.indefinite and a.want == "plural":
            name = a.role if a.role and a.role.endswith(" people") else f"the {doc[a.head].lower_}"  # "3 people"
            key = st.unnamed(a.role, a.want, plural=name)
        elif a.indefinite:
            key = st.unnamed(a.role, a.want)  # "a man ... the man": the unnamed one, never a named person
            stated.add(key, a.role)
        else:
            key = _resolve_possessed(st, a, stated) if a.possessed else _resolve_epithet(st, a, stated)
            if key is None and a.possessed and words.is_partner_noun(a.role or ""):
                partners.append(a)  # "his wife": settled once the article's couples are known
                continue
            if key is None and a.role:
                # No one the article names: an unnamed holder of the role, whom the story's
                # other articles may name (the cast binds it by the role).
                key = st.unnamed(a.role, a.want)
                stated.add(key, a.role)
        if key is None:
            continue
        ent = st.ents[key]
        if a.kind == "nominal" and ent.type == "PERSON":
            if ent.gender is None and a.want in {"female", "male"}:
                ent.gender = a.want
            if a.role:
                roles = ent.attributes.setdefault("roles", [])
                if a.role not in roles:
                    roles.append(a.role)
            for k in {st.covered[t] for t in range(a.start_tok, a.end_tok) if st.covered[t] >= 0}:
                if st.ents[k].type == "WORK":
                    works = ent.attributes.setdefault("works", [])
                    if st.ents[k].name not in works:
                        works.append(st.ents[k].name)
        st.add_mention(key, a.start_tok, a.end_tok, a.kind)
    for a in partners:
        key = _partner_of(st, a)
        if key is not None:
            st.add_mention(key, a.start_tok, a.end_tok, a.kind)
    _relative_pronouns(st)
    for e in st.order:
        e.mentions.sort(key=lambda m: (m.start, m.end))
    # A pair that is a clause's subject comes before its members, so that whoever reads the
    # subject's tokens first (claims, attribution) finds the pair, not its first member.
    ordered = [e for e in st.order if e.key not in subjects]
    for g in sorted(subjects, key=lambda k: -min(st.ents[k].attributes["members"])):
        first = min(i for i, e in enumerate(ordered) if e.key in st.ents[g].attributes["members"])
        ordered.insert(first, st.ents[g])
    doc._.sl_entities = [e for e in ordered if e.mentions]


@Language.component(
    "storyline_coref",
    requires=["doc._.sl_entities", "token.tag", "token.lemma", "token.dep", "token.head", "doc.sents"],
    assigns=["doc._.sl_entities", "doc.spans"],
)
def coref_component(doc: Doc) -> Doc:
    """spaCy component: nominal/pronoun mentions and GROUP entities; never raises."""
    if doc._.sl_entities is None:
        doc._.sl_entities = []
    try:
        resolve_coreference(doc)
    except Exception:  # noqa: BLE001 - keep the name mentions when coreference fails on odd text
        _log.warning("storyline_coref failed; keeping name mentions only", exc_info=True)
    try:
        # Ages written at epithets ("The choreographer, 47,") can only be read once they are resolved.
        add_nominal_ages(doc._.sl_entities, DocIndex.build(doc).text)
        annotate_mention_quantities(doc, doc._.sl_entities)
    except Exception:  # noqa: BLE001
        _log.warning("storyline_coref: ages and counts at mentions failed", exc_info=True)
    write_mentions(doc)
    return doc


ensure_extensions()
