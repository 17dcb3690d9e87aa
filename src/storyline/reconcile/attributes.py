"""Attribute facts: a person's age and number of children, checked across articles.

Decision: ages are not events, so all ages stated for one person become **one fact**
("Natalie Portman's age"). Each stated age with its article's date bounds the birth date to
(as_of − (age+1) years, as_of − age years]; the fact is contradicted only when two of those
intervals cannot intersect ("42" in August 2023 and "42" in January 2024 agree; "42" in January
2024 and "44" in February 2024 do not). The fact's claims are the age claims that cover each stated
age, or the ``Age`` record id (prefix ``g-``) when no claim covers it; an age claim no ``Age`` falls
in states its age as a quantity of measure ``age`` ("she is 42"). An age the reader wrote at a
person's mention but did not give the person ("The choreographer, 47,", when the article's
epithet ages disagree) is added under that mention's id (prefix ``m-``) when the epithet is,
across the story, most used for that person.

Likewise counts of children ("two children" vs "four children") become one fact per set of
parents and noun (children, sons, daughters) holding the children-class claims; a count stated in
another claim ("lives in Paris with her two children", a residence claim) stays in its event fact
but is compared too, and so is a count no claim carries after a possessive mention ("the couple's
three children", under the mention's id). Counts conflict when they differ in articles published
within nine months of each other, or when a later article gives fewer (families grow, they rarely
shrink).

An age told of a past moment is dated to that moment, not to the article: "was 17 when he died in
2009" holds in 2009 (birth window: 17 on some day of 2009), so a 2022 article's "is 30" agrees with
it. The reader finds those (``Age.when``/``past``, ``Quantity.when``/``past``): an age reads as past
when the words right before the number say so ("was 17", "were", "at 17", "aged 17", "at the age of
17"), and is dated by the nearest past DATE in its sentence; a past age with no date there only
bounds the birth from above (born at least that many years before the article).

Sides: an age fact's statement is its latest present-tense age; an age whose birth window misses
the statement's disputes it, the others support it. A count fact's statement is its first count;
a count that conflicts with it (by the rule above) disputes it.

Ages and counts are read from the reader's annotations (``Age``, ``Claim.quantities``,
``Mention.quantities``), never from the text; the text is only sliced to quote them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from itertools import combinations, compress
from typing import Callable, Sequence

from storyline.core.dates import (
    Interval,
    birth_interval,
    birth_window,
    interval,
    parse_day,
)
from storyline.core.records import Age, ArticleReading, Quantity, Timex
from storyline.core.vocab import grade_of
from storyline.reconcile.cast import Cast
from storyline.reconcile.conflicts import Found
from storyline.reconcile.facts import Draft
from storyline.reconcile.features import ClaimView, Each, by_article, child_count, each
from storyline.reconcile.independence import GRADE_RANK
from storyline.reconcile.names import is_proper_name

__all__ = ["AgeDraft", "AgesOf", "ArticleAges", "age_draft", "age_drafts", "article_ages", "count_drafts"]

_COUNT_WINDOW_DAYS = 270


@dataclass(frozen=True)
class _Stated:
    ref: str  # claim id, else Age id
    article: str
    outlet: str
    value: int
    as_of: date
    wording: str
    grade: str
    at: Interval | None = None  # the past moment the age held ("17 when he died in 2009"), if dated
    past: bool = False  # told of an undated past moment ("he was 17"): bounds the birth from above only

    def cite(self) -> str:
        when = f", of {self.at.describe()}" if self.at is not None else ""
        return f"\u201c{self.wording}\u201d ({self.outlet}, {self.as_of.isoformat()}{when})"

    @cached_property  # asked several times per fact; an incremental reconcile keeps the object
    def birth(self) -> Interval | None:
        """The birth dates the age allows, from the moment it held."""
        if self.at is not None:
            return birth_window(self.value, self.at)
        span = birth_interval(self.value, self.as_of)
        return Interval(date.min, span.end) if span is not None and self.past else span


def _age_moment(timexes: dict[str, Timex], age: Age | Quantity) -> tuple[Interval | None, bool]:
    """(the past days an age held on, whether it is told of an undated past), as the reader found them."""
    t = timexes.get(age.when) if age.when else None
    if t is not None:
        return interval(t.value, t.mod), False
    return None, age.past


def _epithet(text: str) -> str:
    return text.lower().removeprefix("the ").strip()


def _epithets(r: ArticleReading) -> tuple[tuple[str, str], ...]:
    """(epithet, entity id) for each epithet an article's person goes by, once per person: reads
    only the reading."""
    return tuple((a, e.id) for e in r.entities if e.type == "PERSON"
                 for a in sorted({_epithet(a) for a in e.aliases if not is_proper_name(a)}))


def _epithet_owners(readings: Sequence[ArticleReading], cast: Cast, each: Each = each) -> dict[str, Counter]:
    """Epithet → how many articles call each story person by it ("singer": Aldana 6, Lindqvist 1).
    ``each`` maps :func:`_epithets` over the readings (or a memo of it)."""
    owners: dict[str, Counter] = defaultdict(Counter)
    for pairs in each(_epithets, readings):
        for a, entity in pairs:
            owners[a][cast.of[entity]] += 1
    return owners


def _apposition_ages(r: ArticleReading, cast: Cast, known: set[tuple[str, str]],
                     owners: dict[str, Counter]) -> list[tuple[str, _Stated]]:
    """Ages the reader wrote at a mention of a person but left out of the person's ages: "The
    choreographer, 47, has been spotted". The age is recorded against that mention (its id stands
    in the fact). An epithet must be the person's across the story: a "The singer, 26" that one
    article's coreference gave to the choreographer is not his age."""
    day = parse_day(r.article.published)
    if day is None:
        return []
    out = []
    ages_at = {g.start for g in r.ages}
    for m in r.mentions:
        if m.kind == "pronoun" or cast.types.get(m.entity) != "PERSON":
            continue
        hit = next((q for q in m.quantities if q.measure == "age"), None)
        if hit is None or hit.start in ages_at:
            continue
        value = int(hit.value)
        wording = r.article.text[m.start : hit.end]  # the mention and its age, quoted as written
        person = cast.story(m.entity)
        if m.kind == "nominal":
            counts = owners.get(_epithet(m.text), Counter())
            if not counts or counts[person] < max(counts.values()):  # someone else is called that more
                continue
        if person and 0 < value < 130 and (r.article.id, wording) not in known:
            out.append((person, _Stated(m.id, r.article.id, r.article.outlet or r.article.id, value, day, wording,
                                        "unattributed")))
    return out


