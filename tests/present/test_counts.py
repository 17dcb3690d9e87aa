"""One count of people for the CLI summary and the dossier (storyline.present.counts)."""

from __future__ import annotations

import re

import pytest
from helpers.builders import ArticleBuilder

from storyline import api
from storyline.core.records import Story
from storyline.present.counts import cast_counts
from storyline.reconcile import reconcile


def _readings():
    a = ArticleBuilder("a1", "Daily Lumen", "2024-01-12")
    varga = a.person("Celeste Varga", aliases=("Varga",), gender="female")
    theo = a.person("Theo Lindqvist", aliases=("Lindqvist",), gender="male")
    a.group("the couple", [varga, theo])
    a.entity("Atlas Dance Theater", type="ORG")
    a.entity("Daily Lumen", type="OUTLET")
    a.entity("Glass Heart", type="WORK")
    a.entity("Academy Award", type="OTHER", aliases=("Oscar",))
    a.entity("Lisbon", type="GPE")
    b = ArticleBuilder("b1", "Glitter", "2024-02-06")
    b.person("Celeste Varga", gender="female")
    b.person("Glass Heart")  # a title the reader took for a person
    b.person("Oscar")
    return [a.build(), b.build()]


def test_people_are_person_entities_of_the_cast():
    readings = _readings()
    counts = cast_counts(readings, reconcile(readings))
    assert (counts.people, counts.groups, counts.organisations, counts.outlets, counts.works, counts.other,
            counts.places) == (2, 1, 1, 1, 1, 1, 1)


def test_an_unreconciled_story_counts_its_article_entities_once_per_name():
    counts = cast_counts(_readings(), Story())
    # Celeste Varga twice (same name and type) counts once; the unlinked 'Glass Heart' and
    # 'Oscar' PERSON entities are still people until reconcile settles their type.
    assert counts.people == 4


def _dossier_people(html: str) -> int:
    return int(re.search(r"<b>(\d+)</b> people", html).group(1))


@pytest.mark.model
def test_demo_counts_are_consistent_and_hold_no_titles(demo_analyzed):
    db, _ = demo_analyzed
    with api.open_store(db) as store:
        readings, story = store.readings(), store.story()
    people = [e.name for e in story.entities if e.type == "PERSON"]
    assert "Glass Heart" not in people and "Oscar" not in people
    assert cast_counts(readings, story).people == len(people)


@pytest.mark.model
def test_cli_summary_and_dossier_count_the_same_people(demo_analyzed):
    from storyline.cli import summary_paragraph

    db, summary = demo_analyzed
    with api.open_store(db) as store:
        people = cast_counts(store.readings(), store.story()).people
        html = api.render_report(store)
    assert summary.entities == people
    assert f"{people} people," in summary_paragraph(summary)
    assert _dossier_people(html) == people
