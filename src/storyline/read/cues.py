"""The wording cues the read stage records on a claim (:attr:`Claim.cues`), and the other readings
of words around a claim or an age that the reconcile stage needs (a claim's context time, the past
moment an age held on).

One home for them: the reader that finds a cue and the reconcile code that consults it both name
it from here, and ``tests/read/test_cues.py`` checks that every name is documented.

They are read over the whole article text and its timex records when the records are made
(:func:`storyline.read.extract.reading_from_annotations`), so a long article read in chunks gets
the same readings as a short one. Records stored before schema 7 have no cues, no context time
and no past ages: they reconcile as if none were written, so such stores should be read again
(migration 0007 lists their articles, and the next ``analyze`` given them reads them anew).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Sequence

from storyline.core import words
from storyline.core.dates import interval
from storyline.core.lexicon import load_data
from storyline.core.records import Timex
from storyline.read.claims_pack import reports_denial

__all__ = ["CLAIM_CUES", "age_moment", "claim_cues", "context_timex", "dated_timexes"]

#: Cue name -> what it means. The read stage adds a cue to ``Claim.cues`` when the claim's words say so.
CLAIM_CUES: dict[str, str] = {
    "passive_denial": "A denial verb in the passive: 'was denied a permit', 'had been dismissed': the subject "
                      "undergoes the refusal; nobody denies anything.",
    "reported_denial": "The claim reports a denial of reports, rumours, claims or allegations (hedges.json "
                       "denial_objects), or of what an enabled pack's classes name ('who denied cheating in January', "
                       "celebrity pack): it is a denial, not the thing denied.",
    "not_yet": "'has not (yet) been', 'not yet', 'yet to be': a negation that a later report may update, not contradict.",
    "except": "'no one else', 'nothing else', 'no other': a negation relative to a set the claim leaves out.",
    "negator": "The claim's own words negate ('no', 'not', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', "
               "'-n't'), even when it was read as positive ('there appeared to be no survivors').",
    "intended": "The claim's predicate is the infinitive of an intention (hedges.json intentions: 'wanted to win', "
                "'plans to cut 500 jobs'): intended, not told as done; it disputes nothing and its figures count nothing.",
    "when_model_year": "The claim's timex is a bare year written before a capitalised name ('his 2008 Bentley'): a "
                       "model or an edition, not the date of what happened.",
    "when_leading_clause": "The claim opens on a temporal clause ('After telling People in October that ...') whose "
                           "words, up to the claim's timex, hold no comma: the timex dates that clause, not the claim.",
    "when_work_date": "The claim's timex dates a work: right before \"'s <Work>\" ('2010's Black Swan') or 'film', "
                      "'album', ... ('the 2010 film'): a release year, not the date of the event.",
    "when_dateline": "The claim's timex is a dateline: a date given to the day with its year (within a day of the "
                     "publication date when that is known) opening a line, after at most a label "
                     "('Posted: Thursday, July 29, 2004 Fred LaRue ... died'), with the lead running on after it: the "
                     "date of the report, not of what happened.",
    "context_model_year": "The claim's context time (Claim.context_when) is a model year, as for 'when_model_year'.",
    # Set from the enabled domain packs' word lists (storyline.read.claims_pack); <class> is a pack class.
    "about:<class>": "the claim's words name the pack class as a denial would ('denied the affair'); "
                     "in the pack's class order, so the first is what a denial denies",
    "class:<class>": "the claim's words put it in that pack class whatever its predicate's class "
                     "('living apart' is a separation, 'romantically involved' an affair)",
}

_BE_GET = frozenset("was were been being is are be am get gets got gotten".split())
_WORD = re.compile(r"[A-Za-z’']+")
_NOT_YET = re.compile(r"\b(?:(?:has|have|had)\s*(?:not|n[’']t)\s+(?:yet\s+)?been|not\s+yet|yet\s+to\s+be)\b", re.I)
_NEGATOR = re.compile(r"\b(?:no|not|never|none|nobody|nothing|neither|nor)\b|n[’']t\b", re.I)
_EXCEPT = re.compile(r"\b(?:no\s*one|nobody|nothing|none|no\s+\w+)\s+else\b|\bno\s+other\b", re.I)
# A year written before a capitalised name (other than a month) is a model or an edition.
_MODEL_YEAR = re.compile(r"^\s+(?!(?:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December)\b)[A-Z]")
_LEADING_CLAUSE = re.compile(r"^\W*(?:after|before|since|until|when|while|following|once)\b", re.I)
# A dateline: a line opening on a date to the day with its year (or on the clock time after such a date),
# after at most a label ("Published:"), and the lead running on after it on the same line (a
# capitalised word, no comma).
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Wed|Thu|Fri|Sat|Sun)"
_SP = r"[^\S\n]"  # a space on the same line
_DATELINE_HEAD = re.compile(
    rf"^{_SP}*(?:[A-Za-z]+:{_SP}*)?"  # a label: "Published:"
    rf"(?:(?:{_WEEKDAY}\.?,?{_SP}+)?[A-Z][a-z]+\.?{_SP}+\d{{1,2}},?{_SP}+\d{{4}},?{_SP}+(?:at{_SP}+)?)?$")  # a date before a clock time
_YEAR = re.compile(r"\b\d{4}\b")
_LEAD_AFTER = re.compile(rf"{_SP}+[A-Z\"“]")  # the lead running on after the dateline
_DAY_VALUE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:T|$)")
_WORK_TAIL = re.compile(r"^(?:['’]s\s+|\s+(?:film|movie|album|series|show|novel|book|song|single|season)\b)")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z])")
_OPENS_ON_PRONOUN = re.compile(r"^\W*(?:it|they|this|that|these|those|he|she)\b", re.I)
# Words right before an age that put it in the past: "was 17", "at 17", "aged 17 (in 2009)", "at the age of 17".
_PAST_AGE = re.compile(r"(?:\b(?:was|were|aged|at)|\bage\s+of)\s+$", re.I)
_SENTENCE_END_CHARS = ".!?\n"
_SENTENCE_END = re.compile(f"[{re.escape(_SENTENCE_END_CHARS)}]")


@lru_cache(maxsize=1)
def _denial_verbs() -> frozenset[str]:
    return frozenset(load_data("hedges.json", {"denial": list})["denial"])


@lru_cache(maxsize=1)
def _denial_objects() -> tuple[str, ...]:
    return tuple(load_data("hedges.json", {"denial_objects": list})["denial_objects"])


@lru_cache(maxsize=65536)
def _inflected_denial(low: str) -> bool:
    """Whether ``low`` is an inflection of a denial verb ('denied', 'dismissed'), not its base form.
    Per word: an article's claims overlap, and each one's words are read."""
    verbs = _denial_verbs()
    return words.lemmatize(low, "v") in verbs and low not in verbs


@lru_cache(maxsize=1)
def _intentions() -> frozenset[str]:
    return frozenset(load_data("hedges.json", {"intentions": list})["intentions"])


_INFINITIVE_AFTER = re.compile(r"([A-Za-z]+)\s+to\s+$")


def _intended(text: str, start: int, predicate_start: int | None) -> bool:
    """Whether the words right before the claim's predicate are an intention and 'to' ('wanted to
    [win]'), inside the claim."""
    if predicate_start is None or not start <= predicate_start:
        return False
    m = _INFINITIVE_AFTER.search(text, max(start, predicate_start - 40), predicate_start)
    return m is not None and words.lemmatize(m.group(1).lower(), "v") in _intentions()


