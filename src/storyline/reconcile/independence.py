"""Who really stands behind a fact: echoes, original sources and the evidence grade.

Each claim of a fact gets a *source identity*; ``independent_sources`` is the number of distinct
identities among the claims that assert the fact. Identities:

* a named person or their own post → the person (two outlets quoting Portman are one source);
* the outlet's own reporting, its unattributed narration, its observations and its anonymous
  sources → the outlet (one origin per outlet: "Us confirmed" and "an Us insider says" are not
  independent of each other), unless an anonymous quote repeats the words of one already seen in
  another outlet, which makes it that outlet's insider (an echo);
* a document → the document; rumors → one "rumor";
* a relay of another outlet ("according to Us Weekly", ``via`` another outlet, "according to
  reports") → an echo: it takes the identity of the original claim when that is in the fact, else
  of the named outlet (one per outlet), else of "reports";
* a near-duplicate sentence of an earlier claim in another outlet → an echo of it.

Copies are recognised by words the reader recorded, never by reading the text here: a claim's
content lemmas (:attr:`Claim.lemmas`) and the word forms of the sentence holding it
(:attr:`ClaimView.sentence_words`, from the reader's sentences).

Claims are visited in publication order, so the earliest report is the original. Comparisons for
copied words are limited to the most recent originals of the fact (``_WINDOW``) plus an exact
lookup, so this stays linear.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, count, repeat
from operator import and_, attrgetter, eq, is_, is_not, itemgetter, ne
from typing import Callable, Iterable, Sequence

from storyline.core.vocab import GRADE, grade_of, source_kind
from storyline.read.attribution.lexicon import cue_lexicon
from storyline.reconcile.align import Cluster, jaccard
from storyline.reconcile.features import ClaimView
from storyline.reconcile.names import names_outlet, outlet_key, outlet_matches


__all__ = ["CorpusOutlets", "RecordedOutlets", "ScanTrace", "Sourcing", "assess", "assess_traced", "RelayIndex", "GRADES", "GRADE_RANK"]

GRADES: tuple[str, ...] = tuple(GRADE)
GRADE_RANK = {g.name: g.rank for g in GRADE.values()}
_CLAIM_ID, _ORDER = attrgetter("claim.id"), attrgetter("order")
_PCLASS, _POLARITY = attrgetter("pclass"), attrgetter("claim.polarity")
_WINDOW = 50
_FIRST, _SWORDS = itemgetter(0), itemgetter(2)  # of an original: (view, words, sentence words, outlet)
_RELAY_SIMILARITY = 0.2
_RELAY_CAP = 200
_MIN_COPY_WORDS = 8  # shorter sentences match by chance too often to prove copying


@dataclass
class Sourcing:
    """Independence of one fact."""

    identity: dict[str, tuple] = field(default_factory=dict)  # claim id → source identity
    grade_by: dict[str, str] = field(default_factory=dict)  # claim id → grade of its original source
    echoes: list[tuple[str, str | None, str]] = field(default_factory=list)  # (claim, original, reason)
    independent: int = 0
    grade: str = "unattributed"


class CorpusOutlets:
    """The outlets of the corpus, asked two things: which one a source's words name, and which
    ones a relayed outlet's name matches (an object, so a memo can record what was asked)."""

    def __init__(self, outlets: Sequence[str]):
        self.outlets = tuple(outlets)
        self._keys = {outlet_key(o): o for o in outlets}  # key -> display name
        # Each answer, by key: both compare the key with every outlet, and a story asks of the same
        # few sources (and a cache asks again of each claim it reuses) thousands of times.
        self._named: dict[str, str | None] = {}
        self._matching: dict[str, tuple[str, ...]] = {}

    def named_by(self, key: str) -> str | None:
        """The display name of the first outlet whose name ``key`` (a source's text) names."""
        if key not in self._named:
            self._named[key] = next((name for k, name in self._keys.items() if names_outlet(key, k)), None)
        return self._named[key]

    def matching(self, key: str) -> list[str]:
        """The keys of the outlets a relayed outlet's key matches."""
        if key not in self._matching:
            self._matching[key] = tuple(k for k in self._keys if key and outlet_matches(key, k))
        return list(self._matching[key])


