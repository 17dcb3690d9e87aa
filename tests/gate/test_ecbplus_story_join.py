"""eval/ecbplus.py's join of an off-predicate gold mention by what storyline records
(``word_events``, ``story_join``), on hand-built claims: a word inside a claim names the event the
story's eventive claims tell in that word (else its WordNet event key); a reporting cue groups
with its source's other cues in the same verb."""

from __future__ import annotations

import sys
from types import SimpleNamespace as NS

from helpers.paths import EVAL_DIR

sys.path.insert(0, str(EVAL_DIR))

from ecbplus import story_join, word_events  # noqa: E402

from storyline.core import words  # noqa: E402


def _claim(cid, predicate, eventive=True, key=None, cue=None, entity=None, start=0, sentence=(0, 100)):
    source = NS(cue=cue, entity=entity, text=None, kind="named", start=start)
    return NS(id=cid, predicate=predicate, eventive=eventive, event_key=key, source=source, start=start,
              sentence_start=sentence[0], sentence_end=sentence[1])


def _mention(start, text):
    return NS(tokens=[NS(start=start, end=start + len(text), text=text)])


CLAIMS = [_claim("c1", "die", key=words.event_key("die", "v")), _claim("c2", "die"), _claim("c3", "be", eventive=False),
          _claim("c4", "host")]
FACT_OF = {"c1": "f1", "c2": "f2", "c3": "f3", "c4": "f4"}
EVENT_OF = {"f1": "E1", "f2": "E1", "f3": "E3", "f4": "E4"}


def test_words_name_the_events_most_of_their_claims_are_in():
    named = word_events(CLAIMS, FACT_OF, EVENT_OF)
    assert named[("word", "die")] == "E1"
    assert ("word", "be") not in named  # no eventive claim tells it
    reading = NS(claims=tuple(CLAIMS))
    join = story_join(_mention(5, "host"), 0, "host", "NOUN", "in a claim", reading, named, {}, "s")
    assert join == "E4"
    # 'death' is no predicate here: WordNet gives it the verb's event key (die.v.01)
    assert story_join(_mention(5, "death"), 0, "death", "NOUN", "in a claim", reading, named, {}, "s") == "E1"
    assert story_join(_mention(5, "history"), 0, "history", "NOUN", "in a claim", reading, named, {}, "s") is None
    assert story_join(_mention(5, "host"), 0, "host", "NOUN", "on no claim", reading, named, {}, "s") is None


def test_a_cue_groups_by_its_source_and_verb():
    said = [_claim("q1", "kill", cue="said", entity="police-a1", start=40), _claim("q2", "flee", cue="told", entity="w-a1", start=10)]
    reading = NS(claims=tuple(said))
    story_of = {"police-a1": "POLICE"}
    join = story_join(_mention(46, "said"), 0, "say", "VERB", "reporting cue", reading, {}, story_of, "s")
    assert join == ("cue", "s", "POLICE", "say")
    # no attribution of the sentence has the word as its cue
    assert story_join(_mention(46, "announced"), 0, "announce", "VERB", "reporting cue", reading, {}, story_of, "s") is None
