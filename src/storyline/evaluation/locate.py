"""Finding gold strings in article text.

Gold is written as strings, not offsets (see ``docs/architecture.md``), so it survives edits of
the text around it. The conventions, shared with ``tests/gold/README.md``:

- a string without ``occurrence`` must be unique in its article; with ``occurrence: k`` it is the
  k-th (0-based) match of an overlapping ``str.find`` scan;
- ``context`` (entity mentions only): a longer string that is unique (or picked by
  ``context_occurrence``) and contains the mention; the mention is its first word-bounded match
  inside the context. This keeps pronoun annotations readable ("she" in "she is done pretending");
- a source is located by ``source_occurrence`` when given, else as the occurrence nearest to its
  content;
- a plain mention string (no occurrence, no context) stands for every word-bounded occurrence.
"""

from __future__ import annotations

__all__ = [
    "GoldError",
    "Span",
    "occurrences",
    "word_occurrences",
    "locate",
    "locate_in_context",
    "locate_nearest",
    "overlap",
]

Span = tuple[int, int]


class GoldError(ValueError):
    """A gold string cannot be found in its article as the conventions require."""


def occurrences(text: str, s: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of ``s`` in ``text``."""
    if not s:
        return []
    hits, pos = [], text.find(s)
    while pos != -1:
        hits.append(pos)
        pos = text.find(s, pos + 1)
    return hits


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    # A word character on either side means the match is part of a longer word ("he" in "the").
    return not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_")


def word_occurrences(text: str, s: str) -> list[int]:
    """Occurrences of ``s`` not glued to a letter or digit on either side."""
    return [i for i in occurrences(text, s) if _bounded(text, i, i + len(s))]


def locate(text: str, s: str, occurrence: int | None = None, *, where: str = "") -> Span:
    """The span of ``s``: the unique occurrence, or the ``occurrence``-th (0-based) one."""
    hits = occurrences(text, s)
    if not hits:
        raise GoldError(f"{where}: {s!r} not found")
    if occurrence is None:
        if len(hits) > 1:
            raise GoldError(f"{where}: {s!r} occurs {len(hits)} times; give 'occurrence'")
        return hits[0], hits[0] + len(s)
    if not 0 <= occurrence < len(hits):
        raise GoldError(f"{where}: {s!r} has {len(hits)} occurrence(s), not index {occurrence}")
    return hits[occurrence], hits[occurrence] + len(s)


def locate_in_context(text: str, s: str, context: str, context_occurrence: int | None = None, *, where: str = "") -> Span:
    """The first word-bounded ``s`` inside the located ``context``."""
    cstart, cend = locate(text, context, context_occurrence, where=where)
    for i in word_occurrences(text[cstart:cend], s):
        return cstart + i, cstart + i + len(s)
    raise GoldError(f"{where}: {s!r} not found as a word inside context {context!r}")


def locate_nearest(text: str, s: str, anchor: Span, *, where: str = "") -> Span:
    """The occurrence of ``s`` closest to ``anchor`` (a source nearest its content)."""
    hits = word_occurrences(text, s) or occurrences(text, s)
    if not hits:
        raise GoldError(f"{where}: source {s!r} not found")
    # A mention inside the content ("she" in "she was tired") is not the content's source.
    outside = [i for i in hits if i + len(s) <= anchor[0] or i >= anchor[1]]
    hits = outside or hits

    def distance(i: int) -> tuple[int, int]:
        end = i + len(s)
        gap = 0 if end > anchor[0] and i < anchor[1] else min(abs(anchor[0] - end), abs(i - anchor[1]))
        return gap, i  # ties go to the earlier mention: sources usually precede continuations
    best = min(hits, key=distance)
    return best, best + len(s)


def overlap(a: Span | None, b: Span | None) -> int:
    """Number of characters two spans share (0 when either is missing)."""
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
