"""Rules for calendar expressions: explicit and partial dates, months, years, weekdays, clock
times, quarters, seasons, decades, holidays and "today"-words. Each ``rule_<name>`` takes the
rule's match, the :class:`~.context.Context` and the span, and returns a Found or None (refused).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.core.dates import interval
from storyline.core.words import THING_LEXNAMES, is_event_noun, is_time_noun, lemmatize, noun_class
from storyline.read.numbers import CARDINALS, SCALES
from storyline.read.timex.calendar import parse_value, shift
from storyline.read.timex.context import (
    WS,
    Context,
    Found,
    date_value,
    day_num,
    content_word_follows,
    month_num,
    number,
    prev_word,
)
from storyline.read.timex.play import period_of_play
from storyline.read.timex.lexicon import (
    DAY_PARTS,
    DAY_WORDS,
    MONTHS,
    ORDINALS,
    SEASONS,
    WEEKDAYS,
)

__all__ = ["HANDLERS", "weekday_date"]

_MONTH_PREP = frozenset(
    "in since by until till of from to through during before after last next this early late mid "
    "a and or between on for around about mid-".split()
)
_COUNT_NOUNS = re.compile(
    r"\s+(?:people|jobs|workers|employees|units|cars|vehicles|planes|aircraft|shares|points|dealers|"
    r"dealerships|stores|miles|kilometres|kilometers|km|tons|tonnes|feet|metres|meters|passengers|"
    r"seats|troops|soldiers|homes|houses|students|members|staff|cases|deaths|votes|times|percent|"
    r"years|months|days|hours|yards|pounds|dollars|euros|index)\b",
    re.I,
)
# a plural noun (not a function word such as "was" or "has"): what a number before it counts
_PLURAL_AFTER = re.compile(r"[^\S\n]+([a-z]{3,}s)\b")
_NOT_YEAR_BEFORE = frozenset(
    "no. no number flight route room model windows office boeing airbus channel highway interstate "
    "version # rule article section page".split()
)
_NAME_AFTER = re.compile(r"[^\S\n]+(?:of|for|on)[^\S\n]+(?:the[^\S\n]+)?[A-Z]")
_SAME_LINE_WORD = re.compile(r"[^\S\n]+([A-Z][a-z]+)")
_SHORT_YEAR_BEFORE = frozenset(
    "in since of from by the until before after summer spring fall autumn winter class and to".split()
) | {m for m in MONTHS}
_DAY_FUTURE = {"tomorrow": 1, "yesterday": -1, "today": 0, "tonight": 0}


def rule_iso(m, ctx, s, e):
    try:
        d = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if m["hh"]:
        return Found(s, e, "TIME", f"{d.isoformat()}T{m['hh']}:{m['mm']}")
    return Found(s, e, "DATE", d.isoformat())


def rule_numeric(m, ctx, s, e):
    y = int(m["y"])
    if y < 100:
        pivot = (ctx.dct.year % 100 + 5) if ctx.dct else 30
        y += 2000 if y <= pivot else 1900
    try:
        return Found(s, e, "DATE", date(y, int(m["m"]), int(m["d"])).isoformat())
    except ValueError:
        return None


def _clock_day(m, ctx, s, e) -> tuple[str, str | None]:
    word = (m["day"] or "").lower()
    if word in _DAY_FUTURE and ctx.dct:
        return (ctx.dct + timedelta(days=_DAY_FUTURE[word])).isoformat(), "DCT"
    if word in WEEKDAYS and ctx.dct:
        return weekday_date(ctx, WEEKDAYS[word], None, s, e).isoformat(), "DCT"
    if ctx.ref is not None and ctx.ref.gran == "D":
        # An undated text's "1:00 am Sunday" after "February 4, 2009": the Sunday that date
        # speaks of, not the date itself (a Wednesday).
        base = ctx.ref.day
        day = weekday_date(ctx, WEEKDAYS[word], None, s, e, base) if word in WEEKDAYS else base
        return day.isoformat(), "REF"
    if ctx.dct:
        return ctx.dct.isoformat(), "DCT"
    return "XXXX-XX-XX", None


def _next_day(day: str) -> str:
    """The day after ``day`` (an ISO date; one with unknown parts stays as it is)."""
    try:
        return (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    except ValueError:
        return day


def _hour_of_part(hour: int, part: str) -> int:
    """The 24-hour clock hour of "4 in the morning" (04), "12 in the morning" (00), "3 in the
    afternoon" (15), "10 at night" (22), "2 at night" (02, the small hours) and "12 at night" (24,
    midnight, as "midnight" is tagged)."""
    if part.endswith("night") and hour == 12:
        return 24
    if part.endswith("morning") or (part.endswith("night") and hour < 5):
        return hour % 12
    return hour % 12 + 12


def _part_before_a_noun(m, ctx, group: str) -> bool:
    """Whether the part of the day of "by 4 in the morning session" modifies a noun after it: the
    number is then a count, not an hour. By the parse (the part of the day a modifier of a noun
    after it), else by the next word (a content word, not a function word or punctuation)."""
    if m["tz"] or m["day"]:
        return False
    token = ctx.tense.token_at(m.end(group) - 1)
    if token is not None:
        return token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i
    return content_word_follows(ctx.text, m.end(group))


def _hour_in_words(words: str) -> int:
    """An hour or its minutes in words: "oh six" -> 6, "twenty-three" -> 23, "forty-five" -> 45."""
    return sum(CARDINALS.get(w, 0) for w in re.split(r"[-\s]+", words.lower()))


def rule_clock(m, ctx, s, e):
    military = bool(m["mil_h"] or m["mil_h0"] or m["mil_words"])
    if m["mil"]:
        hh, mm = int(m["mil"]), int(m["mil_mm"])
    elif m["mil_words"]:
        hh, mm = _hour_in_words(m["mil_words"]), _hour_in_words(m["mil_min"] or "")
    elif military:
        hh, mm = int(m["mil_h"] or m["mil_h0"]), int(m["mil_m"])
    elif m["hh2"]:
        hh, mm = int(m["hh2"]), 0
    elif m["hh3"]:
        if _part_before_a_noun(m, ctx, "part3"):
            return None
        hh, mm = _hour_of_part(int(m["hh3"]), m["part3"].lower()), 0
    else:
        hh, mm = int(m["hh"]), int(m["mm"])
        if m["part1"]:
            if _part_before_a_noun(m, ctx, "part1"):
                return None
            hh = _hour_of_part(hh, m["part1"].lower()) if 0 < hh <= 12 else hh
    ampm = (m["ampm"] or m["ampm2"] or "").lower()
    if ampm.startswith("p") and hh < 12:
        hh += 12
    elif ampm.startswith("a") and hh == 12:
        hh = 0
    if hh > 23 and not ((m["hh3"] or m["part1"] or (m["mil_words"] and not mm)) and hh == 24):
        return None
    if not (m["tz"] or ampm or m["day"] or m["hh3"] or m["part1"] or military):
        return None  # "16:08" alone is as likely a score or a ratio
    day, anchor = _clock_day(m, ctx, s, e)
    if hh == 24 and mm:
        # "12:30 at night" is half an hour after "12 at night" (T24, the day's end): the next day.
        hh, day = 0, _next_day(day)
    zone = "Z" if (m["tz"] or "").upper() in ("UTC", "GMT") else ""
    # Midnight is written one way whatever the words ("12 at night", "midnight"): TimeBank's T24.
    clock = _CLOCK_WORDS["midnight"] if hh == 24 else f"T{hh:02d}:{mm:02d}"
    return Found(s, e, "TIME", f"{day}{clock}{zone}", anchor=anchor)


_CLOCK_WORDS = {"midnight": "T24", "noon": "T12:00", "midday": "T12:00"}


def rule_daypart(m, ctx, s, e):
    day, anchor = _clock_day(m, ctx, s, e)
    suffix = _CLOCK_WORDS[m["clock"]] if m["clock"] else "T" + DAY_PARTS[m["part"].lower()]
    return Found(s, e, "TIME", day + suffix, anchor=anchor)


def rule_mdy(m, ctx, s, e):
    spelled = m.groupdict().get("dw")  # "March eighth"
    day = DAY_WORDS[spelled.lower()] if spelled else day_num(m["d"])
    year = str(_year_in_words(m["spelled"])) if m.groupdict().get("spelled") else m["y"]
    value, anchor = date_value(ctx, month_num(m["mon"]), day, year, s, e)
    return Found(s, e, "DATE", value, anchor=anchor) if value else None


rule_dmy = rule_mdy


def rule_week_of(m, ctx, s, e):
    month = month_num(m["mon"])
    value, anchor = date_value(ctx, month, None, m["y"], s, e)
    point = parse_value(value or "")
    if point is None:
        return Found(s, e, "DATE", f"XXXX-{month:02d}", anchor=None)
    k = ORDINALS.get(m["ord"].lower(), 1)
    first = point.day
    last = shift(first, "M", 1) - timedelta(days=1)
    day = last - timedelta(days=6) if k == -1 else first + timedelta(days=7 * (k - 1))
    iso = day.isocalendar()
    suffix = "-WE" if m["unit"].lower() == "weekend" else ""
    return Found(s, e, "DATE", f"{iso[0]:04d}-W{iso[1]:02d}{suffix}", anchor=anchor)


def rule_month_year(m, ctx, s, e):
    month = month_num(m["mon"])
    if m["y"]:
        return Found(s, e, "DATE", f"{int(m['y']):04d}-{month:02d}")
    if m["spelled"]:
        return Found(s, e, "DATE", f"{_year_in_words(m['spelled']):04d}-{month:02d}")
    rel = WS.sub(" ", m["rel"].lower())
    if rel in ("the following", "the previous", "the same") and ctx.ref:
        y = ctx.ref.day.year + {"the following": 1, "the previous": -1}.get(rel, 0)
        return Found(s, e, "DATE", f"{y:04d}-{month:02d}", anchor="REF")
    if not ctx.dct:
        return Found(s, e, "DATE", f"XXXX-{month:02d}")
    y = ctx.dct.year + {"last": -1, "next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
    return Found(s, e, "DATE", f"{y:04d}-{month:02d}", anchor="DCT")


def rule_rel_month(m, ctx, s, e):
    month = month_num(m["mon"])
    rel = WS.sub(" ", m["rel"].lower())
    if rel in ("the following", "the previous"):
        base, anchor = (ctx.ref.day, "REF") if ctx.ref else (ctx.dct, "DCT")
    else:
        base, anchor = ctx.dct, "DCT"
    day = day_num(m["d"]) if m["d"] else None
    if day and _counted(ctx.text, e):
        day, e = None, m.end("mon")  # "since last May 20 people have died": the number counts
    if base is None:
        if day and not _is_day(month, day, 2000):  # a leap year: any Feb. 29 may be meant
            day, e = None, m.end("mon")
        return Found(s, e, "DATE", f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}")
    # "last Oct. 23": the latest such day before the anchor, as "last October" is the latest month
    key, here = (month, day or 0), (base.month, base.day if day else 0)
    if rel in ("last", "this past", "the previous"):
        y = base.year if key < here else base.year - 1
    elif rel in ("next", "this coming", "the following"):
        y = base.year if key > here else base.year + 1
    else:
        y = base.year
    if day and _is_day(month, day, y):  # the year it resolves to: "last Feb. 29" in 2001 is 2000's
        return Found(s, e, "DATE", date(y, month, day).isoformat(), anchor=anchor)
    if day:
        e = m.end("mon")  # "last Feb. 30": no such day, the month alone
    return Found(s, e, "DATE", f"{y:04d}-{month:02d}", anchor=anchor)


def _counted(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` counts the noun after it ("20 people", "20 protesters")."""
    if _COUNT_NOUNS.match(text, end):
        return True
    plural = _PLURAL_AFTER.match(text, end)
    if plural is None or plural.group(1) in STOP_WORDS:
        return False
    return plural.group(1)[:-1] not in SCALES  # "20 thousands have marched": a number word, not a noun


