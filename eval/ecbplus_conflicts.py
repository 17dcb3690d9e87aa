"""Conflicts and people on hand-read ECB+ sub-topics: does storyline find what a fact-checker finds?

``eval/ecbplus_conflicts.json`` lists, for a few sub-topics read by hand (a rehab check-in, an
office-party shooting, two earthquakes, a hit-and-run arrest, a DUI arrest):

* ``contradictions``: pairs of statements in two articles that cannot both be true, each side a
  list of ``{file, quote}`` saying the same value (any cross pair is the same contradiction);
* ``non_conflicts``: tempting pairs that are compatible (updates, scope, lower bounds, rounding, a
  different event of the same kind);
* ``people``: the real people named in each sub-topic (canonical name -> accepted short forms).

This script runs storyline on those sub-topics (as ``eval/ecbplus.py`` does: one story per
sub-topic, library API) and reports:

* for each contradiction, whether storyline reports a conflict between a claim overlapping a
  quote of side A and one overlapping a quote of side B, and if not, why: no claim on a side, the
  claims are in different facts, or they share a fact but no conflict was reported;
* for each non-conflict, whether it is (wrongly) flagged;
* conflict precision over ALL conflicts storyline reports in those sub-topics: a conflict counts
  as correct only if it matches a listed contradiction; the unmatched ones are printed and written
  to a file for a person to check (some may be real contradictions the list missed); verdicts
  already given on such conflicts (``reviewed_unmatched`` in the JSON) are printed with them;
* PERSON precision: the story entities typed PERSON whose name is a listed person (or one of its
  short forms; titles such as 'Const.' and a possessive 's are ignored), and how many listed
  people were found; the entities not listed are split into unnamed people the cast bound to no
  name ("the victim": every member article entity is marked ``unnamed``) and the rest.

A conflict side is the span of its claim, age or mention (``Conflict.claims`` may hold Age ``g-``
and Mention ``m-`` ids). Spans overlap when they share a character.

    PYTHONPATH=src python eval/ecbplus_conflicts.py [--root ../shared/eval-data/ecbplus_dev]
        [--inventory eval/ecbplus_conflicts.json] [--unmatched out/ecbplus_conflicts_unmatched.txt]
        [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ecbplus import SubtopicRun, run_storyline  # noqa: E402
from ecbplus_corpus import default_root, load_corpus  # noqa: E402

HERE = Path(__file__).resolve().parent
_TITLES = re.compile(r"^(?:mr|mrs|ms|dr|const|constable|sgt|gov|governor|officer|sheriff|judge)\.?\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    article: str
    start: int
    end: int
    text: str

    def overlaps(self, other: Span) -> bool:
        return self.article == other.article and self.start < other.end and other.start < self.end


def locate(item: dict, docs: dict) -> dict[str, list[Span]]:
    """The quote spans of both sides of an inventory item; each quote must occur exactly once."""
    out = {}
    for side in ("a", "b"):
        spans = []
        for q in item[side]:
            text = docs[q["file"]].text
            n = text.count(q["quote"])
            if n != 1:
                raise ValueError(f"{item['id']}: quote {q['quote']!r} occurs {n} times in {q['file']} (must be once)")
            start = text.index(q["quote"])
            spans.append(Span(q["file"], start, start + len(q["quote"]), q["quote"]))
        out[side] = spans
    return out


def span_index(run: SubtopicRun) -> dict[str, Span]:
    """Claim, age and mention id -> its span."""
    out = {}
    for name, r in run.readings.items():
        for rec in (*r.claims, *r.ages, *r.mentions):
            out[rec.id] = Span(name, rec.start, rec.end, r.article.text[rec.start:rec.end])
    return out


def _matches(pair: tuple[Span, Span], sides: dict[str, list[Span]]) -> bool:
    x, y = pair

    def on(s: Span, side: str) -> bool:
        return any(s.overlaps(q) for q in sides[side])

    return (on(x, "a") and on(y, "b")) or (on(x, "b") and on(y, "a"))


def _why_missed(sides: dict[str, list[Span]], run: SubtopicRun, spans: dict[str, Span]) -> str:
    fact_of = run.fact_of()
    claims = {cid: s for cid, s in spans.items() if cid.startswith("c-") or cid in fact_of}
    on = {side: {cid for cid, s in claims.items() if any(s.overlaps(q) for q in sides[side])} for side in ("a", "b")}
    if not on["a"] or not on["b"]:
        missing = [side.upper() for side in ("a", "b") if not on[side]]
        return f"no claim overlaps side {'/'.join(missing)}"
    facts_a = {fact_of.get(c) for c in on["a"]} - {None}
    facts_b = {fact_of.get(c) for c in on["b"]} - {None}
    if facts_a & facts_b:
        return "claims share a fact, no conflict reported"
    return f"claims in different facts ({len(facts_a)} vs {len(facts_b)})"


def _norm(name: str) -> str:
    name = name.replace("\u2019", "'").strip()
    name = _TITLES.sub("", name)
    name = re.sub(r"'s$", "", name)
    return re.sub(r"\s+", " ", name).casefold()


def load_runs(inventory: Path, root: Path | None) -> tuple[dict, dict, dict[str, SubtopicRun]]:
    """The inventory, its sub-topics' documents by file name, and storyline's run of each sub-topic."""
    inv = json.loads(inventory.read_text(encoding="utf-8"))
    subs = inv["subtopics"]
    topics = sorted({int(re.match(r"\d+", s)[0]) for s in subs})
    docs = [d for d in load_corpus(root, topics) if d.subtopic in subs]
    return inv, {d.name: d for d in docs}, run_storyline(docs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=None, help=f"ECB+ root (default {default_root()})")
    ap.add_argument("--inventory", type=Path, default=HERE / "ecbplus_conflicts.json")
    ap.add_argument("--unmatched", type=Path, default=HERE.parent / "out" / "ecbplus_conflicts_unmatched.txt",
                    help="file for the reported conflicts that match no listed contradiction")
    ap.add_argument("--json", type=Path, default=None, help="write the numbers to this JSON file")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    inv, by_name, runs = load_runs(args.inventory, args.root)
    subs = inv["subtopics"]
    docs = list(by_name.values())
    spans = {sub: span_index(run) for sub, run in runs.items()}
    reviewed = inv.get("reviewed_unmatched", [])
    located = {item["id"]: locate(item, by_name) for item in inv["contradictions"] + inv["non_conflicts"] + reviewed}

    reported: dict[str, list[tuple[object, tuple[Span, Span] | None]]] = {}
    for sub, run in runs.items():
        reported[sub] = []
        for c in run.story.conflicts:
            sides = [spans[sub].get(x) for x in c.claims[:2]]
            reported[sub].append((c, (sides[0], sides[1]) if len(sides) == 2 and all(sides) else None))

    print(f"ECB+ sub-topics {', '.join(subs)}: {len(docs)} documents; storyline reports "
          f"{sum(len(v) for v in reported.values())} conflicts")
    print("\nListed contradictions (found = a reported conflict joins a claim on each side):")
    found_ids = []
    rows = {}
    for item in inv["contradictions"]:
        sub, sides = item["subtopic"], located[item["id"]]
        hits = [c for c, pair in reported[sub] if pair and _matches(pair, sides)]
        why = "found" if hits else _why_missed(sides, runs[sub], spans[sub])
        if hits:
            found_ids.append(item["id"])
        rows[item["id"]] = why
        print(f"  {item['id']:>4} {sub:<10} {item['kind']:<9} {'FOUND' if hits else 'missed':<6} {why if not hits else hits[0].kind}"
              f"  | {item['why']}")
    print("\nTempting non-conflicts (flagged = wrongly reported as a conflict):")
    flagged_ids = []
    for item in inv["non_conflicts"]:
        sub, sides = item["subtopic"], located[item["id"]]
        hits = [c for c, pair in reported[sub] if pair and _matches(pair, sides)]
        if hits:
            flagged_ids.append(item["id"])
        print(f"  {item['id']:>4} {sub:<10} {item['kind']:<9} {'FLAGGED' if hits else 'ok':<7} | {item['why']}")

    correct, unmatched = 0, []
    for sub, items in reported.items():
        listed = [located[i["id"]] for i in inv["contradictions"] if i["subtopic"] == sub]
        for c, pair in items:
            if pair and any(_matches(pair, sides) for sides in listed):
                correct += 1
            else:
                unmatched.append((sub, c, pair))
    total = correct + len(unmatched)
    n_c, n_n = len(inv["contradictions"]), len(inv["non_conflicts"])
    print(f"\nContradictions found: {len(found_ids)}/{n_c}; non-conflicts flagged: {len(flagged_ids)}/{n_n}; "
          f"conflict precision: {correct}/{total}" + (f" ({100 * correct / total:.0f}%)" if total else ""))
    lines = []
    for sub, c, pair in unmatched:
        verdict = next((r["verdict"] for r in reviewed if r["subtopic"] == sub and pair and _matches(pair, located[r["id"]])),
                       "not reviewed yet")
        lines.append(f"[{sub}] {c.kind}: {c.reason}\n    reviewed: {verdict}")
        if pair:
            for s in pair:
                lines.append(f"    {s.article} @{s.start}: {s.text[:160]!r}")
    if lines:
        print("\nReported conflicts matching no listed contradiction (check by hand):")
        print("\n".join(lines))
        args.unmatched.parent.mkdir(parents=True, exist_ok=True)
        args.unmatched.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"(also written to {args.unmatched})")

    print("\nPERSON story entities vs the hand-written list of real people:")
    person_rows = {}
    for sub in subs:
        listed = inv["people"].get(sub, {})
        forms = {_norm(f): canon for canon, short in listed.items() for f in (canon, *short)}
        persons = [e for e in runs[sub].story.entities if e.type == "PERSON"]
        good = [(e, forms[_norm(e.name)]) for e in persons if _norm(e.name) in forms]
        bad = [e.name for e in persons if _norm(e.name) not in forms]
        # A person the articles never name ("the victim", "the man"): a person, but one the cast
        # bound to no name; counted apart from what is no person at all.
        members = {a.id: a for r in runs[sub].readings.values() for a in r.entities}
        unnamed = [e.name for e in persons if _norm(e.name) not in forms
                   and all((members.get(m) is not None and (members[m].attributes or {}).get("unnamed")) for m in e.members)]
        found = {canon for _, canon in good}
        split = {canon: [e.name for e, c in good if c == canon] for canon in found}
        split = {canon: names for canon, names in split.items() if len(names) > 1}
        person_rows[sub] = {"persons": len(persons), "real": len(good), "listed": len(listed), "found": len(found),
                            "not_people": bad, "unnamed": unnamed, "missing": sorted(set(listed) - found), "split": split}
        print(f"  {sub:<10} precision {len(good)}/{len(persons)}; listed people found {len(found)}/{len(listed)}; "
              f"split into several entities: {len(good) - len(found)}"
              + "".join(f"\n    split: {canon} = {' | '.join(names)}" for canon, names in sorted(split.items())))
        if bad:
            print(f"    not a (listed) person: {'; '.join(bad)}")
        if person_rows[sub]["missing"]:
            print(f"    listed but not a PERSON entity: {'; '.join(person_rows[sub]['missing'])}")
    p_all = sum(r["real"] for r in person_rows.values())
    n_all = sum(r["persons"] for r in person_rows.values())
    print(f"  all: PERSON precision {p_all}/{n_all}" + (f" ({100 * p_all / n_all:.0f}%)" if n_all else "")
          + f"; people found {sum(r['found'] for r in person_rows.values())}/{sum(r['listed'] for r in person_rows.values())}")
    u_all = sum(len(r["unnamed"]) for r in person_rows.values())
    others = [n for r in person_rows.values() for n in r["not_people"] if n not in r["unnamed"]]
    print(f"  of the {n_all - p_all} not listed: {u_all} unnamed people bound to no name (the victim, the man), "
          f"{len(others)} other: {'; '.join(others)}")
    named = n_all - u_all
    print(f"  named PERSON precision (unnamed people left out: they are people, bound to no name): {p_all}/{named}"
          + (f" ({100 * p_all / named:.0f}%)" if named else ""))
    print(f"\nTime: {time.perf_counter() - t0:.1f} s")
    if args.json:
        args.json.write_text(json.dumps({
            "contradictions": rows, "found": found_ids, "non_conflicts_flagged": flagged_ids,
            "conflicts_reported": total, "conflicts_correct": correct, "people": person_rows,
        }, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
