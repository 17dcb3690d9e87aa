"""The scorer of eval/semeval2015_timeline.py on textbook cases; floors of it and of
eval/meantime_crossdoc.py on the real data (marked eval, skipped when ../shared/eval-data is absent).
The coreference metrics both crossdoc scripts use are tested in test_coref_metrics.py."""

import sys

import pytest
from helpers.paths import EVAL_DIR

EVAL = EVAL_DIR
sys.path.insert(0, str(EVAL))

import meantime_crossdoc as mc  # noqa: E402
import semeval2015_timeline as st  # noqa: E402

from storyline.evaluation.coref_metrics import clusters_from, score  # noqa: E402
from storyline.reconcile.cast import build_cast  # noqa: E402

GOLD = [(0, "XXXX-XX-XX", ["1-2-said"]), (1, "2008-XX-XX", ["1-3-won", "2-4-wins"]), (2, "2008-03-01", ["1-5-sold"]),
        (3, "2009-XX-XX", ["2-6-deliver"])]


def test_awareness_perfect_empty_and_reversed():
    assert st.prf([st.awareness(GOLD, GOLD)]) == (1.0, 1.0, 1.0)
    assert st.prf([st.awareness(GOLD, [])])[2] == 0.0
    reversed_tl = [(0 if p == 0 else 10 - p, d, e) for p, d, e in GOLD]
    f_rev = st.prf([st.awareness(GOLD, reversed_tl)])[2]
    assert 0 < f_rev < 1


def test_awareness_credits_implied_relations():
    # The system splits a coreferent line but keeps both at the same position: still all correct.
    system = [(0, "XXXX-XX-XX", ["1-2-said"]), (1, "2008-XX-XX", ["1-3-won"]), (1, "2008-XX-XX", ["2-4-wins"]),
              (2, "2008-03-01", ["1-5-sold"]), (3, "2009-XX-XX", ["2-6-deliver"])]
    p, r, f = st.prf([st.awareness(GOLD, system)])
    assert p == pytest.approx(1.0) and r == pytest.approx(1.0)


def test_task_dates():
    assert st._task_date("2008-03") == "2008-03-XX"
    assert st._task_date("2008") == "2008-XX-XX"
    assert st._task_date("2008-03-01") == "2008-03-01"
    assert st._task_date("PAST_REF") == "XXXX-XX-XX"
    assert sorted(["2007-02-28", "2007-XX-XX"], key=st._date_key) == ["2007-XX-XX", "2007-02-28"]


MEANTIME = EVAL.parents[1] / "shared" / "eval-data" / "meantime_en"


@pytest.mark.eval
@pytest.mark.skipif(not MEANTIME.exists(), reason="MEANTIME data absent")
def test_meantime_crossdoc_floor():
    from meantime_corpus import load_corpus

    gold, ours, same = {}, {}, {}
    for topic in ("airbus", "apple", "gm", "stock"):
        readings, g, owner = mc._readings(load_corpus(None, variant="intra_cross-doc_annotation", topics=[topic]))
        cast = build_cast(readings)
        names = {e.id: (e.type, e.name.lower()) for r in readings for e in r.entities}
        gold.update(g)
        for m, eid in owner.items():
            ours[m] = cast.of[eid]
            same[m] = (topic, *names[eid])
    key = clusters_from(gold)
    conll = score(key, clusters_from(ours))["CoNLL"][2]
    assert conll >= 0.86  # measured 0.877
    assert conll > score(key, clusters_from(same))["CoNLL"][2]


SEMEVAL = st.default_root()


@pytest.mark.eval
@pytest.mark.model
@pytest.mark.skipif(not SEMEVAL.exists(), reason="SemEval-2015 Task 4 data absent")
def test_semeval_timeline_floor(capsys):
    st.main([])
    total = [line for line in capsys.readouterr().out.splitlines() if line.startswith("total:")][0]
    f1 = float(total.split("F1 ")[1].split()[0])
    assert f1 >= 10.0  # measured 11.87 with this scorer; the best 2015 track A system reported 7.85
