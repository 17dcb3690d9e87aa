"""A stored story as pages of plain data, for a workspace that browses it (``storyline serve``).

The dossier (:mod:`storyline.present.report`) ships one whole story in one file; a workspace asks
for one page at a time: the brief, a filtered page of facts, one fact with its two sides, one
article with its claims' spans, the people, the outlets. :class:`StoryView` answers these from the
same lookups the dossier uses (:class:`storyline.present.report_views.Index`, ``sides``,
``chains``, ``fact_title``), so a fact reads the same in both. Everything returned is JSON-ready
(str, int, float, bool, None, list, dict): the HTTP API sends it as is, and the pages render it
with autoescaping. Article text is hostile input and is never turned into markup here.

A view is built once per version of the story's articles (see ``api.browse``); filtering and
paging work on precomputed rows, so a page of facts costs a scan of the facts, not a walk over the
readings. Reviews change more often than articles and cost little to attach, so they are not part
of the view: :meth:`StoryView.attach` attaches the story's decisions to its facts
(:mod:`storyline.core.reviews`), and the calls that show reviews take the result.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from storyline.core.dates import bound, format_date, format_span, iso, parse_day
from storyline.core.records import VERDICTS, ArticleReading, Claim, Fact, Review, Story
from storyline.core.reviews import Attached, FactReview, attach
from storyline.core.vocab import SOURCE_KIND
from storyline.present.report import (
    VERDICT_LABELS,
    disputed_facts,
    entry_bounds,
    established_facts,
    fact_order,
    key_fact,
    outlet_rows,
    people_rows,
    reading_order,
    summary_sentences,
)
from storyline.present.report_views import (
    CONFLICT_LABELS,
    GRADE_LABELS,
    KIND_LABELS,
    STATUS_ORDER,
    STATUS_TEXT,
    Index,
    chains,
    fact_title,
    safe_url,
    sides,
)

__all__ = ["FACT_FILTERS", "FACT_PAGE", "UNREVIEWED", "FactFilter", "StoryView", "page", "review_dict"]

FACT_FILTERS = ("status", "kind", "outlet", "person", "since", "until", "q", "review")
UNREVIEWED = "unreviewed"
MAX_PAGE = 200
FACT_PAGE = 50  # claims per side (and conflicts, chains) on one page of a fact
NO_REVIEWS = Attached()


@dataclass(frozen=True)
class FactFilter:
    """Filters on the fact list; every one given must hold (they combine with AND)."""

    status: str | None = None
    kind: str | None = None
    """A source kind: facts with at least one claim of that kind."""
    outlet: str | None = None
    person: str | None = None
    """A story entity id: facts with a claim about that person or sourced to them."""
    since: str | None = None
    """ISO date: facts whose time (or, undated, whose articles' dates) reach this day or later."""
    until: str | None = None
    q: str | None = None
    """Words that must all appear (ignoring case) in the fact's title, statement or claims."""
    review: str | None = None
    """A verdict (the latest decision on the fact), or "unreviewed"."""


def page(items: Sequence, offset: int = 0, limit: int = 50) -> dict:
    """One page of ``items``: ``{"total", "offset", "limit", "items"}``; limit is capped at 200."""
    offset = max(0, offset)
    limit = max(1, min(MAX_PAGE, limit))
    return {"total": len(items), "offset": offset, "limit": limit, "items": list(items[offset : offset + limit])}


@dataclass
class _FactRow:
    fact: Fact
    title: str
    kinds: frozenset[str]
    outlets: frozenset[str]
    people: frozenset[str]
    start: str | None
    end: str | None
    words: str


class StoryView:
    """Lookups over one version of a story; build with ``api.browse(store)``."""

    def __init__(self, readings: Sequence[ArticleReading], story: Story):
        self.readings = reading_order(readings)
        self.story = story
        self.coverage = story.coverage.id if story.coverage is not None else ""
        ix = self.ix = Index(self.readings, story)
        self.facts = fact_order(story.facts)
        self.fact_by_id = {f.id: f for f in self.facts}
        self.titles = {f.id: fact_title(f, ix) for f in self.facts}
        self.people, self.others = people_rows(ix)
        self.outlets = outlet_rows(ix, self.facts)
        self.article_by_id = {r.article.id: r for r in self.readings}
        self.fact_of: dict[str, str] = {}
        for f in self.facts:
            for c in f.claims:
                self.fact_of.setdefault(c, f.id)
        self._rows = [self._row(f) for f in self.facts]

    def attach(self, reviews: Sequence[Review]) -> Attached:
        """The review decisions attached to this version's facts (latest wins, orphans apart)."""
        return attach(reviews, self.story.facts)

    # -- the brief --------------------------------------------------------------------------

    def brief(self, reviewed: Attached = NO_REVIEWS) -> dict:
        """The story in brief: sentences, counts, the most disputed and best established facts,
        the reviews by verdict and those that lost their fact."""
        counts = Counter(f.status for f in self.facts)
        verdicts = Counter(r.latest.verdict for r in reviewed.by_fact.values())
        disputed = disputed_facts(self.facts, self.ix)
        established = established_facts(self.facts)
        return {
            "coverage": self.coverage,
            "summary": summary_sentences(self.ix, self.facts, self.people, self.outlets, self.titles),
            "counts": {
                "articles": len(self.readings), "claims": sum(len(r.claims) for r in self.readings),
                "facts": len(self.facts), "conflicts": len(self.story.conflicts), "echoes": len(self.story.echoes),
                "people": sum(1 for p in self.people if p["entity"].type == "PERSON"),
            },  # fmt: skip
            "statuses": [self._status(s, counts.get(s, 0)) for s in STATUS_ORDER],
            "disputed": [self.fact_summary(f, reviewed.by_fact.get(f.id)) for f in disputed[:5]],
            "established": [self.fact_summary(f, reviewed.by_fact.get(f.id)) for f in established[:5]],
            "reviews": [{"verdict": v, "label": VERDICT_LABELS.get(v, v), "facts": verdicts[v]} for v in VERDICTS],
            "orphaned": [review_dict(r) for r in reviewed.orphaned],
        }

    def timeline(self) -> list[dict]:
        """Dated facts in time order (then the undated), each with its span as words."""
        out = []
        for t in self.story.timeline:
            f = self.fact_by_id.get(t.fact)
            start, end = entry_bounds(t)
            out.append({
                "fact": t.fact, "title": self.titles[t.fact].text if t.fact in self.titles else t.label,
                "status": t.status or (f.status if f else ""), "when": t.when,
                "start": iso(start), "end": iso(end or start), "span": format_span(start, end, t.when) if start else t.when,
                "key": key_fact(t.status or (f.status if f else "")),
            })  # fmt: skip
        out.sort(key=lambda e: (e["start"] is None, e["start"] or "", e["title"]))
        return out

    # -- facts ------------------------------------------------------------------------------

    def _row(self, f: Fact) -> _FactRow:
        ix = self.ix
        known = [ix.claims[c] for c in f.claims if c in ix.claims]
        outlets = set(f.outlets) | {ix.claim_article[c.id].article.outlet or "Unknown outlet" for c in known}
        people = {p for c in known for p in ix.entities_of(c)}
        start = end = None
        for t in ix.timeline_of[f.id][:1]:
            start, end = entry_bounds(t)
        if start is None and f.when:
            start, end = bound(f.when), bound(f.when, end=True)
        if start is None:  # undated: the days its articles were published
            days = sorted(d for c in known if (d := parse_day(ix.claim_article[c.id].article.published)))
            start, end = (days[0], days[-1]) if days else (None, None)
        words = " ".join([self.titles[f.id].text, f.statement, *(c.text for c in known)]).casefold()
        return _FactRow(f, self.titles[f.id].text, frozenset(c.source.kind for c in known), frozenset(outlets),
                        frozenset(people), iso(start), iso(end or start), words)

    def facts_page(self, where: FactFilter = FactFilter(), offset: int = 0, limit: int = 50,
                   reviewed: Attached = NO_REVIEWS) -> dict:  # fmt: skip
        """A page of fact summaries matching ``where``, disputed first (as the dossier orders them)."""
        terms = where.q.casefold().split() if where.q else []
        verdict = {f: r.latest.verdict for f, r in reviewed.by_fact.items()}
        rows = [
            r for r in self._rows
            if (not where.status or r.fact.status == where.status)
            and (not where.kind or where.kind in r.kinds)
            and (not where.outlet or where.outlet in r.outlets)
            and (not where.person or where.person in r.people)
            and (not where.since or (r.end is not None and r.end >= where.since))
            and (not where.until or (r.start is not None and r.start <= where.until))
            and all(t in r.words for t in terms)
            and (not where.review or verdict.get(r.fact.id, UNREVIEWED) == where.review)
        ]  # fmt: skip
        out = page(rows, offset, limit)
        out["items"] = [self.fact_summary(r.fact, reviewed.by_fact.get(r.fact.id)) for r in out["items"]]
        return out

    def fact_summary(self, f: Fact, review: FactReview | None = None) -> dict:
        return {
            "review": review.latest.verdict if review else None,
            "review_label": VERDICT_LABELS.get(review.latest.verdict, review.latest.verdict) if review else None,
            "id": f.id, "title": self.titles[f.id].text, "status": f.status, "status_label": STATUS_TEXT.get(f.status, (f.status, ""))[0],
            "sources": f.independent_sources, "grade": GRADE_LABELS.get(f.grade, f.grade), "claims": len(f.claims),
            "conflicts": len(self.ix.conflicts_of[f.id]), "when": f.when, "outlets": list(f.outlets),
        }  # fmt: skip

    def fact(self, fact_id: str, reviewed: Attached = NO_REVIEWS, offset: int = 0, limit: int | None = FACT_PAGE) -> dict | None:
        """One fact: its two sides (claims with their sentence and source), conflicts with their
        reasons, echo chains, notes, its reviews (the latest decision first); None for an unknown id.

        Each list (the four sides, the conflicts, the chains) is paged alike: items ``offset`` to
        ``offset + limit`` (``limit=None``: all), with every list's full length in ``totals``. A
        fact that a whole feed repeats holds thousands of claims: one page of them is what a
        person reads, and what a page can send quickly."""
        f = self.fact_by_id.get(fact_id)
        if f is None:
            return None
        ix = self.ix
        support, dispute, superseded, neither = sides(f, ix)
        conflicts, echo_chains = ix.conflicts_of[f.id], chains(f, ix)
        end = None if limit is None else offset + limit
        claim = lambda cid: self.claim(cid) if cid in ix.claims else None
        attached = reviewed.by_fact.get(f.id)
        lists = {"supporting": support, "disputing": dispute, "superseded": superseded, "neither": neither,
                 "conflicts": conflicts, "chains": echo_chains}  # fmt: skip
        return {
            **self.fact_summary(f, attached),
            "reviews": [review_dict(r) for r in reversed(attached.history)] if attached else [],
            "review_moved": attached.moved if attached else False,
            "statement": f.statement, "status_meaning": STATUS_TEXT.get(f.status, ("", ""))[1],
            "predicate_class": f.predicate_class, "notes": list(f.notes),
            "supporting": [self.claim(c) for c in support[offset:end]], "disputing": [self.claim(c) for c in dispute[offset:end]],
            "superseded": [self.claim(c) for c in superseded[offset:end]], "neither": [self.claim(c) for c in neither[offset:end]],
            "missing": sum(1 for c in f.claims if c not in ix.claims),
            "conflicts": [{"kind": x.kind, "label": CONFLICT_LABELS.get(x.kind, x.kind), "reason": x.reason,
                           "claims": [claim(c) for c in x.claims]} for x in conflicts[offset:end]],
            "chains": [[{"claim": claim(c) if c else None, "reason": ix.echo_of[c][1] if c in ix.echo_of else ""} for c in chain]
                       for chain in echo_chains[offset:end]],
            "offset": offset, "limit": limit, "totals": {k: len(v) for k, v in lists.items()},
            "more": end is not None and any(len(v) > end for v in lists.values()),
        }  # fmt: skip

    def claim(self, claim_id: str) -> dict:
        """A claim as the pages show it: its words, its sentence, who says so, where it is."""
        ix = self.ix
        c: Claim = ix.claims[claim_id]
        a = ix.claim_article[claim_id].article
        text = a.text
        spans = 0 <= c.start < c.end <= len(text) and text[c.start : c.end] == c.text
        s0, s1 = (c.sentence_start, c.sentence_end) if spans and 0 <= c.sentence_start <= c.start and c.end <= c.sentence_end <= len(text) else (c.start, c.end)
        return {
            "id": c.id, "article": a.id, "article_title": a.title or "", "outlet": a.outlet or "Unknown outlet",
            "published": format_date(a.published) if a.published else "", "text": c.text,
            "before": text[s0 : c.start] if spans else "", "after": text[c.end : s1] if spans else "", "spans": spans,
            "start": c.start, "end": c.end, "who": ix.who(c), "kind": c.source.kind,
            "kind_label": KIND_LABELS.get(c.source.kind, c.source.kind), "cue": c.source.cue, "quote": c.source.quote,
            "via": c.source.via, "certainty": c.certainty, "hedges": list(c.hedges), "negated": c.polarity == "negative",
            "when": ix.when(c), "echo": ix.echo_of[c.id][1] if c.id in ix.echo_of else None, "fact": self.fact_of.get(c.id),
        }  # fmt: skip

    # -- people, outlets, articles -----------------------------------------------------------

    def people_list(self) -> list[dict]:
        """People and groups of the story: aliases and epithets, roles, ages and whether they agree."""
        out = []
        for p in self.people:
            check = p["age_check"]
            out.append({
                "id": p["entity"].id, "name": p["entity"].name, "type": p["entity"].type, "aliases": p["aliases"],
                "roles": p["roles"], "about": p["about"], "said": p["said"],
                "ages": [{"value": a["value"], "outlet": a["outlet"], "date": a["date"], "born": a["born"]} for a in p["ages"]],
                "ages_agree": None if check is None else check[0], "ages_note": None if check is None else check[1],
            })  # fmt: skip
        return out

    def outlets_list(self) -> list[dict]:
        """Outlets: articles, claims, their source mix, echoes, and the facts they carried by status."""
        return [{
            "name": o["name"], "articles": o["articles"], "claims": o["claims"], "echoes": o["echoes"], "facts": o["facts"],
            "span": o["span"], "mix": [{"kind": k, "label": label, "claims": n, "percent": pct} for k, label, n, pct in o["mix"]],
            "carried": [{"status": s, "label": label, "facts": n} for s, label, n in o["carried"]],
        } for o in self.outlets]  # fmt: skip

    def articles_page(self, offset: int = 0, limit: int = 50, outlet: str | None = None) -> dict:
        rows = [r for r in self.readings if not outlet or (r.article.outlet or "Unknown outlet") == outlet]
        out = page(rows, offset, limit)
        out["items"] = [self._article_summary(r) for r in out["items"]]
        return out

    def _article_summary(self, r: ArticleReading) -> dict:
        a = r.article
        return {"id": a.id, "title": a.title or "", "outlet": a.outlet or "Unknown outlet", "published": iso(a.published),
                "date": format_date(a.published) if a.published else "", "words": len(a.text.split()), "claims": len(r.claims),
                "format": a.format}  # fmt: skip

    def article(self, article_id: str, focus: str | None = None) -> dict | None:
        """One article: its text cut into segments, each claim's span a segment of its own. Spans
        are taken greedily in text order, the ``focus`` claim's first (the one a link points at,
        so it is always marked whole); a claim overlapping a taken span gets an empty marker
        segment at its start instead."""
        r = self.article_by_id.get(article_id)
        if r is None:
            return None
        text = r.article.text
        valid = [c for c in r.claims if 0 <= c.start < c.end <= len(text)]
        taken: list[Claim] = []
        markers: list[Claim] = []
        for c in sorted(valid, key=lambda c: (c.id != focus, c.start, -c.end)):
            (markers if any(c.start < t.end and t.start < c.end for t in taken) else taken).append(c)
        cuts = sorted([(c.start, 1, c) for c in taken] + [(c.start, 0, c) for c in markers], key=lambda x: (x[0], x[1]))
        segments: list[dict] = []
        at = 0
        for start, whole, c in cuts:
            if start > at:
                segments.append({"text": text[at:start], "claim": None, "fact": None})
                at = start
            if whole:
                segments.append({"text": text[c.start : c.end], "claim": c.id, "fact": self.fact_of.get(c.id)})
                at = c.end
            else:
                segments.append({"text": "", "claim": c.id, "fact": self.fact_of.get(c.id)})
        if at < len(text):
            segments.append({"text": text[at:], "claim": None, "fact": None})
        return {**self._article_summary(r), "url": safe_url(r.article.url), "origin": r.article.origin, "segments": segments}

    @staticmethod
    def _status(status: str, count: int) -> dict:
        label, meaning = STATUS_TEXT[status]
        return {"status": status, "label": label, "meaning": meaning, "facts": count}

    def choices(self) -> dict:
        """The values each fact filter takes, for a form: statuses, source kinds, outlets, people, reviews."""
        return {
            "review": [[v, VERDICT_LABELS.get(v, v)] for v in VERDICTS] + [[UNREVIEWED, "Not reviewed"]],
            "status": [[s, STATUS_TEXT[s][0]] for s in STATUS_ORDER],
            "kind": [[k, KIND_LABELS[k]] for k in SOURCE_KIND],
            "outlet": sorted({o for r in self._rows for o in r.outlets}),
            "person": [[p["entity"].id, p["entity"].name] for p in self.people if p["weight"]],
        }


def review_dict(r: Review) -> dict:
    """A review decision as the pages and the API show it."""
    return {"verdict": r.verdict, "label": VERDICT_LABELS.get(r.verdict, r.verdict), "note": r.note, "reviewer": r.reviewer,
            "at": r.at, "fact": r.fact, "statement": r.statement}  # fmt: skip
