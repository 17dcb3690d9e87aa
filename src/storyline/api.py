"""The library API. The CLI (and any other shell) calls only these functions.

Typical use::

    from storyline import api
    with api.open_store("story.db") as store:
        summary = api.analyze(["articles/"], store)
        data = api.export(store, "json")
        html = api.render_report(store)

One database holds many stories: ``analyze``, ``export``, ``render_report``, ``review`` take
``story=NAME`` (None: the database's one story; a StoreError naming them when it holds several)::

        api.analyze(["quake/"], store, story="Qeshm quake")
        api.review(store, "Qeshm quake", fact_id, "verified", "two officials on the record", "ana")

Anything with the methods of :class:`Store` can stand in for the database (a test double, say),
and ``analyze``/``read`` take the spaCy pipeline to use as ``nlp`` (else ``options.model`` names
it, a package name or a pipeline directory).
"""

from __future__ import annotations

import inspect
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol, runtime_checkable

from storyline import __version__
from storyline.core.errors import ConfigError, StoreError
from storyline.core.heap import long_lived, paused
from storyline.core.options import AnalysisOptions, GroupingOptions, ReconcileOptions
from storyline.core.records import (
    Article,
    ArticleReading,
    Coverage,
    Review,
    Story,
    StoryInfo,
)
from storyline.group import StoryGroup
from storyline.ingest import IngestResult, Notice, Rejection
from storyline.ingest import ingest as _ingest

if TYPE_CHECKING:
    from spacy.language import Language

    import storyline.store
    from storyline.core.reviews import Attached
    from storyline.reconcile.incremental import ReconcileCache
    from storyline.present.browse import StoryView

__all__ = [
    "DEMO_PACKS",
    "DEMO_STORIES",
    "DemoStory",
    "GroupingOptions",
    "StoryGroup",
    "AnalysisSummary",
    "ProgressCallback",
    "ProgressEvent",
    "Store",
    "analyze",
    "attach_reviews",
    "browse",
    "database_info",
    "demo_corpus",
    "demo_story",
    "export",
    "forget_reconciles",
    "frames",
    "group_stories",
    "info",
    "ingest",
    "manage_story",
    "open_store",
    "read",
    "reconcile",
    "reconcile_story",
    "render_report",
    "review",
    "reviews",
    "stories",
    "story_version",
]

ProgressCallback = Callable[[str, int, int], None]
"""``progress(stage, done, total)``: stage is "read" or "reconcile"; total may be 0 when unknown.

A callback that also takes an ``event`` keyword (or ``**kwargs``) gets a :class:`ProgressEvent`
with the current input, the words and the timing as well: ``progress(stage, done, total,
event=...)``. "read" is reported once when reading starts (``done == 0``) and then once per
article stored (or failed), from the storing thread; "reconcile" as 0 of 1 when it starts and 1 of
1 when it ends. Calls never overlap, and come in order.
"""


@dataclass(frozen=True)
class ProgressEvent:
    """One step of an ``analyze`` run, for a progress display (see :data:`ProgressCallback`)."""

    stage: str
    """"read" (articles parsed and stored) or "reconcile" (the story linked)."""
    done: int
    """Articles stored or failed so far (reconcile: 0 at its start, 1 at its end)."""
    total: int
    """Articles to read this run (reconcile: 1)."""
    current: str = ""
    """Origin of the article just handled ("feed.xml:17", "a.txt", "-:3"); "" at a stage's start."""
    words: int = 0
    """Words in the articles handled so far (whitespace-separated)."""
    words_total: int = 0
    """Words in all the articles to read."""
    elapsed: float = 0.0
    """Seconds since the stage started (reading starts once the spaCy pipeline is loaded)."""

    @property
    def finished(self) -> bool:
        """True on the stage's last event."""
        return self.total > 0 and self.done >= self.total

    @property
    def rate(self) -> float | None:
        """Articles a second so far (None before the first one)."""
        return self.done / self.elapsed if self.done and self.elapsed > 0 else None

    @property
    def words_rate(self) -> float | None:
        """Words a second so far (None before the first article)."""
        return self.words / self.elapsed if self.words and self.elapsed > 0 else None

    @property
    def eta(self) -> float | None:
        """Seconds left at the rate so far (by words when known, else by articles); None when unknown."""
        if self.finished:
            return 0.0
        if self.words_rate and self.words_total:
            return max(0.0, (self.words_total - self.words) / self.words_rate)
        if self.rate and self.total:
            return max(0.0, (self.total - self.done) / self.rate)
        return None


