"""What the reconcile stage needs to know about one claim, computed once (``ClaimView``).

Besides the story-level participants and content tokens (the claim's content lemmas the reader
recorded, :attr:`Claim.lemmas`, without the words of the story's names) this finds the event time (dropping a
timex the reader found dating a *work*, cue ``when_work_date``: "2010’s Black Swan" is a release
year, not the year of what happened on its set), the places named, and, from the quantities the reader annotated on the claim
(:attr:`Claim.quantities`), a wedding date implied by an anniversary or a length of marriage and
the counts of children.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import groupby
from datetime import date
from operator import attrgetter
from typing import Callable, Iterable, Sequence

from storyline.core import words
from storyline.core.dates import Interval, Moment, interval, news_window, parse_day, years_before
from storyline.core.records import Article, ArticleReading, Claim, Quantity, Sentence, Timex
from storyline.read.entities.lexicon import lexicon
from storyline.reconcile.cast import Cast
from storyline.reconcile.names import name_tokens

__all__ = ["ClaimView", "Derived", "Each", "article_views", "build_views", "by_article", "child_count", "dated", "each",
           "name_words", "ordered", "says_more_than_its_predicate", "undated_news"]
_PLACE_TYPES = ("GPE", "LOC")


def says_more_than_its_predicate(v: "ClaimView") -> bool:
    """Whether a claim says more than its verb or noun: someone, something, a figure, a time, a
    place or another word ('killing', 'so that we can expect', 'change' say no more)."""
    c = v.claim
    return bool(v.participants or c.subject or c.object or c.quantities or v.timex or v.place
                or not v.tokens <= set(c.predicate.split()))


def child_count(q: Quantity) -> tuple[int, str] | None:
    """(value, 'children'|'sons'|'daughters') when the quantity counts children ("two children")."""
    noun = lexicon().child_counts.get(q.unit or "")
    if noun is None or q.ordinal or q.modifier == "additional" or q.value != int(q.value) or not 0 <= q.value < 100:
        return None  # ("two more children" is no count of them all)
    return int(q.value), noun


@dataclass(frozen=True)
class Derived:
    """A wedding date implied by a claim ("10th anniversary on 2022-08-04" → 2012-08-04)."""

    span: Interval
    reason: str  # how it was computed, quoted into conflict reasons


@dataclass(slots=True)  # (20,000 in a big story: no dict each, and they are read in every step)
class ClaimView:
    """One claim with everything alignment, conflicts and independence look at."""

    claim: Claim
    article: Article
    pclass: str
    participants: frozenset[str]
    subject: str | None
    source_entity: str | None
    tokens: frozenset[str]  # the claim's content lemmas without the words of the story's names
    timex: Timex | None
    span: Interval | None
    work_timex: Timex | None
    derived: Derived | None
    counts: tuple[tuple[int, str], ...]
    places: frozenset[str]
    published: date | None
    order: tuple
    # Where the claim says it happened (Claim.place), when it is a named place (GPE or LOC): its
    # story entity id; None otherwise.
    place: str | None = None
    # For a claim with no time of its own: the date its context gives (Claim.context_when). Conflicts
    # use it only to keep apart figures told of different times (a past quake in a background paragraph).
    context_timex: Timex | None = None
    # The days the claim's news is about (core.dates.news_window): those up to its article's
    # publication date, else (an undated article) up to the day the story's claims date most often.
    # Conflicts take an undated figure to be of these days, so one dated months before is another event's.
    news: Moment | None = None
    # The distinct lower-case word forms of the sentence(s) holding the claim (Claim.sentence_start/
    # end, as the reader split them): what recognising a copied sentence compares. Empty for a
    # reading stored before schema 8.
    sentence_words: frozenset[str] = frozenset()
    # The reader's sentences of the claim's article (shared by all its claims), for what one
    # sentence names together; empty for a reading stored before schema 8.
    sentences: tuple[Sentence, ...] = ()
    # Every figure the article's claims give in the claim's sentence(s) and the sentence before
    # ("A 5.6-magnitude quake jolted the island. ... the quake injured two people"): what tells
    # which happening a figure is of (storyline.reconcile.conflicts.context_measures).
    nearby: tuple[Quantity, ...] = ()
    # The article's outlet, else its id (one origin per outlet): set from ``article`` when made
    # (so a view replaced with another article has its outlet), not derived on each use: the scan
    # for sources asks it of every claim against each earlier one of its fact.
    outlet: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.outlet = self.article.outlet or self.article.id

    def cite(self) -> str:
        """'"<claim text>" (Outlet, 2024-01-17)': how reasons quote a claim."""
        when = self.published.isoformat() if self.published else "undated"
        text = self.claim.text if len(self.claim.text) <= 160 else self.claim.text[:157] + "..."
        return f"\u201c{text}\u201d ({self.outlet}, {when})"


def _derived(claim: Claim, span: Interval | None, published: date | None, pclass: str) -> Derived | None:
    for q in claim.quantities:
        # "their 10th wedding anniversary on <date>" (or a 10th anniversary in a marriage claim)
        if not (q.ordinal and q.unit == "anniversary") or span is None:
            continue
        if q.measure != "marriage" and pclass != "marriage":
            continue
        wedding = years_before(span, int(q.value))
        if wedding is None:  # before the year 1
            continue
        return Derived(wedding, f"a {q.text} on {span.describe()} puts the wedding on {wedding.describe()}")
    q = next((q for q in claim.quantities if q.measure == "marriage" and not q.ordinal), None)
    if q is not None:  # "11 years of marriage", "married for 11 years", "an 11-year marriage"
        anchor = span or (Interval(published, published) if published else None)
        wedding = years_before(anchor, int(q.value), completed=True) if anchor is not None else None
        if wedding is not None:
            return Derived(
                wedding,
                f"'{q.text}' as of {anchor.describe()} puts the wedding {wedding.describe()}",
            )
    return None


def _event_key(c: Claim) -> str:
    """The key an open-domain claim is aligned and grouped under: its predicate's WordNet event
    key, a phrasal verb's head's when WordNet files it under the head (:func:`words.phrasal_key`:
    "escaped" / "escaped from" one prison), else the predicate."""
    if c.predicate_pos == "verb" and " " in c.predicate and (key := words.phrasal_key(c.predicate)):
        return key
    return c.event_key or c.predicate


def _place(c: Claim, cast: Cast) -> str | None:
    # Only a named place can be told apart from another: "in the gulf" and "in nearby countries",
    # or a store and a league, may all hold the same spot (no gazetteer says otherwise).
    if c.place and c.place in cast.of and cast.types.get(c.place) in _PLACE_TYPES:
        return cast.of[c.place]
    return None


class _SentenceWords:
    """The words of an article's sentences that overlap a span, found by bisection (the reader's
    sentences are in text order and do not overlap)."""

    def __init__(self, sentences: Sequence[Sentence]):
        self._sentences = sentences
        self._starts = [s.start for s in sentences]
        self._ends = [s.end for s in sentences]
        self._made: dict[tuple[int, int], frozenset[str]] = {}  # an article's claims share sentences

    def __call__(self, start: int, end: int) -> frozenset[str]:
        span = bisect_right(self._ends, start), bisect_left(self._starts, end)
        out = self._made.get(span)
        if out is None:
            out = self._made[span] = frozenset(w for s in self._sentences[span[0]:span[1]] for w in s.words)
        return out


class _PlacesIn:
    """The story entities of an article's place mentions inside a span, found by bisection (a
    claim's mentions are a few of its article's: a scan of all of them per claim was a quarter of
    the claim views' cost)."""

    def __init__(self, r: ArticleReading, place_ents: set[str], cast: Cast):
        at = sorted((m.start, m.end, cast.of[m.entity]) for m in r.mentions if m.entity in place_ents)
        self._at = at
        self._starts = [s for s, _, _ in at]

    def __call__(self, start: int, end: int) -> set[str]:
        at, out = self._at, set()
        if not at:  # (an article naming no place)
            return out
        for i in range(bisect_left(self._starts, start), len(at)):
            s, e, story = at[i]
            if s > end:  # (a mention ending by ``end`` starts by it)
                break
            if e <= end:
                out.add(story)
        return out


