"""Indirect speech: 'X says/claims/reveals that ...', 'according to X', 'per X', 'In the filing, ...',
'reports broke that ...', 'sparking rumors of ...', sentence-final and parenthetical reporting
clauses ('..., the source says, and ...'), and documents that ask for things ('The filing asks for
joint custody').

A cue's content never overlaps content already attributed (direct quotes come first); a reporting
clause whose 'source' lies inside another attribution's content is part of that content.
"""

from __future__ import annotations

from storyline.core.words import is_event_noun
from storyline.read.attribution.context import Ctx
from storyline.read.doc import FINITE_TAGS
from storyline.read.attribution.speech import (
    _SKIP_LEAD,
    Candidate,
    _is_outletish,
    _modifier,
    _own_subject,
    _tail,
    _trim,
    participial_source,
    segments,
)

__all__ = ["indirect_candidates"]

_CLAUSE_LINKS = frozenset({"and", "but", "because", "as", "so", "while", "though", "although", "since", "yet"})



def indirect_candidates(ctx: Ctx, used: set[int], contents: list[tuple[int, int]]) -> list[Candidate]:
    """'X says/claims/reveals that ...', 'according to X, ...', 'per X, ...', 'reports broke that ...'.

    ``contents`` (character spans already attributed, e.g. direct quotes) are not attributed again."""
    doc, lex, text = ctx.doc, ctx.lex, ctx.text
    taken = bytearray(len(text) + 1)  # character -> already attributed: keeps the check linear
    for a, b in contents:
        taken[a:b] = b"\x01" * (b - a)
    out: list[Candidate] = []
    lowers = ctx.index.lowers
    # Every rule below starts at one of these words: other tokens need no Token object.
    starters = {"according", "per", "in"} | lex.verb_forms.keys() | lex.rumor_nouns | lex.media_nouns | lex.speech_nouns
    for lo, hi in segments(ctx):
        end_char = ctx.index.char_bounds(hi - 1, hi)[1] if hi > lo else 0
        for i in range(lo, hi):
            if i in used or ctx.quote_of[i] >= 0:
                continue
            low = lowers[i]
            if low not in starters:
                continue
            t = doc[i]
            cand = None
            if t.lower_ == "according" and i + 1 < hi and doc[i + 1].lower_ == "to":
                cand = _prepositional(ctx, i, i + 2, lo, hi, end_char)
            elif t.lower_ == "per" and (i == lo or doc[i - 1].is_punct) and ctx.pos(t) in ("ADP", "", "X"):
                cand = _prepositional(ctx, i, i + 1, lo, hi, end_char)
            elif t.lower_ == "in" and _opens(ctx, lo, i) and _document_np(ctx, i + 1, hi):
                cand = _prepositional(ctx, i, i + 1, lo, hi, end_char)  # 'In the filing, she asks ...'

            elif lex.verb(t) and not _modifier(ctx, i):
                cand = _verb_cue(ctx, i, lo, hi, end_char, out)
            elif t.lower_ in lex.rumor_nouns and i + 2 < hi and doc[i + 1].lower_ == "of" and ctx.pos(doc[i - 1]) in ("VERB", ""):
                # 'sparking rumors of a new romance': the rumor's content is what it is of
                cand = Candidate(_trim(text, doc[i + 2].idx, end_char), "indirect", (i, i + 2), "news", (i, i + 1))
            elif low in lex.speech_nouns and (t.lower_ not in lex.media_nouns or ctx.pos(t) == "NOUN"):
                cand = _nominal_cue(ctx, i, hi, end_char)
            elif t.lower_ in lex.rumor_nouns or t.lower_ in lex.media_nouns:
                if i + 2 < hi and doc[i + 1].lower_ == "that" and ctx.pos(doc[i + 2]) not in ("VERB", "AUX"):
                    cand = Candidate(_trim(text, doc[i + 2].idx, end_char), "indirect", (i, i + 1), "news", (i, i + 1))
            if cand is None or cand.content[1] <= cand.content[0]:
                continue
            if any(taken[cand.content[0] : cand.content[1]]):
                # '... denied a report that he lied, calling it “a fiction.”': keep the clause
                # before the quote that is attributed on its own
                first = cand.content[0] + taken[cand.content[0] : cand.content[1]].index(1)
                cut = text.rfind(",", cand.content[0], first)
                after = doc.char_span(cut + 1, first, alignment_mode="expand") if cut > 0 else None
                if cut <= cand.content[0] or any(taken[cand.content[0] : cut]) or not (
                    after is not None and len(after) and after[0].tag_ == "VBG"
                ):
                    continue  # only a participial phrase ('..., calling it “...”') is cut off
                cand.content = _trim(text, cand.content[0], cut)
            if cand.source and cand.content[1] <= doc[cand.source[0]].idx and taken[doc[cand.source[0]].idx]:
                continue  # '..., Ms. Lee, 42, lists ... and cites ...': the 'source' is reported content
            cand.paragraph = ctx.para_of[i]
            out.append(cand)
            taken[cand.content[0] : cand.content[1]] = b"\x01" * (cand.content[1] - cand.content[0])
    return out