def _passive_denial(claim_text: str) -> bool:
    toks = _WORD.findall(claim_text)
    for i, w in enumerate(toks):
        if _inflected_denial(w.lower()):
            j = i - 1
            while j >= 0 and toks[j].lower().endswith("ly"):
                j -= 1
            if j >= 0 and toks[j].lower() in _BE_GET:
                return True
    return False


def _model_year(text: str, t: Timex) -> bool:
    return bool(re.fullmatch(r"\d{4}", t.text.strip()) and _MODEL_YEAR.match(text[t.end : t.end + 30]))


def _dateline(text: str, t: Timex, published: date | None) -> bool:
    # A dateline is the report's own date: given to the day (a timeline's "March 2003" or "2009"
    # opening a line is an entry's date) and, when the publication day is known, within a day of it.
    day = _DAY_VALUE.match(t.value or "")
    if not day:
        return False
    if published is not None:
        try:
            if abs((date.fromisoformat(day.group(1)) - published).days) > 1:
                return False
        except ValueError:
            return False
    line_start = text.rfind("\n", 0, t.start) + 1
    head = text[line_start : t.start]
    dated = _YEAR.search(t.text) or (t.type == "TIME" and _YEAR.search(head))
    return bool(_DATELINE_HEAD.match(head) and dated
                and _LEAD_AFTER.match(text, t.end, t.end + 3))


def _work_date(text: str, t: Timex, work_starts: set[int]) -> bool:
    if t.text.endswith(("'s", "’s")):  # the timex swallowed the possessive: "2010’s" + title
        nxt = t.end + (len(text[t.end :]) - len(text[t.end :].lstrip()))
        return nxt in work_starts or text[nxt : nxt + 1].isupper()
    tail = text[t.end : t.end + 40]
    m = _WORK_TAIL.match(tail)
    if not m:
        return False
    if tail.lstrip()[:1] in ("'", "’"):
        nxt = t.end + m.end()
        # The possessive must be followed by a work title: a WORK mention, else a capitalised word.
        return nxt in work_starts or text[nxt : nxt + 1].isupper()
    return True


