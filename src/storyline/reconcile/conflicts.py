"""Conflicts inside one fact, each with a reason a person can check, and the updates that are not.

A fact (an aligned :class:`~storyline.reconcile.align.Cluster`) is one event or state told by
several claims. Two of its claims **conflict** when they cannot both be true:

* ``quantity``: two numbers of the same measure of the same thing (deaths, injured, magnitudes,
  distances from one place, durations, rounds fired) whose ranges do not meet, once each
  wording's modifier, rounding and units are taken into account (:mod:`.measures`);
* ``date`` / ``time``: two times of a once-only event that no single moment fits
  (:class:`storyline.core.dates.Moment`: days, weekdays and month-days, then clock times ± 15
  minutes; a night runs into the next morning). ``date`` when the days differ, ``time`` when only
  the clock does. A claim's date from a model year, a leading temporal clause or a dateline (the
  read stage's ``when_*`` cues) dates something else and is not compared. Two weekdays of undated
  articles ("on Tuesday" / "on Friday") clash: inside one fact they tell one happening's day;
  alignment, not this step, decides that two claims are one happening;
* ``derived_date``: a wedding date implied by an anniversary or a length of marriage that misses a
  stated one;
* ``place``: two places for the event, neither containing the other as far as the text shows (no
  gazetteer: same entity, one name inside the other, or the two named in one sentence anywhere
  in either article all count as compatible);
* ``polarity``: a denial or a negation by someone answerable against a claim of the fact.

What is **not** a conflict:

* an update: the same measure reported larger in a later article ("at least 3 dead" on day one,
  40 two days later). The later report wins; the earlier is *superseded* (:class:`Update`), which
  the fact says, but nothing is contradicted. A later *smaller* number stays a conflict;
* a different scope ("1,200 in one district" / "5,000 nationwide"), a lower bound against a larger
  number, "about N" against a number within 10%, a round number against a near one;
* a negation that is not a denial: a passive "was denied a permit", a cognitive "I don't think",
  a "not yet" ("results have not been released") against a later report, a hedged twin of the
  same statement (same polarity, lower certainty), two claims of one source in one article;
* a claim whose numbers or dates are only possible ("could reach 100"): a guess contradicts
  nothing.

Ages and counts of children are attribute facts (:mod:`.attributes`).

A fact repeated by a thousand articles costs little: one claim per distinct date, place or value
is compared, and a denial is set against the fact's statement once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import combinations, compress, repeat
from operator import attrgetter, is_not, itemgetter
from typing import Callable, Iterable, Mapping, Sequence

from storyline.core import words
from storyline.core.dates import Interval, Moment, moment
from storyline.core.packs import class_of, event_noun
from storyline.core.records import Quantity
from storyline.core.vocab import source_kind
from storyline.reconcile.align import ONCE_ONLY, Cluster, block_class, jaccard
from storyline.reconcile.features import ClaimView, Each, each, says_more_than_its_predicate
from storyline.reconcile.measures import (
    Measure,
    comparable,
    in_units_of,
    measures_of,
    opposed,
)

__all__ = ["Bounds", "Found", "Judgement", "Update", "claim_lower_bounds", "claim_measures", "clash", "context_measures", "disputes", "fact_judgement", "judge", "judge_measures", "lower_bounds",
           "other_happenings", "polarity_conflicts", "says", "stance", "time_of", "where_in"]

_SAME_CONTENT = 0.5
_POLARITY_WINDOW = 50  # positives compared per negated claim: keeps huge facts linear
_QUOTE = 110  # longest wording quoted in a reason
_QUANTITIES, _ARTICLE_ID = attrgetter("claim.quantities"), attrgetter("article.id")


@dataclass(frozen=True)
class Found:
    """A conflict before its fact has an id."""

    kind: str
    claims: tuple[str, str]
    reason: str
    # The compared words of each side, as (article, start, end): the dates, numbers or claims the
    # reason quotes (for evaluation and highlighting; not stored).
    where: tuple[tuple[str, int, int], ...] = field(default=(), compare=False)


def where_in(v: ClaimView, start: int | None = None, end: int | None = None) -> tuple[str, int, int]:
    return (v.article.id, v.claim.start if start is None else start, v.claim.end if end is None else end)


@dataclass(frozen=True)
class Update:
    """A value a later report replaced: the earlier claim is superseded, nothing is contradicted."""

    earlier: str
    later: str
    note: str


@dataclass
class Judgement:
    """What comparing claims found: conflicts, and updates over time that are not conflicts."""

    conflicts: list[Found] = field(default_factory=list)
    updates: list[Update] = field(default_factory=list)

    def __iadd__(self, other: "Judgement") -> "Judgement":
        self.conflicts += other.conflicts
        self.updates += other.updates
        return self


# -- wording -------------------------------------------------------------------------------------


def _clip(text: str, start: int = 0, end: int | None = None) -> str:
    """``text`` if short, else a window around ``text[start:end]`` with ellipses."""
    text = " ".join(text.split()) if end is None else text
    if len(text) <= _QUOTE:
        return " ".join(text.split())
    end = len(text) if end is None else end
    lo = max(0, min(start, end - _QUOTE // 2) - _QUOTE // 3)
    hi = min(len(text), lo + _QUOTE)
    lo = max(0, hi - _QUOTE)
    out = " ".join(text[lo:hi].split())
    return ("\u2026" if lo else "") + out + ("\u2026" if hi < len(text) else "")


def says(v: ClaimView, start: int | None = None, end: int | None = None) -> str:
    """"Reuters (2024-12-03) says ‘9 dead’": an outlet, its date and the wording, around [start, end)."""
    when = v.published.isoformat() if v.published else "undated"
    c = v.claim
    wording = _clip(c.text) if start is None else _clip(c.text, start - c.start, (end or start) - c.start)
    return f"{v.outlet} ({when}) says \u2018{wording}\u2019"


# -- what kind of claim ---------------------------------------------------------------------------


def _denial(v: ClaimView) -> bool:
    """A claim that denies something: a denial predicate, not in the passive ("was denied a permit")."""
    return v.pclass == "denial" and not _passive(v)


def _passive(v: ClaimView) -> bool:
    """'was denied a handgun permit', 'had been dismissed from his job': the subject undergoes the
    refusal; nobody denies anything."""
    return "passive_denial" in v.claim.cues


def _negates(v: ClaimView) -> bool:
    return _denial(v) or (v.claim.polarity == "negative" and v.pclass != "denial")


def _affirms(v: ClaimView) -> bool:
    return v.claim.polarity == "positive" and v.pclass != "denial"


def _verb_class(v: ClaimView) -> str | None:
    return v.claim.frame or words.verb_class(v.claim.predicate) if v.claim.predicate else v.claim.frame


def _cognitive(v: ClaimView) -> bool:
    """'I think', 'I know', 'won't be known': a state of mind, not a fact to deny or affirm."""
    return not v.claim.eventive or _verb_class(v) == "verb.cognition"


