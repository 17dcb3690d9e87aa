"""Crash consistency: ``storyline analyze`` killed at random points, then run again, ends with the
same JSON export as a clean run; two ``analyze`` processes at once end with the union.

Real processes (the CLI in a subprocess) on the demo corpus (10 articles) with the stub pipeline
(blank English, a sentencizer and the storyline components: no model, yet facts and conflicts).
Kill points are drawn with a fixed seed from:

- every write transaction, through the store's fault-injection hook
  (:mod:`storyline.store.faults`, ``STORYLINE_CRASH_AT``): inside the n-th one before it commits,
  or right after it commits (``os._exit``: no cleanup, as SIGKILL);
- a SIGKILL after a random delay drawn from the duration of a clean run (loading, parsing,
  storing or reconciling, wherever it lands).

After each kill the database must open, a story that looks current must be current (its
coverage equals the stored articles' only if it is what reconciling them gives), and the re-run
must leave a current story (the export does not need to reconcile) equal to the clean one.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.paths import REPO
from helpers.store import pg_schema_url

from storyline import api
from storyline.store.faults import CRASH_EXIT, ENV

pytestmark = [pytest.mark.slow, pytest.mark.heavy]

SEED = 20261207
DEMO = api.demo_corpus()
ALL = sorted(str(p) for p in DEMO.iterdir() if p.suffix in (".txt", ".html", ".jsonl"))
HALF_A, HALF_B = ALL[: len(ALL) // 2], ALL[len(ALL) // 2 :]
WRITES = 11  # write transactions of a clean run: 10 articles and the story
EVENTS = [f"{when}:{n}" for when in ("before", "after") for n in range(1, WRITES + 1)]
ROUNDS = {"sqlite": 8, "postgresql": 4}
HALF_ROUNDS = 2  # analyze half/, then analyze all/ killed (SQLite)
TIMED_ROUNDS = 2  # SIGKILL after a random delay (SQLite)
CONCURRENT_ROUNDS = 1  # two processes at once, per backend (tests/cli/test_api_story_coverage.py forces the interleavings)
TIMEOUT = 300  # seconds for any one process: nothing waits forever


@pytest.fixture(scope="module")
def nlp(model):
    """The same pipeline the CLI loads for ``--model STUB``, for the runs that need no process of
    their own (the re-runs after a kill: the killed run is the one that must be a real process)."""
    from storyline.read.pipeline import load_pipeline

    return load_pipeline(model)


def _rerun(db: str, nlp, inputs: list[str] = ALL) -> None:
    with api.open_store(db) as store:
        api.analyze(inputs, store, nlp=nlp)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != ENV}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), env.get("PYTHONPATH", "")])
    env.update(extra)
    return env


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from storyline.cli import app; app()", *args]


def _analyze(db: str, stub: str, inputs: list[str] = ALL, **env: str) -> subprocess.CompletedProcess:
    command = _cli("analyze", *inputs, "--db", db, "--model", stub)
    return subprocess.run(command, env=_env(**env), capture_output=True, text=True, timeout=TIMEOUT, check=False)


def _current_export(db: str) -> dict:
    """The export of a database whose stored story must already be current."""
    with api.open_store(db, create=False) as store:
        story = store.story()
        assert story.coverage == store.coverage(), "the re-run left a story that does not cover the stored articles"
        return api.export(store, "json")


def _check_after_kill(db: str) -> None:
    """The database opens, and a story that looks current is what reconciling the stored articles gives."""
    with api.open_store(db) as store:
        story = store.story()
        if story.coverage is not None and story.coverage == store.coverage():
            assert story == api.reconcile(store.readings()), "a story claims to be current but is not"


@pytest.fixture(scope="module")
def clean(model, tmp_path_factory) -> tuple[dict, float]:
    """The export of one uninterrupted run (a process, as the killed ones), and how long it took."""
    db = str(tmp_path_factory.mktemp("clean") / "clean.db")
    started = time.perf_counter()
    done = _analyze(db, model)
    seconds = time.perf_counter() - started
    assert done.returncode == 0 and "Read 10 new article(s)" in done.stdout, done.stderr  # the hook is inert when unset
    export = _current_export(db)
    assert export["facts"] and len(export["articles"]) == 10
    return export, seconds


def _url(backend: str, tmp_path: Path, name: str):
    """A fresh database URL on ``backend`` and a cleanup (the PostgreSQL schema is dropped)."""
    if backend == "sqlite":
        return str(tmp_path / f"{name}.db"), lambda: None
    schema = pg_schema_url()
    return next(schema), schema.close


BACKENDS = [pytest.param("sqlite"), pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_analyze_killed_at_a_transaction_then_rerun_gives_the_clean_export(backend, model, nlp, clean, tmp_path):
    events = random.Random(SEED).sample(EVENTS, ROUNDS[backend])
    for event in events:
        db, drop = _url(backend, tmp_path, event.replace(":", "-"))
        try:
            killed = _analyze(db, model, **{ENV: event})
            assert killed.returncode == CRASH_EXIT, (event, killed.returncode, killed.stderr[-2000:])
            _check_after_kill(db)
            _rerun(db, nlp)
            assert _current_export(db) == clean[0], event
        finally:
            drop()


def test_analyze_after_a_half_killed_at_a_transaction_then_rerun_gives_the_clean_export(model, nlp, clean, tmp_path):
    """``analyze half/`` completes, ``analyze all/`` is killed, ``analyze all/`` again: the case
    that used to say "Read 0 new" and keep the old story forever."""
    rng = random.Random(SEED + 1)
    for n in sorted(rng.sample(range(1, 7), HALF_ROUNDS)):  # the second run writes 5 articles and the story
        db = str(tmp_path / f"half-{n}.db")
        _rerun(db, nlp, HALF_A)
        assert _analyze(db, model, **{ENV: f"after:{n}"}).returncode == CRASH_EXIT
        _check_after_kill(db)
        _rerun(db, nlp)
        assert _current_export(db) == clean[0], n


def test_analyze_killed_after_a_random_delay_then_rerun_gives_the_clean_export(model, nlp, clean, tmp_path):
    rng = random.Random(SEED + 2)
    for i in range(TIMED_ROUNDS):
        delay = rng.uniform(0.3, 1.0) * clean[1]
        db = str(tmp_path / f"timed-{i}.db")
        proc = subprocess.Popen(_cli("analyze", *ALL, "--db", db, "--model", model), env=_env(), stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            proc.wait(timeout=delay)  # finished before the kill: still a valid round
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=TIMEOUT)
        if Path(db).exists():
            _check_after_kill(db)
        _rerun(db, nlp)
        assert _current_export(db) == clean[0], (i, delay)


@pytest.mark.parametrize("backend", BACKENDS)
def test_two_analyze_processes_at_once_on_disjoint_halves_end_with_the_union(backend, model, clean, tmp_path):
    for i in range(CONCURRENT_ROUNDS):
        db, drop = _url(backend, tmp_path, f"both-{i}")
        try:
            # Both also create the database at once: migrations are serialised too.
            commands = [_cli("analyze", *half, "--db", db, "--model", model) for half in (HALF_A, HALF_B)]
            procs = [subprocess.Popen(c, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for c in commands]
            for p in procs:
                _, err = p.communicate(timeout=TIMEOUT)
                assert p.returncode == 0, err[-2000:]
            assert _current_export(db) == clean[0], i
        finally:
            drop()
