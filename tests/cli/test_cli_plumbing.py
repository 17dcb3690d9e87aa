"""The real CLI (Typer's CliRunner) with no model: ``--model`` names a stub pipeline directory.

The stub (blank English + sentencizer, see ``helpers.fakes``) gets the storyline components but
finds no claims, so these tests check the plumbing fast: inputs and their rejections, exit
codes, what goes to stdout and stderr, the export formats and the files written. What the
real model reads is checked by ``test_cli.py`` (marker ``model``).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from helpers.cli import run
from helpers.fakes import STUB_PIPELINE_NAME
from helpers.paths import REPO

from storyline import api
from storyline.cli import summary_paragraph
from storyline.ingest import Rejection

GOOD = "---\nid: g1\noutlet: Glitter\npublished: 2024-02-02\n---\nMara Quinn left Lyon on Friday, a source said.\n"


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> Path:
    """Inputs; each test writes its own database beside them."""
    tmp_path = tmp_path_factory.mktemp("inputs")
    (tmp_path / "good.txt").write_text(GOOD, "utf-8")
    (tmp_path / "empty.txt").write_text("", "utf-8")
    (tmp_path / "bad.jsonl").write_text(
        '{"id": "ok1", "published": "2024-01-02", "text": "Mara Quinn said she was fine."}\nnot json\n'
        '{"id": "ok1", "text": "Another text under the same id."}\n',
        "utf-8",
    )
    return tmp_path


@pytest.fixture(scope="module")
def db(files, model) -> Path:
    """A database holding good.txt and the good line of bad.jsonl (tests only read it)."""
    db = files / "s.db"
    run("analyze", str(files / "good.txt"), str(files / "bad.jsonl"), "--db", str(db), "--model", model)
    return db


def test_version():
    assert "storyline" in run("--version").output


def test_help_lists_every_input_suffix():
    from storyline.ingest import FORMATS

    text = run("analyze", "--help").output
    assert all(s in text for fmt in FORMATS for s in fmt.suffixes)


def test_bad_inputs_are_skipped_and_listed(files, model):
    db = files / "b.db"
    result = run("analyze", str(files / "empty.txt"), str(files / "bad.jsonl"), str(files / "good.txt"), "--db", str(db), "--model", model)
    assert "Read 2 new article(s)" in result.stdout and "Skipped 3 input(s)" in result.stdout
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 3 and "empty.txt" in skipped[0] and "bad.jsonl:2" in skipped[1]
    assert "duplicate article id 'ok1'" in skipped[2] and "Fix:" in skipped[2]
    with api.open_store(db) as store:
        assert sorted(a.id for a in store.articles()) == ["g1", "ok1"]


def test_strict_and_nothing_read_exit_with_1(files, model):
    db = files / "x.db"
    assert "No input was skipped" in run("analyze", str(files / "good.txt"), "--db", str(db), "--model", model, "--strict").stdout
    run("analyze", str(files / "empty.txt"), str(files / "good.txt"), "--db", str(db), "--model", model, "--strict", code=1)
    result = run("analyze", str(files / "empty.txt"), "--db", str(files / "none.db"), "--model", model, code=1)
    assert "Read 0 new article(s); the story now holds 0 article(s)" in result.stdout


def test_rerun_reads_nothing(db, files, model, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    again = run("analyze", str(files / "good.txt"), "--db", str(copy), "--model", model).stdout
    assert "Read 0 new article(s) (1 already stored, unchanged)" in again


def test_stdin_and_notices(files, model):
    result = run("analyze", "-", "--db", str(files / "in.db"), "--model", model, input=b"Undated text from a pipe.\n")
    assert "Read 1 new article(s)" in result.stdout and "no usable publication date" in result.stdout
    assert "note -: no publication date" in result.stderr


def test_overrides_apply(files, model):
    db = files / "o.db"
    run("analyze", str(files / "good.txt"), "--db", str(db), "--model", model, "--outlet", "Daily Lumen", "--published", "2024-03-01")
    with api.open_store(db) as store:
        (article,) = store.articles()
    assert article.outlet == "Daily Lumen" and str(article.published).startswith("2024-03-01")


def test_unknown_model_and_bad_database_are_clear_errors(files):
    result = run("analyze", str(files / "good.txt"), "--db", str(files / "m.db"), "--model", "no_such_pipeline", code=2)
    assert "error:" in result.stderr and "install the pipeline package 'no_such_pipeline'" in result.stderr
    result = run("export", "--db", "nosuchdb://x", code=2)
    assert "error:" in result.stderr and "Fix:" in result.stderr


def test_export_json_validates(db, tmp_path):
    out = tmp_path / "story.json"
    run("export", "--db", str(db), "--format", "json", "-o", str(out))
    data = json.loads(out.read_text("utf-8"))
    jsonschema.validate(data, json.loads((REPO / "docs" / "export.schema.json").read_text("utf-8")))
    assert sorted(a["id"] for a in data["articles"]) == ["g1", "ok1"]


def test_export_formats_to_stdout(db):
    assert json.loads(run("export", "--db", str(db)).stdout)["schema"] == "storyline/1"
    lines = run("export", "--db", str(db), "-f", "jsonl").stdout.splitlines()
    assert json.loads(lines[0]) == {"record": "header", "schema": "storyline/1"}
    header = next(csv.reader(io.StringIO(run("export", "--db", str(db), "-f", "csv").stdout)))
    assert {"source_kind", "certainty", "fact_status"} <= set(header)
    assert isinstance(json.loads(run("export", "--db", str(db), "-f", "timelinejs").stdout), dict)


def test_unknown_export_format_names_the_choices(db):
    result = run("export", "--db", str(db), "-f", "yaml", code=2)
    assert "unknown export format 'yaml'" in result.stderr and "timelinejs" in result.stderr


def test_report_writes_the_dossier(db, tmp_path):
    out = tmp_path / "d.html"
    assert "Dossier written to" in run("report", "--db", str(db), "-o", str(out), "--title", "Plumbing").stdout
    html = out.read_text("utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") and "Plumbing" in html


def test_info_names_the_injected_pipeline(db, model):
    out = run("info", "--db", str(db), "--model", model).stdout
    assert STUB_PIPELINE_NAME in out and "storyline_claims" in out and "sqlite" in out and "articles=2" in out


def test_demo_writes_dossier_and_export(tmp_path, model):
    out = run("demo", "--out", str(tmp_path / "d"), "--model", model).stdout
    assert "Read 10 new article(s)" in out and "Dossier written to" in out
    assert json.loads((tmp_path / "d" / "story.json").read_text("utf-8"))["schema"] == "storyline/1"


def test_demo_real_reads_the_real_story_into_its_own_database(tmp_path, model, monkeypatch):
    monkeypatch.chdir(tmp_path)
    out = run("demo", "--story", "real", "--model", model).stdout
    folder = tmp_path / "storyline-demo-real"
    assert "Read 11 new article(s)" in out and str(folder / "dossier.html") in out
    exported = json.loads((folder / "story.json").read_text("utf-8"))
    assert {a["outlet"] for a in exported["articles"]} >= {"BBC News", "The New York Times", "Los Angeles Times"}
    assert not (tmp_path / "storyline-demo").exists()


def test_an_unknown_demo_story_names_the_choices(tmp_path, model):
    result = run("demo", "--story", "fictoin", "--out", str(tmp_path / "d"), "--model", model, code=2)
    assert "no demo story 'fictoin'" in result.stderr and "fiction, real" in result.stderr
    assert not (tmp_path / "d").exists()


def test_summary_paragraph_words_the_counts():
    summary = api.AnalysisSummary(
        inputs=3, articles_new=1, articles_unchanged=2, articles_total=3, entities=4, claims=5,
        facts_by_status={"corroborated": 2, "single_source": 1, "contested": 0}, conflicts=1, echoes=2,
        undated=["a-1"], rejected=[Rejection("x.txt", "x.txt: the input is empty. Fix: remove it", "EmptyInput")], seconds=1.25,
    )  # fmt: skip
    assert summary_paragraph(summary) == (
        "Read 1 new article(s) (2 already stored, unchanged); the story now holds 3 article(s), 4 people, "
        "5 claims and 3 facts (2 corroborated, 1 single source). 1 conflict(s) found; 2 claim(s) only "
        "re-report another outlet. 1 article(s) had no usable publication date, so their relative dates are "
        "unresolved: a-1. Skipped 1 input(s): x.txt: the input is empty. Fix: remove it (1.2 s)"
    )
    assert summary_paragraph(api.AnalysisSummary()).endswith("claims and 0 facts. No input was skipped. (0.0 s)")
