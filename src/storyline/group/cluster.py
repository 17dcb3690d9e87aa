"""Online story assignment: each article joins the most similar story or starts a new one.

Vectors: an article's terms (``terms.py``) weighted by ``(1 + log tf) * idf``, with
``idf = 1 + log(max(N, 200) / df)`` over every article of the call (the pile and the existing
stories' articles, so the weights do not depend on the order; the 1 keeps the words of a pile that
is all one story from weighing nothing, the 200 keeps a small pile's shared words from looking
common: ``_MIN_PILE``); names are multiplied by ``name_weight``; each vector has unit length. A
story is the sum of its articles' vectors; an article's similarity to a story is the cosine
between the article and that sum (average-link similarity to the members, scaled by the story's
cohesion).

Order: existing stories first (their articles assigned as given, never moved), then the new
articles by publication date, undated ones last, ties by article id. One online pass assigns each
(to the best story reaching ``threshold``, else a new one), then up to ``_PASSES`` refinement
passes in the same order move each new article to the story it is now most similar to, or alone,
until nothing moves. Then each story holding a new article is cut in two where its articles'
nearest-neighbour graph falls apart (``split.py``; two events of one kind that the one-by-one
assignment merged), and the refinement passes run again. The result depends only on the set of
articles and the existing stories, never on the order they were handed in.

Time window: a dated article can join a story only when it falls within ``window_days`` of the
story's dated articles (from ``first - window`` to ``last + window``); an undated article, or a
story with no dated article, is not held to it.

Cost: dot products come from an inverted index (an article's similarities to all the others cost
the postings of its own terms), so a pass costs about the sum of the terms' squared document
frequencies; every article of the call is compared with every other, so group a day's feed at a
time rather than years at once.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from storyline.core.dates import parse_day
from storyline.core.options import GroupingOptions
from storyline.core.records import Article, ArticleReading
from storyline.group.split import sparsest_cut
from storyline.group.terms import NAME, WORD, Terms, article_terms, reading_terms

__all__ = ["StoryGroup", "group_articles", "order_key"]

Item = Article | ArticleReading


@dataclass(frozen=True)
class StoryGroup:
    """One story found in a pile of articles."""

    name: str
    """Its most salient names (or words, when it has no name in common), e.g. "Lindsay Lohan, Betty Ford"."""
    articles: tuple[str, ...]
    """Article ids, in the order they were assigned."""
    terms: tuple[str, ...]
    """Its most salient terms as written, most salient first."""
    first: date | None
    """Its earliest publication date (None when no article is dated)."""
    last: date | None
    existing: bool = False
    """True for a story handed in as existing (its name kept), False for a new one."""


def order_key(article: Article) -> tuple[bool, date, str]:
    """The order articles are assigned in: dated ones by date, then undated ones; ties by id."""
    day = parse_day(article.published)
    return (day is None, day or date.min, article.id)


def _article(item: Item) -> Article:
    return item.article if isinstance(item, ArticleReading) else item


def _terms(item: Item) -> Terms:
    return reading_terms(item) if isinstance(item, ArticleReading) else article_terms(item)


# Document frequencies are taken as if the pile held at least this many articles: a small pile is a
# sample of the news, and a word all its articles share is not thereby common (in a pile of ten
# articles about one quake, "Qeshm" is in every one). 200: the best B3 F1 on the odd ECB+ topics
# grouped one topic at a time (eval/stories.py, "one topic per pile"); piles larger than this are
# weighted by their own counts alone.
_MIN_PILE = 200


class _Space:
    """Every article's unit vector over one vocabulary, in assignment order, with an inverted index
    so that an article's dot products with all the others cost the postings of its own terms."""

    def __init__(self, terms: Sequence[Terms], name_weight: float) -> None:
        df: Counter[str] = Counter()
        for t in terms:
            df.update(t.counts.keys())
        self.vocab = sorted(df)
        index = {term: i for i, term in enumerate(self.vocab)}
        n = len(terms)
        # 1 + log: a term every article uses still counts (a pile may be one story), rare ones more.
        pile = max(n, _MIN_PILE)
        idf = np.array([1.0 + math.log(pile / df[t]) for t in self.vocab], dtype=np.float64)
        weight = idf * np.array([name_weight if t.startswith(NAME) else 1.0 for t in self.vocab])
        self.rows: list[tuple[np.ndarray, np.ndarray]] = []
        for t in terms:
            idx = np.array(sorted(index[k] for k in t.counts), dtype=np.int64)
            tf = np.array([t.counts[self.vocab[i]] for i in idx], dtype=np.float64)
            val = (1.0 + np.log(tf)) * weight[idx]
            norm = float(np.linalg.norm(val))
            self.rows.append((idx, val / norm if norm > 0 else val))
        # The same entries by term (an inverted index): an article's dot products with all the others
        # are the postings of its own terms, summed per article.
        flat_idx = np.concatenate([r[0] for r in self.rows] + [np.zeros(0, dtype=np.int64)])
        flat_val = np.concatenate([r[1] for r in self.rows] + [np.zeros(0)])
        flat_doc = np.repeat(np.arange(n), [len(r[0]) for r in self.rows])
        by_term = np.argsort(flat_idx, kind="stable")
        self.post_doc = flat_doc[by_term]
        self.post_val = flat_val[by_term]
        self.post_start = np.searchsorted(flat_idx[by_term], np.arange(len(self.vocab) + 1))
        self.self_dot = np.array([float(r[1] @ r[1]) for r in self.rows])
        self.n = n

    def sum_vector(self, docs: Iterable[int]) -> np.ndarray:
        """The sum of ``docs``' vectors (dense, one entry per term)."""
        rows = [self.rows[d] for d in docs]
        return np.bincount(np.concatenate([r[0] for r in rows]), weights=np.concatenate([r[1] for r in rows]),
                           minlength=len(self.vocab))

    def dots(self, doc: int) -> np.ndarray:
        """Dot products of ``doc`` with every article."""
        idx, val = self.rows[doc]
        lo, hi = self.post_start[idx], self.post_start[idx + 1]
        lengths = hi - lo
        if not lengths.sum():
            return np.zeros(self.n)
        # positions of all postings of the doc's terms, without a Python loop
        offsets = np.repeat(lo - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths) + np.arange(lengths.sum())
        weights = self.post_val[offsets] * np.repeat(val, lengths)
        return np.bincount(self.post_doc[offsets], weights=weights, minlength=self.n)


