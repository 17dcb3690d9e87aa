"""Score storyline's read stage on MEANTIME: time expressions (TempEval-3) and, when the
entity scorer exists, entity mentions and coreference.

    python eval/meantime.py [--root PATH] [--topics airbus apple] [--limit N] [--timex-only]

Each document is read with its DCT as publication date. The storyline pipeline is used when all
components import; otherwise the base spaCy model plus ``storyline_timex`` alone (said so in the
output). Only the annotated part of each document is scored (see meantime_timex).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from meantime_corpus import TOPICS, default_root, load_corpus  # noqa: E402
from meantime_timex import format_scores, score_timexes  # noqa: E402

from storyline.read.doc import ArticleMeta, ensure_extensions  # noqa: E402


def _load_nlp(timex_only: bool):
    """(nlp, description): the full storyline pipeline, or the base model + storyline_timex."""
    from storyline.read import pipeline

    if not timex_only:
        try:
            nlp = pipeline.load_pipeline()
            return nlp, "storyline pipeline: " + ", ".join(nlp.pipe_names)
        except Exception as exc:  # noqa: BLE001 - a missing sibling component must not stop the eval
            reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
    else:
        reason = "--timex-only"
    importlib.import_module("storyline.read.timex")  # registers storyline_timex

    nlp = pipeline._load_base(None)
    nlp.add_pipe("storyline_timex")
    return nlp, f"FALLBACK base model + storyline_timex only ({reason}): " + ", ".join(nlp.pipe_names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=default_root(), help="meantime_en directory")
    parser.add_argument("--topics", nargs="*", choices=TOPICS, default=None)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    parser.add_argument("--timex-only", action="store_true", help="run the base model + storyline_timex only")
    args = parser.parse_args(argv)

    docs = load_corpus(args.root, topics=args.topics)
    if args.limit:
        docs = docs[: args.limit]
    ensure_extensions()
    nlp, description = _load_nlp(args.timex_only)
    print(description)

    started = time.perf_counter()
    inputs = []
    for mdoc in docs:
        doc = nlp.make_doc(mdoc.text)
        doc._.sl_meta = ArticleMeta(article_id=mdoc.doc_id, outlet="Wikinews", published=mdoc.dct)
        inputs.append(doc)
    pairs = list(zip(docs, nlp.pipe(inputs, batch_size=16)))
    elapsed = time.perf_counter() - started
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} documents, {words} words, read in {elapsed:.1f}s ({words / elapsed:,.0f} words/s)")

    print(format_scores("TIMEX3 (all gold, incl. dateline DCT)", score_timexes(pairs)))
    print(format_scores("TIMEX3 (body only, dateline excluded)", score_timexes(pairs, include_dct=False)))

    if importlib.util.find_spec("meantime_entities") is not None:
        from meantime_entities import score_entities

        scores = score_entities(pairs)
        print("Entities:")
        for key, value in scores.items():
            print(f"  {key}: {value:.3f}")
    else:
        print("Entities: eval/meantime_entities.py not found, not scored")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
