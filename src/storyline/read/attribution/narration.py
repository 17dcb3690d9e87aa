"""Narration that rests on something other than a speaker: observations and rumor.

A sentence that no speaker carries is typed ``observation`` when it reports what was seen
("were seen kissing", "her ring finger was bare", "appeared to be in a new relationship era") and
``rumor`` when a carrier-less hedge holds it up ("Millepied reportedly left ..."). Rumor wins
over observation: "was reportedly seen" is a rumor of a sighting.

Sentences are read clause by clause: a clause joined by ", and/but" with a subject of its own, or
after a colon, carries its own hint ("He reportedly rented a flat, and he was seen at a club": a
rumor, then an observation) and is left alone when a speaker carries only the other clause.
"""

from __future__ import annotations

from storyline.read.attribution.context import Ctx
from storyline.read.attribution.speech import Candidate, _trim, segments

__all__ = ["narration_candidates"]

_BE = frozenset({"was", "were", "been", "being", "is", "are", "be", "got", "gets", "get", "getting"})


_INSERTABLE = frozenset({"still", "already", "clearly", "completely", "totally", "again", "once", "conspicuously"})


def _phrase_at(lowers: list[str], i: int, hi: int, phrases) -> int:
    """Tokens matched by the longest phrase starting at ``i``; a degree or time adverb may sit
    inside it ('was still bare')."""
    first = lowers[i]
    for p in phrases:
        if p[0] != first:
            continue
        k, j = i, 0
        while k < hi and j < len(p):
            if lowers[k] == p[j]:
                j += 1
            elif not (j > 0 and lowers[k] in _INSERTABLE):
                break
            k += 1
        if j == len(p):
            return k - i
    return 0


_SUBJECT_POS = frozenset({"PRON", "PROPN", "DET", "NOUN"})


def _clauses(ctx: Ctx, lo: int, hi: int) -> list[tuple[int, int]]:
    """``lo:hi`` split before ', and <subject>' / ', but <subject>' and after a colon (outside quotes)."""
    doc, texts, lowers = ctx.doc, ctx.index.texts, ctx.index.lowers
    out, start = [], lo
    for k in range(lo + 1, hi - 2):
        if ctx.quote_of[k] >= 0:
            continue
        w = texts[k]
        if w == "," and lowers[k + 1] in ("and", "but") and ctx.pos(doc[k + 2]) in _SUBJECT_POS:
            out.append((start, k))
            start = k + 2
        elif w == ":" and k > start:
            out.append((start, k))
            start = k + 1
    out.append((start, hi))
    return out


def narration_candidates(ctx: Ctx, covered: list[bool]) -> list[Candidate]:
    """Observation and rumor attributions for sentences no other attribution touches."""
    doc, lex = ctx.doc, ctx.lex
    index = ctx.index
    texts, lowers = index.texts, index.lowers
    rumor_first = {p[0] for p in lex.rumor_phrases}
    observed_first = {p[0] for p in lex.observation_phrases}
    out = []
    for lo, hi in (c for seg in segments(ctx) for c in _clauses(ctx, *seg)):
        first = next((k for k in range(lo, hi) if covered[k]), None)
        if first is not None:
            # 'She was seen dining with him, sparking rumors of a romance': the clause before the
            # comma that opens the attributed part is read on its own
            comma = next((k for k in range(first - 1, lo, -1) if texts[k] == "," and ctx.quote_of[k] < 0), None)
            if comma is None:
                continue
            hi = comma
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
                    b = next((j for j in range(i - 1, max(lo, i - 3) - 1, -1) if lowers[j] in _BE), None)
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
        while start < hi and (index.space[start] or index.punct[start]):
            start += 1
        if start >= hi:
            continue
        content = _trim(ctx.text, index.tok_starts[start], index.char_bounds(hi - 1, hi)[1])
        content = (content[0], content[1] - 1) if ctx.text[content[1] - 1] in ".!?" else content
        out.append(Candidate(content, "none", hit, None, None, kind_hint=kind, paragraph=ctx.para_of[start]))
    return out
