"""Domain packs: the bundled celebrity pack loads, a broken pack is a DataError naming the file,
and the claims component takes its packs as spaCy config."""

from __future__ import annotations

import json

import pytest

from storyline.core import lexicon, packs
from storyline.core.errors import DataError
from storyline.core.packs import available_packs, load_pack, pack_forms


def test_the_celebrity_pack_loads_with_its_classes_and_forms():
    assert "celebrity" in available_packs()
    pack = load_pack("celebrity")
    assert pack.classes["separation"].once_only and pack.classes["affair"].disputable and pack.classes["marriage"].place
    assert pack.predicates["leave"].once_only is False and pack.predicates["marry"].noun == "wedding"
    forms = pack_forms(("celebrity",))
    assert forms["split"] == ("separate", "separation") and forms["have affair"] == ("cheat", "affair")
    assert pack_forms(()) == {}


def test_the_celebrity_pack_gives_the_class_structure_reconcile_reads():
    assert packs.block_event("separation", "divorce") == "separation:divorce"
    assert packs.block_event("separation", "split") == "separation" and packs.block_event("~arrest", "arrest") == "~arrest"
    assert packs.once_only_events() == {"marriage", "marriage:engage", "meeting", "separation", "separation:divorce"}
    assert packs.event_noun("separation:divorce") == "divorce filing" and packs.event_noun("separation:leave") is None
    assert packs.class_of("affair").disputable and packs.class_of("earthquake") is None


def test_an_unknown_pack_is_an_error_naming_the_bundled_ones():
    with pytest.raises(DataError, match="unknown domain pack 'sports'") as err:
        load_pack("sports")
    assert "celebrity" in err.value.fix


@pytest.fixture
def pack_dir(tmp_path, monkeypatch):
    (tmp_path / "packs").mkdir()
    monkeypatch.setattr(lexicon, "_data_dir", lambda: tmp_path)
    monkeypatch.setattr(packs, "available_packs", lambda: ("mini",))
    lexicon._parsed.cache_clear()
    load_pack.cache_clear()
    yield tmp_path / "packs"
    lexicon._parsed.cache_clear()
    load_pack.cache_clear()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ({"classes": {}, "predicates": {"win": {"class": "sport", "forms": []}}}, "predicate 'win' must name one of the pack's classes"),
        ({"classes": {"sport": {"description": "x"}}, "predicates": {"win": {"class": "sport", "forms": "beat"}}}, "'forms' must be a list"),
        ({"classes": {"sport": {"description": "x", "once_only": "yes"}}, "predicates": {}}, "'once_only' must be true or false"),
        ({"classes": {}}, "the key 'predicates' is missing"),
        ({"classes": {"sport": {"description": "x", "denial_words": "doping"}}, "predicates": {}}, "'denial_words' must be a list"),
        ({"classes": {"sport": {"description": "x", "rescue_words": ["Doping"]}}, "predicates": {}}, "'rescue_words' must be a list"),
        ({"classes": {"sport": {"description": "x", "events": {"win": "final"}}}, "predicates": {}}, "'win' is no predicate"),
        ({"classes": {"sport": {"description": "x", "takes_from": {"work": ["play ball"]}}}, "predicates": {}}, "'work' is no predicate"),
        ({"classes": {"sport": {"description": "x", "takes_from": ["play"]}}, "predicates": {}}, "'takes_from' must map"),
    ],
)
def test_a_broken_pack_is_a_data_error_naming_the_file(pack_dir, content, problem):
    (pack_dir / "mini.json").write_text(json.dumps(content), "utf-8")
    with pytest.raises(DataError) as err:
        load_pack("mini")
    assert "packs/mini.json" in str(err.value) and problem in str(err.value)


def test_the_claims_component_takes_its_packs_as_config():
    import spacy

    from storyline.read.pipeline import register_components

    register_components()
    nlp = spacy.blank("en")
    assert nlp.add_pipe("storyline_claims", config={"packs": ["celebrity"]}).packs == ("celebrity",)
    assert spacy.blank("en").add_pipe("storyline_claims").packs == ()
    with pytest.raises(DataError):
        spacy.blank("en").add_pipe("storyline_claims", config={"packs": ["sports"]})