_CLAIM_NOUNS = frozenset({"report", "reports", "claim", "claims", "rumor", "rumors", "rumour", "rumours", "allegation",
                          "allegations", "suggestion", "suggestions", "story", "stories", "speculation"})


def _nominal_content(ctx: Ctx, i: int, k: int) -> tuple[int, int] | None:
    """Under the "meantime" convention: the object noun phrase of a reporting verb when it names
    an event ('announced 10,000 job cuts', 'reported a loss of $6 billion')."""
    doc = ctx.doc
    obj = next((ch for ch in doc[i].children if ch.dep_ == "dobj" and ch.i >= k), None)
    if obj is None or not (is_event_noun(obj.lemma_) or any(
        ch.dep_ == "compound" and is_event_noun(ch.lemma_) for ch in obj.children
    )):
        return None
    return _trim(ctx.text, *ctx.index.char_bounds(obj.left_edge.i, obj.right_edge.i + 1))


def _finite(ctx: Ctx, lo: int, hi: int) -> bool:
    """``lo:hi`` may be a reported clause: not a lone word ('Instead,') or a participial phrase
    ('Speaking to the press,') without a finite verb (always true without tags)."""
    doc = ctx.doc
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    if not ctx.has_pos or any(doc[j].tag_ in FINITE_TAGS for j in range(lo, hi)):
        return True
    return hi - lo > 1 and doc[lo].tag_ != "VBG"


def _nominal_cue(ctx: Ctx, i: int, hi: int, end_char: int) -> Candidate | None:
    """'the government's announcement that it would buy ...', 'an announcement by GM that it had
    filed ...': a speech noun with its speaker (possessor or 'by' agent) and a 'that' clause (not a
    relative clause: 'the statement that was issued')."""
    doc = ctx.doc
    source = None
    k = i + 1
    if k < hi and doc[k].lower_ == "by":
        source = ctx.np_after(k + 1, hi)
        k = source[1] if source else k
    elif ctx.has_dep:
        poss = next((ch for ch in doc[i].children if ch.dep_ == "poss"), None)
        if poss is not None:
            source = (poss.left_edge.i, poss.i + 1)
    if source is None or not (k + 1 < hi and doc[k].lower_ == "that") or ctx.pos(doc[k + 1]) in ("VERB", "AUX"):
        return None
    end = _content_end(ctx, k + 1, hi, end_char)
    clause = next((ch for ch in doc[i].children if ch.dep_ in ("acl", "ccomp", "relcl") and ch.i > k), None) if ctx.has_dep else None
    if clause is not None:  # "Lee's insistence that the vote go ahead angered ...": the clause's own words
        end = min(end, ctx.index.char_bounds(clause.right_edge.i, clause.right_edge.i + 1)[1])
    return Candidate(_trim(ctx.text, doc[k + 1].idx, end), "indirect", (i, i + 1), "assert", source)


