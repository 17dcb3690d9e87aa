"""Cross-document entity coreference on MEANTIME (intra_cross-doc_annotation): MUC, B³, CEAF-e, CoNLL.

What is evaluated: storyline's cast linking (``storyline.reconcile.cast.build_cast``), i.e. the
step that links each article's entities into story entities. Input per document are the gold
in-document entity chains (mentions grouped by the gold instance they REFER_TO), turned into
``ArticleEntity`` records: name = the longest proper-name mention (else the longest mention),
aliases = the other mention texts, type from ``ent_type`` (PER → PERSON, ORG → ORG, LOC → GPE,
others → OTHER). The response clustering puts every gold mention into the story entity its
document entity was linked to; the key clusters the same mentions by the gold cross-document
``instance_id``. Mentions not referring to any instance are left out (gold singletons).

Linking is done per topic corpus (airbus, apple, gm, stock: each is one "story"), as in
MEANTIME's cross-document annotation, and scores are computed over all four topics together.

With ``--pipeline`` a fourth line scores the whole chain: storyline's read pipeline (entities and
in-document coreference) on the rebuilt text, then the cast; each gold mention takes the story
entity of the predicted mention with its span (or its end), else stays a singleton.

Printed baselines measured in the same run:
  * ``no-link``: every document entity is its own cluster (within-document coreference only);
  * ``same-name``: document entities with an identical (case-folded) name are linked.

Metrics: MUC (Vilain et al. 1995), B³ (Bagga & Baldwin 1998, mention-weighted), CEAF-e (Luo
2005, entity-based φ4 with an optimal one-to-one alignment, Hungarian algorithm), CoNLL = mean of
the three F1s (Pradhan et al. 2014).

    python eval/meantime_crossdoc.py [--root ../shared/eval-data/meantime_en] [--topics apple gm]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from meantime_corpus import TOPICS, load_corpus  # noqa: E402

from storyline.core.ids import make_id  # noqa: E402
from storyline.core.records import Article, ArticleEntity, ArticleReading  # noqa: E402
from storyline.reconcile.cast import build_cast  # noqa: E402

_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
Clusters = list[set[tuple[str, str]]]


def _readings(docs) -> tuple[list[ArticleReading], dict, dict]:
    """Article readings from gold chains, plus mention → gold instance and mention → doc entity."""
    readings, gold, owner = [], {}, {}
    for d in docs:
        ents = []
        for inst_id, mentions in sorted(d.chains("ENTITY").items()):
            inst = d.markables[inst_id]
            names = [m.text for m in mentions if m.attrs.get("syntactic_type", "").startswith(("NAM", "PRE.NAM"))]
            texts = [m.text for m in mentions if m.text]
            if not texts:
                continue
            name = max(names or texts, key=lambda t: (len(t), t))
            eid = make_id("e", d.doc_id, inst_id)
            etype = _TYPES.get(inst.attrs.get("ent_type", ""), "OTHER")
            ents.append(ArticleEntity(eid, d.doc_id, name, etype, tuple(sorted(set(texts) - {name})), None, {}))
            for m in mentions:
                key = (d.doc_id, m.m_id)
                gold[key] = inst.attrs.get("instance_id") or f"{d.doc_id}:{inst_id}"
                owner[key] = eid
        art = Article(d.doc_id, d.text, None, d.dct, None, None, str(d.path), "xml",
                      make_id("h", d.text))
        readings.append(ArticleReading(art, tuple(ents)))
    return readings, gold, owner


def _pipeline_readings(docs, gold_owner: dict) -> tuple[list[ArticleReading], dict]:
    """End to end: storyline's read pipeline finds the entities; gold mentions map to them by span.

    A gold mention takes the predicted entity of a predicted mention with the same span, else of
    one sharing its last character (head-final noun phrases), else it stays a singleton.
    """
    from storyline.read.pipeline import load_pipeline
    from storyline.read.reader import read_articles

    nlp = load_pipeline()
    arts = [Article(d.doc_id, d.text, None, d.dct, None, None, str(d.path), "xml",
                    make_id("h", d.text)) for d in docs]
    readings, owner = [], {}
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n in ("storyline_attribution", "storyline_certainty",
                                                                        "storyline_claims")]):
        for (art, reading), d in zip(read_articles(nlp, arts), docs):
            if isinstance(reading, Exception):
                reading = ArticleReading(art)
            readings.append(reading)
            exact = {(m.start, m.end): m.entity for m in reading.mentions}
            by_end = {m.end: m.entity for m in reading.mentions}
            for inst_id, mentions in d.chains("ENTITY").items():
                for m in mentions:
                    key = (d.doc_id, m.m_id)
                    if key in gold_owner:
                        owner[key] = exact.get((m.start, m.end)) or by_end.get(m.end) or ("single", key)
    return readings, owner


def _clusters(assign: dict) -> Clusters:
    out: dict[object, set] = defaultdict(set)
    for mention, label in assign.items():
        out[label].add(mention)
    return list(out.values())


def muc(key: Clusters, response: Clusters) -> tuple[float, float]:
    """MUC recall and precision."""

    def part(a: Clusters, b: Clusters) -> float:
        where = {m: i for i, c in enumerate(b) for m in c}
        num = den = 0
        for c in a:
            parts = {where.get(m, ("single", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0

    return part(key, response), part(response, key)


def b_cubed(key: Clusters, response: Clusters) -> tuple[float, float]:
    """B³ recall and precision (mention-weighted)."""
    kmap = {m: c for c in key for m in c}
    rmap = {m: c for c in response for m in c}
    mentions = list(kmap)
    r = sum(len(kmap[m] & rmap[m]) / len(kmap[m]) for m in mentions) / len(mentions)
    p = sum(len(kmap[m] & rmap[m]) / len(rmap[m]) for m in mentions) / len(mentions)
    return r, p


def _hungarian_max(weights: list[list[float]]) -> float:
    """Maximum-weight assignment total (rows ≤ cols padded), O(n³)."""
    n = max(len(weights), max((len(r) for r in weights), default=0))
    if n == 0:
        return 0.0
    cost = [[-(weights[i][j] if i < len(weights) and j < len(weights[i]) else 0.0) for j in range(n)] for i in range(n)]
    u, v, p, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [float("inf")] * (n + 1), [False] * (n + 1)
        while True:
            used[j0], i0, delta, j1 = True, p[j0], float("inf"), 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return -sum(cost[p[j] - 1][j - 1] for j in range(1, n + 1) if p[j])


def ceaf_e(key: Clusters, response: Clusters) -> tuple[float, float]:
    """Entity-based CEAF (φ4 = 2|K∩R|/(|K|+|R|)) recall and precision.

    Only key/response entity pairs that share a mention can score, so the assignment is solved
    per connected component of the overlap graph (small), not on the full matrix.
    """
    where = {m: i for i, c in enumerate(response) for m in c}
    adj: dict[tuple[str, int], set[tuple[str, int]]] = defaultdict(set)
    for i, c in enumerate(key):
        for m in c:
            if m in where:
                adj[("k", i)].add(("r", where[m]))
                adj[("r", where[m])].add(("k", i))
    seen, total = set(), 0.0
    for start in list(adj):
        if start in seen:
            continue
        comp, stack = [], [start]
        seen.add(start)
        while stack:
            x = stack.pop()
            comp.append(x)
            for y in adj[x]:
                if y not in seen:
                    seen.add(y)
                    stack.append(y)
        ks = [i for t, i in comp if t == "k"]
        rs = [i for t, i in comp if t == "r"]
        w = [[2 * len(key[i] & response[j]) / (len(key[i]) + len(response[j])) for j in rs] for i in ks]
        total += _hungarian_max(w)
    return total / len(key), total / len(response)


def _f(r: float, p: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(key: Clusters, response: Clusters) -> dict[str, tuple[float, float, float]]:
    out = {}
    for name, fn in (("MUC", muc), ("B3", b_cubed), ("CEAF-e", ceaf_e)):
        r, p = fn(key, response)
        out[name] = (r, p, _f(r, p))
    out["CoNLL"] = (float("nan"), float("nan"), sum(v[2] for v in out.values()) / 3)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=None, help="MEANTIME English root (default ../shared/eval-data/meantime_en)")
    ap.add_argument("--topics", nargs="*", default=list(TOPICS))
    ap.add_argument("--pipeline", action="store_true",
                    help="also score end to end: entities read by storyline's pipeline, then linked (slower)")
    args = ap.parse_args(argv)
    gold: dict = {}
    systems: dict[str, dict] = {"no-link": {}, "same-name": {}, "storyline": {}}
    if args.pipeline:
        systems["pipeline"] = {}
    n_docs = 0
    for topic in args.topics:
        docs = load_corpus(args.root, variant="intra_cross-doc_annotation", topics=[topic])
        n_docs += len(docs)
        readings, g, owner = _readings(docs)
        gold.update(g)
        cast = build_cast(readings)
        names = {e.id: (e.type, e.name.lower()) for r in readings for e in r.entities}
        for m, eid in owner.items():
            systems["no-link"][m] = eid
            systems["same-name"][m] = (topic, *names[eid])
            systems["storyline"][m] = cast.of[eid]
        if args.pipeline:
            p_readings, p_owner = _pipeline_readings(docs, owner)
            p_cast = build_cast(p_readings)
            for m, eid in p_owner.items():
                systems["pipeline"][m] = p_cast.of.get(eid, eid) if isinstance(eid, str) else eid
    key = _clusters(gold)
    print(f"MEANTIME intra_cross-doc, topics {', '.join(args.topics)}: {n_docs} documents, {len(gold)} mentions, "
          f"{len(key)} gold entities")
    base = None
    for name, assign in systems.items():
        s = score(key, _clusters(assign))
        base = base or s["CoNLL"][2]
        cells = "  ".join(f"{m} R {v[0]:.3f} P {v[1]:.3f} F {v[2]:.3f}" for m, v in s.items() if m != "CoNLL")
        print(f"{name:>10}: {cells}  CoNLL F {s['CoNLL'][2]:.3f} (x{s['CoNLL'][2] / base:.2f} of no-link)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