def _reports_speech(v: ClaimView) -> bool:
    """'called the reports false', 'said in a statement': a report of words, which a denial of the
    reported content does not contradict. Claims the lexicon classes keep their class."""
    return v.pclass.startswith("~") and block_class(v).startswith("~") and _verb_class(v) == "verb.communication"


def _eventive(v: ClaimView) -> bool:
    """Something that happens (and so has a time): the reader's ``eventive`` flag; for claims read
    before it gave a predicate's part of speech, an open-domain predicate must be a WordNet verb
    other than "be" ("Reid was a pop princess in the late 90s" dates no event) or an event noun."""
    c = v.claim
    if not c.eventive:
        return False
    if c.predicate_pos is not None or not v.pclass.startswith("~") or not c.predicate:
        return True
    head = c.predicate.split()[0].lower()
    return head != "be" and (words.lemmatize(head, "v") is not None or words.is_event_noun(head))


def _uncertain(v: ClaimView) -> bool:
    return v.claim.certainty == "possible"


def _intended(v: ClaimView) -> bool:
    """'wanted to win her back', 'plans to cut 500 jobs': no win, no cut told (read.cues)."""
    return "intended" in v.claim.cues


def _same_voice(a: ClaimView, b: ClaimView) -> bool:
    """One source in one article: it does not contradict itself."""
    if a.article.id != b.article.id:
        return False
    sa, sb = a.claim.source, b.claim.source
    return (sa.key or sa.text or sa.kind) == (sb.key or sb.text or sb.kind)


# -- dates and times ------------------------------------------------------------------------------


