"""Incremental reconcile: what a story's last reconcile computed, reused where its inputs are unchanged.

Adding k articles to a story changes few of its facts, but :func:`storyline.reconcile.reconcile`
is one pure function of every reading. A :class:`ReconcileCache` (one per story, kept in memory
between reconciles) lets it skip the units whose inputs did not change; the story it returns is
the one a full reconcile gives, because a unit is reused only when **every** input it read is the
same (the same objects, or equal values), never on a guess:

* **readings**: an article's reading is the one seen before when it is the same object or an equal
  one (a store hands back new objects each time);
* **claim views** (:func:`storyline.reconcile.features.article_views`), per article: the reading,
  the story entities its entity ids map to (with their types, group members and whether they are
  unnamed), the words of the story's names that its claims use, and (for an undated article) the
  story's news days;
* **alignment blocks** (:func:`storyline.reconcile.align.cluster_block`), per block of claims:
  the same view objects in the same order (no embeddings backend: its vectors are the story's);
  a block new claims joined replays its last picks up to the first new claim that starts a fact
  or becomes an exemplar; alignment's lexical similarities are kept by the claim and exemplar
  objects compared (:class:`_Similarities`);
* **the relay index** (:class:`storyline.reconcile.independence.RelayIndex`): grown from the last
  one by the views it did not have, when none of the last one's views is gone;
* **relay lookups**: the claim and the candidates it was compared with (a lookup none of whose
  (outlet, person) pools took a new view keeps its answer unasked; when only candidates changed,
  the new ones are compared with the last answer, while it is still a candidate);
* **drafts** (:func:`storyline.reconcile.facts.draft_from_cluster`), per fact, the bulk of the
  work: the cluster's views, exemplars and implied-date claims (the same objects), which of its
  claims are passing mentions, and the answers to every question the draft asked of the story
  while it was made (recorded as it ran): each entity name it used, each article's lower-bound
  figures (but those of its own claims' articles, which the same view objects imply), each relay
  lookup and each question to the corpus's outlets. Asked again, the story must give the same
  answers (its relay lookups all at once when none of the pools they read took a view:
  :meth:`storyline.reconcile.independence.RelayIndex.kept`);
* **sides** (:func:`storyline.reconcile.facts.stances`), in a draft made again, kept per fact as a
  whole (:meth:`ReconcileCache.sides`): a claim's side towards the same statement, in a fact of
  the same class and people, when the names and lower bounds it read are the same (they are asked
  again through the draft, which records them too); the claims held are found at C speed;
* **a fact's answers of functions of one view**, in a draft made again (:data:`storyline.reconcile.features.Each`
  as :func:`~storyline.reconcile.facts.draft_from_cluster` asks it: the moment a claim dates its fact
  to, whether it affirms or negates, its date for the fact's time), per fact (the key of its scan)
  and view: the same view object (the function reads nothing else). A fact a new article joins
  asks them of the new claims only;
* **records** (:func:`storyline.reconcile.facts.records`): a reused draft's fact, conflicts and echoes;
  a draft made again takes over the echo records of its fact's last draft for the same echoes;
* **what an article tells the conflicts across facts** (:func:`storyline.reconcile.across.article_told`):
  the same readings and views, the same story entities of its mentions' and ages' entities, the
  same lower bounds of the article;
* **the ages an article states** (:func:`storyline.reconcile.attributes.article_ages`): the same
  readings and views, the same story entities of its ages' people, the same offsets of its Age records;
* **a person's age fact** (:func:`storyline.reconcile.attributes.age_draft`), per person: the same
  ages stated of them, in the same order (equal; the kept articles' are the same objects), and the
  same name;
* **the cast's steps** (:class:`storyline.reconcile.cast.CastSteps`): an article's settled entity
  types (the same reading, and the story's type votes unchanged under each name its entities are
  settled by: :func:`storyline.reconcile.types.name_key`, or votes that settle nothing; the votes
  are kept and brought up to date article by article), an article's :class:`~storyline.reconcile.cast.ArticleCast` (the same
  reading and settled entities) and a story entity's name, type and aliases (the same members);
* **a story entity's description from a tally** (:class:`storyline.reconcile.cast.Tally`): a story
  entity whose members are the last ones and more is described from its last tally plus theirs;
* **the cast's rule 1a** (:class:`storyline.reconcile.cast.FullNames`: the same full name, forms of
  one first name; its indexes, union-find, components and evidence lines): extended by the added articles'
  people when every article of the last reconcile is here with the same piece and no added person
  changes what a person of the story met (:meth:`~storyline.reconcile.cast.FullNames.extend`
  says when); made afresh otherwise. The story entities are made of its components as the later
  rules joined them (:meth:`~storyline.reconcile.cast.FullNames.components`);
* **the cast's index** (:class:`storyline.reconcile.cast.CastIndex`: the story's entities by id,
  their types, groups' members, each person's epithets, deeds and unnamed flag): grown by the added
  articles' pieces when every article of the last reconcile is here with the same piece and no
  added entity has an id the story has; made afresh otherwise;
* **what grouping into events reads of a fact** (:class:`storyline.reconcile.events.Gist`), per
  fact id: the same view objects in the same order; a fact an article joined (the views of its
  last draft, by the key of its scan, are among its views in their order) takes the new views
  into its last gist and times by article (:func:`storyline.reconcile.events.grown_gist`);
* **answers of a function of one view or one reading** (:data:`storyline.reconcile.features.Each`:
  the block a claim is aligned in, :func:`storyline.reconcile.align.block_key`; its lower-bound
  figures, :func:`storyline.reconcile.conflicts.claim_lower_bounds`; the counts of children it
  states; the epithets an article's people go by), per item: the same object (the function reads nothing else). They are
  kept by the item's id with the item held, looked up by id in one map (the few missing found by
  identity with a marker) and pruned by set operations on the ids, so the pass over the story's
  20,000 views runs at C speed (:class:`_Answers`; a fact's answers per view are the same kind,
  one per function, :class:`_EachAnswers`);
* **the corpus's outlets** (:class:`storyline.reconcile.independence.CorpusOutlets`, with the
  answers it gave to which outlet a source names): the same outlets.

Story-wide steps run every time (they read everything): the cast's linking rules after rule 1a, the merging of blocks,
denials and implied dates into facts, the collection of each person's ages, counts of children, events,
the comparisons across facts (of the kept per-article parts), the timeline. Names,
lexicons and packs are taken to be those of the process: after changing one in a running process,
start a new cache (``storyline.api.forget_reconciles``). A cache
holds the units of the last reconcile only (older ones are dropped), and one reconcile at a time
(a lock). Options are part of every key: a reconcile with other options starts afresh.
"""

