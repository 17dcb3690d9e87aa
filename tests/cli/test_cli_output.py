"""What the CLI shows a person and a script: progress, --quiet, --json, the next command, URLs.

The displays are tested on events with an injected clock (no sleeping), and the real CLI
(Typer's CliRunner, whose output is not a terminal) on the demo corpus with the stub pipeline
of ``helpers.fakes``; a forced-terminal rich console stands in for a TTY.
"""

from __future__ import annotations

import io
import json
import re
import shlex
from pathlib import Path

import jsonschema
import pytest
from helpers.cli import run
from helpers.paths import REPO
from rich.console import Console

from storyline import api, cli, progress_display
from storyline.api import ProgressEvent
from storyline.cli import next_steps, run_summary
from storyline.progress_display import PlainProgress, RichProgress, format_seconds

SCHEMA = json.loads((REPO / "docs" / "run-summary.schema.json").read_text("utf-8"))
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# read 3/10 articles (30%), 12.1 articles/s, 3,630 words/s, ETA 23 s, now: x.txt
PERIODIC = re.compile(r"^read \d+/\d+ articles \(\d+%\), [\d,.]+ articles/s, [\d,]+ words/s, ETA [^,]+ s, now: .+$")


@pytest.fixture(scope="module")
def demo() -> str:
    return str(api.demo_corpus())


class FakeClock:
    def __init__(self, step: float = 0.0):
        self.now, self.step = 0.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def events(total: int, seconds_each: float = 0.5, words_each: int = 100) -> list[ProgressEvent]:
    """The read events of ``total`` articles, one every ``seconds_each`` seconds."""
    out = [ProgressEvent("read", 0, total, "", 0, total * words_each, 0.0)]
    out += [
        ProgressEvent("read", i, total, f"feed.xml:{i}", i * words_each, total * words_each, i * seconds_each)
        for i in range(1, total + 1)
    ]
    return out


# --- the plain display (logs, CI) ---------------------------------------------------------------


def test_plain_lines_come_every_ten_percent_at_most_once_a_second():
    lines: list[str] = []
    clock = FakeClock()
    display = PlainProgress(lines.append, clock=clock)
    for event in events(400):
        clock.now = event.elapsed  # the display's clock runs with the run
        display("read", event.done, event.total, event=event)
    periodic = lines[1:-1]
    assert lines[0] == "read: 400 articles to read (40,000 words)"
    # 10% is 40 articles, 20 s at 2 articles/s: a line every 5 s (10 articles) comes first
    assert len(periodic) == 200 // 5 - 1 and all(PERIODIC.match(line) for line in periodic), periodic[:3]
    assert periodic[0] == "read 10/400 articles (2%), 2.0 articles/s, 200 words/s, ETA 3 min 15 s, now: feed.xml:10"
    assert lines[-1] == "read 400/400 articles (100%) in 3 min 20 s, 2.0 articles/s, 200 words/s"


def test_plain_lines_on_a_fast_run_follow_the_tenths_not_every_article():
    lines: list[str] = []
    clock = FakeClock(step=1.0)  # a second between articles: a tenth (one article) each time
    display = PlainProgress(lines.append, clock=clock)
    for event in events(10, seconds_each=1.0):
        display("read", event.done, event.total, event=event)
    assert [line.split(",")[0] for line in lines[1:-1]] == [f"read {i}/10 articles ({i}0%)" for i in range(1, 10)]
    lines.clear()
    display = PlainProgress(lines.append, clock=FakeClock(step=0.01))  # all within a second: start and end only
    for event in events(10, seconds_each=0.01):
        display("read", event.done, event.total, event=event)
    assert len(lines) == 2 and lines[-1].startswith("read 10/10 articles (100%) in 0.1 s")


