"""Background analysis: a queue of jobs run by worker threads through ``api.analyze``.

A job is the articles one upload, one pasted text or one list of addresses added to a story.
Each worker runs jobs one after another through the same code path as ``storyline analyze`` (so
a bad article is a rejection listed in the job's summary, never a lost batch). By default a
worker's analysis runs in a process of its own (:class:`ProcessAnalyzer`: it loads the spaCy
pipeline once and keeps it), so reading and reconciling never hold the server's interpreter while
pages are served; with an ``nlp_factory`` (tests, or a caller with a pipeline in hand) it runs in
the worker's thread (:class:`ThreadAnalyzer`). Progress comes from analyze's ProgressEvent
callback; it is kept in memory for the live view (server-sent events) and written to the
``jobs`` table for the record.

Cancel: a queued job is dropped; a running one stops at its next progress event (the callback
raises :class:`Cancelled`, which ends ``analyze`` like a storing error; a process is told by a
file ``CANCEL`` in the job's folder). The articles stored before that are kept, and the story is
reconciled when next viewed.

Jobs queued or running when the server stops are marked failed at the next start, with a
message saying to add their articles again (the uploaded files lived in a spool folder).
"""

from __future__ import annotations

import json
import queue
import re
import secrets
import shutil
import tempfile
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline import api
from storyline.core.options import AnalysisOptions
from storyline.ingest import Rejection
from storyline.ingest.fetch import Fetched, FetchRefused, fetch
from storyline.store.desk import OPEN, Job

__all__ = ["Cancelled", "JobRunner", "Live", "safe_name"]

KEEP = 5000
INTERRUPTED = "the server stopped before this job ended; add its articles again"


class Cancelled(Exception):
    """Raised from the progress callback to stop a running analysis."""


@dataclass
class Live:
    """A job's state as the live view shows it; ``version`` grows with every change, and
    ``events`` keeps each state in order (the last :data:`KEEP`), so a stream that looks now and
    then still sends every step."""

    state: str = "queued"
    stage: str = ""
    done: int = 0
    total: int = 0
    current: str = ""
    message: str = ""
    version: int = 0
    cancel: threading.Event = field(default_factory=threading.Event)
    events: list[dict[str, Any]] = field(default_factory=list)

    def since(self, seen: int) -> tuple[list[dict[str, Any]], int]:
        """The states recorded after the first ``seen`` ones, and how many there are now."""
        first = self.version - len(self.events)
        return self.events[max(0, seen - first):], self.version

    def as_dict(self) -> dict[str, Any]:
        return {"state": self.state, "stage": self.stage, "done": self.done, "total": self.total,
                "current": self.current, "message": self.message, "version": self.version}  # fmt: skip


def safe_name(name: str, fallback: str = "article.txt") -> str:
    """An uploaded file's name reduced to a plain file name (no folders, no odd characters); its
    suffix picks the input format, as on the command line."""
    base = re.sub(r"[^A-Za-z0-9._-]+", "-", Path(name.replace("\\", "/")).name).strip(".-")
    return base[:100] or fallback


