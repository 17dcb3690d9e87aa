"""What every request of ``storyline serve`` shares: the store, accounts, the job runner, and the
views of the stories (one per version of each story, rebuilt when an article is added).

Stories are addressed by id in URLs (``s-...``: stable when a story is renamed, and free of
characters a path cannot hold) and shown by name.

What a request asks the database about the state of things (which stories there are, whether
a story's articles changed, its review decisions) is remembered; after :data:`RECHECK` seconds
the next request still gets what was remembered while one background thread asks the database
again, so a page costs a filter and a render, never a query and never a wait on a writer. Every
change made through the workspace (a job that stored articles, a review, a story created or
renamed) forgets it at once, so the next request asks the database itself and sees the change;
only changes made by another process (a ``storyline analyze`` on the same database) show up to
RECHECK seconds (and one request) later.

Answers are remembered too (:meth:`Workspace.answer`): per story, for the view and the review
decisions they were made from, the most recent :data:`ANSWERS` of them; a new view or a new
decision starts afresh. :meth:`Workspace.ready` gives a request all it needs without touching
the database or waiting, when it can; the JSON API's hot pages answer on the event loop then
(no thread hand-off) and take a thread only when something must be read first."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

from fastapi import HTTPException

from storyline import api
from storyline.core.options import AnalysisOptions
from storyline.core.records import StoryInfo
from storyline.core.reviews import Attached
from storyline.present.browse import StoryView
from storyline.serve.auth import Auth
from storyline.serve.feeds import FeedWatcher
from storyline.serve.jobs import JobRunner

__all__ = ["ANSWERS", "RECHECK", "Workspace"]

RECHECK = 1.0
ANSWERS = 512
_MISSING = object()


@dataclass
class Workspace:
    db: str
    options: AnalysisOptions
    workers: int = 1
    nlp_factory: Any = None
    hasher: Any = None
    fetcher: Any = None
    watch_every: float = 30.0
    store: Any = None
    auth: Auth = field(init=False)
    runner: JobRunner = field(init=False)
    watcher: FeedWatcher = field(init=False)
    _views: dict[str, tuple[str, StoryView]] = field(default_factory=dict)
    _view_lock: threading.Lock = field(default_factory=threading.Lock)
    _building: set[str] = field(default_factory=set)
    _attached: dict[str, tuple[tuple, Attached]] = field(default_factory=dict)
    _recent: dict[tuple, tuple[float, Any]] = field(default_factory=dict)
    _asking: set[tuple] = field(default_factory=set)  # keys a background thread is asking the database about
    _asking_lock: threading.Lock = field(default_factory=threading.Lock)
    _key_locks: dict[tuple, threading.Lock] = field(default_factory=dict)
    _answers: dict[str, tuple[StoryView, Attached, OrderedDict]] = field(default_factory=dict)
    _answer_lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.store = api.open_store(self.db)
        self.auth = Auth(self.store.desk, self.hasher)
        self.runner = JobRunner(self.db, self.options, workers=self.workers, nlp_factory=self.nlp_factory,
                                after=self.refresh, **({"fetcher": self.fetcher} if self.fetcher else {}))
        self.watcher = FeedWatcher(self, self.watch_every)

    def start(self) -> None:
        self.runner.start()
        self.watcher.start()

    def close(self) -> None:
        self.watcher.stop()
        self.runner.stop()
        self.store.close()

    def _remembered(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """``compute()``'s value as remembered: asked for now when it is not remembered (the
        workspace changed it, or it was never asked); when it is older than RECHECK seconds, the
        remembered value while a background thread asks again (one at a time per key)."""
        found = self._recall(key)
        if found is _MISSING:
            with self._asking_lock:
                lock = self._key_locks.setdefault(key, threading.Lock())
            with lock:  # many requests missing one key at once (after a change) ask the database once
                found = self._recall(key)
                if found is _MISSING:
                    found = compute()
                    self._recent[key] = (time.monotonic(), found)
        elif time.monotonic() - self._recent.get(key, (0.0, None))[0] >= RECHECK:
            self._ask_again(key, compute)
        return found

    def _recall(self, key: tuple) -> Any:
        found = self._recent.get(key)
        return _MISSING if found is None else found[1]

    def _ask_again(self, key: tuple, compute: Callable[[], Any]) -> None:
        with self._asking_lock:
            if key in self._asking:
                return
            self._asking.add(key)

        def ask() -> None:
            try:
                self._recent[key] = (time.monotonic(), compute())
            except Exception:  # noqa: BLE001 - the value stays as it was; the next request asks again
                pass
            finally:
                self._asking.discard(key)

        threading.Thread(target=ask, name="storyline-recheck", daemon=True).start()

    def changed(self) -> None:
        """Forget what was remembered: the workspace has just changed the database."""
        self._recent.clear()

    def ready(self, ref: str) -> tuple[StoryInfo, StoryView, Attached] | None:
        """The story with this id (or name), its view and its review decisions attached to it,
        when all three are at hand without asking the database or building anything (None
        otherwise: call :meth:`prepare`, which may). What is older than RECHECK seconds is still
        given, and asked about again in the background, as :meth:`_remembered` does."""
        info = self._recall(("story", ref))
        if info is _MISSING or info is None or info.id not in self._views:
            return None
        if self._recall(("reviews", info.id)) is _MISSING:
            return None
        if self._recall(("version", info.id)) is _MISSING and not self.runner.busy(info.id):
            return None
        view = self.view(info.id)  # cached: no database (a due version check runs in the background)
        return self.story(ref), view, self.reviews(info.id, view)

    def prepare(self, ref: str) -> tuple[StoryInfo, StoryView, Attached]:
        """What :meth:`ready` gives, asking the database and building the view when needed (404
        for an unknown story)."""
        info = self.story(ref)
        view = self.view(info.id)
        return info, view, self.reviews(info.id, view)

    def answer(self, story: str, view: StoryView, attached: Attached, key: Hashable, make: Callable[[], Any]) -> Any:
        """``make()``: an answer made from ``view`` and ``attached`` (the story's view and review
        decisions), remembered under ``key`` while both stay the story's current ones."""
        with self._answer_lock:
            held = self._answers.get(story)
            if held is None or held[0] is not view or held[1] is not attached:
                held = self._answers[story] = (view, attached, OrderedDict())
            found = held[2].get(key, _MISSING)
            if found is not _MISSING:
                held[2].move_to_end(key)
                return found
        made = make()
        with self._answer_lock:
            held[2][key] = made
            while len(held[2]) > ANSWERS:
                held[2].popitem(last=False)
        return made

    def stories(self, archived: bool | None = None) -> list[Any]:
        """The stories with their counts (``StorySummary``), by name."""
        return api.stories(self.store, archived=archived)

    def story(self, ref: str) -> StoryInfo:
        """The story with this id (or name); 404 otherwise."""
        info = self._remembered(("story", ref), lambda: self.store.find_story(ref))
        if info is None:
            raise HTTPException(404, f"no story {ref!r} in this workspace")
        return info

    def view(self, story: str) -> StoryView:
        """The view of the story with id ``story``. Built on first use; after that, a request never waits for a rebuild:
        when articles were stored since (by another process's ``analyze``) it gets the view it had
        while one rebuild runs in the background. While jobs of the story are queued or running it
        gets the view it had: the last of them rebuilds the view before it reports done
        (:meth:`refresh`), so a burst of additions costs one rebuild, and shows when it ends."""
        cached = self._views.get(story)
        if cached is None:
            return self.refresh(story)
        if self.runner.busy(story):  # its last job rebuilds the view when it ends
            return cached[1]
        version = self._remembered(("version", story), lambda: api.story_version(self.store, story))
        if cached[0] != version and story not in self._building:
            self._building.add(story)
            threading.Thread(target=self._rebuild, args=(story,), name="storyline-view", daemon=True).start()
        return cached[1]

    def reviews(self, story: str, view: StoryView) -> Attached:
        """The story's review decisions attached to the view's facts (cached until either changes)."""
        decisions = self._remembered(("reviews", story), lambda: api.reviews(self.store, story))
        key = (view.coverage, id(view), len(decisions), decisions[-1].id if decisions else "")
        cached = self._attached.get(story)
        if cached is None or cached[0] != key:
            cached = (key, view.attach(decisions))
            self._attached[story] = cached
        return cached[1]

    def refresh(self, story: str) -> StoryView:
        """Build the story's view for the articles stored now and use it from now on."""
        with self._view_lock:
            version = api.story_version(self.store, story)
            cached = self._views.get(story)
            if cached and cached[0] == version:
                return cached[1]
            view = api.browse(self.store, story=story, options=self.options.reconcile, earlier=cached[1] if cached else None)
            self._views[story] = (version, view)
            # Only the story's version changed (its name, state and reviews did not): forgetting
            # everything would send every request in flight to the database at once.
            self._recent[("version", story)] = (time.monotonic(), version)
            return view

    def _rebuild(self, story: str) -> None:
        try:
            self.refresh(story)
        finally:
            self._building.discard(story)
