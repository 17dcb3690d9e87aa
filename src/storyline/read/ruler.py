"""The base pipeline's ``attribute_ruler``, applied with array operations instead of spaCy's Matcher.

The English pipelines map tags to parts of speech and morphology, and fix a few lemmas, with an
``AttributeRuler``: about 180 patterns, nearly all of one token (``{"TAG": "NNS"}``, ``{"LOWER":
"'s", "TAG": "POS"}``), a few of two ("gon na"). spaCy runs them through its general ``Matcher``,
which costs about an eighth of the whole base pipeline. :class:`ArrayRuler` reads the same
patterns from the loaded ruler and finds where they match by comparing columns of
``Doc.to_array`` (TAG, LOWER, DEP, IS_SPACE) with numpy, then sets on each token the attributes
spaCy would set, with spaCy's own ``set_token_attrs``, in the same order (later patterns win),
so the annotations are identical (``tests/read/test_ruler.py`` checks them token by token
against spaCy's ruler).

:func:`compile_ruler` accepts only the pattern forms it implements exactly (a token's TAG,
LOWER, DEP or IS_SPACE equal to a value, in a list, or LOWER matching a regular expression; no
operators): a pipeline whose ruler has any other form keeps spaCy's ruler.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

__all__ = ["ArrayRuler", "compile_ruler", "swap_component", "use_array_ruler"]

_COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]
_MAX_KEPT = 500_000  # distinct (TAG, LOWER, DEP, IS_SPACE) tuples remembered: ~100 MB at most

# A token test: (column, kind, value) with kind "eq" (a hash or a bool), "in", "not_in" (hashes) or
# "regex" (a compiled pattern searched in the LOWER string).
_Test = tuple[int, str, Any]


def compile_ruler(ruler: AttributeRuler) -> ArrayRuler | None:
    """An :class:`ArrayRuler` doing exactly what ``ruler`` does, or None when one of its patterns
    has a form it does not implement."""
    strings = ruler.vocab.strings
    entries = []
    for i, attrs in enumerate(ruler.attrs):
        patterns = ruler.matcher.get(str(i))[1]
        compiled = []
        for pattern in patterns:
            tokens = [_token_tests(spec, strings) for spec in pattern]
            if not tokens or any(t is None for t in tokens):
                return None
            compiled.append(tokens)
        index = ruler.indices[i]
        if any(not -len(p) <= index < len(p) for p in compiled):
            return None  # spaCy raises on such a match; leave that to spaCy
        entries.append((compiled, index, attrs))
    return ArrayRuler(entries)


def _token_tests(spec: dict, strings) -> list[_Test] | None:
    tests: list[_Test] = []
    for key, value in spec.items():
        column = _COLUMNS.get(key)
        if column is None:
            return None  # OP, ORTH, POS, ...: not implemented here
        if key == "IS_SPACE":
            if not isinstance(value, bool):
                return None
            tests.append((column, "eq", int(value)))
        elif isinstance(value, str):
            tests.append((column, "eq", strings.add(value)))
        elif isinstance(value, dict) and len(value) == 1 and (op := next(iter(value))) in ("IN", "NOT_IN") \
                and isinstance(value[op], list) and all(isinstance(v, str) for v in value[op]):
            tests.append((column, op.lower(), np.array([strings.add(v) for v in value[op]], dtype=np.uint64)))
        elif isinstance(value, dict) and len(value) == 1 and key == "LOWER" and isinstance(value.get("REGEX"), str):
            tests.append((column, "regex", re.compile(value["REGEX"])))
        else:
            return None
    return tests


class ArrayRuler:
    """Callable component: sets the attributes of the ruler it was compiled from.

    A one-token pattern's match depends only on the token's (TAG, LOWER, DEP, IS_SPACE) values, so
    which entries hit a token is computed once per distinct value tuple and kept; the few longer
    patterns are matched on the Doc's columns with numpy."""

    def __init__(self, entries: list[tuple[list[list[list[_Test]]], int, dict]]):
        self._attrs = [attrs for _, _, attrs in entries]
        self._single: list[tuple[int, list[_Test]]] = []  # (entry, tests) of one-token patterns
        self._longer: list[tuple[int, int, list[list[_Test]]]] = []  # (entry, target offset, tests per token)
        for row, (patterns, index, _) in enumerate(entries):
            for pattern in patterns:
                if len(pattern) == 1:
                    self._single.append((row, pattern[0]))
                else:
                    self._longer.append((row, index if index >= 0 else len(pattern) + index, pattern))
        # A one-token pattern testing LOWER (else TAG) for one value is only tried on tokens with it.
        self._by_value: dict[tuple[int, int], list[tuple[int, list[_Test]]]] = {}
        self._anywhere: list[tuple[int, list[_Test]]] = []
        for row, tests in self._single:
            keyed = [t for t in tests if t[1] == "eq" and t[0] in (_COLUMNS["LOWER"], _COLUMNS["TAG"])]
            if keyed:
                column, _, value = min(keyed, key=lambda t: t[0] != _COLUMNS["LOWER"])
                self._by_value.setdefault((column, value), []).append((row, tests))
            else:
                self._anywhere.append((row, tests))
        self._hits: dict[tuple[int, ...], tuple[int, ...]] = {}  # token's values -> entries hitting it
        self._merged: dict[tuple[int, ...], dict] = {}  # entries hitting a token -> the attributes they set

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        cols = doc.to_array(_ARRAY_ATTRS).reshape(n, len(_ARRAY_ATTRS))
        extra = self._longer_hits(cols, doc) if self._longer else {}
        strings = doc.vocab.strings
        hits_of, merged_of = self._hits, self._merged
        for i, values in enumerate(map(tuple, cols.tolist())):
            rows = hits_of.get(values)
            if rows is None:
                if len(hits_of) >= _MAX_KEPT:  # a long-lived process reading without end
                    hits_of.clear()
                rows = hits_of[values] = self._single_hits(values, strings)
            if i in extra:
                rows = tuple(sorted(set(rows) | extra[i]))
            if not rows:
                continue
            attrs = merged_of.get(rows)
            if attrs is None:
                attrs = merged_of[rows] = self._merge(rows)
            if attrs:
                set_token_attrs(doc[i], attrs)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def _merge(self, rows: tuple[int, ...]) -> dict:
        """The attributes the entries ``rows`` set, later entries overriding earlier ones (spaCy
        applies matches sorted by entry)."""
        merged: dict = {}
        for row in rows:
            merged.update(self._attrs[row])
        return merged

    def _single_hits(self, values: tuple[int, ...], strings) -> tuple[int, ...]:
        lower, tag = _COLUMNS["LOWER"], _COLUMNS["TAG"]
        candidates = (*self._by_value.get((lower, values[lower]), ()), *self._by_value.get((tag, values[tag]), ()), *self._anywhere)
        return tuple(sorted({row for row, tests in candidates if all(_passes(values, t, strings) for t in tests)}))

    def _longer_hits(self, cols: np.ndarray, doc: Doc) -> dict[int, set[int]]:
        """Token -> entries of longer patterns hitting it (at the pattern's index)."""
        n = len(cols)
        out: dict[int, set[int]] = {}
        strings = doc.vocab.strings
        for row, target, pattern in self._longer:
            length = len(pattern)
            if length > n:
                continue
            match = np.ones(n - length + 1, dtype=bool)
            for offset, tests in enumerate(pattern):
                part = cols[offset : offset + n - length + 1]
                for test in tests:
                    match &= _column_passes(part, test, strings)
            for s in np.flatnonzero(match).tolist():
                out.setdefault(s + target, set()).add(row)
        return out