class RelayIndex:
    """Finds, anywhere in the corpus, the claim a relay re-reports: same outlet, a shared person,
    published no later, most similar wording (at least ``_RELAY_SIMILARITY``).

    Candidates per (outlet, person) are capped (``_RELAY_CAP`` most recent), so lookups stay
    constant-time on large corpora. ``memo`` (the last reconcile's answers, and a dict for this
    one's: storyline.reconcile.incremental) keeps each lookup's answer with the candidates it
    compared; an answer is reused when the claim and those candidates are the same objects, so it
    is what the lookup would find again.
    """

    def __init__(self, views: Sequence[ClaimView], memo: tuple[dict, dict] | None = None,
                 last: "RelayIndex | None" = None):
        self._memo = memo
        self._views = list(views)  # held, so the ids in ``_ids`` stay theirs
        self._ids = set(map(id, self._views))
        # The (outlet, person) keys whose candidates changed since ``last`` (None: any may have).
        self.changed: set[tuple[str, str | None]] | None = None
        # The views :meth:`_grow` added under each key, which :meth:`_again` compares (empty when built).
        self._added: dict[tuple[str, str | None], list[ClaimView]] = {}
        if last is not None and last._by is not None and self._grow(last):
            return
        self._by: dict[tuple[str, str | None], list[ClaimView]] = {}
        for v in sorted(views, key=lambda v: v.order):
            outlet = outlet_key(v.outlet)
            for p in v.participants or (None,):
                self._by.setdefault((outlet, p), []).append(v)

    def _grow(self, last: "RelayIndex") -> bool:
        """Take over ``last``'s candidates (``last`` gives them up) and add the views it did not
        have, each where a build would put it (by order); False when one of ``last``'s views is
        gone, or two claims share an order (a build keeps those in the order given): build anew."""
        if len(self._ids) != len(self._views) or not last._ids <= self._ids:
            return False
        self._by, last._by = last._by, None
        changed: set[tuple[str, str | None]] = set()
        for v in sorted((v for v in self._views if id(v) not in last._ids), key=lambda v: v.order):
            outlet = outlet_key(v.outlet)
            for p in v.participants or (None,):
                pool = self._by.setdefault((outlet, p), [])
                at = bisect_left(pool, v.order, key=lambda o: o.order)
                if at < len(pool) and pool[at].order == v.order:
                    return False
                pool.insert(at, v)
                changed.add((outlet, p))
                self._added.setdefault((outlet, p), []).append(v)
        self.changed = changed
        return True

    def _pools(self, outlet: str, v: ClaimView) -> list[list[ClaimView]]:
        return [self._by.get((outlet, p), [])[-_RELAY_CAP:] for p in v.participants or (None,)]

    def __call__(self, outlet: str, v: ClaimView) -> ClaimView | None:
        if self._memo is None:
            return self._find(v, self._pools(outlet, v))
        last, now = self._memo
        key = (outlet, v.claim.id)
        known = now.get(key) or last.get(key)
        if (known is not None and known[0] is v and self.changed is not None
                and self.changed.isdisjoint(zip(repeat(outlet), v.participants or (None,)))):
            now[key] = known  # its candidates are the ones it was compared with: the same answer
            return known[2]
        pools = self._pools(outlet, v)
        # Lists compare item by item, identical objects without calling __eq__: cheap.
        if known is None or known[0] is not v:
            known = (v, pools, self._find(v, pools))
        elif known[1] != pools:
            known = (v, pools, self._again(outlet, v, known[1], pools, known[2]))
        now[key] = known
        return known[2]

    def kept(self, lookups: Sequence[tuple[str, ClaimView, ClaimView | None]], pools: frozenset) -> bool:
        """Whether each lookup ``(outlet, claim, answer)`` asked of the last index (the one this
        one grew from) is answered the same, known without comparing: none of the ``pools``
        ((outlet, person) keys) they read took a view (:meth:`pools_read`). Each lookup's memo
        is carried over to this reconcile's (one not memoised is asked, to fill it)."""
        if self._memo is None or self.changed is None or not pools.isdisjoint(self.changed):
            return False
        last, now = self._memo
        for outlet, v, found in lookups:
            key = (outlet, v.claim.id)
            known = now.get(key) or last.get(key)
            if known is not None and known[0] is v and known[2] is found:
                now[key] = known
            elif self(outlet, v) is not found:
                return False
        return True

    @staticmethod
    def pools_read(lookups: Iterable[tuple[str, ClaimView, object]]) -> frozenset:
        """The (outlet, person) keys of the candidates ``lookups`` ((outlet, claim, ...)) compared."""
        return frozenset((outlet, p) for outlet, v, *_ in lookups for p in v.participants or (None,))

    def _find(self, v: ClaimView, pools: list[list[ClaimView]]) -> ClaimView | None:
        return _closest(v, (o for pool in pools for o in pool), None)

    def _again(self, outlet: str, v: ClaimView, was: list[list[ClaimView]], pools: list[list[ClaimView]],
               found: ClaimView | None) -> ClaimView | None:
        """:meth:`_find` of ``v`` in ``pools``, knowing it found ``found`` in ``was``: the answer is the
        closest candidate whatever the order they are compared in, so while ``found`` is still a
        candidate (or none was), only the candidates added since are compared with it."""
        if self.changed is not None:
            # Grown from the index ``was`` was taken from: a candidate it did not have is one added
            # since (an insertion only pushes the oldest out of a pool's window), so those are compared.
            if found is not None and not any(any(map(is_, pool, repeat(found))) for pool in pools):
                return self._find(v, pools)
            fresh = (o for p, pool in zip(v.participants or (None,), pools) if pool
                     for o in self._added.get((outlet, p), ()) if o.order >= pool[0].order)
            return _closest(v, fresh, found)
        before = {id(o) for pool in was for o in pool}  # ``was`` holds them: no id is reused meanwhile
        now = {id(o): o for pool in pools for o in pool}
        if found is not None and id(found) not in now:
            return self._find(v, pools)
        return _closest(v, (o for k, o in now.items() if k not in before), found)