def _dated_class(pclass: str) -> bool:
    """A class whose facts happen once: the lexicon's once-only events, and open-domain facts
    (an aligned open-domain fact is one event)."""
    return pclass in ONCE_ONLY or pclass.startswith("~")


def _moment(v: ClaimView) -> Moment | None:
    t = v.timex
    if t is None or t.type not in ("DATE", "TIME") or not _affirms(v) or not _eventive(v):
        return None
    # A model year ("his 2008 Bentley") or the date of a leading temporal clause ("After telling
    # People in October that ..., Reid checked in") does not date the claim.
    # A dateline ("Posted: Thursday, July 29, 2004 Fred LaRue ... died") dates the report.
    if {"when_model_year", "when_leading_clause", "when_dateline"}.intersection(v.claim.cues):
        return None
    if v.pclass.startswith("~") and not (t.start < v.claim.end and v.claim.start < t.end):
        return None  # a date the reader took from another clause of the sentence ("... turned himself in at 6")
    if v.pclass in ONCE_ONLY:
        return _days(v.span) if v.span is not None else None
    return moment(t.value, t.mod)


@lru_cache(maxsize=16384)
def _days(span: Interval) -> Moment:
    """The moment of a once-only event dated ``span``: its days alone. One object per span, as
    :func:`storyline.core.dates.moment` makes one per value, so a fact's equal moments are mostly
    one object (:func:`_date_conflicts` hashes one of each)."""
    return Moment(span, None, None, None, None, None, False)


def _event_noun(pclass: str) -> str:
    """How a reason names one event of a class ("wedding", "divorce filing"): the pack's word."""
    return event_noun(pclass) or "event"


def _when_conflict(a: ClaimView, ma: Moment, b: ClaimView, mb: Moment, noun: str) -> Found | None:
    if a.article.id == b.article.id or not ma.clashes(mb):
        return None
    days_differ = replace(ma, clock=None).clashes(replace(mb, clock=None))
    a, ma, b, mb = (a, ma, b, mb) if (a.order <= b.order) else (b, mb, a, ma)
    kind = "date" if days_differ else "time"
    where = (where_in(a, a.timex.start, a.timex.end), where_in(b, b.timex.start, b.timex.end))
    if kind == "date" and a.span is not None and b.span is not None and noun != "event":
        # The lexicon's once-only events keep their wording: "puts the wedding in 2012 (‘2012’)".
        return Found(kind, (a.claim.id, b.claim.id),
                     f"{a.cite()} puts the {noun} in {a.span.describe()} (\u2018{a.timex.text}\u2019), but {b.cite()} "
                     f"puts it in {b.span.describe()} (\u2018{b.timex.text}\u2019); the two dates do not overlap.", where)
    what = "day" if kind == "date" else "time of day"
    return Found(kind, (a.claim.id, b.claim.id),
                 f"{says(a, a.timex.start, a.timex.end)}; {says(b, b.timex.start, b.timex.end)}: "
                 f"\u2018{a.timex.text}\u2019 ({ma.describe()}) vs \u2018{b.timex.text}\u2019 ({mb.describe()}); "
                 f"one {noun} cannot have both, the {what} differs.", where)


def _date_conflicts(c: Cluster, each: Each = each) -> list[Found]:
    noun = _event_noun(c.pclass)
    firsts: dict[object, tuple[ClaimView, Moment]] = {}
    moments = each(_moment, c.views)
    dated = list(compress(zip(c.views, moments), map(is_not, moments, repeat(None))))  # (at C speed)
    # The first view of each moment object, found at C speed (a dict keeps a key's first place and
    # its last value: fed backwards); only those moments are hashed, in the views' order.
    ids = list(map(id, map(itemgetter(1), dated)))
    for at in sorted(dict(zip(reversed(ids), range(len(ids) - 1, -1, -1))).values()):
        firsts.setdefault(dated[at][1], dated[at])
    out = []
    for (a, ma), (b, mb) in combinations(firsts.values(), 2):
        found = _when_conflict(a, ma, b, mb, noun)
        if found is not None:
            out.append(found)
    return out


