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
from datetime import date
from pathlib import Path
from typing import get_args

import pytest

from storyline.records import SOURCE_KINDS, Certainty, Polarity, QuoteType

GOLD = Path(__file__).resolve().parent / "gold" / "attribution_gold.json"
SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"

CERTAINTIES = set(get_args(Certainty))
POLARITIES = set(get_args(Polarity))
QUOTES = set(get_args(QuoteType))
LAYOUTS = {"before", "after", "inverted", "split", "continuation", "multi_paragraph", "partial", "nested",
           "unbalanced"}
OPENING_MARKS = ("\u201c", "\u2018", '"', "'")
ANON_ID = re.compile(r"^anonymous:(\d+)$")
# Hedge labels that name a construction rather than a word of the text.
HEDGE_LABELS = {"question"}

MIN_TOTAL = 150
MIN_PER_KIND = 8


def _load() -> dict:
    with GOLD.open(encoding="utf-8") as f:
        return json.load(f)


GOLD_DATA = _load()
ARTICLES = GOLD_DATA["articles"]


def occurrences(text: str, s: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of ``s`` in ``text``."""
    hits, pos = [], text.find(s)
    while pos != -1:
        hits.append(pos)
        pos = text.find(s, pos + 1)
    return hits


def locate(text: str, s: str, occurrence: int | None) -> int | None:
    """Offset of ``s`` per the gold convention: unique, or the ``occurrence``-th (0-based) one."""
    hits = occurrences(text, s)
    if occurrence is None:
        return hits[0] if len(hits) == 1 else None
    return hits[occurrence] if 0 <= occurrence < len(hits) else None


def _article_problems(art: dict) -> list[str]:
    text = art["text"]
    problems: list[str] = []
    entity_names = {e["name"] for e in art.get("entities", [])}
    outlet_mentions = {art["outlet"]} | {
        m for e in art.get("entities", []) if e["name"] == art["outlet"] for m in e["mentions"]
    }
    outlets = {art["outlet"]} | {e["name"] for e in art.get("entities", []) if e["type"] == "OUTLET"}
    for e in art.get("entities", []):
        for m in e["mentions"]:
            if m not in text:
                problems.append(f"entity mention {m!r} not in text")
    seen_anon: list[int] = []
    for i, a in enumerate(art["attributions"]):
        where = f"#{i} {a['content'][:40]!r}"
        kind, quote, source = a["kind"], a["quote"], a["source"]
        if kind not in SOURCE_KINDS:
            problems.append(f"{where}: kind {kind!r}")
        if a["certainty"] not in CERTAINTIES:
            problems.append(f"{where}: certainty {a['certainty']!r}")
        if a["polarity"] not in POLARITIES:
            problems.append(f"{where}: polarity {a['polarity']!r}")
        if quote not in QUOTES:
            problems.append(f"{where}: quote {quote!r}")
        if not isinstance(a["out_of_sentence"], bool):
            problems.append(f"{where}: out_of_sentence must be a boolean")
        if a.get("layout") is not None and a["layout"] not in LAYOUTS:
            problems.append(f"{where}: layout {a['layout']!r}")

        cpos = locate(text, a["content"], a.get("occurrence"))
        if cpos is None:
            problems.append(f"{where}: content not found (or ambiguous without occurrence)")
            continue
        content = a["content"]
        if content != content.strip() or content.endswith((",", ".", ";", ":")):
            problems.append(f"{where}: content must not carry edge spaces or trailing , . ; :")
        if source is not None and locate(text, source, a.get("source_occurrence")) is None:
            problems.append(f"{where}: source {source!r} not found (or ambiguous without source_occurrence)")
        if a.get("cue") is not None and a["cue"].lower() not in text.lower():
            problems.append(f"{where}: cue {a['cue']!r} not in text")
        for h in a.get("hedges", []):
            if h not in HEDGE_LABELS and h.lower() not in text.lower():
                problems.append(f"{where}: hedge {h!r} not in text")
        if a["certainty"] != "certain" and not a.get("hedges"):
            problems.append(f"{where}: non-certain attribution must name its hedge")

        # Quote conventions (README: "Content spans").
        if quote == "direct":
            if cpos == 0 or not text[cpos - 1] in OPENING_MARKS:
                problems.append(f"{where}: direct content must start right after an opening quote mark")
            if a.get("layout") is None:
                problems.append(f"{where}: direct quotes carry a layout")
        elif a.get("layout") is not None:
            problems.append(f"{where}: layout is only for direct quotes")
        if quote == "indirect" and content.lower().startswith("that "):
            problems.append(f"{where}: indirect content excludes the complementiser 'that'")
        if kind in ("unattributed", "observation") and quote != "none":
            problems.append(f"{where}: {kind} has quote 'none'")
        if quote == "none" and kind not in ("unattributed", "observation"):
            problems.append(f"{where}: only unattributed/observation have quote 'none'")

        # Source conventions (README: "Source kinds" and "Sources").
        if kind == "unattributed" and (source or a.get("cue") or a.get("source_id")):
            problems.append(f"{where}: unattributed has no source, cue or source_id")
        if kind == "observation" and source is not None:
            problems.append(f"{where}: observation has no source mention")
        if kind not in ("unattributed", "observation", "rumor") and source is None:
            problems.append(f"{where}: {kind} needs a source mention")
        if kind == "rumor" and source is None and not a.get("cue"):
            problems.append(f"{where}: a carrier-less rumor needs its cue ('reportedly')")
        if kind == "anonymous":
            m = ANON_ID.match(a.get("source_id") or "")
            if not m:
                problems.append(f"{where}: anonymous needs source_id 'anonymous:N'")
            else:
                n = int(m.group(1))
                if n not in seen_anon:
                    if n != len(seen_anon) + 1:
                        problems.append(f"{where}: anonymous ids are numbered in order of introduction")
                    seen_anon.append(n)
        elif a.get("source_id") is not None:
            problems.append(f"{where}: source_id is only for anonymous sources")
        if kind in ("named_person", "social_media") and not a.get("source_entity"):
            problems.append(f"{where}: {kind} names its person in source_entity")
        if a.get("source_entity") and a["source_entity"] not in entity_names:
            problems.append(f"{where}: source_entity {a['source_entity']!r} not among the article's entities")
        if a.get("via") is not None and a["via"] not in outlets:
            problems.append(f"{where}: via {a['via']!r} is neither the outlet nor an OUTLET entity")
        if kind == "outlet" and source.lower() != "we" and source not in outlet_mentions:
            problems.append(f"{where}: outlet source must name the publishing outlet")
        if kind == "other_media" and source in outlet_mentions:
            problems.append(f"{where}: the publishing outlet's own reporting is kind 'outlet'")
        if a.get("nested") and a.get("layout") != "nested":
            problems.append(f"{where}: nested quotes have layout 'nested'")
    return problems


def test_gold_file_shape() -> None:
    assert GOLD_DATA["corpus"] is None, "texts are inline"
    assert 15 <= len(ARTICLES) <= 20
    ids = [a["id"] for a in ARTICLES]
    assert len(ids) == len(set(ids)), "article ids are unique"
    for art in ARTICLES:
        date.fromisoformat(art["published"])
        assert art["outlet"]
        words = len(art["text"].split())
        assert 150 <= words <= 400, (art["id"], words)
        curly = any(m in art["text"] for m in "\u201c\u201d")
        assert art["quote_marks"] == ("curly" if curly else "straight"), art["id"]
        if curly:
            assert '"' not in art["text"], f"{art['id']}: mixes straight double marks into a curly article"


@pytest.mark.parametrize("art", ARTICLES, ids=[a["id"] for a in ARTICLES])
def test_article_annotations_valid(art: dict) -> None:
    problems = _article_problems(art)
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
    short = {k: kinds[k] for k in SOURCE_KINDS if kinds[k] < MIN_PER_KIND}
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