from __future__ import annotations

import threading
from operator import attrgetter, is_, not_
from collections import Counter
from itertools import compress, repeat
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from storyline.core.options import ReconcileOptions
from storyline.core.records import ArticleReading, Fact
from storyline.reconcile.across import Told, article_told
from storyline.reconcile.align import Cluster, cluster_block
from storyline.reconcile.attributes import ArticleAges, age_draft, article_ages
from storyline.reconcile.cast import ArticleCast, Cast, CastIndex, CastSteps, FullNames, Tally, article_cast
from storyline.reconcile.conflicts import Bounds, stance
from storyline.reconcile.events import Gist, gist, gist_parts, grown_gist
from storyline.reconcile.facts import Draft, Records, draft_from_cluster, records
from storyline.reconcile.features import ClaimView, article_views, dated, each
from storyline.reconcile.independence import (
    CorpusOutlets,
    RecordedOutlets,
    RelayIndex,
    ScanTrace,
    Sourcing,
    assess_traced,
)
from storyline.reconcile.nesting import passing_mentions
from storyline.reconcile.types import TypeVotes, name_key, settle

__all__ = ["ReconcileCache", "Uncached"]


_ORDER, _CLAIM_ID = attrgetter("order"), attrgetter("claim.id")
_MISSING = object()  # no answer held (None is an answer: block_key gives it)


def _same(a: Sequence[object], b: Sequence[object]) -> bool:
    # map: at C speed (asked of every member, every view); a story entity made of one kept
    # component of the cast's rule 1a is handed its very list
    return a is b or len(a) == len(b) and all(map(is_, a, b))


def _replayable(last: Sequence[object], picks: Sequence[int], block: Sequence[object]) -> list[int | None] | None:
    """Per view of ``block``, the cluster it joined in the last clustering (``last``, ``picks``),
    None for a view new to the block; None if some view of ``last`` left it (or no picks were
    kept): a block a new article joins keeps the order its other views had."""
    if len(picks) != len(last):
        return None
    known: list[int | None] = []
    i = 0
    for v in block:
        if i < len(last) and v is last[i]:
            known.append(picks[i])
            i += 1
        else:
            known.append(None)
    return known if i == len(last) else None


def _entity_ids(r: ArticleReading) -> tuple[str, ...]:
    """Each entity id the article's entities and claims name, and each group member's."""
    ids = {e.id for e in r.entities}
    for c in r.claims:
        ids.update(x for x in (c.subject, c.object, c.source.entity, c.place) if isinstance(x, str))
    for e in r.entities:
        if isinstance(e.attributes, dict):
            ids.update(m for m in e.attributes.get("members", ()) if isinstance(m, str))
    return tuple(sorted(ids))


def _cast_slice(ids: tuple[str, ...], cast: Cast) -> tuple:
    """Everything :func:`article_views` reads of the cast for an article (``ids``: :func:`_entity_ids`):
    each id's story entity, type and members, and whether that story entity is unnamed."""
    story = tuple(map(cast.of.get, ids))  # one column at a time: map at C speed, for every article
    return (story, tuple(map(cast.types.get, ids)), tuple(map(cast.members.get, ids)),
            tuple(map(cast.unnamed.__contains__, story)))


class _Recorded:
    """The story-wide context a draft reads, asked through here so each answer is recorded."""

    def __init__(self, name: Callable[[str], str], relays: RelayIndex, bounds: Mapping, outlets: CorpusOutlets):
        self._name, self._relays, self._bounds = name, relays, bounds
        self.names: dict[str, str] = {}
        self.relays: list[tuple[str, ClaimView, ClaimView | None]] = []
        self.bounds: dict[str, object] = {}
        self.outlets = RecordedOutlets(outlets)

    def name(self, entity: str) -> str:
        out = self.names[entity] = self._name(entity)
        return out

    def relay(self, outlet: str, v: ClaimView) -> ClaimView | None:
        found = self._relays(outlet, v)
        self.relays.append((outlet, v, found))
        return found

    def bounds_view(self) -> Mapping:
        return _RecordedBounds(self._bounds, self.bounds)


def _beyond(seen: dict[str, object], views: Sequence[ClaimView]) -> dict[str, object]:
    """The lower bounds read (``seen``) of articles none of ``views`` is from: the only ones to check
    again. An article's bounds come from its views (:func:`storyline.reconcile.conflicts.lower_bounds`),
    which are made together and reused together: while one of them is the same object, so are
    they all, and so are its bounds."""
    if not seen:
        return seen
    mine = {v.article.id for v in views}
    return {a: x for a, x in seen.items() if a not in mine}