def _is_day(month: int, day: int, year: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


_ARTICLE = re.compile(r"(?i:the)[^\S\n]+")


def rule_quarter(m, ctx, s, e):
    if m["two"]:
        return Found(s, e, "DATE", f"{m['y5']}-H{1 if m['two'].lower() == 'first' else 2}")
    if m["q"] or m["hq"]:
        year = m["y3"] or m["y4"]
        label = f"Q{m['q']}" if m["q"] else m["hq"].upper()
        if year:
            return Found(s, e, "DATE", f"{year}-{label}")
        if not ctx.dct:
            return Found(s, e, "DATE", f"XXXX-{label}")
        return Found(s, e, "DATE", f"{ctx.dct.year}-{label}", anchor="DCT")
    unit = m["unit"].lower()
    ordinal = ORDINALS[m["ord"].lower()]
    year = m["y"] or m["y2"]
    if not (year or m["rel"] or m["pre"]) and "fiscal" not in m.group().lower() and period_of_play(ctx, s, e):
        return None  # "threw two touchdowns in the fourth quarter": no calendar quarter
    article = _ARTICLE.match(ctx.text, s)
    if ctx.timeml and m["hy"] == "-" and article:
        s = article.end()  # "the third-quarter GNP growth": a hyphened adjective, the article is the noun's
    label = "Q" if unit == "quarter" else "H"
    count = 4 if label == "Q" else 2
    if ordinal == -1 and not (year or m["rel"]):
        # "the last quarter": the one before the publication's
        if not ctx.dct:
            return None
        prev = shift(ctx.dct, "M", -3 if label == "Q" else -6)
        n = (prev.month - 1) // (3 if label == "Q" else 6) + 1
        return Found(s, e, "DATE", f"{prev.year}-{label}{n}", anchor="DCT")
    n = count if ordinal == -1 else ordinal
    if n > count:
        return None
    if year:
        return Found(s, e, "DATE", f"{year}-{label}{n}")
    if not ctx.dct:
        return Found(s, e, "DATE", f"XXXX-{label}{n}")
    rel = WS.sub(" ", (m["rel"] or m["pre"] or "").lower())  # "of last year", "last year's"
    if rel in ("the previous", "the following", "the same") and ctx.ref:
        y = ctx.ref.day.year + {"the previous": -1, "the following": 1, "the same": 0}[rel]
        return Found(s, e, "DATE", f"{y}-{label}{n}", anchor="REF")
    if rel:
        y = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
        return Found(s, e, "DATE", f"{y}-{label}{n}", anchor="DCT")
    current = (ctx.dct.month - 1) // (12 // count) + 1
    tense = ctx.tense.tense(s, e)
    y = ctx.dct.year
    if tense == "past" and n > current:
        y -= 1
    elif tense == "future" and n < current - 1:
        # The quarter just ended is still being reported on ("expects to report a
        # third-quarter loss" in November); one ended earlier is next year's.
        y += 1
    return Found(s, e, "DATE", f"{y}-{label}{n}", anchor="DCT")


def season_year(dct: date, code: str, rel: str, tense: str) -> int:
    """The year of a season written without one (the year its first month falls in).

    "last" is the latest season already over at publication, "next" the first not yet begun;
    otherwise the tense decides: a clause about the past means the latest season begun by
    publication ("has spent much of the winter" in March is the winter just ended), one about
    the future the first not yet over, and the present the season under way or else the nearest.
    """
    spans = [(y, interval(f"{y}-{code}")) for y in range(dct.year - 2, dct.year + 2)]
    spans = [(y, s) for y, s in spans if s is not None]
    if rel in ("last", "this past"):
        return max(y for y, s in spans if s.end < dct)
    if rel == "next":
        return min(y for y, s in spans if s.start > dct)
    if tense == "past":
        return max(y for y, s in spans if s.start <= dct)
    if tense == "future":
        return min(y for y, s in spans if s.end >= dct)
    for y, s in spans:
        if s.start <= dct <= s.end:
            return y
    return min(spans, key=lambda ys: min(abs((ys[1].start - dct).days), abs((ys[1].end - dct).days)))[0]


def rule_season(m, ctx, s, e):
    word = m["season"].lower()
    rel = WS.sub(" ", (m["rel"] or "").lower())
    if not rel and not m["y"]:
        if word == "fall" or prev_word(ctx, s) not in {"in", "during", "by", "since", "until", "through", "early", "late", "mid", "this", "last", "next"}:
            return None
    code = SEASONS[word]
    if m["spelled"] and _SCALE_WORD.search(m["spelled"]) and content_word_follows(ctx.text, e):
        e = m.end("season")  # "the summer of two thousand people": the number counts
    elif m["spelled"]:  # "the winter of nineteen ninety-four", "the spring of two thousand and five"
        year = _year_in_words(m["spelled"])
        return Found(s, e, "DATE", f"{year}-{code}") if year is not None else None
    if m["y"]:
        return Found(s, e, "DATE", f"{m['y']}-{code}")
    if not ctx.dct:
        return Found(s, e, "DATE", f"XXXX-{code}")
    tense = "" if rel in ("last", "this past", "next") else ctx.tense.tense(s, e)
    return Found(s, e, "DATE", f"{season_year(ctx.dct, code, rel, tense)}-{code}", anchor="DCT")


def rule_decade(m, ctx, s, e):
    if m["full"] or m["full2"]:
        value = (m["full"] or m["full2"])[:3]
    else:
        short = int(m["short"])
        century = 19
        if ctx.dct and 2000 + short <= ctx.dct.year:
            century = 20 if short <= (ctx.dct.year % 100) // 10 * 10 and short < 30 else 19
        value = f"{century}{short // 10}"
    pre = (m["pre"] or "").lower()
    mod = {"early": "START", "late": "END", "mid": "MID"}.get(pre)
    # TimeML: "the early 1980s", "by the mid-1990s."; "the late-1990s boom" leaves the article to
    # the noun, as "the late-November trip" does
    hyphened_before_a_noun = ctx.text.startswith("-", m.end("pre")) and content_word_follows(ctx.text, e)
    if pre and ctx.timeml and ctx.text[max(0, s - 4) : s].lower() == "the " and not hyphened_before_a_noun:
        s -= 4
    return Found(s, e, "DATE", value, mod=mod)


def _spelled_year(hundreds: str, *rest: str) -> int:
    """ "nineteen", "ninety", "four" -> 1994."""
    return CARDINALS[hundreds.lower()] * 100 + sum(CARDINALS[w.lower()] for w in rest if w)


def _year_in_words(words: str) -> int | None:
    """ "nineteen hundred" -> 1900, "two thousand and five" -> 2005, "nineteen eighty-four" -> 1984."""
    w = " ".join(re.split(r"[-\s]+", words.lower()))
    for scale in (" thousand", " hundred"):
        head, found, rest = w.partition(scale)
        if found:
            big, small = number(head), number(rest.removeprefix(" and").strip()) if rest else 0.0
            return int(big * SCALES[scale.strip()] + small) if big is not None and small is not None else None
    return _spelled_year(*w.split())


_SCALE_WORD = re.compile(r"hundred|thousand", re.IGNORECASE)
_OF_AFTER_NOUN = re.compile(r"([A-Za-z]+)\s+of\s+$")


def _of_a_time(text: str, start: int) -> bool:
    """Whether a spelled number at ``start`` may be a year by what precedes it: any preposition
    but "of", or "of" after a noun that may name a time ("the spring of", "the end of"), not one
    that counts ("a crowd of", "a total of")."""
    m = _OF_AFTER_NOUN.search(text, max(0, start - 40), start)
    return m is None or is_time_noun(lemmatize(m.group(1).lower(), "n") or m.group(1).lower())


def rule_spelled_year(m, ctx, s, e):
    words = m["year_words"] or m["bare_words"]
    if words:  # "the year nineteen hundred", "in two thousand and five" of broadcast transcripts
        if m["bare_words"] and content_word_follows(ctx.text, e):
            return None  # "in two thousand and five cases": a count
        if m["bare_words"] and not _of_a_time(ctx.text, s):
            return None  # "a crowd of two thousand and five": a count
        year = _year_in_words(words)
        return Found(s, e, "DATE", str(year)) if year is not None else None
    if m["decade"]:
        tens = CARDINALS[m["decade"].lower().replace("ies", "y")]
        century = 19 if ctx.dct is None or 1900 + tens <= ctx.dct.year else 18
        return Found(s, e, "DATE", f"{century}{tens // 10}")
    return Found(s, e, "DATE", str(_spelled_year(m["hundreds"], m["tens"], m["ones"])))


def rule_century(m, ctx, s, e):
    n = int(m["n"])
    return Found(s, e, "DATE", f"{n - 1:02d}") if 1 <= n <= 30 else None


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's": (1, 1), "new year's day": (1, 1), "new year's eve": (12, 31),
             "halloween": (10, 31), "valentine's day": (2, 14)}


