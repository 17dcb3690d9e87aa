"""Cross-document entity coreference on MEANTIME (intra_cross-doc_annotation): MUC, B³, CEAF-e, CoNLL.

What is evaluated: storyline's cast linking (``storyline.reconcile.cast.build_cast``), i.e. the
step that links each article's entities into story entities. Input per document are the gold
in-document entity chains (mentions grouped by the gold instance they REFER_TO), turned into
``ArticleEntity`` records: name = the longest proper-name mention (else the longest mention),
aliases = the other mention texts, type from ``ent_type`` (PER → PERSON, ORG → ORG, LOC → GPE,
others → OTHER). The response clustering puts every gold mention into the story entity its
document entity was linked to; the key clusters the same mentions by the gold cross-document
``instance_id``. Mentions not referring to any instance are left out (gold singletons).

Linking is done per topic corpus (airbus, apple, gm, stock: each is one "story"), as in
MEANTIME's cross-document annotation, and scores are computed over all four topics together.

With ``--pipeline`` a fourth line scores the whole chain: storyline's read pipeline (entities and
in-document coreference) on the rebuilt text, then the cast; each gold mention takes the story
entity of the predicted mention with its span (or its end), else stays a singleton.

Printed baselines measured in the same run:
  * ``no-link``: every document entity is its own cluster (within-document coreference only);
  * ``same-name``: document entities with an identical (case-folded) name are linked.

Metrics (``storyline.evaluation.coref_metrics``): MUC (Vilain et al. 1995), B³ (Bagga & Baldwin
1998, mention-weighted), CEAF-e (Luo 2005, entity-based φ4 with an optimal one-to-one alignment,
Hungarian algorithm), CoNLL = mean of the three F1s (Pradhan et al. 2014).

    python eval/meantime_crossdoc.py [--root ../shared/eval-data/meantime_en] [--topics apple gm]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from meantime_corpus import TOPICS, load_corpus  # noqa: E402

from storyline.core.ids import make_id  # noqa: E402
from storyline.core.records import Article, ArticleEntity, ArticleReading  # noqa: E402
from storyline.evaluation.coref_metrics import clusters_from, score  # noqa: E402
from storyline.reconcile.cast import build_cast  # noqa: E402

_TYPES = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}


def _readings(docs) -> tuple[list[ArticleReading], dict, dict]:
    """Article readings from gold chains, plus mention → gold instance and mention → doc entity."""
    readings, gold, owner = [], {}, {}
    for d in docs:
        ents = []
        for inst_id, mentions in sorted(d.chains("ENTITY").items()):
            inst = d.markables[inst_id]
            names = [m.text for m in mentions if m.attrs.get("syntactic_type", "").startswith(("NAM", "PRE.NAM"))]
            texts = [m.text for m in mentions if m.text]
            if not texts:
                continue
            name = max(names or texts, key=lambda t: (len(t), t))
            eid = make_id("e", d.doc_id, inst_id)
            etype = _TYPES.get(inst.attrs.get("ent_type", ""), "OTHER")
            ents.append(ArticleEntity(eid, d.doc_id, name, etype, tuple(sorted(set(texts) - {name})), None, {}))
            for m in mentions:
                key = (d.doc_id, m.m_id)
                gold[key] = inst.attrs.get("instance_id") or f"{d.doc_id}:{inst_id}"
                owner[key] = eid
        art = Article(d.doc_id, d.text, None, d.dct, None, None, str(d.path), "xml",
                      make_id("h", d.text))
        readings.append(ArticleReading(art, tuple(ents)))
    return readings, gold, owner


def _pipeline_readings(docs, gold_owner: dict) -> tuple[list[ArticleReading], dict]:
    """End to end: storyline's read pipeline finds the entities; gold mentions map to them by span.

    A gold mention takes the predicted entity of a predicted mention with the same span, else of
    one sharing its last character (head-final noun phrases), else it stays a singleton.
    """
    from storyline.read.pipeline import load_pipeline
    from storyline.read.reader import read_articles

    nlp = load_pipeline()
    arts = [Article(d.doc_id, d.text, None, d.dct, None, None, str(d.path), "xml",
                    make_id("h", d.text)) for d in docs]
    readings, owner = [], {}
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n in ("storyline_attribution", "storyline_certainty",
                                                                        "storyline_claims")]):
        for (art, reading), d in zip(read_articles(nlp, arts), docs):
            if isinstance(reading, Exception):
                reading = ArticleReading(art)
            readings.append(reading)
            exact = {(m.start, m.end): m.entity for m in reading.mentions}
            by_end = {m.end: m.entity for m in reading.mentions}
            for inst_id, mentions in d.chains("ENTITY").items():
                for m in mentions:
                    key = (d.doc_id, m.m_id)
                    if key in gold_owner:
                        owner[key] = exact.get((m.start, m.end)) or by_end.get(m.end) or ("single", key)
    return readings, owner


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=None, help="MEANTIME English root (default ../shared/eval-data/meantime_en)")
    ap.add_argument("--topics", nargs="*", default=list(TOPICS))
    ap.add_argument("--pipeline", action="store_true",
                    help="also score end to end: entities read by storyline's pipeline, then linked (slower)")
    args = ap.parse_args(argv)
    gold: dict = {}
    systems: dict[str, dict] = {"no-link": {}, "same-name": {}, "storyline": {}}
    if args.pipeline:
        systems["pipeline"] = {}
    n_docs = 0
    for topic in args.topics:
        docs = load_corpus(args.root, variant="intra_cross-doc_annotation", topics=[topic])
        n_docs += len(docs)
        readings, g, owner = _readings(docs)
        gold.update(g)
        cast = build_cast(readings)
        names = {e.id: (e.type, e.name.lower()) for r in readings for e in r.entities}
        for m, eid in owner.items():
            systems["no-link"][m] = eid
            systems["same-name"][m] = (topic, *names[eid])
            systems["storyline"][m] = cast.of[eid]
        if args.pipeline:
            p_readings, p_owner = _pipeline_readings(docs, owner)
            p_cast = build_cast(p_readings)
            for m, eid in p_owner.items():
                systems["pipeline"][m] = p_cast.of.get(eid, eid) if isinstance(eid, str) else eid
    key = clusters_from(gold)
    print(f"MEANTIME intra_cross-doc, topics {', '.join(args.topics)}: {n_docs} documents, {len(gold)} mentions, "
          f"{len(key)} gold entities")
    base = None
    for name, assign in systems.items():
        s = score(key, clusters_from(assign))
        base = base or s["CoNLL"][2]
        cells = "  ".join(f"{m} R {v[0]:.3f} P {v[1]:.3f} F {v[2]:.3f}" for m, v in s.items() if m != "CoNLL")
        print(f"{name:>10}: {cells}  CoNLL F {s['CoNLL'][2]:.3f} (x{s['CoNLL'][2] / base:.2f} of no-link)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