class _Stories:
    """Which story each article is in, each story's squared sum length and its dated span."""

    def __init__(self, space: _Space, days: list[date | None], window_days: float) -> None:
        self.space = space
        self.days = np.array([d.toordinal() if d else np.nan for d in days], dtype=np.float64)
        self.window = window_days
        self.label = np.full(len(days), -1, dtype=np.int64)
        self.norm2: list[float] = []

    def similarities(self, doc: int, upto: int) -> tuple[np.ndarray, np.ndarray]:
        """(cosine, dot product) of ``doc`` with every story's sum without ``doc`` itself, over the
        articles before ``upto``; the cosine is -1 for a story outside the time window or empty."""
        k = len(self.norm2)
        own = self.label[doc]
        dots = np.bincount(self.label[:upto], weights=self.space.dots(doc)[:upto], minlength=k)[:k] if upto else np.zeros(k)
        norm2 = np.array(self.norm2)
        if own >= 0:
            dots[own] -= self.space.self_dot[doc]
            norm2[own] -= 2.0 * dots[own] + self.space.self_dot[doc]
        sims = np.where(norm2 > 1e-9, dots / np.sqrt(np.maximum(norm2, 1e-9)), -1.0)
        sims[~self._in_window(doc, upto)] = -1.0
        return sims, dots

    def _in_window(self, doc: int, upto: int) -> np.ndarray:
        k = len(self.norm2)
        day = self.days[doc]
        if np.isnan(day):
            return np.ones(k, dtype=bool)
        others = np.arange(upto)
        others = others[(others != doc) & ~np.isnan(self.days[:upto])]
        first = np.full(k, np.inf)
        last = np.full(k, -np.inf)
        np.minimum.at(first, self.label[others], self.days[others])
        np.maximum.at(last, self.label[others], self.days[others])
        undated = np.isinf(first)
        return undated | ((first - self.window <= day) & (day <= last + self.window))

    def move(self, doc: int, story: int | None, dot: float) -> None:
        """Put ``doc``, in no story, in ``story`` (None: a new one); ``dot`` is its dot product with that story's sum."""
        if story is None:
            story = len(self.norm2)
            self.norm2.append(0.0)
        self.norm2[story] += 2.0 * dot + self.space.self_dot[doc]
        self.label[doc] = story

    def split_off(self, docs: np.ndarray) -> None:
        """Move ``docs``, all of one story, to a new story."""
        old = int(self.label[docs[0]])
        self.label[docs] = len(self.norm2)
        self.norm2.append(0.0)
        for story in (old, len(self.norm2) - 1):
            self.norm2[story] = self._sum_norm2(np.flatnonzero(self.label == story))

    def _sum_norm2(self, docs: np.ndarray) -> float:
        """Squared length of the sum of ``docs``' vectors."""
        total = self.space.sum_vector(docs.tolist())
        return float(np.square(total).sum())  # not total @ total: BLAS threads on one long vector cost ~1,000x here

    def leave(self, doc: int, dot: float) -> None:
        """Take ``doc`` out of its story; ``dot`` is its dot product with the rest of that story."""
        own = self.label[doc]
        self.norm2[own] -= 2.0 * dot + self.space.self_dot[doc]
        self.label[doc] = -1


