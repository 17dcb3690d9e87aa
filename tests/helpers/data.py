"""Pointing a data module (``core.words``, ``core.embeddings``) at another file (no tests here)."""

from __future__ import annotations

from types import ModuleType

import pytest


def repoint_fixture(module: ModuleType, attr: str, name: str):
    """A fixture ``name`` giving ``point(path)``: sets ``module.attr`` to ``path`` and clears the
    module's caches (and the api's reconcile caches, whose units were computed with the old data);
    afterwards the real file is back and its caches cleared again."""

    @pytest.fixture(name=name)
    def fixture(monkeypatch):
        from storyline import api

        def point(path):
            monkeypatch.setattr(module, attr, path)
            module.clear_cache()
            api.forget_reconciles()

        yield point
        monkeypatch.undo()
        module.clear_cache()
        api.forget_reconciles()

    return fixture