# Cue classes whose subject may follow them after the content ('..., said the minister'); the
# others need their subject's kind, read where it comes first.
_INVERTED_CLASSES = frozenset({"assert", "distance", "deny", "report"})


def _inverted_source(ctx: Ctx, i: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The source of a reporting verb after its content and a comma, its subject after it ('The
    economy will recover, said Jane Doe, an economist'): the verb governs the clause before it
    (ccomp) and the noun phrase after it holds its subject."""
    doc = ctx.doc
    if not ctx.has_dep or i - 1 <= lo or doc[i - 1].text != "," or not _finite(ctx, lo, i - 1):
        return None
    if not any(c.dep_ == "ccomp" and c.i < i for c in doc[i].children):
        return None
    subj = next((c for c in doc[i].children if c.dep_ == "nsubj" and c.i > i), None)
    np = ctx.np_after(i + 1, hi) if subj is not None else None
    return np if np is not None and np[0] <= subj.i < np[1] else None


def _claim_object(ctx: Ctx, k: int, hi: int) -> int:
    """'denied a tabloid report that he ...': step over a claim noun object to its 'that'."""
    doc = ctx.doc
    for j in range(k, min(hi - 1, k + 6)):
        if doc[j].lower_ == "that":
            return j if j > k and doc[j - 1].lower_ in _CLAIM_NOUNS else k
        if not ctx.np_like(doc[j]):
            return k
    return k


def _opens(ctx: Ctx, lo: int, i: int) -> bool:
    """Token ``i`` opens its sentence (after punctuation or a conjunction only)."""
    return all(ctx.doc[k].is_punct or ctx.doc[k].is_space or ctx.doc[k].lower_ in _SKIP_LEAD for k in range(lo, i))


def _document_np(ctx: Ctx, k: int, hi: int) -> bool:
    """'the divorce papers,': a short noun phrase headed by a document noun, then a comma."""
    np = ctx.np_after(k, min(hi, k + 6))
    return (
        np is not None
        and ctx.doc[np[1] - 1].lower_ in ctx.lex.document_nouns
        and np[1] < hi
        and ctx.doc[np[1]].text == ","
    )


def _content_end(ctx: Ctx, k: int, hi: int, end_char: int) -> int:
    """End of a reported clause: before ', and rumors swirled that ...' / '; the source says'."""
    doc, lex = ctx.doc, ctx.lex
    for j in range(k + 1, hi):
        if doc[j].text not in (",", ";") or ctx.quote_of[j] >= 0:
            continue
        m = j + 1
        if m < hi and ctx.pos(doc[m]) == "CCONJ":
            m += 1
        if m < hi and doc[m].lower_ in lex.participial:
            return doc[j].idx  # '..., adding that ...' starts another content of the same source
        for c in range(m + 1, min(hi, m + 10)):
            v = lex.verb(doc[c])
            if v and v[1] != "learn":
                subj = ctx.subject_of(c, m)
                if subj is not None and subj[0] == m:
                    return doc[j].idx  # '..., and her lawyer, Ann Lee, has said ...'
            if doc[c].is_punct and doc[c].text != ",":
                break
    return end_char


def _prepositional(ctx: Ctx, i: int, k: int, lo: int, hi: int, end_char: int) -> Candidate | None:
    doc, text = ctx.doc, ctx.text
    np = ctx.np_after(k, hi)
    if np is None:
        return None
    cand = Candidate((0, 0), "indirect", (i, k), "assert", np)
    after = np[1]
    lead = lo
    while lead < i and (doc[lead].is_punct or doc[lead].lower_ in _SKIP_LEAD):
        lead += 1
    if lead == i and after < hi and doc[after].text != ",":
        # 'According to papers filed in Ohio on Monday, she ...': the source's participial or
        # prepositional modifier runs to the comma; the content starts after it.
        j = after
        while j < hi and j - after < 15 and doc[j].text != "," and not (
            ctx.pos(doc[j]) in ("VERB", "AUX") and doc[j].tag_ not in ("VBN", "VBG")
        ):
            j += 1
        if j < hi and j > after and doc[j].text == "," and ctx.pos(doc[after]) in ("VERB", "ADP") and doc[after].tag_ not in ("VBZ", "VBD", "VBP"):
            after = j
    if after < hi and doc[after].text == ",":
        after += 1
    if lead == i:  # "According to reports, Natalie discovered ..."
        end = _content_end(ctx, after, hi, end_char) if after < hi else end_char
        cand.content = _trim(text, doc[after].idx if after < hi else end_char, end)
    else:  # "..., according to a source close to the pair."
        cand.content = _trim(text, doc[lead].idx, doc[i].idx)
    return cand


def _verb_cue(ctx: Ctx, i: int, lo: int, hi: int, end_char: int, found: list[Candidate]) -> Candidate | None:
    doc, lex, text = ctx.doc, ctx.lex, ctx.text
    lemma, klass = lex.verb(doc[i])
    if klass == "social" and ctx.pos(doc[i]) == "NOUN":
        return None  # 'his anniversary post': the noun, not the verb
    cand = Candidate((0, 0), "indirect", (i, i + 1), klass)
    participle = doc[i].lower_ in lex.participial and not _own_subject(ctx, i, lo)
    if participle:
        # 'X admitting that ..., then saying that ...' continues the attribution of its sentence;
        # 'O'Leary justified his choice by saying ...' is said by the governing verb's subject
        if found and found[-1].cue and found[-1].cue[0] >= lo:
            cand.inherit = "previous"
        else:
            cand.source = participial_source(ctx, i, lo, continues=bool(found) and found[-1].paragraph == ctx.para_of[i])
            if cand.source is None:
                if not (found and found[-1].paragraph == ctx.para_of[i]):
                    return None
                cand.inherit = "previous"
    else:
        inverted = _inverted_source(ctx, i, lo, hi) if klass in _INVERTED_CLASSES else None
        if inverted is not None:  # 'The law is unfair, said Jane Doe, a lawyer.'
            cand.source = inverted
            cand.recipient, cand.exclusive, _ = _tail(ctx, inverted[1], hi, tell=lemma == "tell")
            cand.content = _trim(text, doc[lo].idx, doc[i - 1].idx)
            return cand
        cand.source = ctx.subject_of(i, lo)
        if cand.source is None:
            return None
        heads = {doc[k].lower_ for k in range(*cand.source)}
        if klass == "news" and not heads & (lex.rumor_nouns | lex.media_nouns):
            return None
        if klass == "speculate":  # 'fans suspect that ...' is a rumor; 'she suspects' is not a source
            if not heads & lex.crowd_nouns:
                return None
            cand.kind_hint = "rumor"
        if klass == "learn" and not _is_outletish(ctx, cand.source):
            return None
        if klass == "request":  # 'The filing asks for joint custody': only documents request
            if doc[cand.source[1] - 1].lower_ not in lex.document_nouns:
                return None
            k = i + 1 + (i + 1 < hi and doc[i + 1].lower_ == "for")
            if k < hi:
                cand.content = _trim(text, doc[k].idx, _content_end(ctx, k, hi, end_char))
                return cand
            return None
    cand.recipient, cand.exclusive, k = _tail(ctx, i + 1, hi, tell=lemma == "tell")
    k = _claim_object(ctx, k, hi)
    end_char = _content_end(ctx, k, hi, end_char)
    if klass == "distance" and k + 1 < hi and doc[k].lower_ == "to" and ctx.pos(doc[k + 1]) in ("VERB", "AUX"):
        # 'The company claims to possess the trademark': a claim's infinitive is a proposition
        # (a pledge's or plan's is not, and those verbs are no cues)
        cand.content = _trim(text, doc[k + 1].idx, end_char)
        return cand
    if k < hi and doc[k].lower_ in ("that", ":"):
        if k + 1 < hi:
            cand.content = _trim(text, doc[k + 1].idx, end_char)
            return cand
        return None
    if k + 1 < hi and doc[k].text == "," and cand.source and cand.source[0] > lo and doc[cand.source[0] - 1].lower_ == "as":
        cand.content = _trim(text, doc[k + 1].idx, end_char)  # 'As Starwatch Daily first reported, ...'
        return cand
    if ctx.has_dep and klass != "news":
        relative = doc[i].dep_ == "relcl"
        for ch in doc[i].children:
            if (ch.dep_ == "ccomp" or (relative and ch.dep_ == "xcomp" and _tensed(ch))) and ch.i > i and ch.left_edge.i > i:
                # A reporting verb in a relative clause reports its complement only ('the suspect,
                # who police said shot a clerk, fled': the parser often makes it an xcomp); an
                # infinitive is a request, not a report ('who asked not to be named')
                end = ctx.index.char_bounds(ch.right_edge.i, ch.right_edge.i + 1)[1] if relative else end_char
                cand.content = _trim(text, doc[ch.left_edge.i].idx, end)
                return cand
    if ctx.nominal and ctx.has_dep and lemma in lex.nominal_cues:
        nominal = _nominal_content(ctx, i, k)
        if nominal is not None:
            cand.content = nominal
            return cand
    if not ctx.has_dep and k < hi and klass in ("assert", "distance", "deny", "report") and ctx.pos(doc[k]) in ("PRON", "PROPN", "DET"):
        cand.content = _trim(text, doc[k].idx, end_char)  # "insiders say she is fine" (no parse)
        return cand
    if participle:
        return None  # '... will receive a letter telling them of it': no clause of its own
    # Sentence-final reporting clause: "Portman is hurting, insiders say [to Us]
    # [, speaking on condition of anonymity]."
    rest = range(k, hi)
    final = all(not (ctx.pos(doc[j]) in ("VERB", "AUX") and not doc[j].is_title) or doc[j].tag_ == "VBN" for j in rest)
    final = final or (k < hi and doc[k].text == "," and k + 1 < hi and doc[k + 1].tag_ == "VBG")
    # A parenthetical reporting clause: 'She took the three kids, the source says, and ...'
    final = final or (k + 1 < hi and doc[k].text == "," and doc[k + 1].lower_ in _CLAUSE_LINKS)
    # 'In the court papers, Lee asked ...': an opening prepositional phrase is not a clause
    lead = lo
    while lead < hi and (doc[lead].is_punct or doc[lead].is_space):
        lead += 1
    clause = not (ctx.pos(doc[lead]) in ("ADP", "SCONJ") and not any(
        ctx.pos(doc[j]) in ("VERB", "AUX") for j in range(lo, cand.source[0] - 1 if cand.source else lo)))
    short_lead = cand.source is not None and 0 < cand.source[0] - 1 - lo <= 3 and all(
        ctx.pos(doc[j]) in ("ADV", "INTJ", "CCONJ", "PUNCT") for j in range(lo, cand.source[0] - 1))
    if cand.source and short_lead and k + 1 < hi and doc[k].text == "," and cand.source[0] - 1 > lo and doc[cand.source[0] - 1].text == ",":
        cand.content = _trim(text, doc[k + 1].idx, end_char)  # 'Now, the friend says, they are ...'
        return cand
    # ('Speaking to the press, Lee described ...': a participial phrase is no reported clause)
    if cand.source and final and clause and cand.source[0] - 1 > lo and doc[cand.source[0] - 1].text == "," and _finite(ctx, lo, cand.source[0] - 1):
        cand.content = _trim(text, doc[lo].idx, doc[cand.source[0] - 1].idx)
        return cand
    return None


def _tensed(verb) -> bool:
    """Whether a verb heads a clause with a tense of its own ('shot'; 'embezzled', which the tagger
    often takes for a participle), not an infinitive ('to be named', 'to speak')."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "VBN") and not any(c.tag_ == "TO" for c in verb.children)
