"""Attribution on real news: storyline vs a baseline on the ECB+ attribution gold (issue 12).

Usage::

    PYTHONPATH=src python eval/ecbplus_attribution.py [--root ../shared/eval-data/ecbplus_dev]
                                                      [--json out.json] [--examples 40]

Gold: tests/gold/ecbplus_attribution_dev.json (20 articles) and ..._heldout.json (10 articles held
back: never tune on it, never read its errors), attributions only (PARC 3.0 style, narration not
annotated; guidelines in tests/gold/ecbplus_attribution.md).

What is run: the 30 documents through ``api.read`` in one call (text rebuilt from the ECB+ tokens
as in ``eval/ecbplus.py``'s ``article_of``: no publication date, the outlet is the URL's host for
``ecbplus`` files; default options, no domain packs). Attribution is read per article, so no
reconciling is needed.

What is scored, by ``storyline.evaluation.score_readings`` (the scorer of ``eval/demo.py``), per
part: pairs P/R/F1 (content overlap >= half the shorter span AND source overlap, one-to-one);
source P/R/F1 (distinct source mentions, one-to-one by overlap); content P/R/F1 (contents alone);
an attribution is counted once however many claims its content holds (the scorer groups the
claims by attribution, PARC-style: ``storyline.evaluation.readings.attributions_of``);
source-kind accuracy over the matched pairs; recall of ``organization`` attributions (pairs found,
and found with the kind ``organization``). A predicted ``unattributed`` claim is no prediction here
(the gold does not annotate narration).

Baseline (same parse model, same scorer): in every sentence, each verb with the lemma ``say`` or
``tell`` whose subject is its ``nsubj`` gives one attribution: the source is the subject's subtree,
the content its ``ccomp`` subtree when it has one, else the longer side of the sentence left of or
right of the subject-and-verb stretch (quote marks and edge punctuation stripped); ``according to
X`` gives source X and the longer other side. Kind from the source's head: a PERSON entity or
he/she/I/we -> named_person; ORG/GPE/NORP or it/they -> organization; else anonymous.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from ecbplus import article_of  # noqa: E402
from ecbplus_corpus import default_root, load_document, load_validated  # noqa: E402

from storyline import api  # noqa: E402
from storyline.core.options import AnalysisOptions  # noqa: E402
from storyline.core.records import ArticleReading, Claim, Source  # noqa: E402
from storyline.evaluation import load_gold, score_readings  # noqa: E402
from storyline.evaluation.locate import overlap  # noqa: E402
from storyline.evaluation.readings import (  # noqa: E402
    _claim_spans,
    _content_ok,
    _pair_ok,
    attributions_of,
    clause_claims,
    located_pairs,
)

GOLD = {part: REPO / "tests" / "gold" / f"ecbplus_attribution_{part}.json" for part in ("dev", "heldout")}
_CUE_LEMMAS = frozenset({"say", "tell"})
_EDGE = " \t\n,.;:\"'“”‘’`"
_PERSON_PRONOUNS = frozenset({"he", "she", "i", "we"})
_GROUP_PRONOUNS = frozenset({"it", "they"})


# --- baseline --------------------------------------------------------------------------------

def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return (start, end) if end - start > 1 else None


def _kind(span) -> str:
    root = span.root
    if root.ent_type_ == "PERSON" or root.lower_ in _PERSON_PRONOUNS:
        return "named_person"
    if root.ent_type_ in ("ORG", "GPE", "NORP") or root.lower_ in _GROUP_PRONOUNS:
        return "organization"
    return "anonymous"


def _rest(sent, lo: int, hi: int) -> tuple[int, int]:
    """The longer side of the sentence outside the character stretch [lo, hi)."""
    left, right = (sent.start_char, lo), (hi, sent.end_char)
    return left if left[1] - left[0] >= right[1] - right[0] else right


def _baseline_claims(article, doc) -> list[Claim]:
    text = article.text
    out: list[Claim] = []
    for sent in doc.sents:
        found = []  # (source span, cue, content stretch)
        for tok in sent:
            if tok.lemma_ in _CUE_LEMMAS and tok.pos_ in ("VERB", "AUX"):
                subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is None:
                    continue
                src = doc[subj.left_edge.i : subj.right_edge.i + 1]
                comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
                if comp is not None and not (comp.left_edge.i <= subj.i <= comp.right_edge.i):
                    content = (doc[comp.left_edge.i].idx, doc[comp.right_edge.i].idx + len(doc[comp.right_edge.i]))
                else:
                    lo, hi = min(src.start_char, tok.idx), max(src.end_char, tok.idx + len(tok))
                    content = _rest(sent, lo, hi)
                found.append((src, tok.text, content))
            elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
                if obj is None:
                    continue
                src = doc[obj.left_edge.i : obj.right_edge.i + 1]
                found.append((src, "according to", _rest(sent, tok.idx, src.end_char)))
        for src, cue, (lo, hi) in found:
            span = _trimmed(text, lo, hi)
            if span is None:
                continue
            s, e = span
            source = Source(_kind(src), src.text, src.start_char, src.end_char, None, cue, "indirect", None, None)
            out.append(Claim(f"b-{article.id}-{s}-{src.start_char}", article.id, s, e, text[s:e], None, cue, None, None,
                             None, "positive", "certain", (), source, sent.start_char, sent.end_char))
    return out


def baseline_readings(articles) -> list[ArticleReading]:
    """One reading per article holding only the baseline's claims."""
    from storyline.read.pipeline import load_pipeline

    nlp = load_pipeline(None)  # the model api.read used; only its spaCy parse is used here
    keep = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"}
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in keep]):
        docs = list(nlp.pipe([a.text for a in articles]))
    return [ArticleReading(a, claims=tuple(_baseline_claims(a, d))) for a, d in zip(articles, docs)]


