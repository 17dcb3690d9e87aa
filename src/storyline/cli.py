"""The ``storyline`` command: a thin shell over :mod:`storyline.api`."""

from __future__ import annotations

import dataclasses
import json
import os
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from rich.console import Console
from rich.text import Text

from storyline import __version__, api
from storyline.core.errors import ConfigError, StorylineError
from storyline.core.options import AnalysisOptions, load_options
from storyline.core.outputs import check_output, write_output
from storyline.core.records import Article, Review
from storyline.ingest import Rejection
from storyline.ingest.formats import FORMATS
from storyline.ingest.origins import origin_paths
from storyline.progress_display import progress_display

if TYPE_CHECKING:
    import storyline.store

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="storyline: turn news articles about one story into a sourced, cross-checked account.",
)
# soft_wrap: a message is never folded at the console width, so a path in it can be copied out
# of a log whole; a terminal folds long lines itself.
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    str, typer.Option("--db", help="SQLite path or database URL (postgresql+psycopg://user@host/db).", envvar="STORYLINE_DB")
]
ModelOption = Annotated[
    Optional[str], typer.Option("--model", help="spaCy pipeline to load instead of the default (a package name or a pipeline directory).")
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="Print only errors: no progress and no summary (skipped inputs only when the run fails).")
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print the run summary as JSON on stdout (schema storyline-run/1, see docs/cli.md).")
]
StoryOption = Annotated[
    Optional[str],
    typer.Option("--story", help="The story (its name) in the database; needed when the database holds several (`storyline stories` lists them).",
                 envvar="STORYLINE_STORY"),
]
_SUFFIXES = " ".join(s for fmt in FORMATS for s in fmt.suffixes)
RUN_SCHEMA = "storyline-run/1"


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
    """Refuse an output that is one of the files the stored articles (of any story) were read from."""
    from storyline.store import ALL

    articles = store.articles(ALL)
    check_output(output, [(p, "an input of the stored story") for p in _stored_inputs(articles)])
    if _holds_a_stored_text(output, articles):
        check_output(output, [(output, "an input of the stored story")])


def _stored_inputs(articles: list[Article]) -> set[Path]:
    """The files named by the stored articles' origins that still exist (stdin names none)."""
    return {Path(name) for a in articles for name in origin_paths(a.origin) if name and name != "-" and Path(name).is_file()}


def _holds_a_stored_text(output: Path, articles: list[Article]) -> bool:
    """Whether the existing file ``output`` is the input of a stored article whose origin was
    stored short (a file typed as an absolute path keeps only its name, so no private path is
    stored): same file name, and the file holds the article's text."""
    try:
        if not output.is_file() or output.stat().st_size > 50_000_000:
            return False
        candidates = [a for a in articles if any(Path(name).name == output.name for name in origin_paths(a.origin))]
        if not candidates:
            return False
        text = output.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return False
    return any(a.text.strip() and a.text.strip() in text for a in candidates)


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
        + (f"; the story now holds {summary.articles_total} article(s), " if not summary.stories else
           f"; {_grouped(summary.stories)}; together they hold {summary.articles_total} article(s), ")
        + f"{summary.entities} people, "
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


def _grouped(stories: dict[str, int]) -> str:
    """"2 stories hold them: 'Mara Quinn, Harbour Light' (+3), 'Qeshm Island, Iran' (+9)"."""
    shown = ", ".join(f"{name!r} (+{n})" for name, n in stories.items())
    return f"{len(stories)} stor{'y holds' if len(stories) == 1 else 'ies hold'} them: {shown}"


def _shown_db(db: str) -> str:
    """The database as the user named it, with any password in a URL hidden."""
    if "://" not in db:
        return db
    from storyline.store.connect import mask_url

    return mask_url(db)


