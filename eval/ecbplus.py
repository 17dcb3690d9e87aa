"""Cross-document event and person coreference on ECB+ (topics 1-35): storyline vs baselines.

Usage::

    PYTHONPATH=src python eval/ecbplus.py [--root ../shared/eval-data/ecbplus_dev] [--topics 1-5]
                                          [--all-sentences] [--json out.json] [--examples 5]
                                          [--person-misses 10] [--baseline-gaps 5]

What is run: every sub-topic ("1ecb", "1ecbplus", ...: the ``ecb`` and ``ecbplus`` files of a
topic are two sub-topics about different seminal events) is read as ONE story through the
library API: ``api.read`` on its articles (text rebuilt from the ECB+ tokens, see
``ecbplus_corpus``; no publication dates, the outlet is the URL's host for ``ecbplus`` files),
then ``api.reconcile``. All sub-topics' articles go through one ``api.read`` call (spaCy batches).

What is scored (end to end over gold mentions, the standard way to score a system that finds its
own mentions against a gold mention set):

* events: gold ``ACTION_*``/``NEG_ACTION_*`` mentions. A mention maps to the claim whose
  predicate span (``claim.predicate_start``/``predicate_end``) overlaps the mention's head token
  (the shortest such claim: claims nest, 'the arrest' inside 'police announced the arrest'), else
  to the shortest claim whose text span (``start``/``end``) holds the head. The claim's fact is
  the system cluster. ``storyline`` uses that mapping; ``storyline/pred`` keeps only mentions on a
  claim's *predicate* span. (Readings without predicate spans, from before they existed, fall
  back to: the claim's normalised predicate contains the head lemma.) ``events`` and
  ``events/pred`` score the fact's event instead (``Fact.event``, storyline.reconcile.events: the
  facts of one happening grouped) for the mentions on a predicate. ``events`` maps every other
  mention through storyline's event references (storyline.reconcile.references, exported as a
  claim's ``event_references``, and an article's for the words outside every claim): the reference
  on its head token (a word of a claim, or outside every claim, naming an event the story tells; a
  reporting cue's statement event) gives its event; ``events/pred`` leaves them alone. Unmapped gold mentions are singletons.
* people: gold ``HUMAN_PART_PER`` mentions. A mention maps to the storyline mention overlapping
  its head token (else any of its tokens; the shortest wins), then to that mention's article
  entity and its story entity (the system cluster). Unmapped mentions are singletons.

The head of a gold mention is its syntactic head in a spaCy parse of its sentence (the corpus
tokens, no re-tokenisation), i.e. the mention token whose head lies outside the mention; a
preposition gives way to the word it governs in the mention ('on *suspicion*': :func:`mention_head`).

Gold clusters: the CROSS_DOC_COREF instance, scoped by sub-topic (each sub-topic is one story;
60 of 1,800 instances span two sub-topics and are split), else the INTRA_DOC_COREF chain, else a
singleton. By default only mentions in the validated sentences (ECBplus_coreference_sentences.csv)
are scored, as in Cybulska & Vossen (2015) and Barhom et al. (2019); ``--all-sentences`` scores
every annotated mention. Gold singletons are kept (as in that literature); a second block scores
without them (gold singletons and the system's links to them left out).

Printed in the same run, on the same mentions:
  * ``singletons``: every mention alone;
  * ``lemma`` (events): same spaCy lemma of the head within a sub-topic;
  * ``head`` (people): same last token of the mention, lower-cased, within a sub-topic;
  * ``ceiling``: gold clusters for the mentions storyline maps, singletons for the rest: the best
    any fact/cast alignment could do given storyline's coverage.

Two splits of the events score: ``grouping_gap`` (the grouping on the mentions on a claim's
predicate alone) and ``coverage_bounds`` (what covering the others could buy: each kind of
off-predicate mention, in a claim, a reporting cue, on no claim, joined to the events by
storyline's event references (``referenced_event``: what the ``events`` row does for that kind);
by its head lemma; or by its gold cluster; the predicate mentions keep their grouping). And
``error_classes``: the ``events`` score with its wrong merges undone (for the mentions of
cross-document gold chains, and for those the corpus links across no document), or with the
events that split one gold cluster joined. For people, ``person_error_classes``: the people
score with the mentions on no storyline mention joined to their gold cluster (all, or of one
form), with the mentions a story entity split off moved back (within an article, or across
articles), or with wrong merges undone.

Metrics: ``storyline.evaluation.coref_metrics`` (MUC, B³, CEAF-e, CoNLL F1 = mean of the three),
over all scored sub-topics together.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ecbplus_corpus import EcbDoc, EcbMention, default_root, load_corpus, parse_topics, subtopics  # noqa: E402

from storyline import api  # noqa: E402
from storyline.core.ids import content_hash  # noqa: E402
from storyline.core.options import AnalysisOptions  # noqa: E402
from storyline.core.records import Article, ArticleReading, Claim, Story  # noqa: E402
from storyline.evaluation.coref_metrics import clusters_from, score  # noqa: E402
from storyline.reconcile.references import EventReference, event_references  # noqa: E402

__all__ = ["OFF_PREDICATE_KINDS", "SubtopicRun", "article_of", "coverage_bounds", "error_classes", "gold_heads", "grouping_gap", "map_event", "map_person", "mention_head", "person_cluster", "person_error_classes",
           "referenced_event", "run_storyline"]

METRICS = ("MUC", "B3", "CEAF-e")
MentionKey = tuple[str, str]  # (file name, m_id)


@dataclass
class SubtopicRun:
    """One sub-topic read by storyline: its documents, readings (by file name) and story."""

    subtopic: str
    docs: list[EcbDoc]
    readings: dict[str, ArticleReading]
    story: Story
    failed: list[str] = field(default_factory=list)

    def fact_of(self) -> dict[str, str]:
        """Claim (or age/mention) id -> fact id."""
        return {c: f.id for f in self.story.facts for c in f.claims}

    def story_entity_of(self) -> dict[str, str]:
        """Article entity id -> story entity id."""
        return {m: e.id for e in self.story.entities for m in e.members}


def article_of(doc: EcbDoc) -> Article:
    """The Article record storyline reads for one ECB+ document (id = file name)."""
    outlet = urlparse(doc.url).netloc.removeprefix("www.") if doc.url else None
    return Article(doc.name, doc.text, outlet or None, None, None, doc.url, str(doc.path), "xml",
                   content_hash(doc.text))


def read_all(docs: list[EcbDoc], options: AnalysisOptions, saved: Path | None = None) -> tuple[dict[str, ArticleReading], set[str]]:
    """Every document's reading (file name -> reading) and the names whose reading failed.

    With ``saved``: a reading pickled there by an earlier run is reused for each document whose
    text it read (same content hash); the others are read and added, and the file keeps every
    reading it held, so a run over some topics neither reads a whole-set cache again nor shrinks
    it. For working on the reconcile stage only: the reader's code is not part of the check."""
    articles = [article_of(d) for d in docs]
    kept: dict = {"readings": {}, "failed": set()}
    if saved is not None and saved.exists():
        with saved.open("rb") as fh:
            kept = pickle.load(fh)
    readings: dict[str, ArticleReading] = {}
    failed: set[str] = set()
    fresh = []
    for a in articles:
        old = kept["readings"].get(a.id)
        if old is not None and old.article.content_hash == a.content_hash:
            readings[a.id] = old
            if a.id in kept["failed"]:
                failed.add(a.id)
        else:
            fresh.append(a)
    if saved is not None and not fresh:
        print(f"  readings reused from {saved} (delete it after changing the read stage)", file=sys.stderr)
    for article, reading in api.read(fresh, options) if fresh else ():
        if isinstance(reading, Exception):
            failed.add(article.id)
            print(f"  read failed for {article.id}: {type(reading).__name__}: {reading}", file=sys.stderr)
            reading = ArticleReading(article)
        readings[article.id] = reading
    if saved is not None and fresh:
        ids = {a.id for a in fresh}
        with saved.open("wb") as fh:
            pickle.dump({"readings": {**kept["readings"], **{i: readings[i] for i in ids}},
                         "failed": (kept["failed"] - ids) | (failed & ids)}, fh)
    return {a.id: readings[a.id] for a in articles}, failed