def _takes_event(callback: Callable[..., Any]) -> bool:
    """Whether ``callback`` accepts the ``event`` keyword (by name or through ``**kwargs``)."""
    try:
        params = inspect.signature(callback).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(
        p.kind is inspect.Parameter.VAR_KEYWORD
        or (p.name == "event" and p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY))
        for p in params
    )


class _Reporter:
    """Sends progress events to a callback, one call at a time, from whichever thread counts.

    The storing thread reports each stored article, the reading loop each article that failed.
    """

    def __init__(self, callback: ProgressCallback | None, clock: Callable[[], float] = time.perf_counter):
        self._callback = callback
        self._event = callback is not None and _takes_event(callback)
        self._clock = clock
        self._lock = threading.Lock()
        self._stage = ""
        self._done = self._total = self._words = self._words_total = 0
        self._started = 0.0

    def start(self, stage: str, total: int, words_total: int = 0) -> None:
        with self._lock:
            self._stage, self._total, self._words_total = stage, total, words_total
            self._done = self._words = 0
            self._started = self._clock()
            self._send("")

    def advance(self, current: str = "", words: int = 0) -> None:
        with self._lock:
            self._done += 1
            self._words += words
            self._send(current)

    def _send(self, current: str) -> None:
        if self._callback is None:
            return
        if not self._event:
            self._callback(self._stage, self._done, self._total)
            return
        event = ProgressEvent(
            self._stage, self._done, self._total, current, self._words, self._words_total, self._clock() - self._started
        )
        self._callback(self._stage, self._done, self._total, event=event)  # type: ignore[call-arg]


def _words(text: str) -> int:
    return len(text.split())


@runtime_checkable
class Store(Protocol):
    """What the API needs from a store; :func:`open_store` returns the SQL one.

    One database holds many stories. ``story`` names one (by name or id); None means the
    database's one story, and a store holding several refuses it (a StoreError naming them). The
    article calls also take ``"*"`` (``storyline.store.ALL``): every stored article, whatever its
    story. Readings are stored once per article (ids are content hashes) and a story holds
    articles by membership, so an article read for one story joins another without a new reading.

    ``analyze`` calls ``put_reading`` from its writer thread (never from two threads at once). A
    store may also offer ``stale_articles() -> frozenset[str]``, the ids of stored articles to
    read again though unchanged (read by an older storyline); ``put_reading`` then stores such an
    article even with the same content hash and drops it from that set.
    """

    def article_hashes(self, story: str | None = None) -> dict[str, str]:
        """Article id -> content hash, for every article of the story ("*": every stored article)."""
        ...

    def put_reading(self, reading: ArticleReading, story: str | None = None) -> object:
        """Store one article's reading in one transaction, replacing that article's earlier one,
        and make the article a member of the story (created when named and missing)."""
        ...

    def add_articles(self, story: str | None, article_ids: Iterable[str]) -> object:
        """Make stored articles members of the story (created when named and missing)."""
        ...

    def ensure_story(self, name: str) -> StoryInfo:
        """The story named ``name``, created when missing."""
        ...

    def readings(self, story: str | None = None) -> Sequence[ArticleReading]:
        """The readings of the story's articles, ordered by (published, id), undated articles last."""
        ...

    def replace_story(self, reconciled: Story, story: str | None = None) -> object:
        """Replace the story's reconciled account in one transaction.

        May refuse (write nothing and return False) an account whose ``coverage`` is not that of
        the story's articles stored at that moment: another writer stored articles meanwhile, and
        the caller reads them and reconciles again. Any other return value (None too) means written."""
        ...

    def story(self, story: str | None = None) -> Story:
        """The story's stored account (empty when nothing was reconciled yet)."""
        ...

    def get_story(self, story: str | None = None) -> StoryInfo:
        """The story ``story`` names (None: the one story)."""
        ...

    def reviews(self, story: str | None = None) -> Sequence[Review]:
        """Every review decision on the story's facts, oldest first."""
        ...

    def put_review(self, review: Review) -> object:
        """Store one review decision (``review.story`` is the story's id); earlier ones are kept."""
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
    """Yield ``(article, ArticleReading | Exception)`` for each article, in order (see
    storyline.read.reader).

    Large inputs are read on every core (``options.workers``; see storyline.read.parallel),
    each worker process loading the pipeline named by ``options``; a pipeline object given as
    ``nlp`` cannot be sent to other processes, so it reads in this one. With ``options.engine ==
    "ray"`` Ray actors read them (storyline.read.ray_reader), ``nlp`` only reading what a lost
    actor left."""
    from storyline.read.parallel import LocalReader, plan_workers, read_in_processes
    from storyline.read.pipeline import PipelineSpec
    from storyline.read.reader import read_articles

    options = options or AnalysisOptions()
    pipeline = PipelineSpec.of(options)
    local = LocalReader(nlp, pipeline)
    articles = list(articles)
    if options.engine == "ray" and articles:
        from storyline.read.ray_reader import read_on_ray

        return read_on_ray(articles, address=options.ray_address, actors=options.workers, pipeline=pipeline,
                           batch_size=options.batch_size, local=local)
    workers = 1 if nlp is not None else plan_workers(options.workers, sum(_words(a.text) for a in articles))
    if workers > 1:
        return read_in_processes(articles, workers=workers, pipeline=pipeline, batch_size=options.batch_size, local=local)
    return read_articles(local(), articles, options.batch_size)