# Refinement passes after the online one: enough for the ECB+ pile to settle (it settles in 2-3).
_PASSES = 5


def group_articles(
    items: Sequence[Item],
    options: GroupingOptions | None = None,
    *,
    existing: Mapping[str, Sequence[Item]] | None = None,
    taken: Iterable[str] = (),
) -> list[StoryGroup]:
    """Group ``items`` (articles or readings) into stories, joining ``existing`` ones when they fit.

    ``existing`` maps a story's name to its articles (or readings); those stories come back under
    their names (``existing=True``) with any new articles that joined them, in the order given;
    new stories follow in the order they were started. An article id already in an existing story
    is not assigned again. An existing story that gains nothing still comes back. New stories'
    names avoid ``taken`` (and the existing names).
    """
    options = options or GroupingOptions()
    existing = dict(existing or {})
    seen = {_article(i).id for group in existing.values() for i in group}
    new = sorted({_article(i).id: i for i in items if _article(i).id not in seen}.values(), key=lambda i: order_key(_article(i)))
    old = [(name, list(group)) for name, group in existing.items()]
    everything = [i for _, group in old for i in group] + new
    terms = [_terms(i) for i in everything]
    space = _Space(terms, options.name_weight)
    stories = _Stories(space, [parse_day(_article(i).published) for i in everything], options.window_days)

    doc = 0
    for story, (_, group) in enumerate(old):
        stories.norm2.append(0.0)
        for _item in group:
            stories.move(doc, story, float(space.dots(doc)[:doc][stories.label[:doc] == story].sum()))
            doc += 1
    fixed = doc
    for doc in range(fixed, len(everything)):
        _place(stories, doc, doc, options.threshold)
    _refine(stories, fixed, options.threshold)
    if options.split_conductance and _split(stories, fixed, options.split_conductance):
        _refine(stories, fixed, options.threshold)
    return _groups(stories, everything, terms, [name for name, _ in old], set(taken))


def _refine(stories: _Stories, fixed: int, threshold: float) -> None:
    """Move each new article to the story it is now most similar to (or alone), pass after pass, until nothing moves."""
    n = len(stories.label)
    for _ in range(_PASSES):
        moved = [_place(stories, doc, n, threshold) for doc in range(fixed, n)]  # every one, each pass
        if not any(moved):
            break


# Each article links to its 3 most similar articles of its story: with the limit at 0.2, 2 leaves
# one story's articles in pieces (B3 F1 0.867 on the odd ECB+ topics), 3 scores 0.945, 5 0.930
# (0.941 with the limit at 0.25).
_NEIGHBOURS = 3
# A part of fewer articles is not cut away (a pair of copies of one wire story is no story of its
# own); 2 to 5 score alike on the odd ECB+ topics.
_MIN_PART = 3


