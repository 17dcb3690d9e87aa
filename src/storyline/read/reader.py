"""Run the pipeline over articles in batches, turning each Doc into an ArticleReading.

A crash inside a component for one article must not lose its batch: the batch is re-run one
article at a time and only the failing article is reported. An article longer than
``chunk_chars`` is read in chunks, one Doc at a time, and the chunks' annotations merged (see
:mod:`storyline.read.chunks`), so memory stays bounded and spaCy's length limit never applies.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from storyline.core.dates import parse_day
from storyline.core.records import Article, ArticleReading
from storyline.read import chunks
from storyline.read.chunks import merge_annotations, split_text
from storyline.read.doc import ArticleMeta
from storyline.read.extract import (
    Annotations,
    reading_from_annotations,
    reading_from_doc,
)

__all__ = ["read_articles", "make_doc"]


def make_doc(nlp: Language, article: Article, text: str | None = None) -> Doc:
    """A tokenised Doc of ``text`` (default: the article's text) carrying the article's metadata
    for the components."""
    doc = nlp.make_doc(article.text if text is None else text)
    doc._.sl_meta = ArticleMeta(article.id, article.outlet, parse_day(article.published))
    return doc


def read_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 32, chunk_chars: int | None = None
) -> Iterator[tuple[Article, ArticleReading | Exception]]:
    """Yield ``(article, reading)`` or ``(article, exception)`` for each article, in order.

    ``chunk_chars`` defaults to :data:`storyline.read.chunks.CHUNK_CHARS`."""
    chunk_chars = chunk_chars or chunks.CHUNK_CHARS
    it = iter(articles)
    while batch := list(islice(it, batch_size)):
        docs = iter(_parse(nlp, [a for a in batch if len(a.text) <= chunk_chars], batch_size))
        for article in batch:
            if len(article.text) > chunk_chars:
                yield article, _read_long(nlp, article, chunk_chars)
                continue
            doc = next(docs)
            if isinstance(doc, Exception):
                yield article, doc
                continue
            try:
                yield article, reading_from_doc(doc, article)
            except Exception as exc:  # noqa: BLE001
                yield article, exc


def _parse(nlp: Language, batch: list[Article], batch_size: int) -> list[Doc | Exception]:
    try:
        return list(nlp.pipe((make_doc(nlp, a) for a in batch), batch_size=batch_size))
    except Exception:  # noqa: BLE001 - isolate the article that fails, keep the rest
        docs: list[Doc | Exception] = []
        for article in batch:
            try:
                docs.append(nlp(make_doc(nlp, article)))
            except Exception as exc:  # noqa: BLE001
                docs.append(exc)
        return docs


def _read_long(nlp: Language, article: Article, chunk_chars: int) -> ArticleReading | Exception:
    try:
        parts = []
        for start, end in split_text(article.text, chunk_chars):
            doc = nlp(make_doc(nlp, article, article.text[start:end]))
            parts.append((start, Annotations.of(doc)))
            del doc  # only one chunk's Doc alive at a time
        return reading_from_annotations(merge_annotations(parts), article)
    except Exception as exc:  # noqa: BLE001 - reported for this article alone
        return exc
