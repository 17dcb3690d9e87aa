"""Pointing a data module (``core.words``, ``core.embeddings``) at another file (no tests here)."""

from __future__ import annotations

from types import ModuleType

import pytest


def repoint_fixture(module: ModuleType, attr: str, name: str):
    """A fixture ``name`` giving ``point(path)``: sets ``module.attr`` to ``path`` and clears the
    module's caches; afterwards the real file is back and its caches cleared again."""

    @pytest.fixture(name=name)
    def fixture(monkeypatch):
        def point(path):
            monkeypatch.setattr(module, attr, path)
            module.clear_cache()

        yield point
        monkeypatch.undo()
        module.clear_cache()

    return fixture
