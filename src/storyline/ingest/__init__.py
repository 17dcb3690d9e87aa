"""Ingest: files, directories, JSONL manifests, RSS/Atom feeds and stdin into :class:`Article` records.

``ingest()`` never stops at a bad input: each failure becomes a :class:`Rejection` naming the
input, the reason and a fix, and the other inputs are still read. Which reader reads which input
is decided by the table in :mod:`storyline.ingest.formats`.
"""

from __future__ import annotations

import dataclasses
import re
import shlex
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from storyline.core.dates import DateProblem, parse_published
from storyline.core.errors import InputError, InputTooLarge, UnsupportedInput
from storyline.core.ids import content_hash
from storyline.core.options import AnalysisOptions
from storyline.core.records import Article
from storyline.ingest.decode import check_size
from storyline.ingest.formats import FORMATS, Source, for_suffix, sniff
from storyline.ingest.origins import child_origin, typed_origin
from storyline.ingest.readers import RawArticle
from storyline.ingest.sanitize import sanitize_article

__all__ = ["IngestResult", "Rejection", "Notice", "ingest", "iter_ingest", "FORMATS"]


@dataclass(frozen=True)
class Rejection:
    """An input that could not be read: it is skipped, the batch goes on."""

    input: str
    reason: str
    error: str


@dataclass(frozen=True)
class Notice:
    """Something the user should know about an article that was still read (e.g. no date)."""

    input: str
    message: str


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def ingest(inputs: Iterable[str | Path], options: AnalysisOptions | None = None, *, stdin: BinaryIO | None = None) -> IngestResult:
    """Read every input; see :func:`iter_ingest`."""
    result = IngestResult()
    for item in iter_ingest(inputs, options, stdin=stdin):
        if isinstance(item, Article):
            result.articles.append(item)
        elif isinstance(item, Rejection):
            result.rejected.append(item)
        else:
            result.notices.append(item)
    return result


def iter_ingest(
    inputs: Iterable[str | Path], options: AnalysisOptions | None = None, *, stdin: BinaryIO | None = None
) -> Iterator[Article | Rejection | Notice]:
    """Yield an Article, a Rejection or a Notice per input/entry, in input order.

    An article whose id an earlier article of this batch has is rejected (the first is kept).
    ``stdin`` is the stream ``-`` reads (injected for tests; default ``sys.stdin.buffer``).
    """
    options = options or AnalysisOptions()
    seen: set[str] = set()
    for item in inputs:
        for raw in _expand(str(item), options, stdin, typed_origin(str(item))):
            if isinstance(raw, InputError):
                yield Rejection(raw.input or str(item), str(raw), type(raw).__name__)
                continue
            try:
                article, notices = _finish(raw, options)
            except InputError as exc:
                yield Rejection(raw.origin, str(exc), type(exc).__name__)
                continue
            yield from notices
            if article.id in seen:
                yield _duplicate(article, raw.origin)
                continue
            seen.add(article.id)
            yield article


def _duplicate(article: Article, given: str) -> Rejection:
    """``given``: the input as the user gave it (messages name it so; the stored origin may be shorter)."""
    return Rejection(
        given,
        f"{given}: duplicate article id '{article.id}' in this batch; the first one was kept. Fix: give each article its own id",
        "DuplicateId",
    )


