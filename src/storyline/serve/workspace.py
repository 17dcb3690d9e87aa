"""What every request of ``storyline serve`` shares: the store, accounts, the job runner, and the
views of the stories (one per version of each story, rebuilt when an article is added).

Stories are addressed by id in URLs (``s-...``: stable when a story is renamed, and free of
characters a path cannot hold) and shown by name.

What a request asks the database about the state of things (which stories there are, whether
a story's articles changed, its review decisions) is remembered for :data:`RECHECK` seconds, so a
page costs a filter and a render, not three queries; every change made through the workspace
(a job that stored articles, a review, a story created or renamed) forgets it at once, so only
changes made by another process (a ``storyline analyze`` on the same database) show up to that
much later."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
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

__all__ = ["RECHECK", "Workspace"]

RECHECK = 1.0


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
        """``compute()``, or its value from less than RECHECK seconds ago."""
        now = time.monotonic()
        found = self._recent.get(key)
        if found is not None and now - found[0] < RECHECK:
            return found[1]
        value = compute()
        self._recent[key] = (now, value)
        return value

    def changed(self) -> None:
        """Forget what was remembered: the workspace has just changed the database."""
        self._recent.clear()

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
            view = api.browse(self.store, story=story, options=self.options.reconcile)
            self._views[story] = (version, view)
            self.changed()
            return view

    def _rebuild(self, story: str) -> None:
        try:
            self.refresh(story)
        finally:
            self._building.discard(story)
