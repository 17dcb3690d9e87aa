"""Watched feeds: each is fetched every so many minutes as a job of its story.

A watched feed is an address (checked like any other, :mod:`storyline.ingest.fetch`) and an
interval. :meth:`FeedWatcher.tick` makes a job for every feed that is due, as the account that
added it; the job fetches the feed and analyses its entries, and an entry stored already is not
read again (ids are content hashes), so only new entries are added. A feed whose last job is still
queued or running is not fetched again until it ends, and nothing is fetched for an archived
story. The watcher's thread ticks every ``every`` seconds; tests call :meth:`tick` with a time.
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from typing import Any

from storyline.store.desk import OPEN, STAMP

__all__ = ["MAX_MINUTES", "MIN_MINUTES", "FeedWatcher", "new_feed_id"]

MIN_MINUTES, MAX_MINUTES = 5, 7 * 24 * 60


class FeedWatcher:
    def __init__(self, space: Any, every: float = 30.0, clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)):
        self.space, self.every, self.clock = space, every, clock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self.every > 0:
            self._thread = threading.Thread(target=self._loop, name="storyline-feeds", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(10)

    def _loop(self) -> None:
        while not self._stop.wait(self.every):
            try:
                self.tick()
            except Exception:  # noqa: BLE001 - a bad tick (database away) must not end the watching
                continue

    def tick(self, now: datetime | None = None) -> list[str]:
        """Make a job for every feed that is due at ``now``; returns the new jobs' ids."""
        now = now or self.clock()
        space, made = self.space, []
        for feed in space.store.desk.feeds():
            if feed["checked"] and now - _parse(feed["checked"]) < timedelta(minutes=feed["minutes"]):
                continue
            last = space.runner.live(feed["job"]) if feed["job"] else None
            if last is not None and last.state in OPEN:
                continue
            info = space.store.find_story(feed["story"])
            if info is None or info.archived:
                continue
            job_id, folder = space.runner.folder()
            space.runner.submit(space.store, job_id, info.id, feed["account"], f"feed: {feed['url']}"[:80], folder,
                                urls=[feed["url"]])  # fmt: skip
            space.store.desk.checked_feed(feed["id"], now.strftime(STAMP), job_id)
            made.append(job_id)
        return made


def new_feed_id() -> str:
    return "fd-" + secrets.token_hex(6)


def _parse(stamp: str) -> datetime:
    return datetime.strptime(stamp, STAMP).replace(tzinfo=timezone.utc)
