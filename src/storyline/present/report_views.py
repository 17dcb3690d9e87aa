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
    Mention,
    Source,
    Story,
    StoryEntity,
    TimelineEntry,
)
from storyline.core.links import fact_sides
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
]

STATUS_ORDER = tuple(STATUS)
STATUS_TEXT = {s.name: (s.label, s.meaning) for s in STATUS.values()}
KIND_LABELS = {k.name: k.label for k in SOURCE_KIND.values()}
GRADE_LABELS = {g.name: g.label for g in GRADE.values()}
CONFLICT_LABELS = {c.name: c.label for c in CONFLICT_KIND.values()}
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+|\n+")


def anchor(prefix: str, ident: str) -> str:
    """An HTML id derived from a record id: input ids may hold spaces or quotes, so hash them."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", ident)[:24].strip("-")
    return f"{prefix}-{slug}-{hashlib.sha1(ident.encode('utf-8')).hexdigest()[:8]}"


def _sentence_around(text: str, start: int, end: int, reach: int = 300) -> tuple[int, int]:
    """Bounds of the sentence holding [start, end), looking at most ``reach`` characters each way."""
    lo = max(0, start - reach)
    cuts = [m.end() for m in _SENTENCE_END.finditer(text, lo, start)]
    s0 = cuts[-1] if cuts else lo
    m = _SENTENCE_END.search(text, end, min(len(text), end + reach))
    s1 = m.start() + len(m.group().rstrip()) if m else min(len(text), end + reach)
    return s0 + (len(text[s0:start]) - len(text[s0:start].lstrip())), s1


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
    mention_at: dict[tuple[str, int], Mention] = field(default_factory=dict)
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
            for m in r.mentions:
                self.mention_at.setdefault((r.article.id, m.start), m)
        # The cast holds the story's entities and a stand-in for each article entity reconcile did
        # not link, so a name resolves through its stand-in too.
        self.cast = cast_entities(self.readings, self.story)
        for se in self.cast:
            for m in se.members:
                self.story_of[m] = se
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
    pairs = [conflict.claims for conflict in ix.conflicts_of[fact.id]]
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
# A fact's statement is its best claim's text, which is often a fragment of a sentence: a quote
# ("was hardly ever home last year"), a clause that starts with a pronoun ("He was stunned") or
# one cut short before its object ("Fans first noticed"). The title is the whole clause around
# that claim in its sentence, with a leading pronoun replaced by the name it refers to (the
# reader's coreference mention, else the claim's subject) and, for a clause that has no subject
# at all, the subject's name put before it. Inserted names are marked so the page can show that
# storyline wrote them, not the article.

_TITLE_LEAD = 160  # the most of the sentence put before the claim to reach its clause start
_TITLE_TAIL = 110  # the most put after it to reach the clause end
_REPORTING = (
    r"(?:says?|said|claims?|claimed|adds?|added|adding|reveals?|revealed|reports?|reported|insists?|insisted|"
    r"believes?|believed|thinks?|thought|knows?|knew|tells?|told|noticed|learned|hoped|confirms?|confirmed|"
    r"denied|denies|suggests?|suggested|states?|stated|alleges?|alleged|agreed|explained|noted|notes|wrote|writes)"
)
# Where a clause may start inside a sentence: after a semicolon, colon or dash, after ", and the…"
# (a lowercase word: ", and Lindqvist" more often joins two names than two clauses), after
# ", but"/", so"/", while", and after the "that" of reported speech ("says that …").
_CLAUSE_START = re.compile(
    r"[;:]\s*|\s[—–]\s*|,\s+(?:and|but|or|so|yet|while|whereas)\s+(?=[“\"‘']?[a-z])|,\s+(?:but|so|yet|while|whereas)\s+"
    rf"|\b{_REPORTING}\s+(?:[\w’'-]+\s+){{0,6}}?that\s+"
)
_CLAUSE_END = re.compile(r"[,;:]|\s[—–]\s")
# A sentence break inside a reader's sentence span (which may hold a quote of several sentences).
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’)]*\s+(?=[“\"‘(]?[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    "mr ms mrs dr st jr sr prof gen sen rep gov no vs jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# A claim that ends on one of these was cut before its complement ("Fans first noticed").
_OPEN_END = frozenset(
    "is are was were be been being am has have had thinks think thought noticed notice knows know says said "
    "say believes believed feels felt told tells comes came hopes hoped wants wanted learned heard insists "
    "claims adds that the a an of to with for about and or but who which whether if than as by on in at from "
    "only".split()
)
_OPEN_Q, _CLOSE_Q = "“", "”"
_PRONOUN = re.compile(
    r"^(?P<lead>[“\"‘']?(?:(?:[Bb]ut|[Aa]nd|[Ss]o|[Yy]et|[Nn]either|[Bb]oth|[Nn]ow|[Tt]hen)\s+"
    r"|[A-Z][^,“”\"]{0,60},\s+(?:[^,“”\"]{0,24},\s+)?)?)"
    r"(?P<pro>[Hh]e|[Ss]he|[Tt]hey|[Hh]is|[Hh]er|[Tt]heir)(?P<clitic>[’'](?:s|ll|d|re|ve)\b)?(?![\w’'])"
)
_POSSESSIVE = {"his", "her", "their"}
_CLITIC = {"ll": " will", "d": " would", "re": " are", "ve": " have"}
# First words that show a clause has no subject of its own: auxiliaries, frequent irregular
# past tenses and adverbs that sit between a subject and its verb. A regular past tense or a
# third-person verb ("skipped", "cites") is recognised by its ending.
_VERB_START = frozenset(
    "was were is are am has have had will would could can should may might must did does do "
    "became came felt went left made told took gave got kept saw said thought knew met ran spent "
    "brought found sent won lost fell began wrote never also just reportedly allegedly still".split()
)
_NOT_VERB = frozenset("this his its as us yes news press boss business less unless red bed need speed indeed".split())


@dataclass(frozen=True)
class Title:
    """A fact's title: its plain text, and its parts as (text, inserted by storyline) pairs."""

    text: str
    parts: tuple[tuple[str, bool], ...]


