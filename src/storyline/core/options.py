"""Options in one object. Defaults live in ``defaults.toml`` beside this module (commented).

Each option's type is its annotation and its range sits next to it (``_opt(default, min=...)``);
every value is checked when an options object is made, whether from a ``--config`` file, a
command-line flag (through :meth:`AnalysisOptions.with_`) or code, so a bad value is a
:class:`ConfigError` naming the key, what it expects and what it got, never a traceback later.
"""

from __future__ import annotations

import difflib
import math
import reprlib
import tomllib
import typing
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from storyline.core.dates import DEFAULT_TIMEX_CONVENTION, TIMEX_CONVENTIONS
from storyline.core.errors import ConfigError

#: Which attributions the reader takes where annotated corpora differ (the option
#: ``attribution_convention``; the differences are listed in :mod:`storyline.read.attribution`):
#: "parc" follows PARC 3.0 and the project's golds (a reported clause or quote is the content);
#: "meantime" also reads a reporting verb's event-noun object as its content ('announced 10,000
#: job cuts'), as MEANTIME's SLINKs link it.
ATTRIBUTION_CONVENTIONS = ("parc", "meantime")
DEFAULT_ATTRIBUTION_CONVENTION = "parc"

__all__ = ["AnalysisOptions", "GroupingOptions", "ReconcileOptions", "load_options", "options_from"]


def _opt(default: Any, **limits: Any) -> Any:
    """A field with its allowed range: ``min``/``max`` (inclusive), ``above`` (exclusive), or
    its allowed values: ``choices`` (a tuple)."""
    return field(default=default, metadata=limits)


@dataclass(frozen=True)
class ReconcileOptions:
    """Knobs of the cross-article stage (see ``defaults.toml`` [reconcile])."""

    similarity_threshold: float = _opt(0.30, min=0.0, max=1.0)
    echo_similarity: float = _opt(0.80, min=0.0, max=1.0)
    embeddings: str = "none"

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True)
class GroupingOptions:
    """How a pile of articles is split into stories (see ``defaults.toml`` [grouping], ``storyline.group``)."""

    threshold: float = _opt(0.21, min=0.0, max=1.0)
    window_days: float = _opt(90.0, above=0.0, max=36_500.0)
    name_weight: float = _opt(2.0, min=0.0, max=100.0)
    # A story whose articles' nearest-neighbour graph cuts in two below this conductance is two
    # stories (storyline.group.split); 0 never splits.
    split_conductance: float = _opt(0.2, min=0.0, max=1.0)

    def __post_init__(self) -> None:
        _check(self)


