"""Conflicts between claims of two facts (storyline.reconcile.across), on hand-made readings.

Invented places and events (an island Varo, a town Tarsin, a city Lune); each test states the
figures in claims of different predicates, so alignment keeps them in different facts, and checks
what the story-wide step adds and what it must leave alone.
"""

import re
from dataclasses import replace

from helpers.builders import ArticleBuilder

from storyline.core.records import Fact
from storyline.reconcile import reconcile
from storyline.reconcile import across
from storyline.reconcile.across import directions, durations, event_counts, happening_counts, homes, place_properties
from storyline.reconcile.cast import build_cast
from storyline.reconcile.conflicts import lower_bounds
from storyline.reconcile.features import build_views


def _two(s1: str, s2: str, places=(("Varo", "LOC"), ("Varo Island", "LOC")), predicates=("strike", "centre"),
         extra=((), ())):
    a = ArticleBuilder("a1", "AP", "2024-12-03")
    b = ArticleBuilder("b1", "Reuters", "2024-12-03")
    for x, (name, kind), more in zip((a, b), places, extra):
        x.entity(name, kind)
        for n, k in more:
            x.entity(n, k)
    ca = a.claim(s1, predicate=predicates[0])
    cb = b.claim(s2, predicate=predicates[1])
    return [a.build(), b.build()], ca, cb


def _as_the_step(readings, found, facts=(), bounds=None, name=str):
    """``found``, one rule's conflicts, as the reconcile step finds them: :func:`across.across_facts`
    (every rule, composed of the per-article parts) finds of the same readings the claim pairs
    all the rules' functions find together (each claim not in ``facts`` its own fact, in no
    event), ``found`` among them as the rule tells them."""
    cast = build_cast(readings)
    views = build_views(readings, cast)
    held = {c for f in facts for c in f.claims}
    facts = [*facts, *(Fact(f"f-{v.claim.id}", "", None, (v.claim.id,), (), (), 1, "single_source", "outlet", None)
                       for v in views if v.claim.id not in held)]
    step = across.across_facts(readings, views, cast, facts, (), name, bounds)
    every = [*place_properties(readings, views, cast), *event_counts(views, facts, bounds),
             *happening_counts(views, facts, bounds), *durations(views, bounds), *homes(readings, views, cast, name),
             *directions(views, facts)]
    assert {frozenset(x.claims) for x in step} == {frozenset(x.claims) for x in every}
    assert all(x in step for x in found)
    return found


def _properties(readings):
    cast = build_cast(readings)
    return _as_the_step(readings, place_properties(readings, build_views(readings, cast), cast))


def test_two_populations_of_one_place_in_two_facts_conflict_with_a_reason():
    readings, ca, cb = _two("the quake struck Varo, home to 120,000 people",
                            "the quake was centred near Varo Island, home to 200,000 people")
    [x] = _properties(readings)
    assert set(x.claims) == {ca, cb} and x.kind == "quantity"
    for part in ("AP (2024-12-03) says", "Reuters (2024-12-03) says", "how many people live in Varo",
                 "120,000 vs 200,000", "\u2018120,000 people\u2019"):
        assert part in x.reason
    story = reconcile(readings)
    [conflict] = story.conflicts
    assert set(conflict.claims) == {ca, cb}
    facts = {c: f for f in story.facts for c in f.claims}
    assert facts[ca].id != facts[cb].id  # two facts, one conflict between them
    assert facts[ca].status == facts[cb].status == "contradicted"


def test_populations_that_agree_or_of_two_places_do_not_conflict():
    readings, _, _ = _two("the quake struck Varo, home to 120,000 people",
                          "the quake was centred near Varo Island, home to about 125,000 people")
    assert not _properties(readings)  # within rounding
    readings, _, _ = _two("the quake struck Varo, home to 120,000 people",
                          "the quake was centred near Tarsin, home to 200,000 people", places=(("Varo", "LOC"), ("Tarsin", "GPE")))
    assert not _properties(readings)  # two places