def claim_cues(text: str, start: int, end: int, when: Timex | None, context: Timex | None,
               work_starts: set[int], published: date | None = None, predicate_start: int | None = None) -> tuple[str, ...]:
    """The :data:`CLAIM_CUES` of the claim at ``[start, end)`` of ``text``, anchored to ``when`` and with the
    context time ``context``; ``work_starts`` are the start offsets of the article's WORK mentions,
    ``published`` the article's publication day when known, ``predicate_start`` where its predicate's words start."""
    own = text[start:end]
    found = set()
    if _intended(text, start, predicate_start):
        found.add("intended")
    if _passive_denial(own):
        found.add("passive_denial")
    if reports_denial(own, _denial_objects()):
        found.add("reported_denial")
    if _NOT_YET.search(own):
        found.add("not_yet")
    if _EXCEPT.search(own):
        found.add("except")
    if _NEGATOR.search(own):
        found.add("negator")
    if when is not None:
        if _model_year(text, when):
            found.add("when_model_year")
        head = text[start : when.start]
        if _LEADING_CLAUSE.match(head) and "," not in head:
            found.add("when_leading_clause")
        if _work_date(text, when, work_starts):
            found.add("when_work_date")
        if _dateline(text, when, published):
            found.add("when_dateline")
    if context is not None and _model_year(text, context):
        found.add("context_model_year")
    return tuple(name for name in CLAIM_CUES if name in found)


def dated_timexes(timexes: Sequence[Timex]) -> list[Timex]:
    """The timexes that can date a claim: DATEs and TIMEs."""
    return [t for t in timexes if t.type in ("DATE", "TIME")]


def context_timex(text: str, start: int, end: int, sentence_start: int, sentence_end: int,
                  dated: Sequence[Timex]) -> Timex | None:
    """The date the context gives a claim with no time of its own: the nearest date of its sentence,
    or, when it or its sentence opens on a pronoun ("It killed 612 people and injured more than
    1,400": both claims), the last date of the sentence before. ``dated``: the article's DATE and
    TIME timexes (:func:`dated_timexes`, taken once per article)."""
    own = [t for t in dated if sentence_start <= t.start and t.end <= sentence_end]
    if own:
        return min(own, key=lambda t: min(abs(t.start - end), abs(t.end - start)))
    if not (_OPENS_ON_PRONOUN.match(text[start:end]) or _OPENS_ON_PRONOUN.match(text[sentence_start:sentence_end])):
        return None
    before = _last_break(text, max(0, sentence_start - 1))
    prev = [t for t in dated if before <= t.start and t.end <= sentence_start]
    return max(prev, key=lambda t: t.start) if prev else None


def _last_break(text: str, endpos: int) -> int:
    """The end of the last sentence break in ``text[:endpos]``, else 0. Breaks never overlap and
    read nothing before their full stop, so the last one is the last of a window ending at
    ``endpos``: widening windows keep a long article from being scanned from its start per claim."""
    width = 512
    while True:
        lo = max(0, endpos - width)
        ends = [m.end() for m in _SENTENCE_BREAK.finditer(text, lo, endpos)]
        if ends or lo == 0:
            return ends[-1] if ends else 0
        width *= 2


def age_moment(text: str, start: int, end: int, as_of: date | None, timexes: Sequence[Timex]) -> tuple[str | None, bool]:
    """For the age written at ``[start, end)``: (the id of the past date it held on, whether it is told
    of an undated past). An age is past when the words right before it say so, and dated by the
    nearest date of its sentence that ends by ``as_of`` (the day the article states it); "aged 17"
    with no such date is the article's present."""
    if as_of is None:
        return None, False
    cue = _PAST_AGE.search(text[max(0, start - 20) : start])
    if cue is None:
        return None, False
    s0 = max(text.rfind(c, 0, start) for c in _SENTENCE_END_CHARS) + 1  # 0 when none
    m = _SENTENCE_END.search(text, end)
    s1 = m.start() if m else len(text)
    best: tuple[int, str] | None = None
    for t in timexes:
        if t.type == "DATE" and s0 <= t.start and t.end <= s1:
            span = interval(t.value, t.mod)
            if span is not None and span.end <= as_of and (best is None or abs(t.start - end) < best[0]):
                best = (abs(t.start - end), t.id)
    if best is not None:
        return best[1], False
    return None, not cue.group(0).lower().startswith("aged")