class _RecordedBounds(Mapping):
    # Only ``get`` (and truth) is used by the conflicts; an article without bounds reads as () either way.
    def __init__(self, bounds: Mapping, seen: dict):
        self._bounds, self._seen = bounds, seen

    def get(self, key, default=None):
        out = self._bounds.get(key, default)
        self._seen[key] = tuple(out or ())  # absent and empty read alike: () is the default used
        return out

    def __getitem__(self, key):
        out = self._bounds[key]
        self._seen[key] = tuple(out)
        return out

    def __iter__(self):
        raise TypeError("a draft may only look up articles' bounds, not list them")

    def __len__(self) -> int:
        return len(self._bounds)


@dataclass
class _DraftEntry:
    views: list[ClaimView]
    exemplars: list[ClaimView]
    derived: list[ClaimView]
    passing: frozenset[str]
    outlets: tuple[str, ...]
    asked: list[tuple[str, str, object]]
    names: dict[str, str]
    relays: list[tuple[str, ClaimView, ClaimView | None]]
    bounds: dict[str, object]
    draft: Draft
    scan: tuple | None = None  # its key in _Units.scans
    pools: frozenset = frozenset()  # the (outlet, person) candidate pools its relay lookups read

    def still(self, c: Cluster, passing: frozenset[str], name: Callable[[str], str], relays: RelayIndex,
              bounds: Mapping, outlets: CorpusOutlets) -> bool:
        """Whether the draft would come out the same for ``c`` in this story (module docstring)."""
        if not (_same(self.views, c.views) and _same(self.exemplars, c.exemplars) and _same(self.derived, c.derived)):
            return False
        if self.passing != passing:
            return False
        if self.outlets != outlets.outlets:
            for how, key, answer in self.asked:
                now = outlets.named_by(key) if how == "named_by" else outlets.matching(key)
                if now != answer:
                    return False
        if any(name(e) != n for e, n in self.names.items()):
            return False
        if self.relays and not relays.kept(self.relays, self.pools) and any(
                relays(o, v) is not found for o, v, found in self.relays):
            return False
        return all(tuple(bounds.get(a) or ()) == seen for a, seen in self.bounds.items())


class _SidesEntry:
    """A fact's claims' sides towards one statement (the same object), by the claim's id, the claim
    held (so an id found here is that claim's), with the names and lower bounds each claim read
    (only claims that read any are listed: most read none)."""

    def __init__(self, statement: ClaimView):
        self.statement = statement
        self.items: dict[int, ClaimView] = {}
        self.sides: dict[int, str] = {}
        self.names: dict[int, dict[str, str]] = {}
        self.bounds: dict[int, dict[str, object]] = {}


@dataclass
class _ViewsEntry:
    reading: ArticleReading
    ids: tuple[str, ...]  # _entity_ids(reading)
    lemmas: frozenset[str]  # every lemma of its claims
    cast: tuple
    words: frozenset[str]
    views: list[ClaimView]
    dated: dict = field(default_factory=dict)  # news window -> the views with it (undated articles)


def _told_ids(rs: Sequence[ArticleReading]) -> tuple[str, ...]:
    """The entity ids whose story entities :func:`storyline.reconcile.across.article_told` reads
    (``cast.of``): those of the article's mentions and ages."""
    return tuple(sorted({m.entity for r in rs for m in r.mentions} | {g.entity for r in rs for g in r.ages}))


@dataclass
class _ToldEntry:
    readings: tuple[ArticleReading, ...]
    views: Sequence[ClaimView]
    ids: tuple[str, ...]  # _told_ids of its readings
    of: tuple  # the story entity of each of ``ids``
    bounds: tuple  # the article's lower bounds
    told: Told


@dataclass
class _AgesEntry:
    readings: tuple[ArticleReading, ...]
    views: Sequence[ClaimView]
    of: tuple  # the story entity of each of its Age records' people
    at_starts: frozenset[int]
    ages: ArticleAges


class _Answers:
    """A function's answers for the items (claim views or readings) of the last reconcile, by the
    item's id. Each item is held while its answer is, so an id found here is that item's (no other
    object can take it meanwhile)."""

    def __init__(self) -> None:
        self.items: dict[int, object] = {}
        self.answers: dict[int, object] = {}
        self.added = 0

    def update(self, fn: Callable[[object], object], items: Sequence[object]) -> list:
        """``[fn(x) for x in items]``, computing only for items not held; those not given are let go.
        Maps only: this is asked of every view of the story, and one new article leaves all but a
        few held (looked up at C speed, the few missing found by identity with a marker)."""
        ids = list(map(id, items))
        out = list(map(self.answers.get, ids, repeat(_MISSING)))
        added = 0
        for at in compress(range(len(out)), map(is_, out, repeat(_MISSING))):
            x = items[at]
            known = self.answers.get(id(x), _MISSING)
            if known is _MISSING:  # (an item given twice is answered once)
                self.items[id(x)], known = x, self.answers.setdefault(id(x), fn(x))
                added += 1
            out[at] = known
        self.added = added
        now = set(ids)
        if len(self.answers) > len(now):  # some held items are not given any more
            for gone in self.answers.keys() - now:
                del self.answers[gone], self.items[gone]
        return out


