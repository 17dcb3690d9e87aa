"""Storing readings on one background thread while the next batch is parsed.

``api.analyze`` queues each reading as soon as the parser hands it over; this thread stores it
with its own ``put_reading`` call, i.e. its own transaction. The queue holds one parser batch
(``depth``): the batch's readings come out together after it is parsed, so a shorter queue makes
the parsing wait for the store (measured: 4 batches gain nothing at 200k words, one batch saves
~1.2 s). A crash loses at most the article being written, the batch queued behind it and the
batch being parsed, never a committed article; the next run reads them again (ids are content
hashes).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

from storyline.core.records import ArticleReading

__all__ = ["ReadingWriter"]


class ReadingWriter:
    """Stores readings with ``put_reading`` on one background thread.

    The store is only touched by this thread until :meth:`close` has joined it. The first
    storing error stops the writing (later readings are not stored, as if the caller had stopped
    there) and is re-raised in the calling thread by the next :meth:`put` or by :meth:`close`.
    Used as a context manager, it closes on exit; when the block raises, that error is the one
    reported and the writer's own error, if any, is dropped.
    """

    _DONE = object()

    def __init__(self, put_reading: Callable[[ArticleReading], Any], depth: int):
        self._put_reading = put_reading
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=max(1, depth))
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="storyline-store", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (reading := self._queue.get()) is not self._DONE:
            if self._error is None:
                try:
                    self._put_reading(reading)
                except BaseException as exc:  # noqa: BLE001 - handed to the calling thread
                    self._error = exc

    def put(self, reading: ArticleReading) -> None:
        """Queue one reading (blocks while the queue is full); raises the writer's error if any."""
        if self._error is not None:
            raise self._error
        self._queue.put(reading)

    def close(self, *, raise_error: bool = True) -> None:
        """Store what is queued, stop the thread, and raise the writer's error if any."""
        self._queue.put(self._DONE)
        self._thread.join()
        if raise_error and self._error is not None:
            raise self._error

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close(raise_error=exc is None)
