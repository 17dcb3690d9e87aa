"""What the ``storyline_*`` spaCy components read and write on a ``Doc``.

This module is the contract between the read-stage components. Each component declares
(in its ``@Language.component`` call) everything it ``requires`` and ``assigns``, in spaCy's
naming: ``doc._.sl_entities``, ``token.dep``, ``token.head``, ``doc.sents``, ``doc.spans``, ...
(``tests/read/test_components_contract.py`` checks the declarations against what each component
reads and writes, and that ``nlp.analyze_pipes()`` finds no problem). Two conventions:

- part-of-speech tags are declared as ``token.tag``: the English pipelines map ``token.pos`` from
  the tags in their ``attribute_ruler``, which declares nothing;
- ``sl_meta`` is the pipeline's input, not an annotation: the caller sets it, any component may
  read it, none declares it.

All offsets are *character* offsets into ``doc.text`` (end exclusive), so they can be stored and
exported without the Doc.

Doc extensions (``doc._.<name>``):

``sl_meta``         :class:`ArticleMeta`  set by the caller before the pipeline runs
``sl_entities``     list[:class:`EntityAnn`]       storyline_entities (+ storyline_coref adds mentions,
                                                   the ages at epithets and the quantities at mentions)
``sl_timexes``      list[:class:`TimexAnn`]        storyline_timex
``sl_attributions`` list[:class:`AttributionAnn`]  storyline_attribution (certainty filled by storyline_certainty)
``sl_claims``       list[:class:`ClaimAnn`]        storyline_claims (with the quantities of each claim)

``doc.user_data`` holds the :class:`DocIndex` cache (any component) and the content assessments
``storyline_certainty`` hands to ``storyline_claims``.

Span groups (``doc.spans[...]``), for displaCy and quick inspection; label = type/kind:
``sl_mentions``, ``sl_timexes``, ``sl_sources``, ``sl_contents``, ``sl_claims``.

:class:`DocIndex` is the per-Doc token index the components share: built once per Doc, linear,
cached on the Doc itself (``doc.user_data``), so every component reuses one build whatever order
``nlp.pipe`` runs Docs in. Token attributes are read in one ``Doc.to_array`` call: creating a
``Token`` object per token per component costs more than the rules that use it.
"""

from __future__ import annotations

import bisect
import weakref
from dataclasses import dataclass, field
from datetime import date

from spacy.attrs import (
    IDX,
    IS_PUNCT,
    IS_SPACE,
    LIKE_NUM,
    LOWER,
    ORTH,
    SENT_START,
    SPACY,
)
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc

__all__ = [
    "ArticleMeta",
    "QuantityAnn",
    "MentionAnn",
    "AgeAnn",
    "EntityAnn",
    "TimexAnn",
    "AttributionAnn",
    "ClaimAnn",
    "SentenceAnn",
    "ensure_extensions",
    "char_span",
    "DocIndex",
    "FINITE_TAGS",
    "NOMINAL_COPULAS",
    "COPULAS",
]

# Penn tags of a finite verb (a clause of its own): past, present third person and not, modal.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

# Lemmas of verbs linking a subject to a noun phrase that names it ("X is / became / remains the
# suspect"), and of those linking it to an adjective as well ("X seemed tired", "got angry").
NOMINAL_COPULAS = frozenset({"be", "become", "remain"})
COPULAS = NOMINAL_COPULAS | {"feel", "seem", "look", "stay", "get", "appear", "sound"}


@dataclass
class ArticleMeta:
    """Article metadata the components may use (set as ``doc._.sl_meta`` before the pipeline)."""

    article_id: str = ""
    outlet: str | None = None  # publishing outlet's name, e.g. "Us Weekly"
    published: date | None = None  # publication date: anchors relative dates and ages


@dataclass
class QuantityAnn:
    """A number as written, with what it counts: "at least 12 people", "about 1,500", "11 times".

    ``value`` is the number (an ordinal's rank when ``ordinal``: "10th anniversary" -> 10); ``unit``
    the lemma of the noun it counts or measures ("people", "child", "year", "time", "percent"),
    else None; ``modifier`` one of ``at_least``, ``more_than``, ``about``, ``at_most``, ``exactly``
    or None. ``start``/``end``/``text`` cover the modifier, the number and its noun, and the words
    that say what it measures when ``measure`` is set: ``"age"`` (an age stated of someone: "is 42",
    "turned 40", "42 years old", "Portman, 42") or ``"marriage"`` (a length of marriage or a wedding
    anniversary: "11 years of marriage", "married for 9 years", "10th wedding anniversary").
    ``near`` marks "almost 50", "nearly 50"; ``area`` a "square" unit.

    A claim's quantities also carry what the rest of its sentence says about them
    (:mod:`storyline.read.quantity_context`): ``role``/``role_pos`` (the verb or noun saying what
    happened to what it counts), ``counted`` and ``self_described`` (the noun it counts when that
    is no unit of measure), ``scope`` (where it was counted) and, for a length, ``anchor`` and
    ``direction`` (the place it is measured from); the fields of :class:`storyline.core.records.Quantity`.
    """

    value: float
    unit: str | None
    modifier: str | None
    start: int
    end: int
    text: str
    measure: str | None = None
    ordinal: bool = False
    near: bool = False
    area: bool = False
    role: str | None = None
    role_pos: str | None = None
    counted: str | None = None
    self_described: bool = False
    scope: str | None = None
    anchor: str | None = None
    direction: str | None = None


