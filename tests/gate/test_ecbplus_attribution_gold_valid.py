"""Validity of the ECB+ attribution gold (tests/gold/ecbplus_attribution_*.json, issue 12).

The gold stores no article text (ECB+ is CC BY 3.0; only the annotated excerpts are kept), so the
checks that locate strings need the corpus on disk and are marked ``eval`` (skipped when it is
absent); the shape checks run anywhere. Guidelines: tests/gold/ecbplus_attribution.md.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest
from helpers.paths import EVAL_DIR, GOLD_DIR

from storyline.core.records import SOURCE_KINDS
from storyline.evaluation.gold import locate_article
from storyline.evaluation.locate import occurrences

sys.path.insert(0, str(EVAL_DIR))

from ecbplus_corpus import default_root, load_document, load_validated  # noqa: E402

PARTS = {"dev": GOLD_DIR / "ecbplus_attribution_dev.json", "heldout": GOLD_DIR / "ecbplus_attribution_heldout.json"}
# Pinned so that tests/gold/ecbplus_attribution.md and the JSON cannot disagree silently.
EXPECTED = {"dev": (20, 117), "heldout": (10, 79)}
# Narration is not annotated (PARC 3.0 convention), so neither are its kinds.
KINDS = set(SOURCE_KINDS) - {"unattributed", "observation"}
QUOTES = {"direct", "indirect"}
PRONOUNS = {"he", "she", "it", "they", "him", "her", "them"}

GOLDS = {part: json.loads(path.read_text(encoding="utf-8")) for part, path in PARTS.items()}
ITEMS = [(part, art) for part, gold in GOLDS.items() for art in gold["articles"]]
IDS = [f"{part}:{art['id']}" for part, art in ITEMS]
ROOT = default_root()
needs_corpus = [pytest.mark.eval, pytest.mark.skipif(not (ROOT / "ECB+").is_dir(), reason=f"ECB+ not found at {ROOT}")]


def test_parts_have_the_documented_size_and_do_not_overlap() -> None:
    for part, gold in GOLDS.items():
        assert gold["part"] == part and gold["narration"] == "not annotated"
        assert not any("text" in art for art in gold["articles"])  # the texts stay in the corpus
        assert (len(gold["articles"]), sum(len(a["attributions"]) for a in gold["articles"])) == EXPECTED[part]
    dev, held = ({a["id"] for a in g["articles"]} for g in GOLDS.values())
    assert not dev & held


@pytest.mark.parametrize(("part", "art"), ITEMS, ids=IDS)
def test_fields_are_valid(part: str, art: dict) -> None:
    entities = {e["name"] for e in art["entities"]}
    anonymous = []
    for a in art["attributions"]:
        where = (art["id"], a["content"][:40])
        assert a["kind"] in KINDS, where
        assert a["quote"] in QUOTES, where
        assert isinstance(a["out_of_sentence"], bool), where
        if a["source"] is None:  # only cue-only attributions ('reportedly', 'are believed to')
            assert a["kind"] == "rumor" and a["source_entity"] is None, where
        assert a["source_entity"] is None or a["source_entity"] in entities, where
        if a["source"] is not None and a["source"].lower() in PRONOUNS:
            assert a["source_entity"], f"{where}: a pronoun source names its entity"
        if a["kind"] == "anonymous":
            assert a["source_id"] and a["source_id"].startswith("anonymous:"), where
            anonymous.append(int(a["source_id"].split(":")[1]))
        if a["quote"] == "direct":
            assert not a["content"].endswith((",", ";", ":")), where
    # Register keys are numbered in order of introduction.
    firsts = list(dict.fromkeys(anonymous))
    assert firsts == list(range(1, len(firsts) + 1)), art["id"]


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    validated = load_validated(ROOT)
    return {art["id"]: load_document(ROOT / art["file"], validated).text for _, art in ITEMS}


@pytest.mark.parametrize(("part", "art"), [pytest.param(p, a, marks=needs_corpus, id=i) for (p, a), i in zip(ITEMS, IDS)])
def test_every_string_is_found_in_its_document(part: str, art: dict, texts: dict[str, str]) -> None:
    text = texts[art["id"]]
    assert Path(art["file"]).stem == art["id"]
    located = locate_article(art, text)  # raises GoldError on a missing or ambiguous string
    assert len(located.attributions) == len(art["attributions"])
    for a in art["attributions"]:
        if a["source"] is not None:
            repeated = len(occurrences(text, a["source"])) > 1
            assert repeated == ("source_occurrence" in a), (art["id"], a["content"][:40], a["source"])


@pytest.mark.eval
@pytest.mark.skipif(not (ROOT / "ECB+").is_dir(), reason=f"ECB+ not found at {ROOT}")
def test_documents_are_the_selection_rule_s() -> None:
    from ecbplus_attribution_select import select
    from ecbplus_corpus import load_corpus

    dev, held = select(load_corpus(ROOT))
    assert [a["id"] for a in GOLDS["dev"]["articles"]] == dev
    assert [a["id"] for a in GOLDS["heldout"]["articles"]] == held


def test_kinds_cover_organizations() -> None:
    kinds = Counter(a["kind"] for g in GOLDS.values() for art in g["articles"] for a in art["attributions"])
    assert kinds["organization"] >= 10 and kinds["named_person"] and kinds["anonymous"] and kinds["document"]
