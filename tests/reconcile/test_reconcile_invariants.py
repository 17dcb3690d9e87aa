"""Invariants of reconcile on random (but seeded) messy readings: it never crashes and stays consistent."""

import pytest
from helpers.messy import random_corpus as _random_corpus

from storyline.reconcile import reconcile


@pytest.mark.parametrize("seed", range(25))
def test_reconcile_is_consistent_on_messy_input(seed):
    readings = _random_corpus(seed)
    story = reconcile(readings)
    article_entities = [e.id for r in readings for e in r.entities]
    members = [m for e in story.entities for m in e.members]
    assert sorted(members) == sorted(article_entities)  # every article entity in exactly one story entity
    claim_ids = {c.id for r in readings for c in r.claims}
    age_ids = {g.id for r in readings for g in r.ages}
    in_facts = [c for f in story.facts for c in f.claims]
    assert len(in_facts) == len(set(in_facts))  # a claim belongs to one fact
    assert claim_ids <= set(in_facts)
    assert set(in_facts) <= claim_ids | age_ids
    facts = {f.id: f for f in story.facts}
    for c in story.conflicts:
        assert c.fact in facts and set(c.claims) <= claim_ids | age_ids and c.reason
    for f in story.facts:
        kinds = {c.kind for c in story.conflicts if c.fact == f.id}
        expected = ("contradicted" if kinds - {"polarity"} else "contested" if kinds
                    else "corroborated" if f.independent_sources >= 2 else "single_source")
        assert f.status == expected
    for e in story.echoes:
        assert e.claim in claim_ids and e.original != e.claim and (e.original is None or e.original in claim_ids)
    starts = [(t.start, t.end) for t in story.timeline]
    assert starts == sorted(starts) and all(t.fact in facts for t in story.timeline)
    assert reconcile(list(reversed(readings))) == story


@pytest.mark.slow  # starts Python processes: seconds each
def test_story_does_not_depend_on_the_hash_seed():
    # Token sets iterate in hash order; nothing in the result may follow it.
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = (
        "import sys; sys.path[:0] = [%r, %r]\n"
        "from helpers.messy import random_corpus as _random_corpus\n"
        "from storyline.reconcile import reconcile\n"
        "import hashlib\n"
        "print(hashlib.sha256(repr([reconcile(_random_corpus(s)) for s in range(8)]).encode()).hexdigest())\n"
    ) % (str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1]))
    outs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outs.add(subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True).stdout)
    assert len(outs) == 1