def run_storyline(docs: list[EcbDoc], options: AnalysisOptions | None = None,
                  saved: Path | None = None) -> dict[str, SubtopicRun]:
    """Read all documents in one batched ``api.read`` call (or reuse ``saved`` readings: see
    :func:`read_all`), then reconcile each sub-topic alone."""
    options = options or AnalysisOptions()
    readings, failed = read_all(docs, options, saved)
    out = {}
    for sub, sub_docs in subtopics(docs).items():
        sub_readings = {d.name: readings[d.name] for d in sub_docs}
        story = api.reconcile(list(sub_readings.values()), options.reconcile)
        out[sub] = SubtopicRun(sub, sub_docs, sub_readings, story, sorted(failed & set(sub_readings)))
    return out


def gold_heads(docs: list[EcbDoc], mentions: dict[MentionKey, EcbMention], nlp) -> dict[MentionKey, tuple[int, str, str]]:
    """Mention -> (index into its tokens of the syntactic head, head lemma, head POS).

    Each sentence holding a mention is parsed as the corpus tokenised it (spaCy tagger, parser,
    lemmatizer; storyline's components and NER off)."""
    from spacy.tokens import Doc

    by_doc = {d.name: d for d in docs}
    wanted: dict[tuple[str, int], list[MentionKey]] = defaultdict(list)
    for key, m in mentions.items():
        wanted[(key[0], m.sentence)].append(key)
    order = sorted(wanted)
    spacy_docs = []
    positions = []
    for name, sent in order:
        toks = [t for t in by_doc[name].tokens if t.sentence == sent]
        spaces = [a.end < b.start for a, b in zip(toks, toks[1:])] + [False]
        spacy_docs.append(Doc(nlp.vocab, words=[t.text for t in toks], spaces=spaces))
        positions.append({t.t_id: i for i, t in enumerate(toks)})
    keep = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"}
    out = {}
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in keep]):
        for (name, sent), pos, parsed in zip(order, positions, nlp.pipe(spacy_docs, batch_size=64)):
            for key in wanted[(name, sent)]:
                m = mentions[key]
                idx = [pos[t.t_id] for t in m.tokens]
                head = mention_head(parsed, idx)
                tok = parsed[idx[head]]
                out[key] = (head, (tok.lemma_ or tok.text).lower(), tok.pos_)
    return out


