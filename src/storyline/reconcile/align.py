"""Claims aligned into facts: blocking, then compatibility, then lexical similarity.

Blocks are keyed by (predicate class, the story entities taking part); a claim no pack classes is
keyed by its predicate's WordNet event key (``Claim.event_key``: "injure" and "wound", "marry" and
"wedding" share one; a phrasal verb WordNet files under its head takes the head's,
``storyline.core.words.phrasal_key``), else its predicate. Nothing is compared across
blocks, and inside a block a claim is scored only against the few clusters that share a content
token with it (an inverted index), so the cost grows with the number of claims times the number of
distinct events per block, not with the square of the corpus.

Two kinds of predicate class:

* **once-only** (marriage, separation, meeting): the same people marry, split or first meet
  once, so every claim of the class about the same people is one fact, whatever date it gives;
  differing dates then become *conflicts* instead of splitting the fact.
* **repeatable** (children, affair, residence, feeling, statement, appearance, ...; a couple can
  have several children): claims join a fact only when their times are compatible and their
  content is similar enough (``ReconcileOptions.similarity_threshold``).

A claim naming fewer people than a fact ("Portman separated" vs "Portman and Millepied
separated") joins the one fact of its class that includes them. Denials ("he denied the affair")
join the fact they deny, chosen by the denied subject ("affair", "split") among the facts about
the denier; negated claims on the record ("I never cheated", Vance said) likewise join the fact of
their own class about the same people. A claim whose people were not resolved ("They married in
2014") joins the single fact of a once-only class, or the most similar fact of its class. Claims implying a wedding date ("10th wedding anniversary", "after 11 years of
marriage") are attached to the couple's marriage fact as derived evidence (``Cluster.derived``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import attrgetter
from typing import Callable, Protocol, Sequence

from storyline.core.packs import block_event, class_of, once_only_events
from storyline.core.vocab import source_kind
from storyline.reconcile.embeddings import Encoder, cosine
from storyline.reconcile.features import ClaimView, Each, each

__all__ = ["Blocker", "Cluster", "align", "block_class", "block_key", "cluster_block", "ONCE_ONLY", "jaccard"]

# Once-only classes and sub-events (marriage, separation, a first meeting in the celebrity pack):
# the packs say which; a pack class splits into sub-events ("separate" and "file for divorce" are
# months apart) through its "events".
ONCE_ONLY = once_only_events()
_DENIAL = "denial"
_MAX_EXEMPLARS = 5
_MAX_CANDIDATES = 12


def _disputable(pclass: str) -> bool:
    # Negations that dispute a fact even in other words ("I never cheated" against "had an affair"):
    # events a person can deny on the record. Other negated claims align by similarity like any claim.
    found = class_of(pclass)
    return found is not None and found.disputable


def _cue(v: ClaimView, prefix: str) -> list[str]:
    return [c[len(prefix):] for c in v.claim.cues if c.startswith(prefix)]


def block_class(v: ClaimView) -> str:
    """The class a claim is blocked under: its predicate class, split into events by the pack.

    The read stage may have moved the claim to another class by its wording (cue ``class:<class>``:
    "living apart" filed under residence states the separation itself; a claim no predicate typed
    joins the affair class when it plainly names one, "romantically involved with").
    """
    moved = _cue(v, "class:")
    return block_event(moved[0] if moved else v.pclass, v.claim.predicate)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0 for two empty sets)."""
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def most_alike(a: frozenset[str], exemplars: Sequence[ClaimView]) -> float:
    """``max(jaccard(a, e.tokens) for e in exemplars)`` (``exemplars`` not empty), in one loop:
    alignment asks it of each claim and each candidate fact, 200,000 times in a big story."""
    best = None
    n = len(a)
    for e in exemplars:
        b = e.tokens
        if not n or not b:
            sim = 0.0
        else:
            inter = len(a & b)
            sim = inter / (n + len(b) - inter)
        if best is None or sim > best:
            best = sim
    return best


@dataclass
class Cluster:
    """A fact in the making: its claims, plus claims that bear on it indirectly."""

    pclass: str
    participants: frozenset[str]
    views: list[ClaimView] = field(default_factory=list)
    exemplars: list[ClaimView] = field(default_factory=list)
    derived: list[ClaimView] = field(default_factory=list)  # implied wedding dates (marriage facts)

    def add(self, v: ClaimView) -> None:
        self.views.append(v)
        if len(self.exemplars) < _MAX_EXEMPLARS:
            self.exemplars.append(v)

    def absorb(self, other: "Cluster") -> None:
        for v in other.views:
            self.add(v)
        self.derived.extend(other.derived)


