"""Record <-> row conversion, generic over the dataclasses in ``storyline.core.records.TABLES``.

A row is a plain ``dict`` keyed by column name (see :func:`storyline.store.tables.layout`):
nested records are flattened to ``<field>_<subfield>``, tuples become JSON lists and come back
as tuples (a tuple of records as a list of objects), dates become ISO 8601 text
(:func:`storyline.core.dates.iso`) and come back as dates (datetimes when a time was stored).
``seq`` (the record's position in its tuple) is added on the way in and dropped on the way out.

No row holds a NUL (PostgreSQL text cannot) or a lone surrogate (UTF-8 cannot encode one): ingest
removes both (:mod:`storyline.ingest.sanitize`), and :func:`to_row` replaces any that a caller
building records by hand lets through with U+FFFD, one character for one, so offsets still hold.
"""

from __future__ import annotations

import dataclasses
import json
import re
import typing
from collections.abc import Callable, Mapping
from datetime import date
from functools import lru_cache
from operator import attrgetter
from typing import Any

from storyline.core.dates import iso, parse_iso
from storyline.core.records import TABLES
from storyline.store.tables import RecordColumn, layout

__all__ = ["from_row", "json_columns", "json_text", "to_row", "values_maker"]


def to_row(table: str, record: Any, seq: int | None = None) -> dict[str, Any]:
    """The row storing ``record`` in ``table`` (at position ``seq`` in its tuple, if given).

    Text and JSON values holding a NUL or a lone surrogate (rare) have them replaced by U+FFFD."""
    keys, values = _row_maker(table, seq is not None)
    return dict(zip(keys, values(record, seq)))


@lru_cache(maxsize=None)
def _row_maker(table: str, seq: bool) -> tuple[tuple[str, ...], Callable[[Any, Any], tuple[Any, ...]]]:
    keys = (("seq",) if seq else ()) + tuple(c.name for c in layout(table))
    return keys, values_maker(table, {}, seq=seq)


Finish = Callable[[Any], Any] | None


def values_maker(table: str, finish: Mapping[str, Finish], *, seq: bool) -> Callable[[Any, int], tuple[Any, ...]]:
    """A function of (record, position) giving the values of ``to_row(table, record, position if
    seq else None)`` in its order (``seq`` first, when ``seq``), each passed through
    ``finish[column]`` when that is set: a driver's bind processor, which must write a JSON
    column's value as JSON text.

    Made for storing many rows (:func:`storyline.store.bulk.insert_records`): the columns are
    fetched in one call, and a JSON value that is written as text is not walked for a NUL or
    surrogate first: JSON text shows either as an escape (``\\u0000``, ``\\udXXX``) or as a
    character outside ASCII, and only a text showing one (rare) is made again from the cleaned
    value."""
    cols = layout(table)
    fetch = attrgetter(*(".".join(c.path) for c in cols))
    # Text columns a driver takes as they are are checked inline: a step called per value would
    # cost more than the check.
    texts = tuple(i for i, c in enumerate(cols) if c.kind == "scalar" and c.py is str and finish.get(c.name) is None)
    steps = tuple((i, step) for i, c in enumerate(cols) if i not in texts and (step := _value_step(c, finish.get(c.name))) is not None)
    first = finish.get("seq")
    if len(cols) == 1:  # attrgetter of one name gives the value, not a 1-tuple
        one = fetch
        fetch = lambda record: (one(record),)  # noqa: E731

    def values(record: Any, position: int) -> tuple[Any, ...]:
        out = list(fetch(record))
        for i in texts:
            value = out[i]
            if value is not None and not (type(value) is str and value.isascii() and "\x00" not in value):
                out[i] = _storable(value)
        for i, step in steps:
            out[i] = step(out[i])
        if not seq:
            return tuple(out)
        return (position if first is None else first(position), *out)

    return values


_quote = json.encoder.encode_basestring_ascii  # what json.dumps writes for each text


def json_text(value: Any) -> str:
    """``json.dumps(value)``: the text SQLAlchemy's JSON type stores (storyline's engines keep its
    default serializer), and psycopg's ``Json`` on PostgreSQL. A tuple or list of texts (a claim's
    lemmas, hedges and cues; a fact's claims) is written without building an encoder per value,
    which costs json.dumps more than the writing."""
    if type(value) is tuple or type(value) is list:
        try:
            return "[" + ", ".join(map(_quote, value)) + "]"
        except TypeError:  # not all texts
            pass
    return json.dumps(value)


def json_columns(table: str) -> dict[str, Callable[[Any], str]]:
    """Each JSON column of ``table`` -> :func:`json_text`: the text a value is stored as."""
    return {c.name: json_text for c in layout(table) if c.kind == "json"}