def _derived_conflicts(c: Cluster) -> list[Found]:
    out = []
    seen: set[object] = set()
    derived = [v for v in c.derived if v.derived is not None and not (v.derived.span in seen or seen.add(v.derived.span))]
    dated = list({v.span: v for v in reversed(c.views) if v.span is not None and _affirms(v)}.values())
    dated.sort(key=lambda v: v.order)
    for d in derived:
        for a in dated:
            if not d.derived.span.overlaps(a.span):
                out.append(Found(
                    "derived_date",
                    (a.claim.id, d.claim.id),
                    f"{a.cite()} puts the wedding in {a.span.describe()} (\u2018{a.timex.text}\u2019), but {d.cite()} "
                    f"implies otherwise: {d.derived.reason}.",
                ))
    for d, e in combinations(derived, 2):
        if not d.derived.span.overlaps(e.derived.span):
            out.append(Found(
                "derived_date",
                (d.claim.id, e.claim.id),
                f"{d.cite()}: {d.derived.reason}; but {e.cite()}: {e.derived.reason}; the two do not overlap.",
            ))
    return out


# -- quantities -----------------------------------------------------------------------------------

Bounds = Mapping[str, Sequence[Measure]]  # article id -> the lower bounds it gives ("at least three people")


def lower_bounds(views: Sequence[ClaimView], each: Each = each) -> dict[str, list[Measure]]:
    """Each article's lower-bound figures ("killing at least three people"): an article that also
    writes the bare number ("three people killed") means it as that lower bound. ``each`` maps
    :func:`claim_lower_bounds` over the views (or a memo of it)."""
    out: dict[str, list[Measure]] = {}
    found = each(claim_lower_bounds, views)
    for v, ms in compress(zip(views, found), found):  # the few views with one, at C speed
        out.setdefault(v.article.id, []).extend(ms)
    return out


def claim_lower_bounds(v: ClaimView) -> tuple[Measure, ...]:
    """The lower-bound figures of one claim (reads only the view)."""
    return tuple(m for m in claim_measures(v) if m.quantity.modifier in ("at_least", "more_than"))


def claim_measures(v: ClaimView, bounds: Bounds | None = None) -> list[Measure]:
    if not v.claim.quantities or not _affirms(v) or _uncertain(v) or _intended(v):
        return []  # ('plans to cut 500 jobs' counts no job cut)
    c = v.claim
    out = measures_of((c.sentence_start, c.sentence_end), c.quantities)
    own = bounds.get(v.article.id, ()) if bounds else ()
    return [replace(m, high=math.inf) if m.quantity.modifier is None
            and any(b.quantity.value == m.quantity.value and comparable(b, m) for b in own) else m for m in out]


def context_measures(v: ClaimView) -> list[Measure]:
    """The figures around a claim (:attr:`ClaimView.nearby`: its sentence and the one before), as
    measures; the claim's own for a view built without them."""
    return list(_measures_around(v.nearby or v.claim.quantities))


@lru_cache(maxsize=8192)
def _measures_around(qs: tuple[Quantity, ...]) -> tuple[Measure, ...]:
    # Asked for each pair of figures of two claims (other_happenings, event_counts): read once.
    return tuple(measures_of((min(q.start for q in qs), max(q.end for q in qs)), qs)) if qs else ()


def clash(x: Measure, y: Measure) -> bool:
    return y.high < x.low or x.high < y.low


def other_happenings(a: ClaimView, x: Measure, b: ClaimView, y: Measure) -> bool:
    """Whether the figures around ``x`` and ``y`` give the thing they happened in two different
    measures of itself ("a magnitude-5.2 quake has injured three people" / "A 5.6-magnitude quake
    jolted the island. ... the quake injured two people"): two quakes of one week, or one quake
    whose magnitude is itself the conflict; either way the counts are not set against each other."""
    own = [m for m in context_measures(a) if m.self_described and m.quantity.start != x.quantity.start]
    if not own:
        return False
    other = [m for m in context_measures(b) if m.self_described and m.quantity.start != y.quantity.start]
    return any(comparable(p, q) and clash(p, q) for p in own for q in other)


def time_of(v: ClaimView) -> Moment | None:
    """When a claim's figures hold: its own date, else the one its context gives (``context_timex``)."""
    t = v.timex or v.context_timex
    if t is None or t.type not in ("DATE", "TIME"):
        return None
    if ("when_model_year" if t is v.timex else "context_model_year") in v.claim.cues:
        return None
    return moment(t.value, t.mod)


