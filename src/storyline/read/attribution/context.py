"""Per-Doc token context for the attribution rules: quotes, paragraphs, boundaries, phrases.

Everything here is computed in one linear pass over the tokens. The rules lean on surface form
and part of speech first and on the dependency parse only as a helper, because the small English
model often mis-parses tabloid reporting clauses ("A second insider notes" as a noun compound).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from storyline.read.attribution.lexicon import CueLexicon
from storyline.read.attribution.quotes import Quote, find_quotes, paragraphs
from storyline.read.doc import DocIndex

__all__ = ["Ctx", "build_context"]

_TERMINAL = frozenset({".", "!", "?", ";", "…", "..."})
_NP_POS = frozenset({"DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON", "PART"})
_NP_GLUE = frozenset({"&", "'s", "’s", "-", "'", "’", "."})
_NP_INNER_ADP = frozenset({"of", "for", "close", "to", "from", "at", "with", "in", "near"})
_BE_FORMS = frozenset({"was", "were", "is", "are", "been", "being", "be", "’s", "'s"})
_OBJ_PRONOUNS = frozenset({"her", "him", "them", "me", "us", "you", "reporters", "fans", "friends"})


@dataclass
class Ctx:
    doc: Doc
    text: str
    lex: CueLexicon
    quotes: list[Quote]
    quote_of: list[int]  # token -> index in quotes, -1 outside quotes
    para_of: list[int]  # token -> paragraph index (-1 for whitespace between paragraphs)
    boundary: list[bool]  # token ends a sentence outside quotes, or breaks a paragraph
    publisher: str | None
    publisher_forms: frozenset[str]
    has_dep: bool
    has_pos: bool
    entity_outlets: dict[int, tuple[int, str]]  # OUTLET mentions from sl_entities: start -> (end, name)
    index: DocIndex  # token texts and offsets, shared with the entity components
    outlet_prefixes: frozenset[str]  # every prefix of every outlet form and publisher form
    # Tokens inside a name the entity reader found (a person's or an organisation's): part of a
    # source phrase whatever the tagger says ('said Amoss' with the surname tagged ADV).
    named: frozenset[int] = frozenset()
    # The "meantime" convention: a reporting verb's event-noun object is its content (see
    # storyline.read.attribution, "Conventions").
    nominal: bool = False

    # ---- token tests -------------------------------------------------------------------
    def pos(self, t: Token) -> str:
        return t.pos_ if self.has_pos else ""

    def is_punct(self, t: Token) -> bool:
        return t.is_punct or t.is_space

    def np_like(self, t: Token, inner: bool = False) -> bool:
        """Can ``t`` be part of a source phrase ('a second insider', 'the Oscar winner’s friends')?"""
        if t.lower_ in _NP_GLUE and not t.is_space:
            return t.text != "."
        if t.is_punct or t.is_space or t.text in {'"', "“", "”"}:
            return False
        if t.i in self.named:
            return True
        if t.lower_ in self.lex.verb_forms and t.lower_ not in ("report", "reports", "statement"):
            return bool(t.is_title and t.i > 0 and not self.boundary[t.i - 1]) and self.pos(t) == "PROPN"
        pos = self.pos(t)
        if not pos:
            return t.is_alpha or t.like_num
        if pos in _NP_POS:
            return True
        if inner and pos in ("ADP", "ADV", "ADJ") and t.lower_ in _NP_INNER_ADP:
            return True
        if pos in ("VERB", "AUX") and t.is_title and not t.is_sent_start:
            return True  # capitalised names mis-tagged as verbs ("Millepied")
        if pos == "CCONJ" and t.lower_ in ("and", "&"):
            return inner
        return False

    def outlet_at(self, i: int, hi: int) -> tuple[int, str] | None:
        """(end token, canonical name) of an outlet name starting at token ``i``, if any."""
        if i in self.entity_outlets and self.entity_outlets[i][0] <= hi:
            return self.entity_outlets[i]
        # Read from the token arrays: this runs at every candidate token, and Span objects
        # cost more than the test (str.isalpha is what spaCy's is_alpha computes).
        texts, index = self.index.texts, self.index
        first = texts[i] if i < len(texts) else ""
        if first[:1].isupper() or first == "&":
            for n in range(min(5, hi - i), 1, -1):
                # 'The Harbor Times', 'StarWatch Weekly' (camel case counts), 'Daily Lumen':
                # capitalised words ending, or opening, with an outlet word
                if all(w[:1].isupper() and w.isalpha() or w == "&" for w in texts[i : i + n]) and (
                    texts[i + n - 1] in self.lex.outlet_words or (first in self.lex.outlet_first_words and n == 2)
                ):
                    s, e = index.char_bounds(i, i + n)
                    return i + n, self.text[s:e]
        if first not in self.outlet_prefixes:
            return None  # no known form starts with this token's text
        for n in range(min(5, hi - i), 0, -1):
            a, b = index.char_bounds(i, i + n)
            s = self.text[a:b]
            if s in self.publisher_forms:
                return i + n, self.publisher or s
            name = self.lex.outlets.get(s)
            if name:
                return i + n, name
            if n == 1 and s in self.lex.ambiguous_outlets and s[0].isupper():
                return i + 1, self.lex.ambiguous_outlets[s]
        return None

    def is_publisher(self, name: str | None) -> bool:
        return bool(name) and (name in self.publisher_forms or name == self.publisher)

    # ---- phrases -----------------------------------------------------------------------
    def np_before(self, end: int, lo: int) -> tuple[int, int] | None:
        """Token span of the noun phrase ending right before ``end`` (not before ``lo``)."""
        doc = self.doc
        i = end - 1
        while i >= lo and self.pos(doc[i]) == "ADV" and doc[i].lower_ not in ("also",) and not doc[i].is_title:
            i -= 1  # "a source exclusively reveals"
        closing_comma = i - 1 >= lo and doc[i].text == "," and doc[i - 1].is_title
        if closing_comma:
            i -= 1  # "airline, Ryanair, announced": the appositive's closing comma
        e = i + 1
        while i >= lo:
            t = doc[i]
            if self.np_like(t, inner=True):
                i -= 1
                continue
            # "Portman, 42, told": step over a numeric appositive
            if t.text == "," and i - 2 >= lo and doc[i - 1].like_num and doc[i - 2].text == ",":
                i -= 3
                continue
            # "Irish low cost airline, Ryanair": a name in apposition to a noun phrase
            if closing_comma and t.text == "," and i + 1 < e and doc[i + 1].is_title and i - 1 >= lo and self._nominal(doc[i - 1]):
                closing_comma = False
                i -= 1
                continue
            break
        s = i + 1
        while s < e and (doc[s].lower_ in _NP_INNER_ADP or self.pos(doc[s]) in ("ADP", "CCONJ", "PART") or doc[s].lower_ in _NP_GLUE):
            s += 1
        if s >= e or not any(self._nominal(doc[k]) for k in range(s, e)):
            return None
        return s, e

    def np_after(self, start: int, hi: int) -> tuple[int, int] | None:
        """Token span of the noun phrase starting at ``start`` ('says the source close to the couple')."""
        doc = self.doc
        i = start
        while i < hi and i - start < 10:
            t = doc[i]
            if self.np_like(t, inner=True) or (self.pos(t) == "ADV" and t.lower_ == "close"):
                i += 1
                continue
            break
        e = i
        while e > start and (self.pos(doc[e - 1]) in ("ADP", "CCONJ", "DET") or doc[e - 1].lower_ in _NP_INNER_ADP):
            e -= 1
        if e <= start or not any(self._nominal(doc[k]) for k in range(start, e)):
            return None
        return start, e

    def _nominal(self, t: Token) -> bool:
        if t.i in self.named:
            return True
        pos = self.pos(t)
        if not pos:
            return t.is_alpha
        return pos in ("NOUN", "PROPN", "PRON") or (pos in ("VERB", "AUX") and t.is_title)

    def subject_of(self, cue: int, lo: int) -> tuple[int, int] | None:
        """The subject of the cue verb: its parsed nsubj when before it, else the phrase before it."""
        doc = self.doc
        e = cue
        while e - 1 >= lo and self.pos(doc[e - 1]) == "ADV":
            e -= 1
        if e - 1 >= lo and doc[e - 1].lower_ in _BE_FORMS:
            return None  # 'The deal was announced': a passive cue's subject is the content
        if self.has_dep:
            verb = doc[cue]
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and lo <= verb.head.i < cue:
                if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and cue > 0 and doc[cue - 1].lower_ in ("and", "or", "but"):
                    verb = verb.head  # 'he smiled and said': the subject of the first verb
                elif verb.dep_ == "acl" and self._nominal(verb.head) and verb.head.i < cue:
                    # 'Lee, who founded the studio, denied ...' read as a modifier of 'Lee'
                    return self._name_of(verb.head, lo)
            if verb.dep_ == "relcl" and self._nominal(verb.head) and lo <= verb.head.i < cue and any(
                    c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in verb.children) and not any(
                    c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in verb.children):
                # 'his physician, John Amoss, who said he expects ...': the noun 'who' stands for
                # (in 'the suspect, who police said shot a clerk', 'who' is the reported clause's
                # subject and the police say it)
                return self._name_of(verb.head, lo)
            # The subject nearest the cue: 'The delay hurt, the source says' parses both as nsubj.
            for child in sorted(verb.children, key=lambda c: -c.i):
                if child.dep_ == "nsubj" and lo <= child.i < cue and child.tag_ not in ("WDT", "WP"):
                    s = max(child.left_edge.i, lo)
                    e = min(child.right_edge.i + 1, cue)
                    if s < e and not any(self.quote_of[k] >= 0 for k in range(s, e)):
                        while e > s and (doc[e - 1].is_punct or self.pos(doc[e - 1]) == "ADV"):
                            e -= 1
                        if s < e:
                            return s, e
        e = cue
        while e - 1 >= lo and self.pos(doc[e - 1]) in ("AUX", "ADV", "PART") and doc[e - 1].lower_ not in ("’s", "'s"):
            e -= 1  # "we have learned", "Us can exclusively reveal"
        np = self.np_before(e, lo)
        if np is not None and np[1] - np[0] == 1 and doc[np[0]].lower_ in ("which", "who", "that", "what"):
            return None
        return np

    def _name_of(self, head: Token, lo: int) -> tuple[int, int]:
        """``head`` with the compound words before it ('John R. Amoss')."""
        s = head.i
        while s - 1 >= lo and self.doc[s - 1].dep_ in ("compound", "flat") and self.doc[s - 1].head.i == head.i:
            s -= 1
        return s, head.i + 1

    def minimal_np(self, s: int, e: int) -> tuple[int, int]:
        """Determiner, premodifiers and head only ('a source close to the couple' -> 'a source');
        an appositive name wins ('Quinn’s spokesperson, Lena Ward' -> 'Lena Ward')."""
        doc = self.doc
        for k in range(s + 1, e - 1):
            if doc[k].text == "," and doc[k + 1].is_title and self.pos(doc[k + 1]) in ("PROPN", ""):
                j = k + 1
                while j < e and doc[j].is_title:
                    j += 1
                return k + 1, j
        if e - s >= 3 and doc[s].lower_ == "one" and doc[s + 1].lower_ == "of":
            return s, min(e, s + 3)  # 'one of them'
        seen_nominal = False
        for k in range(s, e):
            t = doc[k]
            # A possessive marker ("Saints' spokesman") and punctuation inside a word ("ex-NYPD")
            # do not end the phrase.
            inside = t.tag_ == "POS" or (t.is_punct and k > s and not doc[k - 1].whitespace_ and not t.whitespace_)
            if seen_nominal and (
                t.is_punct or self.pos(t) in ("ADP", "VERB", "AUX", "SCONJ") or t.lower_ in ("who", "which", "that", "close")
            ) and not t.is_title and t.text not in ("’s", "'s", "&") and not inside:
                return s, k
            if self._nominal(t):
                seen_nominal = True
        return s, e

    def is_object_pronoun(self, t: Token) -> bool:
        return t.lower_ in _OBJ_PRONOUNS


@lru_cache(maxsize=16)
def _prefixes(forms: frozenset[str]) -> frozenset[str]:
    """Every non-empty prefix of every form: a token whose text is none of these starts no form."""
    return frozenset(f[:k] for f in forms for k in range(1, len(f) + 1))


def build_context(doc: Doc, lex: CueLexicon, publisher: str | None) -> Ctx:
    """One linear pass: token -> quote, paragraph, sentence boundary."""
    index = DocIndex.build(doc)
    text = index.text
    quotes = find_quotes(text)
    paras = paragraphs(text)
    n = len(doc)
    quote_of = [-1] * n
    para_of = [-1] * n
    boundary = [False] * n
    qi = pi = 0
    for i, (c, w) in enumerate(zip(index.tok_starts, index.texts)):
        while qi < len(quotes) and quotes[qi].end <= c:
            qi += 1
        if qi < len(quotes) and quotes[qi].start <= c < quotes[qi].end:
            quote_of[i] = qi
        while pi < len(paras) and paras[pi][1] <= c:
            pi += 1
        if pi < len(paras) and paras[pi][0] <= c < paras[pi][1]:
            para_of[i] = pi
        if "\n" in w or (w in _TERMINAL and quote_of[i] < 0):
            boundary[i] = True
    forms: set[str] = set()
    if publisher:
        forms.add(publisher)
        if publisher.startswith("The "):
            forms.add(publisher[4:])
        words = publisher.split()
        if len(words) >= 2:  # 'The Review' for Capital Business Review, 'The Ledger' for The Morning Ledger
            forms.update({"The " + words[-1], "the " + words[-1]})
        name = lex.outlets.get(publisher, publisher)
        for form, canonical in list(lex.outlets.items()) + list(lex.ambiguous_outlets.items()):
            if canonical == name:
                forms.add(form)
    entity_outlets: dict[int, tuple[int, str]] = {}
    named: set[int] = set()
    for ent in doc._.sl_entities or []:
        if ent.type == "OUTLET":
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    entity_outlets[span.start] = (span.end, ent.name)
        elif ent.type in ("PERSON", "ORG"):
            for m in ent.mentions:
                if m.kind == "name" and (span := doc.char_span(m.start, m.end, alignment_mode="contract")) is not None:
                    named.update(range(span.start, span.end))
    ctx = Ctx(
        doc=doc,
        text=text,
        lex=lex,
        quotes=quotes,
        quote_of=quote_of,
        para_of=para_of,
        boundary=boundary,
        publisher=publisher,
        publisher_forms=frozenset(forms),
        has_dep=doc.has_annotation("DEP"),
        has_pos=doc.has_annotation("POS"),
        entity_outlets=entity_outlets,
        index=index,
        outlet_prefixes=_prefixes(frozenset(forms) | frozenset(lex.outlets) | frozenset(lex.ambiguous_outlets)),
        named=frozenset(named),
    )
    for qi, q in enumerate(quotes):
        if q.unbalanced and not q.continues:
            _cut_unbalanced(ctx, qi)
    return ctx


def _cut_unbalanced(ctx: Ctx, qi: int) -> None:
    """An opening mark never closed: end the quote at the reporting clause a reader sees
    ('“We are not going to reopen it, Natarajan said. She ...')."""
    doc, q = ctx.doc, ctx.quotes[qi]
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    toks = [i for i in range(span.start, span.end) if ctx.quote_of[i] == qi] if span is not None else []
    if not toks:
        return
    for j in toks:
        if not ctx.lex.verb(doc[j]) or j + 1 >= len(doc):
            continue
        np = ctx.np_before(j, toks[0] + 1)
        if np is None or np[0] < 1 or doc[np[0] - 1].text != "," or not (doc[j + 1].text in {".", ","} or "\n" in doc[j + 1].text):
            continue
        comma = np[0] - 1
        q.end = q.inner_end = doc[comma].idx
        for k in toks:
            if k >= comma:
                ctx.quote_of[k] = -1
                ctx.boundary[k] = "\n" in doc[k].text or doc[k].text in _TERMINAL
        return
