"""Exports: JSON (contract ``storyline/1``), JSONL (one record a line), CSV (the claims table).

The JSON follows ``../shared/docs/export-contract.md``: story-level entities carry every
mention; claims reference story entity ids; fields beyond the contract are additions only. Every
id sits in the id space the contract gives it: a fact or conflict that cites an Age (``g-``) or a
Mention (``m-``) record, for an age or count no claim states, finds it among the claims as a
claim-shaped record of ``kind`` "age" or "count" (read claims have ``kind`` "claim").
The JSON Schema (``docs/export.schema.json``) is generated from the records by
:mod:`storyline.present.schema` and validated in the tests.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections import defaultdict
from collections.abc import Sequence
from functools import cached_property
from typing import Any

from storyline.core.dates import iso
from storyline.core.links import conflicts_by_fact
from storyline.core.records import (
    EXPORT_SCHEMA,
    Age,
    ArticleReading,
    Claim,
    Mention,
    Review,
    Story,
)
from storyline.core.reviews import FactReview, attach
from storyline.ingest.origins import public_origin
from storyline.reconcile.references import References, event_references

__all__ = ["export", "export_json", "export_jsonl", "export_csv", "claim_records", "FORMATS"]

FORMATS = ("json", "jsonl", "csv", "timelinejs")


def export(readings: Sequence[ArticleReading], story: Story, fmt: str = "json", reviews: Sequence[Review] = ()) -> Any:
    """Dispatch on ``fmt``; json/timelinejs give dicts, jsonl/csv give strings. ``reviews``
    (the story's review decisions) go into json and jsonl."""
    if fmt == "json":
        return export_json(readings, story, reviews)
    if fmt == "jsonl":
        return export_jsonl(readings, story, reviews)
    if fmt == "csv":
        return export_csv(readings, story)
    if fmt == "timelinejs":
        from storyline.present.timelinejs import to_timelinejs

        return to_timelinejs(story, readings)
    from storyline.core.errors import ConfigError

    raise ConfigError(f"unknown export format '{fmt}'", fix=f"use one of: {', '.join(FORMATS)}")


class _Index:
    """Lookups shared by the exporters: article entity -> story entity, claim -> fact."""

    def __init__(self, readings: Sequence[ArticleReading], story: Story):
        self.readings, self.story = readings, story
        self.story_of: dict[str, str] = {m: e.id for e in story.entities for m in e.members}
        self.article_entities = {e.id: e for r in readings for e in r.entities}
        self.names = {e.id: e.name for e in story.entities}
        self.timex_value = {t.id: t.value for r in readings for t in r.timexes}
        self.fact_of: dict[str, str] = {}
        self.status_of = {f.id: f.status for f in story.facts}
        for f in story.facts:
            for c in f.claims:
                self.fact_of.setdefault(c, f.id)

    @cached_property
    def references(self) -> References:
        """The events each claim's other words and reporting cue refer to (made once, when asked)."""
        return event_references(self.readings, self.story)

    def entity(self, article_entity: str | None) -> str | None:
        if article_entity is None:
            return None
        return self.story_of.get(article_entity, article_entity)

    def name(self, article_entity: str | None) -> str | None:
        if article_entity is None:
            return None
        sid = self.story_of.get(article_entity)
        if sid:
            return self.names[sid]
        ent = self.article_entities.get(article_entity)
        return ent.name if ent else None


def _reference(x) -> dict:
    return {"start": x.start, "end": x.end, "text": x.text, "event": x.event, "kind": x.kind}


def _article(r: ArticleReading, ix: _Index) -> dict:
    a = r.article
    return {
        "id": a.id, "outlet": a.outlet, "url": a.url, "title": a.title, "published": iso(a.published),
        "text": a.text, "origin": public_origin(a.origin), "format": a.format, "content_hash": a.content_hash,
        "event_references": [_reference(x) for x in ix.references.by_article.get(a.id, ())],
    }  # fmt: skip


def _claim(c: Claim, ix: _Index) -> dict:
    s = c.source
    obj = ix.entity(c.object) if c.object in ix.article_entities else c.object
    return {
        "id": c.id, "article": c.article, "start": c.start, "end": c.end, "text": c.text,
        "subject": ix.entity(c.subject), "predicate": c.predicate, "object": obj, "when": c.when,
        "polarity": c.polarity, "certainty": c.certainty, "hedges": list(c.hedges),
        "source": {
            "kind": s.kind, "text": s.text, "start": s.start, "end": s.end, "entity": ix.entity(s.entity),
            "cue": s.cue, "quote": s.quote, "via": s.via, "key": s.key,
        },
        "predicate_class": c.predicate_class,
        "sentence_start": c.sentence_start, "sentence_end": c.sentence_end,
        "quantities": [dataclasses.asdict(q) for q in c.quantities],
        "fact": ix.fact_of.get(c.id),
        "kind": "claim",
        # What a title or headline shows (storyline.read.display); null before schema 8.
        "title_start": c.title_start, "title_end": c.title_end, "title_cut": c.title_cut,
        "title_subject_start": c.title_subject_start, "title_subject_end": c.title_subject_end,
        "title_subject": ix.entity(c.title_subject), "title_possessive": c.title_possessive,
        "title_clitic": c.title_clitic, "headline_end": c.headline_end,
        "event_references": [_reference(x) for x in ix.references.by_claim.get(c.id, ())],
    }  # fmt: skip


def _statement(rid: str, kind: str, article: ArticleReading, subject: str, start: int, end: int, value: str,
               quantities: list[dict], ix: _Index) -> dict:
    """A claim-shaped record for an Age or Mention a fact cites: what the article states, unattributed."""
    text = article.article.text
    s0, s1 = _sentence_bounds(article, start, end)
    return {
        "id": rid, "article": article.article.id, "start": start, "end": end, "text": text[start:end],
        "subject": ix.entity(subject), "predicate": kind, "object": value, "when": None,
        "polarity": "positive", "certainty": "certain", "hedges": [],
        "source": {"kind": "unattributed", "text": None, "start": None, "end": None, "entity": None,
                   "cue": None, "quote": "none", "via": None, "key": None},
        "predicate_class": kind, "sentence_start": s0, "sentence_end": s1, "quantities": quantities,
        "fact": ix.fact_of.get(rid), "kind": kind, "event_references": [],
    }  # fmt: skip


def _sentence_bounds(r: ArticleReading, start: int, end: int) -> tuple[int, int]:
    """The reader's sentences around [start, end) (ArticleReading.sentences); the span itself for a
    reading stored before it kept them."""
    inside = [s for s in r.sentences if s.start < end and start < s.end]
    return (min(s.start for s in inside), max(s.end for s in inside)) if inside else (start, end)


def _age_statement(g: Age, r: ArticleReading, ix: _Index) -> dict:
    text = r.article.text
    # "Varga, 41": the wording reconcile quotes, when it is the text just before the age.
    start = g.end - len(g.text) if g.text and text[max(0, g.end - len(g.text)) : g.end] == g.text else g.start
    return _statement(g.id, "age", r, g.entity, start, g.end, str(g.value), [], ix)


def _mention_statement(m: Mention, r: ArticleReading, ix: _Index) -> dict:
    # The age in apposition ("The choreographer, 47") or the count after a possessive ("the couple’s
    # three children"), quoted from the mention to the end of the number's phrase.
    q = next((q for q in m.quantities if q.measure == "age"), None)
    kind = "age" if q is not None else "count"
    q = q or (m.quantities[0] if m.quantities else None)
    end = q.end if q is not None and q.end > m.start else m.end
    value = (str(int(q.value)) if float(q.value).is_integer() else str(q.value)) if q is not None else m.text
    return _statement(m.id, kind, r, m.entity, m.start, end, value,
                      [dataclasses.asdict(q)] if q is not None else [], ix)


def claim_records(readings: Sequence[ArticleReading], story: Story) -> list[dict]:
    """The export's ``claims`` (read claims, then the age/count statements facts cite)."""
    return _claims(readings, story, _Index(readings, story))


def _claims(readings: Sequence[ArticleReading], story: Story, ix: _Index) -> list[dict]:
    """Every read claim, then a claim-shaped record for each Age/Mention a fact or conflict cites
    (so ``facts[].claims`` and the conflicts' pairs hold claim ids only, as the contract says)."""
    out = [_claim(c, ix) for r in readings for c in r.claims]
    known = {c["id"] for c in out}
    cited = {c for f in story.facts for c in f.claims} | {c for x in story.conflicts for c in x.claims}
    cited -= known
    if cited:
        for r in readings:
            out.extend(_age_statement(g, r, ix) for g in r.ages if g.id in cited)
            out.extend(_mention_statement(m, r, ix) for m in r.mentions if m.id in cited)
    return out


def _entities(readings: Sequence[ArticleReading], story: Story, ix: _Index) -> list[dict]:
    mentions: dict[str, list[dict]] = defaultdict(list)
    ages: dict[str, list[dict]] = defaultdict(list)
    for r in readings:
        for m in r.mentions:
            mentions[ix.entity(m.entity)].append({"id": m.id, "article": m.article, "start": m.start, "end": m.end, "text": m.text, "kind": m.kind,
                                                  "quantities": [dataclasses.asdict(q) for q in m.quantities]})
        for g in r.ages:
            ages[ix.entity(g.entity)].append({"id": g.id, "article": g.article, "value": g.value, "as_of": g.as_of, "start": g.start, "end": g.end,
                                              "text": g.text})
    out = []
    for e in story.entities:
        out.append({
            "id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases),
            "mentions": mentions.get(e.id, []), "ages": ages.get(e.id, []),
            "members": list(e.members), "evidence": list(e.evidence),
        })  # fmt: skip
    # Article entities the reconcile stage did not place in the cast still appear, under their own id.
    for eid, ae in ix.article_entities.items():
        if eid not in ix.story_of:
            out.append({
                "id": eid, "name": ae.name, "type": ae.type, "aliases": list(ae.aliases),
                "mentions": mentions.get(eid, []), "ages": ages.get(eid, []), "members": [eid], "evidence": [],
            })  # fmt: skip
    for e in out:
        e["mentions"].sort(key=lambda m: (m["article"], m["start"], m["end"]))
    return out


def _decision(r: Review) -> dict:
    return {"verdict": r.verdict, "note": r.note, "reviewer": r.reviewer, "at": r.at, "fact": r.fact}


def _review(attached: FactReview | None) -> dict | None:
    """A fact's ``review`` field: the latest decision, and every one (oldest first); null when none."""
    if attached is None:
        return None
    return {**_decision(attached.latest), "moved": attached.moved, "history": [_decision(r) for r in attached.history]}


def export_json(readings: Sequence[ArticleReading], story: Story, reviews: Sequence[Review] = ()) -> dict:
    """The whole story as one JSON-ready dict (contract ``storyline/1``), with the reviews
    attached to its facts (storyline.core.reviews)."""
    ix = _Index(readings, story)
    attached = attach(reviews, story.facts)
    conflicts = {f: [{"claims": list(c.claims), "reason": c.reason, "kind": c.kind} for c in xs]
                 for f, xs in conflicts_by_fact(story.facts, story.conflicts).items()}
    return {
        "schema": EXPORT_SCHEMA,
        "articles": [_article(r, ix) for r in readings],
        "entities": _entities(readings, story, ix),
        "timexes": [
            {"id": t.id, "article": t.article, "start": t.start, "end": t.end, "text": t.text, "type": t.type,
             "value": t.value, "mod": t.mod, "anchor": t.anchor}
            for r in readings for t in r.timexes
        ],  # fmt: skip
        "claims": _claims(readings, story, ix),
        "facts": [
            {"id": f.id, "statement": f.statement, "claims": list(f.claims), "articles": list(f.articles),
             "outlets": list(f.outlets), "independent_sources": f.independent_sources, "status": f.status,
             "conflicts": conflicts.get(f.id, []), "grade": f.grade, "predicate_class": f.predicate_class,
             "when": f.when, "statement_claim": f.statement_claim, "supporting": list(f.supporting),
             "disputing": list(f.disputing), "superseded": list(f.superseded), "notes": list(f.notes),
             "event": f.event, "review": _review(attached.by_fact.get(f.id))}
            for f in story.facts
        ],  # fmt: skip
        "events": [{"id": e.id, "key": e.key, "label": e.label, "facts": list(e.facts), "when": e.when}
                   for e in story.events],
        "statement_events": [{"id": v.id, "verb": v.verb, "source": v.source, "who": v.who, "claims": list(v.claims)}
                             for v in ix.references.statements],
        "echoes": [{"id": e.id, "claim": e.claim, "original": e.original, "reason": e.reason} for e in story.echoes],
        "timeline": [
            {"when": t.when, "fact": t.fact, "label": t.label, "start": t.start, "end": t.end, "status": t.status}
            for t in story.timeline
        ],
        "orphaned_reviews": [{**_decision(r), "statement": r.statement, "anchor": list(r.anchor)} for r in attached.orphaned],
    }


def export_jsonl(readings: Sequence[ArticleReading], story: Story, reviews: Sequence[Review] = ()) -> str:
    """One JSON object a line: a header, then each record tagged by a ``record`` field
    (not ``type``, which entities and timexes already use)."""
    data = export_json(readings, story, reviews)
    lines = [json.dumps({"record": "header", "schema": data["schema"]}, ensure_ascii=False)]
    singular = {"articles": "article", "entities": "entity", "timexes": "timex", "claims": "claim",
                "facts": "fact", "events": "event", "statement_events": "statement_event", "echoes": "echo",
                "timeline": "timeline", "orphaned_reviews": "orphaned_review"}  # fmt: skip
    for key, kind in singular.items():
        for obj in data[key]:
            lines.append(json.dumps({"record": kind, **obj}, ensure_ascii=False))
    return "\n".join(lines) + "\n"


CSV_COLUMNS = (
    "id", "article", "outlet", "published", "start", "end", "text", "subject", "predicate", "predicate_class",
    "object", "when", "polarity", "certainty", "hedges", "source_kind", "source_text", "source_entity", "cue",
    "quote", "via", "source_key", "fact", "fact_status",
)  # fmt: skip


# A spreadsheet runs a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """A text cell starting with a formula trigger, prefixed with a single quote (shown as text)."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) else value


def export_csv(readings: Sequence[ArticleReading], story: Story) -> str:
    """The claims table, one row a claim, names instead of ids where that helps a reader.

    Every text cell is quoted and numbers are bare; a text cell that starts with ``=``, ``+``,
    ``-``, ``@``, tab or carriage return gets a leading ``'`` so no spreadsheet runs it."""
    ix = _Index(readings, story)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(CSV_COLUMNS)
    for r in readings:
        for c in r.claims:
            s = c.source
            obj = ix.name(c.object) if c.object in ix.article_entities else c.object
            fact = ix.fact_of.get(c.id)
            writer.writerow([_cell(v) for v in (
                c.id, c.article, r.article.outlet or "", iso(r.article.published) or "", c.start, c.end, c.text,
                ix.name(c.subject) or "", c.predicate, c.predicate_class or "", obj or "",
                ix.timex_value.get(c.when, "") if c.when else "", c.polarity, c.certainty, "; ".join(c.hedges),
                s.kind, s.text or "", ix.name(s.entity) or "", s.cue or "", s.quote, s.via or "", s.key or "",
                fact or "", ix.status_of.get(fact, "") if fact else "",
            )])  # fmt: skip
    return buf.getvalue()
