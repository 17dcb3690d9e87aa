"""Fuzzing the sanitizer: any text comes out encodable, without control characters other than
tab, newline and carriage return, and a second pass changes nothing."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.core.ids import content_hash
from storyline.ingest import Notice, Rejection, ingest
from storyline.ingest.sanitize import sanitize_text

EXAMPLES = 500  # per test and run; derandomized, so every run tries the same texts

# Any code point, surrogates included, with the troublesome ones drawn often.
HOSTILE = st.sampled_from(
    [
        "\x00",
        "\ud800",
        "\udbff",
        "\udc00",
        "\udfff",
        "\ud83d",
        "\ude00",
        "\x0b",
        "\x0c",
        "\x07",
        "\x1b",
        "\x7f",
        "\t",
        "\r",
        "\n",
        "\ufffd",
    ]
)
TEXTS = st.text(st.characters(exclude_categories=()) | HOSTILE, max_size=60)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


@pytest.mark.fuzz
@settings(max_examples=EXAMPLES, derandomize=True, deadline=None)
@given(TEXTS)
def test_any_text_comes_out_encodable_without_controls_and_stable(text):
    clean, found = sanitize_text(text)
    clean.encode("utf-8")  # no lone surrogate left: strict UTF-8 encodes it
    assert not _CONTROL.search(clean)
    assert sanitize_text(clean) == (clean, {})
    # Each lone surrogate became exactly one U+FFFD; nothing else was added.
    assert clean.count("\ufffd") - text.count("\ufffd") == found["lone surrogate"]
    if not found and not re.search("[\ud800-\udfff]", text):
        assert clean == text
    content_hash(text)  # hashing never raises, even before sanitation


@pytest.mark.fuzz
@settings(max_examples=EXAMPLES // 2, derandomize=True, deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "outlet", "title", "url", "published", "text"]), TEXTS, min_size=1))
def test_any_manifest_line_gives_a_clean_article_or_a_rejection(fields):
    import io

    line = json.dumps(fields)  # ensure_ascii: lone surrogates travel as \\ud800 escapes
    items = ingest(["-"], stdin=io.BytesIO(line.encode("ascii") + b"\n"))
    for a in items.articles:
        for value in (a.id, a.text, a.outlet, a.title, a.url, a.published, a.origin):
            if value is not None:
                value.encode("utf-8")
                assert not _CONTROL.search(value)
    assert all(isinstance(r, Rejection) for r in items.rejected) and all(isinstance(n, Notice) for n in items.notices)
    assert len(items.articles) + len(items.rejected) == 1