def _disjoint_pairs(groups: list[_Stated]) -> list[tuple[_Stated, _Stated]]:
    """At most one clashing pair per pair of stated values (the two farthest apart), in O(groups).

    Among the statements of value u and value v, some pair is disjoint exactly when the earliest
    ending birth interval of one ends before the latest starting interval of the other begins.
    """
    by_value: dict[int, list[tuple[Interval, _Stated]]] = defaultdict(list)
    for s in groups:
        span = s.birth
        if span is not None:  # None: born before the year 1, nothing to compare
            by_value[s.value].append((span, s))
    out = []
    values = sorted(by_value)
    for i, u in enumerate(values):
        for v in values[i:]:
            first_end = min(by_value[u], key=lambda x: (x[0].end, x[1].as_of))
            last_start = max(by_value[v], key=lambda x: (x[0].start, x[1].as_of))
            other_end = min(by_value[v], key=lambda x: (x[0].end, x[1].as_of))
            other_start = max(by_value[u], key=lambda x: (x[0].start, x[1].as_of))
            if first_end[0].end < last_start[0].start:
                out.append((first_end[1], last_start[1]))
            elif u != v and other_end[0].end < other_start[0].start:
                out.append((other_end[1], other_start[1]))
    return out


# What :func:`article_ages` gives: (story person, stated age) pairs and the ids of the age claims
# they consume. The stated ages are opaque outside this module: kept and handed back, not read.
ArticleAges = tuple[tuple[tuple[str, _Stated], ...], frozenset[str]]


