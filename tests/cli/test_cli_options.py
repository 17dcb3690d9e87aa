"""Bad options on the command line or in --config end in one clean message and exit status 2."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from storyline.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("flags", "toml", "words"),
    [
        (["--batch-size", "0"], None, ["batch_size", "at least 1"]),
        (["--max-file-mb", "0"], None, ["max_file_mb", "greater than 0"]),
        ([], '[analysis]\nbatch_size = "abc"\n', ["batch_size", "an integer", "'abc'"]),
        ([], "[analyis]\nbatch_size = 4\n", ["unknown section 'analyis'", "did you mean 'analysis'"]),
        ([], "[analysis\nbatch_size = 4\n", ["cannot read config"]),
    ],
)
def test_bad_options_exit_2_with_a_message_not_a_traceback(tmp_path, flags, toml, words):
    args = ["analyze", str(tmp_path / "none.txt"), "--db", str(tmp_path / "s.db"), *flags]
    if toml is not None:
        (tmp_path / "c.toml").write_text(toml, "utf-8")
        args += ["--config", str(tmp_path / "c.toml")]
    result = runner.invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 2, result.output
    assert "error:" in result.stderr and "Fix:" in result.stderr and "Traceback" not in result.stderr
    message = " ".join(result.stderr.split())  # rich wraps long lines
    for w in words:
        assert w in message, (w, message)
    assert not (tmp_path / "s.db").exists(), "nothing is opened or written on a bad option"
