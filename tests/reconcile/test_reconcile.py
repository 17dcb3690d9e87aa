"""Facts, conflicts, echoes and statuses on hand-made readings (fictional people, our own sentences)."""

import random

import pytest
from helpers.builders import ArticleBuilder

from storyline.core.options import ReconcileOptions
from storyline.reconcile import reconcile


def _couple(b: ArticleBuilder):
    m = b.person("Mara Quinn", aliases=("Quinn", "the singer"))
    t = b.person("Theo Vance", aliases=("Vance", "the choreographer"))
    return m, t, b.group("the couple", [m, t])


def _fact_of(story, claim_id):
    return next(f for f in story.facts if claim_id in f.claims)


def _conflicts(story, kind=None):
    return [c for c in story.conflicts if kind is None or c.kind == kind]


def test_wedding_years_that_cannot_both_hold_conflict_with_reason():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m, t, g = _couple(a)
    c1 = a.claim("Quinn married the choreographer in 2011", subject=m, object=t, pclass="marriage", when="2011")
    b = ArticleBuilder("b1", "Star Ledger", "2024-01-20")
    m2, t2, g2 = _couple(b)
    c2 = b.claim("the couple wed in 2013", subject=g2, pclass="marriage", when="2013")
    story = reconcile([a.build(), b.build()], ReconcileOptions())
    fact = _fact_of(story, c1)
    assert c2 in fact.claims
    [conflict] = _conflicts(story, "date")
    assert set(conflict.claims) == {c1, c2}
    assert "2011" in conflict.reason and "2013" in conflict.reason
    assert "Daily Lumen" in conflict.reason and "Star Ledger" in conflict.reason
    assert "married the choreographer" in conflict.reason and "wed in 2013" in conflict.reason
    assert fact.status == "contradicted"


def test_same_year_at_different_granularity_agrees():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m, t, g = _couple(a)
    c1 = a.claim("Quinn married Vance in 2012", subject=m, object=t, pclass="marriage", when="2012")
    b = ArticleBuilder("b1", "Star Ledger", "2024-01-20")
    m2, t2, g2 = _couple(b)
    b.claim("the couple wed in August 2012", subject=g2, pclass="marriage", when="2012-08", when_text="August 2012")
    story = reconcile([a.build(), b.build()])
    assert not story.conflicts
    fact = _fact_of(story, c1)
    assert fact.status == "corroborated" and fact.independent_sources == 2
    assert fact.when == "2012" or fact.when == "2012-08"


def test_release_year_of_a_work_is_not_the_date_of_the_event_on_its_set():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m, t, g = _couple(a)
    a.entity("Night Harbor", "WORK")
    c1 = a.claim("the couple first met on the 2009 set of Night Harbor", subject=g, pclass="meeting", when="2009")
    b = ArticleBuilder("b1", "Star Ledger", "2023-08-16")
    m2, t2, g2 = _couple(b)
    b.entity("Night Harbor", "WORK")
    c2 = b.claim("Vance met Quinn while working on the set of 2010\u2019s Night Harbor", subject=t2, object=m2,
                 pclass="meeting", when="2010", cues=("when_work_date",))
    story = reconcile([a.build(), b.build()])
    fact = _fact_of(story, c1)
    assert c2 in fact.claims
    assert not _conflicts(story)
    assert fact.when == "2009"


def test_ages_bound_birth_dates_and_conflict_only_when_disjoint():
    a = ArticleBuilder("a1", "Star Ledger", "2023-08-16")
    m = a.person("Mara Quinn")
    a.age(m, 42, "Quinn, 42, spoke at the summit.")
    b = ArticleBuilder("b1", "Daily Lumen", "2024-01-17")
    m2 = b.person("Mara Quinn")
    b.age(m2, 42, "Quinn, 42, was seen in Paris.")
    story = reconcile([a.build(), b.build()])
    [fact] = [f for f in story.facts if f.predicate_class == "age"]
    assert fact.status == "corroborated" and not story.conflicts
    assert "Mara Quinn is 42" in fact.statement and "born between" in fact.statement

    c = ArticleBuilder("c1", "Pop Wire", "2024-02-01")
    m3 = c.person("Mara Quinn")
    c.age(m3, 44, "Quinn, 44, left the party.")
    story = reconcile([a.build(), b.build(), c.build()])
    [fact] = [f for f in story.facts if f.predicate_class == "age"]
    assert fact.status == "contradicted"
    kinds = {x.kind for x in story.conflicts}
    assert kinds == {"age"}
    # The Jan 2024 "42" and the Feb 2024 "44" cannot both hold; the reason says why.
    assert any("Quinn, 44" in x.reason and "no birth date fits both" in x.reason for x in story.conflicts)