def _thanksgiving(year: int) -> date:
    """The fourth Thursday of November (US Thanksgiving)."""
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _election_day(year: int) -> date:
    """US Election Day: the Tuesday after the first Monday of November."""
    first = date(year, 11, 1)
    return first + timedelta(days=(0 - first.weekday()) % 7 + 1)


def _movable(day_in: Callable[[int], date], m, ctx, s, e):
    """A holiday, its date in a year given by ``day_in``. "last" / "next" say which one ("last
    Thanksgiving" is the latest before publication). Otherwise ("this" included: "This Christmas
    was quiet" in January), like a month and day without a year: a past clause means the last one
    before publication ("by Thanksgiving it was obvious" in March), a future one the next."""
    if m["y"]:
        return Found(s, e, "DATE", day_in(int(m["y"])).isoformat())
    if not ctx.dct:
        return Found(s, e, "DATE", "XXXX-11")
    day = day_in(ctx.dct.year)
    rel = (m["rel"] or "").lower()
    # "this" says the year's own, which the tense still picks ("This Christmas was quiet" in January)
    said = rel in ("last", "next")
    tense = {"last": "past", "next": "future"}.get(rel) or ctx.tense.tense(s, e)
    if tense == "past" and (day > ctx.dct or (said and day == ctx.dct)):
        day = day_in(ctx.dct.year - 1)
    elif tense == "future" and (day < ctx.dct or (said and day == ctx.dct)):
        day = day_in(ctx.dct.year + 1)
    return Found(s, e, "DATE", day.isoformat(), anchor="DCT")


