"""Reading on several processes (storyline.read.parallel): same readings, same order, nothing lost
when a worker dies, and no demand on the caller's script."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable

import pytest
from helpers.fakes import stub_pipeline

from storyline import api
from storyline.core.errors import ConfigError
from storyline.core.options import AnalysisOptions
from storyline.read import parallel
from storyline.read.parallel import MIN_WORDS_PER_WORKER, ONE_THREAD, plan_workers, worker_env


def test_auto_uses_a_core_per_worker_the_input_keeps_busy():
    assert plan_workers(0, words=10, cores=8) == 1
    assert plan_workers(0, words=2 * MIN_WORDS_PER_WORKER, cores=8) == 2
    assert plan_workers(0, words=100 * MIN_WORDS_PER_WORKER, cores=8) == 8
    assert plan_workers(0, words=100 * MIN_WORDS_PER_WORKER, cores=1) == 1


def test_an_explicit_count_is_obeyed():
    assert plan_workers(3, words=10, cores=1) == 3
    assert plan_workers(1, words=10**9, cores=64) == 1


def test_a_negative_count_is_a_config_error_naming_the_option():
    with pytest.raises(ConfigError, match="workers"):
        AnalysisOptions(workers=-1)


def test_a_worker_runs_the_library_thread_pools_at_one_thread_unless_the_user_set_them():
    env = worker_env({"HOME": "/h", "PYTHONPATH": "/old"}, ["/a", "", "/b"])
    assert {k: env[k] for k in ONE_THREAD} == {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    assert env["HOME"] == "/h" and env["PYTHONPATH"].split(os.pathsep) == ["/a", "/b"]
    assert worker_env({"OMP_NUM_THREADS": "4"}, [])["OMP_NUM_THREADS"] == "4"


def _demo_articles():
    return api.ingest([api.demo_corpus()]).articles


@pytest.fixture(scope="module")
def stub(tmp_path_factory) -> str:
    # The plumbing is under test, not the reading: a blank pipeline (sentences, and the storyline
    # components, timexes included) starts in a fraction of the English model's time.
    return str(stub_pipeline(tmp_path_factory.mktemp("stub") / "pipeline"))


@pytest.mark.slow
def test_an_unguarded_script_reads_on_two_processes_as_on_one(tmp_path, stub):
    # No `if __name__ == "__main__"` guard: multiprocessing's spawn would run this script again
    # in every worker; storyline's workers must not.
    script = tmp_path / "unguarded.py"
    # The workers load the pipeline the options name, timex convention included: an article whose
    # timexes differ between the conventions reads the same in both modes.
    script.write_text(textwrap.dedent("""
        from dataclasses import replace
        from storyline import api
        from storyline.core.options import AnalysisOptions
        articles = api.ingest([api.demo_corpus()]).articles
        articles.append(replace(articles[0], id="later", text="The firm filed its report. Two weeks later it closed.",
                                content_hash="later"))
        timeml = AnalysisOptions(model=MODEL, workers=1, timex_convention="timeml")
        one = [(a.id, r) for a, r in api.read(articles, timeml)]
        two = [(a.id, r) for a, r in api.read(articles, replace(timeml, workers=2))]
        assert [i for i, _ in two] == [a.id for a in articles], "order kept"
        assert one == two, "same readings"
        assert [t.text for t in two[-1][1].timexes] == ["Two weeks"], "TimeML's duration, not MEANTIME's 'Two weeks later'"
        print("ok", len(two))
    """).replace("MODEL", repr(stub)))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300,
                          env={**__import__("os").environ, "PYTHONPATH": __import__("os").pathsep.join(sys.path)})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["ok", str(len(_demo_articles()) + 1)]


def _started_readers(monkeypatch) -> list[Callable[[], int]]:
    """Record the reading processes as they start: each entry gives the pid of one reader (a
    spawned worker, or a reader forked by the warmed process, asked once it has forked)."""
    started: list[Callable[[], int]] = []
    real_worker, real_forked = parallel._Worker.__init__, parallel._ForkedReaders.__init__

    def worker_init(self, *args):
        real_worker(self, *args)
        started.append(lambda: self._proc.pid)

    def forked_init(self, count, *args, **kwargs):
        real_forked(self, count, *args, **kwargs)
        for i in range(count):
            started.append(lambda i=i: _forked_children(self._proc.pid)[i])

    monkeypatch.setattr(parallel._Worker, "__init__", worker_init)
    monkeypatch.setattr(parallel._ForkedReaders, "__init__", forked_init)
    return started


def _forked_children(pid: int) -> list[int]:
    with open(f"/proc/{pid}/task/{pid}/children") as f:
        children = [int(c) for c in f.read().split()]
    for child in children:  # forked, not started afresh: the same command line as the forking process
        with open(f"/proc/{child}/cmdline", "rb") as f:
            assert f.read().split(b"\0")[-2] == b"--fork"
    return sorted(children)


@pytest.mark.slow
@pytest.mark.parametrize("fork", [False, pytest.param(True, marks=pytest.mark.skipif(not parallel.FORK, reason="forks on Linux only"))])
def test_a_worker_killed_mid_run_loses_no_article(monkeypatch, stub, fork):
    monkeypatch.setattr(parallel, "FORK", fork)
    started = _started_readers(monkeypatch)
    local_loads: list[int] = []
    real_local = parallel.LocalReader.__call__

    def counting_local(self):
        local_loads.append(1)
        return real_local(self)

    monkeypatch.setattr(parallel.LocalReader, "__call__", counting_local)
    articles = _demo_articles()
    options = AnalysisOptions(model=stub, workers=2, batch_size=1)
    out = api.read(articles, options)
    first = next(out)
    assert len(started) == 2
    os.kill(started[-1](), signal.SIGKILL)  # the second worker, its batches not all returned yet
    rest = list(out)
    assert [a.id for a, _ in [first, *rest]] == [a.id for a in articles]
    assert all(not isinstance(r, Exception) for _, r in [first, *rest])
    assert local_loads, "what the dead worker left was read in this process"
    alone = [r for _, r in api.read(articles, AnalysisOptions(model=stub, workers=1))]
    assert [r for _, r in [first, *rest]] == alone


@pytest.mark.slow
@pytest.mark.skipif(not parallel.FORK, reason="forks on Linux only")
def test_readers_forked_from_a_warmed_pipeline_read_as_fresh_processes_do(monkeypatch):
    # The English model, so the warm-up loads what the reading uses (WordNet, lexicons,
    # compiled patterns) before the fork: the forked readers must read exactly as readers that
    # load everything themselves, in the same order.
    from storyline.read.parallel import LocalReader, read_in_processes
    from storyline.read.pipeline import PipelineSpec

    articles = _demo_articles()[:6]
    spec = PipelineSpec.of(AnalysisOptions())
    started = _started_readers(monkeypatch)

    def read(fork: bool):
        out = read_in_processes(articles, workers=2, pipeline=spec, batch_size=1, local=LocalReader(None, spec), fork=fork)
        first = next(out)
        if fork:  # really forked (the model's loading started no thread that would make it start readers afresh)
            assert len({pid() for pid in started}) == 2
        return [(a.id, r) for a, r in [first, *out]]

    forked, fresh = read(True), read(False)
    assert len(started) == 4
    assert [i for i, _ in forked] == [a.id for a in articles]
    assert all(not isinstance(r, Exception) for _, r in forked)
    assert forked == fresh


def test_a_process_with_a_second_thread_is_not_forked_from():
    import threading

    from storyline.read.worker import single_threaded

    if not os.path.isdir("/proc/self/task"):
        pytest.skip("counts threads in /proc (Linux)")
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not single_threaded()
    finally:
        stop.set()
        thread.join()


@pytest.mark.slow
def test_closing_a_dead_worker_with_unsent_bytes_does_not_raise(stub):
    # Found by a clean-clone run: a killed worker's stdin still held buffered bytes, and closing
    # it raised BrokenPipeError out of the read. Here the bytes are left in the buffer on purpose.
    import contextlib
    import io
    import os

    from storyline.read.pipeline import PipelineSpec

    worker = parallel._Worker(PipelineSpec(stub), 1)
    worker._proc.kill()
    worker._proc.wait()
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read: as after the worker died
    stuck = io.BufferedWriter(io.FileIO(write_end, "w"), buffer_size=1 << 16)
    stuck.write(b"unsent")  # stays in the buffer until close() flushes it into the broken pipe
    with contextlib.suppress(OSError):  # its own first message may be stuck the same way
        worker._proc.stdin.close()
    worker._inbox = stuck
    worker.close()


def test_the_sender_stops_quietly_when_its_pipe_was_closed_under_it(stub):
    # Found by a CI run: close() closes a worker's stdin after waiting 5 s for the sender thread;
    # a write after that raised "write to closed file" (ValueError) out of the thread.
    import contextlib
    import threading

    from storyline.read.pipeline import PipelineSpec

    worker = parallel._Worker(PipelineSpec(stub), 1)
    worker._proc.kill()
    worker._proc.wait()
    raised: list[type] = []
    hook, threading.excepthook = threading.excepthook, lambda args: raised.append(args.exc_type)
    try:
        with contextlib.suppress(OSError):
            worker._proc.stdin.close()
        worker.send([])
        worker._outbox.put(None)
        worker._sender.join(timeout=5)
    finally:
        threading.excepthook = hook
    assert raised == [] and not worker._sender.is_alive()
    worker.close()


def test_the_warm_up_reads_a_bounded_piece_of_the_first_article():
    # Review: the forking process warmed up on the whole first article, which a reader then read
    # again: a 22,500-word article first made the run 65% slower than the same article last.
    from storyline.core.records import Article
    from storyline.read.parallel import WARM_UP_CHARS, warm_up_articles

    long = Article(id="a-1", text="Word " * 50_000, outlet=None, published=None, title=None, url=None,
                   origin="a.txt", format="txt", content_hash="x")
    short = Article(id="a-2", text="Short text.", outlet=None, published=None, title=None, url=None,
                    origin="b.txt", format="txt", content_hash="y")
    (warm,) = warm_up_articles([long, short])
    assert warm.text == long.text[:WARM_UP_CHARS] and len(warm.text) < len(long.text)
    assert warm_up_articles([short, long]) == [short]
    assert warm_up_articles([]) == []


class _FakeWorker:
    """A worker read in this process: answers each batch with its articles' ids, in the order sent;
    ``hold`` (an Event) keeps it from answering until set, ``lost_after`` makes it die then."""

    def __init__(self, name: str, hold: threading.Event | None = None, lost_after: int | None = None,
                 fail: Exception | None = None):
        self.name, self.hold, self.lost_after, self.fail = name, hold, lost_after, fail
        self.sent: list[list] = []
        self.answered = 0
        self._inbox: queue.Queue = queue.Queue()

    def send(self, batch):
        self.sent.append(batch)
        if len(self.sent) == 5 and getattr(self, "then", None):
            self.then.set()  # a fifth batch: it was given more than its turn's share
        self._inbox.put(batch)

    def receive(self):
        batch = self._inbox.get()
        if self.hold is not None:
            self.hold.wait(timeout=10)  # set by the test; the timeout only ends a failing run
        if self.fail is not None:
            raise self.fail
        if self.lost_after is not None and self.answered >= self.lost_after:
            return None
        self.answered += 1
        return [f"{self.name}:{a}" for a in batch]


def _read_locally(nlp, articles, batch_size):
    return [(a, f"local:{a}") for a in articles]


def test_a_free_worker_takes_the_next_batch_instead_of_waiting_for_a_slow_one(monkeypatch):
    # The slow worker holds the first batch; the other one goes on reading the batches after it
    # (dealt in turn, it would stop after its own two and wait): at the end, neither waits long
    # for the other, so the last batches go to whoever is free.
    hold = threading.Event()
    slow, fast = _FakeWorker("slow", hold=hold), _FakeWorker("fast")
    fast.then = hold  # once the fast one is sent a fifth batch, the slow one answers
    batches = [[i] for i in range(8)]
    out = list(parallel.read_ordered(batches, [slow, fast], 1, local=lambda: None))
    assert [a for a, _ in out] == list(range(8))  # input order, whoever read what
    assert len(fast.sent) >= 5 and len(slow.sent) + len(fast.sent) == 8


def test_results_that_arrive_out_of_order_are_yielded_in_input_order():
    hold = threading.Event()
    a, b = _FakeWorker("a", hold=hold), _FakeWorker("b")
    b.then = hold  # "a" answers once "b" has read past it
    out = list(parallel.read_ordered([[0, 1], [2], [3, 4], [5], [6]], [a, b], 2, local=lambda: None))
    assert [x for x, _ in out] == [0, 1, 2, 3, 4, 5, 6]
    assert all(r.endswith(f":{x}") for x, r in out)


def test_what_a_lost_worker_had_not_answered_is_read_locally_once_in_order(monkeypatch):
    import storyline.read.reader as reader

    monkeypatch.setattr(reader, "read_articles", _read_locally)
    good, lost = _FakeWorker("good"), _FakeWorker("lost", lost_after=1)
    batches = [[i] for i in range(9)]
    out = list(parallel.read_ordered(batches, [good, lost], 1, local=lambda: None))
    assert [x for x, _ in out] == list(range(9))
    assert any(r.startswith("local:") for _, r in out)


def test_an_error_of_a_worker_that_is_not_a_loss_is_raised_after_the_batches_before_it():
    bad = _FakeWorker("bad", fail=RuntimeError("ray task failed"))
    with pytest.raises(RuntimeError, match="ray task failed"):
        list(parallel.read_ordered([[0], [1]], [bad], 1, local=lambda: None))
    # The failure arrives before the answer of the batch before it: that answer is yielded first.
    class Listener:
        def expect(self, index, batch):
            pass

    good, bad = object(), object()
    arrived: queue.Queue = queue.Queue()
    arrived.put((1, bad, RuntimeError("ray task failed")))
    arrived.put((0, good, ["good:0"]))
    out = parallel._deal([[0], [1], [2]], {good: Listener(), bad: Listener()}, arrived, 1, local=lambda: None)
    assert next(out) == (0, "good:0")
    with pytest.raises(RuntimeError, match="ray task failed"):
        list(out)


def test_tasks_keep_the_input_order_and_shrink_toward_the_end():
    from storyline.core.records import Article

    articles = [Article(f"a{i}", "word " * (100 + 37 * (i % 5)), "outlet", None, None, None, "t", "txt", "") for i in range(400)]
    tasks = parallel.tasks_of(articles, workers=2, batch_size=32)
    assert [a.id for t in tasks for a in t] == [a.id for a in articles]
    assert all(1 <= len(t) <= 32 for t in tasks)
    assert len(tasks[0]) == 32  # a long input starts with full batches
    assert len(tasks[-1]) <= 2 and len(tasks[-2]) <= len(tasks[-8])  # ... and ends with small ones
    assert len(parallel.tasks_of(articles[:6], workers=2, batch_size=32)) >= 2  # every worker gets one
    assert parallel.tasks_of([], workers=2, batch_size=32) == []