def test_ages_one_year_apart_a_few_weeks_apart_are_fine():
    a = ArticleBuilder("a1", "Star Ledger", "2024-01-02")
    a.age(a.person("Mara Quinn"), 42, "Quinn, 42, arrived.")
    b = ArticleBuilder("b1", "Daily Lumen", "2024-01-30")
    b.age(b.person("Mara Quinn"), 43, "Quinn, 43, left.")
    story = reconcile([a.build(), b.build()])
    assert not story.conflicts  # a birthday can fall between the two dates


def test_tenth_anniversary_and_years_of_marriage_imply_the_wedding():
    a = ArticleBuilder("a1", "Star Ledger", "2022-08-05")
    m, t, g = _couple(a)
    anniv = a.claim("the couple marked their 10th wedding anniversary on August 4, 2022", subject=g,
                    pclass="marriage", when="2022-08-04", when_text="August 4, 2022")
    b = ArticleBuilder("b1", "Daily Lumen", "2024-01-17")
    m2, t2, g2 = _couple(b)
    b.claim("Quinn and Vance separated in August 2023 after 11 years of marriage", subject=g2,
            pclass="separation", when="2023-08", when_text="August 2023")
    c = ArticleBuilder("c1", "Pop Wire", "2024-01-18")
    m3, t3, g3 = _couple(c)
    wed = c.claim("Quinn married Vance in 2012", subject=m3, object=t3, pclass="marriage", when="2012")
    story = reconcile([a.build(), b.build(), c.build()])
    assert not story.conflicts
    marriage = _fact_of(story, wed)
    assert anniv in marriage.claims

    d = ArticleBuilder("d1", "Night Post", "2024-01-19")
    m4, t4, g4 = _couple(d)
    wrong = d.claim("Quinn married Vance in 2010", subject=m4, object=t4, pclass="marriage", when="2010")
    story = reconcile([a.build(), b.build(), c.build(), d.build()])
    derived = _conflicts(story, "derived_date")
    assert derived, story.conflicts
    assert all(wrong in x.claims for x in derived)
    reasons = " ".join(x.reason for x in derived)
    assert "10th wedding anniversary" in reasons and "2012-08-04" in reasons
    assert "11 years of marriage" in reasons
    assert _fact_of(story, wrong).status == "contradicted"


def test_counts_of_children_conflict():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m = a.person("Mara Quinn")
    c1 = a.claim("Quinn lives in Lisbon with her two children", subject=m, pclass="residence")
    b = ArticleBuilder("b1", "Star Ledger", "2024-02-01")
    m2 = b.person("Mara Quinn")
    c2 = b.claim("Quinn is raising four children", subject=m2, pclass="children")
    story = reconcile([a.build(), b.build()])
    [x] = _conflicts(story, "count")
    assert set(x.claims) == {c1, c2}
    assert "two children" in x.reason and "four children" in x.reason
    count_fact = next(f for f in story.facts if f.id == x.fact)
    assert count_fact.status == "contradicted"


def test_named_denial_makes_the_fact_contested_not_deleted():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m, t, g = _couple(a)
    ali = a.person("Ali Reyes")
    c1 = a.claim("Vance had an affair with Ali Reyes", subject=t, object=ali, pclass="affair",
                 kind="anonymous", source_text="an insider", key="anonymous:1", quote="indirect",
                 before="An insider says ")
    b = ArticleBuilder("b1", "Star Ledger", "2024-01-18")
    m2, t2, g2 = _couple(b)
    d = b.claim("the affair reports are false", subject=t2, pclass="denial", kind="named_person",
                source_text="Vance", source_entity=t2, quote="direct", before="Vance said ")
    story = reconcile([a.build(), b.build()])
    fact = _fact_of(story, c1)
    assert d in fact.claims
    assert fact.status == "contested"
    [x] = _conflicts(story, "polarity")
    assert set(x.claims) == {c1, d} and "Vance" in x.reason and "affair reports are false" in x.reason


