"""Reconciling several stories at once on a Ray cluster (``analyze --stories auto --engine ray``).

Each story is reconciled by one Ray task (:func:`storyline.reconcile.reconcile` is a pure
function of the story's readings); the driver keeps storing: it saves each result under the
store's optimistic check, exactly as a story reconciled in the driver is saved. A task that
fails because its worker died is retried by Ray (``max_retries``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from storyline.core.options import ReconcileOptions
from storyline.core.records import ArticleReading, Story

__all__ = ["reconcile_on_ray"]


def _reconcile(readings: Sequence[ArticleReading], options: ReconcileOptions) -> Story:
    from storyline.reconcile import reconcile

    return reconcile(readings, options)


def reconcile_on_ray(
    stories: Mapping[str, Sequence[ArticleReading]], options: ReconcileOptions, address: str
) -> dict[str, Story]:
    """Story name -> its reconciled story (without coverage: the caller knows the readings)."""
    from storyline.read.ray_reader import connected

    if not stories:
        return {}
    with connected(address) as ray:
        task = ray.remote(num_cpus=1, max_retries=3)(_reconcile)
        refs = {name: task.remote(readings, options) for name, readings in stories.items()}
        return {name: ray.get(ref) for name, ref in refs.items()}
