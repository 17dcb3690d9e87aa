"""Shared fixtures for every tier. Helpers live in ``tests/helpers`` (importable as ``helpers``)."""

from __future__ import annotations

from helpers.cli import model  # noqa: F401  (the stub pipeline directory for `--model`)
from helpers.store import db_url  # noqa: F401  (the SQLite/PostgreSQL backend fixture)
