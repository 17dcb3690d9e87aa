"""Generate the export JSON Schema and the table documentation from :mod:`storyline.core.records`.

``python -m storyline.present.schema --write`` rewrites ``docs/export.schema.json`` and
``docs/schema.md``; a test fails when the committed files differ from what the code generates,
so documentation and code cannot drift apart.
"""

from __future__ import annotations

import json
import sys
import typing
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from storyline.core import records as R
from storyline.reconcile.references import EventReference, StatementEvent

__all__ = ["export_schema", "tables_markdown", "write_docs"]


def _field_docs(cls: type) -> dict[str, str]:
    return {f.name: f.metadata.get("doc", "") for f in fields(cls)}


def _json_type(tp: Any) -> dict:
    origin, args = get_origin(tp), get_args(tp)
    if tp is str or tp is date:  # a date is exported as ISO 8601 text
        return {"type": "string"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is bool:
        return {"type": "boolean"}
    if tp is dict or origin is dict:
        return {"type": "object"}
    if origin is Literal:
        return {"enum": list(args)}
    if origin is tuple:
        return {"type": "array", "items": _json_type(args[0])}
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        non_null = [a for a in args if a is not type(None)]
        inner = _json_type(non_null[0]) if len(non_null) == 1 else {"anyOf": [_json_type(a) for a in non_null]}
        if "enum" in inner:
            return {"enum": inner["enum"] + [None]}
        if "type" in inner and isinstance(inner["type"], str):
            return {**inner, "type": [inner["type"], "null"]}
        return {"anyOf": [inner, {"type": "null"}]}
    if is_dataclass(tp):
        return record_schema(tp)
    raise TypeError(f"no JSON type for {tp!r}")


def record_schema(cls: type, *, only: tuple[str, ...] | None = None, required: tuple[str, ...] | None = None,
                  override: dict[str, dict] | None = None, extra: dict[str, dict] | None = None) -> dict:
    """JSON Schema of a record: its fields (or ``only`` those) typed and described from the code."""
    hints = typing.get_type_hints(cls)
    docs = _field_docs(cls)
    props: dict[str, dict] = {}
    for f in fields(cls):
        if only is not None and f.name not in only:
            continue
        schema = dict((override or {}).get(f.name) or _json_type(hints[f.name]))
        schema.setdefault("description", docs[f.name])
        props[f.name] = schema
    props.update(extra or {})
    return {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": props,
        "required": list(required if required is not None else props),
        "additionalProperties": True,  # the contract allows added fields
    }


def _ref(name: str) -> dict:
    return {"$ref": f"#/$defs/{name}"}


def _nullable_ref(name: str) -> dict:
    return {"anyOf": [_ref(name), {"type": "null"}]}


def export_schema() -> dict:
    """The JSON Schema of ``storyline export --format json`` (contract ``storyline/1``)."""
    s = {"type": "string"}
    ns = {"type": ["string", "null"]}
    mention = {
        "type": "object",
        "properties": {
            "id": {**s, "description": "Mention id (a fact may cite it: see claims[].kind)."},
            "article": {**s, "description": "Article id."},
            "start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 0},
            "text": s, "kind": {"enum": ["name", "nominal", "pronoun"]},
            "quantities": {"type": "array", "items": _ref("quantity"), "description": _field_docs(R.Mention)["quantities"]},
        },
        "required": ["article", "start", "end", "text", "kind"],
    }  # fmt: skip
    entity = record_schema(
        R.StoryEntity,
        required=("id", "name", "type", "aliases", "mentions"),
        extra={
            "mentions": {"type": "array", "items": mention, "description": "Every mention in every article."},
            "ages": {"type": "array", "items": {"type": "object"}, "description": "Ages stated for the entity, each with its article and date."},
        },
    )
    source = record_schema(
        R.Source,
        required=("kind", "text", "start", "end", "entity", "cue", "quote", "via"),
        override={"entity": {**ns, "description": "Story entity id of the source, or null."}},
    )
    claim = record_schema(
        R.Claim,
        required=("id", "article", "start", "end", "text", "subject", "predicate", "object", "when",
                  "polarity", "certainty", "hedges", "source"),  # fmt: skip
        override={
            "subject": {**ns, "description": "Story entity id of the subject, or null."},
            "object": {**ns, "description": "Story entity id when the object is an entity, else its text, or null."},
            "when": {**ns, "description": "Timex id the claim is anchored to, or null."},
            "source": _ref("source"),
            "quantities": {"type": "array", "items": _ref("quantity"), "description": _field_docs(R.Claim)["quantities"]},
        },
        extra={"fact": {**ns, "description": "Fact id this claim belongs to, or null."},
               "event_references": {"type": "array", "items": _ref("event_reference"),
                                    "description": "The events the claim refers to besides the one its predicate tells, "
                                                   "in text order (storyline.reconcile.references; absent before 0.1.0's "
                                                   "event references, empty for age/count records)."},
               "kind": {**_json_type(R.ExportClaimKind),
                        "description": "claim: read from the text (a stored claim). age / count: an Age (id g-...) or "
                                       "Mention (id m-...) record a fact or conflict cites for an age or a count no "
                                       "claim states, exported claim-shaped and unattributed so facts[].claims and "
                                       "the conflicts' pairs hold claim ids only."}},
    )
    conflict = {
        "type": "object",
        "properties": {"claims": {"type": "array", "items": s, "minItems": 2, "maxItems": 2},
                       "reason": s, "kind": _json_type(R.ConflictKind)},
        "required": ["claims", "reason"],
    }  # fmt: skip
    docs = _field_docs(R.Review)
    decision = {
        "type": "object",
        "description": "One reviewer's decision on a fact (storyline.core.reviews; schema 11).",
        "properties": {"verdict": {**_json_type(R.Verdict), "description": docs["verdict"]},
                       "note": {**s, "description": docs["note"]}, "reviewer": {**s, "description": docs["reviewer"]},
                       "at": {**s, "description": docs["at"]},
                       "fact": {**s, "description": "The fact's id when the decision was taken (it changes when articles join the fact)."}},
        "required": ["verdict", "note", "reviewer", "at", "fact"],
    }  # fmt: skip
    review = {
        **decision,
        "description": "The reviewers' decisions attached to this fact: the latest one's fields, whether it was taken under "
                       "another id of the fact (moved), and every decision, oldest first (history). A review follows the "
                       "claims the fact rested on when it was reviewed, so adding articles does not lose it.",
        "properties": {**decision["properties"],
                       "moved": {"type": "boolean", "description": "True when the latest decision was taken on this fact under another id."},
                       "history": {"type": "array", "items": _ref("decision")}},
        "required": [*decision["required"], "moved", "history"],
    }  # fmt: skip
    orphan = {
        **decision,
        "description": "A review none of whose claims is in any fact of the story now: kept, with what it was given on.",
        "properties": {**decision["properties"], "statement": {**s, "description": docs["statement"]},
                       "anchor": {"type": "array", "items": s, "description": docs["anchor"]}},
        "required": [*decision["required"], "statement", "anchor"],
    }  # fmt: skip
    fact = record_schema(
        R.Fact,
        required=("id", "statement", "claims", "articles", "outlets", "independent_sources", "status", "conflicts"),
        extra={"conflicts": {"type": "array", "items": conflict, "description": "Pairs of claims that cannot both be true: those of this fact, and those between one of its claims and a claim of another fact (listed under both)."},
               "review": {"anyOf": [_ref("review"), {"type": "null"}],
                          "description": "The reviewers' verdict on the fact (verified, false, needs_work) and its history; "
                                         "null when nobody reviewed it (schema 11; absent before)."}},
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://storyline.invalid/schema/storyline-1.json",
        "title": f"storyline export ({R.EXPORT_SCHEMA})",
        "description": "Generated from storyline.core.records by storyline.present.schema; do not edit by hand.",
        "type": "object",
        "required": ["schema", "articles", "entities", "timexes", "claims", "facts", "timeline"],
        "properties": {
            "schema": {"const": R.EXPORT_SCHEMA},
            "articles": {"type": "array", "items": _ref("article")},
            "entities": {"type": "array", "items": _ref("entity")},
            "timexes": {"type": "array", "items": _ref("timex")},
            "claims": {"type": "array", "items": _ref("claim")},
            "facts": {"type": "array", "items": _ref("fact")},
            "events": {"type": "array", "items": _ref("event"),
                       "description": "What happened, each grouping the facts that tell of it (schema 9; absent before)."},
            "statement_events": {"type": "array", "items": _ref("statement_event"),
                                 "description": "What each source says in one verb, across the story: the events its "
                                                "reporting cues refer to (claims[].event_references of kind statement; "
                                                "absent before event references)."},
            "echoes": {"type": "array", "items": _ref("echo")},
            "timeline": {"type": "array", "items": _ref("timeline")},
            "orphaned_reviews": {"type": "array", "items": _ref("orphaned_review"),
                                 "description": "Reviews that no fact of the story holds any more (schema 11; absent before)."},
        },
        "$defs": {
            "article": record_schema(
                R.Article, required=("id", "outlet", "url", "title", "published", "text"),
                extra={"event_references": {
                    "type": "array", "items": _ref("event_reference"),
                    "description": "The words outside every claim (a headline no claim was read from) naming an event "
                                   "the story tells, in text order (storyline.reconcile.references; kind event; absent "
                                   "before 0.1.0's references outside claims)."}}),
            "entity": entity,
            "timex": record_schema(R.Timex, required=("id", "article", "start", "end", "text", "type", "value", "mod")),
            "source": source,
            "quantity": record_schema(R.Quantity),
            "claim": claim,
            "fact": fact,
            "event": record_schema(R.Event),
            "event_reference": record_schema(EventReference),
            "statement_event": record_schema(StatementEvent),
            "decision": decision,
            "review": review,
            "orphaned_review": orphan,
            "echo": record_schema(R.Echo),
            "timeline": record_schema(R.TimelineEntry, only=("when", "start", "end", "fact", "label", "status"),
                                      required=("when", "fact", "label")),
        },
    }


def tables_markdown() -> str:
    """``docs/schema.md``: every stored table with its columns, types and meaning."""
    out = [
        "# Database tables",
        "",
        f"Generated from `storyline.core.records` (record layout version {R.SCHEMA_VERSION}) by",
        "`python -m storyline.present.schema --write`; do not edit by hand. Lists are stored as JSON;",
        "a claim's `source` is stored flattened as `source_*` columns.",
        "",
    ]
    hints_cache = {}
    for table, cls in R.TABLES.items():
        hints = hints_cache.setdefault(cls, typing.get_type_hints(cls))
        out += [f"## `{table}`", "", (cls.__doc__ or "").strip(), "", "| column | type | meaning |", "|---|---|---|"]
        for f in fields(cls):
            out.append(f"| `{f.name}` | {_type_name(hints[f.name])} | {f.metadata.get('doc', '')} |")
        out.append("")
    return "\n".join(out)


def _type_name(tp: Any) -> str:
    js = _json_type(tp)
    if "enum" in js:
        return " \\| ".join("null" if v is None else str(v) for v in js["enum"])
    if "$ref" in js or js.get("type") == "object" and "properties" in js:
        return "object"
    t = js.get("type", "any")
    return " \\| ".join(t) if isinstance(t, list) else t


def write_docs(root: Path) -> list[Path]:
    """Write the generated docs under ``root/docs``; returns the paths written."""
    docs = root / "docs"
    docs.mkdir(exist_ok=True)
    schema_path, md_path = docs / "export.schema.json", docs / "schema.md"
    schema_path.write_text(json.dumps(export_schema(), indent=2, ensure_ascii=False) + "\n", "utf-8")
    md_path.write_text(tables_markdown(), "utf-8")
    return [schema_path, md_path]


if __name__ == "__main__":  # pragma: no cover - developer command
    if "--write" in sys.argv:
        for p in write_docs(Path(__file__).resolve().parents[3]):
            print(f"wrote {p}")
    else:
        print(json.dumps(export_schema(), indent=2, ensure_ascii=False))
