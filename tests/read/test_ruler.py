"""storyline.read.ruler: the attribute ruler applied with arrays sets what spaCy's sets, token for token."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from storyline import api
from storyline.read.pipeline import DEFAULT_MODELS
from storyline.read.ruler import ArrayRuler, compile_ruler, use_array_ruler

FIELDS = ("tag_", "pos_", "morph", "lemma_", "dep_")


def _annotations(docs):
    return [[tuple(str(getattr(t, f)) for f in FIELDS) for t in doc] for doc in docs]


@pytest.mark.model
def test_the_model_ruler_compiles_and_annotates_real_news_as_spacy_does():
    nlp = spacy.load(next(m for m in DEFAULT_MODELS if spacy.util.is_package(m)))
    ruler = nlp.get_pipe("attribute_ruler")
    fast = compile_ruler(ruler)
    assert isinstance(fast, ArrayRuler), "every pattern of the English model's ruler is of a supported form"
    texts = [a.text for story in ("fiction", "real") for a in api.ingest([api.demo_corpus(story)]).articles]
    texts.append("We ain't gonna stop. Let's go, y'all gotta see it: it's gon na rain.\n\n  Done.")
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        parsed = list(nlp.pipe(texts))
    by_spacy = [ruler(d.copy()) for d in parsed]
    by_arrays = [fast(d.copy()) for d in parsed]
    assert _annotations(by_arrays) == _annotations(by_spacy)
    again = [fast(d.copy()) for d in parsed]  # now from the kept per-value results
    assert _annotations(again) == _annotations(by_spacy)


def _ruler(patterns) -> AttributeRuler:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return ruler


def _doc(ruler, words, tags, deps=None):
    from spacy.tokens import Doc

    return Doc(ruler.vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words) if deps else None)


def test_later_patterns_win_and_longer_patterns_set_the_token_at_their_index():
    patterns = [
        {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "LEMMA": "first"}},
        {"patterns": [[{"LOWER": "na"}]], "attrs": {"LEMMA": "second"}},
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": {"REGEX": "^na$"}}]], "attrs": {"LEMMA": "to"}, "index": 1},
        {"patterns": [[{"TAG": {"NOT_IN": ["VB", ""]}, "LOWER": {"IN": ["x", "y"]}}]], "attrs": {"POS": "X"}},
    ]
    ruler = _ruler(patterns)
    fast = compile_ruler(ruler)
    assert fast is not None
    words, tags = ["gon", "na", "x", "y", "na"], ["VB", "NN", "NN", "VB", "NN"]
    assert _annotations([fast(_doc(ruler, words, tags))]) == _annotations([ruler(_doc(ruler, words, tags))])
    assert [t.lemma_ for t in fast(_doc(ruler, words, tags))] == ["", "to", "first", "", "second"]


def test_a_ruler_with_an_unsupported_pattern_is_left_to_spacy():
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns([{"patterns": [[{"ORTH": "x", "OP": "+"}]], "attrs": {"POS": "X"}}])
    assert compile_ruler(nlp.get_pipe("attribute_ruler")) is None
    assert use_array_ruler(nlp) is False
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeRuler)
