"""One reader per input format. Each turns bytes into :class:`RawArticle` values or raises
an :class:`~storyline.core.errors.InputError` naming the input and a fix.

A reader that yields several articles (manifest, feed) yields errors for the bad entries in
their place, so one bad line never loses the others.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from storyline.core.errors import InputError, ManifestError, NoArticleText
from storyline.ingest.decode import check_size, decode_text
from storyline.ingest.origins import typed_origin

__all__ = ["RawArticle", "read_txt", "read_html", "read_manifest", "read_feed", "html_to_text"]


@dataclass(frozen=True)
class RawArticle:
    """An article as its input gave it, before overrides, date parsing and ids."""

    text: str
    origin: str
    format: str
    id: str | None = None
    outlet: str | None = None
    published: object = None
    title: str | None = None
    url: str | None = None
    shown: str | None = None  # the origin to store, when it differs from ``origin`` (see ingest.origins)


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*\r?\n", re.S)
_KEYS = {"id", "outlet", "published", "date", "title", "url"}


def read_txt(text: str, origin: str, fmt: str = "txt") -> RawArticle:
    """Plain text with optional front matter (``---`` block of ``key: value`` lines)."""
    meta: dict[str, str] = {}
    m = _FRONT_MATTER.match(text)
    if m:
        for n, line in enumerate(m.group(1).splitlines(), start=2):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            key, sep, value = line.partition(":")
            key = key.strip().lower()
            if not sep or key not in _KEYS:
                raise InputError(
                    f"front matter line {n} '{line.strip()}' is not 'key: value' with a known key",
                    input=origin,
                    fix=f"use keys {', '.join(sorted(_KEYS))}, one per line",
                )
            meta["published" if key == "date" else key] = value.strip().strip("'\"")
        text = text[m.end() :]
    if not text.strip():
        raise NoArticleText("the article has no text after its front matter", input=origin, fix="add the article body")
    return RawArticle(text=text, origin=origin, format=fmt, **meta)


# Lines that are image credits or captions, not article text.
_CREDIT = re.compile(
    r"^\s*(?:\(?(?:photo|image|picture|credit|photograph)s?(?: by| credit)?\s*[:(].*|"
    r"(?:getty images|shutterstock|ap photo|reuters|mega|backgrid|splash news|instagram)(?:\s*(?:/|for)\s*[\w .]+)?\.?)\s*$",
    re.I,
)


# Fewer words than this from an HTML page means a menu or an error page, not an article.
MIN_HTML_WORDS = 15


def html_to_text(html: str, origin: str) -> dict:
    """Main text and metadata of an HTML page via trafilatura, boilerplate and credits dropped."""
    import trafilatura  # deferred: it pulls in lxml and friends, unneeded for plain text

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_images=False, include_tables=False
    )
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    lines = [ln for ln in (data.get("text") or "").splitlines() if ln.strip() and not _CREDIT.match(ln)]
    title = data.get("title")
    if lines and title and lines[0].strip() == title.strip():
        lines = lines[1:]  # trafilatura repeats the <h1> headline as the first line
    text = "\n\n".join(ln.strip() for ln in lines)
    if len(text.split()) < MIN_HTML_WORDS:
        # trafilatura falls back to navigation text on pages without an article body.
        raise NoArticleText(
            f"no article text could be extracted from the HTML (only {len(text.split())} words found)",
            input=origin,
            fix="check that the page holds the article itself (not a login wall or index page), or save its text as .txt",
        )
    return {"text": text, "title": title, "published": data.get("date"), "outlet": data.get("sitename"), "url": data.get("url")}


def read_html(html: str, origin: str) -> RawArticle:
    data = html_to_text(html, origin)
    return RawArticle(origin=origin, format="html", **data)


def read_manifest(
    lines: Iterable[bytes], name: str, base: Path, max_line_mb: float, load: Callable[[Path, str], RawArticle]
) -> Iterator[RawArticle | InputError]:
    """A JSONL manifest, streamed line by line (so its total size is not limited, only each
    line's); ``path`` entries are resolved against ``base`` and read with ``load``."""
    for n, raw in enumerate(lines, start=1):
        origin = f"{name}:{n}"
        if not raw.strip():
            continue
        try:
            check_size(len(raw), max_line_mb, origin)
            yield _manifest_entry(decode_text(raw, origin), origin, base, load)
        except InputError as exc:
            yield exc


def _manifest_entry(line: str, origin: str, base: Path, load: Callable[[Path, str], RawArticle]) -> RawArticle:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ManifestError(
            f"manifest line is not JSON ({exc.msg} at column {exc.colno})",
            input=origin,
            fix='write one JSON object per line, e.g. {"outlet": "...", "published": "2024-01-17", "text": "..."}',
        ) from None
    if not isinstance(obj, dict):
        raise ManifestError("manifest line is not a JSON object", input=origin, fix="wrap the article's fields in {...}")
    meta = {k: obj.get(k) for k in ("id", "outlet", "published", "title", "url")}
    if meta["published"] is None and obj.get("date") is not None:
        meta["published"] = obj["date"]
    if meta["id"] is not None:
        meta["id"] = str(meta["id"])
    text, rel = obj.get("text"), obj.get("path")
    if isinstance(text, str) and text.strip():
        return RawArticle(text=text, origin=origin, format="jsonl", **meta)
    if isinstance(rel, str) and rel:
        target = (base / rel) if not Path(rel).is_absolute() else Path(rel)
        # The path as the manifest writes it (never the resolved one: that would hold the
        # machine's directories); an absolute one by its name only (storyline.ingest.origins).
        article = load(target, f"{origin} -> {typed_origin(rel)}")
        # The manifest's fields override what the file itself says.
        overrides = {k: v for k, v in meta.items() if v is not None}
        return RawArticle(**{**article.__dict__, **overrides})
    raise ManifestError(
        "manifest line has neither a non-empty 'text' nor a 'path'",
        input=origin,
        fix="add the article body as 'text' or a file path (relative to the manifest) as 'path'",
    )


def read_feed(data: bytes, origin: str) -> Iterator[RawArticle | InputError]:
    """An RSS or Atom feed: one article per entry, full content preferred over the summary."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        raise InputError(
            f"the feed has no entries or is malformed{why}",
            input=origin,
            fix="check that the file is a complete RSS or Atom document",
        )
    outlet = feed.feed.get("title")
    results: list[RawArticle | InputError] = []
    for n, entry in enumerate(feed.entries, start=1):
        where = f"{origin}#entry-{n}"
        body = entry.content[0].value if entry.get("content") else entry.get("summary", "")
        try:
            text = _entry_text(body, where)
        except InputError as exc:
            results.append(exc)
            continue
        results.append(
            RawArticle(
                text=text,
                origin=where,
                format="feed",
                id=entry.get("id"),
                outlet=outlet,
                published=entry.get("published") or entry.get("updated"),
                title=entry.get("title"),
                url=entry.get("link"),
            )
        )
    if feed.get("bozo") and all(isinstance(r, InputError) for r in results):
        # A broken document whose only "entries" are empty fragments: one clear error, not N.
        raise InputError(
            f"the feed is malformed ({feed.bozo_exception})",
            input=origin,
            fix="check that the file is a complete RSS or Atom document",
        )
    yield from results


def _entry_text(body: str, origin: str) -> str:
    if "<" in body and re.search(r"<(p|div|br|span|a|em|strong)\b", body, re.I):
        from lxml import html as lxml_html

        root = lxml_html.fromstring(body)
        for br in root.iter("br"):
            br.tail = "\n" + (br.tail or "")
        paragraphs = [p.text_content().strip() for p in root.iter("p")] or [root.text_content().strip()]
        body = "\n\n".join(p for p in paragraphs if p and not _CREDIT.match(p))
    if not body.strip():
        raise NoArticleText("the feed entry has no text", input=origin, fix="use a feed with full content, or the article pages")
    return body.strip()