def test_plain_reconcile_is_a_stage_with_its_own_time_and_names_are_escaped():
    lines: list[str] = []
    display = PlainProgress(lines.append, clock=FakeClock(step=10.0))
    display("read", 0, 2, event=ProgressEvent("read", 0, 2, words_total=10))
    display("read", 1, 2, event=ProgressEvent("read", 1, 2, "bad\x1b[31mname\n.txt", 5, 10, 1.0))
    display("reconcile", 0, 1, event=ProgressEvent("reconcile", 0, 1))
    display("reconcile", 1, 1, event=ProgressEvent("reconcile", 1, 1, elapsed=2.25))
    assert lines[1].endswith("now: bad\\x1b[31mname\\n.txt")
    assert lines[2:] == ["reconcile: linking the articles into one story", "reconcile: done in 2.2 s"]
    assert "0/1" not in " ".join(lines) and "1/1" not in " ".join(lines)
    assert display.final_line() == "read 1 article (5 words) in 1.0 s (1.0 articles/s, 5 words/s); reconciled the story in 2.2 s"


def test_a_legacy_call_without_an_event_is_shown_too():
    lines: list[str] = []
    display = PlainProgress(lines.append, clock=FakeClock(step=6.0))
    for done in range(4):
        display("read", done, 3)
    assert lines[0] == "read: 3 articles to read (0 words)" and lines[1] == "read 1/3 articles (33%)"


@pytest.mark.parametrize("seconds,text", [(0.44, "0.4 s"), (9.96, "10.0 s"), (23.4, "23 s"), (200, "3 min 20 s"), (3900, "1 h 05 min")])
def test_format_seconds(seconds, text):
    assert format_seconds(seconds) == text


# --- the terminal display -----------------------------------------------------------------------


def tty(width: int = 200) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=width, color_system=None), out


def test_the_bar_shows_rate_eta_and_the_current_input_and_stays_with_a_final_line():
    console, out = tty()
    with RichProgress(console, auto_refresh=False) as display:
        stream = events(400)
        for event in stream[:121]:
            display("read", event.done, event.total, event=event)
        display.refresh()
        middle = ANSI.sub("", out.getvalue())
        for event in stream[121:]:
            display("read", event.done, event.total, event=event)
        display("reconcile", 0, 1, event=ProgressEvent("reconcile", 0, 1))
        display("reconcile", 1, 1, event=ProgressEvent("reconcile", 1, 1, elapsed=2.0))
    assert "Reading articles" in middle and "120/400 articles" in middle and "2.0 articles/s, 200 words/s" in middle
    assert "ETA 2 min 20 s" in middle and "feed.xml:120" in middle
    final = ANSI.sub("", out.getvalue()).splitlines()
    # not transient: the finished bars stay on screen, then one final line
    assert any("Read articles" in line and "400/400 articles" in line for line in final)
    assert any("Reconciled the story" in line for line in final) and not any("0/1" in line for line in final)
    assert final[-1] == "Read 400 articles (40,000 words) in 3 min 20 s (2.0 articles/s, 200 words/s); reconciled the story in 2.0 s."


def test_the_display_is_chosen_by_the_console():
    assert isinstance(progress_display.progress_display(tty()[0]), RichProgress)
    assert isinstance(progress_display.progress_display(Console(file=io.StringIO())), PlainProgress)
    with progress_display.progress_display(tty()[0], quiet=True) as callback:
        assert callback is None


# --- the real CLI -------------------------------------------------------------------------------


def test_progress_lines_go_to_stderr_when_not_a_terminal(demo, model, tmp_path, monkeypatch):
    monkeypatch.setattr(progress_display, "CLOCK", FakeClock(step=1.0))
    result = run("analyze", demo, "--db", str(tmp_path / "s.db"), "--model", model)
    lines = result.stderr.splitlines()
    assert re.fullmatch(r"read: 10 articles to read \([\d,]+ words\)", lines[0])
    periodic = [line for line in lines if PERIODIC.match(line)]
    assert len(periodic) == 9, lines  # the fake clock makes each article a second: one line a tenth
    assert all(re.search(r"now: \S+(\.txt|\.html|\.jsonl:\d+)$", line) for line in periodic)
    assert any(re.match(r"read 10/10 articles \(100%\) in [\d.]+ s, [\d,.]+ articles/s, [\d,]+ words/s$", line) for line in lines)
    assert "reconcile: linking the articles into one story" in lines and any(line.startswith("reconcile: done in ") for line in lines)
    assert result.stdout.startswith("Read 10 new article(s)")  # stdout holds the summary only


