"""The timex rules as regular expressions, and the one combined scanner built from them.

Each rule is a named regex with its own named groups. The scanner joins all rules into a single
alternation (inner group names stripped) so one C-level ``finditer`` pass finds every candidate;
the rule that matched (``match.lastgroup``) is then re-run alone on the matched span to recover
its groups. Rules are ordered most specific first because Python's engine is leftmost-first,
not leftmost-longest.

Case: calendar names (months, weekdays, holidays) must be capitalised, which keeps "may", "march"
and "sun" as verbs/nouns out; everything else is case-insensitive via scoped ``(?i:...)``.
"""

from __future__ import annotations

import re

from storyline.core.units import CURRENCY_SIGNS
from storyline.read.timex.lexicon import (
    APPROX_MODS,
    DAY_PARTS,
    DAY_WORDS,
    MONTHS,
    NUMBER_WORDS,
    OPEN_END_MODS,
    REF_WORDS,
    SEASONS,
    SET_ADVERBS,
    VAGUE_QUANTITIES,
    WEEKDAYS,
    alternation,
)

__all__ = ["RULES", "SCANNER", "RULE_REGEX", "LEFT_MODIFIER", "APPROX_BEFORE", "OPEN_END_AFTER", "DAY_ANCHORED_BEFORE"]

# word start not inside a hyphenated or possessive token ("mid-2011" is the one hyphen let in)
# "mid-2011", "late-November", "post-1959": after "pre-"/"post-" only a year, which the year rule
# gives that side of ("pre-Christmas" is left; "pre-1990s", "post-2 p.m." would lose the side)
_B = r"(?<![\w’'])(?:(?<!-)|(?<=[Mm]id-)|(?<=[Ll]ate-)|(?<=[Ee]arly-)|(?:(?<=\b[Pp]re-)|(?<=\b[Pp]ost-))(?=\d{4}(?!\w)))"
_E = r"(?![\w-])"  # word end, not followed by a hyphen compound
_MONTH = "(?:" + "|".join(
    re.escape(m[0].upper() + m[1:]) for m in sorted(MONTHS, key=len, reverse=True)
) + ")"
_MONTH_WORD = _MONTH + r"(?!\w)"
_WEEKDAY = "(?:" + "|".join(d.capitalize() for d in WEEKDAYS) + r")(?!\w)"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR4 = r"(?:1[7-9]\d\d|20\d\d)(?![\d’']?\d)"  # 1600 Pennsylvania Avenue is an address
_UNITS = r"(?:second|minute|hour|day|night|week(?:end)?|month|quarter|year|decade|centur(?:y|ies))"
_UNIT_S = _UNITS + r"s?(?!\w)"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"  # "fifteen hundred"
_NUMWORD = (
    # "two hundred", "forty-five thousand", "two hundred and fifty": one number, tried before its first word alone
    rf"(?:(?:(?:{_TENS})(?:[- ](?:{_ONES}))?|{_ONES}|{_TEENS}|a)[- ](?:hundred|thousand)"
    rf"(?:[- ]and[- ](?:(?:{_TENS})(?:[- ](?:{_ONES}))?|{_TEENS}|{_ONES}))?(?![\w-])|"
    rf"(?:{_TENS})[- ](?:{_ONES})|" + alternation(NUMBER_WORDS) + "|" + alternation(VAGUE_QUANTITIES) + ")"
)
# "1,500" whole, never its "500" alone
_NUM = rf"(?:(?<![\d,])\d{{1,3}}(?:,\d{{3}})+(?![\d,])|(?<![\d,])\d+(?:\.\d+)?(?!,\d)|{_NUMWORD})"
_HALF = r"(?:\s+and\s+a\s+half|\s+1/2(?!\d)|½)"  # "two and a half", "2 1/2"
_DAYPART = "(?:" + alternation(DAY_PARTS) + ")"
_ORD = r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
_TZ = r"(?:UTC|GMT|EST|EDT|CST|CDT|PST|PDT|CET|CEST|BST|ET|PT)"
_AMPM = "(?i:[ap]\\.?m\\.?)"
_AMPM2 = "(?i:[ap]\\.m\\.|[ap]m(?!\\w))"
_SEASON = "(?:" + alternation(SEASONS) + ")"


def _i(pattern: str) -> str:
    return f"(?i:{pattern})"