class _Similarities:
    """Alignment's lexical similarities (:class:`storyline.reconcile.align.Similarities`) of this
    reconcile, falling back on the last one's: those asked again are moved over, the others go
    with the last generation. Each answer holds the claim and exemplars whose ids key it (so an id
    found here is that object's: no other object can take it meanwhile)."""

    def __init__(self, last: "_Similarities | None" = None) -> None:
        self.last = last  # dropped once the reconcile ends (ReconcileCache.end): one generation back only
        self.answers: dict[tuple, tuple] = {}
        self.hit = self.miss = 0

    def get(self, key: tuple) -> tuple | None:
        known = self.last.answers.get(key) if self.last is not None else None
        if known is not None:
            self.hit += 1
            self.answers[key] = known
        return known

    def __setitem__(self, key: tuple, answer: tuple) -> None:
        self.miss += 1
        self.answers[key] = answer


class _EachAnswers:
    """:data:`storyline.reconcile.features.Each` kept per function, each an :class:`_Answers`
    brought up to date in place: a fact's answers of functions of one view (a claim's moment,
    whether it affirms, its date), taken over from the fact's last judgement, so a fact a new
    article joins asks them of the new views only (and gives up, at C speed, those it no longer has)."""

    def __init__(self) -> None:
        self.memos: dict[Callable, _Answers] = {}
        self.given = self.added = 0  # over this reconcile's calls

    def __call__(self, fn: Callable[[object], object], views: Sequence[object]) -> list:
        memo = self.memos.get(fn)
        if memo is None:
            memo = self.memos[fn] = _Answers()
        out = memo.update(fn, views)
        self.given += len(out)
        self.added += memo.added
        return out


@dataclass
class _Units:
    """One generation of cached units (those of the last reconcile)."""

    readings: dict[str, ArticleReading] = field(default_factory=dict)
    views: dict[str, _ViewsEntry] = field(default_factory=dict)
    blocks: dict[tuple, tuple[list[ClaimView], list[Cluster], list[int]]] = field(default_factory=dict)  # and each view's pick
    drafts: dict[tuple, list[_DraftEntry]] = field(default_factory=dict)
    relays: dict = field(default_factory=dict)
    index: RelayIndex | None = None  # the relay index the lookups in ``relays`` were asked of
    passing: dict[str, tuple[ArticleReading, frozenset[str]]] = field(default_factory=dict)
    # id(draft) -> the draft, its records, and its echo records by the echo they were made of
    records: dict[int, tuple[Draft, Records, dict]] = field(default_factory=dict)
    by_scan: dict[tuple, Draft] = field(default_factory=dict)  # each fact's draft, by the key of its scan
    # A draft made anew -> the echo records of its fact's last draft (which its records take over).
    grown: dict[int, dict] = field(default_factory=dict)
    # A cluster drafted anew (by id, held) -> the last draft of its scan key, if any (this reconcile's only).
    last_of: dict[int, tuple[Cluster, Draft | None]] = field(default_factory=dict)
    # Each fact's scan of its sources (independence.assess_traced), by (class, people, first claim):
    # a fact that grew is scanned from its first new claim on, keeping the decisions of the claims
    # after it that the new originals cannot change.
    scans: dict[tuple, ScanTrace] = field(default_factory=dict)
    sides: dict[tuple, _SidesEntry] = field(default_factory=dict)  # by (statement claim, class, people)
    # Each fact's answers of functions of one view, by the same key as its scan.
    view_answers: dict[tuple, _EachAnswers] = field(default_factory=dict)
    sims: _Similarities = field(default_factory=_Similarities)  # alignment's lexical similarities
    # The cast's: the story's type votes, and per article its settled entities (with the names
    # they are settled under) and its ArticleCast; per story entity, its name, type and aliases.
    votes: TypeVotes | None = None
    settled: dict[str, tuple[ArticleReading, list, frozenset[str]]] = field(default_factory=dict)
    articles: dict[str, tuple[ArticleReading, list, ArticleCast]] = field(default_factory=dict)
    described: dict[str, tuple[list, tuple, Tally]] = field(default_factory=dict)  # by the story entity's root id
    # Rule 1a of the cast (the same full name) and the article pieces it was made of, by article id.
    names: tuple[dict[str, ArticleCast], FullNames] | None = None
    cast_index: tuple[dict[str, ArticleCast], CastIndex] | None = None  # and the pieces it was made of
    told_by_article: dict[str, _ToldEntry] = field(default_factory=dict)  # across facts: what each article tells
    ages: dict[str, _AgesEntry] = field(default_factory=dict)  # the ages each article states
    age_drafts: dict[str, tuple[list, str, Draft]] = field(default_factory=dict)  # by person: the ages stated, their name
    gists: dict[str, tuple[list[ClaimView], Gist, dict]] = field(default_factory=dict)  # by fact id: what grouping reads (and its times by article)
    outlets: CorpusOutlets | None = None  # the corpus's outlets, with the answers they gave
    answers: dict[Callable, "_Answers"] = field(default_factory=dict)  # per function of one view or reading


