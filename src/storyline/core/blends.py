"""What a blended nickname is: the one home of the rule the read stage (a blend is a form of a
person's name in the article) and the cast (a blend in another article is that person) share.

A blend joins the start of a given name and the start of a surname, each capitalised ("LiLo" for
Lindsay Lohan, "JLo", "ScarJo", "K-Stew"). The tabloids keep each part short: the given name's
part has one to four letters, the surname's two to four, and neither part is the whole word. A
longer camel-case word ("MasterCard", "DeLorean") is a brand's or a family's spelling, no blend.
"""

from __future__ import annotations

import re

__all__ = ["BLEND_PART", "blend_parts", "blends", "is_blend_of"]

BLEND_PART = 4  # letters of each name a blend keeps at most
_SURNAME_PART = 2  # letters of the surname a blend keeps at least ("Lo")
_SHAPE = re.compile(rf"^([A-Z][a-z]{{0,{BLEND_PART - 1}}})-?([A-Z][a-z]{{{_SURNAME_PART - 1},{BLEND_PART - 1}}})$")


def blends(given: str, surname: str) -> set[str]:
    """Every blend of ``given`` and ``surname`` ("Lindsay", "Lohan" -> "LiLo", "LLo", "LinLoha", ...)."""
    if not (given.isalpha() and surname.isalpha() and given[:1].isupper() and surname[:1].isupper()):
        return set()
    forms = (given[:k] + surname[:m] for k in range(1, min(len(given) - 1, BLEND_PART) + 1)
             for m in range(_SURNAME_PART, min(len(surname) - 1, BLEND_PART) + 1))
    return {f for f in forms if _SHAPE.match(f)}


def blend_parts(word: str) -> tuple[str, str] | None:
    """The two parts of a word shaped like a blend, lower-cased ("LiLo" -> ("li", "lo")), else None."""
    m = _SHAPE.match(word.strip())
    return (m.group(1).lower(), m.group(2).lower()) if m else None


def is_blend_of(parts: tuple[str, str], given: str, surname: str) -> bool:
    """Whether the blend ``parts`` are proper starts of ``given`` and ``surname`` (lower case)."""
    head, tail = parts
    return len(head) < len(given) and len(tail) < len(surname) and given.startswith(head) and surname.startswith(tail)
