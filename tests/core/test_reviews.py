"""How a review finds its fact again (storyline.core.reviews), on hand-built facts."""

from __future__ import annotations

import dataclasses

import pytest

from storyline.core.errors import ConfigError
from storyline.core.records import Fact
from storyline.core.reviews import attach, new_review


def fact(fid: str, *claims: str, statement_claim: str | None = None) -> Fact:
    return Fact(fid, f"statement of {fid}", None, claims, ("a1",), ("Wire",), 1, "single_source", "outlet", None,
                statement_claim=statement_claim or claims[0])


def review(f: Fact, at: str, verdict: str = "verified", who: str = "ana"):
    return new_review("s-1", f, verdict, f"note {at}", who, f"2026-12-06T{at}:00.000000+00:00")


def test_a_review_is_anchored_on_the_claims_its_fact_rests_on() -> None:
    f = fact("f-1", "c1", "c2")
    r = review(f, "10:00")
    assert (r.fact, r.anchor, r.statement, r.story) == ("f-1", ("c1", "c2"), "statement of f-1", "s-1")
    assert r.id != review(f, "10:01").id


def test_the_same_fact_keeps_its_review_and_the_latest_decision_wins() -> None:
    f = fact("f-1", "c1", "c2")
    early, late = review(f, "10:00", "needs_work"), review(f, "11:00", "verified", "ben")
    got = attach([late, early], [fact("f-0", "c9"), f])
    assert list(got.by_fact) == ["f-1"] and got.orphaned == ()
    assert got.by_fact["f-1"].latest == late and got.by_fact["f-1"].history == (early, late)
    assert not got.by_fact["f-1"].moved


def test_a_fact_that_gained_claims_keeps_the_review_under_its_new_id() -> None:
    r = review(fact("f-1", "c1", "c2"), "10:00")
    grown = fact("f-2", "c1", "c2", "c3")  # an added article's claim joined it: a new id
    got = attach([r], [fact("f-9", "c7"), grown])
    assert got.by_fact["f-2"].latest == r and got.by_fact["f-2"].moved


def test_a_split_fact_keeps_the_review_on_the_part_holding_most_of_its_claims() -> None:
    r = review(fact("f-1", "c1", "c2", "c3"), "10:00")
    got = attach([r], [fact("f-a", "c1", "c8"), fact("f-b", "c2", "c3")])
    assert list(got.by_fact) == ["f-b"]


def test_a_tie_goes_to_the_fact_whose_statement_is_written_from_an_anchor_claim_then_to_the_first() -> None:
    r = review(fact("f-1", "c1", "c2"), "10:00")
    got = attach([r], [fact("f-a", "c8", "c1", statement_claim="c8"), fact("f-b", "c2", "c9", statement_claim="c2")])
    assert list(got.by_fact) == ["f-b"]
    got = attach([r], [fact("f-a", "c1", "c8", statement_claim="c1"), fact("f-b", "c2", "c9", statement_claim="c2")])
    assert list(got.by_fact) == ["f-a"]


def test_a_review_whose_claims_are_in_no_fact_is_kept_as_orphaned() -> None:
    gone = review(fact("f-1", "c1"), "10:00")
    kept = review(fact("f-2", "c2"), "09:00")
    got = attach([gone, kept], [fact("f-2", "c2")])
    assert got.orphaned == (gone,) and list(got.by_fact) == ["f-2"]


@pytest.mark.parametrize(("verdict", "who", "note", "message"), [
    ("right", "ana", "", "is not a verdict"),
    ("verified", "  ", "", "needs its reviewer"),
    ("false", "ana", "x" * 10_001, "characters long"),
])
def test_a_bad_review_is_refused_with_the_fix(verdict: str, who: str, note: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        new_review("s-1", fact("f-1", "c1"), verdict, note, who, "2026-12-06T10:00:00+00:00")


def test_notes_and_reviewers_are_kept_as_given_but_trimmed() -> None:
    r = new_review("s-1", fact("f-1", "c1"), "needs_work", "  check <b>the</b> date \n", " ana ", "t")
    assert (r.note, r.reviewer) == ("check <b>the</b> date", "ana")
    assert dataclasses.replace(r, note="x") != r