def _closest(v: ClaimView, candidates: Iterable[ClaimView], best: ClaimView | None) -> ClaimView | None:
    """Of ``best`` and ``candidates``, the claim published no later than ``v`` whose wording is the
    most similar to its (above ``_RELAY_SIMILARITY``; the first told on a tie): the same answer in
    any order of ``candidates``."""
    best_sim = _RELAY_SIMILARITY if best is None else jaccard(v.tokens, best.tokens)
    seen: set[str] = set()
    for o in candidates:
        if o.claim.id in seen or (o.published and v.published and o.published > v.published):
            continue
        seen.add(o.claim.id)
        sim = jaccard(v.tokens, o.tokens)
        if sim > best_sim or (sim == best_sim and best is not None and o.order < best.order):
            best, best_sim = o, sim
    return best


def _own_identity(v: ClaimView) -> tuple:
    s = v.claim.source
    origin = source_kind(s.kind).origin
    if origin == "person":
        return ("person", v.source_entity or (s.text or "").lower())
    if origin == "document":
        return ("document", (s.text or v.article.id).lower())
    if origin == "rumor":
        return ("rumor",)
    # The outlet's own reporting, its narration, what its reporters saw and what its anonymous
    # sources told it are one origin: the outlet vouches for all of them, and nothing lets a
    # reader tell its insiders apart from its reporting.
    return ("outlet", outlet_key(v.outlet))


@lru_cache(maxsize=1)
def _generic_nouns() -> frozenset[str]:
    # The reader's media nouns ("reports", "the press") and outlet nouns ("the magazine"): a relay
    # through one names no particular outlet.
    cues = cue_lexicon()
    return cues.media_nouns | cues.outlet_nouns


