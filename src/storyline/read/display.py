"""What the presentation shows of a claim, read here so the present stage never reads the text.

A fact's title is its statement claim's whole clause, with its subject named; a TimelineJS
headline is the claim with the quotation it opens (or leads into) closed. Which words those are is
a reading of the text, so it is made once, here, when the records are made
(:func:`storyline.read.extract.reading_from_annotations`, over the whole article text as
:mod:`storyline.read.cues` is, so a long article read in chunks gets the same annotations), and
recorded on the claim (``Claim.title_*``, ``Claim.headline_end``). The dossier and the TimelineJS
export only cut the text at these offsets, put the story's name for the recorded entity, and tidy
spaces, capitals and quote marks.

Why a clause: a claim's text is often a fragment of its sentence: a quote ("was hardly ever home
last year"), a clause that starts with a pronoun ("He was stunned") or one cut short before its
object ("Fans first noticed"). The title is the clause around the claim in its sentence; a leading
pronoun is recorded with the entity it refers to (the reader's pronoun mention there, else the
claim's subject) and, for a clause with no subject of its own, the point where the subject's name
goes. The words this relies on are in ``data/display.json``.

Records stored before schema 8 have none of this (nulls): the present stage then shows the claim's
own text, and migration 0008 lists their articles to be read again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple, Protocol

from storyline.core.lexicon import load_data
from storyline.core.records import Claim, Mention
from storyline.core.text import SENTENCE_END

__all__ = ["ClaimPlace", "TitleReading", "display_fields", "pronoun_entities", "sentence_around", "title_reading", "with_display"]

_TITLE_LEAD = 160  # the most of the sentence put before the claim to reach its clause start
_TITLE_TAIL = 110  # the most put after it to reach the clause end
_OPEN_Q, _CLOSE_Q = "“", "”"
_CLAUSE_END = re.compile(r"[,;:]|\s[—–]\s")
# A sentence break inside a reader's sentence span (which may hold a quote of several sentences).
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’)]*\s+(?=[“\"‘(]?[A-Z0-9])")
_WORDS = re.compile(r"[\w’']+")
_LAST_WORD = re.compile(r"([A-Za-z]+)$")
# Headlines: a quotation is looked for up to the end of the claim's sentence.
_HEADLINE_STOP = re.compile(r"[.!?](?=\s|$)|\n")
_HEADLINE_OPEN, _HEADLINE_CLOSE = "“\"", "”\""
_CLAUSE_PUNCT = re.compile(r"[,.;:!?()]")
_LEAD_WORDS = 3  # "with the caption “...”": words between a claim and a quotation that completes it


@dataclass(frozen=True)
class _Words:
    clause_start: re.Pattern[str]
    pronoun: re.Pattern[str]
    possessive: frozenset[str]
    clitics: dict[str, str]
    has_participles: frozenset[str]
    open_end: frozenset[str]
    verb_start: frozenset[str]
    not_verb: frozenset[str]
    abbreviations: frozenset[str]


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _capital_or_not(word: str) -> str:
    """``he`` -> ``[Hh]e``: a word at a clause start may be capitalised, the rest of it may not."""
    return f"[{word[0].upper()}{word[0].lower()}]{re.escape(word[1:])}"


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = load_data("display.json", {"reporting": list, "clause_joiners": list, "strong_joiners": list, "open_end": list,
                                   "lead_words": list, "pronouns": dict, "clitics": dict, "has_participles": list,
                                   "verb_start": list, "not_verb": list, "abbreviations": list})  # fmt: skip
    # Where a clause may start inside a sentence: after a semicolon, colon or dash, after ", and the…"
    # (a lowercase word follows), after ", but"/", so"/", while", and after the "that" of reported
    # speech ("says that …").
    clause_start = re.compile(
        rf"[;:]\s*|\s[—–]\s*|,\s+(?:{_alternatives(d['clause_joiners'])})\s+(?=[“\"‘']?[a-z])"
        rf"|,\s+(?:{_alternatives(d['strong_joiners'])})\s+"
        rf"|\b(?:{_alternatives(d['reporting'])})\s+(?:[\w’'-]+\s+){{0,6}}?that\s+"
    )
    lead = "|".join(_capital_or_not(w) for w in d["lead_words"])
    pronouns = "|".join(_capital_or_not(w) for w in sorted(d["pronouns"], key=len, reverse=True))
    pronoun = re.compile(
        rf"^(?P<lead>[“\"‘']?(?:(?:{lead})\s+|[A-Z][^,“”\"]{{0,60}},\s+(?:[^,“”\"]{{0,24}},\s+)?)?)"
        rf"(?P<pro>{pronouns})(?P<clitic>[’'](?:s|{_alternatives(d['clitics'])})\b)?(?![\w’'])"
    )
    return _Words(clause_start, pronoun, frozenset(w for w, poss in d["pronouns"].items() if poss), dict(d["clitics"]),
                  frozenset(d["has_participles"]), frozenset(d["open_end"]), frozenset(d["verb_start"]),
                  frozenset(d["not_verb"]), frozenset(d["abbreviations"]))  # fmt: skip


@dataclass(frozen=True)
class TitleReading:
    """The ``Claim.title_*`` fields: what a title made from the claim shows (see the module notes).

    ``subject_start``/``subject_end`` span the leading pronoun (with its contraction) that the
    name of ``subject`` replaces, or are equal at the point where the name goes before a clause
    with no subject of its own; null when neither applies."""

    start: int
    end: int
    cut: bool
    subject_start: int | None = None
    subject_end: int | None = None
    subject: str | None = None
    possessive: bool = False
    clitic: str | None = None

    def fields(self) -> dict:
        """The values of the ``Claim.title_*`` fields."""
        return {"title_start": self.start, "title_end": self.end, "title_cut": self.cut,
                "title_subject_start": self.subject_start, "title_subject_end": self.subject_end,
                "title_subject": self.subject, "title_possessive": self.possessive, "title_clitic": self.clitic}  # fmt: skip


def sentence_around(text: str, start: int, end: int, reach: int = 300) -> tuple[int, int]:
    """Bounds of the sentence holding [start, end), looking at most ``reach`` characters each way
    (for an age, which has no sentence of its own from the parse)."""
    lo = max(0, start - reach)
    cuts = [m.end() for m in SENTENCE_END.finditer(text, lo, start)]
    s0 = cuts[-1] if cuts else lo
    m = SENTENCE_END.search(text, end, min(len(text), end + reach))
    s1 = m.start() + len(m.group().rstrip()) if m else min(len(text), end + reach)
    return s0 + (len(text[s0:start]) - len(text[s0:start].lstrip())), s1


# Remembered: an article's claims share their sentences (a str caches its hash, so the text is no
# cost as a key).
@lru_cache(maxsize=512)
def _sentence_breaks(text: str, lo: int, hi: int) -> tuple[tuple[int, int], ...]:
    """(end of a sentence, start of the next) for each sentence break in ``text[lo:hi]``."""
    out = []
    for m in _SENTENCE_BREAK.finditer(text, lo, hi):
        word = _LAST_WORD.search(text[max(lo, m.start() - 12) : m.start()])
        if word and (word.group(1).lower() in _words().abbreviations or len(word.group(1)) == 1):
            continue  # "Mr. Lindqvist", "Dec. 2", "J. K."
        out.append((m.start() + len(m.group().rstrip()), m.end()))
    return tuple(out)


class _Placed(Protocol):
    """What the display reading looks at of a claim: a :class:`Claim`, or a :class:`ClaimPlace`."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def sentence_start(self) -> int: ...
    @property
    def sentence_end(self) -> int: ...
    @property
    def subject(self) -> str | None: ...


