"""A conflict between claims of two facts (storyline.reconcile.across) marks both facts contradicted:
every output shows it under both, so no fact is contradicted without its reason. Invented place."""

from __future__ import annotations

from helpers.builders import ArticleBuilder

from storyline.present.browse import StoryView
from storyline.present.export import export_json
from storyline.present.report_views import Index
from storyline.reconcile import reconcile


def _story():
    a = ArticleBuilder("a1", "AP", "2024-12-03")
    b = ArticleBuilder("b1", "Reuters", "2024-12-03")
    a.entity("Varo", "LOC")
    b.entity("Varo Island", "LOC")
    ca = a.claim("the quake struck Varo, home to 120,000 people", predicate="strike")
    cb = b.claim("the quake was centred near Varo Island, home to 200,000 people", predicate="centre")
    readings = [a.build(), b.build()]
    story = reconcile(readings)
    facts = {c: f for f in story.facts for c in f.claims}
    assert facts[ca].id != facts[cb].id and len(story.conflicts) == 1  # the case under test
    return readings, story, facts[ca], facts[cb]


def test_the_export_lists_a_cross_fact_conflict_under_both_facts():
    readings, story, fa, fb = _story()
    [x] = story.conflicts
    out = {f["id"]: f for f in export_json(readings, story)["facts"]}
    for fact in (fa, fb):
        assert out[fact.id]["status"] == "contradicted"
        assert [c["reason"] for c in out[fact.id]["conflicts"]] == [x.reason]


def test_the_dossier_and_the_workspace_show_it_under_both_facts():
    readings, story, fa, fb = _story()
    [x] = story.conflicts
    view = StoryView(readings, story)
    for fact in (fa, fb):
        assert [c["reason"] for c in view.fact(fact.id)["conflicts"]] == [x.reason]
        assert Index(readings, story).conflicts_of[fact.id] == [x]  # what the dossier's fact rows read
