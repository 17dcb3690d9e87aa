"""The outlet scanner (gazetteer alternation + a publisher's own forms) finds exactly what one
alternation over all the forms finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.read.entities.lexicon import lexicon, outlet_regex
from storyline.read.entities.outlets import _forms, _Scanner, outlets_for

_WORDS = ["Us", "Weekly", "Daily", "Lumen", "The", "Star", "News", "Times", "New", "York", "us", "&", "Co"]


def _spans(matches):
    return [(m.start(), m.end(), m.group(0)) for m in matches]


@settings(max_examples=300, deadline=None)
@given(
    gazetteer=st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=6),
    publisher=st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join), max_size=4),
    text=st.lists(st.sampled_from(_WORDS + [" ", ", ", ".", "'s", "x"]), max_size=30).map(" ".join),
)
def test_two_alternations_find_what_one_finds(gazetteer, publisher, text):
    one = outlet_regex(gazetteer + publisher)
    extra = [f for f in publisher if f not in set(gazetteer)]
    two = _Scanner(outlet_regex(gazetteer), outlet_regex(extra))
    assert _spans(two.finditer(text)) == _spans(one.finditer(text))


def test_a_new_publisher_adds_its_forms_to_the_gazetteer_scan():
    lex = lexicon()
    text = "The Morning Quill said on Monday, as the Quill told Us Weekly."
    sure, maybe, scanner = _forms(lex, "The Morning Quill")
    forms = {f for o in outlets_for(lex, "The Morning Quill") for f in (o.name, *o.aliases, *o.ambiguous)}
    assert _spans(scanner.finditer(text)) == _spans(outlet_regex(list(forms)).finditer(text))
    assert "The Morning Quill" in sure and "Quill" in maybe


def test_publishers_in_the_gazetteer_share_one_compiled_alternation():
    lex = lexicon()
    known = lex.outlets[0].name
    a, b = _forms(lex, known)[2], _forms(lex, None)[2]
    assert a._rxs[0] is b._rxs[0] and len(a._rxs) == len(b._rxs) == 1
