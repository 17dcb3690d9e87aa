"""Which word signal tells that two event mentions name the same event? Pairwise, on ECB+.

Data: ECB+ 1.0 (Cybulska & Vossen 2014), topics 1-35 as in ``../shared/eval-data/ecbplus_dev``.
Gold event mentions are the ACTION_* and NEG_ACTION_* markables in the validated sentences
(``ECBplus_coreference_sentences.csv``, as in the standard ECB+ evaluation).  A mention's chain
is its CROSS_DOC_COREF instance, else its INTRA_DOC_COREF chain, else the mention alone.

Pairs: every two gold mentions of one sub-topic (topic N "ecb" files, topic N "ecbplus"
files); a pair is positive when both mentions are in one chain.  The second table keeps the
pairs from two different documents only (the cross-document case storyline is about).

Each mention is reduced to its head word: the root of the mention's tokens in spaCy's parse
of the gold tokens (en_core_web_sm), with spaCy's lemma and coarse POS (VERB/AUX -> v,
NOUN/PROPN -> n, other words -> v when WordNet has the word as a verb, else n).

Signals, all measured in the same run:
  * ``same-token``: the lowercased head tokens are equal;
  * ``same-lemma``: the spaCy lemmas are equal (the baseline);
  * ``wn-event-key``: ``storyline.core.words.event_key`` is equal;
  * ``wn-related<=G``: ``words.related`` returns G or a stronger grade
    (same > synonym > derivation > hypernym);
  * ``emb cos>=t``: cosine of the lemmas' static embeddings (``storyline.core.embeddings``);
  * ``lemma|wn-*``: the union of the same-lemma baseline and a WordNet signal.

    python eval/word_relations.py [--root ../shared/eval-data/ecbplus_dev] [--topics 1 2 3]
                                  [--embeddings MODEL_DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ecbplus_corpus import EVENT_PREFIXES, default_root, load_validated  # noqa: E402

from storyline.core import embeddings, words  # noqa: E402

THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9)
GRADES = ("same", "synonym", "derivation", "hypernym")


@dataclass(frozen=True)
class Mention:
    subtopic: str
    doc: str
    chain: str
    text: str  # the head token, lowercased
    lemma: str
    pos: str  # "n" or "v"


def _read_doc(path: Path, keep: set[int]):
    """(tokens by id, [(m_id, token ids)], m_id -> chain) for the event mentions in ``keep``."""
    root = ET.parse(path).getroot()
    tokens = {t.get("t_id"): (int(t.get("sentence")), t.text or "") for t in root.iter("token")}
    mentions = []
    for m in root.find("Markables"):
        anchors = [a.get("t_id") for a in m.findall("token_anchor")]
        if anchors and m.tag.startswith(EVENT_PREFIXES) and tokens[anchors[0]][0] in keep:
            mentions.append((m.get("m_id"), anchors))
    chain: dict[str, str] = {}
    for rel in root.find("Relations") if root.find("Relations") is not None else ():
        target = rel.find("target").get("m_id")
        cid = rel.get("note") if rel.tag == "CROSS_DOC_COREF" else f"{path.name}#{target}"
        for s in rel.findall("source"):
            chain[s.get("m_id")] = cid
    return tokens, mentions, chain


def load_mentions(root: Path, topics: list[str] | None, nlp) -> list[Mention]:
    from spacy.tokens import Doc

    validated = load_validated(root)
    topic_dirs = sorted((p for p in (root / "ECB+").iterdir() if p.is_dir()), key=lambda p: int(p.name))
    pending = []  # (file, sentence tokens [(t_id, text)], mentions in that sentence)
    for tdir in topic_dirs:
        if topics and tdir.name not in topics:
            continue
        for path in sorted(tdir.glob("*.xml")):
            keep = validated.get(path.stem, set())
            if not keep:
                continue
            tokens, mentions, chain = _read_doc(path, keep)
            by_sentence: dict[int, list[str]] = defaultdict(list)
            for tid, (sent, _) in tokens.items():
                by_sentence[sent].append(tid)
            for sent in sorted(keep):
                tids = sorted(by_sentence.get(sent, []), key=int)
                ms = [(mid, anchors, chain.get(mid, f"{path.name}#m{mid}")) for mid, anchors in mentions
                      if tokens[anchors[0]][0] == sent]
                if tids and ms:
                    pending.append((path, tids, [tokens[t][1] for t in tids], ms))
    docs = (Doc(nlp.vocab, words=ws) for _, _, ws, _ in pending)
    out = []
    for (path, tids, _, ms), doc in zip(pending, nlp.pipe(docs, batch_size=64)):
        index = {t: i for i, t in enumerate(tids)}
        sub = path.name.split("_")[0] + ("plus" if path.stem.endswith("ecbplus") else "")
        for _, anchors, cid in ms:
            span = doc[min(index[a] for a in anchors): max(index[a] for a in anchors) + 1]
            head = span.root
            out.append(Mention(sub, path.name, cid, head.text.lower(), head.lemma_.lower(), _pos(head)))
    return out


def _pos(token) -> str:
    if token.pos_ in ("VERB", "AUX"):
        return "v"
    if token.pos_ in ("NOUN", "PROPN"):
        return "n"
    return "v" if words.synsets(token.text.lower(), "v") else "n"


def _score(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(mentions: list[Mention]) -> dict[str, dict[str, list[int]]]:
    """scope -> signal -> [tp, fp, fn] (and "pairs" -> [number of pairs, 0, 0])."""
    lemmas = sorted({m.lemma for m in mentions})
    vec = dict(zip(lemmas, embeddings.vectors(lemmas)))
    rank = {g: i for i, g in enumerate(GRADES)}
    by_sub: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sub[m.subtopic].append(m)
    counts: dict[str, dict[str, list[int]]] = {"all pairs": defaultdict(lambda: [0, 0, 0]),
                                               "cross-document pairs": defaultdict(lambda: [0, 0, 0])}
    for ms in by_sub.values():
        for a, b in combinations(ms, 2):
            gold = a.chain == b.chain
            same_lemma = a.lemma == b.lemma
            key_a, key_b = words.event_key(a.text, a.pos), words.event_key(b.text, b.pos)
            same_key = key_a is not None and key_a == key_b
            grade = words.related(a.text, a.pos, b.text, b.pos)
            cos = float(vec[a.lemma] @ vec[b.lemma])
            signals = {
                "same-token": a.text == b.text,
                "same-lemma": same_lemma,
                "wn-event-key": same_key,
            }
            for g in GRADES:
                signals[f"wn-related<={g}"] = grade is not None and rank[grade] <= rank[g]
            for t in THRESHOLDS:
                signals[f"emb cos>={t}"] = cos >= t
            signals["lemma|wn-event-key"] = same_lemma or same_key
            signals["lemma|wn-related<=deriv"] = same_lemma or (grade is not None and rank[grade] <= rank["derivation"])
            signals["lemma|wn-related"] = same_lemma or grade is not None
            for scope in ("all pairs", "cross-document pairs") if a.doc != b.doc else ("all pairs",):
                c = counts[scope]
                c["pairs"][0] += 1
                for name, hit in signals.items():
                    cell = c[name]
                    if hit and gold:
                        cell[0] += 1
                    elif hit:
                        cell[1] += 1
                    elif gold:
                        cell[2] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=default_root())
    ap.add_argument("--topics", nargs="*", help="topic numbers (default: all present)")
    ap.add_argument("--embeddings", type=Path, help="another model2vec model folder (default: the shipped one)")
    args = ap.parse_args(argv)
    if not (args.root / "ECB+").is_dir():
        raise SystemExit(f"error: no ECB+ folder under {args.root}; pass --root")

    import spacy

    from storyline.read.pipeline import DEFAULT_MODELS

    if args.embeddings:
        embeddings.MODEL_DIR = args.embeddings
    started = time.perf_counter()
    nlp = None
    for name in DEFAULT_MODELS:
        try:
            nlp = spacy.load(name, exclude=["ner"])
            break
        except OSError:
            continue
    if nlp is None:
        raise SystemExit(f"error: none of the spaCy pipelines {DEFAULT_MODELS} is installed")
    mentions = load_mentions(args.root, args.topics, nlp)
    counts = evaluate(mentions)
    n_chains = len({m.chain for m in mentions})
    print(f"ECB+ {args.root}: {len(mentions)} gold event mentions, {n_chains} chains, "
          f"{len({m.subtopic for m in mentions})} sub-topics ({time.perf_counter() - started:.0f} s)")
    for scope, c in counts.items():
        pairs = c.pop("pairs")[0]
        pos = c["same-lemma"][0] + c["same-lemma"][2]
        print(f"\n{scope}: {pairs} pairs, {pos} positive ({pos / max(pairs, 1):.1%})")
        print(f"{'signal':26} {'P':>6} {'R':>6} {'F1':>6} {'TP':>7} {'FP':>8} {'FN':>7}")
        for name, (tp, fp, fn) in c.items():
            p, r, f = _score(tp, fp, fn)
            print(f"{name:26} {p:6.3f} {r:6.3f} {f:6.3f} {tp:7d} {fp:8d} {fn:7d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