def test_the_holder_is_the_mention_right_before_the_figure():
    # "Varo to Lune, a city of 500,000": the figure is Lune's, even when the reader typed Lune
    # as a person; Varo (named before it) gets no population.
    readings, _, _ = _two("the quake struck Varo, home to 120,000 people",
                          "helicopters flew the injured from Varo Island to Lune, a city of 500,000 people",
                          extra=((), (("Lune", "PERSON"),)))
    b = readings[1]
    i = b.article.text.index("Lune")
    lune = next(e for e in b.entities if e.name == "Lune")
    from storyline.core.records import Mention
    readings[1] = replace(b, mentions=b.mentions + (Mention("m-lune", b.article.id, lune.id, i, i + 4, "Lune", "name"),))
    assert not _properties(readings)
    # without that mention the nearest named place is Varo Island, and the figure is read as its population
    assert _properties([readings[0], b])


def test_a_death_toll_is_no_property_of_the_place_named_before_it():
    readings, _, _ = _two("the quake struck Varo, killing 12 people", "in Varo Island, 30 people were killed",
                          predicates=("strike", "kill"))
    assert not _properties(readings)


def _state(readings, verb="locate"):
    """As the reader (with a parser; the builder has none) reads 'X is ...' (a state, not an event)
    and 'X lies/is located N km from Y' (the figure's verb)."""
    a, b = readings
    a = replace(a, claims=tuple(replace(c, eventive=False) for c in a.claims))
    b = replace(b, claims=tuple(replace(c, quantities=tuple(replace(q, role=verb, role_pos="v") for q in c.quantities))
                                for c in b.claims))
    return [a, b]


def test_distances_from_one_anchor_conflict_when_neither_names_another_place_before():
    readings, ca, cb = _two("the island is about 940 miles south of Tarsin",
                            "the island lies 1,150 kilometers (700 miles) southeast of Tarsin",
                            places=(("Tarsin", "GPE"), ("Tarsin", "GPE")), predicates=("be", "lie"))
    [x] = _properties(_state(readings))
    assert set(x.claims) == {ca, cb} and "the distance of the place from Tarsin" in x.reason
    assert "940 miles \u2248 1,513 kilometers" in x.reason
    readings, _, _ = _two("the island is about 700 miles south of Tarsin",
                          "the island lies 1,150 kilometers southeast of Tarsin",
                          places=(("Tarsin", "GPE"), ("Tarsin", "GPE")), predicates=("be", "lie"))
    assert not _properties(_state(readings))  # 700 miles is 1,127 km: within rounding
    # a distance told of another place (Lune, named right before it) is that place's
    readings, _, _ = _two("the island is about 940 miles south of Tarsin",
                          "the quake also shook Lune, 1,150 kilometers southeast of Tarsin",
                          places=(("Tarsin", "GPE"), ("Tarsin", "GPE")), predicates=("be", "shake"),
                          extra=((), (("Lune", "GPE"),)))
    assert not _properties(_state(readings))


def _facts(readings, groups):
    """Hand-made facts: each group of claim ids one fact, all in one event."""
    return [Fact(f"f-{n}", "", None, tuple(g), (), (), 1, "single_source", "outlet", None, event="v-1")
            for n, g in enumerate(groups)]


def _counts(s1, s2, same_event=True):
    a = ArticleBuilder("a1", "AP", "2024-12-03")
    b = ArticleBuilder("b1", "Reuters", "2024-12-03")
    ca = a.claim(s1, predicate="injure")
    cb = b.claim(s2, predicate="wound")
    readings = [a.build(), b.build()]
    views = build_views(readings, build_cast(readings))
    facts = _facts(readings, [[ca], [cb]])
    if not same_event:
        facts[1] = replace(facts[1], event="v-2")
    return _as_the_step(readings, event_counts(views, facts), facts), ca, cb


def test_counts_of_one_event_in_two_facts_conflict_when_another_figure_agrees():
    found, ca, cb = _counts("the quake killed 10 people and injured 80", "the quake killed 10 persons and wounded 70")
    [x] = found
    assert set(x.claims) == {ca, cb} and "80 vs 70" in x.reason


