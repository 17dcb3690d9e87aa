"""storyline's TIMEX3 tagger and normalizer (pure Python), and the ``storyline_timex`` component.

What is tagged, and the conventions followed (TimeML / TempEval-3, as annotated in MEANTIME):

- Spans include determiners and modifiers that are part of the expression ("the end of last
  year", "early June", "over a year ago", "nearly five months", "exactly a year later") but not
  signals ("in", "on", "within", "for", "toward") nor focus adverbs ("just", "only"): "within
  weeks" tags "weeks" (PXW), "just days later" tags "days later".
- "the past year"/"the past decade" are DURATIONs (P1Y, P10Y); "the last year" is read as last
  year, as MEANTIME annotates it.
- DATE values are ISO at the stated granularity (2009, 2009-06, 2009-W13, 2009-Q4, 2009-SP,
  199 for the 1990s); DURATION values are P..; SET values are the period; PRESENT_REF, PAST_REF
  and FUTURE_REF for "now"/"currently", "recently", "soon"/"the future".
- Partial and relative dates are completed from the publication date and the tense around
  them (anchor "DCT"): a month, weekday or holiday said in the past that would fall after
  publication moves back a year/week, one said of the future that would fall before moves
  forward; a season said in the past is the latest one begun by publication ("has spent much of
  the winter" in March 2024 is 2023-WI, December to February), one said of the future the first
  not yet over. Tense comes from the parse when a Doc is given (an active present perfect counts
  as past), else from cue words; a capitalised cue inside a name ("spoke to To Be Announced",
  "Will Smith") or a participle after a determiner ("the planned stop") is no cue. From the parse (TimeML's
  anchoring by the governing verb): a modal puts what it governs ahead ("will come on Tuesday"),
  a modal perfect behind ("may have been responsible for Wednesday's drop"); "could", also the past
  of "can", is ahead for an event even under a past reporting verb ("officials said the vote could
  come Thursday"), behind when negated ("said he couldn't sleep on Saturday"; "couldn't" and "could
  not" alike) or for what one perceives or knows under a past verb (WordNet verb.perception /
  verb.cognition: "could see the survivors on Saturday, he said"), ahead again when the date is a
  lower bound ("as early as Tuesday", "could not reach the coast before Thursday", "couldn't meet
  until Thursday"); a present verb of intention is ahead ("On Tuesday, the league plans to hold ...").
  "through" looks back only when a measured change (a percent or points) comes before it in its
  clause ("up 5 percent through March", "has gained 10 percent through March"); otherwise it
  bounds what runs ahead as "until" does ("the exhibit runs through Sunday", "has been extended
  through January"); an active present perfect looks ahead with "until"/"till" ("has given them
  until 9 a.m. Tuesday") and with "through" when it has an object, what is given or kept ("has
  extended loans through January"), else reports what is done ("has lived there through March").
  A weekday dating an event verb in the simple present is the next one, as
  news tells what is scheduled ("Netanyahu and Arafat meet separately Monday"), unless the verb
  reports, states, thinks or perceives ("says Monday") or the line is a headline (no closing
  punctuation: "Earthquake kills 20 Thursday" tells what happened); a negative subject denies "could" as "not"
  does ("Neither he nor his parents could be located Wednesday" looks back); a possessive weekday the
  parse gives no tense dates its noun, on the side of the sentence's main verb ("said they would
  look for ways to get around Wednesday's ruling" is the last one, "are rushing to prepare for
  Thursday's debate" the next).
  "last Oct. 23" is that day, the latest before publication (XXXX-10-23 with no publication date);
  the day must exist in the year resolved ("last Feb. 29" said in January 2001 is 2000-02-29);
  in "since last May 20 people" the number counts people, and the timex is "last May"; a plural
  number word does not ("since last May 20 thousands have marched": "last May 20").
  Anaphoric ones ("a year
  later", "the following month", "the same day", "days later" = mod AFTER) are computed from
  the last calendar date in the text (anchor "t<i>"), or the publication date if none.
- A clock time of the 24-hour clock after a preposition is a TIME on the day in view: "at nineteen
  hundred hours", "by 1930 hours", "at nineteen thirty hours" (2005-11-28T19:00, T19:30, T19:30);
  "at twenty-four hundred hours" ends the day (T24, as "midnight"); "0600 hours" with its leading zero
  needs none. Without one, "1500 hours" counts hours (PT1500H), and so does "after 1500 hours of
  work". Spelled years: "the year nineteen hundred" (1900), "the year two thousand and two", "in
  two thousand and five" (not before a noun: "in two thousand and five cases" counts; after "of"
  only after a time: "the spring of two thousand and five" is 2005-SP, "a crowd of two thousand and
  five" counts), "May nineteen eighty-four" (1984-05, one date as "May 1984" is).
- A game's quarters and halves are periods of play, not the calendar's (see :mod:`.play`):
  "threw two touchdowns in the fourth quarter" is untagged under both conventions; TimeML has no
  value for them and neither corpus annotates one.
- Refused: ages ("25-year-old", "42 years old", "Portman, 42"), counts and ordinals
  ("3,200", "10th"), titles of works (``exclude`` spans, and month pairs such as "May December"),
  the modal "may", idioms ("at the end of the day", "in the long run", "one day she..."), titles in
  quotes (ABC's "This Week,": two capitalised words or more, quotes right around them), periods of
  a payment made by the period ("six months of base pay", "three months' rent": money), and
  evaluative phrases such as "a rocky year", which name no period that could be placed on a timeline.
- "the post-1959 politics", "pre-2000 models": the year with mod AFTER / BEFORE (as "mid-2011").
- "2010's Black Swan" (straight or curly apostrophe) is the year 2010; "the 2010's" is the decade.
- A month or day without a year takes the year that puts it nearest publication ("in October" in
  a January article is last October, "payable Jan. 2" in November is next January) unless tense
  says otherwise: a past clause moves it back a year only when it would fall more than a month
  after publication ("the offer was extended to Nov. 20" in a Nov. 2 article is that Nov. 20). A
  quarter said of the future is next year's only when it ended two quarters or more ago ("expects
  to report a third-quarter loss" in November is this year's third quarter).

Conventions (the option ``timex_convention``, component config ``convention``). The default,
"meantime", follows MEANTIME as above; "timeml" follows TimeBank/AQUAINT as TempEval-3 scores them
(measured by ``eval/timebank.py``). Under "timeml":

- "two weeks later" / "two weeks after." tag the DURATION "two weeks" (P2W); "later" is a signal.
  "a year earlier" and "five years ago" stay one DATE, as TimeBank annotates them.
- Business reporting periods are tagged: "the latest quarter" / "the quarter" (the quarter the text
  reports on, else the last one ended), "the year-earlier period", "year-ago", "the fiscal year"
  (the publication's year; "the year ended March 31" is the DURATION P1Y; "a high for the year of
  $42" is the year: "of" an amount measures the high), "the 1988 second
  quarter". In a report about a quarter that has ended, "a year ago", "a year earlier" and
  "compared with ... last year" are that quarter a year before (1988-Q3), not the year.
- "the weekend" is a DATE (the last weekend begun, or the next one in a future clause: 1989-W43-WE).
- "recent" and "current" are PAST_REF / PRESENT_REF ("the then current price" PAST_REF, "then" in
  the span); "soon" is not tagged (TimeBank tags it in
  fewer than a third of its uses).
- Frequency adjectives before a noun ("a quarterly dividend", "the annual meeting") and rates ("$1.76
  a year", "700 seats a week", "to rise 8.5% annually", "$300 million more annually") are not tagged; "annually", "every week",
  "weekly" said of an event stay SETs.
- "the nine months" (a report's period) and "the early 1980s" include the article; "the past year"
  is last year. A hyphened modifier makes an adjective whose article is its noun's: "the
  third-quarter GNP growth" tags "third-quarter", "the late-November trip" "late-November", "the
  late-1990s boom" "late-1990s" ("by the mid-1990s." keeps it: no noun follows).
- "six weeks ago" is a week (1999-W47), at its unit's granularity as "three years ago" is a year;
  "the week of March 6" is that ISO week (2000-W10); "the day before last Tuesday" that day shifted.
- "last night" is a TIME (1998-01-19TNI). "now that he is ..." is PRESENT_REF; "right now" tags
  "now" ("right" is a focus adverb, as "just"). "today's youth", "today's personal computers"
  (people or things, WordNet) speak of these times and are untagged, as "the people of tomorrow",
  "the computers of today" are; "today's editions", "the vote of tomorrow" are the day.
- A clock time followed by the date it falls on is one TIME ("5 p.m. EST, Nov. 6" is
  1989-11-06T17:00; MEANTIME annotates the two apart).
- "the quarter a year ago", "last year's quarter", "the corresponding period last year" are one
  DATE, the reported quarter a year before; "the quarter ended July 31" is the quarter already in
  view (a fiscal one), else the calendar quarter most of its three months fall in (1989-Q2). The
  reported quarter is one that has ended and is not older than the one in view ("after a flat
  second quarter" in a third-quarter report is a comparison); after "for the nine months" a "a
  year earlier" is the year before; "year-earlier results" is the reported quarter a year before.
  A quarter whose results are told in the past has ended even when the calendar's has not: in
  November, "reported a decline in fourth-quarter earnings" names a fiscal quarter, the one then
  in view, and an older "fiscal" quarter is another company's period, then the one in view. In a
  report on a quarter, "this quarter" is that one ("This quarter's loss includes
  charges"), unless said of what is ahead.
- "that year", "later that year", "that same day" are the year/day last spoken of; a day (or week,
  or month) whose anchor is known only to a coarser unit keeps its own granularity with X ("that
  same day" after "last October" is 1998-10-XX, "the following month" after "1987" 1987-XX; MEANTIME:
  no finer than the anchor, 1998-10).
- "at a later date", "at some future date" are FUTURE_REF (MEANTIME writes "at a later time" as
  an unknown day, XXXX-XX-XX).
- Fractions are written in whole units: "2 1/2 years" P2Y6M, "a minute and a half" PT1M30S
  (MEANTIME: P2.5Y). "24 hours a day", like "$1.76 a year", is a rate and not tagged. Decades and
  centuries of no count take TimeML's one-letter units, "for centuries" PXC and "decades-long" PXE
  (MEANTIME: PXCE, PXDE); counted ones are years under both ("two decades" P20Y).

Under both: "the first two quarters of 1990" is the half 1990-H1 (with no year "the last two
quarters" lasts P2Q), "at this crucial moment" and "at the moment" are PRESENT_REF (a time adverbial after
"at": "for the moment", "the moment was marked", "at the last moment" are not), "in June last year" is one DATE (1997-06), "this year's third quarter" one DATE,
"Saturday, April 25:" one DATE, and "the 1988 second quarter" is never a duration of 1,988 seconds
(MEANTIME tags the year alone). "each July" and "Tuesday nights" are SETs; "by mid afternoon",
"at midnight Friday", "at mid-afternoon yesterday" are TIMEs (a part of a day after a
preposition); "March eighth", "the winter of nineteen ninety-four", "the year two thousand",
"Election Day" and "late-November" are dates; "today is the eighth day of Desert Shield" and "it's the
second day of an offensive" name the publication day (an ordinal day nothing places is untagged); "the annual March for Life" names an event;
"a day-long strike" lasts P1D; "payable Dec. 1" lies ahead; an infinitive under a past perfect
is past ("had been scheduled to expire Friday"), and so is one under an adjective under a past
verb ("made it difficult to meet demand into the summer"); an infinitive of purpose under a past
verb follows its main event and stays ahead ("left on Monday to attend a summit on Friday"),
while a date naming its object's event is the nearest ("was kidnapped to make the late-November
trip"); "at 4 in the morning", "by 10 at night" are clock times and "12 at night" is T24 (after
a preposition, and not before a noun: "fell 4 in the morning", "by 4 in the morning session"
count); "This Christmas was quiet" in January is the last one; "last Thanksgiving", "next
Christmas" and "this coming Sunday, March eighth" are one DATE each; "the past three summers"
is no PAST_REF "the past"; "three-quarters of its foodstuffs" is a fraction. Not followed, because the gold does not agree
with itself: "the end of the month" as a day, unpadded or unresolved weeks (TimeBank writes
2000-W8, 1989-WXX and 1998-10 for "last week"), X-padded years (1949-XX), "Friday night" as
"Friday", and which "now", "recent", "soon", "already" to tag.

Why "meantime" is the default: its whole-phrase dates ("two weeks later" is the date two weeks
after the anchor) put more on the story's timeline, which is what storyline builds; TimeML's
duration leaves that date to a temporal link storyline does not make. The option exists so the
tagger can be scored, and used, the TempEval way.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from storyline.read.convention import ConventionComponent
from storyline.read.doc import DocIndex, TimexAnn, ensure_extensions
from storyline.core.dates import DEFAULT_TIMEX_CONVENTION as DEFAULT_CONVENTION
from storyline.core.dates import TIMEX_CONVENTIONS as CONVENTIONS
from storyline.read.timex.tagger import tag_timexes

__all__ = ["CONVENTIONS", "DEFAULT_CONVENTION", "make_timex_component", "tag_timexes", "timex_component", "timexes_for"]

ensure_extensions()


def _work_spans(doc: Doc) -> list[tuple[int, int]]:
    spans = []
    for entity in doc._.sl_entities or ():
        if getattr(entity, "type", None) == "WORK":
            spans.extend((m.start, m.end) for m in entity.mentions)
    return spans


def timexes_for(doc: Doc, convention: str = DEFAULT_CONVENTION) -> list[TimexAnn]:
    """The timexes of a parsed Doc under ``convention`` (what ``storyline_timex`` writes)."""
    meta = doc._.sl_meta
    published = getattr(meta, "published", None) if meta is not None else None
    try:
        # The index's copy of the text: earlier components built it, and ``doc.text`` is joined
        # again from the tokens at each call.
        text = DocIndex.build(doc).text
        return tag_timexes(text, published, doc=doc, exclude=_work_spans(doc), convention=convention)
    except Exception:  # noqa: BLE001 - a component must never break the pipeline on odd text
        return []


def timex_component(doc: Doc, convention: str = DEFAULT_CONVENTION) -> Doc:
    """Tag TIMEX3 expressions: writes ``doc._.sl_timexes`` and ``doc.spans["sl_timexes"]``."""
    timexes = timexes_for(doc, convention)
    doc._.sl_timexes = timexes
    spans = []
    for t in timexes:
        span = doc.char_span(t.start, t.end, label=t.type, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans["sl_timexes"] = spans
    return doc


@Language.factory(
    "storyline_timex",
    default_config={"convention": DEFAULT_CONVENTION},
    requires=["doc._.sl_entities", "token.tag", "token.dep", "token.head"],
    assigns=["doc._.sl_timexes", "doc.spans"],
)
def make_timex_component(nlp: Language, name: str, convention: str) -> ConventionComponent:
    """``nlp.add_pipe("storyline_timex", config={"convention": "timeml"})``."""
    return ConventionComponent("storyline_timex", timex_component, convention, CONVENTIONS)