def rule_holiday(m, ctx, s, e):
    name = WS.sub(" ", m["hol"].lower().replace("’", "'"))
    if name == "election day":
        return _movable(_election_day, m, ctx, s, e)
    if name.startswith("thanksgiving"):
        return _movable(_thanksgiving, m, ctx, s, e)
    month, day = _HOLIDAYS[name]
    if m["rel"]:
        return _movable(lambda year: date(year, month, day), m, ctx, s, e)
    value, anchor = date_value(ctx, month, day, m["y"], s, e)
    return Found(s, e, "DATE", value, anchor=anchor) if value else None


# "today's youth", "today's personal computers": these times, not the day (TimeML leaves them
# untagged); the possessive's head is the last word before a function word
_POSSESSIVE_WORDS = re.compile(r"[’']s((?:[^\S\n]+[a-z]+){1,3})")


def _today_of_these_times(ctx: Context, end: int) -> bool:
    """Whether "today's" before a noun means nowadays: the noun names people or things, not
    something that happens or is issued on a day ("today's meeting", "today's editions")."""
    m = _POSSESSIVE_WORDS.match(ctx.text, end)
    if m is None:
        return False
    head = None
    for word in m.group(1).split():
        if word in STOP_WORDS:
            break
        head = word
    return head is not None and _people_or_things(head)


