"""Narration that rests on something other than a speaker: observations and rumor.

A sentence that no speaker carries is typed ``observation`` when it reports what was seen
("were seen kissing", "her ring finger was bare", "appeared to be in a new relationship era") and
``rumor`` when a carrier-less hedge holds it up ("Millepied reportedly left ..."). Rumor wins
over observation: "was reportedly seen" is a rumor of a sighting.
"""

from __future__ import annotations

from .context import Ctx
from .speech import Candidate, _trim, segments

__all__ = ["narration_candidates"]

_BE = frozenset({"was", "were", "been", "being", "is", "are", "be", "got", "gets", "get", "getting"})


def _phrase_at(lowers: list[str], i: int, hi: int, phrases) -> int:
    first = lowers[i]
    for p in phrases:
        n = len(p)
        if p[0] == first and i + n <= hi and tuple(lowers[i : i + n]) == p:
            return n
    return 0


def narration_candidates(ctx: Ctx, covered: list[bool]) -> list[Candidate]:
    """Observation and rumor attributions for sentences no other attribution touches."""
    doc, lex = ctx.doc, ctx.lex
    lowers = [t.lower_ for t in doc]
    rumor_first = {p[0] for p in lex.rumor_phrases}
    observed_first = {p[0] for p in lex.observation_phrases}
    out = []
    for lo, hi in segments(ctx):
        if any(covered[k] for k in range(lo, hi)):
            continue
        rumor = observed = None
        for i in range(lo, hi):
            if ctx.quote_of[i] >= 0:
                continue
            low = lowers[i]
            if low not in lex.rumor_adverbs and low not in rumor_first and low not in observed_first and low not in lex.perception_verbs:
                continue
            t = doc[i]
            if rumor is None:
                if low in lex.rumor_adverbs:
                    rumor = (i, i + 1)
                elif low in rumor_first:
                    n = _phrase_at(lowers, i, hi, lex.rumor_phrases)
                    if n:
                        rumor = (i, i + n)
            if observed is None:
                if t.lower_ in lex.perception_verbs and t.tag_ in ("VBN", "") and i > lo:
                    b = next((j for j in range(i - 1, max(lo, i - 3) - 1, -1) if doc[j].lower_ in _BE), None)
                    if b is not None:
                        observed = (b, i + 1)
                if observed is None and low in observed_first:
                    n = _phrase_at(lowers, i, hi, lex.observation_phrases)
                    if n:
                        observed = (i, i + n)
        hit, kind = (rumor, "rumor") if rumor else (observed, "observation")
        if hit is None:
            continue
        start = lo
        while start < hi and (doc[start].is_space or doc[start].is_punct):
            start += 1
        if start >= hi:
            continue
        end = doc[hi - 1].idx + len(doc[hi - 1].text)
        content = _trim(ctx.text, doc[start].idx, end)
        content = (content[0], content[1] - 1) if ctx.text[content[1] - 1] in ".!?" else content
        out.append(Candidate(content, "none", hit, None, None, kind_hint=kind, paragraph=ctx.para_of[start]))
    return out
