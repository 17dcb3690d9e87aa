"""Conflicts inside one fact, each with a reason that quotes both claims and their dates.

Kinds judged here: ``date`` (two dates of a once-only event whose intervals do not overlap, at
whatever granularity each was given), ``derived_date`` (a wedding date implied by an anniversary
or a length of marriage that misses a stated one), ``place`` and ``polarity`` (a denial or a
negated claim against the claim). Ages and counts are attribute facts (:mod:`.attributes`).

Only one claim per distinct date is compared (the earliest), so a fact repeated by a thousand
articles costs as much as one with two distinct dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Callable

from storyline.core.vocab import source_kind
from storyline.reconcile.align import ONCE_ONLY, Cluster, jaccard
from storyline.reconcile.features import ClaimView

__all__ = ["Found", "fact_conflicts"]

_EVENT_NOUN = {"marriage": "wedding", "marriage:engage": "engagement", "separation": "split",
               "separation:divorce": "divorce filing", "meeting": "first meeting"}
_PLACE_CLASSES = {"marriage", "meeting", "residence"}
_SAME_CONTENT = 0.5
_POLARITY_WINDOW = 50  # positives compared per negated claim: keeps huge facts linear


@dataclass(frozen=True)
class Found:
    """A conflict before its fact has an id."""

    kind: str
    claims: tuple[str, str]
    reason: str


def _dated(c: Cluster) -> list[ClaimView]:
    firsts: dict[object, ClaimView] = {}
    for v in c.views:
        if v.span is not None and v.pclass != "denial" and v.claim.polarity == "positive":
            firsts.setdefault(v.span, v)
    return list(firsts.values())


def _date_conflicts(c: Cluster) -> list[Found]:
    noun = _EVENT_NOUN.get(c.pclass, "event")
    out = []
    for a, b in combinations(_dated(c), 2):
        if a.span.overlaps(b.span):
            continue
        a, b = sorted((a, b), key=lambda v: v.span)
        out.append(Found(
            "date",
            (a.claim.id, b.claim.id),
            f"{a.cite()} puts the {noun} in {a.span.describe()} (\u2018{a.timex.text}\u2019), but {b.cite()} puts it "
            f"in {b.span.describe()} (\u2018{b.timex.text}\u2019); the two dates do not overlap.",
        ))
    return out


def _derived_conflicts(c: Cluster) -> list[Found]:
    out = []
    seen: set[object] = set()
    derived = [v for v in c.derived if v.derived is not None and not (v.derived.span in seen or seen.add(v.derived.span))]
    for d in derived:
        for a in _dated(c):
            if not d.derived.span.overlaps(a.span):
                out.append(Found(
                    "derived_date",
                    (a.claim.id, d.claim.id),
                    f"{a.cite()} puts the wedding in {a.span.describe()} (\u2018{a.timex.text}\u2019), but {d.cite()} "
                    f"implies otherwise: {d.derived.reason}.",
                ))
    for d, e in combinations(derived, 2):
        if not d.derived.span.overlaps(e.derived.span):
            out.append(Found(
                "derived_date",
                (d.claim.id, e.claim.id),
                f"{d.cite()}: {d.derived.reason}; but {e.cite()}: {e.derived.reason}; the two do not overlap.",
            ))
    return out


def _place_conflicts(c: Cluster, name: Callable[[str], str]) -> list[Found]:
    if c.pclass not in _PLACE_CLASSES:
        return []
    firsts: dict[frozenset[str], ClaimView] = {}
    for v in c.views:
        if v.places and v.claim.polarity == "positive":
            firsts.setdefault(v.places, v)
    out = []
    for a, b in combinations(firsts.values(), 2):
        if a.places & b.places:
            continue
        na, nb = sorted(name(p) for p in a.places), sorted(name(p) for p in b.places)
        # "Paris" vs "Paris, France" or a city inside a named country: not provably different.
        if any(x.lower() in y.lower() or y.lower() in x.lower() for x in na for y in nb):
            continue
        if c.pclass == "residence":
            if a.span and b.span and not a.span.overlaps(b.span):
                continue  # people move: different places at different times are fine
            if (a.span is None or b.span is None) and a.published and b.published and abs((a.published - b.published).days) > 180:
                continue
        out.append(Found(
            "place",
            (a.claim.id, b.claim.id),
            f"{a.cite()} places it in {', '.join(na)}, but {b.cite()} places it in {', '.join(nb)}.",
        ))
    return out


def _polarity_conflicts(c: Cluster, name: Callable[[str], str]) -> list[Found]:
    pos = [v for v in c.views if v.pclass != "denial" and v.claim.polarity == "positive"]
    neg = [v for v in c.views if v.pclass == "denial" or v.claim.polarity == "negative"]
    # A negated claim disputes the fact when it is a denial on the record, or when it says the same
    # thing with a "not" ("she is not angry" / "she is angry"); a loosely similar negative sentence
    # in a fact is not a dispute.
    neg = [v for v in neg if v.pclass == "denial" or source_kind(v.claim.source.kind).on_record
           or any(jaccard(v.tokens, p.tokens) >= _SAME_CONTENT for p in pos[:_POLARITY_WINDOW])]
    if not neg or not pos:
        return []
    # The weightiest denial (a named person's) against the earliest claim of the fact.
    d = min(neg, key=lambda v: (v.pclass != "denial", v.claim.source.kind != "named_person", v.order))
    p = pos[0]
    src = d.claim.source
    kind = source_kind(src.kind)
    if d.pclass == "denial" and d.subject:  # "Lindqvist denied the affair": the denier is the subject
        who, how = name(d.subject), ""
    elif src.text and not kind.own_voice:
        who, how = src.text, " " + kind.phrase
    else:
        who, how = d.outlet, ""
    verb = "denies it" if d.pclass == "denial" else "says the opposite"
    return [Found(
        "polarity",
        (p.claim.id, d.claim.id),
        f"{d.cite()}: {who} {verb}{how}, against {p.cite()}; the fact is contested, not settled.",
    )]


def fact_conflicts(c: Cluster, name: Callable[[str], str]) -> list[Found]:
    """All conflicts inside one cluster; ``name`` gives a story entity's display name."""
    out: list[Found] = []
    if c.pclass in ONCE_ONLY:
        out += _date_conflicts(c)
    if c.pclass == "marriage":
        out += _derived_conflicts(c)
    out += _place_conflicts(c, name)
    out += _polarity_conflicts(c, name)
    return out