@dataclass(frozen=True)
class AnalysisOptions:
    """Everything ``storyline.api.analyze`` needs besides its inputs and store."""

    model: str = ""
    batch_size: int = _opt(32, min=1, max=10_000)
    # Reading processes: 0 (auto) uses every core when the input is large enough to pay for
    # starting them (storyline.read.parallel); 1 reads in this process.
    workers: int = _opt(0, min=0, max=1_024)
    # Where articles are read: "local" (this machine's cores) or "ray" (actors on a Ray cluster,
    # storyline.read.ray_reader); ray_address names the cluster ("" starts one on this machine).
    engine: str = _opt("local", choices=("local", "ray"))
    ray_address: str = ""
    max_file_mb: float = _opt(20.0, above=0.0, max=1_000_000.0)
    max_article_chars: int = _opt(5_000_000, min=1)
    # Where a manifest's ``path`` entries (and symlinks inside a folder input) may point:
    # "confined" to the manifest's (the folder's) own folder, symlinks resolved, or "any".
    manifest_paths: str = _opt("confined", choices=("confined", "any"))
    # Ingest overrides: applied to every article of this run when set.
    outlet: str | None = None
    published: str | None = None
    # Domain packs (storyline/data/packs/<name>.json) the read stage types predicates with.
    packs: tuple[str, ...] = ()
    # Where MEANTIME's and TimeML's timex annotations differ, which one the tagger follows.
    timex_convention: str = _opt(DEFAULT_TIMEX_CONVENTION, choices=TIMEX_CONVENTIONS)
    # Where PARC's and MEANTIME's attribution annotations differ, which one the reader follows.
    attribution_convention: str = _opt(DEFAULT_ATTRIBUTION_CONVENTION, choices=ATTRIBUTION_CONVENTIONS)
    reconcile: ReconcileOptions = field(default_factory=ReconcileOptions)
    grouping: GroupingOptions = field(default_factory=GroupingOptions)

    def __post_init__(self) -> None:
        _check(self)
        from storyline.core.packs import available_packs, check_pack_names

        unknown = check_pack_names(self.packs)
        if unknown is not None:
            raise ConfigError(
                f"packs names an unknown domain pack {_SHOW.repr(unknown)}",
                fix=_suggest(unknown, list(available_packs()), "'{}'") + f"the bundled packs are: {', '.join(available_packs())}",
            )

    def with_(self, **changes: Any) -> AnalysisOptions:
        """A copy with ``changes`` applied, ignoring ``None`` values (unset CLI flags)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


_SECTIONS: dict[str, type] = {"analysis": AnalysisOptions, "reconcile": ReconcileOptions, "grouping": GroupingOptions}
_NAMES = {str: "a string", int: "an integer", float: "a number"}
_SHOW = reprlib.Repr()  # a value in a message is cut short: a config line can be long
_SHOW.maxstring = _SHOW.maxother = 80


def _check(options: Any) -> None:
    """Raise ConfigError for the first field of ``options`` of the wrong type or out of range;
    an int given for a float field becomes that float."""
    hints = typing.get_type_hints(type(options))
    for f in fields(options):
        value, expected = getattr(options, f.name), hints[f.name]
        allowed = typing.get_args(expected) or (expected,)  # `str | None` -> (str, NoneType)
        if value is None and type(None) in allowed:
            continue
        kind = next(t for t in allowed if t is not type(None))
        if typing.get_origin(expected) is tuple:  # `tuple[str, ...]`: a TOML list of strings
            _check_strings(options, f.name, value)
            continue
        if kind is float and type(value) is int:
            value = float(value)
            object.__setattr__(options, f.name, value)
        if type(value) is not kind:  # exact: a bool is not an int here, nor an int a str
            what = _NAMES.get(kind, kind.__name__)
            raise ConfigError(
                f"{f.name} must be {what}, got {_SHOW.repr(value)} ({_NAMES.get(type(value), type(value).__name__)})",
                fix=f"set {f.name} to {what}" + (f" {_allowed(f.metadata)}" if f.metadata else ""),
            )
        if "choices" in f.metadata:
            _check_choice(f.name, value, f.metadata["choices"])
        elif f.metadata:
            _check_range(f.name, value, f.metadata)


def _check_choice(name: str, value: Any, choices: tuple[Any, ...]) -> None:
    if value not in choices:
        shown = " or ".join(repr(c) for c in choices)
        hint = _suggest(str(value), [str(c) for c in choices], "'{}'")
        raise ConfigError(f"{name} must be {shown}, got {_SHOW.repr(value)}", fix=f"{hint}set {name} to {shown}")


def _check_strings(options: Any, name: str, value: Any) -> None:
    """A list or tuple of strings, stored as a tuple."""
    if not isinstance(value, (list, tuple)) or not all(type(v) is str for v in value):
        raise ConfigError(
            f"{name} must be a list of strings, got {_SHOW.repr(value)}",
            fix=f'set {name} to a list of names, e.g. {name} = ["celebrity"], or [] for none',
        )
    object.__setattr__(options, name, tuple(value))


def _check_range(name: str, value: float, limits: dict[str, float]) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        problem = "must be a finite number"
    elif "min" in limits and value < limits["min"]:
        problem = f"must be at least {_num(limits['min'])}"
    elif "above" in limits and value <= limits["above"]:
        problem = f"must be greater than {_num(limits['above'])}"
    elif "max" in limits and value > limits["max"]:
        problem = f"must be at most {_num(limits['max'])}"
    else:
        return
    raise ConfigError(f"{name} {problem}, got {_SHOW.repr(value)}", fix=f"set {name} to a value {_range(limits)}")


def _allowed(limits: dict[str, Any]) -> str:
    if "choices" in limits:
        return "(" + " or ".join(repr(c) for c in limits["choices"]) + ")"
    return _range(limits)


def _range(limits: dict[str, float]) -> str:
    low = f">= {_num(limits['min'])}" if "min" in limits else f"> {_num(limits['above'])}" if "above" in limits else ""
    high = f"<= {_num(limits['max'])}" if "max" in limits else ""
    return " and ".join(p for p in (low, high) if p)


def _num(x: float) -> str:
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


def _suggest(word: str, choices: list[str], fmt: str = "{}") -> str:
    close = difflib.get_close_matches(word, choices, n=1)
    return f"did you mean {fmt.format(close[0])}? " if close else ""


def options_from(data: dict[str, Any], where: str | None = None) -> AnalysisOptions:
    """Options from parsed TOML (``{"analysis": {...}, "reconcile": {...}}``); any other shape,
    key, type or value is a ConfigError naming it (``where`` is the file, for the message)."""
    for name, body in data.items():
        if name in _SECTIONS and not isinstance(body, dict):
            raise ConfigError(
                f"section '{name}' must be a table of options, got {name} = {_SHOW.repr(body)}",
                input=where,
                fix=f"write the section header line for {name} (the name in square brackets), then one key = value line per option",
            )
        if name not in _SECTIONS:
            owner = next((s for s, cls in _SECTIONS.items() if name in _keys(cls)), None)
            if not isinstance(body, dict):
                raise ConfigError(
                    f"{name} = {_SHOW.repr(body)} is outside a section",
                    input=where,
                    fix=f"put it in the {owner} section" if owner else f"remove it; the sections are {_listed()}",
                )
            raise ConfigError(
                f"unknown section '{name}'",
                input=where,
                fix=_suggest(name, list(_SECTIONS), "'{}'") + f"the sections are {_listed()}",
            )
        unknown = sorted(set(body) - set(_keys(_SECTIONS[name])))
        if unknown:
            known = sorted(_keys(_SECTIONS[name]))
            raise ConfigError(
                f"unknown option(s) {', '.join(unknown)} in section '{name}'",
                input=where,
                fix=f"{_suggest(unknown[0], known)}use one of: {', '.join(known)}",
            )
    reconcile = _build("reconcile", where, **data.get("reconcile", {}))
    grouping = _build("grouping", where, **data.get("grouping", {}))
    return _build("analysis", where, **data.get("analysis", {}), reconcile=reconcile, grouping=grouping)


def _keys(cls: type) -> list[str]:
    """The option names of a section (a nested section is not an option)."""
    return [f.name for f in fields(cls) if f.name not in _SECTIONS]


def _listed() -> str:
    names = [f"'{s}'" for s in _SECTIONS]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _build(section: str, where: str | None, **values: Any) -> Any:
    try:
        return _SECTIONS[section](**values)
    except ConfigError as exc:
        raise ConfigError(f"{section}.{exc.message}", input=where, fix=exc.fix) from None


def load_options(path: str | Path | None = None) -> AnalysisOptions:
    """The packaged defaults, overridden by the TOML file at ``path`` when given."""
    text = resources.files("storyline").joinpath("defaults.toml").read_text("utf-8")
    data = tomllib.loads(text)
    if path is None:
        return options_from(data, "defaults.toml")
    try:
        user = tomllib.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", input=str(path), fix="check the path and TOML syntax") from exc
    for name, body in user.items():
        base = data.get(name)
        data[name] = {**base, **body} if isinstance(base, dict) and isinstance(body, dict) else body
    return options_from(data, str(path))
