"""Scoring what was read from each article (ArticleReading records) against gold.

Matching rules (documented in the gold README and reported with the scores):

- entity mentions: exact character spans; per-kind recall besides P/R/F1;
- timexes: spans matched one-to-one by overlap (relaxed span F1) and by identity (strict); value
  accuracy over the relaxed matches; a predicted timex on a ``not_timexes`` string is counted;
- ages: a gold age is found when an Age of the same value belongs to a predicted entity that maps
  to the gold entity (by shared mention spans, else by name);
- attributions are scored as attributions (PARC: source + cue + content), not as claims: the
  clause claims of one attribution (:func:`attributions_of`: same source record, sentence stretches
  that overlap, the source mention not between them) are one predicted attribution whose content
  runs from its first claim to its last, however many claims the content holds ('X said A and B'
  read as two claims is one prediction). A predicted attribution and a gold one pair up when their
  contents overlap by at least half of the shorter one AND their sources overlap (a null gold source
  pairs with a null predicted source); one-to-one, best overlap first. An unpaired predicted
  attribution lying mostly inside a paired gold content with the same source is a split part (a
  multi-sentence quote read per sentence) and is not counted. Claims of kind ``unattributed`` only count as
  false positives for gold articles that annotate narration (any gold ``unattributed`` entry);
  nested gold quotes are left out (their outer quote is scored). Only clause-level claims are
  scored (:func:`clause_claims`): a claim nested inside another claim of the same source (an
  event mention inside a clause: 'the arrest' in 'police announced the arrest') is no attribution
  or narration clause of its own, and the golds do not annotate it.
- attributions, apart: ``content`` P/R/F1 (contents matched one-to-one as above, no source
  condition) and ``source`` P/R/F1 (distinct source spans, one-to-one by any overlap) over the
  claims that count as attributions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from storyline.core.records import ArticleReading, Claim
from storyline.evaluation.gold import (
    GoldAttribution,
    LocatedArticle,
    corpus_articles,
    gold_articles,
    locate_article,
    match_article,
)
from storyline.evaluation.locate import Span, overlap
from storyline.reconcile.nesting import clause_claims

__all__ = ["prf", "match_spans", "score_readings", "located_pairs", "gold_texts", "clause_claims", "attributions_of"]


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    """Precision, recall and F1 (0.0 when undefined) with the raw counts."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}


def match_spans(gold: Sequence[Span], pred: Sequence[Span], accept) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs accepted by ``accept(g, p)``, best overlap first."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if accept(gi, pi):
                shorter = max(1, min(g[1] - g[0], p[1] - p[0]))
                candidates.append((-overlap(g, p) / shorter, abs(g[0] - p[0]), gi, pi))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return pairs


def located_pairs(gold: dict, readings: Iterable[ArticleReading]) -> list[tuple[LocatedArticle, ArticleReading]]:
    """Each gold article located in the text of the reading it describes (unmatched ones skipped)."""
    by_key: dict[str, ArticleReading] = {}
    for r in readings:
        by_key[r.article.id] = r
        if r.article.url:
            by_key.setdefault(r.article.url, r)
    out = []
    for entry in gold_articles(gold):
        reading = match_article(entry, by_key)
        if reading is not None:
            out.append((locate_article(entry, reading.article.text), reading))
    return out


def _entity_map(located: LocatedArticle, reading: ArticleReading) -> dict[str, str]:
    """Predicted ArticleEntity id -> gold entity name, by majority of exactly shared mentions."""
    gold_at = {(m.start, m.end): m.entity for m in located.mentions}
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in reading.mentions:
        if (m.start, m.end) in gold_at:
            votes[m.entity][gold_at[(m.start, m.end)]] += 1
    out = {eid: c.most_common(1)[0][0] for eid, c in votes.items()}
    surface = {located.text[m.start : m.end]: m.entity for m in located.mentions if m.kind == "name"}
    for e in reading.entities:
        if e.id not in out and e.name in surface:
            out[e.id] = surface[e.name]
    return out