def reconcile(readings: Sequence[ArticleReading], options: ReconcileOptions | None = None, *,
              cache: ReconcileCache | None = None) -> Story:
    """Link the articles' readings into one story: cast, facts, conflicts, echoes, timeline; the
    story's ``coverage`` names the readings it was built from.

    ``cache`` (a :class:`storyline.reconcile.ReconcileCache` kept for one story between calls)
    makes a reconcile after a few articles were added redo only what they touch; the story is
    the same as without it."""
    from storyline.reconcile import reconcile as _reconcile

    # Reconcile leaves no cyclic garbage (the collector's passes over the 426-article benchmark
    # story and the 772 ECB+ readings found none): the passes its allocations trigger only walk
    # what it builds, about a tenth of its CPU. Paused, what it drops is freed by reference counts.
    with paused():
        story = _reconcile(readings, options or ReconcileOptions(), cache=cache)
    return replace(story, coverage=_coverage(readings))


# The reconcile caches of the stories this process reconciled last (storyline.reconcile.incremental):
# adding articles to a story then re-reconciles only what they touch. A cache holds about what the
# story's last reconcile held in memory; a few stories are kept, the least recently reconciled dropped.
_CACHED_STORIES = 4
_caches: dict[tuple[str, str | None], ReconcileCache] = {}
_caches_lock = threading.Lock()


def _cache_for(store: Store, story: str | None) -> ReconcileCache:
    from storyline.reconcile import ReconcileCache

    key = (str(getattr(store, "url", id(store))), story)
    with _caches_lock:
        cache = _caches.pop(key, None) or ReconcileCache()
        _caches[key] = cache  # the most recent last
        while len(_caches) > _CACHED_STORIES:
            del _caches[next(iter(_caches))]
        return cache


def forget_reconciles() -> None:
    """Drop every story's reconcile cache (their memory); the next reconciles compute everything."""
    with _caches_lock:
        _caches.clear()


def group_stories(
    items: Sequence[Article | ArticleReading],
    options: GroupingOptions | None = None,
    *,
    existing: Mapping[str, Sequence[Article | ArticleReading]] | None = None,
    taken: Iterable[str] = (),
) -> list[StoryGroup]:
    """Which articles tell the same story: each joins the most similar story (of ``existing``, a
    story name -> its articles, or one started earlier) within the time window, or starts a new one.

    Articles are assigned by publication date (undated last), ties by id, so the stories depend
    on the set of articles, not on the order given. Readings may stand for articles: their entity
    names then replace the capitalised-word names. See :mod:`storyline.group`.
    """
    from storyline.group import group_articles

    return group_articles(items, options, existing=existing, taken=taken)


def _stale_articles(store: Store) -> frozenset[str]:
    """Stored articles to read again though their text is unchanged (``stale_articles``, which a
    store may offer: the SQL store lists those read before its layout's last upgrade)."""
    method = getattr(store, "stale_articles", None)
    return frozenset(method()) if method is not None else frozenset()


def _coverage(readings: Sequence[ArticleReading]) -> Coverage:
    return Coverage.of({r.article.id: r.article.content_hash for r in readings})


def _covers(account: Story, readings: Sequence[ArticleReading]) -> bool:
    """Whether a stored account was reconciled from exactly these readings (None: never reconciled)."""
    return account.coverage == _coverage(readings)