class Uncached(CastSteps):
    """The per-unit steps of a reconcile, each computed afresh: what a reconcile without a cache
    uses, and what :class:`ReconcileCache` stands in for, step by step (the cast's are
    :class:`storyline.reconcile.cast.CastSteps`)."""

    def article_views(self, r: ArticleReading, cast: Cast, name_drop: frozenset[str]) -> list[ClaimView]:
        return article_views(r, cast, name_drop)

    def dated(self, article: str, views: list[ClaimView], window) -> list[ClaimView]:
        return dated(views, window)

    def blocker(self, key: tuple, block: list[ClaimView], scorer, threshold: float) -> list[Cluster]:
        return cluster_block(key, block, scorer, threshold)

    def similarities(self) -> "_Similarities | None":
        return None

    def each(self, fn: Callable[[object], object], items: Sequence[object]) -> list:
        return each(fn, items)

    def relay_index(self, views: Sequence[ClaimView]) -> RelayIndex:
        return RelayIndex(views)

    def corpus_outlets(self, outlets: tuple[str, ...]) -> CorpusOutlets:
        return CorpusOutlets(outlets)

    def passing(self, readings: Sequence[ArticleReading]) -> frozenset[str]:
        return passing_mentions(readings)

    def draft(self, c: Cluster, outlets: CorpusOutlets, echo_similarity: float, name: Callable[[str], str],
              relays: RelayIndex, bounds: Mapping, passing: frozenset[str]) -> Draft:
        return draft_from_cluster(c, outlets, echo_similarity, name, relays, bounds, passing)

    def records(self, d: Draft) -> Records:
        return records(d)

    def told(self, rs: Sequence[ArticleReading], views: Sequence[ClaimView], cast: Cast, bounds: Bounds | None) -> Told:
        return article_told(rs, views, cast, bounds)

    def ages(self, rs: Sequence[ArticleReading], views: Sequence[ClaimView], cast: Cast, at_starts: frozenset[int]) -> ArticleAges:
        return article_ages(rs, views, cast, at_starts)

    def gist(self, fact: Fact, c: Cluster) -> Gist:
        return gist(c)

    def age_draft(self, person: str, stated: Sequence, name: Callable[[str], str]) -> Draft:
        return age_draft(person, stated, name)


def _scan_key(c: Cluster) -> tuple:
    """The key a fact's scan is kept under: its class, people and first claim."""
    first = min(c.views, key=_ORDER).claim.id if c.views else None  # (a C key: asked of every touched fact's views)
    return c.pclass, c.participants, first


