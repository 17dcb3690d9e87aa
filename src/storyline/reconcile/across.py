"""Conflicts across facts: what one fact cannot see because alignment told it as two.

:mod:`.conflicts` compares the claims of one fact. But a story tells the same value in facts that
alignment rightly keeps apart: "the quake struck Qeshm island, home to 120,000 people" and "the
quake was centred near Qeshm Island, home to 200,000 people" are two facts (striking, being
centred) that state one property of one place; "killing 10 persons and wounding 70" and "killing
10 people and injuring 80" may land in two facts of one event. This step, run over the whole
story once its facts and events are made, finds two kinds of such conflicts, each with a reason
quoting both wordings:

* **properties of a named place** (:func:`place_properties`): how many people live there ("X, home
  to N people", "X, with a population of N") and how far it lies from another named place ("X,
  located N km south of Tehran"). Such a figure is a property of the place, not the count of one
  happening: it does not run on like a toll, and a different figure in any article of the story is
  a contradiction, whatever fact each sits in. The place it is told of (its *holder*) is the named
  place (GPE or LOC mention) written right before the number in its sentence, at most
  :data:`HOLDER_GAP` characters before it ("Qeshm island, home to", "Qeshm, located"), and not the
  place a distance is measured from. Two holders are one place when the cast made them one story
  entity or one name begins the other ("Qeshm" / "Qeshm Island"). A population needs a holder on
  both sides; a distance from one anchor with no holder written ("The island ... is about 940
  miles south of Tehran") is compared with the distances from that anchor that have none either.
  A figure in a sentence that its own date or context puts away from its article's news (a
  paragraph on an earlier quake) is left out: it may be told of another place.
* **counts of one event told in two facts** (:func:`event_counts`): two figures of one role
  (injured, killed) in facts of one event (:mod:`.events`) whose ranges do not meet, when their two
  sentences also give a figure of another role that agrees ("killing 10 persons and wounding 70" /
  "killing 10 people and injuring 80"): that agreeing figure is what shows the two sentences tell
  one happening, since an event group may hold several happenings of a kind (two quakes of one
  week). Updates over time, lower bounds and dates are judged as inside a fact
  (:func:`storyline.reconcile.conflicts.judge_measures`).

Not conflicts here: two figures of one article, a figure only possible ("could reach"), a figure
in a claim that does not affirm, and a pair already judged inside one fact.

Cost: place properties are grouped by holder or anchor, and within a group one claim per distinct
range is compared; event counts are compared within one event, one claim per distinct measure and
at most :data:`PER_EVENT` figures per event, so the step grows with the story, not its square.
The step is a function of the views, the readings' mentions, the cast and the facts only, so an
incremental reconcile recomputes it from its (cached) inputs and gets the same result.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import combinations
from typing import Iterable, Mapping, Sequence

from storyline.core import words
from storyline.core.records import ArticleReading, Fact
from storyline.reconcile.cast import Cast
from storyline.reconcile.conflicts import Bounds, Found, claim_measures, judge_measures, says, time_of, where_in
from storyline.reconcile.features import ClaimView
from storyline.reconcile.measures import Measure, comparable, in_units_of

__all__ = ["HOLDER_GAP", "PER_EVENT", "across_facts", "event_counts", "place_properties"]

#: Most characters between a place's name and a figure told of it ("Qeshm island, home to 120,000").
HOLDER_GAP = 40
#: Most distinct figures compared per event (the first told): keeps a huge event linear.
PER_EVENT = 200
_PLACE_TYPES = ("GPE", "LOC")


@dataclass(frozen=True)
class _Figure:
    view: ClaimView
    measure: Measure
    holder: str | None  # story entity id of the place it is told of
    holder_name: str | None


# -- which place a figure is told of ---------------------------------------------------------------


class _Places:
    """One article's mentions in text order, with the story entity of those that are named places
    (GPE, LOC): a figure's holder must be the nearest mention before it, so "Qeshm to Bandar Abbas,
    a city of 500,000" gives Qeshm no population even when Bandar Abbas is mistyped."""

    def __init__(self, r: ArticleReading, cast: Cast):
        kinds = {e.id for e in r.entities if e.type in _PLACE_TYPES}
        found = sorted((m.end, m.start, cast.of.get(m.entity) if m.entity in kinds else None, m.text)
                       for m in r.mentions if m.entity in cast.of)
        self._ends = [f[0] for f in found]
        self._found = found

    def before(self, at: int, sentence_start: int, skip: Iterable[str]) -> tuple[str, str] | None:
        """The named place that is the mention ending right before offset ``at`` in its sentence
        (story entity id, text), at most HOLDER_GAP characters before; a place whose name is in
        ``skip`` (lower case: the places distances are measured from) is passed over."""
        skip = set(skip)
        i = bisect_right(self._ends, at)
        while i > 0:
            end, start, place, text = self._found[i - 1]
            if start < sentence_start or at - end > HOLDER_GAP:
                return None
            if place is None or text.lower().removeprefix("the ") not in skip:
                return (place, text) if place is not None else None
            i -= 1
        return None


