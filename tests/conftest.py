"""Shared fixtures for every tier. Helpers live in ``tests/helpers`` (importable as ``helpers``)."""

from __future__ import annotations

import os

import pytest  # noqa: E402
from helpers.cli import model  # noqa: F401  (the stub pipeline directory for `--model`)
from helpers.store import db_url  # noqa: F401  (the SQLite/PostgreSQL backend fixture)


@pytest.fixture(scope="session")
def demo_analyzed(tmp_path_factory):
    """``(db path, AnalysisSummary)`` of the bundled demo corpus analyzed once per session (needs the
    model). Tests that write to the store copy the file first."""
    from storyline import api

    db = tmp_path_factory.mktemp("demo-session") / "demo.db"
    with api.open_store(db) as store:
        summary = api.analyze([api.demo_corpus()], store)
    return db, summary


@pytest.fixture(scope="session")
def demo_gold_run():
    """``(gold, readings, story)``: the demo gold's corpus read with the demo's packs and reconciled
    (``storyline.evaluation.run.run_corpus``, no store) once per session (needs the model)."""
    from helpers.paths import GOLD_DIR

    from storyline.evaluation.gold import load_gold
    from storyline.evaluation.run import run_corpus

    gold = load_gold(GOLD_DIR / "demo_gold.json")
    return (gold, *run_corpus(gold))


HEAVY_ENV = "STORYLINE_HEAVY"


def pytest_collection_modifyitems(config, items):
    """The ``heavy`` tier (end-to-end runs of tens of seconds each) runs in CI, where ``.ci/run``
    sets STORYLINE_HEAVY=1, and is skipped elsewhere, so the default test run stays near two
    minutes on two cores."""
    if os.environ.get(HEAVY_ENV):
        return
    skip = pytest.mark.skip(reason=f"heavy tier: set {HEAVY_ENV}=1 to run it (.ci/run does)")
    for item in items:
        if item.get_closest_marker("heavy"):
            item.add_marker(skip)