def test_a_terminal_gets_the_bar_and_a_final_line(demo, model, tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "err", Console(stderr=True, force_terminal=True, width=200, color_system=None))
    result = run("analyze", demo, "--db", str(tmp_path / "s.db"), "--model", model)
    screen = ANSI.sub("", result.stderr)
    assert "Read articles" in screen and "10/10 articles" in screen and "articles/s" in screen
    assert re.search(r"Read 10 articles \([\d,]+ words\) in [\d.]+ s \([\d,.]+ articles/s, [\d,]+ words/s\); reconciled the story in [\d.]+ s\.", screen)


def test_the_summary_ends_with_the_next_command(demo, model, tmp_path):
    db = tmp_path / "my story.db"
    last = run("analyze", demo, "--db", str(db), "--model", model).stdout.splitlines()[-1]
    assert last.startswith("Next: storyline report --db ") and shlex.quote(str(db)) in last
    assert "-o dossier.html" in last and "storyline export --db" in last
    assert next_steps("storyline.db").startswith("Next: storyline report -o dossier.html")
    assert "password" not in next_steps("postgresql+psycopg://me:password@host/db") and "***" in next_steps("postgresql+psycopg://me:password@host/db")
    # the command in the line runs as printed
    command = shlex.split(last.removeprefix("Next: ").split(" (")[0].replace("dossier.html", str(tmp_path / "d.html")))
    assert command[0] == "storyline"
    report = run(*command[1:])
    out = report.stdout.splitlines()
    assert out[0] == f"Dossier written to {(tmp_path / 'd.html').resolve()}"
    assert out[-1] == f"Open it in any web browser (it works offline): {(tmp_path / 'd.html').resolve().as_uri()}"


def test_export_to_a_file_says_how_to_use_it(demo, model, tmp_path):
    db = tmp_path / "s.db"
    run("analyze", demo, "--db", str(db), "--model", model, "-q")
    for fmt, words in (("json", "jq"), ("csv", "spreadsheet"), ("jsonl", "head -n 3"), ("timelinejs", "TimelineJS")):
        result = run("export", "--db", str(db), "-f", fmt, "-o", str(tmp_path / f"out.{fmt}"))
        lines = result.stderr.splitlines()
        assert lines[0] == f"wrote {tmp_path / f'out.{fmt}'}" and lines[-1].startswith("Next: ") and words in lines[-1]
    assert run("export", "--db", str(db)).stderr == ""  # to stdout: data only


def test_quiet_prints_nothing_on_success_and_the_skips_on_failure(demo, model, tmp_path):
    result = run("analyze", demo, "--db", str(tmp_path / "q.db"), "--model", model, "--quiet")
    assert result.stdout == "" and result.stderr == ""
    result = run("analyze", demo, "https://example.org/x", "--db", str(tmp_path / "q.db"), "--model", model, "-q", "--strict", code=1)
    assert result.stdout == "" and result.stderr.startswith("skipped https://example.org/x: this is a URL")
    result = run("analyze", demo, "--db", str(tmp_path / "fresh.db"), "--model", "no_such_pipeline", "-q", code=2)
    assert result.stdout == "" and result.stderr.startswith("error:")
    assert run("demo", "--out", str(tmp_path / "d"), "--model", model, "-q").stdout == ""