def _people_or_things(noun: str) -> bool:
    """Whether a noun names people or things, not something that happens or is issued on a day."""
    lemma = lemmatize(noun, "n") or noun
    return noun_class(lemma) in THING_LEXNAMES and not is_event_noun(lemma)


# "the people of tomorrow", "the computers of today": times to come, these times
_NOUN_OF = re.compile(r"\b([a-z]+)[^\S\n]+of[^\S\n]+$")


def _of_these_times(ctx: Context, start: int) -> bool:
    m = _NOUN_OF.search(ctx.text, max(0, start - 30), start)
    return m is not None and m.group(1) not in STOP_WORDS and _people_or_things(m.group(1))


def rule_dayrel(m, ctx, s, e):
    word = (m["word"] or m["this"]).lower()
    if ctx.timeml and not (m["part"] or m["ba"] or m["el"]):
        if word == "today" and _today_of_these_times(ctx, e):
            return None
        if word in ("today", "tomorrow", "yesterday") and _of_these_times(ctx, s):
            return None
    offset = _DAY_FUTURE.get(word, 0)
    if m["ba"]:
        offset += -1 if m["ba"].lower() == "before" else 1
    part = (m["part"] or m["part2"] or "").lower()
    suffix = "T" + DAY_PARTS[part] if part else ("TNI" if word == "tonight" else "")
    if not ctx.dct:
        return Found(s, e, "TIME" if suffix else "DATE", "XXXX-XX-XX" + suffix)
    value = (ctx.dct + timedelta(days=offset)).isoformat() + suffix
    return Found(s, e, "TIME" if suffix else "DATE", value, anchor="DCT")


