"""Shared fixtures for every tier. Helpers live in ``tests/helpers`` (importable as ``helpers``)."""

from __future__ import annotations

from helpers.store import db_url  # noqa: F401  (the SQLite/PostgreSQL backend fixture)
