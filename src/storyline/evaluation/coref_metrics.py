"""Coreference metrics over clusterings of mentions: MUC, B³, CEAF-e and the CoNLL average.

A clustering is a list of sets of hashable mention ids (a "key" is the gold clustering, a
"response" the system's). Singletons are clusters of one. Definitions follow the reference
scorer (Pradhan et al. 2014), including when key and response cover different mentions:

- MUC (Vilain et al. 1995): recall = Σ_K (|K| − p(K)) / Σ_K (|K| − 1), where p(K) is the number
  of parts the response cuts K into (a mention missing from the response is a part of its own);
  precision swaps the roles. Singletons add nothing to either sum; a side with no link scores 0.
- B³ (Bagga & Baldwin 1998, mention-weighted): recall = Σ_K Σ_R |K∩R|² / |K| over the number of
  key mentions; precision swaps the roles. A mention missing from the other side adds 0.
- CEAF-e (Luo 2005): φ4(K, R) = 2|K∩R| / (|K| + |R|), best one-to-one alignment of key and
  response entities (Hungarian algorithm); recall = Σφ4 / |key|, precision = Σφ4 / |response|.
- CoNLL F1 = mean of the three F1 values.
- Adjusted Rand index (Hubert & Arabie 1985): pair agreement corrected for chance, over the
  mentions both sides cover (1 = same partition, about 0 = chance); used for document clusterings.

Empty clusterings score 0 (not undefined), so that averages over topics stay numbers.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping

__all__ = ["Clusters", "adjusted_rand", "b_cubed", "ceaf_e", "clusters_from", "f1", "muc", "score"]

Clusters = list[set]


def clusters_from(assign: Mapping[Hashable, Hashable]) -> Clusters:
    """Clusters from a mention → cluster-label mapping."""
    out: dict[Hashable, set] = defaultdict(set)
    for mention, label in assign.items():
        out[label].add(mention)
    return list(out.values())


def f1(r: float, p: float) -> float:
    """Harmonic mean of recall and precision (0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


def muc(key: Clusters, response: Clusters) -> tuple[float, float]:
    """MUC (recall, precision)."""

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
    """B³ (recall, precision), mention-weighted."""

    def part(a: Clusters, b: Clusters) -> float:
        where = {m: i for i, c in enumerate(b) for m in c}
        total, n = 0.0, 0
        for c in a:
            n += len(c)
            overlap: dict[int, int] = defaultdict(int)
            for m in c:
                if m in where:
                    overlap[where[m]] += 1
            total += sum(k * k for k in overlap.values()) / len(c)
        return total / n if n else 0.0

    return part(key, response), part(response, key)


def adjusted_rand(key: Clusters, response: Clusters) -> float:
    """Adjusted Rand index over the mentions in both clusterings (1.0 when both put every shared
    mention alone or together alike, i.e. when there are no pairs to disagree on)."""
    where = {m: i for i, c in enumerate(response) for m in c}
    table: dict[tuple[int, int], int] = defaultdict(int)
    rows: dict[int, int] = defaultdict(int)
    cols: dict[int, int] = defaultdict(int)
    n = 0
    for i, c in enumerate(key):
        for m in c:
            if m in where:
                table[i, where[m]] += 1
                rows[i] += 1
                cols[where[m]] += 1
                n += 1

    def pairs(k: int) -> float:
        return k * (k - 1) / 2

    index = sum(pairs(v) for v in table.values())
    a, b = sum(pairs(v) for v in rows.values()), sum(pairs(v) for v in cols.values())
    expected = a * b / pairs(n) if n > 1 else 0.0
    top = (a + b) / 2
    return 1.0 if top == expected else (index - expected) / (top - expected)


def _hungarian_max(weights: list[list[float]]) -> float:
    """Maximum-weight one-to-one assignment total (the matrix is padded to square), O(n³)."""
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
    """Entity-based CEAF (φ4) (recall, precision).

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
    return (total / len(key) if key else 0.0), (total / len(response) if response else 0.0)


def score(key: Clusters, response: Clusters) -> dict[str, tuple[float, float, float]]:
    """``{"MUC"|"B3"|"CEAF-e": (R, P, F1), "CoNLL": (nan, nan, mean F1)}``."""
    out = {}
    for name, fn in (("MUC", muc), ("B3", b_cubed), ("CEAF-e", ceaf_e)):
        r, p = fn(key, response)
        out[name] = (r, p, f1(r, p))
    out["CoNLL"] = (float("nan"), float("nan"), sum(v[2] for v in out.values()) / 3)
    return out
