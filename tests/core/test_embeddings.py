"""storyline.core.embeddings: the distilled static model (model2vec, no torch, offline)."""

from __future__ import annotations

import numpy as np
import pytest
from helpers.data import repoint_fixture

pytest.importorskip("model2vec")

from storyline.core import embeddings
from storyline.core.words import WordDataError


model_at = repoint_fixture(embeddings, "MODEL_DIR", "model_at")


def test_vectors_are_normalised():
    v = embeddings.vectors(["earthquake", "the couple married in June", "resignation"])
    assert v.dtype == np.float32 and v.shape[0] == 3 and v.shape[1] >= 64
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert embeddings.vectors([]).shape == (0, v.shape[1])


def test_similar_words_are_closer():
    assert embeddings.similarity("earthquake", "quake") > embeddings.similarity("earthquake", "wedding")
    assert embeddings.similarity("wedding", "marriage") > embeddings.similarity("wedding", "arrest")
    assert embeddings.similarity("killed", "killed") == pytest.approx(1.0, abs=1e-5)


def test_nearest():
    best = embeddings.nearest("earthquake", ["wedding", "tremor", "resignation", "concert"], k=2)
    assert best[0][0] == "tremor" and len(best) == 2
    assert best[0][1] >= best[1][1]
    assert embeddings.nearest("earthquake", [], k=3) == []


def test_missing_model_names_file_and_fix(model_at, tmp_path):
    model_at(tmp_path / "no-model")
    with pytest.raises(WordDataError) as err:
        embeddings.vectors(["earthquake"])
    assert "no-model" in str(err.value) and "distill_embeddings.py" in str(err.value)


def test_missing_model2vec_names_the_fix(model_at, monkeypatch, tmp_path):
    import sys

    monkeypatch.setitem(sys.modules, "model2vec", None)  # import model2vec -> ImportError
    model_at(tmp_path)
    with pytest.raises(WordDataError, match="pip install model2vec"):
        embeddings.similarity("a", "b")
