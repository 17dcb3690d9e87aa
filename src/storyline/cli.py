"""The ``storyline`` command: a thin shell over :mod:`storyline.api`."""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from storyline import __version__, api
from storyline.core.errors import StorylineError
from storyline.core.options import AnalysisOptions, load_options
from storyline.core.outputs import check_output, write_output
from storyline.ingest.formats import FORMATS

if TYPE_CHECKING:
    import storyline.store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="storyline: turn news articles about one story into a sourced, cross-checked account.",
)
err = Console(stderr=True)

DbOption = Annotated[
    str, typer.Option("--db", help="SQLite path or database URL (postgresql+psycopg://user@host/db).", envvar="STORYLINE_DB")
]
ModelOption = Annotated[
    Optional[str], typer.Option("--model", help="spaCy pipeline to load instead of the default (a package name or a pipeline directory).")
]
_SUFFIXES = " ".join(s for fmt in FORMATS for s in fmt.suffixes)


def _say(label: str, style: str, text: object) -> None:
    """One line on stderr: a styled label, then ``text`` exactly as given. User-provided text
    (paths, dates, messages quoting an input) is never read as console markup (``[/]``,
    ``a[x].txt``) or emoji codes (``:smile:``): a Text is printed as is."""
    err.print(Text.assemble((label, style), " ", str(text)), highlight=False)


def _fail(exc: Exception, code: int = 2) -> typer.Exit:
    _say("error:", "bold red", exc)
    return typer.Exit(code)


# -- outputs and paths: checked before the work, written whole ---------------------------


def _db_file(db: str) -> Path | None:
    """The SQLite file ``--db`` names; None for another backend or a URL open_store will refuse."""
    from storyline.store.connect import parse_url, sqlite_path

    try:
        return sqlite_path(parse_url(db, create=False))
    except StorylineError:
        return None


def _check_output(output: Path, db: str) -> Path:
    """Refuse, before any work, an output that is a directory, in a missing folder, or the database."""
    protect: list[tuple[Path, str]] = []
    if (file := _db_file(db)) is not None:
        protect += [(file, "the database"), (Path(f"{file}-wal"), "the database's log"), (Path(f"{file}-shm"), "the database's index")]
    return check_output(output, protect)


def _check_db_not_an_input(db: str, inputs: list[str]) -> None:
    """Refuse a --db that is one of the input files (SQLite would turn an empty one into a database)."""
    file = _db_file(db)
    if file is not None and file.exists():
        for item in inputs:
            if item != "-" and Path(item).is_file() and os.path.samefile(item, file):
                raise StorylineError("is an input of this run, not a database", input=str(file), fix="give --db another file, such as story.db")


def _check_not_an_input(output: Path, store: storyline.store.Store) -> None:
    """Refuse an output that is one of the files the stored articles were read from."""
    check_output(output, [(p, "an input of the stored story") for p in _stored_inputs(store)])


def _stored_inputs(store: storyline.store.Store) -> set[Path]:
    """The files named by the stored articles' origins that still exist (``m.jsonl:3 -> a.txt``
    names m.jsonl and a.txt; ``feed.xml#entry-2`` names feed.xml; stdin names none)."""
    found: set[Path] = set()
    for article in store.articles():
        for part in article.origin.split(" -> "):
            name = re.sub(r"(?::\d+|#entry-\d+)$", "", part)
            if name and name != "-" and Path(name).is_file():
                found.add(Path(name))
    return found


def _stale_note(stage: str, done: int, total: int) -> None:
    """Progress of export/report: called only when the stored story is out of date."""
    if stage == "reconcile" and done == 0:
        _say(
            "note",
            "cyan",
            "the stored story does not cover every stored article (an analyze was stopped before saving it, "
            "or ran alongside another): reconciling it from all of them first, with the default options",
        )


def _write(output: Path, text: str) -> None:
    try:
        write_output(output, text)
    except StorylineError as exc:
        raise _fail(exc, 1) from None


