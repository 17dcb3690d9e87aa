"""Typing a source phrase into a SOURCE_KIND of the export contract, with entity and via.

Order of tests (first match wins), and why:

1. the candidate's own hint (observation, rumor): no speaker at all;
2. the head noun: 'source/insider/friend' is anonymous even in 'Us Weekly insiders', 'court papers'
   a document, 'rumors' rumor, 'reports' other_media;
3. an outlet name: the publishing outlet (or 'we') is ``outlet``, any other ``other_media``;
4. a social cue ('captioned', 'posted') makes it ``social_media`` whoever posted;
5. an organisation or a place speaking ('police said', 'the ministry said in a statement', 'Acme
   said', 'officials say') is ``organization``: an ORG/GPE entity, or a head noun that WordNet
   files under noun.group / organization.n.01 / social_group.n.01, or the plural of an official
   (official.n.01 and its hyponyms: 'officials', 'prosecutors'). An organisation's statement is
   its own on-record voice, so the medium does not make it a document;
6. the medium ('said in a statement') makes a person's words a ``document``;
7. a person (entity, named entity, pronoun, proper noun or epithet) is ``named_person``.

``via`` is the outlet a source spoke through: the recipient of the cue ('told The Wall Street
Journal'), or the publishing outlet when the cue is exclusive ('exclusively reveals', 'tells
Life & Style exclusively', 'in the latest issue of Us') or the phrase names it ('Us Weekly
insiders').
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc

from storyline.core import words
from storyline.core.words import is_organization_noun  # ('words' is a local list in classify)
from storyline.read.attribution.context import Ctx
from storyline.read.attribution.speech import Candidate
from storyline.read.doc import DocIndex
from storyline.read.entities.lexicon import lexicon

__all__ = ["EntityIndex", "SourceInfo", "classify"]

_PRONOUNS = frozenset({"he", "she", "they", "i", "him", "her", "his", "hers"})
_ANON_PRONOUNS = frozenset({"someone", "somebody", "one", "person", "people", "anyone", "who"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "said", "same"})
_INDEFINITE = frozenset({"a", "an", "another", "one", "some"})
_PLACE_OR_ORG = frozenset({"ORG", "GPE"})
_POSSESSIVE_DETS = frozenset({"her", "his", "their", "its", "my", "our", "your"})
# WordNet's office holder: its plural ('officials say', 'prosecutors said') speaks for an institution.
_OFFICIAL = "official.n.01"


class EntityIndex:
    """Token -> (entity key, type) from ``doc._.sl_entities`` mentions (empty when absent)."""

    def __init__(self, doc: Doc):
        self.by_token: dict[int, tuple[int, str]] = {}
        self.persons: list[tuple[int, int]] = []  # (token, key) of PERSON name mentions, in order
        expand = DocIndex.build(doc).expand
        for ent in doc._.sl_entities or []:
            if ent.attributes.get("unnamed"):
                continue  # "a dancer", "her publicist", "police": people, but no named source
            for m in ent.mentions:
                span = expand(m.start, m.end)
                if span is None:
                    continue
                for k in range(*span):
                    self.by_token.setdefault(k, (ent.key, ent.type))
                if ent.type == "PERSON" and m.kind == "name":
                    self.persons.append((span[0], ent.key))
        self.persons.sort()

    def at(self, i: int) -> tuple[int, str] | None:
        return self.by_token.get(i)

    def person_before(self, i: int) -> int | None:
        """Key of the nearest PERSON named before token ``i`` (fallback for an unresolved 'she')."""
        k = bisect_left(self.persons, (i, -1))
        return self.persons[k - 1][1] if k > 0 else None


@dataclass
class SourceInfo:
    kind: str
    entity_key: int | None = None
    via: str | None = None
    plural: bool = False
    ordinal: int | None = None
    definite: bool = False
    indefinite: bool = False
    other: bool = False  # 'the other insider'
    head: str = ""
    span: tuple[int, int] | None = None  # a narrower source span than the phrase ('Glitter' in 'the tabloid Glitter')


def _head(ctx: Ctx, s: int, e: int) -> int:
    """Head token of a source phrase: the last nominal before any post-modifier ('close to')."""
    doc = ctx.doc
    head = None
    for k in range(s, e):
        t = doc[k]
        if t.lower_ in ("close", "of", "to", "from", "at", "with", "near", "in", "for") and head is not None:
            break
        if t.text in ("’s", "'s"):
            head = None  # 'the Oscar winner’s friends': the possessor is not the head
            continue
        if ctx.pos(t) in ("NOUN", "PROPN", "PRON", "") or t.is_title:
            head = k
    return head if head is not None else e - 1


def classify(ctx: Ctx, cand: Candidate, ents: EntityIndex) -> SourceInfo:
    """Kind, entity, via and register features of a candidate's source."""
    lex, doc = ctx.lex, ctx.doc
    via = _via(ctx, cand)
    if cand.kind_hint:
        return SourceInfo(cand.kind_hint)
    if cand.source is None:
        return SourceInfo("social_media" if cand.cue_class == "social" else "unattributed", via=via)
    s, e = cand.source
    h = _head(ctx, s, e)
    head = doc[h]
    low = head.lower_
    words = [doc[k].lower_ for k in range(s, e)]
    info = SourceInfo("anonymous", head=low)
    info.definite = bool(words) and words[0] in _DEFINITE
    info.indefinite = bool(words) and words[0] in _INDEFINITE
    info.other = "other" in words and "another" not in words
    for w in words:
        if w in lex.ordinals:
            info.ordinal = lex.ordinals[w]
    if words and words[0] == "another":
        info.indefinite = True
    outlet_start, outlet = next(((k, hit) for k in range(s, e) if (hit := ctx.outlet_at(k, e))), (None, None))
    names_publisher = outlet is not None and ctx.is_publisher(outlet[1])
    if words[:3] == ["one", "of", "them"]:
        info.plural, info.definite, info.head = True, True, ""
        return info
    named_outlet = outlet is not None and head.text[:1].isupper() and (
        (h > 0 and not ctx.boundary[h - 1]) or cand.cue_class in ("report", "learn")
    )
    if outlet is None and h > s and head.text[:1].isupper() and any(w in lex.outlet_nouns for w in words[: h - s]):
        # 'the tabloid Glitter', 'the magazine Velvet': an outlet named by apposition to its kind
        first = next(k for k in range(s + 1, h + 1) if doc[k].text[:1].isupper())
        info.kind = "outlet" if ctx.is_publisher(doc[first : h + 1].text) else "other_media"
        info.span = (first, h + 1)  # the source is the name, as for any appositive
        return info
    if (low in lex.anonymous_nouns or low in lex.plural_anonymous or low in _ANON_PRONOUNS) and not named_outlet:
        info.plural = low in lex.plural_anonymous or (low == "people")
        info.via = via or (ctx.publisher if names_publisher else None)
        return info
    # (not a word of an organisation's name that names no institution itself: 'the U.S. Geological
    # *Survey* said' is the agency; 'the Supreme *Court* said' is a court, as 'the court said' is)
    if low in lex.document_nouns and not (head.text[:1].isupper() and (ents.at(h) or ("", ""))[1] == "ORG"
                                          and not is_organization_noun(low)):
        info.kind, info.via = "document", via
        return info
    if low in lex.rumor_nouns:
        info.kind = "rumor"
        return info
    if low in ("report", "reports") and (len(words) > 1 or low == "report"):
        info.kind = "document"  # 'the report', 'a police report'; bare 'reports' are media
        return info
    if low in lex.media_nouns and outlet is None:
        info.kind = "other_media"
        return info
    if low in lex.publisher_pronouns or (outlet is not None and names_publisher):
        info.kind = "outlet"
        return info
    if outlet is not None:
        info.kind, info.via = "other_media", None
        if outlet_start > s and any(w in lex.outlet_nouns for w in words[: outlet_start - s]):
            info.span = (outlet_start, outlet[0])  # 'the tabloid Daily Planet' -> 'Daily Planet'
        return info
    ent = ents.at(h) or next((x for k in range(s, e) if (x := ents.at(k))), None)
    if ent and ent[1] == "OUTLET":
        info.kind = "outlet" if names_publisher else "other_media"
        return info
    person = ent[0] if ent and ent[1] in ("PERSON", "GROUP") else None
    if person is None and low in _PRONOUNS:
        person = ents.person_before(s)
    medium = _medium(ctx, cand)
    if cand.cue_class == "social" or medium == "social_media":
        info.kind, info.entity_key = "social_media", person
        return info
    at_head = ents.at(h)
    if person is not None and at_head is None and all(
        doc[k].tag_ == "PRP$" or doc[k].lower_ in _POSSESSIVE_DETS or (k + 1 < e and doc[k + 1].text in ("’s", "'s")) for k in range(s, e) if ents.at(k)
    ) and _organization(ctx, s, h):
        person = None  # 'her family said', 'Quinn's company said': the possessor is not the speaker
    if person is None and ((at_head and at_head[1] in _PLACE_OR_ORG) or (not at_head and _organization(ctx, s, h))):
        if at_head and at_head[1] == "ORG" and cand.cue_class in ("report", "news"):
            info.kind = "outlet" if ctx.is_publisher(doc[s:e].text) else "other_media"
            return info  # 'Glitter reported': a named organisation that reports is a medium
        info.kind, info.via = "organization", via
        info.entity_key = at_head[0] if at_head else None
        return info
    if medium == "document":  # 'Mendes said in a statement': the medium decides
        info.kind, info.entity_key = "document", person
        return info
    is_person = (
        person is not None
        or head.ent_type_ in ("PERSON", "ORG", "NORP")
        or low in _PRONOUNS
        or ctx.pos(head) == "PROPN"
        or info.definite  # an epithet: 'the actress', 'the Jackie star'
        or any(
            doc[k].is_title and doc[k].lower_ not in _INDEFINITE and doc[k].lower_ not in _DEFINITE
            for k in range(s, e) if k > 0 and not doc[k - 1].is_sent_end
        )
    )
    if is_person:
        info.kind, info.entity_key, info.via = "named_person", person, via
    else:
        info.via = via
    return info