@dataclass
class AnalysisSummary:
    """What one ``analyze`` run did: counts of the stored story, and what was skipped or noted.

    Data only; the CLI words it (``storyline.cli.summary_paragraph``).
    """

    inputs: int = 0
    articles_new: int = 0
    articles_unchanged: int = 0
    articles_total: int = 0
    articles_failed: int = 0
    """New articles that could not be read (an internal error); each is also in ``rejected``."""
    entities: int = 0
    """People of the story (PERSON entities), counted as the dossier counts them (``storyline.present.counts``)."""
    claims: int = 0
    facts_by_status: dict[str, int] = field(default_factory=dict)
    conflicts: int = 0
    echoes: int = 0
    undated: list[str] = field(default_factory=list)
    """Ids of the stored articles without a publication date."""
    rejected: list[Rejection] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    seconds: float = 0.0
    """The whole run, in seconds."""
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds per stage: "ingest", "load" (the spaCy pipeline), "read" (parse and store),
    "reconcile"; a stage that did not run is 0.0."""
    reconciled: bool = False
    """Whether the story was reconciled this run (not when nothing changed)."""
    story: str = ""
    """The name of the story the articles went into ("" when they were grouped into stories)."""
    stories: dict[str, int] = field(default_factory=dict)
    """When grouped (``analyze(group=True)``): each story holding an article of this run -> the
    articles it gained (0 when they were all in it already); the counts above add up those stories."""


@long_lived()  # every reading of the run stays in memory until reconcile: see storyline.core.heap
def analyze(
    inputs: Iterable[str | Path],
    store: Store,
    options: AnalysisOptions | None = None,
    *,
    progress: ProgressCallback | None = None,
    stdin: BinaryIO | None = None,
    nlp: Language | None = None,
    story: str | None = None,
    group: bool = False,
) -> AnalysisSummary:
    """Ingest, read every new or changed article, store each in its own transaction, reconcile.

    With ``group=True`` (CLI ``--stories auto``) the inputs are a mixed pile: each article not yet
    in a story joins the most similar active story of the database or starts a new one
    (:func:`group_stories`, with ``options.grouping``), and every story holding an article of the
    run is brought up to date (reconciled when it changed); ``summary.stories`` names them, with
    how many articles each gained. ``story`` must then be None.

    The articles go into ``story`` (a name, created when missing; None: the database's one story,
    or ``main`` in a database holding none, and a StoreError naming the stories when it holds
    several), and only that story is reconciled. An article stored already, for this story or
    another, is not read again: it joins the story.

    Re-running on the same inputs reads nothing again (ids are content hashes); any new
    article re-reconciles the story, and so does a stored story that does not cover every
    stored article (a run stopped between storing and saving the story, another run storing at
    the same time: see :func:`_current`). A story this process reconciled recently is
    re-reconciled incrementally: only what the new articles touch is computed again
    (:mod:`storyline.reconcile.incremental`), with the same result. Articles are stored by one background thread while
    the next batch is parsed (:mod:`storyline.store.writer`), so ``store.put_reading`` runs on
    that thread; a storing error stops the storing and is raised here, with every article stored
    before it kept. ``progress("read", ...)`` counts articles stored (or failed), one call each,
    made from the storing thread; an error raised by ``progress`` stops the run like a storing
    error. See :data:`ProgressCallback` for the events.
    """
    started = time.perf_counter()
    options = options or AnalysisOptions()
    inputs = list(inputs)
    batch = ingest(inputs, options, stdin=stdin)
    summary = AnalysisSummary(inputs=len(inputs), rejected=list(batch.rejected), notices=list(batch.notices))
    summary.timings = dict.fromkeys(("ingest", "load", "read", "reconcile"), 0.0)
    summary.timings["ingest"] = time.perf_counter() - started
    reporter = _Reporter(progress)

    if group:
        if story is not None:
            raise ConfigError(f"a story name ({story!r}) and grouping into stories were both asked for",
                              fix="drop --story to let each article find its story (--stories auto), or drop --stories auto to put every article in that story")
        _analyze_grouped(batch.articles, store, options, nlp, summary, reporter)
        summary.seconds = time.perf_counter() - started
        return summary
    if story is not None:
        info = store.ensure_story(story)
        if info.archived:
            raise StoreError(f"story {info.name!r} is archived: no article is added to it",
                             fix=f"unarchive it first (`storyline stories --db DB --unarchive {info.name}`), or pick another story")
    members = store.article_hashes(story)  # refuses a missing name when the database holds several stories
    todo = _to_read(batch.articles, store, summary)
    reading_ids = {a.id for a in todo}
    # Stored already (for another story, or taken out of this one): they join without a new reading.
    joining = list(dict.fromkeys(a.id for a in batch.articles if a.id not in reading_ids and a.id not in members))
    if joining:
        store.add_articles(story, joining)
    fresh = _read_and_store(todo, store, options, nlp, summary, reporter, story)
    summary.articles_new = len(fresh)

    # On a first run everything stored is in memory already: skip reading it all back (unless
    # another run stored articles meanwhile: then the story is refused and all are read).
    begun = time.perf_counter()
    on_reconcile = _reconcile_progress(reporter, summary)
    # A story that held nothing before holds just what was read: no need to read it all back.
    first = fresh if not members and not joining else None
    readings, account = _current(store, options.reconcile, on_reconcile, story=story, readings=first, attempts=_ATTEMPTS)
    summary.timings["reconcile"] = time.perf_counter() - begun
    _note_stale(store, summary)
    _count(summary, readings, account)
    summary.story = story if story is not None else _story_name(store)
    summary.seconds = time.perf_counter() - started
    return summary


def _to_read(articles: list[Article], store: Store, summary: AnalysisSummary) -> list[Article]:
    """The articles to read: new, changed, or read by an older storyline (a store upgraded to a
    newer layout); the others are counted unchanged on ``summary``."""
    from storyline.store.stories import ALL

    stored = store.article_hashes(ALL)
    stale = _stale_articles(store)
    todo = [a for a in articles if stored.get(a.id) != a.content_hash or a.id in stale]
    summary.articles_unchanged = len(articles) - len(todo)
    return todo


def _note_stale(store: Store, summary: AnalysisSummary) -> None:
    if left := len(_stale_articles(store)):
        summary.notices.append(Notice("(database)", f"{left} stored article(s) were read by an older storyline and "
                                      "reconcile without what it now reads; give them to analyze again to read them anew"))


def _reconcile_progress(reporter: _Reporter, summary: AnalysisSummary) -> ProgressCallback:
    """The reconcile stage's progress: reported, and noted on the summary when a story was reconciled."""

    def on_reconcile(stage: str, done: int, total: int) -> None:
        if done == 0:
            reporter.start("reconcile", total)
        else:
            reporter.advance()
            summary.reconciled = True

    return on_reconcile