def _value_step(col: RecordColumn, finish: Finish) -> Callable[[Any], Any] | None:
    """What ``to_row`` then ``finish`` do to one column's value (None: nothing)."""
    if col.kind == "json":
        item, listed = col.item, col.py is tuple

        def plain(value: Any) -> Any:
            if item is not None:
                return [_plain(x) for x in value]
            # A tuple is written as the list it becomes on the way back.
            return list(value) if listed and (finish is None or type(value) is not tuple) else value

        if finish is None:
            return lambda value: None if value is None else _storable(plain(value))

        # Most JSON values of a reading are empty (a claim's hedges, cues, quantities): their text
        # is made once per column, as the first one would be.
        empty = {kind: finish(plain(kind())) for kind in (tuple, list, dict)}

        def to_json(value: Any) -> Any:
            if value is None:
                return finish(None)
            if not value and type(value) in empty:
                return empty[type(value)]
            data = plain(value)
            text = finish(data)
            if type(text) is str and text.isascii() and "\\u0000" not in text and "\\ud" not in text:
                return text  # no NUL, no surrogate inside: _storable would change nothing
            return finish(_storable(data))

        return to_json
    if col.py is date:
        return iso if finish is None else (lambda value: finish(iso(value)))
    if col.py is str:

        def text(value: Any) -> Any:
            if value is not None and not (type(value) is str and value.isascii() and "\x00" not in value):
                value = _storable(value)
            return finish(value) if finish is not None else value

        return text
    return finish


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` for records whose leaves are immutable (numbers, strings, dates):
    the same dicts and lists, without deep-copying each leaf (half of ``to_row``'s time on an
    article's quantities)."""
    names = _FIELD_NAMES.get(type(value))
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    return value


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}

_SCALARS = frozenset({int, float, bool, type(None)})
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def _storable(value: Any) -> Any:
    """``value`` with every NUL and surrogate in its strings (JSON included) replaced by U+FFFD."""
    kind = type(value)
    if kind is str and value.isascii():  # most strings: no surrogate possible, no regex needed
        return value.replace("\x00", "\ufffd") if "\x00" in value else value
    if kind in _SCALARS:
        return value
    if kind is list:
        return [_storable(v) for v in value]
    if isinstance(value, str):
        return _UNSTORABLE.sub("\ufffd", value) if _UNSTORABLE.search(value) else value
    if isinstance(value, (list, tuple)):
        return [_storable(v) for v in value]
    if isinstance(value, dict):
        return {_storable(k): _storable(v) for k, v in value.items()}
    return value


def from_row(table: str, row: Mapping[str, Any]) -> Any:
    """The record stored in ``row`` of ``table`` (extra keys such as ``seq`` are ignored)."""
    return _BUILDERS[table](row)


# Per table: top-level field name -> RecordColumn (a stored value) or a nested subtree.
_Tree = dict[str, "RecordColumn | tuple[type, _Tree]"]


def _tree(cls: type, cols: tuple[RecordColumn, ...], depth: int = 0) -> _Tree:
    hints = typing.get_type_hints(cls)
    tree: _Tree = {}
    for f in dataclasses.fields(cls):
        mine = tuple(c for c in cols if c.path[depth] == f.name)
        if len(mine) == 1 and len(mine[0].path) == depth + 1:
            tree[f.name] = mine[0]
        else:
            nested = hints[f.name]
            tree[f.name] = (nested, _tree(nested, mine, depth + 1))
    return tree


def _builder(cls: type, tree: _Tree) -> Callable[[Mapping[str, Any]], Any]:
    """A function making ``cls`` from a row, with the tree walked once here rather than per row."""
    plan: list[tuple[str, str | None, type | None, type | None, Callable[[Mapping[str, Any]], Any] | None]] = []
    for name, node in tree.items():
        if isinstance(node, RecordColumn):
            plan.append((name, node.name, node.py, node.item, None))
        else:
            nested_cls, subtree = node
            plan.append((name, None, None, None, _builder(nested_cls, subtree)))

    def build(row: Mapping[str, Any]) -> Any:
        kwargs: dict[str, Any] = {}
        for name, column, py, item, nested in plan:
            if nested is not None:
                kwargs[name] = nested(row)
                continue
            value = row[column]
            if py is tuple and value is not None:
                value = tuple(item(**x) for x in value) if item is not None else tuple(value)
            elif py is date:
                value = parse_iso(value)
            kwargs[name] = value
        return cls(**kwargs)

    return build


_BUILDERS = {name: _builder(cls, _tree(cls, layout(name))) for name, cls in TABLES.items()}
