"""Test doubles for the library's injected I/O: a store in memory, and a spaCy pipeline that
needs no trained model (no tests here)."""

from __future__ import annotations

from pathlib import Path

import spacy

from storyline.core.records import ArticleReading, Story


class MemoryStore:
    """The :class:`storyline.api.Store` protocol over two attributes; no database."""

    def __init__(self) -> None:
        self.by_id: dict[str, ArticleReading] = {}
        self.stored: Story = Story()

    def article_hashes(self) -> dict[str, str]:
        return {aid: r.article.content_hash for aid, r in self.by_id.items()}

    def put_reading(self, reading: ArticleReading) -> bool:
        self.by_id[reading.article.id] = reading
        return True

    def readings(self) -> list[ArticleReading]:
        return sorted(self.by_id.values(), key=lambda r: (r.article.published is None, r.article.published or "", r.article.id))

    def replace_story(self, story: Story) -> None:
        self.stored = story

    def story(self) -> Story:
        return self.stored


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