class Similarities(Protocol):
    """A memo of :meth:`_Scorer.sim` (``storyline.reconcile.incremental``'s, across reconciles):
    keyed by the ids of the claim and of the exemplars compared, each answer held with them."""

    def get(self, key: tuple) -> tuple | None: ...

    def __setitem__(self, key: tuple, answer: tuple) -> None: ...


class _Scorer:
    def __init__(self, encoder: Encoder | None, views: Sequence[ClaimView], sims: Similarities | None = None):
        self.sims = sims
        self.vectors: dict[str, list[float]] = {}
        if encoder is not None and views:
            for v, vec in zip(views, encoder([v.claim.text for v in views])):
                self.vectors[v.claim.id] = vec

    def sim(self, v: ClaimView, c: Cluster) -> float:
        if self.vectors:
            return max(cosine(self.vectors[v.claim.id], self.vectors[e.claim.id]) for e in c.exemplars)
        if self.sims is None:
            return most_alike(v.tokens, c.exemplars)
        # A new article leaves most facts' exemplars (their first claims) as they were: the
        # denials and re-clustered blocks of a grown story mostly ask what they asked last time.
        key = (id(v), *map(id, c.exemplars))
        known = self.sims.get(key)
        if known is None:
            known = (most_alike(v.tokens, c.exemplars), v, tuple(c.exemplars))
            self.sims[key] = known
        return known[0]


def _time_ok(v: ClaimView, c: Cluster) -> bool:
    if v.span is None:
        return True
    spans = [e.span for e in c.exemplars if e.span is not None]
    return not spans or any(v.span.overlaps(s) for s in spans)


def _post(postings: dict[str, list[int]], v: ClaimView, i: int) -> None:
    """Index an exemplar's words under its cluster ``i`` (once per word and cluster)."""
    for t in v.tokens:
        if not postings[t] or postings[t][-1] != i:
            postings[t].append(i)


def _greedy(block: list[ClaimView], key: tuple, scorer: _Scorer, threshold: float,
            picks: list[int] | None = None, known: Sequence[int | None] | None = None) -> list[Cluster]:
    """Each claim in turn joins the most similar cluster sharing a word with it, or starts one.

    ``picks`` (if given) gets the cluster each claim joined. ``known``: per claim, the cluster it
    joined when the block was clustered without the claims marked None (the same claim objects, in
    the same order). Those picks are taken as they are until a claim marked None changes what the
    later ones read (it starts a cluster, or becomes an exemplar: postings, exemplars and the
    clusters' number are all a pick reads); from there on each claim is scored."""
    clusters: list[Cluster] = []
    postings: dict[str, list[int]] = defaultdict(list)
    replay = known is not None
    for n, v in enumerate(block):
        if replay and known[n] is not None:
            if known[n] == len(clusters):  # it started a cluster then
                clusters.append(Cluster(key[0], key[1]))
            c = clusters[known[n]]
            if len(c.exemplars) < _MAX_EXEMPLARS:
                _post(postings, v, known[n])
            c.add(v)
            if picks is not None:
                picks.append(known[n])
            continue
        shared = Counter(chain.from_iterable(map(postings.get, v.tokens, repeat(()))))  # (at C speed: once a claim)
        # Sorted explicitly: token sets iterate in hash order, and ties must not depend on it.
        cands = sorted(shared, key=lambda i: (-shared[i], i))[:_MAX_CANDIDATES]
        if scorer.vectors:  # vectors can match without a shared word: also try the latest clusters
            cands += [i for i in range(max(0, len(clusters) - _MAX_CANDIDATES), len(clusters)) if i not in shared]
        best, best_sim = None, threshold
        for i in cands:
            c = clusters[i]
            if v.span is not None and not _time_ok(v, c):  # (an undated claim fits any time)
                continue
            s = scorer.sim(v, c)
            if s > best_sim or (s == best_sim and (best is None or i < best)):
                best, best_sim = i, s
        if best is None:
            clusters.append(Cluster(key[0], key[1]))
            best = len(clusters) - 1
            replay = False
        c = clusters[best]
        if len(c.exemplars) < _MAX_EXEMPLARS:
            replay = False
            _post(postings, v, best)
        c.add(v)
        if picks is not None:
            picks.append(best)
    return clusters


def _index(clusters: list[Cluster]) -> dict[tuple[str, str], list[int]]:
    idx: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        for p in c.participants:
            idx[(c.pclass, p)].append(i)
    return idx


