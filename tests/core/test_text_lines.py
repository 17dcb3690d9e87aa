"""Line breaks that end a sentence (storyline.core.text.line_breaks) and the component that sets
them before the parser (storyline_lines)."""

from __future__ import annotations

import pytest
import spacy

from storyline.core.text import line_breaks, wrapped
from storyline.read.lines import set_line_breaks

HEADLINE = "Quake shakes the island\nMarch 3, 2009\nA strong earthquake struck the island on Tuesday, officials said."


def _starts(text: str) -> list[str]:
    return [text[i : i + 12] for i in line_breaks(text)]


def test_a_headline_and_a_dateline_are_sentences_of_their_own():
    assert _starts(HEADLINE) == ["March 3, 200", "A strong ear"]


def test_a_line_that_leaves_a_sentence_going_on_is_not_cut():
    text = "The minister said:\n\u201cWe will rebuild.\u201d\nRescuers, firefighters and\nvolunteers worked all night"
    # not after the colon, nor before the small letter; after the quote's full stop, yes
    assert _starts(text) == ["Rescuers, fi"]


def test_a_blank_line_always_ends_a_paragraph():
    assert _starts("First paragraph, with no stop\n\nsecond one in lower case.") == ["second one i"]


def test_hard_wrapped_text_is_cut_at_blank_lines_only():
    para = (
        "The governor told reporters at the state capitol on\n"
        "Monday that the dam would be inspected again before\n"
        "Friday, and that residents living below the spillway\n"
        "should be ready to leave their homes at short notice.\n"
        "\n"
        "Engineers said the damage was limited."
    )
    assert wrapped(para) and _starts(para) == ["Engineers sa"]
    assert not wrapped(HEADLINE)


def test_the_component_marks_the_first_token_of_each_line():
    nlp = spacy.blank("en")
    doc = set_line_breaks(nlp(HEADLINE))
    starts = [t.text for t in doc if t.is_sent_start and t.i > 0]
    assert starts == ["March", "A"]
    assert set_line_breaks(nlp("One line only.")).to_json()["tokens"] == nlp("One line only.").to_json()["tokens"]


@pytest.mark.model
def test_the_parser_keeps_the_breaks():
    from storyline.read.pipeline import load_pipeline

    nlp = load_pipeline()
    assert nlp.pipe_names.index("storyline_lines") == nlp.pipe_names.index("parser") - 1
    doc = nlp(HEADLINE)
    sents = [s.text.strip() for s in doc.sents]
    assert sents[:2] == ["Quake shakes the island", "March 3, 2009"]
    assert any(t.dep_ == "nsubj" and t.text == "earthquake" for t in doc)
