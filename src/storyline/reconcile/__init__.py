"""The reconcile stage: every article's reading → one ``Story`` (pure functions over records).

Steps, each in its own module:

1. :mod:`.cast`: article entities linked into story entities (with one evidence line per merge);
2. :mod:`.features`: each claim's participants, content tokens, event time, implied dates;
3. :mod:`.align`: claims blocked by (predicate class, participants) and clustered into facts;
4. :mod:`.attributes`: ages and counts of children as per-person facts;
5. :mod:`.conflicts` / :mod:`.independence` / :mod:`.facts`: conflicts with reasons, echoes,
   independent sources, status and grade;
6. :mod:`.events`: facts grouped into the events they tell of;
7. :mod:`.across`: conflicts between claims of two facts (a place's population or distance told in
   two facts, the counts of one event told in two of its facts, two places a person is from);
8. :mod:`.timeline`: dated facts as intervals.

The result does not depend on the order of ``readings``: everything is sorted by publication
date, article id and offset first.
"""

from __future__ import annotations

from itertools import compress
from operator import attrgetter, not_
from typing import Sequence

from storyline.core.dates import iso
from storyline.core.heap import long_lived
from storyline.core.options import ReconcileOptions
from storyline.core.records import ArticleReading, Story
from storyline.reconcile.across import across_facts
from storyline.reconcile.align import align
from storyline.reconcile.attributes import age_drafts, count_drafts
from storyline.reconcile.cast import build_cast
from storyline.reconcile.conflicts import lower_bounds
from storyline.reconcile.embeddings import get_backend
from storyline.reconcile.events import group_events
from storyline.reconcile.facts import add_conflicts, finish
from storyline.reconcile.features import build_views, by_article
from storyline.reconcile.incremental import ReconcileCache, Uncached
from storyline.reconcile.timeline import build_timeline

__all__ = ["ReconcileCache", "preload", "reconcile"]


def preload() -> None:
    """Load the tables reconcile reads (the WordNet table and its index of derivation links, the
    static word vectors of :mod:`storyline.core.embeddings`) now rather than at its first use:
    ``analyze`` calls it on a thread while articles are read, so the loading (about 0.6 CPU
    seconds) is not added after the last article. Loading is once per process and thread-safe; an
    error here is raised again, with its fix, by the reconcile that needs the table."""
    from storyline.core import embeddings, words

    for load in (words.load_table, words.load_derivations, embeddings.load_model):
        try:
            load()
        except Exception:  # noqa: BLE001 - reported by the reconcile that needs it
            pass


_CLAIM_ID, _ID = attrgetter("claim.id"), attrgetter("id")


def reconcile(readings: Sequence[ArticleReading], options: ReconcileOptions | None = None,
              cache: ReconcileCache | None = None) -> Story:
    """Link the cast, align claims into facts, find conflicts and echoes, and build the timeline.

    With ``cache`` (one per story, kept between calls: :mod:`.incremental`) the units whose
    inputs did not change since the last call are reused; the story is the same either way."""
    options = options or ReconcileOptions()
    if cache is None or len({r.article.id for r in readings}) != len(readings):
        return _reconcile(readings, options, Uncached())  # the cache keeps units per article id: one reading each
    # The cache's units of the last reconcile (most of what is in memory) are out of the
    # collector's passes meanwhile: a full pass over them cost as much as the reconcile.
    with cache.lock, long_lived():
        cache.begin(options)
        try:
            story = _reconcile(cache.canonical(readings), options, cache)
        except BaseException:
            cache.clear()  # a half-done run leaves nothing behind
            raise
        cache.end()
        return story


def _reconcile(readings: Sequence[ArticleReading], options: ReconcileOptions, units: Uncached) -> Story:
    """The story of ``readings``, each per-unit step computed by ``units`` (a cache, or not)."""
    readings = sorted(readings, key=lambda r: (iso(r.article.published) or "9999", r.article.id))
    cast = build_cast(readings, units)
    names = {e.id: e.name for e in cast.entities}

    def name(entity_id: str) -> str:
        return names.get(entity_id, entity_id)

    views = build_views(readings, cast, units.article_views, units.dated)
    views_of = by_article(views)  # (a pass over the story's every claim: once, for the ages and across facts)
    ages, used_by_ages = age_drafts(readings, views, cast, name, units.ages, units.each, units.age_draft, views_of)
    counts, used_by_counts = count_drafts(readings, views, cast, name, units.each)
    consumed = used_by_ages | used_by_counts  # the views left are taken at C speed: there are 20,000 in a big story
    rest = list(compress(views, map(not_, map(consumed.__contains__, map(_CLAIM_ID, views)))))
    encoder = get_backend(options.embeddings)
    clusters = align(rest, options.similarity_threshold, encoder, units.blocker, units.each, units.similarities())
    outlets = units.corpus_outlets(tuple(sorted({r.article.outlet for r in readings if r.article.outlet})))
    relays = units.relay_index(rest)
    bounds = lower_bounds(views, units.each)
    passing = units.passing(readings)
    drafts = [units.draft(c, outlets, options.echo_similarity, name, relays, bounds, passing) for c in clusters]
    facts, conflicts, echoes = finish(drafts + ages + counts, units.records)
    cluster_of = {d.fact_id: c for d, c in zip(drafts, clusters)}
    grouped, events = group_events([(f, cluster_of[f.id]) for f in facts if f.id in cluster_of], units.gist)
    facts = grouped + [f for f in facts if f.id not in cluster_of]
    known = {frozenset(x.claims) for x in conflicts}
    facts, conflicts = add_conflicts(facts, conflicts, across_facts(readings, views, cast, facts, known, name, bounds,
                                                                         units.told, views_of))
    facts.sort(key=_ID)  # (C keys: a story has thousands of each, sorted on every reconcile)
    conflicts.sort(key=_ID)
    echoes.sort(key=_ID)
    return Story(
        entities=cast.entities,
        facts=tuple(facts),
        conflicts=tuple(conflicts),
        echoes=tuple(echoes),
        timeline=tuple(build_timeline(facts)),
        events=tuple(events),
    )