def _supersets(c: Cluster, idx: dict[tuple[str, str], list[int]], clusters: list[Cluster]) -> list[int]:
    if not c.participants:
        return []
    pools = [set(idx.get((c.pclass, p), ())) for p in c.participants]
    common = set.intersection(*pools)
    return sorted(i for i in common if c.participants < clusters[i].participants)


def _class_postings(clusters: list[Cluster]) -> dict[tuple[str, str], list[int]]:
    """(class, token) → clusters with participants whose exemplars use the token."""
    post: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        if c.participants:
            for t in {t for e in c.exemplars for t in e.tokens}:
                post[(c.pclass, t)].append(i)
    return post


def _nobody_candidates(c: Cluster, post: dict[tuple[str, str], list[int]], by_class: dict[str, list[int]]) -> list[int]:
    # "They married in 2014" with "they" unresolved: any fact of the class may be meant. Once-only
    # classes take all (the caller then needs a single couple); others the few sharing most words.
    if c.pclass in ONCE_ONLY:
        return by_class.get(c.pclass, [])
    shared = Counter(j for t in {t for e in c.exemplars for t in e.tokens} for j in post.get((c.pclass, t), ()))
    return sorted(sorted(shared, key=lambda j: (-shared[j], j))[:_MAX_CANDIDATES])


def _dominant(cands: list[int], clusters: list[Cluster]) -> int | None:
    """The one couple a once-only claim can mean: the only candidate, or one with at least twice the
    claims of any other (a story is about one couple; a misread "the couple" elsewhere is rare)."""
    sizes: dict[frozenset[str], int] = defaultdict(int)
    first: dict[frozenset[str], int] = {}
    for j in cands:
        sizes[clusters[j].participants] += len(clusters[j].views)
        first.setdefault(clusters[j].participants, j)
    ranked = sorted(sizes, key=lambda p: (-sizes[p], first[p]))
    if len(ranked) == 1 or sizes[ranked[0]] >= 2 * sizes[ranked[1]]:
        return first[ranked[0]]
    return None


def _merge_subsets(clusters: list[Cluster], scorer: _Scorer, threshold: float) -> list[Cluster]:
    idx = _index(clusters)
    post = _class_postings(clusters)
    by_class: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        if c.participants:
            by_class[c.pclass].append(i)
    gone: set[int] = set()
    # Smallest sets first, and people-less claims last, once the named facts have merged.
    for i in sorted(range(len(clusters)), key=lambda i: (not clusters[i].participants, len(clusters[i].participants))):
        c = clusters[i]
        found = _supersets(c, idx, clusters) if c.participants else _nobody_candidates(c, post, by_class)
        cands = [j for j in found if j not in gone and j != i]
        if not cands:
            continue
        if c.pclass in ONCE_ONLY:
            target = _dominant(cands, clusters)
            if target is None:
                continue  # "Portman married" with two equally likely spouses: leave it alone
        else:
            scored = [(scorer.sim(e, clusters[j]), -j) for j in cands for e in c.exemplars[:1] if _time_ok(e, clusters[j])]
            if not scored or max(scored)[0] < threshold:
                continue
            target = -max(scored)[1]
        clusters[target].absorb(c)
        gone.add(i)
    return [c for i, c in enumerate(clusters) if i not in gone]


def _attach_denials(denials: list[ClaimView], clusters: list[Cluster], scorer: _Scorer, threshold: float) -> None:
    idx = _index(clusters)
    by_person: dict[str, list[int]] = defaultdict(list)
    for (_, p), ids in idx.items():
        by_person[p].extend(ids)
    for v in denials:
        # The denier (subject or speaker) must take part in the denied fact; the people the denial
        # names then rank candidates ("denied the affair with Reyes" prefers the affair with Reyes).
        core = {x for x in (v.subject, v.source_entity) if x}
        deniers = set(v.participants) | core
        if v.pclass == _DENIAL:  # what it denies, as the read stage found it in its words
            wanted = next(iter(_cue(v, "about:")), None)
        else:  # an on-record negation ("I never cheated", Vance said) disputes a fact of its class
            wanted = block_class(v)
        cands: set[int] = set()
        for p in core or deniers:
            if wanted:
                for sub in _events_of(wanted):
                    cands.update(idx.get((sub, p), ()))
            else:
                cands.update(by_person.get(p, ()))
        if wanted and not cands:
            # The pack may have filed the denied claims elsewhere ("romantically involved with"
            # as no class): take the denier's facts whose wording is about the denied subject.
            about = f"about:{wanted.split(':')[0]}"
            for p in core or deniers:
                cands.update(i for i in by_person.get(p, ())
                             if any(about in e.claim.cues for e in clusters[i].exemplars))
        # The most deniers taken part first: only the candidates sharing that many are scored
        # (a similarity is the costly part of the key, and most candidates lose on the first).
        shared = {i: len(clusters[i].participants & deniers) for i in sorted(cands) if clusters[i].pclass != _DENIAL}
        most = max(shared.values(), default=0)
        best, best_key = None, None
        for i, n in shared.items():
            if n < most:
                continue
            key = (n, scorer.sim(v, clusters[i]), len(clusters[i].views))
            if best_key is None or key > best_key:
                best, best_key = i, key
        if best is not None and (wanted or best_key[1] >= threshold / 2):
            clusters[best].add(v)
        else:
            # Nothing to dispute in the corpus: the denial or negated claim is a fact of its own.
            clusters.append(Cluster(block_class(v), frozenset(v.participants), [v], [v]))