def weekday_date(ctx: Context, wd: int, rel: str | None, s: int, e: int, base: date | None = None) -> date:
    base = base or ctx.dct
    delta = (base.weekday() - wd) % 7
    if rel in ("last", "this past", "the previous"):
        return base - timedelta(days=delta or 7)
    if rel in ("next", "this coming", "the following", "the next"):
        return base + timedelta(days=(wd - base.weekday()) % 7 or 7)
    if rel == "this":
        return base + timedelta(days=wd - base.weekday())
    if delta == 0:
        return base
    tense = ctx.tense.tense(s, e)
    if tense == "future" or (tense == "present" and ctx.tense.scheduled(s)):
        return base + timedelta(days=7 - delta)
    return base - timedelta(days=delta)


_NAMED_DAYS = re.compile(r"(?:Black|Cyber|Super|Good|Easter|Ash|Bloody|Blue|Patriots?[’']?)\s$")


def rule_weekday(m, ctx, s, e):
    if not m["rel"] and _NAMED_DAYS.search(ctx.text, max(0, s - 10), s):
        return None  # "Black Monday" names a day of its own
    wd = WEEKDAYS[m["wd"].lower()]
    rel = WS.sub(" ", m["rel"].lower()) if m["rel"] else None
    part = (m["part"] or "").lower()
    suffix = "T" + DAY_PARTS[part] if part else ""
    if m["pl"] and not rel:  # "Tuesday nights": every one of them
        return Found(s, e, "SET", f"XXXX-WXX-{wd + 1}{suffix}")
    kind = "TIME" if suffix else "DATE"
    if rel in ("the following", "the previous", "the next") and ctx.ref and ctx.ref.gran == "D":
        return Found(s, e, kind, weekday_date(ctx, wd, rel, s, e, ctx.ref.day).isoformat() + suffix, anchor="REF")
    if not ctx.dct:
        if ctx.ref and ctx.ref.gran == "D":
            # An undated text: the weekday is told from the last date it gave, as the clock's is.
            return Found(s, e, kind, weekday_date(ctx, wd, rel, s, e, ctx.ref.day).isoformat() + suffix, anchor="REF")
        return Found(s, e, kind, f"XXXX-WXX-{wd + 1}" + suffix)
    return Found(s, e, kind, weekday_date(ctx, wd, rel, s, e).isoformat() + suffix, anchor="DCT")