def test_according_to_another_outlet_is_an_echo_of_its_claim():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m, t, g = _couple(a)
    orig = a.claim("Quinn and Vance split in August 2023", subject=g, pclass="separation",
                   when="2023-08", when_text="August 2023", kind="outlet", source_text="Daily Lumen", before="Daily Lumen confirmed that ")
    b = ArticleBuilder("b1", "Star Ledger", "2024-01-19")
    m2, t2, g2 = _couple(b)
    relay = b.claim("Quinn and Vance separated in August 2023", subject=g2, pclass="separation",
                    when="2023-08", when_text="August 2023", kind="other_media", source_text="The Daily Lumen",
                    via="The Daily Lumen", before="According to The Daily Lumen, ")
    story = reconcile([a.build(), b.build()])
    fact = _fact_of(story, orig)
    assert relay in fact.claims
    [echo] = story.echoes
    assert echo.claim == relay and echo.original == orig
    assert fact.independent_sources == 1 and fact.status == "single_source"
    assert fact.grade == "outlet"


def test_same_anonymous_words_in_two_outlets_are_one_source():
    quote = "she was crushed and has moved on with her life"
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m = a.person("Mara Quinn")
    c1 = a.claim(quote, subject=m, pclass="feeling", kind="anonymous", source_text="a source",
                 key="anonymous:1", quote="direct", before="\u201c", after="\u201d a source says.")
    b = ArticleBuilder("b1", "Star Ledger", "2024-01-19")
    m2 = b.person("Mara Quinn")
    c2 = b.claim(quote, subject=m2, pclass="feeling", kind="anonymous", source_text="an insider",
                 key="anonymous:1", quote="direct", before="\u201c", after="\u201d an insider tells the Ledger.")
    story = reconcile([a.build(), b.build()])
    fact = _fact_of(story, c1)
    assert c2 in fact.claims
    assert fact.independent_sources == 1 and fact.status == "single_source"
    [echo] = story.echoes
    assert echo.claim == c2 and echo.original == c1 and "same quoted words" in echo.reason


def test_different_anonymous_sources_in_two_outlets_are_two():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m = a.person("Mara Quinn")
    c1 = a.claim("Quinn was heartbroken about the split and cried for weeks", subject=m, pclass="feeling",
                 kind="anonymous", source_text="a source", key="anonymous:1", quote="indirect")
    b = ArticleBuilder("b1", "Star Ledger", "2024-01-19")
    m2 = b.person("Mara Quinn")
    c2 = b.claim("Quinn has been heartbroken since the split", subject=m2, pclass="feeling",
                 kind="anonymous", source_text="a friend", key="anonymous:1", quote="indirect")
    story = reconcile([a.build(), b.build()])
    fact = _fact_of(story, c1)
    assert c2 in fact.claims
    assert fact.independent_sources == 2 and fact.status == "corroborated"
    assert fact.grade == "anonymous" and not story.echoes


def test_grade_comes_from_the_best_source_and_statement_from_it():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m, t, g = _couple(a)
    a.claim("the pair have split", subject=g, pclass="separation", kind="rumor", source_text="rumors")
    b = ArticleBuilder("b1", "Star Ledger", "2024-01-19")
    m2, t2, g2 = _couple(b)
    on_record = b.claim("we have decided to separate", subject=g2, pclass="separation", kind="named_person",
                        source_text="Quinn", source_entity=m2, quote="direct")
    story = reconcile([a.build(), b.build()])
    fact = _fact_of(story, on_record)
    assert fact.grade == "on_record" and fact.statement == "we have decided to separate"
    assert fact.independent_sources == 2


def test_blocking_keeps_other_people_and_dissimilar_claims_apart():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m, t, g = _couple(a)
    ali = a.person("Ali Reyes")
    c1 = a.claim("Quinn performed at the Sydney summit in August 2023", subject=m, pclass="appearance",
                 when="2023-08", when_text="August 2023")
    c2 = a.claim("Reyes performed at the Sydney summit in August 2023", subject=ali, pclass="appearance",
                 when="2023-08", when_text="August 2023")
    c3 = a.claim("Quinn walked the red carpet at the awards gala on January 9", subject=m, pclass="appearance",
                 when="2024-01-09", when_text="January 9")
    story = reconcile([a.build()])
    assert len({_fact_of(story, c).id for c in (c1, c2, c3)}) == 3


