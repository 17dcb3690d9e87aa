"""Which nested claims are passing mentions (storyline.reconcile.nesting)."""

from dataclasses import replace

from helpers.builders import ArticleBuilder, quantities_in

from storyline.core.ids import make_id
from storyline.reconcile.nesting import passing_mentions


def _inner(reading, outer_id: str, words: str, predicate: str, pos: str):
    """A claim on ``words`` inside the claim ``outer_id``, as the reader gives each event mention one."""
    outer = next(c for c in reading.claims if c.id == outer_id)
    start = reading.article.text.index(words, outer.start)
    end = start + len(words)
    return replace(outer, id=make_id("c", reading.article.id, start, end, predicate), start=start, end=end, text=words,
                   predicate=predicate, predicate_pos=pos,
                   quantities=quantities_in(reading.article.text, start, end, (), (outer.sentence_start, outer.sentence_end)))


def test_a_clause_with_figures_inside_a_claim_states_them_a_noun_named_in_passing_does_not():
    a = ArticleBuilder("a1", "AP", "2024-12-03")
    said = a.claim("the governor said 50 were injured", predicate="say")
    searched = a.claim("rescuers searched the rubble after the quake", predicate="search")
    r = a.build()
    injured = _inner(r, said, "50 were injured", "injure", "verb")
    quake = _inner(r, searched, "the quake", "quake", "noun")
    r = replace(r, claims=(*r.claims, injured, quake))
    assert injured.quantities and injured.quantities[0].value == 50
    assert passing_mentions([r]) == {quake.id}