def article_ages(rs: Sequence[ArticleReading], views: Sequence[ClaimView], cast: Cast,
                 at_starts: frozenset[int]) -> ArticleAges:
    """The ages one article states (``rs``: its readings, ``views``: its claims' views in order),
    each with its person, and the age claims they consume: its ``Age`` records (with the age claim
    covering each), then its claims stating an age (not at an offset in ``at_starts``, where an
    ``Age`` record of the article is). Reads of the story only the story entity of each ``Age``'s
    person (``cast.of``)."""
    age_views = [v for v in views if v.pclass == "age"]
    consumed: set[str] = set()
    out: list[tuple[str, _Stated]] = []
    for r in rs:
        own = {t.id: t for t in r.timexes}  # an Age's date is a timex of the reading that found it
        as_of = parse_day(r.article.published)
        outlet = r.article.outlet or r.article.id
        for g in r.ages:
            person = cast.story(g.entity)
            day = parse_day(g.as_of) or as_of
            if person is None or day is None:
                continue
            cover = next((v for v in age_views
                          if v.claim.start <= g.start and g.end <= v.claim.end or (v.claim.start < g.end and g.start < v.claim.end)), None)
            if cover is not None:
                consumed.add(cover.claim.id)
            wording = g.text or str(g.value)
            at, past = _age_moment(own, g)
            out.append((person, _Stated(cover.claim.id if cover else g.id, r.article.id, outlet, g.value, day, wording,
                                        grade_of(cover.claim.source.kind) if cover else "unattributed", at, past)))
    # A view does not say which reading it is of: a claim's timex is looked up in all of them, the last first.
    timexes = {t.id: t for r in rs for t in r.timexes}
    for v in views:
        if v.claim.id in consumed or v.subject is None or v.published is None:
            continue
        # Only predicative ages: "she is 42", "turned 40", "42 years old"; an attributive
        # "26-year-old singer" in a claim about someone else is not the subject's age. An age in
        # a claim of another class counts when told of the past ("who was 17 when he died").
        q = next((q for q in v.claim.quantities if q.measure == "age"), None)
        value = int(q.value) if q is not None else 0
        if not 0 < value < 130 or q.start in at_starts:
            continue
        at, past = _age_moment(timexes, q)
        if v.pclass != "age" and at is None and not past:
            continue
        if v.pclass == "age":
            consumed.add(v.claim.id)
        out.append((v.subject, _Stated(v.claim.id, v.article.id, v.outlet, value, v.published,
                                       v.claim.text, grade_of(v.claim.source.kind), at, past)))
    return tuple(out), frozenset(consumed)


AgesOf = Callable[[Sequence[ArticleReading], Sequence[ClaimView], Cast, frozenset[int]], ArticleAges]
# What :func:`age_draft` is: (person, the ages stated of them, name) -> their age fact's draft.
AgeDraft = Callable[[str, Sequence[_Stated], Callable[[str], str]], Draft]


def age_drafts(readings: Sequence[ArticleReading], views: Sequence[ClaimView], cast: Cast,
               name: Callable[[str], str], ages_of: AgesOf = article_ages,
               each: Each = each, person_draft: AgeDraft | None = None,
               views_of: dict[str, list[ClaimView]] | None = None) -> tuple[list[Draft], set[str]]:
    """One draft per person with stated ages, and the ids of the age claims they consume.
    ``ages_of`` (:func:`article_ages`) is the per-article part, ``each`` maps functions of one
    reading over them and ``person_draft`` (:func:`age_draft`) makes one person's draft, for a
    cache to stand in for all three. ``views_of``: :func:`~storyline.reconcile.features.by_article`
    of ``views``, when the caller has it."""
    # A person's ages are sorted by (date, article, claim): the order articles are taken in does not matter.
    rs_of: dict[str, list[ArticleReading]] = defaultdict(list)
    for r in readings:
        rs_of[r.article.id].append(r)
    grouped = by_article(views) if views_of is None else views_of
    views_of = {aid: [] for aid in rs_of}
    views_of.update(grouped)
    at_ages: dict[str, set[int]] = defaultdict(set)
    for r in readings:
        for g in r.ages:
            at_ages[g.article].add(g.start)
    consumed: set[str] = set()
    stated: dict[str, list[_Stated]] = defaultdict(list)
    for aid, vs in views_of.items():
        told, used = ages_of(rs_of.get(aid, ()), vs, cast, frozenset(at_ages.get(aid, ())))
        consumed |= used
        for person, x in told:
            stated[person].append(x)
    owners = _epithet_owners(readings, cast, each)
    known = {(s.article, s.wording) for ss in stated.values() for s in ss}  # built once: linear
    for r in readings:
        for person, s in _apposition_ages(r, cast, known, owners):
            stated[person].append(s)
    person_draft = person_draft or age_draft
    drafts = [person_draft(person, stated[person], name) for person in sorted(stated)]
    return drafts, consumed


