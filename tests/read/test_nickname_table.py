"""The nickname table is rebuilt from a public resource (scripts/build_nicknames.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from storyline.read.entities.lexicon import nickname_relations

ROOT = Path(__file__).resolve().parents[2]


def _script():
    spec = importlib.util.spec_from_file_location("build_nicknames", ROOT / "scripts" / "build_nicknames.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_keeps_plain_short_forms_of_the_resource_and_adds_the_supplement(tmp_path):
    csv = tmp_path / "names.csv"
    csv.write_text("name1,relationship,name2\nkathryn,has_nickname,katie\naaron,has_nickname,anne\n"
                   "mary-ann,has_nickname,ma\nwilliam,has_nickname,william\nwilliam,has_nickname,bell\n"
                   "robert,has_nickname,bill\ndavid,has_nickname,day\nlouis,has_nickname,lewis\n"
                   "california,has_nickname,callie\nemily,has_nickname,emma\nemma,has_nickname,em\n",
                   encoding="utf-8")
    table = {"female": ["Anne"], "male": ["Aaron"], "supplement": {"Alexander": ["Xander"]}}
    build = _script()
    out = build.build(build.read_rows(str(csv)), table, word=lambda form: form in {"Day", "Bell", "Bill", "California"})
    # Kept: a plain short form. Dropped: another letter (Bill, Bell), a word (Day), no shorter
    # (Lewis), a word for a name (California), a given name of its own (Emma for Emily), the same name, and opposite genders in the file's lists (Aaron / Anne).
    assert out == {"Alexander": ["Xander"], "Emma": ["Em"], "Kathryn": ["Katie"], "Mary-Ann": ["Ma"]}


def test_unexpected_resource_layout_names_the_fix(tmp_path):
    csv = tmp_path / "names.csv"
    csv.write_text("a,b\n", encoding="utf-8")
    try:
        _script().read_rows(str(csv))
    except SystemExit as err:
        assert "unexpected header" in str(err) and "fix" in str(err)
    else:
        raise AssertionError("a CSV of another layout was read")


def test_shipped_table_holds_its_supplement_and_resource_forms():
    data = json.loads((ROOT / "src" / "storyline" / "data" / "nicknames.json").read_text(encoding="utf-8"))
    for formal, shorts in data["supplement"].items():
        assert set(shorts) <= set(data["nicknames"][formal]), formal
    rel = nickname_relations()
    assert "katie" in rel["kathryn"] and "bill" in rel["william"]
    assert "aaron" not in rel.get("erin", ())  # opposite genders in the file's own lists


def test_two_given_names_are_not_one_persons_short_form():
    # The resource lists names that are given names of their own as short forms ("Emily" ->
    # "Emma"); linking them merges sisters, or a father and daughter, into one person.
    rel = nickname_relations()
    for a, b in (("emily", "emma"), ("ernestine", "ernest"), ("louise", "lois"), ("joanna", "joan"),
                 ("marietta", "marie"), ("dennison", "dennis")):
        assert b not in rel.get(a, ()), (a, b)
