"""The wording cues a domain pack's classes define, found on a claim (:attr:`Claim.cues`).

A pack class may list phrases (``storyline/data/packs/README.md``): ``denial_words`` name the class
in a denial, ``rescue_words`` put a claim no predicate typed into it, ``takes_from`` moves a claim
of another class into it ("living apart" is the separation, not a residence). They are matched
here, on the claim's own text, so the reconcile stage decides what a denial denies, or where a
claim belongs, from the cues alone.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from storyline.core.packs import load_pack

__all__ = ["pack_cues", "reports_denial"]


def _word(alt: str) -> str:
    return re.escape(alt[:-1]) + r"\w*" if alt.endswith("*") else re.escape(alt)


def _alternatives(phrases: tuple[str, ...]) -> str:
    """A regex group matching any of ``phrases`` (pack phrase syntax: "a|b" alternatives, "word*")."""
    words = [r"\s+".join("(?:" + "|".join(_word(a) for a in w.split("|")) + ")" for w in p.split()) for p in phrases]
    return "(?:" + "|".join(words) + ")"


@lru_cache(maxsize=None)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile(r"\b" + _alternatives(phrases) + r"\b", re.I) if phrases else None


def _uses(text: str, phrases: tuple[str, ...]) -> bool:
    rx = _pattern(phrases)
    return rx is not None and rx.search(text) is not None


@lru_cache(maxsize=None)
def _denial_pattern(objects: tuple[str, ...]) -> re.Pattern[str] | None:
    if not objects:
        return None
    # "deny" then, at most one determiner away, what is denied.
    return re.compile(r"\b(?:denied|denies|deny|denying)\s+(?:(?:an?|the|any|all|those|these)\s+)?"
                      + _alternatives(objects) + r"\b", re.I)


def reports_denial(text: str, objects: tuple[str, ...]) -> bool:
    """True when ``text`` reports a denial of one of ``objects`` (phrases as in the packs):
    "who denied cheating in January" is a denial, not the cheating."""
    rx = _denial_pattern(objects)
    return rx is not None and rx.search(text) is not None


@lru_cache(maxsize=None)
def _pack_denial_words(packs: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for name in packs for c in load_pack(name).classes.values() for w in c.denial_words)


def pack_cues(text: str, pclass: str | None, packs: Iterable[str]) -> list[str]:
    """Cues for a claim worded ``text`` of class ``pclass`` (None: no predicate of the packs typed
    it): ``about:<class>`` for every class its words name as a denial would (in the packs' class
    order, so the first is what a denial denies), then ``class:<class>`` when its words put it in
    another class, then ``reported_denial`` when it reports a denial of what a class names
    ("who denied cheating")."""
    about: list[str] = []
    moved: str | None = None
    packs = tuple(packs)
    for name in packs:
        for c in load_pack(name).classes.values():
            if _uses(text, c.denial_words):
                about.append(f"about:{c.name}")
            if moved is None:
                # Only a claim nothing typed is rescued: a sentence that merely mentions "the
                # couple's separation" is typed by its own predicate and keeps it.
                phrases = c.rescue_words if pclass is None else c.takes_from.get(pclass, ())
                if _uses(text, phrases):
                    moved = c.name
    denied = ["reported_denial"] if reports_denial(text, _pack_denial_words(packs)) else []
    return about + ([f"class:{moved}"] if moved else []) + denied
