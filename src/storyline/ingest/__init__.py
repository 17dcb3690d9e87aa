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
from storyline.core.errors import (
    InputError,
    InputTooLarge,
    ManifestError,
    UnsupportedInput,
)
from storyline.core.ids import content_hash
from storyline.core.options import AnalysisOptions
from storyline.core.records import Article
from storyline.ingest.decode import check_size
from storyline.ingest.formats import FORMATS, Source, for_suffix, sniff
from storyline.ingest.origins import child_origin, typed_origin
from storyline.ingest.readers import RawArticle
from storyline.ingest.sanitize import sanitize_article

__all__ = ["IngestResult", "Rejection", "Notice", "ingest", "iter_ingest", "FORMATS", "MAX_NESTING"]

MAX_NESTING = 16
"""How many manifests deep a ``path`` entry may lead (a manifest naming a manifest naming ...)."""
_ALLOW = 'allow it with --allow-outside-paths (manifest_paths = "any" in the [analysis] section of a --config file)'


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
        for raw in _guarded(_expand(str(item), options, stdin, typed_origin(str(item))), str(item)):
            if isinstance(raw, InputError):
                yield Rejection(raw.input or str(item), str(raw), type(raw).__name__)
                continue
            try:
                article, notices = _finish(raw, options)
            except InputError as exc:
                yield Rejection(raw.origin, str(exc), type(exc).__name__)
                continue
            except Exception as exc:  # noqa: BLE001 - a bug must not stop the batch either
                yield _internal(exc, raw.origin)
                continue
            yield from notices
            if article.id in seen:
                yield _duplicate(article, raw.origin)
                continue
            seen.add(article.id)
            yield article


def _guarded(items: Iterator[RawArticle | InputError], origin: str) -> Iterator[RawArticle | InputError]:
    """``items``, with an unexpected exception (a bug in a reader or a library it calls) turned
    into one last rejection for the input instead of stopping the whole batch."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001
        message, fix = _internal_words(exc)
        yield InputError(message, input=origin, fix=fix)


def _internal_words(exc: BaseException) -> tuple[str, str]:
    detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return (
        f"internal error while reading this input ({type(exc).__name__}{': ' + detail if detail else ''})",
        "please report it with this input; the other inputs were read",
    )


def _internal(exc: BaseException, origin: str) -> Rejection:
    message, fix = _internal_words(exc)
    return Rejection(origin, str(InputError(message, input=origin, fix=fix)), type(exc).__name__)


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
            src = _source("-", options, preloaded=data, scope=_Scope.of(Path.cwd().resolve(), options))
            yield from sniff(src).read(src)
            return
        path = Path(item)
        if path.is_dir():
            yield from _expand_folder(path, options, stdin, shown)
            return
        if not path.exists():
            if _URL.match(item):
                raise _not_fetched(item)
            raise UnsupportedInput("no such file or directory", input=item, fix="check the path")
        fmt = for_suffix(path)
        if fmt and fmt.many:
            real = path.resolve()
            yield from _shown(fmt.read(_source(item, options, path=path, scope=_Scope.of(real.parent, options, (real,)))), item, shown)
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


def _expand_folder(path: Path, options: AnalysisOptions, stdin: BinaryIO | None, shown: str) -> Iterator[RawArticle | InputError]:
    """The files of a folder with a known suffix, hidden ones skipped, in path order; a symlink
    that leads out of the folder is refused unless ``manifest_paths`` is "any"."""
    root = path.resolve()
    files = sorted(p for p in path.rglob("*") if p.is_file() and not any(s.startswith(".") for s in p.relative_to(path).parts))
    for p in files:
        if not for_suffix(p):
            continue
        if options.manifest_paths == "confined" and not p.resolve().is_relative_to(root):
            yield UnsupportedInput(
                f"a symlink to {p.resolve()}, outside the folder {path}",
                input=str(p),
                fix=f"copy the file into the folder, or {_ALLOW}",
            )
            continue
        yield from _expand(str(p), options, stdin, child_origin(shown, path, p))


@dataclass(frozen=True)
class _Scope:
    """Where the ``path`` entries of a manifest being read may lead."""

    root: Path | None
    """The resolved folder they must stay in; None when any path is allowed."""
    chain: tuple[Path, ...] = ()
    """The manifests being read, outermost first (resolved), to refuse cycles."""

    @classmethod
    def of(cls, root: Path, options: AnalysisOptions, chain: tuple[Path, ...] = ()) -> _Scope:
        return cls(root if options.manifest_paths == "confined" else None, chain)

    def enter(self, path: Path, origin: str) -> _Scope:
        """The scope inside the file a ``path`` entry names; raises ManifestError when the file is
        outside the root, is a manifest already being read, or lies too many manifests deep."""
        real = path.resolve()
        if self.root is not None and not real.is_relative_to(self.root):
            raise ManifestError(
                f"the path leads outside the manifest's folder {self.root} (to {real}), so it is not read",
                input=origin,
                fix=f"move the file into that folder, or {_ALLOW}",
            )
        if real in self.chain:
            cycle = " -> ".join(p.name for p in (*self.chain[self.chain.index(real) :], real))
            raise ManifestError(
                f"manifests name each other in a cycle ({cycle}), so this line is not read",
                input=origin,
                fix="remove the path entry that names a manifest already being read",
            )
        if len(self.chain) >= MAX_NESTING:
            raise ManifestError(
                f"manifests are nested deeper than {MAX_NESTING} (a manifest naming a manifest naming ...)",
                input=origin,
                fix="list the innermost manifests as inputs of their own",
            )
        return _Scope(self.root, (*self.chain, real))


def _source(
    origin: str, options: AnalysisOptions, *, path: Path | None = None, preloaded: bytes | None = None, scope: _Scope | None = None
) -> Source:
    scope = scope or _Scope(None)
    return Source(
        origin,
        path=path,
        preloaded=preloaded,
        base=path.parent if path is not None else Path.cwd(),
        max_mb=options.max_file_mb,
        load=lambda p, o: _load_file(p, o, options, scope),
    )


def _load_file(path: Path, origin: str, options: AnalysisOptions, scope: _Scope | None = None) -> RawArticle:
    """The one article in a file: its suffix picks the reader, else its content does.

    ``scope`` is given for a manifest's ``path`` entry: the file must be inside its root, and
    must not be a manifest already being read."""
    if scope is not None:
        scope = scope.enter(path, origin)
    if not path.is_file():
        raise UnsupportedInput("no such file", input=origin, fix="check the path (manifest paths are relative to the manifest)")
    src = _source(origin, options, path=path, scope=scope)
    fmt = for_suffix(path)
    items = list((fmt if fmt and not fmt.many else sniff(src)).read(src))
    if len(items) != 1 or isinstance(items[0], InputError):
        if items and isinstance(items[0], InputError):
            raise items[0]  # named from the outer line already: `a.jsonl:2 -> b.jsonl:1 -> c.txt`
        raise UnsupportedInput("a single article was expected here", input=origin, fix="list feeds and manifests as inputs of their own")
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