def mention_head(parsed, idx: list[int]) -> int:
    """Index into ``idx`` (a mention's token positions in ``parsed``) of the mention's head: the
    token whose head lies outside the mention (the last when none does); when that is a
    preposition ('*on* suspicion', '*under* investigation'), the word it governs in the mention,
    which names the event."""
    inside = set(idx)
    head = next((k for k, i in enumerate(idx) if parsed[i].head.i not in inside or parsed[i].head.i == i), len(idx) - 1)
    if parsed[idx[head]].pos_ == "ADP":
        governed = [k for k, i in enumerate(idx) if parsed[i].head.i == idx[head] and i != idx[head]]
        if governed:
            return governed[0]
    return head


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def map_event(m: EcbMention, head: int, lemma: str, claims: tuple[Claim, ...]) -> tuple[Claim | None, bool]:
    """(claim, on its predicate) for one gold event mention (see the module docstring)."""
    h0, h1 = m.tokens[head].start, m.tokens[head].end
    on_pred = []
    for c in claims:
        p0, p1 = getattr(c, "predicate_start", None), getattr(c, "predicate_end", None)
        if p0 is not None and p1 is not None and _overlaps(h0, h1, p0, p1):
            on_pred.append(c)
    if on_pred:
        return min(on_pred, key=lambda c: c.end - c.start), True
    spanned = [c for c in claims if _overlaps(h0, h1, c.start, c.end)]
    if not spanned:
        return None, False
    lemma_hit = [c for c in spanned if lemma in c.predicate.split()]
    has_pred_spans = any(getattr(c, "predicate_start", None) is not None for c in claims)
    best = min(lemma_hit or spanned, key=lambda c: c.end - c.start)
    return best, bool(lemma_hit) and not has_pred_spans


def map_person(m: EcbMention, head: int, reading: ArticleReading):
    """The storyline Mention for one gold person mention: overlapping its head, else any token."""
    h0, h1 = m.tokens[head].start, m.tokens[head].end
    hits = [x for x in reading.mentions if _overlaps(h0, h1, x.start, x.end)]
    via_head = bool(hits)
    if not hits:
        hits = [x for x in reading.mentions if _overlaps(m.start, m.end, x.start, x.end)]
    if not hits:
        return None, False
    return min(hits, key=lambda x: (x.end - x.start, x.start)), via_head


def person_cluster(sub: str, mention, story_of: dict[str, str], key: MentionKey):
    """The system cluster of a gold person mention mapped onto storyline's ``mention`` (None: a
    cluster of its own): its story entity, within its sub-topic as the gold clusters are, since a
    story entity's id hashes its type and name ("the police" of two stories, reconciled apart,
    share one)."""
    return (sub, story_of.get(mention.entity, mention.entity)) if mention is not None else ("single", key)


def _fmt(s: dict) -> str:
    cells = "  ".join(f"{m} R {s[m][0]:.3f} P {s[m][1]:.3f} F {s[m][2]:.3f}" for m in METRICS)
    return f"{cells}  CoNLL F {s['CoNLL'][2]:.3f}"


def _table(title: str, gold: dict, systems: dict[str, dict]) -> dict:
    key = clusters_from(gold)
    n_links = sum(len(c) - 1 for c in key)
    print(f"\n{title}: {len(gold)} mentions, {len(key)} gold clusters ({sum(1 for c in key if len(c) == 1)} singletons, "
          f"{n_links} links)")
    out = {}
    for name, assign in systems.items():
        s = score(key, clusters_from({m: assign[m] for m in gold}))
        out[name] = {m: list(v) if m != "CoNLL" else v[2] for m, v in s.items()}
        print(f"  {name:>15}: {_fmt(s)}")
    return out


def grouping_gap(gold: dict, events: dict, lemma: dict, on_predicate: set) -> dict[str, float]:
    """CoNLL F1 of what the grouping of facts into events does apart from coverage.

    * ``events on predicate`` / ``lemma on predicate``: the events system and the lemma baseline
      scored on the mentions mapped onto a claim's predicate only (``on_predicate``): there both
      see the same mentions, so the difference is the grouping's;
    * ``predicate mentions grouped perfectly``: every such mention in its gold cluster, every other
      mention alone: what grouping facts could reach at this coverage (an off-predicate mention
      lies in a claim about something else: no grouping of facts places it right).
    """
    on = [m for m in gold if m in on_predicate]
    only = {m: gold[m] for m in on}
    perfect = {m: (gold[m] if m in on_predicate else ("alone", m)) for m in gold}
    key = clusters_from(gold)
    return {
        "events on predicate": score(clusters_from(only), clusters_from({m: events[m] for m in on}))["CoNLL"][2],
        "lemma on predicate": score(clusters_from(only), clusters_from({m: lemma[m] for m in on}))["CoNLL"][2],
        "predicate mentions grouped perfectly": score(key, clusters_from(perfect))["CoNLL"][2],
    }


OFF_PREDICATE_KINDS = ("in a claim", "reporting cue", "on no claim")