def _organization(ctx: Ctx, s: int, h: int) -> bool:
    """Whether the source phrase starting at ``s`` with head ``h`` names an organisation or a place."""
    doc = ctx.doc
    head = doc[h]
    if head.ent_type_:
        return head.ent_type_ in _PLACE_OR_ORG  # 'Acme', 'the Justice Ministry', 'Greece'
    if head.text[:1].isupper() and h != s:
        return False  # a proper name the tagger typed as nothing: not a common noun
    low = head.lower_
    if low in lexicon().group_nouns:
        return False  # 'the couple', 'the pair': two people, not an institution
    if h > s and any(is_organization_noun(f"{doc[h - 1].lower_}{j}{low}") for j in ("_", "")):
        return True  # 'the coast guard'
    if is_organization_noun(low):
        return True
    if words.lemmatize(low, "n") not in (None, low):  # a plural: 'officials', 'prosecutors'
        first = words.synsets(low, "n")[:1]
        return bool(first) and (first[0] == _OFFICIAL or _OFFICIAL in words.hypernyms(first[0], None))
    return False


def _medium(ctx: Ctx, cand: Candidate) -> str | None:
    """'social_media' / 'document' when the reporting clause names the medium
    ('wrote on Instagram', 'said in a TikTok video', 'said in a statement')."""
    if cand.cue is None:
        return None
    doc, lex = ctx.doc, ctx.lex
    lo = cand.cue[0] - 1
    while lo > 0 and not ctx.boundary[lo] and cand.cue[0] - lo < 8:
        lo -= 1
    hi = cand.cue[1]
    while hi < len(doc) and not ctx.boundary[hi] and hi - cand.cue[1] < 8:
        hi += 1
    c0, c1 = cand.content
    prep = False
    for k in range(lo, hi):
        t = doc[k]
        if c0 <= t.idx < c1 or ctx.quote_of[k] >= 0:
            prep = False
            continue
        if t.lower_ in ("in", "on", "via", "through", "with", "under"):
            prep = True
            continue
        if prep and (t.lower_ in lex.social_media and (t.lower_ != "x" or t.text == "X")):
            return "social_media"
        if prep and t.lower_ in lex.document_media:
            return "document"
        if t.is_punct:
            prep = False
    return None


def _via(ctx: Ctx, cand: Candidate) -> str | None:
    if cand.recipient:
        return cand.recipient
    if cand.exclusive:
        return ctx.publisher
    return None