def _relayed_outlet(v: ClaimView, corpus: CorpusOutlets) -> str | None:
    """The other outlet a claim is relayed from, as written, or None.

    ``via`` and an other_media source name it; so does a source whose text is the name of another
    outlet of the corpus, whatever kind the attribution gave it ("according to StarWatch Weekly").
    """
    s = v.claim.source
    text, other_media = s.text, s.kind == "other_media"
    if not (s.via or text and s.kind != "anonymous"):
        return None  # (most claims: asked of every claim of every fact scanned)
    own = outlet_key(v.outlet)
    for named in (s.via, text if other_media else None):
        key = outlet_key(named)
        if key and key not in _generic_nouns() and not outlet_matches(key, own):
            return named
    key = outlet_key(text)
    if s.kind != "anonymous" and key and not names_outlet(key, own):
        named = corpus.named_by(key)
        if named is not None:
            return named
    return None


def _names_own_outlet(v: ClaimView) -> bool:
    """An "other media" source that is the publishing outlet itself ("StarWatch confirmed" in StarWatch)."""
    return outlet_matches(outlet_key(v.claim.source.text), outlet_key(v.outlet))


@dataclass
class ScanTrace:
    """What :func:`assess` did, view by view, so a later call can resume after the views it shares
    with this one (:func:`assess_traced`): each view in order, the sizes of the state before it
    (originals, echoes), each question it asked of the corpus's outlets and of ``elsewhere``
    with the answer, and what it decided and on what (:data:`Decision`)."""

    echo_similarity: float
    asked_elsewhere: bool  # an ``elsewhere`` was given: a scan without one asks no relay lookup
    views: list[ClaimView]
    marks: list[tuple[int, int]]  # before views[i]: (len(originals), len(echoes))
    asked: list[list[tuple]]  # per view: ("named_by"|"matching", key, answer) or ("elsewhere", key, view, answer)
    originals: list[tuple[ClaimView, frozenset[str], frozenset[str], str]]  # (view, words, sentence words, outlet)
    out: Sourcing
    unique: bool  # no two views of one claim (each claim's identity was then set by its own view)
    resumed: int = 0  # views taken from the trace it resumed, not scanned again
    decided: list[tuple] = field(default_factory=list)  # per view: its Decision
    kept: int = 0  # views after the first new one whose decision was kept, not scanned again
    # Outlet key → the positions in ``originals`` of its first ``_WINDOW`` originals: a scan
    # resumed at a prefix takes those before the prefix's end (the first of the prefix's).
    by_outlet: dict[str, list[int]] = field(default_factory=dict)


# What the scan decided of a view, and what that read of the scan's state (the originals before it):
# (read, effect). ``read``: ("relay", keys of the relayed outlets in the corpus, "according to reports")
# for a relay (it read those outlets' first originals, or for reports the earliest original); ("exact",)
# for a copy of the first original with the same sentence; ("window", original, originals after it) for
# a copy found among the latest originals; ("own",) for an original (unless its sentence is too short to
# copy, it read the latest originals and found no copy). Both of these read the first original of their
# sentence too (none, or one in their own outlet). ``effect``: None (an original), ("echo", original or None, reason, identity) or
# ("other", the other fact's claim, reason).
Decision = tuple[tuple, tuple | None]


class RecordedOutlets(CorpusOutlets):
    """The corpus's outlets, asked through here so each question and its answer is recorded."""

    def __init__(self, outlets: CorpusOutlets):
        self._inner = outlets
        self.outlets = outlets.outlets
        self.asked: list[tuple] = []

    def named_by(self, key: str) -> str | None:
        out = self._inner.named_by(key)
        self.asked.append(("named_by", key, out))
        return out

    def matching(self, key: str) -> list[str]:
        out = self._inner.matching(key)
        self.asked.append(("matching", key, list(out)))
        return out


class _Asking(RecordedOutlets):
    """:class:`RecordedOutlets` that records the lookups ``elsewhere`` too (one view's questions)."""

    def __init__(self, corpus: CorpusOutlets, elsewhere: Callable[[str, ClaimView], ClaimView | None] | None):
        super().__init__(corpus)
        self._elsewhere = elsewhere

    def elsewhere(self, key: str, v: ClaimView) -> ClaimView | None:
        out = self._elsewhere(key, v)
        self.asked.append(("elsewhere", key, v, out))
        return out


