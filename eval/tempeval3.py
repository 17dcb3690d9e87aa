"""TempEval-3 Task A scoring of time expressions (UzZaman et al. 2013), for any corpus.

- strict match: same character span; relaxed match: overlapping spans (one-to-one, the pair
  with the largest overlap first).
- extent P/R/F1 over strict and over relaxed matches.
- type and value accuracy over relaxed matches; attribute F1 = relaxed F1 x attribute accuracy
  (TempEval-3's definition: attribute P and R count the relaxed matches whose attribute is right).

Gold and system timexes are ``(start, end, type, value, ...)`` tuples; extra fields are ignored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

__all__ = ["match_timexes", "score_documents", "format_scores", "system_timexes"]


def system_timexes(prediction: Any) -> list[tuple[int, int, str, str]]:
    """(start, end, type, value) from a spaCy Doc (``doc._.sl_timexes``) or a list of timex objects."""
    items = prediction
    if hasattr(prediction, "_") and hasattr(prediction._, "sl_timexes"):
        items = prediction._.sl_timexes or []
    return [(t.start, t.end, t.type, t.value) for t in items]


def match_timexes(gold: Sequence[tuple], system: Sequence[tuple]) -> list[tuple[int, int]]:
    """One-to-one relaxed matching (indices into gold, system), largest overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g[1], s[1]) - max(g[0], s[0])
            if overlap > 0:
                candidates.append((-overlap, gi, si))
    candidates.sort()
    used_g, used_s, pairs = set(), set(), []
    for _, gi, si in candidates:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            pairs.append((gi, si))
    return pairs


def _prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_documents(
    documents: Iterable[tuple[str, str, Sequence[tuple], Sequence[tuple]]],
    errors: list | None = None,
) -> dict[str, float]:
    """Scores over ``(doc_id, text, gold, system)`` documents.

    ``errors``, when a list is given, receives ``(doc_id, kind, gold, system, system text)``
    tuples (kind: value, span, missed, spurious) for inspection.
    """
    n_gold = n_sys = strict = relaxed = value_ok = type_ok = 0
    for doc_id, text, gold, system in documents:
        n_gold += len(gold)
        n_sys += len(system)
        matched = match_timexes(gold, system)
        for gi, si in matched:
            g, s = gold[gi], system[si]
            relaxed += 1
            strict += g[0] == s[0] and g[1] == s[1]
            value_ok += g[3] == s[3]
            type_ok += g[2] == s[2]
            if errors is not None and (g[3] != s[3] or g[:2] != s[:2]):
                errors.append((doc_id, "value" if g[3] != s[3] else "span", g, s, text[s[0]:s[1]]))
        if errors is not None:
            hit_g = {gi for gi, _ in matched}
            hit_s = {si for _, si in matched}
            errors.extend((doc_id, "missed", gold[i], None, None) for i in range(len(gold)) if i not in hit_g)
            errors.extend(
                (doc_id, "spurious", None, system[i], text[system[i][0]:system[i][1]])
                for i in range(len(system)) if i not in hit_s
            )
    sp, sr, sf = _prf(strict, n_sys, n_gold)
    rp, rr, rf = _prf(relaxed, n_sys, n_gold)
    value_acc = value_ok / relaxed if relaxed else 0.0
    type_acc = type_ok / relaxed if relaxed else 0.0
    return {
        "gold": float(n_gold),
        "system": float(n_sys),
        "strict_p": sp, "strict_r": sr, "strict_f1": sf,
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": rf,
        "type_accuracy": type_acc, "value_accuracy": value_acc,
        "type_f1": rf * type_acc, "value_f1": rf * value_acc,
    }


def format_scores(title: str, scores: dict[str, float]) -> str:
    """A short printable block."""
    return (
        f"{title}: gold {int(scores['gold'])}, system {int(scores['system'])}\n"
        f"  strict  P {scores['strict_p']:.3f}  R {scores['strict_r']:.3f}  F1 {scores['strict_f1']:.3f}\n"
        f"  relaxed P {scores['relaxed_p']:.3f}  R {scores['relaxed_r']:.3f}  F1 {scores['relaxed_f1']:.3f}\n"
        f"  type acc {scores['type_accuracy']:.3f}  value acc {scores['value_accuracy']:.3f}  "
        f"type F1 {scores['type_f1']:.3f}  value F1 {scores['value_f1']:.3f}"
    )
