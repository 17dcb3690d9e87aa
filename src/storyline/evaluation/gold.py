"""Loading gold files and locating every annotated string in its article's text.

A gold file (format in ``docs/architecture.md``) either carries its texts inline (``corpus: null``)
or points at a corpus directory, read with :func:`storyline.ingest.ingest` exactly as the CLI reads
it, so HTML articles are located in the text trafilatura extracts. Gold articles are matched to
stored articles by id, else by URL (an HTML page has no id of its own; ingest hashes its content).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.evaluation.locate import (
    GoldError,
    Span,
    locate,
    locate_in_context,
    locate_nearest,
    word_occurrences,
)

__all__ = [
    "GoldMention",
    "GoldTimex",
    "GoldAttribution",
    "LocatedArticle",
    "load_gold",
    "gold_articles",
    "locate_article",
    "mention_kind",
    "corpus_articles",
    "match_article",
]

PRONOUNS = frozenset(
    "he him his himself she her hers herself they them their theirs themselves it its itself "
    "i me my mine we us our you your".split()
)
# Lower-case words that can sit inside a proper name without making it an epithet.
_NAME_PARTICLES = frozenset({"of", "the", "de", "da", "van", "von", "and", "for", "on", "in", "a"})


@dataclass(frozen=True)
class GoldMention:
    entity: str
    type: str
    start: int
    end: int
    kind: str  # name | nominal | pronoun


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None


@dataclass(frozen=True)
class GoldAttribution:
    content: Span
    source: Span | None
    kind: str
    source_id: str | None
    source_entity: str | None
    quote: str
    certainty: str
    polarity: str
    out_of_sentence: bool
    nested: bool


@dataclass
class LocatedArticle:
    """A gold article with every string turned into offsets into ``text``."""

    id: str
    text: str
    mentions: list[GoldMention] = field(default_factory=list)
    timexes: list[GoldTimex] = field(default_factory=list)
    not_timexes: list[Span] = field(default_factory=list)
    ages: list[dict] = field(default_factory=list)
    attributions: list[GoldAttribution] = field(default_factory=list)


def load_gold(path: str | Path) -> dict:
    """The gold JSON, with ``_base`` set to its directory (for a relative ``corpus``)."""
    path = Path(path)
    with path.open(encoding="utf-8") as f:
        data = json.load(f)
    data["_base"] = str(path.resolve().parent)
    return data


def gold_articles(gold: dict) -> list[dict]:
    """The gold's article entries."""
    return list(gold.get("articles", []))


def mention_kind(text: str) -> str:
    """name, nominal or pronoun, read off the mention's surface (gold may also state ``kind``)."""
    words = text.split()
    if len(words) == 1 and words[0].lower() in PRONOUNS:
        return "pronoun"
    # "Ms. Varga", "The Salt Orchard" are names; "the Oscar winner", "The Salt Orchard star" are not.
    for w in words:
        if w[:1].islower() and w not in _NAME_PARTICLES:
            return "nominal"
    if words and words[0] in ("the", "a", "an"):
        return "nominal"
    return "name"


def corpus_articles(gold: dict) -> list:
    """Article records for the gold: ingested from ``corpus``, or built from inline texts."""
    from storyline.core.dates import parse_published
    from storyline.core.records import Article

    corpus = gold.get("corpus")
    if corpus is None:
        return [
            Article(id=a["id"], text=a["text"], outlet=a.get("outlet"), published=parse_published(a.get("published")),
                    title=a.get("title"), url=a.get("url"), origin="gold", format="txt", content_hash="")
            for a in gold_articles(gold)
        ]
    if isinstance(corpus, dict):
        # A corpus in its own format (ECB+ XML: tests/gold/ecbplus_attribution.md) is read by its
        # eval script's reader, which builds the texts the gold strings refer to; ingesting its
        # directory would read its README as an article.
        raise GoldError(f"corpus {corpus.get('name')!r} is read by {corpus.get('reader')}, not by ingest")
    from storyline.ingest import ingest

    root = Path(gold.get("_base", ".")) / corpus
    # The corpus README describes the corpus; it is not an article.
    paths = sorted(p for p in root.iterdir() if p.is_file() and p.suffix in (".txt", ".html", ".htm", ".jsonl"))
    result = ingest(paths)
    if result.rejected:
        raise GoldError(f"corpus {root}: could not read " + "; ".join(r.reason for r in result.rejected))
    return result.articles