def test_repeatable_claims_with_incompatible_times_are_separate_facts():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m = a.person("Mara Quinn")
    c1 = a.claim("Quinn was seen at a Paris park with her kids in June", subject=m, pclass="appearance",
                 when="2023-06", when_text="June")
    b = ArticleBuilder("b1", "Star Ledger", "2024-01-19")
    m2 = b.person("Mara Quinn")
    c2 = b.claim("Quinn was seen at a Paris park with her kids in September", subject=m2, pclass="appearance",
                 when="2023-09", when_text="September")
    story = reconcile([a.build(), b.build()])
    assert _fact_of(story, c1).id != _fact_of(story, c2).id
    assert not story.conflicts


def test_timeline_covers_granularity_and_is_sorted():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m, t, g = _couple(a)
    a.claim("the couple split in August 2023", subject=g, pclass="separation", when="2023-08", when_text="August 2023")
    a.claim("Quinn married Vance in 2012", subject=m, object=t, pclass="marriage", when="2012")
    a.claim("the couple first met in 2009", subject=g, pclass="meeting", when="2009")
    story = reconcile([a.build()])
    whens = [(e.when, e.start, e.end) for e in story.timeline]
    assert whens == [("2009", "2009-01-01", "2009-12-31"), ("2012", "2012-01-01", "2012-12-31"),
                     ("2023-08", "2023-08-01", "2023-08-31")]
    assert all(e.status == "single_source" for e in story.timeline)


def _corpus():
    out = []
    for i, (outlet, day) in enumerate([("Daily Lumen", "2024-01-17"), ("Star Ledger", "2023-08-16"), ("Pop Wire", "2024-02-01")]):
        b = ArticleBuilder(f"a{i}", outlet, day)
        m, t, g = _couple(b)
        b.claim("Quinn married Vance in 201%d" % (1 + i), subject=m, object=t, pclass="marriage", when="201%d" % (1 + i))
        b.claim("the couple split", subject=g, pclass="separation", kind="anonymous", source_text="a source", key="anonymous:1")
        b.age(m, 42 + i, f"Quinn, {42 + i}, smiled.")
        out.append(b.build())
    return out


def test_story_does_not_depend_on_input_order():
    readings = _corpus()
    first = reconcile(readings)
    for seed in range(3):
        shuffled = readings[:]
        random.Random(seed).shuffle(shuffled)
        assert reconcile(shuffled) == first


def test_unknown_embeddings_backend_is_a_config_error():
    from storyline.core.errors import ConfigError

    with pytest.raises(ConfigError):
        reconcile(_corpus(), ReconcileOptions(embeddings="nope"))


def test_registered_embeddings_backend_is_used():
    from storyline.reconcile.embeddings import register_backend

    calls = []

    def factory():
        def encode(texts):
            calls.append(len(texts))
            return [[1.0, 0.0] for _ in texts]  # everything identical: one fact per block
        return encode

    register_backend("test-constant", factory)
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m = a.person("Mara Quinn")
    c1 = a.claim("Quinn loves sailing", subject=m, pclass="feeling")
    c2 = a.claim("Quinn hates opera", subject=m, pclass="feeling")
    lexical = reconcile([a.build()])
    assert _fact_of(lexical, c1).id != _fact_of(lexical, c2).id
    embedded = reconcile([a.build()], ReconcileOptions(embeddings="test-constant"))
    assert calls and _fact_of(embedded, c1).id == _fact_of(embedded, c2).id


def test_negated_claim_disputes_the_fact_of_its_class():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m, t, g = _couple(a)
    ali = a.person("Ali Reyes")
    c1 = a.claim("Vance had an affair with Ali Reyes", subject=t, object=ali, pclass="affair", kind="rumor")
    b = ArticleBuilder("b1", "Star Ledger", "2024-01-18")
    m2, t2, g2 = _couple(b)
    neg = b.claim("he never cheated", subject=t2, pclass="affair", polarity="negative", kind="named_person",
                  source_text="Vance", source_entity=t2, quote="direct")
    story = reconcile([a.build(), b.build()])
    fact = _fact_of(story, c1)
    assert neg in fact.claims and fact.status == "contested"


def test_denial_with_nothing_to_dispute_stands_alone():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m, t, g = _couple(a)
    d = a.claim("the pregnancy rumors are false", subject=m, pclass="denial", kind="named_person",
                source_text="Quinn", source_entity=m)
    story = reconcile([a.build()])
    fact = _fact_of(story, d)
    assert fact.claims == (d,) and fact.status == "single_source" and not story.conflicts


