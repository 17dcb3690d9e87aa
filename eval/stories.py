"""Stories from a pile: ECB+ topics 1-35 shuffled into one pile, grouped, scored against the gold.

Usage::

    PYTHONPATH=src python eval/stories.py [--root ../shared/eval-data/ecbplus_dev] [--topics 1-35]
                                          [--seed 14] [--readings] [--json out.json]

The pile: every document of the topics (text rebuilt by ``ecbplus_corpus``; the outlet is the
URL's host for ``ecbplus`` files; ECB+ gives no publication dates, so the time window never
applies), with content-hash ids (``a-`` + 16 hex, as ingest gives files without an id: the id
says nothing about the topic), shuffled with a fixed seed. Gold: the sub-topic (``1ecb`` and
``1ecbplus`` are different seminal events of one kind: two stories) and, as a second key, the
topic.

Methods, in the same run:

* ``storyline``: ``api.group_stories`` on the articles (words and capitalised names);
* ``storyline/words only``: the same with ``name_weight = 0`` (names add nothing of their own);
* ``storyline/no cut``: the same with ``split_conductance = 0`` (no story is cut in two after the
  assignment: what ``storyline.group.split`` adds);
* ``storyline/readings`` (with ``--readings``; slow, reads every article): the same on readings,
  names from the read stage's entities;
* ``tfidf+agglo``: the plain baseline: scikit-learn-style TF-IDF (lower-cased ``\\w\\w+`` tokens,
  raw counts, smoothed idf, unit length), cosine, average-link agglomerative clustering cut at a
  similarity threshold (numpy, below);
* ``one story`` and ``singletons``: the two trivial answers.

Small piles: each topic is also grouped on its own (two stories of one kind, about 23 articles:
what a first ``analyze --stories auto`` on a small feed sees), odd and even topics apart, storyline
at its default and the baseline at its dev-tuned threshold.

Thresholds: both storyline's and the baseline's are swept on the pile of the ODD topics (dev);
the best one by B3 F1 on sub-topics is then applied to the EVEN topics (held out) and to the whole
pile. storyline is also scored at its shipped default (``GroupingOptions.threshold``), chosen from
this dev sweep (the middle of its plateau; see docs/stories.md). Metrics: B3 (``storyline.evaluation.coref_metrics``, articles as mentions) and
the adjusted Rand index. The run also checks the order promise: a second shuffle must give the
same stories.
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ecbplus  # noqa: E402
from ecbplus_corpus import EcbDoc, default_root, load_corpus, parse_topics  # noqa: E402

from storyline import api  # noqa: E402
from storyline.core.records import Article, ArticleReading  # noqa: E402
from storyline.evaluation.coref_metrics import adjusted_rand, b_cubed, clusters_from, f1  # noqa: E402
from storyline.core.options import GroupingOptions  # noqa: E402

__all__ = ["agglomerative", "pile", "score", "tfidf_rows"]

SWEEP = tuple(round(0.01 * k, 2) for k in range(5, 41))
SEED = 14


def article_of(doc: EcbDoc) -> Article:
    """The pile's article for one document: eval/ecbplus.py's, with a content-hash id (identical
    texts are one article) and the file name as origin."""
    article = ecbplus.article_of(doc)
    return replace(article, id=f"a-{article.content_hash[:16]}", origin=doc.name)


def pile(docs: Sequence[EcbDoc], seed: int) -> tuple[list[Article], dict[str, str], dict[str, str]]:
    """Shuffled articles, article id -> sub-topic, article id -> topic (identical texts: first kept)."""
    articles: dict[str, Article] = {}
    sub: dict[str, str] = {}
    topic: dict[str, str] = {}
    for d in docs:
        a = article_of(d)
        if a.id not in articles:
            articles[a.id] = a
            sub[a.id], topic[a.id] = d.subtopic, str(d.topic)
    out = list(articles.values())
    random.Random(seed).shuffle(out)
    return out, sub, topic


def score(gold: dict[str, str], found: dict[str, object]) -> dict[str, float]:
    key, response = clusters_from(gold), clusters_from(found)
    r, p = b_cubed(key, response)
    return {"b3_p": p, "b3_r": r, "b3_f1": f1(r, p), "ari": adjusted_rand(key, response), "clusters": len(response)}


# --- the baseline: plain TF-IDF + average-link agglomerative clustering (numpy) ---------------

_TOKEN = re.compile(r"\b\w\w+\b")


def tfidf_rows(texts: Sequence[str]) -> np.ndarray:
    """scikit-learn's TfidfVectorizer defaults: lower-cased \\w\\w+ tokens, raw counts,
    idf = ln((1 + n) / (1 + df)) + 1, rows of unit length (dense: the piles here are small)."""
    counts = [Counter(_TOKEN.findall(t.lower())) for t in texts]
    vocab = {w: i for i, w in enumerate(sorted({w for c in counts for w in c}))}
    x = np.zeros((len(texts), len(vocab)))
    for row, c in enumerate(counts):
        for w, k in c.items():
            x[row, vocab[w]] = k
    df = (x > 0).sum(axis=0)
    x *= np.log((1 + len(texts)) / (1 + df)) + 1
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.where(norms > 0, norms, 1)


def agglomerative(x: np.ndarray) -> list[tuple[int, int, float]]:
    """Average-link merges of the rows of ``x`` by cosine: (kept cluster, merged cluster, similarity),
    best first. Average link never merges at a higher similarity later, so cutting at a threshold
    is applying the merges down to it."""
    sim = x @ x.T
    n = len(x)
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(n)
    alive = np.ones(n, dtype=bool)
    merges = []
    for _ in range(n - 1):
        flat = int(np.argmax(sim))
        i, j = divmod(flat, n)
        best = float(sim[i, j])
        if not math.isfinite(best):
            break
        i, j = min(i, j), max(i, j)
        merged = (size[i] * sim[i] + size[j] * sim[j]) / (size[i] + size[j])
        sim[i], sim[:, i] = merged, merged
        sim[i, i] = -np.inf
        sim[j], sim[:, j] = -np.inf, -np.inf
        size[i] += size[j]
        alive[j] = False
        merges.append((i, j, best))
    return merges


def cut(merges: list[tuple[int, int, float]], n: int, threshold: float) -> list[int]:
    """Cluster label per row after applying the merges at or above ``threshold``."""
    parent = list(range(n))

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for i, j, s in merges:
        if s < threshold:
            break
        parent[root(j)] = root(i)
    return [root(a) for a in range(n)]


# --- runs ---------------------------------------------------------------------------------------

Method = Callable[[list, float], dict[str, object]]


def storyline_method(items: list, threshold: float, **changes: float) -> dict[str, object]:
    groups = api.group_stories(items, replace(GroupingOptions(), threshold=threshold, **changes))
    return {aid: g.name for g in groups for aid in g.articles}


def words_only_method(items: list, threshold: float) -> dict[str, object]:
    """storyline without names (name_weight 0): what the names add."""
    return storyline_method(items, threshold, name_weight=0.0)


def no_cut_method(items: list, threshold: float) -> dict[str, object]:
    """storyline without the cut of a story in two (split_conductance 0): what the cut adds."""
    return storyline_method(items, threshold, split_conductance=0.0)


def baseline_method(items: list, threshold: float, _cache: dict = {}) -> dict[str, object]:  # noqa: B006
    ids = tuple(_id(i) for i in items)
    if ids not in _cache:
        x = tfidf_rows([i.text if isinstance(i, Article) else i.article.text for i in items])
        _cache[ids] = agglomerative(x)
    labels = cut(_cache[ids], len(ids), threshold)
    return dict(zip(ids, labels, strict=True))


def _id(item: Article | ArticleReading) -> str:
    return item.id if isinstance(item, Article) else item.article.id


def sweep(method: Method, items: list, gold: dict[str, str]) -> tuple[float, dict[float, float]]:
    ids = {_id(i) for i in items}
    gold = {k: v for k, v in gold.items() if k in ids}
    f1s = {t: score(gold, method(items, t))["b3_f1"] for t in SWEEP}
    best = max(SWEEP, key=lambda t: (f1s[t], -t))
    return best, f1s


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=default_root())
    ap.add_argument("--topics", default="1-35")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--readings", action="store_true", help="also group readings (reads every article: slow)")
    ap.add_argument("--cache", type=Path, help="with --readings: a pickle of the readings, written once and read after")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    docs = load_corpus(args.root, parse_topics(args.topics))
    articles, sub, topic = pile(docs, args.seed)
    print(f"ECB+ pile: {len(articles)} articles, {len(set(sub.values()))} sub-topics, {len(set(topic.values()))} topics, seed {args.seed}")
    parts = {
        "dev (odd topics)": [a for a in articles if int(topic[a.id]) % 2 == 1],
        "held-out (even topics)": [a for a in articles if int(topic[a.id]) % 2 == 0],
        "all": articles,
    }
    methods: dict[str, tuple[Method, list]] = {"storyline": (storyline_method, articles),
                                               "storyline/words only": (words_only_method, articles),
                                               "storyline/no cut": (no_cut_method, articles),
                                               "tfidf+agglo": (baseline_method, articles)}
    if args.readings:
        started = time.perf_counter()
        if args.cache and args.cache.exists():
            readings = pickle.loads(args.cache.read_bytes())
            print(f"readings of {len(readings)} articles loaded from {args.cache}")
        else:
            readings = {a.id: r for a, r in api.read(articles) if not isinstance(r, Exception)}
            if args.cache:
                args.cache.write_bytes(pickle.dumps(readings))
            print(f"read {len(readings)} articles in {time.perf_counter() - started:.0f} s")
        methods["storyline/readings"] = (storyline_method, [readings[a.id] for a in articles if a.id in readings])

    results: dict = {"articles": len(articles), "seed": args.seed, "rows": []}
    chosen_baseline = SWEEP[0]
    rows = []
    for name, (method, items) in methods.items():
        chosen = {_id(i) for i in parts["dev (odd topics)"]}
        dev_items = [i for i in items if _id(i) in chosen]
        best, f1s = sweep(method, dev_items, sub)
        print(f"{name}: dev sweep (B3 F1 on sub-topics) " + " ".join(f"{t:.2f}:{v:.3f}" for t, v in f1s.items() if round(t * 100) % 2 == 0 or t == best)
              + f" -> {best:.2f}")
        if method is baseline_method:
            chosen_baseline = best
        settings = [(f"{name} @{best:.2f} (dev-tuned)", best)]
        if method is storyline_method:
            settings.append((f"{name} @{GroupingOptions().threshold:.2f} (default)", GroupingOptions().threshold))
        for label, threshold in settings:
            for part, part_items in parts.items():
                ids = {a.id for a in part_items}
                its = [i for i in items if _id(i) in ids]
                started = time.perf_counter()
                found = method(its, threshold)
                seconds = time.perf_counter() - started
                gold_sub = {k: v for k, v in sub.items() if k in ids}
                gold_topic = {k: v for k, v in topic.items() if k in ids}
                rows.append((label, part, score(gold_sub, found), score(gold_topic, found), seconds))
    # Small piles: each topic grouped alone (two stories of one kind, about 23 articles).
    for label, (method, items), threshold in (
        (f"storyline @{GroupingOptions().threshold:.2f} (default)", methods["storyline"], GroupingOptions().threshold),
        (f"tfidf+agglo @{chosen_baseline:.2f} (dev-tuned)", methods["tfidf+agglo"], chosen_baseline),
    ):
        for parity, part in ((1, "one topic per pile, odd"), (0, "one topic per pile, even")):
            found: dict[str, object] = {}
            started = time.perf_counter()
            for t in sorted({int(v) for v in topic.values()}):
                if t % 2 == parity:
                    its = [i for i in items if int(topic[_id(i)]) == t]
                    found.update({k: f"{t}:{v}" for k, v in method(its, threshold).items()})
            seconds = time.perf_counter() - started
            rows.append((label, part, score({k: sub[k] for k in found}, found), score({k: topic[k] for k in found}, found), seconds))
    parts_order = [*parts, "one topic per pile, odd", "one topic per pile, even"]
    for part, part_items in parts.items():
        ids = [a.id for a in part_items]
        for label, found in (("one story", dict.fromkeys(ids, 0)), ("singletons", {i: i for i in ids})):
            rows.append((label, part, score({k: sub[k] for k in ids}, found), score({k: topic[k] for k in ids}, found), 0.0))

    print()
    print(f"{'method':38} {'pile':26} {'sub-topics: B3 P    R     F1    ARI  ':38} {'topics: B3 F1  ARI':19} {'found':>5} {'s':>5}")
    for label, part, s_sub, s_top, seconds in sorted(rows, key=lambda r: (parts_order.index(r[1]), r[0])):
        print(f"{label:38} {part:26} {'':11}{s_sub['b3_p']:.3f} {s_sub['b3_r']:.3f} {s_sub['b3_f1']:.3f} {s_sub['ari']:.3f}"
              f" {'':9}{s_top['b3_f1']:.3f} {s_top['ari']:.3f} {s_sub['clusters']:5d} {seconds:5.2f}")
        results["rows"].append({"method": label, "pile": part, "subtopics": s_sub, "topics": s_top, "seconds": seconds})

    again, _, _ = pile(docs, args.seed + 1)
    first = storyline_method(articles, GroupingOptions().threshold)
    second = storyline_method(again, GroupingOptions().threshold)
    same = clusters_from(first) and sorted(map(sorted, clusters_from(first))) == sorted(map(sorted, clusters_from(second)))
    print(f"\norder: a second shuffle (seed {args.seed + 1}) gives {'the same' if same else 'DIFFERENT'} stories")
    results["same_under_reshuffle"] = bool(same)
    gold_counts = Counter(sub.values())
    print(f"gold: {len(gold_counts)} sub-topics, {min(gold_counts.values())}-{max(gold_counts.values())} articles each")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return results


if __name__ == "__main__":
    main()
