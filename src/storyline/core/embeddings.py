"""Static word embeddings: a model2vec model distilled from all-MiniLM-L6-v2.

The model lives in ``storyline/data/embeddings/minilm-static/`` (built by
``scripts/distill_embeddings.py``; licence and parameters in its README).  It is a
lookup table of 128-dimensional vectors over MiniLM's WordPiece vocabulary plus WordNet
verbs and event nouns; a text's vector is the mean of its tokens' vectors.  Only
``model2vec`` and ``numpy`` are needed at run time (no torch), and nothing is fetched
from the network: the model is read from the package's own folder, once, on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from storyline.core.words import Lazy, WordDataError

if TYPE_CHECKING:
    from model2vec import StaticModel

__all__ = ["MODEL_DIR", "clear_cache", "load_model", "nearest", "similarity", "vector", "vectors"]

MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "embeddings" / "minilm-static"
MODEL_FILES = ("model.safetensors", "config.json", "tokenizer.json")
REBUILD = "rebuild it with `python scripts/distill_embeddings.py` (see the README in that folder)"

_MODEL: Lazy[StaticModel] = Lazy(lambda: _load(MODEL_DIR))


def load_model() -> None:
    """Load the model now (else it is loaded on first use), e.g. on a thread ahead of need."""
    _MODEL.get()


def _model() -> StaticModel:
    """The model, loaded on first use."""
    return _MODEL.get()


def _load(folder: Path) -> StaticModel:
    try:
        from model2vec import StaticModel
    except ImportError:
        raise WordDataError(
            "the embeddings need the model2vec package, which is not installed",
            fix="pip install model2vec",
            input=str(folder),
        ) from None
    for name in MODEL_FILES:
        # A missing local folder would make model2vec try the Hugging Face hub: check first.
        if not (folder / name).is_file():
            raise WordDataError("the embeddings model file is missing", fix=REBUILD, input=str(folder / name))
    try:
        return StaticModel.from_pretrained(folder, normalize=True, force_download=False)
    except Exception as exc:  # noqa: BLE001 - safetensors, tokenizers and json raise their own kinds
        raise WordDataError(f"the embeddings model cannot be read ({exc})", fix=REBUILD, input=str(folder)) from None


def clear_cache() -> None:
    """Forget the loaded model and cached vectors (after changing :data:`MODEL_DIR`)."""
    _MODEL.reset()
    vector.cache_clear()


def vectors(texts: Sequence[str]) -> np.ndarray:
    """One L2-normalised float32 row per text (all zeros for a text with no known token)."""
    if isinstance(texts, str):
        raise TypeError("vectors() takes a sequence of texts; use vector() for one")
    model = _model()
    if not texts:
        return np.zeros((0, model.dim), dtype=np.float32)
    out = np.asarray(model.encode(list(texts), show_progress_bar=False), dtype=np.float32)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return np.divide(out, norms, out=np.zeros_like(out), where=norms > 0)


@lru_cache(maxsize=65536)
def vector(text: str) -> np.ndarray:
    """The normalised vector of one text (cached; do not modify the array)."""
    v = vectors([text])[0]
    v.flags.writeable = False
    return v


def similarity(a: str, b: str) -> float:
    """Cosine similarity of two texts, in [-1, 1]; 0.0 when either has no known token."""
    return float(vector(a) @ vector(b))


def nearest(word: str, candidates: Sequence[str], k: int = 5) -> list[tuple[str, float]]:
    """The ``k`` candidates most similar to ``word``, best first, as (candidate, cosine)."""
    if k <= 0 or not candidates:
        return []
    scores = vectors(candidates) @ vector(word)
    order = sorted(range(len(candidates)), key=lambda i: (-scores[i], i))[:k]
    return [(candidates[i], float(scores[i])) for i in order]