def _same_answers(asked: list[tuple], corpus: CorpusOutlets,
                  elsewhere: Callable[[str, ClaimView], ClaimView | None] | None) -> bool:
    for q in asked:
        if q[0] == "elsewhere":
            if elsewhere is None or elsewhere(q[1], q[2]) is not q[3]:
                return False
        elif (corpus.named_by(q[1]) if q[0] == "named_by" else corpus.matching(q[1])) != q[2]:
            return False
    return True


def _usable(last: ScanTrace | None, echo_similarity: float,
            elsewhere: Callable[[str, ClaimView], ClaimView | None] | None) -> bool:
    """Whether a scan may take anything from ``last``: made with the same similarity, asking
    ``elsewhere`` or not as this one does, of one view per claim."""
    return last is not None and last.echo_similarity == echo_similarity \
        and last.asked_elsewhere == (elsewhere is not None) and last.unique


def _resume_at(last: ScanTrace | None, views: Sequence[ClaimView], echo_similarity: float, corpus: CorpusOutlets,
               elsewhere: Callable[[str, ClaimView], ClaimView | None] | None) -> int:
    """How many of ``views`` the scan may skip, taking its state from ``last``: the views before the
    first that is not the same object as in ``last``, or whose questions are now answered otherwise
    (the state before a view depends only on the views before it and their answers)."""
    if not _usable(last, echo_similarity, elsewhere):
        return 0
    # The shared prefix at C speed (a large fact's claims), then the few views that asked anything.
    n = next(compress(count(), map(is_not, last.views, views)), min(len(last.views), len(views)))
    for at in compress(range(n), last.asked):  # (a view that asked nothing reads no answer)
        if not _same_answers(last.asked[at], corpus, elsewhere):
            return at
    return n


def _first_copy(v: ClaimView, swords: frozenset[str],
                candidates: Sequence[tuple[ClaimView, frozenset[str], frozenset[str], str]],
                echo_similarity: float, lo: int = 0, by_size: dict[int, list[int]] | None = None,
                ) -> tuple[ClaimView, str, int] | None:
    """The latest of ``candidates[lo:]`` (originals, oldest first) in another outlet that ``v``
    copies: (it, why, how many candidates come after it); None if it copies none.

    ``by_size`` (each sentence size's positions in ``candidates``, ascending): only the originals
    of a size that can make a near-duplicate sentence (:func:`_near_sizes`) are compared, unless
    ``v`` is an anonymous direct quote (which any may match): the answer is the same."""
    s = v.claim.source
    mine_out = v.outlet
    quoted = s.kind == "anonymous" and s.quote == "direct"
    words = frozenset(v.claim.lemmas) if quoted else None  # (else made for the rare sentence near enough)
    near, n = max(echo_similarity, 0.9), len(swords)
    last = len(candidates) - 1
    if quoted or by_size is None:
        at: Iterable[int] = range(last, lo - 1, -1)
    else:
        at = []
        for m in _near_sizes(n, near):
            got = by_size.get(m)
            if got:
                at.extend(got[bisect_left(got, lo):])
        at.sort(reverse=True)
    for i in at:
        o, owords, oswords, oout = candidates[i]
        if oout == mine_out:
            continue
        if quoted and o.claim.source.kind == "anonymous" and o.claim.source.quote == "direct" \
                and jaccard(words, owords) >= echo_similarity:
            return o, "the same quoted words from an anonymous source", last - i
        m = len(oswords)
        if (m / n if m < n else n / m if m else 0.0) >= near and jaccard(swords, oswords) >= near:
            if words is None:
                words = frozenset(v.claim.lemmas)
            if jaccard(words, owords) >= echo_similarity:
                return o, "a near-duplicate sentence", last - i
    return None