def next_steps(db: str, summary: api.AnalysisSummary | None = None) -> str:
    """The line that ends the analyze summary: the command(s) to run next."""
    if summary is not None and summary.articles_total == 0:
        what = "fix or replace the skipped inputs" if summary.rejected else f"give it articles ({_SUFFIXES}, a directory or -)"
        return f"Next: {what}, then run storyline analyze INPUTS --db {shlex.quote(_shown_db(db))} again."
    where = "" if db == "storyline.db" else f" --db {shlex.quote(_shown_db(db))}"
    return f"Next: storyline report{where} -o dossier.html (the HTML dossier), or storyline export{where} -o story.json (the data, JSON)."


_OPEN_HINTS = {
    "json": "the JSON contract storyline/1 (docs/export.md); e.g. jq '.facts | length' {path}",
    "jsonl": "one JSON record a line, the first the header (docs/export.md); e.g. head -n 3 {path}",
    "csv": "one claim a row (docs/export.md); open it in a spreadsheet, or: column -s, -t < {path} | less -S",
    "timelinejs": "a TimelineJS 3 JSON file; load it in a TimelineJS page (docs/export.md)",
}


def open_hint(output: Path, fmt: str = "html") -> str:
    """How to open a file just written: a dossier in a browser, an export with its format's tool."""
    path = shlex.quote(str(output))
    if fmt == "html":
        return f"Open it in any web browser (it works offline): {output.resolve().as_uri()}"
    return "Next: " + _OPEN_HINTS.get(fmt, "open {path}").format(path=path)


def _rejection(r: Rejection) -> dict[str, str]:
    reason, _, fix = r.reason.partition(" Fix: ")
    return {"input": r.input, "reason": reason, "fix": fix, "error": r.error, "message": r.reason}


def run_summary(summary: api.AnalysisSummary, *, db: str, exit_code: int, command: str = "analyze") -> dict[str, Any]:
    """The run summary as data: schema storyline-run/1 (docs/cli.md, docs/run-summary.schema.json)."""
    return {
        "schema": RUN_SCHEMA,
        "command": command,
        "storyline": __version__,
        "status": "ok" if exit_code == 0 else "failed",
        "exit_code": exit_code,
        "db": _shown_db(db),
        "inputs": summary.inputs,
        "articles": {
            "new": summary.articles_new,
            "unchanged": summary.articles_unchanged,
            "failed": summary.articles_failed,
            "rejected": len(summary.rejected),
            "total": summary.articles_total,
            "undated": list(summary.undated),
        },
        "rejected": [_rejection(r) for r in summary.rejected],
        "notices": [{"input": n.input, "message": n.message} for n in summary.notices],
        "stories": [{"name": name, "gained": n} for name, n in summary.stories.items()],
        "story": {
            "name": summary.story,
            "entities": summary.entities,
            "claims": summary.claims,
            "facts": sum(summary.facts_by_status.values()),
            "facts_by_status": dict(sorted(summary.facts_by_status.items())),
            "conflicts": summary.conflicts,
            "echoes": summary.echoes,
            "reconciled": summary.reconciled,
        },
        "timings": {**{k: round(v, 3) for k, v in summary.timings.items()}, "total": round(summary.seconds, 3)},
    }


def _report_run(summary: api.AnalysisSummary, *, db: str, exit_code: int, quiet: bool, as_json: bool) -> None:
    """Print what analyze did: JSON, or the paragraph, the skips and notes and the next command."""
    if as_json:
        typer.echo(json.dumps(run_summary(summary, db=db, exit_code=exit_code), ensure_ascii=False, indent=2))
    if quiet:
        if exit_code:
            _print_skips(summary, notes=False)
        return
    if as_json:
        _print_skips(summary)
        return
    _print_summary(summary)
    typer.echo(next_steps(db, summary))


def _print_summary(summary: api.AnalysisSummary) -> None:
    typer.echo(summary_paragraph(summary))
    _print_skips(summary)


