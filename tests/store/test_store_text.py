"""Defence in depth: whatever text a caller hands the store, the database is never given a NUL
(PostgreSQL text cannot hold one) or a lone surrogate (UTF-8 cannot encode one), and one such
article never stops the others. Run on SQLite and (marker ``postgres``) on PostgreSQL."""

from __future__ import annotations

import dataclasses

import pytest
from helpers.store import db_url, reading  # noqa: F401  (db_url is a fixture)

from storyline.store import open_store


def _hostile(n: int):
    """reading(n) with NUL and lone surrogates in the text, metadata, names and JSON columns.

    Each bad character replaces one character, so every offset still points at the same place."""
    good = reading(n)
    text = good.article.text
    at = text.index("split")  # inside no mention, claim text keeps its offsets
    bad_text = text[:at] + "\x00" + text[at + 1 :]
    art = dataclasses.replace(good.article, text=bad_text, title="Ti\ud800tle", outlet="Out\x00let")
    quinn = dataclasses.replace(
        good.entities[0], aliases=("Qu\x00inn", "the \udfffsinger"), attributes={"roles": ["sin\x00ger"], "k\x00": "v\ud800"}
    )
    claims = tuple(dataclasses.replace(c, text=bad_text[c.start : c.end]) for c in good.claims)
    return dataclasses.replace(good, article=art, entities=(quinn, *good.entities[1:]), claims=claims)


def _fixed(s: str) -> str:
    return s.replace("\x00", "\ufffd").replace("\ud800", "\ufffd").replace("\udfff", "\ufffd")


def test_nul_and_surrogates_are_stored_as_replacement_characters_at_the_same_offsets(db_url: str) -> None:  # noqa: F811
    bad = _hostile(5)
    with open_store(db_url) as store:
        assert store.put_reading(bad) is True
        (back,) = store.readings()
    assert back.article.text == _fixed(bad.article.text) and len(back.article.text) == len(bad.article.text)
    assert (back.article.title, back.article.outlet) == ("Ti\ufffdtle", "Out\ufffdlet")
    assert back.entities[0].aliases == ("Qu\ufffdinn", "the \ufffdsinger")
    assert back.entities[0].attributes == {"roles": ["sin\ufffdger"], "k\ufffd": "v\ufffd"}
    for c in back.claims:
        assert back.article.text[c.start : c.end] == c.text
    # The content hash is the caller's: a re-run with the same input is still recognised.
    assert back.article.content_hash == bad.article.content_hash
    assert dataclasses.replace(back, article=bad.article, entities=bad.entities, claims=bad.claims) == bad


@pytest.mark.parametrize("bad_at", [0, 4, 9])
def test_one_hostile_reading_among_ten_does_not_stop_the_others(db_url: str, bad_at: int) -> None:  # noqa: F811
    with open_store(db_url) as store:
        for n in range(10):
            store.put_reading(_hostile(n) if n == bad_at else reading(n))
        assert sorted(a.id for a in store.articles()) == sorted(f"art-{n}" for n in range(10))
        assert store.counts()["claims"] == 20
