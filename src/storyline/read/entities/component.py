"""``storyline_entities``: one entity per named referent in an article, with every name mention.

Runs after spaCy's ``ner`` and corrects it with whole-article rules, in this order (each step
claims its tokens, so later steps cannot re-type them):

1. outlets (gazetteer + the publishing outlet, context rules for "Us", "People", ...);
2. award names used as modifiers ("the Oscar winner") are blocked: never a person; award names
   naming the award ("won an Oscar", "her Oscar speech", "the Academy Award") become one OTHER
   entity per award ("Oscar" and "Academy Award" are one);
3. works from their contexts ("the May December actress", "2010’s Black Swan"), then every other
   occurrence of the same title;
4. people: full names license surnames, given names and short forms everywhere (names_people);
   a name whose phrase says it is a place or a thing ("the village of Gavarzin") is not one
   (places.py);
5. the remaining NER spans (ORG, GPE, LOC, FAC, EVENT, WORK_OF_ART, PRODUCT), clustered by
   normalised string, acronyms ("GM") linked to the full name introduced in the same article.

Ages next to a person ("Portman, 42,") become ``EntityAnn.ages``. NORP spans (nationalities) do
not become entities. ``storyline_coref`` then adds epithets, pronouns and groups.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from storyline.read.doc import (
    AgeAnn,
    DocIndex,
    EntityAnn,
    MentionAnn,
    ensure_extensions,
)
from storyline.core import words
from storyline.read.entities.ages import find_ages
from storyline.read.entities.epithets import shouted_noun
from storyline.read.entities.headlines import title_case_tokens
from storyline.read.entities.lexicon import NAME_SUFFIXES, lexicon
from storyline.read.entities.outlets import find_outlets
from storyline.read.entities.people import body_tokens, collect_people, match_people
from storyline.read.entities.spans import reading_ner, tagger_entities, trim_possessive
from storyline.read.entities.works import find_award_names, find_awards, find_works

__all__ = ["annotate_entities", "entities_component", "write_mentions"]

_log = logging.getLogger(__name__)
_NER_TYPES = {"ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC", "EVENT": "EVENT", "WORK_OF_ART": "WORK", "PRODUCT": "OTHER"}
_CORP_SUFFIX = re.compile(r"[\s,]+(?:Inc\.?|Corp\.?|Corporation|Co\.?|Ltd\.?|LLC|plc|PLC|S\.A\.|AG|N\.V\.|Group|Holdings|Company)$")
_PLACE_ALIASES = {
    "U.S.": "United States", "US": "United States", "U.S.A.": "United States", "USA": "United States",
    "America": "United States", "United States of America": "United States", "U.S": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
    "EU": "European Union", "E.U.": "European Union", "UAE": "United Arab Emirates", "L.A.": "Los Angeles", "LA": "Los Angeles",
    "NYC": "New York City", "UN": "United Nations", "U.N.": "United Nations",
}
_NEVER_ENTITY = frozenset({"us", "we", "i", "it", "they", "you", "he", "she", "one", "today", "the"})


@dataclass
class _Ref:
    type: str
    name: str
    mentions: dict[tuple[int, int], str] = field(default_factory=dict)  # (start, end) -> kind
    gender: str | None = None
    ages: list[AgeAnn] = field(default_factory=list)
    attributes: dict = field(default_factory=dict)


class _Builder:
    """Referents under construction plus the token claims that keep steps from overlapping."""

    def __init__(self, doc: Doc, idx: DocIndex) -> None:
        self.doc, self.idx = doc, idx
        self.claimed = [-1] * len(doc)
        self.refs: list[_Ref] = []
        self.by_key: dict[tuple[str, str], int] = {}

    def ref(self, type_: str, key: str, name: str | None = None) -> int:
        k = (type_, key)
        if k not in self.by_key:
            self.by_key[k] = len(self.refs)
            self.refs.append(_Ref(type_, name or key))
        return self.by_key[k]

    def free(self, ts: int, te: int) -> bool:
        return all(self.claimed[k] < 0 for k in range(ts, te))

    def mention(self, rid: int, start: int, end: int, kind: str = "name") -> None:
        self.refs[rid].mentions.setdefault((start, end), kind)
        ts, te = self.idx.tokens_for(start, end)
        for k in range(ts, te):
            if self.claimed[k] < 0:
                self.claimed[k] = rid


def _norm_key(text: str, type_: str) -> str:
    key = text.strip()
    if key[:4] in {"the ", "The "}:
        key = key[4:]
    if type_ in {"GPE", "LOC"}:
        key = _PLACE_ALIASES.get(key, key)
    if type_ == "ORG":
        key = _CORP_SUFFIX.sub("", key) or key
    return key


def _initials(key: str) -> str:
    words = [w for w in re.split(r"[\s-]+", key) if w and w[0].isupper()]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _other_ner(b: _Builder, blocked: set[int], headline: frozenset[int] = frozenset()) -> None:
    """Entities from the remaining NER spans; one read from a Title Case line only when the article
    names it elsewhere too ("Investigation of Facility Pending" is a headline's words)."""
    doc = b.doc
    spans: list[tuple[int, int, str, str]] = []
    for ent in tagger_entities(doc):
        type_ = _NER_TYPES.get(ent.label_)
        if type_ is None:
            continue
        s, e = trim_possessive(doc, ent.start, ent.end)
        if e <= s or not b.free(s, e) or any(k in blocked for k in range(s, e)):
            continue
        text = doc[s:e].text
        if (text.lower() in _NEVER_ENTITY and not text.isupper()) or not any(c.isupper() or c.isdigit() for c in text):
            continue
        if e - s == 1 and b.idx.common_word_at_start(s):
            continue
        if _letters_after_a_name(b, s, e, text):
            continue
        if e - s == 1 and shouted_noun(doc[s]) and words.is_person_noun(doc[s].lower_):
            continue  # "A MAN was arrested": a kind of person in capitals, which the roles read

        spans.append((s, e, type_, _norm_key(text, type_)))
    if headline:
        body = {key for s, _, _, key in spans if s not in headline}
        spans = [x for x in spans if x[0] not in headline or x[3] in body]
    # "General Motors" ... "GM": an acronym joins the full name introduced in the same article.
    acronyms = {_initials(key): key for _, _, t, key in spans if t == "ORG" and _initials(key)}
    for s, e, type_, key in spans:
        if type_ == "ORG" and key.isupper() and key in acronyms:
            key = acronyms[key]
        # The tagger types the same name differently across sentences: first type seen wins.
        existing = next((b.by_key[(t, key)] for t in ("ORG", "GPE", "LOC", "EVENT", "WORK", "OTHER") if (t, key) in b.by_key), None)
        rid = existing if existing is not None else b.ref(type_, key)
        # "the European Union": a determiner before a name that heads its phrase belongs to it
        # (not in "the Airbus plane", where the name is a modifier).
        if s > 0 and doc[s - 1].lower_ == "the" and b.claimed[s - 1] < 0 and (e >= len(doc) or doc[e].pos_ not in {"NOUN", "PROPN"}):
            s -= 1
        b.mention(rid, *b.idx.char_bounds(s, e))


_SUFFIX_KEYS = frozenset(x.rstrip(".") for x in NAME_SUFFIXES)
_DEGREE_LETTERS = 4  # "MD", "MBA", "PhD": letters of a degree written after a name


def _letters_after_a_name(b: _Builder, s: int, e: int, text: str) -> bool:
    """"W. Mark Felt, Sr.", "Regina Benjamin, M.D., M.B.A.": a suffix or a degree after a person's
    name and a comma is part of how the person is written, no place or body the tagger took it for.
    Capitals before a noun they modify ("Ann Lee, FBI spokeswoman", "John Kerry, US Secretary of
    State") are the body or place the person serves."""
    if s < 2 or b.doc[s - 1].text != "," or b.claimed[s - 2] < 0 or b.refs[b.claimed[s - 2]].type != "PERSON":
        return False
    bare = text.replace(".", "").replace(" ", "")
    if bare in _SUFFIX_KEYS:
        return True
    if not (bare.isalpha() and len(bare) <= _DEGREE_LETTERS and sum(c.isupper() for c in bare) >= 2):
        return False
    # "M.D.", "Ph.D.", "PhD": dotted or in mixed case, a degree; "MD" alone only before no noun,
    # and only as WordNet knows it: a degree or a kind of person ("MBA", "RN", "CPA"), not the
    # body the person speaks for ("Jane Doe, ACLU,").
    if "." in text or not bare.isupper():
        return True
    doc = b.doc
    if e < len(doc) and doc[e].pos_ in {"NOUN", "PROPN"}:
        return False
    if _degree_or_kind_of_person(bare):
        return True
    # Honours and degrees WordNet lacks ("Sally Jones, QC,", "Ann Hill, OBE,"): two or three
    # capitals closed by a comma, unless WordNet or the article knows them as a body ("Ann Lee,
    # FBI,"; "the National Farmers Union ... Ann Hill, NFU,"). Four or more ("ACLU") are a body.
    return (len(bare) <= _HONOUR_LETTERS and e < len(doc) and doc[e].text == ","
            and not _body_known(b, s, bare))


_DEGREE = "academic_degree.n.01"
_HONOUR_LETTERS = 3  # "QC", "OBE", "MBE": postnominal letters; "ACLU", "NAACP" are bodies
_BODY_CLASSES = frozenset({"noun.group", "noun.location"})


def _degree_or_kind_of_person(letters: str) -> bool:
    return any(words.lexname(sid) == "noun.person" or _DEGREE in words.hypernyms(sid, None)
               for sid in words.synsets(letters.lower(), "n"))


def _body_known(b: _Builder, s: int, letters: str) -> bool:
    """Whether ``letters`` (at token ``s``, after a name and a comma) name a body or place: one
    WordNet knows ("FBI", "UN"), one the article spells out ("National Farmers Union"), or the
    article writes them elsewhere other than after a comma ("The NFU has backed it")."""
    if any(words.lexname(sid) in _BODY_CLASSES for sid in words.synsets(letters.lower(), "n")):
        return True
    if any(ent.label_ == "ORG" and _initials(_norm_key(ent.text, "ORG")) == letters for ent in tagger_entities(b.doc)):
        return True
    texts = b.idx.texts
    return any(t == letters and k != s and (k == 0 or texts[k - 1] != ",") for k, t in enumerate(texts))


def _works(b: _Builder, lex, blocked: set[int]) -> tuple[dict[str, int], set[tuple[str, ...]]]:
    """Titles found in a context that says they are works: title -> its entity (see
    :func:`_spread_works`), and the token texts of those made of words of English alone, which
    introduce no one ("Black Swan"; "Bettie Page", a book, is also the woman's name)."""
    idx = b.idx
    taken = blocked | {k for k, c in enumerate(b.claimed) if c >= 0}
    titles: dict[str, int] = {}
    title_words: set[tuple[str, ...]] = set()
    for s, e, _why in find_works(idx, lex, taken):
        if not b.free(s, e):
            continue
        cs, ce = idx.char_bounds(s, e)
        title = idx.text[cs:ce]
        rid = b.ref("WORK", title)
        titles[title] = rid
        if all(words.synsets(w.lower(), "n") or words.synsets(w.lower(), "v") for w in idx.texts[s:e]):
            # "Black Swan", words of English; "Bettie Page" may be her name
            title_words.add(tuple(idx.texts[s:e]))
        b.mention(rid, cs, ce)
    return titles, title_words


def _spread_works(b: _Builder, lex, blocked: set[int], titles: dict[str, int]) -> None:
    """Other occurrences of a title, once people are matched: a book called "Bettie Page" leaves
    the woman her name elsewhere. A one-word title that is also a given name ("Jackie") stays a
    work only where a work context says so."""
    idx = b.idx
    spread = [t for t in titles if " " in t or (t not in lex.gender_of_name and t not in lex.nick_groups)]
    if not spread:
        return
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(t) for t in sorted(spread, key=len, reverse=True)) + r")(?![\w-])")
    for m in rx.finditer(idx.text):
        ts, te = idx.tokens_for(m.start(), m.end())
        if b.free(ts, te) and not any(k in blocked for k in range(ts, te)):
            b.mention(titles[m.group(0)], m.start(), m.end())