def _print_skips(summary: api.AnalysisSummary, *, notes: bool = True) -> None:
    """The skipped inputs and the notes on stderr, one a line."""
    for r in summary.rejected:
        _say("skipped", "yellow", r.reason)
    for n in summary.notices if notes else ():
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
    workers: Annotated[Optional[int], typer.Option(help="Reading processes: 0 (default) one per core for large inputs, 1 for this process only; with --engine ray, actors (0: one per CPU of the cluster).")] = None,
    engine: Annotated[Optional[str], typer.Option(help="Where articles are read: local (default) or ray.")] = None,
    address: Annotated[Optional[str], typer.Option(help="Ray cluster for --engine ray: auto or HOST:PORT (default: RAY_ADDRESS, else a Ray started for this run).")] = None,
    strict: Annotated[bool, typer.Option(help="Exit with status 1 when any input was skipped.")] = False,
    quiet: QuietOption = False,
    json_out: JsonOption = False,
    allow_outside_paths: Annotated[
        bool, typer.Option(help="Read a manifest's path entries (and symlinks in a folder) that lead outside its folder.")
    ] = False,
    story: Annotated[
        Optional[str],
        typer.Option("--story", help="Put the articles in this story (created when missing) and reconcile it alone; "
                     "default: the database's one story (main in a new database).", envvar="STORYLINE_STORY"),
    ] = None,
    stories: Annotated[
        str,
        typer.Option("--stories", help="one: every article goes into one story (--story, else the database's one story); "
                     "auto: the inputs are a mixed pile, each article joins the most similar story of the database or "
                     "starts a new one, and each story that gained one is reconciled ([grouping] options, docs/stories.md)."),
    ] = "one",
) -> None:
    """Ingest and read articles, store them in a story (or, with --stories auto, each in its own), and reconcile."""
    try:
        options = _options(config, model=model, outlet=outlet, published=published, max_file_mb=max_file_mb, batch_size=batch_size,
                           workers=workers, engine=engine, ray_address=address, manifest_paths="any" if allow_outside_paths else None)  # fmt: skip
        if stories not in ("one", "auto"):
            raise ConfigError(f"--stories {stories!r} is not a way of grouping", input="--stories", fix="use --stories one or --stories auto")
        _check_db_not_an_input(db, inputs)
        with api.open_store(db) as store, progress_display(err, quiet=quiet) as bar:
            summary = api.analyze(inputs, store, options, progress=bar, story=story, group=stories == "auto")
    except StorylineError as exc:
        if json_out:
            _json_error(exc, db)
        raise _fail(exc) from None
    code = 1 if summary.articles_total == 0 or (strict and summary.rejected) else 0
    _report_run(summary, db=db, exit_code=code, quiet=quiet, as_json=json_out)
    if code:
        raise typer.Exit(code)


def _json_error(exc: Exception, db: str, code: int = 2) -> None:
    """The run summary of a run that stopped on an error (--json): status "error" and the message."""
    typer.echo(json.dumps({"schema": RUN_SCHEMA, "command": "analyze", "storyline": __version__, "status": "error",
                           "exit_code": code, "db": _shown_db(db), "error": str(exc)}, ensure_ascii=False, indent=2))  # fmt: skip


@app.command()
def export(
    db: DbOption = "storyline.db",
    format: Annotated[str, typer.Option("--format", "-f", help="json (contract storyline/1), jsonl, csv (claims) or timelinejs.")] = "json",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Write here instead of stdout.")] = None,
    story: StoryOption = None,
) -> None:
    """Export a stored story."""
    try:
        if output:
            _check_output(output, db)
        with api.open_store(db, create=False) as store:
            if output:
                _check_not_an_input(output, store)
            data = api.export(store, format, story=story, progress=_stale_note)
    except StorylineError as exc:
        raise _fail(exc) from None
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if output:
        _write(output, text)
        _say_written(output, format)
    else:
        sys.stdout.write(text)