class JobRunner:
    """Runs analysis jobs on ``workers`` threads against the database at ``db``."""

    def __init__(self, db: str, options: AnalysisOptions, *, workers: int = 1, nlp_factory: Callable[[], Any] | None = None,
                 fetcher: Callable[[str], Fetched] = fetch, after: Callable[[str], Any] | None = None):  # fmt: skip
        self.db = db
        self.options = options
        self.workers = max(1, workers)
        self._nlp_factory = nlp_factory
        self._fetch = fetcher
        self._after = after  # called with the story when a job has stored its articles, before it reports done
        self._queue: queue.Queue[tuple[str, str, list[Path], Path, list[str]] | None] = queue.Queue()
        self._live: dict[str, Live] = {}
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._active: Counter[str] = Counter()  # jobs queued or running, per story
        self.spool = Path(tempfile.mkdtemp(prefix="storyline-serve-"))

    def start(self) -> None:
        with api.open_store(self.db) as store:
            store.desk.interrupt_jobs(INTERRUPTED)
        for i in range(self.workers):
            t = threading.Thread(target=self._work, name=f"storyline-job-{i}", daemon=True)
            t.start()
            self._threads.append(t)

    def stop(self) -> None:
        for live in list(self._live.values()):
            live.cancel.set()
        for _ in self._threads:
            self._queue.put(None)
        for t in self._threads:
            t.join(timeout=30)
        self._threads.clear()
        shutil.rmtree(self.spool, ignore_errors=True)

    # -- submitting ---------------------------------------------------------------------------

    def folder(self) -> tuple[str, Path]:
        """A new job id and an empty folder for its inputs."""
        job_id = secrets.token_hex(8)
        folder = self.spool / job_id
        folder.mkdir()
        return job_id, folder

    def submit(self, store: Any, job_id: str, story: str, account: str | None, label: str, folder: Path,
               urls: list[str] | None = None) -> Job:  # fmt: skip
        """Queue the files in ``folder`` (from :meth:`folder`), and the pages or feeds at ``urls``
        (fetched by the worker, :mod:`storyline.ingest.fetch`), for analysis into ``story``."""
        inputs = sorted(p for p in folder.iterdir() if p.is_file())
        job = store.desk.add_job(job_id, story, account, label, total=0)
        with self._lock:
            self._live[job_id] = Live(message="waiting for a worker")
            self._active[story] += 1
        self._queue.put((job_id, story, inputs, folder, list(urls or ())))
        return job

    def cancel(self, store: Any, job_id: str) -> bool:
        """Ask a queued or running job to stop; False when it has ended or is unknown."""
        live = self._live.get(job_id)
        if live is None or live.state not in OPEN:
            return False
        live.cancel.set()
        if live.state == "queued":
            self._update(store, job_id, live, state="cancelled", message="cancelled before it started")
        return True

    def live(self, job_id: str) -> Live | None:
        return self._live.get(job_id)

    def busy(self, story: str) -> bool:
        """Whether a job of the story is queued or running (its last one rebuilds the pages)."""
        return self._active[story] > 0

    # -- running ------------------------------------------------------------------------------

    def _update(self, store: Any, job_id: str, live: Live, summary: dict[str, Any] | None = None, **values: Any) -> None:
        """Change the job's live state; its state, counts, message (and a final ``summary``) are
        also stored, in one write."""
        with self._lock:
            for k, v in values.items():
                setattr(live, k, v)
            live.version += 1
            live.events.append(live.as_dict())
            del live.events[:-KEEP]
        stored = {k: v for k, v in values.items() if k in ("state", "done", "total", "message")}
        if summary is not None:
            stored["summary"] = summary
        if stored:
            store.desk.update_job(job_id, **stored)

    def _work(self) -> None:
        analyzer: Analyzer = ThreadAnalyzer(self.options, self._nlp_factory) if self._nlp_factory else ProcessAnalyzer(self.db, self.options)
        with api.open_store(self.db) as store, analyzer:
            while (item := self._queue.get()) is not None:
                job_id, story, inputs, folder, urls = item
                live = self._live[job_id]
                try:
                    if live.cancel.is_set():
                        continue
                    self._run(store, job_id, story, inputs, urls, folder, live, analyzer)
                except Exception as exc:  # noqa: BLE001 - the worker outlives any job (a failed pipeline load, a lost database)
                    self._update(store, job_id, live, state="failed", message=f"{type(exc).__name__}: {exc}")
                finally:
                    shutil.rmtree(folder, ignore_errors=True)
                    with self._lock:
                        self._active[story] -= 1

    def _fetch_all(self, store: Any, job_id: str, urls: list[str], folder: Path, live: Live) -> tuple[list[Path], list[Rejection]]:
        """Fetch each URL into ``folder``: pages through a manifest that records their address,
        feeds and text as files; a refused URL becomes a rejection, the others go on."""
        inputs: list[Path] = []
        rejected: list[Rejection] = []
        pages: list[dict[str, str]] = []
        (folder / "pages").mkdir(exist_ok=True)
        for i, url in enumerate(urls, 1):
            if live.cancel.is_set():
                raise Cancelled
            self._update(store, job_id, live, state="running", message=f"fetching {i} of {len(urls)}", current=url)
            try:
                got = self._fetch(url)
            except FetchRefused as exc:
                rejected.append(Rejection(url, str(exc), type(exc).__name__))
                continue
            name = f"pages/fetched-{i}{got.suffix}"
            (folder / name).write_bytes(got.body)
            if got.suffix == ".html":
                pages.append({"path": name, "url": got.url})
            else:
                inputs.append(folder / name)
        if pages:
            manifest = folder / "fetched.jsonl"
            manifest.write_text("".join(json.dumps(p) + "\n" for p in pages), "utf-8")
            inputs.insert(0, manifest)
        return inputs, rejected

    def _run(self, store: Any, job_id: str, story: str, inputs: list[Path], urls: list[str], folder: Path, live: Live,
             analyzer: Analyzer) -> None:  # fmt: skip
        rejected: list[Rejection] = []
        if urls:
            try:
                fetched, rejected = self._fetch_all(store, job_id, urls, folder, live)
            except Cancelled:
                self._update(store, job_id, live, state="cancelled", message="cancelled while fetching; nothing was stored")
                return
            inputs = inputs + fetched
        self._update(store, job_id, live, state="running", message="reading the inputs")
        words = {"load": "loading the language model", "read": "reading articles",
                 "reconcile": "linking the story (facts, conflicts, echoes)"}  # fmt: skip

        def progress(stage: str, done: int, total: int, current: str) -> None:
            self._update(store, job_id, live, stage=stage, done=done if stage == "read" else live.done,
                         total=total if stage == "read" else live.total, current=current,
                         message=words.get(stage, stage))  # fmt: skip

        try:
            data = analyzer.run(store, [str(p) for p in inputs], story, folder, live.cancel, progress)
        except Cancelled:
            self._update(store, job_id, live, state="cancelled",
                         message=f"cancelled after {live.done} of {live.total} article(s); those stored are kept")
            return
        except Exception as exc:  # noqa: BLE001 - a job reports its failure, the worker goes on
            self._update(store, job_id, live, state="failed", message=f"{type(exc).__name__}: {exc}")
            return
        data["rejected"][:0] = [{"input": r.input, "reason": r.reason} for r in rejected]
        # A burst of additions rebuilds the pages once, after its last job: a rebuild reads the whole
        # story back, and the next job would make it stale at once.
        if self._after is not None and self._active[story] <= 1:
            self._update(store, job_id, live, message="updating the story's pages")
            try:
                self._after(story)
            except Exception as exc:  # noqa: BLE001 - the articles are stored: the job is done all the same
                self._update(store, job_id, live, message=f"stored, but the pages could not be updated ({type(exc).__name__}: {exc})")
        skipped = f"; {len(data['rejected'])} input(s) skipped" if data["rejected"] else ""
        self._update(store, job_id, live, data, state="done", done=live.total, current="",
                     message=f"read {data['articles']['new']} new article(s), {data['articles']['unchanged']} unchanged{skipped}")


