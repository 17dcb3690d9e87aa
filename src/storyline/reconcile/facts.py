"""From aligned clusters to ``Fact``/``Conflict``/``Echo`` records: status, grade, statement, time.

Every claim belongs to exactly one fact (``Fact.claims`` partition the claims, so a claim's fact
is unambiguous in exports). A conflict may cite a claim of another fact: the separation claim
"after 11 years of marriage" sits in the separation fact, and a derived_date conflict of the
marriage fact cites it.

Status: the gravest status its conflicts give (``CONFLICT_KIND[kind].status`` in
:mod:`storyline.core.vocab`: a polarity dispute → ``contested``, any other conflict →
``contradicted``); else ``corroborated`` with at least two independent sources, otherwise
``single_source``. An update over time ("at least 3 dead", then 40) is no conflict: the earlier
claim is *superseded* and a note on the fact says by what.

Sides. The fact's statement is written from its best-sourced claim that affirms it (positive, not
a denial) and that no later report superseded (``Fact.statement_claim``). Then each claim:

* **supports** the fact when it agrees with the statement: same polarity, and no value (date,
  time, number, place) in conflict with it (:func:`storyline.reconcile.conflicts.stance`);
* **disputes** it when it conflicts with the statement, or is a denial or negation that counts
  (by a participant or on the record) against a claim of the fact;
* is **superseded** when a later report replaced its figure;
* else takes **neither** side (a passive "was denied", a "not yet" before the news, a report of
  words the denial does not touch).

So no claim sits under the supporting side while it conflicts with the statement.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import compress, repeat
from operator import attrgetter, eq, is_not, itemgetter, not_
from typing import AbstractSet, Callable, Mapping, Sequence

from storyline.core.dates import Interval, granularity
from storyline.core.ids import make_id
from storyline.core.records import Conflict, Echo, Fact
from storyline.core.vocab import CONFLICT_KIND, STATUS
from storyline.reconcile.align import Cluster
from storyline.reconcile.conflicts import (
    Bounds,
    _affirms,
    Found,
    fact_judgement,
    polarity_conflicts,
    stance,
)
from storyline.reconcile.features import ClaimView, Each, each, says_more_than_its_predicate
from storyline.reconcile.independence import GRADE_RANK, RelayIndex, Sourcing, assess, supporting

__all__ = ["Draft", "Records", "Sides", "add_conflicts", "draft_from_cluster", "finish", "records", "stances"]

_GRAN_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 4, "year": 5, "decade": 6, "century": 7}


@dataclass
class Draft:
    """A fact before ids: everything needed to emit its records."""

    statement: str
    pclass: str | None
    claims: list[str]
    articles: list[str]
    outlets: list[str]
    independent: int
    grade: str
    when: str | None
    conflicts: list[Found] = field(default_factory=list)
    echoes: list[tuple[str, str | None, str]] = field(default_factory=list)
    key: str = ""  # what an attribute fact is about ("<entity> age"): part of its id
    statement_claim: str | None = None
    supporting: list[str] = field(default_factory=list)
    disputing: list[str] = field(default_factory=list)
    superseded: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @cached_property
    def fact_id(self) -> str:
        """The id of the fact it becomes: a hash of its class, key and claims (hashed once: a draft
        is not changed once made, and an incremental reconcile asks it of every kept draft)."""
        return make_id("f", self.pclass, self.key, *sorted(self.claims))


_ORDER, _CLAIM_ID, _ARTICLE_ID, _OUTLET, _DERIVED = (attrgetter(x) for x in ("order", "claim.id", "article.id", "outlet", "derived"))


def _without(views: list[ClaimView], claims: AbstractSet[str]) -> list[ClaimView]:
    """``views`` but those of ``claims`` (at C speed)."""
    return list(compress(views, map(not_, map(claims.__contains__, map(_CLAIM_ID, views)))))


def _dated(v: ClaimView) -> tuple[str, Interval] | None:
    """A positive claim's date (its timex value and span), which :func:`_when` counts; else None."""
    return (v.timex.value, v.span) if v.span is not None and v.claim.polarity == "positive" else None


def _when(c: Cluster, each: Each = each) -> str | None:
    dated = list(filter(None, each(_dated, c.views)))  # (value, span) of each dated view, in order
    derived = [v.derived.span for v in c.derived if v.derived is not None]
    if not dated:
        if derived and all(d == derived[0] for d in derived) and derived[0].days == 1:
            return derived[0].start.isoformat()
        return None
    values = Counter(map(itemgetter(0), dated))
    spans = dict(dated)  # the last view's span for each value
    # The value most claims support (implied dates count too); then the finest, then the earliest.
    support = {val: n + sum(spans[val].overlaps(d) for d in derived) for val, n in values.items()}
    return min(values, key=lambda val: (-support[val], _GRAN_RANK.get(granularity(val) or "", 9), val))


