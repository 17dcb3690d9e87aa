"""A story that knows what it covers: an ``analyze`` stopped after storing its articles but before
saving the story, or two ``analyze`` runs at once on disjoint halves, never leave a story that
misses stored articles: the next ``analyze``, ``export`` or ``report`` reconciles it, and
concurrent writers end with a story covering the union (SQLite and PostgreSQL).

The pipeline is the stub (blank English, a sentencizer and the storyline components, no model):
on the demo corpus it finds entities, ages and dates, so the story has facts and conflicts."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable

import pytest
from helpers.store import db_url  # noqa: F401  (a fixture)

from storyline import api
from storyline.core.records import Story

DEMO = api.demo_corpus()
ALL = sorted(str(p) for p in DEMO.iterdir() if p.suffix in (".txt", ".html", ".jsonl"))
HALF_A, HALF_B = ALL[: len(ALL) // 2], ALL[len(ALL) // 2 :]
BARRIER_TIMEOUT = 60  # seconds; a broken interleaving fails the test instead of hanging it


@pytest.fixture(scope="module")
def nlps(model):
    """Two pipelines (one per concurrent writer: a Language is not shared between threads)."""
    from storyline.read.pipeline import load_pipeline

    return load_pipeline(model), load_pipeline(model)


@pytest.fixture(scope="module")
def clean(nlps) -> tuple[Story, dict]:
    """The story and JSON export of one uninterrupted run over every input."""
    with api.open_store(":memory:") as store:
        api.analyze(ALL, store, nlp=nlps[0])
        story = store.story()
        assert story.facts and story.conflicts, "the stub must give the demo story facts for these tests to mean anything"
        return story, api.export(store, "json")


class Killed(BaseException):
    """Stands for the process dying (not an Exception: nothing may catch it)."""


class Hooked:
    """A store that runs ``hooks[name]()`` before the first call of method ``name``."""

    def __init__(self, store, **hooks: Callable[[], None]):
        self._store, self._hooks = store, dict(hooks)

    def __getattr__(self, name: str):
        method = getattr(self._store, name)
        hook = self._hooks.pop(name, None)
        if hook is None:
            return method

        def hooked(*args, **kw):
            hook()
            return method(*args, **kw)

        return hooked


def _die() -> None:
    raise Killed


def _interrupted(url: str, nlp) -> None:
    """``analyze half`` completes; ``analyze all`` dies after storing, before saving the story."""
    with api.open_store(url) as store:
        api.analyze(HALF_A, store, nlp=nlp)
    with api.open_store(url) as store, pytest.raises(Killed):
        api.analyze(ALL, Hooked(store, replace_story=_die), nlp=nlp)
    with api.open_store(url) as store:
        assert len(store.article_hashes()) == 10 and store.story() != Story()


def test_an_analyze_killed_before_saving_the_story_is_finished_by_the_next(db_url, nlps, clean):  # noqa: F811
    _interrupted(db_url, nlps[0])
    with api.open_store(db_url) as store:
        summary = api.analyze(ALL, store, nlp=nlps[0])
        assert summary.articles_new == 0 and summary.articles_unchanged == 10
        assert store.story() == clean[0]
        assert sum(summary.facts_by_status.values()) == len(clean[0].facts)
        # ... and a further run has nothing to do: the story is current.
        again = api.analyze(ALL, Hooked(store, replace_story=_die), nlp=nlps[0])
        assert again.articles_new == 0


def test_a_rerun_on_no_input_finishes_a_killed_analyze(db_url, nlps, clean):  # noqa: F811
    _interrupted(db_url, nlps[0])
    with api.open_store(db_url) as store:
        api.analyze([], store, nlp=nlps[0])
        assert store.story() == clean[0]


@pytest.mark.parametrize("reader", ["export", "report"])
def test_export_and_report_reconcile_a_stale_story_first(db_url, nlps, clean, reader):  # noqa: F811
    _interrupted(db_url, nlps[0])
    with api.open_store(db_url, create=False) as store:
        if reader == "export":
            assert api.export(store, "json") == clean[1]
        else:
            html = api.render_report(store)
            assert "<html" in html  # the facts travel compressed in the page: the saved story is checked below
        assert store.story() == clean[0]  # saved, so the next reader need not reconcile again


def test_a_story_from_another_set_of_articles_is_stale_even_with_the_same_count(tmp_path, nlps, clean):
    """Coverage is the set of (id, content hash), not a count: replace one article's text under its id."""
    url = str(tmp_path / "s.db")
    with api.open_store(url) as store:
        api.analyze(ALL, store, nlp=nlps[0])
        readings = store.readings()
        old = readings[0]
        changed = dataclasses.replace(old.article, text=old.article.text + " More.", content_hash="0" * 64)
        store.put_reading(dataclasses.replace(old, article=changed))
        assert api.export(store, "json") != clean[1]  # reconciled from the changed article
        assert store.story().coverage != clean[0].coverage


# -- concurrent writers ------------------------------------------------------------------


def _two_writers(url: str, nlps, meet_at: str) -> list[BaseException]:
    """``analyze HALF_A`` and ``analyze HALF_B`` at once, each with its own store and pipeline.
    Both reach ``meet_at`` (a store method) before either goes on: the interleaving that lost half
    the story is forced, not hoped for."""
    barrier = threading.Barrier(2, timeout=BARRIER_TIMEOUT)
    errors: list[BaseException] = []

    def writer(inputs: list[str], nlp) -> None:
        try:
            with api.open_store(url) as store:
                api.analyze(inputs, Hooked(store, **{meet_at: barrier.wait}), nlp=nlp)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=writer, args=(half, nlp)) for half, nlp in ((HALF_A, nlps[0]), (HALF_B, nlps[1]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=4 * BARRIER_TIMEOUT)
    assert not any(t.is_alive() for t in threads), "a writer hung"
    return errors


@pytest.mark.parametrize("meet_at", ["article_hashes", "replace_story"])
def test_two_analyze_runs_at_once_end_with_a_story_covering_both(db_url, nlps, clean, meet_at):  # noqa: F811
    errors = _two_writers(db_url, nlps, meet_at)
    assert not errors, errors
    with api.open_store(db_url, create=False) as store:
        assert len(store.article_hashes()) == 10
        assert store.story() == clean[0]  # as stored: no reader had to fix it
        assert api.export(store, "json") == clean[1]


# -- through the command line ------------------------------------------------------------


def test_the_cli_finishes_a_killed_analyze_and_export_says_when_it_reconciles(tmp_path, model, nlps, clean):
    from typer.testing import CliRunner

    from storyline.cli import app

    runner = CliRunner(env={"COLUMNS": "1000"})
    db = str(tmp_path / "k.db")
    _interrupted(db, nlps[0])
    result = runner.invoke(app, ["export", "--db", db, "-o", str(tmp_path / "a.json")], catch_exceptions=False)
    assert result.exit_code == 0 and "reconciling it from all of them first" in result.stderr
    import json

    assert json.loads((tmp_path / "a.json").read_text("utf-8")) == clean[1]
    again = runner.invoke(app, ["export", "--db", db], catch_exceptions=False)
    assert "reconciling" not in again.stderr  # saved by the first export

    db2 = str(tmp_path / "k2.db")
    _interrupted(db2, nlps[0])
    result = runner.invoke(app, ["analyze", *ALL, "--db", db2, "--model", model], catch_exceptions=False)
    assert result.exit_code == 0 and "Read 0 new article(s) (10 already stored, unchanged)" in result.stdout
    assert f"{len(clean[0].facts)} facts" in result.stdout
    with api.open_store(db2) as store:
        assert store.story() == clean[0]
