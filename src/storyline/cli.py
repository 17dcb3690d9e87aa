"""The ``storyline`` command: a thin shell over :mod:`storyline.api`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from storyline import __version__, api
from storyline.core.errors import StorylineError
from storyline.core.options import AnalysisOptions, load_options

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="storyline: turn news articles about one story into a sourced, cross-checked account.",
)
err = Console(stderr=True)

DbOption = Annotated[
    str, typer.Option("--db", help="SQLite path or database URL (postgresql+psycopg://user@host/db).", envvar="STORYLINE_DB")
]
ModelOption = Annotated[Optional[str], typer.Option("--model", help="spaCy pipeline to load instead of the default.")]


def _fail(exc: Exception, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/] {exc}", highlight=False)
    return typer.Exit(code)


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


def _print_summary(summary: api.AnalysisSummary) -> None:
    typer.echo(summary.paragraph())
    for r in summary.rejected:
        err.print(f"[yellow]skipped[/] {r.reason}", highlight=False)
    for n in summary.notices:
        err.print(f"[cyan]note[/] {n.input}: {n.message}", highlight=False)


@app.command()
def analyze(
    inputs: Annotated[list[str], typer.Argument(help="Files (.txt .html .jsonl .xml/.rss/.atom), directories, or - for stdin.")],
    db: DbOption = "storyline.db",
    model: ModelOption = None,
    outlet: Annotated[Optional[str], typer.Option(help="Outlet for every article of this run (overrides the inputs).")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date for every article of this run (ISO 8601).")] = None,
    config: Annotated[Optional[Path], typer.Option(help="TOML file overriding defaults.toml.")] = None,
    max_file_mb: Annotated[Optional[float], typer.Option(help="Refuse inputs larger than this (default 20).")] = None,
    batch_size: Annotated[Optional[int], typer.Option(help="Articles per spaCy batch.")] = None,
    strict: Annotated[bool, typer.Option(help="Exit with status 1 when any input was skipped.")] = False,
) -> None:
    """Ingest and read articles, store them, and reconcile the story."""
    try:
        options = _options(config, model=model, outlet=outlet, published=published, max_file_mb=max_file_mb, batch_size=batch_size)
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
        with api.open_store(db) as store:
            data = api.export(store, format)
    except StorylineError as exc:
        raise _fail(exc) from None
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output:
        output.write_text(text, "utf-8")
        err.print(f"wrote {output}", highlight=False)
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
        with api.open_store(db) as store:
            html = api.render_report(store, title=title, pipeline=_pipeline_label(None))
    except StorylineError as exc:
        raise _fail(exc) from None
    output.write_text(html, "utf-8")
    typer.echo(f"Dossier written to {output.resolve()}")


@app.command()
def demo(
    out: Annotated[Path, typer.Option("--out", help="Folder for the demo database and dossier.")] = Path("storyline-demo"),
    model: ModelOption = None,
) -> None:
    """Analyze the bundled demo corpus (a fictional story) and write its dossier."""
    out.mkdir(parents=True, exist_ok=True)
    db = out / "demo.db"
    corpus = api.demo_corpus()
    try:
        # The demo is a celebrity story: read it with that domain pack (storyline/data/packs).
        options = load_options().with_(model=model, packs=api.DEMO_PACKS)
        with api.open_store(db) as store, _Bar(err.is_terminal) as bar:
            summary = api.analyze([corpus], store, options, progress=bar)
            html = api.render_report(store, title="Demo story (fiction)", pipeline=_pipeline_label(model))
            exported = api.export(store, "json")
    except StorylineError as exc:
        raise _fail(exc) from None
    _print_summary(summary)
    (out / "dossier.html").write_text(html, "utf-8")
    (out / "story.json").write_text(json.dumps(exported, ensure_ascii=False, indent=2) + "\n", "utf-8")
    typer.echo(f"Dossier written to {(out / 'dossier.html').resolve()}")
    typer.echo(f"JSON export written to {(out / 'story.json').resolve()}; database: {db.resolve()}")


@app.command()
def info(db: DbOption = "storyline.db", model: ModelOption = None) -> None:
    """Versions, the spaCy pipeline in use, and the database in use."""
    for key, value in api.info(db, model).items():
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
