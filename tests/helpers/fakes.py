"""Test doubles for the library's injected I/O: a store in memory, and a spaCy pipeline that
needs no trained model (no tests here)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import spacy

from storyline.core.records import ArticleReading, Review, Story, StoryInfo


class MemoryStore:
    """The :class:`storyline.api.Store` protocol over a few attributes, for one story; no database
    (a story name given is recorded in ``names``, and every story is that one)."""

    def __init__(self) -> None:
        self.by_id: dict[str, ArticleReading] = {}
        self.stored: Story = Story()
        self.names: set[str] = set()
        self.decisions: list[Review] = []

    def article_hashes(self, story: str | None = None) -> dict[str, str]:
        return {aid: r.article.content_hash for aid, r in self.by_id.items()}

    def put_reading(self, reading: ArticleReading, story: str | None = None) -> bool:
        self.by_id[reading.article.id] = reading
        return True

    def add_articles(self, story: str | None, article_ids: Iterable[str]) -> int:
        return 0  # every stored article is the one story's

    def ensure_story(self, name: str) -> StoryInfo:
        self.names.add(name)
        return StoryInfo(f"s-{name}", name, "2026-01-01T00:00:00+00:00")

    def readings(self, story: str | None = None) -> list[ArticleReading]:
        return sorted(self.by_id.values(), key=lambda r: (r.article.published is None, r.article.published or "", r.article.id))

    def replace_story(self, reconciled: Story, story: str | None = None) -> None:
        self.stored = reconciled

    def story(self, story: str | None = None) -> Story:
        return self.stored

    def get_story(self, story: str | None = None) -> StoryInfo:
        return self.ensure_story(story or "main")

    def reviews(self, story: str | None = None) -> list[Review]:
        return list(self.decisions)

    def put_review(self, review: Review) -> None:
        self.decisions.append(review)


STUB_PIPELINE_NAME = "storyline_stub"


def stub_pipeline(directory: Path) -> Path:
    """Save blank English + a sentencizer to ``directory``, for ``--model DIRECTORY``.

    ``load_pipeline`` appends the storyline components. With no tagger, parser or NER they find
    no claims, so a run is fast and checks the plumbing around the reading, not the reading.
    """
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.meta["name"] = STUB_PIPELINE_NAME
    nlp.to_disk(directory)
    return directory
