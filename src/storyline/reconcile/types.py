"""Entity types settled across articles before linking: a title or a place is not a person.

The reader types a name from its own article only, so a song or an award named without any
context ("the music video for Glass Heart", "her Oscar speech" in an article that never calls
it an award) can come out PERSON. When another article of the story types the same name WORK or
OTHER, and the article that says PERSON gives it nothing of a person (no alias or epithet, no
gender, no role or kin relation), it takes the other type, so the cast links it with the work or
award instead of making a person card of it.

A place or a body works the same way, by majority: a bare PERSON whose name more articles of the
story type GPE, LOC or ORG than PERSON ("Goursin" read as a person where it stands alone, a village
where "the village of Goursin" says so) takes the type most of them give it. The other way round, a
name of two or more words that the story's articles type PERSON more often than anything else
("Wladimir Klitschko" read as a person in seven articles, an organisation in one and a place in
two) is a person in every article ("Betty Ford Center", a longer name, is another name).
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from collections import Counter, defaultdict
from typing import Sequence

from storyline.core.records import ArticleEntity

__all__ = ["settle_types"]

_THING_TYPES = ("WORK", "OTHER")
_PLACE_OR_BODY_TYPES = ("GPE", "LOC", "ORG")


@lru_cache(maxsize=65536)  # every entity's names, in every article: stories repeat them
def _key(name: str) -> str:
    key = " ".join(name.split()).casefold()
    key = _CORP_SUFFIX.sub("", key) or key  # "TallGrass Distribution Ltd." is "TallGrass Distribution"
    return key[4:] if key.startswith("the ") else key


_CORP_SUFFIX = re.compile(r"[\s,]+(?:inc|corp|corporation|co|ltd|llc|plc|gmbh)\.?$")
_WEAK_SHARE = 3  # a person the article knows only by roles takes a place/body type this many times as common


def _weak_person(e: ArticleEntity) -> bool:
    """A PERSON with no gender and no kin relation: roles alone ("TallGrass Distribution, a natural
    health product supplier") do not outweigh a story that calls the name an organisation."""
    attrs = e.attributes if isinstance(e.attributes, dict) else {}
    return e.type == "PERSON" and e.gender is None and not attrs.get("relation")


def _bare_person(e: ArticleEntity) -> bool:
    """A PERSON the article knows nothing of but its name."""
    attrs = e.attributes if isinstance(e.attributes, dict) else {}
    return e.type == "PERSON" and not e.aliases and e.gender is None and not attrs.get("roles") and not attrs.get("relation")


def settle_types(entities: Sequence[ArticleEntity]) -> list[ArticleEntity]:
    """``entities`` with each bare PERSON whose name another article types WORK/OTHER retyped, and
    each whose name more articles type GPE/LOC/ORG than PERSON retyped to the commonest of those.

    The retyped entity also takes that entity's name (its own becomes an alias: "Oscar" joins
    "Academy Award"), so the cast links the two by name.
    """
    things: dict[str, Counter] = defaultdict(Counter)
    places: dict[str, Counter] = defaultdict(Counter)  # name -> type -> articles
    for e in entities:
        if e.type in _THING_TYPES:
            for name in (e.name, *e.aliases):
                things[_key(name)][(e.type, e.name)] += 1
        if e.type in _PLACE_OR_BODY_TYPES or e.type == "PERSON":
            for name in dict.fromkeys(_key(n) for n in (e.name, *e.aliases)):
                places[name][e.type] += 1
    if not things and not any(len(v) > 1 for v in places.values()):
        return list(entities)
    # Full names the articles type PERSON (a surname alone, "Washington", may be a place too).
    full_person = Counter(_key(e.name) for e in entities if e.type == "PERSON" and len(e.name.split()) >= 2)
    out = []
    for e in entities:
        key = _key(e.name)
        if e.type in _PLACE_OR_BODY_TYPES and full_person.get(key, 0) > sum(
                c for t, c in places.get(key, {}).items() if t != "PERSON"):
            out.append(dataclasses.replace(e, type="PERSON"))
            continue
        bare = _bare_person(e)
        votes = things.get(key) if bare else None
        place = places.get(key) if bare or _weak_person(e) else None
        if not votes and place:
            etype, n = min(((t, c) for t, c in place.items() if t != "PERSON"), key=lambda tc: (-tc[1], tc[0]),
                           default=(None, 0))
            if etype and n > place["PERSON"] * (1 if bare else _WEAK_SHARE):
                e = dataclasses.replace(e, type=etype)
        elif votes:
            (etype, name), _ = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
            aliases = (e.name,) if name != e.name else ()
            e = dataclasses.replace(e, type=etype, name=name, aliases=aliases)
        out.append(e)
    return out
