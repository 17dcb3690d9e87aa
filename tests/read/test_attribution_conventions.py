"""The two annotation conventions of the attribution reader (option ``attribution_convention``):
PARC 3.0 (the default: a reported clause or quote is the content) and MEANTIME (a reporting verb's
event-noun object is a content too)."""

from __future__ import annotations

import pytest
import spacy

from storyline.core.errors import ConfigError
from storyline.core.options import AnalysisOptions, load_options


def test_default_convention_is_parc_and_unknown_names_are_refused():
    assert load_options().attribution_convention == "parc"
    assert AnalysisOptions(attribution_convention="meantime").attribution_convention == "meantime"
    with pytest.raises(ConfigError, match="attribution_convention"):
        AnalysisOptions(attribution_convention="slink")


def test_pipeline_hands_the_convention_to_the_component():
    from storyline.read.pipeline import PipelineSpec, _config

    assert _config("storyline_attribution", (), "meantime", "meantime") == {"convention": "meantime"}
    assert _config("storyline_attribution", (), "meantime") == {"convention": "parc"}
    assert PipelineSpec.of(AnalysisOptions(attribution_convention="meantime")).attribution_convention == "meantime"


def test_component_refuses_an_unknown_convention():
    import storyline.read.attribution  # noqa: F401 - registers the factory

    with pytest.raises(ValueError, match="convention"):
        spacy.blank("en").add_pipe("storyline_attribution", config={"convention": "slink"})


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Harbor Air has announced 10,000 job cuts over the next four years.", "10,000 job cuts over the next four years"),
        ("Last year the carmaker reported a loss of $6 billion.", "a loss of $6 billion"),
    ],
)
def test_meantime_reads_an_event_noun_object_and_parc_does_not(text, content):
    from helpers.docs import model_doc

    from storyline.read.attribution import find_attributions

    doc = model_doc(text)
    assert [text[a.content_start : a.content_end] for a in find_attributions(doc, "meantime")] == [content]
    assert find_attributions(doc, "parc") == []


@pytest.mark.model
def test_meantime_leaves_objects_that_name_no_event_or_verbs_that_report_none():
    from helpers.docs import model_doc

    from storyline.read.attribution import find_attributions

    for text in ("She posted a photo of the dog.", "The update added a new feature to the phone.",
                 "The firm asked the government for more aid."):
        assert find_attributions(model_doc(text), "meantime") == [], text
