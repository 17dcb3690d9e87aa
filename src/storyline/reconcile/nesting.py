"""Which claims are passing mentions: a claim inside another claim of the same source in the same
article ("the quake" inside "rescuers searched the rubble after the quake").

The read stage gives every event mention a claim of its own, so that alignment can link it; but a
passing mention states nothing checkable about its event, so it never takes a side in a conflict
(it would compare a quake named in passing with the quake the article reports on). A verb with
figures of its own is no passing mention: "the governor said 50 were injured" and "..., killing 10
people and injuring 80" state their counts in the inner clause, and that is where alignment puts them.
"""

from __future__ import annotations

from collections.abc import Sequence

from storyline.core.records import ArticleReading, Claim

__all__ = ["clause_claims", "passing_mentions"]


def clause_claims(claims: Sequence[Claim]) -> list[Claim]:
    """The claims of one article that lie inside no other claim of the same source (of claims with
    the same span and source, the first is kept), in their original order."""

    def source(c: Claim) -> tuple:
        return c.source.kind, c.source.key, c.source.start, c.source.end

    ordered = sorted(range(len(claims)), key=lambda i: (claims[i].start, -claims[i].end, i))
    kept: list[int] = []
    # Per source, the furthest end of its kept claims: each started no later than the claim at
    # hand (taken by start), so one of them holds it exactly when that end reaches its end.
    reach: dict[tuple, int] = {}
    for i in ordered:
        c = claims[i]
        key = source(c)
        end = reach.get(key)
        if end is not None and c.end <= end:
            continue
        reach[key] = c.end  # (further than ``end``: it is kept)
        kept.append(i)
    return [claims[i] for i in sorted(kept)]


def _states_figures(c: Claim) -> bool:
    return c.predicate_pos == "verb" and bool(c.quantities)


def passing_mentions(readings: Sequence[ArticleReading]) -> frozenset[str]:
    """Ids of the claims nested inside another claim of their article and source, but for verbs
    with figures of their own."""
    out: set[str] = set()
    for r in readings:
        kept = {c.id for c in clause_claims(r.claims)}
        out.update(c.id for c in r.claims if c.id not in kept and not _states_figures(c))
    return frozenset(out)