def _most(counts: Counter):
    """The most counted key; ties go to the smallest as text, so runs agree."""
    return min(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[0]


def coverage_bounds(gold: dict, events: dict, lemma: dict, kind: dict, stored: dict | None = None) -> dict[str, float]:
    """CoNLL F1 of what covering the mentions off every claim's predicate could buy.

    ``kind`` says where each mention lies: ``on predicate`` or one of :data:`OFF_PREDICATE_KINDS`.
    The mentions on a predicate keep the events system's grouping (``events``); every other
    mention stands alone (``off predicate alone``, the ``events/pred`` figure), except the kind
    asked about (or all of them), whose mentions are joined to an event:

    * ``by lemma``: the event most of the predicate mentions with the same head lemma are in, else
      a group of that lemma's off-predicate mentions (what an event reference aligned by its word
      alone would do);
    * ``perfectly``: the event most of the predicate mentions of its gold cluster are in, else a
      group of that cluster's off-predicate mentions (a perfect aligner, the grouping of the
      predicate mentions as it is);
    * ``by the story's records`` (with ``stored``: mention -> an event or group id, or None): the
      event storyline's event references give it (:func:`referenced_event`), else alone.
    """
    on = [m for m in gold if kind[m] == "on predicate"]

    def majority(key_of) -> dict:
        parts: dict = defaultdict(Counter)
        for m in on:
            parts[key_of(m)][events[m]] += 1
        return {k: _most(c) for k, c in parts.items()}

    by_lemma, by_gold = majority(lambda m: lemma[m]), majority(lambda m: gold[m])
    joins = {"by lemma": lambda m: by_lemma.get(lemma[m], ("lemma", lemma[m])),
             "perfectly": lambda m: by_gold.get(gold[m], ("gold", gold[m]))}
    if stored is not None:
        joins["by the story's records"] = lambda m: stored.get(m) or ("alone", m)
    key = clusters_from(gold)

    def conll(joined: set, join) -> float:
        assign = {m: events[m] if kind[m] == "on predicate" else join(m) if kind[m] in joined else ("alone", m)
                  for m in gold}
        return score(key, clusters_from(assign))["CoNLL"][2]

    out = {"off predicate alone": conll(set(), None)}
    for how, join in joins.items():
        for k in OFF_PREDICATE_KINDS:
            out[f"{k} {how}"] = conll({k}, join)
        out[f"all off predicate {how}"] = conll(set(OFF_PREDICATE_KINDS), join)
    return out


def error_classes(gold: dict, events: dict, kind: dict, across: set) -> dict[str, float]:
    """CoNLL F1 of the events system with one class of its errors undone, the rest as it is: what
    fixing that class could buy (an oracle: the gold clusters say what is wrong).

    * ``wrong merges undone, cross-document gold`` / ``in-document gold``: the mentions whose gold
      cluster is a cross-document instance (``across``), or the others (an in-document chain or a
      singleton: ECB+ links them across no document), leave the other gold clusters of their system
      event (a mention stays with its own gold cluster's mentions there);
    * ``split events joined``: system events whose mentions on a claim's predicate (``kind``) are
      mostly of one gold cluster are one event, with whatever else each holds: the gold links lost
      between events, without the wrong ones they make.
    """
    key = clusters_from(gold)

    def conll(assign: dict) -> float:
        return score(key, clusters_from(assign))["CoNLL"][2]

    parts: dict = defaultdict(Counter)
    for m in gold:
        if kind[m] == "on predicate":
            parts[events[m]][gold[m]] += 1
    joined = {event: ("joined", _most(c)) for event, c in parts.items()}
    return {
        "as is": conll(events),
        "wrong merges undone, cross-document gold": conll({m: (events[m], gold[m]) if m in across else events[m] for m in gold}),
        "wrong merges undone, in-document gold": conll({m: events[m] if m in across else (events[m], gold[m]) for m in gold}),
        "split events joined": conll({m: joined.get(events[m], events[m]) for m in gold}),
    }


def person_error_classes(gold: dict, system: dict, mapped: set, kind: dict) -> dict[str, float]:
    """CoNLL F1 of the people system with one class of its errors undone, the rest as it is: what
    fixing that class could buy (an oracle: the gold clusters say what is wrong), to choose what
    to build next. A gold cluster's *home* is the system cluster most of its mentions on a
    storyline mention (``mapped``) are in.

    * ``uncovered joined perfectly``: every mention on no storyline mention joins its gold
      cluster's home (else a group of its gold cluster's uncovered mentions); ``uncovered <kind>
      joined perfectly``: only those of one form (``kind``: :func:`_miss_kind`);
    * ``split mentions moved, in-document`` / ``across documents``: covered mentions outside
      their gold cluster's home move to it, those of an article where the home holds a mention of
      their gold cluster (the article's own coreference left them apart), or the others (only
      the story's cast could join them);
    * ``wrong merges undone``: covered mentions of a gold cluster other than the one most of
      their system cluster's mentions are of leave it, with that gold cluster's other such mentions.
    """
    key = clusters_from(gold)

    def conll(assign: dict) -> float:
        return score(key, clusters_from(assign))["CoNLL"][2]

    homes: dict = defaultdict(Counter)
    for m in gold:
        if m in mapped:
            homes[gold[m]][system[m]] += 1
    home = {g: _most(c) for g, c in homes.items()}
    at_home = {(m[0], gold[m]) for m in gold if m in mapped and system[m] == home[gold[m]]}
    members: dict = defaultdict(Counter)
    for m in gold:
        if m in mapped:
            members[system[m]][gold[m]] += 1
    owner = {s: _most(c) for s, c in members.items()}

    def uncovered(which) -> dict:
        return {m: home.get(gold[m], ("gold", gold[m])) if m not in mapped and which(m) else system[m] for m in gold}

    def moved(in_document: bool) -> dict:
        return {m: home[gold[m]] if m in mapped and system[m] != home[gold[m]]
                and ((m[0], gold[m]) in at_home) == in_document else system[m] for m in gold}

    out = {"as is": conll(system), "uncovered joined perfectly": conll(uncovered(lambda m: True))}
    for k in sorted({kind[m] for m in gold if m not in mapped}):
        out[f"uncovered {k} joined perfectly"] = conll(uncovered(lambda m, k=k: kind[m] == k))
    out["split mentions moved, in-document"] = conll(moved(True))
    out["split mentions moved, across documents"] = conll(moved(False))
    out["wrong merges undone"] = conll({m: (system[m], gold[m]) if m in mapped and gold[m] != owner[system[m]] else system[m]
                                        for m in gold})
    return out


def referenced_event(m: EcbMention, head: int, refs: list[EventReference], sub: str):
    """The event an off-predicate gold mention refers to by storyline's product
    (:func:`storyline.reconcile.references.event_references`): the reference overlapping its head
    token, or None. A statement event's id is scoped to its story (``sub``): the same source
    kind and verb in two stories make the same id."""
    h = m.tokens[head]
    hit = next((x for x in refs if _overlaps(h.start, h.end, x.start, x.end)), None)
    if hit is None:
        return None
    return (sub, hit.event) if hit.kind == "statement" else hit.event


def _without_singletons(gold: dict, systems: dict[str, dict]) -> tuple[dict, dict]:
    sizes = Counter(gold.values())
    kept = {m: g for m, g in gold.items() if sizes[g] > 1}
    return kept, {n: {m: a[m] for m in kept} for n, a in systems.items()}


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.1f}%)" if b else f"{a}/0"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=None, help=f"ECB+ root (default {default_root()})")
    ap.add_argument("--topics", default=None, help="topic numbers, e.g. '1-5' or '1,3,10-12' (default: all present)")
    ap.add_argument("--all-sentences", action="store_true", help="score every annotated mention, not only validated sentences")
    ap.add_argument("--json", type=Path, default=None, help="write the numbers to this JSON file")
    ap.add_argument("--examples", type=int, default=4, help="failure examples to print per kind (0: none)")
    ap.add_argument("--errors", type=int, default=0,
                    help="list the N biggest event splits and merges (gold clusters spread over events, events "
                         "joining gold clusters), and the most frequent heads of uncovered mentions")
    ap.add_argument("--readings", type=Path, default=None,
                    help="pickle of the readings: reused when it holds these documents' readings, else written "
                         "(for work on the reconcile stage; delete it after changing the read stage)")
    ap.add_argument("--person-misses", type=int, default=0, metavar="N",
                    help="list gold person mentions on no storyline mention by kind, N examples each")
    ap.add_argument("--baseline-gaps", type=int, default=0, metavar="N",
                    help="count the cross-document gold person links the same-last-word baseline makes and "
                         "storyline does not, by sub-topic and by kind, N examples each")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    docs = load_corpus(args.root, parse_topics(args.topics))
    scope = not args.all_sentences
    t_load = time.perf_counter() - t0
    runs = run_storyline(docs, saved=args.readings)
    t_story = time.perf_counter() - t0 - t_load

    from storyline.read.pipeline import load_pipeline

    nlp = load_pipeline(None)  # the instance api.read used (cached per argument)
    events = {(d.name, m.m_id): m for d in docs for m in d.events(validated_only=scope)}
    people = {(d.name, m.m_id): m for d in docs for m in d.people(validated_only=scope)}
    heads = gold_heads(docs, {**events, **people}, nlp)
    t_heads = time.perf_counter() - t0 - t_load - t_story

    ev_gold, pe_gold = {}, {}
    ev_sys = {n: {} for n in ("singletons", "lemma", "storyline", "storyline/pred", "events", "events/pred", "ceiling")}
    pe_sys = {n: {} for n in ("singletons", "head", "storyline", "ceiling")}
    cov = Counter()
    by_tag, by_pos = defaultdict(Counter), defaultdict(Counter)
    ev_on_pred: set[MentionKey] = set()  # event mentions on a claim's predicate
    ev_kind: dict[MentionKey, str] = {}  # event mention -> on predicate, or where it lies off one (coverage_bounds)
    ev_stored: dict[MentionKey, object] = {}  # off-predicate event mention -> its referenced event (referenced_event)
    ev_across: set[MentionKey] = set()  # event mentions of a cross-document gold instance (error_classes)
    where: dict[MentionKey, object] = {}  # event mention -> claim; person mention -> storyline mention
    misses: dict[str, list[str]] = defaultdict(list)  # kind -> gold person mentions on no storyline mention
    kind_of: dict[MentionKey, str] = {}  # person mention -> its form (_miss_kind)
    for sub, run in runs.items():
        fact_of, story_of = run.fact_of(), run.story_entity_of()
        event_of = {f.id: f.event for f in run.story.facts if f.event}
        etype = {e.id: e.type for r in run.readings.values() for e in r.entities}
        references = event_references(list(run.readings.values()), run.story)
        refs = references.by_claim
        for d in run.docs:
            reading = run.readings[d.name]
            doc_refs = [*(x for c in reading.claims for x in refs.get(c.id, ())), *references.by_article.get(d.name, ())]
            for m in d.events(validated_only=scope):
                k = (d.name, m.m_id)
                head, lemma, pos = heads[k]
                ev_gold[k] = (sub, m.gold)
                if not m.gold.startswith(f"{d.name}#"):
                    ev_across.add(k)
                ev_sys["singletons"][k] = k
                ev_sys["lemma"][k] = (sub, lemma)
                claim, on_pred = map_event(m, head, lemma, reading.claims)
                where[k] = claim
                cluster = (fact_of.get(claim.id, claim.id) if claim else ("single", k))
                ev_sys["storyline"][k] = cluster
                ev_sys["storyline/pred"][k] = cluster if on_pred else ("single", k)
                event = event_of.get(cluster, cluster) if claim else cluster
                referenced = None if on_pred else referenced_event(m, head, doc_refs, sub)
                ev_sys["events"][k] = event if on_pred else referenced or ("single", k)
                ev_sys["events/pred"][k] = event if on_pred else ("single", k)
                ev_sys["ceiling"][k] = (sub, m.gold) if claim else ("single", k)
                cov["ev"] += 1
                cov["ev_claim"] += claim is not None
                cov["ev_pred"] += on_pred
                if on_pred:
                    ev_on_pred.add(k)
                tag = m.tag.removeprefix("NEG_")
                ev_kind[k] = ("on predicate" if on_pred else "reporting cue" if tag == "ACTION_REPORTING"
                              else "in a claim" if claim is not None else "on no claim")
                ev_stored[k] = referenced
                by_tag[tag]["n"] += 1
                by_tag[tag]["claim"] += claim is not None
                by_tag[tag]["pred"] += on_pred
                by_pos[pos]["n"] += 1
                by_pos[pos]["claim"] += claim is not None
                by_pos[pos]["pred"] += on_pred
            for m in d.people(validated_only=scope):
                k = (d.name, m.m_id)
                head = heads[k][0]
                pe_gold[k] = (sub, m.gold)
                pe_sys["singletons"][k] = k
                pe_sys["head"][k] = (sub, m.tokens[-1].text.lower())
                sm, via_head = map_person(m, head, reading)
                where[k] = sm
                kind_of[k] = _miss_kind(d, m, heads[k])
                if sm is None:
                    misses[kind_of[k]].append(f"{d.name} [{m.text}] in: {_context(d, m)}")
                pe_sys["storyline"][k] = person_cluster(sub, sm, story_of, k)
                pe_sys["ceiling"][k] = (sub, m.gold) if sm else ("single", k)
                cov["pe"] += 1
                cov["pe_mention"] += sm is not None
                cov["pe_head"] += via_head
                cov["pe_person"] += bool(sm) and etype.get(sm.entity) == "PERSON"
    t_total = time.perf_counter() - t0

    n_claims = sum(len(r.claims) for run in runs.values() for r in run.readings.values())
    n_facts = sum(len(run.story.facts) for run in runs.values())
    multi = sum(1 for run in runs.values() for f in run.story.facts if len(f.articles) > 1)
    pred_spans = any(getattr(c, "predicate_start", None) is not None
                     for run in runs.values() for r in run.readings.values() for c in r.claims)
    topics = sorted({d.topic for d in docs})
    print(f"ECB+ topics {topics[0]}-{topics[-1]} ({len(topics)} topics, {len(runs)} sub-topics, {len(docs)} documents); "
          f"scored mentions: {'validated sentences only' if scope else 'all sentences'}")
    print(f"storyline: {n_claims} claims, {n_facts} facts ({multi} with claims from 2+ articles), "
          f"{sum(len(r.story.conflicts) for r in runs.values())} conflicts, "
          f"{sum(len(r.story.entities) for r in runs.values())} story entities; read failures: "
          f"{sum(len(r.failed) for r in runs.values())}")
    pred_note = "predicate span" if pred_spans else "approx.: no predicate spans yet, claim predicate contains the head lemma"
    print("\nCoverage")
    print(f"  gold event mentions on a claim (head inside the claim span): {_pct(cov['ev_claim'], cov['ev'])}")
    print(f"  gold event mentions on a claim's predicate ({pred_note}): {_pct(cov['ev_pred'], cov['ev'])}")
    for tag, c in sorted(by_tag.items(), key=lambda x: -x[1]["n"]):
        print(f"    {tag:<20} n={c['n']:<5} on claim {100 * c['claim'] / c['n']:5.1f}%  on predicate {100 * c['pred'] / c['n']:5.1f}%")
    print("    by head POS: " + ", ".join(f"{p} n={c['n']} claim {100 * c['claim'] / c['n']:.0f}% pred {100 * c['pred'] / c['n']:.0f}%"
                                        for p, c in sorted(by_pos.items(), key=lambda x: -x[1]["n"]) if c["n"] >= 20))
    print(f"  gold person mentions on a storyline mention: {_pct(cov['pe_mention'], cov['pe'])} "
          f"(via the head token {cov['pe_head']}); of an entity typed PERSON: {_pct(cov['pe_person'], cov['pe'])}")

    if args.person_misses:
        _print_misses(misses, args.person_misses)

    results = {"events": _table("EVENTS (ACTION_*, NEG_ACTION_*), with gold singletons", ev_gold, ev_sys),
               "people": _table("PEOPLE (HUMAN_PART_PER), with gold singletons", pe_gold, pe_sys)}
    gap = grouping_gap(ev_gold, ev_sys["events"], ev_sys["lemma"], ev_on_pred)
    results["events_grouping"] = gap
    print(f"\nEvents, grouping apart from coverage ({len(ev_on_pred)} mentions on a claim's predicate), CoNLL F: "
          + ", ".join(f"{name} {value:.3f}" for name, value in gap.items()))
    bounds = coverage_bounds(ev_gold, ev_sys["events"], ev_sys["lemma"], ev_kind, ev_stored)
    results["events_coverage_bounds"] = bounds
    off = Counter(v for v in ev_kind.values() if v != "on predicate")
    print(f"Events, what covering the mentions off a predicate could buy (predicate mentions grouped as now; "
          f"{', '.join(f'{n} {k}' for k, n in ((k, off[k]) for k in OFF_PREDICATE_KINDS))}), CoNLL F: "
          f"all alone {bounds['off predicate alone']:.3f}; joined by the story's records / to events by head lemma / "
          f"by gold cluster: "
          + ", ".join(f"{k} {bounds[k + ' by the story' + chr(39) + 's records']:.3f} / {bounds[k + ' by lemma']:.3f} / "
                      f"{bounds[k + ' perfectly']:.3f}"
                      for k in (*OFF_PREDICATE_KINDS, "all off predicate")))
    classes = error_classes(ev_gold, ev_sys["events"], ev_kind, ev_across)
    results["events_error_classes"] = classes
    print(f"Events, what undoing one class of errors could buy ({len(ev_across)} mentions of a cross-document gold "
          f"instance, {len(ev_gold) - len(ev_across)} linked across no document), CoNLL F: "
          + ", ".join(f"{name} {value:.3f}" for name, value in classes.items()))
    results["events_no_singletons"] = _table("EVENTS, without gold singletons", *_without_singletons(ev_gold, ev_sys))
    results["people_no_singletons"] = _table("PEOPLE, without gold singletons", *_without_singletons(pe_gold, pe_sys))
    pe_classes = person_error_classes(pe_gold, pe_sys["storyline"], {k for k in pe_gold if where.get(k) is not None}, kind_of)
    results["people_error_classes"] = pe_classes
    uncovered = Counter(kind_of[k] for k in pe_gold if where.get(k) is None)
    print(f"People, what undoing one class of errors could buy ({sum(uncovered.values())} gold person mentions on no "
          f"storyline mention: " + ", ".join(f"{n} {k}" for k, n in uncovered.most_common()) + "), CoNLL F: "
          + ", ".join(f"{name} {value:.3f}" for name, value in pe_classes.items()))
    mention_of = {**events, **people}
    diag = {"events": _pairwise("Event", ev_gold, ev_sys["storyline"], where, ("claim", "claims", "facts"), mention_of, args.examples),
            "people": _pairwise("Person", pe_gold, pe_sys["storyline"], where, ("mention", "mentions", "story entities"), mention_of,
                                args.examples)}
    if args.errors:
        _errors(ev_gold, ev_sys["events"], where, mention_of, heads, args.errors)
    if args.baseline_gaps:
        _baseline_gaps(pe_gold, pe_sys, where, mention_of, kind_of, args.baseline_gaps)

    print(f"\nTime: {t_total:.1f} s (corpus {t_load:.1f} s, storyline read+reconcile {t_story:.1f} s, "
          f"gold-head parse {t_heads:.1f} s)")
    if args.json:
        payload = {
            "topics": topics, "subtopics": len(runs), "documents": len(docs),
            "scope": "validated" if scope else "all", "predicate_spans": pred_spans,
            "coverage": dict(cov), "coverage_by_tag": {k: dict(v) for k, v in by_tag.items()},
            "coverage_by_pos": {k: dict(v) for k, v in by_pos.items()},
            "storyline": {"claims": n_claims, "facts": n_facts, "multi_article_facts": multi},
            "scores": results, "diagnostics": diag,
            "seconds": {"total": t_total, "corpus": t_load, "storyline": t_story, "heads": t_heads},
        }
        args.json.write_text(json.dumps(payload, indent=1, default=str), encoding="utf-8")
        print(f"wrote {args.json}")
    return 0