def _inhabitants(m: Measure) -> bool:
    """How many people live somewhere: 'home to N people' (a people count whose role is a noun
    that names no event), 'a population of N' (a measure naming a group of people)."""
    if m.self_described:
        return m.thing is not None and _noun_class(m.thing) == "noun.group"
    counts_people = m.thing == "people" or (m.thing is not None and _noun_class(m.thing) == "noun.person")
    return counts_people and m.role is not None and m.role_pos == "n" and not words.is_event_noun(m.role)


def _noun_class(noun: str) -> str | None:
    ids = words.synsets(noun, "n")
    return words.lexname(ids[0]) if ids else None


def _distance(m: Measure) -> bool:
    return m.thing == "length" and m.anchor is not None


def _same_place(a: _Figure, b: _Figure) -> bool:
    """Two figures told of one place: the same story entity or names, one beginning the other; two
    distances from one anchor with no place written before either count as one place's."""
    if a.holder == b.holder:
        return a.holder is not None or _distance(a.measure)
    if a.holder is None or b.holder is None:
        return False
    na, nb = (n.lower().removeprefix("the ").split() for n in (a.holder_name, b.holder_name))
    short, long = sorted((na, nb), key=len)
    return long[: len(short)] == short


def _figures(readings: Sequence[ArticleReading], views: Sequence[ClaimView], cast: Cast) -> list[_Figure]:
    """Every affirmed, not merely possible figure of a place property, once per place in the text."""
    places = {r.article.id: _Places(r, cast) for r in readings}
    out: list[_Figure] = []
    seen: set[tuple[str, int]] = set()
    for v in views:
        if (t := time_of(v)) is not None and v.news is not None and t.clashes(v.news):
            continue
        ms = [m for m in claim_measures(v) if _inhabitants(m) or _distance(m)]
        anchors = {m.anchor for m in claim_measures(v) if m.anchor}
        for m in ms:
            q = m.quantity
            if (v.article.id, q.start) in seen:
                continue
            seen.add((v.article.id, q.start))
            at = places[v.article.id].before(q.start, v.claim.sentence_start, anchors) if v.article.id in places else None
            if at is None and not _distance(m):
                continue
            out.append(_Figure(v, m, *(at or (None, None))))
    return out


def _clash(x: Measure, y: Measure) -> bool:
    return y.high < x.low or x.high < y.low


def _property_found(a: _Figure, b: _Figure) -> Found:
    x, y = a.measure, b.measure
    qa, qb = x.quantity, y.quantity
    where = a.holder_name or b.holder_name or "the place"
    if _distance(x):
        what = f"the distance of {where} from {x.anchor.title()}"
    else:
        what = f"how many people live in {where}"
    converted = in_units_of(x, y)
    return Found("quantity", (a.view.claim.id, b.view.claim.id),
                 f"{says(a.view, qa.start, qa.end)}; {says(b.view, qb.start, qb.end)}: {what} is given as "
                 f"{x.describe()} vs {y.describe()} (\u2018{qa.text}\u2019 vs \u2018{qb.text}\u2019"
                 + (f"; {converted}" if converted else "") + "); a property of a place does not change between reports.",
                 (where_in(a.view, qa.start, qa.end), where_in(b.view, qb.start, qb.end)))


def place_properties(readings: Sequence[ArticleReading], views: Sequence[ClaimView], cast: Cast) -> list[Found]:
    """Populations and distances of one named place that cannot both be right (module docstring)."""
    groups: dict[tuple, list[_Figure]] = {}
    for f in _figures(readings, views, cast):
        key = ("length", f.measure.anchor) if _distance(f.measure) else ("people",)
        groups.setdefault(key, []).append(f)
    out = []
    pairs: set[tuple[str, str]] = set()  # one conflict per pair of claims ("1,150 km (700 miles)")
    for figures in groups.values():
        firsts: dict[tuple, _Figure] = {}
        for f in sorted(figures, key=lambda f: f.view.order):
            firsts.setdefault((f.holder, f.measure.low, f.measure.high), f)
        for a, b in combinations(firsts.values(), 2):
            if a.view.article.id == b.view.article.id or not _clash(a.measure, b.measure):
                continue
            if _same_place(a, b) and (a.view.claim.id, b.view.claim.id) not in pairs:
                pairs.add((a.view.claim.id, b.view.claim.id))
                out.append(_property_found(a, b))
    return out


