"""The strict lexicon loader: a missing, broken or misshapen data file is an error naming the file."""

from __future__ import annotations

import json

import pytest

from storyline.core import lexicon
from storyline.core.errors import DataError, StorylineError
from storyline.core.lexicon import load_data


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A data directory of the test's own, with the loader's cache cleared before and after."""
    monkeypatch.setattr(lexicon, "_data_dir", lambda: tmp_path)
    lexicon._parsed.cache_clear()
    yield tmp_path
    lexicon._parsed.cache_clear()


def test_good_file_gives_its_data(data_dir):
    (data_dir / "cues.json").write_text(json.dumps({"comment": "c", "verbs": {"say": {}}, "exclusive": ["x"]}), "utf-8")
    data = load_data("cues.json", {"verbs": dict, "exclusive": list})
    assert data["verbs"] == {"say": {}} and data["exclusive"] == ["x"]
    assert load_data("cues.json", {"verbs": dict}) is data  # parsed once


def test_broken_json_names_the_file_the_place_and_a_fix(data_dir):
    (data_dir / "hedges.json").write_text('{"modals": {"may": "possible",}}', "utf-8")
    with pytest.raises(DataError) as err:
        load_data("hedges.json", {"modals": dict})
    msg = str(err.value)
    assert "storyline/data/hedges.json" in msg and "not valid JSON" in msg and "line 1" in msg
    assert err.value.fix and "Fix:" in msg
    assert isinstance(err.value, StorylineError)  # the CLI reports it like any other error


def test_missing_file_is_an_error(data_dir):
    with pytest.raises(DataError, match=r"predicates\.json: the data file is missing"):
        load_data("predicates.json", {"predicates": dict})


@pytest.mark.parametrize(
    "content, problem",
    [
        (["a", "list"], "the top level must be an object, found a list"),
        ({"comment": "no predicates"}, "the key 'predicates' is missing"),
        ({"predicates": ["separate"]}, "'predicates' must be an object, found a list"),
        ({"predicates": None}, "'predicates' must be an object, found null"),
    ],
)
def test_wrong_shape_is_an_error(data_dir, content, problem):
    (data_dir / "predicates.json").write_text(json.dumps(content), "utf-8")
    with pytest.raises(DataError) as err:
        load_data("predicates.json", {"predicates": dict})
    assert "storyline/data/predicates.json" in str(err.value) and problem in str(err.value)


def test_the_bundled_lexicons_load_with_their_readers_shapes():
    """Every reader's shape holds for the shipped files (and the readers build on them)."""
    from storyline.core.packs import available_packs, load_pack
    from storyline.read.attribution.lexicon import cue_lexicon
    from storyline.read.certainty.assess import _lexicon as hedges
    from storyline.read.display import _words as display_words
    from storyline.read.entities.lexicon import lexicon as entities_lexicon

    assert cue_lexicon().verb_forms and hedges()["modals"] and entities_lexicon().outlets
    assert display_words().open_end and display_words().possessive == {"his", "her", "their"}
    assert all(load_pack(name).predicates for name in available_packs())


def test_a_reader_raises_instead_of_reading_nothing(data_dir, monkeypatch):
    """The old loaders turned broken JSON into an empty lexicon; now the reader fails loudly."""
    from storyline.read.certainty import assess as component

    (data_dir / "hedges.json").write_text("{not json", "utf-8")
    component._lexicon.cache_clear()
    try:
        with pytest.raises(DataError, match="hedges.json"):
            component._lexicon()
    finally:
        component._lexicon.cache_clear()
