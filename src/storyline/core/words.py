"""Word meaning from WordNet 3.0: senses, lexicographer classes, derivations, hypernyms.

Reads the compact table ``storyline/data/wordnet/wordnet.json.gz`` built by
``scripts/build_wordnet.py`` (nouns and verbs only).  Standard library only; the table
is loaded once, on first use, and every look-up is cached.

Conventions
    * ``pos`` is ``"n"`` or ``"v"``.
    * Lemmas are lowercase with ``_`` for spaces (``"pass_away"``); callers may pass
      spaces and inflected forms ("deaths", "went", "said"): every function that takes a
      lemma first maps it to its WordNet base form with :func:`lemmatize`.
    * Synset ids are NLTK-style names, ``lemma.pos.NN`` (``"marry.v.01"``).
    * Sense lists are ordered most frequent first, as in WordNet's index files.
"""

from __future__ import annotations

import gzip
import json
import threading
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Generic, TypeVar

from storyline.core.errors import DataError
from storyline.core.heap import permanent

__all__ = [
    "THING_LEXNAMES",
    "phrasal_key",
    "has_hyponyms",
    "load_table",
    "load_derivations",
    "DATA_FILE",
    "Lazy",
    "WordDataError",
    "clear_cache",
    "derivations",
    "event_key",
    "hypernyms",
    "is_casualty_word",
    "scores_points",
    "is_natural_happening",
    "is_event_noun",
    "happening_of",
    "is_partner_noun",
    "is_company_holding",
    "is_people_group",
    "is_play_noun",
    "is_time_noun",
    "is_money_noun",
    "is_periodic_payment",
    "is_named_person",
    "is_organization_noun",
    "is_person_noun",
    "lemmas",
    "lemmatize",
    "lexname",
    "lexnames",
    "related",
    "synsets",
    "verb_class",
    "noun_class",
    "names_people",
    "names_someone",
    "nominalises",
    "person_gender",
]

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "wordnet" / "wordnet.json.gz"
REBUILD = "rebuild it with `python scripts/build_wordnet.py` (needs Debian's wordnet-base: apt-get install wordnet-base)"
FORMAT = 1

T = TypeVar("T")
POS = ("n", "v")
EVENT_LEXNAMES = frozenset({"noun.event", "noun.act", "noun.phenomenon", "noun.process"})
EVENT_ROOTS = frozenset({"event.n.01", "act.n.02", "happening.n.01", "phenomenon.n.01", "process.n.06"})
#: Lexicographer classes of nouns naming people or things (made or natural), not happenings:
#: "today's youth", "today's personal computers" speak of these times, a "bomb" first names a thing.
THING_LEXNAMES = frozenset({"noun.person", "noun.group", "noun.artifact", "noun.object"})
#: Roots of the nouns that name an organisation or a body of people acting as one ("police",
#: "the ministry", "the company", "the family").
ORGANIZATION_ROOTS = frozenset({"organization.n.01", "social_group.n.01"})
#: How many of a word's most frequent senses :func:`related` and :func:`is_event_noun` look at.
SENSES = 3
#: How far up the hypernym tree :func:`related` looks for a "hypernym" relation.
HYPERNYM_DEPTH = 2