def _options(config: Optional[Path], **overrides) -> AnalysisOptions:
    return load_options(config).with_(**overrides)


class _Bar:
    """Rich progress on a terminal; silent otherwise (logs, CI, pipes)."""

    def __init__(self, enabled: bool):
        self.progress = (
            Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True)
            if enabled
            else None
        )
        self.tasks: dict[str, int] = {}

    def __enter__(self):
        if self.progress:
            self.progress.__enter__()
        return self

    def __exit__(self, *exc):
        if self.progress:
            self.progress.__exit__(*exc)

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.progress:
            return
        if stage not in self.tasks:
            label = {"read": "Reading articles", "reconcile": "Reconciling the story"}.get(stage, stage)
            self.tasks[stage] = self.progress.add_task(label, total=total or None)
        self.progress.update(self.tasks[stage], completed=done, total=total or None)


def _pipeline_label(model: str | None) -> str | None:
    """The pipeline's package and version for the dossier footer (None when not installed)."""
    from storyline.read.pipeline import describe_pipeline

    return describe_pipeline(model)


def summary_paragraph(summary: api.AnalysisSummary) -> str:
    """The summary in one readable paragraph: articles, entities, claims, facts by status, skips."""
    facts = sum(summary.facts_by_status.values())
    by_status = ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in sorted(summary.facts_by_status.items()) if n)
    parts = [
        f"Read {summary.articles_new} new article(s)"
        + (f" ({summary.articles_unchanged} already stored, unchanged)" if summary.articles_unchanged else "")
        + f"; the story now holds {summary.articles_total} article(s), {summary.entities} people and organisations, "
        f"{summary.claims} claims and {facts} facts" + (f" ({by_status})" if by_status else "") + "."
    ]
    if summary.conflicts or summary.echoes:
        parts.append(f"{summary.conflicts} conflict(s) found; {summary.echoes} claim(s) only re-report another outlet.")
    if summary.undated:
        parts.append(f"{len(summary.undated)} article(s) had no usable publication date, so their relative dates are unresolved: {', '.join(summary.undated)}.")
    if summary.rejected:
        parts.append(f"Skipped {len(summary.rejected)} input(s): " + "; ".join(r.reason for r in summary.rejected))
    else:
        parts.append("No input was skipped.")
    parts.append(f"({summary.seconds:.1f} s)")
    return " ".join(parts)


def _print_summary(summary: api.AnalysisSummary) -> None:
    typer.echo(summary_paragraph(summary))
    for r in summary.rejected:
        _say("skipped", "yellow", r.reason)
    for n in summary.notices:
        _say("note", "cyan", f"{n.input}: {n.message}")


@app.command()
def analyze(
    inputs: Annotated[list[str], typer.Argument(help=f"Files ({_SUFFIXES}), directories, or - for stdin.")],
    db: DbOption = "storyline.db",
    model: ModelOption = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet for every article of this run (overrides the inputs).")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date for every article of this run (ISO 8601).")] = None,
    config: Annotated[Optional[Path], typer.Option(help="TOML file overriding defaults.toml.")] = None,
    max_file_mb: Annotated[Optional[float], typer.Option(help="Refuse inputs larger than this (default 20).")] = None,
    batch_size: Annotated[Optional[int], typer.Option(help="Articles per spaCy batch.")] = None,
    strict: Annotated[bool, typer.Option(help="Exit with status 1 when any input was skipped.")] = False,
    allow_outside_paths: Annotated[
        bool, typer.Option(help="Read a manifest's path entries (and symlinks in a folder) that lead outside its folder.")
    ] = False,
) -> None:
    """Ingest and read articles, store them, and reconcile the story."""
    try:
        options = _options(config, model=model, outlet=outlet, published=published, max_file_mb=max_file_mb, batch_size=batch_size,
                           manifest_paths="any" if allow_outside_paths else None)  # fmt: skip
        _check_db_not_an_input(db, inputs)
        with api.open_store(db) as store, _Bar(err.is_terminal) as bar:
            summary = api.analyze(inputs, store, options, progress=bar)
    except StorylineError as exc:
        raise _fail(exc) from None
    _print_summary(summary)
    if summary.articles_total == 0 or (strict and summary.rejected):
        raise typer.Exit(1)


