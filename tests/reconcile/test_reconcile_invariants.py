"""Invariants of reconcile on random (but seeded) messy readings: it never crashes and stays consistent."""

import random

import pytest
from helpers.builders import ArticleBuilder

from storyline.reconcile import reconcile

PEOPLE = ["Mara Quinn", "Theo Vance", "Ali Reyes", "Mara Ellison", "Quinn", "Mara", "the singer", "Ben Vance"]
CLASSES = ["marriage", "separation", "meeting", "affair", "children", "age", "residence", "feeling", "statement",
           "appearance", "denial", None]
KINDS = ["named_person", "anonymous", "outlet", "other_media", "social_media", "document", "observation", "rumor",
         "unattributed"]
TEXTS = ["{a} married {b} in {d}", "{a} and {b} split in {d}", "{a} denied the affair with {b}",
         "{a} has two children", "{a} has three kids", "{a} is 42", "{a} lives in Lisbon in {d}",
         "{a} marked a 10th wedding anniversary on {d}", "{a} left after 11 years of marriage in {d}",
         "{a} was seen with {b} in {d}", "the reports about {a} are false", "{a} and {b} first met on the {d} set of Dawn"]
DATES = ["2012", "2011", "August 2023", "2023-08-04", "June 2010"]
VALUES = {"2012": "2012", "2011": "2011", "August 2023": "2023-08", "2023-08-04": "2023-08-04", "June 2010": "2010-06"}
OUTLETS = ["Daily Lumen", "Star Ledger", "Pop Wire", None]


def _random_corpus(seed: int):
    rng = random.Random(seed)
    out = []
    for i in range(rng.randint(1, 6)):
        b = ArticleBuilder(f"r{seed}-{i}", rng.choice(OUTLETS), rng.choice(["2024-01-17", "2023-08-16", None, "2024-02-01T10:00:00"]))
        ents = [b.person(n, aliases=tuple(rng.sample(PEOPLE, 2))) for n in rng.sample(PEOPLE, 3)]
        b.entity("Lisbon", "GPE")
        if rng.random() < 0.5:
            b.group("the pair", ents[:2])
        for _ in range(rng.randint(0, 8)):
            d = rng.choice(DATES)
            text = rng.choice(TEXTS).format(a="Quinn", b="Vance", d=d)
            when = VALUES[d] if d in text and rng.random() < 0.8 else None
            b.claim(text, subject=rng.choice(ents + [None]), object=rng.choice(ents + [None, "the reports"]),
                    pclass=rng.choice(CLASSES), when=when, when_text=d if when else None, kind=rng.choice(KINDS),
                    source_text=rng.choice(["a source", "Daily Lumen", "Vance", None]), via=rng.choice([None, "Pop Wire", "the magazine"]),
                    key=rng.choice(["anonymous:1", "anonymous:2", None]), polarity=rng.choice(["positive", "negative"]),
                    quote=rng.choice(["direct", "indirect", "none"]))
        for e in ents[:2]:
            if rng.random() < 0.5:
                b.age(e, rng.randint(40, 45), f"Quinn, {rng.randint(40, 45)}, smiled.")
        out.append(b.build())
    return out


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
        "from test_reconcile_invariants import _random_corpus\n"
        "from storyline.reconcile import reconcile\n"
        "import hashlib\n"
        "print(hashlib.sha256(repr([reconcile(_random_corpus(s)) for s in range(8)]).encode()).hexdigest())\n"
    ) % (str(Path(__file__).resolve().parent), str(Path(__file__).resolve().parents[1]))
    outs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outs.add(subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True).stdout)
    assert len(outs) == 1
