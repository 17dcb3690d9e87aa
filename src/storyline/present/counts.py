"""How many people (and others) the story names: ONE definition for every place that prints it.

The CLI's summary paragraph (``api.AnalysisSummary``) and the dossier's key figures both count
the cast, so both call :func:`cast_counts`. The cast is the reconciled story's entities plus any
article entity the reconcile stage did not place, same name and type standing for one (as the
dossier lists them when the story is not reconciled yet). People are PERSON entities only: a
couple (GROUP) is not a third person, and works and awards are never people.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from storyline.core.records import ArticleReading, Story, StoryEntity

__all__ = ["CastCounts", "cast_counts", "cast_entities"]


@dataclass(frozen=True)
class CastCounts:
    """Story entities by kind."""

    people: int = 0
    groups: int = 0
    organisations: int = 0
    outlets: int = 0
    places: int = 0
    works: int = 0
    other: int = 0

    @property
    def total(self) -> int:
        return self.people + self.groups + self.organisations + self.outlets + self.places + self.works + self.other

    @classmethod
    def of(cls, cast: Iterable[StoryEntity]) -> CastCounts:
        """``cast`` (as :func:`cast_entities` gives it) counted by kind: for a caller that holds the
        cast already, so it is not built a second time."""
        return cls(**Counter(_KIND.get(e.type, "other") for e in cast))


_KIND = {"PERSON": "people", "GROUP": "groups", "ORG": "organisations", "OUTLET": "outlets", "GPE": "places",
         "LOC": "places", "WORK": "works"}


def cast_entities(readings: Sequence[ArticleReading], story: Story) -> tuple[StoryEntity, ...]:
    """The story's entities, then the article entities it did not link (one per name and type)."""
    linked = {m for e in story.entities for m in e.members}
    loose: dict[tuple[str, str], list] = defaultdict(list)
    for r in readings:
        for e in r.entities:
            if e.id not in linked:
                loose[(e.name.casefold(), e.type)].append(e)
    extra = []
    for (_, etype), group in sorted(loose.items()):
        aliases = tuple(dict.fromkeys(a for e in group for a in (e.name, *e.aliases)))
        extra.append(StoryEntity(id=group[0].id, name=group[0].name, type=etype, aliases=aliases,
                                 members=tuple(e.id for e in group), evidence=("not linked across articles by reconcile",)))
    return tuple(story.entities) + tuple(extra)


def cast_counts(readings: Sequence[ArticleReading], story: Story) -> CastCounts:
    """The cast counted by kind: ``cast_counts(readings, story).people`` is THE number of people."""
    return CastCounts.of(cast_entities(readings, story))
