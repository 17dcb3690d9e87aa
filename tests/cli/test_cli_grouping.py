"""Grouping a mixed pile into the database's stories (``analyze(group=True)``, CLI ``--stories
auto``), on a real SQLite store with a blank pipeline: stories are made, a later run's articles join
the right one, each story that gained one is reconciled, the time window starts a new story."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.blank import blank_nlp
from helpers.cli import model, run  # noqa: F401  (model is a fixture)
from helpers.piles import QUAKE, REHAB

from storyline import api
from storyline.core.errors import ConfigError


def _write(folder: Path, name: str, text: str, day: str) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(f"---\nid: {name}\npublished: {day}\n---\n{text}\n", "utf-8")
    return str(path)


def test_a_mixed_pile_becomes_stories_and_later_articles_join_them(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    for i, text in enumerate(QUAKE[:2]):
        _write(pile, f"q{i}", text, f"2024-03-0{i + 1}")
    for i, text in enumerate(REHAB[:2]):
        _write(pile, f"r{i}", text, f"2024-03-0{i + 2}")
    nlp = blank_nlp()
    with api.open_store(tmp_path / "s.db") as store:
        first = api.analyze([str(pile)], store, nlp=nlp, group=True)
        assert sorted(first.stories.values()) == [2, 2] and first.articles_total == 4 and first.story == ""
        held = {s.name: sorted(store.article_hashes(s.name)) for s in api.stories(store)}
        assert sorted(held.values()) == [["q0", "q1"], ["r0", "r1"]]
        quake = next(name for name, ids in held.items() if ids == ["q0", "q1"])
        assert "Qeshm" in quake
        assert store.story(quake).coverage is not None  # reconciled

        later = api.analyze([_write(tmp_path / "later", "q2", QUAKE[2], "2024-03-05")], store, nlp=nlp, group=True)
        assert later.stories == {quake: 1}
        assert [a["id"] for a in api.export(store, story=quake)["articles"]] == ["q0", "q1", "q2"]

        # far outside the time window: a story of its own, named apart from the first
        far = api.analyze([_write(tmp_path / "far", "q9", QUAKE[2], "2025-01-05")], store, nlp=nlp, group=True)
        [(name, gained)] = far.stories.items()
        assert gained == 1 and name != quake
        assert len(api.stories(store)) == 3

        with pytest.raises(ConfigError, match="--stories auto"):
            api.analyze([str(pile)], store, nlp=nlp, group=True, story="X")


def test_the_cli_takes_stories_auto_and_says_which_stories_it_reconciled(tmp_path: Path, model: str) -> None:  # noqa: F811
    a = _write(tmp_path, "q0", QUAKE[0], "2024-03-01")
    b = _write(tmp_path, "r0", REHAB[0], "2024-03-01")
    db = str(tmp_path / "s.db")
    out = json.loads(run("analyze", a, b, "--db", db, "--model", model, "--stories", "auto", "--json").stdout)
    assert sorted(s["gained"] for s in out["stories"]) == [1, 1]
    again = run("analyze", a, "--db", db, "--model", model, "--stories", "auto").stdout
    assert "1 story holds them: '" in again and "(+0)" in again and "together they hold 1 article(s)" in again
    assert "--stories one or --stories auto" in run("analyze", a, "--db", db, "--stories", "many", code=2).stderr
    assert "--stories auto" in run("analyze", a, "--db", db, "--stories", "auto", "--story", "X", code=2).stderr


def test_grouping_needs_a_store_that_lists_its_stories(tmp_path: Path) -> None:
    from helpers.fakes import MemoryStore

    path = _write(tmp_path, "q0", QUAKE[0], "2024-03-01")
    with pytest.raises(ConfigError, match="lists its stories"):
        api.analyze([path], MemoryStore(), nlp=blank_nlp(), group=True)


def test_a_second_run_on_the_same_pile_reads_and_moves_nothing(tmp_path: Path) -> None:
    pile = tmp_path / "pile"
    paths = [_write(pile, f"q{i}", t, "2024-03-01") for i, t in enumerate(QUAKE)]
    nlp = blank_nlp()
    with api.open_store(tmp_path / "s.db") as store:
        api.analyze(paths, store, nlp=nlp, group=True)
        again = api.analyze(paths, store, nlp=nlp, group=True)
        [name] = again.stories
        assert (again.articles_new, again.articles_unchanged, again.stories[name], again.articles_total) == (0, 3, 0, 3)
        assert not again.reconciled


def test_a_stored_article_in_no_story_is_placed_without_a_new_reading(tmp_path: Path) -> None:
    paths = [_write(tmp_path / "pile", f"q{i}", t, "2024-03-01") for i, t in enumerate(QUAKE)]
    nlp = blank_nlp()
    with api.open_store(tmp_path / "s.db") as store:
        first = api.analyze(paths, store, nlp=nlp, group=True)
        [name] = first.stories
        store.remove_articles(name, ["q2"])
        assert store.article_stories()["q2"] == []
        again = api.analyze(paths, store, nlp=nlp, group=True)
        assert (again.articles_new, again.stories) == (0, {name: 1})
        assert store.article_stories()["q2"] == [name]
