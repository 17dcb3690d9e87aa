"""Name-specific token helpers of the entity rules: capitalised runs, possessives, honorifics.

They read the Doc through :class:`storyline.read.doc.DocIndex` (the per-Doc token index every
``storyline_*`` component shares).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, NamedTuple

from spacy.tokens import Doc

from storyline.read.doc import DocIndex

__all__ = ["POSSESSIVE", "POSSESSIVE_S", "TITLE_INNER", "NerSpan", "is_cap", "cap_run_end", "reading_ner", "tagger_entities", "trim_possessive"]

POSSESSIVE = frozenset({"'s", "’s", "'", "’", "'S", "’S"})
POSSESSIVE_S = frozenset({"'s", "’s"})  # the possessive clitic itself, as the tokenizer splits it off
# Lower-case words allowed inside a capitalised title run ("Pirates of the Caribbean").
TITLE_INNER = frozenset({"of", "the", "and", "&", "in", "on", "a", "an", "to", "for", "at", "from", "with", "-"})


class NerSpan(NamedTuple):
    """What the entity rules read of one of the tagger's entities (a Span of ``doc.ents``)."""

    start: int
    end: int
    label_: str
    text: str


def tagger_entities(doc: Doc) -> tuple[NerSpan, ...]:
    """``doc.ents`` as :class:`NerSpan` tuples: read once per run of the entity rules (see
    :func:`reading_ner`), which ask for them a dozen times; ``doc.ents`` makes a Span per entity,
    and a Span's text a Token per word, on every call."""
    idx = DocIndex.build(doc)
    if idx.ner is not None:
        return idx.ner
    return _ner(doc, idx)


def _ner(doc: Doc, idx: DocIndex) -> tuple[NerSpan, ...]:
    text = idx.text
    return tuple(NerSpan(e.start, e.end, e.label_, text[slice(*idx.char_bounds(e.start, e.end))]) for e in doc.ents)


@contextmanager
def reading_ner(doc: Doc) -> Iterator[None]:
    """Within this block :func:`tagger_entities` reads ``doc.ents`` once. The block must not set
    ``doc.ents``; outside it nothing is kept (a later change of ``doc.ents`` is always seen)."""
    idx = DocIndex.build(doc)
    idx.ner = _ner(doc, idx)
    try:
        yield
    finally:
        idx.ner = None


def is_cap(text: str) -> bool:
    """True when ``text`` starts with an upper-case letter (a name-like token)."""
    return bool(text) and text[0].isupper()


def cap_run_end(doc: Doc, start: int, limit: int, max_len: int = 8) -> int:
    """End (exclusive) of the capitalised title run starting at ``start``; ``start`` if none.

    Lower-case function words may sit inside the run but never end it.
    """
    idx = DocIndex.build(doc)
    texts, num = idx.texts, idx.num
    end = start
    i = start
    stop = min(limit, start + max_len)
    while i < stop:
        t = texts[i]
        if is_cap(t) or (num[i] and i > start):
            i += 1
            end = i
        elif t in TITLE_INNER and i > start:
            i += 1
        else:
            break
    return end


def trim_possessive(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop trailing possessive markers and punctuation from a token span [start, end)."""
    idx = DocIndex.build(doc)
    texts, punct, space = idx.texts, idx.punct, idx.space
    while end > start and (texts[end - 1] in POSSESSIVE or punct[end - 1]):
        end -= 1
    while start < end and (punct[start] or space[start]):
        start += 1
    return start, end
