"""Run the pipeline over articles in batches, turning each Doc into an ArticleReading.

A crash inside a component for one article must not lose its batch: the batch is re-run one
article at a time and only the failing article is reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from storyline.core.dates import parse_day
from storyline.core.records import Article, ArticleReading
from storyline.read.doc import ArticleMeta
from storyline.read.extract import reading_from_doc

__all__ = ["read_articles", "make_doc"]


def make_doc(nlp: Language, article: Article) -> Doc:
    """A tokenised Doc carrying the article's metadata for the components."""
    doc = nlp.make_doc(article.text)
    doc._.sl_meta = ArticleMeta(article.id, article.outlet, parse_day(article.published))
    return doc


def read_articles(
    nlp: Language, articles: Iterable[Article], batch_size: int = 32
) -> Iterator[tuple[Article, ArticleReading | Exception]]:
    """Yield ``(article, reading)`` or ``(article, exception)`` for each article, in order."""
    it = iter(articles)
    while batch := list(islice(it, batch_size)):
        try:
            docs = list(nlp.pipe((make_doc(nlp, a) for a in batch), batch_size=batch_size))
            pairs: list[tuple[Article, Doc | Exception]] = list(zip(batch, docs, strict=True))
        except Exception:  # noqa: BLE001 - isolate the article that fails, keep the rest
            pairs = []
            for article in batch:
                try:
                    pairs.append((article, nlp(make_doc(nlp, article))))
                except Exception as exc:  # noqa: BLE001
                    pairs.append((article, exc))
        for article, doc in pairs:
            if isinstance(doc, Exception):
                yield article, doc
                continue
            try:
                yield article, reading_from_doc(doc, article)
            except Exception as exc:  # noqa: BLE001
                yield article, exc
