"""The real CLI (Typer's CliRunner) with the real model on the bundled demo corpus.

The plumbing (bad inputs, exit codes, formats) is tested without a model in test_cli_plumbing.py.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from helpers.paths import REPO
from typer.testing import CliRunner

from storyline import api
from storyline.cli import app

ROOT = REPO
runner = CliRunner()
pytestmark = pytest.mark.model


def run(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output + result.stderr
    return result


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "story.db"
    run("analyze", str(api.demo_corpus()), "--db", str(db))
    return db


@pytest.fixture
def db_copy(demo_db, tmp_path) -> Path:
    target = tmp_path / "story.db"
    shutil.copy(demo_db, target)
    return target


def test_analyze_summary_and_rerun_adds_nothing(db_copy):
    with api.open_store(db_copy) as store:
        before = store.counts()
    assert before["articles"] >= 8 and before["claims"] > 0 and before["facts"] > 0
    again = run("analyze", str(api.demo_corpus()), "--db", str(db_copy))
    assert "Read 0 new article(s)" in again.output and "already stored, unchanged" in again.output
    with api.open_store(db_copy) as store:
        assert store.counts() == before


def test_adding_an_article_rereconciles(db_copy, tmp_path):
    extra = tmp_path / "extra.txt"
    extra.write_text(
        "---\nid: extra-1\noutlet: The Night Desk\npublished: 2024-09-01\n---\n"
        "A spokesperson for the couple said on Monday that the divorce was finalised in August.\n",
        "utf-8",
    )
    with api.open_store(db_copy) as store:
        before = store.counts()
    out = run("analyze", str(extra), "--db", str(db_copy)).output
    assert "Read 1 new article(s)" in out
    with api.open_store(db_copy) as store:
        after = store.counts()
        assert after["articles"] == before["articles"] + 1
        assert any(r.article.id == "extra-1" for r in store.readings())


def test_export_json_validates_and_offsets_point_into_text(demo_db, tmp_path):
    out = tmp_path / "story.json"
    run("export", "--db", str(demo_db), "--format", "json", "-o", str(out))
    data = json.loads(out.read_text("utf-8"))
    jsonschema.validate(data, json.loads((ROOT / "docs" / "export.schema.json").read_text("utf-8")))
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for claim in data["claims"]:
        assert texts[claim["article"]][claim["start"] : claim["end"]] == claim["text"]
        src = claim["source"]
        if src["start"] is not None:
            assert texts[claim["article"]][src["start"] : src["end"]] == src["text"]
    for ent in data["entities"]:
        for m in ent["mentions"]:
            assert texts[m["article"]][m["start"] : m["end"]] == m["text"]
    for t in data["timexes"]:
        assert texts[t["article"]][t["start"] : t["end"]] == t["text"]
    ids = {e["id"] for e in data["entities"]}
    assert all(c["subject"] in ids for c in data["claims"] if c["subject"])


def test_export_csv_and_jsonl_to_stdout(demo_db):
    rows = list(csv.DictReader(io.StringIO(run("export", "--db", str(demo_db), "-f", "csv").stdout)))
    assert rows and {"source_kind", "certainty", "fact_status"} <= set(rows[0])
    lines = run("export", "--db", str(demo_db), "-f", "jsonl").stdout.splitlines()
    assert json.loads(lines[0]) == {"record": "header", "schema": "storyline/1"}


def test_report_is_self_contained(demo_db, tmp_path):
    out = tmp_path / "dossier.html"
    run("report", "--db", str(demo_db), "-o", str(out))
    html = out.read_text("utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    # Nothing is fetched when the file is opened: no external stylesheet, script or image.
    assert "<link" not in html and "<script src" not in html and 'src="http' not in html


def test_script_in_an_article_renders_inert(tmp_path):
    evil = tmp_path / "evil.txt"
    evil.write_text(
        "---\noutlet: Glitter\npublished: 2024-02-02\n---\n"
        "Mara Quinn <script>alert('x')</script> said the reports are false, a source told Glitter.\n",
        "utf-8",
    )
    db, out = tmp_path / "e.db", tmp_path / "e.html"
    run("analyze", str(evil), "--db", str(db))
    run("report", "--db", str(db), "-o", str(out))
    html = out.read_text("utf-8")
    # The article text travels in the dossier's data block, which the page renders as text.
    from storyline.present.report import embedded_data

    assert "<script>alert(" not in html
    assert any("<script>alert('x')</script>" in a["x"] for a in embedded_data(html)["articles"])


def test_info_names_pipeline_and_database(demo_db):
    out = run("info", "--db", str(demo_db)).output
    assert "pipeline" in out and "core_web_sm" in out and "sqlite" in out and "storyline_claims" in out


def test_demo_writes_dossier_and_export(tmp_path):
    out = run("demo", "--out", str(tmp_path / "d")).output
    assert "Dossier written to" in out
    assert (tmp_path / "d" / "dossier.html").stat().st_size > 5000
    assert json.loads((tmp_path / "d" / "story.json").read_text("utf-8"))["schema"] == "storyline/1"


@pytest.mark.postgres
def test_analyze_and_export_through_postgresql():
    """The same CLI path on the server backend (runs when STORYLINE_TEST_PG_URL is set)."""
    from helpers.store import pg_schema_url

    urls = pg_schema_url()
    url = next(urls)
    try:
        first = run("analyze", str(api.demo_corpus()), "--db", url).output
        assert "Read 10 new article(s)" in first
        assert "Read 0 new article(s)" in run("analyze", str(api.demo_corpus()), "--db", url).output
        data = json.loads(run("export", "--db", url).stdout)
        jsonschema.validate(data, json.loads((ROOT / "docs" / "export.schema.json").read_text("utf-8")))
        assert len(data["articles"]) == 10 and data["facts"]
    finally:
        urls.close()
