"""How the reconcile stage scales: synthetic stories of 100 … 100,000 articles.

Each synthetic story has a cast of ``--people`` people (default 40), ``--events`` events (default
300; once-only marriages/separations/meetings and repeatable sightings, statements, feelings,
affairs), and articles of 10–30 claims drawn from those events with a skewed (Zipf-like)
popularity, varied wording, mixed sources (anonymous insiders, named people, the outlet, relays
of other outlets, rumors), a few wrong dates, denials and ages. Every size runs in its own forked
process so memory figures do not leak between sizes.

Printed per size: claims, reconcile wall time, time per claim relative to the smallest size
(the baseline measured in this run; 1.0 = perfectly linear), peak RSS growth during reconcile
(``resource.ru_maxrss``, the input already built), and facts/conflicts/echoes found. Finally the
growth exponent k of time ≈ c·n^k, fitted by least squares on log–log (target: below 1.2).
``--no-gc`` disables Python's cyclic garbage collector during reconcile: its full collections
scan every live object, so part of any growth above 1 is the collector's, not the algorithm's.

    python bench/reconcile_scale.py                  # 100, 1000, 10000
    python bench/reconcile_scale.py --max-size 100000
"""

from __future__ import annotations

import argparse
import functools
import gc
import math
import multiprocessing as mp
import random
import resource
import sys
import time
from dataclasses import dataclass

from storyline.core.dates import parse_published
from storyline.core.ids import make_id
from storyline.core.options import ReconcileOptions
from storyline.core.records import (
    Age,
    Article,
    ArticleEntity,
    ArticleReading,
    Claim,
    Sentence,
    Source,
    Timex,
)
from storyline.read.wording import content_lemmas, word_forms
from storyline.reconcile import reconcile

SIZES = (100, 1_000, 10_000, 100_000)
FIRST = "Mara Theo Ali Jon Rosa Ivy Noor Leo Ada Sam Eli Kai Zoe Ben Lua Max Una Ravi Tess Omar".split()
LAST = "Quinn Vance Reyes Hale Moreau Park Okafor Lind Silva Brandt Costa Novak Ito Dahl Pryce".split()
OUTLETS = ["Daily Lumen", "Star Ledger", "Pop Wire", "Night Post", "Glam Weekly", "Court Gazette", "The Bulletin"]
ONCE = {
    "marriage": ["{a} married {b} in {d}", "{a} and {b} wed in {d}", "{a} tied the knot with {b} in {d}"],
    "separation": ["{a} and {b} split in {d}", "{a} separated from {b} in {d}", "{a} and {b} called it quits in {d}"],
    "meeting": ["{a} first met {b} in {d}", "{a} and {b} met on a film set in {d}"],
}
REPEAT = {
    "appearance": ["{a} was seen at {p} with {b} in {d}", "{a} stepped out at {p} in {d}", "{a} arrived at {p} in {d}"],
    "affair": ["{a} had an affair with {b}", "{a} was cheating with {b}", "{a} romanced {b} behind closed doors"],
    "feeling": ["{a} is heartbroken about {b}", "{a} feels betrayed by {b}", "{a} is moving on from {b}"],
    "statement": ["{a} said the year with {b} was hard", "{a} thanked fans for support", "{a} praised {b} warmly"],
    "residence": ["{a} lives in {p} with {b}", "{a} moved to {p} near {b}"],
}
PLACES = ["Paris", "Lisbon", "Sydney", "Oslo", "Vienna", "Austin", "Seoul", "Rome", "Prague", "Dublin"]
MONTHS = "January February March April May June July August September October November December".split()
SOURCES = [("anonymous", 0.35), ("unattributed", 0.2), ("outlet", 0.12), ("named_person", 0.1),
           ("other_media", 0.1), ("rumor", 0.06), ("observation", 0.05), ("document", 0.02)]


@dataclass(frozen=True)
class Event:
    pclass: str
    a: int
    b: int
    year: int
    month: int
    place: str
    template: int


def _events(rng: random.Random, people: int, n: int) -> list[Event]:
    out = []
    classes = list(ONCE) + list(REPEAT)
    for i in range(n):
        pclass = classes[i % len(classes)]
        a, b = rng.sample(range(people), 2)
        out.append(Event(pclass, a, b, rng.randint(2005, 2024), rng.randint(1, 12), rng.choice(PLACES), rng.randrange(3)))
    return out


@functools.cache
def _blank():
    import spacy

    return spacy.blank("en")


# What the read stage records for a claim (Claim.lemmas) and a sentence (Sentence.words), from a
# blank English pipeline (no tags: content words by spaCy's stop list). The templates repeat, so
# each text is tokenised once.
@functools.cache
def _lemmas(text: str) -> tuple[str, ...]:
    return tuple(content_lemmas(_blank()(text)))


@functools.cache
def _words(text: str) -> tuple[str, ...]:
    return tuple(word_forms(_blank()(text)))