def _analyze_grouped(
    articles: list[Article], store: Store, options: AnalysisOptions, nlp: Language | None,
    summary: AnalysisSummary, reporter: _Reporter,
) -> None:
    """``analyze`` on a mixed pile: group, read and store each article into its story, reconcile
    each story that gained one (see :func:`analyze`)."""
    if not all(callable(getattr(store, name, None)) for name in ("stories", "articles", "article_stories")):
        raise ConfigError(f"grouping into stories needs a store that lists its stories and their articles; {type(store).__name__} does not",
                          fix="use the SQL store (api.open_store), or give every article one story (story=NAME, no group=True)")
    known = store.stories()
    # an article in several stories counts in the first by name
    member_of = {aid: names[0] for aid, names in store.article_stories().items() if names}
    loose = [a for a in articles if a.id not in member_of]
    existing = {info.name: store.articles(info.name) for info in known if not info.archived} if loose else {}
    groups = group_stories(loose, options.grouping, existing=existing, taken=[s.name for s in known]) if loose else []
    story_of = dict(member_of)
    gained: dict[str, int] = {}
    for g in groups:
        for article_id in g.articles:
            if article_id not in member_of:
                story_of[article_id] = g.name
                gained[g.name] = gained.get(g.name, 0) + 1
    for name in gained:
        store.ensure_story(name)

    todo = _to_read(articles, store, summary)
    reading_ids = {a.id for a in todo}
    joining: dict[str, list[str]] = {}
    for a in loose:
        if a.id not in reading_ids:  # stored, in no story: it joins its story without a new reading
            joining.setdefault(story_of[a.id], []).append(a.id)
    for name, ids in joining.items():
        store.add_articles(name, ids)
    fresh = _read_and_store(todo, store, options, nlp, summary, reporter, story_of)
    summary.articles_new = len(fresh)

    begun = time.perf_counter()
    touched = sorted({story_of[a.id] for a in articles})  # the stories of this run's articles, changed or not
    on_reconcile = _reconcile_progress(reporter, summary)

    if options.engine == "ray" and len(touched) > 1:
        current = _current_on_ray(store, options, touched, on_reconcile)
    else:
        current = [_current(store, options.reconcile, on_reconcile, story=name, attempts=_ATTEMPTS) for name in touched]
    every = [r for readings, _ in current for r in readings]
    accounts = [account for _, account in current]
    summary.timings["reconcile"] = time.perf_counter() - begun
    _note_stale(store, summary)
    summary.stories = {name: gained.get(name, 0) for name in touched}
    merged = Story(
        entities=tuple(e for a in accounts for e in a.entities), facts=tuple(f for a in accounts for f in a.facts),
        conflicts=tuple(c for a in accounts for c in a.conflicts), echoes=tuple(e for a in accounts for e in a.echoes),
    )
    _count(summary, every, merged)


