"""eval/ecbplus_conflict_sweep.py: it reads only the sub-topics nobody labelled and counts what
storyline reports there, by kind (the corpus and the reading faked: the script's own logic)."""

from __future__ import annotations

import json
import sys
from types import SimpleNamespace

from helpers.paths import EVAL_DIR

sys.path.insert(0, str(EVAL_DIR))

import ecbplus_conflict_sweep as sweep  # noqa: E402


def test_the_labelled_sub_topics_are_left_out_and_the_conflicts_counted(tmp_path, monkeypatch):
    inventory = tmp_path / "inventory.json"
    inventory.write_text(json.dumps({"subtopics": ["20ecbplus"]}), encoding="utf-8")
    docs = [SimpleNamespace(name=f"{s}.xml", subtopic=s) for s in ("20ecbplus", "3ecb", "12ecbplus")]
    monkeypatch.setattr(sweep, "load_corpus", lambda root: docs)
    asked = []

    def run(given, saved=None):
        asked.extend(d.subtopic for d in given)
        conflict = SimpleNamespace(kind="polarity", reason="A says no, B says yes")
        return {d.subtopic: SimpleNamespace(story=SimpleNamespace(conflicts=[conflict] * (2 if d.subtopic == "3ecb" else 1)))
                for d in given}

    monkeypatch.setattr(sweep, "run_storyline", run)
    out = tmp_path / "out.json"
    assert sweep.main(["--inventory", str(inventory), "--json", str(out)]) == 0
    assert asked == ["3ecb", "12ecbplus"]
    found = json.loads(out.read_text(encoding="utf-8"))
    assert found["subtopics"] == 2 and found["by_kind"] == {"polarity": 3}
    assert [c["subtopic"] for c in found["conflicts"]] == ["3ecb", "3ecb", "12ecbplus"]  # by topic number