def test_short_identical_background_sentences_are_not_copies():
    readings, ids = [], []
    for aid, outlet in (("a1", "Daily Lumen"), ("b1", "Star Ledger")):
        b = ArticleBuilder(aid, outlet, "2024-01-17")
        m, t, g = _couple(b)
        ids.append(b.claim("They married in 2014", subject=g, pclass="marriage", when="2014"))
        readings.append(b.build())
    story = reconcile(readings)
    fact = _fact_of(story, ids[0])
    assert ids[1] in fact.claims and fact.independent_sources == 2 and not story.echoes


def test_near_duplicate_long_sentence_is_an_echo():
    sentence = "Quinn and Vance quietly ended their marriage after a long and painful summer in Lisbon"
    readings, ids = [], []
    for aid, outlet, day in (("a1", "Daily Lumen", "2024-01-17"), ("b1", "Star Ledger", "2024-01-18")):
        b = ArticleBuilder(aid, outlet, day)
        m, t, g = _couple(b)
        ids.append(b.claim(sentence, subject=g, pclass="separation"))
        readings.append(b.build())
    story = reconcile(readings)
    [echo] = story.echoes
    assert echo.claim == ids[1] and echo.original == ids[0]
    assert _fact_of(story, ids[0]).independent_sources == 1


def test_divorce_filing_and_separation_are_different_events():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-05-13")
    m, t, g = _couple(a)
    sep = a.claim("the couple separated in December 2023", subject=g, pclass="separation", predicate="separate",
                  when="2023-12", when_text="December 2023")
    div = a.claim("Quinn filed for divorce in May 2024", subject=m, object=t, pclass="separation", predicate="divorce",
                  when="2024-05", when_text="May 2024")
    story = reconcile([a.build()])
    assert _fact_of(story, sep).id != _fact_of(story, div).id
    assert not story.conflicts
    assert {f.predicate_class for f in story.facts} == {"separation"}


def test_claim_with_unresolved_people_joins_the_only_fact_of_its_once_only_class():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m, t, g = _couple(a)
    named = a.claim("Quinn married Vance in 2014", subject=m, object=t, pclass="marriage", when="2014")
    b = ArticleBuilder("b1", "Star Ledger", "2024-01-18")
    they = b.claim("They married in 2012", pclass="marriage", when="2012")  # "they" unresolved
    story = reconcile([a.build(), b.build()])
    assert _fact_of(story, they).id == _fact_of(story, named).id
    assert [c.kind for c in story.conflicts] == ["date"]


def test_relay_named_loosely_finds_its_original_in_another_fact():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-12")
    m, t, g = _couple(a)
    orig = a.claim("the pair have been living apart since before the holidays", subject=g, pclass="residence",
                   kind="outlet", source_text="Daily Lumen")
    b = ArticleBuilder("b1", "Star Ledger", "2024-01-18")
    m2, t2, g2 = _couple(b)
    relay = b.claim("the couple had been living apart since December", subject=g2, pclass="residence",
                    when="2023-12", when_text="December", kind="named_person",  # the reader mislabelled the outlet
                    source_text="The tabloid Daily Lumen", before="The tabloid Daily Lumen reported that ")
    story = reconcile([a.build(), b.build()])
    [echo] = story.echoes
    assert echo.claim == relay and echo.original == orig and "Daily Lumen" in echo.reason


def test_denial_finds_the_disputed_claims_by_wording_when_their_class_differs():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m, t, g = _couple(a)
    ali = a.person("Ali Reyes")
    involved = a.claim("Vance is romantically involved with Ali Reyes", subject=t, object=ali, pclass=None,
                       predicate="involve", kind="other_media", source_text="other outlets")
    b = ArticleBuilder("b1", "Star Ledger", "2024-01-18")
    m2, t2, g2 = _couple(b)
    denial = b.claim("Vance denied a report that he had been unfaithful", subject=t2, pclass="denial", predicate="deny")
    story = reconcile([a.build(), b.build()])
    fact = _fact_of(story, involved)
    assert denial in fact.claims and fact.status == "contested"
    [x] = story.conflicts
    assert "Theo Vance denies it" in x.reason


def test_count_read_around_a_possessive_mention():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-17")
    m, t, g = _couple(a)
    two = a.claim("Quinn and Vance have two children", subject=g, pclass="children")
    b = ArticleBuilder("b1", "Star Ledger", "2024-03-01")
    m2, t2, g2 = _couple(b)
    b.say("Quinn brought along")
    b.say("the couple\u2019s three children to the premiere.")
    b.mention(g2, "the couple", "nominal")
    story = reconcile([a.build(), b.build()])
    [x] = _conflicts(story, "count")
    assert x.claims[0] == two and x.claims[1].startswith("m-")
    assert "the couple\u2019s three children" in x.reason and "2 children" in x.reason


