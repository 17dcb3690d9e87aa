"""What a fact's cited ids are and which side of the fact each takes: one rule for every reader.

A fact cites claims, and for ages and counts no claim states, Age (``g-``) and Mention (``m-``)
records (see :class:`storyline.core.records.Fact`). The export lists those as claim-shaped
records of a ``kind``, and the store's link table ``fact_claims`` says what each id is and on
which side of the fact it stands; both use these functions.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Mapping, Sequence

from storyline.core.records import Conflict, Fact, Quantity

__all__ = ["conflicts_by_fact", "mention_kind", "fact_sides"]


def conflicts_by_fact(facts: Iterable[Fact], conflicts: Iterable[Conflict]) -> dict[str, list[Conflict]]:
    """The conflicts to show with each fact: its own (``Conflict.fact``) and those between one of
    its claims and a claim of another fact (storyline.reconcile.across), which contradict both
    facts: a fact is never shown contradicted without the reason."""
    holders: dict[str, list[str]] = defaultdict(list)
    for f in facts:
        for c in f.claims:
            holders[c].append(f.id)
    out: dict[str, list[Conflict]] = defaultdict(list)
    for x in conflicts:
        for fact in dict.fromkeys([x.fact, *(h for c in x.claims for h in holders.get(c, ()))]):
            out[fact].append(x)
    return out


def mention_kind(quantities: Iterable[Quantity]) -> str:
    """The kind of what a fact cites at a mention: "age" ("The choreographer, 47") or "count"."""
    return "age" if any(q.measure == "age" for q in quantities) else "count"


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def fact_sides(statement: str, ids: Sequence[str], pairs: Iterable[Sequence[str]],
               text: Mapping[str, str], polarity: Mapping[str, str]) -> dict[str, str]:
    """"support" or "dispute" for each of a fact's ``ids``.

    The claim the statement was written from (its text is in the statement; else the first of the
    most common polarity) supports. Each conflict pair (``pairs``) puts its two ids on opposite
    sides, spreading from the supporting claim; an id no pair reaches sides by polarity: with the
    statement's claim when it has the same polarity. Ids without text or polarity (ages, counts)
    are positive statements.
    """
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    pol = {i: polarity.get(i, "positive") for i in ids}
    stmt = _norm(statement)
    anchor = next((i for i in ids if i in text and _norm(text[i]) in stmt), None)
    if anchor is None:
        common = Counter(pol.values()).most_common(1)[0][0]
        anchor = next(i for i in ids if pol[i] == common)
    other: dict[str, set[str]] = defaultdict(set)
    for pair in pairs:
        if len(pair) >= 2:
            other[pair[0]].add(pair[1])
            other[pair[1]].add(pair[0])
    side = {anchor: "support"}
    flip = {"support": "dispute", "dispute": "support"}
    for start in [anchor] + [i for i in ids if i != anchor]:
        if start not in side:
            side[start] = "support" if pol[start] == pol[anchor] else "dispute"
        todo = deque([start])
        while todo:
            cur = todo.popleft()
            for nxt in sorted(other[cur]):
                if nxt not in side:
                    side[nxt] = flip[side[cur]]
                    todo.append(nxt)
    return {i: side[i] for i in ids}
