"""News outlets: the gazetteer plus the publishing outlet, with context rules for ambiguous names.

"Us" is Us Weekly in "tells Us", "issue of Us", "Us confirmed", never in "told us" (matching is
case-sensitive) and not in a bare sentence-initial "Us" without an outlet context.
"""

from __future__ import annotations

import re

from storyline.read.doc import DocIndex
from storyline.read.entities.lexicon import Lexicon, Outlet, outlet_regex

__all__ = ["find_outlets", "outlets_for"]

_WORD = re.compile(r"[\w'’]+")


def outlets_for(lex: Lexicon, publisher: str | None) -> list[Outlet]:
    """The gazetteer, with the publishing outlet added (or its entry extended) when given."""
    outlets = list(lex.outlets)
    if not publisher:
        return outlets
    for o in outlets:
        if o.name == publisher or publisher in o.aliases:
            return outlets
    aliases = [publisher]
    if publisher.startswith("The "):
        aliases += [publisher[4:], "the " + publisher[4:]]
    ambiguous: list[str] = []
    words = publisher.split()
    if words and words[0] == "The":
        words = words[1:]
    # "Us Weekly" -> "Us", "Daily Lumen" -> "the Lumen": the short form needs an outlet context.
    if len(words) == 2 and words[1] in {"Weekly", "Magazine", "Daily", "Online", "News"}:
        ambiguous.append(words[0])
    elif len(words) == 2 and words[0] in {"Daily", "Weekly", "Evening", "Morning"}:
        ambiguous += [words[1], "the " + words[1]]
    outlets.append(Outlet(publisher, tuple(aliases), tuple(ambiguous)))
    return outlets


def _matches_phrase(words: list[str], phrases: tuple[tuple[str, ...], ...], before: bool) -> bool:
    for p in phrases:
        n = len(p)
        if n > len(words):
            continue
        seg = tuple(words[-n:]) if before else tuple(words[:n])
        if seg == p:
            return True
    return False


def _in_context(idx: DocIndex, start: int, end: int, lex: Lexicon) -> bool:
    text = idx.text
    left = [w.lower() for w in _WORD.findall(text[max(0, start - 40) : start])]
    # Sentence punctuation between the context word and the name breaks the link.
    gap_left = text[max(0, start - 3) : start]
    if left and not any(c in gap_left for c in ".;:!?\n"):
        if _matches_phrase(left, lex.outlet_before, before=True):
            return True
    right_text = text[end : end + 40]
    if right_text[:1] in {"'", "’"}:  # "Us’s sources"
        right = [w.lower() for w in _WORD.findall(right_text)]
    elif right_text[:1] in {" ", "\u00a0"}:
        right = [w.lower() for w in _WORD.findall(right_text)]
    else:
        return False
    return _matches_phrase(right, lex.outlet_after, before=False)


_Forms = tuple[dict[str, str], dict[str, str], "re.Pattern[str] | None"]
# (id(lexicon), publisher) -> (lexicon, forms): the forms depend only on these two, and
# rebuilding the alternation regex for every article cost more than matching it.
_FORMS_CACHE: dict[tuple[int, str | None], tuple[Lexicon, _Forms]] = {}
_FORMS_CACHE_MAX = 256


def _forms(lex: Lexicon, publisher: str | None) -> _Forms:
    """Sure forms, context-dependent forms and their regex, for this lexicon and publisher."""
    key = (id(lex), publisher)
    hit = _FORMS_CACHE.get(key)
    if hit is not None and hit[0] is lex:
        return hit[1]
    outlets = outlets_for(lex, publisher)
    sure: dict[str, str] = {}
    maybe: dict[str, str] = {}
    for o in outlets:
        for a in (o.name, *o.aliases):
            if a not in o.ambiguous:
                sure.setdefault(a, o.name)
        for a in o.ambiguous:
            maybe.setdefault(a, o.name)
    # An outlet whose name is ambiguous (People, Star) is kept out of the "sure" forms.
    for o in outlets:
        if o.name in o.ambiguous:
            sure.pop(o.name, None)
    forms = (sure, maybe, outlet_regex(list(sure) + list(maybe)))
    if len(_FORMS_CACHE) >= _FORMS_CACHE_MAX:
        _FORMS_CACHE.clear()
    _FORMS_CACHE[key] = (lex, forms)
    return forms


def find_outlets(idx: DocIndex, lex: Lexicon, publisher: str | None) -> list[tuple[int, int, str]]:
    """``(start_char, end_char, canonical name)`` for every outlet mention in the text."""
    sure, maybe, rx = _forms(lex, publisher)
    found: list[tuple[int, int, str]] = []
    if rx is None:
        return found
    for m in rx.finditer(idx.text):
        form = m.group(0)
        s, e = m.start(), m.end()
        if form in sure:
            found.append((s, e, sure[form]))
        elif _in_context(idx, s, e, lex):
            found.append((s, e, maybe[form]))
    return found