def annotate_entities(doc: Doc) -> list[EntityAnn]:
    """Compute the entities of ``doc`` (name mentions only); see the module docstring."""
    with reading_ner(doc):
        return _annotate(doc)


def _annotate(doc: Doc) -> list[EntityAnn]:
    lex = lexicon()
    idx = DocIndex.build(doc)
    b = _Builder(doc, idx)
    meta = doc._.sl_meta
    publisher = getattr(meta, "outlet", None) if meta is not None else None

    for s, e, name in find_outlets(idx, lex, publisher):
        ts, te = idx.tokens_for(s, e)
        if b.free(ts, te):
            rid = b.ref("OUTLET", name)
            if name == publisher:
                b.refs[rid].attributes["publisher"] = True
            b.mention(rid, s, e)
    blocked: set[int] = set()
    for s, e in find_awards(doc, lex):
        blocked.update(range(s, e))
    for s, e, name in find_award_names(doc, lex, blocked):
        if b.free(s, e):
            rid = b.ref("OTHER", name)
            b.refs[rid].attributes["award"] = True
            b.mention(rid, *idx.char_bounds(s, e))
    titles, title_words = _works(b, lex, blocked)

    not_people: dict[tuple[int, int], str] = {}
    people = collect_people(doc, idx, lex, b.claimed, blocked, not_people, title_words)
    # A place or a body is never a person's mention, even where someone has the same name.
    places = {k for (s, e), t in not_people.items() if t in {"ORG", "GPE"} for k in range(s, e)}
    person_rid: dict[int, int] = {}
    name_mentions: list[tuple[int, int, int]] = []
    for s, e, who in match_people(idx, people, b.claimed, blocked | places, body_tokens(doc, idx, people)):
        if who not in person_rid:
            p = people[who]
            rid = b.ref("PERSON", f"#{who}", " ".join(p.words))
            b.refs[rid].gender = p.gender
            if p.relation:
                b.refs[rid].attributes["relation"] = p.relation
            person_rid[who] = rid
        b.mention(person_rid[who], s, e)
        name_mentions.append((s, e, person_rid[who]))
        # The canonical name as written ("Jean-Luc Godard", not the joined token texts).
        surface = idx.text[s:e]
        if "".join(surface.split()) == "".join(people[who].words):
            b.refs[person_rid[who]].name = surface
    _spread_works(b, lex, blocked, titles)
    # Names the tagger called people that name a place, a body or a thing: entities all the same.
    # A thing takes the type the tagger gives the same words elsewhere ("Mac": ORG), else ORG.
    seen: dict[str, str] = {}
    for ent in tagger_entities(doc):
        if ent.label_ in _NER_TYPES:
            seen.setdefault(ent.text, _NER_TYPES[ent.label_])
    for (s, e), type_ in sorted(not_people.items()):
        if b.free(s, e) and not any(k in blocked for k in range(s, e)):
            text = idx.text[slice(*idx.char_bounds(s, e))]
            type_ = seen.get(text, "ORG") if type_ == "OTHER" else type_
            b.mention(b.ref(type_, _norm_key(text, type_)), *idx.char_bounds(s, e))
    _other_ner(b, blocked, title_case_tokens(idx))

    for rid, value, s, e in find_ages(idx.text, sorted(name_mentions)):
        b.refs[rid].ages.append(AgeAnn(value, s, e))
    return _finish(b.refs, idx.text)


