"""The events a claim refers to besides the one it tells: references inside its words, and the
statement its source makes.

A claim tells one happening in its predicate ("police *arrested* the man"), but its other words
often name happenings the story tells elsewhere ("the man *wanted* for the *shooting*"), and
the reporting cue that attributes it ("police *said*") is a happening of its own: the statement.
Cross-document event coreference (ECB+, ``eval/ecbplus.py``) scores those mentions too; the Story
records hold everything needed to place them, so they are computed here, on demand, from the
readings and the reconciled story (no stored record changes):

* a word inside a claim's span but off its predicate refers to an event when it is the predicate
  of another claim of the article (a claim nested inside: that claim's fact's event), else when
  it is one of the claim's content words (``Claim.lemmas``) and the story tells an event in that
  word (the event most of the story's eventive claims with that predicate are in), else in a word
  of the same WordNet event key (:func:`storyline.core.words.event_key`: 'killing' names the event
  told as 'kill'), else when it is written as the story's eventive claims write a predicate (the
  predicate span's words, in lower case, no function word: 'DUI', which the reader tells as
  'drive', so neither the word nor its key leads there). Measured on ECB+ (``eval/ecbplus.py
  --readings``, reconcile only on one cache of main's readings at 1bf167f, 2026-12-08, fifteenth
  session): events CoNLL F1 0.7778 -> 0.7805; topics 1-22 0.7988 -> 0.7996, topics 23-35 0.7546 ->
  0.7594 (35ecbplus's "DUI" in "arrested on suspicion of DUI"). The same lookup for words outside
  every claim: 1-22 0.8008, 23-35 0.7589 (not kept: the held-out topics lose);
* a claim's reporting cue refers to a statement event: the cues of one source (its story entity,
  else the head word of its text after the capitalised words naming whose it is, a bare head
  joining the one named body of it the story quotes: 'the police' and 'Vancouver police' alike,
  'a White House spokesman' and 'a Pentagon spokesman' apart; else its kind) in one
  verb ('said', 'says', 'saying', and the prepositional 'according to': 'say') are one statement
  event, across the story's articles;
* a word outside every claim (a headline the reader made no claim of, '1 dead, 2 hurt in office
  *shooting*'), outside every reporting cue, source and entity mention, refers to an event the
  story tells in that word or one of its WordNet event key, as a verb, else as a noun naming a
  happening (:func:`storyline.core.words.is_event_noun`: 'the *shooting*', not 'the nominee');
  words of telling (the reader's reporting verbs and speech nouns: 'said', 'statement', 'reports')
  are left to the statements: outside a claim they are some source's saying, not the story's event.

Offsets come from the claim's text and its sentence (the cue's position is not stored: it is the
cue's words nearest the source's mention in the claim's sentence).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from storyline.core import words
from storyline.core.ids import make_id
from storyline.core.records import ArticleReading, Claim, Story, doc
from storyline.read.attribution.lexicon import cue_lexicon

__all__ = ["EventReference", "References", "StatementEvent", "event_references"]

ReferenceKind = Literal["event", "statement"]

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class EventReference:
    """A span naming an event: in a claim, besides the one its predicate tells; in an article, outside every claim."""

    start: int = doc("Start offset into the article text.")
    end: int = doc("End offset (exclusive).")
    text: str = doc("The words as written ('shooting', 'said').")
    event: str = doc("The event referred to: an events[] id (kind event) or a statement_events[] id (kind statement).")
    kind: ReferenceKind = doc(
        "event: a word of the claim, off its predicate, naming an event the story tells (in the same word, or one of "
        "the same WordNet event key, or written as the story's claims write that event's predicate: 'DUI'; a word on "
        "a nested claim's predicate, that claim's event), or, in "
        "articles[].event_references, a word outside every claim naming one; statement: the claim's reporting cue "
        "('said'), the statement its source makes.")


@dataclass(frozen=True)
class StatementEvent:
    """What one source says in one verb across the story: its reporting cues are the statement's mentions."""

    id: str = doc("Stable id (vs- + a hash of the source and the verb).")
    verb: str = doc("WordNet base form of the cue's verb ('say' for 'said', 'says', 'is said to'; 'say' for a "
                    "prepositional cue: 'according to', 'per').")
    source: str | None = doc("Story entity id of the source, or null when the source is no entity of the story.")
    who: str = doc(
        "What tells the source apart: its story entity id, else the head (last) word of its text in lower case, as a "
        "WordNet noun base form when WordNet has one, after the capitalised words before it ('a White House spokesman': "
        "'white house spokesman'); a bare head takes the one such named body the story quotes ('the police' with "
        "'Vancouver police': 'vancouver police'); else its kind.")
    claims: tuple[str, ...] = doc("Ids of the claims whose cue refers to it.")