def age_draft(person: str, stated: Sequence[_Stated], name: Callable[[str], str]) -> Draft:
    """The age fact of one person from the ages stated of them (:func:`age_drafts`, in the order
    it collects them). Reads nothing else of the story but ``name(person)``."""
    items = sorted(stated, key=lambda s: (s.as_of, s.article, s.ref))
    groups: dict[tuple, _Stated] = {}
    for s in items:
        groups.setdefault((s.value, s.as_of, s.at, s.past), s)
    conflicts = []
    for a, b in _disjoint_pairs(list(groups.values())):
        ia, ib = a.birth, b.birth
        conflicts.append(Found(
            "age", (a.ref, b.ref),
            f"{a.cite()} puts {name(person)}'s birth {ia.describe()}, but {b.cite()} puts it {ib.describe()}; "
            f"no birth date fits both ages.",
        ))
    spans = [s.birth for s in items]
    common: Interval | None = spans[0]
    for span in spans[1:]:
        common = common.intersect(span) if common and span else None
    born = f"; born {common.describe()}" if common and common.start > date.min else ""
    present = [s for s in items if s.at is None and not s.past]
    latest = (present or items)[-1]
    said = (f"is {latest.value} (as of {latest.as_of.isoformat()})" if latest in present
            else f"was {latest.value}" + (f" in {latest.at.describe()}" if latest.at else ""))
    held = latest.birth  # each birth window computed once: a person may have thousands of stated ages
    disputing = {s.ref for s, span in zip(items, spans) if span and held and not span.overlaps(held)}
    refs = list(dict.fromkeys(s.ref for s in items))
    return Draft(
        statement=f"{name(person)} {said}{born}",
        statement_claim=latest.ref,
        supporting=[latest.ref] + [x for x in refs if x not in disputing and x != latest.ref],
        disputing=[x for x in refs if x in disputing],
        pclass="age",
        claims=refs,
        articles=list(dict.fromkeys(s.article for s in items)),
        outlets=list(dict.fromkeys(s.outlet for s in items)),
        independent=len({s.outlet for s in items}),
        grade=min((s.grade for s in items), key=lambda g: GRADE_RANK.get(g, 9)),
        when=None,
        conflicts=conflicts,
        key=f"{person} age",
    )


@dataclass(frozen=True)
class _Count:
    ref: str  # claim id, else the id of the possessor's mention ("the couple" in "the couple's three children")
    article: str
    outlet: str
    published: date | None
    value: int
    noun: str
    wording: str
    grade: str
    order: tuple
    own: bool  # a children-class claim: belongs to the count fact

    def cite(self) -> str:
        when = self.published.isoformat() if self.published else "undated"
        return f"\u201c{self.wording}\u201d ({self.outlet}, {when})"


def _view_counts(v: ClaimView) -> tuple[tuple[tuple[frozenset[str], _Count], ...], tuple[tuple[str, int], ...]] | None:
    """What one claim tells the counts of children: the counts it states (with whose they are),
    and where each child-count figure it carries ends (article, offset); None when neither.
    Reads only the view."""
    if not v.claim.quantities:  # (most claims: its counts are of its figures)
        return None
    counts: tuple = ()
    if v.counts and v.claim.polarity == "positive":
        people = frozenset({v.subject}) if v.subject else v.participants  # a couple's count is each one's
        counts = tuple((people, _Count(v.claim.id, v.article.id, v.outlet, v.published, n, noun, v.claim.text,
                                       grade_of(v.claim.source.kind), v.order, v.pclass == "children"))
                       for n, noun in dict.fromkeys(v.counts))
    covered = tuple((v.article.id, q.end) for q in v.claim.quantities if child_count(q) is not None)
    return (counts, covered) if counts or covered else None


