"""The command line's display of ``api.analyze``'s progress events (:class:`api.ProgressEvent`).

On a terminal, :class:`RichProgress`: one bar per stage with the articles done, articles and
words a second, the time elapsed, the time left and the input being read; it stays on screen at
the end and is followed by one final line. Anywhere else (a log, CI, a pipe),
:class:`PlainProgress`: plain lines on stderr when a stage starts, every 10% of the articles or
every 5 s (whichever comes first, at most one a second), and when it ends::

    read: 400 articles to read (123,456 words)
    read 120/400 articles (30%), 12.1 articles/s, 3,630 words/s, ETA 23 s, now: feed.xml:17
    read 400/400 articles (100%) in 33 s, 12.1 articles/s, 3,741 words/s
    reconcile: linking the articles into one story
    reconcile: done in 2.1 s

Both are progress callbacks (``display(stage, done, total, event=...)``) and context managers;
:func:`progress_display` picks one for a console (or none, for ``--quiet``). Clocks are injected,
so the periodic lines are tested without sleeping.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from storyline.api import ProgressEvent

__all__ = ["PlainProgress", "RichProgress", "format_seconds", "progress_display"]

Clock = Callable[[], float]
CLOCK: Clock = time.monotonic
"""The clock :class:`PlainProgress` uses when none is given (tests replace it)."""


def format_seconds(seconds: float) -> str:
    """``0.4 s``, ``9.5 s``, ``23 s``, ``3 min 20 s``, ``1 h 05 min``."""
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 120:
        return f"{seconds:.0f} s"
    minutes, secs = divmod(round(seconds), 60)
    if minutes < 60:
        return f"{minutes} min {secs:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def _printable(text: str) -> str:
    """``text`` with control characters written as escapes (an input's name goes to a terminal)."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _rates(event: ProgressEvent) -> str:
    parts = []
    if event.rate is not None:
        parts.append(f"{event.rate:,.1f} articles/s")
    if event.words_rate is not None:
        parts.append(f"{event.words_rate:,.0f} words/s")
    return ", ".join(parts)


class _Display:
    """What both displays share: the callback signature and the final line."""

    def __init__(self) -> None:
        self.read: ProgressEvent | None = None
        self.reconcile_seconds: float | None = None

    def __call__(self, stage: str, done: int, total: int, event: ProgressEvent | None = None) -> None:
        event = event or ProgressEvent(stage, done, total)
        if event.stage == "read":
            self.read = event
            self.on_read(event)
        elif event.stage == "reconcile":
            if event.finished:
                self.reconcile_seconds = event.elapsed
            self.on_reconcile(event)

    def on_read(self, event: ProgressEvent) -> None:
        raise NotImplementedError

    def on_reconcile(self, event: ProgressEvent) -> None:
        raise NotImplementedError

    def final_line(self) -> str:
        """The run in one line: what was read, how fast, and how long reconciling took."""
        parts = []
        if self.read is not None and self.read.done:
            rates = _rates(self.read)
            parts.append(
                f"read {self.read.done} article{'s' if self.read.done != 1 else ''} ({self.read.words:,} words) "
                f"in {format_seconds(self.read.elapsed)}" + (f" ({rates})" if rates else "")
            )
        if self.reconcile_seconds is not None:
            parts.append(f"reconciled the story in {format_seconds(self.reconcile_seconds)}")
        return "; ".join(parts)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        return None


class PlainProgress(_Display):
    """Plain progress lines for logs and CI (see the module's docstring)."""

    def __init__(
        self,
        write: Callable[[str], None] | None = None,
        *,
        clock: Clock | None = None,
        every_seconds: float = 5.0,
        every_fraction: float = 0.10,
        min_seconds: float = 1.0,
    ):
        super().__init__()
        self._write = write or _write_stderr
        self._clock = clock or CLOCK
        self._every_seconds = every_seconds
        self._every_fraction = every_fraction
        self._min_seconds = min_seconds
        self._last = 0.0
        self._step = 0

    def on_read(self, event: ProgressEvent) -> None:
        if event.done == 0:
            self._write(f"read: {event.total} article{'s' if event.total != 1 else ''} to read ({event.words_total:,} words)")
            self._mark(event)
            return
        if event.finished:
            rates = _rates(event)
            self._write(f"read {event.done}/{event.total} articles (100%) in {format_seconds(event.elapsed)}" + (f", {rates}" if rates else ""))
            return
        since = self._clock() - self._last
        step = self._step_of(event)
        if since >= self._every_seconds or (step > self._step and since >= self._min_seconds):
            self._write(self.line(event))
            self._mark(event)

    def on_reconcile(self, event: ProgressEvent) -> None:
        if event.finished:
            self._write(f"reconcile: done in {format_seconds(event.elapsed)}")
        else:
            self._write("reconcile: linking the articles into one story")

    @staticmethod
    def line(event: ProgressEvent) -> str:
        """``read 120/400 articles (30%), 12.1 articles/s, 3,630 words/s, ETA 23 s, now: feed.xml:17``."""
        share = event.done / event.total if event.total else 0.0
        parts = [f"read {event.done}/{event.total} articles ({share:.0%})"]
        if rates := _rates(event):
            parts.append(rates)
        if event.eta is not None:
            parts.append(f"ETA {format_seconds(event.eta)}")
        if event.current:
            parts.append(f"now: {_printable(event.current)}")
        return ", ".join(parts)

    def _step_of(self, event: ProgressEvent) -> int:
        return int(event.done / event.total / self._every_fraction + 1e-9) if event.total else 0

    def _mark(self, event: ProgressEvent) -> None:
        self._last = self._clock()
        self._step = self._step_of(event)


def _write_stderr(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


class _CountColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        if task.total is None or task.fields.get("stage") != "read":
            return Text("")
        return Text(f"{int(task.completed)}/{int(task.total)} articles", style="progress.download")


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        event = task.fields.get("event")
        return Text(_rates(event) if event is not None else "", style="progress.data.speed")


class _EtaColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        event = task.fields.get("event")
        if event is None or task.finished or event.eta is None:
            return Text("")
        return Text(f"ETA {format_seconds(event.eta)}", style="progress.remaining")


class _NowColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        event = task.fields.get("event")
        current = "" if event is None or task.finished else _printable(event.current)
        return Text(current, style="dim", overflow="ellipsis", no_wrap=True)


class RichProgress(_Display):
    """A rich progress bar per stage on a terminal; it stays visible, followed by a final line."""

    def __init__(self, console: Console, *, auto_refresh: bool = True):
        super().__init__()
        self.console = console
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            _CountColumn(),
            _RateColumn(),
            TimeElapsedColumn(),
            _EtaColumn(),
            _NowColumn(),
            console=console,
            transient=False,
            auto_refresh=auto_refresh,
        )
        self._tasks: dict[str, Any] = {}

    def _task(self, stage: str, description: str, total: int | None) -> Any:
        if stage not in self._tasks:
            self._tasks[stage] = self.progress.add_task(description, total=total, stage=stage, event=None)
        return self._tasks[stage]

    def on_read(self, event: ProgressEvent) -> None:
        task = self._task("read", "Reading articles", event.total or None)
        description = "Read articles" if event.finished else "Reading articles"
        self.progress.update(task, completed=event.done, total=event.total or None, description=description, event=event)

    def on_reconcile(self, event: ProgressEvent) -> None:
        task = self._task("reconcile", "Reconciling the story", None)
        if event.finished:
            self.progress.update(task, total=1, completed=1, description="Reconciled the story")

    def refresh(self) -> None:
        self.progress.refresh()

    def __enter__(self) -> Self:
        self.progress.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.progress.stop()
        if exc_type is None and (line := self.final_line()):
            self.console.print(line[0].upper() + line[1:] + ".", markup=False, highlight=False)


class _NoProgress:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


def progress_display(console: Console, *, quiet: bool = False) -> RichProgress | PlainProgress | _NoProgress:
    """The display for ``console``: a bar on a terminal, plain lines elsewhere, none when quiet.

    Use it as a context manager; what it yields is the progress callback (None when quiet).
    """
    if quiet:
        return _NoProgress()
    if console.is_terminal and not console.is_dumb_terminal:
        return RichProgress(console)
    return PlainProgress()
