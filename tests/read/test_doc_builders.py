"""The hand-built Doc helpers themselves (tests/helpers/docs.py)."""

from __future__ import annotations

from helpers.docs import build, make_doc, parsed_doc


def test_helper_tags_and_parse():
    doc = make_doc("“Hi,” the source says.")
    assert [t.pos_ for t in doc][-3:] == ["NOUN", "VERB", "PUNCT"]
    assert not doc.has_annotation("DEP")
    pd = parsed_doc("She/PRON/PRP/nsubj/1 left/VERB/VBD/ROOT/- ./PUNCT/./punct/1")
    assert pd.has_annotation("DEP") and pd[0].head.i == 1


def test_builder_makes_sentences_and_spacing() -> None:
    doc = build("Mara Quinn smiled . || She left .")
    assert doc.text == "Mara Quinn smiled. She left."
    assert [s.text for s in doc.sents] == ["Mara Quinn smiled.", "She left."]


def test_tagger_entities_read_once_within_the_entity_rules() -> None:
    """tagger_entities is doc.ents as plain tuples; inside reading_ner it is read once, and a
    change of doc.ents after the block is seen."""
    from spacy.tokens import Span

    from storyline.read.entities.spans import reading_ner, tagger_entities

    doc = build("Mara Quinn flew to New York .", ents=[("Mara Quinn", "PERSON"), ("New York", "GPE")])
    want = [(e.start, e.end, e.label_, e.text) for e in doc.ents]
    assert [tuple(e) for e in tagger_entities(doc)] == want
    with reading_ner(doc):
        first = tagger_entities(doc)
        assert tagger_entities(doc) is first and [tuple(e) for e in first] == want
    doc.ents = [Span(doc, 0, 2, label="ORG")]
    assert [tuple(e) for e in tagger_entities(doc)] == [(0, 2, "ORG", "Mara Quinn")]
