"""The ``spacy_factories`` entry points: spaCy finds every ``storyline_*`` component by name.

They live in the installed distribution's metadata, which ``make test`` refreshes whenever
pyproject.toml changes (an environment installed before they existed fails here: reinstall with
``pip install -e .``).
"""

from __future__ import annotations

import pytest

import importlib
import json
import subprocess
import sys
import tomllib
from importlib.metadata import entry_points

from helpers.paths import REPO

from storyline.read.pipeline import COMPONENTS, LINES

GROUP = "spacy_factories"


def _declared() -> dict[str, str]:
    with open(REPO / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["project"]["entry-points"][GROUP]


def test_pyproject_names_every_component_and_its_module():
    declared = _declared()
    assert sorted(declared) == sorted(name for name, _ in (LINES, *COMPONENTS))
    for name, module in (LINES, *COMPONENTS):
        mod, _, attr = declared[name].partition(":")
        assert mod == module
        assert callable(getattr(importlib.import_module(mod), attr))


def test_installed_distribution_has_the_entry_points():
    installed = {ep.name: ep.value for ep in entry_points(group=GROUP) if ep.name.startswith("storyline_")}
    missing = sorted(set(_declared()) - set(installed))
    assert not missing, f"the installed storyline lacks the {GROUP} entry points {missing}: run `pip install -e .` (make test does)"
    assert installed == _declared()


@pytest.mark.slow  # starts Python processes: seconds each
def test_spacy_finds_the_components_without_importing_storyline():
    """A script that only imports spaCy (spaCy itself imports the modules the entry points name)."""
    names = [name for name, _ in (LINES, *COMPONENTS)]
    code = (
        "import spacy\n"
        "nlp = spacy.blank('en')\n"
        f"for name in {names!r}:\n"
        "    nlp.add_pipe(name)\n"
        "doc = nlp('Mara Quinn, 42, said she left in March 2023.')\n"
        "print(nlp.pipe_names, len(doc._.sl_entities))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.dumps(names).replace('"', "'") in result.stdout