def judge_measures(a: ClaimView, x: Measure, b: ClaimView, y: Measure) -> Judgement:
    """Two numbers of two claims: a conflict, an update, or nothing."""
    out = Judgement()
    if a.article.id == b.article.id:
        return out
    if x.thing == y.thing == "length" and opposed(x, y):
        qa, qb = x.quantity, y.quantity
        out.conflicts.append(Found("place", (a.claim.id, b.claim.id),
                                   f"{says(a, qa.start, qa.end)}; {says(b, qb.start, qb.end)}: {x.direction} vs "
                                   f"{y.direction} of {x.anchor.title()}; no place lies in both directions.",
                                   (where_in(a, qa.start, qa.end), where_in(b, qb.start, qb.end))))
        return out
    if not comparable(x, y):
        return out
    if not (x.self_described or y.self_described) and other_happenings(a, x, b, y):
        return out
    ta, tb = time_of(a), time_of(b)
    if (ta is None) != (tb is None):
        # An undated figure is its article's news; one its context dates months before (a paragraph
        # on an earlier quake) is about another event.
        ta, tb = ta or a.news, tb or b.news
    if ta is not None and tb is not None and ta.clashes(tb):
        return out  # told of different times: another event, or the same one later
    (a, x), (b, y) = sorted(((a, x), (b, y)), key=lambda p: p[0].order)
    qa, qb = x.quantity, y.quantity
    gap = (b.published - a.published).days if a.published and b.published else 0
    meet = x.low <= y.high and y.low <= x.high
    # A later, larger figure supersedes an earlier one it contradicts, or an earlier lower bound or
    # estimate it makes precise ("at least 3 dead" on day one, 40 two days later). Only counts run
    # on like that: a property of the thing ("a magnitude of 5.9", "a population of 120,000") or a
    # distance is not superseded by a later report, it is contradicted.
    larger = qb.value > qa.value and y.low >= x.low
    running = not (x.self_described or y.self_described or {x.thing, y.thing} & {"length", "area"})
    if gap >= 1 and larger and running and (not meet or qa.modifier in ("at_least", "more_than", "about")):
        out.updates.append(Update(a.claim.id, b.claim.id,
                                  f"{says(a, qa.start, qa.end)}; {gap} day{'s' if gap > 1 else ''} later "
                                  f"{says(b, qb.start, qb.end)}: the later figure ({y.describe()}) supersedes "
                                  f"the earlier ({x.describe()})."))
        return out
    if meet:
        return out
    later = f"{gap} day{'s' if gap > 1 else ''} later, " if gap >= 1 else ""
    converted = in_units_of(x, y)
    out.conflicts.append(Found("quantity", (a.claim.id, b.claim.id),
                               f"{says(a, qa.start, qa.end)}; {later}{says(b, qb.start, qb.end)}: "
                               f"{x.describe()} vs {y.describe()} (\u2018{qa.text}\u2019 vs \u2018{qb.text}\u2019"
                               + (f"; {converted}" if converted else "") + ").",
                               (where_in(a, qa.start, qa.end), where_in(b, qb.start, qb.end))))
    return out


def _quantity_judgement(views: Sequence[ClaimView], bounds: Bounds | None = None) -> Judgement:
    # (the few views with figures picked at C speed: claim_measures has none for the others)
    measured = [(v, ms) for v in compress(views, map(_QUANTITIES, views)) if (ms := claim_measures(v, bounds))]
    if len(measured) < 2:
        return Judgement()
    # A claim with no date of its own whose context dates it away from every dated claim of the
    # fact is about another time (a background paragraph on a past quake): its figures stay out.
    dated = {m for v in views if v.timex is not None and (m := time_of(v)) is not None}
    # One claim per distinct measure and range: a thousand articles repeating "12 dead" cost one.
    firsts: dict[tuple, tuple[ClaimView, Measure]] = {}
    for v, ms in measured:
        if v.timex is None and dated and (t := time_of(v)) is not None and all(t.clashes(m) for m in dated):
            continue
        for m in ms:
            firsts.setdefault((m.thing, m.role, m.scope, m.anchor, m.direction, m.low, m.high), (v, m))
    out = Judgement()
    items = sorted(firsts.values(), key=lambda p: p[0].order)
    seen: set[tuple[str, str]] = set()
    for (a, x), (b, y) in combinations(items, 2):
        if (a.claim.id, b.claim.id) in seen:
            continue
        j = judge_measures(a, x, b, y)
        if j.conflicts or j.updates:
            seen.add((a.claim.id, b.claim.id))
        out += j
    return out


