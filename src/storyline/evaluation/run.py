"""Running the real pipeline over a gold's corpus: ingest, read, reconcile (no store)."""

from __future__ import annotations

from storyline.core.records import ArticleReading, Story
from storyline.evaluation.gold import corpus_articles

__all__ = ["run_corpus"]


def run_corpus(gold: dict, *, model: str | None = None) -> tuple[list[ArticleReading], Story]:
    """Readings of every gold article and the story reconciled from them.

    Uses ``storyline.api`` (the same path as ``storyline analyze``) minus the store, so the
    scores measure reading and reconciling only. An article the pipeline fails on raises: a
    quality gate must not pass by skipping articles. The golds' corpora are celebrity stories:
    they are read with the demo's domain packs (``api.DEMO_PACKS``), as ``storyline demo`` does.
    """
    from storyline import api
    from storyline.core.options import AnalysisOptions

    articles = corpus_articles(gold)
    options = AnalysisOptions(model=model or "", packs=api.DEMO_PACKS)
    readings: list[ArticleReading] = []
    for article, result in api.read(articles, options):
        if isinstance(result, Exception):
            raise RuntimeError(f"{article.id}: the pipeline failed on this article: {result}") from result
        readings.append(result)
    return readings, api.reconcile(readings)