@dataclass(frozen=True)
class References:
    """Claim id -> the event references inside it (text order), the statement events, and article
    id -> the references in words outside every claim (text order)."""

    by_claim: dict[str, tuple[EventReference, ...]]
    statements: tuple[StatementEvent, ...]
    by_article: dict[str, tuple[EventReference, ...]] = field(default_factory=dict)


def _most(counts: Counter) -> str:
    """The most counted key; ties go to the smallest, so runs agree."""
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def _told_in(claims: Sequence[Claim], event_of_claim: dict[str, str], texts: dict[str, str]) -> dict[tuple[str, str], str]:
    """('word', predicate), ('key', WordNet event key) and ('as', the predicate's own words as
    written, in lower case) -> the event the story's eventive claims with that predicate, key or
    wording are most in."""
    parts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in claims:
        event = event_of_claim.get(c.id)
        if c.eventive and event is not None:
            parts[("word", c.predicate)][event] += 1
            if c.event_key:
                parts[("key", c.event_key)][event] += 1
            if c.predicate_start is not None and c.predicate_end is not None:
                written = texts[c.article][c.predicate_start:c.predicate_end].lower()
                if _WORD.fullmatch(written):  # (looked up a word at a time: 'check into' is never asked)
                    parts[("as", written)][event] += 1
    return {k: _most(v) for k, v in parts.items()}


def _lemma_of(word: str, content: frozenset[str]) -> tuple[str, str] | None:
    """(lemma, WordNet POS) of a word of a claim when it is one of the claim's content lemmas. A
    word the reader kept whole (an adjective: 'damaging', 'outraged') goes by its verb's base form
    when WordNet has one: it names the verb's happening."""
    low = word.lower()
    for pos in ("v", "n"):
        base = words.lemmatize(low, pos)
        if base is not None and base in content:
            return base, pos
    if low not in content:
        return None
    verb = words.lemmatize(low, "v")
    return (verb, "v") if verb is not None else (low, "n")


def _named(lemma: str, pos: str, told: dict[tuple[str, str], str]) -> str | None:
    found = told.get(("word", lemma))
    if found is None and lemma.isalpha():
        key = words.event_key(lemma, pos)
        found = told.get(("key", key)) if key else None
    return found


def _cue_span(c: Claim, text: str) -> tuple[int, int] | None:
    """Offsets of the claim's reporting cue in its sentence: the occurrence nearest the source's
    mention (else the claim)."""
    cue = c.source.cue
    if not cue:
        return None
    anchor = c.source.start if c.source.start is not None else c.start
    found = [m.span() for m in _cue_pattern(cue).finditer(text, c.sentence_start, c.sentence_end)]
    if not found:
        return None
    return min(found, key=lambda se: (abs(se[0] - anchor), se[0]))


@lru_cache(maxsize=256)
def _cue_pattern(cue: str) -> re.Pattern[str]:
    # A story's claims share a handful of cues ("said", "told", "according to"): each is compiled once.
    return re.compile(r"\b" + r"\s+".join(re.escape(w) for w in cue.split()) + r"\b", re.IGNORECASE)


