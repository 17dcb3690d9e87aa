"""The library API. The CLI (and any other shell) calls only these functions.

Typical use::

    from storyline import api
    with api.open_store("story.db") as store:
        summary = api.analyze(["articles/"], store)
        data = api.export(store, "json")
        html = api.render_report(store)
"""

from __future__ import annotations

import queue
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO

from storyline import __version__
from storyline.core.options import AnalysisOptions, ReconcileOptions
from storyline.core.records import ArticleReading, Story
from storyline.ingest import IngestResult, Notice, Rejection
from storyline.ingest import ingest as _ingest

__all__ = [
    "DEMO_PACKS",
    "AnalysisSummary",
    "ProgressCallback",
    "analyze",
    "demo_corpus",
    "export",
    "info",
    "ingest",
    "open_store",
    "read",
    "reconcile",
    "render_report",
]

# progress(stage, done, total): stage is "read" or "reconcile"; total may be 0 when unknown.
ProgressCallback = Callable[[str, int, int], None]


def open_store(url_or_path: str | Path = "storyline.db"):
    """Open (creating and migrating when needed) the store at a SQLite path or database URL."""
    from storyline.store import open_store as _open

    return _open(url_or_path)


def ingest(inputs: Iterable[str | Path], options: AnalysisOptions | None = None, *, stdin: BinaryIO | None = None) -> IngestResult:
    """Read inputs into Article records; bad inputs become Rejections, never exceptions."""
    return _ingest(inputs, options, stdin=stdin)


def read(articles, options: AnalysisOptions | None = None, *, nlp=None):
    """Yield ``(article, ArticleReading | Exception)`` for each article (see storyline.read.reader)."""
    from storyline.read.pipeline import load_pipeline
    from storyline.read.reader import read_articles

    options = options or AnalysisOptions()
    nlp = nlp or load_pipeline(options.model or None, options.packs)
    return read_articles(nlp, articles, options.batch_size)


def reconcile(readings: Sequence[ArticleReading], options: ReconcileOptions | None = None) -> Story:
    """Link the articles' readings into one story: cast, facts, conflicts, echoes, timeline."""
    from storyline.reconcile import reconcile as _reconcile

    return _reconcile(readings, options or ReconcileOptions())


@dataclass
class AnalysisSummary:
    """What one ``analyze`` run did (the CLI prints it as one paragraph)."""

    inputs: int = 0
    articles_new: int = 0
    articles_unchanged: int = 0
    articles_total: int = 0
    entities: int = 0
    claims: int = 0
    facts_by_status: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    echoes: int = 0
    undated: list[str] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    seconds: float = 0.0

    def paragraph(self) -> str:
        """One readable paragraph: articles, entities, claims, facts by status, what was skipped."""
        facts = sum(self.facts_by_status.values())
        by_status = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in sorted(self.facts_by_status.items()) if n)
        parts = [
            f"Read {self.articles_new} new article(s)"
            + (f" ({self.articles_unchanged} already stored, unchanged)" if self.articles_unchanged else "")
            + f"; the story now holds {self.articles_total} article(s), {self.entities} people and organisations, "
            f"{self.claims} claims and {facts} facts" + (f" ({by_status})" if by_status else "") + "."
        ]
        if self.conflicts or self.echoes:
            parts.append(f"{self.conflicts} conflict(s) found; {self.echoes} claim(s) only re-report another outlet.")
        if self.undated:
            parts.append(f"{len(self.undated)} article(s) had no usable publication date, so their relative dates are unresolved: {', '.join(self.undated)}.")
        if self.rejected:
            parts.append(f"Skipped {len(self.rejected)} input(s): " + "; ".join(r.reason for r in self.rejected))
        else:
            parts.append("No input was skipped.")
        parts.append(f"({self.seconds:.1f} s)")
        return " ".join(parts)


