"""Validity of the attribution gold (tests/gold/attribution_gold.json).

The gold gates the attribution components, so a typo in it silently moves every score. These
checks need no model and run in well under a second: every annotated string must be found in
its article (respecting ``occurrence``), every value must come from the contract's sets, the
conventions of tests/gold/README.md must hold, and the corpus must keep its coverage minimums.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from helpers.gold_checks import (
    CERTAINTIES,
    GOLD_KINDS,
    LAYOUTS,
    article_problems,
    file_shape_problems,
    locate,
)
from helpers.paths import GOLD_DIR, SAMPLES

GOLD = GOLD_DIR / "attribution_gold.json"
MIN_TOTAL = 150
MIN_PER_KIND = 8


def _load() -> dict:
    with GOLD.open(encoding="utf-8") as f:
        return json.load(f)


GOLD_DATA = _load()
ARTICLES = GOLD_DATA["articles"]


def test_gold_file_shape() -> None:
    problems = file_shape_problems(GOLD_DATA, (15, 20), (150, 400))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("art", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_article_annotations_valid(art: dict) -> None:
    problems = article_problems(art)
    assert not problems, "\n".join(problems)


def test_locate_respects_occurrence() -> None:
    # The helper is the convention the scorer must share: a repeated string needs an occurrence.
    assert locate("a b a", "a", None) is None
    assert locate("a b a", "a", 1) == 4
    assert locate("a b a", "a", 2) is None
    assert locate("a b", "b", None) == 2


def test_coverage_minimums() -> None:
    atts = [a for art in ARTICLES for a in art["attributions"]]
    assert len(atts) >= MIN_TOTAL
    kinds = Counter(a["kind"] for a in atts)
    short = {k: kinds[k] for k in GOLD_KINDS if kinds[k] < MIN_PER_KIND}
    assert not short, f"kinds below {MIN_PER_KIND}: {short}"
    certainties = Counter(a["certainty"] for a in atts)
    assert all(certainties[c] >= 3 for c in CERTAINTIES), certainties
    assert sum(a["polarity"] == "negative" for a in atts) >= 20
    assert sum(a["out_of_sentence"] for a in atts) >= 30
    layouts = {a.get("layout") for a in atts}
    assert LAYOUTS <= layouts, f"missing layouts: {LAYOUTS - layouts}"
    assert {art["quote_marks"] for art in ARTICLES} == {"curly", "straight"}
    assert any(a.get("via") and a["kind"] == "named_person" for a in atts)
    assert any(a.get("via") == art["outlet"] and a["kind"] == "anonymous"
               for art in ARTICLES for a in art["attributions"])


def test_first_and_second_insiders_are_kept_apart() -> None:
    # At least one article returns to its first anonymous source after introducing a second.
    def returns_to_first(art: dict) -> bool:
        ids = [a["source_id"] for a in art["attributions"] if a["kind"] == "anonymous"]
        return "anonymous:2" in ids and "anonymous:1" in ids[ids.index("anonymous:2"):]

    assert sum(returns_to_first(art) for art in ARTICLES) >= 2


def test_texts_are_not_copied_from_the_samples() -> None:
    samples = sorted(SAMPLES.glob("*.txt")) if SAMPLES.is_dir() else []
    if not samples:
        pytest.skip("sample articles not present")

    def shingles(text: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", text.lower())
        return {tuple(words[i:i + 8]) for i in range(len(words) - 7)}

    sample_shingles = set().union(*(shingles(p.read_text(encoding="utf-8")) for p in samples))
    for art in ARTICLES:
        shared = shingles(art["text"]) & sample_shingles
        assert not shared, f"{art['id']} shares an 8-word run with a sample: {' '.join(next(iter(shared)))}"