_PRONOUNS = frozenset("he she him her his hers they them their theirs who whom whose i me my we us our you your "
                      "himself herself themselves it its myself ourselves".split())


def _miss_kind(d: EcbDoc, m: EcbMention, head: tuple[int, str, str]) -> str:
    """Why a gold person mention may have no storyline mention, by its form: a pronoun, a word of
    the headline (the first text sentence), a proper name, a plural or singular common noun, other."""
    idx, _lemma, pos = head
    word = m.tokens[idx].text.lower().split("'")[0]
    if word in _PRONOUNS:
        return "pronoun"
    if m.sentence == min(d.sentences):
        return "headline"
    if pos == "PROPN":
        return "proper name"
    if pos == "NOUN":
        return "plural noun" if word.endswith("s") else "noun"
    return f"other ({pos})"


def _baseline_gaps(gold: dict, systems: dict[str, dict], where: dict, mention_of: dict, kind_of: dict, n: int) -> None:
    """Cross-document gold person links the same-last-word baseline makes and storyline does not:
    by sub-topic, and by the two mentions' kinds and whether storyline has a mention on both."""
    by_sub: dict[str, list] = defaultdict(list)
    for k, (sub, _label) in gold.items():
        by_sub[sub].append(k)
    per_sub, per_kind, shown = Counter(), Counter(), defaultdict(Counter)
    head, story = systems["head"], systems["storyline"]
    for sub, keys in by_sub.items():
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if a[0] == b[0] or gold[a] != gold[b] or head[a] != head[b] or story[a] == story[b]:
                    continue
                kind = (" / ".join(sorted((kind_of[a], kind_of[b]))),
                        "different story entities" if where.get(a) and where.get(b) else "a mention on no storyline mention")
                per_sub[sub] += 1
                per_kind[kind] += 1
                shown[kind][" ~ ".join(sorted((mention_of[a].text, mention_of[b].text)))] += 1
    print(f"\nCross-document gold person links the same-last-word baseline makes and storyline does not: {sum(per_sub.values())}")
    print("  by sub-topic: " + ", ".join(f"{s} {c}" for s, c in per_sub.most_common(15)))
    for kind, c in per_kind.most_common():
        print(f"  {c:5}  {kind[0]}, {kind[1]}: " + "; ".join(f"{t} ({x})" for t, x in shown[kind].most_common(n)))


