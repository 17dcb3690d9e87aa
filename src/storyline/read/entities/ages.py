"""Ages written next to a person: "Portman, 42,", "son Aleph, 12,", "25-year-old activist X".

An age is an attribute of the person, never an entity and never a date. Ages next to an epithet
("The choreographer, 47,", "the 26-year-old singer") can only be read once coreference has
resolved the epithet: :func:`add_nominal_ages` does that on the resolved entities.

:func:`apposition_age` is the one reading of an age in apposition ("Portman, 42,"): after names
(:func:`find_ages`), after epithets (:func:`add_nominal_ages`) and as the quantities written at a
mention (:func:`annotate_mention_quantities`, which also reads counts after a possessive: "the
couple's three children"). The reconcile stage reads these annotations, never the text.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from storyline.read.doc import AgeAnn, DocIndex, EntityAnn, QuantityAnn
from storyline.read.quantities import quantity_at

__all__ = ["find_ages", "add_nominal_ages", "apposition_age", "annotate_mention_quantities", "age_wording"]

# Right after a name: ", 42," / ", 42." / ", 6, and" / " (42)" / ", aged 42".
_AFTER_NAME = re.compile(r"(?:\s*,\s*(?:aged\s+)?(\d{1,3})(?=\s*(?:[,.;)!?]|and\b|or\b|$))|\s+\((\d{1,3})\))")
_YEAR_OLD = re.compile(r"\b(\d{1,3})[-\s]year[-\s]old\b")
_INSIDE = re.compile(r"(?:the|a|an)\s+(\d{1,3})[-\s]year[-\s]old\b", re.I)
_BREAK = re.compile(r"[,.;:!?()\"“”]|\b(?:and|or|but|who|that|is|was|has|had)\b")


def find_ages(text: str, mentions: list[tuple[int, int, int]]) -> list[tuple[int, int, int, int]]:
    """``(entity id, value, start, end)`` for ages found next to person name mentions.

    ``mentions`` are ``(start_char, end_char, entity id)`` of PERSON name mentions, sorted by start.
    """
    out = _after(text, mentions)
    seen = {s for _, _, s, _ in out}
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


def apposition_age(text: str, end: int) -> tuple[int, int, int] | None:
    """``(value, start, end)`` of an age written right after character ``end`` (the end of a
    mention): ", 42," / ", 42." / ", 6, and" / " (42)" / ", aged 42"."""
    m = _AFTER_NAME.match(text, end)
    if not m:
        return None
    g = 1 if m.group(1) else 2
    value = int(m.group(g))
    return (value, m.start(g), m.end(g)) if 0 < value < 120 else None


def _after(text: str, mentions: list[tuple[int, int, int]]) -> list[tuple[int, int, int, int]]:
    """``(ref, value, start, end)`` for ages right after a mention: "Portman, 42,"."""
    out: list[tuple[int, int, int, int]] = []
    seen: set[int] = set()
    for _, e, ref in mentions:
        hit = apposition_age(text, e)
        if hit is not None and hit[1] not in seen:
            seen.add(hit[1])
            out.append((ref, *hit))
    return out


def add_nominal_ages(entities: list[EntityAnn], text: str) -> None:
    """Add to each PERSON entity (``EntityAnn``) the ages written at its nominal mentions.

    "The choreographer, 47," (an age right after the epithet) and "the 26-year-old singer" (an age
    inside it). Ages already recorded at the same place are not added twice. Runs after
    coreference, which decides whom the epithet denotes; a wrong resolution gives a wrong age, so
    only nominal mentions (never pronouns) count, and none when they disagree with each other or
    with the ages written next to the person's name.
    """
    for ent in entities:
        if ent.type != "PERSON":
            continue
        nominal = sorted((m.start, m.end, ent.key) for m in ent.mentions if m.kind == "nominal")
        if not nominal:
            continue
        known = {a.start for a in ent.ages}
        found = [(v, s, e) for _, v, s, e in _after(text, nominal)]
        for s, e, _ in nominal:
            m = _INSIDE.match(text, s, e)
            if m:
                found.append((int(m.group(1)), m.start(1), m.end(1)))
        stated = {a.value for a in ent.ages} | {v for v, _, _ in found}
        if len(stated) > 1:
            # One article gives one person one age: disagreeing epithet ages mean an epithet was
            # resolved to the wrong person ("The singer, 26," taken for the choreographer).
            continue
        for value, s, e in found:
            if s not in known and 0 < value < 120:
                known.add(s)
                ent.ages.append(AgeAnn(value, s, e))
        ent.ages.sort(key=lambda a: a.start)



_POSSESSIVE_PRONOUNS = frozenset({"her", "his", "their", "its", "our", "my", "your"})
_POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})


def annotate_mention_quantities(doc: Doc, entities: list[EntityAnn]) -> None:
    """Set ``MentionAnn.quantities`` of every person and group mention: the age in apposition after
    a name or an epithet ("The choreographer, 47," -> 47, measure ``age``: kept even where
    :func:`add_nominal_ages` refused it, for the reconcile stage to judge against the whole story),
    and the quantity right after a possessive ("the couple's three children", "their two kids")."""
    idx = DocIndex.build(doc)
    text, starts, texts, n = idx.text, idx.tok_starts, idx.texts, len(idx.texts)
    for ent in entities:
        if ent.type not in ("PERSON", "GROUP"):
            continue
        for m in ent.mentions:
            found: list[QuantityAnn] = []
            hit = apposition_age(text, m.end) if ent.type == "PERSON" and m.kind != "pronoun" else None
            if hit is not None:
                value, s, e = hit
                found.append(QuantityAnn(value, None, None, s, e, text[s:e], "age"))
            k = bisect.bisect_left(starts, m.end)
            possessive = m.text.lower() in _POSSESSIVE_PRONOUNS
            if k < n and starts[k] == m.end and texts[k] in _POSSESSIVE_MARKS:
                k, possessive = k + 1, True
            gap_start = starts[k - 1] + len(texts[k - 1]) if k > 0 else 0
            if possessive and k < n and text[gap_start : starts[k]] == " ":
                q = quantity_at(doc, k, n)
                if q is not None and q[0].start == starts[k] and not q[0].ordinal:
                    found.append(q[0])
            m.quantities = found


def age_wording(text: str, start: int, end: int) -> str:
    """The age in context, "Portman, 42" rather than "42": the word before it on the same line."""
    before = text[max(0, start - 40) : start].split("\n")[-1]
    m = re.search(r"(\S+)[\s,]*$", before)
    return (before[m.start(1) :] if m else "") + text[start:end]