# WordNet's detachment rules (morphy(7WN)): suffix -> replacement, tried in order.
_SUFFIXES = {
    "n": (("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y"), ("s", "")),
    "v": (("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("s", "")),
}


class WordDataError(DataError, RuntimeError):
    """A word resource (the WordNet table, the embeddings model) is missing or unreadable."""


class _Table:
    """The decoded WordNet table."""

    __slots__ = ("exceptions", "lemmas", "lexnames", "synsets")

    def __init__(self, raw: dict):
        self.lexnames: list[str] = raw["lexnames"]
        # synset -> [lexfile number, words, hypernyms, [[source word no., target synset, target word no.], ...]]
        self.synsets: dict[str, list] = raw["synsets"]
        self.lemmas: dict[str, dict[str, list[str]]] = raw["lemmas"]
        self.exceptions: dict[str, dict[str, list[str]]] = raw["exceptions"]


class Lazy(Generic[T]):
    """A value made on first use, once, even when several threads ask at once."""

    def __init__(self, make: Callable[[], T]):
        self._make = make
        self._value: T | None = None
        self._lock = threading.Lock()

    def get(self) -> T:
        value = self._value
        if value is None:
            with self._lock:
                if self._value is None:
                    self._value = self._make()
                value = self._value
        return value

    def reset(self) -> None:
        with self._lock:
            self._value = None


_TABLE: Lazy[_Table] = Lazy(lambda: _load(DATA_FILE))


def load_table() -> None:
    """Load the table now (else it is loaded on first use), e.g. on a thread ahead of need."""
    _TABLE.get()


def load_derivations() -> None:
    """Index the table's derivation links now (else on the first :func:`derivations`), e.g. on a
    thread ahead of need: reconcile's first use would otherwise add a tenth of a CPU second to
    ``analyze``'s serial tail."""
    _derivation_index()


def _table() -> _Table:
    """The table, loaded on first use."""
    return _TABLE.get()


# Synsets some other synset lists as its hypernym: kinds, never one named individual.
_WITH_HYPONYMS: Lazy[frozenset[str]] = Lazy(lambda: frozenset(h for s in _table().synsets.values() for h in s[2]))


def _load(path: Path) -> _Table:
    try:
        with permanent():  # millions of small lists that live as long as the process
            raw = json.loads(gzip.decompress(path.read_bytes()))
    except FileNotFoundError:
        raise WordDataError("the WordNet table is missing", fix=REBUILD, input=str(path)) from None
    except (OSError, EOFError, ValueError) as exc:  # gzip.BadGzipFile and JSONDecodeError are among these
        raise WordDataError(f"the WordNet table is unreadable or corrupt ({exc})", fix=REBUILD, input=str(path)) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or not {"synsets", "lemmas", "lexnames", "exceptions"} <= raw.keys():
        raise WordDataError(f"the WordNet table is not format {FORMAT}", fix=REBUILD, input=str(path))
    return _Table(raw)


def clear_cache() -> None:
    """Forget the loaded table and every cached answer (after changing :data:`DATA_FILE`)."""
    _TABLE.reset()
    _WITH_HYPONYMS.reset()
    for fn in (lemmatize, synsets, _derivation_index, _verb_lemmas_of, hypernyms, event_key, phrasal_key, is_event_noun, happening_of, related,
               is_person_noun, names_people, names_someone, is_organization_noun, person_gender, noun_class, lexnames):
        fn.cache_clear()


def _check_pos(pos: str) -> str:
    if pos not in POS:
        raise ValueError(f"pos must be 'n' or 'v', not {pos!r}")
    return pos


def _norm(word: str) -> str:
    return "_".join(word.strip().lower().split())


# --------------------------------------------------------------------------- lemmas & senses


@lru_cache(maxsize=65536)
def lemmatize(word: str, pos: str) -> str | None:
    """The WordNet base form of ``word`` as a ``pos`` ("went" -> "go", "deaths" -> "death"), or None.

    The word itself wins when WordNet has it; then the exception lists; then the
    detachment rules of WordNet's morphy.
    """
    index = _table().lemmas[_check_pos(pos)]
    w = _norm(word)
    if not w:
        return None
    if w in index:
        return w
    for base in _table().exceptions[pos].get(w, ()):
        if base in index:
            return base
    for suffix, repl in _SUFFIXES[pos]:
        if w.endswith(suffix) and len(w) > len(suffix):
            base = w[: -len(suffix)] + repl
            if base in index:
                return base
    return None


@lru_cache(maxsize=65536)
def synsets(lemma: str, pos: str) -> tuple[str, ...]:
    """Synset ids of ``lemma`` as a ``pos``, most frequent sense first; () if WordNet lacks it."""
    base = lemmatize(lemma, pos)
    return tuple(_table().lemmas[pos][base]) if base else ()


def _synset(synset: str) -> list:
    try:
        return _table().synsets[synset]
    except KeyError:
        raise KeyError(f"unknown synset {synset!r}") from None


def lexname(synset: str) -> str:
    """The lexicographer file of a synset: "verb.communication", "noun.event", ..."""
    return _table().lexnames[_synset(synset)[0]]


@lru_cache(maxsize=65536)
def lexnames(lemma: str, pos: str, senses: int) -> frozenset[str]:
    """The lexicographer files of a word's first ``senses`` senses ("settle", "v", 3: motion,
    stative, ...): how a rule asks what a word can mean in its frequent uses."""
    return frozenset(lexname(sid) for sid in synsets(lemma, pos)[:senses])


def lemmas(synset: str) -> tuple[str, ...]:
    """The words of a synset, in WordNet's order (the first names the synset)."""
    return tuple(_synset(synset)[1])


@lru_cache(maxsize=65536)
def hypernyms(synset: str, depth: int | None = 1) -> tuple[str, ...]:
    """Hypernyms (instance hypernyms included) up to ``depth`` levels up (None: all).

    Nearer levels come first; each level is sorted; no id repeats.
    """
    seen: set[str] = {synset}
    out: list[str] = []
    level = [synset]
    steps = 0
    while level and (depth is None or steps < depth):
        nxt = sorted({h for s in level for h in _synset(s)[2]} - seen)
        seen.update(nxt)
        out.extend(nxt)
        level = nxt
        steps += 1
    return tuple(out)


# --------------------------------------------------------------------------- derivations


@lru_cache(maxsize=1)
def _derivation_index() -> dict[tuple[str, str], frozenset[tuple[str, str]]]:
    """(lemma, pos) -> derivationally related (lemma, pos), links followed both ways."""
    table = _table()
    links: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for name, (_, words, _, derivs) in table.synsets.items():
        pos = name.rsplit(".", 2)[1]
        for src, target, tgt in derivs:
            a = (words[src - 1], pos)
            b = (table.synsets[target][1][tgt - 1], target.rsplit(".", 2)[1])
            links.setdefault(a, set()).add(b)
            links.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in links.items()}


def derivations(lemma: str, pos: str) -> frozenset[tuple[str, str]]:
    """Derivationally related (lemma, pos) pairs, e.g. ("marry", "v") -> {("marriage", "n"), ...}."""
    base = lemmatize(lemma, pos)
    return _derivation_index().get((base, pos), frozenset()) if base else frozenset()


def _linked_verbs(synset: str, word: str | None) -> tuple[str, ...]:
    """Verbs that a noun synset's derivation links reach, from ``word`` only or (None) from any word.

    Verbs whose most frequent sense is the linked synset come first (the "primary"
    derivation), then the rest alphabetically.
    """
    table = _table()
    words, derivs = table.synsets[synset][1], table.synsets[synset][3]
    targets: dict[str, set[str]] = {}
    for src, target, tgt in derivs:
        if (word is None or words[src - 1] == word) and target.rsplit(".", 2)[1] == "v":
            targets.setdefault(table.synsets[target][1][tgt - 1], set()).add(target)
    primary = sorted(v for v, ts in targets.items() if table.lemmas["v"][v][0] in ts)
    return tuple(primary + sorted(set(targets) - set(primary)))


@lru_cache(maxsize=65536)
def _verb_lemmas_of(noun: str) -> tuple[tuple[str, ...], ...]:
    """For each sense of a (base-form) noun, the verbs its own derivation links reach."""
    return tuple(_linked_verbs(sid, noun) for sid in _table().lemmas["n"][noun])


@lru_cache(maxsize=65536)
def event_key(lemma: str, pos: str) -> str | None:
    """A canonical synset id shared by a verb and the nouns WordNet derives from it.

    * A verb's key is its most frequent synset: wed(v) and marry(v) -> "marry.v.01".
    * A noun's key comes from the first of its senses (most frequent first) that has a
      derivation link to a verb: the key of that verb (the primary one, see
      :func:`_verb_lemmas_of`).  marriage(n) -> marry -> "marry.v.01"; wedding(n) -> wed
      -> "marry.v.01"; death(n) -> die -> "die.v.01"; killing(n) -> kill -> "kill.v.01".
    * A noun none of whose senses links to a verb by itself borrows the links of the other
      words of its most frequent synset: earthquake(n) has none, but its synonym quake(n)
      links to quake(v), so earthquake(n), quake(n) and quake(v) share "quiver.v.01".
    * Otherwise a noun keys on its own most frequent synset.
    * Keys are synset ids but no gloss of the word: compare them, do not show them.
    * None when WordNet lacks the word.
    """
    base = lemmatize(lemma, _check_pos(pos))
    if base is None:
        return None
    first = _table().lemmas[pos][base][0]
    if pos == "n":
        for verbs in _verb_lemmas_of(base):
            if verbs:
                return _table().lemmas["v"][verbs[0]][0]
        verbs = _linked_verbs(first, None)
        if verbs:
            return _table().lemmas["v"][verbs[0]][0]
    return first


# Prepositions that never stand as a verb's adverb particle: after a verb they only mark its
# object ("escape from", "cope with"), adding no meaning of their own; a particle ("up", "down",
# "back", "off") makes another verb ("go up" rises, "go down" falls, both filed under "go").
_OBJECT_PREPOSITIONS = frozenset({"from", "with", "at", "of", "into", "onto", "upon", "for", "against", "toward", "towards"})


@lru_cache(maxsize=65536)
def phrasal_key(lemma: str) -> str | None:
    """The :func:`event_key` of a phrasal verb's head verb ("escape from" -> "escape") when WordNet
    files the phrasal verb's most frequent sense as the head's most frequent sense or within
    :data:`HYPERNYM_DEPTH` steps under it: a way of doing the head's happening, not a happening of
    its own ("escape from" is "shake off a pursuer", under "escape"; "pass away" is "die", and
    "check in" is "report one's arrival": they keep their own keys). Only when a preposition that
    marks the object follows the head: an adverb particle adds a meaning, and two verbs under one
    head may be opposites ("go up" and "go down", both under "go"). None otherwise, and for a
    single word or a phrase WordNet does not know (the reader keys those on the head already)."""
    head, *rest = lemma.split()
    if not rest or rest[-1] not in _OBJECT_PREPOSITIONS or lemmatize(lemma, "v") is None or (key := event_key(head, "v")) is None:
        return None
    first = synsets(lemma, "v")[0]
    return key if first == key or key in hypernyms(first, HYPERNYM_DEPTH) else None


def nominalises(lemma: str) -> bool:
    """Whether the noun's most frequent sense is linked by derivation to a verb: it names the
    verb's act or its result ("statement" <- state, "suspicion" <- suspect, "record" <- record)."""
    base = lemmatize(lemma, "n")
    senses = _verb_lemmas_of(base) if base else ()
    return bool(senses and senses[0])


# --------------------------------------------------------------------------- relations


def _verb_side(lemma: str, pos: str, senses: int) -> set[str]:
    """The first ``senses`` synsets of a verb, or of the verbs a noun's first senses derive from."""
    if pos == "v":
        return set(synsets(lemma, "v")[:senses])
    base = lemmatize(lemma, "n")
    if base is None:
        return set()
    verbs = {v for vs in _verb_lemmas_of(base)[:senses] for v in vs}
    return {s for v in verbs for s in synsets(v, "v")[:senses]}


def _one_above(a: set[str], b: set[str], depth: int) -> bool:
    return any(set(hypernyms(s, depth)) & b for s in a) or any(set(hypernyms(s, depth)) & a for s in b)


@lru_cache(maxsize=65536)
def related(a_lemma: str, a_pos: str, b_lemma: str, b_pos: str) -> str | None:
    """How two words relate as names of an event, strongest first; None if not at all.

    * ``"same"``: one base form ("arrested"(v) / "arrest"(n)).
    * ``"synonym"``: same pos and a shared synset among each word's first :data:`SENSES`
      senses ("quake" / "earthquake").
    * ``"derivation"``: one :func:`event_key` ("marriage" / "wed"), or a direct derivation
      link ("kill"(v) / "killing"(n)).
    * ``"hypernym"``: within :data:`HYPERNYM_DEPTH` hypernym steps, comparing
      same-pos senses, and also the verb senses behind nouns ("murder" / "kill").
    """
    _check_pos(a_pos)
    _check_pos(b_pos)
    a = lemmatize(a_lemma, a_pos)
    b = lemmatize(b_lemma, b_pos)
    if a is None or b is None:
        return "same" if _norm(a_lemma) == _norm(b_lemma) and _norm(a_lemma) else None
    if a == b:
        return "same"
    a_senses = set(synsets(a, a_pos)[:SENSES])
    b_senses = set(synsets(b, b_pos)[:SENSES])
    if a_pos == b_pos and a_senses & b_senses:
        return "synonym"
    if event_key(a, a_pos) == event_key(b, b_pos) or (b, b_pos) in derivations(a, a_pos):
        return "derivation"
    if a_pos == b_pos and _one_above(a_senses, b_senses, HYPERNYM_DEPTH):
        return "hypernym"
    a_verbs, b_verbs = _verb_side(a, a_pos, SENSES), _verb_side(b, b_pos, SENSES)
    if a_verbs & b_verbs:
        return "derivation"
    if _one_above(a_verbs, b_verbs, HYPERNYM_DEPTH):
        return "hypernym"
    return None


# --------------------------------------------------------------------------- classes


@lru_cache(maxsize=65536)
def is_event_noun(lemma: str, senses: int = SENSES) -> bool:
    """Whether one of the noun's first ``senses`` senses names an event, act or process.

    A sense counts when its lexicographer file is noun.event, noun.act, noun.phenomenon
    or noun.process, or when it sits under event.n.01, act.n.02, happening.n.01,
    phenomenon.n.01 or process.n.06.  ("earthquake", "wedding", "arrest" yes;
    "president", "statement" no.)
    """
    return any(_happening(sid) for sid in synsets(lemma, "n")[:senses])


def _happening(synset: str) -> bool:
    return lexname(synset) in EVENT_LEXNAMES or bool(EVENT_ROOTS.intersection(hypernyms(synset, None)))


@lru_cache(maxsize=65536)
def happening_of(noun: str, verb: str) -> int | None:
    """The rank (0: most frequent) of the noun's first sense that names the verb's happening: an
    event, act or process sense (see :func:`is_event_noun`) that WordNet derives from the verb
    ("release" the freeing <- "release" free.v.01) or that holds the verb's own nominal form
    ("cut, cutting"). None when no sense does ("train" the vehicle or a sequence is no training;
    "land" the ground is linked to "land" but is no happening)."""
    n, v = lemmatize(noun, "n"), lemmatize(verb, "v")
    if n is None or v is None:
        return None
    table = _table()
    for rank, sid in enumerate(table.lemmas["n"][n]):
        if not _happening(sid):
            continue
        _, names, _, derivs = table.synsets[sid]
        if any(w != n and lemmatize(w, "v") == v for w in names) or any(
                names[src - 1] == n and table.synsets[target][1][tgt - 1] == v for src, target, tgt in derivs):
            return rank
    return None


def verb_class(lemma: str) -> str | None:
    """The lexicographer file of the verb's most frequent sense, or None if WordNet lacks it.

    "think", "know", "believe" -> "verb.cognition"; "say", "tell" -> "verb.communication";
    "die" -> "verb.change"; "marry" -> "verb.social".
    """
    ids = synsets(lemma, "v")
    return lexname(ids[0]) if ids else None


@lru_cache(maxsize=16384)
def noun_class(lemma: str) -> str | None:
    """The lexicographer file of the noun's most frequent sense, or None if WordNet lacks it:
    "magnitude" -> "noun.attribute", "population" -> "noun.group", "problem" -> "noun.state"."""
    ids = synsets(lemma, "n")
    return lexname(ids[0]) if ids else None


# --------------------------------------------------------------------------- people and groups


def is_named_person(synset: str) -> bool:
    """Whether a noun.person synset is one named individual ("ford.n.01": John Ford) rather than
    a kind of person ("actress.n.01").

    The table does not keep WordNet's instance/class distinction, but an individual's synset
    lists a full name ending in the word looked up ("john_ford", "ian_smith"): that is the test.
    """
    if lexname(synset) != "noun.person":
        return False
    words = lemmas(synset)
    head = words[0]
    # An individual has no kinds under it: "managing_director" names a kind of director.n.01,
    # which has hyponyms; "john_ford" (ford.n.01) has none.
    return any(w != head and w.endswith("_" + head) for w in words) and not has_hyponyms(synset)


def has_hyponyms(synset: str) -> bool:
    """Whether a synset has kinds under it ('storm.n.01' has; 'watergate.n.01', one scandal, has none)."""
    return synset in _WITH_HYPONYMS.get()


@lru_cache(maxsize=65536)
def is_person_noun(word: str, senses: int = 1) -> bool:
    """Whether one of the noun's first ``senses`` senses is a kind of person (a role noun).

    "suspect", "gunman", "teen", "actress", "governor" yes; "company", "shooting" no; a word
    whose sense is a named individual ("Ford" as John Ford) does not count.
    """
    for sid in synsets(word, "n")[:senses]:
        if lexname(sid) == "noun.person" and not is_named_person(sid):
            return True
    return False


def _sense_under(word: str, roots: frozenset[str], pos: str = "n", senses: int | None = 1) -> bool:
    """Whether one of the word's first ``senses`` WordNet senses as ``pos`` (None: any sense; by
    default the most frequent noun sense) is one of ``roots`` or below one."""
    return any(roots & {sid, *hypernyms(sid, None)} for sid in synsets(word, pos)[:senses])


_PARTNER_ROOTS = frozenset({"domestic_partner.n.01", "lover.n.01", "betrothed.n.01"})


@lru_cache(maxsize=4096)
def is_partner_noun(word: str) -> bool:
    """Whether the noun's most frequent sense is a kind of spouse or lover ("wife", "husband",
    "partner", "boyfriend", "fiancee"): a relation a couple's two members hold to each other."""
    return _sense_under(word, _PARTNER_ROOTS)


_PEOPLE_GROUP_ROOTS = frozenset({"force.n.04"})


@lru_cache(maxsize=4096)
def is_people_group(word: str) -> bool:
    """Whether the noun's most frequent sense is a force of people spoken of as people ("police",
    "troops": force.n.04 and below), not an institution ("government"). "people" itself is not one:
    as a group it merged distinct groups of a story."""
    return _sense_under(word, _PEOPLE_GROUP_ROOTS)


_CASUALTY_ROOTS = frozenset({"kill.v.01", "die.v.01", "hurt.v.02"})
_PEOPLE = "people.n.01"
# "the dead" (and "the slain" below it): the table has no adjectives, so no link from "dead" to "die"
_DEAD = "dead.n.01"
_DEAD_ROOTS = frozenset({_DEAD})


def _casualty_verb(verb: str | None) -> bool:
    return verb is not None and _sense_under(verb, _CASUALTY_ROOTS, "v", 2)


@lru_cache(maxsize=16384)
def is_casualty_word(word: str, pos: str | None = None) -> bool:
    """Whether a word tells of people killed, dying or hurt: (``pos`` "v" or None) a verb form one
    of whose two first senses is killing, dying or injuring (kill.v.01, die.v.01, hurt.v.02 and
    below: "killed", "died", "wounding", "shot", "executed"); (``pos`` "n" or None) a noun whose
    most frequent sense is people in a state (under people.n.01) that is death ("dead", "slain")
    or that a casualty verb's participle names ("wounded", "maimed"). WordNet files "the lost",
    "the free", "the rich", "the sick" there too: no casualties. "fired", "cut", "arrested" are not."""
    low = word.lower()
    if pos != "n" and _casualty_verb(lemmatize(low, "v")):
        return True
    if pos == "v":
        return False
    noun = lemmatize(low, "n")
    ids = synsets(noun, "n")[:1] if noun else ()
    if not ids or noun_class(noun) != "noun.group" or _PEOPLE not in hypernyms(ids[0], None):
        return False
    if _sense_under(noun, _DEAD_ROOTS):
        return True
    return any(w != (v := lemmatize(w, "v")) and _casualty_verb(v) for w in lemmas(ids[0]))


_SCORE_ROOTS = frozenset({"score.v.01"})


@lru_cache(maxsize=4096)
def scores_points(verb: str) -> bool:
    """Whether one of the verb's senses is making points in a game (score.v.01 and below): "shoot"
    ("shot 68", "shot 12 for 20"), "hit", "score"; a bare number after it may be points made."""
    return _sense_under(verb, _SCORE_ROOTS, "v", None)


# a game or sport, one game or match played, one who plays it, a score made in it
_PLAY_ROOTS = frozenset({"game.n.01", "game.n.02", "match.n.02", "sport.n.01", "athlete.n.01", "score.n.10"})


@lru_cache(maxsize=16384)
def is_play_noun(word: str, senses: int = 2) -> bool:
    """Whether one of the noun's first ``senses`` senses is a game or sport, one game or match
    played, an athlete or a score made in play ("game", "match", "football", "quarterback",
    "touchdown"). Contests and contestants at large ("competition", "race", "rival", "player")
    are not: business and politics speak of them as much."""
    return _sense_under(word, _PLAY_ROOTS, "n", senses)


@lru_cache(maxsize=4096)
def is_time_noun(word: str, senses: int = 3) -> bool:
    """Whether one of the noun's first ``senses`` senses is a time (noun.time): "spring", "end",
    "quarter", "half" may name a part of a year; "crowd", "total", "population" do not."""
    return "noun.time" in lexnames(word, "n", senses)


# what money is worth or fetches: "price", "cost", "value" (monetary_value.n.01 and below)
_MONEY_VALUE_ROOTS = frozenset({"monetary_value.n.01"})


@lru_cache(maxsize=4096)
def is_money_noun(word: str) -> bool:
    """Whether the noun's most frequent sense speaks of money: a possession ("revenue",
    "earnings", "budget") or a monetary value ("price", "cost"; WordNet files "price" under
    noun.attribute)."""
    return noun_class(word) == "noun.possession" or _sense_under(word, _MONEY_VALUE_ROOTS)


_PERIODIC_PAYMENT_ROOTS = frozenset({"regular_payment.n.01"})


@lru_cache(maxsize=4096)
def is_periodic_payment(word: str) -> bool:
    """Whether the noun's most frequent sense is money paid by the period ("pay", "salary",
    "rent", "pension": regular_payment.n.01 and below), so that "six months of pay" is an amount."""
    return _sense_under(word, _PERIODIC_PAYMENT_ROOTS)


_NATURAL_ROOTS = frozenset({"natural_phenomenon.n.01"})


@lru_cache(maxsize=4096)
def is_natural_happening(word: str) -> bool:
    """Whether the noun's most frequent sense is a happening no one does (natural_phenomenon.n.01
    and below: "aftershock", "quake", "storm", "flood"), not an act ("game", "attack", "touchdown")
    or an outcome ("win")."""
    return _sense_under(word, _NATURAL_ROOTS)


@lru_cache(maxsize=65536)
def names_people(word: str) -> bool:
    """Whether ``word`` may name a person: WordNet knows someone called so ("Hall", "Page",
    "Smith", "Court") or its most frequent sense is a kind of person ("deputy"). "Center",
    "Hospital", "Street" name no one (a rare person sense, "center" the player, does not count)."""
    ids = synsets(word, "n")
    if ids and lexname(ids[0]) == "noun.person":
        return True
    return names_someone(word)


@lru_cache(maxsize=65536)
def names_someone(word: str) -> bool:
    """Whether WordNet knows a person called ``word`` ("Ford", "Hall", "King"; not "deputy")."""
    return any(is_named_person(sid) for sid in synsets(word, "n"))


@lru_cache(maxsize=65536)
def is_organization_noun(word: str, senses: int = 2) -> bool:
    """Whether the noun names an organisation or a body of people acting as one.

    True when one of its first ``senses`` senses sits under organization.n.01 or
    social_group.n.01 ("police", "ministry", "company", "authorities", "government", "family",
    "office"), unless its most frequent sense is a kind of person ("officials", "witnesses" are
    people). "pair", "people" (noun.group, but no social group) are not.
    """
    ids = synsets(word, "n")
    if not ids or lexname(ids[0]) == "noun.person":
        return False
    return any(ORGANIZATION_ROOTS.intersection(hypernyms(sid, None)) for sid in ids[:senses])


#: What a company holds and a person is not said to: assets (shares, stock, sales, profits), merchandise,
#: industrial sites (plant, factory, mill) and businesses (a dealership, a firm).
_COMPANY_HOLDING_ROOTS = frozenset({"assets.n.01", "commodity.n.01", "building_complex.n.01", "enterprise.n.02"})


@lru_cache(maxsize=4096)
def is_company_holding(word: str) -> bool:
    """Whether the noun's most frequent sense is something a company has and a person does not
    ("shares", "stock", "profits", "plant", "products", "dealership"), so that a name modifying it
    ("Ford shares") names the company. A person's things are not ("lawyers", "administration",
    "years", "house", "legacy", "estate")."""
    return _sense_under(word, _COMPANY_HOLDING_ROOTS)


_GENDER_ROOTS = (("female.n.02", "female"), ("male.n.02", "male"))


@lru_cache(maxsize=65536)
def person_gender(word: str) -> str | None:
    """"female" / "male" when the noun's most frequent sense is a kind of female or male person
    ("woman", "widow", "girl" / "man", "son"), else None ("suspect", "actress": WordNet does not say)."""
    ids = synsets(word, "n")[:1]
    if not ids:
        return None
    above = {ids[0], *hypernyms(ids[0], None)}
    return next((g for root, g in _GENDER_ROOTS if root in above), None)