def test_counts_in_two_facts_need_an_agreeing_figure_and_one_event():
    found, _, _ = _counts("the quake injured 80 people", "the quake wounded 70 people")
    assert not found  # nothing shows the two sentences tell one happening
    found, _, _ = _counts("the quake killed 10 people and injured 80", "the quake killed 12 people and wounded 70")
    assert not found  # the other figure disagrees too: maybe another quake
    found, _, _ = _counts("the quake killed 10 people and injured 80", "the quake killed 10 persons and wounded 70",
                          same_event=False)
    assert not found


def _home(aid, outlet, sentence, place, person="Ada Brook", age=36, published="2024-12-03", more=()):
    """An article whose claim ``sentence`` says '<person>, <age>, of <place>' (place a GPE entity)."""
    from storyline.core.records import Age
    from storyline.read.display import sentence_around
    from storyline.read.entities.ages import age_wording

    a = ArticleBuilder(aid, outlet, published)
    who = a.person(person, aliases=(person.split()[-1],))
    for p in (place, *more):
        a.entity(p, "GPE")
    cid = a.claim(sentence, predicate="stop", subject=who)
    i = a.text.index(f", {age},") + 2
    a.ages.append(Age(f"g-{aid}", aid, who, age, i, i + len(str(age)), published, age_wording(a.text, i, i + 2), None,
                      False, *sentence_around(a.text, i, i + 2)))
    return a.build(), cid


def _homes(*readings):
    readings = list(readings)
    cast = build_cast(readings)
    names = {e.id: e.name for e in cast.entities}

    def name(e):
        return names.get(e, e)

    return _as_the_step(readings, homes(readings, build_views(readings, cast), cast, name), name=name)


def test_two_places_a_person_is_from_conflict():
    ra, ca = _home("a1", "AP", "Police stopped Ada Brook, 36, of Lune", "Lune")
    rb, cb = _home("b1", "Reuters", "Ada Brook, 36, of Tarsin, hit a woman at the Lune store", "Tarsin", more=("Lune",))
    [x] = _homes(ra, rb)  # the Lune of the second sentence is where she hit someone, not her home
    assert x.kind == "place" and set(x.claims) == {ca, cb}
    assert "Ada Brook is of Lune in one and of Tarsin in the other" in x.reason
    story = reconcile([ra, rb])
    assert any(set(c.claims) == {ca, cb} and c.kind == "place" for c in story.conflicts)


def test_an_article_read_twice_tells_the_homes_of_both_readings_in_either_order():
    ra, ca = _home("a1", "AP", "Police stopped Ada Brook, 36, of Lune", "Lune")
    rb, cb = _home("b1", "Reuters", "Ada Brook, 36, of Tarsin, hit a woman at the Lune store", "Tarsin", more=("Lune",))
    ra2 = replace(ra, ages=())  # the same article read again, its Age record not found
    for readings in ([ra, ra2, rb], [ra2, ra, rb]):
        story = reconcile(readings)
        assert [c.kind for c in story.conflicts if set(c.claims) == {ca, cb}] == ["place"]


def test_homes_that_may_both_hold_do_not_conflict():
    ra, _ = _home("a1", "AP", "Police stopped Ada Brook, 36, of Lune", "Lune")
    rb, _ = _home("b1", "Reuters", "Police stopped Ada Brook, 36, of Lune Heights", "Lune Heights")
    assert not _homes(ra, rb)  # one name inside the other
    rc, _ = _home("c1", "AFP", "Police stopped Ada Brook, 36, of Tarsin", "Tarsin", published="2025-12-03")
    assert not _homes(ra, rc)  # a year apart: she may have moved
    rd, _ = _home("d1", "BBC", "Police stopped Ada Brook, 36, of Tarsin", "Tarsin")
    b = ArticleBuilder("e1", "Tribune", "2024-12-03")
    b.entity("Tarsin", "GPE")
    b.entity("Lune", "GPE")
    b.say("Tarsin is a suburb of Lune.")
    assert not _homes(ra, rd, b.build())  # ... except when an article names the two together


