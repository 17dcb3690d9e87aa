"""The stored story as pandas DataFrames, one per table a fact-checker joins (optional extra).

``frames(store)`` returns ``articles``, ``entities``, ``mentions``, ``claims``, ``facts``,
``fact_claims``, ``conflicts`` and ``echoes``. Ids are the export's (``storyline/1``): claims
reference story entity ids, and ``claims`` holds the age and count statements that facts cite
(``kind`` "age"/"count", see docs/export.md), so every ``fact_claims.ref`` is a ``claims.id``::

    f = frames(store)
    f["fact_claims"].merge(f["claims"], left_on="ref", right_on="id").merge(
        f["articles"], left_on="article_x", right_on="id")

pandas is not a dependency of storyline: ``pip install storyline[frames]`` brings it.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from storyline.core.errors import ConfigError
from storyline.core.records import FactClaim
from storyline.present.export import export_json

__all__ = ["frames", "FRAMES"]

FRAMES = ("articles", "entities", "mentions", "claims", "facts", "fact_claims", "conflicts", "echoes")


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ConfigError("pandas is not installed, so the story cannot be given as DataFrames",
                          fix="pip install storyline[frames]  (or: pip install 'pandas>=2')") from None
    return pandas


def _frame(pd: Any, rows: list[dict], columns: list[str]) -> Any:
    return pd.DataFrame(rows, columns=columns)


def frames(store, story: str | None = None) -> dict[str, Any]:
    """A stored story (``story``: its name; None: the database's one story) as
    ``{name: pandas.DataFrame}`` for every name in :data:`FRAMES`.

    Raises :class:`~storyline.core.errors.ConfigError` naming ``pip install storyline[frames]``
    when pandas is missing.
    """
    pd = _pandas()
    readings, account = store.readings(story), store.story(story)
    data = export_json(readings, account)
    fact_claims, echo_links = store.links(story)

    articles = [{k: a[k] for k in ("id", "outlet", "published", "title", "url", "origin", "format")}
                | {"chars": len(a["text"])} for a in data["articles"]]
    entities, mentions = [], []
    for e in data["entities"]:
        entities.append({"id": e["id"], "name": e["name"], "type": e["type"], "aliases": e["aliases"],
                         "mentions": len(e["mentions"]), "articles": len({m["article"] for m in e["mentions"]})})
        mentions.extend({"id": m.get("id"), "entity": e["id"], "article": m["article"], "start": m["start"],
                         "end": m["end"], "text": m["text"], "kind": m["kind"]} for m in e["mentions"])
    timex_value = {t["id"]: t["value"] for t in data["timexes"]}
    claims = []
    for c in data["claims"]:
        row = {k: v for k, v in c.items() if k not in ("source", "quantities")}
        row.update({f"source_{k}": v for k, v in c["source"].items()})
        row["when_value"] = timex_value.get(c["when"]) if c["when"] else None
        claims.append(row)
    facts = [{k: f[k] for k in ("id", "statement", "status", "grade", "independent_sources", "predicate_class", "when",
                                "articles", "outlets")} | {"claims": len(f["claims"]), "conflicts": len(f["conflicts"])}
             for f in data["facts"]]
    conflicts = [{"id": x.id, "fact": x.fact, "kind": x.kind, "reason": x.reason,
                  "claim_a": x.claims[0] if x.claims else None, "claim_b": x.claims[1] if len(x.claims) > 1 else None}
                 for x in account.conflicts]
    links = {link.echo: link for link in echo_links}
    echoes = [{"id": e.id, "claim": e.claim, "original": e.original, "reason": e.reason,
               "article": links[e.id].article if e.id in links else None,
               "original_article": links[e.id].original_article if e.id in links else None} for e in account.echoes]
    return {
        "articles": _frame(pd, articles, ["id", "outlet", "published", "title", "url", "origin", "format", "chars"]),
        "entities": _frame(pd, entities, ["id", "name", "type", "aliases", "mentions", "articles"]),
        "mentions": _frame(pd, mentions, ["id", "entity", "article", "start", "end", "text", "kind"]),
        "claims": _frame(pd, claims, list(claims[0]) if claims else ["id", "article", "text", "kind", "fact"]),
        "facts": _frame(pd, facts, ["id", "statement", "status", "grade", "independent_sources", "predicate_class",
                                    "when", "articles", "outlets", "claims", "conflicts"]),
        "fact_claims": _frame(pd, [dataclasses.asdict(link) for link in fact_claims],
                              [f.name for f in dataclasses.fields(FactClaim)]),
        "conflicts": _frame(pd, conflicts, ["id", "fact", "kind", "reason", "claim_a", "claim_b"]),
        "echoes": _frame(pd, echoes, ["id", "claim", "original", "reason", "article", "original_article"]),
    }