class _Figures:
    """An article's figures (the quantities of its claims, once each, in text order) and those of
    the reader's sentences a claim spans with the sentence before, found by bisection (a claim's
    ``sentence_start``/``sentence_end`` may cover a headline and more; its own words do not)."""

    def __init__(self, r: ArticleReading):
        seen = {(q.start, q.end): q for c in r.claims for q in c.quantities}
        self._qs = [seen[k] for k in sorted(seen)]
        self._starts = [q.start for q in self._qs]
        self._sentence_starts = [s.start for s in r.sentences]
        self._sentences = r.sentences

    def __call__(self, c: Claim) -> tuple[Quantity, ...]:
        if not self._qs:  # an article without figures
            return ()
        if not self._sentences:  # a reading stored before schema 8: the claim's own sentence span
            lo, hi = c.sentence_start, c.sentence_end
        else:
            i = bisect_right(self._sentence_starts, c.start) - 1
            j = max(i, bisect_right(self._sentence_starts, max(c.start, c.end - 1)) - 1)
            lo = self._sentences[max(i - 1, 0)].start
            hi = self._sentences[j].end if j >= 0 else c.sentence_end
        return tuple(self._qs[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)])


# (fn, items) -> [fn(x) for x in items]: how a step maps a function of one claim view (or one
# reading) alone over the whole story, so a cache can keep each item's answer while the item is
# the same object (storyline.reconcile.incremental). ``fn`` must read nothing but the item (and
# the process's packs and lexicons), and be one object from call to call (a module's function).
Each = Callable[[Callable[[object], object], Sequence[object]], list]


