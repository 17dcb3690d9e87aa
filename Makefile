# The commands of the README: `make demo`, `make test` (and `make test-fast`). Each creates .venv when missing
# and installs storyline into it (editable, with the test extras), so a fresh clone needs only
# Python 3.11 and access to PyPI.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.storyline-installed
# Test workers (pytest-xdist): one per core, at most 4 (each worker loads its own spaCy model).
JOBS   ?= $(shell $(PYTHON) -c "import os; print(min(4, len(os.sched_getaffinity(0))))")

.PHONY: demo test test-fast install docs clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,postgres,serve]'
	touch $(STAMP)

install: $(STAMP)

# Analyze the bundled demo corpus and write storyline-demo/dossier.html.
demo: $(STAMP)
	$(BIN)/storyline demo --out storyline-demo

# Every test tier that works on a fresh machine (the postgres tier runs when
# STORYLINE_TEST_PG_URL points at a server; .ci/run starts one).
test: $(STAMP)
	$(BIN)/python -m pytest -q -n $(JOBS)

# The fast tier: no spaCy model, no slow end-to-end runs, no eval data, no PostgreSQL. The CLI
# is still tested, with a stub pipeline (tests/cli/test_cli_plumbing.py). The fuzz and browser tiers
# run in `make test`. 27 s on a 2-core machine from a clean clone with PYTHONDONTWRITEBYTECODE=1
# (2026-12-06, 1,388 tests: the workspace's, the stories' and the grouping's added 138 since 18-19 s).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -n $(JOBS) -m "not model and not slow and not eval and not postgres and not fuzz and not browser"

# Regenerate docs/export.schema.json and docs/schema.md from the records.
docs: $(STAMP)
	$(BIN)/python -m storyline.present.schema --write

clean:
	rm -rf $(VENV) storyline-demo .pytest_cache
