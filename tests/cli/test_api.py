"""The library API: isolation of failures, idempotence, summaries, options.

These tests inject a small blank spaCy pipeline (no model) so they check the orchestration,
not the language analysis.
"""

from __future__ import annotations

import io

import pytest
from helpers.blank import blank_nlp, manifest

from storyline import api
from storyline.core.errors import ConfigError, ModelNotFound
from storyline.core.options import AnalysisOptions, load_options


@pytest.fixture
def store(tmp_path):
    with api.open_store(tmp_path / "t.db") as s:
        yield s


def test_one_failing_article_does_not_lose_its_batch(store):
    stdin = manifest("Mara Quinn left Lyon.", "BOOM goes this one.", "Julien Dufresne stayed home.")
    summary = api.analyze(["-"], store, AnalysisOptions(batch_size=8), stdin=stdin, nlp=blank_nlp())
    assert [a.id for a in store.articles()] == ["t0", "t2"]
    (rej,) = summary.rejected
    assert rej.input == "-:2" and "internal error" in rej.reason and "component failed on purpose" in rej.reason
    assert (summary.articles_new, summary.articles_failed) == (2, 1)


def test_rerun_reads_nothing_and_changed_text_replaces(store):
    nlp = blank_nlp()
    api.analyze(["-"], store, stdin=manifest("First text.", "Second text."), nlp=nlp)
    again = api.analyze(["-"], store, stdin=manifest("First text.", "Second text."), nlp=nlp)
    assert (again.articles_new, again.articles_unchanged, again.articles_total) == (0, 2, 2)
    changed = api.analyze(["-"], store, stdin=manifest("First text, corrected.", "Second text."), nlp=nlp)
    assert (changed.articles_new, changed.articles_unchanged, changed.articles_total) == (1, 1, 2)
    assert store.readings()[0].article.text == "First text, corrected."


def test_duplicate_ids_in_one_batch_keep_the_first(store):
    import json

    data = "\n".join(json.dumps({"id": "same", "text": t, "published": "2024-01-01"}) for t in ("One.", "Two.")) + "\n"
    summary = api.analyze(["-"], store, stdin=io.BytesIO(data.encode()), nlp=blank_nlp())
    assert [a.text for a in store.articles()] == ["One."]
    assert "duplicate article id 'same'" in summary.rejected[0].reason


def test_summary_counts_skips_and_undated(store):
    summary = api.analyze(["-", "/nonexistent/file.txt"], store, stdin=io.BytesIO(b"Undated text here."), nlp=blank_nlp())
    assert (summary.inputs, summary.articles_new, summary.articles_total) == (2, 1, 1)
    assert summary.undated == [store.articles()[0].id]
    (rej,) = summary.rejected
    assert rej.input == "/nonexistent/file.txt" and rej.error == "UnsupportedInput"


def test_progress_callback_sees_every_article(store):
    seen = []
    api.analyze(["-"], store, stdin=manifest("A.", "B.", "C."), nlp=blank_nlp(), progress=lambda *a: seen.append(a))
    assert ("read", 3, 3) in seen and ("reconcile", 1, 1) in seen


def test_unknown_model_names_the_fix():
    from storyline.read.pipeline import load_pipeline

    with pytest.raises(ModelNotFound, match="install the pipeline package 'no_such_pipeline'"):
        load_pipeline("no_such_pipeline")


