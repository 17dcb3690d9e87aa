"""Name-specific token helpers of the entity rules: capitalised runs, possessives, honorifics.

They read the Doc through :class:`storyline.read.doc.DocIndex` (the per-Doc token index every
``storyline_*`` component shares).
"""

from __future__ import annotations

from spacy.tokens import Doc

from storyline.read.doc import DocIndex

__all__ = ["POSSESSIVE", "TITLE_INNER", "is_cap", "cap_run_end", "trim_possessive"]

POSSESSIVE = frozenset({"'s", "’s", "'", "’", "'S", "’S"})
# Lower-case words allowed inside a capitalised title run ("Pirates of the Caribbean").
TITLE_INNER = frozenset({"of", "the", "and", "&", "in", "on", "a", "an", "to", "for", "at", "from", "with", "-"})


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
