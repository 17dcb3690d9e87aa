"""The baseline of eval/ecbplus_attribution.py on hand-made sentences (needs the model): it must be
the simple rule its docstring states, since the README compares storyline with it."""

from __future__ import annotations

import sys

import pytest
from helpers.paths import EVAL_DIR

from storyline.core.records import Article

sys.path.insert(0, str(EVAL_DIR))

pytestmark = pytest.mark.model


def _claims(text: str):
    from ecbplus_attribution import baseline_readings

    article = Article("a", text, None, None, None, None, "test", "txt", "")
    (reading,) = baseline_readings([article])
    return [(c.text, c.source.text, c.source.kind) for c in reading.claims]


def test_subject_of_said_is_the_source_and_its_complement_the_content():
    # The baseline knows no organisation words: an untagged "Police" is anonymous, a tagged ORG is not.
    assert _claims("Police said the driver was arrested near the bridge.") == [
        ("the driver was arrested near the bridge", "Police", "anonymous")]
    assert _claims("Microsoft said the flaw was fixed.") == [("the flaw was fixed", "Microsoft", "organization")]


def test_a_quote_before_the_cue_is_the_rest_of_the_sentence():
    found = _claims('"We are looking for the driver," Inspector John Smith said on Monday.')
    assert found == [("We are looking for the driver", "Inspector John Smith", "named_person")]


def test_according_to_gives_its_object_and_the_other_side():
    found = _claims("The fire started in the kitchen, according to a spokesman.")
    assert found == [("The fire started in the kitchen", "a spokesman", "anonymous")]
