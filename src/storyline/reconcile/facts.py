"""From aligned clusters to ``Fact``/``Conflict``/``Echo`` records: status, grade, statement, time.

Every claim belongs to exactly one fact (``Fact.claims`` partition the claims, so a claim's fact
is unambiguous in exports). A conflict may cite a claim of another fact: the separation claim
"after 11 years of marriage" sits in the separation fact, and a derived_date conflict of the
marriage fact cites it.

Status: the gravest status its conflicts give (``CONFLICT_KIND[kind].status`` in
:mod:`storyline.core.vocab`: a polarity dispute → ``contested``, any other conflict →
``contradicted``); else ``corroborated`` with at least two independent sources, otherwise
``single_source``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Sequence

from storyline.core.dates import granularity
from storyline.core.ids import make_id
from storyline.core.records import Conflict, Echo, Fact
from storyline.core.vocab import CONFLICT_KIND, STATUS
from storyline.reconcile.align import Cluster
from storyline.reconcile.conflicts import Found, fact_conflicts
from storyline.reconcile.independence import GRADE_RANK, RelayIndex, assess

__all__ = ["Draft", "draft_from_cluster", "finish"]

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


def _when(c: Cluster) -> str | None:
    dated = [v for v in c.views if v.span is not None and v.claim.polarity == "positive"]
    derived = [v.derived.span for v in c.derived if v.derived is not None]
    if not dated:
        if derived and all(d == derived[0] for d in derived) and derived[0].days == 1:
            return derived[0].start.isoformat()
        return None
    values = Counter(v.timex.value for v in dated)
    spans = {v.timex.value: v.span for v in dated}
    # The value most claims support (implied dates count too); then the finest, then the earliest.
    support = {val: n + sum(spans[val].overlaps(d) for d in derived) for val, n in values.items()}
    return min(values, key=lambda val: (-support[val], _GRAN_RANK.get(granularity(val) or "", 9), val))


def draft_from_cluster(c: Cluster, corpus_outlets: Sequence[str], echo_similarity: float,
                       name: Callable[[str], str], relays: RelayIndex | None = None) -> Draft:
    """Judge one cluster: sources, conflicts, statement and time."""
    sourcing = assess(c, corpus_outlets, echo_similarity, relays)
    views = sorted(c.views, key=lambda v: v.order)
    support = [v for v in views if v.pclass != "denial" and v.claim.polarity == "positive"] or views
    # Best-sourced first; an anniversary-style claim (dated only indirectly) states the fact last.
    best = min(support, key=lambda v: (GRADE_RANK.get(sourcing.grade_by.get(v.claim.id, ""), 9),
                                       v.derived is not None, v.order))
    # Claims that only imply the date (c.derived) stay in their own fact; conflicts cite them.
    every = views
    return Draft(
        key=c.pclass,
        statement=best.claim.text,
        pclass=None if c.pclass.startswith("~") else c.pclass.split(":")[0],
        claims=[v.claim.id for v in every],
        articles=list(dict.fromkeys(v.article.id for v in every)),
        outlets=list(dict.fromkeys(v.outlet for v in every)),
        independent=sourcing.independent,
        grade=sourcing.grade,
        when=_when(c),
        conflicts=fact_conflicts(c, name),
        echoes=sourcing.echoes,
    )


def finish(drafts: Sequence[Draft]) -> tuple[list[Fact], list[Conflict], list[Echo]]:
    """Records with content-hash ids; a claim echoed in two facts yields one Echo."""
    facts, conflicts, echoes = [], [], {}
    used: set[str] = set()
    for d in drafts:
        fid = make_id("f", d.pclass, d.key, *sorted(d.claims))
        if fid in used:
            continue
        used.add(fid)
        # The gravest status its conflicts give (STATUS lists the disputed first), else by sources.
        given = {CONFLICT_KIND[f.kind].status for f in d.conflicts}
        if given:
            status = next(s for s in STATUS if s in given)
        else:
            status = "corroborated" if d.independent >= 2 else "single_source"
        facts.append(Fact(fid, d.statement, d.pclass, tuple(d.claims), tuple(d.articles), tuple(d.outlets),
                          d.independent, status, d.grade, d.when))
        for f in d.conflicts:
            conflicts.append(Conflict(make_id("x", fid, f.kind, *f.claims), fid, f.claims, f.kind, f.reason))
        for claim, original, reason in d.echoes:
            echoes.setdefault(claim, Echo(make_id("o", claim), claim, original, reason))
    return facts, conflicts, list(echoes.values())