def _after(words: str) -> str:
    """Alternatives matching just after one of ``words`` and a space (fixed-width lookbehinds, so
    one per word, and case as written: the lists say which capitalised forms open a sentence)."""
    return "|".join(rf"(?<=\b{w}\s)" for w in words.split())


_REL_WORDS = r"this\s+past|this|last|next|the\s+past|the\s+last|the\s+coming|the\s+next|the\s+current|" \
    r"the\s+previous|the\s+following|the\s+same|the\s+prior|coming|past|that\s+same|that"
_ANAPHOR_AFTER = r"(?=\s*[,.;:)!?]|\s*$)"  # "the day before." but not "the day before the vote"
_THE_DAY_PREP = _after("for on in during throughout")
_THE_DAY_VERB = _after("end ended ending finish finished start started began close closed")
_DAYPART_PREP = _after("at by until till before after since from around about At By Until Before After Around")
_HOUR_PART = _i(r"in\s+the\s+(?:morning|afternoon|evening)|at\s+night")
# before a military clock time ("at 0600 hours", "by nineteen hundred hours"); without one, "1500
# hours" counts hours, and so does "after 1500 hours of testing" (a clock time takes no "of")
_CLOCK_PREP = _after("at by until till before after since from At By Until Till Before After Since From")
_NOT_OF = r"(?!\w)(?!\s+of\b)"
# an hour of the 24-hour clock in words: "oh six", "nineteen", "twenty-three", "twenty-four" (its end)
_HOUR_WORD = rf"(?:(?:oh|zero)[- ](?:{_ONES})|twenty(?:[- ](?:one|two|three|four))?|{_TEENS}|{_ONES})"
# its minutes in words: "oh five", "fifteen", "thirty", "forty-five" (never past fifty-nine)
_MINUTE_WORD = rf"(?:(?:oh|zero)[- ](?:{_ONES})|{_TEENS}|(?:twenty|thirty|forty|fifty)(?:[- ](?:{_ONES}))?)"
# a number under a hundred in words, ending a spelled year ("two thousand and five", "nineteen hundred and two")
_UNDER_100 = rf"(?:(?:{_TENS})(?:[- ](?:{_ONES}))?|{_TEENS}|{_ONES})"
# a year as broadcast transcripts say it: "nineteen eighty-four", "eighteen sixty"
_SPELLED_YEAR = rf"(?:nineteen|eighteen)(?:-|\s+)(?:{_TENS})(?:(?:-|\s+)(?:{_ONES}))?(?![\w-])"
_YEAR_WORDS = (
    rf"(?:(?:nineteen|eighteen|seventeen)[- ]hundred(?:[- ]and[- ]{_UNDER_100})?"
    rf"|two[- ]thousand(?:[- ](?:and[- ])?{_UNDER_100})?"
    rf"|{_SPELLED_YEAR})"
)
_YEAR_PREP = _after("in since until by of from before after In Since Until By From Before After")
_REF_POINT_PREP = _after("at to until till for At Until")
_AT = _after("at At")
_DURATION_FILLER = r"(?:more|additional|straight|consecutive|full|long|short|trading|business|calendar|successive)"

