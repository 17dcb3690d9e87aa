"""One hostile article in a batch never stops the batch and never loses the others, on SQLite
and (marker ``postgres``) PostgreSQL, where a NUL in text used to stop the run at that article."""

from __future__ import annotations

import pytest
from helpers.blank import blank_nlp, manifest
from helpers.store import db_url  # noqa: F401  (a fixture)

from storyline import api

GOOD = [f"Article {i}: Mara Quinn left Lyon on Friday, a source said." for i in range(10)]
HOSTILE = {
    "nul": "Quinn\x00 left Lyon.",
    "surrogate": "Quinn \ud800 left Lyon.",
    "controls": "Quinn\x07 left\x1b Lyon\x0c today.",
    "late-nul": "A sentence that goes on. " * 400 + "Quinn\x00 left.",
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_one_hostile_article_among_ten_all_ten_are_stored(db_url, kind):  # noqa: F811
    texts = list(GOOD)
    texts[3] = HOSTILE[kind]
    with api.open_store(db_url) as store:
        summary = api.analyze(["-"], store, stdin=manifest(*texts), nlp=blank_nlp())
        stored = {a.id: a.text for a in store.articles()}
    assert sorted(stored) == [f"t{i}" for i in range(10)] and summary.articles_new == 10
    assert summary.rejected == []
    bad = stored["t3"]
    assert "\x00" not in bad and not any("\ud800" <= ch <= "\udfff" for ch in bad)
    (notice,) = summary.notices
    assert notice.input == "-:4" and ("U+FFFD" in notice.message or "control character" in notice.message)


@pytest.mark.slow  # a million characters through the whole pipeline: 1.5 s, run by `make test`
def test_an_article_over_a_million_characters_is_read_not_refused_or_an_internal_error(tmp_path):
    # spaCy refuses a Doc over nlp.max_length (1,000,000) characters: the reader must chunk.
    text = "Mara Quinn left Lyon on Friday, a source said.\n\n" * 25_000
    assert len(text) > 1_000_000
    with api.open_store(tmp_path / "long.db") as store:
        summary = api.analyze(["-"], store, stdin=manifest(text), nlp=blank_nlp())
        assert summary.rejected == [] and summary.articles_new == 1
        assert store.articles()[0].text == text
