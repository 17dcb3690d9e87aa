"""The input formats, in one table: which suffix or which content picks which reader.

Each row of :data:`FORMATS` is ``Format(name, suffixes, sniff, read, many)``:

- ``name``: the format's name, for messages (readers set ``RawArticle.format`` themselves).
- ``suffixes``: lower-case file extensions, dot included, that pick this format. A directory
  input reads the files having one of them (and skips the rest, e.g. a README.md).
- ``sniff(head) -> bool``: whether data with no telling suffix (stdin, an odd file name) is in
  this format. ``head`` is the start of the decoded text (512 characters), left-stripped and
  lower-cased. Rows are sniffed in table order, so the last row must accept anything.
- ``read(source) -> Iterable[RawArticle | InputError]``: the reader, given a :class:`Source`. It
  raises an :class:`~storyline.core.errors.InputError` naming the input and a fix; a reader of
  several articles yields the errors of its bad entries in their place instead, so one bad entry
  never loses the others.
- ``many``: whether one input may hold several articles (manifests, feeds). Such an input is read
  on its own only; where one article is expected (a manifest's ``path`` entry, a file with an
  unknown suffix) the content is sniffed and must give exactly one.

Adding a format therefore means: a reader (in :mod:`storyline.ingest.readers`), one row here,
and tests in ``tests/ingest``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storyline.core.errors import InputError
from storyline.ingest.decode import check_size, decode_text
from storyline.ingest.readers import (
    RawArticle,
    read_feed,
    read_html,
    read_manifest,
    read_txt,
)

__all__ = ["FORMATS", "Format", "Source", "for_suffix", "sniff"]


@dataclass
class Source:
    """One input as a reader sees it: its name, and its bytes read on first use.

    ``data()`` and ``text()`` refuse a file over ``max_mb`` before reading it; ``lines()``
    streams a file line by line instead (only each line is size-checked, by the reader).
    """

    origin: str
    """The input's name in messages: a path, ``-``, or ``manifest.jsonl:3 -> a.txt``."""
    path: Path | None = None
    """The file to read, or None when ``preloaded`` holds the bytes (stdin)."""
    preloaded: bytes | None = field(default=None, repr=False)
    base: Path = field(default_factory=Path.cwd)
    """What relative paths inside the input (a manifest's ``path`` entries) are relative to."""
    max_mb: float = 20.0
    load: Callable[[Path, str], RawArticle] | None = field(default=None, repr=False)
    """Reads the one article at a path (for a manifest's ``path`` entries)."""
    _text: str | None = field(default=None, init=False, repr=False)

    @property
    def is_stdin(self) -> bool:
        return self.origin == "-"

    def data(self) -> bytes:
        if self.preloaded is None:
            assert self.path is not None, "a Source needs a path or preloaded bytes"
            check_size(self.path.stat().st_size, self.max_mb, self.origin)
            self.preloaded = self.path.read_bytes()
        return self.preloaded

    def text(self) -> str:
        if self._text is None:
            self._text = decode_text(self.data(), self.origin)
        return self._text

    def lines(self) -> Iterator[bytes]:
        if self.preloaded is None and self.path is not None:
            with self.path.open("rb") as fh:
                yield from fh
        else:
            yield from self.data().splitlines(keepends=True)


Reader = Callable[[Source], Iterable[RawArticle | InputError]]


@dataclass(frozen=True)
class Format:
    """One row of :data:`FORMATS` (see the module docstring)."""

    name: str
    suffixes: tuple[str, ...]
    sniff: Callable[[str], bool]
    read: Reader
    many: bool = False


def _manifest(src: Source) -> Iterator[RawArticle | InputError]:
    assert src.load is not None, "a manifest Source needs a loader for its 'path' entries"
    return read_manifest(src.lines(), src.origin, src.base, src.max_mb, src.load)


def _is_feed(head: str) -> bool:
    return head.startswith("<?xml") and ("<rss" in head or "<feed" in head) or head.startswith(("<rss", "<feed"))


def _is_html(head: str) -> bool:
    return head.startswith("<") and any(tag in head for tag in ("<html", "<!doctype html", "<body", "<article"))


FORMATS: tuple[Format, ...] = (
    Format("jsonl", (".jsonl", ".ndjson"), lambda head: head.startswith("{"), _manifest, many=True),
    Format("feed", (".xml", ".rss", ".atom"), _is_feed, lambda src: read_feed(src.data(), src.origin), many=True),
    Format("html", (".html", ".htm"), _is_html, lambda src: [read_html(src.text(), src.origin)]),
    Format("txt", (".txt", ".text"), lambda head: True,
           lambda src: [read_txt(src.text(), src.origin, fmt="stdin" if src.is_stdin else "txt")]),
)  # fmt: skip

_BY_SUFFIX = {suffix: fmt for fmt in FORMATS for suffix in fmt.suffixes}


def for_suffix(path: Path) -> Format | None:
    """The format a file's suffix names, or None."""
    return _BY_SUFFIX.get(path.suffix.lower())


def sniff(src: Source) -> Format:
    """The format of a source's content: the first row whose ``sniff`` accepts its start."""
    head = src.text().lstrip()[:512].lower()
    return next(fmt for fmt in FORMATS if fmt.sniff(head))
