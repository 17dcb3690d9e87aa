"""eval/ecbplus.py's mapping of an off-predicate gold mention onto storyline's event references
(``referenced_event``, over storyline.reconcile.references): the reference on its head token gives
its event; a statement event is scoped to its story."""

from __future__ import annotations

import sys
from types import SimpleNamespace as NS

from helpers.paths import EVAL_DIR

sys.path.insert(0, str(EVAL_DIR))

from ecbplus import referenced_event  # noqa: E402

from storyline.reconcile.references import EventReference  # noqa: E402

REFS = [EventReference(5, 13, "shooting", "v-shoot", "event"), EventReference(40, 44, "said", "vs-police-say", "statement")]


def _mention(start, text):
    return NS(tokens=[NS(start=start, end=start + len(text), text=text)])


def test_a_mention_on_a_reference_takes_its_event():
    assert referenced_event(_mention(5, "shooting"), 0, REFS, "s1") == "v-shoot"
    assert referenced_event(_mention(20, "bank"), 0, REFS, "s1") is None  # no reference on its head


def test_a_statement_event_is_scoped_to_its_story():
    # the same source text and verb make the same id in two stories: the mapping keeps them apart
    assert referenced_event(_mention(40, "said"), 0, REFS, "s1") != referenced_event(_mention(40, "said"), 0, REFS, "s2")