def _statement_claim(fact: Fact, ix: Index) -> Claim | None:
    """The claim the statement was written from (its text, or its text clipped with an ellipsis)."""
    stmt = " ".join(fact.statement.split())
    clipped = stmt[:-1].rstrip() if stmt.endswith("…") else None
    for cid in fact.claims:
        c = ix.claims.get(cid)
        if c is None:
            continue
        text = " ".join(c.text.split())
        if text == stmt or (clipped and text.startswith(clipped)):
            return c
    return None


def _sentence_breaks(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """(end of a sentence, start of the next) for each sentence break in ``text[lo:hi]``."""
    out = []
    for m in _SENTENCE_BREAK.finditer(text, lo, hi):
        word = re.search(r"([A-Za-z]+)$", text[max(lo, m.start() - 12) : m.start()])
        if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
            continue  # "Mr. Lindqvist", "Dec. 2", "J. K."
        out.append((m.start() + len(m.group().rstrip()), m.end()))
    return out


def _clause(text: str, c: Claim) -> tuple[int, int, bool]:
    """Bounds of the clause holding claim ``c`` in its sentence, and whether it was cut short."""
    a, b = c.start, c.end
    s0, s1 = (c.sentence_start, c.sentence_end) if 0 <= c.sentence_start <= a and b <= c.sentence_end <= len(text) else (a, b)
    breaks = _sentence_breaks(text, s0, s1)
    s0 = max([nxt for end, nxt in breaks if nxt <= a] or [s0])
    s1 = min([end for end, nxt in breaks if end >= b] or [s1])
    lo = a
    # The look-ahead of ", and the…" needs to see the claim's first letters.
    cuts = [m.end() for m in _CLAUSE_START.finditer(text, s0, min(len(text), a + 2)) if m.end() <= a]
    start = cuts[-1] if cuts else s0
    if a - start <= _TITLE_LEAD and text[start:a].strip():
        lo = start
    words = re.findall(r"[\w’']+", c.text.lower())
    in_quote = text.count(_OPEN_Q, s0, b) > text.count(_CLOSE_Q, s0, b) and not text.startswith(_CLOSE_Q, b)
    if not words or not (in_quote or words[-1] in _OPEN_END or len(words) <= 2):
        return lo, b, False
    rest = text[b:s1].lstrip(_CLOSE_Q + "\"’'")
    if not rest.strip() or rest[:1] in ",;:.!?)":
        return lo, b, False
    m = _CLAUSE_END.search(text, b, s1)
    hi = m.start() if m else s1
    if hi - b > _TITLE_TAIL:
        return lo, b, True
    return lo, hi, False


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


def _pronoun_name(ix: Index, c: Claim, at: int) -> str | None:
    """The name a pronoun at offset ``at`` of ``c``'s article refers to, when the reading says."""
    m = ix.mention_at.get((c.article, at))
    if m is not None and m.kind == "pronoun":
        return ix.name(m.entity)
    if at == c.start and c.subject:
        return ix.name(c.subject)
    return None


def _verb_like(word: str) -> bool:
    w = word.lower().strip("“\"‘'")
    if w in _VERB_START:
        return True
    return w.isalpha() and w not in _NOT_VERB and (w.endswith("ed") or (w.endswith("s") and not w.endswith("ss")))


def _possessive(name: str) -> str:
    return name + "’s"


def fact_title(fact: Fact, ix: Index) -> Title:
    """A readable title for ``fact``: a whole clause with its subject (see the notes above)."""
    c = _statement_claim(fact, ix)
    stmt = " ".join(fact.statement.split())
    text = ix.claim_article[c.id].article.text if c else ""
    if c is None or not (0 <= c.start < c.end <= len(text)):
        plain = _tidy(stmt)
        return Title(plain, ((plain, False),))
    lo, hi, cut = _clause(text, c)
    raw = text[lo:hi]
    lead, name, tail = "", None, raw
    m = _PRONOUN.match(raw)
    if m:
        name = _pronoun_name(ix, c, lo + m.start("pro"))
        lead = m.group("lead")
        if name and any(len(w) > 2 and w in lead.casefold() for w in name.casefold().split()):
            name = None  # "Celeste isn't angry, she's heartbroken": the name is there already
        if name:
            pro, clitic = m.group("pro").lower(), (m.group("clitic") or "")[1:]
            tail = raw[m.end() :]
            if pro in _POSSESSIVE:
                name = _possessive(name)
            elif clitic == "s":  # "she’s laughing" / "he’s been": is or has
                nxt = tail.split(None, 1)[0].lower() if tail.split() else ""
                tail = (" has" if nxt in ("been", "got", "had") or nxt.endswith("ed") else " is") + tail
            elif clitic:
                tail = _CLITIC[clitic] + tail
        else:
            lead = ""
    if name is None and lo == c.start and c.subject:
        first = raw.split(None, 1)[0] if raw.split() else ""
        subject = ix.name(c.subject)
        if subject and first[:1].islower() and _verb_like(first) and subject.casefold() not in raw.casefold():
            name, lead, tail = subject, "", " " + raw.lstrip()
    if name is None:
        plain = _tidy(raw) + ("…" if cut else "")
        return Title(plain, ((plain, False),))
    # Tidy the whole, then split it again around the name (tidying only trims the ends, and
    # may capitalise the first letter or add a quote at either end).
    whole = _tidy(re.sub(r"\s+", " ", lead) + "\x00" + name + "\x01" + tail) + ("…" if cut else "")
    before, rest = whole.split("\x00", 1)
    inserted, after = rest.split("\x01", 1)
    parts = tuple((p, ins) for p, ins in ((before, False), (inserted, True), (after, False)) if p)
    return Title("".join(p for p, _ in parts), parts)
