"""The shortcuts the reconcile stage takes for speed give the answers of the plain computations
they stand for (on random inputs, checked against those computations)."""

import random
from types import SimpleNamespace

import pytest

from storyline.reconcile.align import jaccard, most_alike
from storyline.reconcile.independence import _first_copy, _near_sizes
from storyline.reconcile.nesting import clause_claims


def _words(rng: random.Random, n: int) -> frozenset[str]:
    return frozenset(f"w{rng.randrange(40)}" for _ in range(n))


@pytest.mark.parametrize("near", [0.9, 0.8, 0.95, 1.0])
def test_the_near_sizes_are_those_whose_ratio_reaches_the_similarity(near):
    for n in range(0, 80):
        brute = {m for m in range(0, 200) if (m / n if m < n else n / m if m else 0.0) >= near} if n else set()
        assert set(_near_sizes(n, near)) == brute


def _view(rng: random.Random, i: int, kind: str = "outlet") -> SimpleNamespace:
    quote = "direct" if kind == "anonymous" and rng.random() < 0.7 else None
    claim = SimpleNamespace(source=SimpleNamespace(kind=kind, quote=quote), lemmas=tuple(_words(rng, rng.randrange(2, 8))))
    return SimpleNamespace(claim=claim, outlet=f"Outlet {rng.randrange(4)}", i=i)


@pytest.mark.parametrize("seed", range(20))
def test_a_copy_found_through_the_size_index_is_the_one_a_full_scan_finds(seed):
    rng = random.Random(seed)
    base = [_words(rng, rng.randrange(8, 14)) for _ in range(5)]
    originals = []
    for i in range(rng.randrange(1, 120)):
        v = _view(rng, i, rng.choice(["outlet", "anonymous", "named_person"]))
        swords = set(rng.choice(base))  # sentences near one another: some pass the size test, some copy
        for _ in range(rng.randrange(0, 3)):
            swords.add(f"x{rng.randrange(6)}")
        originals.append((v, frozenset(v.claim.lemmas), frozenset(swords), v.outlet))
    by_size: dict[int, list[int]] = {}
    for at, o in enumerate(originals):
        by_size.setdefault(len(o[2]), []).append(at)
    for _ in range(30):
        v = _view(rng, -1, rng.choice(["outlet", "anonymous"]))
        v.claim.lemmas = rng.choice(originals)[0].claim.lemmas if rng.random() < 0.5 else v.claim.lemmas
        swords = frozenset(set(rng.choice(base)) | {f"x{rng.randrange(6)}"})
        for similarity in (0.5, 0.8, 0.95):
            lo = max(len(originals) - 50, 0)
            plain = _first_copy(v, swords, originals[lo:], similarity)
            assert _first_copy(v, swords, originals, similarity, lo, by_size) == plain


@pytest.mark.parametrize("seed", range(10))
def test_most_alike_is_the_best_jaccard_of_the_exemplars(seed):
    rng = random.Random(seed)
    for _ in range(200):
        a = _words(rng, rng.randrange(0, 6))
        exemplars = [SimpleNamespace(tokens=_words(rng, rng.randrange(0, 6))) for _ in range(rng.randrange(1, 5))]
        assert most_alike(a, exemplars) == max(jaccard(a, e.tokens) for e in exemplars)


@pytest.mark.parametrize("seed", range(10))
def test_the_clauses_kept_are_those_inside_no_other_claim_of_their_source(seed):
    rng = random.Random(seed)
    claims = []
    for i in range(rng.randrange(1, 40)):
        start = rng.randrange(0, 100)
        src = SimpleNamespace(kind=rng.choice(["outlet", "named_person"]), key=None, start=rng.choice([None, 3]), end=None)
        claims.append(SimpleNamespace(id=f"c{i}", start=start, end=start + rng.randrange(1, 30), source=src))
    # the definition: kept unless inside another claim of the same source (of two with the same
    # span and source, the first is kept)
    def key(c):
        return c.source.kind, c.source.key, c.source.start, c.source.end

    ordered = sorted(range(len(claims)), key=lambda i: (claims[i].start, -claims[i].end, i))
    kept = []
    for i in ordered:
        c = claims[i]
        if not any(key(o) == key(c) and o.start <= c.start and c.end <= o.end for o in kept):
            kept.append(c)
    assert clause_claims(claims) == sorted(kept, key=lambda c: claims.index(c))