def _say_written(output: Path, fmt: str = "html") -> None:
    """After export -o or report: where the file is (stdout for the dossier) and how to open it."""
    if fmt == "html":
        typer.echo(f"Dossier written to {output.resolve()}")
        typer.echo(open_hint(output))
    else:
        err.print(f"wrote {output}", highlight=False, markup=False)
        err.print(open_hint(output, fmt), highlight=False, markup=False)


@app.command()
def report(
    db: DbOption = "storyline.db",
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML file to write.")] = Path("dossier.html"),
    title: Annotated[Optional[str], typer.Option(help="Title of the dossier.")] = None,
    story: StoryOption = None,
) -> None:
    """Write the self-contained HTML dossier of a story."""
    try:
        _check_output(output, db)
        with api.open_store(db, create=False) as store:
            _check_not_an_input(output, store)
            html = api.render_report(store, story=story, title=title, pipeline=_pipeline_label(None), progress=_stale_note)
    except StorylineError as exc:
        raise _fail(exc) from None
    _write(output, html)
    _say_written(output)


STORIES_SCHEMA = "storyline-stories/1"


@app.command()
def stories(
    db: DbOption = "storyline.db",
    create: Annotated[Optional[str], typer.Option("--create", help="Create an empty story with this name.")] = None,
    rename: Annotated[Optional[str], typer.Option("--rename", help="Rename this story (give the new name with --to).")] = None,
    to: Annotated[Optional[str], typer.Option("--to", help="The new name, with --rename.")] = None,
    archive: Annotated[Optional[str], typer.Option("--archive", help="Archive this story: kept and readable, closed to new articles.")] = None,
    unarchive: Annotated[Optional[str], typer.Option("--unarchive", help="Open an archived story again.")] = None,
    json_out: Annotated[bool, typer.Option("--json", help=f"Print the list as JSON (schema {STORIES_SCHEMA}, see docs/cli.md).")] = False,
) -> None:
    """List the stories of a database (articles, facts, conflicts, reviews), or create, rename, archive one."""
    if (rename is None) != (to is None):
        raise _fail(StorylineError("--rename and --to go together", input="--rename", fix="give both: --rename OLD --to NEW"))
    try:
        with api.open_store(db, create=create is not None) as store:
            changed = api.manage_story(store, create=create, rename=(rename, to) if rename else None,
                                       archive=archive, unarchive=unarchive)
            listed = api.stories(store)
    except StorylineError as exc:
        raise _fail(exc) from None
    for line in changed:
        _say("done", "green", line)
    if json_out:
        typer.echo(json.dumps({"schema": STORIES_SCHEMA, "db": _shown_db(db), "stories": [dataclasses.asdict(x) for x in listed]},
                              ensure_ascii=False, indent=2))
        return
    if not listed:
        typer.echo(f"No story yet. Next: storyline analyze INPUTS --db {shlex.quote(_shown_db(db))} --story NAME")
        return
    typer.echo(f"{'story':<30} {'articles':>8} {'facts':>6} {'conflicts':>9} {'reviews':>7}  created")
    for x in listed:
        name = x.name + (" (archived)" if x.archived else "")
        typer.echo(f"{name:<30} {x.articles:>8} {x.facts:>6} {x.conflicts:>9} {x.reviews:>7}  {_minute(x.created)}")