# -- places ---------------------------------------------------------------------------------------


def _places(v: ClaimView, pclass: str, placed: bool | None = None) -> frozenset[str]:
    """Where ``v`` says it happened (``placed``: :func:`_placed` of ``pclass``, when known)."""
    if v.place:
        return frozenset({v.place})
    return v.places if (_placed(pclass) if placed is None else placed) else frozenset()


def _placed(pclass: str) -> bool:
    """The packs' "place" flag: where it happened is part of the fact (its claims' places count)."""
    found = class_of(pclass)
    return found is not None and found.place


def _sentences(v: ClaimView) -> list[str]:
    """The sentences of ``v``'s article as the reader split them, lower-cased; a reading stored
    before schema 8 has none recorded, and its whole text counts as one (so any two places it
    names are together: no conflict is claimed on less than the reader's sentences)."""
    text = v.article.text
    return [text[s.start : s.end].lower() for s in v.sentences] or [text.lower()]


class _Sentences:
    """The sentences of a fact's articles and, per place name, which of them name it: a fact's
    pairs of places then cost a set intersection each, not a scan of every article."""

    def __init__(self, views: Iterable[ClaimView]):
        views = list(views)
        self._articles = dict(zip(map(_ARTICLE_ID, views), views))  # one claim per article is enough (at C speed)
        self._lows: list[str] | None = None  # cut on first use: most facts never need it
        self._naming: dict[str, frozenset[int]] = {}

    def _naming_any(self, names: Iterable[str]) -> set[int]:
        if self._lows is None:
            self._lows = [low for v in self._articles.values() for low in _sentences(v)]
        out: set[int] = set()
        for n in names:
            key = n.lower()
            if key not in self._naming:
                self._naming[key] = frozenset(i for i, low in enumerate(self._lows) if key in low)
            out |= self._naming[key]
        return out

    def together(self, na: Iterable[str], nb: Iterable[str]) -> bool:
        """The two places named in one sentence of an article of the fact ("Malibu, near Los
        Angeles"): one may hold the other, and without a gazetteer that is enough to say nothing."""
        return not self._naming_any(na).isdisjoint(self._naming_any(nb))


def _place_conflict(a: ClaimView, b: ClaimView, pa: frozenset[str], pb: frozenset[str], pclass: str,
                    name: Callable[[str], str], sentences: _Sentences | None = None) -> Found | None:
    """``sentences``: those of the fact's articles (which hold ``a``'s and ``b``'s), else theirs only."""
    na, nb = sorted(name(p) for p in pa), sorted(name(p) for p in pb)
    if pa & pb or {x.lower() for x in na} & {y.lower() for y in nb} or a.article.id == b.article.id:
        return None
    # "Paris" vs "Paris, France" or a city inside a named country: not provably different.
    if any(x.lower() in y.lower() or y.lower() in x.lower() for x in na for y in nb):
        return None
    if (sentences if sentences is not None else _Sentences([a, b])).together(na, nb):
        return None
    if pclass == "residence":
        if a.span and b.span and not a.span.overlaps(b.span):
            return None  # people move: different places at different times are fine
        if (a.span is None or b.span is None) and a.published and b.published and abs((a.published - b.published).days) > 180:
            return None
    return Found("place", (a.claim.id, b.claim.id),
                 f"{a.cite()} places it in {', '.join(na)}, but {b.cite()} places it in {', '.join(nb)}.", (where_in(a), where_in(b)))


def _place_conflicts(c: Cluster, name: Callable[[str], str], each: Each = each) -> list[Found]:
    firsts: dict[frozenset[str], ClaimView] = {}
    placed = _placed(c.pclass)
    for v in compress(c.views, each(_affirms, c.views)):  # (the fact's memo: asked of a large fact's claims)
        places = _places(v, c.pclass, placed)
        if places:
            firsts.setdefault(places, v)
    if len(firsts) < 2:
        return []
    out = []
    sentences = _Sentences(c.views)
    for (pa, a), (pb, b) in combinations(firsts.items(), 2):
        found = _place_conflict(a, b, pa, pb, c.pclass, name, sentences)
        if found is not None:
            out.append(found)
    return out


# -- polarity -------------------------------------------------------------------------------------


