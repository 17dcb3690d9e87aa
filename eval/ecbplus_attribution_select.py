"""Which ECB+ documents the attribution gold annotates, and which of them are held back (issue 12).

The rule, fixed before any annotation or measuring (tests/gold/ecbplus_attribution.md):

1. candidates: every document of topics 1-35 whose text (as storyline reads it, see
   ``ecbplus_corpus``) has 150-400 words and at least 3 matches of ``said|says|told|according to``
   (articles with reporting in them; the word limit keeps 30 articles annotatable by hand);
2. candidates are ranked within their topic by the SHA-1 of their file name; documents are taken
   by rank (every topic's first, then every topic's second, ...), within a rank by SHA-1, until 30:
   one document per topic as far as the topics go (29 of topics 1-35 have a candidate, so one topic
   gives a second), and no topic range is favoured;
3. held-back part: the 10 of the 30 with the smallest SHA-1 of ``"heldout:" + file name``; the
   other 20 are the dev part.

Usage::

    PYTHONPATH=src python eval/ecbplus_attribution_select.py --root ../shared/eval-data/ecbplus_dev
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ecbplus_corpus import EcbDoc, default_root, load_corpus  # noqa: E402

MIN_WORDS, MAX_WORDS, MIN_CUES = 150, 400, 3
N_DOCS, N_HELDOUT = 30, 10
_CUES = re.compile(r"\b(said|says|told|according to)\b")


def _hash(s: str) -> str:
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def candidate(doc: EcbDoc) -> bool:
    return MIN_WORDS <= len(doc.text.split()) <= MAX_WORDS and len(_CUES.findall(doc.text)) >= MIN_CUES


def select(docs: list[EcbDoc]) -> tuple[list[str], list[str]]:
    """(dev file names, held-out file names), each sorted."""
    per_topic: dict[int, list[str]] = {}
    for d in docs:
        if candidate(d):
            per_topic.setdefault(d.topic, []).append(d.name)
    rank = {n: i for names in per_topic.values() for i, n in enumerate(sorted(names, key=_hash))}
    chosen = sorted(rank, key=lambda n: (rank[n], _hash(n)))[:N_DOCS]
    heldout = set(sorted(chosen, key=lambda n: _hash("heldout:" + n))[:N_HELDOUT])
    return sorted(n for n in chosen if n not in heldout), sorted(heldout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=None, help=f"ECB+ root (default {default_root()})")
    args = ap.parse_args()
    dev, heldout = select(load_corpus(args.root))
    print("dev:", " ".join(dev))
    print("heldout:", " ".join(heldout))


if __name__ == "__main__":
    main()
