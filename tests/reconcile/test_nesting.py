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


def _told_in_passing(article_id: str, outlet: str, sentence: str, predicate: str):
    """An article whose one claim, ``sentence``, its outlet asserts and names the quake in passing
    (a nested noun claim)."""
    a = ArticleBuilder(article_id, outlet, "2024-12-03")
    outer = a.claim(sentence, predicate=predicate, kind="outlet")
    r = a.build()
    quake = replace(_inner(r, outer, "the quake", "quake", "noun"), lemmas=("quake",))
    return replace(r, claims=(*r.claims, quake)), quake.id


def test_mentions_in_passing_are_not_sources_of_a_fact_its_asserting_claims_are():
    from storyline.reconcile import reconcile

    # Three outlets name "the quake" in passing, each inside a claim about something else: none
    # of them asserts anything of the quake, so they corroborate nothing (ECB+'s real demo had
    # 'electricity', 'television' and 'rescue' as corroborated facts this way).
    readings, mentions = zip(*(_told_in_passing(f"a{i}", outlet, sentence, predicate) for i, (outlet, sentence, predicate) in
                               enumerate([("AP", "rescuers searched the rubble after the quake", "search"),
                                          ("Reuters", "schools closed for a week after the quake", "close"),
                                          ("BBC", "the ferry stopped running because of the quake", "stop")])))
    story = reconcile(list(readings))
    fact = next(f for f in story.facts if mentions[0] in f.claims)
    assert set(mentions) <= set(fact.claims)  # they still make one fact (an event told in three articles)
    assert fact.independent_sources == 1 and fact.status == "single_source"

    # One outlet asserting it counts; the mentions in passing beside it still do not.
    a = ArticleBuilder("a9", "CNN", "2024-12-03")
    a.claim("a quake struck the island", predicate="quake", kind="outlet")
    story = reconcile([*readings, a.build()])
    fact = next(f for f in story.facts if mentions[0] in f.claims)
    assert len(fact.claims) == 4
    assert fact.independent_sources == 1 and fact.status == "single_source"


def test_claims_that_say_no_more_than_their_predicate_are_not_sources():
    from storyline.reconcile import reconcile

    def story(text):
        readings = []
        for i, outlet in enumerate(("AP", "Reuters", "BBC")):
            a = ArticleBuilder(f"a{i}", outlet, "2024-12-03")
            a.claim(text, predicate="killing", kind="outlet")  # (the builder's lemmas are the words)
            readings.append(a.build())
        [fact] = reconcile(readings).facts
        return fact

    # "killing" three times (a headline word, a verb left alone by the parse) confirms nothing.
    bare = story("killing")
    assert len(bare.claims) == 3 and (bare.independent_sources, bare.status) == (1, "single_source")
    # "killing 10 people" three times is a corroborated figure.
    told = story("killing 10 people")
    assert (told.independent_sources, told.status) == (3, "corroborated")