def _related_predicates(a: ClaimView, b: ClaimView) -> bool:
    ka, kb = block_class(a), block_class(b)
    if not ka.startswith("~") or not kb.startswith("~"):
        return ka.split(":")[0] == kb.split(":")[0]
    pa, pb = a.claim.predicate, b.claim.predicate
    if a.claim.event_key and a.claim.event_key == b.claim.event_key:
        return True
    return bool(pa and pb) and words.related(pa.replace(" ", "_"), "v", pb.replace(" ", "_"), "v") in ("same", "synonym", "derivation")


def disputes(n: ClaimView, p: ClaimView, participants: frozenset[str] = frozenset()) -> bool:
    """Whether ``n`` (a denial or negated claim) disputes ``p`` (a claim affirming the fact).

    A denial counts when the denier (its subject, else its source) takes part in the fact or speaks
    on the record; a plain negation when its source is on the record or it says the same thing as
    ``p`` with a "not". Never: the same source in one article, cognition ("I don't think"), a
    report of words ("called the reports false"), a "not yet" against a report published later (or
    undated), or a negation about another predicate ("did not return a call" / "said in a statement").
    """
    if not _negates(n) or not _affirms(p) or _same_voice(n, p) or _cognitive(n) or _cognitive(p) or _reports_speech(p) \
            or _intended(n) or _intended(p):
        return False
    if "not_yet" in n.claim.cues and not (n.published and p.published and p.published <= n.published):
        return False  # "have not been released" then "were released Wednesday": an update
    if "except" in n.claim.cues:
        return False  # "no one else was injured" excludes those the other claims count
    if "negator" in p.claim.cues:
        # "there were no survivors" / "there appeared to be no survivors" (read as positive and
        # hedged): the negation's twin, not its opposite.
        return False
    on_record = source_kind(n.claim.source.kind).on_record
    involved = participants | p.participants
    if n.pclass == "denial":
        denier = {x for x in (n.subject, n.source_entity) if x}
        return bool(denier & involved) or on_record
    if not _related_predicates(n, p) or not _same_matter(n, p) or "unknown" in (n.claim.certainty, p.claim.certainty):
        return False  # (a conditional or a question affirms or denies nothing: 'if Garrard saw him')
    return on_record or bool(n.source_entity and n.source_entity in involved) or _same_content(n, p)


def _same_matter(n: ClaimView, p: ClaimView) -> bool:
    """Whether a negation and an affirmation are about one matter, beyond their verb:
    - a content word in common besides the predicate ('the wedding did not happen' / 'the wedding
      happened'), or else
    - not two different objects ('Palmer does not own the properties' / 'The state owns that', 'I
      didn't like his looks' / 'she liked it': other matters), and the same person as subject, or
      none named on either side ('No one was killed' / 'Three people were killed'; 'The jet did not
      crash' / 'The plane crashed'), and the affirmation says more than its verb (a bare 'change'
      affirms nothing 'nothing had changed' could deny)."""
    verb = {*n.claim.predicate.split(), *p.claim.predicate.split()}
    if (n.tokens & p.tokens) - verb:
        return True
    if n.claim.object is not None and p.claim.object is not None or not says_more_than_its_predicate(p):
        return False
    return n.subject == p.subject


def _same_content(n: ClaimView, p: ClaimView) -> bool:
    """``n`` says what ``p`` says, with a "not": alike content words, and more than one of them in
    common unless they are the same words ("they had not felt anything" shares only "feel" with
    "the temblor was felt across the gulf": other people, not the opposite)."""
    shared = n.tokens & p.tokens
    return jaccard(n.tokens, p.tokens) >= _SAME_CONTENT and (len(shared) >= 2 or n.tokens == p.tokens)


def _polarity_found(d: ClaimView, p: ClaimView, name: Callable[[str], str]) -> Found:
    src = d.claim.source
    kind = source_kind(src.kind)
    if d.pclass == "denial" and d.subject:  # "Lindqvist denied the affair": the denier is the subject
        who, how = name(d.subject), ""
    elif src.text and not kind.own_voice:
        who, how = src.text, " " + kind.phrase
    else:
        who, how = d.outlet, ""
    verb = "denies it" if d.pclass == "denial" else "says the opposite"
    return Found("polarity", (p.claim.id, d.claim.id),
                 f"{d.cite()}: {who} {verb}{how}, against {p.cite()}; the fact is contested, not settled.", (where_in(p), where_in(d)))


