"""Where a story falls apart in two: the sparsest cut of its articles' nearest-neighbour graph.

Why a story needs it: the online assignment (``cluster.py``) decides one article at a time, and the
first article about a second earthquake, or a second game between the same two teams, shares the
first story's names and most of its words, so it joins that story and the articles after it follow.
One article's cosine with the wrong story is no lower than many articles' cosine with their own (on
ECB+ the two ranges overlap widely), but the articles together tell: an article's most similar
articles are about its own event (on the ECB+ pile the single most similar one is in its own
sub-topic for 99% of the articles, the five most similar for 96%). So a story whose articles link
mostly among two groups is two stories.

The graph: each member linked to its ``neighbours`` most similar members, a link kept when either
end chose it. The cut: the members ordered by the graph's Fiedler vector (the second eigenvector of
the normalised adjacency: a dense solver for a story of up to ``_DENSE`` members, power
iteration for a larger one, about n * neighbours per step), every split of that order into a
first and a last part tried, and the one of lowest conductance kept (links cut / the links ending in the smaller side; 0 when the two parts are not
linked at all, near 1 for no structure).
"""

from __future__ import annotations

import numpy as np

__all__ = ["sparsest_cut"]

# Up to this many members the eigenvector comes from a dense solver (a 400-member story takes
# about 20 ms); above it, from power iteration (memory and time grow with the links, not with the
# square and cube of the members; on ECB+'s stories it takes 200 to 1,000 steps, slower than the
# dense solver there). Both order the ECB+ stories alike (the same B3 F1 either way).
_DENSE = 400
# Power iteration: stop when the vector moves less than this, or after this many steps (a story
# with no two-group structure converges slowly, and then its cut is poor whatever the vector).
_TOLERANCE = 1e-10
_STEPS = 2_000


def sparsest_cut(neighbours: np.ndarray, min_part: int) -> tuple[float, np.ndarray | None]:
    """The lowest-conductance cut of the graph whose member ``i`` links to ``neighbours[i]``
    (positions of other members): (conductance, mask of the side holding member 0); the mask is
    None when the graph has fewer than ``2 * min_part`` members or the cut leaves a side of fewer
    than ``min_part`` (the conductance is then inf or the cut's)."""
    n = len(neighbours)
    if n < 2 * min_part or neighbours.size == 0:
        return float("inf"), None
    rows = np.repeat(np.arange(n), neighbours.shape[1])
    cols = neighbours.ravel().astype(np.int64)
    # each link once in each direction (a pair as one number: np.unique over rows is slow)
    keys = np.unique(np.concatenate([rows * n + cols, cols * n + rows]))
    r, c = keys // n, keys % n
    r, c = r[r != c], c[r != c]
    degree = np.bincount(r, minlength=n).astype(np.float64)
    root = np.sqrt(degree)
    order = np.argsort(_fiedler(r, c, root), kind="stable")
    position = np.empty(n, dtype=np.int64)
    position[order] = np.arange(n)
    # links from each member to members before it in the order: the cut after a prefix is the
    # prefix's degrees minus twice the links inside it
    before = np.bincount(r[position[c] < position[r]], minlength=n).astype(np.float64)
    volume = np.cumsum(degree[order])
    cut = volume - 2.0 * np.cumsum(before[order])
    smaller = np.minimum(volume, volume[-1] - volume)[:-1]
    conductance = cut[:-1] / np.maximum(smaller, 1e-12)
    best = int(np.argmin(conductance))
    # The weakest point of the graph decides: when it only cuts a few articles off, the story is
    # left whole (a balanced cut elsewhere would be a weaker sign of two events).
    if min(best + 1, n - best - 1) < min_part:
        return float(conductance[best]), None
    first = np.zeros(n, dtype=bool)
    first[order[: best + 1]] = True
    return float(conductance[best]), first if first[0] else ~first


def _fiedler(r: np.ndarray, c: np.ndarray, root: np.ndarray) -> np.ndarray:
    """The graph's second eigenvector (scaled back by the degrees, so that it orders the members)."""
    n = len(root)
    if n <= _DENSE:
        adjacency = np.zeros((n, n))
        adjacency[r, c] = 1.0
        top = root / _length(root)
        # the first eigenvector taken out, so that a graph in pieces (eigenvalue 1 twice) still
        # gives a vector that tells the pieces apart
        _, vectors = np.linalg.eigh(adjacency / root[:, None] / root[None, :] - np.outer(top, top))
        return vectors[:, -1] / root
    return _fiedler_by_steps(r, c, root)


def _fiedler_by_steps(r: np.ndarray, c: np.ndarray, root: np.ndarray) -> np.ndarray:
    """The same by power iteration on (I + normalised adjacency) / 2, whose eigenvalues lie in
    [0, 1], kept orthogonal to the first eigenvector (the square roots of the degrees)."""
    n = len(root)
    top = root / _length(root)
    x = np.random.default_rng(0).standard_normal(n)  # fixed: the same members always cut the same way
    x -= (top * x).sum() * top
    x /= _length(x)
    for _ in range(_STEPS):
        y = x / root
        y = 0.5 * (x + np.bincount(r, weights=y[c], minlength=n) / root)
        y -= (top * y).sum() * top
        norm = _length(y)
        if norm < 1e-300:
            break
        y /= norm
        done = _length(y - x) < _TOLERANCE
        x = y
        if done:
            break
    return x / root


def _length(x: np.ndarray) -> float:
    # not np.linalg.norm (a BLAS call): on a busy machine BLAS threads make one long vector's length
    # cost milliseconds, and this runs a few times per step
    return float(np.sqrt(np.square(x).sum()))
