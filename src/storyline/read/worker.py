"""A reading worker process: ``python -m storyline.read.worker`` (started by storyline.read.parallel).

Protocol, pickle over stdin and stdout: the first object in is ``(PipelineSpec, batch_size)``;
then each object in is a list of Articles, answered by one list of ``ArticleReading`` or
exception, in the same order. End of input ends the process.

``python -m storyline.read.worker --fork`` is the warmed start (Linux): this process reads
``(PipelineSpec, batch_size, warm-up articles, channels)`` from stdin, loads the pipeline, reads
the warm-up articles (discarding the readings) so the tables loaded on first use are in memory,
then forks one reader per channel, a pair of pipe file descriptors the parent passed down, each
reader speaking the protocol above on its pair. The forked readers share the loaded, warmed
pipeline copy-on-write instead of each importing spaCy and loading the model (about 1.2 CPU
seconds) and paying the first batch's lazy loads (about 0.6 more). This process reads nothing
itself: it waits for the readers (so their CPU time counts as its children's) and exits.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import subprocess
import sys
import traceback
from collections.abc import Sequence
from typing import IO

from storyline.core.heap import long_lived
from storyline.read.parallel import Result

Channel = tuple[int, int]  # (fd batches come in on, fd results go out on)


def sendable(result: Result) -> Result:
    """An exception that cannot be pickled would lose the whole batch: send its type name and
    message instead (the rejection shows both)."""
    if not isinstance(result, Exception):
        return result
    try:
        pickle.dumps(result)
        return result
    except Exception:  # noqa: BLE001 - any pickling failure
        return RuntimeError(f"{type(result).__name__}: {result}")


def serve(nlp, inbox: IO[bytes], results: IO[bytes], batch_size: int) -> None:
    """Answer each batch read from ``inbox`` with its readings on ``results`` until end of input."""
    from storyline.read.reader import read_articles

    with long_lived():  # the pipeline, loaded once, is out of the collector's passes
        while True:
            try:
                batch = pickle.load(inbox)
            except EOFError:
                return
            out = [sendable(r) for _, r in read_articles(nlp, batch, batch_size)]
            pickle.dump(out, results, protocol=pickle.HIGHEST_PROTOCOL)
            results.flush()


def _load(pipeline):
    """The pipeline, or exit 3 when it cannot load: the parent loads it too and reports the error,
    with its fix."""
    try:
        return pipeline.load()
    except Exception:  # noqa: BLE001 - reported by the parent (above)
        sys.exit(3)


def main() -> None:
    # The results own fd 1; anything a library prints goes to stderr instead of corrupting them.
    results = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    inbox = sys.stdin.buffer
    pipeline, batch_size = pickle.load(inbox)
    nlp = _load(pipeline)
    serve(nlp, inbox, results, batch_size)


def fork_main() -> None:
    os.dup2(2, 1)  # a library's prints go to stderr
    pipeline, batch_size, warm, channels = pickle.load(sys.stdin.buffer)
    sys.stdin.close()
    from storyline.read.reader import read_articles

    nlp = _load(pipeline)
    for _ in read_articles(nlp, warm, batch_size):
        pass
    forked = single_threaded()
    # Frozen objects are skipped by the readers' collector passes, which would otherwise write to
    # every shared object's header and so copy the page it sits on.
    gc.freeze()
    pids: list[int] = []
    spawned: list[subprocess.Popen] = []
    for channel in channels:
        if forked:
            pids.append(_fork_reader(nlp, channel, channels, batch_size))
        else:
            # A thread here (none is expected: the pools run at one thread) would leave its locks
            # held in a forked copy: start fresh readers on the same pipes instead.
            spawned.append(subprocess.Popen([sys.executable, "-m", "storyline.read.worker"], stdin=channel[0], stdout=channel[1]))
    for fd in (fd for channel in channels for fd in channel):
        os.close(fd)  # each pipe's ends now belong to its reader alone, so its death shows as end of file

    def stop(signum, frame):  # the parent gave up waiting: the readers go too
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for proc in spawned:
            proc.kill()

    signal.signal(signal.SIGTERM, stop)
    for pid in pids:
        os.waitpid(pid, 0)
    for proc in spawned:
        proc.wait()


def single_threaded() -> bool:
    """Whether this process runs one thread (native ones included), so a fork copies no lock held
    by another thread."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _fork_reader(nlp, channel: Channel, channels: Sequence[Channel], batch_size: int) -> int:
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        for other in channels:
            if other != channel:
                for fd in other:
                    os.close(fd)
        inbox, results = os.fdopen(channel[0], "rb"), os.fdopen(channel[1], "wb")
        pickle.load(inbox)  # the (pipeline, batch_size) every reader is sent: this one holds its pipeline
        serve(nlp, inbox, results, batch_size)
        results.close()
        code = 0
    except BrokenPipeError:
        pass  # the parent stopped reading
    except BaseException:  # noqa: BLE001 - reported; the parent reads this reader's articles itself
        traceback.print_exc()
    finally:
        os._exit(code)  # never run the forking process's exit handlers in a copy of it


if __name__ == "__main__":
    fork_main() if sys.argv[1:] == ["--fork"] else main()
