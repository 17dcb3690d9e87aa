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

__all__ = ["pack_cues"]


def _word(alt: str) -> str:
    return re.escape(alt[:-1]) + r"\w*" if alt.endswith("*") else re.escape(alt)


@lru_cache(maxsize=None)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    words = [r"\s+".join("(?:" + "|".join(_word(a) for a in w.split("|")) + ")" for w in p.split()) for p in phrases]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b", re.I)


def _uses(text: str, phrases: tuple[str, ...]) -> bool:
    rx = _pattern(phrases)
    return rx is not None and rx.search(text) is not None


def pack_cues(text: str, pclass: str | None, packs: Iterable[str]) -> list[str]:
    """Cues for a claim worded ``text`` of class ``pclass`` (None: no predicate of the packs typed
    it): ``about:<class>`` for every class its words name as a denial would (in the packs' class
    order, so the first is what a denial denies), then ``class:<class>`` when its words put it in
    another class."""
    about: list[str] = []
    moved: str | None = None
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
    return about + ([f"class:{moved}"] if moved else [])
