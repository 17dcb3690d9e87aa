"""The dossier's view model: lookups over the records, the two sides of a fact, echo chains, and
fact titles that read as whole clauses.

Nothing here builds markup: the dossier ships its records as data and the page's script puts
every string into the page as text (see :mod:`storyline.present.report`).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

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
from storyline.core.links import conflicts_by_fact, fact_sides
from storyline.core.vocab import CONFLICT_KIND, GRADE, SOURCE_KIND, STATUS
from storyline.present.counts import cast_entities

__all__ = [
    "CONFLICT_LABELS",
    "GRADE_LABELS",
    "KIND_LABELS",
    "STATUS_ORDER",
    "STATUS_TEXT",
    "Index",
    "Title",
    "anchor",
    "chains",
    "fact_title",
    "safe_url",
    "sides",
    "statement_claim",
    "written_from",
]

STATUS_ORDER = tuple(STATUS)
STATUS_TEXT = {s.name: (s.label, s.meaning) for s in STATUS.values()}
KIND_LABELS = {k.name: k.label for k in SOURCE_KIND.values()}
GRADE_LABELS = {g.name: g.label for g in GRADE.values()}
CONFLICT_LABELS = {c.name: c.label for c in CONFLICT_KIND.values()}


def anchor(prefix: str, ident: str) -> str:
    """An HTML id derived from a record id: input ids may hold spaces or quotes, so hash them."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", ident)[:24].strip("-")
    return f"{prefix}-{slug}-{hashlib.sha1(ident.encode('utf-8')).hexdigest()[:8]}"


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links: escaping does not neutralise ``javascript:``."""
    if url and re.match(r"(?i)^https?://", url.strip()):
        return url.strip()
    return None


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
    cast: tuple[StoryEntity, ...] = ()
    conflicts_of: dict[str, list[Conflict]] = field(default_factory=lambda: defaultdict(list))
    timeline_of: dict[str, list[TimelineEntry]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for r in self.readings:
            for c in r.claims:
                self.claims[c.id] = c
                self.claim_article[c.id] = r
            for e in r.entities:
                self.article_entity_name[e.id] = e.name
            for t in r.timexes:
                self.timex[t.id] = (t.text, t.value)
        # The cast holds the story's entities and a stand-in for each article entity reconcile did
        # not link, so a name resolves through its stand-in too.
        self.cast = cast_entities(self.readings, self.story)
        for se in self.cast:
            for m in se.members:
                self.story_of[m] = se
        self._add_age_evidence()
        for e in self.story.echoes:
            self.echo_of[e.claim] = (e.original, e.reason)
        self.conflicts_of.update(conflicts_by_fact(self.story.facts, self.story.conflicts))
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
                # An age stored before schema 8 has no sentence: show the age alone.
                known = g.sentence_start is not None and g.sentence_end is not None
                s0, s1 = (g.sentence_start, g.sentence_end) if known else (g.start, g.end)
                self.claims[g.id] = Claim(
                    id=g.id, article=g.article, start=g.start, end=g.end, text=text[g.start : g.end], subject=g.entity,
                    predicate="age", predicate_class="age", object=str(g.value), when=None, polarity="positive",
                    certainty="certain", hedges=(), sentence_start=s0, sentence_end=s1,
                    source=Source(kind="unattributed", text=None, start=None, end=None, entity=None, cue=None,
                                  quote="none", via=None, key=None),
                )  # fmt: skip
                self.claim_article[g.id] = r

    def name(self, article_entity: str | None) -> str | None:
        if not article_entity:
            return None
        se = self.story_of.get(article_entity)
        return se.name if se else self.article_entity_name.get(article_entity)

    def who(self, c: Claim) -> str:
        """Who the claim is sourced to, as written; a stand-in where the kind alone is ambiguous."""
        s = c.source
        who = s.text or self.name(s.entity)
        if not who:
            # The badge already names the kind; say more only where the kind alone is ambiguous.
            outlet = self.claim_article[c.id].article.outlet or "the outlet"
            who = SOURCE_KIND[s.kind].stand_in.format(outlet=outlet) if s.kind in SOURCE_KIND else ""
        return who

    def when(self, c: Claim) -> str | None:
        """The claim's time expression as written, with its normalised value when it differs."""
        if c.when and c.when in self.timex:
            text, value = self.timex[c.when]
            return f"{text} ({value})" if value and value != text else text
        return None

    def frame(self, c: Claim) -> str | None:
        """'subject → predicate → object' as read, for checking the reading itself."""
        obj = self.name(c.object) or c.object
        return " → ".join(x for x in (self.name(c.subject), c.predicate, obj) if x) or None

    def entities_of(self, c: Claim) -> set[str]:
        """Story entity ids the claim is about or sourced to."""
        out = set()
        for ref in (c.subject, c.object, c.source.entity):
            se = self.story_of.get(ref) if ref else None
            if se:
                out.add(se.id)
        return out


