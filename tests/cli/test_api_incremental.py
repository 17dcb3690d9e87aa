"""The store path re-reconciles a story incrementally: ``reconcile_story`` after articles were added
reuses the story's last reconcile (this process's cache) and gives what a full reconcile gives."""

from __future__ import annotations

from helpers.messy import random_corpus

from storyline import api


def test_reconcile_story_after_adding_articles_reuses_the_last_reconcile(tmp_path):
    readings = [r for s in (11, 12, 13) for r in random_corpus(s)]
    api.forget_reconciles()
    with api.open_store(tmp_path / "story.db") as store:
        for r in readings[:-2]:
            store.put_reading(r, "main")
        api.reconcile_story(store, "main")
        for r in readings[-2:]:
            store.put_reading(r, "main")
        story = api.reconcile_story(store, "main")
        stats = api._cache_for(store, "main").stats
        assert stats["drafts_hit"] > 0 and stats["views_hit"] > 0  # read back: equal, not the same objects
        assert story == api.reconcile(store.readings("main")) == store.story("main")
    api.forget_reconciles()
    assert not api._caches


def test_reconcile_runs_without_collector_passes_and_leaves_no_cyclic_garbage(monkeypatch):
    """api.reconcile pauses the collector (storyline.core.heap.paused): that rests on reconcile
    building no reference cycles it then drops, which a collection right after shows."""
    import gc

    import storyline.reconcile as rec

    readings = [r for s in (11, 12, 13) for r in random_corpus(s)]
    api.reconcile(readings)  # loads what reconcile loads on first use
    seen = []
    real = rec.reconcile
    monkeypatch.setattr(rec, "reconcile", lambda *a, **k: (seen.append(gc.isenabled()), real(*a, **k))[1])
    assert gc.isenabled()
    gc.collect()
    for cache in (None, rec.ReconcileCache()):
        api.reconcile(readings, cache=cache)
        api.reconcile(readings[:-1], cache=cache)
    assert seen == [False] * 4 and gc.isenabled()
    assert gc.collect() == 0