def test_json_summary_validates_and_counts_what_happened(demo, model, tmp_path):
    db = tmp_path / "j.db"
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    url = "https://example.org/story?id=7&page=2"
    result = run("analyze", demo, str(empty), url, "--db", str(db), "--model", model, "--json")
    data = json.loads(result.stdout)
    jsonschema.validate(data, SCHEMA)
    assert (data["schema"], data["status"], data["exit_code"], data["db"]) == ("storyline-run/1", "ok", 0, str(db))
    assert data["articles"] == {"new": 10, "unchanged": 0, "failed": 0, "rejected": 2, "total": 10, "undated": []}
    by_input = {r["input"]: r for r in data["rejected"]}
    assert by_input[str(empty)]["error"] == "EmptyInput" and by_input[str(empty)]["fix"]
    assert "does not fetch URLs" in by_input[url]["reason"] and "Fix:" not in by_input[url]["reason"]
    assert by_input[url]["fix"] == f"download the page first, then analyze the file: curl -L {shlex.quote(url)} -o page.html && storyline analyze page.html"
    assert data["story"]["entities"] > 0 and data["story"]["reconciled"] and data["story"]["facts"] == sum(data["story"]["facts_by_status"].values())
    assert set(data["timings"]) == {"ingest", "load", "read", "reconcile", "total"}
    assert "read 10/10 articles" in result.stderr  # progress stays on stderr

    again = json.loads(run("analyze", demo, "--db", str(db), "--model", model, "--json", "--strict", "-q").stdout)
    jsonschema.validate(again, SCHEMA)
    assert again["articles"]["new"] == 0 and again["articles"]["unchanged"] == 10 and again["timings"]["read"] == 0


def test_json_on_failure_and_on_error_validates(demo, model, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    failed = json.loads(run("analyze", str(empty), "--db", str(tmp_path / "f.db"), "--model", model, "--json", code=1).stdout)
    jsonschema.validate(failed, SCHEMA)
    assert (failed["status"], failed["exit_code"], failed["articles"]["total"]) == ("failed", 1, 0)
    error = run("analyze", demo, "--db", str(tmp_path / "e.db"), "--model", "no_such_pipeline", "--json", code=2)
    data = json.loads(error.stdout)
    jsonschema.validate(data, SCHEMA)
    assert data["status"] == "error" and "no_such_pipeline" in data["error"] and error.stderr.startswith("error:")


def test_the_schema_rejects_what_it_should():
    good = run_summary(api.AnalysisSummary(timings=dict.fromkeys(("ingest", "load", "read", "reconcile"), 0.0)), db="x.db", exit_code=0)
    jsonschema.validate(good, SCHEMA)
    for broken in ({**good, "schema": "storyline-run/2"}, {**good, "surprise": 1}, {k: v for k, v in good.items() if k != "articles"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, SCHEMA)


def test_a_url_input_is_rejected_with_how_to_fetch_it(model, tmp_path):
    result = run("analyze", "https://example.org/news/1", "--db", str(tmp_path / "u.db"), "--model", model, code=1)
    (skipped,) = [line for line in result.stderr.splitlines() if line.startswith("skipped")]
    assert "storyline does not fetch URLs" in skipped and "no such file" not in skipped
    assert "Fix: download the page first, then analyze the file: curl -L https://example.org/news/1 -o page.html && storyline analyze page.html" in skipped
    assert result.stdout.splitlines()[-1].startswith("Next: fix or replace the skipped inputs")


def test_docs_name_every_key_of_the_run_summary():
    doc = (REPO / "docs" / "cli.md").read_text("utf-8")
    good = run_summary(api.AnalysisSummary(timings=dict.fromkeys(("ingest", "load", "read", "reconcile"), 0.0)), db="x.db", exit_code=0)
    keys = set(good) | {f"articles.{k}" for k in good["articles"]} | {f"story.{k}" for k in good["story"]} | {f"timings.{k}" for k in good["timings"]}
    keys |= {"rejected[].input", "rejected[].reason", "rejected[].fix", "rejected[].error", "rejected[].message", "notices[].input", "notices[].message", "error"}
    missing = sorted(k for k in keys if f"`{k}`" not in doc)
    assert not missing, f"docs/cli.md does not document {missing}"
    assert "storyline-run/1" in doc and Path(REPO / "docs" / "run-summary.schema.json").exists()
