"""Validity of the demo gold (tests/gold/demo_gold.json) against the demo corpus. No model.

The gold is the project's measuring stick: every string must be found in its article as the
conventions say (storyline.evaluation.locate), every value must come from the contract's sets,
and the corpus must keep what the foundation issue asks it to plant.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from typing import get_args

import pytest
from helpers.gold_checks import GOLD_KINDS
from helpers.paths import GOLD_DIR, SAMPLES

from storyline.core.records import (
    FACT_STATUSES,
    SOURCE_KINDS,
    Certainty,
    EntityType,
    Polarity,
    QuoteType,
    TimexType,
)
from storyline.evaluation import corpus_articles, gold_texts, load_gold, locate_article
from storyline.evaluation.locate import locate

GOLD_PATH = GOLD_DIR / "demo_gold.json"
GOLD = load_gold(GOLD_PATH)
TEXTS = gold_texts(GOLD)
ARTICLES = GOLD["articles"]
IDS = [a["id"] for a in ARTICLES]

# TIMEX3 values used in this gold: dates, weeks, weekends, seasons, durations, sets, and references.
TIMEX_VALUE = re.compile(
    r"^(\d{4}(-\d{2}(-\d{2})?)?|\d{4}-W\d{2}(-WE)?|\d{4}-(SP|SU|FA|WI)|P(T?)(\d+|X)[YMWDH]|"
    r"XXXX-XX-XXT(MO|AF|EV|NI)|PAST_REF|PRESENT_REF|FUTURE_REF)$"
)


def test_every_gold_article_is_in_the_corpus():
    assert sorted(TEXTS) == sorted(IDS)
    assert len(corpus_articles(GOLD)) == len(ARTICLES), "every demo article must be annotated"


@pytest.mark.parametrize("aid", IDS)
def test_every_string_is_found(aid):
    entry = next(a for a in ARTICLES if a["id"] == aid)
    located = locate_article(entry, TEXTS[aid])  # raises GoldError on any miss or ambiguity
    assert located.mentions and located.attributions and located.timexes
    spans = [(m.start, m.end) for m in located.mentions]
    assert len(spans) == len(set(spans)), "a span is annotated for two entities"


@pytest.mark.parametrize("aid", IDS)
def test_values_come_from_the_contract(aid):
    entry = next(a for a in ARTICLES if a["id"] == aid)
    date.fromisoformat(entry["published"])
    names = {e["name"] for e in entry["entities"]}
    for e in entry["entities"]:
        assert e["type"] in get_args(EntityType)
    for t in entry["timexes"]:
        assert t["type"] in get_args(TimexType)
        assert TIMEX_VALUE.match(t["value"]), t
    for g in entry["ages"]:
        assert g["entity"] in names and 0 < g["value"] < 110
    seen_anonymous = 0
    for a in entry["attributions"]:
        assert a["kind"] in SOURCE_KINDS and a["kind"] != "unattributed"
        assert a["certainty"] in get_args(Certainty) and a["polarity"] in get_args(Polarity)
        assert a["quote"] in get_args(QuoteType)
        if a["kind"] == "observation":
            assert a["source"] is None, "the perceiver of an observation is the article"
        elif a["kind"] != "rumor":
            assert a["source"], "only observations and carrier-less rumors have no source"
        if a["kind"] == "anonymous":
            n = int(re.fullmatch(r"anonymous:(\d+)", a["source_id"]).group(1))
            assert n <= seen_anonymous + 1, f"{a['source_id']} introduced out of order"
            seen_anonymous = max(seen_anonymous, n)
        else:
            assert a["source_id"] is None
        if a["kind"] in ("named_person", "social_media") and a["source_entity"] is not None:
            assert a["source_entity"] in names
        assert not a["content"].endswith((".", ",", "”")), "contents leave out trailing quotation punctuation"


def test_ages_are_written_next_to_the_number():
    """Each gold age appears in its article as the number itself (guards against typos)."""
    for entry in ARTICLES:
        for g in entry["ages"]:
            assert re.search(rf"\b{g['value']}\b", TEXTS[entry["id"]]), (entry["id"], g)


def _refs(item):
    if isinstance(item[0], str):
        yield item
    else:
        for sub in item:
            yield from _refs(sub)


def test_story_references_resolve_and_cover_the_plants():
    story = GOLD["story"]
    for section in ("conflicts", "traps"):
        for item in story[section]:
            assert len(item["between"]) == 2, "two sides"
            for ref in _refs(item["between"]):
                locate(TEXTS[ref[0]], ref[1], ref[2] if len(ref) > 2 else None)
    for echo in story["echoes"]:
        for ref in (echo["claim"], echo["original"]):
            locate(TEXTS[ref[0]], ref[1])
        assert echo["claim"][0] != echo["original"][0]
    for fact in story["facts"]:
        assert fact["status"] in FACT_STATUSES
        for ref in fact["claims"]:
            locate(TEXTS[ref[0]], ref[1])
    assert {c["kind"] for c in story["conflicts"]} >= {"age", "date", "count"}
    assert {t["kind"] for t in story["traps"]} >= {"age", "date", "derived_date"}
    assert len(story["echoes"]) >= 3


def test_corpus_has_what_the_issue_asks_for():
    articles = corpus_articles(GOLD)
    assert 10 <= len(articles) <= 12
    assert len({a.outlet for a in articles}) >= 4
    assert {a.format for a in articles} >= {"txt", "html", "jsonl"}
    for a in articles:
        assert 300 <= len(a.text.split()) <= 600, (a.id, len(a.text.split()))
        assert "Getty Images" not in a.text, "HTML boilerplate must not reach the text"
    kinds = Counter(x["kind"] for e in ARTICLES for x in e["attributions"])
    assert set(kinds) == set(GOLD_KINDS) - {"unattributed"}
    assert sum(x["out_of_sentence"] for e in ARTICLES for x in e["attributions"]) >= 30
    certainties = Counter(x["certainty"] for e in ARTICLES for x in e["attributions"])
    assert {"certain", "probable", "possible", "unknown"} <= set(certainties)
    text = "\n".join(TEXTS.values())
    for phrase in ("the second source", "the first insider", "The reports are false", "captioned an Instagram photo",
                   "according to court records", "According to divorce papers", "According to Daily Lumen",
                   "StarWatch can confirm", "was seen kissing", "ring finger was bare", "seemingly", "appeared to",
                   "alleged", "reportedly", "earlier this month", "Exactly a year later", "in March", "last year",
                   "Days later", "the Oscar winner", "10th wedding anniversary"):
        assert phrase.lower() in text.lower(), phrase


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="../shared/samples not present")
def test_no_sentence_is_copied_from_the_samples():
    """No run of eight words from the copyrighted samples appears in the demo corpus."""
    def shingles(s: str) -> set[tuple[str, ...]]:
        words = re.findall(r"\w+", s.lower())
        return {tuple(words[i : i + 8]) for i in range(len(words) - 7)}

    samples = set().union(*(shingles(p.read_text(encoding="utf-8")) for p in SAMPLES.glob("*.txt")))
    for aid, text in TEXTS.items():
        assert not shingles(text) & samples, aid
