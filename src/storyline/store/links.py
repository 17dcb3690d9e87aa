"""The link tables (``fact_claims``, ``echo_links``), derived from what is stored.

Rebuilt in the transaction that stores a story (:meth:`storyline.store.Store.replace_story`) (one story's rows), and
by migration 0005 for stories stored before it. Each cited id is looked up in the claims, ages
and mentions tables: a link column is set only when the row exists (a story may cite readings
not stored, e.g. from another database), so the foreign keys always hold.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from storyline.core.ids import make_id
from storyline.core.links import fact_sides, mention_kind
from storyline.core.records import EchoLink, FactClaim, Quantity
from storyline.store import stories
from storyline.store.convert import to_row
from storyline.store.tables import LINK_TABLES, tables

__all__ = ["link_records", "rebuild_links"]


def _rows(conn: sa.Connection, table: str, *columns: str, where: set[str] | None = None, story: str | None = None) -> list[Any]:
    t = tables[table]
    query = sa.select(*(t.c[c] for c in columns))
    if story is not None:
        query = query.where(t.c.story == story)
    if where is not None:
        if not where:
            return []
        query = query.where(t.c.id.in_(sorted(where)))
    return conn.execute(query).all()


def _cited_rows(conn: sa.Connection, table: str, columns: tuple[str, ...], cited: set[str], members: str | None) -> dict[str, Any]:
    """The rows of ``table`` (an article table) with an id in ``cited``, by id. With ``members``
    (a story's id) the rows of the story's articles are read first, by article (a story cites
    mostly its own articles' rows: one indexed scan instead of an ``IN`` of every cited id), and
    only the ids not found there are looked up by id."""
    found: dict[str, Any] = {}
    if members is not None and cited:
        t = tables[table]
        query = sa.select(*(t.c[c] for c in columns)).where(t.c.article.in_(stories.members(members)))
        found = {r.id: r for r in conn.execute(query).all() if r.id in cited}
    return found | {r.id: r for r in _rows(conn, table, *columns, where=cited - found.keys())}


def rebuild_links(conn: sa.Connection, story: str | None) -> None:
    """Delete and write again the link tables' rows of one story (its id) from its stored
    account and the stored readings. ``story=None`` is for migration 0005: the tables then have
    no ``story`` column (one story per database, before schema 11)."""
    for name in reversed(LINK_TABLES):
        t = tables[name]
        conn.execute(t.delete() if story is None else t.delete().where(t.c.story == story))
    facts = _rows(conn, "facts", "id", "statement", "claims", "seq", "statement_claim", "supporting", "disputing", "superseded",
                  story=story)
    conflicts = _rows(conn, "conflicts", "fact", "claims", story=story)
    echoes = _rows(conn, "echoes", "id", "claim", "original", "seq", story=story)
    by_seq = sorted(facts, key=lambda r: r.seq), sorted(echoes, key=lambda r: r.seq)
    for name, records in link_records(conn, by_seq[0], conflicts, by_seq[1], story=story).items():
        if records:
            rows = [to_row(name, r, i) | ({} if story is None else {"story": story}) for i, r in enumerate(records)]
            # Before schema 11 (story None) the table has no story column: insert the columns given.
            target = tables[name] if story is not None else sa.table(name, *(sa.column(c, tables[name].c[c].type) for c in rows[0]))
            conn.execute(target.insert(), rows)


def link_records(conn: sa.Connection, facts: Sequence[Any], conflicts: Sequence[Any], echoes: Sequence[Any], *,
                 story: str | None = None) -> dict[str, list[Any]]:
    """The link tables' records (``FactClaim``, ``EchoLink``; each row's ``seq`` is its position)
    of one story's facts, conflicts and echoes (rows or records with their columns as attributes;
    facts and echoes in their stored order), looking up in the stored readings each id they cite.
    ``story``: the story's id, whose articles' rows are looked up first (the same records; None
    before schema 11, which had no stories)."""
    cited = {c for f in facts for c in f.claims} | {x for e in echoes for x in (e.claim, e.original) if x}
    # A claim's text and polarity side only a fact stored before the sides were recorded. A fact
    # citing nothing (a children count no article states as its own) has no side to find.
    old = any(f.statement_claim is None and f.claims for f in facts)
    claims = _cited_rows(conn, "claims", ("id", "article", *(("text", "polarity") if old else ())), cited, story)
    ages = {r.id: r for r in _rows(conn, "ages", "id", "article", where=cited - claims.keys())}
    mentions = {r.id: r for r in _rows(conn, "mentions", "id", "article", "quantities", where=cited - claims.keys() - ages.keys())}
    pairs: dict[str, list] = defaultdict(list)
    for x in conflicts:
        pairs[x.fact].append(x.claims)

    texts = {i: c.text for i, c in claims.items()} if old else {}
    polarities = {i: c.polarity for i, c in claims.items()} if old else {}
    links: list[FactClaim] = []
    for f in facts:
        if not f.claims:
            continue
        if f.statement_claim is not None:  # the sides reconcile recorded (storyline.reconcile.facts)
            sides = {i: "support" for i in f.claims} | {i: "dispute" for i in f.disputing or ()} | {
                i: "superseded" for i in f.superseded or ()}
        else:  # a story stored before the sides were recorded
            sides = fact_sides(f.statement, f.claims, pairs[f.id], texts, polarities)
        for ref in dict.fromkeys(f.claims):
            c = claims.get(ref)
            if c is not None:  # most refs: a stored claim (never also looked up as an age or mention)
                links.append(FactClaim(make_id("k", f.id, ref), f.id, ref, "claim", sides[ref], ref, None, None, c.article))
                continue
            g, m = ages.get(ref), mentions.get(ref)
            if m is not None:
                kind = mention_kind(Quantity(**q) for q in m.quantities or ())
            elif g is not None or ref.startswith("g-"):
                kind = "age"
            else:  # an id not stored: named by its prefix
                kind = "count" if ref.startswith("m-") else "claim"
            row = g or m
            links.append(FactClaim(make_id("k", f.id, ref), f.id, ref, kind, sides[ref], None, g and g.id,
                                   m and m.id, row.article if row is not None else None))
    echo_links = []
    for e in echoes:
        c, o = claims.get(e.claim), claims.get(e.original) if e.original else None
        echo_links.append(EchoLink(e.id, e.id, c and c.id, o and o.id, c and c.article, o and o.article))
    return {"fact_claims": links, "echo_links": echo_links}