# -- counts of one event in two facts -----------------------------------------------------------


def _sentence_of(v: ClaimView, at: int, back: int = 0) -> tuple[str, int]:
    """(article, start of the reader's sentence holding offset ``at``, or of the ``back``-th one
    before it); the claim's own sentence span for a reading stored without sentences."""
    starts = [s.start for s in v.sentences]
    i = bisect_right(starts, at) - 1 - back
    return v.article.id, v.sentences[i].start if i >= 0 and v.sentences else (v.claim.sentence_start if not back else -1)


def _around(v: ClaimView, m: Measure, in_sentence: Mapping[tuple[str, int], list[Measure]]) -> list[Measure]:
    """The figures of ``m``'s sentence and of the sentence before it ("A 5.6-magnitude quake jolted
    the island on Sunday. ... the quake injured two people"), ``m`` among them."""
    out = [n for back in (0, 1) for n in in_sentence.get(_sentence_of(v, m.quantity.start, back), ())]
    return out if any(n.quantity.start == m.quantity.start for n in out) else out + [m]


def _sentence_measures(views: Sequence[ClaimView]) -> dict[tuple[str, int], list[Measure]]:
    """Every figure of each sentence (article, sentence start), once each."""
    out: dict[tuple[str, int], dict[int, Measure]] = {}
    for v in views:
        for m in claim_measures(v):
            out.setdefault(_sentence_of(v, m.quantity.start), {}).setdefault(m.quantity.start, m)
    return {k: list(d.values()) for k, d in out.items()}


def _agree_elsewhere(x: Measure, y: Measure, xs: Sequence[Measure], ys: Sequence[Measure]) -> bool:
    """Whether the two sentences give another figure (not ``x`` or ``y``) that agrees, and none
    but ``x``/``y`` that clashes: the sign that they tell one happening."""
    agree = False
    for p in xs:
        for q in ys:
            if p is x or q is y or not comparable(p, q):
                continue
            if _clash(p, q):
                return False
            agree = True
    return agree


def event_counts(views: Sequence[ClaimView], facts: Sequence[Fact], bounds: Bounds | None = None) -> list[Found]:
    """Figures of one event told in two of its facts that cannot both be right (module docstring)."""
    fact_of = {c: f for f in facts for c in f.claims}
    in_sentence = _sentence_measures(views)
    by_event: dict[str, list[tuple[ClaimView, Measure]]] = {}
    for v in views:
        f = fact_of.get(v.claim.id)
        if f is None or not f.event:
            continue
        for m in claim_measures(v, bounds):
            if m.role is not None and not m.self_described:
                by_event.setdefault(f.event, []).append((v, m))
    out: list[Found] = []
    for items in by_event.values():
        firsts: dict[tuple, tuple[ClaimView, Measure]] = {}
        for v, m in sorted(items, key=lambda p: p[0].order):
            firsts.setdefault((fact_of[v.claim.id].id, v.article.id, m.role, m.thing, m.low, m.high), (v, m))
        chosen = list(firsts.values())[:PER_EVENT]
        for (a, x), (b, y) in combinations(chosen, 2):
            if fact_of[a.claim.id] is fact_of[b.claim.id] or a.article.id == b.article.id:
                continue
            if not comparable(x, y) or not _clash(x, y):
                continue
            xs, ys = _around(a, x, in_sentence), _around(b, y, in_sentence)
            if not _agree_elsewhere(_same(x, xs), _same(y, ys), xs, ys):
                continue
            out += judge_measures(a, x, b, y).conflicts
    return out


def _same(m: Measure, ms: Sequence[Measure]) -> Measure:
    """``m``'s entry among its sentence's figures (the same number in the text)."""
    return next((n for n in ms if n.quantity.start == m.quantity.start), m)


# -- the step ---------------------------------------------------------------------------------------


def across_facts(readings: Sequence[ArticleReading], views: Sequence[ClaimView], cast: Cast,
                 facts: Sequence[Fact], known: Mapping[str, Iterable[tuple[str, ...]]],
                 bounds: Bounds | None = None) -> list[Found]:
    """The conflicts between claims of two different facts, not already in ``known`` (fact id ->
    the claim pairs of its conflicts), each once."""
    fact_of = {c: f.id for f in facts for c in f.claims}
    seen = {frozenset(pair) for pairs in known.values() for pair in pairs}
    out = []
    for found in place_properties(readings, views, cast) + event_counts(views, facts, bounds):
        a, b = found.claims
        if a not in fact_of or b not in fact_of or fact_of[a] == fact_of[b] or frozenset(found.claims) in seen:
            continue
        seen.add(frozenset(found.claims))
        out.append(found)
    return out
