"""Finding attributed content: direct quotes in every layout (indirect speech: :mod:`.indirect`).

Direct quotes are grouped into *units* (quotes in one sentence not separated by a cue, e.g.
``... “decided to leave him” and within weeks had “moved out,” the second source shares``). A
unit's cue is looked for in a window that never crosses a sentence boundary outside quotes, a
paragraph break, or another quotation: cues are never borrowed from neighbouring sentences. A
unit with no cue of its own continues the direct quotation before it in the paragraph (or the one
closing the previous paragraph); short mid-sentence quotes with no cue are scare quotes.
"""

from __future__ import annotations

from dataclasses import dataclass

from storyline.read.attribution.context import Ctx

__all__ = ["Candidate", "direct_candidates", "segments"]

_SKIP_LEAD = frozenset({"and", "but", "or", "so", "that", "while", "as", "—", "–", "-", ",", ":", ";"})
_CONTENT_TRIM = " \t\n,;:—–"


@dataclass
class Candidate:
    """An attribution found by the rules, before source typing and the register."""

    content: tuple[int, int]  # character span
    quote: str  # direct | indirect | none
    cue: tuple[int, int] | None = None  # token span
    cue_class: str | None = None
    source: tuple[int, int] | None = None  # token span
    recipient: str | None = None  # outlet told ('The Wall Street Journal'), canonical name
    exclusive: bool = False
    inherit: str | None = None  # "previous" | "next": same source as a neighbouring attribution
    kind_hint: str | None = None  # observation | rumor
    paragraph: int = -1
    quoted: bool = False  # built from quotation marks (a cue-less quote may continue only these)
    partial: bool = False  # quoted words inside a reported clause with a verb of its own: the clause is the content


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip framing punctuation; a final period belongs to the sentence, not the content
    ('?' and '!' stay: they carry meaning)."""
    while s < e and text[s] in _CONTENT_TRIM:
        s += 1
    while e > s and (text[e - 1] in _CONTENT_TRIM or text[e - 1] == "."):
        e -= 1
    if e - 1 > s and text[e - 2] in ".,;:" and (
        (text[e - 1] == "”" and "“" in text[s : e - 1]) or (text[e - 1] == '"' and text.count('"', s, e) % 2 == 0)
    ):
        # '... on “rumors about her life.”': the closing mark of a quote ending the clause goes with
        # the sentence's period, as the quote's own marks do
        e -= 1
        while e > s and (text[e - 1] in _CONTENT_TRIM or text[e - 1] == "."):
            e -= 1
    return s, e


def segments(ctx: Ctx) -> list[tuple[int, int]]:
    """Token spans of sentences as the rules see them: split at boundaries outside quotes and
    at paragraph breaks (quotes spanning sentences stay whole)."""
    spans, start = [], 0
    n = len(ctx.doc)
    for i in range(n):
        if ctx.boundary[i]:
            if i + 1 > start:
                spans.append((start, i + 1))
            start = i + 1
    if start < n:
        spans.append((start, n))
    return spans


# ---------------------------------------------------------------------------------------------
# cue tails: recipients and exclusivity ("tells Life & Style exclusively", "told The WSJ that")


_TIME_WORDS = frozenset(
    "last this next past week weeks month months year years fall spring summer winter weekend night morning "
    "afternoon evening earlier later today yesterday tonight ago recently".split()
)


def _tail(ctx: Ctx, k: int, hi: int, tell: bool = False) -> tuple[str | None, bool, int]:
    """Scan cue modifiers after a cue: (recipient outlet, exclusive?, first token after them).

    Modifiers are exclusivity words, outlet names, object pronouns, prepositional and time
    phrases ('confirmed in August 2023 that', 'swirled last fall that'); after 'tell' the first
    capitalised name is the recipient even when no gazetteer knows it ('told The Harbor Times')."""
    doc, lex = ctx.doc, ctx.lex
    recipient, exclusive, in_phrase = None, False, False
    limit = min(hi, k + 12)
    if tell and k < hi and (doc[k].is_title or doc[k].text == "The") and ctx.outlet_at(k, hi) is None:
        j = k + 1 if doc[k].text == "The" else k
        while j < hi and (doc[j].is_title or doc[j].text == "&") and not lex.verb(doc[j]):
            j += 1
        if j > k and (doc[k].text != "The" or j > k + 1):
            recipient, k = doc[k:j].text, j
    while k < limit:
        t = doc[k]
        if t.lower_ in _TIME_WORDS or t.ent_type_ in ("DATE", "TIME"):
            k += 1
            continue
        if ctx.quote_of[k] >= 0 or t.lower_ == "that" or t.text in {",", ":", "—", "–"} or ctx.boundary[k]:
            break
        if t.lower_ in lex.exclusive:
            exclusive = True
            k += 1
            continue
        hit = ctx.outlet_at(k, hi)
        if hit:
            recipient = recipient or hit[1]
            k = hit[0]
            continue
        if lex.verb(t) or (ctx.pos(t) in ("VERB", "AUX") and not t.is_title):
            break
        if ctx.pos(t) in ("ADP", "ADV") or ctx.is_object_pronoun(t) or in_phrase:
            # "confirmed in August 2023 that", "told her that", "claims to Us"
            in_phrase = in_phrase or ctx.pos(t) == "ADP"
            k += 1
            continue
        break
    return recipient, exclusive, k


# ---------------------------------------------------------------------------------------------
# direct quotes


def _quote_tokens(ctx: Ctx) -> list[tuple[int, int]]:
    spans = [(-1, -1)] * len(ctx.quotes)
    for i, q in enumerate(ctx.quote_of):
        if q >= 0:
            s, _ = spans[q]
            spans[q] = (i if s < 0 else s, i + 1)
    return spans


def _has_cue(ctx: Ctx, s: int, e: int) -> bool:
    doc = ctx.doc
    for k in range(s, e):
        if ctx.quote_of[k] < 0 and (ctx.lex.verb(doc[k]) or doc[k].lower_ == "according"):
            return True
    return False


def _ends_sentence(ctx: Ctx, qi: int) -> bool:
    """The quote closes with a full stop and the text after starts a new sentence."""
    q = ctx.quotes[qi]
    inner = ctx.text[q.inner_start : q.inner_end].rstrip()
    if not inner.endswith("."):
        return False
    rest = ctx.text[q.end : q.end + 3].lstrip()
    return not rest or not rest[0].islower()


def _cue_after(ctx: Ctx, s: int, e: int, cand: Candidate, inside: bool = False) -> bool:
    """'“...,” the source says' / 'says the source' / 'a source tells Us exclusively'. ``inside``:
    the quote does not open its sentence."""
    doc, lex = ctx.doc, ctx.lex
    i = s
    while i < e and (ctx.is_punct(doc[i]) or doc[i].lower_ in ("and", "but")):
        i += 1
    if i >= e:
        return False
    if i + 1 < e and doc[i].lower_ == "according" and doc[i + 1].lower_ == "to":
        np = ctx.np_after(i + 2, e)
        if np:
            cand.cue, cand.cue_class, cand.source = (i, i + 2), "assert", np
            return True
        return False
    quoted_as = _quoted_as(ctx, i, e)
    if quoted_as is not None:  # '“...,” Detik.com quoted Djamal as saying'
        cand.cue, cand.cue_class, cand.source = (quoted_as, quoted_as + 1), lex.verb(doc[quoted_as])[1], participial_source(ctx, quoted_as, i)
        return cand.source is not None
    v = lex.verb(doc[i])
    if v and v[1] not in ("news", "learn", "speculate", "request"):  # inverted: "says the source"
        np = ctx.np_after(i + 1, e)
        if np:
            cand.cue, cand.cue_class, cand.source = (i, i + 1), v[1], np
            cand.recipient, cand.exclusive, _ = _tail(ctx, np[1], e, tell=v[0] == "tell")
            return True
        return False
    skip_to = i + 1
    for c in range(i + 1, min(e, i + 13)):
        if c < skip_to:
            continue
        t = doc[c]
        v = lex.verb(t)
        if t.text == "," and c + 2 < e and doc[c + 1].like_num and doc[c + 2].text == ",":
            skip_to = c + 3  # '“...,” Mr. Lindqvist, 44, said': step over the age
            continue
        if t.text == "," and c + 1 < e:
            # appositive name: '“...,” Quinn’s spokesperson, Lena Ward, told Starwatch Daily.'
            j = c + 1
            while j < e and doc[j].is_title and not lex.verb(doc[j]):
                j += 1
            if j > c + 1 and j + 1 < e and doc[j].text == "," and lex.verb(doc[j + 1]):
                v = lex.verb(doc[j + 1])
                cand.cue, cand.cue_class, cand.source = (j + 1, j + 2), v[1], (c + 1, j)
                cand.recipient, cand.exclusive, _ = _tail(ctx, j + 2, e, tell=v[0] == "tell")
                return True
            return False
        if v and v[1] not in ("news", "speculate", "request"):
            np = ctx.np_before(c, i)
            if np is None or np[0] != i and any(not ctx.np_like(doc[k], inner=True) for k in range(i, np[0])):
                return False
            if inside and v[0] != "tell" and ctx.has_dep and any(ch.dep_ == "dobj" and ch.i > c for ch in t.children):
                # 'Calling it “decades in the making,” Obama explained the rationale': a quote
                # inside another phrase, and the verb has an object of its own after it
                return False
            if v[1] == "learn" and not _is_outletish(ctx, np):
                return False
            cand.cue, cand.cue_class, cand.source = (c, c + 1), v[1], (i, np[1]) if np[0] != i else np
            cand.recipient, cand.exclusive, _ = _tail(ctx, c + 1, e, tell=v[0] == "tell")
            cand.exclusive = cand.exclusive or any(doc[k].lower_ in lex.exclusive for k in range(i, c))
            return True
        if not ctx.np_like(t, inner=True) and ctx.pos(t) != "ADV":
            return False
    return False


def _quoted_as(ctx: Ctx, i: int, e: int) -> int | None:
    """The participial cue closing '<outlet> quoted <speaker> as saying' right after a quote."""
    doc = ctx.doc
    for c in range(i + 1, min(e, i + 10)):
        if doc[c].is_punct:
            return None
        if doc[c].lower_ in ctx.lex.participial and doc[c - 1].lower_ == "as":
            return c if c + 1 >= e or doc[c + 1].is_punct else None
    return None


def _passive(ctx: Ctx, i: int) -> bool:
    """'the kids have been told': a passive cue has no speaker of its own."""
    doc = ctx.doc
    j = i - 1
    while j >= 0 and ctx.pos(doc[j]) == "ADV":
        j -= 1
    return j >= 0 and doc[j].lower_ in ("was", "were", "been", "being", "be", "is", "are") and doc[i].tag_ in ("VBN", "")


def _modifier(ctx: Ctx, i: int) -> bool:
    """A cue form used as an adjective: 'her alleged affair', 'the reported split'."""
    doc = ctx.doc
    t = doc[i]
    if ctx.pos(t) == "ADJ" or t.dep_ == "amod":
        return True
    prev_det = i > 0 and (ctx.pos(doc[i - 1]) == "DET" or doc[i - 1].text in ("’s", "'s") or doc[i - 1].tag_ == "PRP$")
    next_noun = i + 1 < len(doc) and ctx.pos(doc[i + 1]) in ("NOUN", "PROPN")
    return prev_det and next_noun and t.tag_ not in ("VBZ", "VBP")


def _is_outletish(ctx: Ctx, np: tuple[int, int]) -> bool:
    doc = ctx.doc
    if any(doc[k].lower_ in ctx.lex.publisher_pronouns for k in range(*np)):
        return True
    return any(ctx.outlet_at(k, np[1]) for k in range(*np))


def _cue_before(ctx: Ctx, lo: int, hi: int, cand: Candidate) -> int | None:
    """'the source says, “...' / 'A second insider notes that “...' / 'she told X that she “...'.

    Returns the first token of the lead-in (content words before the quote mark), or ``hi``."""
    doc, lex = ctx.doc, ctx.lex
    c = hi - 1
    while c >= lo and not (
        (lex.verb(doc[c]) and not _modifier(ctx, c) and not _passive(ctx, c)) or doc[c].lower_ == "according"
    ):
        c -= 1
    if c < lo:
        return None
    if doc[c].lower_ == "according":
        if c + 1 >= hi or doc[c + 1].lower_ != "to":
            return None
        np = ctx.np_after(c + 2, hi)
        if not np:
            return None
        k = np[1]
        cand.cue, cand.cue_class, cand.source = (c, c + 2), "assert", np
    else:
        lemma, klass = lex.verb(doc[c])
        if klass in ("news", "learn", "speculate", "request"):
            return None
        cand.cue, cand.cue_class = (c, c + 1), klass
        cand.recipient, cand.exclusive, k = _tail(ctx, c + 1, hi, tell=lemma == "tell")
        if doc[c].lower_ in lex.participial and not _own_subject(ctx, c, lo):
            cand.source = participial_source(ctx, c, lo)
            if cand.source is None:
                cand.inherit = "previous"
        elif klass == "social" and c > lo and ctx.pos(doc[c - 1]) == "DET":
            # 'She posted a photo with the caption “...”': the poster is the governing subject
            cand.source = _governing_subject(ctx, c, lo)
            if cand.source is None:
                cand.cue = None
                return None
        else:
            cand.source = ctx.subject_of(c, lo)
            if cand.source is None:
                inv = ctx.np_after(k, hi)  # "says the source: “...”"
                if inv and inv[1] <= hi:
                    cand.source = inv
                    cand.recipient, cand.exclusive, k = _tail(ctx, inv[1], hi)
            if cand.source is None:
                cand.cue = None
                return None
    if k >= hi:
        return hi
    if doc[k].lower_ in ("that", ",", ":", "—", "–"):
        k += 1
        while k < hi and doc[k].lower_ in ("that", ",", ":"):
            k += 1
        if any(ctx.pos(doc[j]) in ("VERB", "AUX") for j in range(k, hi)):
            # 'claims that the store violates a deal barring the “Apple” name', 'that the country
            # had “reached the edge”': the quoted words are part of a reported clause (a verb or
            # auxiliary of its own outside the marks), which is the content
            cand.partial = True
        return k
    if hi - k <= 8 and all(ctx.np_like(doc[j], inner=True) for j in range(k, hi)):
        return k  # 'said the employees “gave ...”': the quote's subject stands between
    if hi - k <= 8 and cand.source is not None and ctx.np_like(doc[k]) and all(
        ctx.np_like(doc[j], inner=True) or ctx.pos(doc[j]) in ("AUX", "ADV", "PART") for j in range(k, hi)
    ):
        return k  # 'says Lee has been “the best”': a subject and auxiliaries lead into the quote
    cand.cue, cand.source, cand.inherit = None, None, None
    return None


def _governing_subject(ctx: Ctx, c: int, lo: int) -> tuple[int, int] | None:
    if not ctx.has_dep:
        return None
    h, hops = ctx.doc[c], 0
    while h.head.i != h.i and hops < 4:
        h, hops = h.head, hops + 1
        subj = next((ch for ch in h.children if ch.dep_ == "nsubj" and lo <= ch.i < c), None)
        if subj is not None:
            return max(subj.left_edge.i, lo), subj.right_edge.i + 1
    return None


def participial_source(ctx: Ctx, c: int, lo: int, continues: bool = True) -> tuple[int, int] | None:
    """The speaker of a participial cue without a subject of its own ('..., saying “...”'), or
    None when it continues the attribution before it. Under a reporting verb ('she said, adding
    that ...') it continues that attribution (when ``continues``: there is one to continue);
    otherwise ('Jobs started by hinting at it, saying ...', 'He took time off, later revealing
    that ...') the speaker is the governing verb's subject."""
    if not ctx.has_dep:
        return None
    doc = ctx.doc
    h, hops = doc[c], 0
    if c > lo and doc[c - 1].lower_ == "as":
        # 'Detik.com quoted Djamal as saying', 'Djamal was quoted as saying': the one quoted speaks
        gov = doc[c - 1].head if doc[c].head.i == c - 1 else doc[c].head
        who = next((ch for ch in gov.children if ch.dep_ in ("dobj", "nsubjpass") and lo <= ch.i < c), None)
        if who is not None:
            return max(who.left_edge.i, lo), who.right_edge.i + 1
    while h.head.i != h.i and hops < 4:
        h, hops = h.head, hops + 1
        if continues and ctx.lex.verb(h) and not _modifier(ctx, h.i):
            return None
        subj = next((ch for ch in h.children if ch.dep_ == "nsubj" and lo <= ch.i < c), None)
        if subj is not None:
            return max(subj.left_edge.i, lo), subj.right_edge.i + 1
    return None


def _own_subject(ctx: Ctx, c: int, lo: int) -> bool:
    if not ctx.has_dep:
        return False
    return any(ch.dep_ in ("nsubj", "nsubjpass") and ch.i >= lo for ch in ctx.doc[c].children)


def direct_candidates(ctx: Ctx) -> list[Candidate]:
    """Attributions of quoted words, one per quote unit (plus nested quotes with their own cue)."""
    doc, text = ctx.doc, ctx.text
    qtok = _quote_tokens(ctx)
    prev_bound = [0] * (len(doc) + 1)
    last = 0
    for i in range(len(doc)):
        prev_bound[i] = last
        if ctx.boundary[i]:
            last = i + 1
    prev_bound[len(doc)] = last
    units: list[list[int]] = []
    for qi, (s, e) in enumerate(qtok):
        if s < 0:
            continue
        if units:
            pq = units[-1][-1]
            ps, pe = qtok[pq]
            if (
                ctx.quotes[pq].paragraph == ctx.quotes[qi].paragraph
                and not any(ctx.boundary[k] for k in range(pe, s))
                and not _has_cue(ctx, pe, s)
                and not _ends_sentence(ctx, pq)
            ):
                units[-1].append(qi)
                continue
        units.append([qi])

    out: list[Candidate] = []
    prev_end_tok = 0
    for unit in units:
        first, lastq = unit[0], unit[-1]
        qs, qe = qtok[first][0], qtok[lastq][1]
        para = ctx.quotes[first].paragraph
        lo = max(prev_bound[qs], prev_end_tok)
        while lo < qs and ctx.para_of[lo] != para:
            lo += 1
        hi = qe
        while hi < len(doc) and not ctx.boundary[hi] and ctx.quote_of[hi] < 0 and ctx.para_of[hi] in (para, -1):
            if "\n" in doc[hi].text:
                break
            hi += 1
        if _ends_sentence(ctx, lastq):
            hi = qe
        cand = Candidate((0, 0), "direct", paragraph=para)
        lead = _cue_before(ctx, lo, qs, cand)
        if lead is None:
            cand = Candidate((0, 0), "direct", paragraph=para)
            _cue_after(ctx, qe, hi, cand, inside=any(not ctx.is_punct(doc[j]) for j in range(lo, qs)))
        # The content is the quoted words ('she “sleeps better”' -> 'sleeps better'); the
        # claims component reads the subject from the parse. Quotes joined by narration make
        # one content that is not entirely quoted: indirect.
        q_last = ctx.quotes[lastq]
        start_char = ctx.quotes[first].inner_start
        if len(unit) > 1:
            cand.quote = "indirect"
        cand.content = _trim(text, start_char, q_last.inner_end)
        if cand.partial and lead is not None:
            end = max(q_last.end, ctx.index.char_bounds(hi - 1, hi)[1]) if hi > qe else q_last.end
            cand.content, cand.quote = _trim(text, doc[lead].idx, end), "indirect"
        cand.quoted = True
        if cand.cue is None and cand.inherit is None:
            words = len(text[ctx.quotes[first].inner_start : q_last.inner_end].split())
            mid_sentence = qs > lo and len(unit) == 1
            if words <= 4 and mid_sentence:
                prev_end_tok = qe
                continue  # scare quotes: 'is “still hurt” after ...'
            cand.inherit = "next" if ctx.quotes[lastq].continues else "previous"
        out.append(cand)
        prev_end_tok = max(qe, cand.cue[1] if cand.cue else qe)
        out.extend(_nested(ctx, unit, lo, cand))
    return out


def _nested(ctx: Ctx, unit: list[int], lo: int, outer: Candidate) -> list[Candidate]:
    """Quotes inside quotes with their own cue: 'friends “told her, ‘You lose him ...’”'."""
    doc = ctx.doc
    out = []
    for qi in unit:
        for ns, ne in ctx.quotes[qi].nested:
            span = doc.char_span(ns, ne, alignment_mode="expand")
            if span is None:
                continue
            c = span.start - 1
            while c > lo and (doc[c].is_punct or ctx.is_object_pronoun(doc[c])):
                c -= 1
            v = ctx.lex.verb(doc[c]) if c >= lo else None
            if not v or span.start - c > 4:
                continue
            j = c
            while j > lo and doc[j - 1].text in {"“", '"', "‘"}:
                j -= 1
            src = ctx.np_before(j, lo)
            if src is None:
                continue
            out.append(
                Candidate(_trim(ctx.text, ns, ne), "direct", (c, c + 1), v[1], src, paragraph=ctx.quotes[qi].paragraph)
            )
    return out