Progress = Callable[[str, int, int, str], None]


class Analyzer:
    """Runs ``api.analyze`` for a job; returns the job's summary (:func:`_summary`)."""

    def __enter__(self) -> Analyzer:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def run(self, store: Any, inputs: list[str], story: str, folder: Path, cancel: threading.Event,
            progress: Progress) -> dict[str, Any]:  # fmt: skip
        raise NotImplementedError


class ThreadAnalyzer(Analyzer):
    """Analysis in the worker's own thread, with the pipeline ``nlp_factory`` makes (once)."""

    def __init__(self, options: AnalysisOptions, nlp_factory: Callable[[], Any]):
        self.options, self._factory, self._nlp = options, nlp_factory, None

    def run(self, store: Any, inputs: list[str], story: str, folder: Path, cancel: threading.Event,
            progress: Progress) -> dict[str, Any]:  # fmt: skip
        if self._nlp is None:
            progress("load", 0, 0, "")
            self._nlp = self._factory()
        report = _reporter(cancel.is_set, progress)
        return _summary(api.analyze(inputs, store, self.options, progress=report, nlp=self._nlp, story=story))


class ProcessAnalyzer(Analyzer):
    """Analysis in a child process of its own (started on first use, kept for the next jobs, started
    again if it dies): it opens the database itself and loads the pipeline once. Messages go both
    ways on a pipe; a cancel is a file ``CANCEL`` in the job's folder, checked at each progress event."""

    def __init__(self, db: str, options: AnalysisOptions):
        self.db, self.options = db, options
        self._process: Any = None
        self._conn: Any = None

    def _start(self) -> None:
        import multiprocessing

        context = multiprocessing.get_context("spawn")  # no copy of the server's threads and sockets
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_child, args=(child, self.db, self.options), daemon=True,
                                        name="storyline-analysis")  # fmt: skip
        self._process.start()
        child.close()

    def __exit__(self, *exc: object) -> None:
        if self._process is not None:
            try:
                self._conn.send(None)
            except OSError:
                pass
            self._process.join(10)
            if self._process.is_alive():
                self._process.kill()

    def run(self, store: Any, inputs: list[str], story: str, folder: Path, cancel: threading.Event,
            progress: Progress) -> dict[str, Any]:  # fmt: skip
        if self._process is None or not self._process.is_alive():
            self._start()
        self._conn.send((inputs, story, str(folder)))
        while True:
            while not self._conn.poll(0.2):
                if cancel.is_set():
                    (folder / "CANCEL").touch()
                if not self._process.is_alive():
                    self._process = None
                    raise RuntimeError("the analysis process ended unexpectedly (out of memory?); add the articles again")
            message = self._conn.recv()
            kind = message[0]
            if kind == "progress":
                progress(*message[1:])
            elif kind == "done":
                return message[1]
            elif kind == "cancelled":
                raise Cancelled
            else:
                raise RuntimeError(message[1])


