"""What every request of ``storyline serve`` shares: the store, accounts, the job runner, and the
views of the stories (one per version of each story, rebuilt when an article is added)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from storyline import api
from storyline.core.options import AnalysisOptions
from storyline.present.browse import StoryView
from storyline.serve.auth import Auth
from storyline.serve.jobs import JobRunner

__all__ = ["STORY", "Workspace"]

STORY = "main"
"""The one story of a workspace until the store holds several (its name in URLs)."""


@dataclass
class Workspace:
    db: str
    options: AnalysisOptions
    workers: int = 1
    nlp_factory: Any = None
    hasher: Any = None
    fetcher: Any = None
    store: Any = None
    auth: Auth = field(init=False)
    runner: JobRunner = field(init=False)
    _views: dict[str, tuple[str, StoryView]] = field(default_factory=dict)
    _view_lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.store = api.open_store(self.db)
        self.auth = Auth(self.store.desk, self.hasher)
        self.runner = JobRunner(self.db, self.options, workers=self.workers, nlp_factory=self.nlp_factory,
                                **({"fetcher": self.fetcher} if self.fetcher else {}))

    def start(self) -> None:
        self.runner.start()

    def close(self) -> None:
        self.runner.stop()
        self.store.close()

    def stories(self) -> list[str]:
        return [STORY]

    def has_story(self, name: str) -> bool:
        return name in self.stories()

    def view(self, story: str) -> StoryView:
        """The story's view for the articles stored now (built once per version; concurrent
        requests for a new version wait for one build)."""
        version = api.story_version(self.store)
        cached = self._views.get(story)
        if cached and cached[0] == version:
            return cached[1]
        with self._view_lock:
            cached = self._views.get(story)
            if cached and cached[0] == version:
                return cached[1]
            view = api.browse(self.store, options=self.options.reconcile)
            self._views[story] = (version, view)
            return view
