"""Quotation-mark pairing on plain text."""

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.read.attribution.quotes import find_quotes, paragraphs


def inner(text):
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text)]


def test_curly_and_straight_marks():
    text = "“She is fine,” the source says. \"He is not,\" says the pal."
    assert inner(text) == ["She is fine,", "He is not,"]


def test_apostrophes_are_not_quotes():
    text = "“She didn’t give up on Millepied’s plan,” a source says."
    qs = find_quotes(text)
    assert len(qs) == 1 and qs[0].nested == []


def test_nested_single_quotes_inside_double():
    text = "Her friends “told her, ‘You lose him how you get him,’” the source says."
    (q,) = find_quotes(text)
    assert [text[a:b] for a, b in q.nested] == ["You lose him how you get him,"]
    assert text[q.inner_start : q.inner_end] == "told her, ‘You lose him how you get him,’"


def test_quote_running_over_paragraphs_is_linked():
    text = "“It was over long ago.\n\n“Nobody could fix it,” the insider says."
    a, b = find_quotes(text)
    assert a.continues and not a.unbalanced and b.continued
    assert text[a.inner_start : a.inner_end] == "It was over long ago."


def test_unbalanced_marks_degrade_only_their_paragraph():
    text = "“She left, the source says.\n\nThe pal says “he stayed,” later.\n\nShe said “yes."
    qs = find_quotes(text)
    assert [text[q.inner_start : q.inner_end] for q in qs] == ["She left, the source says.", "he stayed,", "yes."]
    assert qs[0].unbalanced and not qs[1].unbalanced and qs[2].unbalanced


def test_closer_without_opener_runs_from_paragraph_start():
    text = "She was happy,” the pal says."
    (q,) = find_quotes(text)
    assert q.unbalanced and text[q.inner_start : q.inner_end] == "She was happy,"


def test_british_single_quotes_when_no_double_marks():
    text = "‘It is over,’ the source says."
    (q,) = find_quotes(text)
    assert q.single and text[q.inner_start : q.inner_end] == "It is over,"


def test_paragraph_spans_skip_blank_lines():
    assert paragraphs("a b\n\n  c\n") == [(0, 3), (7, 8)]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab ,.\n“”‘’\"'")), max_size=80))
def test_never_raises_and_spans_are_ordered(text):
    qs = find_quotes(text)
    for q in qs:
        assert 0 <= q.start <= q.inner_start <= q.inner_end <= q.end <= len(text)
    assert [q.start for q in qs] == sorted(q.start for q in qs)