# The prepositional cues the reader builds in ('according to X', 'per X': storyline.read.attribution):
# they give what their source says, so their statement is a saying.
_PREPOSITIONAL_CUES = frozenset({"according", "per"})


def _verb_of(cue: str) -> str | None:
    """The verb of a reporting cue, its last word WordNet knows as a verb ('said' -> 'say', 'is
    said to' -> 'say'), 'say' for a prepositional cue ('according to', 'per'), or None ('allegedly')."""
    split = cue.lower().split()
    if split and split[0] in _PREPOSITIONAL_CUES:
        return "say"
    verbs = [b for b in (words.lemmatize(w, "v") for w in split) if b is not None]
    return verbs[-1] if verbs else None


def _who(src) -> str | None:
    """The head word of a source's text, in its WordNet noun base form when WordNet has one, after
    the capitalised words that name whose it is ('a White House spokesman': 'white house spokesman';
    'the police': 'police'). :func:`_bare_to_named` then joins a bare head to the one named body of it."""
    found = _WORD.findall(src.text or "")
    if not found:
        return None
    head = found[-1].lower()
    head = words.lemmatize(head, "n") or head
    # the first word may be capitalised only as the sentence's first ('The police', 'A spokesman')
    named = [w.lower() for i, w in enumerate(found[:-1]) if w[0].isupper() and (i or w.lower() not in STOP_WORDS)]
    return " ".join([*named, head])


def _bare_to_named(keys) -> dict[str, str]:
    """A bare head ('police') -> the one named body of it the story quotes ('vancouver police'); a
    head two named bodies share ('spokesman' of the White House and of the Pentagon) stays itself."""
    named: dict[str, set[str]] = defaultdict(set)
    for who in keys:
        head = who.rsplit(" ", 1)[-1]
        if head != who:
            named[head].add(who)
    return {head: next(iter(bodies)) for head, bodies in named.items() if len(bodies) == 1}


@lru_cache(maxsize=1)
def _telling() -> frozenset[str]:
    """Words of telling, the reader's cue lexicon's: the forms of its reporting verbs that WordNet
    files as communication ('said', 'announced'; not 'added' or 'continued', cues only in a
    reporting clause) and its speech and media nouns ('statement', 'reports')."""
    lex = cue_lexicon()
    verbs = {form for form, (lemma, _) in lex.verb_forms.items() if words.verb_class(lemma) == "verb.communication"}
    return frozenset(verbs | lex.speech_nouns | lex.media_nouns)


@lru_cache(maxsize=65536)
def _happening_readings(low: str) -> tuple[tuple[str, str], ...]:
    """How a lower-case word outside every claim may name a happening: (base form, WordNet POS) as
    a verb, then as a noun naming a happening; none for a word of telling (:func:`_telling`: some
    source's saying, a statement's word)."""
    if low in _telling():
        return ()
    out = []
    for pos in ("v", "n"):
        base = words.lemmatize(low, pos)
        if base is not None and (pos == "v" or words.is_event_noun(base)):
            out.append((base, pos))
    return tuple(out)


def _happening_word(word: str, told: dict[tuple[str, str], str]) -> str | None:
    """The event the story tells that a word outside every claim names (:func:`_happening_readings`)."""
    for base, pos in _happening_readings(word.lower()):
        found = _named(base, pos, told)
        if found is not None:
            return found
    return None