def each(fn: Callable[[object], object], items: Sequence[object]) -> list:
    """:data:`Each` without a cache."""
    return list(map(fn, items))


def name_words(cast: Cast) -> frozenset[str]:
    """The words of the story's names (every name and alias of its cast): no claim's content. An
    unnamed group known by its count is not named by it: "50 people" is what "injured almost 50"
    tells, its count a content word as the number of "injuring 40" is."""
    return frozenset(t for e in cast.entities if not (e.id in cast.unnamed and e.name[:1].isdigit())
                     for n in (e.name, *e.aliases) for t in name_tokens(n))


def build_views(readings: Sequence[ArticleReading], cast: Cast, views_of: Callable | None = None,
                dated_of: Callable | None = None) -> list[ClaimView]:
    """One :class:`ClaimView` per claim, in a deterministic order (publication date, article, offset).

    ``views_of`` (:func:`article_views`) and ``dated_of`` (``(article id, views, window)`` ->
    :func:`dated`) are the per-article steps, for a cache to stand in for them
    (:class:`storyline.reconcile.incremental.ReconcileCache`)."""
    name_drop = name_words(cast)
    per_article = [(views_of or article_views)(r, cast, name_drop) for r in readings]
    # The story's news days matter to undated articles only (a dated one's views keep their own).
    window = undated_news([v for views in per_article for v in views]) if any(
        views and views[0].news is None for views in per_article) else None
    dated_of = dated_of or (lambda _article, views, w: dated(views, w))
    return ordered([dated_of(r.article.id, views, window) for r, views in zip(readings, per_article)])


def undated_news(views: Sequence[ClaimView]) -> Moment | None:
    """The news days of an undated article: those of the day the story's claims date most often
    (the earliest on ties); None when no claim gives a single day."""
    days = Counter(v.span.start for v in views if v.span is not None and v.span.start == v.span.end)
    return news_window(min(days, key=lambda d: (-days[d], d))) if days else None


def dated(views: list[ClaimView], window: Moment | None) -> list[ClaimView]:
    """One article's views, with ``window`` (:func:`undated_news`) as the news days of an undated
    one (new views: those given stay as they are, so they may be reused)."""
    if window is None or not views or views[0].news is not None:
        return views
    return [replace(v, news=window) for v in views]


