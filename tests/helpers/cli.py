"""Running the real CLI in-process (Typer's CliRunner) with the stub pipeline (no tests here)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from helpers.fakes import stub_pipeline
from storyline.cli import app

# Wide enough that rich does not wrap a message on stderr (one message a line).
runner = CliRunner(env={"COLUMNS": "1000"})


def run(*args: str, code: int = 0, input: bytes | None = None):
    """``storyline ARGS``; fails the test unless it exits with ``code``."""
    result = runner.invoke(app, list(args), input=input, catch_exceptions=False)
    assert result.exit_code == code, result.output + result.stderr
    return result


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> str:
    """A stub pipeline directory for ``--model`` (blank English and a sentencizer)."""
    return str(stub_pipeline(tmp_path_factory.mktemp("stub") / "pipeline"))
