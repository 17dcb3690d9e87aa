"""Floors of eval/ecbplus_conflicts.py's people numbers on the hand-read ECB+ sub-topics (real news,
CC BY 3.0): PERSON precision of story entities and listed people found (marked eval, skipped when
../shared/eval-data is absent)."""

import json
import sys

import pytest
from helpers.paths import EVAL_DIR

sys.path.insert(0, str(EVAL_DIR))

from ecbplus_corpus import default_root  # noqa: E402

pytestmark = [pytest.mark.eval, pytest.mark.model]


@pytest.mark.skipif(not default_root().exists(), reason="ECB+ data absent")
def test_person_entities_are_people(tmp_path):
    import ecbplus_conflicts

    out = tmp_path / "people.json"
    assert ecbplus_conflicts.main(["--json", str(out), "--unmatched", str(tmp_path / "unmatched.txt")]) == 0
    rows = json.loads(out.read_text(encoding="utf-8"))["people"].values()
    real, persons = sum(r["real"] for r in rows), sum(r["persons"] for r in rows)
    assert real / persons >= 0.74  # measured 72/93 = 0.77 (0.62 before places and unnamed roles, issue 9)
    assert sum(r["found"] for r in rows) >= 68  # measured 69 of 73
