"""Where an article came from is stored and shown relative to what the user gave, never as an
absolute (home) path: the store, the JSON export and the dossier all carry the same value."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storyline import api
from storyline.core.records import Article
from storyline.ingest import ingest
from storyline.ingest.origins import public_origin
from storyline.present.export import export_json

ARTICLE = "---\noutlet: Daily Lumen\npublished: 2024-01-12\n---\nCeleste Varga and Theo Lindqvist have separated.\n"


@pytest.fixture
def corpus(tmp_path) -> Path:
    root = tmp_path / "home" / "alice" / "news"
    (root / "jan").mkdir(parents=True)
    (root / "jan" / "a.txt").write_text(ARTICLE, "utf-8")
    (root / "b.txt").write_text(ARTICLE.replace("2024-01-12", "2024-01-13") + "More.\n", "utf-8")
    (root / "batch.jsonl").write_text(
        json.dumps({"id": "m1", "outlet": "Glitter", "published": "2024-02-06", "text": "Varga was seen in Lisbon."}) + "\n"
        + json.dumps({"id": "m2", "path": "jan/a.txt"}) + "\n", "utf-8")
    return root


def _origins(result) -> dict[str, str]:
    return {a.id if a.id.startswith("m") else Path(a.origin.split(" -> ")[0]).name: a.origin for a in result.articles}


def test_a_directory_given_as_an_absolute_path_gives_origins_under_its_name(corpus):
    result = ingest([str(corpus)])
    origins = sorted(a.origin for a in result.articles)
    assert origins == ["news/b.txt", "news/batch.jsonl:1", "news/batch.jsonl:2 -> jan/a.txt", "news/jan/a.txt"]
    assert not any(str(corpus.parent) in o for o in origins)


def test_a_path_typed_relative_is_kept_as_typed(corpus, monkeypatch):
    monkeypatch.chdir(corpus.parent)
    assert [a.origin for a in ingest(["news/jan/a.txt"]).articles] == ["news/jan/a.txt"]
    assert [a.origin for a in ingest(["news/jan"]).articles] == ["news/jan/a.txt"]
    assert [a.origin for a in ingest([os.path.join("news", "batch.jsonl")]).articles] == [
        "news/batch.jsonl:1", "news/batch.jsonl:2 -> jan/a.txt"]


def test_a_file_given_as_an_absolute_path_keeps_only_its_name(corpus):
    assert [a.origin for a in ingest([str(corpus / "jan" / "a.txt")]).articles] == ["a.txt"]


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("/home/alice/news/a.txt", "a.txt"),
        ("/home/alice/news/batch.jsonl:3", "batch.jsonl:3"),
        ("batch.jsonl:2 -> /home/alice/news/jan/a.txt", "batch.jsonl:2 -> a.txt"),
        ("C:\\Users\\alice\\news\\a.txt", "a.txt"),
        ("~/news/a.txt", "a.txt"),
        ("news/a.txt", "news/a.txt"),
        ("-", "-"),
    ],
)
def test_public_origin_drops_absolute_directories(stored, shown):
    assert public_origin(stored) == shown


def test_export_never_carries_an_absolute_origin_even_from_an_old_store():
    from storyline.core.records import ArticleReading, Story

    art = Article("a1", "Text.", "Daily Lumen", None, None, None, "/home/alice/news/a.txt", "txt", "h")
    assert export_json([ArticleReading(art)], Story())["articles"][0]["origin"] == "a.txt"


@pytest.mark.model
def test_demo_store_export_and_dossier_show_no_absolute_path(demo_analyzed):
    db, _ = demo_analyzed
    demo = str(api.demo_corpus())
    home = str(Path.home())
    from storyline.present.report import embedded_data

    with api.open_store(db) as store:
        origins = [a.origin for a in store.articles()]
        exported = api.export(store, "json")
        html = api.render_report(store)
    assert origins and all(o.startswith("demo/") for o in origins), origins
    assert {a["origin"] for a in exported["articles"]} == set(origins)
    # the dossier's articles travel in its compressed data block; the page prints "from <or>"
    dossier = embedded_data(html)
    assert {a["or"] for a in dossier["articles"]} == set(origins)
    for text in (json.dumps(exported), html, json.dumps(dossier, ensure_ascii=False)):
        assert demo not in text and demo.replace("/", "\\/") not in text
        assert f"{home}/" not in text
