"""eval/ecbplus.py's ``--readings`` cache (``read_all``): readings are reused per document
whose text is unchanged, so a run over some topics reuses a whole-set cache instead of reading
again, and never shrinks the file to the topics it asked for (a helper's ``--topics 23-35``
run once overwrote a whole-set cache with 13 topics)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

from helpers.paths import EVAL_DIR

sys.path.insert(0, str(EVAL_DIR))

import ecbplus  # noqa: E402
from storyline.core.options import AnalysisOptions  # noqa: E402
from storyline.core.records import ArticleReading  # noqa: E402


def _doc(name: str, text: str) -> SimpleNamespace:
    return SimpleNamespace(name=name, text=text, url=None, path=Path(name))


def _fake_read(monkeypatch) -> list[str]:
    asked: list[str] = []

    def read(articles, options):
        for a in articles:
            asked.append(a.id)
            yield a, ArticleReading(a)

    monkeypatch.setattr(ecbplus.api, "read", read)
    return asked


def test_a_subset_reuses_the_cache_and_keeps_the_rest(tmp_path, monkeypatch):
    asked = _fake_read(monkeypatch)
    saved = tmp_path / "readings.pkl"
    docs = [_doc("1_1ecb.xml", "One."), _doc("1_2ecb.xml", "Two."), _doc("23_1ecb.xml", "Three.")]
    ecbplus.read_all(docs, AnalysisOptions(), saved)
    assert asked == ["1_1ecb.xml", "1_2ecb.xml", "23_1ecb.xml"]
    asked.clear()
    readings, _ = ecbplus.read_all(docs[2:], AnalysisOptions(), saved)
    assert asked == [] and list(readings) == ["23_1ecb.xml"]
    readings, _ = ecbplus.read_all(docs, AnalysisOptions(), saved)
    assert asked == [] and sorted(readings) == ["1_1ecb.xml", "1_2ecb.xml", "23_1ecb.xml"]


def test_a_changed_text_is_read_again(tmp_path, monkeypatch):
    asked = _fake_read(monkeypatch)
    saved = tmp_path / "readings.pkl"
    ecbplus.read_all([_doc("1_1ecb.xml", "One."), _doc("1_2ecb.xml", "Two.")], AnalysisOptions(), saved)
    asked.clear()
    readings, _ = ecbplus.read_all([_doc("1_1ecb.xml", "One, changed."), _doc("1_2ecb.xml", "Two.")],
                                   AnalysisOptions(), saved)
    assert asked == ["1_1ecb.xml"]
    assert readings["1_1ecb.xml"].article.text == "One, changed."