def _article(rng: random.Random, i: int, events: list[Event], weights: list[float], names: list[str]) -> ArticleReading:
    aid = f"s{i}"
    outlet = OUTLETS[i % len(OUTLETS)]
    published = f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}"
    picked = rng.choices(events, weights=weights, k=rng.randint(10, 30))
    people = sorted({p for e in picked for p in (e.a, e.b)})
    ents = {p: ArticleEntity(make_id("e", aid, p), aid, names[p], "PERSON", (names[p].split()[-1],), None, {}) for p in people}
    text_parts, timexes, claims, ages, sentences = [], [], [], [], []
    pos = 0
    for k, ev in enumerate(picked):
        templates = ONCE.get(ev.pclass) or REPEAT[ev.pclass]
        tpl = templates[(ev.template + (rng.random() < 0.3)) % len(templates)]
        year = ev.year + (1 if ev.pclass in ONCE and rng.random() < 0.02 else 0)  # a few wrong dates
        d = f"{MONTHS[ev.month - 1]} {year}"
        body = tpl.format(a=names[ev.a], b=names[ev.b], d=d, p=ev.place)
        kind = rng.choices([s for s, _ in SOURCES], weights=[w for _, w in SOURCES])[0]
        via = rng.choice(OUTLETS) if kind == "other_media" else None
        pclass = ev.pclass
        if ev.pclass == "affair" and rng.random() < 0.05:
            body, pclass, kind = f"{names[ev.a]} denied the affair with {names[ev.b]}", "denial", "named_person"
        sentence = body + "."
        start = pos
        text_parts.append(sentence)
        pos += len(sentence) + 1
        when = None
        if "{d}" in tpl:
            ts = start + body.index(d)
            when = make_id("t", aid, ts)
            timexes.append(Timex(when, aid, ts, ts + len(d), d, "DATE", f"{year}-{ev.month:02d}", None, "DCT"))
        src = Source(kind, via or (names[ev.a] if kind == "named_person" else None), None, None,
                     ents[ev.a].id if kind == "named_person" else None, "says", "indirect", via,
                     f"anonymous:{1 + k % 3}" if kind == "anonymous" else None)
        claims.append(Claim(make_id("c", aid, start, k), aid, start, start + len(body), body, ents[ev.a].id,
                            ev.pclass, pclass, ents[ev.b].id, when, "positive", "certain", (), src, start,
                            start + len(sentence), lemmas=_lemmas(body)))
        sentences.append(Sentence(make_id("s", aid, start), aid, start, start + len(sentence),
                                  _words(sentence)))
    for p in people[:2]:
        age = 30 + p % 20 + 2 * (i % 300 == 0)  # now and then an age two years off
        age_text = f"{names[p]}, {age}."
        text_parts.append(age_text)
        at = pos + len(names[p]) + 2
        ages.append(Age(make_id("g", aid, p), aid, ents[p].id, age, at, at + 2, published))
        pos += len(age_text) + 1
    text = " ".join(text_parts)
    art = Article(aid, text, outlet, parse_published(published), None, None, aid, "txt", make_id("h", aid))
    return ArticleReading(art, tuple(ents.values()), (), tuple(ages), tuple(timexes), tuple(claims), tuple(sentences))


def corpus(n: int, people: int = 40, n_events: int = 300, seed: int = 7) -> list[ArticleReading]:
    """``n`` synthetic article readings about one story."""
    rng = random.Random(seed)
    names = [f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}{'' if i < len(FIRST) else ' ' + LAST[i % len(LAST)]}"
             for i in range(people)]
    events = _events(rng, people, n_events)
    weights = [1.0 / (1 + r) ** 0.8 for r in range(len(events))]
    return [_article(rng, i, events, weights, names) for i in range(n)]


def _run(n: int, args: argparse.Namespace, out: "mp.Queue") -> None:
    readings = corpus(n, args.people, args.events)
    claims = sum(len(r.claims) for r in readings)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if args.no_gc:  # separates the algorithm's growth from the cyclic collector's
        gc.collect()
        gc.disable()
    t0 = time.perf_counter()
    story = reconcile(readings, ReconcileOptions())
    elapsed = time.perf_counter() - t0
    gc.enable()
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    out.put((n, claims, elapsed, (after - before) / 1024, before / 1024,
             len(story.facts), len(story.conflicts), len(story.echoes), len(story.entities)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--max-size", type=int, default=10_000, help="largest corpus size to run (default 10000)")
    ap.add_argument("--people", type=int, default=40)
    ap.add_argument("--events", type=int, default=300)
    ap.add_argument("--no-gc", action="store_true", help="disable Python's cyclic GC while reconcile runs")
    args = ap.parse_args(argv)
    sizes = [s for s in SIZES if s <= args.max_size]
    ctx = mp.get_context("fork")
    rows = []
    print(f"{'articles':>9} {'claims':>9} {'seconds':>9} {'per-claim ratio':>15} {'peak MB':>8} {'input MB':>9} "
          f"{'facts':>7} {'conflicts':>9} {'echoes':>7} {'entities':>8}")
    for n in sizes:
        q = ctx.Queue()
        p = ctx.Process(target=_run, args=(n, args, q))
        p.start()
        row = q.get()
        p.join()
        rows.append(row)
        base = rows[0][2] / rows[0][1]
        n_, claims, secs, peak, inp, facts, conflicts, echoes, ents = row
        print(f"{n_:>9} {claims:>9} {secs:>9.2f} {secs / claims / base:>15.2f} {peak:>8.0f} {inp:>9.0f} "
              f"{facts:>7} {conflicts:>9} {echoes:>7} {ents:>8}", flush=True)
    if len(rows) >= 2:
        xs = [math.log(r[1]) for r in rows]
        ys = [math.log(r[2]) for r in rows]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        k = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
        print(f"growth exponent (time ~ claims^k, sizes {', '.join(str(r[0]) for r in rows)}): k = {k:.2f} (target < 1.2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