@lru_cache(maxsize=4096)
def _near_sizes(n: int, near: float) -> tuple[int, ...]:
    """The sizes ``m`` of a word set whose Jaccard similarity with one of ``n`` words may reach
    ``near``: those with ``min(m, n) / max(m, n) >= near`` (the similarity is at most that, and a
    correctly rounded division keeps the order, so no other size can: most sentences of a fact are
    told apart from a claim's by their sizes alone). A run of sizes around ``n``."""
    if n <= 0:
        return ()
    out = []
    m = n
    while m > 0 and m / n >= near:
        out.append(m)
        m -= 1
    m = n + 1
    while n / m >= near:
        out.append(m)
        m += 1
    return tuple(out)


_ORIGINAL: Decision = (("own",), None)


def supporting(views: Sequence[ClaimView]) -> list[ClaimView]:
    """The claims a fact's sources are counted over: its positive claims that deny nothing (all
    of them when it has none). At C speed: asked of a large fact's claims."""
    return list(compress(views, map(and_, map(ne, map(_PCLASS, views), repeat("denial")),
                                     map(eq, map(_POLARITY, views), repeat("positive"))))) or list(views)


def assess(cluster: Cluster, corpus_outlets: Sequence[str] | CorpusOutlets, echo_similarity: float,
           elsewhere: Callable[[str, ClaimView], ClaimView | None] | None = None) -> Sourcing:
    """Echoes, identities, independent source count and grade of one fact.

    ``elsewhere(outlet_key, claim)`` finds the original of a relay in another fact when the relayed
    outlet's article says it in other words (the relay then still counts that outlet once).
    """
    return assess_traced(cluster, corpus_outlets, echo_similarity, elsewhere)[0]