def test_config_file_overrides_and_rejects_unknown_keys(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("[analysis]\nbatch_size = 4\n[reconcile]\nsimilarity_threshold = 0.5\n", "utf-8")
    opts = load_options(cfg)
    assert opts.batch_size == 4 and opts.reconcile.similarity_threshold == 0.5 and opts.max_file_mb == 20.0
    cfg.write_text("[analysis]\nbatchsize = 4\n", "utf-8")
    with pytest.raises(ConfigError, match="unknown option"):
        load_options(cfg)


def test_with_ignores_unset_flags():
    opts = AnalysisOptions().with_(model=None, outlet="Glitter")
    assert opts.outlet == "Glitter" and opts.model == ""


def _failing_on(store, bad_id: str):
    """Make ``store.put_reading`` raise a StoreError for the article ``bad_id``."""
    from storyline.core.errors import StoreError

    real = store.put_reading

    def put_reading(reading, story=None):
        if reading.article.id == bad_id:
            raise StoreError(f"cannot store article {bad_id!r}: disk full (test)")
        return real(reading, story)

    store.put_reading = put_reading


@pytest.mark.parametrize("batch_size", [1, 8])
def test_a_storing_error_surfaces_and_earlier_articles_stay_stored(store, batch_size):
    from storyline.core.errors import StoreError

    _failing_on(store, "t1")
    stdin = manifest("Mara Quinn left Lyon.", "Julien Dufresne stayed home.", "The label said nothing.", "Fans waited.")
    with pytest.raises(StoreError, match="disk full"):
        api.analyze(["-"], store, AnalysisOptions(batch_size=batch_size), stdin=stdin, nlp=blank_nlp())
    # Storing stops at the first failure, as if analyze had stopped there; nothing is half-stored.
    assert [a.id for a in store.articles()] == ["t0"]
    assert [r.article.id for r in store.readings()] == ["t0"]


def test_progress_is_reported_in_order_and_everything_is_stored_before_reconcile(store):
    seen = []

    def progress(stage, done, total):
        seen.append((stage, done, total, len(store.articles()) if stage == "reconcile" and done == 0 else None))

    api.analyze(["-"], store, stdin=manifest("A.", "B.", "C.", "D."), nlp=blank_nlp(), progress=progress)
    assert [s[:3] for s in seen if s[0] == "read"] == [("read", i, 4) for i in range(5)]
    assert ("reconcile", 0, 1, 4) in seen and seen[-1][:3] == ("reconcile", 1, 1)


def test_a_callback_taking_event_gets_the_current_input_words_and_timing(store):
    events: list[api.ProgressEvent] = []

    def progress(stage, done, total, *, event):
        assert (stage, done, total) == (event.stage, event.done, event.total)
        events.append(event)

    stdin = manifest("Mara Quinn left Lyon.", "BOOM goes this one.", "Julien Dufresne stayed home today.")
    summary = api.analyze(["-"], store, AnalysisOptions(batch_size=2), stdin=stdin, nlp=blank_nlp(), progress=progress)
    read = [e for e in events if e.stage == "read"]
    assert [e.done for e in read] == [0, 1, 2, 3] and {e.total for e in read} == {3}
    assert read[0].current == "" and read[0].words_total == 4 + 4 + 5 and read[0].rate is None
    assert {e.current for e in read[1:]} == {"-:1", "-:2", "-:3"}  # the failing article counts too
    last = read[-1]
    assert last.finished and last.words == 13 and last.eta == 0.0 and last.rate and last.words_rate
    assert [e.elapsed for e in read] == sorted(e.elapsed for e in read)
    rec = [e for e in events if e.stage == "reconcile"]
    assert [(e.done, e.total) for e in rec] == [(0, 1), (1, 1)] and rec[1].elapsed >= 0
    assert set(summary.timings) == {"ingest", "load", "read", "reconcile"} and summary.reconciled
    assert summary.seconds >= sum(summary.timings.values()) * 0.99


def test_a_callback_with_kwargs_gets_events_and_a_rerun_reports_no_reading(store):
    seen = []
    api.analyze(["-"], store, stdin=manifest("A.", "B."), nlp=blank_nlp(), progress=lambda *a, **kw: seen.append(kw["event"]))
    assert all(isinstance(e, api.ProgressEvent) for e in seen) and len(seen) == 3 + 2
    seen.clear()
    again = api.analyze(["-"], store, stdin=manifest("A.", "B."), nlp=blank_nlp(), progress=lambda *a, **kw: seen.append(kw))
    # The stored story covers the stored articles (its coverage), so nothing is read or reconciled.
    assert seen == [] and again.timings["read"] == 0.0 and not again.reconciled


def test_progress_event_eta_and_rates():
    event = api.ProgressEvent("read", 10, 40, "feed.xml:10", words=1_000, words_total=5_000, elapsed=5.0)
    assert (event.rate, event.words_rate, event.eta, event.finished) == (2.0, 200.0, 20.0, False)
    assert api.ProgressEvent("read", 10, 40, elapsed=5.0).eta == 15.0  # by articles when words are unknown
    assert api.ProgressEvent("read", 0, 40).eta is None and api.ProgressEvent("read", 0, 40).rate is None


def test_an_error_while_reading_keeps_what_was_queued_and_is_not_masked(store):
    def progress(stage, done, total):
        if stage == "read" and done == 2:
            raise KeyError("progress display failed")

    with pytest.raises(KeyError, match="progress display failed"):
        api.analyze(["-"], store, stdin=manifest("A.", "B.", "C."), nlp=blank_nlp(), progress=progress)
    assert [a.id for a in store.articles()] == ["t0", "t1"]


def test_any_store_with_the_protocol_will_do(store):
    from helpers.fakes import MemoryStore

    assert isinstance(store, api.Store)
    memory = MemoryStore()
    assert isinstance(memory, api.Store)
    summary = api.analyze(["-"], memory, stdin=manifest("Mara Quinn left Lyon.", "Julien Dufresne stayed home."), nlp=blank_nlp())
    assert summary.articles_new == 2 and [r.article.id for r in memory.readings()] == ["t0", "t1"]
    assert api.export(memory, "json")["schema"] == "storyline/1"
    assert api.render_report(memory).lstrip().lower().startswith("<!doctype html")
    again = api.analyze(["-"], memory, stdin=manifest("Mara Quinn left Lyon."), nlp=blank_nlp())
    assert (again.articles_new, again.articles_unchanged, again.articles_total) == (0, 1, 2)
