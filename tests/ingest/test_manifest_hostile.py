"""Manifests under hostile input: paths that leave the manifest's folder, cycles of manifests, and
fields of the wrong JSON type. Each bad line is one rejection naming the line and why; the good
lines of the same batch are read."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from storyline.core.errors import ConfigError
from storyline.core.options import AnalysisOptions, options_from
from storyline.ingest import ingest

BODY = "Mara Quinn stepped out in Lyon on Friday, a source told the paper.\n"
SECRET = "top secret outside the manifest folder\n"


def lines(*objs: object) -> str:
    return "".join(json.dumps(o) + "\n" for o in objs)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """tmp/outside/secret.txt and tmp/batch/ (the manifest's folder) with body.txt and sub/inner.txt."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(SECRET, "utf-8")
    batch = tmp_path / "batch"
    (batch / "sub").mkdir(parents=True)
    (batch / "body.txt").write_text(BODY, "utf-8")
    (batch / "sub" / "inner.txt").write_text("Nested " + BODY, "utf-8")
    return batch


def _escapes(batch: Path) -> list[dict]:
    secret = batch.parent / "outside" / "secret.txt"
    (batch / "link.txt").symlink_to(secret)
    (batch / "sub" / "uplink").symlink_to(batch.parent / "outside", target_is_directory=True)
    return [
        {"id": "dotdot", "path": "../outside/secret.txt"},
        {"id": "deep", "path": "../../../../../../../../" + str(secret).lstrip("/")},
        {"id": "absolute", "path": str(secret)},
        {"id": "symlink", "path": "link.txt"},
        {"id": "dirlink", "path": "sub/uplink/secret.txt"},
        {"id": "passwd", "path": "../../../../../../../../../../etc/passwd"},
    ]


def test_paths_out_of_the_manifest_folder_are_refused_and_the_good_lines_read(tree):
    escapes = _escapes(tree)
    good = [{"id": "g1", "path": "body.txt"}, {"id": "g2", "path": "sub/inner.txt"}, {"id": "g3", "path": "sub/../body.txt"},
            {"id": "g4", "text": BODY}]  # fmt: skip
    manifest = tree / "m.jsonl"
    manifest.write_text(lines(*escapes, *good), "utf-8")
    result = ingest([manifest])
    assert sorted(a.id for a in result.articles) == ["g1", "g2", "g3", "g4"]
    assert all(SECRET not in a.text for a in result.articles)
    assert len(result.rejected) == len(escapes)
    for n, rej in enumerate(result.rejected, start=1):
        assert rej.input.startswith(f"{manifest}:{n}"), rej
        assert "outside the manifest's folder" in rej.reason and "--allow-outside-paths" in rej.reason, rej.reason
        assert rej.error == "ManifestError"


def test_a_manifest_on_stdin_is_confined_to_the_working_directory(tree, monkeypatch):
    import io

    monkeypatch.chdir(tree)
    data = lines({"id": "in", "path": "body.txt"}, {"id": "out", "path": "../outside/secret.txt"}).encode()
    result = ingest(["-"], stdin=io.BytesIO(data))
    assert [a.id for a in result.articles] == ["in"]
    (rej,) = result.rejected
    assert rej.input.startswith("-:2") and "outside the manifest's folder" in rej.reason


def test_outside_paths_are_read_when_allowed(tree):
    escapes = _escapes(tree)
    manifest = tree / "m.jsonl"
    manifest.write_text(lines(*escapes[:5]), "utf-8")
    result = ingest([manifest], AnalysisOptions(manifest_paths="any"))
    # All five name the same file: the first is kept, the others are duplicates of its text only
    # when they have no id of their own (they do), so all five are read.
    assert [a.id for a in result.articles] == ["dotdot", "deep", "absolute", "symlink", "dirlink"]
    assert not result.rejected


def test_manifest_paths_option_is_validated():
    with pytest.raises(ConfigError) as info:
        options_from({"analysis": {"manifest_paths": "anywhere"}})
    assert "analysis.manifest_paths" in str(info.value) and "'confined'" in str(info.value) and "'any'" in str(info.value)
    with pytest.raises(ConfigError):
        AnalysisOptions(manifest_paths=True)  # type: ignore[arg-type]


def test_a_folder_input_does_not_follow_a_symlink_out_of_it(tree):
    (tree / "link.txt").symlink_to(tree.parent / "outside" / "secret.txt")
    result = ingest([tree])
    assert sorted(a.text for a in result.articles) == sorted([BODY, "Nested " + BODY])
    (rej,) = result.rejected
    assert rej.input == str(tree / "link.txt") and "outside the folder" in rej.reason
    allowed = ingest([tree], AnalysisOptions(manifest_paths="any"))
    assert len(allowed.articles) == 3 and not allowed.rejected


def test_a_manifest_naming_itself_is_a_rejection_naming_the_cycle_and_the_good_articles_are_read(tree):
    manifest = tree / "self.jsonl"
    good = [{"id": f"g{i}", "text": f"Good article {i}. " + BODY} for i in range(10)]
    manifest.write_text(lines(good[0], {"path": "self.jsonl"}, *good[1:]), "utf-8")
    result = ingest([manifest])
    assert [a.id for a in result.articles] == [f"g{i}" for i in range(10)]
    (rej,) = result.rejected
    assert rej.input.startswith(f"{manifest}:2") and "cycle" in rej.reason
    assert "self.jsonl -> self.jsonl" in rej.reason, rej.reason


def test_two_manifests_naming_each_other_are_a_rejection_naming_the_cycle(tree):
    a, b = tree / "a.jsonl", tree / "sub" / "b.jsonl"
    a.write_text(lines({"id": "ga", "text": BODY}, {"path": "sub/b.jsonl"}), "utf-8")
    b.write_text(lines({"path": "../a.jsonl"}), "utf-8")
    result = ingest([a])
    assert [x.id for x in result.articles] == ["ga"]
    (rej,) = result.rejected
    assert "cycle" in rej.reason and "a.jsonl -> b.jsonl -> a.jsonl" in rej.reason, rej.reason
    assert rej.input.startswith(f"{a}:2 -> sub/b.jsonl:1 -> "), rej.input  # paths as the manifests write them


def test_a_chain_of_manifests_too_deep_is_refused_not_a_recursion_error(tree):
    depth = 60
    for i in range(depth):
        (tree / f"m{i}.jsonl").write_text(lines({"path": f"m{i + 1}.jsonl"}), "utf-8")
    (tree / f"m{depth}.jsonl").write_text(lines({"id": "end", "text": BODY}), "utf-8")
    (rej,) = ingest([tree / "m0.jsonl"]).rejected
    assert "nested" in rej.reason and "deeper" in rej.reason


WRONG_TYPES = [
    ("outlet", ["Glitter", "Lumen"], "a list"),
    ("outlet", {"name": "Glitter"}, "an object"),
    ("outlet", 5, "a number"),
    ("title", {"a": 1}, "an object"),
    ("title", True, "true"),
    ("url", 5, "a number"),
    ("url", ["https://x.invalid"], "a list"),
    ("published", ["2024-01-17"], "a list"),
    ("published", {"y": 2024}, "an object"),
    ("published", 20240117, "a number"),
    ("date", ["2024-01-17"], "a list"),
    ("id", ["x"], "a list"),
    ("id", {"x": 1}, "an object"),
    ("id", 1.5, "a number"),
    ("id", False, "false"),
    ("text", ["Mara Quinn left."], "a list"),
    ("text", 5, "a number"),
    ("path", ["body.txt"], "a list"),
    ("path", {"p": "body.txt"}, "an object"),
]


@pytest.mark.parametrize(("field", "value", "shown"), WRONG_TYPES, ids=[f"{f}-{type(v).__name__}" for f, v, _ in WRONG_TYPES])
def test_a_field_of_the_wrong_type_is_a_rejection_naming_line_field_and_type(tree, field, value, shown):
    entry = {"id": "bad", "text": "Bad line. " + BODY, field: value}
    manifest = tree / "m.jsonl"
    manifest.write_text(lines({"id": "g1", "text": BODY}, entry, {"id": "g2", "path": "body.txt"}), "utf-8")
    result = ingest([manifest])
    assert [a.id for a in result.articles] == ["g1", "g2"]
    (rej,) = result.rejected
    assert rej.input == f"{manifest}:2" and rej.error == "ManifestError"
    assert f"'{field}'" in rej.reason and shown in rej.reason and "must be" in rej.reason, rej.reason


def test_an_integer_id_is_still_read_as_text(tree):
    manifest = tree / "m.jsonl"
    manifest.write_text(lines({"id": 7, "text": BODY}), "utf-8")
    (a,) = ingest([manifest]).articles
    assert a.id == "7"


@pytest.mark.parametrize("field", ["outlet", "title", "published", "url", "id"])
def test_through_analyze_a_wrong_type_never_stops_the_batch(tmp_path, field):
    from helpers.blank import blank_nlp

    from storyline import api

    manifest = tmp_path / "m.jsonl"
    manifest.write_text(lines({"id": "g1", "text": BODY}, {"id": "bad", "text": "Other. " + BODY, field: {"a": [1]}},
                              {"id": "g2", "text": "Third. " + BODY}), "utf-8")  # fmt: skip
    with api.open_store(tmp_path / "s.db") as store:
        summary = api.analyze([manifest], store, nlp=blank_nlp())
        assert sorted(a.id for a in store.articles()) == ["g1", "g2"]
    assert [r.input for r in summary.rejected] == [f"{manifest}:2"]
    assert "internal error" not in summary.rejected[0].reason


def test_symlinked_manifest_folder_is_its_own_root(tmp_path):
    """A manifest reached through a symlinked folder confines to the folder it really is in."""
    real = tmp_path / "real"
    real.mkdir()
    (real / "body.txt").write_text(BODY, "utf-8")
    (real / "m.jsonl").write_text(lines({"id": "g", "path": "body.txt"}), "utf-8")
    os.symlink(real, tmp_path / "alias", target_is_directory=True)
    result = ingest([tmp_path / "alias" / "m.jsonl"])
    assert [a.id for a in result.articles] == ["g"] and not result.rejected