def _score_entities(pairs) -> dict:
    tp = n_pred = n_gold = 0
    kind_found: Counter = Counter()
    kind_total: Counter = Counter()
    for located, reading in pairs:
        gold = {(m.start, m.end): m for m in located.mentions}
        pred = {(m.start, m.end) for m in reading.mentions}
        n_gold += len(gold)
        n_pred += len(pred)
        tp += len(pred & gold.keys())
        for span, m in gold.items():
            kind_total[m.kind] += 1
            kind_found[m.kind] += span in pred
    out = prf(tp, n_pred, n_gold)
    out["recall_by_kind"] = {k: round(kind_found[k] / kind_total[k], 4) for k in sorted(kind_total)}
    return out


def _score_timexes(pairs) -> dict:
    strict = relaxed = n_pred = n_gold = correct = flagged = 0
    for located, reading in pairs:
        gold = [(t.start, t.end) for t in located.timexes]
        pred = [(t.start, t.end) for t in reading.timexes]
        n_gold += len(gold)
        n_pred += len(pred)
        strict += len(set(gold) & set(pred))
        matched = match_spans(gold, pred, lambda g, p: overlap(gold[g], pred[p]) > 0)
        relaxed += len(matched)
        correct += sum(located.timexes[g].value == reading.timexes[p].value for g, p in matched)
        flagged += sum(any(overlap(n, p) for p in pred) for n in located.not_timexes)
    return {
        "span": prf(relaxed, n_pred, n_gold),
        "span_strict": prf(strict, n_pred, n_gold),
        "value_accuracy": round(correct / relaxed, 4) if relaxed else 0.0,
        "value_recall": round(correct / n_gold, 4) if n_gold else 0.0,
        "not_timexes_tagged": flagged,
    }


def _score_ages(pairs) -> dict:
    found = total = n_pred = right = 0
    for located, reading in pairs:
        emap = _entity_map(located, reading)
        pred = [(emap.get(a.entity), a.value) for a in reading.ages]
        n_pred += len(pred)
        gold = Counter((g["entity"], int(g["value"])) for g in located.ages)
        total += sum(gold.values())
        available = Counter(pred)
        for key, n in gold.items():
            found += min(n, available[key])
        right += sum(1 for p in pred if p in gold)
    return {"recall": round(found / total, 4) if total else 0.0, "precision": round(right / n_pred, 4) if n_pred else 0.0,
            "found": found, "gold": total, "pred": n_pred}


def attributions_of(claims: Sequence[Claim]) -> list[list[Claim]]:
    """The claims of one article grouped into the attributions they were read from, in text order.

    The records keep no attribution id, but the read stage gives every claim of one attribution
    the same :class:`~storyline.core.records.Source` and a sentence stretch that holds the whole
    content; so claims join one attribution when their sources are equal, their stretches overlap
    and the source mention does not stand between them (a quote split around its cue, '"A," Ortiz
    said, "B."', is two attributions, as the golds annotate it). A continuation quote in the next
    sentence has a stretch of its own: an attribution of its own."""
    groups: list[list[Claim]] = []
    current: dict[object, list[Claim]] = {}  # source -> its latest attribution
    for c in sorted(claims, key=lambda c: (c.start, c.end)):
        group = current.get(c.source)
        if group is not None:
            last, src = group[-1], c.source
            overlapping = c.sentence_start < last.sentence_end and last.sentence_start < c.sentence_end
            between = src.start is not None and last.end <= src.start and src.end is not None and src.end <= c.start
            if overlapping and not between:
                group.append(c)
                continue
        groups.append([c])
        current[c.source] = groups[-1]
    return groups


def _claim_spans(group: Sequence[Claim]) -> tuple[Span, Span | None]:
    c = group[0]
    src = (c.source.start, c.source.end) if c.source.start is not None and c.source.end is not None else None
    return (min(x.start for x in group), max(x.end for x in group)), src


