"""Rules for relative and anaphoric dates, durations, sets and PRESENT/PAST/FUTURE_REF words.
Each ``rule_<name>`` takes the rule's match, the :class:`~.context.Context` and the span, and
returns a Found or None (refused).
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.core.words import is_periodic_payment, lemmatize
from storyline.read.numbers import CARDINALS
from storyline.read.timex.calendar import Point, shift
from storyline.read.timex.context import (
    GRAN_ORDER,
    WS,
    Found,
    dct_point,
    duration_value,
    next_word,
    number,
    prev_word,
    unit_of,
)
from storyline.read.timex.lexicon import (
    DAY_PARTS,
    MONTHS,
    PREFIX_MODS,
    REF_WORDS,
    SET_ADVERBS,
    UNITS,
    WEEKDAYS,
)
from storyline.read.timex.patterns import RULE_REGEX
from storyline.read.timex.rules_periods import quarter_before, reporting_quarter

__all__ = ["HANDLERS"]

_DURATION_PREP = frozenset(
    "for over within in after by take takes took taking spent spend lasted last lasts than of".split()
)
_COMPARED = re.compile(r"(?i)\b(?:compared\s+(?:with|to)|from|versus|vs\.|against|period)\b[^.;!?]*$")
_CARDINAL_WORDS = "|".join(sorted((w for w in CARDINALS if " " not in w), key=len, reverse=True))
# "<count> <plural noun> a <unit>" is a rate: "700 seats a week", "four flights a week"
_PER_UNIT = re.compile(
    rf"(?i:\b(?:\d[\d,.]*|{_CARDINAL_WORDS}))"
    r"[^\S\n]+(?:[a-z]+[^\S\n]+)?[a-z]+s[^\S\n]+$"
)
_FREQUENCY_ADJECTIVES = frozenset({"annual", "quarterly", "semiannual", "biannual"})
_RATE_AFTER = re.compile(r"[^\S\n]+(?:a|an|per)[^\S\n]+(?:second|minute|hour|day|night|week|month|year)\b", re.I)
_NOUN_AFTER = re.compile(r"[^\S\n]+[A-Za-z]")  # "the annual meeting", "the annual March for Life"
# a quantity, with at most one word (what is counted, or "more"/"less"), just before a frequency adverb
_QUANTITY_BEFORE = re.compile(
    r"(?P<q>\d%?|%|percent|million|billion|thousand)(?:[^\S\n]+(?P<noun>(?!times\b)[a-z]+))?[^\S\n]+$", re.I
)
_RATE_BEFORE = re.compile(r"(?:\d|%|percent|dollars?|euros?|pounds|billion|million|thousand|cents?)\s*$", re.I)


_AGO_GRAN = {"D": "D", "W": "D", "WE": "W", "M": "M", "Q": "Q", "Y": "Y", "DE": "Y", "CE": "Y"}


def rule_offset(m, ctx, s, e):
    n = number(m["num"]) if m["num"] else None
    if n is not None and any(h in m.group(0).lower() for h in ("half", "1/2", "½")):
        n += 0.5
    letter, is_time = unit_of(m["unit"])
    direction = WS.sub(" ", m["dir"].lower())
    exact = n is not None
    if is_time:  # "two hours later": keep as a duration, clock times are not resolved here
        return Found(s, e, "DURATION", duration_value(n, m["unit"]))
    if ctx.timeml and exact and direction in ("later", "after"):
        # TimeML: in "two weeks later" the timex is the duration; "later" is a signal
        return Found(s, m.end("unit"), "DURATION", duration_value(n, m["unit"]))
    q = reporting_quarter(ctx) if ctx.timeml and exact and letter == "Y" and direction != "from now" else None
    if q is not None and direction in ("ago", "earlier", "before"):
        # "up from $10 million a year ago" in a third-quarter report: that quarter a year before
        return Found(s, e, "DATE", quarter_before(ctx, q, n), anchor="REF")
    if ctx.timeml and ctx.part_year and exact and n == 1 and letter == "Y" and direction in ("ago", "earlier", "before") and ctx.dct:
        # "compared with $2 million a year earlier" after "for the nine months": the year before
        return Found(s, e, "DATE", str(ctx.dct.year - 1), anchor="DCT")
    if direction in ("ago", "from now", "hence"):
        sign = -1 if direction == "ago" else 1
        if not exact:
            return Found(s, e, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        if not ctx.dct:
            return Found(s, e, "DATE", "XXXX")
        day = shift(ctx.dct, letter, sign * n)
        # TimeML states "six weeks ago" as a week, at its unit's granularity like "three years ago"
        gran = "W" if ctx.timeml and letter == "W" else _AGO_GRAN[letter]
        return Found(s, e, "DATE", Point(day, gran).value(), anchor="DCT")
    sign = -1 if direction in ("earlier", "before") else 1
    base, anchor = (ctx.ref, "REF") if ctx.ref else (dct_point(ctx), "DCT")
    if base is None:
        return Found(s, e, "DATE", "XXXX")
    if not exact:  # "days later": after the anchor, by an unknown amount
        return Found(s, e, "DATE", base.value(), mod="AFTER" if sign > 0 else "BEFORE", anchor=anchor)
    day = shift(base.day, letter, sign * n)
    gran = base.gran if GRAN_ORDER.index(base.gran) <= GRAN_ORDER.index(_AGO_GRAN[letter]) else _AGO_GRAN[letter]
    if base.gran == "D" and letter in ("Y", "M", "W", "D"):
        gran = "D"
    return Found(s, e, "DATE", Point(day, gran).value(), anchor=anchor)


_REL_SIGN = {"this": 0, "the current": 0, "last": -1, "this past": -1, "next": 1, "coming": 1,
             "the coming": 1}
_ANAPHORIC = {"the next": 1, "the following": 1, "the previous": -1, "the prior": -1, "the same": 0,
              "that": 0, "that same": 0,  # "that year", "later that year": the one last spoken of
              "before": -1, "earlier": -1, "previous": -1, "prior": -1, "after": 1, "later": 1}


def rule_period_ago(m, ctx, s, e):
    """ "the quarter a year ago", "last year's quarter": under TimeML one DATE, the reported quarter
    a year before; under MEANTIME only the "a year ago" / "last year" in it."""
    part = "ago" if m["ago"] else ("last" if m["last"] else "last2")
    rule = "offset" if part == "ago" else "rel_unit"
    if not ctx.timeml:
        sub = RULE_REGEX[rule].match(ctx.text, m.start(part))
        return HANDLERS[rule](sub, ctx, sub.start(), sub.end()) if sub else None
    if ctx.dct is None:
        return Found(s, e, "DATE", "XXXX-QX")
    return Found(s, e, "DATE", quarter_before(ctx), anchor="REF")


def rule_rel_unit(m, ctx, s, e):
    unit = (m["unit"] or m["unit2"]).lower()
    rel = WS.sub(" ", (m["rel"] or m["rel2"]).lower())
    letter = UNITS[unit][0]
    if UNITS[unit][1]:
        return None  # "last hour", "this minute": not worth the false alarms
    if rel in ("that", "that same") and not ctx.timeml:
        return None  # MEANTIME's one "that day" is "that day has come", not an anaphor
    if rel == "the past" and unit == "year" and ctx.timeml:
        rel = "last"  # TimeBank: "the past year" is last year
    if rel in ("the past", "past"):
        return Found(s, e, "DURATION", duration_value(1, unit))
    if rel == "the last":  # MEANTIME reads "the last year" as last year, not the past twelve months
        rel = "last"
    q = reporting_quarter(ctx) if ctx.timeml and rel == "last" and unit == "year" else None
    if q is not None and _COMPARED.search(ctx.text, max(0, s - 80), s):
        # "compared with earnings of $33 million last year" in a quarterly report
        return Found(s, e, "DATE", quarter_before(ctx, q), anchor="REF")
    if q is None and ctx.timeml and rel == "this" and unit == "quarter":
        q = reporting_quarter(ctx)
        if q is not None and ctx.tense.tense(s, e) != "future":
            # "This quarter's loss includes charges" in a report on the third quarter: the quarter
            # reported on ("expects a profit this quarter" is still the calendar's)
            return Found(s, e, "DATE", q.value("Q"), anchor="REF")
    gran = "W" if letter in ("W", "WE") else letter
    value = None
    if rel in _ANAPHORIC:
        sign = _ANAPHORIC[rel]
        base, anchor = (ctx.ref, "REF") if ctx.ref else (dct_point(ctx), "DCT")
        if base is None:
            return Found(s, e, "DATE", "XXXX")
        if GRAN_ORDER.index(base.gran) > GRAN_ORDER.index(gran if gran in GRAN_ORDER else "D"):
            if ctx.timeml:
                # TIMEX3 keeps the expression's granularity: "that same day" after "last October"
                # is 1998-10-XX, a day of that month
                value = Point(shift(base.day, letter, sign), base.gran).value_with_unknowns(gran)
            else:
                gran = base.gran  # MEANTIME: "the same day" after "that month", no finer than the anchor
        if value is None:
            value = Point(shift(base.day, letter, sign), gran).value()
    else:
        if not ctx.dct:
            return Found(s, e, "DATE", "XXXX")
        sign = _REL_SIGN.get(rel, 0)
        value, anchor = Point(shift(ctx.dct, letter, sign), gran).value(), "DCT"
    if letter == "WE":
        value += "-WE"
    if unit == "night" and ctx.timeml and value[-3:-2] == "-":
        return Found(s, e, "TIME", value + "TNI", anchor=anchor)  # TimeML: "last night" is 1998-01-19TNI
    return Found(s, e, "DATE", value, anchor=anchor)


def rule_the_unit(m, ctx, s, e):
    phrase = WS.sub(" ", m["mod"].lower()).replace("the very ", "the ")
    unit = m["unit"].lower()
    if unit == "day" and "end" in phrase and ctx.text[max(0, s - 3) : s].lower() == "at ":
        return None  # "at the end of the day": an idiom, not a time
    mod = PREFIX_MODS.get(phrase)
    letter = UNITS[unit][0]
    if not ctx.dct:
        return Found(s, e, "DATE", "XXXX", mod=mod)
    return Found(s, e, "DATE", Point(ctx.dct, letter if letter != "WE" else "W").value(), mod=mod, anchor="DCT")


def rule_year_end(m, ctx, s, e):
    if not ctx.dct:
        return Found(s, e, "DATE", "XXXX", mod="END")
    return Found(s, e, "DATE", str(ctx.dct.year), mod="END", anchor="DCT")  # as "the end of the year"


_TODAY_IS = re.compile(r"(?i)\b(?:today|it)\s*(?:\s+is|[’']s)\s+$")


def rule_nth_day(m, ctx, s, e):
    """ "today is the eighth day of Desert Shield", "it's the second day of an offensive": the day of
    the telling; an ordinal day nothing places ("the first day of trading") is no date."""
    if ctx.dct is None or not _TODAY_IS.search(ctx.text, max(0, s - 12), s):
        return None
    return Found(s, e, "DATE", ctx.dct.isoformat(), anchor="DCT")


def rule_the_day(m, ctx, s, e):
    if ctx.text[max(0, s - 11) : s].lower().endswith("end of "):
        return None
    # News uses "the day" for the day being reported, usually the publication day ("ended the
    # day down 2%"); without a publication date, the last stated day.
    if ctx.dct:
        return Found(s, e, "DATE", ctx.dct.isoformat(), anchor="DCT")
    if ctx.ref is not None and ctx.ref.gran == "D":
        return Found(s, e, "DATE", ctx.ref.value(), anchor="REF")
    return None


def rule_set(m, ctx, s, e):
    if m["wd"]:
        return Found(s, e, "SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}")
    if m["mon"]:  # "each July"
        return Found(s, e, "SET", f"XXXX-{MONTHS[m['mon'].lower()]:02d}")
    unit = (m["unit"] or m["unit2"]).lower()
    if unit in DAY_PARTS:
        return Found(s, e, "SET", "T" + DAY_PARTS[unit])
    return Found(s, e, "SET", duration_value(1, unit))


def rule_set_adv(m, ctx, s, e):
    if ctx.timeml and m["adv"] in _FREQUENCY_ADJECTIVES and _NOUN_AFTER.match(ctx.text, e):
        return None  # TimeBank leaves "a quarterly dividend", "the annual meeting" untagged
    if ctx.timeml and _is_rate(ctx, s):
        return None  # "to rise 8.5% annually", "10,000 units annually": a rate, as "$1.76 a year"
    return Found(s, e, "SET", SET_ADVERBS[m["adv"]])


def _is_rate(ctx, s: int) -> bool:
    """Whether a quantity stands just before the adverb at ``s``, or with one word between (what is
    counted, or a comparative: "$300 million more annually"): not a number that ends a date found ("on Jan. 26 annually", "in 1998 and annually since")."""
    q = _QUANTITY_BEFORE.search(ctx.text, max(0, s - 30), s)
    if q is None:
        return False
    return q.end("q") != ctx.date_end


# what a count of periods measures: "six months of base pay", "two years' salary"
_MEASURED_AFTER = re.compile(r"(?:[’'][^\S\n]+|[^\S\n]+of[^\S\n]+)((?:[A-Za-z-]+[^\S\n]+){0,2}[A-Za-z]+)")


def _an_amount_of_pay(text: str, end: int) -> bool:
    """Whether the periods ending at ``end`` measure a payment made by the period ("six months of
    base pay", "three months' rent"): an amount of money, not a stretch of time."""
    m = _MEASURED_AFTER.match(text, end)
    if m is None:
        return False
    head = None
    for word in m.group(1).split():
        if word.lower() in STOP_WORDS:
            break
        head = word.lower()
    return head is not None and is_periodic_payment(lemmatize(head, "n") or head)


def rule_duration(m, ctx, s, e):
    if m["unit4"]:
        return Found(s, e, "DURATION", duration_value(None, m["unit4"]))
    if m["unit3"]:
        return Found(s, e, "DURATION", duration_value(0.5, m["unit3"]))
    if m["unit2"]:
        return Found(s, e, "DURATION", duration_value(1.5, m["unit2"]))
    unit = m["unit"]
    num_word = m["num"]
    rel = WS.sub(" ", (m["rel"] or "").lower())
    plural = m["pl"] or unit.lower().endswith("ies")  # "centuries" is matched whole by the unit
    if num_word is None:
        if not (plural or m["long"]):
            return None  # a bare "year" is not a time expression
        if not (rel or m["long"] or prev_word(ctx, s) in _DURATION_PREP):
            return None
        # "a day-long strike" lasts a day; "decades-long" some decades
        return Found(s, e, "DURATION", duration_value(1 if m["long"] and not m["pl"] else None, unit))
    low = WS.sub(" ", num_word.lower())
    if low.isdigit() and len(low) == 4 and not m["pl"] and 1700 <= int(low) <= 2099:
        return None  # "the 1988 second quarter": a year, not 1,988 seconds
    if low in ("a", "an") and (m["pl"] or m["long"]):  # "a decades-long feud": the article belongs to the noun
        return Found(m.start("unit"), e, "DURATION", duration_value(None if m["pl"] else 1, unit))
    if _an_amount_of_pay(ctx.text, e):
        return None
    n = number(num_word)
    letter = unit_of(unit)[0]
    nxt = next_word(ctx, e).lower()
    if low in ("a", "an") and letter in ("S", "Q") and nxt not in ("ago", "later", "earlier"):
        return None  # "a second source", "about a quarter of its dealers"
    if low == "one" and letter == "D" and not rel and prev_word(ctx, s) not in _DURATION_PREP | {"only", "just", "a"}:
        return None  # "one day she left": idiomatic, no duration meant
    if letter == "Q" and m["pl"] and m["hy"]:
        return None  # "three-quarters of its foodstuffs": a fraction ("several quarters of losses" is time)
    if m["half"] and n is not None:
        n += 0.5
    if low in ("a", "an", "one") and not rel and _RATE_BEFORE.search(ctx.text, max(0, s - 20), s):
        if ctx.timeml:
            return None  # TimeBank leaves rates ("$1.76 a year", "24 hours a day") untagged
        return Found(s, e, "SET", duration_value(1, unit))  # "$5 billion a year"
    if ctx.timeml and low in ("a", "an") and not rel and _PER_UNIT.search(ctx.text, max(0, s - 30), s):
        return None  # "700 seats a week", "four flights a week": a rate
    if ctx.timeml and _RATE_AFTER.match(ctx.text, e):
        return None  # "24 hours a day", "two days a week": a rate, untagged like "$1.76 a year"
    if ctx.timeml and not (rel or m["hy"]) and n is not None and ctx.text[max(0, s - 4) : s].lower() == "the ":
        s -= 4  # TimeML: "the nine months" (ended Sept. 30), the determiner included
    return Found(s, e, "DURATION", duration_value(n, unit))


def rule_ref_adj(m, ctx, s, e):
    if not ctx.timeml:
        return None
    # TimeML tags "recent" and "current" themselves ("recent acquisitions", "current management")
    # "the then current market price": current then, a past
    return Found(s, e, "DATE", "PAST_REF" if m["then"] or m["adj"].lower() == "recent" else "PRESENT_REF")


def rule_ref_point(m, ctx, s, e):
    # TimeML (TimeBank wsj_0981): "at a later date" is FUTURE_REF, "at this moment" PRESENT_REF;
    # MEANTIME writes the later point as an unknown day ("call back at a later time": XXXX-XX-XX)
    if m["later"]:
        return Found(s, e, "DATE", "FUTURE_REF" if ctx.timeml else "XXXX-XX-XX")
    return Found(s, e, "DATE", "PRESENT_REF")


# a count after "the past": "the past three summers" counts seasons, it is no PAST_REF
_COUNT_AFTER = re.compile(
    rf"[^\S\n]+(?:\d|(?:{_CARDINAL_WORDS}|few|several)\b)", re.I
)


def rule_ref(m, ctx, s, e):
    word = WS.sub(" ", m["ref"].lower())
    if word == "the past" and _COUNT_AFTER.match(ctx.text, e):
        return None
    after = ctx.text[e : e + 5].lower()
    if word == "now" and (after == " than" or (after == " that" and not ctx.timeml)):
        return None  # "more now than ever"; TimeML tags "now that he is in a confrontation"
    if word == "right now" and ctx.timeml:
        return Found(s + m.group().lower().rindex("now"), e, "DATE", "PRESENT_REF")  # "right" is a focus adverb
    if ctx.timeml and word == "soon":
        return None  # TimeBank tags "soon" in under a third of its uses (dev part: 4 of 14)
    return Found(s, e, "DATE", REF_WORDS[word])


HANDLERS = {name[len("rule_"):]: fn for name, fn in list(globals().items()) if name.startswith("rule_")}
