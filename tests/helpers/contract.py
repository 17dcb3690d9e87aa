"""Every id in a ``storyline/1`` export checked against the id space the contract gives it.

See ``../shared/docs/export-contract.md``: facts[].claims and conflicts' claims are claim ids,
timeline facts are fact ids, articles everywhere are article ids, and a claim's subject,
source.entity (and object, when it is not free text) are entity ids, its ``when`` a timex id.
Additive fields are checked too where they name ids (echoes, claims[].fact, timexes[].anchor,
facts[].evidence, facts[].event, events[].facts, claims[].event_references, articles[].event_references
and statement_events).
"""

from __future__ import annotations

import json
import re

__all__ = ["id_violations", "from_jsonl"]

# What storyline's own ids look like (core.ids.make_id: a prefix, a dash, hex); article ids are
# free-form (the input gives them), so only these prefixes are recognised in free-text fields.
_RECORD_ID = re.compile(r"^[a-zA-Z]{1,2}-[0-9a-f]{16}$")
_EVIDENCE_KINDS = {"age": "ages", "mention": "mentions"}


def from_jsonl(text: str) -> dict:
    """A JSONL export put back into the JSON layout (header first, then records by kind)."""
    plural = {"article": "articles", "entity": "entities", "timex": "timexes", "claim": "claims", "fact": "facts",
              "event": "events", "statement_event": "statement_events", "echo": "echoes", "timeline": "timeline"}
    lines = [json.loads(line) for line in text.splitlines() if line.strip()]
    assert lines and lines[0]["record"] == "header", "the first JSONL line must be the header"
    data: dict = {"schema": lines[0]["schema"], **{k: [] for k in plural.values()}}
    for obj in lines[1:]:
        kind = obj.pop("record")
        assert kind in plural, f"unknown JSONL record kind {kind!r}"
        data[plural[kind]].append(obj)
    return data


def id_violations(data: dict) -> list[str]:
    """Human-readable lines, one per id that is not where the contract says it must be."""
    bad: list[str] = []
    articles = {a["id"] for a in data["articles"]}
    entities = {e["id"] for e in data["entities"]}
    timexes = {t["id"] for t in data["timexes"]}
    claims = {c["id"] for c in data["claims"]}
    facts = {f["id"] for f in data["facts"]}

    def need(value, space: set, what: str, *, nullable: bool = False) -> None:
        if value is None and nullable:
            return
        if value not in space:
            bad.append(f"{what}: {value!r}")

    for kind, records in (("articles", data["articles"]), ("entities", data["entities"]), ("timexes", data["timexes"]),
                          ("claims", data["claims"]), ("facts", data["facts"]), ("events", data.get("events", []))):
        ids = [r["id"] for r in records]
        if len(ids) != len(set(ids)):
            bad.append(f"{kind}: duplicate ids")
    for e in data["entities"]:
        for m in e["mentions"]:
            need(m["article"], articles, f"entity {e['id']} mention article")
        for g in e.get("ages", ()):
            need(g["article"], articles, f"entity {e['id']} age article")
    for t in data["timexes"]:
        need(t["article"], articles, f"timex {t['id']} article")
        anchor = t.get("anchor")
        if anchor not in (None, "DCT"):
            need(anchor, timexes, f"timex {t['id']} anchor")
    for c in data["claims"]:
        cid = c["id"]
        need(c["article"], articles, f"claim {cid} article")
        need(c["subject"], entities, f"claim {cid} subject", nullable=True)
        obj = c["object"]
        if isinstance(obj, str) and _RECORD_ID.match(obj):
            need(obj, entities, f"claim {cid} object (an id that is no entity)")
        need(c["when"], timexes, f"claim {cid} when", nullable=True)
        need(c["source"]["entity"], entities, f"claim {cid} source.entity", nullable=True)
        if "fact" in c:
            need(c["fact"], facts, f"claim {cid} fact", nullable=True)
    for f in data["facts"]:
        fid = f["id"]
        for x in f["claims"]:
            need(x, claims, f"fact {fid} claims[]")
        for a in f["articles"]:
            need(a, articles, f"fact {fid} articles[]")
        for x in f["conflicts"]:
            for y in x["claims"]:
                need(y, claims, f"fact {fid} conflict claims[]")
        for ev in f.get("evidence", ()):
            need(ev.get("article"), articles, f"fact {fid} evidence article")
            if ev.get("kind") == "claim":
                need(ev.get("id"), claims, f"fact {fid} evidence claim")
            elif ev.get("kind") not in _EVIDENCE_KINDS:
                bad.append(f"fact {fid} evidence kind {ev.get('kind')!r}")
    events = {e["id"] for e in data.get("events", ())}
    for f in data["facts"]:
        need(f.get("event"), events, f"fact {f['id']} event", nullable=True)
    for e in data.get("events", ()):
        for x in e["facts"]:
            need(x, facts, f"event {e['id']} facts[]")
    statements = {v["id"] for v in data.get("statement_events", ())}
    for v in data.get("statement_events", ()):
        need(v["source"], entities, f"statement event {v['id']} source", nullable=True)
        for x in v["claims"]:
            need(x, claims, f"statement event {v['id']} claims[]")
    for c in data["claims"]:
        for r in c.get("event_references", ()):
            need(r["event"], events if r["kind"] == "event" else statements, f"claim {c['id']} event reference")
    for a in data["articles"]:
        for r in a.get("event_references", ()):
            need(r["event"], events if r["kind"] == "event" else statements, f"article {a['id']} event reference")
    for o in data.get("echoes", ()):
        need(o["claim"], claims, f"echo {o['id']} claim")
        need(o["original"], claims, f"echo {o['id']} original", nullable=True)
    for t in data["timeline"]:
        need(t["fact"], facts, "timeline fact")
    return bad