@dataclass
class MentionAnn:
    start: int
    end: int
    text: str
    kind: str  # "name" | "nominal" | "pronoun"
    # What is written right after the mention (set by storyline_coref): an age in apposition
    # ("The choreographer, 47"), a count after a possessive ("the couple's three children").
    quantities: list[QuantityAnn] = field(default_factory=list)


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
    cue_start: int | None = None  # char offsets of the cue words (a continuing quote shares its donor's)
    cue_end: int | None = None
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
    quantities: list[QuantityAnn] = field(default_factory=list)  # numbers in the claim, in text order
    predicate_start: int | None = None  # char offsets of the predicate's own words
    predicate_end: int | None = None
    predicate_pos: str | None = None  # "verb", "noun" or "adj"
    event_key: str | None = None  # storyline.core.words.event_key of the predicate
    frame: str | None = None  # WordNet lexname of the predicate's sense
    eventive: bool = True  # False: light/copular/cognition predicates that never head a fact alone
    place_key: int | None = None  # entity key of the place, when an entity
    place_text: str | None = None  # the place as written, when not an entity
    cues: list[str] = field(default_factory=list)  # names from storyline.read.cues.CLAIM_CUES
    lemmas: list[str] = field(default_factory=list)  # content words (storyline.read.wording.content_lemmas)


@dataclass
class SentenceAnn:
    """One sentence of the Doc (``doc.sents``, surrounding spaces left out) and its distinct
    lower-case word forms (:func:`storyline.read.wording.sentence_anns`)."""

    start: int
    end: int
    words: list[str] = field(default_factory=list)


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


_OPEN_QUOTES = frozenset({'"', "“", "‘", "'", "(", "[", "—", "–", "-", ":", "…"})
_CACHE_KEY = "storyline.DocIndex"  # doc.user_data key of the cached index
_ATTRS = [IDX, SPACY, IS_PUNCT, IS_SPACE, LIKE_NUM, LOWER, SENT_START, ORTH]