def _pair_ok(g: GoldAttribution, content: Span, source: Span | None) -> bool:
    shorter = min(g.content[1] - g.content[0], content[1] - content[0])
    if shorter <= 0 or overlap(g.content, content) < 0.5 * shorter:
        return False
    if g.source is None:
        return source is None
    return overlap(g.source, source) > 0


def _content_ok(g: GoldAttribution, content: Span) -> bool:
    shorter = min(g.content[1] - g.content[0], content[1] - content[0])
    return shorter > 0 and overlap(g.content, content) >= 0.5 * shorter


def _referent_ok(g: GoldAttribution, c: Claim, emap: dict[str, str], owner: dict, clashes: Counter) -> bool:
    """Does the predicted source denote the gold source (register key or person)?"""
    if g.source_id and g.source_id.startswith("anonymous"):
        key = c.source.key
        return key is not None and key == owner.get(g.source_id) and clashes[key] == 1
    if g.source_entity:
        return c.source.entity is not None and emap.get(c.source.entity) == g.source_entity
    return True


def _score_attributions(pairs) -> dict:
    tp = n_pred = n_gold = content_hits = 0
    n_counted = content_tp = n_gold_sources = n_pred_sources = source_tp = 0
    kind_ok = cert_ok = pol_ok = 0
    oos_total = oos_found = 0
    reg_total = reg_ok = 0
    kind_total: Counter = Counter()
    kind_found: Counter = Counter()
    kind_right: Counter = Counter()
    confusion: Counter = Counter()
    for located, reading in pairs:
        narration = any(g.kind == "unattributed" for g in located.attributions)
        gold = [g for g in located.attributions if not g.nested and (narration or g.kind != "unattributed")]
        groups = attributions_of(clause_claims(reading.claims))
        claims = [g[0] for g in groups]  # each attribution's first claim speaks for its kind and certainty
        spans = [_claim_spans(g) for g in groups]
        matched = match_spans([g.content for g in gold], [s[0] for s in spans],
                              lambda gi, pi: _pair_ok(gold[gi], *spans[pi]))
        matched_pred = {p for _, p in matched}
        # An attribution split off a matched one (a two-sentence quote read per sentence) is
        # neither a hit nor a false positive.
        parts = {
            pi for pi, (content, source) in enumerate(spans)
            if pi not in matched_pred
            and any(overlap(gold[gi].content, content) >= 0.5 * max(1, content[1] - content[0])
                    and (overlap(gold[gi].source, source) > 0 if gold[gi].source else source is None)
                    for gi, _ in matched)
        }
        # Unattributed claims are optional where the gold does not annotate narration.
        n_pred += sum(1 for i, c in enumerate(claims)
                      if i not in parts and (narration or c.source.kind != "unattributed" or i in matched_pred))
        n_gold += len(gold)
        tp += len(matched)
        content_hits += len(match_spans([g.content for g in gold], [s[0] for s in spans],
                                        lambda gi, pi: _content_ok(gold[gi], spans[pi][0])))
        # Content and source scored apart (P/R/F1): the predictions are the claims that count as
        # attributions here (split parts aside; narration only where the gold annotates it).
        counted = [spans[i] for i, c in enumerate(claims)
                   if i not in parts and (narration or c.source.kind != "unattributed")]
        n_counted += len(counted)
        content_tp += len(match_spans([g.content for g in gold], [s[0] for s in counted],
                                      lambda gi, pi: _content_ok(gold[gi], counted[pi][0])))
        # A source is a mention: several contents of one "Waldie said" count it once on each side.
        gold_sources = sorted({g.source for g in gold if g.source is not None})
        pred_sources = sorted({s[1] for s in counted if s[1] is not None})
        n_gold_sources += len(gold_sources)
        n_pred_sources += len(pred_sources)
        source_tp += len(match_spans(gold_sources, pred_sources,
                                     lambda gi, pi: overlap(gold_sources[gi], pred_sources[pi]) > 0))
        keys: dict[str, Counter] = defaultdict(Counter)
        for gi, pi in matched:
            g, c = gold[gi], claims[pi]
            kind_ok += g.kind == c.source.kind
            confusion[(g.kind, c.source.kind)] += 1
            cert_ok += g.certainty == c.certainty
            pol_ok += g.polarity == c.polarity
            if g.source_id:
                keys[g.source_id][c.source.key] += 1
        for g in gold:
            kind_total[g.kind] += 1
            oos_total += g.out_of_sentence
        # Register: each gold anonymous source must map to its own predicted key, consistently.
        owner = {gid: c.most_common(1)[0][0] for gid, c in keys.items()}
        clashes = Counter(k for k in owner.values() if k is not None)
        emap = _entity_map(located, reading)
        for gi, pi in matched:
            kind_found[gold[gi].kind] += 1
            kind_right[gold[gi].kind] += gold[gi].kind == claims[pi].source.kind
            # An out-of-sentence source counts as found only when it resolves to the right
            # referent, not merely when the anaphor ("the insider", "he") overlaps.
            oos_found += gold[gi].out_of_sentence and _referent_ok(gold[gi], claims[pi], emap, owner, clashes)
        for gi, pi in matched:
            gid = gold[gi].source_id
            if gid:
                reg_total += 1
                key = claims[pi].source.key
                reg_ok += key is not None and key == owner[gid] and clashes[key] == 1
    out = prf(tp, n_pred, n_gold)
    out.update(
        content_recall=round(content_hits / n_gold, 4) if n_gold else 0.0,
        content=prf(content_tp, n_counted, n_gold),
        source=prf(source_tp, n_pred_sources, n_gold_sources),
        kind_accuracy=round(kind_ok / tp, 4) if tp else 0.0,
        certainty_accuracy=round(cert_ok / tp, 4) if tp else 0.0,
        polarity_accuracy=round(pol_ok / tp, 4) if tp else 0.0,
        out_of_sentence_recall=round(oos_found / oos_total, 4) if oos_total else 0.0,
        out_of_sentence_gold=oos_total,
        register_accuracy=round(reg_ok / reg_total, 4) if reg_total else 0.0,
        recall_by_kind={k: round(kind_found[k] / kind_total[k], 4) for k in sorted(kind_total)},
        # Found with the right kind: the recall of a kind as the reader would export it.
        kind_recall_by_kind={k: round(kind_right[k] / kind_total[k], 4) for k in sorted(kind_total)},
        kind_confusion={f"{g}->{p}": n for (g, p), n in sorted(confusion.items()) if g != p},
    )
    return out