def test_a_distance_with_no_place_before_it_must_say_where_something_lies():
    # where an event happened or a passer-by was is no property of a place
    readings, _, _ = _two("the island is about 940 miles south of Tarsin",
                          "a motorist 50 miles north of Tarsin spotted the car",
                          places=(("Tarsin", "GPE"), ("Tarsin", "GPE")), predicates=("be", "spot"))
    assert not _properties(_state(readings, verb="spot"))
    readings, _, _ = _two("the island is about 940 miles south of Tarsin",
                          "the island lies 1,150 kilometers southeast of Tarsin",
                          places=(("Tarsin", "GPE"), ("Tarsin", "GPE")), predicates=("be", "lie"))
    assert _properties(_state(readings, verb="lie"))


def test_a_sentence_listing_both_values_is_no_contradiction():
    a = ArticleBuilder("a1", "AP", "2024-12-03")
    b = ArticleBuilder("b1", "Reuters", "2024-12-03")
    ca = a.claim("Brook is averaging 15.5 points a game and Vance 14.9 points, a drop of five points", predicate="average")
    cb = b.claim("Vance is averaging just 14.9 points, a drop of five points", predicate="average")
    readings = [a.build(), b.build()]
    views = build_views(readings, build_cast(readings))
    assert not event_counts(views, _facts(readings, [[ca], [cb]]))
    # without the list, the same wording is a contradiction
    c = ArticleBuilder("c1", "AFP", "2024-12-03")
    cc = c.claim("Vance is averaging 15.5 points a game, a drop of five points", predicate="average")
    readings = [c.build(), readings[1]]
    views = build_views(readings, build_cast(readings))
    assert event_counts(views, _facts(readings, [[cc], [cb]]))


def _walks(*articles, events=None):
    """Articles of (sentence, predicate[, clock time as written, its value]) claims, the predicate's
    span set at its first word (as the reader sets it); each claim one fact, all in one event
    unless ``events`` names each claim's."""
    readings, ids = [], []
    for n, claims in enumerate(articles):
        x = ArticleBuilder(f"a{n}", f"Outlet {n}", "2024-12-03")
        made = []
        for text, predicate, *clock in claims:
            when = dict(when=clock[1], when_text=clock[0]) if clock else {}
            made.append(x.claim(text, predicate=predicate, **when))
        r = x.build()
        claims = tuple(replace(c, predicate_start=r.article.text.index(c.predicate.split()[0][:4], c.start))
                       for c in r.claims)
        readings.append(replace(r, claims=claims))
        ids += made
    views = build_views(readings, build_cast(readings))
    facts = [Fact(f"f-{n}", "", None, (c,), (), (), 1, "single_source", "outlet", None,
                  event=events[n] if events else "v-1") for n, c in enumerate(ids)]
    return _as_the_step(readings, directions(views, facts), facts), ids


def test_one_movement_told_going_opposite_ways_conflicts_with_both_wordings():
    [x], (ca, cb) = _walks([("the woman was walking into the store at 200 Vale Street", "walk")],
                           [("the woman was walking out of a store when she was struck", "walk out")])
    assert x.kind == "place" and x.claims == (ca, cb)
    for part in ("Outlet 0 (2024-12-03) says", "Outlet 1 (2024-12-03) says", "\u2018into the store\u2019 vs \u2018out of a store\u2019"):
        assert part in x.reason