def test_wedding_places_that_differ_conflict_but_a_city_in_its_country_does_not():
    def article(aid, outlet, place, sentence):
        b = ArticleBuilder(aid, outlet, "2024-01-17")
        m, t, g = _couple(b)
        b.entity(place, "GPE")
        return b, b.claim(sentence, subject=g, pclass="marriage", when="2014")

    a, c1 = article("a1", "Daily Lumen", "Big Sur", "the couple married in Big Sur in 2014")
    b, c2 = article("b1", "Star Ledger", "Lisbon", "the couple married in Lisbon in 2014")
    story = reconcile([a.build(), b.build()])
    [x] = _conflicts(story, "place")
    assert set(x.claims) == {c1, c2} and "Big Sur" in x.reason and "Lisbon" in x.reason

    a, c1 = article("a1", "Daily Lumen", "Paris", "the couple married in Paris in 2014")
    b, c2 = article("b1", "Star Ledger", "Paris, France", "the couple married in Paris, France in 2014")
    assert not reconcile([a.build(), b.build()]).conflicts


def test_an_anniversary_date_is_not_a_wedding_date():
    """'exactly a year later, she spent their anniversary at a summit' (2023-08-04) says nothing
    about the wedding year; only an ordinal ('10th anniversary') implies one."""
    a = ArticleBuilder("a1", "Star Ledger", "2023-08-16")
    m, t, g = _couple(a)
    a.claim("exactly a year later, Quinn spent their anniversary at a summit", subject=m, pclass="marriage",
            predicate="anniversary", when="2023-08-04", when_text="exactly a year later")
    b = ArticleBuilder("b1", "Daily Lumen", "2024-01-17")
    m2, t2, _ = _couple(b)
    b.claim("Quinn married Vance in 2012", subject=m2, object=t2, pclass="marriage", predicate="marry", when="2012")
    assert not reconcile([a.build(), b.build()]).conflicts


def test_an_age_written_at_an_epithet_counts_only_for_the_epithets_owner():
    """'The choreographer, 47,' (an age the reader wrote at the mention, not on the person) joins
    the age fact of the person the story calls the choreographer, read from Mention.quantities."""
    def article(aid, outlet, day, epithet_of):
        a = ArticleBuilder(aid, outlet, day)
        lee = a.person("Julien Dufresne", aliases=("Dufresne", "the choreographer"))
        mara = a.person("Mara Quinn", aliases=("Quinn", "the singer"))
        a.say("The choreographer, 47, has been spotted in Paris.")
        mid = a.mention(lee if epithet_of == "lee" else mara, "The choreographer", "nominal")
        return a, lee, mid

    a, _, mid = article("a1", "Star Ledger", "2024-01-17", "lee")
    b = ArticleBuilder("b1", "Daily Lumen", "2024-01-18")
    b.age(b.person("Julien Dufresne", aliases=("Dufresne", "the choreographer")), 47, "Dufresne, 47, left.")
    story = reconcile([a.build(), b.build()])
    [fact] = [f for f in story.facts if f.predicate_class == "age"]
    assert mid in fact.claims and fact.status == "corroborated" and "Julien Dufresne is 47" in fact.statement

    c, _, wrong = article("c1", "Pop Wire", "2024-01-19", "mara")  # coreference gave the epithet to Quinn
    story = reconcile([a.build(), b.build(), c.build()])
    assert not any(wrong in f.claims for f in story.facts)


def test_synonym_predicates_of_one_event_align_through_their_wordnet_key():
    from dataclasses import replace

    from storyline.core import words

    assert words.event_key("injure", "v") == words.event_key("wound", "v")
    readings = []
    for art, outlet, verb, lemma in (("a1", "AP", "injured", "injure"), ("b1", "Reuters", "wounded", "wound")):
        b = ArticleBuilder(art, outlet, "2024-12-03")
        b.claim(f"the blast {verb} 30 people near the station", predicate=lemma)
        r = b.build()
        readings.append(replace(r, claims=tuple(replace(c, event_key=words.event_key(lemma, "v")) for c in r.claims)))
    [fact] = reconcile(readings).facts
    assert len(fact.claims) == 2