# Where each of a fact's claims stands towards the statement: :func:`stances`, or a memo of it.
Sides = Callable[[ClaimView, Sequence[ClaimView], Cluster, Callable[[str], str], "Bounds | None"], list[str]]


def stances(statement: ClaimView, views: Sequence[ClaimView], c: Cluster, name: Callable[[str], str],
            bounds: Bounds | None = None) -> list[str]:
    """:func:`storyline.reconcile.conflicts.stance` of each of ``views`` towards ``statement``."""
    return [stance(statement, v, c, name, bounds) for v in views]


def _sides(c: Cluster, statement: ClaimView, superseded: set[str], polar: set[str],
           name: Callable[[str], str], bounds: Bounds | None,
           sides_of: Sides = stances) -> tuple[list[str], list[str], list[str]]:
    """(supporting, disputing, superseded) claim ids, in the fact's order (see the module docstring)."""
    views = [v for v in sorted(c.views, key=_ORDER) if v is not statement]
    ids = list(map(_CLAIM_ID, views))  # (maps and compress: at C speed over a large fact's claims)
    if superseded:
        gone = list(map(superseded.__contains__, ids))
        told = iter(sides_of(statement, list(compress(views, map(not_, gone))), c, name, bounds))
        sides = ["superseded" if g else next(told) for g in gone]
    else:
        gone, sides = [], sides_of(statement, views, c, name, bounds)
    for at in compress(range(len(ids)), map(polar.__contains__, ids)) if polar else ():
        if sides[at] == "neither":
            sides[at] = "disputes"  # a denial that counts against another claim of the fact
    return ([statement.claim.id, *compress(ids, map(eq, sides, repeat("supports")))],
            list(compress(ids, map(eq, sides, repeat("disputes")))),
            list(compress(ids, gone)))


def _asserting(sourcing: Sourcing, views: Sequence[ClaimView], passing: AbstractSet[str]) -> int:
    """The fact's independent sources, counted over the claims that assert something of it:
    - not a thing named in passing (a noun or adjective claim inside a claim about something
      else, :mod:`storyline.reconcile.nesting`): "the quake", "electricity" or "rescue" named in
      three outlets' claims about other things corroborate nothing; a nested verb does assert its
      clause ("struck the island, *leveling several villages*");
    - not a claim that says no more than its predicate ("killing", "causing", "so that we can
      expect"): it names a happening but states nothing another outlet could confirm.
    A fact of such claims only counts one."""
    support = supporting(views)
    said = list(compress(support, map(_said, support, repeat(passing))))
    if len(said) == len(support):
        return sourcing.independent
    return len(set(map(sourcing.identity.__getitem__, map(_CLAIM_ID, said)))) if said else min(sourcing.independent, 1)


def _said(v: ClaimView, passing: AbstractSet[str]) -> bool:
    if v.claim.predicate_pos != "verb" and v.claim.id in passing:
        return False
    return says_more_than_its_predicate(v)


def draft_from_cluster(c: Cluster, corpus_outlets: Sequence[str], echo_similarity: float,
                       name: Callable[[str], str], relays: RelayIndex | None = None,
                       bounds: Bounds | None = None, passing: frozenset[str] = frozenset(),
                       sides_of: Sides = stances, sourcing_of: Callable[..., Sourcing] = assess,
                       each_view: Each = each) -> Draft:
    """Judge one cluster: sources, conflicts, updates, statement, sides and time (``bounds``: each
    article's lower-bound figures, :func:`storyline.reconcile.conflicts.lower_bounds`;
    ``sides_of``: :func:`stances`, or a memo of it; ``sourcing_of``:
    :func:`storyline.reconcile.independence.assess`, or one that resumes an earlier scan;
    ``each_view``: maps a function of one view over the cluster's views, or a memo of it that
    keeps the answers for a fact's views between reconciles)."""
    sourcing = sourcing_of(c, corpus_outlets, echo_similarity, relays)
    views = sorted(c.views, key=_ORDER)
    # Passing mentions (claims nested in another claim: storyline.reconcile.nesting) join the fact
    # but take no side in its conflicts.
    judged = c if not passing else Cluster(c.pclass, c.participants, _without(c.views, passing),
                                           _without(c.exemplars, passing), c.derived)
    judgement = fact_judgement(judged, name, bounds=bounds, polarity=False, each=each_view)
    superseded = {u.earlier for u in judgement.updates}
    affirming = list(compress(views, each_view(_affirms, views)))
    support = (superseded and _without(affirming, superseded)) or affirming or views
    # Best-sourced first; an anniversary-style claim (dated only indirectly) states the fact last.
    # (Each key's parts mapped at C speed over a large fact's claims; the first of equal keys wins.)
    ranks = map(GRADE_RANK.get, map(sourcing.grade_by.get, map(_CLAIM_ID, support), repeat("")), repeat(9))
    best = support[min(zip(ranks, map(is_not, map(_DERIVED, support), repeat(None)), map(_ORDER, support),
                           range(len(support))))[3]]
    judgement.conflicts += polarity_conflicts(judged, name, best, each_view) if best.claim.id not in passing else []
    superseded -= {best.claim.id}
    polar = {x for f in judgement.conflicts if f.kind == "polarity" for x in f.claims}
    supporting, disputing, gone = _sides(c, best, superseded, polar, name, bounds, sides_of)
    # Claims that only imply the date (c.derived) stay in their own fact; conflicts cite them.
    every = views
    return Draft(
        key=c.pclass,
        statement=best.claim.text,
        pclass=None if c.pclass.startswith("~") else c.pclass.split(":")[0],
        claims=list(map(_CLAIM_ID, every)),  # (maps: at C speed over a large fact's claims)
        articles=list(dict.fromkeys(map(_ARTICLE_ID, every))),
        outlets=list(dict.fromkeys(map(_OUTLET, every))),
        independent=_asserting(sourcing, c.views, passing),
        grade=sourcing.grade,
        when=_when(c, each_view),
        conflicts=judgement.conflicts,
        echoes=sourcing.echoes,
        statement_claim=best.claim.id,
        supporting=supporting,
        disputing=disputing,
        superseded=gone,
        notes=list(dict.fromkeys(u.note for u in judgement.updates)),
    )