def sides(fact: Fact, ix: Index) -> tuple[list[str], list[str], list[str], list[str]]:
    """Split a fact's claims into those that support its statement, those that dispute it, those a
    later report superseded and those that take neither side.

    The reconcile stage records the sides (``Fact.statement_claim``, ``supporting``, ``disputing``,
    ``superseded``; see :mod:`storyline.reconcile.facts`). A fact stored without them is sided as
    the store's link table sides it (:func:`storyline.core.links.fact_sides`).
    """
    ids = [c for c in dict.fromkeys(fact.claims) if c in ix.claims]
    if not ids:
        return [], [], [], []
    if fact.statement_claim is not None:
        sided = set(fact.supporting) | set(fact.disputing) | set(fact.superseded)
        return ([c for c in fact.supporting if c in ix.claims], [c for c in fact.disputing if c in ix.claims],
                [c for c in fact.superseded if c in ix.claims], [c for c in ids if c not in sided])
    pairs = [conflict.claims for conflict in ix.conflicts_of[fact.id] if conflict.fact == fact.id]
    side = fact_sides(fact.statement, ids, pairs, {c: ix.claims[c].text for c in ids}, {c: ix.claims[c].polarity for c in ids})
    return [c for c in ids if side[c] == "support"], [c for c in ids if side[c] == "dispute"], [], []


def chains(fact: Fact, ix: Index) -> list[list[str | None]]:
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


# --- Fact titles ----------------------------------------------------------------------------
# A fact's statement is its statement claim's text, often a fragment of a sentence. The title is
# the whole clause the read stage recorded around that claim (``Claim.title_*``, read by
# storyline.read.display), with the story's name for the entity its leading pronoun refers to, or
# put before a clause with no subject of its own. Inserted names are marked so the page can show
# that storyline wrote them, not the article. Nothing here reads the article's language: it cuts the
# text at recorded offsets and tidies spaces, capitals and quote marks.

_OPEN_Q, _CLOSE_Q = "“", "”"


@dataclass(frozen=True)
class Title:
    """A fact's title: its plain text, and its parts as (text, inserted by storyline) pairs."""

    text: str
    parts: tuple[tuple[str, bool], ...]


def written_from(statement: str, claim_text: str) -> bool:
    """Whether a fact's statement is the claim's text (or that text clipped with an ellipsis),
    rather than a statement reconcile wrote itself ("Theo Lindqvist is 44 (as of ...)")."""
    stmt, text = " ".join(statement.split()), " ".join(claim_text.split())
    return text == stmt or (stmt.endswith("…") and text.startswith(stmt[:-1].rstrip()))


def statement_claim(fact: Fact, ix: Index) -> Claim | None:
    """The claim the fact's statement was written from (``Fact.statement_claim``), when it was."""
    c = ix.claims.get(fact.statement_claim) if fact.statement_claim else None
    return c if c is not None and written_from(fact.statement, c.text) else None


def _balance_quotes(t: str) -> str:
    """Close a curly or straight quote the clause opened, open one it only closes."""
    depth = 0
    opened_first = False
    for ch in t:
        if ch == _OPEN_Q:
            depth += 1
        elif ch == _CLOSE_Q:
            if depth:
                depth -= 1
            elif not opened_first:
                t = _OPEN_Q + t
                opened_first = True
    t = t + _CLOSE_Q * depth
    if t.count('"') % 2:
        t = t + '"'
    return t


def _tidy(t: str) -> str:
    t = " ".join(t.split())
    t = t.rstrip(" ,;:.—–-")
    if t.endswith(("”", '"')) and t[-2:-1] in (",", ";", ":", "."):
        t = t[:-2] + t[-1]
    t = _balance_quotes(t)
    i = next((k for k, ch in enumerate(t) if ch.isalnum()), None)
    if i is not None and t[i].islower():
        t = t[:i] + t[i].upper() + t[i + 1 :]
    return t


def _plain(t: str) -> Title:
    return Title(t, ((t, False),))


def _named(c: Claim, text: str, ix: Index) -> tuple[str, str, str] | None:
    """(words before the name, the name, words after it) when the title names the recorded entity."""
    lo, hi, at, to = c.title_start, c.title_end, c.title_subject_start, c.title_subject_end
    name = ix.name(c.title_subject)
    if lo is None or hi is None or at is None or to is None or not name:
        return None
    raw = text[lo:hi]
    if at == to:  # a clause with no subject of its own: the name goes before it
        return None if name.casefold() in raw.casefold() else ("", name, " " + text[to:hi].lstrip())
    lead = text[lo:at]
    if any(len(w) > 2 and w in lead.casefold() for w in name.casefold().split()):
        return None  # "Celeste isn't angry, she's heartbroken": the name is there already
    return lead, name + ("’s" if c.title_possessive else ""), (c.title_clitic or "") + text[to:hi]


def fact_title(fact: Fact, ix: Index) -> Title:
    """A readable title for ``fact``: a whole clause with its subject (see the notes above)."""
    c = statement_claim(fact, ix)
    text = ix.claim_article[c.id].article.text if c else ""
    if c is None or not (0 <= c.start < c.end <= len(text)):
        return _plain(_tidy(fact.statement))
    if c.title_start is None or c.title_end is None:  # read before schema 8: the claim as written
        return _plain(_tidy(text[c.start : c.end]))
    ellipsis = "…" if c.title_cut else ""
    named = _named(c, text, ix)
    if named is None:
        return _plain(_tidy(text[c.title_start : c.title_end]) + ellipsis)
    lead, name, tail = named
    # Tidy the whole, then split it again around the name (tidying only trims the ends, and
    # may capitalise the first letter or add a quote at either end).
    whole = _tidy(lead + "\x00" + name + "\x01" + tail) + ellipsis
    before, rest = whole.split("\x00", 1)
    inserted, after = rest.split("\x01", 1)
    parts = tuple((p, ins) for p, ins in ((before, False), (inserted, True), (after, False)) if p)
    return Title("".join(p for p, _ in parts), parts)