def _outside_claims(r: ArticleReading, taken: list[tuple[int, int]], told: dict[tuple[str, str], str]) -> tuple[EventReference, ...]:
    """References in the words of an article outside the ``taken`` spans (its claims, cues, sources,
    entity mentions and timexes)."""
    text = r.article.text
    spans = sorted(taken)
    out: list[EventReference] = []
    i, reach = 0, -1  # spans[:i] start before the word; reach: the furthest end among them
    for m in _WORD.finditer(text):
        s, e = m.span()
        while i < len(spans) and spans[i][0] < e:
            reach = max(reach, spans[i][1])
            i += 1
        if reach > s:
            continue
        event = _happening_word(m.group(), told)
        if event is not None:
            out.append(EventReference(s, e, m.group(), event, "event"))
    return tuple(out)


def event_references(readings: Sequence[ArticleReading], story: Story) -> References:
    """Every claim's event references (see the module docstring) and the story's statement events."""
    fact_event = {f.id: f.event for f in story.facts if f.event}
    event_of_claim = {c: fact_event[f.id] for f in story.facts if f.id in fact_event for c in f.claims}
    story_of = {m: e.id for e in story.entities for m in e.members}
    claims = [c for r in readings for c in r.claims]
    told = _told_in(claims, event_of_claim, {r.article.id: r.article.text for r in readings})
    entities = set(story_of.values())
    found: dict[str, list[EventReference]] = defaultdict(list)
    cues: list[tuple[str, EventReference, tuple[str, str]]] = []
    by_article: dict[str, tuple[EventReference, ...]] = {}
    for r in readings:
        text = r.article.text
        taken = [(x.start, x.end) for x in (*r.claims, *r.mentions, *r.timexes)]
        # a word on another claim's predicate (a claim nested in this one) names that claim's event
        on_predicate = {m.start(): event_of_claim.get(c.id) for c in r.claims
                        if c.predicate_start is not None and c.predicate_end is not None
                        for m in _WORD.finditer(text, c.predicate_start, c.predicate_end)}
        for c in r.claims:
            p0, p1 = c.predicate_start, c.predicate_end
            content = frozenset(c.lemmas)
            for m in _WORD.finditer(text, c.start, c.end):
                s, e = m.span()
                if p0 is not None and p1 is not None and s < p1 and p0 < e:
                    continue
                event = on_predicate.get(s)
                if event is None:
                    lemma = _lemma_of(m.group(), content)
                    event = _named(*lemma, told) if lemma else None
                if event is None and (low := m.group().lower()) not in STOP_WORDS:
                    # a word as the story's claims write their predicate ('DUI' read as 'drive'); a
                    # function word ('was', 'has') is no name of a happening however a claim is told
                    event = told.get(("as", low))
                if event is not None:
                    found[c.id].append(EventReference(s, e, m.group(), event, "event"))
            src = c.source
            if src.start is not None and src.end is not None:
                taken.append((src.start, src.end))
            span = _cue_span(c, text)
            if span is not None:
                taken.append(span)
            verb = _verb_of(c.source.cue) if c.source.cue else None
            if span is None or verb is None:
                continue
            who = (story_of.get(src.entity, src.entity) if src.entity else None) or _who(src) or src.kind
            cues.append((c.id, EventReference(*span, text[span[0]:span[1]], "", "statement"), (who, verb)))
        outside = _outside_claims(r, taken, told)
        if outside:
            by_article[r.article.id] = outside
    joined = _bare_to_named({who for _, _, (who, _) in cues})
    cues = [(cid, ref, (joined.get(who, who), verb)) for cid, ref, (who, verb) in cues]
    statements: dict[tuple[str, str], list[str]] = defaultdict(list)
    for cid, _, key in cues:
        statements[key].append(cid)
    made = {key: StatementEvent(make_id("vs", *key), key[1], key[0] if key[0] in entities else None, key[0], tuple(ids))
            for key, ids in statements.items()}
    for cid, ref, key in cues:
        found[cid].append(replace(ref, event=made[key].id))
    by_claim = {cid: tuple(sorted(refs, key=lambda x: (x.start, x.end, x.kind))) for cid, refs in found.items()}
    return References(by_claim, tuple(sorted(made.values(), key=lambda x: x.id)), by_article)