def _current_on_ray(
    store: Store, options: AnalysisOptions, names: Sequence[str], progress: ProgressCallback,
) -> list[tuple[Sequence[ArticleReading], Story]]:
    """:func:`_current` for several stories, the ones out of date reconciled in parallel on Ray
    (storyline.reconcile.distributed); this process reads and saves. A story another run changed
    meanwhile is refused by the store and reconciled again here, as :func:`_current` does."""
    from storyline.reconcile.distributed import reconcile_on_ray

    out: dict[str, tuple[Sequence[ArticleReading], Story]] = {}
    todo: dict[str, list[ArticleReading]] = {}
    for name in names:
        readings, stored = store.readings(name), store.story(name)
        if _covers(stored, readings):
            out[name] = (readings, stored)
        else:
            todo[name] = readings
    if todo:
        progress("reconcile", 0, len(todo))
        for done, (name, story) in enumerate(reconcile_on_ray(todo, options.reconcile, options.ray_address).items(), 1):
            story = replace(story, coverage=_coverage(todo[name]))
            if store.replace_story(story, name) is False:
                out[name] = _current(store, options.reconcile, story=name, attempts=_ATTEMPTS)
            else:
                out[name] = (todo[name], story)
            progress("reconcile", done, len(todo))
    return [out[name] for name in names]


def _story_name(store: Store) -> str:
    """The name of the one story of ``store`` (after analyze stored into it), "" when it holds none."""
    try:
        return store.get_story().name
    except StoreError:
        return ""


# How many times analyze reconciles when other runs keep storing articles meanwhile. Each refused
# story means another run stored articles after this one read them; that run reconciles after its
# own last article, so giving up after a few tries still ends with a current story.
_ATTEMPTS = 4


@long_lived()  # the story's readings and its reconcile cache stay in memory: see storyline.core.heap
def _current(
    store: Store,
    options: ReconcileOptions | None,
    progress: ProgressCallback | None = None,
    *,
    story: str | None = None,
    readings: Sequence[ArticleReading] | None = None,
    attempts: int = 1,
    must_save: bool = True,
    known: Mapping[str, ArticleReading] | None = None,
) -> tuple[Sequence[ArticleReading], Story]:
    """Every reading of the story's articles and an account covering exactly them: the stored
    account when its coverage is that of the story's stored articles, else a new reconcile, which
    is saved.

    ``readings`` (when the caller has them all in memory) saves reading them back; ``known``
    (readings by article id the caller holds from before) saves reading back those unchanged. When the store
    refuses the story because another writer stored articles meanwhile, it reads them all and
    reconciles again, up to ``attempts`` times; the last story is returned either way (it is
    consistent with the returned readings). With ``must_save=False`` (export, report) a store that
    cannot be written (read-only file, permissions) is not an error: the story is still returned.
    """
    account: Story | None = None
    if known is None and readings is None:
        known = _cache_for(store, story).readings() or None  # the last reconcile's, this process
    for _ in range(max(1, attempts)):
        if readings is None:
            # ``known`` is the SQL store's; a store of another make (the Store protocol) reads all.
            lends = known and "known" in inspect.signature(store.readings).parameters
            readings = store.readings(story, known=known) if lends else store.readings(story)
        stored = store.story(story)
        if _covers(stored, readings):
            return readings, stored
        if progress:
            progress("reconcile", 0, 1)
        account = reconcile(readings, options, cache=_cache_for(store, story))
        if progress:
            progress("reconcile", 1, 1)
        try:
            saved = store.replace_story(account, story) is not False
        except StoreError:
            if must_save:
                raise
            saved = True
        if saved:
            return readings, account
        last, readings = readings, None  # another run stored articles: read them all, again
    assert account is not None
    return last, account


def _read_and_store(
    todo: list[Article], store: Store, options: AnalysisOptions, nlp: Language | None,
    summary: AnalysisSummary, reporter: _Reporter, story: str | None | Mapping[str, str],
) -> list[ArticleReading]:
    """Read ``todo`` and queue each reading for storing; a reading error becomes a Rejection.

    Progress counts an article when it is stored (on the storing thread) or has failed."""
    from storyline.store.writer import ReadingWriter

    fresh: list[ArticleReading] = []
    if not todo:
        return fresh
    begun = time.perf_counter()
    # Reconcile follows the reading: its tables load meanwhile, on a core the reading leaves idle
    # (the parent waits on its reading processes) or between batches.
    from storyline.reconcile import preload

    threading.Thread(target=preload, name="storyline-preload", daemon=True).start()
    readings = read(todo, options, nlp=nlp)  # loads the pipeline
    loaded = time.perf_counter()
    summary.timings["load"] = loaded - begun

    def put_reading(reading: ArticleReading) -> None:
        store.put_reading(reading, story.get(reading.article.id) if isinstance(story, Mapping) else story)
        reporter.advance(reading.article.origin, _words(reading.article.text))

    reporter.start("read", len(todo), sum(_words(a.text) for a in todo))
    with ReadingWriter(put_reading, depth=options.batch_size) as writer:
        for article, reading in readings:
            if isinstance(reading, Exception):
                summary.rejected.append(
                    Rejection(article.origin, f"{article.origin}: internal error while reading ({type(reading).__name__}: {reading}). Fix: please report it with this article", type(reading).__name__)
                )
                summary.articles_failed += 1
                reporter.advance(article.origin, _words(article.text))
            else:
                writer.put(reading)
                fresh.append(reading)
    summary.timings["read"] = time.perf_counter() - loaded
    return fresh


