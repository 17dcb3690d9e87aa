"""What the ``storyline_*`` spaCy components read and write on a ``Doc``.

This module is the contract between the read-stage components. Each component declares
(in its ``@Language.component``/``factory`` call) which of these it ``requires`` and
``assigns``. All offsets are *character* offsets into ``doc.text`` (end exclusive), so they
can be stored and exported without the Doc.

Doc extensions (``doc._.<name>``):

``sl_meta``         :class:`ArticleMeta`  set by the caller before the pipeline runs
``sl_entities``     list[:class:`EntityAnn`]       storyline_entities (+ storyline_coref adds mentions)
``sl_timexes``      list[:class:`TimexAnn`]        storyline_timex
``sl_attributions`` list[:class:`AttributionAnn`]  storyline_attribution (certainty filled by storyline_certainty)
``sl_claims``       list[:class:`ClaimAnn`]        storyline_claims

Span groups (``doc.spans[...]``), for displaCy and quick inspection; label = type/kind:
``sl_mentions``, ``sl_timexes``, ``sl_sources``, ``sl_contents``, ``sl_claims``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

__all__ = [
    "ArticleMeta",
    "MentionAnn",
    "AgeAnn",
    "EntityAnn",
    "TimexAnn",
    "AttributionAnn",
    "ClaimAnn",
    "ensure_extensions",
    "char_span",
]


@dataclass
class ArticleMeta:
    """Article metadata the components may use (set as ``doc._.sl_meta`` before the pipeline)."""

    article_id: str = ""
    outlet: str | None = None  # publishing outlet's name, e.g. "Us Weekly"
    published: date | None = None  # publication date: anchors relative dates and ages


@dataclass
class MentionAnn:
    start: int
    end: int
    text: str
    kind: str  # "name" | "nominal" | "pronoun"


@dataclass
class AgeAnn:
    value: int
    start: int
    end: int


@dataclass
class EntityAnn:
    """One referent in one article. ``key`` is unique within the Doc and never reused."""

    key: int
    name: str
    type: str  # PERSON ORG GPE LOC WORK EVENT OUTLET GROUP OTHER
    mentions: list[MentionAnn] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    gender: str | None = None  # "female" | "male" | "plural" | None
    ages: list[AgeAnn] = field(default_factory=list)
    attributes: dict = field(default_factory=dict)  # roles, works, members (keys of a GROUP)


@dataclass
class TimexAnn:
    start: int
    end: int
    text: str
    type: str  # DATE TIME DURATION SET
    value: str  # TIMEX3 value
    mod: str | None = None
    anchor: str | None = None  # "DCT", "t<index>" (another timex in this doc), or None


@dataclass
class AttributionAnn:
    """Content attributed to a source. ``kind`` is a SOURCE_KIND of the export contract."""

    content_start: int
    content_end: int
    kind: str
    quote: str  # "direct" | "indirect" | "none"
    cue: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    source_text: str | None = None
    entity_key: int | None = None  # EntityAnn.key of the source, when it is an entity
    via: str | None = None
    source_key: str | None = None  # register key: "anonymous:1", "anonymous:2", "person:3", ...
    # Filled by storyline_certainty:
    certainty: str = "unknown"
    polarity: str = "positive"
    hedges: list[str] = field(default_factory=list)


@dataclass
class ClaimAnn:
    start: int
    end: int
    text: str
    predicate: str
    predicate_class: str | None
    subject_key: int | None
    object_key: int | None
    object_text: str | None
    timex_index: int | None  # index into doc._.sl_timexes
    attribution_index: int | None  # index into doc._.sl_attributions; None = unattributed narration
    source_kind: str
    certainty: str
    polarity: str
    hedges: list[str] = field(default_factory=list)
    sentence_start: int = 0
    sentence_end: int = 0


_EXTENSIONS = {
    "sl_meta": None,
    "sl_entities": None,
    "sl_timexes": None,
    "sl_attributions": None,
    "sl_claims": None,
}


def ensure_extensions() -> None:
    """Register the Doc extensions once (idempotent)."""
    for name, default in _EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def char_span(doc: Doc, start: int, end: int, label: str = ""):
    """``doc.char_span`` that snaps outward to token boundaries instead of returning None."""
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    return span


ensure_extensions()