def rule_month(m, ctx, s, e):
    text = ctx.text
    word = m["mon"]
    after = _SAME_LINE_WORD.match(text, e)
    if after and after.group(1).lower() in MONTHS:
        return None  # "May December", "June October": a title, not two dates
    before = prev_word(ctx, s)
    if before in MONTHS or before.rstrip(".") in MONTHS:
        return None
    introduced = before in _MONTH_PREP or text[max(0, s - 4) : s].lower().endswith("mid-")
    if not introduced and _NAME_AFTER.match(text, e):
        return None  # "the annual March for Life", "the March of the Combatant Mothers": a name
    if word == "May" and not introduced:
        return None  # the modal verb, or a name
    if after and (not introduced or before in ("and", "or", "a")):
        return None  # "April Ryan", "and June Carter": a first name
    if word.endswith(".") and before not in _MONTH_PREP:
        return None
    value, anchor = date_value(ctx, month_num(word), None, None, s, e)
    return Found(s, e, "DATE", value, anchor=anchor)


_BEFORE_AFTER = re.compile(r"\b(pre|post)-$", re.IGNORECASE)


def rule_year(m, ctx, s, e):
    if m["y2"]:
        if prev_word(ctx, s) not in _SHORT_YEAR_BEFORE:
            return None  # "iLife '11": a product version, not a year
        yy = int(m["y2"])
        pivot = (ctx.dct.year % 100) if ctx.dct else 30
        return Found(s, e, "DATE", f"{2000 + yy if yy <= pivot else 1900 + yy}")
    if _COUNT_NOUNS.match(ctx.text, e):
        return None
    if prev_word(ctx, s) in _NOT_YEAR_BEFORE:
        return None
    if ctx.timeml and ctx.text[max(0, s - 7) : s].lower() == "fiscal ":
        s -= 7  # TimeML: "fiscal 1990" is one timex (the year as written)
    prefix = _BEFORE_AFTER.search(ctx.text, max(0, s - 5), s)
    if prefix:  # "the post-1959 politics": the year, and which side of it
        return Found(prefix.start(), e, "DATE", m["y"], mod="AFTER" if prefix.group(1).lower() == "post" else "BEFORE")
    return Found(s, e, "DATE", m["y"])


HANDLERS = {name[len("rule_"):]: fn for name, fn in list(globals().items()) if name.startswith("rule_")}
