"""storyline: turn a pile of news articles about one story into a sourced, cross-checked account.

The public API lives in :mod:`storyline.api` and is re-exported here; records are in
:mod:`storyline.core.records`.
"""

from __future__ import annotations

__version__ = "0.1.0"

from storyline.api import (  # noqa: E402 - __version__ must exist before api imports it
    AnalysisSummary,
    Store,
    analyze,
    demo_corpus,
    export,
    info,
    ingest,
    open_store,
    read,
    reconcile,
    render_report,
)
from storyline.core.errors import StorylineError  # noqa: E402
from storyline.core.options import AnalysisOptions, ReconcileOptions, load_options  # noqa: E402

__all__ = [
    "__version__",
    "AnalysisOptions",
    "AnalysisSummary",
    "ReconcileOptions",
    "Store",
    "StorylineError",
    "analyze",
    "demo_corpus",
    "export",
    "info",
    "ingest",
    "load_options",
    "open_store",
    "read",
    "reconcile",
    "render_report",
]