@app.command()
def export(
    db: DbOption = "storyline.db",
    format: Annotated[str, typer.Option("--format", "-f", help="json (contract storyline/1), jsonl, csv (claims) or timelinejs.")] = "json",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
) -> None:
    """Export the stored story."""
    try:
        if output:
            _check_output(output, db)
        with api.open_store(db, create=False) as store:
            if output:
                _check_not_an_input(output, store)
            data = api.export(store, format, progress=_stale_note)
    except StorylineError as exc:
        raise _fail(exc) from None
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output:
        _write(output, text)
        _say("wrote", "", output)
    else:
        sys.stdout.write(text)


@app.command()
def report(
    db: DbOption = "storyline.db",
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("dossier.html"),
    title: Annotated[Optional[str], typer.Option(help="Title of the dossier.")] = None,
) -> None:
    """Write the self-contained HTML dossier."""
    try:
        _check_output(output, db)
        with api.open_store(db, create=False) as store:
            _check_not_an_input(output, store)
            html = api.render_report(store, title=title, pipeline=_pipeline_label(None), progress=_stale_note)
    except StorylineError as exc:
        raise _fail(exc) from None
    _write(output, html)
    typer.echo(f"Dossier written to {output.resolve()}")


@app.command()
def demo(
    out: Annotated[Path, typer.Option("--out", help="Folder for the demo database and dossier.")] = Path("storyline-demo"),
    model: ModelOption = None,
) -> None:
    """Analyze the bundled demo corpus (a fictional story) and write its dossier."""
    if out.exists() and not out.is_dir():
        raise _fail(StorylineError("is not a folder", input=str(out), fix="give --out a folder (it is created when missing)"))
    out.mkdir(parents=True, exist_ok=True)
    db = out / "demo.db"
    corpus = api.demo_corpus()
    try:
        options = load_options().with_(model=model)
        with api.open_store(db) as store, _Bar(err.is_terminal) as bar:
            summary = api.analyze([corpus], store, options, progress=bar)
            html = api.render_report(store, title="Demo story (fiction)", pipeline=_pipeline_label(model))
            exported = api.export(store, "json")
    except StorylineError as exc:
        raise _fail(exc) from None
    _print_summary(summary)
    _write(out / "dossier.html", html)
    _write(out / "story.json", json.dumps(exported, ensure_ascii=False, indent=2) + "\n")
    typer.echo(f"Dossier written to {(out / 'dossier.html').resolve()}")
    typer.echo(f"JSON export written to {(out / 'story.json').resolve()}; database: {db.resolve()}")


@app.command()
def info(
    db: Annotated[
        Optional[str], typer.Option("--db", help="SQLite path or database URL (default: storyline.db when it exists).", envvar="STORYLINE_DB")
    ] = None,
    model: ModelOption = None,
) -> None:
    """Versions, the spaCy pipeline in use, and the database in use."""
    values = api.info(None, model)
    if db is None and not Path("storyline.db").exists():
        values["database"] = "no database (none given with --db, and no storyline.db here)"
    else:
        try:
            values.update(api.database_info(db or "storyline.db"))
        except StorylineError as exc:
            _print_info(values)
            raise _fail(exc) from None
    _print_info(values)


def _print_info(values: dict[str, str]) -> None:
    for key, value in values.items():
        typer.echo(f"{key:>15}: {value}")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False) -> None:
    """storyline: sourced, cross-checked accounts of a news story."""


if __name__ == "__main__":  # pragma: no cover
    app()
