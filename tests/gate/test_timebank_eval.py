"""eval/timebank.py's parts: the TempEval-3 scorer and the regex baseline on hand-built inputs, the
TimeBank/AQUAINT reader and split, and the floors storyline reaches there (``eval``: skipped when
the data is absent). The floors are those of the tagger's regex path (no spaCy parse), which is
what runs in seconds; the README's numbers come from the whole pipeline (``eval/timebank.py``)."""

from __future__ import annotations

import sys
from datetime import date

import pytest
from helpers.paths import EVAL_DIR

sys.path.insert(0, str(EVAL_DIR))

from tempeval3 import score_documents  # noqa: E402
from timebank_corpus import default_root, load_corpus, read_document, split  # noqa: E402
from timex_baseline import baseline_timexes  # noqa: E402
from timex_error_kinds import classify, group_errors  # noqa: E402

from storyline.read.timex import tag_timexes  # noqa: E402

# Measured 2026-12-07 (value F1, timeml convention, regex path): dev 0.814, held-back 0.806.
FLOORS = {"dev": 0.80, "heldback": 0.80}
BASELINE_MARGIN = 0.15  # storyline above the regex baseline on each part (measured: +0.19, +0.21)

needs_data = pytest.mark.skipif(
    not (default_root() / "TimeBank").is_dir(), reason=f"TimeBank/AQUAINT not found at {default_root()}"
)


def test_scorer_counts_strict_relaxed_and_value_as_tempeval3_defines_them():
    gold = [(0, 10, "DATE", "1998-01-08"), (20, 30, "DURATION", "P2W"), (40, 45, "DATE", "1997")]
    system = [(0, 10, "DATE", "1998-01-08"), (22, 30, "DURATION", "P3W"), (50, 55, "DATE", "1990")]
    s = score_documents([("d", " " * 60, gold, system)])
    assert (s["strict_p"], s["strict_r"]) == (1 / 3, 1 / 3)
    assert (s["relaxed_p"], s["relaxed_r"]) == (2 / 3, 2 / 3)
    assert s["value_accuracy"] == 0.5 and s["type_accuracy"] == 1.0
    assert s["value_f1"] == pytest.approx(s["relaxed_f1"] * 0.5)


def test_error_kinds_sort_errors_into_classes():
    """``eval/timebank.py --error-kinds``: one class per error, the first that fits."""
    assert classify(None, (0, 3, "DATE", "PRESENT_REF"), "now") == "REF word"
    assert classify((0, 10, "DATE", "1988", "a year ago"), (0, 10, "DATE", "1988-Q3"), "a year ago") == "quarter / fiscal"
    assert classify((0, 9, "DATE", "1989-WXX", "last week"), (0, 9, "DATE", "1989-W43"), "last week") == "week"
    assert classify((0, 7, "DATE", "2000-01-05", "Tuesday"), (0, 7, "DATE", "2000-01-12"), "Tuesday") == "weekday"
    assert classify((0, 5, "DATE", "196X", "1960s"), (0, 5, "DATE", "196"), "1960s") == "decade / century"
    assert classify((0, 4, "DATE", "1949-XX", "1949"), (0, 4, "DATE", "1949"), "1949") == "X placeholder"
    assert classify((0, 9, "DURATION", "P2W", "two weeks"), None, None) == "duration"
    grouped = group_errors([("d", "spurious", None, (0, 3, "DATE", "PRESENT_REF"), "now"),
                            ("d", "missed", (0, 3, "DATE", "PAST_REF", "recently"), None, None)])
    assert dict(grouped["counts"]["REF word"]) == {"extra": 1, "missed": 1}


def test_regex_baseline_reads_explicit_dates_weekdays_and_counts():
    text = "On Friday, March 3, 1998 he said two years of work ended in May 1997 and now in 1990."
    found = {text[a:b]: (t, v) for a, b, t, v in baseline_timexes(text, date(1998, 3, 5))}
    assert found == {
        "Friday": ("DATE", "1998-02-27"),
        "March 3, 1998": ("DATE", "1998-03-03"),
        "two years": ("DURATION", "P2Y"),
        "May 1997": ("DATE", "1997-05"),
        "now": ("DATE", "PRESENT_REF"),
        "1990": ("DATE", "1990"),
    }


def test_reader_keeps_text_offsets_and_the_dct(tmp_path):
    tml = tmp_path / "x.tml"
    tml.write_text(
        '<?xml version="1.0" ?>\n<TimeML><DOCID>x</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
        'functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT><TEXT>\nProfit &amp; sales <EVENT eid="e1">rose'
        '</EVENT> <TIMEX3 tid="t1" type="DATE" value="1997-Q4">in the fourth quarter</TIMEX3>.\n</TEXT></TimeML>',
        encoding="utf-8",
    )
    doc = read_document(tml, "TimeBank")
    assert doc.dct == date(1998, 1, 8)
    assert doc.text == "\nProfit & sales rose in the fourth quarter.\n"
    (g,) = doc.gold
    assert doc.text[g.start : g.end] == g.text == "in the fourth quarter" and g.value == "1997-Q4"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.mark.eval
@needs_data
def test_corpus_has_183_timebank_and_73_aquaint_documents_split_two_to_one(corpus):
    assert [sum(d.corpus == c for d in corpus) for c in ("TimeBank", "AQUAINT")] == [183, 73]
    assert all(d.dct is not None for d in corpus)
    assert all(d.text[g.start : g.end] == g.text for d in corpus for g in d.gold)
    dev, held = split(corpus, "dev"), split(corpus, "heldback")
    assert (len(dev), len(held)) == (171, 85) and not {d.doc_id for d in dev} & {d.doc_id for d in held}


@pytest.mark.eval
@needs_data
@pytest.mark.parametrize("part", ["dev", "heldback"])
def test_value_f1_floor_and_margin_over_the_baseline(corpus, part):
    docs = split(corpus, part)

    def scores(tagger):
        return score_documents((d.doc_id, d.text, [(g.start, g.end, g.type, g.value) for g in d.gold], tagger(d))
                               for d in docs)

    ours = scores(lambda d: [(t.start, t.end, t.type, t.value) for t in tag_timexes(d.text, d.dct, convention="timeml")])
    base = scores(lambda d: baseline_timexes(d.text, d.dct))
    assert ours["value_f1"] >= FLOORS[part], ours
    assert ours["value_f1"] >= base["value_f1"] + BASELINE_MARGIN, (ours["value_f1"], base["value_f1"])