@app.command()
def review(
    fact: Annotated[Optional[str], typer.Argument(help="The fact's id (facts[].id in the JSON export).")] = None,
    db: DbOption = "storyline.db",
    story: StoryOption = None,
    verdict: Annotated[Optional[str], typer.Option("--verdict", help="verified, false or needs_work.")] = None,
    note: Annotated[str, typer.Option("--note", help="What was checked, or what is left to check.")] = "",
    reviewer: Annotated[Optional[str], typer.Option("--reviewer", help="Who decides (a name or an account).", envvar="STORYLINE_REVIEWER")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the story's reviews (attached to its facts) as JSON.")] = False,
) -> None:
    """Mark a fact verified, false or needs_work (with a note), or list a story's reviews."""
    from storyline.core.records import VERDICTS

    try:
        with api.open_store(db, create=False) as store:
            if fact is not None:
                if verdict is None or reviewer is None:
                    raise StorylineError("a review needs --verdict and --reviewer", input=fact,
                                         fix=f"add --verdict ({', '.join(VERDICTS)}) and --reviewer NAME")
                decision = api.review(store, story, fact, verdict, note, reviewer)
                _say("done", "green", f"{decision.verdict} by {decision.reviewer} on fact {fact}: {decision.statement}")
            attached = api.attach_reviews(store, story)
    except StorylineError as exc:
        raise _fail(exc) from None
    if json_out:
        rows = [{"fact": fr.fact, "moved": fr.moved, "history": [dataclasses.asdict(r) for r in fr.history]}
                for fr in attached.by_fact.values()]
        typer.echo(json.dumps({"facts": rows, "orphaned": [dataclasses.asdict(r) for r in attached.orphaned]},
                              ensure_ascii=False, indent=2))
        return
    for fr in attached.by_fact.values():
        r = fr.latest
        typer.echo(f"{fr.fact}  {_review_line(r)}" + (f"  ({r.note})" if r.note else ""))
    for r in attached.orphaned:
        typer.echo(f"(orphaned) {_review_line(r)}")


def _review_line(r: Review) -> str:
    return f"{r.verdict:<10} {r.reviewer} {_minute(r.at)}  {r.statement}"


def _minute(stamp: str) -> str:
    """An ISO timestamp to the minute, for a person: "2026-12-06 20:36"."""
    return stamp[:16].replace("T", " ")


@app.command()
def demo(
    out: Annotated[Optional[Path], typer.Option("--out", help="Folder for the demo database and dossier (default: storyline-demo, or storyline-demo-real for --story real).")] = None,
    story: Annotated[str, typer.Option("--story", help="Which bundled story: fiction (a celebrity separation written for the project) or real (eleven real news articles on one earthquake, from ECB+).")] = "fiction",
    model: ModelOption = None,
    quiet: QuietOption = False,
) -> None:
    """Analyze a bundled demo story and write its dossier."""
    try:
        chosen = api.demo_story(story)
    except StorylineError as exc:
        raise _fail(exc) from None
    # One folder per story: two stories in one database would read as one story.
    out = out or Path(chosen.out)
    if out.exists() and not out.is_dir():
        raise _fail(StorylineError("is not a folder", input=str(out), fix="give --out a folder (it is created when missing)"))
    out.mkdir(parents=True, exist_ok=True)
    db = out / "demo.db"
    corpus = api.demo_corpus(story)
    try:
        options = load_options().with_(model=model, packs=chosen.packs)
        with api.open_store(db) as store, progress_display(err, quiet=quiet) as bar:
            summary = api.analyze([corpus], store, options, progress=bar)
            html = api.render_report(store, title=chosen.title, pipeline=_pipeline_label(model))
            exported = api.export(store, "json")
    except StorylineError as exc:
        raise _fail(exc) from None
    _write(out / "dossier.html", html)
    _write(out / "story.json", json.dumps(exported, ensure_ascii=False, indent=2) + "\n")
    if not quiet:
        _print_demo_summary(summary, out, db)


def _print_demo_summary(summary: api.AnalysisSummary, out: Path, db: Path) -> None:
    _print_summary(summary)
    typer.echo(f"JSON export written to {(out / 'story.json').resolve()}; database: {db.resolve()}")
    typer.echo(f"Dossier written to {(out / 'dossier.html').resolve()}")
    typer.echo(open_hint(out / "dossier.html"))


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


KEEP_ALIVE = 30
SERVE_MISSING = "the web workspace needs the serve extra: pip install 'storyline[serve]'"


def _loopback(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to any address


@app.command()
def serve(
    db: DbOption = "storyline.db",
    host: Annotated[str, typer.Option(help="Address to listen on; anything but loopback needs an admin account (storyline account add).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    model: ModelOption = None,
    config: Annotated[Optional[Path], typer.Option(help="TOML file overriding defaults.toml (for the analysis of added articles).")] = None,
    workers: Annotated[int, typer.Option(help="Analysis jobs run at once (each loads its own spaCy pipeline).", min=1, max=8)] = 1,
) -> None:
    """Run the web workspace and HTTP API over the database (docs/serve.md)."""
    try:
        import uvicorn

        from storyline.serve import create_app
    except ImportError:
        raise _fail(StorylineError(SERVE_MISSING)) from None
    try:
        options = _options(config, model=model)
        with api.open_store(db) as store:
            admin = store.desk.has_admin()
    except StorylineError as exc:
        raise _fail(exc) from None
    if not _loopback(host) and not admin:
        raise _fail(StorylineError(
            f"refusing to listen on {host}, reachable from other machines, while the database has no admin account",
            input="--host", fix=f"make one first: storyline account add NAME --role admin --db {shlex.quote(_shown_db(db))}, or listen on 127.0.0.1"))
    _say("note", "cyan", f"storyline serve on http://{host}:{port}/ (database {_shown_db(db)})")
    # Idle connections are kept longer than clients keep them (httpx: 5 s), so a client never
    # reuses one the server is closing at that moment.
    uvicorn.run(create_app(db, options=options, workers=workers), host=host, port=port, log_level="info",
                timeout_keep_alive=KEEP_ALIVE)


@app.command()
def account(
    action: Annotated[str, typer.Argument(help="add, password, role, disable, enable or list.")],
    name: Annotated[Optional[str], typer.Argument(help="The account's name.")] = None,
    role: Annotated[Optional[str], typer.Option(help="reader, editor or admin (add: default reader).")] = None,
    db: DbOption = "storyline.db",
) -> None:
    """Manage the web workspace's accounts; add and password ask for the password (or read
    STORYLINE_PASSWORD); a new password signs the account out everywhere."""
    try:
        from storyline.serve.auth import Auth
    except ImportError:
        raise _fail(StorylineError(SERVE_MISSING)) from None
    from storyline.store.desk import ROLES

    try:
        with api.open_store(db) as store:
            if action == "list":
                for a in store.desk.accounts():
                    typer.echo(f"{a.name}\t{a.role}{chr(9) + 'disabled' if a.disabled else ''}")
                return
            if not name:
                raise StorylineError(f"account {action} needs a NAME", fix=f"storyline account {action} NAME")
            if action == "add":
                password = os.environ.get("STORYLINE_PASSWORD") or typer.prompt("Password", hide_input=True, confirmation_prompt=True)
                Auth(store.desk).add_account(name, password, role or "reader")
            elif store.desk.account(name) is None:
                raise StorylineError(f"no account named {name!r}", fix="storyline account list shows them")
            elif action == "password":
                password = os.environ.get("STORYLINE_PASSWORD") or typer.prompt("New password", hide_input=True, confirmation_prompt=True)
                Auth(store.desk).set_password(name, password)
            elif action == "role":
                if role not in ROLES:
                    raise StorylineError(f"unknown role {role!r}", input="--role", fix=f"use one of: {', '.join(ROLES)}")
                store.desk.update_account(name, role=role)
            elif action in ("disable", "enable"):
                store.desk.update_account(name, disabled=action == "disable")
            else:
                raise StorylineError(f"unknown account action {action!r}", fix="use add, password, role --role ROLE, disable, enable or list")
    except ValueError as exc:
        raise _fail(StorylineError(str(exc), input=name or "")) from None
    except StorylineError as exc:
        raise _fail(exc) from None
    typer.echo(f"account {name}: {action} done")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"storyline {__version__}")
        raise typer.Exit()


@app.callback()
def main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = False) -> None:
    """storyline: sourced, cross-checked accounts of a news story."""


if __name__ == "__main__":  # pragma: no cover
    app()
