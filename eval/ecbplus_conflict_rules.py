"""The conflict rules alone, on the hand-read ECB+ pairs: would storyline call them conflicts if
alignment put both claims in one fact?

``eval/ecbplus_conflicts.py`` scores the whole pipeline: a contradiction is found only when
alignment put its two claims into one fact and the rules then flag them. Most misses there are
alignment's. This script measures the conflict rules independently: for every item of
``eval/ecbplus_conflicts.json`` it takes the claims that overlap a quote of side A and those that
overlap a quote of side B (the reader's claims, as ``api.read`` gives them), and judges every
cross pair as if the two claims were told of one fact
(:func:`storyline.reconcile.conflicts.judge`, the same judgement a fact applies to its claims).

Reported:

* contradictions **detected**: some cross pair is judged a conflict whose compared words (the two
  dates, numbers or claims its reason quotes) overlap a quote on each side; *flagged for another
  reason* when a pair conflicts only over other words of the two claims;
* non-conflicts (and the ``reviewed_unmatched`` verdicts, all non-conflicts) **wrongly flagged**:
  some cross pair is judged a conflict on the quoted words (a conflict over other words of the
  same long claims, often a listed contradiction, is shown as *flagged for another reason* and
  counted apart);
* items where a side has no claim (the reader's coverage, not the rules');
* pair precision: detected contradictions / all flagged items.

    PYTHONPATH=src python eval/ecbplus_conflict_rules.py [--root ../shared/eval-data/ecbplus_dev]
        [--inventory eval/ecbplus_conflicts.json] [--verbose] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ecbplus_conflicts import Span, load_runs, locate  # noqa: E402

from storyline.reconcile.cast import build_cast  # noqa: E402
from storyline.reconcile.conflicts import judge, lower_bounds  # noqa: E402
from storyline.reconcile.features import build_views  # noqa: E402

HERE = Path(__file__).resolve().parent


def _views(run) -> dict[str, list]:
    readings = list(run.readings.values())
    cast = build_cast(readings)
    names = {e.id: e.name for e in cast.entities}
    views = build_views(readings, cast)
    by_article: dict[str, list] = {}
    for v in views:
        by_article.setdefault(v.article.id, []).append(v)
    return by_article, (lambda eid: names.get(eid, eid)), lower_bounds(views)


def _on(side: list[Span], by_article: dict[str, list]) -> list:
    out = []
    for q in side:
        for v in by_article.get(q.article, ()):
            if v.claim.start < q.end and q.start < v.claim.end and v not in out:
                out.append(v)
    return out


def _covers(where: tuple, side: list[Span]) -> bool:
    art, start, end = where
    return any(q.article == art and start < q.end and q.start < end for q in side)


def judge_item(sides: dict[str, list[Span]], by_article: dict[str, list], name, bounds=None) -> dict:
    """Every cross pair's conflicts for one inventory item."""
    a_views, b_views = _on(sides["a"], by_article), _on(sides["b"], by_article)
    if not a_views or not b_views:
        missing = [s.upper() for s, vs in (("a", a_views), ("b", b_views)) if not vs]
        return {"verdict": f"no claim on side {'/'.join(missing)}", "found": [], "any": []}
    found, other = [], []
    for a in a_views:
        for b in b_views:
            if a is b:
                continue
            for f in judge(a, b, name, bounds=bounds).conflicts:
                wa, wb = (f.where + ((), ()))[:2] if f.where else ((), ())
                on_quotes = bool(wa and wb) and (
                    (_covers(wa, sides["a"]) and _covers(wb, sides["b"])) or (_covers(wa, sides["b"]) and _covers(wb, sides["a"])))
                (found if on_quotes else other).append(f)
    verdict = "detected" if found else "flagged for another reason" if other else "not flagged"
    # (for a non-conflict, "detected" means wrongly flagged on the quoted words)
    return {"verdict": verdict, "found": found, "any": found + other}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=None)
    ap.add_argument("--inventory", type=Path, default=HERE / "ecbplus_conflicts.json")
    ap.add_argument("--verbose", action="store_true", help="print the reason of every flagged pair")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    inv, by_name, runs = load_runs(args.inventory, args.root)
    prepared = {sub: _views(run) for sub, run in runs.items()}

    rows: dict[str, dict] = {}

    def run_items(items: list[dict], title: str, kind_of) -> dict[str, dict]:
        print(f"\n{title}")
        out = {}
        for item in items:
            by_article, name, bounds = prepared[item["subtopic"]]
            res = judge_item(locate(item, by_name), by_article, name, bounds)
            out[item["id"]] = res
            kinds = ",".join(sorted({f.kind for f in (res["found"] or res["any"])}))
            print(f"  {item['id']:>4} {item['subtopic']:<10} {kind_of(item):<9} {res['verdict']:<27} {kinds:<14}"
                  f"| {item.get('why') or item.get('verdict')}")
            if args.verbose:
                for f in (res["found"] or res["any"])[:2]:
                    print(f"         {f.kind}: {f.reason}")
        return out

    contra = run_items(inv["contradictions"], "Listed contradictions (detected = a conflict on the quoted words):",
                       lambda i: i["kind"])
    non = run_items(inv["non_conflicts"], "Tempting non-conflicts (flagged = judged a conflict):", lambda i: i["kind"])
    reviewed = run_items(inv.get("reviewed_unmatched", []), "Reviewed non-conflicts (flagged = judged a conflict):",
                         lambda i: "reviewed")
    rows.update(contra)
    rows.update(non)
    rows.update(reviewed)

    detected = [k for k, r in contra.items() if r["verdict"] == "detected"]
    covered = [k for k, r in contra.items() if not r["verdict"].startswith("no claim")]
    other = [k for k, r in contra.items() if r["verdict"] == "flagged for another reason"]
    flagged = [k for k, r in {**non, **reviewed}.items() if r["found"]]
    flagged_other = [k for k, r in {**non, **reviewed}.items() if r["verdict"] == "flagged for another reason"]
    judged_non = [k for k, r in {**non, **reviewed}.items() if not r["verdict"].startswith("no claim")]
    total = len(detected) + len(other) + len(flagged)
    print(f"\nContradictions detected: {len(detected)}/{len(contra)} ({len(detected)}/{len(covered)} where both sides "
          f"have a claim; {len(other)} flagged only for another reason)")
    print(f"Non-conflicts wrongly flagged: {len(flagged)}/{len(non) + len(reviewed)} "
          f"({len(judged_non)} with a claim on both sides){': ' + ', '.join(flagged) if flagged else ''}; "
          f"{len(flagged_other)} flagged only over other words of the same claims")
    print(f"Pair precision: {len(detected)}/{total}" + (f" ({100 * len(detected) / total:.0f}%)" if total else "")
          + f"\nTime: {time.perf_counter() - t0:.1f} s")
    if args.json:
        args.json.write_text(json.dumps({
            "detected": detected, "flagged_other_reason": other, "non_conflicts_flagged": flagged,
            "non_conflicts_flagged_other_reason": flagged_other,
            "verdicts": {k: r["verdict"] for k, r in rows.items()},
        }, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