def _mention_counts(readings: Sequence[ArticleReading], cast: Cast, covered: set[tuple[str, int]]) -> list[tuple[frozenset[str], _Count]]:
    """Counts no claim carries, when a possessor names whose children they are ("the couple's three
    children", "their two kids"): like ages, the reader writes these at the possessor's mention."""
    out = []
    for r in readings:
        published = parse_day(r.article.published)
        for m in r.mentions:
            if cast.types.get(m.entity) not in ("PERSON", "GROUP"):
                continue
            for q in m.quantities:
                count = child_count(q)
                if count is None or (r.article.id, q.end) in covered:
                    continue
                people = frozenset(cast.people(m.entity))
                wording = r.article.text[m.start : q.end]  # the possessor and the count, quoted as written
                out.append((people, _Count(m.id, r.article.id, r.article.outlet or r.article.id, published, count[0],
                                           count[1], wording, "unattributed",
                                           (published or date.max, r.article.id, q.start, m.id), False)))
    return out


def _gap(a: _Count, b: _Count) -> int:
    return abs((a.published - b.published).days) if a.published and b.published else 0


def _counts_clash(a: _Count, b: _Count) -> bool:
    """Two counts (``a`` reported first) that cannot both be right: they differ, and not as a later,
    larger count after the window (a birth in between)."""
    return a.value != b.value and not (_gap(a, b) > _COUNT_WINDOW_DAYS and b.value > a.value)


def count_drafts(readings: Sequence[ArticleReading], views: Sequence[ClaimView], cast: Cast,
                 name: Callable[[str], str], each: Each = each) -> tuple[list[Draft], set[str]]:
    """One draft per group of people and noun with stated counts, and the children-class claims
    consumed. ``each`` maps :func:`_view_counts` over the views (or a memo of it)."""
    found = each(_view_counts, views)
    told = list(compress(found, found))  # the few views with counts or figures, at C speed
    items = [x for counts, _ in told for x in counts]
    covered = {x for _, figures in told for x in figures}
    items += _mention_counts(readings, cast, covered)
    by_key: dict[tuple[str, str], list[_Count]] = defaultdict(list)
    consumed = {c.ref for _, c in items if c.own}
    for people, c in items:
        for person in people:
            by_key[(person, c.noun)].append(c)
    # People sharing exactly the same statements ("the couple") make one fact, not one each.
    merged: dict[tuple[tuple[str, ...], str], list[str]] = defaultdict(list)
    for (person, noun), cs in by_key.items():
        merged[(tuple(sorted({c.ref for c in cs})), noun)].append(person)
    drafts, seen_pairs = [], set()
    for (refs, noun), persons in sorted(merged.items(), key=lambda kv: (sorted(kv[1]), kv[0][1])):
        cs = sorted(by_key[(persons[0], noun)], key=lambda c: c.order)
        who = " and ".join(sorted(name(p) for p in persons))
        firsts: dict[int, _Count] = {}
        for c in cs:
            firsts.setdefault(c.value, c)
        conflicts = []
        for a, b in combinations(sorted(firsts.values(), key=lambda c: c.order), 2):
            gap = _gap(a, b)
            if not _counts_clash(a, b) or (a.ref, b.ref) in seen_pairs:
                continue
            seen_pairs.add((a.ref, b.ref))
            conflicts.append(Found(
                "count", (a.ref, b.ref),
                f"{a.cite()} gives {who} {a.value} {noun}, but {b.cite()} gives {b.value}"
                + (f", {gap} days later" if gap else "") + "; both cannot be right.",
            ))
        own = [c for c in cs if c.own]  # the others stay in their event facts
        if not own and not conflicts:
            continue
        outlets = list(dict.fromkeys(c.outlet for c in own))
        verb = "have" if len(persons) > 1 else "has"
        first = (own or cs)[0]
        disputing = [c.ref for c in own if c is not first and _counts_clash(*sorted((first, c), key=lambda x: x.order))]
        drafts.append(Draft(
            statement=f"{who} {verb} {first.value} {noun}",
            statement_claim=first.ref if first.own else None,
            supporting=list(dict.fromkeys(c.ref for c in own if c.ref not in disputing)),
            disputing=list(dict.fromkeys(disputing)),
            pclass="children",
            claims=list(dict.fromkeys(c.ref for c in own)),
            articles=list(dict.fromkeys(c.article for c in own)),
            outlets=outlets,
            independent=len(outlets),
            grade=min((c.grade for c in own), key=lambda g: GRADE_RANK.get(g, 9), default="unattributed"),
            when=None,
            conflicts=conflicts,
            key=f"{'+'.join(sorted(persons))} {noun}",
        ))
    return drafts, consumed
