"""Long articles in bounded memory: split the text into chunks, read each chunk as a Doc of its
own, merge the chunks' annotations into one set over the whole text.

A parsed Doc costs some 3.5 KB of memory per character of text (a 395k-character article took
1.6 GB) and spaCy refuses a text over ``nlp.max_length`` (1,000,000 characters) outright, so an
article longer than :data:`CHUNK_CHARS` is cut at paragraph breaks (else line breaks, else
sentence ends, else spaces, else anywhere) into chunks no longer than that, and only one chunk's
Doc is alive at a time.

Merging (:func:`merge_annotations`) shifts every offset field (``start``, ``end``, ``*_start``,
``*_end``, in nested annotations too) by the chunk's position, so every offset points into the
full text; entities with the same type and name in several chunks become one entity; entity keys,
timex anchors (``t<i>``), claim indices and source register keys are renumbered into the merged
lists. What a chunk cannot see is lost at its edges: a pronoun whose antecedent is in the chunk
before, a relative date anchored on a date in the chunk before (it falls back to the publication
date), "the second source" introduced in the chunk before. Chunks are far longer than real
articles, so this only touches text that is not one ordinary article anyway.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import Any, TypeVar

from storyline.read.doc import EntityAnn
from storyline.read.extract import Annotations

__all__ = ["CHUNK_CHARS", "split_text", "merge_annotations", "shifted"]

# At most this many characters go into one Doc: about 180 MB of Doc on top of the model (measured).
CHUNK_CHARS = 50_000

T = TypeVar("T")

# Where a chunk may end, best first; each pattern's match end is the cut.
_BREAKS = (
    re.compile(r"\n[ \t]*\n\s*"),  # a paragraph break
    re.compile(r"\n\s*"),  # a line break
    re.compile(r"[.!?][\"'\u2019\u201d)\]]*\s+"),  # a sentence end
    re.compile(r"\s+"),  # a space
)


def split_text(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive chunks covering ``text``, each at most ``size`` characters
    and, unless the text has no break there, at least half of it."""
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        cut = start + size  # a hard cut when the window has no break at all
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(text, start + size // 2, start + size)]
            if ends:
                cut = ends[-1]
                break
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    return spans


def _is_offset(name: str) -> bool:
    return name in ("start", "end") or name.endswith(("_start", "_end"))


def shifted(ann: T, by: int) -> T:
    """A copy of the annotation ``ann`` with every offset field moved ``by`` characters, in the
    annotations it holds in lists (an entity's mentions and ages) too."""
    changes: dict[str, Any] = {}
    for f in dataclasses.fields(ann):  # type: ignore[arg-type]
        value = getattr(ann, f.name)
        if _is_offset(f.name) and isinstance(value, int):
            changes[f.name] = value + by
        elif isinstance(value, list) and value and dataclasses.is_dataclass(value[0]):
            changes[f.name] = [shifted(v, by) for v in value]
    return dataclasses.replace(ann, **changes)  # type: ignore[type-var]


_ANONYMOUS = re.compile(r"anonymous:(\d+)")
_PERSON = re.compile(r"person:(\d+)")


def merge_annotations(parts: Iterable[tuple[int, Annotations]]) -> Annotations:
    """One set of annotations over the whole text from ``(chunk start, chunk annotations)`` pairs
    in text order."""
    out = Annotations([], [], [], [])
    by_name: dict[tuple[str, str], EntityAnn] = {}
    anonymous = 0  # anonymous sources numbered in the chunks so far
    for offset, ann in parts:
        keys: dict[int, int] = {}  # this chunk's entity key -> merged key
        taken: set[int] = set()  # merged keys this chunk's entities joined
        mine: list[tuple[EntityAnn, EntityAnn]] = []
        for ent in ann.entities:
            ent = shifted(ent, offset)
            same = by_name.get((ent.type, ent.name))
            if same is None or same.key in taken:  # two referents of one name in one chunk stay two
                same = dataclasses.replace(ent, key=len(out.entities), mentions=[], aliases=[], ages=[], attributes={})
                out.entities.append(same)
                by_name.setdefault((ent.type, ent.name), same)
            keys[ent.key] = same.key
            taken.add(same.key)
            mine.append((same, ent))
        for same, ent in mine:
            _fold(same, ent, keys)

        out.sentences.extend(shifted(x, offset) for x in ann.sentences)
        t0, a0 = len(out.timexes), len(out.attributions)
        for t in ann.timexes:
            t = shifted(t, offset)
            if t.anchor and t.anchor.startswith("t") and t.anchor[1:].isdigit():
                t.anchor = f"t{int(t.anchor[1:]) + t0}"
            out.timexes.append(t)
        numbers = [0]
        for a in ann.attributions:
            a = shifted(a, offset)
            a.entity_key = keys.get(a.entity_key) if a.entity_key is not None else None
            if a.source_key and (m := _ANONYMOUS.fullmatch(a.source_key)):
                numbers.append(int(m.group(1)))
                a.source_key = f"anonymous:{int(m.group(1)) + anonymous}"
            elif a.source_key and (m := _PERSON.fullmatch(a.source_key)) and int(m.group(1)) in keys:
                a.source_key = f"person:{keys[int(m.group(1))]}"
            out.attributions.append(a)
        anonymous += max(numbers)
        for c in ann.claims:
            c = shifted(c, offset)
            c.subject_key = keys.get(c.subject_key) if c.subject_key is not None else None
            c.object_key = keys.get(c.object_key) if c.object_key is not None else None
            c.place_key = keys.get(c.place_key) if c.place_key is not None else None
            c.timex_index = c.timex_index + t0 if c.timex_index is not None else None
            c.attribution_index = c.attribution_index + a0 if c.attribution_index is not None else None
            out.claims.append(c)
    return out


def _fold(into: EntityAnn, ent: EntityAnn, keys: dict[int, int]) -> None:
    """Add one chunk's entity (offsets already shifted) to the merged entity of its name."""
    into.mentions.extend(ent.mentions)
    into.ages.extend(ent.ages)
    into.aliases.extend(a for a in ent.aliases if a not in into.aliases)
    into.gender = into.gender or ent.gender
    for name, value in ent.attributes.items():
        if name == "members":
            value = [keys[k] for k in value if k in keys]
        if isinstance(value, list):
            have = into.attributes.setdefault(name, [])
            have.extend(v for v in value if v not in have)
        else:
            into.attributes.setdefault(name, value)
