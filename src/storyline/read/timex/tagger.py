"""``tag_timexes``: one scan of the text (see :mod:`.scan`), then normalisation of each candidate in text order.

Text order matters: an anaphoric expression ("a year later", "the following month") is resolved
against the last calendar date already found, which is also what its ``anchor`` ("t<i>") names.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Doc

from storyline.core.dates import DEFAULT_TIMEX_CONVENTION
from storyline.read.doc import TimexAnn
from storyline.read.timex.anchoring import TenseOracle
from storyline.read.timex.calendar import parse_value, shift
from storyline.read.timex.context import content_word_follows, timeml_units, whole_units
from storyline.read.timex.lexicon import APPROX_MODS, MONTHS, OPEN_END_MODS, PREFIX_MODS, WEEKDAYS
from storyline.read.timex.normalize import Context, Found, normalize
from storyline.read.timex.patterns import (
    APPROX_BEFORE,
    DAY_ANCHORED_BEFORE,
    LEFT_MODIFIER,
    OPEN_END_AFTER,
    RULE_REGEX,
)
from storyline.read.timex.scan import candidates

__all__ = ["tag_timexes"]

_LOOKBACK = 40  # longest left modifier ("the latter part of the", "no more than") fits in this
_NO_LEFT_MOD = frozenset({"the_unit", "decade", "duration", "offset", "set", "set_adv", "ref", "clock"})
_APPROX_RULES = frozenset({"duration", "offset"})
# rules whose quarter is the period a report is about (not a comparison with a year before)
_PERIOD_RULES = frozenset({"quarter", "the_period", "year_period"})
_PART_YEAR = frozenset({"P6M", "P9M"})  # a half or nine months reported on, not a quarter


def tag_timexes(
    text: str,
    published: date | None,
    *,
    doc: Doc | None = None,
    exclude: list[tuple[int, int]] | tuple = (),
    convention: str = DEFAULT_TIMEX_CONVENTION,
) -> list[TimexAnn]:
    """TIMEX3 annotations for ``text``, sorted by start.

    ``published`` completes partial and relative dates (None leaves them with X placeholders
    and no anchor). ``doc``, when given, supplies tense from the parse; without it, tense comes
    from cue words in the sentence. ``exclude`` lists character spans that are never tagged
    (titles of works such as "May December"). ``convention`` ("meantime" or "timeml", see
    :mod:`storyline.read.timex`) decides where MEANTIME's and TimeML's annotations differ.
    """
    if not text:
        return []
    ctx = Context(text=text, dct=published, tense=TenseOracle(text, doc), timeml=convention == "timeml")
    blocked = sorted(exclude)
    out: list[TimexAnn] = []
    ref_index: int | None = None
    last_end = 0
    for match in candidates(text):
        rule = match.lastgroup
        if rule is None:
            continue
        start, end = match.span()
        if blocked and _overlaps(blocked, start, end):
            continue
        sub = RULE_REGEX[rule].match(text, start)
        if sub is None or sub.end() != end:
            continue
        if _quoted_title(text, start, end):
            continue
        found = normalize(rule, sub, ctx)
        if found is None:
            continue
        _extend_left(found, rule, text, last_end, ctx.timeml)
        if ctx.timeml:
            _extend_right(found, text)
            _from_a_day(found, text, last_end)
            if found.type == "DURATION":
                found.value = timeml_units(whole_units(found.value))
        if blocked and _overlaps(blocked, found.start, found.end):
            continue
        anchor = found.anchor
        if anchor == "REF":
            anchor = f"t{ref_index}" if ref_index is not None else "DCT"
        out.append(
            TimexAnn(found.start, found.end, text[found.start : found.end], found.type, found.value, found.mod, anchor)
        )
        last_end = found.end
        if found.type in ("DATE", "TIME"):
            ctx.date_end = found.end
        if found.type in ("DATE", "TIME") and found.mod is None:
            point = parse_value(found.value)
            if point is not None:
                ctx.ref, ref_index = point, len(out) - 1
                if point.gran == "Q" and rule in _PERIOD_RULES and _is_over(point, ctx, found):
                    ctx.quarter, ctx.part_year = point, False  # a report is about a quarter that has ended
        elif found.type == "DURATION" and found.value in _PART_YEAR and text.startswith(("the ", "The "), found.start):
            # "for the nine months": comparisons now speak of that part of the year
            ctx.quarter, ctx.part_year = None, True
    out = _join_pairs(out, text, _weekday_and_date)
    return _join_pairs(out, text, _clock_and_date) if ctx.timeml else out


_OPENING_QUOTE = frozenset("\"“‘'`")
_CLOSING_QUOTE = re.compile(r"[,.!?]?[\"”’']")
_TITLE_WORDS = re.compile(r"[A-Z][\w’'-]*(?:[^\S\n]+[A-Z][\w’'-]*)+")


def _quoted_title(text: str, start: int, end: int) -> bool:
    """Whether ``start:end`` is a title in quotes: two words or more, each capitalised, with the
    quotes right around them (ABC News' "This Week," names a programme, "Last Summer" a film).
    Quoted speech capitalises its first word, and a month or weekday is capitalised anywhere, so
    only a later word capitalised by choice marks a title ('"Last Monday," he said' is speech)."""
    return (
        start > 0
        and text[start - 1] in _OPENING_QUOTE
        and _TITLE_WORDS.fullmatch(text, start, end) is not None
        and _CLOSING_QUOTE.match(text, end) is not None
        and any(w.lower() not in WEEKDAYS and w.lower() not in MONTHS for w in text[start:end].split()[1:])
    )


_CLOCK_DATE_GAP = re.compile(r"[^\S\n]*,?[^\S\n]+")
_WEEKDAY_DATE_GAP = re.compile(r",[^\S\n]+")
_DAY_VALUE = re.compile(r"\d{4}-\d\d-\d\d")


def _join_pairs(found: list[TimexAnn], text: str, join) -> list[TimexAnn]:
    """``found`` with each timex that ``join(prev, t, text)`` merges into the one before it taken in."""
    out: list[TimexAnn] = []
    for t in found:
        joined = join(out[-1], t, text) if out and _DAY_VALUE.fullmatch(t.value) else None
        if joined is None:
            out.append(t)
        else:
            out[-1] = joined
    return out


def _weekday_and_date(prev: TimexAnn, t: TimexAnn, text: str) -> TimexAnn | None:
    """ "this coming Sunday, March eighth" is one DATE, as "Saturday, April 25" is (the date rule
    takes a bare weekday before it; one with "this coming" is found apart), when both name the
    same day."""
    if (
        prev.type == t.type == "DATE"
        and prev.value == t.value
        and prev.text.split()[-1].lower() in WEEKDAYS
        and _WEEKDAY_DATE_GAP.fullmatch(text, prev.end, t.start)
    ):
        return TimexAnn(prev.start, t.end, text[prev.start : t.end], "DATE", t.value, prev.mod, prev.anchor)
    return None


def _clock_and_date(prev: TimexAnn, t: TimexAnn, text: str) -> TimexAnn | None:
    """TimeML: a clock time followed by the date it falls on is one TIME ("5 p.m. EST, Nov. 6" is
    1989-11-06T17:00); MEANTIME annotates the two apart."""
    if prev.type == "TIME" and t.type == "DATE" and "T" in prev.value and _CLOCK_DATE_GAP.fullmatch(text, prev.end, t.start):
        clock = prev.value[prev.value.index("T"):]
        return TimexAnn(prev.start, t.end, text[prev.start : t.end], "TIME", t.value + clock, None, t.anchor)
    return None


def _is_over(point, ctx: Context, found: Found) -> bool:
    """Whether ``point`` (a quarter) can be the one a report is about: over by publication, and not
    older than the one already in view ("after a flat second quarter" in a third-quarter report,
    "in the 1988 period" are comparisons). A quarter whose results are told in the past is over
    even when the calendar's is not: it is a fiscal one ("reported a decline in fourth-quarter
    earnings" in November; "sees weakness into the fourth quarter" is not told in the past). A
    "fiscal" quarter is a company's own period, so an older one starts another report ("posted net
    income for the fiscal second quarter" after a third-quarter report)."""
    if ctx.quarter is not None and point.day < ctx.quarter.day and "fiscal" not in ctx.text[found.start : found.end].lower():
        return False
    if ctx.dct is None or shift(point.day, "M", 3) <= ctx.dct:
        return True
    return point.day <= ctx.dct and ctx.tense.tense(found.start, found.end) == "past"


def _extend_right(found: Found, text: str) -> None:
    """TimeML: take in an open end written after the expression ("1994 or later", "the next year
    or so"), with the mod it gives."""
    m = OPEN_END_AFTER.match(text, found.end)
    if m and found.type in ("DATE", "DURATION"):
        found.end = m.end()
        found.mod = found.mod or OPEN_END_MODS[" ".join(m["open"].lower().split())]


def _from_a_day(found: Found, text: str, floor: int) -> None:
    """TimeML: "the week of March 6" is one DATE, the week that day falls in (2000-W10); "the day
    before last Tuesday" the day before it."""
    if found.type != "DATE" or found.mod or not _DAY_VALUE.fullmatch(found.value):
        return
    m = DAY_ANCHORED_BEFORE.search(text, max(floor, found.start - 16), found.start)
    point = parse_value(found.value) if m else None
    if point is None:
        return
    found.start = m.start()
    if m["ba"]:
        found.value = (point.day + timedelta(days=-1 if m["ba"].lower() == "before" else 1)).isoformat()
    else:
        found.value = point.value("W")


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _extend_left(found: Found, rule: str, text: str, floor: int, timeml: bool = False) -> None:
    """Take in a modifier written before the expression ("the end of", "early", "over"); under
    TimeML with the article before it ("the early summer")."""
    lo = max(floor, found.start - _LOOKBACK)
    window = text[lo : found.start]
    if not window:
        return
    if rule in _APPROX_RULES:
        if text.startswith(("the", "The"), found.start):
            return  # "over the next four years": "over" is a preposition here
        m = APPROX_BEFORE.search(window)
        if m:
            found.start = lo + m.start()
            mod = APPROX_MODS.get(" ".join(m["approx"].lower().split()))
            if mod and found.mod is None:
                found.mod = mod
        return
    if rule in _NO_LEFT_MOD or found.type not in ("DATE", "TIME") or not found.value[:1].isdigit():
        return
    m = LEFT_MODIFIER.search(window)
    if m:
        phrase = " ".join(m["mod"].lower().split()).replace("the very ", "the ")
        if phrase.endswith(" the"):
            phrase = phrase[:-4]
        found.start = lo + m.start()
        if phrase in ("the early", "the late"):
            phrase = phrase[4:]
            # "the late-November trip": a hyphened modifier before a noun makes an adjective; the
            # article is the noun's
            if not timeml or (window.endswith("-") and content_word_follows(text, found.end)):
                found.start += len(m["mod"]) - len(m["mod"].lstrip()[3:].lstrip())
        found.mod = PREFIX_MODS.get(phrase, found.mod)