def test_directions_that_may_all_hold_do_not_conflict():
    into, out = ("she walked into the bank", "walk"), ("she walked out of the bank", "walk out")
    assert not _walks([into], [("she walked out of the station", "walk out")])[0]  # two places
    assert not _walks([into, out], [out])[0]  # one article tells both: she went in and came out
    assert not _walks([into], [out], events=["v-1", "v-2"])[0]  # two events
    assert not _walks([("she checked into the clinic", "check into")], [("she checked out of the clinic", "check out")])[0]  # a stay, not a movement
    assert not _walks([("she was walking in the park", "walk")], [("she walked out of the park", "walk out")])[0]  # 'in' tells where
    assert not _walks([("she walked into the bank at 10 a.m.", "walk", "10 a.m.", "2024-12-03T10:00")],
                      [("she walked out of the bank at 10:40 a.m.", "walk out", "10:40 a.m.", "2024-12-03T10:40")])[0]  # arrival, departure
    assert not _walks([("they moved into the house in 2010", "move", "2010", "2010")],
                      [("they moved out of the house in 2015", "move out", "2015", "2015")])[0]  # two moves
    assert _walks([("she walked into the bank at 10 a.m.", "walk", "10 a.m.", "2024-12-03T10:00")],
                  [("she walked out of the bank at 10 a.m.", "walk out", "10 a.m.", "2024-12-03T10:00")])[0]


def _counted_noun(r):
    """The reading with each count's noun read as the parser reads it: the builder's parse-less
    reader takes the word after the number ("three strong"); the model takes the noun the number
    modifies ("three strong aftershocks")."""
    text = r.article.text

    def fixed(q):
        m = re.compile(r"[a-z ]*?\b(aftershocks|games)\b").match(text, q.start)
        if m is None:
            return q
        return replace(q, end=m.end(), text=m.group(), unit=m.group(1).removesuffix("s"),
                       counted=m.group(1).removesuffix("s"))

    return replace(r, claims=tuple(replace(c, quantities=tuple(map(fixed, c.quantities))) for c in r.claims))


def _happenings(s1, s2, events=("v-1", "v-1"), predicates=("feel", "follow")):
    """Two articles, one claim each (each claim its own fact, in ``events``), and what
    :func:`happening_counts` finds."""
    a = ArticleBuilder("a1", "AP", "2024-12-03")
    b = ArticleBuilder("b1", "Reuters", "2024-12-03")
    ca = a.claim(s1, predicate=predicates[0])
    cb = b.claim(s2, predicate=predicates[1])
    readings = [_counted_noun(a.build()), _counted_noun(b.build())]
    views = build_views(readings, build_cast(readings))
    facts = [replace(f, event=e) for f, e in zip(_facts(readings, [[ca], [cb]]), events)]
    return _as_the_step(readings, happening_counts(views, facts), facts), ca, cb


def test_counts_of_one_event_s_natural_happenings_conflict():
    [x], ca, cb = _happenings("state media said three strong aftershocks were felt on the island",
                              "the quake was followed by at least four strong aftershocks")
    assert x.kind == "count" and set(x.claims) == {ca, cb}
    assert "3 vs 4 or more" in x.reason and "\u2018three strong aftershocks\u2019" in x.reason


def test_counts_of_happenings_that_may_all_hold_do_not_conflict():
    three = "state media said three strong aftershocks were felt on the island"
    # a qualified count is a part of the unqualified one: three strong ones among at least four
    assert not _happenings(three, "the quake was followed by at least four aftershocks")[0]
    assert not _happenings(three, "the quake was followed by three strong aftershocks")[0]  # agree
    assert not _happenings("the quake was followed by at least two strong aftershocks", three)[0]  # a lower bound
    assert not _happenings(three, "the quake was followed by at least four strong aftershocks",
                           events=("v-1", "v-2"))[0]  # two events: two quakes
    assert not _happenings("a 6.1 quake struck the island", "a 5.6 quake struck the island")[0]  # magnitudes
    assert not _happenings("a 6 quake struck the island", "a 7 quake struck the island")[0]  # whole magnitudes too
    # acts are counted per player, game or season: never set against each other here
    assert not _happenings("the Lakers won three games in the series", "the Lakers won at least four games",
                           predicates=("win", "win"))[0]


def test_counts_of_happenings_are_set_against_a_count_of_another_article():
    """The first claim telling one value may be in the article of the other value: the pair is
    then taken with a later claim of the value, from another article."""
    a = ArticleBuilder("a1", "AP", "2024-12-03")
    b = ArticleBuilder("b1", "Reuters", "2024-12-03")
    a3 = a.claim("state media said three strong aftershocks were felt on the island", predicate="feel")
    a5 = a.claim("later five strong aftershocks were felt on the island", predicate="feel")
    b3 = b.claim("the quake was followed by three strong aftershocks", predicate="follow")
    readings = [_counted_noun(a.build()), _counted_noun(b.build())]
    views = build_views(readings, build_cast(readings))
    [x] = happening_counts(views, _facts(readings, [[a3], [a5], [b3]]))
    assert set(x.claims) == {a5, b3}


