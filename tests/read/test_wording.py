"""The words the reader records for reconcile (storyline.read.wording): a claim's content lemmas,
each sentence's bounds and word forms. Hand-built Docs: explicit tags and lemmas, no model."""

from __future__ import annotations

import spacy
from helpers.docs import build

from storyline.read.chunks import merge_annotations
from storyline.read.doc import SentenceAnn
from storyline.read.extract import Annotations
from storyline.read.wording import content_lemmas, content_lemmas_in, sentence_anns, token_content_lemmas, word_forms


def test_content_words_are_distinct_lower_case_lemmas_of_open_class_words_in_text_order():
    doc = build("Quinn|PROPN separated|VERB|VBD|||separate from|ADP her|PRON husband|NOUN and|CCONJ had|AUX||||have "
                "quietly|ADV separated|VERB|VBN|||separate before|ADV 2020|NUM .|PUNCT")
    # "from", "her", "and", "had" are closed-class; "separated" comes once.
    assert content_lemmas(doc) == ["quinn", "separate", "husband", "quietly", "before", "2020"]


def test_the_part_of_speech_decides_not_a_stop_list():
    doc = build("They|PRON did|VERB|VBD|||do it|PRON again|ADV in|ADP Lagos|PROPN ,|PUNCT ten|NUM times|NOUN||||time")
    assert content_lemmas(doc) == ["do", "again", "lagos", "ten", "time"]  # all stop words but "lagos", "time"


def test_without_tags_or_lemmatiser_content_words_are_the_words_as_written_but_stop_words():
    doc = spacy.blank("en")("The couple MARRIED in 2014, sources said.")
    assert content_lemmas(doc) == ["couple", "married", "2014", "sources", "said"]  # "the", "in": stop words


def test_content_lemmas_read_once_per_doc_give_every_spans_content_lemmas():
    # Tagged (lemma, lemma-less, closed-class, punctuation, number) and untagged (stop list) Docs.
    tagged = build("Quinn|PROPN separated|VERB|VBD|||separate from|ADP her|PRON husband|NOUN ,|PUNCT QUIETLY|ADV "
                   "again|ADV 2020|NUM ...|PUNCT")
    for doc in (tagged, spacy.blank("en")("The couple MARRIED in 2014, sources said -- again.")):
        per_token = token_content_lemmas(doc)
        for i in range(len(doc) + 1):
            for j in range(i, len(doc) + 1):
                assert content_lemmas_in(per_token, i, j) == content_lemmas(doc[i:j]), (i, j)
    assert token_content_lemmas(spacy.blank("en")("")) == []


def test_sentences_carry_their_bounds_and_distinct_word_forms():
    doc = build("Quinn|PROPN left|VERB .|PUNCT || She|PRON left|VERB Left|PROPN Bank|PROPN !|PUNCT")
    first, second = sentence_anns(doc)
    assert doc.text[first.start:first.end] == "Quinn left."
    assert doc.text[second.start:second.end] == "She left Left Bank!"
    assert first.words == ["quinn", "left"] and second.words == ["she", "left", "bank"]
    assert word_forms(doc[0:3]) == ["quinn", "left"]


def test_a_doc_without_sentence_boundaries_has_no_sentences():
    assert sentence_anns(spacy.blank("en")("No parser ran. So no sentences.")) == []


def test_a_long_article_keeps_every_chunk_s_sentences_at_their_place_in_the_whole_text():
    one = Annotations([], [], [], [], [SentenceAnn(0, 11, ["quinn", "left"])])
    two = Annotations([], [], [], [], [SentenceAnn(0, 8, ["she", "left"])])
    merged = merge_annotations([(0, one), (13, two)])
    assert [(s.start, s.end, s.words) for s in merged.sentences] == [(0, 11, ["quinn", "left"]), (13, 21, ["she", "left"])]
