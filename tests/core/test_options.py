"""Options: a --config file or a value built in code is either valid or a ConfigError that names
the key, what it expects and what it got; never a traceback, never silently ignored."""

from __future__ import annotations

import pytest

from storyline.core.errors import ConfigError
from storyline.core.options import AnalysisOptions, ReconcileOptions, load_options


def config(tmp_path, text: str):
    path = tmp_path / "c.toml"
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(
    ("toml", "words"),
    [
        ('[analysis]\nbatch_size = "abc"', ["analysis.batch_size", "an integer", "'abc'"]),
        ("[analysis]\nbatch_size = 2.5", ["batch_size", "an integer", "2.5"]),
        ("[analysis]\nbatch_size = true", ["batch_size", "an integer", "True"]),
        ("[analysis]\nbatch_size = -5", ["batch_size", "at least 1", "-5"]),
        ("[analysis]\nbatch_size = 0", ["batch_size", "at least 1", "0"]),
        ("[analysis]\nmax_file_mb = 0", ["max_file_mb", "greater than 0", "0"]),
        ("[analysis]\nmax_file_mb = inf", ["max_file_mb", "finite", "inf"]),
        ('[analysis]\nmax_file_mb = "20"', ["max_file_mb", "a number", "'20'"]),
        ("[analysis]\nmax_article_chars = 0", ["max_article_chars", "at least 1", "0"]),
        ("[analysis]\nmodel = 5", ["model", "a string", "5"]),
        ("[analysis]\noutlet = [1, 2]", ["outlet", "a string", "[1, 2]"]),
        ('[reconcile]\nsimilarity_threshold = "high"', ["reconcile.similarity_threshold", "a number", "'high'"]),
        ("[reconcile]\nsimilarity_threshold = 1.5", ["similarity_threshold", "at most 1", "1.5"]),
        ("[reconcile]\necho_similarity = nan", ["echo_similarity", "finite", "nan"]),
        ("[reconcile]\nechosimilarity = 0.5", ["echosimilarity", "section 'reconcile'", "did you mean echo_similarity"]),
        ("[analyis]\nbatch_size = 4", ["section 'analyis'", "did you mean 'analysis'", "'analysis', 'reconcile' and 'grouping'"]),
        ("batch_size = 4", ["batch_size", "outside a section", "in the analysis section"]),
        ('analysis = "fast"', ["section 'analysis'", "a table", "'fast'"]),
        ("[analysis]\nreconcile = 1", ["option(s) reconcile", "section 'analysis'", "batch_size"]),
        ("[analysis.deeper]\nx = 1", ["option(s) deeper", "section 'analysis'"]),
        ('[analysis]\npacks = "celebrity"', ["packs", "a list of strings", "'celebrity'", '["celebrity"]']),
        ("[analysis]\npacks = [1]", ["packs", "a list of strings", "[1]"]),
        ('[analysis]\npacks = ["celebrty"]', ["analysis.packs", "unknown domain pack", "'celebrty'", "did you mean 'celebrity'"]),
    ],
)
def test_bad_config_is_a_config_error_naming_key_expectation_and_value(tmp_path, toml, words):
    path = config(tmp_path, toml)
    with pytest.raises(ConfigError) as err:
        load_options(path)
    text = str(err.value)
    assert err.value.input == str(path)
    for w in words:
        assert w in text, (w, text)


def test_valid_config_overrides_and_ints_are_accepted_as_floats(tmp_path):
    opts = load_options(config(tmp_path, "[analysis]\nmax_file_mb = 5\nbatch_size = 4\n[reconcile]\nsimilarity_threshold = 1\n"))
    assert (opts.max_file_mb, opts.batch_size, opts.reconcile.similarity_threshold) == (5.0, 4, 1.0)
    assert isinstance(opts.max_file_mb, float) and isinstance(opts.reconcile.similarity_threshold, float)


def test_packs_are_a_list_of_bundled_pack_names_kept_as_a_tuple(tmp_path):
    assert AnalysisOptions().packs == ()
    opts = load_options(config(tmp_path, '[analysis]\npacks = ["celebrity"]\n'))
    assert opts.packs == ("celebrity",)
    assert AnalysisOptions(packs=["celebrity"]).packs == ("celebrity",)  # a list from code too
    with pytest.raises(ConfigError, match="unknown domain pack"):
        AnalysisOptions(packs=("sports",))


def test_defaults_load_and_are_valid():
    assert load_options() == AnalysisOptions()


@pytest.mark.parametrize(
    ("build", "words"),
    [
        (lambda: AnalysisOptions(batch_size=0), ["batch_size", "at least 1", "0"]),
        (lambda: AnalysisOptions().with_(max_file_mb=-1.0), ["max_file_mb", "greater than 0", "-1.0"]),
        (lambda: AnalysisOptions(max_article_chars="many"), ["max_article_chars", "an integer", "'many'"]),
        (lambda: ReconcileOptions(echo_similarity=-0.1), ["echo_similarity", "at least 0", "-0.1"]),
        (lambda: AnalysisOptions(reconcile={"similarity_threshold": 0.3}), ["reconcile", "ReconcileOptions"]),
    ],
)
def test_values_built_in_code_are_checked_too(build, words):
    with pytest.raises(ConfigError) as err:
        build()
    for w in words:
        assert w in str(err.value), (w, str(err.value))
