"""Reading on a Ray cluster (``--engine ray``): one actor per CPU, each holding one pipeline.

The actors only read: they get batches of articles and send back ``ArticleReading`` records.
The process that called ``analyze`` (the driver) keeps the input order, stores every reading
(one writer: a PostgreSQL server for a cluster, though SQLite works too) and reconciles. So
storing is idempotent by construction: an article's id is its content hash, and a retried batch
gives the same records, which ``put_reading`` stores once.

Failures: actors restart when their process dies (``max_restarts=-1``) and Ray re-runs the
batches they had not answered (``max_task_retries=-1``); if an actor cannot come back, what it
had not answered is read by the driver itself (storyline.read.parallel.read_ordered). Either
way a killed worker leaves no duplicate and no loss.

Every node must have storyline installed at the same version (the actors import it by name);
docs/scaling.md says how to run a cluster.
"""

from __future__ import annotations

import logging
from collections import deque
from contextlib import contextmanager
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from spacy.language import Language

from storyline.core.errors import ConfigError
from storyline.core.records import Article
from storyline.read.parallel import Reading, Result, read_ordered, tasks_of
from storyline.read.pipeline import PipelineSpec

__all__ = ["RayReader", "cluster_cpus", "connected", "read_on_ray"]

# An actor is lost for good (its node gone, restarts exhausted) when ray.get raises one of these.
_LOST = ("RayActorError", "ActorDiedError", "ActorUnavailableError", "WorkerCrashedError", "NodeDiedError")


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ConfigError(
            "engine 'ray' needs the ray package, which is not installed",
            fix="pip install 'storyline[ray]', or use the default engine ('local')",
        ) from None
    return ray


class RayReader:
    """The actor's class (made remote by :func:`read_on_ray`, so importing this module does not
    need Ray)."""

    def __init__(self, pipeline: PipelineSpec, batch_size: int):
        self._nlp = pipeline.load()
        self._batch_size = batch_size

    def read(self, batch: list[Article]) -> list[Result]:
        from storyline.read.reader import read_articles
        from storyline.read.worker import sendable

        return [sendable(r) for _, r in read_articles(self._nlp, batch, self._batch_size)]

    def node(self) -> str:
        import ray

        return ray.get_runtime_context().get_node_id()


class _ActorWorker:
    """A Ray actor seen as a storyline.read.parallel.Worker."""

    def __init__(self, ray: Any, actor: Any):
        self._ray, self.actor = ray, actor
        self._refs: deque[Any] = deque()

    def send(self, batch: list[Article]) -> None:
        self._refs.append(self.actor.read.remote(batch))

    def receive(self) -> list[Result] | None:
        try:
            return self._ray.get(self._refs.popleft())
        except Exception as exc:  # noqa: BLE001 - only a lost actor is survivable, see below
            if type(exc).__name__ in _LOST:
                return None
            raise


def cluster_cpus(ray: Any) -> int:
    """CPUs of the connected cluster (at least 1)."""
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


@contextmanager
def connected(address: str) -> Iterator[Any]:
    """The ``ray`` module, connected to the cluster at ``address`` for the block ("auto" or
    HOST:PORT; empty: the one RAY_ADDRESS names, else the last one started on this machine, else
    one started for the block; "local": always one started for the block). A Ray this process
    started (or joined) for the block is left afterwards; one it was already in is kept."""
    ray = _ray()
    joined = not ray.is_initialized()
    if joined:
        # The driver's log stays storyline's: Ray's own start-up lines go to its log files.
        ray.init(address=address or None, log_to_driver=False, include_dashboard=False,
                 logging_level=logging.WARNING, configure_logging=True)
    try:
        yield ray
    finally:
        if joined:
            ray.shutdown()


def read_on_ray(
    articles: Sequence[Article], *, address: str, actors: int, pipeline: PipelineSpec,
    batch_size: int, local: Callable[[], Language],
) -> Iterator[Reading]:
    """Yield ``(article, reading or exception)`` in input order, read by Ray actors.

    ``address``: a cluster to join ("auto" or HOST:PORT); empty starts a Ray instance on this
    machine (or joins the one RAY_ADDRESS names) and stops it afterwards. ``actors``: how many
    (0: one per CPU of the cluster)."""
    with connected(address) as ray:
        count = actors or cluster_cpus(ray)
        batches = tasks_of(articles, count, batch_size)
        remote = ray.remote(num_cpus=1, max_restarts=-1, max_task_retries=-1)(RayReader)
        handles = [remote.remote(pipeline, batch_size) for _ in range(min(count, len(batches)))]
        try:
            yield from read_ordered(batches, [_ActorWorker(ray, h) for h in handles], batch_size, local)
        finally:
            for handle in handles:
                ray.kill(handle)