def _expand(item: str, options: AnalysisOptions, stdin: BinaryIO | None, shown: str) -> Iterator[RawArticle | InputError]:
    """The raw articles of one input. Messages name the input as given (``item``, so the user can
    find it); the articles' stored ``origin`` starts with ``shown`` instead (see :mod:`.origins`)."""
    try:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            limit = int(options.max_file_mb * 1024 * 1024)
            data = stream.read(limit + 1)
            check_size(len(data), options.max_file_mb, "-")
            src = _source("-", options, preloaded=data)
            yield from sniff(src).read(src)
            return
        path = Path(item)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not any(s.startswith(".") for s in p.relative_to(path).parts))
            for p in files:
                if for_suffix(p):
                    yield from _expand(str(p), options, stdin, child_origin(shown, path, p))
            return
        if not path.exists():
            if _URL.match(item):
                raise _not_fetched(item)
            raise UnsupportedInput("no such file or directory", input=item, fix="check the path")
        fmt = for_suffix(path)
        if fmt and fmt.many:
            yield from _shown(fmt.read(_source(item, options, path=path)), item, shown)
            return
        yield from _shown([_load_file(path, item, options)], item, shown)
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield UnsupportedInput(f"cannot be read ({exc.strerror or exc})", input=item, fix="check the path and its permissions")


def _shown(raws: Iterable[RawArticle | InputError], item: str, shown: str) -> Iterator[RawArticle | InputError]:
    """Each article with the origin to store: its origin with the input as given (``item``)
    replaced by ``shown``; messages keep naming the input as given."""
    for raw in raws:
        if isinstance(raw, RawArticle) and raw.origin.startswith(item) and item != shown:
            raw = dataclasses.replace(raw, shown=shown + raw.origin[len(item):])
        yield raw


_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def _not_fetched(url: str) -> UnsupportedInput:
    """A URL given as an input: storyline reads files, directories and stdin, it fetches nothing."""
    return UnsupportedInput(
        "this is a URL, and storyline does not fetch URLs (it makes no network requests)",
        input=url,
        fix=f"download the page first, then analyze the file: curl -L {shlex.quote(url)} -o page.html && storyline analyze page.html",
    )


def _source(origin: str, options: AnalysisOptions, *, path: Path | None = None, preloaded: bytes | None = None) -> Source:
    return Source(
        origin,
        path=path,
        preloaded=preloaded,
        base=path.parent if path is not None else Path.cwd(),
        max_mb=options.max_file_mb,
        load=lambda p, o: _load_file(p, o, options),
    )


def _load_file(path: Path, origin: str, options: AnalysisOptions) -> RawArticle:
    """The one article in a file: its suffix picks the reader, else its content does."""
    if not path.is_file():
        raise UnsupportedInput("no such file", input=origin, fix="check the path (manifest paths are relative to the manifest)")
    src = _source(origin, options, path=path)
    fmt = for_suffix(path)
    items = list((fmt if fmt and not fmt.many else sniff(src)).read(src))
    if len(items) != 1 or isinstance(items[0], InputError):
        raise items[0] if items and isinstance(items[0], InputError) else UnsupportedInput(
            "a single article was expected here", input=origin, fix="list feeds and manifests as inputs of their own"
        )
    return items[0]


def _finish(raw: RawArticle, options: AnalysisOptions) -> tuple[Article, list[Notice]]:
    raw, cleaned = sanitize_article(raw)
    notices = [Notice(raw.origin, cleaned)] if cleaned else []
    if len(raw.text) > options.max_article_chars:
        raise InputTooLarge(
            f"the article has {len(raw.text):,} characters, over the {options.max_article_chars:,} limit",
            input=raw.origin,
            fix="check that this is one article; raise max_article_chars in a --config file if it is",
        )
    published_raw = options.published if options.published is not None else raw.published
    try:
        published = parse_published(published_raw)
    except DateProblem as exc:
        published = None
        notices.append(Notice(raw.origin, f"{exc}; read without a publication date, relative dates left unresolved (set one with --published)"))
    else:
        if published is None:
            notices.append(Notice(raw.origin, "no publication date; relative dates left unresolved (set one with --published or front matter)"))
    digest = content_hash(raw.text)
    article = Article(
        id=raw.id or f"a-{digest[:16]}",
        text=raw.text,
        outlet=options.outlet or raw.outlet,
        published=published,
        title=raw.title,
        url=raw.url,
        origin=raw.shown or raw.origin,
        format=raw.format,
        content_hash=digest,
    )
    return article, notices
