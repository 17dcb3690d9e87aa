"""``storyline_claims``: every attributed content and every factual narration clause as a claim.

A claim is one predicate with its subject, object and time, read from the parse:

- attributed content yields one claim per top-level predicate of the content span, coordinated
  predicates split ("moved out and filed for divorce" -> two claims sharing the subject);
- narration sentences (outside every attribution) yield claims for their main finite predicate,
  its coordinated predicates and temporal clauses ('When Portman stepped out at ...'); relative
  and reason clauses stay inside their sentence's claim;
- the complement of a discovery or belief verb is a claim too ('discovered that he had cheated');
  verbless lines (headlines, photo credits such as 'Getty Images') yield none;
- the reporting verb of an attribution ('the source says') is never a claim of its own.

Predicates are normalised through ``data/predicates.json`` (split/separate -> separate,
marry/wed -> marry, cheat/affair -> cheat) and typed by class. Opinions and feelings ('was
humiliated', 'she's a realist') are claims too, typed ``feeling``.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from storyline.core.lexicon import load_data
from storyline.read.certainty.assess import (
    Assessments,
    assess,
    attribution_adjust,
    embedding_certainty,
    parse_rows,
    take_assessments,
    weakest,
)
from storyline.read.doc import (
    AttributionAnn,
    ClaimAnn,
    DocIndex,
    char_span,
    ensure_extensions,
)
from storyline.read.quantities import find_quantities

__all__ = ["find_claims", "normalise_predicate", "claims_component"]

_ASPECTUAL = frozenset(
    {"start", "begin", "continue", "go", "decide", "try", "attempt", "plan", "agree", "stop", "keep", "choose",
     "appear", "seem", "want", "need", "hope", "refuse", "manage", "fail", "tend", "get"}
)
_COPULAS = frozenset({"be", "become", "feel", "seem", "look", "remain", "stay", "get", "appear", "sound"})
_LIGHT = frozenset({"have", "make", "take", "get", "give", "do"})
# Verbs that record an attribute of an event ("the papers list the date of separation as ...",
# "the filing cites the cause of the split"): the event noun after "of" carries the class.
_RECORDING = frozenset({"list", "give", "state", "cite", "record", "show", "put", "set", "name", "note"})
_ATTRIBUTE_NOUNS = frozenset({"date", "day", "month", "year", "time", "reason", "cause", "ground", "grounds", "place", "location"})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLAUSE_DEPS = frozenset({"advcl"})
_TEMPORAL_MARKS = frozenset({"when", "after", "before", "until", "once", "since"})
# Verbs whose clause complement is a claim of its own (relative clauses, reasons and reported
# frames are not: they stay inside their sentence's claim, as the attribution gold annotates).
_EMBEDDING = frozenset({"discover", "learn", "realize", "realise", "find", "know", "notice", "suspect", "fear", "believe", "think", "reveal", "confirm"})
_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
_CREDIT_WORDS = frozenset({"getty", "images", "shutterstock", "courtesy", "photo", "photos", "credit", "mega", "backgrid", "splash", "ap", "reuters", "afp"})
_DROP = frozenset({"a", "an", "the", "her", "his", "their", "its", "my", "your", "our"})


@lru_cache(maxsize=1)
def _predicates() -> dict[str, tuple[str, str]]:
    raw = load_data("predicates.json", {"predicates": dict})
    forms: dict[str, tuple[str, str]] = {}
    for name, entry in raw.get("predicates", {}).items():
        for form in [name, *entry.get("forms", [])]:
            forms.setdefault(form.lower(), (name, entry.get("class")))
    return forms


_CONTRACTIONS = {"’s": "be", "'s": "be", "’re": "be", "'re": "be", "’m": "be", "'m": "be", "’ve": "have", "'ve": "have", "’ll": "will", "'ll": "will", "’d": "would", "'d": "would"}


def _lemma(t: Token) -> str:
    if t.pos_ in ("AUX", "VERB") and t.lower_ in _CONTRACTIONS:  # the lemmatizer misses curly contractions
        return _CONTRACTIONS[t.lower_]
    return (t.lemma_ or t.text).lower()


def normalise_predicate(head: Token) -> tuple[str, str | None]:
    """(normalised predicate, class) for a clause head, trying phrase forms before the lemma."""
    lex = _predicates()
    # "began to suspect", "went on to welcome", "decided to leave": the complement carries the event.
    seen = 0
    while _lemma(head) in _ASPECTUAL and seen < 4:
        comp = next(
            (c for c in head.children if c.pos_ in ("VERB", "AUX") and (c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(g.tag_ == "TO" for g in c.children)))),
            None,
        )
        if comp is None:
            break
        head, seen = comp, seen + 1
    lemma = _lemma(head)
    forms: list[str] = []
    kids = list(head.children)
    for c in kids:
        if c.dep_ == "prt":
            forms.append(f"{lemma} {_lemma(c)}")
    for c in kids:
        if c.dep_ == "prep":
            forms.append(f"{lemma} {c.lower_}")
            for g in c.children:
                if g.dep_ == "pobj":
                    forms.append(f"{lemma} {c.lower_} {_lemma(g)}")
    for c in kids:
        if c.dep_ in ("dobj", "attr", "acomp", "oprd"):
            forms.append(f"{lemma} {_lemma(c)}")
            if lemma in _LIGHT or lemma in _COPULAS:
                forms.append(_lemma(c))
                forms.append(c.lower_)
            if lemma in _RECORDING and _lemma(c) in _ATTRIBUTE_NOUNS:
                forms.extend(_lemma(g) for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                             for g in p.children if g.dep_ == "pobj")
    if head.tag_ == "VBN":
        forms.append(head.lower_)
    forms.append(lemma)
    for f in sorted(forms, key=lambda f: -len(f.split())):
        hit = lex.get(" ".join(w for w in f.split() if w not in _DROP))
        if hit:
            return hit[0], hit[1]
    if lemma in _COPULAS:
        comp = next((c for c in kids if c.dep_ in ("acomp", "attr")), None)
        if comp is not None:
            return _lemma(comp), None
    prt = next((c for c in kids if c.dep_ == "prt"), None)
    return (f"{lemma} {_lemma(prt)}" if prt is not None else lemma), None


def _finite(t: Token) -> bool:
    if t.tag_ in _FINITE_TAGS:
        return True
    return t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in t.children)


def _clause_span(p: Token, lo: int, hi: int, cut: set[int], claimed: set[int]) -> tuple[int, int]:
    """Token span of the clause headed by ``p`` within ``lo:hi``, without its coordinated or
    separately claimed clauses, and not crossing tokens in ``cut`` (other attributions)."""
    left, right = max(p.left_edge.i, lo), min(p.right_edge.i + 1, hi)
    for d in (p.doc[k] for k in claimed if left <= k < right and k != p.i):
        if p.is_ancestor(d):
            if d.i > p.i:
                right = min(right, max(d.left_edge.i, p.i + 1))
            else:
                left = max(left, min(d.right_edge.i + 1, p.i))
    for c in p.children:
        if c.dep_ in ("conj", "cc", "preconj") or (c.dep_ in _CLAUSE_DEPS and _finite(c)) or c.dep_ == "parataxis":
            if c.i > p.i:
                right = min(right, max(c.left_edge.i, p.i + 1))
            elif c.dep_ != "cc":
                left = max(left, min(c.right_edge.i + 1, p.i))
    for k in range(p.i - 1, left - 1, -1):
        if k in cut:
            left = k + 1
            break
    for k in range(p.i + 1, right):
        if k in cut:
            right = k
            break
    doc = p.doc
    while left < right and (doc[left].is_punct or doc[left].is_space or doc[left].pos_ == "CCONJ"):
        left += 1
    while right > left and (doc[right - 1].is_punct or doc[right - 1].is_space or doc[right - 1].pos_ == "CCONJ"):
        right -= 1
    return left, right


def _subject(p: Token) -> Token | None:
    hops = 0
    while p is not None and hops < 6:
        subj = next((c for c in p.children if c.dep_ in _SUBJ), None)
        if subj is not None:
            if p.dep_ == "relcl" and subj.tag_ in ("WP", "WDT") and p.head.i != p.i:
                return p.head  # 'Portman who married the choreographer'
            return subj
        if p.dep_ == "acl" and getattr(_acl_verb(p.head), "i", None) == p.i:
            return p.head  # 'Lee, 42, moved out': see _acl_verb
        if p.dep_ in ("conj", "xcomp", "advcl", "relcl") and p.head.i != p.i:
            if p.dep_ == "relcl":
                return p.head
            p, hops = p.head, hops + 1
            continue
        return None
    return None


def _object(p: Token) -> Token | None:
    kids = list(p.children)
    for dep in ("dobj", "attr", "oprd", "acomp", "dative"):
        obj = next((c for c in kids if c.dep_ == dep and c.tag_ not in ("IN", "WDT")), None)
        if obj is not None:
            return obj
    for c in kids:
        if c.dep_ in ("prep", "agent"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


class _Index:
    """Token -> entity key, timex index and sentence bounds, built once per Doc."""

    def __init__(self, doc: Doc, assessed: Assessments | None = None):
        self.assessed = assessed or {}  # token span -> assess() already made by storyline_certainty
        tokens = DocIndex.build(doc)  # the same sentences as doc.sents, without a Span each
        self.tokens = tokens
        self.sents: list[tuple[int, int]] = tokens.sent_bounds
        self.sent_of: list[int] = tokens.sent_of
        self.rows = parse_rows(doc)  # heads and sentence starts of the whole Doc (offset 0), read once
        self.head = self.rows.head
        self.entity: dict[int, int] = {}
        names: set[int] = set()
        for ent in doc._.sl_entities or []:
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None:
                    for k in range(span.start, span.end):
                        self.entity.setdefault(k, ent.key)
                    if m.kind == "name":
                        names.update(range(span.start, span.end))
        self.timex: dict[int, int] = {}
        for n, t in enumerate(doc._.sl_timexes or []):
            span = doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None:
                for k in range(span.start, span.end):
                    self.timex.setdefault(k, n)
        # Numbers in dates and times, and in names ("Apollo 11"), are no quantities.
        timexes = doc._.sl_timexes or []
        self.no_quantity = names | {k for k, n in self.timex.items() if timexes[n].type != "DURATION"}

    def entity_of(self, t: Token | None) -> int | None:
        if t is None:
            return None
        if t.i in self.entity:
            return self.entity[t.i]
        for k in range(t.left_edge.i, t.right_edge.i + 1):
            if k in self.entity:
                return self.entity[k]
        return None

    def timex_of(self, p: Token, left: int, right: int) -> int | None:
        inside = [k for k in range(left, right) if k in self.timex]
        best = None
        for k in inside:
            h, hops, embedded = p.doc[k], 0, False
            while h.i != p.i and h.head.i != h.i and hops < 12:
                # A clause modifying a noun ("the pair, who met in 2009, were separating") dates
                # its own event, not the claim's.
                embedded = embedded or h.dep_ in ("relcl", "acl")
                h, hops = h.head, hops + 1
            if h.i == p.i and not embedded:
                return self.timex[k]
            if not embedded:
                best = best if best is not None else self.timex[k]
        if best is not None:
            return best
        # A timex outside the clause that still governs it ('In August 2023, ... separated').
        a, b = self.sents[self.sent_of[p.i]]
        for k in range(a, b):
            if k in self.timex and p.doc[k].head.i == p.i:
                return self.timex[k]
        return None


def _predicates_in(doc: Doc, head: list[int], lo: int, hi: int, skip: set[int], narration: bool) -> list[Token]:
    """Top-level predicates of ``lo:hi`` and their conjuncts (and adverbial clauses in narration).

    ``head`` is the absolute head index of every token of ``doc``."""
    heads = [doc[k] for k in range(lo, hi) if head[k] == k or not lo <= head[k] < hi]
    out: list[Token] = []
    queue = [t for t in heads if not narration or t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT"]
    if not narration:
        # 'Lee, 42, moved out' mis-parsed as a name modified by 'moved': the verb is the predicate
        queue = [_acl_verb(t) or t for t in queue]
        # A noun left dangling by a bad parse ('the actress' read as a conjunct of an earlier
        # subject) is no predicate when the content has a verb of its own.
        if any(t.pos_ in ("VERB", "AUX") for t in queue):
            queue = [t for t in queue if t.pos_ in ("VERB", "AUX") or t.pos_ not in ("NOUN", "PROPN", "PRON")]
    if not narration:
        queue = [t for t in queue if not (t.is_punct or t.is_space)]
    seen: set[int] = set()
    while queue:
        t = queue.pop(0)
        if t.i in seen:
            continue
        seen.add(t.i)
        if t.i not in skip and (not narration or _finite(t) or t.dep_ == "conj"):
            if t.pos_ in ("VERB", "AUX") or not narration:
                out.append(t)
        for c in t.children:
            if not lo <= c.i < hi:
                continue
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
                queue.append(c)
            elif c.dep_ == "advcl" and _finite(c) and narration and _temporal(c):
                queue.append(c)  # 'When Portman stepped out at the Governors Awards on January 9'
            elif c.dep_ in ("advcl", "parataxis", "ccomp") and _finite(c) and (c.i in skip or t.i in skip):
                queue.append(c)  # the clause under a reporting cue that is not itself content
            elif c.dep_ == "ccomp" and _finite(c) and _lemma(t) in _EMBEDDING:
                queue.append(c)  # 'discovered that he had cheated': both are claims
    return sorted(out, key=lambda t: t.i)


def _acl_verb(t: Token) -> Token | None:
    """The finite-looking verb hanging off a name as ``acl`` ('Lee, 42, moved out'), if any."""
    if t.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return next((c for c in t.children if c.dep_ == "acl" and c.pos_ == "VERB" and c.tag_ in ("VBD", "VBN")
                 and c.i > t.i and t.doc[c.i - 1].text == ","), None)


def _temporal(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in clause.children)


def _credit_line(tokens: DocIndex, lo: int, hi: int) -> bool:
    words = [tokens.lowers[k] for k in range(lo, hi) if tokens.texts[k].isalpha()]
    return 0 < len(words) <= 6 and any(w in _CREDIT_WORDS for w in words)


def find_claims(doc: Doc, assessed: Assessments | None = None) -> list[ClaimAnn]:
    """Claims for ``doc`` from its parse, ``sl_attributions``, ``sl_entities`` and ``sl_timexes``.

    ``assessed``: :func:`~storyline.read.certainty.assess.assess` results already known for token spans
    of this Doc as it is now (see :func:`~storyline.read.certainty.assess.take_assessments`)."""
    if not doc.has_annotation("DEP") or len(doc) == 0:
        return []
    atts: list[AttributionAnn] = doc._.sl_attributions or []
    index = _Index(doc, assessed)
    texts, head = index.tokens.texts, index.head
    owner = [-1] * len(doc)  # token -> attribution whose content holds it
    reporting: set[int] = set()  # tokens of reporting clauses (cue and source)
    spans: list[tuple[int, int] | None] = []
    for ai, att in enumerate(atts):
        span = char_span(doc, att.content_start, att.content_end)
        spans.append((span.start, span.end) if span is not None else None)
        if att.source_start is not None:
            src = char_span(doc, att.source_start, att.source_end)
            if src is not None and not (span is not None and span.start <= src.start < span.end):
                reporting.update(range(src.start, src.end))
    # Nested contents (a quote inside a quote) own their tokens: assign the longest first.
    for ai in sorted(range(len(atts)), key=lambda a: -(spans[a][1] - spans[a][0]) if spans[a] else 0):
        if spans[ai] is not None:
            for k in range(*spans[ai]):
                owner[k] = ai
    for att, sp in zip(atts, spans):
        if att.cue and att.quote != "none" and sp is not None:
            # the cue token nearest to the content, outside it
            for k in range(max(0, sp[0] - 12), min(len(doc), sp[1] + 12)):
                if owner[k] < 0 and texts[k] == att.cue.split()[0]:
                    reporting.add(k)

    claims: list[ClaimAnn] = []
    for ai, (att, sp) in enumerate(zip(atts, spans)):
        if sp is None:
            continue
        lo, hi = sp
        cut = {k for k in range(lo, hi) if owner[k] != ai}
        preds = [p for p in _predicates_in(doc, head, lo, hi, cut | reporting, narration=False) if owner[p.i] == ai]
        if not preds:
            root = next((doc[k] for k in range(lo, hi) if not lo <= head[k] < hi), doc[lo])
            preds = [root]
        claimed = {p.i for p in preds}
        for p in preds:
            claims.append(_claim(doc, p, lo, hi, cut, claimed, index, att, ai))
    punct, space = index.tokens.punct, index.tokens.space
    for s_lo, s_hi in index.sents:
        for lo, hi in _pieces(texts, s_lo, s_hi):
            if _credit_line(index.tokens, lo, hi) or all(owner[k] >= 0 or punct[k] or space[k] for k in range(lo, hi)):
                continue
            cut = {k for k in range(lo, hi) if owner[k] >= 0} | reporting
            preds = [p for p in _predicates_in(doc, head, lo, hi, cut, narration=True) if owner[p.i] < 0 and p.i not in reporting]
            claimed = {p.i for p in preds}
            for p in preds:
                claims.append(_claim(doc, p, lo, hi, cut, claimed, index, None, None))
    claims.sort(key=lambda c: (c.start, c.end))
    return claims


def _pieces(texts: list[str], lo: int, hi: int) -> list[tuple[int, int]]:
    """Split a sentence at newlines (the parser sometimes runs sentences across paragraphs)."""
    out, start = [], lo
    for k in range(lo, hi):
        if "\n" in texts[k]:
            if k > start:
                out.append((start, k))
            start = k + 1
    if start < hi:
        out.append((start, hi))
    return out


def _claim(
    doc: Doc, p: Token, lo: int, hi: int, cut: set[int], claimed: set[int], index: _Index, att: AttributionAnn | None, ai: int | None
) -> ClaimAnn:
    left, right = _clause_span(p, lo, hi, cut, claimed)
    if right <= left:
        left, right = p.i, p.i + 1
    span = doc[left:right]
    predicate, klass = normalise_predicate(p)
    subj, obj = _subject(p), _object(p)
    known = index.assessed.get((left, right))
    certainty, polarity, hedges = (known[0], known[1], list(known[2])) if known else assess(span, index.rows)
    embedding = embedding_certainty(p)
    if embedding is not None:  # 'suspects [Ben has been cheating]'
        certainty = weakest(certainty, embedding[0])
        hedges = [embedding[1], *hedges]
    content = doc[lo:hi] if att is not None else None
    certainty, polarity, hedges = attribution_adjust(doc, att, content, certainty, polarity, hedges, index.rows)
    s_lo, s_hi = index.sents[index.sent_of[p.i]]
    if att is not None:
        s_lo, s_hi = min(s_lo, lo), max(s_hi, hi)
    # Texts are sliced from the Doc text (a Span's text would create a Token per word).
    tokens = index.tokens
    s_start, s_end = tokens.char_bounds(s_lo, s_hi)
    obj_text = None
    if obj is not None:
        o_lo, o_hi = max(obj.left_edge.i, left), min(obj.right_edge.i + 1, right)
        if o_hi > o_lo:
            o_start, o_end = tokens.char_bounds(o_lo, o_hi)
            obj_text = tokens.text[o_start:o_end]
        else:
            obj_text = obj.text
    start, end = tokens.char_bounds(left, right)
    return ClaimAnn(
        start=start,
        end=end,
        text=tokens.text[start:end],
        predicate=predicate,
        predicate_class=klass,
        subject_key=index.entity_of(subj),
        object_key=index.entity_of(obj),
        object_text=obj_text,
        timex_index=index.timex_of(p, left, right),
        attribution_index=ai,
        source_kind=att.kind if att is not None else "unattributed",
        certainty=certainty,
        polarity=polarity,
        hedges=hedges,
        sentence_start=s_start,
        sentence_end=s_end,
        quantities=find_quantities(doc, left, right, index.no_quantity),
    )


@Language.component(
    "storyline_claims",
    requires=["doc._.sl_attributions", "doc._.sl_entities", "doc._.sl_timexes", "token.tag", "token.lemma", "token.dep",
              "token.head", "doc.sents"],
    assigns=["doc._.sl_claims", "doc.spans"],
)
def claims_component(doc: Doc) -> Doc:
    """Set ``doc._.sl_claims`` and the ``sl_claims`` span group (label = predicate class)."""
    ensure_extensions()
    claims = find_claims(doc, take_assessments(doc))
    doc._.sl_claims = claims
    group = []
    for c in claims:
        span = char_span(doc, c.start, c.end, c.predicate_class or "claim")
        if span is not None:
            group.append(span)
    doc.spans["sl_claims"] = group
    return doc
