"""TempEval-3 style scoring of time expressions against MEANTIME gold TIMEX3.

Definitions (UzZaman et al. 2013, TempEval-3):

- strict match: same character span; relaxed match: overlapping spans (one-to-one, the pair
  with the largest overlap first).
- span P/R/F1 over strict and relaxed matches.
- value (and type) accuracy over relaxed matches; value F1 = relaxed F1 x value accuracy.

Only the annotated part of each MEANTIME document counts (title, dateline, first four body
sentences: ``MeantimeDoc.annotated_end``); gold TIMEX3 without tokens are ignored. By default
the dateline timex (the DCT, also written in the text) is scored like any other; pass
``include_dct=False`` to score body expressions only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from meantime_corpus import MeantimeDoc
from tempeval3 import format_scores, match_timexes, score_documents, system_timexes

__all__ = ["score_timexes", "match_timexes", "system_timexes", "format_scores"]


def score_timexes(
    pairs: Iterable[tuple[MeantimeDoc, Any]],
    *,
    include_dct: bool = True,
    errors: list | None = None,
) -> dict[str, float]:
    """Strict/relaxed span P/R/F1, type and value accuracy, and value F1 over all documents.

    ``errors``, when a list is given, receives (doc_id, kind, gold, system) tuples for inspection.
    """
    def documents():
        for mdoc, prediction in pairs:
            limit = mdoc.annotated_end
            gold = [
                (m.start, m.end, m.attrs.get("type", ""), m.attrs.get("value", ""), m.text)
                for m in mdoc.timexes(include_dct=include_dct)
            ]
            dct_spans = [] if include_dct else [
                (m.start, m.end) for m in mdoc.timexes() if m.attrs.get("functionInDocument") == "CREATION_TIME"
            ]
            system = [
                s for s in system_timexes(prediction)
                if s[1] <= limit and not any(a < s[1] and s[0] < b for a, b in dct_spans)
            ]
            yield mdoc.doc_id, mdoc.text, gold, system

    return score_documents(documents(), errors)
