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
two) is a person in every article ("Betty Ford Center", a longer name, is another name). So is
a full name typed WORK or OTHER in a few articles when the story types it PERSON, with a person's
marks (a gender, an epithet, a role), at least twice as often ("Bettie Page", a work in one article
where a film bears her name; not "Van Wilder", a film typed PERSON only bare).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from functools import lru_cache
from collections import Counter, defaultdict
from typing import Sequence

from storyline.core.records import ArticleEntity

__all__ = ["TypeVotes", "name_key", "settle", "settle_types"]

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


@dataclass
class TypeVotes:
    """What the articles of a story say each name is, counted over their entities: the only part
    of the story :func:`settle` reads besides the entity it settles. Sums of per-article counts,
    so a story's votes can be brought up to date article by article (:meth:`add`)."""

    things: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # name -> (type, name) -> entities
    places: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))  # name -> type -> entities
    full_person: Counter = field(default_factory=Counter)  # full names the articles type PERSON
    marked_person: Counter = field(default_factory=Counter)  # ... and give a person's marks (not :func:`_bare_person`)

    def inert(self) -> bool:
        """Whether :func:`settle` keeps every entity as it is under these votes: no name is typed
        WORK or OTHER, and no name is given two types."""
        return not self.things and not any(len(v) > 1 for v in self.places.values())

    def add(self, entities: Sequence[ArticleEntity], sign: int = 1) -> set[str]:
        """Count ``entities`` in (``sign`` -1: out); the names whose counts changed. A count that
        falls to zero is removed, so the votes equal those counted afresh."""
        touched: set[str] = set()

        def bump(table: dict, key: str, sub, by: int = sign) -> None:
            counter = table[key]
            counter[sub] += by
            if not counter[sub]:
                del counter[sub]
                if not counter:
                    del table[key]
            touched.add(key)

        for e in entities:
            if e.type in _THING_TYPES:
                for name in (e.name, *e.aliases):
                    bump(self.things, _key(name), (e.type, e.name))
            if e.type in _PLACE_OR_BODY_TYPES or e.type == "PERSON":
                for name in dict.fromkeys(_key(n) for n in (e.name, *e.aliases)):
                    bump(self.places, name, e.type)
            # Full names the articles type PERSON (a surname alone, "Washington", may be a place too).
            if e.type == "PERSON" and len(e.name.split()) >= 2:
                key = _key(e.name)
                for table in (self.full_person, *(() if _bare_person(e) else (self.marked_person,))):
                    table[key] += sign
                    if not table[key]:
                        del table[key]
                touched.add(key)
        return touched


_PERSON_SHARE = 2  # a full name typed PERSON this many times as often as a work is a person's name
_BARE_SHARE = 4  # ... or typed PERSON at all this many times as often, with a person's marks at least once


def _person_most(e: ArticleEntity, key: str, votes: TypeVotes) -> bool:
    """A full name the story types PERSON, with a person's marks (a gender, an epithet, a role), at
    least twice as often as WORK or OTHER ("Bettie Page", a work in one article where a film bears
    her name): a person's, the work or thing a misreading. A name typed PERSON bare ("Van Wilder",
    a film) is no evidence. Read for a work and for a bare person alike, so neither takes the
    other's type."""
    if (e.type not in _THING_TYPES and not _bare_person(e)) or len(e.name.split()) < 2:
        return False
    works = sum(votes.things.get(key, {}).values())
    if not works:
        return False
    marked = votes.marked_person.get(key, 0)
    # Typed PERSON bare in article after article and with a person's mark in one ("Deep Throat",
    # 28ecb: a person in eight articles, a film in one) is a person's name as well.
    return marked >= _PERSON_SHARE * works or (marked and votes.full_person.get(key, 0) >= _BARE_SHARE * works)


def name_key(e: ArticleEntity) -> str | None:
    """The name under which :func:`settle` looks ``e`` up in the votes; None when it reads no vote
    (a person the article gives a gender or a kin relation stays a person whatever the votes)."""
    if e.type in _PLACE_OR_BODY_TYPES or e.type in _THING_TYPES or _bare_person(e) or _weak_person(e):
        return _key(e.name)
    return None


def settle_types(entities: Sequence[ArticleEntity]) -> list[ArticleEntity]:
    """``entities`` with each bare PERSON whose name another article types WORK/OTHER retyped, and
    each whose name more articles type GPE/LOC/ORG than PERSON retyped to the commonest of those.

    The retyped entity also takes that entity's name (its own becomes an alias: "Oscar" joins
    "Academy Award"), so the cast links the two by name.
    """
    votes = TypeVotes()
    votes.add(entities)
    return settle(entities, votes)


def settle(entities: Sequence[ArticleEntity], votes: TypeVotes) -> list[ArticleEntity]:
    """:func:`settle_types` of ``entities`` under the story's ``votes``: an entity is itself or
    retyped, by its own fields and the votes cast for its name (``votes``' tables) alone."""
    if votes.inert():
        return list(entities)
    things, places, full_person = votes.things, votes.places, votes.full_person
    out = []
    for e in entities:
        key = _key(e.name)
        if e.type in _PLACE_OR_BODY_TYPES and full_person.get(key, 0) > sum(
                c for t, c in places.get(key, {}).items() if t != "PERSON"):
            out.append(dataclasses.replace(e, type="PERSON"))
            continue
        if _person_most(e, key, votes):
            if e.type in _THING_TYPES:
                e = dataclasses.replace(e, type="PERSON")
            out.append(e)
            continue
        bare = _bare_person(e)
        votes_ = things.get(key) if bare else None
        place = places.get(key) if bare or _weak_person(e) else None
        if not votes_ and place:
            etype, n = min(((t, c) for t, c in place.items() if t != "PERSON"), key=lambda tc: (-tc[1], tc[0]),
                           default=(None, 0))
            if etype and n > place.get("PERSON", 0) * (1 if bare else _WEAK_SHARE):
                e = dataclasses.replace(e, type=etype)
        elif votes_:
            (etype, name), _ = min(votes_.items(), key=lambda kv: (-kv[1], kv[0]))
            aliases = (e.name,) if name != e.name else ()
            e = dataclasses.replace(e, type=etype, name=name, aliases=aliases)
        out.append(e)
    return out