Records = tuple[Fact, list[Conflict], list[tuple[str, Echo]]]


def records(d: Draft, made: Mapping[tuple, tuple[str, Echo]] | None = None) -> Records:
    """One draft's records: its fact, its conflicts, and (claim, echo) for its echoes. ``made``:
    (claim, echo) records already made (of the same fact, before it grew), by the draft's echo
    they were made of, (claim, original, reason): taken over for the same echo (its record reads
    nothing else), not hashed again."""
    fid = d.fact_id
    # The gravest status its conflicts give (STATUS lists the disputed first), else by sources.
    given = {CONFLICT_KIND[f.kind].status for f in d.conflicts}
    if given:
        status = next(s for s in STATUS if s in given)
    else:
        status = "corroborated" if d.independent >= 2 else "single_source"
    fact = Fact(fid, d.statement, d.pclass, tuple(d.claims), tuple(d.articles), tuple(d.outlets),
                d.independent, status, d.grade, d.when, d.statement_claim, tuple(d.supporting),
                tuple(d.disputing), tuple(d.superseded), tuple(d.notes))
    conflicts = [Conflict(make_id("x", fid, f.kind, *f.claims), fid, f.claims, f.kind, f.reason) for f in d.conflicts]
    made = made or {}
    return fact, conflicts, [made.get(found) or _echo(*found) for found in d.echoes]


def _echo(claim: str, original: str | None, reason: str) -> tuple[str, Echo]:
    return claim, Echo(make_id("o", claim), claim, original, reason)


def finish(drafts: Sequence[Draft], emit: Callable[[Draft], Records] = records) -> tuple[list[Fact], list[Conflict], list[Echo]]:
    """Records with content-hash ids; a claim echoed in two facts yields one Echo. ``emit`` makes
    one draft's records (:func:`records`, or a memo of it)."""
    facts, conflicts, echoed_all = [], [], []
    used: set[str] = set()
    for d in drafts:
        fact, found, echoed = emit(d)
        if fact.id in used:
            continue
        used.add(fact.id)
        facts.append(fact)
        conflicts.extend(found)
        echoed_all.extend(echoed)
    # Each claim's first echo, in the order claims are first echoed (at C speed: a dict made
    # backwards keeps the first; a story has thousands of echoes, collected on every reconcile).
    first = dict(reversed(echoed_all))
    return facts, conflicts, list(map(first.__getitem__, dict.fromkeys(map(itemgetter(0), echoed_all))))


def add_conflicts(facts: Sequence[Fact], conflicts: Sequence[Conflict], found: Sequence[Found]) -> tuple[list[Fact], list[Conflict]]:
    """Conflicts between claims of two facts (:mod:`storyline.reconcile.across`) added to the story:
    each belongs to the fact of its first claim, and both facts take the status it gives when it is
    graver than theirs (a fact whose figure another fact contradicts is contradicted too)."""
    need = {c for x in found for c in x.claims}
    # (the facts of those claims only, found at C speed: a story has 20,000 claims and few such conflicts)
    fact_of = {c: f.id for f in facts if not need.isdisjoint(f.claims) for c in f.claims if c in need}
    rank = {s: n for n, s in enumerate(STATUS)}
    status = {f.id: f.status for f in facts}
    out = list(conflicts)
    for x in found:
        fid = fact_of[x.claims[0]]
        out.append(Conflict(make_id("x", fid, x.kind, *x.claims), fid, x.claims, x.kind, x.reason))
        given = CONFLICT_KIND[x.kind].status
        for f in {fact_of[c] for c in x.claims}:
            if rank[given] < rank[status[f]]:
                status[f] = given
    return [f if f.status == status[f.id] else replace(f, status=status[f.id]) for f in facts], out