# (rule name, pattern). Group names are read by rules_calendar.py and rules_relative.py.
RULES: list[tuple[str, str]] = [
    # 2009-05-14, 2009-05-14T10:00
    ("iso", r"(?<![\w/-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
            r"(?:T(?P<hh>[0-2]\d):(?P<mm>[0-5]\d))?(?![\w-])"),
    # 7/8/07, 7/8/2007 (US order, as in English-language news)
    ("numeric", r"(?<![\w/.])(?P<m>1[0-2]|0?[1-9])/(?P<d>[12]\d|3[01]|0?[1-9])/(?P<y>\d{4}|\d\d)(?![\w/])"),
    # 12:00 UTC Monday, 6:40 p.m., 16:00 UTC today, 0800 UTC, 9 a.m., at 4 in the morning, 11:30 at night
    ("clock", rf"(?<![\w:.])(?:(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?::[0-5]\d)?"
              rf"(?:\s*(?P<ampm>{_AMPM})|\s+(?P<part1>{_HOUR_PART})(?![\w-]))?"
              rf"|(?P<hh2>[01]?\d)\s*(?P<ampm2>{_AMPM2})"
              rf"|(?P<mil>[01]\d|2[0-3])(?P<mil_mm>[0-5]\d)(?=\s*{_TZ})"
              # at 4 in the morning, by 10 at night (after a preposition: "fell 4 in the morning" counts)
              rf"|(?:{_DAYPART_PREP})(?P<hh3>1[0-2]|[1-9])\s+(?P<part3>{_HOUR_PART})(?![\w-])"
              # at 0600 hours, by 1930 hours, at nineteen hundred hours: the 24-hour clock
              rf"|(?:(?:{_CLOCK_PREP})(?P<mil_h>[01]\d|2[0-3])|(?P<mil_h0>0\d))(?P<mil_m>[0-5]\d)\s+(?i:hours){_NOT_OF}"
              rf"|(?:{_CLOCK_PREP})(?P<mil_words>{_i(_HOUR_WORD)})[- ](?:(?i:hundred)|(?P<mil_min>{_i(_MINUTE_WORD)}))"
              rf"\s+(?i:hours){_NOT_OF})"
              rf"(?:\s*(?P<tz>{_TZ})(?!\w))?"
              rf"(?:\s+(?P<day>{_i('today|yesterday|tomorrow')}|{_WEEKDAY}))?"),
    # Monday, June 1, 2009 / June 1st / March 12 2009 / June 3 / May fifth, nineteen eighty
    ("mdy", rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<mon>{_MONTH})\s+(?:(?P<d>{_DAYNUM})|(?P<dw>{_i(alternation(DAY_WORDS))})(?![\w-]))"
            rf"(?:(?:,\s*|\s+)(?:(?P<y>{_YEAR4})|(?P<spelled>{_i(_SPELLED_YEAR)})))?(?!\d|:\d)"),
    # 11 December 2009 / the 4th of July
    ("dmy", rf"(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:{_i('the')}\s+)?(?<![\d,.])(?P<d>{_DAYNUM})"
            rf"(?:\s+{_i('of')})?\s+(?P<mon>{_MONTH_WORD})(?:,?\s+(?P<y>{_YEAR4}))?"),
    # the last week of March
    ("week_of", _i(r"(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)\s+(?P<unit>week(?:end)?)\s+of\s+")
                + rf"(?P<mon>{_MONTH_WORD})(?:,?\s+(?P<y>{_YEAR4}))?"),
    # "today is the eighth day of ...": only with what places it (rules_relative.rule_nth_day)
    ("nth_day", _i(r"(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                   r"eleventh|twelfth|\d{1,3}(?:st|nd|rd|th))\s+day(?![\w’'-])")),
    # November 2006, June of 2009, May nineteen eighty-four, October of next year
    ("month_year", rf"(?P<mon>{_MONTH})(?:(?:,\s*|\s+{_i('of')}\s+|\s+)(?:(?P<y>{_YEAR4})|(?P<spelled>{_i(_SPELLED_YEAR)}))"
                   rf"|(?:\s+{_i('of')})?\s+(?P<rel>{_i('this|last|next|the following|the previous|the same')})"
                   rf"\s+{_i('year')}(?!\w))"),
    # last September, next March, this May
    ("rel_month", _i(r"(?P<rel>last|next|this|this\s+past|this\s+coming|the\s+following|the\s+previous)\s+")
                  + rf"(?P<mon>{_MONTH_WORD})(?!\s+{_DAYNUM},?\s+{_YEAR4})"
                  + rf"(?:\s+(?P<d>{_DAYNUM})(?![\d:]))?"),
    # the fourth quarter of 2005, Q3 2009, third-quarter, the first half of 2009
    ("quarter", _i(rf"(?:(?:the\s+|(?P<pre>this|last|next)\s+year[’']s\s+)?(?:fiscal(?:-|\s+))?(?P<ord>{_ORD})(?P<hy>-|\s+)(?P<unit>quarter|half)"
                   rf"(?:\s+of\s+(?:(?P<y>{_YEAR4})"
                   rf"|(?P<rel>this|last|next|the\s+previous|the\s+following|the\s+same)\s+year"
                   rf"|(?P<fy>fiscal\s+)?(?P<y2>{_YEAR4})))?"
                   # the first two quarters of 1990: a half (without a year, "the last two quarters" lasts P2Q)
                   rf"|(?:the\s+)?(?P<two>first|last)\s+two\s+quarters\s+of\s+(?P<y5>{_YEAR4})"
                   rf"|(?:fiscal\s+)?Q(?P<q>[1-4])(?:\s+(?P<y3>{_YEAR4}))?"
                   rf"|(?P<hq>H[12])\s+(?P<y4>{_YEAR4}))(?![\w-])")),
    # the 1988 second quarter, the 1989 period, the 1988 quarter: a year naming a reporting period
    ("year_period", _i(rf"(?:the\s+)?(?P<y>{_YEAR4})\s+(?:(?P<ord>first|second|third|fourth)(?:-|\s+))?"
                       r"(?P<unit>quarter|period|half)(?![\w-])")),
    # the year-earlier period, year-ago, the comparable year-ago quarter (TimeML convention)
    ("year_ago", _i(r"(?:the\s+(?:comparable\s+|corresponding\s+|same\s+)?(?=year-)"
                    r"|(?:comparable\s+|corresponding\s+))?(?P<core>year-(?:earlier|ago))"
                    r"(?:\s+(?P<noun>period|quarter|months|year))?(?![\w-])")),
    # the quarter a year ago, the corresponding period last year, last year's quarter (a reporting
    # period in the year before: one timex under TimeML)
    ("period_ago", _i(r"the\s+(?:same\s+|comparable\s+|corresponding\s+)?(?:quarter|period)\s+"
                      r"(?:(?P<ago>a\s+year\s+(?:ago|earlier))|(?P<last>last\s+year))(?![\w’'-])"
                      r"|(?P<last2>last\s+year)[’']s\s+(?:quarter|period)(?![\w’'-])")),
    # spring, last summer, the fall of 2008, winter 2009
    ("season", _i(rf"(?:(?P<rel>this|last|next|this\s+past|the)\s+)?(?P<season>{_SEASON})"
                  rf"(?:\s+(?:of\s+)?(?:(?P<y>{_YEAR4})|(?P<spelled>{_SPELLED_YEAR}|(?<=of\s){_YEAR_WORDS}(?!\s+(?:hundred|thousand)\b))))?(?![\w-])")),
    # 1990s, the '90s, 70s, the 2010's (only with "the": "2010's film" is a possessive year)
    ("decade", rf"(?:(?P<pre>{_i('early|late|mid')})-?\s*)?"
               rf"(?:(?P<full>1[1-9]\d0|20\d0)s|(?<=[Tt]he\s)(?P<full2>1[1-9]\d0|20\d0)[’']s"
               rf"|[’']?(?P<short>[1-9]0)s)(?!\w)"),
    # years and decades as broadcast transcripts spell them: nineteen ninety-four, the nineties
    ("spelled_year", _i(rf"(?P<hundreds>nineteen|eighteen)(?:-|\s+)(?P<tens>{_TENS})(?:-|\s+)?(?P<ones>{_ONES})?(?![\w-])"
                        rf"|the\s+(?P<decade>{_TENS.replace('y', 'ies')})(?![\w-])"
                        rf"|the\s+year\s+(?P<year_words>{_YEAR_WORDS})(?![\w-])(?!\s+(?:hundred|thousand)\b)"
                        # "in two thousand and five" (rules_calendar refuses one before a noun)
                        rf"|(?:{_YEAR_PREP})(?P<bare_words>two[- ]thousand[- ](?:and[- ])?{_UNDER_100})"
                        r"(?![\w-])(?!\s+(?:hundred|thousand)\b)")),
    # the 20th century
    ("century", _i(r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+century(?!\w)")),
    # holidays (capitalised), last Thanksgiving, next Christmas
    ("holiday", rf"(?:(?P<rel>{_i('last|next|this')})\s+)?(?P<hol>Christmas(?:\s+(?:Day|Eve))?|New\s+Year[’']s(?:\s+(?:Day|Eve))?|Halloween"
                rf"|Valentine[’']s\s+Day|Thanksgiving(?:\s+Day)?|Election\s+Day)(?:\s+(?P<y>{_YEAR4}))?(?!\w)"),
    # at mid-afternoon yesterday, by mid afternoon, at midnight Friday, until noon: a part of a day
    # after a preposition (so "High Noon" and "noon comes" stay out)
    ("daypart", rf"(?:{_DAYPART_PREP})"
                rf"(?:(?i:mid)[- ]?(?P<part>morning|afternoon|evening)|(?P<clock>midnight|noon|midday))"
                rf"(?:\s+(?P<day>{_i('today|yesterday|tomorrow')}|{_WEEKDAY}))?(?![\w-])"),
    # the day before yesterday, earlier today, tomorrow morning, tonight, this afternoon
    ("dayrel", _i(rf"(?:the\s+day\s+(?P<ba>before|after)\s+)?(?:(?P<el>earlier|later)\s+)?"
                  rf"(?P<word>today|tonight|yesterday|tomorrow)(?:\s+(?P<part>{_DAYPART}))?(?![\w-])"
                  rf"|(?P<this>this|tomorrow|yesterday)\s+(?P<part2>{_DAYPART})(?![\w-])")),
    # last Monday, Friday morning, on Thursday
    ("weekday", rf"(?:(?P<rel>{_i('last|next|this|this past|this coming|the following|the previous|the next')})\s+)?"
                rf"(?P<wd>{_WEEKDAY})(?:\s+(?P<part>{_i(_DAYPART)})(?P<pl>s)?(?![\w-]))?"),
    # five years ago, a year later, days later, two weeks earlier, a month from now
    ("offset", _i(rf"(?:(?P<num>{_NUM}){_HALF}?\s+)?(?P<unit>{_UNIT_S})\s+"
                  rf"(?P<dir>ago|later|earlier|from\s+now|hence|(?:before|after){_ANAPHOR_AFTER})(?![\w-])")),
    # earlier this month, last year, next week, the past decade, this weekend, the previous year
    ("rel_unit", _i(rf"(?:(?P<el>earlier|later)\s+)?(?P<rel>{_REL_WORDS})\s+(?P<unit>{_UNITS})(?!\w)"
                    rf"|the\s+(?P<unit2>day|week|month|year|decade)\s+"
                    rf"(?P<rel2>before|after|earlier|later|previous|prior){_ANAPHOR_AFTER}")),
    # year-end, the year's end: the end of the publication's year
    ("year_end", _i(r"(?:the\s+)?(?:year(?:-|\s)end|year[’']s\s+end)(?![\w-])")),
    # the end of the year, the start of the day (prefix mod + "the unit")
    ("the_unit", _i(r"(?P<mod>the\s+(?:very\s+)?(?:end|beginning|start|middle|close|rest)\s+of)\s+the\s+"
                    r"(?P<unit>day|week|month|year|quarter|decade)(?![\w-])")),
    # "for the day", "ended the day", "late in the day": the trading day of market reports
    ("the_day", _i(rf"(?:{_THE_DAY_PREP})the\s+day(?=\s*[,.;:)]|\s+(?:as|and|with|to|on|in)\b)"
                   rf"|(?:{_THE_DAY_VERB})the\s+day(?![\w’'-])"
                   r"|(?:late|early|earlier|later)\s+in\s+the\s+day(?![\w’'-])")),
    # the latest quarter, the quarter, the fiscal year, the full year (TimeML convention)
    ("the_period", _i(r"the\s+(?P<which>latest\s+|most\s+recent\s+)?(?P<fy>fiscal(?:-|\s+)|full\s+)?"
                      r"(?P<unit>quarter|period|year|weekend)(?![\w’'-])(?!\s+(?:\d|before|after|earlier|later|ago|previous|prior))"
                      # "the year of 1990" is another rule's, "the year of the dragon" no period; "a high for
                      # the year of $42" measures the high
                      + rf"(?!\s+of\b(?!\s*[{re.escape(''.join(CURRENCY_SIGNS))}]))")),
    # every year, each Monday, once a week, twice a year
    ("set", _i(rf"(?:every|each)\s+(?:other\s+)?(?P<unit>{_UNITS}|{_DAYPART})(?!\w)"
               rf"|(?P<freq>once|twice|three\s+times|\d+\s+times)\s+(?:a|an|per|every)\s+(?P<unit2>{_UNITS})(?!\w)")
            + rf"|(?:{_i('every|each')})\s+(?:(?P<wd>{_WEEKDAY})|(?P<mon>{_MONTH_WORD}))"),
    ("set_adv", rf"(?<![\w-])(?P<adv>{alternation(SET_ADVERBS)})(?![\w-])"),
    # the past nine days, the next four years, 11 years, several months, 41-year, decades-long,
    # over the years
    ("duration", _i(rf"(?P<num2>a|an|one)\s+(?P<unit2>{_UNITS})\s+and\s+a\s+half(?!\w)"
                    rf"|(?:(?P<rel>the\s+(?:past|last|next|first|coming|previous|following|final)"
                    rf"|recent|coming|past)\s+)?"
                    rf"(?:(?P<num>{_NUM})(?P<half>{_HALF})?(?:\s+|(?P<hy>-))(?:{_DURATION_FILLER}\s+)?)?"
                    rf"(?P<unit>{_UNITS})(?P<pl>s)?(?P<long>-long)?(?![\w])(?!-old|-earlier|-ago)(?!\s+old\b)"
                    rf"|half\s+an?\s+(?P<unit3>hour|day|year|month|century|decade)(?!\w)"
                    rf"|over\s+the\s+(?:past\s+|last\s+)?(?P<unit4>years|decades|months)(?!\w)")),
    # at a later date, until some future date, at this crucial moment, at the moment: an indefinite
    # point as a time adverbial (after a preposition: "set a later date" fixes one, "the moment was
    # marked" names an event; "for the moment" says how long a choice holds)
    ("ref_point", rf"(?:{_REF_POINT_PREP})(?P<later>{_i('(?:a|some)')}\s+(?:later|future)\s+(?:date|time))(?![\w-])"
                  rf"|(?:{_AT})(?P<now>{_i('this')}\s+(?:(?!(?i:last|same|final)\b)[a-z]+\s+)?moment"
                  rf"|{_i('the')}\s+(?:present\s+)?moment)(?![\w-])"),
    # now, currently, recently, the future
    ("ref", _i(rf"(?<![\w-])(?P<ref>{alternation(REF_WORDS)})(?![\w-])")),
    # recent, current as adjectives: PAST_REF / PRESENT_REF (TimeML convention)
    ("ref_adj", _i(r"(?<![\w-])(?:(?P<then>then)[- ])?(?P<adj>recent|current)(?![\w-])")),
    # bare month (May/March/... filtered by context in rules_calendar.py)
    ("month", rf"(?P<mon>{_MONTH_WORD})(?!-)"),
    # bare year: 2010, 2010's, '82
    ("year", rf"(?:(?<![\w$£€#.,/:-])|(?<=[Mm]id-)|(?<=\b[Pp]re-)|(?<=\b[Pp]ost-))(?P<y>{_YEAR4})(?![\w%]|[.,]\d|-\d|/\d)"
             r"|(?<=\s)[’'](?P<y2>\d\d)(?![\w%’'])"),
]

# No expression runs across a line break (headline, dateline and body are separate lines).
RULES = [(name, pattern.replace(r"\s", r"[^\S\n]")) for name, pattern in RULES]
RULE_REGEX: dict[str, re.Pattern[str]] = {name: re.compile(pattern) for name, pattern in RULES}
_NAMED = re.compile(r"\(\?P<\w+>")
SCANNER = re.compile(
    _B  # candidates start on a word boundary (or an apostrophe, for '82)
    + "(?:" + "|".join(f"(?P<{name}>{_NAMED.sub('(?:', pattern)})" for name, pattern in RULES) + ")"
)

# Modifiers extending a date leftwards: "toward the end of last year" -> "the end of last year".
LEFT_MODIFIER = re.compile(
    _i(r"(?:\b(?P<mod>the\s+(?:very\s+)?(?:end|beginning|start|middle|close|latter\s+part|height|dawn)"
       r"\s+of(?:\s+the)?|(?:the\s+)?(?:mid|early|late)))(?:\s*-\s*|\s+)$")
)
# Open ends extending a date or duration rightwards (TimeML): "1994 or later", "the next year or so".
OPEN_END_AFTER = re.compile(_i(rf"[^\S\n]+(?P<open>{alternation(OPEN_END_MODS)})(?![\w-])"))
# Approximators extending a duration or an offset leftwards: "over a year ago", "nearly five months".
APPROX_BEFORE = re.compile(_i(rf"\b(?P<approx>{alternation(APPROX_MODS)})\s+$"))
# "the week of March 6", "the day before last Tuesday" (TimeML): a week or day found from a date.
DAY_ANCHORED_BEFORE = re.compile(_i(r"\bthe[^\S\n]+(?:week[^\S\n]+of|day[^\S\n]+(?P<ba>before|after))[^\S\n]+$"))
