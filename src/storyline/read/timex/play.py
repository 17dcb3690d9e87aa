"""A game's quarters and halves are periods of play, not of the calendar.

"threw two touchdowns in the fourth quarter" names no calendar quarter: TIMEX3 values place
expressions on the calendar or the clock, and a period of play has no place there until the game
is dated (TimeBank and MEANTIME hold no such case; TimeML has no value for one). It is told from
the words around it, in the sentence, the one before and the one after: two of a game, a sport,
an athlete or a score (WordNet, ``words.is_play_noun``: "quarterback", "touchdown"), or one and a
verb of competition ("won", "scored", "beat": WordNet verb.competition), or else an article that
is a game's report (three kinds of such nouns, more of them than of money). And no money near (a
currency sign, a noun of possession such as "revenue", "earnings", "budget", or a monetary value
such as "price": ``words.is_money_noun``): "the team's revenue rose $5 million in the fourth
quarter" is a business quarter even beside a playoff game.
"""

from __future__ import annotations

import re

from storyline.core.units import CURRENCY_SIGNS
from storyline.core.words import is_money_noun, is_play_noun, lemmatize, verb_class
from storyline.read.timex.context import Context

__all__ = ["period_of_play"]

_SENT_END = re.compile(r"[.!?][\"”’')\]]*\s|\n")
_WORD = re.compile(r"[A-Za-z]+")
_CURRENCY = re.compile("[" + re.escape("".join(CURRENCY_SIGNS)) + "]")
_OF_THE_YEAR = re.compile(r"\s+of\s+(?:the|this|that|its|their)\s+(?:fiscal\s+|financial\s+|calendar\s+)?year\b", re.IGNORECASE)
_REACH = 400  # characters searched for the sentences either side
_GAME_REPORT_KINDS = 3


def period_of_play(ctx: Context, start: int, end: int) -> bool:
    """Whether the quarter or half at ``start:end`` is a game's period of play."""
    if _OF_THE_YEAR.match(ctx.text, end):
        return False  # "signed in the first quarter of the year": the pattern leaves the year out of the span
    lo, hi = _around(ctx.text, start, end)
    if _CURRENCY.search(ctx.text, lo, hi):
        return False
    nouns, verbs, money_nouns = _words(ctx, lo, hi, start, end)
    if any(is_money_noun(n) for n in money_nouns):
        return False
    play = {n for n in nouns if is_play_noun(n)}
    if len(play) >= 2 or (play and any(verb_class(v) == "verb.competition" for v in verbs)):
        return True
    if ctx.game_report is None:
        ctx.game_report = _tells_of_a_game(ctx)
    return ctx.game_report


def _tells_of_a_game(ctx: Context) -> bool:
    """Whether the article as a whole is a game's report: it names more things of play than of
    money, and at least three different ones ("quarterback", "touchdown", "game")."""
    nouns, _, money_nouns = _words(ctx, 0, len(ctx.text), 0, 0)
    play = [n for n in nouns if is_play_noun(n)]
    return len(set(play)) >= _GAME_REPORT_KINDS and len(play) > sum(is_money_noun(n) for n in money_nouns)


def _around(text: str, start: int, end: int) -> tuple[int, int]:
    """From the start of the sentence before the one holding ``start:end`` to the end of the one after."""
    floor = max(0, start - _REACH)
    cuts = [m.end() for m in _SENT_END.finditer(text, floor, start)]
    lo = cuts[-2] if len(cuts) >= 2 else floor
    ends = [m.end() for m in _SENT_END.finditer(text, end, min(len(text), end + _REACH))]
    hi = ends[1] if len(ends) >= 2 else min(len(text), end + _REACH)
    return lo, hi


def _words(ctx: Context, lo: int, hi: int, start: int, end: int) -> tuple[list[str], list[str], list[str]]:
    """(nouns, verbs, nouns that may speak of money) between ``lo`` and ``hi``, the expression left
    out: from the parse when there is one, else every word WordNet knows as a noun or as a verb,
    and as money only a word that is no verb ("take", "cut", "found" are verbs as often)."""
    doc = ctx.tense.doc
    if doc is not None and doc.has_annotation("POS"):
        span = doc.char_span(lo, hi, alignment_mode="expand")
        if span is not None:
            nouns = [t.lower_ for t in span if t.pos_ == "NOUN" and not start <= t.idx < end]
            verbs = [t.lemma_.lower() for t in span if t.pos_ == "VERB"]
            return nouns, verbs, nouns
    words = [m.group().lower() for m in _WORD.finditer(ctx.text, lo, hi) if not start <= m.start() < end]
    nouns = [w for w in words if lemmatize(w, "n")]
    verbs = [w for w in words if lemmatize(w, "v")]
    return nouns, verbs, [w for w in nouns if not lemmatize(w, "v")]
