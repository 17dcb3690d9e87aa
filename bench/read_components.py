"""CPU seconds of each storyline_* component and of extract as ``nlp.pipe`` streams the Docs.

    python bench/read_components.py [--words 150000] [--batch-size 32]

Builds the input as bench/throughput.py does (the demo corpus repeated) and reads it the way
``read_articles`` does: each Doc goes through every component in turn, then becomes records
(``reading_from_doc``, "extract"). Unlike the one-component-at-a-time passes of bench/throughput.py
and bench/stages.py ``--components``, what a component leaves on a Doc for a later one (the parse
rows storyline_certainty hands to storyline_claims) lives as briefly as it does in ``analyze``.
CPU seconds of this process (steady on a shared machine); compare two trees by running each with
its own ``PYTHONPATH`` in turn, alternating.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from throughput import corpus

from storyline.core.dates import parse_published
from storyline.core.records import Article
from storyline.read.extract import reading_from_doc
from storyline.read.pipeline import COMPONENTS, load_pipeline
from storyline.read.reader import make_doc


class _Timed:
    """A pipeline component with the CPU seconds of its calls added to ``spent[name]``."""

    def __init__(self, name: str, proc, spent: Counter):
        self.name, self.proc, self.spent = name, proc, spent

    def __call__(self, doc):
        t = time.process_time()
        try:
            return self.proc(doc)
        finally:
            self.spent[self.name] += time.process_time() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=150_000)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()
    nlp = load_pipeline(None)
    items = corpus(args.words)
    articles = [Article(i["id"], i["text"], i["outlet"], parse_published(i["published"]), None, None, "bench", "jsonl", "")
                for i in items]
    list(nlp.pipe([make_doc(nlp, a) for a in articles[:4]]))  # warm up: lazily loaded tables
    spent: Counter = Counter()
    ours = {name for name, _ in COMPONENTS}
    # Language.pipe reads the pipeline from this list: a component without .pipe is called per Doc.
    nlp._components[:] = [(name, _Timed(name, proc, spent) if name in ours else proc) for name, proc in nlp._components]
    t0 = time.process_time()
    for doc, article in zip(nlp.pipe((make_doc(nlp, a) for a in articles), batch_size=args.batch_size), articles):
        t = time.process_time()
        reading_from_doc(doc, article)
        spent["extract"] += time.process_time() - t
    total = time.process_time() - t0
    print(f"{sum(len(i['text'].split()) for i in items)} words, {len(items)} articles; CPU seconds:")
    for name in [*(n for n, _ in COMPONENTS), "extract"]:
        print(f"{name:<26}{spent[name]:8.2f}")
    print(f"{'storyline_* + extract':<26}{sum(spent.values()):8.2f}")
    print(f"{'whole read':<26}{total:8.2f}")


if __name__ == "__main__":
    main()