def match_article(gold_article: dict, articles_by_key: dict[str, Any]) -> Any | None:
    """The stored article a gold article describes: same id, else same URL."""
    found = articles_by_key.get(gold_article["id"])
    if found is None and gold_article.get("url"):
        found = articles_by_key.get(gold_article["url"])
    return found


def _mentions(entry: dict, text: str, where: str) -> list[GoldMention]:
    """All mentions of every entity; explicit ones first, then plain strings longest first."""
    items: list[tuple[str, str, dict]] = []
    for ent in entry.get("entities", []):
        for m in ent.get("mentions", []):
            spec = {"text": m} if isinstance(m, str) else dict(m)
            items.append((ent["name"], ent.get("type", "OTHER"), spec))
    taken: dict[tuple[int, int], GoldMention] = {}

    def blocked(start: int, end: int, entity: str) -> bool:
        # A match inside a longer mention of the same entity ("Varga" in "Celeste Varga"), or inside
        # another entity's name ("Los Angeles" in "Los Angeles County Superior Court"), is not a
        # mention of its own; inside an epithet it is ("The Salt Orchard" in "The Salt Orchard star").
        for (s, e), g in taken.items():
            if s <= start and end <= e and (s, e) != (start, end):
                if g.entity == entity or g.kind == "name":
                    return True
        return False

    explicit = [i for i in items if "occurrence" in i[2] or "context" in i[2]]
    plain = sorted((i for i in items if i not in explicit), key=lambda i: -len(i[2]["text"]))
    for entity, etype, spec in explicit:
        s = spec["text"]
        if "context" in spec:
            start, end = locate_in_context(text, s, spec["context"], spec.get("context_occurrence"), where=where)
        else:
            start, end = locate(text, s, spec["occurrence"], where=where)
        taken[(start, end)] = GoldMention(entity, etype, start, end, spec.get("kind") or mention_kind(s))
    for entity, etype, spec in plain:
        s = spec["text"]
        hits = word_occurrences(text, s)
        if not hits:
            raise GoldError(f"{where}: mention {s!r} of {entity!r} not found")
        for i in hits:
            if (i, i + len(s)) in taken or blocked(i, i + len(s), entity):
                continue
            taken[(i, i + len(s))] = GoldMention(entity, etype, i, i + len(s), spec.get("kind") or mention_kind(s))
    return sorted(taken.values(), key=lambda m: (m.start, m.end))


def locate_article(entry: dict, text: str) -> LocatedArticle:
    """Locate every gold string of one article in ``text``; raises :class:`GoldError` on a miss."""
    where = entry.get("id", "?")
    out = LocatedArticle(id=entry["id"], text=text, mentions=_mentions(entry, text, where))
    for t in entry.get("timexes", []):
        start, end = locate(text, t["text"], t.get("occurrence"), where=where)
        out.timexes.append(GoldTimex(start, end, t["text"], t.get("type", "DATE"), t["value"], t.get("mod")))
    for s in entry.get("not_timexes", []):
        spec = {"text": s} if isinstance(s, str) else s
        out.not_timexes.append(locate(text, spec["text"], spec.get("occurrence"), where=where))
    out.ages = list(entry.get("ages", []))
    for a in entry.get("attributions", []):
        content = locate(text, a["content"], a.get("occurrence"), where=where)
        source = None
        if a.get("source") is not None:
            if a.get("source_occurrence") is not None:
                source = locate(text, a["source"], a["source_occurrence"], where=where)
            else:
                source = locate_nearest(text, a["source"], content, where=where)
        out.attributions.append(
            GoldAttribution(
                content=content,
                source=source,
                kind=a["kind"],
                source_id=a.get("source_id"),
                source_entity=a.get("source_entity"),
                quote=a.get("quote", "none"),
                certainty=a.get("certainty", "certain"),
                polarity=a.get("polarity", "positive"),
                out_of_sentence=bool(a.get("out_of_sentence", False)),
                nested=bool(a.get("nested", False)),
            )
        )
    return out
