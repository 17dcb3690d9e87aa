"""The library API. The CLI (and any other shell) calls only these functions.

Typical use::

    from storyline import api
    with api.open_store("story.db") as store:
        summary = api.analyze(["articles/"], store)
        data = api.export(store, "json")
        html = api.render_report(store)

Anything with the methods of :class:`Store` can stand in for the database (a test double, say),
and ``analyze``/``read`` take the spaCy pipeline to use as ``nlp`` (else ``options.model`` names
it, a package name or a pipeline directory).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol, runtime_checkable

from storyline import __version__
from storyline.core.errors import ConfigError, StoreError
from storyline.core.options import AnalysisOptions, ReconcileOptions
from storyline.core.records import Article, ArticleReading, Coverage, Story
from storyline.ingest import IngestResult, Notice, Rejection
from storyline.ingest import ingest as _ingest

if TYPE_CHECKING:
    from spacy.language import Language

    import storyline.store

__all__ = [
    "AnalysisSummary",
    "ProgressCallback",
    "Store",
    "analyze",
    "database_info",
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


@runtime_checkable
class Store(Protocol):
    """What the API needs from a store; :func:`open_store` returns the SQL one.

    ``analyze`` calls ``put_reading`` from its writer thread (never from two threads at once).
    """

    def article_hashes(self) -> dict[str, str]:
        """Article id -> content hash, for every stored article."""
        ...

    def put_reading(self, reading: ArticleReading) -> object:
        """Store one article's reading in one transaction, replacing that article's earlier one."""
        ...

    def readings(self) -> Sequence[ArticleReading]:
        """Every stored reading, ordered by (published, id), undated articles last."""
        ...

    def replace_story(self, story: Story) -> object:
        """Replace the reconciled story in one transaction.

        May refuse (write nothing and return False) a story whose ``coverage`` is not that of the
        articles stored at that moment: another writer stored articles meanwhile, and the caller
        reads them and reconciles again. Any other return value (None too) means written."""
        ...

    def story(self) -> Story:
        """The stored story (empty when nothing was reconciled yet)."""
        ...


def open_store(url_or_path: str | Path = "storyline.db", *, create: bool = True) -> storyline.store.Store:
    """Open (creating and migrating when needed) the store at a SQLite path or database URL.

    ``create=False`` is for reading: the database must exist and hold storyline's tables, else a
    StoreError names it and says how to make one; nothing is created."""
    from storyline.store import open_store as _open

    return _open(url_or_path, create=create)


def ingest(inputs: Iterable[str | Path], options: AnalysisOptions | None = None, *, stdin: BinaryIO | None = None) -> IngestResult:
    """Read inputs into Article records; bad inputs become Rejections, never exceptions."""
    return _ingest(inputs, options, stdin=stdin)


def read(
    articles: Iterable[Article], options: AnalysisOptions | None = None, *, nlp: Language | None = None
) -> Iterator[tuple[Article, ArticleReading | Exception]]:
    """Yield ``(article, ArticleReading | Exception)`` for each article (see storyline.read.reader)."""
    from storyline.read.pipeline import load_pipeline
    from storyline.read.reader import read_articles

    options = options or AnalysisOptions()
    nlp = nlp or load_pipeline(options.model or None)
    return read_articles(nlp, articles, options.batch_size)


def reconcile(readings: Sequence[ArticleReading], options: ReconcileOptions | None = None) -> Story:
    """Link the articles' readings into one story: cast, facts, conflicts, echoes, timeline; the
    story's ``coverage`` names the readings it was built from."""
    from storyline.reconcile import reconcile as _reconcile

    story = _reconcile(readings, options or ReconcileOptions())
    return replace(story, coverage=_coverage(readings))


def _coverage(readings: Sequence[ArticleReading]) -> Coverage:
    return Coverage.of({r.article.id: r.article.content_hash for r in readings})


@dataclass
class AnalysisSummary:
    """What one ``analyze`` run did: counts of the stored story, and what was skipped or noted.

    Data only; the CLI words it (``storyline.cli.summary_paragraph``).
    """

    inputs: int = 0
    articles_new: int = 0
    articles_unchanged: int = 0
    articles_total: int = 0
    entities: int = 0
    """People, organisations and groups of the story."""
    claims: int = 0
    facts_by_status: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    echoes: int = 0
    undated: list[str] = field(default_factory=list)
    """Ids of the stored articles without a publication date."""
    rejected: list[Rejection] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    seconds: float = 0.0


def analyze(
    inputs: Iterable[str | Path],
    store: Store,
    options: AnalysisOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    stdin: BinaryIO | None = None,
    nlp: Language | None = None,
) -> AnalysisSummary:
    """Ingest, read every new or changed article, store each in its own transaction, reconcile.

    Re-running on the same inputs reads nothing again (ids are content hashes); any new
    article re-reconciles the whole story, and so does a stored story that does not cover every
    stored article (a run stopped between storing and saving the story, another run storing at
    the same time: see :func:`_current`). Articles are stored by one background thread while
    the next batch is parsed (:mod:`storyline.store.writer`), so ``store.put_reading`` runs on
    that thread; a storing error stops the storing and is raised here, with every article stored
    before it kept. ``progress("read", ...)`` counts articles read and queued.
    """
    started = time.perf_counter()
    options = options or AnalysisOptions()
    inputs = list(inputs)
    batch = ingest(inputs, options, stdin=stdin)
    summary = AnalysisSummary(inputs=len(inputs), rejected=list(batch.rejected), notices=list(batch.notices))

    stored = store.article_hashes()
    todo = [a for a in batch.articles if stored.get(a.id) != a.content_hash]
    summary.articles_unchanged = len(batch.articles) - len(todo)
    fresh = _read_and_store(todo, store, options, nlp, summary.rejected, progress)
    summary.articles_new = len(fresh)

    # On a first run everything stored is in memory already: skip reading it all back (unless
    # another run stored articles meanwhile: then the story is refused and all are read).
    readings, story = _current(store, options.reconcile, progress, readings=fresh if not stored else None, attempts=_ATTEMPTS)
    _count(summary, readings, story)
    summary.seconds = time.perf_counter() - started
    return summary