def analyze(
    inputs: Iterable[str | Path],
    store,
    options: AnalysisOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    stdin: BinaryIO | None = None,
    nlp=None,
) -> AnalysisSummary:
    """Ingest, read every new or changed article, store each in its own transaction, reconcile.

    Re-running on the same inputs reads nothing again (ids are content hashes); any new
    article re-reconciles the whole story. Articles are stored by one background thread while
    the next batch is parsed, so ``store.put_reading`` runs on that thread (the store is not used
    by two threads at once); a storing error stops the storing and is raised here, with every
    article stored before it kept. ``progress("read", ...)`` counts articles read and queued.
    """
    started = time.perf_counter()
    options = options or AnalysisOptions()
    summary = AnalysisSummary()
    inputs = list(inputs)
    summary.inputs = len(inputs)
    batch = ingest(inputs, options, stdin=stdin)
    summary.rejected.extend(batch.rejected)
    summary.notices.extend(batch.notices)

    stored = store.article_hashes()
    todo, seen = [], set()
    for article in batch.articles:
        if article.id in seen:
            summary.rejected.append(
                Rejection(article.origin, f"{article.origin}: duplicate article id '{article.id}' in this batch; the first one was kept. Fix: give each article its own id", "DuplicateId")
            )
            continue
        seen.add(article.id)
        if stored.get(article.id) == article.content_hash:
            summary.articles_unchanged += 1
        else:
            todo.append(article)

    fresh: list[ArticleReading] = []
    if todo:
        # One parser batch of look-ahead: the batch's readings come out together after it is
        # parsed, so a shorter queue makes this thread wait for the store (measured: 4 gains
        # nothing at 200k words, one batch saves ~1.2 s). A crash loses at most the article
        # being written, the batch queued behind it and the batch being parsed, never a
        # committed article; the next run reads them again (ids are content hashes).
        writer = _Writer(store.put_reading, depth=options.batch_size)
        try:
            for done, (article, reading) in enumerate(read(todo, options, nlp=nlp), start=1):
                if isinstance(reading, Exception):
                    summary.rejected.append(
                        Rejection(article.origin, f"{article.origin}: internal error while reading ({type(reading).__name__}: {reading}). Fix: please report it with this article", type(reading).__name__)
                    )
                else:
                    writer.put(reading)
                    fresh.append(reading)
                    summary.articles_new += 1
                if progress:
                    progress("read", done, len(todo))
        except BaseException:
            writer.close(raise_error=False)  # the error in hand is the one to report
            raise
        writer.close()

    # On a first run everything stored is in memory already: skip reading it all back.
    readings = fresh if not stored else store.readings()
    if summary.articles_new or not store.story().facts:
        if progress:
            progress("reconcile", 0, 1)
        story = reconcile(readings, options.reconcile)
        store.replace_story(story)
        if progress:
            progress("reconcile", 1, 1)
    story = store.story()
    summary.articles_total = len(readings)
    summary.undated = [r.article.id for r in readings if not r.article.published]
    summary.entities = sum(1 for e in story.entities if e.type in ("PERSON", "ORG", "GROUP"))
    summary.claims = sum(len(r.claims) for r in readings)
    summary.facts_by_status = dict(Counter(f.status for f in story.facts))
    summary.conflicts = len(story.conflicts)
    summary.echoes = len(story.echoes)
    summary.seconds = time.perf_counter() - started
    return summary


class _Writer:
    """Stores readings on one background thread while the next batch is parsed.

    Each reading is still stored by its own ``put_reading`` call, i.e. its own transaction. The
    store is only touched by this thread until :meth:`close` has joined it. The first storing
    error stops the writing (later readings are not stored, as if ``analyze`` had stopped there)
    and is re-raised in the calling thread by the next :meth:`put` or by :meth:`close`.
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


def export(store, fmt: str = "json") -> Any:
    """The stored story in ``fmt``: "json" (dict, contract storyline/1), "jsonl" or "csv" (str),
    "timelinejs" (dict)."""
    from storyline.present import export as _export

    return _export.export(store.readings(), store.story(), fmt)


def render_report(store, *, title: str | None = None, pipeline: str | None = None) -> str:
    """The self-contained HTML dossier of the stored story."""
    from datetime import datetime, timezone

    from storyline.present.report import render_report as _render

    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    footer = f"storyline {__version__}" + (f" · {pipeline}" if pipeline else "") + f" · generated {stamp}"
    return _render(store.readings(), store.story(), title=title, footer=footer)


#: Domain packs the demo corpus is read with: it is a celebrity story (storyline/data/packs).
DEMO_PACKS = ("celebrity",)


def demo_corpus() -> Path:
    """Path of the bundled demo corpus (a fictional story; see its README; read it with
    :data:`DEMO_PACKS`)."""
    return Path(str(resources.files("storyline").joinpath("demo")))


def info(store_url: str | None = None, model: str | None = None) -> dict[str, str]:
    """Versions, the spaCy pipeline in use and the database in use."""
    import platform

    import spacy
    import sqlalchemy

    out = {
        "storyline": __version__,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "sqlalchemy": sqlalchemy.__version__,
    }
    try:
        from storyline.read.pipeline import load_pipeline, pipeline_name

        nlp = load_pipeline(model or None)
        out["pipeline"] = pipeline_name(nlp)
        out["components"] = ", ".join(nlp.pipe_names)
    except Exception as exc:  # noqa: BLE001 - info must report, not crash
        out["pipeline"] = f"unavailable: {exc}"
    if store_url is not None:
        try:
            with open_store(store_url) as store:
                out["database"] = f"{store.dialect} {store.url}"
                out["schema_version"] = str(store.schema_version())
                out["rows"] = ", ".join(f"{k}={v}" for k, v in store.counts().items())
        except Exception as exc:  # noqa: BLE001
            out["database"] = f"unavailable: {exc}"
    return out
