"""The sides of every fact: no claim sits under SUPPORTS while it conflicts with the statement.

Checked on an invented multi-article news story (a flood: tolls that rise, a toll that contradicts,
evacuations in different scopes, a dam failure told at different times, a denial by the mayor), on
the demo story and on a real-news story (ECB+ sub-topic 20ecbplus, an earthquake), the last two read
by the whole pipeline.

Sides (storyline.reconcile.facts): the statement is written from the best-sourced affirming claim
no later report superseded; a claim supports when it agrees with it (same polarity, no value in
conflict), disputes when it conflicts with it or is a denial that counts; a superseded figure
and a claim that takes neither side sit apart.
"""

import sys
from collections import defaultdict

import pytest
from helpers.builders import ArticleBuilder
from helpers.paths import EVAL_DATA, EVAL_DIR, GOLD_DIR

from storyline.reconcile import reconcile
from storyline.reconcile.cast import build_cast
from storyline.reconcile.conflicts import judge, lower_bounds
from storyline.reconcile.features import build_views


def assert_sides_hold(readings, story):
    """The invariant, over every fact of ``story``."""
    readings = list(readings)
    cast = build_cast(readings)
    names = {e.id: e.name for e in cast.entities}
    views = {v.claim.id: v for v in build_views(readings, cast)}
    bounds = lower_bounds(views.values())
    conflicts_of = defaultdict(list)
    for x in story.conflicts:
        conflicts_of[x.fact].append(x)
    checked = 0
    for f in story.facts:
        held = set(f.claims)
        sup, dis, old = set(f.supporting), set(f.disputing), set(f.superseded)
        assert not (sup & dis or sup & old or dis & old), f.statement
        assert sup | dis | old <= held, f.statement
        if f.statement_claim is None:
            continue
        assert f.supporting[0] == f.statement_claim, f.statement
        # the other side of a conflict with the statement disputes it
        for x in conflicts_of[f.id]:
            if f.statement_claim in x.claims:
                for other in x.claims:
                    assert other == f.statement_claim or other not in held or other in dis, (f.statement, x.reason)
            else:
                assert not (set(x.claims) <= sup and {f.statement_claim} & set(x.claims)), x.reason
        # and no supporting claim conflicts with the statement
        statement = views.get(f.statement_claim)
        if statement is None:
            continue  # an age or count fact stated from an Age or Mention record: checked above
        participants = frozenset().union(*(views[c].participants for c in f.claims if c in views))
        for c in f.supporting[1:]:
            found = judge(statement, views[c], lambda e: names.get(e, e), participants=participants, bounds=bounds)
            assert not found.conflicts, (f.statement, views[c].claim.text, [x.reason for x in found.conflicts])
            checked += 1
    return checked


def _flood_story():
    mayor = "Ana Soto"

    def art(aid, outlet, day, *claims):
        b = ArticleBuilder(aid, outlet, day)
        soto = b.person(mayor, aliases=("Soto", "the mayor"))
        b.entity("Varo", "GPE")
        out = []
        for text, kw in claims:
            kw = dict(kw)
            if kw.pop("by_mayor", False):
                kw.update(kind="named_person", source_text="Soto", source_entity=soto, quote="direct")
            out.append(b.claim(text, **kw))
        return b.build(), out

    a1, _ = art("a1", "AP", "2024-12-01",
                ("the floods killed at least 3 people", {"predicate": "kill"}),
                ("the dam above Varo failed on Saturday night", {"predicate": "fail", "when": "2024-11-30TNI",
                                                                 "when_text": "Saturday night"}),
                ("about 2,000 people were evacuated", {"predicate": "evacuate"}))
    a2, _ = art("a2", "Reuters", "2024-12-03",
                ("the floods killed 40 people", {"predicate": "kill", "kind": "named_person",
                                                 "source_text": "a police spokesman"}),
                ("the dam failed early Sunday, around 1:30 a.m.", {"predicate": "fail", "when": "2024-12-01T01:30",
                                                                   "when_text": "around 1:30 a.m."}),
                ("2,100 people were evacuated", {"predicate": "evacuate"}))
    a3, _ = art("a3", "Tribune", "2024-12-03",
                ("the floods killed 25 people", {"predicate": "kill"}),
                ("the dam did not fail", {"predicate": "fail", "polarity": "negative", "by_mayor": True}),
                ("the dam failed on Friday", {"predicate": "fail", "when": "2024-11-29", "when_text": "Friday"}))
    a4, _ = art("a4", "Courier", "2024-12-04",
                ("1,200 people were evacuated in one district", {"predicate": "evacuate"}),
                ("the floods killed 40 people", {"predicate": "kill"}))
    return [a1, a2, a3, a4]


def test_sides_hold_on_an_invented_news_story():
    readings = _flood_story()
    story = reconcile(readings)
    assert assert_sides_hold(readings, story) > 0
    texts = {c.id: c.text for r in readings for c in r.claims}
    toll = next(f for f in story.facts if any(texts.get(c) == "the floods killed 25 people" for c in f.claims))
    assert texts[toll.statement_claim] == "the floods killed 40 people"  # the later, best-sourced figure
    assert [texts[c] for c in toll.disputing] == ["the floods killed 25 people"]
    assert [texts[c] for c in toll.superseded] == ["the floods killed at least 3 people"]
    assert toll.status == "contradicted" and toll.notes




@pytest.mark.model
@pytest.mark.slow
@pytest.mark.skipif(not (GOLD_DIR / "demo_gold.json").exists(), reason="demo gold absent")
def test_sides_hold_on_the_demo_story(demo_gold_run):
    _, readings, story = demo_gold_run
    assert assert_sides_hold(readings, story) > 0
    texts = {c.id: c.text for r in readings for c in r.claims}
    by_fact = {f.id: f for f in story.facts}
    # "Lindqvist, 44, who denied cheating in January, has kept a low profile" reports his denial
    low = next(c for c, t in texts.items() if t.startswith("Lindqvist, 44, who denied cheating"))
    fact = next(f for f in by_fact.values() if low in f.claims)
    assert low in fact.disputing and low not in fact.supporting
    # the 47 stands against the statement that he is 44
    age = next(f for f in by_fact.values() if f.predicate_class == "age" and "Lindqvist is 44" in f.statement)
    ages = {g.id: g.value for r in readings for g in r.ages}
    assert {ages[c] for c in age.disputing if c in ages} == {47}
    assert all(ages.get(c, 44) == 44 for c in age.supporting)


@pytest.mark.model
@pytest.mark.slow
@pytest.mark.eval
@pytest.mark.skipif(not (EVAL_DATA / "ecbplus_dev").is_dir(), reason="ECB+ data absent")
def test_sides_hold_on_a_real_news_story():
    sys.path.insert(0, str(EVAL_DIR))
    from ecbplus import run_storyline
    from ecbplus_corpus import load_corpus

    docs = [d for d in load_corpus(EVAL_DATA / "ecbplus_dev", [20]) if d.subtopic == "20ecbplus"]
    run = run_storyline(docs)["20ecbplus"]
    assert assert_sides_hold(run.readings.values(), run.story) > 0