def _finish(refs: list[_Ref], text: str) -> list[EntityAnn]:
    live = [r for r in refs if r.mentions]
    live.sort(key=lambda r: min(r.mentions))
    out = []
    for key, r in enumerate(live):
        mentions = [MentionAnn(s, e, text[s:e], kind) for (s, e), kind in sorted(r.mentions.items())]
        surface = list(dict.fromkeys(m.text for m in mentions))
        name = r.name
        if r.type not in {"PERSON", "OUTLET", "WORK"} and not r.attributes.get("award"):
            name = max(surface, key=lambda t: (len(t.split()), len(t)))
            if name[:4] in {"the ", "The "} and r.type != "OUTLET":
                name = name[4:]
        aliases = [t for t in surface if t != name]
        out.append(EntityAnn(key, name, r.type, mentions, aliases, r.gender, sorted(r.ages, key=lambda a: a.start), r.attributes))
    return out


def _doc_id(doc: Doc) -> str:
    meta = doc._.sl_meta
    return getattr(meta, "article_id", "") or doc.text[:40]


def write_mentions(doc: Doc) -> None:
    """Rebuild ``doc.spans["sl_mentions"]`` from ``doc._.sl_entities`` (label = entity type)."""
    spans: list[Span] = []
    for ent in doc._.sl_entities or []:
        for m in ent.mentions:
            span = doc.char_span(m.start, m.end, label=ent.type, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    spans.sort(key=lambda s: (s.start, s.end))
    doc.spans["sl_mentions"] = spans


@Language.component(
    "storyline_entities",
    requires=["doc.ents", "token.ent_type", "token.tag", "token.lemma", "token.dep", "doc.sents"],
    assigns=["doc._.sl_entities", "doc.spans"],
)
def entities_component(doc: Doc) -> Doc:
    """spaCy component: ``doc._.sl_entities`` and ``doc.spans["sl_mentions"]``; never raises."""
    try:
        doc._.sl_entities = annotate_entities(doc)
    except Exception:  # noqa: BLE001 - odd text must not lose the article; degrade to no entities
        _log.warning("storyline_entities failed on %r; no entities", _doc_id(doc), exc_info=True)
        doc._.sl_entities = []
    write_mentions(doc)
    return doc


ensure_extensions()
