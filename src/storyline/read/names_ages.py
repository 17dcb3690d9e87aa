"""Ages written next to a person: "Portman, 42,", "son Aleph, 12,", "25-year-old activist X".

An age is an attribute of the person, never an entity and never a date.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["find_ages"]

# Right after a name: ", 42," / ", 42." / ", 6, and" / " (42)" / ", aged 42".
_AFTER_NAME = re.compile(r"(?:\s*,\s*(?:aged\s+)?(\d{1,3})(?=\s*(?:[,.;)!?]|and\b|or\b|$))|\s+\((\d{1,3})\))")
_YEAR_OLD = re.compile(r"\b(\d{1,3})[-\s]year[-\s]old\b")
_BREAK = re.compile(r"[,.;:!?()\"“”]|\b(?:and|or|but|who|that|is|was|has|had)\b")


def find_ages(text: str, mentions: list[tuple[int, int, int]]) -> list[tuple[int, int, int, int]]:
    """``(entity id, value, start, end)`` for ages found next to person name mentions.

    ``mentions`` are ``(start_char, end_char, entity id)`` of PERSON name mentions, sorted by start.
    """
    out: list[tuple[int, int, int, int]] = []
    seen: set[int] = set()
    for s, e, ref in mentions:
        m = _AFTER_NAME.match(text, e)
        if not m:
            continue
        g = 1 if m.group(1) else 2
        value = int(m.group(g))
        if 0 < value < 120 and m.start(g) not in seen:
            seen.add(m.start(g))
            out.append((ref, value, m.start(g), m.end(g)))
    starts = [m[0] for m in mentions]
    for m in _YEAR_OLD.finditer(text):
        value = int(m.group(1))
        if not 0 < value < 120:
            continue
        k = bisect.bisect_left(starts, m.end())
        if k >= len(mentions):
            continue
        s, _, ref = mentions[k]
        gap = text[m.end() : s]
        # "25-year-old climate activist Camille" — only modifiers between the age and the name.
        if len(gap) <= 60 and not _BREAK.search(gap) and m.start() not in seen:
            seen.add(m.start())
            out.append((ref, value, m.start(), m.end()))
    return out
