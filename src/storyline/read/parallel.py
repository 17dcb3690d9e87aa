"""Reading on every core: worker processes that each hold one pipeline.

spaCy's parser holds the GIL for most of its work, so threads would not add speed: each worker is
a process (``python -m storyline.read.worker``) that loads the pipeline once and reads batches
of articles, sending back the ``ArticleReading`` records (plain dataclasses, cheap to pickle),
never Docs. The parent keeps the input order, stores, and reconciles; storage stays one writer.

Why not ``multiprocessing``: its fork start would copy the parent's threads' locks (the storing
thread, a progress display) into the child, and its spawn and forkserver starts import the
caller's main script again in every worker, which breaks any script without a
``if __name__ == "__main__"`` guard: a library must not ask that of its callers. A worker here
is a plain subprocess speaking pickle over its stdin and stdout.

On Linux the readers are not started one by one: a single process (``storyline.read.worker
--fork``, itself a plain subprocess with no thread, unlike the caller) loads the pipeline, reads
the input's first article to load what is loaded on first use, and forks the readers from that
warmed state, so they share it copy-on-write instead of each paying about 1.7 CPU seconds to
import, load and warm up. Elsewhere (macOS, whose system libraries may not survive a fork;
Windows) each reader is a fresh process loading its own pipeline.

Starting the reading costs loading the model (about a second), so small inputs stay in one process
(:func:`plan_workers`). If a worker dies (killed, out of memory), everything it had not returned
is read again in this process, so a run never loses articles to a lost worker.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import IO, Any, Protocol

from spacy.language import Language

from storyline.core.records import Article, ArticleReading
from storyline.read.pipeline import PipelineSpec

__all__ = ["MIN_WORDS_PER_WORKER", "ONE_THREAD", "WARM_UP_CHARS", "LocalReader", "Worker", "available_cores", "plan_workers", "read_in_processes",
           "read_ordered", "tasks_of", "warm_up_articles", "worker_env"]

# Below this many words per worker, starting one (model load ~1 s) costs more than it saves:
# the whole read stage runs at ~8-10k words/s per core, so 40k words is ~4 s of parsing.
MIN_WORDS_PER_WORKER = 40_000

Result = ArticleReading | Exception
Reading = tuple[Article, Result]


def available_cores() -> int:
    """Cores this process may run on (its CPU affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def plan_workers(requested: int, words: int, cores: int | None = None) -> int:
    """How many reading processes to use: ``requested`` when set (>= 1), else (0, "auto") one per
    core, but no more than the input keeps busy (:data:`MIN_WORDS_PER_WORKER` each)."""
    if requested >= 1:
        return requested
    cores = available_cores() if cores is None else cores
    return max(1, min(cores, words // MIN_WORDS_PER_WORKER))


def read_in_processes(
    articles: Sequence[Article], *, workers: int, pipeline: PipelineSpec, batch_size: int,
    local: Callable[[], Language], fork: bool | None = None,
) -> Iterator[Reading]:
    """Yield ``(article, reading or exception)`` in input order, read on ``workers`` processes.

    With ``fork`` (default: where the system forks safely, Linux) one process loads and warms the
    pipeline and forks the readers from that state (:class:`_ForkedReaders`); else each reader
    is a fresh process loading its own. ``local()`` returns this process's pipeline: it reads
    what a dead worker left unread."""
    batches = tasks_of(articles, workers, batch_size)
    count = min(workers, len(batches))
    if not count:
        return
    if FORK if fork is None else fork:
        forked = _ForkedReaders(count, pipeline, batch_size, warm=warm_up_articles(articles))
        try:
            yield from read_ordered(batches, forked.readers, batch_size, local)
        finally:
            forked.close()
        return
    pool = [_Worker(pipeline, batch_size) for _ in range(count)]
    try:
        yield from read_ordered(batches, pool, batch_size, local)
    finally:
        for worker in pool:
            worker.close()


class Worker(Protocol):
    """Something that reads batches in the order they are sent: a process here, a Ray actor in
    storyline.read.ray_reader."""

    def send(self, batch: list[Article]) -> None: ...

    def receive(self) -> list[Result] | None:
        """The oldest unanswered batch's results, or None when the worker is lost."""


def read_ordered(
    batches: Sequence[list[Article]], pool: Sequence[Worker], batch_size: int, local: Callable[[], Language]
) -> Iterator[Reading]:
    """Give each of ``batches`` to the first worker of ``pool`` that is free, and yield their
    readings in input order.

    A worker has at most two batches at a time (one being read, one waiting), and no batch goes
    out more than :data:`AHEAD_PER_WORKER` batches a worker past the oldest one not yet yielded,
    so memory holds a few batches' readings, not the whole input's. Dealt in turn instead, a
    worker slowed by anything (a longer batch, a core shared with the storing thread) would hold
    the others back: the batches after its own would wait for it. When a worker is lost,
    everything not yet read is read by ``local()``, this process's pipeline, so no article is
    lost; another error of a worker is raised here."""
    arrived: queue.Queue[tuple[int, Worker, list[Result] | None | BaseException]] = queue.Queue()
    listeners = {worker: _Listener(worker, arrived) for worker in pool}
    try:
        yield from _deal(batches, listeners, arrived, batch_size, local)
    finally:
        for listener in listeners.values():
            listener.stop()


# How many batches past the oldest one not yet yielded may be sent out: each worker's two, and as
# many again for the workers that finish theirs while a slow one holds the oldest.
AHEAD_PER_WORKER = 4


def _deal(
    batches: Sequence[list[Article]], listeners: "dict[Worker, _Listener]", arrived: queue.Queue,
    batch_size: int, local: Callable[[], Language],
) -> Iterator[Reading]:
    ahead = AHEAD_PER_WORKER * len(listeners)
    done: dict[int, list[Result]] = {}
    failed: dict[int, BaseException] = {}
    busy: dict[Worker, float] = dict.fromkeys(listeners, 0)
    sent = oldest = 0
    while oldest < len(batches):
        while sent < len(batches) and sent < oldest + ahead:
            worker = min(busy, key=busy.__getitem__)  # the least busy; the first of those on ties
            if busy[worker] >= 2:
                break
            busy[worker] += 1
            listeners[worker].expect(sent, batches[sent])
            sent += 1
        index, worker, results = arrived.get()
        if results is None:
            yield from _read_the_rest(batches, oldest, done, local, batch_size)
            return
        if isinstance(results, BaseException):
            # Raised in its turn, after the batches before it; the worker gets nothing more (its
            # listener has stopped).
            failed[index], busy[worker] = results, float("inf")
        else:
            busy[worker] -= 1
            done[index] = results
        while oldest in done or oldest in failed:
            if oldest in failed:
                raise failed[oldest]
            yield from zip(batches[oldest], done.pop(oldest))
            oldest += 1


def _read_the_rest(
    batches: Sequence[list[Article]], oldest: int, done: dict[int, list[Result]], local: Callable[[], Language], batch_size: int,
) -> Iterator[Reading]:
    """After a worker is lost: the batches from ``oldest`` on in order, those read already from
    ``done``, the others read here at once."""
    from storyline.read.reader import read_articles

    left = [a for i in range(oldest, len(batches)) if i not in done for a in batches[i]]
    here = iter(read_articles(local(), left, batch_size))
    for i in range(oldest, len(batches)):
        if i in done:
            yield from zip(batches[i], done[i])
        else:
            for _ in batches[i]:
                yield next(here)


class _Listener:
    """Sends one worker its batches and waits, on a thread of its own, for their results, so the
    caller waits for whichever worker answers first. A worker answers its batches in the order
    they were sent (:class:`Worker`)."""

    def __init__(self, worker: Worker, arrived: queue.Queue):
        self._worker, self._arrived = worker, arrived
        self._expected: queue.Queue[int | None] = queue.Queue()
        self._thread = threading.Thread(target=self._listen, name="storyline-worker-receive", daemon=True)
        self._thread.start()

    def expect(self, index: int, batch: list[Article]) -> None:
        self._worker.send(batch)
        self._expected.put(index)

    def stop(self) -> None:
        # Not joined: a thread still waiting on a worker ends when the caller closes that worker.
        self._expected.put(None)

    def _listen(self) -> None:
        while (index := self._expected.get()) is not None:
            try:
                results = self._worker.receive()
            except BaseException as exc:  # noqa: BLE001 - raised again by the caller
                self._arrived.put((index, self._worker, exc))
                return
            self._arrived.put((index, self._worker, results))
            if results is None:
                return


class LocalReader:
    """A callable returning this process's pipeline, loaded on first use only."""

    def __init__(self, nlp: Language | None, pipeline: PipelineSpec):
        self._nlp, self._pipeline = nlp, pipeline

    def __call__(self) -> Language:
        if self._nlp is None:
            self._nlp = self._pipeline.load()
        return self._nlp


class _Channel:
    """Batches out on one pipe, results back on another. Batches are written by a thread of its
    own, so sending never blocks the caller: a large batch can fill the pipe while the reader is
    still writing the previous result."""

    def __init__(self, inbox: IO[bytes], results: IO[bytes], pipeline: PipelineSpec, batch_size: int):
        self._inbox, self._results = inbox, results
        self._outbox: queue.Queue[Any] = queue.Queue()
        self._sender = threading.Thread(target=self._send_all, name="storyline-worker-send", daemon=True)
        self._sender.start()
        self._outbox.put((pipeline, batch_size))

    def send(self, batch: list[Article]) -> None:
        self._outbox.put(batch)

    def receive(self) -> list[Result] | None:
        """The next batch's results, or None when the reader has died."""
        try:
            return pickle.load(self._results)
        except (EOFError, OSError, pickle.UnpicklingError, ValueError):  # ValueError: closed by close()
            return None

    def end_input(self) -> None:
        """No more batches: the reader exits once it has answered those sent."""
        self._outbox.put(None)
        self._sender.join(timeout=5)

    def close_pipes(self) -> None:
        for pipe in (self._inbox, self._results):
            try:
                pipe.close()
            except OSError:  # a dead reader's stdin still holding unsent bytes: nothing to flush to
                pass

    def _send_all(self) -> None:
        while (item := self._outbox.get()) is not None:
            try:
                pickle.dump(item, self._inbox, protocol=pickle.HIGHEST_PROTOCOL)
                self._inbox.flush()
            except (OSError, ValueError):
                # the reader died (a broken pipe; receive() reports it), or close() gave up
                # waiting and closed its input under this thread ("write to closed file")
                return
        try:
            self._inbox.close()  # end of input: the reader exits
        except (OSError, ValueError):
            pass


class _Worker(_Channel):
    """One ``storyline.read.worker`` process, loading its own pipeline."""

    def __init__(self, pipeline: PipelineSpec, batch_size: int):
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "storyline.read.worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            env=worker_env(os.environ, sys.path),
        )
        super().__init__(self._proc.stdin, self._proc.stdout, pipeline, batch_size)  # type: ignore[arg-type]

    def close(self) -> None:
        self.end_input()
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        self.close_pipes()


# Only Linux forks a process holding a loaded pipeline safely and by default; macOS's system
# libraries may not survive a fork (Python's multiprocessing spawns there), Windows has no fork.
FORK = sys.platform.startswith("linux") and hasattr(os, "fork")
# The articles the forking process reads first, discarding the readings, so the tables loaded on
# first use (WordNet, lexicons, compiled patterns) are loaded once, before the fork, not in every reader.
WARM_UP_ARTICLES = 1
# The warm-up needs only enough text to touch every table loaded on first use, and a reader reads
# the article again: a whole long first article would be parsed twice before any reader starts.
WARM_UP_CHARS = 4_000


def warm_up_articles(articles: Sequence[Article]) -> list[Article]:
    """What the forking process reads before it forks: the first article, cut to ``WARM_UP_CHARS``."""
    return [dataclasses.replace(a, text=a.text[:WARM_UP_CHARS]) if len(a.text) > WARM_UP_CHARS else a
            for a in articles[:WARM_UP_ARTICLES]]


class _ForkedReaders:
    """Readers forked from one ``storyline.read.worker --fork`` process that loaded and warmed the
    pipeline (see that module). Each reader has its own pair of pipes (:attr:`readers`, one
    :class:`_Channel` each) created here and passed down; the forking process waits for the
    readers, so waiting for it waits for them all (and counts their CPU time as its children's)."""

    def __init__(self, count: int, pipeline: PipelineSpec, batch_size: int, warm: list[Article]):
        batch_pipes = [os.pipe() for _ in range(count)]
        result_pipes = [os.pipe() for _ in range(count)]
        theirs = [(b[0], r[1]) for b, r in zip(batch_pipes, result_pipes)]
        try:
            self._proc = subprocess.Popen(
                [sys.executable, "-m", "storyline.read.worker", "--fork"], stdin=subprocess.PIPE,
                env=worker_env(os.environ, sys.path), pass_fds=[fd for pair in theirs for fd in pair],
            )
        finally:
            for fd in (fd for pair in theirs for fd in pair):
                os.close(fd)  # the readers' ends: held here, a dead reader's pipe would never end
        self.readers = [
            _Channel(os.fdopen(b[1], "wb"), os.fdopen(r[0], "rb"), pipeline, batch_size)
            for b, r in zip(batch_pipes, result_pipes)
        ]
        try:
            pickle.dump((pipeline, batch_size, warm, theirs), self._proc.stdin, protocol=pickle.HIGHEST_PROTOCOL)  # type: ignore[arg-type]
            self._proc.stdin.close()  # type: ignore[union-attr]
        except OSError:  # it died at once: every reader's results end, and this process reads them
            pass

    def close(self) -> None:
        # Results are closed last: a thread of read_ordered may still be reading them (closing a
        # file another thread reads waits for that read), and it reads whatever a reader still
        # writes, so no reader is left blocked on a full pipe meanwhile.
        for reader in self.readers:
            reader.end_input()
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.terminate()  # it kills the readers
            try:
                self._proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        for reader in self.readers:
            reader.close_pipes()


# Thread pools of the numeric libraries under spaCy's models (numpy's OpenBLAS; OpenMP, MKL in other
# builds). A worker has a core to itself at most: a pool of its own would only compete with the
# other workers for their cores, and OpenBLAS's idle threads spin, which costs CPU for nothing
# (raw nlp.pipe, one process: 12-16% more CPU seconds with numpy's default pool than with one thread).
ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def worker_env(environ: Mapping[str, str], path: Sequence[str]) -> dict[str, str]:
    """The environment of a reading process: this one's, with the library thread pools at one
    thread (:data:`ONE_THREAD`; a setting the user made wins) and ``PYTHONPATH`` set to ``path``,
    so the worker imports storyline from exactly where this process did (an editable install, a
    PYTHONPATH checkout)."""
    return {**ONE_THREAD, **environ, "PYTHONPATH": os.pathsep.join(p for p in path if p)}


def tasks_of(articles: Sequence[Article], workers: int, batch_size: int) -> list[list[Article]]:
    """``articles`` cut into tasks, in order. A task holds at most ``batch_size`` articles, at
    most a quarter of a worker's share (so every worker gets several), and at most 1/(2 x
    ``workers``) of the text not yet dealt (guided self-scheduling): tasks shrink toward the end,
    so the workers finish together instead of one reading a full last batch while the others
    wait. Text length (characters) stands in for reading time."""
    sizes = [len(a.text) for a in articles]
    left = sum(sizes)
    most = max(1, min(batch_size, -(-len(articles) // (4 * workers))))
    out: list[list[Article]] = []
    i = 0
    while i < len(articles):
        budget, taken, j = left / (2 * workers), 0, i
        while j < len(articles) and j - i < most and (j == i or taken + sizes[j] <= budget):
            taken += sizes[j]
            j += 1
        out.append(list(articles[i:j]))
        left -= taken
        i = j
    return out