@dataclass(eq=False)
class DocIndex:
    """Token-level facts computed once per Doc: token texts and flags, sentences, char -> token maps."""

    _doc_ref: weakref.ref = field(repr=False)  # weak: the index lives on the Doc it points to
    sent_of: list[int] = field(default_factory=list)
    sent_bounds: list[tuple[int, int]] = field(default_factory=list)  # token [start, end) per sentence
    initial: list[bool] = field(default_factory=list)  # first word of a sentence or of a quote
    tok_starts: list[int] = field(default_factory=list)  # token char starts, ascending
    text: str = ""
    lower_words: set[str] = field(default_factory=set)  # words the article writes in lower case
    texts: list[str] = field(default_factory=list)  # token.text per token
    lowers: list[str] = field(default_factory=list)  # token.lower_ per token
    space_after: list[bool] = field(default_factory=list)  # token.whitespace_ is non-empty
    punct: list[bool] = field(default_factory=list)  # token.is_punct
    space: list[bool] = field(default_factory=list)  # token.is_space
    num: list[bool] = field(default_factory=list)  # token.like_num
    _sents_key: bool = field(default=False, repr=False)  # whether sentences were known at build time
    title_case: frozenset[int] | None = field(default=None, repr=False)  # read.entities.headlines fills it once
    caps_lines: frozenset[int] | None = field(default=None, repr=False)  # the same, for lines in capitals
    number_starts: list[int] | None = field(default=None, repr=False)  # read.quantities fills it once
    ner: tuple | None = field(default=None, repr=False)  # read.entities.spans.reading_ner: doc.ents, while it runs

    @property
    def doc(self) -> Doc:
        """The Doc this index describes."""
        doc = self._doc_ref()
        if doc is None:  # only reachable if a caller kept the index and dropped the Doc
            raise ReferenceError("the Doc of this DocIndex no longer exists")
        return doc

    @classmethod
    def build(cls, doc: Doc) -> DocIndex:
        """The index of ``doc``: built on first use, then cached on the Doc for later components.

        A cached index is reused only while the Doc still has the same tokens and the same
        sentence annotation state (a component that retokenises or parses later gets a new one).
        """
        cached = doc.user_data.get(_CACHE_KEY)
        # A Doc's sentences, once known, stay known: an index built for this very Doc with them
        # needs only the token count checked (components ask for it hundreds of times per Doc).
        if isinstance(cached, DocIndex) and cached._sents_key and cached._doc_ref() is doc and len(cached.texts) == len(doc):
            return cached
        has_sents = bool(len(doc)) and (doc.has_annotation("SENT_START") or doc.has_annotation("DEP"))
        if isinstance(cached, DocIndex) and len(cached.texts) == len(doc) and cached._sents_key == has_sents:
            return cached
        idx = cls._fresh(doc, has_sents)
        doc.user_data[_CACHE_KEY] = idx
        return idx

    @classmethod
    def _fresh(cls, doc: Doc, has_sents: bool) -> DocIndex:
        n = len(doc)
        if n:
            starts, spaces, punct, space, num, lower, sent_start, orth = doc.to_array(_ATTRS).T.tolist()
        else:
            starts, spaces, punct, space, num, lower, sent_start, orth = [], [], [], [], [], [], [], []
        strings = doc.vocab.strings
        texts = [strings[h] for h in orth]
        # Doc.text joins each Token's text_with_ws: the same string without a Token per word.
        text = "".join([t + " " if sp else t for t, sp in zip(texts, spaces)])
        idx = cls(weakref.ref(doc), text=text, _sents_key=has_sents)
        idx.texts = texts
        idx.tok_starts = starts
        idx.lowers = [strings[h] for h in lower]
        idx.space_after = [bool(x) for x in spaces]
        idx.punct = [bool(x) for x in punct]
        idx.space = [bool(x) for x in space]
        idx.num = [bool(x) for x in num]
        idx.sent_of = [0] * n
        idx.initial = [False] * n
        if has_sents and "sents" not in doc.user_hooks and doc.has_annotation("SENT_START"):
            # What Doc.sents yields, without a Span per sentence: a sentence starts where
            # sent_start == 1 (to_array gives -1 as 2**64 - 1, which is not 1 either).
            cuts = [0] + [i for i in range(1, n) if sent_start[i] == 1] + [n]
            sents = list(zip(cuts, cuts[1:]))
        elif has_sents:
            sents = [(s.start, s.end) for s in doc.sents]
        else:
            sents = [(0, n)] if n else []
        idx.sent_bounds = sents
        for sid, (s, e) in enumerate(sents):
            idx.sent_of[s:e] = [sid] * (e - s)
            # The first word after leading quotes/punctuation is capitalised by position, not name.
            j = s
            while j < e and (texts[j] in _OPEN_QUOTES or not any(c.isalnum() for c in texts[j])):
                j += 1
            if j < e:
                idx.initial[j] = True
        for i in range(1, n):
            prev = texts[i - 1]
            # After an opening quote or a line break a capital letter says nothing either.
            if prev in {"“", '"', "‘"} or "\n" in text[starts[i - 1] + len(prev) : starts[i]] or "\n" in prev:
                idx.initial[i] = True
        idx.lower_words = {w for w in texts if w.islower()}
        return idx

    def common_word_at_start(self, i: int) -> bool:
        """A sentence-initial capitalised word the article also uses in lower case ("Still", "Sources")."""
        low = self.lowers[i]
        return self.initial[i] and (low in self.lower_words or low in STOP_WORDS)

    def char_bounds(self, start: int, end: int) -> tuple[int, int]:
        """Character [start, end) of the token span [start, end) (``doc[start:end]``'s text)."""
        return self.tok_starts[start], self.tok_starts[end - 1] + len(self.texts[end - 1])

    def token_at(self, char: int) -> int | None:
        """Index of the token starting exactly at ``char``, else None."""
        k = bisect.bisect_left(self.tok_starts, char)
        if k < len(self.tok_starts) and self.tok_starts[k] == char:
            return k
        return None

    def token_covering(self, char: int) -> int:
        """Index of the token containing (or first after) ``char``."""
        k = bisect.bisect_right(self.tok_starts, char) - 1
        return max(k, 0)

    def expand(self, start: int, end: int) -> tuple[int, int] | None:
        """Token [start, end) of ``doc.char_span(start, end, alignment_mode="expand")`` (None where
        it is None), for ``start < end``: the tokens a character span touches, without the Span
        (the components ask for every mention's tokens, and a Span makes Tokens to know its edges)."""
        first, last = self._token_by_char(start), self._token_by_char(end - 1)
        if first < 0 or last < 0:
            return None
        if start == self.tok_starts[first] + len(self.texts[first]):
            first += 1  # in the whitespace after a token: the span starts at the next one
        return first, last + 1

    def _token_by_char(self, char: int) -> int:
        """The token whose text or trailing whitespace holds ``char``, else -1 (spaCy's
        ``token_by_char``: a Doc's tokens and their whitespace tile its text)."""
        k = bisect.bisect_right(self.tok_starts, char) - 1
        if k < 0 or char >= self.tok_starts[k] + len(self.texts[k]) + self.space_after[k]:
            return -1
        return k

    def tokens_for(self, start: int, end: int) -> tuple[int, int]:
        """Token range [i, j) covering char span [start, end)."""
        i = self.token_covering(start)
        j = bisect.bisect_left(self.tok_starts, end)
        return i, max(j, i + 1)


ensure_extensions()