# --- reporting -------------------------------------------------------------------------------

def _row(name: str, att: dict) -> str:
    def f(d: dict) -> str:
        return f"{d['precision']:.3f} {d['recall']:.3f} {d['f1']:.3f}"

    org = att["recall_by_kind"].get("organization", 0.0)
    org_kind = att["kind_recall_by_kind"].get("organization", 0.0)
    return (f"  {name:<10} pairs {f(att)} ({att['tp']}/{att['gold']}, pred {att['pred']})  source {f(att['source'])}  "
            f"content {f(att['content'])}  kind acc {att['kind_accuracy']:.3f}  org recall {org:.3f} (kind right {org_kind:.3f})")


def error_categories(gold: dict, readings: list[ArticleReading], examples: int) -> Counter:
    """Why each dev gold attribution was missed (diagnosis only; the scores come from the scorer).

    A gold item is ``found`` when some attributed clause claim matches its content and source
    (kind right or not), ``wrong source`` when a claim matches its content with another source,
    ``read as narration`` when only an ``unattributed`` claim covers its content, ``missed``
    otherwise; predicted attributions overlapping no gold content are ``extra``.
    """
    cats: Counter = Counter()
    shown: Counter = Counter()

    def show(cat: str, line: str) -> None:
        if shown[cat] < examples:
            shown[cat] += 1
            print(f"    [{cat}] {line}")

    for located, reading in located_pairs(gold, readings):
        text = located.text
        claims = clause_claims(reading.claims)
        for g in located.attributions:
            if g.nested:
                continue
            # the scorer's own rules: content overlapping by half the shorter, and sources overlapping
            near = [c for c in claims if _content_ok(g, (c.start, c.end))]
            attributed = [c for c in near if c.source.kind != "unattributed"]
            hit = next((c for c in attributed if _pair_ok(g, *_claim_spans([c]))), None)
            gsrc = text[g.source[0]:g.source[1]] if g.source else None
            what = f"{located.id}: {text[g.content[0]:g.content[1]][:70]!r} <- {gsrc!r} ({g.kind})"
            if hit is not None:
                cat = "found" if hit.source.kind == g.kind else f"kind {g.kind}->{hit.source.kind}"
                cats[cat] += 1
                if cat != "found":
                    show(cat, what)
            elif attributed:
                c = attributed[0]
                cats["wrong source"] += 1
                show("wrong source", f"{what}; read {c.source.text!r} ({c.source.kind})")
            elif near:
                cats["read as narration"] += 1
                show("read as narration", what)
            else:
                cats["missed"] += 1
                show("missed", what)
        for group in attributions_of(claims):  # an extra attribution counts once, as the scorer counts it
            c, lo, hi = group[0], min(x.start for x in group), max(x.end for x in group)
            if c.source.kind != "unattributed" and not any(overlap(g.content, (lo, hi)) for g in located.attributions):
                cats["extra"] += 1
                show("extra", f"{located.id}: {located.text[lo:hi][:70]!r} <- {c.source.text!r} ({c.source.kind})")
    return cats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=None, help=f"ECB+ root (default {default_root()})")
    ap.add_argument("--json", type=Path, default=None, help="write the numbers to this JSON file")
    ap.add_argument("--examples", type=int, default=6, help="dev error examples to print per category (0: none)")
    args = ap.parse_args(argv)
    root = Path(args.root or default_root())
    if not (root / "ECB+").is_dir():
        print(f"ECB+ not found at {root} (pass --root)", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    golds = {part: load_gold(path) for part, path in GOLD.items()}
    validated = load_validated(root)
    articles = [article_of(load_document(root / a["file"], validated)) for g in golds.values() for a in g["articles"]]
    readings = []
    for article, result in api.read(articles, AnalysisOptions()):
        if isinstance(result, Exception):
            raise RuntimeError(f"{article.id}: the pipeline failed on this article: {result}") from result
        readings.append(result)
    baseline = baseline_readings(articles)
    print(f"read {len(articles)} articles in {time.perf_counter() - t0:.0f}s")

    numbers: dict = {}
    for part, gold in golds.items():
        n = sum(1 for a in gold["articles"] for g in a["attributions"] if not g.get("nested"))
        print(f"\n{part}: {len(gold['articles'])} articles, {n} attributions scored (nested left out)")
        numbers[part] = {}
        for name, rs in (("storyline", readings), ("baseline", baseline)):
            att = score_readings(gold, rs)["attributions"]
            numbers[part][name] = att
            print(_row(name, att))
        if part == "dev":
            print("  storyline kind confusion (gold->predicted, matched pairs):", numbers[part]["storyline"]["kind_confusion"])
            print("  storyline error categories (dev only; the held-back part is not looked at):")
            cats = error_categories(gold, readings, args.examples)
            numbers[part]["storyline_errors"] = dict(cats)
            print("   ", dict(cats.most_common()))
    if args.json:
        args.json.write_text(json.dumps(numbers, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
