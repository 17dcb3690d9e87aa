"""Record <-> row conversion, generic over the dataclasses in ``storyline.records.TABLES``.

A row is a plain ``dict`` keyed by column name (see :func:`storyline.store.tables.layout`):
nested records are flattened to ``<field>_<subfield>``, tuples become JSON lists and come back
as tuples. ``seq`` (the record's position in its tuple) is added on the way in and dropped on
the way out.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Mapping
from typing import Any

from ..records import TABLES
from .tables import RecordColumn, layout

__all__ = ["from_row", "to_row"]


def to_row(table: str, record: Any, seq: int | None = None) -> dict[str, Any]:
    """The row storing ``record`` in ``table`` (at position ``seq`` in its tuple, if given)."""
    row: dict[str, Any] = {} if seq is None else {"seq": seq}
    for col in layout(table):
        value: Any = record
        for name in col.path:
            value = getattr(value, name)
        if col.py is tuple and value is not None:
            value = list(value)
        row[col.name] = value
    return row


def from_row(table: str, row: Mapping[str, Any]) -> Any:
    """The record stored in ``row`` of ``table`` (extra keys such as ``seq`` are ignored)."""
    return _build(TABLES[table], _TREES[table], row)


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


def _build(cls: type, tree: _Tree, row: Mapping[str, Any]) -> Any:
    kwargs: dict[str, Any] = {}
    for name, node in tree.items():
        if isinstance(node, RecordColumn):
            value = row[node.name]
            if node.py is tuple and value is not None:
                value = tuple(value)
            kwargs[name] = value
        else:
            nested_cls, subtree = node
            kwargs[name] = _build(nested_cls, subtree, row)
    return cls(**kwargs)


_TREES: dict[str, _Tree] = {name: _tree(cls, layout(name)) for name, cls in TABLES.items()}
