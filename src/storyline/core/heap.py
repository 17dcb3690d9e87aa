"""Fewer garbage-collector passes while a stage holds many long-lived objects.

Python's cyclic collector walks every tracked object it has not yet promoted, and a full pass
walks them all. ``analyze`` keeps every reading of a run in memory (hundreds of thousands of
small frozen records at 300k words) and a reading process keeps the whole spaCy pipeline, so
passes that find nothing to free cost a large share of reconcile's time (about a third at 30k
words, measured with ``bench/stages.py``). :func:`long_lived` moves what exists now out of the
collector's view (``gc.freeze``) and lets more allocations happen between passes; everything is
put back on exit. Nothing is computed differently: only when unreachable cycles are freed changes.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["FIRST_GENERATION", "long_lived", "paused", "permanent"]

# Allocations between passes over the youngest generation (CPython's default is 700): a pass
# then runs once per ~10,000 new container objects, a few per article read.
FIRST_GENERATION = 10_000

_lock = threading.Lock()
_depth = 0
_saved: tuple[int, int, int] = gc.get_threshold()


@contextmanager
def long_lived() -> Iterator[None]:
    """Inside the block the objects that exist on entry are not collected (they are freed as
    usual when their count of references drops to zero) and passes run less often. Nested and
    concurrent blocks share one setting, restored when the last one exits."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = gc.get_threshold()
            gc.freeze()
            gc.set_threshold(max(_saved[0], FIRST_GENERATION), *_saved[1:])
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                gc.set_threshold(*_saved)
                gc.unfreeze()


@contextmanager
def paused() -> Iterator[None]:
    """No collector pass inside the block: for decoding a large acyclic structure (the WordNet
    table: millions of lists and strings) that lives as long as the process. Without it, the
    passes its allocations trigger, which can free nothing of it, take most of the decoding time
    (0.73 -> 0.20 CPU seconds for the WordNet table). The collector's previous state is restored."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def permanent() -> Iterator[None]:
    """:func:`paused`, and what exists at the end of the block is moved out of the collector's view
    (``gc.freeze``): for a large acyclic structure decoded once that lives as long as the process
    (the WordNet table). Left in view, its millions of containers are walked by the next passes
    over the young generations, which free nothing of it (about 0.9 CPU seconds per process for
    the WordNet table, in every reading process and in the parent); frozen, they are skipped. A
    :func:`long_lived` block that ends puts them back in the oldest generation, where only the
    rare full passes walk them."""
    with paused():
        yield
        gc.freeze()