def _context(d: EcbDoc, m: EcbMention, width: int = 60) -> str:
    s0, e0 = d.sentences[m.sentence]
    return f"...{d.text[max(s0, m.start - width):m.start]}<<{m.text}>>{d.text[m.end:min(e0, m.end + width)]}..."


def _print_misses(misses: dict[str, list[str]], n: int) -> None:
    rng = random.Random(0)
    print(f"\nGold person mentions on no storyline mention, by kind ({sum(len(v) for v in misses.values())}):")
    for kind, rows in sorted(misses.items(), key=lambda kv: -len(kv[1])):
        print(f"  {kind}: {len(rows)}")
        for row in rng.sample(rows, min(n, len(rows))):
            print(f"    - {row}")


def _pairwise(title: str, gold: dict, system: dict, where: dict, unit: tuple[str, str, str], mention_of: dict,
              n_examples: int) -> dict:
    """Pairwise view of the links: which gold links storyline keeps, which it invents, and why.

    ``where`` maps a mention to its anchor (a claim, a storyline mention) or None; ``unit`` names
    the anchor, its plural and the clusters ('claim', 'claims', 'facts'). Examples are a seeded
    sample over all pairs."""
    anchor, anchors, clusters = unit
    by_sub: dict[str, list[MentionKey]] = defaultdict(list)
    for k in gold:
        by_sub[gold[k][0]].append(k)
    c: Counter = Counter()
    rng = random.Random(0)
    missed: list = []
    wrong: list = []

    def keep(sample: list, seen: int, item) -> None:  # reservoir sampling
        if len(sample) < n_examples:
            sample.append(item)
        elif (j := rng.randrange(seen)) < n_examples:
            sample[j] = item

    for keys in by_sub.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                g, s = gold[a] == gold[b], system[a] == system[b]
                scope = "in-doc" if a[0] == b[0] else "cross-doc"
                c[("gold" if g else "nongold", "linked" if s else "apart", scope)] += 1
                wa, wb = where.get(a), where.get(b)
                if g and not s and scope == "cross-doc":
                    why = "unmapped" if wa is None or wb is None else "apart"
                    c[("missed", why)] += 1
                    if why == "apart":
                        keep(missed, c[("missed", why)], (a, b, wa, wb))
                if s and not g:
                    why = "same anchor" if wa is not None and wa is wb else "other anchors"
                    c[("wrong", why)] += 1
                    if why == "other anchors":
                        keep(wrong, c[("wrong", why)], (a, b, wa, wb))
    print(f"\n{title} links, pairwise (pairs of scored mentions within a sub-topic):")
    for scope in ("cross-doc", "in-doc"):
        tp, fn = c[("gold", "linked", scope)], c[("gold", "apart", scope)]
        fp = c[("nongold", "linked", scope)]
        print(f"  {scope:>9}: gold links {tp + fn}, kept {_pct(tp, tp + fn)}; system links {tp + fp}, correct {_pct(tp, tp + fp)}")
    print(f"  missed cross-doc gold links: {c[('missed', 'unmapped')]} with a mention on no {anchor}, "
          f"{c[('missed', 'apart')]} with both on {anchors} in different {clusters}")
    print(f"  wrong links: {c[('wrong', 'same anchor')]} between mentions on the same {anchor}, "
          f"{c[('wrong', 'other anchors')]} through different {anchors} in the same one of the {clusters}")

    def show(k, at) -> str:
        m = mention_of[k]
        if at is None:
            return f"{k[0]} [{m.text}]"
        pred = getattr(at, "predicate", None)
        return f"{k[0]} [{m.text}] on: {at.text[:110]!r}" + (f" (pred {pred})" if pred else "")

    if n_examples:
        print(f"  sample of missed cross-doc links (both on {anchors}, different {clusters}):")
        for a, b, wa, wb in missed:
            print(f"    - {show(a, wa)}\n      {show(b, wb)}")
        print(f"  sample of wrong links through different {anchors} in one of the {clusters}:")
        for a, b, wa, wb in wrong:
            print(f"    - {show(a, wa)}\n      {show(b, wb)}")
    return {" ".join(k): v for k, v in c.items()}


