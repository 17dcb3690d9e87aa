"""The dossier's view model for claims and facts: claim cards, the two sides of a fact, echo chains.

Markup is built here only by :func:`highlight` and :func:`marked_text`, which split the raw
article text at its offsets and escape every piece before wrapping the claim in ``<mark>``;
everything else is plain data that the template escapes.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from markupsafe import Markup

from storyline.core.dates import bound, format_date, format_span
from storyline.core.records import (
    ArticleReading,
    Claim,
    Conflict,
    Fact,
    Source,
    Story,
    StoryEntity,
    TimelineEntry,
)
from storyline.core.vocab import CONFLICT_KIND, GRADE, SOURCE_KIND, STATUS

__all__ = [
    "CONFLICT_LABELS",
    "GRADE_LABELS",
    "KIND_LABELS",
    "STATUS_ORDER",
    "STATUS_TEXT",
    "ClaimView",
    "FactView",
    "Index",
    "anchor",
    "fact_view",
    "highlight",
    "marked_text",
    "safe_url",
]

STATUS_ORDER = tuple(STATUS)
STATUS_TEXT = {s.name: (s.label, s.meaning) for s in STATUS.values()}
KIND_LABELS = {k.name: k.label for k in SOURCE_KIND.values()}
GRADE_LABELS = {g.name: g.label for g in GRADE.values()}
CONFLICT_LABELS = {c.name: c.label for c in CONFLICT_KIND.values()}
# A sentence-less claim is shown with this much context on each side.
_CONTEXT = 140
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n+")


def anchor(prefix: str, ident: str) -> str:
    """An HTML id derived from a record id: input ids may hold spaces or quotes, so hash them."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", ident)[:24].strip("-")
    return f"{prefix}-{slug}-{hashlib.sha1(ident.encode('utf-8')).hexdigest()[:8]}"


def highlight(text: str, start: int, end: int, mark_start: int, mark_end: int) -> Markup:
    """``text[start:end]`` escaped, with ``text[mark_start:mark_end]`` wrapped in ``<mark>``.

    The raw text is split at the offsets before escaping, so an ``&`` or ``<`` before the claim
    cannot shift the highlight; the mark is clipped to the window.
    """
    start, end = max(0, start), min(len(text), end)
    ms, me = max(start, mark_start), min(end, mark_end)
    if ms >= me:
        return Markup(escape(text[start:end]))
    return Markup(f"{escape(text[start:ms])}<mark>{escape(text[ms:me])}</mark>{escape(text[me:end])}")


def _sentence(text: str, c: Claim) -> Markup:
    """The claim's sentence with the claim marked; degrades to context or the bare claim text."""
    n = len(text)
    span_ok = 0 <= c.start < c.end <= n
    if span_ok and 0 <= c.sentence_start <= c.start and c.end <= c.sentence_end <= n:
        return highlight(text, c.sentence_start, c.sentence_end, c.start, c.end)
    if span_ok:
        lo, hi = max(0, c.start - _CONTEXT), min(n, c.end + _CONTEXT)
        pre = "…" if lo > 0 else ""
        post = "…" if hi < n else ""
        return Markup(escape(pre)) + highlight(text, lo, hi, c.start, c.end) + Markup(escape(post))
    return Markup(f"<mark>{escape(c.text)}</mark>")


def _sentence_around(text: str, start: int, end: int, reach: int = 300) -> tuple[int, int]:
    """Bounds of the sentence holding [start, end), looking at most ``reach`` characters each way."""
    lo = max(0, start - reach)
    cuts = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    s0 = cuts[-1] if cuts else lo
    m = _SENTENCE_END.search(text, end, min(len(text), end + reach))
    s1 = m.start() + len(m.group().rstrip()) if m else min(len(text), end + reach)
    return s0 + (len(text[s0:start]) - len(text[s0:start].lstrip())), s1


