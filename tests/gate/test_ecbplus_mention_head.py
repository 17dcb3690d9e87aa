"""eval/ecbplus.py's head of a gold mention (``mention_head``) on small parsed Docs: the mention
token whose head lies outside the mention, or, when that is a preposition ('*on* suspicion',
'*under* investigation'), the word it governs inside the mention: the event is the noun, and both
the mapping onto claims and the same-lemma baseline key on the head."""

from __future__ import annotations

import sys

from helpers.docs import parsed_doc
from helpers.paths import EVAL_DIR

sys.path.insert(0, str(EVAL_DIR))

from ecbplus import mention_head  # noqa: E402

ARRESTED = parsed_doc("Williams/PROPN/NNP/nsubjpass/2 was/AUX/VBD/auxpass/2 arrested/VERB/VBN/ROOT/- "
                      "on/ADP/IN/prep/2 suspicion/NOUN/NN/pobj/3 of/ADP/IN/prep/4 drunken/ADJ/JJ/amod/7 "
                      "driving/NOUN/NN/pobj/5 ./PUNCT/./punct/2")


def test_the_token_governed_from_outside():
    assert mention_head(ARRESTED, [2]) == 0
    assert mention_head(ARRESTED, [6, 7]) == 1  # 'drunken driving': driving


def test_a_preposition_gives_way_to_its_object():
    assert mention_head(ARRESTED, [3, 4]) == 1  # 'on suspicion': suspicion


def test_a_preposition_alone_stays():
    assert mention_head(ARRESTED, [3]) == 0  # nothing else in the mention