def test_a_count_of_happenings_inside_one_fact_is_left_to_the_fact():
    a = ArticleBuilder("a1", "AP", "2024-12-03")
    b = ArticleBuilder("b1", "Reuters", "2024-12-03")
    ca = a.claim("state media said three strong aftershocks were felt on the island", predicate="feel")
    cb = b.claim("the quake was followed by five strong aftershocks", predicate="follow")
    readings = [_counted_noun(a.build()), _counted_noun(b.build())]
    views = build_views(readings, build_cast(readings))
    one, two = _facts(readings, [[ca, cb]]), _facts(readings, [[ca], [cb]])
    assert not across.across_facts(readings, views, build_cast(readings), one, (), str)
    assert [x.kind for x in across.across_facts(readings, views, build_cast(readings), two, (), str)] == ["count"]


def test_the_story_lists_a_count_of_happenings_under_both_facts():
    a = ArticleBuilder("a1", "AP", "2024-12-03")
    b = ArticleBuilder("b1", "Reuters", "2024-12-03")
    a.claim("state media said three strong aftershocks were felt on the island", predicate="aftershock")
    b.claim("the quake was followed by at least four strong aftershocks", predicate="aftershock")
    story = reconcile([_counted_noun(a.build()), _counted_noun(b.build())])
    [x] = story.conflicts
    assert x.kind == "count" and "3 vs 4 or more" in x.reason
    assert len(story.facts) == 2 and {f.status for f in story.facts} == {"contradicted"}


def _lengths(*articles, subjects=()):
    """Articles of one claim each: (sentence, predicate[, duration timex as written, its value, its
    mod]), with the subject named in ``subjects`` (one per article, a PERSON) if given; what
    :func:`durations` finds, and the claim ids."""
    readings, ids = [], []
    for n, (text, predicate, *told) in enumerate(articles):
        x = ArticleBuilder(f"a{n}", f"Outlet {n}", "2024-12-03")
        who = x.entity(subjects[n], "PERSON") if subjects else None
        ids.append(x.claim(text, predicate=predicate, subject=who,
                           **(dict(when=told[1], when_text=told[0]) if told else {})))
        r = x.build()
        if told:  # the builder types a claim's timex as a date
            r = replace(r, timexes=tuple(replace(t, type="DURATION", mod=told[2]) for t in r.timexes))
        at = r.article.text.find(predicate[:4], r.claims[0].start) if predicate else -1
        if at >= 0:  # where the reader puts the predicate: its verb as written ("lasted")
            r = replace(r, claims=(replace(r.claims[0], predicate_start=at),))
        readings.append(r)
    return _as_the_step(readings, durations(build_views(readings, build_cast(readings)))), ids


def test_how_long_one_happening_lasted_told_two_ways_conflicts():
    [x], ids = _lengths(("an office worker said the tremor lasted 30 seconds", "last"),
                        ("witnesses felt the ground shaking for about a minute", "shake", "about a minute", "PT1M", "APPROX"))
    assert x.kind == "quantity" and set(x.claims) == set(ids)
    assert "\u201830 seconds\u2019 vs \u2018about a minute\u2019; 30 seconds \u2248 0.5 minutes" in x.reason
    # the same with the length as a number the reader reads ("for 60 seconds")
    assert _lengths(("the tremor lasted 30 seconds", "last"), ("the ground was shaking for 60 seconds", "shake"))[0]