def polarity_conflicts(c: Cluster, name: Callable[[str], str], statement: ClaimView | None,
                       each: Each = each) -> list[Found]:
    """The weightiest denial that counts, against the claim it disputes (the statement first).
    ``each`` maps a function of one view over the fact's views (or a memo of it)."""
    pos = list(compress(c.views, each(_affirms, c.views)))
    if statement is not None and _affirms(statement):
        pos = [statement] + [v for v in pos if v is not statement]
    window = pos[:_POLARITY_WINDOW]
    pairs = []
    for v in compress(c.views, each(_negates, c.views)):
        p = next((p for p in window if disputes(v, p, c.participants)), None)
        if p is not None:
            pairs.append((v, p))
    if not pairs:
        return []
    # The weightiest denial (a named person's) against the claim it disputes (the statement first).
    d, p = min(pairs, key=lambda dp: (dp[0].pclass != "denial", dp[0].claim.source.kind != "named_person", dp[0].order))
    return [_polarity_found(d, p, name)]


# -- the API --------------------------------------------------------------------------------------


def judge(a: ClaimView, b: ClaimView, name: Callable[[str], str], pclass: str | None = None,
          participants: frozenset[str] = frozenset(), bounds: Bounds | None = None) -> Judgement:
    """Every conflict (and update) between two claims taken as told of one fact of class ``pclass``
    (default: the first claim's class). What :func:`fact_judgement` does for a whole fact, for one
    pair; :func:`stance` and the evaluation use it."""
    pclass = pclass or block_class(a)
    out = Judgement()
    if a.claim.id == b.claim.id:
        return out
    if _dated_class(pclass):
        ma, mb = _moment(a), _moment(b)
        if ma is not None and mb is not None:
            found = _when_conflict(a, ma, b, mb, _event_noun(pclass))
            out.conflicts += [found] if found else []
    for x in claim_measures(a, bounds):
        for y in claim_measures(b, bounds):
            out += judge_measures(a, x, b, y)
    pa, pb = _places(a, pclass), _places(b, pclass)
    if pa and pb and _affirms(a) and _affirms(b):
        found = _place_conflict(a, b, pa, pb, pclass, name)
        out.conflicts += [found] if found else []
    for n, p in ((a, b), (b, a)):
        if disputes(n, p, participants):
            out.conflicts.append(_polarity_found(n, p, name))
    return out


def fact_judgement(c: Cluster, name: Callable[[str], str], statement: ClaimView | None = None,
                   bounds: Bounds | None = None, polarity: bool = True, each: Each = each) -> Judgement:
    """All conflicts and updates inside one cluster; ``name`` gives a story entity's display name,
    ``statement`` the claim the fact's statement is written from (a denial is set against it) and
    ``bounds`` each article's lower-bound figures (:func:`lower_bounds`). Without ``polarity``,
    denials are left for :func:`polarity_conflicts` (once the statement is chosen). ``each`` maps
    a function of one view over the fact's views (:data:`~storyline.reconcile.features.Each`: a
    memo keeps a touched fact's answers for its views from one reconcile to the next)."""
    out = Judgement()
    if _dated_class(c.pclass):
        out.conflicts += _date_conflicts(c, each)
    if c.pclass == "marriage":
        out.conflicts += _derived_conflicts(c)
    out += _quantity_judgement(c.views, bounds)
    out.conflicts += _place_conflicts(c, name, each)
    if polarity:
        out.conflicts += polarity_conflicts(c, name, statement, each)
    return out


def stance(statement: ClaimView, v: ClaimView, c: Cluster, name: Callable[[str], str],
           bounds: Bounds | None = None) -> str:
    """Where ``v`` stands towards the fact's statement: ``supports`` (it agrees: same polarity, no
    value in conflict), ``disputes`` (it conflicts with the statement, or denies it), or ``neither``
    (an opposite-polarity claim that is no dispute: a passive "was denied", a "not yet", a report of
    a denial that the statement itself reports)."""
    if v is statement:
        return "supports"
    if judge(statement, v, name, c.pclass, c.participants, bounds).conflicts:
        return "disputes"
    if _affirms(v) == _affirms(statement):
        return "supports"
    return "neither"