def _events_of(pclass: str) -> tuple[str, ...]:
    """The blocks a denial of ``pclass`` may dispute: the class and its sub-events."""
    found = class_of(pclass)
    subs = sorted(set(found.events.values())) if found is not None else []
    return (pclass, *(f"{pclass}:{s}" for s in subs))


_DERIVED = attrgetter("derived")  # a Derived (always true) or None


def _attach_derived(views: Sequence[ClaimView], clusters: list[Cluster]) -> None:
    marriages: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(clusters):
        if c.pclass == "marriage":
            for p in c.participants:
                marriages[p].append(i)
    for v in compress(views, map(_DERIVED, views)):  # the few claims implying a date, at C speed
        if not v.participants:
            continue
        pools = [set(marriages.get(p, ())) for p in v.participants]
        common = set.intersection(*pools)
        exact = [i for i in common if clusters[i].participants == v.participants]
        pick = exact or sorted(common)
        if len(pick) == 1 or exact:
            clusters[pick[0]].derived.append(v)


Blocker = Callable[[tuple, list[ClaimView], "_Scorer", float], list[Cluster]]
def block_key(v: ClaimView) -> tuple | None:
    """The block a claim is aligned in: (its :func:`block_class`, its people); None for a denial
    or an on-record negation of a disputable class (attached to the fact it disputes instead).
    Reads only the view (and the process's packs)."""
    if v.pclass == _DENIAL or (v.claim.polarity == "negative" and _disputable(v.pclass)
                               and source_kind(v.claim.source.kind).on_record):
        return None
    return block_class(v), v.participants


def cluster_block(key: tuple, block: list[ClaimView], scorer: "_Scorer", threshold: float,
                  picks: list[int] | None = None, known: Sequence[int | None] | None = None) -> list[Cluster]:
    """The clusters of one block (``key``: its class and participants), from its views alone.
    ``picks`` and ``known``: :func:`_greedy`'s, for a block clustered by similarity (a once-only
    class's block is one cluster: ``picks`` is left empty)."""
    if key[0] in ONCE_ONLY and key[1]:
        c = Cluster(key[0], key[1])
        for v in block:
            c.add(v)
        return [c]
    return _greedy(block, key, scorer, threshold, picks, known)


def align(views: Sequence[ClaimView], threshold: float, encoder: Encoder | None = None,
          blocker: Blocker = cluster_block, each: Each = each, sims: Similarities | None = None) -> list[Cluster]:
    """Group claim views into clusters (facts), deterministically for a given input order.

    ``blocker`` clusters one block (:func:`cluster_block`, or a memo of it: the clusters it returns
    are merged and extended here, so they must be new objects each call); ``each`` maps
    :func:`block_key` over the views (or a memo of it); ``sims`` keeps lexical similarities (None: none kept)."""
    scorer = _Scorer(encoder, views, sims)
    blocks: dict[tuple, list[ClaimView]] = defaultdict(list)
    denials: list[ClaimView] = []
    for v, key in zip(views, each(block_key, views)):
        if key is None:
            denials.append(v)
        else:
            blocks[key].append(v)
    clusters: list[Cluster] = []
    for key in sorted(blocks, key=lambda k: (k[0], sorted(k[1]))):
        clusters.extend(blocker(key, blocks[key], scorer, threshold))
    clusters = _merge_subsets(clusters, scorer, threshold)
    _attach_denials(denials, clusters, scorer, threshold)
    _attach_derived(views, clusters)
    return clusters