def _count(summary: AnalysisSummary, readings: Sequence[ArticleReading], story: Story) -> None:
    summary.articles_total = len(readings)
    summary.undated = [r.article.id for r in readings if not r.article.published]
    from storyline.present.counts import cast_counts

    summary.entities = cast_counts(readings, story).people  # the dossier counts the same people
    summary.claims = sum(len(r.claims) for r in readings)
    summary.facts_by_status = dict(Counter(f.status for f in story.facts))
    summary.conflicts = len(story.conflicts)
    summary.echoes = len(story.echoes)


def export(store: Store, fmt: str = "json", *, story: str | None = None, options: ReconcileOptions | None = None,
           progress: ProgressCallback | None = None) -> Any:
    """A stored story (``story``: its name; None: the database's one story) in ``fmt``: "json"
    (dict, contract storyline/1), "jsonl" or "csv" (str), "timelinejs" (dict).

    A stored story that does not cover every stored article (an ``analyze`` was stopped before
    saving it, or ran alongside another) is reconciled first, with ``options`` (default: the
    defaults), and saved; ``progress("reconcile", ...)`` is called only then."""
    from storyline.present import export as _export

    if fmt not in _export.FORMATS:
        raise ConfigError(f"unknown export format '{fmt}'", fix=f"use one of: {', '.join(_export.FORMATS)}")
    readings, account = _current(store, options, progress, story=story, must_save=False)
    return _export.export(readings, account, fmt, store.reviews(story))


def reconcile_story(store: Store, story: str | None = None, options: ReconcileOptions | None = None, *,
                    progress: ProgressCallback | None = None) -> Story:
    """A story's account, current: the stored one when it covers the story's stored articles,
    else reconciled from them and saved (retried when another writer stores articles meanwhile,
    as ``analyze`` does). For callers that store readings themselves (``put_reading(r, story)``,
    ``add_articles``) and reconcile each story they touched."""
    return _current(store, options, progress, story=story, attempts=_ATTEMPTS)[1]


def review(store: Store, story: str | None, fact_id: str, verdict: str, note: str, reviewer: str) -> Review:
    """Record a reviewer's verdict ("verified", "false" or "needs_work") on a fact of the story as
    it is now, with a note; returns the stored decision.

    The story is reconciled first when out of date (so ``fact_id`` is looked up among the facts a
    reader sees). The decision is anchored on the ids the fact rests on and follows them through
    later re-analysis (storyline.core.reviews); earlier decisions are kept as its history. A
    ConfigError for a fact the story does not hold (the story was re-analysed since it was shown:
    look the fact up again) or a bad verdict or reviewer."""
    from storyline.core.reviews import new_review
    from storyline.store.stories import now

    _, account = _current(store, None, story=story)
    fact = next((f for f in account.facts if f.id == fact_id), None)
    if fact is None:
        attached = attach_reviews(store, story)
        moved = next((fr.fact for fr in attached.by_fact.values() if any(r.fact == fact_id for r in fr.history)), None)
        hint = f"; a review given under that id is now on fact {moved}" if moved else ""
        raise ConfigError(f"the story holds no fact {fact_id!r}{hint}", input="fact",
                          fix="the story may have been analysed again since the fact was shown: look the fact up again "
                              "(storyline export, facts[].id)")
    decision = new_review(store.get_story(story).id, fact, verdict, note, reviewer, now())
    store.put_review(decision)
    return decision


def attach_reviews(store: Store, story: str | None = None) -> Attached:
    """The story's review decisions attached to its facts as they are now: ``by_fact[fact id]``
    (latest decision and history) and ``orphaned`` (reviews no fact holds any more)."""
    from storyline.core.reviews import attach

    _, account = _current(store, None, story=story, must_save=False)
    return attach(store.reviews(story), account.facts)


def reviews(store: Store, story: str | None = None) -> list[Review]:
    """Every review decision taken on the story's facts, oldest first (see :func:`attach_reviews`
    for them attached to the facts)."""
    return list(store.reviews(story))


def stories(store: storyline.store.Store, *, archived: bool | None = None) -> list[storyline.store.StorySummary]:
    """The stories of a database with their counts, by name (``archived``: only those, or only the others)."""
    return store.stories(archived=archived)


