"""What the reconcile stage needs to know about one claim, computed once (``ClaimView``).

Besides the story-level participants and content tokens this finds the event time (dropping a
timex the reader found dating a *work*, cue ``when_work_date``: "2010’s Black Swan" is a release
year, not the year of what happened on its set), the places named, and, from the quantities the reader annotated on the claim
(:attr:`Claim.quantities`), a wedding date implied by an anniversary or a length of marriage and
the counts of children.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Sequence

from storyline.core.dates import Interval, interval, parse_day, years_before
from storyline.core.records import Article, ArticleReading, Claim, Quantity, Timex
from storyline.reconcile.cast import Cast
from storyline.reconcile.names import name_tokens

__all__ = ["ClaimView", "Derived", "build_views", "tokens", "child_count", "COUNT_NOUN"]

# A count of children is a quantity of one of these units (the reader gives the noun's lemma; a
# Doc without a parse gives the word as written).
COUNT_NOUN = {"child": "children", "children": "children", "kid": "children", "kids": "children", "son": "sons",
              "sons": "sons", "daughter": "daughters", "daughters": "daughters"}
_WORD_RE = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an the and or but if of in on at to for from by with as is are was were be been being has have had do does "
    "did that this these those it its he she they them his her their him we us you i me my our your who whom which "
    "what when where while after before than then there here so not no just also even very about into over up out "
    "said says say told tell tells according would could should will can may might must s t".split()
)


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    # A crude suffix stripper: enough to make "separated"/"separating"/"separation" meet.
    for suf in ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s"):
        if word.endswith(suf) and len(word) - len(suf) >= 4:
            return word[: -len(suf)] + ("y" if suf == "ies" else "")
    return word


def tokens(text: str, drop: frozenset[str] = frozenset()) -> frozenset[str]:
    """Content tokens of ``text``: lower-case, stop words and ``drop`` removed, crudely stemmed."""
    return frozenset(_stem(w) for w in _WORD_RE.findall(text.lower().replace("’", "'")) if w not in _STOP and w not in drop)


def child_count(q: Quantity) -> tuple[int, str] | None:
    """(value, 'children'|'sons'|'daughters') when the quantity counts children ("two children")."""
    noun = COUNT_NOUN.get(q.unit or "")
    if noun is None or q.ordinal or q.value != int(q.value) or not 0 <= q.value < 100:
        return None
    return int(q.value), noun


@dataclass(frozen=True)
class Derived:
    """A wedding date implied by a claim ("10th anniversary on 2022-08-04" → 2012-08-04)."""

    span: Interval
    reason: str  # how it was computed, quoted into conflict reasons


@dataclass
class ClaimView:
    """One claim with everything alignment, conflicts and independence look at."""

    claim: Claim
    article: Article
    pclass: str
    participants: frozenset[str]
    subject: str | None
    source_entity: str | None
    tokens: frozenset[str]
    timex: Timex | None
    span: Interval | None
    work_timex: Timex | None
    derived: Derived | None
    counts: tuple[tuple[int, str], ...]
    places: frozenset[str]
    published: date | None
    order: tuple
    # Where the claim says it happened (Claim.place): a story entity id, else the place as written;
    # None when the reader gave none.
    place: str | None = None
    # For a claim with no time of its own: the date its context gives (Claim.context_when). Conflicts
    # use it only to keep apart figures told of different times (a past quake in a background paragraph).
    context_timex: Timex | None = None

    @property
    def outlet(self) -> str:
        return self.article.outlet or self.article.id

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


def _place(c: Claim, cast: Cast) -> str | None:
    if not c.place:
        return None
    if c.place in cast.of:
        return cast.of[c.place]
    return None if c.place.startswith("e-") else " ".join(c.place.split())


def build_views(readings: Sequence[ArticleReading], cast: Cast) -> list[ClaimView]:
    """One :class:`ClaimView` per claim, in a deterministic order (publication date, article, offset)."""
    name_drop = frozenset(t for e in cast.entities for n in (e.name, *e.aliases) for t in name_tokens(n))
    views: list[ClaimView] = []
    for r in readings:
        art = r.article
        published = parse_day(art.published)
        timexes = {t.id: t for t in r.timexes}
        place_ents = {e.id for e in r.entities if e.type in ("GPE", "LOC")}
        places_at = [(m.start, m.end, m.entity) for m in r.mentions if m.entity in place_ents]
        for c in r.claims:
            pclass = c.predicate_class or f"~{c.predicate}"
            if pclass != "denial" and (c.predicate == "deny" or "reported_denial" in c.cues):
                pclass = "denial"  # "who denied cheating in January" reports a denial, not the cheating
            people = set(cast.named_people(c.subject))
            if isinstance(c.object, str) and c.object in cast.of and cast.types.get(c.object) in ("PERSON", "GROUP"):
                people.update(cast.named_people(c.object))
            t = timexes.get(c.when) if c.when else None
            work = None
            if t is not None and "when_work_date" in c.cues:
                t, work = None, t
            span = interval(t.value, t.mod) if t is not None and t.type in ("DATE", "TIME") else None
            places = {cast.of[e] for s, e_, e in places_at if c.start <= s and e_ <= c.end}
            if isinstance(c.object, str) and c.object in place_ents:
                places.add(cast.of[c.object])
            counts = tuple(n for q in c.quantities if (n := child_count(q)) is not None)
            subj = cast.named_people(c.subject)
            derived = _derived(c, span, published, pclass)
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
                    tokens=tokens(c.text, name_drop),
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
                )
            )
    views.sort(key=lambda v: v.order)
    return views
