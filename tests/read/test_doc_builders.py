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