def test_lengths_that_may_all_hold_or_of_other_happenings_do_not_conflict():
    tremor = ("an office worker said the tremor lasted 30 seconds", "last")
    # a lower bound: "just over 10 seconds" at the epicentre
    assert not _lengths(("the initial tremor lasted just over 10 seconds", "last"),
                        ("witnesses felt the ground shaking for about a minute", "shake", "about a minute", "PT1M", "APPROX"))[0]
    assert not _lengths(tremor, ("the tremor lasted about half a minute", "last", "about half a minute", "PT30S", "APPROX"))[0]
    # other happenings: the stand-off, the drive; a time after, not a length ("10 minutes later")
    assert not _lengths(("the siege lasted two hours", "last"), ("he drove for three hours", "drive"))[0]
    assert _lengths(("the chase lasted two hours", "last"), ("police chased him for three hours", "chase"))[0]
    spoke = ("Brook spoke for two hours", "speak"), ("Vance spoke for four hours", "speak")
    assert not _lengths(*spoke, subjects=("Ada Brook", "Tom Vance"))[0]  # two people's
    assert _lengths(*spoke, subjects=("Ada Brook", "Ada Brook"))[0]
    assert not _lengths(("the tremor lasted 30 seconds", "last"), ("the ground shook again 10 minutes later", "shake"))[0]
    # the subject says what lasted, not every event noun of the claim: a meeting, not the shooting
    assert not _lengths(("the meeting after the shooting lasted two hours", "last"), ("the shooting lasted 10 minutes", "last"))[0]
    assert _lengths(("the shooting after the meeting lasted two hours", "last"), ("the shooting lasted 10 minutes", "last"))[0]
    # an event noun that spaCy lists among its stop words ("show", "move") still heads the subject
    assert _lengths(("the show lasted three hours", "last"), ("the show lasted 90 minutes", "last"))[0]


def test_a_claim_with_no_predicate_tells_no_length_and_does_not_fail():
    assert not _lengths(("the ground shook for 60 seconds", ""), ("the tremor lasted 30 seconds", ""))[0]


def test_the_cap_on_lengths_counts_distinct_lengths_not_claims(monkeypatch):
    monkeypatch.setattr(across, "PER_EVENT", 2)
    same = ("the tremor lasted 30 seconds", "last")
    assert _lengths(same, same, same, ("the tremor lasted 60 seconds", "last"))[0]


def test_a_bare_length_an_article_also_gives_as_a_lower_bound_is_that_bound():
    a = ArticleBuilder("a0", "Outlet 0", "2024-12-03")
    a.claim("the tremor lasted at least 30 seconds", predicate="last")
    a.claim("the tremor lasted 30 seconds", predicate="last")
    b = ArticleBuilder("a1", "Outlet 1", "2024-12-03")
    b.claim("the tremor lasted 60 seconds", predicate="last")
    readings = [a.build(), b.build()]
    views = build_views(readings, build_cast(readings))
    assert durations(views)  # read alone, "30 seconds" is not "60 seconds"
    assert not durations(views, lower_bounds(views))


def test_a_duration_the_reader_read_as_a_number_is_not_read_again_from_its_timex():
    """The number the reader read is the length; its timex (here normalised wrongly, one minute) is
    not read again over it, whether or not the number says what lasted."""
    def told(text, predicate, timex_value):
        x = ArticleBuilder("a0", "Outlet 0", "2024-12-03")
        x.claim(text, predicate=predicate, when=timex_value, when_text="30 seconds")
        bare = ArticleBuilder("a0", "Outlet 0", "2024-12-03")
        bare.claim(text, predicate=predicate)  # the builder reads no number under a timex: read it here
        r, numbers = x.build(), bare.build().claims[0].quantities
        assert numbers
        return replace(r, timexes=tuple(replace(t, type="DURATION") for t in r.timexes),
                       claims=(replace(r.claims[0], quantities=numbers, predicate_start=r.article.text.index("last")),))

    other = ArticleBuilder("a1", "Outlet 1", "2024-12-03")
    other.claim("the tremor lasted 30 seconds", predicate="last")
    for r in (told("the tremor lasted 30 seconds", "last", "PT1M"), told("the ground shook, lasting 30 seconds", "shake", "PT1M")):
        readings = [r, other.build()]
        assert not durations(build_views(readings, build_cast(readings)))
