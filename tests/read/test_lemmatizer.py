"""storyline.read.lemmatizer: the rule lemmatizer asked once per distinct token sets what spaCy's sets, token for token."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from storyline import api
from storyline.read.lemmatizer import ArrayLemmatizer, use_array_lemmatizer
from storyline.read.pipeline import DEFAULT_MODELS


def _lemmas(docs):
    return [[t.lemma_ for t in doc] for doc in docs]


@pytest.mark.model
def test_the_model_lemmatizer_lemmatizes_real_news_as_spacy_does():
    nlp = spacy.load(next(m for m in DEFAULT_MODELS if spacy.util.is_package(m)))
    lemmatizer = nlp.get_pipe("lemmatizer")
    fast = ArrayLemmatizer(lemmatizer)
    texts = [a.text for story in ("fiction", "real") for a in api.ingest([api.demo_corpus(story)]).articles]
    texts.append("We ain't gonna stop. Let's go, y'all gotta see it: it's gon na rain.\n\n  Done. The mice ran; geese were flying.")
    with nlp.select_pipes(disable=["lemmatizer"]):
        parsed = list(nlp.pipe(texts))
    by_spacy = [lemmatizer(d.copy()) for d in parsed]
    by_arrays = [fast(d.copy()) for d in parsed]
    assert sum(len(d) for d in parsed) > 8_000
    assert _lemmas(by_arrays) == _lemmas(by_spacy)
    again = [fast(d.copy()) for d in parsed]  # now from the remembered answers
    assert _lemmas(again) == _lemmas(by_spacy)


def _rule_lemmatizer(overwrite: bool):
    nlp = spacy.blank("en")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule", "overwrite": overwrite})
    lookups = lemmatizer.lookups
    lookups.add_table("lemma_rules", {"noun": [["s", ""]], "verb": [["ed", ""]]})
    lookups.add_table("lemma_index", {"noun": ["cat"], "verb": ["walk"]})
    lookups.add_table("lemma_exc", {"noun": {"mice": ["mouse"]}})
    return nlp, lemmatizer


def _doc(vocab, lemmas=None):
    words = ["Cats", "walked", "mice", "cats", "Cats"]
    pos = ["NOUN", "VERB", "NOUN", "NOUN", "NOUN"]
    morphs = ["Number=Plur", "Tense=Past|VerbForm=Fin", "Number=Plur", "Number=Plur", "Number=Sing"]
    return Doc(vocab, words=words, pos=pos, morphs=morphs, lemmas=lemmas)


@pytest.mark.parametrize("overwrite", [False, True])
def test_lemmas_set_before_are_kept_unless_the_lemmatizer_overwrites(overwrite):
    nlp, lemmatizer = _rule_lemmatizer(overwrite)
    fast = ArrayLemmatizer(lemmatizer)
    given = ["", "", "", "kitty", ""]
    ours = fast(_doc(nlp.vocab, given))
    assert _lemmas([ours]) == _lemmas([lemmatizer(_doc(nlp.vocab, given))])
    assert [t.lemma_ for t in ours] == ["cat", "walk", "mouse", "cat" if overwrite else "kitty", "cats"]


def test_a_lookup_lemmatizer_is_left_to_spacy():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"}).lookups.add_table("lemma_lookup", {"cats": "cat"})
    assert use_array_lemmatizer(nlp) is False
    assert isinstance(nlp.get_pipe("lemmatizer"), Lemmatizer)
