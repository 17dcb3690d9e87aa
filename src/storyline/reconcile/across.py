"""Conflicts across facts: what one fact cannot see because alignment told it as two.

:mod:`.conflicts` compares the claims of one fact. But a story tells the same value in facts that
alignment rightly keeps apart: "the quake struck Qeshm island, home to 120,000 people" and "the
quake was centred near Qeshm Island, home to 200,000 people" are two facts (striking, being
centred) that state one property of one place; "killing 10 persons and wounding 70" and "killing
10 people and injuring 80" may land in two facts of one event. This step, run over the whole
story once its facts and events are made, finds these kinds of such conflicts, each with a reason
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
  miles south of Tehran") is compared with the distances from that anchor that have none either,
  when both claims state where something lies (:func:`_says_where`), not where an event happened.
  A figure in a sentence that its own date or context puts away from its article's news (a
  paragraph on an earlier quake) is left out: it may be told of another place.
* **counts of one event told in two facts** (:func:`event_counts`): two figures of one role
  (injured, killed) in facts of one event (:mod:`.events`) whose ranges do not meet, when their two
  sentences also give a figure of another role that agrees ("killing 10 persons and wounding 70" /
  "killing 10 people and injuring 80"): that agreeing figure is what shows the two sentences tell
  one happening, since an event group may hold several happenings of a kind (two quakes of one
  week); not when one sentence also gives the other's value ("Miller is averaging 15.5 points,
  Iguodala 14.9" / "Iguodala is averaging 14.9 points": a list). Updates over time, lower bounds and dates are judged as inside a fact
  (:func:`storyline.reconcile.conflicts.judge_measures`).
* **how many happenings one event had** (:func:`happening_counts`): "three strong aftershocks
  were felt" / "followed by at least four strong aftershocks": counts of a natural happening
  (:func:`storyline.core.words.is_natural_happening`: WordNet natural_phenomenon.n.01 and below)
  in claims of one event, whatever verb tells them, when both counts qualify the noun alike (a
  qualified count is a part of the whole) and each is a whole number of the noun in the plural ("a
  6.1 quake" is a magnitude). Counts of any happening, acts included, were tried first and dropped:
  on all of ECB+ they set hundreds of sports figures against each other ("two games" / "four
  games", "six touchdowns" / "three touchdowns"): acts are counted per player, game or season.
* **which way one movement went** (:func:`directions`): "was walking into the store" / "were
  walking out of the store": two claims of one event (:mod:`.events`) in two articles, whose
  predicates are one verb of movement (its first WordNet sense is verb.motion: "walk", "walk out";
  not "check into" / "check out of", a stay begun and ended) followed by path prepositions that point opposite
  ways (``data/directions.json``: into / out of, onto / off of, toward / away from) and the same
  place (the last word of the phrase after the preposition, determiners and possessives aside:
  "the store" / "a store"), told of the same person when both say who. Not when one article tells
  both ways for that verb and place (someone went in and came out: two movements), nor when the
  two claims give dates or clock times that differ (the arrival and the departure).
* **how long one happening lasted** (:func:`durations`): "the tremor lasted 30 seconds" / "felt
  the ground shaking for about a minute" (a number of a duration, or the claim's own TIMEX3
  duration in hours, minutes or seconds): only a length whose words say what lasted (the subject of
  a verb of lasting, or the verb a "for" phrase follows), compared story-wide between related
  happenings (one word, synonyms, a derivation or a hypernym apart in WordNet: the two wordings of
  one shaking land in two events).
* **where a person is from** (:func:`homes`): "LaSalle, 36, of Bloomington" / "LaSalle, 36, of
  Minneapolis": the named place written right after an age in apposition (at most
  :data:`HOME_GAP` characters: ", of "), two of them for one person that cannot both hold (not
  one entity, neither name inside the other, not named together in a sentence of the story
  other than those telling the homes), told within :data:`HOME_MOVE_DAYS` of each other. The
  sides are the claims holding the two places.

Tried and dropped (2026-12-07, all 66 ECB+ sub-topics of ``ecbplus_dev``, 53 conflicts before):
dates and clock times of claims in two facts of one event, judged as inside a fact (strict
:meth:`~storyline.core.dates.Moment.clashes`, each claim's own date): 150 more conflicts, nearly
all false: an event group holds several happenings of one kind (two sinkings on November 18 and
19, Thursday's and Friday's wins, the check-in and the dateline's filing time). Durations of one
happening told in two facts cannot be told apart from a different scope by the facts alone ("the
initial tremor lasted just over 10 seconds" at the epicentre, "the tremor lasted 30 seconds" in
Dubai: one event); that pair meets anyway (a lower bound). Durations told in two articles of one
sub-topic whose ranges do not meet (2026-12-07, second session, all 66 sub-topics): 533 pairs of up
to a day, nearly all of different happenings (a chase and a stand-off, "10 minutes later" and a
one-day trial), and 182 more within one event, nearly all contracts of different players ("an
eight-year contract" / "a three-year contract"): hence :func:`durations` takes only lengths whose
words say what lasted, and of related happenings, which leaves one pair on the 66 sub-topics (the
tremor's, real).

Not conflicts here: two figures of one article, a figure only possible ("could reach"), a figure
in a claim that does not affirm, and a pair already judged inside one fact.

Cost: place properties are grouped by holder or anchor, and within a group one claim per distinct
range is compared; event counts are compared within one event, one claim per distinct measure and
at most :data:`PER_EVENT` figures per event; counts of happenings are grouped by event, noun and
qualifiers, one claim per article and value, at most :data:`PER_EVENT` values per group (each pair
of values is compared once, on its first claims from two articles); lengths of happenings are
compared story-wide, one claim per article and distinct length, at most :data:`PER_EVENT` distinct
lengths (what lasted and how long) per story, so the step grows with the story, not its square.
The step is a function of the views, the readings' mentions, the cast and the facts only, so an
incremental reconcile recomputes it from its (cached) inputs and gets the same result.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from itertools import combinations
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.core import words
from storyline.core.lexicon import load_data
from storyline.core.records import ArticleReading, Fact, Quantity
from storyline.core.dates import Moment, clock_duration, moment
from storyline.reconcile.cast import Cast
from storyline.reconcile.conflicts import (
    Bounds,
    Found,
    _affirms,
    _uncertain,
    claim_measures,
    clash,
    context_measures,
    judge_measures,
    says,
    time_of,
    where_in,
)
from storyline.reconcile.features import ClaimView, by_article
from storyline.reconcile.measures import Measure, comparable, in_units_of, measures_of
from storyline.read.numbers import SCALES, cardinal

__all__ = ["HOLDER_GAP", "HOME_GAP", "HOME_MOVE_DAYS", "PATH_WORDS", "PER_EVENT", "Told", "across_facts", "article_told",
           "directions", "durations", "event_counts", "happening_counts", "homes", "place_properties"]

#: Most characters between a place's name and a figure told of it ("Qeshm island, home to 120,000").
HOLDER_GAP = 40
#: Most characters between an age in apposition and the place a person is from ("LaSalle, 36, of Bloomington").
HOME_GAP = 5
#: Two homes told this many days apart may both be right: people move.
HOME_MOVE_DAYS = 180
#: Most words of the place phrase read after a path preposition ("into the Sam's Club store").
PATH_WORDS = 4
#: Most distinct figures compared per event (the first told): keeps a huge event linear.
PER_EVENT = 200
_PLACE_TYPES = ("GPE", "LOC")
_BOUNDS = frozenset({"at_least", "more_than", "at_most"})
_STATE_SENSES = 2  # "locate" is a state in its second sense ("be located"); "say" only in its fourth


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
        return m.thing is not None and words.noun_class(m.thing) == "noun.group"
    counts_people = m.thing == "people" or (m.thing is not None and words.noun_class(m.thing) == "noun.person")
    return counts_people and m.role is not None and m.role_pos == "n" and not words.is_event_noun(m.role)


def _says_where(v: ClaimView, m: Measure) -> bool:
    """The claim states where something lies ("The island ... is about 940 miles south of Tehran",
    "located 1,150 km southeast of Tehran"): a state, not an event (the reader's ``eventive``), or
    a figure whose verb is a state in one of its first senses (WordNet verb.stative: locate, lie,
    sit). "evacuated the building, about 24km north of Detroit" and "a motorist 50 miles north of
    Detroit spotted ..." place an event or a passer-by: no holder, no comparison."""
    if not v.claim.eventive:
        return True
    return m.role_pos == "v" and m.role is not None and "verb.stative" in words.lexnames(m.role, "v", _STATE_SENSES)


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


def _figures(r: ArticleReading | None, views: Sequence[ClaimView], cast: Cast) -> list[_Figure]:
    """Every affirmed, not merely possible figure of a place property in one article's ``views``
    (``r``: its reading, None when not given), once per place in the text."""
    places: _Places | None = None
    out: list[_Figure] = []
    seen: set[int] = set()
    for v in views:
        if not v.claim.quantities or (t := time_of(v)) is not None and v.news is not None and t.clashes(v.news):
            continue
        told = claim_measures(v)
        ms = [m for m in told if _inhabitants(m) or _distance(m)]
        anchors = {m.anchor for m in told if m.anchor}
        for m in ms:
            q = m.quantity
            if q.start in seen:
                continue
            seen.add(q.start)
            if places is None and r is not None:
                places = _Places(r, cast)
            at = places.before(q.start, v.claim.sentence_start, anchors) if places is not None else None
            if at is None and not (_distance(m) and _says_where(v, m)):
                continue
            out.append(_Figure(v, m, *(at or (None, None))))
    return out


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
    by_id = {r.article.id: r for r in readings}
    return _place_conflicts(f for aid, vs in by_article(views).items() for f in _figures(by_id.get(aid), vs, cast))


def _place_conflicts(figures: Iterable[_Figure]) -> list[Found]:
    """:func:`place_properties` of the figures of every article (:func:`_figures`), in the views' order."""
    groups: dict[tuple, list[_Figure]] = {}
    for f in figures:
        key = ("length", f.measure.anchor) if _distance(f.measure) else ("people",)
        groups.setdefault(key, []).append(f)
    out = []
    pairs: set[tuple[str, str]] = set()  # one conflict per pair of claims ("1,150 km (700 miles)")
    for figures in groups.values():
        firsts: dict[tuple, _Figure] = {}
        for f in sorted(figures, key=lambda f: f.view.order):
            firsts.setdefault((f.holder, f.measure.low, f.measure.high), f)
        for a, b in combinations(firsts.values(), 2):
            if a.view.article.id == b.view.article.id or not clash(a.measure, b.measure):
                continue
            if _same_place(a, b) and (a.view.claim.id, b.view.claim.id) not in pairs:
                pairs.add((a.view.claim.id, b.view.claim.id))
                out.append(_property_found(a, b))
    return out


# -- counts of one event in two facts -----------------------------------------------------------


def _alike(p: Measure, y: Measure) -> bool:
    """``p`` measures what ``y`` does, or would with ``y``'s verb (a listed figure often has none of
    its own: "Miller is averaging 15.5 points, Iguodala 14.9 points")."""
    return comparable(p, y) or (p.role is None and comparable(replace(p, role=y.role, role_pos=y.role_pos), y))


def _agree_elsewhere(x: Measure, y: Measure, xs: Sequence[Measure], ys: Sequence[Measure]) -> bool:
    """Whether the two sentences give another figure (not ``x`` or ``y``) that agrees, and none
    but ``x``/``y`` that clashes: the sign that they tell one happening. Two figures agree when
    their ranges meet and neither is a bound. Never when one side's sentence also gives the other
    side's value for the same measure (a list of several people's or places' figures)."""
    # "Miller is averaging 15.5 points, Iguodala 14.9" / "Iguodala is averaging 14.9 points": the
    # other value is in the same sentence, told of someone else: a list, not a contradiction
    if any(p.quantity.start != x.quantity.start and _alike(p, y) and not clash(p, y) for p in xs) or any(
            q.quantity.start != y.quantity.start and _alike(q, x) and not clash(x, q) for q in ys):
        return False
    agree = False
    for p in xs:
        for q in ys:
            if p.quantity.start == x.quantity.start or q.quantity.start == y.quantity.start or not comparable(p, q):
                continue
            if clash(p, q):
                return False
            # a bound meets many values ("at least magnitude-5.9" / "a magnitude of 6.4"): it shows nothing
            agree = agree or not ({p.quantity.modifier, q.quantity.modifier} & _BOUNDS)
    return agree


def event_counts(views: Sequence[ClaimView], facts: Sequence[Fact], bounds: Bounds | None = None) -> list[Found]:
    """Figures of one event told in two of its facts that cannot both be right (module docstring)."""
    return _event_counts(_measured(views, bounds), {c: f for f in facts for c in f.claims})


def _measured(views: Iterable[ClaimView], bounds: Bounds | None) -> list[tuple[ClaimView, list[Measure]]]:
    """Each view with the figures it tells (:func:`claim_measures`), those with none left out."""
    return [(v, ms) for v in views if v.claim.quantities and (ms := claim_measures(v, bounds))]


def _event_counts(measured: Iterable[tuple[ClaimView, Sequence[Measure]]], fact_of: dict[str, Fact]) -> list[Found]:
    """:func:`event_counts` of the views' figures (:func:`_measured`, in the views' order)."""
    by_event: dict[str, list[tuple[ClaimView, Measure]]] = {}
    for v, ms in measured:
        f = fact_of.get(v.claim.id)
        if f is None or not f.event:
            continue
        for m in ms:
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
            if not clash(x, y):
                continue
            if not comparable(x, y) or not _agree_elsewhere(x, y, context_measures(a), context_measures(b)):
                continue
            out += judge_measures(a, x, b, y).conflicts
    return out


# -- how many happenings one event had ----------------------------------------------------------


def _event_of(facts: Sequence[Fact]) -> dict[str, str]:
    """The event group of each claim that has one."""
    return {c: f.event for f in facts if f.event for c in f.claims}


def _qualifiers(q) -> tuple[str, ...] | None:
    """The words between a count's number and its noun ("strong" in "at least four strong
    aftershocks"), lower case; None when no number word is written (\"several aftershocks\")."""
    toks = q.text.lower().split()
    at = [i for i, w in enumerate(toks[:-1]) if cardinal(w) is not None or w in SCALES]
    return tuple(toks[at[-1] + 1 : -1]) if at else None


def _counts_happenings(m: Measure) -> bool:
    """A whole number of the noun in the plural ("three aftershocks", "one aftershock"): "a 6.1
    quake", "a 6 quake" measure one quake (a magnitude), they do not count quakes."""
    q = m.quantity
    return q.value.is_integer() and (q.value == 1) == (q.text.lower().split()[-1] == m.thing)


def happening_counts(views: Sequence[ClaimView], facts: Sequence[Fact], bounds: Bounds | None = None) -> list[Found]:
    """How many natural happenings (:func:`storyline.core.words.is_natural_happening`) one event
    had, told in two articles, that cannot both be right: "three strong aftershocks were felt" /
    "followed by at least four strong aftershocks". The count is of the happenings themselves, so
    the verb each is told with does not matter. Compared only when the two counts qualify the
    noun alike: a qualified count is a part of the whole ("three strong aftershocks" among "at least
    four aftershocks"). Acts ("games", "touchdowns", "attacks") are left out: they are counted per
    player, game or season, which the claims do not show (tried: hundreds of false conflicts on
    sports stories). Updates, bounds and dates are judged as inside a fact
    (:func:`storyline.reconcile.conflicts.judge_measures`); one conflict per two values."""
    return _happening_counts(_measured(views, bounds), _event_of(facts))


def _happening_counts(measured: Iterable[tuple[ClaimView, Sequence[Measure]]], event_of: dict[str, str]) -> list[Found]:
    """:func:`happening_counts` of the views' figures (:func:`_measured`)."""
    # per group, per value: the first claim of each article that tells it
    groups: dict[tuple, dict[tuple[float, float], dict[str, tuple[ClaimView, Measure]]]] = {}
    for v, ms in sorted(measured, key=lambda p: p[0].order):
        if (event := event_of.get(v.claim.id)) is None:
            continue
        for m in ms:
            if m.self_described or m.thing is None or not words.is_natural_happening(m.thing):
                continue
            if (qualified := _qualifiers(m.quantity)) is None or not _counts_happenings(m):
                continue
            values = groups.setdefault((event, m.thing, qualified), {})
            if (m.low, m.high) not in values and len(values) >= PER_EVENT:
                continue
            values.setdefault((m.low, m.high), {}).setdefault(v.article.id, (v, replace(m, role=m.thing, role_pos="n")))
    out: list[Found] = []
    for values in groups.values():
        for xs, ys in combinations(values.values(), 2):
            pair = next(((a, x, b, y) for a, x in xs.values() for b, y in ys.values() if a.article.id != b.article.id), None)
            if pair is not None and clash(pair[1], pair[3]):
                out += [replace(f, kind="count") for f in judge_measures(*pair).conflicts]
    return out


# -- how long one happening lasted ----------------------------------------------------------------

#: Verb senses that tell how long their subject lasted ("the tremor lasted 30 seconds").
_LASTING = frozenset({"last.v.01"})
#: How two happenings' words may relate for their lengths to be one length (words.related).
_ONE_HAPPENING = frozenset({"same", "synonym", "derivation", "hypernym"})
_FOR = re.compile(r"\bfor\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class _Length:
    view: ClaimView
    measure: Measure
    what: frozenset[tuple[str, str]]  # (lemma, pos) of the happenings it is told to be the length of


def _lasting(verb: str | None) -> bool:
    return verb is not None and bool(_LASTING.intersection(words.synsets(verb, "v")[:1]))


def _length_of(v: ClaimView, role: str | None, role_pos: str | None, start: int) -> frozenset[tuple[str, str]]:
    """What the length written at ``start`` is the length of: the event nouns heading the claim's
    subject when its verb is one of lasting ("the tremor lasted 30 seconds"), the verb it follows after "for" ("the
    ground shaking for about a minute"); nothing otherwise ("10 minutes later" is a time after)."""
    verb = role if role_pos == "v" else None
    told = v.claim.predicate.split()[:1]  # an empty predicate tells no verb
    if _lasting(verb) or (verb is None and told and _lasting(told[0])):
        return frozenset((n, "n") for n in _subject_nouns(v))
    if _FOR.search(v.article.text, max(0, start - 12), start) and (verb or told):
        return frozenset({(verb or told[0], "v")})
    return frozenset()


def _subject_nouns(v: ClaimView) -> set[str]:
    """The event noun heading the claim's subject, read in the words before its predicate: the last
    word of the run of words right before it, or of an earlier run whose last word is an event noun
    that the later run modifies ("the meeting after the shooting" is a meeting; "a witness said the
    tremor" is a tremor). A claim with no predicate offset gives the event nouns of its whole
    wording."""
    c = v.claim
    if c.predicate_start is None or not c.start <= c.predicate_start <= c.end:
        nouns = {words.lemmatize(t, "n") or t for t in v.tokens}
        return {n for n in nouns if not _lasting(n) and words.is_event_noun(n)}
    runs: list[list[str]] = [[]]
    for w in re.findall(r"[a-z]+", v.article.text[c.start : c.predicate_start].lower()):
        if w in STOP_WORDS and not words.is_event_noun(w):  # spaCy's list holds "show", "move", "call"
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(words.lemmatize(w, "n") or w)
    heads = [r[-1] for r in runs if r]
    heads = [h if not _lasting(h) and words.is_event_noun(h) else None for h in heads]
    if not heads or heads[-1] is None:
        return set()
    i = len(heads) - 1
    while i > 0 and heads[i - 1] is not None:
        i -= 1  # a noun's modifiers come after it: "the meeting after the shooting"
    return {heads[i]}


def _lengths(v: ClaimView, bounds: Bounds | None = None) -> list[_Length]:
    """The lengths of happenings a claim tells: its numbers of a duration, and its own TIMEX3
    duration in hours, minutes or seconds when no number covers it ("for about a minute")."""
    return _lengths_of(v, claim_measures(v, bounds))


def _lengths_of(v: ClaimView, measures: Sequence[Measure]) -> list[_Length]:
    """:func:`_lengths` of a claim whose figures (:func:`claim_measures`) are ``measures``."""
    out = []
    told = [m for m in measures if m.thing == "duration"]
    for m in told:
        if what := _length_of(v, m.role, m.role_pos, m.quantity.start):
            out.append(_Length(v, m, what))
    t, c = v.timex, v.claim
    if t is None or t.type != "DURATION" or not (c.start <= t.start and t.end <= c.end) or not _affirms(v) or _uncertain(v):
        return out
    if any(m.quantity.start < t.end and t.start < m.quantity.end for m in told):
        return out  # the reader's number covers it, whether or not it says what lasted
    if (told := clock_duration(t.value, t.mod)) is not None and (what := _length_of(v, None, None, t.start)):
        n, unit, modifier = told
        q = Quantity(n, unit, modifier, t.start, t.end, t.text, None, False)
        out += [_Length(v, m, what) for m in measures_of((t.start, t.end), (q,))]
    return out


@lru_cache(maxsize=16384)
def _one_happening(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    return any(words.related(x, px, y, py) in _ONE_HAPPENING for x, px in a for y, py in b)


def durations(views: Sequence[ClaimView], bounds: Bounds | None = None) -> list[Found]:
    """How long one happening lasted, told in two articles in ways that cannot both be right: "the
    tremor lasted 30 seconds" / "felt the ground shaking for about a minute". A length counts only
    when the words say what lasted: the event noun heading the subject of a verb of lasting (WordNet last.v.01; "the meeting after
    the shooting lasted" tells a meeting's length), or the
    verb a "for" phrase follows; two lengths are of one happening when those words are one word,
    synonyms, derived from each other or a hypernym apart (WordNet: tremor / shake). Not compared:
    "10 minutes later" (a time after), lengths told of two different subjects, a lower bound
    against a longer length ("the initial tremor
    lasted just over 10 seconds" / "about a minute"), lengths of unrelated happenings (a stand-off,
    a drive); updates and dates as inside a fact (:func:`storyline.reconcile.conflicts.judge_measures`).
    Story-wide, not per event: the two wordings of one shaking land in two events (shake / last).
    The first :data:`PER_EVENT` distinct lengths (what lasted and how long) of the story are
    compared, each on the first claim of each article that tells it."""
    return _durations(x for v in sorted(views, key=lambda v: v.order) for x in _lengths(v, bounds))


def _durations(lengths: Iterable[_Length]) -> list[Found]:
    """:func:`durations` of the lengths the claims tell (:func:`_lengths`), in the views' order."""
    firsts: dict[tuple, _Length] = {}
    distinct: set[tuple] = set()
    for x in lengths:
        length = (x.what, x.measure.low, x.measure.high)
        if length not in distinct and len(distinct) >= PER_EVENT:
            continue
        distinct.add(length)
        firsts.setdefault((*length, x.view.article.id), x)
    out: list[Found] = []
    for a, b in combinations(firsts.values(), 2):
        if a.view.article.id == b.view.article.id or not clash(a.measure, b.measure):
            continue
        if a.view.subject and b.view.subject and a.view.subject != b.view.subject:
            continue  # "Brook spoke for two hours" / "Vance spoke for four hours": two people's
        if _one_happening(a.what, b.what):
            x, y = (replace(m, role="last", role_pos="v") for m in (a.measure, b.measure))
            out += judge_measures(a.view, x, b.view, y).conflicts
    return out


# -- where a person is from -----------------------------------------------------------------------


def _homes(r: ArticleReading, cast: Cast, views: Sequence[ClaimView]) -> list[tuple[str, str, ClaimView, int, int]]:
    """(person, place, claim, place start, end) for each "Name, 36, of Place" of one article: a
    named place written at most :data:`HOME_GAP` characters after an age in apposition (the reader's
    Age record), told in a claim whose span holds the place."""
    if not r.ages or not views:
        return []
    kinds = {e.id for e in r.entities if e.type in _PLACE_TYPES}
    places = sorted((m.start, m.end, m.entity) for m in r.mentions if m.entity in kinds and m.entity in cast.of)
    starts = [p[0] for p in places]
    out = []
    for g in r.ages:
        person = cast.of.get(g.entity)
        i = bisect_right(starts, g.end)
        if person is None or g.past or i >= len(places) or places[i][0] - g.end > HOME_GAP:
            continue
        ps, pe, place = places[i]
        holding = [v for v in views if v.claim.start <= ps and pe <= v.claim.end and _affirmed(v)]
        if holding:
            v = min(holding, key=lambda v: (v.claim.end - v.claim.start, v.order))
            out.append((person, cast.of[place], v, ps, pe))
    return out


def _sentence_start(v: ClaimView, at: int) -> int:
    starts = [s.start for s in v.sentences]
    i = bisect_right(starts, at) - 1
    return starts[i] if i >= 0 else -1


def _affirmed(v: ClaimView) -> bool:
    return v.claim.polarity == "positive" and v.claim.certainty != "possible"


class _Together:
    """Which sentences of the story name a place (lower case), cut on first use: whether two places
    are named together in a sentence other than those telling the homes ("LaSalle, 36, of
    Minneapolis, hit ... at the Bloomington Sam's Club" names a second place for another reason;
    "Tarsin is a suburb of Lune" anywhere in the story says one may hold the other)."""

    def __init__(self, readings: Sequence[ArticleReading]):
        self._readings = readings
        self._lows: list[tuple[str, int, str]] | None = None

    def __call__(self, na: str, nb: str, told: Iterable[tuple[str, int]]) -> bool:
        if self._lows is None:
            self._lows = [(r.article.id, s.start, r.article.text[s.start : s.end].lower())
                          for r in self._readings for s in r.sentences]
        skip = set(told)
        return any(na in low and nb in low and (art, start) not in skip for art, start, low in self._lows)


def homes(readings: Sequence[ArticleReading], views: Sequence[ClaimView], cast: Cast,
          name: Callable[[str], str]) -> list[Found]:
    """Two places a person is said to be from ("LaSalle, 36, of Bloomington" / "LaSalle, 36, of
    Minneapolis") that cannot both hold: not one story entity, neither name inside the other, not
    named together elsewhere (:class:`_Together`), told within :data:`HOME_MOVE_DAYS` (people move)."""
    views_of = by_article(views)
    return _home_conflicts(readings, [_homes(r, cast, views_of.get(r.article.id, ())) for r in readings], name)


def _home_conflicts(readings: Sequence[ArticleReading], per_reading: Iterable[Iterable[tuple[str, str, ClaimView, int, int]]],
                    name: Callable[[str], str]) -> list[Found]:
    """:func:`homes` of the homes told in ``per_reading`` (:func:`_homes` of each reading, or
    joined per article, in the order of ``readings``)."""
    told: dict[str, dict[str, tuple[ClaimView, int, int]]] = {}
    for found in per_reading:
        for person, place, v, ps, pe in found:
            told.setdefault(person, {}).setdefault(place, (v, ps, pe))
    out = []
    together = _Together(readings)
    for person, at in told.items():
        for (pa, (a, s0, e0)), (pb, (b, s1, e1)) in combinations(sorted(at.items(), key=lambda kv: kv[1][0].order), 2):
            na, nb = name(pa).lower(), name(pb).lower()
            if a.article.id == b.article.id or na in nb or nb in na:
                continue
            if a.published and b.published and abs((a.published - b.published).days) > HOME_MOVE_DAYS:
                continue
            if together(na, nb, ((a.article.id, _sentence_start(a, s0)), (b.article.id, _sentence_start(b, s1)))):
                continue
            out.append(Found("place", (a.claim.id, b.claim.id),
                             f"{says(a, s0, e0)}; {says(b, s1, e1)}: {name(person)} is of {name(pa)} in one and of "
                             f"{name(pb)} in the other; neither place is named inside the other.",
                             (where_in(a, s0, e0), where_in(b, s1, e1))))
    return out


# -- which way one movement went -----------------------------------------------------------------


@dataclass(frozen=True)
class _Path:
    view: ClaimView
    verb: str  # the predicate's verb ('walk' for 'walk out')
    way: int  # 0: towards the place, 1: away from it
    words: str  # the preposition and place as written ('into the store')
    place: str  # the place phrase's last word, lower case ('store')
    start: int
    end: int


@lru_cache(maxsize=1)
def _path_grammar() -> tuple[re.Pattern, dict[str, int]]:
    raw = load_data("directions.json", {"opposed": list, "determiners": list, "ends": list})
    way = {w.lower(): side for row in raw["opposed"] for side, w in enumerate(row)}
    preps = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(way, key=len, reverse=True))
    dets = "|".join(map(re.escape, raw["determiners"]))
    ends = "|".join(map(re.escape, raw["ends"]))
    # the verb, at most one word between it and the preposition ("walking back into"), then the place
    pattern = re.compile(
        rf"[A-Za-z]+(?:\s+[A-Za-z]+)??\s+(?P<prep>{preps})\s+(?:(?:{dets})\s+)?"
        rf"(?P<place>(?:(?!(?:{ends})\b)[A-Za-z][\w'\u2019.-]*\s*){{1,{PATH_WORDS}}})", re.IGNORECASE)
    return pattern, way


def _path(v: ClaimView) -> _Path | None:
    """Which way the claim's movement goes and towards what, read right after its predicate."""
    c = v.claim
    if c.predicate_start is None or not c.predicate or not _affirmed(v):
        return None
    pattern, way = _path_grammar()
    text = v.article.text
    verb = c.predicate.split()[0]
    if not _moves(verb):
        return None  # "checked into" / "checked out of" rehab: a stay begun and ended, not one movement's way
    m = pattern.match(text, c.predicate_start, c.end)
    if m is None:
        return None
    place = m.group("place").split()[-1].lower().rstrip(".").removesuffix("\u2019s").removesuffix("'s")
    prep = " ".join(m.group("prep").lower().split())
    return _Path(v, verb, way[prep], text[m.start("prep"):m.end("place")].strip(), place,
                 m.start("prep"), m.start("place") + len(m.group("place").rstrip()))


@lru_cache(maxsize=4096)
def _moves(verb: str) -> bool:
    """A verb whose first WordNet sense is a movement (verb.motion: walk, run, drive, head)."""
    return words.verb_class(verb) == "verb.motion"


def _own_time(v: ClaimView) -> Moment | None:
    """The date or clock time the claim itself gives ("at 10 a.m.", "in 2010"), if any."""
    t = v.timex
    if t is None or t.type not in ("DATE", "TIME") or not (v.claim.start <= t.start and t.end <= v.claim.end):
        return None
    return moment(t.value, t.mod)


def directions(views: Sequence[ClaimView], facts: Sequence[Fact]) -> list[Found]:
    """One movement said to go opposite ways (module docstring): one conflict per event, verb and place."""
    return _direction_conflicts((p for v in views if (p := _path(v)) is not None), _event_of(facts))


def _direction_conflicts(paths: Iterable[_Path], event_of: dict[str, str]) -> list[Found]:
    """:func:`directions` of the claims' paths (:func:`_path`, in the views' order)."""
    groups: dict[tuple[str, str, str], list[_Path]] = {}
    for p in paths:
        if (event := event_of.get(p.view.claim.id)) is None:
            continue
        groups.setdefault((event, p.verb, p.place), []).append(p)
    out = []
    for paths in groups.values():
        ways: dict[str, set[int]] = {}
        for p in paths:
            ways.setdefault(p.view.article.id, set()).add(p.way)
        if any(len(w) > 1 for w in ways.values()):
            continue  # one article tells both: someone went in and came out
        firsts = {}
        for p in sorted(paths, key=lambda p: p.view.order):
            firsts.setdefault(p.way, p)
        if len(firsts) < 2:
            continue
        a, b = firsts[0], firsts[1]
        a, b = (a, b) if a.view.order <= b.view.order else (b, a)
        if a.view.subject and b.view.subject and a.view.subject != b.view.subject:
            continue
        ta, tb = _own_time(a.view), _own_time(b.view)
        if ta is not None and tb is not None and ta.clashes(tb):
            continue  # the arrival and the departure; moved in in 2010, out in 2015
        out.append(Found("place", (a.view.claim.id, b.view.claim.id),
                         f"{says(a.view, a.start, a.end)}; {says(b.view, b.start, b.end)}: \u2018{a.words}\u2019 vs "
                         f"\u2018{b.words}\u2019; one {a.verb} cannot go both ways, and no article tells both.",
                         (where_in(a.view, a.start, a.end), where_in(b.view, b.start, b.end))))
    return out


# -- the step ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Told:
    """What one article's claims tell that the rules above compare: the part of the step read
    from one article alone (:func:`article_told`), which an incremental reconcile keeps while the
    article's inputs are the same (:meth:`storyline.reconcile.incremental.ReconcileCache.told`).
    Each list is in the views' order. Its parts are opaque outside this module: a cache keeps
    them and hands them back to :func:`across_facts`, the only reader."""

    measured: tuple[tuple[ClaimView, tuple[Measure, ...]], ...]  # views with figures (claim_measures)
    figures: tuple[_Figure, ...]  # place properties (_figures)
    lengths: tuple[_Length, ...]  # lengths of happenings (_lengths)
    paths: tuple[_Path, ...]  # ways of movements (_path)
    homes: tuple[tuple[str, str, ClaimView, int, int], ...]  # where people are from (_homes)


def article_told(rs: Sequence[ArticleReading], views: Sequence[ClaimView], cast: Cast, bounds: Bounds | None) -> Told:
    """:class:`Told` of one article's ``views`` (``rs``: its readings, in the story's order, none
    when not given): the homes of every reading, the place properties of the last (as
    :func:`place_properties`). Reads of the story only ``cast.of`` (the story entities of the
    article's mentions and ages) and the article's own lower bounds in ``bounds``."""
    measured = tuple((v, tuple(ms)) for v, ms in _measured(views, bounds))
    of = {id(v): ms for v, ms in measured}
    return Told(measured, tuple(_figures(rs[-1] if rs else None, views, cast)),
                # (a claim with neither figures nor a time has no length: most are skipped unasked)
                tuple(x for v in views if v.timex is not None or id(v) in of for x in _lengths_of(v, of.get(id(v), ()))),
                tuple(p for v in views if (p := _path(v)) is not None),
                tuple(h for r in rs for h in _homes(r, cast, views)))


def across_facts(readings: Sequence[ArticleReading], views: Sequence[ClaimView], cast: Cast,
                 facts: Sequence[Fact], known: Iterable[frozenset[str]],
                 name: Callable[[str], str], bounds: Bounds | None = None,
                 told_of: Callable[[Sequence[ArticleReading], Sequence[ClaimView], Cast, Bounds | None], Told] = article_told,
                 views_of: dict[str, list[ClaimView]] | None = None) -> list[Found]:
    """The conflicts between claims of two different facts, not already in ``known`` (fact id ->
    the claim pairs of its conflicts), each once. ``told_of`` (:func:`article_told`) is the
    per-article part, for a cache to stand in for it; ``views_of``:
    :func:`~storyline.reconcile.features.by_article` of ``views``, when the caller has it."""
    rs_of: dict[str, list[ArticleReading]] = {}
    for r in readings:
        rs_of.setdefault(r.article.id, []).append(r)
    views_of = by_article(views) if views_of is None else views_of
    told = {aid: told_of(rs_of.get(aid, ()), vs, cast, bounds) for aid, vs in views_of.items()}
    fact_of = {c: f for f in facts for c in f.claims}
    event_of = _event_of(facts)
    measured = [x for t in told.values() for x in t.measured]
    found_all = _place_conflicts(f for t in told.values() for f in t.figures)
    found_all += _event_counts(measured, fact_of) + _happening_counts(measured, event_of)
    found_all += _durations(sorted((x for t in told.values() for x in t.lengths), key=lambda x: x.view.order))
    found_all += _home_conflicts(readings, [told[aid].homes for aid in rs_of if aid in told], name)
    seen = set(known)
    out = []
    for found in found_all + _direction_conflicts((p for t in told.values() for p in t.paths), event_of):
        a, b = found.claims
        if a not in fact_of or b not in fact_of or frozenset(found.claims) in seen:
            continue
        if fact_of[a].id == fact_of[b].id and found.kind in ("quantity", "count"):  # its figures judged inside the fact
            continue
        seen.add(frozenset(found.claims))
        out.append(found)
    return out
