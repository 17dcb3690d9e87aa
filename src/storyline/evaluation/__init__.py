"""Scoring storyline against gold annotations (the project's measuring stick).

Gold files follow ``docs/architecture.md`` ("Gold annotation format"); strings are located in the
article texts by :mod:`storyline.evaluation.locate`. The scorers are pure functions over records:

- :func:`score_readings` (entities, timexes, ages, attributions) over ``ArticleReading`` records;
- :func:`score_story` (conflicts, traps, echoes, facts) over a ``Story``;
- :func:`run_corpus` reads a gold's corpus with the real pipeline;
- :func:`score_suite` scores every gold file of a directory (``eval/demo.py`` and the quality gate).
"""

from storyline.evaluation.gold import (
    GoldError,
    corpus_articles,
    load_gold,
    locate_article,
)
from storyline.evaluation.readings import gold_texts, score_readings
from storyline.evaluation.run import run_corpus
from storyline.evaluation.story import score_story
from storyline.evaluation.suite import GOLD_FILES, score_suite

__all__ = [
    "GOLD_FILES",
    "score_suite",
    "GoldError",
    "corpus_articles",
    "gold_texts",
    "load_gold",
    "locate_article",
    "run_corpus",
    "score_readings",
    "score_story",
]
