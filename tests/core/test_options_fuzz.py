"""Fuzzing the config loader: any TOML document gives options or a ConfigError, never another
exception, and options that load are within their declared ranges."""

from __future__ import annotations

import json
import math
from dataclasses import fields

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from storyline.core.errors import ConfigError
from storyline.core.options import AnalysisOptions, ReconcileOptions, load_options

EXAMPLES = 400  # per run; derandomized, so every run tries the same documents

NAMES = sorted(
    {f.name for cls in (AnalysisOptions, ReconcileOptions) for f in fields(cls)} | {"analysis", "reconcile", "analyis"}
)
KEYS = st.sampled_from(NAMES) | st.text("abcdefghijklmnopqrstuvwxyz_-0123456789", min_size=1, max_size=12)
# TOML strings: any text but lone surrogates (a UTF-8 file cannot hold them).
STRINGS = st.text(st.characters(exclude_categories=("Cs",)), max_size=12)
SCALARS = (
    st.integers(-(2**63), 2**63 - 1)
    | st.sampled_from([0, 1, -1, 32, 10_000, 10_001])
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.sampled_from([0.0, 0.3, 1.0, 1.5, -0.1, 1e6, 1e300])
    | st.booleans()
    | STRINGS
    | st.datetimes().map(lambda d: d.replace(microsecond=0))
)
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=3), max_leaves=6)
ANY_DOCUMENT = st.dictionaries(KEYS, VALUES | st.dictionaries(KEYS, VALUES, max_size=5), max_size=4)


VALID = {
    "model": STRINGS, "outlet": STRINGS, "published": STRINGS, "embeddings": STRINGS,
    "batch_size": st.integers(1, 10_000), "max_article_chars": st.integers(1, 2**63 - 1),
    "max_file_mb": st.floats(1e-6, 1e6) | st.integers(1, 1_000_000),
    "similarity_threshold": st.floats(0, 1) | st.sampled_from([0, 1]), "echo_similarity": st.floats(0, 1),
    "packs": st.sampled_from([[], ["celebrity"]]) | st.lists(STRINGS, max_size=2),
}  # fmt: skip


def _section(cls: type) -> st.SearchStrategy[dict]:
    """A section with its own option names and, seven times in eight, a value of the right kind."""

    def value(name: str) -> st.SearchStrategy:
        return st.integers(0, 7).flatmap(lambda i: SCALARS if i == 0 else VALID[name])

    return st.fixed_dictionaries({}, optional={f.name: value(f.name) for f in fields(cls) if f.name in VALID})


# Half the documents are shaped like a real config, so many load and the ranges are exercised.
DOCUMENTS = ANY_DOCUMENT | st.fixed_dictionaries(
    {}, optional={"analysis": _section(AnalysisOptions), "reconcile": _section(ReconcileOptions)}
)


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf") if math.isinf(v) else repr(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(x)}" for k, x in v.items()) + "}"
    return v.isoformat()  # a datetime


def toml_document(data: dict) -> str:
    """``data`` as TOML: scalars and arrays first, then one [table] per dict value."""
    top = [f"{json.dumps(k)} = {toml_value(v)}" for k, v in data.items() if not isinstance(v, dict)]
    tables = [
        f"[{json.dumps(k)}]\n" + "".join(f"{json.dumps(x)} = {toml_value(y)}\n" for x, y in v.items())
        for k, v in data.items()
        if isinstance(v, dict)
    ]
    return "\n".join(top) + "\n" + "\n".join(tables)


@pytest.mark.fuzz
@settings(max_examples=EXAMPLES, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(DOCUMENTS)
def test_any_toml_document_gives_options_or_a_config_error(tmp_path_factory, data):
    path = tmp_path_factory.getbasetemp() / "fuzz.toml"
    path.write_text(toml_document(data), "utf-8")
    try:
        opts = load_options(path)
    except ConfigError as exc:
        assert exc.input == str(path) and exc.message and exc.fix
        event("ConfigError: " + exc.message.split(" ")[0].split(".")[0])
        return
    event("loaded")
    # What loads is usable downstream: right types, inside the declared ranges.
    assert type(opts.batch_size) is int and 1 <= opts.batch_size <= 10_000
    assert type(opts.max_file_mb) is float and 0 < opts.max_file_mb <= 1e6
    assert type(opts.max_article_chars) is int and opts.max_article_chars >= 1
    for value in (opts.reconcile.similarity_threshold, opts.reconcile.echo_similarity):
        assert type(value) is float and 0.0 <= value <= 1.0
    assert all(isinstance(v, str) or v is None for v in (opts.model, opts.outlet, opts.published, opts.reconcile.embeddings))
    assert type(opts.packs) is tuple and set(opts.packs) <= {"celebrity"}