def assess_traced(cluster: Cluster, corpus_outlets: Sequence[str] | CorpusOutlets, echo_similarity: float,
                  elsewhere: Callable[[str, ClaimView], ClaimView | None] | None = None,
                  last: ScanTrace | None = None) -> tuple[Sourcing, ScanTrace]:
    """:func:`assess`, and its :class:`ScanTrace`. With ``last`` (the trace of an earlier call), the
    scan starts after the views both share in order with the same answers (:func:`_resume_at`):
    a fact a new article joins at its end is judged for the new claims only. Past the first new
    view, a view of ``last`` keeps its decision when its questions get the same answers and the
    originals this scan has and ``last`` had not there (the new views' and no other: an original
    of ``last``'s that is gone, or is no longer one, stops keeping) would not change it
    (``still`` below): a fact a new article joins in its middle is judged for the new claims and the
    few later ones that could copy them. The result is the same as without ``last``."""
    corpus = corpus_outlets if isinstance(corpus_outlets, CorpusOutlets) else CorpusOutlets(corpus_outlets)
    views = sorted(cluster.views, key=_ORDER)
    skip = _resume_at(last, views, echo_similarity, corpus, elsewhere)
    window = _WINDOW
    out = Sourcing()
    # The scan's state is append-only, so the state before view ``skip`` is a prefix of ``last``'s.
    # Non-echo claims, with their word sets and outlet (compared with each later claim's: read once).
    originals: list[tuple[ClaimView, frozenset[str], frozenset[str], str]] = []
    marks: list[tuple[int, int]] = []
    asked: list[list[tuple]] = []
    decided: list[Decision] = []
    if skip:
        n_orig, n_echo = last.marks[skip] if skip < len(last.marks) else (len(last.originals), len(last.out.echoes))
        originals = last.originals[:n_orig]
        out.echoes = last.out.echoes[:n_echo]
        ids = list(map(_CLAIM_ID, views[:skip]))  # (maps: at C speed over a large fact's claims)
        out.identity.update(zip(ids, map(last.out.identity.__getitem__, ids)))
        out.grade_by.update(zip(ids, map(last.out.grade_by.__getitem__, ids)))
        marks, asked, decided = last.marks[:skip], last.asked[:skip], last.decided[:skip]
    # A sentence's words → the first original in it (made backwards, so the first one is set last:
    # at C speed, for a resumed scan of a large fact).
    exact: dict[frozenset[str], ClaimView] = dict(zip(map(_SWORDS, reversed(originals)), map(_FIRST, reversed(originals))))
    # Outlet key → the positions of its original claims (the first ``window``): ScanTrace.by_outlet.
    by_outlet: dict[str, list[int]] = {k: ats[:bisect_left(ats, len(originals))]
                                       for k, ats in last.by_outlet.items()} if skip else {}
    # Sentence size → the positions in ``originals`` of those a copy may be of (the latest
    # ``window``): brought up to date when a claim is compared (``indexed``: the originals seen), so
    # a resumed scan indexes only the window it compares with, and a kept decision costs nothing.
    by_size: dict[int, list[int]] = {}
    indexed = [0]

    def decide(v: ClaimView, ask: _Asking) -> Decision:
        s = v.claim.source
        relayed = _relayed_outlet(v, ask)
        if relayed is not None or (s.kind == "other_media" and not _names_own_outlet(v)):
            key = outlet_key(relayed) if relayed else ""
            in_corpus = ask.matching(key)
            read = ("relay", frozenset(in_corpus), relayed is None)
            # The relayed outlet's claim in this fact that says it most alike (earliest on ties).
            pool = [originals[i][0] for k in in_corpus for i in by_outlet.get(k, ())]
            orig = min(pool, key=lambda o: (-jaccard(v.tokens, o.tokens), o.order)) if pool else None
            if relayed is None:  # "according to reports": the earliest other outlet's claim, if any
                orig = next((o for o, _, _, oout in originals if oout != v.outlet), None)
            if orig is None and in_corpus and elsewhere is not None:
                other = ask.elsewhere(in_corpus[0], v)
                if other is not None:
                    return read, ("other", other, f"relays {relayed}: re-reports {other.cite()}")
            if orig is not None:
                return read, ("echo", orig, f"relays {relayed or s.text or 'other reports'}: re-reports {orig.cite()}", ())
            if in_corpus:
                return read, ("echo", None, f"relays {relayed}, whose article in the corpus has no matching claim",
                              ("media", key))
            return read, ("echo", None, f"relays {relayed or s.text or 'other reports'}, not in the corpus",
                          ("media", key or "reports"))
        swords = v.sentence_words
        if len(swords) < _MIN_COPY_WORDS:  # "They married in 2014." is said independently
            return _ORIGINAL
        if swords in exact and exact[swords].outlet != v.outlet:
            o = exact[swords]
            return ("exact",), ("echo", o, f"the same sentence as {o.cite()}", ())
        lo = max(len(originals) - window, 0)
        for at_ in range(max(lo, indexed[0]), len(originals)):
            by_size.setdefault(len(originals[at_][2]), []).append(at_)
        indexed[0] = len(originals)
        found = _first_copy(v, swords, originals, echo_similarity, lo, by_size)
        if found is not None:
            o, why, after = found
            return ("window", o, after), ("echo", o, f"{why} as {o.cite()}", ())
        return _ORIGINAL

    # Originals this scan has and ``last`` had not at the same point: (index in ``originals``, original).
    fresh: list[tuple[int, tuple[ClaimView, frozenset[str], frozenset[str], str]]] = []
    fresh_keys: set[str] = set()

    def still(v: ClaimView, d: Decision) -> Decision | None:
        """``v``'s decision ``d`` in ``last``, as it stands with the ``fresh`` originals added to the
        state ``last`` had (nothing else differs while keeping); None when they could change it."""
        read = d[0]
        if not fresh or read[0] == "own" and len(v.sentence_words) < _MIN_COPY_WORDS:
            return d
        if read[0] == "relay":  # it read its outlets' first originals, or (reports) the earliest one
            return None if read[2] or fresh_keys & read[1] else d
        first = exact.get(v.sentence_words)  # the first original in its sentence, fresh ones counted
        if read[0] == "exact":
            return d if first is d[1][1] else None
        if first is not None and first.outlet != v.outlet:  # a fresh one: it copies that now
            return None
        if read[0] == "window":  # later candidates did not match; a fresh one may, or push it out
            o, after = read[1], read[2]
            newer = [f for _, f in fresh if not f[0].order < o.order]
            if after + len(newer) >= window:
                return None
            d = (("window", o, after + len(newer)), d[1])  # as many more originals after it now
        else:  # no candidate matched: only the fresh ones still in the window may
            lo = len(originals) - window
            newer = [f for at, f in fresh if at >= lo]
        if newer and _first_copy(v, v.sentence_words, newer, echo_similarity) is not None:
            return None
        return d

    keeping = _usable(last, echo_similarity, elsewhere) and len(last.decided) == len(last.views)
    ask = _Asking(corpus, elsewhere)
    was = last.views if keeping else []
    at = skip
    now = set(map(id, views)) if keeping else set()
    kept = 0
    for v in views[skip:]:
        marks.append((len(originals), len(out.echoes)))
        old = None
        if keeping:
            while at < len(was) and was[at] is not v and id(was[at]) not in now:  # gone from the fact
                if last.decided[at][1] is None:  # an original: the later views read another state
                    keeping = False
                    break
                at += 1  # an echo: nothing reads it
            if keeping and at < len(was) and was[at] is v:
                old, at = at, at + 1
        # (most views asked nothing: no call to compare no answers)
        d = still(v, last.decided[old]) if old is not None and (
            not last.asked[old] or _same_answers(last.asked[old], corpus, elsewhere)) else None
        reused = d is not None
        if reused:
            asked.append(last.asked[old])
            kept += 1
        else:
            ask.asked = []  # (one asker for the scan, a record of its questions per view)
            asked.append(ask.asked)
            d = decide(v, ask)
            if old is not None and last.decided[old][1] is None and d[1] is not None:
                keeping = False  # an original of ``last`` is none here: later views read another state
        decided.append(d)
        effect, cid, s = d[1], v.claim.id, v.claim.source
        if effect is None:
            if reused:  # an original kept as one: its identity, grade and word sets are the same view's in ``last``
                out.identity[cid] = last.out.identity[cid]
                out.grade_by[cid] = last.out.grade_by[cid]
                o = last.originals[last.marks[old][0]]
            else:
                out.identity[cid] = _own_identity(v)
                out.grade_by[cid] = grade_of(s.kind)
                o = (v, frozenset(v.claim.lemmas), v.sentence_words, v.outlet)
            if keeping and (old is None or last.decided[old][1] is not None):
                fresh.append((len(originals), o))
                fresh_keys.add(outlet_key(v.outlet))
            at_ = len(originals)
            originals.append(o)
            exact.setdefault(v.sentence_words, v)
            mine = by_outlet.setdefault(outlet_key(v.outlet), [])
            if len(mine) < window:
                mine.append(at_)
        elif effect[0] == "echo":
            _, orig, reason, identity = effect
            out.echoes.append((cid, orig.claim.id if orig else None, reason))
            out.identity[cid] = out.identity[orig.claim.id] if orig else identity
            out.grade_by[cid] = out.grade_by[orig.claim.id] if orig else grade_of(s.kind)
        else:  # relayed from another fact's claim
            _, other, reason = effect
            out.echoes.append((cid, other.claim.id, reason))
            out.identity[cid] = _own_identity(other)
            out.grade_by[cid] = grade_of(other.claim.source.kind)

    support = supporting(views)
    ids = list(map(_CLAIM_ID, support))  # (maps: at C speed over a large fact's claims)
    out.independent = len(set(map(out.identity.__getitem__, ids)))
    # Each grade once, in the order first met (ties go to the first, as over every claim's).
    grades = dict.fromkeys(map(out.grade_by.__getitem__, ids))
    out.grade = min(grades, key=lambda g: (GRADE_RANK.get(g, 9), GRADES.index(g) if g in GRADES else 9)) if grades else "unattributed"
    unique = len(out.identity) == len(views)
    # The trace keeps its own copy: the caller's Sourcing (and a draft's echoes) may be changed.
    kept_out = Sourcing(dict(out.identity), dict(out.grade_by), list(out.echoes), out.independent, out.grade)
    return out, ScanTrace(echo_similarity, elsewhere is not None, views, marks, asked, originals, kept_out, unique, skip,
                          decided, kept, by_outlet)