def _passes(values: tuple[int, ...], test: _Test, strings) -> bool:
    column, kind, value = test
    v = values[column]
    if kind == "eq":
        return v == value
    if kind == "in":
        return v in value.tolist()
    if kind == "not_in":
        return v not in value.tolist()
    return value.search(strings[v]) is not None


def _column_passes(part: np.ndarray, test: _Test, strings) -> np.ndarray:
    column, kind, value = test
    col = part[:, column]
    if kind == "eq":
        return col == value
    if kind == "in":
        return np.isin(col, value)
    if kind == "not_in":
        return ~np.isin(col, value)
    return np.array([value.search(strings[h]) is not None for h in col.tolist()], dtype=bool)


def use_array_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace ``nlp``'s attribute ruler ``name`` by its :class:`ArrayRuler` when every pattern
    is of a form that one implements; True when replaced."""
    if name not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler):
        return False
    fast = compile_ruler(ruler)
    if fast is None:
        return False
    swap_component(nlp, name, fast)
    return True


def swap_component(nlp: Language, name: str, component: Callable[[Doc], Doc]) -> None:
    """Put ``component`` in place of the pipe ``name``, keeping its name and place."""
    # Language keeps (name, component) pairs; replacing the component under the same name keeps
    # pipe_names, the order and the other components untouched.
    index = nlp.component_names.index(name)
    nlp._components[index] = (name, component)
