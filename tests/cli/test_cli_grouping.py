"""--stories auto on the real CLI (stub pipeline, no model): a mixed pile becomes stories in the
database, a later run's articles join the right one, and each story that gained one is reconciled."""

from __future__ import annotations

import json
from pathlib import Path

from helpers.cli import model, run  # noqa: F401  (model is a fixture)
from helpers.piles import QUAKE, REHAB

from storyline import api


def _write(folder: Path, name: str, text: str, day: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(f"---\nid: {name}\npublished: {day}\n---\n{text}\n", "utf-8")
    return str(path)


def test_a_mixed_pile_becomes_stories_and_later_articles_join_them(tmp_path: Path, model: str) -> None:  # noqa: F811
    pile = tmp_path / "pile"
    for i, text in enumerate(QUAKE[:2]):
        _write(pile, f"q{i}", text, f"2024-03-0{i + 1}")
    for i, text in enumerate(REHAB[:2]):
        _write(pile, f"r{i}", text, f"2024-03-0{i + 2}")
    db = str(tmp_path / "s.db")
    first = json.loads(run("analyze", str(pile), "--db", db, "--model", model, "--stories", "auto", "--json").stdout)
    assert sorted(s["gained"] for s in first["stories"]) == [2, 2] and first["articles"]["total"] == 4
    with api.open_store(db, create=False) as store:
        held = {s.name: sorted(store.article_hashes(s.name)) for s in api.stories(store)}
    assert sorted(held.values()) == [["q0", "q1"], ["r0", "r1"]]
    quake_story = next(name for name, ids in held.items() if ids == ["q0", "q1"])
    assert "Qeshm" in quake_story

    later = tmp_path / "later"
    q2 = _write(later, "q2", QUAKE[2], "2024-03-05")
    out = run("analyze", q2, "--db", db, "--model", model, "--stories", "auto")
    assert f"'{quake_story}' (+1)" in out.stdout
    assert [a["id"] for a in json.loads(run("export", "--db", db, "--story", quake_story).stdout)["articles"]] == ["q0", "q1", "q2"]

    # far outside the time window: a story of its own, named apart from the first
    far = _write(tmp_path / "far", "q9", QUAKE[2], "2025-01-05")
    run("analyze", far, "--db", db, "--model", model, "--stories", "auto")
    with api.open_store(db, create=False) as store:
        assert len(api.stories(store)) == 3


def test_stories_auto_and_a_story_name_together_are_refused(tmp_path: Path, model: str) -> None:  # noqa: F811
    path = _write(tmp_path, "q0", QUAKE[0], "2024-03-01")
    result = run("analyze", path, "--db", str(tmp_path / "s.db"), "--model", model, "--stories", "auto", "--story", "X", code=2)
    assert "--stories auto" in result.stderr
    assert "--stories one or --stories auto" in run("analyze", path, "--db", str(tmp_path / "s.db"), "--stories", "many", code=2).stderr
