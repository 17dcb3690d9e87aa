"""Where the tests find the repository, the gold files and the shared data beside the clone."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
GOLD_DIR = TESTS / "gold"
EVAL_DIR = REPO / "eval"
SHARED = REPO.parent / "shared"
SAMPLES = SHARED / "samples"
EVAL_DATA = SHARED / "eval-data"
