"""The one loader of the bundled lexicons (``storyline/data/*.json``): strict, cached.

A lexicon that is missing, is not valid JSON or lacks a key its reader needs raises
:class:`~storyline.core.errors.DataError` naming the file, the problem and a fix. Nothing is
silently replaced by an empty list: a broken lexicon would otherwise only show as worse readings.

Each reader states the shape it relies on as ``{top-level key: JSON type}``; keys not named are
allowed (``comment``, additions a newer reader uses).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from storyline.core.errors import DataError

__all__ = ["load_data"]

_JSON_TYPES = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number", bool: "true or false"}


def _data_dir() -> Traversable:
    return resources.files("storyline").joinpath("data")


@lru_cache(maxsize=None)
def _parsed(name: str) -> Any:
    where = f"storyline/data/{name}"
    path = _data_dir().joinpath(name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError("the data file is missing", input=where,
                        fix="reinstall storyline, or restore the file from the repository") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"the data file cannot be read ({exc})", input=where,
                        fix="check that it is a readable UTF-8 file, or restore it from the repository") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}", input=where,
                        fix="correct the JSON there (a trailing comma or a missing quote is the usual cause)") from None


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return next((name for tp, name in _JSON_TYPES.items() if type(value) is tp), type(value).__name__)


def load_data(name: str, shape: Mapping[str, type]) -> Any:
    """The parsed JSON of ``storyline/data/<name>``, which must be an object holding every key of
    ``shape`` with a value of that type (``dict``, ``list``, ``str``, ...).

    Parsed once per process and shared between callers: treat the result as read-only.
    """
    data = _parsed(name)
    where = f"storyline/data/{name}"
    fix = "restore the layout the file's 'comment' describes (or the file from the repository)"
    if not isinstance(data, dict):
        raise DataError(f"the top level must be an object, found {_kind(data)}", input=where, fix=fix)
    for key, tp in shape.items():
        if key not in data:
            raise DataError(f"the key '{key}' is missing", input=where, fix=fix)
        if not isinstance(data[key], tp) or (tp is int and isinstance(data[key], bool)):
            raise DataError(f"'{key}' must be {_JSON_TYPES.get(tp, tp.__name__)}, found {_kind(data[key])}",
                            input=where, fix=fix)
    return data
