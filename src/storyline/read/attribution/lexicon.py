"""The reporting-cue lexicon (``data/cues.json``) and outlet names, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from storyline.core.lexicon import load_data
from storyline.read.entities.lexicon import lexicon

__all__ = ["CueLexicon", "cue_lexicon"]


@dataclass(frozen=True)
class CueLexicon:
    verb_forms: dict[str, tuple[str, str]]  # surface form -> (lemma, class)
    anonymous_nouns: frozenset[str]
    plural_anonymous: frozenset[str]
    document_nouns: frozenset[str]
    rumor_nouns: frozenset[str]
    media_nouns: frozenset[str]
    perception_verbs: frozenset[str]
    observation_phrases: tuple[tuple[str, ...], ...]
    rumor_adverbs: frozenset[str]
    rumor_phrases: tuple[tuple[str, ...], ...]
    exclusive: frozenset[str]
    ordinals: dict[str, int]
    participial: frozenset[str]
    publisher_pronouns: frozenset[str]
    outlet_words: frozenset[str]  # 'Times', 'Gazette': a capitalised name ending so is an outlet
    outlet_nouns: frozenset[str]  # 'tabloid': 'the tabloid Glitter' names an outlet
    outlet_first_words: frozenset[str]  # 'Daily': a two-word capitalised name opening so is an outlet
    crowd_nouns: frozenset[str]
    document_media: frozenset[str]
    speech_nouns: frozenset[str]  # 'announcement': a nominal cue of a 'that' clause
    nominal_cues: frozenset[str]  # verb lemmas reporting an event noun ('announced job cuts'), "meantime" only
    social_media: frozenset[str]
    outlets: dict[str, str]  # surface form (exact case) -> canonical outlet name
    ambiguous_outlets: dict[str, str]  # forms that are also ordinary words ('Us', 'People')

    def verb(self, token) -> tuple[str, str] | None:
        """(lemma, class) when ``token`` is a reporting verb form. A capitalised form inside a name
        ('the United States automakers', 'Consumer Reports staff') is none: tagged a proper noun,
        after a capitalised word and before a lower-case one (a Title Case headline's 'Apple Says
        It Will' keeps its cue)."""
        v = self.verb_forms.get(token.lower_)
        if v is None or not token.is_title or token.pos_ != "PROPN" or token.i == 0:
            return v
        doc = token.doc
        if doc[token.i - 1].is_title and token.i + 1 < len(doc) and doc[token.i + 1].is_lower:
            return None
        return v


_SHAPE = {
    "verbs": dict, "source_nouns": dict, "plural_anonymous": list, "observation": dict, "rumor": dict,
    "exclusive": list, "ordinals": dict, "participial_cues": list, "publisher_pronouns": list,
    "outlet_words": list, "outlet_first_words": list, "outlet_nouns": list, "crowd_nouns": list,
    "document_media": list, "social_media": list, "speech_nouns": list, "nominal_cues": list,
}  # fmt: skip


def _phrases(items) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted({tuple(p.lower().split()) for p in items}, key=len, reverse=True))


@lru_cache(maxsize=1)
def cue_lexicon() -> CueLexicon:
    """The cue lexicon; outlet names come from the entities gazetteer (``data/outlets.json``)."""
    raw = load_data("cues.json", _SHAPE)
    forms: dict[str, tuple[str, str]] = {}
    for lemma, entry in raw.get("verbs", {}).items():
        for form in entry.get("forms", []):
            forms[form.lower()] = (lemma, entry.get("class", "assert"))
    nouns = raw.get("source_nouns", {})
    obs = raw.get("observation", {})
    rumor = raw.get("rumor", {})
    outlets: dict[str, str] = {}
    ambiguous: dict[str, str] = {}
    for o in lexicon().outlets:  # the entities gazetteer, parsed once for both stages
        for form in (o.name, *o.aliases):
            outlets[form] = o.name
        for form in o.ambiguous:
            ambiguous[form] = o.name
    return CueLexicon(
        verb_forms=forms,
        anonymous_nouns=frozenset(nouns.get("anonymous", [])),
        plural_anonymous=frozenset(raw.get("plural_anonymous", [])),
        document_nouns=frozenset(nouns.get("document", [])),
        rumor_nouns=frozenset(nouns.get("rumor", [])),
        media_nouns=frozenset(nouns.get("media", [])),
        perception_verbs=frozenset(obs.get("perception_verbs", [])),
        observation_phrases=_phrases(obs.get("phrases", [])),
        rumor_adverbs=frozenset(rumor.get("adverbs", [])),
        rumor_phrases=_phrases(rumor.get("phrases", [])),
        exclusive=frozenset(raw.get("exclusive", [])),
        ordinals=dict(raw.get("ordinals", {})),
        participial=frozenset(raw.get("participial_cues", [])),
        publisher_pronouns=frozenset(raw.get("publisher_pronouns", [])),
        outlet_words=frozenset(raw.get("outlet_words", [])),
        outlet_first_words=frozenset(raw.get("outlet_first_words", [])),
        outlet_nouns=frozenset(raw.get("outlet_nouns", [])),
        crowd_nouns=frozenset(raw.get("crowd_nouns", [])),
        document_media=frozenset(raw.get("document_media", [])),
        speech_nouns=frozenset(raw.get("speech_nouns", [])),
        nominal_cues=frozenset(raw.get("nominal_cues", [])),
        social_media=frozenset(raw.get("social_media", [])),
        outlets=outlets,
        ambiguous_outlets=ambiguous,
    )