def marked_text(text: str, claims: Sequence[Claim], anchors: dict[str, str]) -> Markup:
    """A whole article with its (non-overlapping) claim spans marked and linked to their cards."""
    parts: list[str] = []
    pos = 0
    for c in sorted(claims, key=lambda c: (c.start, -c.end)):
        if c.start < pos or not (0 <= c.start < c.end <= len(text)):
            continue
        parts.append(escape(text[pos : c.start]))
        parts.append(
            f'<a class="claim-link" href="#{anchors[c.id]}"><mark class="k-{escape(c.source.kind)}">'
            f"{escape(text[c.start : c.end])}</mark></a>"
        )
        pos = c.end
    parts.append(escape(text[pos:]))
    return Markup("".join(parts))


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links: escaping does not neutralise ``javascript:``."""
    if url and re.match(r"(?i)^https?://", url.strip()):
        return url.strip()
    return None


@dataclass
class ClaimView:
    """What a claim card shows."""

    id: str
    anchor: str
    article_anchor: str
    outlet: str
    date: str
    sentence: Markup
    text: str
    kind: str
    kind_label: str
    source: str  # who, as written; empty when only the kind is known
    cue: str | None
    quote: str
    via: str | None
    certainty: str
    polarity: str
    hedges: tuple[str, ...]
    frame: str | None  # 'subject → predicate → object' as read, for checking the reading itself
    when: str | None
    echo: str | None = None


@dataclass
class FactView:
    """A fact with its claims split into the two sides, its conflicts and its echo chains."""

    fact: Fact
    anchor: str
    when: str | None
    support: list[ClaimView]
    dispute: list[ClaimView]
    conflicts: list[dict]
    chains: list[list[tuple[ClaimView | None, str | None]]]
    kinds: list[tuple[str, str, int]]
    missing: int = 0
    superseded: list[ClaimView] = field(default_factory=list)  # figures a later report replaced
    neither: list[ClaimView] = field(default_factory=list)  # claims that take no side


@dataclass
class Index:
    """Lookups over the readings and the story, built once per render."""

    readings: Sequence[ArticleReading]
    story: Story
    claims: dict[str, Claim] = field(default_factory=dict)
    claim_article: dict[str, ArticleReading] = field(default_factory=dict)
    story_of: dict[str, StoryEntity] = field(default_factory=dict)
    article_entity_name: dict[str, str] = field(default_factory=dict)
    timex: dict[str, tuple[str, str]] = field(default_factory=dict)
    echo_of: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    anchors: dict[str, str] = field(default_factory=dict)
    cast: tuple[StoryEntity, ...] = ()
    conflicts_of: dict[str, list[Conflict]] = field(default_factory=lambda: defaultdict(list))
    timeline_of: dict[str, list[TimelineEntry]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for r in self.readings:
            for c in r.claims:
                self.claims[c.id] = c
                self.claim_article[c.id] = r
                self.anchors[c.id] = anchor("claim", c.id)
            for e in r.entities:
                self.article_entity_name[e.id] = e.name
            for t in r.timexes:
                self.timex[t.id] = (t.text, t.value)
        for se in self.story.entities:
            for m in se.members:
                self.story_of[m] = se
        # Article entities the reconcile stage did not link (or a story not reconciled yet) still
        # make a cast: same name and type across articles stand in for one entity, unlinked.
        loose: dict[tuple[str, str], list] = defaultdict(list)
        for r in self.readings:
            for e in r.entities:
                if e.id not in self.story_of:
                    loose[(e.name.casefold(), e.type)].append(e)
        extra = []
        for (_, etype), group in sorted(loose.items()):
            aliases = tuple(dict.fromkeys(a for e in group for a in (e.name, *e.aliases)))
            se = StoryEntity(id=group[0].id, name=group[0].name, type=etype, aliases=aliases,
                             members=tuple(e.id for e in group), evidence=("not linked across articles by reconcile",))  # fmt: skip
            extra.append(se)
            for e in group:
                self.story_of[e.id] = se
        self.cast = tuple(self.story.entities) + tuple(extra)
        self._add_age_evidence()
        for e in self.story.echoes:
            self.echo_of[e.claim] = (e.original, e.reason)
        for x in self.story.conflicts:
            self.conflicts_of[x.fact].append(x)
        for t in self.story.timeline:
            self.timeline_of[t.fact].append(t)

    def _add_age_evidence(self) -> None:
        """Facts and conflicts may cite an ``Age`` record instead of a claim (an age no claim
        covers, "Varga, 41,"): give it a claim-shaped stand-in so it gets a card and a sentence."""
        cited = {c for f in self.story.facts for c in f.claims} | {c for x in self.story.conflicts for c in x.claims}
        for r in self.readings:
            text = r.article.text
            for g in r.ages:
                if g.id not in cited or g.id in self.claims:
                    continue
                s0, s1 = _sentence_around(text, g.start, g.end)
                self.claims[g.id] = Claim(
                    id=g.id, article=g.article, start=g.start, end=g.end, text=text[g.start : g.end], subject=g.entity,
                    predicate="age", predicate_class="age", object=str(g.value), when=None, polarity="positive",
                    certainty="certain", hedges=(), sentence_start=s0, sentence_end=s1,
                    source=Source(kind="unattributed", text=None, start=None, end=None, entity=None, cue=None,
                                  quote="none", via=None, key=None),
                )  # fmt: skip
                self.claim_article[g.id] = r
                self.anchors[g.id] = anchor("claim", g.id)

    def name(self, article_entity: str | None) -> str | None:
        if not article_entity:
            return None
        se = self.story_of.get(article_entity)
        return se.name if se else self.article_entity_name.get(article_entity)

    def claim_view(self, c: Claim) -> ClaimView:
        r = self.claim_article[c.id]
        a = r.article
        s = c.source
        who = s.text or self.name(s.entity)
        if not who:
            # The badge already names the kind; say more only where the kind alone is ambiguous.
            who = SOURCE_KIND[s.kind].stand_in.format(outlet=a.outlet or "the outlet") if s.kind in SOURCE_KIND else ""
        when = None
        if c.when and c.when in self.timex:
            text, value = self.timex[c.when]
            when = f"{text} ({value})" if value and value != text else text
        echo = self.echo_of[c.id][1] if c.id in self.echo_of else None
        obj = self.name(c.object) or c.object
        return ClaimView(
            id=c.id, anchor=self.anchors[c.id], article_anchor=anchor("article", a.id),
            outlet=a.outlet or "Unknown outlet", date=format_date(a.published), sentence=_sentence(a.text, c),
            text=c.text, kind=s.kind, kind_label=KIND_LABELS.get(s.kind, s.kind), source=who, cue=s.cue,
            quote=s.quote, via=s.via, certainty=c.certainty, polarity=c.polarity, hedges=tuple(c.hedges),
            frame=" → ".join(x for x in (self.name(c.subject), c.predicate, obj) if x) or None,
            when=when, echo=echo,
        )  # fmt: skip


def _sides(fact: Fact, ix: Index) -> tuple[list[str], list[str], list[str], list[str]]:
    """Split a fact's claims into those that support its statement, those that dispute it, those a
    later report superseded and those that take neither side.

    The reconcile stage records the sides (``Fact.statement_claim``, ``supporting``, ``disputing``,
    ``superseded``; see :mod:`storyline.reconcile.facts`). For a fact stored without them, the
    claim the statement was written from anchors the supporting side; conflict pairs put their
    two claims on opposite sides; claims outside any conflict side by polarity.
    """
    ids = [c for c in dict.fromkeys(fact.claims) if c in ix.claims]
    if not ids:
        return [], [], [], []
    if fact.statement_claim is not None:
        sided = set(fact.supporting) | set(fact.disputing) | set(fact.superseded)
        return ([c for c in fact.supporting if c in ix.claims], [c for c in fact.disputing if c in ix.claims],
                [c for c in fact.superseded if c in ix.claims], [c for c in ids if c not in sided])
    stmt = " ".join(fact.statement.split()).lower()
    anchor = next((c for c in ids if " ".join(ix.claims[c].text.split()).lower() in stmt), None)
    if anchor is None:
        pol = Counter(ix.claims[c].polarity for c in ids).most_common()
        anchor = next(c for c in ids if ix.claims[c].polarity == pol[0][0])
    edges: dict[str, set[str]] = defaultdict(set)
    for conflict in ix.conflicts_of[fact.id]:
        if len(conflict.claims) >= 2:
            a, b = conflict.claims[0], conflict.claims[1]
            edges[a].add(b)
            edges[b].add(a)
    side: dict[str, bool] = {anchor: True}
    queue = [anchor]
    while queue:
        cur = queue.pop(0)
        for nxt in sorted(edges[cur]):
            if nxt not in side:
                side[nxt] = not side[cur]
                queue.append(nxt)
    ref = ix.claims[anchor].polarity
    for c in ids:
        if c not in side:
            # An unreached conflict pair: its claim matching the anchor's polarity supports.
            side[c] = ix.claims[c].polarity == ref
            for nxt in sorted(edges[c]):
                side.setdefault(nxt, not side[c])
    return [c for c in ids if side[c]], [c for c in ids if not side[c]], [], []


def _chains(fact: Fact, ix: Index) -> list[list[str | None]]:
    """Echo chains within a fact, original first: [original, echo, echo-of-echo, ...].

    Only the longest chains are kept (a chain that is the prefix of another is dropped); an
    original outside the corpus is None (or an unknown id) at the head. The original may sit in
    another fact: the chain still shows it, since that is where the words came from.
    """
    echoes = [c for c in fact.claims if c in ix.echo_of]
    originals = {ix.echo_of[c][0] for c in echoes}
    chains = []
    for leaf in echoes:
        if leaf in originals:
            continue
        chain: list[str | None] = [leaf]
        seen = {leaf}
        cur: str | None = leaf
        while cur in ix.echo_of:
            cur = ix.echo_of[cur][0]
            if cur in seen:
                break
            chain.append(cur)
            if cur is None or cur not in ix.claims:
                break
            seen.add(cur)
        chains.append(list(reversed(chain)))
    return chains


def fact_view(fact: Fact, ix: Index, rendered: set[str]) -> FactView:
    def view(cid: str) -> ClaimView:
        v = ix.claim_view(ix.claims[cid])
        if cid in rendered:
            v.anchor = ""  # one card per claim carries the id; repeats would duplicate it
        rendered.add(cid)
        return v

    support, dispute, superseded, neither = _sides(fact, ix)
    conflicts = []
    for c in ix.conflicts_of[fact.id]:
        refs = [ix.claim_view(ix.claims[x]) if x in ix.claims else None for x in c.claims[:2]]
        conflicts.append(
            {
                "kind": c.kind,
                "reason": c.reason,
                "a": refs[0] if refs else None,
                "b": refs[1] if len(refs) > 1 else None,
            }
        )
    chains = [
        [
            (
                ix.claim_view(ix.claims[x]) if x and x in ix.claims else None,
                ix.echo_of[x][1] if x in ix.echo_of else None,
            )
            for x in chain
        ]
        for chain in _chains(fact, ix)
    ]
    kinds = Counter(ix.claims[c].source.kind for c in fact.claims if c in ix.claims)
    start = end = None
    for t in ix.timeline_of[fact.id][:1]:
        start, end = bound(t.start), bound(t.end, end=True)
    return FactView(
        fact=fact, anchor=anchor("fact", fact.id),
        when=format_span(start, end, fact.when) if fact.when or start else None,
        support=[view(c) for c in support], dispute=[view(c) for c in dispute], conflicts=conflicts,
        superseded=[view(c) for c in superseded], neither=[view(c) for c in neither],
        chains=chains,
        kinds=[(k, KIND_LABELS[k], kinds[k]) for k in SOURCE_KIND if kinds.get(k)],
        missing=sum(1 for c in fact.claims if c not in ix.claims),
    )  # fmt: skip