class ReconcileCache(Uncached):
    """What one story's last reconcile computed, for the next (see the module docstring).

    Pass it to :func:`storyline.reconcile.reconcile` (``cache=``); ``stats`` counts the units
    reused ("…_hit") and computed ("…_miss") by the last reconcile."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._options: ReconcileOptions | None = None
        self._old = _Units()
        self._new = _Units()
        self._scanning: tuple | None = None  # the scan key of the cluster being drafted
        self.stats: Counter = Counter()

    def readings(self) -> dict[str, ArticleReading]:
        """The readings the last reconcile was given, by article id (lent to the store's
        ``readings(known=...)`` so the next one reads back only new and changed articles)."""
        return dict(self._old.readings)

    def clear(self) -> None:
        """Forget everything: the next reconcile computes every unit."""
        self._options, self._old, self._new = None, _Units(), _Units()

    # -- one reconcile ---------------------------------------------------------------------------

    def begin(self, options: ReconcileOptions) -> None:
        """Start a reconcile with ``options`` (other options than last time: start afresh)."""
        if options != self._options:
            self._old = _Units()
        self._options = options
        self._new = _Units()
        self.stats = Counter()

    def end(self) -> None:
        """Keep what this reconcile used (and nothing older)."""
        sims = self._new.sims
        self.stats["sims_hit"], self.stats["sims_miss"], sims.last = sims.hit, sims.miss, None
        self._new.last_of = {}
        self._old, self._new = self._new, _Units()

    def canonical(self, readings: Sequence[ArticleReading]) -> list[ArticleReading]:
        """``readings`` with each one seen before (equal) replaced by the object seen then."""
        out = []
        for r in readings:
            known = self._old.readings.get(r.article.id)
            if known is not None and (known is r or known == r):
                r = known
            self._new.readings[r.article.id] = r
            out.append(r)
        return out

    def settled(self, readings: Sequence[ArticleReading]) -> list[list]:
        """:meth:`CastSteps.settled`, article by article: the story's votes are the last ones with the
        new and changed articles counted in and the gone ones out (:class:`TypeVotes`), and an
        article's settled entities are reused when it is the same reading and none of its names'
        votes changed (settling reads nothing else), or when the votes settle nothing
        (:meth:`TypeVotes.inert`) and they were its entities as they are."""
        old = self._old
        votes = old.votes
        known_of = [old.settled.get(r.article.id) for r in readings]
        if votes is None:  # the first reconcile of this cache: count everything
            votes, changed = TypeVotes(), None
            for r in readings:
                votes.add(r.entities)
        else:
            old.votes = None  # brought up to date in place: the last generation no longer owns it
            now = {r.article.id for r in readings}
            changed = set()
            for aid, (r, _, _) in old.settled.items():
                if aid not in now or self._new.readings.get(aid) is not r:
                    changed |= votes.add(r.entities, -1)
            for r, known in zip(readings, known_of):
                if known is None or known[0] is not r:
                    changed |= votes.add(r.entities)
        self._new.votes = votes
        inert = votes.inert()
        out = []
        for r, known in zip(readings, known_of):
            if changed is not None and known is not None and known[0] is r and (
                    not (known[2] & changed) or inert and _same(known[1], r.entities)):
                self.stats["settled_hit"] += 1
                ents, keys = known[1], known[2]
            else:
                self.stats["settled_miss"] += 1
                ents, keys = settle(r.entities, votes), frozenset(name_key(e) for e in r.entities) - {None}
            self._new.settled[r.article.id] = (r, ents, keys)
            out.append(ents)
        return out

    def article(self, r: ArticleReading, entities: list) -> ArticleCast:
        """:func:`storyline.reconcile.cast.article_cast`, memoised per reading and settled entities."""
        known = self._old.articles.get(r.article.id)
        if known is not None and known[0] is r and _same(known[1], entities):
            self.stats["articles_hit"] += 1
            piece = known[2]
        else:
            self.stats["articles_miss"] += 1
            piece = article_cast(entities, r.claims)
        self._new.articles[r.article.id] = (r, entities, piece)
        return piece

    def describe(self, root: str, members: list) -> tuple:
        """:meth:`CastSteps.describe`, memoised per story entity (the same member objects); a story
        entity that only gained members is described from its last :class:`Tally` plus theirs."""
        known = self._old.described.get(root)
        if known is not None and _same(known[0], members):
            self.stats["described_hit"] += 1
            self._new.described[root] = known
            return known[1]
        self.stats["described_miss"] += 1
        tally = None
        if known is not None:
            had, now = set(map(id, known[0])), set(map(id, members))
            if had <= now:  # every last member is still one (each object once: ids are unique)
                tally = known[2].plus(compress(members, map((now - had).__contains__, map(id, members))))
        tally = tally or Tally.of(members)
        out = CastSteps.describe(self, root, members, tally)
        self._new.described[root] = (members, out, tally)
        return out

    def index(self, pieces: dict[str, ArticleCast], entities: list) -> CastIndex:
        """:meth:`CastSteps.index`, grown from the last one by the added articles' pieces when
        every article of the last reconcile is here with the same piece; made afresh otherwise."""
        known, self._old.cast_index = self._old.cast_index, None  # grown in place: the last generation gives it up
        if known is not None and all(pieces.get(aid) is p for aid, p in known[0].items()) and known[1].grow(
                [pieces[aid] for aid in pieces.keys() - known[0].keys()]):
            index = known[1]
        else:
            index = CastIndex.of(entities, pieces.values())
        self._new.cast_index = (dict(pieces), index)
        return index

    def full_names(self, pieces: dict[str, ArticleCast], people: list, link) -> FullNames:
        """:meth:`CastSteps.full_names`, extended from the last one by the people of the added
        articles when every article of the last reconcile is here with the same piece (the same
        entities, so the same people in the same order); made afresh otherwise, or when an added
        person would change what the story's people met (:meth:`FullNames.extend`)."""
        known, self._old.names = self._old.names, None  # extended in place: the last generation gives it up
        if known is not None and all(pieces.get(aid) is p for aid, p in known[0].items()):
            first = known[1]
            if first.extend([e for aid in pieces.keys() - known[0].keys() for e in pieces[aid].order], link):
                self.stats["names_hit"] += 1
                self._new.names = (dict(pieces), first)
                return first
        self.stats["names_miss"] += 1
        first = FullNames.scan(people, link, keep=True)
        self._new.names = (dict(pieces), first)
        return first

    def article_views(self, r: ArticleReading, cast: Cast, name_drop: frozenset[str]) -> list[ClaimView]:
        """:func:`storyline.reconcile.features.article_views`, memoised."""
        known = self._old.views.get(r.article.id)
        if known is None or known.reading is not r:
            known = None
            ids, lemmas = _entity_ids(r), frozenset(t for c in r.claims for t in c.lemmas)
        else:
            ids, lemmas = known.ids, known.lemmas
        sliced, words = _cast_slice(ids, cast), lemmas & name_drop
        if known is not None and known.cast == sliced and known.words == words:
            self.stats["views_hit"] += 1
            self._new.views[r.article.id] = known  # all it holds is as it was (its reading, cast and words)
            return known.views
        self.stats["views_miss"] += 1
        views = article_views(r, cast, name_drop)
        self._new.views[r.article.id] = _ViewsEntry(r, ids, lemmas, sliced, words, views)
        return views

    def passing(self, readings: Sequence[ArticleReading]) -> frozenset[str]:
        """:func:`storyline.reconcile.nesting.passing_mentions`, memoised per reading."""
        out: set[str] = set()
        for r in readings:
            known = self._old.passing.get(r.article.id)
            found = known[1] if known is not None and known[0] is r else passing_mentions([r])
            self._new.passing[r.article.id] = (r, found)
            out |= found
        return frozenset(out)

    def dated(self, article: str, views: list[ClaimView], window) -> list[ClaimView]:
        """:func:`storyline.reconcile.features.dated` of the views :meth:`article_views` just gave,
        the same objects as last time for the same window."""
        entry = self._new.views[article]
        if window not in entry.dated:
            entry.dated = {window: dated(views, window)}
        return entry.dated[window]

    def blocker(self, key: tuple, block: list[ClaimView], scorer, threshold: float) -> list[Cluster]:
        """:func:`storyline.reconcile.align.cluster_block`, memoised per block (new clusters each call)."""
        known = self._old.blocks.get(key)
        if scorer.vectors or known is None or not _same(known[0], block):
            self.stats["blocks_miss"] += 1
            picks: list[int] = []
            made = cluster_block(key, block, scorer, threshold, picks,
                                 None if scorer.vectors or known is None else _replayable(known[0], known[2], block))
        else:
            self.stats["blocks_hit"] += 1
            made, picks = known[1], known[2]
        self._new.blocks[key] = (block, made, picks)
        return [Cluster(c.pclass, c.participants, list(c.views), list(c.exemplars), list(c.derived)) for c in made]

    def similarities(self) -> _Similarities:
        """Alignment's memo of lexical similarities: this reconcile's, over the last one's."""
        self._new.sims.last = self._old.sims
        return self._new.sims

    def each(self, fn: Callable[[object], object], items: Sequence[object]) -> list:
        """``fn`` of each item (:data:`storyline.reconcile.features.Each`), kept per item object
        (``fn`` reads nothing but the item, so the same object gives the same answer): the last
        reconcile's answers, those of gone items dropped and those of new items added."""
        memo = self._new.answers.get(fn) or self._old.answers.pop(fn, None) or _Answers()  # updated in place
        out = memo.update(fn, items)
        self.stats["each_hit"] += len(out) - memo.added
        self.stats["each_miss"] += memo.added
        self._new.answers[fn] = memo
        return out

    def corpus_outlets(self, outlets: tuple[str, ...]) -> CorpusOutlets:
        """The last reconcile's :class:`CorpusOutlets` (with the answers it gave) for the same outlets."""
        known = self._old.outlets
        out = known if known is not None and known.outlets == outlets else CorpusOutlets(outlets)
        self._new.outlets = out
        return out

    def relay_index(self, views: Sequence[ClaimView]) -> RelayIndex:
        """A :class:`RelayIndex` grown from the last one by the views it did not have (the last one
        gives its candidates up), its lookups memoised (see the class)."""
        last, self._old.index = self._old.index, None
        out = RelayIndex(views, memo=(self._old.relays, self._new.relays), last=last)
        self.stats["index_hit" if out.changed is not None else "index_miss"] += 1
        self._new.index = out
        return out

    def draft(self, c: Cluster, outlets: CorpusOutlets, echo_similarity: float, name: Callable[[str], str],
              relays: RelayIndex, bounds: Mapping, passing: frozenset[str]) -> Draft:
        """:func:`storyline.reconcile.facts.draft_from_cluster`, memoised per cluster."""
        # Enough to tell a block's clusters apart; ``still`` checks every view (the same objects).
        key = (c.pclass, c.participants, c.views[0].claim.id if c.views else None, len(c.views), len(c.derived))
        mine = passing.intersection(map(_CLAIM_ID, c.views)) if passing else passing  # (at C speed: asked of every fact)
        for entry in self._old.drafts.get(key, ()):
            if entry.still(c, mine, name, relays, bounds, outlets):
                self.stats["drafts_hit"] += 1
                self._new.drafts.setdefault(key, []).append(entry)
                self._new.by_scan[entry.scan] = entry.draft
                if entry.scan in self._old.scans:
                    self._new.scans[entry.scan] = self._old.scans[entry.scan]
                if entry.scan in self._old.view_answers:
                    self._new.view_answers.setdefault(entry.scan, self._old.view_answers.pop(entry.scan))
                return entry.draft
        self.stats["drafts_miss"] += 1
        rec = _Recorded(name, relays, bounds, outlets)
        scan = self._scanning = _scan_key(c)  # (read by _sourcing, for this draft's cluster)
        # (taken over and brought up to date in place: the last generation gives it up)
        answers = self._new.view_answers.get(scan) or self._old.view_answers.pop(scan, None) or _EachAnswers()
        self._new.view_answers[scan] = answers
        answers.given = answers.added = 0
        draft = draft_from_cluster(c, rec.outlets, echo_similarity, rec.name, rec.relay, rec.bounds_view(), mine,
                                   self.sides, self._sourcing, answers)
        self.stats["viewed_hit"] += answers.given - answers.added
        self.stats["viewed_miss"] += answers.added
        self._new.drafts.setdefault(key, []).append(_DraftEntry(
            list(c.views), list(c.exemplars), list(c.derived), mine, outlets.outlets, rec.outlets.asked, rec.names,
            rec.relays, _beyond(rec.bounds, c.views), draft, scan, RelayIndex.pools_read(rec.relays)))
        self._new.by_scan[scan] = draft
        last = self._old.by_scan.get(scan)
        made = self._old.records.get(id(last)) if last is not None else None
        if made is not None and made[0] is last:
            self._new.grown[id(draft)] = made[2]
        self._new.last_of[id(c)] = (c, last)  # (for its gist: the same cluster object comes next)
        return draft

    def _sourcing(self, c: Cluster, outlets: CorpusOutlets, echo_similarity: float,
                  relays: Callable[[str, ClaimView], ClaimView | None] | None) -> Sourcing:
        """:func:`storyline.reconcile.independence.assess`, resumed from the last scan of the fact
        with the same class, people and first claim: the views both share in order, whose questions
        (to the corpus's outlets, to the relay lookups) get the same answers, are not scanned again,
        nor are those after a new view whose decision the new originals cannot change."""
        key = self._scanning or _scan_key(c)
        self._scanning = None
        out, trace = assess_traced(c, outlets, echo_similarity, relays, self._new.scans.get(key) or self._old.scans.get(key))
        self._new.scans[key] = trace
        self.stats["scanned_hit"] += trace.resumed + trace.kept
        self.stats["scanned_miss"] += len(trace.views) - trace.resumed - trace.kept
        return out

    def records(self, d: Draft) -> Records:
        """:func:`storyline.reconcile.facts.records`, memoised per draft object (a reused draft is
        the same object; drafts are not changed once made)."""
        known = self._old.records.get(id(d))
        if known is None or known[0] is not d:
            out = records(d, self._new.grown.pop(id(d), None))
            known = (d, out, dict(zip(d.echoes, out[2])))  # (made of them just now: in the same order)
        self._new.records[id(d)] = known
        return known[1]

    def told(self, rs: Sequence[ArticleReading], views: Sequence[ClaimView], cast: Cast, bounds: Bounds | None) -> Told:
        """:func:`storyline.reconcile.across.article_told`, memoised per article: reused when the
        readings and views are the same objects, and the story entities of its mentions and
        ages and its lower bounds are equal (all it reads of the story)."""
        aid = views[0].article.id
        known = self._old.told_by_article.get(aid)
        same = known is not None and _same(known.readings, rs)
        ids = known.ids if same else _told_ids(rs)
        of = tuple(map(cast.of.get, ids))
        own = tuple((bounds.get(aid) if bounds else None) or ())
        if same and _same(known.views, views) and known.of == of and known.bounds == own:
            self.stats["told_hit"] += 1
            self._new.told_by_article[aid] = known
            return known.told
        self.stats["told_miss"] += 1
        out = article_told(rs, views, cast, bounds)
        self._new.told_by_article[aid] = _ToldEntry(tuple(rs), list(views), ids, of, own, out)
        return out

    def ages(self, rs: Sequence[ArticleReading], views: Sequence[ClaimView], cast: Cast, at_starts: frozenset[int]) -> ArticleAges:
        """:func:`storyline.reconcile.attributes.article_ages`, memoised per article: reused when its
        readings and views are the same objects, and the story entities of its ages' people and
        the offsets of its Age records are equal (all it reads of the story)."""
        aid = rs[0].article.id if rs else views[0].article.id
        known = self._old.ages.get(aid)
        of = tuple(cast.story(g.entity) for r in rs for g in r.ages)
        if (known is not None and _same(known.readings, rs) and _same(known.views, views) and known.of == of
                and known.at_starts == at_starts):
            self.stats["ages_hit"] += 1
            self._new.ages[aid] = known
            return known.ages
        self.stats["ages_miss"] += 1
        out = article_ages(rs, views, cast, at_starts)
        self._new.ages[aid] = _AgesEntry(tuple(rs), list(views), of, at_starts, out)
        return out

    def age_draft(self, person: str, stated: Sequence, name: Callable[[str], str]) -> Draft:
        """:func:`storyline.reconcile.attributes.age_draft`, memoised per person: reused when the
        ages stated of them are the same, in the same order (the kept articles' are the same
        objects: compared at C speed), and so is their name (all it reads). A reused draft is
        the same object, so are its records."""
        known = self._old.age_drafts.get(person)
        said = name(person)
        if known is not None and known[1] == said and known[0] == stated:
            self.stats["age_drafts_hit"] += 1
            self._new.age_drafts[person] = known
            return known[2]
        self.stats["age_drafts_miss"] += 1
        out = age_draft(person, stated, name)
        self._new.age_drafts[person] = (list(stated), said, out)
        return out

    def gist(self, fact: Fact, c: Cluster) -> Gist:
        """:func:`storyline.reconcile.events.gist`, memoised per fact: reused when its cluster's
        views are the same objects in the same order (all it reads); a fact an article joined
        (its last draft's views, in their order, among its views: the draft of the same scan key)
        takes the new views into its last gist (:func:`storyline.reconcile.events.grown_gist`)."""
        known = self._old.gists.get(fact.id)
        if known is not None and _same(known[0], c.views):
            self.stats["gists_hit"] += 1
            self._new.gists[fact.id] = known
            return known[1]
        held = self._new.last_of.get(id(c))
        last = held[1] if held is not None and held[0] is c else self._old.by_scan.get(_scan_key(c))
        known = self._old.gists.get(last.fact_id) if last is not None else None
        out = None
        if known is not None:
            held = set(map(id, known[0]))  # (the last views are held: an id found is that view's)
            old = list(map(held.__contains__, map(id, c.views)))
            if _same(list(compress(c.views, old)), known[0]):
                out = grown_gist(known[1], known[2], list(compress(c.views, map(not_, old))))
        self.stats["gists_grown" if out is not None else "gists_miss"] += 1
        if out is None:
            out = gist_parts(c.views)
        self._new.gists[fact.id] = (list(c.views), *out)
        return out[0]

    def sides(self, statement: ClaimView, views: Sequence[ClaimView], c: Cluster, name: Callable[[str], str],
              bounds: Mapping | None) -> list[str]:
        """:func:`storyline.reconcile.facts.stances`, memoised per fact and statement: a fact a new
        article joins mostly keeps its statement, and each old claim its side. A claim's side is
        reused when the statement and the claim are the same objects as last time, in a fact of
        the same class and people, and every name and lower bound it read is the same; ``name`` and
        ``bounds`` are the draft's, so the draft records them too. The claims held are checked at C
        speed; only the few that read a name or another article's bounds are asked those again."""
        key = (statement.claim.id, c.pclass, c.participants)
        entry = self._new.sides.get(key) or self._old.sides.pop(key, None)  # brought up to date in place
        if entry is None or entry.statement is not statement:
            entry = _SidesEntry(statement)
        self._new.sides[key] = entry
        ids = list(map(id, views))
        now = set(ids)
        stale = {i for i in entry.names.keys() & now if any(name(e) != n for e, n in entry.names[i].items())}
        stale.update(i for i in entry.bounds.keys() & now
                     if any(tuple((bounds.get(a) if bounds is not None else None) or ()) != seen
                            for a, seen in entry.bounds[i].items()))
        new = now - entry.sides.keys()
        if stale or len(entry.sides) > len(now) - len(new):  # some held claims are not given, or read otherwise
            for i in (entry.sides.keys() - now) | stale:
                del entry.sides[i], entry.items[i]
                entry.names.pop(i, None)
                entry.bounds.pop(i, None)
            new |= stale
        self.stats["sides_hit"] += len(now) - len(new)
        for i, v in compress(zip(ids, views), map(new.__contains__, ids)):  # the new ones, at C speed
            if i in entry.sides:  # a claim given twice is asked once
                continue
            self.stats["sides_miss"] += 1
            names: dict[str, str] = {}
            seen: dict[str, object] = {}

            def asked(entity: str) -> str:
                out = names[entity] = name(entity)
                return out

            entry.items[i] = v
            entry.sides[i] = stance(statement, v, c, asked, _RecordedBounds(bounds, seen) if bounds is not None else None)
            if names:
                entry.names[i] = names
            seen = _beyond(seen, (statement, v))
            if seen:
                entry.bounds[i] = seen
        return list(map(entry.sides.__getitem__, ids))
