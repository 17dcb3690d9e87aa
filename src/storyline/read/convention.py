"""A pipeline component that follows one of several annotation conventions (``storyline_timex``,
``storyline_attribution``): the convention is checked when the pipeline is built, so a wrong name
fails before any article is read."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

__all__ = ["ConventionComponent"]


class ConventionComponent:
    """Runs ``fn(doc, convention)``; ``name`` is the component's, for the error message."""

    def __init__(self, name: str, fn: Callable[[Doc, str], Doc], convention: str, conventions: tuple[str, ...]):
        if convention not in conventions:
            raise ValueError(f"{name}: unknown convention {convention!r}; choose one of {conventions}")
        self.fn, self.convention = fn, convention

    def __call__(self, doc: Doc) -> Doc:
        return self.fn(doc, self.convention)