_ORDER, _ARTICLE_ID = attrgetter("order"), attrgetter("article.id")


def by_article(views: Iterable[ClaimView]) -> dict[str, list[ClaimView]]:
    """The views of each article, articles in the order of their first view. An article's views
    are together in the story's order (:func:`ordered`): taken a run at a time, at C speed (this
    is a pass over the story's every claim)."""
    out: dict[str, list[ClaimView]] = {}
    for aid, run in groupby(views, key=_ARTICLE_ID):
        out.setdefault(aid, []).extend(run)
    return out


def ordered(per_article: Sequence[Sequence[ClaimView]]) -> list[ClaimView]:
    """Every article's views in one list, by publication date, article and offset."""
    views = [v for views in per_article for v in views]
    views.sort(key=_ORDER)  # nearly sorted already (articles come by date): a merge of runs
    return views


def article_views(r: ArticleReading, cast: Cast, name_drop: frozenset[str]) -> list[ClaimView]:
    """The views of one article's claims (an undated article's without news days: see :func:`dated`).

    Reads of the story only ``cast`` (the story entities of the article's entities) and which of
    its claims' words are in ``name_drop`` (:func:`name_words`)."""
    views: list[ClaimView] = []
    art = r.article
    published = parse_day(art.published)
    news = news_window(published) if published else None
    timexes = {t.id: t for t in r.timexes}
    place_ents = {e.id for e in r.entities if e.type in _PLACE_TYPES}
    places_in = _PlacesIn(r, place_ents, cast)
    in_sentences = _SentenceWords(r.sentences)
    figures = _Figures(r)
    named: dict[str | None, tuple[str, ...]] = {}  # an article's claims are about a few of its entities

    def named_people(entity: str | None) -> tuple[str, ...]:
        out = named.get(entity)
        if out is None:
            out = named[entity] = cast.named_people(entity)
        return out

    for c in r.claims:
        pclass = c.predicate_class or f"~{_event_key(c)}"
        if pclass != "denial" and (c.predicate == "deny" or "reported_denial" in c.cues):
            pclass = "denial"  # "who denied cheating in January" reports a denial, not the cheating
        subj = named_people(c.subject)
        people = set(subj)
        if isinstance(c.object, str) and c.object in cast.of and cast.types.get(c.object) in ("PERSON", "GROUP"):
            people.update(named_people(c.object))
        t = timexes.get(c.when) if c.when else None
        work = None
        if t is not None and "when_work_date" in c.cues:
            t, work = None, t
        span = interval(t.value, t.mod) if t is not None and t.type in ("DATE", "TIME") else None
        places = places_in(c.start, c.end)
        if isinstance(c.object, str) and c.object in place_ents:
            places.add(cast.of[c.object])
        # (figures are in few claims: _derived reads nothing else of a claim without one)
        counts = tuple(n for q in c.quantities if (n := child_count(q)) is not None)
        derived = _derived(c, span, published, pclass) if c.quantities else None
        if pclass == "marriage" and (derived is not None or c.predicate == "anniversary"):
            # "(10th) anniversary on <date>": the date is the anniversary's, not the wedding's;
            # only an ordinal turns it into a wedding date (through ``derived``).
            span = None
        views.append(
            ClaimView(
                claim=c,
                article=art,
                pclass=pclass,
                participants=frozenset(people),
                subject=subj[0] if len(subj) == 1 else None,
                source_entity=cast.story(c.source.entity),
                tokens=frozenset(c.lemmas) - name_drop,
                timex=t,
                span=span,
                work_timex=work,
                derived=derived,
                counts=counts,
                places=frozenset(places),
                published=published,
                order=(published or date.max, art.id, c.start, c.id),
                place=_place(c, cast),
                context_timex=None if t is not None or work is not None or not c.context_when
                else timexes.get(c.context_when),
                news=news,
                sentence_words=in_sentences(c.sentence_start, c.sentence_end),
                sentences=r.sentences,
                nearby=figures(c),
            )
        )
    return views
