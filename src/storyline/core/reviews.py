"""Reviews that survive re-analysis: how a reviewer's verdict finds its fact again.

A fact's id is a content hash of the ids it rests on (``make_id("f", class, key, *claims)`` in
storyline.reconcile.facts), so it changes whenever an added article brings a claim into the fact
(or one leaves it). A claim's id is a content hash of its article's text and its place there, so
it stays the same for as long as the article does. A review therefore records the fact's ids as
they were (``Review.anchor``: ``Fact.claims`` when it was reviewed) and is attached to a fact of
the story as it is now by these rules:

1. the fact with the reviewed id, when it still exists (same id: the same claims);
2. else the fact that now holds most of the anchor's ids; a tie goes to a fact whose statement is
   written from one of them (``Fact.statement_claim``), then to the fact that comes first in the
   story;
3. else (no anchor id is in any fact: the articles were taken out of the story, or the reader now
   reads them otherwise) the review is *orphaned*: kept, listed apart with the statement it was
   given on, never dropped.

Every decision is kept; on each fact the latest (by time, then id) wins and the others are its
history. ``attach`` is a pure function of the reviews and the facts, so every shell (export,
dossier, web app) shows the same thing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.core.errors import ConfigError
from storyline.core.ids import make_id
from storyline.core.records import VERDICTS, Fact, Review

__all__ = ["Attached", "FactReview", "attach", "new_review"]

_MAX_NOTE = 10_000


def new_review(story: str, fact: Fact, verdict: str, note: str, reviewer: str, at: str) -> Review:
    """A review of ``fact`` in the story with id ``story``, anchored on the ids it rests on now.

    A ConfigError (naming the value and the choices) for a verdict not in VERDICTS, an empty
    reviewer or a note longer than 10,000 characters."""
    if verdict not in VERDICTS:
        raise ConfigError(f"{verdict!r} is not a verdict", input="verdict", fix=f"use one of: {', '.join(VERDICTS)}")
    reviewer = reviewer.strip() if isinstance(reviewer, str) else ""
    if not reviewer:
        raise ConfigError("a review needs its reviewer", input="reviewer", fix="give the name or account of who decided")
    note = (note or "").strip()
    if len(note) > _MAX_NOTE:
        raise ConfigError(f"the note is {len(note)} characters long", input="note", fix=f"keep it under {_MAX_NOTE} characters")
    rid = make_id("r", story, fact.id, verdict, note, reviewer, at)
    return Review(rid, story, fact.id, tuple(fact.claims), verdict, note, reviewer, at, fact.statement)  # type: ignore[arg-type]


@dataclass(frozen=True)
class FactReview:
    """The reviews attached to one fact of the story as it is now."""

    fact: str
    """The fact's id now."""
    latest: Review
    """The decision that counts: the latest."""
    history: tuple[Review, ...]
    """Every decision attached to the fact, oldest first (``latest`` last)."""

    @property
    def moved(self) -> bool:
        """True when the latest decision was taken on the fact under another id (it has changed since)."""
        return self.latest.fact != self.fact


@dataclass(frozen=True)
class Attached:
    """Reviews attached to the facts: ``by_fact[fact id]``, and those that found no fact."""

    by_fact: dict[str, FactReview] = field(default_factory=dict)
    orphaned: tuple[Review, ...] = ()


def _order(review: Review) -> tuple[str, str]:
    return (review.at, review.id)


def attach(reviews: Sequence[Review], facts: Sequence[Fact]) -> Attached:
    """Attach each review to the fact it is about now (rules in the module doc)."""
    position = {f.id: i for i, f in enumerate(facts)}
    holders: dict[str, list[str]] = defaultdict(list)
    statement_of: dict[str, str | None] = {}
    for f in facts:
        statement_of[f.id] = f.statement_claim
        for ref in dict.fromkeys(f.claims):
            holders[ref].append(f.id)
    found: dict[str, list[Review]] = defaultdict(list)
    orphaned: list[Review] = []
    for review in reviews:
        fact = _resolve(review, position, holders, statement_of)
        if fact is None:
            orphaned.append(review)
        else:
            found[fact].append(review)
    by_fact = {}
    for fact in sorted(found, key=position.__getitem__):
        history = tuple(sorted(found[fact], key=_order))
        by_fact[fact] = FactReview(fact, history[-1], history)
    return Attached(by_fact, tuple(sorted(orphaned, key=_order)))


def _resolve(review: Review, position: dict[str, int], holders: dict[str, list[str]],
             statement_of: dict[str, str | None]) -> str | None:
    if review.fact in position:
        return review.fact
    overlap: dict[str, int] = defaultdict(int)
    for ref in dict.fromkeys(review.anchor):
        for fact in holders.get(ref, ()):
            overlap[fact] += 1
    if not overlap:
        return None
    anchor = set(review.anchor)
    return min(overlap, key=lambda f: (-overlap[f], statement_of.get(f) not in anchor, position[f]))
