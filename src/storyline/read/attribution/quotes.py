"""Pairing quotation marks on plain text, one paragraph at a time.

Marks are classified by their neighbours rather than by glyph alone, because scraped text mixes
curly and straight marks and sometimes uses the wrong curly one: a mark preceded by a space (or
the paragraph start, or an opening bracket) and followed by a non-space opens; one preceded by a
non-space closes. Pairing never raises: an odd mark degrades only its own paragraph.

Conventions handled:

- a quote that runs over paragraphs leaves the opening paragraph unclosed and re-opens the next
  one (``continues`` / ``continued`` flags link the pieces);
- an opening mark left unclosed at a paragraph end (and not continued) is taken to run to the
  paragraph end (``unbalanced``), as is a closing mark with no opener before it (from the start);
- single marks are quotes only when nested inside a double quote (``nested``), or at top level in a
  paragraph with no double marks at all (British style); a single mark between letters is an
  apostrophe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Quote", "find_quotes", "paragraphs"]

_DOUBLE = frozenset("\u201c\u201d\"\u201e\u00ab\u00bb")
_SINGLE = frozenset("\u2018\u2019'")
_OPEN_GLYPHS = frozenset("\u201c\u201e\u00ab\u2018")
_CLOSE_GLYPHS = frozenset("\u201d\u00bb\u2019")
_OPENERS_BEFORE = frozenset("([{\u2014\u2013-/")
_PARA = re.compile(r"[^\n]+")


@dataclass
class Quote:
    """One quotation: marks at ``start`` and ``end - 1``; the quoted words are ``inner_start:inner_end``."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    paragraph: int
    nested: list[tuple[int, int]] = field(default_factory=list)  # inner spans of nested quotes
    continues: bool = False  # runs on into the next paragraph
    continued: bool = False  # continues a quote from the previous paragraph
    unbalanced: bool = False  # one of its marks was missing; its extent is a best guess
    single: bool = False  # top-level quote in single marks


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the non-empty lines of ``text`` (a newline always ends a paragraph)."""
    spans = []
    for m in _PARA.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            spans.append((s, e))
    return spans


def _side(text: str, i: int, lo: int, hi: int) -> str:
    """'open', 'close' or '?' for the mark at ``i`` from its neighbours within ``lo:hi``."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left_open = prev.isspace() or prev in _OPENERS_BEFORE or prev in _DOUBLE or prev in _SINGLE
    right_open = nxt.isspace() or nxt in ",.;:!?)]}\u2014\u2013" or nxt in _DOUBLE or nxt in _SINGLE
    if left_open and not nxt.isspace():
        return "open"
    if right_open and not prev.isspace():
        return "close"
    if text[i] in _OPEN_GLYPHS:
        return "open"
    if text[i] in _CLOSE_GLYPHS:
        return "close"
    return "?"


def _double_marks(text: str, lo: int, hi: int) -> list[tuple[int, str]]:
    marks = []
    for i in range(lo, hi):
        if text[i] in _DOUBLE:
            side = _side(text, i, lo, hi)
            if side == "?":  # a lone straight mark between spaces: alternate
                side = "close" if marks and marks[-1][1] == "open" else "open"
            marks.append((i, side))
    return marks


def _single_pairs(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(open index, close index) pairs of single marks in ``lo:hi``; apostrophes are skipped."""
    pairs = []
    opened: int | None = None
    for i in range(lo, hi):
        ch = text[i]
        if ch not in _SINGLE:
            continue
        prev = text[i - 1] if i > lo else " "
        nxt = text[i + 1] if i + 1 < hi else " "
        if prev.isalnum() and nxt.isalnum():
            continue  # didn't, Millepied’s
        is_open = (not prev.isalnum()) and (nxt.isalnum() or nxt in _DOUBLE) and ch != "\u2019"
        is_open = is_open or ((prev.isspace() or prev in _DOUBLE or i == lo) and nxt.isalpha())
        if opened is None:
            if is_open:
                opened = i
        elif not prev.isspace() and (not nxt.isalnum()):
            pairs.append((opened, i))
            opened = None
    return pairs


def find_quotes(text: str) -> list[Quote]:
    """Every quotation in ``text``, in order; never raises, whatever the marks."""
    quotes: list[Quote] = []
    paras = paragraphs(text)
    pending_continue = False
    for p_index, (lo, hi) in enumerate(paras):
        marks = _double_marks(text, lo, hi)
        found: list[Quote] = []
        if not marks:
            pending_continue = False
            for o, c in _single_pairs(text, lo, hi):
                if c - o > 3:  # British-style quotes in a paragraph without double marks
                    found.append(Quote(o, c + 1, o + 1, c, p_index, single=True))
            quotes.extend(found)
            continue
        opened: int | None = None
        for k, (i, side) in enumerate(marks):
            if side == "open":
                if opened is not None:
                    # Two openers in a row: the first lost its closer; end it before the second.
                    found.append(_make(text, opened, i, p_index, unbalanced=True, closed=False))
                opened = i
            else:
                if opened is not None:
                    found.append(_make(text, opened, i + 1, p_index))
                    opened = None
                elif k == 0:
                    # A closer with no opener: the opener was lost at the paragraph start.
                    found.append(Quote(lo, i + 1, lo, i, p_index, unbalanced=True))
        if opened is not None:
            nxt = paras[p_index + 1] if p_index + 1 < len(paras) else None
            runs_on = nxt is not None and text[nxt[0]] in _DOUBLE and _side(text, nxt[0], nxt[0], nxt[1]) == "open"
            q = _make(text, opened, hi, p_index, unbalanced=not runs_on, closed=False)
            q.continues = runs_on
            found.append(q)
        if pending_continue and found and found[0].start == lo:
            found[0].continued = True
        pending_continue = bool(found) and found[-1].continues
        quotes.extend(found)
    return quotes


def _make(text: str, start: int, end: int, paragraph: int, unbalanced: bool = False, closed: bool = True) -> Quote:
    inner_end = end - 1 if closed else end
    while not closed and inner_end > start + 1 and text[inner_end - 1].isspace():
        inner_end -= 1
    q = Quote(start, end if closed else inner_end, start + 1, inner_end, paragraph, unbalanced=unbalanced)
    q.nested = [(o + 1, c) for o, c in _single_pairs(text, q.inner_start, q.inner_end)]
    return q
