"""Reading on Ray (``--engine ray``, storyline.read.ray_reader) against a real cluster.

The tier needs a cluster of two nodes on loopback: ``eval "$(bash .ci/ray.sh)"`` starts one and sets
STORYLINE_TEST_RAY_ADDRESS (``.ci/run`` does, and sets STORYLINE_REQUIRE_RAY=1 so that a missing
cluster fails there instead of skipping). The second test starts a Ray of its own for the run.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from storyline import api
from storyline.core.options import AnalysisOptions

pytestmark = [pytest.mark.ray, pytest.mark.model, pytest.mark.slow]

RAY_ENV = "STORYLINE_TEST_RAY_ADDRESS"


def _need_ray():
    try:
        import ray
    except ImportError:
        if os.environ.get("STORYLINE_REQUIRE_RAY"):
            pytest.fail("STORYLINE_REQUIRE_RAY is set but the ray package is missing: install the test extras")
        pytest.skip("the ray package is not installed (pip install 'storyline[ray]')")
    return ray


@pytest.fixture
def cluster() -> str:
    _need_ray()
    address = os.environ.get(RAY_ENV)
    if not address:
        if os.environ.get("STORYLINE_REQUIRE_RAY"):
            pytest.fail(f"STORYLINE_REQUIRE_RAY is set but {RAY_ENV} is not: the ray tier must run")
        pytest.skip(f'{RAY_ENV} is not set: start a cluster with eval "$(bash .ci/ray.sh)" to run the Ray tier')
    return address


def _analyze(db: Path, options: AnalysisOptions) -> tuple[dict, dict]:
    with api.open_store(db) as store:
        summary = api.analyze([api.demo_corpus()], store, options)
        assert not summary.rejected, summary.rejected
        return api.export(store, "json"), store.counts()


@pytest.fixture(scope="module")
def one_process(tmp_path_factory) -> tuple[dict, dict]:
    return _analyze(tmp_path_factory.mktemp("one") / "story.db", AnalysisOptions(workers=1))


def test_two_nodes_read_the_story_as_one_process_does_though_a_worker_is_killed(cluster, tmp_path, monkeypatch, one_process):
    ray = _need_ray()
    from storyline.read import ray_reader

    workers: list[ray_reader._ActorWorker] = []
    killed: list[str] = []
    # Batches sent to each worker and answered by it: each worker's results are awaited on a
    # thread of their own (read_ordered), so a worker's queue of refs is emptied as its wait
    # begins, not when the batch is answered.
    sent: dict[int, int] = {}
    answered: dict[int, int] = {}
    lock = threading.Lock()
    real_init, real_send, real_receive = (ray_reader._ActorWorker.__init__, ray_reader._ActorWorker.send,
                                          ray_reader._ActorWorker.receive)

    def recording_init(self, *args):
        real_init(self, *args)
        workers.append(self)

    def counting_send(self, batch):
        with lock:
            sent[id(self)] = sent.get(id(self), 0) + 1
        real_send(self, batch)

    def receive_then_kill(self):
        results = real_receive(self)
        with lock:
            answered[id(self)] = answered.get(id(self), 0) + 1
            other = next(w for w in workers if w is not self)
            # Mid-run, once the other actor has batches in flight: Ray restarts it and runs
            # again what it had not answered.
            if killed or sent.get(id(other), 0) <= answered.get(id(other), 0):
                return results
            nodes = ray.get([w.actor.node.remote() for w in workers])
            assert len(set(nodes)) == 2, f"actors on {len(set(nodes))} node(s): the cluster should spread them"
            ray.kill(other.actor, no_restart=False)
            killed.append(nodes[workers.index(other)])
        return results

    monkeypatch.setattr(ray_reader._ActorWorker, "__init__", recording_init)
    monkeypatch.setattr(ray_reader._ActorWorker, "send", counting_send)
    monkeypatch.setattr(ray_reader._ActorWorker, "receive", receive_then_kill)
    export, counts = _analyze(tmp_path / "story.db", AnalysisOptions(engine="ray", ray_address=cluster, batch_size=1))
    assert killed
    assert counts == one_process[1], "no duplicate, no loss"
    assert export == one_process[0]


def test_a_ray_started_for_the_run_reads_as_one_process_does(cluster, tmp_path, one_process):
    # `cluster` only gates the tier (starting Ray takes seconds); this run starts its own Ray.
    ray = _need_ray()
    if ray.is_initialized():
        ray.shutdown()
    export, counts = _analyze(tmp_path / "story.db", AnalysisOptions(engine="ray", ray_address="local", workers=2))
    assert not ray.is_initialized(), "the Ray started for the run is stopped after it"
    assert counts == one_process[1]
    assert export == one_process[0]


def test_stories_of_a_mixed_pile_reconciled_on_ray_equal_a_local_run(cluster, tmp_path):
    # Two demo stories in one pile: grouped, read and reconciled (one Ray task per story) on the
    # cluster, every story's export equals the local engine's.
    pile = [api.demo_corpus(), api.demo_corpus("real")]

    def exports(db: Path, options: AnalysisOptions) -> dict[str, dict]:
        with api.open_store(db) as store:
            summary = api.analyze(pile, store, options, group=True)
            assert not summary.rejected, summary.rejected
            return {s.name: api.export(store, "json", story=s.name) for s in store.stories()}

    local = exports(tmp_path / "local.db", AnalysisOptions(workers=1))
    on_ray = exports(tmp_path / "ray.db", AnalysisOptions(engine="ray", ray_address=cluster))
    assert len(local) >= 2
    assert on_ray == local
