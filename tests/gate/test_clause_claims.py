"""The evaluation scores clause-level claims: a claim nested inside another of the same source is
left out (an event mention inside a clause is no attribution or narration clause of its own)."""

from __future__ import annotations

from storyline.core.records import Claim, Source
from storyline.evaluation.readings import clause_claims


def claim(cid: str, start: int, end: int, kind: str = "unattributed", key: str | None = None) -> Claim:
    return Claim(id=cid, article="a", start=start, end=end, text="x" * (end - start), subject=None, predicate="p",
                 predicate_class=None, object=None, when=None, polarity="positive", certainty="certain", hedges=(),
                 source=Source(kind, None, None, None, None, None, "none", None, key), sentence_start=0, sentence_end=99)


def test_nested_claims_of_the_same_source_are_left_out():
    outer, inner, other = claim("c1", 0, 40), claim("c2", 10, 20), claim("c3", 45, 60)
    quoted = claim("c4", 12, 18, "anonymous", "anonymous:1")  # inside, but another source's
    twin = claim("c5", 0, 40)  # the same span and source: the first is kept
    assert [c.id for c in clause_claims([inner, outer, other, quoted, twin])] == ["c1", "c3", "c4"]