# How many times analyze reconciles when other runs keep storing articles meanwhile. Each refused
# story means another run stored articles after this one read them; that run reconciles after its
# own last article, so giving up after a few tries still ends with a current story.
_ATTEMPTS = 4


def _current(
    store: Store,
    options: ReconcileOptions | None,
    progress: ProgressCallback | None = None,
    *,
    readings: Sequence[ArticleReading] | None = None,
    attempts: int = 1,
    must_save: bool = True,
) -> tuple[Sequence[ArticleReading], Story]:
    """Every stored reading and a story covering exactly them: the stored story when its coverage
    is that of the stored articles, else a new reconcile, which is saved.

    ``readings`` (when the caller has them all in memory) saves reading them back. When the store
    refuses the story because another writer stored articles meanwhile, it reads them all and
    reconciles again, up to ``attempts`` times; the last story is returned either way (it is
    consistent with the returned readings). With ``must_save=False`` (export, report) a store that
    cannot be written (read-only file, permissions) is not an error: the story is still returned.
    """
    story: Story | None = None
    for _ in range(max(1, attempts)):
        if readings is None:
            readings = store.readings()
        stored = store.story()
        if stored.coverage is not None and stored.coverage == _coverage(readings):
            return readings, stored
        if progress:
            progress("reconcile", 0, 1)
        story = reconcile(readings, options)
        if progress:
            progress("reconcile", 1, 1)
        try:
            saved = store.replace_story(story) is not False
        except StoreError:
            if must_save:
                raise
            saved = True
        if saved:
            return readings, story
        last, readings = readings, None  # another run stored articles: read them all, again
    assert story is not None
    return last, story


def _read_and_store(
    todo: list[Article], store: Store, options: AnalysisOptions, nlp: Language | None,
    rejected: list[Rejection], progress: ProgressCallback | None,
) -> list[ArticleReading]:
    """Read ``todo`` and queue each reading for storing; a reading error becomes a Rejection."""
    from storyline.store.writer import ReadingWriter

    fresh: list[ArticleReading] = []
    if not todo:
        return fresh
    with ReadingWriter(store.put_reading, depth=options.batch_size) as writer:
        for done, (article, reading) in enumerate(read(todo, options, nlp=nlp), start=1):
            if isinstance(reading, Exception):
                rejected.append(
                    Rejection(article.origin, f"{article.origin}: internal error while reading ({type(reading).__name__}: {reading}). Fix: please report it with this article", type(reading).__name__)
                )
            else:
                writer.put(reading)
                fresh.append(reading)
            if progress:
                progress("read", done, len(todo))
    return fresh


def _count(summary: AnalysisSummary, readings: Sequence[ArticleReading], story: Story) -> None:
    summary.articles_total = len(readings)
    summary.undated = [r.article.id for r in readings if not r.article.published]
    summary.entities = sum(1 for e in story.entities if e.type in ("PERSON", "ORG", "GROUP"))
    summary.claims = sum(len(r.claims) for r in readings)
    summary.facts_by_status = dict(Counter(f.status for f in story.facts))
    summary.conflicts = len(story.conflicts)
    summary.echoes = len(story.echoes)


def export(store: Store, fmt: str = "json", *, options: ReconcileOptions | None = None, progress: ProgressCallback | None = None) -> Any:
    """The stored story in ``fmt``: "json" (dict, contract storyline/1), "jsonl" or "csv" (str),
    "timelinejs" (dict).

    A stored story that does not cover every stored article (an ``analyze`` was stopped before
    saving it, or ran alongside another) is reconciled first, with ``options`` (default: the
    defaults), and saved; ``progress("reconcile", ...)`` is called only then."""
    from storyline.present import export as _export

    if fmt not in _export.FORMATS:
        raise ConfigError(f"unknown export format '{fmt}'", fix=f"use one of: {', '.join(_export.FORMATS)}")
    readings, story = _current(store, options, progress, must_save=False)
    return _export.export(readings, story, fmt)


def render_report(
    store: Store,
    *,
    title: str | None = None,
    pipeline: str | None = None,
    options: ReconcileOptions | None = None,
    progress: ProgressCallback | None = None,
) -> str:
    """The self-contained HTML dossier of the stored story (reconciled first when out of date,
    as in :func:`export`)."""
    from datetime import datetime, timezone

    from storyline.present.report import render_report as _render

    readings, story = _current(store, options, progress, must_save=False)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    footer = f"storyline {__version__}" + (f" · {pipeline}" if pipeline else "") + f" · generated {stamp}"
    return _render(readings, story, title=title, footer=footer)


def demo_corpus() -> Path:
    """Path of the bundled demo corpus (a fictional story; see its README)."""
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
            out.update(database_info(store_url))
        except Exception as exc:  # noqa: BLE001
            out["database"] = f"unavailable: {exc}"
    return out


def database_info(store_url: str | Path) -> dict[str, str]:
    """The database in use, its schema version and rows per table; a StoreError when there is
    no storyline database there (nothing is created)."""
    with open_store(store_url, create=False) as store:
        return {
            "database": f"{store.dialect} {store.url}",
            "schema_version": str(store.schema_version()),
            "rows": ", ".join(f"{k}={v}" for k, v in store.counts().items()),
        }