def _split(stories: _Stories, fixed: int, limit: float) -> bool:
    """Cut in two every story holding a new article whose nearest-neighbour graph has a cut of
    conductance below ``limit`` (``split.py``); the part without the story's first article becomes
    a new story, unless it holds an existing story's article (those never move). Whether any was cut."""
    space = stories.space
    cut_any = False
    for story in range(len(stories.norm2)):
        docs = np.flatnonzero(stories.label == story)
        if len(docs) < 2 * _MIN_PART or docs[-1] < fixed:
            continue
        k = min(_NEIGHBOURS, len(docs) - 1)
        neighbours = np.empty((len(docs), k), dtype=np.int64)
        for pos, doc in enumerate(docs.tolist()):
            sims = space.dots(doc)[docs]
            sims[pos] = -np.inf
            neighbours[pos] = np.argsort(-sims, kind="stable")[:k]
        conductance, first = sparsest_cut(neighbours, _MIN_PART)
        if first is None or conductance >= limit or (docs[~first] < fixed).any():
            continue
        stories.split_off(docs[~first])
        cut_any = True
    return cut_any


def _place(stories: _Stories, doc: int, upto: int, threshold: float) -> bool:
    """Put ``doc`` in the most similar story among articles before ``upto`` (ties: the earliest
    story), or alone when none reaches ``threshold``; whether it moved."""
    sims, dots = stories.similarities(doc, upto)
    own = int(stories.label[doc])
    best = int(np.argmax(sims)) if len(sims) else -1
    target = best if best >= 0 and sims[best] >= threshold else None
    alone = own >= 0 and int(np.count_nonzero(stories.label == own)) == 1
    if own >= 0 and (target == own or (target is None and alone)):
        return False
    if own >= 0:
        stories.leave(doc, float(dots[own]))
    stories.move(doc, target, float(dots[target]) if target is not None else 0.0)
    return True


def _groups(stories: _Stories, everything: list[Item], terms: list[Terms], old_names: list[str], taken: set[str]) -> list[StoryGroup]:
    """The stories in the order they were started (existing ones first), emptied ones left out."""
    members: dict[int, list[int]] = {s: [] for s in range(len(old_names))}
    for doc, story in enumerate(stories.label.tolist()):
        members.setdefault(story, []).append(doc)
    out: list[StoryGroup] = []
    taken = taken | set(old_names)
    for story, docs in sorted(members.items()):
        salient = _salient(stories.space, docs, terms)
        if story < len(old_names):
            name = old_names[story]
        else:
            name = _unique(", ".join(salient[:2])[:_NAME_CHARS].strip() or "story", taken)
            taken.add(name)
        days = [d for d in (parse_day(_article(everything[m]).published) for m in docs) if d is not None]
        out.append(StoryGroup(name, tuple(_article(everything[m]).id for m in docs), tuple(salient[:8]),
                              min(days, default=None), max(days, default=None), story < len(old_names)))
    return out


def _salient(space: _Space, docs: list[int], terms: list[Terms]) -> list[str]:
    """The story's terms by their weight in its sum vector, names first, as written; a part of a name
    is shown as the whole name ("Lohan" as "Lindsay Lohan"), and each name once."""
    sums = space.sum_vector(docs)
    total = {space.vocab[i]: float(sums[i]) for i in np.flatnonzero(sums > 1e-12).tolist()}
    written: dict[str, str] = {}
    for m in docs:
        for key, form in terms[m].written.items():
            written.setdefault(key, form)
    ranked = sorted(total, key=lambda t: (-round(total[t], 9), t))
    full = [t[len(NAME):] for t in ranked if t.startswith(NAME) and " " in t]
    names: list[str] = []
    for term in ranked:
        if not term.startswith(NAME):
            continue
        key = term[len(NAME):]
        # a part of a name ("quinn") stands for the heaviest whole name it is part of ("mara quinn")
        key = next((f for f in full if f" {key} " in f" {f} "), key)
        if not any(f" {key} " in f" {n.lower()} " for n in names):
            names.append(written.get(NAME + key, key))
            if len(names) == _SALIENT:
                break
    words = [t[len(WORD):] for t in ranked if t.startswith(WORD)]
    return (names + words)[:_SALIENT]


_SALIENT = 8
_NAME_CHARS = 120  # a story name is a label, not a summary (the store takes up to 200 characters)


def _unique(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    k = 2
    while f"{name} ({k})" in taken:
        k += 1
    return f"{name} ({k})"
