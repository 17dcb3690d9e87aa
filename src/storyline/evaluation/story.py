"""Scoring the reconciled story (conflicts, traps, echoes, facts) against the gold ``story`` section.

A gold reference is ``[article id, substring]`` (optionally a third element: the occurrence).
A conflict's or trap's ``between`` holds two *sides*, each one reference or a list of references
(the wrong claim on one side, every claim it contradicts on the other).
A predicted record *touches* a reference when it lies in the same article and its span overlaps
the substring, or, for a claim, when its sentence span contains the substring. Records are looked
up by id among the readings' claims, ages, timexes and mentions, so a conflict may cite any of them.

- conflicts: a gold conflict is *located* when one predicted conflict touches a reference of each
  side, and *found* when, in addition, its reason mentions every item of the gold
  ``reason_mentions`` (case-insensitive; an item may be a list of alternatives: ``["three", "3"]``);
  predicted conflicts that locate no gold conflict are counted as spurious;
- traps: *flagged* when a predicted conflict touches a reference of each side;
- echoes: *found* when a predicted echo's claim touches the gold claim and its original touches the
  gold original; *counted once* when found and, for a gold fact holding the echo, the predicted
  fact holding its claims has the gold ``independent_sources``;
- facts: the predicted fact holding most of the gold fact's claims is compared on status and
  independent sources.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from storyline.core.records import ArticleReading, Story
from storyline.evaluation.gold import gold_articles, match_article
from storyline.evaluation.locate import GoldError, Span, locate, overlap
from storyline.evaluation.readings import clause_claims

__all__ = ["score_story"]

# (article id, span, sentence span or None)
_Where = tuple[str, Span, Span | None]


def _index(readings: list[ArticleReading]) -> dict[str, _Where]:
    """Record id -> where it sits, for claims, ages, timexes and mentions."""
    out: dict[str, _Where] = {}
    for r in readings:
        aid = r.article.id
        for c in r.claims:
            out[c.id] = (aid, (c.start, c.end), (c.sentence_start, c.sentence_end))
        for group in (r.ages, r.timexes, r.mentions):
            for x in group:
                out[x.id] = (aid, (x.start, x.end), None)
    return out


class _Refs:
    """Resolves gold references to (stored article id, span)."""

    def __init__(self, gold: dict, readings: list[ArticleReading]):
        by_key: dict[str, ArticleReading] = {}
        for r in readings:
            by_key[r.article.id] = r
            if r.article.url:
                by_key.setdefault(r.article.url, r)
        self.reading: dict[str, ArticleReading] = {}
        for entry in gold_articles(gold):
            found = match_article(entry, by_key)
            if found is not None:
                self.reading[entry["id"]] = found

    def __call__(self, ref) -> tuple[str, Span] | None:
        aid, text = ref[0], ref[1]
        occurrence = ref[2] if len(ref) > 2 else None
        reading = self.reading.get(aid)
        if reading is None:
            return None
        return reading.article.id, locate(reading.article.text, text, occurrence, where=f"story ref {aid}")


def _touches(where: _Where | None, ref: tuple[str, Span] | None) -> bool:
    if where is None or ref is None or where[0] != ref[0]:
        return False
    span, sentence = where[1], where[2]
    if overlap(span, ref[1]) > 0:
        return True
    return sentence is not None and sentence[0] <= ref[1][0] and ref[1][1] <= sentence[1]


def _is_ref(item) -> bool:
    return isinstance(item, list | tuple) and len(item) >= 2 and isinstance(item[0], str)


def _sides(between: list) -> list[list]:
    """The two sides of a ``between`` list, each as a list of references."""
    return [[side] if _is_ref(side) else list(side) for side in between]


def _spans_sides(record_ids: Iterable[str], sides: list[list], index: dict[str, _Where]) -> bool:
    """True when the records touch a reference on every side."""
    wheres = [index.get(rid) for rid in record_ids]
    return all(any(_touches(w, ref) for w in wheres for ref in side) for side in sides)


def _mentions_all(reason: str, items: list) -> bool:
    reason = reason.lower()
    return all(any(alt.lower() in reason for alt in ([item] if isinstance(item, str) else item)) for item in items)


def _ratio(n: int, d: int) -> float:
    return round(n / d, 4) if d else 0.0


def score_story(gold: dict, readings: Iterable[ArticleReading], story: Story) -> dict:
    """Story-level scores of ``story`` (built from ``readings``) against ``gold["story"]``."""
    readings = list(readings)
    index = _index(readings)
    resolve = _Refs(gold, readings)
    section = gold.get("story", {})
    unresolved: list[str] = []

    def refs_of(items) -> list:
        out = []
        for ref in items:
            try:
                out.append(resolve(ref))
            except GoldError as exc:
                unresolved.append(str(exc))
                out.append(None)
        return out

    def sides_of(between) -> list[list]:
        return [refs_of(side) for side in _sides(between)]

    conflicts = section.get("conflicts", [])
    located = found = 0
    matched_pred: set[str] = set()
    per_conflict = []
    for g in conflicts:
        sides = sides_of(g["between"])
        hit = reasoned = False
        for c in story.conflicts:
            if _spans_sides(c.claims, sides, index):
                hit = True
                matched_pred.add(c.id)
                reasoned = reasoned or _mentions_all(c.reason, g.get("reason_mentions", []))
        located += hit
        found += reasoned
        per_conflict.append({"kind": g.get("kind"), "located": hit, "found": reasoned})

    traps = section.get("traps", [])
    flagged = 0
    for t in traps:
        sides = sides_of(t["between"])
        if any(_spans_sides(c.claims, sides, index) for c in story.conflicts):
            flagged += 1

    facts_gold = section.get("facts", [])
    fact_of_claim: dict[str, list] = {}
    for f in story.facts:
        for cid in f.claims:
            fact_of_claim.setdefault(cid, []).append(f)

    # A fact holds claims, and an age or children-count fact also Age and Mention ids (Fact.claims):
    # every record a fact holds can vote for it, but for claims nested in another claim (the golds
    # refer to clause claims: see clause_claims).
    nested = {c.id for r in readings for c in r.claims} - {c.id for r in readings for c in clause_claims(r.claims)}
    claim_ids = [rid for rid in dict.fromkeys(fact_of_claim) if rid in index and rid not in nested]

    def claims_touching(ref) -> list[str]:
        return [cid for cid in claim_ids if _touches(index[cid], ref)]

    def best_fact(refs: list):
        votes: Counter = Counter()
        facts = {}
        for ref in refs:
            for cid in claims_touching(ref):
                for f in fact_of_claim.get(cid, []):
                    votes[f.id] += 1
                    facts[f.id] = f
        return facts[votes.most_common(1)[0][0]] if votes else None

    status_ok = sources_ok = sources_total = 0
    gold_fact_of_ref: list[tuple[list, dict]] = []
    for g in facts_gold:
        refs = refs_of(g["claims"])
        gold_fact_of_ref.append((refs, g))
        f = best_fact(refs)
        status_ok += f is not None and f.status == g.get("status")
        if g.get("independent_sources") is not None:
            sources_total += 1
            sources_ok += f is not None and f.independent_sources == g["independent_sources"]

    echoes = section.get("echoes", [])
    echo_found = counted_once = 0
    for e in echoes:
        claim_ref, original_ref = refs_of([e["claim"], e["original"]])
        hit = any(
            _touches(index.get(x.claim), claim_ref) and x.original is not None and _touches(index.get(x.original), original_ref)
            for x in story.echoes
        )
        echo_found += hit
        if not hit:
            continue
        ok = True
        for refs, g in gold_fact_of_ref:
            if any(r is not None and claim_ref is not None and r[0] == claim_ref[0] and overlap(r[1], claim_ref[1]) for r in refs):
                if g.get("independent_sources") is not None:
                    f = best_fact(refs)
                    ok = ok and f is not None and f.independent_sources == g["independent_sources"]
        counted_once += ok

    return {
        "conflicts_found": _ratio(found, len(conflicts)),
        "conflicts_located": _ratio(located, len(conflicts)),
        "conflicts_gold": len(conflicts),
        "conflicts_predicted": len(story.conflicts),
        "conflicts_spurious": len(story.conflicts) - len(matched_pred),
        "per_conflict": per_conflict,
        "traps_not_flagged": _ratio(len(traps) - flagged, len(traps)),
        "traps_flagged": flagged,
        "echoes_found": _ratio(echo_found, len(echoes)),
        "echoes_counted_once": _ratio(counted_once, len(echoes)),
        "fact_status_accuracy": _ratio(status_ok, len(facts_gold)),
        "fact_sources_accuracy": _ratio(sources_ok, sources_total),
        "unresolved_refs": unresolved,
    }