def manage_story(
    store: storyline.store.Store,
    *,
    create: str | None = None,
    rename: tuple[str, str] | None = None,
    archive: str | None = None,
    unarchive: str | None = None,
) -> list[str]:
    """Create, rename (old, new), archive or unarchive stories (each given one is done, in that
    order); returns one line per change, for a person."""
    done = []
    if create is not None:
        done.append(f"created story {store.create_story(create).name!r}")
    if rename is not None:
        old, new = rename
        done.append(f"renamed story {old!r} to {store.rename_story(old, new).name!r}")
    if archive is not None:
        done.append(f"archived story {store.archive_story(archive).name!r}")
    if unarchive is not None:
        done.append(f"unarchived story {store.archive_story(unarchive, archived=False).name!r}")
    return done


def browse(store: Store, *, story: str | None = None, options: ReconcileOptions | None = None,
           earlier: StoryView | None = None) -> StoryView:  # fmt: skip
    """A stored story (``story`` as in :func:`export`) as pages of data (brief, filtered facts,
    one fact's sides, one article's claim spans, people, outlets): what ``storyline serve``
    shows. Reconciled first when out of date, as in :func:`export`. Build one per
    :func:`story_version` and reuse it; ``earlier``, a view of an earlier version, lends the
    readings of the articles that did not change (only the others are read from the store)."""
    from storyline.present.browse import StoryView

    known = earlier.article_by_id if earlier is not None else None
    readings, account = _current(store, options, None, story=story, must_save=False, known=known)
    return StoryView(readings, account)


def story_version(store: Store, story: str | None = None) -> str:
    """An id of the story's articles (ids and content hashes): it changes when an article is
    added or changed, so a view built from the store stays valid while it does not."""
    return Coverage.of(store.article_hashes(story)).id


def frames(store: Any, story: str | None = None) -> dict[str, Any]:
    """A stored story as pandas DataFrames (articles, entities, mentions, claims, facts,
    fact_claims, conflicts, echoes); needs the ``storyline[frames]`` extra."""
    from storyline.present.frames import frames as _frames

    return _frames(store, story)


def render_report(
    store: Store,
    *,
    story: str | None = None,
    title: str | None = None,
    pipeline: str | None = None,
    options: ReconcileOptions | None = None,
    progress: ProgressCallback | None = None,
) -> str:
    """The self-contained HTML dossier of a stored story (``story`` as in :func:`export`;
    reconciled first when out of date, as there)."""
    from datetime import datetime, timezone

    from storyline.present.report import render_report as _render

    readings, account = _current(store, options, progress, story=story, must_save=False)
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    footer = f"storyline {__version__}" + (f" · {pipeline}" if pipeline else "") + f" · generated {stamp}"
    return _render(readings, account, title=title, footer=footer, reviews=store.reviews(story))


@dataclass(frozen=True)
class DemoStory:
    """A story bundled with storyline: its folder in the package, the domain packs it is read
    with (storyline/data/packs), its dossier's title and the folder ``storyline demo`` writes to by
    default. Each folder's README says where it is from."""

    folder: str
    packs: tuple[str, ...]
    title: str
    out: str


#: The bundled demo stories. "fiction" is written for the project (a celebrity separation, read
#: with the celebrity pack, and annotated in tests/gold); "real" is eleven real news articles on
#: one earthquake from the ECB+ corpus (CC BY 3.0), read with no domain pack.
DEMO_STORIES: dict[str, DemoStory] = {
    "fiction": DemoStory("demo", ("celebrity",), "Demo story (fiction)", "storyline-demo"),
    "real": DemoStory("demo_real", (), "Demo story: the Qeshm earthquake of 27 November 2005 (real news from ECB+, CC BY 3.0)",
                      "storyline-demo-real"),
}
#: Domain packs the fictional demo corpus is read with.
DEMO_PACKS = DEMO_STORIES["fiction"].packs


def demo_story(name: str = "fiction") -> DemoStory:
    """The bundled demo story ``name``; a :class:`ConfigError` naming the choices otherwise."""
    try:
        return DEMO_STORIES[name]
    except KeyError:
        raise ConfigError(f"no demo story {name!r}", input="--story",
                          fix=f"choose one of: {', '.join(DEMO_STORIES)}") from None


def demo_corpus(story: str = "fiction") -> Path:
    """Path of a bundled demo corpus (see :data:`DEMO_STORIES`; read it with its ``packs``)."""
    return Path(str(resources.files("storyline").joinpath(demo_story(story).folder)))


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
            "stories": ", ".join(f"{s.name} ({s.articles} articles{', archived' if s.archived else ''})"
                                 for s in store.stories()) or "none yet",
            "rows": ", ".join(f"{k}={v}" for k, v in store.counts().items()),
        }