def score_readings(gold: dict, readings: Iterable[ArticleReading]) -> dict:
    """All read-stage scores of ``readings`` against ``gold`` (a dict from :func:`load_gold`).

    Keys: ``articles`` (matched / gold), then ``entities``, ``timexes``, ``ages`` and
    ``attributions`` for each layer the gold annotates.
    """
    pairs = located_pairs(gold, readings)
    entries = gold_articles(gold)
    out: dict = {"articles": {"matched": len(pairs), "gold": len(entries)}}
    # Only what the gold annotates is scored (the attribution gold has no timexes or ages).
    if any("entities" in e for e in entries):
        out["entities"] = _score_entities(pairs)
    if any("timexes" in e for e in entries):
        out["timexes"] = _score_timexes(pairs)
    if any("ages" in e for e in entries):
        out["ages"] = _score_ages(pairs)
    if any("attributions" in e for e in entries):
        out["attributions"] = _score_attributions(pairs)
    return out


def gold_texts(gold: dict) -> dict[str, str]:
    """Gold article id -> text, from the corpus (or inline texts); for validating the gold."""
    articles = corpus_articles(gold)
    by_key = {a.id: a for a in articles} | {a.url: a for a in articles if a.url}
    out = {}
    for entry in gold_articles(gold):
        found = match_article(entry, by_key)
        if found is not None:
            out[entry["id"]] = found.text
    return out
