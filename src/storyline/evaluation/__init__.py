"""Scoring storyline against gold annotations (the project's measuring stick).

Gold files follow ``docs/architecture.md`` ("Gold annotation format"); strings are located in the
article texts by :mod:`storyline.evaluation.locate`. The scorers are pure functions over records:

- :func:`score_readings` (entities, timexes, ages, attributions) over ``ArticleReading`` records;
- :func:`score_story` (conflicts, traps, echoes, facts) over a ``Story``;
- :func:`run_corpus` reads a gold's corpus with the real pipeline (for ``eval/demo.py`` and the
  quality gate).
"""

from .gold import GoldError, corpus_articles, load_gold, locate_article
from .readings import gold_texts, score_readings
from .run import run_corpus
from .story import score_story

__all__ = [
    "GoldError",
    "corpus_articles",
    "gold_texts",
    "load_gold",
    "locate_article",
    "run_corpus",
    "score_readings",
    "score_story",
]
