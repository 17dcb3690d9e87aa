"""The CLI under hostile paths and text (stub pipeline, no model): outputs that would overwrite
the database or an input, land in a missing folder or a directory, or meet a full disk; reading
commands pointed at a database that does not exist; user text that looks like console markup."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from helpers.cli import run

from storyline import api

GOOD = "---\nid: g1\noutlet: Glitter\npublished: 2024-02-02\n---\nMara Quinn left Lyon on Friday, a source said.\n"


@pytest.fixture
def db(tmp_path, model) -> Path:
    (tmp_path / "good.txt").write_text(GOOD, "utf-8")
    db = tmp_path / "t.db"
    run("analyze", str(tmp_path / "good.txt"), "--db", str(db), "--model", model)
    return db


def _is_database(path: Path) -> bool:
    return path.read_bytes()[:16] == b"SQLite format 3\x00"


# -- outputs never overwrite the database or an input ------------------------------------


@pytest.mark.parametrize("command", ["report", "export"])
def test_an_output_that_is_the_database_is_refused_before_any_work(db, command, tmp_path, monkeypatch):
    before = db.read_bytes()
    monkeypatch.chdir(tmp_path)
    os.link(db, tmp_path / "hardlink.db")
    (tmp_path / "sub").mkdir()
    for target in (str(db), "t.db", "./sub/../t.db", str(tmp_path / "hardlink.db"), f"sqlite:///{db}"):
        out = target.removeprefix("sqlite:///")
        result = run(command, "--db", target if target.startswith("sqlite") else str(db), "-o", out, code=2)
        assert "error:" in result.stderr and "is the database" in result.stderr, result.stderr
        assert db.read_bytes() == before and _is_database(db)


def test_an_output_that_is_a_stored_input_is_refused(db, tmp_path):
    text = (tmp_path / "good.txt").read_text("utf-8")
    result = run("report", "--db", str(db), "-o", str(tmp_path / "good.txt"), code=2)
    assert "is an input of the stored story" in result.stderr and "good.txt" in result.stderr
    assert (tmp_path / "good.txt").read_text("utf-8") == text


@pytest.mark.parametrize("command", ["report", "export"])
def test_an_output_in_a_missing_folder_is_a_clear_error_with_the_fix(db, command, tmp_path):
    out = tmp_path / "no" / "such" / "out.html"
    result = run(command, "--db", str(db), "-o", str(out), code=2)
    assert "Traceback" not in result.output + result.stderr
    assert "does not exist" in result.stderr and f"mkdir -p {tmp_path / 'no' / 'such'}" in result.stderr
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("command", ["report", "export"])
def test_an_output_that_is_a_directory_is_a_clear_error(db, command, tmp_path):
    result = run(command, "--db", str(db), "-o", str(tmp_path), code=2)
    assert "is a directory" in result.stderr and "Fix:" in result.stderr


@pytest.mark.parametrize("command", ["report", "export"])
def test_a_full_disk_leaves_no_half_file_and_is_a_clear_error(db, command, tmp_path, monkeypatch):
    from storyline.core import outputs

    out = tmp_path / "out.txt"
    out.write_text("the previous output\n", "utf-8")

    def full(fh, data: bytes) -> None:
        fh.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(outputs, "_write_all", full)
    result = run(command, "--db", str(db), "-o", str(out), code=1)
    assert "Traceback" not in result.output + result.stderr
    assert "the disk is full" in result.stderr and str(out) in result.stderr
    assert out.read_text("utf-8") == "the previous output\n"  # the old file, whole
    left = {p.name for p in tmp_path.iterdir()} - {"good.txt", "t.db", "t.db-shm", "t.db-wal", "out.txt"}
    assert not left, left  # no temporary file left behind


def test_outputs_are_written_whole_with_the_usual_permissions(db, tmp_path):
    out = tmp_path / "d.html"
    run("report", "--db", str(db), "-o", str(out))
    assert out.read_text("utf-8").lstrip().lower().startswith("<!doctype html")
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".d.html")]


def test_a_database_that_is_an_input_is_refused(tmp_path, model):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("analyze", str(empty), "--db", str(empty), "--model", model, code=2)
    assert "is an input of this run" in result.stderr and empty.read_bytes() == b""


def test_demo_refuses_a_file_as_its_folder(tmp_path, model):
    f = tmp_path / "notafolder"
    f.write_text("x", "utf-8")
    result = run("demo", "--out", str(f), "--model", model, code=2)
    assert "not a folder" in result.stderr and f.read_text("utf-8") == "x"


# -- reading commands never create a database --------------------------------------------


@pytest.mark.parametrize("command", [["export"], ["report", "-o", "{tmp}/d.html"], ["info"]])
def test_a_reading_command_on_a_missing_database_is_an_error_and_creates_nothing(tmp_path, command, model):
    missing = tmp_path / "typo.db"
    args = [a.replace("{tmp}", str(tmp_path)) for a in command] + ["--db", str(missing)]
    if command[0] == "info":
        args += ["--model", model]
    result = run(*args, code=2)
    assert f"no storyline database at {missing}" in result.stderr, result.stderr
    assert "storyline analyze" in result.stderr and f"--db {missing}" in result.stderr
    assert not missing.exists() and not (tmp_path / "d.html").exists()


def test_a_reading_command_on_an_empty_file_or_foreign_sqlite_database_is_an_error(tmp_path):
    import sqlite3

    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    for path in (empty, foreign):
        result = run("export", "--db", str(path), code=2)
        assert "not a storyline database" in result.stderr or "no storyline database" in result.stderr, result.stderr
    assert empty.read_bytes() == b""
    with sqlite3.connect(foreign) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["t"]


def test_info_without_a_database_still_reports_versions(tmp_path, model, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("STORYLINE_DB", raising=False)
    out = run("info", "--model", model).stdout
    assert "storyline" in out and "no database" in out
    assert not (tmp_path / "storyline.db").exists()


@pytest.mark.postgres
def test_reading_commands_on_an_empty_postgresql_database_are_an_error():
    import sqlalchemy as sa
    from helpers.store import pg_schema_url

    from storyline.core.errors import StoreError

    schema = pg_schema_url()
    url = next(schema)
    try:
        result = run("export", "--db", url, code=2)
        assert "no storyline database" in result.stderr and "storyline analyze" in result.stderr
        with pytest.raises(StoreError):
            api.open_store(url, create=False)
        engine = sa.create_engine(url)
        with engine.connect() as conn:
            assert sa.inspect(conn).get_table_names() == []  # nothing was created
        engine.dispose()
    finally:
        schema.close()


# -- user text is never read as console markup -------------------------------------------


def test_user_text_that_looks_like_markup_is_printed_as_is(tmp_path, model):
    folder = tmp_path / "in[bold]"
    folder.mkdir()
    (folder / "a[x].txt").write_bytes(b"")
    (folder / "m.jsonl").write_text(
        json.dumps({"id": "p1", "published": "[/]", "text": "Mara Quinn left Lyon :smile: on Friday."}) + "\n"
        + json.dumps({"id": "p2", "published": "[red]2024[/red]", "outlet": "[link=x]y", "text": "Theo Vale left too."}) + "\n",
        "utf-8",
    )  # fmt: skip
    db = tmp_path / "m.db"
    result = run("analyze", str(folder), "--db", str(db), "--model", model)
    assert "Read 2 new article(s)" in result.stdout
    assert f"{folder / 'a[x].txt'}: the input is empty" in result.stderr
    assert "'[/]' is not a date" in result.stderr and "'[red]2024[/red]' is not a date" in result.stderr
    with api.open_store(db) as store:
        assert {a.id for a in store.articles()} == {"p1", "p2"}


def test_error_messages_keep_bracketed_text(tmp_path):
    missing = tmp_path / "conf[analysis].toml"
    result = run("analyze", "x.txt", "--db", str(tmp_path / "x.db"), "--config", str(missing), code=2)
    assert "conf[analysis].toml" in result.stderr, result.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text("[analyis]\nbatch_size = 3\n", "utf-8")
    result = run("analyze", "x.txt", "--db", str(tmp_path / "x.db"), "--config", str(bad), code=2)
    assert "unknown section 'analyis'" in result.stderr and "did you mean 'analysis'" in result.stderr


def test_emoji_codes_in_user_text_are_not_replaced(tmp_path, model):
    (tmp_path / ":smile:.txt").write_bytes(b"")
    result = run("analyze", str(tmp_path / ":smile:.txt"), "--db", str(tmp_path / "e.db"), "--model", model, code=1)
    assert ":smile:.txt" in result.stderr


# -- manifests are confined unless the flag says otherwise -------------------------------


def test_allow_outside_paths_flag(tmp_path, model):
    (tmp_path / "outside.txt").write_text("Mara Quinn left Lyon on Friday.\n", "utf-8")
    (tmp_path / "in").mkdir()
    manifest = tmp_path / "in" / "m.jsonl"
    manifest.write_text(json.dumps({"id": "o", "path": "../outside.txt"}) + "\n", "utf-8")
    result = run("analyze", str(manifest), "--db", str(tmp_path / "a.db"), "--model", model, code=1)
    assert "outside the manifest's folder" in result.stderr and "--allow-outside-paths" in result.stderr
    result = run("analyze", str(manifest), "--db", str(tmp_path / "b.db"), "--model", model, "--allow-outside-paths")
    assert "Read 1 new article(s)" in result.stdout


def test_an_error_keeps_a_long_path_on_one_line_whatever_the_console_width(tmp_path, monkeypatch):
    # Logs and CI output are read by copying the path out of them: a path folded at the console's
    # width (80 when stderr is not a terminal) cannot be pasted back.
    from storyline import cli

    monkeypatch.setattr(cli.err, "width", 40)
    missing = tmp_path / ("a-folder-with-a-rather-long-name-" * 3) / "typo.db"
    result = run("export", "--db", str(missing), code=2)
    assert f"no storyline database at {missing}" in result.stderr, result.stderr
