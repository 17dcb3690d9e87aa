"""A fault-injection point for crash tests: end the process at the n-th write transaction.

Inert by default: nothing happens unless the environment variable ``STORYLINE_CRASH_AT`` is set.
Set, it names one event among the store's write transactions (``put_reading`` and
``replace_story``, counted from 1 in the order they run in this process):

- ``STORYLINE_CRASH_AT=after:N`` (or just ``N``): the process ends right after the N-th write
  transaction commits, before the caller hears of it.
- ``STORYLINE_CRASH_AT=before:N``: the process ends inside the N-th write transaction, after its
  statements ran and before it commits (what a kill in the middle of storing does).

The process ends with ``os._exit(CRASH_EXIT)``: no cleanup, no flushing, no ``finally`` blocks,
no rollback, as with SIGKILL. ``tests/store/test_crash_consistency.py`` uses it to stop
``storyline analyze`` at every kind of point and checks that a re-run gives what a clean run
gives (docs/reliability.md).
"""

from __future__ import annotations

import os
import threading

__all__ = ["CRASH_EXIT", "ENV", "after_commit", "before_commit"]

ENV = "STORYLINE_CRASH_AT"
CRASH_EXIT = 86
"""The exit status of a process ended by this hook (so a test can tell it from a real failure)."""

_lock = threading.Lock()
_seen = {"before": 0, "after": 0}


def _event(when: str) -> None:
    spec = os.environ.get(ENV)
    if not spec:
        return
    kind, _, n = spec.rpartition(":")
    kind = kind or "after"
    with _lock:
        _seen[when] += 1
        hit = kind == when and n.isdigit() and _seen[when] == int(n)
    if hit:
        os._exit(CRASH_EXIT)


def before_commit() -> None:
    """Called inside each write transaction, after its statements and before its commit."""
    _event("before")


def after_commit() -> None:
    """Called right after each write transaction commits."""
    _event("after")
