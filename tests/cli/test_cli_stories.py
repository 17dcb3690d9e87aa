"""Stories on the real CLI (stub pipeline, no model): ``--story`` on analyze/export/report and
``storyline stories``."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from helpers.cli import model, run  # noqa: F401  (model is a fixture)

from storyline import api

QUAKE = "---\nid: q1\noutlet: Wire\npublished: 2005-11-27\n---\nA quake struck Qeshm island on Sunday, officials said.\n"
AID = "---\nid: a1\noutlet: Daily\npublished: 2005-11-28\n---\nAid reached Qeshm on Monday, the Red Crescent said.\n"


def _inputs(tmp_path: Path) -> tuple[str, str]:
    (tmp_path / "quake.txt").write_text(QUAKE, "utf-8")
    (tmp_path / "aid.txt").write_text(AID, "utf-8")
    return str(tmp_path / "quake.txt"), str(tmp_path / "aid.txt")


def test_analyze_puts_articles_in_the_story_named_and_export_report_take_it(tmp_path: Path, model: str) -> None:  # noqa: F811
    quake, aid = _inputs(tmp_path)
    db = str(tmp_path / "s.db")
    out = run("analyze", quake, "--db", db, "--model", model, "--story", "Qeshm quake", "--json")
    assert json.loads(out.stdout)["story"]["name"] == "Qeshm quake"
    run("analyze", aid, quake, "--db", db, "--model", model, "--story", "Aid")  # q1 stored already: joins "Aid" unread
    listed = json.loads(run("stories", "--db", db, "--json").stdout)
    assert listed["schema"] == "storyline-stories/1"
    assert [(s["name"], s["articles"]) for s in listed["stories"]] == [("Aid", 2), ("Qeshm quake", 1)]
    assert [a["id"] for a in json.loads(run("export", "--db", db, "--story", "Qeshm quake").stdout)["articles"]] == ["q1"]
    assert [a["id"] for a in json.loads(run("export", "--db", db, "--story", "Aid").stdout)["articles"]] == ["q1", "a1"]
    # two stories and none named: a clear error naming them and the fix
    for command in (("export",), ("report", "-o", str(tmp_path / "d.html")), ("analyze", aid, "--model", model)):
        result = run(*command, "--db", db, code=2)
        assert "holds 2 stories (Aid, Qeshm quake)" in result.stderr and "--story NAME" in result.stderr
    run("report", "--db", db, "--story", "Aid", "-o", str(tmp_path / "aid.html"))
    assert (tmp_path / "aid.html").read_text("utf-8").startswith("<!DOCTYPE html>")


def test_stories_command_creates_renames_archives_and_lists(tmp_path: Path, model: str) -> None:  # noqa: F811
    quake, _ = _inputs(tmp_path)
    db = str(tmp_path / "s.db")
    created = run("stories", "--db", db, "--create", "Floods")
    assert "created story 'Floods'" in created.stderr and created.stdout.splitlines()[1].startswith("Floods ")
    result = run("stories", "--db", db, "--rename", "Floods", "--to", "Monsoon floods")
    assert "renamed story 'Floods' to 'Monsoon floods'" in result.stderr and "Monsoon floods" in result.stdout
    run("stories", "--db", db, "--archive", "Monsoon floods")
    assert "Monsoon floods (archived)" in run("stories", "--db", db).stdout
    refused = run("analyze", quake, "--db", db, "--model", model, "--story", "Monsoon floods", code=2)
    assert "archived" in refused.stderr and "--unarchive" in refused.stderr
    run("stories", "--db", db, "--unarchive", "Monsoon floods")
    run("analyze", quake, "--db", db, "--model", model, "--story", "Monsoon floods")
    assert "already exists" not in run("stories", "--db", db, "--create", "Floods").stderr
    assert "exists already" in run("stories", "--db", db, "--create", "Floods", code=2).stderr
    assert "--rename OLD --to NEW" in run("stories", "--db", db, "--rename", "Floods", code=2).stderr
    assert "no storyline database" in run("stories", "--db", str(tmp_path / "none.db"), code=2).stderr


def test_a_database_with_one_story_needs_no_name(tmp_path: Path, model: str) -> None:  # noqa: F811
    quake, aid = _inputs(tmp_path)
    db = str(tmp_path / "s.db")
    run("analyze", quake, "--db", db, "--model", model)
    run("analyze", aid, "--db", db, "--model", model)
    with api.open_store(db, create=False) as store:
        [main] = api.stories(store)
        assert (main.name, main.articles) == ("main", 2)
    assert len(json.loads(run("export", "--db", db).stdout)["articles"]) == 2


def test_review_command_marks_a_fact_and_lists_the_reviews(tmp_path: Path) -> None:
    from helpers.store import reading, story

    db = str(tmp_path / "s.db")
    with api.open_store(db) as store:
        store.put_reading(reading(1), "quake")
        store.replace_story(dataclasses.replace(story(), coverage=store.coverage()), "quake")
        fact = store.story().facts[0]
    done = run("review", fact.id, "--db", db, "--verdict", "false", "--note", "denied", "--reviewer", "ana")
    assert "false by ana" in done.stderr and fact.id in done.stdout and "(denied)" in done.stdout
    listed = json.loads(run("review", "--db", db, "--json").stdout)
    assert [(f["fact"], f["history"][0]["verdict"]) for f in listed["facts"]] == [(fact.id, "false")]
    assert "--verdict" in run("review", fact.id, "--db", db, "--reviewer", "ana", code=2).stderr
    assert "is not a verdict" in run("review", fact.id, "--db", db, "--verdict", "ok", "--reviewer", "ana", code=2).stderr


def test_reconcile_story_reconciles_only_the_story_named_and_only_when_out_of_date(tmp_path: Path) -> None:
    from helpers.store import reading

    with api.open_store(tmp_path / "s.db") as store:
        store.put_reading(reading(1), "quake")
        store.put_reading(reading(2), "aid")
        quake = api.reconcile_story(store, "quake")
        assert quake.coverage == store.coverage("quake") and store.story("quake") == quake
        assert store.story("aid").coverage is None  # not touched
        assert api.reconcile_story(store, "quake") == quake  # current: returned as stored
        store.add_articles("quake", ["art-2"])
        assert api.reconcile_story(store, "quake").coverage.articles == 2