def _child(conn: Any, db: str, options: AnalysisOptions) -> None:
    """The analysis process: one job at a time from the pipe, until None."""
    nlp = None
    with api.open_store(db) as store:
        while (job := conn.recv()) is not None:
            inputs, story, folder = job
            report = _reporter((Path(folder) / "CANCEL").exists, lambda *step: conn.send(("progress", *step)))
            try:
                if nlp is None:
                    conn.send(("progress", "load", 0, 0, ""))
                    nlp = _load(options)
                summary = api.analyze(inputs, store, options, progress=report, nlp=nlp, story=story)
                conn.send(("done", _summary(summary)))
            except Cancelled:
                conn.send(("cancelled",))
            except Exception as exc:  # noqa: BLE001 - reported to the job, the process goes on
                conn.send(("failed", f"{type(exc).__name__}: {exc}"))


def _reporter(cancelled: Callable[[], bool], progress: Progress) -> Callable[..., None]:
    """``api.analyze``'s progress callback for a job: raises Cancelled once ``cancelled()`` says so,
    else passes the step on as (stage, done, total, current input)."""

    def report(stage: str, done: int, total: int, event: api.ProgressEvent | None = None) -> None:
        if cancelled():
            raise Cancelled
        progress(stage, done, total, event.current if event else "")

    return report


def _load(options: AnalysisOptions) -> Any:
    """The pipeline the options name (model, packs, timex convention), as ``api.analyze`` loads it."""
    from storyline.read.pipeline import PipelineSpec

    return PipelineSpec.of(options).load()


def _summary(s: api.AnalysisSummary) -> dict[str, Any]:
    """What the job page lists: counts, and each skipped input with its reason (plain JSON values:
    it crosses the analysis process's pipe and goes into the ``jobs`` table)."""
    return {
        "articles": {"new": s.articles_new, "unchanged": s.articles_unchanged, "failed": s.articles_failed,
                     "total": s.articles_total},
        "rejected": [{"input": r.input, "reason": r.reason} for r in s.rejected],
        "notices": [{"input": n.input, "message": n.message} for n in s.notices],
        "facts_by_status": dict(sorted(s.facts_by_status.items())), "conflicts": s.conflicts, "echoes": s.echoes,
        "seconds": round(s.seconds, 2),
    }  # fmt: skip