def _errors(gold: dict, system: dict, where: dict, mention_of: dict, heads: dict, n: int) -> None:
    """The biggest event errors: gold clusters split over several system clusters (ranked by the
    gold links lost), system clusters joining several gold clusters (by the wrong links made), and
    the head lemmas of gold mentions on no claim's predicate."""

    def links(groups: Counter) -> int:
        total = sum(groups.values())
        return (total * total - sum(v * v for v in groups.values())) // 2

    def label(k) -> str:
        at = where.get(k)
        pred = getattr(at, "predicate", None)
        on = "-" if at is None else (pred or "?")
        return f"{mention_of[k].text}[{on}]"

    by_gold: dict = defaultdict(list)
    by_sys: dict = defaultdict(list)
    for k in gold:
        by_gold[gold[k]].append(k)
        by_sys[(gold[k][0], system[k])].append(k)
    splits = []
    for g, ks in by_gold.items():
        parts = Counter(system[k] for k in ks)
        if len(parts) > 1:
            splits.append((links(parts), g, ks))
    merges = []
    for s_, ks in by_sys.items():
        parts = Counter(gold[k] for k in ks)
        if len(parts) > 1:
            merges.append((links(parts), s_, ks))
    print(f"\nBiggest event splits (gold links lost: {sum(x[0] for x in splits)} in all):")
    for lost, g, ks in sorted(splits, key=lambda x: (-x[0], str(x[1])))[:n]:
        parts: dict = defaultdict(list)
        for k in ks:
            parts[system[k]].append(label(k))
        shown = " | ".join(", ".join(sorted(Counter(v).elements())[:8]) for v in sorted(parts.values(), key=len, reverse=True)[:6])
        print(f"  {g[0]} {lost:>4} lost, {len(parts)} parts: {shown}")
    print(f"\nBiggest event merges (wrong links: {sum(x[0] for x in merges)} in all):")
    for wrong, s_, ks in sorted(merges, key=lambda x: (-x[0], str(x[1])))[:n]:
        parts = defaultdict(list)
        for k in ks:
            parts[gold[k]].append(label(k))
        shown = " | ".join(", ".join(sorted(v)[:6]) for v in sorted(parts.values(), key=len, reverse=True)[:6])
        print(f"  {s_[0]} {wrong:>4} wrong, {len(parts)} gold clusters: {shown}")
    off = Counter()
    sizes = Counter(gold.values())
    for k in gold:
        at = where.get(k)
        p0 = getattr(at, "predicate_start", None)
        h = mention_of[k].tokens[heads[k][0]]
        if at is None or p0 is None or not _overlaps(p0, at.predicate_end, h.start, h.end):
            off[(heads[k][1], heads[k][2], "claim" if at is not None else "none", sizes[gold[k]] > 1)] += 1
    print("\nHeads of gold event mentions on no predicate (lemma POS, on a claim or none, in a gold chain):")
    print("  " + ", ".join(f"{lem}/{pos}/{on}{'/chain' if chain else ''} {c}"
                           for (lem, pos, on, chain), c in off.most_common(n * 3)))


if __name__ == "__main__":
    sys.exit(main())
