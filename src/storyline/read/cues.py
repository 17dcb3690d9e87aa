"""The names of the wording cues the read stage records on a claim (:attr:`Claim.cues`).

One home for them: the reader that finds a cue and the reconcile code that consults it both name
it from here, and ``tests/read/test_cues.py`` checks that every name is documented.
"""

from __future__ import annotations

__all__ = ["CLAIM_CUES"]

#: Cue name -> what it means. The read stage adds a cue to ``Claim.cues`` when the claim's words say so.
CLAIM_CUES: dict[str, str] = {
    # Set from the enabled domain packs' word lists (storyline.read.claims_pack); <class> is a pack class.
    "about:<class>": "the claim's words name the pack class as a denial would ('denied the affair'); "
                     "in the pack's class order, so the first is what a denial denies",
    "class:<class>": "the claim's words put it in that pack class whatever its predicate's class "
                     "('living apart' is a separation, 'romantically involved' an affair)",
}
