"""eval/ecbplus.py's system cluster of a gold person mention (``person_cluster``): each sub-topic is
reconciled as its own story, and a story entity's id hashes its type and name, so two stories'
"the police" share an id; the gold is scoped by sub-topic, and so must the system's clusters be."""

from __future__ import annotations

import sys
from types import SimpleNamespace

from helpers.paths import EVAL_DIR

sys.path.insert(0, str(EVAL_DIR))

from ecbplus import person_cluster  # noqa: E402


def test_one_story_entity_id_in_two_sub_topics_is_two_clusters():
    # Found in 2026-12-07's run: "the police" of ten sub-topics scored as one system cluster.
    police_a, police_b = SimpleNamespace(entity="ae-1"), SimpleNamespace(entity="ae-2")
    story_of = {"ae-1": "E-police", "ae-2": "E-police"}
    a = person_cluster("19ecb", police_a, story_of, ("19_1ecb.xml", "3"))
    b = person_cluster("35ecb", police_b, story_of, ("35_2ecb.xml", "7"))
    assert a != b
    # Within one sub-topic the story entity is the cluster.
    assert person_cluster("19ecb", police_a, story_of, ("19_1ecb.xml", "3")) == \
        person_cluster("19ecb", police_b, story_of, ("19_2ecb.xml", "5"))


def test_a_mention_on_no_storyline_mention_is_alone():
    assert person_cluster("19ecb", None, {}, ("19_1ecb.xml", "3")) != person_cluster("19ecb", None, {}, ("19_1ecb.xml", "4"))