class ClaimPlace(NamedTuple):
    """The fields of a claim the display reading looks at, for a claim not yet made: the reader
    makes each Claim once with its display fields (:func:`display_fields`) rather than make it,
    then copy it with them (``dataclasses.replace`` re-runs the 36-field frozen constructor, which
    cost as much as the reading itself)."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    subject: str | None


def _clause(text: str, c: _Placed) -> tuple[int, int, bool]:
    """Bounds of the clause holding claim ``c`` in its sentence, and whether it was cut short."""
    w = _words()
    a, b = c.start, c.end
    s0, s1 = (c.sentence_start, c.sentence_end) if 0 <= c.sentence_start <= a and b <= c.sentence_end <= len(text) else (a, b)
    breaks = _sentence_breaks(text, s0, s1)
    s0 = max([nxt for end, nxt in breaks if nxt <= a] or [s0])
    s1 = min([end for end, nxt in breaks if end >= b] or [s1])
    lo = a
    # The look-ahead of ", and the…" needs to see the claim's first letters.
    cuts = [m.end() for m in w.clause_start.finditer(text, s0, min(len(text), a + 2)) if m.end() <= a]
    start = cuts[-1] if cuts else s0
    if a - start <= _TITLE_LEAD and text[start:a].strip():
        lo = start
    words = _WORDS.findall(text[a:b].lower())
    in_quote = text.count(_OPEN_Q, s0, b) > text.count(_CLOSE_Q, s0, b) and not text.startswith(_CLOSE_Q, b)
    if not words or not (in_quote or words[-1] in w.open_end or len(words) <= 2):
        return lo, b, False
    rest = text[b:s1].lstrip(_CLOSE_Q + "\"’'")
    if not rest.strip() or rest[:1] in ",;:.!?)":
        return lo, b, False
    m = _CLAUSE_END.search(text, b, s1)
    hi = m.start() if m else s1
    if hi - b > _TITLE_TAIL:
        return lo, b, True
    return lo, hi, False


def _verb_like(word: str) -> bool:
    w = _words()
    word = word.lower().strip("“\"‘'")
    if word in w.verb_start:
        return True
    return word.isalpha() and word not in w.not_verb and (word.endswith("ed") or (word.endswith("s") and not word.endswith("ss")))


def title_reading(text: str, c: _Placed, pronouns: Mapping[int, str]) -> TitleReading:
    """What a title made from claim ``c`` shows; ``pronouns`` maps the start of each pronoun
    mention in the article to the ArticleEntity id it refers to."""
    lo, hi, cut = _clause(text, c)
    raw = text[lo:hi]
    w = _words()
    m = w.pronoun.match(raw)
    if m:
        at = lo + m.start("pro")
        entity = pronouns.get(at) or (c.subject if at == c.start else None)
        if entity:
            pro, clitic = m.group("pro").lower(), (m.group("clitic") or "")[1:]
            spelled = None
            if pro not in w.possessive and clitic == "s":  # "she’s laughing" / "he’s been": is or has
                tail = raw[m.end() :].split()
                nxt = tail[0].lower() if tail else ""
                spelled = " has" if nxt in w.has_participles or nxt.endswith("ed") else " is"
            elif pro not in w.possessive and clitic:
                spelled = w.clitics[clitic]
            return TitleReading(lo, hi, cut, at, lo + m.end(), entity, pro in w.possessive, spelled)
        return TitleReading(lo, hi, cut)
    if lo == c.start and c.subject:
        first = raw.split(None, 1)[0] if raw.split() else ""
        if first[:1].islower() and _verb_like(first):
            at = lo + len(raw) - len(raw.lstrip())
            return TitleReading(lo, hi, cut, at, at, c.subject)
    return TitleReading(lo, hi, cut)


def _unclosed(text: str) -> bool:
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _first(text: str, marks: str, lo: int, hi: int) -> int:
    """The first offset in ``text[lo:hi]`` holding one of ``marks``, else -1."""
    first = -1
    for q in marks:  # a loop: two nested generators per claim cost more than the finds
        i = text.find(q, lo, hi)
        if i >= 0 and (first < 0 or i < first):
            first = i
    return first


def headline_end(text: str, start: int, end: int) -> int:
    """Where the claim ``text[start:end]`` ends as a headline: past the close of a quotation it
    opened, or of one its words lead into ("with the caption “...”"), within its sentence."""
    stop = _HEADLINE_STOP.search(text, end)
    limit = stop.start() if stop else len(text)
    if _unclosed(text[start:end]):
        close = _first(text, _HEADLINE_CLOSE, end, limit)
        if close >= 0:
            return close + 1
    opening = _first(text, _HEADLINE_OPEN, end, limit)
    lead = text[end:opening] if opening >= 0 else ""
    if opening >= 0 and len(lead.split()) <= _LEAD_WORDS and not _CLAUSE_PUNCT.search(lead):
        close = _first(text, _HEADLINE_CLOSE, opening + 1, limit + 1)
        if close >= 0:
            return close + 1
    return end


def pronoun_entities(mentions: Iterable[Mention]) -> dict[int, str]:
    """The entity each pronoun mention refers to, by its start (the first mention at a start decides)."""
    at: dict[int, Mention] = {}
    for m in mentions:
        at.setdefault(m.start, m)
    return {start: m.entity for start, m in at.items() if m.kind == "pronoun"}


def display_fields(text: str, c: _Placed, pronouns: Mapping[int, str]) -> dict:
    """The display fields (``title_*``, ``headline_end``) of claim ``c`` read from ``text``;
    ``pronouns`` is :func:`pronoun_entities` of the article's mentions."""
    return {"headline_end": headline_end(text, c.start, c.end), **title_reading(text, c, pronouns).fields()}


def with_display(text: str, c: Claim, pronouns: Mapping[int, str]) -> Claim:
    """Claim ``c`` with its :func:`display_fields`."""
    return replace(c, **display_fields(text, c, pronouns))
